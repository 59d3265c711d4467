"""The weighted displacement quotient and the counts it is made of, against hand-computed values."""

import dataclasses
import math

import numpy as np
import pytest

from hotspot_patrol.core import displacement
from hotspot_patrol.core.errors import InputError


@pytest.mark.parametrize("buffer_after, buffer_measure, wdq, words", [
    (66, -0.018, 0.15, "diffusion of benefit, smaller than the direct effect"),
    (0, -0.15, 1.25, "diffusion of benefit, greater than the direct effect"),
    (75, 0.0, 0.0, "no displacement and no diffusion"),
    (90, 0.03, -0.25, "displacement, smaller than the direct benefit"),
    (150, 0.15, -1.25, "displacement greater than the direct benefit")])
def test_wdq_worked_case(buffer_after, buffer_measure, wdq, words):
    # Target 120 -> 90, buffer 60 -> buffer_after, control 400 -> 500 crimes.
    # Success: 90/500 - 120/400 = 0.18 - 0.30 = -0.12; buffer: buffer_after/500 - 60/400.
    result = displacement.weighted_displacement_quotient(120, 90, 60, buffer_after, 400, 500)
    assert result.success_measure == pytest.approx(-0.12)
    assert result.buffer_measure == pytest.approx(buffer_measure, abs=1e-12)
    assert result.wdq == pytest.approx(wdq, abs=1e-12)
    assert words in result.reading
    assert "Crime fell in the target area" in result.reading


def test_wdq_without_a_reduction_and_with_empty_control():
    result = displacement.weighted_displacement_quotient(120, 150, 60, 90, 400, 500)  # 0.30 -> 0.30
    assert result.success_measure == pytest.approx(0.0)
    assert result.buffer_measure == pytest.approx(0.03)
    assert math.isnan(result.wdq)
    assert "not interpretable" in result.reading
    rose = displacement.weighted_displacement_quotient(100, 200, 60, 90, 400, 400)
    assert rose.success_measure == pytest.approx(0.25) and math.isnan(rose.wdq)
    with pytest.raises(InputError, match="control_after is 0.*larger control area"):
        displacement.weighted_displacement_quotient(120, 90, 60, 66, 400, 0)
    with pytest.raises(InputError, match="control_before is 0"):
        displacement.weighted_displacement_quotient(120, 90, 60, 66, 0, 500)
    with pytest.raises(InputError, match="buffer_before must be a crime count of 0 or more"):
        displacement.weighted_displacement_quotient(120, 90, -1, 66, 400, 500)


def same_or_both_nan(values, expected):
    """Field by field; NaN equals NaN (a dataclass's == does not say so once numpy makes new NaN objects)."""
    return len(values) == len(expected) and all(
        a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))
        for a, b in zip(values, expected))


def test_displacement_by_group_counts_each_area_and_period_by_hand():
    # Ten crimes: group a = crimes 0-5, group b = crimes 4-9. Periods: before (B), after (A) or neither (-);
    # areas: target (T), buffer (D), control (C) or none (-).
    period = "BBAA-BABAB"
    area = "TDTCTCCDC-"
    members = {"a": np.arange(10) < 6, "b": np.arange(10) >= 4}
    rows = displacement.displacement_by_group(
        members, [p == "B" for p in period], [p == "A" for p in period],
        [c == "T" for c in area], [c == "D" for c in area], [c == "C" for c in area])
    assert [group for group, _, _ in rows] == ["a", "b"]
    # a: 0 B T, 1 B D, 2 A T, 3 A C, 4 - T, 5 B C.  b: 4 - T, 5 B C, 6 A C, 7 B D, 8 A C, 9 B -.
    assert rows[0][1] == (1, 1, 1, 0, 1, 1)
    assert rows[1][1] == (0, 0, 1, 0, 1, 2)
    expected = displacement.weighted_displacement_quotient(1, 1, 1, 0, 1, 1)
    assert same_or_both_nan(dataclasses.astuple(rows[0][2]), dataclasses.astuple(expected))
    assert rows[1][2].success_measure == 0 and math.isnan(rows[1][2].wdq)


def test_displacement_by_group_refuses_masks_of_other_lengths_and_empty_control():
    yes = [True, True]
    with pytest.raises(InputError, match="one value per crime"):
        displacement.displacement_by_group({"all": yes}, yes, yes, yes, yes, [True])
    with pytest.raises(InputError, match="control_before is 0"):
        displacement.displacement_by_group({"all": yes}, [True, False], [False, True], yes, [False, False],
                                           [False, False])
