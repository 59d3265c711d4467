"""hotspotpatrol:briefingpack — the patrol plan as a printable PDF: a cover, then a page per day
(or per unit and day) with a map of that day's hotspots and the table of its visits.

The visits are read by :mod:`.briefing_visits`, the pages laid out and exported by
:mod:`.briefing_layout`, their maps drawn by :mod:`.briefing_maps`.
"""

from qgis.core import (
    Qgis,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ..core.briefing import most_frequent_values
from .base import HotspotAlgorithm, make_folder
from .briefing_layout import BriefingPack, export_pdf
from .briefing_visits import hotspot_locations, read_plan_visits
from .reader import PointIndex, assign_to_polygons, metric_crs, read_hotspots, read_points, source_of


class BriefingPackAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "briefingpack"
    GROUP = "plan"
    ICON = "briefing_pack"
    REFERENCES = ("koper1995", "sherman1995")

    HOTSPOTS = "HOTSPOTS"
    VISITS = "VISITS"
    BASEMAP = "BASEMAP"
    TITLE = "TITLE"
    PAGES = "PAGES"
    CRIMES = "CRIMES"
    STREET_FIELD = "STREET_FIELD"
    PAGE_COUNT = "PAGE_COUNT"

    def displayName(self):
        return self.tr("Patrol briefing pack (PDF)")

    def tags(self):
        return self.tr("briefing,PDF,print,patrol plan,patrol,map,officers,shift,hotspot").split(",")

    def summary(self):
        return self.tr(
            "Prints the patrol plan for the officers who carry it out: one PDF with a cover, then a page for "
            "each day (or each unit and day) with visits, each with a map of that day's hotspots numbered by "
            "rank and the table of its visits in time order, so that every patrol starts at the planned time, "
            "in the planned place, for the planned minutes.")

    def method(self):
        return self.tr(
            "the cover gives the title, the period, the numbers of hotspots, visits and units, the total patrol "
            "minutes, how to patrol, and a map of all hotspots numbered by rank (grey: hotspots without a "
            "visit). Then, in date order, a page for each day with visits: a map zoomed to that day's hotspots "
            "and the table of its visits: time (local start–end; a visit after midnight that belongs to the "
            "previous evening's shift names its calendar day), hotspot (rank and id), location, minutes, unit "
            "and an empty Done column to tick. Where numbers would crowd on a map, detail maps beside it, "
            "lettered on it, show the crowded hotspots closer up. A table longer than the page continues on "
            "the next page: no visit is ever left out. Without STREET_FIELD, or for a hotspot without such "
            "crimes, a location is the hotspot's centre (its centroid, or a point inside it when the centroid "
            "falls outside): latitude and longitude (WGS 84, 5 decimals, about a metre, to type into a phone), "
            "then easting and northing to the metre in the hotspots' CRS, or in a UTM zone when that CRS is not "
            "in metres. The cover tells officers to patrol each hotspot highly visibly for the plan's usual "
            "minutes, at the stated time: the short, unpredictable visits of the Minneapolis hot spots "
            "experiment (Sherman &amp; Weisburd 1995), about 15 minutes long after the Koper curve (Koper "
            "1995).")

    def initAlgorithm(self, config=None):
        self.add(QgsProcessingParameterFeatureSource(
            self.HOTSPOTS, self.tr("Hotspots (polygons with hotspot_id and rank)"), [QgsProcessing.TypeVectorPolygon]),
            self.tr("Polygons with hotspot_id and rank, as Rank patrol hotspots writes them; the maps number them "
                    "by rank."))
        self.add(QgsProcessingParameterFeatureSource(
            self.VISITS, self.tr("Patrol visits (from Generate patrol plan)"), [QgsProcessing.TypeVectorPoint]),
            self.tr("The planned visits, as Generate patrol plan writes them: hotspot_id, date (the patrol day), "
                    "start_local (local time with UTC offset, ISO 8601), minutes and unit. Every visit's "
                    "hotspot_id must be in HOTSPOTS."))
        self.add(QgsProcessingParameterMultipleLayers(
            self.BASEMAP, self.tr("Basemap layers under the hotspots"), QgsProcessing.TypeMapLayer, optional=True),
            self.tr("Layers drawn under the hotspots on every map, e.g. an OpenStreetMap (XYZ) layer or a streets "
                    "layer; the first listed is drawn on top. Each layer's rights (Layer Properties ▸ Metadata) "
                    "are printed as its credit."))
        self.add(QgsProcessingParameterString(
            self.TITLE, self.tr("Title"), defaultValue=self.tr("Hotspot patrol briefing")),
            self.tr("The cover's title, repeated in every page's footer."))
        self.add(QgsProcessingParameterEnum(
            self.PAGES, self.tr("Pages"), options=[self.tr("One page per day"), self.tr("One page per unit and day")],
            defaultValue=0),
            self.tr("One page per day, or One page per unit and day: a sheet for each crew (needs the unit "
                    "field)."))
        self.add(QgsProcessingParameterFeatureSource(
            self.CRIMES, self.tr("Crimes with a street or place field (for the locations)"),
            [QgsProcessing.TypeVectorPoint], optional=True),
            self.tr("Crime points with a street or place text (STREET_FIELD), to name the hotspots' locations; "
                    "used only with STREET_FIELD."), advanced=True)
        self.add(QgsProcessingParameterField(
            self.STREET_FIELD, self.tr("Street or place field of the crimes"), parentLayerParameterName=self.CRIMES,
            optional=True),
            self.tr("The crimes' street or place text, e.g. location in data.police.uk files ('On or near High "
                    "Street') or block in Chicago's; a hotspot's location is then the most frequent value among "
                    "the crimes inside it (a tie goes to the alphabetically first). Needs CRIMES."), advanced=True)
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Briefing pack"), self.tr("PDF (*.pdf)")),
                 self.tr("The PDF, A4 portrait; its text is text, so it can be searched and copied."))
        self.add_output(QgsProcessingOutputNumber(self.PAGE_COUNT, self.tr("Pages")),
                        self.tr("The number of pages of the PDF."))

    def flags(self):
        # A print layout is a QGraphicsScene with fonts and pictures: it belongs in the GUI thread.
        no_threading = (Qgis.ProcessingAlgorithmFlag.NoThreading if hasattr(Qgis, "ProcessingAlgorithmFlag")
                        else QgsProcessingAlgorithm.FlagNoThreading)
        return super().flags() | no_threading

    def check_parameters(self, parameters, context):
        street_field = self.parameterAsString(parameters, self.STREET_FIELD, context)
        if street_field and not parameters.get(self.CRIMES):
            raise QgsProcessingException(self.tr(
                "STREET_FIELD '{}' needs CRIMES, the crime points that hold it. Choose CRIMES, or clear "
                "STREET_FIELD to give coordinates as locations.").format(street_field))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        make_folder(path, self.OUTPUT)
        pack = self.pack(parameters, context, feedback)
        feedback.pushInfo(self.tr("{} visits on {} pages: a cover and {} day pages{}.").format(
            len(pack.visits), pack.page_count, pack.page_count - 1,
            self.tr(" (one per unit and day)") if pack.per_unit else ""))
        export_pdf(pack, path, feedback)
        return {self.OUTPUT: path, self.PAGE_COUNT: pack.page_count}

    def pack(self, parameters, context, feedback):
        """The :class:`BriefingPack` of the parameters, paginated, ready to export."""
        per_unit = self.parameterAsEnum(parameters, self.PAGES, context) == 1
        hotspots_source = source_of(self, parameters, self.HOTSPOTS, context)
        crs = metric_crs(hotspots_source.sourceCrs(), hotspots_source.sourceExtent(), None, context, feedback)
        hotspots = read_hotspots(hotspots_source, self.HOTSPOTS, context, crs, need_rank=True)
        visits = self.run_core(read_plan_visits, source_of(self, parameters, self.VISITS, context), hotspots,
                               per_unit, feedback)
        street_field = self.parameterAsString(parameters, self.STREET_FIELD, context)
        streets = self._streets(parameters, context, feedback, crs, hotspots, street_field)
        return BriefingPack(
            title=self.parameterAsString(parameters, self.TITLE, context).strip() or self.tr("Hotspot patrol briefing"),
            hotspots=hotspots, visits=visits, crs=crs, per_unit=per_unit,
            locations=hotspot_locations(hotspots, crs, context.transformContext(), streets),
            basemaps=self.parameterAsLayerList(parameters, self.BASEMAP, context),
            transform_context=context.transformContext(), street_field=street_field or None)

    def _streets(self, parameters, context, feedback, crs, hotspots, street_field):
        """The most frequent value of ``street_field`` among the crimes of each hotspot, by hotspot_id;
        None without a ``street_field``."""
        if not street_field:
            if parameters.get(self.CRIMES):
                feedback.pushInfo(self.tr("CRIMES is only used with STREET_FIELD: locations are coordinates."))
            return None
        points = read_points(self, parameters, self.CRIMES, context, feedback, target_crs=crs,
                             category_field=street_field)
        owner = assign_to_polygons(PointIndex(points.x, points.y), [geometry for _, _, geometry in hotspots])
        # Ties go to the alphabetically first value, so the same data give the same pack.
        streets = {hotspots[position][0]: text
                   for position, text in most_frequent_values(owner, points.category).items()}
        missing = len(hotspots) - len(streets)
        if missing:
            feedback.pushInfo(self.tr("{} hotspots have no crime with a {} value: their location is their "
                                      "coordinates.").format(missing, street_field))
        return streets
