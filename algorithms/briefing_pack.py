"""hotspotpatrol:briefingpack — the patrol plan as a printable PDF: a cover, then a page per day
(or per unit and day) with a map of that day's hotspots and the table of its visits.

Built with a QGIS print layout, headless: a private QgsProject owns copies of the hotspots; the
input layers and their styles are never touched. The PDF is written through
:class:`QgsLayoutExporter`'s iterator export, one layout per day, so every day reports progress
and can be cancelled, and only one day's layout is held in memory at a time.
"""

import datetime
import os
from collections import Counter
from dataclasses import dataclass

from qgis.core import (
    Qgis,
    QgsAbstractLayoutIterator,
    QgsCentroidFillSymbolLayer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLayoutUtils,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsSimpleLineCallout,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsTextBackgroundSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication, QPointF, QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.schedule import WEEKDAYS
from .base import HotspotAlgorithm, make_field
from .qt_values import python_value
from .reader import PointIndex, assign_to_polygons, metric_crs, read_hotspots, read_points, source_of

# A4 portrait, in millimetres.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 210.0, 297.0, 12.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FOOTER_TOP = PAGE_HEIGHT - MARGIN - 2.0
DAY_MAP_TOP, DAY_MAP_HEIGHT = 32.0, 104.0
TABLE_TOP = DAY_MAP_TOP + DAY_MAP_HEIGHT + 5.0
CONTINUED_TABLE_TOP = 28.0
TABLE_BOTTOM = FOOTER_TOP - 3.0
MIN_MAP_SPAN = 800.0  # metres: a single small hotspot still shows its streets
MAP_PAD = 8.0  # mm around the hotspots on a map, room for their numbers
CROWDED = 3.0  # mm: hotspots closer than this on a map get a detail map
DETAIL_WIDTH, DETAIL_GAP = 60.0, 3.0

# Text widths; each cell adds twice CELL_MARGIN and the grid lines, so the table spans CONTENT_WIDTH.
CELL_MARGIN, GRID_WIDTH = 1.5, 0.2
COLUMNS = (("Time", 27.0), ("Hotspot", 22.0), ("Location", 72.0), ("Minutes", 16.0), ("Unit", 11.0),
           ("Done", 18.4))
REQUIRED_FIELDS = ("hotspot_id", "date", "start_local", "minutes")
HOTSPOT_RED, CONTEXT_GREY = "215,48,31,200", "#d9d9d9"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def tr(text):
    return QCoreApplication.translate("BriefingPackAlgorithm", text)


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
            text += f"\n({_short_date(self.start.date())})"
        return text

    def wall_clock(self):
        """The start without its UTC offset, to order visits even where some lack one."""
        return self.start.replace(tzinfo=None)


class BriefingPackAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "briefingpack"
    DISPLAY_NAME = "Patrol briefing pack (PDF)"
    GROUP = "plan"
    ICON = "briefing_pack"
    HELP = (
        "Prints the patrol plan for the officers who carry it out: one PDF with a cover, then a page for each "
        "day (or each unit and day) with visits, each with a map of that day's hotspots numbered by rank and "
        "the table of its visits in time order, so that every patrol starts at the planned time, in the "
        "planned place, for the planned minutes.\n\n"
        "<b>Parameters</b><ul>"
        "<li>HOTSPOTS: polygons with hotspot_id and rank, as Rank patrol hotspots writes them; the maps "
        "number them by rank.</li>"
        "<li>VISITS: the planned visits, as Generate patrol plan writes them: hotspot_id, date (the patrol "
        "day), start_local (local time with UTC offset, ISO 8601), minutes and unit. Every visit's "
        "hotspot_id must be in HOTSPOTS.</li>"
        "<li>BASEMAP (optional): layers drawn under the hotspots on every map, e.g. an OpenStreetMap (XYZ) "
        "layer or a streets layer; the first listed is drawn on top. Each layer's rights (Layer Properties "
        "▸ Metadata) are printed as its credit.</li>"
        "<li>TITLE (Hotspot patrol briefing): the cover's title, repeated in every page's footer.</li>"
        "<li>PAGES: One page per day (default), or One page per unit and day, a sheet for each crew (needs "
        "the unit field).</li>"
        "<li>CRIMES and STREET_FIELD (advanced, optional): crime points with a street or place text, e.g. "
        "location in data.police.uk files ('On or near High Street') or block in Chicago's; a hotspot's "
        "location is then the most frequent value among the crimes inside it.</li></ul>"
        "<b>Outputs</b><ul>"
        "<li>OUTPUT: the PDF, A4 portrait; its text is text, so it can be searched and copied.</li>"
        "<li>PAGE_COUNT: its number of pages.</li></ul>"
        "<b>Method</b>: the cover gives the title, the period, the numbers of hotspots, visits and units, the "
        "total patrol minutes, how to patrol, and a map of all hotspots numbered by rank (grey: hotspots "
        "without a visit). Then, in date order, a page for each day with visits: a map zoomed to that day's "
        "hotspots and the table of its visits: time (local start–end; a visit after midnight that belongs to "
        "the previous evening's shift names its calendar day), hotspot (rank and id), location, minutes, unit "
        "and an empty Done column to tick. Where numbers would crowd on a map, detail maps beside it, "
        "lettered on it, show the crowded hotspots closer up. A table longer than the page continues on the "
        "next page: no visit is ever left out. Without STREET_FIELD, or for a hotspot without such crimes, a "
        "location is the hotspot's centre (its centroid, or a point inside it when the centroid falls "
        "outside): latitude and longitude (WGS 84, 5 decimals, about a metre, to type into a phone), then "
        "easting and northing to the metre in the hotspots' CRS, or in a UTM zone when that CRS is not in "
        "metres. The cover tells officers to patrol each hotspot highly visibly for the plan's usual "
        "minutes, at the stated time: the short, unpredictable visits of the Minneapolis hot spots "
        "experiment (Sherman &amp; Weisburd 1995), about 15 minutes long after the Koper curve (Koper "
        "1995).\n\n"
        "<b>References</b><ul>"
        "<li>Koper, C. S. (1995). Just enough police presence: reducing crime and disorderly behavior by "
        "optimizing patrol time in crime hot spots. Justice Quarterly 12(4), 649–672.</li>"
        "<li>Sherman, L. W. &amp; Weisburd, D. (1995). General deterrent effects of police patrol in crime "
        "“hot spots”: a randomized, controlled trial. Justice Quarterly 12(4), 625–648.</li></ul>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HOTSPOTS", self.tr("Hotspots (polygons with hotspot_id and rank)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "VISITS", self.tr("Patrol visits (from Generate patrol plan)"), [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "BASEMAP", self.tr("Basemap layers under the hotspots"), QgsProcessing.TypeMapLayer, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "TITLE", self.tr("Title"), defaultValue=self.tr("Hotspot patrol briefing")))
        self.addParameter(QgsProcessingParameterEnum(
            "PAGES", self.tr("Pages"), options=[self.tr("One page per day"), self.tr("One page per unit and day")],
            defaultValue=0))
        crimes = QgsProcessingParameterFeatureSource(
            "CRIMES", self.tr("Crimes with a street or place field (for the locations)"),
            [QgsProcessing.TypeVectorPoint], optional=True)
        street = QgsProcessingParameterField(
            "STREET_FIELD", self.tr("Street or place field of the crimes"), parentLayerParameterName="CRIMES",
            optional=True)
        for parameter in (crimes, street):
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Briefing pack"), self.tr("PDF (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber("PAGE_COUNT", self.tr("Pages")))

    def flags(self):
        # A print layout is a QGraphicsScene with fonts and pictures: it belongs in the GUI thread.
        no_threading = (Qgis.ProcessingAlgorithmFlag.NoThreading if hasattr(Qgis, "ProcessingAlgorithmFlag")
                        else QgsProcessingAlgorithm.FlagNoThreading)
        return super().flags() | no_threading

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        check_writable(path)
        pack = self.pack(parameters, context, feedback)
        feedback.pushInfo(self.tr("{} visits on {} pages: a cover and {} day pages{}.").format(
            len(pack.visits), pack.page_count, pack.page_count - 1,
            self.tr(" (one per unit and day)") if pack.per_unit else ""))
        pack.export(path, feedback)
        return {"OUTPUT": path, "PAGE_COUNT": pack.page_count}

    def pack(self, parameters, context, feedback):
        """The :class:`BriefingPack` of the parameters, paginated, ready to export."""
        per_unit = self.parameterAsEnum(parameters, "PAGES", context) == 1
        hotspots_source = source_of(self, parameters, "HOTSPOTS", context)
        crs = metric_crs(hotspots_source.sourceCrs(), hotspots_source.sourceExtent(), None, context, feedback)
        hotspots = read_hotspots(hotspots_source, "HOTSPOTS", context, crs, need_rank=True)
        visits = read_plan_visits(source_of(self, parameters, "VISITS", context), hotspots, per_unit, feedback)
        streets = self._streets(parameters, context, feedback, crs, hotspots)
        return BriefingPack(
            title=self.parameterAsString(parameters, "TITLE", context).strip() or self.tr("Hotspot patrol briefing"),
            hotspots=hotspots, visits=visits, crs=crs, per_unit=per_unit,
            locations=hotspot_locations(hotspots, crs, context.transformContext(), streets),
            basemaps=self.parameterAsLayerList(parameters, "BASEMAP", context),
            transform_context=context.transformContext(), street_field=streets and streets[0])

    def _streets(self, parameters, context, feedback, crs, hotspots):
        """(field name, the most frequent value of STREET_FIELD per hotspot) or None."""
        street_field = self.parameterAsString(parameters, "STREET_FIELD", context)
        has_crimes = bool(parameters.get("CRIMES"))
        if not street_field:
            if has_crimes:
                feedback.pushInfo(self.tr("CRIMES is only used with STREET_FIELD: locations are coordinates."))
            return None
        if not has_crimes:
            raise QgsProcessingException(self.tr(
                "STREET_FIELD '{}' needs CRIMES, the crime points that hold it. Choose CRIMES, or clear "
                "STREET_FIELD to give coordinates as locations.").format(street_field))
        points = read_points(self, parameters, "CRIMES", context, feedback, target_crs=crs,
                             category_field=street_field)
        owner = assign_to_polygons(PointIndex(points.x, points.y), [geometry for _, _, geometry in hotspots])
        values = {}
        for position, value in zip(owner, points.category):
            text = "" if value is None else str(value).strip()
            if position >= 0 and text:
                values.setdefault(int(position), Counter())[text] += 1
        # Ties go to the alphabetically first value, so the same data give the same pack.
        streets = {hotspots[position][0]: min(counts.items(), key=lambda item: (-item[1], item[0]))[0]
                   for position, counts in values.items()}
        missing = len(hotspots) - len(streets)
        if missing:
            feedback.pushInfo(self.tr("{} hotspots have no crime with a {} value: their location is their "
                                      "coordinates.").format(missing, street_field))
        return street_field, streets


def check_writable(path):
    """Refuse a PDF path that cannot be written before any work is done; make its folder if missing,
    as the layout exporter would."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        pass
    if os.path.isdir(path) or not os.path.isdir(folder) or not os.access(folder, os.W_OK) or (
            os.path.exists(path) and not os.access(path, os.W_OK)):
        raise QgsProcessingException(tr(
            "Cannot write OUTPUT '{}': its folder must be writable, and the file must not be a folder or "
            "read-only. Choose another file name or folder.").format(path))


def read_plan_visits(source, hotspots, per_unit, feedback):
    """The visits of VISITS as :class:`Visit`, checked against the hotspots.

    Ranks come from HOTSPOTS, as the maps number them; a warning says when the plan's own ranks
    disagree (a plan made from another ranking).
    """
    fields = source.fields()
    required = REQUIRED_FIELDS + (("unit",) if per_unit else ())
    missing = [name for name in required if fields.lookupField(name) < 0]
    if missing:
        raise QgsProcessingException(tr(
            "VISITS needs the fields {}, as 'Generate patrol plan' writes them; missing: {}. Choose the plan's "
            "visits layer{}.").format(", ".join(required), ", ".join(missing),
                                      tr(", or PAGES = One page per day") if missing == ["unit"] else ""))
    rank_of = {str(hotspot_id): rank for hotspot_id, rank, _ in hotspots}
    present = {name for name in ("visit_id", "unit", "rank") if fields.lookupField(name) >= 0}
    visits, unknown, other_rank = [], Counter(), set()
    for feature in source.getFeatures():
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled by the user."))
        value = {name: python_value(feature[name]) for name in REQUIRED_FIELDS + tuple(present)}
        visit_id = value.get("visit_id", feature.id())
        hotspot_id = "" if value["hotspot_id"] is None else str(value["hotspot_id"])
        if hotspot_id not in rank_of:
            unknown[hotspot_id] += 1
            continue
        if "rank" in present and value["rank"] is not None and value["rank"] != rank_of[hotspot_id]:
            other_rank.add(hotspot_id)
        if per_unit and value["unit"] is None:
            raise QgsProcessingException(tr(
                "Visit {} has no unit, so it cannot go on a unit's page. Fill in its unit, or choose "
                "PAGES = One page per day.").format(visit_id))
        visits.append(Visit(visit_id, hotspot_id, rank_of[hotspot_id], value.get("unit"),
                            _day(value["date"], visit_id), _start(value["start_local"], visit_id),
                            _minutes(value["minutes"], visit_id)))
    if unknown:
        raise QgsProcessingException(tr(
            "VISITS holds {} to hotspots that are not in HOTSPOTS (hotspot_id {}). Choose the HOTSPOTS layer "
            "the plan was made from.").format(_count(sum(unknown.values()), tr("visit"), tr("visits")),
                                              ", ".join(sorted(h or "NULL" for h in unknown)[:10])))
    if not visits:
        raise QgsProcessingException(tr(
            "VISITS has no visits. Run 'Generate patrol plan' first, or check the layer's filter and selection."))
    if other_rank:
        feedback.pushWarning(tr(
            "The plan's ranks differ from HOTSPOTS' for hotspots {}: the pack numbers them by HOTSPOTS' ranks, "
            "as on its maps. Check that the plan was made from these hotspots.").format(
                ", ".join(sorted(other_rank)[:10])))
    return visits


def _day(value, visit_id):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10].replace("/", "-"))
    except ValueError:
        raise QgsProcessingException(tr(
            "Visit {} has no readable date ('{}'); the patrol day must be a date such as 2024-06-03.").format(
                visit_id, value)) from None


def _start(value, visit_id):
    if isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise QgsProcessingException(tr(
            "Visit {} has no readable start_local ('{}'); it must be a local time in ISO 8601 such as "
            "2024-06-03T12:20-05:00, as Generate patrol plan writes it.").format(visit_id, value)) from None


def _minutes(value, visit_id):
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        minutes = 0
    if minutes <= 0:
        raise QgsProcessingException(tr(
            "Visit {} has no patrol length: minutes is '{}'; it must be a whole number of minutes above 0.").format(
                visit_id, value))
    return minutes


def hotspot_locations(hotspots, crs, transform_context, streets=None):
    """Each hotspot's location text: its street (from ``streets``: (field, {hotspot_id: text})), or
    the coordinates of its centre as latitude, longitude and easting, northing in ``crs``."""
    by_street = streets[1] if streets else {}
    to_wgs84 = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), transform_context)
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
        locations[str(hotspot_id)] = f"{lat_lon.y():.5f}, {lat_lon.x():.5f}\nE {point.x():.0f}  N {point.y():.0f}"
    return locations


def _set_text(item, text, size, bold=False, colour="#000000"):
    """Text and font of a layout label, on QGIS before and after 3.24's text formats."""
    item.setText(text)
    if hasattr(item, "setTextFormat"):
        item.setTextFormat(_text_format(size, bold, colour))
    else:
        font = QFont()
        font.setBold(bold)
        font.setPointSizeF(size)
        item.setFont(font)
        item.setFontColor(QColor(colour))


def _text_format(size, bold=False, colour="#000000"):
    text_format = QgsTextFormat()
    font = QFont()
    font.setBold(bold)
    text_format.setFont(font)
    text_format.setSize(size)
    text_format.setColor(QColor(colour))
    return text_format


def _always_text():
    """PDF text as text (searchable, small), not outlines."""
    if hasattr(Qgis, "TextRenderFormat"):
        return Qgis.TextRenderFormat.AlwaysText
    return QgsRenderContext.TextRenderFormat.AlwaysText


class BriefingPack:
    """The pages of a briefing pack: a cover, then for each group (a day, or a unit and day) one
    page with a map and the start of its table, and continuation pages for the rest of the table.

    ``pages[g]`` lists the row ranges ``(first, end)`` of group ``g``'s table on each of its pages,
    measured by QGIS's own table layout, so no row is ever cut off.
    """

    def __init__(self, title, hotspots, visits, locations, crs, basemaps, per_unit, transform_context,
                 street_field=None, today=None):
        self.title = title
        self.crs = crs
        self.per_unit = per_unit
        self.basemaps = list(basemaps)
        self.locations = locations
        self.street_field = street_field
        self.today = today or datetime.date.today()
        self.visits = visits
        self.project = QgsProject()
        self.project.setCrs(crs)
        self.project.setTransformContext(transform_context)
        self.geometry = {str(hotspot_id): geometry for hotspot_id, _, geometry in hotspots}
        self.rank = {str(hotspot_id): rank for hotspot_id, rank, _ in hotspots}
        self._page_layers = []
        self.all_hotspots = self._hotspot_layer(tr("Hotspots"), self.geometry, focus=False)
        groups = {}
        for visit in visits:
            groups.setdefault((visit.day, visit.unit if per_unit else None), []).append(visit)
        self.groups = [(key, sorted(members, key=lambda v: (v.wall_clock(), _sortable(v.unit), v.rank)))
                       for key, members in sorted(groups.items(), key=lambda item: (item[0][0], _sortable(item[0][1])))]
        self.pages = [self._paginate(self.table_rows(members)) for _, members in self.groups]
        self.first_page = [2]
        for ranges in self.pages[:-1]:
            self.first_page.append(self.first_page[-1] + len(ranges))
        self.page_count = 1 + sum(len(ranges) for ranges in self.pages)

    # --- contents ------------------------------------------------------------------------

    def table_rows(self, visits):
        """The visit table's rows as text, in the order of ``COLUMNS``."""
        return [[visit.time_text(), tr("{} (id {})").format(visit.rank, visit.hotspot_id),
                 self.locations[visit.hotspot_id], str(visit.minutes), _text(visit.unit), ""]
                for visit in visits]

    def heading(self, key):
        day, unit = key
        return _long_date(day) + (tr(" · unit {}").format(unit) if self.per_unit else "")

    # --- layouts -------------------------------------------------------------------------

    def layout(self, index):
        """Layout ``index``: 0 the cover, then one per group (with its continuation pages).

        The previous layout's hotspot copies are dropped: it has been exported by then, and a year
        of pages would otherwise keep hundreds of layers."""
        self.project.removeMapLayers(self._page_layers)
        self._page_layers = []
        return self.cover() if index == 0 else self.group_layout(index - 1)

    def cover(self):
        layout = self._new_layout(1)
        units = {_text(v.unit) for v in self.visits if v.unit is not None}
        days = sorted({v.day for v in self.visits})
        minutes = sum(v.minutes for v in self.visits)
        patrolled = {v.hotspot_id for v in self.visits}
        typical = sorted(v.minutes for v in self.visits)[len(self.visits) // 2]
        self._label(layout, self.title, 0, 0, 12, 22, bold=True)
        self._label(layout, tr("{} to {} ({} days, {} with patrols)").format(
            _long_date(days[0]), _long_date(days[-1]), (days[-1] - days[0]).days + 1, len(days)), 0, 14, 7, 12)
        self._label(layout, tr("{} · {} · {} · {} patrol minutes ({:.1f} hours)").format(
            _count(len(patrolled), tr("hotspot"), tr("hotspots")), _count(len(self.visits), tr("visit"), tr("visits")),
            _count(len(units), tr("unit"), tr("units")), minutes, minutes / 60.0), 0, 21, 7, 12)
        how = self._label(layout, tr(
            "How to patrol: at the time in the day's table, go to the numbered hotspot and patrol it for about {} "
            "minutes, highly visible (high-visibility jacket, on foot where you can, talk to people), then "
            "move on to the next. Keep to the times and the minutes: short visits at unpredictable times deter "
            "crime for longest.").format(typical), 0, 31, 21, 10)
        how.setBackgroundEnabled(True)
        how.setBackgroundColor(QColor("#fdf0e6"))
        how.setMarginX(2.5)
        how.setMarginY(1.5)
        map_top = 55.0
        map_height = FOOTER_TOP - 14.0 - MARGIN - map_top
        focus = self._hotspot_layer(tr("Patrolled hotspots"), {h: self.geometry[h] for h in patrolled}, focus=True)
        self._maps(layout, 0, map_top, map_height, focus, self.geometry.keys(), details=3)
        notes = [tr("Numbers on the maps are the hotspots' ranks (1 = the most crime). Grey: hotspots without "
                    "a visit in this plan.")]
        notes.append(self._location_note())
        notes.append(self._basemap_note())
        self._label(layout, " ".join(n for n in notes if n), 0, map_top + map_height + 1.5, 12, 8, colour="#444444")
        self._footer(layout, 0, 1)
        return layout

    def group_layout(self, group):
        key, members = self.groups[group]
        ranges = self.pages[group]
        layout = self._new_layout(len(ranges))
        heading = self.heading(key)
        minutes = sum(v.minutes for v in members)
        units = sorted({_text(v.unit) for v in members if v.unit is not None}, key=_sortable)
        self._label(layout, heading, 0, 0, 10, 16, bold=True)
        summary = tr("{}, {} patrol minutes").format(_count(len(members), tr("visit"), tr("visits")), minutes)
        if units and not self.per_unit:
            summary += ", {} {}".format(tr("unit") if len(units) == 1 else tr("units"), ", ".join(units))
        offsets = sorted({v.start.utcoffset() for v in members if v.start.utcoffset() is not None})
        if offsets:  # two on the day the clocks change
            summary += tr(". Times are local (UTC{}).").format(tr(" and UTC").join(map(_utc_offset, offsets)))
        self._label(layout, summary, 0, 11, 6, 10)
        focus = self._hotspot_layer(heading, {v.hotspot_id: self.geometry[v.hotspot_id] for v in members}, focus=True)
        self._maps(layout, 0, DAY_MAP_TOP - MARGIN, DAY_MAP_HEIGHT, focus, {v.hotspot_id for v in members},
                   details=2)
        table = self._table(layout, self.table_rows(members))
        for page in range(len(ranges)):
            top = TABLE_TOP if page == 0 else CONTINUED_TABLE_TOP
            if page:
                self._label(layout, tr("{} (continued)").format(heading), page, 0, 10, 16, bold=True)
            frame = QgsLayoutFrame(layout, table)
            self._place(frame, page, 0, top - MARGIN, CONTENT_WIDTH, TABLE_BOTTOM - top)
            table.addFrame(frame)
            self._footer(layout, page, self.first_page[group] + page)
        return layout

    def export(self, path, feedback):
        """Write the PDF, a layout at a time; raises QgsProcessingException on failure or cancel."""
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.textRenderFormat = _always_text()
        settings.appendGeoreference = False
        # Written beside OUTPUT, then moved over it: a failed or cancelled export keeps the old pack.
        # The exporter reports success even when Qt could not open the file: only a new, non-empty
        # file proves the pack was written.
        partial = f"{path}.partial.pdf"
        try:
            iterator = _LayoutIterator(self, feedback)
            result, error = QgsLayoutExporter.exportToPdf(iterator, partial, settings, feedback)
            if iterator.error is not None:
                raise iterator.error
            if result == QgsLayoutExporter.ExportResult.Canceled or feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled by the user."))
            if (result != QgsLayoutExporter.ExportResult.Success or not os.path.isfile(partial)
                    or not os.path.getsize(partial)):
                raise QgsProcessingException(tr(
                    "Could not write the PDF '{}' ({}). Check that the folder exists and is writable, that the "
                    "file is not open in another program, and that the disk is not full.").format(
                        path, error or _EXPORT_ERRORS.get(result, tr("nothing was written"))))
            try:
                os.replace(partial, path)
            except OSError as error:
                raise QgsProcessingException(tr(
                    "Cannot replace OUTPUT '{}' ({}). Close it in other programs, or choose another file "
                    "name.").format(path, error.strerror)) from None
        finally:
            if os.path.exists(partial):
                os.remove(partial)

    # --- building blocks -----------------------------------------------------------------

    def _new_layout(self, pages):
        layout = QgsPrintLayout(self.project)
        layout.setName(self.title)
        for _ in range(pages):
            page = QgsLayoutItemPage(layout)
            page.setPageSize(QgsLayoutSize(PAGE_WIDTH, PAGE_HEIGHT))
            layout.pageCollection().addPage(page)
        return layout

    @staticmethod
    def _place(item, page, x, y, width, height):
        """Put ``item`` ``x``, ``y`` mm from the top left margin corner of ``page``."""
        item.attemptResize(QgsLayoutSize(width, height))
        item.attemptMove(QgsLayoutPoint(MARGIN + x, MARGIN + y), page=page)

    def _label(self, layout, text, page, y, height, size, bold=False, colour="#000000", x=0.0,
               width=CONTENT_WIDTH, align=Qt.AlignmentFlag.AlignLeft):
        label = QgsLayoutItemLabel(layout)
        _set_text(label, text, size, bold, colour)
        label.setHAlign(align)
        label.setMarginX(0)
        label.setMarginY(0)
        layout.addLayoutItem(label)
        self._place(label, page, x, y, width, height)
        return label

    def _footer(self, layout, page, number):
        y = FOOTER_TOP - MARGIN
        self._label(layout, tr("{} · page {} of {}").format(self.title, number, self.page_count), page, y, 5, 8,
                    colour="#444444", width=CONTENT_WIDTH * 0.7)
        self._label(layout, tr("Generated on {} by Hotspot Patrol").format(self.today.isoformat()), page, y, 5, 8,
                    colour="#444444", x=CONTENT_WIDTH * 0.5, width=CONTENT_WIDTH * 0.5,
                    align=Qt.AlignmentFlag.AlignRight)

    def _maps(self, layout, page, y, height, focus, shown, details):
        """A map of the hotspots ``shown`` (``focus`` red and numbered, the others grey) and, where
        their numbers would crowd, up to ``details`` detail maps beside it, lettered A, B, ... on it."""
        width, clusters = CONTENT_WIDTH, self._crowded(shown, CONTENT_WIDTH, height)
        if clusters:
            width = CONTENT_WIDTH - DETAIL_WIDTH - DETAIL_GAP
            clusters = self._crowded(shown, width, height)[:details]
        overview = self._map(layout, page, 0, y, width, height, focus, shown)
        slot = (height - DETAIL_GAP * (len(clusters) - 1)) / max(len(clusters), 1)
        for number, cluster in enumerate(clusters):
            letter = chr(ord("A") + number)
            top = y + number * (slot + DETAIL_GAP)
            detail = self._map(layout, page, width + DETAIL_GAP, top, DETAIL_WIDTH, slot, focus, cluster)
            frame = QgsLayoutItemMapOverview(letter, overview)
            frame.setLinkedMap(detail)
            frame.setFrameSymbol(QgsFillSymbol.createSimple({
                "style": "no", "outline_color": "#252525", "outline_width": "0.35", "outline_style": "dash"}))
            overview.overviews().addOverview(frame)
            box = detail.extent()
            corner = overview.mapToItemCoords(QPointF(box.xMinimum(), box.yMaximum()))
            self._tag(layout, letter, page, corner.x() - 4.5, y + corner.y() - 1.0)
            self._tag(layout, letter, page, width + DETAIL_GAP + 1.0, top + 1.0)

    def _tag(self, layout, letter, page, x, y):
        label = self._label(layout, letter, page, y, 4.5, 9, bold=True, x=x, width=4.0,
                            align=Qt.AlignmentFlag.AlignHCenter)
        label.setBackgroundEnabled(True)
        label.setBackgroundColor(QColor("#ffffff"))
        label.setFrameEnabled(True)
        label.setFrameStrokeWidth(QgsLayoutMeasurement(0.25))

    def _map(self, layout, page, x, y, width, height, focus, shown):
        item = QgsLayoutItemMap(layout)
        layout.addLayoutItem(item)
        self._place(item, page, x, y, width, height)
        item.setCrs(self.crs)
        item.setLayers([focus, self.all_hotspots] + self.basemaps)
        item.setKeepLayerSet(True)
        item.setFrameEnabled(True)
        item.setBackgroundColor(QColor("white"))
        item.zoomToExtent(self._extent(shown, width, height))
        bar = QgsLayoutItemScaleBar(layout)
        bar.setLinkedMap(item)
        bar.setStyle("Single Box")
        bar.applyDefaultSize(_distance_unit(kilometres=item.extent().width() > 4000))
        if width < CONTENT_WIDTH / 2:
            bar.setNumberOfSegments(1)  # a narrow detail map has no room for more labels
        bar.setTextFormat(_text_format(7))
        bar.setBackgroundEnabled(True)
        bar.setBackgroundColor(QColor(255, 255, 255, 200))
        layout.addLayoutItem(bar)
        bar.refresh()
        bar.attemptMove(QgsLayoutPoint(MARGIN + x + 2.0, MARGIN + y + height - bar.rect().height() - 2.0), page=page)
        return item

    def _extent(self, hotspot_ids, width, height):
        """The hotspots' bounding box with MAP_PAD mm around it for their numbers, in a map ``width``
        by ``height`` mm, at least MIN_MAP_SPAN metres across."""
        boxes = [self.geometry[hotspot_id].boundingBox() for hotspot_id in hotspot_ids]
        box = QgsRectangle(min(b.xMinimum() for b in boxes), min(b.yMinimum() for b in boxes),
                           max(b.xMaximum() for b in boxes), max(b.yMaximum() for b in boxes))
        per_mm = max(box.width() / (width - 2 * MAP_PAD), box.height() / (height - 2 * MAP_PAD),
                     MIN_MAP_SPAN / min(width, height))
        centre = box.center()
        return QgsRectangle(centre.x() - width * per_mm / 2, centre.y() - height * per_mm / 2,
                            centre.x() + width * per_mm / 2, centre.y() + height * per_mm / 2)

    def _crowded(self, hotspot_ids, width, height):
        """Groups of hotspots whose centres lie closer than CROWDED mm on a map of them ``width`` by
        ``height`` mm (single linkage), the biggest first; lone hotspots are left out."""
        ids = sorted(hotspot_ids, key=lambda h: self.rank[h])
        extent = self._extent(ids, width, height)
        limit = CROWDED * extent.width() / width
        centres = [self.geometry[h].centroid().asPoint() for h in ids]
        group = list(range(len(ids)))

        def root(k):
            while group[k] != k:
                k = group[k]
            return k
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                if centres[i].distance(centres[j]) < limit:
                    group[root(j)] = root(i)
        clusters = {}
        for k, hotspot_id in enumerate(ids):
            clusters.setdefault(root(k), []).append(hotspot_id)
        crowded = [members for members in clusters.values() if len(members) > 1]
        return sorted(crowded, key=lambda members: (-len(members), self.rank[members[0]]))

    def _hotspot_layer(self, name, geometries, focus):
        """A memory copy of hotspots in the map CRS; ``focus``: red, numbered by rank; else grey."""
        layer = QgsVectorLayer("MultiPolygon", name, "memory")
        layer.setCrs(self.crs)
        fields = QgsFields()
        fields.append(make_field("hotspot_id", "text"))
        fields.append(make_field("rank", "int"))
        layer.dataProvider().addAttributes(fields.toList())
        layer.updateFields()
        features = []
        for hotspot_id, geometry in geometries.items():
            feature = QgsFeature(layer.fields())
            shape = QgsGeometry(geometry)
            shape.convertToMultiType()
            feature.setGeometry(shape)
            feature.setAttributes([hotspot_id, int(self.rank[hotspot_id])])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        # Hotspots are a few pixels wide on a city map: a dot at the centre keeps each one visible.
        fill, outline, dot, dot_size = ((HOTSPOT_RED, "#67000d", "#b2182b", "2.2") if focus
                                        else (CONTEXT_GREY, "#737373", "#969696", "1.6"))
        symbol = QgsFillSymbol.createSimple({"color": fill, "outline_color": outline, "outline_width": "0.25"})
        centre = QgsCentroidFillSymbolLayer()
        centre.setSubSymbol(QgsMarkerSymbol.createSimple({
            "name": "circle", "color": dot, "outline_color": "#ffffff", "outline_width": "0.3", "size": dot_size}))
        symbol.appendSymbolLayer(centre)
        if focus:
            layer.setLabeling(QgsVectorLayerSimpleLabeling(self._rank_labels()))
            layer.setLabelsEnabled(True)
            self._page_layers.append(layer.id())
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        self.project.addMapLayer(layer, False)
        return layer

    @staticmethod
    def _rank_labels():
        """Ranks in red discs beside the hotspots' dots, placed around them to keep clear of each other,
        and every one drawn even where they crowd."""
        settings = QgsPalLayerSettings()
        settings.fieldName = "rank"
        settings.placement = (Qgis.LabelPlacement.AroundPoint if hasattr(Qgis, "LabelPlacement")
                              else QgsPalLayerSettings.Placement.AroundPoint)
        # Far enough from the dot that neighbouring hotspots' labels find room, with a leader line.
        settings.dist = 2.0
        leader = QgsSimpleLineCallout()
        leader.setEnabled(True)
        leader.setLineSymbol(QgsLineSymbol.createSimple({"line_color": "#67000d", "line_width": "0.25"}))
        settings.setCallout(leader)
        settings.centroidWhole = True
        text_format = _text_format(7.5, bold=True, colour="#ffffff")
        disc = QgsTextBackgroundSettings()
        disc.setEnabled(True)
        disc.setType(QgsTextBackgroundSettings.ShapeType.ShapeCircle)
        disc.setSizeType(QgsTextBackgroundSettings.SizeType.SizeBuffer)
        disc.setSize(QSizeF(0.7, 0.7))
        disc.setFillColor(QColor("#b2182b"))
        disc.setStrokeColor(QColor("#ffffff"))
        disc.setStrokeWidth(0.3)
        text_format.setBackground(disc)
        settings.setFormat(text_format)
        if hasattr(Qgis, "LabelOverlapHandling"):
            settings.placementSettings().setOverlapHandling(Qgis.LabelOverlapHandling.AllowOverlapIfRequired)
            settings.placementSettings().setAllowDegradedPlacement(True)
        else:
            settings.displayAll = True
        return settings

    def _table(self, layout, rows):
        table = QgsLayoutItemManualTable.create(layout)
        layout.addMultiFrame(table)
        header_style = QgsLayoutTableStyle()
        header_style.enabled = True
        header_style.cellBackgroundColor = QColor("#e8e8e8")
        table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, header_style)
        stripe = QgsLayoutTableStyle()
        stripe.enabled = True
        stripe.cellBackgroundColor = QColor("#f6f6f6")
        table.setCellStyle(QgsLayoutTable.CellStyleGroup.EvenRows, stripe)
        table.setHeaderTextFormat(_text_format(9, bold=True))
        table.setContentTextFormat(_text_format(9))
        table.setCellMargin(CELL_MARGIN)
        table.setGridStrokeWidth(GRID_WIDTH)
        table.setGridColor(QColor("#8c8c8c"))
        table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        table.setIncludeTableHeader(True)
        table.setHeaders([QgsLayoutTableColumn(tr(name)) for name, _ in COLUMNS])
        table.setColumnWidths([width for _, width in COLUMNS])
        centred = {3, 4}
        contents = []
        for row in rows:
            cells = []
            for column, text in enumerate(row):
                cell = QgsTableCell(text)
                cell.setVerticalAlignment(Qt.AlignmentFlag.AlignVCenter)
                if column in centred:
                    cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignHCenter)
                cells.append(cell)
            contents.append(cells)
        table.setTableContents(contents)
        return table

    def _paginate(self, rows):
        """Row ranges of a table on its first page (under the map) and its continuation pages."""
        layout = self._new_layout(1)
        table = self._table(layout, rows)
        context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
        ranges, first, height = [], 0, TABLE_BOTTOM - TABLE_TOP
        while first < len(rows):
            count = table.rowsVisible(context, height, first, True, False)
            if count <= 0:
                raise QgsProcessingException(tr(
                    "A row of the visit table is taller than a page; shorten its location text."))
            ranges.append((first, min(first + count, len(rows))))
            first = ranges[-1][1]
            height = TABLE_BOTTOM - CONTINUED_TABLE_TOP
        return ranges

    def _location_note(self):
        crs_name = f"{self.crs.authid()} ({self.crs.description()})" if self.crs.authid() else self.crs.description()
        centre = tr("latitude, longitude (WGS 84) and easting, northing in {} of each hotspot's centre").format(
            crs_name)
        if self.street_field:
            return tr("Locations: the most frequent {} of the crimes in each hotspot; where there is none, {}.").format(
                self.street_field, centre)
        return tr("Locations: {}.").format(centre)

    def _basemap_note(self):
        credits = []
        for layer in self.basemaps:
            rights = "; ".join(r for r in layer.metadata().rights() if r)
            credits.append(f"{layer.name()} ({rights})" if rights else layer.name())
        return tr("Basemap: {}.").format(", ".join(credits)) if credits else ""


class _LayoutIterator(QgsAbstractLayoutIterator):
    """Hands QgsLayoutExporter one layout after the other (the cover, then each group's).

    An exception must not escape into C++ (it would abort QGIS): it is kept in ``error`` and the
    iteration stops.
    """

    def __init__(self, pack, feedback):
        super().__init__()
        self.pack = pack
        self.feedback = feedback
        self.error = None
        self._index = -1
        self._layout = None

    def count(self):
        return len(self.pack.groups) + 1

    def beginRender(self):
        return True

    def endRender(self):
        return True

    def next(self):
        self._index += 1
        if self._index >= self.count() or self.feedback.isCanceled():
            return False
        try:
            self._layout = self.pack.layout(self._index)
        except Exception as error:  # whatever it is: see the class doc
            self.error = error
            return False
        return True

    def filePath(self, base_path, extension):
        return base_path

    def layout(self):
        return self._layout


_EXPORT_ERRORS = {
    QgsLayoutExporter.ExportResult.FileError: "the file could not be written",
    QgsLayoutExporter.ExportResult.PrintError: "the PDF could not be started",
    QgsLayoutExporter.ExportResult.MemoryError: "out of memory",
    QgsLayoutExporter.ExportResult.IteratorError: "a page could not be prepared"}


def _distance_unit(kilometres):
    if hasattr(Qgis, "DistanceUnit"):
        return Qgis.DistanceUnit.Kilometers if kilometres else Qgis.DistanceUnit.Meters
    unit = QgsUnitTypes.DistanceUnit
    return unit.DistanceKilometers if kilometres else unit.DistanceMeters


def _long_date(day):
    """'Monday 3 June 2024', in English whatever the system's locale, as the rest of the text."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _short_date(day):
    """'Mon 3 Jun'."""
    return f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]}"


def _count(number, singular, plural):
    return f"{number} {singular if number == 1 else plural}"


def _text(value):
    return "" if value is None else str(value)


def _sortable(value):
    """Units sort as numbers when they are numbers: unit 2 before unit 10."""
    text = _text(value)
    return (0, float(text), "") if text.replace(".", "", 1).isdigit() else (1, 0.0, text)


def _utc_offset(offset):
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
