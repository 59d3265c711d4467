"""hotspotpatrol:backtesthotspots — which forecast method would have caught the most crime here."""

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QDate

from ..core import backtest, forecast
from .backtest_report import report_html
from .base import HotspotAlgorithm
from .forecast_data import (
    add_methods_parameter,
    crimes_before,
    day_text,
    method_names,
    read_forecast_crimes,
    refuse_day_methods_on_months,
)
from .styles import style_on_load

ORIGIN_FIELDS = (("method", "int"), ("settings", "text"), ("origin", "date"), ("crimes", "int"), ("hits", "int"),
                 ("hit_rate", "double"), ("pai", "double"), ("pei", "double"), ("rri", "double"),
                 ("stability", "double"))
SUMMARY_FIELDS = (("method", "int"), ("settings", "text"), ("mean_hit_rate", "double"), ("mean_pai", "double"),
                  ("mean_pei", "double"), ("min_pei", "double"), ("max_pei", "double"), ("winner", "bool"))


class BacktestHotspotsAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "backtesthotspots"
    GROUP = "choose"
    ICON = "map_accuracy"
    REFERENCES = ("chainey2008", "hyndman2021", "levine2008", "nij2017")

    WEIGHT_FIELD = "WEIGHT_FIELD"
    METHODS = "METHODS"
    ORIGINS = "ORIGINS"
    HORIZON_DAYS = "HORIZON_DAYS"
    TOP_N = "TOP_N"
    AREA_SHARE = "AREA_SHARE"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    BEST_METHOD = "BEST_METHOD"
    BEST_SETTINGS = "BEST_SETTINGS"
    BEST_MEAN_HIT_RATE = "BEST_MEAN_HIT_RATE"
    BEST_MEAN_PEI = "BEST_MEAN_PEI"
    PARAMETER_OF_SETTING = {**HotspotAlgorithm.PARAMETER_OF_SETTING, "methods": "METHODS", "count": "ORIGINS",
                            "origins": "ORIGINS", "n_cells": "TOP_N", "horizon_days": "HORIZON_DAYS"}

    def displayName(self):
        return self.tr("Backtest hotspot forecasts")

    def tags(self):
        return self.tr("backtest,forecast,predict,PAI,PEI,hit rate,RRI,cross-validation,rolling origin,hotspot,"
                       "model selection").split(",")

    def summary(self):
        return self.tr(
            "Which way of choosing hotspots would have caught the most crime on this force's own history? Each "
            "forecast method, with a small grid of settings, forecasts each of ORIGINS horizons from the crimes "
            "before it, chooses its TOP_N cells, and is scored against what happened: hit rate, PAI, PEI* and "
            "RRI. The winner has the best mean PEI*.")

    def method(self):
        return self.tr(
            "a rolling forecasting origin (Hyndman &amp; Athanasopoulos 2021): origins HORIZON_DAYS apart, the "
            "last HORIZON_DAYS before the end of the data (or END), so every horizon is observed whole and no "
            "crime at or after an origin is used to forecast it. A horizon of whole years steps by calendar "
            "years. The settings tried are Forecast hotspots' grids: windows of 28, 91, 182, 365 and 730 days "
            "and all history; half-lives of 14, 30, 90 and 180 days; kernels of 150, 300 and 600 m over a year "
            "and 300 m over 91 days; prospective bands of 400 m over 28, 56 and 91 days and 200 m over 56 days; "
            "and the self-exciting model. Scores: hit rate (the share of the horizon's crime in the chosen "
            "cells), PAI (hit rate over the share of the area — the cells of the box holding the crimes — that "
            "they cover; Chainey et al. 2008), PEI* (the crimes caught over the most that any as many cells "
            "held: the measure of the NIJ 2017 forecasting challenge, 1 at best), RRI (the share of crime "
            "caught over the share of the forecast in the chosen cells; Levine 2008) and stability (the share of "
            "the chosen cells the same method chose at the previous origin). Only cells with a forecast above 0 "
            "are chosen. Hits count crimes even when WEIGHT_FIELD weights the forecasts. Crimes known only to "
            "the month (data.police.uk) are backtested on whole months with methods 0–2.")

    def initAlgorithm(self, config=None):
        self.add_crimes_input()
        self.add(QgsProcessingParameterExpression(
            self.TIME, self.tr("Crime date and time (field or expression)"), parentLayerParameterName=self.INPUT),
            self.tr("Each crime's date (and time), as in the other algorithms; month-only data work with "
                    "methods 0–2."))
        self.add(QgsProcessingParameterField(
            self.WEIGHT_FIELD, self.tr("Weight field (e.g. harm)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.Numeric, optional=True),
            self.tr("An optional weight per crime for the forecasts (the self-exciting model is then left out)."))
        self.add_cell_parameters()
        add_methods_parameter(self, self.METHODS, self.tr("Methods"), self.tr(
            "The methods to compare, each with its grid of settings: 0 counts, 1 recency-weighted counts, 2 "
            "kernel-smoothed counts, 3 prospective hotspotting, 4 self-exciting point process."), multiple=True)
        self.add(QgsProcessingParameterNumber(
            self.ORIGINS, self.tr("Forecast origins"), QgsProcessingParameterNumber.Integer, 12, minValue=1,
            maxValue=120), self.tr("How many horizons to forecast and score, back from the end of the data."))
        self.add(QgsProcessingParameterNumber(
            self.HORIZON_DAYS, self.tr("Horizon (days)"), QgsProcessingParameterNumber.Integer, 28, minValue=1,
            maxValue=3660), self.tr("The length of each forecast (and the step between origins). On month data, "
                                    "whole months; 365 steps by calendar years."))
        self.add(QgsProcessingParameterNumber(
            self.TOP_N, self.tr("Hotspots chosen at each origin"), QgsProcessingParameterNumber.Integer, 20,
            minValue=1), self.tr("How many cells each method chooses (the hotspots a force would patrol)."))
        self.add(QgsProcessingParameterNumber(
            self.AREA_SHARE, self.tr("Or a share of the area (0–1; empty: TOP_N)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0, maxValue=1.0),
            self.tr("Choose this share of the area's cells instead of TOP_N (e.g. 0.01 for 1%)."), decimals=4)
        self.add(QgsProcessingParameterDateTime(
            self.END, self.tr("Data end (exclusive; empty: the day after the last crime)"),
            type=QgsProcessingParameterDateTime.Date, optional=True),
            self.tr("Backtest as if the data ended here: crimes from END on are ignored."), advanced=True)
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Scores by origin"), QgsProcessing.TypeVector),
                 self.tr("A row per method, settings and origin: <i>method</i> (0–4), <i>settings</i>, "
                         "<i>origin</i> (the first day forecast), <i>crimes</i> (in the horizon), <i>hits</i> (in "
                         "the chosen cells), <i>hit_rate</i>, <i>pai</i>, <i>pei</i>, <i>rri</i> and "
                         "<i>stability</i> (null at the first origin)."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr("Summary by method"), QgsProcessing.TypeVector),
            self.tr("A row per method and settings: <i>method</i>, <i>settings</i>, <i>mean_hit_rate</i>, "
                    "<i>mean_pai</i>, <i>mean_pei</i>, <i>min_pei</i>, <i>max_pei</i> and <i>winner</i> (true on "
                    "the best mean PEI*)."))
        self.add(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("Report (HTML)"), self.tr("HTML files (*.html)"), optional=True,
            createByDefault=False), self.tr("A one-page report: the winner, PEI* by origin and what it means."))
        self.add_output(QgsProcessingOutputNumber(self.BEST_METHOD, self.tr("Best method")),
                        self.tr("The winner's method, 0–4."))
        self.add_output(QgsProcessingOutputString(self.BEST_SETTINGS, self.tr("Best settings")),
                        self.tr("The winner's settings, e.g. window_days=365."))
        self.add_output(QgsProcessingOutputNumber(self.BEST_MEAN_HIT_RATE, self.tr("Best mean hit rate")),
                        self.tr("The winner's mean hit rate (0–1)."))
        self.add_output(QgsProcessingOutputNumber(self.BEST_MEAN_PEI, self.tr("Best mean PEI*")),
                        self.tr("The winner's mean PEI* (0–1)."))

    def check_parameters(self, parameters, context):
        self.cell_size(parameters, context)
        if not self.parameterAsEnums(parameters, self.METHODS, context):
            raise QgsProcessingException(self.tr("METHODS: choose at least one method to backtest."))

    def processAlgorithm(self, parameters, context, feedback):
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None
        crimes = read_forecast_crimes(self, parameters, context, feedback, weight_field)
        end = self._data_end(parameters, context, crimes)
        crimes = crimes_before(self, crimes, end, feedback)
        methods = sorted(self.parameterAsEnums(parameters, self.METHODS, context))
        if weight_field and forecast.SEPP in methods:
            methods.remove(forecast.SEPP)
            feedback.pushWarning(self.tr("The self-exciting model counts crimes: it is left out with WEIGHT_FIELD."))
        if crimes.months and set(methods) - forecast.NEEDS_DAYS:
            dropped = [method_names()[m] for m in methods if m in forecast.NEEDS_DAYS]
            methods = [m for m in methods if m not in forecast.NEEDS_DAYS]
            if dropped:
                feedback.pushWarning(self.tr("{} need crimes dated to the day: left out on these month-only "
                                             "data.").format(self.tr(" and ").join(dropped)))
        refuse_day_methods_on_months(crimes, methods)
        candidates = self.run_core(backtest.default_candidates, methods, crimes.months)
        origins = self.run_core(backtest.rolling_origins, end,
                                self.parameterAsInt(parameters, self.HORIZON_DAYS, context),
                                self.parameterAsInt(parameters, self.ORIGINS, context), crimes.months)
        n_cells = self._cells_chosen(parameters, context, crimes)
        feedback.pushInfo(self.tr("{} methods and settings, {} origins from {} to {}, {} cells chosen at each.").format(
            len(candidates), origins.start.size, day_text(origins.start[0]), day_text(origins.start[-1]), n_cells))
        result = self.run_core(backtest.backtest, crimes.x, crimes.y, crimes.t, crimes.lattice, candidates, origins,
                               n_cells, weights=crimes.weight, months=crimes.months,
                               progress=self.progress_callback(feedback, 10, 95))
        outputs = self._write_outputs(parameters, context, result, origins, n_cells, crimes)
        best = result.best
        feedback.pushInfo(self.tr("Winner: {} ({}), mean PEI* {:.3f}, mean hit rate {:.1%}.").format(
            method_names()[best.candidate.method], best.candidate.text or "-", best.mean_pei, best.mean_hit_rate))
        return {**outputs, self.BEST_METHOD: best.candidate.method, self.BEST_SETTINGS: best.candidate.text,
                self.BEST_MEAN_HIT_RATE: best.mean_hit_rate, self.BEST_MEAN_PEI: best.mean_pei}

    def _data_end(self, parameters, context, crimes):
        """END as a day, or the day after the last crime (on month data, the next month start)."""
        end = crimes.last_day + 1.0
        if crimes.months:  # the last month is observed whole
            end = backtest.day_of_month_start(backtest.month_of_day(crimes.last_day) + 1)
        if parameters.get(self.END) not in (None, ""):
            given = self.parameterAsDateTime(parameters, self.END, context).date()
            end = float(given.toJulianDay() - QDate(1970, 1, 1).toJulianDay())
        return end

    def _cells_chosen(self, parameters, context, crimes):
        share = parameters.get(self.AREA_SHARE)
        if share in (None, ""):
            return self.parameterAsInt(parameters, self.TOP_N, context)
        return max(1, int(round(self.parameterAsDouble(parameters, self.AREA_SHARE, context) *
                                crimes.lattice.col.size)))

    def _write_outputs(self, parameters, context, result, origins, n_cells, crimes):
        def date(day):
            return QDate(1970, 1, 1).addDays(int(np.floor(day)))
        outputs = {self.OUTPUT: self.write_table(parameters, context, self.OUTPUT, ORIGIN_FIELDS, [
            [r.candidate.method, r.candidate.text, date(r.origin), r.score.crimes, r.score.hits, r.score.hit_rate,
             r.score.pai, r.score.pei, r.score.rri, r.stability] for r in result.rows])}
        style_on_load(context, outputs[self.OUTPUT], "backtest_scores")
        outputs[self.OUTPUT_SUMMARY] = self.write_table(parameters, context, self.OUTPUT_SUMMARY, SUMMARY_FIELDS, [
            [s.candidate.method, s.candidate.text, s.mean_hit_rate, s.mean_pai, s.mean_pei, s.min_pei, s.max_pei,
             s.winner] for s in result.summary])
        style_on_load(context, outputs[self.OUTPUT_SUMMARY], "backtest_summary")
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report:
            text = self.tr("{:,} crimes; {:,} cells of {:g} m.").format(
                crimes.t.size, crimes.lattice.col.size, crimes.lattice.cell_size)
            outputs[self.OUTPUT_REPORT] = self.write_text_output(
                self.OUTPUT_REPORT, report, report_html(result, origins.start, n_cells, text))
        return outputs
