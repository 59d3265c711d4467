"""The CSV table, routes and summaries of a plan's visits, against hand-written answers."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

from hotspot_patrol.core import plan_tables

LONDON = ZoneInfo("Europe/London")
DAY = datetime.date(2024, 6, 3)


def visit(visit_id, hotspot_id, unit, hour, minute=0, day=DAY, minutes=15, risk=None, rank=1):
    start = datetime.datetime.combine(day, datetime.time(hour, minute), LONDON)
    return {"visit_id": visit_id, "hotspot_id": hotspot_id, "rank": rank, "unit": unit, "date": day,
            "weekday": day.strftime("%A"), "start": start, "end": start + datetime.timedelta(minutes=minutes),
            "minutes": minutes, "risk": risk}


def test_csv_has_a_row_per_visit_with_safe_text_and_numbers_as_numbers():
    visits = [visit(1, "=HYPERLINK(1)", 2, 9, 5, risk=1.23456), visit(2, "B", 1, 23, 50)]
    places = {"=HYPERLINK(1)": (1000.04, 250.06, 51.5, -0.1234567), "B": (-12.0, 0.0, 51.25, 0.5)}
    text = plan_tables.visits_csv(visits, places)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        list(plan_tables.CSV_COLUMNS),
        ["1", "'=HYPERLINK(1)", "1", "2", "2024-06-03", "Monday", "2024-06-03T09:05+01:00",
         "2024-06-03T09:20+01:00", "15", "1.235", "1000.0", "250.1", "51.500000", "-0.123457"],
        ["2", "B", "1", "1", "2024-06-03", "Monday", "2024-06-03T23:50+01:00", "2024-06-04T00:05+01:00", "15", "",
         "-12.0", "0.0", "51.250000", "0.500000"]]
    assert text.endswith("\r\n") and text.count("\r\n") == 3


def test_csv_of_no_visits_is_the_header():
    assert plan_tables.visits_csv([], {}) == ",".join(plan_tables.CSV_COLUMNS) + "\r\n"


def test_routes_are_each_units_day_in_order_of_start():
    tuesday = DAY + datetime.timedelta(days=1)
    visits = [visit(1, "A", 2, 14), visit(2, "B", 1, 9), visit(3, "C", 2, 8), visit(4, "D", 1, 8, day=tuesday),
              visit(5, "E", 1, 7)]
    routes = [(unit, day, [v["hotspot_id"] for v in stops]) for unit, day, stops in plan_tables.routes(visits)]
    assert routes == [(1, DAY, ["E", "B"]), (1, tuesday, ["D"]), (2, DAY, ["C", "A"])]
    assert plan_tables.routes([]) == []


def test_minutes_by_hotspot_and_unit_in_order_of_first_visit():
    visits = [visit(1, "B", 2, 9), visit(2, "A", 1, 10, minutes=20), visit(3, "B", 1, 11), visit(4, "C", 2, 12)]
    assert list(plan_tables.minutes_by(visits, "hotspot_id").items()) == [("B", 30), ("A", 20), ("C", 15)]
    assert list(plan_tables.minutes_by(visits, "unit").items()) == [(2, 30), (1, 35)]
    assert plan_tables.minutes_by([], "unit") == {}


def test_dropped_by_reason_counts_every_drop_and_names_each_rank_once_in_numeric_order():
    dropped = [{"hotspot_id": hotspot_id, "rank": rank, "reason": reason} for hotspot_id, rank, reason in (
        ("J", 10, "weekly cap"), ("I", 9, "capacity"), ("J", 10, "capacity"), ("I", 9, "capacity"),
        ("B", 2, "weekly cap"))]
    assert list(plan_tables.dropped_by_reason(dropped).items()) == [
        ("weekly cap", (2, [2, 10])), ("capacity", (3, [9, 10]))]
    assert plan_tables.dropped_by_reason([]) == {}


def test_rank_ranges_are_runs_of_consecutive_ranks_in_numeric_order():
    assert plan_tables.rank_ranges(range(20, 10, -1)) == "11\u201320"
    assert plan_tables.rank_ranges([2, 20, 3, 1, 10, 11, 10, 7]) == "1\u20133, 7, 10\u201311, 20"
    assert plan_tables.rank_ranges([5]) == "5"
    assert plan_tables.rank_ranges([]) == ""
