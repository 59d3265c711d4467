"""hotspotpatrol:getisord — hot spot analysis (Getis-Ord Gi*) on any layer."""

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


class GetisOrdAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "getisord"
    GROUP = "choose"
    ICON = "getis_ord"
    REFERENCES = ("benjamini1995", "getis1992", "ord1995")

    FIELD = "FIELD"
    DISTANCE = "DISTANCE"
    STAR = "STAR"
    FDR = "FDR"
    HOT_SPOTS = "HOT_SPOTS"
    COLD_SPOTS = "COLD_SPOTS"

    def displayName(self):
        return self.tr("Hot spot analysis (Getis-Ord Gi*)")

    def tags(self):
        return self.tr("hot spot,hotspot,cold spot,Getis-Ord,Gi*,cluster,significance,statistics,ArcGIS").split(",")

    def summary(self):
        return self.tr(
            "Finds statistically significant clusters of high values (hot spots) and low values (cold spots) "
            "with the Getis-Ord Gi* statistic, as ArcGIS's Hot Spot Analysis, with numpy and scipy alone. A cell "
            "is a hot spot when it and its neighbours together hold much more crime than chance would give, not "
            "merely when it is busy itself.")

    def method(self):
        return self.tr(
            "the local Gi* of Getis &amp; Ord (1992) with binary weights and Ord &amp; Getis's (1995) closed-form "
            "z-scores — the same numbers as PySAL esda's G_Local(y, w, transform='B', star=...). Neighbours come "
            "from a KD-tree; square cells of this plugin's grid (a cell_id field such as S150_3521_11234) are "
            "handled by a lattice convolution. With FDR, a bin is kept only when its p-value passes Benjamini "
            "&amp; Hochberg's (1995) step-up procedure at that level.")

    def initAlgorithm(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Input layer"), [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]),
            self.tr("Points or polygons (polygons use their centroid), e.g. the crime grid of Grid crimes into "
                    "cells."))
        self.add(QgsProcessingParameterField(
            self.FIELD, self.tr("Value field"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.Numeric),
            self.tr("The numeric value to analyse, e.g. count."))
        self.add(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Distance band (metres; empty: smallest that connects every feature)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0),
            self.tr("A fixed distance band in metres; a feature is a neighbour when its distance is &lt;= "
                    "DISTANCE (inclusive). Empty: the smallest distance that gives every feature at least one "
                    "neighbour (reported in the log). A feature with no neighbour within DISTANCE is not "
                    "classified (null gi_z and gi_p, gi_bin 0; the log says how many). A band making more than "
                    "100 million neighbour pairs is refused before any is built, with the largest band that "
                    "fits."), decimals=0)
        self.add(QgsProcessingParameterBoolean(self.STAR, self.tr("Gi* (include each feature itself)"),
                                               defaultValue=True),
                 self.tr("True for Gi*, each feature its own neighbour; false for Gi."))
        self.add(QgsProcessingParameterBoolean(self.FDR, self.tr("False discovery rate correction"),
                                               defaultValue=False),
                 self.tr("Apply the Benjamini–Hochberg false-discovery-rate correction to the confidence bins "
                         "(recommended with many features)."))
        self.add_crs_parameter()
        self.parameterDefinition(self.TARGET_CRS).setHelp(self.tr(
            "The metric CRS in which distances are measured. By default a layer projected in metres is used as it "
            "is; a geographic layer or one in feet is measured in British National Grid in Great Britain, else in "
            "the UTM zone of the centre of its extent. OUTPUT stays in the input's CRS."))
        self.add(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Hot spots")),
                 self.tr("The input features and fields, in the input's CRS, plus <i>gi_z</i> (z-score), "
                         "<i>gi_p</i> (two-sided normal p-value) and <i>gi_bin</i>: 3/2/1 hot spot at 99/95/90% "
                         "confidence, -3/-2/-1 cold spot, 0 not significant (ArcGIS's Gi_Bin). Features with no "
                         "geometry or a null value are not analysed and get nulls; an analysed feature whose "
                         "z-score is undefined (no neighbour, or no variation) gets null gi_z and gi_p and gi_bin "
                         "0."))
        self.add_output(QgsProcessingOutputNumber(self.DISTANCE, self.tr("Distance band used (metres)")),
                        self.tr("The distance band used (metres)."))
        self.add_output(QgsProcessingOutputNumber(self.HOT_SPOTS, self.tr("Hot spots")),
                        self.tr("Features in a hot bin (90% confidence or more)."))
        self.add_output(QgsProcessingOutputNumber(self.COLD_SPOTS, self.tr("Cold spots")),
                        self.tr("Features in a cold bin (90% confidence or more)."))

    def check_parameters(self, parameters, context):
        if parameters.get(self.DISTANCE) not in (None, ""):
            distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
            if not np.isfinite(distance) or distance < 0:
                raise QgsProcessingException(self.tr(
                    "DISTANCE must be a number of metres of 0 or more, not {}; leave it empty for the smallest band "
                    "that gives every feature a neighbour.").format(distance))

    def processAlgorithm(self, parameters, context, feedback):
        field = self.parameterAsString(parameters, self.FIELD, context)
        star = self.parameterAsBool(parameters, self.STAR, context)
        fdr = self.parameterAsBool(parameters, self.FDR, context)
        source = source_of(self, parameters, self.INPUT, context)
        crs = metric_crs(source.sourceCrs(), source.sourceExtent(),
                         self.parameterAsCrs(parameters, self.TARGET_CRS, context), context, feedback)
        x, y, columns = read_centroids(source, self.INPUT, context, feedback, crs,
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
        # Cell ids give the cells' places on the lattice only in the CRS the cells were made in.
        lattice = (getisord.square_lattice(columns["cell_id"][usable])
                   if "cell_id" in columns and crs == source.sourceCrs() else None)
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
        dest_id = self._write(parameters, context, feedback, source, result, usable)
        style_on_load(context, dest_id, "getis_ord")
        feedback.pushInfo(self.tr("{} hot spot and {} cold spot features at 90% confidence or more.").format(
            result.hot_spots, result.cold_spots))
        return {self.OUTPUT: dest_id, self.DISTANCE: distance, self.HOT_SPOTS: result.hot_spots,
                self.COLD_SPOTS: result.cold_spots}

    def _distance(self, parameters, context, x, y, feedback):
        """DISTANCE, or the smallest band that gives every feature a neighbour (logged)."""
        if parameters.get(self.DISTANCE) not in (None, ""):
            return self.parameterAsDouble(parameters, self.DISTANCE, context)
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

    def _write(self, parameters, context, feedback, source, result, usable):
        """OUTPUT: every input feature with gi_z, gi_p and gi_bin; nulls for the features not analysed."""
        fields = QgsFields(source.fields())
        for name, kind in (("gi_z", "double"), ("gi_p", "double"), ("gi_bin", "int")):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                             source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        # The analysed features come in the source's order, as read_centroids read them.
        scores = zip(result.z.tolist(), result.p.tolist(), result.bin.tolist())

        def features():
            for feature, analysed in zip(source.getFeatures(), usable.tolist()):
                out = QgsFeature(fields)
                out.setGeometry(feature.geometry())
                extra = [None, None, None]
                if analysed:
                    # An analysed feature always gets a bin (0 when z is undefined, e.g. no neighbour).
                    z, p, gi_bin = next(scores)
                    finite = bool(np.isfinite(z))
                    extra = [z if finite else None, p if finite else None, gi_bin]
                out.setAttributes(feature.attributes() + extra)
                yield out
        write_features(sink, features(), usable.size, feedback, 70, 100)
        return dest_id
