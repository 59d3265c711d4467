"""Emerging hot spots: Mann-Kendall, space-time Gi* and every pattern on constructed series."""

import datetime

import numpy as np
import pytest

from hotspot_patrol.core import emerging
from hotspot_patrol.core.errors import InputError


def test_mann_kendall_known_values():
    z, p = emerging.mann_kendall([[1, 2, 3, 4, 5], [5, 4, 3, 2, 1], [1, 1, 1, 1, 1]])
    assert z[0] == pytest.approx(9 / np.sqrt(5 * 4 * 15 / 18))
    assert z[1] == pytest.approx(-z[0])
    assert p[0] == pytest.approx(0.0275, abs=5e-4)
    assert z[2] == 0 and p[2] == 1


def test_mann_kendall_tie_correction_against_brute_force():
    series = np.array([[2, 2, 3, 1, 3, 3, 5, 4]], dtype=float)
    n = series.shape[1]
    s = sum(np.sign(series[0, j] - series[0, i]) for i in range(n) for j in range(i + 1, n))
    ties = [2, 3]  # two 2s, three 3s
    variance = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18
    z, _ = emerging.mann_kendall(series)
    assert z[0] == pytest.approx((s - np.sign(s)) / np.sqrt(variance))


def test_space_time_gi_star_against_brute_force():
    rng = np.random.default_rng(2)
    cells = np.array([(c, r) for c in range(5) for r in range(4)])
    cube = rng.poisson(2, (len(cells), 6)).astype(float)
    z, _ = emerging.space_time_gi_star(cube, cells[:, 0], cells[:, 1], 100, 150, 2, fdr=False)
    values = cube.ravel()
    n, mean, s = values.size, values.mean(), values.std()
    for k, (c, r) in enumerate(cells):
        for t in range(6):
            near = np.hypot(cells[:, 0] - c, cells[:, 1] - r) * 100 <= 150
            window = [u for u in range(6) if t - 1 <= u <= t]
            neighbours = cube[near][:, window]
            w = neighbours.size
            expected = (neighbours.sum() - w * mean) / (s * np.sqrt((n * w - w * w) / (n - 1)))
            assert z[k, t] == pytest.approx(expected)


H, C, N = 1, -1, 0  # hot, cold, neither


@pytest.mark.parametrize("series, trend, pattern", [
    ([N, N, N, N, N, N, N, N, N, H], 0, "New Hot Spot"),
    ([N, N, N, N, N, N, N, H, H, H], 0, "Consecutive Hot Spot"),
    ([H] * 10, +3, "Intensifying Hot Spot"),
    ([H] * 10, 0, "Persistent Hot Spot"),
    ([H] * 10, -3, "Diminishing Hot Spot"),
    ([N, H, N, N, H, N, N, N, H, H], 0, "Sporadic Hot Spot"),
    ([C, N, N, H, N, N, N, N, N, H], 0, "Oscillating Hot Spot"),
    ([H] * 9 + [N], 0, "Historical Hot Spot"),
    ([N, N, N, N, N, N, N, N, N, C], 0, "New Cold Spot"),
    ([N, N, N, N, N, N, N, C, C, C], 0, "Consecutive Cold Spot"),
    ([C] * 10, -3, "Intensifying Cold Spot"),
    ([C] * 10, 0, "Persistent Cold Spot"),
    ([C] * 10, +3, "Diminishing Cold Spot"),
    ([N, C, N, N, C, N, N, N, C, C], 0, "Sporadic Cold Spot"),
    ([H, N, N, C, N, N, N, N, N, C], 0, "Oscillating Cold Spot"),
    ([C] * 9 + [N], 0, "Historical Cold Spot"),
    ([N, H, N, C, N, N, H, N, N, N], 0, "No Pattern Detected"),
])
def test_every_pattern(series, trend, pattern):
    p = 0.001 if trend else 0.5
    assert emerging.classify(np.array([series]) * 2, [trend], [p]) == [pattern]
    assert pattern in emerging.PATTERNS


def test_seventeen_patterns():
    assert len(emerging.PATTERNS) == 17


def test_emerging_cell_becomes_a_new_hot_spot():
    # A 9 x 9 block of quiet cells; the centre cell and its neighbours flare up in the last week only.
    cells = np.array([(c, r) for c in range(9) for r in range(9)])
    cube = np.ones((len(cells), 8))
    flare = (np.abs(cells[:, 0] - 4) <= 1) & (np.abs(cells[:, 1] - 4) <= 1)
    cube[flare, -1] = 12
    result = emerging.emerging_hot_spots(cube, cells[:, 0], cells[:, 1], 150, 150 * 1.5, 1)
    centre = int(np.flatnonzero((cells[:, 0] == 4) & (cells[:, 1] == 4))[0])
    assert result["category"][centre] == "New Hot Spot"
    assert result["hot_steps"][centre] == 1
    corner = int(np.flatnonzero((cells[:, 0] == 0) & (cells[:, 1] == 0))[0])
    assert result["category"][corner] == "No Pattern Detected"


# --- bounds: the cube, the pairs, long series ---------------------------------------------------

def test_mann_kendall_on_long_series_against_brute_force():
    rng = np.random.default_rng(8)
    series = np.vstack([rng.poisson(1, 300), np.arange(300), np.full(300, 2.0),
                        np.round(rng.normal(0, 1, 300), 1)]).astype(float)
    z, _ = emerging.mann_kendall(series)
    for k, row in enumerate(series):
        s = np.sign(row[None, :] - row[:, None])[np.triu_indices(300, 1)].sum()
        _, counts = np.unique(row, return_counts=True)
        variance = (300 * 299 * 605 - np.sum(counts * (counts - 1) * (2 * counts + 5))) / 18
        expected = 0.0 if s == 0 or variance == 0 else (s - np.sign(s)) / np.sqrt(variance)
        assert z[k] == pytest.approx(expected), k


def test_a_cube_over_the_limit_is_refused_naming_the_span():
    with pytest.raises(ValueError, match=r"1,000 cells with crime x 65,784 time steps of one day from 2024-01-01 "
                                         r"to 2204-02-10.*typo year"):
        emerging.check_cube_size(1000, 65784, "day", "2024-01-01", "2204-02-10")
    emerging.check_cube_size(1000, 20_000, "day")


def test_space_time_gi_star_refuses_too_many_pairs_with_a_band_that_fits():
    cells = np.array([(c, r) for c in range(30) for r in range(30)])
    cube = np.ones((900, 4))
    with pytest.raises(InputError, match=r"A distance band of 1e\+09 m makes each of the 900 cells .* at most") \
            as error:
        emerging.space_time_gi_star(cube, cells[:, 0], cells[:, 1], 150, 1e9, 1, max_pairs=50_000)
    assert error.value.setting == "distance"


def test_space_time_gi_star_refuses_a_bad_window_or_distance_naming_the_setting():
    cells, cube = np.array([(0, 0), (1, 0)]), np.ones((2, 4))
    with pytest.raises(InputError, match="The time window must be at least 1 time step") as error:
        emerging.space_time_gi_star(cube, cells[:, 0], cells[:, 1], 150, 300, 0)
    assert error.value.setting == "time_window"
    with pytest.raises(InputError, match="The neighbourhood distance must be a positive number of metres") as error:
        emerging.space_time_gi_star(cube, cells[:, 0], cells[:, 1], 150, -1.0, 1)
    assert error.value.setting == "distance"


def test_a_window_longer_than_the_series_is_the_whole_series():
    rng = np.random.default_rng(3)
    cells = np.array([(c, r) for c in range(4) for r in range(4)])
    cube = rng.poisson(2, (16, 7)).astype(float)
    long, _ = emerging.space_time_gi_star(cube, cells[:, 0], cells[:, 1], 100, 150, 10 ** 9)
    whole, _ = emerging.space_time_gi_star(cube, cells[:, 0], cells[:, 1], 100, 150, 7)
    assert np.allclose(long, whole, equal_nan=True)


def test_a_cell_without_a_neighbour_is_not_classified():
    # A busy cell 10 cells away from a quiet block: alone within 150 m, it is no hot spot.
    cells = np.array([(c, r) for c in range(3) for r in range(3)] + [(13, 13)])
    cube = np.ones((10, 6))
    cube[-1] = 50
    result = emerging.emerging_hot_spots(cube, cells[:, 0], cells[:, 1], 100, 150, 1)
    assert result["isolated"].tolist() == [False] * 9 + [True]
    assert result["category"][-1] == "No Pattern Detected"
    assert np.isnan(result["trend_z"][-1]) and result["hot_steps"][-1] == 0


# --- the steps, the cube and the tally ---------------------------------------------------------

def test_steps_of_times_number_weeks_from_the_monday_and_run_to_end():
    times = np.array(["2024-01-03 10:00", "2024-01-07 23:59", "2024-01-08 00:00", "2024-01-24 12:00"],
                     dtype="datetime64[s]")
    index, first, n_steps = emerging.steps_of_times(times, "week")
    assert index.tolist() == [0, 0, 1, 3] and first == np.datetime64("2024-01-01T00:00:00") and n_steps == 4
    # END 2024-02-05 00:00 is exclusive: its last second is on Sunday 4 February, in the fifth week.
    index, _, n_steps = emerging.steps_of_times(times, "week", end=datetime.datetime(2024, 2, 5))
    assert index.tolist() == [0, 0, 1, 3] and n_steps == 5
    _, _, n_steps = emerging.steps_of_times(times, "week", end=datetime.datetime(2024, 2, 5, 0, 0, 1))
    assert n_steps == 6


def test_steps_of_times_in_days_and_months_against_the_calendar():
    rng = np.random.default_rng(6)
    start = datetime.datetime(2023, 11, 20, 8, 30)
    moments = [start + datetime.timedelta(minutes=int(m)) for m in rng.integers(0, 200 * 24 * 60, 300)]
    times = np.array(moments, dtype="datetime64[s]")
    days, first, n_days = emerging.steps_of_times(times, "day", start=start)
    assert days.tolist() == [(moment.date() - start.date()).days for moment in moments]
    assert first == np.datetime64("2023-11-20T00:00:00") and n_days == max(days) + 1
    months, first, n_months = emerging.steps_of_times(times, "month", start=start,
                                                      end=datetime.datetime(2024, 9, 1))
    assert months.tolist() == [(m.year - 2023) * 12 + m.month - 11 for m in moments]
    assert first == np.datetime64("2023-11-01T00:00:00") and n_months == 10  # November to August


def test_space_time_cube_counts_each_crime_in_its_cell_and_step():
    rng = np.random.default_rng(12)
    point_cell, point_step = rng.integers(0, 7, 500), rng.integers(0, 9, 500)
    cube = emerging.space_time_cube(point_cell, point_step, 8, 9)
    expected = np.zeros((8, 9))
    for cell, step in zip(point_cell, point_step):
        expected[cell, step] += 1
    assert cube.dtype == float and np.array_equal(cube, expected)


def test_space_time_cube_is_refused_before_it_is_built():
    with pytest.raises(InputError, match=r"2,000 cells with crime x 600 time steps of one day from 2024-01-01 to "
                                          r"2025-08-23.*limit is 1,000,000 bins"):
        emerging.space_time_cube(np.zeros(1, int), np.zeros(1, int), 2000, 600, "day", "2024-01-01", "2025-08-23",
                                 max_bins=1_000_000)


def test_pattern_counts_tally_the_patterns_found_in_their_order():
    categories = ["Sporadic Hot Spot", "No Pattern Detected", "New Cold Spot", "Sporadic Hot Spot",
                  "New Hot Spot", "No Pattern Detected", "Sporadic Hot Spot"]
    assert emerging.pattern_counts(categories) == [
        ("No Pattern Detected", 2), ("New Hot Spot", 1), ("Sporadic Hot Spot", 3), ("New Cold Spot", 1)]
    assert emerging.pattern_counts([]) == []
