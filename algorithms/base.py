"""What every Hotspot Patrol algorithm shares: naming, help made from its parameters, icons, the
parameters whose meaning is the same everywhere (INPUT, CELL_SIZE, TIME, START, END, TARGET_CRS),
the checks of parameters and outputs (output_files.py: never an input, always writable, safe in a
spreadsheet), and the one door from core's errors to the user."""

import os

import numpy as np
from qgis.core import (
    Qgis,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QUrl, QVariant
from qgis.PyQt.QtGui import QIcon

from ..core.errors import InputError
from ..core.progress import Cancelled
from .output_files import (
    FILE_DESTINATIONS,
    INPUT_TYPES,
    CsvSafeSink,
    destination_file,
    input_files,
    make_folder,
    same_file,
    why_unwritable,
    write_text_file,
)
from .references import REFERENCES

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
HELP_DIR = os.path.join(PLUGIN_DIR, "help")  # pages made by tools/make_help.py, shipped with the plugin

# QGIS 3.38 moved QgsField to QMetaType; QGIS 4 (Qt6) drops the QVariant.Type overloads.
if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType
    _FIELD_TYPES = {"text": QMetaType.Type.QString, "int": QMetaType.Type.LongLong,
                    "double": QMetaType.Type.Double, "datetime": QMetaType.Type.QDateTime,
                    "date": QMetaType.Type.QDate, "bool": QMetaType.Type.Bool}
else:
    _FIELD_TYPES = {"text": QVariant.String, "int": QVariant.LongLong, "double": QVariant.Double,
                    "datetime": QVariant.DateTime, "date": QVariant.Date, "bool": QVariant.Bool}


def make_field(name, kind):
    """A QgsField of ``kind`` (text, int, double, datetime, date, bool) on any QGIS version."""
    return QgsField(name, _FIELD_TYPES[kind])


def write_features(sink, features, total, feedback, start=0.0, end=100.0):
    """Add features from an iterable to a sink in batches, with progress; cancelling raises
    QgsProcessingException("Cancelled by the user.")."""
    batch = []
    for number, feature in enumerate(features):
        if feedback.isCanceled():  # a cut-short output is never returned as if whole
            raise QgsProcessingException(QCoreApplication.translate("HotspotAlgorithm", "Cancelled by the user."))
        batch.append(feature)
        if len(batch) == 10000:
            sink.addFeatures(batch, QgsFeatureSink.FastInsert)
            batch = []
            feedback.setProgress(start + (end - start) * number / max(total, 1))
    sink.addFeatures(batch, QgsFeatureSink.FastInsert)


def _plain(value):
    """NaN and infinity as NULL; numpy scalars as Python numbers."""
    if isinstance(value, (float, np.floating)):
        return float(value) if np.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    return value


def help_url(algorithm_id):
    """The local page ``help/<algorithm_id>.html`` as a file:// URL: the plugin carries its own manual."""
    return QUrl.fromLocalFile(os.path.join(HELP_DIR, f"{algorithm_id}.html")).toString()


def icon(name):
    return QIcon(os.path.join(PLUGIN_DIR, "icons", f"{name}.svg"))


class HotspotAlgorithm(QgsProcessingAlgorithm):
    """Base class of the provider's algorithms.

    A subclass sets ``ALGORITHM_ID``, ``GROUP``, ``ICON`` and ``REFERENCES`` (keys of
    :data:`.references.REFERENCES`); defines ``displayName``, ``tags``, ``summary`` and ``method`` with
    literal ``self.tr("…")`` strings, so pylupdate can extract them; and adds every parameter with
    :meth:`add` and every plain output with :meth:`add_output`, each with its help. The help panel and
    the help page (tools/make_help.py) are made from these, so each fact is written once.
    """

    ALGORITHM_ID = ""
    GROUP = ""
    #: The parameter that sets each core argument an InputError may be about (its ``setting``): the
    #: user is told which parameter to change. An algorithm whose parameter differs extends it.
    PARAMETER_OF_SETTING = {"top_n": "TOP_N", "separation": "SEPARATION", "cell_size": "CELL_SIZE",
                            "pixel_size": "PIXEL_SIZE", "radius": "RADIUS", "distance": "DISTANCE",
                            "time_window": "TIME_WINDOW", "step": "STEP", "days": "DAYS",
                            "speed_kmh": "TRAVEL_SPEED", "shifts": "SHIFTS", "patrol_minutes": "PATROL_MINUTES",
                            "visits_per_day": "VISITS_PER_DAY", "days_on": "DAYS_ON", "days_off": "DAYS_OFF",
                            "units": "UNITS", "min_gap": "MIN_GAP", "weights": "WEIGHT_FIELD",
                            "groups": "CATEGORY_GROUPS", "path": "INPUT", "start": "START", "end": "END"}
    ICON = "hotspot_patrol"
    REFERENCES = ()

    def tr(self, text):
        """``text`` translated in this algorithm's context, else in the shared context of this base
        class (the strings written once here, such as the crime-layer parameters)."""
        translated = QCoreApplication.translate(type(self).__name__, text)
        return translated if translated != text else QCoreApplication.translate("HotspotAlgorithm", text)

    def name(self):
        return self.ALGORITHM_ID


    def group(self):
        groups = {"see": self.tr("1 · See: where crime is"), "choose": self.tr("2 · Choose hotspots"),
                  "plan": self.tr("3 · Plan patrols"), "learn": self.tr("4 · Learn: did it work?")}
        return groups[self.GROUP]

    def groupId(self):
        return self.GROUP

    # --- help, made from the parameters' own help --------------------------------------

    def summary(self):
        """What the algorithm does, in plain words (the help's first paragraph); translated."""
        raise NotImplementedError

    def method(self):
        """How it does it: the method, in a paragraph or two of HTML; translated."""
        raise NotImplementedError

    def notes(self):
        """Further help sections after the method, as ``[(heading, html)]``; translated."""
        return []

    def references(self):
        """The entries of the works this algorithm cites (HTML)."""
        return [REFERENCES[key] for key in self.REFERENCES]

    def add(self, parameter, help_text, advanced=False, decimals=None):
        """Add ``parameter`` with its help, shown in the help panel, the help page and tooltips.

        ``decimals``: the decimals a number's box in Processing's dialogs shows (QGIS's default is six:
        "150.000000 meters"); every decimal number parameter gives it."""
        parameter.setHelp(help_text)
        if decimals is not None:
            metadata = parameter.metadata()
            metadata.setdefault("widget_wrapper", {})["decimals"] = decimals
            parameter.setMetadata(metadata)
        if advanced:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(parameter)
        return parameter

    def add_output(self, output, help_text):
        """Add a plain output (a number, a text, a file the algorithm writes) with its help."""
        if not hasattr(self, "_output_help"):
            self._output_help = {}
        self._output_help[output.name()] = help_text
        self.addOutput(output)
        return output

    def output_help(self, name):
        """The help of the output ``name``: its destination parameter's help, or :meth:`add_output`'s."""
        destination = self.parameterDefinition(name)
        if destination is not None and destination.isDestination():
            return destination.help()
        return getattr(self, "_output_help", {}).get(name, "")

    def shortHelpString(self):
        hidden = QgsProcessingParameterDefinition.FlagHidden
        parameters = "".join(f"<li>{p.name()}: {p.help()}</li>" for p in self.parameterDefinitions()
                             if not p.isDestination() and not p.flags() & hidden)
        outputs = "".join(f"<li>{o.name()}: {self.output_help(o.name())}</li>" for o in self.outputDefinitions())
        # Headings translated outside the f-strings: pylupdate5 does not look inside them.
        headings = self.tr("Parameters"), self.tr("Outputs"), self.tr("Method"), self.tr("References")
        sections = [self.summary(), f"<b>{headings[0]}</b><ul>{parameters}</ul><b>{headings[1]}</b><ul>{outputs}</ul>"
                    f"<b>{headings[2]}</b>: {self.method()}"]
        sections += [f"<b>{heading}</b>{text}" for heading, text in self.notes()]
        if self.REFERENCES:
            entries = "".join(f"<li>{entry}</li>" for entry in self.references())
            sections.append(f"<b>{headings[3]}</b><ul>{entries}</ul>")
        return "\n\n".join(sections)

    def helpUrl(self):
        return help_url(self.ALGORITHM_ID)

    def icon(self):
        return icon(self.ICON)

    def createInstance(self):
        return type(self)()

    # --- outputs -----------------------------------------------------------------------

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS's name)
        """QGIS's checks, then :meth:`check_outputs` (run by the dialog, processing.run and qgis_process)."""
        valid, message = super().checkParameterValues(parameters, context)
        if not valid:
            return valid, message
        try:
            self.check_parameters(parameters, context)
            self.check_outputs(parameters, context)
        except QgsProcessingException as error:
            return False, str(error)
        return True, message

    def check_parameters(self, parameters, context):
        """Checks of values that QGIS's own checks cannot make (a value against another parameter, a
        range that depends on the data's kind): raise QgsProcessingException naming the fix."""

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        """:meth:`check_parameters` and :meth:`check_outputs` again, for the runs that skip
        checkParameterValues (a model's steps, ``QgsProcessingAlgorithm.run``)."""
        from .reader import build_crs_in_main_thread
        build_crs_in_main_thread()  # Processing's dialog prepares in the main thread, then runs in a task
        self.check_parameters(parameters, context)
        self.check_outputs(parameters, context)
        return True

    def check_outputs(self, parameters, context):
        """Refuse, before anything is written, an output that is the file of an input (it would be
        destroyed), two outputs that are one file (the second would overwrite the first), and an
        output that cannot be written (a folder, a read-only file, a path through a file)."""
        inputs = []
        for definition in self.parameterDefinitions():
            if definition.type() in INPUT_TYPES and not definition.isDestination():
                inputs += [(definition.name(), path)
                           for path in input_files(parameters.get(definition.name()), context)]
        outputs = []
        for definition in self.destinationParameterDefinitions():
            kind = definition.type()
            if kind not in FILE_DESTINATIONS:
                continue
            name = definition.name()
            destination = destination_file(kind, parameters.get(name), context)
            if destination is None:
                continue
            path, layer = destination
            for input_name, input_path in inputs:
                if same_file(path, input_path):
                    raise QgsProcessingException(self.tr(
                        "{} is the file of the input {} ('{}'): writing it would destroy the input, and inputs "
                        "are never modified. Choose another {} file.").format(name, input_name, path, name))
                if (os.path.isdir(input_path) and path.startswith(os.path.join(input_path, ""))
                        and os.path.lexists(path)):
                    raise QgsProcessingException(self.tr(
                        "{} ('{}') is a file in the input folder {} ('{}'): writing it would change the input, and "
                        "inputs are never modified. Choose another {} file.").format(
                            name, path, input_name, input_path, name))
            for other_name, other_path, other_layer in outputs:
                if same_file(path, other_path) and (layer is None or other_layer is None or layer == other_layer):
                    raise QgsProcessingException(self.tr(
                        "{} and {} are the same file ('{}'): the second would overwrite the first. Choose "
                        "another {} file.").format(other_name, name, path, name))
            reason = why_unwritable(path)
            if reason:
                message = (self.tr("Could not create the raster {} '{}': {}. Choose another file name or folder.")
                           if kind == "rasterDestination" else
                           self.tr("Cannot write {} '{}': {}. Choose another file name or folder."))
                raise QgsProcessingException(message.format(name, path, reason))
            outputs.append((name, path, layer))

    def parameterAsExpression(self, parameters, name, context):  # noqa: N802 (QGIS's name)
        """The expression parameter ``name``; refused when it was given but QGIS cannot parse it.

        QGIS's ``parameterAsExpression`` answers an empty string for an expression with a syntax error (or a
        bare field named like a keyword of the expression language, such as when), so without this check the
        TIME the user gave would be silently dropped.  An expression naming a field its layer does not have
        is refused too.
        """
        text = super().parameterAsExpression(parameters, name, context)
        given = parameters.get(name)
        if not text and isinstance(given, str) and given.strip():
            error = QgsExpression(given).parserErrorString() or "QGIS cannot parse it"
            raise QgsProcessingException(self.tr(
                "{} '{}' is not a valid expression ({}). Check its syntax; a field named like a word of the expression "
                "language (when, case, end, and, or, not…) must be written in double quotes, e.g. \"when\".").format(
                    name, given, error.strip()))
        definition = self.parameterDefinition(name)
        has_parent = text and hasattr(definition, "parentLayerParameterName")
        parent = definition.parentLayerParameterName() if has_parent else ""
        source = self.parameterAsSource(parameters, parent, context) if parent else None
        if source is not None:
            fields = source.fields()
            expression = QgsExpression(text)
            missing = sorted(c for c in expression.referencedColumns() if c != QgsFeatureRequest.ALL_ATTRIBUTES
                             and fields.lookupField(c) < 0)
            if missing:
                raise QgsProcessingException(self.tr(
                    "{} refers to the field '{}', which {} does not have (its fields: {}). Choose one of its "
                    "fields.").format(name, missing[0], parent, ", ".join(fields.names())))
        return text

    def parameterAsSink(self, parameters, name, context, fields, *args, **kwargs):  # noqa: N802 (QGIS's name)
        """QGIS's sink, with its folder made when missing; for a CSV file, a :class:`CsvSafeSink`
        that keeps its text cells from being read as formulas."""
        definition = self.parameterDefinition(name)
        destination = destination_file(definition.type(), parameters.get(name), context) if definition else None
        if destination is not None:
            make_folder(destination[0], name)
            if destination[0].lower().endswith(".csv"):
                # GDAL's default, IF_AMBIGUOUS, quotes integer columns before GDAL 3.8.1 (OSGeo/gdal#8813);
                # quoting only what needs it reads the same in a spreadsheet, which ignores quotes.
                kwargs.setdefault("layerOptions", ["STRING_QUOTING=IF_NEEDED"])
        sink, dest_id = super().parameterAsSink(parameters, name, context, fields, *args, **kwargs)
        written = destination_file("sink", dest_id, context) if dest_id else None
        if sink is not None and written is not None and written[0].lower().endswith(".csv"):
            sink = CsvSafeSink(sink, fields, _FIELD_TYPES["text"])
        return sink, dest_id

    def parameterAsOutputLayer(self, parameters, name, context):  # noqa: N802 (QGIS's name)
        """QGIS's destination, with its folder made when missing (as for every output)."""
        output = super().parameterAsOutputLayer(parameters, name, context)
        definition = self.parameterDefinition(name)
        destination = destination_file(definition.type(), output, context) if definition and output else None
        if destination is not None:
            make_folder(destination[0], name)
        return output

    def write_text_output(self, name, path, text):
        """Write the text file ``path`` of the file destination ``name`` whole, or not at all."""
        write_text_file(path, text, name)
        return path

    def require_polygons(self, source, name, buffer_parameter=None, buffer=0.0, feedback=None, what=None, fix=None):
        """Refuse a layer ``name`` that is not polygons, before anything is read from it.

        ``what`` says what its polygons are (default: the hotspot areas) and ``fix`` what to
        choose instead. With ``buffer_parameter`` (the name of a distance parameter) points and
        lines are accepted when ``buffer`` is more than 0, each becoming the area within
        ``buffer`` metres, and the log says so. Returns True when points or lines will be buffered.
        """
        kind = QgsWkbTypes.geometryType(source.wkbType())
        if kind in (QgsWkbTypes.PolygonGeometry, QgsWkbTypes.UnknownGeometry):
            return False
        holds = {QgsWkbTypes.PointGeometry: self.tr("points"), QgsWkbTypes.LineGeometry: self.tr("lines")}.get(kind)
        if buffer_parameter and holds and buffer > 0:
            if feedback is not None:
                feedback.pushInfo(self.tr("{} holds {}, not polygons: each is taken as the area within {} = {:g} m "
                                          "of it.").format(name, holds, buffer_parameter, buffer))
            return True
        fix = fix or self.tr("Choose the hotspot polygons, as 'Rank patrol hotspots' writes them")
        if buffer_parameter and holds:
            fix += self.tr(", or set {} above 0 m to take the area within that distance of each of the {}").format(
                buffer_parameter, holds)
        raise QgsProcessingException(self.tr("{} must be polygons ({}), but it holds {}. {}.").format(
            name, what or self.tr("the hotspot areas"), holds or self.tr("no geometry"), fix))

    # --- shared parameters -----------------------------------------------------------

    # Parameter names shared by many algorithms (each algorithm adds its own as class constants).
    INPUT = "INPUT"
    CELL_SIZE = "CELL_SIZE"
    SHAPE = "SHAPE"
    TIME = "TIME"
    START = "START"
    END = "END"
    TARGET_CRS = "TARGET_CRS"
    OUTPUT = "OUTPUT"

    def add_crimes_input(self):
        self.add(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Crimes (points)"), [QgsProcessing.TypeVectorPoint]),
            self.tr("Crime points; each part of a multipoint is a crime."))

    def add_cell_parameters(self, shape=True):
        """CELL_SIZE (metres, default 150) and, optionally, SHAPE (0 square, 1 hexagon)."""
        self.add(QgsProcessingParameterNumber(
            self.CELL_SIZE, self.tr("Cell size (metres)"), QgsProcessingParameterNumber.Double,
            defaultValue=150.0, minValue=0.0),
            self.tr("The side of a square cell in metres (150 m is the unit of the hotspot patrol pilots); a "
                    "hexagon has the same area. At least 1 cm, and at least a billionth of the largest "
                    "coordinate (float64 cannot keep the corners of smaller cells apart)."), decimals=0)
        if shape:
            self.add(QgsProcessingParameterEnum(
                self.SHAPE, self.tr("Cell shape"), options=[self.tr("Square"), self.tr("Hexagon")],
                defaultValue=0),
                self.tr("Square cells, or pointy-topped hexagons of the same area, on a lattice fixed to the "
                        "CRS's origin."))

    def cell_size(self, parameters, context):
        """CELL_SIZE, refused when it is not more than 0."""
        size = self.parameterAsDouble(parameters, "CELL_SIZE", context)
        if size <= 0:
            raise QgsProcessingException(self.tr(
                "CELL_SIZE must be more than 0 metres (it is {:g}); the patrol pilots used 150.").format(size))
        return size

    def add_time_parameters(self, parent="INPUT", optional=True):
        """TIME (expression), START and END: a crime counts when START <= time < END."""
        self.add(QgsProcessingParameterExpression(
            self.TIME, self.tr("Crime date and time (field or expression)"), parentLayerParameterName=parent,
            optional=optional),
            self.tr("The crime's date and time: a field or an expression (ISO 8601, MM/dd/yyyy hh:mm:ss AM/PM, "
                    "dd/MM/yyyy HH:mm or yyyy-MM). Times are compared as written (wall-clock). A date and a "
                    "time of day kept in two fields can be joined in the expression, e.g. "
                    "<code>\"OCCUR_DATE\" || ' ' || \"OCCUR_TIME\"</code> (date or text date, time or text "
                    "time)."))
        self.add(QgsProcessingParameterDateTime(
            self.START, self.tr("Count crimes from (inclusive)"), optional=True),
            self.tr("The start of the period: a crime counts when START &lt;= time &lt; END. A START finer than "
                    "the times can say (a day on data.police.uk months) is refused. Empty: from the first "
                    "crime."))
        self.add(QgsProcessingParameterDateTime(
            self.END, self.tr("Count crimes until (exclusive)"), optional=True),
            self.tr("The end of the period (exclusive). An END finer than the times can say is refused. "
                    "Empty: to the last crime."))

    def add_crs_parameter(self):
        self.add(QgsProcessingParameterCrs(
            self.TARGET_CRS,
            self.tr("Work in CRS (projected, metres; default: the layer's, or British National Grid or UTM by where "
                    "the crimes are)"),
            optional=True),
            self.tr("The metric CRS to work in. By default a layer projected in metres is used as it is; a "
                    "geographic layer or one in feet is reprojected by where the bulk of its crimes lies (their "
                    "median): British National Grid in Great Britain, else the UTM zone of the median. The log "
                    "names the CRS; the outputs are in it."), advanced=True)

    def progress_callback(self, feedback, start=0.0, end=100.0):
        """A core ``progress`` callable that drives ``feedback`` between two percentages."""
        def progress(fraction):
            feedback.setProgress(start + fraction * (end - start))
            return feedback.isCanceled()
        return progress

    def write_table(self, parameters, context, name, field_kinds, rows):
        """A table (no geometry) to the sink ``name``: ``field_kinds`` as for :func:`make_field`,
        ``rows`` lists of values (NaN and infinity written as NULL)."""
        fields = QgsFields()
        for field_name, kind in field_kinds:
            fields.append(make_field(field_name, kind))
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        features = []
        for values in rows:
            feature = QgsFeature(fields)
            feature.setAttributes([_plain(value) for value in values])
            features.append(feature)
        sink.addFeatures(features, QgsFeatureSink.FastInsert)
        return dest_id

    def run_core(self, function, *args, **kwargs):
        """Call a core function; its :class:`~..core.errors.InputError` (bad input) becomes a clear
        QgsProcessingException. Any other exception is a bug and keeps its traceback."""
        try:
            return function(*args, **kwargs)
        except InputError as error:
            names = ", ".join(self.PARAMETER_OF_SETTING[s] for s in error.settings if s in self.PARAMETER_OF_SETTING)
            raise QgsProcessingException(f"{names}: {error}" if names else str(error)) from None
        except Cancelled:
            raise QgsProcessingException(self.tr("Cancelled by the user.")) from None
