"""Every layer output of every algorithm loads with its style; the styles are what tools/make_styles.py
writes; apply_style (used by the dock) gives a layer a style by name."""

import datetime
from xml.etree import ElementTree

import numpy
import processing
import pytest
from helpers import REPO, SAMPLE_DATA, SOUTHEND, load_tool, point_layer
from osgeo import gdal
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsMemoryProviderUtils,
    QgsProcessingModelAlgorithm,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
    QgsProject,
    QgsRasterLayer,
    QgsRenderContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from hotspot_patrol.algorithms import styles

CHICAGO = SAMPLE_DATA / "chicago_crimes_2024.gpkg"
ZONE = "America/Chicago"

# The style of every layer output (algorithm id, output) ...
STYLE_OF = {
    ("gridcrimes", "OUTPUT"): "crime_grid",
    ("kerneldensity", "OUTPUT"): "density",
    ("getisord", "OUTPUT"): "getis_ord",
    ("rankhotspots", "OUTPUT"): "hotspots",
    ("rankhotspots", "OUTPUT_CELLS"): "crime_grid",
    ("emerginghotspots", "OUTPUT"): "emerging_hotspots",
    ("mapaccuracy", "OUTPUT"): "map_accuracy",
    ("temporalprofile", "OUTPUT"): "time_profile",
    ("patrolplan", "OUTPUT"): "patrol_visits",
    ("patrolplan", "OUTPUT_ROUTES"): "patrol_routes",
    ("patrolplan", "OUTPUT_ASSIGNMENT"): "patrol_assignment",
    ("patroldosage", "OUTPUT"): "visits_made",
    ("patroldosage", "OUTPUT_COMPLIANCE"): "compliance",
    ("patroldosage", "OUTPUT_HOTSPOTS"): "hotspot_dosage",
    ("evaluatepatrols", "OUTPUT_DAYS"): "hotspot_days",
    ("evaluatepatrols", "OUTPUT_SUMMARY"): "patrol_effect",
    ("evaluatepatrols", "OUTPUT_RESIDUAL"): "residual_deterrence",
    ("evaluatepatrols", "OUTPUT_DISPLACEMENT"): "displacement",
    ("evaluatepatrols", "OUTPUT_DOSAGE"): "dosage_response",
    ("importpoliceuk", "OUTPUT"): "police_uk_crimes",
    ("forecasthotspots", "OUTPUT"): "forecast",
    ("backtesthotspots", "OUTPUT"): "backtest_scores",
    ("backtesthotspots", "OUTPUT_SUMMARY"): "backtest_summary",
    ("nearrepeat", "OUTPUT"): "near_repeat",
    ("trialpower", "OUTPUT"): "trial_power",
}
# ... and the outputs that are files, not layers: nothing to style.
FILE_OUTPUTS = {("patrolplan", "OUTPUT_ICS"), ("patrolplan", "OUTPUT_CSV"), ("evaluatepatrols", "OUTPUT_REPORT"),
                ("briefingpack", "OUTPUT"), ("backtesthotspots", "OUTPUT_REPORT")}

# What each style must look like, written out here rather than read from make_styles.py.
HHMM = 'substr("start_local", 12, 5)'
EXPECTED = {
    "crime_grid": {"renderer": ("graduatedSymbol", "count")},
    "getis_ord": {"renderer": ("categorizedSymbol", "gi_bin")},
    "hotspots": {"renderer": ("categorizedSymbol", "'hotspot'"), "labels": ('"rank"', None)},
    "emerging_hotspots": {"renderer": ("categorizedSymbol", "category")},
    "patrol_visits": {"renderer": ("categorizedSymbol", "unit"), "labels": (HHMM, 10000),
                      "aliases": {"start_local": "Start (local time)"}},
    "patrol_routes": {"renderer": ("categorizedSymbol", "unit"), "symbol_layers": ("SimpleLine", "MarkerLine")},
    "patrol_assignment": {"renderer": None, "aliases": {"assigned": "Assigned to patrol"},
                          "row_styles": ["\"assigned\" IN (1, 'true')"]},
    "visits_made": {"renderer": ("graduatedSymbol", "minutes"), "aliases": {"minutes": "Minutes present"}},
    "compliance": {"renderer": None, "aliases": {"status": "Status", "late_minutes": "Minutes late"},
                   "field_styles": {"status": ["@value = 'delivered'", "@value = 'late'", "@value = 'missed'"]}},
    "hotspot_dosage": {"renderer": None, "aliases": {"koper_share": "Share of visits lasting 10–16 min"}},
    "hotspot_days": {"renderer": None, "aliases": {"days_since_patrol": "Days since last patrol"},
                     "row_styles": ["\"patrolled\" IN (1, 'true')"]},
    "patrol_effect": {"renderer": None, "aliases": {"change_pct": "Change on patrol days (%)", "p_value": "p-value",
                                                    "primary": "Primary analysis"},
                      "precision": {"p_value": 3}, "row_styles": ["\"primary\" IN (1, 'true')"]},
    "residual_deterrence": {"renderer": None, "aliases": {"days_since_patrol": "Days since last patrol"}},
    "displacement": {"renderer": None, "aliases": {"wdq": "Weighted displacement quotient"}},
    "dosage_response": {"renderer": None, "aliases": {"ratio_to_baseline": "Ratio to baseline (observational)"}},
    "map_accuracy": {"renderer": None, "aliases": {"pai": "PAI (predictive accuracy index)"}},
    "time_profile": {"renderer": None, "aliases": {"risk": "Relative risk (1 = average hour)"}},
    "forecast": {"renderer": ("graduatedSymbol", "rank"), "aliases": {"score": "Forecast score"}},
    "backtest_scores": {"renderer": None, "aliases": {"pei": "PEI* (predictive efficiency index)"}},
    "backtest_summary": {"renderer": None, "aliases": {"mean_pei": "Mean PEI*"},
                         "row_styles": ["\"winner\" IN (1, 'true')"]},
    "trial_power": {"renderer": None, "aliases": {"mde": "Smallest detectable drop"}, "precision": {"mde": 2}},
    "near_repeat": {"renderer": None, "aliases": {"knox_ratio": "Knox ratio"},
                    "field_styles": {"knox_ratio": ['@value > 1 AND "p_value" < 0.05']}},
    "police_uk_crimes": {"renderer": ("categorizedSymbol", "if(\"outlier\" IN (1, 'true'), 'outlier', 'crime')"),
                         "aliases": {"crime_id": "Crime ID", "outlier": "Far outside the area"},
                         "row_styles": ["\"outlier\" IN (1, 'true')"]},
}


UNIT_STYLES = {"patrol_visits", "patrol_routes"}


def make_styles():
    """tools/make_styles.py as a module."""
    return load_tool("make_styles")


def look(layer):
    """What a layer's style shows: renderer, labels, field aliases and formats, conditional styles."""
    renderer = layer.renderer()
    found = {"renderer": None if renderer is None else
             (renderer.type(), renderer.classAttribute() if hasattr(renderer, "classAttribute") else None)}
    if isinstance(layer, QgsRasterLayer):
        return found
    items = renderer.legendSymbolItems() if renderer is not None else []  # they own their symbols
    if items:
        found["symbol_layers"] = tuple(symbol_layer.layerType() for symbol_layer in items[0].symbol().symbolLayers())
        found["legend"] = [(item.label(), item.symbol().color().name()) for item in items]
    if layer.labelsEnabled():
        settings = layer.labeling().settings()
        found["labels"] = (settings.fieldName, settings.minimumScale if settings.scaleVisibility else None)
    found["aliases"] = {field.name(): field.alias() for field in layer.fields() if field.alias()}
    found["precision"] = {field.name(): field.editorWidgetSetup().config().get("Precision")
                          for field in layer.fields() if field.editorWidgetSetup().type() == "Range"}
    conditional = layer.conditionalStyles()
    found["field_styles"] = {}
    for field in layer.fields():
        rules = [style.rule() for style in conditional.fieldStyles(field.name())]
        if rules:
            found["field_styles"][field.name()] = rules
    found["row_styles"] = [style.rule() for style in conditional.rowStyles()]
    found["sort"] = layer.attributeTableConfig().sortExpression()
    return found


def assert_looks_like(layer, name, reference):
    """``layer`` has the style ``name``: what EXPECTED says, and all of make_styles' style."""
    found = look(layer)
    for key, value in EXPECTED[name].items():
        if key in ("aliases", "precision"):
            assert value.items() <= found[key].items(), (name, key, found[key])
        else:
            assert found.get(key) == value, (name, key, found.get(key))
    expected = look(reference)
    if name in UNIT_STYLES:  # the legend lists the plan's units only (test_legend_lists_the_plans_units)
        expected["legend"] = [item for item in expected["legend"] if item in found["legend"]]
    assert found == expected, name


def loaded(result, key):
    """The project layer that Processing loaded for an output (by id or by file path)."""
    value = result[key]
    layers = QgsProject.instance().mapLayers()
    if value in layers:
        return layers[value]
    return next(layer for layer in layers.values() if layer.source().split("|")[0] == value)


def pings_for(plan_layer, skip_every=4):
    """A GPS trail that delivers the plan's visits: a ping every 2 minutes for 14 minutes from each
    planned start, at the visit's point; every ``skip_every``-th visit is missed."""
    places, rows = [], []
    for number, visit in enumerate(plan_layer.getFeatures()):
        if number % skip_every == skip_every - 1:
            continue
        start = datetime.datetime.fromisoformat(visit["start_local"]).astimezone(datetime.timezone.utc)
        point = visit.geometry().asPoint()
        for minute in range(0, 15, 2):
            places.append((point.x(), point.y()))
            rows.append((f"car {visit['unit']}",
                         (start + datetime.timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ")))
    return point_layer(places, crs=plan_layer.crs().authid(), fields=(("unit", "text"), ("time", "text")),
                       rows=rows)


def rectangle_layer(rectangle, crs):
    layer = QgsVectorLayer(f"Polygon?crs={crs}", "control", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(rectangle))
    layer.dataProvider().addFeatures([feature])
    return layer


@pytest.fixture(scope="module")
def outputs(provider, tmp_path_factory):
    """{(algorithm id, output): the project layer Processing loaded}, for every entry of STYLE_OF, from
    the Chicago sample: hotspots, one week's plan, the GPS trail of most of it, and its evaluation."""
    folder = tmp_path_factory.mktemp("styled")
    found = {}

    def run(algorithm, parameters):
        result = processing.runAndLoadResults(f"hotspotpatrol:{algorithm}", parameters)
        for (name, output) in STYLE_OF:
            if name == algorithm and output in result:
                found[(name, output)] = loaded(result, output)
        return result

    crimes = str(CHICAGO)
    run("importpoliceuk", {"INPUT": str(SAMPLE_DATA / "police_uk_southend_sample.zip"),
                           "OUTPUT": str(folder / "police_uk.gpkg")})
    run("gridcrimes", {"INPUT": str(SOUTHEND), "OUTPUT": str(folder / "grid.gpkg")})
    run("getisord", {"INPUT": found[("gridcrimes", "OUTPUT")], "FIELD": "count", "DISTANCE": 250,
                     "OUTPUT": str(folder / "gi.gpkg")})
    run("kerneldensity", {"INPUT": str(SOUTHEND), "PIXEL_SIZE": 25, "OUTPUT": str(folder / "density.tif")})
    run("emerginghotspots", {"INPUT": crimes, "TIME": "date", "CELL_SIZE": 500,
                             "OUTPUT": str(folder / "emerging.gpkg")})
    run("rankhotspots", {"INPUT": crimes, "TOP_N": 6, "OUTPUT": str(folder / "hotspots.gpkg"),
                         "OUTPUT_CELLS": str(folder / "cells.gpkg")})
    run("forecasthotspots", {"INPUT": crimes, "TIME": "date", "OUTPUT": str(folder / "forecast.gpkg")})
    run("backtesthotspots", {"INPUT": crimes, "TIME": "date", "METHODS": [0, 1], "ORIGINS": 3,
                             "OUTPUT": str(folder / "scores.gpkg"), "OUTPUT_SUMMARY": str(folder / "summary.gpkg")})
    run("nearrepeat", {"INPUT": crimes, "TIME": "date", "ITERATIONS": 19, "OUTPUT": str(folder / "knox.gpkg")})
    run("trialpower", {"CRIMES": crimes, "TIME": "date", "HOTSPOTS": str(folder / "hotspots.gpkg"),
                       "START": "2024-01-01", "END": "2025-01-01", "TIMEZONE": ZONE, "DAYS": 90,
                       "OUTPUT": str(folder / "power.gpkg")})
    hotspots = str(folder / "hotspots.gpkg")
    run("mapaccuracy", {"HOTSPOTS": str(folder / "cells.gpkg"), "SCORE_FIELD": "count", "CRIMES": crimes,
                        "OUTPUT": str(folder / "accuracy.gpkg")})
    run("temporalprofile", {"HOTSPOTS": hotspots, "CRIMES": crimes, "TIME": "date", "TIMEZONE": ZONE,
                            "OUTPUT": str(folder / "profile.gpkg")})
    run("patrolplan", {"HOTSPOTS": hotspots, "CRIMES": crimes, "TIME": "date", "START_DATE": "2024-06-03",
                       "DAYS": 7, "TIMEZONE": ZONE, "SEED": 1, "OUTPUT": str(folder / "plan.gpkg"),
                       "OUTPUT_ROUTES": str(folder / "routes.gpkg"),
                       "OUTPUT_ASSIGNMENT": str(folder / "assignment.gpkg")})
    plan = found[("patrolplan", "OUTPUT")]
    run("patroldosage", {"PINGS": pings_for(plan), "UNIT_FIELD": "unit", "TIME": "time", "HOTSPOTS": hotspots,
                         "TIMEZONE": ZONE, "PLAN": plan, "OUTPUT": str(folder / "made.gpkg"),
                         "OUTPUT_COMPLIANCE": str(folder / "compliance.csv"),
                         "OUTPUT_HOTSPOTS": str(folder / "dosage.gpkg")})
    chicago = QgsVectorLayer(crimes)
    run("evaluatepatrols", {"CRIMES": crimes, "TIME": "date", "VISITS": str(folder / "made.gpkg"),
                            "HOTSPOTS": hotspots, "START": "2024-06-03", "END": "2024-06-17", "TIMEZONE": ZONE,
                            "CONTROL": rectangle_layer(chicago.extent(), chicago.crs().authid()),
                            "BEFORE_START": "2024-05-06", "BEFORE_END": "2024-06-03",
                            "OUTPUT_DAYS": str(folder / "days.gpkg"), "OUTPUT_SUMMARY": str(folder / "effect.gpkg"),
                            "OUTPUT_RESIDUAL": str(folder / "residual.gpkg"),
                            "OUTPUT_DISPLACEMENT": str(folder / "displacement.gpkg"),
                            "OUTPUT_DOSAGE": str(folder / "dosage_response.gpkg")})
    yield found
    QgsProject.instance().removeAllMapLayers()


def layer_outputs(algorithm):
    """(algorithm, output) of each destination; a model's are its steps' outputs."""
    kinds = (QgsProcessingParameterFeatureSink, QgsProcessingParameterRasterDestination,
             QgsProcessingParameterVectorDestination, QgsProcessingParameterFileDestination,
             QgsProcessingParameterFolderDestination)
    if isinstance(algorithm, QgsProcessingModelAlgorithm):
        return {(step.algorithm().name(), output.childOutputName())
                for step in algorithm.childAlgorithms().values() for output in step.modelOutputs().values()}
    destinations = [d for d in algorithm.parameterDefinitions() if d.isDestination()]
    assert all(isinstance(d, kinds) for d in destinations), [d.type() for d in destinations]
    return {(algorithm.name(), d.name()) for d in destinations}


def test_every_output_of_every_algorithm_has_a_style_or_is_a_file(provider):
    registered = set()
    for algorithm in QgsApplication.processingRegistry().providerById("hotspotpatrol").algorithms():
        registered |= layer_outputs(algorithm)
    assert registered - set(STYLE_OF) - FILE_OUTPUTS == set(), "a new output needs a style (STYLE_OF)"
    assert set(STYLE_OF) | FILE_OUTPUTS == registered, "STYLE_OF or FILE_OUTPUTS names an output that is gone"
    file_types = {"fileDestination", "folderDestination"}
    for name, output in FILE_OUTPUTS:
        algorithm = QgsApplication.processingRegistry().algorithmById(f"hotspotpatrol:{name}")
        assert algorithm.parameterDefinition(output).type() in file_types


def test_every_style_is_made_by_make_styles_and_committed():
    names = set(STYLE_OF.values()) - {styles.DENSITY}
    assert names == set(make_styles().BUILDERS) == set(EXPECTED)
    assert names == {path.stem for path in (REPO / "styles").glob("*.qml")}


def test_committed_styles_are_what_make_styles_writes(tmp_path):
    module = make_styles()
    written = {path.stem: path for path in module.write(tmp_path)}
    for name, builder in module.BUILDERS.items():
        committed = REPO / "styles" / f"{name}.qml"
        if ElementTree.parse(committed).getroot().get("version") == Qgis.QGIS_VERSION:
            assert written[name].read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
                f"styles/{name}.qml is out of date: run tools/make_styles.py")
        # On other QGIS versions the XML differs in detail: compare what the styles show.
        reference = builder()
        layer = QgsMemoryProviderUtils.createMemoryLayer(name, reference.fields(), reference.wkbType(),
                                                         reference.crs())
        assert styles.apply_style(layer, name)
        assert look(layer) == look(reference), name


@pytest.mark.parametrize("key", sorted(STYLE_OF), ids=lambda key: ":".join(key))
def test_output_loads_with_its_style(outputs, key):
    layer, name = outputs[key], STYLE_OF[key]
    if name == styles.DENSITY:
        renderer = layer.renderer()
        assert renderer.type() == "singlebandpseudocolor"
        assert renderer.classificationMin() == 0
        assert renderer.classificationMax() == pytest.approx(layer.dataProvider().bandStatistics(1).maximumValue)
        return
    assert layer.featureCount() > 0, "an empty output tests nothing"
    reference = make_styles().BUILDERS[name]()
    missing = {field.name() for field in reference.fields()} - {field.name() for field in layer.fields()}
    assert not missing, f"the style {name} names fields the output lacks"
    assert_looks_like(layer, name, reference)


def test_a_ready_made_models_outputs_load_styled(outputs, tmp_path):
    """A model's outputs are its steps' outputs, and carry their styles."""
    result = processing.runAndLoadResults("hotspotpatrol:hotspotpatrolplan", {
        "CRIMES": str(CHICAGO), "TIME": "date", "START_DATE": "2024-06-03", "DAYS": 3, "TIMEZONE": ZONE,
        "TOP_N": 4, "density:DENSITY": str(tmp_path / "density.tif"), "plan:VISITS": str(tmp_path / "plan.gpkg"),
        "rank:HOTSPOTS": str(tmp_path / "hotspots.gpkg")})
    assert loaded(result, "density:DENSITY").renderer().type() == "singlebandpseudocolor"
    assert_looks_like(loaded(result, "plan:VISITS"), "patrol_visits", make_styles().patrol_visits())
    assert_looks_like(loaded(result, "rank:HOTSPOTS"), "hotspots", make_styles().hotspots())


def test_visits_take_their_units_colour_and_visits_made_show_the_koper_band(outputs):
    """Each planned visit and route is drawn in its unit's colour, distinct per unit; a stay of
    10 to 16 minutes (inclusive) is in the Koper band, 9.99 and 16.01 minutes are not."""
    colours = {}
    for key in (("patrolplan", "OUTPUT"), ("patrolplan", "OUTPUT_ROUTES")):
        layer = outputs[key]
        renderer = layer.renderer().clone()
        context = QgsRenderContext()
        renderer.startRender(context, layer.fields())
        for feature in layer.getFeatures():
            colours.setdefault(feature["unit"], set()).add(renderer.symbolForFeature(feature, context).color().name())
        renderer.stopRender(context)
    assert sorted(colours) == [1, 2]
    assert all(len(found) == 1 for found in colours.values()), "one colour per unit, for visits and routes"
    assert colours[1] != colours[2]

    made = outputs[("patroldosage", "OUTPUT")].renderer()
    in_band = {minutes: made.rangeForValue(minutes).label() == "10–16 min (Koper band)"
               for minutes in (9.99, 10.0, 12.0, 16.0, 16.01)}
    assert in_band == {9.99: False, 10.0: True, 12.0: True, 16.0: True, 16.01: False}


def test_legend_lists_the_plans_units(outputs):
    for key in (("patrolplan", "OUTPUT"), ("patrolplan", "OUTPUT_ROUTES")):
        legend = [item.label() for item in outputs[key].renderer().legendSymbolItems()]
        assert legend == ["Unit 1", "Unit 2"], key


def test_units_beyond_the_styles_colours_share_the_other_units_category():
    points = QgsVectorLayer("Point?crs=EPSG:27700&field=unit:integer&field=start_local:string", "visits", "memory")
    features = []
    for unit in (3, 1, 12, 3):
        feature = QgsFeature(points.fields())
        feature.setAttributes([unit, "2024-06-03T14:05-05:00"])
        feature.setGeometry(QgsGeometry.fromWkt("Point (0 0)"))
        features.append(feature)
    points.dataProvider().addFeatures(features)
    assert styles.apply_style(points, "patrol_visits")
    assert [item.label() for item in points.renderer().legendSymbolItems()] == ["Unit 1", "Unit 3", "Other units"]
    # Gi* bins are a scale: every class stays in the legend, whatever the layer holds.
    bins = QgsVectorLayer("Polygon?crs=EPSG:27700&field=gi_bin:integer", "gi", "memory")
    assert styles.apply_style(bins, "getis_ord")
    assert len(bins.renderer().categories()) == len(make_styles().getis_ord().renderer().categories())


def test_apply_style_by_name():
    points = QgsVectorLayer("Point?crs=EPSG:27700&field=unit:integer&field=start_local:string", "visits", "memory")
    assert styles.apply_style(points, "patrol_visits")
    assert points.renderer().classAttribute() == "unit" and points.labelsEnabled()
    polygons = QgsVectorLayer("Polygon?crs=EPSG:27700&field=rank:integer", "hotspots", "memory")
    assert styles.apply_style(polygons, "hotspots") and polygons.labeling().settings().fieldName == '"rank"'
    # A style that does not fit, or does not exist, leaves the layer as it was.
    before = polygons.renderer().dump()
    assert not styles.apply_style(polygons, "patrol_routes")
    assert not styles.apply_style(polygons, "no_such_style")
    assert not styles.apply_style(polygons, styles.DENSITY)
    assert polygons.renderer().dump() == before


def test_density_ramp_spans_the_raster(provider, tmp_path):
    density = processing.run("hotspotpatrol:kerneldensity", {
        "INPUT": str(SOUTHEND), "PIXEL_SIZE": 50, "OUTPUT": str(tmp_path / "density.tif")})["OUTPUT"]
    layer = QgsRasterLayer(density, "density")
    assert styles.apply_style(layer, styles.DENSITY)
    shader = layer.renderer().shader().rasterShaderFunction()
    maximum = layer.dataProvider().bandStatistics(1).maximumValue
    assert (shader.minimumValue(), shader.maximumValue()) == (0.0, pytest.approx(maximum))
    assert not styles.apply_style(QgsVectorLayer("Point?crs=EPSG:27700", "p", "memory"), styles.DENSITY)


def density_raster(path, values, no_data=-9999.0):
    """A one-row Float32 GeoTIFF of ``values`` (10 m pixels, EPSG:27700) with ``no_data`` as NoData."""
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), len(values), 1, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((580000.0, 10.0, 0.0, 186000.0, 0.0, -10.0))
    dataset.SetProjection(QgsCoordinateReferenceSystem("EPSG:27700").toWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(no_data)
    band.WriteArray(numpy.array([values], dtype=numpy.float32))
    dataset = None
    layer = QgsRasterLayer(str(path), "density")
    assert layer.isValid()
    return layer


def rendered_over(layer, background):
    """``layer`` rendered pixel for pixel (one image pixel per raster pixel) over ``background``."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(layer.width(), layer.height()))
    settings.setExtent(layer.extent())
    settings.setBackgroundColor(QColor(background))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    return [[image.pixelColor(column, row) for column in range(image.width())] for row in range(image.height())]


def test_density_is_transparent_at_zero_and_nodata_and_darkens_to_opaque_at_the_top(tmp_path):
    layer = density_raster(tmp_path / "density.tif", [-9999.0, 0.0] + [value / 4 for value in range(1, 41)])
    assert styles.apply_style(layer, styles.DENSITY)
    renderer = layer.renderer()
    assert renderer.opacity() == 1.0
    block = renderer.block(1, layer.extent(), layer.width(), layer.height())
    alphas = [QColor.fromRgba(block.color(0, column)).alpha() for column in range(layer.width())]
    assert alphas[:2] == [0, 0], "NoData and 0 let the map below show through"
    assert 0 < alphas[2] < 128, "the lowest density is faint"
    assert alphas[-1] == 255

    shader = renderer.shader()
    shades = [shader.shade(value / 10) for value in range(0, 101)]
    assert all(valid for valid, *_ in shades)
    alphas = [alpha for *_, alpha in shades]
    luminance = [0.2126 * red + 0.7152 * green + 0.0722 * blue for _, red, green, blue, _ in shades]
    assert alphas[0] == 0 and alphas[-1] == 255
    assert alphas == sorted(alphas) and len(set(alphas[:10])) == 10, "alpha rises from 0 over the low end"
    # Within the shader's rounding of each channel to an integer.
    assert all(darker <= lighter + 0.5 for lighter, darker in zip(luminance, luminance[1:])), "light to dark"
    assert luminance[0] - luminance[-1] > 150


def test_density_over_a_light_or_dark_map_shows_the_map_where_there_is_no_density(tmp_path):
    layer = density_raster(tmp_path / "density.tif", [-9999.0, 0.0, 0.05, 5.0, 10.0])
    assert styles.apply_style(layer, styles.DENSITY)
    for background in ("#ffffff", "#111111"):
        pixels = rendered_over(layer, background)[0]
        assert [pixel.name() for pixel in pixels[:2]] == [background, background]
        assert pixels[2] != QColor(background), "a trace of density shows, faintly"
        assert pixels[-1].name() == "#bd0026", "the peak is opaque"
    faint, middle = rendered_over(layer, "#ffffff")[0][2:4]
    assert min(faint.red(), faint.green(), faint.blue()) > 240
    assert middle.lightness() < faint.lightness()


def test_southend_density_over_white_keeps_white_where_it_is_zero_or_low(provider, tmp_path):
    path = processing.run("hotspotpatrol:kerneldensity", {
        "INPUT": str(SOUTHEND), "RADIUS": 150, "PIXEL_SIZE": 50, "OUTPUT": str(tmp_path / "density.tif")})["OUTPUT"]
    layer = QgsRasterLayer(path, "density")
    assert styles.apply_style(layer, styles.DENSITY)
    values = gdal.Open(path).ReadAsArray()
    pixels = numpy.array([[pixel.getRgb()[:3] for pixel in row] for row in rendered_over(layer, "#ffffff")])
    covered = values != -9999.0
    nothing = ~covered | (values == 0)
    low = covered & (values > 0) & (values < 0.01 * values.max())
    assert nothing.any() and low.any() and (~nothing).any()
    assert (pixels[nothing] == 255).all(), "white where there is no density"
    assert (pixels[low] > 240).all(), "nearly white where the density is low"
    assert (pixels[values == values.max()] == QColor("#bd0026").getRgb()[:3]).all(), "the peak is opaque dark red"
