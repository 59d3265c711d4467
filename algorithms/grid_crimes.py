"""hotspotpatrol:gridcrimes — count crimes into a fixed lattice of cells."""

from qgis.core import (
    QgsFeature,
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
from .base import HotspotAlgorithm, cell_geometry, make_field, write_features
from .crime_times import DATE_AND_TIME_HELP, add_time_end_parameter
from .reader import describe_skipped, extent_to_cover, period_from_parameters, read_points, restrict_to_period
from .styles import style_on_load

SKIP_REASONS = ("null_geometry", "outside_period", "bad_time", "null_weight", "outside_extent")
class GridCrimesAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "gridcrimes"
    DISPLAY_NAME = "Grid crimes into cells"
    GROUP = "see"
    ICON = "grid_crimes"
    HELP = (
        "Counts crimes into the cells of a fixed grid, 150 m × 150 m by default (the unit of the hotspot "
        "patrol pilots), and ranks the cells from the most crime to the least: the first map to look at "
        "before choosing hotspots.\n\n"
        "<b>Parameters</b><ul>"
        "<li>INPUT: crime points; each part of a multipoint is a crime.</li>"
        "<li>CELL_SIZE: metres (default 150): the side of a square cell; a hexagon has the same area. At least 1 cm, "
        "and at least a billionth of the largest coordinate (float64 cannot keep the corners of smaller cells "
        "apart).</li>"
        "<li>SHAPE: 0 square (default), 1 hexagon.</li>"
        "<li>WEIGHT_FIELD: optional numeric weight per crime (e.g. harm), 0 or more; ranking and shares then use the "
        "weight. Crimes with a null weight are skipped and counted; a negative weight is refused (it would take "
        "crime away from a cell).</li>"
        "<li>TIME, START, END: the crime's date and time (a field or an expression; ISO 8601, MM/dd/yyyy "
        "hh:mm:ss AM/PM, dd/MM/yyyy HH:mm or yyyy-MM) and the period: a crime counts when START &lt;= time "
        "&lt; END. Times are compared as written (wall-clock). Without them every crime counts. A START or END "
        "finer than the times can say (a day on data.police.uk months) is refused. " + DATE_AND_TIME_HELP + "</li>"
        "<li>TIME_END (optional): the end of each crime's time window (e.g. a burglary between 18:00 Friday "
        "and 09:00 Monday). With START or END, a crime counts when its window [TIME, TIME_END) overlaps the "
        "period, weighted by the share of the window inside it (aoristic, Ratcliffe 2002): a window half "
        "inside counts a half in <i>weight</i> and in the ranking, and 1 in <i>count</i>. Windows are measured "
        "in wall-clock minutes. A null TIME_END is a known time; an end before its TIME skips the crime.</li>"
        "<li>TARGET_CRS (advanced): the metric CRS to work in. By default a layer projected in metres is "
        "used as it is; a geographic layer or one in feet is reprojected by where the bulk of its crimes "
        "lies (their median): British National Grid in Great Britain, else the UTM zone of the median. The "
        "log names the CRS; the output is in it.</li>"
        "<li>KEEP_EMPTY: false (default) writes only cells with crime; true writes every cell of the layer's "
        "extent (of EXTENT when given). Crimes far outside the area holding the rest (flagged and named in the "
        "log on every read) must not blow up the grid: when they would make it more than 1.2 times the cells the "
        "other crimes need, the run is refused, naming them; give EXTENT or leave them out.</li>"
        "<li>EXTENT: optional rectangle to grid (with its CRS; typed without one, it is in INPUT's CRS). Crimes "
        "outside it are left out and counted in SKIPPED_OUTSIDE_EXTENT. Give the same EXTENT to grids of "
        "different periods or layers to make them cover the same cells.</li></ul>"
        "<b>Outputs</b><ul>"
        "<li>OUTPUT: a polygon per cell with <i>cell_id</i> (S for square or H for hexagon, the cell size, "
        "column and row, e.g. S150_3521_11234 — the same in every run), <i>row</i> and <i>col</i> (the "
        "cell's position on the lattice), <i>count</i> (crimes in the cell), <i>weight</i> (their summed "
        "weight, times each window's share inside the period with TIME_END; only with WEIGHT_FIELD or "
        "TIME_END), <i>rank</i> (1 = most crime, by weight with WEIGHT_FIELD), "
        "<i>share</i> (the cell's fraction of all counted crime) and <i>cum_share</i> (share cumulated down "
        "the ranking).</li>"
        "<li>CRIMES_COUNTED, and the crimes skipped: SKIPPED_NULL_GEOMETRY, SKIPPED_OUTSIDE_PERIOD, "
        "SKIPPED_BAD_TIME (null or unreadable time, unreadable TIME_END, or TIME_END before TIME), "
        "SKIPPED_NULL_WEIGHT, SKIPPED_OUTSIDE_EXTENT.</li>"
        "<li>CELLS: cells written. TOP5_SHARE: the share of crime in the busiest 5% of non-empty cells, a "
        "quick measure of how concentrated crime is (Weisburd 2015).</li></ul>"
        "<b>Method</b>: <b>the grid never moves.</b> Cells are aligned to multiples of the cell size in the "
        "CRS used: square cell (col, row) covers [col·s, (col+1)·s) × [row·s, (row+1)·s). Hexagons "
        "(pointy-topped, the same area as the square) lie on a fixed lattice centred on the CRS origin. So a "
        "place has the same cell, id and outline in every run and every period, and periods can be compared "
        "cell by cell — unlike Create grid, which starts at the data's extent. Ties in the ranking are "
        "ordered by count, then row, then column, ascending (south before north, west before east).\n\n"
        "<b>References</b><ul>"
        "<li>Weisburd, D. (2015). The law of crime concentration and the criminology of place. Criminology "
        "53(2), 133–157.</li>"
        "<li>Ratcliffe, J. H. (2002). Aoristic signatures and the spatio-temporal analysis of high volume crime "
        "patterns. Journal of Quantitative Criminology 18(1), 23–43.</li></ul>")

    def initAlgorithm(self, config=None):
        self.add_crimes_input()
        self.add_cell_parameters()
        self.addParameter(QgsProcessingParameterField(
            "WEIGHT_FIELD", self.tr("Weight field (e.g. harm)"), parentLayerParameterName="INPUT",
            type=QgsProcessingParameterField.Numeric, optional=True))
        self.add_time_parameters()
        add_time_end_parameter(self, "INPUT")
        self.add_crs_parameter()
        self.addParameter(QgsProcessingParameterBoolean(
            "KEEP_EMPTY", self.tr("Keep empty cells of the extent"), defaultValue=False))
        extent = QgsProcessingParameterExtent("EXTENT", self.tr("Extent to grid"), optional=True)
        extent.setHelp(self.tr("The rectangle to grid; crimes outside it are left out. Empty: the crimes' extent."))
        self.addParameter(extent)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Crime grid"), QgsProcessing.TypeVectorPolygon))
        for name, description in (
                ("CRIMES_COUNTED", "Crimes counted"),
                ("SKIPPED_NULL_GEOMETRY", "Crimes skipped: no geometry"),
                ("SKIPPED_OUTSIDE_PERIOD", "Crimes skipped: outside START/END"),
                ("SKIPPED_BAD_TIME", "Crimes skipped: null or unreadable time"),
                ("SKIPPED_NULL_WEIGHT", "Crimes skipped: null weight"),
                ("SKIPPED_OUTSIDE_EXTENT", "Crimes skipped: outside EXTENT"),
                ("CELLS", "Cells written"),
                ("TOP5_SHARE", "Share of crime in the busiest 5% of non-empty cells")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(description)))

    def processAlgorithm(self, parameters, context, feedback):
        cell_size = self.cell_size(parameters, context)
        shape = self.parameterAsEnum(parameters, "SHAPE", context)
        weight_field = self.parameterAsString(parameters, "WEIGHT_FIELD", context) or None
        keep_empty = self.parameterAsBool(parameters, "KEEP_EMPTY", context)
        start, end = period_from_parameters(self, parameters, context)

        points = read_points(
            self, parameters, "INPUT", context, feedback,
            target_crs=self.parameterAsCrs(parameters, "TARGET_CRS", context),
            weight_field=weight_field,
            time_expression=self.parameterAsExpression(parameters, "TIME", context),
            time_end_expression=self.parameterAsExpression(parameters, "TIME_END", context))
        if weight_field:
            self.run_core(grid.check_weights, points.weight, f"WEIGHT_FIELD '{weight_field}'")
        extent = None
        if keep_empty or parameters.get("EXTENT") not in (None, ""):
            extent = extent_to_cover(self, parameters, context, points,
                                     lambda box: grid.cell_count_in_extent(*box, cell_size, shape),
                                     self.tr("cells of {:g} m").format(cell_size))
            x_min, y_min, x_max, y_max = extent
            points = points.subset((points.x >= x_min) & (points.x <= x_max) & (points.y >= y_min)
                                   & (points.y <= y_max), "outside_extent")
            if points.skipped["outside_extent"]:
                feedback.pushWarning(self.tr("{:,} crimes outside EXTENT were left out.").format(
                    points.skipped["outside_extent"]))
        points = restrict_to_period(points, start, end, feedback)
        if len(points) == 0:
            raise QgsProcessingException(self.tr(
                "No crimes are left to count ({}). Check WEIGHT_FIELD, TIME, START, END and EXTENT.").format(
                    describe_skipped(points)))
        weighted = points.weight is not None
        feedback.setProgress(40)
        empty_cells = self.run_core(grid.cells_in_extent, *extent, cell_size, shape) if keep_empty else None
        cells = self.run_core(
            grid.count_cells, points.x, points.y, cell_size, shape, weights=points.weight,
            keep_empty_cells=empty_cells, progress=self.progress_callback(feedback, 40, 50))

        fields = QgsFields()
        fields.append(make_field("cell_id", "text"))
        fields.append(make_field("row", "int"))
        fields.append(make_field("col", "int"))
        fields.append(make_field("count", "int"))
        if weighted:
            fields.append(make_field("weight", "double"))
        for name, kind in (("rank", "int"), ("share", "double"), ("cum_share", "double")):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                             QgsWkbTypes.Polygon, points.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        self._write_cells(sink, cells, cell_size, shape, weighted, feedback)
        style_on_load(context, dest_id, "crime_grid")

        top5 = cells.top_share(0.05)
        feedback.pushInfo(self.tr("{} crimes in {} cells; the busiest 5% of non-empty cells hold {:.1%} "
                                  "of the crime.").format(len(points), cells.rank.size, top5))
        results = {"OUTPUT": dest_id, "CRIMES_COUNTED": len(points), "CELLS": int(cells.rank.size),
                   "TOP5_SHARE": top5}
        for reason in SKIP_REASONS:
            results[f"SKIPPED_{reason.upper()}"] = points.skipped.get(reason, 0)
        results["SKIPPED_BAD_TIME"] += points.skipped.get("bad_time_end", 0) + points.skipped.get("reversed_window", 0)
        return results

    def _write_cells(self, sink, cells, cell_size, shape, weighted, feedback):
        ids = grid.cell_ids(cells.col, cells.row, cell_size, shape)
        columns = [ids, cells.row.tolist(), cells.col.tolist(), cells.count.tolist()]
        if weighted:
            columns.append(cells.weight.tolist())
        columns += [cells.rank.tolist(), cells.share.tolist(), cells.cum_share.tolist()]

        def features():
            for attributes in zip(*columns):
                col, row = attributes[2], attributes[1]
                feature = QgsFeature()
                feature.setGeometry(cell_geometry(col, row, cell_size, shape))
                feature.setAttributes(list(attributes))
                yield feature
        write_features(sink, features(), len(ids), feedback, 50, 100)
