"""Reading columns of time strings in bulk, grouped by shape, as :func:`.timeparse.parse_time_text` would.

A string's shape is its text with every digit replaced by "d" (characters
that no supported form uses by "?").  The regular expressions below are
those of ``parse_time_text`` written over shapes, narrowed to plain spaces
and no whitespace at either end; a string whose shape they match has the
same groups at the same places as ``parse_time_text`` finds, so all strings
of one shape are read together by column arithmetic on their character
codes.  Strings of any other shape are left to ``parse_time_text``.
"""

import re

import numpy as np

from .time_calendar import NOT_A_TIME, wall_clock_shifts

_ISO_SHAPE = re.compile(r"(dddd)-(dd?)(?:-(dd?)(?:[T ](dd?):(dd)(?::(dd)(?:[.,]d+)?)?)?)?(?: *(Z|[+-]dd:?dd))?")
_AM_PM_SHAPE = r" +(dd?):(dd)(?::(dd))? *([AaPp])\.?[Mm]\.?"
_ISO_12H_SHAPE = re.compile(r"(dddd)-(dd?)-(dd?)" + _AM_PM_SHAPE)
_SLASHED_12H_SHAPE = re.compile(r"(dd?)/(dd?)/(dddd)" + _AM_PM_SHAPE)
_SLASHED_24H_SHAPE = re.compile(r"(dd?)/(dd?)/(dddd)(?: +(dd?):(dd)(?::(dd)(?:[.,]d+)?)?)?")
_SHAPE_CHARACTERS = "-/:T ./+,ZAaPpMm"
_DIGIT = 0x80  # a digit's code in a shape key: no ASCII character has it
_PAD = 0xFF  # the code after a string's end, in character codes and shape keys: no ASCII character has it
_LONGEST = 64  # characters; the longest supported form is 35 but for digits of a fraction of a second
_MOST_SHAPES = 64  # beyond this many shapes a column is not an export's, and is read one value at a time
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


class TextShapes:
    """Strings grouped by shape, to read those in the shapes of :data:`.timeparse.SUPPORTED_FORMATS`
    in bulk as :func:`.timeparse.parse_time_text` would.

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
        kept = (lengths >= 1) & (lengths <= _LONGEST)
        joined = "".join(texts)
        if not joined.isascii():
            kept &= np.fromiter(map(str.isascii, texts), dtype=bool, count=n)
        rows = np.flatnonzero(kept)
        if rows.size == 0:
            return
        if rows.size < n:
            joined = "".join([texts[i] for i in rows.tolist()])
        lengths = lengths[rows]
        codes = _character_codes(joined, lengths)
        width = codes.shape[1]
        key = np.full((rows.size, -(-width // 8) * 8), _PAD, dtype=np.uint8)
        key[:, :width] = np.where(codes - np.uint8(48) < 10, np.uint8(_DIGIT), codes)
        words = key.view(np.uint64)

        pending = np.arange(rows.size)
        for _ in range(_MOST_SHAPES):
            if pending.size == 0:
                break
            first = pending[0]
            candidates = words if pending.size == rows.size else words[pending]
            # Word by word: numpy's all(axis=1) over a few columns is several times slower.
            same = candidates[:, 0] == words[first, 0]
            for column in range(1, words.shape[1]):
                same &= candidates[:, column] == words[first, column]
            group = pending[same]
            pending = pending[~same]
            shape = "".join("d" if c == _DIGIT else chr(c) if chr(c) in _SHAPE_CHARACTERS else "?"
                            for c in key[first, :lengths[first]].tolist())
            if any(form.fullmatch(shape) for form in (_ISO_SHAPE, _ISO_12H_SHAPE, _SLASHED_12H_SHAPE,
                                                       _SLASHED_24H_SHAPE)):
                whole_column = group.size == rows.size  # the usual export, read without copies
                group_rows = rows if whole_column else rows[group]
                self.groups.append((shape, group_rows, codes if whole_column else codes[group]))
                self.in_bulk[group_rows] = True

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

    def slashed_date_flags(self):
        """``(day_only, month_only, any_slashed)`` over the grouped strings: whether some slashed date
        reads only day first, only month first, and whether some reads either way."""
        day_only = month_only = any_slashed = False
        for number in range(len(self.groups)):
            both = self._slashed_both_ways(number)
            if both is not None:
                day, month = ~np.isnat(both[0]), ~np.isnat(both[1])
                any_slashed |= bool((day | month).any())
                day_only |= bool((day & ~month).any())
                month_only |= bool((month & ~day).any())
        return day_only, month_only, any_slashed

    def ungrouped_texts(self):
        """The distinct strings in no group, to be read one at a time."""
        return set(self.texts[i] for i in np.flatnonzero(~self.in_bulk).tolist())

    def read(self, zone, day_first):
        """Times, offset flags and read flags (True where ``times`` and ``offset`` hold the answer;
        the other strings are for ``parse_time_text``), slashed dates in the order ``day_first``
        as ``parse_time_text`` takes it."""
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


def _character_codes(joined, lengths):
    """ASCII strings joined end to end, ``lengths`` characters each, as character codes, a row per
    string padded with :data:`_PAD`: one encoding for the column, not one per string."""
    flat = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    width = int(lengths.max())
    if lengths.min() == width:  # an export's times are usually all one width
        return flat.reshape(lengths.size, width)
    codes = np.full((lengths.size, width), _PAD, dtype=np.uint8)
    codes[np.arange(width) < lengths[:, None]] = flat
    return codes


def _number(codes, match, group):
    """The number in ``group`` of ``match`` (over a shape) in each row of ``codes``; 0 when absent,
    as parse_time_text reads it (an absent group spans (-1, -1))."""
    value = np.zeros(codes.shape[0], dtype=np.int64)
    for column in range(*match.span(group)):
        value *= 10  # in place: this loop runs a dozen times over every string of a column
        value += codes[:, column]
        value -= 48
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
    shift, read[convert] = wall_clock_shifts(wall[convert], zone)
    wall[convert] += shift
    return _as_times(wall, valid), np.ones(year.shape, dtype=bool), read


def _calendar_seconds(year, month, day, hour, minute, second):
    """Seconds since 1970 of calendar fields, and where ``datetime.datetime`` would accept them.

    An export spans a few years, so each month of them is worked out once and
    looked up by the strings' year and month (at most 99, two digits).
    """
    low = int(year.min()) if year.size else 0
    span = int(year.max()) - low + 1 if year.size else 1
    if span * 100 < year.size:
        table_year, table_month = np.divmod(np.arange(span * 100, dtype=np.int64), 100)
        first_days, lengths = _month_first_days_and_lengths(table_year + low, table_month)
        position = (year - low) * 100 + month
        first_day, length = first_days[position], lengths[position]
    else:
        first_day, length = _month_first_days_and_lengths(year, month)
    valid = (day >= 1) & (day <= length) & (hour <= 23) & (minute <= 59) & (second <= 59)
    return (first_day + day - 1) * 86400 + hour * 3600 + minute * 60 + second, valid


def _month_first_days_and_lengths(year, month):
    """Days from 1970-01-01 to the first day of ``month`` in ``year``, and the month's length in
    days: 0 for a month ``datetime.datetime`` refuses (not 1 to 12, or a year before 1).

    Days count by integer arithmetic on the proleptic Gregorian calendar
    (H. Hinnant's ``days_from_civil``): numpy's own month-to-day casts cost
    more than the rest of reading a column.
    """
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    exists = (year >= 1) & (month >= 1) & (month <= 12)
    length = np.where(exists, _MONTH_DAYS[np.clip(month, 0, 12)] + (leap & (month == 2)), 0)
    march_year = year - (month <= 2)
    era = march_year // 400
    year_of_era = march_year - era * 400
    day_of_year = (153 * np.where(month > 2, month - 3, month + 9) + 2) // 5
    return era * 146097 + year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year - 719468, length


def _as_times(seconds, valid):
    times = seconds.astype("datetime64[s]")
    times[~valid] = NOT_A_TIME
    return times
