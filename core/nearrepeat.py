"""The near-repeat test of Knox (1964): are crimes that are close in space also close in time, more
often than chance would make them?

Every pair of crimes is placed in a table by how far apart the two are (distance bands, metres) and
how many days apart (day bands). The chance that a pair falls in a cell, if where crimes happen says
nothing about when, is found by Monte Carlo: the crimes' days are shuffled among the crimes (the
places and the days each keep their own pattern; only their link is broken) and the pairs counted
again, ``iterations`` times (Johnson et al. 2007; Ratcliffe 2009). The Knox ratio of a cell is its
observed count over the mean of the shuffled counts; its p-value is the share of shuffles, the
observed one included, with a count at least as high.

Pairs are found once, with a k-d tree, and binned by distance once; each shuffle then only looks up
the two days of every close pair. The shuffles run in batches, several per pass over the pairs, on
up to :data:`MAX_THREADS` threads (numpy's indexing runs outside Python's lock). The random numbers
are drawn in order on the calling thread, so a seed gives the same table on any machine.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from .errors import InputError
from .lazy_scipy import spatial
from .progress import report

#: Pairs of crimes closer than the last distance edge that may be held (about 1.6 GB at the peak of
#: building them); more is refused, asking for fewer or narrower bands or a shorter period.
MAX_PAIRS = 50_000_000
#: Threads counting shuffles at once (each holds one batch of shuffled days).
MAX_THREADS = 4
#: Pairs looked up per numpy call: a chunk and its days stay in the processor's cache.
PAIRS_PER_CHUNK = 8192
#: Shuffles counted in one pass over the pairs, fewer when there are many crimes (a batch holds
#: crimes × shuffles days, twice).
SHUFFLES_PER_BATCH = 32
_DAYS_PER_BATCH = 4_000_000
#: The largest lag table one bincount may fill (shuffles × lags); beyond it lags are clipped first.
MAX_LAG_BINS = 1 << 18


@dataclass(frozen=True)
class KnoxTable:
    """The Knox table: one cell per (distance band, day band).

    Attributes
    ----------
    distance_edges : ndarray of float
        The distance band edges in metres; band ``a`` is ``[distance_edges[a], distance_edges[a + 1])``.
    day_edges : ndarray of int
        The day band edges; band ``b`` is ``[day_edges[b], day_edges[b + 1])`` days apart.
    observed : ndarray of int, shape (distance bands, day bands)
        Pairs of crimes (each unordered pair once) in the cell.
    expected : ndarray of float
        The mean count of the cell over the shuffles.
    ratio : ndarray of float
        ``observed / expected``, the Knox ratio; NaN where ``expected`` is 0.
    p_value : ndarray of float
        ``(1 + shuffles with a count >= observed) / (1 + iterations)``.
    iterations : int
        The number of shuffles.
    pairs : int
        Pairs of crimes in the distance bands (in any day band or none).
    """

    distance_edges: np.ndarray
    day_edges: np.ndarray
    observed: np.ndarray
    expected: np.ndarray
    ratio: np.ndarray
    p_value: np.ndarray
    iterations: int
    pairs: int

    @property
    def smallest_p(self):
        """The smallest p-value the shuffles can give: ``1 / (1 + iterations)``."""
        return 1.0 / (1 + self.iterations)


def band_edges(value, unit, setting, whole=False):
    """Band edges from text such as ``"0,150,300"`` or from numbers, checked.

    Parameters
    ----------
    value : str or sequence of numbers
        At least two edges, 0 or more, each larger than the one before; text separated by commas
        (spaces and semicolons are accepted too).
    unit : str
        The unit, for messages ("metres", "days").
    setting : str
        The argument the edges are (for :class:`~.errors.InputError`).
    whole : bool
        Refuse edges that are not whole numbers (days).

    Returns
    -------
    ndarray
        float64, or int64 when ``whole``.

    Raises
    ------
    InputError
        Unreadable text, fewer than two edges, an edge below 0, not finite, not whole, or edges that
        do not increase.

    Examples
    --------
    >>> band_edges("0, 150, 300", "metres", "distance_edges").tolist()
    [0.0, 150.0, 300.0]
    """
    example = "0,7,14,21,28" if whole else "0,150,300,450,600"
    if isinstance(value, str):
        words = value.replace(";", ",").replace(" ", ",").split(",")
        try:
            edges = np.array([float(word) for word in words if word], dtype=float)
        except ValueError:
            raise InputError(f"The band edges '{value}' cannot be read: give {unit} as numbers separated by commas, "
                             f"e.g. {example}.", setting=setting) from None
    else:
        edges = np.asarray(value, dtype=float).ravel()
    if edges.size < 2:
        raise InputError(f"At least two band edges are needed (the start and end of a band), e.g. {example} "
                         f"{unit}; got {edges.size}.", setting=setting)
    if not np.all(np.isfinite(edges)) or np.any(edges < 0):
        raise InputError(f"Band edges must be {unit} of 0 or more, e.g. {example}; got {_listed(edges)}.",
                         setting=setting)
    if np.any(np.diff(edges) <= 0):
        raise InputError(f"Band edges must increase, each larger than the one before, e.g. {example} {unit}; got "
                         f"{_listed(edges)}.", setting=setting)
    if whole:
        if np.any(edges != np.round(edges)):
            raise InputError(f"Day band edges must be whole days (crimes are compared by date), e.g. {example}; "
                             f"got {_listed(edges)}.", setting=setting)
        return edges.astype(np.int64)
    return edges


def _listed(edges):
    return ",".join(f"{edge:g}" for edge in edges)


def whole_days(times):
    """Each time's date as a day number (days since 1970-01-01): the time of day is dropped.

    Parameters
    ----------
    times : array of datetime64
        No NaT.

    Examples
    --------
    >>> whole_days(np.array(["1970-01-02T23:59", "1970-01-03T00:00"], dtype="datetime64[s]")).tolist()
    [1, 2]
    """
    times = np.asarray(times, dtype="datetime64[s]")
    if np.any(np.isnat(times)):
        raise InputError("Every crime needs a date: leave out the crimes without one.", setting="days")
    return times.astype("datetime64[D]").astype(np.int64)


def knox_table(x, y, days, distance_edges, day_edges, iterations=999, rng=None, progress=None,
               max_pairs=MAX_PAIRS):
    """The Knox near-repeat table of crimes at ``(x, y)`` on ``days``.

    Parameters
    ----------
    x, y : array of float
        Crime coordinates in metres.
    days : array of int
        Each crime's day number (:func:`whole_days`): crimes are compared by date, as the Near Repeat
        Calculator does (Ratcliffe 2009).
    distance_edges : str or sequence of float
        Distance band edges in metres (:func:`band_edges`); bands are half-open, ``[from, to)``.
    day_edges : str or sequence of int
        Day band edges in whole days; a pair ``d`` days apart is in ``[from, to)`` when
        ``from <= d < to``.
    iterations : int
        Shuffles of the days among the crimes; 19 or more (1 / (1 + 19) = 0.05).
    rng : numpy.random.Generator, int or None
        The random generator or its seed. Shuffle ``k`` is the ``k``-th ``rng.permutation(n)``,
        applied as ``days[permutation]``.
    progress : callable, optional
        ``progress(fraction) -> bool`` (:mod:`.progress`); a true return cancels.
    max_pairs : int
        The most pairs within the last distance edge that may be held.

    Returns
    -------
    KnoxTable

    Raises
    ------
    InputError
        Fewer than 2 crimes, arrays of different lengths or not finite, bad band edges, fewer than 19
        iterations, or more than ``max_pairs`` close pairs.

    References
    ----------
    Knox, E. G. (1964). The detection of space-time interactions. Applied Statistics 13(1), 25–29.

    Johnson, S. D., Bernasco, W., Bowers, K. J., Elffers, H., Ratcliffe, J., Rengert, G. & Townsley, M.
    (2007). Space–time patterns of risk: a cross national assessment of residential burglary
    victimization. Journal of Quantitative Criminology 23(3), 201–219.

    Ratcliffe, J. H. (2009). Near Repeat Calculator (version 1.3). Temple University, Philadelphia, PA and
    the National Institute of Justice, Washington, DC.

    Examples
    --------
    Two crimes 100 m and 3 days apart, a third far away:

    >>> table = knox_table([0, 100, 5000], [0, 0, 0], [0, 3, 40], "0,150", "0,7", iterations=19, rng=1)
    >>> int(table.observed[0, 0])
    1
    """
    x, y, days = _checked_crimes(x, y, days)
    distance_edges = band_edges(distance_edges, "metres", "distance_edges")
    day_edges = band_edges(day_edges, "days", "day_edges", whole=True)
    if int(iterations) != iterations or iterations < 19:
        raise InputError(f"At least 19 shuffles are needed (the smallest p-value is 1 / (1 + shuffles): 0.05 with "
                         f"19, 0.001 with 999); got {iterations}.", setting="iterations")
    rng = np.random.default_rng(rng)
    iterations = int(iterations)
    days = _with_long_gaps_shortened(days, int(day_edges[-1]))
    counter = _PairCounter(x, y, days, distance_edges, day_edges, max_pairs)
    observed = counter.count(days[counter.order][:, None])[0]
    total, at_least = np.zeros(observed.shape), np.zeros(observed.shape, dtype=np.int64)
    for counts in counter.count_shuffles(days, iterations, rng, progress):
        total += counts.sum(axis=0)
        at_least += (counts >= observed).sum(axis=0)
    expected = total / iterations
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(expected > 0, observed / expected, np.nan)
    p_value = (1.0 + at_least) / (1.0 + iterations)
    return KnoxTable(distance_edges, day_edges, observed, expected, ratio, p_value, iterations, counter.pairs)


def _checked_crimes(x, y, days):
    x, y = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    days = np.asarray(days)
    if days.dtype.kind not in "iu" and not (days.dtype.kind == "f" and np.all(days == np.round(days))):
        raise InputError("Crime days must be whole day numbers (the dates of the crimes).", setting="days")
    days = days.astype(np.int64).ravel()
    if not x.size == y.size == days.size:
        raise InputError(f"Each crime needs an x, a y and a day: got {x.size}, {y.size} and {days.size}.")
    if x.size < 2:
        raise InputError(f"The near-repeat test compares pairs of crimes: at least 2 are needed, got {x.size}. "
                         "Widen the period or check the crimes' dates.")
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        raise InputError("Every crime needs finite coordinates: leave out the crimes without a place.")
    return x, y, days


class _PairCounter:
    """The close pairs of crimes, found and binned by distance once, and their counts by day band for
    any days given to the crimes.

    Crimes are renumbered in the k-d tree's order, so that a chunk of pairs looks up days of crimes
    that are near each other in memory too; pairs are sorted by distance band, then first crime.
    """

    def __init__(self, x, y, days, distance_edges, day_edges, max_pairs):
        self.day_edges = day_edges
        self.n_distance, self.n_days = distance_edges.size - 1, day_edges.size - 1
        points = np.column_stack([x, y])
        self.order = spatial.cKDTree(points).indices
        points = points[self.order]
        tree = spatial.cKDTree(points)
        last = float(distance_edges[-1])
        # query_pairs keeps pairs at <= r by its own arithmetic: reach a hair further, then cut at < last
        # by the distances computed here, so that every pair is judged by one rule.
        reach = last * (1 + 1e-9) + 1e-9
        within = (int(tree.count_neighbors(tree, reach)) - x.size) // 2
        if within > max_pairs:
            raise InputError(
                f"{within:,} pairs of crimes are less than {last:g} m apart, more than the {max_pairs:,} that can be "
                "held in memory. Narrow the distance bands (a smaller last edge) or use a shorter period or "
                "fewer crimes.", setting="distance_edges")
        first, second, band = _binned_pairs(tree.query_pairs(reach, output_type="ndarray"), points, distance_edges)
        self.pairs = int(band.size)
        key = band.astype(np.int64) * x.size + first
        sorted_pairs = np.argsort(key, kind="stable")
        self.first, self.second = first[sorted_pairs], second[sorted_pairs]
        bounds = np.searchsorted(band[sorted_pairs], np.arange(self.n_distance + 1))
        self.chunks = [(b, start, min(start + PAIRS_PER_CHUNK, bounds[b + 1]))
                       for b in range(self.n_distance) for start in range(bounds[b], bounds[b + 1], PAIRS_PER_CHUNK)]

    def count(self, day_columns):
        """Counts by (distance band, day band) for each column of days (crimes in tree order):
        an int array of shape (columns, distance bands, day bands)."""
        columns, spread, last = day_columns.shape[1], int(np.ptp(day_columns)), int(self.day_edges[-1])
        # Column c's lags d_i - d_j land in bins c * bins + half + lag: one bincount serves every column.
        # When that table would be large, lags are first clipped to +-last (beyond it they are all alike).
        clip = spread > last and (2 * spread + 1) * columns > MAX_LAG_BINS
        half = last if clip else spread
        bins = 2 * half + 1
        offsets = half + bins * np.arange(columns, dtype=np.int64)
        shifted = day_columns if clip else day_columns + offsets
        histogram = np.zeros((self.n_distance, bins * columns), dtype=np.int64)
        for band, start, stop in self.chunks:
            lag = np.take(shifted, self.first[start:stop], axis=0)
            lag -= np.take(day_columns, self.second[start:stop], axis=0)
            if clip:
                np.clip(lag, -half, half, out=lag)
                lag += offsets
            histogram[band] += np.bincount(lag.ravel(), minlength=bins * columns)
        by_lag = histogram.reshape(self.n_distance, columns, bins).transpose(1, 0, 2)
        apart = by_lag[..., half:].copy()
        apart[..., 1:] += by_lag[..., half - 1::-1]  # a pair d days apart either way
        cumulative = np.concatenate([np.zeros(apart.shape[:2] + (1,), dtype=np.int64),
                                     np.cumsum(apart, axis=2)], axis=2)
        # Pairs fewer than e days apart: cumulative[e]; every pair when e is past the largest lag counted
        # (when clipped, the last bin holds the lags of `last` days and more, in no band).
        edges = np.minimum(self.day_edges, half + 1)
        return cumulative[..., edges[1:]] - cumulative[..., edges[:-1]]

    def count_shuffles(self, days, iterations, rng, progress):
        """Yield the counts of ``iterations`` shuffles of ``days``, a batch at a time, in the order the
        shuffles were drawn from ``rng``."""
        batch_size = int(np.clip(_DAYS_PER_BATCH // days.size, 1, SHUFFLES_PER_BATCH))
        sizes = [min(batch_size, iterations - start) for start in range(0, iterations, batch_size)]
        threads = max(1, min(MAX_THREADS, os.cpu_count() or 1, len(sizes)))

        def shuffled(size):
            return np.column_stack([days[rng.permutation(days.size)][self.order] for _ in range(size)])

        done = 0
        report(progress, 0.0)
        with ThreadPoolExecutor(threads) as pool:
            running = [pool.submit(self.count, shuffled(size)) for size in sizes[:threads]]
            for size in sizes[threads:] + [0] * threads:
                counts = running.pop(0).result()
                done += counts.shape[0]
                try:
                    report(progress, done / iterations)
                except BaseException:
                    for future in running:
                        future.cancel()
                    raise
                if size:
                    running.append(pool.submit(self.count, shuffled(size)))
                yield counts


def _with_long_gaps_shortened(days, last):
    """The days with every gap between successive dates longer than ``last`` (the last day edge)
    shortened to ``last``: a pair across such a gap is ``last`` days or more apart, in no band, before
    and after, and every other pair keeps its lag; so a stray date years away (a typo) does not
    widen the table of lags to count."""
    unique, inverse = np.unique(days, return_inverse=True)
    steps = np.minimum(np.diff(unique), last)
    return np.concatenate([[0], np.cumsum(steps)])[inverse]


def _binned_pairs(pairs, points, distance_edges):
    """The pairs (int32 crime numbers) within the distance bands and the band of each."""
    first = pairs[:, 0].astype(np.int32)
    second = pairs[:, 1].astype(np.int32)
    del pairs
    distance = np.hypot(points[first, 0] - points[second, 0], points[first, 1] - points[second, 1])
    band = np.searchsorted(distance_edges, distance, side="right") - 1
    inside = (band >= 0) & (distance < distance_edges[-1])
    return first[inside], second[inside], band[inside].astype(np.int8 if distance_edges.size < 128 else np.int32)
