"""core.dosage_response: hand counts on a tiny case (the half-open window [end, end + 2 h)), the exact
Poisson interval against its definition, and a simulation whose after-visit drop grows with visit length."""

import doctest
import math

import numpy as np
import pytest
from scipy import optimize, stats

from hotspot_patrol.core import dosage_response
from hotspot_patrol.core.dosage_response import (
    AFTER_VISIT,
    DAILY_BANDS,
    DAILY_MINUTES,
    NO_VISIT,
    VISIT_BANDS,
    daily_minutes_rates,
)
from hotspot_patrol.core.dosage_response import (
    dosage_response as response,
)
from hotspot_patrol.core.errors import InputError
from hotspot_patrol.core.poisson_rates import poisson_rate_interval

HOUR = 3600.0
DAY = 86400.0


def at(day, hour, minute=0.0):
    """Wall-clock seconds from the period's first midnight."""
    return day * DAY + hour * HOUR + minute * 60.0


def table(rows):
    return {(row.measure, row.band): row for row in rows}


def test_examples_in_docstrings_run():
    result = doctest.testmod(dosage_response, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_hand_counts_on_a_tiny_case():
    # Hotspot 0 over 4 days. Day 0: a 12-minute visit 10:00-10:12, so its window is [10:12, 12:12).
    # Day 1: a 3-minute visit 20:00-20:03, window [20:03, 22:03). Days 2 and 3: no visit.
    # Hotspot 1: no visit at all. Crimes are placed by hand on each side of the windows' edges.
    visits = [(0, at(0, 10), at(0, 10, 12), 12.0), (0, at(1, 20), at(1, 20, 3), 3.0)]
    crimes = [
        (0, at(0, 10, 12)),        # exactly at the departure: counts for the 12-minute visit
        (0, at(0, 12, 11.99)),     # just inside its window: counts
        (0, at(0, 12, 12)),        # exactly 2 h after the departure: does not count
        (0, at(0, 10, 5)),         # during the visit: not after it
        (0, at(1, 21)),            # inside the 3-minute visit's window: counts
        (0, at(2, 11)),            # day 2, inside 10:12-12:12 (a visited hour): baseline
        (0, at(2, 21, 30)),        # day 2, inside 20:03-22:03: baseline
        (0, at(2, 15)),            # day 2, not a visited hour: neither
        (0, at(3, 12, 12)),        # day 3 at 12:12, the end of the hours (excluded): neither
        (0, at(3, 20, 3)),         # day 3 at 20:03, the start of the hours (included): baseline
        (1, at(2, 11)),            # hotspot 1: never visited, so no after-visit and no baseline
        (-1, at(0, 11)),           # outside every hotspot: nowhere
    ]
    hotspot, start, end, minutes = (np.array(column) for column in zip(*visits))
    crime_hotspot, crime_time = (np.array(column) for column in zip(*crimes))
    rows = table(response(hotspot, start, end, minutes, crime_hotspot, crime_time, 2, 4))

    short, koper, no_visit = (rows[(AFTER_VISIT, band)] for band in ("< 5 min", "10–16 min", NO_VISIT))
    assert (koper.units, koper.crimes, koper.rate) == (1.0, 2, 2.0)
    assert (short.units, short.crimes, short.rate) == (1.0, 1, 1.0)
    assert rows[(AFTER_VISIT, "5–10 min")].units == 0 and math.isnan(rows[(AFTER_VISIT, "5–10 min")].rate)
    # Days 2 and 3 are free; the visited hours are two 2-hour windows, so 2 days x 2 windows = 4 units.
    assert (no_visit.units, no_visit.crimes, no_visit.rate) == (4.0, 3, 0.75)
    assert koper.ratio_to_baseline == pytest.approx(2.0 / 0.75)
    assert short.ratio_to_baseline == pytest.approx(1.0 / 0.75)
    assert no_visit.ratio_to_baseline == 1.0
    # Daily minutes: hotspot 0 has 12 and 3 minutes on days 0 and 1 (band 1-15); every other
    # hotspot-day (2 of hotspot 0, 4 of hotspot 1) has none.
    zero, low = rows[(DAILY_MINUTES, "0 min")], rows[(DAILY_MINUTES, "1–15 min")]
    assert (low.units, low.crimes) == (2.0, 5)  # day 0: 4 crimes, day 1: 1
    assert (zero.units, zero.crimes) == (6.0, 6)  # hotspot 0 days 2-3: 5, hotspot 1: 1
    assert low.ratio_to_baseline == pytest.approx((5 / 2) / (6 / 6))
    assert [r.band for r in rows.values()] == list(VISIT_BANDS) + [NO_VISIT] + list(DAILY_BANDS)


def test_a_window_that_crosses_midnight_and_the_days_it_touches():
    # A visit 23:00-23:30 on day 0: its window [23:30, 01:30) reaches into day 1, so day 1 is not a
    # day without a visit; the baseline hours wrap: 23:30-24:00 and 00:00-01:30 on days 2 and 3.
    rows = table(response([0], [at(0, 23)], [at(0, 23, 30)], [30.0], [0, 0, 0, 0, 0],
                          [at(1, 1), at(1, 1, 30), at(2, 0, 10), at(3, 23, 45), at(1, 23, 45)], 1, 4))
    after, no_visit = rows[(AFTER_VISIT, "> 16 min")], rows[(AFTER_VISIT, NO_VISIT)]
    assert (after.units, after.crimes) == (1.0, 1)  # day 1 01:00 in; 01:30 is the excluded end
    assert (no_visit.units, no_visit.crimes) == (2.0, 2)  # days 2 and 3; day 1's 23:45 is not free


def test_only_visits_whose_whole_window_is_in_the_period_count():
    rows = table(response([0, 0, 0], [at(0, 8), at(1, 22), at(-1, 22)], [at(0, 8, 10), at(1, 22, 10),
                                                                           at(-1, 22, 10)],
                          [10.0, 10.0, 10.0], [], [], 1, 2))
    assert rows[(AFTER_VISIT, "10–16 min")].units == 1.0  # day 1 22:10 + 2 h passes the end; day -1 is before


def test_visit_bands_follow_the_koper_band_inclusively():
    minutes = [4.999, 5.0, 9.99, 10.0, 16.0, 16.01, 60.0]
    assert dosage_response.visit_band(minutes).tolist() == [0, 1, 1, 2, 2, 3, 3]
    assert dosage_response.daily_band([0.0, 1e-6, 1.0, 15.0, 15.01, 30.0, 31.0, 60.0, 60.5]).tolist() == [
        0, 0, 1, 1, 2, 2, 3, 3, 4]


@pytest.mark.parametrize("crimes,units", [(0, 1.0), (1, 2.0), (7, 3.5), (40, 100.0)])
def test_the_exact_interval_is_where_each_tail_is_two_and_a_half_percent(crimes, units):
    rate, low, high = poisson_rate_interval(crimes, units)
    assert rate == crimes / units
    # Solve the definition directly: P(X >= k; m) = 0.025 and P(X <= k; m) = 0.025.
    expected_high = optimize.brentq(lambda m: stats.poisson.cdf(crimes, m) - 0.025, 1e-9, 1000.0) / units
    assert high == pytest.approx(expected_high, rel=1e-7)
    if crimes == 0:
        assert low == 0.0
    else:
        expected_low = optimize.brentq(lambda m: stats.poisson.sf(crimes - 1, m) - 0.025, 1e-9, 1000.0) / units
        assert low == pytest.approx(expected_low, rel=1e-7)


def test_no_units_give_no_rate():
    assert all(math.isnan(v) for v in poisson_rate_interval(0, 0))


def simulate(rng, drops, n_hotspots=40, n_days=150, per_hour=0.06):
    """Hotspot-days, half with one visit starting 08:00-18:00 of a length drawn evenly from the four bands'
    ranges; crimes at ``per_hour`` everywhere, except ``per_hour * (1 - drop)`` in the 2 hours after a visit
    of the band whose drop it is. Returns the arguments of dosage_response."""
    lengths = ((1, 4.9), (5, 9.9), (10, 16), (16.5, 30))
    visited = rng.random((n_hotspots, n_days)) < 0.5
    hotspot, day = np.nonzero(visited)
    band = rng.integers(0, 4, hotspot.size)
    minutes = np.array([rng.uniform(*lengths[b]) for b in band])
    start = day * DAY + rng.uniform(8, 18, hotspot.size) * HOUR
    end = start + minutes * 60.0
    # Background crimes over the whole period, then thinned inside each window by its band's drop.
    n = rng.poisson(per_hour * 24 * n_days * n_hotspots)
    crime_hotspot = rng.integers(0, n_hotspots, n)
    crime_time = rng.uniform(0, n_days * DAY, n)
    # At most one visit per hotspot-day, and every window ends by 20:30: a crime can only be in the
    # window of its own hotspot-day's visit.
    visit_of = np.full((n_hotspots, n_days), -1)
    visit_of[hotspot, day] = np.arange(hotspot.size)
    window_of = visit_of[crime_hotspot, (crime_time // DAY).astype(int)]
    own_end = end[np.maximum(window_of, 0)]
    in_window = (window_of >= 0) & (crime_time >= own_end) & (crime_time < own_end + 2 * HOUR)
    kept = np.ones(n, dtype=bool)
    kept[in_window] = rng.random(int(in_window.sum())) >= np.asarray(drops)[band[window_of[in_window]]]
    return hotspot, start, end, minutes, crime_hotspot[kept], crime_time[kept], n_hotspots, n_days


def test_simulated_drops_are_recovered_in_order_and_covered():
    drops = (0.0, 0.2, 0.5, 0.55)
    per_hour = 0.06
    truth = [2 * per_hour * (1 - d) for d in drops]
    seeds = 100
    covered = np.zeros(5, dtype=int)
    ratios = np.zeros((seeds, 4))
    for seed in range(seeds):
        rows = response(*simulate(np.random.default_rng(seed), drops, per_hour=per_hour))
        after = [r for r in rows if r.measure == AFTER_VISIT]
        for k, (row, true_rate) in enumerate(zip(after, truth + [2 * per_hour])):
            covered[k] += row.ci_low <= true_rate <= row.ci_high
        ratios[seed] = [r.ratio_to_baseline for r in after[:4]]
    assert np.all(covered >= 85), covered
    mean_ratio = ratios.mean(axis=0)
    assert np.all(np.diff(mean_ratio) < 0), mean_ratio
    assert mean_ratio == pytest.approx([1 - d for d in drops], abs=0.06)
    # One seed alone already orders the no-effect band above the Koper band.
    assert np.mean(ratios[:, 0] > ratios[:, 2]) > 0.95


def test_daily_minutes_rates_cover_their_truth():
    rng = np.random.default_rng(5)
    truth = np.array([0.5, 0.45, 0.4, 0.35, 0.3])  # crimes per hotspot-day in each daily band
    covered = np.zeros(5, dtype=int)
    for _ in range(100):
        minutes = rng.choice([0.0, 8.0, 20.0, 45.0, 90.0], size=(30, 60))
        band = dosage_response.daily_band(minutes)
        rows = daily_minutes_rates(minutes, rng.poisson(truth[band]))
        covered += [row.ci_low <= t <= row.ci_high for row, t in zip(rows, truth)]
        assert [row.band for row in rows] == list(DAILY_BANDS)
    assert np.all(covered >= 85), covered


@pytest.mark.parametrize("change,message", [
    ({"visit_end": [0.0]}, "end before they start"),
    ({"visit_minutes": [-1.0]}, "0 or more minutes"),
    ({"visit_hotspot": [3]}, "hotspot indices"),
    ({"crime_time": [np.nan]}, "needs a time"),
    ({"window_hours": 0}, "window_hours"),
    ({"n_days": 0}, "n_days"),
])
def test_bad_input_is_refused_in_words(change, message):
    arguments = {"visit_hotspot": [0], "visit_start": [HOUR], "visit_end": [2 * HOUR], "visit_minutes": [60.0],
                 "crime_hotspot": [0], "crime_time": [3 * HOUR], "n_hotspots": 1, "n_days": 1, **change}
    with pytest.raises(InputError, match=message):
        response(**arguments)
