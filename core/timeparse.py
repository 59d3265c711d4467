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
"""

import datetime
import re

import numpy as np

NOT_A_TIME = np.datetime64("NaT", "s")

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


def _slashed_reading(text):
    """For :func:`slash_date_order`: ``(day first, month first)``, whether a slashed date reads each
    way, or None for text that is not a slashed date."""
    stripped = text.strip()
    if not (_SLASHED_24H.match(stripped) or _SLASHED_12H.match(stripped)):
        return None
    return (not np.isnat(parse_time_text(stripped, day_first=True)),
            not np.isnat(parse_time_text(stripped, day_first=False)))


def _order(day_only, month_only, slashed):
    if not slashed:
        return None
    if day_only and month_only:
        return "inconsistent"
    return "day_first" if day_only else "month_first" if month_only else "ambiguous"


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
    return _TextShapes(texts).order(others)


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
    times, missing, unreadable, _ = _read_column(values, zone, False)
    return times, missing, unreadable


def _read_column(values, zone, with_offsets):
    """:func:`parse_times`, plus (when ``with_offsets``) where a value carries its own UTC offset.

    Text in the common shapes is read whole groups at a time by
    :class:`_TextShapes`; every other value, one at a time by
    :func:`parse_time_text` or :func:`_to_time`, which define the result.
    """
    array = np.asarray(values)
    if np.issubdtype(array.dtype, np.datetime64):
        times = array.astype("datetime64[s]")
        no_flags = np.zeros(times.shape, dtype=bool)
        return times, np.isnat(times), no_flags, no_flags.copy()
    column = array.astype(object).ravel()
    items = column.tolist()
    times = np.full(column.shape, NOT_A_TIME)
    missing = np.zeros(column.shape, dtype=bool)
    offset = np.zeros(column.shape, dtype=bool)
    text_rows, texts, others = _texts_of(items)
    shapes = _TextShapes(texts)
    day_first = _DAY_FIRST[shapes.order(others)]
    bulk_times, bulk_offset, read = shapes.read(zone, day_first)
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
    shape = array.shape
    return times.reshape(shape), missing.reshape(shape), unreadable.reshape(shape), offset.reshape(shape)


# --- reading text in bulk ----------------------------------------------------------------------
#
# A string's shape is its text with every digit replaced by "d" (characters
# that no supported form uses by "?").  The regular expressions below are
# those of parse_time_text written over shapes, narrowed to plain spaces and
# no whitespace at either end; a string whose shape they match has the same
# groups at the same places as parse_time_text finds, so all strings of one
# shape are read together by column arithmetic on their character codes.
# Strings of any other shape are left to parse_time_text.

_ISO_SHAPE = re.compile(r"(dddd)-(dd?)(?:-(dd?)(?:[T ](dd?):(dd)(?::(dd)(?:[.,]d+)?)?)?)?(?: *(Z|[+-]dd:?dd))?")
_AM_PM_SHAPE = r" +(dd?):(dd)(?::(dd))? *([AaPp])\.?[Mm]\.?"
_ISO_12H_SHAPE = re.compile(r"(dddd)-(dd?)-(dd?)" + _AM_PM_SHAPE)
_SLASHED_12H_SHAPE = re.compile(r"(dd?)/(dd?)/(dddd)" + _AM_PM_SHAPE)
_SLASHED_24H_SHAPE = re.compile(r"(dd?)/(dd?)/(dddd)(?: +(dd?):(dd)(?::(dd)(?:[.,]d+)?)?)?")
_SHAPE_CHARACTERS = "-/:T ./+,ZAaPpMm"
_DIGIT = 0x80  # a digit's code in a shape key: no ASCII character has it
_LONGEST = 64  # characters; the longest supported form is 35 but for digits of a fraction of a second
_MOST_SHAPES = 64  # beyond this many shapes a column is not an export's, and is read one value at a time
_EPOCH_UTC = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class _TextShapes:
    """Strings grouped by shape, to read those in the shapes of :data:`SUPPORTED_FORMATS` in bulk
    as :func:`parse_time_text` would.

    Parameters
    ----------
    texts : list of str
    """

    def __init__(self, texts):
        self.texts = texts
        self.groups = []  # (shape, positions in texts, character codes): shapes of a supported form
        # Slashed groups read both ways, as (day first, month first), by position in self.groups.
        self.slashed = {}
        self.in_bulk = np.zeros(len(texts), dtype=bool)  # in a group
        n = len(texts)
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
        rows = np.flatnonzero((lengths >= 1) & (lengths <= _LONGEST)
                              & np.fromiter(map(str.isascii, texts), dtype=bool, count=n))
        if rows.size == 0:
            return
        raw = np.array(texts if rows.size == n else [texts[i] for i in rows.tolist()], dtype="S")
        width = raw.dtype.itemsize
        codes = raw.view(np.uint8).reshape(rows.size, width)
        lengths = lengths[rows]
        # A bytes array drops trailing NUL characters, so keep only strings it holds whole.
        whole = lengths <= width
        whole[whole] = codes[np.flatnonzero(whole), lengths[whole] - 1] != 0
        key = np.zeros((rows.size, -(-width // 8) * 8), dtype=np.uint8)
        key[:, :width] = np.where(codes - np.uint8(48) < 10, np.uint8(_DIGIT), codes)
        words = key.view(np.uint64)

        pending = np.flatnonzero(whole)
        for _ in range(_MOST_SHAPES):
            if pending.size == 0:
                break
            first = pending[0]
            same = (words[pending] == words[first]).all(axis=1)
            group = pending[same]
            pending = pending[~same]
            shape = "".join("d" if c == _DIGIT else chr(c) if chr(c) in _SHAPE_CHARACTERS else "?"
                            for c in key[first, :lengths[first]].tolist())
            if any(form.fullmatch(shape) for form in (_ISO_SHAPE, _ISO_12H_SHAPE, _SLASHED_12H_SHAPE,
                                                       _SLASHED_24H_SHAPE)):
                self.groups.append((shape, rows[group], codes[group]))
                self.in_bulk[rows[group]] = True

    def _slashed_both_ways(self, number):
        """Times of slashed group ``number`` read day first and month first, or None for another form."""
        if number not in self.slashed:
            shape, _, codes = self.groups[number]
            self.slashed[number] = None
            for form, twelve_hour in ((_SLASHED_12H_SHAPE, True), (_SLASHED_24H_SHAPE, False)):
                match = form.fullmatch(shape)
                if match:
                    first, second, year, hour, minute, seconds = (_number(codes, match, g) for g in range(1, 7))
                    if twelve_hour:
                        afternoon = shape[match.start(7)] in "Pp"
                        valid_hour = (hour >= 1) & (hour <= 12)
                        hour = hour % 12 + (12 if afternoon else 0)
                    else:
                        valid_hour = True
                    readings = []
                    for day, month in ((first, second), (second, first)):
                        calendar, valid = _calendar_seconds(year, month, day, hour, minute, seconds)
                        readings.append(_as_times(calendar, valid & valid_hour))
                    self.slashed[number] = tuple(readings)
                    break
        return self.slashed[number]

    def order(self, other_texts=()):
        """:func:`slash_date_order` of these texts and ``other_texts`` (strings not grouped here)."""
        day_only = month_only = slashed = False
        for number in range(len(self.groups)):
            both = self._slashed_both_ways(number)
            if both is not None:
                day, month = ~np.isnat(both[0]), ~np.isnat(both[1])
                slashed |= bool((day | month).any())
                day_only |= bool((day & ~month).any())
                month_only |= bool((month & ~day).any())
        rest = set(self.texts[i] for i in np.flatnonzero(~self.in_bulk).tolist())
        for text in rest.union(other_texts):
            reading = _slashed_reading(text)
            if reading is not None:
                day, month = reading
                slashed |= day or month
                day_only |= day and not month
                month_only |= month and not day
        return _order(day_only, month_only, slashed)

    def read(self, zone, day_first):
        """Times, offset flags and read flags (True where ``times`` and ``offset`` hold the answer;
        the other strings are for :func:`parse_time_text`), slashed dates in the order ``day_first``
        as :func:`parse_time_text` takes it."""
        n = len(self.texts)
        times = np.full(n, NOT_A_TIME)
        offset = np.zeros(n, dtype=bool)
        read = np.zeros(n, dtype=bool)
        for number, (shape, rows, codes) in enumerate(self.groups):
            both = self._slashed_both_ways(number)
            if both is not None:
                twelve_hour = _SLASHED_12H_SHAPE.fullmatch(shape) is not None
                times[rows] = both[0] if (day_first if twelve_hour else day_first is not False) else both[1]
                read[rows] = True
                continue
            group_times, group_offset, group_read = _read_shape(shape, codes, zone)
            times[rows] = group_times
            offset[rows] = group_offset
            read[rows] = group_read
        return times, offset, read


def _number(codes, match, group):
    """The number in ``group`` of ``match`` (over a shape) in each row of ``codes``; 0 when absent,
    as parse_time_text reads it (an absent group spans (-1, -1))."""
    value = np.zeros(codes.shape[0], dtype=np.int64)
    for column in range(*match.span(group)):
        value = value * 10 + (codes[:, column].astype(np.int64) - 48)
    return value


def _read_shape(shape, codes, zone):
    """Times, offset flags and read flags for strings of one ISO shape, with or without AM/PM
    (``codes``: their character codes, a row per string)."""
    def digits(columns):
        value = np.zeros(codes.shape[0], dtype=np.int64)
        for column in columns:
            value = value * 10 + (codes[:, column].astype(np.int64) - 48)
        return value

    match = _ISO_12H_SHAPE.fullmatch(shape)
    if match:
        year, month, day, hour, minute, second = (_number(codes, match, g) for g in range(1, 7))
        afternoon = shape[match.start(7)] in "Pp"
        seconds, valid = _calendar_seconds(year, month, day, hour % 12 + (12 if afternoon else 0), minute, second)
        valid &= (hour >= 1) & (hour <= 12)
        return _as_times(seconds, valid), np.zeros(year.shape, dtype=bool), np.ones(year.shape, dtype=bool)
    match = _ISO_SHAPE.fullmatch(shape)
    year, month, day, hour, minute, second = (_number(codes, match, g) for g in range(1, 7))
    carries_offset = match.group(7) is not None and match.group(4) is not None
    if zone is None or not carries_offset:
        seconds, valid = _calendar_seconds(year, month, np.where(day == 0, 1, day), hour, minute, second)
        return _as_times(seconds, valid), np.full(year.shape, carries_offset), np.ones(year.shape, dtype=bool)
    seconds, valid = _calendar_seconds(year, month, day, hour, minute, second)
    start = match.start(7)
    if shape[start] == "Z":
        east = np.zeros(year.shape, dtype=np.int64)
    else:
        minutes_from = start + (4 if shape[start + 3] == ":" else 3)
        east = (digits((start + 1, start + 2)) * 60 + digits((minutes_from, minutes_from + 1))) * (
            -60 if shape[start] == "-" else 60)
        valid &= np.abs(east) < 86400  # datetime.timezone's limit
    # Near the ends of datetime's range the conversion can overflow: leave those to parse_time_text.
    convert = valid & (year > 1) & (year < 9999)
    read = ~valid | convert
    wall = seconds - east
    shift, read[convert] = _wall_clock_shifts(wall[convert], zone)
    wall[convert] += shift
    return _as_times(wall, valid), np.ones(year.shape, dtype=bool), read


_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def _calendar_seconds(year, month, day, hour, minute, second):
    """Seconds since 1970 of calendar fields, and where ``datetime.datetime`` would accept them.

    Days count by integer arithmetic on the proleptic Gregorian calendar
    (H. Hinnant's ``days_from_civil``): numpy's own month-to-day casts cost
    more than the rest of reading a column.
    """
    month_index = np.clip(month, 0, 12)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    valid = ((year >= 1) & (month >= 1) & (month <= 12) & (day >= 1)
             & (day <= _MONTH_DAYS[month_index] + (leap & (month == 2)))
             & (hour <= 23) & (minute <= 59) & (second <= 59))
    march_year = year - (month <= 2)
    era = march_year // 400
    year_of_era = march_year - era * 400
    day_of_year = (153 * np.where(month > 2, month - 3, month + 9) + 2) // 5 + day - 1
    days = era * 146097 + year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year - 719468
    return days * 86400 + hour * 3600 + minute * 60 + second, valid


def _as_times(seconds, valid):
    times = seconds.astype("datetime64[s]")
    times[~valid] = NOT_A_TIME
    return times


def _wall_clock_shifts(utc, zone):
    """Seconds from UTC instants (seconds since 1970) to their wall-clock time in ``zone``.

    Looked up once per quarter hour of the data, as ``datetime.astimezone``
    gives it.  Returns ``(shift, known)``: ``known`` is False in a quarter
    whose first and last second differ (a transition off the quarter hour,
    as local mean times had) or that is not whole seconds; its instants are
    left to :func:`parse_time_text`.
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
    distinct, inverse = _distinct(quarters)
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
    times, missing, unreadable, offset = _read_column(values, datetime.timezone.utc, True)
    local = ~offset & ~np.isnat(times)
    times[local] = wall_clock_to_utc(times[local], zone)
    return times, missing, unreadable
