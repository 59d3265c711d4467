"""The Plan tab's inputs follow the crime layer: its time field and time zone are proposed from the layer,
what its times can support is said before a run, and the first day is tomorrow unless the user confirms a
past one."""

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QSettings
from qgis.PyQt.QtWidgets import QMessageBox

NYC_EXPRESSION = "\"OCCUR_DATE\" || ' ' || \"OCCUR_TIME\""


def memory_layer(name, crs, fields, points, rows):
    """A point layer of ``points`` (x, y) with ``fields`` given as a memory-provider URI part."""
    layer = QgsVectorLayer(f"Point?crs={crs}&{fields}", name, "memory")
    features = []
    for (x, y), row in zip(points, rows):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes(list(row))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


@pytest.fixture
def police_uk():
    """Southend crimes as data.police.uk gives them: a text month."""
    points = [(0.70 + 0.001 * i, 51.54 + 0.0005 * i) for i in range(30)]
    rows = [("", f"2018-0{1 + i % 7}", "Anti-social behaviour") for i in range(30)]
    return memory_layer("Essex", "EPSG:4326", "field=crime_id:string&field=month:string&field=crime_type:string",
                        points, rows)


@pytest.fixture
def nyc():
    """New York shootings: a date field and a text time of day, as NYPD's open data give them."""
    points = [(-73.95 + 0.001 * i, 40.70 + 0.001 * i) for i in range(30)]
    rows = [(i, QDate(2023, 1 + i % 12, 1 + i % 27), f"{i % 24:02d}:{(7 * i) % 60:02d}:00", "BRONX")
            for i in range(30)]
    return memory_layer("NYC shootings", "EPSG:4326", "field=INCIDENT_KEY:integer&field=OCCUR_DATE:date"
                        "&field=OCCUR_TIME:string&field=BORO:string", points, rows)


@pytest.fixture
def dates_only():
    points = [(2.35 + 0.001 * i, 48.86) for i in range(10)]
    rows = [(QDate(2024, 3, 2 + i),) for i in range(10)]
    return memory_layer("Paris", "EPSG:4326", "field=jour:date", points, rows)


@pytest.fixture
def no_time():
    points = [(13.40 + 0.001 * i, 52.52) for i in range(10)]
    return memory_layer("Berlin", "EPSG:4326", "field=kind:string", points, [("theft",)] * 10)


@pytest.fixture
def project_layers(police_uk, nyc, dates_only, no_time):
    project = QgsProject.instance()
    project.addMapLayers([police_uk, nyc, dates_only, no_time])
    yield
    project.removeAllMapLayers()


@pytest.fixture
def settings_file(tmp_path):
    return str(tmp_path / "settings.ini")


@pytest.fixture
def make_dock(make_dock, project_layers):
    """The shared dock maker, with the test layers in the project first."""
    return make_dock


def test_switching_layers_never_carries_a_field_or_zone_over(make_dock, police_uk, nyc):
    dock = make_dock()
    dock.layer_combo.setLayer(police_uk)
    assert dock.time_widget.expression() == '"month"'
    assert dock.timezone.currentText() == "Europe/London"
    assert dock.form.time_support.text().startswith(
        "Months only, as data.police.uk gives them: places and days are planned")

    dock.layer_combo.setLayer(nyc)
    assert dock.time_widget.expression() == NYC_EXPRESSION
    assert "month" not in dock.time_widget.expression()
    assert dock.timezone.currentText() == "America/New_York"
    assert dock.form.time_support.text() == "Times to the minute: visits are weighted by the hour-of-week risk."

    dock.layer_combo.setLayer(police_uk)
    assert dock.time_widget.expression() == '"month"'
    assert dock.timezone.currentText() == "Europe/London"


def test_the_time_support_line_for_dates_and_for_no_time(make_dock, dates_only, no_time):
    dock = make_dock()
    dock.layer_combo.setLayer(dates_only)
    assert dock.time_widget.expression() == '"jour"'
    assert dock.timezone.currentText() == "Europe/Paris"
    assert dock.form.time_support.text().startswith("Dates without times of day: places and days are planned")
    dock.layer_combo.setLayer(no_time)
    assert dock.time_widget.expression() == ""
    assert dock.timezone.currentText() == "Europe/Berlin"
    assert dock.form.time_support.text().startswith("No time field:")


def test_the_time_support_line_follows_the_layer_under_the_same_expression(make_dock, nyc):
    minutes = memory_layer("Minutes", "EPSG:4326", "field=OCCUR_DATE:string&field=OCCUR_TIME:string",
                           [(-73.9, 40.7)] * 3, [("2023-05-02", "13:30:00")] * 3)
    days = memory_layer("Days", "EPSG:4326", "field=OCCUR_DATE:string&field=OCCUR_TIME:string",
                        [(-73.9, 40.7)] * 3, [("2023-05-02", "00:00:00")] * 3)
    QgsProject.instance().addMapLayers([minutes, days])
    dock = make_dock()
    dock.layer_combo.setLayer(minutes)
    assert dock.time_widget.expression() == NYC_EXPRESSION
    assert dock.form.time_support.text().startswith("Times to the minute")
    dock.layer_combo.setLayer(days)
    assert dock.time_widget.expression() == NYC_EXPRESSION
    assert dock.form.time_support.text().startswith("Dates without times of day")


def test_the_time_support_line_follows_an_edited_expression(make_dock, nyc):
    dock = make_dock()
    dock.layer_combo.setLayer(nyc)
    dock.time_widget.setExpression('"OCCUR_DATE"')
    assert dock.form.time_support.text().startswith("Dates without times of day")
    dock.time_widget.setExpression('"BORO"')
    assert dock.form.time_support.text().startswith("The first crimes have no readable date and time")


def test_the_saved_field_and_zone_come_back_with_their_layer_only(make_dock, nyc, police_uk):
    first = make_dock()
    first.layer_combo.setLayer(nyc)
    first.time_widget.setExpression('"OCCUR_DATE"')
    first.timezone.setCurrentText("America/Chicago")
    first.save_settings()
    again = make_dock()
    assert again.layer_combo.currentLayer() is nyc
    assert again.time_widget.expression() == '"OCCUR_DATE"'
    assert again.timezone.currentText() == "America/Chicago"

    QgsProject.instance().removeMapLayer(nyc.id())
    later = make_dock()
    later.layer_combo.setLayer(police_uk)
    later.restore_settings()
    assert later.time_widget.expression() == '"month"'
    assert later.timezone.currentText() == "Europe/London"


def test_the_first_day_is_tomorrow_by_default_and_in_place_of_a_past_one(make_dock, settings_file):
    tomorrow = QDate.currentDate().addDays(1)
    assert make_dock().start_date.date() == tomorrow
    settings = QgsSettings(settings_file, QSettings.Format.IniFormat)
    settings.setValue("hotspot_patrol/dock/start_date", "2024-01-01")
    settings.sync()
    assert make_dock().start_date.date() == tomorrow
    later = QDate.currentDate().addDays(10)
    settings.setValue("hotspot_patrol/dock/start_date", later.toString("yyyy-MM-dd"))
    settings.sync()
    assert make_dock().start_date.date() == later


@pytest.fixture
def answers(monkeypatch):
    """The answers QMessageBox.question gives, and the questions it was asked."""
    asked = []
    replies = []

    def question(parent, title, text, *args):
        asked.append(text)
        return replies.pop(0)
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, replies


def test_a_past_first_day_asks_before_a_run(make_dock, nyc, answers):
    asked, replies = answers
    dock = make_dock()
    dock.layer_combo.setLayer(nyc)
    dock.start_date.setDate(QDate.currentDate().addDays(-3))
    replies.append(QMessageBox.StandardButton.No)
    dock.start_run()
    assert len(asked) == 1 and "is in the past" in asked[0]
    assert not dock.is_running()
    assert dock.status.text().startswith("Not started: the first day is in the past.")

    replies.append(QMessageBox.StandardButton.Yes)
    request = dock.form.run_request()
    assert request.start_date == QDate.currentDate().addDays(-3) and len(asked) == 2


def test_today_or_later_asks_nothing(make_dock, nyc, answers):
    asked, _ = answers
    dock = make_dock()
    dock.layer_combo.setLayer(nyc)
    for day in (QDate.currentDate(), QDate.currentDate().addDays(1)):
        dock.start_date.setDate(day)
        assert dock.form.run_request().start_date == day
    assert asked == []
