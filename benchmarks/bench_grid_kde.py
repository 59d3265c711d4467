#!/usr/bin/python3
"""Benchmark Hotspot Patrol's kerneldensity and gridcrimes against QGIS's own tools.

What it measures
----------------
For each size N (default 10^5 and 10^6) the script generates N clustered
synthetic crime points in EPSG:27700 (a 20 km x 20 km square near Southend:
300 Gaussian clusters with sigma 50-400 m and heavy-tailed sizes, plus 10 %
uniform background, snapped to 1 m like police open data) and writes them,
with a 'category' attribute, to a GeoPackage cached under the output folder.
It then runs, alternately (A B A B ...) and ``--repeats`` times each, one
qgis_process per run:

* KDE:  ``hotspotpatrol:kerneldensity`` against QGIS's Heatmap
  (``qgis:heatmapkerneldensityestimation``), both with RADIUS=150,
  PIXEL_SIZE=10, KERNEL=0 (quartic), OUTPUT_VALUE=0 (raw);
* Grid: ``hotspotpatrol:gridcrimes`` (CELL_SIZE=150) against QGIS's
  ``native:creategrid`` (150 m rectangles over the points' extent) followed by
  ``native:countpointsinpolygon``; the two QGIS steps are reported separately
  and summed per repeat.  Note that gridcrimes by default writes only the
  cells with crime (KEEP_EMPTY false), while Create grid writes every cell.

For every run it records the wall time (``time.perf_counter`` around the
process) and the peak resident memory (``/usr/bin/time -v``, "Maximum resident
set size").  It prints the median and minimum time, the ratio QGIS / ours of
the medians, and the largest peak memory.  Every qgis_process start pays a
fixed cost (QGIS start-up, providers, plugins); the script measures it alone
with a trivial algorithm run and also prints the ratio with that cost
subtracted from each process (one start for ours, one or two for QGIS).

Accuracy (after the KDE runs of each N): whether both rasters have the same
size and geotransform, the largest absolute difference between them as % of
the Heatmap raster's maximum, and, for each raster, the largest error against
an exact brute-force quartic KDE, sum over points within r of
(1 - (d/r)^2)^2, evaluated at 2000 random pixel centres plus the raster's
maximum pixel, as % of the largest reference value among those pixels.
(QGIS 3.22's Heatmap computes kernel distances on a pixel grid anchored at the
bottom of its extent but writes rows from the top, so when the extent height
is not a whole number of pixels each kernel lands shifted by a fraction of a
pixel; that is most of its error against the reference.)

Everything is printed and also written as Markdown to ``<out>/results.md``.

How to run
----------
From the repository root (the plugin folder)::

    /usr/bin/python3 benchmarks/bench_grid_kde.py --sizes 100000 1000000

Options: ``--sizes N ...`` (default 100000 1000000), ``--repeats R``
(default 3), ``--out DIR`` (default benchmarks/output, git-ignored),
``--seed S`` (default 1).  A quick check: ``--sizes 20000 --repeats 1``.
The full default run takes about five minutes on two cores (plus about 15 s
to write the 10^6 points the first time); run nothing else heavy meanwhile.
It is not part of ``make test``.

Requirements: QGIS 3.22 with its Python bindings (qgis_process is always
called through ``tools/qgis-process``), numpy, scipy and GDAL's Python
bindings.  Peak memory needs GNU time at ``/usr/bin/time`` (Debian package
``time``: ``apt-get install time``); without it the script says so and
reports times only.  If one of our algorithms is missing or fails, its error
output is printed once and the benchmark continues with QGIS's side.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr
from scipy.spatial import cKDTree

gdal.UseExceptions()
ogr.UseExceptions()

REPO = Path(__file__).resolve().parent.parent
QGIS_PROCESS = REPO / "tools" / "qgis-process"
GNU_TIME = Path("/usr/bin/time")

EPSG = 27700
AREA = (580000.0, 180000.0, 600000.0, 200000.0)  # xmin, ymin, xmax, ymax (m)
RADIUS = 150.0
PIXEL_SIZE = 10.0
CELL_SIZE = 150.0
REFERENCE_SAMPLES = 2000


def generate_points(n, seed):
    """Return an (n, 2) array of clustered crime locations, snapped to 1 m.

    90 % of the points fall in 300 Gaussian clusters whose sigma is drawn
    log-uniformly between 50 and 400 m and whose sizes follow a Pareto
    (heavy-tailed) distribution; the other 10 % are uniform over AREA.
    Cluster centres keep 4 sigma (max) from the edges; the rare tail point
    outside AREA is clipped onto its edge.
    """
    rng = np.random.default_rng(seed)
    xmin, ymin, xmax, ymax = AREA
    n_clusters, margin = 300, 1600.0
    centres = rng.uniform((xmin + margin, ymin + margin),
                          (xmax - margin, ymax - margin), (n_clusters, 2))
    sigmas = np.exp(rng.uniform(np.log(50.0), np.log(400.0), n_clusters))
    weights = rng.pareto(1.2, n_clusters) + 1.0
    n_background = n // 10
    sizes = rng.multinomial(n - n_background, weights / weights.sum())
    which = np.repeat(np.arange(n_clusters), sizes)
    clustered = centres[which] + rng.standard_normal((which.size, 2)) * sigmas[which, None]
    background = rng.uniform((xmin, ymin), (xmax, ymax), (n_background, 2))
    points = np.vstack([clustered, background])
    rng.shuffle(points)
    return np.clip(np.round(points), (xmin, ymin), (xmax, ymax))


def write_points(points, path, seed):
    """Write the points as a GeoPackage point layer 'crimes' in EPSG:27700.

    Like police open data, each crime has an attribute: an integer
    'category' (one of 14, random).  All features go in one transaction; the
    file is written under a temporary name and renamed, so an interrupted run
    never leaves a truncated cache.
    """
    tmp = path.with_suffix(".tmp.gpkg")
    if tmp.exists():
        tmp.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp))
    layer = ds.CreateLayer("crimes", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("category", ogr.OFTInteger))
    categories = np.random.default_rng(seed).integers(0, 14, len(points)).tolist()
    feature = ogr.Feature(layer.GetLayerDefn())
    point = ogr.Geometry(ogr.wkbPoint)
    ds.StartTransaction()
    for (x, y), category in zip(points.tolist(), categories):
        point.SetPoint_2D(0, x, y)
        feature.SetGeometry(point)
        feature.SetField(0, category)
        feature.SetFID(-1)
        layer.CreateFeature(feature)
    ds.CommitTransaction()
    ds = None
    tmp.rename(path)


def points_file(n, seed, out):
    """Return (points array, GeoPackage path) for N and seed, writing the file if absent."""
    points = generate_points(n, seed)
    path = out / f"points_n{n}_seed{seed}.gpkg"
    if path.exists():
        print(f"Using cached {path}")
    else:
        start = time.perf_counter()
        write_points(points, path, seed)
        print(f"Wrote {path} ({n} points) in {time.perf_counter() - start:.1f} s")
    return points, path


def remove_output(path):
    """Delete a previous output file (and GeoPackage side files) before a run."""
    for suffix in ("", "-wal", "-shm", ".aux.xml"):
        candidate = Path(str(path) + suffix)
        if candidate.exists():
            candidate.unlink()


def run_qgis(algorithm, params):
    """Run one algorithm through tools/qgis-process.

    Returns a dict with 'ok', 'seconds', 'peak_mb' (None without GNU time)
    and 'error' (the process output when it failed).  The OUTPUT file is
    removed first so every run starts from the same state.
    """
    output = Path(params["OUTPUT"])
    remove_output(output)
    command = [str(QGIS_PROCESS), "run", algorithm, "--"]
    command += [f"{key}={value}" for key, value in params.items()]
    with tempfile.NamedTemporaryFile(suffix=".time") as time_log:
        if GNU_TIME.exists():
            command = [str(GNU_TIME), "-v", "-o", time_log.name] + command
        start = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        peak_mb = None
        for line in Path(time_log.name).read_text().splitlines():
            if "Maximum resident set size" in line:
                peak_mb = int(line.split(":")[1]) / 1024.0
    ok = proc.returncode == 0 and output.exists()
    return {"ok": ok, "seconds": seconds, "peak_mb": peak_mb,
            "error": "" if ok else f"exit code {proc.returncode}\n{proc.stdout}{proc.stderr}"}


class Series:
    """Repeated runs of one tool, or of a chain of tools timed together."""

    runner = staticmethod(run_qgis)  # scripts with other outputs give their own

    def __init__(self, label, step_labels=("",)):
        self.label = label
        self.step_labels = step_labels
        self.repeats = []  # one list of run_qgis results per successful repeat
        self.failed = False

    def run(self, steps):
        """Run one repeat: the (algorithm, params) steps in order.

        On the first failure the error output is printed and the series is
        marked failed, so its further repeats are skipped.
        """
        if self.failed:
            return
        runs = []
        for algorithm, params in steps:
            result = self.runner(algorithm, params)
            if not result["ok"]:
                print(f"  {self.label}: {algorithm} FAILED after {result['seconds']:.1f} s"
                      f" (further repeats skipped)\n{indent(result['error'].strip()[-3000:])}")
                self.failed = True
                return
            runs.append(result)
        self.repeats.append(runs)
        peak = max((r["peak_mb"] or 0.0) for r in runs)
        print(f"  {self.label}: {self.seconds()[-1]:.2f} s"
              + (f", peak {peak:.0f} MB" if peak else ""))

    def seconds(self, step=None):
        """Wall time of each repeat: all steps summed, or only the given step index."""
        return [sum(r["seconds"] for r in runs) if step is None else runs[step]["seconds"]
                for runs in self.repeats]

    def peak(self, step=None):
        """Largest peak resident memory (MB) over repeats and steps, or None if unknown."""
        peaks = [r["peak_mb"] for runs in self.repeats
                 for r in (runs if step is None else [runs[step]]) if r["peak_mb"]]
        return max(peaks) if peaks else None


def indent(text):
    """Indent every line of text by four spaces."""
    return "\n".join("    " + line for line in text.splitlines())


def measure_startup(work, repeats):
    """Time a trivial qgis_process run (a one-point grid): the fixed cost of one start."""
    series = Series("qgis_process start-up")
    params = {"TYPE": 0, "EXTENT": f"0,1,0,1 [EPSG:{EPSG}]", "HSPACING": 1, "VSPACING": 1,
              "CRS": f"EPSG:{EPSG}", "OUTPUT": work / "startup.gpkg"}
    print("Start-up overhead (native:creategrid of one point)")
    for _ in range(repeats):
        series.run([("native:creategrid", params)])
    return series


def benchmark_kde(n, points_path, work, repeats):
    """Alternate our kerneldensity and QGIS's Heatmap; return (ours, qgis) Series."""
    params = {"INPUT": points_path, "RADIUS": RADIUS, "PIXEL_SIZE": PIXEL_SIZE,
              "KERNEL": 0, "OUTPUT_VALUE": 0}
    ours = Series("ours kerneldensity")
    qgis = Series("QGIS Heatmap")
    print(f"N={n}: KDE (quartic, radius {RADIUS:g} m, pixel {PIXEL_SIZE:g} m)")
    for _ in range(repeats):
        ours.run([("hotspotpatrol:kerneldensity", dict(params, OUTPUT=work / "ours_kde.tif"))])
        qgis.run([("qgis:heatmapkerneldensityestimation",
                   dict(params, OUTPUT=work / "qgis_heatmap.tif"))])
    return ours, qgis


def benchmark_grid(n, points, points_path, work, repeats):
    """Alternate our gridcrimes and QGIS's Create grid + Count points in polygon.

    QGIS's grid covers the points' extent with CELL_SIZE rectangles.
    Returns (ours, qgis) Series; qgis has two steps per repeat.
    """
    (xmin, ymin), (xmax, ymax) = points.min(axis=0), points.max(axis=0)
    grid = {"TYPE": 2, "EXTENT": f"{xmin:.0f},{xmax:.0f},{ymin:.0f},{ymax:.0f} [EPSG:{EPSG}]",
            "HSPACING": CELL_SIZE, "VSPACING": CELL_SIZE, "CRS": f"EPSG:{EPSG}",
            "OUTPUT": work / "qgis_grid.gpkg"}
    count = {"POLYGONS": work / "qgis_grid.gpkg", "POINTS": points_path,
             "FIELD": "NUMPOINTS", "OUTPUT": work / "qgis_counts.gpkg"}
    ours = Series("ours gridcrimes")
    qgis = Series("QGIS Create grid + Count points in polygon",
                  step_labels=("Create grid", "Count points in polygon"))
    print(f"N={n}: grid counts (cell {CELL_SIZE:g} m)")
    for _ in range(repeats):
        ours.run([("hotspotpatrol:gridcrimes", {"INPUT": points_path, "CELL_SIZE": CELL_SIZE,
                                                "OUTPUT": work / "ours_grid.gpkg"})])
        qgis.run([("native:creategrid", grid), ("native:countpointsinpolygon", count)])
    return ours, qgis


def read_raster(path):
    """Return (values as float64 with NoData and NaN set to 0, geotransform), or None if absent."""
    if not path.exists():
        return None
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == nodata] = 0.0
    values[np.isnan(values)] = 0.0
    return values, ds.GetGeoTransform()


def compare_rasters(ours, qgis):
    """Describe how our raster matches QGIS's: grid identity and largest difference."""
    (a, gt_a), (b, gt_b) = ours, qgis
    same = a.shape == b.shape and np.allclose(gt_a, gt_b, rtol=0, atol=1e-6)
    lines = [f"same size and geotransform as Heatmap: {'yes' if same else 'no'}"
             + ("" if same else f" (ours {a.shape[1]}x{a.shape[0]} px {fmt_gt(gt_a)},"
                                f" Heatmap {b.shape[1]}x{b.shape[0]} px {fmt_gt(gt_b)})")]
    if not same:
        # Compare on the overlap when both grids share pixel size and alignment.
        dx, dy = (gt_b[0] - gt_a[0]) / gt_a[1], (gt_b[3] - gt_a[3]) / gt_a[5]
        if not (np.allclose(gt_a[1:3] + gt_a[4:6], gt_b[1:3] + gt_b[4:6])
                and abs(dx - round(dx)) < 1e-6 and abs(dy - round(dy)) < 1e-6):
            lines.append("pixel grids not aligned: no pixel-by-pixel comparison")
            return lines
        col, row = round(dx), round(dy)  # position of b's origin in a's pixels
        rows = slice(max(row, 0), min(a.shape[0], row + b.shape[0]))
        cols = slice(max(col, 0), min(a.shape[1], col + b.shape[1]))
        a = a[rows, cols]
        b = b[rows.start - row:rows.stop - row, cols.start - col:cols.stop - col]
        lines.append(f"compared on the aligned overlap of {a.shape[1]}x{a.shape[0]} px; density"
                     f" outside it: ours {100 - 100 * a.sum() / ours[0].sum():.3g} %,"
                     f" Heatmap {100 - 100 * b.sum() / qgis[0].sum():.3g} % of their totals")
    diff = np.abs(a - b)
    worst_row, worst_col = np.unravel_index(np.argmax(diff), diff.shape)
    lines.append(f"largest |ours - Heatmap|: {100 * diff.max() / qgis[0].max():.3g} % of Heatmap's"
                 f" maximum ({diff.max():.4g} at row {worst_row}, col {worst_col} of the compared"
                 f" area; Heatmap max {qgis[0].max():.4g})")
    return lines


def fmt_gt(gt):
    """Short text of a north-up geotransform: origin and pixel size."""
    return f"origin ({gt[0]:.3f}, {gt[3]:.3f}) pixel {gt[1]:g}x{-gt[5]:g}"


def reference_error(raster, tree, points, rng):
    """Largest error of a raster against the exact quartic KDE at sampled pixels.

    The sample is REFERENCE_SAMPLES random pixels plus the raster's maximum
    pixel; the reference at a pixel centre is the sum over points within
    RADIUS of (1 - (d/RADIUS)^2)^2.  Returns (error as % of the largest
    reference value in the sample, that reference maximum, error in value units).
    """
    values, gt = raster
    flat = rng.choice(values.size, size=min(REFERENCE_SAMPLES, values.size), replace=False)
    flat = np.append(flat, np.argmax(values))
    rows, cols = np.unravel_index(flat, values.shape)
    centres = np.column_stack([gt[0] + (cols + 0.5) * gt[1] + (rows + 0.5) * gt[2],
                               gt[3] + (cols + 0.5) * gt[4] + (rows + 0.5) * gt[5]])
    reference = np.empty(len(centres))
    for start in range(0, len(centres), 200):
        chunk = centres[start:start + 200]
        for i, neighbours in enumerate(tree.query_ball_point(chunk, RADIUS)):
            d2 = np.sum((points[neighbours] - chunk[i]) ** 2, axis=1) / RADIUS ** 2
            reference[start + i] = np.sum((1.0 - np.minimum(d2, 1.0)) ** 2)
    error = np.abs(values[rows, cols] - reference).max()
    return 100 * error / reference.max(), reference.max(), error


def accuracy(points, work, seed):
    """Return text lines on the KDE rasters' agreement with each other and the exact KDE."""
    ours = read_raster(work / "ours_kde.tif")
    qgis = read_raster(work / "qgis_heatmap.tif")
    lines = []
    if ours and qgis:
        lines += compare_rasters(ours, qgis)
    tree = cKDTree(points)
    for name, raster in (("ours", ours), ("Heatmap", qgis)):
        if raster is None:
            lines.append(f"{name}: no raster (the algorithm failed)")
            continue
        pct, ref_max, error = reference_error(raster, tree, points, np.random.default_rng(seed))
        lines.append(f"{name} vs exact quartic KDE at {REFERENCE_SAMPLES} random pixels + its max"
                     f" pixel: largest error {pct:.3g} % of the reference maximum"
                     f" ({error:.4g} of {ref_max:.4g})")
    return lines


def table_rows(n, startup, pairs):
    """Build table rows for one N from (ours, qgis) Series pairs.

    'ratio' divides QGIS's median by ours; 'ratio_net' first subtracts the
    median start-up time once per qgis_process start.  A QGIS chain of
    several steps also gets one row per step.
    """
    base = statistics.median(startup.seconds()) if startup.repeats else None
    rows = []
    for ours, qgis in pairs:
        entries = [(ours, None, ours.label), (qgis, None, qgis.label)]
        if len(qgis.step_labels) > 1:
            entries += [(qgis, i, f"  of which {label}") for i, label in enumerate(qgis.step_labels)]
        for series, step, label in entries:
            times = series.seconds(step)
            row = {"N": n, "tool": label, "median": None, "min": None,
                   "ratio": None, "ratio_net": None, "peak": series.peak(step)}
            if times:
                row["median"], row["min"] = statistics.median(times), min(times)
            if series is qgis and step is None and times and ours.repeats:
                ours_median = statistics.median(ours.seconds())
                row["ratio"] = row["median"] / ours_median
                if base and ours_median > base:
                    starts = len(qgis.step_labels)
                    row["ratio_net"] = (row["median"] - starts * base) / (ours_median - base)
            rows.append(row)
    return rows


COLUMNS = [("N", "N", "{:d}"), ("tool", "tool", "{}"), ("median", "median s", "{:.2f}"),
           ("min", "min s", "{:.2f}"), ("ratio", "ratio QGIS/ours", "{:.2f}"),
           ("ratio_net", "ratio excl. start-up", "{:.2f}"), ("peak", "peak MB", "{:.0f}")]


def format_cells(row):
    """Format one table row's cells as strings ('-' for missing values)."""
    return [("-" if row[key] is None else fmt.format(row[key])) for key, _, fmt in COLUMNS]


def text_table(rows):
    """Plain-text table with aligned columns."""
    cells = [[title for _, title, _ in COLUMNS]] + [format_cells(r) for r in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) if i == 1 else c.rjust(w)
                       for i, (c, w) in enumerate(zip(line, widths))) for line in cells]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def markdown_table(rows):
    """GitHub Markdown table of the same rows."""
    header = "| " + " | ".join(title for _, title, _ in COLUMNS) + " |"
    align = "|" + "|".join(":---" if key == "tool" else "---:" for key, _, _ in COLUMNS) + "|"
    body = ["| " + " | ".join(c.replace("  of which", "&nbsp;&nbsp;of which")
                              for c in format_cells(r)) + " |" for r in rows]
    return "\n".join([header, align] + body)


def environment():
    """One line describing QGIS, GDAL and the machine, for the report."""
    version = subprocess.run([str(QGIS_PROCESS), "--version"], capture_output=True, text=True)
    qgis = next((line for line in version.stdout.splitlines() if line.startswith("QGIS ")), "QGIS ?")
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    return f"{qgis}, GDAL {gdal.__version__}, {os.cpu_count()} x {cpu}"


def import_plugin_module(name):
    """``hotspot_patrol.core.<name>`` of this checkout, imported under the plugin's installed name (no QGIS)."""
    import importlib
    import importlib.util
    spec = importlib.util.spec_from_file_location("hotspot_patrol", REPO / "__init__.py",
                                                  submodule_search_locations=[str(REPO)])
    package = importlib.util.module_from_spec(spec)
    sys.modules["hotspot_patrol"] = package
    spec.loader.exec_module(package)
    return importlib.import_module(f"hotspot_patrol.core.{name}")


def startup_line(startup):
    """The qgis_process start-up cost, for the report."""
    if not startup.repeats:
        return "qgis_process start-up: not measured (trivial run failed)"
    median = statistics.median(startup.seconds())
    return (f"qgis_process start-up (trivial native:creategrid run): median {median:.2f} s"
            + (f", peak {startup.peak():.0f} MB" if startup.peak() else ""))


def write_report(path, env, settings, startup_note, rows, sections):
    """Print the table and ``sections`` (``[(title, lines)]``) and write them as Markdown to ``path``."""
    print(f"\n{env}\n{settings}\n{startup_note}\n\n{text_table(rows)}\n")
    markdown = [f"Benchmark: {env}.", "", f"{settings}. {startup_note}.", "", markdown_table(rows), ""]
    for title, lines in sections:
        print(f"{title}:\n" + "\n".join("  " + line for line in lines))
        markdown += [f"{title}:", ""] + [f"- {line}" for line in lines] + [""]
    path.write_text("\n".join(markdown))
    print(f"\nMarkdown written to {path}")


def comparison_parser(doc):
    """The options every benchmark against QGIS takes (--repeats, --out, --seed); its description is
    the first line of ``doc`` (the script's docstring)."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs of each tool (default: 3)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "output",
                        help="output folder (default: benchmarks/output)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    return parser


def note_without_gnu_time():
    """Say so when peak memory cannot be measured."""
    if not GNU_TIME.exists():
        print("NOTE: /usr/bin/time not found, so peak memory is not measured."
              " Install GNU time with: apt-get install time")


def parse_args():
    """Command-line options."""
    parser = comparison_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100000, 1000000],
                        help="numbers of points (default: 100000 1000000)")
    return parser.parse_args()


def main():
    """Generate the data, run every comparison, print and write the report."""
    args = parse_args()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    note_without_gnu_time()
    env = environment()
    print(env)
    startup = measure_startup(out, args.repeats)
    rows, notes = [], []
    for n in args.sizes:
        work = out / f"n{n}"
        work.mkdir(exist_ok=True)
        points, points_path = points_file(n, args.seed, out)
        kde = benchmark_kde(n, points_path, work, args.repeats)
        notes.append((n, accuracy(points, work, args.seed)))
        grid = benchmark_grid(n, points, points_path, work, args.repeats)
        rows += table_rows(n, startup, [kde, grid])

    settings = (f"{args.repeats} runs of each tool, alternated; seed {args.seed}; KDE quartic raw,"
                f" radius {RADIUS:g} m, pixel {PIXEL_SIZE:g} m; grid cell {CELL_SIZE:g} m")
    write_report(out / "results.md", env, settings, startup_line(startup), rows,
                 [(f"KDE accuracy, N={n}", lines) for n, lines in notes])


if __name__ == "__main__":
    sys.exit(main())
