"""Patrol dosage from GPS pings, and how well the patrols kept to a plan.

A GPS trail is a set of pings: a unit (integer code), a time (UTC epoch
seconds) and the hotspot the ping falls in (an integer index, -1 outside
every hotspot).  :func:`find_stays` turns the pings into *stays*, the spells a
unit spent inside one hotspot; :func:`compliance` compares the stays with the
planned visits and summarises the dosage per hotspot, including the share of
stays of 10 to 16 minutes, the "Koper curve" range in which Koper (1995)
found that a stop's residual deterrence pays off most.

Durations are compared to the millisecond (``TOLERANCE_SECONDS``): epoch
times that carry milliseconds cannot be held exactly in float64, and their
differences must not fall on the wrong side of a limit by a rounding error.

References
----------
Koper, C. S. (1995). Just enough police presence: reducing crime and
    disorderly behavior by optimizing patrol time in crime hot spots. Justice
    Quarterly 12(4), 649-672.
Sherman, L. W. and Weisburd, D. (1995). General deterrent effects of police
    patrol in crime "hot spots": a randomized, controlled trial. Justice
    Quarterly 12(4), 625-648.
"""

from dataclasses import dataclass

import numpy as np

from .errors import InputError

DELIVERED = "delivered"
LATE = "late"
MISSED = "missed"
KOPER_MINUTES = (10.0, 16.0)
TOLERANCE_SECONDS = 1e-3


@dataclass
class Stays:
    """Spells that units spent inside hotspots: equal-length arrays, one entry per stay.

    Attributes
    ----------
    unit : ndarray of int
    hotspot : ndarray of int
        0, 1, ...; never -1.
    start, end : ndarray of float
        UTC epoch seconds of the first and the last ping inside.
    minutes : ndarray of float
        ``(end - start) / 60``.
    pings : ndarray of int
        Pings in the stay.
    """

    unit: np.ndarray
    hotspot: np.ndarray
    start: np.ndarray
    end: np.ndarray
    minutes: np.ndarray
    pings: np.ndarray

    def __post_init__(self):
        self.unit = np.asarray(self.unit, dtype=np.int64)
        self.hotspot = np.asarray(self.hotspot, dtype=np.int64)
        self.start = np.asarray(self.start, dtype=float)
        self.end = np.asarray(self.end, dtype=float)
        self.minutes = np.asarray(self.minutes, dtype=float)
        self.pings = np.asarray(self.pings, dtype=np.int64)
        sizes = {a.shape for a in (self.unit, self.hotspot, self.start, self.end, self.minutes, self.pings)}
        if len(sizes) != 1 or self.unit.ndim != 1:
            raise InputError("The stays' unit, hotspot, start, end, minutes and pings must be 1-D arrays "
                             "of the same length.")

    def __len__(self):
        return self.unit.size


@dataclass
class Compliance:
    """How the patrols kept to a plan: per planned visit and per hotspot.

    Attributes
    ----------
    status : ndarray of str
        Per planned visit: ``"delivered"``, ``"late"`` or ``"missed"``.
    late_minutes : ndarray of int
        Per planned visit: minutes from the planned start to the arrival,
        rounded half up; 0 unless the status is ``"late"``.
    delivered_minutes : ndarray of float
        Per planned visit: minutes of the matched stay credited to it (the
        whole stay unless the stay served several visits, see
        :func:`compliance`); 0 when missed.
    matched_stay : ndarray of int
        Per planned visit: index into the stays, -1 when missed.
    planned_visits, planned_minutes : ndarray
        Per hotspot: visits planned, and their planned minutes.
    delivered_visits : ndarray of int
        Per hotspot: planned visits delivered or late.
    stays, stay_minutes : ndarray
        Per hotspot: every stay there, matched to a visit or not, and their minutes.
    koper_share : ndarray of float
        Per hotspot: share of its stays lasting 10 to 16 minutes inclusive;
        NaN where there are no stays.
    overall_koper_share : float
        The same over all stays; NaN when there are none.
    """

    status: np.ndarray
    late_minutes: np.ndarray
    delivered_minutes: np.ndarray
    matched_stay: np.ndarray
    planned_visits: np.ndarray
    planned_minutes: np.ndarray
    delivered_visits: np.ndarray
    stays: np.ndarray
    stay_minutes: np.ndarray
    koper_share: np.ndarray
    overall_koper_share: float

    def status_counts(self):
        """Planned visits by status: ``{"delivered": n, "late": n, "missed": n}``."""
        return {status: int(np.count_nonzero(self.status == status)) for status in (DELIVERED, LATE, MISSED)}


def find_stays(unit, time, hotspot, max_gap_minutes=5.0, min_minutes=5.0):
    """The stays of each unit in each hotspot, from its GPS pings.

    A stay is a maximal run of one unit's consecutive pings, in time order,
    that are all inside the same hotspot and of which no two consecutive pings
    are more than ``max_gap_minutes`` apart.  A ping outside every hotspot, a
    ping in another hotspot, or a gap longer than ``max_gap_minutes`` ends the
    stay (durations are compared to the millisecond, see the module notes).
    Each unit's pings are put in time order first (the input order does
    not matter); pings of one unit with the same time are ordered by hotspot,
    outside (-1) first, so that the result never depends on the input order
    and a contradictory duplicate can only shorten a stay.

    A stay starts at its first ping inside and ends at its last ping inside.
    We know the unit was inside at those pings but not when, between two
    pings, it crossed the boundary, so we count only the time it is known to
    have spent there: dosage is never overstated, and a sparse trail does not
    earn up to a ping interval of presence at each end.  The price is a
    downward bias of less than one ping interval per stay; a stay made of a
    single ping lasts 0 minutes.

    Parameters
    ----------
    unit : array_like of int
        Unit code of each ping (0 .. U-1).
    time : array_like of float
        UTC epoch seconds of each ping; any order.
    hotspot : array_like of int
        Hotspot index containing each ping, -1 when it is in none.
    max_gap_minutes : float
        Longest gap between consecutive pings inside one stay.
    min_minutes : float
        Shortest stay kept (0 keeps single pings).

    Returns
    -------
    Stays
        Sorted by start, then unit, then hotspot.

    Raises
    ------
    InputError
        For a negative or NaN ``max_gap_minutes`` or ``min_minutes``, arrays
        of different lengths, non-integer units or hotspots, a hotspot below
        -1, or a time that is NaN or infinite.
    """
    if not max_gap_minutes >= 0:
        raise InputError(f"The longest gap between pings must be 0 or more minutes, not {max_gap_minutes}.")
    if not min_minutes >= 0:
        raise InputError(f"The shortest stay must be 0 or more minutes, not {min_minutes}.")
    unit = _integer_codes(unit, "unit")
    hotspot = _integer_codes(hotspot, "hotspot")
    time = np.asarray(time, dtype=float)
    if not (unit.shape == time.shape == hotspot.shape and time.ndim == 1):
        raise InputError(f"unit, time and hotspot must be 1-D arrays of the same length, not "
                         f"{unit.shape}, {time.shape} and {hotspot.shape}.")
    if not np.isfinite(time).all():
        raise InputError(f"{np.count_nonzero(~np.isfinite(time))} ping time(s) are NaN or infinite: "
                         "drop the pings without a valid time first.")
    if hotspot.size and hotspot.min() < -1:
        raise InputError("hotspot must be -1 (in no hotspot) or a hotspot index 0, 1, ...; "
                         f"found {hotspot.min()}.")
    if time.size == 0:
        return _stays(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), unit, time, hotspot)

    order = np.lexsort((hotspot, time, unit))
    unit, time, hotspot = unit[order], time[order], hotspot[order]
    new_run = np.empty(time.size, dtype=bool)
    new_run[0] = True
    np.not_equal(unit[1:], unit[:-1], out=new_run[1:])
    new_run[1:] |= hotspot[1:] != hotspot[:-1]
    new_run[1:] |= np.diff(time) > max_gap_minutes * 60.0 + TOLERANCE_SECONDS
    first = np.flatnonzero(new_run)
    last = np.append(first[1:] - 1, time.size - 1)
    keep = (hotspot[first] >= 0) & (time[last] - time[first] >= min_minutes * 60.0 - TOLERANCE_SECONDS)
    first, last = first[keep], last[keep]
    return _stays(first, last, unit, time, hotspot)


def _stays(first, last, unit, time, hotspot):
    """Stays from the first and last (sorted) ping of each run, sorted by (start, unit, hotspot)."""
    start, end = time[first], time[last]
    order = np.lexsort((hotspot[first], unit[first], start))
    return Stays(unit=unit[first][order], hotspot=hotspot[first][order], start=start[order], end=end[order],
                 minutes=(end - start)[order] / 60.0, pings=(last - first + 1)[order])


def _integer_codes(values, name):
    """``values`` as an int64 array; InputError unless every value is a whole number."""
    array = np.asarray(values)
    if array.dtype.kind in "iu":
        return array.astype(np.int64, copy=False)
    if array.size == 0:
        return np.zeros(array.shape, dtype=np.int64)
    example = array.ravel()[:1].tolist()[0]
    if array.dtype.kind == "f":
        with np.errstate(invalid="ignore"):
            bad = ~np.isfinite(array) | (array != np.round(array))
        if not bad.any():
            return array.astype(np.int64)
        example = array[bad][:1].tolist()[0]
    raise InputError(f"{name} must hold whole-number codes, not values such as {example!r}: "
                     "map names to codes 0, 1, ... and drop missing values first.")


def compliance(plan_hotspot, plan_start, plan_end, stays, grace_minutes=5.0, late_limit_minutes=60.0,
               n_hotspots=None):
    """Which planned visits were delivered, late or missed, and the dosage per hotspot.

    Write P for a visit's planned start, g for the grace and L for the late
    limit.  Only stays at the visit's hotspot count.  A stay *spans* the
    visit when the unit was there at P itself (start <= P <= end).  A stay
    *touches* the grace window when it overlaps [P - g, P + g] (start <= P + g
    and end >= P - g) without spanning P: it arrived at most g after P or
    left at most g before P (its end is the last ping inside, an
    underestimate of when the unit left).

    Matching, in two passes over the visits in order of planned start:

    1. On time.  A visit spanned by a stay is delivered by it.  Otherwise a
       visit is delivered by a touching stay whose arrival no other visit has
       claimed; that visit claims the stay's arrival.  Among several
       candidates the visit takes the spanning stay that arrived last (most
       likely the patrol sent for it), else the touching stay closest to P.
    2. Late.  A visit not delivered in pass 1 is late when a stay whose
       arrival is unclaimed starts after P + g and at most L after P; it
       takes the first such stay and claims its arrival.  ``late_minutes`` is
       (start - P) / 60 rounded half up.  Otherwise it is missed.

    So each stay's arrival counts for at most one visit, and arriving on time
    for one visit beats arriving late for another (pass 1 runs before
    pass 2).  But a stay long enough to be there at the planned start of two
    visits delivers both: the hotspot had a patrol present at both planned
    times, which is what the plan asked for, and an analyst would not call a
    visit missed while a unit stood in the hotspot when it was due.  Likewise
    a unit that arrives late for one visit and is still there at the next
    one's planned start makes the first late and the second delivered.

    A stay that serves several visits is not counted several times: its
    minutes are split at the planned starts of the later visits it serves.
    The first visit is credited from the stay's start to the second visit's
    planned start, the second from there to the third's, and so on; the last
    gets the rest, up to the stay's end (planned starts are clipped to the
    stay).  A stay serving one visit is credited in full, so
    ``delivered_minutes`` adds up, over the visits, to the minutes of the
    matched stays.

    Parameters
    ----------
    plan_hotspot : array_like of int
        Hotspot index of each planned visit (0, 1, ...).
    plan_start, plan_end : array_like of float
        UTC epoch seconds of each planned visit's start and end.
    stays : Stays
        From :func:`find_stays`.
    grace_minutes : float
        Tolerance g around the planned start for an on-time visit.
    late_limit_minutes : float
        Latest arrival L after the planned start that still counts as late
        rather than missed; at least ``grace_minutes``.
    n_hotspots : int, optional
        Length of the per-hotspot arrays; by default one more than the
        largest hotspot index among the visits and the stays.

    Returns
    -------
    Compliance

    Raises
    ------
    InputError
        For a negative grace, a late limit below the grace, plan arrays of
        different lengths, a non-finite planned time, a visit that ends
        before it starts, a hotspot index below 0, or an ``n_hotspots`` too
        small for the indices.
    """
    if not grace_minutes >= 0:
        raise InputError(f"The grace must be 0 or more minutes, not {grace_minutes}.")
    if not late_limit_minutes >= grace_minutes:
        raise InputError(f"The late limit ({late_limit_minutes} minutes) must be at least the grace "
                         f"({grace_minutes} minutes).")
    if not isinstance(stays, Stays):
        raise InputError("stays must be the Stays that find_stays returns.")
    plan_hotspot = _integer_codes(plan_hotspot, "plan_hotspot")
    plan_start = np.asarray(plan_start, dtype=float)
    plan_end = np.asarray(plan_end, dtype=float)
    if not (plan_hotspot.shape == plan_start.shape == plan_end.shape and plan_start.ndim == 1):
        raise InputError(f"plan_hotspot, plan_start and plan_end must be 1-D arrays of the same length, not "
                         f"{plan_hotspot.shape}, {plan_start.shape} and {plan_end.shape}.")
    if not (np.isfinite(plan_start).all() and np.isfinite(plan_end).all()):
        raise InputError("A planned visit has a NaN or infinite start or end: drop it or fill in its times.")
    if (plan_end < plan_start).any():
        raise InputError(f"{np.count_nonzero(plan_end < plan_start)} planned visit(s) end before they start.")
    if (plan_hotspot.size and plan_hotspot.min() < 0) or (len(stays) and stays.hotspot.min() < 0):
        raise InputError("Hotspot indices of planned visits and stays must be 0 or more.")
    needed = int(max(plan_hotspot.max(initial=-1), stays.hotspot.max(initial=-1))) + 1
    if n_hotspots is None:
        n_hotspots = needed
    elif n_hotspots < needed:
        raise InputError(f"n_hotspots is {n_hotspots} but hotspot index {needed - 1} occurs: "
                         f"pass at least {needed}, or leave it out.")

    grace, late_limit = grace_minutes * 60.0, late_limit_minutes * 60.0
    matched, late_seconds = _match(plan_hotspot, plan_start, stays, grace, late_limit)
    status = np.full(plan_start.size, MISSED, dtype="<U9")
    status[matched >= 0] = DELIVERED
    is_late = ~np.isnan(late_seconds)
    status[is_late] = LATE
    late_minutes = np.zeros(plan_start.size, dtype=np.int64)
    late_minutes[is_late] = np.floor(late_seconds[is_late] / 60.0 + 0.5).astype(np.int64)

    done = matched >= 0
    low, high = KOPER_MINUTES
    tolerance = TOLERANCE_SECONDS / 60.0
    koper = (stays.minutes >= low - tolerance) & (stays.minutes <= high + tolerance)
    stay_counts = np.bincount(stays.hotspot, minlength=n_hotspots)
    with np.errstate(invalid="ignore", divide="ignore"):
        koper_share = np.bincount(stays.hotspot[koper], minlength=n_hotspots) / stay_counts
    return Compliance(
        status=status, late_minutes=late_minutes,
        delivered_minutes=_credited_minutes(matched, plan_start, stays), matched_stay=matched,
        planned_visits=np.bincount(plan_hotspot, minlength=n_hotspots),
        planned_minutes=np.bincount(plan_hotspot, weights=(plan_end - plan_start) / 60.0, minlength=n_hotspots),
        delivered_visits=np.bincount(plan_hotspot[done], minlength=n_hotspots),
        stays=stay_counts,
        stay_minutes=np.bincount(stays.hotspot, weights=stays.minutes, minlength=n_hotspots),
        koper_share=np.where(stay_counts > 0, koper_share, np.nan),
        overall_koper_share=float(np.count_nonzero(koper) / len(stays)) if len(stays) else float("nan"))


def _match(plan_hotspot, plan_start, stays, grace, late_limit):
    """The two passes of :func:`compliance`: matched stay per visit (-1) and seconds late (NaN unless late)."""
    tol = TOLERANCE_SECONDS
    n_plans = plan_start.size
    matched = np.full(n_plans, -1, dtype=np.int64)
    late_seconds = np.full(n_plans, np.nan)
    if n_plans == 0 or len(stays) == 0:
        return matched, late_seconds
    # Stays grouped by hotspot, by start within a hotspot; a visit looks only at the stays of its
    # hotspot that start between P - g - (longest stay there) and P + L.
    by_hotspot = np.lexsort((np.arange(len(stays)), stays.start, stays.hotspot))
    sorted_hotspot = stays.hotspot[by_hotspot]
    sorted_start = stays.start[by_hotspot]
    longest = np.zeros(int(stays.hotspot.max()) + 1)
    np.maximum.at(longest, stays.hotspot, stays.end - stays.start)
    claimed = np.zeros(len(stays), dtype=bool)
    plan_order = np.argsort(plan_start, kind="stable")

    def candidates(visit):
        h, p = plan_hotspot[visit], plan_start[visit]
        lo, hi = np.searchsorted(sorted_hotspot, [h, h + 1])
        if lo == hi:
            return by_hotspot[lo:hi]
        starts = sorted_start[lo:hi]
        a = np.searchsorted(starts, p - grace - longest[h] - tol, side="left")
        b = np.searchsorted(starts, p + late_limit + tol, side="right")
        return by_hotspot[lo + a:lo + b]

    windows = [candidates(visit) for visit in range(n_plans)]
    for visit in plan_order:  # pass 1: on time
        p, idx = plan_start[visit], windows[visit]
        start, end = stays.start[idx], stays.end[idx]
        spanning = idx[(start <= p + tol) & (end >= p - tol)]
        if spanning.size:
            # The last to arrive; among equal arrivals, the lowest index.
            latest = stays.start[spanning].max()
            matched[visit] = spanning[stays.start[spanning] == latest].min()
            continue
        touching = idx[~claimed[idx] & (start <= p + grace + tol) & (end >= p - grace - tol)]
        if touching.size:
            distance = np.where(stays.start[touching] > p, stays.start[touching] - p, p - stays.end[touching])
            choice = touching[distance == distance.min()].min()
            matched[visit] = choice
            claimed[choice] = True
    for visit in plan_order:  # pass 2: late
        if matched[visit] >= 0:
            continue
        p, idx = plan_start[visit], windows[visit]
        start = stays.start[idx]
        late = idx[~claimed[idx] & (start > p + grace + tol) & (start <= p + late_limit + tol)]
        if late.size:
            first = stays.start[late].min()
            choice = late[stays.start[late] == first].min()
            matched[visit] = choice
            claimed[choice] = True
            late_seconds[visit] = first - p
    return matched, late_seconds


def _credited_minutes(matched, plan_start, stays):
    """Minutes of the matched stay credited to each visit, split at planned starts when a stay serves several."""
    credited = np.zeros(matched.size)
    served = np.flatnonzero(matched >= 0)
    if served.size == 0:
        return credited
    served = served[np.lexsort((served, plan_start[served], matched[served]))]
    stay = matched[served]
    start, end = stays.start[stay], stays.end[stay]
    cut = np.clip(plan_start[served], start, end)
    first = np.append(True, stay[1:] != stay[:-1])
    last = np.append(stay[1:] != stay[:-1], True)
    lower = np.where(first, start, cut)
    upper = np.where(last, end, np.append(cut[1:], 0.0))
    credited[served] = (upper - lower) / 60.0
    return credited
