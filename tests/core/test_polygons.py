"""points_in_polygon: hand-worked cases and an exact point-by-point reference."""

from fractions import Fraction

import numpy as np

from hotspot_patrol.core import polygons
from hotspot_patrol.core.polygons import points_in_polygon

SQUARE = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]
HOLE = [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]


def exact_inside(px, py, rings):
    """One point against every edge in rational arithmetic: on an edge, or an odd number of crossings."""
    p = (Fraction(px), Fraction(py))
    crossings = 0
    for ring in rings:
        ring = [(Fraction(float(vx)), Fraction(float(vy))) for vx, vy in ring]
        if ring[0] != ring[-1]:
            ring.append(ring[0])
        for a, b in zip(ring[:-1], ring[1:]):
            cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
            if cross == 0 and min(a[0], b[0]) <= p[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= p[1] <= max(a[1], b[1]):
                return True
            if (a[1] > p[1]) != (b[1] > p[1]):
                x_at = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
                crossings += p[0] < x_at
    return crossings % 2 == 1


def random_ring(rng, centre, radius, n):
    """A star-shaped ring (never self-crossing) of n vertices around centre."""
    angle = np.sort(rng.uniform(0, 2 * np.pi, n))
    r = radius * rng.uniform(0.4, 1.0, n)
    ring = np.column_stack([centre[0] + r * np.cos(angle), centre[1] + r * np.sin(angle)])
    return np.vstack([ring, ring[:1]])


def test_hand_worked_square_with_hole():
    # Inside, in the hole, on the outer edge, on the hole's edge, on a vertex, outside, and outside
    # on the line of an edge beyond its end.
    x = [0.5, 2.0, 4.0, 2.0, 1.0, 5.0, 5.0, -1.0]
    y = [0.5, 2.0, 2.0, 1.0, 3.0, 2.0, 0.0, 4.0]
    expected = [True, False, True, True, True, False, False, False]
    assert points_in_polygon(x, y, [SQUARE, HOLE]).tolist() == expected


def test_ray_through_vertices_and_along_horizontal_edges():
    # A ring with a spike whose tip (2, 3) and horizontal ledge y = 1 sit on the rays of the points.
    ring = [[0, 0], [4, 0], [4, 1], [3, 1], [2, 3], [1, 1], [0, 1]]
    x = [0.5, 3.5, 2.0, 1.5, 0.5, 2.0, -1.0, 5.0, 2.0]
    y = [1.0, 1.0, 3.0, 1.0, 0.5, 2.0, 1.0, 1.0, 3.5]
    # (1.5, 1) lies under the spike, inside; (-1, 1) and (5, 1) are on the ledge's line, outside.
    expected = [True, True, True, True, True, True, False, False, False]
    assert points_in_polygon(x, y, [ring]).tolist() == expected
    assert points_in_polygon(x, y, [ring[::-1]]).tolist() == expected


def test_multipolygon_parts_and_open_rings():
    far_square = [[10, 10], [12, 10], [12, 12], [10, 12]]  # open: the closing edge is implied
    x = np.array([2.0, 11.0, 7.0, 12.0, 2.0])
    y = np.array([0.5, 11.0, 7.0, 11.0, 2.0])
    assert points_in_polygon(x, y, [SQUARE, HOLE, far_square]).tolist() == [True, True, False, True, False]


def test_shape_empty_rings_and_non_finite_points():
    x = np.array([[2.0, np.nan], [0.5, np.inf]])
    y = np.array([[0.5, 2.0], [3.5, 2.0]])
    inside = points_in_polygon(x, y, [SQUARE])
    assert inside.shape == (2, 2)
    assert inside.tolist() == [[True, False], [True, False]]
    assert not points_in_polygon(x, y, []).any()
    assert points_in_polygon([], [], [SQUARE]).shape == (0,)


def test_random_polygons_with_holes_match_exact_reference():
    rng = np.random.default_rng(3)
    outer = random_ring(rng, (500.0, 500.0), 400.0, 40)
    hole = random_ring(rng, (500.0, 500.0), 100.0, 12)  # within 40 % of the outer radius: inside it
    other = random_ring(rng, (1500.0, 400.0), 300.0, 25)
    rings = [outer, hole, other]
    x = rng.uniform(-100, 2000, 3000)
    y = rng.uniform(-100, 1000, 3000)
    # On the rings too: every vertex, and points a hair either side of the edges' midpoints.
    vertices = np.vstack(rings)
    mid = np.vstack([(r[:-1] + r[1:]) / 2 for r in rings])
    x = np.concatenate([x, vertices[:, 0], mid[:, 0], np.nextafter(mid[:, 0], np.inf),
                        np.nextafter(mid[:, 0], -np.inf)])
    y = np.concatenate([y, vertices[:, 1], mid[:, 1], mid[:, 1], mid[:, 1]])
    expected = np.array([exact_inside(px, py, rings) for px, py in zip(x, y)])
    assert 500 < expected.sum() < x.size - 500
    np.testing.assert_array_equal(points_in_polygon(x, y, rings), expected)


def test_passes_split_without_changing_answers(monkeypatch):
    rng = np.random.default_rng(5)
    rings = [random_ring(rng, (0.0, 0.0), 10.0, 30)]
    x, y = rng.uniform(-11, 11, (2, 2000))
    whole = points_in_polygon(x, y, rings)
    monkeypatch.setattr(polygons, "_PAIRS_PER_PASS", 7)
    np.testing.assert_array_equal(points_in_polygon(x, y, rings), whole)
    np.testing.assert_array_equal(whole, [exact_inside(px, py, rings) for px, py in zip(x, y)])


def test_points_a_few_ulps_from_an_edge_decided_exactly(monkeypatch):
    # Kettner et al. (2008): near (0.5, 0.5), the floating-point side of the line y = x through (-12, -12)
    # and (24, 24) is wrong for about a quarter of the points on a grid of ulps.
    ring = [[-12.0, -12.0], [24.0, 24.0], [-12.0, 24.0]]
    step = np.arange(64) * 2.0 ** -53
    x, y = (0.5 + g.ravel() for g in np.meshgrid(step, step))
    expected = np.array([exact_inside(px, py, [ring]) for px, py in zip(x, y)])
    assert 0 < expected.sum() < x.size
    np.testing.assert_array_equal(points_in_polygon(x, y, [ring]), expected)
    # The test bites: without the exact recomputation the answers differ.
    monkeypatch.setattr(polygons, "_ORIENTATION_ERROR", -1.0)
    assert (points_in_polygon(x, y, [ring]) != expected).sum() > 100


def test_points_beside_edges_on_a_lattice_match_the_exact_reference():
    # Vertices on a lattice and every lattice point around them: points level with vertices, in line
    # with vertical and horizontal edges, left of, right of and between the ends of the edges they
    # straddle, where the comparisons with the ends (not the orientation) decide.
    rng = np.random.default_rng(6)
    rings = [random_ring(rng, (0.0, 0.0), 8.0, 12).round(), [[-2, -2], [2, -2], [2, 2], [-2, 2]],
             [[5, -9], [9, -9], [9, -5], [7, -7]]]
    x, y = (g.ravel().astype(float) for g in np.meshgrid(np.arange(-10, 11) * 0.5, np.arange(-20, 21) * 0.5))
    expected = np.array([exact_inside(px, py, rings) for px, py in zip(x, y)])
    assert 50 < expected.sum() < x.size - 50
    np.testing.assert_array_equal(points_in_polygon(x, y, rings), expected)
