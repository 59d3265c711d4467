"""hotspotpatrol:temporalprofile — when crime happens in each hotspot."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core import temporal
from ..core.schedule import WEEKDAYS
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
from .reader import describe_skipped, period_from_parameters, read_hotspots, read_points, restrict_to_period, source_of
from .styles import style_on_load
from .time_zones import time_zone


class TemporalProfileAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "temporalprofile"
    DISPLAY_NAME = "Crime time profile"
    GROUP = "plan"
    ICON = "hotspot_patrol"
    HELP = (
        "When crime happens in each hotspot: crimes by hour of the week (168 hours, Monday 00:00 first, in "
        "the local time the crimes are recorded in) and the smoothed risk that Generate patrol plan uses to "
        "time its visits.\n\n"
        "<b>Parameters</b><ul>"
        "<li>HOTSPOTS: polygons with hotspot_id, as Rank patrol hotspots writes them.</li>"
        "<li>CRIMES: crime points of the whole area, not only the hotspots'.</li>"
        "<li>TIME: each crime's date and time of day (field or expression; needed). " + DATE_AND_TIME_HELP +
        " Crimes known only to the month (data.police.uk) or the day carry no time of day: the algorithm "
        "refuses them rather than put them all at midnight. START, END: the period (START &lt;= time &lt; "
        "END).</li>"
        "<li>" + TIME_END_HELP + "</li>"
        "<li>" + MIDNIGHT_HELP + "</li>"
        "<li>TIMEZONE: the IANA zone the times are written in (default Europe/London). Times are read as "
        "written (wall clock); times with a UTC offset are converted to this zone, and windows are measured "
        "in its real minutes.</li></ul>"
        "<b>Outputs</b><ul>"
        "<li>OUTPUT: a table of 168 rows per hotspot: <i>hotspot_id</i>, <i>weekday</i> (Monday…Sunday), "
        "<i>hour</i> (0–23), <i>crimes</i> (in that hour of the week; fractional with TIME_END) and <i>risk</i> (relative: 1 is the "
        "hotspot's average hour). The log names each hotspot's two busiest 3-hour windows.</li></ul>"
        "<b>Method</b>: each hotspot's counts are smoothed over neighbouring hours with a triangular kernel "
        "of ±2 hours that wraps round the week (Sunday 23:00 neighbours Monday 00:00), then shrunk towards "
        "the smoothed profile of all CRIMES with the weight of 24 crimes (an empirical-Bayes prior): a "
        "hotspot with few crimes follows the area's rhythm, one with many its own. Knowing when a hotspot is "
        "hot, as well as where, is the idea of Ratcliffe's (2004) hotspot matrix.\n\n"
        "<b>References</b><ul>"
        "<li>Ratcliffe, J. H. (2004). The hotspot matrix: a framework for the spatio-temporal targeting of "
        "crime reduction. Police Practice and Research 5(1), 5–23.</li>"
        "<li>Ratcliffe, J. H. (2002). Aoristic signatures and the spatio-temporal analysis of high volume crime "
        "patterns. Journal of Quantitative Criminology 18(1), 23–43.</li></ul>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HOTSPOTS", self.tr("Hotspots (polygons with hotspot_id)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CRIMES", self.tr("Crimes (points)"), [QgsProcessing.TypeVectorPoint]))
        self.add_time_parameters(parent="CRIMES", optional=False)
        add_time_end_parameter(self, "CRIMES")
        add_midnight_parameter(self)
        self.addParameter(QgsProcessingParameterString(
            "TIMEZONE", self.tr("Time zone of the crime times (IANA name)"), defaultValue="Europe/London"))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Time profile"), QgsProcessing.TypeVector))

    def processAlgorithm(self, parameters, context, feedback):
        time_expression = self.parameterAsExpression(parameters, "TIME", context)
        if not time_expression:
            raise QgsProcessingException(self.tr("TIME is needed: the field or expression with each crime's time."))
        zone = time_zone(self.parameterAsString(parameters, "TIMEZONE", context))
        midnight_unknown = self.parameterAsBool(parameters, "MIDNIGHT_UNKNOWN", context)
        start, end = period_from_parameters(self, parameters, context)
        points = read_points(self, parameters, "CRIMES", context, feedback, time_expression=time_expression,
                             time_end_expression=self.parameterAsExpression(parameters, "TIME_END", context),
                             time_zone=zone)
        points = restrict_to_period(points, start, end, feedback)
        if len(points) == 0:
            raise QgsProcessingException(self.tr(
                "No crimes are left to profile ({}): check TIME, TIME_END, START and END.").format(
                    describe_skipped(points)))
        warn_midnight_heaping(points, midnight_unknown, feedback)
        hotspots = read_hotspots(source_of(self, parameters, "HOTSPOTS", context), "HOTSPOTS", context, points.crs)
        counts, risk = hotspot_risk(points, hotspots, zone, midnight_unknown)

        fields = QgsFields()
        for name, kind in (("hotspot_id", "text"), ("weekday", "text"), ("hour", "int"), ("crimes", "double"),
                           ("risk", "double")):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        rows = []
        for row, (hotspot_id, _, _) in enumerate(hotspots):
            for hour in range(temporal.HOURS_PER_WEEK):
                feature = QgsFeature(fields)
                feature.setAttributes([str(hotspot_id), WEEKDAYS[hour // 24], hour % 24, float(counts[row, hour]),
                                       float(risk[row, hour])])
                rows.append(feature)
            peaks = ", ".join(f"{WEEKDAYS[h // 24]} {h % 24:02d}:00–{(h % 24 + 3) % 24:02d}:00 (risk {r:.1f})"
                              for h, r in temporal.peak_windows(risk[row]))
            feedback.pushInfo(self.tr("Hotspot {}: {:g} crimes; peak windows {}.").format(
                hotspot_id, round(float(counts[row].sum()), 1), peaks))
        sink.addFeatures(rows, QgsFeatureSink.FastInsert)
        style_on_load(context, dest_id, "time_profile")
        return {"OUTPUT": dest_id}
