"""Planning a patrol trial: the smallest drop in crime it can detect, and the days a given drop needs.

The planned trial patrols each hotspot on ``round(share * days)`` of ``days`` days and is analysed
within hotspots (:func:`.stratified.within_strata_test`: patrol days against the same hotspot's other
days).  :func:`history_rates` learns what that analysis will see from a history of crimes per hotspot
per day: each hotspot's daily rate and the overdispersion of the daily counts (a negative binomial
with hotspot-specific means and one dispersion ``k``: variance ``mu + mu**2 / k``).

:func:`plan_trial` answers with a simulation of the planned analysis: many trials drawn from the
negative binomial with patrol days' means multiplied by ``1 - d``, each analysed by the
within-hotspot test, and a bisection on ``d`` with common random numbers (every candidate ``d`` sees
the same draws, through the inverse distribution functions of fixed uniforms, so the estimated power
rises steadily with ``d``).  A normal approximation of the log rate ratio (quasi-Poisson critical
value, negative-binomial sampling spread) is the cross-check.

References
----------
Anscombe, F. J. (1950). Sampling theory of the negative binomial and logarithmic series
    distributions. Biometrika 37(3/4), 358-382.
Breslow, N. E. and Day, N. E. (1987). Statistical Methods in Cancer Research, Volume II: The Design
    and Analysis of Cohort Studies. IARC Scientific Publications 82. Lyon: IARC.
"""

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .errors import InputError
from .lazy_scipy import optimize, special, stats
from .progress import report
from .stratified import within_strata_test

MAX_DAYS = 3650  # ten years: a trial longer than this is not a plan
SIMULATIONS = 1000
_BISECTIONS = 14  # the drop found to within 1/2**14 of the whole range
_BLOCK_VALUES = 2_000_000  # hotspot-days drawn at once: bounds a simulation's memory
_CACHED_VALUES = 2_000_000  # patrol hotspot-days with crime kept between drops of one trial length


@dataclass(frozen=True)
class HistoryRates:
    """What a history of hotspot-day counts says about a trial's counts.

    Attributes
    ----------
    daily_rate : ndarray of float
        Each hotspot's crimes per day in the history.
    dispersion : float
        Negative-binomial ``k`` of the daily counts (variance ``mu + mu**2 / k``); infinity when the
        counts vary no more than Poisson counts would.
    days : int
        Days of history.
    """

    daily_rate: np.ndarray
    dispersion: float
    days: int


@dataclass(frozen=True)
class TrialPlan:
    """What a planned trial can detect.

    Attributes
    ----------
    hotspots, days, patrol_days : int
        Hotspots, trial days, and patrol days in each hotspot (``round(share * days)``).
    share_assigned : float
        ``patrol_days / days``.
    daily_rate : float
        Mean crimes per hotspot-day in the history.
    dispersion : float
        Negative-binomial ``k`` (infinity: Poisson).
    mde : float
        Minimum detectable effect by simulation: the smallest drop (a fraction; rate ratio ``1 - mde``)
        the test rejects with probability ``power``; NaN when not even a 100 % drop would be.
    mde_normal : float
        The same by the normal approximation (NaN when it finds none below a 99 % drop).
    null_rejection : float
        Share of simulated trials without any effect in which the test rejects: about ``alpha`` (the
        quasi-Poisson test allows for overdispersion; a share far from it says the test misbehaves).
    target_effect : float
        The drop ``days_for_target`` is for.
    days_for_target : int or None
        Trial days needed to detect ``target_effect`` with probability ``power``; None when even
        :data:`MAX_DAYS` days are not enough.
    """

    hotspots: int
    days: int
    patrol_days: int
    share_assigned: float
    daily_rate: float
    dispersion: float
    mde: float
    mde_normal: float
    null_rejection: float
    target_effect: float
    days_for_target: object


def history_rates(counts):
    """Each hotspot's daily rate and the negative-binomial dispersion of its daily counts.

    The dispersion is a method-of-moments estimate with hotspot-specific means (Anscombe 1950):
    ``1/k = sum_h (s2_h - m_h) / sum_h (m_h**2 - s2_h / D)``, where ``m_h`` and ``s2_h`` are the mean
    and the sample variance of hotspot ``h``'s ``D`` daily counts; both sums estimate the same
    things as ``sum mu_h**2 / k`` and ``sum mu_h**2`` without bias (``s2_h / D`` removes the
    variance of ``m_h`` from ``m_h**2``).  When the denominator is not positive (very sparse counts)
    ``sum m_h**2`` is used instead; no excess variance means Poisson counts (``k`` infinite).

    Parameters
    ----------
    counts : array_like of int, shape (hotspots, days)
        Crimes per hotspot per day over the history.

    Returns
    -------
    HistoryRates

    Raises
    ------
    InputError
        For counts that are not a table of whole numbers >= 0 with at least two days, or without any
        crime.

    Examples
    --------
    >>> rates = history_rates([[0, 1, 0, 1], [2, 2, 2, 2]])
    >>> rates.daily_rate.tolist(), rates.dispersion
    ([0.5, 2.0], inf)
    """
    table = np.asarray(counts, dtype=float)
    if table.ndim != 2 or table.shape[0] < 1 or table.shape[1] < 2:
        raise InputError("The history must give each hotspot's crimes on at least two days.", setting="counts")
    if not np.all(np.isfinite(table)) or np.any(table < 0) or np.any(table != np.round(table)):
        raise InputError("Crimes per hotspot-day must be whole numbers of 0 or more.", setting="counts")
    if not table.sum() > 0:
        raise InputError("There is no crime in the hotspots in the history period: a trial's power cannot be "
                         "learned from it. Choose a period with crimes, or check the hotspots.", setting="counts")
    days = table.shape[1]
    mean, variance = table.mean(axis=1), table.var(axis=1, ddof=1)
    excess = float(np.sum(variance - mean))
    squares = float(np.sum(mean**2 - variance / days))
    if squares <= 0:
        squares = float(np.sum(mean**2))
    dispersion = squares / excess if excess > 0 else math.inf
    return HistoryRates(daily_rate=mean, dispersion=dispersion, days=days)


def patrol_days(days, share):
    """Patrol days of each hotspot in a trial of ``days`` days: ``round(share * days)``, halves up."""
    return int(math.floor(share * days + 0.5))


class SimulatedTrials(NamedTuple):
    """Simulated trials' crimes per hotspot (rows: trials) on patrol and other days, with sums of squared day counts."""

    events_treated: np.ndarray
    events_control: np.ndarray
    squares_treated: np.ndarray
    squares_control: np.ndarray
    patrol_days: int
    other_days: int


class TrialSimulator:
    """Simulated trials of the hotspots, day by day, with the same random numbers for every drop and length.

    Day ``i`` of every trial is drawn from the negative binomial without effect, from random numbers
    fixed by ``rng`` and ``i`` alone (blocks of days with their own seeds, so memory stays bounded and
    a longer trial extends a shorter one); a hotspot's first ``round(share * days)`` days are its
    patrol days (the days are exchangeable), whose crimes are thinned to ``1 - effect`` of them: a
    binomial draw through the inverse distribution function of a fixed uniform, so a larger drop
    never leaves more crimes (common random numbers; Poisson counts thinned are Poisson counts).

    Parameters
    ----------
    daily_rate : array_like of float
        Each hotspot's crimes per day without patrols; hotspots without crime say nothing and are
        left out.
    dispersion : float
        Negative-binomial ``k`` (``math.inf``: Poisson).
    simulations : int
        Trials per power estimate.
    rng : numpy.random.Generator or int or None
        Source of the seeds.
    """

    def __init__(self, daily_rate, dispersion, simulations=SIMULATIONS, rng=None):
        rates = np.asarray(daily_rate, dtype=float)
        self.rates = rates[rates > 0]
        self.dispersion = float(dispersion)
        self.simulations = int(simulations)
        self._entropy = int(np.random.default_rng(rng).integers(2**63))
        self._block_days = max(1, _BLOCK_VALUES // (self.simulations * max(self.rates.size, 1)))
        self._cache = (None, None)

    def _block(self, number):
        """Day counts without effect, and the thinning uniforms, of block ``number``: (days, sims, hotspots)."""
        generator = np.random.default_rng(np.random.SeedSequence(self._entropy, spawn_key=(number,)))
        shape = (self._block_days, self.simulations, self.rates.size)
        if math.isinf(self.dispersion):
            counts = generator.poisson(self.rates, shape)
        else:
            counts = generator.negative_binomial(self.dispersion, self.dispersion / (self.dispersion + self.rates),
                                                 shape)
        return counts, generator.random(shape)

    def _days(self, first, last):
        """``(counts, uniforms)`` of days ``first`` to ``last - 1``, one block at a time."""
        for number in range(first // self._block_days, -(-last // self._block_days)):
            start = number * self._block_days
            counts, uniforms = self._block(number)
            keep = slice(max(first - start, 0), min(last - start, self._block_days))
            yield counts[keep], uniforms[keep]

    def _base(self, days, treated):
        """Other days' sums, and the patrol days' nonzero counts with their uniforms and (trial, hotspot) index."""
        shape = (self.simulations, self.rates.size)
        control, squares = np.zeros(shape), np.zeros(shape)
        for counts, _ in self._days(treated, days):
            control += counts.sum(axis=0)
            squares += (counts.astype(float) ** 2).sum(axis=0)
        parts = []
        for counts, uniforms in self._days(0, treated):
            nonzero = np.nonzero(counts)
            parts.append((counts[nonzero], uniforms[nonzero], np.ravel_multi_index(nonzero[1:], shape)))
        values, uniforms, index = (np.concatenate(column) for column in zip(*parts))
        return control, squares, values, uniforms, index

    def trials(self, days, share, effect):
        """:class:`SimulatedTrials` of ``days`` days with ``share`` patrolled and a drop ``effect`` on patrol days."""
        treated = patrol_days(days, share)
        key = (days, treated)
        base = self._cache[1] if self._cache[0] == key else self._base(days, treated)
        if base[2].size <= _CACHED_VALUES:
            self._cache = (key, base)
        control, squares, values, uniforms, index = base
        kept = binomial_quantile(uniforms, values, 1.0 - effect)
        size = self.simulations * self.rates.size
        shape = (self.simulations, self.rates.size)
        return SimulatedTrials(np.bincount(index, kept, size).reshape(shape), control,
                               np.bincount(index, kept**2, size).reshape(shape), squares, treated, days - treated)

    def power(self, days, share, effect, alpha):
        """Share of simulated trials in which the quasi-Poisson within-hotspot test rejects RR = 1 at ``alpha``."""
        trials = self.trials(days, share, effect)
        exposure = np.ones(self.rates.size)
        return float(within_strata_test(trials.events_treated, trials.patrol_days * exposure, trials.events_control,
                                        trials.other_days * exposure, alpha, squares_treated=trials.squares_treated,
                                        squares_control=trials.squares_control).reject.mean())


def binomial_quantile(uniforms, trials, probability):
    """Smallest ``x`` with ``P(X <= x) >= u`` for Binomial(``trials``, ``probability``) ``X``: inverse-CDF draws.

    Starts from the normal approximation and steps to the exact quantile, revisiting only the draws
    not yet there (the values of :func:`scipy.stats.binom.ppf`, several times faster).
    """
    uniforms, trials = np.broadcast_arrays(np.asarray(uniforms, dtype=float), np.asarray(trials, dtype=np.int64))
    shape = uniforms.shape
    uniforms, trials = uniforms.ravel(), trials.ravel()
    p = float(probability)
    if p == 1.0:
        return trials.reshape(shape).astype(float)
    x = np.floor(trials * p + np.sqrt(trials * p * (1.0 - p)) * special.ndtri(uniforms))
    x = np.clip(x, 0.0, trials)
    below = np.flatnonzero(special.bdtr(x, trials, p) < uniforms)
    while below.size:
        x[below] += 1.0
        below = below[special.bdtr(x[below], trials[below], p) < uniforms[below]]
    above = np.flatnonzero(x > 0)
    above = above[special.bdtr(x[above] - 1.0, trials[above], p) >= uniforms[above]]
    while above.size:
        x[above] -= 1.0
        above = above[x[above] > 0]
        above = above[special.bdtr(x[above] - 1.0, trials[above], p) >= uniforms[above]]
    return x.reshape(shape)


def simulated_mde(simulator, days, share, alpha, power):
    """Smallest drop the simulated test detects with probability ``power`` (bisection); NaN if none <= 100 %."""
    if simulator.power(days, share, 1.0, alpha) < power:
        return math.nan
    low, high = 0.0, 1.0
    for _ in range(_BISECTIONS):
        middle = (low + high) / 2.0
        if simulator.power(days, share, middle, alpha) >= power:
            high = middle
        else:
            low = middle
    return high


def normal_power(daily_rate, dispersion, days, share, effect, alpha):
    """Power of the within-hotspot test by the normal approximation of the log rate ratio.

    The test's critical value is the quasi-Poisson one at no effect: the Poisson (conditional)
    standard error times the square root of the dispersion the test expects to estimate (its strata's
    ``1 + mu/k`` weighted by their information, ``mu``), with Student's t on days - hotspots - 1
    degrees of freedom.  The estimate's spread under the alternative is the sandwich variance of the
    conditional estimate with negative-binomial counts (each stratum's Poisson weight ``w_h`` against
    its variance ``v_h = (1 + RR mu/k)/(RR mu T1) + (1 + mu/k)/(mu T0)``):
    ``power = Phi((|log RR| - t se_0 sqrt(phi)) / se_1)``.
    """
    rates = np.asarray(daily_rate, dtype=float)
    mu = rates[rates > 0]
    treated = patrol_days(days, share)
    control = days - treated
    ratio = 1.0 - effect
    inflation = 0.0 if math.isinf(dispersion) else 1.0 / dispersion
    se_null = 1.0 / math.sqrt(np.sum(mu * treated * control / (treated + control)))
    phi = 1.0 + inflation * np.sum(mu**2) / np.sum(mu)
    weight = mu * ratio * treated * control / (ratio * treated + control)
    variance = (1 + ratio * mu * inflation) / (ratio * mu * treated) + (1 + mu * inflation) / (mu * control)
    se_alternative = math.sqrt(np.sum(weight**2 * variance)) / np.sum(weight)
    critical = stats.t.ppf(1 - alpha / 2, mu.size * (days - 1) - 1)
    return float(stats.norm.cdf((abs(math.log(ratio)) - critical * se_null * math.sqrt(phi)) / se_alternative))


def normal_mde(daily_rate, dispersion, days, share, alpha, power):
    """Smallest drop up to 99 % at which :func:`normal_power` reaches ``power``; NaN if none.

    The approximation fails as the drop nears 100 % (its standard errors grow without limit), so the
    first crossing on a grid of drops is refined, not a root anywhere in (0, 1).
    """
    def shortfall(effect):
        return normal_power(daily_rate, dispersion, days, share, effect, alpha) - power

    grid = np.concatenate(([1e-6], np.linspace(0.01, 0.99, 99)))
    reached = np.array([shortfall(d) >= 0 for d in grid])
    if not reached.any():
        return math.nan
    first = int(np.argmax(reached))
    if first == 0:
        return float(grid[0])
    return float(optimize.brentq(shortfall, grid[first - 1], grid[first], xtol=1e-6))


def days_needed(simulator, share, effect, alpha, power, start_days, max_days=MAX_DAYS):
    """Fewest trial days at which the simulated test detects ``effect`` with probability ``power``.

    Doubling from ``start_days`` until the power is reached (or ``max_days`` fails), then bisection
    on whole days.  None when ``max_days`` is not enough.
    """
    shortest = shortest_trial(share)

    def enough(days):
        return simulator.power(days, share, effect, alpha) >= power

    if enough(start_days):
        if enough(shortest):
            return shortest
        low, high = shortest, start_days
    else:
        low, high = start_days, start_days
        while not enough(high):
            if high >= max_days:
                return None
            low, high = high, min(2 * high, max_days)
    while high - low > 1:
        middle = (low + high) // 2
        if enough(middle):
            high = middle
        else:
            low = middle
    return high


def shortest_trial(share):
    """Fewest days with at least one patrol day and one other day in each hotspot at ``share``."""
    days = 2
    while not 1 <= patrol_days(days, share) <= days - 1:
        days += 1
    return days


def plan_trial(counts, days=28, share=0.4, alpha=0.05, power=0.8, target_effect=0.3, simulations=SIMULATIONS,
               rng=None, progress=None):
    """What a trial of ``days`` days, patrolling ``share`` of each hotspot's days, can detect.

    Parameters
    ----------
    counts : array_like of int, shape (hotspots, history days)
        Crimes per hotspot per day in the history (:func:`history_rates`).
    days : int
        Trial length in days, 2 to :data:`MAX_DAYS`.
    share : float
        Share of each hotspot's days patrolled, in (0, 1).
    alpha : float
        Level of the two-sided test, in (0, 1).
    power : float
        Wanted probability of detecting the drop, in (0, 1).
    target_effect : float
        A drop (0.3: 30 % less crime) for which the days needed are found, in (0, 1].
    simulations : int
        Simulated trials per power estimate (at least 100).
    rng : numpy.random.Generator or int or None
        Seed of the simulations.
    progress : callable, optional
        ``progress(fraction) -> bool`` (:mod:`.progress`).

    Returns
    -------
    TrialPlan

    Raises
    ------
    InputError
        For bad counts (:func:`history_rates`) or settings outside their ranges, and a ``share`` that
        leaves no patrol day or no other day in ``days``.

    Examples
    --------
    >>> counts = np.random.default_rng(1).poisson(2.0, (10, 365))
    >>> plan = plan_trial(counts, days=28, share=0.5, simulations=200, rng=1)
    >>> 0.1 < plan.mde < 0.3, plan.days_for_target <= 28
    (True, True)
    """
    check_settings(days, share, alpha, power, target_effect, simulations)
    history = history_rates(counts)
    simulator = TrialSimulator(history.daily_rate, history.dispersion, simulations, rng)
    report(progress, 0.05)
    mde = simulated_mde(simulator, days, share, alpha, power)
    report(progress, 0.5)
    needed = days_needed(simulator, share, target_effect, alpha, power, days)
    report(progress, 1.0)
    treated = patrol_days(days, share)
    return TrialPlan(hotspots=len(history.daily_rate), days=int(days), patrol_days=treated,
                     share_assigned=treated / days, daily_rate=float(history.daily_rate.mean()),
                     dispersion=history.dispersion, mde=mde,
                     mde_normal=normal_mde(history.daily_rate, history.dispersion, days, share, alpha, power),
                     null_rejection=simulator.power(days, share, 0.0, alpha), target_effect=float(target_effect),
                     days_for_target=needed)


def check_settings(days, share, alpha=0.05, power=0.8, target_effect=0.3, simulations=SIMULATIONS):
    """Refuse settings of :func:`plan_trial` outside their ranges, naming the fix (InputError)."""
    for name, value in (("share", share), ("alpha", alpha), ("power", power)):
        if not 0.0 < float(value) < 1.0:
            raise InputError(f"The {name} must be between 0 and 1 (not {value:g}).", setting=name)
    if not 0.0 < float(target_effect) <= 1.0:
        raise InputError(f"The target effect is a drop in crime between 0 and 1 (0.3: 30 % less), not "
                         f"{target_effect:g}.", setting="target_effect")
    if int(days) != days or not 2 <= days <= MAX_DAYS:
        raise InputError(f"A trial lasts 2 to {MAX_DAYS} whole days, not {days}.", setting="days")
    if int(simulations) != simulations or simulations < 100:
        raise InputError(f"Give at least 100 simulations, not {simulations}.", setting="simulations")
    treated = patrol_days(days, share)
    if not 1 <= treated <= days - 1:
        raise InputError(f"Patrolling {share:.0%} of {days} days gives {treated} patrol days and {days - treated} "
                         "other days in each hotspot; a trial needs both. Change the share or lengthen the trial.",
                         setting=("share", "days"))
