"""What the planner panel remembers between sessions, and what it guesses about a crime layer."""

import os

from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsProject,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from ..algorithms.time_zones import system_time_zone
from ..core.place_zones import zone_at
from ..core.schedule import DEFAULT_SHIFTS
from ..core.time_fields import choose_time_field, sample_resolution

SETTINGS_PREFIX = "hotspot_patrol/dock/"
DEFAULTS = {"layer": "", "time_expression": "", "cell_size": 150.0, "hotspots": 20, "choose_by": "count",
            "start_date": "",
            "days": 28, "timezone": "", "shifts": DEFAULT_SHIFTS, "units": 1, "seed": 0, "density": False}
#: How many of a layer's crimes the panel reads to propose its time field and tell what the times support.
SAMPLE_SIZE = 200


def _flag(value):
    # QSettings may give a boolean back as text ("false", "1"): bool() would take "false" as true.
    return str(value).lower() in ("true", "1")


CONVERSIONS = {"layer": str, "time_expression": str, "cell_size": float, "hotspots": int, "choose_by": str,
               "start_date": str,
               "days": int, "timezone": str, "shifts": str, "units": int, "seed": int, "density": _flag}


class PanelSettings:
    """The panel's form and export folder, kept in ``settings`` (a QgsSettings) under hotspot_patrol/dock/."""

    def __init__(self, settings):
        self.settings = settings

    def _value(self, key):
        value = self.settings.value(SETTINGS_PREFIX + key, DEFAULTS[key])
        try:
            return CONVERSIONS[key](value)
        except (TypeError, ValueError):
            return DEFAULTS[key]

    def form(self):
        """The form of the last run, the defaults where there is none: the first day is tomorrow (also in
        place of a saved day now past), the time zone this computer's.  ``start_date`` is a QDate, ``layer``
        a layer id."""
        values = {key: self._value(key) for key in DEFAULTS}
        start = QDate.fromString(values["start_date"], Qt.DateFormat.ISODate)
        today = QDate.currentDate()
        values["start_date"] = start if start.isValid() and start >= today else today.addDays(1)
        values["timezone"] = values["timezone"] or system_time_zone()
        values["shifts"] = values["shifts"] or DEFAULT_SHIFTS
        return values

    def save_form(self, values):
        """Keep ``values`` (as :meth:`form` gives them) for the next session."""
        values = dict(values, start_date=values["start_date"].toString(Qt.DateFormat.ISODate))
        for key, value in values.items():
            self.settings.setValue(SETTINGS_PREFIX + key, value)
        self.settings.sync()

    def export_folder(self):
        """The folder of the last export, at first the home folder."""
        return str(self.settings.value(SETTINGS_PREFIX + "export_folder", os.path.expanduser("~")))

    def remember_export_folder(self, folder):
        self.settings.setValue(SETTINGS_PREFIX + "export_folder", folder)

    def output_folder(self):
        """The folder the user chose for the runs' outputs; "" for the default (beside the project)."""
        return str(self.settings.value(SETTINGS_PREFIX + "output_folder", ""))

    def remember_output_folder(self, folder):
        self.settings.setValue(SETTINGS_PREFIX + "output_folder", folder)

    def density_pixel_size(self, default):
        """The density surface's pixel size in metres, ``default`` until the user changes it."""
        try:
            return float(self.settings.value(SETTINGS_PREFIX + "density_pixel_size", default))
        except (TypeError, ValueError):
            return default

    def remember_density_pixel_size(self, metres):
        self.settings.setValue(SETTINGS_PREFIX + "density_pixel_size", metres)


def _python_value(value):
    """An attribute or expression value as the core reads times: Qt's dates and times as Python's."""
    if value is None or value == NULL:
        return None
    for qt_type, to_python in ((QDateTime, "toPyDateTime"), (QDate, "toPyDate"), (QTime, "toPyTime")):
        if isinstance(value, qt_type):
            return getattr(value, to_python)() if value.isValid() else None
    return value


def _field_kind(values):
    """The kind :func:`~..core.time_fields.choose_time_field` needs, from a field's sampled values."""
    kinds = {type(value).__name__ for value in values if value is not None}
    for kind, python_type in (("datetime", "datetime"), ("date", "date"), ("time", "time"), ("text", "str")):
        if kinds == {python_type}:
            return kind
    return "text" if not kinds else "other"


def _sample(layer):
    return list(layer.getFeatures(QgsFeatureRequest().setLimit(SAMPLE_SIZE).setFlags(QgsFeatureRequest.NoGeometry)))


def propose_time_field(layer):
    """The field, or date and time fields joined, that tells most about when the layer's crimes happened,
    judged on its first crimes: a :class:`~..core.time_fields.TimeFieldChoice`."""
    features = _sample(layer)
    names = layer.fields().names()
    samples = {name: [_python_value(feature[name]) for feature in features] for name in names}
    return choose_time_field([(name, _field_kind(samples[name])) for name in names], samples)


def expression_resolution(layer, expression):
    """What ``expression`` on the layer's first crimes can say: a
    :class:`~..core.time_resolution.Resolution` (resolution None when it reads no time)."""
    parsed = QgsExpression(expression)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    parsed.prepare(context)
    values = []
    for feature in _sample(layer):
        context.setFeature(feature)
        values.append(_python_value(parsed.evaluate(context)))
    return sample_resolution(values)


def propose_time_zone(layer):
    """The time zone for where the layer is (the centre of its extent), else this computer's."""
    extent = layer.extent()
    if extent.isNull() or not layer.crs().isValid():
        return system_time_zone()
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    try:
        centre = QgsCoordinateTransform(layer.crs(), wgs84, QgsProject.instance()).transform(extent.center())
    except QgsCsException:
        return system_time_zone()
    return zone_at(centre.x(), centre.y()) or system_time_zone()
