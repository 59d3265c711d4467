"""Write the plugin's layer styles (styles/*.qml) with QGIS's own API.

Run after changing a style: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_styles.py [FOLDER]
(FOLDER defaults to styles/). The .qml files are committed; algorithms apply them when their outputs
load (algorithms/styles.py), and tests/algorithms/test_styles.py checks that they match this script.
Each style is built on a memory layer with the output's fields, so the XML is what QGIS itself writes.
"""

import sys
from pathlib import Path
from xml.etree import ElementTree

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsConditionalStyle,
    QgsEditorWidgetSetup,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerLineSymbolLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsReadWriteContext,
    QgsRendererCategory,
    QgsRendererRange,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

STYLES = Path(__file__).resolve().parents[1] / "styles"

# QGIS 3.26 moved label placements to Qgis.LabelPlacement.
AROUND_POINT = (Qgis.LabelPlacement.AroundPoint if hasattr(Qgis, "LabelPlacement")
                else QgsPalLayerSettings.Placement.AroundPoint)

# What a style carries: no layer flags, CRS or temporal settings of the memory layer it was built on.
_CATEGORY = QgsMapLayer.StyleCategory
CATEGORIES = (_CATEGORY.Symbology | _CATEGORY.Labeling | _CATEGORY.Fields | _CATEGORY.Forms
              | _CATEGORY.AttributeTable | _CATEGORY.Rendering)

GI_BINS = [(-3, "#2166ac", "Cold spot, 99% confidence"), (-2, "#67a9cf", "Cold spot, 95% confidence"),
           (-1, "#d1e5f0", "Cold spot, 90% confidence"), (0, "#f7f7f7", "Not significant"),
           (1, "#fddbc7", "Hot spot, 90% confidence"), (2, "#ef8a62", "Hot spot, 95% confidence"),
           (3, "#b2182b", "Hot spot, 99% confidence")]

EMERGING = [("New Hot Spot", "#fbb4b9"), ("Consecutive Hot Spot", "#f768a1"),
            ("Intensifying Hot Spot", "#e31a1c"), ("Persistent Hot Spot", "#bd0026"),
            ("Diminishing Hot Spot", "#fd8d3c"), ("Sporadic Hot Spot", "#fed976"),
            ("Oscillating Hot Spot", "#c51b8a"), ("Historical Hot Spot", "#7a0177"),
            ("New Cold Spot", "#c6dbef"), ("Consecutive Cold Spot", "#9ecae1"),
            ("Intensifying Cold Spot", "#2171b5"), ("Persistent Cold Spot", "#08306b"),
            ("Diminishing Cold Spot", "#6baed6"), ("Sporadic Cold Spot", "#c7e9c0"),
            ("Oscillating Cold Spot", "#756bb1"), ("Historical Cold Spot", "#54278f"),
            ("No Pattern Detected", "#ffffff")]

COUNT_CLASSES = [(1, 1, "#ffffb2"), (2, 4, "#fecc5c"), (5, 9, "#fd8d3c"), (10, 19, "#f03b20"),
                 (20, 1e9, "#bd0026")]

# One colour per patrol unit, the same for its visits and its routes; no red, which marks hotspots.
UNIT_COLOURS = ["#1f78b4", "#33a02c", "#6a3d9a", "#ff7f00", "#00868b", "#b15928", "#e7298a", "#7a7a00",
                "#4d4d4d", "#a6761d"]
OTHER_UNITS = "#000000"

# Minutes rounded to 2 decimals (as Patrol dosage writes them) fall on the right side of these bounds;
# the Koper band is 10 to 16 minutes inclusive, as core/dosage.py counts it.
VISIT_MINUTES = [(0.0, 9.995, "#fee08b", 2.4, "Under 10 min"),
                 (9.995, 16.005, "#1a9850", 3.4, "10–16 min (Koper band)"),
                 (16.005, 30.005, "#91bfdb", 2.4, "16–30 min"),
                 (30.005, 1e9, "#4575b4", 2.4, "Over 30 min")]

GOOD, BAD, LATE = "#c7e9c0", "#fcbba1", "#fdd49e"
PRIMARY = "#deebf7"  # the row to read first

# The HH:MM of start_local (ISO 8601, e.g. 2024-06-03T14:05-05:00).
START_HHMM = 'substr("start_local", 12, 5)'
TIME_LABELS_FROM_SCALE = 10000  # visit times show when zoomed in closer than 1:10,000


def layer(geometry, fields):
    """A memory layer with ``fields`` (name:type pairs, memory-provider types)."""
    uri = f"{geometry}?crs=EPSG:27700&" if geometry != "None" else "None?"
    return QgsVectorLayer(uri + "&".join(f"field={name}:{kind}" for name, kind in fields), "style", "memory")


def fill(color, outline="#7f7f7f", width="0.1", opacity=0.85):
    symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "outline_width": width})
    symbol.setOpacity(opacity)
    return symbol


def marker(color, size=2.6, outline="#ffffff", outline_width="0.4"):
    return QgsMarkerSymbol.createSimple({"name": "circle", "color": color, "size": str(size),
                                         "outline_color": outline, "outline_width": outline_width})


def route(color):
    """A line with an arrowhead at the middle of each leg, pointing the way the unit drives; light,
    so that the visits on top stay readable where many routes cross."""
    symbol = QgsLineSymbol.createSimple({"line_color": color, "line_width": "0.4", "capstyle": "round",
                                         "joinstyle": "round"})
    arrows = QgsMarkerLineSymbolLayer.create({"placement": "segmentcenter", "rotate": "1"})
    arrows.setSubSymbol(QgsMarkerSymbol.createSimple({"name": "filled_arrowhead", "color": color, "size": "3.6",
                                                      "outline_style": "no"}))
    symbol.appendSymbolLayer(arrows)
    symbol.setOpacity(0.55)
    return symbol


def labels(expression, size=10, bold=True, min_scale=None, distance=0.0):
    """Labels from ``expression``, with a white halo, ``distance`` mm from the point or centroid; only
    closer than 1:``min_scale`` when given."""
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    font = QFont("Sans Serif", size)
    font.setBold(bold)
    text.setFont(font)
    text.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    if distance:
        settings.placement = AROUND_POINT
        settings.dist = distance
    if min_scale:
        settings.scaleVisibility = True
        settings.minimumScale = min_scale
        settings.maximumScale = 0
    return QgsVectorLayerSimpleLabeling(settings)


def unit_categories(symbol):
    """Categories for units 1 to 10 and one for any other unit, each drawn by ``symbol(colour)``."""
    categories = [QgsRendererCategory(unit, symbol(color), f"Unit {unit}")
                  for unit, color in enumerate(UNIT_COLOURS, start=1)]
    categories.append(QgsRendererCategory("", symbol(OTHER_UNITS), "Other units"))
    return categories


def table(target, aliases, precision=None, sort=None):
    """Field aliases, decimals shown for double fields and the attribute table's sort order."""
    for name, alias in aliases.items():
        target.setFieldAlias(target.fields().indexOf(name), alias)
    for name, decimals in (precision or {}).items():
        target.setEditorWidgetSetup(target.fields().indexOf(name), QgsEditorWidgetSetup(
            "Range", {"Precision": decimals, "Style": "SpinBox", "AllowNull": True}))
    if sort:
        config = target.attributeTableConfig()
        config.setSortExpression(sort)
        target.setAttributeTableConfig(config)


def highlight(rule, background, name):
    """A conditional (attribute table) style; no font, so cells keep the table's own font."""
    style = QgsConditionalStyle(rule)
    style.setName(name)
    style.setBackgroundColor(QColor(background))
    return style


# --- one builder per style name ------------------------------------------------------------


def crime_grid():
    grid = layer("Polygon", [("cell_id", "string"), ("count", "integer")])
    ranges = [QgsRendererRange(low, high, fill(color), f"{low:g}" if low == high else
                               (f"{low:g} or more" if high >= 1e9 else f"{low:g}–{high:g}"))
              for low, high, color in COUNT_CLASSES]
    grid.setRenderer(QgsGraduatedSymbolRenderer("count", ranges))
    return grid


def getis_ord():
    gi = layer("Polygon", [("gi_z", "double"), ("gi_p", "double"), ("gi_bin", "integer")])
    gi.setRenderer(QgsCategorizedSymbolRenderer(
        "gi_bin", [QgsRendererCategory(value, fill(color), label) for value, color, label in GI_BINS]))
    return gi


def hotspots():
    spots = layer("Polygon", [("hotspot_id", "integer"), ("rank", "integer")])
    spots.setRenderer(QgsCategorizedSymbolRenderer("'hotspot'", [
        QgsRendererCategory("hotspot", fill("#e31a1c", outline="#67000d", width="0.5", opacity=0.6),
                            "Patrol hotspot")]))
    # Beside the centre, not on it, where the patrol plan puts its visit points.
    spots.setLabeling(labels('"rank"', distance=1.5))
    spots.setLabelsEnabled(True)
    return spots


def emerging_hotspots():
    emerging = layer("Polygon", [("category", "string")])
    emerging.setRenderer(QgsCategorizedSymbolRenderer(
        "category", [QgsRendererCategory(name, fill(color), name) for name, color in EMERGING]))
    return emerging


def patrol_visits():
    visits = layer("Point", [("visit_id", "integer"), ("hotspot_id", "string"), ("rank", "integer"),
                             ("unit", "integer"), ("date", "date"), ("weekday", "string"),
                             ("start", "datetime"), ("end", "datetime"), ("start_local", "string"),
                             ("minutes", "integer"), ("risk", "double")])
    visits.setRenderer(QgsCategorizedSymbolRenderer("unit", unit_categories(lambda color: marker(color, 3.0))))
    visits.setLabeling(labels(START_HHMM, size=8, bold=False, min_scale=TIME_LABELS_FROM_SCALE,
                              distance=1.0))
    visits.setLabelsEnabled(True)
    table(visits, {"visit_id": "Visit", "hotspot_id": "Hotspot", "rank": "Rank", "unit": "Unit",
                   "date": "Patrol day", "weekday": "Weekday", "start": "Start", "end": "End",
                   "start_local": "Start (local time)", "minutes": "Minutes", "risk": "Relative risk"},
          precision={"risk": 2})
    return visits


def patrol_routes():
    routes = layer("LineString", [("unit", "integer"), ("date", "date"), ("visits", "integer"), ("km", "double")])
    routes.setRenderer(QgsCategorizedSymbolRenderer("unit", unit_categories(route)))
    table(routes, {"unit": "Unit", "date": "Patrol day", "visits": "Visits", "km": "Straight-line km"},
          precision={"km": 1})
    return routes


def visits_made():
    visits = layer("Point", [("visit_id", "integer"), ("hotspot_id", "string"), ("rank", "integer"),
                             ("unit", "string"), ("date", "date"), ("weekday", "string"), ("start", "datetime"),
                             ("end", "datetime"), ("start_local", "string"), ("minutes", "double"),
                             ("pings", "integer")])
    ranges = []
    for low, high, color, size, label in VISIT_MINUTES:
        koper = size > 3
        ranges.append(QgsRendererRange(low, high, marker(color, size, outline="#00441b" if koper else "#ffffff",
                                                        outline_width="0.6" if koper else "0.4"), label))
    visits.setRenderer(QgsGraduatedSymbolRenderer("minutes", ranges))
    table(visits, {"visit_id": "Visit", "hotspot_id": "Hotspot", "rank": "Rank", "unit": "Unit",
                   "date": "Patrol day", "weekday": "Weekday", "start": "Arrived", "end": "Left",
                   "start_local": "Arrived (local time)", "minutes": "Minutes present", "pings": "GPS pings"},
          precision={"minutes": 1})
    return visits


def compliance():
    rows = layer("None", [("plan_fid", "integer"), ("hotspot_id", "string"), ("unit", "string"), ("date", "date"),
                          ("start", "datetime"), ("status", "string"), ("late_minutes", "integer"),
                          ("delivered_minutes", "double")])
    table(rows, {"plan_fid": "Planned visit", "hotspot_id": "Hotspot", "unit": "Unit", "date": "Patrol day",
                 "start": "Planned start", "status": "Status", "late_minutes": "Minutes late",
                 "delivered_minutes": "Minutes delivered"}, precision={"delivered_minutes": 1}, sort='"start"')
    rows.conditionalStyles().setFieldStyles("status", [
        highlight("@value = 'delivered'", GOOD, "Delivered"),
        highlight("@value = 'late'", LATE, "Late"),
        highlight("@value = 'missed'", BAD, "Missed")])
    return rows


def hotspot_dosage():
    rows = layer("None", [("hotspot_id", "string"), ("rank", "integer"), ("planned_visits", "integer"),
                          ("planned_minutes", "double"), ("delivered_visits", "integer"), ("stays", "integer"),
                          ("stay_minutes", "double"), ("koper_share", "double")])
    table(rows, {"hotspot_id": "Hotspot", "rank": "Rank", "planned_visits": "Visits planned",
                 "planned_minutes": "Minutes planned", "delivered_visits": "Planned visits delivered",
                 "stays": "Visits made", "stay_minutes": "Minutes present",
                 "koper_share": "Share of visits lasting 10–16 min"},
          precision={"planned_minutes": 0, "stay_minutes": 0, "koper_share": 2}, sort='"rank"')
    rows.conditionalStyles().setFieldStyles("delivered_visits", [
        highlight('@value < "planned_visits"', LATE, "Fewer than planned")])
    return rows


def hotspot_days():
    rows = layer("None", [("hotspot_id", "string"), ("date", "date"), ("patrolled", "integer"),
                          ("visits", "integer"), ("minutes", "double"), ("days_since_patrol", "integer")])
    table(rows, {"hotspot_id": "Hotspot", "date": "Day", "patrolled": "Patrolled", "visits": "Visits",
                 "minutes": "Patrol minutes", "days_since_patrol": "Days since last patrol"},
          precision={"minutes": 1})
    rows.conditionalStyles().setRowStyles([highlight("\"patrolled\" IN (1, 'true')", GOOD, "Patrol day")])
    return rows


SIGNIFICANT = '"p_value" < 0.05'


def patrol_effect():
    rows = layer("None", [("group", "string"), ("analysis", "string"), ("primary", "boolean"),
                          ("patrol_days", "integer"), ("other_days", "integer"),
                          ("crimes_patrol", "integer"), ("crimes_other", "integer"), ("rate_patrol", "double"),
                          ("rate_other", "double"), ("change_pct", "double"), ("rate_ratio", "double"),
                          ("ci_low", "double"), ("ci_high", "double"), ("p_value", "double")])
    table(rows, {"group": "Crime group", "analysis": "Analysis", "primary": "Primary analysis",
                 "patrol_days": "Patrol hotspot-days", "other_days": "Other hotspot-days",
                 "crimes_patrol": "Crimes on patrol days", "crimes_other": "Crimes on other days",
                 "rate_patrol": "Crimes per patrol hotspot-day", "rate_other": "Crimes per other hotspot-day",
                 "change_pct": "Change on patrol days (%)", "rate_ratio": "Rate ratio",
                 "ci_low": "Rate ratio, 95% CI low", "ci_high": "Rate ratio, 95% CI high", "p_value": "p-value"},
          precision={"rate_patrol": 3, "rate_other": 3, "change_pct": 1, "rate_ratio": 2, "ci_low": 2,
                     "ci_high": 2, "p_value": 3})
    rows.conditionalStyles().setFieldStyles("change_pct", [
        highlight(f"@value < 0 AND {SIGNIFICANT}", GOOD, "Significantly less crime"),
        highlight(f"@value > 0 AND {SIGNIFICANT}", BAD, "Significantly more crime")])
    # The primary analysis (within hotspots; intention to treat with an assignment) is the row to read first.
    rows.conditionalStyles().setRowStyles([highlight("\"primary\" IN (1, 'true')", PRIMARY, "Primary analysis")])
    return rows


def residual_deterrence():
    rows = layer("None", [("group", "string"), ("days_since_patrol", "string"), ("hotspot_days", "integer"),
                          ("crimes", "integer"), ("rate", "double"), ("rate_ratio", "double"), ("ci_low", "double"),
                          ("ci_high", "double"), ("p_value", "double")])
    table(rows, {"group": "Crime group", "days_since_patrol": "Days since last patrol",
                 "hotspot_days": "Hotspot-days", "crimes": "Crimes", "rate": "Crimes per hotspot-day",
                 "rate_ratio": "Rate ratio against 'more'", "ci_low": "Rate ratio, 95% CI low",
                 "ci_high": "Rate ratio, 95% CI high", "p_value": "p-value"},
          precision={"rate": 3, "rate_ratio": 2, "ci_low": 2, "ci_high": 2, "p_value": 3})
    rows.conditionalStyles().setFieldStyles("rate_ratio", [
        highlight(f"@value < 1 AND {SIGNIFICANT}", GOOD, "Significantly less crime"),
        highlight(f"@value > 1 AND {SIGNIFICANT}", BAD, "Significantly more crime")])
    return rows


def displacement():
    rows = layer("None", [("group", "string"), ("target_before", "integer"), ("target_after", "integer"),
                          ("ring_before", "integer"), ("ring_after", "integer"), ("control_before", "integer"),
                          ("control_after", "integer"), ("success_measure", "double"),
                          ("buffer_measure", "double"), ("wdq", "double"), ("reading", "string")])
    table(rows, {"group": "Crime group", "target_before": "Hotspot crimes before",
                 "target_after": "Hotspot crimes during", "ring_before": "Ring crimes before",
                 "ring_after": "Ring crimes during", "control_before": "Control crimes before",
                 "control_after": "Control crimes during", "success_measure": "Success measure",
                 "buffer_measure": "Buffer measure", "wdq": "Weighted displacement quotient",
                 "reading": "Reading"},
          precision={"success_measure": 3, "buffer_measure": 3, "wdq": 2})
    return rows


def dosage_response():
    rows = layer("None", [("measure", "string"), ("band", "string"), ("units", "double"), ("crimes", "integer"),
                          ("rate", "double"), ("ci_low", "double"), ("ci_high", "double"),
                          ("ratio_to_baseline", "double")])
    table(rows, {"measure": "Measure", "band": "Band (minutes)",
                 "units": "Units (visits, 2-hour windows or hotspot-days)", "crimes": "Crimes",
                 "rate": "Crimes per unit", "ci_low": "Rate, 95% CI low", "ci_high": "Rate, 95% CI high",
                 "ratio_to_baseline": "Ratio to baseline (observational)"},
          precision={"units": 1, "rate": 3, "ci_low": 3, "ci_high": 3, "ratio_to_baseline": 2})
    return rows


def map_accuracy():
    rows = layer("None", [("k", "integer"), ("feature", "integer"), ("area_share", "double"),
                          ("hit_rate", "double"), ("pai", "double"), ("pei", "double"), ("rri", "double")])
    table(rows, {"k": "Top k hotspots", "feature": "Hotspot feature id", "area_share": "Share of the area",
                 "hit_rate": "Share of the crime (hit rate)", "pai": "PAI (predictive accuracy index)",
                 "pei": "PEI (predictive efficiency index)", "rri": "RRI (recapture rate index)"},
          precision={"area_share": 4, "hit_rate": 3, "pai": 1, "pei": 2, "rri": 2}, sort='"k"')
    return rows


def time_profile():
    rows = layer("None", [("hotspot_id", "string"), ("weekday", "string"), ("hour", "integer"),
                          ("crimes", "double"), ("risk", "double")])
    table(rows, {"hotspot_id": "Hotspot", "weekday": "Weekday", "hour": "Hour (local)", "crimes": "Crimes",
                 "risk": "Relative risk (1 = average hour)"}, precision={"risk": 2})
    rows.conditionalStyles().setFieldStyles("risk", [
        highlight("@value >= 2", BAD, "At least twice the average hour")])
    return rows


OUTLIER = "\"outlier\" IN (1, 'true')"


def police_uk_crimes():
    """Imported data.police.uk crimes: small dark points; a crime far outside the area (kept with
    KEEP_OUTLIERS) is a large red triangle, and its row is highlighted in the attribute table."""
    crimes = layer("Point", [("crime_id", "string"), ("month", "date"), ("reported_by", "string"),
                             ("falls_within", "string"), ("location", "string"), ("lsoa_code", "string"),
                             ("lsoa_name", "string"), ("crime_type", "string"), ("last_outcome_category", "string"),
                             ("outlier", "boolean")])
    crimes.setRenderer(QgsCategorizedSymbolRenderer(f"if({OUTLIER}, 'outlier', 'crime')", [
        QgsRendererCategory("crime", marker("#3f007d", 1.8, outline_width="0.2"), "Crime"),
        QgsRendererCategory("outlier", QgsMarkerSymbol.createSimple({
            "name": "triangle", "color": "#e31a1c", "size": "4.0", "outline_color": "#67000d",
            "outline_width": "0.4"}), "Far outside the area (outlier)")]))
    table(crimes, {"crime_id": "Crime ID", "month": "Month", "reported_by": "Reported by",
                   "falls_within": "Falls within", "location": "Location", "lsoa_code": "LSOA code",
                   "lsoa_name": "LSOA name", "crime_type": "Crime type",
                   "last_outcome_category": "Last outcome category", "outlier": "Far outside the area"})
    crimes.conditionalStyles().setRowStyles([highlight(OUTLIER, BAD, "Far outside the area")])
    return crimes


# A forecast is drawn by rank, not by score: its scores are expected crimes or relative values, on scales
# that differ by method and horizon, and the cells to look at are the first few dozen whatever the scale.
FORECAST_RANKS = [(1, 20, "#bd0026", "Top 20"), (21, 100, "#f03b20", "21–100"), (101, 500, "#fd8d3c", "101–500"),
                  (501, 2000, "#fecc5c", "501–2,000"), (2001, 1e9, "#ffffb2", "Below 2,000")]


def forecast():
    cells = layer("Polygon", [("cell_id", "string"), ("row", "integer"), ("col", "integer"), ("score", "double"),
                              ("rank", "integer")])
    ranges = [QgsRendererRange(low, high, fill(color), label) for low, high, color, label in FORECAST_RANKS]
    cells.setRenderer(QgsGraduatedSymbolRenderer("rank", ranges))
    table(cells, {"cell_id": "Cell", "score": "Forecast score", "rank": "Rank"}, precision={"score": 3},
          sort='"rank"')
    return cells


def backtest_scores():
    rows = layer("None", [("method", "integer"), ("settings", "string"), ("origin", "date"), ("crimes", "integer"),
                          ("hits", "integer"), ("hit_rate", "double"), ("pai", "double"), ("pei", "double"),
                          ("rri", "double"), ("stability", "double")])
    table(rows, {"method": "Method", "settings": "Settings", "origin": "Forecast origin",
                 "crimes": "Crimes in the horizon", "hits": "Crimes in the chosen cells",
                 "hit_rate": "Share of the crime (hit rate)", "pai": "PAI (predictive accuracy index)",
                 "pei": "PEI* (predictive efficiency index)", "rri": "RRI (recapture rate index)",
                 "stability": "Chosen cells kept from the previous origin"},
          precision={"hit_rate": 3, "pai": 1, "pei": 3, "rri": 2, "stability": 2})
    return rows


def backtest_summary():
    rows = layer("None", [("method", "integer"), ("settings", "string"), ("mean_hit_rate", "double"),
                          ("mean_pai", "double"), ("mean_pei", "double"), ("min_pei", "double"),
                          ("max_pei", "double"), ("winner", "boolean")])
    table(rows, {"method": "Method", "settings": "Settings", "mean_hit_rate": "Mean hit rate",
                 "mean_pai": "Mean PAI", "mean_pei": "Mean PEI*", "min_pei": "Lowest PEI*",
                 "max_pei": "Highest PEI*", "winner": "Winner"},
          precision={"mean_hit_rate": 3, "mean_pai": 1, "mean_pei": 3, "min_pei": 3, "max_pei": 3},
          sort='-"mean_pei"')
    rows.conditionalStyles().setRowStyles([highlight("\"winner\" IN (1, 'true')", GOOD, "Winner")])
    return rows


def near_repeat():
    rows = layer("None", [("distance_from", "double"), ("distance_to", "double"), ("days_from", "integer"),
                          ("days_to", "integer"), ("observed", "integer"), ("expected", "double"),
                          ("knox_ratio", "double"), ("p_value", "double")])
    table(rows, {"distance_from": "From (m)", "distance_to": "To (m, not included)", "days_from": "From (days)",
                 "days_to": "To (days, not included)", "observed": "Pairs of crimes", "expected": "Pairs by chance",
                 "knox_ratio": "Knox ratio", "p_value": "p-value"},
          precision={"expected": 1, "knox_ratio": 2, "p_value": 3})
    rows.conditionalStyles().setFieldStyles("knox_ratio", [
        highlight(f"@value > 1 AND {SIGNIFICANT}", BAD, "More pairs than chance: near repeats")])
    return rows


def patrol_assignment():
    rows = layer("None", [("hotspot_id", "string"), ("date", "date"), ("assigned", "boolean")])
    table(rows, {"hotspot_id": "Hotspot", "date": "Day", "assigned": "Assigned to patrol"})
    rows.conditionalStyles().setRowStyles([highlight("\"assigned\" IN (1, 'true')", GOOD, "Assigned day")])
    return rows


def trial_power():
    rows = layer("None", [("group", "string"), ("hotspots", "integer"), ("days", "integer"),
                          ("share_assigned", "double"), ("daily_rate", "double"), ("dispersion", "double"),
                          ("mde", "double"), ("days_for_target", "integer")])
    table(rows, {"group": "Crime group", "hotspots": "Hotspots", "days": "Trial days",
                 "share_assigned": "Share of hotspot-days patrolled", "daily_rate": "Crimes per hotspot-day",
                 "dispersion": "Negative binomial k (empty: Poisson)", "mde": "Smallest detectable drop",
                 "days_for_target": "Trial days for the target drop"},
          precision={"share_assigned": 2, "daily_rate": 3, "dispersion": 3, "mde": 2})
    return rows


BUILDERS = {builder.__name__: builder for builder in (
    crime_grid, getis_ord, hotspots, emerging_hotspots, patrol_visits, patrol_routes, visits_made, compliance,
    hotspot_dosage, hotspot_days, patrol_effect, residual_deterrence, displacement, dosage_response, map_accuracy,
    time_profile, police_uk_crimes, forecast, backtest_scores, backtest_summary, near_repeat, patrol_assignment,
    trial_power)}


def style_xml(style_layer):
    """The layer's style as QGIS writes a .qml, less the font of each conditional style, with
    attributes sorted.

    QGIS always writes that font, and the attribute table then uses it: the generating machine's
    default font and size. Without it a highlighted cell keeps the table's font. Qt writes
    attributes in a random order each run; sorted, the same style gives the same file.
    """
    document = QDomDocument("qgis")
    message = style_layer.exportNamedStyle(document, QgsReadWriteContext(), CATEGORIES)
    if message:
        raise RuntimeError(message)
    conditional = document.documentElement().firstChildElement("conditionalstyles")
    fonts = conditional.elementsByTagName("font")
    for k in reversed(range(fonts.count())):
        font = fonts.item(k)
        font.parentNode().removeChild(font)
    root = ElementTree.fromstring(document.toString())
    sort_attributes(root)
    ElementTree.indent(root, "  ")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ElementTree.tostring(
        root, encoding="unicode") + "\n"


def sort_attributes(root):
    """Sort the attributes of every element, also inside attribute values that are XML themselves
    (QGIS stores some symbols, e.g. a label callout's line, as an XML string)."""
    for element in root.iter():
        attributes = {}
        for key, value in sorted(element.attrib.items()):
            if value.startswith("<"):
                try:
                    inner = ElementTree.fromstring(value)
                except ElementTree.ParseError:
                    pass
                else:
                    sort_attributes(inner)
                    value = ElementTree.tostring(inner, encoding="unicode")
            attributes[key] = value
        element.attrib = attributes


def write(folder):
    """Write every style to ``folder``; the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, builder in BUILDERS.items():
        path = folder / f"{name}.qml"
        path.write_text(style_xml(builder()), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    for written_path in write(sys.argv[1] if len(sys.argv) > 1 else STYLES):
        print(written_path)
    app.exitQgis()
