"""Bounds on work ("No silent wrong answers", item 1): every request whose arrays would outgrow memory is
refused before they are built, with a message naming the value, the bound and the fix; requests inside
the bounds run. "Bounded" is asserted as a refusal (or a result) with a small peak of traced (numpy)
memory, never by timing.

Each of these asked for gigabytes to petabytes before the fix: a typo year with STEP=day (16 GiB),
years 0001 and 9999 (killed at 21 GB), Getis-Ord with DISTANCE=1e9 (1.26 PiB), CELL_SIZE=1e-9 (1,426
zero-area polygons; with empty cells, 10.4 TiB).
"""

import hashlib
import re
import shutil
import tracemalloc

import numpy as np
import pytest
from helpers import SAMPLE_DATA, point_layer
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtCore import QVariant

CHICAGO = "chicago_crimes_2024.gpkg"
SOUTHEND = "southend_street_crime_2018.gpkg"
SMALL = 400e6  # bytes of traced memory a refusal or a bounded run may peak at
X0, Y0 = 590000.0, 180000.0


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushWarning(self, warning):
        self.lines.append(warning)
        super().pushWarning(warning)

    def pushInfo(self, info):
        self.lines.append(info)
        super().pushInfo(info)

    def text(self):
        return "\n".join(self.lines)


def is_null(value):
    return value is None or (isinstance(value, QVariant) and value.isNull())


def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def traced(function):
    """``(result or exception, peak bytes)`` of ``function()`` under tracemalloc."""
    tracemalloc.start()
    try:
        try:
            outcome = function()
        except QgsProcessingException as error:
            outcome = error
        return outcome, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def chicago_with_dates(tmp_path, dates):
    """A copy of the Chicago sample whose first features get ``dates`` (text, as the sample writes them)."""
    path = tmp_path / CHICAGO
    shutil.copy(SAMPLE_DATA / CHICAGO, path)
    dataset = ogr.Open(str(path), 1)
    for fid, date in enumerate(dates, start=1):
        dataset.ExecuteSQL(f"UPDATE chicago_crimes SET date = '{date}' WHERE fid = {fid}")
    dataset = None
    return str(path)


def refused(run, algorithm, parameters, pattern, inputs=()):
    """Run, assert the refusal matches ``pattern`` with a small memory peak and unchanged inputs."""
    before = {path: sha256(path) for path in inputs}
    outcome, peak = traced(lambda: run(algorithm, parameters))
    assert isinstance(outcome, QgsProcessingException), outcome
    message = str(outcome)
    print(f"\n[{algorithm}] {message}")
    assert "Traceback" not in message and re.search(pattern, message), message
    assert peak < SMALL, f"peaked at {peak / 1e9:.2f} GB before refusing"
    assert {path: sha256(path) for path in inputs} == before
    return message


# --- emerginghotspots: time steps x cells ------------------------------------------------------------

@pytest.mark.parametrize("step", [0, 1, 2], ids=["day", "week", "month"])
def test_years_0001_and_9999_are_refused_before_the_cube(run, tmp_path, step):
    path = chicago_with_dates(tmp_path, ["01/05/0001 10:00:00 AM", "12/20/9999 10:00:00 PM"])
    message = refused(run, "hotspotpatrol:emerginghotspots", {"INPUT": path, "TIME": "date", "STEP": step,
                                                              "OUTPUT": "memory:"},
                      r"space-time cube would hold [\d,]+ bins.* from 0001-01-05 10:00:00 to 9999-12-20 22:00:00",
                      inputs=[path])
    assert "typo year" in message and "limit is 20,000,000 bins" in message


def test_a_typo_year_with_daily_steps_is_refused_naming_the_times(run, tmp_path):
    path = chicago_with_dates(tmp_path, ["02/10/2204 12:44:00 AM"])
    message = refused(run, "hotspotpatrol:emerginghotspots", {"INPUT": path, "TIME": "date", "STEP": 0,
                                                              "OUTPUT": "memory:"},
                      r"x 65,7\d\d time steps of one day from 2024-01-01 \d\d:\d\d:\d\d to 2204-02-10 00:44:00",
                      inputs=[path])
    assert "set the period's start and end to the period you mean" in message


def test_the_same_typo_is_fine_once_start_and_end_leave_it_out(run, tmp_path):
    path = chicago_with_dates(tmp_path, ["02/10/2204 12:44:00 AM"])
    result, peak = traced(lambda: run("hotspotpatrol:emerginghotspots", {
        "INPUT": path, "TIME": "date", "STEP": 1, "START": "2024-01-01T00:00:00", "END": "2025-01-01T00:00:00",
        "OUTPUT": "memory:"}))
    assert result["STEPS"] == 53 and peak < SMALL


def test_an_end_far_in_the_future_is_refused_naming_it(run, tmp_path):
    path = str(tmp_path / CHICAGO)
    shutil.copy(SAMPLE_DATA / CHICAGO, path)
    refused(run, "hotspotpatrol:emerginghotspots", {"INPUT": path, "TIME": "date", "STEP": 0,
                                                    "END": "9999-01-01T00:00:00", "OUTPUT": "memory:"},
            r"to 2024-12-31 23:11:00 \(END 9999-01-01 00:00:00\)", inputs=[path])


def grid_points(n_cells, n_days, spacing=150.0):
    """One crime in each of ``n_cells`` cells of a square block, on days spread over ``n_days``."""
    side = int(np.ceil(np.sqrt(n_cells)))
    points = [(X0 + (k % side) * spacing + 75, Y0 + (k // side) * spacing + 75) for k in range(n_cells)]
    days = [np.datetime64("2024-01-01") + np.timedelta64(k % n_days, "D") for k in range(n_cells)]
    days[-1] = np.datetime64("2024-01-01") + np.timedelta64(n_days - 1, "D")
    return point_layer(points, fields=(("day", "text"),), rows=[(str(d),) for d in days])


def test_a_distance_band_over_every_cell_is_refused_before_the_pairs(run):
    message = refused(run, "hotspotpatrol:emerginghotspots", {
        "INPUT": grid_points(3600, 300), "TIME": "day", "STEP": 0, "DISTANCE": 1e9, "OUTPUT": "memory:"},
        r"DISTANCE: A distance band of 1e\+09 m makes each of the 3,600 cells a neighbour of 3,600 cells on average")
    largest = float(message.split("at most ")[1].split(" m")[0])
    assert 150 <= largest < 1e9


def test_a_huge_time_window_is_the_whole_series(run):
    layer = grid_points(100, 60)
    whole, peak = traced(lambda: run("hotspotpatrol:emerginghotspots", {
        "INPUT": layer, "TIME": "day", "STEP": 1, "TIME_WINDOW": 10_000_000, "OUTPUT": "memory:"}))
    steps = run("hotspotpatrol:emerginghotspots", {"INPUT": layer, "TIME": "day", "STEP": 1,
                                                   "TIME_WINDOW": whole["STEPS"], "OUTPUT": "memory:"})
    assert peak < SMALL
    assert {f["cell_id"]: f["category"] for f in whole["OUTPUT"].getFeatures()} == {
        f["cell_id"]: f["category"] for f in steps["OUTPUT"].getFeatures()}


def test_a_distance_below_the_cell_size_classifies_nothing_and_says_so(run):
    log = Log()
    result = run("hotspotpatrol:emerginghotspots", {"INPUT": grid_points(100, 60), "TIME": "day", "STEP": 1,
                                                    "DISTANCE": 100, "OUTPUT": "memory:"}, feedback=log)
    cells = list(result["OUTPUT"].getFeatures())
    assert {f["category"] for f in cells} == {"No Pattern Detected"}
    assert all(f["hot_steps"] == f["cold_steps"] == 0 for f in cells)
    assert "100 of 100 cells have no neighbour within DISTANCE 100 m" in log.text()


# --- getisord: the distance band -------------------------------------------------------------------

@pytest.fixture(scope="module")
def southend_grid(provider, tmp_path_factory):
    import processing
    path = tmp_path_factory.mktemp("bounds") / SOUTHEND
    shutil.copy(SAMPLE_DATA / SOUTHEND, path)
    return processing.run("hotspotpatrol:gridcrimes", {"INPUT": str(path), "OUTPUT": "memory:"})["OUTPUT"]


def test_distance_1e9_on_the_grid_runs_in_bounded_memory(run, southend_grid):
    # Once 1.26 PiB: the lattice stencil of a 1e9 m band. Every cell now neighbours every other (944^2
    # pairs, through the KD-tree), so Gi* cannot single any out, and the log says so.
    log = Log()
    result, peak = traced(lambda: run("hotspotpatrol:getisord", {
        "INPUT": southend_grid, "FIELD": "count", "DISTANCE": 1e9, "OUTPUT": "memory:"}, feedback=log))
    assert peak < SMALL
    assert result["HOT_SPOTS"] == result["COLD_SPOTS"] == 0
    assert "No feature could be scored" in log.text()


def test_distance_below_the_cell_size_marks_no_hot_spot_and_warns(run, southend_grid):
    # Once 45 "hot spots" with no neighbour but themselves.
    log = Log()
    result = run("hotspotpatrol:getisord", {"INPUT": southend_grid, "FIELD": "count", "DISTANCE": 0.001,
                                            "OUTPUT": "memory:"}, feedback=log)
    n = southend_grid.featureCount()
    assert result["HOT_SPOTS"] == result["COLD_SPOTS"] == 0
    assert f"{n:,} of {n:,} features have no neighbour within DISTANCE 0.001 m" in log.text()
    features = list(result["OUTPUT"].getFeatures())
    assert {f["gi_bin"] for f in features} == {0}
    assert all(is_null(f["gi_z"]) and is_null(f["gi_p"]) for f in features)


def test_the_default_band_still_finds_hot_spots(run, southend_grid):
    result = run("hotspotpatrol:getisord", {"INPUT": southend_grid, "FIELD": "count", "OUTPUT": "memory:"})
    assert result["HOT_SPOTS"] > 0


def test_distance_1e9_on_many_points_is_refused_with_a_band_that_fits(run):
    rng = np.random.default_rng(3)
    xy = rng.uniform(0, 20000, (12000, 2)) + (X0, Y0)
    layer = point_layer([tuple(p) for p in xy.tolist()], fields=(("y", "double"),),
                        rows=[(float(v),) for v in rng.poisson(2, 12000)])
    message = refused(run, "hotspotpatrol:getisord", {"INPUT": layer, "FIELD": "y", "DISTANCE": 1e9,
                                                      "OUTPUT": "memory:"},
                      r"144,000,000 neighbour pairs, over the limit of 100,000,000")
    largest = float(message.split("at most ")[1].split(" m")[0])
    assert 1000 < largest < 30000


# --- CELL_SIZE and PIXEL_SIZE against the coordinates' precision -----------------------------------

def test_cell_size_1e9_writes_no_zero_area_polygon(run, tmp_path):
    path = str(tmp_path / SOUTHEND)
    shutil.copy(SAMPLE_DATA / SOUTHEND, path)
    refused(run, "hotspotpatrol:gridcrimes", {"INPUT": path, "CELL_SIZE": 1e-9, "OUTPUT": "memory:"},
            r"CELL_SIZE: Cells of 1e-09 m are too small.*Use cells of at least 0.01 m", inputs=[path])


@pytest.mark.parametrize("algorithm", ["gridcrimes", "rankhotspots"])
def test_tiny_cells_with_empty_cells_are_counted_before_they_are_made(run, tmp_path, algorithm):
    # rankhotspots keeps every cell of the extent: once an attempt at 10.4 TiB.
    path = str(tmp_path / SOUTHEND)
    shutil.copy(SAMPLE_DATA / SOUTHEND, path)
    refused(run, f"hotspotpatrol:{algorithm}", {"INPUT": path, "CELL_SIZE": 1e-9, "KEEP_EMPTY": True,
                                                "OUTPUT": "memory:"},
            r"cells of 1e-09 m; the limit is about 100 million", inputs=[path])


def test_the_relative_rule_for_far_coordinates(run):
    # 10^8 m from the origin, a float64 coordinate steps by about 1.5e-8 m: cells under 0.1 m are refused.
    far = point_layer([(1e8, 1e8), (1e8 + 5, 1e8 + 5)], crs="EPSG:3857")
    refused(run, "hotspotpatrol:gridcrimes", {"INPUT": far, "CELL_SIZE": 0.05, "OUTPUT": "memory:"},
            r"CELL_SIZE: Cells of 0.05 m are too small: with coordinates of up to 100,000,005 m.*at least 0.1 m")
    result = run("hotspotpatrol:gridcrimes", {"INPUT": far, "CELL_SIZE": 0.2, "OUTPUT": "memory:"})
    assert all(f.geometry().area() > 0 for f in result["OUTPUT"].getFeatures())


def test_the_smallest_cell_size_gives_cells_with_area(run):
    near = point_layer([(X0 + 0.001, Y0 + 0.001), (X0 + 0.5, Y0 + 0.5)])
    result = run("hotspotpatrol:gridcrimes", {"INPUT": near, "CELL_SIZE": 0.01, "OUTPUT": "memory:"})
    cells = list(result["OUTPUT"].getFeatures())
    assert len(cells) == 2 and all(f.geometry().area() == pytest.approx(1e-4, rel=1e-6) for f in cells)


def test_pixel_size_below_precision_is_refused(run, tmp_path):
    refused(run, "hotspotpatrol:kerneldensity", {"INPUT": point_layer([(X0, Y0)]), "RADIUS": 1e-6,
                                                 "PIXEL_SIZE": 1e-9, "OUTPUT": str(tmp_path / "d.tif")},
            r"PIXEL_SIZE: Pixels of 1e-09 m are too small")
    assert not (tmp_path / "d.tif").exists()
