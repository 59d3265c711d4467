"""Reading crime times from police exports."""

import datetime

import numpy as np
import pytest

from hotspot_patrol.core.timeparse import in_period, parse_time_text, parse_times


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
])
def test_supported_forms(text, expected):
    assert parse_time_text(text) == np.datetime64(expected)


@pytest.mark.parametrize("text", ["yesterday", "2024-13-01", "31/02/2024 10:00", "13/05/2024 10:00 PM",
                                  "05/17/2024 13:00:00 PM"])
def test_unreadable_forms(text):
    assert np.isnat(parse_time_text(text))


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

def _random_times_text(rng, n):
    """n strings of every supported form, with near misses, odd fields and offsets."""
    def field(low, high):
        value = int(rng.integers(low, high + 1))
        return f"{value:02d}" if rng.random() < 0.8 else str(value)

    def year():
        return str(rng.choice(["2024", "2023", "2025", "1900", "2000", "0000", "0001", "9999", "1937", "1883",
                               f"{int(rng.integers(0, 10000)):04d}"]))

    def offset():
        sign = str(rng.choice(["+", "-"]))
        return str(rng.choice(["Z", "+01:00", "-03:30", "+0530", "-05:00", "-00:00", "+23:59", "+24:00",
                               f"{sign}{field(0, 26)}:{field(0, 99)}", f"{sign}{field(0, 25)}{field(0, 60)}"]))

    def iso():
        text = f"{year()}-{field(0, 13)}"
        if rng.random() < 0.9:
            text += f"-{field(0, 32)}"
            if rng.random() < 0.8:
                text += f"{rng.choice(['T', ' '])}{field(0, 25)}:{field(0, 60)}"
                if rng.random() < 0.7:
                    text += f":{field(0, 60)}"
                    if rng.random() < 0.3:
                        text += str(rng.choice([".", ","])) + "7" * int(rng.integers(1, 10))
        if rng.random() < 0.5:
            text += str(rng.choice(["", "", " "])) + offset()
        return text

    def us_12_hour():
        text = f"{field(0, 13)}/{field(0, 32)}/{year()}{rng.choice([' ', '  '])}{field(0, 13)}:{field(0, 60)}"
        if rng.random() < 0.8:
            text += f":{field(0, 60)}"
        return text + str(rng.choice([" ", "", "  "])) + str(rng.choice(["AM", "PM", "am", "pm", "P.M.", "a.m", "Pm."]))

    def day_first():
        text = f"{field(0, 32)}/{field(0, 13)}/{year()}"
        if rng.random() < 0.7:
            text += f"{rng.choice([' ', '  '])}{field(0, 25)}:{field(0, 60)}"
            if rng.random() < 0.5:
                text += f":{field(0, 60)}"
        return text

    def near_miss(text):
        at = int(rng.integers(0, len(text) + 1))
        kind = int(rng.integers(0, 7))
        if kind == 0:
            return text[:at] + str(rng.choice([" ", "\t", "/", "-", ":", "T", "x", "d", "\u0663", "\u00a0"])) + text[at:]
        if kind == 1:
            return text[:at] + text[at + 1:]
        if kind == 2:
            return str(rng.choice([" ", "\t"])) + text + str(rng.choice([" ", "\n", ""]))
        if kind == 3:
            return text.replace("-", "/").replace(" ", "T")
        if kind == 4:
            return text.lower()
        if kind == 5:
            return text + "9" * 70  # too long to read in bulk
        return text[:at] + str(rng.integers(0, 10)) + text[at + 1:]

    values = []
    for _ in range(n):
        text = [iso, iso, us_12_hour, day_first][int(rng.integers(0, 4))]()
        draw = rng.random()
        values.append(near_miss(text) if draw < 0.25 else
                      [None, "", "  ", "NaT", "not a time"][int(rng.integers(0, 5))] if draw < 0.28 else text)
    return values


def _one_at_a_time(values, zone):
    """parse_times as the per-value reading defines it."""
    from hotspot_patrol.core.timeparse import NOT_A_TIME, _to_time
    missing = np.array([v is None or (isinstance(v, float) and v != v) or (isinstance(v, str) and not v.strip())
                        for v in values])
    times = np.array([NOT_A_TIME if gone else _to_time(v, zone) for v, gone in zip(values, missing)],
                     dtype="datetime64[s]")
    return times, missing, np.isnat(times) & ~missing


def _assert_same(result, expected, values):
    for got, want in zip(result, expected):
        assert got.dtype == want.dtype and got.shape == want.shape
        different = np.flatnonzero(got.astype(np.int64) != want.astype(np.int64))  # NaT as an integer: equal
        assert different.size == 0, [(values[i], got[i], want[i]) for i in different[:5]]


ZONES = [None, datetime.timezone.utc, datetime.timezone(-datetime.timedelta(hours=3, minutes=30)),
         "Europe/London", "America/Chicago", "Asia/Kolkata", "Australia/Lord_Howe", "Europe/Amsterdam"]


@pytest.mark.parametrize("zone", ZONES, ids=str)
@pytest.mark.parametrize("with_objects", [False, True], ids=["text", "text and objects"])
def test_bulk_reading_equals_reading_one_value_at_a_time(zone, with_objects):
    from zoneinfo import ZoneInfo
    zone = ZoneInfo(zone) if isinstance(zone, str) else zone
    rng = np.random.default_rng(len(str(zone)) + 100 * with_objects)
    values = _random_times_text(rng, 4000)
    if with_objects:
        values += [datetime.datetime(2024, 1, 2, 3, 4, 5), float("nan"), datetime.date(2024, 5, 1),
                   datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.timezone.utc)]
    column = np.empty(len(values), dtype=object)
    column[:] = values
    _assert_same(parse_times(column, zone), _one_at_a_time(values, zone), values)


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


def test_common_forms_are_read_without_the_per_value_reading(monkeypatch):
    from zoneinfo import ZoneInfo
    from hotspot_patrol.core import timeparse

    def refuse(*args):
        raise AssertionError("read one value at a time")

    monkeypatch.setattr(timeparse, "parse_time_text", refuse)
    monkeypatch.setattr(timeparse, "_to_time", refuse)
    values = ["2024-05-17T22:15:00+01:00", "2024-05-17 22:15", "2024-12-01T06:00:00.5Z", "2018-01",
              "02/10/2024 12:44:00 AM", "5/7/2024 1:05:09 PM", "17/05/2024 22:15", "17/05/2024", "2024-02-30"]
    times, missing, unreadable = timeparse.parse_times(np.array(values, dtype=object), ZoneInfo("Europe/London"))
    np.testing.assert_array_equal(times, np.array(
        ["2024-05-17T22:15", "2024-05-17T22:15", "2024-12-01T06:00", "2018-01-01T00:00", "2024-02-10T00:44",
         "2024-05-07T13:05:09", "2024-05-17T22:15", "2024-05-17T00:00", "NaT"], dtype="datetime64[s]"))
    assert not missing.any() and unreadable.tolist() == [False] * 8 + [True]
