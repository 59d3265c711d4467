"""Kernel density: QGIS's Heatmap grid, the kernels, and the hybrid sum against brute force."""

import math
import re

import numpy as np
import pytest
from scipy import integrate

from hotspot_patrol.core import kde
from hotspot_patrol.core.errors import InputError
from hotspot_patrol.core.progress import Cancelled

PIXEL = 10.0

# Normalising constant per kernel, (radius, decay) -> constant, so that the
# kernel integrates to 1 over its disc (Wand and Jones 1995, p. 175).
NORMALISERS = {
    "quartic": lambda r, decay: 3.0 / (math.pi * r * r),
    "triangular": lambda r, decay: 3.0 / ((1.0 + 2.0 * decay) * math.pi * r * r),
    "uniform": lambda r, decay: 1.0 / (math.pi * r * r),
    "triweight": lambda r, decay: 4.0 / (math.pi * r * r),
    "epanechnikov": lambda r, decay: 2.0 / (math.pi * r * r),
    "gaussian": lambda r, decay: 1.0 / (2.0 * math.pi * (r / 3.0) ** 2 * (1.0 - math.exp(-4.5))),
}


def raw_kernel(d, r, kernel, decay):
    """The kernels written out from their formulas, for d <= r."""
    u = d / r
    if kernel == "quartic":
        return (1.0 - u * u) ** 2
    if kernel == "triangular":
        return 1.0 - (1.0 - decay) * u
    if kernel == "uniform":
        return np.ones_like(u)
    if kernel == "triweight":
        return (1.0 - u * u) ** 3
    if kernel == "epanechnikov":
        return 1.0 - u * u
    sigma = r / 3.0
    return np.exp(-d * d / (2.0 * sigma * sigma))


def brute_force(x, y, grid, radius, weights=None, kernel="quartic", scaled=False, decay=0.0,
                radii=None):
    """Sum of w K(d) over every point and every pixel centre within its radius."""
    centre_x = grid.x_min + (np.arange(grid.n_cols) + 0.5) * grid.pixel_size
    centre_y = grid.y_max - (np.arange(grid.n_rows) + 0.5) * grid.pixel_size
    values = np.zeros((grid.n_rows, grid.n_cols))
    covered = np.zeros((grid.n_rows, grid.n_cols), dtype=bool)
    weights = np.ones(len(x)) if weights is None else weights
    radii = np.full(len(x), float(radius)) if radii is None else radii
    for px, py, w, r in zip(x, y, weights, radii):
        # Only the rows and columns whose centres are within r along each axis.
        cols = np.flatnonzero(np.abs(centre_x - px) <= r)
        rows = np.flatnonzero(np.abs(centre_y - py) <= r)
        d = np.sqrt((centre_x[cols][None, :] - px) ** 2 + (centre_y[rows][:, None] - py) ** 2)
        inside = d <= r
        k = raw_kernel(d, r, kernel, decay)
        if scaled:
            k = k * NORMALISERS[kernel](r, decay)
        block = np.ix_(rows, cols)
        values[block] += np.where(inside, w * k, 0.0)
        covered[block] |= inside
    return values, covered


def clustered_points(seed, n=500, n_clusters=8, extent=1500.0, spread=60.0):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0.0, extent, (n_clusters, 2))
    points = centres[rng.integers(0, n_clusters, n)] + rng.normal(0.0, spread, (n, 2))
    return points[:, 0], points[:, 1], rng.uniform(0.5, 3.0, n)


def grid_around(x, y, radius):
    return kde.heatmap_grid(x.min(), y.min(), x.max(), y.max(), radius, PIXEL)


def relative_error(values, reference):
    return np.abs(values - reference).max() / np.abs(reference).max()


# --------------------------------------------------------------------------
# Grid


def test_heatmap_grid_has_qgis_size_and_origin():
    # Checked against qgis:heatmapkerneldensityestimation in QGIS 3.22: the
    # box grown by the radius is 115 x 67 and QGIS makes ceil(115/10) + 1 = 13
    # columns and ceil(67/10) + 1 = 8 rows from its top-left corner.
    grid = kde.heatmap_grid(0.0, 0.0, 95.0, 47.0, 10.0, 10.0)
    assert (grid.n_cols, grid.n_rows) == (13, 8)
    assert grid.geotransform() == (-10.0, 10.0, 0.0, 57.0, 0.0, -10.0)
    assert grid.shape == (8, 13)
    np.testing.assert_allclose(grid.column_centres()[:2], [-5.0, 5.0])
    np.testing.assert_allclose(grid.row_centres()[:2], [52.0, 42.0])


def test_heatmap_grid_adds_a_column_when_the_width_is_a_multiple():
    grid = kde.heatmap_grid(0.0, 0.0, 100.0, 50.0, 10.0, 10.0)
    assert (grid.n_cols, grid.n_rows) == (13, 8)


def test_too_many_pixels_names_a_pixel_size_that_fits():
    with pytest.raises(ValueError, match="would need 400,440,121 pixels") as error:
        kde.heatmap_grid(0.0, 0.0, 200_000.0, 200_000.0, 50.0, 10.0)
    suggested = float(re.search(r"Use pixels of at least ([0-9.]+)", str(error.value)).group(1))
    assert error.value.setting == "pixel_size"
    grid = kde.heatmap_grid(0.0, 0.0, 200_000.0, 200_000.0, 50.0, suggested)
    assert grid.n_cols * grid.n_rows <= kde.MAX_PIXELS
    with pytest.raises(ValueError):
        kde.heatmap_grid(0.0, 0.0, 200_000.0, 200_000.0, 50.0, 0.9 * suggested)


@pytest.mark.parametrize("radius, pixel_size", [(0.0, 10.0), (-5.0, 10.0), (100.0, 0.0)])
def test_heatmap_grid_rejects_non_positive_sizes(radius, pixel_size):
    with pytest.raises(ValueError, match="positive"):
        kde.heatmap_grid(0.0, 0.0, 100.0, 100.0, radius, pixel_size)


# --------------------------------------------------------------------------
# Kernels


@pytest.mark.parametrize("kernel", kde.KERNELS)
def test_kernels_are_one_at_the_centre_and_zero_beyond_the_radius(kernel):
    np.testing.assert_allclose(kde.kernel_value([0.0, 150.0 * 1.000001], 150.0, kernel), [1.0, 0.0])


def test_gaussian_is_cut_off_at_three_sigma():
    sigma = 50.0
    np.testing.assert_allclose(kde.kernel_value([sigma, 3 * sigma], 3 * sigma, "gaussian"),
                               [math.exp(-0.5), math.exp(-4.5)])


@pytest.mark.parametrize("kernel, decay", [(k, 0.0) for k in kde.KERNELS]
                         + [("triangular", 0.5), ("triangular", -0.3)])
def test_scaled_kernels_integrate_to_one_over_their_disc(kernel, decay):
    radius = 150.0
    total, _ = integrate.quad(
        lambda d: 2 * math.pi * d * kde.kernel_value(d, radius, kernel, True, decay), 0, radius,
        points=[radius / 2])
    assert total == pytest.approx(1.0, rel=1e-9)


def test_scaled_quartic_is_not_qgis_322s_constant():
    radius = 100.0
    assert kde.kernel_value(0.0, radius, "quartic", scaled=True) == pytest.approx(
        3.0 / (math.pi * radius**2))


def test_triangular_decay_sets_the_value_at_the_rim():
    np.testing.assert_allclose(kde.kernel_value([0.0, 100.0], 100.0, "triangular", decay=0.5),
                               [1.0, 0.5])
    np.testing.assert_allclose(kde.kernel_value([0.0, 100.0], 100.0, "triangular", decay=-0.3),
                               [1.0, -0.3])


def test_scaled_triangular_with_decay_of_minus_a_half_or_less_is_refused():
    with pytest.raises(ValueError, match="decay"):
        kde.kernel_value(0.0, 100.0, "triangular", scaled=True, decay=-0.6)
    x, y, _ = clustered_points(1, n=20)
    with pytest.raises(ValueError, match="decay"):
        kde.kernel_density(x, y, grid_around(x, y, 100.0), 100.0, kernel="triangular",
                           scaled=True, decay=-0.6)


def test_unknown_kernel_is_refused():
    with pytest.raises(ValueError, match="quartic"):
        kde.kernel_value(0.0, 100.0, "biweight")


# --------------------------------------------------------------------------
# Kernel density against brute force


@pytest.mark.parametrize("radius", [50.0, 150.0])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("scaled", [False, True])
@pytest.mark.parametrize("kernel", kde.KERNELS)
def test_auto_matches_brute_force(kernel, scaled, weighted, radius):
    x, y, weights = clustered_points(2)
    weights = weights if weighted else None
    grid = grid_around(x, y, radius)
    values, _ = kde.kernel_density(x, y, grid, radius, weights, kernel, scaled)
    reference, _ = brute_force(x, y, grid, radius, weights, kernel, scaled)
    assert relative_error(values, reference) < 1e-3


@pytest.mark.parametrize("decay", [0.5, -0.3])
@pytest.mark.parametrize("scaled", [False, True])
def test_triangular_decay_matches_brute_force(decay, scaled):
    x, y, weights = clustered_points(3)
    grid = grid_around(x, y, 150.0)
    values, covered = kde.kernel_density(x, y, grid, 150.0, weights, "triangular", scaled, decay)
    reference, reference_covered = brute_force(x, y, grid, 150.0, weights, "triangular", scaled,
                                               decay)
    assert relative_error(values, reference) < 1e-3
    np.testing.assert_array_equal(covered, reference_covered)


def stacked_points():
    """5000 crimes snapped onto 3 places, plus 300 scattered ones."""
    rng = np.random.default_rng(4)
    # Two places share an x, two a y: only equal x and y make one location.
    places = np.array([[500.35, 800.45], [500.35, 400.25], [900.15, 800.45]])
    on_places = np.repeat(places, [3000, 1500, 500], axis=0)
    scattered = rng.uniform(0.0, 2000.0, (300, 2))
    points = np.vstack([on_places, scattered])
    return points[:, 0], points[:, 1]


@pytest.mark.parametrize("kernel", ["quartic", "uniform"])
def test_many_points_on_one_location(kernel):
    x, y = stacked_points()
    grid = grid_around(x, y, 150.0)
    reference, _ = brute_force(x, y, grid, 150.0, kernel=kernel)
    auto, _ = kde.kernel_density(x, y, grid, 150.0, kernel=kernel)
    binned, _ = kde.kernel_density(x, y, grid, 150.0, kernel=kernel, method="binned")
    assert relative_error(auto, reference) < 1e-3
    # Binning the heavy places too would be measurably worse.
    assert relative_error(binned, reference) > 10 * relative_error(auto, reference)
    assert relative_error(binned, reference) > 1e-4


def test_auto_evaluates_the_heavy_places_exactly_and_bins_the_rest():
    x, y = stacked_points()
    grid = grid_around(x, y, 150.0)
    plan = kde._plan(x, y, np.ones_like(x), None, grid, 150.0, "quartic", False, 0.0, "auto",
                     None)
    assert sorted(plan.exact.weights.tolist()) == [500.0, 1500.0, 3000.0]
    assert plan.binned.size == 300


@pytest.mark.parametrize("kernel", kde.KERNELS)
def test_scaled_density_sums_to_the_total_weight(kernel):
    rng = np.random.default_rng(5)
    x, y = rng.uniform(0.0, 1000.0, (2, 300))
    weights = rng.uniform(0.5, 3.0, 300)
    grid = grid_around(x, y, 150.0)
    values, _ = kde.kernel_density(x, y, grid, 150.0, weights, kernel, scaled=True)
    assert values.sum() * PIXEL**2 == pytest.approx(weights.sum(), rel=5e-3)


@pytest.mark.parametrize("scaled", [False, True])
def test_per_point_radii_match_brute_force(scaled):
    rng = np.random.default_rng(6)
    x, y, weights = clustered_points(6, n=200)
    radii = rng.uniform(40.0, 160.0, 200)
    # Shared locations: some with the same radius, some with another one.
    x[:20], y[:20], radii[:15] = x[0], y[0], radii[0]
    grid = grid_around(x, y, radii.max())
    values, covered = kde.kernel_density(x, y, grid, 100.0, weights, "epanechnikov", scaled,
                                         radii=radii)
    reference, reference_covered = brute_force(x, y, grid, None, weights, "epanechnikov", scaled,
                                               radii=radii)
    assert relative_error(values, reference) < 1e-9
    np.testing.assert_array_equal(covered, reference_covered)


@pytest.mark.parametrize("radius", [150.0, 137.0, 155.0])
@pytest.mark.parametrize("kernel", ["quartic", "gaussian"])
def test_covered_mask_is_exact_where_locations_are_binned(kernel, radius):
    x, y = stacked_points()
    grid = grid_around(x, y, radius)
    _, covered = kde.kernel_density(x, y, grid, radius, kernel=kernel, method="binned")
    _, reference_covered = brute_force(x, y, grid, radius, kernel=kernel)
    np.testing.assert_array_equal(covered, reference_covered)


def test_a_crowd_of_light_locations_is_evaluated_exactly():
    # 2000 crimes at distinct spots a few metres apart: each is light, but
    # together their binning errors would add up at the crowd's rim.
    rng = np.random.default_rng(10)
    x, y = np.round(rng.normal(0.0, 3.0, (2, 2000)), 1)
    scattered_x, scattered_y = rng.uniform(-1000.0, 1000.0, (2, 200))
    x, y = np.append(x, scattered_x), np.append(y, scattered_y)
    grid = grid_around(x, y, 150.0)
    reference, _ = brute_force(x, y, grid, 150.0, kernel="epanechnikov")
    auto, _ = kde.kernel_density(x, y, grid, 150.0, kernel="epanechnikov")
    binned, _ = kde.kernel_density(x, y, grid, 150.0, kernel="epanechnikov", method="binned")
    assert relative_error(auto, reference) < 1e-3
    assert relative_error(binned, reference) > 3e-3


def test_values_are_zero_outside_the_covered_pixels():
    x, y = stacked_points()
    grid = grid_around(x, y, 150.0)
    values, covered = kde.kernel_density(x, y, grid, 150.0, kernel="gaussian")
    assert not covered.all()
    assert np.all(values[~covered] == 0.0)
    assert np.all(values >= 0.0)


def test_fft_round_off_does_not_show_as_density():
    # A zero-weight point far from the others covers pixels whose density is 0.
    x, y, weights = clustered_points(11)
    x, y, weights = np.append(x, 3000.0), np.append(y, 3000.0), np.append(weights, 0.0)
    grid = grid_around(x, y, 150.0)
    values, covered = kde.kernel_density(x, y, grid, 150.0, weights, method="binned")
    reference, _ = brute_force(x, y, grid, 150.0, weights)
    assert covered[reference == 0.0].any()
    assert np.all(values[reference == 0.0] == 0.0)



def test_binning_in_chunks_and_row_bands_matches_brute_force(monkeypatch):
    # Chunks of 50 locations and strips of 5 rows, so that a few thousand points
    # take the banded paths a million points take with the default sizes.
    x, y, weights = clustered_points(12, n=3000)
    # A zero-weight point left of the lowest ones covers pixels of density 0 in the last bands,
    # where the FFT's round-off from those points must be cleaned away.
    x, y, weights = np.append(x, x.min() - 1000.0), np.append(y, y.min()), np.append(weights, 0.0)
    grid = grid_around(x, y, 150.0)
    unbanded, _ = kde.kernel_density(x, y, grid, 150.0, weights, method="binned")
    monkeypatch.setattr(kde, "_BIN_CHUNK_BYTES", 50 * kde._BYTES_PER_BINNED_LOCATION)
    monkeypatch.setattr(kde, "_STRIP_PIXELS", 5 * grid.n_cols)
    values, covered = kde.kernel_density(x, y, grid, 150.0, weights, method="binned")
    reference, reference_covered = brute_force(x, y, grid, 150.0, weights)
    assert relative_error(values, reference) < 1e-3
    # The bands only move single-precision round-off.
    assert relative_error(values, unbanded) < 1e-5
    np.testing.assert_array_equal(covered, reference_covered)
    assert covered[reference == 0.0].any()
    assert np.all(values[reference == 0.0] == 0.0)

def test_negative_weights_match_brute_force():
    x, y, _ = clustered_points(7)
    weights = np.random.default_rng(7).uniform(-1.0, 2.0, x.size)
    grid = grid_around(x, y, 150.0)
    for kernel in ("quartic", "triangular"):
        values, _ = kde.kernel_density(x, y, grid, 150.0, weights, kernel)
        reference, _ = brute_force(x, y, grid, 150.0, weights, kernel)
        assert relative_error(values, reference) < 1e-3


def test_points_beyond_a_smaller_grid_still_reach_its_edge():
    x, y, weights = clustered_points(8, n=2000, extent=2000.0, spread=150.0)
    grid = kde.RasterGrid(x_min=600.0, y_max=1400.0, pixel_size=PIXEL, n_cols=70, n_rows=55)
    reference, reference_covered = brute_force(x, y, grid, 137.0, weights)
    for method in ("auto", "binned", "exact"):
        values, covered = kde.kernel_density(x, y, grid, 137.0, weights, method=method)
        assert relative_error(values, reference) < 1e-3
        np.testing.assert_array_equal(covered, reference_covered)


def test_exact_method_equals_brute_force():
    x, y, weights = clustered_points(9)
    grid = grid_around(x, y, 150.0)
    values, _ = kde.kernel_density(x, y, grid, 150.0, weights, "triweight", method="exact")
    reference, _ = brute_force(x, y, grid, 150.0, weights, "triweight")
    # Only values under 1e-6 of the maximum (taken as round-off) are zeroed.
    assert relative_error(values, reference) <= 1e-6
    nonzero = reference > 1e-6 * reference.max()
    assert np.allclose(values[nonzero], reference[nonzero], rtol=1e-12, atol=0)


def test_no_points_give_an_empty_raster():
    grid = kde.RasterGrid(0.0, 100.0, PIXEL, 10, 10)
    values, covered = kde.kernel_density([], [], grid, 50.0)
    assert values.shape == covered.shape == (10, 10)
    assert not values.any() and not covered.any()


# --------------------------------------------------------------------------
# Validation, progress and cancellation


GRID = kde.RasterGrid(0.0, 100.0, PIXEL, 10, 10)


@pytest.mark.parametrize("arguments, message", [
    (dict(x=[1.0, 2.0], y=[1.0]), "same length"),
    (dict(x=[1.0, np.nan], y=[1.0, 2.0]), "finite"),
    (dict(weights=[1.0]), "one weight per point"),
    (dict(weights=[1.0, np.inf]), "Weights must be finite"),
    (dict(radius=0.0), "radius must be a positive"),
    (dict(radii=[10.0, 0.0]), "Radii must be finite and positive"),
    (dict(radii=[10.0]), "one radius per point"),
    (dict(kernel="cosine"), "Unknown kernel"),
    (dict(method="fast"), "Unknown method"),
    (dict(method="binned", radii=[10.0, 20.0]), "one radius for all points"),
    (dict(grid=(0.0, 100.0, 10.0, 10, 10)), "RasterGrid"),
])
def test_invalid_input_is_refused(arguments, message):
    call = dict(x=[10.0, 20.0], y=[10.0, 20.0], grid=GRID, radius=30.0) | arguments
    with pytest.raises(ValueError, match=message):
        kde.kernel_density(**call)


@pytest.mark.parametrize("kernel", ["quartic", "uniform"])
def test_progress_is_reported_and_ends_at_one(kernel):
    x, y = stacked_points()
    fractions = []
    kde.kernel_density(x, y, grid_around(x, y, 150.0), 150.0, kernel=kernel,
                       progress=lambda f: fractions.append(f) or False)
    assert len(fractions) > 3
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0 and fractions[-1] == 1.0


@pytest.mark.parametrize("stop_after", [0.0, 0.3, 0.6])
def test_cancelling_stops_the_computation(stop_after):
    x, y = stacked_points()
    with pytest.raises(Cancelled):
        kde.kernel_density(x, y, grid_around(x, y, 150.0), 150.0,
                           progress=lambda fraction: fraction > stop_after)


def test_density_at_matches_brute_force_at_arbitrary_places():
    rng = np.random.default_rng(8)
    x, y = rng.normal(0, 80, (2, 400)).round()
    weights = rng.uniform(0.5, 2, 400)
    at_x, at_y = rng.uniform(-200, 200, (2, 50))
    expected = np.array([
        np.sum(weights * np.clip(1 - ((x - px) ** 2 + (y - py) ** 2) / 150 ** 2, 0, None) ** 2)
        for px, py in zip(at_x, at_y)])
    assert np.allclose(kde.density_at(x, y, at_x, at_y, 150, weights=weights), expected)
    # A place exactly on a crime gets its full weight.
    assert kde.density_at([5.0], [5.0], [5.0], [5.0], 100)[0] == 1.0


def test_heatmap_grid_refuses_pixels_finer_than_the_coordinates_can_place():
    # At 5,000 km from the origin float64 steps by about 1e-9 m: pixels of 1e-9 m would all coincide.
    with pytest.raises(InputError, match=r"Pixels of 1e-09 m are too small") as error:
        kde.heatmap_grid(5e6, 5e6, 5e6, 5e6, 1e-6, 1e-9)
    assert error.value.setting == "pixel_size"
    grid = kde.heatmap_grid(5e6, 5e6, 5e6, 5e6, 1.0, 0.01)
    assert np.all(np.diff(grid.column_centres()) > 0)


@pytest.mark.parametrize("shape, size", [((300, 517), 31), ((64, 64), 5), ((97, 1203), 3)])
def test_fft_convolution_is_scipy_signals_valid_convolution(shape, size):
    from scipy import signal

    rng = np.random.default_rng(size)
    image = rng.random(shape).astype(np.float32)
    stamp = rng.random((size, size)).astype(np.float32)
    expected = signal.fftconvolve(image, stamp, mode="valid")
    result = kde._fft_convolve_valid(image, stamp)
    assert result.shape == expected.shape and result.dtype == expected.dtype
    np.testing.assert_allclose(result, expected, rtol=0, atol=1e-6 * np.abs(expected).max())
