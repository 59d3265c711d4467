#!/usr/bin/python3
"""Benchmark the "learn" step: patroldosage and evaluatepatrols against QGIS's comparable sub-steps.

What it measures
----------------
Synthetic data in EPSG:27700, generated here and cached as GeoPackages under
``<out>/learn`` (a 6 km x 6 km square near Southend):

* 100 hotspots: square 150 m cells chosen at random from a 40 x 40 grid, with
  hotspot_id and rank.  The grid's edges sit at x.005 m while every point is
  rounded to 0.01 m, so no point lies on an edge (see the check below).
* GPS trails of N pings (default 10^5 and 10^6): 10 units, one ping every
  30 s, day and night from 28 March 2025 (so the trail crosses the change to
  summer time).  Each unit alternates stays at a hotspot (about 14 minutes,
  GPS noise 25 m, so a few pings fall outside and split a stay) with drives
  of 10 to 60 minutes through a random waypoint to the next hotspot (passing
  through other hotspots on the way).  Times are ISO text with the UTC offset
  of Europe/London ("2025-04-02T14:00:30+01:00").  A plan of visits goes
  with each trail: one per stay, 85 % within 3 minutes of the arrival, 15 % 10-40
  minutes before it (late), plus 10 % planned visits nobody made (missed).
* 10^6 crimes over 2025 (``--crimes``): 25 % inside the hotspots (20 % fewer
  on patrolled days), the rest uniform over the square and a 1 km margin;
  times are local wall-clock ISO text.  The 365-day plan of visits: each
  hotspot patrolled on a random half of the days, 1-3 visits of 15 minutes.

It then runs, alternately (A B A B ...) and ``--repeats`` times each, one
qgis_process per run (wall time and GNU time's peak resident memory, as in
bench_grid_kde.py, whose runner conventions and table this script shares):

* ``hotspotpatrol:patroldosage`` (BUFFER 0, MAX_GAP 5, MIN_MINUTES 5,
  TIMEZONE Europe/London, with PLAN, OUTPUT_COMPLIANCE and OUTPUT_HOTSPOTS)
  against ``native:joinattributesbylocation`` (pings x hotspots, PREDICATE
  intersects, METHOD one-to-one, keeping unmatched pings): the point-in-polygon
  step that is the comparable part of what dosage does.  Dosage does more: it
  parses the times, sorts each unit's pings, finds the stays and checks them
  against the plan, while the join only writes each ping's hotspot_id.
* ``hotspotpatrol:evaluatepatrols`` (RING 150 m by default, START 2025-01-01,
  END 2026-01-01) against ``native:countpointsinpolygon`` (crimes x
  hotspots).  Evaluate does more: times, hotspot-days, the rings, the
  rate-ratio tests and residual deterrence.

The ratio is QGIS / ours of the medians; "excl. start-up" first subtracts the
fixed cost of one qgis_process start (a trivial run, measured first).

Sanity checks (printed, and in the Markdown):

* dosage: one more run of each trail with MIN_MINUTES 0 (untimed).  Every
  ping inside a hotspot then belongs to exactly one stay (a single ping is a
  stay of 0 minutes), so the sum of the stays' ``pings`` per hotspot must
  equal the number of pings QGIS's join gave that hotspot_id, and both must
  equal a numpy reference (cell arithmetic on the generated coordinates).
  With MIN_MINUTES 5 they cannot be equal: stays shorter than 5 minutes
  (drive-throughs) are dropped with their pings.  Equality also needs no ping
  on a cell edge: ours tests a rectangle half-open (as the grid counts),
  QGIS's intersects includes the edge.
* evaluate: the crimes per hotspot summed over OUTPUT_DAYS must equal
  countpointsinpolygon's NUMPOINTS and the numpy reference (every crime falls
  within the evaluation period).

How to run
----------
From the repository root (the plugin folder)::

    /usr/bin/python3 benchmarks/bench_learn.py

Options: ``--sizes N ...`` pings (default 100000 1000000), ``--crimes N``
(default 1000000; 0 skips evaluate), ``--repeats R`` (default 3), ``--out
DIR`` (default benchmarks/output, git-ignored), ``--seed S`` (default 1).
A quick check: ``--sizes 20000 --crimes 50000 --repeats 1``.  The default run
takes about three minutes on two cores, plus about 40 s to write the data the
first time.  Not part of ``make test``.  Requirements as for
bench_grid_kde.py (QGIS 3.22+, numpy, GDAL's Python bindings, GNU time for
peak memory).  The table is printed and written to ``<out>/learn_results.md``.
"""

import datetime
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import ogr, osr

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench_grid_kde as shared  # noqa: E402  (the runner conventions, tables and environment line)

ogr.UseExceptions()

EPSG = 27700
ZONE = "Europe/London"
CELL = 150.0
GRID_SIDE = 40                                   # cells per side of the hotspot grid
ORIGIN = (585000.005, 185000.005)                # cell edges never coincide with 0.01 m coordinates
N_HOTSPOTS = 100
N_UNITS = 10
PING_SECONDS = 30
TRAIL_START = np.datetime64("2025-03-28T00:00:00", "s")
# Europe/London's summer time in 2025, in UTC; the offsets are written into the text times.
BST = (np.datetime64("2025-03-30T01:00:00", "s"), np.datetime64("2025-10-26T01:00:00", "s"))
YEAR = (datetime.date(2025, 1, 1), datetime.date(2026, 1, 1))


# --- synthetic data --------------------------------------------------------------------------

def make_hotspots(rng):
    """Column and row arrays of the 100 hotspot cells in the grid; rank k + 1 is the k-th drawn."""
    cells = rng.choice(GRID_SIDE * GRID_SIDE, N_HOTSPOTS, replace=False)
    return cells % GRID_SIDE, cells // GRID_SIDE


def cell_of(x, y, col, row):
    """Index of the hotspot holding each point (cell arithmetic), -1 in none: the numpy reference."""
    lookup = np.full(GRID_SIDE * GRID_SIDE, -1, dtype=np.int64)
    lookup[row * GRID_SIDE + col] = np.arange(col.size)
    c = np.floor((x - ORIGIN[0]) / CELL).astype(np.int64)
    r = np.floor((y - ORIGIN[1]) / CELL).astype(np.int64)
    inside = (c >= 0) & (c < GRID_SIDE) & (r >= 0) & (r < GRID_SIDE)
    owner = np.full(x.size, -1, dtype=np.int64)
    owner[inside] = lookup[r[inside] * GRID_SIDE + c[inside]]
    return owner


def centres(col, row):
    """(n, 2) array of the cells' centres."""
    return np.column_stack([ORIGIN[0] + (col + 0.5) * CELL, ORIGIN[1] + (row + 0.5) * CELL])


def simulate_unit(rng, n, centre, weight, first_second):
    """One unit's n pings: (x, y, UTC seconds, stays as (hotspot, arrival second)).

    Segments alternate stay, drive, stay, ...; a drive goes from one hotspot
    through a random waypoint to the next.
    """
    k = n // 40 + 10  # stays and drives average about 100 pings together: plenty of segments
    hot = rng.choice(len(centre), k + 1, p=weight)
    stay_len = np.maximum(1, np.round(rng.normal(14.0, 5.0, k) * 2)).astype(np.int64)
    drive_len = rng.integers(20, 121, k)
    lengths = np.column_stack([stay_len, drive_len]).ravel()
    segment = np.repeat(np.arange(2 * k), lengths)[:n]
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    offset = np.arange(segment.size) - starts[segment]
    stay = segment % 2 == 0
    index = segment // 2
    xy = np.empty((segment.size, 2))
    xy[stay] = centre[hot[index[stay]]] + rng.normal(0.0, 25.0, (int(stay.sum()), 2))
    drive = ~stay
    waypoint = ORIGIN + rng.uniform(0.0, GRID_SIDE * CELL, (k, 2))
    frac = (offset[drive] + 1) / (drive_len[index[drive]] + 1)
    first_half = frac < 0.5
    a = np.where(first_half[:, None], centre[hot[index[drive]]], waypoint[index[drive]])
    b = np.where(first_half[:, None], waypoint[index[drive]], centre[hot[index[drive] + 1]])
    t = np.where(first_half, 2 * frac, 2 * frac - 1)[:, None]
    xy[drive] = a + (b - a) * t + rng.normal(0.0, 10.0, (int(drive.sum()), 2))
    seconds = first_second + PING_SECONDS * np.arange(segment.size, dtype=np.int64)
    n_stays = int(segment[-1] // 2 + 1)
    arrivals = first_second + PING_SECONDS * starts[0:2 * n_stays:2]
    return np.round(xy, 2), seconds, (hot[:n_stays], arrivals)


def offset_text(utc_seconds):
    """UTC epoch seconds as Europe/London ISO text with the offset ("...T14:00:30+01:00")."""
    utc = np.asarray(utc_seconds).astype("datetime64[s]")
    summer = (utc >= BST[0]) & (utc < BST[1])
    local = np.datetime_as_string(utc + np.where(summer, 3600, 0).astype("timedelta64[s]"), unit="s")
    return np.char.add(local.astype("U19"), np.where(summer, "+01:00", "+00:00"))


def simulate_trail(n, col, row, seed):
    """(x, y, unit names, time texts, plan rows) for n pings of N_UNITS units."""
    rng = np.random.default_rng(seed)
    centre = centres(col, row)
    weight = 1.0 / np.sqrt(np.arange(1, N_HOTSPOTS + 1))
    weight /= weight.sum()
    start = TRAIL_START.astype(np.int64)
    parts, plan = [], []
    per_unit = np.full(N_UNITS, n // N_UNITS)
    per_unit[:n % N_UNITS] += 1
    for unit, count in enumerate(per_unit):
        xy, seconds, (hot, arrivals) = simulate_unit(rng, int(count), centre, weight, start + 7 * unit)
        parts.append((xy, seconds, np.full(seconds.size, unit)))
        late = rng.random(hot.size) < 0.15
        shift = np.where(late, -rng.uniform(10, 40, hot.size), rng.uniform(-3, 3, hot.size))
        planned = arrivals + np.round(shift * 60).astype(np.int64)
        plan += [(h, unit, p) for h, p in zip(hot.tolist(), planned.tolist())]
    xy = np.concatenate([p[0] for p in parts])
    seconds = np.concatenate([p[1] for p in parts])
    units = np.concatenate([p[2] for p in parts])
    # Visits planned but never made: a tenth more, at random hotspots and times.
    extra = len(plan) // 10
    plan += list(zip(rng.integers(0, N_HOTSPOTS, extra).tolist(), rng.integers(0, N_UNITS, extra).tolist(),
                     rng.integers(seconds.min(), seconds.max(), extra).tolist()))
    return xy[:, 0], xy[:, 1], units, seconds, plan


def simulate_crimes(n, col, row, seed):
    """(x, y, local time texts, visits as (hotspot, start text, end text)) for n crimes over 2025."""
    rng = np.random.default_rng(seed + 1000)
    n_days = (YEAR[1] - YEAR[0]).days
    patrolled = rng.random((N_HOTSPOTS, n_days)) < 0.5
    visits = []
    first = np.datetime64(YEAR[0], "s")
    for h, d in zip(*np.nonzero(patrolled)):
        for minute in np.sort(rng.integers(8 * 60, 23 * 60 + 45, rng.integers(1, 4))):
            start = first + np.timedelta64(int(d) * 86400 + int(minute) * 60, "s")
            visits.append((int(h), str(start), str(start + np.timedelta64(15 * 60, "s"))))

    n_hot = n // 4
    # Hotspot crimes: hotspot-days drawn with 20 % less weight on patrolled days.
    weight = np.where(patrolled, 0.8, 1.0).ravel()
    hotspot_day = rng.choice(weight.size, n_hot, p=weight / weight.sum())
    hot, hot_day = hotspot_day // n_days, hotspot_day % n_days
    corner = np.column_stack([ORIGIN[0] + col[hot] * CELL, ORIGIN[1] + row[hot] * CELL])
    hot_xy = corner + rng.uniform(0.01, CELL - 0.01, (n_hot, 2))
    margin = 1000.0
    other_xy = np.array(ORIGIN) - margin + rng.uniform(0.0, GRID_SIDE * CELL + 2 * margin, (n - n_hot, 2))
    xy = np.round(np.vstack([hot_xy, other_xy]), 2)
    day = np.concatenate([hot_day, rng.integers(0, n_days, n - n_hot)])
    # More crime in the evening: hour of day drawn from a simple profile.
    profile = 1.0 + np.sin((np.arange(24) - 14) / 24 * 2 * np.pi)
    hour = rng.choice(24, n, p=profile / profile.sum())
    second = day * 86400 + hour * 3600 + rng.integers(0, 3600, n)
    texts = np.datetime_as_string(first + second.astype("timedelta64[s]"), unit="s")
    order = rng.permutation(n)
    return xy[order, 0], xy[order, 1], texts[order], visits


def spatial_reference():
    """EPSG:27700 (British National Grid)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    return srs


def write_layer(path, name, geometry_type, fields, rows):
    """Write a GeoPackage layer in one transaction, via a temporary name (never a truncated cache).

    fields: [(name, ogr type)]; rows: iterable of (geometry or None, values).
    """
    tmp = path.with_suffix(".tmp.gpkg")
    if tmp.exists():
        tmp.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp))
    layer = ds.CreateLayer(name, spatial_reference() if geometry_type != ogr.wkbNone else None, geometry_type)
    for field_name, kind in fields:
        layer.CreateField(ogr.FieldDefn(field_name, kind))
    feature = ogr.Feature(layer.GetLayerDefn())
    ds.StartTransaction()
    for geometry, values in rows:
        if geometry is not None:
            feature.SetGeometry(geometry)
        for i, value in enumerate(values):
            feature.SetField(i, value)
        feature.SetFID(-1)
        layer.CreateFeature(feature)
    ds.CommitTransaction()
    ds = None
    tmp.rename(path)


def point_rows(x, y, *columns):
    """Rows for write_layer: one reused point geometry per row (OGR copies it on write)."""
    point = ogr.Geometry(ogr.wkbPoint)
    for values in zip(x.tolist(), y.tolist(), *(c.tolist() for c in columns)):
        point.SetPoint_2D(0, values[0], values[1])
        yield point, values[2:]


def cached(path, writer):
    """Return path, first calling writer(path) unless the file is already there."""
    if path.exists():
        print(f"Using cached {path}")
    else:
        start = time.perf_counter()
        writer(path)
        print(f"Wrote {path} in {time.perf_counter() - start:.1f} s")
    return path


def hotspots_file(col, row, work):
    """The hotspot squares as a GeoPackage with hotspot_id (H001 ...) and rank."""
    def writer(path):
        rows = []
        for k, (c, r) in enumerate(zip(col.tolist(), row.tolist())):
            x0, y0 = ORIGIN[0] + c * CELL, ORIGIN[1] + r * CELL
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for px, py in ((x0, y0), (x0 + CELL, y0), (x0 + CELL, y0 + CELL), (x0, y0 + CELL), (x0, y0)):
                ring.AddPoint_2D(px, py)
            polygon = ogr.Geometry(ogr.wkbPolygon)
            polygon.AddGeometry(ring)
            rows.append((polygon, (f"H{k + 1:03d}", k + 1)))
        write_layer(path, "hotspots", ogr.wkbPolygon, [("hotspot_id", ogr.OFTString), ("rank", ogr.OFTInteger)],
                    rows)
    return cached(work / "hotspots.gpkg", writer)


def trail_files(n, col, row, seed, work):
    """(pings path, plan path, numpy reference pings per hotspot) for n pings."""
    x, y, units, seconds, plan = simulate_trail(n, col, row, seed)
    pings = cached(work / f"pings_n{n}_seed{seed}.gpkg", lambda path: write_layer(
        path, "pings", ogr.wkbPoint, [("unit", ogr.OFTString), ("time", ogr.OFTString)],
        point_rows(x, y, np.char.add("unit ", units.astype("U2")), offset_text(seconds))))
    hot, unit, start = (np.array(c) for c in zip(*plan))
    plan_path = cached(work / f"plan_n{n}_seed{seed}.gpkg", lambda path: write_layer(
        path, "plan", ogr.wkbNone,
        [("hotspot_id", ogr.OFTString), ("unit", ogr.OFTString), ("start", ogr.OFTString), ("end", ogr.OFTString)],
        ((None, (f"H{h + 1:03d}", f"unit {u}", s, e)) for h, u, s, e in zip(
            hot.tolist(), unit.tolist(), offset_text(start).tolist(), offset_text(start + 15 * 60).tolist()))))
    owner = cell_of(x, y, col, row)
    return pings, plan_path, np.bincount(owner[owner >= 0], minlength=N_HOTSPOTS)


def crime_files(n, col, row, seed, work):
    """(crimes path, visits path, numpy reference crimes per hotspot) for n crimes."""
    x, y, texts, visits = simulate_crimes(n, col, row, seed)
    crimes = cached(work / f"crimes_n{n}_seed{seed}.gpkg", lambda path: write_layer(
        path, "crimes", ogr.wkbPoint, [("time", ogr.OFTString)], point_rows(x, y, texts)))
    visits_path = cached(work / f"visits_365d_seed{seed}.gpkg", lambda path: write_layer(
        path, "visits", ogr.wkbNone,
        [("hotspot_id", ogr.OFTString), ("start", ogr.OFTString), ("end", ogr.OFTString)],
        ((None, (f"H{h + 1:03d}", s, e)) for h, s, e in visits)))
    owner = cell_of(x, y, col, row)
    return crimes, visits_path, np.bincount(owner[owner >= 0], minlength=N_HOTSPOTS)


# --- running ---------------------------------------------------------------------------------

def run_qgis(algorithm, params):
    """bench_grid_kde.run_qgis for algorithms with several outputs: every OUTPUT* parameter is a
    file, removed before the run and required after it.  Also keeps the process output ('log')."""
    outputs = [Path(value) for key, value in params.items() if key.startswith("OUTPUT")]
    for output in outputs:
        shared.remove_output(output)
    command = [str(shared.QGIS_PROCESS), "run", algorithm, "--"]
    command += [f"{key}={value}" for key, value in params.items()]
    with tempfile.NamedTemporaryFile(suffix=".time") as time_log:
        if shared.GNU_TIME.exists():
            command = [str(shared.GNU_TIME), "-v", "-o", time_log.name] + command
        start = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        peak_mb = None
        for line in Path(time_log.name).read_text().splitlines():
            if "Maximum resident set size" in line:
                peak_mb = int(line.split(":")[1]) / 1024.0
    ok = proc.returncode == 0 and all(output.exists() for output in outputs)
    return {"ok": ok, "seconds": seconds, "peak_mb": peak_mb, "log": proc.stdout + proc.stderr,
            "error": "" if ok else f"exit code {proc.returncode}\n{proc.stdout}{proc.stderr}"}


class Series(shared.Series):
    """shared.Series with this script's runner (several outputs per algorithm)."""

    runner = staticmethod(run_qgis)


def dosage_params(pings, plan, hotspots, work, min_minutes):
    """patroldosage's parameters, every output requested."""
    return {"PINGS": pings, "UNIT_FIELD": "unit", "TIME": '"time"', "HOTSPOTS": hotspots, "BUFFER": 0,
            "TIMEZONE": ZONE, "MAX_GAP": 5, "MIN_MINUTES": min_minutes, "PLAN": plan,
            "OUTPUT": work / "ours_visits.gpkg", "OUTPUT_COMPLIANCE": work / "ours_compliance.gpkg",
            "OUTPUT_HOTSPOTS": work / "ours_dosage_hotspots.gpkg"}


def benchmark_dosage(n, pings, plan, hotspots, work, repeats):
    """Alternate our patroldosage and QGIS's Join attributes by location; return (ours, qgis) Series."""
    join = {"INPUT": pings, "JOIN": hotspots, "PREDICATE": 0, "JOIN_FIELDS": "hotspot_id", "METHOD": 1,
            "DISCARD_NONMATCHING": "false", "PREFIX": "", "OUTPUT": work / "qgis_join.gpkg"}
    ours = Series(f"ours patroldosage ({n} pings)")
    qgis = Series("QGIS Join attributes by location")
    print(f"N={n} pings: patroldosage vs Join attributes by location")
    for _ in range(repeats):
        ours.run([("hotspotpatrol:patroldosage", dosage_params(pings, plan, hotspots, work, 5))])
        qgis.run([("native:joinattributesbylocation", join)])
    return ours, qgis


def benchmark_evaluate(n, crimes, visits, hotspots, work, repeats):
    """Alternate our evaluatepatrols and QGIS's Count points in polygon; return (ours, qgis) Series."""
    evaluate = {"CRIMES": crimes, "TIME": '"time"', "VISITS": visits, "HOTSPOTS": hotspots,
                "START": YEAR[0].isoformat(), "END": YEAR[1].isoformat(), "TIMEZONE": ZONE,
                "OUTPUT_DAYS": work / "ours_days.gpkg", "OUTPUT_SUMMARY": work / "ours_summary.gpkg",
                "OUTPUT_RESIDUAL": work / "ours_residual.gpkg"}
    count = {"POLYGONS": hotspots, "POINTS": crimes, "FIELD": "NUMPOINTS", "OUTPUT": work / "qgis_counts.gpkg"}
    ours = Series(f"ours evaluatepatrols ({n} crimes)")
    qgis = Series("QGIS Count points in polygon")
    print(f"N={n} crimes: evaluatepatrols vs Count points in polygon")
    for _ in range(repeats):
        ours.run([("hotspotpatrol:evaluatepatrols", evaluate)])
        qgis.run([("native:countpointsinpolygon", count)])
    return ours, qgis


# --- checks ----------------------------------------------------------------------------------

def per_hotspot(path, sql):
    """{hotspot_id: value} from an SQL GROUP BY on the file's first layer ({} if the file is absent)."""
    if not path.exists():
        return {}
    ds = ogr.Open(str(path))
    result = ds.ExecuteSQL(sql.format(layer=ds.GetLayer(0).GetName()))
    values = {feature.GetField(0): int(feature.GetField(1) or 0) for feature in result}
    ds.ReleaseResultSet(result)
    return values


def compare(label, reference, ours, qgis):
    """One line: totals and per-hotspot agreement of ours and QGIS with the numpy reference."""
    expected = {f"H{h + 1:03d}": int(v) for h, v in enumerate(reference) if v}
    agree = ours == expected and qgis == expected
    line = (f"{label}: numpy reference {sum(expected.values())}, ours {sum(ours.values())}, QGIS "
            f"{sum(qgis.values())}; per hotspot {'all equal: PASS' if agree else 'DIFFERENT: FAIL'}")
    if not agree:
        differ = [sum(counts.get(k, 0) != v for k, v in expected.items()) + len(counts.keys() - expected.keys())
                  for counts in (ours, qgis)]
        line += f" (hotspots where ours differs: {differ[0]}, QGIS differs: {differ[1]})"
    return line


def check_dosage(n, pings, plan, hotspots, work, reference):
    """The untimed MIN_MINUTES 0 run, compared with the last join and the numpy reference."""
    result = run_qgis("hotspotpatrol:patroldosage", dosage_params(pings, plan, hotspots, work, 0))
    if not result["ok"]:
        return [f"N={n}: the MIN_MINUTES 0 dosage run failed:\n{shared.indent(result['error'][-2000:])}"]
    ours = per_hotspot(work / "ours_visits.gpkg",
                       'SELECT hotspot_id, SUM(pings) FROM "{layer}" GROUP BY hotspot_id')
    qgis = per_hotspot(work / "qgis_join.gpkg", 'SELECT hotspot_id, COUNT(*) FROM "{layer}" '
                                                 'WHERE hotspot_id IS NOT NULL GROUP BY hotspot_id')
    lines = [compare(f"N={n} pings inside hotspots (sum of stays' pings, MIN_MINUTES 0)", reference, ours, qgis)]
    status = [line for line in result["log"].splitlines() if "Planned visits:" in line]
    if status:
        lines.append(f"N={n} compliance: {status[0].strip()}")
    return lines


def check_evaluate(n, work, reference):
    """Crimes per hotspot from the last evaluate and count runs against the numpy reference."""
    ours = per_hotspot(work / "ours_days.gpkg", 'SELECT hotspot_id, SUM("all") FROM "{layer}" GROUP BY hotspot_id')
    qgis = per_hotspot(work / "qgis_counts.gpkg", 'SELECT hotspot_id, NUMPOINTS FROM "{layer}"')
    ours = {k: v for k, v in ours.items() if v}
    qgis = {k: v for k, v in qgis.items() if v}
    return [compare(f"N={n} crimes inside hotspots (OUTPUT_DAYS 'all' vs NUMPOINTS)", reference, ours, qgis)]


# --- main ------------------------------------------------------------------------------------

def parse_args():
    """Command-line options."""
    parser = shared.comparison_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100000, 1000000],
                        help="numbers of GPS pings (default: 100000 1000000)")
    parser.add_argument("--crimes", type=int, default=1000000,
                        help="number of crimes for evaluatepatrols (default: 1000000; 0 skips it)")
    return parser.parse_args()


def main():
    """Generate the data, run both comparisons and the checks, print and write the report."""
    args = parse_args()
    work = (args.out / "learn").resolve()
    work.mkdir(parents=True, exist_ok=True)
    shared.note_without_gnu_time()
    env = shared.environment()
    print(env)
    col, row = make_hotspots(np.random.default_rng(args.seed))
    hotspots = hotspots_file(col, row, work)
    startup = shared.measure_startup(work, args.repeats)
    rows, checks = [], []
    for n in args.sizes:
        pings, plan, reference = trail_files(n, col, row, args.seed, work)
        rows += shared.table_rows(n, startup, [benchmark_dosage(n, pings, plan, hotspots, work, args.repeats)])
        checks += check_dosage(n, pings, plan, hotspots, work, reference)
    if args.crimes > 0:
        crimes, visits, reference = crime_files(args.crimes, col, row, args.seed, work)
        rows += shared.table_rows(args.crimes, startup,
                                  [benchmark_evaluate(args.crimes, crimes, visits, hotspots, work, args.repeats)])
        checks += check_evaluate(args.crimes, work, reference)

    settings = (f"{args.repeats} runs of each tool, alternated; seed {args.seed}; {N_HOTSPOTS} square hotspots of"
                f" {CELL:g} m; dosage: {N_UNITS} units pinging every {PING_SECONDS} s, BUFFER 0, MAX_GAP 5,"
                f" MIN_MINUTES 5, with PLAN; join: intersects, one-to-one, unmatched kept;"
                f" evaluate: 2025, {ZONE}, RING 150 m. Ours does more than the QGIS step it is compared with"
                f" (stays and compliance; hotspot-days, rings and rate tests)")
    shared.write_report(args.out / "learn_results.md", env, settings, shared.startup_line(startup), rows,
                        [("Checks", checks)])


if __name__ == "__main__":
    sys.exit(main())
