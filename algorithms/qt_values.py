"""Conversions between Qt/QGIS values and plain Python values, shared by the algorithms."""

import datetime

from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone, QVariant


def python_value(value):
    """A QGIS attribute or expression value as a plain Python value (None for NULL)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        if not value.isValid():
            return None
        if value.timeSpec() == Qt.LocalTime:
            return value.toPyDateTime()
        # UTC, an offset or a zone: keep the offset, so a TIMEZONE can convert it.
        offset = datetime.timezone(datetime.timedelta(seconds=value.offsetFromUtc()))
        return datetime.datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000.0, offset)
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):  # a time of day without its date: unreadable, but shown plainly in the warning
        return value.toPyTime() if value.isValid() else None
    return value


def qt_datetime(moment):
    """An aware Python datetime as the same instant in a QDateTime of its time zone.

    Built from the instant, not the wall-clock time, so the autumn's repeated hour stays right.
    """
    return QDateTime.fromMSecsSinceEpoch(int(round(moment.timestamp() * 1000)),
                                         QTimeZone(str(moment.tzinfo).encode()))
