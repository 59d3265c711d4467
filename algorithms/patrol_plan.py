"""hotspotpatrol:patrolplan — a point layer of patrol visits at sporadic, risk-weighted times."""

import csv
import io

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from ..core import schedule
from ..core.safe_text import csv_safe_text
from .base import HotspotAlgorithm, make_field
from .crime_times import (
    DATE_AND_TIME_HELP,
    MIDNIGHT_HELP,
    TIME_END_HELP,
    add_midnight_parameter,
    add_time_end_parameter,
    hotspot_risk,
    warn_midnight_heaping,
)
from .qt_values import qt_datetime
from .reader import PointIndex, metric_crs, read_hotspots, read_points, source_of
from .styles import style_on_load
from .time_zones import system_time_zone, time_zone

VISIT_FIELDS = (("visit_id", "int"), ("hotspot_id", "text"), ("rank", "int"), ("unit", "int"), ("date", "date"),
                ("weekday", "text"), ("start", "datetime"), ("end", "datetime"), ("start_local", "text"),
                ("minutes", "int"), ("risk", "double"))


class PatrolPlanAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "patrolplan"
    DISPLAY_NAME = "Generate patrol plan"
    GROUP = "plan"
    ICON = "hotspot_patrol"
    HELP = (
        "Turns ranked hotspots into a concrete, reproducible patrol schedule: short (15-minute) "
        "high-visibility visits at sporadic times weighted by when crime happens, on cycles of patrol and "
        "rest days, booked to the units on duty — the method of the Southend hotspot patrol pilot, built on "
        "the Minneapolis hot spots experiment (Sherman &amp; Weisburd 1995) and the Koper curve (Koper "
        "1995).\n\n"
        "<b>Parameters</b><ul>"
        "<li>HOTSPOTS: polygons with hotspot_id and rank (as Rank patrol hotspots writes them).</li>"
        "<li>CRIMES and TIME (optional): crimes whose hour-of-week profile weights the visit times (as Crime "
        "time profile). " + DATE_AND_TIME_HELP + " Without them, or when the times carry no time of day "
        "(data.police.uk months, or dates only), visits spread evenly over the shift minutes: places and days "
        "are still planned, a warning says so and RISK_WEIGHTED is false.</li>"
        "<li>" + TIME_END_HELP + "</li>"
        "<li>" + MIDNIGHT_HELP + "</li>"
        "<li>START_DATE (default: tomorrow), DAYS (28): the plan's days. TIMEZONE: IANA name, e.g. "
        "Europe/London (default: this computer's zone).</li>"
        "<li>SHIFTS: windows in which a patrol may start and end (default 08:00-14:00,14:00-22:00, "
        "22:00-02:00); a window may cross midnight, and its visits belong to the day it opened.</li>"
        "<li>PATROL_MINUTES (15), VISITS_PER_DAY (1 per hotspot on a patrol day), DAYS_ON (3) and DAYS_OFF "
        "(3): each hotspot alternates runs of patrol and rest days, phases staggered so that the daily "
        "workload is even.</li>"
        "<li>UNITS (2) and TRAVEL_SPEED (km/h, straight line, 20): no unit is booked into two overlapping "
        "visits or two it cannot travel between.</li>"
        "<li>MIN_GAP (120 minutes between visits to one hotspot on one day); MAX_MINUTES_PER_WEEK (advanced, "
        "optional: a cap per hotspot per Monday-to-Sunday week); SEED (advanced, 0: same inputs and seed, "
        "same plan).</li></ul>"
        "<b>Outputs</b><ul>"
        "<li>OUTPUT: a point per visit at the hotspot's centre of crime — the mean position of the CRIMES "
        "inside the hotspot, or a point inside it without crimes — with <i>visit_id</i>, <i>hotspot_id</i>, "
        "<i>rank</i>, <i>unit</i>, <i>date</i> (the patrol day), <i>weekday</i>, <i>start</i>, <i>end</i>, "
        "<i>start_local</i> (ISO 8601 with UTC offset), <i>minutes</i> and <i>risk</i> (the relative risk of "
        "the chosen start hour; NULL when the starts were not risk-weighted).</li>"
        "<li>OUTPUT_ROUTES (optional): a line per unit and day through its visits in time order, with "
        "<i>unit</i>, <i>date</i>, <i>visits</i> and <i>km</i> (straight-line length).</li>"
        "<li>OUTPUT_ICS (optional): an iCalendar file (RFC 5545; Desruisseaux 2009), one event per visit "
        "with the hotspot's latitude and longitude, for a phone's calendar.</li>"
        "<li>OUTPUT_CSV (optional): a row per visit: <i>visit_id</i>, <i>hotspot_id</i>, <i>rank</i>, "
        "<i>unit</i>, <i>date</i>, <i>weekday</i>, <i>start_local</i>, <i>end_local</i>, <i>minutes</i>, "
        "<i>risk</i>, <i>x</i>, <i>y</i> (in the output's CRS), <i>latitude</i>, <i>longitude</i> (WGS "
        "84).</li>"
        "<li>VISITS: visits planned. DROPPED: visits dropped for lack of capacity. RISK_WEIGHTED: true when "
        "the starts were weighted by the crimes' hour-of-week risk, false when they were spread evenly.</li></ul>"
        "<b>Method</b>: short visits because Koper (1995) found that a stop of about 10 to 15 minutes deters "
        "crime for longest after the officers leave; unpredictable, rotating visits so that the deterrence "
        "is felt everywhere, as in the Minneapolis experiment, where doubling patrol presence at hot spots "
        "brought modest falls in crime calls and halved observed disorder (Sherman &amp; Weisburd 1995). "
        "Start times are drawn at 5-minute resolution, weighted by the hotspot's risk in that hour, never "
        "within 30 minutes of a start at the same hotspot on its previous patrol day. A local time that does "
        "not exist (spring forward) is never produced; an ambiguous one (autumn) is its first occurrence. "
        "When capacity runs out the lowest-ranked hotspots lose visits first and the log lists what was "
        "dropped.\n\n"
        "<b>References</b><ul>"
        "<li>Desruisseaux, B. (ed.) (2009). Internet Calendaring and Scheduling Core Object Specification "
        "(iCalendar). RFC 5545, Internet Engineering Task Force.</li>"
        "<li>Koper, C. S. (1995). Just enough police presence: reducing crime and disorderly behavior by "
        "optimizing patrol time in crime hot spots. Justice Quarterly 12(4), 649–672.</li>"
        "<li>Ratcliffe, J. H. (2002). Aoristic signatures and the spatio-temporal analysis of high volume crime "
        "patterns. Journal of Quantitative Criminology 18(1), 23–43.</li>"
        "<li>Sherman, L. W. &amp; Weisburd, D. (1995). General deterrent effects of police patrol in crime "
        "“hot spots”: a randomized, controlled trial. Justice Quarterly 12(4), 625–648.</li></ul>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HOTSPOTS", self.tr("Hotspots (polygons with hotspot_id and rank)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CRIMES", self.tr("Crimes for the risk profile"), [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterExpression(
            "TIME", self.tr("Crime date and time"), parentLayerParameterName="CRIMES", optional=True))
        add_time_end_parameter(self, "CRIMES")
        add_midnight_parameter(self)
        self.addParameter(QgsProcessingParameterDateTime(
            "START_DATE", self.tr("First day of the plan"), type=QgsProcessingParameterDateTime.Date,
            defaultValue=QDate.currentDate().addDays(1)))
        integer, double = QgsProcessingParameterNumber.Integer, QgsProcessingParameterNumber.Double
        self.addParameter(QgsProcessingParameterNumber("DAYS", self.tr("Days"), integer, 28, minValue=1))
        self.addParameter(QgsProcessingParameterString(
            "TIMEZONE", self.tr("Time zone (IANA name)"), defaultValue=system_time_zone()))
        self.addParameter(QgsProcessingParameterString("SHIFTS", self.tr("Shift windows"), schedule.DEFAULT_SHIFTS))
        for name, label, kind, default, minimum in (
                ("PATROL_MINUTES", "Minutes per visit", integer, 15, 1),
                ("VISITS_PER_DAY", "Visits per hotspot on a patrol day", integer, 1, 1),
                ("DAYS_ON", "Patrol days in a row", integer, 3, 1),
                ("DAYS_OFF", "Rest days in a row", integer, 3, 0),
                ("UNITS", "Units on duty", integer, 2, 1),
                ("TRAVEL_SPEED", "Travel speed (km/h, straight line)", double, 20.0, 0.1),
                ("MIN_GAP", "Minutes between visits to one hotspot on one day", integer, 120, 0)):
            self.addParameter(QgsProcessingParameterNumber(name, self.tr(label), kind, default, minValue=minimum))
        cap = QgsProcessingParameterNumber("MAX_MINUTES_PER_WEEK", self.tr("Most patrol minutes per hotspot per week"),
                                           double, optional=True, minValue=0)
        seed = QgsProcessingParameterNumber("SEED", self.tr("Random seed"), integer, 0, minValue=0)
        for parameter in (cap, seed):
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Patrol visits"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_ROUTES", self.tr("Routes (unit and day)"), QgsProcessing.TypeVectorLine, optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_ICS", self.tr("Calendar (iCalendar)"), self.tr("iCalendar (*.ics)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_CSV", self.tr("Visits table (CSV)"), self.tr("CSV (*.csv)"), optional=True,
            createByDefault=False))
        for name, label in (("VISITS", "Visits planned"), ("DROPPED", "Visits dropped")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(label)))
        self.addOutput(QgsProcessingOutputBoolean("RISK_WEIGHTED", self.tr("Starts weighted by crime risk")))

    def processAlgorithm(self, parameters, context, feedback):
        # Every setting is checked before any reading, and everything is computed before the first
        # output is written: OUTPUT_ICS and OUTPUT_CSV were checked writable with the other outputs
        # (HotspotAlgorithm.check_outputs), so a run fails before writing or writes every output.
        settings = self._settings(parameters, context)
        ics_path = self.parameterAsFileOutput(parameters, "OUTPUT_ICS", context) if parameters.get("OUTPUT_ICS") else ""
        csv_path = self.parameterAsFileOutput(parameters, "OUTPUT_CSV", context) if parameters.get("OUTPUT_CSV") else ""
        hotspots_source = source_of(self, parameters, "HOTSPOTS", context)
        crs = metric_crs(hotspots_source.sourceCrs(), hotspots_source.sourceExtent(), None, context, feedback)
        hotspots = read_hotspots(hotspots_source, "HOTSPOTS", context, crs, need_rank=True)
        points, risk = self._crimes(parameters, context, feedback, crs, hotspots, settings.timezone)
        x, y = self._visit_places(hotspots, points)
        ids = [str(h[0]) for h in hotspots]
        ranks = [int(h[1]) for h in hotspots]
        plan = self.run_core(schedule.plan_patrols, ids, ranks, x, y, settings, risk=risk,
                             progress=self.progress_callback(feedback, 20, 80))
        place = {hotspot_id: (x[k], y[k]) for k, hotspot_id in enumerate(ids)}
        to_wgs84 = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext())
        lat_lon = {h: to_wgs84.transform(QgsPointXY(*p)) for h, p in place.items()}
        calendar = schedule.to_ics(plan.visits, lambda v: "Hotspot {} at {:.6f}, {:.6f}".format(
            v["hotspot_id"], lat_lon[v["hotspot_id"]].y(), lat_lon[v["hotspot_id"]].x())) if ics_path else ""
        table = self._csv_text(plan.visits, place, lat_lon) if csv_path else ""
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled by the user."))
        feedback.setProgress(80)

        dest_id = self._write_visits(parameters, context, plan.visits, place, crs)
        style_on_load(context, dest_id, "patrol_visits")
        results = {"OUTPUT": dest_id, "VISITS": len(plan.visits), "DROPPED": len(plan.dropped),
                   "RISK_WEIGHTED": risk is not None}
        if parameters.get("OUTPUT_ROUTES"):
            results["OUTPUT_ROUTES"] = self._write_routes(parameters, context, plan.visits, place, crs)
            style_on_load(context, results["OUTPUT_ROUTES"], "patrol_routes")
        if ics_path:
            results["OUTPUT_ICS"] = self.write_text_output("OUTPUT_ICS", ics_path, calendar)
        if csv_path:
            results["OUTPUT_CSV"] = self.write_text_output("OUTPUT_CSV", csv_path, table)
        self._log(feedback, plan, settings, risk is not None)
        return results

    def _settings(self, parameters, context):
        start = self.parameterAsDateTime(parameters, "START_DATE", context)
        if not start.isValid():
            raise QgsProcessingException(self.tr("START_DATE is needed: the first day of the plan."))
        number = (lambda name: self.parameterAsInt(parameters, name, context))
        cap = (self.parameterAsDouble(parameters, "MAX_MINUTES_PER_WEEK", context)
               if parameters.get("MAX_MINUTES_PER_WEEK") not in (None, "") else None)
        try:
            shifts = schedule.parse_shifts(self.parameterAsString(parameters, "SHIFTS", context))
            settings = schedule.PlanSettings(
                first_day=start.date().toPyDate(), days=number("DAYS"),
                timezone=time_zone(self.parameterAsString(parameters, "TIMEZONE", context)),
                shifts=shifts, patrol_minutes=number("PATROL_MINUTES"), visits_per_day=number("VISITS_PER_DAY"),
                days_on=number("DAYS_ON"), days_off=number("DAYS_OFF"), units=number("UNITS"),
                speed_kmh=self.parameterAsDouble(parameters, "TRAVEL_SPEED", context), min_gap=number("MIN_GAP"),
                max_minutes_per_week=cap, seed=number("SEED"))
            settings.check()
        except ValueError as error:
            raise QgsProcessingException(str(error)) from None
        return settings

    def _crimes(self, parameters, context, feedback, crs, hotspots, zone):
        """Crimes (or None) and the hotspots' risk (or None: starts spread evenly over the shifts)."""
        if not parameters.get("CRIMES"):
            feedback.pushInfo(self.tr("No CRIMES: visit times spread evenly over the shift windows."))
            return None, None
        time_expression = self.parameterAsExpression(parameters, "TIME", context)
        points = read_points(self, parameters, "CRIMES", context, feedback, target_crs=crs,
                             time_expression=time_expression,
                             time_end_expression=self.parameterAsExpression(parameters, "TIME_END", context),
                             time_zone=zone)
        if not time_expression:
            feedback.pushInfo(self.tr("No TIME: visit times spread evenly over the shift windows."))
            return points, None
        if not points.time_resolution.has_time_of_day:
            feedback.pushWarning(self.tr(
                "The crimes carry no time of day (known only to the {}, as {}). Places and days are planned, but "
                "visit starts are spread evenly over the shift minutes, not weighted by risk (RISK_WEIGHTED "
                "false; risk is NULL). For risk-weighted times give TIME the time of day, or TIME_END for "
                "crimes known to a window.").format(points.time_resolution.resolution, points.time_resolution.rule))
            return points, None
        midnight_unknown = self.parameterAsBool(parameters, "MIDNIGHT_UNKNOWN", context)
        warn_midnight_heaping(points, midnight_unknown, feedback)
        return points, hotspot_risk(points, hotspots, zone, midnight_unknown)[1]

    @staticmethod
    def _visit_places(hotspots, points):
        """The mean position of the crimes inside each hotspot, or its centroid without crimes."""
        x, y = [], []
        index = PointIndex(points.x, points.y) if points is not None else None
        for _, _, geometry in hotspots:
            inside = index.inside(geometry) if index is not None else None
            if inside is not None and inside.size:
                x.append(float(points.x[inside].mean()))
                y.append(float(points.y[inside].mean()))
            else:
                centre = geometry.pointOnSurface().asPoint()
                x.append(centre.x())
                y.append(centre.y())
        return np.array(x), np.array(y)

    def _write_visits(self, parameters, context, visits, place, crs):
        fields = QgsFields()
        for name, kind in VISIT_FIELDS:
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        features = []
        for visit in visits:
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*place[visit["hotspot_id"]])))
            feature.setAttributes([visit["visit_id"], visit["hotspot_id"], visit["rank"], visit["unit"],
                                   QDate(visit["date"]), visit["weekday"], qt_datetime(visit["start"]),
                                   qt_datetime(visit["end"]), visit["start"].isoformat(timespec="minutes"),
                                   visit["minutes"], visit["risk"]])
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.FastInsert)
        return dest_id

    def _write_routes(self, parameters, context, visits, place, crs):
        fields = QgsFields()
        for name, kind in (("unit", "int"), ("date", "date"), ("visits", "int"), ("km", "double")):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT_ROUTES", context, fields, QgsWkbTypes.LineString, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT_ROUTES"))
        by_unit_day = {}
        for visit in visits:
            by_unit_day.setdefault((visit["unit"], visit["date"]), []).append(visit)
        features = []
        for (unit, day), stops in sorted(by_unit_day.items()):
            vertices = [QgsPointXY(*place[v["hotspot_id"]]) for v in sorted(stops, key=lambda v: v["start"])]
            if len(vertices) == 1:
                vertices.append(vertices[0])
            line = QgsGeometry.fromPolylineXY(vertices)
            feature = QgsFeature(fields)
            feature.setGeometry(line)
            feature.setAttributes([unit, QDate(day), len(stops), line.length() / 1000.0])
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.FastInsert)
        return dest_id

    @staticmethod
    def _csv_text(visits, place, lat_lon):
        """The visits table as CSV text: text cells safe in a spreadsheet (csv_safe_text), numbers as numbers."""
        handle = io.StringIO()
        writer = csv.writer(handle)
        writer.writerow(["visit_id", "hotspot_id", "rank", "unit", "date", "weekday", "start_local",
                         "end_local", "minutes", "risk", "x", "y", "latitude", "longitude"])
        for visit in visits:
            x, y = place[visit["hotspot_id"]]
            point = lat_lon[visit["hotspot_id"]]
            text = [csv_safe_text(str(value)) for value in (
                visit["hotspot_id"], visit["date"].isoformat(), visit["weekday"],
                visit["start"].isoformat(timespec="minutes"), visit["end"].isoformat(timespec="minutes"))]
            writer.writerow([visit["visit_id"], text[0], visit["rank"], visit["unit"], *text[1:], visit["minutes"],
                             "" if visit["risk"] is None else f"{visit['risk']:.3f}", f"{x:.1f}", f"{y:.1f}",
                             f"{point.y():.6f}", f"{point.x():.6f}"])
        return handle.getvalue()

    def _log(self, feedback, plan, settings, weighted):
        feedback.pushInfo(self.tr("{} visits planned over {} days from {}{}.").format(
            len(plan.visits), settings.days, settings.first_day,
            self.tr(", weighted by the hotspots' crime times") if weighted else ""))
        for label, key in ((self.tr("hotspot"), "hotspot_id"), (self.tr("unit"), "unit")):
            minutes = {}
            for visit in plan.visits:
                minutes[visit[key]] = minutes.get(visit[key], 0) + visit["minutes"]
            feedback.pushInfo(self.tr("Patrol minutes per {}: {}").format(
                label, ", ".join(f"{k}: {v}" for k, v in minutes.items())))
        if plan.dropped:
            reasons = {}
            for drop in plan.dropped:
                reasons.setdefault(drop["reason"], []).append(drop["hotspot_id"])
            for reason, hotspots in reasons.items():
                feedback.pushWarning(self.tr("{} visits dropped ({}), hotspots {}.").format(
                    len(hotspots), reason, ", ".join(sorted(set(map(str, hotspots)), key=str))))

