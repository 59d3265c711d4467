"""The evaluation report's numbers as people read them: counts as whole numbers, one rule for
p-values in the findings and the tables, no interval where there is none."""

import datetime
import re

import pytest
from scipy import stats

from hotspot_patrol.algorithms.evaluation_report import disagreement, disagreements, finding, report_html
from hotspot_patrol.core.evaluation import Effect, compare_groups, hotspot_totals
from hotspot_patrol.core.harm_effect import HarmEffect
from hotspot_patrol.core.hotspot_days import patrol_days
from hotspot_patrol.core.poisson_rates import compare_rates

FIRST = datetime.date(2024, 6, 3)


def strong_effect_report():
    """One hotspot over 40 days, patrolled on days 0-19 with no crime, 30 crimes on days 21-39: a
    drop far beyond chance (p about 2e-9)."""
    days = patrol_days(visit_hotspot=[0] * 20, visit_day=list(range(20)), visit_minutes=[15.0] * 20,
                       n_hotspots=1, n_days=40)
    crime_day = [21 + k % 19 for k in range(30)]
    compared = compare_groups({"all": [True] * 30}, crime_day, [0] * 30, days, residual_days=1)
    return report_html(period=(FIRST, FIRST + datetime.timedelta(days=40)), zone="Europe/London",
                       hotspot_ids=["H1"], totals=hotspot_totals(days, compared.counts), compared=compared,
                       residual_days=1, displaced=[], ring=0.0)


def cells(html_text, first_cell):
    """The cells of the table row that starts with ``first_cell``."""
    row = re.search(rf"<tr><td>{re.escape(first_cell)}</td>(.*?)</tr>", html_text).group(1)
    return re.findall(r"<td>(.*?)</td>", row)


def test_tiny_p_values_read_below_a_thousandth_in_the_findings_and_the_table():
    text = strong_effect_report()
    assert stats.binomtest(0, 30, 0.5).pvalue < 1e-8
    assert "Crime was 100% lower on patrol days (95% CI " in text and ", p &lt; 0.001): 0 crimes in 20 " in text
    assert not re.search(r"\de-\d", text)  # no scientific notation anywhere
    # group, analysis, patrol days, other days, crimes (patrol), crimes (other), rates, change, interval, p: the
    # primary row first.
    summary = cells(text, "all")
    assert summary[:5] == ["within hotspots", "20", "20", "0", "30"]
    assert summary[-1] == "&lt; 0.001"


def test_residual_rows_without_an_interval_show_one_dash():
    text = strong_effect_report()
    # The reference row ('more'): 19 hotspot-days, its ratio 1 by definition, no interval, no p.
    more = re.findall(r"<tr><td>all</td><td>more</td>(.*?)</tr>", text)[0]
    assert re.findall(r"<td>(.*?)</td>", more) == ["19", "30", "1.579", "1.00", "—", "—"]


def test_other_p_values_have_three_decimals_in_words():
    # 4 crimes in 4 patrol hotspot-days against 5 in 16: p = 0.0856 (the worked case of the algorithm's tests).
    assert stats.binomtest(4, 9, 0.2).pvalue == pytest.approx(0.0856, abs=1e-4)
    text = finding("violent", compare_rates(4, 4, 5, 16))
    assert ", p = 0.086): 4 crimes in 4 patrol hotspot-days against 5 in 16 other hotspot-days." in text
    # Every crime on patrol days: 3 in 4 against 0 in 16, p = 0.2 ** 3.
    only_patrol = finding("all (ring)", compare_rates(3, 4, 0, 16))
    assert only_patrol.endswith("the rate ratio has no upper bound (p = 0.008).")


def test_pooled_and_within_hotspot_estimates_that_disagree_are_named():
    within = compare_rates(40, 100, 100, 100)   # 60% lower, p < 0.001
    # Each reason alone, then none: the rule is the one written in disagreement's docstring.
    assert disagreement(within, compare_rates(120, 100, 100, 100)) == [
        "one finds less crime on patrol days, the other more", "one is significant at the 5% level and the other "
        "is not", "their 95% intervals do not overlap", "the pooled ratio is more than 20% away from the "
        "within-hotspot one"]
    assert disagreement(within, compare_rates(45, 100, 100, 100)) == []       # 0.45 against 0.40: 12.5% apart
    assert disagreement(within, compare_rates(50, 100, 100, 100)) == [        # 0.50: 25% apart, intervals overlap
        "the pooled ratio is more than 20% away from the within-hotspot one"]
    # A crime or two each side: ratios 1.00 and 1.39, neither significant — noise, not a disagreement.
    assert disagreement(compare_rates(1, 280, 1, 280), compare_rates(1, 200, 1, 280)) == []
    assert disagreement(compare_rates(2, 100, 1, 100), compare_rates(1, 100, 2, 100)) == []
    small = compare_rates(4, 10, 8, 10)                                        # 0.5 but p = 0.39
    assert disagreement(small, compare_rates(40, 100, 80, 100)) == [
        "one is significant at the 5% level and the other is not"]
    summary = [Effect("violent", "within_hotspot", True, within), Effect("violent", "pooled", False, small),
               Effect("street", "within_hotspot", True, within), Effect("street", "pooled", False, within)]
    sentences = disagreements(summary)
    assert len(sentences) == 1 and sentences[0].startswith(
        "Violent crime: the pooled estimate (rate ratio 0.50, p = 0.388) and the within-hotspot estimate on the "
        "same visited days (rate ratio 0.40, p < 0.001) disagree: one is significant")
    # With an assignment the pooled row (visited days) is set against the as-delivered row, not the ITT one.
    with_assignment = [Effect("all", "within_hotspot", True, small), Effect("all", "as_delivered", False, within),
                       Effect("all", "pooled", False, within)]
    assert disagreements(with_assignment) == []


def test_harm_in_the_finding():
    harm = HarmEffect(harm_patrol=30.0, harm_other=150.0, ratio=0.5, ci_low=0.3, ci_high=0.8, resamples=2000)
    text = finding("all", compare_rates(40, 100, 100, 100), harm)
    assert text.endswith("Harm per hotspot-day was 50% lower (95% bootstrap interval 20–70% lower).")
    nothing = HarmEffect(0.0, 0.0, float("nan"), float("nan"), float("nan"), 2000)
    assert finding("all", compare_rates(0, 1, 0, 1), nothing).endswith("so no harm comparison.")
