"""The Hotspot Patrol dock: from a crime layer to ranked hotspots, a patrol plan and its exports."""

import os
import shutil
import time

import numpy as np
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsProcessingException,
    QgsProcessingUtils,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.gui import (
    QgsDockWidget,
    QgsFieldExpressionWidget,
    QgsMapCanvas,
    QgsMapLayerComboBox,
    QgsMessageBar,
)
from qgis.PyQt.QtCore import QDate, Qt, QTimeZone, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..algorithms import styles
from ..algorithms.reader import build_crs_in_main_thread
from ..algorithms.time_zones import system_time_zone, time_zone
from ..core.schedule import DEFAULT_SHIFTS, WEEKDAYS, parse_shifts
from .risk_strip import HOURS_PER_WEEK, RiskStrip
from .task import AlgorithmChainTask
from .visits_table import DAY_ROLE, FID_ROLE, HOTSPOT_ROLE, HOUR_ROLE, UNIT_ROLE, VisitsFilter, VisitsModel

SETTINGS_PREFIX = "hotspot_patrol/dock/"
BRIEFING_PACK = "hotspotpatrol:briefingpack"
# QGIS 3.34 moved the layer filters to Qgis.LayerFilter; QGIS 4 drops the old names.
POINT_LAYERS = (Qgis.LayerFilter.PointLayer if hasattr(Qgis, "LayerFilter")
                else QgsMapLayerProxyModel.Filter.PointLayer)
DEFAULTS = {"layer": "", "time_expression": "", "cell_size": 150.0, "hotspots": 20, "start_date": "",
            "days": 28, "timezone": "", "shifts": DEFAULT_SHIFTS, "units": 1, "seed": 0, "density": False}


class HotspotPatrolDock(QgsDockWidget):
    """Rank hotspots in a crime layer, plan patrols to them and browse the plan, in one panel.

    The chain (rank hotspots, patrol plan, crime time profile and, optionally,
    kernel density) runs as one background task; its outputs are temporary
    files, added to the project in one layer-tree group.  ``iface`` may be
    None (messages then go to the dock's status line only).  ``settings``
    defaults to the user's QgsSettings; tests pass their own.
    """

    run_finished = pyqtSignal(bool)

    def __init__(self, iface=None, parent=None, settings=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hotspot Patrol"))
        self.setObjectName("HotspotPatrolDock")
        self.iface = iface
        self.settings = settings if settings is not None else QgsSettings()
        self.task = None
        self.run = None  # the run under way or last finished: its files, title, timing
        self.plan = None  # the run whose plan is on show
        self.layer_ids = {}  # "hotspots", "visits" and "density" of the plan on show
        self.profiles = {}  # hotspot_id -> 168 relative risks
        self._build()
        self.restore_settings()
        self.show_hotspot(None)
        QgsProject.instance().layersWillBeRemoved.connect(self._layers_will_be_removed)
        self._update_buttons()

    # --- building -----------------------------------------------------------------------

    def _build(self):
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget(body)
        self.tabs.addTab(self._build_settings_tab(), self.tr("Plan"))
        self.tabs.addTab(self._build_visits_tab(), self.tr("Visits"))
        layout.addWidget(self.tabs)

        run_row = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Rank and plan"), body)
        self.run_button.setToolTip(self.tr("Rank the hotspots, plan the patrols and add the results to the "
                                           "project, in the background"))
        self.run_button.clicked.connect(self.start_run)
        self.cancel_button = QPushButton(self.tr("Cancel"), body)
        self.cancel_button.clicked.connect(self.cancel_run)
        self.progress = QProgressBar(body)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        layout.addLayout(run_row)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        # Dock layouts ignore a wrapped label's height for its width: keep room for three lines.
        self.status.setMinimumHeight(3 * self.status.fontMetrics().lineSpacing())
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.setWidget(body)

    def _build_settings_tab(self):
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layer_combo = QgsMapLayerComboBox(page)
        self.layer_combo.setFilters(POINT_LAYERS)
        self.layer_combo.setAllowEmptyLayer(True)
        self.time_widget = QgsFieldExpressionWidget(page)
        self.time_widget.setToolTip(self.tr("The field or expression with each crime's date and time, in the "
                                            "local time of the plan's time zone"))
        self.layer_combo.layerChanged.connect(self._layer_changed)
        self.layer_combo.layerChanged.connect(self._update_buttons)

        self.cell_size = QDoubleSpinBox(page)
        self.cell_size.setRange(10.0, 5000.0)
        self.cell_size.setDecimals(0)
        self.cell_size.setSingleStep(10.0)
        self.cell_size.setSuffix(self.tr(" m"))
        self.cell_size.setToolTip(self.tr("Side of the square grid cells; the Southend pilot patrolled 150 m cells"))
        self.hotspot_count = QSpinBox(page)
        self.hotspot_count.setRange(1, 500)
        self.start_date = QDateEdit(page)
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat("ddd yyyy-MM-dd")
        self.days = QSpinBox(page)
        self.days.setRange(1, 366)
        self.days.setSuffix(self.tr(" days"))
        self.timezone = QComboBox(page)
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(bytes(zone).decode() for zone in QTimeZone.availableTimeZoneIds()))
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # The longest zone names would make the whole dock wide.
        self.timezone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.timezone.setMinimumContentsLength(10)
        self.timezone.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.timezone.setToolTip(self.tr("IANA time zone of the plan, e.g. Europe/London or America/Chicago"))
        self.shifts = QLineEdit(page)
        self.shifts.setToolTip(self.tr("Windows in which visits may start and end, e.g. 08:00-14:00,22:00-02:00"))
        self.units = QSpinBox(page)
        self.units.setRange(1, 100)
        self.seed = QSpinBox(page)
        self.seed.setRange(0, 2 ** 31 - 1)
        self.seed.setToolTip(self.tr("Same inputs and seed, same plan; change it for other visit times"))
        self.density = QCheckBox(self.tr("Crime density surface too"), page)

        form.addRow(self.tr("Crimes"), self.layer_combo)
        form.addRow(self.tr("Date and time"), self.time_widget)
        form.addRow(self.tr("Cell size"), self.cell_size)
        form.addRow(self.tr("Hotspots"), self.hotspot_count)
        form.addRow(self.tr("First day"), self.start_date)
        form.addRow(self.tr("Plan for"), self.days)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Shifts"), self.shifts)
        form.addRow(self.tr("Units on duty"), self.units)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.density)
        return page

    def _build_visits_tab(self):
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 4, 2, 2)
        filters = QHBoxLayout()
        self.day_filter = QComboBox(page)
        self.unit_filter = QComboBox(page)
        self.day_filter.setToolTip(self.tr("The visits of the shifts that open on this day, a night shift's "
                                           "visits after midnight included"))
        self.day_filter.currentIndexChanged.connect(self._filter_changed)
        self.unit_filter.currentIndexChanged.connect(self._filter_changed)
        filters.addWidget(QLabel(self.tr("Day"), page))
        filters.addWidget(self.day_filter, 2)
        filters.addWidget(QLabel(self.tr("Unit"), page))
        filters.addWidget(self.unit_filter, 1)
        layout.addLayout(filters)

        self.model = VisitsModel(page)
        self.proxy = VisitsFilter(page)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(page)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        # The visit column takes what the short number columns leave: sized to their headers, not to
        # the style's default section size, so the table fits a narrow dock.
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        header.setMinimumSectionSize(metrics.horizontalAdvance("0000"))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            text = self.model.headerData(column, Qt.Orientation.Horizontal)
            widest = max(metrics.horizontalAdvance(text), metrics.horizontalAdvance("00.00"))
            header.resizeSection(column, widest + metrics.height())  # room for the sort arrow
        self.table.selectionModel().currentRowChanged.connect(self._visit_chosen)
        layout.addWidget(self.table, 1)

        self.strip_title = QLabel(page)
        self.strip_title.setWordWrap(True)
        self.strip = RiskStrip(page)
        layout.addWidget(self.strip_title)
        layout.addWidget(self.strip)

        exports = QGridLayout()
        self.export_gpkg_button = QPushButton(self.tr("GeoPackage…"), page)
        self.export_csv_button = QPushButton(self.tr("CSV…"), page)
        self.export_ics_button = QPushButton(self.tr("Calendar (.ics)…"), page)
        self.briefing_button = QPushButton(self.tr("Briefing pack…"), page)
        self.export_gpkg_button.setToolTip(self.tr("Save the visits layer as a GeoPackage"))
        self.export_csv_button.setToolTip(self.tr("Save the visits table (CSV) as the patrol plan wrote it"))
        self.export_ics_button.setToolTip(self.tr("Save the visits as an iCalendar file for phones' calendars"))
        self.briefing_button.setToolTip(self.tr("Make a PDF briefing pack of the hotspots and visits"))
        self.export_gpkg_button.clicked.connect(self.export_geopackage)
        self.export_csv_button.clicked.connect(self.export_csv)
        self.export_ics_button.clicked.connect(self.export_calendar)
        self.briefing_button.clicked.connect(self.export_briefing_pack)
        for number, button in enumerate((self.export_gpkg_button, self.export_csv_button,
                                         self.export_ics_button, self.briefing_button)):
            exports.addWidget(button, number // 2, number % 2)
        layout.addLayout(exports)
        self._reset_filters()
        return page

    # --- settings -----------------------------------------------------------------------

    def _setting(self, key, convert):
        value = self.settings.value(SETTINGS_PREFIX + key, DEFAULTS[key])
        try:
            return convert(value)
        except (TypeError, ValueError):
            return DEFAULTS[key]

    def restore_settings(self):
        """Put back the settings of the last run (or the defaults)."""
        layer = QgsProject.instance().mapLayer(self._setting("layer", str))
        if layer is not None and self.layer_combo.currentLayer() is not layer:
            self.layer_combo.setLayer(layer)
        else:
            self._layer_changed(self.layer_combo.currentLayer())
        expression = self._setting("time_expression", str)
        if expression:
            self.time_widget.setExpression(expression)
        self.cell_size.setValue(self._setting("cell_size", float))
        self.hotspot_count.setValue(self._setting("hotspots", int))
        start = QDate.fromString(self._setting("start_date", str), Qt.DateFormat.ISODate)
        self.start_date.setDate(start if start.isValid() else QDate.currentDate().addDays(1))
        self.days.setValue(self._setting("days", int))
        self.timezone.setCurrentText(self._setting("timezone", str) or system_time_zone())
        self.shifts.setText(self._setting("shifts", str) or DEFAULT_SHIFTS)
        self.shifts.setCursorPosition(0)
        self.units.setValue(self._setting("units", int))
        self.seed.setValue(self._setting("seed", int))
        self.density.setChecked(self._setting("density", lambda v: str(v).lower() in ("true", "1")))

    def save_settings(self):
        layer = self.layer_combo.currentLayer()
        values = {"layer": layer.id() if layer is not None else "", "time_expression": self.time_widget.expression(),
                  "cell_size": self.cell_size.value(), "hotspots": self.hotspot_count.value(),
                  "start_date": self.start_date.date().toString(Qt.DateFormat.ISODate), "days": self.days.value(),
                  "timezone": self.timezone.currentText().strip(), "shifts": self.shifts.text().strip(),
                  "units": self.units.value(), "seed": self.seed.value(), "density": self.density.isChecked()}
        for key, value in values.items():
            self.settings.setValue(SETTINGS_PREFIX + key, value)
        self.settings.sync()

    def _layer_changed(self, layer):
        self.time_widget.setLayer(layer)
        if layer is not None and not self.time_widget.isValidExpression():
            self.time_widget.setField(guess_time_field(layer))

    # --- running ------------------------------------------------------------------------

    def is_running(self):
        return self.task is not None

    def _inputs(self):
        """The run's inputs, or None after telling the user what to fix."""
        layer = self.layer_combo.currentLayer()
        if layer is None:
            self.show_message(self.tr("Choose the layer of crime points first."), Qgis.MessageLevel.Warning)
            return None
        expression = self.time_widget.expression().strip()
        if not expression or not self.time_widget.isValidExpression():
            self.show_message(self.tr("Choose the field (or a valid expression) with each crime's date and time: "
                                      "visit times follow when crime happens."), Qgis.MessageLevel.Warning)
            return None
        try:
            parse_shifts(self.shifts.text())
            time_zone(self.timezone.currentText())
        except (ValueError, QgsProcessingException) as error:
            self.show_message(str(error), Qgis.MessageLevel.Warning)
            return None
        return layer, expression

    def start_run(self):
        """Start the chain in the background; its results are added when it finishes."""
        if self.is_running():
            return
        inputs = self._inputs()
        if inputs is None:
            return
        layer, expression = inputs
        if layer.isModified():
            # The background task reads a copy of the saved data: a run would silently miss the edits.
            self.show_message(self.tr("The crime layer has unsaved edits: save or discard them first, so that "
                                      "the plan uses the crimes you see."), Qgis.MessageLevel.Warning)
            return
        self.save_settings()
        build_crs_in_main_thread([layer.crs().authid()])  # never first in the task's thread
        files = {name: self.temporary_path(file_name) for name, file_name in (
            ("hotspots", "hotspots.gpkg"), ("visits", "patrol_visits.gpkg"), ("csv", "patrol_plan.csv"),
            ("ics", "patrol_plan.ics"), ("profile", "time_profile.gpkg"), ("density", "crime_density.tif"))}
        # The task reads a clone: the project's layer may be removed (and deleted) while it runs.
        crimes = layer.clone()
        zone = self.timezone.currentText().strip()
        cell_size = self.cell_size.value()
        start = self.start_date.date()
        steps = [
            (self.tr("Ranking hotspots…"), "hotspotpatrol:rankhotspots", {
                "INPUT": crimes, "CELL_SIZE": cell_size, "TOP_N": self.hotspot_count.value(),
                "OUTPUT": files["hotspots"]}),
            (self.tr("Planning patrols…"), "hotspotpatrol:patrolplan", {
                "HOTSPOTS": files["hotspots"], "CRIMES": crimes, "TIME": expression,
                "START_DATE": start.toString(Qt.DateFormat.ISODate), "DAYS": self.days.value(), "TIMEZONE": zone,
                "SHIFTS": self.shifts.text().strip(), "UNITS": self.units.value(), "SEED": self.seed.value(),
                "OUTPUT": files["visits"], "OUTPUT_CSV": files["csv"], "OUTPUT_ICS": files["ics"]}),
            # Crimes without a time of day (police.uk months) have no profile: the plan stands without it.
            (self.tr("Profiling crime times…"), "hotspotpatrol:temporalprofile", {
                "HOTSPOTS": files["hotspots"], "CRIMES": crimes, "TIME": expression, "TIMEZONE": zone,
                "OUTPUT": files["profile"]}, True),
        ]
        if self.density.isChecked():
            steps.append((self.tr("Estimating crime density…"), "hotspotpatrol:kerneldensity", {
                "INPUT": crimes, "RADIUS": cell_size, "PIXEL_SIZE": cell_size / 10.0, "OUTPUT": files["density"]}))
        try:
            task = AlgorithmChainTask(self.tr("Hotspot Patrol: rank and plan"), steps, QgsProject.instance(),
                                      layers=[crimes])
        except ValueError as error:
            self.show_message(str(error), Qgis.MessageLevel.Critical)
            return
        task.setDependentLayers([layer])
        task.progressChanged.connect(self._progress_changed)
        task.step_started.connect(self.status.setText)
        task.chain_finished.connect(self._chain_finished)
        self.run = {"files": files, "density": self.density.isChecked(), "started": time.monotonic(),
                    "title": self.tr("Hotspot patrol — {} {}").format(
                        layer.name(), start.toString(Qt.DateFormat.ISODate)),
                    "crime_layer": layer.id(), "cancel_reason": None}
        self.task = task
        self.progress.setValue(0)
        self._set_message("", None)
        QgsApplication.taskManager().addTask(task)
        self._update_buttons()

    def temporary_path(self, file_name):
        """A new path for a run's output ``file_name``, in Processing's temporary folder.  Tests replace this."""
        return QgsProcessingUtils.generateTempFilename(file_name)

    def cancel_run(self, reason=None):
        """Cancel a running chain: nothing of it is added to the project."""
        if self.task is None:
            return
        self.run["cancel_reason"] = reason or self.tr("Cancelled: nothing was added to the project.")
        self.task.cancel()

    def _progress_changed(self, value):
        self.progress.setValue(int(value))

    def _chain_finished(self, ok):
        task, run = self.task, self.run
        self.task = None
        self.progress.setValue(100 if ok else 0)
        try:
            if run["cancel_reason"] is not None or task.isCanceled():
                self._set_message(run["cancel_reason"] or self.tr("Cancelled."), Qgis.MessageLevel.Info)
                ok = False
            elif not ok:
                self.show_message(task.error or self.tr("The run failed; see the Processing log."),
                                  Qgis.MessageLevel.Critical)
            else:
                # The task's thread made the outputs' CRSs (reading them back by path), and QGIS drops
                # such a CRS's definition when that thread ends: the layers must not share them.
                QgsCoordinateReferenceSystem.invalidateCache()
                build_crs_in_main_thread()
                ok = self._add_results(task, run)
        finally:
            self._update_buttons()
        self.run_finished.emit(ok)

    def _add_results(self, task, run):
        files = run["files"]
        hotspots = QgsVectorLayer(files["hotspots"], self.tr("Hotspots"), "ogr")
        visits = QgsVectorLayer(files["visits"], self.tr("Patrol visits"), "ogr")
        layers = [(visits, "patrol_visits"), (hotspots, "hotspots")]
        if run["density"]:
            layers.append((QgsRasterLayer(files["density"], self.tr("Crime density")), "density"))
        if not all(layer.isValid() for layer, _ in layers):
            self.show_message(self.tr("The results could not be opened from {}.").format(
                os.path.dirname(files["visits"])), Qgis.MessageLevel.Critical)
            return False
        for layer, style in layers:
            styles.apply_style(layer, style)
        project = QgsProject.instance()
        group = project.layerTreeRoot().insertGroup(0, run["title"])
        for layer, _ in layers:
            project.addMapLayer(layer, False)
            group.addLayer(layer)
        self.plan = run
        self.layer_ids = {"visits": visits.id(), "hotspots": hotspots.id()}
        if run["density"]:
            self.layer_ids["density"] = layers[2][0].id()
        self.profiles = read_profiles(files["profile"]) if task.results[2] is not None else {}
        self._show_plan(visits)
        self._zoom_to(hotspots)

        ranked, plan = task.results[0], task.results[1]
        self._set_message(self.tr(
            "{} hotspots hold {:.1%} of the crime in {:.2%} of the area; {} visits planned, {} dropped. "
            "Done in {:.1f} s. The layers are temporary files: export the ones to keep.").format(ranked["HOTSPOTS"], ranked["CRIME_SHARE"], ranked["AREA_SHARE"],
                                        plan["VISITS"], plan["DROPPED"], time.monotonic() - run["started"]),
            Qgis.MessageLevel.Success)
        notes = list(dict.fromkeys(task.feedback.warnings + task.feedback.errors))
        if notes:
            self._push(" ".join(notes), Qgis.MessageLevel.Warning)
        self.tabs.setCurrentIndex(1)
        return True

    # --- the plan on show ---------------------------------------------------------------

    def layer(self, role):
        """The plan's ``role`` layer (hotspots, visits, density) if it is still in the project."""
        layer_id = self.layer_ids.get(role)
        return QgsProject.instance().mapLayer(layer_id) if layer_id else None

    def _show_plan(self, visits):
        self.model.load(visits)
        self._reset_filters()
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        first = min(self.profiles, key=lambda h: (len(h), h)) if self.profiles else None
        self.show_hotspot(first)

    def _reset_filters(self):
        days, units = set(), set()
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            days.add(index.data(DAY_ROLE))
            units.add(index.data(UNIT_ROLE))
        for combo in (self.day_filter, self.unit_filter):
            combo.blockSignals(True)
            combo.clear()
        self.day_filter.addItem(self.tr("All days"), None)
        for day in sorted(days):
            date = QDate.fromString(day, Qt.DateFormat.ISODate)
            self.day_filter.addItem(self.locale().toString(date, "ddd d MMM yyyy"), day)
        self.unit_filter.addItem(self.tr("All units"), None)
        for unit in sorted(units):
            self.unit_filter.addItem(self.tr("Unit {}").format(unit), unit)
        for combo in (self.day_filter, self.unit_filter):
            combo.blockSignals(False)
        self.proxy.set_day(None)
        self.proxy.set_unit(None)

    def _filter_changed(self):
        self.proxy.set_day(self.day_filter.currentData())
        self.proxy.set_unit(self.unit_filter.currentData())

    def _visit_chosen(self, current, previous=None):
        if not current.isValid():
            return
        source = self.proxy.mapToSource(current)
        fid = source.data(FID_ROLE)
        self.show_hotspot(source.data(HOTSPOT_ROLE), highlight=source.data(HOUR_ROLE))
        visits = self.layer("visits")
        if visits is None:
            return
        visits.selectByIds([fid])
        self._pan_to(visits, fid)

    def show_hotspot(self, hotspot_id, highlight=None):
        """Show ``hotspot_id``'s risk and planned visits in the strip (None clears it)."""
        if hotspot_id is None:
            self.strip.clear()
            self.strip_title.setText(self.tr("Run a plan to see when each hotspot's crime happens."))
            return
        hours = [self.model.index(row, 0).data(HOUR_ROLE) for row in range(self.model.rowCount())
                 if self.model.index(row, 0).data(HOTSPOT_ROLE) == hotspot_id]
        self.strip.set_data(self.profiles.get(hotspot_id), hours, highlight)
        self.strip_title.setText(self.tr("Hotspot {}: crime risk by weekday and hour; {} planned visits").format(
            hotspot_id, len(hours)))

    def _canvas(self):
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        return canvas if isinstance(canvas, QgsMapCanvas) else None

    def _to_canvas(self, layer, geometry):
        """``geometry`` (in ``layer``'s CRS) in the canvas's CRS, or None without a canvas."""
        canvas = self._canvas()
        if canvas is None:
            return None
        crs = canvas.mapSettings().destinationCrs()
        if crs.isValid() and crs != layer.crs():
            geometry.transform(QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance()))
        return canvas

    def _pan_to(self, layer, fid):
        feature = layer.getFeature(fid)
        geometry = feature.geometry()
        if geometry.isNull():
            return
        canvas = self._to_canvas(layer, geometry)
        if canvas is not None:
            canvas.setCenter(geometry.centroid().asPoint())
            canvas.refresh()

    def _zoom_to(self, layer):
        extent = layer.extent()
        if extent.isEmpty():
            return
        geometry = QgsGeometry.fromRect(extent)
        canvas = self._to_canvas(layer, geometry)
        if canvas is not None:
            rectangle = geometry.boundingBox()
            rectangle.scale(1.1)
            canvas.setExtent(rectangle)
            canvas.refresh()

    def _clear_results(self):
        self.plan = None
        self.layer_ids = {}
        self.profiles = {}
        self.model.load(None)
        self._reset_filters()
        self.show_hotspot(None)
        self._update_buttons()

    def _layers_will_be_removed(self, layer_ids):
        layer_ids = {item if isinstance(item, str) else item.id() for item in layer_ids}
        if self.task is not None and self.run["crime_layer"] in layer_ids:
            self.cancel_run(self.tr("The crime layer was removed from the project: the run was cancelled."))
        if layer_ids & {self.layer_ids.get("visits"), self.layer_ids.get("hotspots")}:
            self._clear_results()
            self._set_message(self.tr("The plan's layers were removed from the project."), Qgis.MessageLevel.Info)
        elif self.layer_ids.get("density") in layer_ids:
            del self.layer_ids["density"]

    def _update_buttons(self):
        running = self.is_running()
        has_plan = self.layer("visits") is not None and self.layer("hotspots") is not None
        self.run_button.setEnabled(not running and self.layer_combo.currentLayer() is not None)
        self.cancel_button.setEnabled(running)
        for button in (self.export_gpkg_button, self.export_csv_button, self.export_ics_button):
            button.setEnabled(has_plan)
        has_briefing = QgsApplication.processingRegistry().algorithmById(BRIEFING_PACK) is not None
        self.briefing_button.setEnabled(has_plan and has_briefing)
        self.day_filter.setEnabled(has_plan)
        self.unit_filter.setEnabled(has_plan)

    # --- exports ------------------------------------------------------------------------

    def choose_export_path(self, title, file_filter, suggested_name):
        """Ask where to save; "" when the user cancels.  Tests replace this method."""
        folder = self.settings.value(SETTINGS_PREFIX + "export_folder", os.path.expanduser("~"))
        path, _ = QFileDialog.getSaveFileName(self, title, os.path.join(str(folder), suggested_name), file_filter)
        if path:
            self.settings.setValue(SETTINGS_PREFIX + "export_folder", os.path.dirname(path))
        return path

    def _export_path(self, title, file_filter, extension):
        if self.plan is None or self.layer("visits") is None:
            return ""
        path = self.choose_export_path(title, file_filter, "patrol_plan" + extension)
        if path and not path.lower().endswith(extension):
            path += extension
        return path

    def export_geopackage(self):
        """The visits layer as a GeoPackage (layer patrol_visits)."""
        visits = self.layer("visits")
        path = self._export_path(self.tr("Save the patrol visits"), self.tr("GeoPackage (*.gpkg)"), ".gpkg")
        if not path or visits is None:
            return
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "patrol_visits"
        options.fileEncoding = "UTF-8"
        result = QgsVectorFileWriter.writeAsVectorFormatV3(
            visits, path, QgsProject.instance().transformContext(), options)
        if result[0] != QgsVectorFileWriter.WriterError.NoError:
            self.show_message(self.tr("Could not write {}: {}").format(path, result[1]), Qgis.MessageLevel.Critical)
        else:
            self._set_message(self.tr("Visits saved to {}.").format(path), Qgis.MessageLevel.Success)

    def export_csv(self):
        self._copy_run_file("csv", self.tr("Save the visits table"), self.tr("CSV (*.csv)"), ".csv")

    def export_calendar(self):
        self._copy_run_file("ics", self.tr("Save the patrol calendar"), self.tr("iCalendar (*.ics)"), ".ics")

    def _copy_run_file(self, name, title, file_filter, extension):
        """Save a copy of a file that patrolplan wrote for the plan on show."""
        path = self._export_path(title, file_filter, extension)
        if not path:
            return
        try:
            shutil.copyfile(self.plan["files"][name], path)
        except OSError as error:
            self.show_message(self.tr("Could not write {}: {}").format(path, error.strerror or error),
                              Qgis.MessageLevel.Critical)
            return
        self._set_message(self.tr("Saved {}.").format(path), Qgis.MessageLevel.Success)

    def export_briefing_pack(self):
        """Open the briefing pack algorithm's dialog with this plan's hotspots and visits filled in."""
        hotspots, visits = self.layer("hotspots"), self.layer("visits")
        if hotspots is None or visits is None:
            return
        if QgsApplication.processingRegistry().algorithmById(BRIEFING_PACK) is None:
            self.show_message(self.tr("The briefing pack algorithm is not installed."), Qgis.MessageLevel.Warning)
            return
        parameters = {"HOTSPOTS": hotspots, "VISITS": visits, "TITLE": self.plan["title"]}
        crimes = QgsProject.instance().mapLayer(self.plan["crime_layer"])
        if crimes is not None:  # for the street names of the hotspots, once the user picks the field
            parameters["CRIMES"] = crimes
        self.open_briefing_dialog(parameters)

    def open_briefing_dialog(self, parameters):
        """Processing's dialog for the briefing pack (modal).  Tests replace this method."""
        import processing  # noqa: PLC0415 (the Processing plugin is loaded after ours)
        processing.execAlgorithmDialog(BRIEFING_PACK, parameters)

    # --- messages and closing -----------------------------------------------------------

    def _message_bar(self):
        bar = self.iface.messageBar() if self.iface is not None else None
        return bar if isinstance(bar, QgsMessageBar) else None

    def _push(self, text, level):
        bar = self._message_bar()
        if bar is not None:
            bar.pushMessage(self.tr("Hotspot Patrol"), text, level, 0 if level == Qgis.MessageLevel.Critical else 8)

    def _set_message(self, text, level):
        colours = {Qgis.MessageLevel.Critical: "#b00020", Qgis.MessageLevel.Warning: "#8a5300",
                   Qgis.MessageLevel.Success: "#1b5e20"}
        self.status.setStyleSheet(f"color: {colours[level]}" if level in colours else "")
        self.status.setText(text)

    def show_message(self, text, level):
        """Tell the user: in the dock's status line, and in QGIS's message bar when there is one."""
        self._set_message(text, level)
        self._push(text, level)

    def cleanup(self):
        """Before the plugin unloads: stop a run, forget the project, keep the settings.

        The run is waited for: its algorithms point at our provider, which the plugin removes next."""
        task, self.task = self.task, None
        if task is not None:
            task.chain_finished.disconnect(self._chain_finished)
            task.step_started.disconnect(self.status.setText)
            task.progressChanged.disconnect(self._progress_changed)  # the task manager keeps its own
            task.cancel()
            task.waitForFinished(60000)
        QgsProject.instance().layersWillBeRemoved.disconnect(self._layers_will_be_removed)
        self.save_settings()


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


def read_profiles(path):
    """``{hotspot_id: 168 relative risks}`` from a Crime time profile table."""
    profiles = {}
    for feature in QgsVectorLayer(path, "profile", "ogr").getFeatures():
        risk = profiles.setdefault(str(feature["hotspot_id"]), np.zeros(HOURS_PER_WEEK))
        risk[WEEKDAYS.index(feature["weekday"]) * 24 + int(feature["hour"])] = float(feature["risk"])
    return profiles
