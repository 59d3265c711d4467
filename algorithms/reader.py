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
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime, Qt, QVariant

from ..core.timeparse import SUPPORTED_FORMATS, in_period, parse_instants, parse_times, utc_to_wall_clock

try:
    from osgeo import ogr
except ImportError:  # QGIS without GDAL's Python bindings: the slow path serves
    ogr = None


def tr(text):
    return QCoreApplication.translate("HotspotPatrol", text)


@dataclass
class CrimePoints:
    """Crimes as arrays, one element per point (per part of a multipoint).

    ``weight`` and ``radius`` are float arrays, ``time`` datetime64[s] and
    ``category`` objects, each None when not asked for.  ``skipped`` counts
    crimes left out, by reason: ``null_geometry``, ``null_weight``,
    ``null_radius``, ``bad_time`` (null or unreadable time) and
    ``outside_period``.  ``extent`` is the bounding box of every crime with a
    geometry, before any filter, so outputs of different periods align.
    """

    x: np.ndarray
    y: np.ndarray
    crs: QgsCoordinateReferenceSystem
    extent: tuple = None
    weight: object = None
    radius: object = None
    time: object = None
    category: object = None
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


OPTIONAL_COLUMNS = ("weight", "radius", "time", "category")
NUMERIC_COLUMNS = ("weight", "radius")


def source_of(alg, parameters, name, context):
    """The feature source ``parameters[name]``; a clear error when it cannot be opened."""
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, name))
    return source


def metric_crs(source_crs, source_extent, target_crs, context, feedback):
    """The CRS in which distances are metres.

    TARGET_CRS when given (it must be projected in metres); else the source's
    CRS when it is projected in metres; else (geographic, feet, ...) the UTM
    zone of the centre of the source's extent, WGS84 datum.
    """
    if target_crs is not None and target_crs.isValid():
        if target_crs.isGeographic() or target_crs.mapUnits() != QgsUnitTypes.DistanceMeters:
            raise QgsProcessingException(tr(
                "TARGET_CRS {} does not measure in metres. Choose a projected CRS in metres, "
                "e.g. a UTM zone or a national grid, or leave TARGET_CRS empty.").format(target_crs.authid()))
        crs = target_crs
    elif not source_crs.isGeographic() and source_crs.mapUnits() == QgsUnitTypes.DistanceMeters:
        crs = source_crs
    else:
        to_wgs84 = QgsCoordinateTransform(source_crs, QgsCoordinateReferenceSystem("EPSG:4326"),
                                          context.transformContext())
        try:
            centre = to_wgs84.transform(source_extent.center())
        except QgsCsException as error:
            raise QgsProcessingException(tr(
                "Could not find where the layer lies on Earth to choose a UTM zone ({}). "
                "Set TARGET_CRS to a projected CRS in metres.").format(error))
        zone = int(np.clip(np.floor((centre.x() + 180.0) / 6.0) + 1, 1, 60))
        crs = QgsCoordinateReferenceSystem(f"EPSG:{(32600 if centre.y() >= 0 else 32700) + zone}")
        why = tr("is geographic") if source_crs.isGeographic() else tr("does not measure in metres")
        feedback.pushInfo(tr("The layer's CRS {} {}: working in {} ({}).").format(
            source_crs.authid(), why, crs.authid(), crs.description()))
    feedback.pushInfo(tr("CRS used: {} ({}); outputs are in it.").format(crs.authid(), crs.description()))
    return crs


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
    try:
        line.transform(transform)
    except QgsCsException as error:
        raise QgsProcessingException(tr(
            "Some points could not be reprojected to {} ({}). Check the layer's CRS, "
            "or choose a TARGET_CRS that covers the data.").format(dest_crs.authid(), error))
    moved = np.frombuffer(bytes(line.asWkb())[9:], dtype="<f8").reshape(-1, 2)[:x.size]
    if not np.all(np.isfinite(moved)):
        raise QgsProcessingException(tr(
            "Some points fall outside the area where {} is defined. Choose a TARGET_CRS "
            "that covers the data.").format(dest_crs.authid()))
    return moved[:, 0].copy(), moved[:, 1].copy()


def read_points(alg, parameters, name, context, feedback, *, target_crs=None, weight_field=None,
                radius_field=None, category_field=None, time_expression=None, time_zone=None, utc=False):
    """Read the point source ``parameters[name]`` into :class:`CrimePoints`.

    Times are wall-clock times as written; with ``time_zone`` (a tzinfo),
    times that carry a UTC offset are converted to that zone's wall clock, or,
    with ``utc``, every time becomes a UTC instant (for durations across clock
    changes).

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
    time_expression = (time_expression or "").strip() or None
    if time_expression and QgsExpression(time_expression).hasParserError():
        raise QgsProcessingException(tr("The time expression '{}' cannot be read: {}").format(
            time_expression, QgsExpression(time_expression).parserErrorString()))
    crs = metric_crs(source.sourceCrs(), source.sourceExtent(), target_crs, context, feedback)

    columns = _read_with_arrow(alg, parameters, name, context, source, wanted_fields,
                               time_expression, time_zone, feedback)
    if columns is None:
        columns = _read_with_iterator(source, alg.createExpressionContext(parameters, context, source),
                                      wanted_fields, time_expression, feedback)
    if feedback.isCanceled():
        raise QgsProcessingException(tr("Cancelled."))

    # Raw times ride along through the subsets below and are parsed last.
    points = CrimePoints(**columns, crs=crs)
    n_read = len(points)
    points = points.subset(np.isfinite(points.x) & np.isfinite(points.y), "null_geometry")
    if len(points) == 0:
        raise QgsProcessingException(tr(
            "{} has no points to work with ({} features read, none with a point geometry). "
            "Choose a layer with point crimes, or check its filter and selection.").format(name, n_read))
    points.x, points.y = transform_xy(points.x, points.y, source.sourceCrs(), crs, context)
    points.extent = (float(points.x.min()), float(points.y.min()),
                     float(points.x.max()), float(points.y.max()))
    for column in NUMERIC_COLUMNS:
        if getattr(points, column) is not None:
            points = points.subset(np.isfinite(getattr(points, column)), f"null_{column}")
    if radius_field and np.any(points.radius <= 0):
        raise QgsProcessingException(tr(
            "The radius field '{}' has values of 0 or less. Every radius must be a positive number "
            "of metres.").format(radius_field))
    if time_expression:
        points = _with_times(points, feedback, time_zone, utc)
    for reason, label in (("null_geometry", tr("without a point geometry")),
                          ("null_weight", tr("with a null weight")),
                          ("null_radius", tr("with a null radius")),
                          ("bad_time", tr("with a null or unreadable time"))):
        if points.skipped.get(reason):
            feedback.pushWarning(tr("{} crimes {} were skipped.").format(points.skipped[reason], label))
    return points


def _with_times(points, feedback, zone, utc):
    """Parse the raw time column; crimes with a null or unreadable time are skipped."""
    raw_time = points.time
    time, missing, unreadable = parse_instants(raw_time, zone) if utc else parse_times(raw_time, zone)
    if np.any(unreadable):
        feedback.reportError(tr(
            "{} crimes have a time that cannot be read, e.g. '{}'; they are skipped. Readable forms: {}.").format(
                int(np.count_nonzero(unreadable)), raw_time[np.flatnonzero(unreadable)[0]],
                "; ".join(SUPPORTED_FORMATS)))
    points.time = time
    return points.subset(~(missing | unreadable), "bad_time")


def restrict_to_period(points, start, end, feedback):
    """Keep crimes with ``start <= time < end``; needs times when a bound is given."""
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
    points = points.subset(in_period(points.time, start, end), "outside_period")
    if points.skipped["outside_period"]:
        feedback.pushInfo(tr("{} crimes outside the period were left out.").format(
            points.skipped["outside_period"]))
    return points


def period_from_parameters(alg, parameters, context):
    """START and END as naive Python datetimes (wall-clock), or None when unset."""
    def value(name):
        qdt = alg.parameterAsDateTime(parameters, name, context)
        return qdt.toPyDateTime().replace(tzinfo=None) if qdt.isValid() else None
    return value("START"), value("END")


# --- reading -----------------------------------------------------------------------------

def _read_with_arrow(alg, parameters, name, context, source, wanted_fields, time_expression, time_zone,
                     feedback):
    """Columns through OGR's Arrow interface, or None where that is not valid."""
    if ogr is None or not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None
    definition = parameters.get(name)
    if isinstance(definition, QgsProcessingFeatureSourceDefinition) and (
            definition.selectedFeaturesOnly or definition.featureLimit != -1
            or getattr(definition, "filterExpression", "")):
        return None
    if time_expression and _bare_field(time_expression) is None:
        return None
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if (layer is None or layer.providerType() != "ogr" or layer.subsetString()
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
    if time_expression:
        field_of["time"] = _bare_field(time_expression)
    definition = ogr_layer.GetLayerDefn()
    layer_fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if any(field_name not in layer_fields for field_name in field_of.values()):
        return None
    if time_expression and time_zone is not None and definition.GetFieldDefn(
            definition.GetFieldIndex(field_of["time"])).GetType() == ogr.OFTDateTime:
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


def _read_with_iterator(source, expression_context, wanted_fields, time_expression, feedback):
    """Columns through QGIS's feature iterator: any provider, selection, limit or filter."""
    fields = source.fields()
    index_of = {column: fields.lookupField(field_name)
                for column, field_name in wanted_fields.items() if field_name}
    expression = None
    if time_expression:
        expression = QgsExpression(time_expression)
        time_index = fields.lookupField(_bare_field(time_expression) or "")
        if time_index >= 0:
            index_of["time"] = time_index
            expression = None
        else:
            expression_context.setFields(fields)
            expression.prepare(expression_context)
    request = QgsFeatureRequest()
    if expression is None:
        request.setSubsetOfAttributes(list(index_of.values()))

    columns = {column: [] for column in ("x", "y", *index_of)}
    if expression is not None:
        columns["time"] = []
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
        values = {column: _python_value(feature.attribute(index)) for column, index in index_of.items()}
        if expression is not None:
            expression_context.setFeature(feature)
            values["time"] = _python_value(expression.evaluate(expression_context))
            if expression.hasEvalError():
                raise QgsProcessingException(tr("The time expression failed on feature {}: {}").format(
                    feature.id(), expression.evalErrorString()))
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


def _python_value(value):
    """A QGIS attribute or expression value as a plain Python value (None for NULL)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        if not value.isValid():
            return None
        if value.timeSpec() == Qt.LocalTime:
            return value.toPyDateTime()
        # UTC, an offset or a zone: keep the offset, so a TIMEZONE can convert it.
        offset = datetime.timezone(datetime.timedelta(seconds=value.offsetFromUtc()))
        return datetime.datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, offset)
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    return value


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
            columns[field_name].append(_python_value(feature[field_name]))
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
        geometry.transform(transform)
        parts.append(geometry)
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
            columns[field_name].append(_python_value(feature[field_name]))
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
        hotspot_id = _python_value(feature["hotspot_id"])
        if geometry.isNull() or geometry.isEmpty() or hotspot_id is None:
            continue
        geometry.transform(transform)
        rank = _python_value(feature["rank"]) if has_rank else None
        hotspots.append((hotspot_id, rank if rank is not None else len(hotspots) + 1, geometry))
    if not hotspots:
        raise QgsProcessingException(tr("{} has no hotspot with a geometry and a hotspot_id.").format(name))
    hotspots.sort(key=lambda h: (h[1], str(h[0])))
    return hotspots
