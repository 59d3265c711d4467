"""The panel's results: the run's warnings listed until the next run, the status green only without them,
failures in words (their details in the QGIS log), a density surface that cannot sink the plan, and one
layer group per run, written beside the project unless the user kept or saved it elsewhere."""

import re
import shutil

import numpy as np
import pytest
from helpers import SOUTHEND, fill_plan_form, point_layer, run_panel, when
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsLayerTreeGroup,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

from hotspot_patrol.algorithms.kernel_density import KernelDensityAlgorithm
from hotspot_patrol.algorithms.patrol_plan import PatrolPlanAlgorithm
from hotspot_patrol.ui import run_controller
from hotspot_patrol.ui.dock import HotspotPatrolDock

# Saved before tests/ui/conftest.py redirects every run's outputs to tmp_path: the tests of the output
# folder put it back.
OUTPUTS_IN_RUN_FOLDER = HotspotPatrolDock.output_path
AMBER, GREEN, RED = "#8a5300", "#1b5e20", "#b00020"
UNEXPECTED = "The run failed unexpectedly; details are in the log (Hotspot Patrol tab)."


@pytest.fixture
def chicago(crimes):
    return crimes


@pytest.fixture
def police_uk(chicago, tmp_path):
    """The Southend police.uk months, with three crimes hundreds of kilometres away (wrongly located)."""
    path = tmp_path / "southend_with_outliers.gpkg"
    shutil.copy(SOUTHEND, path)
    layer = QgsVectorLayer(str(path), "Southend", "ogr")
    outliers = []
    for lon, lat in ((-3.0, 53.8), (-1.6, 55.0), (-4.1, 50.4)):  # Lancashire, Northumberland, Devon
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        feature["month"] = "2018-06"
        outliers.append(feature)
    assert layer.dataProvider().addFeatures(outliers)[0]
    QgsProject.instance().addMapLayer(layer)
    return layer


@pytest.fixture
def clean(chicago):
    """600 crimes in three clusters, every one with a point and a time: nothing to warn about."""
    rng = np.random.default_rng(5)
    points, rows = [], []
    for number in range(600):
        x, y = (530000 + 400 * (number % 3), 180000) + rng.normal(0, 60, 2)
        points.append((float(x), float(y)))
        rows.append([when(2024, 1 + int(rng.integers(0, 5)), 1 + int(rng.integers(0, 28)), int(rng.integers(0, 24)),
                          int(rng.integers(0, 60)))])
    layer = point_layer(points, fields=[("date", "datetime")], rows=rows)
    QgsProject.instance().addMapLayer(layer)
    return layer


def run(dock, layer, time_field="date", zone="America/Chicago", density=False):
    fill_plan_form(dock, layer, time_field, zone, days=3, hotspots=5, density=density)
    return run_panel(dock) == [True]


def plan_groups():
    return [node for node in QgsProject.instance().layerTreeRoot().children() if isinstance(node, QgsLayerTreeGroup)]


@pytest.fixture
def log():
    """What goes to the QGIS log: ``[(message, tag)]``."""
    messages = []

    def received(message, tag, level):
        messages.append((message, tag))
    QgsApplication.messageLog().messageReceived.connect(received)
    yield messages
    QgsApplication.messageLog().messageReceived.disconnect(received)


def test_warnings_stay_listed_until_the_next_run_and_turn_the_status_amber(make_dock, police_uk, clean, qgis_iface,
                                                                          tmp_path, monkeypatch):
    dock = make_dock()
    qgis_iface.messageBar().clear_messages()
    assert run(dock, police_uk, "month", "Europe/London"), dock.status.text()
    warnings = dock.results.warning_texts()
    assert any("no time of day" in text for text in warnings) and dock.results.warnings.isVisibleTo(dock)
    assert re.match(rf"Done in [\d.]+ s, {len(warnings)} warnings \(below\)\.", dock.status.text())
    assert AMBER in dock.status.styleSheet()
    assert qgis_iface.messageBar().get_messages(0) == [] and dock.pushed_message_texts() == []
    # Still there after other work in the panel.
    monkeypatch.setattr(dock, "choose_export_path", lambda *args: str(tmp_path / "plan.csv"))
    dock.export_csv()
    dock.hotspot_count.setValue(7)
    assert dock.results.warning_texts() == warnings
    # The next run's warnings replace them: none for crimes with points and times, and the status is green.
    assert run(dock, clean, zone="Europe/London"), dock.status.text()
    assert dock.results.warning_texts() == [] and not dock.results.warnings.isVisibleTo(dock)
    assert dock.status.text().startswith("Done in") and GREEN in dock.status.styleSheet()


def test_an_unexpected_failure_is_told_in_words_and_its_traceback_logged(make_dock, chicago, log, monkeypatch):
    def broken(self, parameters, context, feedback):
        raise ValueError("cannot convert float NaN to integer")
    monkeypatch.setattr(PatrolPlanAlgorithm, "processAlgorithm", broken)
    dock = make_dock()
    assert not run(dock, chicago)
    assert dock.status.text() == UNEXPECTED and RED in dock.status.styleSheet()
    assert dock.pushed_message_texts() == [UNEXPECTED]
    details = [message for message, tag in log if tag == "Hotspot Patrol"]
    assert any("Traceback" in message and "cannot convert float NaN to integer" in message for message in details)
    assert plan_groups() == []


def test_a_failure_after_the_chain_is_told_in_words_too(make_dock, chicago, log, monkeypatch):
    def unreadable(path):
        return int(float("nan"))
    monkeypatch.setattr(run_controller, "read_profiles", unreadable)
    dock = make_dock()
    assert not run(dock, chicago)
    assert dock.status.text() == UNEXPECTED
    assert any("cannot convert float NaN to integer" in message for message, tag in log if tag == "Hotspot Patrol")


def test_a_processing_error_is_shown_as_the_run_failing(make_dock, chicago, monkeypatch):
    def refused(self, parameters, context, feedback):
        raise QgsProcessingException("UNITS cannot cover these shifts.")
    monkeypatch.setattr(PatrolPlanAlgorithm, "processAlgorithm", refused)
    dock = make_dock()
    assert not run(dock, chicago)
    assert dock.status.text() == "The run failed: UNITS cannot cover these shifts."
    assert dock.pushed_message_texts() == ["The run failed: UNITS cannot cover these shifts."]


def test_the_panels_errors_leave_the_message_bar_at_the_next_run_and_on_unload(make_dock, chicago, qgis_iface,
                                                                               monkeypatch):
    bar = qgis_iface.messageBar()

    def refused(self, parameters, context, feedback):
        raise QgsProcessingException("refused")
    with monkeypatch.context() as patch:
        patch.setattr(PatrolPlanAlgorithm, "processAlgorithm", refused)
        dock = make_dock()
        assert not run(dock, chicago)
        error_items = [item for item in bar.items() if "refused" in item.text()]
        assert len(error_items) == 1
    assert run(dock, chicago), dock.status.text()
    assert not any("refused" in item.text() for item in bar.items())
    with monkeypatch.context() as patch:
        patch.setattr(PatrolPlanAlgorithm, "processAlgorithm", refused)
        assert not run(dock, chicago)
    assert any("refused" in item.text() for item in bar.items())
    dock.cleanup()
    assert not any("refused" in item.text() for item in bar.items())
    dock.cleanup = lambda: None  # unloaded once is enough


def test_density_covers_the_hotspots_surroundings_despite_far_outliers(make_dock, police_uk):
    dock = make_dock()
    assert dock.density_pixel_size.value() == 10.0
    dock.density_pixel_size.setValue(25.0)
    assert run(dock, police_uk, "month", "Europe/London", density=True), dock.status.text()
    hotspots, visits, density = dock.layer("hotspots"), dock.layer("visits"), dock.layer("density")
    assert hotspots.featureCount() == 5 and visits.featureCount() > 0 and density is not None
    assert density.rasterUnitsPerPixelX() == pytest.approx(25.0)
    # The hotspots' extent and 500 m around it, grown by the kernel's radius (the cell size) as Heatmap does:
    # kilometres, not the hundreds the outliers span.
    reach = run_controller.DENSITY_MARGIN + dock.cell_size.value() + 25.0
    grown = hotspots.extent().buffered(reach)
    assert grown.contains(density.extent()) and density.extent().contains(hotspots.extent())
    assert not any("Kernel density" in text for text in dock.results.warning_texts())


def test_a_failed_density_keeps_the_plan_and_is_listed_as_a_warning(make_dock, police_uk, monkeypatch):
    def too_big(self, parameters, context, feedback):
        raise QgsProcessingException("The raster would be 920,678,691 pixels.")
    monkeypatch.setattr(KernelDensityAlgorithm, "processAlgorithm", too_big)
    dock = make_dock()
    assert run(dock, police_uk, "month", "Europe/London", density=True), dock.status.text()
    assert dock.layer("hotspots").featureCount() == 5 and dock.layer("visits").featureCount() > 0
    assert dock.layer("density") is None and len(plan_groups()[0].findLayers()) == 2
    assert "Kernel density (fast heatmap): The raster would be 920,678,691 pixels." in dock.results.warning_texts()
    assert re.match(r"Done in [\d.]+ s, \d+ warnings? \(below\)\.", dock.status.text())
    assert AMBER in dock.status.styleSheet()


def test_a_new_run_replaces_the_last_group_unless_it_is_kept(make_dock, chicago):
    dock = make_dock()
    assert run(dock, chicago), dock.status.text()
    first_visits = dock.layer_ids["visits"]
    assert run(dock, chicago), dock.status.text()
    assert len(plan_groups()) == 1 and QgsProject.instance().mapLayer(first_visits) is None
    assert [layer.layerId() for layer in plan_groups()[0].findLayers()] == [dock.layer_ids["visits"],
                                                                            dock.layer_ids["hotspots"]]
    dock.results.keep_button.setChecked(True)
    kept = dict(dock.layer_ids)
    assert run(dock, chicago), dock.status.text()
    assert len(plan_groups()) == 2 and not dock.results.keep_button.isChecked()
    assert all(QgsProject.instance().mapLayer(layer_id) is not None for layer_id in kept.values())
    assert run(dock, chicago), dock.status.text()  # the new group is replaced, the kept one stays
    groups = plan_groups()
    assert len(groups) == 2 and {layer.layerId() for layer in groups[1].findLayers()} == set(kept.values())


def test_outputs_go_beside_a_saved_project_and_can_be_saved_elsewhere(make_dock, chicago, tmp_path, monkeypatch):
    monkeypatch.setattr(HotspotPatrolDock, "output_path", OUTPUTS_IN_RUN_FOLDER)
    QgsProject.instance().setFileName(str(tmp_path / "project" / "beat.qgz"))
    dock = make_dock()
    assert run(dock, chicago), dock.status.text()
    run_folder = (tmp_path / "project" / "hotspot_patrol").resolve()
    visits_path = dock.layer("visits").source()
    assert str(run_folder) in visits_path and f"The results are in {run_folder}" in dock.status.text()

    saved = tmp_path / "saved"
    saved.mkdir()
    monkeypatch.setattr(dock, "choose_results_folder", lambda: str(saved))
    dock.results.save_button.click()
    assert dock.status.text() == f"Results saved to {saved}."
    for role, name in (("visits", "patrol_visits.gpkg"), ("hotspots", "hotspots.gpkg")):
        layer = dock.layer(role)
        assert layer.isValid() and layer.source() == str(saved / name) and layer.featureCount() > 0
    assert (saved / "patrol_plan.csv").exists() and dock.plan.files["csv"] == str(saved / "patrol_plan.csv")


def test_outputs_go_to_the_chosen_folder_remembered_and_to_a_temporary_one_without_a_project(make_dock, chicago,
                                                                                          tmp_path, monkeypatch):
    monkeypatch.setattr(HotspotPatrolDock, "output_path", OUTPUTS_IN_RUN_FOLDER)
    dock = make_dock()
    assert run(dock, chicago), dock.status.text()
    from qgis.core import QgsProcessingUtils
    assert dock.layer("visits").source().startswith(QgsProcessingUtils.tempFolder())
    assert "Temporary results: Save results… keeps them" in dock.status.text()
    chosen = tmp_path / "chosen"
    dock.output_folder_widget.setFilePath(str(chosen))
    assert run(dock, chicago), dock.status.text()
    assert dock.layer("visits").source().startswith(str(chosen))
    assert make_dock().output_folder_widget.filePath() == str(chosen)
