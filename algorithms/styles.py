"""Styles for the plugin's layers: ``styles/<name>.qml`` (written by tools/make_styles.py), and a
colour ramp for the density raster. Algorithms apply them when their outputs load; the dock applies
them to the layers it adds."""

import math
import os

from qgis.core import (
    QgsColorRampShader,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from .base import PLUGIN_DIR

STYLE_DIR = os.path.join(PLUGIN_DIR, "styles")
DENSITY = "density"

# Processing keeps only a raw pointer to a post-processor: we must keep it alive.
_ALIVE = []


def style_path(name):
    """The .qml file of the style ``name``."""
    return os.path.join(STYLE_DIR, f"{name}.qml")


def apply_style(layer, name):
    """Give ``layer`` the style ``name``: ``styles/<name>.qml``, or for ``density`` (a raster) a
    magma ramp from 0 to the raster's maximum.

    Returns
    -------
    bool
        True when the style was applied; False when there is no such style or it does not fit the
        layer (e.g. a point style on polygons), and the layer is left as it was.
    """
    if layer is None or not layer.isValid():
        return False
    if name == DENSITY:
        if not isinstance(layer, QgsRasterLayer):
            return False
        _density_ramp(layer)
    else:
        path = style_path(name)
        if not isinstance(layer, QgsVectorLayer) or not os.path.isfile(path):
            return False
        _, ok = layer.loadNamedStyle(path)
        if not ok:
            return False
    layer.triggerRepaint()
    return True


def _density_ramp(layer):
    """A magma-like ramp from 0 to the raster's maximum, transparent where there is no crime."""
    # All statistics (the default), not just Max: from QGIS 3.40 every ``stats`` argument,
    # Qgis.RasterBandStatistic too, lands on the deprecated int overload.
    maximum = layer.dataProvider().bandStatistics(1).maximumValue
    if not math.isfinite(maximum) or maximum <= 0:
        maximum = 1.0  # no crime at all: any ramp will do, but it must not be empty
    shader_function = QgsColorRampShader(0.0, maximum)
    shader_function.setSourceColorRamp(QgsStyle.defaultStyle().colorRamp("Magma"))
    shader_function.classifyColorRamp(8)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(maximum)
    renderer.setOpacity(0.8)
    layer.setRenderer(renderer)


class _StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, name):
        super().__init__()
        self.name = name

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS's name)
        if not apply_style(layer, self.name) and feedback is not None:
            feedback.pushWarning(QCoreApplication.translate(
                "styles", "The style '{}' does not fit the layer '{}': it keeps QGIS's default style.").format(
                    self.name, layer.name()))


def style_on_load(context, dest_id, name):
    """Apply the style ``name`` (see :func:`apply_style`) when the output ``dest_id`` loads."""
    if not context.willLoadLayerOnCompletion(dest_id):
        return
    processor = _StyleOnLoad(name)
    _ALIVE.append(processor)
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
