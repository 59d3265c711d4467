"""What every panel test shares: its runs write under tmp_path."""

import itertools

import pytest


@pytest.fixture(autouse=True)
def outputs_in_tmp_path(tmp_path, monkeypatch):
    """Every dock's run writes its outputs under tmp_path, not in Processing's temporary folder."""
    from hotspot_patrol.ui.dock import HotspotPatrolDock
    numbers = itertools.count()

    def temporary_path(dock, file_name):
        folder = tmp_path / "outputs" / str(next(numbers))
        folder.mkdir(parents=True)
        return str(folder / file_name)
    monkeypatch.setattr(HotspotPatrolDock, "temporary_path", temporary_path)


@pytest.fixture(autouse=True)
def past_first_days_confirmed(monkeypatch):
    """The tests plan the samples' own dates, which are past: answer the panel's 'first day in the
    past' question with Yes (tests of the question itself patch it again with their answers)."""
    from qgis.PyQt.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
