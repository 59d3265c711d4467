"""The planner panel's Plan tab: the crime layer and what to plan, remembered between sessions and
checked before a run."""

from qgis.core import Qgis, QgsExpression, QgsMapLayerProxyModel, QgsProcessingException, QgsProject
from qgis.gui import QgsFieldExpressionWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QDate, Qt, QTimeZone
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QStyle,
    QWidget,
)

from ..algorithms.time_zones import time_zone
from ..core.schedule import DEFAULT_SHIFTS, parse_shifts
from ..core.time_resolution import DAY, MINUTE, MONTH
from .panel_settings import expression_resolution, propose_time_field, propose_time_zone
from .run_controller import CHOOSE_BY_COUNT, CHOOSE_BY_FORECAST, RunRequest

# QGIS 3.34 moved the layer filters to Qgis.LayerFilter; QGIS 4 drops the old names.
POINT_LAYERS = (Qgis.LayerFilter.PointLayer if hasattr(Qgis, "LayerFilter")
                else QgsMapLayerProxyModel.Filter.PointLayer)
LINE_EDIT_MARGIN = 2  # QLineEdit's own horizontal margin around its text, each side (not in its API)


def text_field_width(field, text):
    """The width at which the line edit ``field`` shows ``text`` whole: the text, Qt's margins and the frame."""
    margins = field.textMargins()
    contents = field.contentsMargins()
    frame = field.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, field)
    return (field.fontMetrics().horizontalAdvance(text) + 2 * LINE_EDIT_MARGIN + margins.left() + margins.right()
            + contents.left() + contents.right() + 2 * frame + 2)  # + 2: the cursor after the last character


def has_fields_of(layer, expression):
    """Whether every field ``expression`` names is one of the layer's."""
    return set(QgsExpression(expression).referencedColumns()) <= set(layer.fields().names())


class PlanForm(QWidget):
    """The crime layer, its date and time, and the settings of the hotspots and the patrol plan."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layer_combo = QgsMapLayerComboBox(self)
        self.layer_combo.setFilters(POINT_LAYERS)
        self.layer_combo.setAllowEmptyLayer(True)
        self.time_widget = QgsFieldExpressionWidget(self)
        self.time_widget.setToolTip(self.tr("The field or expression with each crime's date and time, in the "
                                            "local time of the plan's time zone"))
        self.time_support = QLabel(self)
        self.time_support.setWordWrap(True)
        self.layer_combo.layerChanged.connect(self._layer_changed)
        self.time_widget.fieldChanged.connect(self._update_time_support)

        self.cell_size = QDoubleSpinBox(self)
        self.cell_size.setRange(10.0, 5000.0)
        self.cell_size.setDecimals(0)
        self.cell_size.setSingleStep(10.0)
        self.cell_size.setSuffix(self.tr(" m"))
        self.cell_size.setToolTip(self.tr("Side of the square grid cells; the Southend pilot patrolled 150 m cells"))
        self.hotspot_count = QSpinBox(self)
        self.hotspot_count.setRange(1, 500)
        self.choose_by = QComboBox(self)
        self.choose_by.addItem(self.tr("Most crime (counts)"), CHOOSE_BY_COUNT)
        self.choose_by.addItem(self.tr("Forecast (best by backtest)"), CHOOSE_BY_FORECAST)
        self.choose_by.setToolTip(self.tr(
            "Most crime: the cells with the most crime in the layer. Forecast: the cells the forecast method that "
            "would have caught the most crime on this layer's history expects to be busiest over the plan's days "
            "(Forecast hotspots, best by backtest; slower)"))
        self.start_date = QDateEdit(self)
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat("ddd yyyy-MM-dd")
        self.days = QSpinBox(self)
        self.days.setRange(1, 366)
        self.days.setSuffix(self.tr(" days"))
        self.timezone = QComboBox(self)
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(bytes(zone).decode() for zone in QTimeZone.availableTimeZoneIds()))
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # The longest zone names would make the whole dock wide.
        self.timezone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.timezone.setMinimumContentsLength(10)
        self.timezone.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.timezone.setToolTip(self.tr("IANA time zone of the plan, e.g. Europe/London or America/Chicago"))
        self.shifts = QLineEdit(self)
        self.shifts.setToolTip(self.tr("Windows in which visits may start and end, e.g. 08:00-14:00,22:00-02:00"))
        self.shifts.setMinimumWidth(text_field_width(self.shifts, DEFAULT_SHIFTS))
        self.units = QSpinBox(self)
        self.units.setRange(1, 100)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2 ** 31 - 1)
        self.seed.setToolTip(self.tr("Same inputs and seed, same plan; change it for other visit times"))
        self.density = QCheckBox(self.tr("Crime density surface too"), self)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # In a narrow dock a field too wide beside its label (the shifts) goes under it, whole.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Crimes"), self.layer_combo)
        form.addRow(self.tr("Date and time"), self.time_widget)
        form.addRow(self.time_support)
        form.addRow(self.tr("Cell size"), self.cell_size)
        form.addRow(self.tr("Hotspots"), self.hotspot_count)
        form.addRow(self.tr("Chosen by"), self.choose_by)
        form.addRow(self.tr("First day"), self.start_date)
        form.addRow(self.tr("Plan for"), self.days)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Shifts"), self.shifts)
        form.addRow(self.tr("Units on duty"), self.units)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.density)
        self._update_time_support()

    def _layer_changed(self, layer):
        """Propose the new layer's time field and time zone: nothing of the last layer's carries over."""
        self.time_widget.setLayer(layer)
        self.time_widget.setExpression(propose_time_field(layer).expression if layer is not None else "")
        if layer is not None:
            self.timezone.setCurrentText(propose_time_zone(layer))
        # The same expression on another layer may say more or less: fieldChanged would not tell.
        self._update_time_support()

    def _update_time_support(self):
        self.time_support.setText(self.time_support_text())

    def time_support_text(self):
        """What the crimes' times can support, judged on the layer's first crimes: the line under the time
        field."""
        layer = self.layer_combo.currentLayer()
        expression = self.time_widget.expression().strip()
        if layer is None or not expression:
            return self.tr("No time field: choose the field (or an expression) with each crime's date and time.")
        resolution = expression_resolution(layer, expression).resolution
        if resolution == MONTH:
            return self.tr("Months only, as data.police.uk gives them: places and days are planned; visit times "
                           "are spread evenly over the shifts.")
        if resolution == DAY:
            return self.tr("Dates without times of day: places and days are planned; visit times are spread "
                           "evenly over the shifts.")
        if resolution == MINUTE:
            return self.tr("Times to the minute: visits are weighted by the hour-of-week risk.")
        return self.tr("The first crimes have no readable date and time in this field or expression: check it.")

    def restore(self, settings):
        """Fill the form from ``settings`` (a :class:`PanelSettings`): the last run's, or the defaults."""
        values = settings.form()
        layer = QgsProject.instance().mapLayer(values["layer"])
        if layer is not None and self.layer_combo.currentLayer() is not layer:
            self.layer_combo.setLayer(layer)
        else:
            self._layer_changed(self.layer_combo.currentLayer())
        # The saved time field and zone were chosen for the saved layer: another layer keeps its proposals.
        saved_layer = layer is not None and self.layer_combo.currentLayer() is layer
        if saved_layer and values["time_expression"] and has_fields_of(layer, values["time_expression"]):
            self.time_widget.setExpression(values["time_expression"])
        if saved_layer or self.layer_combo.currentLayer() is None:
            self.timezone.setCurrentText(values["timezone"])
        self.cell_size.setValue(values["cell_size"])
        self.hotspot_count.setValue(values["hotspots"])
        self.choose_by.setCurrentIndex(max(0, self.choose_by.findData(values["choose_by"])))
        self.start_date.setDate(values["start_date"])
        self.days.setValue(values["days"])
        self.shifts.setText(values["shifts"])
        self.shifts.setCursorPosition(0)
        self.units.setValue(values["units"])
        self.seed.setValue(values["seed"])
        self.density.setChecked(values["density"])

    def save(self, settings):
        """Keep the form in ``settings`` (a :class:`PanelSettings`)."""
        layer = self.layer_combo.currentLayer()
        settings.save_form({
            "layer": layer.id() if layer is not None else "", "time_expression": self.time_widget.expression(),
            "cell_size": self.cell_size.value(), "hotspots": self.hotspot_count.value(),
            "choose_by": self.choose_by.currentData(), "start_date": self.start_date.date(), "days": self.days.value(),
            "timezone": self.timezone.currentText().strip(), "shifts": self.shifts.text().strip(),
            "units": self.units.value(), "seed": self.seed.value(), "density": self.density.isChecked()})

    def run_request(self):
        """The form as a :class:`RunRequest`.  Raises ValueError saying what to fix first."""
        layer = self.layer_combo.currentLayer()
        if layer is None:
            raise ValueError(self.tr("Choose the layer of crime points first."))
        expression = self.time_widget.expression().strip()
        if not expression or not self.time_widget.isValidExpression():
            raise ValueError(self.tr("Choose the field (or a valid expression) with each crime's date and time: "
                                     "visit times follow when crime happens."))
        parse_shifts(self.shifts.text())
        try:
            time_zone(self.timezone.currentText())
        except QgsProcessingException as error:
            raise ValueError(str(error)) from error
        if layer.isModified():
            # The background task reads a copy of the saved data: a run would silently miss the edits.
            raise ValueError(self.tr("The crime layer has unsaved edits: save or discard them first, so that "
                                     "the plan uses the crimes you see."))
        if self.start_date.date() < QDate.currentDate() and not self.confirm_past_start():
            raise ValueError(self.tr("Not started: the first day is in the past. Choose a day from today on."))
        return RunRequest(
            crime_layer=layer, time_expression=expression, cell_size=self.cell_size.value(),
            hotspots=self.hotspot_count.value(), choose_by=self.choose_by.currentData(),
            start_date=self.start_date.date(), days=self.days.value(),
            time_zone=self.timezone.currentText().strip(), shifts=self.shifts.text().strip(),
            units=self.units.value(), seed=self.seed.value(), density=self.density.isChecked())

    def confirm_past_start(self):
        """Ask whether to plan from a first day that is over; True to go ahead."""
        answer = QMessageBox.question(
            self, self.tr("First day in the past"),
            self.tr("The first day, {}, is in the past: plan patrols for days that are over?").format(
                self.start_date.date().toString(Qt.DateFormat.ISODate)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
