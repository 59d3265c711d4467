"""Saving the plan on show: the visits as a GeoPackage, copies of the run's CSV and iCalendar files, and
the parameters of a briefing pack.  Each save gives back what to tell the user, as ``(text, level)``."""

import os
import shutil

from qgis.core import Qgis, QgsApplication, QgsProject, QgsRasterLayer, QgsVectorFileWriter

from ..algorithms.translate import tr

BRIEFING_PACK = "hotspotpatrol:briefingpack"


def save_visits(visits, path):
    """Write the ``visits`` layer to ``path`` as the GeoPackage layer patrol_visits."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "patrol_visits"
    options.fileEncoding = "UTF-8"
    result = QgsVectorFileWriter.writeAsVectorFormatV3(visits, path, QgsProject.instance().transformContext(), options)
    if result[0] != QgsVectorFileWriter.WriterError.NoError:
        return tr("Could not write {}: {}").format(path, result[1]), Qgis.MessageLevel.Critical
    return tr("Visits saved to {}.").format(path), Qgis.MessageLevel.Success


def copy_run_file(source, path):
    """Save a copy of ``source``, a file the run wrote, at ``path``."""
    try:
        shutil.copyfile(source, path)
    except OSError as error:
        return tr("Could not write {}: {}").format(path, error.strerror or error), Qgis.MessageLevel.Critical
    return tr("Saved {}.").format(path), Qgis.MessageLevel.Success


def save_run_files(run, layer_ids, folder):
    """Copy the files ``run`` wrote to ``folder`` and point its layers (``layer_ids`` by role) at the copies,
    so that the project keeps them wherever the run wrote."""
    copies = {role: os.path.join(folder, os.path.basename(path))
              for role, path in run.files.items() if os.path.exists(path)}
    try:
        for role, copy in copies.items():
            shutil.copyfile(run.files[role], copy)
    except OSError as error:
        return tr("Could not write {}: {}").format(folder, error.strerror or error), Qgis.MessageLevel.Critical
    project = QgsProject.instance()
    for role, layer_id in layer_ids.items():
        layer = project.mapLayer(layer_id)
        if layer is not None and role in copies:
            provider = "gdal" if isinstance(layer, QgsRasterLayer) else "ogr"
            layer.setDataSource(copies[role], layer.name(), provider)
    run.files.update(copies)
    return tr("Results saved to {}.").format(folder), Qgis.MessageLevel.Success


def briefing_pack_installed():
    return QgsApplication.processingRegistry().algorithmById(BRIEFING_PACK) is not None


def briefing_parameters(run, hotspots, visits):
    """The briefing pack's parameters for the plan of ``run``, its ``hotspots`` and ``visits`` layers."""
    parameters = {"HOTSPOTS": hotspots, "VISITS": visits, "TITLE": run.title}
    crimes = QgsProject.instance().mapLayer(run.crime_layer_id)
    if crimes is not None:  # for the street names of the hotspots, once the user picks the field
        parameters["CRIMES"] = crimes
    basemaps = openstreetmap_layers(QgsProject.instance())
    if basemaps:  # offered, not imposed: the dialog lists every layer of the project, and none is fine
        parameters["BASEMAP"] = basemaps
    return parameters


def openstreetmap_layers(project):
    """The project's OpenStreetMap tile layers (the XYZ connection QGIS ships, or any tile URL of
    openstreetmap.org), visible ones first."""
    layers = [layer for layer in project.mapLayers().values()
              if isinstance(layer, QgsRasterLayer) and layer.providerType() == "wms"
              and "openstreetmap" in layer.source().lower()]
    visible = {layer.id() for layer in project.layerTreeRoot().checkedLayers()}
    return sorted(layers, key=lambda layer: layer.id() not in visible)


def open_briefing_dialog(parameters):
    """Processing's dialog for the briefing pack, filled in with ``parameters`` (modal)."""
    import processing  # noqa: PLC0415 (the Processing plugin is loaded after ours)
    processing.execAlgorithmDialog(BRIEFING_PACK, parameters)
