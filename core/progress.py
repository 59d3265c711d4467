"""Progress reporting and cancellation shared by the core functions.

Core functions accept an optional ``progress`` callable.  It is called with
the fraction of work done (0 to 1) and returns a true value when the caller
wants the work stopped, in which case the core function raises
:class:`Cancelled`.  The Processing glue maps this onto
``QgsProcessingFeedback.setProgress`` and ``isCanceled``.
"""


class Cancelled(Exception):
    """Raised by a core function when its ``progress`` callback asks to stop."""


def report(progress, fraction):
    """Report ``fraction`` done to ``progress`` and raise if it asks to stop.

    Parameters
    ----------
    progress : callable or None
        ``progress(fraction) -> bool``; a true return value cancels.
    fraction : float
        Share of the work done, 0 to 1.
    """
    if progress is not None and progress(min(max(float(fraction), 0.0), 1.0)):
        raise Cancelled()
