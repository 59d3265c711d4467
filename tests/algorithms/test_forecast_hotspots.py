"""hotspotpatrol:forecasthotspots through Processing: the cells, scores and ranks are core's forecast of the
crimes read (and a hand count), no crime at or after the start is used, month data limit the methods, and
best by backtest forecasts with the method Backtest hotspot forecasts finds best."""

import datetime

import numpy as np
import pytest
from helpers import SAMPLE_DATA, SOUTHEND, Recording, point_layer
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException

from hotspot_patrol.core import forecast, grid

ALGORITHM = "hotspotpatrol:forecasthotspots"
CHICAGO = SAMPLE_DATA / "chicago_crimes_2024.gpkg"
EPOCH = datetime.date(1970, 1, 1)
PARAMETER_OF_SETTING = {"window_days": "WINDOW_DAYS", "half_life_days": "HALF_LIFE_DAYS", "bandwidth": "BANDWIDTH",
                        "time_bandwidth_days": "TIME_BANDWIDTH_DAYS"}


def dated_layer(points, texts, weights=None):
    """Crimes in British National Grid metres with an ISO date (and time) text field ``occurred``."""
    if weights is None:
        return point_layer(points, fields=[("occurred", "text")], rows=[(text,) for text in texts])
    return point_layer(points, fields=[("occurred", "text"), ("harm", "double")],
                       rows=list(zip(texts, weights)))


def random_crimes(seed=5, n=300):
    """``n`` crimes over 1.5 km, dated over the first half of 2024, clustered so that counts tie and differ;
    their days since 1970-01-01 counted here with datetime."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0, 1500, (6, 2))
    which = rng.integers(0, 6, n)
    x = np.clip(centres[which, 0] + rng.normal(0, 120, n), 0, 1500)
    y = np.clip(centres[which, 1] + rng.normal(0, 120, n), 0, 1500)
    dates = [datetime.date(2024, 1, 1) + datetime.timedelta(days=int(d)) for d in rng.integers(0, 182, n)]
    return x, y, dates


def rows_of(layer):
    """The output's features in their order: (cell_id, row, col, score, rank)."""
    return [(f["cell_id"], f["row"], f["col"], f["score"], f["rank"]) for f in layer.getFeatures()]


def day(date):
    return float((date - EPOCH).days)


def expected_rows(method, x, y, t, start, horizon, settings, cell_size=150.0):
    """Core's forecast on the lattice of the points' box, written as the algorithm documents it: cells with a
    score above 0, highest first, ties by row then column."""
    col, row = grid.cells_in_extent(x.min(), y.min(), x.max(), y.max(), cell_size)
    result = forecast.forecast(method, x, y, t, start, forecast.Lattice(col, row, cell_size), horizon,
                               settings=settings)
    keys = sorted((-s, r, c) for s, r, c in zip(result.score, row, col) if s > 0)
    ids = grid.cell_ids([c for _, _, c in keys], [r for _, r, _ in keys], cell_size)
    return [(cell_id, int(r), int(c), -s, rank) for rank, (cell_id, (s, r, c)) in enumerate(zip(ids, keys), 1)]


def assert_same_rows(actual, expected):
    assert [row[:3] + row[4:] for row in actual] == [row[:3] + row[4:] for row in expected]
    assert np.allclose([row[3] for row in actual], [row[3] for row in expected], rtol=1e-12, atol=0)


def test_parameters_outputs_and_group(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM)
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names[:2] == ["INPUT", "TIME"] and {"FORECAST_START", "HORIZON_DAYS", "METHOD", "WINDOW_DAYS",
                                                "ORIGINS", "TOP_N", "OUTPUT"} <= set(names)
    assert {o.name() for o in algorithm.outputDefinitions()} == {"OUTPUT", "METHOD_USED", "SETTINGS", "CELLS"}
    assert algorithm.groupId() == "choose" and algorithm.displayName() == "Forecast hotspots"
    assert len(algorithm.parameterDefinition("METHOD").options()) == 6


def test_counts_are_cores_forecast_of_the_crimes_read(run):
    x, y, dates = random_crimes()
    layer = dated_layer(list(zip(x, y)), [d.isoformat() for d in dates])
    result = run(ALGORITHM, {"INPUT": layer, "TIME": "occurred", "METHOD": 0, "WINDOW_DAYS": 60,
                             "FORECAST_START": "2024-06-01", "HORIZON_DAYS": 14, "OUTPUT": "memory:"})
    t = np.array([day(d) for d in dates])
    start = day(datetime.date(2024, 6, 1))
    expected = expected_rows(forecast.COUNTS, x, y, t, start, 14, {"window_days": 60})
    actual = rows_of(result["OUTPUT"])
    assert_same_rows(actual, expected)
    assert result["CELLS"] == len(actual) > 10 and result["METHOD_USED"] == 0
    assert result["SETTINGS"] == "window_days=60"
    # Brute force: each cell's crimes in [start - 60, start) / 60 x 14; ties are really there and ordered.
    col, row = grid.cells_of_points(x, y, 150.0)
    recent = (t >= start - 60) & (t < start)
    counts = {}
    for c, r in zip(col[recent], row[recent]):
        counts[(int(r), int(c))] = counts.get((int(r), int(c)), 0) + 1
    assert {(r, c): s for _, r, c, s, _ in actual} == pytest.approx({k: n / 60 * 14 for k, n in counts.items()})
    scores = [s for _, _, _, s, _ in actual]
    assert len(set(scores)) < len(scores) and scores == sorted(scores, reverse=True)


def test_three_crimes_in_the_window_and_one_before_it_by_hand(run):
    # Cell (0, 0): 3 crimes in the 30 days before 1 March (one at 23:30 on the last day), 1 in January.
    # Cell (0, 3): one crime, before the window: it scores 0 and is not written.
    points = [(10.0, 10.0), (70.0, 20.0), (140.0, 140.0), (75.0, 75.0), (100.0, 500.0)]
    texts = ["2024-02-05", "2024-02-20 12:00", "2024-02-29 23:30", "2024-01-10", "2024-01-15"]
    result = run(ALGORITHM, {"INPUT": dated_layer(points, texts), "TIME": "occurred", "METHOD": 0,
                             "WINDOW_DAYS": 30, "HORIZON_DAYS": 7, "FORECAST_START": "2024-03-01",
                             "OUTPUT": "memory:"})
    assert rows_of(result["OUTPUT"]) == [("S150_0_0", 0, 0, pytest.approx(3 / 30 * 7), 1)]
    assert result["CELLS"] == 1


def test_weights_are_forecast_instead_of_crimes(run):
    points = [(10.0, 10.0), (70.0, 20.0), (200.0, 20.0), (220.0, 40.0)]
    texts = ["2024-02-05", "2024-02-20", "2024-02-21", "2024-02-22"]
    result = run(ALGORITHM, {"INPUT": dated_layer(points, texts, weights=[1.0, 5.0, 0.5, 0.5]), "TIME": "occurred",
                             "WEIGHT_FIELD": "harm", "METHOD": 0, "WINDOW_DAYS": 30, "HORIZON_DAYS": 10,
                             "FORECAST_START": "2024-03-01", "OUTPUT": "memory:"})
    # The 30-day window reaches back before the first crime (5 February): the rate is over its 25 days.
    assert rows_of(result["OUTPUT"]) == [("S150_0_0", 0, 0, pytest.approx(6 / 25 * 10), 1),
                                         ("S150_1_0", 0, 1, pytest.approx(1 / 25 * 10), 2)]


@pytest.mark.parametrize("method", [0, 1, 2, 3, 4])
def test_crimes_on_or_after_the_start_change_nothing(run, method):
    x, y, dates = random_crimes(seed=8, n=200)
    texts = [d.isoformat() for d in dates if d < datetime.date(2024, 5, 1)]
    points = [p for p, d in zip(zip(x, y), dates) if d < datetime.date(2024, 5, 1)]
    middle = tuple(np.mean(points, axis=0))
    # Later crimes inside the same box: at midnight and 00:01 on the start day, in the middle, and after.
    later = [(points[0], "2024-05-01"), (points[1], "2024-05-01 00:01"), (middle, "2024-05-03"),
             (points[2], "2024-06-20 18:00")] + [(points[3], "2024-05-02")] * 20
    parameters = {"TIME": "occurred", "METHOD": method, "FORECAST_START": "2024-05-01", "HORIZON_DAYS": 14,
                  "OUTPUT": "memory:"}
    before = run(ALGORITHM, {"INPUT": dated_layer(points, texts), **parameters})
    with_later = run(ALGORITHM, {"INPUT": dated_layer(points + [p for p, _ in later], texts + [t for _, t in later]),
                                 **parameters})
    assert before["CELLS"] > 0 and before["METHOD_USED"] == method
    assert_same_rows(rows_of(with_later["OUTPUT"]), rows_of(before["OUTPUT"]))


def test_the_default_start_is_the_day_after_the_last_crime(run):
    # The only crime of cell (5, 5) is on the last day: it is used by default, as with a start the day after.
    points = [(10.0, 10.0), (20.0, 20.0), (5 * 150 + 75.0, 5 * 150 + 75.0)]
    texts = ["2024-03-01", "2024-03-10", "2024-03-20 22:00"]
    layer = dated_layer(points, texts)
    common = {"INPUT": layer, "TIME": "occurred", "METHOD": 0, "WINDOW_DAYS": 28, "HORIZON_DAYS": 7,
              "OUTPUT": "memory:"}
    feedback = Recording()
    default = rows_of(run(ALGORITHM, common, feedback)["OUTPUT"])
    assert default == rows_of(run(ALGORITHM, {**common, "FORECAST_START": "2024-03-21"})["OUTPUT"])
    # The 28-day window reaches back before the first crime: the rate is over the 20 days from 1 March.
    assert ("S150_5_5", 5, 5, pytest.approx(7 / 20), 2) in default
    assert default[0] == ("S150_0_0", 0, 0, pytest.approx(2 * 7 / 20), 1)
    assert any("from 2024-03-21 for 7 days" in info for info in feedback.infos)
    on_the_last_day = rows_of(run(ALGORITHM, {**common, "FORECAST_START": "2024-03-20"})["OUTPUT"])
    assert [row[0] for row in on_the_last_day] == ["S150_0_0"]


@pytest.mark.parametrize("method", [3, 4])
def test_day_methods_refuse_month_data(run, method):
    with pytest.raises(QgsProcessingException, match="need crimes dated to the day, but these are known only to "
                                                     "the month"):
        run(ALGORITHM, {"INPUT": str(SOUTHEND), "TIME": "month", "METHOD": method, "OUTPUT": "memory:"})


def test_counts_on_month_data_use_whole_months(run):
    feedback = Recording()
    result = run(ALGORITHM, {"INPUT": str(SOUTHEND), "TIME": "month", "METHOD": 0, "WINDOW_DAYS": 91,
                             "HORIZON_DAYS": 28, "OUTPUT": "memory:"}, feedback)
    assert result["METHOD_USED"] == 0 and result["SETTINGS"] == "window_months=3"
    assert result["CELLS"] > 100
    text = "\n".join(feedback.infos)
    assert "known only to the month" in text and "whole months" in text
    # The data end in July 2018: the forecast is of August (31 days) from the crimes of May to July.
    assert "from 2018-08-01 for 31 days" in text
    default = run(ALGORITHM, {"INPUT": str(SOUTHEND), "TIME": "month", "METHOD": 0, "OUTPUT": "memory:"})
    assert default["SETTINGS"] == "window_months=12"


def test_settings_on_day_data_are_in_days(run):
    x, y, dates = random_crimes(n=50)
    result = run(ALGORITHM, {"INPUT": dated_layer(list(zip(x, y)), [d.isoformat() for d in dates]),
                             "TIME": "occurred", "OUTPUT": "memory:"})
    assert result["METHOD_USED"] == 0 and result["SETTINGS"] == "window_days=365"


def test_the_self_exciting_model_with_a_weight_is_refused_before_the_run(provider):
    layer = dated_layer([(0.0, 0.0), (10.0, 0.0)], ["2024-01-01", "2024-01-02"], weights=[1.0, 2.0])

    def check(method):
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
        return algorithm.checkParameterValues({"INPUT": layer, "TIME": "occurred", "WEIGHT_FIELD": "harm",
                                               "METHOD": method, "OUTPUT": "memory:"}, QgsProcessingContext())
    valid, message = check(4)
    assert not valid and "WEIGHT_FIELD: the self-exciting model counts crimes" in message
    assert check(0)[0] and check(3)[0]


def test_best_by_backtest_forecasts_with_the_backtests_winner(run):
    common = {"INPUT": str(CHICAGO), "TIME": "date", "CELL_SIZE": 150, "HORIZON_DAYS": 28, "ORIGINS": 3,
              "TOP_N": 20}
    feedback = Recording()
    best = run(ALGORITHM, {**common, "METHOD": 5, "FORECAST_START": "2024-12-01", "OUTPUT": "memory:"}, feedback)
    backtest = run("hotspotpatrol:backtesthotspots", {**common, "END": "2024-12-01", "OUTPUT": "memory:",
                                                      "OUTPUT_SUMMARY": "memory:"})
    assert best["METHOD_USED"] == backtest["BEST_METHOD"] and best["SETTINGS"] == backtest["BEST_SETTINGS"]
    assert any(info.startswith("Backtesting 19 methods and settings at 3 origins from 2024-09-08 to 2024-11-03")
               for info in feedback.infos)
    # The forecast is the winner's: the same as asking for that method and those settings.
    settings = dict(pair.split("=") for pair in best["SETTINGS"].split(", ") if pair)
    chosen = run(ALGORITHM, {**common, "METHOD": best["METHOD_USED"], "FORECAST_START": "2024-12-01",
                             "OUTPUT": "memory:", **{PARAMETER_OF_SETTING[k]: float(v) for k, v in settings.items()}})
    assert chosen["SETTINGS"] == best["SETTINGS"] and best["CELLS"] == chosen["CELLS"] > 0
    assert_same_rows(rows_of(best["OUTPUT"]), rows_of(chosen["OUTPUT"]))


def test_crimes_after_the_start_do_not_widen_the_area(run):
    points = [(75.0, 75.0), (140.0, 140.0), (100.0, 20.0)]
    texts = ["2024-02-05", "2024-02-20", "2024-02-25"]
    parameters = {"TIME": "occurred", "METHOD": 2, "BANDWIDTH": 400, "FORECAST_START": "2024-03-01",
                  "OUTPUT": "memory:"}
    before = rows_of(run(ALGORITHM, {"INPUT": dated_layer(points, texts), **parameters})["OUTPUT"])
    later = rows_of(run(ALGORITHM, {"INPUT": dated_layer(points + [(1500.0, 1500.0)], texts + ["2024-03-05"]),
                                    **parameters})["OUTPUT"])
    assert [row[0] for row in later] == [row[0] for row in before]


def test_a_window_longer_than_the_history_still_gives_expected_crimes(run):
    # A crime a day for the 60 days before 1 March: 28 expected in the next 28 days, whatever the window.
    texts = [(datetime.date(2024, 1, 1) + datetime.timedelta(days=d)).isoformat() for d in range(60)]
    layer = dated_layer([(75.0, 75.0)] * 60, texts)
    for window in (28, 0, 365):
        result = run(ALGORITHM, {"INPUT": layer, "TIME": "occurred", "METHOD": 0, "WINDOW_DAYS": window,
                                 "HORIZON_DAYS": 28, "OUTPUT": "memory:"})
        assert rows_of(result["OUTPUT"]) == [("S150_0_0", 0, 0, pytest.approx(28.0), 1)], window


def test_best_by_backtest_compares_on_the_horizons_the_history_holds(run):
    """Five months of history before 3 June: 4 horizons of 28 days fit, not the default 12; said in a warning."""
    feedback = Recording()
    result = run(ALGORITHM, {"INPUT": str(CHICAGO), "TIME": "date", "METHOD": 5, "FORECAST_START": "2024-06-03",
                             "OUTPUT": "memory:"}, feedback)
    assert result["METHOD_USED"] in range(5) and result["CELLS"] > 0
    assert any("Only 4 of the ORIGINS 12 backtest horizons fit" in w for w in feedback.warnings)
    with pytest.raises(QgsProcessingException, match="needs at least two horizons of 28 days"):
        run(ALGORITHM, {"INPUT": str(CHICAGO), "TIME": "date", "METHOD": 5, "FORECAST_START": "2024-01-20",
                        "OUTPUT": "memory:"})
