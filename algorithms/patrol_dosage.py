"""hotspotpatrol:patroldosage — the visits actually made, from a GPS trail, and compliance with the plan."""

import datetime

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from ..core import dosage, dosage_inputs
from ..core.schedule import WEEKDAYS
from ..core.time_resolution import MINUTE
from .base import HotspotAlgorithm, make_field, write_features
from .qt_values import qt_datetime
from .reader import (
    PointIndex,
    assign_to_polygons,
    read_hotspots,
    read_points,
    read_visits,
    require_resolution,
    source_of,
)
from .styles import style_on_load
from .time_zones import system_time_zone, time_zone

GRACE_MINUTES = 5.0
LATE_LIMIT_MINUTES = 60.0
KOPER_BAND = "10–16 minutes"
VISIT_FIELDS = (("visit_id", "int"), ("hotspot_id", "text"), ("rank", "int"), ("unit", "text"), ("date", "date"),
                ("weekday", "text"), ("start", "datetime"), ("end", "datetime"), ("start_local", "text"),
                ("minutes", "double"), ("pings", "int"))
COMPLIANCE_FIELDS = (("plan_fid", "int"), ("hotspot_id", "text"), ("unit", "text"), ("date", "date"),
                     ("start", "datetime"), ("status", "text"), ("late_minutes", "int"),
                     ("delivered_minutes", "double"))
HOTSPOT_FIELDS = (("hotspot_id", "text"), ("rank", "int"), ("planned_visits", "int"), ("planned_minutes", "double"),
                  ("delivered_visits", "int"), ("stays", "int"), ("stay_minutes", "double"),
                  ("koper_share", "double"))


def local_time(seconds, zone):
    """UTC epoch seconds as an aware datetime in ``zone``."""
    return datetime.datetime.fromtimestamp(float(seconds), datetime.timezone.utc).astimezone(zone)


class PatrolDosageAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "patroldosage"
    GROUP = "learn"
    ICON = "hotspot_patrol"
    REFERENCES = ("koper1995",)

    PINGS = "PINGS"
    UNIT_FIELD = "UNIT_FIELD"
    HOTSPOTS = "HOTSPOTS"
    BUFFER = "BUFFER"
    MAX_GAP = "MAX_GAP"
    MIN_MINUTES = "MIN_MINUTES"
    TIMEZONE = "TIMEZONE"
    PLAN = "PLAN"
    OUTPUT_COMPLIANCE = "OUTPUT_COMPLIANCE"
    OUTPUT_HOTSPOTS = "OUTPUT_HOTSPOTS"
    VISITS_MADE = "VISITS_MADE"
    VISITS_DELIVERED = "VISITS_DELIVERED"
    VISITS_LATE = "VISITS_LATE"
    VISITS_MISSED = "VISITS_MISSED"
    KOPER_SHARE = "KOPER_SHARE"

    def displayName(self):
        return self.tr("Patrol dosage from GPS")

    def tags(self):
        return self.tr("GPS,AVL,pings,dosage,patrol,visits,compliance,Koper curve,evaluation").split(",")

    def summary(self):
        return self.tr(
            "Finds the visits units really made to the hotspots from their GPS trail (vehicle or radio pings), so "
            "that evaluation rests on delivered patrols, not planned ones; with the plan, says which planned visits "
            "were delivered, late or missed, and how many stays had the dosage of the Koper curve.")

    def method(self):
        return self.tr(
            "per unit, pings are taken in time order; a stay is a run of consecutive pings inside the same hotspot "
            "with no gap above MAX_GAP. It starts at its first ping and ends at its last ping inside: when the unit "
            "left between two pings is unknown, so the stay is not lengthened. A planned visit is <i>delivered</i> "
            "when a unit was in its hotspot at the planned start, or arrived or left within 5 minutes of it; "
            "<i>late</i> when a unit first arrived 5 to 60 minutes after it; otherwise <i>missed</i>. A stay's "
            "arrival serves one visit, but a unit still there at the next planned start delivers that one too, and "
            "its minutes are split between them. The Koper curve (Koper 1995): stops need about 10 minutes to deter "
            "crime for longer than a drive-through, and about 11 to 15 minutes deter for longest, so stays of 10 to "
            "16 minutes count towards koper_share.")

    def initAlgorithm(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(
            self.PINGS, self.tr("GPS pings (points)"), [QgsProcessing.TypeVectorPoint]),
            self.tr("Points of the GPS trail (vehicle or radio pings)."))
        self.add(QgsProcessingParameterField(
            self.UNIT_FIELD, self.tr("Unit field"), parentLayerParameterName=self.PINGS),
            self.tr("The unit (vehicle, radio or call sign) of each ping. Pings without one are taken as one unit "
                    "named '' (the log warns)."))
        self.add(QgsProcessingParameterExpression(
            self.TIME, self.tr("Ping time (field or expression)"), parentLayerParameterName=self.PINGS),
            self.tr("Each ping's time (field or expression), to the minute or finer."))
        self.add(QgsProcessingParameterFeatureSource(
            self.HOTSPOTS, self.tr("Hotspots (polygons with hotspot_id)"), [QgsProcessing.TypeVectorPolygon]),
            self.tr("Polygons with hotspot_id (and rank), as Rank patrol hotspots writes them. Points or lines are "
                    "refused unless BUFFER is above 0 m: then each is the area within BUFFER of it."))
        double = QgsProcessingParameterNumber.Double
        self.add(QgsProcessingParameterNumber(
            self.BUFFER, self.tr("Buffer around hotspots (metres)"), double, 0.0, minValue=0.0),
            self.tr("Distance around a hotspot that still counts as inside (GPS error, a car parked on the edge). "
                    "Where buffered hotspots overlap, the higher-ranked one counts."), decimals=0)
        self.add(QgsProcessingParameterNumber(
            self.MAX_GAP, self.tr("Longest gap between pings in one stay (minutes)"), double, 5.0, minValue=0.0),
            self.tr("The longest silence between two pings inside one hotspot that still counts as one stay."),
            decimals=1)
        self.add(QgsProcessingParameterNumber(
            self.MIN_MINUTES, self.tr("Shortest stay that counts as a visit (minutes)"), double, 5.0, minValue=0.0),
            self.tr("The shortest stay that counts as a visit (drive-throughs do not)."), decimals=1)
        self.add(QgsProcessingParameterString(
            self.TIMEZONE, self.tr("Time zone (IANA name)"), defaultValue=system_time_zone()),
            self.tr("Times with a UTC offset (ISO text ending in Z or +hh:mm) are converted to this IANA zone; "
                    "others are read as local wall-clock times in it."))
        self.add(QgsProcessingParameterFeatureSource(
            self.PLAN, self.tr("Planned visits (optional)"), [QgsProcessing.TypeVector], optional=True),
            self.tr("The planned visits (Generate patrol plan's output), for OUTPUT_COMPLIANCE and the planned "
                    "visits of OUTPUT_HOTSPOTS. Visits at hotspots not in HOTSPOTS are left out (the log warns)."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Visits made"), QgsProcessing.TypeVectorPoint),
            self.tr("A point per visit made, inside its hotspot: <i>visit_id</i>, <i>hotspot_id</i>, <i>rank</i>, "
                    "<i>unit</i>, <i>date</i>, <i>weekday</i>, <i>start</i>, <i>end</i>, <i>start_local</i> (ISO "
                    "8601 with UTC offset), <i>minutes</i>, <i>pings</i> — the fields of the patrol plan's visits "
                    "(with pings for risk), so Evaluate patrol effect takes either."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_COMPLIANCE, self.tr("Plan compliance"), QgsProcessing.TypeVector, optional=True,
            createByDefault=False),
            self.tr("With PLAN, a row per planned visit: <i>plan_fid</i>, <i>hotspot_id</i>, <i>unit</i>, "
                    "<i>date</i>, <i>start</i>, <i>status</i> (delivered, late, missed), <i>late_minutes</i>, "
                    "<i>delivered_minutes</i>."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_HOTSPOTS, self.tr("Dosage per hotspot"), QgsProcessing.TypeVector, optional=True,
            createByDefault=False),
            self.tr("A row per hotspot: <i>hotspot_id</i>, <i>rank</i>, <i>planned_visits</i>, "
                    "<i>planned_minutes</i>, <i>delivered_visits</i>, <i>stays</i>, <i>stay_minutes</i>, "
                    "<i>koper_share</i> (share of its stays lasting 10 to 16 minutes)."))
        self.add_output(QgsProcessingOutputNumber(self.VISITS_MADE, self.tr("Visits made")),
                        self.tr("Stays found."))
        self.add_output(QgsProcessingOutputNumber(self.VISITS_DELIVERED, self.tr("Planned visits delivered")),
                        self.tr("With PLAN: planned visits delivered."))
        self.add_output(QgsProcessingOutputNumber(self.VISITS_LATE, self.tr("Planned visits late")),
                        self.tr("With PLAN: planned visits late."))
        self.add_output(QgsProcessingOutputNumber(self.VISITS_MISSED, self.tr("Planned visits missed")),
                        self.tr("With PLAN: planned visits missed."))
        self.add_output(QgsProcessingOutputNumber(
            self.KOPER_SHARE, self.tr("Share of stays lasting 10 to 16 minutes")),
            self.tr("The share of all stays lasting 10 to 16 minutes (empty without stays)."))

    def check_parameters(self, parameters, context):
        # Pings are "inside" an area: point hotspots without a BUFFER gave a handful of chance stays.
        hotspots = self.parameterAsSource(parameters, self.HOTSPOTS, context)
        if hotspots is not None:
            self.require_polygons(hotspots, self.HOTSPOTS, buffer_parameter=self.BUFFER,
                                  buffer=self.parameterAsDouble(parameters, self.BUFFER, context))

    def processAlgorithm(self, parameters, context, feedback):
        zone = time_zone(self.parameterAsString(parameters, self.TIMEZONE, context))
        buffer = self.parameterAsDouble(parameters, self.BUFFER, context)
        hotspots_source = source_of(self, parameters, self.HOTSPOTS, context)
        self.require_polygons(hotspots_source, self.HOTSPOTS, buffer_parameter=self.BUFFER, buffer=buffer,
                              feedback=feedback)
        unit_field = self.parameterAsString(parameters, self.UNIT_FIELD, context)
        pings = self._read_pings(parameters, context, feedback, zone, unit_field)
        hotspots = read_hotspots(hotspots_source, self.HOTSPOTS, context, pings.crs)
        ids = [str(h[0]) for h in hotspots]
        ranks = [int(h[1]) for h in hotspots]
        areas = [h[2].buffer(buffer, 8) if buffer > 0 else h[2] for h in hotspots]
        feedback.setProgress(30)

        unit_names, unit_codes = dosage_inputs.unit_codes(pings.category)
        if "" in unit_names:
            feedback.pushWarning(self.tr("Some pings have no unit in '{}'; they are treated as one unit "
                                         "named ''.").format(unit_field))
        hotspot_of_ping = assign_to_polygons(PointIndex(pings.x, pings.y), areas)
        stays = self.run_core(dosage.find_stays, unit_codes, self.run_core(dosage_inputs.epoch_seconds, pings.time),
                              hotspot_of_ping, self.parameterAsDouble(parameters, self.MAX_GAP, context),
                              self.parameterAsDouble(parameters, self.MIN_MINUTES, context))
        feedback.pushInfo(self.tr("{} pings of {} units; {} inside hotspots; {} visits made.").format(
            len(pings), len(unit_names), int(np.sum(hotspot_of_ping >= 0)), len(stays.start)))
        feedback.setProgress(60)

        # Everything is read and computed before the first output is written.
        plan = self._read_plan(parameters, context, feedback, zone, ids)
        planned = ((plan["hotspot"], plan["start_seconds"], plan["end_seconds"]) if plan is not None
                   else (np.zeros(0, np.int64), np.zeros(0), np.zeros(0)))
        result = self.run_core(dosage.compliance, *planned, stays, GRACE_MINUTES, LATE_LIMIT_MINUTES,
                               n_hotspots=len(ids))

        place = [area.pointOnSurface() for area in areas]
        results = {self.OUTPUT: self._write_stays(parameters, context, feedback, stays, ids, ranks, unit_names,
                                                  place, pings.crs, zone),
                   self.VISITS_MADE: len(stays.start)}
        style_on_load(context, results[self.OUTPUT], "visits_made")
        if plan is not None:
            results.update(self._report_compliance(parameters, context, feedback, plan, result, zone))
        koper_share = result.overall_koper_share
        if np.isfinite(koper_share):
            feedback.pushInfo(self.tr("{:.0%} of stays lasted {} (the Koper curve's band).").format(
                koper_share, KOPER_BAND))
        results[self.KOPER_SHARE] = float(koper_share) if np.isfinite(koper_share) else None
        if parameters.get(self.OUTPUT_HOTSPOTS):
            results[self.OUTPUT_HOTSPOTS] = self._write_hotspots(parameters, context, ids, ranks, result)
            style_on_load(context, results[self.OUTPUT_HOTSPOTS], "hotspot_dosage")
        return results

    def _read_pings(self, parameters, context, feedback, zone, unit_field):
        """The pings with their units and UTC times; refused without times to the minute."""
        pings = read_points(self, parameters, self.PINGS, context, feedback, category_field=unit_field,
                            time_expression=self.parameterAsExpression(parameters, self.TIME, context),
                            time_zone=zone, utc=True)
        if pings.time is None:
            raise QgsProcessingException(self.tr("TIME is needed: the field or expression with each ping's time."))
        require_resolution(pings, MINUTE, self.tr("Finding stays from GPS pings"))
        return pings

    def _read_plan(self, parameters, context, feedback, zone, ids):
        """PLAN's visits at the hotspots ``ids`` (the others left out with a warning), with ``hotspot`` (the
        position in ``ids``) and ``start_seconds`` and ``end_seconds`` (UTC epoch seconds); None without PLAN."""
        if not parameters.get(self.PLAN):
            return None
        plan = read_visits(source_of(self, parameters, self.PLAN, context), self.PLAN, zone, feedback)
        hotspot = self.run_core(dosage_inputs.hotspot_indices, plan["hotspot_id"], ids)
        known = hotspot >= 0
        if not known.all():
            feedback.pushWarning(self.tr("{} planned visits name hotspots not in HOTSPOTS; they are left "
                                         "out.").format(int(np.sum(~known))))
        plan = {key: (value[known] if value is not None else None) for key, value in plan.items()}
        plan["hotspot"] = hotspot[known]
        plan["start_seconds"] = self.run_core(dosage_inputs.epoch_seconds, plan["start_utc"])
        plan["end_seconds"] = self.run_core(dosage_inputs.epoch_seconds, plan["end_utc"])
        return plan

    def _report_compliance(self, parameters, context, feedback, plan, result, zone):
        """Log the planned visits by status and write OUTPUT_COMPLIANCE when asked; the results to add."""
        counts = result.status_counts()
        feedback.pushInfo(self.tr("Planned visits: {} delivered, {} late, {} missed of {}.").format(
            counts[dosage.DELIVERED], counts[dosage.LATE], counts[dosage.MISSED], len(result.status)))
        results = {self.VISITS_DELIVERED: counts[dosage.DELIVERED], self.VISITS_LATE: counts[dosage.LATE],
                   self.VISITS_MISSED: counts[dosage.MISSED]}
        if parameters.get(self.OUTPUT_COMPLIANCE):
            results[self.OUTPUT_COMPLIANCE] = self._write_compliance(parameters, context, plan, result, zone)
            style_on_load(context, results[self.OUTPUT_COMPLIANCE], "compliance")
        return results

    def _write_stays(self, parameters, context, feedback, stays, ids, ranks, unit_names, place, crs, zone):
        fields = QgsFields()
        for name, kind in VISIT_FIELDS:
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        def features():
            for k in range(len(stays.start)):
                start, end = local_time(stays.start[k], zone), local_time(stays.end[k], zone)
                hotspot = int(stays.hotspot[k])
                feature = QgsFeature(fields)
                feature.setGeometry(place[hotspot])
                feature.setAttributes([k + 1, ids[hotspot], ranks[hotspot], str(unit_names[stays.unit[k]]),
                                       QDate(start.date()), WEEKDAYS[start.weekday()], qt_datetime(start),
                                       qt_datetime(end), start.isoformat(timespec="seconds"),
                                       round(float(stays.minutes[k]), 2), int(stays.pings[k])])
                yield feature
        write_features(sink, features(), len(stays.start), feedback, 60, 90)
        return dest_id

    def _write_compliance(self, parameters, context, plan, result, zone):
        rows = []
        for k, seconds in enumerate(plan["start_seconds"]):
            start = local_time(seconds, zone)
            late = int(result.late_minutes[k]) if result.status[k] == dosage.LATE else None
            rows.append([int(plan["feature"][k]), str(plan["hotspot_id"][k]),
                         None if plan["unit"] is None else str(plan["unit"][k]), QDate(start.date()),
                         qt_datetime(start), str(result.status[k]), late, float(result.delivered_minutes[k])])
        return self.write_table(parameters, context, self.OUTPUT_COMPLIANCE, COMPLIANCE_FIELDS, rows)

    def _write_hotspots(self, parameters, context, ids, ranks, result):
        rows = [[ids[h], ranks[h], int(result.planned_visits[h]), float(result.planned_minutes[h]),
                 int(result.delivered_visits[h]), int(result.stays[h]), float(result.stay_minutes[h]),
                 result.koper_share[h]]
                for h in range(len(ids))]
        return self.write_table(parameters, context, self.OUTPUT_HOTSPOTS, HOTSPOT_FIELDS, rows)
