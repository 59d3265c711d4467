"""Reading crime times from the forms police exports use.

Times are wall-clock times as written in the data: a crime recorded at 22:15
stays at 22:15.  Given a time zone, a time that carries its own UTC offset
(ISO text ending in ``Z`` or ``+hh:mm``, or an aware ``datetime``, as GPS
trails are usually written) is converted to that zone's wall-clock time;
without one the offset is ignored.

Slashed dates (``25/01/2024``, ``01/25/2024``) are read in one order for a
whole column, the order its own values show (:func:`slash_date_order`): a
first number over 12 (a date valid only day first) makes it day first, a
second number over 12 month first.
When no value tells (every day is 12 or less), 24-hour times are read day
first (UK exports) and times with AM/PM month first (US exports such as
Chicago's).  A date joined to its time of day (``"date" || ' ' || "time"`` in
QGIS, which writes a time field as ``13:30:00.000``) is one of these forms.
A time of day without a date (``datetime.time``) is not a crime's time.

Text in the common shapes is read a whole group of strings at a time by
:mod:`.time_shapes`; periods, calendar steps and the conversion between
wall-clock time and UTC are in :mod:`.time_calendar`.
"""

import datetime
import re

import numpy as np

from .time_calendar import NOT_A_TIME, STEPS, in_period, time_steps, utc_to_wall_clock, wall_clock_to_utc
from .time_shapes import TextShapes

# With the names of .time_calendar that the algorithms import from here.
__all__ = ["NOT_A_TIME", "STEPS", "SUPPORTED_FORMATS", "in_period", "parse_instants", "parse_time_text",
           "parse_times", "read_times", "slash_date_order", "time_steps", "utc_to_wall_clock", "wall_clock_to_utc"]

_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$")
_AM_PM = r"\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?[Mm]\.?$"
_ISO_12H = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _AM_PM)
_SLASHED_12H = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})" + _AM_PM)
_SLASHED_24H = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?$")

SUPPORTED_FORMATS = (
    "ISO 8601: yyyy-MM-dd, yyyy-MM-ddTHH:mm[:ss], yyyy-MM-dd HH:mm[:ss], yyyy-MM (month only)",
    "yyyy-MM-dd hh:mm[:ss] AM|PM",
    "dd/MM/yyyy or MM/dd/yyyy [HH:mm[:ss]] or [hh:mm[:ss] AM|PM], in the order a day over 12 in the "
    "column shows (if none: day first, or month first with AM|PM)",
)

# How each answer of slash_date_order reads the column: True day first, False month first,
# None each form's own convention (24-hour day first, AM/PM month first).
_DAY_FIRST = {"day_first": True, "inconsistent": True, "month_first": False, "ambiguous": None, None: None}


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


def _twelve_hour(year, month, day, match):
    hour, minute, second = (int(g) if g else 0 for g in match.groups()[3:6])
    if not 1 <= hour <= 12:
        return NOT_A_TIME
    return _to_datetime(year, month, day, hour % 12 + (12 if match.group(7).lower() == "p" else 0),
                        minute, second)


def parse_time_text(text, zone=None, *, day_first=None):
    """One time string to ``numpy.datetime64[s]``; ``NaT`` when unreadable.

    Parameters
    ----------
    text : str
        In one of :data:`SUPPORTED_FORMATS`.
    zone : datetime.tzinfo, optional
        Convert an ISO time with a UTC offset to wall-clock time in this zone.
    day_first : bool, optional
        The order of a slashed date: True ``dd/MM/yyyy``, False ``MM/dd/yyyy``;
        None (default) day first with a 24-hour time, month first with AM/PM.
        :func:`parse_times` passes the column's order.
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
    match = _ISO_12H.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups()[:3])
        return _twelve_hour(year, month, day, match)
    match = _SLASHED_12H.match(text)
    if match:
        first, second, year = (int(g) for g in match.groups()[:3])
        day, month = (first, second) if day_first else (second, first)
        return _twelve_hour(year, month, day, match)
    match = _SLASHED_24H.match(text)
    if match:
        first, second, year, hour, minute, seconds = (int(g) if g else 0 for g in match.groups())
        day, month = (second, first) if day_first is False else (first, second)
        return _to_datetime(year, month, day, hour, minute, seconds)
    return NOT_A_TIME


def _to_time(value, zone=None, day_first=None):
    if isinstance(value, datetime.datetime):
        if zone is not None and value.utcoffset() is not None:
            try:
                value = value.astimezone(zone)
            except OverflowError:  # before 0001-01-01 or after 9999 in the zone
                return NOT_A_TIME
        return np.datetime64(value.replace(tzinfo=None), "s")
    if isinstance(value, datetime.date):
        return np.datetime64(value, "s")
    if isinstance(value, np.datetime64):
        return value.astype("datetime64[s]")
    if isinstance(value, str):
        return parse_time_text(value, zone, day_first=day_first)
    return NOT_A_TIME  # datetime.time (a time of day without its date) among others


def slash_date_order(values):
    """The order of the slashed dates in a column of times, as :func:`parse_times` reads them.

    Parameters
    ----------
    values : array_like
        As for :func:`parse_times`.

    Returns
    -------
    {"day_first", "month_first", "inconsistent", "ambiguous"} or None
        "day_first" when some slashed date reads only day first (``25/01/2024``),
        "month_first" when some reads only month first (``01/25/2024``);
        "inconsistent" when both happen (read day first: the month-first
        values that are not valid day first are unreadable); "ambiguous" when
        every slashed date reads both ways (read day first, or month first
        with AM/PM); None when the column has no readable slashed date.
    """
    array = np.asarray(values)
    if np.issubdtype(array.dtype, np.datetime64):
        return None
    _, texts, others = _texts_of(array.astype(object).ravel().tolist())
    return _column_order(TextShapes(texts), others)


def _column_order(shapes, other_texts):
    """:func:`slash_date_order` of the strings of ``shapes`` (a :class:`~.time_shapes.TextShapes`) and
    ``other_texts`` (strings not grouped there)."""
    day_only, month_only, slashed = shapes.slashed_date_flags()
    for text in shapes.ungrouped_texts().union(other_texts):
        stripped = text.strip()
        if _SLASHED_24H.match(stripped) or _SLASHED_12H.match(stripped):
            day = not np.isnat(parse_time_text(stripped, day_first=True))
            month = not np.isnat(parse_time_text(stripped, day_first=False))
            slashed |= day or month
            day_only |= day and not month
            month_only |= month and not day
    if not slashed:
        return None
    if day_only and month_only:
        return "inconsistent"
    return "day_first" if day_only else "month_first" if month_only else "ambiguous"


def _texts_of(items):
    """``(rows, texts, others)``: where ``items`` are ``str``, those strings (read in bulk), and the
    values of str subclasses (read one at a time)."""
    if set(map(type, items)) == {str}:
        return np.arange(len(items)), items, []
    is_text = np.fromiter((type(v) is str for v in items), dtype=bool, count=len(items))
    rows = np.flatnonzero(is_text)
    others = [v for v in items if isinstance(v, str) and type(v) is not str]
    return rows, [items[i] for i in rows.tolist()], others


def parse_times(values, zone=None):
    """Read a column of times.

    Parameters
    ----------
    values : array_like
        ``numpy.datetime64`` values, or Python objects: ``datetime.datetime``,
        ``datetime.date``, strings in :data:`SUPPORTED_FORMATS`, and ``None``.
        Slashed dates are read in the column's order, :func:`slash_date_order`.
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
        True where a value was present but could not be read as a time
        (a ``datetime.time`` too: a time of day without a date).
    """
    times, missing, unreadable, _, _ = _read_column(values, zone, False)
    return times, missing, unreadable


def _read_column(values, zone, with_offsets):
    """:func:`parse_times`, plus (when ``with_offsets``) where a value carries its own UTC offset,
    and :func:`slash_date_order`.

    Text in the common shapes is read whole groups at a time by
    :class:`~.time_shapes.TextShapes`; every other value, one at a time by
    :func:`parse_time_text` or :func:`_to_time`, which define the result.
    """
    array = np.asarray(values)
    if np.issubdtype(array.dtype, np.datetime64):
        times = array.astype("datetime64[s]")
        no_flags = np.zeros(times.shape, dtype=bool)
        return times, np.isnat(times), no_flags, no_flags.copy(), None
    column = array.astype(object, copy=False).ravel()
    items = column.tolist()
    text_rows, texts, others = _texts_of(items)
    shapes = TextShapes(texts)
    order = _column_order(shapes, others)
    day_first = _DAY_FIRST[order]
    bulk_times, bulk_offset, read = shapes.read(zone, day_first)
    shape = array.shape
    if text_rows.size == column.size and read.all():  # the usual export: text of a few shapes, all read
        missing = np.zeros(shape, dtype=bool)
        return (bulk_times.reshape(shape), missing, np.isnat(bulk_times).reshape(shape), bulk_offset.reshape(shape),
                order)
    times = np.full(column.shape, NOT_A_TIME)
    missing = np.zeros(column.shape, dtype=bool)
    offset = np.zeros(column.shape, dtype=bool)
    done = text_rows[read]
    times[done] = bulk_times[read]
    offset[done] = bulk_offset[read]
    rest = np.ones(column.shape, dtype=bool)
    rest[done] = False
    rest = np.flatnonzero(rest)

    rest_values = column[rest]
    missing[rest] = [v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip())
                     for v in rest_values.tolist()]
    present = rest[~missing[rest]]
    if present.size:
        present_values = column[present]
        # Values read in bulk are all text, so this is the answer for the whole column.
        if all(isinstance(v, str) for v in present_values.tolist()):
            # Exports repeat the same time strings many times; parse each once.
            distinct, inverse = np.unique(present_values.astype(str), return_inverse=True)
            parsed = np.array([parse_time_text(v, zone, day_first=day_first) for v in distinct.tolist()],
                              dtype="datetime64[s]")
            times[present] = parsed[inverse]
        else:
            times[present] = np.array([_to_time(v, zone, day_first) for v in present_values.tolist()],
                                      dtype="datetime64[s]")
    if with_offsets and rest.size:
        seen = {}
        offset[rest] = [seen.setdefault(v, _carries_offset(v)) if isinstance(v, str) else _carries_offset(v)
                        for v in rest_values.tolist()]
    unreadable = np.isnat(times) & ~missing
    return times.reshape(shape), missing.reshape(shape), unreadable.reshape(shape), offset.reshape(shape), order


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
    return read_times(values, zone, as_utc=True)[:3]


def read_times(values, zone=None, *, as_utc=False):
    """:func:`parse_times` (or with ``as_utc`` :func:`parse_instants`) and :func:`slash_date_order`
    of one column, reading its strings once for both.

    Returns
    -------
    times, missing, unreadable : ndarray
        As :func:`parse_times` returns them; with ``as_utc``, times are UTC instants.
    order : str or None
        :func:`slash_date_order` of the column.

    Examples
    --------
    >>> times, missing, unreadable, order = read_times(["03/04/2024 13:30", "25/04/2024"])
    >>> times.tolist(), order
    ([datetime.datetime(2024, 4, 3, 13, 30), datetime.datetime(2024, 4, 25, 0, 0)], 'day_first')
    """
    if not as_utc:
        times, missing, unreadable, _, order = _read_column(values, zone, False)
        return times, missing, unreadable, order
    times, missing, unreadable, offset, order = _read_column(values, datetime.timezone.utc, True)
    local = ~offset & ~np.isnat(times)
    times[local] = wall_clock_to_utc(times[local], zone)
    return times, missing, unreadable, order
