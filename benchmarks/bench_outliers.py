#!/usr/bin/python3
"""Benchmark: a force's month with police.uk's far outliers against the same month without them.

What it measures
----------------
data.police.uk publishes a few of each force's crimes snapped hundreds of km
away (Essex: lon -4.18, lat 50.37, Plymouth).  Before issue 13 they widened
every output that covers the extent: a month of Essex with three of them made
`gridcrimes KEEP_EMPTY` write 6.5 million cells and `rankhotspots` rank millions
of empty cells.  The rule now: they may not make a run more than 1.2 times
slower or bigger, nor change the hotspots, their cell ids or shares (±1 %).

The layer is an Essex-sized month built from real data: Southend's 14,885
crimes (January–July 2018, ``sample_data``) spread over an 8 x 8 block of
tiles 12 km x 7.5 km apart (each crime to one tile at random), so about 15,000
crimes over 96 km x 60 km, as Essex's monthly publication, in WGS84 as
published.  The "dirty" copy adds the three Plymouth rows.

Each ``--repeats`` times, alternately, one qgis_process per run (the runner
and peak memory of bench_grid_kde.py):

* ``rankhotspots`` (TOP_N 20, OUTPUT and OUTPUT_CELLS) on clean and dirty;
* ``gridcrimes KEEP_EMPTY`` on clean, and on dirty with EXTENT set to the
  clean grid's extent (without EXTENT it is refused, checked once);
* ``kerneldensity`` on clean, and on dirty with EXTENT set to the clean
  crimes' box (without EXTENT it is refused, checked once).

The clean runs also show what an Essex-sized month costs: most of the rank's
and the grid's time is writing the 250,000 cells of OUTPUT_CELLS and
KEEP_EMPTY.

Then it compares the outputs: hotspot cell ids, counts and shares; the cells
written; the rasters' size and largest difference.  The ratio dirty / clean
of the median times and of the peak memory is printed; the target is <= 1.2.

How to run
----------
From the repository root::

    /usr/bin/python3 benchmarks/bench_outliers.py

Options: ``--repeats R`` (default 3), ``--out DIR`` (default
benchmarks/output), ``--seed S`` (default 1).  About five minutes on two cores.
Not part of ``make test``.  Report: ``<out>/outliers_results.md``.
"""

import statistics
import subprocess
import sys
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_grid_kde import QGIS_PROCESS, REPO, Series, comparison_parser, environment, note_without_gnu_time  # noqa: E402

SOUTHEND = REPO / "sample_data" / "southend_street_crime_2018.gpkg"
PLYMOUTH = [(-4.18, 50.37), (-4.181, 50.371), (-4.17, 50.36)]
TILES, TILE_STEP = 8, (12_000.0, 7_500.0)


def transform(x, y, source, target):
    """Points from one EPSG code to another (traditional GIS axis order)."""
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    for ref, code in ((src, source), (dst, target)):
        ref.ImportFromEPSG(code)
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    moved = osr.CoordinateTransformation(src, dst).TransformPoints(np.column_stack((x, y)).tolist())
    return np.array([p[0] for p in moved]), np.array([p[1] for p in moved])


def essex_sized_month(seed):
    """(lon, lat) of Southend's crimes spread over TILES x TILES tiles, and their box in British National Grid."""
    dataset = ogr.Open(str(SOUTHEND))
    lon, lat = zip(*[(f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY()) for f in dataset.GetLayer()])
    x, y = transform(np.array(lon), np.array(lat), 4326, 27700)
    tile = np.random.default_rng(seed).integers(0, TILES, (len(x), 2))
    x, y = x + tile[:, 0] * TILE_STEP[0], y + tile[:, 1] * TILE_STEP[1]
    return transform(x, y, 27700, 4326) + (f"{x.min()},{x.max()},{y.min()},{y.max()} [EPSG:27700]",)


def write_layer(path, lon, lat):
    if path.exists():
        path.unlink()
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    layer = dataset.CreateLayer("crimes", wgs84, ogr.wkbPoint)
    dataset.StartTransaction()
    for x, y in zip(lon.tolist(), lat.tolist()):
        feature = ogr.Feature(layer.GetLayerDefn())
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        feature.SetGeometry(point)
        layer.CreateFeature(feature)
    dataset.CommitTransaction()


def box_of(path, buffer=0.0):
    """"xmin,xmax,ymin,ymax [EPSG:27700]" of a GeoPackage's first layer, shrunk by ``buffer``."""
    dataset = ogr.Open(str(path))  # kept while its layer is used: GDAL frees the layer with it
    x_min, x_max, y_min, y_max = dataset.GetLayer().GetExtent()
    return f"{x_min + buffer},{x_max - buffer},{y_min + buffer},{y_max - buffer} [EPSG:27700]"


def hotspot_rows(path):
    dataset = ogr.Open(str(path))
    rows = [(f["hotspot_id"], f["cell_id"], f["count"], f["share"]) for f in dataset.GetLayer()]
    return [row[1:] for row in sorted(rows)]


def feature_count(path):
    dataset = ogr.Open(str(path))
    return dataset.GetLayer().GetFeatureCount()


def refusal(algorithm, params):
    """The error qgis_process prints when the run is refused (None when it ran)."""
    command = [str(QGIS_PROCESS), "run", algorithm, "--"] + [f"{k}={v}" for k, v in params.items()]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode == 0:
        return None
    text = done.stdout + done.stderr
    return next((line.strip() for line in text.splitlines() if "would make the output" in line), text.strip()[-300:])


def ratio_line(label, clean, dirty):
    if not (clean.repeats and dirty.repeats):
        return f"{label}: a run failed, no ratio"
    times = [statistics.median(series.seconds()) for series in (clean, dirty)]
    line = f"{label}: clean {times[0]:.2f} s, with outliers {times[1]:.2f} s (x{times[1] / times[0]:.2f})"
    if clean.peak() and dirty.peak():
        line += f"; peak {clean.peak():.0f} MB and {dirty.peak():.0f} MB (x{dirty.peak() / clean.peak():.2f})"
    return line


def main():
    args = comparison_parser(__doc__).parse_args()
    work = args.out.resolve() / "outliers"
    work.mkdir(parents=True, exist_ok=True)
    note_without_gnu_time()
    lon, lat, crimes_box = essex_sized_month(args.seed)
    layers = {"clean": work / "clean.gpkg", "dirty": work / "dirty.gpkg"}
    write_layer(layers["clean"], lon, lat)
    far_lon, far_lat = zip(*PLYMOUTH)
    write_layer(layers["dirty"], np.concatenate((lon, far_lon)), np.concatenate((lat, far_lat)))
    print(f"{environment()}\n{lon.size:,} crimes over {TILES} x {TILES} tiles; dirty: + {len(PLYMOUTH)} at Plymouth")

    def out(name, kind, suffix=".gpkg"):
        return work / f"{name}_{kind}{suffix}"

    series = {f"{tool} {kind}": Series(f"{tool} {kind}") for tool in ("rank", "grid", "kde")
              for kind in ("clean", "dirty")}
    extents = {"kde": crimes_box}
    for _ in range(args.repeats):
        for kind in ("clean", "dirty"):
            series[f"rank {kind}"].run([("hotspotpatrol:rankhotspots", {
                "INPUT": layers[kind], "OUTPUT": out("rank", kind), "OUTPUT_CELLS": out("cells", kind)})])
        series["grid clean"].run([("hotspotpatrol:gridcrimes", {
            "INPUT": layers["clean"], "KEEP_EMPTY": "true", "OUTPUT": out("grid", "clean")})])
        extents.setdefault("grid", box_of(out("grid", "clean"), buffer=1.0))
        series["grid dirty"].run([("hotspotpatrol:gridcrimes", {
            "INPUT": layers["dirty"], "KEEP_EMPTY": "true", "EXTENT": extents["grid"],
            "OUTPUT": out("grid", "dirty")})])
        series["kde clean"].run([("hotspotpatrol:kerneldensity", {
            "INPUT": layers["clean"], "OUTPUT": out("kde", "clean", ".tif")})])
        series["kde dirty"].run([("hotspotpatrol:kerneldensity", {
            "INPUT": layers["dirty"], "EXTENT": extents["kde"], "OUTPUT": out("kde", "dirty", ".tif")})])

    results = [ratio_line(label, series[f"{tool} clean"], series[f"{tool} dirty"]) for label, tool in (
        ("rankhotspots (OUTPUT + OUTPUT_CELLS)", "rank"), ("gridcrimes KEEP_EMPTY (dirty with EXTENT)", "grid"),
        ("kerneldensity (dirty with EXTENT)", "kde"))]
    clean_rows, dirty_rows = hotspot_rows(out("rank", "clean")), hotspot_rows(out("rank", "dirty"))
    same = [c[:2] for c in clean_rows] == [d[:2] for d in dirty_rows]
    share_error = max(abs(d[2] / c[2] - 1) for c, d in zip(clean_rows, dirty_rows)) if same else float("nan")
    checks = [
        f"hotspots: the same {len(clean_rows)} cell ids and counts in the same order: {same}; "
        f"largest relative share difference {share_error:.3%}",
        f"rank OUTPUT_CELLS: {feature_count(out('cells', 'clean')):,} cells clean, "
        f"{feature_count(out('cells', 'dirty')):,} with outliers",
        f"gridcrimes KEEP_EMPTY cells: {feature_count(out('grid', 'clean')):,} clean, "
        f"{feature_count(out('grid', 'dirty')):,} with outliers and EXTENT",
    ]
    rasters = [gdal.Open(str(out("kde", kind, ".tif"))).ReadAsArray() for kind in ("clean", "dirty")]
    if rasters[0].shape == rasters[1].shape:
        # The two EXTENTs differ by a millimetre (WGS84 and back), which can move a kernel's edge across
        # a pixel centre: NoData in one raster, 0 in the other.
        covered = [raster != -9999 for raster in rasters]
        both = covered[0] & covered[1]
        edge = covered[0] != covered[1]
        edge_value = max(float(np.abs(raster[edge & c]).max(initial=0.0)) for raster, c in zip(rasters, covered))
        checks.append(f"kerneldensity: {rasters[0].shape[1]} x {rasters[0].shape[0]} pixels both; largest difference "
                      f"where both have a value {np.abs(rasters[0] - rasters[1])[both].max():.2g} (maximum "
                      f"{rasters[0].max():.1f}); {int(edge.sum())} pixels NoData in one only, holding at most "
                      f"{edge_value:.2g}")
    else:
        checks.append(f"kerneldensity: sizes differ {rasters[0].shape} and {rasters[1].shape}")
    for algorithm, params in (("hotspotpatrol:gridcrimes", {"KEEP_EMPTY": "true"}),
                              ("hotspotpatrol:kerneldensity", {})):
        suffix = ".tif" if "kernel" in algorithm else ".gpkg"
        message = refusal(algorithm, {"INPUT": layers["dirty"], **params, "OUTPUT": work / f"refused{suffix}"})
        checks.append(f"{algorithm} on the dirty layer without EXTENT: "
                      + ("ran (not refused)" if message is None else f"refused: {message}"))
    lines = [f"{args.repeats} runs of each, alternated; seed {args.seed}; {lon.size:,} crimes", ""]
    lines += ["Time and peak memory:"] + [f"- {line}" for line in results] + ["", "Outputs:"]
    lines += [f"- {line}" for line in checks]
    print("\n".join(lines))
    (args.out.resolve() / "outliers_results.md").write_text(f"Benchmark: {environment()}.\n\n" + "\n".join(lines)
                                                           + "\n")


if __name__ == "__main__":
    sys.exit(main())
