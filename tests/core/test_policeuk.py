"""data.police.uk street-level files: discovery by name, month and force filters, reading into columns,
rows without a location, repeated crime ids, and clear refusals."""

import csv
import hashlib
import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from hotspot_patrol.core import policeuk
from hotspot_patrol.core.errors import InputError
from hotspot_patrol.core.progress import Cancelled

POLICE_UK_SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "police_uk_southend_sample.zip"
HEADER = list(policeuk.COLUMNS) + ["Context"]


def row(crime_id="", month="2018-05", lon="0.7", lat="51.54", crime_type="Burglary", outcome="Under investigation",
        location="On or near High Street", force="Essex Police"):
    return [crime_id, month, force, force, lon, lat, location, "E01015833", "Southend-on-Sea 001A", crime_type,
            outcome, ""]


def csv_bytes(rows, header=HEADER, bom=False):
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode() + text.getvalue().encode("utf-8")


def write_tree(root, files):
    """Write {relative path: bytes} under root; returns root."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def write_zip(path, files):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def download(tmp_path):
    """A small download in the archive layout: two forces, three months, the files that are not
    street files, a street file outside any month folder and a nested folder."""
    files = {
        "2018-05/2018-05-essex-street.csv": csv_bytes(
            [row("a1"), row("", crime_type="Anti-social behaviour", outcome=""), row("a2", lon="", lat="")],
            bom=True),
        "2018-05/2018-05-essex-outcomes.csv": b"Crime ID,Month\nx,2018-05\n",
        "2018-05/2018-05-essex-stop-and-search.csv": b"Type,Date\nPerson search,2018-05-01\n",
        "2018-05/2018-05-west-yorkshire-street.csv": csv_bytes([row("w1", lon="-1.55", lat="53.8",
                                                                    force="West Yorkshire Police")]),
        "2018-06/2018-06-essex-street.csv": csv_bytes(
            [row("a1", month="2018-06", lon="0.71"), row("", month="2018-06", crime_type="Anti-social behaviour"),
             row("b1", month="2018-06", crime_type="robbery")]),
        "2018-07-essex-street.csv": csv_bytes([row("c1", month="2018-07", crime_type="Drugs")]),
        "deeper/more/2018-08/2018-08-essex-street.csv": csv_bytes([row("d1", month="2018-08")]),
        "readme.txt": b"not a crime file\n",
    }
    return files


@pytest.fixture
def folder(tmp_path):
    return write_tree(tmp_path / "download", download(tmp_path))


@pytest.fixture
def archive(tmp_path):
    return write_zip(tmp_path / "download.zip", download(tmp_path))


@pytest.mark.parametrize("name, expected", [
    ("2018-05/2018-05-essex-street.csv", ("2018-05", "essex")),
    ("a/b/2019-12-West-Yorkshire-street.CSV", ("2019-12", "west-yorkshire")),
    ("2018-05-city-of-london-street.csv", ("2018-05", "city-of-london")),
    ("2018-05/2018-05-essex-outcomes.csv", None),
    ("2018-05/2018-05-essex-stop-and-search.csv", None),
    ("2018-13-essex-street.csv", None),
    ("essex-street.csv", None),
    ("southend_2018-01_to_2018-07_street.csv", None),
])
def test_street_files_are_known_by_their_name(name, expected):
    found = policeuk.street_file(name)
    assert (None if found is None else (found.month, found.force)) == expected


@pytest.mark.parametrize("kind", ["folder", "archive"])
def test_discovery_finds_street_files_at_any_depth(kind, request):
    source = policeuk.StreetSource(request.getfixturevalue(kind))
    assert source.kind == {"folder": "folder", "archive": "zip"}[kind]
    assert [f.name for f in source.files()] == [
        "2018-05/2018-05-essex-street.csv", "2018-05/2018-05-west-yorkshire-street.csv",
        "2018-06/2018-06-essex-street.csv", "2018-07-essex-street.csv",
        "deeper/more/2018-08/2018-08-essex-street.csv"]
    assert all(f.size > 0 for f in source.files())


def test_select_by_force_and_months_inclusive(folder):
    source = policeuk.StreetSource(folder)
    months = [f.month for f in source.select(["ESSEX"], "2018-06", "2018-07")]
    assert months == ["2018-06", "2018-07"]
    assert [f.force for f in source.select(["West Yorkshire"])] == ["west-yorkshire"]
    assert len(source.select(["essex", "west-yorkshire"], end="2018-05")) == 2
    # Reading order: month, then force.
    assert [(f.month, f.force) for f in source.select()][:2] == [("2018-05", "essex"), ("2018-05", "west-yorkshire")]


def test_no_matching_file_says_what_was_looked_for_and_what_there_is(folder):
    source = policeuk.StreetSource(folder)
    with pytest.raises(ValueError, match=r"of the force kent from 2019-01 to the last month .* holds 5 street-level "
                                         r"files \(forces essex, west-yorkshire; months 2018-05 to 2018-08\)"):
        source.select(["Kent"], "2019-01")
    empty = folder / "2018-05"
    for path in empty.glob("*-street.csv"):
        path.unlink()
    with pytest.raises(ValueError, match="holds no street-level files at all"):
        policeuk.StreetSource(empty).select()


@pytest.mark.parametrize("path, message", [
    ("nowhere/at/all", "does not exist"),
    ("notes.txt", "neither a folder, a .zip nor a .csv"),
    ("", "does not exist"),
])
def test_bad_input_paths_are_refused(tmp_path, path, message):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ValueError, match=message):
        policeuk.StreetSource(str(tmp_path / path) if path else "")


@pytest.mark.parametrize("text", ["2018-5", "2018-13", "2018-00", "18-05", "2018/05", "May 2018", "2018-05-01"])
def test_malformed_months_are_refused(text):
    with pytest.raises(InputError, match=f"'{text}' is not a month written yyyy-MM") as error:
        policeuk.parse_month(text, "start")
    assert error.value.setting == "start"


def test_months_are_read_and_ordered():
    assert policeuk.parse_month(" 2018-05 ") == "2018-05"
    assert policeuk.parse_month("") is None and policeuk.parse_month(None) is None
    policeuk.check_months("2018-05", "2018-05")
    policeuk.check_months(None, "2018-05")
    with pytest.raises(InputError, match=r"The first month asked for \(2018-07\) is after the last \(2018-05\)") \
            as error:
        policeuk.check_months("2018-07", "2018-05")
    assert error.value.settings == ("start", "end")


@pytest.mark.parametrize("kind", ["folder", "archive"])
def test_reading_counts_every_row(kind, request):
    source = policeuk.StreetSource(request.getfixturevalue(kind))
    crimes = policeuk.read_crimes(source, source.select(["essex"]))
    assert crimes.files_read == 4 and crimes.rows_in_files == len(crimes) == 8
    ids = crimes.columns["crime_id"].tolist()
    assert ids == ["a1", "", "a2", "a1", "", "b1", "c1", "d1"]
    assert crimes.no_location.tolist() == [False, False, True, False, False, False, False, False]
    # a1 of June repeats a1 of May (the first is kept); ids left empty (anti-social behaviour) are all kept.
    assert crimes.duplicate.tolist() == [False, False, False, True, False, False, False, False]
    assert crimes.keep.sum() == 6
    assert crimes.columns["longitude"][3] == 0.71 and np.isnan(crimes.columns["latitude"][2])
    assert crimes.columns["last_outcome_category"][1] == ""
    assert crimes.columns["month"].tolist() == ["2018-05"] * 3 + ["2018-06"] * 3 + ["2018-07", "2018-08"]


def test_folder_and_zip_read_the_same(folder, archive):
    read = []
    for path in (folder, archive):
        source = policeuk.StreetSource(path)
        read.append(policeuk.read_crimes(source, source.select()))
    for column in policeuk.FIELDS:
        np.testing.assert_array_equal(read[0].columns[column], read[1].columns[column])
    assert read[0].duplicate.tolist() == read[1].duplicate.tolist()


def test_a_repeat_without_location_does_not_hide_the_located_crime(tmp_path):
    source = policeuk.StreetSource(write_tree(tmp_path, {
        "2018-05/2018-05-essex-street.csv": csv_bytes([row("x", lon="", lat=""), row("x", lon="0.6"),
                                                       row("x", lon="0.8")])}))
    crimes = policeuk.read_crimes(source, source.select())
    assert crimes.no_location.tolist() == [True, False, False]
    assert crimes.duplicate.tolist() == [False, False, True]
    assert crimes.columns["longitude"][crimes.keep].tolist() == [0.6]


def test_crime_types_and_months_filter_rows_case_insensitively(folder):
    source = policeuk.StreetSource(folder)
    crimes = policeuk.read_crimes(source, source.select(["essex"], "2018-06"),
                                  crime_types=["ROBBERY", "burglary", "Arson"], start="2018-06")
    assert crimes.columns["crime_id"].tolist() == ["a1", "b1", "d1"]
    assert crimes.columns["crime_type"].tolist() == ["Burglary", "robbery", "Burglary"]
    assert crimes.duplicate.sum() == 0  # May's a1 was not asked for
    assert (crimes.rows_in_files, crimes.left_out_type, crimes.left_out_month) == (5, 2, 0)
    assert policeuk.missing_types(["ROBBERY", "burglary", "Arson"], crimes.crime_types) == ["Arson"]
    # The area the crimes come from: every located row of the months read, of any crime type.
    assert sorted(crimes.reference_lon.tolist()) == [0.7, 0.7, 0.7, 0.7, 0.71]
    everything = policeuk.read_crimes(source, source.select(["essex"]))
    assert everything.reference_lon.tolist() == everything.columns["longitude"][~everything.no_location].tolist()


def test_rows_of_other_months_in_a_file_are_left_out_by_their_month_column(tmp_path):
    source = policeuk.StreetSource(write_tree(tmp_path, {
        "2018-05/2018-05-essex-street.csv": csv_bytes([row("a", month="2018-05"), row("b", month="2018-04")])}))
    crimes = policeuk.read_crimes(source, source.select(start="2018-05"), start="2018-05")
    assert crimes.columns["crime_id"].tolist() == ["a"] and crimes.left_out_month == 1


def test_a_single_csv_is_read_whatever_its_name(tmp_path):
    path = tmp_path / "my_extract.csv"
    path.write_bytes(csv_bytes([row("a", month="2018-05"), row("b", month="2018-06")]))
    source = policeuk.StreetSource(path)
    assert source.kind == "file"
    crimes = policeuk.read_crimes(source, source.select(end="2018-05"), end="2018-05")
    assert crimes.columns["crime_id"].tolist() == ["a"]
    with pytest.raises(ValueError, match="of the force essex"):
        source.select(["essex"])  # its name does not say which force


def test_file_like_objects_binary_and_text():
    reader = policeuk.StreetReader()
    reader.read(io.BytesIO(csv_bytes([row("a")], bom=True)), "bytes.csv")
    reader.read(io.StringIO(csv_bytes([row("b"), row("a")]).decode(), newline=""), "text.csv")
    crimes = reader.finish()
    assert crimes.columns["crime_id"].tolist() == ["a", "b", "a"] and crimes.duplicate.tolist() == [False, False, True]
    assert crimes.files_read == 2


def test_columns_in_another_order_and_quoted_fields():
    header = ["Context"] + list(reversed(policeuk.COLUMNS))
    data = csv_bytes([[""] + list(reversed(row("q", location='On or near "The Broadway", Leigh')[:-1]))],
                     header=header)
    reader = policeuk.StreetReader()
    reader.read(io.BytesIO(data), "reordered.csv")
    crimes = reader.finish()
    assert crimes.columns["crime_id"].tolist() == ["q"]
    assert crimes.columns["location"][0] == 'On or near "The Broadway", Leigh'
    assert crimes.columns["latitude"][0] == 51.54


def test_blank_lines_and_an_empty_file_are_harmless():
    reader = policeuk.StreetReader()
    reader.read(io.BytesIO(csv_bytes([row("a")]) + b"\n\n"), "blank.csv")
    reader.read(io.BytesIO(b""), "empty.csv")
    assert reader.finish().columns["crime_id"].tolist() == ["a"]


@pytest.mark.parametrize("data, message", [
    (csv_bytes([row("a")], header=[h if h != "Crime type" else "Type" for h in HEADER]),
     r"bad\.csv is not a data\.police\.uk street-level crime file: it has no column 'Crime type'"),
    (b"just,some\ncolumns,here\n", "bad.csv is not a data.police.uk .* no column 'Crime ID' \\(nor 10 other\\)"),
    (csv_bytes([row("a"), row("b", lon="east")]), "bad.csv: data row 2 has the Longitude 'east'"),
    (csv_bytes([row("a", lat="95.5")]), "bad.csv: data row 1 has the Latitude 95.5, outside -90 to 90"),
    (csv_bytes([row("a", month="May 2018")]), "bad.csv has a Month 'May 2018' that is not yyyy-MM"),
    (csv_bytes([row("a")]) + b"b,2018-05,Essex Police\n", "bad.csv: data row 2 has 3 fields"),
    (csv_bytes([row("a", location="caf\u00e9")]).decode().encode("latin-1"), "bad.csv is not UTF-8 text"),
])
def test_damaged_files_are_refused_with_the_file_and_the_problem(data, message):
    with pytest.raises(ValueError, match=message):
        policeuk.StreetReader().read(io.BytesIO(data), "bad.csv")


def test_repeated_ids_match_brute_force():
    rng = np.random.default_rng(1)
    ids = np.array([str(i) if i else "" for i in rng.integers(0, 60, 2_000)], dtype=object)
    eligible = rng.random(2_000) < 0.8
    seen, expected = set(), []
    for crime_id, ok in zip(ids, eligible):
        expected.append(bool(ok and crime_id and crime_id in seen))
        if ok and crime_id:
            seen.add(crime_id)
    assert policeuk.repeated_ids(ids, eligible).tolist() == expected
    assert policeuk.repeated_ids(np.array([], dtype=object)).tolist() == []


def test_the_committed_sample_reads_as_a_plain_csv_reader_does():
    source = policeuk.StreetSource(POLICE_UK_SAMPLE)
    files = source.select()
    assert [(f.month, f.force) for f in files] == [("2018-05", "essex"), ("2018-06", "essex"), ("2018-07", "essex")]
    crimes = policeuk.read_crimes(source, files)
    expected = []
    with zipfile.ZipFile(POLICE_UK_SAMPLE) as archive:
        for street in files:
            with archive.open(street.name) as handle:
                expected += list(csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")))
    assert len(crimes) == len(expected) == 7_125
    for column, field in zip(policeuk.COLUMNS, policeuk.FIELDS):
        values = crimes.columns[field].tolist()
        if field in ("longitude", "latitude"):
            assert values == [float(r[column]) for r in expected]
        else:
            assert values == [r[column] for r in expected]
    assert crimes.no_location.sum() == 0 and crimes.duplicate.sum() == 0
    assert (crimes.columns["crime_id"] == "").sum() == sum(r["Crime type"] == "Anti-social behaviour" for r in expected)


def test_progress_follows_the_bytes_and_cancels(archive):
    source = policeuk.StreetSource(archive)
    seen = []
    policeuk.read_crimes(source, source.select(), progress=lambda fraction: seen.append(fraction) and False)
    assert seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(Cancelled):
        policeuk.read_crimes(source, source.select(), progress=lambda fraction: True)


def test_reading_leaves_the_files_unchanged(folder, archive):
    def digest(paths):
        return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
    paths = [p for p in folder.rglob("*") if p.is_file()] + [archive]
    before = digest(paths)
    for path in (folder, archive):
        source = policeuk.StreetSource(path)
        policeuk.read_crimes(source, source.select())
    assert digest(paths) == before
