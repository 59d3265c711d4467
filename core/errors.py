"""The one exception core raises for bad input.

Core checks what it is given and refuses it with :class:`InputError`, whose message says, in the
words of the domain (cells, crimes, days), what is wrong and how to put it right. The Processing
algorithms turn exactly this exception into a user-facing error; any other exception from core is a
bug and keeps its traceback.
"""


class InputError(ValueError):
    """Bad input to a core function: the message names the problem and the fix.

    A subclass of :class:`ValueError`, so callers outside QGIS may catch either.

    Parameters
    ----------
    message : str
        What is wrong and how to put it right, in the domain's words (cells, crimes, days), not in
        the words of one user interface.
    setting : str or tuple of str, optional
        The name of the core function's argument the message is about (e.g. ``"top_n"``), or the
        names when it is about how several fit together, so that a caller can say which of its own
        settings those are (a Processing algorithm: ``TOP_N``).

    Examples
    --------
    >>> from hotspot_patrol.core.errors import InputError
    >>> try:
    ...     raise InputError("The cell size must be more than 0 metres.")
    ... except ValueError as error:
    ...     print(error)
    The cell size must be more than 0 metres.
    """

    def __init__(self, message, setting=None):
        super().__init__(message)
        self.setting = setting

    @property
    def settings(self):
        """The settings the message is about, as a tuple (empty when it names none)."""
        if self.setting is None:
            return ()
        return (self.setting,) if isinstance(self.setting, str) else tuple(self.setting)
