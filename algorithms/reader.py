"""One fast reader from a Processing feature source to numpy arrays.

Every algorithm reads its crimes through :func:`read_points`, so the rules
for geometry, weights, times and coordinate systems are the same everywhere:

* each part of a multipoint is a crime; null and empty geometries are
  skipped and counted;
* coordinates come out in a metric CRS chosen by :func:`metric_crs`;
* times come from an expression (a bare field name is one) and are read by
  :mod:`core.timeparse`.

A plain OGR file layer read whole (no selection, feature limit or filter) is
read through OGR's Arrow interface, about twenty times faster than a loop
over ``QgsFeature``; everything else goes through QGIS's feature iterator.
"""

import datetime
import re
from dataclasses import dataclass, field, replace

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPoint,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ..core.aoristic import share_in_period
from ..core.outliers import MARGIN, describe_outliers, far_outliers
from ..core.time_resolution import MINUTE, period_bound_finer_than, time_resolution
from ..core.timeparse import (
    SUPPORTED_FORMATS,
    in_period,
    parse_instants,
    parse_times,
    slash_date_order,
    utc_to_wall_clock,
)
from .qt_values import python_value

try:
    from osgeo import ogr
except ImportError:  # QGIS without GDAL's Python bindings: the slow path serves
    ogr = None


def tr(text):
    return QCoreApplication.translate("HotspotPatrol", text)


@dataclass
class CrimePoints:
    """Crimes as arrays, one element per point (per part of a multipoint).

    ``weight`` and ``radius`` are float arrays, ``time`` and ``time_end``
    datetime64[s] and ``category`` objects, each None when not asked for;
    ``time_end`` is NaT where a crime has no window.  ``time_resolution``
    (a :class:`core.time_resolution.Resolution`) says what the times can
    tell: month, day or minute.  ``outlier`` flags the crimes far outside the area holding the
    rest (:func:`core.outliers.far_outliers`; warned about, never dropped here).  ``skipped`` counts crimes left out, by
    reason: ``null_geometry``, ``null_weight``, ``null_radius``, ``bad_time``
    (null or unreadable time), ``bad_time_end`` (unreadable end of window),
    ``reversed_window`` (end before time) and ``outside_period``.
    ``extent`` is the bounding box of every crime with a geometry, before
    any filter, so outputs of different periods align; ``bulk_extent`` is
    the same without the far outliers (equal to ``extent`` when there are
    none), and ``outlier_note`` says how many there are and where.
    """

    x: np.ndarray
    y: np.ndarray
    crs: QgsCoordinateReferenceSystem
    extent: tuple = None
    bulk_extent: tuple = None
    outlier_note: str = ""
    weight: object = None
    radius: object = None
    time: object = None
    time_end: object = None
    category: object = None
    time_resolution: object = None
    outlier: object = None
    skipped: dict = field(default_factory=dict)

    def __len__(self):
        return self.x.size

    def subset(self, keep, reason):
        """The crimes where ``keep`` is true; the others are counted under ``reason``."""
        skipped = dict(self.skipped)
        skipped[reason] = skipped.get(reason, 0) + int(np.count_nonzero(~keep))
        columns = {name: None if getattr(self, name) is None else getattr(self, name)[keep]
                   for name in ("x", "y") + OPTIONAL_COLUMNS}
        return replace(self, skipped=skipped, **columns)


OPTIONAL_COLUMNS = ("weight", "radius", "time", "time_end", "category", "outlier")

SKIP_LABELS = {"null_geometry": "without a point geometry", "null_weight": "with a null weight",
               "null_radius": "with a null radius", "bad_time": "with a null or unreadable time",
               "bad_time_end": "with an unreadable TIME_END", "reversed_window": "whose TIME_END is before TIME",
               "outside_period": "outside START/END", "unknown_category": "with a category not in the harm table",
               "outside_extent": "outside EXTENT", "outside_study_area": "outside STUDY_AREA"}


def describe_skipped(points):
    """How many crimes were left out and why, e.g. '60 skipped: 60 with a null weight'."""
    parts = [f"{count:,} {SKIP_LABELS.get(reason, reason)}" for reason, count in points.skipped.items() if count]
    total = sum(points.skipped.values())
    return f"{total:,} skipped: " + "; ".join(parts) if parts else "none was read"

NUMERIC_COLUMNS = ("weight", "radius")


def source_of(alg, parameters, name, context):
    """The feature source ``parameters[name]``; a clear error when it cannot be opened."""
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, name))
    return source


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
_BRITISH_NATIONAL_GRID_AREA = (-9.0, 49.75, 2.0, 61.0)


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
        if target_crs.isGeographic() or target_crs.mapUnits() != QgsUnitTypes.DistanceMeters:
            raise QgsProcessingException(tr(
                "TARGET_CRS {} does not measure in metres. Choose a projected CRS in metres, "
                "e.g. a UTM zone or a national grid, or leave TARGET_CRS empty.").format(target_crs.authid()))
        crs = target_crs
    elif not source_crs.isGeographic() and source_crs.mapUnits() == QgsUnitTypes.DistanceMeters:
        crs = source_crs
    else:
        lon, lat = _robust_centre_lon_lat(source_crs, source_extent, x, y, context)
        west, south, east, north = _BRITISH_NATIONAL_GRID_AREA
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
            "or choose a TARGET_CRS that covers the data.").format(dest_crs.authid(), error))
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


def far_crimes_message(points, source_x, source_y, source_crs, context):
    """How many crimes lie far outside the area of the others, how far and where (lon, lat)."""
    lon, lat = transform_xy(source_x[points.outlier], source_y[points.outlier], source_crs,
                            QgsCoordinateReferenceSystem("EPSG:4326"), context)
    full_lon = np.full(len(points), np.nan)
    full_lat = np.full(len(points), np.nan)
    full_lon[points.outlier], full_lat[points.outlier] = lon, lat
    summary = describe_outliers(points.x, points.y, points.outlier, lon=full_lon, lat=full_lat)
    places = "; ".join(tr("{} to the {}, near lon {:.2f} lat {:.2f}").format(
        group.count, tr(group.direction), group.lon, group.lat) for group in summary.groups)
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


def read_points(alg, parameters, name, context, feedback, *, target_crs=None, weight_field=None,
                radius_field=None, category_field=None, time_expression=None, time_end_expression=None,
                time_zone=None, utc=False):
    """Read the point source ``parameters[name]`` into :class:`CrimePoints`.

    Times are wall-clock times as written; with ``time_zone`` (a tzinfo),
    times that carry a UTC offset are converted to that zone's wall clock, or,
    with ``utc``, every time becomes a UTC instant (for durations across clock
    changes).  ``time_end_expression`` gives each crime's window end (an
    aoristic window, e.g. a burglary between leaving and coming home): a null
    end means no window; an end before the time skips the crime.  The times'
    resolution (month, day or minute) is found once and logged.

    Raises QgsProcessingException for a missing or non-point source, a
    missing or non-numeric weight or radius field, a broken time expression,
    or a layer without any usable point.  The source itself is never modified.
    """
    source = source_of(alg, parameters, name, context)
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    if geometry_type != QgsWkbTypes.PointGeometry:
        raise QgsProcessingException(tr(
            "{} must be a point layer, but it holds {}. Convert it first, e.g. with "
            "'Centroids' for polygons.").format(
                name, QgsWkbTypes.geometryDisplayString(geometry_type).lower()))
    wanted_fields = {"weight": weight_field or None, "radius": radius_field or None,
                     "category": category_field or None}
    for column, field_name in wanted_fields.items():
        if field_name is None:
            continue
        index = source.fields().lookupField(field_name)
        if index < 0:
            raise QgsProcessingException(tr("The {} field '{}' is not in the layer {}.").format(
                column, field_name, name))
        if column in NUMERIC_COLUMNS and not source.fields().at(index).isNumeric():
            raise QgsProcessingException(tr(
                "The {} field '{}' is not numeric. Choose a numeric field, or make one with the "
                "Field calculator.").format(column, field_name))
    time_expressions = {column: text.strip() for column, text in
                        (("time", time_expression), ("time_end", time_end_expression)) if (text or "").strip()}
    if "time_end" in time_expressions and "time" not in time_expressions:
        raise QgsProcessingException(tr(
            "TIME_END is set but TIME is not: a window needs its start (TIME) and its end (TIME_END)."))
    for text in time_expressions.values():
        if QgsExpression(text).hasParserError():
            raise QgsProcessingException(tr("The time expression '{}' cannot be read: {}").format(
                text, QgsExpression(text).parserErrorString()))
    columns = _read_with_arrow(alg, parameters, name, context, source, wanted_fields,
                               time_expressions, time_zone, feedback)
    if columns is None:
        columns = _read_with_iterator(source, alg.createExpressionContext(parameters, context, source),
                                      wanted_fields, time_expressions, feedback)
    if feedback.isCanceled():
        raise QgsProcessingException(tr("Cancelled."))

    # Raw times ride along through the subsets below and are parsed last.
    points = CrimePoints(**columns, crs=None)
    n_read = len(points)
    points = points.subset(np.isfinite(points.x) & np.isfinite(points.y), "null_geometry")
    if len(points) == 0:
        raise QgsProcessingException(tr(
            "{} has no points to work with ({} features read, none with a point geometry). "
            "Choose a layer with point crimes, or check its filter and selection.").format(name, n_read))
    points.crs = metric_crs(source.sourceCrs(), source.sourceExtent(), target_crs, context, feedback,
                            points.x, points.y)
    source_x, source_y = points.x, points.y
    points.x, points.y = transform_xy(points.x, points.y, source.sourceCrs(), points.crs, context)
    points.outlier = far_outliers(points.x, points.y)
    points.extent = points.bulk_extent = _bounding_box(points.x, points.y)
    if points.outlier.any():
        points.outlier_note = far_crimes_message(points, source_x, source_y, source.sourceCrs(), context)
        points.bulk_extent = _bounding_box(points.x[~points.outlier], points.y[~points.outlier])
        feedback.pushWarning(points.outlier_note + tr(
            ". They are kept: if they are misplaced records, leave them out (e.g. run on a selection of the "
            "others)."))
    for column in NUMERIC_COLUMNS:
        if getattr(points, column) is not None:
            points = points.subset(np.isfinite(getattr(points, column)), f"null_{column}")
    if radius_field and np.any(points.radius <= 0):
        raise QgsProcessingException(tr(
            "The radius field '{}' has values of 0 or less. Every radius must be a positive number "
            "of metres.").format(radius_field))
    if time_expressions:
        points = _with_times(points, feedback, time_zone, utc)
    for reason, label in (("null_geometry", tr("without a point geometry")),
                          ("null_weight", tr("with a null weight")),
                          ("null_radius", tr("with a null radius")),
                          ("bad_time", tr("with a null or unreadable time")),
                          ("bad_time_end", tr("with an unreadable TIME_END")),
                          ("reversed_window", tr("whose TIME_END is before their TIME"))):
        if points.skipped.get(reason):
            feedback.pushWarning(tr("{} crimes {} were skipped.").format(points.skipped[reason], label))
    return points


def _bounding_box(x, y):
    return (float(x.min()), float(y.min()), float(x.max()), float(y.max()))


# How much far outliers may widen an output that covers the crimes before it is refused.
OUTLIER_WIDENING_LIMIT = 1.2


def extent_to_cover(alg, parameters, context, points, size_of, what):
    """The rectangle ``(x_min, y_min, x_max, y_max)``, in ``points.crs``, that an output covering the
    crimes spans: the algorithm's EXTENT when given, else the extent of every crime.

    Far outliers must not blow up a run: without EXTENT, an output that the outliers would make more
    than :data:`OUTLIER_WIDENING_LIMIT` times the size it needs for the other crimes is refused, naming
    the outliers and the fixes.  ``size_of(extent)`` counts the output's cells or pixels without making
    them; ``what`` names them in the message (e.g. "cells of 150 m").
    """
    if parameters.get("EXTENT") not in (None, ""):
        return extent_parameter(alg, parameters, context, source_of(alg, parameters, "INPUT", context).sourceCrs(),
                                points.crs)
    if points.bulk_extent != points.extent:
        needed, widened = size_of(points.bulk_extent), size_of(points.extent)
        if widened > OUTLIER_WIDENING_LIMIT * needed:
            raise QgsProcessingException(tr(
                "{}. They would make the output {:,.0f} {} instead of the {:,.0f} the other crimes need. Give "
                "EXTENT (the area to cover, e.g. the force's area), or leave those crimes out (run on a selection "
                "of the others; Import police.uk crimes leaves them out unless KEEP_OUTLIERS).").format(
                    points.outlier_note, widened, what, needed))
    return points.extent


def extent_parameter(alg, parameters, context, layer_crs, crs):
    """EXTENT as ``(x_min, y_min, x_max, y_max)`` in ``crs``.  An extent typed without a CRS (as in
    ``qgis_process``, "xmin,xmax,ymin,ymax") is in the crimes layer's CRS ``layer_crs``."""
    box = alg.parameterAsExtent(parameters, "EXTENT", context)
    given = parameters.get("EXTENT")
    box_crs = alg.parameterAsExtentCrs(parameters, "EXTENT", context)
    if (isinstance(given, str) and "[" not in given) or not box_crs.isValid():
        box_crs = layer_crs
    corners = [box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()]
    if box.isNull() or not all(np.isfinite(corners)) or not (box.width() > 0 and box.height() > 0):
        raise QgsProcessingException(tr(
            "EXTENT {} is not a rectangle with an area. Give xmin,xmax,ymin,ymax with xmin < xmax and ymin < ymax "
            "(optionally followed by its CRS, e.g. [EPSG:27700]), or leave it empty.").format(given))
    try:
        moved = QgsCoordinateTransform(box_crs, crs, context.transformContext()).transformBoundingBox(box)
    except QgsCsException:
        moved = None
    corners = [] if moved is None else [moved.xMinimum(), moved.yMinimum(), moved.xMaximum(), moved.yMaximum()]
    if not corners or not all(np.isfinite(corners)) or not (moved.width() > 0 and moved.height() > 0):
        raise QgsProcessingException(tr(
            "EXTENT {} could not be reprojected from {} to {}, the CRS the crimes are worked in. Check the "
            "extent's CRS.").format(given, box_crs.authid() or tr("its CRS"), crs.authid()))
    return tuple(float(c) for c in corners)


def _with_times(points, feedback, zone, utc):
    """Parse the raw time columns and find the times' resolution; crimes with a null or unreadable
    time, an unreadable window end or a reversed window are skipped."""
    parse = parse_instants if utc else parse_times
    raw_time = points.time
    _warn_slash_order(feedback, slash_date_order(raw_time))
    time, missing, unreadable = parse(raw_time, zone)
    _report_unreadable(feedback, raw_time, unreadable, "TIME")
    points.time = time
    known = ~(missing | unreadable)
    # Resolution is a property of the times as written: judge UTC instants on the wall clock.
    wall_clock = utc_to_wall_clock(time[known], zone) if utc else time[known]
    points.time_resolution = time_resolution(wall_clock, raw_time[known])
    feedback.pushInfo(tr("Crime times: {} resolution ({}).").format(
        points.time_resolution.resolution or tr("no"), points.time_resolution.rule))
    bad_end = np.zeros(len(points), dtype=bool)
    if points.time_end is not None:
        raw_end = points.time_end
        points.time_end, _, bad_end = parse(raw_end, zone)
        _report_unreadable(feedback, raw_end, bad_end, "TIME_END")
    points = points.subset(known, "bad_time").subset(~bad_end[known], "bad_time_end")
    if points.time_end is not None:
        points = points.subset(~(points.time_end < points.time), "reversed_window")
    return points


def _warn_slash_order(feedback, order):
    """Say how dates like 03/04/2024 were read when the column itself could not tell."""
    if order == "ambiguous":
        feedback.pushWarning(tr(
            "No slashed date in TIME has a day over 12, so the day/month order cannot be told from the data: "
            "they were read day first (dd/MM/yyyy), or month first when they carry AM/PM. If that is wrong, "
            "give the order in the expression, e.g. to_datetime(\"date\", 'MM/dd/yyyy HH:mm:ss')."))
    elif order == "inconsistent":
        feedback.pushWarning(tr(
            "TIME mixes day-first (25/01/2024) and month-first (01/25/2024) dates: they were read day first, "
            "and dates that cannot be read so are skipped. Check the export."))


def _report_unreadable(feedback, raw, unreadable, name):
    if np.any(unreadable):
        example = raw[np.flatnonzero(unreadable)[0]]
        hint = ""
        if isinstance(example, datetime.time) or (isinstance(example, str) and _GLUED_DATE_TIME.match(example)):
            hint = tr(" A time of day needs its date: join a date and a time field with || ' ' ||, e.g. "
                      "\"OCCUR_DATE\" || ' ' || \"OCCUR_TIME\".")
        feedback.reportError(tr(
            "{} crimes have a {} that cannot be read, e.g. '{}'; they are skipped.{} Readable forms: {}.").format(
                int(np.count_nonzero(unreadable)), name, example, hint, "; ".join(SUPPORTED_FORMATS)))


# A date and a time concatenated without a space, as "date" + "time" gives on text fields.
_GLUED_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}\d{1,2}:\d{2}")


def restrict_to_period(points, start, end, feedback):
    """Keep crimes with ``start <= time < end``; needs times when a bound is given.

    A bound finer than the times can say (START=2018-03-15 on monthly data) is refused. With
    windows (TIME_END), a crime counts when its window overlaps the period and its ``weight``
    becomes the share of its window inside it.
    """
    if start is None and end is None:
        return points
    if points.time is None:
        raise QgsProcessingException(tr(
            "START or END is set but there is no TIME: give the expression or field that holds "
            "each crime's date and time."))
    if start is not None and end is not None and start >= end:
        raise QgsProcessingException(tr(
            "START ({}) is not before END ({}). A crime counts when START <= time < END; "
            "swap them or widen the period.").format(start, end))
    resolution = points.time_resolution.resolution if points.time_resolution else None
    for name, bound in (("START", start), ("END", end)):
        if period_bound_finer_than(bound, resolution):
            raise QgsProcessingException(tr(
                "{} is {}, but the crimes' times are known only to the {} ({}). A period can only "
                "start and end where the data can tell crimes apart: set {} to {}, or use crimes "
                "with {}.").format(name, bound, resolution, points.time_resolution.rule, name,
                                   _coarse_bound(bound, resolution),
                                   tr("dates") if resolution == "month" else tr("times of day")))
    if points.time_end is None:
        points = points.subset(in_period(points.time, start, end), "outside_period")
    else:
        share = share_in_period(points.time, points.time_end, start, end)
        points = points.subset(share > 0, "outside_period")
        inside = share[share > 0]
        points.weight = inside if points.weight is None else points.weight * inside
    if points.skipped["outside_period"]:
        feedback.pushInfo(tr("{} crimes outside the period were left out.").format(
            points.skipped["outside_period"]))
    return points


def _coarse_bound(bound, resolution):
    """The start of the month or day holding ``bound``, as text for a message."""
    moment = np.datetime64(bound, "s").astype("datetime64[M]" if resolution == "month" else "datetime64[D]")
    return str(moment.astype("datetime64[D]"))


def require_resolution(points, needed, what):
    """Refuse crimes whose times are coarser than ``needed`` (month, day or minute) for ``what``."""
    found = points.time_resolution
    if found is not None and found.resolution is not None and not found.at_least(needed):
        fix = (tr("give TIME a field or expression with the time of day (a date and a separate time field "
                  "can be joined, e.g. \"OCCUR_DATE\" || ' ' || \"OCCUR_TIME\"), or TIME_END for crimes "
                  "known to a window") if needed == MINUTE else
               tr("use crimes recorded with their dates"))
        raise QgsProcessingException(tr(
            "{} needs crime times to the {}, but these are known only to the {} ({}): {}.").format(
                what, tr("time of day") if needed == MINUTE else needed, found.resolution, found.rule, fix))


def period_from_parameters(alg, parameters, context):
    """START and END as naive Python datetimes (wall-clock), or None when unset."""
    def value(name):
        qdt = alg.parameterAsDateTime(parameters, name, context)
        return qdt.toPyDateTime().replace(tzinfo=None) if qdt.isValid() else None
    return value("START"), value("END")


# --- reading -----------------------------------------------------------------------------

def _read_with_arrow(alg, parameters, name, context, source, wanted_fields, time_expressions, time_zone,
                     feedback):
    """Columns through OGR's Arrow interface, or None where that is not valid."""
    if ogr is None or not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None
    definition = parameters.get(name)
    if isinstance(definition, QgsProcessingFeatureSourceDefinition) and (
            definition.selectedFeaturesOnly or definition.featureLimit != -1
            or getattr(definition, "filterExpression", "")):
        return None
    time_fields = {column: _bare_field(text) for column, text in time_expressions.items()}
    if None in time_fields.values():
        return None
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    # A layer with unsaved edits differs from its file: only QGIS's iterator sees the edits.
    if (layer is None or layer.providerType() != "ogr" or layer.subsetString() or layer.isModified()
            or QgsWkbTypes.isMultiType(layer.wkbType())):
        return None
    uri = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    try:
        dataset = ogr.Open(uri.get("path", ""))
    except RuntimeError:  # GDAL raises instead once exceptions are on (QGIS 3.40's Processing does that)
        dataset = None
    if dataset is None:
        return None
    ogr_layer = (dataset.GetLayerByName(uri["layerName"]) if uri.get("layerName")
                 else dataset.GetLayer(uri.get("layerId") or 0))
    if ogr_layer is None or ogr_layer.GetFeatureCount() != source.featureCount():
        return None
    field_of = {column: field_name for column, field_name in wanted_fields.items() if field_name}
    field_of.update(time_fields)
    definition = ogr_layer.GetLayerDefn()
    layer_fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if any(field_name not in layer_fields for field_name in field_of.values()):
        return None
    if time_zone is not None and any(definition.GetFieldDefn(definition.GetFieldIndex(field_name)).GetType()
                                     == ogr.OFTDateTime for field_name in time_fields.values()):
        # Arrow's numpy columns drop a datetime's UTC offset, which a time zone must convert.
        return None
    ignored = [f for f in layer_fields if f not in field_of.values()]
    # GDAL 3.6 returns empty geometries when every attribute field is ignored.
    ogr_layer.SetIgnoredFields(ignored[1:] if len(ignored) == len(layer_fields) else ignored)
    geometry_column = ogr_layer.GetGeometryColumn() or "wkb_geometry"

    parts = {column: [] for column in ("x", "y", *field_of)}
    total = max(source.featureCount(), 1)
    done = 0
    for batch in ogr_layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=NO", "MAX_FEATURES_IN_BATCH=262144"]):
        if feedback.isCanceled():
            break
        coordinates = _points_from_wkb(batch[geometry_column])
        if coordinates is None:
            return None
        parts["x"].append(coordinates[0])
        parts["y"].append(coordinates[1])
        for column, field_name in field_of.items():
            values = batch[field_name]
            parts[column].append(np.ma.filled(np.ma.asarray(values, dtype=float), np.nan)
                                 if column in NUMERIC_COLUMNS else _text_or_times(values))
        done += coordinates[0].size
        feedback.setProgress(100.0 * done / total)
    return {column: np.concatenate(chunks) if chunks else np.zeros(0)
            for column, chunks in parts.items()}


def _points_from_wkb(column):
    """x and y from a column of WKB points; NaN for null geometries; None if not all points."""
    mask = np.ma.getmaskarray(column)
    values = np.ma.getdata(column)
    n = values.shape[0]
    if values.dtype.kind == "V" and values.dtype.itemsize in (21, 29, 37):
        raw = values.view(np.uint8).reshape(n, values.dtype.itemsize)
    else:
        blobs = [None if m or v is None else bytes(v) for v, m in zip(values.tolist(), mask.tolist())]
        sizes = {len(b) for b in blobs if b is not None}
        if len(sizes) > 1 or 0 in sizes:
            return None
        size = sizes.pop() if sizes else 21
        raw = np.frombuffer(b"".join(b"\x01" + b"\x00" * (size - 1) if b is None else b for b in blobs),
                            dtype=np.uint8).reshape(n, size)
        mask = mask | np.array([b is None for b in blobs], dtype=bool)
    if n and not np.all(raw[~mask, 0] == 1):
        return None
    kind = raw[:, 1:5].copy().view("<u4").ravel() & 0xFFFF  # drop ISO/EWKB Z and M flags
    if np.any((kind[~mask] % 1000) != 1):
        return None
    x = raw[:, 5:13].copy().view("<f8").ravel()
    y = raw[:, 13:21].copy().view("<f8").ravel()
    x[mask] = np.nan
    y[mask] = np.nan
    return x, y


def _text_or_times(column):
    """A column as datetime64 or Python objects, None where null."""
    data = np.ma.getdata(column)
    mask = np.ma.getmaskarray(column)
    if np.issubdtype(data.dtype, np.datetime64):
        data = data.astype("datetime64[s]").copy()
        data[mask] = np.datetime64("NaT")
        return data
    if data.dtype.kind == "S":
        data = np.char.decode(data, "utf-8")
    values = data.astype(object)
    values[mask] = None
    return values


def _read_with_iterator(source, expression_context, wanted_fields, time_expressions, feedback):
    """Columns through QGIS's feature iterator: any provider, selection, limit, filter or unsaved edit."""
    fields = source.fields()
    index_of = {column: fields.lookupField(field_name)
                for column, field_name in wanted_fields.items() if field_name}
    expressions = {}
    for column, text in time_expressions.items():
        index = fields.lookupField(_bare_field(text) or "")
        if index >= 0:
            index_of[column] = index
        else:
            expressions[column] = QgsExpression(text)
    if expressions:
        expression_context.setFields(fields)
        for expression in expressions.values():
            expression.prepare(expression_context)
    request = QgsFeatureRequest()
    if not expressions:
        request.setSubsetOfAttributes(list(index_of.values()))

    columns = {column: [] for column in ("x", "y", *index_of, *expressions)}
    total = max(source.featureCount(), 1)
    for number, feature in enumerate(source.getFeatures(request)):
        if feedback.isCanceled():
            break
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            coordinates = [(np.nan, np.nan)]
        elif geometry.isMultipart():
            coordinates = [(p.x(), p.y()) for p in geometry.asMultiPoint()] or [(np.nan, np.nan)]
        else:
            point = geometry.asPoint()
            coordinates = [(point.x(), point.y())]
        values = {column: python_value(feature.attribute(index)) for column, index in index_of.items()}
        if expressions:
            expression_context.setFeature(feature)
        for column, expression in expressions.items():
            values[column] = python_value(expression.evaluate(expression_context))
            if expression.hasEvalError():
                raise QgsProcessingException(tr("The time expression '{}' failed on feature {}: {}").format(
                    expression.expression(), feature.id(), expression.evalErrorString()))
        for x, y in coordinates:
            columns["x"].append(x)
            columns["y"].append(y)
            for column, value in values.items():
                columns[column].append(value)
        if number % 10000 == 0:
            feedback.setProgress(100.0 * number / total)
    return {column: _as_array(values, numeric=column in ("x", "y") + NUMERIC_COLUMNS)
            for column, values in columns.items()}


def _as_array(values, numeric):
    if numeric:
        return np.array([np.nan if v is None else float(v) for v in values], dtype=float)
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _bare_field(expression_text):
    """The field name when an expression is just a field reference, else None."""
    expression = QgsExpression(expression_text)
    return next(iter(expression.referencedColumns())) if expression.isField() else None


def read_centroids(source, name, context, feedback, crs, numeric_fields=(), text_fields=()):
    """One row per feature, in the source's order: centroid in ``crs`` and attribute columns.

    Returns ``(x, y, columns)``; x and y are NaN for null geometries, numeric
    columns NaN for nulls.  Used where each feature is an observation that is
    written back (Getis-Ord).
    """
    fields = source.fields()
    for field_name in numeric_fields:
        index = fields.lookupField(field_name)
        if index < 0:
            raise QgsProcessingException(tr("The field '{}' is not in {}.").format(field_name, name))
        if not fields.at(index).isNumeric():
            raise QgsProcessingException(tr(
                "The field '{}' of {} is not numeric. Choose a numeric field, or make one with the "
                "Field calculator.").format(field_name, name))
    wanted = list(numeric_fields) + [f for f in text_fields if fields.lookupField(f) >= 0]
    request = QgsFeatureRequest().setSubsetOfAttributes([fields.lookupField(f) for f in wanted])
    xs, ys = [], []
    columns = {field_name: [] for field_name in wanted}
    total = max(source.featureCount(), 1)
    for number, feature in enumerate(source.getFeatures(request)):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled."))
        geometry = feature.geometry()
        centre = None if geometry.isNull() or geometry.isEmpty() else geometry.centroid()
        point = None if centre is None or centre.isNull() else centre.asPoint()
        xs.append(np.nan if point is None else point.x())
        ys.append(np.nan if point is None else point.y())
        for field_name in wanted:
            columns[field_name].append(python_value(feature[field_name]))
        if number % 10000 == 0:
            feedback.setProgress(100.0 * number / total)
    x, y = np.array(xs, dtype=float), np.array(ys, dtype=float)
    located = np.isfinite(x)
    x[located], y[located] = transform_xy(x[located], y[located], source.sourceCrs(), crs, context)
    arrays = {f: _as_array(v, numeric=f in numeric_fields) for f, v in columns.items()}
    return x, y, arrays


def read_area_mask(alg, parameters, name, context, crs):
    """``(prepared engine, union geometry)`` of a polygon source in ``crs``, or None if unset or empty."""
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        return None
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    parts = []
    for feature in source.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            continue
        parts.append(reprojected(geometry, transform, name))
    if not parts:
        return None
    union = QgsGeometry.unaryUnion(parts)
    engine = QgsGeometry.createGeometryEngine(union.constGet())
    engine.prepareGeometry()
    return engine, union


def points_inside(area, x, y):
    """True for the points inside ``area`` (from :func:`read_area_mask`)."""
    inside = np.zeros(np.shape(x), dtype=bool)
    if area is None:
        return inside
    engine, union = area
    box = union.boundingBox()
    candidates = np.flatnonzero((x >= box.xMinimum()) & (x <= box.xMaximum())
                                & (y >= box.yMinimum()) & (y <= box.yMaximum()))
    for i in candidates:
        inside[i] = engine.intersects(QgsPoint(float(x[i]), float(y[i])))
    return inside


class PointIndex:
    """Points sorted by x once, so finding those in a polygon is a binary search and a test of
    the points in its bounding box, not a pass over every point for every polygon."""

    def __init__(self, x, y):
        self.x = np.asarray(x, dtype=float)
        self.y = np.asarray(y, dtype=float)
        self._order = np.argsort(self.x, kind="stable")
        self._sorted_x = self.x[self._order]

    def inside(self, geometry):
        """Indices (ascending) of the points inside ``geometry``.

        An axis-aligned rectangle (a grid cell) is tested half-open, as the grid counts.
        """
        box = geometry.boundingBox()
        first = np.searchsorted(self._sorted_x, box.xMinimum(), side="left")
        last = np.searchsorted(self._sorted_x, box.xMaximum(), side="right")
        candidates = self._order[first:last]
        y = self.y[candidates]
        candidates = np.sort(candidates[(y >= box.yMinimum()) & (y <= box.yMaximum())])
        if abs(geometry.area() - box.area()) <= 1e-9 * max(box.area(), 1.0):
            return candidates[(self.x[candidates] < box.xMaximum()) & (self.y[candidates] < box.yMaximum())]
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()
        keep = [engine.intersects(QgsPoint(float(self.x[i]), float(self.y[i]))) for i in candidates]
        return candidates[np.array(keep, dtype=bool)] if len(candidates) else candidates


def assign_to_polygons(index, geometries):
    """For each point of ``index`` (a :class:`PointIndex`), the position in ``geometries`` of the
    first polygon holding it, or -1; where polygons overlap, the earlier (higher-ranked) one wins."""
    owner = np.full(index.x.size, -1, dtype=np.int64)
    for position, geometry in enumerate(geometries):
        inside = index.inside(geometry)
        inside = inside[owner[inside] < 0]
        owner[inside] = position
    return owner


def read_visits(source, name, zone, feedback):
    """Patrol visits (from Generate patrol plan or Patrol dosage) as columns.

    Needs ``hotspot_id``, ``start`` and ``end``; ``unit`` is read when present.
    Returns a dict of ``hotspot_id`` (str), ``start_utc`` and ``end_utc``
    (datetime64[s] UTC instants), ``start`` (the wall-clock start in ``zone``),
    ``unit`` (str or None) and ``feature`` (the feature ids), without the rows
    whose times are missing or reversed (counted in a warning).
    """
    fields = source.fields()
    for field_name in ("hotspot_id", "start", "end"):
        if fields.lookupField(field_name) < 0:
            raise QgsProcessingException(tr(
                "{} needs the fields hotspot_id, start and end, as 'Generate patrol plan' and 'Patrol dosage "
                "from GPS' write them; '{}' is missing.").format(name, field_name))
    has_unit = fields.lookupField("unit") >= 0
    wanted = ["hotspot_id", "start", "end"] + (["unit"] if has_unit else [])
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(
        [fields.lookupField(f) for f in wanted])
    columns = {field_name: [] for field_name in wanted + ["feature"]}
    for feature in source.getFeatures(request):
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled by the user."))
        for field_name in wanted:
            columns[field_name].append(python_value(feature[field_name]))
        columns["feature"].append(feature.id())
    start, start_missing, start_bad = parse_instants(np.array(columns["start"], dtype=object), zone)
    end, end_missing, end_bad = parse_instants(np.array(columns["end"], dtype=object), zone)
    hotspot_id = np.array(["" if v is None else str(v) for v in columns["hotspot_id"]], dtype=object)
    keep = ~(start_missing | start_bad | end_missing | end_bad) & (hotspot_id != "")
    keep[keep] = end[keep] >= start[keep]
    if not keep.all():
        feedback.pushWarning(tr("{} of {} visits in {} have no hotspot_id, a missing or unreadable start or end, "
                                "or end before start; they are left out.").format(
                                    int((~keep).sum()), keep.size, name))
    unit = np.array(["" if v is None else str(v) for v in columns["unit"]], dtype=object)[keep] if has_unit else None
    return {"hotspot_id": hotspot_id[keep], "start_utc": start[keep], "end_utc": end[keep],
            "start": utc_to_wall_clock(start[keep], zone), "unit": unit,
            "feature": np.array(columns["feature"], dtype=np.int64)[keep]}


def read_hotspots(source, name, context, crs, need_rank=False):
    """Hotspot polygons as ``[(hotspot_id, rank, geometry in crs)]``, ranked best first.

    Needs a ``hotspot_id`` field (and ``rank`` when ``need_rank``), as Rank
    patrol hotspots writes them.
    """
    fields = source.fields()
    for field_name in ("hotspot_id",) + (("rank",) if need_rank else ()):
        if fields.lookupField(field_name) < 0:
            raise QgsProcessingException(tr(
                "{} needs a '{}' field, as 'Rank patrol hotspots' writes it.").format(name, field_name))
    has_rank = fields.lookupField("rank") >= 0
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    hotspots = []
    for feature in source.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        hotspot_id = python_value(feature["hotspot_id"])
        if geometry.isNull() or geometry.isEmpty() or hotspot_id is None:
            continue
        geometry = reprojected(geometry, transform, name)
        rank = python_value(feature["rank"]) if has_rank else None
        hotspots.append((hotspot_id, rank if rank is not None else len(hotspots) + 1, geometry))
    if not hotspots:
        raise QgsProcessingException(tr("{} has no hotspot with a geometry and a hotspot_id.").format(name))
    # Every result is keyed by hotspot_id: two places with one id would be merged, or one's visits
    # put at the other's place.
    ids = [str(h[0]) for h in hotspots]
    repeated = sorted({i for i in ids if ids.count(i) > 1}) if len(set(ids)) < len(ids) else []
    if repeated:
        raise QgsProcessingException(tr(
            "{} has more than one hotspot with the hotspot_id {}: each hotspot needs its own id, as every result "
            "is kept by it. Give them unique ids (or merge the polygons of one hotspot into one feature).").format(
                name, ", ".join(f"'{i}'" for i in repeated[:5])))
    hotspots.sort(key=lambda h: (h[1], str(h[0])))
    return hotspots
