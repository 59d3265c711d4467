#!/usr/bin/python3
"""Benchmark the hotspot forecasts and their backtest (``core.forecast``, ``core.backtest``).

What it measures
----------------
On synthetic crimes clustered like a city (2,000 Gaussian clusters, standard deviations 100 to 600 m,
over a 75 km square, spread over three years), with the forecast origin 95 days before the end:

- each of methods 0-3 with its default settings on 10^6 crimes over the 250,000 cells of 150 m of
  the square (median of ``--repeats`` runs);
- the self-exciting model (method 4) fitted on 10^5 crimes (one run);
- a 12-origin backtest (28-day horizons) of methods 0-3 with their default settings on 10^5 crimes
  (one run).

There is no QGIS tool to compare with: QGIS has no forecasting algorithm.  Peak memory is this
process's resident maximum, which only grows: read it for the run that follows.

How to run
----------
From the repository root::

    /usr/bin/python3 benchmarks/bench_forecast.py [--repeats 3]
"""

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench_grid_kde as shared  # noqa: E402  (imports the plugin's core without QGIS)

SIDE, CELL = 75_000.0, 150.0
DAYS = 3 * 365


def city(n, seed):
    """``n`` crimes in Gaussian clusters over a SIDE-metre square, on times over DAYS days."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0, SIDE, (2000, 2))
    sigma = rng.uniform(100, 600, 2000)
    cluster = rng.integers(0, 2000, n)
    xy = np.clip(centres[cluster] + rng.normal(0, 1, (n, 2)) * sigma[cluster, None], 0, SIDE - 1)
    return xy[:, 0], xy[:, 1], rng.uniform(0, DAYS, n)


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    forecast = shared.import_plugin_module("forecast")
    backtest = shared.import_plugin_module("backtest")
    side_cells = int(SIDE / CELL)
    cells = np.arange(side_cells * side_cells)
    lattice = forecast.Lattice(cells % side_cells, cells // side_cells, CELL)
    origin = DAYS - 95.0
    lines = ["| what | crimes | cells | runs | median s | peak MB |", "|---|---:|---:|---:|---:|---:|"]

    def row(what, n, runs, seconds):
        lines.append(f"| {what} | {n:,} | {lattice.col.size:,} | {runs} | {statistics.median(seconds):.2f} | "
                     f"{peak_mb():,.0f} |")
        print(lines[-1], flush=True)

    x, y, t = city(1_000_000, seed=1)
    for method in (forecast.COUNTS, forecast.RECENCY, forecast.KERNEL, forecast.PROSPECTIVE):
        seconds = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            forecast.forecast(method, x, y, t, origin, lattice, 28)
            seconds.append(time.perf_counter() - start)
        settings = forecast.settings_text(forecast.DEFAULT_SETTINGS[method])
        row(f"forecast, {forecast.METHOD_NAMES[method]} ({settings})", x.size, args.repeats, seconds)

    x, y, t = city(100_000, seed=2)
    start = time.perf_counter()
    fitted = forecast.forecast(forecast.SEPP, x, y, t, origin, lattice, 28).fitted
    row(f"forecast, self-exciting point process ({fitted['iterations']} EM iterations)", x.size, 1,
        [time.perf_counter() - start])

    candidates = [backtest.Candidate(m, {}) for m in (forecast.COUNTS, forecast.RECENCY, forecast.KERNEL,
                                                      forecast.PROSPECTIVE)]
    origins = backtest.rolling_origins(float(DAYS), 28, 12)
    start = time.perf_counter()
    backtest.backtest(x, y, t, lattice, candidates, origins, 20)
    row("backtest, methods 0-3, 12 origins of 28 days, top 20", x.size, 1, [time.perf_counter() - start])
    print("\n".join(lines))


if __name__ == "__main__":
    main()
