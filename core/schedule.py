"""Patrol plans: sporadic, risk-weighted short visits to hotspots, feasible for the units on duty.

The plan follows the Southend pilot's method: each hotspot is patrolled on
runs of ``days_on`` patrol days separated by ``days_off`` rest days (phases
staggered between hotspots so the daily workload is even), or, with the
randomised design, on ``days_on`` days drawn at random in each block of
``days_on + days_off`` days, balanced over the weekdays (core/design.py); on a
patrol day it gets ``visits_per_day`` visits of ``patrol_minutes`` minutes whose
start times are drawn at random inside the shift windows, weighted by the hotspot's
hour-of-week risk, at least ``min_gap`` minutes apart, and never within
``REPEAT_GUARD`` minutes of a start at the same hotspot on its previous patrol
day, so that no pattern repeats.  Visits are booked to units that can reach
them: a unit is never in two visits at once and has time to travel between
consecutive visits in a straight line at ``speed_kmh``.  Hotspots are booked in
rank order, so when capacity runs out the lowest-ranked lose visits first.

Times are local wall-clock times in an IANA time zone.  A start that does not
exist (the spring-forward hour) is never drawn; an ambiguous one (the autumn
hour) is taken at its first occurrence.  A visit lasts ``patrol_minutes`` of
real time.  A visit's date is its patrol day: the day on which its shift
window opened.  A plan spans at most ``MAX_DAYS`` (3,660) days, about 10 years.

References
----------
Koper, C. S. (1995). Just enough police presence: reducing crime and
    disorderly behavior by optimizing patrol time in crime hot spots. Justice
    Quarterly 12(4), 649-672.
Sherman, L. W. and Weisburd, D. (1995). General deterrent effects of police
    patrol in crime "hot spots". Justice Quarterly 12(4), 625-648.
"""

import dataclasses
import datetime
import itertools
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np

from .design import CYCLES, DESIGNS, RANDOMISED, cycle_days, randomised_days
from .errors import InputError
from .plan_booking import Days, Draws, Spacing, Units, any_allowed
from .progress import report
from .safe_text import ics_fold, ics_text
from .temporal import HOURS_PER_WEEK

#: Day, evening and night shifts: the planner's and the panel's default SHIFTS.
DEFAULT_SHIFTS = "08:00-14:00,14:00-22:00,22:00-02:00"
RESOLUTION_MINUTES = 5
# The longest plan: 3,660 days, about 10 years. A plan holds every candidate start of every day in
# memory (DAYS=100000 ran for minutes and took 2.6 GB); ten years is more than any patrol plan needs.
MAX_DAYS = 3660
# Share of the progress spent finding each day's candidate starts (the rest: booking the hotspots).
_CANDIDATES_SHARE = 0.2
REPEAT_GUARD = 30
ATTEMPTS = 25
#: The reason of a visit dropped because no unit could take it.
CAPACITY = "capacity"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_UTC = datetime.timezone.utc
_MICROSECOND = datetime.timedelta(microseconds=1)
_WINDOW = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
# The settings of :class:`PlanSettings` that have a least value: the setting, that value, and the refusal.
_LEAST_SETTINGS = (
    ("days", 1, "A plan must cover at least 1 day."),
    ("patrol_minutes", 1, "A visit must last at least 1 minute."),
    ("visits_per_day", 1, "Each hotspot needs at least 1 visit on each of its patrol days."),
    ("days_on", 1, "A hotspot's runs of patrol days must be at least 1 day long."),
    ("days_off", 0, "A hotspot's rest days between its runs of patrol days must be 0 or more."),
    ("units", 1, "At least 1 unit must be on duty."),
    ("min_gap", 0, "The minutes between the starts of two visits to one hotspot on one day must be 0 or more."),
)


def parse_shifts(text):
    """Shift windows such as ``08:00-14:00,22:00-02:00`` as (start, end) minutes after midnight.

    A window whose end is not after its start crosses midnight: its end is
    moved to the next day (``22:00-02:00`` is (1320, 1560)).
    """
    windows = []
    for part in str(text).split(","):
        if not part.strip():
            continue
        match = _WINDOW.match(part)
        if not match:
            raise InputError(f"Cannot read the shift window '{part.strip()}': write HH:MM-HH:MM, "
                             "e.g. 08:00-14:00,22:00-02:00.", setting="shifts")
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
            raise InputError(f"The shift window '{part.strip()}' has an impossible time.", setting="shifts")
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if end <= start:
            end += 24 * 60
        windows.append((start, end))
    if not windows:
        raise InputError("Give at least one shift window, e.g. 08:00-22:00.", setting="shifts")
    return windows


def time_zone(name):
    """The tzinfo for an IANA name (a ``ZoneInfo``), or ``name`` itself when it is already a tzinfo.

    InputError with the fix when the name or the time-zone data is missing.
    """
    if isinstance(name, datetime.tzinfo):
        return name
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"Unknown time zone '{name}': use an IANA name such as Europe/London or "
                         "America/Chicago (on Windows, Python's tzdata package provides them).") from None


@dataclass
class PlanSettings:
    """What a plan needs besides the hotspots; defaults are the pilot's."""

    first_day: datetime.date
    days: int = 28
    timezone: object = "Europe/London"  # an IANA name or a datetime.tzinfo
    shifts: list = field(default_factory=lambda: [(8 * 60, 22 * 60)])
    patrol_minutes: int = 15
    visits_per_day: int = 1
    days_on: int = 3
    days_off: int = 3
    units: int = 2
    speed_kmh: float = 20.0
    min_gap: int = 120
    max_minutes_per_week: float = None
    seed: int = 0
    design: str = CYCLES  # or RANDOMISED: which days each hotspot is patrolled

    def check(self):
        """InputError saying the fix, with the ``setting`` at fault, when a setting is out of bounds;
        ``days`` is at most :data:`MAX_DAYS` (3,660, about 10 years)."""
        for name, least, refusal in _LEAST_SETTINGS:
            if getattr(self, name) < least:
                raise InputError(refusal, setting=name)
        if self.days > MAX_DAYS:
            raise InputError(f"A plan of {self.days:,} days is more than the {MAX_DAYS:,} days (about 10 years) a "
                             "plan may span: plan a shorter period, e.g. a year (365 days), and make the next plan "
                             "when it ends.", setting="days")
        if self.design not in DESIGNS:
            raise InputError(f"Unknown patrol-day design '{self.design}': use {' or '.join(DESIGNS)}.",
                             setting="design")
        if self.speed_kmh <= 0:
            raise InputError("The travel speed must be more than 0 km/h.", setting="speed_kmh")
        longest = max((end - start for start, end in self.shifts), default=0)
        if longest < self.patrol_minutes:
            raise InputError(f"No shift window is long enough for a {self.patrol_minutes}-minute patrol: the "
                             f"longest lasts {longest} minutes. Lengthen a shift window or shorten the visits.",
                             setting=("shifts", "patrol_minutes"))


@dataclass
class Plan:
    """Planned visits (dicts, in start order), the visits that could not be booked, and the design:
    ``assigned[i, k]`` is true when hotspot ``hotspot_ids[i]`` was assigned to patrol on ``days[k]``,
    whether or not any of its visits that day could be booked."""

    visits: list
    dropped: list
    hotspot_ids: list
    days: list
    assigned: np.ndarray

    def assigned_days_without_visit(self):
        """The assigned hotspot-days on which no visit was booked (every visit of the day dropped)."""
        visited = {(visit["hotspot_id"], visit["date"]) for visit in self.visits}
        return sum((hotspot_id, day) not in visited for i, hotspot_id in enumerate(self.hotspot_ids)
                   for day, assigned in zip(self.days, self.assigned[i]) if assigned)


def plan_patrols(hotspot_ids, ranks, x, y, settings, risk=None, progress=None):
    """Plan the visits.

    Parameters
    ----------
    hotspot_ids, ranks : sequences
        One per hotspot; rank 1 is the highest priority.
    x, y : array_like
        The places to visit, in metres.
    settings : PlanSettings
    risk : array_like, shape (n_hotspots, 168), optional
        Relative risk by hour of the week (Monday 00:00 first).  When None,
        starts are drawn uniformly over the shift minutes and each visit's
        ``risk`` is None: no risk was known, so none is reported.

    Each hotspot's patrol days are those of ``settings.design``: the staggered cycles of
    :func:`core.design.cycle_days` (phases in rank order), or :func:`core.design.randomised_days`
    with ``settings.seed`` (hotspots in the order given). Either way each patrol day gets its visits
    in the same way, from one generator ``numpy.random.default_rng(settings.seed)``.

    Returns
    -------
    Plan
        ``assigned``: each hotspot's patrol days, one row per hotspot in the order given.
        Each visit: ``hotspot_id``, ``rank``, ``unit`` (1 ..), ``date`` (patrol day),
        ``weekday``, ``start`` and ``end`` (aware datetimes in the time zone),
        ``minutes`` and ``risk`` (the relative risk of the chosen start hour, None without ``risk``).
        Each dropped visit: ``hotspot_id``, ``rank``, ``date`` and ``reason``.
    """
    settings.check()
    zone = time_zone(settings.timezone)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = x.size
    risk_weighted = risk is not None
    risk = np.ones((n, HOURS_PER_WEEK)) if risk is None else np.asarray(risk, dtype=float)
    if risk.shape != (n, HOURS_PER_WEEK):
        raise InputError("risk must have one row of 168 hours per hotspot.")
    rng = np.random.default_rng(settings.seed)
    days = [settings.first_day + datetime.timedelta(days=k) for k in range(settings.days)]
    table = Days(days, settings.shifts, settings.patrol_minutes, RESOLUTION_MINUTES, zone,
                 lambda fraction: report(progress, _CANDIDATES_SHARE * fraction))
    order = sorted(range(n), key=lambda i: (ranks[i], str(hotspot_ids[i])))
    assigned = (randomised_days(n, settings.days, settings.days_on, settings.days_off, settings.first_day.weekday(),
                                settings.seed)
                if settings.design == RANDOMISED else
                cycle_days(n, settings.days, settings.days_on, settings.days_off, order=order))
    units = Units(settings.units, x, y, settings.speed_kmh * 1000.0 / 60.0)  # metres per minute
    booking = _Booking(settings, table, units, Draws(rng, risk, ATTEMPTS))
    dropped = []
    for position, i in enumerate(order):
        for day_index, reason in booking.hotspot(i, risk[i], np.flatnonzero(assigned[i]).tolist()):
            dropped.append(_dropped(hotspot_ids[i], ranks[i], days[day_index], reason))
        report(progress, _CANDIDATES_SHARE + (1 - _CANDIDATES_SHARE) * (position + 1) / max(n, 1))
    visits = booking.visits(hotspot_ids, ranks, days, zone, risk if risk_weighted else None)
    return Plan(visits, dropped, list(hotspot_ids), days, assigned)


def units_for_every_visit(hotspot_ids, ranks, x, y, settings, risk=None, progress=None):
    """The fewest units on duty, at least ``settings.units``, whose plan drops no visit for capacity.

    Computed, not estimated: counts of units are planned by :func:`plan_patrols` with every other
    setting unchanged (the seed too), so the answer follows the planner's own rules (shift windows,
    gaps, travel between visits, the random risk-weighted starts). The counts tried double until a plan
    drops nothing, then halve the gap, so a force short of many units costs a few plans, not one per
    unit. The count returned is verified both ways: its plan drops no visit for capacity and the plan
    with one unit fewer does. (More units almost always drop less; where the random starts make that
    not so, a smaller count may exist below one that fails.)

    Parameters
    ----------
    hotspot_ids, ranks, x, y, settings, risk
        As for :func:`plan_patrols`.
    progress : callable, optional
        As for :func:`plan_patrols`. How many plans are needed is not known beforehand, so each plan
        reports in a band half as wide as the one before.

    Returns
    -------
    int or None
        None when more units would not help: a plan still drops visits for capacity while one of its
        units has no visit, so those visits found no free start with any risk (starts are drawn only
        where the risk is above zero), not no free unit. The search always ends: with more units than
        the plan has visits, one of them is idle.

    Examples
    --------
    Three hotspots side by side, each visited for 60 minutes in a single one-hour shift:

    >>> settings = PlanSettings(first_day=datetime.date(2024, 6, 3), days=1, shifts=[(480, 540)],
    ...                         patrol_minutes=60, days_off=0, units=1)
    >>> units_for_every_visit(["a", "b", "c"], [1, 2, 3], [0, 0, 0], [0, 0, 0], settings)
    3
    """
    bands = (0.5 ** trial for trial in itertools.count())

    def outcome(units):
        """'fits' (nothing dropped for capacity), 'idle' (drops, yet a unit has no visit) or 'short'."""
        band = next(bands)
        plan = plan_patrols(hotspot_ids, ranks, x, y, dataclasses.replace(settings, units=units), risk=risk,
                            progress=None if progress is None else
                            lambda fraction: progress(1 - band + fraction * band / 2))
        if not any(drop["reason"] == CAPACITY for drop in plan.dropped):
            return "fits"
        return "idle" if len({visit["unit"] for visit in plan.visits}) < units else "short"

    first = outcome(settings.units)
    if first != "short":
        return settings.units if first == "fits" else None
    short, step = settings.units, 1
    while True:  # doubling: ends once there are more units than visits (one is then idle)
        tried = outcome(short + step)
        if tried == "fits":
            enough = short + step
            break
        if tried == "idle":
            return None
        short, step = short + step, step * 2
    while enough - short > 1:  # halving, keeping: ``enough`` fits, ``short`` does not
        middle = (short + enough) // 2
        if outcome(middle) == "fits":
            enough = middle
        else:
            short = middle
    return enough


class _Booking:
    """Books the visits hotspot after hotspot, kept as numbers until the plan is complete: hotspot,
    day index, start's number (:class:`Days`) and unit of each visit in turn, in one list."""

    def __init__(self, settings, table, units, draws):
        self.settings, self.table, self.units, self.draws = settings, table, units, draws
        self.spacing = Spacing(max(settings.min_gap, settings.patrol_minutes), REPEAT_GUARD)
        self.duration = datetime.timedelta(minutes=settings.patrol_minutes) // _MICROSECOND
        self.first_weekday = settings.first_day.weekday()
        self.later = range(settings.visits_per_day - 1, -1, -1)
        # What a hotspot's day needs: its candidates and their UTC instants, the number of the first, the
        # pattern of their hours and the masks of starts on that day and on the day before.
        self.days = [(local, utc_us, first, pattern, *self.spacing.table(local))
                     for local, utc_us, first, pattern in zip(table.local, table.utc_us, table.first, table.pattern)]
        self.booked = []

    def hotspot(self, i, risk, day_indices):
        """Book hotspot ``i`` (hour-of-week ``risk``) on its patrol days; (day index, reason) per visit dropped."""
        table, spacing, draws, units, duration = self.table, self.spacing, self.draws, self.units, self.duration
        masked, book, record = draws.masked, draws.book, self.booked.extend
        cap, minutes = self.settings.max_minutes_per_week, self.settings.patrol_minutes
        weights_of, weekly_minutes, dropped = {}, {}, []
        yesterday, yesterday_local = [], None  # the previous patrol day's starts (indices) and candidates
        for day_index in day_indices:
            local, utc_us, first, pattern, gap_masks, repeat_masks = self.days[day_index]
            weights = weights_of.get(pattern)
            if weights is None:
                weights = weights_of[pattern] = risk[table.hours[pattern]]
            masks = ([repeat_masks[k] for k in yesterday] if yesterday_local is local else
                     [spacing.repeat(local, int(yesterday_local[k])) for k in yesterday])
            for mask in masks:
                weights = masked(weights, mask)
            week = (day_index + self.first_weekday) // 7
            today = []
            for later in self.later:  # the visits still to book after this one
                if cap is not None and weekly_minutes.get(week, 0) + minutes > cap:
                    dropped.append((day_index, "weekly cap"))
                    continue
                booked = book(weights, utc_us, duration, units, i)
                if booked is None:
                    free = any_allowed(local.size, masks + [gap_masks[k] for k in today])
                    dropped.append((day_index, CAPACITY if free else "no free time in the shifts"))
                    continue
                k, unit = booked
                today.append(k)
                if later:
                    weights = masked(weights, gap_masks[k])
                if cap is not None:
                    weekly_minutes[week] = weekly_minutes.get(week, 0) + minutes
                record((i, day_index, first + k, unit))
            if today:
                yesterday, yesterday_local = today, local
        return dropped

    def visits(self, hotspot_ids, ranks, days, zone, risk):
        """The visits booked as dicts, in start order (UTC instants order aware starts alike), then unit."""
        table = self.table
        hotspot, day, number, unit = np.array(self.booked, dtype=np.int64).reshape(-1, 4).T
        used = np.unique(number)
        order = np.lexsort((unit, table.all_utc_us[number]))
        risks = risk[hotspot, table.all_hours[number]][order].tolist() if risk is not None else [None] * order.size
        hotspot, day, number, unit = (values[order].tolist() for values in (hotspot, day, number, unit))
        starts, ends = table.starts, dict(zip(used.tolist(), table.ends(used, self.duration, zone)))
        weekdays = [WEEKDAYS[day.weekday()] for day in days]
        minutes = self.settings.patrol_minutes
        return [{"hotspot_id": hotspot_ids[i], "rank": ranks[i], "unit": u + 1, "date": days[d], "weekday": weekdays[d],
                 "start": starts[g], "end": ends[g], "minutes": minutes, "risk": r, "visit_id": visit_id}
                for visit_id, (i, d, g, u, r) in enumerate(zip(hotspot, day, number, unit, risks), start=1)]


def _dropped(hotspot_id, rank, day, reason):
    return {"hotspot_id": hotspot_id, "rank": rank, "date": day, "reason": reason}


def to_ics(visits, location_of, calendar_name="Hotspot patrol plan", stamp=None):
    """An iCalendar (RFC 5545) text with one VEVENT per visit.

    ``location_of(visit)`` gives the LOCATION text (e.g. coordinates).  Times are
    written in UTC, which every calendar converts to the phone's local time.  Every
    text value is escaped (:func:`ics_text`: no value can break a line or start a
    property) and every content line is folded at 75 octets (:func:`ics_fold`);
    lines end with CR LF.
    """
    stamp = (stamp or datetime.datetime.now(_UTC)).astimezone(_UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hotspot Patrol//Patrol plan//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{ics_text(calendar_name)}"]
    for visit in visits:
        start = visit["start"].astimezone(_UTC).strftime("%Y%m%dT%H%M%SZ")
        end = visit["end"].astimezone(_UTC).strftime("%Y%m%dT%H%M%SZ")
        summary = "Patrol hotspot {} (unit {})".format(visit["hotspot_id"], visit["unit"])
        description = "{}-minute high-visibility patrol; hotspot rank {}".format(visit["minutes"], visit["rank"])
        lines += ["BEGIN:VEVENT",
                  "UID:hotspot-patrol-{}-{}@hotspot-patrol".format(visit["visit_id"], start),
                  f"DTSTAMP:{stamp}", f"DTSTART:{start}", f"DTEND:{end}",
                  f"SUMMARY:{ics_text(summary)}",
                  f"LOCATION:{ics_text(location_of(visit))}",
                  f"DESCRIPTION:{ics_text(description)}",
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines)
