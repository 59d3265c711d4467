"""The Processing provider ``hotspotpatrol``."""

import glob
import os

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication

from .backtest_hotspots import BacktestHotspotsAlgorithm
from .base import PLUGIN_DIR, help_url, icon
from .briefing_pack import BriefingPackAlgorithm
from .emerging_hotspots import EmergingHotspotsAlgorithm
from .evaluate_patrols import EvaluatePatrolsAlgorithm
from .forecast_hotspots import ForecastHotspotsAlgorithm
from .getis_ord import GetisOrdAlgorithm
from .grid_crimes import GridCrimesAlgorithm
from .import_police_uk import ImportPoliceUkAlgorithm
from .kernel_density import KernelDensityAlgorithm
from .map_accuracy import MapAccuracyAlgorithm
from .near_repeat import NearRepeatAlgorithm
from .patrol_dosage import PatrolDosageAlgorithm
from .patrol_plan import PatrolPlanAlgorithm
from .rank_hotspots import RankHotspotsAlgorithm
from .temporal_profile import TemporalProfileAlgorithm
from .trial_power import TrialPowerAlgorithm

ALGORITHMS = (GridCrimesAlgorithm, KernelDensityAlgorithm, GetisOrdAlgorithm, RankHotspotsAlgorithm,
              ForecastHotspotsAlgorithm, BacktestHotspotsAlgorithm, EmergingHotspotsAlgorithm, NearRepeatAlgorithm,
              MapAccuracyAlgorithm, TemporalProfileAlgorithm,
              PatrolPlanAlgorithm, PatrolDosageAlgorithm, EvaluatePatrolsAlgorithm, TrialPowerAlgorithm,
              BriefingPackAlgorithm, ImportPoliceUkAlgorithm)


class HotspotPatrolProvider(QgsProcessingProvider):

    def id(self):
        return "hotspotpatrol"

    def name(self):
        return self.tr("Hotspot patrol")

    def longName(self):
        return self.tr("Hotspot Patrol: evidence-based hotspot policing")

    def icon(self):
        return icon("hotspot_patrol")

    def loadAlgorithms(self):
        from .reader import build_crs_in_main_thread
        build_crs_in_main_thread()
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
        registry = QgsApplication.processingRegistry()
        if registry.providerById(self.id()) is self:
            for path in sorted(glob.glob(os.path.join(PLUGIN_DIR, "models", "*.model3"))):
                model = ReadyMadeModel(path)
                if model.loaded:
                    self.addAlgorithm(model)
                else:
                    QgsMessageLog.logMessage(self.tr("Could not read the model {}; reinstall the plugin.").format(path),
                                             self.name(), Qgis.MessageLevel.Warning)
        else:
            # A model's steps are found through the registry, which does not know us until
            # addProvider() has loaded us: load again, models included, once it does.
            registry.providerAdded.connect(self._reload_when_registered)

    def _reload_when_registered(self, provider_id):
        if provider_id == self.id():
            QgsApplication.processingRegistry().providerAdded.disconnect(self._reload_when_registered)
            self.refreshAlgorithms()


class ReadyMadeModel(QgsProcessingModelAlgorithm):
    """A model shipped in ``models/``: its id is the file's name, ``hotspotpatrol:<stem>``."""

    def __init__(self, path):
        super().__init__()
        self.path = path
        self.loaded = self.fromFile(path)

    def name(self):
        return os.path.splitext(os.path.basename(self.path))[0]

    def displayName(self):
        return QCoreApplication.translate("ReadyMadeModel", QgsProcessingModelAlgorithm.displayName(self))

    def helpUrl(self):  # noqa: N802 (QGIS's name)
        return help_url(self.name())

    def createInstance(self):
        return ReadyMadeModel(self.path)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        """A model passes a missing input on as missing, so each step would fall back to its own
        default (qgis_process fills in none): fill in the model's defaults first."""
        filled = dict(parameters)
        for definition in self.parameterDefinitions():
            if definition.name() not in filled and not definition.isDestination() \
                    and definition.defaultValue() is not None:
                filled[definition.name()] = definition.defaultValue()
        return QgsProcessingModelAlgorithm.processAlgorithm(self, filled, context, feedback)
