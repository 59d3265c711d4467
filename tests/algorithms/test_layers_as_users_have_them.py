"""Layers as users have them: being edited (unsaved), and without any attribute field."""

import shutil

from helpers import SOUTHEND
from osgeo import ogr
from qgis.core import QgsGeometry, QgsPointXY, QgsVectorLayer

FAR_CORNER = QgsPointXY(0.80, 51.60)


def _busiest(result):
    return max((f["count"], f["cell_id"]) for f in result["OUTPUT"].getFeatures())


def test_unsaved_edits_are_read(run, tmp_path):
    path = tmp_path / "crimes.gpkg"
    shutil.copy(SOUTHEND, path)
    layer = QgsVectorLayer(str(path), "crimes", "ogr")
    saved = _busiest(run("hotspotpatrol:gridcrimes", {"INPUT": layer, "OUTPUT": "memory:"}))
    layer.startEditing()
    moved = [f.id() for f in layer.getFeatures()][:500]
    for fid in moved:
        layer.changeGeometry(fid, QgsGeometry.fromPointXY(FAR_CORNER))
    edited = run("hotspotpatrol:gridcrimes", {"INPUT": layer, "OUTPUT": "memory:"})
    assert _busiest(edited)[0] == 500 and _busiest(edited) != saved
    layer.rollBack()


def test_a_layer_without_fields_is_read_whole(run, tmp_path):
    path = tmp_path / "no_fields.gpkg"
    source_data = ogr.Open(str(SOUTHEND))
    source = source_data.GetLayer(0)
    target_data = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    target = target_data.CreateLayer("crimes", source.GetSpatialRef(), ogr.wkbPoint)
    for feature in source:
        point = ogr.Feature(target.GetLayerDefn())
        point.SetGeometry(feature.GetGeometryRef().Clone())
        target.CreateFeature(point)
    target = target_data = source = source_data = None
    layer = QgsVectorLayer(str(path), "no fields", "ogr")
    assert [f.name() for f in layer.fields()] == ["fid"]
    with_fields = run("hotspotpatrol:gridcrimes", {"INPUT": str(SOUTHEND), "OUTPUT": "memory:"})
    without = run("hotspotpatrol:gridcrimes", {"INPUT": str(path), "OUTPUT": "memory:"})
    assert without["CRIMES_COUNTED"] == with_fields["CRIMES_COUNTED"] == 14885
    assert _busiest(without) == _busiest(with_fields)
