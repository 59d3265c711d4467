"""The page of a briefing pack and what is drawn on it: A4 geometry, text labels, and maps of the
hotspots numbered by rank, with detail maps where the numbers would crowd.

The maps draw memory copies of the hotspots held by a private QgsProject, so the user's layers and
their styles are never touched.
"""

from qgis.core import (
    Qgis,
    QgsCentroidFillSymbolLayer,
    QgsFeature,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRectangle,
    QgsSimpleLineCallout,
    QgsSingleSymbolRenderer,
    QgsTextBackgroundSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QPointF, QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.briefing import crowded_clusters, padded_extent
from .base import make_field
from .translate import tr

# A4 portrait, in millimetres.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 210.0, 297.0, 12.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
LINE_SPACING = 1.2  # a label's line height against its font's height, with room for descenders
MIN_MAP_SPAN = 800.0  # metres: a single small hotspot still shows its streets
MAP_PAD = 8.0  # mm around the hotspots on a map, room for their numbers
CROWDED = 3.0  # mm: hotspots closer than this on a map get a detail map
DETAIL_WIDTH, DETAIL_GAP = 60.0, 3.0
HOTSPOT_RED, CONTEXT_GREY = "215,48,31,200", "#d9d9d9"


def place(item, page, x, y, width, height):
    """Put ``item`` ``x``, ``y`` mm from the top left margin corner of ``page``."""
    item.attemptResize(QgsLayoutSize(width, height))
    item.attemptMove(QgsLayoutPoint(MARGIN + x, MARGIN + y), page=page)


def add_label(layout, text, page, y, height, size, bold=False, colour="#000000", x=0.0, width=CONTENT_WIDTH,
              align=Qt.AlignmentFlag.AlignLeft):
    """A text label ``y`` mm below the top margin of ``page``, ``size`` points."""
    label = QgsLayoutItemLabel(layout)
    _set_text(label, text, size, bold, colour)
    label.setHAlign(align)
    label.setMarginX(0)
    label.setMarginY(0)
    layout.addLayoutItem(label)
    place(label, page, x, y, width, height)
    return label


def fitted_size(text, width, height, largest, smallest, bold=False):
    """The largest font size (points, from ``largest`` down to ``smallest``) at which ``text``,
    wrapped at word boundaries, fits ``width`` × ``height`` mm; ``smallest`` when none does."""
    words = text.split()
    for size in range(int(largest), int(smallest) - 1, -1):
        font = QFont()
        font.setBold(bold)
        font.setPointSizeF(size)
        lines, line = 1, ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if line and QgsLayoutUtils.textWidthMM(font, candidate) > width:
                lines, line = lines + 1, word
            else:
                line = candidate
        if lines * QgsLayoutUtils.fontHeightMM(font) * LINE_SPACING <= height:
            return size
    return smallest


def _set_text(item, text, size, bold=False, colour="#000000"):
    """Text and font of a layout label, on QGIS before and after 3.24's text formats."""
    item.setText(text)
    if hasattr(item, "setTextFormat"):
        item.setTextFormat(text_format(size, bold, colour))
    else:
        font = QFont()
        font.setBold(bold)
        font.setPointSizeF(size)
        item.setFont(font)
        item.setFontColor(QColor(colour))


def text_format(size, bold=False, colour="#000000"):
    """The default font at ``size`` points."""
    text = QgsTextFormat()
    font = QFont()
    font.setBold(bold)
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(colour))
    return text


def _distance_unit(kilometres):
    if hasattr(Qgis, "DistanceUnit"):
        return Qgis.DistanceUnit.Kilometers if kilometres else Qgis.DistanceUnit.Meters
    unit = QgsUnitTypes.DistanceUnit
    return unit.DistanceKilometers if kilometres else unit.DistanceMeters


class HotspotMaps:
    """Maps of the hotspots in ``project``'s CRS: every hotspot in grey, with the page's hotspots
    in red and numbered by rank on top, over the basemap layers.

    ``hotspots`` are ``[(hotspot_id, rank, geometry)]`` in ``crs``. The red copies made for a page
    are dropped by :meth:`drop_page_layers` once its layout has been exported.
    """

    def __init__(self, project, crs, hotspots, basemaps):
        self.project = project
        self.crs = crs
        self.basemaps = list(basemaps)
        self.geometry = {str(hotspot_id): geometry for hotspot_id, _, geometry in hotspots}
        self.rank = {str(hotspot_id): rank for hotspot_id, rank, _ in hotspots}
        self._page_layers = []
        self.all_hotspots = self._hotspot_layer(tr("Hotspots"), self.geometry, focus=False)

    def focus_layer(self, name, hotspot_ids):
        """A page's layer of the hotspots ``hotspot_ids``: red, numbered by rank."""
        return self._hotspot_layer(name, {h: self.geometry[h] for h in hotspot_ids}, focus=True)

    def drop_page_layers(self):
        self.project.removeMapLayers(self._page_layers)
        self._page_layers = []

    def add_maps(self, layout, page, y, height, focus, shown, details):
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
            _tag(layout, letter, page, corner.x() - 4.5, y + corner.y() - 1.0)
            _tag(layout, letter, page, width + DETAIL_GAP + 1.0, top + 1.0)

    def _map(self, layout, page, x, y, width, height, focus, shown):
        item = QgsLayoutItemMap(layout)
        layout.addLayoutItem(item)
        place(item, page, x, y, width, height)
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
        bar.setTextFormat(text_format(7))
        bar.setBackgroundEnabled(True)
        bar.setBackgroundColor(QColor(255, 255, 255, 200))
        layout.addLayoutItem(bar)
        bar.refresh()
        bar.attemptMove(QgsLayoutPoint(MARGIN + x + 2.0, MARGIN + y + height - bar.rect().height() - 2.0), page=page)
        return item

    def _extent(self, hotspot_ids, width, height):
        boxes = [self.geometry[hotspot_id].boundingBox() for hotspot_id in hotspot_ids]
        return QgsRectangle(*padded_extent([(b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()) for b in boxes],
                                           width, height, MAP_PAD, MIN_MAP_SPAN))

    def _crowded(self, hotspot_ids, width, height):
        """Groups of hotspots whose centres lie closer than CROWDED mm on a map of them ``width`` by
        ``height`` mm, the biggest first; lone hotspots are left out."""
        ids = sorted(hotspot_ids, key=lambda h: self.rank[h])
        limit = CROWDED * self._extent(ids, width, height).width() / width
        centres = [self.geometry[h].centroid().asPoint() for h in ids]
        clusters = crowded_clusters([c.x() for c in centres], [c.y() for c in centres], limit)
        return [[ids[k] for k in cluster] for cluster in clusters]

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
            layer.setLabeling(QgsVectorLayerSimpleLabeling(_rank_labels()))
            layer.setLabelsEnabled(True)
            self._page_layers.append(layer.id())
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        self.project.addMapLayer(layer, False)
        return layer


def _tag(layout, letter, page, x, y):
    """A detail map's letter in a white box."""
    label = add_label(layout, letter, page, y, 4.5, 9, bold=True, x=x, width=4.0, align=Qt.AlignmentFlag.AlignHCenter)
    label.setBackgroundEnabled(True)
    label.setBackgroundColor(QColor("#ffffff"))
    label.setFrameEnabled(True)
    label.setFrameStrokeWidth(QgsLayoutMeasurement(0.25))


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
    rank_format = text_format(7.5, bold=True, colour="#ffffff")
    disc = QgsTextBackgroundSettings()
    disc.setEnabled(True)
    disc.setType(QgsTextBackgroundSettings.ShapeType.ShapeCircle)
    disc.setSizeType(QgsTextBackgroundSettings.SizeType.SizeBuffer)
    disc.setSize(QSizeF(0.7, 0.7))
    disc.setFillColor(QColor("#b2182b"))
    disc.setStrokeColor(QColor("#ffffff"))
    disc.setStrokeWidth(0.3)
    rank_format.setBackground(disc)
    settings.setFormat(rank_format)
    if hasattr(Qgis, "LabelOverlapHandling"):
        settings.placementSettings().setOverlapHandling(Qgis.LabelOverlapHandling.AllowOverlapIfRequired)
        settings.placementSettings().setAllowDegradedPlacement(True)
    else:
        settings.displayAll = True
    return settings
