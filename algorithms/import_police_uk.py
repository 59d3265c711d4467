"""hotspotpatrol:importpoliceuk — data.police.uk street-level crime files into one point layer."""

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from ..core import outliers, policeuk
from .base import HotspotAlgorithm, make_field, write_features
from .reader import BRITISH_NATIONAL_GRID, WGS84, transform_xy
from .styles import style_on_load
from .translate import compass

OUTPUT_FIELDS = (("crime_id", "text"), ("month", "date"), ("reported_by", "text"), ("falls_within", "text"),
                 ("location", "text"), ("lsoa_code", "text"), ("lsoa_name", "text"), ("crime_type", "text"),
                 ("last_outcome_category", "text"), ("outlier", "bool"))


class ImportPoliceUkAlgorithm(HotspotAlgorithm):
    ALGORITHM_ID = "importpoliceuk"
    GROUP = "see"
    REFERENCES = ("policeuk_about",)

    FORCE = "FORCE"
    START_MONTH = "START_MONTH"
    END_MONTH = "END_MONTH"
    CRIME_TYPES = "CRIME_TYPES"
    KEEP_OUTLIERS = "KEEP_OUTLIERS"
    ROWS_READ = "ROWS_READ"
    CRIMES_WRITTEN = "CRIMES_WRITTEN"
    SKIPPED_NO_LOCATION = "SKIPPED_NO_LOCATION"
    DUPLICATES = "DUPLICATES"
    OUTLIERS = "OUTLIERS"
    FILES_READ = "FILES_READ"
    FIRST_MONTH = "FIRST_MONTH"
    LAST_MONTH = "LAST_MONTH"
    # Core's months, start and end, are the months read here: not the START and END of a period.
    PARAMETER_OF_SETTING = {**HotspotAlgorithm.PARAMETER_OF_SETTING, "start": "START_MONTH", "end": "END_MONTH"}

    def displayName(self):
        return self.tr("Import data.police.uk crimes")

    def tags(self):
        return self.tr("data.police.uk,police.uk,import,street-level crime,download,zip,csv,crimes,British "
                       "National Grid,outliers").split(",")

    def summary(self):
        return self.tr(
            "Imports the street-level crime files downloaded from data.police.uk — a folder or a .zip of "
            "monthly files — into one point layer in British National Grid, ready for every other tool: one "
            "point per crime, repeated crimes and crimes recorded far outside the force area left out, and "
            "every row left out counted.")

    def method(self):
        return self.tr(
            "the street-level files of the forces and months asked for are read in order of month, then force, "
            "straight from the folder or the zip, with Python's csv module. A file without one of the columns "
            "Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code, LSOA name, "
            "Crime type, Last outcome category stops the import with a message naming the file and the column. "
            "Rows without coordinates are skipped; of rows sharing a non-empty crime id (the same crime in two "
            "downloads, or in two files) the first one read is kept. WGS84 longitude and latitude are "
            "reprojected to British National Grid with QGIS's own transformer and the project's datum "
            "transformations; a point that cannot be reprojected stops the import.")

    def notes(self):
        return [
            (self.tr("Crimes far outside the area"), self.tr(
                "<p>A force's files hold a few records located far from its area: the Essex files have crimes "
                "some 400 km away. A crime is an outlier when it lies more than 10 km outside the bounding box of "
                "the central 99% of the crimes (on each axis, from the 0.5% to the 99.5% quantile of the "
                "coordinates, taken as order statistics). The crimes that make the box are all those with a "
                "location in the files and months read, of every crime type, so a crime is flagged or not "
                "whatever CRIME_TYPES asks for. The box ignores a few extreme points, and the 10 km margin makes "
                "the rule blind to where exactly its edge falls, so a genuine crime at the edge of the force area "
                "is never flagged. Its limits: fewer than 200 crimes flag nothing (the box is then the full "
                "extent: a small layer cannot tell far from sparse); points far away in one direction are found "
                "while they are at most about 0.5% of the crimes, so a real second area in the same files (two "
                "towns, two forces) is kept; and it is a box, so a far record lying within the box of a large, "
                "sparse area is not found. The log says how many outliers there are, how far outside the box and "
                "in which direction, near which longitude and latitude.</p>")),
            (self.tr("What the data can and cannot say"), self.tr(
                "<p>data.police.uk gives each crime a month and an anonymised location: the crime is moved to the "
                "nearest of some 750,000 map points (the middle of a street, or a public place), each with a "
                "catchment of at least eight postal addresses or none, and the true location is not published "
                "(Home Office, About data.police.uk). There is no day and no time of day. Many crimes therefore "
                "share one point; grids of 150 m cells and densities show where crime is, but not when: tools "
                "that need the time of day refuse the month field, and a patrol plan made from these crimes "
                "spreads its visit times evenly over the shifts.</p>"))]

    def initAlgorithm(self, config=None):
        self.add(QgsProcessingParameterFile(
            self.INPUT, self.tr("data.police.uk download (a .zip, its folder or a -street.csv file)"),
            behavior=QgsProcessingParameterFile.File,
            # "(*)" lets a folder through QGIS's check of the value; the filter's first entry is what
            # the file dialog shows. The path is checked when the algorithm runs.
            fileFilter=self.tr("data.police.uk downloads (*.zip *.ZIP *.csv *.CSV);;All files and folders (*)")),
            self.tr("The download as it comes from data.police.uk (the archive or a custom download): a .zip, or "
                    "the folder it was extracted to (type or paste the folder's path), or one street-level CSV "
                    "file. Street-level files are named YYYY-MM-&lt;force&gt;-street.csv and are found at any "
                    "depth, in their monthly YYYY-MM folders or not; the outcomes and stop-and-search files beside "
                    "them are ignored. Files are read as UTF-8."))
        self.add(QgsProcessingParameterString(
            self.FORCE, self.tr("Only the force (as in the file names, e.g. essex)"), optional=True),
            self.tr("Only the files of this force, as the file names write it (e.g. essex, west-yorkshire, "
                    "metropolitan; case and spaces do not matter; several separated by commas). Empty: every "
                    "force."))
        self.add(QgsProcessingParameterString(
            self.START_MONTH, self.tr("From month (yyyy-MM, inclusive)"), optional=True),
            self.tr("The first month, written yyyy-MM (e.g. 2018-05), inclusive: only the files and rows of this "
                    "month and later. Empty: from the first month there is."))
        self.add(QgsProcessingParameterString(
            self.END_MONTH, self.tr("To month (yyyy-MM, inclusive)"), optional=True),
            self.tr("The last month, written yyyy-MM (e.g. 2018-07), inclusive: only the files and rows of this "
                    "month and earlier. Empty: to the last month there is."))
        self.add(QgsProcessingParameterString(
            self.CRIME_TYPES, self.tr("Only the crime types (comma-separated)"), optional=True),
            self.tr("Only these crime types, separated by commas, as the Crime type column writes them, "
                    "case-insensitive (e.g. Burglary, Robbery, Anti-social behaviour). A type given that never "
                    "occurs in the files read is named in a warning (a typing error is the usual cause). Empty: "
                    "every crime type."))
        self.add(QgsProcessingParameterBoolean(
            self.KEEP_OUTLIERS, self.tr("Keep crimes far outside the area of the others (marked)"),
            defaultValue=False),
            self.tr("False leaves out the crimes far outside the area of the others (see Crimes far outside the "
                    "area); true keeps them, marked in the field <i>outlier</i>."))
        self.add(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Crimes"), QgsProcessing.TypeVectorPoint),
            self.tr("A point per crime in British National Grid (EPSG:27700, metres) with the file's columns: "
                    "<i>crime_id</i> (data.police.uk's id of the crime; NULL for anti-social behaviour, which has "
                    "none), <i>month</i> (a date: the first day of the crime's month), <i>reported_by</i> (the "
                    "force that provided the record), <i>falls_within</i> (the force whose area it falls in), "
                    "<i>location</i> (the snap point's description, e.g. On or near Victoria Avenue), "
                    "<i>lsoa_code</i> and <i>lsoa_name</i> (the Lower Layer Super Output Area of the snap point), "
                    "<i>crime_type</i>, <i>last_outcome_category</i> (NULL where the file gives none) and "
                    "<i>outlier</i> (true for a crime far outside the area of the others; only with "
                    "KEEP_OUTLIERS). Empty cells of the files are NULL."))
        self.add_output(QgsProcessingOutputNumber(
            self.ROWS_READ, self.tr("Rows read (of the forces, months and crime types asked for)")),
            self.tr("Rows of the files read whose month and crime type were asked for; every one of them is "
                    "written or counted in SKIPPED_NO_LOCATION, DUPLICATES or OUTLIERS. So ROWS_READ = "
                    "CRIMES_WRITTEN + SKIPPED_NO_LOCATION + DUPLICATES + OUTLIERS (without the OUTLIERS when they "
                    "are kept)."))
        self.add_output(QgsProcessingOutputNumber(self.CRIMES_WRITTEN, self.tr("Crimes written")),
                        self.tr("Points written."))
        self.add_output(QgsProcessingOutputNumber(self.SKIPPED_NO_LOCATION, self.tr("Rows skipped: no location")),
                        self.tr("Rows without Longitude or Latitude, skipped."))
        self.add_output(QgsProcessingOutputNumber(self.DUPLICATES, self.tr("Rows skipped: crime id seen before")),
                        self.tr("Rows whose crime id was already read (the first row read with that id is kept; "
                                "rows without an id are all kept)."))
        self.add_output(QgsProcessingOutputNumber(
            self.OUTLIERS, self.tr("Crimes far outside the area of the others")),
            self.tr("Crimes far outside the area of the others, left out (or kept and marked with "
                    "KEEP_OUTLIERS)."))
        self.add_output(QgsProcessingOutputNumber(self.FILES_READ, self.tr("Street-level files read")),
                        self.tr("Street-level files read."))
        self.add_output(QgsProcessingOutputString(
            self.FIRST_MONTH, self.tr("First month of the crimes (yyyy-MM)")),
            self.tr("The first month of the crimes written, yyyy-MM."))
        self.add_output(QgsProcessingOutputString(
            self.LAST_MONTH, self.tr("Last month of the crimes (yyyy-MM)")),
            self.tr("The last month of the crimes written, yyyy-MM."))

    def check_parameters(self, parameters, context):
        self._months(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        crime_types = policeuk.parse_list(self.parameterAsString(parameters, self.CRIME_TYPES, context))
        keep_outliers = self.parameterAsBool(parameters, self.KEEP_OUTLIERS, context)
        crimes = self._read(parameters, context, feedback, crime_types)
        if not crimes.keep.any():
            raise QgsProcessingException(self._nothing_to_write(crimes, crime_types))
        rows = np.flatnonzero(crimes.keep)
        x, y, reference = self._kept_in_british_national_grid(crimes, context)
        feedback.setProgress(45)

        flags = self.run_core(outliers.far_outliers, x, y, reference=reference)
        self._report_outliers(x, y, flags, crimes.columns["longitude"][rows], crimes.columns["latitude"][rows],
                              reference, keep_outliers, feedback)
        n_outliers = int(flags.sum())
        if not keep_outliers and n_outliers:
            inside = ~flags
            rows, x, y, flags = rows[inside], x[inside], y[inside], flags[inside]
        dest_id = self._write(parameters, context, feedback, crimes, rows, x, y, flags)

        month = crimes.columns["month"][rows]
        first, last = min(month), max(month)
        feedback.pushInfo(self.tr("{:,} crimes written, {} to {}, in British National Grid (EPSG:27700).").format(
            rows.size, first, last))
        return {self.OUTPUT: dest_id, self.ROWS_READ: len(crimes), self.CRIMES_WRITTEN: int(rows.size),
                self.SKIPPED_NO_LOCATION: int(crimes.no_location.sum()),
                self.DUPLICATES: int(crimes.duplicate.sum()), self.OUTLIERS: n_outliers,
                self.FILES_READ: crimes.files_read, self.FIRST_MONTH: first, self.LAST_MONTH: last}

    def _months(self, parameters, context):
        """START_MONTH and END_MONTH (``yyyy-MM`` or None), refused when unreadable or in the wrong order."""
        start = self.run_core(policeuk.parse_month, self.parameterAsString(parameters, self.START_MONTH, context),
                              "start")
        end = self.run_core(policeuk.parse_month, self.parameterAsString(parameters, self.END_MONTH, context), "end")
        self.run_core(policeuk.check_months, start, end)
        return start, end

    def _read(self, parameters, context, feedback, crime_types):
        """The rows of the files, forces and months asked for, with what was read said in the log."""
        start, end = self._months(parameters, context)
        source = self.run_core(policeuk.StreetSource, self.parameterAsFile(parameters, self.INPUT, context))
        files = self.run_core(source.select, policeuk.parse_list(self.parameterAsString(parameters, self.FORCE,
                                                                                        context)), start, end)
        months = sorted({f.month for f in files if f.month})
        forces_read = sorted({f.force for f in files if f.force})
        feedback.pushInfo(self.tr("Reading {} street-level file(s) from {}{}{}.").format(
            len(files), source.path, self.tr("; force(s) {}").format(", ".join(forces_read)) if forces_read else "",
            self.tr("; months {} to {}").format(months[0], months[-1]) if months else ""))
        crimes = self.run_core(policeuk.read_crimes, source, files, crime_types, start, end,
                               progress=self.progress_callback(feedback, 0, 40))
        self._report_reading(crimes, crime_types, feedback)
        return crimes

    def _kept_in_british_national_grid(self, crimes, context):
        """The crimes to write (``crimes.keep``) and the reference (every row with a location, of any
        crime type: the area the crimes come from) in British National Grid: ``x, y, (x, y)``."""
        reference_x, reference_y = self._to_british_national_grid(crimes.reference_lon, crimes.reference_lat,
                                                                   context)
        # The reference starts with the located rows read, in their order.
        kept = crimes.keep[~crimes.no_location]
        return reference_x[:kept.size][kept], reference_y[:kept.size][kept], (reference_x, reference_y)

    def _write(self, parameters, context, feedback, crimes, rows, x, y, flags):
        fields = QgsFields()
        for name, kind in OUTPUT_FIELDS:
            fields.append(make_field(name, kind))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Point,
                                             QgsCoordinateReferenceSystem(BRITISH_NATIONAL_GRID))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        write_features(sink, self._features(fields, crimes, rows, x, y, flags), rows.size, feedback, 45, 100)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled by the user."))
        style_on_load(context, dest_id, "police_uk_crimes")
        return dest_id

    def _nothing_to_write(self, crimes, crime_types):
        """Why no row is left, step by step, naming the crime types asked for that never occur."""
        reasons = []
        if crimes.left_out_month:
            reasons.append(self.tr("{:,} have a Month outside START_MONTH to END_MONTH").format(crimes.left_out_month))
        if crimes.left_out_type:
            reasons.append(self.tr("{:,} are of other crime types").format(crimes.left_out_type))
        missing = policeuk.missing_types(crime_types, crimes.crime_types)
        if missing:
            never = (self.tr("CRIME_TYPES names {}, which never occurs (the files hold: {})") if len(missing) == 1
                     else self.tr("CRIME_TYPES names {}, which never occur (the files hold: {})"))
            reasons.append(never.format(", ".join(f"'{t}'" for t in missing),
                                        ", ".join(sorted(crimes.crime_types)) or self.tr("no crime type")))
        if len(crimes):
            reasons.append(self.tr("of the {:,} left, {:,} have no location and {:,} repeat a crime id").format(
                len(crimes), int(crimes.no_location.sum()), int(crimes.duplicate.sum())))
        return self.tr("No crime to write: the files read hold {:,} rows; {}. Check FORCE, START_MONTH, END_MONTH "
                       "and CRIME_TYPES, or the files.").format(crimes.rows_in_files, "; ".join(reasons))

    def _report_reading(self, crimes, crime_types, feedback):
        feedback.pushInfo(self.tr("{:,} rows in {} file(s); {:,} of the months and crime types asked for.").format(
            crimes.rows_in_files, crimes.files_read, len(crimes)))
        if crimes.left_out_month:
            feedback.pushInfo(self.tr("{} rows have a Month outside START_MONTH to END_MONTH: left out.").format(
                crimes.left_out_month))
        if crimes.left_out_type:
            feedback.pushInfo(self.tr("{} rows of other crime types: left out.").format(crimes.left_out_type))
        missing = policeuk.missing_types(crime_types, crimes.crime_types)
        if missing:
            feedback.pushWarning(self.tr(
                "CRIME_TYPES names {} that never occur in the files read. Check the spelling; the files hold: "
                "{}.").format(", ".join(f"'{t}'" for t in missing), ", ".join(sorted(crimes.crime_types))))
        no_location, duplicates = int(crimes.no_location.sum()), int(crimes.duplicate.sum())
        if no_location:
            feedback.pushWarning(self.tr("{} rows have no Longitude or Latitude: skipped.").format(no_location))
        if duplicates:
            feedback.pushInfo(self.tr("{} rows repeat a crime id read before: the first row of each id is "
                                      "kept.").format(duplicates))

    def _to_british_national_grid(self, lon, lat, context):
        """WGS84 longitude and latitude to British National Grid, through QGIS's transformer."""
        target = QgsCoordinateReferenceSystem(BRITISH_NATIONAL_GRID)
        problem = self.tr("Some crimes could not be reprojected from WGS84 longitude and latitude to British "
                          "National Grid (EPSG:27700): check that the files are data.police.uk's, whose "
                          "coordinates are in England, Wales and Northern Ireland.")
        try:
            x, y = transform_xy(lon, lat, QgsCoordinateReferenceSystem(WGS84), target, context)
        except QgsProcessingException as error:
            raise QgsProcessingException(f"{problem} ({error})") from None
        if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
            raise QgsProcessingException(problem)
        return x, y

    def _report_outliers(self, x, y, flags, lon, lat, reference, keep_outliers, feedback):
        if outliers.trimmed_count(reference[0].size) == 0:
            feedback.pushInfo(self.tr("Only {} crimes with a location: too few to look for crimes far outside "
                                      "the area (at least 200 are needed); none flagged.").format(reference[0].size))
            return
        summary = outliers.describe_outliers(x, y, flags, lon=lon, lat=lat, reference=reference)
        if summary.count == 0:
            feedback.pushInfo(self.tr("No crime lies more than {:g} km outside the area of the central 99% of "
                                      "the {:,} crimes read.").format(outliers.MARGIN / 1000, summary.total))
            return
        places = []
        for group in summary.groups:
            where = self.tr("{} of it, near lon {:.2f} lat {:.2f}").format(
                compass(group.direction), group.lon, group.lat)
            places.append(where if len(summary.groups) == 1 else f"{group.count} {where}")
        message = self.tr("{:,} crime(s) lie {} outside the area holding the central 99% of the {:,} crimes read "
                          "({})").format(summary.count, _km_range(summary.nearest_km, summary.farthest_km),
                                         summary.total, "; ".join(places))
        if keep_outliers:
            feedback.pushWarning(message + self.tr(": kept, with outlier = true."))
        else:
            feedback.pushWarning(message + self.tr(": left out; set KEEP_OUTLIERS to keep them."))

    @staticmethod
    def _features(fields, crimes, rows, x, y, flags):
        """One feature per row, NULL for empty text, the month as a date (the 1st)."""
        text = {}
        for name in policeuk.TEXT_FIELDS:
            values = crimes.columns[name][rows]
            values[values == ""] = None
            text[name] = values.tolist()
        days = {month: QDate(int(month[:4]), int(month[5:7]), 1) for month in set(text["month"])}
        text["month"] = [days[month] for month in text["month"]]
        columns = [text[name] for name, _ in OUTPUT_FIELDS[:-1]] + [flags.tolist()]
        for px, py, attributes in zip(x.tolist(), y.tolist(), zip(*columns)):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(px, py)))
            feature.setAttributes(list(attributes))
            yield feature


def _km_range(nearest, farthest):
    """'390–410 km', or 'about 400 km' when both round alike."""
    low, high = f"{nearest:,.0f}", f"{farthest:,.0f}"
    return f"{low} km" if low == high else f"{low}–{high} km"
