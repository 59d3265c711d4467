"""CellTally counts batch by batch exactly what grid.count_cells counts at once."""

import numpy as np
import pytest

from hotspot_patrol.core import cell_tally, grid
from hotspot_patrol.core.errors import InputError


def _clustered(rng, n):
    centres = rng.uniform(-5_000, 5_000, (20, 2))
    which = rng.integers(0, 20, n)
    return centres[which, 0] + rng.normal(0, 300, n), centres[which, 1] + rng.normal(0, 300, n)


@pytest.mark.parametrize("shape", [grid.SQUARE, grid.HEXAGON])
@pytest.mark.parametrize("batch", [1, 7, 1000, 50_000])
@pytest.mark.parametrize("dense_window", [True, False])
def test_batches_give_the_cells_and_counts_of_one_count(shape, batch, dense_window, monkeypatch):
    monkeypatch.setattr(cell_tally, "_MERGE_ROWS", 64)  # merge often, as a national read does
    if not dense_window:  # every batch sorted, as when its crimes are spread over a country
        monkeypatch.setattr(cell_tally, "_DENSE_WINDOW_PER_CRIME", 0)
        monkeypatch.setattr(cell_tally, "_DENSE_WINDOW_FLOOR", 0)
    rng = np.random.default_rng(3)
    x, y = _clustered(rng, 20_000)
    weights = rng.gamma(1.0, 2.0, x.size)
    tally = cell_tally.CellTally(150.0, shape, weighted=True)
    for start in range(0, x.size, batch):
        tally.add(x[start:start + batch], y[start:start + batch], weights[start:start + batch])
    col, row, count, weight = tally.cells()
    reference = grid.count_cells(x, y, 150.0, shape, weights=weights)
    order = np.lexsort((reference.col, reference.row))
    assert tally.crimes == x.size
    np.testing.assert_array_equal(col, reference.col[order])
    np.testing.assert_array_equal(row, reference.row[order])
    np.testing.assert_array_equal(count, reference.count[order])
    np.testing.assert_allclose(weight, reference.weight[order], rtol=1e-12)
    ranked = grid.ranked_cells(col, row, count, weight)
    np.testing.assert_array_equal(ranked.col, reference.col)
    np.testing.assert_array_equal(ranked.row, reference.row)


def test_cells_far_from_the_origin_and_on_both_sides_of_it():
    x = np.array([-1e6, -1e6, 1e6, -0.5, 0.5, 149.9, 150.0])
    y = np.array([7e6, 7e6, -7e6, -0.5, -0.5, 0.0, 0.0])
    tally = cell_tally.CellTally(150.0)
    tally.add(x, y)
    col, row, count, _ = tally.cells()
    expected = {}
    for c, r in zip(np.floor(x / 150).astype(int), np.floor(y / 150).astype(int)):
        expected[(int(c), int(r))] = expected.get((int(c), int(r)), 0) + 1
    assert dict(zip(zip(col.tolist(), row.tolist()), count.tolist())) == expected


def test_refuses_negative_weights_and_mixed_weighting():
    tally = cell_tally.CellTally(150.0, weighted=True)
    with pytest.raises(InputError, match="negative"):
        tally.add(np.array([1.0]), np.array([1.0]), np.array([-1.0]))
    with pytest.raises(InputError, match="weight"):
        tally.add(np.array([1.0]), np.array([1.0]))
    with pytest.raises(InputError, match="weight"):
        cell_tally.CellTally(150.0).add(np.array([1.0]), np.array([1.0]), np.array([1.0]))


def test_refuses_a_cell_too_small_for_the_coordinates():
    tally = cell_tally.CellTally(0.001)
    with pytest.raises(InputError):
        tally.add(np.array([1e9]), np.array([1e9]))
