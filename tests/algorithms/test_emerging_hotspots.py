"""hotspotpatrol:emerginghotspots on constructed crimes with a known pattern."""

import pytest
from helpers import features_by, point_layer
from qgis.core import QgsApplication, QgsProcessingContext


def test_parameters_and_metadata(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:emerginghotspots")
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names[:8] == ["INPUT", "TIME", "STEP", "CELL_SIZE", "DISTANCE", "TIME_WINDOW", "START", "END"]
    assert "Mann" in algorithm.shortHelpString()


def test_a_flare_up_in_the_last_week_is_a_new_hot_spot(run):
    # 8 weeks; one crime a week in each of 81 cells; in the last week the centre 3 x 3 block gets 12 more.
    points, days = [], []
    for week in range(8):
        for col in range(9):
            for row in range(9):
                day = f"2024-01-{1 + 7 * week:02d}" if week < 5 else f"2024-02-{1 + 7 * (week - 5) + 4:02d}"
                crimes = 13 if (week == 7 and abs(col - 4) <= 1 and abs(row - 4) <= 1) else 1
                points += [(col * 150 + 75, row * 150 + 75)] * crimes
                days += [day] * crimes
    layer = point_layer(points, fields=[("day", "text")], rows=[(d,) for d in days])
    result = run("hotspotpatrol:emerginghotspots", {"INPUT": layer, "TIME": "day", "STEP": 1,
                                                    "OUTPUT": "memory:"})
    cells = features_by(result["OUTPUT"], "cell_id")
    assert result["STEPS"] == 8
    assert cells["S150_4_4"]["category"] == "New Hot Spot"
    assert cells["S150_4_4"]["hot_steps"] == 1 and cells["S150_4_4"]["steps"] == 8
    assert cells["S150_0_0"]["category"] == "No Pattern Detected"
    assert sum(f["count"] for f in cells.values()) == len(points)


@pytest.mark.parametrize("parameters, message", [
    ({"DISTANCE": float("nan")}, "DISTANCE must be a number of metres of 0 or more, not nan"),
    ({"CELL_SIZE": 0}, "CELL_SIZE must be more than 0"),
])
def test_distance_and_cell_size_are_checked_before_the_run(provider, parameters, message):
    def check(extra):
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:emerginghotspots")
        layer = point_layer([(0, 0)], fields=[("day", "text")], rows=[("2024-01-01",)])
        return algorithm.checkParameterValues({"INPUT": layer, "TIME": "day", "OUTPUT": "memory:", **extra},
                                              QgsProcessingContext())
    valid, text = check(parameters)
    assert not valid and message in text
    assert check({"DISTANCE": 300, "CELL_SIZE": 100})[0] and check({})[0]
