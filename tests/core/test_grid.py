"""The fixed lattice: alignment, ids, hexagon assignment and ranking."""

import numpy as np
import pytest

from hotspot_patrol.core import grid
from hotspot_patrol.core.errors import InputError


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
    outline = grid.cell_outlines([4], [-3], 150, grid.HEXAGON)[0]
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
    cells = grid.count_cells([10, 290], [10, 190], 100,
                             keep_empty_cells=grid.cells_in_extent(10, 10, 290, 190, 100))
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


def test_cell_count_in_extent_is_what_cells_in_extent_considers():
    for shape in (grid.SQUARE, grid.HEXAGON):
        for extent in ((0, 0, 1000, 700), (-3210.5, 88.0, 4000.0, 5123.0), (5, 5, 5, 5)):
            col, _ = grid.cells_in_extent(*extent, 150, shape)
            assert col.size <= grid.cell_count_in_extent(*extent, 150, shape)
        col, _ = grid.cells_in_extent(0, 0, 30_000, 20_000, 150, shape)
        assert grid.cell_count_in_extent(0, 0, 30_000, 20_000, 150, shape) <= col.size * 1.05
    assert grid.cell_count_in_extent(0, 0, 400_000, 200_000, 150) == 2667 * 1334


def test_cells_kept_empty_need_not_be_a_rectangle():
    """A study area's cells: the empty cells listed are returned, with the crimes' cells."""
    cells = grid.count_cells([10, 510], [10, 10], 100, keep_empty_cells=([0, 2], [0, 5]))
    assert sorted(zip(cells.col.tolist(), cells.row.tolist())) == [(0, 0), (2, 5), (5, 0)]
    assert cells.count.tolist() == [1, 1, 0]


def test_too_many_cells_names_a_size_that_fits():
    with pytest.raises(ValueError, match="limit is about 100 million") as error:
        grid.cells_in_extent(0, 0, 200_000, 200_000, 10)
    fitting = float(str(error.value).split("at least ")[1].split(" m")[0])
    col, _ = grid.cells_in_extent(0, 0, 200_000, 200_000, fitting)
    assert col.size <= grid.MAX_CELLS


@pytest.mark.parametrize("size", [0, -150, float("nan")])
def test_bad_cell_size(size):
    with pytest.raises(InputError, match="The cell size must be a positive number of metres") as error:
        grid.cells_of_points([0], [0], size)
    assert error.value.setting == "cell_size"


def test_point_cell_maps_each_point_to_its_cell():
    x = [10, 160, 20, 170, 15]
    y = [10, 10, 20, 20, 12]
    cells = grid.count_cells(x, y, 150)
    assert cells.col[cells.point_cell].tolist() == [0, 1, 0, 1, 0]


# --- bounds: sizes against the coordinates' precision, weights ------------------------------------

@pytest.mark.parametrize("magnitude, smallest", [(0.0, 0.01), (6e5, 0.01), (2e7, 0.02), (1e8, 0.1)])
def test_smallest_size_is_a_centimetre_or_a_billionth_of_the_coordinates(magnitude, smallest):
    assert grid.smallest_size(magnitude) == pytest.approx(smallest)


def test_sizes_below_the_smallest_are_refused_naming_the_value_and_the_bound():
    with pytest.raises(InputError, match=r"Cells of 1e-09 m are too small.*Use cells of at least 0.01 m") as error:
        grid.check_size_for_coordinates(1e-9, 5e6)
    assert error.value.setting == "cell_size"
    with pytest.raises(InputError, match=r"Pixels of 0.05 m are too small: with coordinates of up to 100,000,000 m, "
                                         r"float64 numbers cannot keep the corners of pixels smaller") as error:
        grid.check_size_for_coordinates(0.05, 1e8, "pixel_size")
    assert error.value.setting == "pixel_size"
    with pytest.raises(InputError, match=r"The pixel size must be a positive number of metres, not 0; 10 m suits"):
        grid.check_size_for_coordinates(0, 1e8, "pixel_size", "10 m suits 150 m hotspots")
    grid.check_size_for_coordinates(0.01, 6e5)
    grid.check_size_for_coordinates(1e-6, 10.0, floor=0.0)


def test_cells_at_the_smallest_size_keep_their_area():
    # At the bound, a cell's corners stay far apart in float64: the outline has the cell's area.
    size, x = grid.smallest_size(1e8), 1e8 - 1.0
    col, row = grid.cells_of_points([x], [x], size)
    outline = grid.cell_outlines(col[:1], row[:1], size)[0]
    xs, ys = outline[:, 0] - outline[0, 0], outline[:, 1] - outline[0, 1]
    area = 0.5 * abs(np.dot(xs[:-1], ys[1:]) - np.dot(xs[1:], ys[:-1]))
    assert area == pytest.approx(size ** 2, rel=1e-6)


def test_count_cells_refuses_a_size_below_precision():
    with pytest.raises(ValueError, match="too small"):
        grid.count_cells([590000.0, 590000.5], [180000.0, 180000.0], 1e-9)


def test_tiny_cells_over_an_extent_are_counted_before_any_array():
    import tracemalloc
    tracemalloc.start()
    with pytest.raises(ValueError, match="limit is about 100 million"):
        grid.cells_in_extent(0.0, 0.0, 15000.0, 6000.0, 1e-9)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 10e6


@pytest.mark.parametrize("weights, message", [
    ([1.0, -2.0, 3.0], r"1 crimes have a negative weight in the weight field 'harm' \(the smallest is -2\)"),
    ([1.0, np.nan, 3.0], r"1 crimes have a weight in the weight field 'harm' that is not a finite number"),
    ([1.0, np.inf, 3.0], r"not a finite number"),
])
def test_weights_that_are_counts_or_harms_cannot_be_negative(weights, message):
    with pytest.raises(InputError, match=message) as error:
        grid.check_weights(weights, "the weight field 'harm'")
    assert error.value.setting == "weights"
    with pytest.raises(ValueError):
        grid.count_cells([10.0, 20.0, 30.0], [10.0, 20.0, 30.0], 150, weights=weights)


def test_zero_weights_are_allowed():
    cells = grid.count_cells([10.0, 200.0], [10.0, 10.0], 150, weights=[0.0, 2.0])
    assert cells.weight.tolist() == [2.0, 0.0] and cells.share.tolist() == [1.0, 0.0]


# --- cell ids read back, crimes in a rectangle ------------------------------------------------

@pytest.mark.parametrize("shape", [grid.SQUARE, grid.HEXAGON])
@pytest.mark.parametrize("size", [150, 12.5, 0.01, 1234.5678, 2_000_000.0])
def test_parse_cell_id_reads_back_every_id_cell_ids_writes(shape, size):
    rng = np.random.default_rng(3)
    col, row = rng.integers(-50_000, 50_000, (2, 200))
    ids = grid.cell_ids(col, row, size, shape)
    written_size = float(f"{size:g}")  # an id keeps six significant digits of the size
    assert [grid.parse_cell_id(cell_id) for cell_id in ids] == [
        (shape, written_size, int(c), int(r)) for c, r in zip(col, row)]


def test_parse_cell_id_names_shape_size_column_and_row():
    assert grid.parse_cell_id("S150_3521_11234") == (grid.SQUARE, 150.0, 3521, 11234)
    assert grid.parse_cell_id("H12.5_-1_-20") == (grid.HEXAGON, 12.5, -1, -20)
    assert grid.parse_cell_id("S2e+06_0_7") == (grid.SQUARE, 2e6, 0, 7)


@pytest.mark.parametrize("text", ["", "Victoria Road", "S150_1", "S150_1_2_3", "s150_1_2", "X150_1_2", "S_1_2",
                                  "S150_1.5_2", "S1.2.3_1_2", " S150_1_2", "S150_1_2 ", "S-150_1_2", "S150_+1_2"])
def test_parse_cell_id_answers_none_for_other_text(text):
    assert grid.parse_cell_id(text) is None


def test_in_rectangle_keeps_the_points_inside_and_on_the_edges():
    rng = np.random.default_rng(9)
    x = np.concatenate((rng.uniform(-10, 110, 500), [0.0, 100.0, 50.0, 50.0, -1e-9]))
    y = np.concatenate((rng.uniform(-10, 60, 500), [0.0, 50.0, 50.0, 50.0 + 1e-9, 10.0]))
    expected = [0.0 <= a <= 100.0 and 0.0 <= b <= 50.0 for a, b in zip(x.tolist(), y.tolist())]
    inside = grid.in_rectangle(x, y, 0.0, 0.0, 100.0, 50.0)
    assert inside.tolist() == expected
    assert inside[-5:].tolist() == [True, True, True, False, False]
