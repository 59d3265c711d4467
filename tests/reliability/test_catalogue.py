"""The bad-input catalogue: every case one test id, run through processing.run.

Each case gives an algorithm bad or awkward input and asserts the outcome: either a
QgsProcessingException whose message names the problem (a key word) and never a traceback of
another kind, or the right result. Where the input is a file (copies of the committed samples, or a
file written here), its sha256 must be unchanged afterwards: inputs are never modified.

The cases of item 1 of "No silent wrong answers" (bounds on work) are in test_bounds.py.
"""

import datetime
import hashlib
import re
import shutil
import zipfile
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pytest
from helpers import _TYPES, SAMPLE_DATA, point_layer
from osgeo import gdal
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
    QgsVectorLayer,
)

BNG = "EPSG:27700"
X0, Y0 = 590000.0, 180000.0  # Southend-on-Sea in the British National Grid


# --- inputs -------------------------------------------------------------------------------------

def places(n=60, seed=1, spread=1500.0):
    """``n`` fixed points scattered over a ``spread`` metre square in the British National Grid."""
    xy = np.random.default_rng(seed).uniform(0, spread, (n, 2)) + (X0, Y0)
    return [tuple(p) for p in xy.tolist()]


def minute_times(n, first=datetime.datetime(2024, 1, 1, 8, 0), step=datetime.timedelta(hours=22, minutes=13)):
    return [(first + k * step).strftime("%Y-%m-%d %H:%M") for k in range(n)]


def crimes(n=60, times=None, weights=None, kinds=None, points=None, crs=BNG):
    """Crimes with the fields occurred (text), w (double), kind (text) and label (text)."""
    points = places(n) if points is None else points
    n = len(points)
    times = minute_times(n) if times is None else times
    weights = [1.0] * n if weights is None else weights
    kinds = ["Robbery"] * n if kinds is None else kinds
    return point_layer(points, crs=crs, fields=(("occurred", "text"), ("w", "double"), ("kind", "text"),
                                                ("label", "text")),
                       rows=[(t, w, k, f"crime {i}") for i, (t, w, k) in enumerate(zip(times, weights, kinds))])


def empty_points():
    return crimes(points=[])


def null_geometries():
    return crimes(points=[None] * 5)


def line_layer():
    layer = QgsVectorLayer(f"LineString?crs={BNG}&field=occurred:string&field=w:double", "lines", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(X0, Y0), QgsPointXY(X0 + 100, Y0 + 100)]))
    feature.setAttributes(["2024-01-01 10:00", 1.0])
    layer.dataProvider().addFeatures([feature])
    return layer


def polygons(squares, fields=(("hotspot_id", "text"), ("rank", "int"), ("score", "double"), ("name", "text"),
                              ("count", "int")), crs=BNG):
    """A polygon layer: ``squares`` lists (QgsRectangle or None, attribute values)."""
    layer = QgsVectorLayer(f"Polygon?crs={crs}", "polygons", "memory")
    layer.dataProvider().addAttributes([QgsField(name, _TYPES["int" if kind == "int" else kind])
                                        for name, kind in fields])
    layer.updateFields()
    features = []
    for rectangle, values in squares:
        feature = QgsFeature(layer.fields())
        if rectangle is not None:
            feature.setGeometry(QgsGeometry.fromRect(rectangle))
        feature.setAttributes(list(values))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def square(col, row, size=150.0):
    return QgsRectangle(X0 + col * size, Y0 + row * size, X0 + (col + 1) * size, Y0 + (row + 1) * size)


def hotspots(n=3, hotspot_ids=None):
    ids = hotspot_ids or [str(k + 1) for k in range(n)]
    return polygons([(square(2 * k, 2 * k), (ids[k], k + 1, float(10 - k), f"cell {k}", 10 - k))
                     for k in range(len(ids))])


def hotspot_map():
    """Nine cells scored 9 … 1 over the crimes' area, for mapaccuracy."""
    return polygons([(square(c, r, 500.0), (str(3 * r + c), 3 * r + c + 1, float(9 - 3 * r - c),
                                            f"{9 - 3 * r - c}", 3)) for r in range(3) for c in range(3)])


def write_text(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def copy_sample(tmp_path, name):
    """A copy of a committed sample in tmp_path (the case's sha256 check covers it)."""
    path = tmp_path / name
    if not path.exists():
        shutil.copy(SAMPLE_DATA / name, path)
    return str(path)


def police_zip(tmp_path, rows, name="2018-05/2018-05-essex-street.csv"):
    header = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
              "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"]
    path = tmp_path / "police.zip"
    with zipfile.ZipFile(path, "w") as archive:
        lines = [",".join(header)] + [",".join(row) for row in rows]
        archive.writestr(name, "\n".join(lines) + "\n")
    return str(path)


def visits_table(rows):
    """(hotspot_id, start, end) as text, no geometry."""
    return point_layer([None] * len(rows), geometry="None", rows=rows,
                       fields=(("hotspot_id", "text"), ("start", "text"), ("end", "text")))


def evaluation_parameters(tmp_path, kinds=None, hotspot_ids=("1", "2", "3"), **extra):
    """Crimes in and around three hotspots over 10 days of May 2024, one visit a day to hotspot 1."""
    points, times, kind_list = [], [], []
    for day in range(10):
        for k in range(3):
            points.append((X0 + 2 * k * 150 + 75, Y0 + 2 * k * 150 + 75))
            times.append(f"2024-05-{6 + day:02d} {10 + k}:30")
            kind_list.append((kinds or ["Robbery", "Shoplifting", "Burglary"])[k])
    visits = [(hotspot_ids[0], f"2024-05-{6 + d:02d} 12:00", f"2024-05-{6 + d:02d} 12:15") for d in range(0, 10, 2)]
    return {"CRIMES": crimes(points=points, times=times, kinds=kind_list), "TIME": "occurred",
            "VISITS": visits_table(visits), "HOTSPOTS": hotspots(hotspot_ids=list(hotspot_ids)),
            "START": "2024-05-06", "END": "2024-05-16", "TIMEZONE": "Europe/London",
            "OUTPUT_DAYS": "memory:", "OUTPUT_SUMMARY": "memory:", "OUTPUT_RESIDUAL": "memory:",
            "OUTPUT_REPORT": str(tmp_path / "report.html"), **extra}


def gps_pings(unit_field="unit"):
    start = datetime.datetime(2024, 7, 15, 10, 0)
    rows = [("A", (start + datetime.timedelta(minutes=2 * k)).strftime("%Y-%m-%dT%H:%M:%S")) for k in range(12)]
    return point_layer([(X0 + 75, Y0 + 75)] * len(rows), fields=((unit_field, "text"), ("occurred", "text")),
                       rows=rows)


# --- outcomes -----------------------------------------------------------------------------------

class Log(QgsProcessingFeedback):
    """Feedback that keeps the warnings, errors and messages."""

    def __init__(self):
        super().__init__()
        self.warnings, self.infos = [], []

    def pushWarning(self, warning):
        self.warnings.append(warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):
        self.warnings.append(error)
        super().reportError(error, fatalError)

    def pushInfo(self, info):
        self.infos.append(info)
        super().pushInfo(info)

    def text(self):
        return "\n".join(self.warnings + self.infos)


@dataclass
class Case:
    """``expect``: a regular expression the QgsProcessingException must match, or a function
    ``check(result, log, tmp_path)`` of a run that must succeed."""

    case_id: str
    algorithm: str
    parameters: Callable
    expect: object
    xfail: str = ""


CASES = []


def case(case_id, algorithm, parameters, expect, xfail=""):
    CASES.append(Case(case_id, f"hotspotpatrol:{algorithm}", parameters, expect, xfail))


def features(layer):
    return list(layer.getFeatures())


def grid_result(expected_cells=None, counted=None):
    def check(result, log, tmp_path):
        if expected_cells is not None:
            assert result["CELLS"] == expected_cells
        if counted is not None:
            assert result["CRIMES_COUNTED"] == counted
    return check


GRID = {"OUTPUT": "memory:"}


def grid(**parameters):
    return lambda tmp: {"INPUT": crimes(), **GRID, **parameters}


# --- gridcrimes ----------------------------------------------------------------------------------

case("grid-empty-layer", "gridcrimes", lambda tmp: {"INPUT": empty_points(), **GRID}, r"no points")
case("grid-only-null-geometries", "gridcrimes", lambda tmp: {"INPUT": null_geometries(), **GRID},
     r"no points.*5 features read")
case("grid-line-layer", "gridcrimes", lambda tmp: {"INPUT": line_layer(), **GRID}, r"INPUT|point layer")
case("grid-polygon-layer", "gridcrimes", lambda tmp: {"INPUT": hotspots(), **GRID}, r"INPUT|point layer")
case("grid-cell-size-zero", "gridcrimes", grid(CELL_SIZE=0), r"CELL_SIZE must be more than 0")
case("grid-cell-size-negative", "gridcrimes", grid(CELL_SIZE=-150), r"CELL_SIZE")
case("grid-cell-size-nan", "gridcrimes", grid(CELL_SIZE=float("nan")), r"CELL_SIZE.*nan")
case("grid-cell-size-below-precision", "gridcrimes", grid(CELL_SIZE=1e-9),
     r"CELL_SIZE: Cells of 1e-09 m are too small")
case("grid-hexagon-below-precision", "gridcrimes", grid(CELL_SIZE=1e-6, SHAPE=1),
     r"CELL_SIZE: Cells of 1e-06 m are too small")
case("grid-weight-text-field", "gridcrimes", grid(WEIGHT_FIELD="label"), r"'label' is not numeric")
case("grid-weight-missing-field", "gridcrimes", grid(WEIGHT_FIELD="harm"), r"'harm' is not in the layer")
case("grid-weight-negative", "gridcrimes",
     lambda tmp: {"INPUT": crimes(weights=[1.0] * 50 + [-20.0] * 10), "WEIGHT_FIELD": "w", **GRID},
     r"10 crimes have a negative weight.*-20")
case("grid-weight-all-null", "gridcrimes",
     lambda tmp: {"INPUT": crimes(weights=[None] * 60), "WEIGHT_FIELD": "w", **GRID},
     r"(?i)no crimes.*null weight")
case("grid-start-after-end", "gridcrimes",
     grid(TIME="occurred", START="2024-03-01T00:00:00", END="2024-02-01T00:00:00"), r"START .* is not before END")
case("grid-start-equals-end", "gridcrimes",
     grid(TIME="occurred", START="2024-03-01T00:00:00", END="2024-03-01T00:00:00"), r"START .* is not before END")
case("grid-start-without-time", "gridcrimes", grid(START="2024-03-01T00:00:00"), r"there is no TIME")
case("grid-time-syntax-error", "gridcrimes", grid(TIME="to_datetime(\"occurred\""),
     r"TIME .* is not a valid expression")
case("grid-time-keyword-field", "gridcrimes", grid(TIME="when", START="2024-01-01T00:00:00"),
     r"TIME 'when' is not a valid expression.*double quotes")
case("grid-time-missing-field", "gridcrimes", grid(TIME="\"nope\"", START="2024-01-01T00:00:00"),
     r"TIME refers to the field 'nope', which INPUT does not have")
case("grid-time-end-without-time", "gridcrimes", grid(TIME_END="occurred"), r"TIME_END is set but TIME is not")
case("grid-no-crime-in-period", "gridcrimes",
     grid(TIME="occurred", START="2030-01-01T00:00:00", END="2031-01-01T00:00:00"),
     r"No crimes are left to count \(60 skipped: 60 outside START/END\)")
case("grid-all-times-unreadable", "gridcrimes",
     lambda tmp: {"INPUT": crimes(times=["soon"] * 60), "TIME": "occurred", "START": "2024-01-01T00:00:00", **GRID},
     r"(?i)no crimes.*(time|period)")
case("grid-target-crs-geographic", "gridcrimes", grid(TARGET_CRS="EPSG:4326"), r"does not measure in metres")
case("grid-keep-empty-too-many-cells", "gridcrimes",
     lambda tmp: {"INPUT": crimes(points=[(X0, Y0), (X0 + 500000, Y0 + 500000)]), "CELL_SIZE": 1.0,
                  "KEEP_EMPTY": True, **GRID}, r"CELL_SIZE: The grid would need .* cells of 1 m; the limit")
case("grid-multipoint-parts-each-count", "gridcrimes",
     lambda tmp: {"INPUT": point_layer([[(X0 + 10, Y0 + 10), (X0 + 20, Y0 + 20)], (X0 + 400, Y0 + 10)],
                                       geometry="MultiPoint"), **GRID},
     grid_result(expected_cells=2, counted=3))
case("grid-month-data-day-start", "gridcrimes",
     lambda tmp: {"INPUT": copy_sample(tmp, "southend_street_crime_2018.gpkg"), "TIME": "month",
                  "START": "2018-03-15T00:00:00", **GRID}, r"START is .*known only to the month")
case("grid-sample-below-precision", "gridcrimes",
     lambda tmp: {"INPUT": copy_sample(tmp, "southend_street_crime_2018.gpkg"), "CELL_SIZE": 1e-9, **GRID},
     r"CELL_SIZE: Cells of 1e-09 m are too small")


# --- kerneldensity --------------------------------------------------------------------------------

def density(**parameters):
    return lambda tmp: {"INPUT": crimes(), "OUTPUT": str(tmp / "density.tif"), **parameters}


def raster_check(minimum_below_zero=False, counted=None, driver="GTiff"):
    def check(result, log, tmp_path):
        dataset = gdal.Open(result["OUTPUT"])
        band = dataset.GetRasterBand(1)
        values = band.ReadAsArray().astype(float)
        values = values[values != band.GetNoDataValue()]
        assert dataset.GetDriver().ShortName == driver and values.size and np.isfinite(values).all()
        if minimum_below_zero:
            assert values.min() < 0
        if counted is not None:
            assert result["CRIMES_COUNTED"] == counted
    return check


case("kde-empty-layer", "kerneldensity", lambda tmp: {"INPUT": empty_points(), "OUTPUT": str(tmp / "d.tif")},
     r"no points")
case("kde-only-null-geometries", "kerneldensity",
     lambda tmp: {"INPUT": null_geometries(), "OUTPUT": str(tmp / "d.tif")}, r"no points")
case("kde-polygon-layer", "kerneldensity", lambda tmp: {"INPUT": hotspots(), "OUTPUT": str(tmp / "d.tif")},
     r"INPUT|point layer")
case("kde-radius-zero", "kerneldensity", density(RADIUS=0), r"RADIUS must be more than 0")
case("kde-radius-negative", "kerneldensity", density(RADIUS=-5), r"RADIUS")
case("kde-radius-nan", "kerneldensity", density(RADIUS=float("nan")), r"RADIUS must be more than 0.*nan")
case("kde-pixel-size-zero", "kerneldensity", density(PIXEL_SIZE=0), r"PIXEL_SIZE must be more than 0")
case("kde-pixel-size-nan", "kerneldensity", density(PIXEL_SIZE=float("nan")), r"(?i)pixel.*nan")
case("kde-pixel-size-below-precision", "kerneldensity",
     lambda tmp: {"INPUT": crimes(points=[(X0, Y0)]), "PIXEL_SIZE": 1e-9, "RADIUS": 1e-6,
                  "OUTPUT": str(tmp / "d.tif")},
     r"PIXEL_SIZE: Pixels of 1e-09 m are too small")
case("kde-too-many-pixels", "kerneldensity", density(PIXEL_SIZE=0.05), r"limit is about 100 million")
case("kde-output-docx", "kerneldensity", density(OUTPUT="{tmp}/density.docx"), r"\.docx.*not a raster format")
case("kde-output-csv", "kerneldensity", density(OUTPUT="{tmp}/density.csv"), r"\.csv.*not a raster format")
case("kde-output-png-cannot-hold-floats", "kerneldensity", density(OUTPUT="{tmp}/density.png"),
     r"\(\.png\) cannot hold .* Use \.tif")
case("kde-output-ascii-grid", "kerneldensity", density(OUTPUT="{tmp}/density.asc"),
     raster_check(counted=60, driver="AAIGrid"))
case("kde-output-no-extension", "kerneldensity", density(OUTPUT="{tmp}/density."), r"has no extension")
case("kde-radius-field-zero", "kerneldensity",
     lambda tmp: {"INPUT": crimes(weights=[0.0] + [100.0] * 59), "RADIUS_FIELD": "w",
                  "OUTPUT": str(tmp / "d.tif")}, r"radius field 'w' has values of 0 or less")
case("kde-radius-field-text", "kerneldensity",
     lambda tmp: {"INPUT": crimes(), "RADIUS_FIELD": "label", "OUTPUT": str(tmp / "d.tif")}, r"not numeric")
case("kde-weight-text", "kerneldensity",
     lambda tmp: {"INPUT": crimes(), "WEIGHT_FIELD": "kind", "OUTPUT": str(tmp / "d.tif")}, r"not numeric")
case("kde-negative-weights-allowed", "kerneldensity",
     lambda tmp: {"INPUT": crimes(weights=[-1.0] * 60), "WEIGHT_FIELD": "w", "OUTPUT": str(tmp / "d.tif")},
     raster_check(minimum_below_zero=True, counted=60))
case("kde-decay-nan", "kerneldensity", density(KERNEL=1, DECAY=float("nan")), r"(?i)decay")
case("kde-start-after-end", "kerneldensity",
     density(TIME="occurred", START="2024-03-01T00:00:00", END="2024-02-01T00:00:00"), r"is not before END")
case("kde-sample-copy", "kerneldensity",
     lambda tmp: {"INPUT": copy_sample(tmp, "southend_street_crime_2018.gpkg"), "PIXEL_SIZE": 50,
                  "OUTPUT": str(tmp / "d.tif")}, raster_check(counted=14885))


# --- rankhotspots ---------------------------------------------------------------------------------

def rank(**parameters):
    return lambda tmp: {"INPUT": crimes(), "OUTPUT": "memory:", **parameters}


HARM_HEADER = "category,weight\n"


def harm_file(tmp, text):
    return write_text(tmp, "harm.csv", HARM_HEADER + text)


def rank_with_harm(text, **parameters):
    return lambda tmp: {"INPUT": crimes(kinds=["Robbery", "Burglary"] * 30), "CATEGORY_FIELD": "kind",
                        "HARM_WEIGHTS": harm_file(tmp, text), "RANK_BY": 1, "OUTPUT": "memory:", **parameters}


def hotspots_chosen(n, crime_share=None, warned=None):
    """``n`` hotspots (None: as many as the warning 'Only N cells qualify' says)."""
    def check(result, log, tmp_path):
        expected = n
        if expected is None:
            expected = int(re.search(r"Only (\d+) cells qualify", log.text()).group(1))
            assert expected > 20
        assert result["HOTSPOTS"] == expected == len(features(result["OUTPUT"]))
        if crime_share is not None:
            assert result["CRIME_SHARE"] == pytest.approx(crime_share)
        if warned:
            assert re.search(warned, log.text()), log.text()
    return check


case("rank-empty-layer", "rankhotspots", lambda tmp: {"INPUT": empty_points(), "OUTPUT": "memory:"}, r"no points")
case("rank-only-null-geometries", "rankhotspots", lambda tmp: {"INPUT": null_geometries(), "OUTPUT": "memory:"},
     r"no points")
case("rank-top-n-zero", "rankhotspots", rank(TOP_N=0), r"TOP_N")
case("rank-top-n-huge", "rankhotspots", rank(TOP_N=10_000_000), hotspots_chosen(None, 1.0))
case("rank-weight-negative", "rankhotspots",
     lambda tmp: {"INPUT": crimes(weights=[5.0] * 59 + [-400.0]), "WEIGHT_FIELD": "w", "RANK_BY": 1,
                  "OUTPUT": "memory:"}, r"1 crimes have a negative weight.*-400")
case("rank-weight-text", "rankhotspots", rank(WEIGHT_FIELD="label"), r"not numeric")
case("rank-harm-negative", "rankhotspots", rank_with_harm("Robbery,10\nBurglary,-3\n"),
     r"(?i)harm table.*Burglary.*-3.*negative")
case("rank-harm-nan", "rankhotspots", rank_with_harm("Robbery,10\nBurglary,nan\n"), r"(?i)harm table.*nan")
case("rank-harm-infinite", "rankhotspots", rank_with_harm("Robbery,10\nBurglary,inf\n"), r"(?i)harm table.*inf")
case("rank-harm-not-a-number", "rankhotspots", rank_with_harm("Robbery,10\nBurglary,lots\n"),
     r"row 3: 'lots' is not a number")
case("rank-harm-no-header", "rankhotspots",
     lambda tmp: {"INPUT": crimes(), "CATEGORY_FIELD": "kind", "RANK_BY": 1, "OUTPUT": "memory:",
                  "HARM_WEIGHTS": write_text(tmp, "harm.csv", "Robbery,10\n")}, r"columns 'category' and 'weight'")
case("rank-harm-missing-file", "rankhotspots",
     lambda tmp: {"INPUT": crimes(), "CATEGORY_FIELD": "kind", "RANK_BY": 1, "OUTPUT": "memory:",
                  "HARM_WEIGHTS": str(tmp / "absent.csv")}, r"(?i)harm|HARM_WEIGHTS")
case("rank-harm-every-category-unknown", "rankhotspots", rank_with_harm("Arson,10\n"), r"No crimes are left")
case("rank-harm-without-category", "rankhotspots",
     lambda tmp: {"INPUT": crimes(), "HARM_WEIGHTS": harm_file(tmp, "Robbery,1\n"), "OUTPUT": "memory:"},
     r"CATEGORY_FIELD and HARM_WEIGHTS go together")
case("rank-weight-and-category", "rankhotspots",
     lambda tmp: {"INPUT": crimes(), "WEIGHT_FIELD": "w", "CATEGORY_FIELD": "kind",
                  "HARM_WEIGHTS": harm_file(tmp, "Robbery,1\n"), "OUTPUT": "memory:"}, r"not both")
case("rank-by-weight-without-weight", "rankhotspots", rank(RANK_BY=1), r"RANK_BY weight needs")
case("rank-min-count-unreachable", "rankhotspots", rank(MIN_COUNT=1000), hotspots_chosen(0, 0.0, r"Only 0 cells"))
case("rank-exclude-everything", "rankhotspots",
     lambda tmp: {"INPUT": crimes(), "EXCLUDE": polygons([(QgsRectangle(X0 - 1e4, Y0 - 1e4, X0 + 1e4, Y0 + 1e4),
                                                           ("x", 1, 1.0, "", 1))]), "OUTPUT": "memory:"},
     hotspots_chosen(0, 0.0, r"Only 0 cells"))
case("rank-separation-huge", "rankhotspots", rank(SEPARATION=1e7), hotspots_chosen(1))
case("rank-radius-zero-for-kde", "rankhotspots", rank(RADIUS=0, RANK_BY=2), r"RADIUS .* must be more than 0")
case("rank-cell-size-below-precision", "rankhotspots", rank(CELL_SIZE=1e-9),
     r"CELL_SIZE: The grid would need .* cells of 1e-09 m; the limit is about 100 million")
case("rank-cell-size-below-floor", "rankhotspots",
     lambda tmp: {"INPUT": crimes(points=[(X0, Y0), (X0 + 0.5, Y0)]), "CELL_SIZE": 0.001, "OUTPUT": "memory:"},
     r"CELL_SIZE: Cells of 0.001 m are too small")
case("rank-gi-distance-below-cell-by-gi", "rankhotspots", rank(DISTANCE=1.0, RANK_BY=3),
     r"no cell has a neighbour within DISTANCE 1 m")
case("rank-gi-distance-below-cell-warns", "rankhotspots", rank(DISTANCE=1.0),
     hotspots_chosen(20, warned=r"cells have no neighbour within the Gi\* DISTANCE 1 m"))
case("rank-gi-distance-huge", "rankhotspots", rank(DISTANCE=1e9, RANK_BY=3),
     r"no cell has one: DISTANCE 1e\+09 m makes every cell a neighbour of every other")
case("rank-gi-distance-huge-by-count", "rankhotspots", rank(DISTANCE=1e9), hotspots_chosen(20))
case("rank-sample-harm-copies", "rankhotspots",
     lambda tmp: {"INPUT": copy_sample(tmp, "southend_street_crime_2018.gpkg"), "CATEGORY_FIELD": "crime_type",
                  "HARM_WEIGHTS": copy_sample(tmp, "harm_weights_police_uk.csv"), "RANK_BY": 1, "TOP_N": 5,
                  "OUTPUT": "memory:"}, hotspots_chosen(5))


# --- far outliers (issue 13): named, and never blowing up a run -------------------------------------

def with_far_outliers():
    """1,000 crimes over 3 km and three records 450 km away, as data.police.uk publishes a few."""
    return crimes(points=places(1000, spread=3000.0) + [(X0 - 400_000.0, Y0 - 200_000.0)] * 3)


def same_rank_as_without_outliers(result, log, tmp_path):
    import processing
    clean = processing.run("hotspotpatrol:rankhotspots", {"INPUT": crimes(points=places(1000, spread=3000.0)),
                                                         "OUTPUT": "memory:"})
    ids = [[f["cell_id"] for f in layer.getFeatures()] for layer in (result["OUTPUT"], clean["OUTPUT"])]
    assert ids[0] == ids[1]
    assert result["AREA_SHARE"] == pytest.approx(clean["AREA_SHARE"], rel=0.01)
    assert re.search(r"3 of 1,003 crimes lie .* km outside", log.text())


case("grid-keep-empty-far-outliers", "gridcrimes",
     lambda tmp: {"INPUT": with_far_outliers(), "KEEP_EMPTY": True, **GRID}, r"3 of 1,003 crimes .*EXTENT")
case("grid-extent-without-area", "gridcrimes", grid(EXTENT=f"{X0},{X0},{Y0},{Y0 + 100} [{BNG}]"),
     r"EXTENT .* is not a rectangle with an area")
case("density-far-outliers", "kerneldensity", lambda tmp: {"INPUT": with_far_outliers(),
                                                           "OUTPUT": str(tmp / "density.tif")},
     r"3 of 1,003 crimes .*pixels of 10 m.*EXTENT")
case("rank-far-outliers", "rankhotspots", lambda tmp: {"INPUT": with_far_outliers(), "OUTPUT": "memory:"},
     same_rank_as_without_outliers)
case("rank-study-area-without-polygons", "rankhotspots", rank(STUDY_AREA=polygons([(None, ("1", 1, 1.0, "", 1))])),
     r"STUDY_AREA has no polygon")


# --- getisord -------------------------------------------------------------------------------------

def valued_points(n=40, values=None):
    values = values if values is not None else [float(v % 7) for v in range(n)]
    return point_layer(places(n), fields=(("y", "double"), ("name", "text")),
                       rows=[(v, f"p{i}") for i, v in enumerate(values)])


def hot_spots(hot=None, cold=None, warned=None, distance=None):
    def check(result, log, tmp_path):
        if hot is not None:
            assert result["HOT_SPOTS"] == hot
        if cold is not None:
            assert result["COLD_SPOTS"] == cold
        if distance is not None:
            assert result["DISTANCE"] == pytest.approx(distance)
        if warned:
            assert re.search(warned, log.text()), log.text()
    return check


case("gi-empty-layer", "getisord", lambda tmp: {"INPUT": valued_points(0), "FIELD": "y", "OUTPUT": "memory:"},
     r"at least two features")
case("gi-one-feature", "getisord", lambda tmp: {"INPUT": valued_points(1), "FIELD": "y", "OUTPUT": "memory:"},
     r"at least two features.*has 1")
case("gi-only-null-geometries", "getisord",
     lambda tmp: {"INPUT": point_layer([None] * 4, fields=(("y", "double"),), rows=[(1.0,)] * 4), "FIELD": "y",
                  "OUTPUT": "memory:"}, r"at least two features")
case("gi-text-field", "getisord", lambda tmp: {"INPUT": valued_points(), "FIELD": "name", "OUTPUT": "memory:"},
     r"'name' of INPUT is not numeric")
case("gi-missing-field", "getisord", lambda tmp: {"INPUT": valued_points(), "FIELD": "z", "OUTPUT": "memory:"},
     r"FIELD|'z'")
case("gi-line-layer-one-centroid", "getisord",
     lambda tmp: {"INPUT": line_layer(), "FIELD": "w", "OUTPUT": "memory:"}, r"at least two features.*has 1")
case("gi-constant-values", "getisord",
     lambda tmp: {"INPUT": valued_points(values=[3.0] * 40), "FIELD": "y", "OUTPUT": "memory:"},
     hot_spots(hot=0, cold=0))
case("gi-all-values-null", "getisord",
     lambda tmp: {"INPUT": valued_points(values=[None] * 40), "FIELD": "y", "OUTPUT": "memory:"},
     r"at least two features .* has 0")
case("gi-distance-nan", "getisord",
     lambda tmp: {"INPUT": valued_points(), "FIELD": "y", "DISTANCE": float("nan"), "OUTPUT": "memory:"},
     r"(?i)distance.*nan")
case("gi-distance-negative", "getisord",
     lambda tmp: {"INPUT": valued_points(), "FIELD": "y", "DISTANCE": -10, "OUTPUT": "memory:"}, r"DISTANCE")
case("gi-distance-covers-everything", "getisord",
     lambda tmp: {"INPUT": valued_points(), "FIELD": "y", "DISTANCE": 1e9, "OUTPUT": "memory:"},
     hot_spots(hot=0, cold=0, warned=r"No feature could be scored"))
case("gi-all-at-one-place", "getisord",
     lambda tmp: {"INPUT": point_layer([(X0, Y0)] * 5, fields=(("y", "double"),), rows=[(float(v),) for v in range(5)]),
                  "FIELD": "y", "OUTPUT": "memory:"}, hot_spots(hot=0, cold=0))
case("gi-distance-no-neighbour-on-grid", "getisord",
     lambda tmp: {"INPUT": "{grid}", "FIELD": "count", "DISTANCE": 0.001, "OUTPUT": "memory:"},
     hot_spots(hot=0, cold=0, warned=r"\d+ of \d+ features have no neighbour within DISTANCE 0.001"))


# --- emerginghotspots -----------------------------------------------------------------------------

def weekly(n=90, **overrides):
    """Crimes at 9 cells over 10 weeks."""
    points = [(X0 + (k % 3) * 150 + 75, Y0 + ((k // 3) % 3) * 150 + 75) for k in range(n)]
    times = [(datetime.datetime(2024, 1, 1, 12) + datetime.timedelta(days=(k * 7) % 70, hours=k % 5)).strftime(
        "%Y-%m-%d %H:%M") for k in range(n)]
    return crimes(points=points, times=overrides.get("times", times))


def emerging(**parameters):
    return lambda tmp: {"INPUT": weekly(), "TIME": "occurred", "OUTPUT": "memory:", **parameters}


def emerging_result(steps, warned=None):
    def check(result, log, tmp_path):
        assert result["STEPS"] == steps
        cells = features(result["OUTPUT"])
        assert sum(f["count"] for f in cells) == 90
        if warned:
            assert re.search(warned, log.text()), log.text()
    return check


case("emerging-no-time", "emerginghotspots", lambda tmp: {"INPUT": weekly(), "OUTPUT": "memory:"}, r"TIME")
case("emerging-empty-layer", "emerginghotspots",
     lambda tmp: {"INPUT": empty_points(), "TIME": "occurred", "OUTPUT": "memory:"}, r"no points")
case("emerging-one-step", "emerginghotspots", emerging(STEP=2, END="2024-02-01T00:00:00",
                                                       START="2024-01-01T00:00:00"),
     r"at least two time steps")
case("emerging-start-after-end", "emerginghotspots",
     emerging(START="2024-03-01T00:00:00", END="2024-01-01T00:00:00"), r"is not before END")
case("emerging-day-step-on-months", "emerginghotspots",
     lambda tmp: {"INPUT": copy_sample(tmp, "southend_street_crime_2018.gpkg"), "TIME": "month", "STEP": 0,
                  "OUTPUT": "memory:"}, r"STEP is day.*known only to the month")
case("emerging-cell-size-below-precision", "emerginghotspots", emerging(CELL_SIZE=1e-9),
     r"CELL_SIZE: Cells of 1e-09 m are too small")
case("emerging-no-readable-time", "emerginghotspots",
     lambda tmp: {"INPUT": weekly(times=["someday"] * 90), "TIME": "occurred", "OUTPUT": "memory:"},
     r"(?i)no crimes.*readable time|unreadable")
case("emerging-time-window-huge", "emerginghotspots", emerging(TIME_WINDOW=1_000_000), emerging_result(10))
case("emerging-distance-nan", "emerginghotspots", emerging(DISTANCE=float("nan")), r"DISTANCE.*nan")
case("emerging-distance-below-cell", "emerginghotspots", emerging(DISTANCE=10),
     emerging_result(10, warned=r"no neighbour"))


# --- mapaccuracy ----------------------------------------------------------------------------------

def accuracy(**parameters):
    return lambda tmp: {"HOTSPOTS": hotspot_map(), "SCORE_FIELD": "score", "CRIMES": crimes(), "OUTPUT": "memory:",
                        **parameters}


def accuracy_rows(n, warned=None):
    def check(result, log, tmp_path):
        rows = features(result["OUTPUT"])
        assert len(rows) == n
        assert all(np.isfinite(r["pai"]) for r in rows)
        if warned:
            assert re.search(warned, log.text()), log.text()
        assert rows[-1]["hit_rate"] == pytest.approx(1.0) and rows[-1]["area_share"] == pytest.approx(1.0)
    return check


case("pai-text-score", "mapaccuracy", accuracy(SCORE_FIELD="name"), r"SCORE_FIELD 'name' is a text field")
case("pai-missing-score", "mapaccuracy", accuracy(SCORE_FIELD="nope"), r"SCORE_FIELD|'nope'")
case("pai-text-predicted", "mapaccuracy", accuracy(PREDICTED_FIELD="name"),
     r"PREDICTED_FIELD 'name' is a text field")
case("pai-empty-hotspots", "mapaccuracy", accuracy(HOTSPOTS=polygons([])), r"No hotspot polygon")
case("pai-null-scores", "mapaccuracy",
     accuracy(HOTSPOTS=polygons([(square(0, 0), ("1", 1, None, "", 1))])), r"No hotspot polygon .* value in 'score'")
case("pai-empty-crimes", "mapaccuracy", accuracy(CRIMES=empty_points()), r"no points")
case("pai-no-crime-in-area", "mapaccuracy",
     accuracy(CRIMES=crimes(points=[(X0 - 50000, Y0 - 50000)] * 3)), r"no crimes in the study area")
case("pai-empty-study-area", "mapaccuracy", accuracy(STUDY_AREA=polygons([])), r"STUDY_AREA")
case("pai-zero-area-polygon", "mapaccuracy",
     accuracy(HOTSPOTS=polygons([(QgsRectangle(X0, Y0, X0, Y0 + 500), ("0", 1, 9.0, "", 1))]
                                + [(square(c, r, 500.0), (str(3 * r + c), 1, float(8 - 3 * r - c), "", 3))
                                   for r in range(3) for c in range(3)])), accuracy_rows(9, warned=r"1 .*no area"))
case("pai-start-after-end", "mapaccuracy",
     accuracy(TIME="occurred", START="2024-03-01T00:00:00", END="2024-02-01T00:00:00"), r"is not before END")
case("pai-points-as-hotspots", "mapaccuracy", accuracy(HOTSPOTS=crimes()), r"HOTSPOTS")
case("pai-right-result", "mapaccuracy", accuracy(), accuracy_rows(9))


# --- temporalprofile ------------------------------------------------------------------------------

def profile(**parameters):
    return lambda tmp: {"HOTSPOTS": hotspots(), "CRIMES": crimes(), "TIME": "occurred", "TIMEZONE": "Europe/London",
                        "OUTPUT": "memory:", **parameters}


def profile_rows(n_hotspots, crimes_total=None):
    def check(result, log, tmp_path):
        rows = features(result["OUTPUT"])
        assert len(rows) == 168 * n_hotspots
        if crimes_total is not None:
            assert sum(r["crimes"] for r in rows) == pytest.approx(crimes_total)
    return check


def dst_gap_crimes():
    # 01:30 on 31 March 2024 does not exist in London (clocks go from 01:00 to 02:00).
    return crimes(points=[(X0 + 75, Y0 + 75)] * 4,
                  times=["2024-03-31 01:30", "2024-03-31 00:30", "2024-03-31 02:30", "2024-10-27 01:30"])


case("profile-unknown-zone", "temporalprofile", profile(TIMEZONE="Nowhere/Land"),
     r"Unknown time zone 'Nowhere/Land'")
case("profile-zone-with-spaces", "temporalprofile", profile(TIMEZONE="Europe / London"), r"Unknown time zone")
case("profile-month-data", "temporalprofile",
     lambda tmp: {"HOTSPOTS": hotspots(), "CRIMES": copy_sample(tmp, "southend_street_crime_2018.gpkg"),
                  "TIME": "month", "OUTPUT": "memory:"}, r"no time of day.*known only to the month")
case("profile-date-only", "temporalprofile",
     profile(CRIMES=crimes(times=[f"2024-01-{1 + k % 28:02d}" for k in range(60)])), r"time of day")
case("profile-empty-hotspots", "temporalprofile", profile(HOTSPOTS=polygons([])), r"no hotspot")
case("profile-hotspots-without-id", "temporalprofile",
     profile(HOTSPOTS=polygons([(square(0, 0), ("x",))], fields=(("name", "text"),))), r"needs a 'hotspot_id'")
case("profile-start-after-end", "temporalprofile",
     profile(START="2024-03-01T00:00:00", END="2024-02-01T00:00:00"), r"is not before END")
case("profile-dst-gap", "temporalprofile", profile(CRIMES=dst_gap_crimes()), profile_rows(3, crimes_total=4))


# --- patrolplan, patroldosage, evaluatepatrols, importpoliceuk (run, not owned here) ---------------

def plan(**parameters):
    return lambda tmp: {"HOTSPOTS": hotspots(), "START_DATE": "2024-06-03", "DAYS": 7, "TIMEZONE": "Europe/London",
                        "OUTPUT": "memory:", **parameters}


def no_visit_in_gap(result, log, tmp_path):
    starts = [f["start_local"] for f in features(result["OUTPUT"])]
    assert starts and not [s for s in starts if s.startswith("2024-03-31T01:")]


case("plan-unknown-zone", "patrolplan", plan(TIMEZONE="Nowhere/Land"), r"Unknown time zone 'Nowhere/Land'")
case("plan-bad-shifts", "patrolplan", plan(SHIFTS="25:00-26:00"), r"(?i)shift")
case("plan-empty-shifts", "patrolplan", plan(SHIFTS=""), r"(?i)shift")
case("plan-hotspots-without-rank", "patrolplan",
     plan(HOTSPOTS=polygons([(square(0, 0), ("1",))], fields=(("hotspot_id", "text"),))), r"needs a 'rank' field")
case("plan-empty-hotspots", "patrolplan", plan(HOTSPOTS=polygons([])), r"no hotspot")
case("plan-days-zero", "patrolplan", plan(DAYS=0), r"DAYS")
case("plan-dst-gap-day", "patrolplan",
     plan(START_DATE="2024-03-31", DAYS=1, SHIFTS="00:00-04:00", DAYS_OFF=0, VISITS_PER_DAY=2, MIN_GAP=0),
     no_visit_in_gap)


def dosage(**parameters):
    return lambda tmp: {"PINGS": gps_pings(), "UNIT_FIELD": "unit", "TIME": "occurred", "HOTSPOTS": hotspots(),
                        "TIMEZONE": "Europe/London", "OUTPUT": "memory:", **parameters}


case("dosage-unknown-zone", "patroldosage", dosage(TIMEZONE="Nowhere/Land"), r"Unknown time zone")
case("dosage-missing-unit-field", "patroldosage", dosage(UNIT_FIELD="officer"), r"UNIT_FIELD|'officer'")
case("dosage-empty-pings", "patroldosage",
     dosage(PINGS=point_layer([], fields=(("unit", "text"), ("occurred", "text")))), r"no points")
case("dosage-hotspots-without-id", "patroldosage",
     dosage(HOTSPOTS=polygons([(square(0, 0), ("x",))], fields=(("name", "text"),))), r"hotspot_id")


def report_escapes(fragment, escaped=None):
    def check(result, log, tmp_path):
        text = (tmp_path / "report.html").read_text(encoding="utf-8")
        assert "<script" not in text and fragment not in text
        if escaped:
            assert escaped in text
    return check


case("evaluate-script-in-category", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, kinds=["<script>alert(1)</script>", "Shoplifting", "Burglary"],
                                       CATEGORY_FIELD="kind",
                                       CATEGORY_GROUPS="violent=<script>alert(1)</script>;street=Shoplifting"),
     report_escapes("<script>alert(1)</script>"))
case("evaluate-script-in-hotspot-id", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, hotspot_ids=("<script>x</script>", "2", "3")),
     report_escapes("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"))
case("evaluate-start-after-end", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, START="2024-05-16", END="2024-05-06"), r"START .* is not before END")
case("evaluate-unknown-zone", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, TIMEZONE="Nowhere/Land"), r"Unknown time zone")
case("evaluate-visits-without-start", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, VISITS=point_layer([None], geometry="None", rows=[("1",)],
                                                                fields=(("hotspot_id", "text"),))),
     r"'start' is missing")
case("evaluate-month-data", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, CRIMES=copy_sample(tmp, "southend_street_crime_2018.gpkg"),
                                       TIME="month"), r"known only to the month")
case("evaluate-bad-groups", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, CATEGORY_FIELD="kind", CATEGORY_GROUPS="<b>=x"),
     r"CATEGORY_GROUPS: Crime groups must read like")

ROW = ["id{}", "2018-05", "Essex Police", "Essex Police", "0.71", "51.54", "On or near X", "E01", "Southend",
       "Burglary", "Under investigation", ""]


def police_rows(n=5, **changes):
    rows = []
    for k in range(n):
        row = [value.format(k) if "{}" in value else value for value in ROW]
        for index, value in changes.items():
            row[int(index[1:])] = value
        rows.append(row)
    return rows


def imported(n):
    def check(result, log, tmp_path):
        assert len(features(result["OUTPUT"] if not isinstance(result["OUTPUT"], str)
                            else QgsVectorLayer(result["OUTPUT"]))) == n
    return check


case("import-missing-path", "importpoliceuk", lambda tmp: {"INPUT": str(tmp / "absent.zip"), "OUTPUT": "memory:"},
     r"INPUT: '.*absent.zip' does not exist")
case("import-zip-without-street-files", "importpoliceuk",
     lambda tmp: {"INPUT": police_zip(tmp, police_rows(), name="readme.txt"), "OUTPUT": "memory:"},
     r"(?i)street")
case("import-bad-month", "importpoliceuk",
     lambda tmp: {"INPUT": police_zip(tmp, police_rows()), "START_MONTH": "2018-13", "OUTPUT": "memory:"},
     r"START_MONTH: '2018-13' is not a month written yyyy-MM")
case("import-months-reversed", "importpoliceuk",
     lambda tmp: {"INPUT": police_zip(tmp, police_rows()), "START_MONTH": "2018-07", "END_MONTH": "2018-05",
                  "OUTPUT": "memory:"}, r"The first month asked for \(2018-07\) is after the last \(2018-05\)")
case("import-script-in-crime-type", "importpoliceuk",
     lambda tmp: {"INPUT": police_zip(tmp, police_rows(c9="<script>alert(1)</script>")), "OUTPUT": "memory:"},
     imported(5))
case("import-sample-copy", "importpoliceuk",
     lambda tmp: {"INPUT": copy_sample(tmp, "police_uk_southend_sample.zip"), "OUTPUT": "memory:"}, imported(7125))


# --- more awkward input, across the chain ----------------------------------------------------------

def no_crs_points():
    return point_layer([(X0, Y0), (X0 + 10, Y0)], crs="")


def plan_visits(layer_or_path):
    """The visits of a patrol plan as a layer, whether the result is a layer or a path."""
    return layer_or_path if not isinstance(layer_or_path, str) else QgsVectorLayer(layer_or_path)


def visits_only_in_shifts(result, log, tmp_path):
    visits = features(plan_visits(result["OUTPUT"]))
    assert visits and result["VISITS"] == len(visits)
    assert all(v["start_local"][11:13] in ("08", "09") for v in visits)


def not_risk_weighted(warned):
    def check(result, log, tmp_path):
        assert result["RISK_WEIGHTED"] is False and result["VISITS"] > 0
        assert re.search(warned, log.text()), log.text()
    return check


def profile_counts(expected_total, warned=None):
    def check(result, log, tmp_path):
        rows = features(result["OUTPUT"])
        assert sum(r["crimes"] for r in rows) == pytest.approx(expected_total)
        if warned:
            assert re.search(warned, log.text()), log.text()
    return check


case("grid-layer-without-crs", "gridcrimes", lambda tmp: {"INPUT": no_crs_points(), **GRID}, r"no valid CRS")
case("grid-hexagon-keep-empty", "gridcrimes", grid(SHAPE=1, KEEP_EMPTY=True),
     lambda result, log, tmp: (result["CRIMES_COUNTED"] == 60 and result["CELLS"] > 60) or pytest.fail(str(result)))
case("grid-geographic-latitude-out-of-range", "gridcrimes",
     lambda tmp: {"INPUT": point_layer([(0.7, 151.5), (0.71, 151.6)], crs="EPSG:4326"), **GRID},
     r"(?i)place on Earth|reprojected|outside the area|TARGET_CRS")
case("kde-weights-all-zero", "kerneldensity",
     lambda tmp: {"INPUT": crimes(weights=[0.0] * 60), "WEIGHT_FIELD": "w", "OUTPUT": str(tmp / "d.tif")},
     raster_check(counted=60))
case("kde-radius-field-with-nulls", "kerneldensity",
     lambda tmp: {"INPUT": crimes(weights=[None] * 10 + [120.0] * 50), "RADIUS_FIELD": "w",
                  "OUTPUT": str(tmp / "d.tif")}, raster_check(counted=50))
case("rank-exclude-empty-layer", "rankhotspots", rank(EXCLUDE=polygons([])), hotspots_chosen(20))
case("rank-hexagon-gi", "rankhotspots", rank(SHAPE=1, RANK_BY=3, TOP_N=5), hotspots_chosen(5))
case("rank-harm-weights-all-zero", "rankhotspots", rank_with_harm("Robbery,0\nBurglary,0\n", TOP_N=3),
     hotspots_chosen(3, crime_share=0.0))
case("gi-geographic-polygons", "getisord",
     lambda tmp: {"INPUT": polygons([(QgsRectangle(0.70 + c * 0.002, 51.54 + r * 0.002, 0.702 + c * 0.002,
                                                   51.542 + r * 0.002), (str(c), 1, float((c * r) % 5), "", 1))
                                     for c in range(6) for r in range(6)], crs="EPSG:4326"),
                  "FIELD": "score", "OUTPUT": "memory:"}, hot_spots(distance=None))
case("emerging-start-after-every-crime", "emerginghotspots", emerging(START="2030-01-01T00:00:00"),
     r"No crimes with a readable time in the period \(90 skipped: 90 outside START/END\)")
case("pai-geographic-hotspots", "mapaccuracy",
     lambda tmp: {"HOTSPOTS": polygons([(QgsRectangle(0.70, 51.54, 0.72, 51.56), ("1", 1, 2.0, "", 1)),
                                        (QgsRectangle(0.72, 51.54, 0.74, 51.56), ("2", 2, 1.0, "", 1))],
                                       crs="EPSG:4326"),
                  "SCORE_FIELD": "score", "CRIMES": copy_sample(tmp, "southend_street_crime_2018.gpkg"),
                  "OUTPUT": "memory:"}, accuracy_rows(2))
case("profile-windows-all-reversed", "temporalprofile",
     profile(CRIMES=crimes(points=[(X0 + 75, Y0 + 75)] * 3, times=["2024-01-01 10:00"] * 3,
                           kinds=["2024-01-01 09:00"] * 3), TIME_END="kind"),
     r"No crimes are left to profile \(3 skipped: 3 whose TIME_END is before TIME\)")
case("profile-hotspots-in-wgs84", "temporalprofile",
     lambda tmp: {"HOTSPOTS": polygons([(QgsRectangle(0.70, 51.52, 0.80, 51.58), ("A", 1, 1.0, "", 1))],
                                       crs="EPSG:4326"),
                  "CRIMES": crimes(points=[(0.75, 51.55)] * 5, times=minute_times(5), crs="EPSG:4326"),
                  "TIME": "occurred",
                  "TIMEZONE": "Europe/London", "OUTPUT": "memory:"}, profile_counts(5))
case("profile-time-syntax-error", "temporalprofile", profile(TIME="to_datetime("), r"TIME .* is not a valid expression")
case("plan-time-syntax-error", "patrolplan", plan(CRIMES=crimes(), TIME="to_datetime("),
     r"TIME .* is not a valid expression")
case("plan-month-crimes-not-risk-weighted", "patrolplan",
     lambda tmp: {"HOTSPOTS": hotspots(), "START_DATE": "2024-06-03", "DAYS": 7, "TIMEZONE": "Europe/London",
                  "CRIMES": copy_sample(tmp, "southend_street_crime_2018.gpkg"), "TIME": "month",
                  "OUTPUT": "memory:"}, not_risk_weighted(r"no time of day"))
case("plan-shifts-overlap-midnight", "patrolplan", plan(SHIFTS="08:00-10:00", DAYS_OFF=0), visits_only_in_shifts)
case("plan-duplicate-hotspot-ids", "patrolplan", plan(HOTSPOTS=hotspots(hotspot_ids=["1", "1", "2"])),
     r"(?i)hotspot_id.*(twice|duplicate|more than once|unique)")
case("dosage-all-pings-outside", "patroldosage",
     dosage(PINGS=point_layer([(X0 - 5000, Y0)] * 5, fields=(("unit", "text"), ("occurred", "text")),
                              rows=[("A", f"2024-07-15T10:{2 * k:02d}:00") for k in range(5)])),
     lambda result, log, tmp: len(features(result["OUTPUT"])) == 0 or pytest.fail("visits outside hotspots"))
case("dosage-time-syntax-error", "patroldosage", dosage(TIME="to_datetime("), r"TIME .* is not a valid expression")
case("evaluate-control-without-before", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, CONTROL=hotspots(n=1)), r"CONTROL together with BEFORE_START")
case("evaluate-visits-outside-period", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, START="2023-05-06", END="2023-05-16"), r"No visit starts inside")
case("evaluate-time-syntax-error", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, TIME="to_datetime("), r"TIME .* is not a valid expression")
case("evaluate-script-in-group-member", "evaluatepatrols",
     lambda tmp: evaluation_parameters(tmp, CATEGORY_FIELD="kind",
                                       CATEGORY_GROUPS="violent=Robbery,<img src=x onerror=alert(1)>"),
     report_escapes("<img src=x"))
case("import-unknown-force", "importpoliceuk",
     lambda tmp: {"INPUT": police_zip(tmp, police_rows()), "FORCE": "atlantis", "OUTPUT": "memory:"},
     r"(?i)atlantis|FORCE")
case("import-unknown-crime-type", "importpoliceuk",
     lambda tmp: {"INPUT": police_zip(tmp, police_rows()), "CRIME_TYPES": "Piracy", "OUTPUT": "memory:"},
     r"CRIME_TYPES names .*Piracy")
case("import-rows-without-location", "importpoliceuk",
     lambda tmp: {"INPUT": police_zip(tmp, police_rows(c4="", c5="")), "OUTPUT": "memory:"},
     r"(?i)no (crime|row).*location|without a location")
case("briefing-empty-visits", "briefingpack",
     lambda tmp: {"HOTSPOTS": hotspots(), "VISITS": point_layer([], fields=(("hotspot_id", "text"),)),
                  "OUTPUT": str(tmp / "pack.pdf")}, r"VISITS")


# --- the runner -----------------------------------------------------------------------------------

def _digests(tmp_path):
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(tmp_path.iterdir()) if path.is_file()}


def _resolve(parameters, tmp_path, run):
    """Fill in placeholders: {tmp} in text, and {grid}: a crime grid of the sample (made here)."""
    for name, value in list(parameters.items()):
        if value == "{grid}":
            parameters[name] = run("hotspotpatrol:gridcrimes", {
                "INPUT": crimes(points=places(400, spread=3000)), "OUTPUT": "memory:"})["OUTPUT"]
        elif isinstance(value, str) and "{tmp}" in value:
            parameters[name] = value.replace("{tmp}", str(tmp_path))
    return parameters


@pytest.mark.parametrize("item", [pytest.param(c, id=c.case_id, marks=[pytest.mark.xfail(reason=c.xfail, strict=True)]
                                               if c.xfail else []) for c in CASES])
def test_bad_input(run, item, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    parameters = _resolve(item.parameters(inputs), inputs, run)
    before = _digests(inputs)
    log = Log()
    if isinstance(item.expect, str):
        with pytest.raises(QgsProcessingException) as raised:
            run(item.algorithm, parameters, feedback=log)
        message = str(raised.value)
        print(f"\n[{item.case_id}] {message}")
        assert "Traceback" not in message, message
        assert re.search(item.expect, message), message
    else:
        result = run(item.algorithm, parameters, feedback=log)
        item.expect(result, log, inputs)
    after = _digests(inputs)
    assert {name: after.get(name) for name in before} == before, "an input file was modified"


def test_the_catalogue_is_large_and_ids_are_unique():
    assert len(CASES) >= 80
    assert len({c.case_id for c in CASES}) == len(CASES)
