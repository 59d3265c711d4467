"""Trial planning against known truths: histories simulated with known rates and dispersion, trials simulated
day by day here (independently of the planner's blocks of days and thinning) and analysed by the quasi-Poisson
within-hotspot test, and the normal approximation."""

import math

import numpy as np
import pytest
from scipy import stats

from hotspot_patrol.core import power
from hotspot_patrol.core.errors import InputError
from hotspot_patrol.core.stratified import within_strata_test

RATES = np.geomspace(0.1, 1.0, 20)


def negative_binomial_days(rng, means, k, shape):
    """Daily counts with the given means (broadcast to ``shape``), variance mean + mean**2 / k."""
    means = np.broadcast_to(means, shape)
    if math.isinf(k):
        return rng.poisson(means)
    return rng.negative_binomial(k, k / (k + means))


def day_by_day_power(rates, k, days, share, effect, alpha, trials, seed):
    """Share of trials, drawn one hotspot-day at a time, in which the within-hotspot test rejects."""
    rng = np.random.default_rng(seed)
    patrolled = power.patrol_days(days, share)
    patrol_day = np.arange(days) < patrolled  # which days does not matter: the days are exchangeable
    means = rates[:, None] * np.where(patrol_day, 1.0 - effect, 1.0)
    counts = negative_binomial_days(rng, means, k, (trials, len(rates), days))
    x1, x0 = counts[:, :, patrol_day].sum(axis=2), counts[:, :, ~patrol_day].sum(axis=2)
    s1, s0 = (counts[:, :, patrol_day] ** 2).sum(axis=2), (counts[:, :, ~patrol_day] ** 2).sum(axis=2)
    exposure = np.ones(len(rates))
    return within_strata_test(x1, patrolled * exposure, x0, (days - patrolled) * exposure, alpha,
                              squares_treated=s1, squares_control=s0).reject.mean()


def test_history_rates_by_hand_and_from_known_truths():
    counts = np.array([[0, 2, 0, 4], [1, 1, 1, 1]])
    # means 1.5 and 1, variances 11/3 and 0: 1/k = ((11/3 - 1.5) + (0 - 1)) / ((2.25 - 11/12) + 1)
    assert power.history_rates(counts).dispersion == pytest.approx((2.25 - 11 / 12 + 1) / (11 / 3 - 2.5))
    rng = np.random.default_rng(8)
    overdispersed = negative_binomial_days(rng, RATES[:, None], 1.5, (20, 730))
    rates = power.history_rates(overdispersed)
    standard_error = np.sqrt(RATES * (1 + RATES / 1.5) / 730)
    assert np.all(np.abs(rates.daily_rate - RATES) < 3.5 * standard_error)
    assert rates.dispersion == pytest.approx(1.5, rel=0.15)
    assert rates.days == 730
    poisson = power.history_rates(rng.poisson(RATES[:, None], (20, 730)))
    assert 1 / poisson.dispersion < 0.05


@pytest.mark.parametrize("probability", [0.0, 0.03, 0.5, 0.97])
def test_binomial_quantiles_are_scipys(probability):
    rng = np.random.default_rng(2)
    uniforms = rng.random((300, 40))
    trials = np.concatenate([np.zeros((300, 1)), rng.integers(1, 5, (300, 20)), rng.integers(5, 3000, (300, 19))],
                            axis=1)
    assert np.array_equal(power.binomial_quantile(uniforms, trials, probability),
                          stats.binom.ppf(uniforms, trials, probability))
    # scipy answers 0 at probability 1; every crime is kept
    assert np.array_equal(power.binomial_quantile(uniforms, trials, 1.0), trials)


def test_the_simulator_draws_what_day_by_day_trials_give():
    simulator = power.TrialSimulator(RATES, 1.5, simulations=4000, rng=1)
    trials = simulator.trials(28, 0.4, 0.3)
    x1, x0 = trials.events_treated, trials.events_control
    assert (trials.patrol_days, trials.other_days) == (11, 17)
    assert x1.mean(axis=0) == pytest.approx(0.7 * RATES * 11, rel=0.06)
    # a sum of T daily negative-binomial counts has variance T mu (1 + mu / k)
    assert x0.var(axis=0) == pytest.approx(17 * RATES * (1 + RATES / 1.5), rel=0.15)
    # squared day counts: E y**2 = mu (1 + mu / k) + mu**2, the patrol days' mean thinned to 0.7 mu
    assert trials.squares_control.mean(axis=0) == pytest.approx(17 * RATES * (1 + RATES / 1.5 + RATES), rel=0.08)
    thinned = 0.7 * RATES
    assert trials.squares_treated.mean(axis=0) == pytest.approx(11 * thinned * (1 + thinned / 1.5 + thinned),
                                                                rel=0.12)
    # common random numbers: a larger drop never leaves more crimes; a longer trial extends a shorter one
    assert np.all(simulator.trials(28, 0.4, 0.5).events_treated <= x1)
    longer = simulator.trials(56, 0.2, 0.3)
    assert np.array_equal(longer.events_treated, x1) and np.all(longer.events_control >= x0)


def test_at_the_reported_mde_the_test_rejects_in_power_of_trials():
    rng = np.random.default_rng(21)
    history = negative_binomial_days(rng, RATES[:, None], 2.0, (20, 365))
    plan = power.plan_trial(history, days=28, share=0.4, rng=5)
    assert 0 < plan.mde < 1
    rates = power.history_rates(history)
    rejected = day_by_day_power(rates.daily_rate, rates.dispersion, 28, 0.4, plan.mde, 0.05, 4000, seed=99)
    assert rejected == pytest.approx(0.8, abs=0.03)
    # a drop a quarter smaller is detected clearly less often
    assert day_by_day_power(rates.daily_rate, rates.dispersion, 28, 0.4, 0.75 * plan.mde, 0.05, 2000, 98) < 0.7


def test_normal_approximation_agrees_on_poisson_counts_and_the_test_keeps_its_level():
    history = np.random.default_rng(3).poisson(RATES[:, None], (20, 365))
    plan = power.plan_trial(history, days=28, share=0.4, rng=2)
    assert math.isinf(plan.dispersion)
    assert plan.mde_normal == pytest.approx(plan.mde, rel=0.2)
    assert plan.null_rejection == pytest.approx(0.05, abs=0.02)
    # overdispersed counts: the Poisson test rejected in more than 8 % of no-effect trials here; the
    # quasi-Poisson test keeps about alpha, and the normal approximation (quasi-Poisson critical value,
    # negative-binomial spread) still agrees with the simulation
    overdispersed = negative_binomial_days(np.random.default_rng(4), RATES[:, None], 0.5, (20, 365))
    plan = power.plan_trial(overdispersed, days=90, share=0.4, rng=2)
    assert plan.null_rejection == pytest.approx(0.05, abs=0.02)
    assert plan.mde_normal == pytest.approx(plan.mde, rel=0.1)


def test_more_days_detect_smaller_drops_and_days_for_target_reaches_the_target():
    history = np.random.default_rng(5).poisson(RATES[:, None], (20, 365))
    rates = power.history_rates(history)
    simulator = power.TrialSimulator(rates.daily_rate, rates.dispersion, rng=7)
    mdes = [power.simulated_mde(simulator, days, 0.4, 0.05, 0.8) for days in (14, 28, 56)]
    assert mdes[0] > mdes[1] > mdes[2]
    needed = power.plan_trial(history, days=28, share=0.4, target_effect=0.3, rng=7).days_for_target
    assert power.simulated_mde(simulator, needed, 0.4, 0.05, 0.8) <= 0.3 < mdes[1]
    # independent trials: the target drop is detected in about 80 % of trials of the days found, and in
    # clearly fewer with a fifth fewer days
    assert day_by_day_power(rates.daily_rate, math.inf, needed, 0.4, 0.3, 0.05, 2000, seed=11) == pytest.approx(
        0.8, abs=0.04)
    assert day_by_day_power(rates.daily_rate, math.inf, int(0.8 * needed), 0.4, 0.3, 0.05, 2000, seed=12) < 0.76


def test_unreachable_targets_and_effects_are_reported_as_such():
    sparse = np.zeros((3, 100), dtype=int)
    sparse[0, 5] = 1
    plan = power.plan_trial(sparse, days=28, share=0.4, target_effect=0.3, rng=1)
    assert math.isnan(plan.mde) and plan.days_for_target is None
    assert plan.hotspots == 3 and plan.daily_rate == pytest.approx(1 / 300)


@pytest.mark.parametrize("kwargs, setting", [
    ({"share": 1.0}, "share"), ({"share": 0.0}, "share"), ({"alpha": 0.0}, "alpha"), ({"power": 1.2}, "power"),
    ({"target_effect": 0.0}, "target_effect"), ({"days": 1}, "days"), ({"days": 5, "share": 0.05},
                                                                       ("share", "days")),
])
def test_bad_settings_are_refused(kwargs, setting):
    with pytest.raises(InputError) as error:
        power.plan_trial(np.ones((2, 10), dtype=int), **kwargs)
    assert error.value.setting == setting


def test_a_history_without_crime_is_refused():
    with pytest.raises(InputError, match="no crime in the hotspots"):
        power.history_rates(np.zeros((4, 30)))
    with pytest.raises(InputError, match="at least two days"):
        power.history_rates(np.ones((4, 1)))
