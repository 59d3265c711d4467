"""hotspotpatrol:rankhotspots: ranking, SEPARATION, EXCLUDE, harm weights, ranking by a forecast and the
sample."""

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

from hotspot_patrol.algorithms.base import make_field
from hotspot_patrol.algorithms.cell_writer import cell_geometry
from hotspot_patrol.core import grid


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
            "FORECAST", "OUTPUT", "OUTPUT_CELLS"} <= names
    rank_by = algorithm.parameterDefinition("RANK_BY").options()
    assert len(rank_by) == 5 and rank_by[3] == "Gi* z-score" and "Forecast" in rank_by[4]
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
    feedback = Recording()
    result = run("hotspotpatrol:rankhotspots", {"INPUT": layer, "CATEGORY_FIELD": "kind", "HARM_WEIGHTS": str(harm),
                                                "RANK_BY": 1, "OUTPUT": "memory:"}, feedback=feedback)
    assert result["CRIMES_COUNTED"] == 2 and feedback.errors == [
        "1 crimes have a category that is not in the harm table and are skipped: Arson"]
    assert [f["weight"] for f in result["OUTPUT"].getFeatures()] == [425.0]


def forecast_layer(scores, cell_size=150.0, shape=grid.SQUARE, crs="EPSG:27700",
                   fields=(("cell_id", "text"), ("row", "int"), ("col", "int"), ("score", "double"))):
    """A memory layer as Forecast hotspots writes it: a polygon per cell of ``scores`` ({(col, row): score},
    in that order), with the ``fields`` it names (values for cell_id, row, col, score or rank; NULL otherwise)."""
    layer = QgsVectorLayer(f"Polygon?crs={crs}", "forecast", "memory")
    layer.dataProvider().addAttributes([make_field(name, kind) for name, kind in fields])
    layer.updateFields()
    features = []
    for number, ((col, row), score) in enumerate(scores.items()):
        values = {"cell_id": grid.cell_ids([col], [row], cell_size, shape)[0], "row": row, "col": col,
                  "score": score, "rank": number + 1}
        feature = QgsFeature(layer.fields())
        feature.setGeometry(cell_geometry(col, row, cell_size, shape))
        feature.setAttributes([values.get(name) for name, _ in fields])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def hotspot_ids(layer):
    return [f["cell_id"] for f in sorted(layer.getFeatures(), key=lambda f: f["hotspot_id"])]


def test_rank_by_forecast_follows_its_scores_not_the_counts(run):
    layer = crimes_in_cells({(0, 0): 9, (1, 0): 7, (5, 5): 5, (9, 9): 1})
    # (20, 20) lies outside the crimes' box: it cannot be chosen, though its score would place it third.
    forecast = forecast_layer({(9, 9): 4.0, (5, 5): 3.0, (20, 20): 2.5, (1, 0): 2.0, (0, 0): 1.0})
    feedback = Recording()
    result = run("hotspotpatrol:rankhotspots", {"INPUT": layer, "RANK_BY": 4, "FORECAST": forecast, "TOP_N": 3,
                                                "OUTPUT": "memory:", "OUTPUT_CELLS": "memory:"}, feedback=feedback)
    hotspots = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["hotspot_id"])
    assert [f["cell_id"] for f in hotspots] == ["S150_9_9", "S150_5_5", "S150_1_0"]
    assert [f["rank"] for f in hotspots] == [1, 2, 3] and [f["count"] for f in hotspots] == [1, 5, 7]
    assert result["CRIME_SHARE"] == pytest.approx(13 / 22) and result["CRIMES_COUNTED"] == 22
    # The cells the forecast does not list score 0 and follow, ties by count: (0, 0) is fourth.
    ranks = {f["cell_id"]: f["rank"] for f in result["OUTPUT_CELLS"].getFeatures()}
    assert len(ranks) == 100 and ranks["S150_0_0"] == 4
    assert "1 of FORECAST's 5 cells, holding 20.0% of its score, are not among this run's cells (outside the " \
           "crimes' box or STUDY_AREA): they cannot be chosen." in feedback.warnings
    assert "Ranking by FORECAST's score: it scores 4 of this run's 100 cells; the others score 0." in feedback.infos


def test_rank_by_forecast_keeps_separation_and_exclude(run):
    layer = crimes_in_cells({(0, 0): 1, (1, 0): 1, (2, 0): 1, (6, 0): 1})
    forecast = forecast_layer({(1, 0): 5.0, (0, 0): 4.0, (2, 0): 3.0, (6, 0): 1.0})
    parameters = {"INPUT": layer, "RANK_BY": 4, "FORECAST": forecast, "TOP_N": 3, "SEPARATION": 300,
                  "OUTPUT": "memory:"}
    # (0, 0) and (2, 0) are 150 m from the forecast's best cell (1, 0).
    assert hotspot_ids(run("hotspotpatrol:rankhotspots", parameters)["OUTPUT"]) == ["S150_1_0", "S150_6_0"]
    exclude = QgsVectorLayer("Polygon?crs=EPSG:27700", "park", "memory")
    park = QgsFeature()
    park.setGeometry(QgsGeometry.fromRect(QgsRectangle(150, 0, 300, 150)))
    exclude.dataProvider().addFeatures([park])
    result = run("hotspotpatrol:rankhotspots", {**parameters, "EXCLUDE": exclude})
    assert hotspot_ids(result["OUTPUT"]) == ["S150_0_0", "S150_2_0", "S150_6_0"]


def test_min_count_0_lets_the_forecast_choose_a_cell_without_crime(run):
    layer = crimes_in_cells({(0, 0): 3, (3, 0): 1})
    forecast = forecast_layer({(1, 0): 10.0, (0, 0): 1.0})
    parameters = {"INPUT": layer, "RANK_BY": 4, "FORECAST": forecast, "TOP_N": 3, "OUTPUT": "memory:"}
    result = run("hotspotpatrol:rankhotspots", {**parameters, "MIN_COUNT": 0})
    # After the forecast's cells, the unlisted ones tie at 0 and go by count: (3, 0) has the one crime.
    assert hotspot_ids(result["OUTPUT"]) == ["S150_1_0", "S150_0_0", "S150_3_0"]
    assert [f["count"] for f in sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["hotspot_id"])] == [0, 3, 1]
    result = run("hotspotpatrol:rankhotspots", {**parameters, "MIN_COUNT": 1})
    assert hotspot_ids(result["OUTPUT"]) == ["S150_0_0", "S150_3_0"]


def test_rank_by_forecast_on_hexagons(run):
    cells = {(0, 0): 4, (1, 1): 3, (2, 0): 2, (3, 1): 1}
    centres = [grid.cell_centres(col, row, 150.0, grid.HEXAGON) for (col, row), n in cells.items() for _ in range(n)]
    forecast = forecast_layer({(3, 1): 2.0, (2, 0): 1.0}, shape=grid.HEXAGON)
    result = run("hotspotpatrol:rankhotspots", {"INPUT": point_layer([(float(x), float(y)) for x, y in centres]),
                                                "SHAPE": 1, "RANK_BY": 4, "FORECAST": forecast, "TOP_N": 3,
                                                "OUTPUT": "memory:"})
    assert hotspot_ids(result["OUTPUT"]) == ["H150_3_1", "H150_2_0", "H150_0_0"]


def test_forecast_is_only_used_with_rank_by_forecast(run):
    layer = crimes_in_cells({(0, 0): 9, (1, 0): 7, (5, 5): 5})
    feedback = Recording()
    result = run("hotspotpatrol:rankhotspots", {"INPUT": layer, "FORECAST": forecast_layer({(5, 5): 9.0}),
                                                "TOP_N": 1, "OUTPUT": "memory:"}, feedback=feedback)
    assert hotspot_ids(result["OUTPUT"]) == ["S150_0_0"]
    assert "FORECAST is not used: it ranks the cells only with RANK_BY forecast (RANK_BY is count)." \
        in feedback.warnings


def test_check_ranking_by_forecast_needs_a_forecast(check):
    valid, message = check({"RANK_BY": 4})
    assert not valid and message == "RANK_BY forecast needs FORECAST, a Forecast hotspots output."
    assert check({"RANK_BY": 4, "FORECAST": forecast_layer({(0, 0): 1.0})}) == (True, "")


@pytest.mark.parametrize("forecast, message", [
    (lambda: forecast_layer({(0, 0): 1.0}, fields=(("id", "text"), ("score", "double"))),
     "FORECAST has no field 'cell_id': it must be a Forecast hotspots output, with the fields cell_id and score."),
    (lambda: forecast_layer({(0, 0): 1.0}, fields=(("cell_id", "text"), ("rank", "int"))),
     "FORECAST has no field 'score': it must be a Forecast hotspots output"),
    (lambda: forecast_layer({(0, 0): 1.0}, fields=(("cell_id", "text"), ("score", "text"))),
     "FORECAST's field score is not numeric"),
    (lambda: forecast_layer({(0, 0): 1.0}, cell_size=200.0, shape=grid.HEXAGON),
     "FORECAST was made with 200 m hexagons; set CELL_SIZE 200 and SHAPE hexagon, or forecast again with this "
     "run's cells (150 m squares)."),
    (lambda: forecast_layer({(0, 0): 1.0}, cell_size=100.0),
     "FORECAST was made with 100 m squares; set CELL_SIZE 100 and SHAPE square"),
    (lambda: forecast_layer({(0, 0): 1.0, (1, 0): -0.5}),
     "FORECAST: 1 cells of the forecast have a negative score (the smallest is S150_1_0: -0.5)"),
    (lambda: forecast_layer({(0, 0): 1.0, (1, 0): None}),
     "FORECAST: 1 cells of the forecast have no score, or one that is not a finite number (e.g. S150_1_0: nan)"),
    (lambda: forecast_layer({(0, 0): 1.0}, crs="EPSG:3857"),
     "FORECAST is in EPSG:3857 but this run works in EPSG:27700, so its cells are not this run's cells."),
], ids=["no cell_id", "no score", "text score", "other lattice", "other size", "negative", "null", "other CRS"])
def test_unusable_forecasts_are_refused_by_name(run, forecast, message):
    with pytest.raises(QgsProcessingException) as error:
        run("hotspotpatrol:rankhotspots", {"INPUT": crimes_in_cells({(0, 0): 2, (1, 0): 1}), "RANK_BY": 4,
                                           "FORECAST": forecast(), "OUTPUT": "memory:"})
    assert message in str(error.value)
