"""hotspotpatrol:mapaccuracy — how well a hotspot map predicted where crime happened (PAI)."""

from dataclasses import dataclass, field

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..core import concentration
from .base import HotspotAlgorithm
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

ACCURACY_FIELDS = (("k", "int"), ("feature", "int"), ("area_share", "double"), ("hit_rate", "double"),
                   ("pai", "double"), ("pei", "double"), ("rri", "double"))
TOP_K_LOGGED = 20


@dataclass
class MeasuredPolygons:
    """The hotspot polygons that can be scored, one element each: feature id, score, predicted count
    (NaN when it has none), area in the metric CRS, and the indices of the crimes inside it."""

    ids: list = field(default_factory=list)
    scores: list = field(default_factory=list)
    predicted: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    crimes: list = field(default_factory=list)


class MapAccuracyAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "mapaccuracy"
    GROUP = "choose"
    ICON = "map_accuracy"
    REFERENCES = ("chainey2008", "hunt2016", "levine2008")

    HOTSPOTS = "HOTSPOTS"
    SCORE_FIELD = "SCORE_FIELD"
    PREDICTED_FIELD = "PREDICTED_FIELD"
    CRIMES = "CRIMES"
    STUDY_AREA = "STUDY_AREA"

    def displayName(self):
        return self.tr("Hotspot map accuracy (PAI)")

    def tags(self):
        return self.tr("PAI,predictive accuracy index,PEI,RRI,hit rate,hotspot,map,accuracy,forecast,prediction,"
                       "evaluation").split(",")

    def summary(self):
        return self.tr(
            "Measures how well a hotspot map predicts where crime happens next: the hit rate and the Predictive "
            "Accuracy Index (PAI; Chainey, Tompson &amp; Uhlig 2008) for the top 1, 2, … n hotspots. Make the "
            "map from one period and test it on the crimes of the next.")

    def method(self):
        return self.tr(
            "polygons are sorted by score and accumulated. PAI says how many times more crime per unit of area the "
            "top k hold than the study area as a whole: 1 is no better than chance. PEI (Hunt 2016) divides PAI "
            "by the best PAI any polygons of the same area could have reached (exact for equal cells, against the "
            "densest cells otherwise). RRI (Levine 2008) is (observed ÷ predicted crimes in the top k) ÷ (all "
            "observed ÷ all predicted). Areas are measured in the hotspots' metric CRS (their own, or their UTM "
            "zone). Worked case: three equal cells scored 3, 2, 1 holding 6, 3 and 0 crimes give PAI 2, 1.5 and "
            "1.")

    def initAlgorithm(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(
            self.HOTSPOTS, self.tr("Hotspot map (polygons)"), [QgsProcessing.TypeVectorPolygon]),
            self.tr("Polygons, e.g. OUTPUT_CELLS of Rank patrol hotspots made from an earlier period."))
        self.add(QgsProcessingParameterField(
            self.SCORE_FIELD, self.tr("Score (highest first)"), parentLayerParameterName=self.HOTSPOTS,
            type=QgsProcessingParameterField.Numeric),
            self.tr("The map's score, highest first (count, kde, gi_z…), a numeric field. Equal scores keep the "
                    "layer's feature order. Polygons without a score, a geometry or an area are left out."))
        self.add(QgsProcessingParameterField(
            self.PREDICTED_FIELD, self.tr("Predicted count (for the RRI)"), parentLayerParameterName=self.HOTSPOTS,
            type=QgsProcessingParameterField.Numeric, optional=True),
            self.tr("A predicted count per polygon, for the Recapture Rate Index. Empty: a numeric field named "
                    "<i>count</i> when there is one."))
        self.add(QgsProcessingParameterFeatureSource(
            self.CRIMES, self.tr("Crimes of the period to predict"), [QgsProcessing.TypeVectorPoint]),
            self.tr("The crimes of the period the map should have predicted: those from START to END by TIME "
                    "(without TIME, every crime counts)."))
        self.add_time_parameters(parent=self.CRIMES)
        self.add(QgsProcessingParameterFeatureSource(
            self.STUDY_AREA, self.tr("Study area"), [QgsProcessing.TypeVectorPolygon], optional=True),
            self.tr("Polygons of the study area. Empty: the area of all the HOTSPOTS polygons together (so pass "
                    "every cell, not only the top ones). A STUDY_AREA without any polygon is refused."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Map accuracy"), QgsProcessing.TypeVector),
            self.tr("A table with one row per k: <i>k</i>, <i>feature</i> (the feature id of the polygon added at "
                    "k), <i>area_share</i> (area of the top k ÷ study area), <i>hit_rate</i> (crimes in the top k "
                    "÷ crimes in the study area), <i>pai</i> (hit rate ÷ area share), <i>pei</i> (Predictive "
                    "Efficiency Index) and <i>rri</i> (Recapture Rate Index; empty without predicted counts)."))

    def check_parameters(self, parameters, context):
        hotspots = self.parameterAsSource(parameters, self.HOTSPOTS, context)
        if hotspots is None:  # QGIS's own checks refuse a missing layer; the run says why one cannot be opened
            return
        self._require_numeric_field(hotspots, self.SCORE_FIELD,
                                    self.parameterAsString(parameters, self.SCORE_FIELD, context))
        predicted_field = self.parameterAsString(parameters, self.PREDICTED_FIELD, context)
        if predicted_field:
            self._require_numeric_field(hotspots, self.PREDICTED_FIELD, predicted_field)

    def processAlgorithm(self, parameters, context, feedback):
        hotspots = source_of(self, parameters, self.HOTSPOTS, context)
        score_field = self.parameterAsString(parameters, self.SCORE_FIELD, context)
        predicted_field = (self.parameterAsString(parameters, self.PREDICTED_FIELD, context)
                           or _numeric_count_field(hotspots))
        crs = metric_crs(hotspots.sourceCrs(), hotspots.sourceExtent(), None, context, feedback)
        start, end = period_from_parameters(self, parameters, context)
        crimes = read_points(self, parameters, self.CRIMES, context, feedback, target_crs=crs,
                             time_expression=self.parameterAsExpression(parameters, self.TIME, context))
        crimes = restrict_to_period(crimes, start, end, feedback)

        polygons = self._measure_polygons(hotspots, score_field, predicted_field, crimes, crs, context, feedback)
        study = self._study_area(parameters, context, crs, crimes, polygons)
        table = self.run_core(concentration.accuracy_table, polygons.scores, polygons.areas,
                              [crimes_inside.size for crimes_inside in polygons.crimes], study,
                              polygons.predicted if predicted_field else None)

        rri = table["rri"] if table["rri"] is not None else np.full(table["k"].size, np.nan)
        rows = zip(table["k"], np.asarray(polygons.ids)[table["order"]], table["area_share"], table["hit_rate"],
                   table["pai"], table["pei"], rri)
        dest_id = self.write_table(parameters, context, self.OUTPUT, ACCURACY_FIELDS, rows)
        style_on_load(context, dest_id, "map_accuracy")
        last = min(table["k"].size, TOP_K_LOGGED) - 1
        feedback.pushInfo(self.tr("Top {}: {:.1%} of the crime in {:.2%} of the area, PAI {:.1f}.").format(
            last + 1, table["hit_rate"][last], table["area_share"][last], table["pai"][last]))
        return {self.OUTPUT: dest_id}

    def _measure_polygons(self, hotspots, score_field, predicted_field, crimes, crs, context, feedback):
        """The scored polygons of HOTSPOTS with an area in ``crs``, and the crimes inside each; those
        without a score or a geometry are left out, those without an area too (warned)."""
        transform = QgsCoordinateTransform(hotspots.sourceCrs(), crs, context.transformContext())
        polygons = MeasuredPolygons()
        no_area = 0
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
            predicted = feature[predicted_field] if predicted_field else None
            polygons.ids.append(feature.id())
            polygons.scores.append(float(score))
            polygons.predicted.append(float(predicted) if isinstance(predicted, (int, float)) else np.nan)
            polygons.areas.append(geometry.area())
            polygons.crimes.append(index.inside(geometry))
            feedback.setProgress(30 + 60 * number / total)
        if no_area:
            feedback.pushWarning(self.tr(
                "{} hotspot polygons have no area (degenerate outlines) and were left out: a hit rate per unit of "
                "area means nothing for them.").format(no_area))
        if not polygons.ids:
            raise QgsProcessingException(self.tr(
                "No hotspot polygon has a geometry with an area and a value in '{}'.").format(score_field))
        return polygons

    def _study_area(self, parameters, context, crs, crimes, polygons):
        """``(area, crimes)`` of STUDY_AREA, or of the polygons together without it."""
        area = read_area_mask(self, parameters, self.STUDY_AREA, context, crs)
        if area is None and parameters.get(self.STUDY_AREA):
            raise QgsProcessingException(self.tr(
                "STUDY_AREA has no polygon with a geometry, so it has no area to measure the map against. Give a "
                "layer with the study area's polygons, or leave STUDY_AREA empty to use the hotspots' own area."))
        if area is None:
            return concentration.cells_study_area(polygons.areas, polygons.crimes)
        return area[1].area(), int(points_inside(area, crimes.x, crimes.y).sum())

    def _require_numeric_field(self, source, name, field_name):
        """Refuse a field that is missing or not numeric, naming its type."""
        index = source.fields().lookupField(field_name)
        if index < 0:
            raise QgsProcessingException(self.tr("{} '{}' is not a field of HOTSPOTS (its fields: {}).").format(
                name, field_name, ", ".join(source.fields().names())))
        numeric_field = source.fields().at(index)
        if not numeric_field.isNumeric():
            kind = numeric_field.typeName() or self.tr("non-numeric")
            text = any(word in kind.lower() for word in ("str", "text", "char"))
            raise QgsProcessingException(self.tr(
                "{} '{}' is a {} field ({}), not a number, so the polygons cannot be ordered by it. Choose a numeric "
                "field (count, kde, gi_z…), or convert it with the Field calculator, e.g. to_real(\"{}\").").format(
                    name, field_name, self.tr("text") if text else self.tr("non-numeric"), kind, field_name))


def _numeric_count_field(source):
    """The field "count" when ``source`` has a numeric one (Rank patrol hotspots writes it), else None."""
    index = source.fields().lookupField("count")
    return "count" if index >= 0 and source.fields().at(index).isNumeric() else None
