"""Crime harm on patrol days against other days, with a bootstrap interval stratified by hotspot.

Counting crimes treats a robbery like a bicycle theft; weighting each crime by its harm (e.g. the
Cambridge Crime Harm Index's days of imprisonment, :mod:`.harm`) asks whether patrols cut the harm
done.  Harm is not a Poisson count, so the exact tests of :mod:`.poisson_rates` do not apply: the
interval here is a percentile bootstrap (Efron & Tibshirani 1993) over hotspot-days, resampling
each stratum's patrol days and other days separately, so that every resample keeps the design (how
many patrol and other days each hotspot had) and only the harm on the days varies.

:func:`harm_grid` sums the harm of the crimes on each hotspot-day; :func:`harm_effect` compares
harm per hotspot-day on patrol days with the other days, pooled over all hotspot-days or, as the
Mantel-Haenszel rate ratio does for counts (Greenland & Robins 1985), within strata.

References
----------
Efron, B. and Tibshirani, R. J. (1993). An Introduction to the Bootstrap. New York: Chapman &
    Hall. (Ch. 13, the percentile interval.)
Greenland, S. and Robins, J. M. (1985). Estimation of a common effect parameter from sparse
    follow-up data. Biometrics 41(1), 55-68.
Sherman, L. W., Neyroud, P. and Neyroud, E. (2016). The Cambridge Crime Harm Index: measuring
    total harm from crime based on sentencing guidelines. Policing 10(3), 171-183.
"""

import math
from dataclasses import dataclass

import numpy as np

from .errors import InputError
from .hotspot_days import count_crimes
from .poisson_rates import check_confidence, single_number

DEFAULT_RESAMPLES = 2000
_DRAWS_PER_CHUNK = 2_000_000  # random draws held in memory at once (16 MB of float64)


@dataclass(frozen=True)
class HarmEffect:
    """Harm on patrol days against other days (:func:`harm_effect`).

    Attributes
    ----------
    harm_patrol, harm_other : float
        Summed harm on the patrol days and on the other days (of every stratum).
    ratio : float
        Harm per hotspot-day on patrol days over harm per hotspot-day on other days (pooled, or
        the Mantel-Haenszel-weighted ratio within strata); NaN without harm on either kind of day
        (within strata: of the strata with both kinds), infinite without harm on other days.
    ci_low, ci_high : float
        Percentile bootstrap interval of the ratio; NaN when the ratio is NaN.
    resamples : int
        Bootstrap resamples drawn.
    """

    harm_patrol: float
    harm_other: float
    ratio: float
    ci_low: float
    ci_high: float
    resamples: int


def harm_grid(crime_hotspot, crime_day, crime_harm, n_hotspots, n_days):
    """Summed harm per hotspot and day, shape ``(n_hotspots, n_days)``.

    Parameters
    ----------
    crime_hotspot : array_like of int
        Each crime's hotspot, negative outside every hotspot (ignored).
    crime_day : array_like of int
        Each crime's day from the period's first day; crimes outside ``0 .. n_days - 1`` are
        ignored.
    crime_harm : array_like of float
        Each crime's harm, 0 or more (0 for a crime whose harm is unknown).
    n_hotspots, n_days : int
        Grid shape.

    Returns
    -------
    ndarray of float

    Raises
    ------
    InputError
        For arrays of different lengths, harm that is negative or not finite, or a hotspot index
        of ``n_hotspots`` or more.

    Examples
    --------
    >>> harm_grid([0, 0, 1, -1], [0, 0, 1, 0], [1.0, 10.0, 5.0, 99.0], 2, 2).tolist()
    [[11.0, 0.0], [0.0, 5.0]]
    """
    hotspot = np.asarray(crime_hotspot).ravel()
    harm = np.asarray(crime_harm, dtype=float).ravel()
    if hotspot.shape != harm.shape:
        raise InputError(f"crime_hotspot and crime_harm must have one value per crime (got {hotspot.size} and "
                         f"{harm.size}).")
    if not np.all(np.isfinite(harm)) or np.any(harm < 0):
        raise InputError("Every crime's harm must be a finite number of 0 or more; correct the harm weights.",
                         setting="crime_harm")
    return count_crimes(hotspot, crime_day, n_hotspots, n_days, weights=harm)


def harm_effect(harm, patrolled, strata=None, within_strata=True, resamples=DEFAULT_RESAMPLES, confidence=0.95,
                seed=None):
    """Harm per hotspot-day on patrol days over the other days, with a stratified bootstrap interval.

    Within strata the ratio is the Mantel-Haenszel form ``sum_s Hp_s O_s / N_s`` over
    ``sum_s Ho_s P_s / N_s``, where stratum ``s`` has ``P_s`` patrol days with harm ``Hp_s``,
    ``O_s`` other days with harm ``Ho_s`` and ``N_s = P_s + O_s`` days (Greenland & Robins 1985,
    harm in place of counts): each stratum compares its own patrol and other days, so strata that
    differ in harm and in how often they were patrolled do not bias it, and strata with only one
    kind of day weigh nothing.  Pooled, it is ``(sum Hp / sum P) / (sum Ho / sum O)``.

    The interval is the percentile interval of the same ratio over ``resamples`` bootstrap
    resamples; each resample draws, with replacement, each stratum's patrol days from its patrol
    days and its other days from its other days (Efron & Tibshirani 1993, stratified bootstrap).

    Parameters
    ----------
    harm : array_like of float, shape (hotspots, days)
        Harm per hotspot-day (:func:`harm_grid`).
    patrolled : array_like of bool, same shape
        True on patrol days.
    strata : array_like of int, same shape, optional
        Each hotspot-day's stratum (e.g. hotspot x weekday); default: its hotspot (row).
    within_strata : bool
        The Mantel-Haenszel ratio within strata (True) or the pooled ratio (False).  Both resample
        within strata.
    resamples : int
        Bootstrap resamples, at least 100.
    confidence : float
        Confidence level of the interval, in (0, 1).
    seed : int or numpy.random.Generator, optional
        The random numbers' seed, or a generator; the same seed gives the same interval.

    Returns
    -------
    HarmEffect

    Raises
    ------
    InputError
        For grids of different shapes, negative or missing harm, fewer than 100 resamples, a
        confidence outside (0, 1), and when no hotspot-day, or every one, is a patrol day.

    References
    ----------
    Efron, B. and Tibshirani, R. J. (1993). An Introduction to the Bootstrap, ch. 13.
    Greenland, S. and Robins, J. M. (1985). Biometrics 41(1), 55-68.

    Examples
    --------
    >>> result = harm_effect([[1.0, 3.0, 2.0, 2.0], [10.0, 30.0, 20.0, 20.0]],
    ...                      [[True, True, False, False]] * 2, seed=1)
    >>> result.harm_patrol, result.harm_other, result.ratio
    (44.0, 44.0, 1.0)
    """
    harm, patrolled, strata = _grids(harm, patrolled, strata)
    count = single_number(resamples, "resamples")
    if not count.is_integer() or count < 100:
        raise InputError(f"resamples must be a whole number of at least 100, not {resamples!r}.", setting="resamples")
    alpha = 1.0 - check_confidence(confidence)
    rng = np.random.default_rng(seed)

    # Hotspot-days sorted into cells (stratum, patrol or not), each cell contiguous.
    cell_key = strata.ravel() * 2 + patrolled.ravel()
    order = np.argsort(cell_key, kind="stable")
    keys, cell_start, cell_size = np.unique(cell_key[order], return_index=True, return_counts=True)
    values = harm.ravel()[order]
    cell_stratum, cell_patrol = keys // 2, (keys % 2).astype(bool)
    n_strata = int(cell_stratum.max()) + 1
    days_patrol = np.bincount(cell_stratum[cell_patrol], cell_size[cell_patrol], n_strata)
    days_other = np.bincount(cell_stratum[~cell_patrol], cell_size[~cell_patrol], n_strata)
    if within_strata:
        days_all = days_patrol + days_other
        weight_patrol, weight_other = days_other / days_all, days_patrol / days_all
    else:
        weight_patrol = np.full(n_strata, 1.0 / days_patrol.sum())
        weight_other = np.full(n_strata, 1.0 / days_other.sum())

    def ratios(sums):
        """The ratio for each row of per-cell harm sums."""
        numerator = sums[:, cell_patrol] @ weight_patrol[cell_stratum[cell_patrol]]
        denominator = sums[:, ~cell_patrol] @ weight_other[cell_stratum[~cell_patrol]]
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1.0),
                            np.where(numerator > 0, np.inf, np.nan))

    observed = np.add.reduceat(values, cell_start)
    ratio = float(ratios(observed[np.newaxis])[0])
    low = high = math.nan
    if not math.isnan(ratio):
        replicates = _bootstrap_ratios(values, cell_start, cell_size, int(count), rng, ratios)
        low, high = _percentile_interval(replicates, alpha)
    return HarmEffect(float(observed[cell_patrol].sum()), float(observed[~cell_patrol].sum()), ratio, low, high,
                      int(count))


def _grids(harm, patrolled, strata):
    """The three grids checked; strata renumbered 0 .. S-1."""
    harm = np.asarray(harm, dtype=float)
    patrolled = np.asarray(patrolled)
    if harm.ndim != 2:
        raise InputError(f"harm must be a hotspots x days grid (2-D), not shape {harm.shape}; build it with "
                         "harm_grid().")
    strata = np.broadcast_to(np.arange(harm.shape[0])[:, np.newaxis], harm.shape) if strata is None else (
        np.asarray(strata))
    if not patrolled.shape == strata.shape == harm.shape:
        raise InputError(f"harm, patrolled and strata must be hotspots x days grids of one shape (got {harm.shape}, "
                         f"{patrolled.shape} and {strata.shape}).")
    if not np.all(np.isfinite(harm)) or np.any(harm < 0):
        raise InputError("harm must be 0 or more on every hotspot-day; build it with harm_grid().")
    patrolled = patrolled.astype(bool)
    if not patrolled.any() or patrolled.all():
        raise InputError("Harm on patrol days can only be compared with other days when there are both: "
                         f"{int(patrolled.sum())} of {patrolled.size} hotspot-days are patrol days.")
    return harm, patrolled, np.unique(strata, return_inverse=True)[1].reshape(harm.shape).astype(np.int64)


def _bootstrap_ratios(values, cell_start, cell_size, resamples, rng, ratios):
    """``ratios`` of ``resamples`` resamples, each cell's values drawn with replacement from the cell."""
    n_values = values.size
    element_start = np.repeat(cell_start, cell_size)
    element_size = np.repeat(cell_size, cell_size)
    chunk = max(1, _DRAWS_PER_CHUNK // n_values)
    replicates = []
    for first in range(0, resamples, chunk):
        rows = min(chunk, resamples - first)
        drawn = element_start + (rng.random((rows, n_values)) * element_size).astype(np.int64)
        replicates.append(ratios(np.add.reduceat(values[drawn], cell_start, axis=1)))
    return np.concatenate(replicates)


def _percentile_interval(replicates, alpha):
    """The ``alpha / 2`` and ``1 - alpha / 2`` order statistics of the replicates (NaN ones, with no harm
    at all, left out); order statistics rather than interpolation keep infinite replicates meaningful."""
    ordered = np.sort(replicates[~np.isnan(replicates)])
    if ordered.size == 0:
        return math.nan, math.nan
    low = ordered[int(math.floor(alpha / 2 * ordered.size))]
    high = ordered[max(int(math.ceil((1 - alpha / 2) * ordered.size)) - 1, 0)]
    return float(low), float(high)
