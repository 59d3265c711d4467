"""The patrol planner's machinery (:func:`core.schedule.plan_patrols`): each day's candidate starts,
the spacing of starts, the risk-weighted draws and the units' timelines.

Built for speed with the same plans: a year of 100 hotspots books some 110,000 visits one after
another (each visit depends on the ones booked before it), so each booking is a handful of small
numpy calls and list operations, and everything shared by hotspots or days is computed once.
"""

import bisect
import datetime

import numpy as np

from .temporal import hour_of_week

_UTC = datetime.timezone.utc
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=_UTC)
_MICROSECOND = datetime.timedelta(microseconds=1)
_DAY = 86_400_000_000  # microseconds
_NEVER = 1 << 80  # microseconds: after any instant a datetime holds
_bisect, _bisect_left, _insort = bisect.bisect_right, bisect.bisect_left, bisect.insort_right
_NO_VISITS = ((), ())
# p.sum() and p.cumsum() (of a 1-d array) without the methods' Python wrappers.
_sum, _cumsum = np.add.reduce, np.add.accumulate
# The distance from a draw's interval ends, relative to the total, beyond which choice's sums agree (class Draws);
# the totals between which that distance is a normal number.
_MARGIN, _TINY, _HUGE = 1e-9, 1e-280, 1e280


class Days:
    """Possible starts on each patrol day, and the number of each among all days' starts.

    For day ``d``: ``local[d]`` the local minutes after its midnight (an array shared by the days
    with equal minutes), ``utc_us[d]`` their UTC instants in microseconds since the epoch (a list),
    ``pattern[d]`` the index in ``hours`` of their hours of the week (shared by the days with equal
    minutes on the same weekday) and ``first[d]`` the number of its first start. By number,
    ``starts`` lists the starts as aware datetimes in the time zone, ``all_utc_us`` and ``all_hours``
    their instants and hours of the week (arrays).
    """

    def __init__(self, days, shifts, patrol_minutes, resolution, zone, progress=None):
        minutes = set()
        for start, end in shifts:
            minutes.update(range(start, end - patrol_minutes + 1, resolution))
        minutes = sorted(minutes)
        offsets = [datetime.timedelta(minutes=minute) for minute in minutes]
        self.local, self.utc_us, self.pattern, self.first, self.hours, self.starts = [], [], [], [], [], []
        arrays, patterns = {}, {}
        for day_index, day in enumerate(days):
            midnight = datetime.datetime.combine(day, datetime.time())
            walls = [midnight + offset for offset in offsets]  # wall-clock times
            instants = [wall.replace(tzinfo=zone, fold=0).astimezone(_UTC) for wall in walls]
            starts = [instant.astimezone(zone) for instant in instants]
            exist = [start.replace(tzinfo=None) == wall for start, wall in zip(starts, walls)]
            local = minutes
            if not all(exist):  # the spring-forward gap: these wall-clock times do not exist
                local, instants, starts = ([value for value, kept in zip(values, exist) if kept]
                                           for values in (minutes, instants, starts))
            self.first.append(len(self.starts))
            self.starts += starts
            utc_us = [(instant - _EPOCH) // _MICROSECOND for instant in instants]
            array = np.array(local, dtype=np.int64)
            array = arrays.setdefault(array.tobytes(), array)
            # A day's hours of the week follow from its weekday and its minutes.
            key = (id(array), day.weekday())
            if key not in patterns:
                patterns[key] = len(self.hours)
                self.hours.append(hour_of_week(np.datetime64(midnight, "s") + array * np.timedelta64(60, "s")))
            self.local.append(array)
            self.utc_us.append(utc_us)
            self.pattern.append(patterns[key])
            if progress is not None and day_index % 30 == 29:
                progress((day_index + 1) / len(days))
        self.all_utc_us = np.array([us for day_us in self.utc_us for us in day_us], dtype=np.int64)
        self.all_hours = np.concatenate([self.hours[pattern] for pattern in self.pattern])

    def ends(self, numbers, duration, zone):
        """The ends of visits of ``duration`` microseconds from the starts ``numbers`` (an array): aware
        datetimes in ``zone``."""
        return [(_EPOCH + datetime.timedelta(microseconds=end)).astimezone(zone)
                for end in (self.all_utc_us[numbers] + duration).tolist()]


class Spacing:
    """Masks of the candidates apart from a start, made once per array of candidates (shared by days): a
    mask for a start at each candidate, by the candidate's index. A mask is 1.0 where a candidate is
    allowed and 0.0 where not: a factor of the weights (a product of floats is quicker than with bools)."""

    def __init__(self, gap, guard):
        self.gap, self.guard, self.tables, self.others = gap, guard, {}, {}

    def table(self, local):
        """Masks for a start at each of the candidates ``local``, by its index: the candidates at least
        ``gap`` minutes from it (a start on the same day), and those more than ``guard`` minutes from the
        same clock time (a start on the previous patrol day)."""
        table = self.tables.get(id(local))
        if table is None:
            apart = local[np.newaxis, :] - local[:, np.newaxis]  # row: the start; column: a candidate
            # The same clock time as yesterday, seen from today: compare within the day.
            table = self.tables[id(local)] = (list((np.abs(apart) >= self.gap).astype(float)),
                                              list(self._repeat_mask(apart)))
        return table

    def repeat(self, local, minute):
        """The mask of a start at ``minute`` on the previous patrol day whose candidates were not ``local``
        (a day next to a change of clocks)."""
        key = (id(local), minute)
        if key not in self.others:
            self.others[key] = self._repeat_mask(local - minute)
        return self.others[key]

    def _repeat_mask(self, apart):
        """1.0 where a candidate ``apart`` minutes after a start on the previous patrol day is more than
        ``guard`` minutes from its clock time, else 0.0."""
        return (np.abs((apart + 720) % 1440 - 720) > self.guard).astype(float)


def any_allowed(size, masks):
    """Whether any of ``size`` candidates is allowed by all the ``masks`` (:class:`Spacing`)."""
    allowed = np.ones(size, dtype=bool)
    for mask in masks:
        allowed &= mask != 0
    return bool(allowed.any())


class Draws:
    """Risk-weighted draws of starts: the index ``rng.choice(p.size, p=p / p.sum())`` would draw.

    When every risk is finite and not negative, the index is found as ``Generator.choice`` finds it,
    without its checks: the inverse of the cumulative distribution at a uniform draw, the uniforms
    fetched a batch at a time (the planner's generator draws nothing else). Other risks go to
    ``Generator.choice``, which refuses them.

    ``Generator.choice`` divides ``p`` by its sum, sums cumulatively and divides by the last sum: three
    passes over ``p`` that round. The draw here first inverts the plain cumulative sum of ``p`` (one numpy
    call, not four), whose rounding errors, like choice's, are below ``len(p)`` times the machine epsilon
    relative to the total (about 1e-13 for a day's 576 starts at most). When the uniform falls more than
    ``_MARGIN`` (1e-9) of the total from both ends of the interval it picked, choice's sums pick the same
    interval; only closer than that (a chance of about 2 in 10**9 a draw), or when the total is too small
    or too large for that margin, are choice's sums computed.
    """

    def __init__(self, rng, risk, attempts):
        self.rng, self.attempts, self.uniforms = rng, attempts, iter(())
        with np.errstate(over="ignore"):
            self.checked = not (np.isfinite(risk).all() and (risk >= 0).all() and np.isfinite(risk.sum()))

    @property
    def masked(self):
        """``masked(weights, mask)``: ``weights`` where the mask (:class:`Spacing`) is 1, else 0 (a new array)."""
        return _where if self.checked else np.multiply

    def index(self, p):
        """The index drawn with probabilities ``p / p.sum()``, or None when ``p`` sums to 0 (no draw)."""
        if self.checked:
            total = _sum(p)
            return None if total <= 0 else int(self.rng.choice(p.size, p=p / total))
        cumulative = _cumsum(p)
        total = cumulative.item(-1) if p.size else 0.0
        if total <= 0:  # all zero (the weights are not negative)
            return None
        uniform = next(self.uniforms, None)
        if uniform is None:
            self.uniforms = iter(self.rng.random(1024).tolist())
            uniform = next(self.uniforms)
        if _TINY < total < _HUGE:
            target, margin = uniform * total, _MARGIN * total
            k = int(cumulative.searchsorted(target, "right"))
            if (k < p.size and cumulative.item(k) - target > margin
                    and (k == 0 or target - cumulative.item(k - 1) > margin)):
                return k
        cumulative = _cumsum(np.divide(p, _sum(p)))  # as Generator.choice sums
        cumulative /= cumulative[-1]
        return int(cumulative.searchsorted(uniform, "right"))

    def book(self, p, utc_us, duration, units, hotspot):
        """Draw starts with weights ``p`` (left as they are) until a unit can take one; (candidate index,
        unit) or None."""
        copied = False
        for _ in range(self.attempts):
            k = self.index(p)
            if k is None:
                return None
            start = utc_us[k]
            unit = units.book(hotspot, start, start + duration)
            if unit is not None:
                return k, unit
            if not copied:
                p, copied = p.copy(), True
            p[k] = 0.0
        return None


def _where(weights, mask):
    return np.where(mask != 0, weights, 0.0)  # inf or nan weights where the mask is 0: 0, not nan


class Units:
    """Each unit's visits in time order, a list per UTC day (inserts into short lists are quick): for each
    unit, its days with visits in order and, for each such day, the starts of its visits and their ends
    and hotspots (times in microseconds since the epoch)."""

    def __init__(self, count, x, y, speed):
        self.days, self.visits = [[] for _ in range(count)], [{} for _ in range(count)]
        # (visits booked, unit), fewest first: the first unit in this order that can take a visit
        # is the least busy one that can, the lowest numbered among equals.
        self.by_load = [(0, unit) for unit in range(count)]
        self.x, self.y, self.speed = x, y, speed
        self.travelling_to, self.travel_from = None, {}

    def book(self, hotspot, start, end):
        """Book the visit to the least busy unit with time to travel from and to its visits; that unit or None."""
        if hotspot != self.travelling_to:
            self.travelling_to, self.travel_from = hotspot, {}
        travel_from, visits, day = self.travel_from, self.visits, start // _DAY
        for position, (load, unit) in enumerate(self.by_load):
            starts, ends_and_hotspots = visits[unit].get(day, _NO_VISITS)
            after = _bisect(starts, start)
            end_before, other = ends_and_hotspots[after - 1] if after else self._last_before(unit, day, hotspot)
            if end_before > start:  # still on the visit before (no need to look up the travel)
                continue
            travel = travel_from.get(other)
            if end_before + (self._travel(other) if travel is None else travel) > start:
                continue
            if after < len(starts):
                start_after, other = starts[after], ends_and_hotspots[after][1]
            else:
                start_after, other = self._first_after(unit, day, hotspot)
            if end > start_after:  # the visit after starts before this one ends
                continue
            travel = travel_from.get(other)
            if end + (self._travel(other) if travel is None else travel) > start_after:
                continue
            if not starts:  # the unit's first visit that day
                starts, ends_and_hotspots = visits[unit][day] = [], []
                _insort(self.days[unit], day)
            starts.insert(after, start)
            ends_and_hotspots.insert(after, (end, hotspot))
            del self.by_load[position]
            _insort(self.by_load, (load + 1, unit))
            return unit
        return None

    def _last_before(self, unit, day, hotspot):
        """(end, hotspot) of the unit's last visit on a day before ``day``; with none, a visit at ``hotspot``
        that ended long ago."""
        days = self.days[unit]
        earlier = _bisect_left(days, day)
        return self.visits[unit][days[earlier - 1]][1][-1] if earlier else (-_NEVER, hotspot)

    def _first_after(self, unit, day, hotspot):
        """(start, hotspot) of the unit's first visit on a day after ``day``; with none, a visit at
        ``hotspot`` that starts long after."""
        days = self.days[unit]
        later = _bisect(days, day)
        if later == len(days):
            return _NEVER, hotspot
        starts, ends_and_hotspots = self.visits[unit][days[later]]
        return starts[0], ends_and_hotspots[0][1]

    def _travel(self, other):
        """Microseconds of travel between ``other`` and the hotspot being booked (either way: the same)."""
        here = self.travelling_to
        distance = float(np.hypot(self.x[here] - self.x[other], self.y[here] - self.y[other]))
        travel = self.travel_from[other] = datetime.timedelta(minutes=distance / self.speed) // _MICROSECOND
        return travel
