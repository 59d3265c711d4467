"""Qt's time-zone data as a tzinfo, for QGIS installs whose Python has no tz database (Windows)."""

import datetime
import zoneinfo

import pytest
from qgis.core import QgsProcessingException

from hotspot_patrol.algorithms import time_zones
from hotspot_patrol.algorithms.time_zones import QtTimeZone, time_zone
from hotspot_patrol.core import schedule

UTC = datetime.timezone.utc
# The spring and autumn changes of 2024, and a zone without daylight saving.
CASES = [("Europe/London", datetime.date(2024, 3, 30)), ("Europe/London", datetime.date(2024, 10, 26)),
         ("America/New_York", datetime.date(2024, 3, 9)), ("America/New_York", datetime.date(2024, 11, 2)),
         ("Asia/Kolkata", datetime.date(2024, 6, 1))]


def wall_times(first_day, days=3, step_minutes=15):
    start = datetime.datetime.combine(first_day, datetime.time())
    return [start + datetime.timedelta(minutes=m) for m in range(0, days * 1440, step_minutes)]


@pytest.mark.parametrize("name, first_day", CASES)
def test_wall_time_offsets_match_zoneinfo_including_gaps_and_repeats(name, first_day):
    ours, reference = QtTimeZone(name), zoneinfo.ZoneInfo(name)
    for wall in wall_times(first_day):
        for fold in (0, 1):
            assert (wall.replace(tzinfo=ours, fold=fold).utcoffset()
                    == wall.replace(tzinfo=reference, fold=fold).utcoffset()), (wall, fold)


@pytest.mark.parametrize("name, first_day", CASES)
def test_instants_convert_to_the_same_wall_time_and_fold_as_zoneinfo(name, first_day):
    ours, reference = QtTimeZone(name), zoneinfo.ZoneInfo(name)
    for wall in wall_times(first_day):
        instant = wall.replace(tzinfo=UTC)
        mine, theirs = instant.astimezone(ours), instant.astimezone(reference)
        assert (mine.replace(tzinfo=None), mine.fold) == (theirs.replace(tzinfo=None), theirs.fold)
        assert mine.utcoffset() == theirs.utcoffset()
        assert mine.dst() == theirs.dst()
        assert mine.astimezone(UTC) == instant


def test_plans_across_daylight_saving_are_identical_with_either_zone_data():
    for name, first_day in CASES[:4]:
        plans = []
        for zone in (name, QtTimeZone(name)):
            settings = schedule.PlanSettings(first_day=first_day - datetime.timedelta(days=2), days=5,
                                             timezone=zone, shifts=schedule.parse_shifts("00:00-23:59"),
                                             visits_per_day=4, min_gap=60, seed=3)
            plans.append(schedule.plan_patrols(["a", "b"], [1, 2], [0, 500], [0, 0], settings).visits)
        assert [(v["start"].isoformat(), v["end"].isoformat()) for v in plans[0]] == \
            [(v["start"].isoformat(), v["end"].isoformat()) for v in plans[1]]


def test_time_zone_falls_back_to_qt_when_python_has_no_zone_data(monkeypatch):
    def no_data(name):
        raise zoneinfo.ZoneInfoNotFoundError(name)
    monkeypatch.setattr(time_zones, "ZoneInfo", no_data)
    zone = time_zone("America/Chicago")
    assert isinstance(zone, QtTimeZone) and str(zone) == "America/Chicago"
    assert datetime.datetime(2024, 7, 1, 12, tzinfo=zone).utcoffset() == datetime.timedelta(hours=-5)
    with pytest.raises(QgsProcessingException, match="Unknown time zone 'Mars/Olympus'"):
        time_zone("Mars/Olympus")


def test_patrol_plan_runs_on_qt_zone_data(run, monkeypatch, tmp_path):
    def no_data(name):
        raise zoneinfo.ZoneInfoNotFoundError(name)
    import processing
    hotspots = tmp_path / "hotspots.gpkg"
    from helpers import SAMPLE_DATA
    processing.run("hotspotpatrol:rankhotspots", {"INPUT": str(SAMPLE_DATA / "chicago_crimes_2024.gpkg"),
                                                  "TOP_N": 3, "OUTPUT": str(hotspots)})
    parameters = {"HOTSPOTS": str(hotspots), "START_DATE": "2024-03-08", "DAYS": 4,
                  "TIMEZONE": "America/Chicago", "SEED": 5, "OUTPUT": "memory:"}
    expected = [f["start_local"] for f in run("hotspotpatrol:patrolplan", parameters)["OUTPUT"].getFeatures()]
    monkeypatch.setattr(time_zones, "ZoneInfo", no_data)
    fallback = [f["start_local"] for f in run("hotspotpatrol:patrolplan", parameters)["OUTPUT"].getFeatures()]
    assert fallback == expected and len(expected) > 0
    assert any(text.endswith("-05:00") for text in expected) and any(text.endswith("-06:00") for text in expected)
