"""Patrol plans: every constraint on constructed inputs, with known answers."""

import dataclasses
import datetime
import re
from collections import defaultdict
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from scipy import stats

from hotspot_patrol.core import design, plan_booking, schedule
from hotspot_patrol.core.errors import InputError
from hotspot_patrol.core.progress import Cancelled
from hotspot_patrol.core.temporal import hour_of_week

SHIFTS = "08:00-14:00,14:00-22:00,22:00-02:00"


def plan(n=10, spacing=400.0, risk=None, **overrides):
    options = {"first_day": datetime.date(2024, 5, 6), "days": 28, "timezone": "Europe/London",
               "shifts": schedule.parse_shifts(SHIFTS), "seed": 7}
    options.update(overrides)
    settings = schedule.PlanSettings(**options)
    ids = [f"H{k + 1}" for k in range(n)]
    return schedule.plan_patrols(ids, list(range(1, n + 1)), np.arange(n) * spacing, np.zeros(n), settings,
                                 risk=risk), settings


def local_minutes(visit):
    """Minutes after the patrol day's midnight, in wall-clock time."""
    start = visit["start"].replace(tzinfo=None)
    return int((start - datetime.datetime.combine(visit["date"], datetime.time())).total_seconds() // 60)


def test_parse_shifts():
    assert schedule.parse_shifts(SHIFTS) == [(480, 840), (840, 1320), (1320, 1560)]
    assert schedule.parse_shifts("00:00-24:00") == [(0, 1440)]
    with pytest.raises(ValueError, match="HH:MM-HH:MM"):
        schedule.parse_shifts("8-14")
    with pytest.raises(ValueError, match="impossible"):
        schedule.parse_shifts("25:00-26:00")


def test_durations_and_windows_including_across_midnight():
    result, settings = plan()
    assert result.visits
    windows = schedule.parse_shifts(SHIFTS)
    after_midnight = 0
    for visit in result.visits:
        assert visit["end"] - visit["start"] == datetime.timedelta(minutes=15)
        assert (visit["end"].astimezone(datetime.timezone.utc) - visit["start"].astimezone(datetime.timezone.utc)
                == datetime.timedelta(minutes=15))
        minute = local_minutes(visit)
        assert any(start <= minute and minute + 15 <= end for start, end in windows)
        if minute >= 1440:  # a 00:30 start belongs to the day before
            after_midnight += 1
            assert visit["start"].date() == visit["date"] + datetime.timedelta(days=1)
        assert visit["weekday"] == schedule.WEEKDAYS[visit["date"].weekday()]
    assert after_midnight > 0


def test_days_on_days_off_cycle_and_even_workload():
    result, _ = plan(n=6, days_on=3, days_off=3)
    days_by_hotspot = defaultdict(set)
    for visit in result.visits:
        days_by_hotspot[visit["hotspot_id"]].add(visit["date"])
    first = datetime.date(2024, 5, 6)
    for days in days_by_hotspot.values():
        pattern = "".join("1" if first + datetime.timedelta(days=k) in days else "0" for k in range(28))
        runs = [len(r) for r in pattern.strip("0").split("0") if r]
        gaps = [len(g) for g in pattern.strip("0").split("1") if g]
        assert all(r <= 3 for r in runs) and all(g == 3 for g in gaps)
        assert set(runs[1:-1]) <= {3}
    per_day = defaultdict(int)
    for visit in result.visits:
        per_day[visit["date"]] += 1
    assert max(per_day.values()) - min(per_day.values()) <= 1  # staggered phases: even load


def test_no_unit_is_double_booked_and_every_unit_can_travel():
    result, settings = plan(n=12, spacing=3000.0, visits_per_day=2, units=3)
    speed = settings.speed_kmh * 1000 / 60
    x_of = {f"H{k + 1}": k * 3000.0 for k in range(12)}
    by_unit = defaultdict(list)
    for visit in result.visits:
        by_unit[visit["unit"]].append(visit)
    for visits in by_unit.values():
        visits.sort(key=lambda v: v["start"])
        for before, after in zip(visits, visits[1:]):
            travel = datetime.timedelta(minutes=abs(x_of[after["hotspot_id"]] - x_of[before["hotspot_id"]]) / speed)
            assert before["end"] + travel <= after["start"]


def test_min_gap_and_no_repeat_on_consecutive_patrol_days():
    result, _ = plan(n=4, visits_per_day=3, min_gap=120, days_on=7, days_off=0)
    by_hotspot_day = defaultdict(list)
    for visit in result.visits:
        by_hotspot_day[(visit["hotspot_id"], visit["date"])].append(local_minutes(visit))
    for starts in by_hotspot_day.values():
        starts.sort()
        assert all(b - a >= 120 for a, b in zip(starts, starts[1:]))
    for (hotspot, day), starts in by_hotspot_day.items():
        previous = by_hotspot_day.get((hotspot, day - datetime.timedelta(days=1)), [])
        for minute in starts:
            assert all(abs((minute - p + 720) % 1440 - 720) > schedule.REPEAT_GUARD for p in previous)


def test_seed_reproducibility():
    first, _ = plan(seed=3)
    again, _ = plan(seed=3)
    other, _ = plan(seed=4)
    key = [(v["hotspot_id"], v["start"], v["unit"]) for v in first.visits]
    assert key == [(v["hotspot_id"], v["start"], v["unit"]) for v in again.visits]
    assert key != [(v["hotspot_id"], v["start"], v["unit"]) for v in other.visits]


def test_visits_land_in_the_risky_hours():
    risk = np.ones((10, 168))
    risky = [h for h in range(168) if h % 24 in (18, 19, 20)]
    risk[:, risky] = 8.0
    result, _ = plan(risk=risk, seed=11)
    starts = np.array([np.datetime64(v["start"].replace(tzinfo=None), "s") for v in result.visits])
    in_risky = np.isin(hour_of_week(starts) % 24, (18, 19, 20)).sum()
    # Under a uniform draw over the 18 hours of shifts, 3 of 18 hours would be risky.
    test = stats.binomtest(int(in_risky), len(result.visits), 3 / 18, alternative="greater")
    assert in_risky / len(result.visits) > 0.4 and test.pvalue < 1e-6
    assert all(v["risk"] == 8.0 for v in result.visits if v["start"].hour in (18, 19, 20))


def test_capacity_drops_the_lowest_ranks_first():
    # One unit, 20 hotspots 10 km apart at 20 km/h (30 minutes' travel), one short shift.
    result, _ = plan(n=20, spacing=10000.0, units=1, shifts=[(8 * 60, 10 * 60)], days=3, days_off=0)
    served = {v["rank"] for v in result.visits}
    dropped = {d["rank"] for d in result.dropped}
    assert dropped and served
    assert max(served) <= min(dropped) or np.mean(sorted(served)) < np.mean(sorted(dropped))
    assert all(d["reason"] == "capacity" for d in result.dropped)


def test_weekly_cap():
    result, _ = plan(n=1, visits_per_day=3, days_on=7, days_off=0, days=7, max_minutes_per_week=60)
    assert len(result.visits) == 4
    assert sum(1 for d in result.dropped if d["reason"] == "weekly cap") == 3 * 7 - 4


@pytest.mark.parametrize("zone, day", [("Europe/London", datetime.date(2024, 3, 30)),
                                       ("Europe/London", datetime.date(2024, 10, 26)),
                                       ("America/New_York", datetime.date(2024, 3, 9)),
                                       ("America/New_York", datetime.date(2024, 11, 2))])
def test_daylight_saving_changes(zone, day):
    result, _ = plan(n=30, spacing=100.0, timezone=zone, first_day=day, days=3, days_off=0, visits_per_day=4,
                     min_gap=60, units=10, shifts=[(0, 24 * 60)])
    tz = ZoneInfo(zone)
    for visit in result.visits:
        naive = visit["start"].replace(tzinfo=None)
        # Never a wall-clock time that does not exist; the offset written is the zone's.
        round_trip = naive.replace(tzinfo=tz).astimezone(datetime.timezone.utc).astimezone(tz)
        assert round_trip.replace(tzinfo=None) == naive
        assert visit["start"].utcoffset() == tz.utcoffset(naive)
        assert (visit["end"].astimezone(datetime.timezone.utc)
                - visit["start"].astimezone(datetime.timezone.utc)) == datetime.timedelta(minutes=15)


def test_icalendar_reads_back():
    result, _ = plan(n=3, days=2)
    text = schedule.to_ics(result.visits, lambda v: f"{v['hotspot_id']}, 51.54 0.71",
                           stamp=datetime.datetime(2024, 5, 1, tzinfo=datetime.timezone.utc))
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    unfolded = text.replace("\r\n ", "")
    events = unfolded.split("BEGIN:VEVENT")[1:]
    assert len(events) == len(result.visits)
    uids = set()
    for event, visit in zip(events, result.visits):
        fields = dict(line.split(":", 1) for line in event.split("\r\n") if ":" in line)
        start = datetime.datetime.strptime(fields["DTSTART"], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
        assert start == visit["start"]
        assert fields["SUMMARY"] == f"Patrol hotspot {visit['hotspot_id']} (unit {visit['unit']})"
        assert "\\," in fields["LOCATION"]
        uids.add(fields["UID"])
    assert len(uids) == len(events)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_bad_settings():
    with pytest.raises(ValueError, match="Unknown time zone"):
        plan(timezone="Mars/Olympus")
    with pytest.raises(InputError, match="long enough for a 15-minute patrol: the longest lasts 10 minutes. "
                                         "Lengthen a shift window or shorten the visits") as error:
        plan(shifts=[(600, 610), (700, 705)])
    assert error.value.settings == ("shifts", "patrol_minutes")
    plan(shifts=[(600, 615)])  # exactly one patrol long
    with pytest.raises(InputError, match="At least 1 unit must be on duty") as error:
        plan(units=0)
    assert error.value.setting == "units"


@pytest.mark.parametrize("setting", ["days", "patrol_minutes", "visits_per_day", "days_on", "days_off", "units",
                                     "min_gap", "speed_kmh"])
def test_a_setting_below_its_least_is_refused_naming_it(setting):
    settings = schedule.PlanSettings(first_day=datetime.date(2024, 1, 1), **{setting: -1})
    with pytest.raises(InputError) as error:
        settings.check()
    assert error.value.setting == setting and setting.upper() not in str(error.value)


def test_days_are_bounded_at_ten_years():
    settings = schedule.PlanSettings(first_day=datetime.date(2024, 1, 1), days=schedule.MAX_DAYS)
    settings.check()
    assert schedule.MAX_DAYS == 3660
    for days in (3661, 100000):
        settings.days = days
        with pytest.raises(InputError, match=rf"A plan of {days:,} days is more than the 3,660 days \(about 10 "
                                             r"years\) a plan may span") as error:
            settings.check()
        assert error.value.setting == "days"


def test_progress_is_reported_while_the_days_are_prepared_and_cancels():
    reports = []
    settings = schedule.PlanSettings(first_day=datetime.date(2024, 1, 1), days=365,
                                     shifts=schedule.parse_shifts(SHIFTS))
    schedule.plan_patrols(["H1", "H2"], [1, 2], [0.0, 400.0], [0.0, 0.0], settings,
                          progress=reports.append)
    assert reports == sorted(reports) and reports[-1] == 1.0
    assert sum(fraction < 0.2 + 1e-12 for fraction in reports) >= 12  # one per 30 of the 365 days
    with pytest.raises(Cancelled):  # stopped at the first report, a month into the days
        schedule.plan_patrols(["H1"], [1], [0.0], [0.0], settings, progress=lambda fraction: True)


def test_icalendar_with_hostile_hotspot_ids_has_one_event_per_visit():
    hostile = ["H1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected", "H2;,\\\x07", "Ünïcødé €uro 😀 " * 8]
    settings = schedule.PlanSettings(first_day=datetime.date(2024, 5, 6), days=4, shifts=schedule.parse_shifts(SHIFTS),
                                     timezone="Europe/London")
    result = schedule.plan_patrols(hostile, [1, 2, 3], [0.0, 400.0, 800.0], [0.0] * 3, settings)
    text = schedule.to_ics(result.visits, lambda v: f"{v['hotspot_id']}, 51.54 0.71",
                           stamp=datetime.datetime(2024, 5, 1, tzinfo=datetime.timezone.utc))
    data = text.encode("utf-8")
    assert b"\r" not in data.replace(b"\r\n", b"") and b"\n" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    lines = re.sub(r"\r\n[ \t]", "", text).split("\r\n")
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(result.visits) > 0
    summaries = [line[len("SUMMARY:"):] for line in lines if line.startswith("SUMMARY:")]
    assert len(summaries) == len(result.visits)
    for summary, visit in zip(summaries, result.visits):
        expected = f"Patrol hotspot {visit['hotspot_id']} (unit {visit['unit']})".replace("\r", "").replace("\x07", "")
        escaped = expected.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
        assert summary == escaped


def drops_for_capacity(ids, ranks, x, y, settings, risk=None):
    return sum(d["reason"] == schedule.CAPACITY
               for d in schedule.plan_patrols(ids, ranks, x, y, settings, risk=risk).dropped)


@pytest.mark.parametrize("n, days_off, expected", [(3, 0, 3), (6, 3, 3), (5, 1, 4), (7, 3, 4)])
def test_units_for_every_visit_when_each_visit_fills_the_only_shift(n, days_off, expected):
    # A 60-minute visit in a one-hour shift can only start at 08:00: each hotspot on patrol on the plan's one day
    # needs its own unit. Phases are staggered over the cycle of 3 days on and DAYS_OFF off (position * cycle // n);
    # a phase under 3 is on patrol on day 0: 6 hotspots, 3 off: phases 0-5, 3 on patrol; 5 hotspots, 1 off: phases
    # 0, 0, 1, 2, 3, 4 on patrol; 7 hotspots, 3 off: phases 0, 0, 1, 2, 3, 4, 5, 4 on patrol.
    ids, ranks = [f"H{k + 1}" for k in range(n)], list(range(1, n + 1))
    settings = schedule.PlanSettings(first_day=datetime.date(2024, 6, 3), days=1, shifts=[(480, 540)],
                                     patrol_minutes=60, days_off=days_off, units=1)
    x = y = np.zeros(n)
    assert schedule.units_for_every_visit(ids, ranks, x, y, settings) == expected
    assert drops_for_capacity(ids, ranks, x, y, dataclasses.replace(settings, units=expected - 1)) > 0
    assert drops_for_capacity(ids, ranks, x, y, dataclasses.replace(settings, units=expected)) == 0


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("spacing, visits_per_day, shifts", [(10000.0, 1, [(480, 600)]),
                                                             (3000.0, 3, [(480, 840)]),
                                                             (400.0, 2, [(480, 840), (1320, 1560)])])
def test_units_for_every_visit_agrees_with_a_search_of_every_count(seed, spacing, visits_per_day,
                                                                               shifts):
    n = 12
    ids, ranks, x, y = [f"H{k + 1}" for k in range(n)], list(range(1, n + 1)), np.arange(n) * spacing, np.zeros(n)
    risk = np.random.default_rng(seed).gamma(2.0, 0.5, (n, 168))
    settings = schedule.PlanSettings(first_day=datetime.date(2024, 3, 25), days=10, shifts=shifts,
                                     visits_per_day=visits_per_day, days_off=1, min_gap=60, units=1, seed=seed)
    def drops(units):
        return drops_for_capacity(ids, ranks, x, y, dataclasses.replace(settings, units=units), risk)
    fewest = next(units for units in range(1, 200) if drops(units) == 0)
    assert fewest > 1
    found = schedule.units_for_every_visit(ids, ranks, x, y, settings, risk=risk)
    # Verified both ways, and never fewer than the fewest a search of every count finds.
    assert drops(found) == 0 and drops(found - 1) > 0 and found >= fewest
    assert found == fewest or any(drops(units) > 0 for units in range(fewest, found))  # only when not monotonic
    assert schedule.units_for_every_visit(ids, ranks, x, y, dataclasses.replace(settings, units=fewest),
                                          risk=risk) == fewest


def test_units_for_every_visit_is_none_when_the_drops_are_where_the_risk_is_zero():
    # The second hotspot's risk is zero in every hour: no start can be drawn for it, whatever the units.
    settings = schedule.PlanSettings(first_day=datetime.date(2024, 6, 3), days=3, days_off=0, units=1)
    risk = np.ones((2, 168))
    risk[1] = 0.0
    assert drops_for_capacity(["a", "b"], [1, 2], [0, 0], [0, 0], settings, risk) == 3
    assert schedule.units_for_every_visit(["a", "b"], [1, 2], [0, 0], [0, 0], settings, risk=risk) is None


def test_units_for_every_visit_reports_progress_forwards_and_cancels():
    settings = schedule.PlanSettings(first_day=datetime.date(2024, 6, 3), days=6, shifts=[(480, 540)],
                                     patrol_minutes=60, days_off=0, units=1)
    reports = []
    assert schedule.units_for_every_visit(list("abcd"), [1, 2, 3, 4], np.zeros(4), np.zeros(4), settings,
                                          progress=reports.append) == 4
    assert reports == sorted(reports) and 0 <= reports[0] and reports[-1] < 1
    with pytest.raises(Cancelled):
        schedule.units_for_every_visit(list("abcd"), [1, 2, 3, 4], np.zeros(4), np.zeros(4), settings,
                                       progress=lambda fraction: True)


# --- the patrol-day designs -------------------------------------------------------------------------------


def hotspot_days(visits):
    return {(visit["hotspot_id"], visit["date"]) for visit in visits}


def assigned_days(result):
    return {(hotspot_id, day) for hotspot_id, row in zip(result.hotspot_ids, result.assigned)
            for day, assigned in zip(result.days, row) if assigned}


def test_the_cycles_assignment_is_the_staggered_cycles_by_rank_and_the_visited_days():
    ranks = [3, 1, 4, 2]  # booked (and phased) in rank order: H2, H4, H1, H3
    settings = schedule.PlanSettings(first_day=datetime.date(2024, 5, 6), days=20, days_on=2, days_off=3,
                                     units=4, seed=2)
    result = schedule.plan_patrols(["H1", "H2", "H3", "H4"], ranks, [0, 400, 800, 1200], [0] * 4, settings)
    first = settings.first_day
    expected = set()
    for position, hotspot_id in enumerate(["H2", "H4", "H1", "H3"]):
        phase = position * 5 // 4
        expected |= {(hotspot_id, first + datetime.timedelta(days=k)) for k in range(20) if (k + phase) % 5 < 2}
    assert result.dropped == []
    assert assigned_days(result) == expected == hotspot_days(result.visits)
    assert result.hotspot_ids == ["H1", "H2", "H3", "H4"] and result.days[0] == first and len(result.days) == 20


def test_randomised_place_days_get_visits_only_and_all_when_units_suffice():
    result, settings = plan(n=6, units=6, design="randomised", days_on=2, days_off=5, visits_per_day=2)
    assert result.dropped == []
    assert hotspot_days(result.visits) == assigned_days(result)
    assert all(sum(v["hotspot_id"] == h and v["date"] == d for v in result.visits) == 2
               for h, d in assigned_days(result))
    # The assignment is the core design's for these days, blocks, weekday and seed.
    assert np.array_equal(result.assigned, design.randomised_days(6, 28, 2, 5, settings.first_day.weekday(), 7))
    # ... which is not the cycles' (the default design).
    cycles, _ = plan(n=6, units=6, days_on=2, days_off=5, visits_per_day=2)
    assert not np.array_equal(cycles.assigned, result.assigned)
    assert result.assigned_days_without_visit() == 0


@pytest.mark.parametrize("chosen", [schedule.CYCLES, "randomised"])
def test_assigned_days_whose_visits_were_all_dropped_stay_assigned(chosen):
    # Twelve hotspots at one place, one unit and a four-hour shift of one-hour visits: at most 4 visits a
    # day for about 6 hotspots assigned each day.
    result, _ = plan(n=12, spacing=0.0, units=1, shifts=[(480, 720)], patrol_minutes=60, days=14, design=chosen)
    visited = hotspot_days(result.visits)
    assert len(result.visits) <= 4 * 14
    unvisited = assigned_days(result) - visited
    assert visited <= assigned_days(result)
    assert len(unvisited) == int(result.assigned.sum()) - len(visited) > 14
    assert result.assigned_days_without_visit() == len(unvisited)
    assert unvisited <= {(drop["hotspot_id"], drop["date"]) for drop in result.dropped}
    assert any(drop["reason"] == schedule.CAPACITY for drop in result.dropped)


def test_a_plan_with_no_rest_days_patrols_every_day_in_both_designs():
    for chosen in schedule.DESIGNS:
        result, _ = plan(n=3, days=5, days_off=0, units=3, design=chosen)
        assert result.assigned.all() and len(hotspot_days(result.visits)) == 15


def test_an_unknown_design_is_refused():
    with pytest.raises(InputError, match="Unknown patrol-day design 'latin'") as error:
        plan(design="latin")
    assert error.value.setting == "design"


@pytest.mark.filterwarnings("ignore:invalid value encountered")
def test_risks_choice_refuses_are_still_refused():
    for bad in (-1.0, np.nan, np.inf):
        risk = np.ones((3, 168))
        risk[:, ::24] = bad  # midnight, inside the night shift
        assert plan_booking.Draws(np.random.default_rng(0), risk, 1).checked
        with pytest.raises(ValueError, match="(?i)probabilities"):
            plan(n=3, days=2, risk=risk)


@pytest.mark.parametrize("overrides", [{"n": 10, "visits_per_day": 3, "units": 2, "days_off": 0, "min_gap": 60},
                                       {"n": 12, "spacing": 3000.0, "visits_per_day": 2, "units": 3,
                                        "design": "randomised", "max_minutes_per_week": 60},
                                       {"n": 20, "spacing": 10000.0, "units": 1, "shifts": [(480, 600)], "days": 5}])
def test_plans_are_those_drawn_by_generator_choice(monkeypatch, overrides):
    risk = np.random.default_rng(4).gamma(2.0, 0.5, (overrides["n"], 168))
    fast, _ = plan(risk=risk, **overrides)
    checked_init = plan_booking.Draws.__init__

    def always_checked(self, rng, risk, attempts):
        checked_init(self, rng, risk, attempts)
        self.checked = True

    monkeypatch.setattr(plan_booking.Draws, "__init__", always_checked)
    by_choice, _ = plan(risk=risk, **overrides)
    assert fast.visits and fast.visits == by_choice.visits and fast.dropped == by_choice.dropped
