"""The planner panel's run: its form as the steps of the rank → plan chain, the chain as a background
task, and the chain's results added to the project."""

import os
import time
import traceback
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsProject,
    QgsRasterLayer,
    QgsReferencedRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QObject, Qt, pyqtSignal

from ..algorithms import styles
from ..algorithms.forecast_data import method_names
from ..algorithms.reader import build_crs_in_main_thread
from ..core.schedule import WEEKDAYS
from ..core.temporal import HOURS_PER_WEEK
from .task import AlgorithmChainTask, is_unexpected, log_details, readable_error

# The run's output files by role; the panel's exports copy the csv and ics files.
OUTPUT_FILES = (("hotspots", "hotspots.gpkg"), ("visits", "patrol_visits.gpkg"), ("csv", "patrol_plan.csv"),
                ("ics", "patrol_plan.ics"), ("profile", "time_profile.gpkg"), ("density", "crime_density.tif"),
                ("forecast", "forecast.gpkg"))
FORECAST_HOTSPOTS = "hotspotpatrol:forecasthotspots"
# The role of each algorithm in the chain, by which its results are found.
STEP_ROLES = {FORECAST_HOTSPOTS: "forecast", "hotspotpatrol:rankhotspots": "rank",
              "hotspotpatrol:patrolplan": "plan", "hotspotpatrol:temporalprofile": "profile",
              "hotspotpatrol:kerneldensity": "density"}
# How the panel chooses its hotspots: by the layer's crime counts, or by the forecast method that backtests best.
CHOOSE_BY_COUNT, CHOOSE_BY_FORECAST = "count", "forecast"
RANK_BY_FORECAST = 4  # rankhotspots' RANK_BY option
# The density surface covers the hotspots and this many metres around them: the streets leading to them,
# never the whole extent of the crimes, which a few far outliers can make billions of pixels.
DENSITY_MARGIN = 500.0
DEFAULT_DENSITY_PIXEL_SIZE = 10.0  # metres


@dataclass(frozen=True)
class RunRequest:
    """What the panel's form asks of one run, once checked."""

    crime_layer: QgsVectorLayer
    time_expression: str
    cell_size: float
    hotspots: int
    start_date: QDate
    days: int
    time_zone: str
    shifts: str
    units: int
    seed: int
    density: bool
    density_pixel_size: float = DEFAULT_DENSITY_PIXEL_SIZE
    choose_by: str = CHOOSE_BY_COUNT


@dataclass
class Run:
    """One run of the chain: its output files by role, the title of its layer group, its crime layer."""

    files: dict
    density: bool
    title: str
    crime_layer_id: str
    roles: tuple = ()  # the role of each step of the chain, in order (forecast, rank, plan, profile, density)
    started: float = field(default_factory=time.monotonic)
    cancel_reason: Optional[str] = None


@dataclass
class RunOutcome:
    """How a run ended, told in ``message`` at ``level``.  When its plan went into the project: the ids of
    its layers by role (hotspots, visits, density), its hotspots' time profiles and the algorithms' warnings,
    each once."""

    message: str
    level: Qgis.MessageLevel
    layer_ids: dict = field(default_factory=dict)
    profiles: dict = field(default_factory=dict)
    warnings: tuple = ()

    @property
    def has_plan(self):
        return bool(self.layer_ids)


class RunController(QObject):
    """Runs the chain for the panel, one run at a time, as an :class:`AlgorithmChainTask`.

    While a run is under way, ``step_started`` gives each step's label and ``progress_changed`` the
    progress (0 to 100).  ``finished(ok)`` says the task has ended (``ok``: it ran to its end); the
    panel then calls :meth:`conclude` for the outcome.
    """

    step_started = pyqtSignal(str)
    progress_changed = pyqtSignal(int)
    finished = pyqtSignal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.task = None  # the chain's task, while it runs
        self.run = None  # the run under way or last finished

    def is_running(self):
        return self.task is not None

    def is_reading(self, layer_ids):
        """Whether the run under way reads one of the layers ``layer_ids``."""
        return self.task is not None and self.run.crime_layer_id in layer_ids

    def start(self, request, output_path):
        """Start the chain for ``request`` in the background, each output at ``output_path(file_name)``.

        Raises ValueError when one of the chain's algorithms is not installed."""
        layer = request.crime_layer
        build_crs_in_main_thread([layer.crs().authid()])  # never first in the task's thread
        files = {role: output_path(file_name) for role, file_name in OUTPUT_FILES}
        # The task reads a clone: the project's layer may be removed (and deleted) while it runs.
        crimes = layer.clone()
        steps = self._steps(request, crimes, files)
        task = AlgorithmChainTask(self.tr("Hotspot Patrol: rank and plan"), steps, QgsProject.instance(),
                                  layers=[crimes])
        task.setDependentLayers([layer])
        task.progressChanged.connect(self._progress_changed)
        task.step_started.connect(self.step_started)
        task.chain_finished.connect(self.finished)
        title = self.tr("Hotspot patrol — {} {}").format(
            layer.name(), request.start_date.toString(Qt.DateFormat.ISODate))
        self.run = Run(files, request.density, title, layer.id(), tuple(STEP_ROLES[step[1]] for step in steps))
        self.task = task
        QgsApplication.taskManager().addTask(task)

    def _steps(self, request, crimes, files):
        cell_size = request.cell_size
        ranking = {"INPUT": crimes, "CELL_SIZE": cell_size, "TOP_N": request.hotspots, "OUTPUT": files["hotspots"]}
        steps = []
        if request.choose_by == CHOOSE_BY_FORECAST:
            steps.append((self.tr("Forecasting hotspots (backtesting the methods)…"), FORECAST_HOTSPOTS, {
                "INPUT": crimes, "TIME": request.time_expression, "CELL_SIZE": cell_size, "METHOD": 5,
                "FORECAST_START": request.start_date.toString(Qt.DateFormat.ISODate), "HORIZON_DAYS": request.days,
                "TOP_N": request.hotspots, "OUTPUT": files["forecast"]}))
            ranking.update({"RANK_BY": RANK_BY_FORECAST, "FORECAST": files["forecast"]})
        steps += [
            (self.tr("Ranking hotspots…"), "hotspotpatrol:rankhotspots", ranking),
            (self.tr("Planning patrols…"), "hotspotpatrol:patrolplan", {
                "HOTSPOTS": files["hotspots"], "CRIMES": crimes, "TIME": request.time_expression,
                "START_DATE": request.start_date.toString(Qt.DateFormat.ISODate), "DAYS": request.days,
                "TIMEZONE": request.time_zone, "SHIFTS": request.shifts, "UNITS": request.units,
                "SEED": request.seed, "OUTPUT": files["visits"], "OUTPUT_CSV": files["csv"],
                "OUTPUT_ICS": files["ics"]}),
            # Crimes without a time of day (police.uk months) have no profile: the plan stands without it.
            (self.tr("Profiling crime times…"), "hotspotpatrol:temporalprofile", {
                "HOTSPOTS": files["hotspots"], "CRIMES": crimes, "TIME": request.time_expression,
                "TIMEZONE": request.time_zone, "OUTPUT": files["profile"]}, True),
        ]
        if request.density:
            # An extra like the profile: a density that fails (out of memory, say) never costs the plan.
            steps.append((self.tr("Estimating crime density…"), "hotspotpatrol:kerneldensity", lambda results: {
                "INPUT": crimes, "RADIUS": cell_size, "PIXEL_SIZE": request.density_pixel_size,
                "EXTENT": surroundings(files["hotspots"]), "OUTPUT": files["density"]}, True))
        return steps

    def _progress_changed(self, value):
        self.progress_changed.emit(int(value))

    def cancel(self, reason=None):
        """Cancel the run under way, told as ``reason``: nothing of it is added to the project."""
        if self.task is None:
            return
        self.run.cancel_reason = reason or self.tr("Cancelled: nothing was added to the project.")
        self.task.cancel()

    def conclude(self, ok):
        """End the run whose task has just ``finished(ok)``: the :class:`RunOutcome`.  The layers of a run
        that ran to its end are added to the project, in one group."""
        task, run = self.task, self.run
        self.task = None
        if run.cancel_reason is not None or task.isCanceled():
            return RunOutcome(run.cancel_reason or self.tr("Cancelled."), Qgis.MessageLevel.Info)
        if not ok:
            return self._failure(task.error)
        # The task's thread made the outputs' CRSs (reading them back by path), and QGIS drops such a
        # CRS's definition when that thread ends: the layers must not share them.
        QgsCoordinateReferenceSystem.invalidateCache()
        build_crs_in_main_thread()
        try:
            return self._add_results(task, run)
        except Exception:  # noqa: BLE001 (a bug must end the run in words, its traceback in the log)
            return self._failure(traceback.format_exc())

    def _failure(self, error):
        """The outcome of a run that failed with ``error``: a QgsProcessingException's message (bad input,
        in words the user can act on) is shown; a traceback (a bug) only goes to the log."""
        if not error or is_unexpected(error):
            log_details(error or "The run failed without a message.")
            return RunOutcome(self.tr("The run failed unexpectedly; details are in the log (Hotspot Patrol tab)."),
                              Qgis.MessageLevel.Critical)
        log_details(error)
        return RunOutcome(self.tr("The run failed: {}").format(error), Qgis.MessageLevel.Critical)

    def _add_results(self, task, run):
        files = run.files
        layers = [("visits", QgsVectorLayer(files["visits"], self.tr("Patrol visits"), "ogr"), "patrol_visits"),
                  ("hotspots", QgsVectorLayer(files["hotspots"], self.tr("Hotspots"), "ogr"), "hotspots")]
        results = dict(zip(run.roles, task.results))
        if run.density and results["density"] is not None:
            layers.append(("density", QgsRasterLayer(files["density"], self.tr("Crime density")), "density"))
        if not all(layer.isValid() for _, layer, _ in layers):
            return RunOutcome(self.tr("The results could not be opened from {}.").format(
                os.path.dirname(files["visits"])), Qgis.MessageLevel.Critical)
        for _, layer, style in layers:
            styles.apply_style(layer, style)
        project = QgsProject.instance()
        group = project.layerTreeRoot().insertGroup(0, run.title)
        for _, layer, _ in layers:
            project.addMapLayer(layer, False)
            group.addLayer(layer)
        profiles = read_profiles(files["profile"]) if results["profile"] is not None else {}
        ranked, plan = results["rank"], results["plan"]
        warnings = tuple(dict.fromkeys(readable_error(text.strip())
                                       for text in task.feedback.warnings + task.feedback.errors))
        # Four lines at most in a 1366×768 panel: every word here costs the visits tab its height.
        summary = self.tr(
            "{} hotspots: {:.1%} of the crime on {:.2%} of the area. {} visits planned, {} dropped.").format(
            ranked["HOTSPOTS"], ranked["CRIME_SHARE"], ranked["AREA_SHARE"], plan["VISITS"], plan["DROPPED"])
        if results.get("forecast"):
            # The method's settings are in the log: here they would cost the visits tab another line.
            summary += " " + self.tr("Chosen by forecast: {}.").format(
                method_names()[int(results["forecast"]["METHOD_USED"])])
        return RunOutcome(f"{self._headline(len(warnings), time.monotonic() - run.started)} {summary}",
                          Qgis.MessageLevel.Warning if warnings else Qgis.MessageLevel.Success,
                          layer_ids={role: layer.id() for role, layer, _ in layers}, profiles=profiles,
                          warnings=warnings)

    def _headline(self, warning_count, seconds):
        if warning_count == 0:
            return self.tr("Done in {:.1f} s.").format(seconds)
        if warning_count == 1:
            return self.tr("Done in {:.1f} s, 1 warning (below).").format(seconds)
        return self.tr("Done in {:.1f} s, {} warnings (below).").format(seconds, warning_count)

    def stop(self):
        """Cancel the run under way and wait for it, unconcluded: before the plugin unloads, as the run's
        algorithms point at our provider, which the plugin removes next."""
        task, self.task = self.task, None
        if task is None:
            return
        task.chain_finished.disconnect(self.finished)
        task.step_started.disconnect(self.step_started)
        task.progressChanged.disconnect(self._progress_changed)  # the task manager keeps its own
        task.cancel()
        task.waitForFinished(60000)


def surroundings(hotspots_path):
    """The extent of the hotspots in ``hotspots_path``, grown by :data:`DENSITY_MARGIN` on every side, with
    its CRS (a projected one, in metres: the ranking's)."""
    hotspots = QgsVectorLayer(hotspots_path, "hotspots", "ogr")
    return QgsReferencedRectangle(hotspots.extent().buffered(DENSITY_MARGIN), hotspots.crs())


def read_profiles(path):
    """``{hotspot_id: 168 relative risks}`` from a Crime time profile table."""
    profiles = {}
    for feature in QgsVectorLayer(path, "profile", "ogr").getFeatures():
        risk = profiles.setdefault(str(feature["hotspot_id"]), np.zeros(HOURS_PER_WEEK))
        risk[WEEKDAYS.index(feature["weekday"]) * 24 + int(feature["hour"])] = float(feature["risk"])
    return profiles
