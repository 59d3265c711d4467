#!/usr/bin/python3
"""Benchmark the near-repeat (Knox) test: ``core.nearrepeat.knox_table`` with 999 shuffles.

What it measures
----------------
``knox_table`` (core, in this process) on synthetic crimes clustered like a city: 60% in 150
Gaussian clusters (standard deviations 200 to 800 m) over a 20 km square, 40% spread evenly over
it, on days spread over a year; the default bands (0-600 m by 150 m, 0-28 days by 7 days) and 999
shuffles. 10^4 crimes: median of ``--repeats`` runs; 10^5 crimes: one run (``--large-repeats``).
The table gives the close pairs held (within 600 m), the seconds and the peak resident memory of
this process (which only grows: read it for the largest run).

There is no QGIS tool to compare with; the Near Repeat Calculator is a Windows program.

How to run
----------
From the repository root::

    /usr/bin/python3 benchmarks/bench_nearrepeat.py [--repeats 3] [--large-repeats 1]
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


def city(n, seed):
    """``n`` crimes clustered like a city over a 20 km square, on days over a year."""
    rng = np.random.default_rng(seed)
    n_clusters, side = 150, 20_000.0
    centres = rng.uniform(0, side, (n_clusters, 2))
    sigma = rng.uniform(200, 800, n_clusters)
    cluster = rng.integers(0, n_clusters, n)
    in_cluster = rng.random(n) < 0.6
    xy = rng.uniform(0, side, (n, 2))
    xy[in_cluster] = (centres[cluster[in_cluster]]
                      + rng.normal(0, 1, (int(in_cluster.sum()), 2)) * sigma[cluster[in_cluster], None])
    return xy[:, 0], xy[:, 1], rng.integers(0, 365, n)


def timed(nearrepeat, n, repeats):
    x, y, days = city(n, seed=n)
    seconds = []
    for repeat in range(repeats):
        start = time.perf_counter()
        table = nearrepeat.knox_table(x, y, days, "0,150,300,450,600", "0,7,14,21,28", iterations=999, rng=repeat)
        seconds.append(time.perf_counter() - start)
    return table, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--large-repeats", type=int, default=1)
    args = parser.parse_args()
    nearrepeat = shared.import_plugin_module("nearrepeat")
    lines = ["| crimes | pairs within 600 m | runs | median s | min s | peak MB |", "|---:|---:|---:|---:|---:|---:|"]
    for n, repeats in ((10_000, args.repeats), (100_000, args.large_repeats)):
        table, seconds = timed(nearrepeat, n, repeats)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        lines.append(f"| {n:,} | {table.pairs:,} | {repeats} | {statistics.median(seconds):.2f} | "
                     f"{min(seconds):.2f} | {peak:,.0f} |")
        print(lines[-1], flush=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
