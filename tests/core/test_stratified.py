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


def negative_binomial_trials(rates, k, trials, seed, ratio=1.0, patrolled_share=0.4, days=90):
    """Day counts (trials, hotspots, days), the first ``round(share * days)`` days of a hotspot patrolled."""
    rng = np.random.default_rng(seed)
    share = np.broadcast_to(patrolled_share, rates.shape)
    treated = np.arange(days) < np.round(share * days)[:, None]
    means = np.broadcast_to(rates[:, None] * np.where(treated, ratio, 1.0), (trials, len(rates), days))
    counts = rng.poisson(means) if math.isinf(k) else rng.negative_binomial(k, k / (k + means))
    return counts, treated


def sums(counts, treated):
    """Per trial and hotspot: crimes, days and squared counts on patrol days, then on the others."""
    return [(counts**power * side).sum(axis=2) for side in (treated, ~treated) for power in (1, 0, 2)]


def brute_force_dispersion(events, stratum, treated, ratio):
    """Each stratum's Pearson X2 / (days - 1) about n_h w_d / sum w, averaged with weights n_h p_h (1 - p_h)."""
    weighted = information = pooled_x2 = 0.0
    days = strata = 0
    for h in np.unique(stratum):
        y, patrolled = events[stratum == h], treated[stratum == h]
        if y.sum() == 0 or patrolled.all() or not patrolled.any():
            continue
        w = np.where(patrolled, ratio, 1.0)
        expected = y.sum() * w / w.sum()
        x2 = sum((y_d - e_d) ** 2 / e_d for y_d, e_d in zip(y, expected))
        share = expected[patrolled].sum() / y.sum()
        weighted += y.sum() * share * (1 - share) * x2 / (len(y) - 1)
        information += y.sum() * share * (1 - share)
        pooled_x2, days, strata = pooled_x2 + x2, days + len(y), strata + 1
    df = days - strata - 1
    return max(1.0, weighted / information), df, pooled_x2 / df


@pytest.mark.parametrize("seed", [0, 1])
def test_overdispersion_and_the_quasi_interval_match_brute_force(seed):
    rng = np.random.default_rng(seed)
    stratum = rng.integers(0, 7, 300)
    treated = rng.random(300) < 0.3
    events = rng.negative_binomial(0.7, 0.7 / (0.7 + rng.uniform(0.2, 3.0, 7)[stratum] * np.where(treated, 0.6, 1)))
    events[stratum == 6] = 0  # a stratum without crime is left out
    effect = stratified.within_hotspot_effect(events, stratum, treated)
    phi, df, _ = brute_force_dispersion(events, stratum, treated, effect.rate_ratio)
    assert (effect.dispersion, effect.dispersion_df) == (pytest.approx(phi, rel=1e-9), df)
    assert stratified.overdispersion(events, stratum, treated, effect.rate_ratio) == (pytest.approx(phi), df)
    assert phi > 1.5 and "quasi-Poisson" in effect.method
    # the quasi interval: where twice the fall in log-likelihood, over phi, reaches the F(1, df) quantile
    x1, t1, x0, t0 = (np.bincount(stratum[side], values[side], minlength=7)
                      for side in (treated, ~treated) for values in (events, np.ones(300)))
    top = conditional_log_likelihood(math.log(effect.rate_ratio), x1, t1, x0, t0)
    for bound in (effect.ci_low, effect.ci_high):
        fall = 2 * (top - conditional_log_likelihood(math.log(bound), x1, t1, x0, t0)) / phi
        assert fall == pytest.approx(stats.f.ppf(0.95, 1, df), rel=1e-6)
    fall_at_one = 2 * (top - conditional_log_likelihood(0.0, x1, t1, x0, t0)) / phi
    assert effect.p_value == pytest.approx(stats.f.sf(fall_at_one, 1, df), rel=1e-6)
    poisson = stratified.within_strata_rate_ratio(x1, t1, x0, t0)
    assert poisson.rate_ratio == effect.rate_ratio and poisson.ci_high < effect.ci_high


@pytest.mark.parametrize("k, old_at_least", [(0.05, 0.4), (0.5, 0.15), (math.inf, 0.03)])
def test_quasi_test_keeps_its_size_on_overdispersed_days(k, old_at_least):
    rates = np.geomspace(0.1, 1.0, 20)
    counts, treated = negative_binomial_trials(rates, k, 1500, seed=11)
    x1, t1, s1, x0, t0, s0 = sums(counts, treated)
    quasi = stratified.within_strata_test(x1, t1, x0, t0, squares_treated=s1, squares_control=s0)
    assert 0.03 <= quasi.reject.mean() <= 0.08
    # the Poisson test, for contrast: about 60 % (k = 0.05) and 19 % (k = 0.5) of no-effect trials rejected
    assert stratified.within_strata_test(x1, t1, x0, t0).reject.mean() >= old_at_least
    # one trial by hand agrees with the vectorised test
    single = stratified.within_hotspot_effect(counts[0].ravel(), np.repeat(np.arange(20), 90), treated.ravel())
    assert quasi.dispersion[0] == pytest.approx(single.dispersion, rel=1e-9)
    assert quasi.reject[0] == (single.p_value < 0.05)
    if math.isinf(k):
        assert abs(quasi.dispersion.mean() - 1.0) < 0.05 and quasi.dispersion.min() >= 1.0


def test_pooled_pearson_dispersion_is_not_enough_when_hotspots_differ():
    """Negative-binomial days' dispersion 1 + mu/k differs between hotspots; the test's variance follows the
    busy ones, so one pooled X2/df (unweighted) understates it and the test rejects too often."""
    rates = np.geomspace(0.05, 3.0, 20)
    counts, treated = negative_binomial_trials(rates, 0.05, 400, seed=12)
    x1, t1, s1, x0, t0, s0 = sums(counts, treated)
    stratum, flags = np.repeat(np.arange(20), 90), treated.ravel()
    pooled_rejections = 0
    for trial in range(len(counts)):
        fit = stratified.within_strata_rate_ratio(x1[trial], t1[trial], x0[trial], t0[trial])
        _, df, pooled = brute_force_dispersion(counts[trial].ravel(), stratum, flags, fit.rate_ratio)
        pooled_rejections += stratified.within_strata_rate_ratio(
            x1[trial], t1[trial], x0[trial], t0[trial], dispersion=max(1.0, pooled), dispersion_df=df).p_value < 0.05
    assert pooled_rejections / len(counts) > 0.12
    weighted = stratified.within_strata_test(x1, t1, x0, t0, squares_treated=s1, squares_control=s0)
    assert weighted.reject.mean() <= 0.08


def test_quasi_intervals_cover_under_overdispersion_and_tenfold_differences():
    rates, share = np.geomspace(0.1, 1.0, 15), np.geomspace(0.08, 0.8, 15)
    counts, treated = negative_binomial_trials(rates, 0.5, 600, seed=13, ratio=0.6, patrolled_share=share, days=120)
    stratum, flags = np.repeat(np.arange(15), 120), treated.ravel()
    covered = poisson_covered = 0
    for trial in counts:
        effect = stratified.within_hotspot_effect(trial.ravel(), stratum, flags)
        covered += effect.ci_low <= 0.6 <= effect.ci_high
        x1, x0 = (trial * treated).sum(axis=1), (trial * ~treated).sum(axis=1)
        poisson = stratified.within_strata_rate_ratio(x1, treated.sum(axis=1), x0, (~treated).sum(axis=1))
        poisson_covered += poisson.ci_low <= 0.6 <= poisson.ci_high
    assert 0.92 <= covered / len(counts) <= 0.98
    assert poisson_covered / len(counts) < 0.88


def test_bad_dispersion_and_day_arrays_are_refused():
    with pytest.raises(InputError) as error:
        stratified.within_strata_rate_ratio([1], [1], [1], [1], dispersion=0.5)
    assert error.value.setting == "dispersion"
    with pytest.raises(InputError) as error:
        stratified.within_strata_rate_ratio([1], [1], [1], [1], dispersion=2.0, dispersion_df=0)
    assert error.value.setting == "dispersion_df"
    with pytest.raises(InputError, match="one stratum and one patrolled flag"):
        stratified.overdispersion([1, 2, 3], [0, 0], [True, False, True], 1.0)


def test_no_crime_on_patrol_days_gives_a_bounded_quasi_interval():
    """All crimes on other days (the ratio's boundary): phi is read at no effect and the interval's upper
    bound stays finite, wider than the Poisson one."""
    events = [0, 3, 0, 2, 0, 0, 5, 0, 1, 4]
    stratum = [0] * 5 + [1] * 5
    treated = [True, False, True, False, False] * 2
    effect = stratified.within_hotspot_effect(events, stratum, treated)
    poisson = stratified.within_strata_rate_ratio([0, 0], [2, 2], [5, 10], [3, 3])
    assert effect.rate_ratio == 0.0 and effect.dispersion >= 1.0
    assert math.isfinite(effect.ci_high) and effect.ci_high >= poisson.ci_high
