"""hotspotpatrol:mapaccuracy: the PAI worked case through Processing."""

import numpy as np
import pytest
from helpers import point_layer, when
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)


def cells_layer(scores, counts=None):
    layer = QgsVectorLayer("Polygon?crs=EPSG:27700&field=score:double&field=count:integer", "cells", "memory")
    features = []
    for i, score in enumerate(scores):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(i * 150, 0, (i + 1) * 150, 150)))
        feature.setAttributes([score, None if counts is None else counts[i]])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_parameters_and_metadata(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:mapaccuracy")
    assert [p.name() for p in algorithm.parameterDefinitions()] == [
        "HOTSPOTS", "SCORE_FIELD", "PREDICTED_FIELD", "CRIMES", "TIME", "START", "END", "STUDY_AREA", "OUTPUT"]
    assert "Chainey" in algorithm.shortHelpString()


def test_worked_case(run):
    crimes = [(10, 10)] * 6 + [(160, 10)] * 3 + [(500, 10)]  # the last one is outside the study area
    result = run("hotspotpatrol:mapaccuracy", {"HOTSPOTS": cells_layer([3, 2, 1]), "SCORE_FIELD": "score",
                                               "CRIMES": point_layer(crimes), "OUTPUT": "memory:"})
    rows = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["k"])
    assert [f["pai"] for f in rows] == pytest.approx([2, 1.5, 1])
    assert [f["hit_rate"] for f in rows] == pytest.approx([6 / 9, 1, 1])
    assert [f["pei"] for f in rows] == pytest.approx([1, 1, 1])


def test_period_and_rri(run):
    crimes = point_layer([(10, 10), (10, 10), (160, 10), (160, 10)], fields=[("day", "text")],
                         rows=[("2024-01-05",), ("2024-02-05",), ("2024-02-06",), ("2024-02-07",)])
    result = run("hotspotpatrol:mapaccuracy", {
        "HOTSPOTS": cells_layer([2, 1], counts=[4, 2]), "SCORE_FIELD": "score", "CRIMES": crimes,
        "TIME": "day", "START": when(2024, 2, 1), "OUTPUT": "memory:"})
    first = next(f for f in result["OUTPUT"].getFeatures() if f["k"] == 1)
    assert first["hit_rate"] == pytest.approx(1 / 3)
    assert first["rri"] == pytest.approx((1 / 4) / (3 / 6))
    assert np.isclose(first["pai"], (1 / 3) / 0.5)


@pytest.fixture
def check(provider):
    """``check(parameters)``: checkParameterValues of a fresh mapaccuracy on a layer of scored cells."""
    hotspots = QgsVectorLayer("Polygon?crs=EPSG:27700&field=score:double&field=count:integer&field=label:string",
                              "cells", "memory")
    cell = QgsFeature(hotspots.fields())
    cell.setGeometry(QgsGeometry.fromRect(QgsRectangle(0, 0, 150, 150)))
    cell.setAttributes([3.0, 4, "top"])
    hotspots.dataProvider().addFeatures([cell])
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())

    def check_values(parameters):
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:mapaccuracy")
        return algorithm.checkParameterValues(
            {"HOTSPOTS": hotspots, "CRIMES": point_layer([(10, 10)]), "OUTPUT": "memory:", **parameters}, context)
    return check_values


@pytest.mark.parametrize("parameters, message", [
    ({"SCORE_FIELD": "label"}, "SCORE_FIELD 'label' is a text field"),
    ({"SCORE_FIELD": "rank"}, "SCORE_FIELD 'rank' is not a field of HOTSPOTS (its fields: score, count, label)"),
    ({"SCORE_FIELD": "score", "PREDICTED_FIELD": "label"}, "PREDICTED_FIELD 'label' is a text field"),
    ({"SCORE_FIELD": "score", "PREDICTED_FIELD": "forecast"}, "PREDICTED_FIELD 'forecast' is not a field of HOTSPOTS"),
])
def test_check_score_and_predicted_fields_are_numeric_fields_of_the_hotspots(check, parameters, message):
    valid, text = check(parameters)
    assert not valid and message in text


def test_check_accepts_numeric_fields(check):
    assert check({"SCORE_FIELD": "score"}) == (True, "")
    assert check({"SCORE_FIELD": "score", "PREDICTED_FIELD": "count"}) == (True, "")


def test_rri_only_with_a_predicted_count_for_every_polygon(run):
    crimes = point_layer([(10, 10), (160, 10), (160, 10)])
    complete = run("hotspotpatrol:mapaccuracy", {"HOTSPOTS": cells_layer([2, 1], counts=[1, 3]),
                                                 "SCORE_FIELD": "score", "CRIMES": crimes, "OUTPUT": "memory:"})
    assert [f["rri"] for f in sorted(complete["OUTPUT"].getFeatures(), key=lambda f: f["k"])] == pytest.approx(
        [(1 / 1) / (3 / 4), 1.0])
    partial = run("hotspotpatrol:mapaccuracy", {"HOTSPOTS": cells_layer([2, 1], counts=[1, None]),
                                                "SCORE_FIELD": "score", "CRIMES": crimes, "OUTPUT": "memory:"})
    assert [f["rri"] for f in partial["OUTPUT"].getFeatures()] == [None, None]
