"""Getis-Ord local statistics (Gi and Gi*) with binary distance-band weights.

The z-scores are Ord & Getis's closed form, the same numbers as PySAL esda's
``G_Local(y, w, transform='B', star=...)`` attribute ``Zs``, computed here
without PySAL: a KD-tree finds the neighbours of arbitrary features, and a
lattice convolution serves features that are cells of one regular grid.

References
----------
Getis, A. and Ord, J. K. (1992). The analysis of spatial association by use
    of distance statistics. Geographical Analysis 24(3), 189-206.
Ord, J. K. and Getis, A. (1995). Local spatial autocorrelation statistics:
    distributional issues and an application. Geographical Analysis 27(4),
    286-306.
Benjamini, Y. and Hochberg, Y. (1995). Controlling the false discovery rate.
    Journal of the Royal Statistical Society B 57(1), 289-300.
"""

from dataclasses import dataclass

import numpy as np
from scipy import ndimage, special
from scipy.spatial import cKDTree

from .progress import report

CONFIDENCE_LEVELS = ((3, 0.01), (2, 0.05), (1, 0.10))


@dataclass(frozen=True)
class GetisOrd:
    """Gi or Gi* for every feature.

    Attributes
    ----------
    z : ndarray
        z-score; NaN where it is undefined (no variance).
    p : ndarray
        Two-sided p-value under the normal approximation.
    bin : ndarray of int
        3/2/1 hot spot at 99/95/90% confidence, -3/-2/-1 cold, 0 not
        significant (ArcGIS's Gi_Bin).
    neighbours : ndarray of int
        Number of neighbours (including the feature itself for Gi*).
    """

    z: np.ndarray
    p: np.ndarray
    bin: np.ndarray
    neighbours: np.ndarray


def smallest_connecting_distance(x, y):
    """The smallest distance band that gives every feature at least one other neighbour."""
    points = np.column_stack((np.asarray(x, float), np.asarray(y, float)))
    if len(points) < 2:
        raise ValueError("Getis-Ord needs at least two features.")
    distance, _ = cKDTree(points).query(points, k=2)
    return float(distance[:, 1].max())


def getis_ord(x, y, values, distance, star=True, fdr=False, progress=None):
    """Gi* (or Gi) with a fixed distance band, for features at arbitrary places.

    Parameters
    ----------
    x, y : array_like
        Feature locations in a metric CRS.
    values : array_like
        The attribute (e.g. crime count per cell).
    distance : float
        Features are neighbours when their distance is <= ``distance``.
    star : bool
        True for Gi* (each feature is its own neighbour), False for Gi.
    fdr : bool
        Apply the Benjamini-Hochberg false-discovery-rate correction to the
        confidence bins.
    progress : callable, optional
        See :mod:`core.progress`.

    Returns
    -------
    GetisOrd
    """
    x, y, values = _check(x, y, values, distance)
    tree = cKDTree(np.column_stack((x, y)))
    report(progress, 0.1)
    # Pairs within the band in both directions, self-pairs included (distance 0).
    pairs = tree.sparse_distance_matrix(tree, distance, output_type="ndarray")
    report(progress, 0.6)
    i, j = pairs["i"], pairs["j"]
    if not star:
        i, j = i[i != j], j[i != j]
    # sparse_distance_matrix leaves out the self-pair when it stores zero distances
    # sparsely; count each self-pair exactly once for Gi*.
    if star:
        keep = i != j
        i, j = np.concatenate((i[keep], np.arange(x.size))), np.concatenate((j[keep], np.arange(x.size)))
    lag = np.bincount(i, weights=values[j], minlength=x.size)
    cardinality = np.bincount(i, minlength=x.size).astype(float)
    report(progress, 0.8)
    return _z_scores(values, lag, cardinality, star, fdr)


def getis_ord_lattice(col, row, values, cell_size, distance, star=True, fdr=False, progress=None):
    """Gi* (or Gi) for features that are cells of one square lattice.

    The same numbers as :func:`getis_ord` on the cells' centres, computed by
    convolving the lattice with the disc of cell offsets within ``distance``.
    Cells not listed are not features (they are neither neighbours nor counted).
    """
    col = np.asarray(col, dtype=np.int64)
    row = np.asarray(row, dtype=np.int64)
    values = np.asarray(values, dtype=float)
    if not (col.shape == row.shape == values.shape):
        raise ValueError("col, row and values must have the same length.")
    if distance < 0 or not np.isfinite(distance):
        raise ValueError(f"The distance band must be a positive number of metres, not {distance}.")
    reach = int(np.floor(distance / cell_size + 1e-9))
    offsets = np.arange(-reach, reach + 1)
    # Offsets whose centre distance is within the band (same tolerance as the KD-tree).
    stencil = (offsets[:, None] ** 2 + offsets[None, :] ** 2) * cell_size ** 2 <= distance ** 2 * (1 + 1e-12)
    if not star:
        stencil[reach, reach] = False
    r0, c0 = row.min() - reach, col.min() - reach
    shape = (int(row.max() - r0 + reach + 1), int(col.max() - c0 + reach + 1))
    if shape[0] * shape[1] > 200_000_000:
        raise ValueError("The cells spread too far apart for the lattice method; use the point method.")
    present = np.zeros(shape)
    filled = np.zeros(shape)
    present[row - r0, col - c0] = 1.0
    filled[row - r0, col - c0] = values
    report(progress, 0.2)
    weights = stencil.astype(float)
    lag = ndimage.correlate(filled, weights, mode="constant")[row - r0, col - c0]
    report(progress, 0.6)
    cardinality = np.rint(ndimage.correlate(present, weights, mode="constant")[row - r0, col - c0])
    report(progress, 0.8)
    return _z_scores(values, lag, cardinality, star, fdr)


def _check(x, y, values, distance):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    values = np.asarray(values, dtype=float)
    if not (x.shape == y.shape == values.shape) or x.ndim != 1:
        raise ValueError("x, y and values must be 1-D arrays of the same length.")
    if x.size < 2:
        raise ValueError("Getis-Ord needs at least two features.")
    if not np.all(np.isfinite(values)):
        raise ValueError("values contain NaN or infinite numbers; fill or drop them first.")
    if not np.isfinite(distance) or distance < 0:
        raise ValueError(f"The distance band must be a positive number of metres, not {distance}.")
    return x, y, values


def _z_scores(values, lag, cardinality, star, fdr):
    """Ord & Getis (1995) closed-form z-scores from the spatial lag and neighbour counts."""
    n = values.size
    remove_self = 0.0 if star else 1.0
    n_others = n - remove_self
    total = values.sum() - values * remove_self
    mean = total / n_others
    mean_of_squares = ((values ** 2).sum() - values ** 2 * remove_self) / n_others
    variance = mean_of_squares - mean ** 2
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = lag / total
        expected = cardinality / n_others
        expected_variance = (cardinality * (n_others - cardinality) / (n_others - 1)
                             / n_others ** 2 * (variance / mean ** 2))
        z = (statistic - expected) / np.sqrt(expected_variance)
    z = np.where(np.isfinite(z), z, np.nan)
    p = special.erfc(np.abs(z) / np.sqrt(2.0))
    return GetisOrd(z=z, p=p, bin=confidence_bins(z, p, fdr), neighbours=cardinality.astype(np.int64))


def confidence_bins(z, p, fdr=False):
    """ArcGIS-style Gi_Bin: +/-3, 2, 1 at 99, 95, 90% confidence, else 0.

    With ``fdr`` the p-value threshold of each level is lowered by the
    Benjamini-Hochberg procedure over all features.
    """
    valid = np.isfinite(p)
    bins = np.zeros(p.shape, dtype=np.int64)
    for level, alpha in reversed(CONFIDENCE_LEVELS):
        threshold = _benjamini_hochberg_threshold(p[valid], alpha) if fdr else alpha
        significant = valid & (np.nan_to_num(p, nan=1.0) <= threshold)
        bins[significant] = level * np.sign(z[significant]).astype(np.int64)
    return bins


def _benjamini_hochberg_threshold(p, alpha):
    """The largest p-value still significant at false-discovery rate ``alpha`` (-1 if none)."""
    ordered = np.sort(p)
    passing = np.flatnonzero(ordered <= alpha * np.arange(1, ordered.size + 1) / max(ordered.size, 1))
    return ordered[passing[-1]] if passing.size else -1.0
