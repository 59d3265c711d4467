#!/usr/bin/python3
"""National-scale benchmark: gridcrimes and rankhotspots on 20 million crimes over Great Britain.

What it does
------------
1. Generates N (default 20,000,000) synthetic crimes in EPSG:27700, seeded.
   1,500 towns lie at random in six coarse rectangles covering England, Wales
   and Scotland (``REGIONS``; chosen in proportion to area, so some towns sit
   in the sea off a coast).  Town sizes follow Zipf (weight 1/rank: the
   largest holds about an eighth of the crime, like London).  70 % of crimes
   are Gaussian around their town's centre, sigma growing with the log of its
   size from 1 km to 8 km; 28 % sit at about 23,000 micro-hotspots (up to 300
   in a big town, at least 3 in a small one, Pareto-sized, each a Gaussian of
   sigma 15-50 m); 2 % are rural, uniform over the rectangles.  Coordinates
   are snapped to 1 m and clipped to x 0-700,000, y 0-1,250,000; rows are
   shuffled.  Each crime has a ``category`` (14 police.uk categories, with
   national shares) and a numeric ``harm`` from a small invented table of
   category harms (days-like: robbery 365, violence 60, ...).
2. Writes them to a GeoPackage cached under ``<out>`` by generator version, N
   and seed: OGR creates the layer without a spatial index, sqlite3
   ``executemany`` inserts the rows with point blobs built in numpy, and
   gpkg_contents gets the extent.  The first N/10 rows go to a second cached
   GeoPackage (the "tenth"), with a spatial index, as countpointsinpolygon
   queries the points once a polygon (without one, each query scans the
   file).  Each file is checked with ogrinfo and QgsVectorLayer.
3. Runs, one ``tools/qgis-process`` each, timing the wall clock and reading
   the peak resident memory from ``/usr/bin/time -v``: ``grid``
   hotspotpatrol:gridcrimes CELL_SIZE=150 (occupied cells only);
   ``rank-count`` and ``rank-harm`` hotspotpatrol:rankhotspots CELL_SIZE=150
   by count, and by weight with WEIGHT_FIELD=harm (other parameters at their
   defaults: TOP_N 20, no study area...); ``tenth`` gridcrimes on the tenth,
   then QGIS's native:countpointsinpolygon counting the tenth into that grid's
   polygons (a 150 m Create grid over Britain would be ~39 million cells).
4. Checks against numpy brute force on the generated arrays (cells
   floor(x/150), floor(y/150)): every gridcrimes cell's count and the total;
   the hotspots' counts, harm and that they are the top values; every
   polygon's NUMPOINTS (QGIS counts only points strictly inside a polygon, so
   a crime on a cell edge is in none: the check allows for exactly that).
It prints a table (step, crimes, cells, seconds, peak MB) and the checks, and
writes them with the environment and the plugin's commit to ``<out>/scale.md``.

How to run
----------
From the repository root::

    /usr/bin/python3 benchmarks/bench_scale.py                    # 20 M crimes
    /usr/bin/python3 benchmarks/bench_scale.py --crimes 200000    # a quick check, under a minute

Options: ``--crimes N``, ``--seed S`` (default 1), ``--out DIR`` (default
benchmarks/output, git-ignored), ``--steps`` (any of grid rank-count rank-harm
tenth; default all), ``--timeout SECONDS`` per process (default 1800).
The 20 M run needs about 2.5 GB of disk (1 GB of cached inputs), 1.3 GB of
memory for this script and up to about 2 GB for a step, and takes about 9
minutes on two cores (plus 1 minute to write the inputs the first time); run
nothing else heavy meanwhile.  Needs QGIS with Python, GDAL's bindings, numpy
and GNU time (``apt-get install time``; without it no peak memory).
"""

import argparse
import datetime
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

REPO = Path(__file__).resolve().parent.parent
QGIS_PROCESS = REPO / "tools" / "qgis-process"
GNU_TIME = Path("/usr/bin/time")
GENERATOR = "scale1"  # part of the cache key: change it when the generator changes

EPSG = 27700
EXTENT = (0.0, 0.0, 700000.0, 1250000.0)
CELL_SIZE = 150.0
REGIONS = (  # name, xmin, ymin, xmax, ymax (metres, EPSG:27700): coarse boxes on land
    ("Cornwall and Devon", 150000, 20000, 310000, 120000),
    ("Southern England", 310000, 80000, 640000, 240000),
    ("Wales, Midlands and East Anglia", 200000, 180000, 650000, 380000),
    ("Northern England", 310000, 380000, 530000, 580000),
    ("Southern Scotland", 200000, 580000, 400000, 720000),
    ("Northern Scotland", 180000, 720000, 420000, 970000),
)
TOWNS, ZIPF = 1500, 1.0
SIGMA_MIN, SIGMA_MAX = 1000.0, 8000.0
HOTSPOT_SHARE, RURAL_SHARE = 0.28, 0.02
HOTSPOTS_MAX, HOTSPOTS_MIN = 300, 3
CATEGORIES = (  # police.uk category, share of crimes, harm of one crime (invented, days-like)
    ("anti-social-behaviour", 0.25, 1.0), ("violent-crime", 0.22, 60.0), ("criminal-damage-arson", 0.08, 10.0),
    ("shoplifting", 0.08, 2.0), ("other-theft", 0.08, 5.0), ("burglary", 0.05, 40.0),
    ("vehicle-crime", 0.06, 8.0), ("public-order", 0.07, 5.0), ("drugs", 0.03, 3.0), ("robbery", 0.01, 365.0),
    ("possession-of-weapons", 0.01, 120.0), ("bicycle-theft", 0.02, 3.0), ("theft-from-the-person", 0.01, 20.0),
    ("other-crime", 0.03, 10.0),
)
# A GeoPackage point blob: 8-byte header ('GP', version 0, flags 1 = little-endian, no envelope, srs_id), then
# little-endian WKB (byte order 1, type 1 = Point, x, y).
GPKG_POINT = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"),
                       ("byte_order", "u1"), ("wkb_type", "<u4"), ("x", "<f8"), ("y", "<f8")])
INSERT_CHUNK = 1_000_000
STEPS = ("grid", "grid-fgb", "rank-count", "rank-harm", "tenth")


def generate_crimes(n, seed):
    """Return x, y (float64, whole metres), category (int8) and harm (float64) of n crimes; see the docstring."""
    rng = np.random.default_rng(seed)
    boxes = np.array([region[1:] for region in REGIONS], float)
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    region = rng.choice(len(boxes), TOWNS, p=area / area.sum())
    centres = rng.uniform(boxes[region, :2], boxes[region, 2:])
    size = 1.0 / np.arange(1, TOWNS + 1) ** ZIPF
    sigma = SIGMA_MIN + (SIGMA_MAX - SIGMA_MIN) * np.log(size / size.min()) / np.log(size.max() / size.min())
    n_hot, n_rural = round(n * HOTSPOT_SHARE), round(n * RURAL_SHARE)
    n_town = n - n_hot - n_rural

    town = np.repeat(np.arange(TOWNS), rng.multinomial(n_town, size / size.sum()))
    spread = centres[town] + rng.standard_normal((n_town, 2)) * sigma[town, None]

    per_town = np.maximum(HOTSPOTS_MIN, np.round(HOTSPOTS_MAX * np.sqrt(size / size.max()))).astype(int)
    hot_town = np.repeat(np.arange(TOWNS), per_town)
    hot_centre = centres[hot_town] + rng.standard_normal((hot_town.size, 2)) * sigma[hot_town, None]
    pareto = rng.pareto(1.5, hot_town.size) + 1.0
    hot_weight = size[hot_town] * pareto / np.bincount(hot_town, pareto)[hot_town]
    hot = np.repeat(np.arange(hot_town.size), rng.multinomial(n_hot, hot_weight / hot_weight.sum()))
    hot_sigma = rng.uniform(15.0, 50.0, hot_town.size)
    hotspots = hot_centre[hot] + rng.standard_normal((n_hot, 2)) * hot_sigma[hot, None]

    rural_region = rng.choice(len(boxes), n_rural, p=area / area.sum())
    rural = rng.uniform(boxes[rural_region, :2], boxes[rural_region, 2:])

    xy = np.vstack([spread, hotspots, rural])[rng.permutation(n)]
    np.clip(np.round(xy, out=xy), EXTENT[:2], EXTENT[2:], out=xy)
    shares = np.array([share for _, share, _ in CATEGORIES])
    category = rng.choice(len(CATEGORIES), n, p=shares / shares.sum()).astype(np.int8)
    harm = np.array([value for _, _, value in CATEGORIES])[category]
    return xy[:, 0].copy(), xy[:, 1].copy(), category, harm


def write_gpkg(path, x, y, category, harm, spatial_index=False):
    """Write the crimes as the point layer 'crimes' of a new GeoPackage, fast.

    OGR creates the table (no spatial index); sqlite3 inserts the rows in
    chunks within one transaction; with ``spatial_index``, OGR then builds
    the R-tree.  Written under a temporary name and renamed, so an
    interrupted run never leaves a truncated cache.
    """
    tmp = path.with_suffix(".tmp.gpkg")
    for stale in (tmp, Path(f"{tmp}-journal")):
        stale.unlink(missing_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp))
    layer = ds.CreateLayer("crimes", srs, ogr.wkbPoint,
                           options=["SPATIAL_INDEX=NO", "GEOMETRY_NAME=geom", "FID=fid"])
    layer.CreateField(ogr.FieldDefn("category", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("harm", ogr.OFTReal))
    ds = layer = None

    db = sqlite3.connect(tmp)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA journal_mode = MEMORY")
    # GDAL's feature-count triggers would fire once a row; the count is set once at the end instead.
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'crimes'"
                              " AND name LIKE '%feature_count%'").fetchall():
        db.execute(f'DROP TRIGGER "{name}"')
    blob = np.zeros(INSERT_CHUNK, GPKG_POINT)
    blob["magic"], blob["flags"], blob["srs_id"] = b"GP", 1, EPSG
    blob["byte_order"], blob["wkb_type"] = 1, 1
    with db:
        for start in range(0, len(x), INSERT_CHUNK):
            stop = min(start + INSERT_CHUNK, len(x))
            chunk = blob[:stop - start]
            chunk["x"], chunk["y"] = x[start:stop], y[start:stop]
            rows = zip(chunk.view(f"V{GPKG_POINT.itemsize}").tolist(), category[start:stop].tolist(),
                       harm[start:stop].tolist())
            db.executemany("INSERT INTO crimes (geom, category, harm) VALUES (?, ?, ?)", rows)
        db.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = 'crimes'",
                   (float(x.min()), float(y.min()), float(x.max()), float(y.max())))
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
            db.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = 'crimes'", (len(x),))
    db.close()
    if spatial_index:
        ds = ogr.Open(str(tmp), update=1)
        ds.ExecuteSQL("SELECT CreateSpatialIndex('crimes', 'geom')")
        ds = None
    tmp.rename(path)


def cached_gpkg(path, arrays, label, spatial_index):
    """The GeoPackage at path, written from arrays unless cached; returns (seconds to write or None, MB)."""
    seconds = None
    if path.exists():
        print(f"Using cached {path}")
    else:
        start = time.perf_counter()
        write_gpkg(path, *arrays, spatial_index=spatial_index)
        seconds = time.perf_counter() - start
        print(f"Wrote {label} {path} ({len(arrays[0]):,} crimes) in {seconds:.1f} s")
    return seconds, path.stat().st_size / 1e6


def verify_gpkg(path, x, y):
    """Check the GeoPackage with ogrinfo and QGIS; return one line describing what was found."""
    info = subprocess.run(["ogrinfo", "-so", "-ro", str(path), "crimes"], capture_output=True, text=True)
    count = re.search(r"Feature Count: (\d+)", info.stdout)
    extent = re.search(r"Extent: (.*)", info.stdout)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsFeatureRequest, QgsVectorLayer
    if QgsApplication.instance() is None:
        verify_gpkg.app = QgsApplication([], False)
        verify_gpkg.app.initQgis()
    layer = QgsVectorLayer(f"{path}|layername=crimes", "crimes", "ogr")
    fids = [1, 2, len(x) // 2, len(x)]
    found = {f.id(): f.geometry().asPoint() for f in layer.getFeatures(QgsFeatureRequest().setFilterFids(fids))}
    same = all(fid in found and (found[fid].x(), found[fid].y()) == (x[fid - 1], y[fid - 1]) for fid in fids)
    ok = (info.returncode == 0 and count and int(count.group(1)) == len(x) and layer.isValid()
          and layer.featureCount() == len(x) and same)
    return (f"{path.name}: {'valid' if ok else 'NOT VALID'} - ogrinfo count {count.group(1) if count else '?'},"
            f" extent {extent.group(1) if extent else '?'}; QGIS valid {layer.isValid()}, featureCount"
            f" {layer.featureCount()}, features {fids} at the generated points: {'yes' if same else 'NO'}")


def run_qgis(algorithm, params, timeout):
    """One tools/qgis-process run; returns ok, seconds, peak_mb, stdout and the error text."""
    output = Path(params["OUTPUT"])
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{output}{suffix}").unlink(missing_ok=True)
    command = [str(QGIS_PROCESS), "run", algorithm, "--"] + [f"{key}={value}" for key, value in params.items()]
    with tempfile.NamedTemporaryFile(suffix=".time") as time_log:
        if GNU_TIME.exists():
            command = [str(GNU_TIME), "-v", "-o", time_log.name] + command
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
            note = f"exit code {proc.returncode}"
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the process group is only this run
            stdout, stderr = proc.communicate()
            note = f"killed after the {timeout} s timeout"
        seconds = time.perf_counter() - start
        log = Path(time_log.name).read_text()
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", log)
    signalled = re.search(r"Command terminated by signal (\d+)", log)
    if signalled:
        note += f" (terminated by signal {signalled.group(1)})"
    ok = proc.returncode == 0 and output.exists()
    return {"ok": ok, "seconds": seconds, "peak_mb": int(peak.group(1)) / 1024 if peak else None,
            "stdout": stdout, "error": "" if ok else f"{note}\n{(stdout + stderr).strip()[-3000:]}"}


def gpkg_table(path, *columns):
    """The columns (default: the features' fid) of the one feature table of a GeoPackage (or, through OGR,
    of another vector file), as numpy arrays."""
    if Path(path).suffix != ".gpkg":
        dataset = ogr.Open(str(path))  # held: its layer dies with it
        layer = dataset.GetLayer(0)
        names = columns or ()
        values = {name: [] for name in names}
        n = 0
        for batch in layer.GetArrowStreamAsNumPy():
            n += len(next(iter(batch.values())))
            for name in names:
                values[name].append(np.asarray(batch[name]))
        return {name: np.concatenate(parts) for name, parts in values.items()} if names else {"fid": np.arange(n)}
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    (table,) = db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()
    columns = columns or ("fid",)
    rows = db.execute(f"SELECT {', '.join(columns)} FROM \"{table}\"").fetchall()
    db.close()
    return {name: np.array([row[i] for row in rows]) for i, name in enumerate(columns)}


class BruteForce:
    """Crimes per 150 m square cell (floor(x/150), floor(y/150)) counted by numpy from the generated arrays."""

    def __init__(self, x, y, harm):
        col, row = np.floor(x / CELL_SIZE).astype(np.int64), np.floor(y / CELL_SIZE).astype(np.int64)
        self.keys, inverse, self.count = np.unique(col << 32 | row, return_inverse=True, return_counts=True)
        self.harm = np.bincount(inverse, harm)

    def lookup(self, col, row):
        """Count and harm of the cells (col, row); 0 for a cell without crime."""
        keys = np.asarray(col, np.int64) << 32 | np.asarray(row, np.int64)
        at = np.minimum(np.searchsorted(self.keys, keys), self.keys.size - 1)
        hit = self.keys[at] == keys
        return np.where(hit, self.count[at], 0), np.where(hit, self.harm[at], 0.0)


def parse_cell_ids(ids):
    """col, row arrays from cell ids like S150_3521_11234."""
    return np.array([[int(part) for part in str(cell_id).split("_")[1:]] for cell_id in ids]).T


def check_grid(path, truth, n):
    """gridcrimes' cells against brute force: every count, the total, the number of cells."""
    cells = gpkg_table(path, "col", "row", "count")
    count, _ = truth.lookup(cells["col"], cells["row"])
    wrong = int(np.count_nonzero(count != cells["count"]))
    total = int(cells["count"].sum())
    ok = wrong == 0 and total == n and cells["count"].size == truth.keys.size
    return ok, (f"sum of count over {cells['count'].size:,} cells = {total:,} (crimes {n:,});"
                f" numpy has {truth.keys.size:,} occupied cells; cells whose count differs from numpy: {wrong:,}")


def check_rank(path, truth, by_harm):
    """rankhotspots' hotspots against brute force: their count and harm, and the top values numpy finds."""
    cells = gpkg_table(path, "cell_id", "count", "weight")
    count, harm = truth.lookup(*parse_cell_ids(cells["cell_id"]))
    same_count = np.array_equal(count, cells["count"])
    same_harm = np.allclose(harm, cells["weight"], rtol=1e-9) if by_harm else True
    key, got = (truth.harm, cells["weight"]) if by_harm else (truth.count, cells["count"])
    best = np.sort(key)[::-1][:got.size]
    same_top = np.allclose(np.sort(got)[::-1], best, rtol=1e-9)
    what = "harm" if by_harm else "count"
    return same_count and same_harm and same_top, (
        f"{got.size} hotspots; counts equal numpy's for the same cells: {'yes' if same_count else 'NO'}"
        + (f"; harm equal: {'yes' if same_harm else 'NO'}" if by_harm else "")
        + f"; their {what}s are numpy's top {got.size}: {'yes' if same_top else 'NO'}"
        + f" (top {what} {got.max():g}, numpy {best[0]:g})")


def check_counted(path, truth, inside, n, on_edge):
    """native:countpointsinpolygon's NUMPOINTS against brute force per polygon (by its col/row).

    ``truth`` counts every crime in its half-open cell; ``inside`` only the
    ``n - on_edge`` crimes strictly inside a cell (not on a cell's edge),
    which is what a point-in-polygon "contains" test counts: the check
    passes when NUMPOINTS equals that (crimes on an edge are in no polygon).
    """
    cells = gpkg_table(path, "col", "row", "NUMPOINTS")
    count, _ = truth.lookup(cells["col"], cells["row"])
    strict, _ = inside.lookup(cells["col"], cells["row"])
    wrong = int(np.count_nonzero(count != cells["NUMPOINTS"]))
    wrong_strict = int(np.count_nonzero(strict != cells["NUMPOINTS"]))
    total = int(cells["NUMPOINTS"].sum())
    return wrong_strict == 0 and total == n - on_edge, (
        f"sum of NUMPOINTS over {cells['NUMPOINTS'].size:,} polygons = {total:,} (crimes {n:,}, of which {on_edge:,}"
        f" lie exactly on a cell edge); polygons whose NUMPOINTS differs from numpy's count in the half-open cell:"
        f" {wrong:,}; from numpy's count of crimes strictly inside the cell: {wrong_strict:,}")


def result_number(stdout, name):
    """A numeric result ``NAME: value`` printed by qgis_process, or None."""
    found = re.search(rf"^{name}:\s*([-\d.eE+]+)\s*$", stdout, re.MULTILINE)
    return float(found.group(1)) if found else None


def environment():
    """QGIS, GDAL, numpy, cores, CPU, the plugin's commit and the date, for the report."""
    version = subprocess.run([str(QGIS_PROCESS), "--version"], capture_output=True, text=True)
    qgis = next((line for line in version.stdout.splitlines() if line.startswith("QGIS ")), "QGIS ?")
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    git = ["git", "-C", str(REPO)]
    commit = subprocess.run(git + ["rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    changed = subprocess.run(git + ["status", "--porcelain", "--untracked-files=no", "--", "algorithms", "core"],
                             capture_output=True, text=True).stdout.splitlines()
    return (f"{qgis}, GDAL {gdal.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]},"
            f" {os.cpu_count()} cores ({cpu}), plugin at {commit or '?'}"
            f"{f' with {len(changed)} changed files in algorithms/ and core/' if changed else ''}, {now}")


def self_peak_mb():
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_steps(args, out, files, n, truth, tenth_xyh):
    """Run the chosen qgis_process steps; return table rows, check lines and failures."""
    crimes, tenth = files
    rows, checks, failures = [], [], []
    truth_tenth = BruteForce(*tenth_xyh)
    edge = (tenth_xyh[0] % CELL_SIZE == 0) | (tenth_xyh[1] % CELL_SIZE == 0)
    inside_tenth = BruteForce(*(values[~edge] for values in tenth_xyh))

    def step(label, algorithm, params, crimes_in, check):
        print(f"Running {label}: {algorithm} ...", flush=True)
        result = run_qgis(algorithm, params, args.timeout)
        cells = None
        if result["ok"]:
            cells = len(gpkg_table(params["OUTPUT"])["fid"])
            ok, line = check(params["OUTPUT"])
            checks.append(f"{label}: {'OK' if ok else 'FAILED'} - {line}")
            area = re.search(r"of the area \(([\d,]+) cells", result["stdout"])
            if area:
                cells = f"{cells:,} of {int(area.group(1).replace(',', '')):,}"
        else:
            failures.append(f"{label} ({algorithm}) FAILED after {result['seconds']:.1f} s, peak"
                            f" {result['peak_mb'] or 0:.0f} MB: {result['error']}")
            print(failures[-1])
        counted = result_number(result["stdout"], "CRIMES_COUNTED")
        rows.append((label, f"{crimes_in:,}" + ("" if counted in (None, crimes_in) else f" ({counted:,.0f} counted)"),
                     "-" if cells is None else (f"{cells:,}" if isinstance(cells, int) else cells),
                     f"{result['seconds']:.1f}", "-" if result["peak_mb"] is None else f"{result['peak_mb']:.0f}",
                     "ok" if result["ok"] else "FAILED"))
        print(f"  {rows[-1]}", flush=True)
        return result["ok"]

    grid = {"INPUT": crimes, "CELL_SIZE": CELL_SIZE}
    if "grid" in args.steps:
        step("gridcrimes", "hotspotpatrol:gridcrimes", dict(grid, OUTPUT=out / "grid.gpkg"), n,
             lambda path: check_grid(path, truth, n))
    if "grid-fgb" in args.steps:
        # The same grid to FlatGeobuf: GDAL builds a GeoPackage's R-tree index at the end, about 10 us a cell.
        step("gridcrimes to FlatGeobuf", "hotspotpatrol:gridcrimes", dict(grid, OUTPUT=out / "grid.fgb"), n,
             lambda path: check_grid(path, truth, n))
    if "rank-count" in args.steps:
        step("rankhotspots by count", "hotspotpatrol:rankhotspots",
             dict(grid, RANK_BY=0, OUTPUT=out / "rank_count.gpkg"), n, lambda path: check_rank(path, truth, False))
    if "rank-harm" in args.steps:
        step("rankhotspots by harm", "hotspotpatrol:rankhotspots",
             dict(grid, RANK_BY=1, WEIGHT_FIELD="harm", OUTPUT=out / "rank_harm.gpkg"), n,
             lambda path: check_rank(path, truth, True))
    if "tenth" in args.steps:
        tenth_n = n // 10
        if step("gridcrimes, tenth", "hotspotpatrol:gridcrimes",
                dict(grid, INPUT=tenth, OUTPUT=out / "grid_tenth.gpkg"), tenth_n,
                lambda path: check_grid(path, truth_tenth, tenth_n)):
            step("countpointsinpolygon, tenth", "native:countpointsinpolygon",
                 {"POLYGONS": out / "grid_tenth.gpkg", "POINTS": tenth, "FIELD": "NUMPOINTS",
                  "OUTPUT": out / "counted_tenth.gpkg"}, tenth_n,
                 lambda path: check_counted(path, truth_tenth, inside_tenth, tenth_n, int(edge.sum())))
    return rows, checks, failures


def report(path, env, settings, rows, checks, failures):
    """Print the table and checks, and write them as Markdown to path."""
    header = ("step", "crimes", "cells", "seconds", "peak MB", "result")
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in [header] + rows]
    print(f"\n{env}\n{settings}\n\n" + "\n".join(lines[:1] + ["-" * len(lines[0])] + lines[1:]))
    print("\nChecks against numpy brute force:\n" + "\n".join(f"  {line}" for line in checks))
    for failure in failures:
        print(f"\n{failure}")
    markdown = [f"Benchmark: {env}.", "", settings, "", "| " + " | ".join(header) + " |",
                "|:---|" + "---:|" * (len(header) - 1)]
    markdown += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    markdown += ["", "Checks against numpy brute force:", ""] + [f"- {line}" for line in checks]
    markdown += sum((["", "```", failure, "```"] for failure in failures), [])
    path.write_text("\n".join(markdown) + "\n")
    print(f"\nMarkdown written to {path}")


def parse_args():
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--crimes", type=int, default=20_000_000, help="number of crimes (default 20,000,000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "output",
                        help="output folder (default benchmarks/output)")
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS), help="steps to run (default all)")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds before a process is killed (default 1800)")
    return parser.parse_args()


def main():
    """Generate, write, verify, run the steps, check and report."""
    args = parse_args()
    out = args.out.resolve()
    work = out / f"scale_n{args.crimes}"
    work.mkdir(parents=True, exist_ok=True)
    if not GNU_TIME.exists():
        print("NOTE: /usr/bin/time not found, so peak memory is not measured (apt-get install time)")
    env = environment()
    print(env, flush=True)
    n = args.crimes
    start = time.perf_counter()
    x, y, category, harm = generate_crimes(n, args.seed)
    generated = time.perf_counter() - start
    print(f"Generated {n:,} crimes in {generated:.1f} s", flush=True)
    rows = [("generate (numpy, in this process)", f"{n:,}", "-", f"{generated:.1f}", f"{self_peak_mb():.0f}", "ok")]
    key = f"{GENERATOR}_n{n}_seed{args.seed}"
    files, notes = [], []
    for label, path, count, spatial_index in (("crimes", out / f"crimes_{key}.gpkg", n, False),
                                              ("tenth", out / f"crimes_{key}_tenth.gpkg", n // 10, True)):
        arrays = (x[:count], y[:count], category[:count], harm[:count])
        seconds, size = cached_gpkg(path, arrays, label, spatial_index)
        rows.append((f"write GeoPackage, {label}" + (" (cached)" if seconds is None else ""), f"{count:,}", "-",
                     "-" if seconds is None else f"{seconds:.1f}", f"{self_peak_mb():.0f}", f"{size:,.0f} MB"))
        notes.append(verify_gpkg(path, *arrays[:2]))
        print(f"  {notes[-1]}", flush=True)
        files.append(path)

    start = time.perf_counter()
    truth = BruteForce(x, y, harm)
    print(f"numpy brute-force cell counts in {time.perf_counter() - start:.1f} s", flush=True)
    tenth_xyh = (x[:n // 10].copy(), y[:n // 10].copy(), harm[:n // 10].copy())
    del x, y, category, harm
    step_rows, checks, failures = run_steps(args, work, files, n, truth, tenth_xyh)
    settings = (f"{n:,} synthetic crimes, seed {args.seed}: {TOWNS} Zipf towns (sigma {SIGMA_MIN / 1000:g}-"
                f"{SIGMA_MAX / 1000:g} km) in {len(REGIONS)} rectangles over England, Wales and Scotland,"
                f" {HOTSPOT_SHARE:.0%} at micro-hotspots, {RURAL_SHARE:.0%} rural; cell {CELL_SIZE:g} m."
                " One qgis_process per step (wall time includes QGIS start-up); peak MB of a step is GNU time's"
                " maximum resident set size, of generate/write this script's own peak so far."
                " The tenth is the first N/10 rows, with a spatial index; gridcrimes ran on it first, and its cells"
                " are the countpointsinpolygon POLYGONS.\n\nFiles: " + "; ".join(notes))
    report(work / "scale.md", env, settings, rows + step_rows, checks, failures)
    return 1 if failures or any(": FAILED" in line for line in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
