"""A forecast's cells as a ranking key: the scores a forecast gives to cells of the lattice, read
back from their cell ids and matched, cell by cell, to the cells of another run.

A forecast names its cells by the ids :func:`core.grid.cell_ids` writes (``S150_3521_11234``: shape,
size, column, row), so a cell is matched by its column and row, never by its outline, and only
between runs on the same lattice (same shape, same size, same CRS).
"""

from dataclasses import dataclass

import numpy as np

from . import grid
from .errors import InputError


@dataclass(frozen=True)
class ForecastCells:
    """The cells a forecast lists: one lattice, each cell once, with a finite score of at least 0."""

    shape: int
    cell_size: float
    col: np.ndarray
    row: np.ndarray
    score: np.ndarray


@dataclass(frozen=True)
class CellScores:
    """A forecast's score for each cell of a run, and the forecast's cells the run does not hold."""

    score: np.ndarray
    outside: np.ndarray
    outside_share: float

    @property
    def outside_count(self):
        return int(np.count_nonzero(self.outside))


def lattice_name(shape, cell_size):
    """Plain words for a lattice, e.g. ``"150 m squares"``.

    Examples
    --------
    >>> lattice_name(grid.HEXAGON, 200.0)
    '200 m hexagons'
    """
    return f"{cell_size:g} m {grid.SHAPE_NAMES[shape]}s"


def read_forecast(cell_ids, scores):
    """The cells a forecast lists, from its cell ids and scores.

    Parameters
    ----------
    cell_ids : sequence of str or None
        Each cell's id as :func:`core.grid.cell_ids` writes it.
    scores : array_like of float
        Each cell's score (expected crimes, or a relative score); NaN where it has none.

    Returns
    -------
    ForecastCells

    Raises
    ------
    InputError
        When the forecast lists no cell, an id is not a cell id, the cells are of more than one
        lattice, a cell is listed twice, or a score is missing, not finite or negative.

    Examples
    --------
    >>> forecast = read_forecast(["S150_3_7", "S150_-2_0"], [1.5, 0.25])
    >>> forecast.shape, forecast.cell_size, forecast.col.tolist(), forecast.row.tolist()
    (0, 150.0, [3, -2], [7, 0])
    """
    cell_ids = list(cell_ids)
    scores = np.asarray(scores, dtype=float)
    if len(cell_ids) != scores.size:
        raise ValueError(f"{len(cell_ids)} cell ids but {scores.size} scores")
    if not cell_ids:
        raise InputError("The forecast lists no cell, so it cannot rank any. Forecast again (a forecast lists "
                         "the cells with a score above 0), or rank by another value.", setting="forecast")
    parsed = [grid.parse_cell_id(cell_id) if isinstance(cell_id, str) else None for cell_id in cell_ids]
    unreadable = [cell_id for cell_id, cell in zip(cell_ids, parsed) if cell is None]
    if unreadable:
        raise InputError(f"{len(unreadable):,} of the forecast's {len(cell_ids):,} cells have a cell_id that is not "
                         f"a cell id such as S150_3521_11234 (e.g. {unreadable[0]!r}). Give the layer a forecast "
                         "writes, with its cell_id as written.", setting="forecast")
    lattices = sorted({(shape, size) for shape, size, _, _ in parsed})
    if len(lattices) > 1:
        raise InputError("The forecast mixes cells of different lattices ("
                         + ", ".join(lattice_name(*lattice) for lattice in lattices)
                         + "): give the cells of one forecast.", setting="forecast")
    col = np.array([cell[2] for cell in parsed], dtype=np.int64)
    row = np.array([cell[3] for cell in parsed], dtype=np.int64)
    _check_once_each(cell_ids, col, row)
    _check_scores(cell_ids, scores)
    return ForecastCells(lattices[0][0], lattices[0][1], col, row, scores)


def _check_once_each(cell_ids, col, row):
    _, first, times = np.unique(np.column_stack((col, row)), axis=0, return_index=True, return_counts=True)
    if (times > 1).any():
        twice = first[times > 1]
        raise InputError(f"{twice.size:,} cells are listed more than once in the forecast (e.g. "
                         f"{cell_ids[twice[0]]}), so their score is ambiguous: give one forecast, not several "
                         "merged.", setting="forecast")


def _check_scores(cell_ids, scores):
    missing = ~np.isfinite(scores)
    if missing.any():
        where = int(np.flatnonzero(missing)[0])
        raise InputError(f"{int(missing.sum()):,} cells of the forecast have no score, or one that is not a "
                         f"finite number (e.g. {cell_ids[where]}: {scores[where]}). Give every cell a score.",
                         setting="forecast")
    negative = scores < 0
    if negative.any():
        where = int(np.argmin(scores))
        raise InputError(f"{int(negative.sum()):,} cells of the forecast have a negative score (the smallest is "
                         f"{cell_ids[where]}: {scores[where]:g}). A forecast's score is expected crime or a "
                         "relative score of at least 0: correct those values.", setting="forecast")


def on_lattice(forecast, cell_size, shape):
    """Whether the forecast's cells are cells of ``shape`` and ``cell_size`` (the size compared as the ids
    write it, to six significant digits).

    Examples
    --------
    >>> on_lattice(read_forecast(["H200_1_2"], [1.0]), 200.0, grid.HEXAGON)
    True
    >>> on_lattice(read_forecast(["H200_1_2"], [1.0]), 150.0, grid.HEXAGON)
    False
    """
    return forecast.shape == shape and forecast.cell_size == float(f"{cell_size:g}")


def scores_of_cells(forecast, col, row):
    """The forecast's score of each cell ``(col, row)`` (0 for a cell it does not list), and the
    forecast's cells that are not among them.

    Parameters
    ----------
    forecast : ForecastCells
        On the same lattice as the cells (see :func:`on_lattice`).
    col, row : array_like of int
        The cells to score, each once.

    Returns
    -------
    CellScores
        ``score`` per cell; ``outside`` (bool, per forecast cell) marks the forecast's cells not
        among ``(col, row)``; ``outside_share`` is their share of the forecast's total score (NaN
        when the total is 0).

    Examples
    --------
    >>> forecast = read_forecast(["S150_0_0", "S150_1_0", "S150_9_9"], [2.0, 1.0, 1.0])
    >>> scores = scores_of_cells(forecast, [1, 0, 2], [0, 0, 0])
    >>> scores.score.tolist(), scores.outside.tolist(), scores.outside_share
    ([1.0, 2.0, 0.0], [False, False, True], 0.25)
    """
    col = np.asarray(col, dtype=np.int64)
    pairs = np.column_stack((np.concatenate((col, forecast.col)),
                             np.concatenate((np.asarray(row, dtype=np.int64), forecast.row))))
    _, place = np.unique(pairs, axis=0, return_inverse=True)
    place = place.ravel()  # numpy 2.0.0 gives this inverse a second axis
    run_place, forecast_place = place[:col.size], place[col.size:]
    score_of_place = np.zeros(place.max() + 1 if place.size else 0)
    score_of_place[forecast_place] = forecast.score
    held = np.zeros(score_of_place.size, dtype=bool)
    held[run_place] = True
    outside = ~held[forecast_place]
    total = forecast.score.sum()
    outside_share = float(forecast.score[outside].sum() / total) if total > 0 else float("nan")
    return CellScores(score_of_place[run_place], outside, outside_share)
