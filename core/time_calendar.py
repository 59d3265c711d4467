"""Calendar and clock arithmetic on crime times: periods, calendar steps, wall-clock time and UTC.

Times are ``numpy.datetime64[s]`` as :mod:`.timeparse` reads them, with
``NaT`` (:data:`NOT_A_TIME`) for a missing or unreadable time.  UTC offsets
are looked up once per quarter hour of the data, the resolution of every
zone's transitions, rather than once per time.
"""

import datetime

import numpy as np

from .errors import InputError

NOT_A_TIME = np.datetime64("NaT", "s")
STEPS = ("day", "week", "month")
_MONDAY = np.datetime64("1970-01-05", "D")
_EPOCH_UTC = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def in_period(times, start=None, end=None):
    """True where ``start <= time < end`` (either bound may be None); False for NaT."""
    keep = ~np.isnat(times)
    if start is not None:
        keep &= times >= np.datetime64(start, "s")
    if end is not None:
        keep &= times < np.datetime64(end, "s")
    return keep


def time_steps(times, step, start=None):
    """Number each time by its calendar step: days, Monday-based weeks or months.

    Parameters
    ----------
    times : ndarray of datetime64
    step : {"day", "week", "month"}
    start : datetime-like, optional
        The first step is the one holding ``start``; default: the earliest time.

    Returns
    -------
    index : ndarray of int
        Step of each time, 0 = the first step.
    first : numpy.datetime64
        When the first step begins.
    """
    if step not in STEPS:
        raise InputError(f"Unknown step {step!r}: use day, week or month.")
    times = np.asarray(times, dtype="datetime64[s]")
    if times.size == 0 and start is None:
        raise InputError("No times to divide into steps.")
    origin = np.datetime64(start, "s") if start is not None else times.min()
    if step == "month":
        number = times.astype("datetime64[M]").astype(np.int64)
        first = origin.astype("datetime64[M]")
        return number - first.astype(np.int64), first.astype("datetime64[s]")
    days = times.astype("datetime64[D]")
    if step == "day":
        first = origin.astype("datetime64[D]")
        return (days - first).astype(np.int64), first.astype("datetime64[s]")
    first_week = (origin.astype("datetime64[D]") - _MONDAY).astype(np.int64) // 7
    week = (days - _MONDAY).astype(np.int64) // 7
    return week - first_week, (_MONDAY + np.timedelta64(7 * int(first_week), "D")).astype("datetime64[s]")


def wall_clock_to_utc(times, zone):
    """Wall-clock times in ``zone`` as UTC instants.

    Parameters
    ----------
    times : ndarray of datetime64
        Naive local times; NaT stays NaT.
    zone : datetime.tzinfo

    Returns
    -------
    ndarray of datetime64[s]
        A time in the autumn's repeated hour is taken at its first occurrence;
        one in the spring-forward gap with the offset from before the change
        (PEP 495, ``fold=0``).  Offsets are looked up once per quarter hour of
        the data, the resolution of every zone's transitions.
    """
    epoch = datetime.datetime(1970, 1, 1)
    return _shift_by_offset(times, -1, lambda quarter: (epoch + datetime.timedelta(minutes=15 * quarter))
                            .replace(tzinfo=zone).utcoffset())


def utc_to_wall_clock(times, zone):
    """UTC instants as wall-clock times in ``zone`` (the inverse of :func:`wall_clock_to_utc`
    except in the autumn's repeated hour, whose two passes share their wall-clock times)."""
    return _shift_by_offset(times, 1, lambda quarter: datetime.datetime.fromtimestamp(
        900 * quarter, datetime.timezone.utc).astimezone(zone).utcoffset())


def _shift_by_offset(times, sign, offset_of_quarter):
    """``times`` plus ``sign`` times the UTC offset of their quarter hour, looked up once per quarter."""
    times = np.asarray(times).astype("datetime64[s]")
    result = np.full(times.shape, NOT_A_TIME)
    valid = ~np.isnat(times)
    if not valid.any():
        return result
    quarters = times[valid].astype("datetime64[m]").astype(np.int64) // 15
    distinct, inverse = _distinct(quarters)
    offsets = np.array([offset_of_quarter(int(q)).total_seconds() for q in distinct.tolist()], dtype=np.int64)
    result[valid] = times[valid] + sign * offsets[inverse].astype("timedelta64[s]")
    return result


def wall_clock_shifts(utc, zone):
    """Seconds from UTC instants (seconds since 1970) to their wall-clock time in ``zone``.

    Looked up once per quarter hour of the data, as ``datetime.astimezone``
    gives it.  Returns ``(shift, known)``: ``known`` is False in a quarter
    whose first and last second differ (a transition off the quarter hour,
    as local mean times had) or that is not whole seconds; the caller
    converts those instants one at a time.
    """
    def shift_at(second):
        moment = _EPOCH_UTC + datetime.timedelta(seconds=second)
        return moment.astimezone(zone).replace(tzinfo=None) - moment.replace(tzinfo=None)

    quarters, inverse = _distinct(utc // 900)
    starts = {quarter: shift_at(900 * quarter) for quarter in set(quarters.tolist()) | set((quarters + 1).tolist())}
    shifts = np.zeros(quarters.size, dtype=np.int64)
    known = np.zeros(quarters.size, dtype=bool)
    for i, quarter in enumerate(quarters.tolist()):
        shift = starts[quarter]
        # Most quarters share their shift with the next one's start; the rest are checked at their last second.
        if (shift == starts[quarter + 1] or shift == shift_at(900 * quarter + 899)) and not shift.microseconds:
            shifts[i] = shift // datetime.timedelta(seconds=1)
            known[i] = True
    return shifts[inverse], known[inverse]


def _distinct(values):
    """``numpy.unique(values, return_inverse=True)`` for integers, by counting where their range is narrow."""
    if values.size == 0 or int(values.max()) - int(values.min()) > 4 * values.size + 4096:
        return np.unique(values, return_inverse=True)
    low = values.min()
    seen = np.zeros(int(values.max() - low) + 1, dtype=bool)
    seen[values - low] = True
    return np.flatnonzero(seen) + low, (np.cumsum(seen) - 1)[values - low]
