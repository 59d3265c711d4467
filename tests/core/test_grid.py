"""The fixed lattice: alignment, ids, hexagon assignment and ranking."""

import numpy as np
import pytest

from hotspot_patrol.core import grid


def test_square_cells_are_half_open_and_anchored_at_the_origin():
    col, row = grid.cells_of_points([0.0, 149.999, 150.0, -0.001, 300.0], [0.0, 0.0, 150.0, -150.0, 449.9], 150)
    assert col.tolist() == [0, 0, 1, -1, 2]
    assert row.tolist() == [0, 0, 1, -1, 2]


def test_same_place_same_cell_whatever_else_is_in_the_data():
    rng = np.random.default_rng(1)
    place = np.array([[591234.5, 185678.9]])
    others_a = rng.uniform(580000, 600000, (100, 2))
    others_b = rng.uniform(500000, 700000, (50, 2))
    first = grid.count_cells(*np.vstack([place, others_a]).T, 150)
    second = grid.count_cells(*np.vstack([others_b, place]).T, 150)
    ids_a = set(grid.cell_ids(first.col, first.row, 150))
    ids_b = set(grid.cell_ids(second.col, second.row, 150))
    assert "S150_3941_1237" in ids_a & ids_b


def test_cell_ids_name_shape_size_column_and_row():
    assert grid.cell_ids([3, -2], [7, 0], 150, grid.SQUARE) == ["S150_3_7", "S150_-2_0"]
    assert grid.cell_ids([1], [2], 12.5, grid.HEXAGON) == ["H12.5_1_2"]


def test_hexagons_hold_the_points_nearest_their_centre():
    rng = np.random.default_rng(7)
    x, y = rng.uniform(-2000, 2000, (2, 5000))
    col, row = grid.cells_of_points(x, y, 150, grid.HEXAGON)
    # Brute force: the nearest centre among all lattice cells around the area.
    cand_col, cand_row = np.meshgrid(np.arange(-20, 21), np.arange(-20, 21))
    cand_col, cand_row = cand_col.ravel(), cand_row.ravel()
    cx, cy = grid.cell_centres(cand_col, cand_row, 150, grid.HEXAGON)
    nearest = np.argmin((x[:, None] - cx) ** 2 + (y[:, None] - cy) ** 2, axis=1)
    assert np.array_equal(col, cand_col[nearest])
    assert np.array_equal(row, cand_row[nearest])


def test_hexagon_has_the_area_of_the_square_and_contains_its_centre():
    outline = grid.cell_outline(4, -3, 150, grid.HEXAGON)
    x, y = outline[:, 0], outline[:, 1]
    area = 0.5 * abs(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))
    assert area == pytest.approx(150 ** 2)
    assert np.allclose(outline[0], outline[-1])
    cx, cy = grid.cell_centres(4, -3, 150, grid.HEXAGON)
    assert grid.cells_of_points([cx], [cy], 150, grid.HEXAGON) == ([4], [-3])


def test_counts_ranks_shares_and_ties():
    s = 100.0
    # Cell (0,0): 3 crimes; (1,0) and (0,1): 2 each (tie); (5,5): 1.
    x = [10, 20, 30, 110, 120, 10, 20, 510]
    y = [10, 20, 30, 10, 20, 110, 120, 510]
    cells = grid.count_cells(x, y, s)
    assert list(zip(cells.col.tolist(), cells.row.tolist())) == [(0, 0), (1, 0), (0, 1), (5, 5)]
    assert cells.count.tolist() == [3, 2, 2, 1]
    assert cells.rank.tolist() == [1, 2, 3, 4]
    assert np.allclose(cells.share, [3 / 8, 2 / 8, 2 / 8, 1 / 8])
    assert np.allclose(cells.cum_share, [3 / 8, 5 / 8, 7 / 8, 1.0])
    assert cells.top_share(0.05) == pytest.approx(3 / 8)


def test_weights_rank_by_weight():
    cells = grid.count_cells([10, 20, 150], [10, 20, 10], 100, weights=[1.0, 1.0, 5.0])
    assert cells.col.tolist() == [1, 0]
    assert cells.weight.tolist() == [5.0, 2.0]
    assert cells.count.tolist() == [1, 2]
    assert np.allclose(cells.share, [5 / 7, 2 / 7])


def test_keep_empty_covers_the_extent():
    cells = grid.count_cells([10, 290], [10, 190], 100, keep_empty_extent=(10, 10, 290, 190))
    assert cells.rank.size == 3 * 2
    assert cells.count.sum() == 2
    assert cells.count.tolist()[:2] == [1, 1]
    assert cells.cum_share[-1] == pytest.approx(1.0)


def test_keep_empty_hexagons_cover_every_point_of_the_extent():
    extent = (0, 0, 1000, 700)
    col, row = grid.cells_in_extent(*extent, 150, grid.HEXAGON)
    rng = np.random.default_rng(3)
    px, py = rng.uniform(0, 1000, 2000), rng.uniform(0, 700, 2000)
    pc, pr = grid.cells_of_points(px, py, 150, grid.HEXAGON)
    assert set(zip(pc.tolist(), pr.tolist())) <= set(zip(col.tolist(), row.tolist()))


def test_too_many_cells_names_a_size_that_fits():
    with pytest.raises(ValueError, match="limit is about 100 million") as error:
        grid.cells_in_extent(0, 0, 200_000, 200_000, 10)
    fitting = float(str(error.value).split("at least ")[1].split(" m")[0])
    col, _ = grid.cells_in_extent(0, 0, 200_000, 200_000, fitting)
    assert col.size <= grid.MAX_CELLS


@pytest.mark.parametrize("size", [0, -150, float("nan")])
def test_bad_cell_size(size):
    with pytest.raises(ValueError, match="positive number of metres"):
        grid.cells_of_points([0], [0], size)


def test_point_cell_maps_each_point_to_its_cell():
    x = [10, 160, 20, 170, 15]
    y = [10, 10, 20, 20, 12]
    cells = grid.count_cells(x, y, 150)
    assert cells.col[cells.point_cell].tolist() == [0, 1, 0, 1, 0]
