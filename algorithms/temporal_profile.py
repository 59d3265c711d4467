"""hotspotpatrol:temporalprofile — when crime happens in each hotspot."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ..core import temporal
from ..core.schedule import WEEKDAYS
from .base import HotspotAlgorithm
from .crime_times import add_midnight_parameter, add_risk_time_end_parameter, hotspot_risk, warn_midnight_heaping
from .reader import describe_skipped, period_from_parameters, read_hotspots, read_points, restrict_to_period, source_of
from .styles import style_on_load
from .time_zones import time_zone

PROFILE_FIELDS = (("hotspot_id", "text"), ("weekday", "text"), ("hour", "int"), ("crimes", "double"),
                  ("risk", "double"))


class TemporalProfileAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "temporalprofile"
    GROUP = "plan"
    ICON = "hotspot_patrol"
    REFERENCES = ("ratcliffe2004", "ratcliffe2002")

    HOTSPOTS = "HOTSPOTS"
    CRIMES = "CRIMES"
    TIME_END = "TIME_END"
    MIDNIGHT_UNKNOWN = "MIDNIGHT_UNKNOWN"
    TIMEZONE = "TIMEZONE"

    def displayName(self):
        return self.tr("Crime time profile")

    def tags(self):
        return self.tr("time profile,hour of the week,temporal,when,risk,aoristic,hotspot matrix,crime").split(",")

    def summary(self):
        return self.tr(
            "When crime happens in each hotspot: crimes by hour of the week (168 hours, Monday 00:00 first, in the "
            "local time the crimes are recorded in) and the smoothed risk that Generate patrol plan uses to time "
            "its visits.")

    def method(self):
        return self.tr(
            "each hotspot's counts are smoothed over neighbouring hours with a triangular kernel of ±2 hours that "
            "wraps round the week (Sunday 23:00 neighbours Monday 00:00), then shrunk towards the smoothed profile "
            "of all CRIMES with the weight of 24 crimes (an empirical-Bayes prior): a hotspot with few crimes "
            "follows the area's rhythm, one with many its own. Knowing when a hotspot is hot, as well as where, is "
            "the idea of Ratcliffe's (2004) hotspot matrix.")

    def initAlgorithm(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(
            self.HOTSPOTS, self.tr("Hotspots (polygons with hotspot_id)"), [QgsProcessing.TypeVectorPolygon]),
            self.tr("Polygons with hotspot_id, as Rank patrol hotspots writes them."))
        self.add(QgsProcessingParameterFeatureSource(
            self.CRIMES, self.tr("Crimes (points)"), [QgsProcessing.TypeVectorPoint]),
            self.tr("Crime points of the whole area, not only the hotspots'."))
        self.add_time_parameters(parent=self.CRIMES, optional=False)
        self.parameterDefinition(self.TIME).setHelp(self.tr(
            "Each crime's date and time of day: a field or an expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM or "
            "dd/MM/yyyy HH:mm). A date and a time of day kept in two fields can be joined in the expression, e.g. "
            "<code>\"OCCUR_DATE\" || ' ' || \"OCCUR_TIME\"</code> (date or text date, time or text time). Crimes "
            "known only to the month (data.police.uk) or the day carry no time of day: the algorithm refuses them "
            "rather than put them all at midnight."))
        add_risk_time_end_parameter(self, self.CRIMES)
        add_midnight_parameter(self)
        self.add(QgsProcessingParameterString(
            self.TIMEZONE, self.tr("Time zone of the crime times (IANA name)"), defaultValue="Europe/London"),
            self.tr("The IANA zone the times are written in. Times are read as written (wall clock); times with a "
                    "UTC offset are converted to this zone, and windows are measured in its real minutes."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Time profile"), QgsProcessing.TypeVector),
            self.tr("A table of 168 rows per hotspot: <i>hotspot_id</i>, <i>weekday</i> (Monday…Sunday), "
                    "<i>hour</i> (0–23), <i>crimes</i> (in that hour of the week; fractional with TIME_END) and "
                    "<i>risk</i> (relative: 1 is the hotspot's average hour). The log names each hotspot's two "
                    "busiest 3-hour windows."))

    def processAlgorithm(self, parameters, context, feedback):
        time_expression = self.parameterAsExpression(parameters, self.TIME, context)
        if not time_expression:
            raise QgsProcessingException(self.tr("TIME is needed: the field or expression with each crime's time."))
        zone = time_zone(self.parameterAsString(parameters, self.TIMEZONE, context))
        midnight_unknown = self.parameterAsBool(parameters, self.MIDNIGHT_UNKNOWN, context)
        start, end = period_from_parameters(self, parameters, context)
        points = read_points(self, parameters, self.CRIMES, context, feedback, time_expression=time_expression,
                             time_end_expression=self.parameterAsExpression(parameters, self.TIME_END, context),
                             time_zone=zone)
        points = restrict_to_period(points, start, end, feedback)
        if len(points) == 0:
            raise QgsProcessingException(self.tr(
                "No crimes are left to profile ({}): check TIME, TIME_END, START and END.").format(
                    describe_skipped(points)))
        warn_midnight_heaping(points, midnight_unknown, feedback)
        hotspots = read_hotspots(source_of(self, parameters, self.HOTSPOTS, context), self.HOTSPOTS, context,
                                 points.crs)
        counts, risk = hotspot_risk(points, hotspots, zone, midnight_unknown)
        ids = [str(hotspot_id) for hotspot_id, _, _ in hotspots]
        rows = [[hotspot_id, WEEKDAYS[hour // 24], hour % 24, float(counts[row, hour]), float(risk[row, hour])]
                for row, hotspot_id in enumerate(ids) for hour in range(temporal.HOURS_PER_WEEK)]
        for row, hotspot_id in enumerate(ids):
            self._log_peaks(feedback, hotspot_id, counts[row], risk[row])
        dest_id = self.write_table(parameters, context, self.OUTPUT, PROFILE_FIELDS, rows)
        style_on_load(context, dest_id, "time_profile")
        return {self.OUTPUT: dest_id}

    def _log_peaks(self, feedback, hotspot_id, counts, risk):
        """The hotspot's crimes and its two busiest 3-hour windows, in the log."""
        peaks = ", ".join(f"{WEEKDAYS[h // 24]} {h % 24:02d}:00–{(h % 24 + 3) % 24:02d}:00 (risk {r:.1f})"
                          for h, r in temporal.peak_windows(risk))
        feedback.pushInfo(self.tr("Hotspot {}: {:g} crimes; peak windows {}.").format(
            hotspot_id, round(float(counts.sum()), 1), peaks))
