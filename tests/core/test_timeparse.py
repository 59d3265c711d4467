"""Reading crime times from police exports."""

import datetime

import numpy as np
import pytest

from hotspot_patrol.core.timeparse import in_period, parse_time_text, parse_times, slash_date_order


@pytest.mark.parametrize("text, expected", [
    ("2024-05-17T22:15:00", "2024-05-17T22:15:00"),
    ("2024-05-17 22:15", "2024-05-17T22:15:00"),
    ("2024-05-17", "2024-05-17T00:00:00"),
    ("2018-01", "2018-01-01T00:00:00"),
    ("2024-05-17T22:15:00.123+01:00", "2024-05-17T22:15:00"),
    ("02/10/2024 12:44:00 AM", "2024-02-10T00:44:00"),
    ("02/10/2024 12:44:00 PM", "2024-02-10T12:44:00"),
    ("05/17/2024 01:05:09 pm", "2024-05-17T13:05:09"),
    ("17/05/2024 22:15", "2024-05-17T22:15:00"),
    ("17/05/2024", "2024-05-17T00:00:00"),
    # What QGIS 3.22 writes for "date" || ' ' || "time" with date, time and text fields.
    ("2024-01-25 13:30:00.000", "2024-01-25T13:30:00"),
    ("2024-01-25T13:30:05.123Z", "2024-01-25T13:30:05"),
    ("2024-01-25 1:30:00 PM", "2024-01-25T13:30:00"),
    ("2024-01-25 12:05 am", "2024-01-25T00:05:00"),
    ("25/01/2024 13:30:00.000", "2024-01-25T13:30:00"),
    ("01/05/2024 13:30", "2024-05-01T13:30:00"),  # alone, a 24-hour slashed date is read day first
    ("01/05/2024 1:30 PM", "2024-01-05T13:30:00"),  # and one with AM/PM month first
])
def test_supported_forms(text, expected):
    assert parse_time_text(text) == np.datetime64(expected)


@pytest.mark.parametrize("text, day_first, expected", [
    ("01/25/2024 13:30:00", False, "2024-01-25T13:30:00"),
    ("01/05/2024 13:30:00.000", False, "2024-01-05T13:30:00"),
    ("01/05/2024", False, "2024-01-05T00:00:00"),
    ("01/05/2024 08:00", True, "2024-05-01T08:00:00"),
    ("25/01/2024 01:30 PM", True, "2024-01-25T13:30:00"),
    ("01/05/2024 01:30 PM", True, "2024-05-01T13:30:00"),
    ("01/05/2024 01:30 PM", False, "2024-01-05T13:30:00"),
    ("2024-01-05 13:30", False, "2024-01-05T13:30:00"),
])
def test_slashed_dates_in_a_given_order(text, day_first, expected):
    assert parse_time_text(text, day_first=day_first) == np.datetime64(expected)


@pytest.mark.parametrize("text", ["yesterday", "2024-13-01", "31/02/2024 10:00", "13/05/2024 10:00 PM",
                                  "05/17/2024 13:00:00 PM", "01/25/2024 13:30:00", "2024-01-25 13:30 PM",
                                  "2024-01-2513:30:00.000", "13:30:00.000", "13:30", "1:30:00 PM"])
def test_unreadable_forms(text):
    assert np.isnat(parse_time_text(text))


def test_a_time_of_day_without_a_date_is_unreadable():
    times, missing, unreadable = parse_times([datetime.time(13, 30), "13:30:00.000", "2024-01-25 13:30"])
    assert unreadable.tolist() == [True, True, False] and not missing.any()


@pytest.mark.parametrize("values, order", [
    (["01/25/2024 13:30:00", "01/05/2024 08:00:00", None], "month_first"),  # NYC: OCCUR_DATE || ' ' || OCCUR_TIME
    (["25/01/2024 13:30", "01/05/2024", "2024-06-01"], "day_first"),
    (["02/10/2024 12:44:00 AM", "05/17/2024 01:05:09 PM"], "month_first"),  # Chicago
    (["25/01/2024 01:30 PM", "01/05/2024 01:30 PM"], "day_first"),
    (["25/01/2024 13:30", "01/25/2024 13:30", "01/05/2024 13:30"], "inconsistent"),
    (["01/05/2024 13:30:00", "12/11/2024"], "ambiguous"),
    (["01/05/2024 01:30 PM"], "ambiguous"),
    (["31/02/2024", "45/45/2024 13:30", "13/13/2024"], None),  # unreadable either way: no slashed date
    (["2024-01-25 13:30", datetime.datetime(2024, 1, 5), None], None),
    (np.array(["2024-01-25"], dtype="datetime64[s]"), None),
    # Values read one at a time (padded, other digits, str subclasses) count as the others do.
    ([" 25/01/2024\t13:30", "01/05/2024 13:30"], "day_first"),
    (["\u0661\u0663/01/2024 13:30", "01/05/2024 13:30"], "day_first"),
    (np.array([np.str_("01/25/2024"), "01/05/2024 13:30", None], dtype=object), "month_first"),
    ([], None),
])
def test_slash_date_order(values, order):
    assert slash_date_order(values) == order


def test_columns_are_read_in_their_own_order():
    nyc = ["01/25/2024 13:30:00", "01/05/2024 08:00:00.000", "01/32/2024 08:00"]
    np.testing.assert_array_equal(parse_times(nyc)[0], np.array(
        ["2024-01-25T13:30", "2024-01-05T08:00", "NaT"], dtype="datetime64[s]"))
    uk = ["25/01/2024 13:30", "01/05/2024 08:00", "01/05/2024 08:00 PM", "05/25/2024 08:00"]
    np.testing.assert_array_equal(parse_times(uk)[0], np.array(
        ["2024-01-25T13:30", "2024-05-01T08:00", "2024-05-01T20:00", "NaT"], dtype="datetime64[s]"))
    # Nothing tells: 24-hour times day first, AM/PM month first, as each alone.
    ambiguous = ["01/05/2024 08:00", "01/05/2024 08:00 PM", datetime.date(2024, 1, 2)]
    np.testing.assert_array_equal(parse_times(ambiguous)[0], np.array(
        ["2024-05-01T08:00", "2024-01-05T20:00", "2024-01-02"], dtype="datetime64[s]"))
    # Both orders in one column: day first; a month-first date that is invalid day first is unreadable.
    times, _, unreadable = parse_times(["25/01/2024 13:30", "01/25/2024 13:30", "01/05/2024 13:30"])
    np.testing.assert_array_equal(times, np.array(["2024-01-25T13:30", "NaT", "2024-05-01T13:30"],
                                                  dtype="datetime64[s]"))
    assert unreadable.tolist() == [False, True, False]


def test_mixed_column_counts_missing_and_unreadable_apart():
    values = [datetime.datetime(2024, 1, 2, 3, 4, 5), datetime.date(2024, 1, 3), "2024-01-04 10:00",
              None, "", "not a time", float("nan")]
    times, missing, unreadable = parse_times(values)
    assert times[:3].tolist() == [datetime.datetime(2024, 1, 2, 3, 4, 5), datetime.datetime(2024, 1, 3),
                                  datetime.datetime(2024, 1, 4, 10)]
    assert missing.tolist() == [False, False, False, True, True, False, True]
    assert unreadable.tolist() == [False, False, False, False, False, True, False]


def test_datetime64_column_passes_through():
    times, missing, unreadable = parse_times(np.array(["2024-01-01T10:00", "NaT"], dtype="datetime64[ms]"))
    assert times.dtype == np.dtype("datetime64[s]")
    assert missing.tolist() == [False, True] and not unreadable.any()


def test_period_is_half_open():
    times = np.array(["2024-01-01T00:00", "2024-01-31T23:59", "2024-02-01T00:00", "NaT"], dtype="datetime64[s]")
    keep = in_period(times, datetime.datetime(2024, 1, 1), datetime.datetime(2024, 2, 1))
    assert keep.tolist() == [True, True, False, False]


def test_time_steps():
    from hotspot_patrol.core.timeparse import time_steps
    times = np.array(["2024-05-05T23:59", "2024-05-06T00:00", "2024-05-13T08:00", "2024-06-01T00:00"],
                     dtype="datetime64[s]")
    weeks, first = time_steps(times, "week")
    assert weeks.tolist() == [0, 1, 2, 4] and first == np.datetime64("2024-04-29")  # 5 May 2024 is a Sunday
    months, first = time_steps(times, "month")
    assert months.tolist() == [0, 0, 0, 1] and first == np.datetime64("2024-05-01")
    days, _ = time_steps(times, "day", start=datetime.datetime(2024, 5, 1))
    assert days.tolist() == [4, 5, 12, 31]


def test_times_with_a_utc_offset_become_wall_clock_time_in_the_given_zone():
    import datetime
    from zoneinfo import ZoneInfo
    chicago = ZoneInfo("America/Chicago")
    values = ["2024-06-03T17:20:00Z", "2024-06-03T12:20:00-05:00", "2024-01-10 06:00+0000",
              "2024-06-03 12:20", datetime.datetime(2024, 11, 3, 6, 30, tzinfo=datetime.timezone.utc),
              datetime.datetime(2024, 11, 3, 7, 30, tzinfo=datetime.timezone.utc)]
    times, missing, unreadable = parse_times(values, chicago)
    assert not missing.any() and not unreadable.any()
    # Summer is UTC-5, winter UTC-6; a time without an offset is already local; the repeated
    # autumn hour maps both instants to 01:30.
    np.testing.assert_array_equal(times, np.array(
        ["2024-06-03T12:20", "2024-06-03T12:20", "2024-01-10T00:00", "2024-06-03T12:20",
         "2024-11-03T01:30", "2024-11-03T01:30"], dtype="datetime64[s]"))
    # Without a zone the offset is ignored, as before.
    assert parse_times(["2024-06-03T17:20:00Z"])[0][0] == np.datetime64("2024-06-03T17:20")


def test_wall_clock_to_utc_matches_zoneinfo_across_both_changes():
    import datetime
    from zoneinfo import ZoneInfo

    from hotspot_patrol.core.timeparse import wall_clock_to_utc
    london = ZoneInfo("Europe/London")
    walls = [datetime.datetime(2024, 3, 31) + datetime.timedelta(minutes=7 * k) for k in range(600)]
    walls += [datetime.datetime(2024, 10, 27) + datetime.timedelta(minutes=7 * k) for k in range(600)]
    expected = np.array([w.replace(tzinfo=london).astimezone(datetime.timezone.utc).replace(tzinfo=None)
                         for w in walls], dtype="datetime64[s]")
    result = wall_clock_to_utc(np.array(walls + [None], dtype="datetime64[s]"), london)
    np.testing.assert_array_equal(result[:-1], expected)
    assert np.isnat(result[-1])
    # 01:31 on 31 March does not exist in London: it takes the offset from before the change (GMT).
    assert walls[13] == datetime.datetime(2024, 3, 31, 1, 31)
    assert result[13] == np.datetime64("2024-03-31T01:31")


def test_instants_keep_both_passes_of_the_repeated_hour_apart():
    import datetime
    from zoneinfo import ZoneInfo

    from hotspot_patrol.core.timeparse import parse_instants, utc_to_wall_clock
    london = ZoneInfo("Europe/London")
    values = ["2024-10-27T00:55:00Z", "2024-10-27T01:07:00Z", "2024-10-27 00:30",
              datetime.datetime(2024, 3, 31, 0, 55, tzinfo=datetime.timezone.utc), "2024-06-01 12:00", None]
    times, missing, unreadable = parse_instants(values, london)
    np.testing.assert_array_equal(times[:5], np.array(
        ["2024-10-27T00:55", "2024-10-27T01:07", "2024-10-26T23:30", "2024-03-31T00:55", "2024-06-01T11:00"],
        dtype="datetime64[s]"))
    assert missing.tolist() == [False] * 5 + [True] and not unreadable.any()
    # Both UTC instants of the autumn's 01:xx hour read 01:55 and 01:07 on the wall clock.
    np.testing.assert_array_equal(utc_to_wall_clock(times[:2], london), np.array(
        ["2024-10-27T01:55", "2024-10-27T01:07"], dtype="datetime64[s]"))


# --- the bulk reading of text against the one-value-at-a-time reading that defines it ---------

# The largest first and second numbers of slashed dates, for columns in each order.
SLASHED_RANGES = {"mixed": (32, 32), "day_first": (32, 12), "month_first": (12, 32), "ambiguous": (12, 12)}


class _RandomTimeText:
    """Random strings of every supported form, with near misses, odd fields and offsets; slashed dates
    with numbers up to SLASHED_RANGES[slashed]."""

    def __init__(self, rng, slashed):
        self.rng = rng
        self.first_max, self.second_max = SLASHED_RANGES[slashed]

    def field(self, low, high):
        value = int(self.rng.integers(low, high + 1))
        return f"{value:02d}" if self.rng.random() < 0.8 else str(value)

    def year(self):
        return str(self.rng.choice(["2024", "2023", "2025", "1900", "2000", "0000", "0001", "9999", "1937", "1883",
                                    f"{int(self.rng.integers(0, 10000)):04d}"]))

    def offset(self):
        sign = str(self.rng.choice(["+", "-"]))
        return str(self.rng.choice(["Z", "+01:00", "-03:30", "+0530", "-05:00", "-00:00", "+23:59", "+24:00",
                                    f"{sign}{self.field(0, 26)}:{self.field(0, 99)}",
                                    f"{sign}{self.field(0, 25)}{self.field(0, 60)}"]))

    def fraction(self):
        return str(self.rng.choice([".", ","])) + str(self.rng.choice(["000", "123", "5",
                                                                       "7" * int(self.rng.integers(1, 10))]))

    def iso(self):
        text = f"{self.year()}-{self.field(0, 13)}"
        if self.rng.random() < 0.9:
            text += f"-{self.field(0, 32)}"
            if self.rng.random() < 0.8:
                text += f"{self.rng.choice(['T', ' '])}{self.field(0, 25)}:{self.field(0, 60)}"
                if self.rng.random() < 0.7:
                    text += f":{self.field(0, 60)}"
                    if self.rng.random() < 0.3:
                        text += self.fraction()
        if self.rng.random() < 0.5:
            text += str(self.rng.choice(["", "", " "])) + self.offset()
        return text

    def twelve_hour(self):
        text = f"{self.rng.choice([' ', '  '])}{self.field(0, 13)}:{self.field(0, 60)}"
        if self.rng.random() < 0.8:
            text += f":{self.field(0, 60)}"
        return text + str(self.rng.choice([" ", "", "  "])) + str(
            self.rng.choice(["AM", "PM", "am", "pm", "P.M.", "a.m", "Pm."]))

    def slashed_date(self):
        return f"{self.field(0, self.first_max)}/{self.field(0, self.second_max)}/{self.year()}"

    def slashed_12_hour(self):
        return self.slashed_date() + self.twelve_hour()

    def iso_12_hour(self):
        return f"{self.year()}-{self.field(0, 13)}-{self.field(0, 32)}" + self.twelve_hour()

    def slashed_24_hour(self):
        text = self.slashed_date()
        if self.rng.random() < 0.7:
            text += f"{self.rng.choice([' ', '  '])}{self.field(0, 25)}:{self.field(0, 60)}"
            if self.rng.random() < 0.5:
                text += f":{self.field(0, 60)}"
                if self.rng.random() < 0.3:
                    text += self.fraction()
        return text

    def near_miss(self, text, keep_numbers):
        """``text`` edited once; with ``keep_numbers`` only by edits that leave its numbers as they are."""
        at = int(self.rng.integers(0, len(text) + 1))
        kind = int(self.rng.choice([0, 2, 4, 5] if keep_numbers else range(7)))
        if kind == 0:
            inserted = self.rng.choice([" ", "\t"] if keep_numbers else
                                       [" ", "\t", "/", "-", ":", "T", "x", "d", "\u0663", "\u00a0"])
            return text[:at] + str(inserted) + text[at:]
        if kind == 1:
            return text[:at] + text[at + 1:]
        if kind == 2:
            return str(self.rng.choice([" ", "\t"])) + text + str(self.rng.choice([" ", "\n", ""]))
        if kind == 3:
            return text.replace("-", "/").replace(" ", "T")
        if kind == 4:
            return text.lower()
        if kind == 5:
            return text + "9" * 70  # too long to read in bulk
        return text[:at] + str(self.rng.integers(0, 10)) + text[at + 1:]


def _random_times_text(rng, n, slashed="mixed", near_misses=0.25):
    """n strings of :class:`_RandomTimeText`: a share ``near_misses`` of them near misses, 3% nulls."""
    draw = _RandomTimeText(rng, slashed)
    # Slashed forms from position 3 on: their near misses may have to keep the column's order.
    forms = [draw.iso, draw.iso, draw.iso_12_hour, draw.slashed_12_hour, draw.slashed_24_hour, draw.slashed_24_hour]
    values = []
    for _ in range(n):
        form = int(rng.integers(0, len(forms)))
        text = forms[form]()
        chance = rng.random()
        # In a column of one order, near misses of slashed dates keep their numbers, and so the order.
        values.append(draw.near_miss(text, slashed != "mixed" and form >= 3) if chance < near_misses else
                      [None, "", "  ", "NaT", "not a time"][int(rng.integers(0, 5))] if chance < near_misses + 0.03
                      else text)
    return values


def _order_one_at_a_time(values):
    """slash_date_order as the per-value reading defines it: from the slashed dates that read only one way."""
    day_first = month_first = slashed = False
    for v in values:
        if isinstance(v, str) and "/" in v:  # only slashed dates have a slash
            day, month = (not np.isnat(parse_time_text(v, day_first=order)) for order in (True, False))
            slashed |= day or month
            day_first |= day and not month
            month_first |= month and not day
    if not slashed:
        return None
    if day_first and month_first:
        return "inconsistent"
    return "day_first" if day_first else "month_first" if month_first else "ambiguous"


def _one_at_a_time(values, zone):
    """parse_times as the per-value reading defines it."""
    from hotspot_patrol.core.timeparse import NOT_A_TIME, _to_time
    day_first = {"day_first": True, "inconsistent": True, "month_first": False}.get(_order_one_at_a_time(values))
    missing = np.array([v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip())
                        for v in values])
    times = np.array([NOT_A_TIME if gone else _to_time(v, zone, day_first) for v, gone in zip(values, missing)],
                     dtype="datetime64[s]")
    return times, missing, np.isnat(times) & ~missing


def _assert_same(result, expected, values):
    for got, want in zip(result, expected):
        assert got.dtype == want.dtype and got.shape == want.shape
        different = np.flatnonzero(got.astype(np.int64) != want.astype(np.int64))  # NaT as an integer: equal
        assert different.size == 0, [(values[i], got[i], want[i]) for i in different[:5]]


ZONES = [None, datetime.timezone.utc, datetime.timezone(-datetime.timedelta(hours=3, minutes=30)),
         "Europe/London", "America/Chicago", "Asia/Kolkata", "Australia/Lord_Howe", "Europe/Amsterdam"]


@pytest.mark.parametrize("slashed, zone", [("mixed", zone) for zone in ZONES] + [
    (order, zone) for order in ("day_first", "month_first", "ambiguous") for zone in (None, "Europe/London")], ids=str)
@pytest.mark.parametrize("with_objects", [False, True], ids=["text", "text and objects"])
def test_bulk_reading_equals_reading_one_value_at_a_time(zone, with_objects, slashed):
    from zoneinfo import ZoneInfo
    zone = ZoneInfo(zone) if isinstance(zone, str) else zone
    rng = np.random.default_rng(len(str(zone)) + 100 * with_objects + 1000 * len(slashed))
    values = _random_times_text(rng, 4000, slashed)
    if with_objects:
        values += [datetime.datetime(2024, 1, 2, 3, 4, 5), float("nan"), datetime.date(2024, 5, 1),
                   datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.timezone.utc), datetime.time(13, 30)]
    column = np.empty(len(values), dtype=object)
    column[:] = values
    order = _order_one_at_a_time(values)
    assert order == {"mixed": "inconsistent"}.get(slashed, slashed) and slash_date_order(column) == order
    _assert_same(parse_times(column, zone), _one_at_a_time(values, zone), values)


@pytest.mark.parametrize("slashed", list(SLASHED_RANGES))
def test_columns_of_each_order_are_read_in_bulk_as_one_at_a_time(slashed):
    """Without near misses, each kind of column has its intended order; the bulk reading, from
    every value down to a few, agrees with the per-value one."""
    rng = np.random.default_rng(len(slashed))
    values = [v for v in _random_times_text(rng, 3000, slashed, near_misses=0) if v and "/" in v]
    expected = {"mixed": "inconsistent"}.get(slashed, slashed)
    for count in (len(values), 50, 5):
        some = values[:count]
        order = _order_one_at_a_time(some)
        assert slash_date_order(some) == order
        _assert_same(parse_times(some), _one_at_a_time(some, None), some)
    assert _order_one_at_a_time(values) == expected


@pytest.mark.parametrize("zone", ["Europe/London", "America/Chicago", "Australia/Lord_Howe"])
def test_bulk_instants_equal_instants_one_value_at_a_time(zone):
    from zoneinfo import ZoneInfo

    from hotspot_patrol.core.timeparse import _carries_offset, parse_instants, wall_clock_to_utc
    zone = ZoneInfo(zone)
    values = _random_times_text(np.random.default_rng(7), 4000)
    # Times around the changes of 2024 in the three zones, with and without offsets.
    start = datetime.datetime(2024, 3, 30, 12)
    for minutes in range(0, 36 * 60, 7):
        moment = start + datetime.timedelta(minutes=minutes)
        values += [moment.strftime("%Y-%m-%dT%H:%M:%S"), moment.strftime("%Y-%m-%d %H:%M+00:00"),
                   (moment + datetime.timedelta(days=211)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                   (moment + datetime.timedelta(days=211)).strftime("%m/%d/%Y %I:%M:%S %p")]
    times, missing, unreadable = _one_at_a_time(values, datetime.timezone.utc)
    local = ~np.array([_carries_offset(v) for v in values]) & ~np.isnat(times)
    times[local] = wall_clock_to_utc(times[local], zone)
    _assert_same(parse_instants(values, zone), (times, missing, unreadable), values)


def test_offsets_changing_off_the_quarter_hour_are_converted_exactly():
    from zoneinfo import ZoneInfo
    # Amsterdam's summer time was +01:19:32 until 1937-07-01, when it became +01:20 at 22:40:28 UTC.
    amsterdam = ZoneInfo("Europe/Amsterdam")
    first = datetime.datetime(1937, 6, 30, 22, 20, tzinfo=datetime.timezone.utc)
    moments = [first + datetime.timedelta(seconds=7 * k) for k in range(600)]
    times, _, _ = parse_times([m.strftime("%Y-%m-%dT%H:%M:%S+00:00") for m in moments], amsterdam)
    np.testing.assert_array_equal(times, np.array([m.astimezone(amsterdam).replace(tzinfo=None) for m in moments],
                                                  dtype="datetime64[s]"))
    assert times[0] == np.datetime64("1937-06-30T23:39:32") and times[-1] == np.datetime64("1937-07-01T00:49:53")


def test_offsets_at_the_ends_of_the_calendar():
    times, missing, unreadable = parse_times(
        ["9999-12-31T23:50:00Z", "0001-01-01T00:30:00-01:00", "9999-12-31T18:00:00-05:00"], datetime.timezone.utc)
    np.testing.assert_array_equal(times, np.array(["9999-12-31T23:50", "0001-01-01T01:30", "9999-12-31T23:00"],
                                                  dtype="datetime64[s]"))
    assert not missing.any() and not unreadable.any()
    # Beyond the calendar in the zone: unreadable, not an error.
    west, east = (datetime.timezone(datetime.timedelta(hours=h)) for h in (-3, 3))
    assert parse_times(["0001-01-01T00:08:59Z"], west)[2].tolist() == [True]
    assert parse_times(["9999-12-31T23:08:59Z", datetime.datetime(9999, 12, 31, 23, tzinfo=datetime.timezone.utc)],
                       east)[2].tolist() == [True, True]


def test_common_forms_are_read_without_the_per_value_reading(monkeypatch):
    from zoneinfo import ZoneInfo

    from hotspot_patrol.core import timeparse

    def refuse(*args):
        raise AssertionError("read one value at a time")

    monkeypatch.setattr(timeparse, "parse_time_text", refuse)
    monkeypatch.setattr(timeparse, "_to_time", refuse)
    columns = [  # (values, times read), one column each: slashed dates are read in their column's order
        (["2024-05-17T22:15:00+01:00", "2024-05-17 22:15", "2024-12-01T06:00:00.5Z", "2018-01", "2024-02-30",
          "2024-01-25 13:30:00.000", "2024-01-25 1:30:00 PM"],
         ["2024-05-17T22:15", "2024-05-17T22:15", "2024-12-01T06:00", "2018-01-01T00:00", "NaT",
          "2024-01-25T13:30", "2024-01-25T13:30"]),
        (["02/10/2024 12:44:00 AM", "5/7/2024 1:05:09 PM", "05/17/2024 01:05 PM"],
         ["2024-02-10T00:44", "2024-05-07T13:05:09", "2024-05-17T13:05"]),
        (["17/05/2024 22:15", "17/05/2024", "01/05/2024 13:30:00.000", "25/01/2024 1:30 PM"],
         ["2024-05-17T22:15", "2024-05-17T00:00", "2024-05-01T13:30", "2024-01-25T13:30"]),
        (["01/25/2024 13:30:00", "01/05/2024 13:30:00.000", "01/05/2024"],
         ["2024-01-25T13:30", "2024-01-05T13:30", "2024-01-05T00:00"]),
        (["01/05/2024 13:30", "01/05/2024 1:30 PM"], ["2024-05-01T13:30", "2024-01-05T13:30"]),
    ]
    for values, expected in columns:
        column = np.array(values, dtype=object)
        times, missing, unreadable = timeparse.parse_times(column, ZoneInfo("Europe/London"))
        np.testing.assert_array_equal(times, np.array(expected, dtype="datetime64[s]"))
        assert not missing.any() and unreadable.tolist() == [t == "NaT" for t in expected]
        timeparse.slash_date_order(column)


@pytest.mark.parametrize("years", [["2023", "2024"], ["0000", "0001", "0004", "0100"], ["1899", "1900", "2000"]])
def test_columns_of_a_few_years_are_read_as_one_at_a_time(years):
    """Columns spanning a few years have their months worked out once and looked up: months and days
    out of range (two digits each), leap days and the year 0 read as they do one value at a time."""
    rng = np.random.default_rng(len(years))
    n = 3000
    year = rng.choice(years, n)
    month, day, hour = rng.integers(0, 100, n), rng.integers(0, 100, n), rng.integers(0, 25, n)
    # Most fields in range, so that most strings are read: the lookup must give the right answers too.
    month = np.where(rng.random(n) < 0.9, rng.integers(1, 13, n), month)
    day = np.where(rng.random(n) < 0.9, rng.integers(1, 32, n), day)
    for values in ([f"{y}-{m:02d}-{d:02d}T{h:02d}:07:09" for y, m, d, h in zip(year, month, day, hour)],
                   # Months kept to 1-12, so that days over 12 make the column month first.
                   [f"{min(max(m, 1), 12):02d}/{d:02d}/{y} {h % 13:02d}:07:09 PM"
                    for y, m, d, h in zip(year, month, day, hour)],
                   [f"{y}-{m:02d}-{d:02d} {h:02d}:07+05:30" for y, m, d, h in zip(year, month, day, hour)]):
        result = parse_times(values, datetime.timezone.utc)
        _assert_same(result, _one_at_a_time(values, datetime.timezone.utc), values)
        assert (~result[2]).sum() > n // 2


def test_strings_of_many_widths_and_odd_characters_are_read_as_one_at_a_time():
    """The column's characters are read as one block: strings of other widths, NUL characters and
    non-ASCII characters must neither shift nor spoil the strings around them."""
    rng = np.random.default_rng(5)
    odd = ["2024-01-05\x00", "\x002024-01-05", "2024-01-05T10:00\x00", "2024-01-05T10:00\x00:00",
           "2024-01-0\u00e95", "\u0662024-01-05", "2024-01-05", "5/6/2024", "05/06/2024 1:02 PM",
           "2024-01-05 10:00:00.123456", "", "x" * 80, "2024-1-5 7:05", "2024-01-05T10:00:00+01:00"]
    # Drawn by index: a numpy array of str would drop the trailing NULs.
    values = ["2024-01-05", "2024-01-05T10:00"] + [odd[i] for i in rng.integers(0, len(odd), 2000).tolist()]
    # parse_times has always dropped trailing NULs, as numpy's str arrays do; parse_time_text does not.
    as_read = [v.rstrip("\x00") for v in values]
    _assert_same(parse_times(values, datetime.timezone.utc), _one_at_a_time(as_read, datetime.timezone.utc), values)
    assert parse_times(values)[0][values.index("\x002024-01-05")] != np.datetime64("2024-01-05")
    ascii_only = [v for v in values if v.isascii()]
    _assert_same(parse_times(ascii_only), _one_at_a_time([v.rstrip("\x00") for v in ascii_only], None), ascii_only)


@pytest.mark.parametrize("as_utc", [False, True])
def test_read_times_is_parse_times_or_instants_with_the_slash_order(as_utc):
    from zoneinfo import ZoneInfo

    from hotspot_patrol.core.timeparse import parse_instants, read_times
    london = ZoneInfo("Europe/London")
    for slashed in SLASHED_RANGES:
        values = _random_times_text(np.random.default_rng(len(slashed)), 1000, slashed)
        times, missing, unreadable, order = read_times(values, london, as_utc=as_utc)
        _assert_same((times, missing, unreadable), (parse_instants if as_utc else parse_times)(values, london), values)
        assert order == _order_one_at_a_time(values) == {"mixed": "inconsistent"}.get(slashed, slashed)
    times = np.array(["2024-05-17T22:15", "NaT"], dtype="datetime64[s]")
    assert read_times(times, london, as_utc=as_utc)[3] is None
