"""The QGIS plugin object: registers the Processing provider."""

from qgis.core import QgsApplication

from .algorithms.provider import HotspotPatrolProvider


class HotspotPatrolPlugin:
    """Works with ``iface=None``, as under qgis_process: only the provider is needed there."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None

    def initProcessing(self):
        self.provider = HotspotPatrolProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
