"""What every Hotspot Patrol algorithm shares: naming, help, icons and the
parameters whose meaning is the same everywhere (TIME, START, END, TARGET_CRS)."""

import os

import numpy as np
from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
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

from ..core.grid import cell_outline
from ..core.progress import Cancelled

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
    """Add features from an iterable to a sink in batches, with progress and cancellation."""
    batch = []
    for number, feature in enumerate(features):
        if feedback.isCanceled():
            return
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
            "TARGET_CRS", self.tr("Work in CRS (projected, metres; default: the layer's, or its UTM zone)"),
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
