"""hotspotpatrol:backtesthotspots through Processing: a row per method, settings and origin with consistent
scores, origins where the documentation puts them, a winner that wins, known truths found on simulated crime,
month data limited to methods 0-2, a self-contained report and clear refusals."""

import datetime
import re

import numpy as np
import pytest
from helpers import SOUTHEND, Recording, point_layer
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException
from qgis.PyQt.QtCore import QDate

from hotspot_patrol.algorithms.forecast_data import method_names
from hotspot_patrol.core import backtest, grid

ALGORITHM = "hotspotpatrol:backtesthotspots"
ORIGIN_FIELDS = ["method", "settings", "origin", "crimes", "hits", "hit_rate", "pai", "pei", "rri", "stability"]
SUMMARY_FIELDS = ["method", "settings", "mean_hit_rate", "mean_pai", "mean_pei", "min_pei", "max_pei", "winner"]
FIRST_DAY = datetime.date(2024, 1, 1)
CELL = 150.0


def dated_layer(points, days):
    """Crimes in British National Grid metres, ``days`` after 2024-01-01, as ISO date text in ``occurred``."""
    texts = [(FIRST_DAY + datetime.timedelta(days=int(d))).isoformat() for d in days]
    return point_layer(list(points), fields=[("occurred", "text")], rows=[(text,) for text in texts])


def in_cells(rng, cells, n):
    """``n`` points uniformly inside the 150 m cells ``cells`` (a list of (col, row)), chosen at random."""
    chosen = np.asarray(cells)[rng.integers(0, len(cells), n)]
    return np.column_stack([(chosen[:, 0] + rng.uniform(0.05, 0.95, n)) * CELL,
                            (chosen[:, 1] + rng.uniform(0.05, 0.95, n)) * CELL])


def fixed_hotspots(seed=1, days=200):
    """Crime concentrated in 5 fixed cells of a 20 x 20 area (2 a day in all) plus noise everywhere (2 a day)."""
    rng = np.random.default_rng(seed)
    hot = [(3, 4), (10, 10), (15, 2), (6, 17), (18, 13)]
    everywhere = [(c, r) for c in range(20) for r in range(20)]
    n_hot, n_noise = rng.poisson(2 * days), rng.poisson(2 * days)
    points = np.vstack([in_cells(rng, hot, n_hot), in_cells(rng, everywhere, n_noise)])
    return points, rng.integers(0, days, n_hot + n_noise)


def moving_hotspots(seed=2, days=300, every=30):
    """Crime that moves: 5 new hot cells every ``every`` days (3 crimes a day among them), little noise."""
    rng = np.random.default_rng(seed)
    everywhere = [(c, r) for c in range(20) for r in range(20)]
    points, when = [], []
    for first in range(0, days, every):
        hot = [everywhere[k] for k in rng.choice(len(everywhere), 5, replace=False)]
        n = rng.poisson(3 * every)
        points.append(in_cells(rng, hot, n))
        when.append(rng.integers(first, first + every, n))
    n_noise = rng.poisson(0.5 * days)
    points.append(in_cells(rng, everywhere, n_noise))
    when.append(rng.integers(0, days, n_noise))
    return np.vstack(points), np.concatenate(when)


def table(layer):
    return [dict(zip(layer.fields().names(), feature.attributes())) for feature in layer.getFeatures()]


def value(v):
    """A table value as Python: NULL as None."""
    return None if v is None or (hasattr(v, "isNull") and v.isNull()) else v


def run_backtest(run, layer, feedback=None, **parameters):
    return run(ALGORITHM, {"INPUT": layer, "TIME": "occurred", "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:",
                           **parameters}, feedback)


def summary_by_candidate(result):
    return {(row["method"], row["settings"]): row for row in table(result["OUTPUT_SUMMARY"])}


def test_parameters_outputs_and_group(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM)
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names[:2] == ["INPUT", "TIME"] and {"METHODS", "ORIGINS", "HORIZON_DAYS", "TOP_N", "AREA_SHARE", "END",
                                                "OUTPUT", "OUTPUT_SUMMARY", "OUTPUT_REPORT"} <= set(names)
    assert {o.name() for o in algorithm.outputDefinitions()} >= {"BEST_METHOD", "BEST_SETTINGS",
                                                                 "BEST_MEAN_HIT_RATE", "BEST_MEAN_PEI"}
    assert algorithm.groupId() == "choose" and algorithm.displayName() == "Backtest hotspot forecasts"
    assert algorithm.parameterDefinition("METHODS").defaultValue() == [0, 1, 2, 3, 4]


def test_rows_scores_summary_and_winner_are_consistent(run):
    points, days = fixed_hotspots()
    result = run_backtest(run, dated_layer(points, days), METHODS=[0, 1, 2], ORIGINS=4, HORIZON_DAYS=14, TOP_N=8)
    rows, summary = table(result["OUTPUT"]), table(result["OUTPUT_SUMMARY"])
    assert result["OUTPUT"].fields().names() == ORIGIN_FIELDS
    assert result["OUTPUT_SUMMARY"].fields().names() == SUMMARY_FIELDS
    candidates = backtest.default_candidates([0, 1, 2])
    assert len(candidates) == 14 and len(rows) == 14 * 4 and len(summary) == 14
    assert [(r["method"], r["settings"]) for r in summary] == [(c.method, c.text) for c in candidates]
    # Origins 14 days apart, the last horizon ending the day after the last crime (day 199 + 1 = 200).
    origins = [FIRST_DAY + datetime.timedelta(days=d) for d in (144, 158, 172, 186)]
    assert [r["origin"] for r in rows[:4]] == [QDate(o.year, o.month, o.day) for o in origins]
    # The crimes of each horizon, counted here; hits never more; PEI* and stability in range.
    assert grid.cells_in_extent(*points.min(axis=0), *points.max(axis=0), CELL)[0].size == 400
    crimes_in = [int(np.count_nonzero((days >= d) & (days < d + 14))) for d in (144, 158, 172, 186)]
    for k, row in enumerate(rows):
        assert row["crimes"] == crimes_in[k % 4]
        assert 0 <= row["hits"] <= row["crimes"] and row["hit_rate"] == pytest.approx(row["hits"] / row["crimes"])
        assert 0 <= row["pei"] <= 1
        assert row["pai"] == pytest.approx(row["hit_rate"] / (8 / 400))
        assert (value(row["stability"]) is None) == (k % 4 == 0)
        assert k % 4 == 0 or 0 <= row["stability"] <= 1
    for entry in summary:
        peis = [r["pei"] for r in rows if (r["method"], r["settings"]) == (entry["method"], entry["settings"])]
        assert entry["mean_pei"] == pytest.approx(np.mean(peis))
        assert (entry["min_pei"], entry["max_pei"]) == (pytest.approx(min(peis)), pytest.approx(max(peis)))
    winners = [entry for entry in summary if entry["winner"]]
    assert len(winners) == 1 and winners[0]["mean_pei"] == max(entry["mean_pei"] for entry in summary)
    best = winners[0]
    assert (result["BEST_METHOD"], result["BEST_SETTINGS"]) == (best["method"], best["settings"])
    assert result["BEST_MEAN_PEI"] == pytest.approx(best["mean_pei"])
    assert result["BEST_MEAN_HIT_RATE"] == pytest.approx(best["mean_hit_rate"])


def test_fixed_hotspots_are_found(run):
    points, days = fixed_hotspots(seed=3)
    result = run_backtest(run, dated_layer(points, days), METHODS=[0, 1], ORIGINS=4, HORIZON_DAYS=14, TOP_N=5)
    assert result["BEST_MEAN_PEI"] > 0.8
    # Over all history the five cells stand out at every origin: every horizon's best five are chosen.
    all_history = summary_by_candidate(result)[(0, "window_days=0")]
    assert all_history["min_pei"] > 0.7


def test_when_hotspots_move_recent_crime_beats_all_history(run):
    points, days = moving_hotspots()
    result = run_backtest(run, dated_layer(points, days), METHODS=[0, 1], ORIGINS=4, HORIZON_DAYS=7, TOP_N=5)
    by_candidate = summary_by_candidate(result)
    all_history = by_candidate[(0, "window_days=0")]["mean_pei"]
    assert all_history < 0.3
    assert by_candidate[(0, "window_days=28")]["mean_pei"] > all_history + 0.2
    assert by_candidate[(1, "half_life_days=14")]["mean_pei"] > all_history + 0.2
    assert result["BEST_SETTINGS"] in ("window_days=28", "half_life_days=14", "half_life_days=30")


def test_origins_step_back_from_the_last_crime_or_from_end(run):
    # Crimes every day of April and May 2024 in two cells; the last on 31 May.
    days = np.arange(91, 152)
    assert FIRST_DAY + datetime.timedelta(days=151) == datetime.date(2024, 5, 31)
    points = [(75.0, 75.0) if d % 3 else (375.0, 75.0) for d in days]
    result = run_backtest(run, dated_layer(points, days), METHODS=[0], ORIGINS=3, HORIZON_DAYS=7, TOP_N=1)
    assert sorted({r["origin"] for r in table(result["OUTPUT"])}) == [QDate(2024, 5, 11), QDate(2024, 5, 18),
                                                                      QDate(2024, 5, 25)]
    assert result["OUTPUT"].fields().field("origin").typeName().lower() == "date"
    # With END on 20 May, crimes from it on are ignored, whatever they are.
    ended = run_backtest(run, dated_layer(points, days), METHODS=[0], ORIGINS=3, HORIZON_DAYS=7, TOP_N=1,
                         END="2024-05-20")
    assert sorted({r["origin"] for r in table(ended["OUTPUT"])}) == [QDate(2024, 4, 29), QDate(2024, 5, 6),
                                                                     QDate(2024, 5, 13)]
    last_horizon = [r for r in table(ended["OUTPUT"]) if r["origin"] == QDate(2024, 5, 13)]
    assert {r["crimes"] for r in last_horizon} == {7}
    later = np.arange(140, 152).repeat(5)  # 20 to 31 May, in the box of the others: in their cells and between
    more_points = points + [(75.0, 75.0), (375.0, 75.0), (225.0, 75.0)] * 20
    more = run_backtest(run, dated_layer(more_points, np.concatenate([days, later])), METHODS=[0], ORIGINS=3,
                        HORIZON_DAYS=7, TOP_N=1, END="2024-05-20")
    assert table(more["OUTPUT"]) == table(ended["OUTPUT"])


def test_crimes_after_end_do_not_widen_the_study_area(run):
    days = np.arange(91, 152)
    points = [(75.0, 75.0) if d % 3 else (375.0, 75.0) for d in days]
    parameters = {"METHODS": [0], "ORIGINS": 3, "HORIZON_DAYS": 7, "TOP_N": 1, "END": "2024-05-20"}
    ended = run_backtest(run, dated_layer(points, days), **parameters)
    later = np.arange(140, 152).repeat(5)  # 20 to 31 May, 2 km away
    more = run_backtest(run, dated_layer(points + [(2000.0, 2000.0)] * later.size, np.concatenate([days, later])),
                        **parameters)
    assert [r["pai"] for r in table(more["OUTPUT"])] == [r["pai"] for r in table(ended["OUTPUT"])]


def test_month_data_leave_out_the_day_methods(run):
    feedback = Recording()
    result = run(ALGORITHM, {"INPUT": str(SOUTHEND), "TIME": "month", "ORIGINS": 2, "OUTPUT": "memory:",
                             "OUTPUT_SUMMARY": "memory:"}, feedback)
    assert any("Prospective hotspotting and Self-exciting point process need crimes dated to the day: left out"
               in warning for warning in feedback.warnings)
    rows = table(result["OUTPUT"])
    assert {r["method"] for r in rows} == {0, 1, 2}
    assert all("days" not in r["settings"] and "months" in r["settings"] for r in rows)
    assert {r["origin"] for r in rows} == {QDate(2018, 6, 1), QDate(2018, 7, 1)}
    assert result["BEST_METHOD"] in (0, 1, 2)
    with pytest.raises(QgsProcessingException, match="need crimes dated to the day, but these are known only"):
        run(ALGORITHM, {"INPUT": str(SOUTHEND), "TIME": "month", "METHODS": [3, 4], "ORIGINS": 2,
                        "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"})


def test_the_report_is_one_offline_file_naming_the_winner(run, tmp_path):
    points, days = fixed_hotspots(seed=4, days=120)
    path = tmp_path / "backtest.html"
    result = run_backtest(run, dated_layer(points, days), METHODS=[0, 2], ORIGINS=3, HORIZON_DAYS=14, TOP_N=5,
                          OUTPUT_REPORT=str(path))
    assert result["OUTPUT_REPORT"] == str(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert re.findall(r"https?://[^'\"\s]*", text) == ["http://www.w3.org/2000/svg"]
    assert not re.search(r"<script|<link|<img|src=|url\(", text)
    name = method_names()[result["BEST_METHOD"]]
    assert f"On this data, {name} ({result['BEST_SETTINGS']}) would have caught the most crime" in text
    assert text.count("✔") == 1 and text.count("<polyline") == len(backtest.default_candidates([0, 2])) == 10


def test_no_methods_are_refused_before_the_run(provider):
    layer = dated_layer([(0.0, 0.0), (10.0, 0.0)], [0, 1])

    def check(methods):
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
        return algorithm.checkParameterValues({"INPUT": layer, "TIME": "occurred", "METHODS": methods,
                                               "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"},
                                              QgsProcessingContext())
    valid, message = check([])
    assert not valid and "METHODS" in message
    assert check([0])[0]


def test_too_many_origins_are_refused_plainly(run):
    # 30 days of crime: 2 origins of 28 days reach back before the first crime.
    layer = dated_layer([(75.0, 75.0), (375.0, 75.0)] * 15, np.arange(30))
    with pytest.raises(QgsProcessingException, match="ORIGINS: There is no crime before the first forecast "
                                                     "origin: use fewer origins or a shorter horizon"):
        run_backtest(run, layer, METHODS=[0], ORIGINS=2, HORIZON_DAYS=28)
    assert run_backtest(run, layer, METHODS=[0], ORIGINS=1, HORIZON_DAYS=28)["BEST_METHOD"] == 0
