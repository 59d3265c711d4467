"""Ranking cells for patrol: the order and its ties, shares, hotspot numbers, the Gi* of the cells
and its default band, against brute force and hand-computed values."""

import numpy as np
import pytest

from hotspot_patrol.core import grid, ranking


def test_ranking_breaks_ties_by_count_then_row_then_column_like_a_sort():
    rng = np.random.default_rng(4)
    n = 300
    key = rng.integers(0, 4, n).astype(float)  # many ties
    key[rng.random(n) < 0.1] = np.nan
    count = rng.integers(0, 3, n)
    col, row = rng.integers(-5, 5, n), rng.integers(-5, 5, n)
    order, rank = ranking.rank_cells(key, count, col, row)
    expected = sorted(range(n), key=lambda i: (np.isnan(key[i]), -np.nan_to_num(key[i]), -count[i], row[i], col[i]))
    assert order.tolist() == expected
    assert rank.tolist() == [expected.index(i) + 1 for i in range(n)]


def test_ranking_by_hand():
    # Key 5 first; the two 2s are tied, so the larger count (3) goes first; the NaN is last.
    order, rank = ranking.rank_cells([2.0, 5.0, 2.0, np.nan], [1, 4, 3, 9], [0, 1, 2, 3], [0, 0, 0, 0])
    assert order.tolist() == [1, 2, 0, 3]
    assert rank.tolist() == [3, 1, 2, 4]
    # Equal key and count: the lower row first, then the lower column.
    order, _ = ranking.rank_cells([1.0, 1.0, 1.0], [2, 2, 2], [5, 0, 3], [1, 1, 0])
    assert order.tolist() == [2, 1, 0]


def test_shares_cumulative_shares_and_hotspot_numbers():
    assert ranking.shares([3, 1, 0, 4]).tolist() == [0.375, 0.125, 0.0, 0.5]
    assert ranking.shares([0.0, 0.0]).tolist() == [0.0, 0.0]
    assert ranking.cumulative_shares([0.375, 0.125, 0.0, 0.5], [3, 0, 1]).tolist() == [0.5, 0.875, 1.0]
    assert ranking.hotspot_numbers([3, 0], 5).tolist() == [2, 0, 0, 1, 0]
    assert ranking.hotspot_numbers(np.array([], dtype=np.int64), 2).tolist() == [0, 0]


@pytest.mark.parametrize("shape, ring", [(grid.SQUARE, 8), (grid.HEXAGON, 6)])
def test_default_band_reaches_the_ring_of_neighbours_and_no_further(shape, ring):
    cell_size = 150.0
    band = ranking.default_gi_distance(cell_size, shape)
    col, row = np.meshgrid(np.arange(-3, 4), np.arange(-4, 4))  # even rows about row 0 for hexagons
    x, y = grid.cell_centres(col.ravel(), row.ravel(), cell_size, shape)
    x0, y0 = grid.cell_centres(np.array([0]), np.array([0]), cell_size, shape)
    distances = np.sort(np.hypot(x - x0, y - y0))[1:]  # without the cell itself
    assert distances[ring - 1] == pytest.approx(band)
    assert distances[ring] > band * 1.1
    assert ranking.default_gi_distance(100.0, grid.SQUARE) == pytest.approx(100 * 2 ** 0.5)


def brute_force_gi_star(x, y, values, distance):
    """Ord & Getis (1995) Gi* with binary weights, one cell at a time."""
    n = values.size
    mean = values.mean()
    s = np.sqrt((values ** 2).mean() - mean ** 2)
    z = np.empty(n)
    for i in range(n):
        w = (np.hypot(x - x[i], y - y[i]) <= distance).astype(float)
        z[i] = (w @ values - mean * w.sum()) / (s * np.sqrt((n * w.sum() - w.sum() ** 2) / (n - 1)))
    return z


@pytest.mark.parametrize("shape, band_in_cells", [(grid.SQUARE, 1.5), (grid.SQUARE, 2.2), (grid.HEXAGON, 1.3)])
def test_gi_star_of_the_cells_matches_brute_force(shape, band_in_cells):
    rng = np.random.default_rng(7)
    col, row = (a.ravel() for a in np.meshgrid(np.arange(12), np.arange(10)))
    values = rng.poisson(3, col.size).astype(float)
    cell_size = 100.0
    distance = band_in_cells * cell_size
    gi = ranking.cell_gi_star(col, row, values, cell_size, shape, distance)
    x, y = grid.cell_centres(col, row, cell_size, shape)
    assert np.allclose(gi.z, brute_force_gi_star(x, y, values, distance))


def test_outside_box_keeps_the_margin():
    x = np.array([5.0, -5.0, -5.1, 15.0, 15.1, 5.0])
    y = np.array([5.0, 5.0, 5.0, 5.0, 5.0, 15.2])
    assert ranking.outside_box(x, y, (0.0, 0.0, 10.0, 10.0), 5.0).tolist() == [False, False, True, False, True,
                                                                               True]


@pytest.mark.parametrize("shape", [grid.SQUARE, grid.HEXAGON])
def test_occupied_cells_are_the_distinct_cells_of_the_points(shape):
    rng = np.random.default_rng(2)
    x, y = rng.uniform(-500, 500, 400), rng.uniform(-500, 500, 400)
    col, row, cell_of_point = ranking.occupied_cells(x, y, 150.0, shape)
    point_col, point_row = grid.cells_of_points(x, y, 150.0, shape)
    assert sorted(set(zip(point_col.tolist(), point_row.tolist()))) == list(zip(col.tolist(), row.tolist()))
    assert col[cell_of_point].tolist() == point_col.tolist() and row[cell_of_point].tolist() == point_row.tolist()


@pytest.mark.parametrize("shape", [grid.SQUARE, grid.HEXAGON])
@pytest.mark.parametrize("cell_size", [150.0, 100.0, 37.3])
@pytest.mark.parametrize("far_from_origin", [False, True])
def test_the_default_band_takes_the_whole_ring_whatever_the_rounding(shape, cell_size, far_from_origin):
    """A neighbour exactly on the band is in it: floating-point centres must not drop part of the ring
    (hexagons kept 0 to 6 of their 6 neighbours before)."""
    rng = np.random.default_rng(3)
    col, row = (a.ravel() for a in np.meshgrid(np.arange(14), np.arange(12)))
    if far_from_origin:  # cells as in a UTM zone, 5,000 km north
        col, row = col + 3_000, row + int(5e6 / cell_size) // 2 * 2
    values = rng.poisson(3, col.size).astype(float)
    band = ranking.default_gi_distance(cell_size, shape)
    gi = ranking.cell_gi_star(col, row, values, cell_size, shape, band)
    x, y = grid.cell_centres(col, row, cell_size, shape)
    # The next ring is at least 1.4 times further: a band 10% wider holds exactly the same ring.
    assert np.allclose(gi.z, brute_force_gi_star(x, y, values, band * 1.1))


@pytest.mark.parametrize("distance", [150.0, 212.2, 450.0, 100.0])
def test_gi_star_in_box_equals_gi_star_of_every_cell_listed(distance):
    """Scoring a few cells with the box's empty cells left out gives Gi* of the whole lattice."""
    rng = np.random.default_rng(11)
    box = (-3, 12, 5, 14)
    all_col, all_row = (a.ravel() for a in np.meshgrid(np.arange(box[0], box[1] + 1), np.arange(box[2], box[3] + 1)))
    values = np.where(rng.random(all_col.size) < 0.3, rng.gamma(1.0, 3.0, all_col.size), 0.0)
    # Two far cells outside the box (a far outlier's), next to each other.
    all_col = np.concatenate([all_col, [60, 61]])
    all_row = np.concatenate([all_row, [-40, -40]])
    values = np.concatenate([values, [2.0, 1.0]])
    dense = ranking.cell_gi_star(all_col, all_row, values, 150.0, grid.SQUARE, distance)
    listed = np.flatnonzero(values > 0)
    query = np.arange(listed.size)[::3]
    sparse = ranking.gi_star_in_box(query, all_col[listed], all_row[listed], values[listed], box, 150.0, distance)
    np.testing.assert_allclose(sparse.z, dense.z[listed[query]], rtol=1e-9, equal_nan=True)
    np.testing.assert_array_equal(sparse.bin, dense.bin[listed[query]])
    np.testing.assert_array_equal(sparse.neighbours, dense.neighbours[listed[query]])
    np.testing.assert_array_equal(sparse.isolated, dense.isolated[listed[query]])
