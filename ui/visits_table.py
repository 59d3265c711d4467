"""The plan's visits as a sortable table, filtered by day and unit."""

import datetime

import numpy as np
from qgis.PyQt.QtCore import QDate, QLocale, QSortFilterProxyModel, Qt, QVariant
from qgis.PyQt.QtGui import QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ..core import temporal

# PyQt6's roles are enum members, PyQt5's plain ints: add to the number either way.
_USER = getattr(Qt.ItemDataRole.UserRole, "value", Qt.ItemDataRole.UserRole)
FID_ROLE = _USER + 1
SORT_ROLE = _USER + 2
DAY_ROLE = _USER + 3
UNIT_ROLE = _USER + 4
HOTSPOT_ROLE = _USER + 5
HOUR_ROLE = _USER + 6

N_COLUMNS = 4  # visit, unit, hotspot, risk


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
        super().__init__(0, N_COLUMNS, parent)
        self.setHorizontalHeaderLabels([self.tr("Visit"), self.tr("Unit"), self.tr("Hotspot"), self.tr("Risk")])

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

    def days_and_units(self):
        """The patrol days (ISO dates) and the units of the visits, each sorted."""
        days, units = set(), set()
        for row in range(self.rowCount()):
            index = self.index(row, 0)
            days.add(index.data(DAY_ROLE))
            units.add(index.data(UNIT_ROLE))
        return sorted(days), sorted(units)

    def visit_hours(self, hotspot_id):
        """The hour of the week of each visit to ``hotspot_id``."""
        return [self.index(row, 0).data(HOUR_ROLE) for row in range(self.rowCount())
                if self.index(row, 0).data(HOTSPOT_ROLE) == hotspot_id]


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


class VisitsView(QTableView):
    """The visits of ``visits_filter`` (a :class:`VisitsFilter`), one row selectable at a time, in visit order
    at first."""

    def __init__(self, visits_filter, parent=None):
        super().__init__(parent)
        self.setModel(visits_filter)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        # The visit column takes what the short number columns leave: sized to their headers, not to
        # the style's default section size, so the table fits a narrow dock.
        visits = visits_filter.sourceModel()
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        header.setMinimumSectionSize(metrics.horizontalAdvance("0000"))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, visits.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            text = visits.headerData(column, Qt.Orientation.Horizontal)
            widest = max(metrics.horizontalAdvance(text), metrics.horizontalAdvance("00.00"))
            header.resizeSection(column, widest + metrics.height())  # room for the sort arrow


def _risk_cell(risk):
    """Text and sort key of a visit's risk: blank when the starts were not risk-weighted (NULL)."""
    if risk is None or (isinstance(risk, QVariant) and risk.isNull()):
        return "", -1.0
    return f"{risk:.2f}", float(risk)
