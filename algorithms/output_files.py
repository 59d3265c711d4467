"""Outputs never overwrite an input, are checked writable before anything is written, and text
written to a CSV file is made safe for spreadsheets (core/safe_text.py)."""

import os
import re
import tempfile

from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureSink,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorFileWriter,
)
from qgis.PyQt.QtCore import QUrl

from ..core.safe_text import csv_safe_text

INPUT_TYPES = {"source", "vector", "raster", "layer", "multilayer", "file", "mesh", "pointcloud"}
_VECTOR_DESTINATIONS = {"sink", "vectorDestination"}
FILE_DESTINATIONS = _VECTOR_DESTINATIONS | {"rasterDestination", "fileDestination"}
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


def input_files(value, context):
    """The files an input parameter's value reads: a path, a layer (object, id or name), or a
    list of them."""
    value = _plain_value(value, context)
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [path for item in value for path in input_files(item, context)]
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


_NO_SINK_FLAGS = QgsFeatureSink.Flags()


class CsvSafeSink(QgsFeatureSink):
    """A sink that writes to a CSV file: text attributes a spreadsheet would read as formulas
    are prefixed with a quote (:func:`csv_safe_text`); numbers, dates and NULLs are unchanged."""

    def __init__(self, sink, fields, text_type):
        super().__init__()
        self.sink = sink
        self.text_columns = [k for k in range(fields.count()) if fields.at(k).type() == text_type]

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

    def addFeature(self, feature, flags=_NO_SINK_FLAGS):  # noqa: N802 (QGIS's name)
        return self.sink.addFeature(self._safe(feature), flags)

    def addFeatures(self, features, flags=_NO_SINK_FLAGS):  # noqa: N802 (QGIS's name)
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


