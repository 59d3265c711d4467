"""Safe exports ("No silent wrong answers", item 7, and part of 5): text from other people's data
(hotspot ids, unit names) is written so that a spreadsheet shows it as text and a calendar reads one
event per visit.

Every file is written by a real run and read back with independent readers: the csv module, and a
minimal RFC 5545 unfolding and unescaping written here. CSV: no text cell starts with a formula
character (a quote is put in front, the OWASP rule), the text is otherwise intact, numbers (negative
ones too) are unchanged, and a GeoPackage keeps the exact values. iCalendar: exactly one VEVENT per
visit, no physical line over 75 octets nor cut inside a character, lines end CR LF, and unfolding gives
the escaped text back.
"""

import csv
import datetime
import re

import pytest
from helpers import _TYPES, point_layer
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

BNG = "EPSG:27700"
BRISTOL = (358000.0, 172000.0)  # west of Greenwich: longitudes are negative numbers
FORMULA = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\t=1", "\r=1"]
BREAKOUT = "H9\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected\x1b\x7f;,\\"  # (QGIS cuts text at NUL)
LONG = "Ünïcødé hotspot — €uro 😀 " * 6
IDS = HOSTILE + [BREAKOUT, LONG, "Plain 7"]
ICS_PROPERTIES = {"BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "UID", "DTSTAMP",
                  "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION"}


def spreadsheet_text(text):
    """The OWASP rule, written out here: a quote before a text cell that starts like a formula."""
    return "'" + text if text.startswith(FORMULA) else text


def is_null(value):
    return value is None or (isinstance(value, QVariant) and value.isNull())


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def is_number(cell):
    try:
        float(cell)
        return True
    except ValueError:
        return False


def assert_no_formula_cells(rows, text_columns):
    """No text cell starts with a formula character; any other cell that does is a number."""
    for row in rows:
        for column, cell in row.items():
            if column in text_columns:
                assert not cell.startswith(FORMULA), (column, cell)
            elif cell.startswith(FORMULA):
                assert is_number(cell), (column, cell)


def hotspot_layer(ids, origin=BRISTOL, size=100.0, gap=400.0):
    layer = QgsVectorLayer(f"Polygon?crs={BNG}", "hotspots", "memory")
    layer.dataProvider().addAttributes([QgsField("hotspot_id", _TYPES["text"]), QgsField("rank", _TYPES["int"])])
    layer.updateFields()
    features = []
    for k, hotspot_id in enumerate(ids):
        feature = QgsFeature(layer.fields())
        x, y = origin[0] + k * gap, origin[1]
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + size, y + size)))
        feature.setAttributes([hotspot_id, k + 1])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


# --- patrolplan: OUTPUT_CSV, OUTPUT_ICS, and OUTPUT as a CSV or a GeoPackage ----------------------------

@pytest.fixture(scope="module")
def plan_files(provider, tmp_path_factory):
    import processing
    folder = tmp_path_factory.mktemp("safe_plan")
    parameters = {"HOTSPOTS": hotspot_layer(IDS), "START_DATE": "2024-06-03", "DAYS": 6, "TIMEZONE": "Europe/London",
                  "UNITS": 9, "SEED": 3}
    geopackage = processing.run("hotspotpatrol:patrolplan", {
        **parameters, "OUTPUT": str(folder / "visits.gpkg"), "OUTPUT_CSV": str(folder / "visits_table.csv"),
        "OUTPUT_ICS": str(folder / "plan.ics")})
    as_csv = processing.run("hotspotpatrol:patrolplan", {**parameters, "OUTPUT": str(folder / "visits.csv")})
    visits = {f["visit_id"]: f for f in QgsVectorLayer(geopackage["OUTPUT"]).getFeatures()}
    assert len(visits) == geopackage["VISITS"] == as_csv["VISITS"] > len(IDS)
    return folder, visits


def test_geopackage_keeps_the_exact_text(plan_files):
    _, visits = plan_files
    assert {f["hotspot_id"] for f in visits.values()} == set(IDS)


def test_visits_table_csv_is_safe_and_numbers_stay_numbers(plan_files):
    folder, visits = plan_files
    rows = read_csv(folder / "visits_table.csv")
    assert list(rows[0]) == ["visit_id", "hotspot_id", "rank", "unit", "date", "weekday", "start_local",
                             "end_local", "minutes", "risk", "x", "y", "latitude", "longitude"]
    assert len(rows) == len(visits)
    assert_no_formula_cells(rows, {"hotspot_id", "date", "weekday", "start_local", "end_local"})
    assert {row["hotspot_id"] for row in rows} == {spreadsheet_text(i) for i in IDS}
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem(BNG), QgsCoordinateReferenceSystem("EPSG:4326"),
                                      QgsProject.instance())
    for row in rows:
        visit = visits[int(row["visit_id"])]
        assert row["hotspot_id"] == spreadsheet_text(visit["hotspot_id"])
        assert int(row["rank"]) == visit["rank"] and int(row["unit"]) == visit["unit"]
        assert row["start_local"] == visit["start_local"] and row["minutes"] == "15"
        # Negative numbers are written as numbers: -2.59…, never '-2.59….
        point = to_wgs84.transform(QgsPointXY(float(row["x"]), float(row["y"])))
        assert row["longitude"].startswith("-2.") and float(row["longitude"]) == pytest.approx(point.x(), abs=1e-6)
        assert float(row["latitude"]) == pytest.approx(point.y(), abs=1e-6)
        assert visit.geometry().asPoint().x() == pytest.approx(float(row["x"]), abs=0.06)


def test_visits_layer_written_as_csv_is_safe(plan_files):
    folder, visits = plan_files
    rows = read_csv(folder / "visits.csv")
    assert len(rows) == len(visits)
    assert_no_formula_cells(rows, {"hotspot_id", "weekday", "start_local"})
    for row in rows:
        visit = visits[int(row["visit_id"])]  # same inputs and seed: the same plan
        assert row["hotspot_id"] == spreadsheet_text(visit["hotspot_id"])
        assert row["start_local"] == visit["start_local"] and row["weekday"] == visit["weekday"]
        assert int(row["minutes"]) == 15 and int(row["unit"]) == visit["unit"] and row["risk"] == ""


def unfold(text):
    """RFC 5545 3.1: a CR LF followed by one space or tab is removed."""
    return re.sub(r"\r\n[ \t]", "", text)


def unescape(value):
    """RFC 5545 3.3.11: \\\\ \\; \\, and \\n (or \\N)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def escape(text):
    """What a calendar must receive for ``text``, by RFC 5545 3.3.11: controls other than tab and line
    feed dropped, backslash, semicolon and comma escaped, line feed as \\n."""
    kept = "".join(c for c in text if c in "\t\n" or not (ord(c) < 32 or ord(c) == 127))
    return kept.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def test_calendar_has_one_event_per_visit_and_lines_of_75_octets(plan_files):
    folder, visits = plan_files
    data = (folder / "plan.ics").read_bytes()
    assert data.endswith(b"\r\n")
    assert b"\r" not in data.replace(b"\r\n", b"") and b"\n" not in data.replace(b"\r\n", b"")
    physical = data.split(b"\r\n")[:-1]
    for line in physical:
        assert len(line) <= 75, line
        line.decode("utf-8")  # every physical line holds whole characters
    assert max(len(line) for line in physical) >= 70  # the long text was folded
    lines = unfold(data.decode("utf-8")).split("\r\n")[:-1]
    names = [line.split(":", 1)[0] for line in lines]
    assert set(names) <= ICS_PROPERTIES
    assert names.count("BEGIN") == names.count("END") == len(visits) + 1
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == names.count("SUMMARY") == len(visits)
    events, event = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            event = {}
        elif line == "END:VEVENT":
            events.append(event)
            event = None
        elif event is not None:
            name, value = line.split(":", 1)
            assert name not in event, f"{name} twice in one event"
            event[name] = value
    assert len(events) == len(visits)
    for event in events:
        visit_id = int(re.match(r"hotspot-patrol-(\d+)-", event["UID"]).group(1))
        visit = visits[visit_id]
        summary = "Patrol hotspot {} (unit {})".format(visit["hotspot_id"], visit["unit"])
        assert event["SUMMARY"] == escape(summary)
        assert unescape(event["SUMMARY"]) == summary.replace("\r", "").replace("\x1b", "").replace("\x7f", "")
        assert unescape(event["LOCATION"]).startswith("Hotspot " + unescape(escape(visit["hotspot_id"])) + " at ")
        assert re.fullmatch(r".* at 51\.\d{6}\\, -2\.\d{6}", event["LOCATION"]), event["LOCATION"]


# --- evaluatepatrols and patroldosage: tables written as CSV by OGR ------------------------------------

def compare_csv_with_memory(path, memory_layer):
    """Each CSV row against the same run's memory layer: text as the spreadsheet rule says, numbers
    equal (negative ones too, unquoted), NULL empty."""
    rows = read_csv(path)
    features = list(memory_layer.getFeatures())
    assert len(rows) == len(features) > 0
    negative = 0
    for row, feature in zip(rows, features):
        for field in memory_layer.fields():
            value, cell = feature[field.name()], row[field.name()]
            if is_null(value):
                assert cell == "", (field.name(), cell)
            elif isinstance(value, bool):
                continue
            elif isinstance(value, str):
                assert cell == spreadsheet_text(value), (field.name(), cell, value)
            elif isinstance(value, (int, float)):
                assert float(cell) == pytest.approx(value, rel=1e-9, abs=1e-12), (field.name(), cell, value)
                negative += cell.startswith("-")
            else:
                assert not cell.startswith(FORMULA)
    return rows, negative


FIRST = datetime.date(2024, 5, 6)
EVALUATION_IDS = ['=HYPERLINK("http://x","y")', "-2+3"]


def evaluation(run, folder, csv_outputs):
    """Patrols at both hotspots on days 0-4 of 10; crime falls on patrol days and in the hotspots against
    the control area, so change_pct and success_measure are negative numbers."""
    hotspots = hotspot_layer(EVALUATION_IDS, origin=(0.0, 0.0), gap=1000.0)
    control = hotspot_layer(["C"], origin=(5000.0, 5000.0))
    crimes = []
    for k in range(2):  # in each hotspot: one crime on a patrol day, four on other days; eight in April
        crimes += [((50 + 1000 * k, 50), f"2024-05-{6 + d:02d} 12:00") for d in (0, 5, 6, 8, 9)]
        crimes += [((50 + 1000 * k, 50), f"2024-04-{1 + d:02d} 12:00") for d in range(8)]
    crimes += [((5050, 5050), f"2024-0{m}-{d:02d} 12:00") for m in (4, 5) for d in range(6, 11)]
    visits = [(h, f"2024-05-{6 + d:02d} 10:00", f"2024-05-{6 + d:02d} 10:15") for h in EVALUATION_IDS for d in range(5)]
    names = ("OUTPUT_DAYS", "OUTPUT_SUMMARY", "OUTPUT_RESIDUAL", "OUTPUT_DISPLACEMENT")
    return run("hotspotpatrol:evaluatepatrols", {
        "CRIMES": point_layer([p for p, _ in crimes], fields=(("occurred", "text"),), rows=[(t,) for _, t in crimes]),
        "TIME": "occurred", "HOTSPOTS": hotspots, "START": FIRST.isoformat(), "END": "2024-05-16",
        "TIMEZONE": "Europe/London", "CONTROL": control, "BEFORE_START": "2024-04-01", "BEFORE_END": "2024-05-01",
        "VISITS": point_layer([None] * len(visits), geometry="None", rows=visits,
                              fields=(("hotspot_id", "text"), ("start", "text"), ("end", "text"))),
        **{name: str(folder / f"{name.lower()}.csv") if csv_outputs else "memory:" for name in names}})


def test_evaluation_tables_written_as_csv_are_safe(run, tmp_path):
    in_memory = evaluation(run, tmp_path, csv_outputs=False)
    as_csv = evaluation(run, tmp_path, csv_outputs=True)
    negatives = 0
    for name in ("OUTPUT_DAYS", "OUTPUT_SUMMARY", "OUTPUT_RESIDUAL", "OUTPUT_DISPLACEMENT"):
        rows, negative = compare_csv_with_memory(as_csv[name], in_memory[name])
        negatives += negative
        assert_no_formula_cells(rows, {"hotspot_id", "group", "days_since_patrol", "reading"})
    summary = {f["group"]: f for f in in_memory["OUTPUT_SUMMARY"].getFeatures()}
    assert summary["all"]["change_pct"] < 0  # crime was lower on patrol days: a negative number …
    assert negatives >= 2  # … written as one, like the negative success_measure
    days = read_csv(as_csv["OUTPUT_DAYS"])
    assert {row["hotspot_id"] for row in days} == {spreadsheet_text(i) for i in EVALUATION_IDS}
    assert {f["hotspot_id"] for f in in_memory["OUTPUT_DAYS"].getFeatures()} == set(EVALUATION_IDS)


def test_dosage_tables_written_as_csv_are_safe(run, tmp_path):
    units = ["@SUM(1+1)", "+cmd|' /C calc'!A0"]
    start = datetime.datetime(2024, 7, 15, 10, 0, tzinfo=datetime.timezone.utc)
    pings = []
    for k, unit in enumerate(units):  # each unit 14 minutes in one hotspot, then away
        for minute in range(0, 16, 2):
            place = (50.0 + 1000 * k, 50.0) if minute < 16 else (-500.0, -500.0)
            pings.append((unit, start + datetime.timedelta(minutes=minute), place))
        pings.append((unit, start + datetime.timedelta(minutes=18), (-500.0, -500.0)))
    plan = [(EVALUATION_IDS[k], units[k], start + datetime.timedelta(minutes=2)) for k in range(2)]
    parameters = {
        "PINGS": point_layer([p for _, _, p in pings], fields=(("unit", "text"), ("ping_time", "text")),
                             rows=[(u, t.strftime("%Y-%m-%dT%H:%M:%SZ")) for u, t, _ in pings]),
        "UNIT_FIELD": "unit", "TIME": "ping_time", "TIMEZONE": "Europe/London",
        "HOTSPOTS": hotspot_layer(EVALUATION_IDS, origin=(0.0, 0.0), gap=1000.0),
        "PLAN": point_layer([None] * 2, geometry="None", fields=(("hotspot_id", "text"), ("unit", "text"),
                                                                  ("start", "text"), ("end", "text")),
                            rows=[(h, u, t.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                   (t + datetime.timedelta(minutes=15)).strftime("%Y-%m-%dT%H:%M:%SZ"))
                                  for h, u, t in plan])}
    names = ("OUTPUT", "OUTPUT_COMPLIANCE", "OUTPUT_HOTSPOTS")
    in_memory = run("hotspotpatrol:patroldosage", {**parameters, **{name: "memory:" for name in names}})
    as_csv = run("hotspotpatrol:patroldosage", {**parameters,
                                                **{name: str(tmp_path / f"{name.lower()}.csv") for name in names}})
    assert in_memory["VISITS_MADE"] == 2 and in_memory["VISITS_DELIVERED"] == 2
    for name in names:
        rows, _ = compare_csv_with_memory(as_csv[name], in_memory[name])
        assert_no_formula_cells(rows, {"hotspot_id", "unit", "weekday", "start_local", "status"})
    made = read_csv(as_csv["OUTPUT"])
    assert {row["unit"] for row in made} == {spreadsheet_text(u) for u in units}
    assert {f["unit"] for f in in_memory["OUTPUT"].getFeatures()} == set(units)


def test_another_algorithms_csv_is_safe_through_the_shared_sink(run, tmp_path):
    """temporalprofile's sink, written by OGR to a .csv: the rule lives in the shared base class."""
    crimes = [((BRISTOL[0] + 50, BRISTOL[1] + 50), f"2024-05-{d:02d} {h:02d}:30") for d in range(1, 29)
              for h in (9, 21)]
    parameters = {"HOTSPOTS": hotspot_layer(HOSTILE[:3]), "TIME": "occurred", "TIMEZONE": "Europe/London",
                  "CRIMES": point_layer([p for p, _ in crimes], fields=(("occurred", "text"),),
                                        rows=[(t,) for _, t in crimes])}
    in_memory = run("hotspotpatrol:temporalprofile", {**parameters, "OUTPUT": "memory:"})
    as_csv = run("hotspotpatrol:temporalprofile", {**parameters, "OUTPUT": str(tmp_path / "profile.csv")})
    rows, _ = compare_csv_with_memory(as_csv["OUTPUT"], in_memory["OUTPUT"])
    assert {row["hotspot_id"] for row in rows} == {spreadsheet_text(i) for i in HOSTILE[:3]}
