"""Time zones for the algorithms: Python's zoneinfo, or Qt's time-zone data where Python has none.

Python's ``zoneinfo`` reads the system's tz database; on Windows that comes
from the ``tzdata`` package, which QGIS's installers do not ship.  Qt carries
its own (ICU or Windows) zone data, so :class:`QtTimeZone` wraps a
``QTimeZone`` as a ``datetime.tzinfo`` with the semantics of PEP 495, and
``core`` stays free of Qt: it gets a tzinfo and never asks where it came from.
"""

import bisect
import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from qgis.core import QgsProcessingException
from qgis.PyQt.QtCore import QDateTime, QTimeZone

from .translate import tr

_UTC = QTimeZone(b"UTC")
_EPOCH = datetime.datetime(1970, 1, 1)


def system_time_zone():
    """The IANA name of this computer's time zone, or UTC when Qt cannot tell."""
    return bytes(QTimeZone.systemTimeZoneId()).decode() or "UTC"


def time_zone(name):
    """The tzinfo for an IANA name: zoneinfo when Python has the data, else Qt's.

    Raises QgsProcessingException naming the problem and the fix when neither knows the name.
    """
    name = (name or "").strip() or system_time_zone()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    if QTimeZone(name.encode()).isValid():
        return QtTimeZone(name)
    raise QgsProcessingException(tr(
        "Unknown time zone '{}': use an IANA name such as Europe/London or America/Chicago.").format(name))


class QtTimeZone(datetime.tzinfo):
    """A ``QTimeZone`` as a ``datetime.tzinfo``, answering as ``zoneinfo.ZoneInfo`` does.

    Offsets come from the zone's transitions, loaded a year at a time and
    looked up by bisection, so a plan's hundred thousand conversions do not
    each cross into Qt.  For a wall time in the autumn's repeated hour,
    ``fold=0`` is the first occurrence; for one in the spring-forward gap,
    ``fold=0`` takes the offset from before the transition (PEP 495).
    """

    def __init__(self, name):
        super().__init__()
        self.key = name
        self._zone = QTimeZone(name.encode())
        if not self._zone.isValid():
            raise ValueError(f"Qt does not know the time zone '{name}'.")
        self._years = {}

    def __str__(self):
        return self.key

    def __repr__(self):
        return f"QtTimeZone({self.key!r})"

    def __reduce__(self):
        return (QtTimeZone, (self.key,))

    def _offset_at_utc(self, seconds):
        """The UTC offset (seconds) in force at ``seconds`` after the epoch, UTC."""
        year = (_EPOCH + datetime.timedelta(seconds=seconds)).year
        if year not in self._years:
            self._years[year] = self._load_year(year)
        starts, offsets = self._years[year]
        return offsets[bisect.bisect_right(starts, seconds) - 1]

    def _load_year(self, year):
        begin = int((datetime.datetime(year, 1, 1) - _EPOCH).total_seconds())
        end = int((datetime.datetime(year + 1, 1, 1) - _EPOCH).total_seconds())
        first = QDateTime.fromSecsSinceEpoch(begin, _UTC)
        starts, offsets = [begin], [self._zone.offsetFromUtc(first)]
        for change in self._zone.transitions(first, QDateTime.fromSecsSinceEpoch(end, _UTC)):
            starts.append(change.atUtc.toSecsSinceEpoch())
            offsets.append(change.offsetFromUtc)
        return starts, offsets

    def utcoffset(self, moment):
        if moment is None:
            return None
        wall = (moment.replace(tzinfo=None) - _EPOCH).total_seconds()
        before = self._offset_at_utc(wall - 86400)
        after = self._offset_at_utc(wall + 86400)
        valid = [offset for offset in (before, after) if self._offset_at_utc(wall - offset) == offset]
        if len(valid) == 2 and before != after:
            # Repeated hour: the first occurrence is the earlier instant, the larger offset.
            offset = max(valid) if moment.fold == 0 else min(valid)
        elif valid:
            offset = valid[0]
        else:
            offset = before if moment.fold == 0 else after
        return datetime.timedelta(seconds=offset)

    def dst(self, moment):
        if moment is None:
            return None
        instant = QDateTime.fromSecsSinceEpoch(int(self._utc_seconds(moment)), _UTC)
        return datetime.timedelta(seconds=self._zone.daylightTimeOffset(instant))

    def tzname(self, moment):
        if moment is None:
            return self.key
        instant = QDateTime.fromSecsSinceEpoch(int(self._utc_seconds(moment)), _UTC)
        return self._zone.abbreviation(instant)

    def _utc_seconds(self, moment):
        return (moment.replace(tzinfo=None) - _EPOCH).total_seconds() - self.utcoffset(moment).total_seconds()

    def fromutc(self, moment):
        offset = datetime.timedelta(seconds=self._offset_at_utc(
            (moment.replace(tzinfo=None) - _EPOCH).total_seconds()))
        local = moment + offset
        # The second pass through a repeated hour is the only case where fold=0 gives another offset.
        return local if self.utcoffset(local) == offset else local.replace(fold=1)
