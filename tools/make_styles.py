"""Write the plugin's layer styles (styles/*.qml) with QGIS's own API.

Run once after changing a style: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_styles.py
The .qml files are committed; algorithms apply them when their outputs load.
"""

import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRendererRange,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

STYLES = Path(__file__).resolve().parents[1] / "styles"

GI_BINS = [(-3, "#2166ac", "Cold spot, 99% confidence"), (-2, "#67a9cf", "Cold spot, 95% confidence"),
           (-1, "#d1e5f0", "Cold spot, 90% confidence"), (0, "#f7f7f7", "Not significant"),
           (1, "#fddbc7", "Hot spot, 90% confidence"), (2, "#ef8a62", "Hot spot, 95% confidence"),
           (3, "#b2182b", "Hot spot, 99% confidence")]

EMERGING = [("New Hot Spot", "#fbb4b9"), ("Consecutive Hot Spot", "#f768a1"),
            ("Intensifying Hot Spot", "#e31a1c"), ("Persistent Hot Spot", "#bd0026"),
            ("Diminishing Hot Spot", "#fd8d3c"), ("Sporadic Hot Spot", "#fed976"),
            ("Oscillating Hot Spot", "#c51b8a"), ("Historical Hot Spot", "#7a0177"),
            ("New Cold Spot", "#c6dbef"), ("Consecutive Cold Spot", "#9ecae1"),
            ("Intensifying Cold Spot", "#2171b5"), ("Persistent Cold Spot", "#08306b"),
            ("Diminishing Cold Spot", "#6baed6"), ("Sporadic Cold Spot", "#c7e9c0"),
            ("Oscillating Cold Spot", "#756bb1"), ("Historical Cold Spot", "#54278f"),
            ("No Pattern Detected", "#ffffff")]

COUNT_CLASSES = [(1, 1, "#ffffb2"), (2, 4, "#fecc5c"), (5, 9, "#fd8d3c"), (10, 19, "#f03b20"),
                 (20, 1e9, "#bd0026")]


def fill(color, outline="#7f7f7f", width="0.1", opacity=0.85):
    symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "outline_width": width})
    symbol.setOpacity(opacity)
    return symbol


def polygons(fields):
    return QgsVectorLayer("Polygon?crs=EPSG:27700&" + "&".join(f"field={f}" for f in fields), "style", "memory")


def labels(expression, size=10):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    text.setFont(QFont("Sans Serif", size, QFont.Bold))
    text.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def save(layer, name):
    message, ok = layer.saveNamedStyle(str(STYLES / f"{name}.qml"))
    if not ok:
        sys.exit(f"Could not write {name}.qml: {message}")


def main():
    STYLES.mkdir(exist_ok=True)

    grid = polygons(["count:integer"])
    ranges = [QgsRendererRange(low, high, fill(color), f"{low:g}" if low == high else
                               (f"{low:g} or more" if high >= 1e9 else f"{low:g}–{high:g}"))
              for low, high, color in COUNT_CLASSES]
    grid.setRenderer(QgsGraduatedSymbolRenderer("count", ranges))
    save(grid, "crime_grid")

    gi = polygons(["gi_bin:integer"])
    gi.setRenderer(QgsCategorizedSymbolRenderer(
        "gi_bin", [QgsRendererCategory(value, fill(color), label) for value, color, label in GI_BINS]))
    save(gi, "getis_ord")

    hotspots = polygons(["hotspot_id:integer"])
    hotspots.setRenderer(QgsCategorizedSymbolRenderer("'hotspot'", [
        QgsRendererCategory("hotspot", fill("#e31a1c", outline="#67000d", width="0.5", opacity=0.6),
                            "Patrol hotspot")]))
    hotspots.setLabeling(labels('"hotspot_id"'))
    hotspots.setLabelsEnabled(True)
    save(hotspots, "hotspots")

    emerging = polygons(["category:string"])
    emerging.setRenderer(QgsCategorizedSymbolRenderer(
        "category", [QgsRendererCategory(name, fill(color), name) for name, color in EMERGING]))
    save(emerging, "emerging_hotspots")


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    main()
    app.exitQgis()
