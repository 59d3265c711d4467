"""GPS trails and plans as codes, epoch seconds and hotspot positions, against hand-made answers."""

import datetime

import numpy as np
import pytest

from hotspot_patrol.core import dosage_inputs
from hotspot_patrol.core.errors import InputError


def test_units_are_coded_by_their_sorted_names_and_a_missing_unit_is_the_unit_named_empty():
    names, codes = dosage_inputs.unit_codes(["car2", None, "car1", "car2", 7, ""])
    assert names.tolist() == ["", "7", "car1", "car2"]
    assert codes.tolist() == [3, 0, 2, 3, 1, 0]
    assert codes.dtype == np.int64
    assert [names[code] for code in codes] == ["car2", "", "car1", "car2", "7", ""]


def test_no_pings_no_units():
    names, codes = dosage_inputs.unit_codes([])
    assert names.size == 0 and codes.size == 0


def test_epoch_seconds_of_instants_of_any_unit():
    seconds = dosage_inputs.epoch_seconds(np.array(["1970-01-01T00:00:00", "2024-07-15T10:02:30"],
                                                   dtype="datetime64[s]"))
    expected = datetime.datetime(2024, 7, 15, 10, 2, 30, tzinfo=datetime.timezone.utc).timestamp()
    assert seconds.tolist() == [0.0, expected] and seconds.dtype == np.float64
    # Milliseconds are truncated to the second, not read as seconds.
    fine = dosage_inputs.epoch_seconds(np.array(["2024-07-15T10:02:30.900"], dtype="datetime64[ms]"))
    assert fine.tolist() == [expected]


@pytest.mark.parametrize("instants, message", [
    (np.array(["2024-07-15T10:02", "NaT"], dtype="datetime64[s]"), r"1 time\(s\) are missing"),
    (np.array([1.0, 2.0]), "datetime64"),
])
def test_epoch_seconds_refuses_missing_or_non_time_values(instants, message):
    with pytest.raises(InputError, match=message):
        dosage_inputs.epoch_seconds(instants)


def test_hotspot_indices_are_positions_and_minus_one_for_unknown_hotspots():
    ids = ["A", "B", "C"]
    names = ["C", "Z", "A", "A", "b"]
    assert dosage_inputs.hotspot_indices(names, ids).tolist() == [ids.index(n) if n in ids else -1 for n in names]
    assert dosage_inputs.hotspot_indices([], ids).dtype == np.int64


def test_hotspot_indices_refuse_a_repeated_id():
    with pytest.raises(InputError, match="more than once"):
        dosage_inputs.hotspot_indices(["A"], ["A", "B", "A"])
