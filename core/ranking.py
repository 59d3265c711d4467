"""Ranking the cells of a lattice for patrol: the order and its ties, each cell's share of the
crime, the hotspot numbers, and the Gi* z-scores of the cells with their default distance band.

References
----------
Ord, J. K. and Getis, A. (1995). Local spatial autocorrelation statistics:
    distributional issues and an application. Geographical Analysis 27(4),
    286-306.
"""

import numpy as np

from . import getisord, grid
from .cell_tally import cell_keys


def rank_cells(key, count, col, row):
    """The cells in ranking order, and each cell's rank.

    Cells are ranked by ``key``, highest first; ties by ``count``, highest
    first, then by row and then column (the lattice's own order), so the
    ranking never depends on the order the cells come in.  A NaN key (a cell
    without a Gi* z-score) ranks after every number.

    Parameters
    ----------
    key : array_like of float
        The value cells are ranked by (count, weight, density or z-score).
    count : array_like of int
        Crimes per cell.
    col, row : array_like of int
        The cells' lattice coordinates.

    Returns
    -------
    order : ndarray of int
        Cell indices, best first.
    rank : ndarray of int64
        Each cell's place in the ranking, 1 for the best.

    Examples
    --------
    >>> order, rank = rank_cells([2.0, 5.0, 2.0, np.nan], [1, 4, 3, 9], [0, 1, 2, 3], [0, 0, 0, 0])
    >>> order.tolist(), rank.tolist()
    ([1, 2, 0, 3], [3, 1, 2, 4])
    """
    key = np.nan_to_num(np.asarray(key, dtype=float), nan=-np.inf)
    order = np.lexsort((col, row, -np.asarray(count), -key))
    rank = np.empty(order.size, dtype=np.int64)
    rank[order] = np.arange(1, order.size + 1)
    return order, rank


def shares(values):
    """Each cell's share of the total crime (or harm).

    Parameters
    ----------
    values : array_like of float
        Crimes, or summed weight or harm, per cell.

    Returns
    -------
    ndarray of float
        ``values / values.sum()``; all 0 when the total is 0.

    Examples
    --------
    >>> shares([3.0, 1.0, 0.0]).tolist()
    [0.75, 0.25, 0.0]
    """
    values = np.asarray(values, dtype=float)
    total = values.sum()
    return values / total if total else np.zeros(values.size)


def cumulative_shares(share, rows):
    """The shares of the cells ``rows`` cumulated in that order (down a ranking or the hotspots).

    Parameters
    ----------
    share : array_like of float
        Each cell's share (:func:`shares`).
    rows : array_like of int
        Cell indices, in order.

    Returns
    -------
    ndarray of float
        One cumulated share per element of ``rows``.
    """
    return np.cumsum(np.asarray(share, dtype=float)[np.asarray(rows, dtype=np.int64)])


def hotspot_numbers(chosen, n_cells):
    """Each cell's hotspot number: 1 for the first cell chosen, 2 for the next…, 0 for the others.

    Parameters
    ----------
    chosen : array_like of int
        The chosen cells, in patrol order.
    n_cells : int
        Cells in all.

    Returns
    -------
    ndarray of int64

    Examples
    --------
    >>> hotspot_numbers([3, 0], 5).tolist()
    [2, 0, 0, 1, 0]
    """
    chosen = np.asarray(chosen, dtype=np.int64)
    numbers = np.zeros(n_cells, dtype=np.int64)
    numbers[chosen] = np.arange(1, chosen.size + 1)
    return numbers


def default_gi_distance(cell_size, shape):
    """The Gi* distance band that reaches a cell's ring of neighbours.

    The 8 surrounding squares (queen contiguity: the corner cells' centres are
    ``cell_size`` × √2 away), or the 6 surrounding hexagons (√3 × the
    hexagon's circumradius away).

    Parameters
    ----------
    cell_size : float
        The side of a square cell in metres (a hexagon has the same area).
    shape : int
        :data:`grid.SQUARE` or :data:`grid.HEXAGON`.

    Returns
    -------
    float
        The band in metres.

    Examples
    --------
    >>> round(float(default_gi_distance(100.0, grid.SQUARE)), 3)
    141.421
    """
    if shape == grid.SQUARE:
        return cell_size * np.sqrt(2.0)
    return np.sqrt(3.0) * grid.hexagon_radius(cell_size)


def cell_gi_star(col, row, values, cell_size, shape, distance):
    """Gi* of every cell of a lattice with binary weights within ``distance`` (Ord & Getis 1995).

    Squares are taken on the lattice (neighbours by whole-cell offsets, exact);
    hexagons by the distance between their centres.

    Parameters
    ----------
    col, row : array_like of int
        The cells, empty ones included.
    values : array_like of float
        The value per cell (crimes, or summed weight or harm).
    cell_size : float
        Cell size in metres.
    shape : int
        :data:`grid.SQUARE` or :data:`grid.HEXAGON`.
    distance : float
        The distance band in metres.

    Returns
    -------
    getisord.GetisOrd

    Raises
    ------
    InputError
        As :func:`getisord.getis_ord_lattice` and :func:`getisord.getis_ord`.
    """
    if shape == grid.SQUARE:
        return getisord.getis_ord_lattice(col, row, values, cell_size, distance)
    return getisord.getis_ord(*grid.cell_centres(col, row, cell_size, shape), values, distance)


def outside_box(x, y, box, margin):
    """True for the points more than ``margin`` outside the rectangle ``box``.

    Parameters
    ----------
    x, y : array_like of float
        The points (e.g. cell centres).
    box : tuple of float
        ``(x_min, y_min, x_max, y_max)``.
    margin : float
        How far outside the box a point may be and still count as in it.

    Returns
    -------
    ndarray of bool

    Examples
    --------
    >>> outside_box(np.array([5.0, 12.0, 25.0]), np.zeros(3), (0.0, 0.0, 10.0, 10.0), 5.0).tolist()
    [False, False, True]
    """
    x_min, y_min, x_max, y_max = box
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return ~((x >= x_min - margin) & (x <= x_max + margin) & (y >= y_min - margin) & (y <= y_max + margin))


def occupied_cells(x, y, cell_size, shape):
    """The distinct cells that hold points, and each point's cell among them.

    So that a test of cells (e.g. whether a cell's centre is inside a polygon)
    is made once per cell, not once per point.

    Parameters
    ----------
    x, y : array_like of float
        The points.
    cell_size : float
        Cell size in metres.
    shape : int
        :data:`grid.SQUARE` or :data:`grid.HEXAGON`.

    Returns
    -------
    col, row : ndarray of int
        The distinct cells, sorted by column and then row.
    cell_of_point : ndarray of int
        For each point, the index of its cell in ``col`` and ``row``.

    Examples
    --------
    >>> col, row, cell_of_point = occupied_cells([10.0, 160.0, 20.0], [10.0, 10.0, 30.0], 150.0, grid.SQUARE)
    >>> col.tolist(), row.tolist(), cell_of_point.tolist()
    ([0, 1], [0, 0], [0, 1, 0])
    """
    cells, cell_of_point = np.unique(np.column_stack(grid.cells_of_points(x, y, cell_size, shape)), axis=0,
                                     return_inverse=True)
    return cells[:, 0], cells[:, 1], cell_of_point.ravel()


def gi_star_in_box(query, col, row, values, box, cell_size, distance):
    """Gi* of a few square cells of a lattice whose empty cells are not listed.

    The features are every cell of the rectangle ``box`` plus the listed
    cells outside it (e.g. far outliers'); only cells with a value are listed,
    the others count as 0.  The numbers are those of :func:`cell_gi_star` on
    every feature, computed for the cells ``query`` only, so the work follows
    the listed cells, not the area (a national lattice has millions of empty
    cells).

    Parameters
    ----------
    query : array_like of int
        Indices into ``col``, ``row`` and ``values`` of the cells to score.
    col, row : ndarray of int64
        The listed cells, distinct.
    values : ndarray of float
        Their values (crimes, or summed weight).
    box : tuple of int
        ``(col_min, col_max, row_min, row_max)``, inclusive: the rectangle of cells of the area.
    cell_size : float
        Cell size in metres.
    distance : float
        The distance band in metres.

    Returns
    -------
    getisord.GetisOrd
        For the ``query`` cells, in their order.
    """
    query = np.asarray(query, dtype=np.int64)
    col_min, col_max, row_min, row_max = (int(v) for v in box)
    outside = (col < col_min) | (col > col_max) | (row < row_min) | (row > row_max)
    n_features = (col_max - col_min + 1) * (row_max - row_min + 1) + int(np.count_nonzero(outside))
    reach = int(np.floor(distance / cell_size + 1e-9))
    d_row, d_col = (offset - reach for offset in np.nonzero(getisord.lattice_stencil(cell_size, distance, reach)))
    key = cell_keys(col, row)
    order = np.argsort(key)
    sorted_key = key[order]
    lag = np.zeros(query.size)
    cardinality = np.zeros(query.size)
    for dc, dr in zip(d_col.tolist(), d_row.tolist()):
        n_col, n_row = col[query] + dc, row[query] + dr
        n_key = cell_keys(n_col, n_row)
        at = np.minimum(np.searchsorted(sorted_key, n_key), sorted_key.size - 1)
        listed = sorted_key[at] == n_key
        lag += np.where(listed, values[order[at]], 0.0)
        # A feature: a cell of the box, or a listed cell outside it.
        cardinality += listed | ((n_col >= col_min) & (n_col <= col_max) & (n_row >= row_min) & (n_row <= row_max))
    return getisord.z_scores_from_sums(values[query], lag, cardinality, n_features, float(values.sum()),
                                       float(np.sum(values ** 2)))
