"""Crime per cell, counted batch by batch as the crimes are read.

:func:`grid.count_cells` needs every crime in memory at once.  A national
year of crime (millions of points) need not be held: :class:`CellTally`
takes the crimes a batch at a time and keeps only one row per occupied cell,
so memory grows with the cells that hold crime, not with the crimes.  The
cells and counts are exactly those of :func:`grid.count_cells`; weights are
summed batch by batch, so their last bits may differ from one sum over all
crimes (float addition is not associative).

Examples
--------
>>> import numpy as np
>>> tally = CellTally(150.0)
>>> tally.add(np.array([10.0, 20.0]), np.array([10.0, 20.0]))
>>> tally.add(np.array([160.0]), np.array([10.0]))
>>> col, row, count, weight = tally.cells()
>>> col.tolist(), row.tolist(), count.tolist(), weight
([0, 1], [0, 0], [2, 1], None)
"""

import numpy as np

from . import grid
from .errors import InputError

# Columns and rows stay within +/-2**31 (grid.check_size_for_coordinates keeps cells at least a
# billionth of the coordinates), so a cell packs into one int64: row * 2**32 + (col + 2**31).
_COLUMN_SPAN = np.int64(2**32)
_COLUMN_OFFSET = np.int64(2**31)
# Batches are merged into the table once they hold this many rows or as many as the table.
_MERGE_ROWS = 1 << 22
# A batch whose cells span a window of at most this many cells per crime (plus a floor) is counted in
# the window with bincount, in linear time; a wider one (crimes all over a country) is sorted.
_DENSE_WINDOW_PER_CRIME = 4
_DENSE_WINDOW_FLOOR = 1 << 16


def cell_keys(col, row):
    """One int64 per cell, ordered by row, then column: ``row * 2**32 + (col + 2**31)``."""
    return np.asarray(row, dtype=np.int64) * _COLUMN_SPAN + (np.asarray(col, dtype=np.int64) + _COLUMN_OFFSET)


def cells_of_keys(key):
    """Column and row of the cells of :func:`cell_keys`."""
    return np.mod(key, _COLUMN_SPAN) - _COLUMN_OFFSET, np.floor_divide(key, _COLUMN_SPAN)


class CellTally:
    """Crimes counted into the fixed lattice of :mod:`core.grid`, one batch at a time.

    Parameters
    ----------
    cell_size : float
        Cell size in metres.
    shape : {grid.SQUARE, grid.HEXAGON}
    weighted : bool
        Sum a weight per crime (every :meth:`add` then needs ``weights``).

    Attributes
    ----------
    crimes : int
        Crimes added so far.
    """

    def __init__(self, cell_size, shape=grid.SQUARE, weighted=False):
        grid.cells_of_points(np.zeros(0), np.zeros(0), cell_size, shape)  # refuses a bad size or shape
        self.cell_size = float(cell_size)
        self.shape = shape
        self.weighted = bool(weighted)
        self.crimes = 0
        self._magnitude = 0.0
        self._table = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
        self._pending = []

    def add(self, x, y, weights=None):
        """Count a batch of crimes.

        Parameters
        ----------
        x, y : ndarray of float
            Finite coordinates in a metric CRS.
        weights : ndarray of float, optional
            A finite weight of 0 or more per crime; required when the tally
            is weighted, refused otherwise.

        Raises
        ------
        InputError
            For a negative or non-finite weight, weights missing or not
            asked for, or a cell size too small for the coordinates.
        """
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        if (weights is not None) != self.weighted:
            raise InputError("Give a weight per crime to a weighted tally, and none to an unweighted one.")
        if weights is not None:
            weights = np.asarray(weights, dtype=float)
            grid.check_weights(weights)
        if x.size == 0:
            return
        self._magnitude = max(self._magnitude, grid.coordinate_magnitude(x, y))
        grid.check_size_for_coordinates(self.cell_size, self._magnitude)
        col, row = grid.cells_of_points(x, y, self.cell_size, self.shape)
        self._pending.append(_batch_cells(col, row, weights))
        self.crimes += x.size
        if sum(part[0].size for part in self._pending) >= max(_MERGE_ROWS, self._table[0].size):
            self._merge()

    def cells(self):
        """The occupied cells so far.

        Returns
        -------
        col, row : ndarray of int64
            The cells, sorted by row, then column.
        count : ndarray of int64
            Crimes in each cell.
        weight : ndarray of float or None
            Summed weight in each cell (None when the tally is unweighted).
        """
        self._merge()
        key, count, weight = self._table
        col, row = cells_of_keys(key)
        return col, row, count.copy(), weight.copy() if self.weighted else None

    def _merge(self):
        if not self._pending:
            return
        parts = [self._table, *self._pending]
        key, inverse = np.unique(np.concatenate([part[0] for part in parts]), return_inverse=True)
        count = np.bincount(inverse, weights=np.concatenate([part[1] for part in parts]), minlength=key.size)
        weight = np.bincount(inverse, weights=np.concatenate([part[2] for part in parts]), minlength=key.size)
        self._table = (key, np.rint(count).astype(np.int64), weight)
        self._pending = []


def _batch_cells(col, row, weights):
    """One batch's distinct cells as sorted keys, with their counts and summed weights (zeros without)."""
    col_min, row_min = col.min(), row.min()
    width, height = int(col.max() - col_min) + 1, int(row.max() - row_min) + 1
    if width * height <= _DENSE_WINDOW_PER_CRIME * col.size + _DENSE_WINDOW_FLOOR:
        # The batch's cells fill a small window (one town, one force): count in it without sorting.
        local = (row - row_min) * width + (col - col_min)
        count = np.bincount(local, minlength=width * height)
        occupied = np.flatnonzero(count)
        weight = np.bincount(local, weights=weights, minlength=width * height)[occupied] if weights is not None \
            else np.zeros(occupied.size)
        key = cell_keys(occupied % width + col_min, occupied // width + row_min)
        return key, count[occupied].astype(np.int64), weight
    key, inverse = np.unique(cell_keys(col, row), return_inverse=True)
    count = np.bincount(inverse, minlength=key.size).astype(np.int64)
    weight = np.bincount(inverse, weights=weights, minlength=key.size) if weights is not None else np.zeros(key.size)
    return key, count, weight
