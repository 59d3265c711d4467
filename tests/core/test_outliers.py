"""The shared rule for points far outside the area of the others, against brute force and on the
real Southend sample."""

import csv
import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from hotspot_patrol.core import outliers
from hotspot_patrol.core.outliers import central_box, describe_outliers, far_outliers

POLICE_UK_SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "police_uk_southend_sample.zip"


def brute_force(x, y, margin=10_000.0, central=0.99):
    """The rule written out plainly: sort, take the k-th values, measure each point's distance."""
    points = [(a, b) for a, b in zip(x, y) if np.isfinite(a) and np.isfinite(b)]
    k = int(len(points) * (1 - central) / 2 + 1e-9)
    if k == 0:
        return [False] * len(x)
    xs, ys = sorted(p[0] for p in points), sorted(p[1] for p in points)
    xmin, xmax, ymin, ymax = xs[k], xs[len(xs) - 1 - k], ys[k], ys[len(ys) - 1 - k]
    flags = []
    for a, b in zip(x, y):
        if not (np.isfinite(a) and np.isfinite(b)):
            flags.append(False)
            continue
        dx = xmin - a if a < xmin else (a - xmax if a > xmax else 0.0)
        dy = ymin - b if b < ymin else (b - ymax if b > ymax else 0.0)
        flags.append((dx * dx + dy * dy) ** 0.5 > margin)
    return flags


def equirectangular(lon, lat):
    """Metres on a plane tangent near Southend: independent of any projection library."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    return lon * 111_320.0 * np.cos(np.radians(51.55)), lat * 110_574.0


def sample_lon_lat():
    """Longitude and latitude of every crime of the committed data.police.uk sample."""
    lon, lat = [], []
    with zipfile.ZipFile(POLICE_UK_SAMPLE) as archive:
        for name in archive.namelist():
            with archive.open(name) as handle:
                for row in csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")):
                    lon.append(float(row["Longitude"]))
                    lat.append(float(row["Latitude"]))
    return np.array(lon), np.array(lat)


def test_far_points_are_flagged_as_brute_force_says():
    rng = np.random.default_rng(3)
    x = np.concatenate([rng.normal(585_000, 3_000, 5_000), [180_000, 990_000, 585_000]])
    y = np.concatenate([rng.normal(187_000, 2_000, 5_000), [60_000, 187_000, 187_000 + 60_000]])
    flags = far_outliers(x, y)
    assert flags.tolist() == brute_force(x, y)
    assert np.flatnonzero(flags).tolist() == [5_000, 5_001, 5_002]


@pytest.mark.parametrize("seed", range(5))
def test_random_layers_agree_with_brute_force(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(150, 3_000))
    x = rng.standard_t(2, n) * 8_000
    y = rng.standard_t(2, n) * 8_000
    x[rng.integers(0, n, 3)] = np.nan
    for margin, central in ((10_000.0, 0.99), (2_000.0, 0.9), (0.0, 0.5)):
        assert far_outliers(x, y, margin, central).tolist() == brute_force(x, y, margin, central)


def test_no_normal_point_of_a_force_sized_area_is_flagged():
    # 100,000 crimes: a uniform spread over 80 km x 60 km (a county force) and dense towns.
    rng = np.random.default_rng(11)
    uniform = rng.uniform((520_000, 170_000), (600_000, 230_000), (60_000, 2))
    towns = rng.uniform((525_000, 175_000), (595_000, 225_000), (30, 2))
    clustered = towns[rng.integers(0, 30, 40_000)] + rng.normal(0, 800, (40_000, 2))
    points = np.vstack([uniform, clustered])
    assert not far_outliers(points[:, 0], points[:, 1]).any()


def test_real_southend_sample_has_no_outlier_until_far_rows_are_added():
    lon, lat = sample_lon_lat()
    assert lon.size == 7_125
    x, y = equirectangular(lon, lat)
    assert not far_outliers(x, y).any()
    # Three crimes snapped near Plymouth, as in Essex's own files: some 330 km west on this plane.
    far_x, far_y = equirectangular([-4.18, -4.18, -4.17], [50.40, 50.41, 50.40])
    flags = far_outliers(np.concatenate([x, far_x]), np.concatenate([y, far_y]))
    assert np.flatnonzero(flags).tolist() == [7_125, 7_126, 7_127]


def test_small_layers_flag_nothing():
    # Below 200 points the central box is the full extent: nothing can lie outside it.
    x = np.concatenate([np.arange(198.0), [1e7]])
    assert outliers.trimmed_count(199) == 0 and not far_outliers(x, np.zeros(199)).any()
    assert not far_outliers([0.0, 1.0, 5e6], [0.0, 0.0, 0.0]).any()
    assert far_outliers([], []).tolist() == []
    # From 200 points, one point far away is found.
    x = np.concatenate([np.arange(199.0), [1e7]])
    assert np.flatnonzero(far_outliers(x, np.zeros(200))).tolist() == [199]


def test_a_second_area_larger_than_the_trimmed_tail_is_kept():
    """The documented limit: more than about 0.5% of the points far away in one direction pull the box
    out to themselves and are part of the area."""
    rng = np.random.default_rng(2)
    home = rng.normal(0, 1_000, (1_000, 2))
    away = rng.normal(0, 100, (20, 2)) + (300_000, 0)  # 2% of the points, 300 km east
    points = np.vstack([home, away])
    assert not far_outliers(points[:, 0], points[:, 1]).any()
    assert far_outliers(points[:1_004, 0], points[:1_004, 1]).sum() == 4  # 0.4%: found


def test_reference_points_define_the_area():
    """A few far points among a small selection (e.g. one crime type) pull the box of the selection out to
    themselves; measured against the box of all the points they come from, they are found."""
    rng = np.random.default_rng(6)
    everything = rng.normal(0, 1_500, (7_000, 2))
    selection = np.vstack([everything[:450], [(-340_000, -120_000), (-341_000, -119_000), (-339_000, -121_000)]])
    alone = far_outliers(selection[:, 0], selection[:, 1])
    assert not alone.any()  # 3 of 453 is more than the 0.5% the box leaves out
    reference = (np.concatenate([everything[:, 0], selection[450:, 0]]),
                 np.concatenate([everything[:, 1], selection[450:, 1]]))
    flags = far_outliers(selection[:, 0], selection[:, 1], reference=reference)
    assert np.flatnonzero(flags).tolist() == [450, 451, 452]
    assert flags.tolist() == brute_force_against(selection, np.column_stack(reference))
    summary = describe_outliers(selection[:, 0], selection[:, 1], flags, reference=reference)
    assert (summary.count, summary.total, summary.box) == (3, 7_003, central_box(*reference))
    # Too small a reference flags nothing, however many points are tested.
    assert not far_outliers(selection[:, 0], selection[:, 1], reference=(reference[0][:199], reference[1][:199])).any()


def brute_force_against(points, reference, margin=10_000.0, central=0.99):
    """brute_force's rule with the box taken from other points."""
    k = int(len(reference) * (1 - central) / 2 + 1e-9)
    xs, ys = sorted(reference[:, 0]), sorted(reference[:, 1])
    xmin, xmax, ymin, ymax = xs[k], xs[-1 - k], ys[k], ys[-1 - k]
    return [bool(np.hypot(max(xmin - a, 0, a - xmax), max(ymin - b, 0, b - ymax)) > margin) for a, b in points]


def test_non_finite_points_are_ignored_and_never_flagged():
    rng = np.random.default_rng(4)
    x, y = rng.normal(0, 500, 400), rng.normal(0, 500, 400)
    x[:5] = np.nan
    y[5:10] = np.inf
    x[10] = 1e7
    flags = far_outliers(x, y)
    assert not flags[:10].any() and flags[10] and flags.sum() == 1


@pytest.mark.parametrize("margin, central", [(-1.0, 0.99), (10.0, 1.0), (10.0, 0.0), (10.0, np.nan)])
def test_bad_settings_are_refused(margin, central):
    with pytest.raises(ValueError):
        far_outliers([0.0], [0.0], margin, central)


def test_central_box_is_made_of_order_statistics():
    x = np.arange(1_000.0)[::-1]
    y = np.arange(1_000.0) * 2
    # k = floor(1000 * 0.01 / 2) = 5: the 6th smallest and 6th largest values.
    assert central_box(x, y) == (5.0, 10.0, 994.0, 1_988.0)
    assert central_box([np.nan], [1.0]) is None


def test_description_says_how_many_how_far_and_where():
    rng = np.random.default_rng(8)
    x = np.concatenate([rng.uniform(0, 20_000, 3_000), [-400_000, -380_000, 10_000]])
    y = np.concatenate([rng.uniform(0, 10_000, 3_000), [5_000, 4_000, 90_000]])
    lon = np.concatenate([np.full(3_000, 0.7), [-4.18, -4.20, 0.70]])
    lat = np.concatenate([np.full(3_000, 51.5), [50.40, 50.38, 52.30]])
    flags = far_outliers(x, y)
    assert flags.sum() == 3
    summary = describe_outliers(x, y, flags, lon=lon, lat=lat)
    xmin, ymin, xmax, ymax = central_box(x, y)
    assert summary.box == (xmin, ymin, xmax, ymax)
    assert (summary.count, summary.total) == (3, 3_003)
    expected_km = sorted([(xmin + 400_000) / 1000, (xmin + 380_000) / 1000, (90_000 - ymax) / 1000])
    assert summary.nearest_km == pytest.approx(expected_km[0])
    assert summary.farthest_km == pytest.approx(expected_km[-1])
    west, north = summary.groups
    assert (west.direction, west.count, north.direction, north.count) == ("west", 2, "north", 1)
    assert (west.lon, west.lat) == (pytest.approx(-4.19), pytest.approx(50.39))
    assert west.farthest_km == pytest.approx((xmin + 400_000) / 1000)
    assert (north.x, north.y) == (10_000, 90_000)


def test_description_of_no_outliers():
    summary = describe_outliers([0.0, 1.0], [0.0, 1.0], [False, False])
    assert (summary.count, summary.total, summary.groups, summary.nearest_km) == (0, 2, [], None)


def test_directions_cover_the_compass():
    base = np.zeros(1_000)
    far = {"east": (1e6, 0), "north-east": (1e6, 1e6), "north": (0, 1e6), "north-west": (-1e6, 1e6),
           "west": (-1e6, 0), "south-west": (-1e6, -1e6), "south": (0, -1e6), "south-east": (1e6, -1e6)}
    for direction, (dx, dy) in far.items():
        x, y = np.append(base, dx), np.append(base, dy)
        summary = describe_outliers(x, y, far_outliers(x, y))
        assert [g.direction for g in summary.groups] == [direction]


def test_counts_stand_for_repeated_points():
    """Points given once with counts flag and describe exactly as the same points repeated."""
    rng = np.random.default_rng(5)
    x = np.concatenate([rng.uniform(0, 20_000, 400), [400_000.0, 390_000.0]])
    y = np.concatenate([rng.uniform(0, 20_000, 400), [-300_000.0, 5_000.0]])
    counts = rng.integers(1, 6, x.size)
    counts[-2:] = 1  # few enough to stay outside the box's 0.5% tails
    repeated_x, repeated_y = np.repeat(x, counts), np.repeat(y, counts)
    assert outliers.central_box(x, y, counts=counts) == outliers.central_box(repeated_x, repeated_y)
    flags = outliers.far_outliers(x, y, counts=counts)
    np.testing.assert_array_equal(np.repeat(flags, counts), outliers.far_outliers(repeated_x, repeated_y))
    assert flags[-2:].all() and flags.sum() == 2
    summary = outliers.describe_outliers(x, y, flags, counts=counts)
    expected = outliers.describe_outliers(repeated_x, repeated_y, np.repeat(flags, counts))
    assert (summary.count, summary.total, summary.box) == (expected.count, expected.total, expected.box)
    assert [(g.direction, g.count, g.x, g.y) for g in summary.groups] == [
        (g.direction, g.count, g.x, g.y) for g in expected.groups]
