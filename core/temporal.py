"""When crime happens: hour-of-week profiles and the smoothed risk that patrol planning uses.

A week has 168 hours, Monday 00:00-01:00 first, in local wall-clock time.
Each hotspot's counts are smoothed circularly over neighbouring hours (a
triangular kernel of ``bandwidth`` hours on each side; Sunday 23:00 neighbours
Monday 00:00), then shrunk towards the smoothed profile of the whole area
with the weight of ``prior_crimes`` crimes (an empirical-Bayes Dirichlet
prior): a hotspot with few crimes follows the area's rhythm, one with many
follows its own.  Risk is relative: 1 is the hotspot's average hour.

References
----------
Ratcliffe, J. H. (2004). The hotspot matrix: a framework for the spatio-
    temporal targeting of crime reduction. Police Practice and Research 5(1).
Gelman, A. et al. (2013). Bayesian Data Analysis, 3rd ed., ch. 5
    (hierarchical shrinkage of proportions).
"""

import numpy as np

from .errors import InputError

HOURS_PER_WEEK = 168
_MONDAY = np.datetime64("1970-01-05T00", "h")


def hour_of_week(times):
    """Hour of the week (0 = Monday 00:00-00:59) of wall-clock ``datetime64`` times."""
    hours = np.asarray(times, dtype="datetime64[h]")
    return ((hours - _MONDAY).astype(np.int64)) % HOURS_PER_WEEK


def smooth_circular(counts, bandwidth=2):
    """Triangular smoothing over +/- ``bandwidth`` hours, wrapping round the week.

    Preserves each row's total.
    """
    counts = np.atleast_2d(np.asarray(counts, dtype=float))
    if bandwidth < 0:
        raise InputError("The smoothing bandwidth must be 0 or more hours.")
    offsets = np.arange(-bandwidth, bandwidth + 1)
    weights = (bandwidth + 1 - np.abs(offsets)).astype(float)
    weights /= weights.sum()
    return sum(w * np.roll(counts, shift, axis=1) for shift, w in zip(offsets, weights))


def risk_profiles(counts, bandwidth=2, prior_crimes=24.0):
    """Relative risk by hour of the week for each row of ``counts``.

    Parameters
    ----------
    counts : array_like, shape (n, 168)
        Crimes per hotspot and hour of the week.
    bandwidth : int
        Hours on each side for the circular triangular smoothing.
    prior_crimes : float
        Weight, in crimes, of the whole area's profile in each hotspot's risk.

    Returns
    -------
    ndarray, shape (n, 168)
        Mean 1 in every row; uniform where there are no crimes at all.
    """
    counts = np.atleast_2d(np.asarray(counts, dtype=float))
    if counts.shape[1] != HOURS_PER_WEEK:
        raise InputError("counts must have 168 columns, one per hour of the week.")
    if prior_crimes < 0:
        raise InputError("prior_crimes must be 0 or more.")
    smoothed = smooth_circular(counts, bandwidth)
    area = smoothed.sum(axis=0)
    area = area / area.sum() if area.sum() > 0 else np.full(HOURS_PER_WEEK, 1.0 / HOURS_PER_WEEK)
    totals = smoothed.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = (smoothed + prior_crimes * area) / (totals + prior_crimes)
    share = np.where(np.isfinite(share), share, area)
    return share * HOURS_PER_WEEK


def peak_windows(risk, hours=3, count=2):
    """The ``count`` best non-overlapping runs of ``hours`` consecutive hours (circular).

    Returns a list of (first hour of the week, mean risk), best first.
    """
    risk = np.asarray(risk, dtype=float)
    window = sum(np.roll(risk, -k) for k in range(hours)) / hours
    taken = np.zeros(HOURS_PER_WEEK, dtype=bool)
    peaks = []
    for start in np.argsort(-window, kind="stable"):
        span = (start + np.arange(hours)) % HOURS_PER_WEEK
        if taken[span].any():
            continue
        taken[span] = True
        peaks.append((int(start), float(window[start])))
        if len(peaks) == count:
            break
    return peaks
