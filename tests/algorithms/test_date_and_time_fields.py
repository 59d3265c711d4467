"""A crime's date and its time of day in two fields, as records-system exports keep them (NYC's
OCCUR_DATE "01/25/2024" and OCCUR_TIME "13:30:00"; UK extracts' "25/01/2024" and "13:30"), joined by a
TIME expression: the same profile as one date-and-time field holding the same moments."""

import datetime

import numpy as np
import pytest
from qgis.core import (
    Qgis,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from hotspot_patrol.core.timeparse import parse_times, slash_date_order

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# QgsField takes a QMetaType.Type from QGIS 3.38 on (the QVariant.Type overload is deprecated).
if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType
    TYPES = {"date": QMetaType.Type.QDate, "time": QMetaType.Type.QTime, "datetime": QMetaType.Type.QDateTime,
             "text": QMetaType.Type.QString}
else:
    from qgis.PyQt.QtCore import QVariant
    TYPES = {"date": QVariant.Date, "time": QVariant.Time, "datetime": QVariant.DateTime, "text": QVariant.String}


def twelve_hour(moment, padded):
    hour = moment.hour % 12 or 12
    return f"{hour:02d}" if padded else str(hour)


# How each field is written: (field type, value of a datetime.datetime).
DATES = {
    "QDate": ("date", lambda m: QDate(m.year, m.month, m.day)),
    "ISO": ("text", lambda m: m.strftime("%Y-%m-%d")),
    "NYC": ("text", lambda m: m.strftime("%m/%d/%Y")),
    "UK": ("text", lambda m: m.strftime("%d/%m/%Y")),
}
TIMES = {
    "QTime": ("time", lambda m: QTime(m.hour, m.minute, m.second)),
    "HH:mm:ss": ("text", lambda m: m.strftime("%H:%M:%S")),
    "HH:mm": ("text", lambda m: m.strftime("%H:%M")),
    "h:mm:ss AP": ("text", lambda m: f"{twelve_hour(m, False)}:{m:%M:%S} {'AM' if m.hour < 12 else 'PM'}"),
    "hh:mm AP": ("text", lambda m: f"{twelve_hour(m, True)}:{m:%M} {'AM' if m.hour < 12 else 'PM'}"),
}
JOINED = "\"d\" || ' ' || \"t\""
CASES = [  # (date field, time field, TIME expression)
    ("QDate", "QTime", JOINED),
    ("QDate", "QTime", "concat(\"d\", ' ', \"t\")"),
    ("QDate", "QTime", "\"d\" + \"t\""),
    ("QDate", "QTime", "to_datetime(\"d\" || ' ' || \"t\")"),
    ("QDate", "QTime", 'make_datetime(year("d"), month("d"), day("d"), hour("t"), minute("t"), second("t"))'),
    ("QDate", "HH:mm", JOINED),
    ("QDate", "h:mm:ss AP", JOINED),
    ("ISO", "HH:mm:ss", JOINED),
    ("ISO", "HH:mm:ss", "to_datetime(\"d\" || ' ' || \"t\")"),
    ("ISO", "HH:mm:ss", "to_date(\"d\") + to_time(\"t\")"),
    ("ISO", "QTime", JOINED),
    ("ISO", "h:mm:ss AP", JOINED),
    ("NYC", "HH:mm:ss", JOINED),
    ("NYC", "HH:mm:ss", "to_datetime(\"d\" || ' ' || \"t\", 'MM/dd/yyyy HH:mm:ss')"),
    ("NYC", "QTime", JOINED),
    ("NYC", "hh:mm AP", JOINED),
    ("UK", "HH:mm", JOINED),
    ("UK", "QTime", JOINED),
    ("UK", "hh:mm AP", JOINED),
]


def moments(n=200, seed=11, first=datetime.datetime(2024, 1, 1), days=180):
    """n moments to the second over ``days`` days from ``first``, every hour of the week likely."""
    rng = np.random.default_rng(seed)
    return [first + datetime.timedelta(seconds=int(s)) for s in rng.integers(0, days * 86400, n)]


def crimes(when, fields, values):
    """A point layer near (1000, 1000), one crime per moment; ``values(moment)`` gives its attributes."""
    layer = QgsVectorLayer("Point?crs=EPSG:27700", "crimes", "memory")
    layer.dataProvider().addAttributes([QgsField(name, TYPES[kind]) for name, kind in fields])
    layer.updateFields()
    rng = np.random.default_rng(len(when))
    features = []
    for moment, (x, y) in zip(when, rng.uniform(200, 1800, (len(when), 2)).tolist()):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes(values(moment))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def two_fields(when, date_form, time_form):
    (date_kind, date_value), (time_kind, time_value) = DATES[date_form], TIMES[time_form]
    return crimes(when, [("d", date_kind), ("t", time_kind)], lambda m: [date_value(m), time_value(m)])


def one_field(when):
    return crimes(when, [("occurred", "datetime")], lambda m: [QDateTime(
        QDate(m.year, m.month, m.day), QTime(m.hour, m.minute, m.second))])


@pytest.fixture
def hotspot():
    layer = QgsVectorLayer("Polygon?crs=EPSG:27700&field=hotspot_id:string&field=rank:integer", "hotspots", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 2000 0, 2000 2000, 0 2000, 0 0))"))
    feature.setAttributes(["A", 1])
    layer.dataProvider().addFeatures([feature])
    return layer


def profile(run, hotspot, layer, time_expression):
    """Crimes in each hour of the week (Monday 00:00 first) that temporalprofile counts."""
    result = run("hotspotpatrol:temporalprofile", {"HOTSPOTS": hotspot, "CRIMES": layer, "TIME": time_expression,
                                                   "TIMEZONE": "Europe/London", "OUTPUT": "memory:"})
    counts = np.zeros(168, dtype=int)
    for row in result["OUTPUT"].getFeatures():
        counts[WEEKDAYS.index(row["weekday"]) * 24 + row["hour"]] = row["crimes"]
    return counts


def evaluated(layer, expression_text):
    """The expression's value for each feature, as QGIS gives it."""
    context = QgsExpressionContext()
    context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    expression = QgsExpression(expression_text)
    expression.prepare(context)
    values = []
    for feature in layer.getFeatures():
        context.setFeature(feature)
        values.append(expression.evaluate(context))
        assert not expression.hasEvalError(), expression.evalErrorString()
    return values


@pytest.mark.parametrize("date_form, time_form, expression", CASES)
def test_date_and_time_fields_give_the_profile_of_one_datetime_field(run, hotspot, date_form, time_form,
                                                                     expression):
    when = moments()
    # Days over 12 in slashed dates, and seconds only where the time field has them.
    assert any(m.day > 12 for m in when)
    if time_form in ("HH:mm", "hh:mm AP"):
        when = [m.replace(second=0) for m in when]
    expected = profile(run, hotspot, one_field(when), "occurred")
    assert expected.sum() == len(when) and np.count_nonzero(expected) > 100
    got = profile(run, hotspot, two_fields(when, date_form, time_form), expression)
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("date_form, time_form, order", [
    ("NYC", "HH:mm:ss", "month_first"), ("NYC", "QTime", "month_first"), ("NYC", "hh:mm AP", "month_first"),
    ("UK", "HH:mm", "day_first"), ("UK", "QTime", "day_first"), ("UK", "hh:mm AP", "day_first"),
    ("ISO", "HH:mm:ss", None), ("QDate", "QTime", None)])
def test_joined_columns_tell_their_date_order(date_form, time_form, order):
    layer = two_fields(moments(), date_form, time_form)
    assert slash_date_order(evaluated(layer, JOINED)) == order


def test_what_qgis_writes_for_a_date_joined_to_a_time():
    moment = [datetime.datetime(2024, 1, 25, 13, 30)]
    assert evaluated(two_fields(moment, "QDate", "QTime"), JOINED) == ["2024-01-25 13:30:00.000"]
    assert evaluated(two_fields(moment, "UK", "QTime"), JOINED) == ["25/01/2024 13:30:00.000"]
    assert evaluated(two_fields(moment, "QDate", "h:mm:ss AP"), JOINED) == ["2024-01-25 1:30:00 PM"]


def test_month_first_dates_with_no_day_over_12_are_ambiguous_and_read_day_first():
    # NYC's first twelve days of January: nothing shows the month comes first.
    when = [m for m in moments(seed=3, days=12) if m.day <= 12]
    joined = evaluated(two_fields(when, "NYC", "HH:mm:ss"), JOINED)
    assert slash_date_order(joined) == "ambiguous"
    times, _, unreadable = parse_times(joined)
    assert not unreadable.any()
    read_as = np.array([datetime.datetime(m.year, m.day, m.month, m.hour, m.minute, m.second) for m in when],
                       dtype="datetime64[s]")
    np.testing.assert_array_equal(times, read_as)  # 01/05/2024 is 1 May


def test_a_time_field_alone_is_not_a_crime_time():
    from hotspot_patrol.algorithms.qt_values import python_value
    values = [python_value(v) for v in evaluated(two_fields(moments(n=5), "QDate", "QTime"), '"t"')]
    times, missing, unreadable = parse_times(values)
    assert unreadable.all() and not missing.any()


def test_date_and_time_fields_of_a_geopackage(run, hotspot, tmp_path):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter
    when = [m.replace(second=0) for m in moments(seed=5)]
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    path = str(tmp_path / "crimes.gpkg")
    for date_form in ("QDate", "UK"):
        options.layerName = date_form
        options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteLayer if date_form == "UK"
                                        else QgsVectorFileWriter.CreateOrOverwriteFile)
        error = QgsVectorFileWriter.writeAsVectorFormatV3(two_fields(when, date_form, "HH:mm"), path,
                                                          QgsCoordinateTransformContext(), options)
        assert error[0] == QgsVectorFileWriter.NoError, error
    expected = profile(run, hotspot, one_field(when), "occurred")
    for date_form in ("QDate", "UK"):
        layer = QgsVectorLayer(f"{path}|layername={date_form}", date_form, "ogr")
        assert layer.featureCount() == len(when)
        np.testing.assert_array_equal(profile(run, hotspot, layer, JOINED), expected)
