"""The README's screenshots, made headless from `make demo`'s outputs with the plugin's styles.

    make screenshots        (runs `make demo` first; writes docs/images/*.png)

Maps are print layouts (map, legend, scale bar) exported to PNG; the planner panel is drawn by Qt
offscreen after a real run; the briefing page is page 2 of the demo's PDF, rasterised by GDAL.
"""

import sys
import tempfile
import time
from pathlib import Path

from osgeo import gdal
from qgis.core import (
    QgsApplication,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QFont

REPO = Path(__file__).resolve().parents[1]
IMAGES = REPO / "docs" / "images"
PAGE_MM = (240, 170)  # landscape, legend on the right


def styled(path, style, name, raster=False):
    from hotspot_patrol.algorithms.styles import apply_style
    layer = QgsRasterLayer(str(path), name) if raster else QgsVectorLayer(str(path), name, "ogr")
    if not layer.isValid() or not apply_style(layer, style):
        sys.exit(f"Cannot load and style {path} ({style}): run `make demo` first")
    QgsProject.instance().addMapLayer(layer)
    return layer


def map_image(path, title, layers, extent, legend_layers):
    """A layout page with the map, a legend of ``legend_layers`` and a scale bar, as PNG."""
    project = QgsProject.instance()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(*PAGE_MM))
    item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(item)  # first: an item's size and extent need its layout
    item.setLayers(layers)
    item.setCrs(layers[0].crs())
    # A new item has neither size nor extent to zoom from, and setExtent reshapes the item to the
    # extent: size, extent, size again, then fit the extent into that size.
    size = QgsLayoutSize(PAGE_MM[0] - 70, PAGE_MM[1] - 19)
    item.attemptMove(QgsLayoutPoint(5, 14))
    item.attemptResize(size)
    item.setExtent(extent)
    item.attemptResize(size)
    item.zoomToExtent(extent)
    item.setFrameEnabled(True)

    heading = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(heading)
    heading.setText(title)
    heading.setFont(QFont("DejaVu Sans", 13))
    heading.attemptMove(QgsLayoutPoint(5, 3))
    heading.attemptResize(QgsLayoutSize(PAGE_MM[0] - 10, 9))

    legend = QgsLayoutItemLegend(layout)
    layout.addLayoutItem(legend)
    legend.setLinkedMap(item)
    legend.setLegendFilterByMapEnabled(True)  # only the units and classes on the map
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in legend_layers:
        root.addLayer(layer)
    legend.setTitle("")
    legend.attemptMove(QgsLayoutPoint(PAGE_MM[0] - 62, 14))

    scale_bar = QgsLayoutItemScaleBar(layout)
    layout.addLayoutItem(scale_bar)
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(item)
    scale_bar.setUnits(QgsUnitTypes.DistanceMeters)
    scale_bar.setNumberOfSegments(2)
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.applyDefaultSize()
    scale_bar.attemptMove(QgsLayoutPoint(PAGE_MM[0] - 62, PAGE_MM[1] - 18))

    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 110
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # the exporter's georeferencing cannot update a PNG
    outcome = QgsLayoutExporter(layout).exportToImage(str(path), settings)
    gdal.PopErrorHandler()
    if outcome != QgsLayoutExporter.Success:
        sys.exit(f"Could not write {path}")
    print(f"Wrote {path.relative_to(REPO)}")


def around(layer, expression, margin):
    """The bounding box of ``layer``'s features matching ``expression``, grown by ``margin``."""
    extent = QgsRectangle()
    extent.setMinimal()
    for feature in layer.getFeatures(expression):
        extent.combineExtentWith(feature.geometry().boundingBox())
    extent.grow(margin)
    return extent


def see(demo):
    grid = styled(demo / "crime_grid.gpkg", "crime_grid", "Crimes per 150 m cell")
    density = styled(demo / "crime_density.tif", "density", "Kernel density (radius 150 m)", raster=True)
    map_image(IMAGES / "see_grid_density.png",
              "Southend-on-Sea, street crime January–July 2018: 150 m cells over the kernel density",
              [grid, density], around(grid, '"count" >= 40', 600), [grid, density])


def plan(demo, day="2024-06-04"):
    hotspots = styled(demo / "chicago_hotspots.gpkg", "hotspots", "Patrol hotspots (rank)")
    density = styled(demo / "crime_density_chicago.tif", "density", "Crime density", raster=True)
    visits = styled(demo / "patrol_plan.gpkg", "patrol_visits", f"Visits on {day} (unit)")
    routes = styled(demo / "patrol_routes.gpkg", "patrol_routes", "Routes (unit)")
    for layer in (visits, routes):
        layer.setSubsetString(f"\"date\" = '{day}'")
    map_image(IMAGES / "plan_map.png",
              f"Chicago: the top hotspots downtown and the visits planned for {day}, with start times",
              [visits, routes, hotspots, density], around(hotspots, '"rank" IN (1, 2, 7)', 450),
              [hotspots, visits, routes])


def compliance_table(demo, first_row=33):
    """The plan's compliance table (from the simulated GPS trail) in QGIS's attribute table, styled."""
    from qgis.core import QgsVectorLayerCache
    from qgis.gui import QgsAttributeTableFilterModel, QgsAttributeTableModel, QgsAttributeTableView, QgsMapCanvas
    from qgis.PyQt.QtCore import QModelIndex

    layer = styled(demo / "compliance.csv", "compliance", "Plan compliance")
    canvas = QgsMapCanvas()
    cache = QgsVectorLayerCache(layer, layer.featureCount())  # the model does not own it: keep it alive
    model = QgsAttributeTableModel(cache)
    model.loadLayer()
    table = QgsAttributeTableFilterModel(canvas, model)
    view = QgsAttributeTableView()
    view.setModel(table)
    view.resize(1010, 330)
    view.show()
    for column in range(table.columnCount(QModelIndex())):
        view.resizeColumnToContents(column)
    view.scrollTo(table.index(first_row, 0), QgsAttributeTableView.PositionAtTop)
    QgsApplication.processEvents()
    view.grab().save(str(IMAGES / "compliance.png"))
    print(f"Wrote {(IMAGES / 'compliance.png').relative_to(REPO)}")


def briefing_page(demo, page=2):
    """Page ``page`` of the demo's briefing pack, rasterised by GDAL's PDF driver."""
    source = gdal.OpenEx(f"PDF:{page}:{demo / 'briefing_pack.pdf'}", open_options=["DPI=80"])
    if source is None:
        sys.exit("No briefing_pack.pdf: run `make demo` first")
    gdal.Translate(str(IMAGES / "briefing_page.png"), source, format="PNG")
    print(f"Wrote {(IMAGES / 'briefing_page.png').relative_to(REPO)}")


def dock(folder):
    """The planner panel after a real run on the Chicago sample (2 units, 28 days), drawn offscreen;
    its settings and outputs go to ``folder``, not to the user's profile."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QDate, QSettings

    from hotspot_patrol.ui.dock import HotspotPatrolDock

    crimes = QgsVectorLayer(str(REPO / "sample_data" / "chicago_crimes_2024.gpkg"), "Chicago crimes 2024", "ogr")
    QgsProject.instance().addMapLayer(crimes)
    panel = HotspotPatrolDock(None, None, QgsSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    panel.output_path = lambda file_name: str(folder / file_name)
    panel.layer_combo.setLayer(crimes)
    panel.time_widget.setField("date")
    panel.timezone.setCurrentText("America/Chicago")
    panel.start_date.setDate(QDate(2024, 6, 3))
    panel.days.setValue(28)
    panel.hotspot_count.setValue(20)
    panel.units.setValue(2)
    panel.seed.setValue(1)
    panel.resize(430, 820)
    panel.show()
    panel.start_run()
    deadline = time.monotonic() + 300
    while panel.is_running() or QgsApplication.taskManager().countActiveTasks():
        if time.monotonic() > deadline:
            sys.exit("The panel's run did not finish in 5 minutes")
        QgsApplication.processEvents()
        time.sleep(0.01)
    panel.table.selectRow(2)
    QgsApplication.processEvents()
    panel.grab().save(str(IMAGES / "dock.png"))
    print(f"Wrote {(IMAGES / 'dock.png').relative_to(REPO)}")
    panel.cleanup()


def main(demo):
    application = QgsApplication([], True)
    application.initQgis()
    from checkout import register_provider
    application.provider = register_provider()
    IMAGES.mkdir(parents=True, exist_ok=True)
    see(demo)
    plan(demo)
    compliance_table(demo)
    briefing_page(demo)
    with tempfile.TemporaryDirectory() as folder:
        dock(Path(folder))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "demo_output")
