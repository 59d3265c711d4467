"""Rolling-origin backtests: origins, scores against hand-computed values, strict train/test separation,
and winners in simulated cities whose truth is known."""

import numpy as np
import pytest

from hotspot_patrol.core import backtest, forecast, grid
from hotspot_patrol.core.errors import InputError


def day(text):
    return float(np.datetime64(text, "D").astype(np.int64))


def dates(days):
    return [str(np.datetime64(int(d), "D")) for d in days]


def test_yearly_origins_stay_on_new_year_through_leap_years():
    """The issue's example: 14 yearly origins on data ending 31 Dec 2023 are 1 Jan 2010 … 1 Jan 2023."""
    origins = backtest.rolling_origins(day("2024-01-01"), 365, 14)
    assert dates(origins.start) == [f"{year}-01-01" for year in range(2010, 2024)]
    assert dates(origins.end) == [f"{year}-01-01" for year in range(2011, 2025)]


def test_daily_origins_are_a_horizon_apart_and_end_with_the_data():
    origins = backtest.rolling_origins(day("2024-07-01"), 28, 3)
    assert dates(origins.start) == ["2024-04-08", "2024-05-06", "2024-06-03"]
    assert dates(origins.end) == ["2024-05-06", "2024-06-03", "2024-07-01"]


def test_month_origins_are_month_starts_and_only_whole_months_count():
    # Data to 15 Sept 2018 (police.uk: September is only part-observed if the end falls inside it).
    origins = backtest.rolling_origins(day("2018-09-15"), 60, 3, months=True)
    assert dates(origins.start) == ["2018-03-01", "2018-05-01", "2018-07-01"]
    assert dates(origins.end) == ["2018-05-01", "2018-07-01", "2018-09-01"]


def test_month_windows_are_exact_calendar_months():
    """A one-month window at 1 August reaches back to 1 July (31 days), at 1 March to 1 February (28)."""
    for origin, first in (("2018-08-01", "2018-07-01"), ("2018-03-01", "2018-02-01"), ("2019-01-01", "2018-01-01")):
        window = 30 if origin != "2019-01-01" else 365
        settings = backtest.settings_at(forecast.COUNTS, {"window_days": window}, day(origin), months=True)
        assert day(origin) - settings["window_days"] == day(first) - 0.5
    half_life = backtest.settings_at(forecast.RECENCY, {"half_life_days": 90}, day("2018-08-01"), months=True)
    assert half_life["half_life_days"] == 3 * 365.25 / 12
    assert backtest.settings_at(forecast.COUNTS, {"window_days": 0}, day("2018-08-01"), True)["window_days"] == 0


def test_month_data_with_a_one_month_window_count_exactly_the_month_before():
    lattice = forecast.Lattice(np.array([0]), np.array([0]), 150.0)
    t = np.array([day(d) for d in ("2018-06-01", "2018-07-01", "2018-07-01", "2018-08-01")])
    x = y = np.full(t.size, 10.0)
    origins = backtest.rolling_origins(day("2018-09-01"), 31, 1, months=True)
    settings = backtest.settings_at(forecast.COUNTS, {"window_days": 30}, origins.start[0], True)
    result = forecast.forecast(forecast.COUNTS, x, y, t, origins.start[0], lattice, 31, settings=settings)
    assert result.score[0] == pytest.approx(2 / 31.5 * 31)  # July's two crimes, not June's


def test_scores_by_hand():
    score = np.array([5.0, 1.0, 0.0, 2.0, 0.0])
    observed = np.array([1, 0, 3, 2, 0])
    result = backtest.score_forecast(score, observed, 2, 5)
    assert result.chosen.tolist() == [0, 3]
    assert (result.crimes, result.hits) == (6, 3)
    assert result.hit_rate == pytest.approx(0.5)
    assert result.pai == pytest.approx(0.5 / (2 / 5))
    assert result.pei == pytest.approx(3 / 5)  # the best two cells held 3 + 2
    assert result.rri == pytest.approx(0.5 / (7 / 8))


def test_only_cells_with_a_score_are_chosen_and_undefined_scores_are_nan():
    result = backtest.score_forecast(np.array([0.0, 2.0, 0.0]), np.array([1, 1, 0]), 3, 3)
    assert result.chosen.tolist() == [1] and result.pai == pytest.approx(0.5 / (1 / 3))
    empty = backtest.score_forecast(np.array([1.0, 2.0]), np.array([0, 0]), 1, 2)
    assert empty.hits == 0 and np.isnan(empty.hit_rate) and np.isnan(empty.pei) and np.isnan(empty.rri)


def test_a_perfect_forecast_has_pei_one():
    rng = np.random.default_rng(1)
    observed = rng.poisson(2.0, 200)
    result = backtest.score_forecast(observed + 0.5, observed, 20, 200)
    assert result.pei == pytest.approx(1.0)


def city(rng, days, hot_cells, rate_hot=0.3, rate_cold=0.002, n_cells=400, drift_day=None, later_cells=None):
    """Crimes on a 20 × 20 lattice of 150 m cells: Poisson per cell and day; hot cells change to
    ``later_cells`` from ``drift_day`` when given."""
    xs, ys, ts = [], [], []
    cols, rows = np.arange(n_cells) % 20, np.arange(n_cells) // 20
    for d in range(days):
        hot = later_cells if drift_day is not None and d >= drift_day else hot_cells
        rates = np.full(n_cells, rate_cold)
        rates[hot] = rate_hot
        counts = rng.poisson(rates)
        cells = np.repeat(np.arange(n_cells), counts)
        xs.append((cols[cells] + rng.random(cells.size)) * 150.0)
        ys.append((rows[cells] + rng.random(cells.size)) * 150.0)
        ts.append(d + rng.random(cells.size))
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ts)


LATTICE = forecast.Lattice(np.arange(400) % 20, np.arange(400) // 20, 150.0)
SHORT_AND_LONG = [backtest.Candidate(forecast.COUNTS, {"window_days": 28}),
                  backtest.Candidate(forecast.COUNTS, {"window_days": 0}),
                  backtest.Candidate(forecast.RECENCY, {"half_life_days": 14})]


def winner(x, y, t, days):
    origins = backtest.rolling_origins(float(days), 28, 6)
    result = backtest.backtest(x, y, t, LATTICE, SHORT_AND_LONG, origins, 10)
    return result.best.candidate, result


def test_a_static_city_is_won_by_all_history():
    rng = np.random.default_rng(7)
    hot = rng.choice(400, 10, replace=False)
    x, y, t = city(rng, 730, hot, rate_hot=0.05)
    best, result = winner(x, y, t, 730)
    assert best == SHORT_AND_LONG[1], [(s.candidate.text, s.mean_pei) for s in result.summary]


def test_a_city_whose_hotspots_move_every_few_months_is_won_by_recency():
    rng = np.random.default_rng(3)
    cells = rng.permutation(400)
    xs, ys, ts = [], [], []
    for block in range(8):  # the hot cells change every 91 days
        x, y, t = city(rng, 91, cells[10 * block:10 * block + 10])
        xs.append(x), ys.append(y), ts.append(t + 91 * block)
    x, y, t = np.concatenate(xs), np.concatenate(ys), np.concatenate(ts)
    best, result = winner(x, y, t, 728)
    assert best.method == forecast.RECENCY or best.settings == {"window_days": 28}, [
        (s.candidate.text, s.mean_pei) for s in result.summary]
    long_window = next(s for s in result.summary if s.candidate == SHORT_AND_LONG[1])
    assert result.best.mean_pei > 1.5 * long_window.mean_pei


def test_rows_hold_every_candidate_at_every_origin_and_stability_follows_the_chosen_cells():
    rng = np.random.default_rng(5)
    hot = rng.choice(400, 10, replace=False)
    x, y, t = city(rng, 400, hot)
    origins = backtest.rolling_origins(400.0, 28, 4)
    result = backtest.backtest(x, y, t, LATTICE, SHORT_AND_LONG, origins, 10)
    assert len(result.rows) == 12
    for candidate in SHORT_AND_LONG:
        rows = [r for r in result.rows if r.candidate is candidate]
        assert [r.origin for r in rows] == origins.start.tolist()
        assert np.isnan(rows[0].stability)
        for before, after in zip(rows, rows[1:]):
            kept = len(set(before.score.chosen) & set(after.score.chosen)) / after.score.chosen.size
            assert after.stability == pytest.approx(kept)
    summary = {s.candidate.text: s for s in result.summary}
    for candidate in SHORT_AND_LONG:
        peis = [r.score.pei for r in result.rows if r.candidate is candidate]
        assert summary[candidate.text].mean_pei == pytest.approx(np.mean(peis))
        assert summary[candidate.text].min_pei == min(peis)
    assert sum(s.winner for s in result.summary) == 1


def test_no_crime_at_or_after_an_origin_changes_what_is_chosen_at_it():
    """Strict separation: moving every crime of a horizon elsewhere changes the hits, never the choice."""
    rng = np.random.default_rng(11)
    hot = rng.choice(400, 10, replace=False)
    x, y, t = city(rng, 300, hot)
    origins = backtest.rolling_origins(300.0, 28, 3)
    candidates = [backtest.Candidate(m, {}) for m in (forecast.COUNTS, forecast.RECENCY, forecast.KERNEL,
                                                       forecast.PROSPECTIVE, forecast.SEPP)]
    first = backtest.backtest(x, y, t, LATTICE, candidates, origins, 10)
    moved_x = np.where(t >= origins.start[0], rng.random(t.size) * 3000.0, x)
    moved = backtest.backtest(moved_x, y, t, LATTICE, candidates, origins, 10)
    for a, b in zip(first.rows, moved.rows):
        if a.origin == origins.start[0]:
            assert a.score.chosen.tolist() == b.score.chosen.tolist(), a.candidate
    assert any(a.score.hits != b.score.hits for a, b in zip(first.rows, moved.rows))


def test_month_data_backtest_only_the_methods_that_work_on_months():
    candidates = backtest.default_candidates(months=True)
    assert {c.method for c in candidates} == {forecast.COUNTS, forecast.RECENCY, forecast.KERNEL}
    texts = [(c.method, c.text) for c in candidates]
    assert len(texts) == len(set(texts))  # 14 and 30 days' half-lives are both "1 month": tried once
    assert [c.text for c in candidates if c.method == forecast.COUNTS] == [
        "window_months=1", "window_months=3", "window_months=6", "window_months=12", "window_months=24",
        "window_months=0"]
    assert [c.text for c in candidates if c.method == forecast.RECENCY] == [
        "half_life_months=1", "half_life_months=3", "half_life_months=6"]
    with pytest.raises(InputError, match="known only to the month"):
        backtest.default_candidates([forecast.SEPP], months=True)


def test_bad_input():
    with pytest.raises(InputError, match="at least one forecast origin"):
        backtest.rolling_origins(100.0, 28, 0)
    x, y, t = np.array([10.0]), np.array([10.0]), np.array([50.0])
    origins = backtest.rolling_origins(100.0, 28, 3)
    with pytest.raises(InputError, match="no crime before the first forecast origin"):
        backtest.backtest(x, y, t, LATTICE, SHORT_AND_LONG, origins, 10)
    with pytest.raises(InputError, match="at least one cell"):
        backtest.backtest(x, y, t, LATTICE, SHORT_AND_LONG, origins, 0)


def test_observed_counts_match_a_plain_loop():
    rng = np.random.default_rng(2)
    x, y, t = rng.random(500) * 3500, rng.random(500) * 3500, rng.random(500) * 100
    origins = backtest.rolling_origins(100.0, 20, 4)
    counts = backtest.observed_by_origin(x, y, t, LATTICE, origins)
    col, row = grid.cells_of_points(x, y, 150.0)
    for k, (start, end) in enumerate(zip(origins.start, origins.end)):
        for cell in range(400):
            expected = np.count_nonzero((col == cell % 20) & (row == cell // 20) & (t >= start) & (t < end))
            assert counts[k, cell] == expected


def test_as_many_origins_as_the_history_holds():
    """Each origin needs a horizon of history before it: on 154 days of data, 4 origins of 28 days fit, not 12."""
    origins = backtest.origins_that_fit(day("2024-06-03"), day("2024-01-01"), 28, 12)
    assert origins.start.size == 4 and origins.start[0] - day("2024-01-01") >= 28
    assert dates(origins.end)[-1] == "2024-06-03"
    assert backtest.origins_that_fit(day("2024-06-03"), day("2024-01-01"), 28, 3).start.size == 3
    assert backtest.origins_that_fit(day("2024-01-20"), day("2024-01-01"), 28, 12) is None
