"""What the crimes' times can say, and every algorithm acting on it: month-only police.uk data,
dates without times, unknown times written as midnight, and time windows (aoristic)."""

import datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from helpers import SAMPLE_DATA, SOUTHEND, Recording, point_layer
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime
from scipy import stats

CHICAGO = SAMPLE_DATA / "chicago_crimes_2024.gpkg"
NO_TIME_OF_DAY = "no time of day"


def square_hotspot(x, y, half=1000.0, crs="EPSG:27700", hotspot_id="A"):
    layer = QgsVectorLayer(f"Polygon?crs={crs}&field=hotspot_id:string&field=rank:integer", "hotspots", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromRect(QgsGeometry.fromPointXY(QgsPointXY(x, y)).boundingBox()
                                             .buffered(half)))
    feature.setAttributes([hotspot_id, 1])
    layer.dataProvider().addFeatures([feature])
    return layer


def qdatetime(moment):
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute, moment.second))


@pytest.fixture(scope="module")
def southend_hotspots(tmp_path_factory, provider):
    import processing
    path = tmp_path_factory.mktemp("southend") / "hotspots.gpkg"
    processing.run("hotspotpatrol:rankhotspots", {"INPUT": str(SOUTHEND), "TOP_N": 20, "OUTPUT": str(path)})
    return str(path)


# --- month-only data: data.police.uk ---------------------------------------------------------------

def test_every_reader_logs_the_resolution_it_found(run):
    feedback = Recording()
    run("hotspotpatrol:gridcrimes", {"INPUT": str(SOUTHEND), "TIME": "month", "OUTPUT": "memory:"}, feedback)
    assert any("month resolution" in info and "yyyy-MM" in info for info in feedback.infos)
    feedback = Recording()
    run("hotspotpatrol:gridcrimes", {"INPUT": str(CHICAGO), "TIME": "date", "OUTPUT": "memory:"}, feedback)
    assert any("minute resolution" in info for info in feedback.infos)


def test_time_profile_refuses_month_data(run, southend_hotspots):
    with pytest.raises(QgsProcessingException, match=NO_TIME_OF_DAY) as error:
        run("hotspotpatrol:temporalprofile", {"HOTSPOTS": southend_hotspots, "CRIMES": str(SOUTHEND),
                                              "TIME": "month", "OUTPUT": "memory:"})
    assert "month" in str(error.value) and "OCCUR_TIME" in str(error.value)


def test_time_profile_refuses_dates_without_times(run, southend_hotspots):
    # A date-only view of the Chicago crimes: 'MM/dd/yyyy' of each crime.
    hotspots = _chicago_hotspots(run)
    with pytest.raises(QgsProcessingException, match=NO_TIME_OF_DAY) as error:
        run("hotspotpatrol:temporalprofile", {"HOTSPOTS": hotspots, "CRIMES": str(CHICAGO),
                                              "TIME": "left(\"date\", 10)", "OUTPUT": "memory:"})
    assert "known only to the day" in str(error.value)


def _chicago_hotspots(run):
    return run("hotspotpatrol:rankhotspots", {"INPUT": str(CHICAGO), "TOP_N": 5, "OUTPUT": "memory:"})["OUTPUT"]


def _candidate_hours(shifts, patrol_minutes, step=5):
    """Hours of the day of every possible start: the shift minutes a visit can start in."""
    hours = []
    for shift in shifts.split(","):
        start, end = (int(t[:2]) * 60 + int(t[3:]) for t in shift.split("-"))
        end += 1440 if end <= start else 0
        hours += [(minute // 60) % 24 for minute in range(start, end - patrol_minutes + 1, step)]
    return np.bincount(hours, minlength=24)


def test_plan_from_month_data_spreads_starts_evenly_and_says_so(run, southend_hotspots, tmp_path):
    feedback = Recording()
    result = run("hotspotpatrol:patrolplan", {
        "HOTSPOTS": southend_hotspots, "CRIMES": str(SOUTHEND), "TIME": "month", "START_DATE": "2018-08-06",
        "DAYS": 56, "UNITS": 12, "TIMEZONE": "Europe/London", "SEED": 3, "OUTPUT": str(tmp_path / "plan.gpkg"),
        "OUTPUT_CSV": str(tmp_path / "plan.csv")}, feedback)
    assert result["RISK_WEIGHTED"] is False
    assert any("no time of day" in w and "spread evenly" in w for w in feedback.warnings)
    visits = list(QgsVectorLayer(result["OUTPUT"]).getFeatures())
    assert result["DROPPED"] == 0 and len(visits) == result["VISITS"] > 500
    assert all(visit["risk"] is None or visit.attribute("risk") is None or str(visit["risk"]) == "NULL"
               for visit in visits)
    assert "\n" in (tmp_path / "plan.csv").read_text() and ",," in (tmp_path / "plan.csv").read_text()
    # The old defect: every visit at 22:00-01:59. Now each hour holds its share of the shift minutes.
    hours = np.bincount([visit["start"].time().hour() for visit in visits], minlength=24)
    candidates = _candidate_hours("08:00-14:00,14:00-22:00,22:00-02:00", 15)
    expected = candidates / candidates.sum() * hours.sum()
    assert stats.chisquare(hours[candidates > 0], expected[candidates > 0]).pvalue > 0.001
    # No hour holds more than its share by chance (binomial upper tail, Bonferroni over 24 hours).
    tails = stats.binom.sf(hours - 1, hours.sum(), candidates / candidates.sum())
    assert tails.min() > 0.001 / 24
    assert hours[candidates == 0].sum() == 0


def test_plan_with_times_of_day_is_risk_weighted(run, tmp_path):
    hotspots = _chicago_hotspots(run)
    result = run("hotspotpatrol:patrolplan", {
        "HOTSPOTS": hotspots, "CRIMES": str(CHICAGO), "TIME": "date", "START_DATE": "2024-06-03", "DAYS": 7,
        "TIMEZONE": "America/Chicago", "OUTPUT": str(tmp_path / "plan.gpkg")})
    assert result["RISK_WEIGHTED"] is True
    assert all(visit["risk"] > 0 for visit in QgsVectorLayer(result["OUTPUT"]).getFeatures())


def test_plan_without_crimes_is_not_risk_weighted(run, southend_hotspots, tmp_path):
    result = run("hotspotpatrol:patrolplan", {"HOTSPOTS": southend_hotspots, "START_DATE": "2018-08-06", "DAYS": 3,
                                              "TIMEZONE": "Europe/London", "OUTPUT": str(tmp_path / "plan.gpkg")})
    assert result["RISK_WEIGHTED"] is False


def test_evaluation_refuses_month_data(run, southend_hotspots, tmp_path):
    plan = run("hotspotpatrol:patrolplan", {"HOTSPOTS": southend_hotspots, "START_DATE": "2018-07-02", "DAYS": 28,
                                            "TIMEZONE": "Europe/London", "OUTPUT": str(tmp_path / "plan.gpkg")})
    with pytest.raises(QgsProcessingException, match="known only to the month") as error:
        run("hotspotpatrol:evaluatepatrols", {
            "CRIMES": str(SOUTHEND), "TIME": "month", "VISITS": plan["OUTPUT"], "HOTSPOTS": southend_hotspots,
            "START": "2018-07-01", "END": "2018-08-01", "TIMEZONE": "Europe/London",
            "OUTPUT_DAYS": str(tmp_path / "days.gpkg"), "OUTPUT_SUMMARY": str(tmp_path / "summary.csv"),
            "OUTPUT_RESIDUAL": str(tmp_path / "residual.csv")})
    assert "patrol days" in str(error.value)
    assert not (tmp_path / "days.gpkg").exists()


def test_dosage_refuses_pings_without_times_of_day(run, southend_hotspots, tmp_path):
    pings = point_layer([(0.70, 51.54)] * 3, crs="EPSG:4326", fields=[("unit", "text"), ("time", "text")],
                        rows=[("1", "2018-07-02"), ("1", "2018-07-02"), ("1", "2018-07-03")])
    with pytest.raises(QgsProcessingException, match="time of day"):
        run("hotspotpatrol:patroldosage", {"PINGS": pings, "UNIT_FIELD": "unit", "TIME": "time",
                                           "HOTSPOTS": southend_hotspots, "TIMEZONE": "Europe/London",
                                           "OUTPUT": str(tmp_path / "stays.gpkg")})


@pytest.mark.parametrize("step, refused", [(0, True), (1, True), (2, False)])
def test_emerging_steps_finer_than_months_are_refused(run, step, refused):
    parameters = {"INPUT": str(SOUTHEND), "TIME": "month", "STEP": step, "OUTPUT": "memory:"}
    if refused:
        with pytest.raises(QgsProcessingException, match="known only to the month") as error:
            run("hotspotpatrol:emerginghotspots", parameters)
        assert "STEP=2" in str(error.value)
    else:
        assert run("hotspotpatrol:emerginghotspots", parameters)["STEPS"] == 7


@pytest.mark.parametrize("algorithm, extra", [
    ("gridcrimes", {}), ("rankhotspots", {}), ("kerneldensity", {"PIXEL_SIZE": 50}),
    ("emerginghotspots", {"STEP": 2})])
def test_period_bounds_finer_than_months_are_refused(run, algorithm, extra, tmp_path):
    output = str(tmp_path / ("out.tif" if algorithm == "kerneldensity" else "out.gpkg"))
    parameters = {"INPUT": str(SOUTHEND), "TIME": "month", "OUTPUT": output, **extra}
    with pytest.raises(QgsProcessingException, match="known only to the month") as error:
        run(f"hotspotpatrol:{algorithm}", dict(parameters, START="2018-03-15T00:00:00"))
    assert "2018-03-01" in str(error.value)
    with pytest.raises(QgsProcessingException, match="END is 2018-05-01 06:00"):
        run(f"hotspotpatrol:{algorithm}", dict(parameters, END="2018-05-01T06:00:00"))
    run(f"hotspotpatrol:{algorithm}", dict(parameters, START="2018-03-01T00:00:00", END="2018-05-01T00:00:00"))


def test_map_accuracy_refuses_a_day_on_month_data(run, southend_hotspots):
    with pytest.raises(QgsProcessingException, match="known only to the month"):
        run("hotspotpatrol:mapaccuracy", {"HOTSPOTS": southend_hotspots, "SCORE_FIELD": "count",
                                          "CRIMES": str(SOUTHEND), "TIME": "month",
                                          "START": "2018-06-10T00:00:00", "OUTPUT": "memory:"})


def test_month_bounds_count_whole_months(run):
    whole = run("hotspotpatrol:gridcrimes", {"INPUT": str(SOUTHEND), "TIME": "month", "START": "2018-03-01T00:00:00",
                                             "END": "2018-05-01T00:00:00", "OUTPUT": "memory:"})
    layer = QgsVectorLayer(str(SOUTHEND))
    months = [feature["month"] for feature in layer.getFeatures()]
    assert whole["CRIMES_COUNTED"] == sum(month in ("2018-03", "2018-04") for month in months)


# --- unknown times written as midnight ------------------------------------------------------------

def _crimes_with_heaped_midnights(n_timed=480, n_midnight=60, seed=5):
    """Crimes at (1000, 1000): uniform times to the minute over May 2024, plus unknown times at 00:00."""
    rng = np.random.default_rng(seed)
    first = datetime.datetime(2024, 5, 1)
    moments = [first + datetime.timedelta(minutes=int(m)) for m in rng.integers(0, 31 * 1440, n_timed)]
    moments += [first + datetime.timedelta(days=int(d)) for d in rng.integers(0, 31, n_midnight)]
    layer = point_layer([(1000.0, 1000.0)] * len(moments), fields=[("time", "datetime")],
                        rows=[(qdatetime(m),) for m in moments])
    return layer, moments


def _profile(run, crimes, hotspots, feedback=None, **extra):
    result = run("hotspotpatrol:temporalprofile", {"HOTSPOTS": hotspots, "CRIMES": crimes, "TIME": "time",
                                                   "TIMEZONE": "Europe/London", "OUTPUT": "memory:", **extra},
                 feedback)
    counts = np.zeros(168)
    for row in result["OUTPUT"].getFeatures():
        day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday").index(row["weekday"])
        counts[day * 24 + row["hour"]] = row["crimes"]
    return counts


def test_midnight_heaping_warns_with_the_counts(run):
    crimes, moments = _crimes_with_heaped_midnights()
    at_midnight = sum(m.hour == 0 and m.minute == 0 for m in moments)
    feedback = Recording()
    _profile(run, crimes, square_hotspot(1000, 1000), feedback)
    assert any(f"{at_midnight} crimes are at exactly 00:00" in w and "MIDNIGHT_UNKNOWN" in w
               for w in feedback.warnings)


def test_no_heaping_warning_for_honest_times(run):
    crimes, _ = _crimes_with_heaped_midnights(n_midnight=0)
    feedback = Recording()
    _profile(run, crimes, square_hotspot(1000, 1000), feedback)
    assert not any("00:00" in w for w in feedback.warnings)


def test_midnight_unknown_removes_exact_midnights_from_the_hours_only(run, tmp_path):
    crimes, moments = _crimes_with_heaped_midnights()
    hotspots = square_hotspot(1000, 1000)
    with_midnights = _profile(run, crimes, hotspots)
    without = _profile(run, crimes, hotspots, MIDNIGHT_UNKNOWN=True)
    midnight_hours = np.zeros(168)
    for m in moments:
        if m.hour == 0 and m.minute == 0:
            midnight_hours[m.weekday() * 24] += 1
    np.testing.assert_array_equal(with_midnights - without, midnight_hours)
    # Place and day still count them: the plan's visit place is the mean of every crime, midnights included.
    plan = run("hotspotpatrol:patrolplan", {"HOTSPOTS": hotspots, "CRIMES": crimes, "TIME": "time",
                                            "MIDNIGHT_UNKNOWN": True, "START_DATE": "2024-06-03", "DAYS": 2,
                                            "TIMEZONE": "Europe/London", "OUTPUT": str(tmp_path / "plan.gpkg")})
    assert plan["RISK_WEIGHTED"] is True
    assert {f.geometry().asPoint().x() for f in QgsVectorLayer(plan["OUTPUT"]).getFeatures()} == {1000.0}


# --- time windows (aoristic) ----------------------------------------------------------------------

def _brute_force_profile(windows, zone):
    """Minute by minute over each window in real (UTC) minutes, credited to the local hour of the week."""
    counts = np.zeros(168)
    for start, end in windows:
        if end is None or end == start:
            counts[start.weekday() * 24 + start.hour] += 1
            continue
        first = start.replace(tzinfo=zone, fold=0).astimezone(datetime.timezone.utc)
        last = end.replace(tzinfo=zone, fold=0).astimezone(datetime.timezone.utc)
        minutes = int((last - first).total_seconds() // 60)
        if minutes >= 168 * 60:
            counts += 1 / 168
            continue
        for k in range(minutes):
            local = (first + datetime.timedelta(minutes=k)).astimezone(zone)
            counts[local.weekday() * 24 + local.hour] += 1 / minutes
    return counts


def test_aoristic_profile_matches_a_minute_by_minute_reference(run):
    zone = ZoneInfo("Europe/London")
    windows = [
        (datetime.datetime(2024, 3, 30, 22, 10), datetime.datetime(2024, 3, 31, 3, 40)),  # spring forward
        (datetime.datetime(2024, 10, 26, 23, 0), datetime.datetime(2024, 10, 27, 2, 30)),  # autumn back
        (datetime.datetime(2024, 5, 5, 21, 0), datetime.datetime(2024, 5, 6, 7, 0)),  # Sunday -> Monday
        (datetime.datetime(2024, 5, 10, 18, 0), datetime.datetime(2024, 5, 13, 9, 0)),  # a weekend burglary
        (datetime.datetime(2024, 5, 1, 12, 0), datetime.datetime(2024, 5, 9, 12, 0)),  # over a week: even
        (datetime.datetime(2024, 5, 2, 13, 17), None),  # a known time
        (datetime.datetime(2024, 5, 3, 8, 0), datetime.datetime(2024, 5, 3, 8, 0)),  # zero length
    ]
    crimes = point_layer([(1000.0, 1000.0)] * (len(windows) + 1), fields=[("t0", "datetime"), ("t1", "datetime")],
                         rows=[(qdatetime(a), qdatetime(b) if b else None) for a, b in windows]
                         + [(qdatetime(datetime.datetime(2024, 5, 4, 10)),
                             qdatetime(datetime.datetime(2024, 5, 4, 9)))])
    feedback = Recording()
    result = run("hotspotpatrol:temporalprofile", {
        "HOTSPOTS": square_hotspot(1000, 1000), "CRIMES": crimes, "TIME": "t0", "TIME_END": "t1",
        "TIMEZONE": "Europe/London", "OUTPUT": "memory:"}, feedback)
    counts = np.zeros(168)
    for row in result["OUTPUT"].getFeatures():
        day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday").index(row["weekday"])
        counts[day * 24 + row["hour"]] = row["crimes"]
    np.testing.assert_allclose(counts, _brute_force_profile(windows, zone), atol=1e-9)
    assert counts.sum() == pytest.approx(len(windows))
    assert any("1 crimes whose TIME_END is before their TIME were skipped" in w for w in feedback.warnings)


def test_grid_counts_windows_by_their_share_inside_the_period(run):
    def at(day, hour):
        return qdatetime(datetime.datetime(2024, 5, day, hour))
    crimes = point_layer([(10.0, 10.0)] * 4, fields=[("t0", "datetime"), ("t1", "datetime")], rows=[
        (at(10, 0), at(10, 12)),   # wholly inside
        (at(14, 12), at(15, 12)),  # half inside (the period ends on the 15th at 00:00)
        (at(20, 0), at(21, 0)),    # outside
        (at(12, 6), None),         # a known time inside
    ])
    result = run("hotspotpatrol:gridcrimes", {"INPUT": crimes, "TIME": "t0", "TIME_END": "t1",
                                              "START": "2024-05-08T00:00:00", "END": "2024-05-15T00:00:00",
                                              "OUTPUT": "memory:"})
    (cell,) = list(result["OUTPUT"].getFeatures())
    assert cell["count"] == 3 and cell["weight"] == pytest.approx(2.5)
    assert result["CRIMES_COUNTED"] == 3 and result["SKIPPED_OUTSIDE_PERIOD"] == 1
