"""hotspotpatrol:importpoliceuk on the committed data.police.uk sample (three months of Southend, in the
archive's layout) and on a copy of it with rows added: far-away crimes, a repeated crime id, a row
without a location, anti-social behaviour without an id and another force's file."""

import csv
import hashlib
import io
import json
import zipfile

import pytest
from helpers import SAMPLE_DATA
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRenderContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QVariant

from hotspot_patrol.algorithms import styles

SAMPLE = SAMPLE_DATA / "police_uk_southend_sample.zip"
ALGORITHM = "hotspotpatrol:importpoliceuk"
# Three crimes snapped near Plymouth, as Essex's own files have some: about 400 km west of Southend.
FAR = [("far-1", "-4.18", "50.40"), ("far-2", "-4.19", "50.41"), ("far-3", "-4.17", "50.39")]
MOVED = "On or near Repeated Road"


class Log(QgsProcessingFeedback):
    """A feedback that keeps what the algorithm says."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, text):  # noqa: N802 (QGIS's name)
        self.lines.append(text)

    def pushWarning(self, text):  # noqa: N802 (QGIS's name)
        self.lines.append(text)

    def text(self):
        return "\n".join(self.lines)


def csv_rows(path_or_handle):
    handle = open(path_or_handle, newline="", encoding="utf-8-sig") if not hasattr(path_or_handle, "read") \
        else io.TextIOWrapper(path_or_handle, encoding="utf-8-sig", newline="")
    with handle:
        return list(csv.DictReader(handle))


def sample_rows():
    """Every row of the sample, in its order (months in order), read by the csv module alone."""
    rows = []
    with zipfile.ZipFile(SAMPLE) as archive:
        for name in sorted(archive.namelist()):
            with archive.open(name) as handle:
                rows += csv_rows(handle)
    return rows


def append_rows(path, rows):
    """Append rows (dicts) to a street-level CSV, in its header's column order."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    with open(path, "a", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows([[row.get(c, "") for c in header] for row in rows])


def zip_folder(folder, path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(p for p in folder.rglob("*") if p.is_file()):
            archive.write(file, file.relative_to(folder).as_posix())
    return path


@pytest.fixture
def extracted(tmp_path):
    """The sample extracted to a folder, as a user unpacks a download."""
    folder = tmp_path / "extracted"
    with zipfile.ZipFile(SAMPLE) as archive:
        archive.extractall(folder)
    return folder


@pytest.fixture
def download(tmp_path, extracted):
    """The sample with rows added to June's file, a Kent file outside any month folder and an outcomes
    file: {"folder", "zip", "repeated" (the repeated crime id), "added" (the rows added to June)}."""
    may = csv_rows(extracted / "2018-05" / "2018-05-essex-street.csv")
    first = next(row for row in may if row["Crime ID"])
    june = dict(may[0], **{"Month": "2018-06"})
    added = [dict(june, **{"Crime ID": crime_id, "Longitude": lon, "Latitude": lat, "Crime type": "Burglary",
                           "Location": "On or near Far Away Road"}) for crime_id, lon, lat in FAR]
    added.append(dict(first, **{"Month": "2018-06", "Location": MOVED, "Longitude": "0.75"}))
    added.append(dict(june, **{"Crime ID": "no-location", "Longitude": "", "Latitude": "", "Crime type": "Robbery"}))
    added.append(dict(june, **{"Crime ID": "", "Crime type": "Anti-social behaviour", "Last outcome category": ""}))
    append_rows(extracted / "2018-06" / "2018-06-essex-street.csv", added)
    kent = extracted / "2018-07-kent-street.csv"
    kent.write_bytes((extracted / "2018-07" / "2018-07-essex-street.csv").read_bytes().splitlines(keepends=True)[0])
    # Synthetic rows (placed inside Southend, so that they are no outliers).
    append_rows(kent, [dict(june, **{"Crime ID": f"kent-{i}", "Month": "2018-07", "Reported by": "Kent Police",
                                     "Falls within": "Kent Police", "Longitude": "0.70", "Latitude": "51.54",
                                     "Crime type": "Drugs"}) for i in range(2)])
    (extracted / "2018-06" / "2018-06-essex-outcomes.csv").write_text("Crime ID,Month,Outcome type\nx,2018-06,y\n")
    return {"folder": extracted, "zip": zip_folder(extracted, extracted.parent / "download.zip"),
            "repeated": first["Crime ID"], "added": added}


def is_null(value):
    return value is None or (isinstance(value, QVariant) and value.isNull())


def features(layer):
    return list(layer.getFeatures())


def counted(result, keep_outliers=False):
    """ROWS_READ as the sum of what was written and what was skipped."""
    return (result["CRIMES_WRITTEN"] + result["SKIPPED_NO_LOCATION"] + result["DUPLICATES"]
            + (0 if keep_outliers else result["OUTLIERS"]))


def test_parameters_outputs_and_metadata(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM)
    assert [p.name() for p in algorithm.parameterDefinitions()] == [
        "INPUT", "FORCE", "START_MONTH", "END_MONTH", "CRIME_TYPES", "KEEP_OUTLIERS", "OUTPUT"]
    assert algorithm.parameterDefinition("KEEP_OUTLIERS").defaultValue() is False
    assert "*.zip" in algorithm.parameterDefinition("INPUT").fileFilter()
    assert {o.name(): o.type() for o in algorithm.outputDefinitions()} == {
        "OUTPUT": "outputVector", "ROWS_READ": "outputNumber", "CRIMES_WRITTEN": "outputNumber",
        "SKIPPED_NO_LOCATION": "outputNumber", "DUPLICATES": "outputNumber", "OUTLIERS": "outputNumber",
        "FILES_READ": "outputNumber", "FIRST_MONTH": "outputString", "LAST_MONTH": "outputString"}
    assert algorithm.displayName() == "Import data.police.uk crimes" and algorithm.groupId() == "see"
    assert algorithm.group().startswith("1 · See")
    for words in ("no day and no time of day", "anonymised", "10 km", "central 99%", "spreads its visit times evenly"):
        assert words in algorithm.shortHelpString()


def test_the_sample_imports_whole_in_british_national_grid(run):
    result = run(ALGORITHM, {"INPUT": str(SAMPLE), "OUTPUT": "memory:"})
    rows = sample_rows()
    assert {k: v for k, v in result.items() if k != "OUTPUT"} == {
        "ROWS_READ": 7125, "CRIMES_WRITTEN": 7125, "SKIPPED_NO_LOCATION": 0, "DUPLICATES": 0, "OUTLIERS": 0,
        "FILES_READ": 3, "FIRST_MONTH": "2018-05", "LAST_MONTH": "2018-07"}
    layer = result["OUTPUT"]
    assert layer.crs().authid() == "EPSG:27700" and layer.featureCount() == len(rows) == 7125
    assert [f.name() for f in layer.fields()] == [
        "crime_id", "month", "reported_by", "falls_within", "location", "lsoa_code", "lsoa_name", "crime_type",
        "last_outcome_category", "outlier"]
    for feature, row in zip(features(layer), rows):
        assert feature["crime_id"] == (row["Crime ID"] or None)
        assert (feature["location"], feature["lsoa_code"], feature["lsoa_name"], feature["crime_type"]) == (
            row["Location"], row["LSOA code"], row["LSOA name"], row["Crime type"])
        assert (feature["reported_by"], feature["falls_within"]) == ("Essex Police", "Essex Police")
        assert feature["last_outcome_category"] == (row["Last outcome category"] or None)
        assert feature["outlier"] is False


def test_month_is_a_date_on_the_first_of_the_month(run):
    layer = run(ALGORITHM, {"INPUT": str(SAMPLE), "OUTPUT": "memory:"})["OUTPUT"]
    assert layer.fields().field("month").type() == QVariant.Date
    months = [f["month"] for f in features(layer)]
    assert all(isinstance(m, QDate) and m.day() == 1 for m in months)
    assert [m.toString("yyyy-MM") for m in months] == [row["Month"] for row in sample_rows()]


def test_coordinates_are_those_of_qgis_transforming_each_point(run):
    layer = run(ALGORITHM, {"INPUT": str(SAMPLE), "OUTPUT": "memory:"})["OUTPUT"]
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:27700"), QgsProject.instance())
    worst = 0.0
    for feature, row in zip(features(layer), sample_rows()):
        expected = transform.transform(QgsPointXY(float(row["Longitude"]), float(row["Latitude"])))
        point = feature.geometry().asPoint()
        worst = max(worst, abs(point.x() - expected.x()), abs(point.y() - expected.y()))
    assert worst < 1e-6
    # Southend-on-Sea on the British National Grid.
    box = layer.extent()
    assert 580_000 < box.xMinimum() < box.xMaximum() < 595_000
    assert 183_000 < box.yMinimum() < box.yMaximum() < 192_000


def test_a_folder_and_its_zip_give_the_same_crimes(run, extracted):
    from_zip = run(ALGORITHM, {"INPUT": str(SAMPLE), "OUTPUT": "memory:"})
    from_folder = run(ALGORITHM, {"INPUT": str(extracted), "OUTPUT": "memory:"})
    assert {k: v for k, v in from_zip.items() if k != "OUTPUT"} == \
        {k: v for k, v in from_folder.items() if k != "OUTPUT"}
    a, b = features(from_zip["OUTPUT"]), features(from_folder["OUTPUT"])
    assert len(a) == len(b) == 7125
    assert [f.attributes() for f in a] == [f.attributes() for f in b]
    assert [f.geometry().asWkt() for f in a] == [f.geometry().asWkt() for f in b]


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_every_row_is_written_or_counted(run, download, kind):
    log = Log()
    result = run(ALGORITHM, {"INPUT": str(download[kind]), "OUTPUT": "memory:"}, feedback=log)
    # 7,125 sample rows, 6 added to June's file, 2 in Kent's file; the outcomes file is not read.
    assert result["FILES_READ"] == 4
    assert result["ROWS_READ"] == 7125 + 6 + 2 == counted(result)
    assert (result["SKIPPED_NO_LOCATION"], result["DUPLICATES"], result["OUTLIERS"]) == (1, 1, 3)
    assert result["CRIMES_WRITTEN"] == 7125 + 1 + 2
    ids = [f["crime_id"] for f in features(result["OUTPUT"])]
    assert not {"far-1", "far-2", "far-3", "no-location"} & set(ids)
    assert "3 crime(s) lie" in log.text() and "west of it, near lon -4.18 lat 50.40" in log.text()
    assert "set KEEP_OUTLIERS to keep them" in log.text()


def test_folder_and_zip_of_the_same_download_agree(run, download):
    results = [run(ALGORITHM, {"INPUT": str(download[kind]), "OUTPUT": "memory:"}) for kind in ("folder", "zip")]
    assert {k: v for k, v in results[0].items() if k != "OUTPUT"} == \
        {k: v for k, v in results[1].items() if k != "OUTPUT"}
    assert [f.attributes() for f in features(results[0]["OUTPUT"])] == \
        [f.attributes() for f in features(results[1]["OUTPUT"])]


def test_a_repeated_id_is_kept_once_as_first_read_and_empty_ids_are_all_kept(run, download):
    layer = run(ALGORITHM, {"INPUT": str(download["folder"]), "OUTPUT": "memory:"})["OUTPUT"]
    repeated = [f for f in features(layer) if f["crime_id"] == download["repeated"]]
    assert len(repeated) == 1
    assert repeated[0]["month"] == QDate(2018, 5, 1) and repeated[0]["location"] != MOVED
    # Every row without an id (anti-social behaviour) that has a location is a crime of the layer.
    without_id = sum(1 for row in sample_rows() if not row["Crime ID"]) + 1
    assert sum(1 for f in features(layer) if is_null(f["crime_id"])) == without_id > 2000


def test_keep_outliers_keeps_and_marks_only_the_far_crimes(run, download):
    log = Log()
    result = run(ALGORITHM, {"INPUT": str(download["zip"]), "KEEP_OUTLIERS": True, "OUTPUT": "memory:"},
                 feedback=log)
    assert result["OUTLIERS"] == 3 and result["ROWS_READ"] == counted(result, keep_outliers=True)
    flagged = sorted(f["crime_id"] for f in features(result["OUTPUT"]) if f["outlier"])
    assert flagged == ["far-1", "far-2", "far-3"]  # and none of Southend's own crimes
    far = [f.geometry().asPoint() for f in features(result["OUTPUT"]) if f["outlier"]]
    assert all(240_000 < p.x() < 250_000 and 50_000 < p.y() < 60_000 for p in far)  # Plymouth
    assert "kept, with outlier = true" in log.text()


def test_force_filter(run, download):
    kent = run(ALGORITHM, {"INPUT": str(download["zip"]), "FORCE": "KENT", "OUTPUT": "memory:"})
    assert (kent["FILES_READ"], kent["ROWS_READ"], kent["CRIMES_WRITTEN"]) == (1, 2, 2)
    assert {f["reported_by"] for f in features(kent["OUTPUT"])} == {"Kent Police"}
    essex = run(ALGORITHM, {"INPUT": str(download["zip"]), "FORCE": "Essex", "OUTPUT": "memory:"})
    assert (essex["FILES_READ"], essex["ROWS_READ"]) == (3, 7125 + 6)
    both = run(ALGORITHM, {"INPUT": str(download["zip"]), "FORCE": "essex, kent", "OUTPUT": "memory:"})
    assert both["ROWS_READ"] == 7125 + 6 + 2


def test_small_layers_flag_no_outlier(run, download):
    log = Log()
    result = run(ALGORITHM, {"INPUT": str(download["folder"]), "FORCE": "kent", "OUTPUT": "memory:"}, feedback=log)
    assert result["OUTLIERS"] == 0 and "too few to look for crimes far outside" in log.text()


def test_months_filter_inclusive(run, download):
    june = run(ALGORITHM, {"INPUT": str(download["folder"]), "START_MONTH": "2018-06", "END_MONTH": "2018-06",
                           "OUTPUT": "memory:"})
    assert (june["FILES_READ"], june["ROWS_READ"]) == (1, 2308 + 6)
    assert (june["FIRST_MONTH"], june["LAST_MONTH"]) == ("2018-06", "2018-06")
    assert {f["month"] for f in features(june["OUTPUT"])} == {QDate(2018, 6, 1)}
    later = run(ALGORITHM, {"INPUT": str(download["folder"]), "START_MONTH": "2018-06", "OUTPUT": "memory:"})
    assert (later["FILES_READ"], later["ROWS_READ"]) == (3, 2308 + 6 + 2591 + 2)
    assert later["DUPLICATES"] == 0  # May's crime is not read, so June's copy is the first


def test_crime_types_filter_and_warning(run, download):
    log = Log()
    result = run(ALGORITHM, {"INPUT": str(download["folder"]), "CRIME_TYPES": "burglary, ROBBERY ,Nonsense type",
                             "OUTPUT": "memory:"}, feedback=log)
    wanted = {"burglary", "robbery"}
    rows = sample_rows() + download["added"]  # Kent's rows are Drugs
    expected = sum(1 for row in rows if row["Crime type"].casefold() in wanted)
    assert result["ROWS_READ"] == expected == counted(result)
    assert result["OUTLIERS"] == 3 and result["SKIPPED_NO_LOCATION"] == 1
    assert {f["crime_type"] for f in features(result["OUTPUT"])} == {"Burglary", "Robbery"}
    assert "CRIME_TYPES names 'Nonsense type' that never occur" in log.text()
    assert "'burglary'" not in log.text()


@pytest.mark.parametrize("parameters, message", [
    ({"START_MONTH": "2018-5"}, "START_MONTH: '2018-5' is not a month written yyyy-MM"),
    ({"END_MONTH": "2018-13"}, "END_MONTH: '2018-13' is not a month written yyyy-MM"),
    ({"START_MONTH": "May 2018"}, "START_MONTH: 'May 2018' is not a month written yyyy-MM"),
    ({"START_MONTH": "2018-07", "END_MONTH": "2018-05"},
     r"The first month asked for \(2018-07\) is after the last \(2018-05\)"),
    ({"FORCE": "kent"}, r"No data.police.uk street-level crime files .* of the force kent in .* \(force essex; "
                        r"months 2018-05 to 2018-07\)"),
    ({"START_MONTH": "2019-01"}, "from 2019-01 to the last month"),
    ({"CRIME_TYPES": "Nonsense"}, "CRIME_TYPES names .Nonsense., which never occurs"),
])
def test_bad_parameters_are_explained(run, parameters, message):
    with pytest.raises(QgsProcessingException, match=message):
        run(ALGORITHM, {"INPUT": str(SAMPLE), "OUTPUT": "memory:", **parameters})


def check_parameters(**parameters):
    """checkParameterValues of a fresh instance on the sample with ``parameters``."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return algorithm.checkParameterValues({"INPUT": str(SAMPLE), "OUTPUT": "memory:", **parameters}, context)


@pytest.mark.parametrize("parameters, names, message", [
    ({"START_MONTH": "2018-07", "END_MONTH": "2018-05"}, ("START_MONTH, END_MONTH: ",),
     "The first month asked for (2018-07) is after the last"),
    ({"START_MONTH": "2018-5"}, ("START_MONTH: ",), "is not a month written yyyy-MM"),
    ({"END_MONTH": "May 2018"}, ("END_MONTH: ",), "is not a month written yyyy-MM"),
], ids=["months_reversed", "start_unreadable", "end_unreadable"])
def test_month_checks_name_the_parameters(provider, parameters, names, message):
    valid, text = check_parameters(**parameters)
    assert not valid and message in text and all(name in text for name in names), text


def test_month_checks_pass_valid_months(provider):
    assert check_parameters() == (True, "")
    assert check_parameters(START_MONTH="2018-06", END_MONTH="2018-06") == (True, "")
    assert check_parameters(START_MONTH=" 2018-05 ", END_MONTH="")[0]


def test_bad_inputs_are_explained(run, tmp_path):
    with pytest.raises(QgsProcessingException, match="INPUT: '.*nowhere' does not exist: give the folder"):
        run(ALGORITHM, {"INPUT": str(tmp_path / "nowhere"), "OUTPUT": "memory:"})
    (tmp_path / "empty").mkdir()
    with pytest.raises(QgsProcessingException, match="holds no street-level files at all"):
        run(ALGORITHM, {"INPUT": str(tmp_path / "empty"), "OUTPUT": "memory:"})
    broken = tmp_path / "broken" / "2018-05"
    broken.mkdir(parents=True)
    (broken / "2018-05-essex-street.csv").write_text("Crime ID,Month,Longitude,Latitude\nx,2018-05,0.7,51.5\n")
    with pytest.raises(QgsProcessingException,
                       match="2018-05/2018-05-essex-street.csv is not a data.police.uk street-level crime file: "
                             "it has no column 'Reported by'"):
        run(ALGORITHM, {"INPUT": str(tmp_path / "broken"), "OUTPUT": "memory:"})


def test_the_inputs_are_unchanged(run, download):
    def digests():
        paths = [p for p in download["folder"].rglob("*") if p.is_file()] + [download["zip"], SAMPLE]
        return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    before = digests()
    for source in (download["folder"], download["zip"], SAMPLE):
        run(ALGORITHM, {"INPUT": str(source), "KEEP_OUTLIERS": True, "OUTPUT": "memory:"})
    assert digests() == before


def test_cancel_stops_the_import(run):
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda progress: feedback.cancel())
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run(ALGORITHM, {"INPUT": str(SAMPLE), "OUTPUT": "memory:"}, feedback=feedback)


def test_geopackage_output_keeps_types_and_loads_with_outliers_drawn_apart(run, download, tmp_path):
    path = tmp_path / "crimes.gpkg"
    run(ALGORITHM, {"INPUT": str(download["zip"]), "KEEP_OUTLIERS": True, "OUTPUT": str(path)})
    layer = QgsVectorLayer(str(path), "crimes", "ogr")
    assert layer.isValid() and layer.featureCount() == 7125 + 3 + 1 + 2
    assert layer.fields().field("month").type() == QVariant.Date
    assert layer.fields().field("outlier").type() == QVariant.Bool
    assert styles.apply_style(layer, "police_uk_crimes")
    renderer = layer.renderer().clone()
    context = QgsRenderContext()
    context.setExpressionContext(QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer)))
    renderer.startRender(context, layer.fields())
    drawn = {}
    for feature in layer.getFeatures():
        context.expressionContext().setFeature(feature)
        symbol = renderer.symbolForFeature(feature, context)
        drawn.setdefault(bool(feature["outlier"]), set()).add((symbol.color().name(), symbol.size()))
    renderer.stopRender(context)
    assert len(drawn[True]) == len(drawn[False]) == 1 and drawn[True] != drawn[False]


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_command_line_takes_a_folder_or_a_zip(qgis_process, download, tmp_path, kind):
    output = tmp_path / f"{kind}.gpkg"
    done = qgis_process("--json", "run", ALGORITHM, "--", f"INPUT={download[kind]}", f"OUTPUT={output}")
    assert done.returncode == 0, done.stderr + done.stdout
    results = json.loads(done.stdout)["results"]
    assert (results["ROWS_READ"], results["CRIMES_WRITTEN"], results["OUTLIERS"]) == (7133, 7128, 3)
    assert QgsVectorLayer(str(output), "crimes", "ogr").featureCount() == 7128
