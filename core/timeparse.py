"""Reading crime times from the forms police exports use.

Times are wall-clock times as written in the data: a crime recorded at 22:15
stays at 22:15.  Given a time zone, a time that carries its own UTC offset
(ISO text ending in ``Z`` or ``+hh:mm``, or an aware ``datetime``, as GPS
trails are usually written) is converted to that zone's wall-clock time;
without one the offset is ignored.
"""

import datetime
import re

import numpy as np

NOT_A_TIME = np.datetime64("NaT", "s")

_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$")
_US_12H = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?[Mm]\.?$")
_DAY_FIRST_24H = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")

SUPPORTED_FORMATS = (
    "ISO 8601: yyyy-MM-dd, yyyy-MM-ddTHH:mm[:ss], yyyy-MM-dd HH:mm[:ss], yyyy-MM (month only)",
    "MM/dd/yyyy hh:mm[:ss] AM|PM (US exports such as Chicago's)",
    "dd/MM/yyyy [HH:mm[:ss]] (24-hour, day first)",
)


def _to_datetime(year, month, day, hour, minute, second):
    try:
        return np.datetime64(datetime.datetime(year, month, day, hour, minute, second), "s")
    except ValueError:
        return NOT_A_TIME


def _utc_offset(text):
    if text == "Z":
        return datetime.timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return datetime.timezone(sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_time_text(text, zone=None):
    """One time string to ``numpy.datetime64[s]``; ``NaT`` when unreadable.

    Parameters
    ----------
    text : str
        In one of :data:`SUPPORTED_FORMATS`.
    zone : datetime.tzinfo, optional
        Convert an ISO time with a UTC offset to wall-clock time in this zone.
    """
    text = text.strip()
    match = _ISO.match(text)
    if match:
        year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups()[:6])
        offset = match.group(7)
        if zone is None or offset is None or match.group(4) is None:
            return _to_datetime(year, month, day or 1, hour, minute, second)
        try:
            moment = datetime.datetime(year, month, day, hour, minute, second, tzinfo=_utc_offset(offset))
        except ValueError:
            return NOT_A_TIME
        return _to_time(moment, zone)
    match = _US_12H.match(text)
    if match:
        month, day, year, hour, minute, second = (int(g) if g else 0 for g in match.groups()[:6])
        if not 1 <= hour <= 12:
            return NOT_A_TIME
        hour = hour % 12 + (12 if match.group(7).lower() == "p" else 0)
        return _to_datetime(year, month, day, hour, minute, second)
    match = _DAY_FIRST_24H.match(text)
    if match:
        day, month, year, hour, minute, second = (int(g) if g else 0 for g in match.groups())
        return _to_datetime(year, month, day, hour, minute, second)
    return NOT_A_TIME


def _to_time(value, zone=None):
    if isinstance(value, datetime.datetime):
        if zone is not None and value.utcoffset() is not None:
            value = value.astimezone(zone)
        return np.datetime64(value.replace(tzinfo=None), "s")
    if isinstance(value, datetime.date):
        return np.datetime64(value, "s")
    if isinstance(value, np.datetime64):
        return value.astype("datetime64[s]")
    if isinstance(value, str):
        return parse_time_text(value, zone)
    return NOT_A_TIME


def parse_times(values, zone=None):
    """Read a column of times.

    Parameters
    ----------
    values : array_like
        ``numpy.datetime64`` values, or Python objects: ``datetime.datetime``,
        ``datetime.date``, strings in :data:`SUPPORTED_FORMATS`, and ``None``.
    zone : datetime.tzinfo, optional
        Convert times that carry a UTC offset (aware datetimes, ISO text
        ending in ``Z`` or ``+hh:mm``) to wall-clock time in this zone; other
        times are taken as written.

    Returns
    -------
    times : ndarray of datetime64[s]
        ``NaT`` where a value is missing or unreadable.
    missing : ndarray of bool
        True where the value was null (None, NaN, empty string, NaT).
    unreadable : ndarray of bool
        True where a value was present but could not be read as a time.
    """
    array = np.asarray(values)
    if np.issubdtype(array.dtype, np.datetime64):
        times = array.astype("datetime64[s]")
        missing = np.isnat(times)
        return times, missing, np.zeros(times.shape, dtype=bool)
    array = array.astype(object)
    missing = np.array([v is None or (isinstance(v, float) and v != v) or
                        (isinstance(v, str) and not v.strip()) for v in array.tolist()], dtype=bool)
    times = np.full(array.shape, NOT_A_TIME)
    present = np.flatnonzero(~missing)
    if present.size:
        present_values = array[present]
        if all(isinstance(v, str) for v in present_values.tolist()):
            # Exports repeat the same time strings many times; parse each once.
            distinct, inverse = np.unique(present_values.astype(str), return_inverse=True)
            parsed = np.array([parse_time_text(v, zone) for v in distinct.tolist()], dtype="datetime64[s]")
            times[present] = parsed[inverse]
        else:
            times[present] = np.array([_to_time(v, zone) for v in present_values.tolist()],
                                      dtype="datetime64[s]")
    unreadable = np.isnat(times) & ~missing
    return times, missing, unreadable


def in_period(times, start=None, end=None):
    """True where ``start <= time < end`` (either bound may be None); False for NaT."""
    keep = ~np.isnat(times)
    if start is not None:
        keep &= times >= np.datetime64(start, "s")
    if end is not None:
        keep &= times < np.datetime64(end, "s")
    return keep


STEPS = ("day", "week", "month")
_MONDAY = np.datetime64("1970-01-05", "D")


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
        raise ValueError(f"Unknown step {step!r}: use day, week or month.")
    times = np.asarray(times, dtype="datetime64[s]")
    if times.size == 0 and start is None:
        raise ValueError("No times to divide into steps.")
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
    distinct, inverse = np.unique(quarters, return_inverse=True)
    offsets = np.array([offset_of_quarter(int(q)).total_seconds() for q in distinct.tolist()], dtype=np.int64)
    result[valid] = times[valid] + sign * offsets[inverse].astype("timedelta64[s]")
    return result


def _carries_offset(value):
    if isinstance(value, datetime.datetime):
        return value.utcoffset() is not None
    if isinstance(value, str):
        match = _ISO.match(value.strip())
        return bool(match and match.group(7) and match.group(4))
    return False


def parse_instants(values, zone):
    """Read a column of times as UTC instants, for durations that must survive clock changes.

    A time with a UTC offset (aware datetime, ISO text ending in ``Z`` or
    ``+hh:mm``) is that instant; any other time is a wall-clock time in
    ``zone``, converted by :func:`wall_clock_to_utc`.  Returns ``(times,
    missing, unreadable)`` as :func:`parse_times` does, times in UTC.
    """
    times, missing, unreadable = parse_times(values, datetime.timezone.utc)
    array = np.asarray(values)
    if np.issubdtype(array.dtype, np.datetime64):
        return wall_clock_to_utc(times, zone), missing, unreadable
    objects = array.astype(object).tolist()
    distinct = {}
    offset = np.array([distinct.setdefault(v, _carries_offset(v)) if isinstance(v, str) else _carries_offset(v)
                       for v in objects], dtype=bool).reshape(times.shape)
    local = ~offset & ~np.isnat(times)
    times[local] = wall_clock_to_utc(times[local], zone)
    return times, missing, unreadable
