"""A forecast's cells read back from their ids and matched to another run's cells, against a plain
dictionary lookup."""

import doctest

import numpy as np
import pytest

from hotspot_patrol.core import forecast_cells, grid
from hotspot_patrol.core.errors import InputError


def test_examples_in_docstrings_run():
    result = doctest.testmod(forecast_cells, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_ids_written_by_the_grid_read_back_to_their_cells():
    col, row = [3521, -4, 0], [11234, 7, -1]
    for shape, size in ((grid.SQUARE, 150.0), (grid.HEXAGON, 12.5)):
        forecast = forecast_cells.read_forecast(grid.cell_ids(col, row, size, shape), [0.5, 0.0, 3.0])
        assert (forecast.shape, forecast.cell_size) == (shape, size)
        assert forecast.col.tolist() == col and forecast.row.tolist() == row
        assert forecast.score.tolist() == [0.5, 0.0, 3.0]


def test_scores_match_cells_by_column_and_row_against_a_lookup():
    rng = np.random.default_rng(3)
    run_cells = sorted({(int(c), int(r)) for c, r in rng.integers(-30, 30, (400, 2))})
    forecast_pairs = sorted({(int(c), int(r)) for c, r in rng.integers(-40, 40, (300, 2))})
    scores = rng.uniform(0, 5, len(forecast_pairs))
    forecast = forecast_cells.read_forecast(
        grid.cell_ids(*np.array(forecast_pairs).T, 150.0, grid.SQUARE), scores)
    order = rng.permutation(len(run_cells))  # the run's cells come in any order
    col, row = np.array(run_cells)[order].T
    matched = forecast_cells.scores_of_cells(forecast, col, row)

    lookup = dict(zip(forecast_pairs, scores.tolist()))
    assert matched.score.tolist() == [lookup.get((c, r), 0.0) for c, r in zip(col.tolist(), row.tolist())]
    held = set(run_cells)
    outside = [pair not in held for pair in forecast_pairs]
    assert matched.outside.tolist() == outside and matched.outside_count == sum(outside)
    assert 0 < matched.outside_count < len(forecast_pairs)
    assert matched.outside_share == pytest.approx(scores[outside].sum() / scores.sum())


def test_no_cell_outside_and_a_zero_total():
    forecast = forecast_cells.read_forecast(["H200_0_0", "H200_1_0"], [0.0, 0.0])
    matched = forecast_cells.scores_of_cells(forecast, [1, 0, 5], [0, 0, 5])
    assert matched.score.tolist() == [0.0, 0.0, 0.0] and matched.outside_count == 0
    assert np.isnan(matched.outside_share)


def test_lattice_compared_as_the_ids_write_the_size():
    forecast = forecast_cells.read_forecast(["S1.23457e+06_0_0"], [1.0])
    assert forecast_cells.on_lattice(forecast, 1234567.0, grid.SQUARE)
    assert not forecast_cells.on_lattice(forecast, 1234567.0, grid.HEXAGON)
    assert not forecast_cells.on_lattice(forecast_cells.read_forecast(["S150_0_0"], [1.0]), 150.5, grid.SQUARE)
    assert forecast_cells.lattice_name(grid.SQUARE, 150.0) == "150 m squares"


@pytest.mark.parametrize("cell_ids, scores, message", [
    ([], [], "The forecast lists no cell"),
    (["S150_0_0", "Victoria Road"], [1.0, 1.0], "1 of the forecast's 2 cells have a cell_id that is not a cell id "
                                                "such as S150_3521_11234 (e.g. 'Victoria Road')"),
    (["S150_0_0", None], [1.0, 1.0], "(e.g. None)"),
    (["S150_0_0", "H200_0_1", "S200_0_2"], [1.0] * 3,
     "mixes cells of different lattices (150 m squares, 200 m squares, 200 m hexagons)"),
    (["S150_0_0", "S150_1_0", "S150_0_0"], [1.0] * 3, "1 cells are listed more than once in the forecast (e.g. "
                                                      "S150_0_0)"),
    (["S150_0_0", "S150_1_0"], [1.0, np.nan], "1 cells of the forecast have no score, or one that is not a finite "
                                              "number (e.g. S150_1_0: nan)"),
    (["S150_0_0", "S150_1_0"], [np.inf, 1.0], "(e.g. S150_0_0: inf)"),
    (["S150_0_0", "S150_1_0", "S150_2_0"], [-0.5, 1.0, -2.0], "2 cells of the forecast have a negative score (the "
                                                              "smallest is S150_2_0: -2)"),
])
def test_bad_forecasts_are_refused_by_name(cell_ids, scores, message):
    with pytest.raises(InputError) as error:
        forecast_cells.read_forecast(cell_ids, scores)
    assert message in str(error.value) and error.value.settings == ("forecast",)
