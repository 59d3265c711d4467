"""The within-strata rate ratio against a brute-force maximisation of the conditional likelihood written
here, closed forms (one stratum, equal treated shares, the Mantel-Haenszel formula by hand) and a
simulated trial with a known rate ratio in which the pooled ratio is biased."""

import math
import time

import numpy as np
import pytest
from scipy import stats

from hotspot_patrol.core import stratified
from hotspot_patrol.core.errors import InputError

CHI2_95 = stats.chi2.ppf(0.95, 1)


def conditional_log_likelihood(log_ratio, x1, t1, x0, t0):
    """Sum of Binomial(x1 + x0, RR t1 / (RR t1 + t0)) log-probabilities of the treated counts, by stratum."""
    total = 0.0
    for a, e1, b, e0 in zip(x1, t1, x0, t0):
        if e1 > 0 and e0 > 0:
            share = math.exp(log_ratio) * e1 / (math.exp(log_ratio) * e1 + e0)
            total += stats.binom.logpmf(a, a + b, share)
    return total


def brute_force(x1, t1, x0, t0):
    """Maximum, deviance-based 95 % interval and LR p-value by a grid search and a finer grid around it."""
    x1, t1, x0, t0 = (np.asarray(v, dtype=float) for v in (x1, t1, x0, t0))

    def on_grid(log_ratios):
        ratio = np.exp(log_ratios)[:, None]
        return stats.binom.logpmf(x1, x1 + x0, ratio * t1 / (ratio * t1 + t0)).sum(axis=1)

    grid = np.linspace(-6, 6, 2401)
    values = on_grid(grid)
    fine = np.linspace(grid[values.argmax()] - 0.01, grid[values.argmax()] + 0.01, 2001)
    fine_values = on_grid(fine)
    top = fine_values.max()
    inside = grid[2 * (top - values) <= CHI2_95]
    p_value = stats.chi2.sf(2 * (top - conditional_log_likelihood(0.0, x1, t1, x0, t0)), 1)
    return math.exp(fine[fine_values.argmax()]), math.exp(inside.min()), math.exp(inside.max()), p_value


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_estimate_interval_and_p_value_match_a_brute_force_search(seed):
    rng = np.random.default_rng(seed)
    t1 = rng.integers(1, 30, 6).astype(float)
    t0 = rng.integers(1, 60, 6).astype(float)
    rates = rng.uniform(0.1, 2.0, 6)
    x1, x0 = rng.poisson(0.7 * rates * t1), rng.poisson(rates * t0)
    result = stratified.within_strata_rate_ratio(x1, t1, x0, t0)
    ratio, low, high, p_value = brute_force(x1, t1, x0, t0)
    assert result.rate_ratio == pytest.approx(ratio, rel=2e-5)
    # the coarse grid has steps of 0.005 in log ratio
    assert math.log(result.ci_low) == pytest.approx(math.log(low), abs=0.006)
    assert math.log(result.ci_high) == pytest.approx(math.log(high), abs=0.006)
    assert result.ci_low < result.rate_ratio < result.ci_high
    assert result.p_value == pytest.approx(p_value, rel=1e-3, abs=1e-9)
    assert result.events_treated == x1.sum() and result.events_control == x0.sum()
    assert result.exposure_treated == t1.sum() and result.strata == np.count_nonzero(x1 + x0)


def test_one_stratum_is_the_ratio_of_rates_and_equal_shares_the_pooled_ratio():
    one = stratified.within_strata_rate_ratio([7], [14], [30], [20])
    assert one.rate_ratio == pytest.approx((7 / 14) / (30 / 20), rel=1e-10)
    assert one.mh_rate_ratio == pytest.approx((7 / 14) / (30 / 20), rel=1e-12)
    # every stratum with a third of its days treated: the strata carry no information beyond the totals
    x1, x0 = np.array([3, 12, 0, 40]), np.array([9, 20, 4, 70])
    t1, t0 = np.array([5.0, 10, 20, 30]), np.array([10.0, 20, 40, 60])
    equal = stratified.within_strata_rate_ratio(x1, t1, x0, t0)
    assert equal.rate_ratio == pytest.approx((x1.sum() / t1.sum()) / (x0.sum() / t0.sum()), rel=1e-10)


def test_mantel_haenszel_by_hand():
    # Greenland & Robins (1985): sum(x1 t0 / T) / sum(x0 t1 / T)
    result = stratified.within_strata_rate_ratio([4, 1, 9], [10, 2, 30], [6, 8, 12], [20, 18, 30])
    numerator = 4 * 20 / 30 + 1 * 18 / 20 + 9 * 30 / 60
    denominator = 6 * 10 / 30 + 8 * 2 / 20 + 12 * 30 / 60
    assert result.mh_rate_ratio == pytest.approx(numerator / denominator, rel=1e-12)
    assert result.mh_rate_ratio != pytest.approx(result.rate_ratio, rel=1e-6)
    assert result.mh_rate_ratio == pytest.approx(result.rate_ratio, rel=0.05)


def test_strata_without_exposure_on_one_side_are_dropped():
    full = stratified.within_strata_rate_ratio([4, 0, 9, 3], [10, 0, 30, 5], [6, 8, 12, 0], [20, 18, 30, 0])
    kept = stratified.within_strata_rate_ratio([4, 9], [10, 30], [6, 12], [20, 30])
    assert full.rate_ratio == kept.rate_ratio and full.ci_high == kept.ci_high
    assert (full.events_treated, full.events_control, full.strata) == (13, 18, 2)


def test_no_crime_on_one_side_gives_the_one_finite_bound():
    x1, t1, x0, t0 = [0, 0], [10, 1], [20, 40], [10, 10]
    none_treated = stratified.within_strata_rate_ratio(x1, t1, x0, t0)
    assert (none_treated.rate_ratio, none_treated.ci_low) == (0.0, 0.0)
    # the supremum of the log-likelihood is 0 (at RR = 0); the bound is where it has fallen by chi2/2
    assert conditional_log_likelihood(math.log(none_treated.ci_high), x1, t1, x0, t0) == pytest.approx(
        -CHI2_95 / 2, abs=1e-8)
    assert none_treated.p_value == pytest.approx(
        stats.chi2.sf(-2 * conditional_log_likelihood(0.0, x1, t1, x0, t0), 1), rel=1e-9)
    none_control = stratified.within_strata_rate_ratio([3, 2], [10, 1], [0, 0], [10, 10])
    assert none_control.rate_ratio == math.inf and none_control.ci_high == math.inf
    assert conditional_log_likelihood(math.log(none_control.ci_low), [3, 2], [10, 1], [0, 0], [10, 10]) == (
        pytest.approx(-CHI2_95 / 2, abs=1e-8))
    nothing = stratified.within_strata_rate_ratio([0, 0], [10, 1], [0, 0], [10, 10])
    assert math.isnan(nothing.rate_ratio) and math.isnan(nothing.mh_rate_ratio)
    assert (nothing.ci_low, nothing.ci_high, nothing.p_value, nothing.strata) == (0.0, math.inf, 1.0, 0)


def test_vectorised_test_matches_the_single_trial_and_is_fast():
    rng = np.random.default_rng(5)
    t1 = rng.integers(0, 12, 20).astype(float)
    t0 = 28 - t1
    rates = rng.uniform(0.01, 1.5, 20)
    x1 = rng.poisson(0.6 * rates * t1, (1000, 20))
    x0 = rng.poisson(rates * t0, (1000, 20))
    x1[:3] = 0  # rows with no treated crime, then none at all
    x0[2] = 0
    started = time.perf_counter()
    test = stratified.within_strata_test(x1, t1, x0, t0, alpha=0.05)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5
    for row in range(40):
        single = stratified.within_strata_rate_ratio(x1[row], t1, x0[row], t0)
        assert test.rate_ratio[row] == pytest.approx(single.rate_ratio, rel=1e-9, nan_ok=True)
        assert test.reject[row] == (single.p_value < 0.05)
    assert test.rate_ratio[0] == 0.0 and math.isnan(test.rate_ratio[2]) and not test.reject[2]


def tenfold_trial(trials, seed, true_ratio=0.6, days=120):
    """Hotspots tenfold apart in crime rate and in share of days patrolled, the busiest patrolled most."""
    rng = np.random.default_rng(seed)
    rates = np.geomspace(0.1, 1.0, 15)
    t1 = np.round(np.geomspace(0.08, 0.8, 15) * days)
    t0 = days - t1
    x1 = rng.poisson(true_ratio * rates * t1, (trials, 15))
    x0 = rng.poisson(rates * t0, (trials, 15))
    return x1, t1, x0, t0


def test_intervals_cover_the_true_ratio_where_the_pooled_ratio_is_biased():
    x1, t1, x0, t0 = tenfold_trial(1000, seed=2024)
    pooled = (x1.sum(axis=1) / t1.sum()) / (x0.sum(axis=1) / t0.sum())
    results = [stratified.within_strata_rate_ratio(x1[k], t1, x0[k], t0) for k in range(len(x1))]
    within = np.array([r.rate_ratio for r in results])
    covered = np.mean([r.ci_low <= 0.6 <= r.ci_high for r in results])
    assert 0.93 <= covered <= 0.97
    assert np.exp(np.mean(np.log(within))) == pytest.approx(0.6, abs=0.01)
    # the busy hotspots' patrol days carry the pooled ratio far above the truth
    assert np.exp(np.mean(np.log(pooled))) > 0.9
    # the test of RR = 0.6 (treated exposure scaled by 0.6) rejects where the interval excludes 0.6
    rejected = stratified.within_strata_test(x1, 0.6 * t1, x0, t0).reject
    assert np.array_equal(rejected, [not r.ci_low <= 0.6 <= r.ci_high for r in results])


def test_size_of_the_test_under_no_effect():
    x1, t1, x0, t0 = tenfold_trial(4000, seed=7, true_ratio=1.0)
    assert stratified.within_strata_test(x1, t1, x0, t0).reject.mean() == pytest.approx(0.05, abs=0.012)


@pytest.mark.parametrize("args, setting", [
    (([1, 2], [1, 1], [1], [1]), ("events_treated", "events_control")),
    (([1.5], [1], [1], [1]), "events_treated"),
    (([-1], [1], [1], [1]), "events_treated"),
    (([1], [-1], [1], [1]), "exposure_treated"),
    (([1], [1], [1], [math.nan]), "exposure_control"),
    (([1, 1], [1, 1, 1], [1, 1], [1, 1]), "exposure_treated"),
    (([2], [0], [1], [1]), ("events_treated", "exposure_treated")),
    (([], [], [], []), "events_treated"),
])
def test_bad_input_is_refused(args, setting):
    with pytest.raises(InputError) as error:
        stratified.within_strata_rate_ratio(*args)
    assert error.value.setting == setting


def test_bad_level_and_shapes_are_refused():
    with pytest.raises(InputError, match="between 0 and 1"):
        stratified.within_strata_rate_ratio([1], [1], [1], [1], alpha=1.0)
    with pytest.raises(InputError, match="one row per trial"):
        stratified.within_strata_test([1, 2], [1, 1], [1, 2], [1, 1])
