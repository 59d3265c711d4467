"""hotspotpatrol:nearrepeat through Processing: the table is core's Knox table of the crimes read, month
data is refused, and the Chicago sample gives the default 4 x 4 table."""

import numpy as np
import pytest
from helpers import SAMPLE_DATA, SOUTHEND, Recording, point_layer
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingParameterDefinition

from hotspot_patrol.core.nearrepeat import knox_table

ALGORITHM = "hotspotpatrol:nearrepeat"
FIELDS = ["distance_from", "distance_to", "days_from", "days_to", "observed", "expected", "knox_ratio", "p_value"]


def crimes(seed=3, n=120):
    """``n`` crimes in British National Grid metres over 2 km, on dates (some with a time of day) in 2024;
    their day numbers are counted from 1970-01-01 by hand."""
    rng = np.random.default_rng(seed)
    x, y = rng.uniform(0, 2000, n), rng.uniform(0, 2000, n)
    day_of_year = rng.integers(0, 90, n)
    hours = rng.integers(0, 24, n)
    dates = [np.datetime64("2024-01-01") + int(d) for d in day_of_year]
    texts = [f"{date} {hour:02d}:30" for date, hour in zip(dates, hours)]
    layer = point_layer(list(zip(x, y)), fields=[("occurred", "text")], rows=[(text,) for text in texts])
    return layer, x, y, 19723 + day_of_year  # 2024-01-01 is day 19,723


def rows_of(layer):
    return [[feature[name] for name in FIELDS] for feature in layer.getFeatures()]


def test_parameters_outputs_and_group(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM)
    assert [p.name() for p in algorithm.parameterDefinitions()] == [
        "INPUT", "TIME", "START", "END", "DISTANCE_BANDS", "DAY_BANDS", "ITERATIONS", "SEED", "OUTPUT"]
    assert {o.name() for o in algorithm.outputDefinitions()} == {"OUTPUT", "PAIRS_CLOSE", "KNOX_RATIO_CLOSE",
                                                                 "P_VALUE_CLOSE"}
    assert algorithm.groupId() == "choose" and algorithm.displayName() == "Near-repeat test (Knox)"
    assert algorithm.parameterDefinition("ITERATIONS").defaultValue() == 999
    optional = QgsProcessingParameterDefinition.FlagOptional
    assert not algorithm.parameterDefinition("TIME").flags() & optional
    assert algorithm.parameterDefinition("START").flags() & optional


def test_the_table_is_cores_table_of_the_crimes(run):
    layer, x, y, days = crimes()
    feedback = Recording()
    result = run(ALGORITHM, {"INPUT": layer, "TIME": "occurred", "DISTANCE_BANDS": "0,200,400",
                             "DAY_BANDS": "0,5,10,20", "ITERATIONS": 99, "SEED": 4, "OUTPUT": "memory:"}, feedback)
    table = knox_table(x, y, days, [0, 200, 400], [0, 5, 10, 20], iterations=99, rng=4)
    rows = rows_of(result["OUTPUT"])
    assert [row[:5] for row in rows] == [
        [d0, d1, t0, t1, int(table.observed[a, b])] for a, (d0, d1) in enumerate([(0, 200), (200, 400)])
        for b, (t0, t1) in enumerate([(0, 5), (5, 10), (10, 20)])]
    assert np.allclose([row[5] for row in rows], table.expected.ravel())
    assert np.allclose([row[7] for row in rows], table.p_value.ravel())
    assert np.allclose([np.nan if row[6] is None else row[6] for row in rows], table.ratio.ravel(), equal_nan=True)
    assert sum(row[4] for row in rows) > 30
    assert result["PAIRS_CLOSE"] == table.observed[0, 0]
    assert result["KNOX_RATIO_CLOSE"] == pytest.approx(table.ratio[0, 0])
    assert result["P_VALUE_CLOSE"] == pytest.approx(table.p_value[0, 0])
    assert any(info.startswith("Crimes within 200 m and 5 days of another crime are") for info in feedback.infos)


def test_a_near_repeat_is_read_out_plainly(run):
    # Ten burglaries far apart, each followed two days later by one 50 m away: every close pair is a repeat.
    points, texts = [], []
    for k in range(10):
        points += [(k * 1000.0, 0.0), (k * 1000.0 + 50.0, 0.0)]
        texts += [f"2024-03-{1 + 3 * k:02d}", f"2024-03-{3 + 3 * k:02d}"]
    layer = point_layer(points, fields=[("occurred", "text")], rows=[(t,) for t in texts])
    feedback = Recording()
    result = run(ALGORITHM, {"INPUT": layer, "TIME": "occurred", "DISTANCE_BANDS": "0,150", "DAY_BANDS": "0,7",
                             "ITERATIONS": 99, "OUTPUT": "memory:"}, feedback)
    assert result["PAIRS_CLOSE"] == 10 and result["KNOX_RATIO_CLOSE"] > 2
    assert result["P_VALUE_CLOSE"] == pytest.approx(0.01)
    reading = [info for info in feedback.infos if info.startswith("Crimes within 150 m and 7 days")]
    assert reading and reading[0].endswith("p = 0.010 (the smallest 99 shuffles can give)).")


def test_month_data_is_refused(run):
    with pytest.raises(QgsProcessingException, match="needs crime times to the day, but these are known only to "
                                                     "the month"):
        run(ALGORITHM, {"INPUT": str(SOUTHEND), "TIME": "month", "ITERATIONS": 19, "OUTPUT": "memory:"})


@pytest.mark.parametrize("parameters, message", [
    ({"DISTANCE_BANDS": "0,300,150"}, "DISTANCE_BANDS: Band edges must increase"),
    ({"DAY_BANDS": "7"}, "DAY_BANDS: At least two band edges"),
    ({"DAY_BANDS": "0,3.5"}, "DAY_BANDS: Day band edges must be whole days"),
    ({"DISTANCE_BANDS": "0,a hundred"}, "DISTANCE_BANDS: The band edges '0,a hundred' cannot be read"),
])
def test_bad_bands_are_refused_before_the_run(provider, parameters, message):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
    layer = point_layer([(0, 0), (10, 0)], fields=[("occurred", "text")], rows=[("2024-01-01",), ("2024-01-02",)])
    valid, text = algorithm.checkParameterValues({"INPUT": layer, "TIME": "occurred", "OUTPUT": "memory:",
                                                  **parameters}, QgsProcessingContext())
    assert not valid and message in text


def test_fewer_than_two_crimes_in_the_period_are_refused(run):
    layer = point_layer([(0, 0), (10, 0)], fields=[("occurred", "text")], rows=[("2024-01-02",), ("2024-02-05",)])
    with pytest.raises(QgsProcessingException, match="compares pairs of crimes, but only 1 of them has a date in"):
        run(ALGORITHM, {"INPUT": layer, "TIME": "occurred", "END": "2024-01-15T00:00:00", "OUTPUT": "memory:"})


def test_the_chicago_sample_gives_the_default_table(run):
    result = run(ALGORITHM, {"INPUT": str(SAMPLE_DATA / "chicago_crimes_2024.gpkg"), "TIME": "date",
                             "ITERATIONS": 99, "OUTPUT": "memory:"})
    rows = rows_of(result["OUTPUT"])
    assert len(rows) == 16
    assert [row[:4] for row in rows[:5]] == [[0, 150, 0, 7], [0, 150, 7, 14], [0, 150, 14, 21], [0, 150, 21, 28],
                                             [150, 300, 0, 7]]
    assert all(row[4] >= 0 and row[5] > 0 and 0.01 <= row[7] <= 1 for row in rows)
    assert result["PAIRS_CLOSE"] == rows[0][4] > 0
