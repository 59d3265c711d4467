"""Patrol evaluation: patrol days against other days, residual deterrence, groups and per-hotspot
totals, against worked cases and simulations with a known truth."""

import math

import numpy as np
import pytest

from hotspot_patrol.core import evaluation
from hotspot_patrol.core.errors import InputError
from hotspot_patrol.core.hotspot_days import count_crimes, patrol_days
from hotspot_patrol.core.poisson_rates import compare_rates

# --- patrol_effect and residual_deterrence -------------------------------------------------------

def test_patrol_effect_worked_case_and_errors():
    counts = [[1, 0, 2], [3, 0, 1]]
    patrolled = [[True, False, False], [False, True, False]]
    result = evaluation.patrol_effect(counts, patrolled)
    # Patrolled: 1 crime in 2 hotspot-days; others: 6 crimes in 4.
    assert (result.crimes_a, result.exposure_a, result.crimes_b, result.exposure_b) == (1, 2, 6, 4)
    assert result.ratio == pytest.approx((1 / 2) / (6 / 4))
    assert result == compare_rates(1, 2, 6, 4)
    with pytest.raises(InputError, match="do not overlap"):
        evaluation.patrol_effect(counts, np.zeros((2, 3), bool))
    with pytest.raises(InputError, match="extend the evaluation period"):
        evaluation.patrol_effect(counts, np.ones((2, 3), bool))
    with pytest.raises(InputError, match="same shape"):
        evaluation.patrol_effect(counts, np.ones((3, 2), bool))


def test_residual_deterrence_worked_case():
    nan = np.nan
    days_since = [[nan, nan, 0, 1, 2, 5], [0, 1, 0, 1, 4, 9]]
    counts = [[9, 9, 1, 2, 0, 3], [0, 1, 1, 0, 2, 4]]
    rows = evaluation.residual_deterrence(counts, days_since, residual_days=2)
    assert [row.label for row in rows] == ["0", "1", "2", "more"]
    assert [row.days_since_min for row in rows] == [0, 1, 2, 3]
    assert [row.days for row in rows] == [3, 3, 1, 3]
    assert [row.crimes for row in rows] == [2, 3, 0, 9]  # the 18 crimes before any patrol are left out
    assert rows[0].ratio == pytest.approx((2 / 3) / (9 / 3))
    reference = compare_rates(2, 3, 9, 3)
    assert (rows[0].ci_low, rows[0].ci_high, rows[0].p_value) == (reference.ci_low, reference.ci_high,
                                                                  reference.p_value)
    assert rows[2].ratio == 0 and rows[2].ci_low == 0
    more = rows[-1]
    assert more.rate == 3 and more.ratio == 1
    assert math.isnan(more.ci_low) and math.isnan(more.ci_high) and math.isnan(more.p_value)


def test_residual_deterrence_without_a_reference_row():
    rows = evaluation.residual_deterrence([[1, 2, 3]], [[0, 1, 2]], residual_days=2)
    assert [row.days for row in rows] == [1, 1, 1, 0]
    assert all(math.isnan(row.ratio) and math.isnan(row.ci_low) and math.isnan(row.p_value) for row in rows)
    assert rows[1].rate == 2 and math.isnan(rows[-1].rate)
    with pytest.raises(InputError, match="at least 1"):
        evaluation.residual_deterrence([[1]], [[0]], residual_days=0)
    with pytest.raises(InputError, match="same shape"):
        evaluation.residual_deterrence([[1, 2]], [[0]])


# --- simulations with a known truth ---------------------------------------------------------------

N_HOTSPOTS, N_DAYS, LEAD_IN = 20, 730, 30
BASE_RATE, ON_PATROL, AFTER_PATROL = 0.5, 0.3, 0.5


def simulate(seed, on_patrol=ON_PATROL, after_patrol=AFTER_PATROL):
    """Two years of 3-days-on/3-days-off patrols (staggered; 40 % of runs dropped) and Poisson crime.

    Dropped runs leave gaps longer than the 3 residual days, and the plan starts
    ``LEAD_IN`` days before the evaluation period and runs past its end.  Returns
    visit and crime records, the true days since patrol and the true rate multiplier.
    """
    rng = np.random.default_rng(seed)
    days = np.arange(-LEAD_IN, N_DAYS + 20)
    shifted = days[None, :] + np.arange(N_HOTSPOTS)[:, None] % 6
    run = shifted // 6 - (shifted // 6).min()
    kept = rng.random((N_HOTSPOTS, run.max() + 1)) >= 0.4
    schedule = (shifted % 6 < 3) & kept[np.arange(N_HOTSPOTS)[:, None], run]
    hotspot, column = np.nonzero(schedule)
    # The true days since patrol, walking the schedule day by day.
    truth = np.full((N_HOTSPOTS, N_DAYS), np.nan)
    last = np.full(N_HOTSPOTS, np.nan)
    for k, d in enumerate(days[days < N_DAYS]):
        last[schedule[:, k]] = d
        if d >= 0:
            truth[:, d] = d - last
    multiplier = np.ones((N_HOTSPOTS, N_DAYS))
    multiplier[truth == 0] = on_patrol
    multiplier[(truth >= 1) & (truth <= 3)] = after_patrol
    counts = rng.poisson(BASE_RATE * multiplier)
    visits_per_day = rng.integers(1, 4, hotspot.size)
    visit_hotspot = np.repeat(hotspot, visits_per_day)
    visit_day = np.repeat(days[column], visits_per_day)
    crime_hotspot, crime_day = np.nonzero(counts)
    repeats = counts[crime_hotspot, crime_day]
    # Crimes outside every hotspot and outside the period must be ignored.
    crime_hotspot = np.concatenate((np.repeat(crime_hotspot, repeats), [-1, -1, 0, 5]))
    crime_day = np.concatenate((np.repeat(crime_day, repeats), [3, 10, -1, N_DAYS]))
    return (visit_hotspot, visit_day, np.full(visit_hotspot.size, 15.0), crime_hotspot, crime_day,
            truth, multiplier, counts)


@pytest.mark.parametrize("seed", [11, 12])
def test_simulation_recovers_patrol_and_residual_effects(seed):
    visit_hotspot, visit_day, minutes, crime_hotspot, crime_day, truth, multiplier, true_counts = simulate(seed)
    days = patrol_days(visit_hotspot, visit_day, minutes, N_HOTSPOTS, N_DAYS)
    np.testing.assert_array_equal(days.days_since, truth)
    counts = count_crimes(crime_hotspot, crime_day, N_HOTSPOTS, N_DAYS)
    np.testing.assert_array_equal(counts, true_counts)

    # 99.9 % intervals, so that the checks hold for almost any seed (they failed for 2 of 300).
    rows = evaluation.residual_deterrence(counts, days.days_since, residual_days=3, confidence=0.999)
    assert [row.label for row in rows] == ["0", "1", "2", "3", "more"]
    assert all(row.days > 1000 for row in rows)
    assert rows[0].ci_low <= ON_PATROL <= rows[0].ci_high < AFTER_PATROL
    for row in rows[1:4]:
        assert ON_PATROL < row.ci_low <= AFTER_PATROL <= row.ci_high < 1
        assert row.p_value < 1e-6

    effect = evaluation.patrol_effect(counts, days.patrolled, confidence=0.999)
    # The other hotspot-days mix residual days (x0.5) with unprotected ones (x1).
    expected = ON_PATROL / multiplier[~days.patrolled].mean()
    assert 0.35 < expected < 0.42
    assert effect.ci_low <= expected <= effect.ci_high < 1
    assert effect.ratio > ON_PATROL  # the residual days among the others dilute the comparison


@pytest.mark.parametrize("seed", [21, 22])
def test_simulation_without_an_effect_finds_none(seed):
    visit_hotspot, visit_day, minutes, crime_hotspot, crime_day, _, multiplier, _ = simulate(
        seed, on_patrol=1.0, after_patrol=1.0)
    assert (multiplier == 1).all()
    days = patrol_days(visit_hotspot, visit_day, minutes, N_HOTSPOTS, N_DAYS)
    counts = count_crimes(crime_hotspot, crime_day, N_HOTSPOTS, N_DAYS)
    effect = evaluation.patrol_effect(counts, days.patrolled, confidence=0.999)
    assert effect.ci_low <= 1 <= effect.ci_high
    assert effect.ci_high - effect.ci_low < 0.3  # narrow enough that a 30 % effect would show
    for row in evaluation.residual_deterrence(counts, days.days_since, confidence=0.999)[:-1]:
        assert row.ci_low <= 1 <= row.ci_high


# --- compare_groups and hotspot_totals ------------------------------------------------------------

def test_compare_groups_counts_each_group_in_hotspots_and_rings_by_hand():
    # Two hotspots, four days; hotspot 0 patrolled on day 1, hotspot 1 on day 0 and day 3.
    days = patrol_days([0, 1, 1], [1, 0, 3], [15.0, 20.0, 10.0], n_hotspots=2, n_days=4)
    # Seven crimes: (hotspot, ring, day, group a?, group b?); -1 is no hotspot or no ring.
    crimes = [(0, -1, 1, True, False), (0, -1, 2, True, True), (-1, 0, 1, True, False),
              (1, -1, 0, False, True), (-1, 1, 3, False, True), (1, -1, 5, True, True),  # day 5: after the period
              (-1, -1, 2, True, True)]                                                    # in no hotspot or ring
    hotspot, ring, day, in_a, in_b = (np.array(column) for column in zip(*crimes))
    compared = evaluation.compare_groups({"a": in_a, "b": in_b}, day, hotspot, days, residual_days=1,
                                         crime_ring=ring)
    assert compared.counts["a"].tolist() == [[0, 1, 1, 0], [0, 0, 0, 0]]
    assert compared.counts["b"].tolist() == [[0, 0, 1, 0], [1, 0, 0, 0]]
    assert compared.ring_counts["a"].tolist() == [[0, 1, 0, 0], [0, 0, 0, 0]]
    assert compared.ring_counts["b"].tolist() == [[0, 0, 0, 0], [0, 0, 0, 1]]
    # Per group and place: the primary (within hotspots) row first, then the pooled one.
    assert [(e.group, e.analysis, e.primary) for e in compared.summary] == [
        (group, analysis, analysis == "within_hotspot") for group in ("a", "a (ring)", "b", "b (ring)")
        for analysis in ("within_hotspot", "pooled")]
    assert all(e.harm is None for e in compared.summary) and compared.compliance is None
    # Pooled, as before the within-hotspot analysis: 3 patrolled hotspot-days of 8, a has 1 crime on them
    # and 1 on the 5 others, and so on.
    pooled = {e.group: e.rates for e in compared.summary if e.analysis == "pooled"}
    split = {group: (r.crimes_a, r.exposure_a, r.crimes_b, r.exposure_b) for group, r in pooled.items()}
    assert split == {"a": (1, 3, 1, 5), "a (ring)": (1, 3, 0, 5), "b": (1, 3, 1, 5), "b (ring)": (1, 3, 0, 5)}
    assert pooled["a"] == compare_rates(1, 3, 1, 5)
    # Within hotspots: both hotspots have patrol and other days, so the counts are the same.
    within = {e.group: e.rates for e in compared.summary if e.analysis == "within_hotspot"}
    assert (within["a"].crimes_a, within["a"].exposure_a, within["a"].crimes_b, within["a"].exposure_b) == (1, 3, 1, 5)
    # days_since: hotspot 0 [nan, 0, 1, 2], hotspot 1 [0, 1, 2, 0]: rows 0, 1 and more (> 1 day).
    assert [(group, row.label, row.days, row.crimes) for group, row in compared.residual] == [
        ("a", "0", 3, 1), ("a", "1", 2, 1), ("a", "more", 2, 0),
        ("b", "0", 3, 1), ("b", "1", 2, 1), ("b", "more", 2, 0)]


def test_compare_groups_without_rings_and_with_arrays_of_other_lengths():
    days = patrol_days([0], [0], [15.0], n_hotspots=1, n_days=3)
    compared = evaluation.compare_groups({"all": [True, True]}, [0, 2], [0, 0], days)
    assert compared.ring_counts == {} and [e.group for e in compared.summary] == ["all", "all"]
    with pytest.raises(InputError, match="one value per crime"):
        evaluation.compare_groups({"all": [True]}, [0, 2], [0, 0], days)
    with pytest.raises(InputError, match="one value per crime"):
        evaluation.compare_groups({"all": [True, True]}, [0, 2], [0, 0], days, crime_ring=[0])


def test_hotspot_totals_by_hand():
    days = patrol_days([0, 0, 1, 2], [0, 0, 2, 9], [15.0, 20.0, 12.5, 15.0], n_hotspots=3, n_days=3)
    totals = evaluation.hotspot_totals(days, {"a": [[1, 2, 0], [4, 0, 3], [0, 0, 5]], "b": np.zeros((3, 3))})
    assert totals.patrol_days.tolist() == [1, 1, 0]
    assert totals.visits.tolist() == [2, 1, 0]
    assert totals.minutes.tolist() == [35.0, 12.5, 0.0]
    assert totals.crimes_patrol["a"].tolist() == [1, 3, 0]
    assert totals.crimes_other["a"].tolist() == [2, 4, 5]
    assert totals.crimes_patrol["b"].tolist() == [0, 0, 0] == totals.crimes_other["b"].tolist()
    with pytest.raises(InputError, match="patrols' shape"):
        evaluation.hotspot_totals(days, {"a": [[1, 2, 0]]})


def test_hotspot_totals_count_the_assigned_days():
    days = patrol_days([0], [1], [15.0], n_hotspots=2, n_days=3)
    assigned = [[True, True, False], [False, False, True]]
    assert evaluation.hotspot_totals(days, {}, assigned).assigned_days.tolist() == [2, 1]
    assert evaluation.hotspot_totals(days, {}).assigned_days is None


# --- within hotspots, intention to treat, harm ----------------------------------------------------

def test_within_hotspot_effect_recovers_a_ratio_that_weekdays_would_hide():
    """Crime is twice as high on Saturdays, and the patrols go out on 3 of 4 Saturdays and 1 of 4 Tuesdays.
    The counts are exactly their expectations (scaled by hotspot, weekday and the patrol, x 0.5), so a
    correct estimator finds 0.5 exactly; comparing within hotspots alone mixes the weekdays."""
    n_days, first_weekday = 28, 0  # four weeks from a Monday
    weekday = (first_weekday + np.arange(n_days)) % 7
    patrol_dates = [5, 12, 19, 1]  # three Saturdays, one Tuesday
    patrolled = np.zeros((2, n_days), bool)
    patrolled[:, patrol_dates] = True
    level = np.array([[1], [3]]) * np.where(weekday == 5, 2, 1) * 4
    counts = np.where(patrolled, level // 2, level)
    strata = np.arange(2)[:, None] * 7 + weekday[None, :]  # hotspot x weekday, written out
    by_weekday = evaluation.within_hotspot_effect(counts, patrolled, strata)
    assert by_weekday.ratio == pytest.approx(0.5, rel=1e-9)
    assert by_weekday.ci_low < 0.5 < by_weekday.ci_high
    # Only the Saturdays and Tuesdays have both kinds of day: 4 of each per hotspot.
    assert (by_weekday.exposure_a, by_weekday.exposure_b) == (8, 8)
    assert by_weekday.crimes_a == counts[patrolled].sum()
    assert by_weekday.crimes_b == counts[:, [26, 8, 15, 22]].sum()
    by_hotspot = evaluation.within_hotspot_effect(counts, patrolled)
    # Per hotspot: 3.5 units of crime in 4 patrol days against 25 in 24 others, a ratio of 0.84.
    assert by_hotspot.ratio == pytest.approx((3.5 / 4) / (25 / 24), rel=1e-9)
    # compare_groups stratifies by weekday when given the first day's weekday.
    days = patrol_days(*np.nonzero(patrolled), np.full(patrolled.sum(), 15.0), 2, n_days)
    hotspot, day = np.nonzero(counts)
    crimes = (np.repeat(hotspot, counts[hotspot, day]), np.repeat(day, counts[hotspot, day]))
    compared = evaluation.compare_groups({"all": np.ones(crimes[0].size, bool)}, crimes[1], crimes[0], days,
                                         first_weekday=first_weekday)
    assert compared.summary[0].rates.ratio == pytest.approx(0.5, rel=1e-9)
    assert compared.summary[1].rates == evaluation.patrol_effect(counts, patrolled)


def test_within_hotspot_effect_leaves_out_hotspots_with_one_kind_of_day():
    # Hotspot 2 is never patrolled: it says nothing about the ratio, and its 40 crimes are left out.
    counts = [[2, 1, 1, 1], [8, 4, 4, 4], [10, 10, 10, 10]]
    patrolled = [[True, False, False, False]] * 2 + [[False] * 4]
    result = evaluation.within_hotspot_effect(counts, patrolled)
    assert (result.crimes_a, result.exposure_a, result.crimes_b, result.exposure_b) == (10, 2, 15, 6)
    assert result.ratio == pytest.approx(2.0) and result.change_pct == pytest.approx(100.0)
    assert result.rate_a == 5 and result.rate_b == 2.5
    with pytest.raises(InputError, match="strata must be"):
        evaluation.within_hotspot_effect(counts, patrolled, strata=[[0, 0, 0, 0]])


TRUE_RATIO, COMPLIANCE = 0.6, 0.7
TRIAL_HOTSPOTS, TRIAL_DAYS = 20, 200


def trial(seed, compliance=1.0):
    """A trial whose hotspots differ tenfold in crime rate and, with it, in their share of assigned days
    (the busiest patrolled most). A visit on an assigned day (with chance ``compliance``) multiplies the
    day's rate by TRUE_RATIO; an assigned day without a visit is an ordinary day. Returns the assignment,
    the patrols and crimes as compare_groups takes them, and the true rates."""
    rng = np.random.default_rng(seed)
    base = np.geomspace(0.1, 1.0, TRIAL_HOTSPOTS)[:, None]
    share = np.geomspace(0.05, 0.5, TRIAL_HOTSPOTS)[:, None]
    assigned = rng.random((TRIAL_HOTSPOTS, TRIAL_DAYS)) < share
    visited = assigned & (rng.random(assigned.shape) < compliance)
    rate = base * np.where(visited, TRUE_RATIO, 1.0)
    counts = rng.poisson(rate)
    hotspot, day = np.nonzero(visited)
    days = patrol_days(hotspot, day, np.full(hotspot.size, 15.0), TRIAL_HOTSPOTS, TRIAL_DAYS)
    crime_hotspot, crime_day = np.nonzero(counts)
    repeats = counts[crime_hotspot, crime_day]
    return assigned, days, np.repeat(crime_hotspot, repeats), np.repeat(crime_day, repeats), rate


def test_within_hotspot_analysis_removes_the_bias_of_pooling_unequal_hotspots():
    # The pooled ratio's expectation: patrol days come mostly from the busy hotspots.
    base = np.geomspace(0.1, 1.0, TRIAL_HOTSPOTS)
    share = np.geomspace(0.05, 0.5, TRIAL_HOTSPOTS)
    pooled_truth = (share * base * TRUE_RATIO).sum() / share.sum() / ((1 - share) * base).sum() * (1 - share).sum()
    assert pooled_truth > 0.95  # patrols look useless, pooled
    covered, seeds = 0, range(40)
    for seed in seeds:
        _, days, crime_hotspot, crime_day, _ = trial(seed)
        compared = evaluation.compare_groups({"all": np.ones(crime_day.size, bool)}, crime_day, crime_hotspot, days)
        within, pooled = (e.rates for e in compared.summary)
        covered += within.ci_low <= TRUE_RATIO <= within.ci_high
        assert pooled.ci_low > TRUE_RATIO  # far from the truth on every seed
    assert covered >= 0.85 * len(seeds)  # 95% intervals: 34 of 40 is the 1-in-100 lower tail


def test_intention_to_treat_recovers_the_diluted_effect_and_as_delivered_the_full_one():
    itt_truth = 1 - COMPLIANCE * (1 - TRUE_RATIO)  # 0.72: 30% of assigned days had no visit and no effect
    covered = {"within_hotspot": 0, "as_delivered": 0}
    seeds = range(30)
    for seed in seeds:
        assigned, days, crime_hotspot, crime_day, _ = trial(seed, compliance=COMPLIANCE)
        compared = evaluation.compare_groups({"all": np.ones(crime_day.size, bool)}, crime_day, crime_hotspot, days,
                                             assigned=assigned)
        assert [(e.analysis, e.primary) for e in compared.summary] == [
            ("within_hotspot", True), ("as_delivered", False), ("pooled", False)]
        assert compared.compliance == (assigned & days.patrolled).sum() / assigned.sum()
        assert abs(compared.compliance - COMPLIANCE) < 0.05
        itt, delivered, pooled = (e.rates for e in compared.summary)
        assert itt.exposure_a + itt.exposure_b == TRIAL_HOTSPOTS * TRIAL_DAYS  # every hotspot had both kinds
        assert itt.exposure_a == assigned.sum() and delivered.exposure_a == days.patrolled.sum()
        assert pooled == evaluation.patrol_effect(count_crimes(crime_hotspot, crime_day, TRIAL_HOTSPOTS, TRIAL_DAYS),
                                                  days.patrolled)
        covered["within_hotspot"] += itt.ci_low <= itt_truth <= itt.ci_high
        covered["as_delivered"] += delivered.ci_low <= TRUE_RATIO <= delivered.ci_high
    assert min(covered.values()) >= 0.85 * len(seeds)


def test_an_assignment_without_assigned_days_is_refused():
    days = patrol_days([0], [1], [15.0], n_hotspots=1, n_days=3)
    with pytest.raises(InputError, match="The assignment gives no hotspot a patrol"):
        evaluation.compare_groups({"all": [True]}, [0], [0], days, assigned=np.zeros((1, 3), bool))


def test_harm_beside_the_counts_by_hand():
    # Two hotspots, four days; hotspot 0 patrolled on day 0, hotspot 1 on days 0 and 1.
    days = patrol_days([0, 1, 1], [0, 0, 1], [15.0] * 3, n_hotspots=2, n_days=4)
    # (hotspot, day, harm): crimes of harm 1 and 10.
    crimes = [(0, 0, 10.0), (0, 2, 1.0), (0, 3, 1.0), (1, 0, 1.0), (1, 2, 10.0), (1, 3, 10.0), (-1, 0, 99.0)]
    hotspot, day, harm = (np.array(column) for column in zip(*crimes))
    compared = evaluation.compare_groups({"all": np.ones(len(crimes), bool)}, day, hotspot, days, crime_harm=harm,
                                         resamples=200, seed=0)
    within, pooled = (e.harm for e in compared.summary)
    for result in (within, pooled):
        assert (result.harm_patrol, result.harm_other) == (11.0, 22.0)
    # Pooled: (11 / 3 patrol days) / (22 / 5 other days).
    assert pooled.ratio == pytest.approx((11 / 3) / (22 / 5))
    # Within hotspots, Mantel-Haenszel: hotspot 0 has 1 patrol day (harm 10) and 3 others (harm 2); hotspot 1
    # 2 patrol days (harm 1) and 2 others (harm 20); 4 days each.
    assert within.ratio == pytest.approx((10 * 3 / 4 + 1 * 2 / 4) / (2 * 1 / 4 + 20 * 2 / 4))
    assert within.resamples == 200 and within.ci_low <= within.ratio <= within.ci_high
    with pytest.raises(InputError, match="one value per crime"):
        evaluation.compare_groups({"all": np.ones(len(crimes), bool)}, day, hotspot, days, crime_harm=harm[:2])
