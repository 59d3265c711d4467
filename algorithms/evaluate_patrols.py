"""hotspotpatrol:evaluatepatrols — did the patrols work? Patrol days against other days."""

import datetime

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
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
from .evaluation_report import finding, report_html
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
SUMMARY_FIELDS = (("group", "text"), ("patrol_days", "int"), ("other_days", "int"), ("crimes_patrol", "int"),
                  ("crimes_other", "int"), ("rate_patrol", "double"), ("rate_other", "double"),
                  ("change_pct", "double"), ("rate_ratio", "double"), ("ci_low", "double"), ("ci_high", "double"),
                  ("p_value", "double"))
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
    REFERENCES = ("bowers2003", "clopper1934", "fay2010", "koper1995", "sherman1995")

    CRIMES = "CRIMES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    CATEGORY_GROUPS = "CATEGORY_GROUPS"
    VISITS = "VISITS"
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
    OUTPUT_REPORT = "OUTPUT_REPORT"

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
            "a hotspot-day is patrolled when a visit starts on it. Crime rates are crimes per hotspot-day, patrol "
            "days against all other days, as the Minneapolis experiment compared patrolled and unpatrolled hot "
            "spots (Sherman &amp; Weisburd 1995). The test is the exact conditional test for two Poisson rates: "
            "given the total, the split of crimes between patrol and other days is binomial, with a "
            "Clopper–Pearson interval (Clopper &amp; Pearson 1934), as R's poisson.test (Fay 2010), so small "
            "counts are honest. The residual curve compares each day after a patrol with days more than "
            "RESIDUAL_DAYS after one: deterrence that outlasts the visit (Koper 1995). The weighted displacement "
            "quotient (Bowers &amp; Johnson 2003) compares target (R), ring (D) and control (C) before (b) and "
            "during (a) the patrols: success_measure = Ra/Ca − Rb/Cb, buffer_measure = Da/Ca − Db/Cb, wdq = "
            "buffer_measure ÷ success_measure. With crime down in the target (a negative success measure), wdq "
            "&gt; 0 is a diffusion of benefit into the ring and wdq &lt; 0 displacement (below −1: more than the "
            "benefit); otherwise it is not interpretable.")

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
            self.tr("The field with each crime's type, which CATEGORY_GROUPS groups."))
        self.add(QgsProcessingParameterString(
            self.CATEGORY_GROUPS, self.tr("Crime groups (name=type,type;name=type…)"), optional=True),
            self.tr("Groups of crime types evaluated separately, e.g. <i>violent=Violence and sexual "
                    "offences,Robbery;street=Theft from the person,Bicycle theft</i>; needs CATEGORY_FIELD. A group "
                    "name (letters, digits, _) names its output fields. Without groups every crime is in one "
                    "group, <i>all</i>."))
        self.add(QgsProcessingParameterFeatureSource(
            self.VISITS, self.tr("Patrol visits (hotspot_id, start, end)"), [QgsProcessing.TypeVector]),
            self.tr("The visits made (Patrol dosage from GPS) or planned (Generate patrol plan): a layer or "
                    "table with hotspot_id, start and end."))
        self.add(QgsProcessingParameterFeatureSource(
            self.HOTSPOTS, self.tr("Hotspots (polygons with hotspot_id)"), [QgsProcessing.TypeVectorPolygon]),
            self.tr("The patrolled polygons, with hotspot_id."))
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
            self.tr("Per group (and per group's ring, named &lt;group&gt; (ring)): <i>group</i>, "
                    "<i>patrol_days</i>, <i>other_days</i>, <i>crimes_patrol</i>, <i>crimes_other</i>, "
                    "<i>rate_patrol</i>, <i>rate_other</i> (crimes per hotspot-day), <i>change_pct</i>, "
                    "<i>rate_ratio</i>, <i>ci_low</i>, <i>ci_high</i> (its 95% interval), <i>p_value</i>."))
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
        days = self._patrol_days(parameters, context, feedback, ids, period, zone)
        in_hotspot, in_ring, in_control = self._places(parameters, context, crimes, [h[2] for h in hotspots], ring,
                                                       before is not None)
        feedback.setProgress(40)

        members = self._group_members(crimes, groups, feedback)
        compared = self.run_core(evaluation.compare_groups, members, time_steps(crimes.time, "day", period[0])[0],
                                 in_hotspot, days, residual_days, crime_ring=in_ring if ring > 0 else None)
        displaced = [] if before is None else self.run_core(
            displacement.displacement_by_group, members, in_period(crimes.time, *before),
            in_period(crimes.time, *period), in_hotspot >= 0, in_ring >= 0, in_control)
        feedback.setProgress(70)
        # The report is made before the first output is written; every output was checked writable.
        report = report_html(period=period, zone=str(zone), hotspot_ids=ids,
                             totals=self.run_core(evaluation.hotspot_totals, days, compared.counts),
                             compared=compared, residual_days=residual_days, displaced=displaced,
                             ring=ring) if report_path else ""

        results = self._write_tables(parameters, context, feedback, ids, period[0], days, compared, displaced)
        self._log_findings(feedback, compared, displaced, days, residual_days)
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
        return days

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

    # --- writing ------------------------------------------------------------------------

    def _write_tables(self, parameters, context, feedback, ids, first_day, days, compared, displaced):
        results = {self.OUTPUT_DAYS: self._write_days(parameters, context, feedback, ids, first_day, days, compared)}
        results[self.OUTPUT_SUMMARY] = self.write_table(
            parameters, context, self.OUTPUT_SUMMARY, SUMMARY_FIELDS,
            [[name, r.exposure_a, r.exposure_b, r.crimes_a, r.crimes_b, r.rate_a, r.rate_b, r.change_pct, r.ratio,
              r.ci_low, r.ci_high, r.p_value] for name, r in compared.summary])
        results[self.OUTPUT_RESIDUAL] = self.write_table(
            parameters, context, self.OUTPUT_RESIDUAL, RESIDUAL_FIELDS,
            [[name, r.label, r.days, r.crimes, r.rate, r.ratio, r.ci_low, r.ci_high, r.p_value]
             for name, r in compared.residual])
        if displaced and parameters.get(self.OUTPUT_DISPLACEMENT):
            results[self.OUTPUT_DISPLACEMENT] = self.write_table(
                parameters, context, self.OUTPUT_DISPLACEMENT, DISPLACEMENT_FIELDS,
                [[name, *counts, d.success_measure, d.buffer_measure, d.wdq, d.reading]
                 for name, counts, d in displaced])
        for key, style in ((self.OUTPUT_DAYS, "hotspot_days"), (self.OUTPUT_SUMMARY, "patrol_effect"),
                           (self.OUTPUT_RESIDUAL, "residual_deterrence"), (self.OUTPUT_DISPLACEMENT, "displacement")):
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
        counts = list(compared.counts.values()) + list(compared.ring_counts.values())

        def features():
            for h in range(n_hotspots):
                for d in range(n_days):
                    feature = QgsFeature(fields)
                    since = days.days_since[h, d]
                    feature.setAttributes(
                        [ids[h], dates[d], bool(days.patrolled[h, d]), int(days.visits[h, d]),
                         float(days.minutes[h, d]), None if np.isnan(since) else int(since)]
                        + [int(c[h, d]) for c in counts])
                    yield feature
        write_features(sink, features(), n_hotspots * n_days, feedback, 70, 95)
        return dest_id

    def _log_findings(self, feedback, compared, displaced, days, residual_days):
        for name, result in compared.summary:
            feedback.pushInfo(finding(name, result))
        for name, _, d in displaced:
            feedback.pushInfo(self.tr("{}: weighted displacement quotient {}. {}").format(
                name, f"{d.wdq:.2f}" if np.isfinite(d.wdq) else self.tr("not defined"), d.reading))
        if not np.any(days.days_since > residual_days):
            feedback.pushWarning(self.tr(
                "No hotspot-day is more than {} days after a patrol, so the residual-deterrence curve has no "
                "baseline: extend END past the end of the patrols, or lower RESIDUAL_DAYS.").format(residual_days))
