"""Reading through QGIS's feature iterator: the crimes wherever the Arrow fast path cannot
serve (any provider, selection, feature limit, filter, expression or unsaved edit), and the
layers read one row per feature (Getis-Ord's observations, patrol visits).
"""

import numpy as np
from qgis.core import QgsExpression, QgsFeatureRequest, QgsProcessingException

from ..core.timeparse import parse_instants, utc_to_wall_clock
from .crs_reader import transform_xy
from .qt_values import python_value
from .translate import tr

# Columns read as floats, NaN where null; the others keep their values as read.
NUMERIC_COLUMNS = ("weight", "radius")


def read_with_iterator(source, expression_context, wanted_fields, time_expressions, feedback):
    """Columns through QGIS's feature iterator: any provider, selection, limit, filter or unsaved edit."""
    index_of, expressions = _sources_of_columns(source.fields(), wanted_fields, time_expressions,
                                                expression_context)
    request = QgsFeatureRequest()
    if not expressions:
        request.setSubsetOfAttributes(list(index_of.values()))

    columns = {column: [] for column in ("x", "y", *index_of, *expressions)}
    total = max(source.featureCount(), 1)
    for number, feature in enumerate(source.getFeatures(request)):
        if feedback.isCanceled():
            break
        coordinates = _point_coordinates(feature.geometry())
        values = {column: python_value(feature.attribute(index)) for column, index in index_of.items()}
        values.update(_evaluated(expressions, feature, expression_context))
        for x, y in coordinates:
            columns["x"].append(x)
            columns["y"].append(y)
            for column, value in values.items():
                columns[column].append(value)
        if number % 10000 == 0:
            feedback.setProgress(100.0 * number / total)
    return {column: _as_array(values, numeric=column in ("x", "y") + NUMERIC_COLUMNS)
            for column, values in columns.items()}


def _sources_of_columns(fields, wanted_fields, time_expressions, expression_context):
    """``(index_of, expressions)``: the field index of each column read from a field (a time given
    as a bare field name is read as that field), and the prepared expression of each other time."""
    index_of = {column: fields.lookupField(field_name)
                for column, field_name in wanted_fields.items() if field_name}
    expressions = {}
    for column, text in time_expressions.items():
        index = fields.lookupField(bare_field(text) or "")
        if index >= 0:
            index_of[column] = index
        else:
            expressions[column] = QgsExpression(text)
    if expressions:
        expression_context.setFields(fields)
        for expression in expressions.values():
            expression.prepare(expression_context)
    return index_of, expressions


def _point_coordinates(geometry):
    """``(x, y)`` of each part of a point geometry; one NaN pair for a null, empty or partless one."""
    if geometry.isNull() or geometry.isEmpty():
        return [(np.nan, np.nan)]
    if geometry.isMultipart():
        return [(p.x(), p.y()) for p in geometry.asMultiPoint()] or [(np.nan, np.nan)]
    point = geometry.asPoint()
    return [(point.x(), point.y())]


def _evaluated(expressions, feature, expression_context):
    """The value of each expression on ``feature``; an expression that fails on it is an error."""
    if not expressions:
        return {}
    expression_context.setFeature(feature)
    values = {}
    for column, expression in expressions.items():
        values[column] = python_value(expression.evaluate(expression_context))
        if expression.hasEvalError():
            raise QgsProcessingException(tr("The time expression '{}' failed on feature {}: {}").format(
                expression.expression(), feature.id(), expression.evalErrorString()))
    return values


def _as_array(values, numeric):
    if numeric:
        return np.array([np.nan if v is None else float(v) for v in values], dtype=float)
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def bare_field(expression_text):
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


def read_visits(source, name, zone, feedback):
    """Patrol visits (from Generate patrol plan or Patrol dosage) as columns.

    Needs ``hotspot_id``, ``start`` and ``end``; ``unit`` and a numeric
    ``minutes`` are read when present.
    Returns a dict of ``hotspot_id`` (str), ``start_utc`` and ``end_utc``
    (datetime64[s] UTC instants), ``start`` (the wall-clock start in ``zone``),
    ``unit`` (str or None), ``minutes`` (float, NaN where null; None without the
    field) and ``feature`` (the feature ids), without the rows whose times are
    missing or reversed (counted in a warning).
    """
    fields = source.fields()
    for field_name in ("hotspot_id", "start", "end"):
        if fields.lookupField(field_name) < 0:
            raise QgsProcessingException(tr(
                "{} needs the fields hotspot_id, start and end, as 'Generate patrol plan' and 'Patrol dosage "
                "from GPS' write them; '{}' is missing.").format(name, field_name))
    has_unit = fields.lookupField("unit") >= 0
    minutes_index = fields.lookupField("minutes")
    has_minutes = minutes_index >= 0 and fields.at(minutes_index).isNumeric()
    wanted = ["hotspot_id", "start", "end"] + (["unit"] if has_unit else []) + (["minutes"] if has_minutes else [])
    indices = [fields.lookupField(f) for f in wanted]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(indices)
    rows, feature_ids = [], []
    for number, feature in enumerate(source.getFeatures(request)):
        if number % 1000 == 0 and feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled by the user."))
        attributes = feature.attributes()  # one call for the row: a visits table has tens of thousands
        rows.append([attributes[i] for i in indices])
        feature_ids.append(feature.id())
    columns = {field_name: [value if type(value) is str else python_value(value) for value in column]
               for field_name, column in zip(wanted, zip(*rows) if rows else [()] * len(wanted))}
    columns["feature"] = feature_ids
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
    minutes = (np.array([np.nan if v is None else float(v) for v in columns["minutes"]])[keep] if has_minutes
               else None)
    return {"hotspot_id": hotspot_id[keep], "start_utc": start[keep], "end_utc": end[keep],
            "start": utc_to_wall_clock(start[keep], zone), "unit": unit, "minutes": minutes,
            "feature": np.array(columns["feature"], dtype=np.int64)[keep]}
