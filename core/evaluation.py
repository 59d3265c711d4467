"""Did the hotspot patrols work?  Crime on patrol days against other days, and residual deterrence.

On the hotspot-by-day grids of :mod:`.hotspot_days` (patrols and crimes per
hotspot and day) this module compares crime rates per hotspot-day:

* :func:`patrol_effect`: patrolled hotspot-days against all other hotspot-days;
* :func:`residual_deterrence`: patrol days and the 1, 2, ... R days after a
  patrol against the days further from one (Koper 1995; Sherman & Weisburd
  1995);
* :func:`compare_groups`: both, for each group of crimes, in the hotspots and
  in the rings around them;
* :func:`hotspot_totals`: patrols and crimes of each hotspot, for the report.

Every rate comparison is the exact conditional test for two Poisson rates
(:func:`.poisson_rates.compare_rates`); whether crime moved to the rings is
:mod:`.displacement`'s question.

References
----------
Koper, C. S. (1995). Just enough police presence: reducing crime and
    disorderly behavior by optimizing patrol time in crime hot spots. Justice
    Quarterly 12(4), 649-672.
Sherman, L. W. and Weisburd, D. (1995). General deterrent effects of police
    patrol in crime "hot spots": a randomized, controlled trial. Justice
    Quarterly 12(4), 625-648.
"""

import math
from dataclasses import dataclass

import numpy as np

from .errors import InputError
from .hotspot_days import count_crimes
from .poisson_rates import check_confidence, compare_rates

RING_SUFFIX = " (ring)"  # a group's comparison in the rings: "<group> (ring)"


@dataclass(frozen=True)
class ResidualRow:
    """One row of :func:`residual_deterrence`.

    Attributes
    ----------
    label : str
        ``"0"`` (patrol days), ``"1"`` .. ``"R"`` (days after a patrol day)
        or ``"more"`` (more than R days after one).
    days_since_min : int
        The smallest days-since-patrol value in the row (0, k, or R + 1).
    days : int
        Hotspot-days in the row (the exposure).
    crimes : int
        Crimes on those hotspot-days.
    rate : float
        Crimes per hotspot-day; NaN when the row has no days.
    ratio, ci_low, ci_high, p_value : float
        The row's rate against the ``"more"`` row's (:func:`compare_rates`).
        The ``"more"`` row has ratio 1 and NaN interval and p-value; every
        value is NaN when the row or the ``"more"`` row has no days.
    """

    label: str
    days_since_min: int
    days: int
    crimes: int
    rate: float
    ratio: float
    ci_low: float
    ci_high: float
    p_value: float


@dataclass(frozen=True)
class GroupComparison:
    """Every group's crimes on the hotspot-day grid, compared (:func:`compare_groups`).

    Attributes
    ----------
    counts : dict of str to ndarray of int
        ``{group: crimes per hotspot-day in the hotspots}``.
    ring_counts : dict of str to ndarray of int
        ``{group: crimes per hotspot-day in the hotspots' rings}``; empty
        without rings.
    summary : list of (str, RateComparison)
        Patrol days against other days (:func:`patrol_effect`): per group,
        the group's row, then with rings ``"<group> (ring)"``'s.
    residual : list of (str, ResidualRow)
        Per group, its rows of :func:`residual_deterrence`.
    """

    counts: dict
    ring_counts: dict
    summary: list
    residual: list


@dataclass(frozen=True)
class HotspotTotals:
    """Patrols and crimes of each hotspot over the whole period (:func:`hotspot_totals`).

    Attributes
    ----------
    patrol_days, visits : ndarray of int
        Per hotspot: its patrol days and the visits made.
    minutes : ndarray of float
        Per hotspot: the minutes of those visits.
    crimes_patrol, crimes_other : dict of str to ndarray of int
        ``{group: per hotspot, its crimes on patrol days}``, and on the
        other days.
    """

    patrol_days: np.ndarray
    visits: np.ndarray
    minutes: np.ndarray
    crimes_patrol: dict
    crimes_other: dict


def patrol_effect(counts, patrolled, confidence=0.95):
    """Crime rate on patrolled hotspot-days against all other hotspot-days.

    Parameters
    ----------
    counts : array_like of int
        Crimes per hotspot-day (:func:`count_crimes`).
    patrolled : array_like of bool
        Same shape; True on patrol days (:attr:`.hotspot_days.PatrolDays.patrolled`).
    confidence : float
        Confidence level of the interval.

    Returns
    -------
    RateComparison
        ``a``: patrolled hotspot-days, ``b``: the others (including the days
        just after a patrol, which residual deterrence may also protect, so the
        ratio understates the effect when those days dominate ``b``);
        exposures are numbers of hotspot-days.

    Raises
    ------
    InputError
        When no hotspot-day, or every hotspot-day, was patrolled.
    """
    counts = _count_grid(counts)
    patrolled = np.asarray(patrolled)
    if patrolled.shape != counts.shape:
        raise InputError(f"counts and patrolled must both be hotspots x days grids of the same shape "
                         f"(got {counts.shape} and {patrolled.shape}).")
    patrolled = patrolled.astype(bool)
    days_a = int(patrolled.sum())
    days_b = int(patrolled.size - days_a)
    if days_a == 0:
        raise InputError("No hotspot was patrolled on any day of the evaluation period: the plan and the "
                         "evaluation period do not overlap. Choose an evaluation period that covers the "
                         "plan's dates, or the plan that was carried out in it.")
    if days_b == 0:
        raise InputError("Every hotspot was patrolled on every day of the evaluation period, so there are "
                         "no unpatrolled hotspot-days to compare with: extend the evaluation period beyond "
                         "the plan's dates.")
    return compare_rates(int(counts[patrolled].sum()), days_a, int(counts[~patrolled].sum()), days_b,
                         confidence)


def residual_deterrence(counts, days_since, residual_days=3, confidence=0.95):
    """Crime rate by days since the last patrol, against days long after one.

    Koper (1995) found that patrol presence deters crime for a while after
    the officers leave.  Hotspot-days are grouped by ``days_since``: patrol
    days (``"0"``), each of the ``residual_days`` days after a patrol day
    (``"1"`` .. ``"R"``) and the days further from one (``"more"``).  Each
    group's rate is compared with the ``"more"`` group's by
    :func:`compare_rates`.  Hotspot-days before a hotspot's first patrol
    (``days_since`` NaN) belong to no group.

    Parameters
    ----------
    counts : array_like of int
        Crimes per hotspot-day (:func:`count_crimes`).
    days_since : array_like of float
        Same shape: whole days since the last patrol day, NaN before the
        first (:attr:`.hotspot_days.PatrolDays.days_since`).
    residual_days : int
        R, the number of single days after a patrol day given their own row.
    confidence : float
        Confidence level of the intervals.

    Returns
    -------
    list of ResidualRow
        ``R + 2`` rows in the order 0, 1, .., R, more.  When the ``"more"``
        row has no hotspot-days (e.g. patrols never paused for more than R
        days inside the period) there is no reference and every ratio,
        interval and p-value is NaN; the counts and rates are still given.

    Raises
    ------
    InputError
        When ``residual_days`` is not a whole number of at least 1.

    References
    ----------
    Koper, C. S. (1995). Justice Quarterly 12(4), 649-672.
    """
    if isinstance(residual_days, bool) or not float(residual_days).is_integer() or residual_days < 1:
        raise InputError(f"residual_days must be a whole number of days, at least 1 (got {residual_days!r}).")
    residual_days = int(residual_days)
    check_confidence(confidence)
    counts = _count_grid(counts)
    days_since = np.asarray(days_since, dtype=float)
    if days_since.shape != counts.shape:
        raise InputError(f"counts and days_since must both be hotspots x days grids of the same shape "
                         f"(got {counts.shape} and {days_since.shape}).")
    known = np.isfinite(days_since)
    if np.any(days_since[known] < 0):
        raise InputError("days_since must be 0 or more (NaN before the first patrol); "
                         "build it with patrol_days().")
    groups = [(str(k), k, known & (days_since == k)) for k in range(residual_days + 1)]
    groups.append(("more", residual_days + 1, known & (days_since > residual_days)))
    more_days = int(groups[-1][2].sum())
    more_crimes = int(counts[groups[-1][2]].sum())

    rows = []
    for label, lowest, mask in groups:
        days = int(mask.sum())
        crimes = int(counts[mask].sum())
        rate = crimes / days if days else math.nan
        ratio = ci_low = ci_high = p_value = math.nan
        if label == "more":
            ratio = 1.0 if days else math.nan
        elif days and more_days:
            compared = compare_rates(crimes, days, more_crimes, more_days, confidence)
            ratio, ci_low, ci_high, p_value = compared.ratio, compared.ci_low, compared.ci_high, compared.p_value
        rows.append(ResidualRow(label, lowest, days, crimes, rate, ratio, ci_low, ci_high, p_value))
    return rows


def compare_groups(members, crime_day, crime_hotspot, days, residual_days=3, crime_ring=None, confidence=0.95):
    """For each group of crimes: its hotspot-day counts, patrol effect and residual deterrence.

    Parameters
    ----------
    members : dict of str to array_like of bool
        ``{group: True for each crime of the group}``, in the order wanted.
    crime_day : array_like of int
        Each crime's day from the evaluation period's first day; crimes
        outside ``0 .. D-1`` count nowhere.
    crime_hotspot : array_like of int
        Each crime's hotspot, negative outside every hotspot.
    days : PatrolDays
        The patrols (:func:`.hotspot_days.patrol_days`), which set the grid's shape.
    residual_days : int
        R of :func:`residual_deterrence`.
    crime_ring : array_like of int, optional
        Each crime's hotspot whose ring holds it, negative outside every
        ring; None without rings.
    confidence : float
        Confidence level of the intervals.

    Returns
    -------
    GroupComparison

    Raises
    ------
    InputError
        When the arrays are not one value per crime, and as
        :func:`count_crimes`, :func:`patrol_effect` and
        :func:`residual_deterrence` do.

    Examples
    --------
    >>> from hotspot_patrol.core.hotspot_days import patrol_days
    >>> days = patrol_days([0], [0], [15.0], n_hotspots=1, n_days=2)
    >>> compared = compare_groups({"all": [True, True]}, [0, 1], [0, 0], days, residual_days=1)
    >>> compared.counts["all"].tolist(), [(group, r.crimes_a, r.crimes_b) for group, r in compared.summary]
    ([[1, 1]], [('all', 1, 1)])
    """
    n_hotspots, n_days = days.patrolled.shape
    crime_day = np.asarray(crime_day)
    crime_hotspot = np.asarray(crime_hotspot)
    crime_ring = None if crime_ring is None else np.asarray(crime_ring)
    groups = {group: np.asarray(member, dtype=bool) for group, member in members.items()}
    arrays = [crime_day, crime_hotspot] + ([] if crime_ring is None else [crime_ring]) + list(groups.values())
    if len({array.shape for array in arrays}) > 1:
        raise InputError("The crimes' days, hotspots, rings and group masks must have one value per crime.")
    counts, ring_counts, summary, residual = {}, {}, [], []
    for group, member in groups.items():
        counts[group] = count_crimes(crime_hotspot[member], crime_day[member], n_hotspots, n_days)
        summary.append((group, patrol_effect(counts[group], days.patrolled, confidence)))
        residual += [(group, row) for row in residual_deterrence(counts[group], days.days_since, residual_days,
                                                                 confidence)]
        if crime_ring is not None:
            ring_counts[group] = count_crimes(crime_ring[member], crime_day[member], n_hotspots, n_days)
            summary.append((group + RING_SUFFIX, patrol_effect(ring_counts[group], days.patrolled, confidence)))
    return GroupComparison(counts=counts, ring_counts=ring_counts, summary=summary, residual=residual)


def hotspot_totals(days, counts):
    """Each hotspot's patrol days, visits, minutes and crimes on patrol days and other days.

    Parameters
    ----------
    days : PatrolDays
        The patrols (:func:`.hotspot_days.patrol_days`).
    counts : dict of str to array_like of int
        ``{group: crimes per hotspot-day}`` on the same grid
        (:attr:`GroupComparison.counts`).

    Returns
    -------
    HotspotTotals

    Raises
    ------
    InputError
        When a grid of counts is not the patrols' shape.

    Examples
    --------
    >>> from hotspot_patrol.core.hotspot_days import patrol_days
    >>> days = patrol_days([0, 0], [0, 0], [15.0, 20.0], n_hotspots=1, n_days=3)
    >>> totals = hotspot_totals(days, {"all": [[2, 0, 1]]})
    >>> totals.patrol_days.tolist(), totals.visits.tolist(), totals.minutes.tolist()
    ([1], [2], [35.0])
    >>> totals.crimes_patrol["all"].tolist(), totals.crimes_other["all"].tolist()
    ([2], [1])
    """
    patrolled = days.patrolled
    crimes_patrol, crimes_other = {}, {}
    for group, grid in counts.items():
        grid = _count_grid(grid)
        if grid.shape != patrolled.shape:
            raise InputError(f"The counts of {group} must be a hotspots x days grid of the patrols' shape "
                             f"{patrolled.shape}, not {grid.shape}.")
        crimes_patrol[group] = np.where(patrolled, grid, 0).sum(axis=1)
        crimes_other[group] = np.where(patrolled, 0, grid).sum(axis=1)
    return HotspotTotals(patrol_days=patrolled.sum(axis=1), visits=days.visits.sum(axis=1),
                         minutes=days.minutes.sum(axis=1), crimes_patrol=crimes_patrol, crimes_other=crimes_other)


def _count_grid(counts):
    counts = np.asarray(counts)
    if counts.ndim != 2:
        raise InputError(f"counts must be a hotspots x days grid (2-D), not shape {counts.shape}; "
                         "build it with count_crimes().")
    as_float = counts.astype(float)
    if not np.all(np.isfinite(as_float)) or np.any(as_float < 0) or np.any(as_float != np.floor(as_float)):
        raise InputError("counts must be whole numbers of crimes, 0 or more; build them with count_crimes().")
    return as_float.astype(np.int64)
