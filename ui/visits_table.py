"""The plan's visits as a sortable table, filtered by day and unit."""

import datetime

import numpy as np
from qgis.PyQt.QtCore import QDate, QLocale, QSortFilterProxyModel, Qt, QVariant
from qgis.PyQt.QtGui import QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from ..core import temporal

# Qt 6's item roles are enum members, Qt 5's plain ints: add to the number either way.
_USER = getattr(Qt.ItemDataRole.UserRole, "value", Qt.ItemDataRole.UserRole)
FID_ROLE = _USER + 1
SORT_ROLE = _USER + 2
DAY_ROLE = _USER + 3
UNIT_ROLE = _USER + 4
HOTSPOT_ROLE = _USER + 5
HOUR_ROLE = _USER + 6

DAY_FORMAT = "ddd d MMM"
JANUARY_FIRST = QDate(2024, 1, 1)  # a leap year: every day and month name

N_COLUMNS = 5
DAY_COLUMN, TIME_COLUMN, HOTSPOT_COLUMN, UNIT_COLUMN, RISK_COLUMN = range(N_COLUMNS)
MINIMUM_ROWS = 4  # the table keeps this many rows in sight, and the strip below it fits a 1366×768 screen


def time_span_text(start, end):
    """A visit's local start and end times, such as 22:40–23:00."""
    return f"{start:%H:%M}–{end:%H:%M}"


def hour_of_week(start_local):
    """Hour of the week (0 = Monday 00:00) of an ISO 8601 local time such as 2024-06-03T14:35-05:00."""
    wall_clock = datetime.datetime.fromisoformat(start_local).replace(tzinfo=None)
    return int(temporal.hour_of_week(np.datetime64(wall_clock)))


class VisitsModel(QStandardItemModel):
    """One row per visit of a patrol plan layer (as hotspotpatrol:patrolplan writes it).

    Every item carries the visit's feature id, day (ISO date), unit, hotspot id
    and start hour of the week in roles, and a sort key per column (the day
    column sorts by the start instant, the time column by the local time of
    day).  The day and time columns show the local start date and the local
    start and end times; the day role is the patrol day, the day the visit's
    shift opened, which for a night shift's visit after midnight is the day
    before.
    """

    def __init__(self, parent=None):
        super().__init__(0, N_COLUMNS, parent)
        self.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Time"), self.tr("Hotspot"), self.tr("Unit"),
                                        self.tr("Risk")])

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
                (locale.toString(QDate(moment.date()), DAY_FORMAT), instant),
                (time_span_text(moment, end), moment.hour * 60 + moment.minute),
                (hotspot_id, int(hotspot_id) if numeric_ids else hotspot_id),
                (str(feature["unit"]), int(feature["unit"])),
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
            row[HOTSPOT_COLUMN].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            row[UNIT_COLUMN].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            row[RISK_COLUMN].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        self.sortByColumn(DAY_COLUMN, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._fit_columns(visits_filter.sourceModel())

    def _fit_columns(self, visits):
        """Size each column for its widest possible text, so that none is ever elided, and keep the table at
        least that wide and :data:`MINIMUM_ROWS` rows high: the dock then makes room for it.

        The hotspot column takes whatever width is left (ids need not be numbers).
        """
        header = self.horizontalHeader()
        metrics, title_metrics = self.fontMetrics(), header.fontMetrics()
        # Qt's item views draw a cell's text inside this margin on each side, and elide what does not fit;
        # one more pixel each side absorbs the rounding of fractional text widths.
        margins = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1) + 2
        widest = {
            DAY_COLUMN: max(metrics.horizontalAdvance(QLocale().toString(JANUARY_FIRST.addDays(day), DAY_FORMAT))
                            for day in range(366)),
            TIME_COLUMN: metrics.horizontalAdvance(time_span_text(datetime.time(), datetime.time())),
            HOTSPOT_COLUMN: metrics.horizontalAdvance("0000"),
            UNIT_COLUMN: metrics.horizontalAdvance("000"),
            RISK_COLUMN: metrics.horizontalAdvance("000.00"),
        }
        header.setMinimumSectionSize(title_metrics.horizontalAdvance("0000"))
        total = 0
        for column, text_width in widest.items():
            title = visits.headerData(column, Qt.Orientation.Horizontal)
            width = max(text_width + margins,
                        title_metrics.horizontalAdvance(title) + title_metrics.height())  # + the sort arrow
            total += width
            if column == HOTSPOT_COLUMN:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, width)
        frame = 2 * self.frameWidth()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        self.setMinimumWidth(total + frame + scroll_bar)
        self.setMinimumHeight(frame + header.sizeHint().height()
                              + MINIMUM_ROWS * self.verticalHeader().defaultSectionSize())


def _risk_cell(risk):
    """Text and sort key of a visit's risk: blank when the starts were not risk-weighted (NULL)."""
    if risk is None or (isinstance(risk, QVariant) and risk.isNull()):
        return "", -1.0
    return f"{risk:.2f}", float(risk)
