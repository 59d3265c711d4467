"""hotspotpatrol:patroldosage: visits made from a constructed GPS trail, time zones and plan compliance."""

import datetime

import pytest
from helpers import _TYPES, point_layer
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

UTC = datetime.timezone.utc
DAY = datetime.date(2024, 7, 15)  # a Monday in British Summer Time (UTC+1)
# Two 100 m squares, 1 km apart, in the British National Grid.
SQUARES = {"A": (QgsRectangle(0, 0, 100, 100), 1), "B": (QgsRectangle(1000, 0, 1100, 100), 2)}
IN_A, IN_B, OUTSIDE = (50.0, 50.0), (1050.0, 50.0), (-500.0, -500.0)
NEAR_A = (105.0, 50.0)  # 5 m east of A's edge


def hotspot_layer(with_id=True):
    layer = QgsVectorLayer("Polygon?crs=EPSG:27700", "hotspots", "memory")
    fields = [("hotspot_id", "text"), ("rank", "int")] if with_id else [("name", "text"), ("rank", "int")]
    layer.dataProvider().addAttributes([QgsField(name, _TYPES[kind]) for name, kind in fields])
    layer.updateFields()
    features = []
    for hotspot_id, (rectangle, rank) in SQUARES.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(rectangle))
        feature.setAttributes([hotspot_id, rank])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def utc(hour, minute, day=DAY):
    return datetime.datetime.combine(day, datetime.time(hour, minute), UTC)


def z_text(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def every(first, last, step_minutes=2):
    """UTC datetimes from ``first`` to ``last`` inclusive (both (hour, minute))."""
    start, end = utc(*first), utc(*last)
    times = []
    while start <= end:
        times.append(start)
        start += datetime.timedelta(minutes=step_minutes)
    return times


def trail():
    """(unit, UTC time, place) of every ping of the constructed trail, and the stays it holds."""
    pings = []

    def add(unit, times, place):
        pings.extend((unit, t, place) for t in times)

    # car1 enters A at 10:02, stays 12 minutes (7 pings), leaves.
    add("car1", [utc(10, 0)], OUTSIDE)
    add("car1", every((10, 2), (10, 14)), IN_A)
    add("car1", [utc(10, 16)], OUTSIDE)
    # car2 is in A at the same time: 10:05-10:11, 4 pings.
    add("car2", [utc(10, 3)], OUTSIDE)
    add("car2", every((10, 5), (10, 11)), IN_A)
    add("car2", [utc(10, 13)], OUTSIDE)
    # car1 in B 11:00-11:06, silent 8 minutes (> MAX_GAP 5), then 11:14-11:22: two stays.
    add("car1", every((11, 0), (11, 6)), IN_B)
    add("car1", every((11, 14), (11, 22)), IN_B)
    add("car1", [utc(11, 24)], OUTSIDE)
    # car1 drives through A: 4 minutes, under MIN_MINUTES.
    add("car1", every((12, 0), (12, 4)), IN_A)
    add("car1", [utc(12, 6)], OUTSIDE)
    # car1 parks on A's edge: the 13:02 ping is 5 m outside, so only a BUFFER joins 13:00-13:06.
    add("car1", [utc(13, 0)], IN_A)
    add("car1", [utc(13, 2)], NEAR_A)
    add("car1", [utc(13, 4), utc(13, 6)], IN_A)
    add("car1", [utc(13, 8)], OUTSIDE)
    # car2 in B just after 23:30 UTC: 00:35 on Tuesday 16 July in London.
    add("car2", every((23, 35), (23, 47)), IN_B)
    add("car2", [utc(23, 49)], OUTSIDE)
    return pings


def ping_layer(pings=None, as_datetime=False):
    pings = trail() if pings is None else pings
    rows = [(unit, QDateTime.fromSecsSinceEpoch(int(t.timestamp()), Qt.UTC) if as_datetime else z_text(t))
            for unit, t, _ in pings]
    return point_layer([place for _, _, place in pings], fields=(
        ("unit", "text"), ("ping_time", "datetime" if as_datetime else "text")), rows=rows)


# (hotspot, unit, start UTC, end UTC, minutes, pings) of the trail's visits, in visit_id order.
EXPECTED = [("A", "car1", utc(10, 2), utc(10, 14), 12.0, 7),
            ("A", "car2", utc(10, 5), utc(10, 11), 6.0, 4),
            ("B", "car1", utc(11, 0), utc(11, 6), 6.0, 4),
            ("B", "car1", utc(11, 14), utc(11, 22), 8.0, 5),
            ("B", "car2", utc(23, 35), utc(23, 47), 12.0, 7)]
EDGE_STAY = ("A", "car1", utc(13, 0), utc(13, 6), 6.0, 4)


def dosage(run, pings=None, feedback=None, **parameters):
    return run("hotspotpatrol:patroldosage", {
        "PINGS": ping_layer() if pings is None else pings, "UNIT_FIELD": "unit", "TIME": "ping_time",
        "HOTSPOTS": hotspot_layer(), "TIMEZONE": "Europe/London", "OUTPUT": "memory:", **parameters},
        feedback=feedback)


def visits(layer):
    return sorted(layer.getFeatures(), key=lambda f: f["visit_id"])


def as_utc(value):
    """A QDateTime field value as an aware UTC datetime."""
    return datetime.datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, UTC)


def rows_of(features):
    """Visits as (hotspot, unit, start UTC, end UTC, minutes, pings), the form of EXPECTED."""
    return [(f["hotspot_id"], f["unit"], as_utc(f["start"]), as_utc(f["end"]), f["minutes"], f["pings"])
            for f in features]


class Recorder(QgsProcessingFeedback):
    """Feedback that keeps the warnings it is given."""

    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, warning):
        self.warnings.append(warning)
        super().pushWarning(warning)


def test_parameters_and_metadata(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:patroldosage")
    assert algorithm.displayName() == "Patrol dosage from GPS"
    assert algorithm.group() == "4 · Learn: did it work?" and algorithm.groupId() == "learn"
    names = {p.name() for p in algorithm.parameterDefinitions()}
    assert {"PINGS", "UNIT_FIELD", "TIME", "HOTSPOTS", "BUFFER", "MAX_GAP", "MIN_MINUTES", "TIMEZONE", "PLAN",
            "OUTPUT", "OUTPUT_COMPLIANCE", "OUTPUT_HOTSPOTS"} <= names
    assert algorithm.parameterDefinition("BUFFER").defaultValue() == 0
    assert algorithm.parameterDefinition("MAX_GAP").defaultValue() == 5
    assert algorithm.parameterDefinition("MIN_MINUTES").defaultValue() == 5
    assert algorithm.parameterDefinition("PLAN").flags() & algorithm.parameterDefinition("PLAN").FlagOptional
    assert "Koper" in algorithm.shortHelpString()


def check_visit(feature, expected, zone_hours=1):
    hotspot, unit, start, end, minutes, pings = expected
    local = start + datetime.timedelta(hours=zone_hours)
    assert feature["hotspot_id"] == hotspot and feature["rank"] == SQUARES[hotspot][1]
    assert feature["unit"] == unit
    assert as_utc(feature["start"]) == start and as_utc(feature["end"]) == end
    assert feature["start_local"] == local.strftime("%Y-%m-%dT%H:%M:%S") + f"+{zone_hours:02d}:00"
    assert feature["date"] == QDate(local.year, local.month, local.day)
    assert feature["weekday"] == local.strftime("%A")
    assert feature["minutes"] == pytest.approx(minutes)
    assert feature["pings"] == pings
    # The visit's point lies in its hotspot.
    assert SQUARES[hotspot][0].contains(feature.geometry().asPoint())


def test_visits_from_a_constructed_trail(run):
    result = dosage(run)
    layer = result["OUTPUT"]
    assert [f.name() for f in layer.fields()] == ["visit_id", "hotspot_id", "rank", "unit", "date", "weekday",
                                                  "start", "end", "start_local", "minutes", "pings"]
    assert layer.crs().authid() == "EPSG:27700"
    made = visits(layer)
    # Entering and staying, two units at once, a gap splitting a stay, the late-night stay; the 4-minute
    # drive-through and the edge stay (without BUFFER) are not visits.
    assert [f["visit_id"] for f in made] == [1, 2, 3, 4, 5]
    for feature, expected in zip(made, EXPECTED):
        check_visit(feature, expected)
    assert result["VISITS_MADE"] == 5
    # Stays of 10-16 minutes: the two 12-minute ones of five.
    assert result["KOPER_SHARE"] == pytest.approx(2 / 5)
    assert "VISITS_DELIVERED" not in result  # no PLAN


@pytest.mark.parametrize("parameters, change", [
    # 10 m around A takes in the ping 5 m outside: car1's 13:00-13:06 stay on the edge counts.
    ({"BUFFER": 10}, lambda e: sorted(e + [EDGE_STAY], key=lambda v: v[2])),
    # A 4 m buffer does not reach it.
    ({"BUFFER": 4}, lambda e: e),
    # An 8-minute silence is within a 10-minute MAX_GAP: one 22-minute stay in B of 9 pings.
    ({"MAX_GAP": 10}, lambda e: e[:2] + [("B", "car1", utc(11, 0), utc(11, 22), 22.0, 9)] + e[4:]),
    # A 3-minute MIN_MINUTES keeps the 4-minute drive-through and drops nothing else.
    ({"MIN_MINUTES": 3}, lambda e: e[:4] + [("A", "car1", utc(12, 0), utc(12, 4), 4.0, 3)] + e[4:]),
    # A 7-minute MIN_MINUTES drops the 6-minute stays.
    ({"MIN_MINUTES": 7}, lambda e: [v for v in e if v[4] >= 7]),
], ids=["buffer_10", "buffer_4", "max_gap_10", "min_minutes_3", "min_minutes_7"])
def test_buffer_gap_and_shortest_stay(run, parameters, change):
    assert rows_of(visits(dosage(run, **parameters)["OUTPUT"])) == change(list(EXPECTED))


@pytest.mark.parametrize("as_datetime", [False, True], ids=["text_with_Z", "utc_datetime_field"])
def test_utc_times_become_london_summer_time(run, as_datetime):
    made = visits(dosage(run, pings=ping_layer(as_datetime=as_datetime))["OUTPUT"])
    assert rows_of(made) == EXPECTED
    first, late = made[0], made[-1]
    # The wall-clock hour is one more than UTC's (10:02 UTC).
    assert first["start_local"] == "2024-07-15T11:02:00+01:00"
    assert first["start"].toUTC().time().hour() == 10
    # 23:35 UTC on Monday is 00:35 on Tuesday in London.
    assert late["start_local"] == "2024-07-16T00:35:00+01:00"
    assert (late["date"], late["weekday"]) == (QDate(2024, 7, 16), "Tuesday")


def test_the_same_trail_in_utc_keeps_its_dates(run):
    made = visits(dosage(run, TIMEZONE="UTC")["OUTPUT"])
    assert rows_of(made) == EXPECTED
    for feature, expected in zip(made, EXPECTED):
        check_visit(feature, expected, zone_hours=0)
    assert (made[-1]["date"], made[-1]["start_local"]) == (QDate(2024, 7, 15), "2024-07-15T23:35:00+00:00")


# (hotspot, unit, planned start UTC) of the plan; each visit lasts 15 minutes.
PLAN = [("A", "car1", utc(10, 0)),   # car1 arrives at 10:02, within the 5-minute grace: delivered
        ("B", "car1", utc(10, 47)),  # the first arrival in B is at 11:00: 13 minutes late
        ("A", "car2", utc(15, 0)),   # nobody is in A after 10:14: missed
        ("Z", "car2", utc(16, 0))]   # a hotspot that is not in HOTSPOTS: left out with a warning


def plan_layer(kind, plan=PLAN, fields=("hotspot_id", "unit", "start", "end")):
    def value(moment):
        if kind == "local_text":  # wall-clock time in London, no offset
            return (moment + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S")
        if kind == "z_text":
            return z_text(moment)
        return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), Qt.UTC)
    time_kind = "text" if kind.endswith("text") else "datetime"
    rows = []
    for hotspot, unit, start in plan:
        row = {"hotspot_id": hotspot, "unit": unit, "start": value(start),
               "end": value(start + datetime.timedelta(minutes=15))}
        rows.append([row[name] for name in fields])
    return point_layer([None] * len(rows), geometry="None", rows=rows, fields=[
        (name, time_kind if name in ("start", "end") else "text") for name in fields])


@pytest.mark.parametrize("kind", ["local_text", "z_text", "datetime"])
def test_compliance_with_a_plan(run, kind):
    feedback = Recorder()
    plan = plan_layer(kind)
    result = dosage(run, feedback=feedback, PLAN=plan, OUTPUT_COMPLIANCE="memory:", OUTPUT_HOTSPOTS="memory:")
    assert (result["VISITS_DELIVERED"], result["VISITS_LATE"], result["VISITS_MISSED"]) == (1, 1, 1)
    assert any("1 planned visits name hotspots not in HOTSPOTS" in w for w in feedback.warnings)

    compliance = sorted(result["OUTPUT_COMPLIANCE"].getFeatures(), key=lambda f: f["plan_fid"])
    assert [f.name() for f in result["OUTPUT_COMPLIANCE"].fields()] == [
        "plan_fid", "hotspot_id", "unit", "date", "start", "status", "late_minutes", "delivered_minutes"]
    plan_ids = [f.id() for f in plan.getFeatures()][:3]
    assert [f["plan_fid"] for f in compliance] == plan_ids
    assert [(f["hotspot_id"], f["unit"], as_utc(f["start"])) for f in compliance] == PLAN[:3]
    assert [f["date"] for f in compliance] == [QDate(2024, 7, 15)] * 3
    assert [f["status"] for f in compliance] == ["delivered", "late", "missed"]
    assert [f["late_minutes"] for f in compliance] == [None, 13, None]
    # The whole matched stay: car1's 12 minutes in A, its 6 minutes in B from 11:00; nothing for a miss.
    assert [f["delivered_minutes"] for f in compliance] == pytest.approx([12.0, 6.0, 0.0])

    hotspots = {f["hotspot_id"]: f for f in result["OUTPUT_HOTSPOTS"].getFeatures()}
    assert set(hotspots) == {"A", "B"}
    a, b = hotspots["A"], hotspots["B"]
    assert (a["rank"], a["planned_visits"], a["planned_minutes"], a["delivered_visits"]) == (1, 2, 30.0, 1)
    assert (b["rank"], b["planned_visits"], b["planned_minutes"], b["delivered_visits"]) == (2, 1, 15.0, 1)
    # Stays: A 12 and 6 minutes; B 6, 8 and 12 minutes. koper_share: the share of 10-16 minutes.
    assert (a["stays"], a["stay_minutes"], a["koper_share"]) == (2, pytest.approx(18.0), pytest.approx(1 / 2))
    assert (b["stays"], b["stay_minutes"], b["koper_share"]) == (3, pytest.approx(26.0), pytest.approx(1 / 3))


def test_pings_in_a_geographic_crs(run):
    # The same trail in WGS84: the pings are worked in metres (British National Grid, as they are in
    # Great Britain), the hotspots brought to them.
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:27700"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    pings = [(unit, t, to_wgs84.transform(QgsPointXY(*place))) for unit, t, place in trail()]
    layer = point_layer([(p.x(), p.y()) for _, _, p in pings], crs="EPSG:4326",
                        fields=(("unit", "text"), ("ping_time", "text")),
                        rows=[(unit, z_text(t)) for unit, t, _ in pings])
    result = dosage(run, pings=layer, BUFFER=10)
    assert rows_of(visits(result["OUTPUT"])) == sorted(EXPECTED + [EDGE_STAY], key=lambda v: v[2])
    assert result["OUTPUT"].crs().authid() == "EPSG:27700"


def test_hotspot_without_stays_has_no_koper_share(run):
    # Only car1's first stay in A: B has no stays, so no share of them.
    pings = [p for p in trail() if p[0] == "car1" and p[1] < utc(10, 30)]
    result = dosage(run, pings=ping_layer(pings), OUTPUT_HOTSPOTS="memory:")
    hotspots = {f["hotspot_id"]: f for f in result["OUTPUT_HOTSPOTS"].getFeatures()}
    assert (hotspots["A"]["stays"], hotspots["A"]["koper_share"]) == (1, 1.0)
    assert (hotspots["B"]["stays"], hotspots["B"]["koper_share"]) == (0, None)
    assert hotspots["B"]["planned_visits"] == 0
    assert result["KOPER_SHARE"] == 1.0


def test_a_stay_across_the_autumn_clock_change_is_one_stay(run):
    # London's clocks go back at 01:00 UTC on 27 October 2024: pings every 2 minutes from 00:55 to 01:07 UTC
    # are one 12-minute stay (01:55 BST to 01:07 GMT by the wall clock).
    day = datetime.date(2024, 10, 27)
    start = datetime.datetime.combine(day, datetime.time(0, 55), UTC)
    pings = [("car1", start - datetime.timedelta(minutes=2), OUTSIDE)]
    pings += [("car1", start + datetime.timedelta(minutes=m), IN_A) for m in range(0, 13, 2)]
    pings += [("car1", start + datetime.timedelta(minutes=14), OUTSIDE)]
    made = visits(dosage(run, pings=ping_layer(pings))["OUTPUT"])
    assert rows_of(made) == [("A", "car1", start, start + datetime.timedelta(minutes=12), 12.0, 7)]
    assert made[0]["start_local"] == "2024-10-27T01:55:00+01:00"


def test_pings_without_a_unit_are_one_unit_with_a_warning(run):
    pings = [("car1" if p[1] < utc(10, 30) else None, p[1], p[2]) for p in trail() if p[0] == "car1"]
    feedback = Recorder()
    made = visits(dosage(run, pings=ping_layer(pings), feedback=feedback)["OUTPUT"])
    assert any("no unit in 'unit'" in w for w in feedback.warnings)
    assert [(f["unit"], f["hotspot_id"], f["minutes"]) for f in made] == [
        ("car1", "A", 12.0), ("", "B", 6.0), ("", "B", 8.0)]


@pytest.mark.parametrize("parameters, message", [
    (lambda: {"TIMEZONE": "Mars/Olympus"}, "Unknown time zone 'Mars/Olympus': use an IANA name"),
    (lambda: {"HOTSPOTS": hotspot_layer(with_id=False)}, "HOTSPOTS needs a 'hotspot_id' field"),
    (lambda: {"PLAN": plan_layer("z_text", fields=("hotspot_id", "unit", "end"))},
     "PLAN needs the fields hotspot_id, start and end.*'start' is missing"),
], ids=["time_zone", "hotspots_without_id", "plan_without_start"])
def test_bad_input(run, parameters, message):
    with pytest.raises(QgsProcessingException, match=message):
        dosage(run, **parameters())


def test_point_hotspots_need_a_buffer_before_the_run(provider):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:patroldosage")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    points = point_layer([IN_A, IN_B], fields=(("hotspot_id", "text"), ("rank", "int")), rows=[("A", 1), ("B", 2)])
    parameters = {"PINGS": ping_layer(), "UNIT_FIELD": "unit", "TIME": "ping_time", "HOTSPOTS": points,
                  "BUFFER": 0, "OUTPUT": "memory:"}
    valid, message = algorithm.checkParameterValues(parameters, context)
    assert not valid
    assert message.startswith("HOTSPOTS must be polygons") and "set BUFFER above 0 m" in message
    assert algorithm.checkParameterValues({**parameters, "BUFFER": 10}, context)[0]
    assert algorithm.checkParameterValues({**parameters, "HOTSPOTS": hotspot_layer()}, context)[0]
