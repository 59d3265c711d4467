"""Core's InputError as the Processing user sees it: the message in the domain's words, prefixed by the
parameter that sets the core argument at fault; any other exception from core keeps its traceback."""

import pytest
from helpers import point_layer
from qgis.core import QgsProcessingException

from hotspot_patrol.algorithms.base import HotspotAlgorithm
from hotspot_patrol.algorithms.import_police_uk import ImportPoliceUkAlgorithm
from hotspot_patrol.core.errors import InputError


class CoreCaller(HotspotAlgorithm):
    """The least algorithm that can call core: run_core is all these tests use."""

    ALGORITHM_ID = "corecaller"

    def createInstance(self):  # noqa: N802 (QGIS's name)
        return CoreCaller()


def refuse(error):
    """A core function that refuses its input with ``error``."""
    def core_function(*args, **kwargs):
        raise error
    return core_function


def test_an_input_error_about_a_setting_names_its_parameter():
    with pytest.raises(QgsProcessingException) as raised:
        CoreCaller().run_core(refuse(InputError("Ask for at least 1 hotspot.", setting="top_n")))
    assert str(raised.value) == "TOP_N: Ask for at least 1 hotspot."


@pytest.mark.parametrize("setting", [None, "a_setting_no_parameter_sets"])
def test_an_input_error_without_a_known_setting_is_the_message_alone(setting):
    with pytest.raises(QgsProcessingException) as raised:
        CoreCaller().run_core(refuse(InputError("There are no crimes in the study area.", setting=setting)))
    assert str(raised.value) == "There are no crimes in the study area."


def test_an_algorithm_names_its_own_parameter_for_a_setting():
    with pytest.raises(QgsProcessingException) as raised:
        ImportPoliceUkAlgorithm().run_core(refuse(InputError("'2018-13' is not a month.", setting="start")))
    assert str(raised.value) == "START_MONTH: '2018-13' is not a month."
    assert HotspotAlgorithm.PARAMETER_OF_SETTING["start"] == "START"


def test_the_arguments_reach_the_core_function_and_its_result_comes_back():
    assert CoreCaller().run_core(lambda a, b=0: a + b, 2, b=3) == 5


def test_any_other_exception_is_a_bug_and_keeps_its_traceback():
    with pytest.raises(ValueError, match="a bug") as raised:
        CoreCaller().run_core(refuse(ValueError("a bug")))
    assert not isinstance(raised.value, InputError)


@pytest.mark.parametrize("parameters, message", [
    ({"CELL_SIZE": 0.001}, r"^CELL_SIZE: Cells of 0.001 m are too small: no crime location is known to better than "
                           r"1 cm\. Use cells of at least 0.01 m"),
    ({"WEIGHT_FIELD": "harm"}, r"^WEIGHT_FIELD: 1 crimes have a negative weight in the weight field 'harm' \(the "
                               r"smallest is -2\)"),
], ids=["cell_size", "weights"])
def test_a_core_check_in_a_run_names_the_parameter(run, parameters, message):
    layer = point_layer([(10, 10), (20, 20), (160, 10)], fields=[("harm", "double")], rows=[(1,), (-2,), (3,)])
    with pytest.raises(QgsProcessingException, match=message):
        run("hotspotpatrol:gridcrimes", {"INPUT": layer, "OUTPUT": "memory:", **parameters})


def test_an_input_error_about_how_settings_fit_together_names_each_parameter():
    with pytest.raises(QgsProcessingException) as raised:
        CoreCaller().run_core(refuse(InputError("No shift window is long enough.",
                                                setting=("shifts", "patrol_minutes"))))
    assert str(raised.value) == "SHIFTS, PATROL_MINUTES: No shift window is long enough."
