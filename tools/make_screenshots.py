"""The README's screenshots, made headless from `make demo`'s outputs with the plugin's styles.

    make screenshots        (runs `make demo` first; writes docs/images/*.png)

Maps are print layouts (map, legend, scale bar) exported to PNG; the planner panel is drawn by Qt
offscreen after a real run; the briefing page is page 2 of the demo's PDF, rasterised by GDAL.
"""

import importlib.util
import sys
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


def load_plugin():
    spec = importlib.util.spec_from_file_location(
        "hotspot_patrol", REPO / "__init__.py", submodule_search_locations=[str(REPO)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["hotspot_patrol"] = module
    spec.loader.exec_module(module)
    from hotspot_patrol.algorithms.provider import HotspotPatrolProvider
    provider = HotspotPatrolProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return provider


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
    item.attemptMove(QgsLayoutPoint(5, 14))
    item.attemptResize(QgsLayoutSize(PAGE_MM[0] - 70, PAGE_MM[1] - 19))
    item.setLayers(layers)
    item.setCrs(layers[0].crs())
    item.zoomToExtent(extent)
    item.setFrameEnabled(True)
    layout.addLayoutItem(item)

    heading = QgsLayoutItemLabel(layout)
    heading.setText(title)
    heading.setFont(QFont("DejaVu Sans", 13))
    heading.attemptMove(QgsLayoutPoint(5, 3))
    heading.attemptResize(QgsLayoutSize(PAGE_MM[0] - 10, 9))
    layout.addLayoutItem(heading)

    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in legend_layers:
        root.addLayer(layer)
    legend.setTitle("")
    legend.attemptMove(QgsLayoutPoint(PAGE_MM[0] - 62, 14))
    layout.addLayoutItem(legend)

    scale_bar = QgsLayoutItemScaleBar(layout)
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(item)
    scale_bar.setUnits(QgsUnitTypes.DistanceMeters)
    scale_bar.setNumberOfSegments(2)
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.applyDefaultSize()
    scale_bar.attemptMove(QgsLayoutPoint(PAGE_MM[0] - 62, PAGE_MM[1] - 18))
    layout.addLayoutItem(scale_bar)

    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = 110
    if QgsLayoutExporter(layout).exportToImage(str(path), settings) != QgsLayoutExporter.Success:
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
              [visits, routes, hotspots, density], around(hotspots, '"rank" IN (1, 2, 7, 8, 9)', 900),
              [hotspots, visits, routes])
    made = styled(demo / "visits_made.gpkg", "visits_made", "Visits made (minutes stayed)")
    map_image(IMAGES / "visits_made.png",
              "Chicago: visits made in 28 days, from the simulated GPS trail, by minutes stayed",
              [made, hotspots], around(hotspots, '"rank" IN (1, 2, 7, 8, 9)', 900), [made, hotspots])


def briefing_page(demo, page=2):
    """Page ``page`` of the demo's briefing pack, rasterised by GDAL's PDF driver."""
    source = gdal.OpenEx(f"PDF:{page}:{demo / 'briefing_pack.pdf'}", open_options=["DPI=80"])
    if source is None:
        sys.exit("No briefing_pack.pdf: run `make demo` first")
    gdal.Translate(str(IMAGES / "briefing_page.png"), source, format="PNG")
    print(f"Wrote {(IMAGES / 'briefing_page.png').relative_to(REPO)}")


def dock(demo):
    """The planner panel after a real run on the Chicago sample, drawn offscreen."""
    from qgis.PyQt.QtCore import QDate
    from hotspot_patrol.ui.dock import HotspotPatrolDock

    crimes = QgsVectorLayer(str(REPO / "sample_data" / "chicago_crimes_2024.gpkg"), "Chicago crimes 2024", "ogr")
    QgsProject.instance().addMapLayer(crimes)
    panel = HotspotPatrolDock(None)
    panel.set_up_run(crimes, "date", top_n=20, start=QDate(2024, 6, 3), days=28, time_zone="America/Chicago")
    panel.resize(460, 900)
    panel.show()
    panel.start_run()
    deadline = time.time() + 300
    while panel.is_running() and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    panel.select_first_visit()
    QgsApplication.processEvents()
    panel.grab().save(str(IMAGES / "dock.png"))
    print(f"Wrote {(IMAGES / 'dock.png').relative_to(REPO)}")


def main(demo):
    application = QgsApplication([], True)
    application.initQgis()
    application.provider = load_plugin()  # the registry does not keep the Python object alive
    IMAGES.mkdir(parents=True, exist_ok=True)
    see(demo)
    plan(demo)
    briefing_page(demo)
    dock(demo)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "demo_output")
