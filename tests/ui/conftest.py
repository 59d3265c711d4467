"""What every panel test shares: the Chicago sample in the project, a dock maker whose settings live in
tmp_path, runs that write under tmp_path, and past first days confirmed."""

import itertools

import pytest
from helpers import SAMPLE_DATA, wait_until_idle
from qgis.core import QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QSettings


@pytest.fixture
def crimes(provider):
    """The Chicago sample, in the project while the test runs; the project is emptied after."""
    layer = QgsVectorLayer(str(SAMPLE_DATA / "chicago_crimes_2024.gpkg"), "Chicago crimes", "ogr")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    project = QgsProject.instance()
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()
    project.setFileName("")


@pytest.fixture
def make_dock(qgis_iface, tmp_path):
    """``make_dock()``: a new dock on the stub iface, its settings in tmp_path; cleaned up after."""
    from hotspot_patrol.ui.dock import HotspotPatrolDock
    docks = []

    def make():
        dock = HotspotPatrolDock(qgis_iface, None, QgsSettings(str(tmp_path / "settings.ini"),
                                                               QSettings.Format.IniFormat))
        docks.append(dock)
        return dock
    yield make
    for dock in docks:
        dock.cleanup()
        wait_until_idle(dock)
    docks.clear()  # the docks have no parent: Python deletes them now


@pytest.fixture(autouse=True)
def outputs_in_tmp_path(tmp_path, monkeypatch):
    """Every dock's run writes its outputs under tmp_path, not in Processing's temporary folder."""
    from hotspot_patrol.ui.dock import HotspotPatrolDock
    numbers = itertools.count()

    def output_path(dock, file_name):
        folder = tmp_path / "outputs" / str(next(numbers))
        folder.mkdir(parents=True)
        return str(folder / file_name)
    monkeypatch.setattr(HotspotPatrolDock, "output_path", output_path)


@pytest.fixture(autouse=True)
def past_first_days_confirmed(monkeypatch):
    """The tests plan the samples' own dates, which are past: answer the panel's 'first day in the
    past' question with Yes (tests of the question itself patch it again with their answers)."""
    from qgis.PyQt.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
