"""A point file without attribute fields is read through OGR's Arrow fast path, exactly as QGIS's iterator reads it.

GDAL 3.6's GeoPackage driver streams empty geometries when no attribute field
is read; the fast path must still serve such a layer, not fall back to the
twenty-times-slower feature iterator, and must agree with that iterator to
the last bit.
"""

import numpy as np
import pytest
from osgeo import ogr, osr
from qgis.core import (
    QgsApplication,
    QgsExpressionContext,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)

from hotspot_patrol.algorithms import arrow_reader, feature_reader, reader

DRIVERS = {"gpkg": "GPKG", "shp": "ESRI Shapefile", "geojson": "GeoJSON"}


def write_points(path, xy, fields=()):
    """A point file in British National Grid; a NaN row becomes a null geometry."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(27700)
    dataset = ogr.GetDriverByName(DRIVERS[path.suffix[1:]]).CreateDataSource(str(path))
    layer = dataset.CreateLayer("crimes", srs, ogr.wkbPoint)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for number, (x, y) in enumerate(xy):
        feature = ogr.Feature(layer.GetLayerDefn())
        if not np.isnan(x):
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(float(x), float(y))
            feature.SetGeometry(point)
        for name, kind in fields:
            feature.SetField(name, number if kind == ogr.OFTInteger else f"crime {number}")
        layer.CreateFeature(feature)
    dataset = None
    return str(path)


def random_xy(n=500, seed=18):
    """Unrounded coordinates (a lost bit would show) with two null geometries among them."""
    xy = np.random.default_rng(seed).normal((590000.0, 185000.0), 900.0, (n, 2))
    xy[[7, 311]] = np.nan
    return xy


def both_readings(path):
    """``(fast, slow)``: the columns read by the Arrow path (None if it declined) and by the iterator."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:gridcrimes")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    parameters = {"INPUT": path}
    source = algorithm.parameterAsSource(parameters, "INPUT", context)
    fast = arrow_reader.read_with_arrow(algorithm, parameters, "INPUT", context, source, {}, {}, None,
                                        QgsProcessingFeedback())
    slow = feature_reader.read_with_iterator(source, QgsExpressionContext(), {}, {}, QgsProcessingFeedback())
    return fast, slow


@pytest.mark.parametrize("suffix", ["gpkg", "shp", "geojson"])
def test_fieldless_file_is_read_fast_and_agrees_with_the_iterator(provider, tmp_path, suffix):
    xy = random_xy()
    fast, slow = both_readings(write_points(tmp_path / f"crimes.{suffix}", xy))
    assert fast is not None, "the field-less layer fell off the Arrow fast path"
    assert set(fast) == {"x", "y"}
    np.testing.assert_array_equal(fast["x"], slow["x"])
    np.testing.assert_array_equal(fast["y"], slow["y"])
    # Both agree with what was written, nulls included, in the file's order.
    np.testing.assert_array_equal(fast["x"], xy[:, 0])
    np.testing.assert_array_equal(fast["y"], xy[:, 1])


def test_geopackage_whose_fields_are_all_unwanted_is_read_fast(provider, tmp_path):
    xy = random_xy(seed=3)
    path = write_points(tmp_path / "crimes.gpkg", xy, fields=[("note", ogr.OFTString), ("ref", ogr.OFTInteger)])
    fast, slow = both_readings(path)
    assert fast is not None
    np.testing.assert_array_equal(fast["x"], slow["x"])
    np.testing.assert_array_equal(fast["y"], slow["y"])
    np.testing.assert_array_equal(np.column_stack([fast["x"], fast["y"]]), xy)


def test_fieldless_geopackage_counts_through_the_fast_path(run, monkeypatch, tmp_path):
    def no_iterator(*args, **kwargs):
        raise AssertionError("the feature iterator was used")
    monkeypatch.setattr(reader, "read_with_iterator", no_iterator)
    xy = random_xy(n=2000, seed=5)
    result = run("hotspotpatrol:gridcrimes", {"INPUT": write_points(tmp_path / "crimes.gpkg", xy),
                                              "CELL_SIZE": 150, "OUTPUT": "memory:"})
    expected = {}
    for x, y in xy[~np.isnan(xy[:, 0])]:
        key = f"S150_{int(x // 150)}_{int(y // 150)}"
        expected[key] = expected.get(key, 0) + 1
    assert result["CRIMES_COUNTED"] == 1998
    assert result["SKIPPED_NULL_GEOMETRY"] == 2
    assert {f["cell_id"]: f["count"] for f in result["OUTPUT"].getFeatures()} == expected
