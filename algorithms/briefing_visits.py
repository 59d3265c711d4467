"""What a briefing pack prints about the plan: its visits, read from the plan's layer and put in
page order, each hotspot's location text, and dates and counts in words.

The text is in the plugin's language (English unless a translation is installed), as the rest of
the pack.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

from ..core.briefing import local_start, patrol_day, patrol_minutes, unit_order
from ..core.errors import InputError
from ..core.gridref import grid_reference
from ..core.progress import Cancelled
from .crs_reader import BRITISH_NATIONAL_GRID, BRITISH_NATIONAL_GRID_AREA, WGS84
from .qt_values import python_value
from .translate import tr

REQUIRED_FIELDS = ("hotspot_id", "date", "start_local", "minutes")


def _weekdays():
    return (tr("Monday"), tr("Tuesday"), tr("Wednesday"), tr("Thursday"), tr("Friday"), tr("Saturday"),
            tr("Sunday"))


def _short_weekdays():
    return tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")


def _months():
    return (tr("January"), tr("February"), tr("March"), tr("April"), tr("May"), tr("June"), tr("July"),
            tr("August"), tr("September"), tr("October"), tr("November"), tr("December"))


def _short_months():
    return (tr("Jan"), tr("Feb"), tr("Mar"), tr("Apr"), tr("May"), tr("Jun"), tr("Jul"), tr("Aug"),
            tr("Sep"), tr("Oct"), tr("Nov"), tr("Dec"))


def long_date(day):
    """'Monday 3 June 2024', in the plugin's language."""
    return f"{_weekdays()[day.weekday()]} {day.day} {_months()[day.month - 1]} {day.year}"


def short_date(day):
    """'Mon 3 Jun', in the plugin's language."""
    return f"{_short_weekdays()[day.weekday()]} {day.day} {_short_months()[day.month - 1]}"


def count_text(number, singular, plural):
    """'1 visit', '2 visits'."""
    return f"{number} {singular if number == 1 else plural}"


def unit_text(unit):
    return "" if unit is None else str(unit)


def utc_offset_text(offset):
    """'+01:00', '-05:00' for a timedelta."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@dataclass
class Visit:
    """One planned visit: ``start`` is the local wall-clock start, with its UTC offset when known."""

    visit_id: object
    hotspot_id: str
    rank: int
    unit: object
    day: datetime.date
    start: datetime.datetime
    minutes: int

    def time_text(self):
        """Local start–end (the wall clock of start_local plus the minutes); a start after midnight
        of the patrol day names its calendar day."""
        end = self.start + datetime.timedelta(minutes=self.minutes)
        text = f"{self.start:%H:%M}–{end:%H:%M}"
        if self.start.date() != self.day:
            text += f"\n({short_date(self.start.date())})"
        return text

    def wall_clock(self):
        """The start without its UTC offset, to order visits even where some lack one."""
        return self.start.replace(tzinfo=None)


def read_plan_visits(source, hotspots, per_unit, feedback):
    """The visits of VISITS as :class:`Visit`, checked against the hotspots; raises InputError.

    Ranks come from HOTSPOTS, as the maps number them; a warning says when the plan's own ranks
    disagree (a plan made from another ranking).
    """
    fields = source.fields()
    required = REQUIRED_FIELDS + (("unit",) if per_unit else ())
    missing = [name for name in required if fields.lookupField(name) < 0]
    if missing:
        raise InputError(tr(
            "VISITS needs the fields {}, as 'Generate patrol plan' writes them; missing: {}. Choose the plan's "
            "visits layer{}.").format(", ".join(required), ", ".join(missing),
                                      tr(", or PAGES = One page per day") if missing == ["unit"] else ""))
    rank_of = {str(hotspot_id): rank for hotspot_id, rank, _ in hotspots}
    present = {name for name in ("visit_id", "unit", "rank") if fields.lookupField(name) >= 0}
    visits, unknown, other_rank = [], Counter(), set()
    for feature in source.getFeatures():
        if feedback.isCanceled():
            raise Cancelled()
        value = {name: python_value(feature[name]) for name in REQUIRED_FIELDS + tuple(present)}
        visit_id = value.get("visit_id", feature.id())
        hotspot_id = "" if value["hotspot_id"] is None else str(value["hotspot_id"])
        if hotspot_id not in rank_of:
            unknown[hotspot_id] += 1
            continue
        if "rank" in present and value["rank"] is not None and value["rank"] != rank_of[hotspot_id]:
            other_rank.add(hotspot_id)
        if per_unit and value["unit"] is None:
            raise InputError(tr(
                "Visit {} has no unit, so it cannot go on a unit's page. Fill in its unit, or choose "
                "PAGES = One page per day.").format(visit_id))
        visits.append(Visit(visit_id, hotspot_id, rank_of[hotspot_id], value.get("unit"),
                            patrol_day(value["date"], visit_id), local_start(value["start_local"], visit_id),
                            patrol_minutes(value["minutes"], visit_id)))
    if unknown:
        raise InputError(tr(
            "VISITS holds {} to hotspots that are not in HOTSPOTS (hotspot_id {}). Choose the HOTSPOTS layer "
            "the plan was made from.").format(count_text(sum(unknown.values()), tr("visit"), tr("visits")),
                                              ", ".join(sorted(h or "NULL" for h in unknown)[:10])))
    if not visits:
        raise InputError(tr(
            "VISITS has no visits. Run 'Generate patrol plan' first, or check the layer's filter and selection."))
    if other_rank:
        feedback.pushWarning(tr(
            "The plan's ranks differ from HOTSPOTS' for hotspots {}: the pack numbers them by HOTSPOTS' ranks, "
            "as on its maps. Check that the plan was made from these hotspots.").format(
                ", ".join(sorted(other_rank)[:10])))
    return visits


def group_visits(visits, per_unit):
    """The visits of each page group, ``[((day, unit or None), visits)]``: groups by day (then unit),
    each group's visits by local time, unit and rank."""
    groups = {}
    for visit in visits:
        groups.setdefault((visit.day, visit.unit if per_unit else None), []).append(visit)
    return [(key, sorted(members, key=lambda v: (v.wall_clock(), unit_order(v.unit), v.rank)))
            for key, members in sorted(groups.items(), key=lambda item: (item[0][0], unit_order(item[0][1])))]


def hotspot_locations(hotspots, crs, transform_context, streets=None):
    """Each hotspot's location text, as an officer would look it up: its street (from ``streets``,
    {hotspot_id: text}); else, in Great Britain, the Ordnance Survey grid reference of its centre
    (10 m, e.g. "TQ 8845 8590") and its latitude, longitude; elsewhere its latitude, longitude."""
    by_street = streets or {}
    to_wgs84 = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(WGS84), transform_context)
    to_grid = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(BRITISH_NATIONAL_GRID), transform_context)
    west, south, east, north = BRITISH_NATIONAL_GRID_AREA
    locations = {}
    for hotspot_id, _, geometry in hotspots:
        if hotspot_id in by_street:
            locations[str(hotspot_id)] = by_street[hotspot_id]
            continue
        centre = geometry.centroid()
        if not geometry.contains(centre):
            centre = geometry.pointOnSurface()
        point = centre.asPoint()
        lat_lon = to_wgs84.transform(point)
        text = f"{lat_lon.y():.5f}, {lat_lon.x():.5f}"
        if west <= lat_lon.x() <= east and south <= lat_lon.y() <= north:
            on_grid = to_grid.transform(point)
            reference = grid_reference(on_grid.x(), on_grid.y())
            text = f"{reference}\n{text}" if reference else text
        locations[str(hotspot_id)] = text
    return locations
