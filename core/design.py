"""Which days each hotspot is patrolled: staggered on/off cycles, or randomised place-days.

A plan's days are cut into blocks of ``days_on + days_off`` consecutive days counted from its first
day. Two designs say on which days of its blocks each hotspot is to be patrolled:

* **cycles** (:func:`cycle_days`): each hotspot patrols the first ``days_on`` days of its own cycle,
  the cycles of the hotspots staggered so that the daily workload is even. The Southend pilot's
  design; a hotspot patrolled on Mondays in one block is patrolled on the same days of the cycle in
  every block, so patrol days and rest days can line up with weekly rhythms (weekends, paydays).
* **randomised** (:func:`randomised_days`): each hotspot patrols ``days_on`` days of each block
  chosen at random, balanced over the weekdays. Every place-day has the same chance of patrol and
  the chance owes nothing to the calendar, so crime on assigned place-days can be compared with
  crime on the others as a randomised experiment analysed by intention to treat: by assignment,
  whatever the visits that were made (Sherman and Weisburd 1995 randomised places; this design
  randomises place-days within places).

References
----------
Cox, L. H. (1987). A constructive procedure for unbiased controlled rounding. Journal of the
    American Statistical Association 82(398), 520-524.
Gandhi, R., Khuller, S., Parthasarathy, S. and Srinivasan, A. (2006). Dependent rounding and its
    applications to approximation algorithms. Journal of the ACM 53(3), 324-360.
Sherman, L. W. and Weisburd, D. (1995). General deterrent effects of police patrol in crime
    "hot spots": a randomized, controlled trial. Justice Quarterly 12(4), 625-648.
"""

import numpy as np

from .errors import InputError

#: The design of :func:`cycle_days`.
CYCLES = "cycles"
#: The design of :func:`randomised_days`.
RANDOMISED = "randomised"
DESIGNS = (CYCLES, RANDOMISED)
WEEK = 7


def cycle_days(n_hotspots, days, days_on, days_off, order=None):
    """Patrol days on staggered cycles of ``days_on`` patrol days and ``days_off`` rest days.

    The hotspot at position ``k`` of ``order`` starts its cycle ``k * cycle // n_hotspots`` days
    early (``cycle = days_on + days_off``), so that the phases spread evenly over the cycle and about
    the same number of hotspots is patrolled each day.

    Parameters
    ----------
    n_hotspots, days : int
        The hotspots and the plan's days.
    days_on, days_off : int
        Patrol days in a row (at least 1) and rest days in a row (0 or more).
    order : sequence of int, optional
        The hotspots (indices ``0 .. n_hotspots - 1``) in the order their phases are given; by default
        their own order.

    Returns
    -------
    ndarray of bool, shape (n_hotspots, days)
        True on each hotspot's patrol days (day 0 is the plan's first day).

    Examples
    --------
    >>> cycle_days(2, 6, 2, 2).astype(int)
    array([[1, 1, 0, 0, 1, 1],
           [0, 0, 1, 1, 0, 0]])
    """
    _check(n_hotspots, days, days_on, days_off)
    cycle = days_on + days_off
    order = range(n_hotspots) if order is None else order
    assigned = np.zeros((n_hotspots, days), dtype=bool)
    day_numbers = np.arange(days)
    for position, hotspot in enumerate(order):
        phase = (position * cycle) // max(n_hotspots, 1)
        assigned[hotspot] = (day_numbers + phase) % cycle < days_on
    return assigned


def randomised_days(n_hotspots, days, days_on, days_off, first_weekday, seed=0):
    """Patrol days drawn at random within blocks, balanced over the weekdays.

    Days are cut into blocks of ``L = days_on + days_off`` days and blocks into spans of 7 blocks
    (``7 L`` days, in which each weekday occurs ``L`` times), all counted from the first day. Within
    a span, the days of each (block, weekday) cell are given a share ``days_on / L`` of patrol days;
    these fractional counts are rounded to whole days at random by dependent rounding on the
    bipartite graph of blocks and weekdays (Cox 1987; Gandhi et al. 2006), which keeps every
    block's and every weekday's total to its value rounded down or up and every cell's expected
    count to its share; a cell of two days of the same weekday (blocks longer than a week) then
    takes its count of them at random.

    For each hotspot this guarantees:

    * every whole block holds exactly ``days_on`` patrol days; a last block cut short to ``r`` days
      holds ``floor(days_on r / L)`` or ``ceil(days_on r / L)``;
    * every whole span of 7 blocks holds exactly ``days_on`` patrol days on each weekday;
    * over the whole plan, each weekday holds ``floor(s)`` or ``ceil(s)`` patrol days, where
      ``s = days_on / L`` times the plan's days of that weekday: within less than one day of its fair
      share (and the total, likewise, within less than one day of ``days_on / L`` of the days);
    * every day is a patrol day with probability exactly ``days_on / L``.

    The patrol days of a block need not be consecutive. Hotspots are drawn independently of each
    other, so the number patrolled on a day varies around ``n_hotspots * days_on / L`` (the cycles
    keep it even). With ``days_off = 0`` every day is a patrol day.

    Parameters
    ----------
    n_hotspots, days : int
        The hotspots and the plan's days.
    days_on, days_off : int
        Patrol days in each block (at least 1) and the block's other days (0 or more).
    first_weekday : int
        The weekday of the first day, Monday 0 to Sunday 6 (``datetime.date.weekday``).
    seed : int
        Hotspot ``k`` draws from ``numpy.random.default_rng(numpy.random.SeedSequence(seed,
        spawn_key=(k,)))``, a stream of its own: its days depend on nothing but ``k``, ``days``,
        ``days_on``, ``days_off``, ``first_weekday`` and ``seed`` (not on the other hotspots), and a
        longer plan keeps the days of every whole span of a shorter one.

    Returns
    -------
    ndarray of bool, shape (n_hotspots, days)
        True on each hotspot's patrol days (day 0 is the first day).

    Examples
    --------
    Two weeks of blocks of 1 patrol day and 1 rest day from a Monday: one day of each pair, and each
    weekday once.

    >>> assigned = randomised_days(1, 14, 1, 1, first_weekday=0, seed=3)[0]
    >>> assigned.reshape(7, 2).sum(axis=1).tolist()
    [1, 1, 1, 1, 1, 1, 1]
    >>> np.bincount(np.arange(14)[assigned] % 7, minlength=7).tolist()
    [1, 1, 1, 1, 1, 1, 1]
    """
    _check(n_hotspots, days, days_on, days_off)
    if int(first_weekday) != first_weekday or not 0 <= first_weekday < WEEK:
        raise InputError("The first day's weekday must be 0 (Monday) to 6 (Sunday).", setting="first_weekday")
    if int(seed) != seed or seed < 0:
        raise InputError("The seed must be a whole number, 0 or more.", setting="seed")
    block = days_on + days_off
    span = WEEK * block
    spans = [_span_cells(start, min(start + span, days), block, first_weekday)
             for start in range(0, days, span)]
    assigned = np.zeros((n_hotspots, days), dtype=bool)
    for hotspot in range(n_hotspots):
        draws = _Uniforms(np.random.default_rng(np.random.SeedSequence(int(seed), spawn_key=(hotspot,))))
        for cells in spans:
            counts = _rounded_counts(cells, days_on, block, draws)
            for cell_days, count in zip(cells["days"], counts):
                if 0 < count < len(cell_days):  # which of the cell's days: the count with the least draws
                    cell_days = cell_days[np.argsort(draws.take(len(cell_days)))[:count]]
                if count:
                    assigned[hotspot, cell_days] = True
    return assigned


def _check(n_hotspots, days, days_on, days_off):
    for value, least, setting, refusal in (
            (n_hotspots, 0, "n_hotspots", "The number of hotspots must be 0 or more."),
            (days, 1, "days", "A plan must cover at least 1 day."),
            (days_on, 1, "days_on", "A hotspot needs at least 1 patrol day in each block."),
            (days_off, 0, "days_off", "A hotspot's rest days in each block must be 0 or more.")):
        if int(value) != value or value < least:
            raise InputError(refusal, setting=setting)


def _span_cells(start, stop, block, first_weekday):
    """The (block, weekday) cells of the days ``start .. stop - 1``: their rows (block within the span),
    columns (weekday) and days."""
    cells = {}
    for day in range(start, stop):
        cells.setdefault(((day - start) // block, (first_weekday + day) % WEEK), []).append(day)
    keys = sorted(cells)
    return {"rows": [row for row, _ in keys], "columns": [column for _, column in keys],
            "days": [np.array(cells[key]) for key in keys]}


class _Uniforms:
    """Uniform draws in [0, 1) from ``rng``, fetched a batch at a time: one numpy call per batch, not
    one per draw (the rounding makes thousands of small random choices per hotspot)."""

    def __init__(self, rng, batch=1024):
        self.rng, self.batch = rng, batch
        self.values, self.used = np.empty(0), 0

    def take(self, count):
        if self.used + count > self.values.size:
            self.values = np.concatenate([self.values[self.used:], self.rng.random(max(self.batch, count))])
            self.used = 0
        self.used += count
        return self.values[self.used - count:self.used]

    def index(self, count):
        """A whole number drawn uniformly from 0 to ``count - 1``."""
        return int(self.take(1)[0] * count)


def _rounded_counts(cells, days_on, block, draws):
    """Each cell's patrol days: its share ``days_on * size / block`` rounded down or up at random, with
    every row's and every column's total its own total rounded down or up, and the expected count of
    every cell its share (dependent rounding, in whole units of ``1 / block``)."""
    sizes = np.array([len(cell_days) for cell_days in cells["days"]])
    whole, fraction = np.divmod(sizes * days_on, block)
    # Rows and columns are the vertices of a bipartite graph; each cell with a fraction is an edge.
    rows = len(set(cells["rows"]))
    ends = [(row, rows + column) for row, column in zip(cells["rows"], cells["columns"])]
    open_edges = {}
    for edge in np.flatnonzero(fraction):
        for vertex in ends[edge]:
            open_edges.setdefault(vertex, []).append(int(edge))
    while open_edges:
        walk = _cycle_or_maximal_path(open_edges, ends, draws)
        up_edges, down_edges = walk[0::2], walk[1::2]
        # ``rise``: how far the up edges can rise (and the down edges fall) before one reaches 0 or
        # ``block``; ``fall``: the other way. Rising with probability fall / (rise + fall) keeps
        # every fraction's expectation; alternating around a cycle or along a path keeps every
        # vertex's total, but for the ends of a path, which have no other open edge.
        rise = min([block - fraction[e] for e in up_edges] + [fraction[e] for e in down_edges])
        fall = min([fraction[e] for e in up_edges] + [block - fraction[e] for e in down_edges])
        step = rise if draws.take(1)[0] * (rise + fall) < fall else -fall
        fraction[up_edges] += step
        fraction[down_edges] -= step
        for edge in walk:
            if fraction[edge] in (0, block):
                for vertex in ends[edge]:
                    open_edges[vertex].remove(edge)
                    if not open_edges[vertex]:
                        del open_edges[vertex]
    return whole + fraction // block


def _cycle_or_maximal_path(open_edges, ends, draws):
    """Edges (indices) of a cycle, or of a path whose two ends each have no other open edge, in the
    graph of the open edges: a random walk from a random vertex with one open edge when there is one,
    else from any. Random, so that no two cells are always rounded together (in a week-long block
    the walk would otherwise pair Monday with Tuesday, Wednesday with Thursday, ...)."""
    leaves = [vertex for vertex, edges in open_edges.items() if len(edges) == 1]
    starts = leaves or list(open_edges)
    vertex = starts[draws.index(len(starts))]
    reached = {vertex: 0}
    walk, came_by = [], None
    while True:
        onward = [edge for edge in open_edges[vertex] if edge != came_by]
        if not onward:
            return walk
        edge = onward[draws.index(len(onward))] if len(onward) > 1 else onward[0]
        walk.append(edge)
        first, second = ends[edge]
        vertex = second if vertex == first else first
        if vertex in reached:
            return walk[reached[vertex]:]
        reached[vertex] = len(walk)
        came_by = edge
