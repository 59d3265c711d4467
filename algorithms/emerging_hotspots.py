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

from ..core import emerging, grid, timeparse
from ..core.time_resolution import step_finer_than
from .base import HotspotAlgorithm, make_field
from .cell_writer import cell_geometry
from .reader import describe_skipped, period_from_parameters, read_points, restrict_to_period
from .styles import style_on_load


class EmergingHotspotsAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "emerginghotspots"
    GROUP = "choose"
    ICON = "emerging_hotspots"
    REFERENCES = ("benjamini1995", "esri_emerging", "kendall1975", "mann1945", "ord1995")

    STEP = "STEP"
    DISTANCE = "DISTANCE"
    TIME_WINDOW = "TIME_WINDOW"
    STEPS = "STEPS"

    def displayName(self):
        return self.tr("Emerging hot spots")

    def tags(self):
        return self.tr("emerging hot spot,hotspot,trend,space-time,Mann-Kendall,Gi*,new,persistent,fading,"
                       "ArcGIS").split(",")

    def summary(self):
        return self.tr(
            "Which hot spots are new, growing, steady or fading: ArcGIS Pro's Emerging Hot Spot Analysis for "
            "crime points, with numpy and scipy alone. Use it to check that the places to patrol are still the "
            "hot ones.")

    def method(self):
        return self.tr(
            "crimes are counted into a space-time cube of cells × steps. Each cell-step gets a Gi* z-score (Ord "
            "&amp; Getis 1995) over its space-time neighbourhood — the cells within DISTANCE, in this step and "
            "the TIME_WINDOW − 1 steps before it — binned at 90/95/99% confidence with the false-discovery-rate "
            "correction of Benjamini &amp; Hochberg (1995), as ArcGIS does. A Mann–Kendall test (Mann 1945; "
            "Kendall 1975) of each cell's z-scores gives its trend, significant at p &lt; 0.05. The "
            "<i>category</i> is No Pattern Detected, or New, Consecutive, Intensifying, Persistent, Diminishing, "
            "Sporadic, Oscillating or Historical Hot or Cold Spot, by Esri's published rules (e.g. Persistent: "
            "hot in at least 90% of the steps, no significant trend; New: hot in the final step only). The cube "
            "of cells with crime × steps may hold up to 20 million bins (about 1.3 GB), and the neighbour pairs "
            "× steps up to 2,000 million: more is refused before anything is built, naming the earliest and "
            "latest times (a typo year in a few dates is the usual cause).")

    def initAlgorithm(self, config=None):
        self.add_crimes_input()
        self.add(QgsProcessingParameterExpression(
            self.TIME, self.tr("Crime date and time (field or expression)"), parentLayerParameterName=self.INPUT),
            self.tr("Each crime's date and time, needed for the time steps: a field or an expression (ISO 8601, "
                    "MM/dd/yyyy hh:mm:ss AM/PM, dd/MM/yyyy HH:mm or yyyy-MM). Times are compared as written "
                    "(wall-clock)."))
        self.add(QgsProcessingParameterEnum(
            self.STEP, self.tr("Time step"), options=[self.tr("Day"), self.tr("Week"), self.tr("Month")],
            defaultValue=1),
            self.tr("The time step: 0 day, 1 Monday-based week, 2 calendar month. A step finer than the times "
                    "can say (days on data.police.uk months) is refused."))
        self.add_cell_parameters(shape=False)
        self.parameterDefinition(self.CELL_SIZE).setHelp(self.tr(
            "The side of the square cells in metres, on the fixed grid of Grid crimes into cells. At least 1 cm, "
            "and at least a billionth of the largest coordinate."))
        self.add(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Neighbourhood distance (metres; empty: the 8 surrounding cells)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0),
            self.tr("The neighbourhood distance in metres. Empty: the 8 surrounding cells. A cell with no "
                    "neighbour within it is not classified (No Pattern Detected, null trend; the log says how "
                    "many)."), decimals=0)
        self.add(QgsProcessingParameterNumber(
            self.TIME_WINDOW, self.tr("Neighbourhood time window (steps)"), QgsProcessingParameterNumber.Integer,
            defaultValue=1, minValue=1),
            self.tr("Steps in the neighbourhood: the step itself and the TIME_WINDOW − 1 steps before it."))
        self.add(QgsProcessingParameterDateTime(self.START, self.tr("From (inclusive)"), optional=True),
                 self.tr("The start of the period: a crime counts when START &lt;= time &lt; END. Steps start at "
                         "START's step, or at the first crime's."))
        self.add(QgsProcessingParameterDateTime(self.END, self.tr("Until (exclusive)"), optional=True),
                 self.tr("The end of the period (exclusive). With END the steps run to the step holding END's last "
                         "second, crimes or not; without it, to the last crime's."))
        self.add_crs_parameter()
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Emerging hot spots"), QgsProcessing.TypeVectorPolygon),
            self.tr("A square per cell with at least one crime in the period: <i>cell_id</i>, <i>category</i> "
                    "(the pattern, under Method), <i>trend_z</i> and <i>trend_p</i> (Mann–Kendall z-score and "
                    "two-sided p-value of the trend in the cell's Gi* z-scores), <i>hot_steps</i> and "
                    "<i>cold_steps</i> (steps in which the cell is a significant hot or cold spot), <i>steps</i> "
                    "(steps in the period) and <i>count</i> (the cell's crimes)."))
        self.add_output(QgsProcessingOutputNumber(self.STEPS, self.tr("Time steps")),
                        self.tr("The number of time steps."))

    def check_parameters(self, parameters, context):
        distance = self._distance(parameters, context, self.cell_size(parameters, context))
        if not np.isfinite(distance) or distance < 0:
            raise QgsProcessingException(self.tr(
                "DISTANCE must be a number of metres of 0 or more, not {}; leave it empty for the 8 surrounding "
                "cells.").format(distance))

    def processAlgorithm(self, parameters, context, feedback):
        cell_size = self.cell_size(parameters, context)
        step = timeparse.STEPS[self.parameterAsEnum(parameters, self.STEP, context)]
        window = self.parameterAsInt(parameters, self.TIME_WINDOW, context)
        distance = self._distance(parameters, context, cell_size)
        start, end = period_from_parameters(self, parameters, context)
        time_expression = self.parameterAsExpression(parameters, self.TIME, context)
        if not time_expression:
            raise QgsProcessingException(self.tr("TIME is needed: the field or expression with each crime's date."))
        points = read_points(self, parameters, self.INPUT, context, feedback,
                             target_crs=self.parameterAsCrs(parameters, self.TARGET_CRS, context),
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
        point_step, first, n_steps = self.run_core(emerging.steps_of_times, points.time, step, start, end)
        earliest, latest = points.time.min(), points.time.max()
        feedback.pushInfo(self.tr("{} steps of one {} from {}; crimes from {} to {}.").format(
            n_steps, step, first, earliest, latest))
        cells = self.run_core(grid.count_cells, points.x, points.y, cell_size)
        cube = self.run_core(emerging.space_time_cube, cells.point_cell, point_step, cells.col.size, n_steps, step,
                             self._bound_text(earliest, start, self.START), self._bound_text(latest, end, self.END))
        feedback.setProgress(40)
        result = self.run_core(emerging.emerging_hot_spots, cube, cells.col, cells.row, cell_size, distance,
                               window, progress=self.progress_callback(feedback, 40, 90))
        self._warn_isolated(feedback, result["isolated"], distance, cell_size)
        dest_id = self._write_cells(parameters, context, points.crs, cells, cell_size, result, n_steps)
        style_on_load(context, dest_id, "emerging_hotspots")
        for category, count in emerging.pattern_counts(result["category"]):
            feedback.pushInfo(f"{category}: {count}")
        return {self.OUTPUT: dest_id, self.STEPS: n_steps}

    def _distance(self, parameters, context, cell_size):
        """DISTANCE, or the distance that reaches the 8 surrounding cells."""
        if parameters.get(self.DISTANCE) not in (None, ""):
            return self.parameterAsDouble(parameters, self.DISTANCE, context)
        return cell_size * np.sqrt(2.0)

    def _warn_isolated(self, feedback, isolated, distance, cell_size):
        """Say how many cells were left unclassified for want of a neighbour within DISTANCE."""
        if isolated.any():
            feedback.pushWarning(self.tr(
                "{:,} of {:,} cells have no neighbour within DISTANCE {:g} m (cells are {:g} m apart): they are not "
                "classified (No Pattern Detected, trend_z and trend_p NULL), as nothing around them can make a hot "
                "or a cold spot. Use a DISTANCE of at least {:g} m, or leave it empty for the 8 surrounding "
                "cells.").format(int(isolated.sum()), isolated.size, distance, cell_size, cell_size))

    def _write_cells(self, parameters, context, crs, cells, cell_size, result, n_steps):
        """OUTPUT: a square per cell with its pattern, trend and steps."""
        fields = QgsFields()
        for name, kind in (("cell_id", "text"), ("category", "text"), ("trend_z", "double"),
                           ("trend_p", "double"), ("hot_steps", "int"), ("cold_steps", "int"),
                           ("steps", "int"), ("count", "int")):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
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
        return dest_id

    def _bound_text(self, crime_time, bound, name):
        """The earliest (or latest) crime time, and the period bound when it stretches the steps further."""
        text = str(crime_time).replace("T", " ")
        if bound is not None and ((name == self.START and np.datetime64(bound, "s") < crime_time)
                                  or (name == self.END and np.datetime64(bound, "s") > crime_time)):
            text += self.tr(" ({} {})").format(name, bound)
        return text


def _number(value):
    """A finite float, or None (NULL)."""
    return float(value) if np.isfinite(value) else None
