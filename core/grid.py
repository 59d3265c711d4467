"""A fixed lattice of square or hexagonal cells and crime counts per cell.

The lattice is anchored at the origin of the coordinate reference system,
not at the data's extent, so a place falls into the same cell, with the same
id and outline, in every run and every period.  Square cell ``(col, row)``
covers ``[col*s, (col+1)*s) x [row*s, (row+1)*s)``.  Hexagons are
pointy-topped, have the same area as the ``s x s`` square, and lie on the
lattice whose cell ``(0, 0)`` is centred on the origin; rows are horizontal
and odd rows are shifted half a cell east ("odd-r" offset coordinates).

References
----------
Red Blob Games, "Hexagonal Grids" (2013), https://www.redblobgames.com/grids/hexagons/
for the axial/offset coordinates and cube rounding.
"""

import re
from dataclasses import dataclass, replace

import numpy as np

from .errors import InputError
from .progress import report

SQUARE = 0
HEXAGON = 1
SHAPE_NAMES = ("square", "hexagon")
MAX_CELLS = 100_000_000
# The smallest cell or pixel size: a centimetre, finer than any crime location is known.
MIN_SIZE = 0.01
# Coordinates of magnitude M (metres) need cells of at least M * RELATIVE_PRECISION: float64 carries
# 16 significant digits, so the corners of a cell stay about 10**7 representable steps apart and
# every cell keeps its area.
RELATIVE_PRECISION = 1e-9
# What a size argument of :func:`check_size_for_coordinates` is the size of, for its messages.
_SIZED_BY = {"cell_size": "cell", "pixel_size": "pixel"}

# What :func:`cell_ids` writes: S or H, the size as "{:g}" formats it, the column and the row.
_CELL_ID = re.compile(r"^([SH])(\d+(?:\.\d+)?(?:e[+-]\d+)?)_(-?\d+)_(-?\d+)$")

# A hexagon of circumradius a has area 3*sqrt(3)/2 * a**2; equal area to s**2.
_HEX_RADIUS_PER_SIZE = np.sqrt(2.0 / (3.0 * np.sqrt(3.0)))


def _check_shape(shape):
    if shape not in (SQUARE, HEXAGON):
        raise InputError(f"Unknown cell shape {shape!r}: use 0 (square) or 1 (hexagon).")


def _check_size(cell_size):
    if not np.isfinite(cell_size) or cell_size <= 0:
        raise InputError(f"The cell size must be a positive number of metres, not {cell_size}.", setting="cell_size")


def smallest_size(magnitude, floor=MIN_SIZE):
    """The smallest cell or pixel size that coordinates up to ``magnitude`` can carry.

    Parameters
    ----------
    magnitude : float
        The largest absolute coordinate (metres).
    floor : float
        The absolute floor, :data:`MIN_SIZE` (1 cm) by default.

    Returns
    -------
    float
        ``max(floor, magnitude * RELATIVE_PRECISION)``.
    """
    return max(float(floor), abs(float(magnitude)) * RELATIVE_PRECISION)


def coordinate_magnitude(*coordinates):
    """The largest absolute finite value among arrays of coordinates (0 when there is none)."""
    largest = 0.0
    for values in coordinates:
        values = np.asarray(values, dtype=float)
        finite = values[np.isfinite(values)]
        if finite.size:
            largest = max(largest, float(np.abs(finite).max()))
    return largest


def check_size_for_coordinates(size, magnitude, setting="cell_size", usual="150 m suits patrol hotspots",
                               floor=MIN_SIZE):
    """Refuse a cell or pixel size too small for the coordinates it divides.

    A size below :func:`smallest_size` makes cells (or pixels) whose corners
    float64 coordinates of that magnitude cannot tell apart, e.g. zero-area
    polygons, or cells far finer than any crime location is known.

    Parameters
    ----------
    size : float
        The cell or pixel size (metres).
    magnitude : float
        The largest absolute coordinate, e.g. from :func:`coordinate_magnitude`.
    setting : {"cell_size", "pixel_size"}
        The argument the size was given as: the message speaks of cells or of pixels, and the
        :class:`~.errors.InputError` names it.
    usual : str
        A sensible value, for the message.
    floor : float
        The absolute floor (:data:`MIN_SIZE`; 0 for the precision rule alone).

    Raises
    ------
    InputError
        Naming the size, the coordinates' magnitude and the smallest size allowed.
    """
    sized = _SIZED_BY[setting]
    if not np.isfinite(size) or size <= 0:
        raise InputError(f"The {sized} size must be a positive number of metres, not {size}; {usual}.",
                         setting=setting)
    smallest = smallest_size(magnitude, floor)
    if size < smallest:
        if smallest > floor:
            why = (f"with coordinates of up to {magnitude:,.0f} m, float64 numbers cannot keep the corners of "
                   f"{sized}s smaller than {smallest:g} m apart (they would have no area)")
        else:
            why = f"no crime location is known to better than {floor * 100:g} cm"
        raise InputError(f"{sized.capitalize()}s of {size:g} m are too small: {why}. Use {sized}s of at least "
                         f"{smallest:g} m; {usual}.", setting=setting)


def check_weights(weights, source="the weight field"):
    """Refuse negative or non-finite weights where a weight is a count or a harm.

    Parameters
    ----------
    weights : array_like
        One weight per crime.
    source : str
        Where the weights come from, for the message (e.g. ``"the weight field 'harm'"``).

    Raises
    ------
    InputError
        Naming how many weights are negative (or not finite) and the smallest.
    """
    weights = np.asarray(weights, dtype=float)
    bad = ~np.isfinite(weights)
    if bad.any():
        raise InputError(f"{int(bad.sum()):,} crimes have a weight in {source} that is not a finite number "
                         f"(e.g. {weights[bad][0]}). Give every crime a number, or leave those crimes out.",
                         setting="weights")
    negative = weights < 0
    if negative.any():
        raise InputError(
            f"{int(negative.sum()):,} crimes have a negative weight in {source} (the smallest is "
            f"{weights.min():g}). Here a weight is a count or a harm, and a negative one would take crime away "
            "from a cell (shares below 0 or above 100%). Correct those values, or leave those crimes out; "
            "Kernel density accepts negative weights.", setting="weights")


def hexagon_radius(cell_size):
    """Circumradius of the hexagon whose area equals ``cell_size**2``."""
    return cell_size * _HEX_RADIUS_PER_SIZE


def cells_of_points(x, y, cell_size, shape=SQUARE):
    """Column and row of the cell that holds each point.

    Parameters
    ----------
    x, y : array_like
        Point coordinates in a metric CRS.
    cell_size : float
        Square side, or the side of the square of equal area for hexagons.
    shape : {SQUARE, HEXAGON}

    Returns
    -------
    col, row : ndarray of int64
    """
    _check_shape(shape)
    _check_size(cell_size)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if shape == SQUARE:
        return (np.floor(x / cell_size).astype(np.int64),
                np.floor(y / cell_size).astype(np.int64))
    a = hexagon_radius(cell_size)
    # Fractional axial coordinates of a pointy-topped lattice, then cube rounding
    # to the nearest centre (the hexagon that contains the point).
    q = (np.sqrt(3.0) / 3.0 * x - y / 3.0) / a
    r = (2.0 / 3.0 * y) / a
    s = -q - r
    rq, rr, rs = np.round(q), np.round(r), np.round(s)
    dq, dr, ds = np.abs(rq - q), np.abs(rr - r), np.abs(rs - s)
    fix_q = (dq > dr) & (dq > ds)
    fix_r = ~fix_q & (dr > ds)
    rq = np.where(fix_q, -rr - rs, rq)
    rr = np.where(fix_r, -rq - rs, rr)
    axial_q = rq.astype(np.int64)
    row = rr.astype(np.int64)
    col = axial_q + (row - (row & 1)) // 2
    return col, row


def cell_centres(col, row, cell_size, shape=SQUARE):
    """Centre coordinates of cells given by column and row."""
    _check_shape(shape)
    col = np.asarray(col, dtype=np.int64)
    row = np.asarray(row, dtype=np.int64)
    if shape == SQUARE:
        return (col + 0.5) * cell_size, (row + 0.5) * cell_size
    a = hexagon_radius(cell_size)
    return (np.sqrt(3.0) * a * (col + 0.5 * (row & 1)), 1.5 * a * row)


def cell_outlines(col, row, cell_size, shape=SQUARE):
    """Closed outlines of cells, counter-clockwise: an array of shape (cells, vertices, 2).

    Five vertices for a square, seven for a hexagon (the first repeated last).
    """
    _check_shape(shape)
    col = np.asarray(col, dtype=np.int64)
    row = np.asarray(row, dtype=np.int64)
    if shape == SQUARE:
        x0, y0 = col * cell_size, row * cell_size
        x1, y1 = x0 + cell_size, y0 + cell_size
        return np.stack([np.column_stack(corner) for corner in
                         ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))], axis=1).astype(float)
    cx, cy = cell_centres(col, row, cell_size, HEXAGON)
    a = hexagon_radius(cell_size)
    angles = np.radians(np.arange(30, 360, 60))
    corners = np.stack((cx[:, None] + a * np.cos(angles), cy[:, None] + a * np.sin(angles)), axis=2)
    return np.concatenate((corners, corners[:, :1]), axis=1)  # closed exactly: the first vertex repeated


def cell_ids(col, row, cell_size, shape=SQUARE):
    """Stable text ids such as ``S150_3521_11234`` (shape, size, column, row)."""
    _check_shape(shape)
    prefix = f"{'SH'[shape]}{cell_size:g}_"
    return [f"{prefix}{c}_{r}" for c, r in zip(np.asarray(col).tolist(), np.asarray(row).tolist())]


def parse_cell_id(cell_id):
    """The shape, size, column and row a cell id names: the inverse of :func:`cell_ids`.

    Parameters
    ----------
    cell_id : str
        A text such as ``"S150_3521_11234"``.

    Returns
    -------
    tuple of (int, float, int, int) or None
        ``(shape, cell_size, col, row)``, with the size as the id writes it
        (six significant digits); None when the text is not a cell id.

    Examples
    --------
    >>> parse_cell_id("S150_3521_-4")
    (0, 150.0, 3521, -4)
    >>> parse_cell_id("H12.5_1_2")
    (1, 12.5, 1, 2)
    >>> parse_cell_id("Victoria Road") is None
    True
    """
    match = _CELL_ID.match(cell_id)
    if match is None:
        return None
    letter, size, col, row = match.groups()
    return "SH".index(letter), float(size), int(col), int(row)


def cells_in_extent(x_min, y_min, x_max, y_max, cell_size, shape=SQUARE, max_cells=MAX_CELLS):
    """Every cell of the lattice that overlaps a rectangle.

    Raises
    ------
    InputError
        When the rectangle needs more than ``max_cells`` cells; the message
        names the count and a cell size that would fit.
    """
    col_range, row_range = _extent_ranges(x_min, y_min, x_max, y_max, cell_size, shape)
    # Counted before any array is made: a tiny cell size must not allocate terabytes first.
    n_cols, n_rows = col_range[1] - col_range[0], row_range[1] - row_range[0]
    _check_cell_count(float(n_cols) * float(n_rows), (x_max - x_min) * (y_max - y_min), cell_size, max_cells)
    cols = np.arange(*col_range, dtype=np.int64)
    rows = np.arange(*row_range, dtype=np.int64)
    col, row = np.meshgrid(cols, rows)
    if shape == SQUARE:
        return col.ravel(), row.ravel()
    col, row = col.ravel(), row.ravel()
    cx, cy = cell_centres(col, row, cell_size, HEXAGON)
    a = hexagon_radius(cell_size)
    col_step = np.sqrt(3.0) * a
    # A hexagon overlaps the rectangle when its centre is within half its width
    # (horizontally) and its circumradius (vertically) of it; near the corners
    # this keeps a few cells that only touch the rectangle's bounding margin.
    inside = ((cx >= x_min - col_step / 2) & (cx <= x_max + col_step / 2)
              & (cy >= y_min - a) & (cy <= y_max + a))
    return col[inside], row[inside]


def in_rectangle(x, y, x_min, y_min, x_max, y_max):
    """Which points lie in a rectangle, its edges included.

    Parameters
    ----------
    x, y : array_like
        Point coordinates.
    x_min, y_min, x_max, y_max : float
        The rectangle, in the points' CRS.

    Returns
    -------
    ndarray of bool
        True for each point inside the rectangle or on its edge.

    Examples
    --------
    >>> in_rectangle([0.0, 5.0, 10.0, 10.5], [0.0, 5.0, 10.0, 5.0], 0.0, 0.0, 10.0, 10.0).tolist()
    [True, True, True, False]
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return (x >= x_min) & (x <= x_max) & (y >= y_min) & (y <= y_max)


def cell_count_in_extent(x_min, y_min, x_max, y_max, cell_size, shape=SQUARE):
    """How many cells :func:`cells_in_extent` would consider for a rectangle, without making them
    (for hexagons, the few corner cells it then drops are included)."""
    col_range, row_range = _extent_ranges(x_min, y_min, x_max, y_max, cell_size, shape)
    return float(col_range[1] - col_range[0]) * float(row_range[1] - row_range[0])


def _extent_ranges(x_min, y_min, x_max, y_max, cell_size, shape):
    _check_shape(shape)
    _check_size(cell_size)
    if shape == SQUARE:
        return ((np.floor(x_min / cell_size), np.floor(x_max / cell_size) + 1),
                (np.floor(y_min / cell_size), np.floor(y_max / cell_size) + 1))
    a = hexagon_radius(cell_size)
    row_step, col_step = 1.5 * a, np.sqrt(3.0) * a
    return ((np.floor((x_min - a) / col_step) - 1, np.ceil((x_max + a) / col_step) + 1),
            (np.floor((y_min - a) / row_step), np.ceil((y_max + a) / row_step) + 1))


def _check_cell_count(n_cells, area, cell_size, max_cells):
    if n_cells > max_cells:
        fitting = np.ceil(np.sqrt(max(area, 1.0) / max_cells) * 1.05)
        raise InputError(
            f"The grid would need {n_cells:,.0f} cells of {cell_size:g} m; the limit is about "
            f"{max_cells // 1_000_000} million. Use a cell size of at least {fitting:g} m or a smaller area "
            "(or grid only the cells with crime, not every cell of the area).", setting="cell_size")


@dataclass(frozen=True)
class CellCounts:
    """Crime per cell, ranked.

    Attributes
    ----------
    col, row : ndarray of int64
        The cells, in rank order (rank 1 first).
    count : ndarray of int64
        Crimes in each cell.
    weight : ndarray of float or None
        Sum of the crimes' weights in each cell, when weights were given.
    rank : ndarray of int64
        1 = most crime (by weight when weights were given).
    share, cum_share : ndarray of float
        Fraction of all counted crime (weight) in the cell, and cumulated down
        the ranking.
    point_cell : ndarray of int64 or None
        For each input point, the index of its cell in these arrays (None
        when the cells were counted without keeping the points).
    order : ndarray of int64
        For each rank, the index of the cell in the arrays it was ranked from.
    """

    col: np.ndarray
    row: np.ndarray
    count: np.ndarray
    weight: object
    rank: np.ndarray
    share: np.ndarray
    cum_share: np.ndarray
    point_cell: object = None
    order: object = None

    def top_share(self, fraction=0.05):
        """Share of crime in the busiest ``fraction`` of the non-empty cells (at least one cell)."""
        non_empty = int(np.count_nonzero(self.count))
        if non_empty == 0:
            return 0.0
        n_top = max(1, int(np.ceil(fraction * non_empty)))
        return float(self.cum_share[n_top - 1])


def count_cells(x, y, cell_size, shape=SQUARE, weights=None, keep_empty_cells=None, progress=None):
    """Count crimes into the fixed lattice and rank the cells.

    Parameters
    ----------
    x, y : array_like
        Crime locations in a metric CRS.
    cell_size : float
        Cell size in the CRS's units (metres).
    shape : {SQUARE, HEXAGON}
    weights : array_like, optional
        A weight per crime (e.g. harm), finite and not negative; ranking and
        shares then use weights.
    keep_empty_cells : tuple of two int arrays, optional
        ``(col, row)`` of cells to return even when empty, e.g. those of a
        rectangle (:func:`cells_in_extent`) or a study area.
    progress : callable, optional
        See :mod:`core.progress`.

    Returns
    -------
    CellCounts
        Cells in rank order.  Ties (equal weight, then equal count) are
        ordered by row, then column, ascending: south before north, west
        before east.

    Raises
    ------
    InputError
        For a negative or non-finite weight (:func:`check_weights`), a cell
        size too small for the coordinates (:func:`check_size_for_coordinates`).
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape:
        raise InputError("x and y must have the same length.")
    if weights is not None:
        weights = np.asarray(weights, dtype=float)
        if weights.shape != x.shape:
            raise InputError("weights must have one value per point.")
        check_weights(weights)
    _check_shape(shape)
    _check_size(cell_size)
    if keep_empty_cells is not None:
        empty_col, empty_row = (np.asarray(c, dtype=np.int64) for c in keep_empty_cells)
        empty_edges = [(c.min() * cell_size, (c.max() + 1) * cell_size) for c in (empty_col, empty_row) if c.size]
    else:
        empty_edges = ()
    check_size_for_coordinates(cell_size, coordinate_magnitude(x, y, *empty_edges))
    col, row = cells_of_points(x, y, cell_size, shape)
    report(progress, 0.3)
    if keep_empty_cells is not None:
        all_col = np.concatenate((col, empty_col))
        all_row = np.concatenate((row, empty_row))
    else:
        all_col, all_row = col, row
    if all_col.size:
        cell_col, cell_row, inverse = _unique_cells(all_col, all_row)
    else:
        cell_col = cell_row = inverse = np.zeros(0, dtype=np.int64)
    point_cell = inverse[:x.size]
    count = np.bincount(point_cell, minlength=cell_col.size).astype(np.int64)
    weight = None if weights is None else np.bincount(point_cell, weights=weights, minlength=cell_col.size)
    report(progress, 0.6)
    cells = ranked_cells(cell_col, cell_row, count, weight)
    position = np.empty(cell_col.size, dtype=np.int64)
    position[cells.order] = np.arange(cell_col.size)
    report(progress, 1.0)
    return replace(cells, point_cell=position[point_cell])


def ranked_cells(col, row, count, weight=None):
    """Cells with their crime, ranked as :func:`count_cells` ranks them.

    Parameters
    ----------
    col, row : ndarray of int64
        Distinct cells, in any order.
    count : ndarray of int64
        Crimes in each cell.
    weight : ndarray of float, optional
        Summed weight in each cell; ranking and shares then use it.

    Returns
    -------
    CellCounts
        Without ``point_cell`` (None); ``order`` gives, for each rank, the
        index of the cell in the arrays given.
    """
    value = count.astype(float) if weight is None else weight
    # lexsort sorts by the last key first: value descending, then count, row, col.
    order = np.lexsort((col, row, -count, -value))
    total = value.sum()
    share = value[order] / total if total != 0 else np.zeros(col.size)
    return CellCounts(
        col=col[order], row=row[order], count=count[order], weight=None if weight is None else weight[order],
        rank=np.arange(1, col.size + 1, dtype=np.int64), share=share, cum_share=np.cumsum(share), order=order)


def _unique_cells(col, row):
    """Distinct (col, row) pairs and, for each input, the index of its pair."""
    col_min, row_min = col.min(), row.min()
    width = int(col.max() - col_min) + 1
    key = (row - row_min) * width + (col - col_min)
    unique_key, inverse = np.unique(key, return_inverse=True)
    return unique_key % width + col_min, unique_key // width + row_min, inverse
