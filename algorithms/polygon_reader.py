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
    """Points bucketed by the cells of a grid over them, so finding those in a polygon is a slice of
    the index for each row of cells its bounding box spans and a test of the points there, not a
    pass over every point for every polygon."""

    # Cell numbers (and one for the points never found) fit 16 bits, which numpy's stable argsort
    # sorts by radix in one linear pass: a tenth of the time of sorting a million coordinates.
    _MOST_CELLS = (1 << 16) - 1
    _POINTS_PER_CELL = 16

    def __init__(self, x, y):
        self.x = np.asarray(x, dtype=float)
        self.y = np.asarray(y, dtype=float)
        finite = np.isfinite(self.x) & np.isfinite(self.y)
        self._x_low, x_span = self._low_and_span(self.x[finite])
        self._y_low, y_span = self._low_and_span(self.y[finite])
        cells = int(np.clip(np.count_nonzero(finite) // self._POINTS_PER_CELL, 1, self._MOST_CELLS))
        # Cells about square: columns and rows in proportion to the spans.
        self._columns = int(np.clip(round(np.sqrt(cells * x_span / y_span)), 1, cells))
        self._rows = max(cells // self._columns, 1)
        self._cell_width = x_span / self._columns
        self._cell_height = y_span / self._rows
        cell = np.full(self.x.size, self._rows * self._columns, dtype=np.uint16)  # the last: never found
        cell[finite] = (self._row_of(self.y[finite]) * self._columns + self._column_of(self.x[finite]))
        self._order = np.argsort(cell, kind="stable")
        self._cell_start = np.concatenate([[0], np.cumsum(np.bincount(cell, minlength=self._rows * self._columns
                                                                      + 1))])

    @staticmethod
    def _low_and_span(values):
        """The lowest value and the span (1 for none or one distinct value)."""
        if values.size == 0:
            return 0.0, 1.0
        low = float(values.min())
        span = float(values.max()) - low
        return low, span if span > 0 else 1.0

    def _row_of(self, y):
        """The row of cells holding each y: monotone in y, so a range of y maps into a range of rows."""
        return np.clip(np.floor((np.asarray(y, dtype=float) - self._y_low) / self._cell_height),
                       0, self._rows - 1).astype(np.int64)

    def _column_of(self, x):
        """The column of cells holding each x, monotone in x as :meth:`_row_of` is in y."""
        return np.clip(np.floor((np.asarray(x, dtype=float) - self._x_low) / self._cell_width),
                       0, self._columns - 1).astype(np.int64)

    def _in_box(self, box):
        """Indices (ascending) of the points in the closed rectangle ``box``."""
        first_row, last_row = self._row_of([box.yMinimum(), box.yMaximum()]).tolist()
        first_column, last_column = self._column_of([box.xMinimum(), box.xMaximum()]).tolist()
        starts = self._cell_start[np.arange(first_row, last_row + 1) * self._columns + first_column].tolist()
        ends = self._cell_start[np.arange(first_row, last_row + 1) * self._columns + last_column + 1].tolist()
        candidates = np.concatenate([self._order[start:end] for start, end in zip(starts, ends)])
        x, y = self.x[candidates], self.y[candidates]
        return np.sort(candidates[(x >= box.xMinimum()) & (x <= box.xMaximum())
                                  & (y >= box.yMinimum()) & (y <= box.yMaximum())])

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
