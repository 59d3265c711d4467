"""hotspotpatrol:forecasthotspots — which cells will have crime in the coming days."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import backtest, forecast, grid
from .base import HotspotAlgorithm, make_field, write_features
from .cell_writer import cell_geometry
from .forecast_data import (
    add_method_settings,
    add_methods_parameter,
    crimes_before,
    day_text,
    forecast_start,
    horizon,
    method_names,
    method_settings,
    read_forecast_crimes,
    refuse_day_methods_on_months,
)
from .styles import style_on_load

BEST_BY_BACKTEST = 5


class ForecastHotspotsAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "forecasthotspots"
    GROUP = "choose"
    ICON = "rank_hotspots"
    REFERENCES = ("bowers2004", "chainey2008", "daws2017", "mohler2011", "mohler2015", "nij2017")

    WEIGHT_FIELD = "WEIGHT_FIELD"
    FORECAST_START = "FORECAST_START"
    HORIZON_DAYS = "HORIZON_DAYS"
    METHOD = "METHOD"
    ORIGINS = "ORIGINS"
    TOP_N = "TOP_N"
    METHOD_USED = "METHOD_USED"
    SETTINGS = "SETTINGS"
    CELLS = "CELLS"
    PARAMETER_OF_SETTING = {**HotspotAlgorithm.PARAMETER_OF_SETTING, "window_days": "WINDOW_DAYS",
                            "half_life_days": "HALF_LIFE_DAYS", "bandwidth": "BANDWIDTH",
                            "time_bandwidth_days": "TIME_BANDWIDTH_DAYS", "weights": "WEIGHT_FIELD",
                            "origin": "FORECAST_START", "origins": "ORIGINS", "count": "ORIGINS"}

    def displayName(self):
        return self.tr("Forecast hotspots")

    def tags(self):
        return self.tr("forecast,predict,predictive policing,hotspot,recency,kernel,prospective,self-exciting,"
                       "Hawkes,SEPP,backtest,PEI").split(",")

    def summary(self):
        return self.tr(
            "Scores every cell of the fixed grid for crime in the coming days (the horizon) from the crimes "
            "before the forecast start, by one of five methods or by whichever of them would have caught the "
            "most crime on this data (best by backtest). Rank patrol hotspots can then choose hotspots by this "
            "forecast (RANK_BY forecast).")

    def method(self):
        return self.tr(
            "0 counts the crimes (or weights) of each cell over the last WINDOW_DAYS; 1 weighs each crime by "
            "0.5^(age / HALF_LIFE_DAYS); 2 spreads each crime of the window over the cells within BANDWIDTH by a "
            "quartic kernel, each crime adding exactly its weight (the retrospective hotspot map of open_cp, Daws "
            "2017); 3 "
            "is prospective hotspotting (Bowers, Johnson &amp; Pease 2004): each crime within BANDWIDTH metres and "
            "TIME_BANDWIDTH_DAYS adds 1 / (1 + distance in cells) × 1 / (1 + age in weeks); 4 is the lattice "
            "self-exciting point process of Mohler et al. (2015): each cell has a steady background rate μ, and "
            "each crime raises its own cell's rate by θω·e^(−ω·t) for a while after it (Mohler et al. 2011 "
            "model crime as such a self-exciting process), fitted by "
            "expectation–maximisation on the crimes before the start (the log gives μ, θ — the share of crime "
            "that follows earlier crime — and the mean delay 1/ω). <i>score</i> is the expected number of crimes "
            "(or weight) in the horizon for 0, 1, 2 and 4 (a rate per day over the window, times the horizon; "
            "for 4, the background plus the first generation of follow-on crimes) and a relative score for 3. "
            "5 runs Backtest hotspot forecasts over ORIGINS horizons before the start with every method's "
            "settings grid, TOP_N cells, and forecasts with the winner (the best mean PEI*, the NIJ 2017 "
            "forecasting challenge's measure; PAI is Chainey et al.'s 2008 index). No crime at or "
            "after the start is used. Crimes known only to the month (data.police.uk) work with 0–2 on whole "
            "months; 3 and 4 need dates and refuse them.")

    def initAlgorithm(self, config=None):
        self.add_crimes_input()
        self.add(self._time_parameter(), self.tr(
            "Each crime's date (and time): a field or an expression, as in the other algorithms. Month-only data "
            "(data.police.uk) work with methods 0–2."))
        self.add(QgsProcessingParameterField(
            self.WEIGHT_FIELD, self.tr("Weight field (e.g. harm)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.Numeric, optional=True),
            self.tr("An optional weight per crime (e.g. harm, 0 or more): the forecast is then of weight, not of "
                    "crimes. Not with the self-exciting model, which counts crimes."))
        self.add_cell_parameters()
        self.add(QgsProcessingParameterDateTime(
            self.FORECAST_START, self.tr("Forecast start"), type=QgsProcessingParameterDateTime.Date,
            optional=True),
            self.tr("The first day of the forecast. Only crimes before it are used. Empty: the day after the last "
                    "crime. On month data, a month start (a later day moves to the next month)."))
        self.add(QgsProcessingParameterNumber(
            self.HORIZON_DAYS, self.tr("Horizon (days)"), QgsProcessingParameterNumber.Integer, 28, minValue=1,
            maxValue=3660), self.tr("How many days the forecast covers. On month data, whole months."))
        add_methods_parameter(self, self.METHOD, self.tr("Method"), self.tr(
            "0 counts, 1 recency-weighted counts, 2 kernel-smoothed counts, 3 prospective hotspotting, 4 "
            "self-exciting point process, 5 best by backtest (see the method)."), with_best=True)
        add_method_settings(self)
        self.add(QgsProcessingParameterNumber(
            self.ORIGINS, self.tr("Backtest origins (best by backtest)"), QgsProcessingParameterNumber.Integer, 12,
            minValue=1, maxValue=120),
            self.tr("For METHOD 5: how many horizons before the start the methods are tried on."), advanced=True)
        self.add(QgsProcessingParameterNumber(
            self.TOP_N, self.tr("Hotspots scored (best by backtest)"), QgsProcessingParameterNumber.Integer, 20,
            minValue=1), self.tr("For METHOD 5: how many cells each method chooses at each origin."), advanced=True)
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Forecast"), QgsProcessing.TypeVectorPolygon),
            self.tr("A polygon per cell with a score above 0, highest first: <i>cell_id</i>, <i>row</i>, "
                    "<i>col</i> (as Grid crimes into cells writes them), <i>score</i> (expected crimes or weight in "
                    "the horizon; relative for prospective hotspotting — the log says which) and <i>rank</i> "
                    "(1 = highest score; ties by row and column)."))
        self.add_output(QgsProcessingOutputNumber(self.METHOD_USED, self.tr("Method used")),
                        self.tr("The method the forecast used, 0–4 (with METHOD 5, the backtest's winner)."))
        self.add_output(QgsProcessingOutputString(self.SETTINGS, self.tr("Settings used")),
                        self.tr("The method's settings, e.g. window_days=365."))
        self.add_output(QgsProcessingOutputNumber(self.CELLS, self.tr("Cells written")),
                        self.tr("Cells with a score above 0."))

    def _time_parameter(self):
        return QgsProcessingParameterExpression(self.TIME, self.tr("Crime date and time (field or expression)"),
                                                parentLayerParameterName=self.INPUT)

    def check_parameters(self, parameters, context):
        self.cell_size(parameters, context)
        method = self.parameterAsEnum(parameters, self.METHOD, context)
        if method == forecast.SEPP and self.parameterAsString(parameters, self.WEIGHT_FIELD, context):
            raise QgsProcessingException(self.tr(
                "WEIGHT_FIELD: the self-exciting model counts crimes; leave the weight empty, or use methods 0–3."))

    def processAlgorithm(self, parameters, context, feedback):
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None
        crimes = read_forecast_crimes(self, parameters, context, feedback, weight_field)
        start = forecast_start(self, parameters, context, crimes, feedback)
        crimes = crimes_before(self, crimes, start, feedback)
        length = horizon(self, parameters, context, crimes, start)
        method = self.parameterAsEnum(parameters, self.METHOD, context)
        if method == BEST_BY_BACKTEST:
            method, settings = self._best_by_backtest(parameters, context, feedback, crimes, start, weight_field)
        else:
            refuse_day_methods_on_months(crimes, [method])
            settings = method_settings(self, parameters, context, method)
        feedback.setProgress(60)
        used = backtest.settings_at(method, settings, start, crimes.months)
        result = self.run_core(forecast.forecast, method, crimes.x, crimes.y, crimes.t, start, crimes.lattice,
                               length, weights=crimes.weight, settings=used,
                               progress=self.progress_callback(feedback, 60, 85))
        self._log_forecast(feedback, method, settings, result, start, length, crimes)
        written = self._write_cells(parameters, context, feedback, crimes, result.score)
        style_on_load(context, written[0], "forecast")
        return {self.OUTPUT: written[0], self.METHOD_USED: method,
                self.SETTINGS: backtest.settings_text(method, settings, crimes.months),
                self.CELLS: written[1]}

    def _best_by_backtest(self, parameters, context, feedback, crimes, start, weight_field):
        """The method and settings with the best mean PEI* over ORIGINS horizons before ``start``."""
        methods = [m for m in range(len(forecast.METHOD_NAMES)) if not (weight_field and m == forecast.SEPP)]
        candidates = self.run_core(backtest.default_candidates, methods, crimes.months)
        length = horizon(self, parameters, context, crimes, start)
        requested = self.parameterAsInt(parameters, self.ORIGINS, context)
        origins = self.run_core(backtest.origins_that_fit, start, float(crimes.t.min()), length, requested,
                                crimes.months)
        if origins is None:
            raise QgsProcessingException(self.tr(
                "Best by backtest needs at least two horizons of {:g} days of crimes before the start, and they "
                "begin on {}: choose a method (0–4), a shorter HORIZON_DAYS or a later FORECAST_START.").format(
                    length, day_text(crimes.t.min())))
        if origins.start.size < requested:
            feedback.pushWarning(self.tr(
                "Only {} of the ORIGINS {} backtest horizons fit in the history before the start: the methods are "
                "compared on {}.").format(origins.start.size, requested, origins.start.size))
        feedback.pushInfo(self.tr("Backtesting {} methods and settings at {} origins from {} to {} …").format(
            len(candidates), origins.start.size, day_text(origins.start[0]), day_text(origins.start[-1])))
        result = self.run_core(backtest.backtest, crimes.x, crimes.y, crimes.t, crimes.lattice, candidates, origins,
                               self.parameterAsInt(parameters, self.TOP_N, context), weights=crimes.weight,
                               months=crimes.months, progress=self.progress_callback(feedback, 5, 60))
        for summary in sorted(result.summary, key=lambda s: -np.nan_to_num(s.mean_pei, nan=-1.0)):
            feedback.pushInfo(self.tr("  {} ({}): mean PEI* {:.3f}, mean hit rate {:.1%}{}").format(
                method_names()[summary.candidate.method], summary.candidate.text or "-", summary.mean_pei,
                summary.mean_hit_rate, self.tr(" — the winner") if summary.winner else ""))
        best = result.best.candidate
        return best.method, best.settings

    def _log_forecast(self, feedback, method, settings, result, start, length, crimes):
        feedback.pushInfo(self.tr("{} ({}) from {} for {:g} days: the score is {}.").format(
            method_names()[method], backtest.settings_text(method, settings, crimes.months) or "-",
            day_text(start), length, self.tr("expected crimes in those days") if result.expected else
            self.tr("relative (higher is more likely)")))
        if result.fitted:
            fitted = result.fitted
            feedback.pushInfo(self.tr(
                "Self-exciting model: background {:.3f} crimes a day in all; θ = {:.3f} (the share of crime that "
                "follows earlier crime in its cell); ω = {:.4f} a day (a mean delay of {:.1f} days); {} EM "
                "iterations{}.").format(fitted["mu_total_per_day"], fitted["theta"], fitted["omega_per_day"],
                                        1.0 / fitted["omega_per_day"] if fitted["omega_per_day"] > 0 else np.inf,
                                        fitted["iterations"], "" if fitted["converged"] else
                                        self.tr(", not converged: read it with care")))

    def _write_cells(self, parameters, context, feedback, crimes, score):
        lattice = crimes.lattice
        order = np.lexsort((lattice.col, lattice.row, -score))
        order = order[score[order] > 0]
        ids = grid.cell_ids(lattice.col[order], lattice.row[order], lattice.cell_size, lattice.shape)
        fields = QgsFields()
        for name, kind in (("cell_id", "text"), ("row", "int"), ("col", "int"), ("score", "double"),
                           ("rank", "int")):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Polygon,
                                             crimes.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        def features():
            for rank, (k, cell_id) in enumerate(zip(order.tolist(), ids), start=1):
                col, row = int(lattice.col[k]), int(lattice.row[k])
                feature = QgsFeature(fields)
                feature.setGeometry(cell_geometry(col, row, lattice.cell_size, lattice.shape))
                feature.setAttributes([cell_id, row, col, float(score[k]), rank])
                yield feature
        write_features(sink, features(), order.size, feedback, 85, 100)
        return dest_id, int(order.size)
