"""Points far outside the area that holds nearly all the others.

Open crime data carries a few records whose location is nowhere near the
rest: data.police.uk's Essex files, for one, hold crimes some 400 km away in
Devon, snapped to a map point of another force. Mapped with the rest they
stretch every extent and grid to the size of England; in a hotspot analysis
they are noise. This module finds them with one rule that every reader of
the plugin shares (:func:`far_outliers`) and describes them for the log
(:func:`describe_outliers`). Coordinates must be projected, in metres.
"""

from dataclasses import dataclass, field

import numpy as np

from .errors import InputError

MARGIN = 10_000.0
CENTRAL = 0.99

# Compass words for the direction from the central box to a point, by 45-degree sector
# counter-clockwise from east.
_DIRECTIONS = ("east", "north-east", "north", "north-west", "west", "south-west", "south", "south-east")


def _check(margin, central):
    if not 0.0 < central < 1.0:
        raise InputError(f"The central share must be between 0 and 1 (exclusive), not {central}.")
    if not margin >= 0.0:
        raise InputError(f"The outlier margin must be 0 metres or more, not {margin}.")


def trimmed_count(n, central=CENTRAL):
    """How many points each tail of each axis leaves out of the central box.

    Parameters
    ----------
    n : int
        Number of (finite) points.
    central : float
        The share of the points the box spans on each axis.

    Returns
    -------
    int
        ``floor(n * (1 - central) / 2)``: 0 below ``2 / (1 - central)``
        points (200 for the default 0.99), when the box is the full extent
        and nothing can be an outlier.
    """
    return int(np.floor(n * (1.0 - central) / 2.0 + 1e-9))


def central_box(x, y, central=CENTRAL, counts=None):
    """The bounding box of the central share of the points, axis by axis.

    Parameters
    ----------
    x, y : array_like
        Coordinates; non-finite ones are ignored.
    central : float
        The share of the points the box spans on each axis (default 0.99).
    counts : array_like of int, optional
        How many points each coordinate pair stands for (e.g. the crimes of
        a cell at its centre); one each by default.

    Returns
    -------
    tuple of float or None
        ``(xmin, ymin, xmax, ymax)``: on each axis the ``k``-th smallest and
        ``k``-th largest coordinate (order statistics, no interpolation), with
        ``k = floor(n * (1 - central) / 2)`` (see :func:`trimmed_count`), so
        the box runs from the 0.5% to the 99.5% quantile by default. None when
        there is no finite point.
    """
    _check(MARGIN, central)
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    finite = np.isfinite(x) & np.isfinite(y)
    x, y = x[finite], y[finite]
    if counts is not None:
        counts = np.asarray(counts, dtype=np.int64)[finite]
    n = x.size if counts is None else int(counts.sum())
    if n == 0:
        return None
    k = trimmed_count(n, central)
    low, high = k, n - 1 - k
    if counts is None:
        xs = np.partition(x, (low, high))
        ys = np.partition(y, (low, high))
        return float(xs[low]), float(ys[low]), float(xs[high]), float(ys[high])
    (x_low, x_high), (y_low, y_high) = (_order_statistics(v, counts, (low, high)) for v in (x, y))
    return x_low, y_low, x_high, y_high


def _order_statistics(values, counts, ranks):
    """The ``ranks``-th smallest (from 0) of ``values`` each repeated ``counts`` times."""
    order = np.argsort(values, kind="stable")
    last_rank = np.cumsum(counts[order]) - 1
    return tuple(float(values[order[np.searchsorted(last_rank, rank)]]) for rank in ranks)


def distance_outside(x, y, box):
    """Distance of each point from a box.

    Parameters
    ----------
    x, y : array_like
        Coordinates.
    box : tuple of float
        ``(xmin, ymin, xmax, ymax)``.

    Returns
    -------
    numpy.ndarray
        The distance to the nearest point of the box, in the units of the
        coordinates: 0 inside the box or on its edge.
    """
    xmin, ymin, xmax, ymax = box
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    dx = np.maximum(np.maximum(xmin - x, x - xmax), 0.0)
    dy = np.maximum(np.maximum(ymin - y, y - ymax), 0.0)
    return np.hypot(dx, dy)


def far_outliers(x, y, margin=MARGIN, central=CENTRAL, reference=None, counts=None):
    """Flag the points that lie far outside the area holding nearly all the others.

    The rule: a point is an outlier when it lies more than ``margin`` metres
    outside the bounding box of the central ``central`` share of the points
    (on each axis, from the 0.5% to the 99.5% quantile by default; see
    :func:`central_box`). The distance is measured to the box, not to its
    centre, so a point inside the box or within ``margin`` of its edge is
    never flagged, whatever the shape of the area.

    Parameters
    ----------
    x, y : array_like
        Projected coordinates in metres (e.g. British National Grid).
    margin : float
        Metres outside the central box from which a point is an outlier
        (default 10 km: far beyond the snapping of data.police.uk, which moves
        a crime to a nearby map point, but well inside the hundreds of
        kilometres of a record of another force).
    central : float
        The share of the points whose box is the reference (default 0.99).
    reference : tuple of array_like, optional
        ``(x, y)`` of the points that define the area, when they are not the
        points tested: e.g. every crime of a file while only some crime
        types are tested, so that a crime is flagged or not whatever else
        was asked for. By default the tested points themselves.
    counts : array_like of int, optional
        How many crimes each point stands for (e.g. a cell's crimes at its
        centre, when the crimes were counted into cells as they were read);
        not with ``reference``.

    Returns
    -------
    numpy.ndarray of bool
        True for the outliers; False for every other point and for
        non-finite coordinates.

    Raises
    ------
    InputError
        When ``central`` is not between 0 and 1 or ``margin`` is negative.

    Notes
    -----
    Limits, by design:

    * **Small layers flag nothing.** The box leaves out
      ``floor(n * (1 - central) / 2)`` points at each end of each axis; with
      fewer than ``2 / (1 - central)`` points (200 by default) that is none,
      the box is the full extent and no point can be outside it. A layer that
      small cannot tell "far from the others" from "sparse".
    * **Only a few outliers can be found.** Points far away in one direction
      are found while they are no more than about ``(1 - central) / 2`` of the
      points (0.5%) — beyond that they pull the box's edge out to themselves
      and count as part of the area. A real second cluster (e.g. two towns in
      one file) is therefore kept.
    * **A box, not the true outline.** A genuine crime in a corner of an
      L-shaped force is never flagged, as the box spans the corner; a far
      record lying inside the box of a large, sparse area is not flagged
      either. The margin makes the rule insensitive to the exact quantiles.
    * Per-axis quantiles: a point can be an outlier on one axis only, e.g.
      due west of the area.
    """
    _check(margin, central)
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    flags = np.zeros(x.shape, dtype=bool)
    finite = np.isfinite(x) & np.isfinite(y)
    rx, ry = (x, y) if reference is None else (np.asarray(reference[0], dtype=float),
                                                np.asarray(reference[1], dtype=float))
    n = int(np.count_nonzero(np.isfinite(rx) & np.isfinite(ry))) if counts is None else int(np.sum(counts))
    if trimmed_count(n, central) == 0:
        return flags
    box = central_box(rx, ry, central, counts)
    flags[finite] = distance_outside(x[finite], y[finite], box) > margin
    return flags


@dataclass
class OutlierGroup:
    """The outliers in one compass direction from the central box.

    ``nearest_km`` and ``farthest_km`` are their distances from the box;
    ``x``, ``y`` the median of their coordinates, and ``lon``, ``lat`` of the
    geographic coordinates when given (else None).
    """

    direction: str
    count: int
    nearest_km: float
    farthest_km: float
    x: float
    y: float
    lon: float = None
    lat: float = None


@dataclass
class OutlierSummary:
    """Where the outliers of :func:`far_outliers` lie, for a log message.

    ``count`` outliers among ``total`` finite points (of the reference, when
    one was given); ``box`` is the central box the rule measured from (None when there are no points);
    ``nearest_km`` and ``farthest_km`` the range of the outliers' distances
    from it; ``groups`` one :class:`OutlierGroup` per compass direction, the
    largest first.
    """

    count: int
    total: int
    box: tuple = None
    nearest_km: float = None
    farthest_km: float = None
    groups: list = field(default_factory=list)


def describe_outliers(x, y, outlier, central=CENTRAL, lon=None, lat=None, reference=None, counts=None):
    """Describe where the outliers lie: how many, how far from the box, in which direction.

    Parameters
    ----------
    x, y : array_like
        The projected coordinates (metres) given to :func:`far_outliers`.
    outlier : array_like of bool
        Its result (or any flags of the same length).
    central : float
        The share used for the box, as given to :func:`far_outliers`.
    lon, lat : array_like, optional
        Geographic coordinates of the same points, to say where each group
        lies in terms a reader can look up.
    reference : tuple of array_like, optional
        The points that define the area, as given to :func:`far_outliers`.
    counts : array_like of int, optional
        How many crimes each point stands for, as given to :func:`far_outliers`.

    Returns
    -------
    OutlierSummary
        Distances in kilometres from the central box of all the points (of
        the reference, when given); directions are the compass sector (of 8) of the offset from the box.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    outlier = np.asarray(outlier, dtype=bool)
    finite = np.isfinite(x) & np.isfinite(y)
    rx, ry = (x, y) if reference is None else (np.asarray(reference[0], dtype=float),
                                                np.asarray(reference[1], dtype=float))
    box = central_box(rx, ry, central, counts)
    chosen = np.flatnonzero(outlier & finite)
    total = int(np.count_nonzero(np.isfinite(rx) & np.isfinite(ry)))
    if counts is not None:
        counts = np.asarray(counts, dtype=np.int64)
        total = int(counts[np.isfinite(rx) & np.isfinite(ry)].sum())
        chosen = np.repeat(chosen, counts[chosen])  # each crime of an outlying cell, for counts and medians
    summary = OutlierSummary(count=int(chosen.size), total=total, box=box)
    if summary.count == 0:
        return summary
    xmin, ymin, xmax, ymax = box
    ox, oy = x[chosen], y[chosen]
    dx = np.where(ox > xmax, ox - xmax, np.where(ox < xmin, ox - xmin, 0.0))
    dy = np.where(oy > ymax, oy - ymax, np.where(oy < ymin, oy - ymin, 0.0))
    distance_km = np.hypot(dx, dy) / 1000.0
    sector = np.mod(np.round(np.arctan2(dy, dx) / (np.pi / 4)), 8).astype(int)
    summary.nearest_km = float(distance_km.min())
    summary.farthest_km = float(distance_km.max())
    for s in np.unique(sector):
        mine = sector == s
        group = OutlierGroup(direction=_DIRECTIONS[s], count=int(np.count_nonzero(mine)),
                             nearest_km=float(distance_km[mine].min()), farthest_km=float(distance_km[mine].max()),
                             x=float(np.median(ox[mine])), y=float(np.median(oy[mine])))
        if lon is not None and lat is not None:
            group.lon = float(np.median(np.asarray(lon, dtype=float)[chosen][mine]))
            group.lat = float(np.median(np.asarray(lat, dtype=float)[chosen][mine]))
        summary.groups.append(group)
    summary.groups.sort(key=lambda g: (-g.count, g.direction))
    return summary
