"""hotspotpatrol:patrolplan — a point layer of patrol visits at sporadic, risk-weighted times."""

import dataclasses

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
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from ..core import design, plan_tables, schedule
from .base import HotspotAlgorithm, make_field
from .crime_times import add_midnight_parameter, add_risk_time_end_parameter, hotspot_risk, warn_midnight_heaping
from .qt_values import qt_datetime
from .reader import PointIndex, metric_crs, read_hotspots, read_points, source_of
from .styles import style_on_load
from .time_zones import system_time_zone, time_zone

VISIT_FIELDS = (("visit_id", "int"), ("hotspot_id", "text"), ("rank", "int"), ("unit", "int"), ("date", "date"),
                ("weekday", "text"), ("start", "datetime"), ("end", "datetime"), ("start_local", "text"),
                ("minutes", "int"), ("risk", "double"))
ROUTE_FIELDS = (("unit", "int"), ("date", "date"), ("visits", "int"), ("km", "double"))
ASSIGNMENT_FIELDS = (("hotspot_id", "text"), ("date", "date"), ("assigned", "bool"))


class PatrolPlanAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "patrolplan"
    GROUP = "plan"
    ICON = "hotspot_patrol"
    REFERENCES = ("basford2021", "desruisseaux2009", "koper1995", "ratcliffe2002", "sherman1995")

    HOTSPOTS = "HOTSPOTS"
    CRIMES = "CRIMES"
    TIME_END = "TIME_END"
    MIDNIGHT_UNKNOWN = "MIDNIGHT_UNKNOWN"
    START_DATE = "START_DATE"
    DAYS = "DAYS"
    TIMEZONE = "TIMEZONE"
    SHIFTS = "SHIFTS"
    PATROL_MINUTES = "PATROL_MINUTES"
    VISITS_PER_DAY = "VISITS_PER_DAY"
    DAYS_ON = "DAYS_ON"
    DAYS_OFF = "DAYS_OFF"
    DESIGN = "DESIGN"
    UNITS = "UNITS"
    TRAVEL_SPEED = "TRAVEL_SPEED"
    MIN_GAP = "MIN_GAP"
    MAX_MINUTES_PER_WEEK = "MAX_MINUTES_PER_WEEK"
    SEED = "SEED"
    OUTPUT_ROUTES = "OUTPUT_ROUTES"
    OUTPUT_ICS = "OUTPUT_ICS"
    OUTPUT_CSV = "OUTPUT_CSV"
    OUTPUT_ASSIGNMENT = "OUTPUT_ASSIGNMENT"
    VISITS = "VISITS"
    DROPPED = "DROPPED"
    RISK_WEIGHTED = "RISK_WEIGHTED"
    ASSIGNED_DAYS = "ASSIGNED_DAYS"

    def displayName(self):
        return self.tr("Generate patrol plan")

    def tags(self):
        return self.tr("patrol plan,schedule,rota,visits,shifts,units,calendar,iCalendar,Koper curve,hotspot "
                       "policing").split(",")

    def summary(self):
        return self.tr(
            "Turns ranked hotspots into a concrete, reproducible patrol schedule: short (15-minute) high-visibility "
            "visits at sporadic times weighted by when crime happens, on cycles of patrol and rest days, booked to "
            "the units on duty — the method of the Southend hotspot patrol pilot, built on the Minneapolis hot "
            "spots experiment (Sherman &amp; Weisburd 1995) and the Koper curve (Koper 1995).")

    def method(self):
        return self.tr(
            "short visits because Koper (1995) found that a stop of about 10 to 15 minutes deters crime for longest "
            "after the officers leave; unpredictable, rotating visits so that the deterrence is felt everywhere, as "
            "in the Minneapolis experiment, where doubling patrol presence at hot spots brought modest falls in "
            "crime calls and halved observed disorder (Sherman &amp; Weisburd 1995). Start times are drawn at "
            "5-minute resolution, weighted by the hotspot's risk in that hour, never within 30 minutes of a start "
            "at the same hotspot on its previous patrol day. A local time that does not exist (spring forward) is "
            "never produced; an ambiguous one (autumn) is its first occurrence. When capacity runs out the "
            "lowest-ranked hotspots lose visits first; the log lists the dropped visits by hotspot rank, with the "
            "number of units that would drop none, found by planning again with more units (one unit fewer "
            "drops some). The patrol days come from on/off cycles or, with DESIGN randomised place-days, from a "
            "random draw: within each block of DAYS_ON + DAYS_OFF days each hotspot is assigned DAYS_ON days at "
            "random, balanced over the weekdays (dependent rounding of each block's and weekday's fair share), so "
            "that every hotspot-day has the same chance of patrol. Random assignment of place-days keeps weekly "
            "and monthly rhythms (weekends, paydays) out of the comparison of patrol days with other days, as "
            "random assignment of places did in the Minneapolis experiment (Sherman &amp; Weisburd 1995), and lets "
            "the evaluation be by intention to treat, as in Southend's randomised trial of 1,800 place-days "
            "(Basford et al. 2021): OUTPUT_ASSIGNMENT keeps the assignment, including the assigned days whose "
            "visits were all dropped.")

    def initAlgorithm(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(
            self.HOTSPOTS, self.tr("Hotspots (polygons with hotspot_id and rank)"), [QgsProcessing.TypeVectorPolygon]),
            self.tr("Polygons with hotspot_id and rank (as Rank patrol hotspots writes them)."))
        self.add(QgsProcessingParameterFeatureSource(
            self.CRIMES, self.tr("Crimes for the risk profile"), [QgsProcessing.TypeVectorPoint], optional=True),
            self.tr("Crimes whose hour-of-week profile (with TIME) weights the visit times, as in Crime time "
                    "profile; each visit is at the centre of the crimes inside its hotspot. Without them visits "
                    "spread evenly over the shift minutes: places and days are still planned, and RISK_WEIGHTED "
                    "is false."))
        self.add(QgsProcessingParameterExpression(
            self.TIME, self.tr("Crime date and time"), parentLayerParameterName=self.CRIMES, optional=True),
            self.tr("Each crime's date and time of day (field or expression). A date and a time of day kept in two "
                    "fields can be joined in the expression, e.g. <code>\"OCCUR_DATE\" || ' ' || "
                    "\"OCCUR_TIME\"</code> (date or text date, time or text time). Without it, or when the times "
                    "carry no time of day (data.police.uk months, or dates only), visits spread evenly over the "
                    "shift minutes: places and days are still planned, a warning says so and RISK_WEIGHTED is "
                    "false."))
        add_risk_time_end_parameter(self, self.CRIMES)
        add_midnight_parameter(self)
        self.add(QgsProcessingParameterDateTime(
            self.START_DATE, self.tr("First day of the plan"), type=QgsProcessingParameterDateTime.Date,
            defaultValue=QDate.currentDate().addDays(1)),
            self.tr("The plan's first day."))
        integer, double = QgsProcessingParameterNumber.Integer, QgsProcessingParameterNumber.Double
        self.add(QgsProcessingParameterNumber(self.DAYS, self.tr("Days"), integer, 28, minValue=1),
                 self.tr("How many days the plan covers, from START_DATE; at most 3,660 (about 10 years)."))
        self.add(QgsProcessingParameterString(
            self.TIMEZONE, self.tr("Time zone (IANA name)"), defaultValue=system_time_zone()),
            self.tr("The plan's time zone, an IANA name such as Europe/London."))
        self.add(QgsProcessingParameterString(self.SHIFTS, self.tr("Shift windows"), schedule.DEFAULT_SHIFTS),
                 self.tr("Windows in which a patrol may start and end, HH:MM-HH:MM separated by commas; a window "
                         "may cross midnight, and its visits belong to the day it opened."))
        self.add(QgsProcessingParameterNumber(
            self.PATROL_MINUTES, self.tr("Minutes per visit"), integer, 15, minValue=1),
            self.tr("The length of each visit in minutes."))
        self.add(QgsProcessingParameterNumber(
            self.VISITS_PER_DAY, self.tr("Visits per hotspot on a patrol day"), integer, 1, minValue=1),
            self.tr("Visits to each hotspot on each of its patrol days."))
        self.add(QgsProcessingParameterNumber(self.DAYS_ON, self.tr("Patrol days in a row"), integer, 3, minValue=1),
                 self.tr("With on/off cycles each hotspot alternates runs of DAYS_ON patrol days and DAYS_OFF rest "
                         "days, phases staggered so that the daily workload is even; with randomised place-days "
                         "it patrols DAYS_ON days drawn at random in each block of DAYS_ON + DAYS_OFF days."))
        self.add(QgsProcessingParameterNumber(self.DAYS_OFF, self.tr("Rest days in a row"), integer, 3, minValue=0),
                 self.tr("Rest days between a hotspot's runs of patrol days, or in each block of the randomised "
                         "design (0: a patrol every day, with either design)."))
        self.add(QgsProcessingParameterEnum(
            self.DESIGN, self.tr("Patrol-day design"),
            options=[self.tr("On/off cycles"), self.tr("Randomised place-days")], defaultValue=0,
            optional=True),  # optional, so that models saved before it existed still run (with cycles)
            self.tr("How each hotspot's patrol days are chosen. <i>On/off cycles</i> (the default): the staggered "
                    "runs of DAYS_ON and DAYS_OFF. <i>Randomised place-days</i>, for a trial: the days from "
                    "START_DATE are cut into blocks of DAYS_ON + DAYS_OFF days, and each hotspot is assigned "
                    "DAYS_ON days of each block at random, balanced over the weekdays; the same hotspots in the "
                    "same order, DAYS, DAYS_ON, DAYS_OFF, weekday of START_DATE and SEED give the same draw. For each "
                    "hotspot this guarantees: every whole block holds exactly DAYS_ON patrol days (a last block "
                    "cut short, its share rounded down or up); every 7 whole blocks hold exactly DAYS_ON patrol "
                    "days on each weekday; over the plan each weekday holds its fair share, DAYS_ON / (DAYS_ON + "
                    "DAYS_OFF) of the plan's days of that weekday, rounded down or up; and every hotspot-day is "
                    "assigned with the same chance, DAYS_ON / (DAYS_ON + DAYS_OFF). Hotspots are drawn "
                    "independently, so the number patrolled varies from day to day. The assigned days get their "
                    "visits as cycle days do."))
        self.add(QgsProcessingParameterNumber(self.UNITS, self.tr("Units on duty"), integer, 2, minValue=1),
                 self.tr("Units that make the visits: no unit is booked into two overlapping visits or two it cannot "
                         "travel between."))
        self.add(QgsProcessingParameterNumber(
            self.TRAVEL_SPEED, self.tr("Travel speed (km/h, straight line)"), double, 20.0, minValue=0.1),
            self.tr("The units' speed in km/h along a straight line between hotspots, for the time between two "
                    "visits of a unit."), decimals=1)
        self.add(QgsProcessingParameterNumber(
            self.MIN_GAP, self.tr("Minutes between visits to one hotspot on one day"), integer, 120, minValue=0),
            self.tr("The fewest minutes between the starts of two visits to one hotspot on one day (never less "
                    "than PATROL_MINUTES, so its visits never overlap)."))
        self.add(QgsProcessingParameterNumber(
            self.MAX_MINUTES_PER_WEEK, self.tr("Most patrol minutes per hotspot per week"), double, optional=True,
            minValue=0),
            self.tr("A cap on the patrol minutes of each hotspot in each Monday-to-Sunday week; visits over it are "
                    "dropped. Empty: no cap."), advanced=True, decimals=0)
        self.add(QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"), integer, 0, minValue=0),
                 self.tr("The seed of the random start times and of the randomised place-days: the same inputs "
                         "and seed give the same plan."),
                 advanced=True)
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Patrol visits"), QgsProcessing.TypeVectorPoint),
            self.tr("A point per visit at the hotspot's centre of crime — the mean position of the CRIMES inside "
                    "the hotspot, or a point inside it without crimes — with <i>visit_id</i>, <i>hotspot_id</i>, "
                    "<i>rank</i>, <i>unit</i>, <i>date</i> (the patrol day), <i>weekday</i>, <i>start</i>, "
                    "<i>end</i>, <i>start_local</i> (ISO 8601 with UTC offset), <i>minutes</i> and <i>risk</i> (the "
                    "relative risk of the chosen start hour; NULL when the starts were not risk-weighted)."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ROUTES, self.tr("Routes (unit and day)"), QgsProcessing.TypeVectorLine, optional=True,
            createByDefault=False),
            self.tr("A line per unit and day through its visits in time order, with <i>unit</i>, <i>date</i>, "
                    "<i>visits</i> and <i>km</i> (straight-line length)."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ASSIGNMENT, self.tr("Assignment (hotspot and day)"), QgsProcessing.TypeVector,
            optional=True, createByDefault=False),
            self.tr("A table (no geometry) with a row per hotspot and day of the plan: <i>hotspot_id</i>, "
                    "<i>date</i> and <i>assigned</i>, true when the design assigned the hotspot to patrol that day "
                    "whatever the visits, so a day whose visits were all dropped stays assigned (the log counts "
                    "them): the treatment of an intention-to-treat evaluation."))
        self.add(QgsProcessingParameterFileDestination(
            self.OUTPUT_ICS, self.tr("Calendar (iCalendar)"), self.tr("iCalendar (*.ics)"), optional=True,
            createByDefault=False),
            self.tr("An iCalendar file (RFC 5545; Desruisseaux 2009), one event per visit with the hotspot's "
                    "latitude and longitude, for a phone's calendar."))
        self.add(QgsProcessingParameterFileDestination(
            self.OUTPUT_CSV, self.tr("Visits table (CSV)"), self.tr("CSV (*.csv)"), optional=True,
            createByDefault=False),
            self.tr("A row per visit: <i>visit_id</i>, <i>hotspot_id</i>, <i>rank</i>, <i>unit</i>, <i>date</i>, "
                    "<i>weekday</i>, <i>start_local</i>, <i>end_local</i>, <i>minutes</i>, <i>risk</i>, <i>x</i>, "
                    "<i>y</i> (in the output's CRS), <i>latitude</i>, <i>longitude</i> (WGS 84)."))
        self.add_output(QgsProcessingOutputNumber(self.VISITS, self.tr("Visits planned")),
                        self.tr("Visits planned."))
        self.add_output(QgsProcessingOutputNumber(self.DROPPED, self.tr("Visits dropped")),
                        self.tr("Visits that could not be booked: no unit free, no free time in the shifts, or over "
                                "MAX_MINUTES_PER_WEEK (the log lists them by reason and hotspot rank)."))
        self.add_output(QgsProcessingOutputBoolean(self.RISK_WEIGHTED, self.tr("Starts weighted by crime risk")),
                        self.tr("True when the starts were weighted by the crimes' hour-of-week risk, false when "
                                "they were spread evenly."))
        self.add_output(QgsProcessingOutputNumber(self.ASSIGNED_DAYS, self.tr("Hotspot-days assigned to patrol")),
                        self.tr("The hotspot-days the design assigned to patrol, with or without a visit."))

    def check_parameters(self, parameters, context):
        self._settings(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        # Everything is computed before the first output is written: OUTPUT_ICS and OUTPUT_CSV were checked
        # writable with the other outputs (HotspotAlgorithm.check_outputs), so a run fails before writing or
        # writes every output.
        settings = self._settings(parameters, context)
        ics_path = (self.parameterAsFileOutput(parameters, self.OUTPUT_ICS, context)
                    if parameters.get(self.OUTPUT_ICS) else "")
        csv_path = (self.parameterAsFileOutput(parameters, self.OUTPUT_CSV, context)
                    if parameters.get(self.OUTPUT_CSV) else "")
        hotspots_source = source_of(self, parameters, self.HOTSPOTS, context)
        crs = metric_crs(hotspots_source.sourceCrs(), hotspots_source.sourceExtent(), None, context, feedback)
        hotspots = read_hotspots(hotspots_source, self.HOTSPOTS, context, crs, need_rank=True)
        points, risk = self._crimes(parameters, context, feedback, crs, hotspots, settings.timezone)
        x, y = self._visit_places(hotspots, points)
        ids = [str(h[0]) for h in hotspots]
        ranks = [int(h[1]) for h in hotspots]
        plan = self.run_core(schedule.plan_patrols, ids, ranks, x, y, settings, risk=risk,
                             progress=self.progress_callback(feedback, 20, 70))
        # Only a plan short of units is planned again, with more units, to say how many would do.
        units_needed = (self.run_core(schedule.units_for_every_visit, ids, ranks, x, y,
                                      dataclasses.replace(settings, units=settings.units + 1), risk=risk,
                                      progress=self.progress_callback(feedback, 70, 80))
                        if any(drop["reason"] == schedule.CAPACITY for drop in plan.dropped) else None)
        places = self._places(ids, x, y, crs, context)
        calendar = schedule.to_ics(plan.visits, lambda visit: "Hotspot {} at {:.6f}, {:.6f}".format(
            visit["hotspot_id"], *places[visit["hotspot_id"]][2:])) if ics_path else ""
        table = plan_tables.visits_csv(plan.visits, places) if csv_path else ""
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled by the user."))
        feedback.setProgress(80)

        dest_id = self._write_visits(parameters, context, plan.visits, places, crs)
        style_on_load(context, dest_id, "patrol_visits")
        results = {self.OUTPUT: dest_id, self.VISITS: len(plan.visits), self.DROPPED: len(plan.dropped),
                   self.RISK_WEIGHTED: risk is not None, self.ASSIGNED_DAYS: int(plan.assigned.sum())}
        if parameters.get(self.OUTPUT_ASSIGNMENT):
            results[self.OUTPUT_ASSIGNMENT] = self._write_assignment(parameters, context, plan)
            style_on_load(context, results[self.OUTPUT_ASSIGNMENT], "patrol_assignment")
        if parameters.get(self.OUTPUT_ROUTES):
            results[self.OUTPUT_ROUTES] = self._write_routes(parameters, context, plan.visits, places, crs)
            style_on_load(context, results[self.OUTPUT_ROUTES], "patrol_routes")
        if ics_path:
            results[self.OUTPUT_ICS] = self.write_text_output(self.OUTPUT_ICS, ics_path, calendar)
        if csv_path:
            results[self.OUTPUT_CSV] = self.write_text_output(self.OUTPUT_CSV, csv_path, table)
        self._log(feedback, plan, settings, risk is not None, units_needed)
        return results

    def _settings(self, parameters, context):
        """The plan's settings, checked: a QgsProcessingException names the parameter and the fix."""
        start = self.parameterAsDateTime(parameters, self.START_DATE, context)
        if not start.isValid():
            raise QgsProcessingException(self.tr("START_DATE is needed: the first day of the plan."))

        def number(name):
            return self.parameterAsInt(parameters, name, context)
        cap = (self.parameterAsDouble(parameters, self.MAX_MINUTES_PER_WEEK, context)
               if parameters.get(self.MAX_MINUTES_PER_WEEK) not in (None, "") else None)
        settings = schedule.PlanSettings(
            first_day=start.date().toPyDate(), days=number(self.DAYS),
            timezone=time_zone(self.parameterAsString(parameters, self.TIMEZONE, context)),
            shifts=self.run_core(schedule.parse_shifts, self.parameterAsString(parameters, self.SHIFTS, context)),
            patrol_minutes=number(self.PATROL_MINUTES), visits_per_day=number(self.VISITS_PER_DAY),
            days_on=number(self.DAYS_ON), days_off=number(self.DAYS_OFF), units=number(self.UNITS),
            speed_kmh=self.parameterAsDouble(parameters, self.TRAVEL_SPEED, context), min_gap=number(self.MIN_GAP),
            max_minutes_per_week=cap, seed=number(self.SEED),
            design=design.DESIGNS[self.parameterAsEnum(parameters, self.DESIGN, context)])
        self.run_core(settings.check)
        return settings

    def _crimes(self, parameters, context, feedback, crs, hotspots, zone):
        """Crimes (or None) and the hotspots' risk (or None: starts spread evenly over the shifts)."""
        if not parameters.get(self.CRIMES):
            feedback.pushInfo(self.tr("No CRIMES: visit times spread evenly over the shift windows."))
            return None, None
        time_expression = self.parameterAsExpression(parameters, self.TIME, context)
        points = read_points(self, parameters, self.CRIMES, context, feedback, target_crs=crs,
                             time_expression=time_expression,
                             time_end_expression=self.parameterAsExpression(parameters, self.TIME_END, context),
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
        midnight_unknown = self.parameterAsBool(parameters, self.MIDNIGHT_UNKNOWN, context)
        warn_midnight_heaping(points, midnight_unknown, feedback)
        return points, hotspot_risk(points, hotspots, zone, midnight_unknown)[1]

    @staticmethod
    def _visit_places(hotspots, points):
        """The mean position of the crimes inside each hotspot, or a point inside it without crimes."""
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

    @staticmethod
    def _places(ids, x, y, crs, context):
        """``{hotspot_id: (x, y, latitude, longitude)}``: each visit place in ``crs`` and in WGS 84."""
        to_wgs84 = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext())
        places = {}
        for hotspot_id, place_x, place_y in zip(ids, x, y):
            point = to_wgs84.transform(QgsPointXY(place_x, place_y))
            places[hotspot_id] = (place_x, place_y, point.y(), point.x())
        return places

    def _write_visits(self, parameters, context, visits, places, crs):
        fields = QgsFields()
        for name, kind in VISIT_FIELDS:
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        features = []
        for visit in visits:
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*places[visit["hotspot_id"]][:2])))
            feature.setAttributes([visit["visit_id"], visit["hotspot_id"], visit["rank"], visit["unit"],
                                   QDate(visit["date"]), visit["weekday"], qt_datetime(visit["start"]),
                                   qt_datetime(visit["end"]), visit["start"].isoformat(timespec="minutes"),
                                   visit["minutes"], visit["risk"]])
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.FastInsert)
        return dest_id

    def _write_routes(self, parameters, context, visits, places, crs):
        fields = QgsFields()
        for name, kind in ROUTE_FIELDS:
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT_ROUTES, context, fields, QgsWkbTypes.LineString,
                                             crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_ROUTES))
        features = []
        for unit, day, stops in plan_tables.routes(visits):
            vertices = [QgsPointXY(*places[visit["hotspot_id"]][:2]) for visit in stops]
            if len(vertices) == 1:
                vertices.append(vertices[0])
            line = QgsGeometry.fromPolylineXY(vertices)
            feature = QgsFeature(fields)
            feature.setGeometry(line)
            feature.setAttributes([unit, QDate(day), len(stops), line.length() / 1000.0])
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.FastInsert)
        return dest_id

    def _write_assignment(self, parameters, context, plan):
        """A row per hotspot and day: whether the design assigned it, whatever its visits."""
        dates = [QDate(day) for day in plan.days]
        return self.write_table(parameters, context, self.OUTPUT_ASSIGNMENT, ASSIGNMENT_FIELDS, (
            [hotspot_id, date, bool(is_assigned)] for hotspot_id, assigned in zip(plan.hotspot_ids, plan.assigned)
            for date, is_assigned in zip(dates, assigned)))

    def _log(self, feedback, plan, settings, weighted, units_needed):
        """The plan in numbers; the dropped visits by reason, by their hotspots' ranks, and for those dropped
        for capacity ``units_needed``: the fewest units that would drop none (None: more units would not)."""
        feedback.pushInfo(self.tr("{} visits planned over {} days from {}{}.").format(
            len(plan.visits), settings.days, settings.first_day,
            self.tr(", weighted by the hotspots' crime times") if weighted else ""))
        unvisited = plan.assigned_days_without_visit()
        feedback.pushInfo(self.tr("{} hotspot-days assigned to patrol ({}); {} of them got no visit, every visit "
                                  "dropped, and stay assigned in the assignment table.").format(
            int(plan.assigned.sum()), self.tr("randomised place-days") if settings.design == design.RANDOMISED
            else self.tr("on/off cycles"), unvisited))
        for label, key in ((self.tr("hotspot"), "hotspot_id"), (self.tr("unit"), "unit")):
            feedback.pushInfo(self.tr("Patrol minutes per {}: {}").format(
                label, ", ".join(f"{k}: {v}" for k, v in plan_tables.minutes_by(plan.visits, key).items())))
        for reason, (count, ranks) in plan_tables.dropped_by_reason(plan.dropped).items():
            feedback.pushWarning(self._dropped_warning(reason, count, ranks, settings.units, units_needed))

    def _dropped_warning(self, reason, count, ranks, units, units_needed):
        """One sentence on the visits dropped for ``reason``; for capacity, a second with the units that would do."""
        where = (self.tr("hotspot ranked {}") if len(ranks) == 1 else self.tr("hotspots ranked {}")).format(
            plan_tables.rank_ranges(ranks))
        if reason != schedule.CAPACITY:
            dropped = (self.tr("1 visit dropped ({reason}), {where}.") if count == 1 else
                       self.tr("{count} visits dropped ({reason}), {where}."))
            return dropped.format(count=count, reason=reason, where=where)
        dropped = (self.tr("1 visit dropped for lack of capacity ({where}).") if count == 1 else
                   self.tr("{count} visits dropped for lack of capacity ({where})."))
        if units_needed is None:
            advice = self.tr("More units would not plan them all: some fall where every free start in the shifts "
                             "has a crime risk of zero.")
        else:
            advice = self.tr("With the same shifts and {} units ({} more), no visit would be dropped for lack of "
                             "capacity.").format(units_needed, units_needed - units)
        return f"{dropped.format(count=count, where=where)} {advice}"
