"""Hour-of-week profiles, circular smoothing and shrinkage."""

import numpy as np
import pytest

from hotspot_patrol.core import temporal


def test_hour_of_week_starts_on_monday():
    times = np.array(["2024-05-13T00:30", "2024-05-13T23:59", "2024-05-19T23:00", "2024-05-20T00:00"],
                     dtype="datetime64[s]")  # 13 May 2024 is a Monday
    assert temporal.hour_of_week(times).tolist() == [0, 23, 167, 0]


def test_smoothing_wraps_round_the_week_and_keeps_totals():
    counts = np.zeros((1, 168))
    counts[0, 0] = 9
    smoothed = temporal.smooth_circular(counts, bandwidth=2)
    assert smoothed.sum() == pytest.approx(9)
    assert smoothed[0, 0] == pytest.approx(3) and smoothed[0, 167] == pytest.approx(2)
    assert smoothed[0, 166] == pytest.approx(1) and smoothed[0, 3] == 0


def test_shrinkage_pulls_sparse_hotspots_to_the_area_profile():
    area_peak = np.zeros(168)
    area_peak[20] = 1000  # the area's crime is at hour 20
    sparse = np.zeros(168)
    sparse[100] = 2       # a hotspot with two crimes at hour 100
    busy = np.zeros(168)
    busy[100] = 200       # a hotspot with many crimes at hour 100
    risk = temporal.risk_profiles(np.vstack([area_peak, sparse, busy]), bandwidth=0, prior_crimes=24)
    assert np.allclose(risk.mean(axis=1), 1.0)
    assert risk[1, 20] > risk[1, 100]   # the sparse hotspot follows the area
    assert risk[2, 100] > risk[2, 20]   # the busy one follows its own crimes
    # Exactly the Dirichlet posterior mean: (count + m * area share) / (n + m).
    area_share_20 = 1000 / 1202
    assert risk[1, 20] == pytest.approx(168 * 24 * area_share_20 / (2 + 24))


def test_no_crimes_gives_uniform_risk():
    assert np.allclose(temporal.risk_profiles(np.zeros((2, 168))), 1.0)


def test_peak_windows_do_not_overlap():
    risk = np.ones(168)
    risk[[10, 11, 12]] = 5
    risk[[50, 51]] = 4
    peaks = temporal.peak_windows(risk, hours=3, count=2)
    assert peaks[0][0] == 10
    assert peaks[1][0] in (49, 50)
