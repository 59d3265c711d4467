"""Poisson rates with exact intervals: one rate, and two compared (the rate ratio and its p-value).

:func:`compare_rates` is the exact conditional test of R's ``poisson.test``:
given the total, the split of the events between the two groups is binomial,
so the interval is Clopper-Pearson's and small counts are honest.  The
evaluation of patrols (:mod:`.evaluation`) makes every comparison with it.
:func:`poisson_rate_interval` gives one rate with Garwood's exact interval.

References
----------
Clopper, C. J. and Pearson, E. S. (1934). The use of confidence or fiducial
    limits illustrated in the case of the binomial. Biometrika 26(4), 404-413.
Fay, M. P. (2010). Two-sided exact tests and matching confidence intervals
    for discrete data. The R Journal 2(1), 53-58.
Garwood, F. (1936). Fiducial limits for the Poisson distribution.
    Biometrika 28(3/4), 437-442.
Przyborowski, J. and Wilenski, H. (1940). Homogeneity of results in testing
    samples from Poisson series. Biometrika 31(3/4), 313-323.
"""

import math
from dataclasses import dataclass

import numpy as np

from .errors import InputError
from .lazy_scipy import stats


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

    Raises
    ------
    InputError
        On counts that are not whole numbers of 0 or more, exposures that
        are not positive, or a confidence outside (0, 1).

    Examples
    --------
    >>> result = compare_rates(0, 1, 5, 1)
    >>> result.ratio, result.ci_low, result.p_value
    (0.0, 0.0, 0.0625)
    """
    a = _count(crimes_a, "crimes_a")
    b = _count(crimes_b, "crimes_b")
    e_a = _exposure(exposure_a, "exposure_a")
    e_b = _exposure(exposure_b, "exposure_b")
    alpha = 1.0 - check_confidence(confidence)
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


def single_number(value, name):
    """``value`` as one float.

    Raises
    ------
    InputError
        When ``value`` is an array or not a number, naming ``name``.

    Examples
    --------
    >>> single_number(3, "crimes")
    3.0
    """
    array = np.asarray(value)
    if array.ndim != 0:
        raise InputError(f"{name} must be a single number, not an array of shape {array.shape}.")
    try:
        return float(array)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number, not {value!r}.") from None


def check_confidence(confidence):
    """The confidence level as a float, refused unless strictly between 0 and 1.

    Raises
    ------
    InputError
        For a level of 0 or less, 1 or more, or not a number.

    Examples
    --------
    >>> check_confidence(0.95)
    0.95
    """
    number = single_number(confidence, "confidence")
    if not 0 < number < 1:
        raise InputError(f"confidence must be strictly between 0 and 1 (e.g. 0.95), not {confidence!r}.")
    return number


def _count(value, name):
    number = single_number(value, name)
    if not math.isfinite(number) or number < 0 or not number.is_integer():
        raise InputError(f"{name} must be a whole number of crimes, 0 or more, not {value!r}.")
    return int(number)


def _exposure(value, name):
    number = single_number(value, name)
    if not math.isfinite(number) or number <= 0:
        raise InputError(f"{name} must be a positive exposure (e.g. a number of hotspot-days), not {value!r}; "
                         "a group with no exposure cannot be compared.")
    return number


def poisson_rate_interval(crimes, units, confidence=0.95):
    """A Poisson rate and its exact (Garwood 1936) central confidence interval.

    Parameters
    ----------
    crimes : int
        Events counted, 0 or more.
    units : float
        Exposure, 0 or more; with 0 every value is NaN.
    confidence : float
        Strictly between 0 and 1.

    Returns
    -------
    (rate, low, high) : tuple of float
        The interval holds the means ``m / units`` for which ``P(X >= crimes; m)`` and
        ``P(X <= crimes; m)`` are both at least ``(1 - confidence) / 2``; it starts at 0 for 0 crimes.

    Examples
    --------
    >>> rate, low, high = poisson_rate_interval(0, 1)
    >>> rate, low, round(high, 4)
    (0.0, 0.0, 3.6889)
    """
    alpha = 1.0 - check_confidence(confidence)
    count, exposure = single_number(crimes, "crimes"), single_number(units, "units")
    if not (math.isfinite(count) and count >= 0 and count.is_integer()):
        raise InputError(f"crimes must be a whole number, 0 or more, not {crimes!r}.")
    if not (math.isfinite(exposure) and exposure >= 0):
        raise InputError(f"units must be an exposure of 0 or more, not {units!r}.")
    if exposure == 0:
        return math.nan, math.nan, math.nan
    low = 0.0 if count == 0 else float(stats.chi2.ppf(alpha / 2, 2 * count)) / 2
    high = float(stats.chi2.ppf(1 - alpha / 2, 2 * count + 2)) / 2
    return count / exposure, low / exposure, high / exposure
