"""What every Hotspot Patrol algorithm shares: naming, help, icons, the parameters whose
meaning is the same everywhere (TIME, START, END, TARGET_CRS), and the rules for outputs:
no output may be an input's file, every output file is checked writable before anything is
written, and text written to a CSV file is made safe for spreadsheets (core/safe_text.py)."""

import os
import re
import tempfile

import numpy as np
from qgis.core import (
    Qgis,
    QgsDataSourceUri,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QUrl, QVariant
from qgis.PyQt.QtGui import QIcon

from ..core.grid import cell_outline
from ..core.progress import Cancelled
from ..core.safe_text import csv_safe_text

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


def cell_geometry(col, row, cell_size, shape):
    """The polygon of one lattice cell."""
    outline = cell_outline(col, row, cell_size, shape)
    return QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in outline]])


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


# --- outputs: never an input, always writable, safe in a spreadsheet ---------------------------

_INPUT_TYPES = {"source", "vector", "raster", "layer", "multilayer", "file", "mesh", "pointcloud"}
_VECTOR_DESTINATIONS = {"sink", "vectorDestination"}
_FILE_DESTINATIONS = _VECTOR_DESTINATIONS | {"rasterDestination", "fileDestination"}
# Providers whose layers are not files (databases, services, memory): nothing to compare.
_NOT_FILES = {"memory", "virtual", "postgres", "postgresraster", "mssql", "oracle", "hana", "db2", "wms", "wfs",
              "wcs", "arcgisfeatureserver", "arcgismapserver", "vectortile", "xyzvectortiles"}
# "provider:uri" as Processing reads a destination ("ogr:dbname=... table=...", "memory:", "postgres:...");
# three letters at least, so a Windows drive ("C:\\...") is a path.
_PROVIDER_PREFIX = re.compile(r"^([A-Za-z][A-Za-z0-9_]{2,}):(?!//)(.*)$", re.S)
_LAYER_NAME = re.compile(r"layername=([^|]*)", re.I)
# The files of one Shapefile: writing x.shp rewrites x.dbf and x.shx too.
_SHAPEFILE_PARTS = {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"}


def _plain_value(value, context):
    """A parameter value without its wrappers (output or source definitions, static or
    expression-based properties)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    elif isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        if value.propertyType() == QgsProperty.StaticProperty:
            value = value.staticValue()
        else:
            value = value.valueAsString(context.expressionContext())[0]
    return value


def layer_file(provider, source):
    """The file a layer of ``provider`` with ``source`` reads (its real path), or None (memory,
    databases, services)."""
    if not source or provider in _NOT_FILES:
        return None
    try:
        path = QgsProviderRegistry.instance().decodeUri(provider, source).get("path")
    except Exception:  # a provider that cannot decode its own URI: fall back on the text
        path = None
    if not isinstance(path, str) or not path:
        path = source.split("|")[0] if provider in ("ogr", "gdal") else ""
    if path.startswith("file:"):
        path = QUrl(path).toLocalFile()
    return os.path.realpath(path) if path else None


def _input_files(value, context):
    """The files an input parameter's value reads: a path, a layer (object, id or name), or a
    list of them."""
    value = _plain_value(value, context)
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [path for item in value for path in _input_files(item, context)]
    if isinstance(value, QgsMapLayer):
        path = layer_file(value.providerType(), value.source())
        return [path] if path else []
    text = str(value).strip()
    if not text or text.lower().startswith("memory:"):
        return []
    layer = QgsProcessingUtils.mapLayerFromString(text, context, False)
    if layer is not None:
        path = layer_file(layer.providerType(), layer.source())
    else:
        path = layer_file("ogr", text)
    return [path] if path else []


def destination_file(kind, value, context):
    """``(real path, layer name or None)`` of a destination parameter's value, or None when it
    writes no file of the user's (not given, a temporary output, memory, a database).

    ``kind`` is the parameter's type name. Processing adds ``.gpkg`` to a vector destination
    without a vector file extension, so the check looks at the file that will really be written.
    """
    value = _plain_value(value, context)
    if not isinstance(value, str) or not value.strip() or value.strip() == QgsProcessing.TEMPORARY_OUTPUT:
        return None
    text = value.strip()
    layer = None
    prefixed = _PROVIDER_PREFIX.match(text)
    if prefixed:
        if prefixed.group(1).lower() not in ("ogr", "spatialite"):
            return None
        uri = QgsDataSourceUri(prefixed.group(2))
        path, layer = uri.database(), uri.table() or None
    elif kind == "fileDestination":
        path = text
    else:
        path, _, options = text.partition("|")
        named = _LAYER_NAME.search(options)
        layer = named.group(1) if named else None
        if kind in _VECTOR_DESTINATIONS:
            extension = os.path.splitext(path)[1].lstrip(".")
            if not extension or not QgsVectorFileWriter.driverForExtension(extension):
                path += ".gpkg"
    return (os.path.realpath(path), layer) if path else None


def same_file(a, b):
    """Whether two real paths are one file, counting the files of one Shapefile as one."""
    if a == b:
        return True
    (stem_a, ext_a), (stem_b, ext_b) = os.path.splitext(a), os.path.splitext(b)
    shapefile = {ext_a.lower(), ext_b.lower()}
    return stem_a == stem_b and ".shp" in shapefile and shapefile <= _SHAPEFILE_PARTS


def why_unwritable(path):
    """Why ``path`` cannot be written, or "" when it can: a missing folder counts as writable
    when it can be made (the writers make it), as QGIS's layout exporter does."""
    if os.path.isdir(path):
        return "it is a folder"
    if os.path.lexists(path) and not os.access(path, os.W_OK):
        return "the file is read-only"
    existing = os.path.dirname(path)
    while existing and not os.path.lexists(existing):
        parent = os.path.dirname(existing)
        if parent == existing:
            break
        existing = parent
    if existing and not os.path.isdir(existing):
        return f"'{existing}' is a file, not a folder"
    if existing and not os.access(existing, os.W_OK | os.X_OK):
        return f"the folder '{existing}' is not writable"
    return ""


def make_folder(path, name):
    """Make the folder of an output file ``path`` when it is missing; a clear error when it cannot."""
    folder = os.path.dirname(path)
    if folder and not os.path.isdir(folder):
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            raise QgsProcessingException(
                f"Cannot write {name} '{path}': its folder cannot be made ({error.strerror or error}). "
                "Choose another file name or folder.") from None


def write_text_file(path, text, name):
    """Write ``text`` (UTF-8, line ends as given) to the output file ``path`` of the parameter ``name``.

    Written beside it and then moved over it, so a failed write never leaves half a file nor
    destroys the one there before; an OSError becomes a QgsProcessingException naming ``name``.
    """
    make_folder(path, name)
    folder = os.path.dirname(os.path.abspath(path))
    partial = None
    try:
        handle, partial = tempfile.mkstemp(prefix=".partial-", suffix=os.path.splitext(path)[1], dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        if os.path.exists(path):
            os.chmod(partial, os.stat(path).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(partial, 0o666 & ~umask)
        os.replace(partial, path)
        partial = None
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise QgsProcessingException(
            f"Cannot write {name} '{path}': {reason}. Choose another file name or folder, and check that the "
            "disk has room.") from None
    finally:
        if partial is not None and os.path.exists(partial):
            os.remove(partial)


class CsvSafeSink(QgsFeatureSink):
    """A sink that writes to a CSV file: text attributes a spreadsheet would read as formulas
    are prefixed with a quote (:func:`csv_safe_text`); numbers, dates and NULLs are unchanged."""

    def __init__(self, sink, fields):
        super().__init__()
        self.sink = sink
        text = _FIELD_TYPES["text"]
        self.text_columns = [k for k in range(fields.count()) if fields.at(k).type() == text]

    def _safe(self, feature):
        attributes = feature.attributes()
        changed = False
        for k in self.text_columns:
            if k < len(attributes) and isinstance(attributes[k], str):
                safe = csv_safe_text(attributes[k])
                if safe is not attributes[k]:
                    attributes[k] = safe
                    changed = True
        if not changed:
            return feature
        copy = QgsFeature(feature)
        copy.setAttributes(attributes)
        return copy

    def addFeature(self, feature, flags=QgsFeatureSink.Flags()):  # noqa: N802 (QGIS's name)
        return self.sink.addFeature(self._safe(feature), flags)

    def addFeatures(self, features, flags=QgsFeatureSink.Flags()):  # noqa: N802 (QGIS's name)
        return self.sink.addFeatures([self._safe(feature) for feature in features], flags)

    def flushBuffer(self):  # noqa: N802 (QGIS's name)
        return self.sink.flushBuffer()

    def lastError(self):  # noqa: N802 (QGIS's name)
        return self.sink.lastError()

    def __getattr__(self, name):  # finalize() and what later QGIS versions add
        sink = self.__dict__.get("sink")
        if sink is None:
            raise AttributeError(name)
        return getattr(sink, name)


class HotspotAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses set ``ALGORITHM_ID``, ``DISPLAY_NAME``, ``GROUP`` and ``HELP``."""

    ALGORITHM_ID = ""
    DISPLAY_NAME = ""
    GROUP = ""
    HELP = ""
    ICON = "hotspot_patrol"

    GROUPS = {"see": "1 · See: where crime is", "choose": "2 · Choose hotspots",
              "plan": "3 · Plan patrols", "learn": "4 · Learn: did it work?"}

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def name(self):
        return self.ALGORITHM_ID

    def displayName(self):
        return self.tr(self.DISPLAY_NAME)

    def group(self):
        return self.tr(self.GROUPS[self.GROUP])

    def groupId(self):
        return self.GROUP

    def shortHelpString(self):
        return self.tr(self.HELP)

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
            self.check_outputs(parameters, context)
        except QgsProcessingException as error:
            return False, str(error)
        return True, message

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS's name)
        """:meth:`check_outputs` again, for the runs that skip checkParameterValues (a model's steps,
        ``QgsProcessingAlgorithm.run``)."""
        from .reader import build_crs_in_main_thread
        build_crs_in_main_thread()  # Processing's dialog prepares in the main thread, then runs in a task
        self.check_outputs(parameters, context)
        return True

    def check_outputs(self, parameters, context):
        """Refuse, before anything is written, an output that is the file of an input (it would be
        destroyed), two outputs that are one file (the second would overwrite the first), and an
        output that cannot be written (a folder, a read-only file, a path through a file)."""
        inputs = []
        for definition in self.parameterDefinitions():
            if definition.type() in _INPUT_TYPES and not definition.isDestination():
                inputs += [(definition.name(), path)
                           for path in _input_files(parameters.get(definition.name()), context)]
        outputs = []
        for definition in self.destinationParameterDefinitions():
            kind = definition.type()
            if kind not in _FILE_DESTINATIONS:
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
        parent = definition.parentLayerParameterName() if text and hasattr(definition, "parentLayerParameterName") else ""
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
        sink, dest_id = super().parameterAsSink(parameters, name, context, fields, *args, **kwargs)
        written = destination_file("sink", dest_id, context) if dest_id else None
        if sink is not None and written is not None and written[0].lower().endswith(".csv"):
            sink = CsvSafeSink(sink, fields)
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

    def add_crimes_input(self):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", self.tr("Crimes (points)"), [QgsProcessing.TypeVectorPoint]))

    def add_cell_parameters(self, shape=True):
        """CELL_SIZE (metres, default 150) and, optionally, SHAPE (0 square, 1 hexagon)."""
        self.addParameter(QgsProcessingParameterNumber(
            "CELL_SIZE", self.tr("Cell size (metres)"), QgsProcessingParameterNumber.Double,
            defaultValue=150.0, minValue=0.0))
        if shape:
            self.addParameter(QgsProcessingParameterEnum(
                "SHAPE", self.tr("Cell shape"), options=[self.tr("Square"), self.tr("Hexagon")],
                defaultValue=0))

    def cell_size(self, parameters, context):
        """CELL_SIZE, refused when it is not more than 0."""
        size = self.parameterAsDouble(parameters, "CELL_SIZE", context)
        if size <= 0:
            raise QgsProcessingException(self.tr(
                "CELL_SIZE must be more than 0 metres (it is {}); the patrol pilots used 150.").format(size))
        return size

    def add_time_parameters(self, parent="INPUT", optional=True):
        """TIME (expression), START and END: a crime counts when START <= time < END."""
        self.addParameter(QgsProcessingParameterExpression(
            "TIME", self.tr("Crime date and time (field or expression)"), parentLayerParameterName=parent,
            optional=optional))
        self.addParameter(QgsProcessingParameterDateTime(
            "START", self.tr("Count crimes from (inclusive)"), optional=True))
        self.addParameter(QgsProcessingParameterDateTime(
            "END", self.tr("Count crimes until (exclusive)"), optional=True))

    def add_crs_parameter(self):
        crs = QgsProcessingParameterCrs(
            "TARGET_CRS",
            self.tr("Work in CRS (projected, metres; default: the layer's, or British National Grid or UTM by where "
                    "the crimes are)"),
            optional=True)
        crs.setFlags(crs.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(crs)

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
        """Call a core function; its ValueError becomes a clear QgsProcessingException."""
        try:
            return function(*args, **kwargs)
        except ValueError as error:
            raise QgsProcessingException(str(error)) from None
        except Cancelled:
            raise QgsProcessingException(self.tr("Cancelled by the user.")) from None
