"""Styles applied to algorithm outputs when Processing loads them into the project."""

import os

from qgis.core import (
    QgsColorRampShader,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
)

from .base import PLUGIN_DIR

STYLE_DIR = os.path.join(PLUGIN_DIR, "styles")

# Processing keeps only a raw pointer to a post-processor: we must keep it alive.
_ALIVE = []


class _NamedStyle(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, name):
        super().__init__()
        self.path = os.path.join(STYLE_DIR, f"{name}.qml")

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS's name)
        layer.loadNamedStyle(self.path)
        layer.triggerRepaint()


class _DensityRamp(QgsProcessingLayerPostProcessorInterface):
    """A magma-like ramp from 0 to the raster's maximum, transparent where there is no crime."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS's name)
        # All statistics (the default), not just Max: from QGIS 3.40 every ``stats`` argument,
        # Qgis.RasterBandStatistic too, lands on the deprecated int overload.
        maximum = layer.dataProvider().bandStatistics(1).maximumValue
        shader_function = QgsColorRampShader(0.0, maximum)
        shader_function.setSourceColorRamp(QgsStyle.defaultStyle().colorRamp("Magma"))
        shader_function.classifyColorRamp(8)
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(shader_function)
        renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
        renderer.setClassificationMin(0.0)
        renderer.setClassificationMax(maximum)
        layer.setRenderer(renderer)
        layer.renderer().setOpacity(0.8)
        layer.triggerRepaint()


def style_on_load(context, dest_id, name):
    """Apply ``styles/<name>.qml`` (or, for ``density``, a colour ramp) when ``dest_id`` loads."""
    if not context.willLoadLayerOnCompletion(dest_id):
        return
    processor = _DensityRamp() if name == "density" else _NamedStyle(name)
    _ALIVE.append(processor)
    context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
