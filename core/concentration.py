"""How concentrated crime is, which cells to patrol, and how well a map predicts.

References
----------
Bernasco, W. and Steenbeek, W. (2017). More places than crimes: implications
    for evaluating the law of crime concentration at place. Journal of
    Quantitative Criminology 33, 451-467.
Chainey, S., Tompson, L. and Uhlig, S. (2008). The utility of hotspot mapping
    for predicting spatial patterns of crime. Security Journal 21, 4-28.
Hunt, J. M. (2016). Do crime hot spots move? Exploring the effects of the
    modifiable areal unit problem and modifiable temporal unit problem on crime
    hot spot stability. (Predictive Efficiency Index.)
Levine, N. (2008). The "hottest" part of a hotspot: comments on "The utility
    of hotspot mapping for predicting spatial patterns of crime". Security
    Journal 21, 295-302. (Recapture Rate Index.)
Sherman, L. W. and Weisburd, D. (1995). General deterrent effects of police
    patrol in crime "hot spots": a randomized, controlled trial. Justice
    Quarterly 12(4), 625-648.
"""

from dataclasses import dataclass

import numpy as np

from .errors import InputError
from .lazy_scipy import spatial


def gini(counts, empty=0):
    """Gini coefficient of crime across units, empty units included.

    0: every unit has the same count; (n-1)/n: all crime in one unit.  ``empty``
    more units without crime may be left out of ``counts`` (e.g. the empty cells
    of a national lattice) and are counted as if listed.
    """
    counts = np.sort(np.asarray(counts, dtype=float))
    n = counts.size + int(empty)
    total = counts.sum()
    if n == 0 or total == 0:
        return 0.0
    ranks = np.arange(int(empty) + 1, n + 1)
    return float(np.sum((2 * ranks - n - 1) * counts) / (n * total))


def generalized_gini(counts, empty=0):
    """Bernasco & Steenbeek's (2017) Gini, corrected for more units than crimes.

    With C crimes in N > C units at least N - C units must be empty, so the
    ordinary Gini cannot fall below 1 - C/N.  The generalized Gini rescales
    the Lorenz curve against the most equal distribution that C crimes allow:
    ``G' = 1 - (N / C)(1 - G)`` when C < N, and G otherwise.
    """
    counts = np.asarray(counts, dtype=float)
    n_units, n_crimes = counts.size + int(empty), counts.sum()
    value = gini(counts, empty)
    if 0 < n_crimes < n_units:
        value = 1.0 - (n_units / n_crimes) * (1.0 - value)
    return float(value)


def choose_hotspots(order, x, y, eligible, top_n, separation=0.0):
    """Walk down a ranking and keep up to ``top_n`` eligible cells far enough apart.

    Parameters
    ----------
    order : array_like of int
        Cell indices, best first.
    x, y : array_like
        Cell centres.
    eligible : array_like of bool
        False for cells that may never be chosen (too few crimes, excluded).
    top_n : int
    separation : float
        No two chosen cells have centres closer than this (0: no limit).

    Returns
    -------
    ndarray of int
        The chosen cells, in ranking order.
    """
    if top_n < 1:
        raise InputError("Ask for at least 1 hotspot.", setting="top_n")
    if separation < 0:
        raise InputError("The separation between hotspots must be 0 or more metres.", setting="separation")
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    eligible = np.asarray(eligible, dtype=bool)
    candidates = [int(i) for i in order if eligible[i]]
    if separation <= 0:
        return np.array(candidates[:top_n], dtype=np.int64)
    tree = spatial.cKDTree(np.column_stack((x, y)))
    blocked = np.zeros(x.size, dtype=bool)
    chosen = []
    for cell in candidates:
        if blocked[cell]:
            continue
        chosen.append(cell)
        if len(chosen) == top_n:
            break
        # Strictly closer than the separation is blocked; exactly at it is allowed.
        near = tree.query_ball_point((x[cell], y[cell]), np.nextafter(separation, 0))
        blocked[near] = True
    return np.array(chosen, dtype=np.int64)


@dataclass(frozen=True)
class Concentration:
    """How concentrated crime is, and how much of it the chosen hotspots hold (see
    :func:`hotspot_concentration`)."""

    crime_share: float
    area_share: float
    gini: float
    generalized_gini: float


def hotspot_concentration(share, chosen, counts, empty=0):
    """The chosen cells' share of the crime and of the area, and the Gini coefficients of the area.

    Parameters
    ----------
    share : array_like of float
        Each cell's share of the crime (or harm); the cells are the whole area.
    chosen : array_like of int
        The chosen cells.
    counts : array_like of int
        Crimes per cell, for :func:`gini` and :func:`generalized_gini`.
    empty : int
        Cells of the area without crime left out of ``share`` and ``counts``.

    Returns
    -------
    Concentration

    Examples
    --------
    >>> summary = hotspot_concentration([0.5, 0.25, 0.25, 0.0], [0], [2, 1, 1, 0])
    >>> summary.crime_share, summary.area_share, summary.gini
    (0.5, 0.25, 0.375)
    """
    share = np.asarray(share, dtype=float)
    chosen = np.asarray(chosen, dtype=np.int64)
    return Concentration(crime_share=float(share[chosen].sum()), area_share=chosen.size / (share.size + int(empty)),
                         gini=gini(counts, empty), generalized_gini=generalized_gini(counts, empty))


def cells_study_area(areas, cell_crimes):
    """The study area of a hotspot map that covers it: the cells' total area and the crimes in them.

    Parameters
    ----------
    areas : array_like of float
        Each cell's area.
    cell_crimes : sequence of array_like of int
        The indices of the crimes inside each cell; a crime inside two
        overlapping cells counts once.

    Returns
    -------
    tuple of (float, int)
        The ``study_area`` of :func:`accuracy_table`.

    Examples
    --------
    >>> cells_study_area([1.0, 2.0], [[0, 3], [3, 4]])
    (3.0, 3)
    """
    crimes = [np.asarray(indices, dtype=np.int64) for indices in cell_crimes]
    covered = np.unique(np.concatenate(crimes)) if crimes else np.empty(0, dtype=np.int64)
    return float(np.sum(np.asarray(areas, dtype=float))), int(covered.size)


def accuracy_table(scores, areas, observed, study_area, predicted=None):
    """Hit rate, PAI, PEI and RRI of a hotspot map for k = 1 .. n cells.

    Parameters
    ----------
    scores : array_like
        Each cell's score, highest first; equal scores keep their input order.
    areas : array_like
        Each cell's area.
    observed : array_like
        Crimes of the evaluation period in each cell.
    study_area : tuple of (float, float)
        Area of the study area and the crimes of the period inside it.
    predicted : array_like, optional
        A predicted count per cell, for the Recapture Rate Index; without
        it, or when a cell has none (NaN or infinite), there is no RRI.

    Returns
    -------
    dict of ndarray
        ``order`` (cell indices), ``k``, ``area_share``, ``hit_rate``,
        ``pai`` (hit rate / area share; Chainey et al. 2008), ``pei`` (PAI /
        the best PAI with the same area; Hunt 2016) and ``rri`` ((observed /
        predicted in the k cells) / (all observed / all predicted); Levine 2008)
        or None (no predicted count for every cell).

    Raises
    ------
    InputError
        For arrays of different lengths, a non-finite score, a cell without
        an area, a study area without area or without crimes.
    """
    scores = np.asarray(scores, dtype=float)
    areas = np.asarray(areas, dtype=float)
    observed = np.asarray(observed, dtype=float)
    if not (scores.shape == areas.shape == observed.shape) or scores.ndim != 1:
        raise InputError("scores, areas and observed must be 1-D arrays of the same length.")
    if not np.all(np.isfinite(scores)):
        raise InputError("Every cell needs a finite score; leave out the cells without one.")
    if not np.all(np.isfinite(areas) & (areas > 0)):
        raise InputError(f"{int(np.count_nonzero(~(np.isfinite(areas) & (areas > 0))))} cells have no area; a hit "
                         "rate per unit of area means nothing for them: leave them out.")
    total_area, total_crimes = study_area
    if total_area <= 0:
        raise InputError("The study area has no area.")
    if total_crimes <= 0:
        raise InputError("There are no crimes in the study area in the evaluation period: check the crimes, "
                         "their times and the period's start and end.")
    order = np.argsort(-scores, kind="stable")
    cumulative_area = np.cumsum(areas[order])
    area_share = cumulative_area / total_area
    hit_rate = np.cumsum(observed[order]) / total_crimes
    pai = hit_rate / area_share
    best = _best_capture(areas, observed, cumulative_area) / total_crimes
    with np.errstate(divide="ignore", invalid="ignore"):
        pei = np.where(best > 0, hit_rate / best, np.nan)
    rri = None
    predicted = None if predicted is None else np.asarray(predicted, dtype=float)
    if predicted is not None and np.all(np.isfinite(predicted)):
        with np.errstate(divide="ignore", invalid="ignore"):
            rri = (np.cumsum(observed[order]) / np.cumsum(predicted[order])) / (observed.sum() / predicted.sum())
        rri = np.where(np.isfinite(rri), rri, np.nan)
    return {"order": order, "k": np.arange(1, scores.size + 1), "area_share": area_share,
            "hit_rate": hit_rate, "pai": pai, "pei": pei, "rri": rri}


def _best_capture(areas, observed, area_budget):
    """Most crimes any choice of cells could capture within each area budget.

    Cells are taken densest first, the last one fractionally: exact for
    cells of equal area, an upper bound otherwise.
    """
    density_order = np.argsort(-(observed / areas), kind="stable")
    cumulative_area = np.concatenate(([0.0], np.cumsum(areas[density_order])))
    cumulative_crimes = np.concatenate(([0.0], np.cumsum(observed[density_order])))
    return np.interp(area_budget, cumulative_area, cumulative_crimes)
