#!/usr/bin/python3
"""Every Hotspot Patrol tool that has a QGIS counterpart, timed against it, in one table.

What it measures
----------------
For each size N (default 10^5 and 10^6) it runs, alternately (A B A B ...) and
``--repeats`` times each, one qgis_process per run through ``tools/qgis-process``:

* ``hotspotpatrol:kerneldensity`` against QGIS's Heatmap
  (``qgis:heatmapkerneldensityestimation``), RADIUS 150, PIXEL_SIZE 10,
  quartic, raw, on N clustered crimes from bench_grid_kde.py twice: as
  written there (with a 'category' field) and as the same points in a
  GeoPackage without any attribute field;
* ``hotspotpatrol:gridcrimes`` (CELL_SIZE 150) against ``native:creategrid``
  + ``native:countpointsinpolygon`` (two starts, summed), as in bench_grid_kde.py;
* ``hotspotpatrol:patroldosage`` on N GPS pings against
  ``native:joinattributesbylocation``, and ``hotspotpatrol:evaluatepatrols``
  on N crimes over a year against ``native:countpointsinpolygon``, with the
  data and parameters of bench_learn.py.

Times and peak memory are measured as in bench_grid_kde.py (wall time around
the process; GNU time's maximum resident set size).  Columns: medians, the
ratio QGIS / ours of the medians, the same ratio after subtracting the median
cost of a bare qgis_process start once per process (measured first, as
bench_grid_kde.measure_startup does; left out, '-', when either side's time
is then below NET_FLOOR of a start, where start-up noise would dominate it),
both peaks and their ratio ours / QGIS.

Checks (column "outputs"; a ratio is printed only where the check passes,
so a fast wrong answer cannot get one):

* kerneldensity: our raster has Heatmap's size and geotransform, and is within
  KDE_TOLERANCE % of the exact quartic sum at 2,000 random pixels plus its
  maximum (bench_grid_kde.reference_error); Heatmap's own error is reported;
* gridcrimes: our count in every cell equals a numpy count of the same points
  on the same lattice (QGIS's grid starts at the data's extent, so its cells
  are not ours; its total is reported);
* patroldosage and evaluatepatrols: the point-in-polygon counts per hotspot
  of ours, of QGIS and of a numpy reference are all equal
  (bench_learn.check_dosage, with one more untimed dosage run, and check_evaluate).

How to run
----------
From the repository root (the plugin folder)::

    /usr/bin/python3 benchmarks/bench_table.py

Options: ``--sizes N ...`` (default 100000 1000000), ``--repeats R``
(default 3), ``--out DIR`` (default benchmarks/output, git-ignored; the data
and outputs go in ``<out>/table``), ``--seed S`` (default 1).  A quick check:
``--sizes 20000 --repeats 1``.  ``--sizes 100000 --repeats 1`` took 36 s on
two shared cores, data included.  The full default run should take about six
minutes on two quiet cores (estimated from that and the 10^6 figures of the
other two scripts; most of it the 10^6 Heatmap and join runs), plus about a
minute to write the 10^6 data the first time; run nothing else heavy meanwhile.  Not part
of ``make test``.  The table is printed and written as Markdown to
``<out>/table.md``.  Requirements as for bench_grid_kde.py.
"""

import datetime
import statistics
import sys
from pathlib import Path

import numpy as np
from osgeo import ogr
from scipy.spatial import cKDTree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench_grid_kde as kde  # noqa: E402  (points, KDE and grid runs, start-up, environment)
import bench_learn as learn  # noqa: E402  (hotspots, trails, crimes, dosage and evaluate runs, checks)

NET_FLOOR = 0.2  # a ratio excluding start-up needs both net times to be at least this share of one start
KDE_TOLERANCE = 0.02  # % of the exact maximum: ours is within 0.001-0.003 %, Heatmap 0.05-0.2 %


# --- data ------------------------------------------------------------------------------------

def fieldless_file(points, path):
    """The same points as a GeoPackage layer 'crimes' without any attribute field."""
    return learn.cached(path, lambda target: learn.write_layer(
        target, "crimes", ogr.wkbPoint, [], learn.point_rows(points[:, 0], points[:, 1])))


# --- runs ------------------------------------------------------------------------------------

def run_all(n, seed, data, work, repeats):
    """Run every comparison for one N; return [(key, tool, counterpart, ours, qgis, check)].

    check is (passed: bool, text lines).  Each comparison writes into its own
    folder under work, so outputs never overwrite each other.
    """
    points, with_fields = kde.points_file(n, seed, data)
    without_fields = fieldless_file(points, data / f"points_nofields_n{n}_seed{seed}.gpkg")
    col, row = learn.make_hotspots(np.random.default_rng(seed))
    hotspots = learn.hotspots_file(col, row, data)
    pings, plan, ping_reference = learn.trail_files(n, col, row, seed, data)
    crimes, visits, crime_reference = learn.crime_files(n, col, row, seed, data)
    folders = {name: work / name for name in ("kde_fields", "kde_nofields", "grid", "dosage", "evaluate")}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)

    results = []
    series = kde.benchmark_kde(n, with_fields, folders["kde_fields"], repeats)
    results.append(("kde_fields", "kerneldensity, points with a field", "Heatmap", *series,
                    check_kde(points, folders["kde_fields"], seed)))
    print("  (the same points without any attribute field)")
    series = kde.benchmark_kde(n, without_fields, folders["kde_nofields"], repeats)
    results.append(("kde_nofields", "kerneldensity, points without any field", "Heatmap", *series,
                    check_kde(points, folders["kde_nofields"], seed, folders["kde_fields"])))
    series = kde.benchmark_grid(n, points, with_fields, folders["grid"], repeats)
    results.append(("grid", "gridcrimes", "Create grid + Count points in polygon", *series,
                    check_grid(points, folders["grid"])))
    series = learn.benchmark_dosage(n, pings, plan, hotspots, folders["dosage"], repeats)
    results.append(("dosage", "patroldosage (N GPS pings), with PLAN", "Join attributes by location", *series,
                    passed(learn.check_dosage(n, pings, plan, hotspots, folders["dosage"], ping_reference))))
    series = learn.benchmark_evaluate(n, crimes, visits, hotspots, folders["evaluate"], repeats)
    results.append(("evaluate", "evaluatepatrols", "Count points in polygon", *series,
                    passed(learn.check_evaluate(n, folders["evaluate"], crime_reference))))
    return results


# --- checks ----------------------------------------------------------------------------------

def passed(lines):
    """(passed, lines) for bench_learn's check lines: passed only if the first line says PASS."""
    return bool(lines) and ": PASS" in lines[0], lines


def check_kde(points, folder, seed, twin=None):
    """(passed, lines): our raster on Heatmap's grid and within KDE_TOLERANCE % of the exact KDE.

    twin, if given, is the folder of the run on the points with a field:
    whether our two rasters are identical is reported (not required).
    """
    ours = kde.read_raster(folder / "ours_kde.tif")
    heatmap = kde.read_raster(folder / "qgis_heatmap.tif")
    if ours is None or heatmap is None:
        return False, ["a raster is missing (an algorithm failed)"]
    same_grid = ours[0].shape == heatmap[0].shape and np.allclose(ours[1], heatmap[1], rtol=0, atol=1e-6)
    lines = kde.compare_rasters(ours, heatmap)
    tree = cKDTree(points)
    errors = {}
    for name, raster in (("ours", ours), ("Heatmap", heatmap)):
        errors[name] = kde.reference_error(raster, tree, points, np.random.default_rng(seed))[0]
        lines.append(f"{name} vs exact quartic KDE ({kde.REFERENCE_SAMPLES} random pixels + its maximum):"
                     f" largest error {errors[name]:.3g} % of the exact maximum")
    if twin is not None:
        other = kde.read_raster(twin / "ours_kde.tif")
        same = other is not None and np.array_equal(other[0], ours[0]) and other[1] == ours[1]
        lines.append(f"identical to our raster from the points with a field: {'yes' if same else 'no'}")
    ok = same_grid and errors["ours"] <= KDE_TOLERANCE
    lines.append(f"Heatmap's grid and ours within {KDE_TOLERANCE:g} % of exact: {'PASS' if ok else 'FAIL'}")
    return ok, lines


def layer_rows(path, sql):
    """Rows of an SQL query on the file's first layer as tuples ([] if the file is absent)."""
    if not path.exists():
        return []
    ds = ogr.Open(str(path))
    result = ds.ExecuteSQL(sql.format(layer=ds.GetLayer(0).GetName()))
    rows = [tuple(feature.GetField(i) for i in range(feature.GetFieldCount())) for feature in result]
    ds.ReleaseResultSet(result)
    return rows


def check_grid(points, folder):
    """(passed, lines): our count per cell against numpy on the same lattice; QGIS's total."""
    cells, counts = np.unique(np.floor(points / kde.CELL_SIZE).astype(np.int64), axis=0, return_counts=True)
    expected = {(int(c), int(r)): int(k) for (c, r), k in zip(cells, counts)}
    rows = layer_rows(folder / "ours_grid.gpkg", 'SELECT "col", "row", "count" FROM "{layer}"')
    ours = {(c, r): k for c, r, k in rows}
    qgis = sum(int(k or 0) for (k,) in layer_rows(folder / "qgis_counts.gpkg", 'SELECT NUMPOINTS FROM "{layer}"'))
    ok = ours == expected
    differ = sum(ours.get(cell) != k for cell, k in expected.items()) + len(ours.keys() - expected.keys())
    lines = [f"ours: {sum(ours.values())} crimes in {len(ours)} cells; numpy on the same lattice:"
             f" {len(points)} in {len(expected)} cells; per cell "
             + ("all equal: PASS" if ok else f"DIFFERENT in {differ} cells: FAIL"),
             f"QGIS: {qgis} counted in its cells (its grid starts at the points' extent, so its cells are"
             f" not ours and are not compared one by one)"]
    return ok, lines


# --- table -----------------------------------------------------------------------------------

def table_row(n, startup_median, result):
    """One table row (dict of formatted cells) from a run_all result."""
    _, tool, counterpart, ours, qgis, (ok, _) = result
    row = {"tool": tool, "counterpart": counterpart, "N": f"{n:,}"}
    ours_t, qgis_t = ours.seconds(), qgis.seconds()
    ours_m = statistics.median(ours_t) if ours_t else None
    qgis_m = statistics.median(qgis_t) if qgis_t else None
    row["ours_s"] = "-" if ours_m is None else f"{ours_m:.2f}"
    row["qgis_s"] = "-" if qgis_m is None else f"{qgis_m:.2f}"
    ratio = net = "-"
    if ours_m and qgis_m:
        ratio = f"{qgis_m / ours_m:.2f}"
        if startup_median:
            ours_net = ours_m - startup_median
            qgis_net = qgis_m - len(qgis.step_labels) * startup_median
            # Within NET_FLOOR of a bare start the difference is mostly start-up noise: no ratio.
            if min(ours_net, qgis_net) >= NET_FLOOR * startup_median:
                net = f"{qgis_net / ours_net:.2f}"
    if not ok:
        ratio = net = "withheld"
    row["ratio"], row["ratio_net"] = ratio, net
    ours_p, qgis_p = ours.peak(), qgis.peak()
    row["ours_mb"] = "-" if ours_p is None else f"{ours_p:.0f}"
    row["qgis_mb"] = "-" if qgis_p is None else f"{qgis_p:.0f}"
    row["mem"] = f"{ours_p / qgis_p:.2f}" if ours_p and qgis_p else "-"
    row["check"] = "PASS" if ok else "FAIL"
    return row


COLUMNS = [("tool", "tool"), ("counterpart", "QGIS counterpart"), ("N", "N"), ("ours_s", "ours median s"),
           ("qgis_s", "QGIS median s"), ("ratio", "QGIS ÷ ours"), ("ratio_net", "excl. start-up"),
           ("ours_mb", "ours peak MB"), ("qgis_mb", "QGIS peak MB"), ("mem", "peak ours ÷ QGIS"),
           ("check", "outputs")]
LEFT = ("tool", "counterpart")


def text_table(rows):
    """Plain-text table with aligned columns."""
    cells = [[title for _, title in COLUMNS]] + [[row[key] for key, _ in COLUMNS] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.ljust(w) if key in LEFT else c.rjust(w)
                       for (key, _), c, w in zip(COLUMNS, line, widths)) for line in cells]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def markdown_table(rows):
    """GitHub Markdown table of the same rows."""
    header = "| " + " | ".join(title for _, title in COLUMNS) + " |"
    align = "|" + "|".join(":---" if key in LEFT else "---:" for key, _ in COLUMNS) + "|"
    body = ["| " + " | ".join(row[key] for key, _ in COLUMNS) + " |" for row in rows]
    return "\n".join([header, align] + body)


def environment():
    """QGIS, GDAL, numpy, date and machine, for the report."""
    return f"{kde.environment()}; numpy {np.__version__}; {datetime.date.today().isoformat()}"


# --- main ------------------------------------------------------------------------------------

def parse_args():
    """Command-line options."""
    parser = kde.comparison_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100000, 1000000],
                        help="numbers of crimes, and of GPS pings for patroldosage (default: 100000 1000000)")
    return parser.parse_args()


def main():
    """Generate the data, run every comparison and check, print and write the table."""
    args = parse_args()
    out = args.out.resolve()
    data = out / "table"
    data.mkdir(parents=True, exist_ok=True)
    kde.note_without_gnu_time()
    env = environment()
    print(env)
    startup = kde.measure_startup(data, args.repeats)
    startup_median = statistics.median(startup.seconds()) if startup.repeats else None
    rows, checks = [], []
    for n in args.sizes:
        for result in run_all(n, args.seed, data, data / f"n{n}", args.repeats):
            rows.append(table_row(n, startup_median, result))
            checks.append((f"{result[1]}, N={n:,}", result[5][1]))

    settings = (f"{args.repeats} runs of each tool, alternated with its counterpart, one qgis_process each;"
                f" seed {args.seed}. Density: quartic, raw, radius {kde.RADIUS:g} m, pixel {kde.PIXEL_SIZE:g} m;"
                f" grid: {kde.CELL_SIZE:g} m cells (QGIS: two processes, summed); dosage: N pings of"
                f" {learn.N_UNITS} units every {learn.PING_SECONDS} s, {learn.N_HOTSPOTS} hotspots, MIN_MINUTES 5;"
                f" evaluate: N crimes over 2025. Dosage and evaluate do more than the QGIS step they are"
                f" compared with. 'excl. start-up' subtracts one qgis_process start per process"
                f" ('-' where either net time is under {NET_FLOOR:.0%} of one start: mostly noise);"
                f" ratios are withheld where the outputs check fails")
    startup_note = kde.startup_line(startup)
    failed = sum(row["check"] != "PASS" for row in rows)
    verdict = (f"Outputs check: {len(rows) - failed} of {len(rows)} comparisons PASS"
               + (f", {failed} FAIL (their ratios withheld)" if failed else ""))
    print(f"\n{env}\n{settings}\n{startup_note}\n\n{text_table(rows)}\n\n{verdict}\n")
    markdown = [f"Benchmark: {env}.", "", f"{settings}. {startup_note}.", "", markdown_table(rows), "",
                f"{verdict}.", ""]
    for title, lines in checks:
        print(f"{title}:\n" + "\n".join("  " + line for line in lines))
        markdown += [f"{title}:", ""] + [f"- {line}" for line in lines] + [""]
    (out / "table.md").write_text("\n".join(markdown))
    print(f"\nMarkdown written to {out / 'table.md'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
