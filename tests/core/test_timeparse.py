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
