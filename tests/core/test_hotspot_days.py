"""Hotspot-by-day grids: visits and crimes put on hotspots and days, against worked cases and a
day-by-day walk."""

import numpy as np
import pytest

from hotspot_patrol.core import hotspot_days
from hotspot_patrol.core.errors import InputError


def days_since_reference(patrol_days_by_hotspot, n_hotspots, n_days):
    """Days since the last patrol day, by walking every hotspot's days one by one."""
    result = np.full((n_hotspots, n_days), np.nan)
    for hotspot in range(n_hotspots):
        days = set(patrol_days_by_hotspot.get(hotspot, ()))
        last = None
        for day in range(min(days | {0}), n_days):
            if day in days:
                last = day
            if day >= 0 and last is not None:
                result[hotspot, day] = day - last
    return result


def test_hotspot_index_finds_each_name_and_marks_the_unknown():
    assert hotspot_days.hotspot_index(["A", "B", "C"], ["C", "A", "x", "B", "C"]).tolist() == [2, 0, -1, 1, 2]
    assert hotspot_days.hotspot_index(["A"], []).tolist() == []
    # Ids are compared as given: "1" is not 1.
    assert hotspot_days.hotspot_index(["1", "2"], [1, "2"]).tolist() == [-1, 1]


def test_patrol_days_worked_case():
    hotspot = [0, 0, 0, 0, 0, 0, 1, 1, 2, 2]
    day = [-5, -2, 2, 2, 6, 7, 0, 5, -10, 9]
    minutes = [15, 15, 10, 20, 15, 15, 30, 15, 15, 15]
    result = hotspot_days.patrol_days(hotspot, day, minutes, n_hotspots=4, n_days=6)
    assert result.visits.tolist() == [[0, 0, 2, 0, 0, 0], [1, 0, 0, 0, 0, 1], [0] * 6, [0] * 6]
    assert result.minutes.tolist() == [[0, 0, 30, 0, 0, 0], [30, 0, 0, 0, 0, 15], [0] * 6, [0] * 6]
    assert result.patrolled.tolist() == (result.visits > 0).tolist()
    nan = np.nan
    expected = [[2, 3, 0, 1, 2, 3],            # day -2 counts; two visits on day 2 are one patrol day
                [0, 1, 2, 3, 4, 0],
                [10, 11, 12, 13, 14, 15],      # only a visit long before the period (day 9 is after it)
                [nan] * 6]                     # never patrolled
    np.testing.assert_array_equal(result.days_since, expected)
    assert result.visits.dtype.kind == "i" and result.minutes.dtype.kind == "f"


def test_patrol_days_matches_a_day_by_day_walk():
    rng = np.random.default_rng(3)
    n_hotspots, n_days = 7, 40
    hotspot = rng.integers(0, n_hotspots - 1, 60)  # the last hotspot is never visited
    day = rng.integers(-15, n_days + 10, 60)
    result = hotspot_days.patrol_days(hotspot, day, rng.uniform(5, 20, 60), n_hotspots, n_days)
    by_hotspot = {}
    for h, d in zip(hotspot.tolist(), day.tolist()):
        if d < n_days:
            by_hotspot.setdefault(h, []).append(d)
    np.testing.assert_array_equal(result.days_since, days_since_reference(by_hotspot, n_hotspots, n_days))
    assert np.isnan(result.days_since[-1]).all()


def test_patrol_days_rejects_bad_records():
    with pytest.raises(InputError, match="hotspot index 3, but the hotspots are numbered 0..2"):
        hotspot_days.patrol_days([0, 3], [1, 1], [15, 15], 3, 10)
    with pytest.raises(InputError, match="hotspot index -1"):
        hotspot_days.patrol_days([-1], [1], [15], 3, 10)
    with pytest.raises(InputError, match="whole numbers"):
        hotspot_days.patrol_days([0], [1.5], [15], 3, 10)
    with pytest.raises(InputError, match="one value per visit"):
        hotspot_days.patrol_days([0, 1], [1], [15], 3, 10)
    empty = hotspot_days.patrol_days([], [], [], 2, 3)
    assert empty.visits.shape == (2, 3) and np.isnan(empty.days_since).all()


def test_count_crimes_ignores_crimes_outside_hotspots_and_period():
    counts = hotspot_days.count_crimes([0, 0, 1, -1, 1, 2, 2], [0, 0, 3, 2, 4, -1, 2], n_hotspots=3, n_days=4)
    assert counts.tolist() == [[2, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]]
    with pytest.raises(InputError, match="hotspot index 3"):
        hotspot_days.count_crimes([3], [0], 3, 4)
