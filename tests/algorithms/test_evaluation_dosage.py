"""hotspotpatrol:evaluatepatrols' OUTPUT_DOSAGE (the Koper curve): with patroldosage-like visits its rows
are core's and the hand counts', it is logged and reported as observational, and without crime times of day or
visit minutes there is a warning and no table."""

import datetime
import math

import numpy as np
import pytest
from helpers import Recording, point_layer
from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from hotspot_patrol.algorithms.base import make_field
from hotspot_patrol.core.dosage_response import dosage_response

FIRST = datetime.date(2024, 5, 6)  # 6 to 15 May 2024 (10 days), British Summer Time
AFTER = datetime.date(2024, 5, 16)
SQUARES = {"H1": QgsRectangle(0, 0, 100, 100), "H2": QgsRectangle(1000, 0, 1100, 100)}
PLACES = {"H1": (50.0, 50.0), "H2": (1050.0, 50.0), "elsewhere": (5000.0, 5000.0)}
FIELDS = ["measure", "band", "units", "crimes", "rate", "ci_low", "ci_high", "ratio_to_baseline"]


def hotspot_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:27700", "hotspots", "memory")
    layer.dataProvider().addAttributes([make_field("hotspot_id", "text"), make_field("rank", "int")])
    layer.updateFields()
    features = []
    for rank, (key, rectangle) in enumerate(SQUARES.items(), start=1):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(rectangle))
        feature.setAttributes([key, rank])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def clock(seconds):
    """Wall-clock text of ``seconds`` after the period's first midnight."""
    return (datetime.datetime.combine(FIRST, datetime.time()) + datetime.timedelta(seconds=float(seconds))).strftime(
        "%Y-%m-%d %H:%M:%S")


def visit_layer(visits, with_minutes=True):
    """As patroldosage writes its visits: hotspot_id, start, end and minutes."""
    fields = (("hotspot_id", "text"), ("start", "text"), ("end", "text")) + (
        (("minutes", "double"),) if with_minutes else ())
    rows = [(h, clock(s), clock(e), m)[:len(fields)] for h, s, e, m in visits]
    return point_layer([None] * len(rows), geometry="None", rows=rows, fields=fields)


def crime_layer(crimes, dates_only=False):
    return point_layer([PLACES[place] for place, _ in crimes], fields=(("occurred", "text"),),
                       rows=[(clock(t)[:10] if dates_only else clock(t),) for _, t in crimes])


def scenario():
    """Visits at whole minutes on half the hotspot-days of both hotspots, of lengths in every band, and crimes
    at whole minutes in the hotspots and outside them, some exactly at a departure or 2 hours after one."""
    rng = np.random.default_rng(11)
    visits = []
    for h in SQUARES:
        for d in range(10):
            if rng.random() < 0.6:
                start = d * 86400 + int(rng.integers(7 * 60, 20 * 60)) * 60
                minutes = int(rng.choice([3, 7, 10, 12, 16, 25]))
                visits.append((h, start, start + minutes * 60, float(minutes)))
    crimes = [(str(rng.choice(list(PLACES))), int(rng.integers(0, 10 * 1440)) * 60) for _ in range(400)]
    crimes += [(h, end) for h, _, end, _ in visits[:4]] + [(h, end + 7200) for h, _, end, _ in visits[4:8]]
    return visits, crimes


def evaluate(run, visits, crimes, feedback=None, with_minutes=True, dates_only=False, **extra):
    return run("hotspotpatrol:evaluatepatrols", {
        "CRIMES": crime_layer(crimes, dates_only), "TIME": "occurred", "VISITS": visit_layer(visits, with_minutes),
        "HOTSPOTS": hotspot_layer(), "START": FIRST.isoformat(), "END": AFTER.isoformat(),
        "TIMEZONE": "Europe/London", "OUTPUT_DAYS": "memory:", "OUTPUT_SUMMARY": "memory:",
        "OUTPUT_RESIDUAL": "memory:", "OUTPUT_DOSAGE": "memory:", **extra}, feedback=feedback)


def same(core_value, written):
    """A value of core's row and the value written: NaN and infinity are written as NULL."""
    if isinstance(core_value, float) and not math.isfinite(core_value):
        return written is None or (isinstance(written, QVariant) and written.isNull())
    if isinstance(core_value, str):
        return core_value == written
    return core_value == pytest.approx(written, rel=1e-9)


def test_the_table_is_cores_on_the_visits_made(run, tmp_path):
    visits, crimes = scenario()
    feedback = Recording()
    report = tmp_path / "report.html"
    result = evaluate(run, visits, crimes, feedback, OUTPUT_REPORT=str(report))
    table = [[f[name] for name in FIELDS] for f in result["OUTPUT_DOSAGE"].getFeatures()]

    index = {"H1": 0, "H2": 1, "elsewhere": -1}
    expected = dosage_response([index[h] for h, *_ in visits], [s for _, s, _, _ in visits],
                               [e for _, _, e, _ in visits], [m for *_, m in visits],
                               [index[p] for p, _ in crimes], [t for _, t in crimes], 2, 10)
    assert len(table) == len(expected) == 10
    for row, core_row in zip(table, expected):
        core_values = [core_row.measure, core_row.band, core_row.units, core_row.crimes, core_row.rate,
                       core_row.ci_low, core_row.ci_high, core_row.ratio_to_baseline]
        assert all(same(c, v) for c, v in zip(core_values, row)), (row, core_values)

    # One band counted plainly: crimes in [end, end + 2 h) of each 10-16 minute visit whose window ends by
    # the period's end.
    koper = [(h, e) for h, _, e, m in visits if 10 <= m <= 16 and e + 7200 <= 10 * 86400]
    counted = sum(1 for h, e in koper for place, t in crimes if place == h and e <= t < e + 7200)
    koper_row = next(r for r in table if r[:2] == ["after_visit", "10–16 min"])
    assert koper_row[2:4] == [len(koper), counted] and counted > 0
    assert any("Observational" in text and "Koper (1995)" in text for text in feedback.infos)
    html = report.read_text(encoding="utf-8")
    assert "Koper curve" in html and "Observational" in html and "10–16 min" in html


def test_dates_without_times_give_a_warning_and_no_table(run):
    visits, crimes = scenario()
    feedback = Recording()
    result = evaluate(run, visits, crimes, feedback, dates_only=True)
    assert "OUTPUT_DOSAGE" not in result and "OUTPUT_SUMMARY" in result
    assert any("No dosage table" in w and "times of day" in w for w in feedback.warnings)


def test_visits_without_minutes_give_a_warning_and_no_table(run):
    visits, crimes = scenario()
    feedback = Recording()
    result = evaluate(run, visits, crimes, feedback, with_minutes=False)
    assert "OUTPUT_DOSAGE" not in result
    assert any("No dosage table" in w and "minutes" in w for w in feedback.warnings)


def test_no_table_and_no_warning_unless_asked_for(run):
    visits, crimes = scenario()
    feedback = Recording()
    result = evaluate(run, visits, crimes, feedback, dates_only=True, OUTPUT_DOSAGE=None)
    assert "OUTPUT_DOSAGE" not in result or result["OUTPUT_DOSAGE"] is None
    assert not any("dosage" in w for w in feedback.warnings)
