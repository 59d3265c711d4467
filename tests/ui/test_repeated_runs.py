"""The planner panel run 30 times in one session on a WGS84 layer: every output stays in British
National Grid with a definition, and the hotspots are the same cells every time.

QGIS 3.22 (and 3.40) ties a new CRS's PROJ object to the thread that first builds it and drops it
when that thread ends; a task's thread ends after the task pool's expiry time (30 s) without work.
A CRS first made inside a run (the working CRS chosen for WGS84 crimes) and then used by the main
thread (loading the outputs) stays in QGIS's CRS cache with its authid but without a WKT once that
thread has gone: later runs then reproject nothing, or, since the reader checks, fail.  Here the
pool lets its threads go after 20 ms, so every run starts in a new thread after the last one ended,
and QGIS's CRS cache starts empty, as in a new desktop session whose project is not in EPSG:27700.
"""

import time

import numpy as np
import pytest
from helpers import point_layer, wait_until_idle
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsSettings,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QSettings, QThreadPool

RUNS = 30
THREAD_EXPIRY_MS = 20


def pump(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QgsApplication.processEvents()
        time.sleep(0.005)


def task_pool():
    """The pool QgsTaskManager runs tasks in: its own in newer QGIS, Qt's global one in 3.22."""
    manager = QgsApplication.taskManager()
    return manager.threadPool() if hasattr(manager, "threadPool") else QThreadPool.globalInstance()


@pytest.fixture
def short_lived_task_threads():
    """Task threads end 20 ms after their task, and QGIS's CRS cache starts empty; both put back."""
    pool = task_pool()
    expiry = pool.expiryTimeout()
    QgsCoordinateReferenceSystem.invalidateCache()
    pool.setExpiryTimeout(THREAD_EXPIRY_MS)
    yield
    pool.setExpiryTimeout(expiry)
    pump(0.2)
    # Entries a test thread made may have lost their definition: later tests get fresh ones.
    QgsCoordinateReferenceSystem.invalidateCache()


@pytest.fixture
def southend_wgs84(provider, tmp_path):
    """2,000 crimes around Southend in EPSG:4326 (a GeoPackage, as police.uk imports are), in six
    clusters of different sizes, with text datetimes in ``occurred``."""
    rng = np.random.default_rng(7)
    centres = [(0.7110, 51.5380), (0.7050, 51.5420), (0.7200, 51.5360), (0.6900, 51.5450),
               (0.7350, 51.5400), (0.6800, 51.5330)]
    sizes = [600, 450, 350, 250, 200, 150]
    points, rows = [], []
    start = np.datetime64("2024-01-01T00:00")
    for (lon, lat), size in zip(centres, sizes):
        for dx, dy in rng.normal(0.0, 0.0012, (size, 2)):
            points.append((round(lon + dx, 6), round(lat + dy * 0.6, 6)))
            minute = int(rng.integers(0, 180 * 24 * 60))
            rows.append([str(start + np.timedelta64(minute, "m")).replace("T", " ")])
    memory = point_layer(points, crs="EPSG:4326", fields=[("occurred", "text")], rows=rows)
    path = str(tmp_path / "southend_wgs84.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, path, QgsProject.instance().transformContext(),
                                                      options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    layer = QgsVectorLayer(path, "Southend WGS84", "ogr")
    assert layer.isValid() and layer.featureCount() == 2000 and layer.crs().authid() == "EPSG:4326"
    QgsProject.instance().addMapLayer(layer)
    yield layer
    project = QgsProject.instance()
    project.removeAllMapLayers()
    project.layerTreeRoot().removeAllChildren()


@pytest.fixture
def dock(qgis_iface, southend_wgs84, tmp_path):
    from hotspot_patrol.ui.dock import HotspotPatrolDock
    settings = QgsSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    # A map in Web Mercator, as in a desktop project with a basemap (the stub canvas has no CRS).
    canvas = qgis_iface.mapCanvas()
    previous_crs = canvas.mapSettings().destinationCrs()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    dock = HotspotPatrolDock(qgis_iface, None, settings)
    yield dock
    dock.cleanup()
    wait_until_idle(dock)
    canvas.setDestinationCrs(previous_crs)


def test_thirty_runs_keep_british_national_grid_and_the_same_cells(dock, southend_wgs84, short_lived_task_threads):
    dock.layer_combo.setLayer(southend_wgs84)
    dock.time_widget.setField("occurred")
    dock.timezone.setCurrentText("Europe/London")
    dock.start_date.setDate(QDate(2024, 7, 1))
    dock.days.setValue(3)
    dock.hotspot_count.setValue(5)
    dock.units.setValue(1)
    dock.seed.setValue(2)
    outcomes = []
    dock.run_finished.connect(outcomes.append)
    cells, problems = [], []
    for run in range(1, RUNS + 1):
        dock.density.setChecked(run % 10 == 0)  # the raster output too, now and then
        outcomes.clear()
        dock.start_run()
        wait_until_idle(dock)
        if outcomes != [True]:
            problems.append(f"run {run} failed: {dock.status.text()}")
            continue
        roles = ("hotspots", "visits", "density") if run % 10 == 0 else ("hotspots", "visits")
        for role in roles:
            crs = dock.layer(role).crs()
            if crs.authid() != "EPSG:27700" or not crs.toWkt():
                problems.append(f"run {run}: {role} in {crs.authid() or 'no CRS'}, WKT "
                                f"{'present' if crs.toWkt() else 'empty'}")
        hotspots = sorted(dock.layer("hotspots").getFeatures(), key=lambda feature: feature["hotspot_id"])
        cells.append([(feature["hotspot_id"], feature["cell_id"]) for feature in hotspots])
        # Keep the project to this run's group; then let the run's thread end before the next.
        root = QgsProject.instance().layerTreeRoot()
        for group in root.children()[1:]:
            if group.nodeType() == group.NodeGroup:
                QgsProject.instance().removeMapLayers([layer.layerId() for layer in group.findLayers()])
                root.removeChildNode(group)
        pump(0.25)  # > 10 x the expiry: the run's thread has ended
    assert problems == []
    assert len(cells) == RUNS and all(run == cells[0] for run in cells), cells
    assert len(cells[0]) == 5 and all(cell_id.startswith("S150_") for _, cell_id in cells[0])
    # The main thread's own EPSG:27700 is still whole after all those threads have gone.
    assert QgsCoordinateReferenceSystem("EPSG:27700").toWkt()
