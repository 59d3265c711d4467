"""The planner's machinery gives the plans of a plain planner, and Generator.choice's draws."""

import datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from hotspot_patrol.core import design, plan_booking, schedule
from hotspot_patrol.core.temporal import hour_of_week

UTC = datetime.timezone.utc
MICROSECOND = datetime.timedelta(microseconds=1)
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)


def plain_plan(ids, ranks, x, y, settings, risk=None):
    """The plan as the planner's rules say, written plainly: every start, mask and travel time computed
    when needed, draws by ``Generator.choice``, each unit's visits in one list."""
    zone = ZoneInfo(settings.timezone)
    n = len(ids)
    weighted, risk = risk is not None, np.ones((n, 168)) if risk is None else risk
    rng = np.random.default_rng(settings.seed)
    days = [settings.first_day + datetime.timedelta(days=k) for k in range(settings.days)]
    order = sorted(range(n), key=lambda i: (ranks[i], str(ids[i])))
    assigned = (design.randomised_days(n, settings.days, settings.days_on, settings.days_off,
                                       settings.first_day.weekday(), settings.seed)
                if settings.design == design.RANDOMISED else
                design.cycle_days(n, settings.days, settings.days_on, settings.days_off, order=order))
    minutes = sorted({minute for start, end in settings.shifts
                      for minute in range(start, end - settings.patrol_minutes + 1, 5)})
    patrol = datetime.timedelta(minutes=settings.patrol_minutes)
    speed = settings.speed_kmh * 1000.0 / 60.0
    timelines = [[] for _ in range(settings.units)]  # per unit: (start, end, hotspot) in microseconds
    gap = max(settings.min_gap, settings.patrol_minutes)
    booked, dropped, weekly = [], [], {}

    def travel(a, b):
        distance = float(np.hypot(x[a] - x[b], y[a] - y[b]))
        return datetime.timedelta(minutes=distance / speed) // MICROSECOND

    def book(i, start, end):
        start, end = (start - EPOCH) // MICROSECOND, (end - EPOCH) // MICROSECOND
        for unit in sorted(range(settings.units), key=lambda u: (len(timelines[u]), u)):
            line = timelines[unit]
            before = [visit for visit in line if visit[0] <= start]
            after = [visit for visit in line if visit[0] > start]
            if before and before[-1][1] + travel(before[-1][2], i) > start:
                continue
            if after and end + travel(after[0][2], i) > after[0][0]:
                continue
            line.insert(len(before), (start, end, i))
            return unit
        return None

    for i in order:
        previous = []
        for day_index in np.flatnonzero(assigned[i]):
            day = days[day_index]
            local, instants, hours = plain_starts(day, minutes, zone)
            weights = risk[i, hours]
            allowed = np.ones(local.size, dtype=bool)
            for minute in previous:
                allowed &= np.abs((local - minute + 720) % 1440 - 720) > schedule.REPEAT_GUARD
            chosen, week = [], day - datetime.timedelta(days=day.weekday())
            for _ in range(settings.visits_per_day):
                if (settings.max_minutes_per_week is not None
                        and weekly.get((i, week), 0) + settings.patrol_minutes > settings.max_minutes_per_week):
                    dropped.append((ids[i], ranks[i], day, "weekly cap"))
                    continue
                taken = plain_draw(rng, np.where(allowed, weights, 0.0), book, i, instants, patrol)
                if taken is None:
                    dropped.append((ids[i], ranks[i], day, schedule.CAPACITY if allowed.any()
                                    else "no free time in the shifts"))
                    continue
                k, unit = taken
                chosen.append(int(local[k]))
                allowed &= np.abs(local - chosen[-1]) >= gap
                weekly[(i, week)] = weekly.get((i, week), 0) + settings.patrol_minutes
                booked.append((instants[k], unit, ids[i], ranks[i], day, weights[k] if weighted else None))
            if chosen:
                previous = chosen
    booked.sort(key=lambda visit: (visit[0], visit[1]))
    visits = [(number, hotspot_id, rank, unit + 1, day, instant.astimezone(zone).isoformat(),
               (instant + patrol).astimezone(zone).isoformat(), risk_value)
              for number, (instant, unit, hotspot_id, rank, day, risk_value) in enumerate(booked, start=1)]
    return visits, dropped


def plain_starts(day, minutes, zone):
    """The day's starts that exist in the zone: local minutes, UTC instants and hours of the week."""
    midnight = datetime.datetime.combine(day, datetime.time())
    local, instants = [], []
    for minute in minutes:
        naive = midnight + datetime.timedelta(minutes=minute)
        instant = naive.replace(tzinfo=zone).astimezone(UTC)
        if instant.astimezone(zone).replace(tzinfo=None) == naive:
            local.append(minute)
            instants.append(instant)
    local = np.array(local, dtype=np.int64)
    return local, instants, hour_of_week(np.datetime64(midnight, "s") + local * np.timedelta64(60, "s"))


def plain_draw(rng, p, book, hotspot, instants, patrol):
    """Draws by ``Generator.choice`` until ``book`` gives a unit for a visit to ``hotspot`` at one of the
    ``instants``: (index, unit), or None."""
    for _ in range(schedule.ATTEMPTS):
        if p.sum() <= 0:
            return None
        k = int(rng.choice(p.size, p=p / p.sum()))
        unit = book(hotspot, instants[k], instants[k] + patrol)
        if unit is not None:
            return k, unit
        p[k] = 0.0
    return None


def planned(ids, ranks, x, y, settings, risk=None):
    plan = schedule.plan_patrols(ids, ranks, x, y, settings, risk=risk)
    visits = [(v["visit_id"], v["hotspot_id"], v["rank"], v["unit"], v["date"], v["start"].isoformat(),
               v["end"].isoformat(), v["risk"]) for v in plan.visits]
    for v in plan.visits:
        assert v["weekday"] == schedule.WEEKDAYS[v["date"].weekday()] and v["minutes"] == settings.patrol_minutes
        assert v["start"].tzinfo == v["end"].tzinfo == ZoneInfo(settings.timezone)
    return visits, [(d["hotspot_id"], d["rank"], d["date"], d["reason"]) for d in plan.dropped]


SHIFTS = schedule.parse_shifts(schedule.DEFAULT_SHIFTS)
PLANS = {  # name: (hotspots, metres apart, risk seed or None, settings)
    "a week, risk": (8, 400.0, 1, dict(days=7, days_off=0, visits_per_day=3, units=3)),
    "few units, far apart": (12, 3000.0, 2, dict(days=6, visits_per_day=2, units=2, days_on=2, days_off=1)),
    "one short shift": (10, 10000.0, None, dict(days=4, days_off=0, units=1, shifts=[(480, 600)])),
    "clocks go forward": (6, 100.0, 3, dict(first_day=datetime.date(2024, 3, 30), days=3, days_off=0,
                                            visits_per_day=4, min_gap=60, units=3, shifts=[(0, 1440)])),
    "clocks go back": (6, 100.0, 4, dict(first_day=datetime.date(2024, 10, 26), days=3, days_off=0,
                                         visits_per_day=4, min_gap=60, units=3, timezone="America/New_York")),
    "randomised, capped": (6, 800.0, 5, dict(days=14, design="randomised", days_on=3, days_off=2,
                                             visits_per_day=3, units=2, max_minutes_per_week=90)),
    "hours without risk": (5, 400.0, "zeros", dict(days=5, days_off=0, visits_per_day=3, units=2, min_gap=30,
                                                   shifts=schedule.parse_shifts("09:00-12:00,20:00-21:00"))),
    "no room for a second visit": (3, 400.0, 6, dict(days=3, days_off=0, visits_per_day=2, units=2,
                                                     shifts=[(540, 600)])),
}


@pytest.mark.parametrize("name", PLANS)
def test_plans_are_those_of_a_plain_planner(name):
    n, spacing, risk_seed, overrides = PLANS[name]
    options = dict(first_day=datetime.date(2024, 5, 6), timezone="Europe/London", shifts=SHIFTS, seed=7)
    settings = schedule.PlanSettings(**{**options, **overrides})
    ids, ranks = [f"H{k + 1}" for k in range(n)], [1 + k // 2 for k in range(n)]  # tied ranks: ids break ties
    x, y = np.arange(n) * spacing, (np.arange(n) % 3) * spacing
    risk = None if risk_seed is None else np.random.default_rng(
        risk_seed if risk_seed != "zeros" else 0).gamma(2.0, 0.5, (n, 168))
    if risk_seed == "zeros":
        risk[:, [h for h in range(168) if h % 24 in (9, 10)]] = 0.0
        risk[-1] = 0.0
    visits, dropped = planned(ids, ranks, x, y, settings, risk)
    assert visits
    assert (visits, dropped) == plain_plan(ids, ranks, x, y, settings, risk)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_draws_are_those_of_generator_choice(seed):
    # The planner finds risk-weighted draws without Generator.choice's checks; each must be the index choice
    # draws from the same generator state, zero weights and ties included.
    weights = np.random.default_rng(seed + 100).gamma(0.5, 1.0, (1500, 216))
    weights[weights < 0.2] = 0.0
    weights[:, 7] = weights[:, 8]
    weights[::100] = 0.0  # no weight: no draw, and no uniform used
    draws = plan_booking.Draws(np.random.default_rng(seed), weights, schedule.ATTEMPTS)
    reference = np.random.default_rng(seed)
    assert not draws.checked
    for p in weights:
        if p.sum() == 0:
            assert draws.index(p) is None
        else:
            assert draws.index(p) == reference.choice(p.size, p=p / p.sum())


@pytest.mark.parametrize("scale", [1.0, 1e-290, 1e-200, 1e200, 1e290])
@pytest.mark.parametrize("nudge", [-1e-12, -1e-15, 0.0, 1e-15, 1e-12])
def test_draws_that_fall_at_the_end_of_an_interval_are_those_of_generator_choice(scale, nudge):
    # The uniform falls on the edge between two starts, within rounding: the draw must add up as choice does.
    uniform = np.random.default_rng(5).random()
    for p in ([uniform + nudge, 1.0 - uniform], [0.0, uniform, 0.0, 0.5 - uniform / 2 + nudge, 0.5 - uniform / 2],
              [uniform / 3] * 3 + [1.0 - uniform + nudge, 0.0]):
        p = np.array(p) * scale
        assert plan_booking.Draws(np.random.default_rng(5), p, 1).index(p) == \
            np.random.default_rng(5).choice(p.size, p=p / p.sum())


def test_the_days_starts_skip_the_hour_the_clocks_skip():
    zone = ZoneInfo("Europe/London")
    days = [datetime.date(2024, 3, 30) + datetime.timedelta(days=k) for k in range(3)]
    table = plan_booking.Days(days, SHIFTS, 15, 5, zone)
    # The night shift of the 30th loses its starts at 01:00-01:45 on the 31st; the 31st and the 1st keep theirs.
    assert table.local[1] is table.local[2] and table.local[0] is not table.local[1]
    assert sorted(set(table.local[1].tolist()) - set(table.local[0].tolist())) == list(range(1500, 1550, 5))
    assert len(table.starts) == table.all_utc_us.size == table.all_hours.size == sum(map(len, table.local))
    for day_index, day in enumerate(days):
        midnight = datetime.datetime.combine(day, datetime.time())
        local = table.local[day_index]
        number = np.arange(local.size) + table.first[day_index]
        np.testing.assert_array_equal(table.hours[table.pattern[day_index]],
                                      hour_of_week(np.datetime64(midnight, "s") + local * np.timedelta64(60, "s")))
        np.testing.assert_array_equal(table.all_hours[number], table.hours[table.pattern[day_index]])
        for g, minute, us in zip(number, local.tolist(), table.utc_us[day_index]):
            start = (midnight + datetime.timedelta(minutes=minute)).replace(tzinfo=zone)
            assert table.starts[g] == start and table.starts[g].replace(tzinfo=None) == start.replace(tzinfo=None)
            assert table.all_utc_us[g] == us == start.timestamp() * 1e6
            end = (start.astimezone(UTC) + datetime.timedelta(minutes=15)).astimezone(zone)  # 00:45 ends at 02:00
            assert table.ends(np.array([g]), 15 * 60 * 10**6, zone)[0].isoformat() == end.isoformat()
