"""Stays from GPS pings and compliance with a patrol plan, on trails with known answers."""

import numpy as np
import pytest

from hotspot_patrol.core import dosage

T0 = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC
MINUTE = 60.0


def at(minutes):
    """Epoch seconds ``minutes`` after T0."""
    return T0 + np.asarray(minutes, dtype=float) * MINUTE


def trail(unit, minutes, hotspot):
    """A trail of one unit (int) or several (list): arrays for find_stays."""
    minutes = np.asarray(minutes, dtype=float)
    unit = np.broadcast_to(np.asarray(unit), minutes.shape)
    return np.asarray(unit), at(minutes), np.asarray(hotspot)


def as_rows(stays):
    """The stays as (unit, hotspot, start minute, end minute, minutes, pings) tuples."""
    return [(int(u), int(h), float((s - T0) / MINUTE), float((e - T0) / MINUTE), float(m), int(p))
            for u, h, s, e, m, p in zip(stays.unit, stays.hotspot, stays.start, stays.end, stays.minutes,
                                        stays.pings)]


# --------------------------------------------------------------------------------------------- find_stays

def test_unit_enters_stays_and_leaves():
    # Pings every minute: outside 0-4, in hotspot 3 at 5-20, outside 21-30.
    minutes = np.arange(31)
    hotspot = np.where((minutes >= 5) & (minutes <= 20), 3, -1)
    stays = dosage.find_stays(*trail(0, minutes, hotspot))
    # From the first to the last ping inside: 15 minutes, not the 16-17 the unit may really have spent.
    assert as_rows(stays) == [(0, 3, 5.0, 20.0, 15.0, 16)]
    assert stays.start.dtype == np.float64 and stays.unit.dtype == np.int64 and len(stays) == 1


def test_gap_longer_than_max_gap_splits_the_stay():
    minutes = np.r_[np.arange(0, 11), np.arange(16, 27)]  # a 6-minute silence between 10 and 16
    stays = dosage.find_stays(*trail(0, minutes, np.full(minutes.size, 1)), max_gap_minutes=5)
    assert as_rows(stays) == [(0, 1, 0.0, 10.0, 10.0, 11), (0, 1, 16.0, 26.0, 10.0, 11)]
    # Allowing 6 minutes bridges the same gap.
    bridged = dosage.find_stays(*trail(0, minutes, np.full(minutes.size, 1)), max_gap_minutes=6)
    assert as_rows(bridged) == [(0, 1, 0.0, 26.0, 26.0, 22)]


def test_gap_up_to_max_gap_does_not_split_the_stay():
    minutes = np.r_[np.arange(0, 11), np.arange(15, 26)]  # exactly 5 minutes between 10 and 15
    stays = dosage.find_stays(*trail(0, minutes, np.full(minutes.size, 1)), max_gap_minutes=5)
    assert as_rows(stays) == [(0, 1, 0.0, 25.0, 25.0, 22)]


def test_limits_are_compared_to_the_millisecond():
    # 4.1 minutes is 245.99999999999997 s in float64: pings 246 s apart must still be within a 4.1-minute gap,
    # and a stay of 246 s must still be 4.1 minutes long.
    assert 4.1 * 60 < 246
    times = T0 + np.arange(10) * 246.0
    stays = dosage.find_stays(np.zeros(10, int), times, np.zeros(10, int), max_gap_minutes=4.1, min_minutes=9 * 4.1)
    assert len(stays) == 1 and stays.pings[0] == 10
    assert stays.minutes[0] == pytest.approx(9 * 4.1)
    # A millisecond more is a gap too long.
    times[5:] += 0.002
    assert len(dosage.find_stays(np.zeros(10, int), times, np.zeros(10, int), max_gap_minutes=4.1,
                                 min_minutes=0)) == 2


def test_pings_out_of_order_give_the_same_stays():
    unit = np.r_[np.zeros(31, int), np.ones(31, int)]
    minutes = np.r_[np.arange(31), np.arange(31) + 0.5]
    hotspot = np.r_[np.where((np.arange(31) >= 5) & (np.arange(31) <= 20), 3, -1),
                    np.where(np.arange(31) < 12, 0, 2)]
    expected = [(1, 0, 0.5, 11.5, 11.0, 12), (0, 3, 5.0, 20.0, 15.0, 16), (1, 2, 12.5, 30.5, 18.0, 19)]
    assert as_rows(dosage.find_stays(unit, at(minutes), hotspot)) == expected
    rng = np.random.default_rng(7)
    for _ in range(5):
        shuffle = rng.permutation(unit.size)
        assert as_rows(dosage.find_stays(unit[shuffle], at(minutes)[shuffle], hotspot[shuffle])) == expected


def test_two_units_in_one_hotspot_at_once_give_two_stays():
    unit = np.r_[np.full(11, 1), np.full(21, 0)]
    minutes = np.r_[np.arange(0, 11), np.arange(0, 21)]
    stays = dosage.find_stays(unit, at(minutes), np.full(unit.size, 4))
    # Same start: sorted by unit.
    assert as_rows(stays) == [(0, 4, 0.0, 20.0, 20.0, 21), (1, 4, 0.0, 10.0, 10.0, 11)]


def test_unit_moving_directly_from_one_hotspot_to_another():
    minutes = np.arange(0, 21)
    hotspot = np.where(minutes <= 10, 1, 2)
    stays = dosage.find_stays(*trail(0, minutes, hotspot))
    # The minute between the last ping in 1 and the first in 2 belongs to neither.
    assert as_rows(stays) == [(0, 1, 0.0, 10.0, 10.0, 11), (0, 2, 11.0, 20.0, 9.0, 10)]


def test_stays_shorter_than_min_minutes_are_dropped():
    minutes = np.r_[0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 30]
    hotspot = np.r_[[5] * 5, [6] * 6, -1]
    # Hotspot 5 for 4 minutes, hotspot 6 for exactly 5.
    assert as_rows(dosage.find_stays(*trail(0, minutes, hotspot))) == [(0, 6, 10.0, 15.0, 5.0, 6)]
    assert len(dosage.find_stays(*trail(0, minutes, hotspot), min_minutes=4)) == 2
    assert len(dosage.find_stays(*trail(0, minutes, hotspot), min_minutes=5.01)) == 0
    # min_minutes=0 keeps a single ping as a stay of 0 minutes.
    single = dosage.find_stays(*trail(0, [0, 1, 2], [-1, 7, -1]), min_minutes=0)
    assert as_rows(single) == [(0, 7, 1.0, 1.0, 0.0, 1)]


def test_duplicate_timestamps_are_calm():
    minutes = [0, 0, 5, 5, 5, 10]
    with np.errstate(all="raise"):
        stays = dosage.find_stays(*trail(0, minutes, [2] * 6))
    assert as_rows(stays) == [(0, 2, 0.0, 10.0, 10.0, 6)]
    # A ping outside at the same time as one inside sorts first (-1 < 2) and can only shorten a stay:
    # here the stay runs from the duplicate at minute 5, whatever the input order.
    for order in ([0, 1, 2, 3, 4], [0, 2, 1, 4, 3]):
        minutes = np.array([0, 5, 5, 10, 15])[order]
        hotspot = np.array([2, 2, -1, 2, 2])[order]
        assert as_rows(dosage.find_stays(*trail(0, minutes, hotspot))) == [(0, 2, 5.0, 15.0, 10.0, 3)]


def test_empty_trail():
    stays = dosage.find_stays([], [], [])
    assert len(stays) == 0 and stays.start.dtype == np.float64 and stays.hotspot.dtype == np.int64


@pytest.mark.parametrize("kwargs, arrays, message", [
    ({"max_gap_minutes": -1}, None, "longest gap"),
    ({"max_gap_minutes": float("nan")}, None, "longest gap"),
    ({"min_minutes": -0.5}, None, "shortest stay"),
    ({}, ([0, 0], at([0, 1, 2]), [1, 1, 1]), "same length"),
    ({}, ([0, 0, 0], at([0, np.nan, 2]), [1, 1, 1]), "NaN or infinite"),
    ({}, ([0, 0, 0], at([0, np.inf, 2]), [1, 1, 1]), "NaN or infinite"),
    ({}, ([0, 0, 0], at([0, 1, 2]), [1, -2, 1]), "-1"),
    ({}, ([0, 0.5, 0], at([0, 1, 2]), [1, 1, 1]), "whole-number"),
])
def test_find_stays_rejects_bad_input(kwargs, arrays, message):
    unit, times, hotspot = arrays or ([0, 0, 0], at([0, 1, 2]), [1, 1, 1])
    with pytest.raises(ValueError, match=message):
        dosage.find_stays(unit, times, hotspot, **kwargs)


def reference_stays(unit, times, hotspot, max_gap_minutes, min_minutes):
    """find_stays in plain Python: walk each unit's pings in (time, hotspot) order."""
    tol = dosage.TOLERANCE_SECONDS
    by_unit = {}
    for u, t, h in zip(unit.tolist(), times.tolist(), hotspot.tolist()):
        by_unit.setdefault(u, []).append((t, h))
    stays = []
    for u, pings in by_unit.items():
        pings.sort()
        current = None  # [hotspot, start, end, pings]; None while outside
        previous_time = None
        for t, h in pings:
            continues = (current is not None and h == current[0]
                         and t - previous_time <= max_gap_minutes * 60 + tol)
            if continues:
                current[2] = t
                current[3] += 1
            else:
                if current is not None:
                    stays.append((u, *current))
                current = [h, t, t, 1] if h >= 0 else None
            previous_time = t
        if current is not None:
            stays.append((u, *current))
    kept = [(u, h, s, e, (e - s) / 60, n) for u, h, s, e, n in stays if e - s >= min_minutes * 60 - tol]
    return sorted(kept, key=lambda stay: (stay[2], stay[0], stay[1]))


def random_trail(rng, n_units=6, pings_per_unit=800, n_hotspots=4):
    """Units that linger in hotspots, ping at irregular intervals, repeat timestamps and go silent."""
    units, times, hotspots = [], [], []
    for u in range(n_units):
        step = rng.choice([0, 20, 45, 60, 240, 299, 300, 301, 420, 1800], size=pings_per_unit,
                          p=[0.04, 0.3, 0.25, 0.2, 0.05, 0.04, 0.04, 0.04, 0.02, 0.02])
        times.append(rng.integers(0, 3600) + np.cumsum(step).astype(float))
        state, path = -1, []
        for _ in range(pings_per_unit):
            if rng.random() < 0.08:
                state = int(rng.integers(-1, n_hotspots))
            path.append(state)
        hotspots.append(path)
        units.append(np.full(pings_per_unit, u))
    unit, times, hotspot = np.concatenate(units), np.concatenate(times), np.concatenate(hotspots)
    shuffle = rng.permutation(unit.size)
    return unit[shuffle], T0 + times[shuffle], hotspot[shuffle]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("max_gap, min_minutes", [(5.0, 5.0), (5.0, 0.0), (1.0, 2.0), (0.0, 0.0), (30.0, 10.0)])
def test_find_stays_matches_brute_force(seed, max_gap, min_minutes):
    rng = np.random.default_rng(seed)
    unit, times, hotspot = random_trail(rng)
    stays = dosage.find_stays(unit, times, hotspot, max_gap_minutes=max_gap, min_minutes=min_minutes)
    expected = reference_stays(unit, times, hotspot, max_gap, min_minutes)
    assert len(expected) > 20
    got = list(zip(stays.unit.tolist(), stays.hotspot.tolist(), stays.start.tolist(), stays.end.tolist(),
                   stays.minutes.tolist(), stays.pings.tolist()))
    assert got == expected


# --------------------------------------------------------------------------------------------- compliance

def make_stays(rows):
    """Stays from (hotspot, start minute, end minute) rows, unit = row number."""
    rows = np.asarray(rows, dtype=float).reshape(-1, 3)
    start, end = at(rows[:, 1]), at(rows[:, 2])
    return dosage.Stays(unit=np.arange(len(rows)), hotspot=rows[:, 0].astype(int), start=start, end=end,
                        minutes=(end - start) / MINUTE, pings=np.full(len(rows), 10))


def check(plans, stay_rows, **kwargs):
    """compliance() for (hotspot, planned start minute[, planned minutes]) plans; 15-minute visits by default."""
    plans = [plan if len(plan) == 3 else (*plan, 15) for plan in plans]
    hotspot = np.array([p[0] for p in plans], dtype=int)
    start = at([p[1] for p in plans])
    end = start + np.array([p[2] for p in plans], dtype=float) * MINUTE
    return dosage.compliance(hotspot, start, end, make_stays(stay_rows), **kwargs)


def test_on_time_visit_is_delivered():
    result = check([(0, 60)], [(0, 60, 75)])
    assert result.status.tolist() == ["delivered"]
    assert result.matched_stay.tolist() == [0]
    assert result.delivered_minutes.tolist() == [15.0]
    assert result.late_minutes.tolist() == [0]


@pytest.mark.parametrize("stay, status, late", [
    ((0, 64, 80), "delivered", 0),   # arrived 4 minutes after the planned start, within the grace
    ((0, 65, 80), "delivered", 0),   # exactly at the end of the grace
    ((0, 66, 80), "late", 6),        # just past the grace
    ((0, 30, 57), "delivered", 0),   # left 3 minutes before the planned start: within the grace
    ((0, 30, 54), "missed", 0),      # left 6 minutes before
    ((1, 60, 75), "missed", 0),      # the right time at the wrong hotspot
])
def test_grace_window(stay, status, late):
    result = check([(0, 60)], [stay])
    assert result.status.tolist() == [status]
    assert result.late_minutes.tolist() == [late]
    assert result.matched_stay.tolist() == [0 if status != "missed" else -1]


def test_early_arrival_still_there_is_delivered():
    result = check([(0, 60)], [(0, 40, 70)])
    assert result.status.tolist() == ["delivered"]
    assert result.delivered_minutes.tolist() == [30.0]


def test_late_by_17_minutes():
    result = check([(0, 60)], [(0, 100, 120), (0, 77, 90)])
    assert result.status.tolist() == ["late"]
    assert result.late_minutes.tolist() == [17]
    assert result.matched_stay.tolist() == [1]  # the first arrival, not the first stay listed
    assert result.delivered_minutes.tolist() == [13.0]
    # Rounded half up to whole minutes.
    assert check([(0, 60)], [(0, 77 + 29 / 60, 90)]).late_minutes.tolist() == [17]
    assert check([(0, 60)], [(0, 77.5, 90)]).late_minutes.tolist() == [18]


def test_beyond_the_late_limit_is_missed():
    assert check([(0, 60)], [(0, 120, 130)]).status.tolist() == ["late"]  # exactly 60 minutes late
    result = check([(0, 60)], [(0, 121, 130)])
    assert result.status.tolist() == ["missed"]
    assert result.matched_stay.tolist() == [-1] and result.delivered_minutes.tolist() == [0.0]
    assert check([(0, 60)], [(0, 121, 130)], late_limit_minutes=90).late_minutes.tolist() == [61]


def test_one_long_stay_delivers_two_visits_with_its_minutes_split():
    # There at 14:00 and at 15:00: both delivered; 13:55-15:00 credited to the first, 15:00-16:00 to the second.
    result = check([(0, 15 * 60), (0, 14 * 60)], [(0, 13 * 60 + 55, 16 * 60)])
    assert result.status.tolist() == ["delivered", "delivered"]
    assert result.matched_stay.tolist() == [0, 0]
    assert result.delivered_minutes.tolist() == [60.0, 65.0]
    assert result.delivered_minutes.sum() == pytest.approx(125.0)  # the stay's minutes, counted once


def test_one_arrival_counts_for_one_visit():
    # Visits planned at 14:00 and 14:02; a single unit arrives at 14:03.  The arrival is within the grace of
    # both, but it is one arrival: the earlier visit takes it, the other is missed (not late: the arrival is taken).
    result = check([(0, 840), (0, 842)], [(0, 843, 860)])
    assert result.status.tolist() == ["delivered", "missed"]
    assert result.delivered_minutes.tolist() == [17.0, 0.0]
    # A second unit arriving at 14:10 makes the second visit late by 8 minutes.
    result = check([(0, 840), (0, 842)], [(0, 843, 860), (0, 850, 870)])
    assert result.status.tolist() == ["delivered", "late"]
    assert result.late_minutes.tolist() == [0, 8]
    assert result.matched_stay.tolist() == [0, 1]


def test_late_for_one_visit_and_there_for_the_next():
    result = check([(0, 840), (0, 900)], [(0, 870, 960)])
    assert result.status.tolist() == ["late", "delivered"]
    assert result.late_minutes.tolist() == [30, 0]
    assert result.delivered_minutes.tolist() == [30.0, 60.0]


def test_on_time_for_one_visit_beats_late_for_another():
    # Arriving at 14:33 is 33 minutes late for 14:00 but on time (within the grace) for 14:30: it counts for 14:30.
    result = check([(0, 840), (0, 870)], [(0, 873, 900)])
    assert result.status.tolist() == ["missed", "delivered"]
    assert result.matched_stay.tolist() == [-1, 0]


def test_with_two_units_present_the_later_arrival_delivers():
    result = check([(0, 60)], [(0, 0, 200), (0, 55, 70)])
    assert result.matched_stay.tolist() == [1]
    assert result.delivered_minutes.tolist() == [15.0]


def test_koper_share_and_per_hotspot_totals():
    stays = [(0, 0, 5), (0, 100, 100 + 9.99), (0, 200, 210), (0, 300, 312), (0, 400, 416), (0, 500, 516.5),
             (0, 600, 630), (2, 0, 15)]
    plans = [(0, 200, 15), (0, 1000, 15), (2, 0, 20), (3, 50, 10)]
    result = check(plans, stays, n_hotspots=5)
    assert result.koper_share.shape == (5,)
    assert result.koper_share[0] == pytest.approx(3 / 7)  # 10, 12 and 16 minutes; not 9.99 nor 16.5
    assert result.koper_share[2] == 1.0
    assert np.isnan(result.koper_share[[1, 3, 4]]).all()
    assert result.overall_koper_share == pytest.approx(4 / 8)
    assert result.planned_visits.tolist() == [2, 0, 1, 1, 0]
    assert result.planned_minutes.tolist() == [30.0, 0.0, 20.0, 10.0, 0.0]
    assert result.delivered_visits.tolist() == [1, 0, 1, 0, 0]
    assert result.stays.tolist() == [7, 0, 1, 0, 0]
    assert result.stay_minutes == pytest.approx([5 + 9.99 + 10 + 12 + 16 + 16.5 + 30, 0, 15, 0, 0])
    assert result.status.tolist() == ["delivered", "missed", "delivered", "missed"]


def test_status_counts_count_each_status():
    # Delivered (on time), late (arrived 20 minutes after), missed (nobody there), delivered again.
    result = check([(0, 60), (1, 200), (2, 300), (0, 400)], [(0, 60, 75), (1, 220, 235), (0, 395, 410)])
    assert result.status.tolist() == ["delivered", "late", "missed", "delivered"]
    assert result.status_counts() == {"delivered": 2, "late": 1, "missed": 1}
    assert check([], []).status_counts() == {"delivered": 0, "late": 0, "missed": 0}


def test_default_n_hotspots_and_no_stays():
    result = dosage.compliance([1, 3], at([0, 60]), at([15, 75]), make_stays([]))
    assert result.status.tolist() == ["missed", "missed"]
    assert result.planned_visits.tolist() == [0, 1, 0, 1]
    assert np.isnan(result.koper_share).all() and np.isnan(result.overall_koper_share)
    assert check([], [(2, 0, 12)]).stays.tolist() == [0, 0, 1]


def test_trail_to_compliance_end_to_end():
    # Unit 0 patrols hotspot 1 from 14:02 to 14:14 (pings every 30 s), unit 1 drives through hotspot 2 at 14:40.
    minutes0 = np.arange(830, 880, 0.5)
    hotspot0 = np.where((minutes0 >= 842) & (minutes0 <= 854), 1, -1)
    minutes1 = np.arange(830, 880, 0.5)
    hotspot1 = np.where((minutes1 >= 880 - 40) & (minutes1 <= 841), 2, -1)
    unit = np.r_[np.zeros(minutes0.size, int), np.ones(minutes1.size, int)]
    stays = dosage.find_stays(unit, at(np.r_[minutes0, minutes1]), np.r_[hotspot0, hotspot1])
    assert as_rows(stays) == [(0, 1, 842.0, 854.0, 12.0, 25)]  # unit 1's 1-minute pass is not a stay
    result = dosage.compliance([1, 2], at([840, 840]), at([855, 855]), stays)
    assert result.status.tolist() == ["delivered", "missed"]
    assert result.koper_share.tolist()[1] == 1.0


def reference_compliance(plan_hotspot, plan_start, stays, grace, late_limit):
    """The matching rules of compliance(), checked against every stay (no search windows)."""
    tol = dosage.TOLERANCE_SECONDS
    g, limit = grace * 60, late_limit * 60
    matched = [-1] * len(plan_start)
    late = [None] * len(plan_start)
    claimed = set()
    order = sorted(range(len(plan_start)), key=lambda i: (plan_start[i], i))
    for i in order:
        p = plan_start[i]
        spanning = [(-stays.start[k], k) for k in range(len(stays))
                    if stays.hotspot[k] == plan_hotspot[i] and stays.start[k] <= p + tol and stays.end[k] >= p - tol]
        if spanning:
            matched[i] = min(spanning)[1]
            continue
        touching = [(stays.start[k] - p if stays.start[k] > p else p - stays.end[k], k) for k in range(len(stays))
                    if stays.hotspot[k] == plan_hotspot[i] and k not in claimed
                    and stays.start[k] <= p + g + tol and stays.end[k] >= p - g - tol]
        if touching:
            matched[i] = min(touching)[1]
            claimed.add(matched[i])
    for i in order:
        if matched[i] >= 0:
            continue
        p = plan_start[i]
        candidates = [(stays.start[k], k) for k in range(len(stays))
                      if stays.hotspot[k] == plan_hotspot[i] and k not in claimed
                      and p + g + tol < stays.start[k] <= p + limit + tol]
        if candidates:
            matched[i] = min(candidates)[1]
            claimed.add(matched[i])
            late[i] = int(np.floor((stays.start[matched[i]] - p) / 60 + 0.5))
    return matched, late


@pytest.mark.parametrize("seed", range(4))
def test_compliance_matches_reference_on_random_plans(seed):
    rng = np.random.default_rng(seed)
    unit, times, hotspot = random_trail(rng, n_units=8, pings_per_unit=1500, n_hotspots=3)
    stays = dosage.find_stays(unit, times, hotspot, min_minutes=2)
    n_plans = 300
    plan_hotspot = rng.integers(0, 3, n_plans)
    plan_start = T0 + rng.integers(0, int(times.max() - T0), n_plans).astype(float)
    plan_end = plan_start + 15 * MINUTE
    result = dosage.compliance(plan_hotspot, plan_start, plan_end, stays, grace_minutes=5, late_limit_minutes=45)
    matched, late = reference_compliance(plan_hotspot, plan_start, stays, 5, 45)
    assert result.matched_stay.tolist() == matched
    assert [m if s == "late" else None for m, s in zip(result.late_minutes.tolist(), result.status)] == late
    statuses = set(result.status.tolist())
    assert statuses == {"delivered", "late", "missed"}
    # The credited minutes add up, stay by stay, to the minutes of the matched stays.
    used = np.unique(result.matched_stay[result.matched_stay >= 0])
    assert result.delivered_minutes.sum() == pytest.approx(stays.minutes[used].sum())
    assert (result.delivered_minutes >= 0).all()
    # No stay's arrival counted twice: a stay shared by several visits was there at all but the first one's start.
    for stay in used:
        visits = np.flatnonzero(result.matched_stay == stay)
        later = visits[np.argsort(plan_start[visits], kind="stable")][1:]
        assert (stays.start[stay] <= plan_start[later] + dosage.TOLERANCE_SECONDS).all()


@pytest.mark.parametrize("kwargs, message", [
    ({"grace_minutes": -1}, "grace"),
    ({"grace_minutes": 10, "late_limit_minutes": 5}, "late limit"),
    ({"n_hotspots": 1}, "n_hotspots"),
])
def test_compliance_rejects_bad_settings(kwargs, message):
    with pytest.raises(ValueError, match=message):
        check([(0, 60), (1, 60)], [(0, 60, 75)], **kwargs)


def test_compliance_rejects_bad_plans():
    stays = make_stays([(0, 60, 75)])
    with pytest.raises(ValueError, match="same length"):
        dosage.compliance([0, 1], at([0]), at([15]), stays)
    with pytest.raises(ValueError, match="end before they start"):
        dosage.compliance([0], at([15]), at([0]), stays)
    with pytest.raises(ValueError, match="NaN or infinite"):
        dosage.compliance([0], [np.nan], at([0]), stays)
    with pytest.raises(ValueError, match="0 or more"):
        dosage.compliance([-1], at([0]), at([15]), stays)
    with pytest.raises(ValueError, match="Stays"):
        dosage.compliance([0], at([0]), at([15]), [(0, 60, 75)])
