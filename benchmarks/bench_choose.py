#!/usr/bin/python3
"""Benchmark the "choose" step: Gi* on 10^6 grid cells and rankhotspots on 10^6 crimes.

What it measures
----------------
* Gi* (core, in this process): ``getis_ord_lattice`` on a 1000 x 1000 lattice of
  150 m cells (10^6 cells, Poisson counts with a few clusters), distance band
  450 m (28 neighbours + itself), and ``getis_ord`` (KD-tree) on the same cells'
  centres, which must give the same z-scores.  Median of ``--repeats`` runs.
* rankhotspots (through qgis_process, one process per run): the 10^6 clustered
  synthetic crimes of ``bench_grid_kde.py`` (cached in the same folder), TOP_N 20,
  ranked by count and by Gi* z, with wall time and peak memory (GNU time).

There is no QGIS tool to compare with: QGIS has no Gi* or hotspot ranking.

How to run
----------
From the repository root::

    /usr/bin/python3 benchmarks/bench_choose.py [--repeats 3] [--out benchmarks/output]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench_grid_kde as shared  # noqa: E402  (the same points and qgis_process runner)

sys.path.insert(0, str(HERE.parent.parent))


def benchmark_gi(repeats):
    getisord = shared.import_plugin_module("getisord")
    rng = np.random.default_rng(1)
    side = 1000
    col, row = np.meshgrid(np.arange(side), np.arange(side))
    col, row = col.ravel(), row.ravel()
    rate = 0.5 + 20 * np.exp(-((col - 300) ** 2 + (row - 600) ** 2) / 400.0)
    counts = rng.poisson(rate).astype(float)
    timings = {"lattice": [], "kd-tree": []}
    for _ in range(repeats):
        start = time.perf_counter()
        lattice = getisord.getis_ord_lattice(col, row, counts, 150, 450)
        timings["lattice"].append(time.perf_counter() - start)
        start = time.perf_counter()
        tree = getisord.getis_ord((col + 0.5) * 150, (row + 0.5) * 150, counts, 450)
        timings["kd-tree"].append(time.perf_counter() - start)
    agree = float(np.nanmax(np.abs(lattice.z - tree.z)))
    return timings, agree, int((lattice.bin == 3).sum())


def benchmark_rank(repeats, out):
    _, points_path = shared.points_file(1_000_000, 1, out)
    work = out / "choose"
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for label, rank_by in (("rankhotspots, RANK_BY count", 0), ("rankhotspots, RANK_BY Gi* z", 3)):
        series = shared.Series(label)
        for _ in range(repeats):
            series.run([("hotspotpatrol:rankhotspots", {"INPUT": points_path, "RANK_BY": rank_by, "TOP_N": 20,
                                                         "OUTPUT": work / "hotspots.gpkg"})])
        rows.append((label, series))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "output")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    timings, agree, hot = benchmark_gi(args.repeats)
    lines = ["| task | median s | min s | peak MB |", "|:---|---:|---:|---:|"]
    for method, values in timings.items():
        lines.append(f"| Gi* core, 10^6 cells, {method} | {statistics.median(values):.2f} | {min(values):.2f} | |")
    for label, series in benchmark_rank(args.repeats, args.out):
        seconds = series.seconds()
        if seconds:
            lines.append(f"| {label}, 10^6 crimes, qgis_process | {statistics.median(seconds):.2f} | "
                         f"{min(seconds):.2f} | {series.peak() or 0:.0f} |")
    report = "\n".join(lines) + (f"\n\nLattice and KD-tree z-scores agree to {agree:.1e}; "
                                 f"{hot} cells are hot at 99%.\n")
    print(report)
    (args.out / "choose_results.md").write_text(report)


if __name__ == "__main__":
    main()
