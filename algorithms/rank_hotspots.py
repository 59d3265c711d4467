"""hotspotpatrol:rankhotspots — choose the cells to patrol."""

import csv

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core import concentration, getisord, grid, kde
from .base import HotspotAlgorithm, cell_geometry, make_field
from .reader import (
    describe_skipped,
    period_from_parameters,
    points_inside,
    read_area_mask,
    read_points,
    restrict_to_period,
)
from .styles import style_on_load

RANK_BY = ("count", "weight", "kde", "gi_z")


class RankHotspotsAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "rankhotspots"
    DISPLAY_NAME = "Rank patrol hotspots"
    GROUP = "choose"
    ICON = "rank_hotspots"
    HELP = (
        "Chooses the hotspots to patrol: grids crimes into fixed cells (as Grid crimes into cells), ranks "
        "every cell by crime count, harm, kernel density or Gi* z-score, and keeps the TOP_N best that "
        "qualify. Patrols focused on a few small hotspots reduce crime there (Sherman &amp; Weisburd 1995); "
        "Essex's Southend pilot patrolled 20 cells of 150 m × 150 m. It also measures how concentrated crime "
        "is.\n\n"
        "<b>Parameters</b><ul>"
        "<li>INPUT, CELL_SIZE (metres, default 150), SHAPE (0 square, 1 hexagon), TIME, START, END, "
        "TARGET_CRS (advanced): as in Grid crimes into cells.</li>"
        "<li>WEIGHT_FIELD: a numeric weight per crime; or CATEGORY_FIELD with HARM_WEIGHTS, a CSV file with "
        "columns <i>category,weight</i> (e.g. the Cambridge Crime Harm Index's days per crime type; Sherman, "
        "Neyroud &amp; Neyroud 2016; lines starting with # are comments). The shipped "
        "harm_weights_police_uk.csv is an example built from second-hand figures: replace it with your force's "
        "own weights. Crimes whose category is not in "
        "the table are skipped and listed in the log. Weights and harms are counts of harm: a negative, NaN or "
        "infinite one is refused.</li>"
        "<li>RANK_BY: 0 crime count (default), 1 weight or harm, 2 kernel density at the cell centre, 3 Gi* "
        "z-score.</li>"
        "<li>TOP_N (default 20): hotspots to choose. MIN_COUNT (default 1): cells with fewer crimes are "
        "never chosen. SEPARATION: metres (empty: no limit); no two chosen hotspots' centres are closer (so "
        "20 hotspots are not 20 adjacent cells of one estate). EXCLUDE: polygons whose cells (by centre) are "
        "never chosen.</li>"
        "<li>STUDY_AREA: optional polygons of the area to rank in (e.g. the force or the district). Its cells are "
        "those whose centre is inside it; crimes in other cells are left out (counted in the log). AREA_SHARE and "
        "the Gini are measured over its cells. Empty: the cells of the box that holds the crimes, except those "
        "far outside the area holding the rest (misplaced records, flagged and named in the log), which keep "
        "only their own cells; so a few such records change neither the area nor the run time.</li>"
        "<li>RADIUS (advanced): the quartic kernel's radius for <i>kde</i>, metres (default 150). DISTANCE "
        "(advanced): the Gi* distance band in metres; empty (default): the 8 surrounding squares or the 6 "
        "surrounding hexagons. A cell with no neighbour within it gets a null gi_z and gi_bin 0 (warned), and "
        "RANK_BY 3 is refused when no cell has one.</li></ul>"
        "<b>Outputs</b><ul>"
        "<li>OUTPUT: the chosen hotspots in patrol order, a polygon each, with <i>hotspot_id</i> (1 … "
        "TOP_N), <i>rank</i> (the cell's place in the RANK_BY ranking of all cells), <i>cell_id</i>, "
        "<i>count</i> (crimes), <i>weight</i> (summed weight or harm; the count without either), "
        "<i>share</i> (of all counted crime or harm), <i>cum_share</i> (cumulated down the hotspots), "
        "<i>kde</i> (the raw kernel sum at the cell centre), <i>gi_z</i> (Gi* z-score) and <i>gi_bin</i> "
        "(3/2/1 hot spot at 99/95/90% confidence, -3/-2/-1 cold spot, 0 not significant).</li>"
        "<li>OUTPUT_CELLS (optional, off by default): every cell of the area (see STUDY_AREA) in ranking order, "
        "with the same fields; <i>hotspot_id</i> is null for cells not chosen and <i>cum_share</i> runs down "
        "the ranking. It is the map to test with Hotspot map accuracy (PAI).</li>"
        "<li>HOTSPOTS: hotspots chosen. CRIMES_COUNTED: crimes ranked. CRIME_SHARE, AREA_SHARE: the "
        "hotspots' share of the crime (or harm) and of the area (its cells; see STUDY_AREA).</li>"
        "<li>GINI: the Gini coefficient of crime counts across those cells; GENERALIZED_GINI: Bernasco &amp; "
        "Steenbeek's (2017) generalized Gini, corrected for more cells than crimes.</li></ul>"
        "<b>Method</b>: cells are ranked by the RANK_BY value; ties by count, then row and column. Walking "
        "down the ranking, a cell is chosen when it has MIN_COUNT crimes, its centre is outside EXCLUDE and "
        "no chosen hotspot is within SEPARATION, until TOP_N are chosen. Gi* uses every cell of the area, "
        "empty ones included, with binary weights (Ord &amp; Getis 1995). Kernel density ranks a place by "
        "the crime around it; of the usual hotspot maps it predicted future crime best in Chainey, Tompson "
        "&amp; Uhlig (2008). With C crimes in N &gt; C cells, at least N − C cells must be empty, so the "
        "ordinary Gini cannot fall below 1 − C/N; the generalized Gini measures against the most equal "
        "spread that C crimes allow: 1 − (N/C)(1 − Gini).\n\n"
        "<b>References</b><ul>"
        "<li>Bernasco, W. &amp; Steenbeek, W. (2017). More places than crimes: implications for evaluating "
        "the law of crime concentration at place. Journal of Quantitative Criminology 33(3), 451–467.</li>"
        "<li>Chainey, S., Tompson, L. &amp; Uhlig, S. (2008). The utility of hotspot mapping for predicting "
        "spatial patterns of crime. Security Journal 21(1–2), 4–28.</li>"
        "<li>Ord, J. K. &amp; Getis, A. (1995). Local spatial autocorrelation statistics: distributional "
        "issues and an application. Geographical Analysis 27(4), 286–306.</li>"
        "<li>Sherman, L. W. &amp; Weisburd, D. (1995). General deterrent effects of police patrol in crime "
        "“hot spots”: a randomized, controlled trial. Justice Quarterly 12(4), 625–648.</li>"
        "<li>Sherman, L. W., Neyroud, P. &amp; Neyroud, E. (2016). The Cambridge Crime Harm Index: measuring "
        "total harm from crime based on sentencing guidelines. Policing 10(3), 171–183.</li></ul>")

    def initAlgorithm(self, config=None):
        self.add_crimes_input()
        self.add_cell_parameters()
        self.add_time_parameters()
        self.add_crs_parameter()
        self.addParameter(QgsProcessingParameterField(
            "WEIGHT_FIELD", self.tr("Weight field"), parentLayerParameterName="INPUT",
            type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterField(
            "CATEGORY_FIELD", self.tr("Crime category field (for harm weights)"),
            parentLayerParameterName="INPUT", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "HARM_WEIGHTS", self.tr("Harm weights (CSV: category,weight)"), extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "RANK_BY", self.tr("Rank cells by"),
            options=[self.tr("Crime count"), self.tr("Weight or harm"),
                     self.tr("Kernel density at the cell centre"), self.tr("Gi* z-score")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "TOP_N", self.tr("Number of hotspots"), QgsProcessingParameterNumber.Integer,
            defaultValue=20, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_COUNT", self.tr("Minimum crimes in a hotspot"), QgsProcessingParameterNumber.Integer,
            defaultValue=1, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "SEPARATION", self.tr("Minimum distance between hotspots (metres)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "EXCLUDE", self.tr("Areas never to choose"), [QgsProcessing.TypeVectorPolygon], optional=True))
        study_area = QgsProcessingParameterFeatureSource(
            "STUDY_AREA", self.tr("Study area"), [QgsProcessing.TypeVectorPolygon], optional=True)
        study_area.setHelp(self.tr("Polygons of the area to rank in (e.g. the force or district): its cells are "
                                   "the area of AREA_SHARE and the Gini. Empty: the box holding the crimes."))
        self.addParameter(study_area)
        radius = QgsProcessingParameterNumber(
            "RADIUS", self.tr("Kernel density radius (metres)"), QgsProcessingParameterNumber.Double,
            defaultValue=150.0, minValue=0.0)
        distance = QgsProcessingParameterNumber(
            "DISTANCE", self.tr("Gi* distance band (metres; empty: the 8 surrounding cells)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0)
        for parameter in (radius, distance):
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Patrol hotspots"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_CELLS", self.tr("All cells"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=False))
        for name, description in (("HOTSPOTS", "Hotspots chosen"), ("CRIME_SHARE", "Share of crime in hotspots"),
                                  ("AREA_SHARE", "Share of area in hotspots"), ("GINI", "Gini coefficient"),
                                  ("GENERALIZED_GINI", "Generalized Gini"), ("CRIMES_COUNTED", "Crimes counted")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(description)))

    def processAlgorithm(self, parameters, context, feedback):
        cell_size = self.cell_size(parameters, context)
        shape = self.parameterAsEnum(parameters, "SHAPE", context)
        rank_by = RANK_BY[self.parameterAsEnum(parameters, "RANK_BY", context)]
        top_n = self.parameterAsInt(parameters, "TOP_N", context)
        min_count = self.parameterAsInt(parameters, "MIN_COUNT", context)
        separation = self.parameterAsDouble(parameters, "SEPARATION", context) if parameters.get("SEPARATION") else 0.0
        radius = self.parameterAsDouble(parameters, "RADIUS", context)
        if not radius > 0:
            raise QgsProcessingException(self.tr(
                "RADIUS (the kernel density radius) must be more than 0 metres (it is {}); 150 m matches the "
                "patrol cells.").format(radius))
        weight_field = self.parameterAsString(parameters, "WEIGHT_FIELD", context) or None
        category_field = self.parameterAsString(parameters, "CATEGORY_FIELD", context) or None
        harm_file = self.parameterAsFile(parameters, "HARM_WEIGHTS", context) or None
        if weight_field and category_field:
            raise QgsProcessingException(self.tr(
                "Give either WEIGHT_FIELD or CATEGORY_FIELD with HARM_WEIGHTS, not both."))
        if bool(category_field) != bool(harm_file):
            raise QgsProcessingException(self.tr(
                "CATEGORY_FIELD and HARM_WEIGHTS go together: give both, or neither."))
        if rank_by == "weight" and not (weight_field or harm_file):
            raise QgsProcessingException(self.tr(
                "RANK_BY weight needs WEIGHT_FIELD, or CATEGORY_FIELD with HARM_WEIGHTS."))
        start, end = period_from_parameters(self, parameters, context)

        points = read_points(self, parameters, "INPUT", context, feedback,
                             target_crs=self.parameterAsCrs(parameters, "TARGET_CRS", context),
                             weight_field=weight_field, category_field=category_field,
                             time_expression=self.parameterAsExpression(parameters, "TIME", context))
        if weight_field:
            self.run_core(grid.check_weights, points.weight, f"WEIGHT_FIELD '{weight_field}'")
        points = restrict_to_period(points, start, end, feedback)
        if harm_file:
            points = self._apply_harm(points, harm_file, feedback)
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
        density = self.run_core(kde.density_at, points.x, points.y, cx, cy, radius, weights=points.weight)
        feedback.setProgress(50)
        distance = self._gi_distance(parameters, context, cell_size, shape)
        if shape == grid.SQUARE:
            gi = self.run_core(getisord.getis_ord_lattice, cells.col, cells.row, value, cell_size, distance)
        else:
            gi = self.run_core(getisord.getis_ord, cx, cy, value, distance)
        if rank_by == "gi_z" and not gi.isolated.all() and not np.isfinite(gi.z).any():
            raise QgsProcessingException(self.tr(
                "RANK_BY is the Gi* z-score, but no cell has one: DISTANCE {:g} m makes every cell a neighbour of "
                "every other (or the counts do not vary), so nothing stands out. Use a smaller DISTANCE, or leave it "
                "empty for the surrounding cells.").format(distance))
        # Without STUDY_AREA, cells outside the box of the crimes hold only far outliers.
        x_min, y_min, x_max, y_max = points.bulk_extent
        far = ~((cx >= x_min - cell_size) & (cx <= x_max + cell_size) & (cy >= y_min - cell_size)
                & (cy <= y_max + cell_size))
        if (gi.isolated & far).any():
            feedback.pushWarning(self.tr(
                "{:,} cells hold only crimes far outside the rest (named above): they have no neighbouring cells "
                "in the area, so their gi_z is NULL and gi_bin 0.").format(int((gi.isolated & far).sum())))
        if (gi.isolated & ~far).any():
            if rank_by == "gi_z" and gi.isolated.all():
                raise QgsProcessingException(self.tr(
                    "RANK_BY is the Gi* z-score, but no cell has a neighbour within DISTANCE {:g} m (cells are {:g} m "
                    "apart), so no cell has one. Use a DISTANCE of at least {:g} m, or leave it empty for the "
                    "surrounding cells.").format(distance, cell_size, cell_size))
            feedback.pushWarning(self.tr(
                "{:,} of {:,} cells have no neighbour within the Gi* DISTANCE {:g} m: their gi_z is NULL and gi_bin 0 "
                "(not a hot or cold spot). Use a DISTANCE of at least {:g} m, or leave it empty.").format(
                    int((gi.isolated & ~far).sum()), gi.isolated.size, distance, cell_size))
        feedback.setProgress(70)

        key = {"count": cells.count.astype(float), "weight": value, "kde": density,
               "gi_z": np.nan_to_num(gi.z, nan=-np.inf)}[rank_by]
        # Rank by the chosen value; ties by count, then the grid's own order (row, column).
        order = np.lexsort((cells.col, cells.row, -cells.count, -key))
        rank = np.empty(order.size, dtype=np.int64)
        rank[order] = np.arange(1, order.size + 1)
        excluded = points_inside(read_area_mask(self, parameters, "EXCLUDE", context, points.crs), cx, cy)
        chosen = self.run_core(concentration.choose_hotspots, order, cx, cy,
                               (cells.count >= min_count) & ~excluded, top_n, separation)
        if chosen.size < top_n:
            feedback.pushWarning(self.tr("Only {} cells qualify as hotspots (TOP_N is {}): relax MIN_COUNT, "
                                         "SEPARATION or EXCLUDE.").format(chosen.size, top_n))

        total = value.sum()
        share = value / total if total else np.zeros(value.size)
        table = {"cell_id": grid.cell_ids(cells.col, cells.row, cell_size, shape), "count": cells.count,
                 "weight": value, "share": share, "kde": density, "gi_z": gi.z, "gi_bin": gi.bin, "rank": rank}
        hotspot_id = np.zeros(value.size, dtype=np.int64)
        hotspot_id[chosen] = np.arange(1, chosen.size + 1)
        sink_args = (cells, cell_size, shape, points.crs, table, hotspot_id)
        dest_id = self._write(parameters, "OUTPUT", context, chosen, np.cumsum(share[chosen]), *sink_args)
        style_on_load(context, dest_id, "hotspots")
        results = {"OUTPUT": dest_id}
        if parameters.get("OUTPUT_CELLS"):
            results["OUTPUT_CELLS"] = self._write(parameters, "OUTPUT_CELLS", context, order,
                                                  np.cumsum(share[order]), *sink_args)
            style_on_load(context, results["OUTPUT_CELLS"], "crime_grid")

        crime_share = float(share[chosen].sum())
        area_share = chosen.size / value.size
        results.update({"HOTSPOTS": int(chosen.size), "CRIME_SHARE": crime_share, "AREA_SHARE": area_share,
                        "GINI": concentration.gini(cells.count),
                        "GENERALIZED_GINI": concentration.generalized_gini(cells.count),
                        "CRIMES_COUNTED": len(points)})
        feedback.pushInfo(self.tr(
            "{} hotspots hold {:.1%} of the crime{} in {:.2%} of the area ({} cells of {:g} m). Gini {:.3f}; "
            "generalized Gini {:.3f}.").format(chosen.size, crime_share, self.tr(" harm") if harm_file else "",
                                               area_share, value.size, cell_size, results["GINI"],
                                               results["GENERALIZED_GINI"]))
        return results

    def _area_cells(self, parameters, context, feedback, points, cell_size, shape):
        """The cells of the area (``(col, row)``) and the crimes inside it.

        STUDY_AREA: the cells whose centre is inside it; crimes in other cells are left out. Without it:
        every cell of the box holding the crimes, far outliers aside (they keep their own cells), so a
        few misplaced records neither widen the area nor slow the run.
        """
        study = read_area_mask(self, parameters, "STUDY_AREA", context, points.crs)
        if study is None:
            if parameters.get("STUDY_AREA"):
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
        # Each crime's cell is tested once, not each crime.
        crime_cells, crime_cell = np.unique(np.column_stack(grid.cells_of_points(points.x, points.y, cell_size, shape)),
                                            axis=0, return_inverse=True)
        cell_inside = points_inside(study, *grid.cell_centres(crime_cells[:, 0], crime_cells[:, 1], cell_size, shape))
        points = points.subset(cell_inside[crime_cell.ravel()], "outside_study_area")
        if points.skipped["outside_study_area"]:
            feedback.pushWarning(self.tr(
                "{:,} crimes in cells whose centre is outside STUDY_AREA were left out.").format(
                    points.skipped["outside_study_area"]))
        return (col[inside], row[inside]), points

    def _gi_distance(self, parameters, context, cell_size, shape):
        if parameters.get("DISTANCE") not in (None, ""):
            return self.parameterAsDouble(parameters, "DISTANCE", context)
        # The 8 surrounding squares (queen contiguity); the 6 surrounding hexagons.
        if shape == grid.SQUARE:
            return cell_size * np.sqrt(2.0)
        return np.sqrt(3.0) * grid.hexagon_radius(cell_size)

    def _apply_harm(self, points, harm_file, feedback):
        weights = read_harm_weights(harm_file)
        categories = np.array(["" if c is None else str(c).strip() for c in points.category.tolist()])
        known = np.isin(categories, list(weights))
        if not known.all():
            missing = sorted(set(categories[~known].tolist()))
            feedback.reportError(self.tr("{} crimes have a category that is not in the harm table and are "
                                         "skipped: {}").format(int((~known).sum()), ", ".join(missing[:10])))
        points = points.subset(known, "unknown_category")
        points.weight = np.array([weights[c] for c in categories[known].tolist()], dtype=float)
        return points

    def _write(self, parameters, name, context, rows, cum_share, cells, cell_size, shape, crs, table, hotspot_id):
        fields = QgsFields()
        for field_name, kind in (("hotspot_id", "int"), ("rank", "int"), ("cell_id", "text"), ("count", "int"),
                                 ("weight", "double"), ("share", "double"), ("cum_share", "double"),
                                 ("kde", "double"), ("gi_z", "double"), ("gi_bin", "int")):
            fields.append(make_field(field_name, kind))
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.Polygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        features = []
        for row, cumulative in zip(rows.tolist(), cum_share.tolist()):
            feature = QgsFeature(fields)
            feature.setGeometry(cell_geometry(cells.col[row], cells.row[row], cell_size, shape))
            gi_z = table["gi_z"][row]
            feature.setAttributes([
                int(hotspot_id[row]) or None, int(table["rank"][row]), table["cell_id"][row],
                int(table["count"][row]), float(table["weight"][row]), float(table["share"][row]),
                float(cumulative), float(table["kde"][row]), None if np.isnan(gi_z) else float(gi_z),
                int(table["gi_bin"][row])])
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.FastInsert)
        return dest_id


def read_harm_weights(path):
    """``{category: weight}`` from a CSV file with columns category and weight (comments start with #)."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    except OSError as error:
        raise QgsProcessingException(f"Cannot read the harm table {path}: {error}") from None
    reader = csv.DictReader(rows)
    if not reader.fieldnames or not {"category", "weight"} <= {f.strip() for f in reader.fieldnames}:
        raise QgsProcessingException(
            f"The harm table {path} needs a header line with the columns 'category' and 'weight'.")
    weights = {}
    for line_number, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        try:
            weight = float(row["weight"])
        except ValueError:
            raise QgsProcessingException(
                f"The harm table {path}, row {line_number}: '{row['weight']}' is not a number.") from None
        if not np.isfinite(weight) or weight < 0:
            raise QgsProcessingException(
                f"The harm table {path}, row {line_number}: {row['category']} has the weight '{row['weight']}', "
                "but a harm weight must be a finite number of 0 or more (negative harm would take crime away from "
                "a cell). Correct the table.")
        weights[row["category"]] = weight
    return weights
