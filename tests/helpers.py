"""Layers built in tests."""

import importlib.util
import time
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

REPO = Path(__file__).resolve().parents[1]


def load_tool(name):
    """The script tools/<name>.py as a module (the tools are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
SAMPLE_DATA = REPO / "sample_data"
SOUTHEND = SAMPLE_DATA / "southend_street_crime_2018.gpkg"

# QgsField takes a QMetaType.Type from QGIS 3.38 on (the QVariant.Type overload is deprecated).
if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType
    _TYPES = {"double": QMetaType.Type.Double, "int": QMetaType.Type.Int,
              "text": QMetaType.Type.QString, "datetime": QMetaType.Type.QDateTime, "date": QMetaType.Type.QDate}
else:
    from qgis.PyQt.QtCore import QVariant
    _TYPES = {"double": QVariant.Double, "int": QVariant.Int, "text": QVariant.String,
              "datetime": QVariant.DateTime, "date": QVariant.Date}


def point_layer(points, crs="EPSG:27700", fields=(), rows=None, geometry="Point"):
    """A memory layer; ``points`` are (x, y) tuples, lists of them (multipoint) or None (null geometry)."""
    layer = QgsVectorLayer(f"{geometry}?crs={crs}", "crimes", "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(name, _TYPES[kind]) for name, kind in fields])
    layer.updateFields()
    features = []
    for number, point in enumerate(points):
        feature = QgsFeature(layer.fields())
        if isinstance(point, list):
            feature.setGeometry(QgsGeometry.fromMultiPointXY([QgsPointXY(*p) for p in point]))
        elif point is not None:
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*point)))
        if rows is not None:
            feature.setAttributes(list(rows[number]))
        features.append(feature)
    provider.addFeatures(features)
    return layer


def features_by(layer, key):
    return {feature[key]: feature for feature in layer.getFeatures()}


def when(year, month, day, hour=0, minute=0):
    """A QDateTime parameter value."""
    return QDateTime(QDate(year, month, day), QTime(hour, minute))


class Recording(QgsProcessingFeedback):
    """Processing feedback that keeps what an algorithm logs: ``warnings``, ``infos`` and ``errors``."""

    def __init__(self):
        super().__init__()
        self.warnings, self.infos, self.errors = [], [], []

    def reportError(self, error, fatal=False):  # noqa: N802 (QGIS's name)
        self.errors.append(error)
        super().reportError(error, fatal)

    def pushWarning(self, warning):  # noqa: N802 (QGIS's name)
        self.warnings.append(warning)
        super().pushWarning(warning)

    def pushInfo(self, info):  # noqa: N802 (QGIS's name)
        self.infos.append(info)
        super().pushInfo(info)


def wait_until_idle(dock, timeout=120):
    """Let the event loop run until the dock's task has finished and been handled."""
    deadline = time.monotonic() + timeout
    while dock.is_running() or QgsApplication.taskManager().countActiveTasks():
        assert time.monotonic() < deadline, "the dock's task did not finish"
        QgsApplication.processEvents()
        time.sleep(0.005)
    QgsApplication.processEvents()


def fill_plan_form(dock, layer, time_field="date", zone="America/Chicago", first_day=(2024, 6, 3), days=7,
                   hotspots=5, units=None, seed=None, density=None):
    """Fill the panel's form as a user would for ``layer`` (the Chicago sample's field, zone and June week
    by default); None leaves a setting as the panel has it."""
    dock.layer_combo.setLayer(layer)
    dock.time_widget.setField(time_field)
    dock.timezone.setCurrentText(zone)
    dock.start_date.setDate(QDate(*first_day))
    dock.days.setValue(days)
    dock.hotspot_count.setValue(hotspots)
    for widget, value in ((dock.units, units), (dock.seed, seed)):
        if value is not None:
            widget.setValue(value)
    if density is not None:
        dock.density.setChecked(density)


def run_panel(dock):
    """Start the panel's run and wait for it; the outcomes its run_finished signal gave (``[True]`` when
    the plan was made)."""
    outcomes = []
    dock.run_finished.connect(outcomes.append)
    dock.start_run()
    wait_until_idle(dock)
    dock.run_finished.disconnect(outcomes.append)
    return outcomes
