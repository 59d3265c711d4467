"""Outputs loaded into the project carry the plugin's styles."""

import processing
from qgis.core import QgsProject

from helpers import SOUTHEND


def loaded(result, key):
    """The project layer that Processing loaded for an output (by id or by file path)."""
    value = result[key]
    layers = QgsProject.instance().mapLayers()
    if value in layers:
        return layers[value]
    return next(layer for layer in layers.values() if layer.source().split("|")[0] == value)


def test_grid_density_and_gi_outputs_are_styled(provider, tmp_path):
    grid = processing.runAndLoadResults("hotspotpatrol:gridcrimes", {
        "INPUT": str(SOUTHEND), "KEEP_EMPTY": True, "OUTPUT": str(tmp_path / "grid.gpkg")})
    layer = loaded(grid, "OUTPUT")
    assert layer.renderer().type() == "graduatedSymbol" and layer.renderer().classAttribute() == "count"

    gi = processing.runAndLoadResults("hotspotpatrol:getisord", {
        "INPUT": layer, "FIELD": "count", "DISTANCE": 250, "OUTPUT": str(tmp_path / "gi.gpkg")})
    gi_layer = loaded(gi, "OUTPUT")
    assert gi_layer.renderer().type() == "categorizedSymbol"
    assert sorted(int(c.value()) for c in gi_layer.renderer().categories()) == [-3, -2, -1, 0, 1, 2, 3]

    density = processing.runAndLoadResults("hotspotpatrol:kerneldensity", {
        "INPUT": str(SOUTHEND), "PIXEL_SIZE": 25, "OUTPUT": str(tmp_path / "density.tif")})
    assert loaded(density, "OUTPUT").renderer().type() == "singlebandpseudocolor"

    hotspots = processing.runAndLoadResults("hotspotpatrol:rankhotspots", {
        "INPUT": str(SOUTHEND), "OUTPUT": str(tmp_path / "hotspots.gpkg")})
    hotspot_layer = loaded(hotspots, "OUTPUT")
    assert hotspot_layer.labelsEnabled() and "hotspot_id" in hotspot_layer.labeling().settings().fieldName
    QgsProject.instance().removeAllMapLayers()
