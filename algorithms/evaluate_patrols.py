"""hotspotpatrol:evaluatepatrols — did the patrols work? Patrol days against other days."""

import datetime
import re

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

from ..core import evaluation
from ..core.time_resolution import DAY
from ..core.timeparse import in_period
from .base import HotspotAlgorithm, make_field, write_features
from .evaluation_report import report_html
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

RESERVED_NAMES = ("all", "hotspot_id", "date", "patrolled", "visits", "minutes", "days_since_patrol")
GROUP_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
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


def parse_groups(text):
    """``violent=A,B;street=C`` as {group: set of categories}, in the order written."""
    groups = {}
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        name, _, categories = part.partition("=")
        name = name.strip()
        members = {c.strip() for c in categories.split(",") if c.strip()}
        if not GROUP_NAME.match(name) or not members:
            raise QgsProcessingException(
                "CATEGORY_GROUPS must read like 'violent=Violence and sexual offences,Robbery;street=Bicycle "
                "theft': a group name (letters, digits, _; it names the output field) then '=' and its "
                f"categories. Cannot read '{part.strip()}'.")
        if name in groups or name in RESERVED_NAMES or name.startswith("ring_"):
            raise QgsProcessingException(
                f"The group name '{name}' is used twice, or clashes with an output column ({', '.join(RESERVED_NAMES)}, "
                "ring_…); rename the group.")
        groups[name] = members
    return groups


class EvaluatePatrolsAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "evaluatepatrols"
    DISPLAY_NAME = "Evaluate patrol effect"
    GROUP = "learn"
    ICON = "hotspot_patrol"
    HELP = (
        "Compares crime in the hotspots on the days they were patrolled with the days they were not, "
        "measures how long the effect lasts after a patrol (residual deterrence) and whether crime moved to "
        "the streets around (displacement) — the analysis behind the Southend pilot's headline, with honest "
        "uncertainty.\n\n"
        "<b>Parameters</b><ul>"
        "<li>CRIMES, TIME: the crimes and their date and time (field or expression).</li>"
        "<li>CATEGORY_FIELD and CATEGORY_GROUPS (optional): groups of crime types evaluated separately, e.g. "
        "<i>violent=Violence and sexual offences,Robbery;street=Theft from the person,Bicycle theft</i>. "
        "Without them every crime is in one group, <i>all</i>.</li>"
        "<li>VISITS: the visits made (Patrol dosage from GPS) or planned (Generate patrol plan): a layer or "
        "table with hotspot_id, start and end.</li>"
        "<li>HOTSPOTS: the patrolled polygons, with hotspot_id.</li>"
        "<li>START, END: the evaluation period (START &lt;= day &lt; END), whole local days.</li>"
        "<li>TIMEZONE (default: this computer's zone): days are calendar days in this IANA zone; times "
        "carrying a UTC offset are converted to it, others are read as written.</li>"
        "<li>RESIDUAL_DAYS (3): days after a patrol day shown one by one in the residual-deterrence "
        "curve.</li>"
        "<li>RING (150 m): the ring around each hotspot for displacement (0: none). A crime in the rings of "
        "two hotspots counts for the higher-ranked; hotspots are never part of a ring.</li>"
        "<li>CONTROL, BEFORE_START, BEFORE_END (optional, all three or none): comparison areas and a period "
        "before the patrols, for the weighted displacement quotient.</li></ul>"
        "<b>Outputs</b><ul>"
        "<li>OUTPUT_DAYS: a row per hotspot and day: <i>hotspot_id</i>, <i>date</i>, <i>patrolled</i>, "
        "<i>visits</i>, <i>minutes</i>, <i>days_since_patrol</i> (0 on a patrol day, 1, 2, … after the last "
        "one, patrols before START included; empty before the first), then one crime count per group, named "
        "after it (<i>all</i> without groups), and with RING the count in the ring, ring_&lt;group&gt; (e.g. "
        "<i>ring_all</i>).</li>"
        "<li>OUTPUT_SUMMARY: per group (and per group's ring, named &lt;group&gt; (ring)): <i>group</i>, "
        "<i>patrol_days</i>, <i>other_days</i>, <i>crimes_patrol</i>, <i>crimes_other</i>, "
        "<i>rate_patrol</i>, <i>rate_other</i> (crimes per hotspot-day), <i>change_pct</i>, "
        "<i>rate_ratio</i>, <i>ci_low</i>, <i>ci_high</i> (its 95% interval), <i>p_value</i>.</li>"
        "<li>OUTPUT_RESIDUAL: <i>group</i>, <i>days_since_patrol</i> (0, 1 … RESIDUAL_DAYS, more), "
        "<i>hotspot_days</i>, <i>crimes</i>, <i>rate</i>, <i>rate_ratio</i> against 'more', <i>ci_low</i>, "
        "<i>ci_high</i>, <i>p_value</i>.</li>"
        "<li>OUTPUT_DISPLACEMENT (optional, with CONTROL and a before period): per group, crimes before and "
        "during the patrols in the hotspots, the rings and the control areas (<i>target_before</i>, "
        "<i>target_after</i>, <i>ring_before</i>, <i>ring_after</i>, <i>control_before</i>, "
        "<i>control_after</i>), <i>success_measure</i>, <i>buffer_measure</i>, <i>wdq</i> and "
        "<i>reading</i>, the quotient in plain words.</li>"
        "<li>OUTPUT_REPORT (optional): the findings in plain words, the residual-deterrence chart and a "
        "table per hotspot, as one self-contained HTML file.</li></ul>"
        "<b>Method</b>: a hotspot-day is patrolled when a visit starts on it. Crime rates are crimes per "
        "hotspot-day, patrol days against all other days, as the Minneapolis experiment compared patrolled "
        "and unpatrolled hot spots (Sherman &amp; Weisburd 1995). The test is the exact conditional test for "
        "two Poisson rates: given the total, the split of crimes between patrol and other days is binomial, "
        "with a Clopper–Pearson interval (Clopper &amp; Pearson 1934), as R's poisson.test (Fay 2010), so "
        "small counts are honest. The residual curve compares each day after a patrol with days more than "
        "RESIDUAL_DAYS after one: deterrence that outlasts the visit (Koper 1995). The weighted displacement "
        "quotient (Bowers &amp; Johnson 2003) compares target (R), ring (D) and control (C) before (b) and "
        "during (a) the patrols: success_measure = Ra/Ca − Rb/Cb, buffer_measure = Da/Ca − Db/Cb, wdq = "
        "buffer_measure ÷ success_measure. With crime down in the target (a negative success measure), wdq "
        "&gt; 0 is a diffusion of benefit into the ring and wdq &lt; 0 displacement (below −1: more than the "
        "benefit); otherwise it is not interpretable.\n\n"
        "<b>References</b><ul>"
        "<li>Bowers, K. J. &amp; Johnson, S. D. (2003). Measuring the geographical displacement and "
        "diffusion of benefit effects of crime prevention activity. Journal of Quantitative Criminology "
        "19(3), 275–301.</li>"
        "<li>Clopper, C. J. &amp; Pearson, E. S. (1934). The use of confidence or fiducial limits "
        "illustrated in the case of the binomial. Biometrika 26(4), 404–413.</li>"
        "<li>Fay, M. P. (2010). Two-sided exact tests and matching confidence intervals for discrete data. "
        "The R Journal 2(1), 53–58.</li>"
        "<li>Koper, C. S. (1995). Just enough police presence: reducing crime and disorderly behavior by "
        "optimizing patrol time in crime hot spots. Justice Quarterly 12(4), 649–672.</li>"
        "<li>Sherman, L. W. &amp; Weisburd, D. (1995). General deterrent effects of police patrol in crime "
        "“hot spots”: a randomized, controlled trial. Justice Quarterly 12(4), 625–648.</li></ul>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CRIMES", self.tr("Crimes (points)"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterExpression(
            "TIME", self.tr("Crime date and time (field or expression)"), parentLayerParameterName="CRIMES"))
        self.addParameter(QgsProcessingParameterField(
            "CATEGORY_FIELD", self.tr("Crime type field"), parentLayerParameterName="CRIMES", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CATEGORY_GROUPS", self.tr("Crime groups (name=type,type;name=type…)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "VISITS", self.tr("Patrol visits (hotspot_id, start, end)"), [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HOTSPOTS", self.tr("Hotspots (polygons with hotspot_id)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterDateTime(
            "START", self.tr("Evaluation period from (inclusive)"), QgsProcessingParameterDateTime.Date))
        self.addParameter(QgsProcessingParameterDateTime(
            "END", self.tr("Evaluation period until (exclusive)"), QgsProcessingParameterDateTime.Date))
        self.addParameter(QgsProcessingParameterString(
            "TIMEZONE", self.tr("Time zone (IANA name)"), defaultValue=system_time_zone()))
        self.addParameter(QgsProcessingParameterNumber(
            "RESIDUAL_DAYS", self.tr("Days after a patrol shown one by one"), QgsProcessingParameterNumber.Integer,
            defaultValue=3, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            "RING", self.tr("Displacement ring around each hotspot (metres)"), QgsProcessingParameterNumber.Double,
            defaultValue=150.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CONTROL", self.tr("Control areas"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterDateTime(
            "BEFORE_START", self.tr("Before period from"), QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterDateTime(
            "BEFORE_END", self.tr("Before period until (exclusive)"), QgsProcessingParameterDateTime.Date,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_DAYS", self.tr("Hotspot-days"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_SUMMARY", self.tr("Patrol effect"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_RESIDUAL", self.tr("Residual deterrence"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_DISPLACEMENT", self.tr("Displacement (WDQ)"), QgsProcessing.TypeVector, optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_REPORT", self.tr("Evaluation report"), self.tr("HTML files (*.html)"), optional=True))

    # --- reading ------------------------------------------------------------------------

    def _period(self, parameters, context, start_name, end_name, required):
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

    def processAlgorithm(self, parameters, context, feedback):
        zone = time_zone(self.parameterAsString(parameters, "TIMEZONE", context))
        first_day, after_day = self._period(parameters, context, "START", "END", required=True)
        before = self._period(parameters, context, "BEFORE_START", "BEFORE_END", required=False)
        has_control = bool(parameters.get("CONTROL"))
        if has_control != (before is not None):
            raise QgsProcessingException(self.tr(
                "The displacement quotient needs CONTROL together with BEFORE_START and BEFORE_END; give all "
                "three, or none."))
        n_days = (after_day - first_day).days
        residual_days = self.parameterAsInt(parameters, "RESIDUAL_DAYS", context)
        ring = self.parameterAsDouble(parameters, "RING", context)

        category_field = self.parameterAsString(parameters, "CATEGORY_FIELD", context) or None
        groups = parse_groups(self.parameterAsString(parameters, "CATEGORY_GROUPS", context))
        if groups and not category_field:
            raise QgsProcessingException(self.tr("CATEGORY_GROUPS needs CATEGORY_FIELD: the field with the crime type."))
        # Areas must be areas: a crime is never "inside" a point, so point hotspots gave "no crimes".
        hotspots_source = source_of(self, parameters, "HOTSPOTS", context)
        self.require_polygons(hotspots_source, "HOTSPOTS")
        if has_control:
            self.require_polygons(source_of(self, parameters, "CONTROL", context), "CONTROL",
                                  what=self.tr("the control areas"),
                                  fix=self.tr("Choose polygons of comparable areas without patrols"))
        report_path = self.parameterAsFileOutput(parameters, "OUTPUT_REPORT", context)

        crimes = read_points(self, parameters, "CRIMES", context, feedback, category_field=category_field,
                             time_expression=self.parameterAsExpression(parameters, "TIME", context),
                             time_zone=zone)
        if crimes.time is None:
            raise QgsProcessingException(self.tr("TIME is needed: the field or expression with each crime's time."))
        require_resolution(crimes, DAY, self.tr(
            "Comparing patrol days with other days (a crime known only to its month cannot be put on a day)"))
        hotspots = read_hotspots(hotspots_source, "HOTSPOTS", context, crimes.crs)
        ids = [str(h[0]) for h in hotspots]
        geometries = [h[2] for h in hotspots]
        feedback.setProgress(20)

        visits = read_visits(source_of(self, parameters, "VISITS", context), "VISITS", zone, feedback)
        position = {hotspot_id: k for k, hotspot_id in enumerate(ids)}
        visit_hotspot = np.array([position.get(h, -1) for h in visits["hotspot_id"]], dtype=np.int64)
        unknown = visit_hotspot < 0
        if unknown.any():
            feedback.pushWarning(self.tr("{} visits name hotspots that are not in HOTSPOTS (e.g. '{}'); they are "
                                         "left out.").format(int(unknown.sum()), visits["hotspot_id"][unknown][0]))
        first = np.datetime64(first_day, "D")
        visit_day = (visits["start"][~unknown].astype("datetime64[D]") - first).astype(np.int64)
        minutes = (visits["end_utc"][~unknown] - visits["start_utc"][~unknown]).astype(np.int64) / 60.0
        days = self.run_core(evaluation.patrol_days, visit_hotspot[~unknown], visit_day, minutes, len(ids), n_days)
        if not days.patrolled.any():
            raise QgsProcessingException(self.tr(
                "No visit starts inside the evaluation period {} to {}: check START and END against the "
                "visits' dates, and TIMEZONE.").format(first_day, after_day))

        # Where each crime is: a hotspot, a ring, a control area, or elsewhere.
        index = PointIndex(crimes.x, crimes.y)
        in_hotspot = assign_to_polygons(index, geometries)
        in_ring = np.full(len(crimes), -1, dtype=np.int64)
        if ring > 0:
            union = QgsGeometry.unaryUnion(geometries)
            rings = [g.buffer(ring, 8).difference(union) for g in geometries]
            in_ring = assign_to_polygons(index, rings)
        in_control = np.zeros(len(crimes), dtype=bool)
        if has_control:
            control = read_area_mask(self, parameters, "CONTROL", context, crimes.crs)
            in_control = points_inside(control, crimes.x, crimes.y) & (in_hotspot < 0) & (in_ring < 0)
        feedback.setProgress(40)

        members = self._group_members(crimes, groups, feedback)
        in_period_mask = in_period(crimes.time, datetime.datetime.combine(first_day, datetime.time()),
                                   datetime.datetime.combine(after_day, datetime.time()))
        crime_day = (crimes.time.astype("datetime64[D]") - first).astype(np.int64)
        counts, ring_counts, summary, residual, displacement = {}, {}, [], [], []
        for name, member in members.items():
            chosen = member & in_period_mask
            counts[name] = self.run_core(evaluation.count_crimes, in_hotspot[chosen], crime_day[chosen],
                                         len(ids), n_days)
            summary.append((name, self.run_core(evaluation.patrol_effect, counts[name], days.patrolled)))
            residual.extend((name, row) for row in self.run_core(
                evaluation.residual_deterrence, counts[name], days.days_since, residual_days))
            if ring > 0:
                ring_counts[name] = self.run_core(evaluation.count_crimes, in_ring[chosen], crime_day[chosen],
                                                  len(ids), n_days)
                summary.append((f"{name} (ring)",
                                self.run_core(evaluation.patrol_effect, ring_counts[name], days.patrolled)))
            if has_control:
                displacement.append((name, self._displacement(
                    member, crimes.time, before, (first_day, after_day), in_hotspot, in_ring, in_control)))
        feedback.setProgress(70)
        # The report is made before the first output is written; every output was checked writable.
        report = self._report(ids, days, counts, summary, residual, residual_days, displacement,
                              ring, (first_day, after_day), zone) if report_path else ""

        results = {}
        results["OUTPUT_DAYS"] = self._write_days(parameters, context, feedback, ids, first_day, days, counts,
                                                  ring_counts)
        results["OUTPUT_SUMMARY"] = self.write_table(
            parameters, context, "OUTPUT_SUMMARY", SUMMARY_FIELDS,
            [[name, r.exposure_a, r.exposure_b, r.crimes_a, r.crimes_b, r.rate_a, r.rate_b, r.change_pct, r.ratio,
              r.ci_low, r.ci_high, r.p_value] for name, r in summary])
        results["OUTPUT_RESIDUAL"] = self.write_table(
            parameters, context, "OUTPUT_RESIDUAL", RESIDUAL_FIELDS,
            [[name, r.label, r.days, r.crimes, r.rate, r.ratio, r.ci_low, r.ci_high, r.p_value]
             for name, r in residual])
        if has_control and parameters.get("OUTPUT_DISPLACEMENT"):
            results["OUTPUT_DISPLACEMENT"] = self.write_table(
                parameters, context, "OUTPUT_DISPLACEMENT", DISPLACEMENT_FIELDS,
                [[name, *counts_, d.success_measure, d.buffer_measure, d.wdq, d.reading]
                 for name, (counts_, d) in displacement])
        for key, style in (("OUTPUT_DAYS", "hotspot_days"), ("OUTPUT_SUMMARY", "patrol_effect"),
                           ("OUTPUT_RESIDUAL", "residual_deterrence"), ("OUTPUT_DISPLACEMENT", "displacement")):
            if key in results:
                style_on_load(context, results[key], style)
        for name, result in summary:
            feedback.pushInfo(describe(name, result))
        for name, (_, d) in displacement:
            feedback.pushInfo(self.tr("{}: weighted displacement quotient {}. {}").format(
                name, f"{d.wdq:.2f}" if np.isfinite(d.wdq) else "not defined", d.reading))
        if not np.any(days.days_since > residual_days):
            feedback.pushWarning(self.tr(
                "No hotspot-day is more than {} days after a patrol, so the residual-deterrence curve has no "
                "baseline: extend END past the end of the patrols, or lower RESIDUAL_DAYS.").format(residual_days))

        if report_path:
            results["OUTPUT_REPORT"] = self.write_text_output("OUTPUT_REPORT", report_path, report)
        feedback.setProgress(100)
        return results

    @staticmethod
    def _report(ids, days, counts, summary, residual, residual_days, displacement, ring, period, zone):
        """The HTML report's text."""
        per_hotspot = [(ids[h], int(days.patrolled[h].sum()), int(days.visits[h].sum()),
                        float(days.minutes[h].sum()),
                        {name: (int(c[h][days.patrolled[h]].sum()), int(c[h][~days.patrolled[h]].sum()))
                         for name, c in counts.items()}) for h in range(len(ids))]
        return report_html(period=period, zone=str(zone), n_hotspots=len(ids),
                           sentences=[describe(name, result) for name, result in summary],
                           summary=summary, residual=residual, residual_days=residual_days,
                           per_hotspot=per_hotspot, displacement=displacement, ring=ring)

    def _group_members(self, crimes, groups, feedback):
        """{group: mask of crimes}; one group 'all' without CATEGORY_GROUPS."""
        if not groups:
            return {"all": np.ones(len(crimes), dtype=bool)}
        categories = np.array(["" if c is None else str(c) for c in crimes.category], dtype=object)
        present = set(categories.tolist())
        members = {}
        for name, wanted in groups.items():
            absent = sorted(wanted - present)
            if absent:
                feedback.pushWarning(self.tr("Group {}: no crime has the type {} (check the spelling).").format(
                    name, ", ".join(f"'{a}'" for a in absent)))
            members[name] = np.isin(categories, list(wanted))
        return members

    def _displacement(self, member, times, before, after, in_hotspot, in_ring, in_control):
        def period_mask(period):
            return member & in_period(times, datetime.datetime.combine(period[0], datetime.time()),
                                      datetime.datetime.combine(period[1], datetime.time()))
        b, a = period_mask(before), period_mask(after)
        counts_ = [int(np.sum(mask & area)) for area in (in_hotspot >= 0, in_ring >= 0, in_control)
                   for mask in (b, a)]
        return counts_, self.run_core(evaluation.weighted_displacement_quotient, *counts_)

    def _write_days(self, parameters, context, feedback, ids, first_day, days, counts, ring_counts):
        fields = QgsFields()
        for field_name, kind in (("hotspot_id", "text"), ("date", "date"), ("patrolled", "bool"), ("visits", "int"),
                                 ("minutes", "double"), ("days_since_patrol", "int")):
            fields.append(make_field(field_name, kind))
        for name in counts:
            fields.append(make_field(name, "int"))
        for name in ring_counts:
            fields.append(make_field(f"ring_{name}", "int"))
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT_DAYS", context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT_DAYS"))
        n_hotspots, n_days = days.patrolled.shape
        dates = [QDate(first_day + datetime.timedelta(days=d)) for d in range(n_days)]

        def features():
            for h in range(n_hotspots):
                for d in range(n_days):
                    feature = QgsFeature(fields)
                    since = days.days_since[h, d]
                    feature.setAttributes(
                        [ids[h], dates[d], bool(days.patrolled[h, d]), int(days.visits[h, d]),
                         float(days.minutes[h, d]), None if np.isnan(since) else int(since)]
                        + [int(c[h, d]) for c in counts.values()] + [int(c[h, d]) for c in ring_counts.values()])
                    yield feature
        write_features(sink, features(), n_hotspots * n_days, feedback, 70, 95)
        return dest_id


def describe(name, result):
    """One finding in plain words, with its uncertainty."""
    base = name[:-len(" (ring)")] if name.endswith(" (ring)") else name
    what = "crime" if base == "all" else f"{base} crime"
    if name.endswith(" (ring)"):
        what += " in the rings around the hotspots"
    counts = (f"{_crimes(result.crimes_a)} in {result.exposure_a:.0f} patrol hotspot-days against "
              f"{result.crimes_b} in {result.exposure_b:.0f} other hotspot-days")
    if result.crimes_a + result.crimes_b == 0:
        return f"{what.capitalize()}: no crimes on either kind of day, so no comparison ({counts})."
    if result.crimes_b == 0:
        return (f"{what.capitalize()}: every crime fell on patrol days ({counts}); the rate ratio has no upper "
                f"bound (p = {result.p_value:.3g}).")
    return (f"{what.capitalize()} was {_change(result.ratio)} on patrol days (95% CI {_change_interval(result)}, "
            f"p = {result.p_value:.3g}): {counts}."
            + ("" if result.p_value < 0.05 else
               " The interval includes no change: these data cannot tell an effect from chance."))


def _crimes(number):
    return f"{number} crime" + ("" if number == 1 else "s")


def _change(ratio):
    change = (ratio - 1) * 100
    return f"{abs(change):.0f}% {'lower' if change < 0 else 'higher'}"


def _change_interval(result):
    low, high = result.ci_low, result.ci_high
    if high < 1:
        return f"{(1 - high) * 100:.0f}–{(1 - low) * 100:.0f}% lower"
    if low > 1:
        return f"{(low - 1) * 100:.0f}–{(high - 1) * 100:.0f}% higher"
    return f"from {_change(low)} to {_change(high)}"
