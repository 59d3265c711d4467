"""Kernel density estimation on the raster grid of QGIS's Heatmap algorithm.

The density at a pixel centre is ``sum_i w_i * K(d_i, r_i)``: every point
adds its weight times the kernel value at its distance from the pixel centre,
as in QGIS's Heatmap (Kernel Density Estimation) [1]_.  The raster has the
Heatmap's size, origin and pixel size, so the two line up pixel for pixel.

Evaluating the sum point by point costs points x pixels-per-kernel, which is
what makes QGIS's Heatmap slow on a million crimes.  :func:`kernel_density`
therefore splits the work:

* Points at the same coordinates are merged into one *location* whose weight
  is their summed weight (police open data snaps many crimes onto one
  anonymised point).
* Most locations are *binned*: their weights are spread over the surrounding
  pixel-centre lattice nodes and the lattice is convolved, by FFT, with the
  kernel sampled on that lattice [2]_ [3]_.  The cost is that of one
  convolution of the raster, whatever the number of points.
* Locations heavy enough for their binning error to matter (with the other
  locations at the same pixel), and all locations when the kernel is too
  rough to bin (hard edges, a radius of a few pixels), are evaluated
  *exactly*, pixel by pixel, as QGIS does.

The binning spreads a location over the 4 x 4 nearest lattice nodes with
cubic Lagrange weights rather than over the 2 x 2 nodes of linear binning:
the binned value is then the kernel interpolated by a bicubic polynomial
rather than a bilinear one.  Linear binning smooths every point by a variance
of ``t(1 - t)`` squared pixels (``t`` its sub-pixel offset), which flattens
the peak of a cluster smaller than the radius by about ``(2/3)(pixel/r)**2``
of its height (0.3 % at 15 pixels per radius), an error that adds up over
the points instead of cancelling (0.13 % on clusters of sigma = 10
pixels).  The cubic weights reproduce each point's moments of order 0 to 3
[5]_, so that bias is gone and the error is confined to where the kernel is
not smooth: its rim, and the tip of the triangular kernel.

References
----------
.. [1] QGIS, ``src/analysis/raster/qgskde.cpp`` (Heatmap, Kernel Density
   Estimation), QGIS 3.22.
.. [2] Silverman, B. W. (1982). Algorithm AS 176: Kernel density estimation
   using the fast Fourier transform. *Applied Statistics* 31(1), 93-99.
.. [3] Wand, M. P. (1994). Fast computation of multivariate kernel
   estimators. *Journal of Computational and Graphical Statistics* 3(4),
   433-445.
.. [4] Wand, M. P. and Jones, M. C. (1995). *Kernel Smoothing*. Chapman &
   Hall, p. 175 (the kernels).
.. [5] Hockney, R. W. and Eastwood, J. W. (1988). *Computer Simulation Using
   Particles*, ch. 5 (assigning point masses to a mesh).
"""

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .errors import InputError
from .grid import check_size_for_coordinates
from .lazy_scipy import fft, ndimage, spatial
from .progress import report

KERNELS = ("quartic", "triangular", "uniform", "triweight", "epanechnikov", "gaussian")
METHODS = ("auto", "exact", "binned")
MAX_PIXELS = 100_000_000

# The Gaussian kernel is cut off at three standard deviations: sigma = r / 3.
_GAUSSIAN_SIGMAS_PER_RADIUS = 3.0

# Worst-case binning error of one location, relative to the kernel's peak,
# above which no location is binned (a hard edge, or a radius of few pixels).
_MAX_BINNING_ERROR = 0.05
# A location is evaluated exactly when its worst-case binning error would
# exceed this fraction of the raster's maximum.
_HEAVY_FRACTION = 1e-4
# Sub-pixel offsets at which the binning error is measured, per axis.
_ERROR_OFFSETS = np.arange(8) / 8.0
# Larger radii are measured at this many pixels: the error falls as the
# radius grows, so this overestimates it a little but bounds the work.
_ERROR_RADIUS_CAP = 64.0
# All locations are evaluated exactly when that touches fewer pixels than this
# many times the raster's size: then it is both exact and cheaper than FFTs.
_EXACT_IF_CHEAPER = 4.0
# Temporaries of one chunk of exact evaluation, in bytes, and what one pixel
# of a location's block costs.  8 MB measured fastest: three times faster
# than 200 MB (the chunk stays in cache), and unlike 16 MB or more it did not
# make the first call in a process twice as slow (fresh memory from the OS).
_EXACT_CHUNK_BYTES = 8 * 2**20
_BYTES_PER_BLOCK_PIXEL = 96
# Temporaries of one chunk of binning, and what one location costs there.  The
# locations are binned top to bottom, so a chunk only touches a band of rows;
# 16 MB instead of 200 MB took 140 MB off the peak for a million points, and no time.
_BIN_CHUNK_BYTES = 16 * 2**20
_BYTES_PER_BINNED_LOCATION = 16 * 48
# Rows of a convolution strip are chosen to keep a strip near this many pixels:
# it bounds the FFT buffers and measured faster than one whole-raster FFT.  2**20
# cut 12 MB off the peak of a 2031 x 2031 raster against 2**21, at about 5 % of its time.
_STRIP_PIXELS = 2**20
# Values this small relative to the raster's largest are round-off of the
# single-precision FFTs (about 1e-7 of the largest).
_ROUND_OFF = 1e-6


@dataclass(frozen=True)
class RasterGrid:
    """A north-up raster grid of square pixels.

    Attributes
    ----------
    x_min : float
        Left edge of the raster.
    y_max : float
        Top edge of the raster.
    pixel_size : float
        Side of a pixel, in map units.
    n_cols, n_rows : int
        Raster size; row 0 is the top row.
    """

    x_min: float
    y_max: float
    pixel_size: float
    n_cols: int
    n_rows: int

    def __post_init__(self):
        if not (math.isfinite(self.x_min) and math.isfinite(self.y_max)):
            raise InputError(f"The raster origin must be finite, not ({self.x_min}, {self.y_max}).")
        if not (math.isfinite(self.pixel_size) and self.pixel_size > 0):
            raise InputError(f"The pixel size must be a positive number, not {self.pixel_size}.")
        if self.n_cols < 1 or self.n_rows < 1:
            raise InputError(f"The raster needs at least one row and one column, not "
                             f"{self.n_rows} x {self.n_cols}.")

    @property
    def shape(self):
        """``(n_rows, n_cols)``, the shape of the raster's arrays."""
        return (self.n_rows, self.n_cols)

    def column_centres(self):
        """x of the centre of each column's pixels, left to right."""
        return self.x_min + (np.arange(self.n_cols) + 0.5) * self.pixel_size

    def row_centres(self):
        """y of the centre of each row's pixels, top (row 0) to bottom."""
        return self.y_max - (np.arange(self.n_rows) + 0.5) * self.pixel_size

    def geotransform(self):
        """GDAL geotransform ``(x_min, pixel_size, 0, y_max, 0, -pixel_size)``."""
        return (self.x_min, self.pixel_size, 0.0, self.y_max, 0.0, -self.pixel_size)


def heatmap_grid(x_min, y_min, x_max, y_max, radius, pixel_size):
    """The raster grid QGIS's Heatmap makes for points with this bounding box.

    QGIS grows the points' bounding box by the radius (the largest radius when
    radii vary per point) on every side and makes ``ceil(width / pixel_size)
    + 1`` columns and ``ceil(height / pixel_size) + 1`` rows whose top-left
    corner is the grown box's top-left corner [1]_.  The raster therefore
    reaches up to two pixels beyond the grown box on the right and bottom.

    Parameters
    ----------
    x_min, y_min, x_max, y_max : float
        Bounding box of the points.
    radius : float
        Kernel radius (the largest one if radii vary), in map units.
    pixel_size : float
        Pixel side, in map units.

    Returns
    -------
    RasterGrid

    Raises
    ------
    InputError
        If the radius or pixel size is not positive, the pixel size is too
        small for the coordinates' float64 precision
        (:func:`core.grid.check_size_for_coordinates`), the box is not a box,
        or the raster would have more than :data:`MAX_PIXELS` pixels.

    References
    ----------
    .. [1] QGIS 3.22, ``QgsKernelDensityEstimation::prepare`` and
       ``calculateBounds`` in ``src/analysis/raster/qgskde.cpp``.
    """
    bounds = (x_min, y_min, x_max, y_max)
    if not all(math.isfinite(v) for v in bounds) or x_max < x_min or y_max < y_min:
        raise InputError(f"The points' bounding box {bounds} is not a finite box with "
                         "x_min <= x_max and y_min <= y_max.")
    _check_radius(radius)
    if not (math.isfinite(pixel_size) and pixel_size > 0):
        raise InputError(f"The pixel size must be a positive number of map units, "
                         f"not {pixel_size}.")
    # Pixels finer than float64 can place at these coordinates would have no size at all.
    check_size_for_coordinates(pixel_size, max(abs(v) for v in bounds) + radius, "pixel_size",
                               "10 m suits 150 m hotspots", floor=0.0)
    width = (x_max - x_min) + 2.0 * radius
    height = (y_max - y_min) + 2.0 * radius
    n_cols, n_rows = _heatmap_size(width, height, pixel_size)
    if n_cols * n_rows > MAX_PIXELS:
        fitting = _smallest_fitting_pixel_size(width, height)
        raise InputError(
            f"The density raster would need {n_cols * n_rows:,} pixels ({n_cols:,} x {n_rows:,}); "
            f"the limit is about {MAX_PIXELS / 1e6:g} million. Use pixels of at least {fitting:g} map units, or "
            "a smaller area.", setting="pixel_size")
    return RasterGrid(x_min - radius, y_max + radius, float(pixel_size), n_cols, n_rows)


def _heatmap_size(width, height, pixel_size):
    """Columns and rows of QGIS's Heatmap for a grown box of this size."""
    return (int(math.ceil(width / pixel_size)) + 1, int(math.ceil(height / pixel_size)) + 1)


def heatmap_pixel_count(x_min, y_min, x_max, y_max, radius, pixel_size):
    """How many pixels :func:`heatmap_grid` would make for this box, without checking or making them."""
    n_cols, n_rows = _heatmap_size((x_max - x_min) + 2.0 * radius, (y_max - y_min) + 2.0 * radius, pixel_size)
    return float(n_cols) * float(n_rows)


def _smallest_fitting_pixel_size(width, height):
    """A round pixel size, close to the smallest, whose raster fits MAX_PIXELS."""
    # (w/p + 2)(h/p + 2) <= MAX_PIXELS bounds the Heatmap's size from above;
    # solve it for p, then round up to two significant digits.
    a = MAX_PIXELS - 4.0
    b = 2.0 * (width + height)
    size = (b + math.sqrt(b * b + 4.0 * a * width * height)) / (2.0 * a)
    step = 10.0 ** (math.floor(math.log10(size)) - 1)
    return float(f"{math.ceil(size / step) * step:.12g}")


# --------------------------------------------------------------------------
# Kernels


def _check_radius(radius):
    if not (np.isfinite(radius) and radius > 0):
        raise InputError(f"The radius must be a positive number of map units, not {radius}.")


def _check_kernel(kernel, scaled, decay):
    if kernel not in KERNELS:
        raise InputError(f"Unknown kernel {kernel!r}: use one of {', '.join(KERNELS)}.")
    if not math.isfinite(decay):
        raise InputError(f"The decay ratio must be a finite number, not {decay}.")
    if scaled and kernel == "triangular" and decay <= -0.5:
        raise InputError(
            f"A scaled triangular kernel with decay ratio {decay} has no positive integral, "
            "so it cannot be normalised to a density: use a decay ratio above -0.5, or raw values.")


def _raw_kernel(u2, kernel, decay):
    """Unscaled kernel at squared relative distances ``u2 = (d / r)**2 <= 1``."""
    if kernel == "quartic":
        return (1.0 - u2) ** 2
    if kernel == "triangular":
        return 1.0 - (1.0 - decay) * np.sqrt(u2)
    if kernel == "uniform":
        return np.ones_like(u2)
    if kernel == "triweight":
        return (1.0 - u2) ** 3
    if kernel == "epanechnikov":
        return 1.0 - u2
    sigmas = _GAUSSIAN_SIGMAS_PER_RADIUS
    return np.exp(-0.5 * sigmas * sigmas * u2)


def _raw_peak(kernel, decay):
    """Largest magnitude of the unscaled kernel (all are monotone in d)."""
    ends = _raw_kernel(np.array([0.0, 1.0]), kernel, decay)
    return float(np.abs(ends).max())


def _integral_over_unit_disc(kernel, decay):
    """Integral of the unscaled kernel over the disc of radius 1."""
    if kernel == "gaussian":
        # 2 pi sigma^2 (1 - exp(-r^2 / (2 sigma^2))) with r = 1, sigma = 1/3.
        sigmas = _GAUSSIAN_SIGMAS_PER_RADIUS
        return 2.0 * math.pi / sigmas**2 * -math.expm1(-0.5 * sigmas**2)
    disc_share = {"quartic": 1.0 / 3.0, "triangular": (1.0 + 2.0 * decay) / 3.0, "uniform": 1.0,
                  "triweight": 1.0 / 4.0, "epanechnikov": 1.0 / 2.0}[kernel]
    return math.pi * disc_share


def kernel_value(distance, radius, kernel="quartic", scaled=False, decay=0.0):
    """Kernel value at a distance from a point, as in QGIS's Heatmap.

    With ``u = distance / radius`` the unscaled ("raw") kernels are

    ============  ===============================================
    quartic       ``(1 - u**2)**2``
    triangular    ``1 - (1 - decay) * u``
    uniform       ``1``
    triweight     ``(1 - u**2)**3``
    epanechnikov  ``1 - u**2``
    gaussian      ``exp(-distance**2 / (2 sigma**2))``, ``sigma = radius / 3``
    ============  ===============================================

    and all are 0 beyond the radius.  The Gaussian, which QGIS's Heatmap
    does not offer, is thus cut off at three standard deviations, where it
    has fallen to ``exp(-4.5) = 1.1 %`` of its peak.  The decay ratio only affects the triangular kernel, as in QGIS:
    0 is the plain cone, 1 the uniform kernel, and a negative ratio makes the
    kernel negative towards the rim ("cool spots").

    Scaled values are the raw ones times the constant that makes the kernel
    integrate to exactly 1 over its disc, so that a raster of them is a
    density per square map unit: quartic ``3/(pi r^2)``, triangular
    ``3/((1 + 2 decay) pi r^2)``, uniform ``1/(pi r^2)``, triweight
    ``4/(pi r^2)``, epanechnikov ``2/(pi r^2)`` and gaussian
    ``1/(2 pi sigma^2 (1 - exp(-r^2/(2 sigma^2))))``.  These are the
    constants of Wand and Jones [1]_ for the two-dimensional kernels.  QGIS
    3.22 scales the quartic kernel by ``116/(5 pi r^2) * 15/16``, which is
    7.25 times too large, and leaves the triangular kernel unscaled for
    negative decay ratios; here every scaled kernel integrates to 1.

    Parameters
    ----------
    distance : array_like
        Distances from the point, >= 0, in map units.
    radius : float or array_like
        Kernel radius (bandwidth), > 0, broadcastable against ``distance``.
    kernel : str
        One of :data:`KERNELS`.
    scaled : bool
        Return the normalised density instead of the raw value.
    decay : float
        Decay ratio of the triangular kernel; ignored by the others.

    Returns
    -------
    ndarray of float64

    Raises
    ------
    InputError
        For an unknown kernel, a non-positive radius, a negative or
        non-finite distance, or a scaled triangular kernel with
        ``decay <= -0.5``, whose integral is not positive.

    References
    ----------
    .. [1] Wand, M. P. and Jones, M. C. (1995). *Kernel Smoothing*. Chapman &
       Hall, p. 175.
    """
    _check_kernel(kernel, scaled, decay)
    distance = np.asarray(distance, dtype=np.float64)
    radius = np.asarray(radius, dtype=np.float64)
    if not (np.all(np.isfinite(radius)) and np.all(radius > 0)):
        raise InputError("The radius must be a positive number of map units.")
    if not (np.all(np.isfinite(distance)) and np.all(distance >= 0)):
        raise InputError("Distances must be finite and not negative.")
    u2 = (distance / radius) ** 2
    inside = u2 <= 1.0
    values = np.where(inside, _raw_kernel(u2, kernel, decay), 0.0)
    if scaled:
        values = values / (_integral_over_unit_disc(kernel, decay) * radius**2)
    return values


# --------------------------------------------------------------------------
# Kernel density


def kernel_density(x, y, grid, radius, weights=None, kernel="quartic", scaled=False,
                   decay=0.0, radii=None, method="auto", progress=None):
    """Kernel density of weighted points at the pixel centres of a grid.

    The value of pixel ``(row j, column i)`` is ``sum_p w_p * K(d_p, r_p)``
    where ``d_p`` is the distance from point ``p`` to the pixel centre
    ``(x_min + (i + 0.5) s, y_max - (j + 0.5) s)`` and ``K`` is
    :func:`kernel_value`.

    With ``method="auto"`` the sum is exact for the locations (distinct
    coordinates, their points' weights summed) that matter and binned for the
    rest:

    1. The binning error of one location, relative to the kernel's peak, is
       measured for this kernel, radius in pixels and decay as the largest
       difference between the binned and the exact kernel over 8 x 8
       sub-pixel offsets: ``eps`` (e.g. 0.0013 for the quartic kernel at 15
       pixels per radius, 0.010 for the Gaussian, whose 1.1 % step at the rim
       dominates).
    2. If ``eps > 0.05`` (the uniform kernel, triangular kernels with a
       large decay, radii of a few pixels) every location is exact.  So
       is every location when radii vary per point, and when the exact sum
       touches fewer than 4 pixels per raster pixel (few points on a large
       raster), where it is also the cheaper one.
    3. Otherwise a binned pass over all locations gives the raster's largest
       magnitude ``M``.  The locations whose nearest pixel holds locations of
       total ``|weight|`` ``W`` with ``W * eps * peak > 1e-4 * M`` are then
       evaluated exactly, and the rest binned again.  Pooling the weights by
       pixel keeps a crowd of light locations, whose errors would add up,
       from slipping through.

    Against the exact sum this stays within 0.1 % of the raster's maximum,
    with and without weights, for every kernel in the package's tests, and
    was at most 0.054 % on clustered data sets of 10^5 and 10^6 points.

    Parameters
    ----------
    x, y : array_like
        Point coordinates, 1-D, finite, in map units.
    grid : RasterGrid
        Raster to fill, usually from :func:`heatmap_grid`.
    radius : float
        Kernel radius in map units, > 0; used for every point unless
        ``radii`` is given.
    weights : array_like, optional
        Weight per point (default 1); may be negative, as in QGIS.
    kernel : str
        One of :data:`KERNELS`.
    scaled : bool
        Normalised kernels (a density per square map unit) instead of raw.
    decay : float
        Decay ratio of the triangular kernel.
    radii : array_like, optional
        Radius per point, > 0, in map units; these points are all evaluated
        exactly.
    method : {"auto", "exact", "binned"}
        ``"exact"`` and ``"binned"`` force one path for every location (for
        tests and benchmarks); ``"binned"`` needs a single radius.
    progress : callable, optional
        ``progress(fraction) -> bool``, see :mod:`.progress`.

    Returns
    -------
    values : ndarray of float64, shape ``grid.shape``
        Density per pixel, row 0 at the top; 0 where not covered.
    covered : ndarray of bool, shape ``grid.shape``
        True where at least one point's kernel reaches the pixel centre
        (distance <= that point's radius); the caller writes NoData elsewhere.
        It is exact for binned locations too, up to rounding when a distance
        equals the radius.

    Raises
    ------
    InputError
        For inputs of different lengths, non-finite coordinates, weights or
        radii, a non-positive radius, an unknown kernel or method, or a
        scaled triangular kernel with ``decay <= -0.5``.
    Cancelled
        When ``progress`` asks to stop.
    """
    x, y, weights, radii = _check_points(x, y, weights, radii)
    _check_radius(radius)
    _check_kernel(kernel, scaled, decay)
    if not isinstance(grid, RasterGrid):
        raise InputError("grid must be a RasterGrid, e.g. from heatmap_grid(...).")
    if method not in METHODS:
        raise InputError(f"Unknown method {method!r}: use one of {', '.join(METHODS)}.")
    if method == "binned" and radii is not None:
        raise InputError("Binning needs one radius for all points: use method='auto' or "
                         "'exact' with per-point radii.")
    report(progress, 0.0)

    plan = _plan(x, y, weights, radii, grid, radius, kernel, scaled, decay, method,
                 _subrange(progress, 0.0, 0.4))
    if plan.binned_values is None:
        values = np.zeros(grid.shape)
        covered = np.zeros(grid.shape, dtype=bool)
    else:
        values = plan.binned_values
        covered = _binned_coverage(plan.binned.x, plan.binned.y, grid, radius,
                                   _subrange(progress, 0.4, 0.5))
    if plan.exact.size:
        _add_exact(values, covered, plan.exact, grid, kernel, decay, scaled,
                   _subrange(progress, 0.5, 1.0))

    kernel_is_nonnegative = _raw_kernel(1.0, kernel, decay) >= 0
    _clean(values, covered, nonnegative=kernel_is_nonnegative and np.all(weights >= 0))
    report(progress, 1.0)
    return values, covered


def _check_points(x, y, weights, radii):
    """Coordinates, weights and radii as equal-length finite float64 arrays."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.ndim != 1 or y.ndim != 1 or x.size != y.size:
        raise InputError(f"x and y must be 1-D arrays of the same length, not shapes "
                         f"{x.shape} and {y.shape}.")
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        raise InputError("Point coordinates must be finite: drop points with missing "
                         "or infinite coordinates first.")
    if weights is None:
        weights = np.ones_like(x)
    else:
        weights = np.asarray(weights, dtype=np.float64)
        if weights.shape != x.shape:
            raise InputError(f"There must be one weight per point: {weights.shape} "
                             f"weights for {x.size} points.")
        if not np.all(np.isfinite(weights)):
            raise InputError("Weights must be finite: replace missing weights (e.g. by 0 "
                             "or 1) or drop those points first.")
    if radii is not None:
        radii = np.asarray(radii, dtype=np.float64)
        if radii.shape != x.shape:
            raise InputError(f"There must be one radius per point: {radii.shape} radii "
                             f"for {x.size} points.")
        if not (np.all(np.isfinite(radii)) and np.all(radii > 0)):
            raise InputError("Radii must be finite and positive: drop points with a "
                             "missing or non-positive radius first.")
    return x, y, weights, radii


def _subrange(progress, start, stop):
    """A progress callback that maps 0..1 onto ``start..stop`` of ``progress``."""
    if progress is None:
        return None
    return lambda fraction: progress(start + (stop - start) * fraction)


@dataclass
class _Locations:
    """Distinct point locations with their summed weights and radii."""

    x: np.ndarray
    y: np.ndarray
    weights: np.ndarray
    radii: np.ndarray

    @property
    def size(self):
        return self.x.size

    def subset(self, mask):
        return _Locations(self.x[mask], self.y[mask], self.weights[mask], self.radii[mask])


@dataclass
class _Plan:
    """How kernel_density splits the locations, and the binned raster."""

    exact: _Locations
    binned: _Locations
    binned_values: np.ndarray  # or None when nothing is binned


def _plan(x, y, weights, radii, grid, radius, kernel, scaled, decay, method, progress):
    """Decide which points are binned and which are evaluated exactly; bin the former.

    Binning is linear in the weights, so binned points need no merging; only
    the points that go exact are merged into distinct locations first.
    """
    per_point_radii = radii is not None
    if radii is None:
        # A read-only view: a million copies of one radius would cost 8 MB for nothing.
        radii = np.broadcast_to(float(radius), x.shape)
    points = _reachable(_Locations(x, y, weights, radii), grid)
    report(progress, 0.1)
    nothing = points.subset(np.zeros(points.size, dtype=bool))
    radius_px = radius / grid.pixel_size
    if per_point_radii:
        eps = np.inf
    else:
        eps = _binning_error(kernel, min(radius_px, _ERROR_RADIUS_CAP), decay)
    if points.size == 0 or method == "exact" or (method == "auto" and (
            eps > _MAX_BINNING_ERROR or _exact_is_cheaper(points.size, radius_px, grid))):
        return _Plan(_merged(points), nothing, None)

    stamp = _lattice_stamp(kernel, radius_px, decay)
    if scaled:
        stamp /= _integral_over_unit_disc(kernel, decay) * radius**2
    binned_values = _binned_density(points, grid, stamp, _subrange(progress, 0.1, 0.6))
    if method == "binned":
        return _Plan(nothing, points, binned_values)

    largest = max(binned_values.max(), -binned_values.min())
    pooled = _pooled_abs_weight(points, grid)
    heavy = pooled * eps * np.abs(stamp).max() > _HEAVY_FRACTION * largest
    del pooled
    if not heavy.any():
        return _Plan(nothing, points, binned_values)
    # The first pass only gave the maximum: free its raster before binning again.
    del binned_values
    exact, binned = _merged(points.subset(heavy)), points.subset(~heavy)
    if binned.size == 0:
        return _Plan(exact, binned, None)
    return _Plan(exact, binned, _binned_density(binned, grid, stamp, _subrange(progress, 0.6, 1.0)))


def _merged(locations):
    return _merge_locations(locations.x, locations.y, locations.weights, locations.radii)


def _merge_locations(x, y, weights, radii):
    """Points at identical coordinates (and radius) as one location."""
    # Complex numbers sort by real then imaginary part: one fast key for (x, y).
    order = np.lexsort((radii, x + 1j * y))
    xs, ys, rs = x[order], y[order], radii[order]
    new = np.empty(xs.size, dtype=bool)
    new[:1] = True
    new[1:] = (xs[1:] != xs[:-1]) | (ys[1:] != ys[:-1]) | (rs[1:] != rs[:-1])
    starts = np.flatnonzero(new)
    summed = np.add.reduceat(weights[order], starts) if starts.size else weights[:0]
    return _Locations(xs[starts], ys[starts], summed, rs[starts])


def _reachable(locations, grid):
    """The locations whose kernel reaches at least one pixel centre."""
    first_x, last_x = grid.column_centres()[[0, -1]]
    last_y, first_y = grid.row_centres()[[-1, 0]]
    dx = np.maximum(np.maximum(first_x - locations.x, locations.x - last_x), 0.0)
    dy = np.maximum(np.maximum(last_y - locations.y, locations.y - first_y), 0.0)
    reachable = dx * dx + dy * dy <= locations.radii ** 2
    # On Heatmap's own grid every location reaches it: keep the arrays rather than copy them.
    return locations if reachable.all() else locations.subset(reachable)


def _lattice_coordinates(x, y, grid):
    """Fractional column and row of points; pixel centres are at integers."""
    return ((x - grid.x_min) / grid.pixel_size - 0.5, (grid.y_max - y) / grid.pixel_size - 0.5)


def _exact_is_cheaper(n_locations, radius_px, grid):
    block = 2 * math.floor(radius_px + 0.5) + 1
    return n_locations * block * block <= _EXACT_IF_CHEAPER * grid.n_rows * grid.n_cols


# --------------------------------------------------------------------------
# Binned path


def _assignment_weights(t):
    """Cubic Lagrange weights of lattice nodes -1, 0, 1, 2 for offsets ``t`` in [0, 1).

    Spreading a point with these weights reproduces its moments of order 0 to
    3, so the binned kernel is the bicubic interpolant of the lattice kernel.
    """
    t = np.asarray(t, dtype=np.float64)[..., None]
    return np.concatenate([-t * (t - 1.0) * (t - 2.0) / 6.0,
                           (t + 1.0) * (t - 1.0) * (t - 2.0) / 2.0,
                           -(t + 1.0) * t * (t - 2.0) / 2.0,
                           (t + 1.0) * t * (t - 1.0) / 6.0], axis=-1)


_NODE_OFFSETS = np.arange(-1, 3)


def _lattice_stamp(kernel, radius_px, decay):
    """Raw kernel at the lattice offsets within the radius, odd-sized and centred."""
    half = math.floor(radius_px)
    offsets = np.arange(-half, half + 1, dtype=np.float64)
    u2 = (offsets[:, None] ** 2 + offsets[None, :] ** 2) / radius_px**2
    return np.where(u2 <= 1.0, _raw_kernel(u2, kernel, decay), 0.0)


def _binned_density(locations, grid, stamp, progress):
    """Bin the locations onto the pixel lattice and convolve with the stamp."""
    pad = stamp.shape[0] // 2
    lattice = _bin(locations, grid, pad, _subrange(progress, 0.0, 0.3))
    return _convolve_valid(lattice, stamp, _subrange(progress, 0.3, 1.0))


def _bin(locations, grid, pad, progress):
    """Weights spread onto the pixel lattice grown by ``pad`` nodes on each side.

    Nodes beyond ``pad`` are farther than the stamp reaches from every pixel
    of the raster, so the weight they would get is dropped.  The lattice is
    single precision, as the convolution that takes it: each chunk's sums
    are made in double precision and rounded once as they are added.
    """
    n_rows, n_cols = grid.n_rows + 2 * pad, grid.n_cols + 2 * pad
    lattice = np.zeros(n_rows * n_cols, dtype=np.float32)
    # Top to bottom, so that each chunk only adds to a band of rows.
    order = np.argsort(_lattice_coordinates(0.0, locations.y, grid)[1], kind="stable")
    chunk = max(1, _BIN_CHUNK_BYTES // _BYTES_PER_BINNED_LOCATION)
    for start in range(0, locations.size, chunk):
        part = order[start:start + chunk]
        col, row = _lattice_coordinates(locations.x[part], locations.y[part], grid)
        cols, col_weights = _node_weights(col, pad, n_cols)
        rows, row_weights = _node_weights(row, pad, n_rows)
        flat = (rows[:, :, None] * n_cols + cols[:, None, :]).ravel()
        spread = (locations.weights[part, None, None] * row_weights[:, :, None]
                  * col_weights[:, None, :])
        lowest, highest = flat.min(), flat.max() + 1
        lattice[lowest:highest] += np.bincount(flat - lowest, spread.ravel(), minlength=highest - lowest)
        report(progress, min(start + chunk, locations.size) / locations.size)
    return lattice.reshape(n_rows, n_cols)


def _node_weights(coordinate, pad, n_nodes):
    """Padded lattice index and weight of each location's 4 nodes along one axis.

    Nodes off the padded lattice get index 0 and weight 0.
    """
    base = np.floor(coordinate)
    weights = _assignment_weights(coordinate - base)
    nodes = base.astype(np.int64)[:, None] + (_NODE_OFFSETS + pad)
    on_lattice = (nodes >= 0) & (nodes < n_nodes)
    return np.where(on_lattice, nodes, 0), np.where(on_lattice, weights, 0.0)


def _convolve_valid(lattice, stamp, progress, dtype=np.float64):
    """'valid' convolution of a padded lattice with an odd stamp, in row strips.

    The FFTs run in single precision: their round-off, about 1e-7 of the
    raster's maximum, is far inside the 0.1 % accuracy promised and below what
    the Float32 raster written by the algorithm keeps, and they take half the time.
    The result has ``dtype``: double precision by default, for exact kernels to be added to it.
    """
    lattice = lattice.astype(np.float32, copy=False)
    stamp = stamp.astype(np.float32)
    half = stamp.shape[0] // 2
    n_rows = lattice.shape[0] - 2 * half
    result = np.empty((n_rows, lattice.shape[1] - 2 * half), dtype=dtype)
    n_strips = math.ceil(n_rows / max(_STRIP_PIXELS // lattice.shape[1], stamp.shape[0]))
    strip = math.ceil(n_rows / n_strips)
    for start in range(0, n_rows, strip):
        stop = min(start + strip, n_rows)
        result[start:stop] = _fft_convolve_valid(lattice[start:stop + 2 * half], stamp)
        report(progress, stop / n_rows)
    return result


def _fft_convolve_valid(image, stamp):
    """``scipy.signal.fftconvolve(image, stamp, mode="valid")``, computed the same way with scipy.fft.

    scipy.signal takes about 0.2 s to import (it brings scipy.stats and scipy.optimize along), a fifth
    of a density run on a million points; scipy.fft alone is light.
    """
    full = (image.shape[0] + stamp.shape[0] - 1, image.shape[1] + stamp.shape[1] - 1)
    padded = tuple(fft.next_fast_len(size, True) for size in full)
    product = fft.irfftn(fft.rfftn(image, padded) * fft.rfftn(stamp, padded), padded)
    rows, cols = stamp.shape[0] - 1, stamp.shape[1] - 1
    return product[rows:image.shape[0], cols:image.shape[1]]


def _pooled_abs_weight(locations, grid):
    """Per location, the total |weight| of the locations sharing its nearest pixel."""
    # Reachable locations have their nearest pixel within ``reach`` of the raster.
    reach = math.floor(locations.radii.max() / grid.pixel_size + 0.5)
    n_cols = grid.n_cols + 2 * reach
    # One axis at a time, to hold one array of fractional positions rather than two.
    pixel = (np.rint(_lattice_coordinates(0.0, locations.y, grid)[1]) + reach).astype(np.int64) * n_cols
    pixel += (np.rint(_lattice_coordinates(locations.x, 0.0, grid)[0]) + reach).astype(np.int64)
    pooled = np.bincount(pixel, np.abs(locations.weights),
                         minlength=(grid.n_rows + 2 * reach) * n_cols)
    return pooled[pixel]


def _binned_coverage(x, y, grid, radius, progress):
    """Pixels whose centre is within the radius of a binned location.

    A location lies within half a pixel diagonal ``h`` of its nearest pixel
    centre (its node), so one convolution of the node occupancy sorts the
    pixels: a node within ``r - h`` surely covers a pixel, none within
    ``r + h`` surely does not, and only the thin ring of pixels in between is
    settled by the exact distance to the nearest location.
    """
    radius_px = radius / grid.pixel_size
    slack = math.sqrt(0.5)
    pad = math.floor(radius_px + slack)
    col, row = _lattice_coordinates(x, y, grid)
    # Binned locations reach the raster, so their node is within ``pad`` of it;
    # a raster of MAX_PIXELS has fewer than 2**31 nodes along a side.
    node_row = (np.rint(row) + pad).astype(np.int32)
    node_col = (np.rint(col) + pad).astype(np.int32)
    del col, row
    # Single precision, as the FFTs that take it: a flag of 0 or 1 loses nothing.
    lattice_shape = (grid.n_rows + 2 * pad, grid.n_cols + 2 * pad)
    occupied = np.zeros(lattice_shape, dtype=np.float32)
    occupied[node_row, node_col] = 1.0
    offsets = np.arange(-pad, pad + 1)
    node_distance = np.hypot(offsets[:, None], offsets[None, :])
    sure = node_distance <= radius_px - slack
    ring = (node_distance <= radius_px + slack) & ~sure
    # Ring nodes count 1/(n+1) each, so n of them stay below one sure node.
    ring_weight = 1.0 / (np.count_nonzero(ring) + 1)
    hits = _convolve_valid(occupied, np.where(sure, 1.0, np.where(ring, ring_weight, 0.0)),
                           progress, dtype=np.float32)
    del occupied
    covered = hits > 1.0 - ring_weight / 2
    rows, cols = np.nonzero((hits > ring_weight / 2) & ~covered)
    if rows.size == 0:
        return covered
    # Only locations whose node is within ``pad`` of an undecided pixel can
    # cover it: those in the same or a neighbouring block of pad + 1 nodes.
    block = pad + 1
    undecided = np.zeros((lattice_shape[0] // block + 1, lattice_shape[1] // block + 1),
                         dtype=bool)
    undecided[(rows + pad) // block, (cols + pad) // block] = True
    near = ndimage.binary_dilation(undecided, structure=np.ones((3, 3), dtype=bool))
    nearby = near[node_row // block, node_col // block]
    tree = spatial.cKDTree(np.column_stack([x[nearby], y[nearby]]), balanced_tree=False)
    centres = np.column_stack([grid.column_centres()[cols], grid.row_centres()[rows]])
    distance, _ = tree.query(centres, distance_upper_bound=np.nextafter(radius, np.inf))
    covered[rows, cols] = distance <= radius
    return covered


@lru_cache(maxsize=64)
def _binning_error(kernel, radius_px, decay):
    """Largest |binned - exact| kernel value of one location, relative to the peak.

    The binned value at a pixel is the bicubic interpolant, from the lattice
    stamp, of the kernel at the pixel's offset from the location.  The error
    is taken over the 8 x 8 sub-pixel offsets in ``_ERROR_OFFSETS`` and all
    pixels with non-negative offsets, which by the symmetry of the kernel and
    of the weights (``t -> 1 - t`` mirrors the nodes) covers every pixel.
    """
    stamp = _lattice_stamp(kernel, radius_px, decay)
    half = stamp.shape[0] // 2
    # Pixels reach half + 2 and their nodes half + 3: pad the stamp with zeros by 3.
    padded = np.pad(stamp, 3)
    centre = half + 3
    pixels = np.arange(half + 3)
    weights = _assignment_weights(_ERROR_OFFSETS)
    # Interpolate along x for every lattice row a pixel's nodes can fall on
    # (rows -2 .. half + 3), then along y for each y offset.
    node_rows = np.arange(-2, half + 4)
    along_rows = padded[(node_rows + centre)[:, None, None],
                        pixels[None, :, None] - _NODE_OFFSETS + centre]
    along_x = np.einsum("ta,ypa->typ", weights, along_rows)
    row_of_node = pixels[:, None] - _NODE_OFFSETS - node_rows[0]
    dx2 = (pixels[None, :] - _ERROR_OFFSETS[:, None]) ** 2
    worst = 0.0
    for weights_y, offset_y in zip(weights, _ERROR_OFFSETS):
        binned = np.einsum("c,tpcq->tpq", weights_y, along_x[:, row_of_node, :])
        u2 = ((pixels - offset_y)[None, :, None] ** 2 + dx2[:, None, :]) / radius_px**2
        exact = np.where(u2 <= 1.0, _raw_kernel(u2, kernel, decay), 0.0)
        worst = max(worst, float(np.abs(binned - exact).max()))
    return worst / _raw_peak(kernel, decay)


# --------------------------------------------------------------------------
# Exact path


def _add_exact(values, covered, locations, grid, kernel, decay, scaled, progress):
    """Add every location's exact kernel over the pixels within its radius.

    Locations are taken in chunks of equal block size (the square of pixels
    around the nearest pixel that holds the disc) and, within those, from top
    to bottom, so that each chunk only touches a band of the raster.
    """
    col, row = _lattice_coordinates(locations.x, locations.y, grid)
    # A pixel within r of the location is within r + half a pixel of its nearest pixel.
    halves = np.floor(locations.radii / grid.pixel_size + 0.5).astype(np.int64)
    nearest_col = np.rint(col).astype(np.int64)
    nearest_row = np.rint(row).astype(np.int64)
    weights = locations.weights
    if scaled:
        weights = weights / (_integral_over_unit_disc(kernel, decay) * locations.radii**2)
    order = np.lexsort((nearest_row, halves))
    sorted_halves = halves[order]
    work = np.cumsum((2 * sorted_halves + 1) ** 2)
    start = 0
    while start < order.size:
        half = sorted_halves[start]
        chunk = max(1, _EXACT_CHUNK_BYTES // (_BYTES_PER_BLOCK_PIXEL * (2 * half + 1) ** 2))
        stop = min(start + chunk, np.searchsorted(sorted_halves, half, side="right"))
        part = order[start:stop]
        _add_blocks(values, covered, grid, kernel, decay, half, locations.x[part],
                    locations.y[part], weights[part], locations.radii[part], nearest_col[part],
                    nearest_row[part])
        report(progress, work[stop - 1] / work[-1])
        start = stop


def _add_blocks(values, covered, grid, kernel, decay, half, x, y, weights, radii, nearest_col,
                nearest_row):
    """Add the kernels of locations whose discs fit a (2 half + 1)^2 block of pixels."""
    offsets = np.arange(-half, half + 1)
    cols = nearest_col[:, None] + offsets
    rows = nearest_row[:, None] + offsets
    # Distances from pixel centres, centre minus point as in QGIS; pixels off
    # the raster get an infinite distance so that they fall outside every disc.
    size = grid.pixel_size
    dx = np.where((cols >= 0) & (cols < grid.n_cols), grid.x_min + (cols + 0.5) * size - x[:, None],
                  np.inf)
    dy = np.where((rows >= 0) & (rows < grid.n_rows), grid.y_max - (rows + 0.5) * size - y[:, None],
                  np.inf)
    squared_radii = (radii**2)[:, None, None]
    d2 = dy[:, :, None] ** 2 + dx[:, None, :] ** 2
    inside = d2 <= squared_radii
    flat = (rows[:, :, None] * grid.n_cols + cols[:, None, :])[inside]
    if flat.size == 0:
        return
    u2 = (d2 / squared_radii)[inside]
    contribution = np.broadcast_to(weights[:, None, None], inside.shape)[inside] * _raw_kernel(
        u2, kernel, decay)
    lowest, highest = flat.min(), flat.max() + 1
    values.reshape(-1)[lowest:highest] += np.bincount(flat - lowest, contribution,
                                                      minlength=highest - lowest)
    covered.reshape(-1)[flat] = True


def _clean(values, covered, nonnegative):
    """Zero FFT round-off: outside the covered pixels, below zero, and near zero."""
    values[~covered] = 0.0
    if nonnegative:
        np.maximum(values, 0.0, out=values)
    if values.size:
        threshold = _ROUND_OFF * max(values.max(), -values.min())
        # In bands of rows: a whole-raster |values| would be one more raster-sized temporary.
        band = max(1, _STRIP_PIXELS // values.shape[1])
        for start in range(0, values.shape[0], band):
            rows = values[start:start + band]
            rows[np.abs(rows) <= threshold] = 0.0


def density_at(x, y, at_x, at_y, radius, weights=None, kernel="quartic", scaled=False, decay=0.0):
    """Exact kernel sum at arbitrary places (e.g. the centres of hotspot cells).

    ``sum_p w_p * K(distance from p to the place, radius)`` with the kernels of
    :func:`kernel_value`.  Points sharing a location are merged first, and a
    KD-tree pairs each place with the locations within ``radius``.
    """
    x, y, weights, radii = _check_points(x, y, weights, None)
    _check_radius(radius)
    _check_kernel(kernel, scaled, decay)
    at_x = np.asarray(at_x, dtype=np.float64)
    at_y = np.asarray(at_y, dtype=np.float64)
    if x.size == 0 or at_x.size == 0:
        return np.zeros(at_x.shape)
    locations = _merge_locations(x, y, weights, np.zeros(x.size) if radii is None else radii)
    places = spatial.cKDTree(np.column_stack((at_x, at_y)))
    sources = spatial.cKDTree(np.column_stack((locations.x, locations.y)))
    pairs = places.sparse_distance_matrix(sources, radius, output_type="ndarray")
    contributions = kernel_value(pairs["v"], radius, kernel, scaled, decay) * locations.weights[pairs["j"]]
    return np.bincount(pairs["i"], weights=contributions, minlength=at_x.size)
