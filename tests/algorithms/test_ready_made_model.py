"""The ready-made model "Hotspot patrol plan": listed by the provider, runs through qgis_process,
gives what the three algorithms give when run one by one, and is what tools/make_model.py builds."""

import json

from helpers import REPO, SAMPLE_DATA, load_tool
from qgis.core import QgsApplication, QgsProcessingModelAlgorithm, QgsRasterLayer, QgsVectorLayer

CHICAGO = SAMPLE_DATA / "chicago_crimes_2024.gpkg"
MODEL_FILE = REPO / "models" / "hotspotpatrolplan.model3"
PLAN = {"TIME": "date", "START_DATE": "2024-06-03", "DAYS": 7, "TIMEZONE": "America/Chicago", "UNITS": 2,
        "SEED": 4}


def visits(path):
    return sorted((f["hotspot_id"], f["unit"], f["start_local"], f["minutes"])
                  for f in QgsVectorLayer(path).getFeatures())


def test_the_provider_lists_the_model(provider):
    model = QgsApplication.processingRegistry().algorithmById("hotspotpatrol:hotspotpatrolplan")
    assert model is not None and model.displayName() == "Hotspot patrol plan"
    names = {parameter.name() for parameter in model.parameterDefinitions()}
    assert {"CRIMES", "TIME", "CELL_SIZE", "TOP_N", "START_DATE", "DAYS", "TIMEZONE", "SHIFTS", "UNITS", "SEED",
            "PIXEL_SIZE", "rank:HOTSPOTS", "plan:VISITS", "density:DENSITY"} <= names
    assert model.parameterDefinition("CELL_SIZE").defaultValue() == 150
    assert model.parameterDefinition("TOP_N").defaultValue() == 20
    assert "rank:HOTSPOTS" in model.shortHelpString()
    assert model.validate()[0], model.validate()[1]


def test_the_model_runs_through_qgis_process_as_the_algorithms_do(qgis_process, run, tmp_path):
    outputs = {"rank:HOTSPOTS": tmp_path / "hotspots.gpkg", "plan:VISITS": tmp_path / "visits.gpkg",
               "density:DENSITY": tmp_path / "density.tif"}
    arguments = [f"{key}={value}" for key, value in {"CRIMES": CHICAGO, "TOP_N": 6, **PLAN, **outputs}.items()]
    finished = qgis_process("--json", "run", "hotspotpatrol:hotspotpatrolplan", "--", *arguments)
    assert finished.returncode == 0, finished.stderr
    results = json.loads(finished.stdout[finished.stdout.index("{"):])["results"]
    assert {key: results[key] for key in outputs} == {key: str(value) for key, value in outputs.items()}

    one_by_one = tmp_path / "one_by_one"
    one_by_one.mkdir()
    run("hotspotpatrol:rankhotspots", {"INPUT": str(CHICAGO), "TOP_N": 6, "OUTPUT": str(one_by_one / "h.gpkg")})
    run("hotspotpatrol:patrolplan", {"HOTSPOTS": str(one_by_one / "h.gpkg"), "CRIMES": str(CHICAGO), **PLAN,
                                     "OUTPUT": str(one_by_one / "v.gpkg")})
    hotspots = QgsVectorLayer(str(outputs["rank:HOTSPOTS"]))
    assert hotspots.featureCount() == 6
    assert sorted(f["hotspot_id"] for f in hotspots.getFeatures()) == sorted(
        f["hotspot_id"] for f in QgsVectorLayer(str(one_by_one / "h.gpkg")).getFeatures())
    planned = visits(str(outputs["plan:VISITS"]))
    assert planned and planned == visits(str(one_by_one / "v.gpkg"))
    density = QgsRasterLayer(str(outputs["density:DENSITY"]))
    assert density.isValid() and density.rasterUnitsPerPixelX() == 25


def summary(model):
    """What a model does, independent of how a QGIS version writes it (3.40 adds keys and a version)."""
    def source(value):
        return (value.source(), value.parameterName(), value.outputChildId(), value.outputName(),
                str(value.staticValue()))
    steps = {child_id: (child.algorithmId(),
                        {name: [source(value) for value in values]
                         for name, values in child.parameterSources().items()},
                        {name: output.childOutputName() for name, output in child.modelOutputs().items()})
             for child_id, child in model.childAlgorithms().items()}
    inputs = {p.name(): (p.type(), str(p.defaultValue()), p.description(), int(p.flags()))
              for p in model.parameterDefinitions() if not p.isDestination()}
    return model.displayName(), model.group(), steps, inputs, model.helpContent()


def test_the_committed_model_is_what_make_model_builds(provider):
    make_model = load_tool("make_model")
    committed = QgsProcessingModelAlgorithm()
    assert committed.fromFile(str(MODEL_FILE))
    assert summary(make_model.build_model()) == summary(committed), (
        "models/ is stale: run QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_model.py")
