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

from .errors import InputError
from .grid import SQUARE, parse_cell_id
from .lazy_scipy import ndimage, spatial, special
from .progress import report

CONFIDENCE_LEVELS = ((3, 0.01), (2, 0.05), (1, 0.10))
# Neighbour pairs (ordered, each feature with itself included) a distance band may make: about
# 6 s of KD-tree work. The pairs are counted before any is built, and built a chunk at a time.
MAX_PAIRS = 100_000_000
_CHUNK_PAIRS = 4_000_000
# Lattice convolution work (lattice cells x stencil cells) above which the cells go through the
# KD-tree instead (the same numbers).
MAX_LATTICE_WORK = 1_000_000_000
_MAX_LATTICE_CELLS = 200_000_000
# A box more than this many times the cells (with the stencil) is filled too sparsely to convolve.
_DENSE_FACTOR = 4


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
    isolated : ndarray of bool
        Features with no neighbour but themselves within the band: their z
        and p are NaN and their bin 0, as nothing around them can make a hot
        or a cold spot.
    """

    z: np.ndarray
    p: np.ndarray
    bin: np.ndarray
    neighbours: np.ndarray
    isolated: np.ndarray

    @property
    def hot_spots(self):
        """Features in a hot spot bin (90% confidence or more)."""
        return int(np.count_nonzero(self.bin > 0))

    @property
    def cold_spots(self):
        """Features in a cold spot bin (90% confidence or more)."""
        return int(np.count_nonzero(self.bin < 0))


#: Relative slack on the distance band: "within d" holds for a distance of d computed in floating point.
BAND_TOLERANCE = 1e-9


def smallest_connecting_distance(x, y):
    """The smallest distance band that gives every feature at least one other neighbour."""
    points = np.column_stack((np.asarray(x, float), np.asarray(y, float)))
    if len(points) < 2:
        raise InputError("Getis-Ord needs at least two features.")
    distance, _ = spatial.cKDTree(points).query(points, k=2)
    return float(distance[:, 1].max())


def check_pair_count(n_pairs, n_features, distance, largest_fitting, max_pairs=MAX_PAIRS, unit="m",
                     what="features"):
    """Refuse a distance band that makes more than ``max_pairs`` neighbour pairs.

    Parameters
    ----------
    n_pairs : int
        Ordered neighbour pairs within the band, each feature with itself included.
    n_features : int
    distance : float
        The band, for the message.
    largest_fitting : float or None
        The largest band found whose pairs fit, suggested in the message.
    max_pairs : int
    unit : str
    what : str
        What the features are (features, cells), for the message.

    Raises
    ------
    InputError
        Naming the band, the pairs, the limit and a band that fits.
    """
    if n_pairs <= max_pairs:
        return
    if largest_fitting:
        # Rounded down to four significant digits, so the band suggested does fit.
        step = 10.0 ** (np.floor(np.log10(largest_fitting)) - 3)
        fix = f"Use a distance band of at most {np.floor(largest_fitting / step) * step:.12g} {unit}"
    else:
        fix = "Use a smaller distance band"
    raise InputError(
        f"A distance band of {distance:g} {unit} makes each of the {n_features:,} {what} a neighbour of "
        f"{n_pairs / max(n_features, 1):,.0f} {what} on average: {n_pairs:,} neighbour pairs, over the limit "
        f"of {max_pairs:,} for this analysis (the work and memory grow with the pairs). {fix} (a hot spot is a "
        f"cluster of nearby {what}, so a band of a few hundred metres is usual), or use the default band.",
        setting="distance")


def largest_band_within(tree, distance, max_pairs):
    """About the largest band below ``distance`` whose neighbour pairs fit ``max_pairs`` (None if none).

    Two geometric ladders of bands, from the shortest distance between two
    distinct points up to ``distance``, counted by the tree without building
    any pair.
    """
    nearest, _ = tree.query(tree.data, k=2)
    gaps = nearest[:, 1][nearest[:, 1] > 0]
    low, high = (float(gaps.min()) if gaps.size else distance), float(distance)
    for _ in range(2):
        if not 0 < low < high:
            break
        bands = np.geomspace(low, high, 200)
        fits = np.asarray(tree.count_neighbors(tree, bands)) <= max_pairs
        if not fits.any():
            return None
        last = int(np.flatnonzero(fits)[-1])
        low, high = bands[last], bands[min(last + 1, bands.size - 1)]
    return float(low) if np.asarray(tree.count_neighbors(tree, low)) <= max_pairs else None


def _neighbour_sums(points, values, radius, star, max_pairs, distance, scale, unit="m", progress=None):
    """Spatial lag and neighbour count of every point within ``radius`` (inclusive).

    The pairs are counted first (without building them) and refused over
    ``max_pairs``; then built a chunk of query points at a time, so memory
    stays bounded whatever the band.  ``distance`` and ``scale`` (band and
    suggestion in metres = ``scale`` x lattice units) only word the message.
    """
    n = len(points)
    tree = spatial.cKDTree(points)
    lengths = tree.query_ball_point(points, radius, return_length=True).astype(np.int64)
    n_pairs = int(lengths.sum())
    if n_pairs > max_pairs:
        fitting = largest_band_within(tree, radius, max_pairs)
        check_pair_count(n_pairs, n, distance, None if fitting is None else fitting * scale, max_pairs, unit)
    report(progress, 0.1)
    lag = np.zeros(n)
    # Chunks of consecutive query points holding about _CHUNK_PAIRS pairs each.
    bounds = np.searchsorted(np.cumsum(lengths), np.arange(_CHUNK_PAIRS, n_pairs, _CHUNK_PAIRS))
    edges = np.unique(np.concatenate(([0], bounds + 1, [n])))
    for first, last in zip(edges[:-1], edges[1:]):
        pairs = spatial.cKDTree(points[first:last]).sparse_distance_matrix(tree, radius, output_type="ndarray")
        i, j = pairs["i"] + first, pairs["j"]
        # Zero distances may be stored sparsely: count each self-pair exactly once, from here.
        keep = i != j
        lag += np.bincount(i[keep], weights=values[j[keep]], minlength=n)
        report(progress, 0.1 + 0.7 * last / n)
    cardinality = (lengths - 1).astype(float)  # query_ball_point counts each point itself once
    if star:
        lag += values
        cardinality += 1.0
    return lag, cardinality


def getis_ord(x, y, values, distance, star=True, fdr=False, progress=None, max_pairs=MAX_PAIRS):
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
    max_pairs : int
        The most neighbour pairs (ordered, self included) the band may make:
        they are counted first, and a band making more is refused.

    Returns
    -------
    GetisOrd
        Features with no neighbour but themselves are not classified
        (``isolated``).

    Raises
    ------
    InputError
        For bad input, or a band making more than ``max_pairs`` pairs (the
        message suggests a band that fits).
    """
    x, y, values = _check(x, y, values, distance)
    # A neighbour exactly on the band (a lattice's ring) must not fall out through rounding of its centre.
    lag, cardinality = _neighbour_sums(np.column_stack((x, y)), values, distance * (1 + BAND_TOLERANCE), star,
                                       max_pairs, distance, 1.0, progress=progress)
    report(progress, 0.8)
    return _z_scores(values, lag, cardinality, star, fdr)


def square_lattice(cell_ids):
    """The cells of one square lattice that features are, read from their cell ids.

    Features that are cells of this plugin's grid (``cell_id`` such as
    ``S150_3521_11234``, :func:`core.grid.cell_ids`) can go through
    :func:`getis_ord_lattice` instead of the KD-tree.

    Parameters
    ----------
    cell_ids : sequence of str or None
        One id per feature; None for a feature without one.

    Returns
    -------
    tuple of (ndarray of int64, ndarray of int64, float) or None
        ``(col, row, cell_size)`` when every id names a square cell, all of
        one size, and no two the same cell; otherwise None (hexagons, other
        texts, mixed sizes or repeated cells).

    Examples
    --------
    >>> col, row, size = square_lattice(["S150_3_7", "S150_-2_0"])
    >>> col.tolist(), row.tolist(), size
    ([3, -2], [7, 0], 150.0)
    >>> square_lattice(["S150_3_7", "S100_4_7"]) is None
    True
    """
    cells = [None if cell_id is None else parse_cell_id(str(cell_id)) for cell_id in cell_ids]
    if not all(cell is not None and cell[0] == SQUARE for cell in cells) or len({cell[1] for cell in cells}) != 1:
        return None
    col = np.array([cell[2] for cell in cells], dtype=np.int64)
    row = np.array([cell[3] for cell in cells], dtype=np.int64)
    if len(set(zip(col.tolist(), row.tolist()))) != col.size:
        return None
    return col, row, cells[0][1]


def lattice_radius(cell_size, distance):
    """The band in lattice units that selects exactly the cell offsets within ``distance``.

    Offsets (dc, dr) are neighbours when ``(dc² + dr²) s² <= d² (1 + 1e-12)``;
    squared offsets are integers, so any radius between the square roots of
    the largest one allowed and the next integer selects the same offsets.
    """
    largest = np.floor((distance / cell_size) ** 2 * (1 + 1e-12) + 1e-9)
    return float(np.sqrt(largest + 0.5))


def lattice_stencil(cell_size, distance, reach):
    """The ``(2 reach + 1)``-square of cell offsets, True where the centres are within ``distance``
    (the tolerance of :func:`lattice_radius`, so the KD-tree finds the same neighbours)."""
    offsets = np.arange(-reach, reach + 1)
    return (offsets[:, None] ** 2 + offsets[None, :] ** 2) * cell_size ** 2 <= distance ** 2 * (1 + 1e-12)


def getis_ord_lattice(col, row, values, cell_size, distance, star=True, fdr=False, progress=None,
                      max_pairs=MAX_PAIRS):
    """Gi* (or Gi) for features that are cells of one square lattice.

    The same numbers as :func:`getis_ord` on the cells' centres, computed by
    convolving the lattice with the disc of cell offsets within ``distance``.
    Cells not listed are not features (they are neither neighbours nor counted).
    Cells that fill less than a quarter of their bounding box (e.g. a few
    cells far from the rest) are not convolved: each offset of the disc is
    looked up among the listed cells, so the work follows the number of cells,
    not their extent.  When either would cost more than
    :data:`MAX_LATTICE_WORK` (a band wide against the cells' spread), the
    cells' offsets go through the KD-tree instead, with the same neighbours
    and the bound ``max_pairs`` of :func:`getis_ord`.
    """
    col = np.asarray(col, dtype=np.int64)
    row = np.asarray(row, dtype=np.int64)
    values = np.asarray(values, dtype=float)
    if not (col.shape == row.shape == values.shape):
        raise InputError("col, row and values must have the same length.")
    if col.size < 2:
        raise InputError("Getis-Ord needs at least two features.")
    if distance < 0 or not np.isfinite(distance):
        raise InputError(f"The distance band must be a positive number of metres, not {distance}.")
    if not np.all(np.isfinite(values)):
        raise InputError("values contain NaN or infinite numbers; fill or drop them first.")
    # Offsets beyond the cells' own spread never join two listed cells.
    spread = int(max(np.ptp(col), np.ptp(row)))
    reach = min(int(np.floor(distance / cell_size + 1e-9)), spread)
    shape = (int(np.ptp(row)) + 2 * reach + 1, int(np.ptp(col)) + 2 * reach + 1)
    stencil_cells = (2 * reach + 1) ** 2
    box_cells = float(shape[0]) * shape[1]
    dense = box_cells <= _MAX_LATTICE_CELLS and box_cells * stencil_cells <= MAX_LATTICE_WORK
    # Cells scattered over a box far larger than they fill (a few far from the rest) are looked up
    # offset by offset, so the work follows the cells, not their extent.
    sparse = (box_cells > _DENSE_FACTOR * (col.size + stencil_cells) and box_cells < 2.0 ** 62
              and float(col.size) * stencil_cells <= MAX_LATTICE_WORK)
    if not (dense or sparse):
        points = np.column_stack((col, row)).astype(float)
        lag, cardinality = _neighbour_sums(points, values, lattice_radius(cell_size, distance), star, max_pairs,
                                           distance, cell_size, progress=progress)
        report(progress, 0.8)
        return _z_scores(values, lag, cardinality, star, fdr)
    stencil = lattice_stencil(cell_size, distance, reach)
    if not star:
        stencil[reach, reach] = False
    r0, c0 = row.min() - reach, col.min() - reach
    if sparse:
        lag, cardinality = _sparse_lattice_sums(row - r0, col - c0, shape[1], values, stencil, reach, progress)
        return _z_scores(values, lag, cardinality, star, fdr)
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


def _sparse_lattice_sums(row, col, width, values, stencil, reach, progress):
    """Spatial lag and neighbour count of lattice cells by looking up each stencil offset.

    ``row`` and ``col`` are offset so that every neighbour lies inside a box
    ``width`` columns wide: cell keys ``row * width + col`` then never wrap.
    """
    key = row * width + col
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    lag = np.zeros(key.size)
    cardinality = np.zeros(key.size)
    dr, dc = np.nonzero(stencil)
    for step, (d_row, d_col) in enumerate(zip((dr - reach).tolist(), (dc - reach).tolist())):
        wanted = key + d_row * width + d_col
        position = np.minimum(np.searchsorted(sorted_key, wanted), key.size - 1)
        found = sorted_key[position] == wanted
        lag[found] += values[order[position[found]]]
        cardinality += found
        report(progress, 0.2 + 0.6 * (step + 1) / dr.size)
    return lag, cardinality


def _check(x, y, values, distance):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    values = np.asarray(values, dtype=float)
    if not (x.shape == y.shape == values.shape) or x.ndim != 1:
        raise InputError("x, y and values must be 1-D arrays of the same length.")
    if x.size < 2:
        raise InputError("Getis-Ord needs at least two features.")
    if not np.all(np.isfinite(values)):
        raise InputError("values contain NaN or infinite numbers; fill or drop them first.")
    if not np.isfinite(distance) or distance < 0:
        raise InputError(f"The distance band must be a positive number of metres, not {distance}.")
    return x, y, values


def _z_scores(values, lag, cardinality, star, fdr):
    """Ord & Getis (1995) closed-form z-scores from the spatial lag and neighbour counts."""
    return z_scores_from_sums(values, lag, cardinality, values.size, values.sum(), (values ** 2).sum(), star, fdr)


def z_scores_from_sums(values, lag, cardinality, n, total, total_of_squares, star=True, fdr=False):
    """Ord & Getis (1995) z-scores of some features from the sums over all ``n`` features.

    ``values``, ``lag`` and ``cardinality`` are the scored features' own value, spatial lag (sum of
    the values within the band) and number of features within the band; ``total`` and
    ``total_of_squares`` sum the values and their squares over all ``n`` features, so that a lattice's
    empty cells need not be listed.  With ``fdr`` the bins are corrected over the features given.
    """
    remove_self = 0.0 if star else 1.0
    n_others = n - remove_self
    total = total - values * remove_self
    mean = total / n_others
    mean_of_squares = (total_of_squares - values ** 2 * remove_self) / n_others
    variance = mean_of_squares - mean ** 2
    with np.errstate(divide="ignore", invalid="ignore"):
        statistic = lag / total
        expected = cardinality / n_others
        expected_variance = (cardinality * (n_others - cardinality) / (n_others - 1)
                             / n_others ** 2 * (variance / mean ** 2))
        z = (statistic - expected) / np.sqrt(expected_variance)
    # A feature with no neighbour but itself is compared with nothing around it: not classified.
    isolated = cardinality - (1.0 if star else 0.0) < 0.5
    z = np.where(np.isfinite(z) & ~isolated, z, np.nan)
    p = special.erfc(np.abs(z) / np.sqrt(2.0))
    return GetisOrd(z=z, p=p, bin=confidence_bins(z, p, fdr), neighbours=cardinality.astype(np.int64),
                    isolated=isolated)


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
