"""hotspotpatrol:briefingpack: the patrol plan as a PDF briefing pack.

Pages are counted in the PDF itself with GDAL's PDF driver (one subdataset per page of a multi-page
file), not taken from the algorithm; the tables' rows are compared with the plan's visits read
straight from the plan layer.
"""

import datetime
import json
from collections import Counter

import pytest
from helpers import _TYPES, SAMPLE_DATA, SOUTHEND, point_layer
from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutUtils,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from hotspot_patrol.algorithms.briefing_layout import export_pdf

CHICAGO = SAMPLE_DATA / "chicago_crimes_2024.gpkg"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
PLAN_FIELDS = [("visit_id", "int"), ("hotspot_id", "text"), ("rank", "int"), ("unit", "int"), ("date", "text"),
               ("start_local", "text"), ("minutes", "int")]


@pytest.fixture(scope="module")
def chicago(tmp_path_factory, provider):
    """The Chicago sample's top 5 hotspots and a 7-day plan for them (two units)."""
    import processing
    folder = tmp_path_factory.mktemp("briefing")
    hotspots, plan = str(folder / "hotspots.gpkg"), str(folder / "plan.gpkg")
    processing.run("hotspotpatrol:rankhotspots", {"INPUT": str(CHICAGO), "TOP_N": 5, "OUTPUT": hotspots})
    processing.run("hotspotpatrol:patrolplan", {
        "HOTSPOTS": hotspots, "CRIMES": str(CHICAGO), "TIME": "date", "START_DATE": "2024-06-03", "DAYS": 7,
        "TIMEZONE": "America/Chicago", "OUTPUT": plan})
    return hotspots, plan


def pdf_page_count(path):
    """Pages as GDAL's PDF driver reads them: a subdataset per page, none for a single page."""
    dataset = gdal.Open(str(path))
    assert dataset is not None and dataset.RasterYSize > dataset.RasterXSize  # portrait
    return len(dataset.GetSubDatasets()) or 1


def plan_visits(plan):
    """The plan's visits as (date, unit, hotspot_id, rank, start_local, minutes), from the layer itself."""
    return [(f["date"].toPyDate() if hasattr(f["date"], "toPyDate") else datetime.date.fromisoformat(f["date"]),
             f["unit"], str(f["hotspot_id"]), f["rank"], f["start_local"], f["minutes"])
            for f in QgsVectorLayer(str(plan)).getFeatures()]


def expected_row(day, start_local, minutes, rank, hotspot_id, unit):
    """Time, hotspot, minutes and unit of a visit as the table should print them: a start after
    midnight of the patrol ``day`` names its calendar day."""
    start = datetime.datetime.fromisoformat(start_local)
    end = start + datetime.timedelta(minutes=minutes)
    time = f"{start_local[11:16]}–{end:%H:%M}"
    if start.date() != day:
        time += f"\n({WEEKDAYS[start.weekday()][:3]} {start.day} {MONTHS[start.month - 1][:3]})"
    return time, str(rank) if str(rank) == hotspot_id else f"{rank} (id {hotspot_id})", str(minutes), str(unit)


def build(parameters):
    """The algorithm's BriefingPack for ``parameters``, without exporting."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:briefingpack")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return algorithm.pack(parameters, context, QgsProcessingFeedback())


def items(layout, kind):
    return [item for item in layout.items() if isinstance(item, kind)]


def table_of(layout):
    tables = [frame for frame in layout.multiFrames() if isinstance(frame, QgsLayoutItemManualTable)]
    assert len(tables) == 1
    return tables[0]


def drawn_rows(layout):
    """The rows each frame of the layout's table draws, by QGIS's own layout of the table."""
    table = table_of(layout)
    context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
    return [tuple(table.rowRange(context, frame)) for frame in range(table.frameCount())]


def visits_layer(rows, crs="EPSG:32616"):
    """A plan-like visits layer; ``rows`` as PLAN_FIELDS, all at one point."""
    return point_layer([(0.0, 0.0)] * len(rows), crs=crs, fields=PLAN_FIELDS, rows=rows)


def hotspot_ids_and_ranks(hotspots):
    return sorted(((str(f["hotspot_id"]), f["rank"]) for f in QgsVectorLayer(hotspots).getFeatures()),
                  key=lambda pair: pair[1])


def test_parameters_and_metadata(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:briefingpack")
    assert algorithm.displayName() == "Patrol briefing pack (PDF)" and algorithm.groupId() == "plan"
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names == ["HOTSPOTS", "VISITS", "BASEMAP", "TITLE", "PAGES", "CRIMES", "STREET_FIELD", "OUTPUT"]
    assert algorithm.parameterDefinition("TITLE").defaultValue() == "Hotspot patrol briefing"
    pages = algorithm.parameterDefinition("PAGES")
    assert pages.defaultValue() == 0 and pages.options() == ["One page per day", "One page per unit and day"]
    for name in ("CRIMES", "STREET_FIELD"):
        definition = algorithm.parameterDefinition(name)
        assert definition.flags() & definition.FlagAdvanced and definition.flags() & definition.FlagOptional
    assert algorithm.parameterDefinition("BASEMAP").flags() & algorithm.parameterDefinition("BASEMAP").FlagOptional
    assert "*.pdf" in algorithm.parameterDefinition("OUTPUT").fileFilter()
    assert {o.name() for o in algorithm.outputDefinitions()} == {"OUTPUT", "PAGE_COUNT"}
    help_text = algorithm.shortHelpString()
    for name in names + ["PAGE_COUNT", "Sherman", "Koper"]:
        assert name in help_text, name
    assert not algorithm.icon().isNull()


def test_a_page_per_day_after_the_cover(run, chicago, tmp_path):
    hotspots, plan = chicago
    output = tmp_path / "new folder" / "p.pdf"  # made when missing, as the layout exporter does
    result = run("hotspotpatrol:briefingpack", {"HOTSPOTS": hotspots, "VISITS": plan, "OUTPUT": str(output)})
    days = {visit[0] for visit in plan_visits(plan)}
    assert len(days) >= 5  # 3 days on, 3 off, phases staggered: most days have a visit
    assert result["OUTPUT"] == str(output) and output.read_bytes()[:5] == b"%PDF-"
    assert pdf_page_count(output) == 1 + len(days) == result["PAGE_COUNT"]


def test_a_page_per_unit_and_day(run, chicago, tmp_path):
    hotspots, plan = chicago
    result = run("hotspotpatrol:briefingpack", {"HOTSPOTS": hotspots, "VISITS": plan, "PAGES": 1,
                                                "OUTPUT": str(tmp_path / "p.pdf")})
    unit_days = {(visit[0], visit[1]) for visit in plan_visits(plan)}
    assert len({unit for _, unit in unit_days}) == 2
    assert pdf_page_count(tmp_path / "p.pdf") == 1 + len(unit_days) == result["PAGE_COUNT"]


@pytest.mark.parametrize("per_unit", [False, True])
def test_each_page_lists_exactly_its_visits_in_time_order(chicago, per_unit):
    hotspots, plan = chicago
    pack = build({"HOTSPOTS": hotspots, "VISITS": plan, "PAGES": int(per_unit)})
    expected = {}
    for day, unit, hotspot_id, rank, start_local, minutes in plan_visits(plan):
        expected.setdefault((day, unit if per_unit else None), []).append(
            (start_local, expected_row(day, start_local, minutes, rank, hotspot_id, unit)))
    assert [key for key, _ in pack.groups] == sorted(expected)
    for number, (key, _) in enumerate(pack.groups):
        layout = pack.layout(number + 1)
        table = table_of(layout)
        rows = [tuple(cell.content() for cell in row) for row in table.tableContents()]
        assert [(r[0], r[1], r[3], r[4]) for r in rows] == [row for _, row in sorted(expected[key])]
        assert drawn_rows(layout) == [(0, len(rows))]
        day, unit = key
        headings = [label.text() for label in items(layout, QgsLayoutItemLabel)]
        title = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}" + (
            f" · unit {unit}" if per_unit else "")
        assert title in headings
        assert f"Hotspot patrol briefing · page {number + 2} of {len(pack.groups) + 1}" in headings


def test_a_long_day_continues_on_more_pages_and_keeps_every_visit(run, chicago, tmp_path):
    hotspots, _ = chicago
    ids = hotspot_ids_and_ranks(hotspots)
    start = datetime.datetime(2024, 6, 5, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))
    rows = []
    for number in range(40):
        hotspot_id, rank = ids[number % len(ids)]
        moment = start + datetime.timedelta(minutes=20 * number)
        rows.append([number + 1, hotspot_id, rank, 1 + number % 2, "2024-06-05",
                     moment.isoformat(timespec="minutes"), 15])
    rows.append([41, ids[0][0], ids[0][1], 1, "2024-06-06", "2024-06-06T09:00-05:00", 15])
    visits = visits_layer(rows)
    result = run("hotspotpatrol:briefingpack", {"HOTSPOTS": hotspots, "VISITS": visits,
                                                "OUTPUT": str(tmp_path / "long.pdf")})
    pages = pdf_page_count(tmp_path / "long.pdf")
    assert pages == result["PAGE_COUNT"] >= 4  # cover, the long day on 2 pages or more, the next day

    pack = build({"HOTSPOTS": hotspots, "VISITS": visits})
    layout = pack.layout(1)
    assert layout.pageCollection().pageCount() == pages - 2
    frames = drawn_rows(layout)
    assert len(frames) == layout.pageCollection().pageCount()
    # Each page draws some rows, each row is drawn once: rows 0-40 in contiguous runs.
    assert frames[0][0] == 0 and frames[-1][1] == 40 and all(first < end for first, end in frames)
    assert all(previous[1] == following[0] for previous, following in zip(frames, frames[1:]))
    times = [row[0].content() for row in table_of(layout).tableContents()]
    assert times == [expected_row(datetime.date(2024, 6, 5), r[5], 15, r[2], r[1], r[3])[0] for r in rows[:40]]
    headings = [label.text() for label in items(layout, QgsLayoutItemLabel)]
    assert "Wednesday 5 June 2024 (continued)" in headings


def test_a_visit_after_midnight_names_its_calendar_day(chicago):
    hotspots, _ = chicago
    (hotspot_id, rank), = hotspot_ids_and_ranks(hotspots)[:1]
    visits = visits_layer([[1, hotspot_id, rank, 1, "2024-06-05", "2024-06-06T00:50-05:00", 15],
                           [2, hotspot_id, rank, 1, "2024-06-05", "2024-06-05T22:10-05:00", 15]])
    pack = build({"HOTSPOTS": hotspots, "VISITS": visits})
    layout = pack.layout(1)
    rows = table_of(layout).tableContents()
    assert [row[0].content() for row in rows] == ["22:10–22:25", "00:50–01:05\n(Thu 6 Jun)"]


def test_the_day_the_clocks_change_gives_both_utc_offsets(chicago):
    hotspots, _ = chicago
    (hotspot_id, rank), = hotspot_ids_and_ranks(hotspots)[:1]
    visits = visits_layer([[1, hotspot_id, rank, 1, "2024-03-31", "2024-03-31T10:00+01:00", 15],
                           [2, hotspot_id, rank, 1, "2024-03-31", "2024-03-31T00:30+00:00", 15],
                           [3, hotspot_id, rank, 1, "2024-04-01", "2024-04-01T09:00+01:00", 15]])
    pack = build({"HOTSPOTS": hotspots, "VISITS": visits})
    summaries = []
    for number in (1, 2):
        layout = pack.layout(number)
        summaries += [label.text() for label in items(layout, QgsLayoutItemLabel) if "Times are local" in label.text()]
    assert summaries == ["2 visits, 30 patrol minutes, unit 1. Times are local (UTC+00:00 and UTC+01:00).",
                         "1 visit, 15 patrol minutes, unit 1. Times are local (UTC+01:00)."]


def constructed_hotspots():
    """Three 100 m squares in the British National Grid; rank = position."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:27700", "hotspots", "memory")
    layer.dataProvider().addAttributes([QgsField("hotspot_id", _TYPES["text"]), QgsField("rank", _TYPES["int"])])
    layer.updateFields()
    for rank, hotspot_id in enumerate(("H1", "H2", "H3"), start=1):
        feature = QgsFeature(layer.fields())
        x = 588000 + 1000 * rank
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, 185000, x + 100, 185100)))
        feature.setAttributes([hotspot_id, rank])
        layer.dataProvider().addFeatures([feature])
    return layer


def test_location_is_the_most_frequent_street_or_else_the_centre(provider):
    hotspots = constructed_hotspots()
    # H1: 3 x A Street, 2 x B Road, 1 blank; H2: none; H3: a tie, broken alphabetically.
    crimes = [((589050, 185050), "A Street")] * 3 + [((589020, 185080), "B Road")] * 2 + [
        ((589060, 185010), "")] + [((591050, 185050), "X Lane")] * 2 + [((591010, 185010), "W Way")] * 2 + [
        ((600000, 185050), "Far Away Street")] * 9
    crime_layer = point_layer([p for p, _ in crimes], fields=[("location", "text")], rows=[[s] for _, s in crimes])
    visits = visits_layer([[k, h, k, 1, "2024-06-05", f"2024-06-05T1{k}:00+01:00", 15]
                           for k, h in enumerate(("H1", "H2", "H3"), start=1)], crs="EPSG:27700")
    with_streets = build({"HOTSPOTS": hotspots, "VISITS": visits, "CRIMES": crime_layer, "STREET_FIELD": "location"})
    assert with_streets.locations["H1"] == "A Street" and with_streets.locations["H3"] == "W Way"
    centre = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:27700"),
                                    QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsProject.instance()).transform(590050, 185050)
    # Without a street: the Ordnance Survey grid reference officers use, then latitude, longitude.
    assert with_streets.locations["H2"] == f"TQ 9005 8505\n{centre.y():.5f}, {centre.x():.5f}"
    without = build({"HOTSPOTS": hotspots, "VISITS": visits})
    assert without.locations["H1"].startswith("TQ 8905 8505\n")
    layout = with_streets.layout(1)
    rows = table_of(layout).tableContents()
    assert [row[2].content() for row in rows] == ["A Street", with_streets.locations["H2"], "W Way"]


def test_outside_great_britain_a_location_is_latitude_and_longitude_only(provider):
    layer = QgsVectorLayer("Polygon?crs=EPSG:32616", "hotspots", "memory")  # Chicago, UTM 16N
    layer.dataProvider().addAttributes([QgsField("hotspot_id", _TYPES["text"]), QgsField("rank", _TYPES["int"])])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(448_000, 4_636_000, 448_150, 4_636_150)))
    feature.setAttributes(["7", 7])
    layer.dataProvider().addFeatures([feature])
    visits = visits_layer([[1, "7", 7, 1, "2024-06-05", "2024-06-05T10:00-05:00", 15]])
    pack = build({"HOTSPOTS": layer, "VISITS": visits})
    centre = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:32616"),
                                    QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsProject.instance()).transform(448_075, 4_636_075)
    assert pack.locations["7"] == f"{centre.y():.5f}, {centre.x():.5f}"
    layout = pack.layout(1)
    assert [row[1].content() for row in table_of(layout).tableContents()] == ["7"]  # not "7 (id 7)"
    assert cover_note(pack).startswith(
        "Numbers on the maps are the hotspots' ranks (1 = the most crime). Grey: hotspots without a visit in this "
        "plan. Locations: the latitude, longitude (WGS 84) of each hotspot's centre.")
    in_britain = build({"HOTSPOTS": constructed_hotspots(), "VISITS": visits_layer(
        [[1, "H1", 1, 1, "2024-06-05", "2024-06-05T10:00+01:00", 15]], crs="EPSG:27700")})
    assert ("Locations: the Ordnance Survey grid reference (10 m) of each hotspot's centre, and its latitude, "
            "longitude (WGS 84).") in cover_note(in_britain)


def cover_note(pack):
    """The cover's note under the map (its last label but the footer's)."""
    layout = pack.layout(0)  # kept while its labels are read
    texts = [label.text() for label in items(layout, QgsLayoutItemLabel)]
    return next(text for text in texts if text.startswith("Numbers on the maps"))


def test_southend_locations_from_the_data_police_uk_location_field(run, tmp_path):
    hotspots, plan = str(tmp_path / "hotspots.gpkg"), str(tmp_path / "plan.gpkg")
    run("hotspotpatrol:rankhotspots", {"INPUT": str(SOUTHEND), "TOP_N": 3, "OUTPUT": hotspots})
    run("hotspotpatrol:patrolplan", {"HOTSPOTS": hotspots, "START_DATE": "2024-03-25", "DAYS": 3,
                                     "TIMEZONE": "Europe/London", "OUTPUT": plan})
    result = run("hotspotpatrol:briefingpack", {"HOTSPOTS": hotspots, "VISITS": plan, "CRIMES": str(SOUTHEND),
                                                "STREET_FIELD": "location", "OUTPUT": str(tmp_path / "s.pdf")})
    assert pdf_page_count(tmp_path / "s.pdf") == result["PAGE_COUNT"]
    pack = build({"HOTSPOTS": hotspots, "VISITS": plan, "CRIMES": str(SOUTHEND), "STREET_FIELD": "location"})
    crimes = QgsVectorLayer(str(SOUTHEND))
    hotspot_layer = QgsVectorLayer(hotspots)
    to_crimes = QgsCoordinateTransform(hotspot_layer.crs(), crimes.crs(), QgsProject.instance())
    for feature in hotspot_layer.getFeatures():
        polygon = QgsGeometry(feature.geometry())
        polygon.transform(to_crimes)
        counts = Counter(crime["location"] for crime in crimes.getFeatures(
            QgsFeatureRequest().setFilterRect(polygon.boundingBox())) if polygon.contains(crime.geometry()))
        most = max(counts.values())
        assert pack.locations[str(feature["hotspot_id"])] == min(s for s, n in counts.items() if n == most)
        assert pack.locations[str(feature["hotspot_id"])].startswith("On or near ")


def test_maps_show_the_basemap_under_copies_of_the_hotspots(chicago):
    hotspots, plan = chicago
    hotspot_layer = QgsVectorLayer(hotspots)
    style_before = hotspot_layer.renderer().dump()
    streets = point_layer([(447000.0, 4636000.0)], crs="EPSG:32616")
    pack = build({"HOTSPOTS": hotspot_layer, "VISITS": plan, "BASEMAP": [streets]})
    for number in (0, 1):
        layout = pack.layout(number)
        maps = items(layout, QgsLayoutItemMap)
        assert maps and all(m.layers()[-1] is streets for m in maps)
        assert all(hotspot_layer.id() not in [layer.id() for layer in m.layers()] for m in maps)
        labelled = [layer for m in maps for layer in m.layers() if layer.labelsEnabled()]
        assert labelled and all(layer.labeling().settings().fieldName == "rank" for layer in labelled)
    assert hotspot_layer.renderer().dump() == style_before and not hotspot_layer.labelsEnabled()


def test_the_cover_sums_up_the_plan(chicago):
    hotspots, plan = chicago
    visits = plan_visits(plan)
    pack = build({"HOTSPOTS": hotspots, "VISITS": plan, "TITLE": "District 1 briefing"})
    layout = pack.layout(0)
    texts = " ".join(label.text() for label in items(layout, QgsLayoutItemLabel))
    assert "District 1 briefing" in texts
    assert "Monday 3 June 2024 to" in texts
    minutes = sum(v[5] for v in visits)
    hours = f"{minutes // 60}" if minutes % 60 == 0 else f"{minutes / 60:.1f}"  # no trailing ".0"
    assert (f"{len({v[2] for v in visits})} hotspots · {len(visits)} visits · 2 units · {minutes} patrol minutes "
            f"({hours} hours)" in texts)
    assert "about 15 minutes" in texts


def test_bad_input_is_refused_with_the_fix(chicago, run, tmp_path):
    hotspots, plan = chicago
    (hotspot_id, rank), = hotspot_ids_and_ranks(hotspots)[:1]
    good_row = [1, hotspot_id, rank, 1, "2024-06-05", "2024-06-05T10:00-05:00", 15]
    cases = [
        (visits_layer([]), {}, "VISITS has no visits"),
        (point_layer([(0, 0)], crs="EPSG:32616", fields=PLAN_FIELDS[:5] + [("minutes", "int")],
                     rows=[good_row[:5] + [15]]), {}, "missing: start_local"),
        (point_layer([(0, 0)], crs="EPSG:32616", fields=[f for f in PLAN_FIELDS if f[0] != "unit"],
                     rows=[good_row[:3] + good_row[4:]]), {"PAGES": 1}, "missing: unit"),
        (visits_layer([good_row, [2, "999", 9, 1, "2024-06-05", "2024-06-05T11:00-05:00", 15]]), {},
         r"VISITS holds 1 visit to hotspots that are not in HOTSPOTS \(hotspot_id 999\)"),
        (visits_layer([good_row[:5] + ["10 o'clock", 15]]), {}, "no readable start_local"),
        (visits_layer([good_row[:6] + [0]]), {}, "no patrol length"),
        (plan, {"STREET_FIELD": "block"}, "STREET_FIELD 'block' needs CRIMES"),
        (plan, {"OUTPUT": str(tmp_path / "a_file" / "p.pdf")}, "Cannot write OUTPUT"),
        (plan, {"OUTPUT": str(tmp_path)}, "Cannot write OUTPUT"),
    ]
    (tmp_path / "a_file").write_text("not a folder")
    for visits, extra, message in cases:
        with pytest.raises(QgsProcessingException, match=message):
            run("hotspotpatrol:briefingpack", {"HOTSPOTS": hotspots, "VISITS": visits,
                                               "OUTPUT": str(tmp_path / "bad.pdf"), **extra})
    assert not (tmp_path / "bad.pdf").exists()


def test_street_field_needs_crimes_before_the_run(chicago):
    hotspots, plan = chicago
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    crimes = point_layer([(447000.0, 4636000.0)], crs="EPSG:32616", fields=[("block", "text")], rows=[["1 Main St"]])
    base = {"HOTSPOTS": hotspots, "VISITS": plan, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT}

    def check(parameters):
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:briefingpack")
        return algorithm.checkParameterValues({**base, **parameters}, context)

    valid, message = check({"STREET_FIELD": "block"})
    assert not valid and "STREET_FIELD 'block' needs CRIMES" in message
    assert check({"STREET_FIELD": "block", "CRIMES": crimes})[0]
    assert check({"CRIMES": crimes})[0] and check({})[0]


def test_export_reports_progress_per_page_errors_and_cancel(chicago, tmp_path):
    hotspots, plan = chicago
    pack = build({"HOTSPOTS": hotspots, "VISITS": plan})
    feedback, progress = QgsProcessingFeedback(), []
    feedback.progressChanged.connect(progress.append)
    export_pdf(pack, str(tmp_path / "p.pdf"), feedback)
    assert len(set(progress)) >= len(pack.groups) and progress == sorted(progress)
    (tmp_path / "a_file").write_text("not a folder")
    with pytest.raises(QgsProcessingException, match="Could not write the PDF"):
        export_pdf(pack, str(tmp_path / "a_file" / "p.pdf"), QgsProcessingFeedback())
    written = (tmp_path / "p.pdf").read_bytes()
    cancelled = QgsProcessingFeedback()
    cancelled.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        export_pdf(pack, str(tmp_path / "p.pdf"), cancelled)
    # A cancelled export leaves the last pack as it was, and no partial file.
    assert (tmp_path / "p.pdf").read_bytes() == written
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a_file", "p.pdf"]


def test_through_qgis_process(qgis_process, chicago, tmp_path):
    hotspots, plan = chicago
    output = tmp_path / "pack.pdf"
    finished = qgis_process("--json", "run", "hotspotpatrol:briefingpack", "--", f"HOTSPOTS={hotspots}",
                            f"VISITS={plan}", "PAGES=1", "TITLE=Night shift", f"OUTPUT={output}")
    assert finished.returncode == 0, finished.stderr
    results = json.loads(finished.stdout[finished.stdout.index("{"):])["results"]
    assert results["OUTPUT"] == str(output)
    assert results["PAGE_COUNT"] == pdf_page_count(output) == 1 + len({(v[0], v[1]) for v in plan_visits(plan)})


@pytest.mark.parametrize("title", ["Hotspot patrols", "Hotspot patrols, Chicago sample, June 2024",
                                   "Hotspot patrol — southend_street_crime_2018 2018-08-06 to 2018-09-02, a long "
                                   "name for a district"])
def test_the_cover_title_fits_above_the_dates_whatever_its_length(provider, title):
    """Measured with Qt's font metrics as the layout wraps it: the title's lines fit its 12 mm."""
    pack = build({"HOTSPOTS": constructed_hotspots(), "TITLE": title,
                  "VISITS": visits_layer([[1, "H1", 1, 1, "2024-06-05", "2024-06-05T10:00+01:00", 15]],
                                         crs="EPSG:27700")})
    layout = pack.layout(0)
    label = next(item for item in items(layout, QgsLayoutItemLabel) if item.text() == title)
    font = label.textFormat().toQFont() if hasattr(label, "textFormat") else label.font()
    size = label.textFormat().size() if hasattr(label, "textFormat") else font.pointSizeF()
    font.setPointSizeF(size)
    width, height = label.sizeWithUnits().width(), label.sizeWithUnits().height()
    lines, line = 1, ""
    for word in title.split():
        if line and QgsLayoutUtils.textWidthMM(font, f"{line} {word}") > width:
            lines, line = lines + 1, word
        else:
            line = f"{line} {word}".strip()
    assert lines * QgsLayoutUtils.fontHeightMM(font) <= height
    assert (size == 22) == (title == "Hotspot patrols")  # a short title keeps the full size
