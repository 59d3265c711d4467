"""hotspotpatrol:rankhotspots — choose the cells to patrol."""

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import concentration, forecast_cells, grid, harm, kde, ranking
from .base import HotspotAlgorithm, make_field
from .cell_writer import write_cells
from .qt_values import python_value
from .reader import (
    describe_skipped,
    period_from_parameters,
    points_inside,
    read_area_mask,
    read_points,
    restrict_to_period,
    stream_cell_counts,
)
from .streamed_ranking import rank_streamed
from .styles import style_on_load

RANK_BY = ("count", "weight", "kde", "gi_z", "forecast")
CELL_FIELDS = (("hotspot_id", "int"), ("rank", "int"), ("cell_id", "text"), ("count", "int"), ("weight", "double"),
               ("share", "double"), ("cum_share", "double"), ("kde", "double"), ("gi_z", "double"), ("gi_bin", "int"))


class RankHotspotsAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "rankhotspots"
    GROUP = "choose"
    ICON = "rank_hotspots"
    REFERENCES = ("bernasco2017", "chainey2008", "ord1995", "sherman1995", "sherman2016")
    PARAMETER_OF_SETTING = {**HotspotAlgorithm.PARAMETER_OF_SETTING, "forecast": "FORECAST"}

    WEIGHT_FIELD = "WEIGHT_FIELD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    HARM_WEIGHTS = "HARM_WEIGHTS"
    RANK_BY = "RANK_BY"
    FORECAST = "FORECAST"
    TOP_N = "TOP_N"
    MIN_COUNT = "MIN_COUNT"
    SEPARATION = "SEPARATION"
    EXCLUDE = "EXCLUDE"
    STUDY_AREA = "STUDY_AREA"
    RADIUS = "RADIUS"
    DISTANCE = "DISTANCE"
    OUTPUT_CELLS = "OUTPUT_CELLS"
    HOTSPOTS = "HOTSPOTS"
    CRIME_SHARE = "CRIME_SHARE"
    AREA_SHARE = "AREA_SHARE"
    GINI = "GINI"
    GENERALIZED_GINI = "GENERALIZED_GINI"
    CRIMES_COUNTED = "CRIMES_COUNTED"

    def displayName(self):
        return self.tr("Rank patrol hotspots")

    def tags(self):
        return self.tr("hotspot,hot spot,top cells,rank,patrol,harm,crime harm index,CCHI,Gi*,Getis-Ord,"
                       "kernel density,Gini,concentration,grid,forecast").split(",")

    def summary(self):
        return self.tr(
            "Chooses the hotspots to patrol: grids crimes into fixed cells (as Grid crimes into cells), ranks "
            "every cell by crime count, harm, kernel density, Gi* z-score or a forecast, and keeps the TOP_N best that "
            "qualify. Patrols focused on a few small hotspots reduce crime there (Sherman &amp; Weisburd 1995); "
            "Essex's Southend pilot patrolled 20 cells of 150 m × 150 m. It also measures how concentrated crime "
            "is.")

    def method(self):
        return self.tr(
            "cells are ranked by the RANK_BY value; ties by count, then row and column. Walking down the ranking, "
            "a cell is chosen when it has MIN_COUNT crimes, its centre is outside EXCLUDE and no chosen hotspot is "
            "within SEPARATION, until TOP_N are chosen. Gi* uses every cell of the area, empty ones included, with "
            "binary weights (Ord &amp; Getis 1995). Kernel density ranks a place by the crime around it; of the "
            "usual hotspot maps it predicted future crime best in Chainey, Tompson &amp; Uhlig (2008). With C "
            "crimes in N &gt; C cells, at least N − C cells must be empty, so the ordinary Gini cannot fall below "
            "1 − C/N; the generalized Gini measures against the most equal spread that C crimes allow: "
            "1 − (N/C)(1 − Gini). Ranked by a forecast, a cell's value is the FORECAST layer's score of the same "
            "cell (matched by cell_id), 0 for a cell it does not list; MIN_COUNT, the shares and the Gini still "
            "count the INPUT crimes of the period.<br><b>A national layer.</b> When only cells with crime can be "
            "hotspots (square cells, RANK_BY count or weight, MIN_COUNT 1 or more, without OUTPUT_CELLS, STUDY_AREA, "
            "TIME or a period) and INPUT is a plain file in a CRS in metres (or TARGET_CRS is set), the "
            "crimes are counted as they are read and never held in memory: memory follows the cells with crime, "
            "empty cells enter only by their number, and kde and Gi* are computed for the hotspots alone. The "
            "hotspots and their values are the same; far outliers are then found from the cells (to within a "
            "cell).")

    def initAlgorithm(self, config=None):
        self.add_crimes_input()
        self.add_cell_parameters()
        self.add_time_parameters()
        self.add_crs_parameter()
        self.add(QgsProcessingParameterField(
            self.WEIGHT_FIELD, self.tr("Weight field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.Numeric, optional=True),
            self.tr("A numeric weight per crime, e.g. its harm; or give CATEGORY_FIELD with HARM_WEIGHTS instead. "
                    "A weight is a count of harm: a negative, NaN or infinite one is refused."))
        self.add(QgsProcessingParameterField(
            self.CATEGORY_FIELD, self.tr("Crime category field (for harm weights)"),
            parentLayerParameterName=self.INPUT, optional=True),
            self.tr("Each crime's category (crime type), looked up in HARM_WEIGHTS: give both, or neither. Crimes "
                    "whose category is not in the table are skipped and listed in the log."))
        self.add(QgsProcessingParameterFile(
            self.HARM_WEIGHTS, self.tr("Harm weights (CSV: category,weight)"), extension="csv", optional=True),
            self.tr("A CSV file with the columns <i>category,weight</i>: the harm of one crime of each category, "
                    "e.g. the Cambridge Crime Harm Index's days per crime type (Sherman, Neyroud &amp; Neyroud "
                    "2016). Lines starting with # are comments. The shipped harm_weights_police_uk.csv is an "
                    "example built from second-hand figures: replace it with your force's own weights. A harm is a "
                    "count of harm: a negative, NaN or infinite one is refused."))
        self.add(QgsProcessingParameterEnum(
            self.RANK_BY, self.tr("Rank cells by"),
            options=[self.tr("Crime count"), self.tr("Weight or harm"),
                     self.tr("Kernel density at the cell centre"), self.tr("Gi* z-score"),
                     self.tr("Forecast (the FORECAST layer's score)")], defaultValue=0),
            self.tr("What ranks the cells: their crime count; their summed weight or harm (needs WEIGHT_FIELD, or "
                    "CATEGORY_FIELD with HARM_WEIGHTS); the kernel density at their centre; their Gi* "
                    "z-score; or their score in a forecast (needs FORECAST)."))
        self.add(QgsProcessingParameterFeatureSource(
            self.FORECAST, self.tr("Forecast (a Forecast hotspots output)"), [QgsProcessing.TypeVectorPolygon],
            optional=True),
            self.tr("A Forecast hotspots output (fields cell_id and score): with RANK_BY forecast, cells are ranked "
                    "by its score, and a cell it does not list scores 0. It must be made with this run's cells "
                    "(the same CELL_SIZE and SHAPE) in this run's CRS. Its cells outside this run's cells (the "
                    "crimes' box, or STUDY_AREA) cannot be chosen; the log says how many and the share of the "
                    "score they hold. Not used with another RANK_BY."))
        self.add(QgsProcessingParameterNumber(
            self.TOP_N, self.tr("Number of hotspots"), QgsProcessingParameterNumber.Integer,
            defaultValue=20, minValue=1),
            self.tr("Hotspots to choose."))
        self.add(QgsProcessingParameterNumber(
            self.MIN_COUNT, self.tr("Minimum crimes in a hotspot"), QgsProcessingParameterNumber.Integer,
            defaultValue=1, minValue=0),
            self.tr("Cells with fewer crimes (INPUT's crimes of the period, whatever RANK_BY is) are never "
                    "chosen. Ranking by a forecast, set 0 to choose cells with no recent crime by the forecast "
                    "alone."))
        self.add(QgsProcessingParameterNumber(
            self.SEPARATION, self.tr("Minimum distance between hotspots (metres)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0),
            self.tr("No two chosen hotspots' centres are closer than this, in metres (so 20 hotspots are not 20 "
                    "adjacent cells of one estate). Empty: no limit."), decimals=0)
        self.add(QgsProcessingParameterFeatureSource(
            self.EXCLUDE, self.tr("Areas never to choose"), [QgsProcessing.TypeVectorPolygon], optional=True),
            self.tr("Polygons whose cells (by centre) are never chosen."))
        self.add(QgsProcessingParameterFeatureSource(
            self.STUDY_AREA, self.tr("Study area"), [QgsProcessing.TypeVectorPolygon], optional=True),
            self.tr("Polygons of the area to rank in (e.g. the force or the district). Its cells are those whose "
                    "centre is inside it; crimes in other cells are left out (counted in the log). AREA_SHARE and "
                    "the Gini are measured over its cells. Empty: the cells of the box that holds the crimes, "
                    "except those far outside the area holding the rest (misplaced records, flagged and named in "
                    "the log), which keep only their own cells; so a few such records change neither the area nor "
                    "the run time."))
        self.add(QgsProcessingParameterNumber(
            self.RADIUS, self.tr("Kernel density radius (metres)"), QgsProcessingParameterNumber.Double,
            defaultValue=150.0, minValue=0.0),
            self.tr("The quartic kernel's radius for <i>kde</i>, in metres."), advanced=True, decimals=0)
        self.add(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Gi* distance band (metres; empty: the 8 surrounding cells)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0),
            self.tr("The Gi* distance band in metres. Empty: the 8 surrounding squares or the 6 surrounding "
                    "hexagons. A cell with no neighbour within it gets a null gi_z and gi_bin 0 (warned), and "
                    "ranking by Gi* z-score is refused when no cell has one."), advanced=True, decimals=0)
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Patrol hotspots"), QgsProcessing.TypeVectorPolygon),
            self.tr("The chosen hotspots in patrol order, a polygon each, with <i>hotspot_id</i> (1 … TOP_N), "
                    "<i>rank</i> (the cell's place in the RANK_BY ranking of all cells), <i>cell_id</i>, "
                    "<i>count</i> (crimes), <i>weight</i> (summed weight or harm; the count without either), "
                    "<i>share</i> (of all counted crime or harm), <i>cum_share</i> (cumulated down the hotspots), "
                    "<i>kde</i> (the raw kernel sum at the cell centre), <i>gi_z</i> (Gi* z-score) and "
                    "<i>gi_bin</i> (3/2/1 hot spot at 99/95/90% confidence, -3/-2/-1 cold spot, 0 not "
                    "significant)."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CELLS, self.tr("All cells"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=False),
            self.tr("Every cell of the area (see STUDY_AREA) in ranking order, with the same fields; "
                    "<i>hotspot_id</i> is null for cells not chosen and <i>cum_share</i> runs down the ranking. It "
                    "is the map to test with Hotspot map accuracy (PAI)."))
        self.add_output(QgsProcessingOutputNumber(self.HOTSPOTS, self.tr("Hotspots chosen")),
                        self.tr("Hotspots chosen."))
        self.add_output(QgsProcessingOutputNumber(self.CRIME_SHARE, self.tr("Share of crime in hotspots")),
                        self.tr("The hotspots' share of the crime (or harm)."))
        self.add_output(QgsProcessingOutputNumber(self.AREA_SHARE, self.tr("Share of area in hotspots")),
                        self.tr("The hotspots' share of the area (its cells; see STUDY_AREA)."))
        self.add_output(QgsProcessingOutputNumber(self.GINI, self.tr("Gini coefficient")),
                        self.tr("The Gini coefficient of crime counts across the area's cells."))
        self.add_output(QgsProcessingOutputNumber(self.GENERALIZED_GINI, self.tr("Generalized Gini")),
                        self.tr("Bernasco &amp; Steenbeek's (2017) generalized Gini, corrected for more cells than "
                                "crimes."))
        self.add_output(QgsProcessingOutputNumber(self.CRIMES_COUNTED, self.tr("Crimes counted")),
                        self.tr("Crimes ranked."))

    def check_parameters(self, parameters, context):
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        if not radius > 0:
            raise QgsProcessingException(self.tr(
                "RADIUS (the kernel density radius) must be more than 0 metres (it is {}); 150 m matches the "
                "patrol cells.").format(radius))
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context)
        harm_file = self.parameterAsFile(parameters, self.HARM_WEIGHTS, context)
        if weight_field and category_field:
            raise QgsProcessingException(self.tr(
                "Give either WEIGHT_FIELD or CATEGORY_FIELD with HARM_WEIGHTS, not both."))
        if bool(category_field) != bool(harm_file):
            raise QgsProcessingException(self.tr(
                "CATEGORY_FIELD and HARM_WEIGHTS go together: give both, or neither."))
        rank_by = RANK_BY[self.parameterAsEnum(parameters, self.RANK_BY, context)]
        if rank_by == "weight" and not (weight_field or harm_file):
            raise QgsProcessingException(self.tr(
                "RANK_BY weight needs WEIGHT_FIELD, or CATEGORY_FIELD with HARM_WEIGHTS."))
        if rank_by == "forecast" and parameters.get(self.FORECAST) in (None, ""):
            raise QgsProcessingException(self.tr("RANK_BY forecast needs FORECAST, a Forecast hotspots output."))

    def processAlgorithm(self, parameters, context, feedback):
        cell_size = self.cell_size(parameters, context)
        shape = self.parameterAsEnum(parameters, self.SHAPE, context)
        rank_by = RANK_BY[self.parameterAsEnum(parameters, self.RANK_BY, context)]
        top_n = self.parameterAsInt(parameters, self.TOP_N, context)
        harm_file = self.parameterAsFile(parameters, self.HARM_WEIGHTS, context) or None
        streamed = None
        if self._ranks_occupied_cells_only(parameters, context, shape, rank_by):
            weighting = {"weight_field": self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None,
                         "category_field": self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or None,
                         "harm_weights": self.run_core(harm.read_harm_weights, harm_file) if harm_file else None}
            streamed = stream_cell_counts(
                self, parameters, self.INPUT, context, feedback, cell_size, shape,
                target_crs=self.parameterAsCrs(parameters, self.TARGET_CRS, context), **weighting)
        if streamed is not None:
            self._report_unknown_categories(streamed.skipped.get("unknown_category", 0), streamed.unknown_categories,
                                            feedback)
            distance = self._gi_distance(parameters, context, cell_size, shape)
            ranked = rank_streamed(self, parameters, context, feedback, streamed, cell_size, rank_by, top_n,
                                   self._separation(parameters, context), distance, weighting)
            far = ranking.outside_box(*grid.cell_centres(streamed.col[ranked.chosen], streamed.row[ranked.chosen],
                                                         cell_size), streamed.bulk_extent, cell_size)
            self._check_isolated_cells(ranked.gi.isolated, ranked.gi.z, far, rank_by, distance, cell_size, feedback)
            return self._write_results(parameters, context, feedback, ranked.chosen, None, streamed, cell_size, shape,
                                       streamed.crs, ranked.columns, ranked.summary, streamed.crimes, ranked.n_cells,
                                       top_n, harm_file)

        points = self._read_crimes(parameters, context, feedback, harm_file)
        area_cells, points = self._area_cells(parameters, context, feedback, points, cell_size, shape)
        if len(points) == 0:
            raise QgsProcessingException(self.tr(
                "No crimes are left to rank ({}): check {}TIME, START, END and STUDY_AREA.").format(
                    describe_skipped(points), self.tr("CATEGORY_FIELD, HARM_WEIGHTS, ") if harm_file else ""))
        feedback.setProgress(30)

        cells = self.run_core(grid.count_cells, points.x, points.y, cell_size, shape, weights=points.weight,
                              keep_empty_cells=area_cells)
        cx, cy = grid.cell_centres(cells.col, cells.row, cell_size, shape)
        value = cells.count.astype(float) if cells.weight is None else cells.weight
        density = self.run_core(kde.density_at, points.x, points.y, cx, cy,
                                self.parameterAsDouble(parameters, self.RADIUS, context), weights=points.weight)
        feedback.setProgress(50)
        distance = self._gi_distance(parameters, context, cell_size, shape)
        gi = self.run_core(ranking.cell_gi_star, cells.col, cells.row, value, cell_size, shape, distance)
        # Without STUDY_AREA, cells outside the box of the crimes hold only far outliers.
        far = ranking.outside_box(cx, cy, points.bulk_extent, cell_size)
        self._check_isolated_cells(gi.isolated, gi.z, far, rank_by, distance, cell_size, feedback)
        feedback.setProgress(70)

        key = {"count": cells.count, "weight": value, "kde": density, "gi_z": gi.z,
               "forecast": self._forecast_scores(parameters, context, feedback, rank_by, cells, cell_size, shape,
                                                 points.crs)}[rank_by]
        order, rank = ranking.rank_cells(key, cells.count, cells.col, cells.row)
        excluded = points_inside(read_area_mask(self, parameters, self.EXCLUDE, context, points.crs), cx, cy)
        eligible = (cells.count >= self.parameterAsInt(parameters, self.MIN_COUNT, context)) & ~excluded
        chosen = self.run_core(concentration.choose_hotspots, order, cx, cy, eligible, top_n,
                               self._separation(parameters, context))
        share = ranking.shares(value)
        columns = {"hotspot_id": ranking.hotspot_numbers(chosen, value.size), "rank": rank, "count": cells.count,
                   "weight": value, "share": share, "kde": density, "gi_z": gi.z, "gi_bin": gi.bin}
        summary = concentration.hotspot_concentration(share, chosen, cells.count)
        return self._write_results(parameters, context, feedback, chosen, order, cells, cell_size, shape, points.crs,
                                   columns, summary, len(points), value.size, top_n, harm_file)

    def _ranks_occupied_cells_only(self, parameters, context, shape, rank_by):
        """True when only cells with crime can be hotspots and only the hotspots are written, every crime of
        INPUT counting (square cells, RANK_BY count or weight, MIN_COUNT of 1 or more; no OUTPUT_CELLS,
        STUDY_AREA, TIME or period): then the crimes can be counted as they are read."""
        return (shape == grid.SQUARE and rank_by in ("count", "weight")
                and self.parameterAsInt(parameters, self.MIN_COUNT, context) >= 1
                and not any(parameters.get(name) not in (None, "") for name in
                            (self.OUTPUT_CELLS, self.STUDY_AREA, self.TIME, self.START, self.END)))

    def _write_results(self, parameters, context, feedback, chosen, order, cells, cell_size, shape, crs, columns,
                       summary, counted, n_cells, top_n, harm_file):
        """Write OUTPUT (and OUTPUT_CELLS, in ``order``), log the concentration over the area's ``n_cells`` cells
        and return the results."""
        if chosen.size < top_n:
            feedback.pushWarning(self.tr("Only {} cells qualify as hotspots (TOP_N is {}): relax MIN_COUNT, "
                                         "SEPARATION or EXCLUDE.").format(chosen.size, top_n))
        written = (cells, cell_size, shape, crs, columns)
        results = {self.OUTPUT: self._write_cells(parameters, self.OUTPUT, context, feedback, chosen, *written)}
        style_on_load(context, results[self.OUTPUT], "hotspots")
        if parameters.get(self.OUTPUT_CELLS):
            results[self.OUTPUT_CELLS] = self._write_cells(parameters, self.OUTPUT_CELLS, context, feedback, order,
                                                           *written)
            style_on_load(context, results[self.OUTPUT_CELLS], "crime_grid")
        results.update({self.HOTSPOTS: int(chosen.size), self.CRIME_SHARE: summary.crime_share,
                        self.AREA_SHARE: summary.area_share, self.GINI: summary.gini,
                        self.GENERALIZED_GINI: summary.generalized_gini, self.CRIMES_COUNTED: counted})
        feedback.pushInfo(self.tr(
            "{} hotspots hold {:.1%} of the crime{} in {:.2%} of the area ({} cells of {:g} m). Gini {:.3f}; "
            "generalized Gini {:.3f}.").format(chosen.size, summary.crime_share, self.tr(" harm") if harm_file else "",
                                               summary.area_share, n_cells, cell_size, summary.gini,
                                               summary.generalized_gini))
        return results

    def _read_crimes(self, parameters, context, feedback, harm_file):
        """The crimes of the period, each weighted by WEIGHT_FIELD or by its harm (HARM_WEIGHTS)."""
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None
        start, end = period_from_parameters(self, parameters, context)
        points = read_points(
            self, parameters, self.INPUT, context, feedback,
            target_crs=self.parameterAsCrs(parameters, self.TARGET_CRS, context), weight_field=weight_field,
            category_field=self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or None,
            time_expression=self.parameterAsExpression(parameters, self.TIME, context))
        if weight_field:
            self.run_core(grid.check_weights, points.weight, f"the weight field '{weight_field}'")
        points = restrict_to_period(points, start, end, feedback)
        if not harm_file:
            return points
        weights = self.run_core(harm.read_harm_weights, harm_file)
        known, crime_harm, unknown = harm.crime_harm(points.category, weights)
        self._report_unknown_categories(int(np.count_nonzero(~known)), unknown, feedback)
        points = points.subset(known, "unknown_category")
        points.weight = crime_harm
        return points

    def _report_unknown_categories(self, crimes, categories, feedback):
        """Say how many crimes were skipped for a category missing from HARM_WEIGHTS, and which (the first 10)."""
        if categories:
            feedback.reportError(self.tr("{} crimes have a category that is not in the harm table and are "
                                         "skipped: {}").format(crimes, ", ".join(categories[:10])))

    def _area_cells(self, parameters, context, feedback, points, cell_size, shape):
        """The cells of the area (``(col, row)``) and the crimes inside it.

        STUDY_AREA: the cells whose centre is inside it; crimes in other cells are left out. Without it:
        every cell of the box holding the crimes, far outliers aside (they keep their own cells), so a
        few misplaced records neither widen the area nor slow the run.
        """
        study = read_area_mask(self, parameters, self.STUDY_AREA, context, points.crs)
        if study is None:
            if parameters.get(self.STUDY_AREA):
                raise QgsProcessingException(self.tr(
                    "STUDY_AREA has no polygon with a geometry, so it has no area to rank in. Give a layer with "
                    "the study area's polygons, or leave STUDY_AREA empty to use the crimes' extent."))
            return self.run_core(grid.cells_in_extent, *points.bulk_extent, cell_size, shape), points
        box = study[1].boundingBox()
        col, row = self.run_core(grid.cells_in_extent, box.xMinimum(), box.yMinimum(), box.xMaximum(),
                                 box.yMaximum(), cell_size, shape)
        inside = points_inside(study, *grid.cell_centres(col, row, cell_size, shape))
        if not inside.any():
            raise QgsProcessingException(self.tr(
                "STUDY_AREA holds no cell centre of {:g} m cells: it is smaller than a cell. Give the whole study "
                "area, or a smaller CELL_SIZE.").format(cell_size))
        crime_col, crime_row, crime_cell = ranking.occupied_cells(points.x, points.y, cell_size, shape)
        cell_inside = points_inside(study, *grid.cell_centres(crime_col, crime_row, cell_size, shape))
        points = points.subset(cell_inside[crime_cell], "outside_study_area")
        if points.skipped["outside_study_area"]:
            feedback.pushWarning(self.tr(
                "{:,} crimes in cells whose centre is outside STUDY_AREA were left out.").format(
                    points.skipped["outside_study_area"]))
        return (col[inside], row[inside]), points

    def _forecast_scores(self, parameters, context, feedback, rank_by, cells, cell_size, shape, crs):
        """With RANK_BY forecast, each cell's FORECAST score (0 where it lists none); else None (a FORECAST
        given anyway is warned of)."""
        if rank_by != "forecast":
            if parameters.get(self.FORECAST) not in (None, ""):
                feedback.pushWarning(self.tr("FORECAST is not used: it ranks the cells only with RANK_BY forecast "
                                             "(RANK_BY is {}).").format(rank_by))
            return None
        source = self.parameterAsSource(parameters, self.FORECAST, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.FORECAST))
        # A cell id is a cell of its CRS's lattice: in another CRS the same id is another place.
        if source.sourceCrs() != crs:
            forecast_crs = source.sourceCrs().authid() or self.tr("the forecast's CRS")
            raise QgsProcessingException(self.tr(
                "FORECAST is in {} but this run works in {}, so its cells are not this run's cells. Set TARGET_CRS "
                "to {}, or forecast again in {}.").format(forecast_crs, crs.authid(), forecast_crs, crs.authid()))
        forecast = self.run_core(forecast_cells.read_forecast, *self._read_forecast(source, feedback))
        if not forecast_cells.on_lattice(forecast, cell_size, shape):
            raise QgsProcessingException(self.tr(
                "FORECAST was made with {}; set CELL_SIZE {:g} and SHAPE {}, or forecast again with this run's cells "
                "({}).").format(forecast_cells.lattice_name(forecast.shape, forecast.cell_size), forecast.cell_size,
                                grid.SHAPE_NAMES[forecast.shape], forecast_cells.lattice_name(shape, cell_size)))
        matched = forecast_cells.scores_of_cells(forecast, cells.col, cells.row)
        if matched.outside_count:
            feedback.pushWarning(self.tr(
                "{:,} of FORECAST's {:,} cells, holding {:.1%} of its score, are not among this run's cells (outside "
                "the crimes' box or STUDY_AREA): they cannot be chosen.").format(
                    matched.outside_count, forecast.score.size, matched.outside_share))
        feedback.pushInfo(self.tr("Ranking by FORECAST's score: it scores {:,} of this run's {:,} cells; the others "
                                  "score 0.").format(forecast.score.size - matched.outside_count, cells.col.size))
        return matched.score

    def _read_forecast(self, source, feedback):
        """FORECAST's cell ids and scores (NaN where NULL), read without geometries."""
        fields = source.fields()
        for name in ("cell_id", "score"):
            if fields.lookupField(name) < 0:
                raise QgsProcessingException(self.tr(
                    "FORECAST has no field '{}': it must be a Forecast hotspots output, with the fields cell_id "
                    "and score.").format(name))
        if not fields.field("score").isNumeric():
            raise QgsProcessingException(self.tr(
                "FORECAST's field score is not numeric: it must be a Forecast hotspots output, whose score is a "
                "number."))
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(
            [fields.lookupField("cell_id"), fields.lookupField("score")])
        cell_ids, scores = [], []
        for feature in source.getFeatures(request):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user."))
            cell_ids.append(python_value(feature["cell_id"]))
            score = python_value(feature["score"])
            scores.append(np.nan if score is None else float(score))
        return cell_ids, scores

    def _separation(self, parameters, context):
        """SEPARATION in metres; 0 (no limit) when empty."""
        if not parameters.get(self.SEPARATION):
            return 0.0
        return self.parameterAsDouble(parameters, self.SEPARATION, context)

    def _gi_distance(self, parameters, context, cell_size, shape):
        """DISTANCE in metres; when empty, the band reaching the surrounding cells."""
        if parameters.get(self.DISTANCE) in (None, ""):
            return ranking.default_gi_distance(cell_size, shape)
        return self.parameterAsDouble(parameters, self.DISTANCE, context)

    def _check_isolated_cells(self, isolated, z, far, rank_by, distance, cell_size, feedback):
        """Warn of the cells without a Gi* z-score (no neighbour within DISTANCE); refuse ranking by
        z-score when no cell has one."""
        if rank_by == "gi_z" and not isolated.all() and not np.isfinite(z).any():
            raise QgsProcessingException(self.tr(
                "RANK_BY is the Gi* z-score, but no cell has one: DISTANCE {:g} m makes every cell a neighbour of "
                "every other (or the counts do not vary), so nothing stands out. Use a smaller DISTANCE, or leave it "
                "empty for the surrounding cells.").format(distance))
        if (isolated & far).any():
            feedback.pushWarning(self.tr(
                "{:,} cells hold only crimes far outside the rest (named above): they have no neighbouring cells "
                "in the area, so their gi_z is NULL and gi_bin 0.").format(int((isolated & far).sum())))
        if not (isolated & ~far).any():
            return
        if rank_by == "gi_z" and isolated.all():
            raise QgsProcessingException(self.tr(
                "RANK_BY is the Gi* z-score, but no cell has a neighbour within DISTANCE {:g} m (cells are {:g} m "
                "apart), so no cell has one. Use a DISTANCE of at least {:g} m, or leave it empty for the "
                "surrounding cells.").format(distance, cell_size, cell_size))
        feedback.pushWarning(self.tr(
            "{:,} of {:,} cells have no neighbour within the Gi* DISTANCE {:g} m: their gi_z is NULL and gi_bin 0 "
            "(not a hot or cold spot). Use a DISTANCE of at least {:g} m, or leave it empty.").format(
                int((isolated & ~far).sum()), isolated.size, distance, cell_size))

    def _write_cells(self, parameters, name, context, feedback, rows, cells, cell_size, shape, crs, columns):
        """The cells ``rows`` (indices, in order) as polygons to the sink ``name``; their cum_share is cumulated
        down ``rows``."""
        fields = QgsFields()
        for field_name, kind in CELL_FIELDS:
            fields.append(make_field(field_name, kind))
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        col, row = cells.col[rows], cells.row[rows]
        hotspot_id = columns["hotspot_id"][rows]
        values = [lambda chunk: [number or None for number in hotspot_id[chunk].tolist()], columns["rank"][rows],
                  lambda chunk: grid.cell_ids(col[chunk], row[chunk], cell_size, shape), columns["count"][rows],
                  columns["weight"][rows], columns["share"][rows], ranking.cumulative_shares(columns["share"], rows),
                  columns["kde"][rows], columns["gi_z"][rows], columns["gi_bin"][rows]]
        write_cells(sink, col, row, cell_size, shape, values, feedback, 80, 100)
        return dest_id
