"""hotspotpatrol:gridcrimes — count crimes into a fixed lattice of cells."""

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..core import grid
from .base import HotspotAlgorithm, make_field
from .cell_writer import write_cells
from .crime_times import add_time_end_parameter
from .reader import (
    describe_skipped,
    extent_to_cover,
    period_from_parameters,
    read_points,
    restrict_to_period,
    stream_cell_counts,
)
from .styles import style_on_load


class GridCrimesAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "gridcrimes"
    GROUP = "see"
    ICON = "grid_crimes"
    REFERENCES = ("ratcliffe2002", "weisburd2015")

    WEIGHT_FIELD = "WEIGHT_FIELD"
    TIME_END = "TIME_END"
    KEEP_EMPTY = "KEEP_EMPTY"
    EXTENT = "EXTENT"
    CRIMES_COUNTED = "CRIMES_COUNTED"
    SKIPPED_NULL_GEOMETRY = "SKIPPED_NULL_GEOMETRY"
    SKIPPED_OUTSIDE_PERIOD = "SKIPPED_OUTSIDE_PERIOD"
    SKIPPED_BAD_TIME = "SKIPPED_BAD_TIME"
    SKIPPED_NULL_WEIGHT = "SKIPPED_NULL_WEIGHT"
    SKIPPED_OUTSIDE_EXTENT = "SKIPPED_OUTSIDE_EXTENT"
    CELLS = "CELLS"
    TOP5_SHARE = "TOP5_SHARE"

    def displayName(self):
        return self.tr("Grid crimes into cells")

    def tags(self):
        return self.tr("grid,cells,count,crime,hotspot,fishnet,hexagon,rank,concentration,weight,harm").split(",")

    def summary(self):
        return self.tr(
            "Counts crimes into the cells of a fixed grid, such as the 150 m squares of the hotspot patrol "
            "pilots, and ranks the cells from the most crime to the least: the first map to look at before "
            "choosing hotspots.")

    def method(self):
        return self.tr(
            "<b>the grid never moves.</b> Cells are aligned to multiples of the cell size in the CRS used: square "
            "cell (col, row) covers [col·s, (col+1)·s) × [row·s, (row+1)·s). Hexagons (pointy-topped, the same "
            "area as the square) lie on a fixed lattice centred on the CRS origin. So a place has the same cell, "
            "id and outline in every run and every period, and periods can be compared cell by cell — unlike "
            "Create grid, which starts at the data's extent. Ties in the ranking are ordered by count, then row, "
            "then column, ascending (south before north, west before east). Without TIME, a period, EXTENT or "
            "KEEP_EMPTY, a plain file layer in a CRS in metres (or with TARGET_CRS) is counted as it is read, a "
            "batch at a time, so memory follows the cells with crime, not the crimes. Far outliers are then found "
            "from the cells (to within a cell).")

    def initAlgorithm(self, config=None):
        self.add_crimes_input()
        self.add_cell_parameters()
        self.add(QgsProcessingParameterField(
            self.WEIGHT_FIELD, self.tr("Weight field (e.g. harm)"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.Numeric, optional=True),
            self.tr("An optional numeric weight per crime (e.g. harm), 0 or more; ranking and shares then use the "
                    "weight. Crimes with a null weight are skipped and counted; a negative weight is refused (it "
                    "would take crime away from a cell)."))
        self.add_time_parameters()
        add_time_end_parameter(self, self.INPUT, self.tr(
            "The end of each crime's time window (e.g. a burglary between 18:00 Friday and 09:00 Monday). With "
            "START or END, a crime counts when its window [TIME, TIME_END) overlaps the period, weighted by the "
            "share of the window inside it (aoristic, Ratcliffe 2002): a window half inside counts a half in "
            "<i>weight</i> and in the ranking, and 1 in <i>count</i>. Windows are measured in wall-clock minutes. "
            "A null TIME_END is a known time; an end before its TIME skips the crime."))
        self.add_crs_parameter()
        self.add(QgsProcessingParameterBoolean(
            self.KEEP_EMPTY, self.tr("Keep empty cells of the extent"), defaultValue=False),
            self.tr("Write every cell of the layer's extent (of EXTENT when given), not only the cells with "
                    "crime. Crimes far outside the area holding the rest (flagged and named in the log on every "
                    "read) must not blow up the grid: when they would make it more than 1.2 times the cells the "
                    "other crimes need, the run is refused, naming them; give EXTENT or leave them out."))
        self.add(QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent to grid"), optional=True),
                 self.tr("The rectangle to grid (with its CRS; typed without one, it is in INPUT's CRS). Crimes "
                         "outside it are left out and counted in SKIPPED_OUTSIDE_EXTENT. Give the same EXTENT to "
                         "grids of different periods or layers to make them cover the same cells. Empty: the "
                         "crimes' extent."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Crime grid"), QgsProcessing.TypeVectorPolygon),
            self.tr("A polygon per cell with <i>cell_id</i> (S for square or H for hexagon, the cell size, column "
                    "and row, e.g. S150_3521_11234 — the same in every run), <i>row</i> and <i>col</i> (the "
                    "cell's position on the lattice), <i>count</i> (crimes in the cell), <i>weight</i> (their "
                    "summed weight, times each window's share inside the period with TIME_END; only with "
                    "WEIGHT_FIELD or TIME_END), <i>rank</i> (1 = most crime, by weight with WEIGHT_FIELD), "
                    "<i>share</i> (the cell's fraction of all counted crime) and <i>cum_share</i> (share "
                    "cumulated down the ranking)."))
        self.add_output(QgsProcessingOutputNumber(self.CRIMES_COUNTED, self.tr("Crimes counted")),
                        self.tr("Crimes counted into the cells."))
        self.add_output(QgsProcessingOutputNumber(
            self.SKIPPED_NULL_GEOMETRY, self.tr("Crimes skipped: no geometry")),
            self.tr("Crimes skipped for having no point geometry."))
        self.add_output(QgsProcessingOutputNumber(
            self.SKIPPED_OUTSIDE_PERIOD, self.tr("Crimes skipped: outside START/END")),
            self.tr("Crimes skipped for being outside the period START to END."))
        self.add_output(QgsProcessingOutputNumber(
            self.SKIPPED_BAD_TIME, self.tr("Crimes skipped: null or unreadable time")),
            self.tr("Crimes skipped for a null or unreadable time, an unreadable TIME_END, or a TIME_END before "
                    "TIME."))
        self.add_output(QgsProcessingOutputNumber(
            self.SKIPPED_NULL_WEIGHT, self.tr("Crimes skipped: null weight")),
            self.tr("Crimes skipped for a null weight in WEIGHT_FIELD."))
        self.add_output(QgsProcessingOutputNumber(
            self.SKIPPED_OUTSIDE_EXTENT, self.tr("Crimes skipped: outside EXTENT")),
            self.tr("Crimes skipped for being outside EXTENT."))
        self.add_output(QgsProcessingOutputNumber(self.CELLS, self.tr("Cells written")),
                        self.tr("Cells written to OUTPUT."))
        self.add_output(QgsProcessingOutputNumber(
            self.TOP5_SHARE, self.tr("Share of crime in the busiest 5% of non-empty cells")),
            self.tr("The share of crime in the busiest 5% of non-empty cells, a quick measure of how concentrated "
                    "crime is (Weisburd 2015)."))

    def check_parameters(self, parameters, context):
        self.cell_size(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        cell_size = self.cell_size(parameters, context)
        shape = self.parameterAsEnum(parameters, self.SHAPE, context)
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None
        target_crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        streamed = None
        if self._counts_the_whole_layer(parameters, context):
            streamed = stream_cell_counts(self, parameters, self.INPUT, context, feedback, cell_size, shape,
                                          target_crs=target_crs, weight_field=weight_field)
        if streamed is None:
            cells, counted, crs, skipped = self._read_and_count(parameters, context, feedback, cell_size, shape,
                                                                weight_field, target_crs)
        else:
            cells = grid.ranked_cells(streamed.col, streamed.row, streamed.count, streamed.weight)
            counted, crs, skipped = streamed.crimes, streamed.crs, streamed.skipped
        feedback.setProgress(50)
        dest_id = self._write_cells(parameters, context, feedback, crs, cells, cell_size, shape)
        style_on_load(context, dest_id, "crime_grid")

        top5 = cells.top_share(0.05)
        feedback.pushInfo(self.tr("{} crimes in {} cells; the busiest 5% of non-empty cells hold {:.1%} "
                                  "of the crime.").format(counted, cells.rank.size, top5))
        return {self.OUTPUT: dest_id, self.CRIMES_COUNTED: counted, self.CELLS: int(cells.rank.size),
                self.TOP5_SHARE: top5,
                self.SKIPPED_NULL_GEOMETRY: skipped.get("null_geometry", 0),
                self.SKIPPED_OUTSIDE_PERIOD: skipped.get("outside_period", 0),
                self.SKIPPED_BAD_TIME: sum(skipped.get(reason, 0)
                                           for reason in ("bad_time", "bad_time_end", "reversed_window")),
                self.SKIPPED_NULL_WEIGHT: skipped.get("null_weight", 0),
                self.SKIPPED_OUTSIDE_EXTENT: skipped.get("outside_extent", 0)}

    def _counts_the_whole_layer(self, parameters, context):
        """True when every crime of INPUT counts, whenever and wherever it is (no TIME, period, EXTENT or
        empty cells): then the crimes can be counted as they are read, without holding them."""
        return not (any(parameters.get(name) not in (None, "") for name in
                        (self.TIME, self.TIME_END, self.START, self.END, self.EXTENT))
                    or self.parameterAsBool(parameters, self.KEEP_EMPTY, context))

    def _read_and_count(self, parameters, context, feedback, cell_size, shape, weight_field, target_crs):
        """The crimes read whole and restricted to the period and EXTENT, counted: ``(cells, crimes counted,
        CRS, skipped by reason)``."""
        keep_empty = self.parameterAsBool(parameters, self.KEEP_EMPTY, context)
        start, end = period_from_parameters(self, parameters, context)
        points = read_points(
            self, parameters, self.INPUT, context, feedback, target_crs=target_crs, weight_field=weight_field,
            time_expression=self.parameterAsExpression(parameters, self.TIME, context),
            time_end_expression=self.parameterAsExpression(parameters, self.TIME_END, context))
        if weight_field:
            self.run_core(grid.check_weights, points.weight, f"the weight field '{weight_field}'")
        extent = None
        if keep_empty or parameters.get(self.EXTENT) not in (None, ""):
            extent, points = self._crimes_in_extent(parameters, context, feedback, points, cell_size, shape)
        points = restrict_to_period(points, start, end, feedback)
        if len(points) == 0:
            raise QgsProcessingException(self.tr(
                "No crimes are left to count ({}). Check WEIGHT_FIELD, TIME, START, END and EXTENT.").format(
                    describe_skipped(points)))
        feedback.setProgress(40)
        empty_cells = self.run_core(grid.cells_in_extent, *extent, cell_size, shape) if keep_empty else None
        cells = self.run_core(
            grid.count_cells, points.x, points.y, cell_size, shape, weights=points.weight,
            keep_empty_cells=empty_cells, progress=self.progress_callback(feedback, 40, 50))
        return cells, len(points), points.crs, points.skipped

    def _crimes_in_extent(self, parameters, context, feedback, points, cell_size, shape):
        """The rectangle to grid (EXTENT, else the crimes' extent) and the crimes inside it; the
        others are left out, counted and logged."""
        extent = extent_to_cover(self, parameters, context, points,
                                 lambda box: grid.cell_count_in_extent(*box, cell_size, shape),
                                 self.tr("cells of {:g} m").format(cell_size))
        points = points.subset(grid.in_rectangle(points.x, points.y, *extent), "outside_extent")
        if points.skipped["outside_extent"]:
            feedback.pushWarning(self.tr("{:,} crimes outside EXTENT were left out.").format(
                points.skipped["outside_extent"]))
        return extent, points

    def _write_cells(self, parameters, context, feedback, crs, cells, cell_size, shape):
        """OUTPUT: a polygon per cell, in rank order; ``weight`` only for weighted crimes."""
        columns = [("cell_id", "text", lambda rows: grid.cell_ids(cells.col[rows], cells.row[rows], cell_size, shape)),
                   ("row", "int", cells.row), ("col", "int", cells.col), ("count", "int", cells.count)]
        if cells.weight is not None:
            columns.append(("weight", "double", cells.weight))
        columns += [("rank", "int", cells.rank), ("share", "double", cells.share),
                    ("cum_share", "double", cells.cum_share)]
        fields = QgsFields()
        for name, kind, _ in columns:
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_cells(sink, cells.col, cells.row, cell_size, shape, [values for _, _, values in columns], feedback,
                    50, 100)
        return dest_id
