"""Getis-Ord Gi and Gi* against PySAL esda's published example and brute force."""

import numpy as np
import pytest

from hotspot_patrol.core import getisord, grid

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


# --- bounds: features without neighbours, the pairs a band makes --------------------------------

@pytest.mark.parametrize("star", [True, False])
def test_a_feature_without_a_neighbour_is_not_classified(star):
    # The last point is 1 km from the others: alone in a 150 m band, whatever its value.
    x = np.array([0, 100, 0, 100, 50, 1000.0])
    y = np.array([0, 0, 100, 100, 50, 0.0])
    values = np.array([1, 2, 1, 2, 1, 500.0])
    result = getisord.getis_ord(x, y, values, 150, star=star)
    assert result.isolated.tolist() == [False] * 5 + [True]
    assert np.isnan(result.z[5]) and np.isnan(result.p[5]) and result.bin[5] == 0
    assert np.all(np.isfinite(result.z[:5]))


def test_every_feature_alone_means_no_hot_spot():
    rng = np.random.default_rng(1)
    result = getisord.getis_ord(rng.uniform(0, 1e4, 50), rng.uniform(0, 1e4, 50), rng.poisson(3, 50), 0.001)
    assert result.isolated.all() and not result.bin.any() and np.isnan(result.z).all()


def test_too_many_pairs_are_refused_before_any_is_built_with_a_band_that_fits():
    rng = np.random.default_rng(2)
    x, y = rng.uniform(0, 1000, (2, 400))
    values = rng.poisson(3, 400).astype(float)
    with pytest.raises(ValueError, match=r"160,000 neighbour pairs, over the limit of 10,000") as error:
        getisord.getis_ord(x, y, values, 1e9, max_pairs=10_000)
    fitting = float(str(error.value).split("at most ")[1].split(" m")[0])
    result = getisord.getis_ord(x, y, values, fitting, max_pairs=10_000)
    assert result.neighbours.sum() <= 10_000


def test_chunked_pairs_give_the_same_numbers(monkeypatch):
    rng = np.random.default_rng(5)
    xy = rng.uniform(0, 1000, (300, 2)).round()
    y = rng.poisson(3, 300).astype(float)
    whole = getisord.getis_ord(xy[:, 0], xy[:, 1], y, 120)
    monkeypatch.setattr(getisord, "_CHUNK_PAIRS", 50)
    chunked = getisord.getis_ord(xy[:, 0], xy[:, 1], y, 120)
    assert np.allclose(whole.z, chunked.z, equal_nan=True) and np.array_equal(whole.neighbours, chunked.neighbours)
    assert np.allclose(chunked.z, brute_force_z(xy, y, 120, True), atol=1e-9)


@pytest.mark.parametrize("distance", [150.0, 150 * np.sqrt(2), 450.0, 1e9])
def test_lattice_falls_back_to_the_tree_with_the_same_neighbours(monkeypatch, distance):
    rng = np.random.default_rng(4)
    cells = np.unique(np.column_stack((rng.integers(-30, 30, 500), rng.integers(-20, 20, 500))), axis=0)
    y = rng.poisson(2, len(cells)).astype(float)
    cx, cy = (cells[:, 0] + 0.5) * 150, (cells[:, 1] + 0.5) * 150
    tree = getisord.getis_ord(cx, cy, y, distance)
    monkeypatch.setattr(getisord, "MAX_LATTICE_WORK", 0)
    fallback = getisord.getis_ord_lattice(cells[:, 0], cells[:, 1], y, 150, distance)
    assert np.array_equal(fallback.neighbours, tree.neighbours)
    assert np.allclose(fallback.z, tree.z, atol=1e-9, equal_nan=True)


@pytest.mark.parametrize("star", [True, False])
@pytest.mark.parametrize("distance", [150.0, 150 * np.sqrt(2), 450.0])
def test_cells_with_a_far_few_equal_the_kd_tree(star, distance):
    """A block of cells and three cells 400 km away: looked up offset by offset, the same numbers."""
    rng = np.random.default_rng(8)
    cells = np.unique(np.column_stack((rng.integers(0, 60, 900), rng.integers(0, 40, 900))), axis=0)
    cells = np.vstack((cells, [[-2700, -1300], [-2699, -1300], [-2650, -1400]]))
    y = rng.poisson(2, len(cells)).astype(float)
    lattice = getisord.getis_ord_lattice(cells[:, 0], cells[:, 1], y, 150, distance, star=star)
    cx, cy = (cells[:, 0] + 0.5) * 150, (cells[:, 1] + 0.5) * 150
    tree = getisord.getis_ord(cx, cy, y, distance, star=star)
    assert np.array_equal(lattice.neighbours, tree.neighbours)
    assert np.allclose(lattice.z, tree.z, atol=1e-9, equal_nan=True)
    assert lattice.isolated[-1] and not lattice.isolated[-3]


def test_far_cells_cost_no_memory_for_the_gap():
    """Two blocks of 2,500 cells 3,000 km apart: a dense lattice would need 10^10 cells."""
    import tracemalloc
    col, row = np.meshgrid(np.arange(50), np.arange(50))
    col = np.concatenate((col.ravel(), col.ravel() + 20_000))
    row = np.concatenate((row.ravel(), row.ravel() + 10_000))
    values = np.arange(col.size, dtype=float) % 5
    tracemalloc.start()
    result = getisord.getis_ord_lattice(col, row, values, 150, 150 * np.sqrt(2))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20e6
    assert result.neighbours.max() == 9 and result.neighbours.min() == 4


def test_a_huge_band_on_a_lattice_needs_no_huge_stencil():
    import tracemalloc
    col, row = np.meshgrid(np.arange(40), np.arange(30))
    values = np.arange(1200, dtype=float) % 7
    tracemalloc.start()
    result = getisord.getis_ord_lattice(col.ravel(), row.ravel(), values, 150, 1e9)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 200e6
    assert np.all(result.neighbours == 1200) and not result.bin.any()


def test_nan_distance_is_refused():
    with pytest.raises(ValueError, match="positive number"):
        getisord.getis_ord_lattice([0, 1], [0, 0], [1.0, 2.0], 150, np.nan)


# --- the cells of one square lattice, read from their ids ----------------------------------------

def test_square_lattice_reads_the_cells_from_their_ids():
    col, row, size = getisord.square_lattice(["S150_3_7", "S150_-2_0", "S150_3_8"])
    assert col.tolist() == [3, -2, 3] and row.tolist() == [7, 0, 8] and size == 150.0
    assert col.dtype == np.int64 and row.dtype == np.int64


@pytest.mark.parametrize("ids", [
    ["S150_3_7", "H150_4_7"],                  # a hexagon
    ["S150_3_7", "S100_4_7"],                  # two sizes
    ["S150_3_7", "S150_3_7"],                  # one cell twice
    ["S150_3_7", None],                        # a feature without an id
    ["S150_3_7", "Victoria Road"],             # another text
    ["H150_3_7", "H150_4_7"],                  # hexagons only
    [],
])
def test_square_lattice_is_none_unless_the_features_are_distinct_cells_of_one_square_grid(ids):
    assert getisord.square_lattice(ids) is None


@pytest.mark.parametrize("star", [True, False])
def test_cells_read_from_their_ids_give_the_kd_tree_numbers(star):
    rng = np.random.default_rng(21)
    cells = np.unique(np.column_stack((rng.integers(3900, 3940, 600), rng.integers(1200, 1230, 600))), axis=0)
    values = rng.poisson(3, len(cells)).astype(float)
    col, row, size = getisord.square_lattice(grid.cell_ids(cells[:, 0], cells[:, 1], 150))
    lattice = getisord.getis_ord_lattice(col, row, values, size, 300, star=star)
    tree = getisord.getis_ord((cells[:, 0] + 0.5) * 150, (cells[:, 1] + 0.5) * 150, values, 300, star=star)
    assert np.allclose(lattice.z, tree.z, atol=1e-9, equal_nan=True)


def test_hot_and_cold_spots_count_the_features_in_each_kind_of_bin():
    bins = np.array([3, 0, -1, 2, 1, 0, -3])
    result = getisord.GetisOrd(z=np.zeros(7), p=np.ones(7), bin=bins, neighbours=np.ones(7, dtype=np.int64),
                               isolated=np.zeros(7, dtype=bool))
    assert (result.hot_spots, result.cold_spots) == (3, 2)
