"""core.time_resolution: what a column of times can say, and unknown times written as midnight."""

import numpy as np
import pytest

from hotspot_patrol.core.time_resolution import (
    DAY,
    MINUTE,
    MONTH,
    is_midnight,
    midnight_heaping,
    period_bound_finer_than,
    step_finer_than,
    time_resolution,
)


def times(*values):
    return np.array(values, dtype="datetime64[s]")


def test_police_uk_month_text_is_month_whatever_it_parses_to():
    raw = np.array(["2018-01", "2018-07", None], dtype=object)
    found = time_resolution(times("2018-01-01", "2018-07-01", "NaT"), raw)
    assert found.resolution == MONTH and "yyyy-MM" in found.rule
    assert not found.has_time_of_day


def test_every_time_on_the_first_at_midnight_is_month():
    found = time_resolution(times("2018-01-01T00:00", "2018-02-01T00:00", "2018-02-01T00:00"))
    assert found.resolution == MONTH and "1st of its month" in found.rule


def test_dates_without_times_are_day():
    found = time_resolution(times("2018-01-01", "2018-01-15", "2018-02-03"))
    assert found.resolution == DAY


def test_one_time_of_day_makes_minute():
    found = time_resolution(times("2018-01-01", "2018-01-15", "2018-02-03T13:05"))
    assert found.resolution == MINUTE and found.has_time_of_day


def test_a_second_past_midnight_is_a_time_of_day():
    assert time_resolution(times("2018-01-01T00:00:01")).resolution == MINUTE


def test_mixed_text_is_judged_on_the_parsed_times():
    raw = np.array(["2018-01", "2018-01-05 10:30"], dtype=object)
    assert time_resolution(times("2018-01-01", "2018-01-05T10:30"), raw).resolution == MINUTE



@pytest.mark.parametrize("raw, resolution", [
    ([None, "2018-01", " 2018-02 "], MONTH),  # nulls first: the first present value decides nothing alone
    (["2018-01", "2018-02", "2018-02-01"], DAY),  # month text first, a date later
    (["2018-01-01", "2018-02", "2018-03"], DAY),  # a date first
    ([201801, "2018-02", "2018-03"], DAY),  # not text
    ([None, None, None], DAY),
])
def test_month_text_needs_every_present_value(raw, resolution):
    parsed = times("2018-01-01", "2018-02-01", "2018-02-05")  # day resolution unless the text says month
    assert time_resolution(parsed, np.array(raw, dtype=object)).resolution == resolution

def test_no_time_at_all():
    assert time_resolution(times("NaT", "NaT")).resolution is None


def test_at_least_orders_month_day_minute():
    month = time_resolution(times("2018-01-01"), np.array(["2018-01"], dtype=object))
    day = time_resolution(times("2018-01-02"))
    minute = time_resolution(times("2018-01-02T03:04"))
    assert month.at_least(MONTH) and not month.at_least(DAY) and not month.at_least(MINUTE)
    assert day.at_least(DAY) and not day.at_least(MINUTE)
    assert minute.at_least(MONTH) and minute.at_least(DAY) and minute.at_least(MINUTE)


@pytest.mark.parametrize("bound, resolution, finer", [
    ("2018-03-15", MONTH, True), ("2018-03-01", MONTH, False), ("2018-03-01T06:00", MONTH, True),
    ("2018-03-15", DAY, False), ("2018-03-15T06:00", DAY, True), ("2018-03-15T06:00", MINUTE, False),
    (None, MONTH, False), ("2018-03-15", None, False)])
def test_period_bounds_finer_than_the_data(bound, resolution, finer):
    assert period_bound_finer_than(bound, resolution) is finer


@pytest.mark.parametrize("step, resolution, finer", [
    ("day", MONTH, True), ("week", MONTH, True), ("month", MONTH, False),
    ("day", DAY, False), ("week", DAY, False), ("day", MINUTE, False), ("day", None, False)])
def test_steps_finer_than_the_data(step, resolution, finer):
    assert step_finer_than(step, resolution) is finer


def test_midnight_is_to_the_minute():
    flags = is_midnight(times("2024-05-01T00:00:00", "2024-05-01T00:00:40", "2024-05-01T00:01", "NaT",
                              "2024-05-01T12:00"))
    assert flags.tolist() == [True, True, False, False, False]


def test_heaping_compares_midnight_with_the_other_whole_hours():
    rng = np.random.default_rng(4)
    # Uniform times to the minute: each whole hour's first minute holds about n / 1440.
    day = np.datetime64("2024-05-01T00:00", "s")
    uniform = day + rng.integers(0, 86400 // 60, 200_000).astype("timedelta64[m]")
    honest = midnight_heaping(uniform)
    assert not honest.heaped
    expected = 200_000 / 1440
    assert honest.mean_other == pytest.approx(expected, rel=0.1)
    # Add unknown times written as midnight: three times the other hours' first minute, and more.
    heaped = np.concatenate([uniform, np.full(int(3 * expected), day)])
    result = midnight_heaping(heaped)
    assert result.heaped
    assert result.at_midnight == int(np.count_nonzero(is_midnight(heaped)))


def test_a_few_genuine_midnights_never_count_as_heaping():
    # Nine crimes at midnight and none elsewhere on the hour: below the minimum of ten.
    assert not midnight_heaping(times(*["2024-05-01T00:00"] * 9, "2024-05-01T13:17")).heaped
    assert midnight_heaping(times(*["2024-05-01T00:00"] * 10, "2024-05-01T13:17")).heaped


def test_heaping_rule_by_brute_force():
    rng = np.random.default_rng(11)
    for _ in range(50):
        minutes = rng.integers(0, 1440, rng.integers(1, 400))
        minutes[: rng.integers(0, 60)] = 0
        column = np.datetime64("2024-01-01T00:00", "s") + minutes.astype("timedelta64[m]")
        on_hour = [int(np.sum(minutes == 60 * h)) for h in range(24)]
        mean_other = sum(on_hour[1:]) / 23
        result = midnight_heaping(column)
        assert result.at_midnight == on_hour[0]
        assert result.mean_other == pytest.approx(mean_other)
        assert result.heaped == (on_hour[0] >= 10 and on_hour[0] >= 3 * mean_other)
