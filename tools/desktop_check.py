"""Repeated runs of the planner panel in a real QGIS desktop, checking every output's CRS.

Run by ``tools/desktop-check`` (which builds the plugin zip, makes a fresh profile with the plugin
enabled, starts Xvfb and QGIS), or by hand::

    HOTSPOT_CHECK_OUT=/tmp/check HOTSPOT_CHECK_REPO=$PWD \
        qgis --profiles-path /tmp/profiles --profile check --nologo --noversioncheck \
             --code tools/desktop_check.py

QGIS runs this file in its main thread once it has started (``--code`` takes no arguments, so
the settings come from the environment):

- ``HOTSPOT_CHECK_OUT``      folder for ``report.json`` and the screenshots (required)
- ``HOTSPOT_CHECK_REPO``     the checkout, for ``sample_data/`` (default: this file's parent's parent)
- ``HOTSPOT_CHECK_RUNS``     panel runs per layer (default 30)
- ``HOTSPOT_CHECK_TASKS``    background gridcrimes tasks (default 30)
- ``HOTSPOT_CHECK_EXPIRY``   idle time in ms after which the task threads end (default: QGIS's, 30 s)
- ``HOTSPOT_CHECK_PAUSES``   comma-separated run numbers after which to wait ``HOTSPOT_CHECK_PAUSE`` s
- ``HOTSPOT_CHECK_PAUSE``    seconds of each such pause (default 35: longer than QGIS's thread expiry)
- ``HOTSPOT_CHECK_SIZES``    window sizes for the screenshots (default ``1366x768,1920x1080``)
- ``HOTSPOT_CHECK_QUIT``     ``0`` leaves QGIS open at the end

The panel's chain runs alternately on the Southend sample (EPSG:4326, police.uk months in
``month``) and the Chicago sample (EPSG:3435, ``date``), with the density surface every third run.
After each run it records every output layer's ``crs().authid()`` and whether ``crs().toWkt()``
is empty, the hotspots' ids and cell ids, the status line and the message bar, and whether new
``QgsCoordinateReferenceSystem("EPSG:27700")`` / ``("EPSG:32616")`` objects made in the main
thread still have a WKT.  Then it runs ``processing.run("hotspotpatrol:gridcrimes")`` on the
Southend layer inside ``QgsTask.fromFunction`` tasks and checks each output's CRS.  Screenshots of
the main window (``QWidget.grab()`` and, when ImageMagick is installed, ``import -window root``)
are taken after the first and the last run on each layer, at each window size.  Everything goes
to ``report.json``; then QGIS quits.

Why the pauses and the expiry: QGIS 3.22 keeps a new CRS's PROJ object with the thread that made
it, and drops it when that thread ends; a task's thread ends after 30 s without work.  A CRS first
made inside a task, then used in the main thread, keeps its authid but loses its WKT for the rest of
the session once that thread has gone (see the report's ``probe_main_thread``).
"""

import json
import os
import platform
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsSettings,
    QgsTask,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QThreadPool, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QMessageBox

PLUGIN = "hotspot_patrol"
LAYERS = {
    # name: (file, time field, time zone, first day of the plan)
    "southend": ("southend_street_crime_2018.gpkg", "month", "Europe/London", QDate(2018, 8, 6)),
    "chicago": ("chicago_crimes_2024.gpkg", "date", "America/Chicago", QDate(2024, 6, 3)),
}
PROBES = ("EPSG:27700", "EPSG:32616")  # the metric CRSs of the two samples


def _setting(name, default):
    return os.environ.get("HOTSPOT_CHECK_" + name, default)


def _repo():
    here = globals().get("__file__")
    default = str(Path(here).resolve().parents[1]) if here else os.getcwd()
    return Path(_setting("REPO", default))


class Check:
    def __init__(self):
        from qgis.utils import iface
        self.iface = iface
        self.out = Path(_setting("OUT", ""))
        if not str(self.out):
            raise SystemExit("HOTSPOT_CHECK_OUT is not set")
        self.out.mkdir(parents=True, exist_ok=True)
        self.repo = _repo()
        self._dock = None  # the panel, once a run has opened it
        self.runs_per_layer = int(_setting("RUNS", "30"))
        self.tasks = int(_setting("TASKS", "30"))
        self.expiry = _setting("EXPIRY", "")
        self.pauses = {int(n) for n in _setting("PAUSES", "").split(",") if n.strip()}
        self.pause = float(_setting("PAUSE", "35"))
        sizes = _setting("SIZES", "1366x768,1920x1080").split(",")
        self.sizes = [tuple(int(v) for v in size.split("x")) for size in sizes]
        self.report = {"qgis": Qgis.QGIS_VERSION, "python": platform.python_version(),
                       "platform": QApplication.platformName(), "display": os.environ.get("DISPLAY"),
                       "profile": QgsApplication.qgisSettingsDirPath(), "settings": {
                           "runs_per_layer": self.runs_per_layer, "tasks": self.tasks,
                           "expiry_ms": self.expiry or None, "pauses_after_runs": sorted(self.pauses),
                           "pause_s": self.pause},
                       "runs": [], "gridcrimes_tasks": [], "screenshots": [], "errors": []}

    # --- helpers ----------------------------------------------------------------------------

    def save(self):
        (self.out / "report.json").write_text(json.dumps(self.report, indent=1, default=str))

    @staticmethod
    def pump(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QgsApplication.processEvents()
            time.sleep(0.01)

    @staticmethod
    def task_pool():
        """The thread pool QgsTaskManager runs tasks in: its own from QGIS 3.24 (?), else Qt's global one."""
        manager = QgsApplication.taskManager()
        return manager.threadPool() if hasattr(manager, "threadPool") else QThreadPool.globalInstance()

    def wait_idle(self, dock=None, timeout=300):
        deadline = time.monotonic() + timeout
        while (dock is not None and dock.is_running()) or QgsApplication.taskManager().countActiveTasks():
            if time.monotonic() > deadline:
                raise RuntimeError(f"a task did not finish in {timeout} s")
            QgsApplication.processEvents()
            time.sleep(0.005)
        QgsApplication.processEvents()

    @staticmethod
    def crs_record(crs):
        return {"authid": crs.authid(), "valid": crs.isValid(), "wkt_empty": not crs.toWkt()}

    def probe(self):
        """New CRS objects made in the main thread from the samples' metric authids: still defined?"""
        return {authid: self.crs_record(QgsCoordinateReferenceSystem(authid)) for authid in PROBES}

    def messages(self):
        bar = self.iface.messageBar()
        items = bar.items() if hasattr(bar, "items") else []
        return [" ".join(filter(None, (item.title(), item.text()))) for item in items]

    # --- set-up -------------------------------------------------------------------------------

    def plugin(self):
        import qgis.utils
        enabled = QgsSettings().value("PythonPlugins/" + PLUGIN, False)
        self.report["plugin_enabled_in_settings"] = str(enabled).lower() in ("true", "1")
        self.report["plugin_loaded_at_start"] = PLUGIN in qgis.utils.plugins
        if PLUGIN not in qgis.utils.plugins:
            qgis.utils.loadPlugin(PLUGIN)
            qgis.utils.startPlugin(PLUGIN)
        plugin = qgis.utils.plugins[PLUGIN]
        self.report["plugin_path"] = sys.modules[PLUGIN].__file__
        return plugin

    def load_layers(self):
        # No "Select Transformation" prompt (EPSG:3435 to WGS84 has several): nobody answers it here.
        for section in (QgsSettings.App, QgsSettings.NoSection):
            QgsSettings().setValue("projections/promptWhenMultipleTransformsExist", False, section)
        layers = {}
        for name, (file_name, *_) in LAYERS.items():
            layer = QgsVectorLayer(str(self.repo / "sample_data" / file_name), name, "ogr")
            if not layer.isValid():
                raise RuntimeError(f"cannot open {file_name}")
            QgsProject.instance().addMapLayer(layer)
            layers[name] = layer
            self.report.setdefault("layers", {})[name] = {
                "crs": layer.crs().authid(), "features": layer.featureCount()}
        # As a new project with a WGS84 layer first: the main thread never needs British National Grid.
        # (QGIS gives an empty project the first layer's CRS a moment later: set it after that.)
        self.pump(1.0)
        QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
        self.report["project_crs"] = QgsProject.instance().crs().authid()
        return layers

    def configure(self, dock, layer, name, density):
        # The samples' first days are past: the panel asks to confirm, and the check answers Yes as a user
        # planning a past period would (the question itself is tested in tests/ui/test_inputs.py).
        QMessageBox.question = lambda *args, **kwargs: QMessageBox.StandardButton.Yes
        _, field, zone, start = LAYERS[name]
        dock.layer_combo.setLayer(layer)
        dock.time_widget.setField(field)
        dock.timezone.setCurrentText(zone)
        dock.start_date.setDate(start)
        dock.days.setValue(28)
        dock.hotspot_count.setValue(20)
        dock.units.setValue(2)
        dock.seed.setValue(1)
        dock.density.setChecked(density)
        # Chicago's hotspots by forecast (best by backtest), Southend's by counts: both ways in real QGIS.
        dock.form.choose_by.setCurrentIndex(dock.form.choose_by.findData("forecast" if name == "chicago" else "count"))

    # --- screenshots --------------------------------------------------------------------------

    def screenshots(self, label):
        window = self.iface.mainWindow()
        canvas = self.iface.mapCanvas()
        for width, height in self.sizes:
            window.showNormal()
            window.setGeometry(0, 0, width, height)
            window.raise_()
            self.pump(1.0)
            canvas.refreshAllLayers()
            deadline = time.monotonic() + 20
            while canvas.isDrawing() and time.monotonic() < deadline:
                self.pump(0.05)
            self.pump(0.5)
            stem = f"{label}_{width}x{height}"
            grabbed = self.out / f"{stem}_grab.png"
            window.grab().save(str(grabbed))
            shot = {"label": label, "size": [width, height], "actual": [window.width(), window.height()],
                    "grab": str(grabbed)}
            if shutil.which("import") and os.environ.get("DISPLAY"):
                x_level = self.out / f"{stem}_x.png"
                done = subprocess.run(["import", "-window", "root", "-crop", f"{width}x{height}+0+0", "+repage",
                                       str(x_level)], capture_output=True, text=True, timeout=60, check=False)
                shot["x"] = str(x_level) if done.returncode == 0 else "import failed: " + done.stderr[-300:]
            dock = self._dock
            if dock is not None:
                page = dock.tabs.currentWidget()
                font = dock.font()
                shot["panel"] = {"height": dock.height(), "font": [font.family(), font.pointSizeF()],
                                 "line_spacing": dock.fontMetrics().lineSpacing(),
                                 "tab_scroll_max": page.verticalScrollBar().maximum(),
                                 "table_rows_in_sight":
                                     dock.table.viewport().height() // max(1, dock.table.rowHeight(0))}
            self.report["screenshots"].append(shot)

    # --- the panel ----------------------------------------------------------------------------

    def panel_runs(self, plugin, layers):
        # As analysts work: the Processing Toolbox open on the right, where the panel docks too.
        toolbox = self.iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        if toolbox is not None:
            toolbox.show()
        self.pump(0.5)
        plugin.action.setChecked(True)  # the toolbar button: opens the dock
        self.pump(0.5)
        dock = self._dock = plugin.dock
        window = self.iface.mainWindow()
        self.report["toolbox"] = {
            "found": toolbox is not None,
            "tabbed_with_panel": toolbox is not None and toolbox in window.tabifiedDockWidgets(dock),
            "panel_area": int(window.dockWidgetArea(dock)), "panel_height": dock.height(),
            "window_height": window.height()}
        outcomes = []
        dock.run_finished.connect(outcomes.append)
        order = [name for _ in range(self.runs_per_layer) for name in LAYERS]
        firsts = {name: order.index(name) for name in LAYERS}
        lasts = {name: len(order) - 1 - order[::-1].index(name) for name in LAYERS}
        for number, name in enumerate(order, start=1):
            density = number % 3 == 0
            self.configure(dock, layers[name], name, density)
            outcomes.clear()
            self.iface.messageBar().clearWidgets()
            started = time.monotonic()
            dock.start_run()
            self.wait_idle(dock)
            seconds = time.monotonic() - started
            record = {"run": number, "layer": name, "density": density, "ok": outcomes == [True],
                      "seconds": round(seconds, 2), "status": dock.status.text(), "message_bar": self.messages(),
                      "outputs": {}, "pool_threads": self.task_pool().activeThreadCount(),
                      "project_crs": QgsProject.instance().crs().authid()}
            for role in ("hotspots", "visits", "density"):
                layer = dock.layer(role) if record["ok"] else None  # a failed run leaves the last plan on show
                if layer is not None:
                    size = layer.featureCount() if hasattr(layer, "featureCount") else layer.width() * layer.height()
                    record["outputs"][role] = dict(self.crs_record(layer.crs()), size=size, source=layer.source())
            hotspots = dock.layer("hotspots")
            if hotspots is not None and record["ok"]:
                features = sorted(hotspots.getFeatures(), key=lambda f: f["hotspot_id"])
                record["cells"] = [[f["hotspot_id"], f["cell_id"]] for f in features]
                box = hotspots.extent()
                record["hotspots_extent"] = [round(v, 1) for v in (box.xMinimum(), box.yMinimum(),
                                                                    box.xMaximum(), box.yMaximum())]
            record["probe_main_thread"] = self.probe()
            self.report["runs"].append(record)
            self.save()
            index = number - 1
            if index in (firsts[name], lasts[name]):
                self.screenshots(f"{'first' if index == firsts[name] else 'last'}_{name}")
            if index == firsts[name] and record["ok"]:
                self.briefing_cover(dock, name)
            # Keep the project small: drop the run before last (the last stays on show).
            root = QgsProject.instance().layerTreeRoot()
            groups = [node for node in root.children() if node.nodeType() == 0]  # groups
            if len(groups) > 2:
                for group in groups[2:]:
                    ids = [found.layerId() for found in group.findLayers()]
                    QgsProject.instance().removeMapLayers(ids)
                    root.removeChildNode(group)
            if number in self.pauses:
                self.report["runs"][-1]["paused_after_s"] = self.pause
                self.pump(self.pause)
                self.report["runs"][-1]["pool_threads_after_pause"] = self.task_pool().activeThreadCount()
        return dock

    def briefing_cover(self, dock, name):
        """The briefing pack the panel's button asks for (its title, hotspots, visits, crimes), made with
        Processing, and its cover rasterised: the title must wrap within its frame."""
        import processing
        from osgeo import gdal

        from hotspot_patrol.ui import exports
        parameters = exports.briefing_parameters(dock.plan, dock.layer("hotspots"), dock.layer("visits"))
        parameters["OUTPUT"] = str(self.out / f"briefing_{name}.pdf")
        record = {"layer": name, "title": parameters["TITLE"]}
        try:
            processing.run(exports.BRIEFING_PACK, parameters)
            cover = self.out / f"briefing_cover_{name}.png"
            gdal.Translate(str(cover), gdal.OpenEx(f"PDF:1:{parameters['OUTPUT']}", open_options=["DPI=80"]),
                           format="PNG")
            record["cover"] = str(cover)
        except Exception as error:  # noqa: BLE001 (the report says what broke)
            record["error"] = str(error)
        self.report.setdefault("briefing_covers", []).append(record)

    # --- plain Processing in background tasks -------------------------------------------------

    def gridcrimes_tasks(self, layers):
        import processing
        source = layers["southend"].source()

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__(False)
                self.lines = []

            def pushInfo(self, info):  # noqa: N802
                self.lines.append(info)
                super().pushInfo(info)

            def reportError(self, error, fatalError=False):  # noqa: N802, N803
                self.lines.append("ERROR: " + error)
                super().reportError(error, fatalError)

        for number in range(1, self.tasks + 1):
            output = str(self.out / "gridcrimes" / f"grid_{number}.gpkg")
            Path(output).parent.mkdir(exist_ok=True)
            box = {}

            def work(task, output=output, box=box):
                feedback = Feedback()
                context = QgsProcessingContext()  # made in the worker thread, as Processing's own tasks do
                try:
                    result = processing.run("hotspotpatrol:gridcrimes", {"INPUT": source, "CELL_SIZE": 150,
                                                                         "OUTPUT": output},
                                            context=context, feedback=feedback)
                    box["result"] = {key: value for key, value in result.items()
                                     if isinstance(value, (int, float, str))}
                except Exception as error:  # noqa: BLE001 (recorded)
                    box["error"] = str(error).strip().splitlines()[-1] if str(error).strip() else repr(error)
                box["crs_lines"] = [line for line in feedback.lines if "CRS" in line or "ERROR" in line]
                return True

            task = QgsTask.fromFunction(f"gridcrimes check {number}", work)
            QgsApplication.taskManager().addTask(task)
            self.wait_idle()
            record = {"task": number, "error": box.get("error"), "log": box.get("crs_lines"),
                      "result": box.get("result")}
            if "result" in box:
                grid = QgsVectorLayer(output, "grid", "ogr")
                record["output"] = dict(self.crs_record(grid.crs()), cells=grid.featureCount())
                top = sorted(grid.getFeatures(), key=lambda f: -f["count"])[:5]
                record["top_cells"] = [f["cell_id"] for f in top]
            record["probe_main_thread"] = self.probe()
            self.report["gridcrimes_tasks"].append(record)
            self.save()
            if number in self.pauses:
                self.pump(self.pause)

    # --- summary -------------------------------------------------------------------------------

    def summarise(self):
        runs, tasks = self.report["runs"], self.report["gridcrimes_tasks"]
        empty = [(run["run"], role) for run in runs for role, out in run["outputs"].items() if out["wkt_empty"]]
        cells = {}
        for run in runs:
            if "cells" in run:
                cells.setdefault(run["layer"], set()).add(json.dumps(run["cells"]))
        self.report["summary"] = {
            "panel_runs": len(runs), "panel_runs_ok": sum(run["ok"] for run in runs),
            "panel_failures": [[run["run"], run["layer"], run["status"]] for run in runs if not run["ok"]],
            "outputs_with_empty_wkt": empty,
            "authids": sorted({out["authid"] for run in runs for out in run["outputs"].values()}),
            "distinct_cell_lists_per_layer": {name: len(found) for name, found in cells.items()},
            "main_thread_probe_empty_after_run": [run["run"] for run in runs
                                                  if any(p["wkt_empty"] for p in run["probe_main_thread"].values())],
            "gridcrimes_tasks": len(tasks),
            "gridcrimes_ok": sum(task["error"] is None for task in tasks),
            "gridcrimes_errors": sorted({task["error"] for task in tasks if task["error"]}),
            "gridcrimes_empty_wkt": [task["task"] for task in tasks if task.get("output", {}).get("wkt_empty")],
            "gridcrimes_cell_counts": sorted({task["output"]["cells"] for task in tasks if "output" in task}),
        }

    def close_modal_dialogs(self):
        """A modal dialog (a prompt nobody answers under Xvfb) would stop the check: record and reject it."""
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            self.report.setdefault("modal_dialogs_rejected", []).append(dialog.windowTitle() or type(dialog).__name__)
            dialog.reject() if hasattr(dialog, "reject") else dialog.close()

    def run(self):
        started = time.monotonic()
        self.watchdog = QTimer()
        self.watchdog.timeout.connect(self.close_modal_dialogs)
        self.watchdog.start(3000)
        try:
            if self.expiry:
                self.task_pool().setExpiryTimeout(int(self.expiry))
            self.report["pool_expiry_ms"] = self.task_pool().expiryTimeout()
            plugin = self.plugin()
            layers = self.load_layers()
            self.panel_runs(plugin, layers)
            self.gridcrimes_tasks(layers)
        except Exception:  # noqa: BLE001 (the report says what broke)
            self.report["errors"].append(traceback.format_exc())
        finally:
            self.summarise()
            self.report["seconds"] = round(time.monotonic() - started, 1)
            self.save()
            if _setting("QUIT", "1") != "0":
                QgsProject.instance().clear()
                QgsProject.instance().setDirty(False)
                QTimer.singleShot(500, QgsApplication.instance().quit)


def _start():
    Check().run()


# QGIS runs --code files before its event loop starts: begin once the window is up.
QTimer.singleShot(2000, _start)
