#!/usr/bin/python3
"""Benchmark the hotspot forecasts and their backtest (``core.forecast``, ``core.backtest``).

What it measures
----------------
On synthetic crimes clustered like a city (2,000 Gaussian clusters, standard deviations 100 to 600 m,
over a 75 km square, spread over three years), with the forecast origin 95 days before the end:

- each of methods 0-3 with its default settings on 10^6 crimes over the 250,000 cells of 150 m of
  the square (median of ``--repeats`` runs);
- the self-exciting model (method 4) fitted on about 10^5 crimes of a simulated self-exciting process
  (half the crimes follow earlier ones in their cell, ten days later on average; one run);
- a 12-origin backtest (28-day horizons) of methods 0-3 with their default settings on 10^5 crimes
  (one run).

There is no QGIS tool to compare with: QGIS has no forecasting algorithm.  Peak memory is this
process's resident maximum, which only grows: read it for the run that follows.

How to run
----------
From the repository root::

    /usr/bin/python3 benchmarks/bench_forecast.py [--repeats 3] [--qgis]

``--qgis`` also times methods 0-3 through qgis_process on the 10^6 crimes written to a GeoPackage with a
date field (in the temporary folder, kept for later runs): reading, forecasting and writing, as an analyst
runs them.
"""

import argparse
import resource
import statistics
import sys
import tempfile
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


def self_exciting_city(n, seed, theta=0.5, omega=0.1):
    """About ``n`` crimes of a self-exciting process: background crimes as :func:`city`, each followed
    by Poisson(``theta``) more in its cell after exponential delays of mean 1/``omega`` days, and so on."""
    rng = np.random.default_rng(seed)
    x, y, t = city(int(n * (1 - theta)), seed)
    xs, ys, ts = [x], [y], [t]
    while x.size:
        children = rng.poisson(theta, x.size)
        parent = np.repeat(np.arange(x.size), children)
        x, y = x[parent], y[parent]
        t = t[parent] + rng.exponential(1 / omega, parent.size)
        keep = t < DAYS
        x, y, t = x[keep], y[keep], t[keep]
        xs.append(x), ys.append(y), ts.append(t)
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(ts)


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--qgis", action="store_true", help="also time methods 0-3 through qgis_process")
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

    x, y, t = self_exciting_city(100_000, seed=2)
    start = time.perf_counter()
    fitted = forecast.forecast(forecast.SEPP, x, y, t, origin, lattice, 28).fitted
    row(f"forecast, self-exciting point process (θ = {fitted['theta']:.2f}, {fitted['iterations']} EM iterations)",
        x.size, 1, [time.perf_counter() - start])
    x, y, t = city(100_000, seed=2)

    candidates = [backtest.Candidate(m, {}) for m in (forecast.COUNTS, forecast.RECENCY, forecast.KERNEL,
                                                      forecast.PROSPECTIVE)]
    origins = backtest.rolling_origins(float(DAYS), 28, 12)
    start = time.perf_counter()
    backtest.backtest(x, y, t, lattice, candidates, origins, 20)
    row("backtest, methods 0-3, 12 origins of 28 days, top 20", x.size, 1, [time.perf_counter() - start])
    if args.qgis:
        lines += qgis_runs(args.repeats)
    print("\n".join(lines))


def qgis_runs(repeats):
    """Methods 0-3 through qgis_process on 10^6 crimes with a date field, as an analyst runs them."""
    from osgeo import ogr, osr
    work = Path(tempfile.gettempdir()) / "hotspot_bench_forecast"
    work.mkdir(exist_ok=True)
    path = work / "crimes_1e6_dated.gpkg"
    if not path.exists():
        x, y, t = city(1_000_000, seed=1)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(27700)
        data = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        layer = data.CreateLayer("crimes", srs, ogr.wkbPoint)
        layer.CreateField(ogr.FieldDefn("occurred", ogr.OFTDate))
        feature, point = ogr.Feature(layer.GetLayerDefn()), ogr.Geometry(ogr.wkbPoint)
        dates = (np.datetime64("2021-01-01") + t.astype(int)).astype(str)
        data.StartTransaction()
        for px, py, day in zip((x + 400_000).tolist(), (y + 100_000).tolist(), dates.tolist()):
            point.SetPoint_2D(0, px, py)
            feature.SetGeometry(point)
            feature.SetField(0, day)
            feature.SetFID(-1)
            layer.CreateFeature(feature)
        data.CommitTransaction()
        data = None
    rows = []
    for method in range(4):
        series = shared.Series(f"forecasthotspots METHOD {method}")
        for _ in range(repeats):
            series.run([("hotspotpatrol:forecasthotspots", {"INPUT": path, "TIME": "occurred", "METHOD": method,
                                                            "OUTPUT": work / "forecast.gpkg"})])
        if series.repeats:
            rows.append(f"| qgis_process forecasthotspots METHOD {method} (reading, forecast, writing) | 1,000,000 "
                        f"| — | {len(series.repeats)} | {statistics.median(series.seconds()):.2f} | "
                        f"{series.peak() or 0:,.0f} |")
            print(rows[-1], flush=True)
    return rows


if __name__ == "__main__":
    main()
