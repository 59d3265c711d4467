"""Hotspot-by-day grids: the patrols and the crimes of each hotspot on each day.

Patrol visits and crimes arrive as records: each visit names its hotspot
(:func:`hotspot_index` turns the names into indices ``0 .. H-1``) and each
record has a whole day index counted from the evaluation period's first day
(``0 .. D-1`` inside the period).  :func:`patrol_days` and
:func:`count_crimes` put them on grids of shape ``(H, D)``, which
:mod:`.evaluation` compares.
"""

from dataclasses import dataclass

import numpy as np

from .errors import InputError
from .poisson_rates import single_number


@dataclass(frozen=True)
class PatrolDays:
    """Patrol activity on a hotspot-by-day grid, shape ``(n_hotspots, n_days)``.

    Attributes
    ----------
    visits : ndarray of int
        Visits starting at the hotspot on that day.
    minutes : ndarray of float
        Sum of those visits' minutes.
    patrolled : ndarray of bool
        ``visits > 0``.
    days_since : ndarray of float
        Days since the most recent patrol day at the hotspot, counting patrols
        before the evaluation period: 0 on a patrol day, 1 the day after, ...;
        NaN before the hotspot's first patrol.
    """

    visits: np.ndarray
    minutes: np.ndarray
    patrolled: np.ndarray
    days_since: np.ndarray



def hotspot_index(hotspot_ids, names):
    """Each name's position among the hotspot ids; -1 for a name that is none of them.

    Parameters
    ----------
    hotspot_ids : sequence of str
        The hotspots, in their order ``0 .. H-1``.
    names : sequence of str
        Hotspot ids as records give them (e.g. each patrol visit's).

    Returns
    -------
    ndarray of int

    Examples
    --------
    >>> hotspot_index(["A", "B"], ["B", "C", "A"]).tolist()
    [1, -1, 0]
    """
    position = {hotspot_id: k for k, hotspot_id in enumerate(hotspot_ids)}
    return np.array([position.get(name, -1) for name in names], dtype=np.int64)


def patrol_days(visit_hotspot, visit_day, visit_minutes, n_hotspots, n_days):
    """Visits, minutes, patrol days and days since patrol on a hotspot-by-day grid.

    Parameters
    ----------
    visit_hotspot : array_like of int
        Each visit's hotspot, ``0 .. n_hotspots - 1``.
    visit_day : array_like of int
        Each visit's day relative to the evaluation period's first day.
        Visits before the period (negative days) count only for
        ``days_since``; visits on or after day ``n_days`` are ignored.
    visit_minutes : array_like of float
        Each visit's length in minutes (non-negative).
    n_hotspots, n_days : int
        Grid shape.

    Returns
    -------
    PatrolDays
        A hotspot-day is patrolled when at least one visit starts on it.

    Raises
    ------
    InputError
        On hotspot indices outside ``0 .. n_hotspots - 1``, days that are not
        whole numbers, negative or missing minutes, or arrays of different
        lengths.
    """
    n_hotspots, n_days = _grid_shape(n_hotspots, n_days)
    hotspot = _whole_numbers(visit_hotspot, "visit_hotspot")
    day = _whole_numbers(visit_day, "visit_day")
    minutes = np.asarray(visit_minutes, dtype=float).ravel()
    if not (hotspot.shape == day.shape == minutes.shape):
        raise InputError("visit_hotspot, visit_day and visit_minutes must have one value per visit "
                         f"(got {hotspot.size}, {day.size} and {minutes.size}).")
    if not np.all(np.isfinite(minutes)) or np.any(minutes < 0):
        raise InputError("visit_minutes must be 0 or more minutes for every visit; fill in missing durations.")
    _check_hotspots(hotspot, n_hotspots, "visit_hotspot", allow_outside=False)

    inside = (day >= 0) & (day < n_days)
    cell = hotspot[inside] * n_days + day[inside]
    size = n_hotspots * n_days
    visits = np.bincount(cell, minlength=size).reshape(n_hotspots, n_days).astype(np.int64)
    total_minutes = np.bincount(cell, weights=minutes[inside], minlength=size).reshape(n_hotspots, n_days)
    patrolled = visits > 0

    # The latest patrol day at or before each day: patrol days mark their own
    # index, the period's first day also carries the latest patrol before the
    # period, and a running maximum along the days carries them forward.
    before = day < 0
    latest_before = np.full(n_hotspots, -np.inf)
    np.maximum.at(latest_before, hotspot[before], day[before].astype(float))
    day_index = np.arange(n_days, dtype=float)
    latest = np.where(patrolled, day_index, -np.inf)
    latest[:, 0] = np.maximum(latest[:, 0], latest_before)
    latest = np.maximum.accumulate(latest, axis=1)
    with np.errstate(invalid="ignore"):
        days_since = day_index - latest
    days_since[~np.isfinite(days_since)] = np.nan
    return PatrolDays(visits=visits, minutes=total_minutes, patrolled=patrolled, days_since=days_since)


def count_crimes(crime_hotspot, crime_day, n_hotspots, n_days, weights=None):
    """Crimes per hotspot and day, shape ``(n_hotspots, n_days)``.

    Parameters
    ----------
    crime_hotspot : array_like of int
        Each crime's hotspot, or a negative number for a crime outside every
        hotspot (ignored).
    crime_day : array_like of int
        Each crime's day relative to the evaluation period's first day; crimes
        outside ``0 .. n_days - 1`` are ignored.
    n_hotspots, n_days : int
        Grid shape.
    weights : array_like of float, optional
        A weight per crime (e.g. its harm): the grid then sums them.

    Returns
    -------
    ndarray of int, or of float with ``weights``
    """
    n_hotspots, n_days = _grid_shape(n_hotspots, n_days)
    hotspot = _whole_numbers(crime_hotspot, "crime_hotspot")
    day = _whole_numbers(crime_day, "crime_day")
    if hotspot.shape != day.shape:
        raise InputError(f"crime_hotspot and crime_day must have one value per crime "
                         f"(got {hotspot.size} and {day.size}).")
    _check_hotspots(hotspot, n_hotspots, "crime_hotspot", allow_outside=True)
    keep = (hotspot >= 0) & (day >= 0) & (day < n_days)
    cell = hotspot[keep] * n_days + day[keep]
    if weights is not None:
        weights = np.asarray(weights, dtype=float).ravel()[keep]
        return np.bincount(cell, weights=weights, minlength=n_hotspots * n_days).reshape(n_hotspots, n_days)
    return np.bincount(cell, minlength=n_hotspots * n_days).reshape(n_hotspots, n_days).astype(np.int64)


def _grid_shape(n_hotspots, n_days):
    shape = []
    for name, value in (("n_hotspots", n_hotspots), ("n_days", n_days)):
        number = single_number(value, name)
        if not number.is_integer() or number < 1:
            raise InputError(f"{name} must be a whole number of at least 1, not {value!r}.")
        shape.append(int(number))
    return tuple(shape)


def _whole_numbers(values, name):
    array = np.asarray(values).ravel()
    if array.dtype.kind in "iub":
        return array.astype(np.int64)
    try:
        as_float = array.astype(float)
    except (TypeError, ValueError):
        raise InputError(f"{name} must hold whole numbers.") from None
    if not np.all(np.isfinite(as_float)) or np.any(as_float != np.floor(as_float)):
        raise InputError(f"{name} must hold whole numbers (no NaN or fractions); drop or fix those records first.")
    return as_float.astype(np.int64)


def _check_hotspots(hotspot, n_hotspots, name, allow_outside):
    bad = (hotspot >= n_hotspots) if allow_outside else ((hotspot < 0) | (hotspot >= n_hotspots))
    if np.any(bad):
        example = int(hotspot[bad][0])
        outside = " or a negative index for a record outside every hotspot" if allow_outside else ""
        raise InputError(f"{name} has hotspot index {example}, but the hotspots are numbered 0..{n_hotspots - 1}: "
                         f"give each record one of those indices{outside}, or drop it, first.")
