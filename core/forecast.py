"""Forecasts of where crime will be in the next days, cell by cell, from the crimes before a date.

Five methods score every candidate cell of the fixed lattice (:mod:`core.grid`) from the crimes
before the forecast *origin*; crimes at or after the origin are never read, so a backtest that
moves the origin through the data tests each method only on what it could have known.

0. **Counts** over the last ``window_days`` (0: all history).
1. **Recency-weighted counts**: each crime weighs ``0.5 ** (age / half_life_days)``.
2. **Kernel-smoothed counts** over the last ``window_days``: each crime's weight is spread over the
   cells whose centres are within ``bandwidth`` metres of it, in proportion to the quartic kernel
   ``(1 - (d / bandwidth)**2)**2``, the retrospective hotspot map of open_cp (Daws 2017) on a
   lattice.  The shares are normalised over every centre of the unbounded lattice within reach, so
   each crime adds exactly its weight (crimes outside the candidate cells spread into them, and
   crimes near the edge lose what falls outside).  A crime with no centre within the bandwidth
   (a bandwidth below half a cell) keeps its weight in its own cell.
3. **Prospective hotspotting** (Bowers, Johnson and Pease 2004): each crime within ``bandwidth``
   metres and ``time_bandwidth_days`` of the origin adds ``w / (1 + d / cell_size) / (1 + age / 7)``
   to a cell whose centre is ``d`` metres away: distance counted in cells, age in weeks.
4. **Self-exciting point process**: the lattice model of Mohler et al. (2015), see :mod:`core.sepp`.

Methods 0-2 and 4 give expected crimes (or weight) in ``[origin, origin + horizon_days)``: methods
0-2 as a rate per day over their window scaled to the horizon, method 4 from the fitted model.
Method 3 gives a relative score.  Methods in :data:`NEEDS_DAYS` need crime times to the day; the
caller refuses month-resolution data for them.

References
----------
Bowers, K. J., Johnson, S. D. and Pease, K. (2004). Prospective hot-spotting: the future of crime
    mapping? *British Journal of Criminology* 44(5), 641-658.
Daws, M. (2017). open_cp: Open source crime prediction, ``open_cp.retrohotspot``.
    https://github.com/QuantCrimAtLeeds/PredictCode
Mohler, G. O. et al. (2015). Randomized controlled field trials of predictive policing. *Journal of
    the American Statistical Association* 110(512), 1399-1411.
"""

import math
from dataclasses import dataclass

import numpy as np

from . import grid, sepp
from .errors import InputError
from .progress import report

COUNTS, RECENCY, KERNEL, PROSPECTIVE, SEPP = 0, 1, 2, 3, 4
METHOD_NAMES = ("counts", "recency-weighted counts", "kernel-smoothed counts", "prospective hotspotting",
                "self-exciting point process")
DEFAULT_SETTINGS = {COUNTS: {"window_days": 365}, RECENCY: {"half_life_days": 90},
                    KERNEL: {"window_days": 365, "bandwidth": 300.0},
                    PROSPECTIVE: {"bandwidth": 400.0, "time_bandwidth_days": 56}, SEPP: {}}
# What a backtest tries: windows from four weeks to two years (and all history), half-lives from two
# weeks to half a year, one to four cells of kernel, and Bowers et al.'s 400 m and two months varied.
SETTINGS_GRID = {
    COUNTS: [{"window_days": d} for d in (28, 91, 182, 365, 730, 0)],
    RECENCY: [{"half_life_days": h} for h in (14, 30, 90, 180)],
    KERNEL: [{"window_days": 365, "bandwidth": b} for b in (150.0, 300.0, 600.0)]
    + [{"window_days": 91, "bandwidth": 300.0}],
    PROSPECTIVE: [{"bandwidth": 400.0, "time_bandwidth_days": d} for d in (28, 56, 91)]
    + [{"bandwidth": 200.0, "time_bandwidth_days": 56}],
    SEPP: [{}],
}
# Prospective hotspotting weighs crimes by the week and the self-exciting model by the day: crime
# times known only to the month would make both meaningless.
NEEDS_DAYS = frozenset({PROSPECTIVE, SEPP})

# What each setting must be: a window may be 0 (all history), the others must be positive.
_MAY_BE_ZERO = {"window_days"}
_SETTING_WORDS = {"window_days": "window (days)", "half_life_days": "half-life (days)",
                  "bandwidth": "bandwidth (metres)", "time_bandwidth_days": "time bandwidth (days)"}
# The shortest history a rate per day is taken over, so crimes all on one day give a finite rate.
_MIN_HISTORY_DAYS = 1.0
_DAYS_PER_WEEK = 7.0
# Kernel and prospective spreading work on blocks of (crime location x cell) of about this size.
_SPREAD_BLOCK = 2**20
# A lookup table covering the candidate cells' bounding box is used up to this many entries (int32).
_MAX_TABLE_ENTRIES = 25_000_000
# ... and while it has at most this many entries per candidate cell (a sparse lattice is searched).
_TABLE_ENTRIES_PER_CELL = 16


@dataclass(frozen=True)
class Lattice:
    """The candidate cells a forecast scores.

    Attributes
    ----------
    col, row : ndarray of int64
        The cells of :mod:`core.grid`'s fixed lattice, each once.
    cell_size : float
        Cell size in metres.
    shape : {grid.SQUARE, grid.HEXAGON}
    """

    col: np.ndarray
    row: np.ndarray
    cell_size: float
    shape: int = grid.SQUARE


@dataclass
class Forecast:
    """The scores of one method at one origin.

    Attributes
    ----------
    score : ndarray of float
        One value per lattice cell, not negative.
    expected : bool
        True when ``score`` is expected crimes (or weight) in ``[origin, origin + horizon)``; False
        for a relative score.
    method : int
    settings : dict
        The settings used, defaults filled in.
    fitted : dict
        For the self-exciting model: ``mu_total_per_day``, ``theta``, ``omega_per_day``,
        ``iterations``, ``converged``, ``log_likelihood`` and ``time_cutoff_days``; else empty.
    """

    score: np.ndarray
    expected: bool
    method: int
    settings: dict
    fitted: dict

    def settings_text(self):
        """The settings as text, e.g. ``"bandwidth=300, window_days=365"`` (``""`` for none)."""
        return settings_text(self.settings)


def settings_text(settings):
    """Settings as ``"key=value"`` pairs in key order, values in ``"{:g}"`` format.

    Examples
    --------
    >>> settings_text({"window_days": 365, "bandwidth": 300.0})
    'bandwidth=300, window_days=365'
    >>> settings_text({})
    ''
    """
    return ", ".join(f"{key}={value:g}" for key, value in sorted(settings.items()))


def forecast(method, x, y, t, origin, lattice, horizon_days, weights=None, settings=None, progress=None):
    """Score the lattice's cells for crime in ``[origin, origin + horizon_days)``.

    Parameters
    ----------
    method : {COUNTS, RECENCY, KERNEL, PROSPECTIVE, SEPP}
    x, y : array_like of float
        Crime coordinates in metres (projected CRS).
    t : array_like of float
        Crime times in days on any epoch (fractions allowed).  Only crimes with ``t < origin`` are
        used.
    origin : float
        The forecast origin, a day on the same epoch.
    lattice : Lattice
        The candidate cells.  Crimes outside them score nowhere, except that kernel and prospective
        spreading reach candidate cells near them.
    horizon_days : float
        Length of the forecast period.
    weights : array_like of float, optional
        A weight per crime (e.g. harm), not negative; not for the self-exciting model.
    settings : dict, optional
        Settings merged over :data:`DEFAULT_SETTINGS` ``[method]``.
    progress : callable, optional
        See :mod:`core.progress`.

    Returns
    -------
    Forecast

    Raises
    ------
    InputError
        An unknown method or setting, a setting out of range, no crime before the origin, weights
        for the self-exciting model, bad coordinates, times or weights.

    Examples
    --------
    >>> cells = Lattice(col=np.array([0, 1]), row=np.array([0, 0]), cell_size=150.0)
    >>> result = forecast(COUNTS, [10.0, 20.0, 160.0], [5.0, 5.0, 5.0], [1.0, 2.0, 3.0], origin=11.0,
    ...                   lattice=cells, horizon_days=5, settings={"window_days": 10})
    >>> result.score.tolist(), result.settings_text()
    ([1.0, 0.5], 'window_days=10')
    """
    settings = merged_settings(method, settings)
    x, y, t, weights = _checked_crimes(x, y, t, weights, method)
    origin, horizon_days = _checked_period(origin, horizon_days)
    col, row, cell_size, shape = _checked_lattice(lattice, x, y)
    report(progress, 0.0)
    training = t < origin
    if not training.any():
        raise InputError("There is no crime before the forecast origin: move the origin later, or give crimes "
                         "from before it.", setting="origin")
    x, y, t = x[training], y[training], t[training]
    weights = None if weights is None else weights[training]
    index = LatticeIndex(col, row)
    history = max(origin - t.min(), _MIN_HISTORY_DAYS)
    fitted = {}
    if method == COUNTS:
        keep, length = _window(t, origin, settings["window_days"], history)
        cell_index = index.of(*grid.cells_of_points(x[keep], y[keep], cell_size, shape))
        score = _sum_by_cell(cell_index, _weights_of(weights, keep), col.size) / length * horizon_days
    elif method == RECENCY:
        half_life = settings["half_life_days"]
        recency = 0.5 ** ((origin - t) / half_life) * (1.0 if weights is None else weights)
        cell_index = index.of(*grid.cells_of_points(x, y, cell_size, shape))
        effective_days = half_life / math.log(2.0) * -math.expm1(-math.log(2.0) * history / half_life)
        score = _sum_by_cell(cell_index, recency, col.size) / effective_days * horizon_days
    elif method == KERNEL:
        keep, length = _window(t, origin, settings["window_days"], history)
        spread = _spread(x[keep], y[keep], _weights_of(weights, keep), index, cell_size, shape,
                         settings["bandwidth"], _quartic, True, progress)
        score = spread / length * horizon_days
    elif method == PROSPECTIVE:
        age = origin - t
        keep = age <= settings["time_bandwidth_days"]
        recent = _weights_of(weights, keep) / (1.0 + age[keep] / _DAYS_PER_WEEK)
        score = _spread(x[keep], y[keep], recent, index, cell_size, shape, settings["bandwidth"],
                        _inverse_distance(cell_size), False, progress)
    else:
        score, fitted = _sepp_forecast(x, y, t, origin, horizon_days, index, cell_size, shape, progress)
    report(progress, 1.0)
    return Forecast(score=np.maximum(score, 0.0), expected=method != PROSPECTIVE, method=method,
                    settings=settings, fitted=fitted)


def merged_settings(method, settings=None):
    """The settings of ``method``: ``settings`` over :data:`DEFAULT_SETTINGS`, checked.

    Raises
    ------
    InputError
        An unknown method or setting, or a value that is not a finite number in range.
    """
    if method not in DEFAULT_SETTINGS:
        choices = ", ".join(f"{number} ({name})" for number, name in enumerate(METHOD_NAMES))
        raise InputError(f"Unknown forecast method {method!r}: use {choices}.", setting="method")
    merged = dict(DEFAULT_SETTINGS[method])
    for key, value in (settings or {}).items():
        if key not in merged:
            valid = ", ".join(sorted(merged)) or "none"
            raise InputError(f"The {METHOD_NAMES[method]} method has no setting {key!r}; its settings are: "
                             f"{valid}.", setting="settings")
        merged[key] = value
    for key, value in merged.items():
        words = _SETTING_WORDS[key]
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise InputError(f"The {words} must be a number, not {value!r}.", setting=key) from None
        if not math.isfinite(number) or number < 0 or (number == 0 and key not in _MAY_BE_ZERO):
            allowed = "0 (all history) or more" if key in _MAY_BE_ZERO else "more than 0"
            raise InputError(f"The {words} must be {allowed}, not {value!r}.", setting=key)
    return merged


def _checked_crimes(x, y, t, weights, method):
    x, y, t = (np.asarray(values, dtype=float).ravel() for values in (x, y, t))
    if not x.size == y.size == t.size:
        raise InputError(f"Give one x, y and time per crime (got {x.size:,} x, {y.size:,} y and {t.size:,} "
                         "times).", setting="t")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise InputError("Some crimes have no location (a coordinate that is not a number); leave them out.",
                         setting="x")
    if not np.isfinite(t).all():
        raise InputError("Some crimes have no time (a time that is not a number); leave them out.", setting="t")
    if weights is not None:
        if method == SEPP:
            raise InputError("The self-exciting point process counts crimes: it cannot weigh them. Leave the "
                             "weight empty for this method.", setting="weights")
        weights = np.asarray(weights, dtype=float).ravel()
        if weights.size != x.size:
            raise InputError(f"Give one weight per crime ({weights.size:,} weights for {x.size:,} crimes).",
                             setting="weights")
        grid.check_weights(weights)
    return x, y, t, weights


def _checked_period(origin, horizon_days):
    origin, horizon_days = float(origin), float(horizon_days)
    if not math.isfinite(origin):
        raise InputError(f"The forecast origin must be a day, not {origin}.", setting="origin")
    if not (math.isfinite(horizon_days) and horizon_days > 0):
        raise InputError(f"The forecast horizon must be more than 0 days, not {horizon_days:g}.",
                         setting="horizon_days")
    return origin, horizon_days


def _checked_lattice(lattice, x, y):
    col = np.asarray(lattice.col, dtype=np.int64).ravel()
    row = np.asarray(lattice.row, dtype=np.int64).ravel()
    if col.size != row.size:
        raise InputError("The lattice needs one row per column.", setting="lattice")
    cell_size = float(lattice.cell_size)
    grid.check_size_for_coordinates(cell_size, grid.coordinate_magnitude(x, y))
    if lattice.shape not in (grid.SQUARE, grid.HEXAGON):
        raise InputError(f"Unknown cell shape {lattice.shape!r}: use 0 (square) or 1 (hexagon).",
                         setting="lattice")
    return col, row, cell_size, lattice.shape


def _window(t, origin, window_days, history):
    """Which crimes are in the last ``window_days`` before the origin, and the window's length: a window
    reaching back before the first crime is only as long as the history, or the rate per day would be
    diluted by days nobody recorded."""
    if window_days == 0:
        return np.ones(t.size, dtype=bool), history
    return t >= origin - window_days, min(float(window_days), history)


def _weights_of(weights, keep):
    return np.ones(int(np.count_nonzero(keep))) if weights is None else weights[keep]


def _sum_by_cell(cell_index, values, n_cells):
    inside = cell_index >= 0
    return np.bincount(cell_index[inside], weights=values[inside], minlength=n_cells).astype(float)


class LatticeIndex:
    """Maps cells ``(col, row)`` to their position among the lattice's cells, -1 when not a candidate."""

    def __init__(self, col, row):
        self.size = col.size
        if col.size == 0:
            return
        self._col_min, self._row_min = int(col.min()), int(row.min())
        self._width = int(col.max()) - self._col_min + 1
        self._height = int(row.max()) - self._row_min + 1
        if self._width * self._height <= min(_MAX_TABLE_ENTRIES, max(_TABLE_ENTRIES_PER_CELL * col.size, 2**20)):
            self._table = np.full(self._width * self._height, -1, dtype=np.int32)
            key = (row - self._row_min) * self._width + (col - self._col_min)
            self._table[key] = np.arange(col.size, dtype=np.int32)
            distinct = int(np.count_nonzero(self._table >= 0))
        else:
            # Columns and rows coded by rank: the combined key stays below (number of cells)**2.
            self._table = None
            self._lookup_cols, self._lookup_rows = np.unique(col), np.unique(row)
            key = self._rank_key(col, row)
            self._order = np.argsort(key, kind="stable")
            self._sorted_key = key[self._order]
            distinct = int(np.unique(self._sorted_key).size)
        if distinct != col.size:
            raise InputError(f"The lattice lists {col.size - distinct:,} cells more than once: give each candidate "
                             "cell once.", setting="lattice")

    def _rank_key(self, col, row):
        return (np.searchsorted(self._lookup_rows, row) * self._lookup_cols.size
                + np.searchsorted(self._lookup_cols, col))

    def of(self, col, row):
        """Position of each cell among the lattice's cells, -1 for cells not in the lattice."""
        col = np.asarray(col, dtype=np.int64)
        row = np.asarray(row, dtype=np.int64)
        if self.size == 0:
            return np.full(col.shape, -1, dtype=np.int64)
        if self._table is not None:
            c, r = col - self._col_min, row - self._row_min
            inside = (c >= 0) & (c < self._width) & (r >= 0) & (r < self._height)
            found = np.full(col.shape, -1, dtype=np.int64)
            found[inside] = self._table[r[inside] * self._width + c[inside]]
            return found
        ranked_col = np.minimum(np.searchsorted(self._lookup_cols, col), self._lookup_cols.size - 1)
        ranked_row = np.minimum(np.searchsorted(self._lookup_rows, row), self._lookup_rows.size - 1)
        known = (self._lookup_cols[ranked_col] == col) & (self._lookup_rows[ranked_row] == row)
        key = ranked_row * self._lookup_cols.size + ranked_col
        where = np.minimum(np.searchsorted(self._sorted_key, key), self._sorted_key.size - 1)
        known &= self._sorted_key[where] == key
        return np.where(known, self._order[where], -1)


def _quartic(distance, bandwidth):
    return np.where(distance < bandwidth, (1.0 - (distance / bandwidth) ** 2) ** 2, 0.0)


def _inverse_distance(cell_size):
    def profile(distance, bandwidth):
        return np.where(distance <= bandwidth, 1.0 / (1.0 + distance / cell_size), 0.0)
    return profile


def _spread(x, y, values, index, cell_size, shape, bandwidth, profile, normalise, progress):
    """Spread each crime's value over the lattice cells whose centres are within ``bandwidth``.

    A cell ``d`` metres away gets ``value * profile(d, bandwidth)``, divided, when ``normalise``, by the
    sum of the profile over every centre of the unbounded lattice within reach of the crime.  Crimes at
    one place are merged first (open data snaps many to one point): the kernel is still evaluated at
    their true positions.
    """
    score = np.zeros(index.size)
    if x.size == 0 or index.size == 0:
        return score
    x, y, values = _merged_locations(x, y, values)
    col, row = grid.cells_of_points(x, y, cell_size, shape)
    centre_x, centre_y = grid.cell_centres(col, row, cell_size, shape)
    offset_x, offset_y = x - centre_x, y - centre_y
    # A crime lies within this distance of its cell's centre, so every centre within reach of it is
    # within bandwidth + reach of that centre.
    reach = cell_size / math.sqrt(2.0) if shape == grid.SQUARE else grid.hexagon_radius(cell_size)
    parities = (row & 1) if shape == grid.HEXAGON else np.zeros(row.size, dtype=np.int64)
    done = 0
    for parity in np.unique(parities):
        crimes = np.flatnonzero(parities == parity)
        step_col, step_row, step_x, step_y = _nearby_cells(cell_size, shape, int(parity), bandwidth + reach)
        block = max(1, _SPREAD_BLOCK // max(step_col.size, 1))
        for start in range(0, crimes.size, block):
            chunk = crimes[start:start + block]
            distance = np.hypot(step_x - offset_x[chunk, None], step_y - offset_y[chunk, None])
            share = profile(distance, bandwidth)
            if normalise:
                total = share.sum(axis=1)
                lonely = total == 0
                # No centre within the bandwidth: the crime stays in its own cell (the kernel's limit).
                share[lonely] = (step_col == 0) & (step_row == 0)
                share /= np.where(lonely, 1.0, total)[:, None]
            crime, step = np.nonzero(share)
            target = index.of(col[chunk][crime] + step_col[step], row[chunk][crime] + step_row[step])
            inside = target >= 0
            score += np.bincount(target[inside], weights=(values[chunk][crime] * share[crime, step])[inside],
                                 minlength=index.size)
            done += chunk.size
            report(progress, 0.9 * done / x.size)
    return score


def _merged_locations(x, y, values):
    """Crimes at identical coordinates as one location carrying their summed value."""
    order = np.lexsort((y, x))
    x, y, values = x[order], y[order], values[order]
    new = np.ones(x.size, dtype=bool)
    new[1:] = (x[1:] != x[:-1]) | (y[1:] != y[:-1])
    starts = np.flatnonzero(new)
    return x[starts], y[starts], np.add.reduceat(values, starts)


def _nearby_cells(cell_size, shape, parity, radius):
    """Column and row steps from a cell in row ``parity`` to the cells whose centres are within
    ``radius`` of its centre, and those centres' offsets from it."""
    if shape == grid.SQUARE:
        col_spacing = row_spacing = cell_size
    else:
        row_spacing = 1.5 * grid.hexagon_radius(cell_size)
        col_spacing = math.sqrt(3.0) * grid.hexagon_radius(cell_size)
    cols = math.ceil(radius / col_spacing) + 1
    rows = math.ceil(radius / row_spacing) + 1
    step_col, step_row = (a.ravel() for a in np.meshgrid(np.arange(-cols, cols + 1), np.arange(-rows, rows + 1)))
    home_x, home_y = grid.cell_centres(0, parity, cell_size, shape)
    near_x, near_y = grid.cell_centres(step_col, parity + step_row, cell_size, shape)
    step_x, step_y = near_x - home_x, near_y - home_y
    # A sliver of slack: a centre exactly at the bandwidth must not be lost to rounding.
    near = np.hypot(step_x, step_y) <= radius * (1.0 + 1e-9)
    return step_col[near], step_row[near], step_x[near], step_y[near]


def _sepp_forecast(x, y, t, origin, horizon_days, index, cell_size, shape, progress):
    """Fit the lattice self-exciting model to every training crime (also outside the candidate cells,
    which inform the offspring's number and delay) and forecast the candidate cells."""
    col, row = grid.cells_of_points(x, y, cell_size, shape)
    order = np.lexsort((row, col))
    new = np.ones(col.size, dtype=bool)
    new[1:] = (col[order][1:] != col[order][:-1]) | (row[order][1:] != row[order][:-1])
    code = np.empty(col.size, dtype=np.int64)
    code[order] = np.cumsum(new) - 1
    cell_col, cell_row = col[order][new], row[order][new]
    model = sepp.fit(t, code, origin, n_cells=cell_col.size,
                     progress=None if progress is None else lambda done: progress(0.95 * done))
    per_code = model.expected_crimes(t, code, origin, horizon_days)
    target = index.of(cell_col, cell_row)
    inside = target >= 0
    score = np.zeros(index.size)
    score[target[inside]] = per_code[inside]
    fitted = {"mu_total_per_day": float(model.mu.sum()), "theta": model.theta, "omega_per_day": model.omega,
              "iterations": model.iterations, "converged": model.converged,
              "log_likelihood": model.log_likelihood, "time_cutoff_days": model.time_cutoff_days}
    return score, fitted
