"""The lattice self-exciting point process: recovery of known parameters from simulated crime, the
likelihood against a plain pairwise sum, the forecast formula, and refusals."""

import numpy as np
import pytest

from hotspot_patrol.core import forecast as fc
from hotspot_patrol.core import grid, sepp
from hotspot_patrol.core.errors import InputError


def simulate(rng, mu, theta, omega, days):
    """A lattice Hawkes process by branching: Poisson background per cell, then each crime has
    Poisson(theta) offspring in its cell after exponential delays of mean 1 / omega days."""
    cells, times = [], []
    generation_cell = np.repeat(np.arange(mu.size), rng.poisson(mu * days))
    generation_time = rng.uniform(0, days, generation_cell.size)
    while generation_cell.size:
        cells.append(generation_cell)
        times.append(generation_time)
        children = rng.poisson(theta, generation_cell.size)
        generation_cell = np.repeat(generation_cell, children)
        generation_time = np.repeat(generation_time, children) + rng.exponential(1 / omega, generation_cell.size)
        seen = generation_time < days
        generation_cell, generation_time = generation_cell[seen], generation_time[seen]
    return np.concatenate(times), np.concatenate(cells)


def log_likelihood(t, cell, origin, mu, theta, omega):
    """sum_i log lambda(t_i) - integral of lambda over [first crime, origin), pair by pair."""
    rate = mu[cell].astype(float)
    for i in range(t.size):
        for j in range(t.size):
            if cell[j] == cell[i] and t[j] < t[i]:
                rate[i] += theta * omega * np.exp(-omega * (t[i] - t[j]))
    compensator = mu.sum() * (origin - t.min()) + theta * np.sum(1 - np.exp(-omega * (origin - t)))
    return np.sum(np.log(rate)) - compensator


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_recovers_the_parameters_of_a_simulated_lattice_process(seed):
    rng = np.random.default_rng(seed)
    mu = rng.uniform(0.005, 0.1, 50)
    t, cell = simulate(rng, mu, theta=0.5, omega=0.1, days=2000)
    model = sepp.fit(t, cell, 2000.0, n_cells=50)
    # About 5,500 background crimes and as many offspring: the standard errors of theta and omega
    # are about 4 % and of the total background about 3 %, so these bounds are 3 to 4 of them.
    assert model.theta == pytest.approx(0.5, rel=0.15)
    assert model.omega == pytest.approx(0.1, rel=0.15)
    assert model.mu.sum() == pytest.approx(mu.sum(), rel=0.10)
    assert model.converged and model.iterations < sepp.MAX_ITERATIONS
    # Busy cells are told apart from quiet ones.
    assert np.corrcoef(model.mu, mu)[0, 1] > 0.9


def test_pure_background_has_next_to_no_offspring():
    rng = np.random.default_rng(4)
    mu = rng.uniform(0.005, 0.1, 50)
    t, cell = simulate(rng, mu, theta=0.0, omega=0.1, days=2000)
    model = sepp.fit(t, cell, 2000.0, n_cells=50)
    assert model.theta < 0.05
    assert model.mu.sum() == pytest.approx(mu.sum(), rel=0.10)


def test_the_fit_maximises_the_likelihood_computed_pair_by_pair():
    rng = np.random.default_rng(9)
    mu = rng.uniform(0.02, 0.1, 5)
    t, cell = simulate(rng, mu, theta=0.6, omega=0.2, days=300)
    model = sepp.fit(t, cell, 300.0, n_cells=5, tolerance=1e-10, max_iterations=5000)
    best = log_likelihood(t, cell, 300.0, model.mu, model.theta, model.omega)
    assert model.log_likelihood == pytest.approx(best, rel=1e-12)
    for factor in (0.9, 1.1):
        assert log_likelihood(t, cell, 300.0, model.mu, model.theta * factor, model.omega) < best
        assert log_likelihood(t, cell, 300.0, model.mu, model.theta, model.omega * factor) < best
        assert log_likelihood(t, cell, 300.0, model.mu * factor, model.theta, model.omega) < best


def test_expected_crimes_are_background_plus_offspring_still_due():
    model = sepp.LatticeHawkes(mu=np.array([0.1, 0.02]), theta=0.4, omega=0.25, iterations=1, converged=True,
                               log_likelihood=0.0, time_cutoff_days=365.0)
    t = np.array([90.0, 99.0, 50.0])
    expected = model.expected_crimes(t, np.array([0, 0, 1]), origin=100.0, horizon_days=7.0)
    # By hand: mu * 7 + theta * (exp(-omega * age) - exp(-omega * (age + 7))) for each crime.
    cell_0 = 0.7 + 0.4 * (np.exp(-2.5) - np.exp(-4.25)) + 0.4 * (np.exp(-0.25) - np.exp(-2.0))
    cell_1 = 0.14 + 0.4 * (np.exp(-12.5) - np.exp(-14.25))
    np.testing.assert_allclose(expected, [cell_0, cell_1], rtol=1e-14)


def test_forecast_scores_the_candidate_cells_from_a_fit_on_all_crimes():
    rng = np.random.default_rng(2)
    mu = rng.uniform(0.01, 0.1, 6)
    t, cell = simulate(rng, mu, theta=0.5, omega=0.1, days=600)
    x = (cell + rng.uniform(0, 1, t.size)) * 150.0
    y = rng.uniform(0, 150.0, t.size)
    # Cells 0, 2 and 5 are candidates, with (9, 0), which has no crime; 1, 3 and 4 are not.
    lattice = fc.Lattice(col=np.array([5, 9, 0, 2]), row=np.zeros(4, dtype=np.int64), cell_size=150.0)
    result = fc.forecast(fc.SEPP, x, y, t, 600.0, lattice, 14.0)
    model = sepp.fit(t, grid.cells_of_points(x, y, 150.0)[0], 600.0)
    by_cell = model.expected_crimes(t, cell, 600.0, 14.0)
    np.testing.assert_allclose(result.score, [by_cell[5], 0.0, by_cell[0], by_cell[2]], rtol=1e-12)
    assert result.expected
    assert result.fitted["theta"] == model.theta and result.fitted["omega_per_day"] == model.omega
    assert result.fitted["mu_total_per_day"] == pytest.approx(model.mu.sum())
    assert result.fitted["converged"] and result.fitted["iterations"] == model.iterations
    assert result.fitted["log_likelihood"] == model.log_likelihood


def test_iterations_stop_at_the_limit_and_say_so():
    rng = np.random.default_rng(3)
    t, cell = simulate(rng, np.full(10, 0.05), theta=0.5, omega=0.1, days=500)
    model = sepp.fit(t, cell, 500.0, max_iterations=3)
    assert model.iterations == 3 and not model.converged


def test_crimes_further_apart_than_the_cutoff_do_not_pair():
    t = np.arange(0.0, 100.0, 10.0)
    model = sepp.fit(t, np.zeros(t.size, dtype=np.int64), 100.0, time_cutoff_days=5.0)
    assert model.theta == 0.0
    assert model.mu[0] == pytest.approx(10 / 100.0)
    paired = sepp.fit(t, np.zeros(t.size, dtype=np.int64), 100.0, time_cutoff_days=10.0)
    assert paired.theta > 0


def test_too_many_pairs_shorten_the_cutoff(monkeypatch):
    rng = np.random.default_rng(5)
    t = np.sort(rng.uniform(0, 100, 300))
    monkeypatch.setattr(sepp, "MAX_PAIRS", 2000)
    model = sepp.fit(t, np.zeros(300, dtype=np.int64), 100.0, max_iterations=2)
    # 300 crimes in 100 days: about 3 a day, so 2,000 pairs reach back about 2,000 / 300 / 3 days.
    assert 1.0 < model.time_cutoff_days < 4.0
    pairs = np.count_nonzero((t[:, None] - t[None, :] > 0) & (t[:, None] - t[None, :] <= model.time_cutoff_days))
    assert pairs <= 2000


def test_refuses_no_crime_and_crimes_at_the_origin():
    with pytest.raises(InputError, match="no crime before the forecast origin") as error:
        sepp.fit([], [], 10.0)
    assert error.value.setting == "origin"
    with pytest.raises(InputError, match="before the forecast origin only"):
        sepp.fit([1.0, 10.0], [0, 0], 10.0)
