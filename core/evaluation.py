"""Did the hotspot patrols work?  Crime on patrolled days, residual deterrence and displacement.

Crimes and patrol visits arrive already assigned to hotspots ``0 .. H-1`` and to
whole day indices counted from the evaluation period's first day (``0 .. D-1``
inside the period).  From them this module builds hotspot-by-day grids
(:func:`count_crimes`, :func:`patrol_days`) and compares crime rates per
hotspot-day:

* :func:`patrol_effect`: patrolled hotspot-days against all other hotspot-days;
* :func:`residual_deterrence`: patrol days and the 1, 2, ... R days after a
  patrol against the days further from one (Koper 1995; Sherman & Weisburd
  1995);
* :func:`weighted_displacement_quotient`: whether crime moved to, or the
  benefit spread into, a buffer around the target area (Bowers & Johnson 2003).

Every rate comparison is the exact conditional test for two Poisson rates
(:func:`compare_rates`), the test of R's ``poisson.test``.

References
----------
Bowers, K. J. and Johnson, S. D. (2003). Measuring the geographical
    displacement and diffusion of benefit effects of crime prevention
    activity. Journal of Quantitative Criminology 19(3), 275-301.
Clopper, C. J. and Pearson, E. S. (1934). The use of confidence or fiducial
    limits illustrated in the case of the binomial. Biometrika 26(4), 404-413.
Fay, M. P. (2010). Two-sided exact tests and matching confidence intervals
    for discrete data. The R Journal 2(1), 53-58.
Koper, C. S. (1995). Just enough police presence: reducing crime and
    disorderly behavior by optimizing patrol time in crime hot spots. Justice
    Quarterly 12(4), 649-672.
Przyborowski, J. and Wilenski, H. (1940). Homogeneity of results in testing
    samples from Poisson series. Biometrika 31(3/4), 313-323.
Sherman, L. W. and Weisburd, D. (1995). General deterrent effects of police
    patrol in crime "hot spots": a randomized, controlled trial. Justice
    Quarterly 12(4), 625-648.
"""

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats


@dataclass(frozen=True)
class RateComparison:
    """Two Poisson rates compared: ``a`` (e.g. patrolled days) against ``b`` (the reference).

    Attributes
    ----------
    crimes_a, crimes_b : int
        Events counted in each group.
    exposure_a, exposure_b : float
        Exposure of each group (hotspot-days here).
    rate_a, rate_b : float
        ``crimes / exposure``.
    ratio : float
        Rate ratio ``rate_a / rate_b``; NaN when there are no crimes at all,
        infinite when ``crimes_b`` is 0 and ``crimes_a`` is not.
    change_pct : float
        ``(ratio - 1) * 100``: -40 means 40 % less crime in group ``a``.
    ci_low, ci_high : float
        Exact (Clopper-Pearson based) confidence interval of the rate ratio.
    p_value : float
        Two-sided exact p-value of "the rates are equal".
    """

    crimes_a: int
    exposure_a: float
    crimes_b: int
    exposure_b: float
    rate_a: float
    rate_b: float
    ratio: float
    change_pct: float
    ci_low: float
    ci_high: float
    p_value: float


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
class DisplacementResult:
    """Bowers & Johnson's (2003) displacement measures.

    Attributes
    ----------
    success_measure : float
        ``Ra/Ca - Rb/Cb``: negative when crime fell in the target area relative
        to the control area.
    buffer_measure : float
        ``Da/Ca - Db/Cb``: the same for the buffer area (positive: crime rose
        there relative to control).
    wdq : float
        Weighted displacement quotient ``buffer_measure / success_measure``;
        NaN when ``success_measure >= 0`` (no relative reduction in the target
        area, so nothing to be displaced or diffused).
    reading : str
        A plain-English sentence saying what the numbers mean.
    """

    success_measure: float
    buffer_measure: float
    wdq: float
    reading: str


def compare_rates(crimes_a, exposure_a, crimes_b, exposure_b, confidence=0.95):
    """Exact conditional comparison of two Poisson rates (R's ``poisson.test``).

    Given ``n = a + b`` events, ``a`` is Binomial(n, pi) with
    ``pi = E_a RR / (E_a RR + E_b)``, where RR is the rate ratio
    (Przyborowski & Wilenski 1940).  The confidence interval is the
    Clopper-Pearson interval of pi mapped to ``RR = pi / (1 - pi) * E_b / E_a``;
    the p-value is the two-sided exact binomial test of
    ``pi0 = E_a / (E_a + E_b)`` that sums the probabilities of all outcomes no
    more likely than the one observed (:func:`scipy.stats.binomtest`, as R's
    ``binom.test``).  As in R, this p-value and the central interval are not
    exactly matched (Fay 2010): near the 5 % boundary ``p < 0.05`` and "the
    interval excludes 1" can disagree.

    Parameters
    ----------
    crimes_a, crimes_b : int
        Non-negative whole numbers of events.
    exposure_a, exposure_b : float
        Positive exposures (hotspot-days, years, ...).
    confidence : float
        Confidence level of the interval, strictly between 0 and 1.

    Returns
    -------
    RateComparison
        With no events at all (``n = 0``) the ratio is NaN, the interval
        (0, inf) and the p-value 1.  With ``a = 0`` the interval starts at 0;
        with ``b = 0`` it ends at infinity.

    References
    ----------
    Przyborowski, J. and Wilenski, H. (1940). Homogeneity of results in
        testing samples from Poisson series. Biometrika 31(3/4), 313-323.
    Clopper, C. J. and Pearson, E. S. (1934). Biometrika 26(4), 404-413.
    Fay, M. P. (2010). Two-sided exact tests and matching confidence intervals
        for discrete data. The R Journal 2(1), 53-58.
    """
    a = _count(crimes_a, "crimes_a")
    b = _count(crimes_b, "crimes_b")
    e_a = _exposure(exposure_a, "exposure_a")
    e_b = _exposure(exposure_b, "exposure_b")
    alpha = 1.0 - _confidence(confidence)
    n = a + b
    rate_a, rate_b = a / e_a, b / e_b
    if n == 0:
        return RateComparison(a, e_a, b, e_b, rate_a, rate_b, math.nan, math.nan, 0.0, math.inf, 1.0)
    ratio = rate_a / rate_b if b > 0 else math.inf
    scale = e_b / e_a
    if a == 0:
        ci_low = 0.0
    else:
        pi_low = float(stats.beta.ppf(alpha / 2, a, b + 1))
        ci_low = pi_low / (1.0 - pi_low) * scale
    if b == 0:
        ci_high = math.inf
    else:
        pi_high = float(stats.beta.ppf(1.0 - alpha / 2, a + 1, b))
        ci_high = pi_high / (1.0 - pi_high) * scale
    p_value = float(stats.binomtest(a, n, e_a / (e_a + e_b), alternative="two-sided").pvalue)
    return RateComparison(a, e_a, b, e_b, rate_a, rate_b, ratio, (ratio - 1.0) * 100.0,
                          ci_low, ci_high, min(p_value, 1.0))


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
    ValueError
        On hotspot indices outside ``0 .. n_hotspots - 1``, days that are not
        whole numbers, negative or missing minutes, or arrays of different
        lengths.
    """
    n_hotspots, n_days = _grid_shape(n_hotspots, n_days)
    hotspot = _whole_numbers(visit_hotspot, "visit_hotspot")
    day = _whole_numbers(visit_day, "visit_day")
    minutes = np.asarray(visit_minutes, dtype=float).ravel()
    if not (hotspot.shape == day.shape == minutes.shape):
        raise ValueError("visit_hotspot, visit_day and visit_minutes must have one value per visit "
                         f"(got {hotspot.size}, {day.size} and {minutes.size}).")
    if not np.all(np.isfinite(minutes)) or np.any(minutes < 0):
        raise ValueError("visit_minutes must be 0 or more minutes for every visit; fill in missing durations.")
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


def count_crimes(crime_hotspot, crime_day, n_hotspots, n_days):
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

    Returns
    -------
    ndarray of int
    """
    n_hotspots, n_days = _grid_shape(n_hotspots, n_days)
    hotspot = _whole_numbers(crime_hotspot, "crime_hotspot")
    day = _whole_numbers(crime_day, "crime_day")
    if hotspot.shape != day.shape:
        raise ValueError(f"crime_hotspot and crime_day must have one value per crime "
                         f"(got {hotspot.size} and {day.size}).")
    _check_hotspots(hotspot, n_hotspots, "crime_hotspot", allow_outside=True)
    keep = (hotspot >= 0) & (day >= 0) & (day < n_days)
    cell = hotspot[keep] * n_days + day[keep]
    return np.bincount(cell, minlength=n_hotspots * n_days).reshape(n_hotspots, n_days).astype(np.int64)


def patrol_effect(counts, patrolled, confidence=0.95):
    """Crime rate on patrolled hotspot-days against all other hotspot-days.

    Parameters
    ----------
    counts : array_like of int
        Crimes per hotspot-day (:func:`count_crimes`).
    patrolled : array_like of bool
        Same shape; True on patrol days (:attr:`PatrolDays.patrolled`).
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
    ValueError
        When no hotspot-day, or every hotspot-day, was patrolled.
    """
    counts = _count_grid(counts)
    patrolled = np.asarray(patrolled)
    if patrolled.shape != counts.shape:
        raise ValueError(f"counts and patrolled must both be hotspots x days grids of the same shape "
                         f"(got {counts.shape} and {patrolled.shape}).")
    patrolled = patrolled.astype(bool)
    days_a = int(patrolled.sum())
    days_b = int(patrolled.size - days_a)
    if days_a == 0:
        raise ValueError("No hotspot was patrolled on any day of the evaluation period: the plan and the "
                         "evaluation period do not overlap. Choose an evaluation period that covers the "
                         "plan's dates, or the plan that was carried out in it.")
    if days_b == 0:
        raise ValueError("Every hotspot was patrolled on every day of the evaluation period, so there are "
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
        first (:attr:`PatrolDays.days_since`).
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
    ValueError
        When ``residual_days`` is not a whole number of at least 1.

    References
    ----------
    Koper, C. S. (1995). Justice Quarterly 12(4), 649-672.
    """
    if isinstance(residual_days, bool) or not float(residual_days).is_integer() or residual_days < 1:
        raise ValueError(f"residual_days must be a whole number of days, at least 1 (got {residual_days!r}).")
    residual_days = int(residual_days)
    _confidence(confidence)
    counts = _count_grid(counts)
    days_since = np.asarray(days_since, dtype=float)
    if days_since.shape != counts.shape:
        raise ValueError(f"counts and days_since must both be hotspots x days grids of the same shape "
                         f"(got {counts.shape} and {days_since.shape}).")
    known = np.isfinite(days_since)
    if np.any(days_since[known] < 0):
        raise ValueError("days_since must be 0 or more (NaN before the first patrol); "
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


def weighted_displacement_quotient(target_before, target_after, buffer_before, buffer_after,
                                   control_before, control_after):
    """Bowers & Johnson's (2003) weighted displacement quotient (WDQ).

    With crimes R in the target (patrolled) area, D in a buffer around it and
    C in a control area, each counted before (b) and after (a) the scheme
    started::

        success_measure = Ra/Ca - Rb/Cb
        buffer_measure  = Da/Ca - Db/Cb
        WDQ             = buffer_measure / success_measure

    A negative success measure means crime fell in the target area relative
    to the control area.  Then WDQ > 0 means a diffusion of benefit into the
    buffer (WDQ > 1: greater than the direct effect), WDQ < 0 displacement
    into it (-1 < WDQ < 0: smaller than the direct benefit; WDQ < -1:
    greater, the scheme may have been counter-productive) and WDQ = 0
    neither.  With a success measure of 0 or more there was no relative
    reduction to be displaced and the WDQ is not interpretable (NaN here).

    Because every count is divided by the control count of the same period,
    the before and after periods need not be equally long, but all three
    areas must be counted over the same periods.

    Parameters
    ----------
    target_before, target_after, buffer_before, buffer_after, control_before, control_after : float
        Crime counts (0 or more); both control counts must be positive.

    Returns
    -------
    DisplacementResult

    Raises
    ------
    ValueError
        On negative or missing counts, or a control count of 0.

    References
    ----------
    Bowers, K. J. and Johnson, S. D. (2003). Measuring the geographical
        displacement and diffusion of benefit effects of crime prevention
        activity. Journal of Quantitative Criminology 19(3), 275-301.
    """
    values = {"target_before": target_before, "target_after": target_after,
              "buffer_before": buffer_before, "buffer_after": buffer_after,
              "control_before": control_before, "control_after": control_after}
    for name, value in values.items():
        number = _scalar(value, name)
        if not math.isfinite(number) or number < 0:
            raise ValueError(f"{name} must be a crime count of 0 or more, not {value!r}.")
        values[name] = number
    for name, period in (("control_before", "before"), ("control_after", "after")):
        if values[name] == 0:
            raise ValueError(f"{name} is 0: the control area had no crimes in the {period} period, so the "
                             "target and buffer counts cannot be set against it. Use a larger control area "
                             "or longer before/after periods.")
    rb, ra = values["target_before"], values["target_after"]
    db, da = values["buffer_before"], values["buffer_after"]
    cb, ca = values["control_before"], values["control_after"]
    success = ra / ca - rb / cb
    buffer = da / ca - db / cb
    wdq = buffer / success if success < 0 else math.nan
    return DisplacementResult(success_measure=success, buffer_measure=buffer, wdq=wdq,
                              reading=_wdq_reading(success, wdq))


def _wdq_reading(success, wdq):
    if success >= 0:
        return (f"Crime did not fall in the target area relative to the control area (success measure "
                f"{success:+.3g}), so there is no reduction that could have been displaced or spread: "
                "the WDQ is not interpretable.")
    start = f"Crime fell in the target area relative to the control area (success measure {success:+.3g}); "
    if math.isclose(wdq, 0.0, abs_tol=1e-9):
        return (start + "the buffer area did not change relative to control: no displacement and no diffusion "
                "of benefit (WDQ 0).")
    if wdq > 0:
        size = ("greater than" if wdq > 1 + 1e-9 else
                "as large as" if math.isclose(wdq, 1.0, rel_tol=1e-9) else "smaller than")
        return (start + f"crime also fell in the buffer area: a diffusion of benefit, {size} the direct effect "
                f"(WDQ {wdq:.3g}).")
    if math.isclose(wdq, -1.0, rel_tol=1e-9):
        return (start + "crime rose in the buffer area by as much: displacement that cancels the direct "
                f"benefit (WDQ {wdq:.3g}).")
    if wdq < -1:
        return (start + "crime rose more in the buffer area: displacement greater than the direct benefit, "
                f"so the patrols may have been counter-productive (WDQ {wdq:.3g}).")
    return (start + "crime rose in the buffer area: some displacement, smaller than the direct benefit, "
            f"so a net reduction remains (WDQ {wdq:.3g}).")


def _scalar(value, name):
    array = np.asarray(value)
    if array.ndim != 0:
        raise ValueError(f"{name} must be a single number, not an array of shape {array.shape}.")
    try:
        return float(array)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, not {value!r}.") from None


def _count(value, name):
    number = _scalar(value, name)
    if not math.isfinite(number) or number < 0 or not number.is_integer():
        raise ValueError(f"{name} must be a whole number of crimes, 0 or more, not {value!r}.")
    return int(number)


def _exposure(value, name):
    number = _scalar(value, name)
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"{name} must be a positive exposure (e.g. a number of hotspot-days), not {value!r}; "
                         "a group with no exposure cannot be compared.")
    return number


def _confidence(confidence):
    number = _scalar(confidence, "confidence")
    if not 0 < number < 1:
        raise ValueError(f"confidence must be strictly between 0 and 1 (e.g. 0.95), not {confidence!r}.")
    return number


def _grid_shape(n_hotspots, n_days):
    shape = []
    for name, value in (("n_hotspots", n_hotspots), ("n_days", n_days)):
        number = _scalar(value, name)
        if not number.is_integer() or number < 1:
            raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}.")
        shape.append(int(number))
    return tuple(shape)


def _whole_numbers(values, name):
    array = np.asarray(values).ravel()
    if array.dtype.kind in "iub":
        return array.astype(np.int64)
    try:
        as_float = array.astype(float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must hold whole numbers.") from None
    if not np.all(np.isfinite(as_float)) or np.any(as_float != np.floor(as_float)):
        raise ValueError(f"{name} must hold whole numbers (no NaN or fractions); drop or fix those records first.")
    return as_float.astype(np.int64)


def _check_hotspots(hotspot, n_hotspots, name, allow_outside):
    bad = (hotspot >= n_hotspots) if allow_outside else ((hotspot < 0) | (hotspot >= n_hotspots))
    if np.any(bad):
        example = int(hotspot[bad][0])
        outside = " or a negative index for a record outside every hotspot" if allow_outside else ""
        raise ValueError(f"{name} has hotspot index {example}, but the hotspots are numbered 0..{n_hotspots - 1}: "
                         f"give each record one of those indices{outside}, or drop it, first.")


def _count_grid(counts):
    counts = np.asarray(counts)
    if counts.ndim != 2:
        raise ValueError(f"counts must be a hotspots x days grid (2-D), not shape {counts.shape}; "
                         "build it with count_crimes().")
    as_float = counts.astype(float)
    if not np.all(np.isfinite(as_float)) or np.any(as_float < 0) or np.any(as_float != np.floor(as_float)):
        raise ValueError("counts must be whole numbers of crimes, 0 or more; build them with count_crimes().")
    return as_float.astype(np.int64)
