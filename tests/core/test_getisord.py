"""Getis-Ord Gi and Gi* against PySAL esda's published example and brute force."""

import numpy as np
import pytest

from hotspot_patrol.core import getisord

# esda's G_Local doctest: points, values and a distance band of 15.
ESDA_POINTS = np.array([(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)], dtype=float)
ESDA_Y = np.array([2, 3, 3.2, 5, 8, 7])
ESDA_GI_STAR_Z = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331]
ESDA_GI_Z = [-1.0136729, -0.04361589, 1.31558703, -0.31412676, 1.15373986, 1.77833941]


@pytest.mark.parametrize("star, expected", [(True, ESDA_GI_STAR_Z), (False, ESDA_GI_Z)])
def test_esda_example(star, expected):
    result = getisord.getis_ord(ESDA_POINTS[:, 0], ESDA_POINTS[:, 1], ESDA_Y, 15, star=star)
    assert np.allclose(result.z, expected, atol=1e-6)


def brute_force_z(xy, y, distance, star):
    """Ord & Getis (1995) eq. for binary weights, written out per feature."""
    n = len(y)
    z = np.empty(n)
    for i in range(n):
        d = np.hypot(*(xy - xy[i]).T)
        w = (d <= distance).astype(float)
        others = np.ones(n, bool)
        if not star:
            w[i] = 0
            others[i] = False
        m = others.sum()
        ybar = y[others].mean()
        s = np.sqrt((y[others] ** 2).mean() - ybar ** 2)
        wi = w.sum()
        z[i] = (w @ y - wi * ybar) / (s * np.sqrt((m * (w ** 2).sum() - wi ** 2) / (m - 1)))
    return z


@pytest.mark.parametrize("star", [True, False])
def test_random_points_against_brute_force(star):
    rng = np.random.default_rng(11)
    xy = rng.uniform(0, 1000, (300, 2)).round()
    y = rng.poisson(3, 300).astype(float)
    result = getisord.getis_ord(xy[:, 0], xy[:, 1], y, 120, star=star)
    assert np.allclose(result.z, brute_force_z(xy, y, 120, star), atol=1e-9)


@pytest.mark.parametrize("star", [True, False])
def test_lattice_equals_kd_tree(star):
    rng = np.random.default_rng(4)
    col = rng.integers(-30, 30, 800)
    row = rng.integers(-20, 20, 800)
    cells = np.unique(np.column_stack((col, row)), axis=0)
    y = rng.poisson(2, len(cells)).astype(float)
    lattice = getisord.getis_ord_lattice(cells[:, 0], cells[:, 1], y, 150, 450, star=star)
    cx, cy = (cells[:, 0] + 0.5) * 150, (cells[:, 1] + 0.5) * 150
    tree = getisord.getis_ord(cx, cy, y, 450, star=star)
    assert np.allclose(lattice.z, tree.z, atol=1e-9, equal_nan=True)
    assert np.array_equal(lattice.neighbours, tree.neighbours)


def test_distance_band_is_inclusive():
    result = getisord.getis_ord([0, 100, 300], [0, 0, 0], [1, 2, 3], 100, star=True)
    assert result.neighbours.tolist() == [2, 2, 1]


def test_smallest_connecting_distance():
    assert getisord.smallest_connecting_distance([0, 3, 10], [0, 4, 0]) == pytest.approx(np.hypot(7, 4))


def test_bins_and_fdr():
    z = np.array([3.0, 2.0, 1.7, 0.5, -2.7, -1.96])
    p = getisord.special.erfc(np.abs(z) / np.sqrt(2))
    assert getisord.confidence_bins(z, p).tolist() == [3, 2, 1, 0, -3, -2]
    # BH with 6 tests: the 1% level needs p <= 0.01*k/6 for the k-th smallest p.
    bins = getisord.confidence_bins(z, p, fdr=True)
    assert bins[0] >= 2 and bins[3] == 0
    assert np.all(np.abs(bins) <= np.abs(getisord.confidence_bins(z, p)))


def test_bad_input():
    with pytest.raises(ValueError, match="at least two"):
        getisord.getis_ord([0], [0], [1], 10)
    with pytest.raises(ValueError, match="NaN"):
        getisord.getis_ord([0, 1], [0, 1], [1, np.nan], 10)
