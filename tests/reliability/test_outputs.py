"""Outputs never destroy inputs and never come as half a set ("No silent wrong answers", items 4 and 6,
and parts of 5 and 7).

* An output that is the file of an input is refused before anything is written, in every algorithm of
  the provider, whatever form the paths take (a layer, a layer name, ``|layername=``, an ``ogr:`` URI,
  a symlink, a Shapefile's .dbf), through processing.run, qgis_process, ``QgsProcessingAlgorithm.run``
  and a model; the input's sha256 is unchanged.
* Every output file is checked writable before the first is written: an unwritable one is refused
  naming its parameter, and no other output of that run exists afterwards.
* patrolplan refuses DAYS above 3,660 at once; evaluatepatrols and patroldosage refuse hotspots that are
  not polygons (patroldosage takes points with a BUFFER); a cancelled year's plan stops within a second
  and writes nothing.

Tests run as root, where a read-only folder can still be written: an unwritable path here is one whose
parent is a file, or a folder itself.
"""

import datetime
import hashlib
import os
import shutil
import time
import zipfile

import pytest
from helpers import _TYPES, SAMPLE_DATA, SOUTHEND, point_layer
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from hotspot_patrol.algorithms.base import HotspotAlgorithm
from hotspot_patrol.algorithms.output_files import write_text_file

BNG = "EPSG:27700"
X0, Y0 = 590000.0, 180000.0  # Southend-on-Sea in the British National Grid
INPUT_TYPES = {"source", "vector", "raster", "layer", "multilayer", "file"}


def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def copy_of(sample, tmp_path, name=None):
    path = tmp_path / (name or sample.name)
    shutil.copy(sample, path)
    return path


def hotspot_layer(n=3, geometry="Polygon", size=100.0, gap=400.0, x0=X0, y0=Y0, ids=None):
    """``n`` squares (or their centres, or a table) with hotspot_id and rank, ``gap`` metres apart."""
    layer = QgsVectorLayer(f"{geometry}?crs={BNG}" if geometry != "None" else "None", "hotspots", "memory")
    layer.dataProvider().addAttributes([QgsField("hotspot_id", _TYPES["text"]), QgsField("rank", _TYPES["int"])])
    layer.updateFields()
    features = []
    for k in range(n):
        feature = QgsFeature(layer.fields())
        square = QgsRectangle(x0 + k * gap, y0, x0 + k * gap + size, y0 + size)
        if geometry == "Polygon":
            feature.setGeometry(QgsGeometry.fromRect(square))
        elif geometry == "Point":
            feature.setGeometry(QgsGeometry.fromPointXY(square.center()))
        feature.setAttributes([ids[k] if ids else f"H{k + 1}", k + 1])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def hotspot_file(tmp_path, name="hotspots.gpkg", **options):
    """``hotspot_layer`` written to a GeoPackage in tmp_path."""
    import processing
    path = tmp_path / name
    processing.run("native:savefeatures", {"INPUT": hotspot_layer(**options), "OUTPUT": str(path)})
    return path


def plan_parameters(hotspots, **overrides):
    return {"HOTSPOTS": hotspots, "START_DATE": "2024-06-03", "DAYS": 7, "TIMEZONE": "Europe/London",
            "UNITS": 3, **overrides}


# --- 1. an output is never an input's file ---------------------------------------------------------

def destination_extension(definition):
    if definition.type() == "fileDestination":
        return definition.defaultFileExtension()
    return "tif" if definition.type() == "rasterDestination" else "gpkg"


def test_every_algorithm_refuses_every_output_that_is_an_input_file(provider, tmp_path):
    """Each pair (input parameter, file output) of each algorithm of the provider: the shared check
    refuses it, naming both parameters and the file."""
    context = QgsProcessingContext()
    pairs, algorithms = 0, set()
    for listed in provider.algorithms():
        if not isinstance(listed, HotspotAlgorithm):
            continue  # the ready-made model: its steps are ours (test_a_model_step_refuses_...)
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(listed.id())
        inputs = [d for d in algorithm.parameterDefinitions() if d.type() in INPUT_TYPES]
        assert inputs, algorithm.id()
        for source in inputs:
            for destination in algorithm.destinationParameterDefinitions():
                extension = destination_extension(destination)
                path = tmp_path / f"{algorithm.name()}_{source.name()}_{destination.name()}.{extension}"
                path.write_bytes(b"input data")
                value = [str(path)] if source.type() == "multilayer" else str(path)
                with pytest.raises(QgsProcessingException) as raised:
                    algorithm.check_outputs({source.name(): value, destination.name(): str(path)}, context)
                message = str(raised.value)
                assert source.name() in message and destination.name() in message and str(path) in message
                assert f"Choose another {destination.name()} file" in message
                assert path.read_bytes() == b"input data"
                pairs += 1
                algorithms.add(algorithm.name())
    assert algorithms == {"backtesthotspots", "briefingpack", "emerginghotspots", "evaluatepatrols",
                          "forecasthotspots", "getisord", "gridcrimes", "importpoliceuk", "kerneldensity",
                          "mapaccuracy", "nearrepeat", "patroldosage", "patrolplan", "rankhotspots",
                          "temporalprofile", "trialpower"} and pairs >= 40, (algorithms, pairs)


@pytest.fixture
def crimes_gpkg(tmp_path):
    return copy_of(SOUTHEND, tmp_path, "crimes.gpkg")


def project_context():
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return context


def refused_by_check(parameters, message=r"OUTPUT is the file of the input INPUT"):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:gridcrimes")
    with pytest.raises(QgsProcessingException, match=message):
        algorithm.check_outputs(parameters, project_context())


def test_every_form_of_the_same_file_is_recognised(provider, crimes_gpkg, tmp_path):
    path = str(crimes_gpkg)
    link = tmp_path / "link.gpkg"
    link.symlink_to(crimes_gpkg)
    for output in (path, f"{path}|layername=grid", f"ogr:dbname='{path}' table=\"grid\" (geom)",
                   QgsProcessingOutputLayerDefinition(path), str(crimes_gpkg.with_suffix("")),
                   os.path.relpath(path), str(link)):
        refused_by_check({"INPUT": path, "OUTPUT": output})
    layer = QgsVectorLayer(path, "crimes in the project", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        for source in (f"{path}|layername=southend_street_crime_2018", QgsVectorLayer(path, "crimes", "ogr"),
                       QgsProcessingFeatureSourceDefinition(path), layer.id(), layer.name(), str(link)):
            refused_by_check({"INPUT": source, "OUTPUT": path})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_shapefile_is_all_its_files_and_a_delimited_text_layer_is_its_csv(provider, tmp_path):
    import processing
    shapefile = tmp_path / "crimes.shp"
    processing.run("native:savefeatures", {"INPUT": point_layer([(X0, Y0)]), "OUTPUT": str(shapefile)})
    refused_by_check({"INPUT": str(shapefile), "OUTPUT": str(tmp_path / "crimes.dbf")})
    table = tmp_path / "crimes.csv"
    table.write_text("x,y\n590000,180000\n")
    text_layer = QgsVectorLayer(f"file://{table}?type=csv&xField=x&yField=y&crs={BNG}", "csv", "delimitedtext")
    assert text_layer.isValid()
    refused_by_check({"INPUT": text_layer, "OUTPUT": str(table)})


def test_other_files_memory_and_temporary_outputs_pass(provider, crimes_gpkg, tmp_path):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:gridcrimes")
    context = project_context()
    for output in (str(tmp_path / "grid.gpkg"), "memory:", "TEMPORARY_OUTPUT", None,
                   f"ogr:dbname='{tmp_path / 'other.gpkg'}' table=\"grid\" (geom)"):
        algorithm.check_outputs({"INPUT": str(crimes_gpkg), "OUTPUT": output}, context)
    algorithm.check_outputs({"INPUT": point_layer([(X0, Y0)]), "OUTPUT": str(tmp_path / "g.gpkg")}, context)


def test_processing_run_refuses_before_writing(run, crimes_gpkg):
    before = sha256(crimes_gpkg)
    with pytest.raises(QgsProcessingException) as raised:
        run("hotspotpatrol:gridcrimes", {"INPUT": str(crimes_gpkg), "OUTPUT": str(crimes_gpkg)})
    message = str(raised.value)
    assert "OUTPUT is the file of the input INPUT" in message and str(crimes_gpkg) in message
    assert "Choose another OUTPUT file" in message and "Traceback" not in message
    assert sha256(crimes_gpkg) == before


def test_algorithm_run_without_the_dialog_checks_refuses_too(provider, crimes_gpkg):
    """QgsProcessingAlgorithm.run (as a model step or a plugin calls it) skips checkParameterValues:
    prepareAlgorithm refuses."""
    before = sha256(crimes_gpkg)
    feedback = Errors()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:gridcrimes")
    results, ok = algorithm.run({"INPUT": str(crimes_gpkg), "OUTPUT": str(crimes_gpkg)}, QgsProcessingContext(),
                                feedback)
    assert not ok and not results
    assert any("OUTPUT is the file of the input INPUT" in error for error in feedback.errors), feedback.errors
    assert sha256(crimes_gpkg) == before


def test_qgis_process_refuses(qgis_process, crimes_gpkg):
    before = sha256(crimes_gpkg)
    finished = qgis_process("run", "hotspotpatrol:gridcrimes", "--", f"INPUT={crimes_gpkg}", f"OUTPUT={crimes_gpkg}")
    assert finished.returncode != 0
    assert "OUTPUT is the file of the input INPUT" in finished.stdout + finished.stderr
    assert sha256(crimes_gpkg) == before


class Errors(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatal_error=False):  # noqa: N802 (QGIS's name)
        self.errors.append(error)
        super().reportError(error, fatal_error)


def test_a_model_step_refuses_an_output_over_the_models_input(run, tmp_path):
    crimes = copy_of(SAMPLE_DATA / "chicago_crimes_2024.gpkg", tmp_path, "crimes.gpkg")
    before = sha256(crimes)
    feedback = Errors()
    with pytest.raises(QgsProcessingException):
        run("hotspotpatrol:hotspotpatrolplan", {
            "CRIMES": str(crimes), "TIME": "date", "TOP_N": 3, "START_DATE": "2024-06-03", "DAYS": 3,
            "TIMEZONE": "America/Chicago", "rank:HOTSPOTS": str(crimes), "plan:VISITS": str(tmp_path / "v.gpkg"),
            "density:DENSITY": str(tmp_path / "density.tif")}, feedback=feedback)
    assert any("OUTPUT is the file of the input INPUT" in error for error in feedback.errors), feedback.errors
    assert sha256(crimes) == before


def test_file_inputs_count_too_and_a_folder_input_holds_its_files(run, tmp_path):
    harm = copy_of(SAMPLE_DATA / "harm_weights_police_uk.csv", tmp_path)
    crimes = copy_of(SOUTHEND, tmp_path, "crimes.gpkg")
    folder = tmp_path / "download" / "2018-05"
    folder.mkdir(parents=True)
    street = folder / "2018-05-essex-street.csv"
    with zipfile.ZipFile(SAMPLE_DATA / "police_uk_southend_sample.zip") as archive:
        name = next(n for n in archive.namelist() if n.endswith("-street.csv"))
        street.write_bytes(archive.read(name))
    before = {path: sha256(path) for path in (harm, crimes, street)}
    with pytest.raises(QgsProcessingException, match="OUTPUT_CELLS is the file of the input HARM_WEIGHTS"):
        run("hotspotpatrol:rankhotspots", {"INPUT": str(crimes), "CATEGORY_FIELD": "crime_type",
                                           "HARM_WEIGHTS": str(harm), "RANK_BY": 1, "OUTPUT": "memory:",
                                           "OUTPUT_CELLS": str(harm)})
    with pytest.raises(QgsProcessingException, match="is a file in the input folder INPUT"):
        run("hotspotpatrol:importpoliceuk", {"INPUT": str(tmp_path / "download"), "OUTPUT": str(street)})
    assert {path: sha256(path) for path in before} == before
    # A new file in the input folder is no input: the import writes it.
    result = run("hotspotpatrol:importpoliceuk", {"INPUT": str(tmp_path / "download"),
                                                  "OUTPUT": str(tmp_path / "download" / "crimes.gpkg")})
    assert QgsVectorLayer(result["OUTPUT"]).featureCount() > 0 and sha256(street) == before[street]


def test_patrolplan_refuses_its_calendar_over_the_hotspots(run, tmp_path):
    hotspots = hotspot_file(tmp_path)
    before = sha256(hotspots)
    with pytest.raises(QgsProcessingException, match="OUTPUT_ICS is the file of the input HOTSPOTS"):
        run("hotspotpatrol:patrolplan", plan_parameters(str(hotspots), OUTPUT=str(tmp_path / "visits.gpkg"),
                                                        OUTPUT_ICS=str(hotspots)))
    assert sha256(hotspots) == before and not (tmp_path / "visits.gpkg").exists()


def test_two_outputs_in_one_file_are_refused_unless_they_are_two_layers(run, tmp_path):
    hotspots = hotspot_layer()
    same = str(tmp_path / "plan.txt")
    with pytest.raises(QgsProcessingException, match="OUTPUT_ICS and OUTPUT_CSV are the same file"):
        run("hotspotpatrol:patrolplan", plan_parameters(hotspots, OUTPUT="memory:", OUTPUT_ICS=same, OUTPUT_CSV=same))
    with pytest.raises(QgsProcessingException, match="OUTPUT and OUTPUT_ROUTES are the same file"):
        run("hotspotpatrol:patrolplan", plan_parameters(hotspots, OUTPUT=str(tmp_path / "p.gpkg"),
                                                        OUTPUT_ROUTES=str(tmp_path / "p.gpkg")))
    assert not os.listdir(tmp_path)
    both = tmp_path / "both.gpkg"
    result = run("hotspotpatrol:patrolplan", plan_parameters(
        hotspots, OUTPUT=f"ogr:dbname='{both}' table=\"visits\" (geom)",
        OUTPUT_ROUTES=f"ogr:dbname='{both}' table=\"routes\" (geom)"))
    visits = QgsVectorLayer(f"{both}|layername=visits")
    routes = QgsVectorLayer(f"{both}|layername=routes")
    assert visits.featureCount() == result["VISITS"] > 0 and routes.featureCount() > 0


# --- 2. every output writable before the first is written -------------------------------------------

@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "a_file"
    path.write_text("not a folder")
    return path


def test_patrolplan_unwritable_calendar_leaves_no_output(run, tmp_path, a_file):
    outputs = {"OUTPUT": tmp_path / "visits.gpkg", "OUTPUT_ROUTES": tmp_path / "routes.gpkg",
               "OUTPUT_CSV": tmp_path / "visits.csv"}
    for unwritable, reason in ((a_file / "plan.ics", "is a file, not a folder"), (tmp_path, "it is a folder")):
        with pytest.raises(QgsProcessingException) as raised:
            run("hotspotpatrol:patrolplan", plan_parameters(
                hotspot_layer(), OUTPUT_ICS=str(unwritable), **{k: str(v) for k, v in outputs.items()}))
        message = str(raised.value)
        assert message.startswith("Unable to execute algorithm\nCannot write OUTPUT_ICS"), message
        assert reason in message and "Traceback" not in message
        assert not any(path.exists() for path in outputs.values())


def test_evaluatepatrols_unwritable_report_leaves_no_table(run, tmp_path, a_file):
    tables = {name: tmp_path / f"{name.lower()}.gpkg" for name in ("OUTPUT_DAYS", "OUTPUT_SUMMARY", "OUTPUT_RESIDUAL")}
    with pytest.raises(QgsProcessingException, match="Cannot write OUTPUT_REPORT") as raised:
        evaluate(run, OUTPUT_REPORT=str(a_file / "report.html"), **{k: str(v) for k, v in tables.items()})
    assert "a_file' is a file, not a folder" in str(raised.value)
    assert not any(path.exists() for path in tables.values())


def test_patroldosage_unwritable_table_leaves_no_visits(run, tmp_path, a_file):
    with pytest.raises(QgsProcessingException, match="Cannot write OUTPUT_HOTSPOTS"):
        dosage(run, OUTPUT=str(tmp_path / "visits.gpkg"), OUTPUT_HOTSPOTS=str(a_file / "dosage.csv"))
    assert not (tmp_path / "visits.gpkg").exists()


def test_missing_folders_are_made(run, tmp_path):
    outputs = {"OUTPUT": tmp_path / "a" / "visits.gpkg", "OUTPUT_ROUTES": tmp_path / "b" / "c" / "routes.gpkg",
               "OUTPUT_ICS": tmp_path / "d" / "plan.ics", "OUTPUT_CSV": tmp_path / "e" / "plan.csv"}
    result = run("hotspotpatrol:patrolplan",
                 plan_parameters(hotspot_layer(), **{k: str(v) for k, v in outputs.items()}))
    assert all(path.is_file() for path in outputs.values())
    assert QgsVectorLayer(str(outputs["OUTPUT"])).featureCount() == result["VISITS"] > 0


def test_a_failed_write_names_the_parameter_and_keeps_the_old_file(tmp_path, a_file):
    with pytest.raises(QgsProcessingException, match=r"Cannot write OUTPUT_ICS .*a_file"):
        write_text_file(str(a_file / "plan.ics"), "text", "OUTPUT_ICS")
    old = tmp_path / "plan.ics"
    old.write_text("the last plan")
    with pytest.raises(QgsProcessingException, match="Cannot write OUTPUT_ICS"):
        write_text_file(str(old), "half \ud800 written", "OUTPUT_ICS")  # cannot be encoded
    assert old.read_text() == "the last plan"
    write_text_file(str(old), "the new plan\r\n", "OUTPUT_ICS")
    assert old.read_bytes() == b"the new plan\r\n"
    assert sorted(os.listdir(tmp_path)) == ["a_file", "plan.ics"]  # no partial file left


# --- 4. patrolplan's bounds and checks come first ------------------------------------------------------

def test_days_above_ten_years_are_refused_at_once(run, tmp_path):
    started = time.perf_counter()
    with pytest.raises(QgsProcessingException) as raised:
        run("hotspotpatrol:patrolplan", plan_parameters(hotspot_layer(20), DAYS=100000,
                                                        OUTPUT=str(tmp_path / "visits.gpkg")))
    assert time.perf_counter() - started < 10
    message = str(raised.value)
    assert "DAYS: A plan of 100,000 days" in message and "3,660" in message and "10 years" in message
    assert not (tmp_path / "visits.gpkg").exists()


def test_settings_are_checked_before_anything_is_written(run, tmp_path):
    outputs = {"OUTPUT": str(tmp_path / "visits.gpkg"), "OUTPUT_ICS": str(tmp_path / "plan.ics")}
    for settings, message in (({"SHIFTS": "08:00-08:10"}, "No shift window is long enough"),
                              ({"SHIFTS": "8-14"}, "HH:MM-HH:MM"), ({"TIMEZONE": "Mars/Olympus"}, "Unknown time zone")):
        with pytest.raises(QgsProcessingException, match=message):
            run("hotspotpatrol:patrolplan", plan_parameters(hotspot_layer(), **settings, **outputs))
    assert not os.listdir(tmp_path)


# --- 5. hotspots are areas -----------------------------------------------------------------------------

FIRST = datetime.date(2024, 5, 6)


def evaluate(run, hotspots=None, **parameters):
    """evaluatepatrols over 10 days: two hotspots, patrols on days 0-2 at H1, crimes on most days."""
    hotspots = hotspots if hotspots is not None else hotspot_layer(2)
    crimes = [((X0 + 50 + 400 * (k % 2), Y0 + 50), (FIRST + datetime.timedelta(days=k % 10)).isoformat() + " 12:00")
              for k in range(40)]
    visits = [("H1", f"{FIRST + datetime.timedelta(days=k)} 10:00", f"{FIRST + datetime.timedelta(days=k)} 10:15")
              for k in range(3)]
    return run("hotspotpatrol:evaluatepatrols", {
        "CRIMES": point_layer([place for place, _ in crimes], fields=(("occurred", "text"),),
                              rows=[(when,) for _, when in crimes]),
        "TIME": "occurred", "HOTSPOTS": hotspots, "START": FIRST.isoformat(),
        "END": (FIRST + datetime.timedelta(days=10)).isoformat(), "TIMEZONE": "Europe/London",
        "VISITS": point_layer([None] * 3, geometry="None", fields=(("hotspot_id", "text"), ("start", "text"),
                                                                    ("end", "text")), rows=visits),
        "OUTPUT_DAYS": "memory:", "OUTPUT_SUMMARY": "memory:", "OUTPUT_RESIDUAL": "memory:", **parameters})


def test_evaluatepatrols_refuses_hotspots_that_are_not_polygons(run):
    assert evaluate(run)["OUTPUT_SUMMARY"].featureCount() > 0  # the same run with polygons works
    for geometry, holds in (("Point", "points"), ("None", "no geometry")):
        with pytest.raises(QgsProcessingException) as raised:
            evaluate(run, hotspots=hotspot_layer(2, geometry=geometry))
        message = str(raised.value)
        assert f"HOTSPOTS must be polygons (the hotspot areas), but it holds {holds}" in message
        assert "Choose the hotspot polygons" in message


def test_evaluatepatrols_refuses_control_areas_that_are_not_polygons(run):
    with pytest.raises(QgsProcessingException, match=r"CONTROL must be polygons \(the control areas\), but it "
                                                     r"holds points"):
        evaluate(run, CONTROL=hotspot_layer(2, geometry="Point", x0=X0 + 5000), BEFORE_START="2024-04-01",
                 BEFORE_END="2024-05-01", OUTPUT_DISPLACEMENT="memory:")


def pings():
    """Unit car1 in H1 (square 0-100 m) from 10:00 to 10:14 UTC, then 5 m outside its east edge till 10:30."""
    start = datetime.datetime(2024, 7, 15, 10, 0, tzinfo=datetime.timezone.utc)
    places = [(X0 + 50, Y0 + 50)] * 8 + [(X0 + 105, Y0 + 50)] * 8 + [(X0 - 500, Y0 - 500)]
    times = [(start + datetime.timedelta(minutes=2 * k)).strftime("%Y-%m-%dT%H:%M:%SZ") for k in range(len(places))]
    return point_layer(places, fields=(("unit", "text"), ("ping_time", "text")), rows=[("car1", t) for t in times])


def dosage(run, hotspots=None, feedback=None, **parameters):
    return run("hotspotpatrol:patroldosage", {
        "PINGS": pings(), "UNIT_FIELD": "unit", "TIME": "ping_time",
        "HOTSPOTS": hotspots if hotspots is not None else hotspot_layer(2), "TIMEZONE": "Europe/London",
        "OUTPUT": "memory:", **parameters}, feedback=feedback)


def stays(result):
    return sorted((f["hotspot_id"], f["unit"], f["start_local"], f["minutes"]) for f in result["OUTPUT"].getFeatures())


def test_patroldosage_refuses_points_without_a_buffer_and_buffers_them_with_one(run):
    with pytest.raises(QgsProcessingException) as raised:
        dosage(run, hotspots=hotspot_layer(2, geometry="Point"))
    message = str(raised.value)
    assert "HOTSPOTS must be polygons (the hotspot areas), but it holds points" in message
    assert "or set BUFFER above 0 m" in message
    # A point at H1's centre with BUFFER=60 covers the square and the pings 5 m outside it (55 m from the
    # centre), as the square does with BUFFER=10: the same single stay of 30 minutes.
    log = Log()
    from_points = stays(dosage(run, hotspots=hotspot_layer(2, geometry="Point"), BUFFER=60, feedback=log))
    from_squares = stays(dosage(run, BUFFER=10))
    assert from_points == from_squares == [("H1", "car1", "2024-07-15T11:00:00+01:00", 30.0)]
    assert any("HOTSPOTS holds points, not polygons" in line and "BUFFER = 60 m" in line for line in log.lines)
    assert stays(dosage(run)) == [("H1", "car1", "2024-07-15T11:00:00+01:00", 14.0)]  # squares, no buffer


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 (QGIS's name)
        self.lines.append(info)
        super().pushInfo(info)


# --- 6. cancelling a year's plan -------------------------------------------------------------------------

class CancelAfter(QgsProcessingFeedback):
    """Cancels at the ``reports``-th progress report and notes when."""

    def __init__(self, reports):
        super().__init__()
        self.reports, self.seen, self.cancelled_at = reports, 0, None
        self.progressChanged.connect(self._progress)

    def _progress(self, _):
        self.seen += 1
        if self.seen == self.reports:
            self.cancelled_at = time.perf_counter()
            self.cancel()


@pytest.mark.parametrize("reports", [1, 5, 12])
def test_a_cancelled_year_plan_stops_within_a_second_and_writes_nothing(run, tmp_path, reports):
    outputs = {"OUTPUT": tmp_path / "visits.gpkg", "OUTPUT_ROUTES": tmp_path / "routes.gpkg",
               "OUTPUT_ICS": tmp_path / "plan.ics", "OUTPUT_CSV": tmp_path / "plan.csv"}
    feedback = CancelAfter(reports)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("hotspotpatrol:patrolplan", plan_parameters(hotspot_layer(20), DAYS=365, UNITS=10,
                                                        **{k: str(v) for k, v in outputs.items()}), feedback=feedback)
    assert feedback.cancelled_at is not None
    assert time.perf_counter() - feedback.cancelled_at < 1.0
    assert not any(path.exists() for path in outputs.values())


def test_the_year_plan_reports_progress_often_and_runs_whole_without_cancel(run, tmp_path):
    feedback = CancelAfter(reports=10 ** 9)
    result = run("hotspotpatrol:patrolplan", plan_parameters(hotspot_layer(20), DAYS=365, UNITS=10,
                                                             OUTPUT=str(tmp_path / "visits.gpkg")), feedback=feedback)
    assert feedback.seen >= 20  # at least a report per hotspot, and some while the days are prepared
    # 3 days on, 3 off: 182 or 183 patrol days of 365 for each of the 20 hotspots, one visit each.
    assert 20 * 182 <= result["VISITS"] + result["DROPPED"] <= 20 * 183
    assert QgsVectorLayer(str(tmp_path / "visits.gpkg")).featureCount() == result["VISITS"]


# --- 7. cancelling a density of 10^6 crimes -----------------------------------------------------------

@pytest.fixture(scope="module")
def million_crimes(tmp_path_factory):
    """A GeoPackage of 10^6 crimes in clusters over 20 km (written by GDAL from a CSV in a few seconds)."""
    import numpy as np
    from osgeo import gdal
    folder = tmp_path_factory.mktemp("million")
    rng = np.random.default_rng(5)
    centres = rng.uniform(0, 20_000, (300, 2))
    xy = (centres[rng.integers(0, 300, 1_000_000)] + rng.normal(0, 200, (1_000_000, 2))).round() + (580_000, 180_000)
    csv = folder / "crimes.csv"
    np.savetxt(csv, xy, fmt="%d", delimiter=",", header="x,y", comments="")
    gpkg = folder / "crimes.gpkg"
    source = gdal.OpenEx(str(csv), open_options=["X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y"])
    gdal.VectorTranslate(str(gpkg), source, options="-f GPKG -a_srs EPSG:27700 -nln crimes -lco SPATIAL_INDEX=NO "
                         "-gt 1000000")
    source = None  # closed before QGIS reads the GeoPackage
    return str(gpkg)


def test_a_density_of_a_million_crimes_cancelled_anywhere_stops_within_a_second_and_writes_nothing(
        run, tmp_path, million_crimes):
    whole = CancelAfter(reports=10 ** 9)
    run("hotspotpatrol:kerneldensity", {"INPUT": million_crimes, "OUTPUT": str(tmp_path / "whole.tif")},
        feedback=whole)
    assert whole.seen >= 10 and (tmp_path / "whole.tif").exists()
    # Early (reading), midway and near the end (the kernel sums).
    for reports in sorted({2, whole.seen // 2, whole.seen - 2}):
        output = tmp_path / f"cancelled_{reports}.tif"
        feedback = CancelAfter(reports)
        with pytest.raises(QgsProcessingException, match="Cancel"):
            run("hotspotpatrol:kerneldensity", {"INPUT": million_crimes, "OUTPUT": str(output)}, feedback=feedback)
        assert time.perf_counter() - feedback.cancelled_at < 1.0, reports
        assert not output.exists(), reports
