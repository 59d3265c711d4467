"""Run by test_unloading_the_plugin_during_a_run_does_not_crash: the plugin owns the provider,
starts a run in its dock and is unloaded after a delay (seconds, argv[2]). Exit status 0 and
"survived" when QGIS survives it."""

import importlib.util
import sys
import time
from pathlib import Path
from unittest.mock import MagicMock

from qgis.core import QgsApplication, QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QSettings
from qgis.PyQt.QtWidgets import QMainWindow, QMessageBox

REPO = Path(__file__).resolve().parents[2]


def main(settings_file, delay):
    application = QgsApplication([], True)
    application.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    Processing.initialize()  # as in QGIS desktop
    spec = importlib.util.spec_from_file_location(
        "hotspot_patrol", REPO / "__init__.py", submodule_search_locations=[str(REPO)])
    plugin_module = importlib.util.module_from_spec(spec)
    sys.modules["hotspot_patrol"] = plugin_module
    spec.loader.exec_module(plugin_module)
    from hotspot_patrol.ui import dock as dock_module
    dock_module.QgsSettings = lambda: QgsSettings(settings_file, QSettings.Format.IniFormat)

    window = QMainWindow()
    iface = MagicMock()
    iface.mainWindow.return_value = window
    crimes = QgsVectorLayer(str(REPO / "sample_data" / "chicago_crimes_2024.gpkg"), "crimes", "ogr")
    QgsProject.instance().addMapLayer(crimes)
    plugin = plugin_module.classFactory(iface)
    plugin.initGui()
    assert plugin.provider is not None, "the plugin must own the provider here"
    plugin.show_dock(True)
    dock = plugin.dock
    dock.layer_combo.setLayer(crimes)
    dock.time_widget.setField("date")
    dock.timezone.setCurrentText("America/Chicago")
    dock.start_date.setDate(QDate(2024, 6, 3))
    QMessageBox.question = lambda *args, **kwargs: QMessageBox.StandardButton.Yes  # the sample's past first day
    dock.days.setValue(28)
    dock.hotspot_count.setValue(20)
    dock.density.setChecked(True)
    dock.start_run()
    started = time.monotonic()
    while time.monotonic() - started < delay:
        QgsApplication.processEvents()
        time.sleep(0.001)
    plugin.unload()
    while QgsApplication.taskManager().countActiveTasks():
        QgsApplication.processEvents()
        time.sleep(0.002)
    QgsApplication.processEvents()
    print("survived")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
