"""What crime times can say: their resolution, and unknown times written as midnight.

Open data often carry less time than their type suggests.  data.police.uk
gives a month per crime; read as a date it becomes 00:00 on the 1st, and a
tool that trusts that plans every patrol at midnight and finds "effects" on
the 1st of each month.  Records-system exports give a date without a time,
or write an unknown time as 00:00.  This module tells which of these a
column of times is, so that every algorithm can refuse what the data cannot
support, or do the honest reduced thing and say so.

Resolutions, coarsest first:

``month``
    Only the month is known: text ``yyyy-MM`` (the data.police.uk form), or
    every time falls at 00:00:00 on the 1st of its month.
``day``
    Only the date is known: every time is at 00:00:00 (dates, or date-times
    whose time part is always midnight).
``minute``
    Times of day are present.

References
----------
Ratcliffe, J. H. (2002). Aoristic signatures and the spatio-temporal
    analysis of high volume crime patterns. Journal of Quantitative
    Criminology 18(1), 23-43.
Police.uk (Home Office). About data.police.uk: street-level crime data are
    published by month, at anonymised snap points.

Examples
--------
>>> import numpy as np
>>> times = np.array(["2018-07-01", "2018-08-01"], dtype="datetime64[s]")
>>> time_resolution(times).resolution
'month'
>>> time_resolution(np.array(["2018-07-01T22:15"], dtype="datetime64[s]")).resolution
'minute'
"""

import re
from dataclasses import dataclass

import numpy as np

MONTH, DAY, MINUTE = "month", "day", "minute"
RESOLUTIONS = (MONTH, DAY, MINUTE)  # coarsest first
_MONTH_TEXT = re.compile(r"^\s*\d{4}-\d{1,2}\s*$")

#: Midnight heaping: 00:00 holds at least this many times the mean of the other whole hours' first minute ...
HEAPING_RATIO = 3.0
#: ... and at least this many crimes, so that a handful of genuine midnight crimes never triggers it.
HEAPING_MINIMUM = 10


@dataclass(frozen=True)
class Resolution:
    """The resolution of a column of times and the rule that decided it.

    ``resolution`` is ``"month"``, ``"day"`` or ``"minute"`` (None for a
    column without any time); ``rule`` says why, in words for a log.
    """

    resolution: object
    rule: str

    @property
    def has_time_of_day(self):
        return self.resolution == MINUTE

    def at_least(self, needed):
        """True when the times are at least as fine as ``needed``."""
        return self.resolution is not None and RESOLUTIONS.index(self.resolution) >= RESOLUTIONS.index(needed)


def time_resolution(times, raw=None):
    """Classify a column of times as month, day or minute resolution.

    Parameters
    ----------
    times : ndarray of datetime64
        Parsed wall-clock times; NaT (missing or unreadable) is ignored.
    raw : array_like, optional
        The values as read, before parsing.  When every present value is
        text of the form ``yyyy-MM``, the column is month-resolution whatever
        the parsed times say.

    Returns
    -------
    Resolution
        ``resolution`` None when there is no time at all.

    Notes
    -----
    The rules, in order: every present raw value is text ``yyyy-MM``
    (month); every time is 00:00:00 on the 1st of its month (month); every
    time is 00:00:00 (day); otherwise minute.  One crime with a time of day
    makes a column ``minute``: a column of mostly unknown midnights is
    ``minute`` too, and :func:`midnight_heaping` is the check for that.
    """
    times = np.asarray(times).astype("datetime64[s]")
    known = times[~np.isnat(times)]
    if raw is not None and _all_month_text(np.asarray(raw, dtype=object).ravel()):
        return Resolution(MONTH, "every value is text yyyy-MM")
    if known.size == 0:
        return Resolution(None, "no readable time")
    if not np.all(known == known.astype("datetime64[D]")):
        return Resolution(MINUTE, "times of day are present")
    if np.all(known == known.astype("datetime64[M]")):
        return Resolution(MONTH, "every time is 00:00 on the 1st of its month")
    return Resolution(DAY, "every time is 00:00:00")


def _all_month_text(raw):
    """True when every present value of ``raw`` (an object array; one at least) is text ``yyyy-MM``."""
    first = next((v for v in raw if v is not None), None)
    # The first present value settles most columns without a pass over every string.
    if not (isinstance(first, str) and _MONTH_TEXT.match(first)):
        return False
    present = [v for v in raw.tolist() if v is not None]
    return all(isinstance(v, str) for v in present) and all(_MONTH_TEXT.match(v) for v in set(present))


@dataclass(frozen=True)
class MidnightHeaping:
    """Crimes at exactly 00:00 against the other whole hours' first minute.

    ``at_midnight``: crimes whose time is 00:00 (to the minute);
    ``mean_other``: the mean count of crimes at HH:00 for HH = 01..23;
    ``heaped``: whether midnight holds far more than those (see
    :func:`midnight_heaping`).
    """

    at_midnight: int
    mean_other: float
    heaped: bool


def is_midnight(times):
    """True where a wall-clock time is 00:00 to the minute (seconds ignored); False for NaT."""
    times = np.asarray(times).astype("datetime64[s]")
    minutes = times.astype("datetime64[m]")
    return ~np.isnat(times) & (minutes == times.astype("datetime64[D]"))


def midnight_heaping(times, ratio=HEAPING_RATIO, minimum=HEAPING_MINIMUM):
    """Whether unknown times look written as midnight.

    Records systems write an unknown time of day as 00:00.  Real crime at
    00:00 is about as common as at 23:00 or 01:00, and rounded times heap on
    every whole hour alike, so midnight is compared with the first minute of
    the other whole hours.

    Parameters
    ----------
    times : ndarray of datetime64
        Wall-clock times; NaT is ignored.
    ratio : float
        Heaped when the crimes at 00:00 are at least ``ratio`` times the mean
        count at HH:00 over HH = 01..23 ...
    minimum : int
        ... and at least ``minimum`` crimes.

    Returns
    -------
    MidnightHeaping

    Examples
    --------
    >>> import numpy as np
    >>> times = np.array(["2024-05-01T00:00"] * 40 + ["2024-05-01T13:00"] * 2, dtype="datetime64[s]")
    >>> midnight_heaping(times).heaped
    True
    """
    times = np.asarray(times).astype("datetime64[s]")
    known = times[~np.isnat(times)]
    minute_of_day = (known.astype("datetime64[m]") - known.astype("datetime64[D]")).astype(np.int64)
    on_the_hour = minute_of_day[minute_of_day % 60 == 0] // 60
    by_hour = np.bincount(on_the_hour, minlength=24)
    mean_other = float(by_hour[1:].mean())
    at_midnight = int(by_hour[0])
    return MidnightHeaping(at_midnight, mean_other,
                           bool(at_midnight >= minimum and at_midnight >= ratio * mean_other))


def period_bound_finer_than(bound, resolution):
    """True when a period bound (START or END) says more than times of ``resolution`` can.

    A month-resolution column can only be cut at 00:00 on the 1st of a
    month; a day-resolution column at 00:00 of a day.

    Parameters
    ----------
    bound : datetime-like or None
    resolution : str or None

    Returns
    -------
    bool
        False for a None bound or resolution.
    """
    if bound is None or resolution in (None, MINUTE):
        return False
    moment = np.datetime64(bound, "s")
    unit = "datetime64[M]" if resolution == MONTH else "datetime64[D]"
    return bool(moment != moment.astype(unit))


_STEP_RESOLUTION = {"day": DAY, "week": DAY, "month": MONTH}


def step_finer_than(step, resolution):
    """True when time steps of ``step`` (day, week, month) need times finer than ``resolution``."""
    if resolution is None:
        return False
    return not Resolution(resolution, "").at_least(_STEP_RESOLUTION[step])
