"""PointIndex: the points inside each polygon, against a brute-force test of every point."""

import numpy as np
import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle

from hotspot_patrol.algorithms.polygon_reader import polygon_rings
from hotspot_patrol.algorithms.reader import PointIndex, points_inside


def brute_force(geometry, x, y, half_open_box=False):
    box = geometry.boundingBox()
    inside = []
    for i, (px, py) in enumerate(zip(x, y)):
        if half_open_box:
            hit = box.xMinimum() <= px < box.xMaximum() and box.yMinimum() <= py < box.yMaximum()
        else:
            hit = geometry.intersects(QgsGeometry.fromPointXY(QgsPointXY(px, py)))
        if hit:
            inside.append(i)
    return np.array(inside, dtype=int)


def test_points_inside_match_brute_force_for_cells_and_other_polygons():
    rng = np.random.default_rng(7)
    # Points on cell edges too: the grid's half-open rule must hold exactly there.
    x = np.concatenate([rng.uniform(0, 1000, 3000), np.repeat([150.0, 300.0], 50)])
    y = np.concatenate([rng.uniform(0, 1000, 3000), rng.uniform(0, 1000, 100)])
    cell = QgsGeometry.fromRect(QgsRectangle(150, 150, 300, 300))
    triangle = QgsGeometry.fromWkt("POLYGON((100 100, 900 200, 400 800, 100 100))")
    ring = QgsGeometry.fromWkt("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0),"
                               "(200 200, 800 200, 800 800, 200 800, 200 200))")
    index = PointIndex(x, y)
    np.testing.assert_array_equal(index.inside(cell), brute_force(cell, x, y, half_open_box=True))
    for polygon in (triangle, ring):
        expected = brute_force(polygon, x, y)
        assert 100 < expected.size < x.size
        np.testing.assert_array_equal(index.inside(polygon), expected)
    assert index.inside(QgsGeometry.fromRect(QgsRectangle(2000, 2000, 2100, 2100))).size == 0


def star_ring(rng, cx, cy, radius, n):
    """WKT coordinates of a star-shaped ring (never self-crossing) of n vertices."""
    angle = (np.arange(n) + rng.uniform(0, 0.8, n)) * 2 * np.pi / n
    r = radius * rng.uniform(0.7, 1.0, n)
    xy = [(cx + ri * np.cos(a), cy + ri * np.sin(a)) for ri, a in zip(r, angle)]
    # Python floats: numpy 2 (QGIS 3.40's) writes repr(np.float64) as "np.float64(...)", not WKT.
    return "(" + ", ".join(f"{float(px)!r} {float(py)!r}" for px, py in xy + xy[:1]) + ")"


def random_polygons(rng):
    """Polygons with holes, multipolygons (one part in another's hole), a curved polygon and a
    buffered ring less a union, as evaluatepatrols makes them."""
    shapes = []
    for _ in range(4):
        cx, cy = rng.uniform(300, 700, 2)
        holes = [star_ring(rng, cx + dx, cy, 40, 9) for dx in (-80, 80)]
        shapes.append(f"POLYGON({star_ring(rng, cx, cy, 300, 30)}, {', '.join(holes)})")
    cx, cy = rng.uniform(300, 700, 2)
    shapes.append(f"MULTIPOLYGON(({star_ring(rng, cx, cy, 300, 25)}, {star_ring(rng, cx, cy, 140, 12)}),"
                  f"({star_ring(rng, cx, cy, 60, 10)}), ({star_ring(rng, cx + 600, cy, 100, 8)}))")
    shapes.append("CURVEPOLYGON(CIRCULARSTRING(200 500, 500 800, 800 500, 500 200, 200 500),"
                  "(400 400, 600 400, 600 600, 400 600, 400 400))")
    shapes.append("POLYGON Z((100 100 5, 900 150 5, 500 900 7, 100 100 5))")
    geometries = [QgsGeometry.fromWkt(wkt) for wkt in shapes]
    cells = [QgsGeometry.fromRect(QgsRectangle(x0, 450, x0 + 150, 600)) for x0 in (300.0, 450.0)]
    union = QgsGeometry.unaryUnion(cells)
    geometries += [cells[0].buffer(150, 8).difference(union)]
    assert [g.isGeosValid() for g in geometries] == [True] * len(geometries)
    return geometries


def test_ring_tests_match_geos_contains_on_random_polygons():
    rng = np.random.default_rng(11)
    # Rounded to 1e-3 m while the polygons' vertices are not: no point falls on an edge.
    x, y = np.round(rng.uniform(-50, 1500, (2, 4000)), 3)
    index = PointIndex(x, y)
    for geometry in random_polygons(rng):
        expected = [i for i, (px, py) in enumerate(zip(x, y))
                    if geometry.contains(QgsGeometry.fromPointXY(QgsPointXY(px, py)))]
        assert 100 < len(expected) < x.size - 100
        np.testing.assert_array_equal(index.inside(geometry), expected)


def test_points_on_edges_and_vertices_count_as_inside_as_geos_intersects():
    geometry = QgsGeometry.fromWkt("MULTIPOLYGON(((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 8 2, 5 8, 2 2)),"
                                   "((20 0, 30 5, 20 10, 20 0)))")
    # Vertices, points on edges of the outer ring, the hole and the triangle, the hole's inside, along
    # the lines of edges beyond their ends, and points whose ray passes through vertices.
    points = [(0, 0), (10, 5), (5, 10), (5, 2), (3.5, 5), (6.5, 5), (5, 8), (5, 5), (20, 5), (25, 2.5), (25, 7.5),
              (30, 5), (35, 7.5), (-1, 0), (12, 0), (1, 2), (1, 8), (15, 5), (31, 5), (5, 1), (2, 2)]
    x, y = np.array(points, dtype=float).T
    expected = [i for i, (px, py) in enumerate(points)
                if geometry.intersects(QgsGeometry.fromPointXY(QgsPointXY(px, py)))]
    assert 10 < len(expected) < len(points)
    np.testing.assert_array_equal(PointIndex(x, y).inside(geometry), expected)


def test_area_mask_and_geometries_that_are_not_polygons():
    rng = np.random.default_rng(12)
    x, y = np.round(rng.uniform(-50, 1500, (2, 2000)), 3)
    for geometry in random_polygons(rng)[:2]:
        np.testing.assert_array_equal(np.flatnonzero(points_inside((polygon_rings(geometry), geometry), x, y)),
                                      brute_force(geometry, x, y))
    # A collection with a line: GEOS answers it, points on the line included.
    mixed = QgsGeometry.fromWkt("GEOMETRYCOLLECTION(POLYGON((0 0, 100 0, 100 100, 0 0)), LINESTRING(200 0, 200 900))")
    assert polygon_rings(mixed) is None
    on_line = np.array([200.0, 200.0, 50.0, 50.0]), np.array([10.0, 500.0, 10.0, 90.0])
    assert points_inside((None, mixed), *on_line).tolist() == [True, True, True, False]
    assert PointIndex(*on_line).inside(mixed).tolist() == [0, 1, 2]
    assert not points_inside(None, x, y).any()


def test_banded_index_finds_every_point_of_boxes_anywhere():
    rng = np.random.default_rng(13)
    # Coordinates on a 10 m lattice, so many points sit exactly on the boxes' edges; non-finite points
    # are never found.
    x, y = np.round(rng.uniform(0, 5000, (2, 20000)), -1)
    x[:5], y[5:10] = np.nan, np.inf
    index = PointIndex(x, y)
    boxes = np.round(rng.uniform([-500, -500, 0, 0], [5000, 5000, 3000, 3000], (40, 4)), -1)
    for x0, y0, width, height in boxes:
        cell = QgsGeometry.fromRect(QgsRectangle(x0, y0, x0 + width + 10, y0 + height + 10))
        expected = np.flatnonzero((x >= x0) & (x < x0 + width + 10) & (y >= y0) & (y < y0 + height + 10))
        np.testing.assert_array_equal(index.inside(cell), expected)
    # A diamond with its vertices and edges on the lattice: the box's edges are closed for polygons.
    diamond = QgsGeometry.fromWkt("POLYGON((1000 2500, 2500 1000, 4000 2500, 2500 4000, 1000 2500))")
    finite = np.isfinite(x) & np.isfinite(y)
    expected = np.flatnonzero(finite)[brute_force(diamond, x[finite], y[finite])]
    on_edge = np.abs(x[expected] - 2500) + np.abs(y[expected] - 2500) == 1500
    assert on_edge.sum() > 10
    np.testing.assert_array_equal(index.inside(diamond), expected)
    # One row of points (no spread in y) and no points at all.
    flat = PointIndex(np.arange(10.0), np.full(10, 3.0))
    assert flat.inside(QgsGeometry.fromRect(QgsRectangle(2, 0, 5, 5))).tolist() == [2, 3, 4]
    assert PointIndex([], []).inside(QgsGeometry.fromRect(QgsRectangle(0, 0, 1, 1))).size == 0


@pytest.mark.parametrize("x_span, y_span", [(1e6, 1.0), (1.0, 1e6), (2000.0, 2000.0)])
def test_cells_of_any_shape_find_every_point_of_boxes(x_span, y_span):
    rng = np.random.default_rng(14)
    # A strip, a column and a square of points, one far outlier stretching each: the cells follow the
    # spans, and the points in a box are the same whatever the cells are.
    x = np.round(np.append(rng.uniform(0, x_span, 5000), 50 * x_span), 1)
    y = np.round(np.append(rng.uniform(0, y_span, 5000), -50 * y_span), 1)
    index = PointIndex(x, y)
    for x0, y0, width, height in rng.uniform(0, 1, (30, 4)) * [x_span, y_span, x_span / 3, y_span / 3]:
        box = QgsRectangle(x0, y0, x0 + width, y0 + height)
        triangle = QgsGeometry.fromWkt(f"POLYGON(({x0} {y0}, {x0 + width} {y0}, {x0} {y0 + height}, {x0} {y0}))")
        inside_box = (x >= x0) & (x < x0 + width) & (y >= y0) & (y < y0 + height)
        np.testing.assert_array_equal(index.inside(QgsGeometry.fromRect(box)), np.flatnonzero(inside_box))
        np.testing.assert_array_equal(index.inside(triangle), brute_force(triangle, x, y))
