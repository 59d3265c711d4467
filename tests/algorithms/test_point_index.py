"""PointIndex: the points inside each polygon, against a brute-force test of every point."""

import numpy as np
from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle

from hotspot_patrol.algorithms.reader import PointIndex


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
