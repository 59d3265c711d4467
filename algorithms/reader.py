"""One fast reader from a Processing feature source to numpy arrays.

Every algorithm reads its crimes through :func:`read_points`, so the rules
for geometry, weights, times and coordinate systems are the same everywhere:

* each part of a multipoint is a crime; null and empty geometries are
  skipped and counted;
* coordinates come out in a metric CRS chosen by :func:`metric_crs`;
* times come from an expression (a bare field name is one) and are read by
  :mod:`core.timeparse`.

A plain OGR file layer read whole (no selection, feature limit or filter) is
read through OGR's Arrow interface (:mod:`algorithms.arrow_reader`), about
twenty times faster than a loop over ``QgsFeature``; everything else goes
through QGIS's feature iterator (:mod:`algorithms.feature_reader`).  The CRS
rules are in :mod:`algorithms.crs_reader`, the time rules in
:mod:`algorithms.time_reader`, areas and hotspots in
:mod:`algorithms.polygon_reader`.  Algorithms import all of it from here.
"""

from dataclasses import dataclass, field, replace

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsExpression,
    QgsProcessingException,
    QgsWkbTypes,
)

from ..core import grid, kde
from ..core.cell_tally import CellTally, cell_keys
from ..core.harm import crime_harm
from ..core.outliers import far_outliers
from .arrow_reader import arrow_batches, read_with_arrow
from .crs_reader import (
    BRITISH_NATIONAL_GRID,
    METRIC_CRS_CHOICES,
    WGS84,
    build_crs_in_main_thread,
    far_crimes_message,
    measures_in_metres,
    metric_crs,
    reprojected,
    transform_xy,
)
from .feature_reader import NUMERIC_COLUMNS, read_centroids, read_visits, read_with_iterator
from .polygon_reader import PointIndex, assign_to_polygons, points_inside, read_area_mask, read_hotspots
from .time_reader import period_from_parameters, require_resolution, restrict_to_period, with_parsed_times
from .translate import tr

__all__ = [
    "BRITISH_NATIONAL_GRID", "METRIC_CRS_CHOICES", "NUMERIC_COLUMNS", "OPTIONAL_COLUMNS", "OUTLIER_WIDENING_LIMIT",
    "SKIP_LABELS", "WGS84", "CrimePoints", "PointIndex", "assign_to_polygons", "build_crs_in_main_thread",
    "StreamedCells", "describe_skipped", "extent_parameter", "extent_to_cover", "far_crimes_message", "metric_crs",
    "period_from_parameters", "points_inside", "read_area_mask", "read_centroids", "read_hotspots", "read_points",
    "read_visits", "reprojected", "require_resolution", "restrict_to_period", "source_of", "stream_cell_counts",
    "stream_density_at",
    "transform_xy",
]



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


def source_of(alg, parameters, name, context):
    """The feature source ``parameters[name]``; a clear error when it cannot be opened."""
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, name))
    return source


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
    source = _point_source(alg, parameters, name, context)
    wanted_fields = {"weight": weight_field or None, "radius": radius_field or None,
                     "category": category_field or None}
    _check_fields(source, name, wanted_fields)
    time_expressions = _time_expressions(time_expression, time_end_expression)
    columns = read_with_arrow(alg, parameters, name, context, source, wanted_fields,
                              time_expressions, time_zone, feedback)
    if columns is None:
        columns = read_with_iterator(source, alg.createExpressionContext(parameters, context, source),
                                     wanted_fields, time_expressions, feedback)
    if feedback.isCanceled():
        raise QgsProcessingException(tr("Cancelled."))

    # Raw times ride along through the subsets below and are parsed last.
    points = _located_in_metric_crs(CrimePoints(**columns, crs=None), source, name, target_crs, context, feedback)
    points = _without_null_numbers(points, radius_field)
    if time_expressions:
        points = with_parsed_times(points, feedback, time_zone, utc)
    _warn_skipped(points, feedback)
    return points


@dataclass
class StreamedCells:
    """Crimes counted into cells as they were read (:func:`stream_cell_counts`), one row per occupied cell.

    ``col``, ``row``, ``count`` and ``weight`` (None without a weight field) describe the cells, sorted by
    row then column.  ``crimes`` is the number counted;
    ``crs``, ``extent``, ``bulk_extent``, ``outlier_note`` and ``skipped`` mean what they mean in
    :class:`CrimePoints`; ``unknown_categories`` lists the categories not in the harm weights.
    """

    col: np.ndarray
    row: np.ndarray
    count: np.ndarray
    weight: object
    crimes: int
    crs: QgsCoordinateReferenceSystem
    extent: tuple
    bulk_extent: tuple
    outlier_note: str = ""
    skipped: dict = field(default_factory=dict)
    unknown_categories: list = field(default_factory=list)


def stream_cell_counts(alg, parameters, name, context, feedback, cell_size, shape, *, target_crs=None,
                       weight_field=None, category_field=None, harm_weights=None):
    """Count the crimes of ``parameters[name]`` into cells batch by batch, holding no crime in memory.

    For a national year of crime: memory grows with the occupied cells, not with the crimes; progress runs
    from 0 to 50 while reading.  Each crime
    weighs its ``weight_field``, or the harm of its ``category_field`` in ``harm_weights`` (a dict;
    crimes of other categories are skipped as ``unknown_category`` and their categories listed in
    ``unknown_categories``).  The cells, counts, skipped crimes and errors are those of :func:`read_points`
    followed by :func:`core.grid.count_cells`.  One difference, by design: far outliers
    (:func:`core.outliers.far_outliers`) are found from the cells, each cell's crimes at its centre, so the
    central box and the outliers' distances are known to within a cell, and ``bulk_extent`` (with
    outliers) is the box of the other cells' centres.

    Returns None where the crimes must be read whole by :func:`read_points`: a layer QGIS must read
    itself (a selection, a filter, unsaved edits, a layer that is not a plain file...), or a layer whose
    working CRS is chosen by where its crimes lie (not in metres, and no TARGET_CRS).
    """
    source = _point_source(alg, parameters, name, context)
    wanted = _weighting_fields(weight_field, category_field, harm_weights)
    _check_fields(source, name, wanted)
    if not (measures_in_metres(source.sourceCrs()) or (target_crs is not None and target_crs.isValid())):
        return None
    batches = arrow_batches(alg, parameters, name, context, source, wanted, feedback, progress=(0.0, 50.0))
    if batches is None:
        return None
    crs = metric_crs(source.sourceCrs(), source.sourceExtent(), target_crs, context, feedback)
    weighted = bool(weight_field) or harm_weights is not None
    tally = CellTally(cell_size, shape, weighted=weighted)
    # Crimes left out for a null weight or an unknown category still mark the area and its far outliers,
    # as when the crimes are read whole: they are counted apart.
    located = CellTally(cell_size, shape) if weighted else tally
    skipped = {"null_geometry": 0, "null_weight": 0, "unknown_category": 0}
    box = [np.inf, np.inf, -np.inf, -np.inf]
    negative_weights, unknown_categories = [np.zeros(0)], set()
    for batch in batches:
        if batch is None:
            return None
        has_point = np.isfinite(batch["x"]) & np.isfinite(batch["y"])
        skipped["null_geometry"] += int(np.count_nonzero(~has_point))
        kept, weight, unknown = _weights_of_batch(batch, has_point, harm_weights)
        skipped["null_weight"] += int(np.count_nonzero(np.isnan(weight))) if weight_field else 0
        skipped["unknown_category"] += int(np.count_nonzero(~kept)) if harm_weights is not None else 0
        unknown_categories.update(unknown)
        if weight_field:
            negative_weights.append(weight[np.isfinite(weight) & (weight < 0)])
        x, y = transform_xy(batch["x"][has_point], batch["y"][has_point], source.sourceCrs(), crs, context)
        if x.size:
            box = [min(box[0], x.min()), min(box[1], y.min()), max(box[2], x.max()), max(box[3], y.max())]
        if weighted:
            alg.run_core(located.add, x, y)
            alg.run_core(tally.add, x[kept], y[kept], weight[kept])
        else:
            alg.run_core(tally.add, x, y)
    if feedback.isCanceled():
        raise QgsProcessingException(tr("Cancelled."))
    if weight_field:  # refused as when read whole: how many negative weights in all, and the smallest
        alg.run_core(grid.check_weights, np.concatenate(negative_weights), f"the weight field '{weight_field}'")
    col, row, count, weight = tally.cells()
    cells = StreamedCells(col=col, row=row, count=count, weight=weight, crimes=tally.crimes, crs=crs,
                          extent=tuple(float(v) for v in box), bulk_extent=tuple(float(v) for v in box),
                          skipped=skipped, unknown_categories=sorted(unknown_categories))
    if tally.crimes == 0:
        raise QgsProcessingException(tr(
            "{} has no crimes left to count ({}). Choose a layer with point crimes, or check WEIGHT_FIELD, "
            "CATEGORY_FIELD and HARM_WEIGHTS.").format(name, describe_skipped(cells)))
    # Far outliers among every crime with a point, each cell's crimes at its centre.
    col, row, count, _ = located.cells()
    _mark_far_outliers(cells, *grid.cell_centres(col, row, cell_size, shape), context, feedback, counts=count)
    _warn_skipped(cells, feedback)
    return cells


def _weights_of_batch(batch, located, harm_weights):
    """The located crimes of a batch that count, their weights (NaN where null; None when unweighted) and
    the categories not in ``harm_weights``: ``(kept, weight, unknown)``."""
    if "weight" in batch:
        weight = batch["weight"][located]
        return np.isfinite(weight) & (weight >= 0), weight, []
    if harm_weights is None:
        return np.ones(int(np.count_nonzero(located)), dtype=bool), None, []
    known, harm_of_known, unknown = crime_harm(batch["category"][located], harm_weights)
    weight = np.full(known.size, np.nan)
    weight[known] = harm_of_known
    return known, weight, unknown


def stream_density_at(alg, parameters, name, context, feedback, streamed, at_x, at_y, radius, weight_field=None,
                      category_field=None, harm_weights=None):
    """The kernel density of the crimes of ``parameters[name]`` at a few places, read batch by batch again.

    :func:`core.kde.density_at` summed over the batches, for the crimes that :func:`stream_cell_counts`
    counted into ``streamed`` (the same CRS and weights; null geometries, null weights and unknown
    categories left out); only crimes near a place are kept from each batch.  Progress runs from 60 to 80.
    """
    source = source_of(alg, parameters, name, context)
    batches = arrow_batches(alg, parameters, name, context, source,
                            _weighting_fields(weight_field, category_field, harm_weights), feedback,
                            progress=(60.0, 80.0))
    at_x, at_y = np.asarray(at_x, dtype=float), np.asarray(at_y, dtype=float)
    # Crimes are kept when their square of side RADIUS touches a place's: a cheap, generous filter.
    place_col, place_row = grid.cells_of_points(at_x, at_y, radius)
    near = np.unique(np.concatenate([cell_keys(place_col + dc, place_row + dr)
                                     for dr in (-1, 0, 1) for dc in (-1, 0, 1)]))
    density = np.zeros(at_x.size)
    for batch in batches:
        located = np.isfinite(batch["x"]) & np.isfinite(batch["y"])
        kept, weight, _ = _weights_of_batch(batch, located, harm_weights)
        x, y = transform_xy(batch["x"][located][kept], batch["y"][located][kept], source.sourceCrs(), streamed.crs,
                            context)
        col, row = grid.cells_of_points(x, y, radius)
        close = np.isin(cell_keys(col, row), near)
        weights = None if weight is None else weight[kept][close]
        density += alg.run_core(kde.density_at, x[close], y[close], at_x, at_y, radius, weights=weights)
    if feedback.isCanceled():
        raise QgsProcessingException(tr("Cancelled."))
    return density


def _weighting_fields(weight_field, category_field, harm_weights):
    """The fields a streamed read needs, by column: the weight, or the category looked up in the harm weights."""
    wanted = {"weight": weight_field, "category": category_field if harm_weights is not None else None}
    return {column: field_name for column, field_name in wanted.items() if field_name}


def _mark_far_outliers(crimes, x, y, context, feedback, counts=None):
    """Flag the far outliers among ``x``, ``y`` (in ``crimes.crs``; each standing for ``counts`` crimes when
    given), warn of them, and set ``crimes.outlier_note`` and ``crimes.bulk_extent``; returns the flags."""
    outlier = far_outliers(x, y, counts=counts)
    if outlier.any():
        crimes.outlier_note = far_crimes_message(x, y, outlier, crimes.crs, context, counts=counts)
        crimes.bulk_extent = _bounding_box(x[~outlier], y[~outlier])
        feedback.pushWarning(crimes.outlier_note + tr(
            ". They are kept: if they are misplaced records, leave them out (e.g. run on a selection of the "
            "others)."))
    return outlier


def _point_source(alg, parameters, name, context):
    """The source ``parameters[name]``, refused unless it holds points."""
    source = source_of(alg, parameters, name, context)
    geometry_type = QgsWkbTypes.geometryType(source.wkbType())
    if geometry_type != QgsWkbTypes.PointGeometry:
        raise QgsProcessingException(tr(
            "{} must be a point layer, but it holds {}. Convert it first, e.g. with "
            "'Centroids' for polygons.").format(
                name, QgsWkbTypes.geometryDisplayString(geometry_type).lower()))
    return source


def _check_fields(source, name, wanted_fields):
    """Refuse a weight, radius or category field missing from ``source``, or a weight or radius field
    that is not numeric."""
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


def _time_expressions(time_expression, time_end_expression):
    """The TIME and TIME_END expressions given, by column; refused when TIME_END comes without TIME or
    either cannot be parsed."""
    time_expressions = {column: text.strip() for column, text in
                        (("time", time_expression), ("time_end", time_end_expression)) if (text or "").strip()}
    if "time_end" in time_expressions and "time" not in time_expressions:
        raise QgsProcessingException(tr(
            "TIME_END is set but TIME is not: a window needs its start (TIME) and its end (TIME_END)."))
    for text in time_expressions.values():
        if QgsExpression(text).hasParserError():
            raise QgsProcessingException(tr("The time expression '{}' cannot be read: {}").format(
                text, QgsExpression(text).parserErrorString()))
    return time_expressions


def _located_in_metric_crs(points, source, name, target_crs, context, feedback):
    """The crimes with a point geometry, in the metric CRS, their far outliers flagged and warned about;
    refused when none has a point geometry."""
    n_read = len(points)
    points = points.subset(np.isfinite(points.x) & np.isfinite(points.y), "null_geometry")
    if len(points) == 0:
        raise QgsProcessingException(tr(
            "{} has no points to work with ({} features read, none with a point geometry). "
            "Choose a layer with point crimes, or check its filter and selection.").format(name, n_read))
    points.crs = metric_crs(source.sourceCrs(), source.sourceExtent(), target_crs, context, feedback,
                            points.x, points.y)
    points.x, points.y = transform_xy(points.x, points.y, source.sourceCrs(), points.crs, context)
    points.extent = points.bulk_extent = _bounding_box(points.x, points.y)
    points.outlier = _mark_far_outliers(points, points.x, points.y, context, feedback)
    return points


def _without_null_numbers(points, radius_field):
    """The crimes without a null weight or radius; refused when a radius is not positive."""
    for column in NUMERIC_COLUMNS:
        if getattr(points, column) is not None:
            points = points.subset(np.isfinite(getattr(points, column)), f"null_{column}")
    if radius_field and np.any(points.radius <= 0):
        raise QgsProcessingException(tr(
            "The radius field '{}' has values of 0 or less. Every radius must be a positive number "
            "of metres.").format(radius_field))
    return points


def _warn_skipped(points, feedback):
    for reason, label in (("null_geometry", tr("without a point geometry")),
                          ("null_weight", tr("with a null weight")),
                          ("null_radius", tr("with a null radius")),
                          ("bad_time", tr("with a null or unreadable time")),
                          ("bad_time_end", tr("with an unreadable TIME_END")),
                          ("reversed_window", tr("whose TIME_END is before their TIME"))):
        if points.skipped.get(reason):
            feedback.pushWarning(tr("{} crimes {} were skipped.").format(points.skipped[reason], label))


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
