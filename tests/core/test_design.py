"""Patrol-day designs: the guarantees of the randomised design, counted day by day on real dates."""

import datetime
import math
from fractions import Fraction

import numpy as np
import pytest

from hotspot_patrol.core import design
from hotspot_patrol.core.errors import InputError

# (days on, days off): blocks of 2, 6, 7 (one of each weekday), 8 and 14 days (longer than a week:
# a weekday twice in a block), and 3 / 9 (a block of 12).
ON_OFF = [(1, 1), (3, 3), (2, 5), (1, 6), (3, 5), (4, 10), (3, 9)]
LENGTHS = [1, 5, 28, 84, 90, 365]
MONDAY = datetime.date(2024, 6, 3)


def plan_dates(first_day, days):
    return [first_day + datetime.timedelta(days=k) for k in range(days)]


def floor_or_ceil(count, share):
    return math.floor(share) <= count <= math.ceil(share)


@pytest.mark.parametrize("days_on, days_off", ON_OFF)
@pytest.mark.parametrize("days", LENGTHS)
@pytest.mark.parametrize("first_weekday", [0, 3, 6])
def test_every_hotspot_gets_days_on_per_block_and_its_fair_share_of_each_weekday(days_on, days_off, days,
                                                                                   first_weekday):
    first_day = MONDAY + datetime.timedelta(days=first_weekday)
    dates = plan_dates(first_day, days)
    block = days_on + days_off
    share = Fraction(days_on, block)
    for seed in (0, 1, 2):
        assigned = design.randomised_days(12, days, days_on, days_off, first_day.weekday(), seed)
        assert assigned.shape == (12, days) and assigned.dtype == bool
        for row in assigned:
            patrol_dates = [date for date, on in zip(dates, row) if on]
            for start in range(0, days, block):
                in_block = int(row[start:start + block].sum())
                length = min(block, days - start)
                if length == block:
                    assert in_block == days_on
                else:
                    assert floor_or_ceil(in_block, share * length)
            for weekday in range(7):
                plan_days = sum(date.weekday() == weekday for date in dates)
                patrols = sum(date.weekday() == weekday for date in patrol_dates)
                assert floor_or_ceil(patrols, share * plan_days), (weekday, patrols, share * plan_days)
                assert abs(patrols - share * plan_days) < 1
            for start in range(0, days - 7 * block + 1, 7 * block):  # every whole span of 7 blocks
                span = [date for date in patrol_dates if dates[start] <= date < dates[start] + datetime.timedelta(
                    days=7 * block)]
                assert sorted(date.weekday() for date in span) == sorted(list(range(7)) * days_on)
            whole_blocks = days // block
            assert int(row[:whole_blocks * block].sum()) == whole_blocks * days_on
            assert floor_or_ceil(int(row.sum()), share * days)


@pytest.mark.parametrize("days_on, days_off, days", [(3, 3, 28), (2, 5, 30), (3, 5, 20)])
def test_every_day_is_a_patrol_day_with_the_same_chance(days_on, days_off, days):
    """Each hotspot is an independent draw: 3,000 of them estimate each day's chance of patrol, which
    must be days_on / block for every day (a design that favours a position in the block, or a
    weekday, fails)."""
    hotspots = 3000
    assigned = design.randomised_days(hotspots, days, days_on, days_off, first_weekday=4, seed=11)
    chance = days_on / (days_on + days_off)
    standard_error = math.sqrt(chance * (1 - chance) / hotspots)
    assert np.abs(assigned.mean(axis=0) - chance).max() < 4 * standard_error
    # Positions within the block are equally likely too (pooled over the blocks: a tighter test).
    block = days_on + days_off
    whole = days // block * block
    by_position = assigned[:, :whole].reshape(hotspots, -1, block).mean(axis=(0, 1))
    assert np.abs(by_position - chance).max() < 4 * standard_error / math.sqrt(whole // block)


def test_the_patrol_days_of_a_block_vary_between_hotspots():
    assigned = design.randomised_days(200, 6, 3, 3, 0, seed=5)
    patterns = {tuple(row) for row in assigned.astype(int)}
    assert len(patterns) > 10  # of the 20 ways to choose 3 days of 6


def test_same_seed_same_design_and_other_seeds_differ():
    first = design.randomised_days(10, 84, 3, 3, 2, seed=7)
    assert np.array_equal(first, design.randomised_days(10, 84, 3, 3, 2, seed=7))
    others = [design.randomised_days(10, 84, 3, 3, 2, seed=seed) for seed in range(8, 13)]
    assert all(not np.array_equal(first, other) for other in others)


def test_a_hotspots_days_depend_on_its_position_not_on_the_others_and_a_longer_plan_keeps_whole_spans():
    many = design.randomised_days(6, 90, 2, 5, 1, seed=3)
    assert np.array_equal(design.randomised_days(2, 90, 2, 5, 1, seed=3), many[:2])
    # Spans of 7 blocks of 7 days: the first 49 days are a whole span in both plans.
    assert np.array_equal(design.randomised_days(6, 60, 2, 5, 1, seed=3)[:, :49], many[:, :49])
    assert not np.array_equal(design.randomised_days(6, 90, 2, 5, 2, seed=3), many)  # another weekday


@pytest.mark.parametrize("days_on", [1, 4])
def test_no_rest_days_means_a_patrol_every_day_in_both_designs(days_on):
    assert design.randomised_days(3, 17, days_on, 0, 5, seed=1).all()
    assert design.cycle_days(3, 17, days_on, 0).all()


def test_cycles_are_the_staggered_runs():
    n, days, days_on, days_off = 4, 20, 3, 2
    order = [2, 0, 3, 1]
    assigned = design.cycle_days(n, days, days_on, days_off, order=order)
    for position, hotspot in enumerate(order):
        phase = position * 5 // 4  # 0, 1, 2, 3
        expected = [(day + phase) % 5 < 3 for day in range(days)]
        assert assigned[hotspot].tolist() == expected
    assert design.cycle_days(2, 6, 2, 2).astype(int).tolist() == [[1, 1, 0, 0, 1, 1], [0, 0, 1, 1, 0, 0]]
    assert design.cycle_days(0, 5, 1, 1).shape == (0, 5)


@pytest.mark.parametrize("arguments, setting", [
    ((2, 0, 1, 1, 0), "days"), ((2, 10, 0, 1, 0), "days_on"), ((2, 10, 1, -1, 0), "days_off"),
    ((-1, 10, 1, 1, 0), "n_hotspots"), ((2, 10, 1, 1, 7), "first_weekday")])
def test_bad_input_names_the_setting(arguments, setting):
    with pytest.raises(InputError) as raised:
        design.randomised_days(*arguments)
    assert raised.value.setting == setting
    with pytest.raises(InputError, match="seed"):
        design.randomised_days(2, 10, 1, 1, 0, seed=-1)
