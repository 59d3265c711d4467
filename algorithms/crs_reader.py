"""Where the reader puts the crimes: the metric CRS they are worked in, and reprojection.

Distances are metres everywhere, so :func:`metric_crs` chooses the CRS and
:func:`transform_xy` and :func:`reprojected` move points and geometries into
it; a failed reprojection is an error, never data left in the wrong place.
"""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ..core.outliers import MARGIN, describe_outliers
from .translate import compass, tr

# QGIS (3.22, and 3.40 still) keeps the PROJ object of a new CRS with the thread that first builds it
# and drops it when that thread ends (a task's thread ends after 30 s idle); the CRS stays in QGIS's
# cache, so every later QgsCoordinateReferenceSystem("EPSG:...") gets its authid but no WKT, and
# transforms to it do nothing (or crash).  So the CRSs the algorithms build from authids are built
# first in the main thread, whose PROJ context lives as long as QGIS: threads then find them cached.
WGS84 = "EPSG:4326"
BRITISH_NATIONAL_GRID = "EPSG:27700"
METRIC_CRS_CHOICES = (WGS84, BRITISH_NATIONAL_GRID) + tuple(
    f"EPSG:{base + zone}" for base in (32600, 32700) for zone in range(1, 61))


def build_crs_in_main_thread(extra=()):
    """Build the CRSs :func:`metric_crs` may choose (and ``extra`` authids) in the main thread, so
    that QGIS's CRS cache holds them with the main thread's PROJ objects; a cached CRS left without a
    definition by an ended thread is dropped (the cache cleared) and built again.  Off the main
    thread it does nothing.  About 40 ms the first time, 0.1 ms after."""
    application = QCoreApplication.instance()
    if application is None or QThread.currentThread() is not application.thread():
        return
    for authid in METRIC_CRS_CHOICES + tuple(a for a in extra if a):
        if not QgsCoordinateReferenceSystem(authid).toWkt():
            QgsCoordinateReferenceSystem.invalidateCache()
            QgsCoordinateReferenceSystem(authid)


# Where British National Grid, the grid UK forces work in, is the working CRS: its area of use
# (EPSG:27700, Great Britain and the UK continental shelf), in degrees of longitude and latitude.
BRITISH_NATIONAL_GRID_AREA = (-9.0, 49.75, 2.0, 61.0)


def measures_in_metres(crs):
    """True for a projected CRS whose unit is the metre."""
    return not crs.isGeographic() and crs.mapUnits() == QgsUnitTypes.DistanceMeters


def metric_crs(source_crs, source_extent, target_crs, context, feedback, x=None, y=None):
    """The CRS in which distances are metres.

    TARGET_CRS when given (it must be projected in metres); else the source's CRS when it is
    projected in metres; else (geographic, feet, ...) one chosen by where the bulk of the data
    lies, never by a few far points or by the period: British National Grid (EPSG:27700) when the
    robust centre is in Great Britain, else the UTM zone of the robust centre (WGS84 datum).  The
    robust centre is the median of the points ``x``, ``y`` (source coordinates; longitudes taken
    across the antimeridian when the data straddle it), or the extent's centre without points.
    A source without a valid CRS is refused.
    """
    if not source_crs.isValid():
        raise QgsProcessingException(tr(
            "The layer has no valid CRS, so its coordinates cannot be placed on Earth or measured in metres. "
            "Set the layer's CRS (Layer Properties ▸ Source) to the one its coordinates are in, then run "
            "again."))
    if target_crs is not None and target_crs.isValid():
        if not measures_in_metres(target_crs):
            raise QgsProcessingException(tr(
                "TARGET_CRS {} does not measure in metres. Choose a projected CRS in metres, "
                "e.g. a UTM zone or a national grid, or leave TARGET_CRS empty.").format(target_crs.authid()))
        crs = target_crs
    elif measures_in_metres(source_crs):
        crs = source_crs
    else:
        lon, lat = _robust_centre_lon_lat(source_crs, source_extent, x, y, context)
        west, south, east, north = BRITISH_NATIONAL_GRID_AREA
        if west <= lon <= east and south <= lat <= north:
            crs = QgsCoordinateReferenceSystem("EPSG:27700")
        else:
            zone = int(np.clip(np.floor((lon + 180.0) / 6.0) + 1, 1, 60))
            crs = QgsCoordinateReferenceSystem(f"EPSG:{(32600 if lat >= 0 else 32700) + zone}")
        why = tr("is geographic") if source_crs.isGeographic() else tr("does not measure in metres")
        feedback.pushInfo(tr("The layer's CRS {} {}: working in {} ({}), chosen by where most of the data "
                             "lies (around lon {:.2f}, lat {:.2f}).").format(
                                 source_crs.authid(), why, crs.authid(), crs.description(), lon, lat))
    if not crs.isValid() or not crs.toWkt():
        raise QgsProcessingException(tr(
            "QGIS returned no definition for the CRS {}, so the data cannot be reprojected safely. Restart "
            "QGIS, or set TARGET_CRS to a projected CRS in metres.").format(crs.authid()))
    feedback.pushInfo(tr("CRS used: {} ({}); outputs are in it.").format(crs.authid(), crs.description()))
    return crs


def _robust_centre_lon_lat(source_crs, source_extent, x, y, context):
    """Longitude and latitude of the median of the points (or of the extent's centre)."""
    finite = None if x is None else np.isfinite(x) & np.isfinite(y)
    if finite is not None and finite.any():
        cx, cy = _median_across_antimeridian(x[finite], source_crs.isGeographic()), float(np.median(y[finite]))
    else:
        cx, cy = source_extent.center().x(), source_extent.center().y()
    to_wgs84 = QgsCoordinateTransform(source_crs, QgsCoordinateReferenceSystem("EPSG:4326"),
                                      context.transformContext())
    try:
        centre = to_wgs84.transform(QgsPointXY(cx, cy))
    except QgsCsException as error:
        centre = None
        problem = str(error)
    else:
        problem = tr("the centre is not a place on Earth")
    if centre is None or not (np.isfinite(centre.x()) and np.isfinite(centre.y())
                              and -180.0 <= centre.x() <= 180.0 and -90.0 <= centre.y() <= 90.0):
        raise QgsProcessingException(tr(
            "Could not find where the layer lies on Earth to choose a metric CRS ({}). Check the layer's CRS, "
            "or set TARGET_CRS to a projected CRS in metres.").format(problem))
    return centre.x(), centre.y()


def _median_across_antimeridian(values, geographic):
    """The median longitude, taken on 0..360 when the points straddle the antimeridian (Fiji)."""
    if not geographic:
        return float(np.median(values))
    east_of_180 = np.mod(values, 360.0)
    # Straddling: the data are closer together on 0..360 than on -180..180.
    if np.ptp(east_of_180) < np.ptp(values):
        centre = float(np.median(east_of_180))
        return centre - 360.0 if centre > 180.0 else centre
    return float(np.median(values))


def transform_xy(x, y, source_crs, dest_crs, context):
    """Reproject coordinate arrays in one call into QGIS's own transformer.

    The points travel as one WKB line string so that PROJ transforms them
    in bulk, with the project's datum transformations, in C++.
    """
    if source_crs == dest_crs or x.size == 0:
        return x, y
    transform = QgsCoordinateTransform(source_crs, dest_crs, context.transformContext())
    points = np.column_stack((x, y)) if x.size > 1 else np.array([[x[0], y[0]]] * 2)
    header = np.array([1], dtype=np.uint8).tobytes() + np.array(
        [QgsWkbTypes.LineString, len(points)], dtype="<u4").tobytes()
    line = QgsGeometry()
    line.fromWkb(header + np.ascontiguousarray(points, dtype="<f8").tobytes())
    if not transform.isValid() or not dest_crs.toWkt():
        raise QgsProcessingException(tr(
            "QGIS could not set up the reprojection from {} to {}. Restart QGIS, or set TARGET_CRS to a "
            "projected CRS in metres.").format(source_crs.authid(), dest_crs.authid()))
    try:
        result = line.transform(transform)
    except QgsCsException as error:
        raise QgsProcessingException(tr(
            "Some points could not be reprojected to {} ({}). Check the layer's CRS, "
            "or choose a TARGET_CRS that covers the data.").format(dest_crs.authid(), error)) from error
    if result != QgsGeometry.OperationResult.Success:
        raise QgsProcessingException(tr(
            "Reprojecting the points from {} to {} failed (QGIS error {}). Check the layer's CRS, or set "
            "TARGET_CRS.").format(source_crs.authid(), dest_crs.authid(), int(result)))
    moved = np.frombuffer(bytes(line.asWkb())[9:], dtype="<f8").reshape(-1, 2)[:x.size]
    if not np.all(np.isfinite(moved)):
        raise QgsProcessingException(tr(
            "Some points fall outside the area where {} is defined. Choose a TARGET_CRS "
            "that covers the data.").format(dest_crs.authid()))
    return moved[:, 0].copy(), moved[:, 1].copy()


def far_crimes_message(x, y, outlier, crs, context, counts=None):
    """How many crimes lie far outside the area of the others, how far and where (lon, lat).

    ``x``, ``y`` are in the metric ``crs``; ``outlier`` flags them (:func:`core.outliers.far_outliers`);
    ``counts``, when given, is how many crimes each point stands for.
    """
    lon, lat = transform_xy(x[outlier], y[outlier], crs, QgsCoordinateReferenceSystem("EPSG:4326"), context)
    full_lon = np.full(x.size, np.nan)
    full_lat = np.full(x.size, np.nan)
    full_lon[outlier], full_lat[outlier] = lon, lat
    summary = describe_outliers(x, y, outlier, lon=full_lon, lat=full_lat, counts=counts)
    places = "; ".join(tr("{} to the {}, near lon {:.2f} lat {:.2f}").format(
        group.count, compass(group.direction), group.lon, group.lat) for group in summary.groups)
    low, high = f"{summary.nearest_km:,.0f}", f"{summary.farthest_km:,.0f}"
    return tr("{:,} of {:,} crimes lie {} km outside the area holding the central 99% of the others, more than "
              "{:g} km beyond it ({})").format(summary.count, summary.total, low if low == high else f"{low}–{high}",
                                               MARGIN / 1000, places)


def reprojected(geometry, transform, name):
    """``geometry`` (a copy) reprojected by ``transform``; a failure is a clear error, never a
    geometry left in the wrong CRS."""
    geometry = QgsGeometry(geometry)
    try:
        result = geometry.transform(transform)
    except QgsCsException as error:
        result = error
    box = geometry.boundingBox()
    if result != QgsGeometry.OperationResult.Success or not all(
            np.isfinite([box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()])):
        raise QgsProcessingException(tr(
            "A feature of {} could not be reprojected from {} to {} ({}). Check the layer's CRS, or set "
            "TARGET_CRS.").format(name, transform.sourceCrs().authid(), transform.destinationCrs().authid(), result))
    return geometry
