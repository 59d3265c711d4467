"""hotspotpatrol:gridcrimes: parameters, metadata and real runs."""

import numpy as np
import pytest
from helpers import SOUTHEND, Recording, features_by, point_layer, when
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)


def test_parameters(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:gridcrimes")
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names == ["INPUT", "CELL_SIZE", "SHAPE", "WEIGHT_FIELD", "TIME", "START", "END", "TIME_END", "TARGET_CRS",
                     "KEEP_EMPTY", "EXTENT", "OUTPUT"]
    assert algorithm.parameterDefinition("CELL_SIZE").defaultValue() == 150
    assert algorithm.parameterDefinition("KEEP_EMPTY").defaultValue() is False
    outputs = {o.name() for o in algorithm.outputDefinitions()}
    assert {"OUTPUT", "CRIMES_COUNTED", "SKIPPED_NULL_GEOMETRY", "SKIPPED_OUTSIDE_PERIOD",
            "SKIPPED_BAD_TIME", "CELLS", "TOP5_SHARE"} <= outputs


def test_metadata(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:gridcrimes")
    assert algorithm.displayName() == "Grid crimes into cells"
    assert algorithm.provider().name() == "Hotspot patrol"
    for word in ("cell_id", "cum_share", "TOP5_SHARE", "Ties"):
        assert word in algorithm.shortHelpString()
    assert not algorithm.icon().isNull()


def test_counts_cells_in_a_constructed_layer(run):
    layer = point_layer([(10, 10), (20, 20), (160, 10), [(170, 20), (30, 40)], None, (-5, -5)],
                        fields=[("harm", "double")], rows=[(1,), (2,), (10,), (1,), (3,), (None,)])
    result = run("hotspotpatrol:gridcrimes", {"INPUT": layer, "CELL_SIZE": 150, "OUTPUT": "memory:"})
    cells = features_by(result["OUTPUT"], "cell_id")
    # Multipoint parts count separately; the null geometry is skipped.
    assert {k: f["count"] for k, f in cells.items()} == {"S150_0_0": 3, "S150_1_0": 2, "S150_-1_-1": 1}
    assert cells["S150_0_0"]["rank"] == 1 and cells["S150_-1_-1"]["rank"] == 3
    assert cells["S150_1_0"]["share"] == pytest.approx(2 / 6)
    assert cells["S150_-1_-1"]["cum_share"] == pytest.approx(1.0)
    assert cells["S150_1_0"].geometry().boundingBox().toString(0) == "150,0 : 300,150"
    assert result["CRIMES_COUNTED"] == 6 and result["SKIPPED_NULL_GEOMETRY"] == 1

    weighted = run("hotspotpatrol:gridcrimes", {"INPUT": layer, "CELL_SIZE": 150, "WEIGHT_FIELD": "harm",
                                                "OUTPUT": "memory:"})
    cells = features_by(weighted["OUTPUT"], "cell_id")
    # The last crime has a null weight and is skipped; the multipoint's weight counts for each part.
    assert cells["S150_1_0"]["weight"] == 11 and cells["S150_1_0"]["rank"] == 1
    assert cells["S150_0_0"]["weight"] == 4
    assert weighted["SKIPPED_NULL_WEIGHT"] == 1


def test_time_window_is_half_open_and_bad_times_are_counted(run):
    layer = point_layer([(10, 10)] * 5, fields=[("reported", "text")],
                        rows=[("2024-05-01 00:00",), ("2024-05-31 23:59",), ("2024-06-01 00:00",),
                              ("nonsense",), (None,)])
    result = run("hotspotpatrol:gridcrimes", {
        "INPUT": layer, "TIME": "reported", "START": when(2024, 5, 1),
        "END": when(2024, 6, 1), "OUTPUT": "memory:"})
    assert result["CRIMES_COUNTED"] == 2
    assert result["SKIPPED_OUTSIDE_PERIOD"] == 1
    assert result["SKIPPED_BAD_TIME"] == 2


def test_time_expression(run):
    layer = point_layer([(10, 10), (10, 10)], fields=[("day", "text")], rows=[("17/05/2024",), ("18/05/2024",)])
    result = run("hotspotpatrol:gridcrimes", {
        "INPUT": layer, "TIME": "\"day\" || ' 10:00'", "START": when(2024, 5, 18),
        "OUTPUT": "memory:"})
    assert result["CRIMES_COUNTED"] == 1


def test_hexagons_and_keep_empty(run):
    layer = point_layer([(0, 0), (1000, 600)])
    result = run("hotspotpatrol:gridcrimes", {"INPUT": layer, "SHAPE": 1, "KEEP_EMPTY": True,
                                              "OUTPUT": "memory:"})
    cells = list(result["OUTPUT"].getFeatures())
    assert len(cells) > 20 and sum(f["count"] for f in cells) == 2
    assert all(f["cell_id"].startswith("H150_") for f in cells)
    assert cells[0].geometry().area() == pytest.approx(150 * 150)


def test_geographic_layer_in_great_britain_goes_to_british_national_grid(run):
    layer = point_layer([(0.71, 51.54), (0.7101, 51.5401)], crs="EPSG:4326")
    result = run("hotspotpatrol:gridcrimes", {"INPUT": layer, "OUTPUT": "memory:"})
    assert result["OUTPUT"].crs().authid() == "EPSG:27700"
    assert sum(f["count"] for f in result["OUTPUT"].getFeatures()) == 2


def test_geographic_layer_elsewhere_goes_to_the_utm_zone_of_its_median(run):
    # Paris, with one record at lon 20: the extent's centre would be in zone 33, the bulk is in 31.
    points = [(2.35 + 0.001 * k, 48.85) for k in range(20)] + [(20.0, 48.85)]
    result = run("hotspotpatrol:gridcrimes", {"INPUT": point_layer(points, crs="EPSG:4326"), "OUTPUT": "memory:"})
    assert result["OUTPUT"].crs().authid() == "EPSG:32631"


def test_a_layer_across_the_antimeridian_goes_to_its_own_utm_zone(run):
    # Fiji straddles 180°: the median longitude is about 179.9 (zone 60 south), not 0 (zone 31).
    points = [(179.8 + 0.02 * k, -17.8) for k in range(5)] + [(-179.9 - 0.02 * k, -17.8) for k in range(4)]
    result = run("hotspotpatrol:gridcrimes", {"INPUT": point_layer(points, crs="EPSG:4326"), "OUTPUT": "memory:"})
    assert result["OUTPUT"].crs().authid() == "EPSG:32760"
    assert sum(f["count"] for f in result["OUTPUT"].getFeatures()) == 9


def test_a_layer_without_a_crs_is_refused(run):
    layer = point_layer([(10.0, 10.0)], crs="")
    assert not layer.crs().isValid()
    with pytest.raises(QgsProcessingException, match="no valid CRS") as error:
        run("hotspotpatrol:gridcrimes", {"INPUT": layer, "OUTPUT": "memory:"})
    assert "Set the layer's CRS" in str(error.value)
    with pytest.raises(QgsProcessingException, match="no valid CRS"):
        run("hotspotpatrol:gridcrimes", {"INPUT": layer, "TARGET_CRS": "EPSG:27700", "OUTPUT": "memory:"})


def _southend_month(month, far_records=0):
    """One police.uk month of the Southend sample in WGS84, with records 400 km away if asked."""
    layer = QgsVectorLayer(str(SOUTHEND), "southend", "ogr")
    points = [(f.geometry().asPoint().x(), f.geometry().asPoint().y())
              for f in layer.getFeatures() if f["month"] == month]
    return point_layer(points + [(-4.18, 50.37)] * far_records, crs="EPSG:4326")


def test_months_and_far_records_keep_one_crs_and_the_same_cell_ids(run):
    feedback = Recording()
    runs = [run("hotspotpatrol:gridcrimes", {"INPUT": layer, "OUTPUT": "memory:"}, feedback)
            for layer in (_southend_month("2018-01"), _southend_month("2018-07"),
                          _southend_month("2018-07", far_records=3))]
    assert {result["OUTPUT"].crs().authid() for result in runs} == {"EPSG:27700"}
    july, july_with_far = ({f["cell_id"]: f["count"] for f in result["OUTPUT"].getFeatures()} for result in runs[1:])
    assert len(july_with_far) == len(july) + 1
    assert all(july_with_far[cell] == count for cell, count in july.items())
    assert set(_cells(runs[0])) & set(july)  # the two months share cells: the same places, the same ids
    warning = next(w for w in feedback.warnings if "outside the area" in w)
    assert warning.startswith("3 of ") and "lon -4.18 lat 50.37" in warning and "to the west" in warning


def _cells(result):
    return [f["cell_id"] for f in result["OUTPUT"].getFeatures()]


def test_sample_fast_and_slow_readers_agree(run, tmp_path):
    layer = QgsVectorLayer(str(SOUTHEND), "southend", "ogr")
    assert layer.isValid()
    fast = run("hotspotpatrol:gridcrimes", {"INPUT": str(SOUTHEND), "TIME": "month",
                                            "START": when(2018, 3, 1),
                                            "OUTPUT": str(tmp_path / "fast.gpkg")})
    # A selection forces QGIS's feature iterator instead of the Arrow fast path.
    layer.selectAll()
    QgsProject.instance().addMapLayer(layer)
    try:
        slow = run("hotspotpatrol:gridcrimes", {
            "INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True), "TIME": "month",
            "START": when(2018, 3, 1), "OUTPUT": "memory:"})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert fast["CRIMES_COUNTED"] == slow["CRIMES_COUNTED"] == 11314
    assert fast["SKIPPED_OUTSIDE_PERIOD"] == 14885 - 11314
    fast_cells = {f["cell_id"]: f["count"] for f in QgsVectorLayer(fast["OUTPUT"]).getFeatures()}
    slow_cells = {f["cell_id"]: f["count"] for f in slow["OUTPUT"].getFeatures()}
    assert fast_cells == slow_cells
    assert sum(fast_cells.values()) == 11314


@pytest.mark.parametrize("parameters, message", [
    ({"CELL_SIZE": 0}, "CELL_SIZE must be more than 0"),
    ({"WEIGHT_FIELD": "label"}, "not numeric"),
    ({"TIME": "reported", "START": when(2024, 2, 1), "END": when(2024, 1, 1)},
     "START .* is not before END"),
    ({"START": when(2024, 2, 1)}, "there is no TIME"),
    ({"CELL_SIZE": 0.001, "KEEP_EMPTY": True}, "limit is about 100 million"),
])
def test_bad_input_is_explained(run, parameters, message):
    layer = point_layer([(0, 0), (500, 500)], fields=[("label", "text"), ("reported", "text")],
                        rows=[("a", "2024-01-01"), ("b", "2024-01-02")])
    with pytest.raises(QgsProcessingException, match=message):
        run("hotspotpatrol:gridcrimes", {"INPUT": layer, "OUTPUT": "memory:", **parameters})
    assert layer.featureCount() == 2


def test_non_point_and_empty_layers_are_explained(run):
    polygons = QgsVectorLayer("Polygon?crs=EPSG:27700", "areas", "memory")
    with pytest.raises(QgsProcessingException, match="must be a point layer"):
        run("hotspotpatrol:gridcrimes", {"INPUT": polygons, "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="no points to work with"):
        run("hotspotpatrol:gridcrimes", {"INPUT": point_layer([None, None]), "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="no points to work with"):
        run("hotspotpatrol:gridcrimes", {"INPUT": point_layer([]), "OUTPUT": "memory:"})


def test_counts_equal_brute_force_on_random_points(run):
    rng = np.random.default_rng(5)
    xy = rng.normal(590000, 700, (3000, 2)).round(1)
    result = run("hotspotpatrol:gridcrimes", {"INPUT": point_layer([tuple(p) for p in xy]), "OUTPUT": "memory:"})
    expected = {}
    for x, y in xy:
        key = f"S150_{int(x // 150)}_{int(y // 150)}"
        expected[key] = expected.get(key, 0) + 1
    assert {f["cell_id"]: f["count"] for f in result["OUTPUT"].getFeatures()} == expected


@pytest.mark.parametrize("time", [None, "month"])
def test_plain_geopackage_takes_the_arrow_fast_path(run, monkeypatch, time):
    from hotspot_patrol.algorithms import reader

    def no_iterator(*args, **kwargs):
        raise AssertionError("the feature iterator was used")
    monkeypatch.setattr(reader, "read_with_iterator", no_iterator)
    parameters = {"INPUT": str(SOUTHEND), "OUTPUT": "memory:"}
    if time:
        parameters["TIME"] = time
    assert run("hotspotpatrol:gridcrimes", parameters)["CRIMES_COUNTED"] == 14885


def test_a_file_ogr_cannot_open_is_read_through_qgis(run, monkeypatch):
    """ogr.Open returns None, or raises once GDAL's exceptions are on (QGIS 3.40's Processing
    turns them on): either way the reader falls back to QGIS's feature iterator."""
    from hotspot_patrol.algorithms import arrow_reader

    def cannot_open(path):
        raise RuntimeError(f"{path}: not recognized as a supported file format")
    monkeypatch.setattr(arrow_reader.ogr, "Open", cannot_open)
    assert run("hotspotpatrol:gridcrimes", {"INPUT": str(SOUTHEND), "OUTPUT": "memory:"})["CRIMES_COUNTED"] == 14885


def test_layer_in_feet_goes_to_its_utm_zone(run):
    # Chicago's State Plane (US feet): 150 m cells must not become 150 ft cells.
    layer = point_layer([(1175476, 1873816), (1175476 + 3.28084 * 100, 1873816)], crs="EPSG:3435")
    result = run("hotspotpatrol:gridcrimes", {"INPUT": layer, "CELL_SIZE": 1000, "OUTPUT": "memory:"})
    assert result["OUTPUT"].crs().authid() == "EPSG:32616"
    cell = next(result["OUTPUT"].getFeatures())
    assert cell.geometry().area() == pytest.approx(1000 * 1000)


def test_target_crs_must_be_metric(run):
    with pytest.raises(QgsProcessingException, match="does not measure in metres"):
        run("hotspotpatrol:gridcrimes", {"INPUT": point_layer([(0, 0)]), "TARGET_CRS": "EPSG:4326",
                                         "OUTPUT": "memory:"})


def _check(parameters):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:gridcrimes")
    return algorithm.checkParameterValues({"INPUT": point_layer([(0, 0)]), "OUTPUT": "memory:", **parameters},
                                          QgsProcessingContext())


def test_cell_size_is_checked_before_the_run(provider):
    valid, message = _check({"CELL_SIZE": 0})
    assert not valid and "CELL_SIZE must be more than 0" in message
    assert _check({"CELL_SIZE": 100})[0]
