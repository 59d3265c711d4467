"""Taking QGIS's map to the plan's features; without a map canvas (no iface, or a stand-in) nothing moves."""

from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsProject
from qgis.gui import QgsMapCanvas


def _canvas(iface):
    canvas = iface.mapCanvas() if iface is not None else None
    return canvas if isinstance(canvas, QgsMapCanvas) else None


def _to_canvas(iface, layer, geometry):
    """Transform ``geometry`` (in ``layer``'s CRS) to the canvas's CRS; the canvas, or None without one."""
    canvas = _canvas(iface)
    if canvas is None:
        return None
    crs = canvas.mapSettings().destinationCrs()
    if crs.isValid() and crs != layer.crs():
        geometry.transform(QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance()))
    return canvas


def pan_to_feature(iface, layer, fid):
    """Centre the map on ``layer``'s feature ``fid``."""
    geometry = layer.getFeature(fid).geometry()
    if geometry.isNull():
        return
    canvas = _to_canvas(iface, layer, geometry)
    if canvas is not None:
        canvas.setCenter(geometry.centroid().asPoint())
        canvas.refresh()


def zoom_to_layer(iface, layer):
    """Fit the map to ``layer``'s extent, with a margin."""
    extent = layer.extent()
    if extent.isEmpty():
        return
    geometry = QgsGeometry.fromRect(extent)
    canvas = _to_canvas(iface, layer, geometry)
    if canvas is not None:
        rectangle = geometry.boundingBox()
        rectangle.scale(1.1)
        canvas.setExtent(rectangle)
        canvas.refresh()
