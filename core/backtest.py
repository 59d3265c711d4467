"""Rolling-origin backtests of hotspot forecasts: which method would have caught the most crime?

A backtest moves a forecast *origin* through the history.  At each origin every candidate method
(a forecast method of :mod:`core.forecast` with one set of settings) scores the lattice from the
crimes before the origin only; the ``top_n`` cells it ranks highest are then checked against the
crimes of the horizon that follows.  The origins are ``horizon`` apart and the last ends where the
data end, so every horizon is fully observed and the horizons do not overlap.

Scores of one method at one origin, with ``n`` cells chosen out of ``N`` in the study area, ``c``
crimes in the horizon of which ``h`` fall in the chosen cells:

- hit rate ``h / c``;
- PAI, the predictive accuracy index (Chainey et al. 2008): hit rate over area share, ``(h / c) / (n / N)``;
- PEI*, the predictive efficiency index as the NIJ Real-Time Crime Forecasting Challenge scored it:
  ``h`` over the most crimes any ``n`` cells held in the horizon (1 = the best possible choice);
- RRI, the recapture rate index (Levine 2008) for a forecast: the share of the horizon's crime in the
  chosen cells over the share of the forecast they hold (1 = the forecast's concentration recurred
  exactly; below 1, crime was less concentrated there than forecast);
- stability: the share of the chosen cells that the same method chose at the previous origin.

Hits count crimes, whatever weight the forecast used.  Month-resolution data (data.police.uk)
are backtested in whole months: origins on month starts, horizons and windows rounded to months.

References
----------
Chainey, S., Tompson, L. and Uhlig, S. (2008). The utility of hotspot mapping for predicting spatial
    patterns of crime. *Security Journal* 21(1-2), 4-28.
Levine, N. (2008). The "hottest" part of a hotspot: comments on "The utility of hotspot mapping for
    predicting spatial patterns of crime". *Security Journal* 21(4), 295-302.
National Institute of Justice (2017). Real-Time Crime Forecasting Challenge: scoring (PAI and PEI*).
Hyndman, R. J. and Athanasopoulos, G. (2021). *Forecasting: principles and practice*, 3rd ed.,
    section 5.10, time series cross-validation (evaluation on a rolling forecasting origin).
"""

import datetime
from dataclasses import dataclass

import numpy as np

from . import forecast, grid
from .errors import InputError
from .progress import report

DAYS_PER_MONTH = 365.25 / 12
_EPOCH_MONTH = np.datetime64("1970-01", "M")


@dataclass(frozen=True)
class Origins:
    """Forecast origins and the ends of their horizons, in days on the crimes' epoch (ascending)."""

    start: np.ndarray
    end: np.ndarray


def day_of_month_start(month):
    """Days since 1970-01-01 of the first day of ``month`` months after January 1970."""
    return float((_EPOCH_MONTH + np.timedelta64(int(month), "M")).astype("datetime64[D]").astype(np.int64))


def month_of_day(day):
    """Months since January 1970 of the month holding day ``day`` (days since 1970-01-01)."""
    return int(np.datetime64(int(np.floor(day)), "D").astype("datetime64[M]").astype(np.int64))


def _years_before(date, years):
    """``date`` ``years`` calendar years earlier (29 February becomes 28 February)."""
    try:
        return date.replace(year=date.year - years)
    except ValueError:
        return date.replace(year=date.year - years, day=28)


def _days(date):
    return float((date - datetime.date(1970, 1, 1)).days)


def whole_months(days):
    """``days`` in whole months, at least one."""
    return max(1, int(round(days / DAYS_PER_MONTH)))


def rolling_origins(data_end, horizon_days, count, months=False):
    """``count`` origins ``horizon_days`` apart, the last horizon ending at ``data_end``.

    Parameters
    ----------
    data_end : float
        Day (days since 1970-01-01) after the last observed day: horizons end at or before it.
    horizon_days : float
        Length of each horizon.  With ``months``, rounded to whole months (at least one); a whole
        number of years (365, 730 …) steps by calendar years.
    count : int
        Number of origins, at least 1.
    months : bool
        Month-resolution data: origins on month starts; ``data_end`` is taken down to a month start
        (a month is observed only whole).

    Returns
    -------
    Origins

    Examples
    --------
    >>> o = rolling_origins(data_end=100.0, horizon_days=28, count=3)
    >>> o.start.tolist(), o.end.tolist()
    ([16.0, 44.0, 72.0], [44.0, 72.0, 100.0])
    >>> o = rolling_origins(day_of_month_start(12 * 49), horizon_days=28, count=2, months=True)  # to 2019-01
    >>> [str(np.datetime64(int(d), "D")) for d in o.start]
    ['2018-11-01', '2018-12-01']
    """
    if int(count) < 1:
        raise InputError(f"Ask for at least one forecast origin, not {count}.", setting="count")
    if not horizon_days > 0:
        raise InputError(f"The horizon must be at least a day, not {horizon_days}.", setting="horizon_days")
    steps = np.arange(int(count), 0, -1)
    if not months and float(horizon_days) % 365 == 0:
        # Whole years step by the calendar, so yearly origins stay on their date through leap years.
        end = datetime.date(1970, 1, 1) + datetime.timedelta(days=int(np.floor(data_end)))
        years = int(horizon_days) // 365
        bounds = [_days(_years_before(end, k * years)) for k in range(int(count), -1, -1)]
        return Origins(np.array(bounds[:-1]), np.array(bounds[1:]))
    if months:
        span, last = whole_months(horizon_days), month_of_day(data_end)
        starts = [day_of_month_start(last - k * span) for k in steps]
        ends = [day_of_month_start(last - (k - 1) * span) for k in steps]
        return Origins(np.array(starts), np.array(ends))
    return Origins(data_end - steps * float(horizon_days), data_end - (steps - 1) * float(horizon_days))


def origins_that_fit(data_end, first_day, horizon_days, count, months=False):
    """As :func:`rolling_origins`, with as many of the ``count`` origins as leave at least one horizon of
    history before the first (fewer when the data are short); None when not even one fits.

    Examples
    --------
    >>> origins_that_fit(data_end=100.0, first_day=30.0, horizon_days=20, count=12).start.tolist()
    [60.0, 80.0]
    """
    for fitting in range(int(count), 0, -1):
        origins = rolling_origins(data_end, horizon_days, fitting, months)
        if origins.start[0] - first_day >= horizon_days:
            return origins
    return None


def settings_at(method, settings, origin, months):
    """The settings a method uses at ``origin``: as given for daily data; for month data, windows of
    whole months as the exact days back to that many month starts (plus half a day, so the crimes of
    the first month, dated to its first day, are in) and half-lives of whole months."""
    settings = forecast.merged_settings(method, settings)
    if not months:
        return settings
    settings = dict(settings)
    if settings.get("window_days"):
        first = month_of_day(origin) - whole_months(settings["window_days"])
        settings["window_days"] = origin - day_of_month_start(first) + 0.5
    if "half_life_days" in settings:
        settings["half_life_days"] = whole_months(settings["half_life_days"]) * DAYS_PER_MONTH
    return settings


def settings_text(method, settings, months=False):
    """``method``'s settings as text (:func:`core.forecast.settings_text`); with ``months``, windows and
    half-lives in the whole months month data use, e.g. ``"window_months=3"`` (0: all history).

    Examples
    --------
    >>> settings_text(forecast.RECENCY, {"half_life_days": 90}, months=True)
    'half_life_months=3'
    """
    settings = forecast.merged_settings(method, settings)
    if months:
        renamed = {"window_days": "window_months", "half_life_days": "half_life_months"}
        settings = {renamed.get(key, key): whole_months(value) if key in renamed and value else value
                    for key, value in settings.items()}
    return forecast.settings_text(settings)


@dataclass(frozen=True)
class Score:
    """One method's scores at one origin (see the module's docstring)."""

    crimes: int
    hits: int
    hit_rate: float
    pai: float
    pei: float
    rri: float
    chosen: np.ndarray


def choose_cells(score, n_cells):
    """The ``n_cells`` highest-scoring cells with a score above 0, highest first; ties by position.

    Examples
    --------
    >>> choose_cells(np.array([0.0, 3.0, 1.0, 3.0]), 3).tolist()
    [1, 3, 2]
    """
    order = np.argsort(-np.asarray(score, dtype=float), kind="stable")
    order = order[:int(n_cells)]
    return order[np.asarray(score)[order] > 0]


def score_forecast(score, observed, n_cells, study_cells):
    """Score a forecast against what happened.

    Parameters
    ----------
    score : ndarray of float
        The forecast, one value per lattice cell.
    observed : ndarray of int
        Crimes per lattice cell in the horizon.
    n_cells : int
        How many cells are chosen (fewer when fewer have a score above 0).
    study_cells : int
        Cells in the study area, for PAI.

    Returns
    -------
    Score
        PAI, PEI* and RRI are NaN where undefined (no crime in the horizon, no cell chosen, a
        forecast of zero everywhere).

    Examples
    --------
    >>> s = score_forecast(np.array([5.0, 1.0, 0.0, 2.0]), np.array([1, 0, 3, 2]), 2, 4)
    >>> s.hits, s.hit_rate, s.pai, s.pei
    (3, 0.5, 1.0, 0.6)
    """
    observed = np.asarray(observed)
    chosen = choose_cells(score, n_cells)
    crimes, hits = int(observed.sum()), int(observed[chosen].sum())
    nan = float("nan")
    hit_rate = hits / crimes if crimes else nan
    pai = hit_rate / (chosen.size / study_cells) if chosen.size and crimes else nan
    best = int(np.sort(observed)[::-1][:chosen.size].sum())
    pei = hits / best if best else nan
    forecast_share = float(np.asarray(score)[chosen].sum() / np.sum(score)) if np.sum(score) > 0 else 0.0
    rri = hit_rate / forecast_share if forecast_share > 0 and crimes else nan
    return Score(crimes, hits, hit_rate, pai, pei, rri, chosen)


@dataclass(frozen=True)
class Candidate:
    """A method with one set of settings (in whole months for month data)."""

    method: int
    settings: dict
    months: bool = False

    @property
    def text(self):
        return settings_text(self.method, self.settings, self.months)


def default_candidates(methods=None, months=False):
    """Every method's backtest grid (:data:`core.forecast.SETTINGS_GRID`); with month data, only the
    methods that work on months, and each setting once after rounding to months."""
    methods = sorted(forecast.SETTINGS_GRID) if methods is None else list(methods)
    candidates, seen = [], set()
    for method in methods:
        if method not in forecast.SETTINGS_GRID:
            raise InputError(f"Unknown forecast method {method!r}: use 0 to 4.", setting="methods")
        if months and method in forecast.NEEDS_DAYS:
            continue
        for settings in forecast.SETTINGS_GRID[method]:
            candidate = Candidate(method, dict(settings), months)
            if (method, candidate.text) not in seen:
                seen.add((method, candidate.text))
                candidates.append(candidate)
    if not candidates:
        raise InputError("None of these methods works on crimes known only to the month: use counts (0), "
                         "recency-weighted counts (1) or kernel-smoothed counts (2).", setting="methods")
    return candidates


@dataclass(frozen=True)
class BacktestRow:
    candidate: Candidate
    origin: float
    score: Score
    stability: float


@dataclass(frozen=True)
class Summary:
    candidate: Candidate
    mean_hit_rate: float
    mean_pai: float
    mean_pei: float
    min_pei: float
    max_pei: float
    winner: bool


@dataclass(frozen=True)
class Backtest:
    rows: list
    summary: list

    @property
    def best(self):
        return next(s for s in self.summary if s.winner)


def observed_by_origin(x, y, t, lattice, origins):
    """Crimes per lattice cell in each origin's horizon: an array (origins × cells)."""
    index = forecast.LatticeIndex(np.asarray(lattice.col), np.asarray(lattice.row))
    cell = index.of(*grid.cells_of_points(x, y, lattice.cell_size, lattice.shape))
    counts = np.zeros((origins.start.size, lattice.col.size), dtype=np.int64)
    for k, (start, end) in enumerate(zip(origins.start, origins.end)):
        inside = (t >= start) & (t < end) & (cell >= 0)
        counts[k] = np.bincount(cell[inside], minlength=lattice.col.size)
    return counts


def backtest(x, y, t, lattice, candidates, origins, n_cells, weights=None, months=False, progress=None):
    """Forecast with every candidate at every origin and score the chosen cells.

    Parameters
    ----------
    x, y, t : array_like of float
        Crimes: metres and days (as :func:`core.forecast.forecast` takes them).
    lattice : core.forecast.Lattice
        The study area's cells: the candidates and the ``N`` of PAI.
    candidates : list of Candidate
    origins : Origins
    n_cells : int
        Cells chosen at each origin (the hotspots a force would patrol).
    weights : array_like of float, optional
        Crime weights for the forecasts (harm); hits still count crimes.
    months : bool
        Month-resolution data: settings as :func:`settings_at` gives them.
    progress : callable, optional

    Returns
    -------
    Backtest
        A row per candidate and origin (origins ascending), and a summary per candidate with the
        winner: the highest mean PEI* over the origins (ties: the first candidate).  An origin with
        no crime before it is refused; one with no crime in its horizon gives NaN scores, left out
        of the means.
    """
    x, y, t = (np.asarray(v, dtype=float) for v in (x, y, t))
    if int(n_cells) < 1:
        raise InputError(f"Choose at least one cell at each origin, not {n_cells}.", setting="n_cells")
    if not candidates:
        raise InputError("Give at least one method to backtest.", setting="candidates")
    if np.count_nonzero(t < origins.start[0]) == 0:
        raise InputError("There is no crime before the first forecast origin: use fewer origins or a shorter "
                         "horizon.", setting="origins")
    observed = observed_by_origin(x, y, t, lattice, origins)
    rows, total = [], len(candidates) * origins.start.size
    for c, candidate in enumerate(candidates):
        previous = None
        for k, (start, end) in enumerate(zip(origins.start, origins.end)):
            done = c * origins.start.size + k

            def step(fraction, done=done):
                return progress is not None and progress((done + fraction) / total)
            settings = settings_at(candidate.method, candidate.settings, start, months)
            result = forecast.forecast(candidate.method, x, y, t, start, lattice, end - start, weights=weights,
                                       settings=settings, progress=step)
            score = score_forecast(result.score, observed[k], n_cells, lattice.col.size)
            kept = (np.intersect1d(previous, score.chosen).size / score.chosen.size
                    if previous is not None and score.chosen.size else float("nan"))
            rows.append(BacktestRow(candidate, float(start), score, kept))
            previous = score.chosen
        report(progress, (c + 1) / len(candidates))
    return Backtest(rows, _summaries(candidates, rows))


def _summaries(candidates, rows):
    summaries = []
    for candidate in candidates:
        mine = [r.score for r in rows if r.candidate is candidate]
        pei = np.array([s.pei for s in mine])
        measured = pei[np.isfinite(pei)]

        def mean(values):
            values = np.asarray(values, dtype=float)
            values = values[np.isfinite(values)]
            return float(values.mean()) if values.size else float("nan")
        summaries.append(Summary(candidate, mean([s.hit_rate for s in mine]), mean([s.pai for s in mine]),
                                 mean(pei), float(measured.min()) if measured.size else float("nan"),
                                 float(measured.max()) if measured.size else float("nan"), False))
    scores = [s.mean_pei if np.isfinite(s.mean_pei) else -1.0 for s in summaries]
    best = int(np.argmax(scores))
    summaries[best] = Summary(**{**summaries[best].__dict__, "winner": True})
    return summaries
