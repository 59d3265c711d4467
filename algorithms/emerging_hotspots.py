"""hotspotpatrol:emerginghotspots — ArcGIS-style emerging hot spot analysis."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import emerging, grid
from ..core.time_resolution import step_finer_than
from ..core.timeparse import STEPS, time_steps
from .base import HotspotAlgorithm, cell_geometry, make_field
from .reader import describe_skipped, period_from_parameters, read_points, restrict_to_period
from .styles import style_on_load


class EmergingHotspotsAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "emerginghotspots"
    DISPLAY_NAME = "Emerging hot spots"
    GROUP = "choose"
    ICON = "emerging_hotspots"
    HELP = (
        "Which hot spots are new, growing, steady or fading: ArcGIS Pro's Emerging Hot Spot Analysis for "
        "crime points, with numpy and scipy alone. Use it to check that the places to patrol are still the "
        "hot ones.\n\n"
        "<b>Parameters</b><ul>"
        "<li>INPUT: crime points. TIME: each crime's date and time (field or expression; needed).</li>"
        "<li>STEP: the time step: 0 day, 1 Monday-based week (default), 2 calendar month.</li>"
        "<li>CELL_SIZE: square cells in metres (default 150), on the fixed grid of Grid crimes into "
        "cells.</li>"
        "<li>DISTANCE: the neighbourhood distance in metres; empty (default): the 8 surrounding cells. A cell with "
        "no neighbour within it is not classified (No Pattern Detected, null trend; the log says how many).</li>"
        "<li>TIME_WINDOW: steps in the neighbourhood (default 1): the step itself and the TIME_WINDOW − 1 "
        "steps before it.</li>"
        "<li>START, END: the period (a crime counts when START &lt;= time &lt; END). Steps start at START's "
        "step, or at the first crime's; with END they run to the step holding END's last second. The cube of cells "
        "with crime × steps may hold up to 20 million bins (about 1.3 GB), and the neighbour pairs × steps up to "
        "2,000 million: more is refused before anything is built, naming the earliest and latest times (a typo "
        "year in a few dates is the usual cause).</li>"
        "<li>TARGET_CRS (advanced): the metric CRS, as in Grid crimes into cells.</li></ul>"
        "<b>Outputs</b><ul>"
        "<li>OUTPUT: a square per cell with at least one crime in the period: <i>cell_id</i>, "
        "<i>category</i> (the pattern, below), <i>trend_z</i> and <i>trend_p</i> (Mann–Kendall z-score and "
        "two-sided p-value of the trend in the cell's Gi* z-scores), <i>hot_steps</i> and <i>cold_steps</i> "
        "(steps in which the cell is a significant hot or cold spot), <i>steps</i> (steps in the period) and "
        "<i>count</i> (the cell's crimes).</li>"
        "<li>STEPS: the number of time steps.</li></ul>"
        "<b>Method</b>: crimes are counted into a space-time cube of cells × steps. Each cell-step gets a "
        "Gi* z-score (Ord &amp; Getis 1995) over its space-time neighbourhood — the cells within DISTANCE, "
        "in this step and the TIME_WINDOW − 1 steps before it — binned at 90/95/99% confidence with the "
        "false-discovery-rate correction of Benjamini &amp; Hochberg (1995), as ArcGIS does. A Mann–Kendall "
        "test (Mann 1945; Kendall 1975) of each cell's z-scores gives its trend, significant at p &lt; 0.05. "
        "The <i>category</i> is No Pattern Detected, or New, Consecutive, Intensifying, Persistent, "
        "Diminishing, Sporadic, Oscillating or Historical Hot or Cold Spot, by Esri's published rules (e.g. "
        "Persistent: hot in at least 90% of the steps, no significant trend; New: hot in the final step "
        "only).\n\n"
        "<b>References</b><ul>"
        "<li>Benjamini, Y. &amp; Hochberg, Y. (1995). Controlling the false discovery rate: a practical and "
        "powerful approach to multiple testing. Journal of the Royal Statistical Society, Series B 57(1), "
        "289–300.</li>"
        "<li>Esri. How Emerging Hot Spot Analysis works. ArcGIS Pro documentation, Spatial Statistics "
        "toolbox.</li>"
        "<li>Kendall, M. G. (1975). Rank Correlation Methods, 4th edition. London: Griffin.</li>"
        "<li>Mann, H. B. (1945). Nonparametric tests against trend. Econometrica 13(3), 245–259.</li>"
        "<li>Ord, J. K. &amp; Getis, A. (1995). Local spatial autocorrelation statistics: distributional "
        "issues and an application. Geographical Analysis 27(4), 286–306.</li></ul>")

    def initAlgorithm(self, config=None):
        self.add_crimes_input()
        self.addParameter(QgsProcessingParameterExpression(
            "TIME", self.tr("Crime date and time (field or expression)"), parentLayerParameterName="INPUT"))
        self.addParameter(QgsProcessingParameterEnum(
            "STEP", self.tr("Time step"), options=[self.tr("Day"), self.tr("Week"), self.tr("Month")],
            defaultValue=1))
        self.add_cell_parameters(shape=False)
        self.addParameter(QgsProcessingParameterNumber(
            "DISTANCE", self.tr("Neighbourhood distance (metres; empty: the 8 surrounding cells)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "TIME_WINDOW", self.tr("Neighbourhood time window (steps)"), QgsProcessingParameterNumber.Integer,
            defaultValue=1, minValue=1))
        self.addParameter(QgsProcessingParameterDateTime("START", self.tr("From (inclusive)"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime("END", self.tr("Until (exclusive)"), optional=True))
        self.add_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Emerging hot spots"), QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("STEPS", self.tr("Time steps")))

    def processAlgorithm(self, parameters, context, feedback):
        cell_size = self.cell_size(parameters, context)
        step = STEPS[self.parameterAsEnum(parameters, "STEP", context)]
        window = self.parameterAsInt(parameters, "TIME_WINDOW", context)
        distance = (self.parameterAsDouble(parameters, "DISTANCE", context)
                    if parameters.get("DISTANCE") not in (None, "") else cell_size * np.sqrt(2.0))
        if not np.isfinite(distance) or distance < 0:
            raise QgsProcessingException(self.tr(
                "DISTANCE must be a number of metres of 0 or more, not {}; leave it empty for the 8 surrounding "
                "cells.").format(distance))
        start, end = period_from_parameters(self, parameters, context)
        time_expression = self.parameterAsExpression(parameters, "TIME", context)
        if not time_expression:
            raise QgsProcessingException(self.tr("TIME is needed: the field or expression with each crime's date."))
        points = read_points(self, parameters, "INPUT", context, feedback,
                             target_crs=self.parameterAsCrs(parameters, "TARGET_CRS", context),
                             time_expression=time_expression)
        if step_finer_than(step, points.time_resolution.resolution):
            raise QgsProcessingException(self.tr(
                "STEP is {}, but the crimes' times are known only to the {} ({}). Steps finer than the data "
                "would invent when crimes happened: choose STEP=2 (month), or use crimes with dates.").format(
                    step, points.time_resolution.resolution, points.time_resolution.rule))
        points = restrict_to_period(points, start, end, feedback)
        if len(points) == 0:
            raise QgsProcessingException(self.tr(
                "No crimes with a readable time in the period ({}): check TIME, START and END.").format(
                    describe_skipped(points)))
        # With END, the steps run to the one holding END's last second, crimes or not.
        moments = points.time if end is None else np.append(
            points.time, np.datetime64(end, "s") - np.timedelta64(1, "s"))
        index, first = self.run_core(time_steps, moments, step, start)
        step_index = index[:len(points)]
        n_steps = int(index.max()) + 1
        earliest, latest = points.time.min(), points.time.max()
        feedback.pushInfo(self.tr("{} steps of one {} from {}; crimes from {} to {}.").format(
            n_steps, step, first, earliest, latest))

        cells = self.run_core(grid.count_cells, points.x, points.y, cell_size)
        # The cube's size is known before it is built: a typo year must not allocate gigabytes first.
        self.run_core(emerging.check_cube_size, cells.col.size, n_steps, step,
                      self._bound_text(earliest, start, "START"), self._bound_text(latest, end, "END"))
        cube = np.bincount(cells.point_cell * n_steps + step_index,
                           minlength=cells.col.size * n_steps).reshape(cells.col.size, n_steps).astype(float)
        feedback.setProgress(40)
        result = self.run_core(emerging.emerging_hot_spots, cube, cells.col, cells.row, cell_size, distance,
                               window, progress=self.progress_callback(feedback, 40, 90))

        fields = QgsFields()
        for name, kind in (("cell_id", "text"), ("category", "text"), ("trend_z", "double"),
                           ("trend_p", "double"), ("hot_steps", "int"), ("cold_steps", "int"),
                           ("steps", "int"), ("count", "int")):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Polygon,
                                             points.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        isolated = int(result["isolated"].sum())
        if isolated:
            feedback.pushWarning(self.tr(
                "{:,} of {:,} cells have no neighbour within DISTANCE {:g} m (cells are {:g} m apart): they are not "
                "classified (No Pattern Detected, trend_z and trend_p NULL), as nothing around them can make a hot "
                "or a cold spot. Use a DISTANCE of at least {:g} m, or leave it empty for the 8 surrounding "
                "cells.").format(isolated, cells.col.size, distance, cell_size, cell_size))
        ids = grid.cell_ids(cells.col, cells.row, cell_size)
        features = []
        for i in range(cells.col.size):
            feature = QgsFeature(fields)
            feature.setGeometry(cell_geometry(cells.col[i], cells.row[i], cell_size, grid.SQUARE))
            feature.setAttributes([ids[i], result["category"][i], _number(result["trend_z"][i]),
                                   _number(result["trend_p"][i]), int(result["hot_steps"][i]),
                                   int(result["cold_steps"][i]), n_steps, int(cells.count[i])])
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.FastInsert)
        style_on_load(context, dest_id, "emerging_hotspots")
        tally = {}
        for category in result["category"]:
            tally[category] = tally.get(category, 0) + 1
        for category in emerging.PATTERNS:
            if tally.get(category):
                feedback.pushInfo(f"{category}: {tally[category]}")
        return {"OUTPUT": dest_id, "STEPS": n_steps}

    def _bound_text(self, crime_time, bound, name):
        """The earliest (or latest) crime time, and the period bound when it stretches the steps further."""
        text = str(crime_time).replace("T", " ")
        if bound is not None and ((name == "START" and np.datetime64(bound, "s") < crime_time)
                                  or (name == "END" and np.datetime64(bound, "s") > crime_time)):
            text += self.tr(" ({} {})").format(name, bound)
        return text


def _number(value):
    """A finite float, or None (NULL)."""
    return float(value) if np.isfinite(value) else None
