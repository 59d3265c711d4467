"""Counting as the crimes are read (no crime held in memory) gives what reading them whole gives.

gridcrimes and rankhotspots stream a plain file layer in a metric CRS batch by batch
(reader.stream_cell_counts); the same crimes in a memory layer go through read_points and
the full lattice.  Every written cell and every result must agree.
"""

import numpy as np
import pytest
from helpers import Recording, point_layer
from osgeo import ogr, osr
from qgis.core import QgsProcessingException

from hotspot_patrol.algorithms import arrow_reader, reader
from hotspot_patrol.core import cell_tally

# Crime types; "Arson" and "Other" are not in the harm table of the tests.
CATEGORIES = ("Burglary", "Robbery", "Arson", "Violence", "Burglary", "Other", "Violence")


def _crimes(seed=4, n=6000):
    """Clustered crimes near Southend, with null geometries, null weights and three records 400 km away."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform((585_000, 182_000), (592_000, 188_000), (12, 2))
    xy = centres[rng.integers(0, 12, n)] + rng.normal(0, 250, (n, 2))
    xy[:3] = [(190_000, 60_000), (190_500, 60_000), (191_000, 61_000)]
    xy[[10, 20]] = np.nan
    weight = rng.gamma(1.5, 4.0, n).round(2)
    weight[[30, 40, 50]] = np.nan
    return xy, weight


def _write(path, xy, weight, epsg=27700):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("crimes", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("harm", ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("type", ogr.OFTString))
    dataset.StartTransaction()
    for number, ((x, y), w) in enumerate(zip(xy, weight)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("type", CATEGORIES[number % len(CATEGORIES)])
        if not np.isnan(x):
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(float(x), float(y))
            feature.SetGeometry(point)
        if not np.isnan(w):
            feature.SetField("harm", float(w))
        layer.CreateFeature(feature)
    dataset.CommitTransaction()
    dataset = None
    return str(path)


def _memory_copy(xy, weight):
    return point_layer([None if np.isnan(x) else (x, y) for x, y in xy], fields=[("harm", "double"), ("type", "text")],
                       rows=[[None if np.isnan(w) else float(w), CATEGORIES[number % len(CATEGORIES)]]
                             for number, w in enumerate(weight)])


@pytest.fixture
def streamed_only(monkeypatch):
    """Fail if a streamed run reads its crimes whole; read small batches and merge them often, as at national
    scale."""
    def whole(*args, **kwargs):
        raise AssertionError("the crimes were read whole")
    monkeypatch.setattr(arrow_reader, "BATCH_FEATURES", 97)
    monkeypatch.setattr(cell_tally, "_MERGE_ROWS", 50)
    return lambda module: monkeypatch.setattr(module, "read_points", whole)


def _rows(layer, columns):
    return sorted(tuple(feature[c] for c in columns) for feature in layer.getFeatures())


@pytest.mark.parametrize("weighted", [False, True])
def test_gridcrimes_streamed_equals_read_whole(run, tmp_path, streamed_only, weighted):
    from hotspot_patrol.algorithms import grid_crimes

    xy, weight = _crimes()
    path = _write(tmp_path / "crimes.gpkg", xy, weight)
    parameters = {"OUTPUT": "memory:", **({"WEIGHT_FIELD": "harm"} if weighted else {})}
    whole = run("hotspotpatrol:gridcrimes", {**parameters, "INPUT": _memory_copy(xy, weight)})
    streamed_only(grid_crimes)
    streamed = run("hotspotpatrol:gridcrimes", {**parameters, "INPUT": path})
    columns = ["cell_id", "row", "col", "count", "rank"]
    assert _rows(streamed["OUTPUT"], columns) == _rows(whole["OUTPUT"], columns)
    if weighted:  # summed batch by batch: equal to the last bits or so
        whole_weight = {f["cell_id"]: f["weight"] for f in whole["OUTPUT"].getFeatures()}
        for feature in streamed["OUTPUT"].getFeatures():
            assert feature["weight"] == pytest.approx(whole_weight[feature["cell_id"]], rel=1e-12)
    for name in ("CRIMES_COUNTED", "CELLS", "SKIPPED_NULL_GEOMETRY", "SKIPPED_NULL_WEIGHT"):
        assert streamed[name] == whole[name], name
    assert streamed["CRIMES_COUNTED"] == 6000 - 2 - (3 if weighted else 0)
    assert streamed["TOP5_SHARE"] == pytest.approx(whole["TOP5_SHARE"], rel=1e-12)


@pytest.mark.parametrize("rank_by, weighted", [(0, False), (1, True), (0, True)])
def test_rankhotspots_streamed_equals_the_full_lattice(run, tmp_path, streamed_only, rank_by, weighted):
    from hotspot_patrol.algorithms import rank_hotspots

    xy, weight = _crimes(seed=rank_by + 7)
    path = _write(tmp_path / "crimes.gpkg", xy, weight)
    parameters = {"OUTPUT": "memory:", "RANK_BY": rank_by, "TOP_N": 15, "SEPARATION": 300,
                  **({"WEIGHT_FIELD": "harm"} if weighted else {})}
    whole = run("hotspotpatrol:rankhotspots", {**parameters, "INPUT": _memory_copy(xy, weight)})
    streamed_only(rank_hotspots)
    streamed = run("hotspotpatrol:rankhotspots", {**parameters, "INPUT": path})
    exact = ["hotspot_id", "rank", "cell_id", "count", "gi_bin"]
    assert _rows(streamed["OUTPUT"], exact) == _rows(whole["OUTPUT"], exact)
    close = {f["hotspot_id"]: f for f in whole["OUTPUT"].getFeatures()}
    for feature in streamed["OUTPUT"].getFeatures():
        for name in ("weight", "share", "cum_share", "kde", "gi_z"):
            assert feature[name] == pytest.approx(close[feature["hotspot_id"]][name], rel=1e-9), name
    for name in ("HOTSPOTS", "CRIMES_COUNTED", "AREA_SHARE"):
        assert streamed[name] == whole[name], name
    for name in ("CRIME_SHARE", "GINI", "GENERALIZED_GINI"):
        assert streamed[name] == pytest.approx(whole[name], rel=1e-12), name


def test_rankhotspots_by_harm_streamed_equals_the_full_lattice(run, tmp_path, streamed_only):
    from hotspot_patrol.algorithms import rank_hotspots

    xy, weight = _crimes(seed=12)
    path = _write(tmp_path / "crimes.gpkg", xy, weight)
    harm_table = tmp_path / "harm.csv"
    harm_table.write_text("category,weight\nBurglary,40\nRobbery,365\nViolence,12.5\n", encoding="utf-8")
    parameters = {"OUTPUT": "memory:", "RANK_BY": 1, "TOP_N": 10, "CATEGORY_FIELD": "type",
                  "HARM_WEIGHTS": str(harm_table)}
    whole_feedback, streamed_feedback = Recording(), Recording()
    whole = run("hotspotpatrol:rankhotspots", {**parameters, "INPUT": _memory_copy(xy, weight)}, whole_feedback)
    streamed_only(rank_hotspots)
    streamed = run("hotspotpatrol:rankhotspots", {**parameters, "INPUT": path}, streamed_feedback)
    exact = ["hotspot_id", "rank", "cell_id", "count", "weight", "gi_bin"]
    assert _rows(streamed["OUTPUT"], exact) == _rows(whole["OUTPUT"], exact)
    for name in ("HOTSPOTS", "CRIMES_COUNTED", "AREA_SHARE"):
        assert streamed[name] == whole[name], name
    assert streamed["GINI"] == pytest.approx(whole["GINI"], rel=1e-12)
    skipped = [m for m in streamed_feedback.errors if "not in the harm table" in m]
    assert skipped == [m for m in whole_feedback.errors if "not in the harm table" in m]
    assert skipped and "Arson, Other" in skipped[0]
    # Crimes of unknown categories still mark the area and its far outliers (one of the three is Arson).
    far = [m for m in streamed_feedback.warnings if "outside the area" in m]
    assert far == [m for m in whole_feedback.warnings if "outside the area" in m]
    assert far and far[0].startswith("3 of 5,998 crimes")


def test_a_negative_weight_is_refused_as_when_read_whole(run, tmp_path, streamed_only):
    from hotspot_patrol.algorithms import grid_crimes

    xy, weight = _crimes(n=500)
    weight[[100, 200, 400]] = [-2.0, -0.5, -7.0]  # in different batches: counted and the smallest named in all
    path = _write(tmp_path / "crimes.gpkg", xy, weight)
    parameters = {"OUTPUT": "memory:", "WEIGHT_FIELD": "harm"}
    with pytest.raises(QgsProcessingException) as whole:
        run("hotspotpatrol:gridcrimes", {**parameters, "INPUT": _memory_copy(xy, weight)})
    streamed_only(grid_crimes)
    with pytest.raises(QgsProcessingException) as streamed:
        run("hotspotpatrol:gridcrimes", {**parameters, "INPUT": path})
    assert str(streamed.value) == str(whole.value)


def test_only_whole_layers_in_a_metric_crs_are_streamed(run, tmp_path, monkeypatch):
    """TARGET_CRS streams; EXTENT and a geographic layer (its CRS chosen by where the crimes lie) are read whole."""
    from hotspot_patrol.algorithms import grid_crimes

    xy, weight = _crimes(n=800)
    path = _write(tmp_path / "crimes.gpkg", xy, weight)
    streamed = []

    def spy(*args, **kwargs):
        streamed.append(reader.stream_cell_counts(*args, **kwargs))
        return streamed[-1]
    monkeypatch.setattr(grid_crimes, "stream_cell_counts", spy)
    run("hotspotpatrol:gridcrimes", {"INPUT": path, "OUTPUT": "memory:", "TARGET_CRS": "EPSG:32631"})
    assert streamed[-1] is not None and streamed[-1].crs.authid() == "EPSG:32631"
    whole = run("hotspotpatrol:gridcrimes",
                {"INPUT": path, "OUTPUT": "memory:", "EXTENT": "585000,593000,181000,189000"})
    assert len(streamed) == 1 and whole["SKIPPED_OUTSIDE_EXTENT"] == 3
    lon_lat = _write(tmp_path / "lon_lat.gpkg", np.array([(0.7, 51.55), (0.71, 51.55)]), np.ones(2), epsg=4326)
    assert run("hotspotpatrol:gridcrimes", {"INPUT": lon_lat, "OUTPUT": "memory:"})["CRIMES_COUNTED"] == 2
    assert len(streamed) == 2 and streamed[-1] is None


@pytest.mark.parametrize("parameters", [{}, {"WEIGHT_FIELD": "harm"}])
def test_an_empty_file_is_refused_clearly(run, tmp_path, parameters):
    path = _write(tmp_path / "crimes.gpkg", np.zeros((0, 2)), np.zeros(0))
    for algorithm in ("gridcrimes", "rankhotspots"):
        with pytest.raises(QgsProcessingException, match="no (crimes left|points) to"):
            run(f"hotspotpatrol:{algorithm}", {"INPUT": path, "OUTPUT": "memory:", **parameters})


class Progress(Recording):
    """Feedback that keeps every progress value set."""

    def __init__(self):
        super().__init__()
        self.values = []

    def setProgress(self, progress):  # noqa: N802 (QGIS's name)
        self.values.append(progress)
        super().setProgress(progress)


@pytest.mark.parametrize("algorithm", ["gridcrimes", "rankhotspots"])
def test_progress_only_moves_forward_while_streaming(run, tmp_path, streamed_only, algorithm):
    xy, weight = _crimes(n=3000)
    path = _write(tmp_path / "crimes.gpkg", xy, weight)
    feedback = Progress()
    run(f"hotspotpatrol:{algorithm}", {"INPUT": path, "OUTPUT": "memory:"}, feedback)
    values = feedback.values
    assert len(values) > 10 and values[-1] == pytest.approx(100.0)
    assert all(later >= earlier for earlier, later in zip(values, values[1:])), values
