"""Which points lie in a polygon, tested in numpy for all points at once.

A polygon is given as its rings, each an ``(n, 2)`` array of vertices: the
exterior ring, its holes, and for a multipolygon the rings of every part.  A
point is inside when a ray from it crosses the rings an odd number of times
(the even-odd rule), so holes and the parts of a multipolygon need no
bookkeeping; this is how GEOS locates a point in a prepared polygon, too.

A point on a ring (on an edge or a vertex) counts as inside, as for GEOS's
``intersects``.  Whether a point is left of, right of or on an edge is the sign
of a 2 x 2 determinant; where floating-point rounding could give that sign
wrongly (points on or within about 1e-15 relative of an edge) it is recomputed
exactly in rational arithmetic, so the answer is exact for every point.
"""

from fractions import Fraction

import numpy as np

# Relative error bound of the floating-point orientation determinant below: Shewchuk's
# ccwerrboundA = (3 + 16 eps) eps, eps = 2**-53, widened about threefold for safety.
_ORIENTATION_ERROR = 1e-15
# Point-edge pairs tested per numpy pass: bounds the memory (about 100 bytes per pair).
_PAIRS_PER_PASS = 1 << 20


def points_in_polygon(x, y, rings):
    """True for the points inside the polygon whose rings are ``rings``, or on one of them.

    Parameters
    ----------
    x, y : array_like of float
        Coordinates of the points, of one shape.
    rings : sequence of array_like, each of shape (n, 2)
        Every ring of the polygon: exterior rings and holes alike, of every part of a
        multipolygon.  A ring may be closed (last vertex equal to the first) or not.

    Returns
    -------
    numpy.ndarray of bool
        Of the shape of ``x``: inside by the even-odd rule, or on a ring.  Non-finite
        points are outside.

    Notes
    -----
    Points outside the rings' bounding box are dropped first.  The others are sorted by y,
    so each edge meets only the points whose y lies within its own y-range (a binary
    search), and the work is the number of point-edge pairs that share a horizontal line.
    An edge from ``a`` to ``b`` is crossed by the ray to +x from ``p`` when exactly one of
    its ends is above ``p`` (``a.y <= p.y < b.y`` or the reverse) and ``p`` is on the side
    of it the ray leaves by: always when the edge lies wholly right of ``p``, never when
    wholly left, and otherwise as :func:`_orientation` decides the side, exactly.

    References
    ----------
    Shimrat, M. (1962). Algorithm 112: Position of point relative to polygon.
    Communications of the ACM, 5(8), 434.

    Shewchuk, J. R. (1997). Adaptive precision floating-point arithmetic and fast robust
    geometric predicates. Discrete & Computational Geometry, 18(3), 305-363.

    Examples
    --------
    >>> square = [[0, 0], [4, 0], [4, 4], [0, 4]]
    >>> hole = [[1, 1], [3, 1], [3, 3], [1, 3]]
    >>> points_in_polygon([0.5, 2.0, 4.0, 5.0], [0.5, 2.0, 2.0, 2.0], [square, hole]).tolist()
    [True, False, True, False]
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    inside = np.zeros(x.shape, dtype=bool)
    edges = _edges(rings)
    if edges.shape[0] == 0:
        return inside
    flat_x, flat_y = x.ravel(), y.ravel()
    in_box = ((flat_x >= edges[:, [0, 2]].min()) & (flat_x <= edges[:, [0, 2]].max())
              & (flat_y >= edges[:, [1, 3]].min()) & (flat_y <= edges[:, [1, 3]].max()))
    candidates = np.flatnonzero(in_box)
    candidates = candidates[np.argsort(flat_y[candidates], kind="stable")]
    inside.ravel()[candidates] = _sorted_points_inside(flat_x[candidates], flat_y[candidates], edges)
    return inside


def _edges(rings):
    """Every edge of ``rings`` as rows ``(ax, ay, bx, by)``, each ring closed."""
    parts = []
    for ring in rings:
        vertices = np.asarray(ring, dtype=float).reshape(-1, 2)
        if vertices.shape[0] == 0:
            continue
        if not np.array_equal(vertices[0], vertices[-1]):
            vertices = np.vstack([vertices, vertices[:1]])
        parts.append(np.hstack([vertices[:-1], vertices[1:]]))
    return np.vstack(parts) if parts else np.empty((0, 4))


def _sorted_points_inside(px, py, edges):
    """Inside-or-on for points sorted by ``py``, a pass over the point-edge pairs sharing a y."""
    low = np.minimum(edges[:, 1], edges[:, 3])
    high = np.maximum(edges[:, 1], edges[:, 3])
    first = np.searchsorted(py, low, side="left")
    count = np.searchsorted(py, high, side="right") - first
    crossings = np.zeros(px.size, dtype=np.int64)
    on_ring = np.zeros(px.size, dtype=bool)
    used = np.flatnonzero(count > 0)
    pass_of_edge = np.cumsum(count[used]) // _PAIRS_PER_PASS
    for batch in np.split(used, np.flatnonzero(np.diff(pass_of_edge)) + 1):
        if batch.size == 0:
            continue
        edge = np.repeat(batch, count[batch])
        start = np.cumsum(count[batch]) - count[batch]
        point = np.arange(edge.size) + np.repeat(first[batch] - start, count[batch])
        ax, ay, bx, by = edges[edge].T
        qx, qy = px[point], py[point]
        upward = (ay <= qy) & (qy < by)
        straddles = upward | ((by <= qy) & (qy < ay))
        # The ray to +x crosses a straddled edge wholly right of the point, never one wholly left of it
        # (nor is the point on either): exact comparisons decide those, the orientation the rest.
        left_of = qx < np.minimum(ax, bx)
        crossings += np.bincount(point[left_of & straddles], minlength=px.size)
        between = np.flatnonzero(~left_of & (qx <= np.maximum(ax, bx)))
        side = _orientation(ax[between], ay[between], bx[between], by[between], qx[between], qy[between])
        crossed = straddles[between] & (side == np.where(upward[between], 1, -1))
        crossings += np.bincount(point[between[crossed]], minlength=px.size)
        # The pair shares a y with the edge already; collinear and within its x-range is on it.
        on_ring[point[between[side == 0]]] = True
    return on_ring | (crossings % 2 == 1)


def _orientation(ax, ay, bx, by, px, py):
    """Sign of the orientation of ``(a, b, p)``: 1 when p is left of the line a->b, -1 right, 0 on it.

    Computed in floating point, and exactly (in fractions) for the pairs whose floating-point
    determinant is within its error bound of zero.
    """
    left = (ax - px) * (by - py)
    right = (ay - py) * (bx - px)
    determinant = left - right
    side = np.sign(determinant).astype(np.int8)
    unsure = np.flatnonzero(np.abs(determinant) <= _ORIENTATION_ERROR * (np.abs(left) + np.abs(right)))
    for i in unsure.tolist():
        a_x, a_y, b_x, b_y, p_x, p_y = (Fraction(float(v[i])) for v in (ax, ay, bx, by, px, py))
        exact = (a_x - p_x) * (b_y - p_y) - (a_y - p_y) * (b_x - p_x)
        side[i] = (exact > 0) - (exact < 0)
    return side
