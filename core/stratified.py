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

References
----------
Breslow, N. E. and Day, N. E. (1987). Statistical Methods in Cancer Research, Volume II: The
    Design and Analysis of Cohort Studies. IARC Scientific Publications 82. Lyon: IARC.
Greenland, S. and Robins, J. M. (1985). Estimation of a common effect parameter from sparse
    follow-up data. Biometrics 41(1), 55-68.
"""

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from scipy import optimize, stats

from .errors import InputError

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


class StrataTest(NamedTuple):
    """Many trials tested at once: the estimated rate ratios and whether RR = 1 was rejected."""

    rate_ratio: np.ndarray
    reject: np.ndarray


def within_strata_rate_ratio(events_treated, exposure_treated, events_control, exposure_control, alpha=0.05):
    """The common rate ratio of treated against control exposure across strata.

    Conditional on each stratum's total ``n_h``, its treated count is Binomial(``n_h``, ``p_h``),
    ``p_h = RR T1_h / (RR T1_h + T0_h)``; the product of the binomials is maximised in log RR
    (the score is monotone, so :func:`scipy.optimize.brentq` finds its root).  The interval is the
    profile-likelihood one, where twice the fall in log-likelihood reaches the chi-squared(1)
    quantile; the p-value is the likelihood-ratio test of RR = 1.  Strata with zero exposure on one
    side say nothing about the ratio and are dropped; so, in effect, are strata without crimes.

    Parameters
    ----------
    events_treated, events_control : array_like of int
        Crimes in each stratum on treated (patrol) and control exposure; whole numbers >= 0.
    exposure_treated, exposure_control : array_like of float
        Each stratum's exposure on either side (e.g. days), >= 0.
    alpha : float
        One minus the confidence of the interval, and the test's level, in (0, 1).

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
        exposures that are negative or not finite, crimes on a side without exposure, or an
        ``alpha`` outside (0, 1).

    References
    ----------
    Breslow, N. E. and Day, N. E. (1987). Statistical Methods in Cancer Research, Volume II.
        IARC Scientific Publications 82, sec. 4.4.
    Greenland, S. and Robins, J. M. (1985). Estimation of a common effect parameter from sparse
        follow-up data. Biometrics 41(1), 55-68.

    Examples
    --------
    >>> result = within_strata_rate_ratio([10, 2], [10, 1], [20, 40], [10, 10])
    >>> round(result.rate_ratio, 3), result.strata
    (0.5, 2)
    """
    x1, t1, x0, t0 = _strata(events_treated, exposure_treated, events_control, exposure_control, ndim=1)
    level = _level(alpha)
    used = (t1 > 0) & (t0 > 0)
    x1, t1, x0, t0 = x1[used], t1[used], x0[used], t0[used]
    n = x1 + x0
    offset = np.log(t1) - np.log(t0)
    totals = (int(x1.sum()), int(x0.sum()), float(t1.sum()), float(t0.sum()))
    mh = _mantel_haenszel(x1, t1, x0, t0)
    informative = int(np.count_nonzero(n > 0))
    if totals[0] + totals[1] == 0:
        return RateRatio(math.nan, 0.0, math.inf, 1.0, mh, *totals, informative, METHOD)

    def loglik(beta):
        return _log_likelihood(beta, x1, n, offset)

    beta_hat = _fit(x1[np.newaxis], n[np.newaxis], offset[np.newaxis])[0]
    top = 0.0 if np.isinf(beta_hat) else loglik(beta_hat)
    threshold = top - stats.chi2.ppf(1.0 - level, 1) / 2.0
    p_value = float(stats.chi2.sf(max(2.0 * (top - loglik(0.0)), 0.0), 1))
    # At an infinite estimate the one finite bound is sought from where the log-likelihood is ~0.
    spread = offset[n > 0]
    anchor = {np.inf: _REACH - spread.min(), -np.inf: -_REACH - spread.max()}.get(beta_hat, beta_hat)
    low = 0.0 if beta_hat == -np.inf else _crossing(loglik, threshold, anchor, -1.0)
    high = math.inf if beta_hat == np.inf else _crossing(loglik, threshold, anchor, 1.0)
    return RateRatio(float(np.exp(beta_hat)), low, high, p_value, mh, *totals, informative, METHOD)


def within_strata_test(events_treated, exposure_treated, events_control, exposure_control, alpha=0.05):
    """The test of :func:`within_strata_rate_ratio` for many trials at once.

    Each row (the leading axis) is one trial; the columns are its strata.  Exposures may be given
    once for all trials (shape ``(strata,)``) or per trial.  The conditional maximum-likelihood
    estimate is found by Newton steps kept inside a bracket of the score's root (a bisection step
    whenever Newton would leave it), for all rows together.

    Parameters
    ----------
    events_treated, events_control : array_like of int, shape (sims, strata)
        Crimes on treated and control exposure.
    exposure_treated, exposure_control : array_like of float, shape (strata,) or (sims, strata)
        Exposures, >= 0; strata with none on one side are dropped.
    alpha : float
        Level of the two-sided likelihood-ratio test of RR = 1.

    Returns
    -------
    StrataTest
        ``rate_ratio`` (float array, shape (sims,), 0, inf or NaN as in
        :func:`within_strata_rate_ratio`) and ``reject`` (bool array): RR = 1 rejected at ``alpha``.

    Raises
    ------
    InputError
        As :func:`within_strata_rate_ratio`, and for events that are not two-dimensional.

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
    reject = ~np.isnan(beta_hat) & (statistic > stats.chi2.ppf(1.0 - level, 1))
    return StrataTest(np.exp(beta_hat), reject)


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
