"""The pages of a briefing pack as QGIS print layouts, and their export to one PDF.

Built headless: a private QgsProject owns copies of the hotspots; the input layers and their styles
are never touched. The PDF is written through :class:`QgsLayoutExporter`'s iterator export, one
layout per group of visits (a day, or a unit and day), so every group reports progress and can be
cancelled, and only one group's layout is held in memory at a time.
"""

import datetime
import os
import re

from qgis.core import (
    Qgis,
    QgsAbstractLayoutIterator,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemManualTable,
    QgsLayoutItemPage,
    QgsLayoutMultiFrame,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLayoutUtils,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsRenderContext,
    QgsTableCell,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..core.briefing import unit_order
from ..core.gridref import is_grid_reference
from .briefing_maps import (
    CONTENT_WIDTH,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    HotspotMaps,
    add_label,
    fitted_size,
    place,
    text_format,
)
from .briefing_visits import count_text, group_visits, long_date, unit_text, utc_offset_text
from .translate import tr

FOOTER_TOP = PAGE_HEIGHT - MARGIN - 2.0
DAY_MAP_TOP, DAY_MAP_HEIGHT = 32.0, 104.0
TABLE_TOP = DAY_MAP_TOP + DAY_MAP_HEIGHT + 5.0
CONTINUED_TABLE_TOP = 28.0
TABLE_BOTTOM = FOOTER_TOP - 3.0
# The visit table's text widths (Time, Hotspot, Location, Minutes, Unit, Done); each cell adds twice
# CELL_MARGIN and the grid lines, so the table spans CONTENT_WIDTH.
COLUMN_WIDTHS = (27.0, 22.0, 72.0, 16.0, 11.0, 18.4)
CENTRED_COLUMNS = {3, 4}
# A hotspot located by its latitude, longitude (briefing_visits.hotspot_locations), not by a street.
_LAT_LON = re.compile(r"^-?\d+\.\d+, -?\d+\.\d+$")
CELL_MARGIN, GRID_WIDTH = 1.5, 0.2


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
        self.locations = locations
        self.street_field = street_field
        self.today = today or datetime.date.today()
        self.visits = visits
        self.project = QgsProject()
        self.project.setCrs(crs)
        self.project.setTransformContext(transform_context)
        self.maps = HotspotMaps(self.project, crs, hotspots, basemaps)
        self.groups = group_visits(visits, per_unit)
        self.pages = [self._paginate(self.table_rows(members)) for _, members in self.groups]
        self.first_page = [2]
        for ranges in self.pages[:-1]:
            self.first_page.append(self.first_page[-1] + len(ranges))
        self.page_count = 1 + sum(len(ranges) for ranges in self.pages)

    # --- contents ------------------------------------------------------------------------

    def table_rows(self, visits):
        """The visit table's rows as text, in the order of its columns."""
        return [[visit.time_text(), self.hotspot_text(visit),
                 self.locations[visit.hotspot_id], str(visit.minutes), unit_text(visit.unit), ""]
                for visit in visits]

    @staticmethod
    def hotspot_text(visit):
        """The hotspot's rank, as the maps number it, and its id only when the id is something else."""
        rank = str(visit.rank)
        return rank if rank == str(visit.hotspot_id) else tr("{} (id {})").format(rank, visit.hotspot_id)

    def heading(self, key):
        day, unit = key
        return long_date(day) + (tr(" · unit {}").format(unit) if self.per_unit else "")

    # --- layouts -------------------------------------------------------------------------

    def layout(self, index):
        """Layout ``index``: 0 the cover, then one per group (with its continuation pages).

        The previous layout's hotspot copies are dropped: it has been exported by then, and a year
        of pages would otherwise keep hundreds of layers."""
        self.maps.drop_page_layers()
        return self.cover() if index == 0 else self.group_layout(index - 1)

    def cover(self):
        layout = self._new_layout(1)
        units = {unit_text(v.unit) for v in self.visits if v.unit is not None}
        days = sorted({v.day for v in self.visits})
        minutes = sum(v.minutes for v in self.visits)
        patrolled = {v.hotspot_id for v in self.visits}
        typical = sorted(v.minutes for v in self.visits)[len(self.visits) // 2]
        # A long title shrinks to fit its 12 mm above the dates instead of wrapping behind them.
        title_size = fitted_size(self.title, CONTENT_WIDTH, 12, 22, 11, bold=True)
        add_label(layout, self.title, 0, 0, 12, title_size, bold=True)
        add_label(layout, tr("{} to {} ({} days, {} with patrols)").format(
            long_date(days[0]), long_date(days[-1]), (days[-1] - days[0]).days + 1, len(days)), 0, 14, 7, 12)
        add_label(layout, tr("{} · {} · {} · {} patrol minutes ({} hours)").format(
            count_text(len(patrolled), tr("hotspot"), tr("hotspots")),
            count_text(len(self.visits), tr("visit"), tr("visits")),
            count_text(len(units), tr("unit"), tr("units")), minutes, f"{round(minutes / 60.0, 1):g}"), 0, 21, 7, 12)
        how = add_label(layout, tr(
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
        focus = self.maps.focus_layer(tr("Patrolled hotspots"), patrolled)
        self.maps.add_maps(layout, 0, map_top, map_height, focus, self.maps.geometry.keys(), details=3)
        notes = [tr("Numbers on the maps are the hotspots' ranks (1 = the most crime). Grey: hotspots without "
                    "a visit in this plan."), self._location_note(), self._basemap_note()]
        add_label(layout, " ".join(n for n in notes if n), 0, map_top + map_height + 1.5, 12, 8, colour="#444444")
        self._footer(layout, 0, 1)
        return layout

    def group_layout(self, group):
        key, members = self.groups[group]
        ranges = self.pages[group]
        layout = self._new_layout(len(ranges))
        heading = self.heading(key)
        add_label(layout, heading, 0, 0, 10, 16, bold=True)
        add_label(layout, self._group_summary(members), 0, 11, 6, 10)
        focus = self.maps.focus_layer(heading, [v.hotspot_id for v in members])
        self.maps.add_maps(layout, 0, DAY_MAP_TOP - MARGIN, DAY_MAP_HEIGHT, focus, {v.hotspot_id for v in members},
                           details=2)
        table = self._table(layout, self.table_rows(members))
        for page in range(len(ranges)):
            top = TABLE_TOP if page == 0 else CONTINUED_TABLE_TOP
            if page:
                add_label(layout, tr("{} (continued)").format(heading), page, 0, 10, 16, bold=True)
            frame = QgsLayoutFrame(layout, table)
            place(frame, page, 0, top - MARGIN, CONTENT_WIDTH, TABLE_BOTTOM - top)
            table.addFrame(frame)
            self._footer(layout, page, self.first_page[group] + page)
        return layout

    def _group_summary(self, members):
        """'3 visits, 45 patrol minutes, units 1, 2. Times are local (UTC+01:00).'"""
        minutes = sum(v.minutes for v in members)
        units = sorted({unit_text(v.unit) for v in members if v.unit is not None}, key=unit_order)
        summary = tr("{}, {} patrol minutes").format(count_text(len(members), tr("visit"), tr("visits")), minutes)
        if units and not self.per_unit:
            summary += ", {} {}".format(tr("unit") if len(units) == 1 else tr("units"), ", ".join(units))
        offsets = sorted({v.start.utcoffset() for v in members if v.start.utcoffset() is not None})
        if offsets:  # two on the day the clocks change
            summary += tr(". Times are local (UTC{}).").format(tr(" and UTC").join(map(utc_offset_text, offsets)))
        return summary

    # --- building blocks -----------------------------------------------------------------

    def _new_layout(self, pages):
        layout = QgsPrintLayout(self.project)
        layout.setName(self.title)
        for _ in range(pages):
            page = QgsLayoutItemPage(layout)
            page.setPageSize(QgsLayoutSize(PAGE_WIDTH, PAGE_HEIGHT))
            layout.pageCollection().addPage(page)
        return layout

    def _footer(self, layout, page, number):
        y = FOOTER_TOP - MARGIN
        add_label(layout, tr("{} · page {} of {}").format(self.title, number, self.page_count), page, y, 5, 8,
                  colour="#444444", width=CONTENT_WIDTH * 0.7)
        add_label(layout, tr("Generated on {} by Hotspot Patrol").format(self.today.isoformat()), page, y, 5, 8,
                  colour="#444444", x=CONTENT_WIDTH * 0.5, width=CONTENT_WIDTH * 0.5, align=Qt.AlignmentFlag.AlignRight)

    @staticmethod
    def _table(layout, rows):
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
        table.setHeaderTextFormat(text_format(9, bold=True))
        table.setContentTextFormat(text_format(9))
        table.setCellMargin(CELL_MARGIN)
        table.setGridStrokeWidth(GRID_WIDTH)
        table.setGridColor(QColor("#8c8c8c"))
        table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        table.setIncludeTableHeader(True)
        headers = (tr("Time"), tr("Hotspot"), tr("Location"), tr("Minutes"), tr("Unit"), tr("Done"))
        table.setHeaders([QgsLayoutTableColumn(header) for header in headers])
        table.setColumnWidths(list(COLUMN_WIDTHS))
        contents = []
        for row in rows:
            cells = []
            for column, text in enumerate(row):
                cell = QgsTableCell(text)
                cell.setVerticalAlignment(Qt.AlignmentFlag.AlignVCenter)
                if column in CENTRED_COLUMNS:
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
        # Of the hotspots located by coordinates (not by a street): which have a grid reference.
        on_grid = [is_grid_reference(text) for text in self.locations.values()
                   if is_grid_reference(text) or _LAT_LON.match(text)]
        if on_grid and all(on_grid):
            centre = tr("the Ordnance Survey grid reference (10 m) of each hotspot's centre, and its latitude, "
                        "longitude (WGS 84)")
        elif any(on_grid):
            centre = tr("the Ordnance Survey grid reference (10 m) of each hotspot's centre in Great Britain, and "
                        "its latitude, longitude (WGS 84)")
        else:
            centre = tr("the latitude, longitude (WGS 84) of each hotspot's centre")
        if self.street_field:
            return tr("Locations: the most frequent {} of the crimes in each hotspot; where there is none, {}.").format(
                self.street_field, centre)
        return tr("Locations: {}.").format(centre)

    def _basemap_note(self):
        credits = []
        for layer in self.maps.basemaps:
            rights = "; ".join(r for r in layer.metadata().rights() if r)
            credits.append(f"{layer.name()} ({rights})" if rights else layer.name())
        return tr("Basemap: {}.").format(", ".join(credits)) if credits else ""


# --- the PDF -------------------------------------------------------------------------------------

def export_pdf(pack, path, feedback):
    """Write ``pack`` to the PDF ``path``, a layout at a time; raises QgsProcessingException on
    failure or cancel, leaving the file that was there before."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = _always_text()
    settings.appendGeoreference = False
    # Written beside OUTPUT, then moved over it: a failed or cancelled export keeps the old pack.
    # The exporter reports success even when Qt could not open the file: only a new, non-empty
    # file proves the pack was written.
    partial = f"{path}.partial.pdf"
    try:
        iterator = _LayoutIterator(pack, feedback)
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
                    path, error or _export_error(result)))
        try:
            os.replace(partial, path)
        except OSError as error:
            raise QgsProcessingException(tr(
                "Cannot replace OUTPUT '{}' ({}). Close it in other programs, or choose another file "
                "name.").format(path, error.strerror)) from None
    finally:
        if os.path.exists(partial):
            os.remove(partial)


def _always_text():
    """PDF text as text (searchable, small), not outlines."""
    if hasattr(Qgis, "TextRenderFormat"):
        return Qgis.TextRenderFormat.AlwaysText
    return QgsRenderContext.TextRenderFormat.AlwaysText


def _export_error(result):
    """Why the exporter failed, in words."""
    reasons = {QgsLayoutExporter.ExportResult.FileError: "the file could not be written",
               QgsLayoutExporter.ExportResult.PrintError: "the PDF could not be started",
               QgsLayoutExporter.ExportResult.MemoryError: "out of memory",
               QgsLayoutExporter.ExportResult.IteratorError: "a page could not be prepared"}
    return reasons.get(result, tr("nothing was written"))


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
