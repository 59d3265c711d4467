#!/usr/bin/python3
"""Benchmark hotspotpatrol:importpoliceuk against QGIS's "Create points layer from table".

What it measures
----------------
N synthetic data.police.uk street-level rows (default 10^6), generated here
and cached under ``<out>/import`` in three forms that hold the same rows:

* ``folder/``: the archive's layout, one file per month
  (``YYYY-MM/YYYY-MM-essex-street.csv``, ``--months`` months, default 4);
* ``download.zip``: the same files in a zip (deflated), as downloaded;
* ``all_street.csv``: every row in one CSV, for QGIS's tool.

The rows look like Essex Police's: 64-hex crime ids (none for the 30 %
that are anti-social behaviour), 20,000 snap points spread over Essex with
a heavy-tailed number of crimes each (so many crimes share a point), 1,000
LSOAs, 5,000 streets, the 14 crime types, outcomes; and the faults the
import deals with: 0.5 % of rows without coordinates, 0.1 % repeating a
crime id of an earlier month, 0.02 % snapped about 400 km away (longitude
-4.18).

Then, each ``--repeats`` times:

* the core reading alone, in this process: ``core.policeuk.read_crimes`` on
  the folder and on the zip (files found, parsed, columns built, repeats
  marked), and, as the floor of any pure-Python reading, a bare loop of the
  csv module over the same files;
* one qgis_process per run, alternately (as bench_grid_kde.py, whose runner
  and table this script shares): ``hotspotpatrol:importpoliceuk`` on the
  folder, on the zip, and QGIS's ``native:createpointslayerfromtable`` on
  ``all_street.csv`` (XFIELD Longitude, YFIELD Latitude, TARGET_CRS
  EPSG:4326), each writing a GeoPackage.

The two sides do not do the same work: ours also finds the files, drops the
rows without a location, the repeats and the outliers, reprojects to British
National Grid and writes typed fields (a date for the month, a boolean);
QGIS's tool reads one CSV and writes its rows as text fields with WGS84
points, rows without coordinates included. The ratio QGIS / ours of the
medians is printed with and without the fixed cost of a qgis_process start.
A check compares the features written with the numbers the generator put in.

How to run
----------
From the repository root (the plugin folder)::

    /usr/bin/python3 benchmarks/bench_import.py

Options: ``--rows N`` (default 1000000), ``--months M`` (default 4),
``--repeats R`` (default 3), ``--out DIR`` (default benchmarks/output,
git-ignored), ``--seed S`` (default 1). A quick check: ``--rows 50000
--repeats 1``. The default run takes about three minutes on two cores, plus
about 20 s to write the data the first time. Not part of ``make test``.
Requirements as for bench_grid_kde.py (QGIS 3.22+, numpy, GDAL's Python
bindings, GNU time for peak memory). The table is printed and written to
``<out>/import_results.md``.
"""

import csv
import statistics
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
from osgeo import ogr

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench_grid_kde as shared  # noqa: E402  (the runner conventions, tables and environment line)

ogr.UseExceptions()

HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code",
          "LSOA name", "Crime type", "Last outcome category", "Context"]
TYPES = ["Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs",
         "Other crime", "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting",
         "Theft from the person", "Vehicle crime", "Violence and sexual offences"]
TYPE_SHARES = [0.30, 0.02, 0.05, 0.08, 0.02, 0.01, 0.06, 0.01, 0.06, 0.01, 0.05, 0.01, 0.06, 0.26]
OUTCOMES = ["Investigation complete; no suspect identified", "Unable to prosecute suspect", "Under investigation",
            "Awaiting court outcome", "Offender given a caution", "Local resolution", "Court result unavailable",
            "Status update unavailable", "Further investigation is not in the public interest"]
SHARE_NO_LOCATION, SHARE_REPEATED, SHARE_FAR = 0.005, 0.001, 0.0002


# --- synthetic data --------------------------------------------------------------------------

def generate(n, months, seed):
    """Rows (lists of str) of ``months`` monthly files, and the counts the import should find."""
    rng = np.random.default_rng(seed)
    snaps = np.column_stack([rng.uniform(0.0, 1.25, 20_000), rng.uniform(51.45, 52.05, 20_000)]).round(6)
    snap_weights = rng.pareto(1.0, len(snaps)) + 1.0
    snap = rng.choice(len(snaps), n, p=snap_weights / snap_weights.sum())
    streets = [f"On or near Street {k} Road" for k in range(5_000)]
    street_of_snap = rng.integers(0, len(streets), len(snaps))
    lsoa_of_snap = rng.integers(0, 1_000, len(snaps))
    crime_type = rng.choice(len(TYPES), n, p=TYPE_SHARES)
    outcome = rng.integers(0, len(OUTCOMES), n)
    month = np.sort(rng.integers(0, months, n))
    hex_ids = rng.bytes(32 * n).hex()
    fault = rng.random(n)
    no_location = fault < SHARE_NO_LOCATION
    far = (fault >= SHARE_NO_LOCATION) & (fault < SHARE_NO_LOCATION + SHARE_FAR)
    rows = []
    for i in range(n):
        asb = crime_type[i] == 0
        lon, lat = snaps[snap[i]]
        if far[i]:
            lon, lat = -4.18 + rng.normal(0, 0.02), 50.40 + rng.normal(0, 0.02)
        lsoa = lsoa_of_snap[snap[i]]
        rows.append(["" if asb else hex_ids[64 * i:64 * (i + 1)], f"2018-{month[i] + 1:02d}", "Essex Police",
                     "Essex Police", "" if no_location[i] else f"{lon:.6f}", "" if no_location[i] else f"{lat:.6f}",
                     "No location" if no_location[i] else streets[street_of_snap[snap[i]]], f"E0{1_015_000 + lsoa}",
                     f"Essex {lsoa // 10:03d}{chr(65 + lsoa % 10)}", TYPES[crime_type[i]],
                     "" if asb else OUTCOMES[outcome[i]], ""])
    # Repeats: later rows take the id of a located, nearby crime of the first month.
    first_month = np.flatnonzero((month == 0) & ~no_location & ~far & (crime_type != 0))
    later = np.flatnonzero((month > 0) & ~no_location & ~far & (crime_type != 0))
    repeated = rng.choice(later, int(n * SHARE_REPEATED), replace=False)
    for target, source in zip(repeated, rng.choice(first_month, repeated.size, replace=False)):
        rows[target][0] = rows[source][0]
    expected = {"rows": n, "no_location": int(no_location.sum()), "repeated": int(repeated.size),
                "far": int(far.sum())}
    expected["written"] = n - expected["no_location"] - expected["repeated"] - expected["far"]
    return rows, month, expected


def write_csv(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)


def data_files(n, months, seed, out):
    """(folder, zip, single CSV, expected counts), written once per (n, months, seed)."""
    work = out / "import" / f"n{n}_m{months}_seed{seed}"
    folder, archive, single, done = work / "folder", work / "download.zip", work / "all_street.csv", work / "ok"
    if done.exists():
        print(f"Using cached {work}")
        expected = dict(line.split("=") for line in done.read_text().split())
        return folder, archive, single, {k: int(v) for k, v in expected.items()}
    start = time.perf_counter()
    rows, month, expected = generate(n, months, seed)
    for m in range(months):
        name = f"2018-{m + 1:02d}"
        first, last = np.searchsorted(month, [m, m + 1])
        write_csv(folder / name / f"{name}-essex-street.csv", rows[first:last])
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*.csv")):
            bundle.write(path, path.relative_to(folder).as_posix())
    write_csv(single, rows)
    done.write_text(" ".join(f"{k}={v}" for k, v in expected.items()))
    print(f"Wrote {work} ({n} rows in {months} months) in {time.perf_counter() - start:.1f} s")
    return folder, archive, single, expected


# --- in-process timings ----------------------------------------------------------------------

def bare_csv_loop(folder):
    """The csv module over every file, doing nothing with the rows: the floor for Python reading."""
    rows = 0
    for path in sorted(folder.rglob("*-street.csv")):
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for _ in csv.reader(handle):
                rows += 1
    return rows


def time_in_process(label, function, repeats):
    """A Series-like row for a function timed in this process."""
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        seconds.append(time.perf_counter() - start)
    print(f"  {label}: median {statistics.median(seconds):.2f} s")
    return {"N": None, "tool": label, "median": statistics.median(seconds), "min": min(seconds), "ratio": None,
            "ratio_net": None, "peak": None}, result


def benchmark_core(n, folder, archive, repeats):
    policeuk = shared.import_plugin_module("policeuk")
    print(f"N={n}: reading in this process")
    rows = []
    for label, path in (("core read_crimes, folder (in-process)", folder), ("core read_crimes, zip (in-process)",
                                                                           archive)):
        source = policeuk.StreetSource(path)
        row, crimes = time_in_process(label, lambda source=source: policeuk.read_crimes(source, source.select()),
                                      repeats)
        rows.append(dict(row, N=n))
    bare, count = time_in_process("bare csv.reader loop over the folder's files (in-process)",
                                  lambda: bare_csv_loop(folder), repeats)
    rows.append(dict(bare, N=n))
    return rows, crimes, count


# --- through qgis_process --------------------------------------------------------------------

def benchmark_qgis(n, folder, archive, single, work, repeats):
    ours_folder = shared.Series("ours importpoliceuk, folder")
    ours_zip = shared.Series("ours importpoliceuk, zip")
    qgis = shared.Series("QGIS Create points layer from table (one CSV)")
    print(f"N={n}: through qgis_process")
    for _ in range(repeats):
        ours_folder.run([("hotspotpatrol:importpoliceuk", {"INPUT": folder, "OUTPUT": work / "ours_folder.gpkg"})])
        ours_zip.run([("hotspotpatrol:importpoliceuk", {"INPUT": archive, "OUTPUT": work / "ours_zip.gpkg"})])
        qgis.run([("native:createpointslayerfromtable", {
            "INPUT": single, "XFIELD": "Longitude", "YFIELD": "Latitude", "TARGET_CRS": "EPSG:4326",
            "OUTPUT": work / "qgis_points.gpkg"})])
    return ours_folder, ours_zip, qgis


def feature_count(path):
    if not path.exists():
        return None
    dataset = ogr.Open(str(path))  # kept while its layer is used: GDAL frees the layer with it
    return dataset.GetLayer(0).GetFeatureCount()


def checks(expected, crimes, bare_rows, work):
    lines = [f"generated: {expected['rows']} rows, {expected['no_location']} without coordinates, "
             f"{expected['repeated']} repeating an id, {expected['far']} far away: "
             f"{expected['written']} crimes to write"]
    keep = crimes.keep
    lines.append(f"core read_crimes: {len(crimes)} rows, {int(crimes.no_location.sum())} without location, "
                 f"{int(crimes.duplicate.sum())} repeats, {int(keep.sum())} kept before the outlier rule; bare csv "
                 f"loop {bare_rows} lines (with the headers)")
    for name in ("ours_folder.gpkg", "ours_zip.gpkg"):
        count = feature_count(work / name)
        verdict = "PASS" if count == expected["written"] else "FAIL"
        lines.append(f"{name}: {count} crimes written, expected {expected['written']}: {verdict}")
    count = feature_count(work / "qgis_points.gpkg")
    lines.append(f"qgis_points.gpkg: {count} features (every row: QGIS's tool does not drop or deduplicate)")
    return lines


def parse_args():
    """Command-line options."""
    parser = shared.comparison_parser(__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows to generate (default: 1000000)")
    parser.add_argument("--months", type=int, default=4, help="monthly files (default: 4)")
    return parser.parse_args()


def main():
    args = parse_args()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    shared.note_without_gnu_time()
    env = shared.environment()
    print(env)
    folder, archive, single, expected = data_files(args.rows, args.months, args.seed, out)
    work = folder.parent
    core_rows, crimes, bare_rows = benchmark_core(args.rows, folder, archive, args.repeats)
    startup = shared.measure_startup(work, args.repeats)
    ours_folder, ours_zip, qgis = benchmark_qgis(args.rows, folder, archive, single, work, args.repeats)
    rows = core_rows + shared.table_rows(args.rows, startup, [(ours_folder, qgis)])
    rows.insert(len(core_rows) + 1, shared.table_rows(args.rows, startup, [(ours_zip, qgis)])[0])
    zip_vs_qgis = shared.table_rows(args.rows, startup, [(ours_zip, qgis)])[1]
    lines = checks(expected, crimes, bare_rows, work)

    settings = (f"{args.repeats} runs of each, alternated; seed {args.seed}; {args.rows} rows in {args.months} "
                f"monthly files ({sum(p.stat().st_size for p in folder.rglob('*.csv')) / 1e6:.0f} MB; zip "
                f"{archive.stat().st_size / 1e6:.0f} MB). The QGIS row's ratios are against ours on the folder; "
                f"against ours on the zip they are "
                + ("-" if zip_vs_qgis["ratio"] is None else f"{zip_vs_qgis['ratio']:.2f}")
                + " and " + ("-" if zip_vs_qgis["ratio_net"] is None else f"{zip_vs_qgis['ratio_net']:.2f}"))
    shared.write_report(args.out / "import_results.md", env, settings, shared.startup_line(startup), rows,
                        [("Checks", lines)])


if __name__ == "__main__":
    sys.exit(main())
