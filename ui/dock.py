"""The Hotspot Patrol dock: from a crime layer to ranked hotspots, a patrol plan and its exports."""

import dataclasses
import datetime
import os

from qgis.core import Qgis, QgsProcessingUtils, QgsProject, QgsSettings
from qgis.gui import QgsDockWidget, QgsMessageBar, QgsMessageBarItem
from qgis.PyQt.QtCore import QSize, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from . import exports
from .advanced_settings import AdvancedSettings
from .map_canvas import pan_to_feature, zoom_to_layer
from .panel_settings import PanelSettings
from .plan_form import PlanForm
from .results_area import ResultsArea
from .run_controller import RunController
from .visits_page import VisitsPage

RESULTS_FOLDER = "hotspot_patrol"  # the runs' default folder, beside the saved project


class PageScrollArea(QScrollArea):
    """A tab page that keeps its minimum height and scrolls when the dock is shorter, as when it shares a
    1366×768 screen's dock area with the Processing Toolbox: squeezed below it, the page's widgets would
    overlap.  Never narrower than the page: no horizontal scrolling."""

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self):  # noqa: N802 (Qt's name)
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(self.widget().minimumSizeHint().width() + scroll_bar, super().minimumSizeHint().height())

    def sizeHint(self):  # noqa: N802 (Qt's name)
        # QScrollArea's own hint is capped at 24 lines: the dock would then ask for less than its page.
        return self.widget().sizeHint()


class HotspotPatrolDock(QgsDockWidget):
    """Rank hotspots in a crime layer, plan patrols to them and browse the plan, in one panel.

    The form is a :class:`PlanForm` and :class:`AdvancedSettings`, the plan on show a :class:`VisitsPage`,
    the last run's warnings a :class:`ResultsArea`.  The chain (rank hotspots, patrol plan, crime time
    profile and, optionally, kernel density) runs as one background task (see :class:`RunController`);
    each run writes its outputs in a folder of its own (see :meth:`output_folder`), added to the project
    in one layer-tree group, which replaces the previous run's unless that one was kept.
    ``iface`` may be None (messages then go to the dock's status line only).
    ``settings`` defaults to the user's QgsSettings; tests pass their own.
    """

    run_finished = pyqtSignal(bool)

    def __init__(self, iface=None, parent=None, settings=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hotspot Patrol"))
        self.setObjectName("HotspotPatrolDock")
        self.iface = iface
        self.settings = PanelSettings(settings if settings is not None else QgsSettings())
        self.plan = None  # the run whose plan is on show
        self.layer_ids = {}  # "hotspots", "visits" and "density" of the plan on show
        self.run_folder = ""  # where the run under way or last started writes
        self.pushed_messages = []  # our items in the message bar, removed at the next run and on unload
        self.runner = RunController(self)
        self._build()
        self.runner.step_started.connect(self.status.setText)
        self.runner.progress_changed.connect(self.progress.setValue)
        self.runner.finished.connect(self._run_finished)
        self.restore_settings()
        QgsProject.instance().layersWillBeRemoved.connect(self._layers_will_be_removed)
        self._update_buttons()

    # --- building -----------------------------------------------------------------------

    def _build(self):
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.form = PlanForm()
        self.form.layer_combo.layerChanged.connect(self._update_buttons)
        self.advanced = AdvancedSettings()
        plan_page = QWidget()
        plan_layout = QVBoxLayout(plan_page)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(self.form)
        plan_layout.addWidget(self.advanced)
        plan_layout.addStretch(1)
        self.visits_page = VisitsPage()
        self.visits_page.visit_chosen.connect(self._visit_chosen)
        self.visits_page.export_gpkg_button.clicked.connect(self.export_geopackage)
        self.visits_page.export_csv_button.clicked.connect(self.export_csv)
        self.visits_page.export_ics_button.clicked.connect(self.export_calendar)
        self.visits_page.briefing_button.clicked.connect(self.export_briefing_pack)
        self._share_tab_widgets()
        self.tabs = QTabWidget(body)
        self.tabs.addTab(PageScrollArea(plan_page), self.tr("Plan"))
        self.tabs.addTab(PageScrollArea(self.visits_page), self.tr("Visits"))
        layout.addWidget(self.tabs, 1)  # the tabs take the height; the results area only what it needs

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
        self.progress.hide()  # an empty bar looks like a text box: shown only while a run is under way
        run_row.addWidget(self.run_button, 1)
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
        self.results = ResultsArea(body)
        self.results.save_button.clicked.connect(self.save_results)
        layout.addWidget(self.results)
        self.setWidget(body)

    def _share_tab_widgets(self):
        """The tabs' widgets as the dock's own attributes, where scripts and tests find them."""
        form, page = self.form, self.visits_page
        self.layer_combo, self.time_widget, self.cell_size, self.hotspot_count = (
            form.layer_combo, form.time_widget, form.cell_size, form.hotspot_count)
        self.start_date, self.days, self.timezone, self.shifts = form.start_date, form.days, form.timezone, form.shifts
        self.units, self.seed, self.density = form.units, form.seed, form.density
        self.density_pixel_size, self.output_folder_widget = (
            self.advanced.density_pixel_size, self.advanced.output_folder)
        self.model, self.proxy, self.table, self.strip, self.strip_title = (
            page.model, page.proxy, page.table, page.strip, page.strip_title)
        self.day_filter, self.unit_filter = page.day_filter, page.unit_filter
        self.export_gpkg_button, self.export_csv_button = page.export_gpkg_button, page.export_csv_button
        self.export_ics_button, self.briefing_button = page.export_ics_button, page.briefing_button

    # --- settings -----------------------------------------------------------------------

    def restore_settings(self):
        """Put back the settings of the last run (or the defaults)."""
        self.form.restore(self.settings)
        self.advanced.restore(self.settings)

    def save_settings(self):
        self.form.save(self.settings)
        self.advanced.save(self.settings)

    # --- running ------------------------------------------------------------------------

    @property
    def task(self):
        """The background task of the run under way, None when there is none."""
        return self.runner.task

    def is_running(self):
        return self.runner.is_running()

    def start_run(self):
        """Start the chain in the background; its results are added when it finishes."""
        if self.is_running():
            return
        try:
            request = self.form.run_request()
        except ValueError as problem:
            self.show_message(str(problem), Qgis.MessageLevel.Warning)
            return
        self.save_settings()
        self._remove_pushed_messages()
        self.results.show_warnings(())
        self.run_folder = new_run_folder(self.output_folder())
        request = dataclasses.replace(request, density_pixel_size=self.density_pixel_size.value())
        try:
            self.runner.start(request, self.output_path)
        except ValueError as error:
            self.show_message(str(error), Qgis.MessageLevel.Critical)
            return
        self.progress.setValue(0)
        self.progress.show()
        self._set_message("", None)
        self._update_buttons()

    def output_folder(self):
        """The folder the runs write in: the one chosen in the advanced settings, else a hotspot_patrol
        folder beside the saved project (so that quitting QGIS finds no temporary layers in it), else
        Processing's temporary folder."""
        chosen = self.settings.output_folder()
        if chosen:
            return chosen
        project_folder = QgsProject.instance().absolutePath()
        return os.path.join(project_folder, RESULTS_FOLDER) if project_folder else QgsProcessingUtils.tempFolder()

    def results_are_temporary(self):
        """Whether the runs write in Processing's temporary folder: no folder chosen, the project unsaved."""
        return not self.settings.output_folder() and not QgsProject.instance().absolutePath()

    def output_path(self, file_name):
        """The path of the run's output ``file_name``, in the run's folder (made when first needed).  Tests
        replace this."""
        os.makedirs(self.run_folder, exist_ok=True)
        return os.path.join(self.run_folder, file_name)

    def cancel_run(self, reason=None):
        """Cancel a running chain: nothing of it is added to the project."""
        self.runner.cancel(reason)

    def _run_finished(self, ok):
        self.progress.hide()
        try:
            outcome = self.runner.conclude(ok)
            message = outcome.message
            if outcome.has_plan:
                self._replace_previous_results()
                self._show_plan(outcome)
                message += " " + self._where_results_are()
            self.results.show_warnings(outcome.warnings)
            self._report_outcome(message, outcome.level)
        finally:
            self._update_buttons()
        self.run_finished.emit(outcome.has_plan)

    # --- the plan on show ---------------------------------------------------------------

    def layer(self, role):
        """The plan's ``role`` layer (hotspots, visits, density) if it is still in the project."""
        layer_id = self.layer_ids.get(role)
        return QgsProject.instance().mapLayer(layer_id) if layer_id else None

    @property
    def profiles(self):
        """The plan's time profiles: ``{hotspot_id: 168 relative risks}``."""
        return self.visits_page.profiles

    def show_hotspot(self, hotspot_id, highlight=None):
        """Show ``hotspot_id``'s risk and planned visits in the strip (None clears it)."""
        self.visits_page.show_hotspot(hotspot_id, highlight)

    def _where_results_are(self):
        if self.results_are_temporary():
            return self.tr("Temporary results: Save results… keeps them.")
        return self.tr("The results are in {}.").format(os.path.dirname(self.plan.files["visits"]))

    def _replace_previous_results(self):
        """Remove the plan on show's layers, and their group once empty, unless the user kept them."""
        if self.results.keep_button.isChecked() or not self.layer_ids:
            return
        project = QgsProject.instance()
        root = project.layerTreeRoot()
        nodes = [root.findLayer(layer_id) for layer_id in self.layer_ids.values()]
        groups = {id(node.parent()): node.parent() for node in nodes if node is not None}
        project.removeMapLayers(list(self.layer_ids.values()))
        for group in groups.values():
            if group is not root and not group.children():
                group.parent().removeChildNode(group)

    def _show_plan(self, outcome):
        self.plan = self.runner.run
        self.layer_ids = outcome.layer_ids
        self.results.keep_button.setChecked(False)
        self.visits_page.show_plan(self.layer("visits"), outcome.profiles)
        zoom_to_layer(self.iface, self.layer("hotspots"))
        self.tabs.setCurrentIndex(1)

    def _visit_chosen(self, fid):
        visits = self.layer("visits")
        if visits is not None:
            visits.selectByIds([fid])
            pan_to_feature(self.iface, visits, fid)

    def _clear_results(self):
        self.plan = None
        self.layer_ids = {}
        self.visits_page.clear()
        self._update_buttons()

    def _layers_will_be_removed(self, layer_ids):
        layer_ids = {item if isinstance(item, str) else item.id() for item in layer_ids}
        if self.runner.is_reading(layer_ids):
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
        self.briefing_button.setEnabled(has_plan and exports.briefing_pack_installed())
        self.visits_page.set_filters_enabled(has_plan)
        self.results.set_results_enabled(has_plan and not running)

    # --- exports ------------------------------------------------------------------------

    def choose_export_path(self, title, file_filter, suggested_name):
        """Ask where to save; "" when the user cancels.  Tests replace this method."""
        path, _ = QFileDialog.getSaveFileName(self, title, os.path.join(self.settings.export_folder(), suggested_name),
                                              file_filter)
        if path:
            self.settings.remember_export_folder(os.path.dirname(path))
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
        if path and visits is not None:
            self._report_outcome(*exports.save_visits(visits, path))

    def export_csv(self):
        self._copy_run_file("csv", self.tr("Save the visits table"), self.tr("CSV (*.csv)"), ".csv")

    def export_calendar(self):
        self._copy_run_file("ics", self.tr("Save the patrol calendar"), self.tr("iCalendar (*.ics)"), ".ics")

    def _copy_run_file(self, role, title, file_filter, extension):
        path = self._export_path(title, file_filter, extension)
        if path:
            self._report_outcome(*exports.copy_run_file(self.plan.files[role], path))

    def save_results(self):
        """Copy the plan's files to a folder the user chooses and point its layers at the copies."""
        if self.plan is None or self.layer("visits") is None:
            return
        folder = self.choose_results_folder()
        if folder:
            self._report_outcome(*exports.save_run_files(self.plan, self.layer_ids, folder))

    def choose_results_folder(self):
        """Ask for the folder to save the results in; "" when the user cancels.  Tests replace this method."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the results in"), self.settings.export_folder())
        if folder:
            self.settings.remember_export_folder(folder)
        return folder

    def export_briefing_pack(self):
        """Open the briefing pack algorithm's dialog with this plan's hotspots and visits filled in."""
        hotspots, visits = self.layer("hotspots"), self.layer("visits")
        if hotspots is None or visits is None:
            return
        if not exports.briefing_pack_installed():
            self.show_message(self.tr("The briefing pack algorithm is not installed."), Qgis.MessageLevel.Warning)
            return
        self.open_briefing_dialog(exports.briefing_parameters(self.plan, hotspots, visits))

    def open_briefing_dialog(self, parameters):
        """Processing's dialog for the briefing pack (modal).  Tests replace this method."""
        exports.open_briefing_dialog(parameters)

    # --- messages and closing -----------------------------------------------------------

    def _message_bar(self):
        bar = self.iface.messageBar() if self.iface is not None else None
        return bar if isinstance(bar, QgsMessageBar) else None

    def _push(self, text, level):
        bar = self._message_bar()
        if bar is not None:
            item = QgsMessageBarItem(self.tr("Hotspot Patrol"), text, level,
                                     0 if level == Qgis.MessageLevel.Critical else 8)
            bar.pushItem(item)
            self.pushed_messages.append(item)

    def pushed_message_texts(self):
        """The texts of our messages still in the message bar."""
        bar = self._message_bar()
        shown = bar.items() if bar is not None else []
        return [item.text() for item in shown if any(item is pushed for pushed in self.pushed_messages)]

    def _remove_pushed_messages(self):
        """Take our messages out of the message bar: an old error must not stand beside a new run."""
        bar = self._message_bar()
        if bar is not None:
            for item in bar.items():
                if any(item is pushed for pushed in self.pushed_messages):
                    bar.popWidget(item)
        self.pushed_messages = []

    def _set_message(self, text, level):
        colours = {Qgis.MessageLevel.Critical: "#b00020", Qgis.MessageLevel.Warning: "#8a5300",
                   Qgis.MessageLevel.Success: "#1b5e20"}
        self.status.setStyleSheet(f"color: {colours[level]}" if level in colours else "")
        self.status.setText(text)

    def show_message(self, text, level):
        """Tell the user: in the dock's status line, and in QGIS's message bar when there is one."""
        self._set_message(text, level)
        self._push(text, level)

    def _report_outcome(self, text, level):
        """Tell how a run or an export ended: a failure in the message bar too, all else in the status line."""
        if level == Qgis.MessageLevel.Critical:
            self.show_message(text, level)
        else:
            self._set_message(text, level)

    def cleanup(self):
        """Before the plugin unloads: stop a run, forget the project, take our messages away, keep the
        settings."""
        self.runner.stop()
        QgsProject.instance().layersWillBeRemoved.disconnect(self._layers_will_be_removed)
        self._remove_pushed_messages()
        self.save_settings()


def new_run_folder(output_folder):
    """A folder in ``output_folder`` for one run's files, named after the time it started (not made yet)."""
    name = datetime.datetime.now().strftime("run_%Y-%m-%d_%H%M%S")
    path, number = os.path.join(output_folder, name), 1
    while os.path.exists(path):
        number += 1
        path = os.path.join(output_folder, f"{name}_{number}")
    return path
