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

from .errors import InputError
from .getisord import MAX_PAIRS, check_pair_count, confidence_bins, largest_band_within, lattice_radius
from .lazy_scipy import sparse, spatial, special
from .progress import report
from .timeparse import time_steps

NO_PATTERN = "No Pattern Detected"
_KINDS = ("New", "Consecutive", "Intensifying", "Persistent", "Diminishing", "Sporadic",
          "Oscillating", "Historical")
PATTERNS = (NO_PATTERN,) + tuple(f"{kind} {side} Spot" for side in ("Hot", "Cold") for kind in _KINDS)
PERSISTENCE = 0.9
TREND_ALPHA = 0.05
# The space-time cube (cells with crime x time steps) is held about eight times over as float64:
# 20 million bins take about 1.3 GB. Larger cubes are refused before any is built.
MAX_BINS = 20_000_000
# Neighbour pairs x time steps: the work of summing each bin's space-time neighbourhood.
MAX_NEIGHBOUR_WORK = 2_000_000_000
_CHUNK_PAIRS = 2_000_000
# Series up to this long get their Mann-Kendall S from all pairs of steps (vectorised over cells);
# longer ones from Fenwick trees, O(steps log steps) per cell.
_PAIRWISE_STEPS = 32


def check_cube_size(n_cells, n_steps, step="step", earliest=None, latest=None, max_bins=MAX_BINS):
    """Refuse a space-time cube of more than ``max_bins`` bins before it is built.

    Parameters
    ----------
    n_cells : int
        Cells with at least one crime.
    n_steps : int
        Time steps from the first to the last.
    step : str
        The step's name (day, week, month), for the message.
    earliest, latest : object, optional
        The earliest and latest crime times (or period bounds), named in the message.
    max_bins : int

    Raises
    ------
    InputError
        Naming the cells, the steps, the time span and the limit.
    """
    bins = int(n_cells) * int(n_steps)
    if bins <= max_bins:
        return
    span = f" from {earliest} to {latest}" if earliest is not None and latest is not None else ""
    most_steps = max(max_bins // max(int(n_cells), 1), 1)
    raise InputError(
        f"The space-time cube would hold {bins:,} bins: {n_cells:,} cells with crime x {n_steps:,} time steps "
        f"of one {step}{span}; the limit is {max_bins:,} bins (about "
        f"{max_bins * 8 * 8 / 1e9:.1f} GB of memory). With {n_cells:,} cells at most {most_steps:,} steps fit. "
        "A wrong year in a few dates (a typo year such as 2204 or 0024) is the usual cause: check the "
        "earliest and latest times, or set the period's start and end to the period you mean; otherwise use a "
        "longer time step or larger cells.", setting=("start", "end", "step", "cell_size"))


def steps_of_times(times, step, start=None, end=None):
    """The time step of each crime, and the steps of the period.

    Steps begin at the step holding ``start`` (or the earliest time); with
    ``end`` they run to the step holding ``end``'s last second, crimes or
    not, so that a quiet end of the period still counts as steps.

    Parameters
    ----------
    times : ndarray of datetime64
        The crimes' times, none NaT, all before ``end``.
    step : {"day", "week", "month"}
        Days, Monday-based weeks or calendar months.
    start, end : datetime-like, optional
        The period: ``start <= time < end``.

    Returns
    -------
    index : ndarray of int
        The step of each crime, 0 = the first step.
    first : numpy.datetime64
        When the first step begins.
    n_steps : int
        The steps from the first to the last.

    Examples
    --------
    >>> import numpy as np
    >>> times = np.array(["2024-01-03", "2024-01-10"], dtype="datetime64[s]")
    >>> index, first, n_steps = steps_of_times(times, "week", end="2024-02-01")
    >>> index.tolist(), str(first), n_steps
    ([0, 1], '2024-01-01T00:00:00', 5)
    """
    times = np.asarray(times, dtype="datetime64[s]")
    moments = times if end is None else np.append(times, np.datetime64(end, "s") - np.timedelta64(1, "s"))
    index, first = time_steps(moments, step, start)
    return index[:times.size], first, int(index.max()) + 1


def space_time_cube(point_cell, point_step, n_cells, n_steps, step="step", earliest=None, latest=None,
                    max_bins=MAX_BINS):
    """The crimes of every cell in every time step, refused before it is built when too big.

    Parameters
    ----------
    point_cell : ndarray of int
        Each crime's cell, 0 to ``n_cells - 1``.
    point_step : ndarray of int
        Each crime's time step, 0 to ``n_steps - 1``.
    n_cells, n_steps : int
        The cube's shape.
    step, earliest, latest, max_bins
        As for :func:`check_cube_size`.

    Returns
    -------
    ndarray of float (cells x steps)
        Crime counts.

    Raises
    ------
    InputError
        For a cube of more than ``max_bins`` bins (:func:`check_cube_size`).

    Examples
    --------
    >>> space_time_cube(np.array([0, 1, 1]), np.array([2, 0, 0]), 2, 3).tolist()
    [[0.0, 0.0, 1.0], [2.0, 0.0, 0.0]]
    """
    # The size is checked before the cube is built: a typo year must not allocate gigabytes first.
    check_cube_size(n_cells, n_steps, step, earliest, latest, max_bins)
    flat = np.asarray(point_cell, dtype=np.int64) * n_steps + np.asarray(point_step, dtype=np.int64)
    return np.bincount(flat, minlength=n_cells * n_steps).reshape(n_cells, n_steps).astype(float)


def neighbour_pairs(col, row, cell_size, distance):
    """The cells' spatial neighbourhoods within ``distance``, counted, not built.

    The neighbours are those of the lattice convolution of
    :func:`core.getisord.getis_ord_lattice`: cell offsets whose centre
    distance is within the band; each cell is its own neighbour.

    Returns
    -------
    tree : scipy.spatial.cKDTree
        Of the cells' (col, row).
    radius : float
        The band in lattice units.
    lengths : ndarray of int
        Each cell's neighbours, itself included.
    """
    points = np.column_stack((col, row)).astype(float)
    tree = spatial.cKDTree(points)
    radius = lattice_radius(cell_size, distance)
    return tree, radius, tree.query_ball_point(points, radius, return_length=True).astype(np.int64)


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
    s = _mann_kendall_s(series)
    variance = np.full(series.shape[0], n * (n - 1) * (2 * n + 5) / 18.0)
    ordered = np.sort(series, axis=1)
    # Ties: for each run of t equal values subtract t(t-1)(2t+5)/18.
    starts = np.ones(ordered.shape, dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    del ordered
    # Every row starts a run, so numbering the run starts of all rows in turn gives each run an id.
    run_lengths = np.bincount(np.cumsum(starts.ravel()) - 1).astype(float)
    run_row = np.flatnonzero(starts.ravel()) // max(n, 1)
    variance -= np.bincount(run_row, weights=run_lengths * (run_lengths - 1) * (2 * run_lengths + 5),
                            minlength=series.shape[0]) / 18.0
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(s > 0, (s - 1) / np.sqrt(variance), np.where(s < 0, (s + 1) / np.sqrt(variance), 0.0))
    z = np.where(np.isfinite(z), z, 0.0)
    return z, special.erfc(np.abs(z) / np.sqrt(2.0))


def _mann_kendall_s(series):
    """S = sum over i < j of sign(x_j - x_i) for each row of ``series``.

    Short series: a loop over the lag, each pass vectorised over cells.  Longer ones: for each step
    j, the earlier values below and equal to x_j are counted with one Fenwick tree per row over the
    row's dense value ranks, all rows at once: O(cells x steps x log steps) work in integer
    arithmetic, and memory of one cells x steps array.
    """
    n_cells, n = series.shape
    s = np.zeros(n_cells)
    if n <= _PAIRWISE_STEPS:
        for lag in range(1, n):
            s += np.sign(series[:, lag:] - series[:, :-lag]).sum(axis=1)
        return s
    order = np.argsort(series, axis=1, kind="stable")
    ordered = np.take_along_axis(series, order, axis=1)
    new_value = np.ones(ordered.shape, dtype=np.int64)
    new_value[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    ranks = np.empty((n_cells, n), dtype=np.int64)
    np.put_along_axis(ranks, order, np.cumsum(new_value, axis=1), axis=1)  # dense ranks from 1
    del order, ordered, new_value
    width = n + 1
    tree = np.zeros(n_cells * width, dtype=np.int64)
    offset = np.arange(n_cells, dtype=np.int64) * width
    total = np.zeros(n_cells, dtype=np.int64)

    def prefix(index):
        """Earlier values with a rank up to ``index`` (per row)."""
        index = index.copy()
        found = np.zeros(n_cells, dtype=np.int64)
        while True:
            live = np.flatnonzero(index > 0)
            if live.size == 0:
                return found
            found[live] += tree[offset[live] + index[live]]
            index[live] -= index[live] & -index[live]

    for j in range(n):
        rank = ranks[:, j]
        below = prefix(rank - 1)
        up_to = prefix(rank)
        total += below - (j - up_to)  # earlier values below x_j minus those above it
        index = rank.copy()
        live = np.arange(n_cells)
        while live.size:
            tree[offset[live] + index[live]] += 1
            index[live] += index[live] & -index[live]
            live = live[index[live] <= n]
    return total.astype(float)


def space_time_gi_star(cube, col, row, cell_size, distance, time_window, fdr=True, max_pairs=MAX_PAIRS,
                       max_work=MAX_NEIGHBOUR_WORK):
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
    max_pairs, max_work : int
        The most spatial neighbour pairs, and pairs x steps, the band may
        make; both are counted before anything is built.

    Returns
    -------
    z, bins : ndarray (cells x steps)
        A cell without a spatial neighbour within ``distance`` gets NaN and 0:
        nothing around it can make it a hot or cold spot.

    Raises
    ------
    InputError
        For a time window below 1, a cube over :data:`MAX_BINS`, or a band
        making too many neighbour pairs (the message suggests one that fits).
    """
    z, bins, _ = _space_time_gi_star(cube, col, row, cell_size, distance, time_window, fdr, max_pairs, max_work)
    return z, bins


def _space_time_gi_star(cube, col, row, cell_size, distance, time_window, fdr=True, max_pairs=MAX_PAIRS,
                       max_work=MAX_NEIGHBOUR_WORK):
    """The work of :func:`space_time_gi_star`; also returns the isolated cells."""
    cube = np.asarray(cube, dtype=float)
    n_cells, n_steps = cube.shape
    if time_window < 1:
        raise InputError("The time window must be at least 1 time step.", setting="time_window")
    if not np.isfinite(distance) or distance < 0:
        raise InputError(f"The neighbourhood distance must be a positive number of metres, not {distance}.",
                         setting="distance")
    check_cube_size(n_cells, n_steps)
    col = np.asarray(col, dtype=np.int64)
    row = np.asarray(row, dtype=np.int64)
    tree, radius, lengths = neighbour_pairs(col, row, cell_size, distance)
    n_pairs = int(lengths.sum())
    limit = min(max_pairs, max_work // max(n_steps, 1))
    if n_pairs > limit:
        fitting = largest_band_within(tree, radius, limit)
        check_pair_count(n_pairs, n_cells, distance, None if fitting is None else fitting * cell_size, limit,
                         what="cells")
    # The window reaches back in time only: this step and the time_window - 1 before it.
    window = min(int(time_window), n_steps)
    running = np.zeros((n_cells, n_steps + 1))
    np.cumsum(cube, axis=1, out=running[:, 1:])
    steps = np.arange(1, n_steps + 1)
    windowed = running[:, steps] - running[:, np.maximum(steps - window, 0)]
    del running
    # Each cell's spatial lag, a chunk of cells at a time, so the pairs never all sit in memory.
    lag = windowed.copy()  # each cell is its own neighbour
    points = tree.data
    bounds = np.searchsorted(np.cumsum(lengths), np.arange(_CHUNK_PAIRS, n_pairs, _CHUNK_PAIRS))
    edges = np.unique(np.concatenate(([0], bounds + 1, [n_cells])))
    for first, last in zip(edges[:-1], edges[1:]):
        pairs = spatial.cKDTree(points[first:last]).sparse_distance_matrix(tree, radius, output_type="ndarray")
        others = pairs["i"] + first != pairs["j"]
        chunk = sparse.csr_matrix((np.ones(int(others.sum())), (pairs["i"][others], pairs["j"][others])),
                                  shape=(last - first, n_cells))
        lag[first:last] += chunk @ windowed
    del windowed
    degree = lengths.astype(float)  # the cells are distinct: each counts itself once
    cardinality = degree[:, None] * np.minimum(steps, window)[None, :]
    values = cube.ravel()
    n = values.size
    mean = values.mean()
    variance = values.var()
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (lag - cardinality * mean) / np.sqrt(variance * (n * cardinality - cardinality ** 2) / (n - 1))
    del lag, cardinality
    isolated = degree < 1.5
    z[~np.isfinite(z) | isolated[:, None]] = np.nan
    p = special.erfc(np.abs(z) / np.sqrt(2.0))
    bins = confidence_bins(z.ravel(), p.ravel(), fdr=fdr).reshape(z.shape)
    return z, bins, isolated


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


def pattern_counts(categories):
    """How many cells fall in each pattern found, in the order of :data:`PATTERNS`.

    Parameters
    ----------
    categories : sequence of str
        One pattern per cell, as :func:`classify` gives them.

    Returns
    -------
    list of (str, int)
        The patterns that hold at least one cell, with their cells.

    Examples
    --------
    >>> pattern_counts(["New Hot Spot", NO_PATTERN, "New Hot Spot"])
    [('No Pattern Detected', 1), ('New Hot Spot', 2)]
    """
    counts = {}
    for category in categories:
        counts[category] = counts.get(category, 0) + 1
    return [(pattern, counts[pattern]) for pattern in PATTERNS if counts.get(pattern)]


def emerging_hot_spots(cube, col, row, cell_size, distance, time_window, progress=None):
    """Space-time Gi*, trends and patterns for a cube of counts.

    Returns
    -------
    dict
        ``category`` (list of str), ``trend_z``, ``trend_p``, ``hot_steps``,
        ``cold_steps``, ``isolated`` (per cell) and ``z``, ``bins`` (cells x
        steps).  A cell with no spatial neighbour within ``distance`` is
        ``isolated``: No Pattern Detected, with NaN trend.

    Raises
    ------
    InputError
        For fewer than two steps, or work over the bounds of
        :func:`space_time_gi_star` (checked before any is done).
    """
    cube = np.asarray(cube, dtype=float)
    if cube.ndim != 2 or cube.shape[1] < 2:
        raise InputError("Emerging hot spots need at least two time steps; use a shorter time step or a longer "
                         "period.", setting=("step", "start", "end"))
    report(progress, 0.1)
    z, bins, isolated = _space_time_gi_star(cube, np.asarray(col), np.asarray(row), cell_size, distance,
                                            time_window)
    report(progress, 0.6)
    trend_z, trend_p = mann_kendall(np.nan_to_num(z))
    trend_z[isolated] = np.nan
    trend_p[isolated] = np.nan
    report(progress, 0.8)
    return {"category": classify(bins, trend_z, trend_p), "trend_z": trend_z, "trend_p": trend_p,
            "hot_steps": (bins > 0).sum(axis=1), "cold_steps": (bins < 0).sum(axis=1), "z": z, "bins": bins,
            "isolated": isolated}
