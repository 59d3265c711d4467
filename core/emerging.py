"""Emerging hot spots: space-time Gi*, Mann-Kendall trends and ArcGIS's 17 patterns.

A space-time cube holds the crime count of every cell in every time step.
Each bin's Gi* is computed over its space-time neighbourhood: the cells
within the distance band, in this step and the ``time_window - 1`` steps
before it (as ArcGIS's neighbourhood time step).  Each cell's series of Gi*
z-scores is tested for a monotonic trend with Mann-Kendall, and the cell is
put in one of the patterns of ArcGIS Pro's Emerging Hot Spot Analysis.

References
----------
Esri, "How Emerging Hot Spot Analysis works", ArcGIS Pro documentation.
Mann, H. B. (1945). Nonparametric tests against trend. Econometrica 13,
    245-259; Kendall, M. G. (1975). Rank Correlation Methods. Griffin.
Ord, J. K. and Getis, A. (1995), see :mod:`core.getisord`.
"""

import numpy as np
from scipy import ndimage, special

from .getisord import confidence_bins
from .progress import report

NO_PATTERN = "No Pattern Detected"
_KINDS = ("New", "Consecutive", "Intensifying", "Persistent", "Diminishing", "Sporadic",
          "Oscillating", "Historical")
PATTERNS = (NO_PATTERN,) + tuple(f"{kind} {side} Spot" for side in ("Hot", "Cold") for kind in _KINDS)
PERSISTENCE = 0.9
TREND_ALPHA = 0.05


def mann_kendall(series):
    """Mann-Kendall trend test on each row of ``series`` (cells x steps).

    Returns
    -------
    z, p : ndarray
        The continuity-corrected z-score with the tie correction of the
        variance, and its two-sided normal p-value.
    """
    series = np.asarray(series, dtype=float)
    n = series.shape[1]
    i, j = np.triu_indices(n, k=1)
    s = np.sign(series[:, j] - series[:, i]).sum(axis=1)
    variance = np.full(series.shape[0], n * (n - 1) * (2 * n + 5) / 18.0)
    ordered = np.sort(series, axis=1)
    # Ties: for each run of t equal values subtract t(t-1)(2t+5)/18.
    starts = np.ones(ordered.shape, dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    for row in np.flatnonzero(~starts.all(axis=1)):
        run_lengths = np.diff(np.append(np.flatnonzero(starts[row]), n))
        variance[row] -= np.sum(run_lengths * (run_lengths - 1) * (2 * run_lengths + 5)) / 18.0
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(s > 0, (s - 1) / np.sqrt(variance), np.where(s < 0, (s + 1) / np.sqrt(variance), 0.0))
    z = np.where(np.isfinite(z), z, 0.0)
    return z, special.erfc(np.abs(z) / np.sqrt(2.0))


def space_time_gi_star(cube, col, row, cell_size, distance, time_window, fdr=True):
    """Gi* z-scores and bins for every (cell, step) of a space-time cube.

    Parameters
    ----------
    cube : ndarray (cells x steps)
        Counts.
    col, row : ndarray of int
        Each cell's place on a square lattice.
    cell_size, distance : float
        The distance band in the same units as the cell size.
    time_window : int
        Steps in the neighbourhood: this step and ``time_window - 1`` before.
    fdr : bool
        Benjamini-Hochberg correction of the bins, as ArcGIS does.

    Returns
    -------
    z, bins : ndarray (cells x steps)
    """
    cube = np.asarray(cube, dtype=float)
    n_cells, n_steps = cube.shape
    if time_window < 1:
        raise ValueError("TIME_WINDOW must be at least 1 step.")
    reach = int(np.floor(distance / cell_size + 1e-9))
    offsets = np.arange(-reach, reach + 1)
    disc = (offsets[:, None] ** 2 + offsets[None, :] ** 2) * cell_size ** 2 <= distance ** 2 * (1 + 1e-12)
    r0, c0 = row.min() - reach, col.min() - reach
    shape = (int(row.max() - r0 + reach + 1), int(col.max() - c0 + reach + 1), n_steps + time_window - 1)
    filled = np.zeros(shape)
    present = np.zeros(shape)
    pad = time_window - 1
    filled[row - r0, col - c0, pad:] = cube
    present[row - r0, col - c0, pad:] = 1.0
    # The window reaches back in time only: weights sit at lags 0 .. time_window-1.
    stencil = np.zeros(disc.shape + (2 * time_window - 1,))
    stencil[:, :, :time_window] = disc[:, :, None]
    lag = ndimage.correlate(filled, stencil, mode="constant")[row - r0, col - c0, pad:]
    cardinality = np.rint(ndimage.correlate(present, stencil, mode="constant")[row - r0, col - c0, pad:])
    values = cube.ravel()
    n = values.size
    mean = values.mean()
    variance = values.var()
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (lag - cardinality * mean) / np.sqrt(variance * (n * cardinality - cardinality ** 2) / (n - 1))
    z = np.where(np.isfinite(z), z, np.nan)
    p = special.erfc(np.abs(z) / np.sqrt(2.0))
    bins = confidence_bins(z.ravel(), p.ravel(), fdr=fdr).reshape(z.shape)
    return z, bins


def classify(bins, trend_z, trend_p):
    """ArcGIS's emerging hot spot pattern of each cell from its series of Gi* bins.

    Parameters
    ----------
    bins : ndarray (cells x steps)
        Gi* confidence bins (non-zero = significant at 90% or more).
    trend_z, trend_p : ndarray
        Mann-Kendall test of each cell's Gi* z-scores.

    Returns
    -------
    list of str
        One of :data:`PATTERNS` per cell.
    """
    bins = np.asarray(bins)
    patterns = []
    for cell_bins, z, p in zip(bins, trend_z, trend_p):
        pattern = _pattern(cell_bins > 0, cell_bins < 0, z, p, "Hot")
        if pattern is None:
            pattern = _pattern(cell_bins < 0, cell_bins > 0, -z, p, "Cold")
        patterns.append(pattern or NO_PATTERN)
    return patterns


def _pattern(this_side, other_side, rising, p, side):
    """The pattern for one side (hot or cold) or None; ``rising`` is the trend towards this side."""
    n = this_side.size
    share = this_side.sum() / n
    if not this_side[-1]:
        return f"Historical {side} Spot" if share >= PERSISTENCE else None
    if this_side.sum() == 1:
        return f"New {side} Spot"
    if share >= PERSISTENCE:
        if p < TREND_ALPHA:
            return f"{'Intensifying' if rising > 0 else 'Diminishing'} {side} Spot"
        return f"Persistent {side} Spot"
    final_run = n - np.flatnonzero(~this_side)[-1] - 1
    if final_run >= 2 and this_side.sum() == final_run:
        return f"Consecutive {side} Spot"
    if other_side.any():
        return f"Oscillating {side} Spot"
    return f"Sporadic {side} Spot"


def emerging_hot_spots(cube, col, row, cell_size, distance, time_window, progress=None):
    """Space-time Gi*, trends and patterns for a cube of counts.

    Returns
    -------
    dict
        ``category`` (list of str), ``trend_z``, ``trend_p``, ``hot_steps``,
        ``cold_steps`` (per cell) and ``z``, ``bins`` (cells x steps).
    """
    cube = np.asarray(cube, dtype=float)
    if cube.ndim != 2 or cube.shape[1] < 2:
        raise ValueError("Emerging hot spots need at least two time steps; use a shorter STEP or a longer period.")
    report(progress, 0.1)
    z, bins = space_time_gi_star(cube, np.asarray(col), np.asarray(row), cell_size, distance, time_window)
    report(progress, 0.6)
    trend_z, trend_p = mann_kendall(np.nan_to_num(z))
    report(progress, 0.8)
    return {"category": classify(bins, trend_z, trend_p), "trend_z": trend_z, "trend_p": trend_p,
            "hot_steps": (bins > 0).sum(axis=1), "cold_steps": (bins < 0).sum(axis=1), "z": z, "bins": bins}
