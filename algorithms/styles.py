"""Styles for the plugin's layers: ``styles/<name>.qml`` (written by tools/make_styles.py), and a
colour ramp for the density raster. Algorithms apply them when their outputs load; the dock applies
them to the layers it adds."""

import math
import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

from .base import PLUGIN_DIR

STYLE_DIR = os.path.join(PLUGIN_DIR, "styles")
DENSITY = "density"
# The density ramp: (share of the maximum, colour, alpha), ColorBrewer's YlOrRd, light to dark. Most
# of a density surface is a faint tail around a few peaks, so the colours change most over the low
# shares, and the alpha rises from 0 over them: the basemap stays readable where there is little
# crime. Dark red rather than black at the top, so the peaks stand out on a dark basemap too.
_DENSITY_STOPS = (
    (0.0, "#ffffb2", 0),
    (0.05, "#fecc5c", 140),
    (0.15, "#fd8d3c", 190),
    (0.35, "#f03b20", 230),
    (1.0, "#bd0026", 255),
)

# Styles with a category per patrol unit: a plan has as many units as the analyst has, so the legend
# keeps only those (the style has ten). Scales such as Gi* bins keep every class, so maps compare.
_UNIT_STYLES = {"patrol_visits", "patrol_routes"}

# Processing keeps only a raw pointer to a post-processor: we must keep it alive.
_ALIVE = []


def style_path(name):
    """The .qml file of the style ``name``."""
    return os.path.join(STYLE_DIR, f"{name}.qml")


def apply_style(layer, name):
    """Give ``layer`` the style ``name``: ``styles/<name>.qml``, or for ``density`` (a raster) a
    light-to-dark ramp from 0 to the raster's maximum, transparent at 0 and at NoData.

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
        if name in _UNIT_STYLES:
            _keep_categories_on_the_map(layer)
    layer.triggerRepaint()
    return True


def _category_key(value):
    """A category value and a field value compare equal when they read the same (1, 1.0 and "1")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _keep_categories_on_the_map(layer):
    """Drop the categories of a categorized style whose value the layer does not hold, and its
    catch-all category when every value has its own: the legend lists what the map shows."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsCategorizedSymbolRenderer) or layer.featureCount() == 0:
        return  # an empty layer keeps the whole style, for the features it will get
    field = layer.fields().lookupField(renderer.classAttribute())
    if field < 0:
        return  # an expression, or a field this layer lacks: nothing to compare
    present = {_category_key(value) for value in layer.uniqueValues(field)}
    covered = set()
    for index in reversed(range(len(renderer.categories()))):
        value = renderer.categories()[index].value()
        if value in ("", None):
            continue
        if _category_key(value) in present:
            covered.add(_category_key(value))
        else:
            renderer.deleteCategory(index)
    for index in reversed(range(len(renderer.categories()))):
        if renderer.categories()[index].value() in ("", None) and covered == present:
            renderer.deleteCategory(index)


def _density_ramp(layer):
    """Light to dark from 0 to the raster's maximum, fading out towards 0 so the map below shows through."""
    # All statistics (the default), not just Max: from QGIS 3.40 every ``stats`` argument,
    # Qgis.RasterBandStatistic too, lands on the deprecated int overload.
    maximum = layer.dataProvider().bandStatistics(1).maximumValue
    if not math.isfinite(maximum) or maximum <= 0:
        maximum = 1.0  # no crime at all: any ramp will do, but it must not be empty
    shader_function = QgsColorRampShader(0.0, maximum)
    items = []
    for share, name, alpha in _DENSITY_STOPS:
        colour = QColor(name)
        colour.setAlpha(alpha)
        value = share * maximum
        items.append(QgsColorRampShader.ColorRampItem(value, colour, f"{value:.4g}"))  # as QGIS labels its classes
    shader_function.setColorRampItemList(items)
    # The ramp the layer properties show and classify with is the one drawn.
    shader_function.setSourceColorRamp(shader_function.createColorRamp())
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(maximum)
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
