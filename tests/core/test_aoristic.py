"""Aoristic hour-of-week profiles, against a brute-force count minute by minute (or second by second)."""

import datetime
import doctest
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from hotspot_patrol.core import aoristic

UTC = datetime.timezone.utc
MINUTE = datetime.timedelta(minutes=1)
WEEK = datetime.timedelta(hours=168)


# --- the reference: every minute of every window, one at a time ------------------------------------


def _hour_of_week(moment):
    return moment.weekday() * 24 + moment.hour


def reference_counts(starts, ends, groups, n_groups, weights, zone=None, step=MINUTE):
    """Counts and skipped crimes as the rules say, walking each window ``step`` by ``step``.

    Without a zone every wall-clock step of a window counts; with one every real
    step (in UTC) counts in the wall-clock hour ``astimezone`` gives it.  Windows
    must be whole steps long.
    """
    counts = np.zeros((n_groups, 168))
    skipped = 0
    for start, end, group, weight in zip(starts, ends, groups, weights):
        if group < 0 or start is None:
            continue
        if end is not None and end < start:
            skipped += 1
            continue
        if end is None or end == start:
            counts[group, _hour_of_week(start)] += weight
            continue
        if zone is None:
            first, last = start, end
        else:
            # Naive wall-clock times as UTC instants (fold=0 in the repeated and the skipped hour).
            first = start.replace(tzinfo=zone).astimezone(UTC)
            last = end.replace(tzinfo=zone).astimezone(UTC)
        if last <= first:  # an end in the skipped hour of spring: a crime without a window
            counts[group, _hour_of_week(start)] += weight
            continue
        if last - first >= WEEK:
            counts[group] += weight / 168
            continue
        steps = (last - first) // step
        assert first + steps * step == last, "the reference needs windows of whole steps"
        seen = np.zeros(168)
        for k in range(steps):
            moment = first + k * step
            wall = moment if zone is None else moment.astimezone(zone)
            seen[_hour_of_week(wall)] += 1
        counts[group] += weight * seen / steps
    return counts, skipped


def as_times(values):
    return np.array(values, dtype="datetime64[s]")


def random_windows(rng, n, around, spread_days=4):
    """``n`` windows on whole minutes starting within ``spread_days`` of one of the times ``around``.

    Lengths mix minutes, hours, days and a week or more; some windows are
    reversed, zero-length or without an end.
    """
    starts, ends = [], []
    for _ in range(n):
        centre = around[int(rng.integers(len(around)))]
        start = centre + datetime.timedelta(minutes=int(rng.integers(-spread_days * 1440, spread_days * 1440)))
        draw = rng.random()
        if draw < 0.25:
            minutes = int(rng.integers(1, 180))
        elif draw < 0.6:
            minutes = int(rng.integers(60, 24 * 60))
        elif draw < 0.8:
            minutes = int(rng.integers(24 * 60, 6 * 24 * 60))
        elif draw < 0.85:
            minutes = int(rng.integers(167 * 60, 169 * 60 + 1))  # about a week, either side
        elif draw < 0.88:
            minutes = int(rng.integers(169 * 60, 30 * 24 * 60))
        elif draw < 0.92:
            minutes = 0
        elif draw < 0.95:
            minutes = -int(rng.integers(1, 3000))
        else:
            minutes = None
        starts.append(start)
        ends.append(None if minutes is None else start + datetime.timedelta(minutes=minutes))
    return starts, ends


def assert_counts_match(starts, ends, groups=None, n_groups=1, weights=None, zone=None, step=MINUTE):
    groups = [0] * len(starts) if groups is None else groups
    weights = [1.0] * len(starts) if weights is None else weights
    counts, skipped = aoristic.hour_of_week_counts(
        as_times(starts), as_times(ends), group=np.array(groups, dtype=np.int64), n_groups=n_groups,
        weight=np.array(weights, dtype=float), zone=zone)
    expected, expected_skipped = reference_counts(starts, ends, groups, n_groups, weights, zone, step)
    assert counts.shape == (n_groups, 168)
    np.testing.assert_allclose(counts, expected, rtol=1e-9, atol=1e-9)
    assert skipped == expected_skipped
    # Every counted crime gives exactly its weight.
    totals = np.zeros(n_groups)
    for start, end, group, weight in zip(starts, ends, groups, weights):
        if group >= 0 and start is not None and not (end is not None and end < start):
            totals[group] += weight
    np.testing.assert_allclose(counts.sum(axis=1), totals, rtol=1e-12, atol=1e-9)
    assert (counts >= 0).all()
    return counts


# --- hour_of_week_counts ----------------------------------------------------------------------------


def test_examples_in_docstrings_run():
    result = doctest.testmod(aoristic, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_crimes_without_a_window_count_in_the_hour_of_their_start():
    start = as_times(["2024-05-13T08:59:59", "2024-05-19T23:10", "2024-05-15T12:00", "NaT"])
    end = as_times(["NaT", "NaT", "2024-05-15T12:00", "2024-05-15T12:00"])  # 13 May 2024 is a Monday
    counts, skipped = aoristic.hour_of_week_counts(start, end)
    assert counts[0, 8] == 1 and counts[0, 167] == 1 and counts[0, 2 * 24 + 12] == 1
    assert counts.sum() == 3 and skipped == 0
    np.testing.assert_array_equal(aoristic.hour_of_week_counts(start)[0], aoristic.hour_of_week_counts(
        start, as_times([None] * 4))[0])


def test_a_window_gives_each_hour_its_share_of_the_window():
    counts, _ = aoristic.hour_of_week_counts(as_times(["2024-05-13T10:45"]), as_times(["2024-05-13T12:15"]))
    np.testing.assert_allclose(counts[0, 10:13], [1 / 6, 2 / 3, 1 / 6])
    assert counts[0].sum() == pytest.approx(1)


def test_a_window_across_the_end_of_the_week_wraps_round_to_monday():
    counts, _ = aoristic.hour_of_week_counts(as_times(["2024-05-19T23:30"]), as_times(["2024-05-20T00:30"]))
    assert counts[0, 167] == pytest.approx(0.5) and counts[0, 0] == pytest.approx(0.5)


def test_windows_of_a_week_or_more_spread_evenly():
    start = as_times(["2024-05-13T10:45", "2024-05-13T10:45", "2024-05-13T10:45"])
    end = as_times(["2024-05-20T10:45", "2024-06-13T10:00", "2024-05-20T10:44"])
    counts, _ = aoristic.hour_of_week_counts(start, end, group=np.array([0, 1, 2]), n_groups=3, weight=[1, 2, 1])
    np.testing.assert_allclose(counts[0], 1 / 168)
    np.testing.assert_allclose(counts[1], 2 / 168)
    assert counts[2, 10] < 1 / 168 < counts[2, 11]  # one minute short of a week: not quite even
    hours = aoristic.window_lengths_hours(start, end)
    assert (hours >= 168).tolist() == [True, True, False]


def test_reversed_windows_are_skipped_and_counted():
    start = as_times(["2024-05-13T10:00", "2024-05-13T10:00", "2024-05-13T10:00", "NaT"])
    end = as_times(["2024-05-13T09:59", "2024-05-13T09:00", "2024-05-13T11:00", "2024-05-13T09:00"])
    counts, skipped = aoristic.hour_of_week_counts(start, end, group=np.array([0, -1, 0, 0]))
    assert skipped == 1  # the one left out by its group, and the one without a start, are not skipped ones
    assert counts[0, 10] == 1 and counts.sum() == 1


def test_random_windows_match_the_reference_by_the_wall_clock():
    rng = np.random.default_rng(2002)
    around = [datetime.datetime(2024, 5, 19, 23, 0), datetime.datetime(2024, 3, 31, 1, 0),
              datetime.datetime(2023, 12, 31, 12, 0), datetime.datetime(1969, 12, 31, 22, 0)]
    starts, ends = random_windows(rng, 400, around)
    starts[5] = None
    groups = rng.integers(-1, 4, len(starts)).tolist()
    weights = rng.choice([1.0, 0.5, 2.5, 0.0], len(starts)).tolist()
    assert_counts_match(starts, ends, groups, 4, weights)


# Times just before the changes of the clocks in 2024 (and 2000 and 2011 for the odd ones), wall clock.
CHANGES = {
    "Europe/London": [datetime.datetime(2024, 3, 31, 1), datetime.datetime(2024, 10, 27, 1)],
    "America/New_York": [datetime.datetime(2024, 3, 10, 2), datetime.datetime(2024, 11, 3, 1)],
    "Australia/Lord_Howe": [datetime.datetime(2024, 4, 7, 1, 30), datetime.datetime(2024, 10, 6, 2)],
    "Asia/Kolkata": [datetime.datetime(2024, 3, 31, 1), datetime.datetime(2024, 5, 19, 23)],
    "Asia/Kathmandu": [datetime.datetime(2024, 5, 19, 23)],
    # Summer time began on 8 October 2000 and was called off a week (167 real hours) later.
    "America/Recife": [datetime.datetime(2000, 10, 8, 0), datetime.datetime(2000, 10, 14, 23)],
    # Samoa skipped 30 December 2011, going from UTC-10 to UTC+14.
    "Pacific/Apia": [datetime.datetime(2011, 12, 29, 23, 0)],
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_random_windows_match_the_reference_in_real_time(name):
    zone = ZoneInfo(name)
    rng = np.random.default_rng(len(name))
    starts, ends = random_windows(rng, 250, CHANGES[name])
    groups = rng.integers(-1, 3, len(starts)).tolist()
    weights = rng.choice([1.0, 3.0, 0.25], len(starts)).tolist()
    assert_counts_match(starts, ends, groups, 3, weights, zone)


def test_a_window_across_both_changes_of_recife_in_october_2000_is_cut_in_three():
    # Summer time (UTC-2) began at 03:00 UTC on 8 October 2000 and was called off at 02:00 UTC on
    # the 15th, 167 hours later.  Wall-clock ends (read at the first pass of the repeated hour)
    # cannot make a window shorter than 168 hours that holds both, so cut one given in UTC.
    from hotspot_patrol.core.aoristic import _pieces_of_constant_offset
    first = int(np.datetime64("2000-10-08T02:30", "s").astype(np.int64))
    length = (167 * 60 + 45) * 60
    rows, local, lengths, rates = _pieces_of_constant_offset(
        np.array([0]), np.array([first]), np.array([length]), np.array([1.0 / length]), ZoneInfo("America/Recife"))
    assert rows.tolist() == [0, 0, 0] and lengths.tolist() == [1800, 167 * 3600, 900]
    np.testing.assert_array_equal(local.astype("datetime64[s]"), as_times(
        ["2000-10-07T23:30", "2000-10-08T01:00", "2000-10-14T23:00"]))
    # As wall-clock windows, those around the changes match the reference.
    start = datetime.datetime(2000, 10, 7, 23, 0)
    ends = [start + datetime.timedelta(hours=hours, minutes=minutes)
            for hours in (166, 167, 168) for minutes in (0, 30)]
    assert_counts_match([start] * len(ends), ends, zone=ZoneInfo("America/Recife"))


def test_the_spring_forward_night_has_no_time_in_the_skipped_hour():
    start, end = as_times(["2024-03-31T00:30"]), as_times(["2024-03-31T03:30"])  # a Sunday: hour 144 is 00:00
    counts, _ = aoristic.hour_of_week_counts(start, end, zone=ZoneInfo("Europe/London"))
    np.testing.assert_allclose(counts[0, 144:148], np.array([30, 0, 60, 30]) / 120)
    wall, _ = aoristic.hour_of_week_counts(start, end)
    np.testing.assert_allclose(wall[0, 144:148], np.array([30, 60, 60, 30]) / 180)
    assert aoristic.window_lengths_hours(start, end, ZoneInfo("Europe/London"))[0] == 2


def test_the_autumn_night_counts_the_repeated_hour_twice():
    start, end = as_times(["2024-10-27T00:30"]), as_times(["2024-10-27T03:30"])
    counts, _ = aoristic.hour_of_week_counts(start, end, zone=ZoneInfo("Europe/London"))
    np.testing.assert_allclose(counts[0, 144:148], np.array([30, 120, 60, 30]) / 240)


def test_the_week_is_measured_in_real_hours_with_a_zone():
    london = ZoneInfo("Europe/London")
    start = as_times(["2024-03-28T12:00", "2024-10-24T12:00"])
    end = as_times(["2024-04-04T12:00", "2024-10-31T11:00"])  # 168 wall-clock hours; 167
    hours = aoristic.window_lengths_hours(start, end, london)
    assert hours.tolist() == [167, 168]
    counts, _ = aoristic.hour_of_week_counts(start, end, group=np.array([0, 1]), n_groups=2, zone=london)
    assert not np.allclose(counts[0], 1 / 168)
    np.testing.assert_allclose(counts[1], 1 / 168)
    wall, _ = aoristic.hour_of_week_counts(start, end, group=np.array([0, 1]), n_groups=2)
    np.testing.assert_allclose(wall[0], 1 / 168)


def test_an_end_in_the_skipped_hour_before_its_start_makes_a_crime_without_a_window():
    # 01:50 does not exist in London on 31 March 2024; read as 01:50 GMT it is 02:50 BST, after 02:10.
    london = ZoneInfo("Europe/London")
    start, end = as_times(["2024-03-31T01:50"]), as_times(["2024-03-31T02:10"])
    counts, skipped = aoristic.hour_of_week_counts(start, end, zone=london)
    assert counts[0, 145] == 1 and skipped == 0
    assert aoristic.window_lengths_hours(start, end, london)[0] == 0
    assert_counts_match([datetime.datetime(2024, 3, 31, 1, 50)], [datetime.datetime(2024, 3, 31, 2, 10)],
                        zone=london)


def test_a_fixed_offset_zone_counts_as_the_wall_clock_does():
    rng = np.random.default_rng(5)
    starts, ends = random_windows(rng, 300, [datetime.datetime(2024, 5, 19, 23)])
    wall, _ = aoristic.hour_of_week_counts(as_times(starts), as_times(ends))
    fixed, _ = aoristic.hour_of_week_counts(as_times(starts), as_times(ends),
                                            zone=datetime.timezone(datetime.timedelta(hours=-3, minutes=-30)))
    np.testing.assert_allclose(fixed, wall, atol=1e-12)


@pytest.mark.parametrize("zone", [None, "Asia/Kolkata", "Australia/Lord_Howe"])
def test_windows_off_the_minute_match_the_reference_second_by_second(zone):
    zone = zone and ZoneInfo(zone)
    rng = np.random.default_rng(18)
    around = datetime.datetime(2024, 10, 6, 1, 50)  # Lord Howe's clocks go from 02:00 to 02:30
    starts = [around + datetime.timedelta(seconds=int(s)) for s in rng.integers(-7200, 7200, 40)]
    ends = [s + datetime.timedelta(seconds=int(d)) for s, d in zip(starts, rng.integers(1, 4 * 3600, 40))]
    assert_counts_match(starts, ends, zone=zone, step=datetime.timedelta(seconds=1))


def test_empty_input():
    counts, skipped = aoristic.hour_of_week_counts(as_times([]), as_times([]), n_groups=2,
                                                   zone=ZoneInfo("Europe/London"))
    assert counts.shape == (2, 168) and not counts.any() and skipped == 0


@pytest.mark.parametrize("arguments, message", [
    (dict(start=np.array([1, 2])), "not numbers"),
    (dict(start=as_times(["2024-01-01"]), end=as_times(["2024-01-01", "2024-01-02"])), "one time per crime"),
    (dict(start=as_times(["2024-01-01"]), end=np.array(["tomorrow"], dtype=object)), "must hold times"),
    (dict(start=as_times([["2024-01-01"]])), "one-dimensional"),
    (dict(start=as_times(["2024-01-01"]), group=np.array([1])), "only 1 rows"),
    (dict(start=as_times(["2024-01-01"]), group=np.array([0.0])), "whole row numbers"),
    (dict(start=as_times(["2024-01-01"]), group=np.array([0, 0])), "one row number per crime"),
    (dict(start=as_times(["2024-01-01"]), n_groups=0), "n_groups"),
    (dict(start=as_times(["2024-01-01"]), weight=[-1.0]), "0 or more"),
    (dict(start=as_times(["2024-01-01"]), weight=[np.nan]), "finite"),
    (dict(start=as_times(["2024-01-01"]), zone="Europe/London"), "tzinfo"),
])
def test_bad_input_is_refused(arguments, message):
    with pytest.raises(ValueError, match=message):
        aoristic.hour_of_week_counts(**arguments)


# --- window_lengths_hours -----------------------------------------------------------------------


def test_window_lengths():
    start = as_times(["2024-05-13T08:00", "2024-05-13T08:00", "2024-05-13T08:00", "NaT", "2024-10-27T00:00"])
    end = as_times(["2024-05-13T09:30", "NaT", "2024-05-13T07:00", "2024-05-13T09:00", "2024-10-27T03:00"])
    hours = aoristic.window_lengths_hours(start, end)
    np.testing.assert_array_equal(hours, [1.5, 0, np.nan, np.nan, 3])
    real = aoristic.window_lengths_hours(start, end, ZoneInfo("Europe/London"))
    np.testing.assert_array_equal(real, [1.5, 0, np.nan, np.nan, 4])


# --- share_in_period --------------------------------------------------------------------------------


def reference_share(start, end, low, high):
    def inside(moment):
        return (low is None or moment >= low) and (high is None or moment < high)

    if start is None or (end is not None and end < start):
        return np.nan
    if end is None or end == start:
        return float(inside(start))
    minutes = (end - start) // MINUTE
    return sum(inside(start + k * MINUTE) for k in range(minutes)) / minutes


def test_share_in_period_matches_the_reference_minute_by_minute():
    rng = np.random.default_rng(23)
    starts, ends = random_windows(rng, 150, [datetime.datetime(2024, 2, 1)], spread_days=10)
    starts[3] = None
    periods = [(datetime.datetime(2024, 2, 1), datetime.datetime(2024, 2, 8)),
               (None, datetime.datetime(2024, 1, 30, 12, 30)), (datetime.datetime(2024, 2, 3, 7, 15), None),
               (None, None), (datetime.datetime(2024, 2, 2), datetime.datetime(2024, 2, 2))]
    for low, high in periods:
        share = aoristic.share_in_period(as_times(starts), as_times(ends), low, high)
        expected = [reference_share(s, e, low, high) for s, e in zip(starts, ends)]
        np.testing.assert_allclose(share, expected, rtol=1e-12, atol=1e-12)
        assert ((share >= 0) & (share <= 1) | np.isnan(share)).all()


def test_share_of_crimes_without_a_window_is_whether_they_are_in_the_period():
    start = as_times(["2024-01-31T23:59:59", "2024-02-01T00:00", "2024-03-01T00:00", "2024-02-10T00:00"])
    share = aoristic.share_in_period(start, None, np.datetime64("2024-02-01"), datetime.datetime(2024, 3, 1))
    assert share.tolist() == [0, 1, 0, 1]


def test_share_in_period_refuses_a_period_that_ends_before_it_starts():
    with pytest.raises(ValueError, match="ends before it starts"):
        aoristic.share_in_period(as_times(["2024-01-01"]), None, "2024-02-01", "2024-01-01")
    with pytest.raises(ValueError, match="period_start"):
        aoristic.share_in_period(as_times(["2024-01-01"]), None, "someday")
