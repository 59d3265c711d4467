"""Gini, generalized Gini, hotspot choice and map accuracy (PAI) on cases with known answers."""

import numpy as np
import pytest

from hotspot_patrol.core import concentration
from hotspot_patrol.core.errors import InputError


def test_gini_extremes_and_brute_force():
    assert concentration.gini([5, 5, 5, 5]) == 0
    assert concentration.gini([0, 0, 0, 8]) == pytest.approx(3 / 4)
    rng = np.random.default_rng(1)
    counts = rng.poisson(2, 50)
    mean_abs_difference = np.abs(counts[:, None] - counts[None, :]).mean()
    assert concentration.gini(counts) == pytest.approx(mean_abs_difference / (2 * counts.mean()))


def test_generalized_gini_corrects_sparse_data():
    # 3 crimes in 10 cells spread as evenly as possible: Gini 0.7, generalized 0.
    assert concentration.gini([1, 1, 1] + [0] * 7) == pytest.approx(0.7)
    assert concentration.generalized_gini([1, 1, 1] + [0] * 7) == pytest.approx(0.0)
    # All three in one cell: the most unequal that 3 crimes allow, 1 - 1/C.
    assert concentration.generalized_gini([3] + [0] * 9) == pytest.approx(1 - 1 / 3)
    # More crimes than cells: unchanged.
    assert concentration.generalized_gini([4, 1, 0]) == concentration.gini([4, 1, 0])


def test_pai_worked_case():
    table = concentration.accuracy_table([3, 2, 1], [1, 1, 1], [6, 3, 0], study_area=(3, 9))
    assert np.allclose(table["pai"], [2, 1.5, 1])
    assert np.allclose(table["hit_rate"], [6 / 9, 1, 1])
    assert np.allclose(table["area_share"], [1 / 3, 2 / 3, 1])
    assert np.allclose(table["pei"], [1, 1, 1])


def test_pei_and_ties_and_rri():
    # Scores tie: the input order decides (documented); the map misses the best cell first.
    table = concentration.accuracy_table([2, 2, 1], [1, 1, 1], [1, 5, 0], study_area=(3, 6),
                                         predicted=[2, 2, 2])
    assert table["order"].tolist() == [0, 1, 2]
    assert table["pei"][0] == pytest.approx(1 / 5)
    assert table["rri"][0] == pytest.approx((1 / 2) / (6 / 6))


def test_separation_skips_neighbours_of_chosen_cells():
    x = np.array([0, 150, 300, 1000, 1150])
    y = np.zeros(5)
    chosen = concentration.choose_hotspots([0, 1, 2, 3, 4], x, y, np.ones(5, bool), top_n=3, separation=300)
    assert chosen.tolist() == [0, 2, 3]
    none_apart = concentration.choose_hotspots([0, 1, 2, 3, 4], x, y, np.ones(5, bool), top_n=3)
    assert none_apart.tolist() == [0, 1, 2]


@pytest.mark.parametrize("top_n, separation, setting, message", [
    (0, 0.0, "top_n", "Ask for at least 1 hotspot."),
    (3, -1.0, "separation", "The separation between hotspots must be 0 or more metres."),
])
def test_choice_refuses_bad_settings_naming_the_setting(top_n, separation, setting, message):
    with pytest.raises(InputError) as error:
        concentration.choose_hotspots([0, 1], [0, 1], [0, 0], [True, True], top_n, separation)
    assert str(error.value) == message and error.value.setting == setting


def test_ineligible_cells_are_never_chosen():
    chosen = concentration.choose_hotspots([2, 0, 1], [0, 1, 2], [0, 0, 0], [True, False, True], top_n=5)
    assert chosen.tolist() == [2, 0]


@pytest.mark.parametrize("areas, scores, message", [
    ([1.0, 0.0, 1.0], [3, 2, 1], "1 cells have no area"),
    ([1.0, np.nan, 1.0], [3, 2, 1], "1 cells have no area"),
    ([1.0, 1.0, 1.0], [3, np.nan, 1], "finite score"),
    ([1.0, 1.0], [3, 2, 1], "same length"),
])
def test_accuracy_table_refuses_cells_without_area_or_score(areas, scores, message):
    with pytest.raises(ValueError, match=message):
        concentration.accuracy_table(scores, areas, [1, 1, 1], (3.0, 3))


def test_without_a_predicted_count_for_every_cell_there_is_no_rri():
    for missing in (np.nan, np.inf):
        table = concentration.accuracy_table([3, 2, 1], [1, 1, 1], [6, 3, 0], (3, 9), predicted=[2, missing, 2])
        assert table["rri"] is None
    assert concentration.accuracy_table([3, 2, 1], [1, 1, 1], [6, 3, 0], (3, 9))["rri"] is None
    table = concentration.accuracy_table([3, 2, 1], [1, 1, 1], [6, 3, 0], (3, 9), predicted=[4, 4, 1])
    assert table["rri"].tolist() == pytest.approx([(6 / 4) / (9 / 9), (9 / 8) / (9 / 9), 1.0])


def test_hotspot_concentration_by_hand():
    counts = [4, 2, 1, 1, 0]
    share = np.array(counts) / 8
    summary = concentration.hotspot_concentration(share, [0, 2], counts)
    assert summary.crime_share == pytest.approx(5 / 8)
    assert summary.area_share == pytest.approx(2 / 5)
    assert summary.gini == pytest.approx(np.abs(np.subtract.outer(counts, counts)).mean() / (2 * np.mean(counts)))
    # 8 crimes in 5 cells: more crimes than cells, so the generalized Gini is the Gini.
    assert summary.generalized_gini == summary.gini
    none = concentration.hotspot_concentration(np.zeros(3), np.array([], dtype=np.int64), [0, 0, 0])
    assert (none.crime_share, none.area_share, none.gini) == (0.0, 0.0, 0.0)


def test_the_cells_as_study_area_count_each_crime_once():
    # Crime 3 lies where two cells overlap: crimes 0, 3, 4 and 5; the third cell holds none.
    assert concentration.cells_study_area([1.5, 2.0, 0.5], [np.array([0, 3]), np.array([3, 4, 5]),
                                                             np.array([], dtype=np.int64)]) == (4.0, 4)
    assert concentration.cells_study_area([], []) == (0.0, 0)


def test_empty_units_left_out_count_as_listed():
    counts = np.array([5.0, 1.0, 3.0, 0.0, 2.0])
    for function in (concentration.gini, concentration.generalized_gini):
        assert function(counts, empty=7) == pytest.approx(function(np.concatenate([counts, np.zeros(7)])), abs=1e-15)
    full = concentration.hotspot_concentration(np.concatenate([counts, np.zeros(7)]) / 11, [0, 2],
                                               np.concatenate([counts, np.zeros(7)]))
    assert concentration.hotspot_concentration(counts / 11, [0, 2], counts, empty=7) == full
