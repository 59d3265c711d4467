"""What Forecast hotspots and Backtest hotspot forecasts share: the crimes as days on the fixed lattice,
what their time resolution allows, and the settings parameters of the methods."""

from dataclasses import dataclass, replace

import numpy as np
from qgis.core import QgsProcessingException, QgsProcessingParameterEnum, QgsProcessingParameterNumber

from ..core import backtest, forecast, grid
from ..core.time_resolution import MONTH
from .reader import describe_skipped, read_points
from .translate import tr

SECONDS_PER_DAY = 86400.0


@dataclass
class ForecastCrimes:
    """Crimes as the forecasts take them: metres, days since 1970-01-01, whether far outside the area
    holding the rest, and the lattice of their area (None until :func:`crimes_before` builds it)."""

    x: np.ndarray
    y: np.ndarray
    t: np.ndarray
    weight: object
    outlier: np.ndarray
    months: bool
    crs: object
    last_day: float
    cell_size: float
    shape: int
    lattice: object = None


def method_names():
    return [tr("Counts over a window"), tr("Recency-weighted counts"), tr("Kernel-smoothed counts"),
            tr("Prospective hotspotting"), tr("Self-exciting point process")]


def add_method_settings(algorithm):
    """WINDOW_DAYS, HALF_LIFE_DAYS, BANDWIDTH and TIME_BANDWIDTH_DAYS, the methods' settings."""
    integer, double = QgsProcessingParameterNumber.Integer, QgsProcessingParameterNumber.Double
    defaults = forecast.DEFAULT_SETTINGS
    algorithm.add(QgsProcessingParameterNumber(
        "WINDOW_DAYS", tr("Window (days; 0 = all history)"), integer, defaults[forecast.COUNTS]["window_days"],
        minValue=0), tr("Counts and kernel-smoothed counts use the crimes of the last WINDOW_DAYS before the "
                        "forecast start (0: all of them). On crimes known only to the month, rounded to whole "
                        "months."))
    algorithm.add(QgsProcessingParameterNumber(
        "HALF_LIFE_DAYS", tr("Half-life (days)"), double, defaults[forecast.RECENCY]["half_life_days"],
        minValue=0.5), tr("Recency-weighted counts: a crime this many days old weighs half as much as one "
                          "from yesterday. On crimes known only to the month, rounded to whole months."), decimals=1)
    algorithm.add(QgsProcessingParameterNumber(
        "BANDWIDTH", tr("Bandwidth (metres; empty: 300 for kernel, 400 for prospective)"), double, optional=True,
        minValue=1.0), tr("How far a crime's risk spreads: the quartic kernel's radius for kernel-smoothed counts "
                          "(default 300 m), the distance limit of prospective hotspotting (default 400 m, as "
                          "Bowers et al. 2004)."), decimals=0)
    algorithm.add(QgsProcessingParameterNumber(
        "TIME_BANDWIDTH_DAYS", tr("Time bandwidth (days)"), integer,
        defaults[forecast.PROSPECTIVE]["time_bandwidth_days"], minValue=1),
        tr("Prospective hotspotting: crimes older than this are left out; the others weigh 1 / (1 + weeks old)."))


def method_settings(algorithm, parameters, context, method):
    """The settings of ``method`` from the parameters (BANDWIDTH empty: the method's default)."""
    given = {"window_days": algorithm.parameterAsInt(parameters, "WINDOW_DAYS", context),
             "half_life_days": algorithm.parameterAsDouble(parameters, "HALF_LIFE_DAYS", context),
             "time_bandwidth_days": algorithm.parameterAsInt(parameters, "TIME_BANDWIDTH_DAYS", context)}
    if parameters.get("BANDWIDTH") not in (None, ""):
        given["bandwidth"] = algorithm.parameterAsDouble(parameters, "BANDWIDTH", context)
    return {key: value for key, value in given.items() if key in forecast.DEFAULT_SETTINGS[method]}


def add_methods_parameter(algorithm, name, description, help_text, multiple=False, with_best=False):
    options = method_names() + ([tr("Best by backtest")] if with_best else [])
    default = list(range(len(forecast.METHOD_NAMES))) if multiple else 0
    algorithm.add(QgsProcessingParameterEnum(name, description, options=options, allowMultiple=multiple,
                                             defaultValue=default), help_text)


def read_forecast_crimes(algorithm, parameters, context, feedback, weight_field=None):
    """INPUT's crimes with their TIME as days, refusing crimes without a date."""
    cell_size = algorithm.cell_size(parameters, context)
    shape = algorithm.parameterAsEnum(parameters, "SHAPE", context)
    points = read_points(algorithm, parameters, "INPUT", context, feedback, weight_field=weight_field,
                         time_expression=algorithm.parameterAsExpression(parameters, "TIME", context))
    if weight_field:
        algorithm.run_core(grid.check_weights, points.weight, f"the weight field '{weight_field}'")
    if len(points) < 2:
        raise QgsProcessingException(tr(
            "A forecast needs crimes with dates, and {} has {} ({}). Check TIME.").format(
                "INPUT", len(points), describe_skipped(points)))
    resolution = points.time_resolution
    months = resolution is not None and resolution.resolution == MONTH
    if months:
        feedback.pushInfo(tr("The crimes are known only to the month ({}): forecasts start on month starts, and "
                             "windows, half-lives and horizons are whole months.").format(resolution.rule))
    t = points.time.astype("datetime64[s]").astype(np.int64) / SECONDS_PER_DAY
    outlier = np.zeros(t.size, dtype=bool) if points.outlier is None else np.asarray(points.outlier, dtype=bool)
    return ForecastCrimes(points.x, points.y, t, points.weight, outlier, months, points.crs,
                          float(np.floor(t.max())), cell_size, shape)


def crimes_before(algorithm, crimes, cutoff, feedback):
    """The crimes before day ``cutoff``, with the lattice of the box holding them (far outliers aside):
    nothing at or after the cutoff shapes a forecast, not even the area it covers."""
    keep = crimes.t < cutoff
    if not keep.any():
        raise QgsProcessingException(tr("There is no crime before {}: choose a later start, or crimes from before "
                                        "it.").format(day_text(cutoff)))
    bulk = keep & ~crimes.outlier if (keep & ~crimes.outlier).any() else keep
    box = (crimes.x[bulk].min(), crimes.y[bulk].min(), crimes.x[bulk].max(), crimes.y[bulk].max())
    col, row = algorithm.run_core(grid.cells_in_extent, *box, crimes.cell_size, crimes.shape)
    feedback.pushInfo(tr("{:,} crimes from {} to {}; {:,} cells of {:g} m in their area.").format(
        int(keep.sum()), day_text(crimes.t[keep].min()), day_text(crimes.t[keep].max()), col.size,
        crimes.cell_size))
    return replace(crimes, x=crimes.x[keep], y=crimes.y[keep], t=crimes.t[keep],
                   weight=None if crimes.weight is None else crimes.weight[keep], outlier=crimes.outlier[keep],
                   lattice=forecast.Lattice(col, row, crimes.cell_size, crimes.shape))


def refuse_day_methods_on_months(crimes, methods):
    """Prospective hotspotting and the self-exciting model weigh crimes by the day: refuse month data."""
    needing = [m for m in methods if m in forecast.NEEDS_DAYS]
    if crimes.months and needing:
        raise QgsProcessingException(tr(
            "{} need crimes dated to the day, but these are known only to the month (data.police.uk): use "
            "counts (0), recency-weighted counts (1) or kernel-smoothed counts (2).").format(
                tr(" and ").join(method_names()[m] for m in needing)))


def forecast_start(algorithm, parameters, context, crimes, feedback):
    """FORECAST_START as a day (default: the day after the last crime); on month data, a month start."""
    given = algorithm.parameterAsDateTime(parameters, "FORECAST_START", context)
    if parameters.get("FORECAST_START") in (None, "") or not given.isValid():
        day = crimes.last_day + 1.0
    else:
        day = float(np.datetime64(given.date().toString("yyyy-MM-dd"), "D").astype(np.int64))
    if crimes.months and day != backtest.day_of_month_start(backtest.month_of_day(day)):
        day = backtest.day_of_month_start(backtest.month_of_day(day) + 1)
        feedback.pushInfo(tr("The forecast starts on {}, the first whole month.").format(day_text(day)))
    return day


def horizon(algorithm, parameters, context, crimes, start):
    """HORIZON_DAYS, or on month data the days of that many whole months from ``start``."""
    days = algorithm.parameterAsInt(parameters, "HORIZON_DAYS", context)
    if not crimes.months:
        return float(days)
    months = backtest.whole_months(days)
    return backtest.day_of_month_start(backtest.month_of_day(start) + months) - start


def day_text(day):
    """Days since 1970-01-01 as an ISO date."""
    return str(np.datetime64(int(np.floor(day)), "D"))
