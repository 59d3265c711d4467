"""hotspotpatrol:nearrepeat — the near-repeat test of Knox (1964): do crimes follow crimes nearby?"""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import nearrepeat
from ..core.time_resolution import DAY
from .base import HotspotAlgorithm
from .reader import describe_skipped, period_from_parameters, read_points, require_resolution, restrict_to_period
from .styles import style_on_load

SIGNIFICANT = 0.05


class NearRepeatAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "nearrepeat"
    GROUP = "choose"
    ICON = "hotspot_patrol"
    REFERENCES = ("johnson2007", "knox1964", "ratcliffe2009")

    DISTANCE_BANDS = "DISTANCE_BANDS"
    DAY_BANDS = "DAY_BANDS"
    ITERATIONS = "ITERATIONS"
    SEED = "SEED"
    PAIRS_CLOSE = "PAIRS_CLOSE"
    KNOX_RATIO_CLOSE = "KNOX_RATIO_CLOSE"
    P_VALUE_CLOSE = "P_VALUE_CLOSE"
    PARAMETER_OF_SETTING = {**HotspotAlgorithm.PARAMETER_OF_SETTING, "distance_edges": "DISTANCE_BANDS",
                            "day_edges": "DAY_BANDS", "iterations": "ITERATIONS", "days": "TIME"}

    def displayName(self):
        return self.tr("Near-repeat test (Knox)")

    def tags(self):
        return self.tr("near repeat,repeat victimisation,Knox,space-time,burglary,contagion,Monte Carlo,"
                       "Near Repeat Calculator").split(",")

    def summary(self):
        return self.tr(
            "Do crimes follow crimes nearby, soon after? The near-repeat test counts the pairs of crimes that "
            "are close in space and in time, and compares them with chance. A Knox ratio above 1 with a small "
            "p-value in the first bands (e.g. under 150 m and under 7 days) says that a crime raises the risk "
            "around it for a while: the place to patrol next is near the last crimes.")

    def method(self):
        return self.tr(
            "the Knox test (Knox 1964) as used for near repeats by Johnson et al. (2007) and the Near Repeat "
            "Calculator (Ratcliffe 2009). Every pair of crimes is counted once in the cell of its distance band "
            "(straight-line metres) and its day band (days between the two dates: the time of day is dropped, "
            "as in the calculator). Bands are half-open: 0,150,300 means [0, 150) and [150, 300) metres, so a "
            "pair exactly 150 m or 7 days apart falls in the second band. Chance is found by shuffling the "
            "crimes' dates among the crimes ITERATIONS times (the places and the dates each keep their own "
            "pattern; only their link is broken) and counting again: <i>expected</i> is the mean shuffled "
            "count, <i>knox_ratio</i> the observed count over it, <i>p_value</i> (1 + shuffles with a count at "
            "least the observed) / (1 + ITERATIONS), so 999 shuffles can show p = 0.001 at best. Pairs farther "
            "apart than the last distance edge are in no row, but their crimes' dates are shuffled too. "
            "<b>Comparing with the Near Repeat Calculator</b>: check the calculator's settings before comparing "
            "numbers. It labels bands with whole numbers, inclusive ('1 to 150', '0 to 7'), and shows pairs at "
            "the same place in a row of their own; an independent replication found its band 'a to b' counts the "
            "pairs from a − 1 up to, not including, b, which matters most for the first day band. It offers "
            "Manhattan as well as Euclidean distance: choose Euclidean to match this tool. Its significance "
            "setting chooses how many shuffles it makes, and its p-values come from ranking the observed count "
            "among the shuffled ones: they agree with these only for the same number of shuffles, and differ "
            "from run to run by chance (as these do for another SEED). Counting each pair twice (i to j and j to "
            "i) doubles observed and expected alike and leaves ratios and p-values unchanged. Up to 50 million "
            "pairs closer than the last distance edge can be held; more is refused.")

    def initAlgorithm(self, config=None):
        self.add_crimes_input()
        self.add_time_parameters(optional=False)
        self.parameterDefinition(self.TIME).setHelp(self.tr(
            "Each crime's date: a field or an expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM, dd/MM/yyyy HH:mm). "
            "Crimes are compared by date, so times of day are dropped; data known only to the month (as "
            "data.police.uk's) is refused."))
        self.add(QgsProcessingParameterString(
            self.DISTANCE_BANDS, self.tr("Distance band edges (metres)"), defaultValue="0,150,300,450,600"),
            self.tr("The edges of the distance bands in metres, increasing, separated by commas: 0,150,300,450,600 "
                    "gives the bands [0, 150), [150, 300), [300, 450) and [450, 600). Straight-line distance in "
                    "the metric CRS the crimes are read in."))
        self.add(QgsProcessingParameterString(
            self.DAY_BANDS, self.tr("Day band edges (days)"), defaultValue="0,7,14,21,28"),
            self.tr("The edges of the day bands in whole days, increasing, separated by commas: 0,7,14,21,28 gives "
                    "[0, 7) (the same day up to 6 days apart), [7, 14), [14, 21) and [21, 28)."))
        self.add(QgsProcessingParameterNumber(
            self.ITERATIONS, self.tr("Shuffles (Monte Carlo iterations)"), QgsProcessingParameterNumber.Integer,
            defaultValue=999, minValue=19),
            self.tr("How many times the dates are shuffled among the crimes: at least 19. The smallest p-value is "
                    "1 / (1 + ITERATIONS): 0.05 with 19, 0.01 with 99, 0.001 with 999."))
        self.add(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Integer, defaultValue=0, minValue=0),
            self.tr("The seed of the shuffles: the same crimes, settings and seed give the same table."),
            advanced=True)
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Knox table"), QgsProcessing.TypeVector),
            self.tr("A table (no geometry), one row per distance band and day band: <i>distance_from</i>, "
                    "<i>distance_to</i> (metres), <i>days_from</i>, <i>days_to</i> (the band is [from, to)), "
                    "<i>observed</i> (pairs of crimes in both bands, each pair once), <i>expected</i> (the mean "
                    "over the shuffles), <i>knox_ratio</i> (observed / expected; NULL when no pair is expected) "
                    "and <i>p_value</i>."))
        self.add_output(QgsProcessingOutputNumber(self.PAIRS_CLOSE, self.tr("Pairs in the first bands")),
                        self.tr("The observed pairs in the first distance band and the first day band."))
        self.add_output(QgsProcessingOutputNumber(self.KNOX_RATIO_CLOSE, self.tr("Knox ratio in the first bands")),
                        self.tr("The Knox ratio of the first distance band and first day band (NULL when no "
                                "pair is expected there)."))
        self.add_output(QgsProcessingOutputNumber(self.P_VALUE_CLOSE, self.tr("p-value in the first bands")),
                        self.tr("The p-value of the first distance band and first day band."))

    def check_parameters(self, parameters, context):
        self._edges(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        distance_edges, day_edges = self._edges(parameters, context)
        iterations = self.parameterAsInt(parameters, self.ITERATIONS, context)
        start, end = period_from_parameters(self, parameters, context)
        points = read_points(self, parameters, self.INPUT, context, feedback,
                             time_expression=self.parameterAsExpression(parameters, self.TIME, context))
        require_resolution(points, DAY, self.tr("The near-repeat test"))
        points = restrict_to_period(points, start, end, feedback)
        if len(points) < 2:
            raise QgsProcessingException(self.tr(
                "The near-repeat test compares pairs of crimes, but only {} of them has a date in the period ({}): "
                "check TIME, START and END.").format(len(points), describe_skipped(points)))
        feedback.pushInfo(self.tr("{:,} crimes from {} to {}; {} shuffles of their dates.").format(
            len(points), points.time.min().astype("datetime64[D]"), points.time.max().astype("datetime64[D]"),
            iterations))
        days = self.run_core(nearrepeat.whole_days, points.time)
        table = self.run_core(nearrepeat.knox_table, points.x, points.y, days, distance_edges, day_edges,
                              iterations, rng=self.parameterAsInt(parameters, self.SEED, context),
                              progress=self.progress_callback(feedback, 10, 95))
        dest_id = self.write_table(parameters, context, self.OUTPUT, (
            ("distance_from", "double"), ("distance_to", "double"), ("days_from", "int"), ("days_to", "int"),
            ("observed", "int"), ("expected", "double"), ("knox_ratio", "double"), ("p_value", "double")),
            self._rows(table))
        style_on_load(context, dest_id, "near_repeat")
        self._log_reading(feedback, table)
        ratio = float(table.ratio[0, 0])
        return {self.OUTPUT: dest_id, self.PAIRS_CLOSE: int(table.observed[0, 0]),
                self.KNOX_RATIO_CLOSE: ratio if ratio == ratio else None,
                self.P_VALUE_CLOSE: float(table.p_value[0, 0])}

    def _edges(self, parameters, context):
        """DISTANCE_BANDS and DAY_BANDS as checked edges; bad text is refused naming the parameter."""
        return (self.run_core(nearrepeat.band_edges, self.parameterAsString(parameters, self.DISTANCE_BANDS, context),
                              "metres", "distance_edges"),
                self.run_core(nearrepeat.band_edges, self.parameterAsString(parameters, self.DAY_BANDS, context),
                              "days", "day_edges", whole=True))

    @staticmethod
    def _rows(table):
        """One row per (distance band, day band), distance bands first."""
        rows = []
        for a in range(table.observed.shape[0]):
            for b in range(table.observed.shape[1]):
                rows.append([float(table.distance_edges[a]), float(table.distance_edges[a + 1]),
                             int(table.day_edges[b]), int(table.day_edges[b + 1]), int(table.observed[a, b]),
                             float(table.expected[a, b]), float(table.ratio[a, b]), float(table.p_value[a, b])])
        return rows

    def _log_reading(self, feedback, table):
        """A plain reading of the first cell and of every other cell with more pairs than chance (p <= 0.05)."""
        feedback.pushInfo(self.tr("{:,} pairs of crimes are in the distance bands.").format(table.pairs))
        cells = [(0, 0)] + [(a, b) for a in range(table.observed.shape[0]) for b in range(table.observed.shape[1])
                            if (a, b) != (0, 0) and table.p_value[a, b] <= SIGNIFICANT and table.ratio[a, b] > 1]
        for a, b in cells:
            feedback.pushInfo(self._reading(table, a, b))
        if len(cells) == 1 and not (table.p_value[0, 0] <= SIGNIFICANT and table.ratio[0, 0] > 1):
            feedback.pushInfo(self.tr("No band shows more pairs than chance at p ≤ {}: no sign of near repeats "
                                      "at these distances and times.").format(SIGNIFICANT))

    def _reading(self, table, a, b):
        """E.g. 'Crimes within 150 m and 7 days of another crime are 1.8 × as common as chance (p = 0.001).'"""
        near, far = table.distance_edges[a], table.distance_edges[a + 1]
        soon, late = table.day_edges[b], table.day_edges[b + 1]
        where = (self.tr("within {:g} m").format(far) if near == 0 else
                 self.tr("{:g} to under {:g} m").format(near, far))
        when = (self.tr("{} days").format(late) if soon == 0 else self.tr("{} to under {} days").format(soon, late))
        p = table.p_value[a, b]
        p_text = self.tr("p = {:.3f}").format(p) if p >= 0.0005 else self.tr("p < 0.001")
        if p == table.smallest_p:
            p_text += self.tr(" (the smallest {} shuffles can give)").format(table.iterations)
        if not table.expected[a, b] > 0:
            return self.tr("Crimes {} and {} of another crime: {:,} pairs, and none expected by chance.").format(
                where, when, int(table.observed[a, b]))
        return self.tr("Crimes {} and {} of another crime are {:.2f} × as common as chance ({:,} pairs, {:,.1f} "
                       "expected; {}).").format(where, when, table.ratio[a, b], int(table.observed[a, b]),
                                                table.expected[a, b], p_text)
