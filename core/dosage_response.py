"""Dosage and response: crime after visits of each length, and by daily patrol minutes (the Koper curve).

Koper (1995) found that a stop in a hot spot deters crime after the officers leave, and that the
deterrence grows with the stop's length up to about 10 to 15 minutes, then levels off.
:func:`dosage_response` draws that curve for one force's own visits, in two measures:

``after_visit``
    For each band of visit length (:data:`VISIT_BANDS`), the crimes in the visited hotspot in the
    window after each visit ends, ``[end, end + window)`` - a crime exactly at the departure
    counts, one exactly a window later does not - per visit.  The comparison (band
    :data:`NO_VISIT`) is the same hours of the day at the same hotspots on days no visit came near.
``daily_minutes``
    Crimes per hotspot-day by the day's patrol minutes (:data:`DAILY_BANDS`), against the days
    without patrol minutes.

Both are observational: visits are not assigned their length at random, and a long visit may go
to a quieter or a busier hour, hotspot or day than a short one.  The ratios describe, they do not
prove; a randomised trial of visit lengths would.

Times are wall-clock seconds counted from midnight at the start of the period's first day, so
that day ``d`` is ``[d * 86400, (d + 1) * 86400)`` and the clock time of ``t`` is ``t mod 86400``.

References
----------
Garwood, F. (1936). Fiducial limits for the Poisson distribution. Biometrika 28(3/4), 437-442.
Koper, C. S. (1995). Just enough police presence: reducing crime and disorderly behavior by
    optimizing patrol time in crime hot spots. Justice Quarterly 12(4), 649-672.
"""

import math
from dataclasses import dataclass

import numpy as np

from .dosage import KOPER_MINUTES, TOLERANCE_SECONDS
from .errors import InputError
from .hotspot_days import count_crimes, patrol_days
from .poisson_rates import check_confidence, poisson_rate_interval, single_number

AFTER_VISIT, DAILY_MINUTES = "after_visit", "daily_minutes"
VISIT_BANDS = ("< 5 min", "5–10 min", "10–16 min", "> 16 min")
NO_VISIT = "no visit (same hours)"
DAILY_BANDS = ("0 min", "1–15 min", "16–30 min", "31–60 min", "> 60 min")
DAILY_LIMITS = (15.0, 30.0, 60.0)  # upper ends (inclusive) of the daily bands after "0 min"
SHORT_VISIT_MINUTES = 5.0
WINDOW_HOURS = 2.0
DAY_SECONDS = 86400.0
_TOLERANCE_MINUTES = TOLERANCE_SECONDS / 60.0


@dataclass(frozen=True)
class DosageRow:
    """One row of :func:`dosage_response`.

    Attributes
    ----------
    measure : str
        :data:`AFTER_VISIT` or :data:`DAILY_MINUTES`.
    band : str
        One of :data:`VISIT_BANDS` or :data:`NO_VISIT` (after_visit), or one of :data:`DAILY_BANDS`.
    units : float
        The exposure: visits; for :data:`NO_VISIT` windows (hotspot-days times the visited hours of
        the day, in windows); for daily_minutes hotspot-days.
    crimes : int
    rate : float
        ``crimes / units``: crimes per window after a visit, or per hotspot-day; NaN without units.
    ci_low, ci_high : float
        Exact (Garwood) confidence interval of the rate; NaN without units.
    ratio_to_baseline : float
        ``rate`` over the baseline's (:data:`NO_VISIT`, or ``"0 min"``); NaN when either is undefined
        or both are 0, infinite when only the baseline's is 0.
    """

    measure: str
    band: str
    units: float
    crimes: int
    rate: float
    ci_low: float
    ci_high: float
    ratio_to_baseline: float


def visit_band(minutes):
    """Each visit's band of :data:`VISIT_BANDS` (0 .. 3): under 5, 5 to under 10, 10 to 16 inclusive
    (the Koper band, counted as :mod:`.dosage` counts it), over 16 minutes; to the millisecond.

    Examples
    --------
    >>> visit_band([4.9, 5, 9.99, 10, 16, 16.1]).tolist()
    [0, 1, 1, 2, 2, 3]
    """
    minutes = np.asarray(minutes, dtype=float)
    low, high = KOPER_MINUTES
    edges = (SHORT_VISIT_MINUTES - _TOLERANCE_MINUTES, low - _TOLERANCE_MINUTES)
    band = np.searchsorted(np.array(edges), minutes, side="right")
    return np.where(minutes > high + _TOLERANCE_MINUTES, 3, band).astype(np.int64)


def daily_band(minutes):
    """Each hotspot-day's band of :data:`DAILY_BANDS` (0 .. 4): no patrol minutes, more than 0 up to
    15, over 15 up to 30, over 30 up to 60, over 60 minutes (to the millisecond).

    Examples
    --------
    >>> daily_band([0, 0.5, 15, 15.5, 30, 60, 61]).tolist()
    [0, 1, 1, 2, 2, 3, 4]
    """
    minutes = np.asarray(minutes, dtype=float)
    edges = np.array((0.0,) + DAILY_LIMITS) + _TOLERANCE_MINUTES
    return np.searchsorted(edges, minutes, side="left").astype(np.int64)


def dosage_response(visit_hotspot, visit_start, visit_end, visit_minutes, crime_hotspot, crime_time, n_hotspots,
                    n_days, window_hours=WINDOW_HOURS, confidence=0.95):
    """Crime after visits by visit length, and crime by daily patrol minutes: the Koper curve.

    after_visit: a visit counts when its whole window ``[end, end + window)`` lies in the period
    (``0 <= end`` and ``end + window <= n_days`` days).  Its crimes are the hotspot's crimes in
    that window; windows of visits close together overlap, and a crime in two windows counts for
    both.  The comparison row :data:`NO_VISIT` takes, for each hotspot, the hours of the day its
    counted visits' windows cover (their union, clock times modulo a day) and counts its crimes at
    those hours on its days without a visit: days that no visit, from its start to a window after
    its end, touches.  Its units are those hours in windows summed over those days, each crime
    counting once, so the comparison is matched on hotspot and hour, not on day.

    daily_minutes: each hotspot-day's minutes are those of the visits that start on it (as
    :func:`.hotspot_days.patrol_days`), its crimes those of the hotspot on that day; every hotspot
    and day of the period counts, and ``"0 min"`` is the baseline.

    Parameters
    ----------
    visit_hotspot : array_like of int
        Each visit's hotspot, ``0 .. n_hotspots - 1``.
    visit_start, visit_end : array_like of float
        Wall-clock seconds from the period's first midnight (see the module notes); visits outside
        the period still mark their days as visited.
    visit_minutes : array_like of float
        Each visit's length in minutes, which decides its band.
    crime_hotspot : array_like of int
        Each crime's hotspot, negative outside every hotspot.
    crime_time : array_like of float
        Each crime's wall-clock seconds from the period's first midnight.
    n_hotspots, n_days : int
        The hotspots, and the days of the period.
    window_hours : float
        The window after a departure, more than 0 and at most 24 hours.
    confidence : float
        Confidence level of the intervals.

    Returns
    -------
    list of DosageRow
        The after_visit rows of :data:`VISIT_BANDS`, then :data:`NO_VISIT`, then the daily_minutes
        rows of :data:`DAILY_BANDS`; every band is present, with NaN rates when it has no units.

    Raises
    ------
    InputError
        On arrays of different lengths, times that are not finite, a visit ending before it starts,
        negative or missing minutes, hotspot indices out of range, or a window outside (0, 24] hours.

    Examples
    --------
    >>> hour = 3600.0
    >>> rows = dosage_response([0], [10 * hour], [10.2 * hour], [12], [0, 0], [10.2 * hour, 12.2 * hour], 1, 2)
    >>> [(r.band, r.units, r.crimes) for r in rows if r.units][:2]
    [('10–16 min', 1.0, 1), ('no visit (same hours)', 1.0, 0)]
    """
    n_hotspots, n_days = (_whole_count(n_hotspots, "n_hotspots"), _whole_count(n_days, "n_days"))
    hotspot, start, end, minutes = _visits(visit_hotspot, visit_start, visit_end, visit_minutes, n_hotspots)
    crime_hotspot, crime_time = _crimes(crime_hotspot, crime_time, n_hotspots)
    window = single_number(window_hours, "window_hours") * 3600.0
    if not 0 < window <= DAY_SECONDS:
        raise InputError(f"window_hours must be more than 0 and at most 24 hours, not {window_hours!r}.",
                         setting="window_hours")
    check_confidence(confidence)
    after = _after_visit(hotspot, start, end, minutes, crime_hotspot, crime_time, n_hotspots, n_days, window,
                         confidence)
    days = patrol_days(hotspot, np.floor(start / DAY_SECONDS), minutes, n_hotspots, n_days)
    counts = count_crimes(crime_hotspot, np.floor(crime_time / DAY_SECONDS), n_hotspots, n_days)
    return after + daily_minutes_rates(days.minutes, counts, confidence)


def daily_minutes_rates(minutes, counts, confidence=0.95):
    """Crimes per hotspot-day by the day's patrol minutes (:data:`DAILY_BANDS`), against ``"0 min"``.

    Parameters
    ----------
    minutes : array_like of float
        Patrol minutes per hotspot-day (:attr:`.hotspot_days.PatrolDays.minutes`).
    counts : array_like of int
        Crimes per hotspot-day, the same shape.
    confidence : float
        Confidence level of the intervals.

    Returns
    -------
    list of DosageRow
        One per daily band, measure :data:`DAILY_MINUTES`, units hotspot-days.
    """
    minutes, counts = np.asarray(minutes, dtype=float), np.asarray(counts)
    if minutes.shape != counts.shape:
        raise InputError(f"minutes and counts must be grids of one shape, not {minutes.shape} and {counts.shape}.")
    band = daily_band(minutes).ravel()
    units = np.bincount(band, minlength=len(DAILY_BANDS)).astype(float)
    crimes = np.bincount(band, weights=counts.ravel().astype(float), minlength=len(DAILY_BANDS))
    return _rows(DAILY_MINUTES, DAILY_BANDS, units, crimes, 0, confidence)


def _after_visit(hotspot, start, end, minutes, crime_hotspot, crime_time, n_hotspots, n_days, window, confidence):
    """The after_visit rows: each visit band's crimes per window after a visit, then :data:`NO_VISIT`."""
    counted = (end >= 0) & (end + window <= n_days * DAY_SECONDS)
    band = visit_band(minutes)
    after_crimes = np.zeros(hotspot.size)
    baseline_crimes, baseline_units = 0, 0.0
    visited_days = _visited_days(hotspot, start, end + window, n_hotspots, n_days)
    for h in range(n_hotspots):
        times = np.sort(crime_time[crime_hotspot == h])
        mine = np.flatnonzero(counted & (hotspot == h))
        if mine.size == 0:
            continue
        after_crimes[mine] = (np.searchsorted(times, end[mine] + window, side="left")
                              - np.searchsorted(times, end[mine], side="left"))
        hours = _clock_union(end[mine] % DAY_SECONDS, window)
        free_days = np.flatnonzero(~visited_days[h])
        day = np.floor(times / DAY_SECONDS)
        on_free_day = np.isin(day, free_days)
        baseline_crimes += int(np.count_nonzero(_in_intervals(times[on_free_day] - day[on_free_day] * DAY_SECONDS,
                                                              hours)))
        baseline_units += free_days.size * float(np.sum(hours[:, 1] - hours[:, 0])) / window
    units = np.bincount(band[counted], minlength=len(VISIT_BANDS)).astype(float)
    crimes = np.bincount(band[counted], weights=after_crimes[counted], minlength=len(VISIT_BANDS))
    return _rows(AFTER_VISIT, VISIT_BANDS + (NO_VISIT,), np.append(units, baseline_units),
                 np.append(crimes, baseline_crimes), len(VISIT_BANDS), confidence)


def _visited_days(hotspot, start, reach, n_hotspots, n_days):
    """``(n_hotspots, n_days)``: True on the days that some visit, from ``start`` to ``reach``, touches."""
    first = np.floor(start / DAY_SECONDS).astype(np.int64)
    last = np.ceil(reach / DAY_SECONDS).astype(np.int64) - 1
    visited = np.zeros((n_hotspots, n_days), dtype=bool)
    for offset in range(int(np.max(last - first, initial=-1)) + 1):
        day = first + offset
        on = (day <= last) & (day >= 0) & (day < n_days)
        visited[hotspot[on], day[on]] = True
    return visited


def _clock_union(clock_starts, window):
    """The union of the clock intervals ``[s, s + window)`` modulo a day, as sorted disjoint ``[a, b)`` rows."""
    starts = np.concatenate([clock_starts, clock_starts - DAY_SECONDS])  # a window past midnight wraps
    pieces = np.column_stack([np.maximum(starts, 0.0), np.minimum(starts + window, DAY_SECONDS)])
    pieces = pieces[pieces[:, 1] > pieces[:, 0]]
    pieces = pieces[np.argsort(pieces[:, 0], kind="stable")]
    merged = [list(pieces[0])]
    for low, high in pieces[1:]:
        if low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return np.array(merged)


def _in_intervals(values, intervals):
    """True where a value lies in one of the sorted disjoint half-open ``[a, b)`` intervals."""
    row = np.searchsorted(intervals[:, 0], values, side="right") - 1
    return (row >= 0) & (values < intervals[np.maximum(row, 0), 1])


def _rows(measure, bands, units, crimes, baseline, confidence):
    rates = [poisson_rate_interval(int(c), u, confidence) for c, u in zip(crimes, units)]
    reference = rates[baseline][0]
    rows = []
    for name, u, c, (rate, low, high) in zip(bands, units, crimes, rates):
        if math.isnan(rate) or math.isnan(reference) or (rate == 0 and reference == 0):
            ratio = math.nan
        else:
            ratio = rate / reference if reference > 0 else math.inf
        rows.append(DosageRow(measure, name, float(u), int(c), rate, low, high, ratio))
    return rows


def _whole_count(value, name):
    number = single_number(value, name)
    if not (number.is_integer() and number >= 1):
        raise InputError(f"{name} must be a whole number of at least 1, not {value!r}.", setting=name)
    return int(number)


def _visits(visit_hotspot, visit_start, visit_end, visit_minutes, n_hotspots):
    hotspot = np.asarray(visit_hotspot).ravel()
    start, end, minutes = (np.asarray(v, dtype=float).ravel() for v in (visit_start, visit_end, visit_minutes))
    if not hotspot.shape == start.shape == end.shape == minutes.shape:
        raise InputError("visit_hotspot, visit_start, visit_end and visit_minutes must have one value per visit "
                         f"(got {hotspot.size}, {start.size}, {end.size} and {minutes.size}).")
    if not (np.isfinite(start).all() and np.isfinite(end).all()):
        raise InputError("Every visit needs a start and an end time; drop the visits without them first.")
    if np.any(end < start):
        raise InputError(f"{int(np.count_nonzero(end < start))} visit(s) end before they start; fix or drop them.")
    if not np.isfinite(minutes).all() or np.any(minutes < 0):
        raise InputError("visit_minutes must be 0 or more minutes for every visit; fill in missing lengths.")
    return _hotspot_indices(hotspot, n_hotspots, "visit_hotspot", outside_allowed=False), start, end, minutes


def _crimes(crime_hotspot, crime_time, n_hotspots):
    hotspot = np.asarray(crime_hotspot).ravel()
    time = np.asarray(crime_time, dtype=float).ravel()
    if hotspot.shape != time.shape:
        raise InputError(f"crime_hotspot and crime_time must have one value per crime (got {hotspot.size} and "
                         f"{time.size}).")
    if not np.isfinite(time).all():
        raise InputError("Every crime needs a time; drop the crimes without one first.")
    return _hotspot_indices(hotspot, n_hotspots, "crime_hotspot", outside_allowed=True), time


def _hotspot_indices(values, n_hotspots, name, outside_allowed):
    as_float = values.astype(float)
    bad = ~np.isfinite(as_float) | (as_float != np.floor(as_float)) | (as_float >= n_hotspots)
    bad |= False if outside_allowed else as_float < 0
    if np.any(bad):
        raise InputError(f"{name} must hold hotspot indices 0..{n_hotspots - 1}"
                         f"{' (negative: outside every hotspot)' if outside_allowed else ''}, "
                         f"not {values[bad][0]!r}.")
    return as_float.astype(np.int64)
