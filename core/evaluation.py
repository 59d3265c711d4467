"""Did the hotspot patrols work?  Crime on patrol days against other days, and residual deterrence.

On the hotspot-by-day grids of :mod:`.hotspot_days` this module compares crime rates per
hotspot-day: :func:`within_hotspot_effect` patrol days against the other days of the same hotspot
(or hotspot and weekday) - the primary analysis, since busy and quiet hotspots are rarely
patrolled equally often; :func:`patrol_effect` the same pooled over hotspots (the exact test of
:func:`.poisson_rates.compare_rates`); :func:`residual_deterrence` the days after a patrol against
the days long after one (Koper 1995; Sherman & Weisburd 1995).  :func:`compare_groups` makes them
per group of crimes, in the hotspots and their rings, with an assignment of patrol days (intention
to treat) and with harm (:mod:`.harm_effect`); :func:`hotspot_totals` sums each hotspot for the
report.

References
----------
Breslow, N. E. and Day, N. E. (1987). Statistical Methods in Cancer Research,
    Volume II: The Design and Analysis of Cohort Studies. IARC Scientific
    Publications 82. Lyon: IARC.
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
from .harm_effect import DEFAULT_RESAMPLES, harm_effect, harm_grid
from .hotspot_days import count_crimes
from .poisson_rates import RateComparison, check_confidence, compare_rates
from .stratified import within_hotspot_effect as stratified_effect

RING_SUFFIX = " (ring)"  # a group's comparison in the rings: "<group> (ring)"
# The analyses of the patrol effect (:class:`Effect`).
WITHIN_HOTSPOT, AS_DELIVERED, POOLED = "within_hotspot", "as_delivered", "pooled"


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
class Effect:
    """One row of the patrol effect (:func:`compare_groups`): a group's crimes in one analysis.

    Attributes
    ----------
    group : str
        The group, or ``"<group> (ring)"`` for its rings.
    analysis : str
        :data:`WITHIN_HOTSPOT` (the primary), :data:`AS_DELIVERED` or :data:`POOLED`.
    primary : bool
        True for the analysis to read first.
    rates : RateComparison
        Patrol days (``a``) against other days (``b``): :func:`within_hotspot_effect` or,
        pooled, :func:`patrol_effect`.
    harm : HarmEffect or None
        The same comparison of harm (:func:`.harm_effect.harm_effect`); None without harm.
    """

    group: str
    analysis: str
    primary: bool
    rates: RateComparison
    harm: object = None


@dataclass(frozen=True)
class GroupComparison:
    """Every group's crimes on the hotspot-day grid, compared (:func:`compare_groups`).

    Attributes
    ----------
    counts : dict of str to ndarray of int
        ``{group: crimes per hotspot-day in the hotspots}``.
    ring_counts : dict of str to ndarray of int
        ``{group: crimes per hotspot-day in the hotspots' rings}``; empty without rings.
    summary : list of Effect
        Per group its rows (the primary first), then with rings ``"<group> (ring)"``'s.
    residual : list of (str, ResidualRow)
        Per group, its rows of :func:`residual_deterrence`.
    compliance : float or None
        The share of assigned hotspot-days that had a visit; None without an assignment.
    """

    counts: dict
    ring_counts: dict
    summary: list
    residual: list
    compliance: object = None


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
        ``{group: per hotspot, its crimes on patrol days}``, and on the other days.
    assigned_days : ndarray of int or None
        Per hotspot: its days assigned a patrol; None without an assignment.
    """

    patrol_days: np.ndarray
    visits: np.ndarray
    minutes: np.ndarray
    crimes_patrol: dict
    crimes_other: dict
    assigned_days: object = None


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
    counts, patrolled = _patrol_grids(counts, patrolled)
    days_a = int(patrolled.sum())
    return compare_rates(int(counts[patrolled].sum()), days_a, int(counts[~patrolled].sum()),
                         patrolled.size - days_a, confidence)


def within_hotspot_effect(counts, patrolled, strata=None, confidence=0.95):
    """Crime rate on patrol days against the other days of the same hotspot, one ratio for all.

    Each stratum (a hotspot, or a hotspot on one weekday) gives its crimes and hotspot-days on
    patrol and on other days; the common ratio is the conditional Poisson (fixed-effects)
    estimate of :func:`.stratified.within_strata_rate_ratio` with its likelihood-ratio interval
    and test (Breslow & Day 1987, sec. 4.4), widened for overdispersed daily counts by the
    quasi-Poisson dispersion estimated from the hotspot-days (:func:`.stratified.within_hotspot_effect`;
    without it, a negative-binomial city makes "significant" effects of chance).  Hotspots' crime levels
    cancel, so a busy hotspot patrolled more often than a quiet one does not bias it as it biases
    :func:`patrol_effect`.

    Parameters
    ----------
    counts : array_like of int
        Crimes per hotspot-day (:func:`count_crimes`).
    patrolled : array_like of bool
        Same shape; True on patrol days.
    strata : array_like of int, optional
        Same shape: each hotspot-day's stratum; default its hotspot (row).
    confidence : float
        Confidence level of the interval.

    Returns
    -------
    RateComparison
        Crimes and exposures of the strata with both patrol and other days (the others say
        nothing about the ratio) and their crude rates (NaN without such a stratum); ``ratio``,
        ``ci_low``, ``ci_high`` and ``p_value`` are the within-strata estimate.

    Raises
    ------
    InputError
        As :func:`patrol_effect`, and for strata of another shape.

    Examples
    --------
    >>> result = within_hotspot_effect([[2, 1, 1, 1], [8, 4, 4, 4]], [[True, False, False, False]] * 2)
    >>> result.crimes_a, result.crimes_b, round(result.ratio, 6)
    (10, 15, 2.0)
    """
    counts, patrolled = _patrol_grids(counts, patrolled)
    strata = _day_strata(*counts.shape, None) if strata is None else np.asarray(strata)
    if strata.shape != counts.shape:
        raise InputError(f"strata must be a hotspots x days grid of the counts' shape {counts.shape}, not "
                         f"{strata.shape}.")
    ratio = stratified_effect(counts.ravel(), strata.ravel(), patrolled.ravel(), 1.0 - check_confidence(confidence))
    a, e_a, b, e_b = ratio.events_treated, ratio.exposure_treated, ratio.events_control, ratio.exposure_control
    return RateComparison(a, e_a, b, e_b, a / e_a if e_a else math.nan, b / e_b if e_b else math.nan,
                          ratio.rate_ratio, (ratio.rate_ratio - 1.0) * 100.0, ratio.ci_low, ratio.ci_high,
                          ratio.p_value)


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


def compare_groups(members, crime_day, crime_hotspot, days, residual_days=3, crime_ring=None, confidence=0.95, *,
                   assigned=None, first_weekday=None, crime_harm=None, resamples=DEFAULT_RESAMPLES, seed=None):
    """For each group of crimes: its hotspot-day counts, patrol effect and residual deterrence.

    The patrol effect has a row per analysis (:class:`Effect`), the primary first: within
    hotspots (:func:`within_hotspot_effect`) on the days visited, and pooled (:func:`patrol_effect`).
    With ``assigned`` the primary compares the assigned days, visited or not, within hotspots
    (intention to treat, which a random assignment protects); the visited days within hotspots
    become the :data:`AS_DELIVERED` row.

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
    assigned : array_like of bool, optional
        The hotspot-days assigned a patrol, on the patrols' grid.
    first_weekday : int, optional
        The first day's weekday (0 Monday .. 6 Sunday): the within-hotspot strata are then hotspot
        x weekday; None: hotspots.
    crime_harm : array_like of float, optional
        Each crime's harm (0 when unknown): every row gets a harm ratio
        (:func:`.harm_effect.harm_effect`, pooled rows resampled within hotspots).
    resamples : int
        Bootstrap resamples of each harm interval.
    seed : int or numpy.random.Generator, optional
        Seed of the bootstrap.

    Returns
    -------
    GroupComparison

    Raises
    ------
    InputError
        When the arrays are not one value per crime, when ``assigned`` is not the patrols' shape
        or assigns no day, and as :func:`count_crimes`, :func:`patrol_effect` and
        :func:`residual_deterrence` do.

    Examples
    --------
    >>> from hotspot_patrol.core.hotspot_days import patrol_days
    >>> days = patrol_days([0], [0], [15.0], n_hotspots=1, n_days=2)
    >>> compared = compare_groups({"all": [True, True]}, [0, 1], [0, 0], days, residual_days=1)
    >>> compared.counts["all"].tolist(), [(e.analysis, e.rates.crimes_a, e.rates.crimes_b) for e in compared.summary]
    ([[1, 1]], [('within_hotspot', 1, 1), ('pooled', 1, 1)])
    """
    n_hotspots, n_days = days.patrolled.shape
    crime_day, crime_hotspot = np.asarray(crime_day), np.asarray(crime_hotspot)
    crime_ring, crime_harm = (None if v is None else np.asarray(v) for v in (crime_ring, crime_harm))
    groups = {group: np.asarray(member, dtype=bool) for group, member in members.items()}
    arrays = [crime_day, crime_hotspot] + [v for v in (crime_ring, crime_harm) if v is not None] + list(groups.values())
    if len({array.shape for array in arrays}) > 1:
        raise InputError("The crimes' days, hotspots, rings, harm and group masks must have one value per crime.")
    analyses = _analyses(days.patrolled, assigned, _day_strata(n_hotspots, n_days, first_weekday))
    rng = np.random.default_rng(seed)
    counts, ring_counts, summary, residual = {}, {}, [], []
    for group, member in groups.items():
        places = [(group, crime_hotspot, counts)] + ([] if crime_ring is None else
                                                     [(group + RING_SUFFIX, crime_ring, ring_counts)])
        for name, place, grids in places:
            grids[group] = count_crimes(place[member], crime_day[member], n_hotspots, n_days)
            harm = None if crime_harm is None else harm_grid(place[member], crime_day[member], crime_harm[member],
                                                             n_hotspots, n_days)
            summary += [_effect(name, grids[group], harm, analysis, confidence, resamples, rng)
                        for analysis in analyses]
        residual += [(group, row) for row in residual_deterrence(counts[group], days.days_since, residual_days,
                                                                 confidence)]
    compliance = None if assigned is None else float((analyses[0][2] & days.patrolled).sum() / analyses[0][2].sum())
    return GroupComparison(counts=counts, ring_counts=ring_counts, summary=summary, residual=residual,
                           compliance=compliance)


def _day_strata(n_hotspots, n_days, first_weekday):
    """Each hotspot-day's stratum: its hotspot, or with ``first_weekday`` (0 Monday) hotspot x weekday."""
    hotspot = np.arange(n_hotspots)[:, np.newaxis]
    if first_weekday is None:
        return np.broadcast_to(hotspot, (n_hotspots, n_days))
    return hotspot * 7 + (first_weekday + np.arange(n_days)[np.newaxis, :]) % 7


def _analyses(visited, assigned, strata):
    """``(analysis, primary, patrol days, strata or None for pooled)`` of each row, the primary first."""
    visited_rows = [(POOLED, False, visited, None)]
    if assigned is None:
        return [(WITHIN_HOTSPOT, True, visited, strata)] + visited_rows
    assigned = np.asarray(assigned, dtype=bool)  # its shape is checked with the counts'
    if not assigned.any():
        raise InputError("The assignment gives no hotspot a patrol on any day of the evaluation period: choose the "
                         "assignment of the patrols in this period, or an evaluation period that covers it.",
                         setting="assigned")
    return [(WITHIN_HOTSPOT, True, assigned, strata), (AS_DELIVERED, False, visited, strata)] + visited_rows


def _effect(name, counts, harm, analysis, confidence, resamples, rng):
    """The :class:`Effect` of one analysis (from :func:`_analyses`) of one grid of counts."""
    kind, primary, patrolled, strata = analysis
    rates = (patrol_effect(counts, patrolled, confidence) if strata is None
             else within_hotspot_effect(counts, patrolled, strata, confidence))
    return Effect(name, kind, primary, rates, None if harm is None else harm_effect(
        harm, patrolled, strata, within_strata=strata is not None, resamples=resamples, confidence=confidence,
        seed=rng))


def hotspot_totals(days, counts, assigned=None):
    """Each hotspot's patrol days, visits, minutes and crimes on patrol days and other days.

    Parameters
    ----------
    days : PatrolDays
        The patrols (:func:`.hotspot_days.patrol_days`).
    counts : dict of str to array_like of int
        ``{group: crimes per hotspot-day}`` on the same grid
        (:attr:`GroupComparison.counts`).
    assigned : array_like of bool, optional
        The hotspot-days assigned a patrol, on the same grid.

    Returns
    -------
    HotspotTotals

    Raises
    ------
    InputError
        When a grid of counts, or ``assigned``, is not the patrols' shape.

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
    if assigned is not None and np.shape(assigned) != patrolled.shape:
        raise InputError(f"assigned must be a grid of the patrols' shape {patrolled.shape}, not {np.shape(assigned)}.")
    for group, grid in counts.items():
        grid = _count_grid(grid)
        if grid.shape != patrolled.shape:
            raise InputError(f"The counts of {group} must be a hotspots x days grid of the patrols' shape "
                             f"{patrolled.shape}, not {grid.shape}.")
        crimes_patrol[group] = np.where(patrolled, grid, 0).sum(axis=1)
        crimes_other[group] = np.where(patrolled, 0, grid).sum(axis=1)
    return HotspotTotals(patrol_days=patrolled.sum(axis=1), visits=days.visits.sum(axis=1),
                         minutes=days.minutes.sum(axis=1), crimes_patrol=crimes_patrol, crimes_other=crimes_other,
                         assigned_days=None if assigned is None else np.asarray(assigned, dtype=bool).sum(axis=1))


def _patrol_grids(counts, patrolled):
    """The counts and patrol days checked: grids of one shape, with both patrol and other days."""
    counts = _count_grid(counts)
    patrolled = np.asarray(patrolled)
    if patrolled.shape != counts.shape:
        raise InputError(f"counts and patrolled must both be hotspots x days grids of the same shape "
                         f"(got {counts.shape} and {patrolled.shape}).")
    patrolled = patrolled.astype(bool)
    if not patrolled.any():
        raise InputError("No hotspot was patrolled on any day of the evaluation period: the plan and the evaluation "
                         "period do not overlap. Choose an evaluation period that covers the plan's dates, or the "
                         "plan that was carried out in it.")
    if patrolled.all():
        raise InputError("Every hotspot was patrolled on every day of the evaluation period, so there are no "
                         "unpatrolled hotspot-days to compare with: extend the evaluation period beyond the plan's "
                         "dates.")
    return counts, patrolled


def _count_grid(counts):
    counts = np.asarray(counts)
    if counts.ndim != 2:
        raise InputError(f"counts must be a hotspots x days grid (2-D), not shape {counts.shape}; "
                         "build it with count_crimes().")
    as_float = counts.astype(float)
    if not np.all(np.isfinite(as_float)) or np.any(as_float < 0) or np.any(as_float != np.floor(as_float)):
        raise InputError("counts must be whole numbers of crimes, 0 or more; build them with count_crimes().")
    return as_float.astype(np.int64)
