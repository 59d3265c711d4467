"""hotspotpatrol:temporalprofile and hotspotpatrol:patrolplan on the Chicago sample."""

import csv
import datetime
import re

import pytest
from helpers import SAMPLE_DATA, Recording
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProject,
    QgsVectorLayer,
)

CHICAGO = SAMPLE_DATA / "chicago_crimes_2024.gpkg"


@pytest.fixture(scope="module")
def hotspots(tmp_path_factory, provider):
    import processing
    path = tmp_path_factory.mktemp("plan") / "hotspots.gpkg"
    processing.run("hotspotpatrol:rankhotspots", {"INPUT": str(CHICAGO), "TOP_N": 5, "OUTPUT": str(path)})
    return str(path)


def test_parameters_and_metadata(provider):
    registry = QgsApplication.processingRegistry()
    plan = registry.algorithmById("hotspotpatrol:patrolplan")
    assert {"HOTSPOTS", "CRIMES", "TIME", "START_DATE", "DAYS", "TIMEZONE", "SHIFTS", "PATROL_MINUTES",
            "VISITS_PER_DAY", "DAYS_ON", "DAYS_OFF", "UNITS", "TRAVEL_SPEED", "MIN_GAP", "MAX_MINUTES_PER_WEEK",
            "SEED", "OUTPUT", "OUTPUT_ROUTES", "OUTPUT_ICS", "OUTPUT_CSV"} <= {
                p.name() for p in plan.parameterDefinitions()}
    assert plan.parameterDefinition("DAYS").defaultValue() == 28
    assert plan.parameterDefinition("PATROL_MINUTES").defaultValue() == 15
    assert "centre of crime" in plan.shortHelpString()
    profile = registry.algorithmById("hotspotpatrol:temporalprofile")
    assert profile.displayName() == "Crime time profile"
    assert "shrunk" in profile.shortHelpString()


def test_time_profile_has_168_hours_per_hotspot(run, hotspots):
    result = run("hotspotpatrol:temporalprofile", {"HOTSPOTS": hotspots, "CRIMES": str(CHICAGO), "TIME": "date",
                                                   "TIMEZONE": "America/Chicago", "OUTPUT": "memory:"})
    rows = list(result["OUTPUT"].getFeatures())
    assert len(rows) == 5 * 168
    by_hotspot = {}
    for row in rows:
        by_hotspot.setdefault(row["hotspot_id"], []).append(row)
    for hotspot_rows in by_hotspot.values():
        assert sum(r["risk"] for r in hotspot_rows) == pytest.approx(168)
        assert hotspot_rows[0]["weekday"] == "Monday" and hotspot_rows[0]["hour"] == 0
    crimes_in_hotspots = sum(r["crimes"] for r in rows)
    top = QgsVectorLayer(hotspots)
    assert crimes_in_hotspots == sum(f["count"] for f in top.getFeatures())


def test_plan_on_the_sample_writes_points_csv_calendar_and_routes(run, hotspots, tmp_path):
    result = run("hotspotpatrol:patrolplan", {
        "HOTSPOTS": hotspots, "CRIMES": str(CHICAGO), "TIME": "date", "START_DATE": "2024-06-03",
        "DAYS": 28, "TIMEZONE": "America/Chicago", "OUTPUT": str(tmp_path / "plan.gpkg"),
        "OUTPUT_ROUTES": str(tmp_path / "routes.gpkg"), "OUTPUT_ICS": str(tmp_path / "plan.ics"),
        "OUTPUT_CSV": str(tmp_path / "plan.csv")})
    visits = list(QgsVectorLayer(result["OUTPUT"]).getFeatures())
    # 3 days on, 3 off: 13 to 15 patrol days in 28, by each hotspot's phase.
    assert result["VISITS"] == len(visits) and 5 * 13 <= len(visits) <= 5 * 15
    assert result["DROPPED"] == 0
    first = min(visits, key=lambda f: f["visit_id"])
    assert first["start_local"].startswith("2024-06-0") and first["start_local"].endswith("-05:00")
    assert first["minutes"] == 15
    assert first["start"].secsTo(first["end"]) == 15 * 60
    with open(result["OUTPUT_CSV"], newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(visits) and rows[0]["start_local"] == first["start_local"]
    calendar = (tmp_path / "plan.ics").read_text()
    assert calendar.count("BEGIN:VEVENT") == len(visits)
    assert QgsVectorLayer(result["OUTPUT_ROUTES"]).featureCount() > 0


def test_same_seed_same_plan(run, hotspots):
    parameters = {"HOTSPOTS": hotspots, "START_DATE": "2024-06-03", "DAYS": 7, "TIMEZONE": "Europe/London",
                  "SEED": 5, "OUTPUT": "memory:"}

    def visits():
        layer = run("hotspotpatrol:patrolplan", parameters)["OUTPUT"]
        return [(f["hotspot_id"], f["start_local"], f["unit"]) for f in layer.getFeatures()]
    first = visits()
    assert first == visits() and first


@pytest.mark.parametrize("parameters, message", [
    ({"TIMEZONE": "Mars/Olympus"}, "Unknown time zone"),
    ({"SHIFTS": "8-14"}, "HH:MM-HH:MM"),
])
def test_bad_input(run, hotspots, parameters, message):
    with pytest.raises(QgsProcessingException, match=message):
        run("hotspotpatrol:patrolplan", {"HOTSPOTS": hotspots, "START_DATE": "2024-06-03",
                                         "OUTPUT": "memory:", **parameters})


def test_shift_windows_must_hold_a_patrol_before_the_run(provider, hotspots):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:patrolplan")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    parameters = {"HOTSPOTS": hotspots, "START_DATE": "2024-06-03", "SHIFTS": "08:00-08:10,12:00-12:05",
                  "PATROL_MINUTES": 15, "OUTPUT": "memory:"}
    valid, message = algorithm.checkParameterValues(parameters, context)
    assert not valid
    assert "SHIFTS, PATROL_MINUTES: No shift window is long enough for a 15-minute patrol: the longest lasts " \
           "10 minutes" in message
    assert algorithm.checkParameterValues({**parameters, "PATROL_MINUTES": 10}, context)[0]
    assert algorithm.checkParameterValues({**parameters, "SHIFTS": "08:00-08:15"}, context)[0]


def capacity_warnings(run, parameters):
    feedback = Recording()
    result = run("hotspotpatrol:patrolplan", {"START_DATE": "2024-06-03", "TIMEZONE": "America/Chicago",
                                              "OUTPUT": "memory:", **parameters}, feedback)
    return result, [w for w in feedback.warnings if "lack of capacity" in w]


@pytest.mark.parametrize("units, warning", [
    (1, "4 visits dropped for lack of capacity (hotspots ranked 2\u20135). With the same shifts and 5 units "
        "(4 more), no visit would be dropped for lack of capacity."),
    (4, "1 visit dropped for lack of capacity (hotspot ranked 5). With the same shifts and 5 units (1 more), no "
        "visit would be dropped for lack of capacity."),
    (5, None)])
def test_visits_dropped_for_capacity_are_listed_by_rank_with_the_units_that_would_plan_them(run, hotspots, units,
                                                                                           warning):
    # One day, a one-hour shift and one-hour visits: every visit starts at 08:00, so each of the 5 hotspots needs
    # its own unit, and the highest ranks are booked first.
    result, warnings = capacity_warnings(run, {"HOTSPOTS": hotspots, "DAYS": 1, "DAYS_OFF": 0,
                                               "SHIFTS": "08:00-09:00", "PATROL_MINUTES": 60, "UNITS": units})
    assert warnings == ([warning] if warning else [])
    assert result["DROPPED"] == 5 - units and result["VISITS"] == units


def test_the_units_advised_plan_every_visit_and_one_fewer_does_not(run, hotspots):
    parameters = {"HOTSPOTS": hotspots, "CRIMES": str(CHICAGO), "TIME": "date", "DAYS": 14, "VISITS_PER_DAY": 4,
                  "MIN_GAP": 30, "SHIFTS": "08:00-10:00", "UNITS": 1}
    _, warnings = capacity_warnings(run, parameters)
    advised = re.fullmatch(r"\d+ visits dropped for lack of capacity \(hotspots ranked [-\d, \u2013]+\)\. With the "
                           r"same shifts and (\d+) units \((\d+) more\), no visit would be dropped for lack of "
                           r"capacity\.", warnings[0])
    units = int(advised.group(1))
    assert units > 2 and int(advised.group(2)) == units - 1
    assert capacity_warnings(run, {**parameters, "UNITS": units})[1] == []
    assert capacity_warnings(run, {**parameters, "UNITS": units - 1})[1]


def test_other_drops_are_listed_by_rank(run, hotspots):
    feedback = Recording()
    result = run("hotspotpatrol:patrolplan", {"HOTSPOTS": hotspots, "START_DATE": "2024-06-03", "DAYS": 1,
                                              "DAYS_OFF": 0, "MAX_MINUTES_PER_WEEK": 0, "OUTPUT": "memory:"},
                 feedback)
    assert result["DROPPED"] == 5
    assert feedback.warnings == ["5 visits dropped (weekly cap), hotspots ranked 1\u20135."]


# --- the patrol-day design and the assignment table ------------------------------------------------------


def planned(run, hotspots, feedback=None, **parameters):
    """The plan's result, its visited hotspot-days and its assignment rows {(hotspot_id, date): assigned}."""
    result = run("hotspotpatrol:patrolplan", {
        "HOTSPOTS": hotspots, "START_DATE": "2024-06-05", "TIMEZONE": "America/Chicago", "SEED": 4,
        "OUTPUT": "memory:", "OUTPUT_ASSIGNMENT": "memory:", **parameters}, feedback)
    visited = {(f["hotspot_id"], f["date"].toPyDate()) for f in result["OUTPUT"].getFeatures()}
    table = result["OUTPUT_ASSIGNMENT"]
    assert [field.name() for field in table.fields()] == ["hotspot_id", "date", "assigned"]
    assert not table.isSpatial()
    rows = {(f["hotspot_id"], f["date"].toPyDate()): f["assigned"] for f in table.getFeatures()}
    assert len(rows) == table.featureCount()  # one row per hotspot-day
    return result, visited, rows


def days_of(rows, hotspot_id, first, days):
    return "".join("1" if rows[(hotspot_id, first + datetime.timedelta(days=k))] else "0" for k in range(days))


def test_design_parameter_and_assignment_output_are_declared(provider):
    plan = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:patrolplan")
    design = plan.parameterDefinition("DESIGN")
    assert design.options() == ["On/off cycles", "Randomised place-days"] and design.defaultValue() == 0
    assignment = plan.parameterDefinition("OUTPUT_ASSIGNMENT")
    assert assignment.flags() & QgsProcessingParameterDefinition.FlagOptional and not assignment.createByDefault()
    assert "ASSIGNED_DAYS" in {output.name() for output in plan.outputDefinitions()}


def test_with_cycles_the_assignment_is_the_cycles_patrol_days(run, hotspots):
    result, visited, rows = planned(run, hotspots, DAYS=18, UNITS=5)
    first = datetime.date(2024, 6, 5)
    assert len(rows) == 5 * 18 and result["DROPPED"] == 0
    assert {key for key, assigned in rows.items() if assigned} == visited
    assert result["ASSIGNED_DAYS"] == len(visited)
    phases = set()
    for hotspot_id in {hotspot_id for hotspot_id, _ in rows}:
        pattern = days_of(rows, hotspot_id, first, 18)
        phase = next(p for p in range(6) if pattern == "".join("1" if (k + p) % 6 < 3 else "0" for k in range(18)))
        phases.add(phase)
    assert len(phases) == 5  # staggered


def test_randomised_place_days_visit_only_assigned_days_three_in_each_block(run, hotspots):
    result, visited, rows = planned(run, hotspots, DAYS=42, UNITS=5, DESIGN=1)
    first = datetime.date(2024, 6, 5)
    assert len(rows) == 5 * 42 and result["DROPPED"] == 0
    assert {key for key, assigned in rows.items() if assigned} == visited
    patterns = set()
    for hotspot_id in {hotspot_id for hotspot_id, _ in rows}:
        pattern = days_of(rows, hotspot_id, first, 42)
        assert [pattern[start:start + 6].count("1") for start in range(0, 42, 6)] == [3] * 7
        # 42 days = 7 blocks of 6: each weekday 6 times, 3 of them patrolled.
        weekdays = [(first + datetime.timedelta(days=k)).weekday() for k in range(42) if pattern[k] == "1"]
        assert sorted(weekdays) == sorted(list(range(7)) * 3)
        patterns.add(pattern)
    assert len(patterns) == 5
    _, _, again = planned(run, hotspots, DAYS=42, UNITS=5, DESIGN=1)
    assert again == rows


def test_assigned_days_whose_visits_were_dropped_for_capacity_stay_assigned(run, hotspots):
    # One unit and a one-hour shift of one-hour visits: one visit a day for about 2.5 hotspots assigned.
    feedback = Recording()
    result, visited, rows = planned(run, hotspots, feedback, DAYS=12, UNITS=1, DESIGN=1, SHIFTS="08:00-09:00",
                                    PATROL_MINUTES=60)
    assigned = {key for key, is_assigned in rows.items() if is_assigned}
    assert len(rows) == 5 * 12 and result["ASSIGNED_DAYS"] == len(assigned) == 5 * 6
    assert visited < assigned and len(visited) <= 12
    unvisited = len(assigned - visited)
    assert unvisited > 0 and result["DROPPED"] >= unvisited
    assert any("lack of capacity" in warning for warning in feedback.warnings)
    assert (f"30 hotspot-days assigned to patrol (randomised place-days); {unvisited} of them got no visit"
            in " ".join(feedback.infos))
