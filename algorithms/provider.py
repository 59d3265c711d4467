"""The Processing provider ``hotspotpatrol``."""

from qgis.core import QgsProcessingProvider

from .base import icon
from .emerging_hotspots import EmergingHotspotsAlgorithm
from .evaluate_patrols import EvaluatePatrolsAlgorithm
from .getis_ord import GetisOrdAlgorithm
from .grid_crimes import GridCrimesAlgorithm
from .kernel_density import KernelDensityAlgorithm
from .map_accuracy import MapAccuracyAlgorithm
from .patrol_dosage import PatrolDosageAlgorithm
from .patrol_plan import PatrolPlanAlgorithm
from .rank_hotspots import RankHotspotsAlgorithm
from .temporal_profile import TemporalProfileAlgorithm

ALGORITHMS = (GridCrimesAlgorithm, KernelDensityAlgorithm, GetisOrdAlgorithm, RankHotspotsAlgorithm,
              EmergingHotspotsAlgorithm, MapAccuracyAlgorithm, TemporalProfileAlgorithm, PatrolPlanAlgorithm,
              PatrolDosageAlgorithm, EvaluatePatrolsAlgorithm)


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
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
