"""hotspotpatrol:getisord — hot spot analysis (Getis-Ord Gi*) on any layer."""

import re

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core import getisord
from .base import HotspotAlgorithm, make_field, write_features
from .reader import metric_crs, read_centroids, source_of
from .styles import style_on_load

CELL_ID = re.compile(r"^S([0-9.]+)_(-?\d+)_(-?\d+)$")


class GetisOrdAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "getisord"
    DISPLAY_NAME = "Hot spot analysis (Getis-Ord Gi*)"
    GROUP = "choose"
    ICON = "getis_ord"
    HELP = (
        "Finds statistically significant clusters of high values (hot spots) and low values (cold spots) "
        "with the Getis-Ord Gi* statistic, as ArcGIS's Hot Spot Analysis, with numpy and scipy alone. A cell "
        "is a hot spot when it and its neighbours together hold much more crime than chance would give, not "
        "merely when it is busy itself.\n\n"
        "<b>Parameters</b><ul>"
        "<li>INPUT: points or polygons (polygons use their centroid), e.g. the crime grid of Grid crimes "
        "into cells.</li>"
        "<li>FIELD: the numeric value to analyse, e.g. count.</li>"
        "<li>DISTANCE: fixed distance band in metres; a feature is a neighbour when its distance is &lt;= "
        "DISTANCE (inclusive). Empty (default): the smallest distance that gives every feature at least one "
        "neighbour (reported in the log). A feature with no neighbour within DISTANCE is not classified (null "
        "gi_z and gi_p, gi_bin 0; the log says how many). A band making more than 100 million neighbour pairs "
        "is refused before any is built, with the largest band that fits.</li>"
        "<li>STAR: true (default) for Gi*, each feature its own neighbour; false for Gi.</li>"
        "<li>FDR: false (default); true applies the Benjamini–Hochberg false-discovery-rate correction to "
        "the confidence bins (recommended with many features).</li>"
        "<li>TARGET_CRS (advanced): the metric CRS for distances (default: the layer's when projected in "
        "metres, else its UTM zone).</li></ul>"
        "<b>Outputs</b><ul>"
        "<li>OUTPUT: the input features and fields, in the input's CRS, plus <i>gi_z</i> (z-score), "
        "<i>gi_p</i> (two-sided normal p-value) and <i>gi_bin</i>: 3/2/1 hot spot at 99/95/90% confidence, "
        "-3/-2/-1 cold spot, 0 not significant (ArcGIS's Gi_Bin). Features with no geometry or a null value "
        "are not analysed and get nulls; an analysed feature whose z-score is undefined (no neighbour, or no "
        "variation) gets null gi_z and gi_p and gi_bin 0.</li>"
        "<li>DISTANCE: the distance band used (metres). HOT_SPOTS, COLD_SPOTS: features in a hot or a cold "
        "bin (90% confidence or more).</li></ul>"
        "<b>Method</b>: the local Gi* of Getis &amp; Ord (1992) with binary weights and Ord &amp; Getis's "
        "(1995) closed-form z-scores — the same numbers as PySAL esda's G_Local(y, w, transform='B', "
        "star=...). Neighbours come from a KD-tree; square cells of this plugin's grid (a cell_id field such "
        "as S150_3521_11234) are handled by a lattice convolution. With FDR, a bin is kept only when its "
        "p-value passes Benjamini &amp; Hochberg's (1995) step-up procedure at that level.\n\n"
        "<b>References</b><ul>"
        "<li>Benjamini, Y. &amp; Hochberg, Y. (1995). Controlling the false discovery rate: a practical and "
        "powerful approach to multiple testing. Journal of the Royal Statistical Society, Series B 57(1), "
        "289–300.</li>"
        "<li>Getis, A. &amp; Ord, J. K. (1992). The analysis of spatial association by use of distance "
        "statistics. Geographical Analysis 24(3).</li>"
        "<li>Ord, J. K. &amp; Getis, A. (1995). Local spatial autocorrelation statistics: distributional "
        "issues and an application. Geographical Analysis 27(4), 286–306.</li></ul>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", self.tr("Input layer"), [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            "FIELD", self.tr("Value field"), parentLayerParameterName="INPUT",
            type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterNumber(
            "DISTANCE", self.tr("Distance band (metres; empty: smallest that connects every feature)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean("STAR", self.tr("Gi* (include each feature itself)"),
                                                        defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "FDR", self.tr("False discovery rate correction"), defaultValue=False))
        self.add_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Hot spots")))
        for name, description in (("DISTANCE", "Distance band used (metres)"), ("HOT_SPOTS", "Hot spots"),
                                  ("COLD_SPOTS", "Cold spots")):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(description)))

    def processAlgorithm(self, parameters, context, feedback):
        field = self.parameterAsString(parameters, "FIELD", context)
        star = self.parameterAsBool(parameters, "STAR", context)
        fdr = self.parameterAsBool(parameters, "FDR", context)
        source = source_of(self, parameters, "INPUT", context)
        crs = metric_crs(source.sourceCrs(), source.sourceExtent(),
                         self.parameterAsCrs(parameters, "TARGET_CRS", context), context, feedback)
        x, y, columns = read_centroids(source, "INPUT", context, feedback, crs,
                                       numeric_fields=[field], text_fields=["cell_id"])
        values = columns[field]
        usable = np.isfinite(x) & np.isfinite(values)
        if usable.sum() < 2:
            raise QgsProcessingException(self.tr(
                "Getis-Ord needs at least two features with a geometry and a value in '{}'; "
                "this layer has {}.").format(field, int(usable.sum())))
        if not usable.all():
            feedback.pushWarning(self.tr("{} features without a geometry or a value were left out.").format(
                int((~usable).sum())))
        distance = self._distance(parameters, context, x[usable], y[usable], feedback)
        lattice = self._lattice(columns.get("cell_id"), usable, crs == source.sourceCrs())
        progress = self.progress_callback(feedback, 30, 70)
        if lattice is not None:
            feedback.pushInfo(self.tr("Features are cells of one square grid: lattice convolution."))
            col, row, size = lattice
            result = self.run_core(getisord.getis_ord_lattice, col, row, values[usable], size, distance,
                                   star=star, fdr=fdr, progress=progress)
        else:
            result = self.run_core(getisord.getis_ord, x[usable], y[usable], values[usable], distance,
                                   star=star, fdr=fdr, progress=progress)
        self._warn_unscored(feedback, result, distance, x[usable], y[usable])
        z = np.full(x.size, np.nan)
        p = np.full(x.size, np.nan)
        bins = np.zeros(x.size, dtype=np.int64)
        z[usable], p[usable], bins[usable] = result.z, result.p, result.bin
        dest_id = self._write(parameters, context, feedback, source, z, p, bins, usable)
        style_on_load(context, dest_id, "getis_ord")
        hot, cold = int((bins > 0).sum()), int((bins < 0).sum())
        feedback.pushInfo(self.tr("{} hot spot and {} cold spot features at 90% confidence or more.").format(
            hot, cold))
        return {"OUTPUT": dest_id, "DISTANCE": distance, "HOT_SPOTS": hot, "COLD_SPOTS": cold}

    def _distance(self, parameters, context, x, y, feedback):
        if parameters.get("DISTANCE") not in (None, ""):
            distance = self.parameterAsDouble(parameters, "DISTANCE", context)
            if not np.isfinite(distance) or distance < 0:
                raise QgsProcessingException(self.tr(
                    "DISTANCE must be a number of metres of 0 or more, not {}; leave it empty for the smallest band "
                    "that gives every feature a neighbour.").format(distance))
            return distance
        distance = self.run_core(getisord.smallest_connecting_distance, x, y)
        feedback.pushInfo(self.tr("Distance band: {:.1f} m, the smallest that gives every feature a "
                                  "neighbour.").format(distance))
        return distance

    def _warn_unscored(self, feedback, result, distance, x, y):
        """Say which features got no z-score: those without a neighbour, or all when nothing varies."""
        isolated = int(result.isolated.sum())
        if isolated:
            smallest = self.run_core(getisord.smallest_connecting_distance, x, y)
            feedback.pushWarning(self.tr(
                "{:,} of {:,} features have no neighbour within DISTANCE {:g} m: they are not classified (gi_z and "
                "gi_p NULL, gi_bin 0), as nothing around them can make a hot or a cold spot. {:.1f} m is the smallest "
                "band that gives every feature a neighbour; leave DISTANCE empty to use it.").format(
                    isolated, result.isolated.size, distance, smallest))
        elif not np.isfinite(result.z).any():
            feedback.pushWarning(self.tr(
                "No feature could be scored: the values do not vary, or DISTANCE {:g} m makes every feature a "
                "neighbour of every other, so nothing stands out. Use a smaller DISTANCE.").format(distance))

    @staticmethod
    def _lattice(cell_ids, usable, same_crs):
        """(col, row, size) when every usable feature is a square cell of one grid, else None."""
        if cell_ids is None or not same_crs:
            return None
        matches = [CELL_ID.match(str(cell_id)) if cell_id is not None else None
                   for cell_id in cell_ids[usable].tolist()]
        if not all(matches) or len({m.group(1) for m in matches}) != 1:
            return None
        col = np.array([int(m.group(2)) for m in matches])
        row = np.array([int(m.group(3)) for m in matches])
        if len(set(zip(col.tolist(), row.tolist()))) != col.size:
            return None
        return col, row, float(matches[0].group(1))

    def _write(self, parameters, context, feedback, source, z, p, bins, usable):
        fields = QgsFields(source.fields())
        for name, kind in (("gi_z", "double"), ("gi_p", "double"), ("gi_bin", "int")):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, source.wkbType(),
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))

        def features():
            for number, feature in enumerate(source.getFeatures()):
                out = QgsFeature(fields)
                out.setGeometry(feature.geometry())
                # Analysed features always get a bin (0 when z is undefined, e.g. no neighbour); the others nulls.
                finite = bool(np.isfinite(z[number]))
                extra = ([float(z[number]) if finite else None, float(p[number]) if finite else None,
                          int(bins[number])] if usable[number] else [None, None, None])
                out.setAttributes(feature.attributes() + extra)
                yield out
        write_features(sink, features(), z.size, feedback, 70, 100)
        return dest_id
