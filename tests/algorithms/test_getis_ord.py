"""hotspotpatrol:getisord: esda's published example, the lattice path and bad input."""

import numpy as np
import pytest
from helpers import Recording, features_by, point_layer
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsVectorLayer

ESDA_POINTS = [(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)]
ESDA_Y = [2, 3, 3.2, 5, 8, 7]
GI_STAR_Z = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331]
GI_Z = [-1.0136729, -0.04361589, 1.31558703, -0.31412676, 1.15373986, 1.77833941]


def esda_layer():
    return point_layer(ESDA_POINTS, fields=[("id", "int"), ("y", "double")],
                       rows=[(i, v) for i, v in enumerate(ESDA_Y)])


def test_parameters_and_metadata(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:getisord")
    assert [p.name() for p in algorithm.parameterDefinitions()] == [
        "INPUT", "FIELD", "DISTANCE", "STAR", "FDR", "TARGET_CRS", "OUTPUT"]
    assert algorithm.parameterDefinition("STAR").defaultValue() is True
    assert algorithm.parameterDefinition("FDR").defaultValue() is False
    assert algorithm.displayName() == "Hot spot analysis (Getis-Ord Gi*)"
    assert "Ord &amp; Getis" in algorithm.shortHelpString()


@pytest.mark.parametrize("star, expected", [(True, GI_STAR_Z), (False, GI_Z)])
def test_esda_example(run, star, expected):
    result = run("hotspotpatrol:getisord", {"INPUT": esda_layer(), "FIELD": "y", "DISTANCE": 15,
                                            "STAR": star, "OUTPUT": "memory:"})
    by_id = features_by(result["OUTPUT"], "id")
    z = [by_id[i]["gi_z"] for i in range(6)]
    assert np.allclose(z, expected, atol=1e-6)
    assert by_id[5]["y"] == 7 and by_id[5].geometry().asPoint().x() == 30
    assert by_id[5]["gi_bin"] == (2 if star else 1)


def test_default_distance_connects_every_feature(run):
    result = run("hotspotpatrol:getisord", {"INPUT": esda_layer(), "FIELD": "y", "OUTPUT": "memory:"})
    assert result["DISTANCE"] == pytest.approx(np.hypot(10, 10))  # (40, 10) to (30, 20)


def test_grid_cells_use_the_lattice_and_match_the_kd_tree(run):
    rng = np.random.default_rng(3)
    xy = rng.normal(590000, 600, (2000, 2))
    grid = run("hotspotpatrol:gridcrimes", {"INPUT": point_layer([tuple(p) for p in xy]),
                                            "KEEP_EMPTY": True, "OUTPUT": "memory:"})["OUTPUT"]
    lattice = run("hotspotpatrol:getisord", {"INPUT": grid, "FIELD": "count", "DISTANCE": 300,
                                             "OUTPUT": "memory:"})["OUTPUT"]
    # Without cell ids the same cells go through the KD-tree.
    centroids = run("native:centroids", {"INPUT": grid, "OUTPUT": "memory:"})["OUTPUT"]
    renamed = run("native:renametablefield", {"INPUT": centroids, "FIELD": "cell_id", "NEW_NAME": "name",
                                              "OUTPUT": "memory:"})["OUTPUT"]
    tree = run("hotspotpatrol:getisord", {"INPUT": renamed, "FIELD": "count", "DISTANCE": 300,
                                          "OUTPUT": "memory:"})["OUTPUT"]
    lattice_z = {f["cell_id"]: f["gi_z"] for f in lattice.getFeatures()}
    tree_z = {f["name"]: f["gi_z"] for f in tree.getFeatures()}
    assert lattice_z.keys() == tree_z.keys()
    assert np.allclose([lattice_z[k] for k in lattice_z], [tree_z[k] for k in lattice_z], atol=1e-9)


def test_bad_input(run):
    with pytest.raises(QgsProcessingException, match="at least two features"):
        run("hotspotpatrol:getisord", {"INPUT": point_layer([(0, 0)], fields=[("y", "double")], rows=[(1,)]),
                                       "FIELD": "y", "OUTPUT": "memory:"})
    layer = QgsVectorLayer("Point?crs=EPSG:27700&field=label:string", "x", "memory")
    with pytest.raises(QgsProcessingException):
        run("hotspotpatrol:getisord", {"INPUT": layer, "FIELD": "label", "OUTPUT": "memory:"})


def test_distance_is_checked_before_the_run(provider):
    def check(distance):
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:getisord")
        return algorithm.checkParameterValues({"INPUT": esda_layer(), "FIELD": "y", "DISTANCE": distance,
                                               "OUTPUT": "memory:"}, QgsProcessingContext())
    valid, message = check(float("nan"))
    assert not valid and "DISTANCE must be a number of metres of 0 or more, not nan" in message
    assert check(15)[0] and check(None)[0]


def test_only_cells_of_one_square_grid_in_their_own_crs_take_the_lattice(run):
    rng = np.random.default_rng(6)
    crimes = point_layer([tuple(p) for p in rng.normal(590000, 400, (500, 2))])

    def lattice_used(parameters):
        feedback = Recording()
        run("hotspotpatrol:getisord", {"FIELD": "count", "DISTANCE": 400, "OUTPUT": "memory:", **parameters},
            feedback)
        return any("lattice convolution" in info for info in feedback.infos)
    squares = run("hotspotpatrol:gridcrimes", {"INPUT": crimes, "OUTPUT": "memory:"})["OUTPUT"]
    hexagons = run("hotspotpatrol:gridcrimes", {"INPUT": crimes, "SHAPE": 1, "OUTPUT": "memory:"})["OUTPUT"]
    assert lattice_used({"INPUT": squares})
    assert not lattice_used({"INPUT": hexagons})
    assert not lattice_used({"INPUT": squares, "TARGET_CRS": "EPSG:32631"})
