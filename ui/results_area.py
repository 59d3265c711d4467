"""The panel's results area, under the run button: the last run's warnings, kept until the next run, and
what to do with its results (keep them beside the next run's, save them to a folder)."""

from qgis.PyQt.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget


class ResultsArea(QWidget):
    """``warnings`` lists what the algorithms warned about in the last run (hidden when there is nothing);
    ``keep_button`` pins the run's layer group, which the next run would otherwise replace;
    ``save_button`` asks for a folder to save the run's files in."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.warnings = QListWidget(self)
        self.warnings.setWordWrap(True)
        self.warnings.setToolTip(self.tr("What the last run warned about; kept until the next run"))
        self.warnings.hide()
        self.keep_button = QPushButton(self.tr("Keep these results"), self)
        self.keep_button.setCheckable(True)
        self.keep_button.setToolTip(self.tr("The next run adds its own layer group instead of replacing "
                                            "this one"))
        self.save_button = QPushButton(self.tr("Save results…"), self)
        self.save_button.setToolTip(self.tr("Copy the run's files to a folder and use the copies in the project"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.warnings)
        layout.addLayout(buttons)

    def show_warnings(self, warnings):
        """List ``warnings`` (texts), replacing the last run's."""
        self.warnings.clear()
        self.warnings.addItems(list(warnings))
        self.warnings.setVisible(bool(warnings))
        self._fit_height()

    def _fit_height(self):
        """As tall as the warnings' wrapped lines, at most four: a long list scrolls rather than taking the
        visits table's height, and a single warning leaves no empty box."""
        frame = 2 * self.warnings.frameWidth()
        most = self.fontMetrics().lineSpacing() * 4 + frame + 4
        needed = sum(self.warnings.sizeHintForRow(row) for row in range(self.warnings.count())) + frame + 2
        self.warnings.setFixedHeight(min(needed, most))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit_height()  # wrapped lines change with the width

    def warning_texts(self):
        return [self.warnings.item(row).text() for row in range(self.warnings.count())]

    def set_results_enabled(self, enabled):
        """Whether there are results to keep or save."""
        self.keep_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
