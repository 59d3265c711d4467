"""The one exception core raises for bad input.

Core checks what it is given and refuses it with :class:`InputError`, whose message says, in the
words of the domain (cells, crimes, days), what is wrong and how to put it right. The Processing
algorithms turn exactly this exception into a user-facing error; any other exception from core is a
bug and keeps its traceback.
"""


class InputError(ValueError):
    """Bad input to a core function: the message names the problem and the fix.

    A subclass of :class:`ValueError`, so callers outside QGIS may catch either.

    Examples
    --------
    >>> from hotspot_patrol.core.errors import InputError
    >>> try:
    ...     raise InputError("The cell size must be more than 0 metres.")
    ... except ValueError as error:
    ...     print(error)
    The cell size must be more than 0 metres.
    """
