"""The QGIS plugin object: loads the translation, registers the Processing provider and, in the
desktop, the dock."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtWidgets import QAction

from .algorithms.base import icon
from .algorithms.provider import HotspotPatrolProvider

# The object name of the Processing Toolbox dock (processing/ui/ProcessingToolbox.ui).
PROCESSING_TOOLBOX = "ProcessingToolbox"

I18N_DIR = os.path.join(os.path.dirname(__file__), "i18n")


def user_language():
    """The language QGIS shows (e.g. 'fr'): the translation it loaded (its --lang option or its 'Override
    system locale' setting), else its locale."""
    application = QgsApplication.instance()
    translation = application.translation() if application is not None else ""
    return (translation or QgsApplication.locale())[:2]


def install_translator(language=None):
    """Load and install the plugin's translation for ``language`` (default: the user's); return the
    installed QTranslator, or None when there is no translation for it (English is the source)."""
    language = language or user_language()
    path = os.path.join(I18N_DIR, f"hotspot_patrol_{language}.qm")
    translator = QTranslator()
    if not os.path.exists(path) or not translator.load(path):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


class HotspotPatrolPlugin:
    """Works with ``iface=None``, as under qgis_process: only the provider is needed there."""

    def __init__(self, iface):
        self.iface = iface
        self.translator = install_translator()
        self.provider = None
        self.action = None
        self.dock = None

    @staticmethod
    def tr(text):
        return QCoreApplication.translate("HotspotPatrolPlugin", text)

    def initProcessing(self):
        provider = HotspotPatrolProvider()
        # The registry refuses (and deletes) a second provider with our id: then we own none.
        self.provider = provider if QgsApplication.processingRegistry().addProvider(provider) else None

    def initGui(self):
        self.initProcessing()
        if self.iface is None:
            return
        self.action = QAction(icon("hotspot_patrol"), self.tr("Hotspot Patrol"), self.iface.mainWindow())
        self.action.setObjectName("HotspotPatrolAction")
        self.action.setCheckable(True)
        self.action.setToolTip(self.tr("Hotspot Patrol: rank hotspots and plan patrols"))
        self.action.toggled.connect(self.show_dock)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToMenu(self.tr("Hotspot Patrol"), self.action)

    def show_dock(self, visible=True):
        """Show (creating it the first time) or hide the dock."""
        if visible and self.dock is None:
            from .ui.dock import HotspotPatrolDock  # noqa: PLC0415 (the GUI only when asked for)
            self.dock = HotspotPatrolDock(self.iface, self.iface.mainWindow())
            self.dock.visibilityChanged.connect(self._dock_visibility_changed)
            # A tab beside the Processing Toolbox when it is open (QGIS docks it on the right too): split
            # with it, the panel would get half the height and its visits table two rows.
            self.iface.addTabifiedDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock,
                                             [PROCESSING_TOOLBOX], True)
        if self.dock is not None:
            self.dock.setVisible(visible)
            if visible:
                self.dock.raise_()

    def _dock_visibility_changed(self, visible):
        if self.action is not None and self.action.isChecked() != visible:
            self.action.blockSignals(True)
            self.action.setChecked(visible)
            self.action.blockSignals(False)

    def unload(self):
        if self.dock is not None:
            self.dock.visibilityChanged.disconnect(self._dock_visibility_changed)
            self.dock.cleanup()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None:
            self.iface.removeToolBarIcon(self.action)
            self.iface.removePluginMenu(self.tr("Hotspot Patrol"), self.action)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
