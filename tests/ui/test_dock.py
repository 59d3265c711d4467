"""The Hotspot Patrol dock on the Chicago sample: the background chain, the plan's table, filters,
selection, the day × hour strip, exports, settings, layers removed under it, cancelling; and the
plugin's toolbar action."""

import csv
import datetime
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from unittest.mock import MagicMock

import pytest
from helpers import SAMPLE_DATA, fill_plan_form, point_layer, wait_until_idle
from qgis.core import (
    NULL,
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsLayerTreeGroup,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QLocale, QSettings, Qt

CHICAGO = SAMPLE_DATA / "chicago_crimes_2024.gpkg"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def hour_of_week(start_local):
    moment = datetime.datetime.fromisoformat(start_local)
    return moment.weekday() * 24 + moment.hour


def configure(dock, crimes, hotspots=5, days=7, units=1):
    fill_plan_form(dock, crimes, days=days, hotspots=hotspots, units=units, seed=3)


@pytest.fixture
def planned(make_dock, crimes):
    """A dock that has run the chain: 5 hotspots, 7 days, 2 units."""
    dock = make_dock()
    configure(dock, crimes, units=2)
    outcomes = []
    dock.run_finished.connect(outcomes.append)
    dock.start_run()
    assert dock.is_running()
    wait_until_idle(dock)
    assert outcomes == [True], dock.status.text()
    return dock


def plan_groups():
    return [node for node in QgsProject.instance().layerTreeRoot().children() if isinstance(node, QgsLayerTreeGroup)]


def visible_rows(dock):
    return dock.proxy.rowCount()


def test_dock_opens_with_defaults(make_dock, crimes):
    from hotspot_patrol.core.schedule import DEFAULT_SHIFTS
    dock = make_dock()
    assert dock.layer_combo.currentLayer() is crimes
    assert dock.time_widget.expression() == '"date"'  # guessed from the field's name
    assert (dock.cell_size.value(), dock.hotspot_count.value(), dock.days.value()) == (150, 20, 28)
    assert dock.start_date.date() == QDate.currentDate().addDays(1)
    assert dock.timezone.currentText() == "America/Chicago"  # proposed from where the layer is
    assert dock.shifts.text() == DEFAULT_SHIFTS
    assert (dock.units.value(), dock.seed.value(), dock.density.isChecked()) == (1, 0, False)
    assert dock.run_button.isEnabled() and not dock.cancel_button.isEnabled()
    assert not dock.export_csv_button.isEnabled() and not dock.briefing_button.isEnabled()
    assert dock.model.rowCount() == 0 and dock.strip.risk is None


def test_run_adds_one_styled_group_and_fills_the_table(planned, tmp_path):
    dock = planned
    assert dock.layer("visits").source().startswith(str(tmp_path))
    groups = plan_groups()
    assert [group.name() for group in groups] == ["Hotspot patrol — Chicago crimes 2024-06-03"]
    visits, hotspots = dock.layer("visits"), dock.layer("hotspots")
    assert [layer.layerId() for layer in groups[0].findLayers()] == [visits.id(), hotspots.id()]
    assert hotspots.featureCount() == 5
    assert visits.renderer().type() == "categorizedSymbol" and visits.renderer().classAttribute() == "unit"
    assert hotspots.labelsEnabled()
    # Exactly the plan layer's visits, one row each, showing each visit's own start and unit.
    features = {feature.id(): feature for feature in visits.getFeatures()}
    assert len(features) > 0 and dock.model.rowCount() == len(features) == visible_rows(dock)
    from hotspot_patrol.ui.visits_table import FID_ROLE, N_COLUMNS
    shown = {}
    for row in range(dock.model.rowCount()):
        fid = dock.model.index(row, 0).data(FID_ROLE)
        shown[fid] = tuple(dock.model.index(row, column).data() for column in range(N_COLUMNS))
    local_day = {fid: QDate.fromString(f["start_local"][:10], Qt.DateFormat.ISODate) for fid, f in features.items()}

    def end_time(feature):
        start = datetime.datetime.fromisoformat(feature["start_local"])
        return f"{start + datetime.timedelta(minutes=feature['minutes']):%H:%M}"
    assert shown == {fid: (QLocale().toString(local_day[fid], "ddd d MMM"),
                           f"{f['start_local'][11:16]}–{end_time(f)}", f["hotspot_id"], str(f["unit"]),
                           f"{f['risk']:.2f}") for fid, f in features.items()}
    # The 22:00-02:00 shift has visits after midnight: shown on their own day, filed under the shift's.
    assert any(local_day[fid] != f["date"] for fid, f in features.items())
    assert "5 hotspots" in dock.status.text() and f"{len(features)} visits planned" in dock.status.text()
    assert dock.export_csv_button.isEnabled() and dock.export_gpkg_button.isEnabled()
    assert dock.tabs.currentIndex() == 1


def test_density_surface_joins_the_group(make_dock, crimes):
    dock = make_dock()
    configure(dock, crimes, hotspots=3, days=3)
    dock.density.setChecked(True)
    dock.start_run()
    wait_until_idle(dock)
    density = dock.layer("density")
    assert density is not None and density.renderer().type() == "singlebandpseudocolor"
    assert [layer.layerId() for layer in plan_groups()[0].findLayers()][-1] == density.id()


def test_police_uk_months_still_give_a_plan_with_starts_spread_evenly(make_dock, crimes, qgis_iface):
    southend = QgsVectorLayer(str(SAMPLE_DATA / "southend_street_crime_2018.gpkg"), "Southend", "ogr")
    QgsProject.instance().addMapLayer(southend)
    dock = make_dock()
    qgis_iface.messageBar().clear_messages()
    configure(dock, southend, hotspots=5, days=7, units=2)
    dock.time_widget.setField("month")
    dock.timezone.setCurrentText("Europe/London")
    outcomes = []
    dock.run_finished.connect(outcomes.append)
    dock.start_run()
    wait_until_idle(dock)
    assert outcomes == [True], dock.status.text()
    visits = list(dock.layer("visits").getFeatures())
    assert visits and all(visit["risk"] in (None, NULL) for visit in visits)
    assert dock.profiles == {}
    from hotspot_patrol.ui.visits_table import RISK_COLUMN
    assert {dock.model.index(row, RISK_COLUMN).data() for row in range(dock.model.rowCount())} == {""}
    assert dock.visits_page.strip_title.text().startswith("No crime risk by hour: the crimes carry no time of day")
    # Listed in the panel, not in passing toasts; the status says there is something to read.
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning) == []
    warnings = " ".join(dock.results.warning_texts())
    assert re.match(r"Done in [\d.]+ s, \d+ warnings? \(below\)\.", dock.status.text())
    assert "no time of day" in warnings
    assert warnings.count("An hour-of-week profile would put them all at midnight") == 1
    assert "exactly 00:00" not in warnings  # months at 00:00 on the 1st are the resolution, not heaping


def test_day_and_unit_filters_and_sorting(planned):
    dock = planned
    features = list(dock.layer("visits").getFeatures())
    days = sorted({f["date"].toString(Qt.DateFormat.ISODate) for f in features})
    units = sorted({f["unit"] for f in features})
    assert len(days) == 7 and units == [1, 2]
    assert dock.day_filter.count() == 8 and dock.unit_filter.count() == 3
    for day_index, day in enumerate(days, start=1):
        dock.day_filter.setCurrentIndex(day_index)
        expected = sum(f["date"].toString(Qt.DateFormat.ISODate) == day for f in features)
        assert visible_rows(dock) == expected
        dock.unit_filter.setCurrentIndex(2)
        assert visible_rows(dock) == sum(f["date"].toString(Qt.DateFormat.ISODate) == day and f["unit"] == 2
                                         for f in features)
        dock.unit_filter.setCurrentIndex(0)
    dock.day_filter.setCurrentIndex(0)
    dock.unit_filter.setCurrentIndex(1)
    assert visible_rows(dock) == sum(f["unit"] == 1 for f in features)
    dock.unit_filter.setCurrentIndex(0)
    assert visible_rows(dock) == len(features)

    # Risk high to low; visits in time order, or by time of day; hotspots as numbers (10 after 9).
    from hotspot_patrol.ui.visits_table import (
        DAY_COLUMN,
        FID_ROLE,
        HOTSPOT_COLUMN,
        RISK_COLUMN,
        TIME_COLUMN,
        UNIT_COLUMN,
    )

    def column(number):
        return [dock.proxy.index(row, number).data() for row in range(visible_rows(dock))]
    dock.table.sortByColumn(RISK_COLUMN, Qt.SortOrder.DescendingOrder)
    risks = [float(text) for text in column(RISK_COLUMN)]
    assert risks == sorted(risks, reverse=True)
    assert risks[0] == pytest.approx(max(f["risk"] for f in features), abs=0.005)
    dock.table.sortByColumn(DAY_COLUMN, Qt.SortOrder.AscendingOrder)
    by_fid = {f.id(): f for f in features}
    order = [by_fid[dock.proxy.index(row, 0).data(FID_ROLE)]["start"] for row in range(visible_rows(dock))]
    assert order == sorted(order, key=lambda moment: moment.toMSecsSinceEpoch())
    dock.table.sortByColumn(TIME_COLUMN, Qt.SortOrder.AscendingOrder)
    starts = [text[:5] for text in column(TIME_COLUMN)]
    assert starts == sorted(f["start_local"][11:16] for f in features) and starts[0] < starts[-1]
    dock.table.sortByColumn(HOTSPOT_COLUMN, Qt.SortOrder.AscendingOrder)
    assert [int(text) for text in column(HOTSPOT_COLUMN)] == sorted(int(f["hotspot_id"]) for f in features)
    dock.table.sortByColumn(UNIT_COLUMN, Qt.SortOrder.DescendingOrder)
    assert [int(text) for text in column(UNIT_COLUMN)] == sorted((f["unit"] for f in features), reverse=True)


def test_selecting_a_row_selects_the_visit_pans_and_shows_its_hotspot(planned, qgis_iface):
    dock = planned
    canvas = qgis_iface.mapCanvas()
    previous_crs = canvas.mapSettings().destinationCrs()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))  # not the layer's: pans transform
    try:
        from hotspot_patrol.ui.visits_table import HOTSPOT_COLUMN, RISK_COLUMN, TIME_COLUMN, UNIT_COLUMN
        visits = dock.layer("visits")
        dock.table.sortByColumn(RISK_COLUMN, Qt.SortOrder.DescendingOrder)
        dock.table.selectRow(0)
        selected = visits.selectedFeatureIds()
        assert len(selected) == 1
        riskiest = visits.getFeature(selected[0])
        assert riskiest["risk"] == max(f["risk"] for f in visits.getFeatures())
        assert [dock.proxy.index(0, column).data() for column in (UNIT_COLUMN, HOTSPOT_COLUMN)] == [
            str(riskiest["unit"]), riskiest["hotspot_id"]]
        assert dock.proxy.index(0, TIME_COLUMN).data().startswith(riskiest["start_local"][11:16])
        transform = QgsCoordinateTransform(visits.crs(), canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        expected = transform.transform(riskiest.geometry().asPoint())
        assert canvas.center().x() == pytest.approx(expected.x(), abs=0.01)
        assert canvas.center().y() == pytest.approx(expected.y(), abs=0.01)
        assert dock.strip_title.text().startswith(f"Hotspot {riskiest['hotspot_id']}:")
        assert dock.strip.highlight == hour_of_week(riskiest["start_local"])
    finally:
        canvas.setDestinationCrs(previous_crs)


def test_strip_shows_the_temporal_profile_and_the_hotspots_visits(planned, run):
    dock = planned
    profile = run("hotspotpatrol:temporalprofile", {
        "HOTSPOTS": dock.layer("hotspots").source(), "CRIMES": str(CHICAGO), "TIME": "date",
        "TIMEZONE": "America/Chicago", "OUTPUT": "memory:"})["OUTPUT"]
    visits = list(dock.layer("visits").getFeatures())
    for hotspot_id in ("1", "4"):
        dock.show_hotspot(hotspot_id)
        rows = [f for f in profile.getFeatures() if f["hotspot_id"] == hotspot_id]
        expected = [0.0] * 168
        for row in rows:
            expected[WEEKDAYS.index(row["weekday"]) * 24 + row["hour"]] = row["risk"]
        assert len(rows) == 168 and dock.strip.risk.tolist() == pytest.approx(expected, rel=1e-12)
        counts = [0] * 168
        for visit in visits:
            if visit["hotspot_id"] == hotspot_id:
                counts[hour_of_week(visit["start_local"])] += 1
        assert dock.strip.visit_counts.tolist() == counts and sum(counts) > 0
    busiest = max(range(168), key=lambda hour: counts[hour])
    text = dock.strip.cell_text(busiest // 24, busiest % 24)
    assert f"{busiest % 24:02d}:00" in text and f"{expected[busiest]:.2f}" in text
    assert (f"{counts[busiest]} planned visits" if counts[busiest] > 1 else "1 planned visit") in text
    # The cell under a point in the middle of that cell is that cell.
    assert dock.strip.cell_at(dock.strip.cell_rect(busiest // 24, busiest % 24).center().toPoint()) == (
        busiest // 24, busiest % 24)


def test_exports_equal_what_patrolplan_writes(planned, crimes, run, tmp_path, monkeypatch):
    dock = planned
    independent = run("hotspotpatrol:patrolplan", {
        "HOTSPOTS": dock.layer("hotspots").source(), "CRIMES": str(CHICAGO), "TIME": "date",
        "START_DATE": "2024-06-03", "DAYS": 7, "TIMEZONE": "America/Chicago", "UNITS": 2, "SEED": 3,
        "OUTPUT": "memory:", "OUTPUT_CSV": str(tmp_path / "reference.csv"),
        "OUTPUT_ICS": str(tmp_path / "reference.ics")})
    chosen = []

    def choose(title, file_filter, suggested_name):
        chosen.append(suggested_name)
        return str(tmp_path / f"export{len(chosen)}")  # no extension: the dock adds it
    monkeypatch.setattr(dock, "choose_export_path", choose)

    dock.export_csv_button.click()
    assert (tmp_path / "export1.csv").read_text() == (tmp_path / "reference.csv").read_text()
    with open(tmp_path / "export1.csv", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == dock.model.rowCount() == independent["VISITS"]

    dock.export_ics_button.click()

    def without_stamps(path):
        return [line for line in path.read_text().splitlines() if not line.startswith("DTSTAMP")]
    assert without_stamps(tmp_path / "export2.ics") == without_stamps(tmp_path / "reference.ics")

    dock.export_gpkg_button.click()
    exported = QgsVectorLayer(str(tmp_path / "export3.gpkg"), "exported", "ogr")
    assert exported.isValid()

    def key(f):
        return f["visit_id"], f["hotspot_id"], f["unit"], f["start_local"], f["minutes"]
    assert sorted(map(key, exported.getFeatures())) == sorted(map(key, independent["OUTPUT"].getFeatures()))
    assert chosen == ["patrol_plan.csv", "patrol_plan.ics", "patrol_plan.gpkg"]

    asked = []
    monkeypatch.setattr(dock, "open_briefing_dialog", asked.append)
    dock.export_briefing_pack()
    assert len(asked) == 1
    assert asked[0]["HOTSPOTS"] is dock.layer("hotspots") and asked[0]["VISITS"] is dock.layer("visits")
    assert asked[0]["CRIMES"] is crimes and asked[0]["TITLE"] == "Hotspot patrol — Chicago crimes 2024-06-03"
    assert "BASEMAP" not in asked[0]  # the project has no OpenStreetMap layer: no basemap, offline is fine


def test_the_briefing_dialog_offers_the_projects_openstreetmap_layer(make_dock, crimes, qgis_iface, monkeypatch):
    """When the project has OpenStreetMap tiles, the briefing dialog opened from the panel has them
    chosen as its basemap (another raster of the project is not chosen for the user)."""
    import processing

    from hotspot_patrol.ui import exports
    aerial = QgsRasterLayer("type=xyz&url=https://example.org/aerial/%7Bz%7D/%7Bx%7D/%7By%7D.png", "Aerial", "wms")
    osm = QgsRasterLayer("type=xyz&url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmax=19",
                         "OpenStreetMap", "wms")
    QgsProject.instance().addMapLayers([aerial, osm])
    dock = make_dock()
    configure(dock, crimes)
    dock.start_run()
    wait_until_idle(dock)
    asked = []
    dock.open_briefing_dialog = asked.append
    dock.export_briefing_pack()
    assert asked[0]["BASEMAP"] == [osm]
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: None, raising=False)  # the stub's is a MagicMock
    dialog = processing.createAlgorithmDialog(exports.BRIEFING_PACK, asked[0])
    try:
        chosen = dialog.mainWidget().createProcessingParameters()["BASEMAP"]
    finally:
        dialog.deleteLater()
    assert [QgsProject.instance().mapLayer(v) or v for v in chosen] in ([osm], [osm.source()])


def test_hotspots_chosen_by_forecast_are_the_best_backtested_forecasts_top_cells(make_dock, crimes, run, tmp_path):
    """"Chosen by: Forecast (best by backtest)" runs Forecast hotspots (best by backtest, over the plan's days
    from its first day) and ranks by it: the same hotspots as the two algorithms run by hand."""
    dock = make_dock()
    configure(dock, crimes, hotspots=5)
    dock.form.choose_by.setCurrentIndex(dock.form.choose_by.findData("forecast"))
    outcomes = []
    dock.run_finished.connect(outcomes.append)
    dock.start_run()
    wait_until_idle(dock)
    assert outcomes == [True], dock.status.text()
    forecast = run("hotspotpatrol:forecasthotspots", {
        "INPUT": str(CHICAGO), "TIME": "date", "METHOD": 5, "FORECAST_START": "2024-06-03", "HORIZON_DAYS": 7,
        "TOP_N": 5, "OUTPUT": str(tmp_path / "forecast.gpkg")})
    ranked = run("hotspotpatrol:rankhotspots", {"INPUT": str(CHICAGO), "TOP_N": 5, "RANK_BY": 4,
                                                "FORECAST": forecast["OUTPUT"], "OUTPUT": "memory:"})
    expected = sorted(f["cell_id"] for f in ranked["OUTPUT"].getFeatures())
    assert sorted(f["cell_id"] for f in dock.layer("hotspots").getFeatures()) == expected
    method = ("Counts over a window", "Recency-weighted counts", "Kernel-smoothed counts", "Prospective hotspotting",
              "Self-exciting point process")[int(forecast["METHOD_USED"])]
    assert f"Chosen by forecast: {method}." in dock.status.text()


def test_settings_come_back_in_a_new_dock(make_dock, crimes):
    first = make_dock()
    configure(first, crimes, hotspots=7, days=9, units=3)
    first.time_widget.setExpression("to_datetime(\"date\", 'MM/dd/yyyy hh:mm:ss AP')")
    first.cell_size.setValue(200)
    first.shifts.setText("09:00-17:00")
    first.density.setChecked(True)
    first.form.choose_by.setCurrentIndex(1)
    first.save_settings()
    other = point_layer([(0, 0)], crs="EPSG:27700")
    QgsProject.instance().addMapLayer(other)  # another point layer the new dock could pick
    second = make_dock()
    assert second.layer_combo.currentLayer() is crimes
    assert second.time_widget.expression() == "to_datetime(\"date\", 'MM/dd/yyyy hh:mm:ss AP')"
    assert (second.cell_size.value(), second.hotspot_count.value(), second.days.value()) == (200, 7, 9)
    assert second.start_date.date() == QDate.currentDate().addDays(1)  # a saved first day now past: tomorrow
    assert (second.timezone.currentText(), second.shifts.text()) == ("America/Chicago", "09:00-17:00")
    assert (second.units.value(), second.seed.value(), second.density.isChecked()) == (3, 3, True)
    assert second.form.choose_by.currentData() == "forecast"


def test_removing_the_layers_clears_the_dock(planned, crimes, qgis_iface, monkeypatch):
    dock = planned
    monkeypatch.setattr(dock, "choose_export_path", lambda *args: pytest.fail("no plan to export"))
    dock.show_hotspot("1")
    hotspots_id = dock.layer_ids["hotspots"]
    QgsProject.instance().removeMapLayer(dock.layer_ids["visits"])
    assert dock.model.rowCount() == 0 and visible_rows(dock) == 0 and dock.strip.risk is None
    assert dock.layer("hotspots") is None and dock.layer("visits") is None  # the plan is gone, not its layers
    assert QgsProject.instance().mapLayer(hotspots_id) is not None
    assert not any(button.isEnabled() for button in (dock.export_gpkg_button, dock.export_csv_button,
                                                     dock.export_ics_button, dock.briefing_button))
    for action in (dock.export_geopackage, dock.export_csv, dock.export_calendar, dock.export_briefing_pack):
        action()
    dock.show_hotspot("1")
    QgsProject.instance().removeMapLayer(hotspots_id)
    QgsProject.instance().removeMapLayer(crimes.id())
    assert dock.layer_combo.currentLayer() is None and not dock.run_button.isEnabled()
    dock.start_run()
    assert not dock.is_running() and "Choose the layer" in dock.status.text()


def test_removing_the_hotspots_layer_clears_the_dock(planned):
    dock = planned
    QgsProject.instance().removeMapLayer(dock.layer_ids["hotspots"])
    assert dock.model.rowCount() == 0 and not dock.export_csv_button.isEnabled()
    dock.table.selectRow(0)
    assert dock.strip.risk is None


def test_cancel_adds_nothing(make_dock, crimes):
    dock = make_dock()
    configure(dock, crimes, hotspots=20, days=28)
    dock.density.setChecked(True)
    before = set(QgsProject.instance().mapLayers())
    outcomes = []
    dock.run_finished.connect(outcomes.append)
    dock.start_run()
    assert dock.cancel_button.isEnabled()
    dock.cancel_button.click()
    wait_until_idle(dock)
    assert outcomes == [False]
    assert set(QgsProject.instance().mapLayers()) == before and plan_groups() == []
    assert dock.status.text().startswith("Cancelled") and dock.model.rowCount() == 0
    assert dock.run_button.isEnabled() and not dock.cancel_button.isEnabled()


def test_a_cancelled_run_leaves_the_plan_on_show(planned, tmp_path, monkeypatch):
    dock = planned
    rows, title = dock.model.rowCount(), plan_groups()[0].name()
    shown_csv = (tmp_path / "shown.csv")
    monkeypatch.setattr(dock, "choose_export_path", lambda *args: str(shown_csv))
    dock.export_csv()
    dock.hotspot_count.setValue(9)
    dock.start_run()
    dock.cancel_run()
    wait_until_idle(dock)
    assert dock.model.rowCount() == rows and [group.name() for group in plan_groups()] == [title]
    again = tmp_path / "again.csv"
    monkeypatch.setattr(dock, "choose_export_path", lambda *args: str(again))
    dock.export_csv()
    assert again.read_text() == shown_csv.read_text()


def test_removing_the_crime_layer_cancels_a_run(make_dock, crimes):
    dock = make_dock()
    configure(dock, crimes, hotspots=20, days=28)
    dock.start_run()
    QgsProject.instance().removeMapLayer(crimes.id())
    wait_until_idle(dock)
    assert QgsProject.instance().mapLayers() == {} and plan_groups() == []
    assert "crime layer was removed" in dock.status.text()


def test_an_algorithms_error_shows_in_the_dock(make_dock, crimes, qgis_iface):
    empty = point_layer([None], crs="EPSG:27700", fields=[("date", "text")], rows=[["2024-06-03 10:00"]])
    QgsProject.instance().addMapLayer(empty)
    dock = make_dock()
    dock.layer_combo.setLayer(empty)
    dock.time_widget.setField("date")
    qgis_iface.messageBar().clear_messages()
    outcomes = []
    dock.run_finished.connect(outcomes.append)
    dock.start_run()
    wait_until_idle(dock)
    assert outcomes == [False] and plan_groups() == []
    assert dock.status.text().startswith("The run failed: ") and "no points to work with" in dock.status.text()
    assert "Traceback" not in dock.status.text()
    assert any("no points to work with" in message for message in dock.pushed_message_texts())


def test_bad_input_is_refused_before_running(make_dock, crimes):
    dock = make_dock()
    configure(dock, crimes)
    dock.timezone.setCurrentText("Mars/Olympus")
    dock.start_run()
    assert not dock.is_running() and "Unknown time zone" in dock.status.text()
    dock.timezone.setCurrentText("America/Chicago")
    dock.shifts.setText("8-14")
    dock.start_run()
    assert not dock.is_running() and "HH:MM-HH:MM" in dock.status.text()


@pytest.mark.parametrize("iface", [None, MagicMock()], ids=["no iface", "mock iface"])
def test_dock_works_without_a_real_iface(iface, crimes, tmp_path):
    from hotspot_patrol.ui.dock import HotspotPatrolDock
    dock = HotspotPatrolDock(iface, None, QgsSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        dock.layer_combo.setLayer(None)
        dock.start_run()
        assert "Choose the layer" in dock.status.text()
        configure(dock, crimes, hotspots=3, days=2)
        dock.start_run()
        wait_until_idle(dock)
        assert dock.model.rowCount() == dock.layer("visits").featureCount() > 0
        dock.table.selectRow(1)
        assert len(dock.layer("visits").selectedFeatureIds()) == 1
    finally:
        dock.cleanup()


def test_closing_the_dock_lets_its_run_finish(make_dock, crimes):
    """Closing a dock only hides it, as the toolbar button does: the results still arrive."""
    dock = make_dock()
    configure(dock, crimes, hotspots=5, days=7)
    outcomes = []
    dock.run_finished.connect(outcomes.append)
    dock.start_run()
    dock.close()
    wait_until_idle(dock)
    assert outcomes == [True] and len(plan_groups()) == 1


def test_unsaved_edits_are_refused_before_running(make_dock, crimes, tmp_path):
    # A copy: opening a GeoPackage for editing writes to it, and the sample must stay as committed.
    shutil.copy(CHICAGO, tmp_path / "crimes.gpkg")
    crimes = QgsVectorLayer(str(tmp_path / "crimes.gpkg"), "crimes being edited", "ogr")
    QgsProject.instance().addMapLayer(crimes)
    dock = make_dock()
    configure(dock, crimes)
    crimes.startEditing()
    try:
        crimes.deleteFeature(next(crimes.getFeatures()).id())
        dock.start_run()
        assert not dock.is_running() and "unsaved" in dock.status.text()
    finally:
        crimes.rollBack()


def test_plugin_toolbar_action_toggles_the_dock_and_unloads(qgis_iface, provider, crimes, monkeypatch, tmp_path):
    from hotspot_patrol import classFactory
    from hotspot_patrol.ui import dock as dock_module
    monkeypatch.setattr(dock_module, "QgsSettings",
                        lambda: QgsSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    calls = []
    for name in ("addToolBarIcon", "removeToolBarIcon", "addPluginToMenu", "removePluginMenu",
                 "addDockWidget", "removeDockWidget"):
        monkeypatch.setattr(qgis_iface, name, lambda *args, name=name: calls.append((name, args[-1])))
    monkeypatch.setattr(qgis_iface, "addTabifiedDockWidget", lambda *args: calls.append(("tabified", args)),
                        raising=False)
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    action = plugin.action
    assert ("addToolBarIcon", action) in calls and ("addPluginToMenu", action) in calls
    assert action.text() == "Hotspot Patrol" and plugin.dock is None
    action.trigger()
    dock = plugin.dock
    # On the right, a tab beside the Processing Toolbox when that is open (so neither gets half a column).
    assert ("tabified", (Qt.DockWidgetArea.RightDockWidgetArea, dock, ["ProcessingToolbox"], True)) in calls
    assert not dock.isHidden()
    action.trigger()
    assert dock.isHidden() and not action.isChecked() and plugin.dock is dock
    action.trigger()
    configure(dock, crimes, hotspots=20, days=28)
    dock.start_run()
    task = dock.task
    plugin.unload()  # while the run is on: it is cancelled, and nothing is added
    assert task.isCanceled()
    assert ("removeToolBarIcon", action) in calls and ("removePluginMenu", action) in calls
    assert ("removeDockWidget", dock) in calls and plugin.dock is None and plugin.action is None
    deadline = time.monotonic() + 120
    while QgsApplication.taskManager().countActiveTasks():
        assert time.monotonic() < deadline
        QgsApplication.processEvents()
    QgsApplication.processEvents()
    assert plan_groups() == [] and list(QgsProject.instance().mapLayers()) == [crimes.id()]
    # The session's provider was registered first: the plugin took none, and left it in place.
    assert QgsApplication.processingRegistry().providerById("hotspotpatrol") is provider


def test_unloading_the_plugin_during_a_run_does_not_crash(tmp_path):
    """The plugin removes its provider on unload: a run still using it must have stopped first.
    In child processes, as a crash would take the test session with it; the delays put the unload
    in the ranking, planning and density steps (without the wait, most runs at 0.1 s crashed)."""
    script = Path(__file__).with_name("unload_during_run.py")
    for delay in ("0.05", "0.1", "0.1", "0.1", "0.15", "0.2"):
        finished = subprocess.run([sys.executable, str(script), str(tmp_path / "settings.ini"), delay],
                                  env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                                  capture_output=True, text=True, timeout=300)
        assert finished.returncode == 0 and "survived" in finished.stdout, (
            f"unloading after {delay} s: exit status {finished.returncode}\n{finished.stderr[-2000:]}")
