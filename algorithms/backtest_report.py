"""The backtest's HTML report: PEI* by origin for each method, the winner and what the scores mean.
One self-contained file (inline style and SVG), nothing loaded from the network."""

import html
import math

from .evaluation_report import COLOURS, STYLE
from .forecast_data import day_text, method_names
from .translate import tr

CHART_WIDTH, CHART_HEIGHT, MARGIN = 640, 260, 40


def _number(value, pattern="{:.3f}"):
    return pattern.format(value) if value is not None and math.isfinite(value) else "—"


def _chart(result, origins):
    """An SVG line per method and settings: PEI* (0 to 1) at each origin."""
    width, height = CHART_WIDTH - 2 * MARGIN, CHART_HEIGHT - 2 * MARGIN
    step = width / max(1, len(origins) - 1)
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{CHART_WIDTH}' height='{CHART_HEIGHT + 20}' "
             "role='img'>",
             f"<rect x='{MARGIN}' y='{MARGIN}' width='{width}' height='{height}' fill='none' stroke='#999'/>"]
    for level in (0.0, 0.5, 1.0):
        y = MARGIN + height * (1 - level)
        parts.append(f"<text x='{MARGIN - 6}' y='{y + 4:.1f}' font-size='11' text-anchor='end'>{level:g}</text>")
    for k, origin in enumerate(origins):
        if k in (0, len(origins) - 1) or len(origins) <= 6:
            parts.append(f"<text x='{MARGIN + k * step:.1f}' y='{MARGIN + height + 16}' font-size='11' "
                         f"text-anchor='middle'>{day_text(origin)}</text>")
    for number, summary in enumerate(result.summary):
        points = [(MARGIN + k * step, MARGIN + height * (1 - row.score.pei))
                  for k, row in enumerate(r for r in result.rows if r.candidate is summary.candidate)
                  if math.isfinite(row.score.pei)]
        colour = COLOURS[number % len(COLOURS)]
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        weight = 3 if summary.winner else 1
        parts.append(f"<polyline points='{line}' fill='none' stroke='{colour}' stroke-width='{weight}'/>")
    parts.append("</svg>")
    return "".join(parts)


def report_html(result, origins, top_n, crimes_text):
    """The report: the winner, a chart of PEI* by origin, the summary table and how to read it."""
    best = result.best
    name = method_names()[best.candidate.method]
    legend = "".join(
        f"<li><span style='color:{COLOURS[n % len(COLOURS)]}'>■</span> "
        f"{html.escape(method_names()[s.candidate.method])} ({html.escape(s.candidate.text or '-')})</li>"
        for n, s in enumerate(result.summary))
    rows = "".join(
        f"<tr><td>{html.escape(method_names()[s.candidate.method])}</td><td>{html.escape(s.candidate.text or '-')}"
        f"</td><td>{_number(s.mean_hit_rate, '{:.1%}')}</td><td>{_number(s.mean_pai, '{:.1f}')}</td>"
        f"<td>{_number(s.mean_pei)}</td><td>{_number(s.min_pei)}</td><td>{_number(s.max_pei)}</td>"
        f"<td>{'✔' if s.winner else ''}</td></tr>" for s in result.summary)
    headings = (tr("Method"), tr("Settings"), tr("Mean hit rate"), tr("Mean PAI"), tr("Mean PEI*"), tr("Lowest PEI*"),
                tr("Highest PEI*"), tr("Winner"))
    finding = tr("On this data, {} ({}) would have caught the most crime: its {} hotspots held {} of the next "
                 "horizon's crime on average, {} of the most any {} cells held (mean PEI*), over {} forecasts from "
                 "{} to {}.").format(html.escape(name), html.escape(best.candidate.text or "-"), top_n,
                                     _number(best.mean_hit_rate, "{:.1%}"), _number(best.mean_pei, "{:.0%}"), top_n,
                                     len(origins), day_text(origins[0]), day_text(origins[-1]))
    meaning = tr(
        "Each method forecast each horizon from the crimes before it only, and its {} highest cells were checked "
        "against what happened. Hit rate: the share of the horizon's crime in those cells. PAI: hit rate over the "
        "share of the area they cover (Chainey et al. 2008). PEI*: the crimes caught over the most that any {} "
        "cells held (the NIJ forecasting challenge's measure; 1 is a perfect choice). A method that wins by a "
        "small margin, or only at some origins, is not clearly better: look at the lowest and highest PEI* and at "
        "the chart.").format(top_n, top_n)
    # Headings translated outside the f-string: pylupdate5 does not look inside f-strings.
    title, by_origin, summary, scores = (html.escape(text) for text in (
        tr("Backtest of hotspot forecasts"), tr("PEI* at each forecast origin"), tr("Summary"),
        tr("What the scores mean")))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title><style>{STYLE}</style></head>"
            f"<body><h1>{title}</h1>"
            f"<p class='note'>{html.escape(crimes_text)}</p><p class='finding'>{finding}</p>"
            f"<h2>{by_origin}</h2>{_chart(result, origins)}<ul>{legend}</ul>"
            f"<h2>{summary}</h2><table><tr>{''.join(f'<th>{h}</th>' for h in headings)}</tr>"
            f"{rows}</table><h2>{scores}</h2><p>{meaning}</p></body></html>")
