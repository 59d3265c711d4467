"""Polygons the crimes are counted in (areas such as STUDY_AREA, ranked hotspots) and
which points lie in each."""

import numpy as np
from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsPoint, QgsProcessingException

from .crs_reader import reprojected
from .qt_values import python_value
from .translate import tr


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
