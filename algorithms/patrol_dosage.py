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

from ..core import dosage
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
    DISPLAY_NAME = "Patrol dosage from GPS"
    GROUP = "learn"
    ICON = "hotspot_patrol"
    HELP = (
        "Finds the visits units really made to the hotspots from their GPS trail (vehicle or radio pings), "
        "so that evaluation rests on delivered patrols, not planned ones; with the plan, says which planned "
        "visits were delivered, late or missed, and how many stays had the dosage of the Koper curve.\n\n"
        "<b>Parameters</b><ul>"
        "<li>PINGS: points of the GPS trail. UNIT_FIELD: the unit (vehicle, radio or call sign) of each "
        "ping. TIME: its time (field or expression).</li>"
        "<li>HOTSPOTS: polygons with hotspot_id (and rank), as Rank patrol hotspots writes them.</li>"
        "<li>BUFFER (0 m): distance around a hotspot that still counts as inside (GPS error, a car parked on "
        "the edge). Where buffered hotspots overlap, the higher-ranked one counts.</li>"
        "<li>MAX_GAP (5 min): the longest silence between two pings inside one hotspot that still counts as "
        "one stay. MIN_MINUTES (5): the shortest stay that counts as a visit (drive-throughs do not).</li>"
        "<li>TIMEZONE (default: this computer's zone): times with a UTC offset (ISO text ending in Z or "
        "+hh:mm) are converted to this IANA zone; others are read as local wall-clock times.</li>"
        "<li>PLAN (optional): the planned visits (Generate patrol plan's output).</li></ul>"
        "<b>Outputs</b><ul>"
        "<li>OUTPUT: a point per visit made, inside its hotspot: <i>visit_id</i>, <i>hotspot_id</i>, "
        "<i>rank</i>, <i>unit</i>, <i>date</i>, <i>weekday</i>, <i>start</i>, <i>end</i>, <i>start_local</i> "
        "(ISO 8601 with UTC offset), <i>minutes</i>, <i>pings</i> — the fields of the patrol plan's visits "
        "(with pings for risk), so Evaluate patrol effect takes either.</li>"
        "<li>OUTPUT_COMPLIANCE (optional, with PLAN): a row per planned visit: <i>plan_fid</i>, "
        "<i>hotspot_id</i>, <i>unit</i>, <i>date</i>, <i>start</i>, <i>status</i> (delivered, late, missed), "
        "<i>late_minutes</i>, <i>delivered_minutes</i>.</li>"
        "<li>OUTPUT_HOTSPOTS (optional): a row per hotspot: <i>hotspot_id</i>, <i>rank</i>, "
        "<i>planned_visits</i>, <i>planned_minutes</i>, <i>delivered_visits</i>, <i>stays</i>, "
        "<i>stay_minutes</i>, <i>koper_share</i> (share of its stays lasting 10 to 16 minutes).</li>"
        "<li>VISITS_MADE: stays found. With PLAN, VISITS_DELIVERED, VISITS_LATE and VISITS_MISSED. "
        "KOPER_SHARE: the share of all stays lasting 10 to 16 minutes (empty without stays).</li></ul>"
        "<b>Method</b>: per unit, pings are taken in time order; a stay is a run of consecutive pings inside "
        "the same hotspot with no gap above MAX_GAP. It starts at its first ping and ends at its last ping "
        "inside: when the unit left between two pings is unknown, so the stay is not lengthened. A planned "
        "visit is <i>delivered</i> when a unit was in its hotspot at the planned start, or arrived or left "
        "within 5 minutes of it; <i>late</i> when a unit first arrived 5 to 60 minutes after it; otherwise "
        "<i>missed</i>. A stay's arrival serves one visit, but a unit still there at the next planned start "
        "delivers that one too, and its minutes are split between them. The Koper curve (Koper 1995): stops "
        "need about 10 minutes to deter crime for longer than a drive-through, and about 11 to 15 minutes "
        "deter for longest, so stays of 10 to 16 minutes count towards koper_share.\n\n"
        "<b>References</b><ul>"
        "<li>Koper, C. S. (1995). Just enough police presence: reducing crime and disorderly behavior by "
        "optimizing patrol time in crime hot spots. Justice Quarterly 12(4), 649–672.</li></ul>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "PINGS", self.tr("GPS pings (points)"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterField(
            "UNIT_FIELD", self.tr("Unit field"), parentLayerParameterName="PINGS"))
        self.addParameter(QgsProcessingParameterExpression(
            "TIME", self.tr("Ping time (field or expression)"), parentLayerParameterName="PINGS"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HOTSPOTS", self.tr("Hotspots (polygons with hotspot_id)"), [QgsProcessing.TypeVectorPolygon]))
        double = QgsProcessingParameterNumber.Double
        self.addParameter(QgsProcessingParameterNumber(
            "BUFFER", self.tr("Buffer around hotspots (metres)"), double, 0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "MAX_GAP", self.tr("Longest gap between pings in one stay (minutes)"), double, 5.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_MINUTES", self.tr("Shortest stay that counts as a visit (minutes)"), double, 5.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(
            "TIMEZONE", self.tr("Time zone (IANA name)"), defaultValue=system_time_zone()))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "PLAN", self.tr("Planned visits (optional)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Visits made"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_COMPLIANCE", self.tr("Plan compliance"), QgsProcessing.TypeVector, optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_HOTSPOTS", self.tr("Dosage per hotspot"), QgsProcessing.TypeVector, optional=True,
            createByDefault=False))
        for name, description in (("VISITS_MADE", "Visits made"), ("VISITS_DELIVERED", "Planned visits delivered"),
                                  ("VISITS_LATE", "Planned visits late"), ("VISITS_MISSED", "Planned visits missed"),
                                  ("KOPER_SHARE", "Share of stays lasting 10 to 16 minutes")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(description)))

    def processAlgorithm(self, parameters, context, feedback):
        zone = time_zone(self.parameterAsString(parameters, "TIMEZONE", context))
        # Pings are "inside" an area: point hotspots without a BUFFER gave a handful of chance stays.
        buffer = self.parameterAsDouble(parameters, "BUFFER", context)
        hotspots_source = source_of(self, parameters, "HOTSPOTS", context)
        self.require_polygons(hotspots_source, "HOTSPOTS", buffer_parameter="BUFFER", buffer=buffer, feedback=feedback)
        unit_field = self.parameterAsString(parameters, "UNIT_FIELD", context)
        pings = read_points(self, parameters, "PINGS", context, feedback, category_field=unit_field,
                            time_expression=self.parameterAsExpression(parameters, "TIME", context),
                            time_zone=zone, utc=True)
        if pings.time is None:
            raise QgsProcessingException(self.tr("TIME is needed: the field or expression with each ping's time."))
        require_resolution(pings, MINUTE, self.tr("Finding stays from GPS pings"))
        hotspots = read_hotspots(hotspots_source, "HOTSPOTS", context, pings.crs)
        ids = [str(h[0]) for h in hotspots]
        ranks = [int(h[1]) for h in hotspots]
        areas = [h[2].buffer(buffer, 8) if buffer > 0 else h[2] for h in hotspots]
        feedback.setProgress(30)

        units = np.array(["" if u is None else str(u) for u in pings.category], dtype=object)
        unit_names, unit_codes = np.unique(units, return_inverse=True)
        if "" in unit_names:
            feedback.pushWarning(self.tr("Some pings have no unit in '{}'; they are treated as one unit "
                                         "named ''.").format(unit_field))
        hotspot_of_ping = assign_to_polygons(PointIndex(pings.x, pings.y), areas)
        seconds = pings.time.astype(np.int64).astype(float)
        stays = self.run_core(dosage.find_stays, unit_codes, seconds, hotspot_of_ping,
                              self.parameterAsDouble(parameters, "MAX_GAP", context),
                              self.parameterAsDouble(parameters, "MIN_MINUTES", context))
        feedback.pushInfo(self.tr("{} pings of {} units; {} inside hotspots; {} visits made.").format(
            len(pings), len(unit_names), int(np.sum(hotspot_of_ping >= 0)), len(stays.start)))
        feedback.setProgress(60)

        # Everything is read and computed before the first output is written.
        plan = None
        if parameters.get("PLAN"):
            plan = read_visits(source_of(self, parameters, "PLAN", context), "PLAN", zone, feedback)
        position = {hotspot_id: k for k, hotspot_id in enumerate(ids)}
        if plan is not None:
            plan_hotspot = np.array([position.get(h, -1) for h in plan["hotspot_id"]], dtype=np.int64)
            unknown = plan_hotspot < 0
            if unknown.any():
                feedback.pushWarning(self.tr("{} planned visits name hotspots not in HOTSPOTS; they are left "
                                             "out.").format(int(unknown.sum())))
            plan = {key: (value[~unknown] if value is not None else None) for key, value in plan.items()}
            plan_hotspot = plan_hotspot[~unknown]
            plan_start = plan["start_utc"].astype(np.int64).astype(float)
            plan_end = plan["end_utc"].astype(np.int64).astype(float)
        else:
            plan_hotspot, plan_start, plan_end = np.zeros(0, np.int64), np.zeros(0), np.zeros(0)
        result = self.run_core(dosage.compliance, plan_hotspot, plan_start, plan_end, stays,
                               GRACE_MINUTES, LATE_LIMIT_MINUTES, n_hotspots=len(ids))

        place = [area.pointOnSurface() for area in areas]
        results = {"OUTPUT": self._write_stays(parameters, context, feedback, stays, ids, ranks, unit_names,
                                               place, pings.crs, zone),
                   "VISITS_MADE": len(stays.start)}
        style_on_load(context, results["OUTPUT"], "visits_made")
        if plan is not None:
            statuses = {s: int(np.sum(result.status == s)) for s in ("delivered", "late", "missed")}
            feedback.pushInfo(self.tr("Planned visits: {} delivered, {} late, {} missed of {}.").format(
                statuses["delivered"], statuses["late"], statuses["missed"], len(plan_start)))
            results.update({f"VISITS_{k.upper()}": v for k, v in statuses.items()})
            if parameters.get("OUTPUT_COMPLIANCE"):
                results["OUTPUT_COMPLIANCE"] = self._write_compliance(parameters, context, plan, plan_start,
                                                                      result, zone)
                style_on_load(context, results["OUTPUT_COMPLIANCE"], "compliance")
        if np.isfinite(result.overall_koper_share):
            feedback.pushInfo(self.tr("{:.0%} of stays lasted {} (the Koper curve's band).").format(
                result.overall_koper_share, KOPER_BAND))
        results["KOPER_SHARE"] = (float(result.overall_koper_share) if np.isfinite(result.overall_koper_share)
                                  else None)
        if parameters.get("OUTPUT_HOTSPOTS"):
            results["OUTPUT_HOTSPOTS"] = self.write_table(parameters, context, "OUTPUT_HOTSPOTS", HOTSPOT_FIELDS, [
                [ids[h], ranks[h], int(result.planned_visits[h]), float(result.planned_minutes[h]),
                 int(result.delivered_visits[h]), int(result.stays[h]), float(result.stay_minutes[h]),
                 result.koper_share[h]]
                for h in range(len(ids))])
            style_on_load(context, results["OUTPUT_HOTSPOTS"], "hotspot_dosage")
        return results

    def _write_stays(self, parameters, context, feedback, stays, ids, ranks, unit_names, place, crs, zone):
        fields = QgsFields()
        for name, kind in VISIT_FIELDS:
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))

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

    def _write_compliance(self, parameters, context, plan, plan_start, result, zone):
        rows = []
        for k in range(len(plan_start)):
            start = local_time(plan_start[k], zone)
            late = int(result.late_minutes[k]) if result.status[k] == "late" else None
            rows.append([int(plan["feature"][k]), str(plan["hotspot_id"][k]),
                         None if plan["unit"] is None else str(plan["unit"][k]), QDate(start.date()),
                         qt_datetime(start), str(result.status[k]), late, float(result.delivered_minutes[k])])
        return self.write_table(parameters, context, "OUTPUT_COMPLIANCE", COMPLIANCE_FIELDS, rows)
