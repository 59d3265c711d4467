"""Far outliers (police.uk's misplaced records) cannot change hotspots or blow up a run; EXTENT and STUDY_AREA.

The layer is Southend's seven months as published (WGS84) plus three records at Plymouth (lon -4.18,
lat 50.37), 360 km away: the kind of rows data.police.uk publishes for Essex.
"""

import numpy as np
import pytest
from helpers import SOUTHEND, Recording, point_layer
from osgeo import gdal
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

PLYMOUTH = [(-4.18, 50.37), (-4.181, 50.371), (-4.17, 50.36)]


def southend_points():
    layer = QgsVectorLayer(str(SOUTHEND), "southend", "ogr")
    return [(f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in layer.getFeatures()]


@pytest.fixture
def crimes():
    points = southend_points()
    return {"clean": point_layer(points, crs="EPSG:4326"),
            "with_outliers": point_layer(points + PLYMOUTH, crs="EPSG:4326")}


def hotspots(run, layer, **extra):
    feedback = Recording()
    result = run("hotspotpatrol:rankhotspots", {"INPUT": layer, "OUTPUT": "memory:", "OUTPUT_CELLS": "memory:",
                                                **extra}, feedback)
    rows = [(f["cell_id"], f["count"], f["share"]) for f in result["OUTPUT"].getFeatures()]
    return result, rows, feedback


def test_rank_gives_the_same_hotspots_with_far_outliers(run, crimes):
    clean, clean_rows, _ = hotspots(run, crimes["clean"])
    dirty, dirty_rows, feedback = hotspots(run, crimes["with_outliers"])
    assert [r[:2] for r in dirty_rows] == [r[:2] for r in clean_rows]
    assert np.allclose([r[2] for r in dirty_rows], [r[2] for r in clean_rows], rtol=0.01)
    assert dirty["AREA_SHARE"] == pytest.approx(clean["AREA_SHARE"], rel=0.01)
    assert dirty["GINI"] == pytest.approx(clean["GINI"], rel=0.01)
    # The area is the box of the other crimes plus the outliers' own cells, not a box reaching Plymouth.
    assert dirty["OUTPUT_CELLS"].featureCount() <= clean["OUTPUT_CELLS"].featureCount() + 3
    assert any("3 of 14,888 crimes" in w for w in feedback.warnings)
    assert any("cells hold only crimes far outside the rest" in w for w in feedback.warnings)


def test_gridcrimes_keep_empty_refuses_a_grid_blown_up_by_outliers(run, crimes):
    with pytest.raises(QgsProcessingException) as refusal:
        run("hotspotpatrol:gridcrimes", {"INPUT": crimes["with_outliers"], "KEEP_EMPTY": True, "OUTPUT": "memory:"})
    message = str(refusal.value)
    assert "3 of 14,888 crimes" in message and "lon -4.18" in message
    assert "EXTENT" in message and "leave those crimes out" in message


def test_gridcrimes_with_extent_grids_the_extent_and_leaves_the_outliers_out(run, crimes):
    clean = run("hotspotpatrol:gridcrimes", {"INPUT": crimes["clean"], "KEEP_EMPTY": True, "OUTPUT": "memory:"})
    box = clean["OUTPUT"].extent()
    extent = f"{box.xMinimum() + 1},{box.xMaximum() - 1},{box.yMinimum() + 1},{box.yMaximum() - 1} [EPSG:27700]"
    dirty = run("hotspotpatrol:gridcrimes", {"INPUT": crimes["with_outliers"], "KEEP_EMPTY": True,
                                             "EXTENT": extent, "OUTPUT": "memory:"})
    assert dirty["SKIPPED_OUTSIDE_EXTENT"] == 3 and dirty["CRIMES_COUNTED"] == clean["CRIMES_COUNTED"]
    assert dirty["CELLS"] == clean["CELLS"]
    counts = {f["cell_id"]: f["count"] for f in dirty["OUTPUT"].getFeatures()}
    assert counts == {f["cell_id"]: f["count"] for f in clean["OUTPUT"].getFeatures()}


def test_an_extent_without_crs_is_in_the_layers_crs(run):
    layer = point_layer([(0.70, 51.54), (0.71, 51.55), (0.75, 51.56)], crs="EPSG:4326")
    result = run("hotspotpatrol:gridcrimes", {"INPUT": layer, "EXTENT": "0.69,0.72,51.53,51.56",
                                              "OUTPUT": "memory:"})
    assert result["CRIMES_COUNTED"] == 2 and result["SKIPPED_OUTSIDE_EXTENT"] == 1


@pytest.mark.parametrize("extent", ["0.7,0.7,51.5,51.6", "0.7,0.8,51.5,51.5"])
def test_an_extent_without_area_is_refused(run, extent):
    layer = point_layer([(0.70, 51.54), (0.71, 51.55)], crs="EPSG:4326")
    with pytest.raises(QgsProcessingException, match="not a rectangle with an area"):
        run("hotspotpatrol:gridcrimes", {"INPUT": layer, "EXTENT": extent, "OUTPUT": "memory:"})


def test_kerneldensity_refuses_a_raster_blown_up_by_outliers_and_takes_an_extent(run, crimes, tmp_path):
    with pytest.raises(QgsProcessingException) as refusal:
        run("hotspotpatrol:kerneldensity", {"INPUT": crimes["with_outliers"], "OUTPUT": str(tmp_path / "a.tif")})
    assert "3 of 14,888 crimes" in str(refusal.value) and "pixels of 10 m" in str(refusal.value)
    assert not (tmp_path / "a.tif").exists()
    extent = "580000,594000,183000,191000 [EPSG:27700]"
    clean, dirty = (run("hotspotpatrol:kerneldensity", {"INPUT": crimes[name], "EXTENT": extent,
                                                        "OUTPUT": str(tmp_path / f"{name}.tif")})
                    for name in ("clean", "with_outliers"))
    rasters = [gdal.Open(path) for path in (clean["OUTPUT"], dirty["OUTPUT"])]
    # Heatmap's grid for the extent grown by 150 m each side: ceil(14,300 / 10) + 1 by ceil(8,300 / 10) + 1.
    assert [(r.RasterXSize, r.RasterYSize) for r in rasters] == [(1431, 831)] * 2
    assert [r.GetGeoTransform() for r in rasters] == [(579850.0, 10.0, 0.0, 191150.0, 0.0, -10.0)] * 2
    values = [r.ReadAsArray() for r in rasters]
    rasters.clear()
    assert np.allclose(values[0], values[1], atol=1e-4) and values[0].max() > 100


def test_rank_in_a_study_area_counts_only_its_cells(run):
    # Crimes in three cells of 150 m; the study area holds the centres of a 4 x 2 block of cells only.
    points = [(75.0, 75.0)] * 5 + [(225.0, 75.0)] * 3 + [(1075.0, 75.0)] * 4
    layer = point_layer(points)
    area = QgsVectorLayer("Polygon?crs=EPSG:27700", "area", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 600 0, 600 300, 0 300, 0 0))"))
    area.dataProvider().addFeatures([feature])
    feedback = Recording()
    result = run("hotspotpatrol:rankhotspots", {"INPUT": layer, "STUDY_AREA": area, "TOP_N": 1,
                                                "OUTPUT": "memory:", "OUTPUT_CELLS": "memory:"}, feedback)
    assert result["OUTPUT_CELLS"].featureCount() == 8
    assert result["CRIMES_COUNTED"] == 8 and result["CRIME_SHARE"] == pytest.approx(5 / 8)
    assert result["AREA_SHARE"] == pytest.approx(1 / 8)
    assert any("4 crimes in cells whose centre is outside STUDY_AREA" in w for w in feedback.warnings)


def test_a_study_area_smaller_than_a_cell_is_refused(run):
    area = QgsVectorLayer("Polygon?crs=EPSG:27700", "area", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((1 1, 20 1, 20 20, 1 20, 1 1))"))
    area.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="holds no cell centre"):
        run("hotspotpatrol:rankhotspots", {"INPUT": point_layer([(5.0, 5.0)] * 3), "STUDY_AREA": area,
                                           "OUTPUT": "memory:"})
