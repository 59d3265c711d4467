"""hotspotpatrol:evaluatepatrols — did the patrols work? Patrol days against other days."""

import datetime

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from ..core import crime_groups, displacement, evaluation, hotspot_days
from ..core.time_calendar import in_period, time_steps
from ..core.time_resolution import DAY
from .base import HotspotAlgorithm, make_field, write_features
from .evaluation_dosage import DOSAGE_FIELDS, dosage_rows, dosage_table
from .evaluation_inputs import read_assignment, read_crime_harm
from .evaluation_report import disagreements, effect_finding, primary_in_words, report_html
from .reader import (
    PointIndex,
    assign_to_polygons,
    points_inside,
    read_area_mask,
    read_hotspots,
    read_points,
    read_visits,
    require_resolution,
    source_of,
)
from .styles import style_on_load
from .time_zones import system_time_zone, time_zone

DAY_FIELDS = (("hotspot_id", "text"), ("date", "date"), ("patrolled", "bool"), ("visits", "int"),
              ("minutes", "double"), ("days_since_patrol", "int"))
RING_PREFIX = "ring_"  # a group's ring count in OUTPUT_DAYS: ring_<group>
SUMMARY_FIELDS = (("group", "text"), ("analysis", "text"), ("primary", "bool"), ("patrol_days", "int"),
                  ("other_days", "int"), ("crimes_patrol", "int"), ("crimes_other", "int"), ("rate_patrol", "double"),
                  ("rate_other", "double"), ("change_pct", "double"), ("rate_ratio", "double"),
                  ("ci_low", "double"), ("ci_high", "double"), ("p_value", "double"), ("harm_patrol", "double"),
                  ("harm_other", "double"), ("harm_ratio", "double"), ("harm_ci_low", "double"),
                  ("harm_ci_high", "double"))
RESIDUAL_FIELDS = (("group", "text"), ("days_since_patrol", "text"), ("hotspot_days", "int"), ("crimes", "int"),
                   ("rate", "double"), ("rate_ratio", "double"), ("ci_low", "double"), ("ci_high", "double"),
                   ("p_value", "double"))
DISPLACEMENT_FIELDS = (("group", "text"), ("target_before", "int"), ("target_after", "int"),
                       ("ring_before", "int"), ("ring_after", "int"), ("control_before", "int"),
                       ("control_after", "int"), ("success_measure", "double"), ("buffer_measure", "double"),
                       ("wdq", "double"), ("reading", "text"))


class EvaluatePatrolsAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "evaluatepatrols"
    GROUP = "learn"
    ICON = "hotspot_patrol"
    REFERENCES = ("bowers2003", "breslow1987", "clopper1934", "efron1993", "fay2010", "greenland1985", "koper1995",
              "sherman1995", "sherman2016", "wedderburn1974")

    CRIMES = "CRIMES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    CATEGORY_GROUPS = "CATEGORY_GROUPS"
    VISITS = "VISITS"
    ASSIGNMENT = "ASSIGNMENT"
    STRATIFY_WEEKDAY = "STRATIFY_WEEKDAY"
    HARM_WEIGHTS = "HARM_WEIGHTS"
    SEED = "SEED"
    HOTSPOTS = "HOTSPOTS"
    TIMEZONE = "TIMEZONE"
    RESIDUAL_DAYS = "RESIDUAL_DAYS"
    RING = "RING"
    CONTROL = "CONTROL"
    BEFORE_START = "BEFORE_START"
    BEFORE_END = "BEFORE_END"
    OUTPUT_DAYS = "OUTPUT_DAYS"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_RESIDUAL = "OUTPUT_RESIDUAL"
    OUTPUT_DISPLACEMENT = "OUTPUT_DISPLACEMENT"
    OUTPUT_DOSAGE = "OUTPUT_DOSAGE"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    PARAMETER_OF_SETTING = {**HotspotAlgorithm.PARAMETER_OF_SETTING, "assigned": "ASSIGNMENT",
                            "crime_harm": "HARM_WEIGHTS"}

    def displayName(self):
        return self.tr("Evaluate patrol effect")

    def tags(self):
        return self.tr("evaluation,patrol effect,residual deterrence,displacement,diffusion of benefit,WDQ,"
                       "rate ratio,hotspot,crime,report").split(",")

    def summary(self):
        return self.tr(
            "Compares crime in the hotspots on the days they were patrolled with the days they were not, "
            "measures how long the effect lasts after a patrol (residual deterrence) and whether crime moved to "
            "the streets around (displacement) — the analysis behind the Southend pilot's headline, with honest "
            "uncertainty.")

    def method(self):
        return self.tr(
            "a hotspot-day is patrolled when a visit starts on it. The primary analysis (<i>within_hotspot</i>) "
            "compares each hotspot's patrol days with its own other days (with STRATIFY_WEEKDAY, with the other "
            "days of the same hotspot and weekday), so that busy hotspots patrolled more, or less, often than quiet "
            "ones cannot bias it: one rate ratio across hotspots, the conditional Poisson (fixed-effects) estimate "
            "with its likelihood-ratio interval and test (Breslow &amp; Day 1987), widened for overdispersed "
            "daily counts by the quasi-Poisson dispersion read from the hotspot-days and an F reference "
            "(Wedderburn 1974): on negative-binomial days the plain Poisson test finds chance effects "
            "significant far more often than 5%; hotspots with only one kind of day say nothing and are left out "
            "of its counts. With ASSIGNMENT it is by intention to treat: the "
            "patrol days are the days the design assigned, visited or not, the comparison a random assignment "
            "protects; the visited days, within hotspots, are the secondary <i>as_delivered</i> row, and the log "
            "gives the compliance (assigned hotspot-days with a visit ÷ assigned hotspot-days). The secondary "
            "<i>pooled</i> row puts all hotspot-days together, patrol days against all others, as the Minneapolis "
            "experiment compared patrolled and unpatrolled hot spots (Sherman &amp; Weisburd 1995), with the exact "
            "conditional test for two Poisson rates: given the total, the split of crimes is binomial, with a "
            "Clopper–Pearson interval (Clopper &amp; Pearson 1934), as R's poisson.test (Fay 2010). The report says "
            "when the pooled and within-hotspot estimates (on the same visited days) disagree: ratios on opposite "
            "sides of 1, one significant at 5% and the other not, intervals that do not overlap, or a pooled ratio "
            "more than 20% away from the within-hotspot one. With HARM_WEIGHTS "
            "each crime weighs its category's harm (Sherman, Neyroud &amp; Neyroud 2016): <i>harm_ratio</i> is harm "
            "per hotspot-day on patrol days over other days (within hotspots the Mantel–Haenszel form of Greenland "
            "&amp; Robins 1985 with harm in place of counts; pooled the ratio of the totals), with a 95% percentile "
            "bootstrap interval from 2,000 resamples that redraw each hotspot's patrol days and other days "
            "separately (a stratified bootstrap; Efron &amp; Tibshirani 1993), repeatable with SEED. The "
            "residual curve compares each day after a patrol with days more than RESIDUAL_DAYS after one: "
            "deterrence that outlasts the visit (Koper "
            "1995). The weighted displacement quotient (Bowers &amp; Johnson 2003) compares target (R), ring (D) and "
            "control (C) before (b) and during (a) the patrols: success_measure = Ra/Ca − Rb/Cb, buffer_measure = "
            "Da/Ca − Db/Cb, wdq = buffer_measure ÷ success_measure. With crime down in the target (a negative "
            "success measure), wdq &gt; 0 is a diffusion of benefit into the ring and wdq &lt; 0 displacement "
            "(below −1: more than the benefit); otherwise it is not interpretable.")

    def initAlgorithm(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(
            self.CRIMES, self.tr("Crimes (points)"), [QgsProcessing.TypeVectorPoint]),
            self.tr("The crime points; each part of a multipoint is a crime."))
        self.add(QgsProcessingParameterExpression(
            self.TIME, self.tr("Crime date and time (field or expression)"), parentLayerParameterName=self.CRIMES),
            self.tr("Each crime's date and time: a field or an expression. It puts each crime on a calendar day "
                    "in TIMEZONE, so it must give at least the day (a crime known only to its month is refused)."))
        self.add(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Crime type field"), parentLayerParameterName=self.CRIMES, optional=True),
            self.tr("The field with each crime's type, which CATEGORY_GROUPS groups and HARM_WEIGHTS weighs."))
        self.add(QgsProcessingParameterString(
            self.CATEGORY_GROUPS, self.tr("Crime groups (name=type,type;name=type…)"), optional=True),
            self.tr("Groups of crime types evaluated separately, e.g. <i>violent=Violence and sexual "
                    "offences,Robbery;street=Theft from the person,Bicycle theft</i>; needs CATEGORY_FIELD. A group "
                    "name (letters, digits, _) names its output fields. Without groups every crime is in one "
                    "group, <i>all</i>."))
        self.add(QgsProcessingParameterFile(
            self.HARM_WEIGHTS, self.tr("Harm weights (CSV: category,weight)"), extension="csv", optional=True),
            self.tr("Optional: a CSV file with the columns <i>category,weight</i>, the harm of one crime of each "
                    "category (e.g. the Cambridge Crime Harm Index's days), as for Rank hotspots; needs "
                    "CATEGORY_FIELD. The patrol effect then gives harm beside the counts. A crime whose category "
                    "is not in the file counts as a crime but carries no harm (the log names those categories)."))
        self.add(QgsProcessingParameterFeatureSource(
            self.VISITS, self.tr("Patrol visits (hotspot_id, start, end)"), [QgsProcessing.TypeVector]),
            self.tr("The visits made (Patrol dosage from GPS) or planned (Generate patrol plan): a layer or "
                    "table with hotspot_id, start and end."))
        self.add(QgsProcessingParameterFeatureSource(
            self.HOTSPOTS, self.tr("Hotspots (polygons with hotspot_id)"), [QgsProcessing.TypeVectorPolygon]),
            self.tr("The patrolled polygons, with hotspot_id."))
        self.add(QgsProcessingParameterFeatureSource(
            self.ASSIGNMENT, self.tr("Assignment of patrol days (hotspot_id, date, assigned)"),
            [QgsProcessing.TypeVector], optional=True),
            self.tr("Optional: the days the design assigned each hotspot a patrol, as Generate patrol plan's "
                    "OUTPUT_ASSIGNMENT writes them (<i>hotspot_id</i>, <i>date</i>, <i>assigned</i> true or false). "
                    "With it the primary analysis is by intention to treat: assigned days against the other days, "
                    "visited or not; days not in it are not assigned."))
        self.add(QgsProcessingParameterBoolean(
            self.STRATIFY_WEEKDAY, self.tr("Compare within hotspot and weekday"), defaultValue=False),
            self.tr("Compare patrol days with the other days of the same hotspot and the same weekday, for patrols "
                    "that favour some weekdays when crime differs by weekday."), advanced=True)
        self.add(QgsProcessingParameterDateTime(
            self.START, self.tr("Evaluation period from (inclusive)"), QgsProcessingParameterDateTime.Date),
            self.tr("The first day of the evaluation period (START &lt;= day &lt; END), a whole local day."))
        self.add(QgsProcessingParameterDateTime(
            self.END, self.tr("Evaluation period until (exclusive)"), QgsProcessingParameterDateTime.Date),
            self.tr("The day after the last day of the evaluation period."))
        self.add(QgsProcessingParameterString(
            self.TIMEZONE, self.tr("Time zone (IANA name)"), defaultValue=system_time_zone()),
            self.tr("Days are calendar days in this IANA zone (e.g. Europe/London); times carrying a UTC offset "
                    "are converted to it, others are read as written."))
        self.add(QgsProcessingParameterNumber(
            self.RESIDUAL_DAYS, self.tr("Days after a patrol shown one by one"), QgsProcessingParameterNumber.Integer,
            defaultValue=3, minValue=1),
            self.tr("Days after a patrol day shown one by one in the residual-deterrence curve."))
        self.add(QgsProcessingParameterNumber(
            self.RING, self.tr("Displacement ring around each hotspot (metres)"), QgsProcessingParameterNumber.Double,
            defaultValue=150.0, minValue=0.0),
            self.tr("The width in metres of the ring around each hotspot for displacement (0: none). A crime in "
                    "the rings of two hotspots counts for the higher-ranked; hotspots are never part of a ring."),
            decimals=0)
        self.add(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Integer, defaultValue=0, minValue=0),
            self.tr("The seed of the harm intervals' bootstrap: the same inputs and seed give the same intervals."),
            advanced=True)
        self.add(QgsProcessingParameterFeatureSource(
            self.CONTROL, self.tr("Control areas"), [QgsProcessing.TypeVectorPolygon], optional=True),
            self.tr("Comparison areas without patrols, for the weighted displacement quotient: CONTROL, "
                    "BEFORE_START and BEFORE_END go together (all three or none). Crimes in a hotspot or a ring "
                    "never count as control."))
        self.add(QgsProcessingParameterDateTime(
            self.BEFORE_START, self.tr("Before period from"), QgsProcessingParameterDateTime.Date, optional=True),
            self.tr("The first day of a period before the patrols, for the weighted displacement quotient."))
        self.add(QgsProcessingParameterDateTime(
            self.BEFORE_END, self.tr("Before period until (exclusive)"), QgsProcessingParameterDateTime.Date,
            optional=True),
            self.tr("The day after the last day of the before period."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_DAYS, self.tr("Hotspot-days"), QgsProcessing.TypeVector),
            self.tr("A row per hotspot and day: <i>hotspot_id</i>, <i>date</i>, <i>patrolled</i>, <i>visits</i>, "
                    "<i>minutes</i>, <i>days_since_patrol</i> (0 on a patrol day, 1, 2, … after the last one, "
                    "patrols before START included; empty before the first), then one crime count per group, "
                    "named after it (<i>all</i> without groups), and with RING the count in the ring, "
                    "ring_&lt;group&gt; (e.g. <i>ring_all</i>)."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.tr("Patrol effect"), QgsProcessing.TypeVector),
            self.tr("A row per group (and per group's ring, named &lt;group&gt; (ring)) and analysis, the primary "
                    "first: <i>group</i>, <i>analysis</i> (<i>within_hotspot</i>: patrol days against the other days "
                    "of the same hotspot, by intention to treat with ASSIGNMENT; <i>as_delivered</i>, with "
                    "ASSIGNMENT: the visited days within hotspots; <i>pooled</i>: all hotspot-days together), "
                    "<i>primary</i> (true on the row to read first), <i>patrol_days</i>, <i>other_days</i>, "
                    "<i>crimes_patrol</i>, <i>crimes_other</i> (within hotspots: of the hotspots with both kinds of "
                    "day), <i>rate_patrol</i>, <i>rate_other</i> (crimes per hotspot-day), <i>change_pct</i>, "
                    "<i>rate_ratio</i>, <i>ci_low</i>, <i>ci_high</i> (its 95% interval), <i>p_value</i>; with "
                    "HARM_WEIGHTS <i>harm_patrol</i>, <i>harm_other</i> (summed harm), <i>harm_ratio</i> (harm per "
                    "hotspot-day, patrol days over other days), <i>harm_ci_low</i>, <i>harm_ci_high</i> (its 95% "
                    "bootstrap interval), else empty."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_RESIDUAL, self.tr("Residual deterrence"), QgsProcessing.TypeVector),
            self.tr("<i>group</i>, <i>days_since_patrol</i> (0, 1 … RESIDUAL_DAYS, more), <i>hotspot_days</i>, "
                    "<i>crimes</i>, <i>rate</i>, <i>rate_ratio</i> against 'more', <i>ci_low</i>, <i>ci_high</i>, "
                    "<i>p_value</i>."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_DISPLACEMENT, self.tr("Displacement (WDQ)"), QgsProcessing.TypeVector, optional=True,
            createByDefault=False),
            self.tr("Optional, with CONTROL and a before period: per group, crimes before and during the patrols "
                    "in the hotspots, the rings and the control areas (<i>target_before</i>, <i>target_after</i>, "
                    "<i>ring_before</i>, <i>ring_after</i>, <i>control_before</i>, <i>control_after</i>), "
                    "<i>success_measure</i>, <i>buffer_measure</i>, <i>wdq</i> and <i>reading</i>, the quotient "
                    "in plain words."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_DOSAGE, self.tr("Visit length and crime (Koper curve)"), QgsProcessing.TypeVector,
            optional=True, createByDefault=False),
            self.tr("Optional, when VISITS has <i>minutes</i> and the crimes times of day; observational (visits are "
                    "not given their length at random). <i>measure</i> <i>after_visit</i>: per <i>band</i> of visit "
                    "length (&lt; 5, 5–10, 10–16 inclusive, &gt; 16 min) the crimes in the hotspot from a visit's "
                    "end up to 2 hours later, per visit; band <i>no visit (same hours)</i>: the same hours of the "
                    "day on days no visit came near. <i>daily_minutes</i>: crimes per hotspot-day by the day's "
                    "patrol minutes (0, 1–15, 16–30, 31–60, &gt; 60). <i>units</i> (visits, 2-hour windows or "
                    "hotspot-days), <i>crimes</i>, <i>rate</i>, <i>ci_low</i>, <i>ci_high</i> (exact Poisson 95%), "
                    "<i>ratio_to_baseline</i> (against no visit, or 0 min)."))
        self.add(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("Evaluation report"), self.tr("HTML files (*.html)"), optional=True),
            self.tr("Optional: the findings in plain words, the residual-deterrence chart and a table per "
                    "hotspot, as one self-contained HTML file."))

    def check_parameters(self, parameters, context):
        self._period(parameters, context, self.START, self.END, required=True)
        before = self._period(parameters, context, self.BEFORE_START, self.BEFORE_END, required=False)
        if bool(parameters.get(self.CONTROL)) != (before is not None):
            raise QgsProcessingException(self.tr(
                "The displacement quotient needs CONTROL together with BEFORE_START and BEFORE_END; give all "
                "three, or none."))
        groups = self._groups(parameters, context)
        if groups and not self.parameterAsString(parameters, self.CATEGORY_FIELD, context):
            raise QgsProcessingException(self.tr(
                "CATEGORY_GROUPS needs CATEGORY_FIELD: the field with the crime type."))
        if (self.parameterAsFile(parameters, self.HARM_WEIGHTS, context)
                and not self.parameterAsString(parameters, self.CATEGORY_FIELD, context)):
            raise QgsProcessingException(self.tr(
                "HARM_WEIGHTS needs CATEGORY_FIELD: the field with the crime type, whose harm the table gives."))

    def processAlgorithm(self, parameters, context, feedback):
        zone = time_zone(self.parameterAsString(parameters, self.TIMEZONE, context))
        period = self._period(parameters, context, self.START, self.END, required=True)
        before = self._period(parameters, context, self.BEFORE_START, self.BEFORE_END, required=False)
        residual_days = self.parameterAsInt(parameters, self.RESIDUAL_DAYS, context)
        ring = self.parameterAsDouble(parameters, self.RING, context)
        groups = self._groups(parameters, context)
        # Areas must be areas: a crime is never "inside" a point, so point hotspots gave "no crimes".
        hotspots_source = source_of(self, parameters, self.HOTSPOTS, context)
        self.require_polygons(hotspots_source, self.HOTSPOTS)
        if before is not None:
            self.require_polygons(source_of(self, parameters, self.CONTROL, context), self.CONTROL,
                                  what=self.tr("the control areas"),
                                  fix=self.tr("Choose polygons of comparable areas without patrols"))
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)

        crimes = self._read_crimes(parameters, context, feedback, zone)
        hotspots = read_hotspots(hotspots_source, self.HOTSPOTS, context, crimes.crs)
        ids = [str(h[0]) for h in hotspots]
        feedback.setProgress(20)
        days, visits = self._patrol_days(parameters, context, feedback, ids, period, zone)
        in_hotspot, in_ring, in_control = self._places(parameters, context, crimes, [h[2] for h in hotspots], ring,
                                                       before is not None)
        feedback.setProgress(40)
        dosage = self.run_core(dosage_table, visits, crimes, in_hotspot, len(ids), period, zone,
                               feedback) if parameters.get(
                                   self.OUTPUT_DOSAGE) else None

        members = self._group_members(crimes, groups, feedback)
        design = self._design(parameters, context, feedback, ids, period, crimes)
        compared = self.run_core(evaluation.compare_groups, members, time_steps(crimes.time, "day", period[0])[0],
                                 in_hotspot, days, residual_days, crime_ring=in_ring if ring > 0 else None, **design)
        displaced = [] if before is None else self.run_core(
            displacement.displacement_by_group, members, in_period(crimes.time, *before),
            in_period(crimes.time, *period), in_hotspot >= 0, in_ring >= 0, in_control)
        feedback.setProgress(70)
        # The report is made before the first output is written; every output was checked writable.
        report = report_html(period=period, zone=str(zone), hotspot_ids=ids,
                             totals=self.run_core(evaluation.hotspot_totals, days, compared.counts, design["assigned"]),
                             compared=compared, residual_days=residual_days, displaced=displaced, ring=ring,
                             by_weekday=design["first_weekday"] is not None, dosage=dosage) if report_path else ""

        results = self._write_tables(parameters, context, feedback, ids, period[0], days, compared, displaced,
                                     dosage)
        self._log_findings(feedback, compared, displaced, days, residual_days, design)
        if report_path:
            results[self.OUTPUT_REPORT] = self.write_text_output(self.OUTPUT_REPORT, report_path, report)
        feedback.setProgress(100)
        return results

    # --- reading ------------------------------------------------------------------------

    def _period(self, parameters, context, start_name, end_name, required):
        """``(first day, day after the last)`` of two date parameters; None when neither is given
        and the period is not ``required``."""
        start = self.parameterAsDateTime(parameters, start_name, context)
        end = self.parameterAsDateTime(parameters, end_name, context)
        if not (start.isValid() and end.isValid()):
            if required or start.isValid() or end.isValid():
                raise QgsProcessingException(self.tr(
                    "{} and {} are both needed: the first day and the day after the last.").format(
                        start_name, end_name))
            return None
        first, after = start.date().toPyDate(), end.date().toPyDate()
        if after <= first:
            raise QgsProcessingException(self.tr(
                "{} ({}) is not before {} ({}); the period is START <= day < END.").format(
                    start_name, first, end_name, after))
        return first, after

    def _groups(self, parameters, context):
        """CATEGORY_GROUPS read; a group may not take the name of another OUTPUT_DAYS field."""
        text = self.parameterAsString(parameters, self.CATEGORY_GROUPS, context)
        reserved = (crime_groups.ALL,) + tuple(name for name, _ in DAY_FIELDS)
        return self.run_core(crime_groups.parse_groups, text, reserved_names=reserved, reserved_prefix=RING_PREFIX)

    def _read_crimes(self, parameters, context, feedback, zone):
        crimes = read_points(self, parameters, self.CRIMES, context, feedback,
                             category_field=self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or None,
                             time_expression=self.parameterAsExpression(parameters, self.TIME, context),
                             time_zone=zone)
        if crimes.time is None:
            raise QgsProcessingException(self.tr("TIME is needed: the field or expression with each crime's time."))
        require_resolution(crimes, DAY, self.tr(
            "Comparing patrol days with other days (a crime known only to its month cannot be put on a day)"))
        return crimes

    def _patrol_days(self, parameters, context, feedback, ids, period, zone):
        """The visits of VISITS to the hotspots ``ids`` on the hotspot-by-day grid of ``period``."""
        visits = read_visits(source_of(self, parameters, self.VISITS, context), self.VISITS, zone, feedback)
        visit_hotspot = hotspot_days.hotspot_index(ids, visits["hotspot_id"])
        unknown = visit_hotspot < 0
        if unknown.any():
            feedback.pushWarning(self.tr("{} visits name hotspots that are not in HOTSPOTS (e.g. '{}'); they are "
                                         "left out.").format(int(unknown.sum()), visits["hotspot_id"][unknown][0]))
        known = ~unknown
        visit_day = time_steps(visits["start"][known], "day", period[0])[0]
        minutes = (visits["end_utc"][known] - visits["start_utc"][known]) / np.timedelta64(1, "m")
        days = self.run_core(hotspot_days.patrol_days, visit_hotspot[known], visit_day, minutes, len(ids),
                             (period[1] - period[0]).days)
        if not days.patrolled.any():
            raise QgsProcessingException(self.tr(
                "No visit starts inside the evaluation period {} to {}: check START and END against the "
                "visits' dates, and TIMEZONE.").format(*period))
        known_visits = {key: value[known] for key, value in visits.items() if value is not None}
        return days, {**known_visits, "hotspot": visit_hotspot[known]}

    def _places(self, parameters, context, crimes, geometries, ring, has_control):
        """Where each crime is: its hotspot and the hotspot whose ring holds it (-1: none; the
        higher-ranked where two overlap), and whether it is in CONTROL outside both."""
        index = PointIndex(crimes.x, crimes.y)
        in_hotspot = assign_to_polygons(index, geometries)
        in_ring = np.full(len(crimes), -1, dtype=np.int64)
        if ring > 0:
            union = QgsGeometry.unaryUnion(geometries)
            in_ring = assign_to_polygons(index, [g.buffer(ring, 8).difference(union) for g in geometries])
        in_control = np.zeros(len(crimes), dtype=bool)
        if has_control:
            control = read_area_mask(self, parameters, self.CONTROL, context, crimes.crs)
            in_control = points_inside(control, crimes.x, crimes.y) & (in_hotspot < 0) & (in_ring < 0)
        return in_hotspot, in_ring, in_control

    def _group_members(self, crimes, groups, feedback):
        """{group: mask of crimes}, with a warning per group naming its types that no crime has."""
        members, absent = self.run_core(crime_groups.group_members, groups, crimes.category, len(crimes))
        for name, types in absent.items():
            feedback.pushWarning(self.tr("Group {}: no crime has the type {} (check the spelling).").format(
                name, ", ".join(f"'{t}'" for t in types)))
        return members

    def _design(self, parameters, context, feedback, ids, period, crimes):
        """compare_groups' arguments of the design: the assignment, weekday strata, harm and seed."""
        assignment = None
        if parameters.get(self.ASSIGNMENT):
            assignment = read_assignment(source_of(self, parameters, self.ASSIGNMENT, context), self.ASSIGNMENT,
                                         ids, period, feedback)
        harm_file = self.parameterAsFile(parameters, self.HARM_WEIGHTS, context)
        return {"assigned": assignment,
                "first_weekday": period[0].weekday() if self.parameterAsBool(
                    parameters, self.STRATIFY_WEEKDAY, context) else None,
                "crime_harm": self.run_core(read_crime_harm, harm_file, crimes.category, feedback) if harm_file
                else None,
                "seed": self.parameterAsInt(parameters, self.SEED, context)}

    # --- writing ------------------------------------------------------------------------

    def _write_tables(self, parameters, context, feedback, ids, first_day, days, compared, displaced, dosage):
        results = {self.OUTPUT_DAYS: self._write_days(parameters, context, feedback, ids, first_day, days, compared)}
        results[self.OUTPUT_SUMMARY] = self.write_table(
            parameters, context, self.OUTPUT_SUMMARY, SUMMARY_FIELDS,
            [[e.group, e.analysis, e.primary, e.rates.exposure_a, e.rates.exposure_b, e.rates.crimes_a,
              e.rates.crimes_b, e.rates.rate_a, e.rates.rate_b, e.rates.change_pct, e.rates.ratio, e.rates.ci_low,
              e.rates.ci_high, e.rates.p_value]
             + ([None] * 5 if e.harm is None else [e.harm.harm_patrol, e.harm.harm_other, e.harm.ratio,
                                                   e.harm.ci_low, e.harm.ci_high])
             for e in compared.summary])
        results[self.OUTPUT_RESIDUAL] = self.write_table(
            parameters, context, self.OUTPUT_RESIDUAL, RESIDUAL_FIELDS,
            [[name, r.label, r.days, r.crimes, r.rate, r.ratio, r.ci_low, r.ci_high, r.p_value]
             for name, r in compared.residual])
        if displaced and parameters.get(self.OUTPUT_DISPLACEMENT):
            results[self.OUTPUT_DISPLACEMENT] = self.write_table(
                parameters, context, self.OUTPUT_DISPLACEMENT, DISPLACEMENT_FIELDS,
                [[name, *counts, d.success_measure, d.buffer_measure, d.wdq, d.reading]
                 for name, counts, d in displaced])
        if dosage:
            results[self.OUTPUT_DOSAGE] = self.write_table(parameters, context, self.OUTPUT_DOSAGE, DOSAGE_FIELDS,
                                                           dosage_rows(dosage))
        for key, style in ((self.OUTPUT_DAYS, "hotspot_days"), (self.OUTPUT_SUMMARY, "patrol_effect"),
                           (self.OUTPUT_RESIDUAL, "residual_deterrence"), (self.OUTPUT_DISPLACEMENT, "displacement"),
                           (self.OUTPUT_DOSAGE, "dosage_response")):
            if key in results:
                style_on_load(context, results[key], style)
        return results

    def _write_days(self, parameters, context, feedback, ids, first_day, days, compared):
        fields = QgsFields()
        for field_name, kind in DAY_FIELDS:
            fields.append(make_field(field_name, kind))
        for name in compared.counts:
            fields.append(make_field(name, "int"))
        for name in compared.ring_counts:
            fields.append(make_field(f"{RING_PREFIX}{name}", "int"))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_DAYS, context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_DAYS))
        n_hotspots, n_days = days.patrolled.shape
        dates = [QDate(first_day + datetime.timedelta(days=d)) for d in range(n_days)]
        # Whole columns to Python values at once: numpy scalars one by one cost more than the writing.
        since = [None if value != value else int(value) for value in days.days_since.ravel().tolist()]
        columns = [days.patrolled.ravel().astype(bool).tolist(), days.visits.ravel().astype(np.int64).tolist(),
                   days.minutes.ravel().astype(float).tolist(), since] + [
                       np.asarray(c).ravel().astype(np.int64).tolist()
                       for c in list(compared.counts.values()) + list(compared.ring_counts.values())]

        def features():
            for row, values in enumerate(zip(*columns)):
                feature = QgsFeature(fields)
                feature.setAttributes([ids[row // n_days], dates[row % n_days], *values])
                yield feature
        write_features(sink, features(), n_hotspots * n_days, feedback, 70, 95)
        return dest_id

    def _log_findings(self, feedback, compared, displaced, days, residual_days, design):
        feedback.pushInfo(primary_in_words(compared.compliance, design["first_weekday"] is not None))
        for text in [effect_finding(effect) for effect in compared.summary] + disagreements(compared.summary):
            feedback.pushInfo(text)
        for name, _, d in displaced:
            feedback.pushInfo(self.tr("{}: weighted displacement quotient {}. {}").format(
                name, f"{d.wdq:.2f}" if np.isfinite(d.wdq) else self.tr("not defined"), d.reading))
        if not np.any(days.days_since > residual_days):
            feedback.pushWarning(self.tr(
                "No hotspot-day is more than {} days after a patrol, so the residual-deterrence curve has no "
                "baseline: extend END past the end of the patrols, or lower RESIDUAL_DAYS.").format(residual_days))
