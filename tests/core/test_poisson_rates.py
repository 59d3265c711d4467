"""The exact comparison of two Poisson rates, against R's documentation example, closed forms,
independent root-finding and enumeration, and simulations with a known truth."""

import math

import numpy as np
import pytest
from scipy import optimize, stats

from hotspot_patrol.core import poisson_rates
from hotspot_patrol.core.errors import InputError


def interval_by_root_finding(a, exposure_a, b, exposure_b, confidence):
    """The exact rate-ratio interval from the binomial tails, without the beta quantiles."""
    n, alpha = a + b, 1 - confidence

    def pi(log_ratio):
        return exposure_a * math.exp(log_ratio) / (exposure_a * math.exp(log_ratio) + exposure_b)

    low = 0.0 if a == 0 else math.exp(optimize.brentq(
        lambda t: stats.binom.sf(a - 1, n, pi(t)) - alpha / 2, -30, 30, xtol=1e-13))
    high = math.inf if b == 0 else math.exp(optimize.brentq(
        lambda t: stats.binom.cdf(a, n, pi(t)) - alpha / 2, -30, 30, xtol=1e-13))
    return low, high


def minimum_likelihood_p_value(a, n, p0):
    """Two-sided exact binomial p-value: all outcomes no more likely than the observed one."""
    pmf = stats.binom.pmf(np.arange(n + 1), n, p0)
    return min(1.0, pmf[pmf <= pmf[a] * (1 + 1e-7)].sum())



def test_compare_rates_matches_r_poisson_test():
    # R's ?poisson.test example (eba1977): poisson.test(c(11, 6+8+7), c(800, 1083+1050+878)) prints
    # rate ratio 1.971488, 95 % CI 0.8584264 4.2772659, p-value = 0.07967.
    result = poisson_rates.compare_rates(11, 800, 21, 3011)
    assert result.ratio == pytest.approx(1.971488, abs=5e-7)
    assert result.ci_low == pytest.approx(0.8584264, abs=5e-8)
    assert result.ci_high == pytest.approx(4.2772659, abs=5e-8)
    assert result.p_value == pytest.approx(0.07967, abs=5e-6)
    assert result.change_pct == pytest.approx((11 / 800 / (21 / 3011) - 1) * 100)
    assert (result.rate_a, result.rate_b) == (pytest.approx(11 / 800), pytest.approx(21 / 3011))
    assert (result.crimes_a, result.exposure_a, result.crimes_b, result.exposure_b) == (11, 800, 21, 3011)


def test_compare_rates_closed_forms_when_one_group_has_no_crimes():
    # a = 0 of n = 5, equal exposures: the upper limit of pi solves (1 - pi)^5 = 0.025.
    q = 0.025 ** (1 / 5)
    none_in_a = poisson_rates.compare_rates(0, 1, 5, 1)
    assert none_in_a.ratio == 0 and none_in_a.change_pct == -100
    assert none_in_a.ci_low == 0
    assert none_in_a.ci_high == pytest.approx((1 - q) / q, rel=1e-10)
    assert none_in_a.ci_high == pytest.approx(1.09128, abs=1e-5)  # by hand: 0.52182 / 0.47818
    assert none_in_a.p_value == pytest.approx(2 / 32)  # P(0) + P(5) under Binomial(5, 1/2)

    # b = 0, a = 4, exposures 2 and 1: pi0 = 2/3, lower limit of pi solves pi^4 = 0.025.
    none_in_b = poisson_rates.compare_rates(4, 2, 0, 1)
    assert none_in_b.ratio == math.inf and none_in_b.ci_high == math.inf
    assert none_in_b.ci_low == pytest.approx(0.025 ** 0.25 / (1 - 0.025 ** 0.25) / 2, rel=1e-10)
    # P(4) = 16/81; the outcomes no more likely are 0 (1/81) and 1 (8/81).
    assert none_in_b.p_value == pytest.approx(25 / 81)


@pytest.mark.parametrize("a, exposure_a, b, exposure_b, confidence", [
    (11, 800, 21, 3011, 0.95), (1, 2, 6, 4, 0.95), (0, 10, 3, 7, 0.9), (7, 1.5, 0, 2.5, 0.99),
    (250, 4000, 900, 10000, 0.95), (3, 1, 3, 1, 0.8)])
def test_compare_rates_agrees_with_root_finding_and_enumeration(a, exposure_a, b, exposure_b, confidence):
    result = poisson_rates.compare_rates(a, exposure_a, b, exposure_b, confidence)
    low, high = interval_by_root_finding(a, exposure_a, b, exposure_b, confidence)
    assert result.ci_low == pytest.approx(low, rel=1e-7)
    assert result.ci_high == pytest.approx(high, rel=1e-7)
    expected_p = minimum_likelihood_p_value(a, a + b, exposure_a / (exposure_a + exposure_b))
    assert result.p_value == pytest.approx(expected_p, rel=1e-9)


def test_interval_covers_the_true_ratio_in_95_percent_of_simulations():
    rng = np.random.default_rng(20240506)
    exposure_a, exposure_b, true_ratio = 1000.0, 2000.0, 2 / 3
    crimes_a = rng.poisson(0.02 * exposure_a, 2000)
    crimes_b = rng.poisson(0.03 * exposure_b, 2000)
    results = [poisson_rates.compare_rates(a, exposure_a, b, exposure_b) for a, b in zip(crimes_a, crimes_b)]
    covered = [result.ci_low <= true_ratio <= result.ci_high for result in results]
    # Exact intervals are conservative: about 96.4 % here (mean over 40 seeds, 95.2-97.2 %).
    assert 0.94 <= np.mean(covered) <= 0.98
    # Under the null the exact test rejects at most about 5 % of the time.
    same = rng.poisson(0.02 * exposure_b, 2000)
    rejected = [poisson_rates.compare_rates(a, exposure_a, b, exposure_b).p_value < 0.05
                for a, b in zip(crimes_a, same)]
    assert np.mean(rejected) <= 0.06


def test_conditional_coverage_never_falls_below_the_confidence():
    # Exact enumeration: for every total n, P(interval covers the ratio | n) >= 90 %.
    exposure_a, exposure_b, true_ratio = 3.0, 5.0, 0.7
    pi = exposure_a * true_ratio / (exposure_a * true_ratio + exposure_b)
    for n in range(1, 41):
        coverage = 0.0
        for a in range(n + 1):
            result = poisson_rates.compare_rates(a, exposure_a, n - a, exposure_b, confidence=0.9)
            if result.ci_low <= true_ratio <= result.ci_high:
                coverage += stats.binom.pmf(a, n, pi)
        assert coverage >= 0.9 - 1e-12, n


def test_compare_rates_without_crimes_and_bad_input():
    empty = poisson_rates.compare_rates(0, 10, 0, 20)
    assert math.isnan(empty.ratio) and math.isnan(empty.change_pct)
    assert (empty.ci_low, empty.ci_high, empty.p_value) == (0.0, math.inf, 1.0)
    assert poisson_rates.compare_rates(np.int64(3), np.float32(2), 4.0, 2).crimes_b == 4
    with pytest.raises(ValueError, match="exposure_b must be a positive exposure"):
        poisson_rates.compare_rates(1, 10, 2, 0)
    with pytest.raises(ValueError, match="crimes_a must be a whole number"):
        poisson_rates.compare_rates(-1, 10, 2, 10)
    with pytest.raises(ValueError, match="crimes_b must be a whole number"):
        poisson_rates.compare_rates(1, 10, 2.5, 10)
    with pytest.raises(ValueError, match="confidence must be strictly between 0 and 1"):
        poisson_rates.compare_rates(1, 10, 2, 10, confidence=95)


def test_single_number_and_confidence_refuse_arrays_and_levels_outside_0_to_1():
    assert poisson_rates.single_number(np.float32(2.5), "x") == 2.5
    with pytest.raises(InputError, match=r"crimes must be a single number, not an array of shape \(2,\)"):
        poisson_rates.single_number([1, 2], "crimes")
    with pytest.raises(InputError, match="days must be a number, not 'ten'"):
        poisson_rates.single_number("ten", "days")
    assert poisson_rates.check_confidence(0.9) == 0.9
    for level in (0, 1, -0.5):
        with pytest.raises(InputError, match="strictly between 0 and 1"):
            poisson_rates.check_confidence(level)
