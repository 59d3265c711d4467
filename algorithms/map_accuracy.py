"""hotspotpatrol:mapaccuracy — how well a hotspot map predicted where crime happened (PAI)."""

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..core import concentration
from .base import HotspotAlgorithm, make_field
from .reader import (
    PointIndex,
    metric_crs,
    period_from_parameters,
    points_inside,
    read_area_mask,
    read_points,
    restrict_to_period,
    source_of,
)
from .styles import style_on_load


class MapAccuracyAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "mapaccuracy"
    DISPLAY_NAME = "Hotspot map accuracy (PAI)"
    GROUP = "choose"
    ICON = "map_accuracy"
    HELP = (
        "Measures how well a hotspot map predicts where crime happens next: the hit rate and the Predictive "
        "Accuracy Index (PAI; Chainey, Tompson &amp; Uhlig 2008) for the top 1, 2, … n hotspots. Make the "
        "map from one period and test it on the crimes of the next.\n\n"
        "<b>Parameters</b><ul>"
        "<li>HOTSPOTS: polygons, e.g. OUTPUT_CELLS of Rank patrol hotspots made from an earlier period.</li>"
        "<li>SCORE_FIELD: the map's score, highest first (count, kde, gi_z…), a numeric field. Equal scores keep "
        "the layer's feature order. Polygons without a score, a geometry or an area are left out.</li>"
        "<li>PREDICTED_FIELD: optional predicted count per polygon, for the Recapture Rate Index; default: a "
        "field named <i>count</i> when there is one.</li>"
        "<li>CRIMES, TIME, START, END: the crimes of the period the map should have predicted (START &lt;= "
        "time &lt; END; without TIME every crime counts).</li>"
        "<li>STUDY_AREA: optional polygons; default: the area of all the HOTSPOTS polygons together (so pass "
        "every cell, not only the top ones). A STUDY_AREA without any polygon is refused.</li></ul>"
        "<b>Outputs</b><ul>"
        "<li>OUTPUT: a table with one row per k: <i>k</i>, <i>feature</i> (the feature id of the polygon "
        "added at k), <i>area_share</i> (area of the top k ÷ study area), <i>hit_rate</i> (crimes in the top "
        "k ÷ crimes in the study area), <i>pai</i> (hit rate ÷ area share), <i>pei</i> (Predictive "
        "Efficiency Index) and <i>rri</i> (Recapture Rate Index; empty without predicted counts).</li></ul>"
        "<b>Method</b>: polygons are sorted by score and accumulated. PAI says how many times more crime per "
        "unit of area the top k hold than the study area as a whole: 1 is no better than chance. PEI (Hunt "
        "2016) divides PAI by the best PAI any polygons of the same area could have reached (exact for equal "
        "cells, against the densest cells otherwise). RRI (Levine 2008) is (observed ÷ predicted crimes in "
        "the top k) ÷ (all observed ÷ all predicted). Areas are measured in the hotspots' metric CRS (their "
        "own, or their UTM zone). Worked case: three equal cells scored 3, 2, 1 holding 6, 3 and 0 crimes "
        "give PAI 2, 1.5 and 1.\n\n"
        "<b>References</b><ul>"
        "<li>Chainey, S., Tompson, L. &amp; Uhlig, S. (2008). The utility of hotspot mapping for predicting "
        "spatial patterns of crime. Security Journal 21(1–2), 4–28.</li>"
        "<li>Hunt, J. M. (2016). Do crime hot spots move? Exploring the effects of the modifiable areal unit "
        "problem and modifiable temporal unit problem on crime hot spot stability. Doctoral dissertation, "
        "American University, Washington, DC.</li>"
        "<li>Levine, N. (2008). The “hottest” part of a hotspot: comments on “The utility of hotspot mapping "
        "for predicting spatial patterns of crime”. Security Journal 21(4), 295–302.</li></ul>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HOTSPOTS", self.tr("Hotspot map (polygons)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            "SCORE_FIELD", self.tr("Score (highest first)"), parentLayerParameterName="HOTSPOTS",
            type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterField(
            "PREDICTED_FIELD", self.tr("Predicted count (for the RRI)"), parentLayerParameterName="HOTSPOTS",
            type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CRIMES", self.tr("Crimes of the period to predict"), [QgsProcessing.TypeVectorPoint]))
        self.add_time_parameters(parent="CRIMES")
        self.addParameter(QgsProcessingParameterFeatureSource(
            "STUDY_AREA", self.tr("Study area"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", self.tr("Map accuracy"), QgsProcessing.TypeVector))

    def processAlgorithm(self, parameters, context, feedback):
        hotspots = source_of(self, parameters, "HOTSPOTS", context)
        score_field = self.parameterAsString(parameters, "SCORE_FIELD", context)
        self._numeric_field(hotspots, "SCORE_FIELD", score_field)
        predicted_field = self.parameterAsString(parameters, "PREDICTED_FIELD", context) or None
        if predicted_field:
            self._numeric_field(hotspots, "PREDICTED_FIELD", predicted_field)
        else:
            index = hotspots.fields().lookupField("count")
            predicted_field = "count" if index >= 0 and hotspots.fields().at(index).isNumeric() else None
        crs = metric_crs(hotspots.sourceCrs(), hotspots.sourceExtent(), None, context, feedback)
        start, end = period_from_parameters(self, parameters, context)
        crimes = read_points(self, parameters, "CRIMES", context, feedback, target_crs=crs,
                             time_expression=self.parameterAsExpression(parameters, "TIME", context))
        crimes = restrict_to_period(crimes, start, end, feedback)

        transform = QgsCoordinateTransform(hotspots.sourceCrs(), crs, context.transformContext())
        ids, scores, predicted, areas, observed = [], [], [], [], []
        no_area = 0
        inside_any = np.zeros(len(crimes), dtype=bool)
        index = PointIndex(crimes.x, crimes.y)
        total = max(hotspots.featureCount(), 1)
        for number, feature in enumerate(hotspots.getFeatures()):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled by the user."))
            score = feature[score_field]
            geometry = QgsGeometry(feature.geometry())
            if score is None or geometry.isNull() or not isinstance(score, (int, float)):
                continue
            geometry.transform(transform)
            if not geometry.area() > 0:
                no_area += 1
                continue
            inside = index.inside(geometry)
            inside_any[inside] = True
            ids.append(feature.id())
            scores.append(float(score))
            value = feature[predicted_field] if predicted_field else None
            predicted.append(float(value) if isinstance(value, (int, float)) else np.nan)
            areas.append(geometry.area())
            observed.append(int(inside.size))
            feedback.setProgress(30 + 60 * number / total)
        if no_area:
            feedback.pushWarning(self.tr(
                "{} hotspot polygons have no area (degenerate outlines) and were left out: a hit rate per unit of "
                "area means nothing for them.").format(no_area))
        if not ids:
            raise QgsProcessingException(self.tr(
                "No hotspot polygon has a geometry with an area and a value in '{}'.").format(score_field))

        area = read_area_mask(self, parameters, "STUDY_AREA", context, crs)
        if area is None and parameters.get("STUDY_AREA"):
            raise QgsProcessingException(self.tr(
                "STUDY_AREA has no polygon with a geometry, so it has no area to measure the map against. Give a "
                "layer with the study area's polygons, or leave STUDY_AREA empty to use the hotspots' own area."))
        if area is not None:
            study = (area[1].area(), int(points_inside(area, crimes.x, crimes.y).sum()))
        else:
            study = (float(np.sum(areas)), int(inside_any.sum()))
        predicted = np.array(predicted) if predicted_field and np.all(np.isfinite(predicted)) else None
        table = self.run_core(concentration.accuracy_table, scores, areas, observed, study, predicted)

        fields = QgsFields()
        for name, kind in (("k", "int"), ("feature", "int"), ("area_share", "double"), ("hit_rate", "double"),
                           ("pai", "double"), ("pei", "double"), ("rri", "double")):
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        rows = []
        for position, index in enumerate(table["order"].tolist()):
            row = QgsFeature(fields)
            rri = None if table["rri"] is None else table["rri"][position]
            row.setAttributes([int(table["k"][position]), int(ids[index]), float(table["area_share"][position]),
                               float(table["hit_rate"][position]), float(table["pai"][position]),
                               _number(table["pei"][position]), _number(rri)])
            rows.append(row)
        sink.addFeatures(rows, QgsFeatureSink.FastInsert)
        style_on_load(context, dest_id, "map_accuracy")
        first = min(len(rows), 20) - 1
        feedback.pushInfo(self.tr("Top {}: {:.1%} of the crime in {:.2%} of the area, PAI {:.1f}.").format(
            first + 1, table["hit_rate"][first], table["area_share"][first], table["pai"][first]))
        return {"OUTPUT": dest_id}


    def _numeric_field(self, source, name, field_name):
        """Refuse a field that is missing or not numeric, naming its type."""
        index = source.fields().lookupField(field_name)
        if index < 0:
            raise QgsProcessingException(self.tr("{} '{}' is not a field of HOTSPOTS (its fields: {}).").format(
                name, field_name, ", ".join(source.fields().names())))
        field = source.fields().at(index)
        if not field.isNumeric():
            kind = field.typeName() or self.tr("non-numeric")
            text = any(word in kind.lower() for word in ("str", "text", "char"))
            raise QgsProcessingException(self.tr(
                "{} '{}' is a {} field ({}), not a number, so the polygons cannot be ordered by it. Choose a numeric "
                "field (count, kde, gi_z…), or convert it with the Field calculator, e.g. to_real(\"{}\").").format(
                    name, field_name, self.tr("text") if text else self.tr("non-numeric"), kind, field_name))


def _number(value):
    return None if value is None or not np.isfinite(value) else float(value)
