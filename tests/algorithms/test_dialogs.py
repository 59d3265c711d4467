"""Processing's dialogs show the plugin's numbers as people write them: "150 meters", not
"150.000000" (QGIS's default of six decimals)."""

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingParameterNumber
from qgis.gui import QgsGui, QgsProcessingGui
from qgis.PyQt.QtWidgets import QDoubleSpinBox


def decimal_parameters(provider):
    return [(algorithm.id(), parameter) for algorithm in provider.algorithms()
            for parameter in algorithm.parameterDefinitions()
            if isinstance(parameter, QgsProcessingParameterNumber)
            and parameter.dataType() == QgsProcessingParameterNumber.Double]


def shown_in_dialog(parameter, value):
    """The text of ``parameter``'s box in Processing's dialog, showing ``value``."""
    wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(parameter, QgsProcessingGui.Standard)
    widget = wrapper.createWrappedWidget(QgsProcessingContext())
    wrapper.setParameterValue(value, QgsProcessingContext())
    boxes = [widget] if isinstance(widget, QDoubleSpinBox) else widget.findChildren(QDoubleSpinBox)
    assert len(boxes) == 1, parameter.name()
    return boxes[0].cleanText()


def test_every_decimal_parameter_says_how_many_decimals_its_box_shows(provider):
    parameters = decimal_parameters(provider)
    assert len(parameters) >= 15
    missing = [f"{algorithm}:{p.name()}" for algorithm, p in parameters
               if "decimals" not in p.metadata().get("widget_wrapper", {})]
    assert missing == []


@pytest.mark.parametrize("algorithm, name, value, text", [
    ("hotspotpatrol:gridcrimes", "CELL_SIZE", 150.0, "150"),
    ("hotspotpatrol:kerneldensity", "PIXEL_SIZE", 10.0, "10"),
    ("hotspotpatrol:kerneldensity", "DECAY", 0.25, "0.25"),
    ("hotspotpatrol:patrolplan", "TRAVEL_SPEED", 20.0, "20.0"),
    ("hotspotpatrol:patroldosage", "MAX_GAP", 2.5, "2.5"),
])
def test_the_dialog_shows_sizes_without_trailing_zeros(provider, algorithm, name, value, text):
    parameter = next(p for a, p in decimal_parameters(provider) if a == algorithm and p.name() == name)
    assert shown_in_dialog(parameter, value) == text
