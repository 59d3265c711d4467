"""Hotspot forecasts: each method against a plain double loop, strict train/test separation, the
kernel's conservation of weight, simulated cities where the right method must win, and refusals."""

import math

import numpy as np
import pytest

from hotspot_patrol.core import forecast as fc
from hotspot_patrol.core import grid
from hotspot_patrol.core.errors import InputError
from hotspot_patrol.core.progress import Cancelled

SIZE = 100.0
ORIGIN = 365.0
HORIZON = 28.0


def random_case(seed, shape):
    """60 crimes over a 1 km square and a year and a bit (some after the origin, some on one day),
    and 40 candidate cells picked from a larger block (so crimes fall outside them too)."""
    rng = np.random.default_rng(seed)
    x, y = rng.uniform(0, 1000, (2, 60))
    t = rng.uniform(0, 420, 60)
    t[:8] = 300.0
    t[8] = ORIGIN
    weights = rng.uniform(0, 3, 60)
    block_col, block_row = (a.ravel() for a in np.meshgrid(np.arange(-2, 13), np.arange(-2, 13)))
    pick = rng.choice(block_col.size, 40, replace=False)
    lattice = fc.Lattice(col=block_col[pick], row=block_row[pick], cell_size=SIZE, shape=shape)
    return x, y, t, weights, lattice


def cell_of(x, y, lattice):
    col, row = grid.cells_of_points([x], [y], lattice.cell_size, lattice.shape)
    return int(col[0]), int(row[0])


def centres(lattice):
    return grid.cell_centres(lattice.col, lattice.row, lattice.cell_size, lattice.shape)


def brute_counts(x, y, t, w, lattice, window):
    first = min(ti for ti in t if ti < ORIGIN)
    # A window reaching back before the first crime is as long as the history.
    length = min(window, ORIGIN - first) if window > 0 else ORIGIN - first
    score = np.zeros(lattice.col.size)
    for xi, yi, ti, wi in zip(x, y, t, w):
        if ti < ORIGIN and (window == 0 or ti >= ORIGIN - window):
            for k in range(lattice.col.size):
                if cell_of(xi, yi, lattice) == (lattice.col[k], lattice.row[k]):
                    score[k] += wi
    return score / length * HORIZON


def brute_recency(x, y, t, w, lattice, half_life):
    first = min(ti for ti in t if ti < ORIGIN)
    # The integral of 0.5 ** (a / h) from 0 to the history's length, done by hand.
    effective = half_life / math.log(2) * (1 - 0.5 ** ((ORIGIN - first) / half_life))
    score = np.zeros(lattice.col.size)
    for xi, yi, ti, wi in zip(x, y, t, w):
        if ti < ORIGIN:
            for k in range(lattice.col.size):
                if cell_of(xi, yi, lattice) == (lattice.col[k], lattice.row[k]):
                    score[k] += wi * 0.5 ** ((ORIGIN - ti) / half_life)
    return score / effective * HORIZON


def brute_kernel(x, y, t, w, lattice, window, bandwidth):
    # Every lattice centre of a block reaching well beyond the crimes and the bandwidth.
    block_col, block_row = (a.ravel() for a in np.meshgrid(np.arange(-12, 24), np.arange(-12, 24)))
    all_x, all_y = grid.cell_centres(block_col, block_row, lattice.cell_size, lattice.shape)
    cx, cy = centres(lattice)
    score = np.zeros(lattice.col.size)
    for xi, yi, ti, wi in zip(x, y, t, w):
        if ti < ORIGIN and ti >= ORIGIN - window:
            total = 0.0
            for ax, ay in zip(all_x, all_y):
                d = math.hypot(ax - xi, ay - yi)
                total += (1 - (d / bandwidth) ** 2) ** 2 if d < bandwidth else 0.0
            for k in range(lattice.col.size):
                d = math.hypot(cx[k] - xi, cy[k] - yi)
                score[k] += wi * ((1 - (d / bandwidth) ** 2) ** 2 if d < bandwidth else 0.0) / total
    first = min(ti for ti in t if ti < ORIGIN)
    return score / min(window, ORIGIN - first) * HORIZON


def brute_prospective(x, y, t, w, lattice, bandwidth, time_bandwidth):
    cx, cy = centres(lattice)
    score = np.zeros(lattice.col.size)
    for xi, yi, ti, wi in zip(x, y, t, w):
        age = ORIGIN - ti
        if 0 < age <= time_bandwidth:
            for k in range(lattice.col.size):
                d = math.hypot(cx[k] - xi, cy[k] - yi)
                if d <= bandwidth:
                    score[k] += wi / (1 + d / lattice.cell_size) / (1 + age / 7)
    return score


CASES = [
    (fc.COUNTS, {"window_days": 91}, lambda *a: brute_counts(*a, 91)),
    (fc.COUNTS, {"window_days": 0}, lambda *a: brute_counts(*a, 0)),
    (fc.RECENCY, {"half_life_days": 30}, lambda *a: brute_recency(*a, 30)),
    (fc.KERNEL, {"window_days": 200, "bandwidth": 250.0}, lambda *a: brute_kernel(*a, 200, 250.0)),
    (fc.PROSPECTIVE, {"bandwidth": 300.0, "time_bandwidth_days": 70},
     lambda *a: brute_prospective(*a, 300.0, 70)),
]


@pytest.mark.parametrize("shape", [grid.SQUARE, grid.HEXAGON], ids=["square", "hexagon"])
@pytest.mark.parametrize("weighted", [False, True], ids=["counted", "weighted"])
@pytest.mark.parametrize("method, settings, reference", CASES,
                         ids=["counts-91", "counts-all", "recency", "kernel", "prospective"])
def test_each_method_matches_a_plain_double_loop(method, settings, reference, weighted, shape):
    for seed in (1, 2):
        x, y, t, weights, lattice = random_case(seed, shape)
        w = weights if weighted else np.ones(x.size)
        result = fc.forecast(method, x, y, t, ORIGIN, lattice, HORIZON, weights=weights if weighted else None,
                             settings=settings)
        expected = reference(x, y, t, w, lattice)
        assert expected.sum() > 0
        np.testing.assert_allclose(result.score, expected, rtol=1e-12, atol=0)
        assert result.expected == (method != fc.PROSPECTIVE)
        assert result.method == method and result.fitted == {}


@pytest.mark.parametrize("shape", [grid.SQUARE, grid.HEXAGON], ids=["square", "hexagon"])
def test_kernel_spreads_exactly_each_crimes_weight_over_a_large_lattice(shape):
    rng = np.random.default_rng(5)
    block_col, block_row = (a.ravel() for a in np.meshgrid(np.arange(-15, 25), np.arange(-15, 25)))
    lattice = fc.Lattice(col=block_col, row=block_row, cell_size=SIZE, shape=shape)
    for bandwidth in (120.0, 300.0, 777.0):
        for _ in range(5):
            x, y = rng.uniform(0, 1000, 2)
            weight = rng.uniform(0.5, 4)
            result = fc.forecast(fc.KERNEL, [x], [y], [10.0], 40.0, lattice, 30.0, weights=[weight],
                                 settings={"window_days": 30, "bandwidth": bandwidth})
            assert result.score.sum() == pytest.approx(weight, rel=1e-12)
            assert np.count_nonzero(result.score) > 1


def test_kernel_narrower_than_the_cell_keeps_the_crime_in_its_own_cell():
    lattice = fc.Lattice(col=np.array([0, 1, 0, 1]), row=np.array([0, 0, 1, 1]), cell_size=150.0)
    # A corner of cell (0, 0): every centre is 106 m away, beyond a 50 m bandwidth.
    result = fc.forecast(fc.KERNEL, [1.0], [1.0], [0.0], 10.0, lattice, 10.0,
                         settings={"window_days": 10, "bandwidth": 50.0})
    assert result.score.tolist() == [1.0, 0.0, 0.0, 0.0]


@pytest.mark.parametrize("method", range(5), ids=fc.METHOD_NAMES)
def test_crimes_at_or_after_the_origin_change_nothing(method):
    rng = np.random.default_rng(11)
    x, y, t, _, lattice = random_case(3, grid.SQUARE)
    keep = t < ORIGIN
    x, y, t = x[keep], y[keep], t[keep]
    before = fc.forecast(method, x, y, t, ORIGIN, lattice, HORIZON)
    later_x, later_y = rng.uniform(0, 1000, (2, 200))
    later_t = np.concatenate(([ORIGIN] * 20, rng.uniform(ORIGIN, ORIGIN + 400, 180)))
    # The later crimes come first and in the middle: their place in the input must not matter either.
    after = fc.forecast(method, np.concatenate((later_x, x)), np.concatenate((later_y, y)),
                        np.concatenate((later_t, t)), ORIGIN, lattice, HORIZON)
    assert before.score.sum() > 0
    np.testing.assert_array_equal(after.score, before.score)
    assert after.fitted == before.fitted


def simulate_city(rng, rates, days):
    """Crimes of a 10 x 10 block of cells, each cell a Poisson process with rate rates(day)[cell]."""
    xs, ys, ts = [], [], []
    for day in range(days):
        counts = rng.poisson(rates(day))
        cells = np.repeat(np.arange(100), counts)
        xs.append((cells % 10 + rng.uniform(0, 1, cells.size)) * SIZE)
        ys.append((cells // 10 + rng.uniform(0, 1, cells.size)) * SIZE)
        ts.append(day + rng.uniform(0, 1, cells.size))
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ts)


CITY = fc.Lattice(col=np.arange(100) % 10, row=np.arange(100) // 10, cell_size=SIZE)


def hits_in_top(method, settings, x, y, t, origin, top_n=10):
    """Crimes of the 28 days after the origin that fall in the method's top cells."""
    score = fc.forecast(method, x, y, t, origin, CITY, HORIZON, settings=settings).score
    top = np.argsort(-score, kind="stable")[:top_n]
    future = (t >= origin) & (t < origin + HORIZON)
    col, row = grid.cells_of_points(x[future], y[future], SIZE)
    return int(np.isin(row * 10 + col, CITY.row[top] * 10 + CITY.col[top]).sum())


def test_recency_follows_hotspots_that_move_and_all_history_does_not():
    origin = 730
    recency, all_history = [], []
    for seed in range(4):
        rng = np.random.default_rng(seed)
        moved_from, moved_to = rng.permutation(100)[:20].reshape(2, 10)

        def rates(day, moved_from=moved_from, moved_to=moved_to):
            rate = np.full(100, 0.02)
            rate[moved_from if day < origin - 120 else moved_to] += 0.3
            return rate
        x, y, t = simulate_city(rng, rates, origin + int(HORIZON))
        recency.append(hits_in_top(fc.RECENCY, {"half_life_days": 14}, x, y, t, origin))
        all_history.append(hits_in_top(fc.COUNTS, {"window_days": 0}, x, y, t, origin))
    # The moved-to cells hold about 10 * 0.3 * 28 = 84 of the next 28 days' crimes.
    assert np.mean(recency) > 70
    assert np.mean(recency) > 2 * np.mean(all_history)


def test_all_history_beats_a_short_window_where_hotspots_stay():
    origin = 730
    all_history, short_window = [], []
    for seed in range(6):
        rng = np.random.default_rng(100 + seed)
        # About 1.4 crimes per cell in 28 days: a month's map is mostly noise, two years' is not.
        rate = rng.gamma(2.0, 0.025, 100)
        x, y, t = simulate_city(rng, lambda day, rate=rate: rate, origin + int(HORIZON))
        all_history.append(hits_in_top(fc.COUNTS, {"window_days": 0}, x, y, t, origin))
        short_window.append(hits_in_top(fc.COUNTS, {"window_days": 28}, x, y, t, origin))
    assert np.mean(all_history) > 1.15 * np.mean(short_window)


def test_counts_give_the_expected_crimes_of_a_steady_city():
    rng = np.random.default_rng(8)
    rate = rng.gamma(2.0, 0.05, 100)
    x, y, t = simulate_city(rng, lambda day: rate, 1000)
    score = fc.forecast(fc.COUNTS, x, y, t, 1000.0, CITY, HORIZON, settings={"window_days": 0}).score
    # 1000 days of about 10 crimes a day: the total is within a few per cent of the truth.
    assert score.sum() == pytest.approx(rate.sum() * HORIZON, rel=0.03)


def test_crimes_sharing_one_time_count_once_each():
    # Month-resolution data: every crime of a month on its first day.
    x = np.full(6, 50.0)
    t = np.array([0.0, 0.0, 0.0, 31.0, 31.0, 59.0])
    lattice = fc.Lattice(col=np.array([0]), row=np.array([0]), cell_size=SIZE)
    counts = fc.forecast(fc.COUNTS, x, x, t, 59.0, lattice, 30.0, settings={"window_days": 0})
    assert counts.score[0] == pytest.approx(5 / 59 * 30)
    recency = fc.forecast(fc.RECENCY, x, x, t, 59.0, lattice, 30.0, settings={"half_life_days": 1e9})
    assert recency.score[0] == pytest.approx(5 / 59 * 30)


def test_settings_defaults_text_and_grids():
    x, y, t, _, lattice = random_case(1, grid.SQUARE)
    result = fc.forecast(fc.KERNEL, x, y, t, ORIGIN, lattice, HORIZON, settings={"window_days": 91})
    assert result.settings == {"window_days": 91, "bandwidth": 300.0}
    assert result.settings_text() == "bandwidth=300, window_days=91"
    assert fc.settings_text({"half_life_days": 14.5}) == "half_life_days=14.5"
    assert fc.settings_text({}) == ""
    for method, defaults in fc.DEFAULT_SETTINGS.items():
        assert defaults in fc.SETTINGS_GRID[method]
        for settings in fc.SETTINGS_GRID[method]:
            assert fc.merged_settings(method, settings) == settings
    assert fc.NEEDS_DAYS == {fc.PROSPECTIVE, fc.SEPP}


@pytest.mark.parametrize("method, settings, weights, origin, setting, words", [
    (7, None, None, ORIGIN, "method", "Unknown forecast method"),
    (fc.COUNTS, {"window": 30}, None, ORIGIN, "settings", "window_days"),
    (fc.COUNTS, {"window_days": -1}, None, ORIGIN, "window_days", r"0 \(all history\) or more"),
    (fc.RECENCY, {"half_life_days": 0}, None, ORIGIN, "half_life_days", "more than 0"),
    (fc.KERNEL, {"bandwidth": float("nan")}, None, ORIGIN, "bandwidth", "more than 0"),
    (fc.COUNTS, None, None, -5.0, "origin", "no crime before the forecast origin"),
    (fc.SEPP, None, "ones", ORIGIN, "weights", "Leave the weight empty"),
    (fc.COUNTS, None, "negative", ORIGIN, "weights", "negative weight"),
])
def test_bad_input_is_refused_in_plain_words(method, settings, weights, origin, setting, words):
    x, y, t, _, lattice = random_case(1, grid.SQUARE)
    given = {None: None, "ones": np.ones(x.size), "negative": -np.ones(x.size)}[weights]
    with pytest.raises(InputError, match=words) as error:
        fc.forecast(method, x, y, t, origin, lattice, HORIZON, weights=given, settings=settings)
    assert error.value.setting == setting


def test_a_lattice_listing_a_cell_twice_is_refused():
    lattice = fc.Lattice(col=np.array([0, 0]), row=np.array([1, 1]), cell_size=SIZE)
    with pytest.raises(InputError, match="more than once"):
        fc.forecast(fc.COUNTS, [1.0], [1.0], [0.0], 1.0, lattice, 1.0)


def test_sparse_lattice_far_apart_cells_are_found():
    # Two cells 10**7 cells apart: too wide a box for a table, so the lattice is searched.
    lattice = fc.Lattice(col=np.array([0, 10**7, 5]), row=np.array([0, 10**7, 0]), cell_size=1.0)
    x = np.array([0.5, 10**7 + 0.5, 10**7 + 0.5, 3.5])
    y = np.array([0.5, 10**7 + 0.5, 10**7 + 0.7, 0.5])
    result = fc.forecast(fc.COUNTS, x, y, np.zeros(4), 10.0, lattice, 10.0, settings={"window_days": 10})
    assert result.score.tolist() == [1.0, 2.0, 0.0]


@pytest.mark.parametrize("method", range(5), ids=fc.METHOD_NAMES)
def test_progress_is_reported_and_can_cancel(method):
    x, y, t, _, lattice = random_case(1, grid.SQUARE)
    seen = []
    fc.forecast(method, x, y, t, ORIGIN, lattice, HORIZON, progress=lambda done: seen.append(done))
    assert seen[-1] == 1.0 and seen == sorted(seen) and 0 <= seen[0]
    with pytest.raises(Cancelled):
        fc.forecast(method, x, y, t, ORIGIN, lattice, HORIZON, progress=lambda done: done > 0.5)
