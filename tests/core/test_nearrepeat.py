"""core.nearrepeat: the Knox table against a plain double loop, the shuffles against a plain loop over
the same random permutations, and simulations with and without near repeats."""

import numpy as np
import pytest

from hotspot_patrol.core import nearrepeat
from hotspot_patrol.core.errors import InputError
from hotspot_patrol.core.nearrepeat import band_edges, knox_table, whole_days
from hotspot_patrol.core.progress import Cancelled

DISTANCES = [0.0, 150.0, 300.0, 450.0, 600.0]
DAYS = [0, 7, 14, 21, 28]


def brute_force_table(x, y, days, distance_edges, day_edges):
    """Each unordered pair once, placed by plain comparisons with the half-open bands."""
    table = np.zeros((len(distance_edges) - 1, len(day_edges) - 1), dtype=int)
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            distance = np.hypot(x[i] - x[j], y[i] - y[j])
            apart = abs(int(days[i]) - int(days[j]))
            for a in range(len(distance_edges) - 1):
                for b in range(len(day_edges) - 1):
                    if (distance_edges[a] <= distance < distance_edges[a + 1]
                            and day_edges[b] <= apart < day_edges[b + 1]):
                        table[a, b] += 1
    return table


def random_crimes(n, seed, side=1000.0, span=60):
    rng = np.random.default_rng(seed)
    return rng.uniform(0, side, n), rng.uniform(0, side, n), rng.integers(0, span, n) + 19000


@pytest.mark.parametrize("span", [60, 10], ids=["days beyond the last edge", "all days within the last edge"])
def test_observed_table_is_the_double_loop(span):
    x, y, days = random_crimes(80, 1, span=span)
    table = knox_table(x, y, days, DISTANCES, DAYS, iterations=19, rng=0)
    assert table.observed.tolist() == brute_force_table(x, y, days, DISTANCES, DAYS).tolist()
    assert table.observed.sum() > 50  # the bands hold many pairs: the comparison means something
    inside = sum(np.hypot(x[i] - x[j], y[i] - y[j]) < 600 for i in range(80) for j in range(i + 1, 80))
    assert table.pairs == inside


def test_clipped_lags_and_a_stray_date_give_the_double_loop_too(monkeypatch):
    x, y, days = random_crimes(80, 6, span=60)
    days[:3] = [1000, 1030, 40000]  # dates years away, as a typo makes them; two of them 30 days apart
    x[:3], y[:3] = [500.0, 510.0, 520.0], [500.0, 500.0, 500.0]
    expected = brute_force_table(x, y, days, DISTANCES, [0, 7, 14, 21, 31])
    assert knox_table(x, y, days, DISTANCES, [0, 7, 14, 21, 31], iterations=19, rng=0).observed.tolist() \
        == expected.tolist()
    monkeypatch.setattr(nearrepeat, "MAX_LAG_BINS", 1)  # every table of lags clipped to the last edge
    assert knox_table(x, y, days, DISTANCES, [0, 7, 14, 21, 31], iterations=19, rng=0).observed.tolist() \
        == expected.tolist()
    rng = np.random.default_rng(3)
    shuffled = [brute_force_table(x, y, days[rng.permutation(days.size)], DISTANCES, DAYS) for _ in range(19)]
    table = knox_table(x, y, days, DISTANCES, DAYS, iterations=19, rng=3)
    assert np.allclose(table.expected, np.mean(shuffled, axis=0), rtol=0, atol=1e-12)


def test_bands_are_half_open_and_need_not_start_at_zero():
    # 3-4-5 triangles: distances exactly 150 and 300 m, days exactly 7 apart.
    x, y = np.array([0.0, 90.0, 180.0, 1000.0]), np.array([0.0, 120.0, 240.0, 0.0])
    days = np.array([0, 7, 14, 0])
    table = knox_table(x, y, days, "0,150,300,301", "0,7,8,15", iterations=19, rng=0)
    # pairs: (0,1) 150 m 7 days; (1,2) 150 m 7 days; (0,2) 300 m 14 days; (3, *) beyond 301 m
    assert table.observed.tolist() == [[0, 0, 0], [0, 2, 0], [0, 0, 1]]
    shifted = knox_table(x, y, days, "1,150,301", "1,7,14", iterations=19, rng=0)
    assert shifted.observed.tolist() == [[0, 0], [0, 2]]  # 14 days is not in [7, 14)


def test_shuffles_are_the_same_permutations_counted_plainly():
    x, y, days = random_crimes(60, 2)
    iterations = 40
    table = knox_table(x, y, days, DISTANCES, DAYS, iterations=iterations, rng=np.random.default_rng(7))
    rng = np.random.default_rng(7)
    shuffled = [brute_force_table(x, y, days[rng.permutation(days.size)], DISTANCES, DAYS)
                for _ in range(iterations)]
    observed = brute_force_table(x, y, days, DISTANCES, DAYS)
    assert np.allclose(table.expected, np.mean(shuffled, axis=0), rtol=0, atol=1e-12)
    at_least = np.sum([counts >= observed for counts in shuffled], axis=0)
    assert np.allclose(table.p_value, (1 + at_least) / (1 + iterations), rtol=0, atol=1e-12)
    assert table.iterations == iterations and table.smallest_p == 1 / 41
    with np.errstate(divide="ignore", invalid="ignore"):
        assert np.allclose(table.ratio, observed / table.expected, equal_nan=True)


def test_a_seed_gives_the_same_table_whatever_the_batches_and_threads(monkeypatch):
    x, y, days = random_crimes(200, 3)
    first = knox_table(x, y, days, DISTANCES, DAYS, iterations=99, rng=5)
    monkeypatch.setattr(nearrepeat, "SHUFFLES_PER_BATCH", 7)
    monkeypatch.setattr(nearrepeat, "MAX_THREADS", 1)
    monkeypatch.setattr(nearrepeat, "PAIRS_PER_CHUNK", 13)
    second = knox_table(x, y, days, DISTANCES, DAYS, iterations=99, rng=5)
    assert np.array_equal(first.expected, second.expected) and np.array_equal(first.p_value, second.p_value)
    assert not np.array_equal(first.expected, knox_table(x, y, days, DISTANCES, DAYS, iterations=99,
                                                         rng=6).expected)


def test_ratio_is_null_where_no_pair_is_expected():
    # Two crimes 100 m apart: a pair that can only ever be 5 days apart, never in [7, 21).
    table = knox_table([0, 100], [0, 0], [0, 5], "0,150", "0,7,21", iterations=19, rng=0)
    assert table.observed.tolist() == [[1, 0]]
    assert table.expected.tolist() == [[1.0, 0.0]]
    assert table.ratio[0, 0] == 1.0 and np.isnan(table.ratio[0, 1])
    assert table.p_value.tolist() == [[1.0, 1.0]]  # every shuffle reaches the observed count (ties count)


def simulated(seed, near_repeats, n_seeds=400, side=5000.0, span=365):
    """``n_seeds`` crimes at random places and days; with ``near_repeats`` each is followed, with
    probability 0.5, by a repeat within 100 m and 1 to 6 days later."""
    rng = np.random.default_rng(seed)
    x, y, days = rng.uniform(0, side, n_seeds), rng.uniform(0, side, n_seeds), rng.integers(0, span, n_seeds)
    if near_repeats:
        followed = rng.random(n_seeds) < 0.5
        k = int(followed.sum())
        angle, radius = rng.uniform(0, 2 * np.pi, k), 100 * np.sqrt(rng.uniform(0, 1, k))
        x = np.concatenate([x, x[followed] + radius * np.cos(angle)])
        y = np.concatenate([y, y[followed] + radius * np.sin(angle)])
        days = np.concatenate([days, days[followed] + rng.integers(1, 7, k)])
    return x, y, days


def test_a_near_repeat_pattern_is_found_in_the_first_cell():
    x, y, days = simulated(11, near_repeats=True)
    table = knox_table(x, y, days, DISTANCES, DAYS, iterations=199, rng=1)
    assert table.ratio[0, 0] > 5 and table.p_value[0, 0] <= 0.01
    assert table.p_value[0, 0] == table.smallest_p


def test_no_pattern_is_found_where_space_and_time_are_independent():
    # Under the null, the first cell's p-value is (nearly) uniform: P(p < 0.05) is about 0.05 per seed, so
    # P(two or more of 5 seeds) is about 0.02. A fixed set of seeds keeps the test deterministic.
    p_values = [knox_table(*simulated(seed, near_repeats=False), DISTANCES, DAYS, iterations=199,
                           rng=seed).p_value[0, 0] for seed in range(5)]
    assert sum(p < 0.05 for p in p_values) <= 1
    assert max(p_values) > 0.2


def test_whole_days_drop_the_time_of_day():
    times = np.array(["2024-03-01T00:00", "2024-03-01T23:59", "2024-03-08T00:01", "1969-12-31T12:00"],
                     dtype="datetime64[s]")
    assert whole_days(times).tolist() == [19783, 19783, 19790, -1]
    with pytest.raises(InputError, match="needs a date"):
        whole_days(np.array(["NaT"], dtype="datetime64[s]"))


@pytest.mark.parametrize("text, whole, message", [
    ("0,150,abc", False, "cannot be read"),
    ("150", False, "At least two band edges"),
    ("", False, "At least two band edges"),
    ("-10,150", False, "0 or more"),
    ("0,300,150", False, "must increase"),
    ("0,150,150", False, "must increase"),
    ("0,7.5,14", True, "whole days"),
    ("0,inf", False, "0 or more"),
])
def test_bad_band_edges_are_refused(text, whole, message):
    with pytest.raises(InputError, match=message) as error:
        band_edges(text, "days" if whole else "metres", "day_edges" if whole else "distance_edges", whole=whole)
    assert error.value.setting == ("day_edges" if whole else "distance_edges")


def test_band_edges_read_text_and_numbers():
    assert band_edges(" 0; 150 300 ,450", "metres", "distance_edges").tolist() == [0, 150, 300, 450]
    assert band_edges([0, 7, 14], "days", "day_edges", whole=True).dtype == np.int64


def test_bad_crimes_and_iterations_are_refused():
    with pytest.raises(InputError, match="at least 2 are needed"):
        knox_table([0], [0], [0], DISTANCES, DAYS)
    with pytest.raises(InputError, match="At least 19 shuffles") as error:
        knox_table([0, 1], [0, 1], [0, 1], DISTANCES, DAYS, iterations=18)
    assert error.value.setting == "iterations"
    with pytest.raises(InputError, match="whole day numbers"):
        knox_table([0, 1], [0, 1], [0, 1.5], DISTANCES, DAYS)
    with pytest.raises(InputError, match="an x, a y and a day"):
        knox_table([0, 1], [0, 1], [0, 1, 2], DISTANCES, DAYS)
    with pytest.raises(InputError, match="finite coordinates"):
        knox_table([0, np.nan], [0, 1], [0, 1], DISTANCES, DAYS)


def test_too_many_close_pairs_are_refused_before_they_are_built():
    x, y, days = random_crimes(50, 4, side=10.0)  # all 1,225 pairs within 15 m
    with pytest.raises(InputError, match="1,225 pairs of crimes are less than 600 m apart") as error:
        knox_table(x, y, days, DISTANCES, DAYS, max_pairs=1000)
    assert error.value.setting == "distance_edges"
    assert knox_table(x, y, days, DISTANCES, DAYS, iterations=19, max_pairs=1225).observed.sum() > 0


def test_progress_reaches_the_end_and_can_cancel():
    x, y, days = random_crimes(100, 5)
    seen = []
    knox_table(x, y, days, DISTANCES, DAYS, iterations=99, rng=0, progress=lambda f: seen.append(f))
    assert seen[0] == 0 and seen[-1] == 1 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        knox_table(x, y, days, DISTANCES, DAYS, iterations=99, rng=0, progress=lambda f: f > 0.3)
