"""Polygons the crimes are counted in (areas such as STUDY_AREA, ranked hotspots) and
which points lie in each.

Points are tested against a polygon's rings in numpy (:func:`core.polygons.points_in_polygon`,
exact, a point on a ring counting as inside as for GEOS's ``intersects``), not one GEOS call per
point; only geometries that are not (multi)polygons after curves are segmentized go through GEOS.
"""

import struct

import numpy as np
from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsPoint, QgsProcessingException, QgsWkbTypes

from ..core.polygons import points_in_polygon
from .crs_reader import reprojected
from .qt_values import python_value
from .translate import tr


def read_area_mask(alg, parameters, name, context, crs):
    """``(rings, union geometry)`` of a polygon source in ``crs``, or None if unset or empty; ``rings``
    as :func:`polygon_rings` gives them."""
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
    return polygon_rings(union), union


def points_inside(area, x, y):
    """True for the points inside ``area`` (from :func:`read_area_mask`) or on its boundary."""
    if area is None:
        return np.zeros(np.shape(x), dtype=bool)
    rings, union = area
    if rings is None:
        return _inside_by_geos(union, np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    return points_in_polygon(x, y, rings)


def polygon_rings(geometry):
    """Every ring of a polygon or multipolygon ``geometry`` (holes and all parts alike) as ``(n, 2)``
    arrays of x and y, curves segmentized as GEOS gets them; None for any other geometry."""
    shape = geometry.constGet()
    if QgsWkbTypes.isCurvedType(shape.wkbType()):
        shape = shape.segmentize()
    kind = QgsWkbTypes.flatType(shape.wkbType())
    if kind not in (QgsWkbTypes.Polygon, QgsWkbTypes.MultiPolygon):
        return None
    wkb = bytes(shape.asWkb())
    order = "<" if wkb[0] == 1 else ">"
    dimensions = 2 + shape.is3D() + shape.isMeasure()
    polygons, offset = 1, 0
    if kind == QgsWkbTypes.MultiPolygon:
        polygons, offset = struct.unpack_from(order + "I", wkb, 5)[0], 9
    rings = []
    for _ in range(polygons):
        n_rings = struct.unpack_from(order + "I", wkb, offset + 5)[0]
        offset += 9  # byte order, type and number of rings
        for _ in range(n_rings):
            n = struct.unpack_from(order + "I", wkb, offset)[0]
            coordinates = np.frombuffer(wkb, dtype=order + "f8", count=n * dimensions, offset=offset + 4)
            rings.append(coordinates.reshape(n, dimensions)[:, :2].astype(float))
            offset += 4 + 8 * n * dimensions
    return rings


class PointIndex:
    """Points cut into horizontal bands and sorted by x within each, so finding those in a polygon is
    a binary search in each band its bounding box spans and a test of the points in that box, not a
    pass over every point for every polygon."""

    def __init__(self, x, y):
        self.x = np.asarray(x, dtype=float)
        self.y = np.asarray(y, dtype=float)
        finite = np.isfinite(self.x) & np.isfinite(self.y)
        # About 2 sqrt(n) points a band: a small polygon then spans few bands holding few points.
        self._bands = int(np.clip(np.sqrt(np.count_nonzero(finite)) / 2, 1, 1024))
        self._y_low = float(self.y[finite].min()) if finite.any() else 0.0
        span = float(self.y[finite].max()) - self._y_low if finite.any() else 0.0
        self._band_height = span / self._bands if span > 0 else 1.0
        band = np.full(self.x.size, -1, dtype=np.int16)  # -1: never found
        band[finite] = self._band_of(self.y[finite])
        by_x = np.argsort(self.x, kind="stable")
        self._order = by_x[np.argsort(band[by_x], kind="stable")]
        self._sorted_x = self.x[self._order]
        self._band_start = np.searchsorted(band[self._order], np.arange(self._bands + 1))

    def _band_of(self, y):
        """The band holding each y: a monotone function of y, so a range of y maps into a range of bands."""
        return np.clip(np.floor((np.asarray(y, dtype=float) - self._y_low) / self._band_height),
                       0, self._bands - 1).astype(np.int64)

    def _in_box(self, box):
        """Indices (ascending) of the points in the closed rectangle ``box``."""
        first_band, last_band = self._band_of([box.yMinimum(), box.yMaximum()])
        pieces = []
        bounds = self._band_start[first_band:last_band + 2]
        for start, end in zip(bounds[:-1], bounds[1:]):
            in_band = self._sorted_x[start:end]
            first = start + np.searchsorted(in_band, box.xMinimum(), side="left")
            last = start + np.searchsorted(in_band, box.xMaximum(), side="right")
            pieces.append(self._order[first:last])
        candidates = np.concatenate(pieces) if pieces else np.empty(0, dtype=np.int64)
        y = self.y[candidates]
        return np.sort(candidates[(y >= box.yMinimum()) & (y <= box.yMaximum())])

    def inside(self, geometry):
        """Indices (ascending) of the points inside ``geometry`` or on its boundary.

        An axis-aligned rectangle (a grid cell) is tested half-open, as the grid counts.
        """
        box = geometry.boundingBox()
        candidates = self._in_box(box)
        if abs(geometry.area() - box.area()) <= 1e-9 * max(box.area(), 1.0):
            return candidates[(self.x[candidates] < box.xMaximum()) & (self.y[candidates] < box.yMaximum())]
        rings = polygon_rings(geometry)
        if rings is None:
            return candidates[_inside_by_geos(geometry, self.x[candidates], self.y[candidates])]
        return candidates[points_in_polygon(self.x[candidates], self.y[candidates], rings)]


def _inside_by_geos(geometry, x, y):
    """True for the points that intersect ``geometry``, asked of GEOS one by one: for geometries
    other than polygons (e.g. a collection holding lines), which ring tests cannot answer."""
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    return np.array([engine.intersects(QgsPoint(px, py)) for px, py in zip(x.tolist(), y.tolist())], dtype=bool)


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
