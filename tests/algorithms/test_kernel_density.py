"""hotspotpatrol:kerneldensity: a drop-in for QGIS's Heatmap with exact pixel values."""

import numpy as np
import pytest
from helpers import SOUTHEND, point_layer
from osgeo import gdal
from qgis.core import QgsApplication, QgsProcessingException

HEATMAP = "qgis:heatmapkerneldensityestimation"


def read_raster(path):
    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(float)
    return values, values == band.GetNoDataValue(), dataset.GetGeoTransform()


def brute_force_quartic(xy, weights, geotransform, shape, radius):
    """Σ w (1 - (d/r)²)² at every pixel centre, written out independently of core.kde."""
    x0, size, _, y0, _, _ = geotransform
    cx = x0 + (np.arange(shape[1]) + 0.5) * size
    cy = y0 - (np.arange(shape[0]) + 0.5) * size
    total = np.zeros(shape)
    for (px, py), w in zip(xy, weights):
        d2 = (cx[None, :] - px) ** 2 + (cy[:, None] - py) ** 2
        total += w * np.where(d2 <= radius ** 2, (1 - d2 / radius ** 2) ** 2, 0.0)
    return total


def test_parameters_are_a_superset_of_heatmaps(provider):
    registry = QgsApplication.processingRegistry()
    ours = registry.algorithmById("hotspotpatrol:kerneldensity")
    theirs = registry.algorithmById(HEATMAP)
    our_names = [p.name() for p in ours.parameterDefinitions()]
    assert {p.name() for p in theirs.parameterDefinitions()} <= set(our_names)
    assert {"TIME", "START", "END", "TARGET_CRS"} <= set(our_names)
    assert ours.parameterDefinition("RADIUS").defaultValue() == 150
    assert ours.parameterDefinition("PIXEL_SIZE").defaultValue() == 10
    assert ours.parameterDefinition("KERNEL").options()[:5] == theirs.parameterDefinition("KERNEL").options()
    assert "Gaussian" in ours.parameterDefinition("KERNEL").options()[5]


def test_metadata(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:kerneldensity")
    assert algorithm.displayName() == "Kernel density (fast heatmap)"
    help_text = algorithm.shortHelpString()
    for phrase in ("How it differs from QGIS's Heatmap", "7.25", "σ = RADIUS/3", "NoData"):
        assert phrase in help_text
    assert not algorithm.icon().isNull()


def test_three_points_exact_on_heatmaps_grid(run, tmp_path):
    xy = [(1003.0, 2007.0), (1031.0, 2012.0), (1016.0, 2041.0)]
    layer = point_layer(xy)
    parameters = {"INPUT": layer, "RADIUS": 50, "PIXEL_SIZE": 10}
    ours = run("hotspotpatrol:kerneldensity", {**parameters, "OUTPUT": str(tmp_path / "ours.tif")})
    theirs = run(HEATMAP, {**parameters, "OUTPUT": str(tmp_path / "qgis.tif")})
    values, nodata, geotransform = read_raster(ours["OUTPUT"])
    qgis_values, qgis_nodata, qgis_geotransform = read_raster(theirs["OUTPUT"])
    assert values.shape == qgis_values.shape
    assert np.allclose(geotransform, qgis_geotransform)
    exact = brute_force_quartic(xy, [1, 1, 1], geotransform, values.shape, 50)
    assert np.max(np.abs(np.where(nodata, 0, values) - exact)) <= 1e-3 * exact.max()
    # NoData exactly where no point lies within the radius of the pixel centre.
    x0, size, _, y0, _, _ = geotransform
    cx = x0 + (np.arange(values.shape[1]) + 0.5) * size
    cy = y0 - (np.arange(values.shape[0]) + 0.5) * size
    reached = np.zeros(values.shape, dtype=bool)
    for px, py in xy:
        reached |= (cx[None, :] - px) ** 2 + (cy[:, None] - py) ** 2 <= 50 ** 2
    assert np.mean(nodata == ~reached) > 0.99
    # QGIS's own raster is measurably off on this case (the vertical misplacement).
    assert np.max(np.abs(np.where(qgis_nodata, 0, qgis_values) - exact)) > 0.1 * exact.max()


@pytest.mark.parametrize("kernel", range(6))
def test_scaled_output_integrates_to_the_crime_count(run, tmp_path, kernel):
    rng = np.random.default_rng(kernel)
    xy = rng.normal(0, 300, (400, 2))
    result = run("hotspotpatrol:kerneldensity", {
        "INPUT": point_layer([tuple(p) for p in xy]), "RADIUS": 150, "PIXEL_SIZE": 10, "KERNEL": kernel,
        "OUTPUT_VALUE": 1, "OUTPUT": str(tmp_path / "scaled.tif")})
    values, nodata, geotransform = read_raster(result["OUTPUT"])
    assert np.where(nodata, 0, values).sum() * geotransform[1] ** 2 == pytest.approx(400, rel=5e-3)


def test_weights_and_sample_against_brute_force(run, tmp_path):
    xy = [(0.0, 0.0)] * 30 + [(40.0, 15.0), (-60.0, 80.0)]
    weights = [2.0] * 30 + [5.0, 1.5]
    layer = point_layer(xy, fields=[("harm", "double")], rows=[(w,) for w in weights])
    result = run("hotspotpatrol:kerneldensity", {"INPUT": layer, "RADIUS": 100, "PIXEL_SIZE": 10,
                                                 "WEIGHT_FIELD": "harm", "OUTPUT": str(tmp_path / "w.tif")})
    values, nodata, geotransform = read_raster(result["OUTPUT"])
    exact = brute_force_quartic(xy, weights, geotransform, values.shape, 100)
    assert np.max(np.abs(np.where(nodata, 0, values) - exact)) <= 1e-3 * exact.max()


def test_southend_sample_in_british_national_grid(run, tmp_path):
    result = run("hotspotpatrol:kerneldensity", {"INPUT": str(SOUTHEND), "TIME": "month",
                                                 "END": "2018-02-01T00:00:00",
                                                 "OUTPUT": str(tmp_path / "southend.tif")})
    assert result["CRIMES_COUNTED"] == 1868
    dataset = gdal.Open(result["OUTPUT"])
    assert "British National Grid" in dataset.GetProjection()
    values, nodata, _ = read_raster(result["OUTPUT"])
    # The densest pixel of January holds dozens of crimes (snap points stack many crimes).
    assert values[~nodata].max() > 20


@pytest.mark.parametrize("parameters, message", [
    ({"PIXEL_SIZE": 0}, "PIXEL_SIZE must be more than 0"),
    ({"RADIUS": 0}, "RADIUS must be more than 0"),
    ({"PIXEL_SIZE": 0.01}, "limit is about 100 million"),
    ({"WEIGHT_FIELD": "label"}, "not numeric"),
])
def test_bad_input_is_explained(run, tmp_path, parameters, message):
    layer = point_layer([(0, 0), (500, 500)], fields=[("label", "text")], rows=[("a",), ("b",)])
    with pytest.raises(QgsProcessingException, match=message):
        run("hotspotpatrol:kerneldensity", {"INPUT": layer, "OUTPUT": str(tmp_path / "x.tif"), **parameters})


@pytest.mark.parametrize("gdal_exceptions", [False, True])
def test_unwritable_output_is_explained(run, tmp_path, gdal_exceptions):
    """Whether GDAL returns None or raises (QGIS 3.40's Processing turns its exceptions on)."""
    was_on = gdal.GetUseExceptions()
    (gdal.UseExceptions if gdal_exceptions else gdal.DontUseExceptions)()
    try:
        not_a_folder = tmp_path / "a_file"
        not_a_folder.write_text("")
        with pytest.raises(QgsProcessingException, match="Could not create the raster"):
            run("hotspotpatrol:kerneldensity", {"INPUT": point_layer([(0, 0), (500, 500)]),
                                                "OUTPUT": str(not_a_folder / "x.tif")})
    finally:
        (gdal.UseExceptions if was_on else gdal.DontUseExceptions)()
