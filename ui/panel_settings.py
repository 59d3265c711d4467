"""What the planner panel remembers between sessions, and what it guesses about a crime layer."""

import os

from qgis.PyQt.QtCore import QDate, Qt

from ..algorithms.time_zones import system_time_zone
from ..core.schedule import DEFAULT_SHIFTS

SETTINGS_PREFIX = "hotspot_patrol/dock/"
DEFAULTS = {"layer": "", "time_expression": "", "cell_size": 150.0, "hotspots": 20, "start_date": "",
            "days": 28, "timezone": "", "shifts": DEFAULT_SHIFTS, "units": 1, "seed": 0, "density": False}


def _flag(value):
    # QSettings may give a boolean back as text ("false", "1"): bool() would take "false" as true.
    return str(value).lower() in ("true", "1")


CONVERSIONS = {"layer": str, "time_expression": str, "cell_size": float, "hotspots": int, "start_date": str,
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
        """The form of the last run, the defaults where there is none: the first day is tomorrow, the time
        zone this computer's.  ``start_date`` is a QDate, ``layer`` a layer id."""
        values = {key: self._value(key) for key in DEFAULTS}
        start = QDate.fromString(values["start_date"], Qt.DateFormat.ISODate)
        values["start_date"] = start if start.isValid() else QDate.currentDate().addDays(1)
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


def guess_time_field(layer):
    """The layer's first date/time field, else the first whose name says date or time, else ""."""
    fields = layer.fields()
    for field in fields:
        if field.typeName().lower() in ("date", "datetime", "timestamp"):
            return field.name()
    for field in fields:
        if any(word in field.name().lower() for word in ("date", "time")):
            return field.name()
    return ""
