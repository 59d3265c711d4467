"""The evaluation's findings in plain words, and its HTML report: one self-contained file, nothing
loaded from the network.

The report opens in Processing's results viewer and in any browser offline: the style is inline
and the residual-deterrence chart is inline SVG.
"""

import datetime
import html
import math

from qgis.PyQt.QtCore import QDate, QLocale

from ..core.crime_groups import ALL
from ..core.dosage_response import AFTER_VISIT, DAILY_BANDS, DAILY_MINUTES, NO_VISIT
from ..core.evaluation import AS_DELIVERED, POOLED, RING_SUFFIX, WITHIN_HOTSPOT
from .translate import tr

STYLE = """
body { font-family: sans-serif; margin: 1.5em; color: #222; max-width: 60em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.5em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
th { background: #eee; }
p.finding { font-size: 1.05em; }
.note { color: #555; font-size: 0.9em; }
"""
P_FLOOR = 0.001  # smaller p-values are written "< 0.001"
COLOURS = ("#c0392b", "#2c7fb8", "#31a354", "#756bb1", "#e6550d", "#636363")
# The pooled and within-hotspot estimates disagree when one is significant at this level and the other
# not, when their intervals do not overlap, or when the pooled ratio is more than this far from the other.
SIGNIFICANCE = 0.05
RATIO_GAP = 0.20


def report_html(*, period, zone, hotspot_ids, totals, compared, residual_days, displaced, ring, by_weekday=False,
                dosage=None):
    """The report as one HTML text, every value from the data escaped.

    ``period`` is (first day, day after the last), ``totals`` the
    :class:`~..core.evaluation.HotspotTotals` of ``hotspot_ids``, ``compared`` the
    :class:`~..core.evaluation.GroupComparison` and ``displaced`` the rows of
    :func:`~..core.displacement.displacement_by_group` (empty without a control area);
    ``by_weekday``: the within-hotspot strata were hotspot and weekday; ``dosage`` the rows of
    :func:`~..core.dosage_response.dosage_response`, or None.  The primary analysis
    comes first, then the secondary ones and, where they disagree, why.
    """
    first, after = period
    effects = sorted(compared.summary, key=lambda effect: not effect.primary)  # stable: primary rows first
    with_harm = any(effect.harm is not None for effect in effects)
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + _e(tr("Patrol evaluation"))
             + f"</title><style>{STYLE}</style></head><body>",
             "<h1>" + _e(tr("Did the hotspot patrols work?")) + "</h1>",
             "<p class='note'>" + tr(
                 "{} hotspots, {} to the end of {}; days are calendar days in {}. A hotspot-day is a patrol day "
                 "when a patrol visit started on it. Within hotspots, the intervals are likelihood-ratio 95% "
                 "intervals of the conditional Poisson rate ratio; pooled, exact 95% intervals for the ratio of two "
                 "Poisson rates (Clopper–Pearson on the split of crimes).").format(
                     len(hotspot_ids), _date(first), _date(_day_before(after)), _e(zone)) + "</p>",
             "<h2>" + _e(tr("Findings")) + "</h2>",
             f"<p class='note'>{_e(primary_in_words(compared.compliance, by_weekday))}</p>"]
    parts += [f"<p class='finding'>{_e(effect_finding(e))}</p>" for e in effects if e.primary]
    parts += [f"<p class='finding'>{_e(text)}</p>" for text in disagreements(compared.summary)]
    parts.append("<h2>" + _e(tr("Secondary analyses")) + "</h2>")
    parts += [f"<p>{_e(effect_finding(e))}</p>" for e in effects if not e.primary]
    parts.append("<h2>" + _e(tr("Patrol days against other days")) + "</h2>")
    harm_header = [tr("harm (patrol)"), tr("harm (other)"), tr("harm ratio"), tr("95% CI of the harm ratio")]
    parts.append(_table(
        [tr("group"), tr("analysis"), tr("patrol days"), tr("other days"), tr("crimes (patrol)"), tr("crimes (other)"),
         tr("rate (patrol)"), tr("rate (other)"), tr("change"), tr("95% CI of the rate ratio"), "p"]
        + (harm_header if with_harm else []),
        [[e.group, analysis_label(e.analysis), int(e.rates.exposure_a), int(e.rates.exposure_b), e.rates.crimes_a,
          e.rates.crimes_b, _n(e.rates.rate_a, 3), _n(e.rates.rate_b, 3), _pct(e.rates.change_pct),
          _interval(e.rates.ci_low, e.rates.ci_high), _p(e.rates.p_value)]
         + (_harm_cells(e.harm) if with_harm else []) for e in effects]))
    parts.append("<p class='note'>" + tr(
        "Other days include the days just after patrols, when residual deterrence may still hold crime down, so "
        "this comparison understates the effect of a patrol; the curve below separates them. Within hotspots, "
        "the counts are those of the hotspots with both patrol and other days.") + "</p>")
    if with_harm:
        parts.append("<p class='note'>" + tr(
            "Harm: each crime weighs its category's harm; the harm ratio is harm per hotspot-day on patrol days over "
            "other days, with a 95% percentile bootstrap interval that redraws each hotspot's patrol days and other "
            "days separately.") + "</p>")
    if ring > 0:
        parts.append("<p class='note'>" + tr(
            "Rows marked (ring) count crime in a {:g} m ring around the hotspots, on the same hotspot-days: a "
            "drop there too suggests a diffusion of benefit, a rise displacement.").format(ring) + "</p>")
    parts.append("<h2>" + _e(tr("Residual deterrence")) + "</h2>")
    parts.append("<p class='note'>" + tr(
        "The crime rate on patrol days (0) and 1 … {0} days after the last patrol day, relative to days more "
        "than {0} days after one (ratio 1, the dashed line), with 95% intervals. Points below the line mean "
        "less crime.").format(residual_days) + "</p>")
    parts.append(residual_chart(compared.residual))
    parts.append(_table(
        [tr("group"), tr("days since patrol"), tr("hotspot-days"), tr("crimes"), tr("rate"), tr("ratio"),
         tr("95% CI"), "p"],
        [[group, r.label, r.days, r.crimes, _n(r.rate, 3), _n(r.ratio, 2), _interval(r.ci_low, r.ci_high),
          _p(r.p_value)] for group, r in compared.residual]))
    if displaced:
        parts.append("<h2>" + _e(tr("Displacement")) + "</h2>")
        parts.append(_table(
            [tr("group"), tr("target before"), tr("target after"), tr("ring before"), tr("ring after"),
             tr("control before"), tr("control after"), "WDQ", tr("reading")],
            [[group, *counts, _n(result.wdq, 2), result.reading] for group, counts, result in displaced]))
        parts.append("<p class='note'>" + tr("Weighted displacement quotient of Bowers &amp; Johnson (2003).")
                     + "</p>")
    if dosage:
        parts += dosage_section(dosage)
    parts.append("<h2>" + _e(tr("Per hotspot")) + "</h2>")
    assigned = totals.assigned_days
    parts.append(_table(
        [tr("hotspot")] + ([] if assigned is None else [tr("assigned days")])
        + [tr("patrol days"), tr("visits"), tr("patrol minutes")]
        + [tr("{}: patrol days / other days").format(g) for g in totals.crimes_patrol],
        [[hotspot_id] + ([] if assigned is None else [int(assigned[h])])
         + [int(totals.patrol_days[h]), int(totals.visits[h]), f"{float(totals.minutes[h]):.0f}"]
         + [f"{int(totals.crimes_patrol[g][h])} / {int(totals.crimes_other[g][h])}" for g in totals.crimes_patrol]
         for h, hotspot_id in enumerate(hotspot_ids)]))
    parts.append("<p class='note'>" + tr(
        "References: Sherman &amp; Weisburd (1995), Justice Quarterly 12(4); Koper (1995), Justice Quarterly "
        "12(4); Breslow &amp; Day (1987), Statistical Methods in Cancer Research II; Bowers &amp; Johnson (2003), "
        "Journal of Quantitative Criminology 19(3); Fay (2010), The R Journal 2(1). Made by Hotspot Patrol for "
        "QGIS.") + "</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def dosage_section(rows):
    """The report's dosage-response section: the caveat, the findings and the table of ``rows``."""
    return (["<h2>" + _e(tr("Visit length and crime (the Koper curve)")) + "</h2>",
             f"<p class='note'>{_e(dosage_caveat())}</p>"]
            + [f"<p>{_e(text)}</p>" for text in dosage_findings(rows)]
            + [_table([tr("measure"), tr("band"), tr("units"), tr("crimes"), tr("rate"), tr("95% CI of the rate"),
                       tr("ratio to baseline")],
                      [[r.measure, r.band, _n(r.units, 1), r.crimes, _n(r.rate, 3), _interval(r.ci_low, r.ci_high),
                        _n(r.ratio_to_baseline, 2)] for r in rows])])


def dosage_caveat():
    """What the dosage table is, and that it is observational."""
    return tr(
        "Observational, not an experiment: visits were not given their length at random, and longer visits may "
        "have gone to quieter or busier hotspots, hours or days than short ones, so these ratios describe and do "
        "not prove. after_visit: crimes in the hotspot in the 2 hours after each visit ends (from the departure, "
        "up to but not including 2 hours later), per visit, by the visit's length, against the same hours of the "
        "day at the same hotspots on days no visit came near (units: 2-hour windows); Koper (1995) found "
        "deterrence growing with the stop's length up to about 10 to 15 minutes. daily_minutes: crimes per "
        "hotspot-day by the day's patrol minutes, against days without any. Exact Poisson 95% intervals.")


def dosage_findings(rows):
    """A sentence on the after-visit rows of the dosage table, and one on the daily-minutes rows."""
    sentences = []
    for measure, base_band, unit, baseline in (
            (AFTER_VISIT, NO_VISIT, tr("crimes per 2 hours after a visit of {}"), tr("the same hours without a visit")),
            (DAILY_MINUTES, DAILY_BANDS[0], tr("crimes per hotspot-day with {} of patrol"),
             tr("days without patrol"))):
        measured = [r for r in rows if r.measure == measure and r.units > 0 and r.band != base_band]
        base = [r for r in rows if r.measure == measure and r.band == base_band and r.units > 0]
        if not measured or not base:
            continue
        sentences.append(tr("{}: {} ({} against {}).").format(
            tr("After visits") if measure == AFTER_VISIT else tr("By daily patrol minutes"),
            "; ".join(tr("{} {} (95% CI {}), {}× the baseline").format(
                _n(r.rate, 3), unit.format(r.band), _interval(r.ci_low, r.ci_high), _n(r.ratio_to_baseline, 2))
                for r in measured),
            _n(base[0].rate, 3), baseline))
    return sentences


def analysis_label(analysis):
    """An analysis of :class:`~..core.evaluation.Effect` in words."""
    return {WITHIN_HOTSPOT: tr("within hotspots"), AS_DELIVERED: tr("as delivered, within hotspots"),
            POOLED: tr("pooled over hotspots")}[analysis]


def primary_in_words(compliance, by_weekday):
    """Which analysis is primary, and with an assignment (``compliance`` not None) the compliance."""
    others = tr("the other days of the same hotspot and weekday") if by_weekday else tr(
        "the other days of the same hotspot")
    if compliance is None:
        return tr("Primary analysis: within hotspots, the days with a patrol visit against {}. The pooled "
                  "comparison of all hotspot-days together is secondary.").format(others)
    return tr("Primary analysis: intention to treat, the days ASSIGNMENT assigned a patrol, visited or not, against "
              "{}. Compliance: {:.0%} of the assigned hotspot-days had a patrol visit. The visited days within "
              "hotspots (as delivered) and the pooled comparison are secondary.").format(others, compliance)


def effect_finding(effect):
    """The finding of one :class:`~..core.evaluation.Effect`, a secondary one named as such."""
    text = finding(effect.group, effect.rates, effect.harm)
    return text if effect.primary else tr("Secondary ({}): {}").format(analysis_label(effect.analysis), text)


def disagreement(within, pooled):
    """Why a within-hotspot and a pooled :class:`~..core.poisson_rates.RateComparison` disagree, in words;
    empty when they agree.  They disagree when one is significant at 5% and the other not, when their 95%
    intervals do not overlap, and — when at least one of them is significant, so that the difference is not
    just the noise of a few crimes — when they point in opposite directions or the pooled ratio is more than 20%
    away from the within-hotspot ratio."""
    reasons = []
    either_significant = min(within.p_value, pooled.p_value) < SIGNIFICANCE
    if either_significant and (within.ratio - 1.0) * (pooled.ratio - 1.0) < 0:
        reasons.append(tr("one finds less crime on patrol days, the other more"))
    if (within.p_value < SIGNIFICANCE) != (pooled.p_value < SIGNIFICANCE):
        reasons.append(tr("one is significant at the 5% level and the other is not"))
    if within.ci_high < pooled.ci_low or pooled.ci_high < within.ci_low:
        reasons.append(tr("their 95% intervals do not overlap"))
    ratios_known = all(math.isfinite(r) and r > 0 for r in (within.ratio, pooled.ratio))
    if either_significant and ratios_known and abs(pooled.ratio / within.ratio - 1.0) > RATIO_GAP:
        reasons.append(tr("the pooled ratio is more than 20% away from the within-hotspot one"))
    return reasons


def disagreements(summary):
    """A sentence for each group whose pooled and within-hotspot estimates (on the same, visited, days: the
    within-hotspot row, or with an assignment the as-delivered row) disagree, by :func:`disagreement`."""
    rows = {}
    for effect in summary:
        rows.setdefault(effect.group, {})[effect.analysis] = effect.rates
    sentences = []
    for group, by_analysis in rows.items():
        within = by_analysis.get(AS_DELIVERED, by_analysis.get(WITHIN_HOTSPOT))
        pooled = by_analysis.get(POOLED)
        reasons = [] if within is None or pooled is None else disagreement(within, pooled)
        if reasons:
            sentences.append(tr(
                "{}: the pooled estimate (rate ratio {}, {}) and the within-hotspot estimate on the same visited "
                "days (rate ratio {}, {}) disagree: {}. Read the within-hotspot one: the pooled one mixes hotspots "
                "whose crime and patrols differ.").format(
                    _what(group), _n(pooled.ratio, 2), _p_in_words(pooled.p_value), _n(within.ratio, 2),
                    _p_in_words(within.p_value), "; ".join(reasons)))
    return sentences


def finding(group, result, harm=None):
    """One finding in plain words, with its uncertainty: ``result`` is the
    :class:`~..core.poisson_rates.RateComparison` of ``group`` (``"<group> (ring)"`` for its rings) and
    ``harm`` its :class:`~..core.harm_effect.HarmEffect`, or None."""
    what = _what(group)
    counts = tr("{} in {:.0f} patrol hotspot-days against {} in {:.0f} other hotspot-days").format(
        _crimes(result.crimes_a), result.exposure_a, result.crimes_b, result.exposure_b)
    if result.crimes_a + result.crimes_b == 0:
        text = tr("{}: no crimes on either kind of day, so no comparison ({}).").format(what, counts)
    elif result.crimes_b == 0:
        text = tr("{}: every crime fell on patrol days ({}); the rate ratio has no upper bound ({}).").format(
            what, counts, _p_in_words(result.p_value))
    else:
        text = (tr("{} was {} on patrol days (95% CI {}, {}): {}.").format(
            what, _change(result.ratio), _change_interval(result), _p_in_words(result.p_value), counts)
            + ("" if result.p_value < SIGNIFICANCE else
               " " + tr("The interval includes no change: these data cannot tell an effect from chance.")))
    return text if harm is None else f"{text} {_harm_finding(harm)}"


def _what(group):
    """The subject of a finding about ``group`` (or ``"<group> (ring)"``)."""
    in_ring = group.endswith(RING_SUFFIX)
    base = group[:-len(RING_SUFFIX)] if in_ring else group
    if in_ring:
        return tr("Crime in the rings around the hotspots") if base == ALL else tr(
            "{} crime in the rings around the hotspots").format(base.capitalize())
    return tr("Crime") if base == ALL else tr("{} crime").format(base.capitalize())


def _harm_finding(harm):
    if math.isnan(harm.ratio):
        return tr("No harm on either kind of day, so no harm comparison.")
    if math.isinf(harm.ratio):
        return tr("All the harm fell on patrol days.")
    return tr("Harm per hotspot-day was {} (95% bootstrap interval {}).").format(
        _change(harm.ratio), _change_interval(harm))


def _harm_cells(harm):
    if harm is None:
        return ["—"] * 4
    return [_n(harm.harm_patrol, 1), _n(harm.harm_other, 1), _n(harm.ratio, 2), _interval(harm.ci_low, harm.ci_high)]


def _crimes(number):
    return (tr("{} crime") if number == 1 else tr("{} crimes")).format(number)


def _change(ratio):
    change = (ratio - 1) * 100
    return (tr("{:.0f}% lower") if change < 0 else tr("{:.0f}% higher")).format(abs(change))


def _change_interval(result):
    low, high = result.ci_low, result.ci_high
    if high < 1:
        return tr("{:.0f}–{:.0f}% lower").format((1 - high) * 100, (1 - low) * 100)
    if low > 1:
        return tr("{:.0f}–{:.0f}% higher").format((low - 1) * 100, (high - 1) * 100)
    return tr("from {} to {}").format(_change(low), _change(high))


def residual_chart(residual, width=640, height=300):
    """Rate ratios by days since patrol, one series per group, as inline SVG (log scale)."""
    series = {}
    for group, row in residual:
        series.setdefault(group, []).append(row)
    labels = [row.label for row in next(iter(series.values()))] if series else []
    values = [v for rows in series.values() for row in rows for v in (row.ratio, row.ci_low, row.ci_high)
              if isinstance(v, float) and math.isfinite(v) and v > 0]
    low, high = min(values + [0.5]), max(values + [2.0])
    low, high = 2 ** math.floor(math.log2(low)), 2 ** math.ceil(math.log2(high))
    left, right, top, bottom = 60, 150, 20, 40
    plot_w, plot_h = width - left - right, height - top - bottom

    def x_of(position, offset=0.0):
        return left + plot_w * (position + 0.5 + offset) / max(len(labels), 1)

    def y_of(value):
        return top + plot_h * (math.log2(high) - math.log2(value)) / (math.log2(high) - math.log2(low))

    svg = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
           f"role='img' aria-label='Residual deterrence chart' font-family='sans-serif' font-size='12'>"]
    tick = low
    while tick <= high * 1.0001:
        y = y_of(tick)
        svg.append(f"<line x1='{left}' x2='{left + plot_w}' y1='{y:.1f}' y2='{y:.1f}' stroke='#ddd'/>"
                   f"<text x='{left - 6}' y='{y + 4:.1f}' text-anchor='end'>{tick:g}</text>")
        tick *= 2
    one = y_of(1.0)
    svg.append(f"<line x1='{left}' x2='{left + plot_w}' y1='{one:.1f}' y2='{one:.1f}' stroke='#444' "
               "stroke-dasharray='5,4'/>")
    for position, label in enumerate(labels):
        text = tr("patrol day") if label == "0" else label
        svg.append(f"<text x='{x_of(position):.1f}' y='{top + plot_h + 18}' text-anchor='middle'>{_e(text)}</text>")
    svg.append(f"<text x='{left + plot_w / 2:.1f}' y='{height - 4}' text-anchor='middle'>"
               + _e(tr("days since the last patrol day")) + "</text>")
    svg.append(f"<text transform='translate(14,{top + plot_h / 2:.1f}) rotate(-90)' text-anchor='middle'>"
               + _e(tr("rate ratio (log scale)")) + "</text>")
    spread = 0.25 / max(len(series), 1)
    for number, (group, rows) in enumerate(series.items()):
        colour = COLOURS[number % len(COLOURS)]
        offset = (number - (len(series) - 1) / 2) * spread
        points = []
        for position, row in enumerate(rows):
            if not (math.isfinite(row.ratio) and row.ratio > 0):
                continue
            x = x_of(position, offset)
            lo = row.ci_low if math.isfinite(row.ci_low) and row.ci_low > 0 else low
            hi = row.ci_high if math.isfinite(row.ci_high) else high
            if row.label != "more":
                svg.append(f"<line x1='{x:.1f}' x2='{x:.1f}' y1='{y_of(max(lo, low)):.1f}' "
                           f"y2='{y_of(min(hi, high)):.1f}' stroke='{colour}' stroke-width='2'/>")
            svg.append(f"<circle cx='{x:.1f}' cy='{y_of(row.ratio):.1f}' r='4' fill='{colour}'/>")
            points.append(f"{x:.1f},{y_of(row.ratio):.1f}")
        if len(points) > 1:
            svg.append(f"<polyline points='{' '.join(points)}' fill='none' stroke='{colour}' stroke-opacity='0.5'/>")
        svg.append(f"<rect x='{width - right + 12}' y='{top + 18 * number}' width='10' height='10' fill='{colour}'/>"
                   f"<text x='{width - right + 28}' y='{top + 9 + 18 * number}'>{_e(group)}</text>")
    svg.append("</svg>")
    return "".join(svg)


def _table(header, rows):
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _e(value):
    return html.escape(str(value))


def _p_in_words(p_value):
    """A p-value in a sentence, as in the tables: "p < 0.001", else "p = 0.042"."""
    written = _p(p_value)
    return f"p {written}" if written.startswith("<") else f"p = {written}"


def _p(p_value):
    """A p-value in a table: "< 0.001" below 0.001, else three decimals; "—" when undefined.
    More digits would claim a precision that the Poisson model behind it does not have."""
    if not math.isfinite(p_value):
        return "—"
    return f"< {P_FLOOR}" if p_value < P_FLOOR else f"{p_value:.3f}"


def _interval(low, high):
    """A confidence interval "low – high"; "—" when neither end is defined (a row with no reference)."""
    if math.isnan(low) and math.isnan(high):
        return "—"
    return f"{_n(low, 2)} – {_n(high, 2)}"


def _n(value, digits):
    return f"{value:.{digits}f}" if isinstance(value, float) and math.isfinite(value) else (
        "∞" if value == math.inf else ("—" if isinstance(value, float) else str(value)))


def _pct(value):
    return f"{value:+.0f}%" if math.isfinite(value) else "—"


def _date(day):
    """A day written out in the user's language, e.g. 3 June 2024."""
    return _e(QLocale().toString(QDate(day.year, day.month, day.day), "dd MMMM yyyy"))


def _day_before(day):
    return day - datetime.timedelta(days=1)
