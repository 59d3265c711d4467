"""algorithms/cell_writer.py: every cell written whole and apart from the others, failures refused."""

import numpy as np
import pytest
from qgis.core import QgsFeatureSink, QgsField, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from hotspot_patrol.algorithms.cell_writer import CHUNK, write_cells
from hotspot_patrol.core.grid import HEXAGON, SQUARE, cell_outlines


def is_null(value):
    """True for a NULL attribute (None, or a null QVariant on older QGIS)."""
    return value is None or (isinstance(value, QVariant) and value.isNull())


def memory_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:27700", "cells", "memory")
    layer.dataProvider().addAttributes([QgsField("id", QVariant.Int), QgsField("share", QVariant.Double),
                                        QgsField("name", QVariant.String)])
    layer.updateFields()
    return layer


@pytest.mark.parametrize("shape", [SQUARE, HEXAGON])
def test_every_cell_keeps_its_own_polygon_and_values_across_chunks(shape):
    rng = np.random.default_rng(7)
    n = 2 * CHUNK + 17
    col, row = rng.integers(-3000, 3000, n), rng.integers(0, 9000, n)
    share = rng.random(n)
    share[::5] = np.nan
    layer = memory_layer()
    write_cells(layer.dataProvider(), col, row, 150.0, shape,
                [np.arange(n), share, lambda rows: [f"c{i}" for i in range(n)[rows]]], QgsProcessingFeedback())

    features = sorted(layer.getFeatures(), key=lambda feature: feature["id"])
    assert [feature["id"] for feature in features] == list(range(n))
    outlines = cell_outlines(col, row, 150.0, shape)
    for i, feature in enumerate(features):
        ring = np.array([(point.x(), point.y()) for point in feature.geometry().asPolygon()[0]])
        assert np.array_equal(ring, outlines[i])
        assert feature["name"] == f"c{i}"
        if np.isnan(share[i]):
            assert is_null(feature["share"])
        else:
            assert feature["share"] == share[i]


class RefusingSink(QgsFeatureSink):
    def addFeature(self, feature, flags=None):  # noqa: N802 (QGIS's name)
        return False

    def addFeatures(self, features, flags=None):  # noqa: N802 (QGIS's name)
        return False

    def lastError(self):  # noqa: N802 (QGIS's name)
        return "disk full"


def test_a_sink_that_refuses_a_cell_stops_the_run_with_its_error():
    with pytest.raises(QgsProcessingException, match="disk full"):
        write_cells(RefusingSink(), np.array([0, 1]), np.array([0, 0]), 150.0, SQUARE,
                    [np.array([1, 2]), np.array([0.5, 0.5]), lambda rows: ["a", "b"][rows]], QgsProcessingFeedback())


def test_cancelling_stops_before_the_next_chunk():
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    layer = memory_layer()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        write_cells(layer.dataProvider(), np.arange(3), np.zeros(3, dtype=int), 150.0, SQUARE,
                    [np.arange(3), np.ones(3), lambda rows: ["a", "b", "c"][rows]], feedback)
    assert layer.featureCount() == 0
