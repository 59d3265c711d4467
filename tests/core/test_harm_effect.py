"""Harm on patrol days against other days: the ratios by hand, a bootstrap that never mixes a hotspot's
patrol days with its other days, and intervals that cover a known harm ratio as often as they claim."""

import math

import numpy as np
import pytest

from hotspot_patrol.core.errors import InputError
from hotspot_patrol.core.harm_effect import harm_effect, harm_grid


def test_harm_grid_sums_each_hotspot_day():
    grid = harm_grid([0, 0, 1, -1, 1, 0], [0, 0, 1, 0, 5, -1], [1.0, 10.0, 5.0, 99.0, 7.0, 3.0], 2, 3)
    # Outside every hotspot (-1), after the period (day 5) and before it (day -1): nowhere.
    assert grid.tolist() == [[11.0, 0.0, 0.0], [0.0, 5.0, 0.0]]
    with pytest.raises(InputError, match="finite number of 0 or more"):
        harm_grid([0], [0], [-1.0], 1, 1)
    with pytest.raises(InputError, match="one value per crime"):
        harm_grid([0, 0], [0], [1.0], 1, 1)
    with pytest.raises(InputError, match=r"hotspot index 2, but the hotspots are numbered 0\.\.1"):
        harm_grid([2], [0], [1.0], 2, 1)


HARM = np.array([[4.0, 0.0, 1.0, 1.0, 0.0, 2.0], [30.0, 10.0, 0.0, 20.0, 20.0, 10.0]])
PATROLLED = np.array([[True, False, False, False, False, False], [True, True, False, False, False, False]])


def test_the_ratios_by_hand():
    within = harm_effect(HARM, PATROLLED, seed=0)
    pooled = harm_effect(HARM, PATROLLED, within_strata=False, seed=0)
    for result in (within, pooled):
        assert (result.harm_patrol, result.harm_other) == (44.0, 54.0)
        assert result.resamples == 2000
    # Pooled: (44 / 3 patrol days) / (54 / 9 other days).
    assert pooled.ratio == pytest.approx((44 / 3) / (54 / 9))
    # Mantel-Haenszel: hotspot 0 has 1 patrol day (harm 4) and 5 others (harm 4); hotspot 1 has 2 (harm 40)
    # and 4 (harm 50); 6 days each. Per hotspot the ratios are 5 and 1.6.
    assert within.ratio == pytest.approx((4 * 5 / 6 + 40 * 4 / 6) / (4 * 1 / 6 + 50 * 2 / 6))
    # With harm 1 per crime it is the Mantel-Haenszel rate ratio of the counts (Greenland & Robins 1985).
    counts = np.array([[2, 0, 1, 0, 0, 1], [3, 1, 0, 2, 2, 1]])
    t1, t0, n = np.array([1, 2]), np.array([5, 4]), np.array([6, 6])
    x1, x0 = np.array([2, 4]), np.array([2, 5])
    assert harm_effect(counts, PATROLLED, seed=0).ratio == pytest.approx((x1 * t0 / n).sum() / (x0 * t1 / n).sum())


def test_the_bootstrap_keeps_each_hotspots_patrol_and_other_days_apart():
    # Every patrol day of a hotspot has twice the harm of its other days, and hotspots differ tenfold:
    # a resample drawn from the right days always finds 2; one mixing days, or hotspots, would not.
    harm = np.array([[2.0, 2.0, 1.0, 1.0, 1.0], [20.0, 10.0, 10.0, 10.0, 10.0]])
    patrolled = np.array([[True, True, False, False, False], [True, False, False, False, False]])
    within = harm_effect(harm, patrolled, resamples=500, seed=3)
    assert within.ratio == pytest.approx(2.0) and within.ci_low == pytest.approx(2.0) == within.ci_high
    # Pooled, the ratio is another, (24 / 3) / (43 / 7), but no resample changes it either.
    pooled = harm_effect(harm, patrolled, within_strata=False, resamples=500, seed=3)
    assert pooled.ratio == pytest.approx((24 / 3) / (43 / 7))
    assert pooled.ci_low == pytest.approx(pooled.ratio) == pooled.ci_high
    # Strata by hotspot and a second key: the two halves of the days are resampled apart too.
    strata = np.array([[0, 0, 0, 1, 1], [2, 2, 2, 3, 3]])
    assert harm_effect(harm, patrolled, strata=strata, resamples=500, seed=3).ci_high == pytest.approx(2.0)


def test_the_interval_matches_a_bootstrap_written_plainly():
    rng = np.random.default_rng(5)
    harm = rng.poisson(1.0, (4, 30)) * rng.choice([1.0, 10.0], (4, 30))
    patrolled = rng.random((4, 30)) < 0.4
    result = harm_effect(harm, patrolled, resamples=4000, seed=11)
    # The same stratified bootstrap, one hotspot and one kind of day at a time.
    plain = []
    for _ in range(4000):
        numerator = denominator = 0.0
        for h in range(4):
            patrol, other = harm[h, patrolled[h]], harm[h, ~patrolled[h]]
            patrol_sum = rng.choice(patrol, patrol.size).sum()
            other_sum = rng.choice(other, other.size).sum()
            numerator += patrol_sum * other.size / harm.shape[1]
            denominator += other_sum * patrol.size / harm.shape[1]
        plain.append(numerator / denominator)
    low, high = np.percentile(plain, [2.5, 97.5])
    assert result.ci_low == pytest.approx(low, rel=0.06)
    assert result.ci_high == pytest.approx(high, rel=0.06)
    assert harm_effect(harm, patrolled, resamples=4000, seed=11) == result  # the seed repeats it


def test_no_harm_and_harm_only_on_patrol_days():
    nothing = harm_effect(np.zeros((2, 4)), PATROLLED[:, :4], resamples=100, seed=0)
    assert math.isnan(nothing.ratio) and math.isnan(nothing.ci_low) and math.isnan(nothing.ci_high)
    only_patrol = harm_effect(np.where(PATROLLED, 3.0, 0.0), PATROLLED, resamples=100, seed=0)
    assert only_patrol.ratio == math.inf and only_patrol.ci_low == math.inf


@pytest.mark.parametrize("arguments, message", [
    ({"patrolled": np.zeros((2, 6), bool)}, "0 of 12 hotspot-days are patrol days"),
    ({"patrolled": np.ones((2, 6), bool)}, "12 of 12 hotspot-days are patrol days"),
    ({"patrolled": PATROLLED[:, :3]}, "one shape"),
    ({"harm": -HARM}, "0 or more"),
    ({"harm": HARM[0]}, "2-D"),
    ({"resamples": 99}, "at least 100"),
    ({"confidence": 1.0}, "strictly between 0 and 1"),
], ids=["no_patrol_day", "only_patrol_days", "shapes", "negative", "one_dimension", "resamples", "confidence"])
def test_bad_input(arguments, message):
    given = {"harm": HARM, "patrolled": PATROLLED, **arguments}
    with pytest.raises(InputError, match=message):
        harm_effect(**given)


HOTSPOTS, DAYS = 20, 60
MINOR, SERIOUS = 1.0, 10.0  # the harm of one crime of each category


def simulated_harm(seed):
    """Hotspots differing tenfold in crime and in their share of patrol days (the busiest patrolled most).
    Four in five crimes are minor (harm 1), one in five serious (harm 10); a patrol halves the serious ones.
    Returns the harm grid, the patrol days and the true harm ratio, the same in every hotspot."""
    rng = np.random.default_rng(seed)
    rate = np.geomspace(0.3, 3.0, HOTSPOTS)[:, None]
    patrolled = rng.random((HOTSPOTS, DAYS)) < np.geomspace(0.08, 0.8, HOTSPOTS)[:, None]
    minor = rng.poisson(np.broadcast_to(0.8 * rate, patrolled.shape))
    serious = rng.poisson(np.where(patrolled, 0.5, 1.0) * 0.2 * rate)
    truth = (0.8 * MINOR + 0.5 * 0.2 * SERIOUS) / (0.8 * MINOR + 0.2 * SERIOUS)
    return minor * MINOR + serious * SERIOUS, patrolled, truth


def test_the_interval_covers_the_true_harm_ratio_as_often_as_it_claims():
    seeds = range(200)
    covered, pooled_estimates = 0, []
    for seed in seeds:
        harm, patrolled, truth = simulated_harm(seed)
        result = harm_effect(harm, patrolled, resamples=1000, seed=seed)
        covered += result.ci_low <= truth <= result.ci_high
        if seed < 20:
            pooled_estimates.append(harm_effect(harm, patrolled, within_strata=False, resamples=100, seed=seed).ratio)
    assert truth == pytest.approx(9 / 14)
    assert 0.90 * len(seeds) <= covered <= 0.99 * len(seeds)
    # Pooled over hotspots the busy hotspots' harm falls on patrol days: biased far above the truth.
    assert np.mean(pooled_estimates) > 1.5 * truth
