"""The plan's visits as a sortable table, filtered by day and unit."""

import datetime

import numpy as np
from qgis.PyQt.QtCore import QDate, QLocale, QSortFilterProxyModel, Qt, QVariant
from qgis.PyQt.QtGui import QStandardItem, QStandardItemModel

from ..core import temporal

# PyQt6's roles are enum members, PyQt5's plain ints: add to the number either way.
_USER = getattr(Qt.ItemDataRole.UserRole, "value", Qt.ItemDataRole.UserRole)
FID_ROLE = _USER + 1
SORT_ROLE = _USER + 2
DAY_ROLE = _USER + 3
UNIT_ROLE = _USER + 4
HOTSPOT_ROLE = _USER + 5
HOUR_ROLE = _USER + 6

COLUMNS = ("Visit", "Unit", "Hotspot", "Risk")


def hour_of_week(start_local):
    """Hour of the week (0 = Monday 00:00) of an ISO 8601 local time such as 2024-06-03T14:35-05:00."""
    wall_clock = datetime.datetime.fromisoformat(start_local).replace(tzinfo=None)
    return int(temporal.hour_of_week(np.datetime64(wall_clock)))


class VisitsModel(QStandardItemModel):
    """One row per visit of a patrol plan layer (as hotspotpatrol:patrolplan writes it).

    Every item carries the visit's feature id, day (ISO date), unit, hotspot id
    and start hour of the week in roles, and a sort key per column (the visit
    column sorts by the start instant).  The visit column shows the local start
    date and time; the day role is the patrol day, the day the visit's shift
    opened, which for a night shift's visit after midnight is the day before.
    """

    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])

    def load(self, layer):
        """Fill the model from the visits ``layer`` (None empties it)."""
        # Rows only: removing the columns too would reset the view's per-column sizing.
        self.removeRows(0, self.rowCount())
        if layer is None:
            return
        features = list(layer.getFeatures())
        numeric_ids = all(str(f["hotspot_id"]).isdigit() for f in features)
        locale = QLocale()
        for feature in features:
            day = feature["date"]
            start_local = str(feature["start_local"])
            start = feature["start"]
            hotspot_id = str(feature["hotspot_id"])
            moment = datetime.datetime.fromisoformat(start_local)
            end = moment + datetime.timedelta(minutes=int(feature["minutes"]))
            instant = start.toMSecsSinceEpoch()
            cells = (
                ("{} {}".format(locale.toString(QDate(moment.date()), "ddd d MMM"), start_local[11:16]), instant),
                (str(feature["unit"]), int(feature["unit"])),
                (hotspot_id, int(hotspot_id) if numeric_ids else hotspot_id),
                _risk_cell(feature["risk"]),
            )
            row = []
            for text, key in cells:
                item = QStandardItem(text)
                item.setEditable(False)
                item.setData(key, SORT_ROLE)
                item.setData(feature.id(), FID_ROLE)
                item.setData(day.toString(Qt.DateFormat.ISODate), DAY_ROLE)
                item.setData(int(feature["unit"]), UNIT_ROLE)
                item.setData(hotspot_id, HOTSPOT_ROLE)
                item.setData(hour_of_week(start_local), HOUR_ROLE)
                item.setToolTip(self.tr("Visit {}: hotspot {} (rank {}), unit {}, {} to {}").format(
                    feature["visit_id"], hotspot_id, feature["rank"], feature["unit"], start_local,
                    end.isoformat(timespec="minutes")))
                row.append(item)
            row[1].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            row[2].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            row[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.appendRow(row)


class VisitsFilter(QSortFilterProxyModel):
    """Sorts by each column's key; shows only one day's and/or one unit's visits when set."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.day = None
        self.unit = None
        self.setSortRole(SORT_ROLE)

    def set_day(self, day):
        """Show only visits on ``day`` (ISO date text), or every day with None."""
        self.day = day
        self.invalidateFilter()

    def set_unit(self, unit):
        """Show only ``unit``'s visits, or every unit's with None."""
        self.unit = unit
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row, source_parent):  # noqa: N802 (Qt's name)
        index = self.sourceModel().index(source_row, 0, source_parent)
        return ((self.day is None or index.data(DAY_ROLE) == self.day)
                and (self.unit is None or index.data(UNIT_ROLE) == self.unit))


def _risk_cell(risk):
    """Text and sort key of a visit's risk: blank when the starts were not risk-weighted (NULL)."""
    if risk is None or (isinstance(risk, QVariant) and risk.isNull()):
        return "", -1.0
    return f"{risk:.2f}", float(risk)
