"""The planner panel's Visits tab: the plan's visits filtered by day and unit, the chosen hotspot's
day × hour strip, and the export buttons."""

from qgis.PyQt.QtCore import QDate, QSize, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .risk_strip import RiskStrip
from .visits_table import DAY_COLUMN, FID_ROLE, HOTSPOT_ROLE, HOUR_ROLE, VisitsFilter, VisitsModel, VisitsView


class WrappedTitle(QLabel):
    """A word-wrapped label as tall as its text at its width, without making its page height-for-width: a
    scroll area lays such a page out at its preferred height, and would scroll on a 1366×768 screen where
    the page fits by showing fewer rows of the table."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)

    def hasHeightForWidth(self):  # noqa: N802 (Qt's name)
        return False

    def sizeHint(self):  # noqa: N802 (Qt's name)
        return QSize(super().minimumSizeHint().width(), self.heightForWidth(max(self.width(), 1)))

    def minimumSizeHint(self):  # noqa: N802 (Qt's name)
        return self.sizeHint()

    def setText(self, text):  # noqa: N802 (Qt's name)
        super().setText(text)
        self.updateGeometry()

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wider or narrower: more or fewer lines


class VisitsPage(QWidget):
    """A plan's visits, one row each; choosing one shows its hotspot's risk by hour of the week and emits
    ``visit_chosen(fid)``.  The export buttons are the panel's to connect and enable."""

    visit_chosen = pyqtSignal(object)  # a feature id of the visits layer: 64 bits

    def __init__(self, parent=None):
        super().__init__(parent)
        self.profiles = {}  # hotspot_id -> 168 relative risks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 4, 2, 2)
        filters = QHBoxLayout()
        self.day_filter = QComboBox(self)
        self.unit_filter = QComboBox(self)
        self.day_filter.setToolTip(self.tr("The visits of the shifts that open on this day, a night shift's "
                                           "visits after midnight included"))
        self.day_filter.currentIndexChanged.connect(self._filter_changed)
        self.unit_filter.currentIndexChanged.connect(self._filter_changed)
        filters.addWidget(QLabel(self.tr("Day"), self))
        filters.addWidget(self.day_filter, 2)
        filters.addWidget(QLabel(self.tr("Unit"), self))
        filters.addWidget(self.unit_filter, 1)
        layout.addLayout(filters)

        self.model = VisitsModel(self)
        self.proxy = VisitsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = VisitsView(self.proxy, self)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        layout.addWidget(self.table, 1)

        self.strip_title = WrappedTitle(self)
        self.strip = RiskStrip(self)
        layout.addWidget(self.strip_title)
        layout.addWidget(self.strip)

        buttons = QGridLayout()
        self.export_gpkg_button = QPushButton(self.tr("GeoPackage…"), self)
        self.export_csv_button = QPushButton(self.tr("CSV…"), self)
        self.export_ics_button = QPushButton(self.tr("Calendar…"), self)
        self.briefing_button = QPushButton(self.tr("Briefing…"), self)
        self.export_gpkg_button.setToolTip(self.tr("Save the visits layer as a GeoPackage"))
        self.export_csv_button.setToolTip(self.tr("Save the visits table (CSV) as the patrol plan wrote it"))
        self.export_ics_button.setToolTip(self.tr("Save the visits as an iCalendar file (.ics) for phones' calendars"))
        self.briefing_button.setToolTip(self.tr("Make a PDF briefing pack of the hotspots and visits"))
        # One row: a second would take the height the strip's legend needs on a 1366×768 screen.
        for number, button in enumerate((self.export_gpkg_button, self.export_csv_button,
                                         self.export_ics_button, self.briefing_button)):
            buttons.addWidget(button, 0, number)
        layout.addLayout(buttons)
        self._reset_filters()
        self.show_hotspot(None)

    def show_plan(self, visits, profiles):
        """Show the ``visits`` layer's visits, and the first hotspot's ``profiles`` (``{hotspot_id: 168 risks}``)."""
        self.profiles = profiles
        self.model.load(visits)
        self._reset_filters()
        self.table.sortByColumn(DAY_COLUMN, Qt.SortOrder.AscendingOrder)
        first = min(self.profiles, key=lambda h: (len(h), h)) if self.profiles else None
        self.show_hotspot(first)

    def clear(self):
        self.profiles = {}
        self.model.load(None)
        self._reset_filters()
        self.show_hotspot(None)

    def show_hotspot(self, hotspot_id, highlight=None):
        """Show ``hotspot_id``'s risk and planned visits in the strip (None clears it)."""
        if hotspot_id is None:
            self.strip.clear()
            if self.model.rowCount() and not self.profiles:
                self.strip_title.setText(self.tr("No crime risk by hour: the crimes carry no time of day, so the "
                                                 "visits' starts were spread evenly over the shifts."))
            else:
                self.strip_title.setText(self.tr("Run a plan to see when each hotspot's crime happens."))
            return
        hours = self.model.visit_hours(hotspot_id)
        self.strip.set_data(self.profiles.get(hotspot_id), hours, highlight)
        if len(hours) == 1:
            title = self.tr("Hotspot {}: crime risk by weekday and hour; 1 planned visit").format(hotspot_id)
        else:
            title = self.tr("Hotspot {}: crime risk by weekday and hour; {} planned visits").format(
                hotspot_id, len(hours))
        self.strip_title.setText(title)

    def set_filters_enabled(self, enabled):
        self.day_filter.setEnabled(enabled)
        self.unit_filter.setEnabled(enabled)

    def _reset_filters(self):
        days, units = self.model.days_and_units()
        for combo in (self.day_filter, self.unit_filter):
            combo.blockSignals(True)
            combo.clear()
        self.day_filter.addItem(self.tr("All days"), None)
        for day in days:
            date = QDate.fromString(day, Qt.DateFormat.ISODate)
            self.day_filter.addItem(self.locale().toString(date, "ddd d MMM yyyy"), day)
        self.unit_filter.addItem(self.tr("All units"), None)
        for unit in units:
            self.unit_filter.addItem(self.tr("Unit {}").format(unit), unit)
        for combo in (self.day_filter, self.unit_filter):
            combo.blockSignals(False)
        self.proxy.set_day(None)
        self.proxy.set_unit(None)

    def _filter_changed(self):
        self.proxy.set_day(self.day_filter.currentData())
        self.proxy.set_unit(self.unit_filter.currentData())

    def _row_chosen(self, current, previous=None):
        if not current.isValid():
            return
        source = self.proxy.mapToSource(current)
        self.show_hotspot(source.data(HOTSPOT_ROLE), highlight=source.data(HOUR_ROLE))
        self.visit_chosen.emit(source.data(FID_ROLE))
