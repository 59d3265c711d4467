"""The panel's advanced settings: where runs write their outputs, and the density surface's pixel size."""

from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFormLayout

from .run_controller import DEFAULT_DENSITY_PIXEL_SIZE


class AdvancedSettings(QgsCollapsibleGroupBox):
    """``output_folder`` (empty: a hotspot_patrol folder beside the saved project, else a temporary folder)
    and ``density_pixel_size`` (metres), collapsed until wanted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Advanced"))
        self.setCollapsed(True)
        self.output_folder = QgsFileWidget(self)
        self.output_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.output_folder.lineEdit().setPlaceholderText(self.tr("Beside the project (temporary when unsaved)"))
        self.output_folder.setToolTip(self.tr("The folder each run writes its results in, in a folder of its own"))
        self.density_pixel_size = QDoubleSpinBox(self)
        self.density_pixel_size.setRange(0.5, 1000.0)
        self.density_pixel_size.setDecimals(1)
        self.density_pixel_size.setSuffix(self.tr(" m"))
        self.density_pixel_size.setToolTip(self.tr("Pixel size of the crime density surface: smaller is finer "
                                                   "and slower"))
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Results folder"), self.output_folder)
        form.addRow(self.tr("Density pixel size"), self.density_pixel_size)

    def restore(self, settings):
        """Fill in from ``settings`` (a :class:`PanelSettings`)."""
        self.output_folder.setFilePath(settings.output_folder())
        self.density_pixel_size.setValue(settings.density_pixel_size(DEFAULT_DENSITY_PIXEL_SIZE))

    def save(self, settings):
        settings.remember_output_folder(self.output_folder.filePath().strip())
        settings.remember_density_pixel_size(self.density_pixel_size.value())
