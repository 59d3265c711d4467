"""hotspotpatrol:rankhotspots: ranking, SEPARATION, EXCLUDE, harm weights and the sample."""

import numpy as np
import pytest
from helpers import SOUTHEND, Recording, point_layer
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)


class RecordingErrors(Recording):
    """Also keeps the errors an algorithm reports."""

    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS's names)
        self.errors.append(error)
        super().reportError(error, fatalError)


def crimes_in_cells(counts):
    """Crimes at cell centres of the 150 m grid: {(col, row): n}."""
    points = []
    for (col, row), n in counts.items():
        points += [(col * 150 + 75.0, row * 150 + 75.0)] * n
    return point_layer(points)


def test_parameters_and_metadata(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:rankhotspots")
    names = {p.name() for p in algorithm.parameterDefinitions()}
    assert {"INPUT", "CELL_SIZE", "SHAPE", "TIME", "START", "END", "TARGET_CRS", "WEIGHT_FIELD",
            "CATEGORY_FIELD", "HARM_WEIGHTS", "RANK_BY", "TOP_N", "MIN_COUNT", "SEPARATION", "EXCLUDE", "STUDY_AREA",
            "OUTPUT", "OUTPUT_CELLS"} <= names
    assert algorithm.parameterDefinition("TOP_N").defaultValue() == 20
    assert algorithm.parameterDefinition("MIN_COUNT").defaultValue() == 1
    assert "Bernasco" in algorithm.shortHelpString()


def test_top_cells_by_count_with_fields(run):
    layer = crimes_in_cells({(0, 0): 9, (1, 0): 7, (5, 5): 5, (9, 9): 1})
    result = run("hotspotpatrol:rankhotspots", {"INPUT": layer, "TOP_N": 3, "OUTPUT": "memory:",
                                                "OUTPUT_CELLS": "memory:"})
    hotspots = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["hotspot_id"])
    assert [f["cell_id"] for f in hotspots] == ["S150_0_0", "S150_1_0", "S150_5_5"]
    assert [f["count"] for f in hotspots] == [9, 7, 5]
    assert hotspots[2]["cum_share"] == pytest.approx(21 / 22)
    assert all(f["kde"] > 0 for f in hotspots)
    assert result["CRIME_SHARE"] == pytest.approx(21 / 22)
    cells = list(result["OUTPUT_CELLS"].getFeatures())
    assert len(cells) == 10 * 10  # every cell of the extent
    assert result["AREA_SHARE"] == pytest.approx(3 / 100)
    counts = [0] * 96 + [9, 7, 5, 1]
    assert result["GINI"] == pytest.approx(np.abs(np.subtract.outer(counts, counts)).mean() / (2 * np.mean(counts)))


def test_separation_skips_adjacent_cells(run):
    layer = crimes_in_cells({(0, 0): 9, (1, 0): 8, (2, 0): 7, (6, 0): 3})
    result = run("hotspotpatrol:rankhotspots", {"INPUT": layer, "TOP_N": 3, "SEPARATION": 300,
                                                "OUTPUT": "memory:"})
    # (1,0) is 150 m from (0,0): skipped; (2,0) is exactly 300 m away: allowed.
    assert sorted(f["cell_id"] for f in result["OUTPUT"].getFeatures()) == ["S150_0_0", "S150_2_0", "S150_6_0"]


def test_exclude_and_min_count(run):
    layer = crimes_in_cells({(0, 0): 9, (1, 0): 8, (2, 0): 1})
    exclude = QgsVectorLayer("Polygon?crs=EPSG:27700", "park", "memory")
    park = QgsFeature()
    park.setGeometry(QgsGeometry.fromRect(QgsRectangle(0, 0, 150, 150)))
    exclude.dataProvider().addFeatures([park])
    result = run("hotspotpatrol:rankhotspots", {"INPUT": layer, "TOP_N": 5, "EXCLUDE": exclude, "MIN_COUNT": 2,
                                                "OUTPUT": "memory:"})
    assert [f["cell_id"] for f in result["OUTPUT"].getFeatures()] == ["S150_1_0"]


def test_rank_by_gi_z_prefers_a_cluster_over_a_lone_peak(run):
    counts = {(0, 0): 12}
    counts.update({(c, r): 6 for c in range(10, 13) for r in range(10, 13)})
    result = run("hotspotpatrol:rankhotspots", {"INPUT": crimes_in_cells(counts), "TOP_N": 1, "RANK_BY": 3,
                                                "OUTPUT": "memory:"})
    top = next(result["OUTPUT"].getFeatures())
    assert top["cell_id"] == "S150_11_11" and top["gi_bin"] == 3


def test_harm_weights_on_the_sample(run, tmp_path):
    harm = tmp_path / "harm.csv"
    harm.write_text("# test weights\ncategory,weight\nViolence and sexual offences,100\nRobbery,365\n"
                    "Burglary,60\n")
    result = run("hotspotpatrol:rankhotspots", {"INPUT": str(SOUTHEND), "CATEGORY_FIELD": "crime_type",
                                                "HARM_WEIGHTS": str(harm), "RANK_BY": 1, "OUTPUT": "memory:"})
    hotspots = list(result["OUTPUT"].getFeatures())
    assert len(hotspots) == 20 and result["CRIMES_COUNTED"] == 4118 + 165 + 771
    weights = [f["weight"] for f in sorted(hotspots, key=lambda f: f["hotspot_id"])]
    assert weights == sorted(weights, reverse=True)
    assert 0 < result["GENERALIZED_GINI"] <= 1


def test_shipped_harm_table_covers_the_sample_and_weights_each_cell(run):
    """The shipped data.police.uk table names every crime type of the sample; a cell's weight is
    the sum of its crimes' weights, recomputed here from the gridded crimes."""
    import csv

    from helpers import SAMPLE_DATA
    table = SAMPLE_DATA / "harm_weights_police_uk.csv"
    weights = {row["category"]: float(row["weight"]) for row in csv.DictReader(
        line for line in table.read_text().splitlines() if not line.startswith("#"))}
    assert len(weights) == 14 and weights["Anti-social behaviour"] == 0
    result = run("hotspotpatrol:rankhotspots", {"INPUT": str(SOUTHEND), "CATEGORY_FIELD": "crime_type",
                                                "HARM_WEIGHTS": str(table), "RANK_BY": 1, "OUTPUT": "memory:"})
    assert result["CRIMES_COUNTED"] == 14885
    grid = run("hotspotpatrol:gridcrimes", {"INPUT": str(SOUTHEND), "CELL_SIZE": 150, "OUTPUT": "memory:"})
    points = run("native:joinattributesbylocation", {
        "INPUT": str(SOUTHEND), "JOIN": grid["OUTPUT"], "PREDICATE": [0], "JOIN_FIELDS": ["cell_id"],
        "METHOD": 1, "OUTPUT": "memory:"})["OUTPUT"]
    expected = {}
    for crime in points.getFeatures():
        expected[crime["cell_id"]] = expected.get(crime["cell_id"], 0.0) + weights[crime["crime_type"]]
    for hotspot in result["OUTPUT"].getFeatures():
        assert hotspot["weight"] == pytest.approx(expected[hotspot["cell_id"]], rel=1e-9)
    assert [f["rank"] for f in sorted(result["OUTPUT"].getFeatures(), key=lambda f: -f["weight"])] == list(range(1, 21))


def test_bad_input(run, tmp_path):
    layer = crimes_in_cells({(0, 0): 2})
    harm = tmp_path / "harm.csv"
    harm.write_text("kind,value\nRobbery,1\n")
    with pytest.raises(QgsProcessingException, match="go together"):
        run("hotspotpatrol:rankhotspots", {"INPUT": layer, "HARM_WEIGHTS": str(harm), "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="needs WEIGHT_FIELD"):
        run("hotspotpatrol:rankhotspots", {"INPUT": layer, "RANK_BY": 1, "OUTPUT": "memory:"})


@pytest.fixture
def check(provider):
    """``check(parameters)``: checkParameterValues of a fresh rankhotspots, on a small crime layer."""
    layer = point_layer([(75.0, 75.0)], fields=[("harm", "double"), ("kind", "text")], rows=[(1.0, "Robbery")])
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())

    def check_values(parameters):
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:rankhotspots")
        return algorithm.checkParameterValues({"INPUT": layer, "OUTPUT": "memory:", **parameters}, context)
    return check_values


@pytest.fixture
def harm_table(tmp_path):
    path = tmp_path / "harm.csv"
    path.write_text("category,weight\nRobbery,365\n")
    return str(path)


def test_check_weight_and_category_are_exclusive(check, harm_table):
    valid, message = check({"WEIGHT_FIELD": "harm", "CATEGORY_FIELD": "kind", "HARM_WEIGHTS": harm_table})
    assert not valid and "Give either WEIGHT_FIELD or CATEGORY_FIELD with HARM_WEIGHTS, not both" in message


@pytest.mark.parametrize("alone", ["CATEGORY_FIELD", "HARM_WEIGHTS"])
def test_check_category_and_harm_weights_go_together(check, harm_table, alone):
    valid, message = check({alone: {"CATEGORY_FIELD": "kind", "HARM_WEIGHTS": harm_table}[alone]})
    assert not valid and "CATEGORY_FIELD and HARM_WEIGHTS go together" in message


def test_check_ranking_by_weight_needs_a_weight(check):
    valid, message = check({"RANK_BY": 1})
    assert not valid and "RANK_BY weight needs WEIGHT_FIELD, or CATEGORY_FIELD with HARM_WEIGHTS" in message


def test_check_the_kernel_radius(check):
    valid, message = check({"RADIUS": 0})
    assert not valid and "RADIUS (the kernel density radius) must be more than 0 metres" in message


@pytest.mark.parametrize("weighting", ["field", "harm", "none"])
def test_check_accepts_valid_combinations(check, harm_table, weighting):
    parameters = {"field": {"WEIGHT_FIELD": "harm", "RANK_BY": 1},
                  "harm": {"CATEGORY_FIELD": "kind", "HARM_WEIGHTS": harm_table, "RANK_BY": 1},
                  "none": {"RANK_BY": 3}}[weighting]
    assert check(parameters) == (True, "")


def test_harm_table_errors_and_unknown_categories_reach_the_user(run, tmp_path):
    layer = point_layer([(75.0, 75.0), (75.0, 75.0), (225.0, 75.0)], fields=[("kind", "text")],
                        rows=[("Robbery",), (" Burglary ",), ("Arson",)])
    harm = tmp_path / "harm.csv"
    harm.write_text("category,weight\nRobbery,x\n")
    with pytest.raises(QgsProcessingException, match="row 2: 'x' is not a number"):
        run("hotspotpatrol:rankhotspots", {"INPUT": layer, "CATEGORY_FIELD": "kind", "HARM_WEIGHTS": str(harm),
                                           "OUTPUT": "memory:"})
    harm.write_text("category,weight\nRobbery,365\nBurglary,60\n")
    feedback = RecordingErrors()
    result = run("hotspotpatrol:rankhotspots", {"INPUT": layer, "CATEGORY_FIELD": "kind", "HARM_WEIGHTS": str(harm),
                                                "RANK_BY": 1, "OUTPUT": "memory:"}, feedback=feedback)
    assert result["CRIMES_COUNTED"] == 2 and feedback.errors == [
        "1 crimes have a category that is not in the harm table and are skipped: Arson"]
    assert [f["weight"] for f in result["OUTPUT"].getFeatures()] == [425.0]
