"""Patrolled against unpatrolled days within each hotspot: one rate ratio across strata.

A pooled ratio (all patrol-day crimes over all patrol days, against the same for the other days)
is biased when the busy hotspots are patrolled more or less often than the quiet ones.  Comparing
within each stratum (a hotspot, or a hotspot on one weekday) removes the differences between the
strata: with a common rate ratio RR and a free rate for every stratum (a fixed-effects Poisson
model), conditioning on each stratum's total of crimes ``n_h`` removes the free rates, leaving the
crimes on patrol days Binomial(``n_h``, ``p_h``) with ``p_h = RR T1_h / (RR T1_h + T0_h)``
(Breslow & Day 1987, sec. 4.4; the conditional likelihood is the fixed-effects Poisson profile
likelihood, so the estimate is the same as the Poisson regression's).

:func:`within_strata_rate_ratio` gives the conditional maximum-likelihood estimate, its
likelihood-ratio (profile) interval, the likelihood-ratio test of RR = 1 and the Mantel-Haenszel
rate ratio (Greenland & Robins 1985) as a cross-check; :func:`within_strata_test` is the same test
for many simulated trials at once (:mod:`.power`).

Daily crime counts vary more than Poisson counts (a negative binomial), and then each stratum's split
of its crimes between patrol and other days varies more than the binomial: the Poisson test rejects
far more often than ``alpha`` when nothing changed.  :func:`overdispersion` estimates the
quasi-Poisson dispersion phi from the day counts (Pearson's X2 about the fitted model, each stratum's
weighted by its information; Wedderburn 1974, McCullagh & Nelder 1989, sec. 4.5), and with phi > 1 the
likelihood-ratio statistic is divided by phi and referred to F(1, df): the quasi-likelihood test and
profile interval.  :func:`within_hotspot_effect` does all of it from hotspot-day counts.

References
----------
Breslow, N. E. and Day, N. E. (1987). Statistical Methods in Cancer Research, Volume II: The
    Design and Analysis of Cohort Studies. IARC Scientific Publications 82. Lyon: IARC.
Greenland, S. and Robins, J. M. (1985). Estimation of a common effect parameter from sparse
    follow-up data. Biometrics 41(1), 55-68.
McCullagh, P. and Nelder, J. A. (1989). Generalized Linear Models, 2nd edition. London: Chapman &
    Hall, sec. 4.5 and ch. 9.
Wedderburn, R. W. M. (1974). Quasi-likelihood functions, generalized linear models, and the
    Gauss-Newton method. Biometrika 61(3), 439-447.
"""

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .errors import InputError
from .lazy_scipy import optimize, special, stats

METHOD = "conditional Poisson (hotspot strata), likelihood-ratio interval"
# The log rate ratio is searched within this distance of -log(T1/T0) of the strata: the fitted
# share of a stratum's crimes on patrol days then reaches exp(-40), far beyond any count.
_REACH = 40.0
_ITERATIONS = 100


@dataclass(frozen=True)
class RateRatio:
    """A rate ratio of patrol days against other days, estimated within strata.

    Attributes
    ----------
    rate_ratio : float
        Conditional maximum-likelihood estimate; 0 when no stratum has a crime on a patrol day,
        infinite when none has a crime on another day, NaN when no stratum has a crime at all.
    ci_low, ci_high : float
        Likelihood-ratio (profile likelihood) interval: the rate ratios the test at level
        ``alpha`` would not reject.  0 and infinity are the open ends.
    p_value : float
        Two-sided likelihood-ratio test of ``rate_ratio == 1``.
    mh_rate_ratio : float
        Mantel-Haenszel rate ratio (Greenland & Robins 1985).
    events_treated, events_control : int
        Crimes on patrol days and on other days, in the strata compared (both exposures > 0).
    exposure_treated, exposure_control : float
        Their exposures (e.g. hotspot-days), in the same strata.
    strata : int
        Strata that inform the estimate: both exposures > 0 and at least one crime.
    method : str
        How the ratio and interval were computed, in words.
    dispersion : float
        Quasi-Poisson dispersion phi the test and interval allow for (1: Poisson).
    dispersion_df : float or None
        Degrees of freedom of phi's estimate (F(1, df) test); None: phi known (chi-squared).
    """

    rate_ratio: float
    ci_low: float
    ci_high: float
    p_value: float
    mh_rate_ratio: float
    events_treated: int
    events_control: int
    exposure_treated: float
    exposure_control: float
    strata: int
    method: str
    dispersion: float = 1.0
    dispersion_df: object = None


class StrataTest(NamedTuple):
    """Many trials tested at once: the estimated rate ratios, whether RR = 1 was rejected, and phi."""

    rate_ratio: np.ndarray
    reject: np.ndarray
    dispersion: np.ndarray


class Overdispersion(NamedTuple):
    """Quasi-Poisson dispersion phi (at least 1) and the degrees of freedom of its estimate."""

    dispersion: float
    df: int


def within_strata_rate_ratio(events_treated, exposure_treated, events_control, exposure_control, alpha=0.05,
                             dispersion=1.0, dispersion_df=None):
    """The common rate ratio of treated against control exposure across strata.

    Conditional on each stratum's total ``n_h``, its treated count is Binomial(``n_h``, ``p_h``),
    ``p_h = RR T1_h / (RR T1_h + T0_h)``; the product of the binomials is maximised in log RR
    (the score is monotone, so :func:`scipy.optimize.brentq` finds its root).  The interval is the
    profile-likelihood one, where twice the fall in log-likelihood reaches the chi-squared(1)
    quantile; the p-value is the likelihood-ratio test of RR = 1.  Strata with zero exposure on one
    side say nothing about the ratio and are dropped; so, in effect, are strata without crimes.

    With a dispersion phi (:func:`overdispersion`) twice the fall in log-likelihood is divided by
    phi (quasi-likelihood; McCullagh & Nelder 1989, sec. 9.3) and, when phi was estimated with
    ``dispersion_df`` degrees of freedom, referred to F(1, ``dispersion_df``) instead of
    chi-squared(1): the interval widens by about ``sqrt(phi)`` and the p-value grows.

    Parameters
    ----------
    events_treated, events_control : array_like of int
        Crimes in each stratum on treated (patrol) and control exposure; whole numbers >= 0.
    exposure_treated, exposure_control : array_like of float
        Each stratum's exposure on either side (e.g. days), >= 0.
    alpha : float
        One minus the confidence of the interval, and the test's level, in (0, 1).
    dispersion : float
        Quasi-Poisson dispersion phi >= 1; 1 is the Poisson model.
    dispersion_df : float, optional
        Degrees of freedom of phi's estimate (> 0); None: phi known, chi-squared reference.

    Returns
    -------
    RateRatio
        With no crime on the treated side of any informative stratum the ratio is 0, the interval
        runs from 0 to its finite upper bound; with none on the control side the ratio is infinite
        and the interval runs from its finite lower bound to infinity (the maximum then lies at the
        boundary, where the log-likelihood is 0).  With no crime at all the ratio and the
        Mantel-Haenszel ratio are NaN, the interval is (0, inf) and the p-value 1.

    Raises
    ------
    InputError
        For arrays of different lengths or empty, counts that are not whole numbers >= 0,
        exposures that are negative or not finite, crimes on a side without exposure, an
        ``alpha`` outside (0, 1), a dispersion below 1 or a ``dispersion_df`` not above 0.

    References
    ----------
    Breslow & Day (1987), sec. 4.4; Greenland & Robins (1985); McCullagh & Nelder (1989), sec. 9.3
    (full entries in the module's references).

    Examples
    --------
    >>> result = within_strata_rate_ratio([10, 2], [10, 1], [20, 40], [10, 10])
    >>> round(result.rate_ratio, 3), result.strata
    (0.5, 2)
    """
    x1, t1, x0, t0 = _strata(events_treated, exposure_treated, events_control, exposure_control, ndim=1)
    level = _level(alpha)
    phi, df = _dispersion_setting(dispersion, dispersion_df)
    method = METHOD if (phi, df) == (1.0, None) else (
        f"quasi-Poisson (φ = {phi:.3g}{'' if df is None else f', F test on {df:g} df'}), conditional on hotspot "
        "strata, quasi-likelihood-ratio interval")
    critical = stats.chi2.ppf(1.0 - level, 1) if df is None else stats.f.ppf(1.0 - level, 1, df)
    used = (t1 > 0) & (t0 > 0)
    x1, t1, x0, t0 = x1[used], t1[used], x0[used], t0[used]
    n = x1 + x0
    offset = np.log(t1) - np.log(t0)
    totals = (int(x1.sum()), int(x0.sum()), float(t1.sum()), float(t0.sum()))
    mh = _mantel_haenszel(x1, t1, x0, t0)
    informative = int(np.count_nonzero(n > 0))
    if totals[0] + totals[1] == 0:
        return RateRatio(math.nan, 0.0, math.inf, 1.0, mh, *totals, informative, method, phi, df)

    def loglik(beta):
        return _log_likelihood(beta, x1, n, offset)

    beta_hat = _fit(x1[np.newaxis], n[np.newaxis], offset[np.newaxis])[0]
    top = 0.0 if np.isinf(beta_hat) else loglik(beta_hat)
    threshold = top - phi * critical / 2.0
    statistic = max(2.0 * (top - loglik(0.0)), 0.0) / phi
    p_value = float(stats.chi2.sf(statistic, 1) if df is None else stats.f.sf(statistic, 1, df))
    # At an infinite estimate the one finite bound is sought from where the log-likelihood is ~0.
    spread = offset[n > 0]
    anchor = {np.inf: _REACH - spread.min(), -np.inf: -_REACH - spread.max()}.get(beta_hat, beta_hat)
    low = 0.0 if beta_hat == -np.inf else _crossing(loglik, threshold, anchor, -1.0)
    high = math.inf if beta_hat == np.inf else _crossing(loglik, threshold, anchor, 1.0)
    return RateRatio(float(np.exp(beta_hat)), low, high, p_value, mh, *totals, informative, method, phi, df)


def overdispersion(events, stratum, treated, rate_ratio):
    """Quasi-Poisson dispersion phi of hotspot-day counts about the fitted within-strata model.

    Under the conditional model a day's expected count is ``n_h w_d / sum_h w`` (``n_h`` its
    stratum's crimes, ``w`` the rate ratio on treated days and 1 on the others, the sum over the
    stratum's days).  Each stratum's Pearson dispersion, X2_h / (days_h - 1) (Wedderburn 1974;
    McCullagh & Nelder 1989, sec. 4.5.2), is averaged with the weight of its information about the
    ratio, ``n_h p_h (1 - p_h)``: with negative-binomial days a busy hotspot's dispersion,
    ``1 + mu_h / k``, is larger, and it dominates the test's variance; one pooled X2 / df would
    understate it (the test then rejected in 13-21 % of no-effect simulated trials, not 5 %).  With
    one dispersion for all strata both estimate it.  phi is never below 1 (apparent underdispersion
    does not narrow intervals); df = days - strata - 1, over the strata the ratio is estimated from.

    Parameters
    ----------
    events : array_like of int, shape (days,)
        Crimes on each hotspot-day.
    stratum : array_like, shape (days,)
        Each hotspot-day's stratum (any labels; e.g. the hotspot's index).
    treated : array_like of bool, shape (days,)
        True on patrol days.
    rate_ratio : float
        The fitted rate ratio (:func:`within_strata_rate_ratio`), 0 to infinity.

    Returns
    -------
    Overdispersion
        ``dispersion`` (phi >= 1; 1 without degrees of freedom or with a NaN ratio) and ``df``.
        Raises InputError for arrays of different lengths or empty, or counts not whole numbers >= 0.

    References
    ----------
    McCullagh & Nelder (1989), sec. 4.5.2; Wedderburn (1974) (module references).

    Examples
    --------
    >>> phi, df = overdispersion([0, 9, 0, 1, 3, 2], [0, 0, 0, 1, 1, 1], [True, False, False] * 2, 1.0)
    >>> round(phi, 6), df
    (5.6, 3)
    """
    x1, t1, x0, t0, s1, s0 = _day_sums(events, stratum, treated)
    if math.isnan(rate_ratio):
        return Overdispersion(1.0, 0)
    with np.errstate(divide="ignore"):
        beta = np.array([math.log(rate_ratio)])
    phi, df = _pearson(x1[np.newaxis], t1, x0[np.newaxis], t0, s1[np.newaxis], s0[np.newaxis], beta)
    return Overdispersion(float(phi[0]), int(df[0]))


def within_hotspot_effect(day_events, day_stratum, day_treated, alpha=0.05):
    """Patrol days against the same hotspot's other days, allowing for overdispersed daily counts.

    The one call for an analysis: sums the hotspot-days per stratum, fits the conditional Poisson
    model (:func:`within_strata_rate_ratio`), estimates phi from the days at that fit
    (:func:`overdispersion`) and refits with phi and an F(1, df) reference.

    Parameters
    ----------
    day_events : array_like of int, shape (days,)
        Crimes on each hotspot-day.
    day_stratum : array_like, shape (days,)
        Each hotspot-day's stratum (a hotspot, or a hotspot on one weekday).
    day_treated : array_like of bool, shape (days,)
        True on patrol days.
    alpha : float
        One minus the confidence of the interval, and the test's level.

    Returns
    -------
    RateRatio
        With ``dispersion`` and ``dispersion_df`` set; raises InputError as the two functions it calls.

    Examples
    --------
    >>> effect = within_hotspot_effect([0, 9, 0, 1, 3, 2], [0, 0, 0, 1, 1, 1], [True, False, False] * 2)
    >>> round(effect.rate_ratio, 3), effect.dispersion > 1
    (0.143, True)
    """
    x1, t1, x0, t0, _, _ = sums = _day_sums(day_events, day_stratum, day_treated)
    poisson = within_strata_rate_ratio(x1, t1, x0, t0, alpha)
    if math.isnan(poisson.rate_ratio):
        return poisson
    fitted = poisson.rate_ratio if 0.0 < poisson.rate_ratio < math.inf else 1.0  # boundary: phi at no effect
    phi, df = overdispersion(day_events, day_stratum, day_treated, fitted)
    return within_strata_rate_ratio(*sums[:4], alpha, dispersion=phi, dispersion_df=df if df >= 1 else None)


def within_strata_test(events_treated, exposure_treated, events_control, exposure_control, alpha=0.05,
                       squares_treated=None, squares_control=None):
    """The test of :func:`within_strata_rate_ratio` for many trials at once.

    Each row (the leading axis) is one trial; the columns are its strata.  Exposures may be given
    once for all trials (shape ``(strata,)``) or per trial.  The conditional maximum-likelihood
    estimate is found by Newton steps kept inside a bracket of the score's root (a bisection step
    whenever Newton would leave it), for all rows together.  Given each stratum's sums of squared
    day counts as well, every trial gets its own phi (:func:`overdispersion`, which needs no more
    than these sums) and the quasi-likelihood F test of :func:`within_hotspot_effect`.

    Parameters
    ----------
    events_treated, events_control : array_like of int, shape (sims, strata)
        Crimes on treated and control exposure.
    exposure_treated, exposure_control : array_like of float, shape (strata,) or (sims, strata)
        Exposures, >= 0; strata with none on one side are dropped.  With squares: numbers of days.
    alpha : float
        Level of the two-sided likelihood-ratio test of RR = 1.
    squares_treated, squares_control : array_like of int, shape (sims, strata), optional
        Sums over each stratum's treated and control days of the squared day counts.

    Returns
    -------
    StrataTest
        ``rate_ratio`` (float array, shape (sims,), 0, inf or NaN as in
        :func:`within_strata_rate_ratio`), ``reject`` (bool array): RR = 1 rejected at ``alpha``,
        and ``dispersion`` (phi of each trial; ones without squares).  Raises InputError as
        :func:`within_strata_rate_ratio`, and for events that are not two-dimensional.

    Examples
    --------
    >>> test = within_strata_test([[10, 2], [1, 0]], [10, 1], [[20, 40], [2, 1]], [10, 10])
    >>> test.rate_ratio.round(3).tolist(), test.reject.tolist()
    ([0.5, 0.467], [True, False])
    """
    x1, t1, x0, t0 = _strata(events_treated, exposure_treated, events_control, exposure_control, ndim=2)
    level = _level(alpha)
    used = (t1 > 0) & (t0 > 0)
    x1, x0 = np.where(used, x1, 0), np.where(used, x0, 0)
    n = x1 + x0
    with np.errstate(divide="ignore"):
        offset = np.where(used, np.log(np.where(used, t1, 1.0)) - np.log(np.where(used, t0, 1.0)), 0.0)
    beta_hat = _fit(x1, n, offset)
    interior = np.isfinite(beta_hat)
    top = np.zeros(len(beta_hat))
    top[interior] = _log_likelihood(beta_hat[interior, np.newaxis], x1[interior], n[interior], offset[interior])
    statistic = 2.0 * (top - _log_likelihood(0.0, x1, n, offset))
    phi, critical = np.ones(len(beta_hat)), np.full(len(beta_hat), stats.chi2.ppf(1.0 - level, 1))
    if squares_treated is not None or squares_control is not None:
        s1, s0 = (np.where(used, _counts(s, name, ndim=2), 0) for s, name in (
            (squares_treated, "squares_treated"), (squares_control, "squares_control")))
        phi, df = _pearson(x1, t1, x0, t0, s1, s0, beta_hat)
        critical = np.where(df >= 1, stats.f.ppf(1.0 - level, 1, np.maximum(df, 1)), critical)
    reject = ~np.isnan(beta_hat) & (statistic / phi > critical)
    return StrataTest(np.exp(beta_hat), reject, phi)


def _dispersion_setting(dispersion, dispersion_df):
    phi = float(dispersion)
    if not 1.0 <= phi < math.inf:
        raise InputError(f"The dispersion must be finite and 1 or more (1: Poisson), not {dispersion}.", "dispersion")
    if dispersion_df is not None and not 0.0 < float(dispersion_df) < math.inf:
        raise InputError(f"The dispersion's degrees of freedom must be above 0, not {dispersion_df}.", "dispersion_df")
    return phi, None if dispersion_df is None else float(dispersion_df)


def _day_sums(events, stratum, treated):
    """Per stratum: treated crimes and days, control crimes and days, sums of squared day counts on each side."""
    counts = _counts(events, "events", ndim=1)
    labels, patrolled = np.asarray(stratum), np.asarray(treated)
    if counts.size == 0 or labels.shape != counts.shape or patrolled.shape != counts.shape:
        raise InputError(f"Give one stratum and one patrolled flag for each of the {counts.size} hotspot-days "
                         f"(not {labels.size} and {patrolled.size}), and at least one day.",
                         setting=("events", "stratum", "treated"))
    patrolled = patrolled.astype(bool)
    label = np.unique(labels, return_inverse=True)[1].ravel()

    def per_stratum(side, values):
        return np.bincount(label[side], values[side], minlength=label.max() + 1)

    ones = np.ones_like(counts)
    return (per_stratum(patrolled, counts), per_stratum(patrolled, ones), per_stratum(~patrolled, counts),
            per_stratum(~patrolled, ones), per_stratum(patrolled, counts**2), per_stratum(~patrolled, counts**2))


def _pearson(x1, t1, x0, t0, s1, s0, beta):
    """Per row: phi, the strata's Pearson dispersions weighted by their information, and days - strata - 1.

    A stratum's X2 over its days, with the same expected count ``E`` on all its treated days (and on
    all its other days), needs only its sums of counts and of squared counts; its weight
    ``n p (1 - p)`` times ``X2 / (days - 1)`` is ``((1 - p) T1 SS1 + p T0 SS0) / (days - 1)`` (``SS``
    the squared deviations from ``E``), free of the noisy ``1 / n`` in X2.
    """
    t1, t0 = np.broadcast_to(t1, x1.shape), np.broadcast_to(t0, x1.shape)
    n = x1 + x0
    used = (t1 > 0) & (t0 > 0) & (n > 0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        share = special.expit(beta[:, np.newaxis] + np.log(t1) - np.log(t0))
        mean1, mean0 = n * share / t1, n * (1.0 - share) / t0
        deviations1 = s1 - 2.0 * mean1 * x1 + t1 * mean1**2
        deviations0 = s0 - 2.0 * mean0 * x0 + t0 * mean0**2
        weighted = ((1.0 - share) * t1 * deviations1 + share * t0 * deviations0) / (t1 + t0 - 1.0)
        information = np.sum(np.where(used, n * share * (1.0 - share), 0.0), axis=1)
        df = np.sum(np.where(used, t1 + t0 - 1.0, 0.0), axis=1) - 1.0
        ratio = np.sum(np.where(used, weighted, 0.0), axis=1) / information
    phi = np.where((df >= 1) & (information > 0), np.maximum(1.0, ratio), 1.0)
    return phi, df


def _strata(events_treated, exposure_treated, events_control, exposure_control, ndim):
    """The four arrays checked and broadcast to the events' shape."""
    x1 = _counts(events_treated, "events_treated", ndim)
    x0 = _counts(events_control, "events_control", ndim)
    if x1.shape != x0.shape:
        raise InputError(f"There are {x1.shape} treated counts but {x0.shape} control counts; give one of each "
                         "per stratum.", setting=("events_treated", "events_control"))
    if x1.shape[-1] == 0:
        raise InputError("There are no strata to compare; give at least one.", setting="events_treated")
    exposures = []
    for values, setting in ((exposure_treated, "exposure_treated"), (exposure_control, "exposure_control")):
        exposure = np.asarray(values, dtype=float)
        if not np.all(np.isfinite(exposure)) or np.any(exposure < 0):
            raise InputError(f"The {setting.replace('_', ' ')} must be finite and 0 or more.", setting=setting)
        try:
            exposures.append(np.broadcast_to(exposure, x1.shape))
        except ValueError:
            raise InputError(f"There are {exposure.shape} values of {setting.replace('_', ' ')} for {x1.shape} "
                             "counts; give one per stratum.", setting=setting) from None
    t1, t0 = exposures
    if np.any((t1 == 0) & (x1 > 0)) or np.any((t0 == 0) & (x0 > 0)):
        raise InputError("A stratum has crimes on a side with no exposure; count the crimes and the exposure "
                         "over the same days.", setting=("events_treated", "exposure_treated"))
    return x1, t1, x0, t0


def _counts(values, setting, ndim):
    counts = np.asarray(values, dtype=float)
    if counts.ndim != ndim:
        shape = "one per stratum" if ndim == 1 else "one row per trial and one column per stratum"
        raise InputError(f"The {setting.replace('_', ' ')} must be an array with {shape}.", setting=setting)
    if not np.all(np.isfinite(counts)) or np.any(counts < 0) or np.any(counts != np.round(counts)):
        raise InputError(f"The {setting.replace('_', ' ')} must be whole numbers of 0 or more.", setting=setting)
    return counts


def _level(alpha):
    if not 0.0 < float(alpha) < 1.0:
        raise InputError(f"The significance level must be between 0 and 1, not {alpha}.", setting="alpha")
    return float(alpha)


def _log_likelihood(beta, x1, n, offset):
    """Sum over strata of the binomial log-likelihood (without its constant) at log ratio ``beta``."""
    eta = beta + offset
    return np.sum(x1 * eta - n * np.logaddexp(0.0, eta), axis=-1)


def _fit(x1, n, offset):
    """Conditional MLE of the log ratio per row: -inf / inf at the boundaries, NaN without crimes."""
    treated, total = x1.sum(axis=1), n.sum(axis=1)
    beta = np.full(len(total), np.nan)
    beta[(total > 0) & (treated == 0)] = -np.inf
    beta[(total > 0) & (treated == total)] = np.inf
    rows = np.flatnonzero((treated > 0) & (treated < total))
    if rows.size == 0:
        return beta
    x1, n, offset, treated = x1[rows], n[rows], offset[rows], treated[rows]
    # The score is positive below the root and negative above it; these bounds enclose the root.
    spread = np.where(n > 0, offset, np.nan)
    low, high = -np.nanmax(spread, axis=1) - _REACH, -np.nanmin(spread, axis=1) + _REACH
    estimate = np.log(treated / (n.sum(axis=1) - treated)) - np.nanmean(spread, axis=1)
    estimate = np.clip(estimate, low, high)
    for _ in range(_ITERATIONS):
        share = 1.0 / (1.0 + np.exp(-(estimate[:, np.newaxis] + offset)))
        score = treated - np.sum(n * share, axis=1)
        information = np.sum(n * share * (1.0 - share), axis=1)
        low = np.where(score > 0, estimate, low)
        high = np.where(score < 0, estimate, high)
        with np.errstate(divide="ignore", invalid="ignore"):
            step = estimate + score / information
        inside = np.isfinite(step) & (step > low) & (step < high)
        updated = np.where(inside, step, (low + high) / 2.0)
        if np.all(np.abs(updated - estimate) < 1e-12 * np.maximum(1.0, np.abs(estimate))):
            estimate = updated
            break
        estimate = updated
    beta[rows] = estimate
    return beta


def _crossing(loglik, threshold, anchor, direction):
    """The ratio beyond ``anchor`` (in ``direction``, -1 or 1) where ``loglik`` falls to ``threshold``.

    ``loglik`` is above the threshold at ``anchor`` and falls without limit in ``direction`` (there
    are crimes on the side that direction makes unlikely), so doubling steps bracket the crossing.
    """
    distance = 1.0
    while loglik(anchor + direction * distance) > threshold:
        distance *= 2.0
    ends = sorted((anchor, anchor + direction * distance))
    return float(np.exp(optimize.brentq(lambda beta: loglik(beta) - threshold, ends[0], ends[1], xtol=1e-12)))


def _mantel_haenszel(x1, t1, x0, t0):
    """Greenland & Robins' (1985) Mantel-Haenszel rate ratio; inf or NaN with no control-side weight."""
    total = t1 + t0
    numerator = float(np.sum(x1 * t0 / total))
    denominator = float(np.sum(x0 * t1 / total))
    if denominator > 0:
        return numerator / denominator
    return math.inf if numerator > 0 else math.nan
