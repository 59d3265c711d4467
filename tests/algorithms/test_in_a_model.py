"""The algorithms work as steps of a Processing model (the model builder's engine)."""

from helpers import SAMPLE_DATA, SOUTHEND
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProject,
    QgsVectorLayer,
)

CHICAGO = SAMPLE_DATA / "chicago_crimes_2024.gpkg"


def child(algorithm_id, child_id, inputs, output_name):
    """A model step; unset parameters take their defaults, as the model builder fills them in."""
    step = QgsProcessingModelChildAlgorithm(algorithm_id)
    step.setChildId(child_id)
    defaults = {p.name(): p.defaultValue() for p in step.algorithm().parameterDefinitions()
                if not p.isDestination() and p.defaultValue() is not None}
    for name, value in {**defaults, **inputs}.items():
        source = (QgsProcessingModelChildParameterSource.fromModelParameter(value[1]) if isinstance(value, tuple)
                  else QgsProcessingModelChildParameterSource.fromStaticValue(value))
        step.addParameterSources(name, [source])
    output = QgsProcessingModelOutput(output_name)
    output.setChildOutputName("OUTPUT")
    output.setChildId(child_id)
    step.setModelOutputs({output_name: output})
    return step


def test_grid_and_density_in_one_model(provider, tmp_path):
    model = QgsProcessingModelAlgorithm("Grid and density", "test")
    model.addModelParameter(QgsProcessingParameterFeatureSource("crimes", "Crimes"),
                            QgsProcessingModelParameter("crimes"))
    model.addChildAlgorithm(child("hotspotpatrol:gridcrimes", "grid",
                                  {"INPUT": ("model", "crimes"), "CELL_SIZE": 150}, "grid"))
    model.addChildAlgorithm(child("hotspotpatrol:kerneldensity", "density",
                                  {"INPUT": ("model", "crimes"), "RADIUS": 150, "PIXEL_SIZE": 25}, "density"))
    assert model.validate()[0], model.validate()[1]
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results, ok = model.run({"crimes": str(SOUTHEND), "grid:grid": str(tmp_path / "grid.gpkg"),
                             "density:density": str(tmp_path / "density.tif")},
                            context, QgsProcessingFeedback())
    assert ok
    grid = QgsVectorLayer(results["grid:grid"])
    assert sum(f["count"] for f in grid.getFeatures()) == 14885
    assert (tmp_path / "density.tif").exists()


def test_forecast_then_rank_by_forecast_in_one_model(provider, run, tmp_path):
    """Forecast hotspots feeding Rank patrol hotspots (RANK_BY forecast) as a model builder would wire them:
    the same hotspots as the two run one after the other."""
    model = QgsProcessingModelAlgorithm("Forecast and rank", "test")
    model.addModelParameter(QgsProcessingParameterFeatureSource("crimes", "Crimes"),
                            QgsProcessingModelParameter("crimes"))
    model.addChildAlgorithm(child("hotspotpatrol:forecasthotspots", "forecast",
                                  {"INPUT": ("model", "crimes"), "TIME": "date", "METHOD": 1,
                                   "FORECAST_START": "2024-06-01"}, "forecast"))
    rank = child("hotspotpatrol:rankhotspots", "rank", {"INPUT": ("model", "crimes"), "RANK_BY": 4, "TOP_N": 10},
                 "hotspots")
    rank.addParameterSources("FORECAST", [QgsProcessingModelChildParameterSource.fromChildOutput("forecast",
                                                                                               "OUTPUT")])
    model.addChildAlgorithm(rank)
    assert model.validate()[0], model.validate()[1]
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results, ok = model.run({"crimes": str(CHICAGO), "forecast:forecast": str(tmp_path / "forecast.gpkg"),
                             "rank:hotspots": str(tmp_path / "hotspots.gpkg")}, context, QgsProcessingFeedback())
    assert ok
    by_hand = run("hotspotpatrol:rankhotspots", {
        "INPUT": str(CHICAGO), "RANK_BY": 4, "TOP_N": 10, "OUTPUT": "memory:",
        "FORECAST": run("hotspotpatrol:forecasthotspots", {
            "INPUT": str(CHICAGO), "TIME": "date", "METHOD": 1, "FORECAST_START": "2024-06-01",
            "OUTPUT": str(tmp_path / "by_hand.gpkg")})["OUTPUT"]})["OUTPUT"]
    chosen = sorted(f["cell_id"] for f in QgsVectorLayer(results["rank:hotspots"]).getFeatures())
    assert len(chosen) == 10 and chosen == sorted(f["cell_id"] for f in by_hand.getFeatures())


def test_a_randomised_trial_planned_and_evaluated_in_one_model(provider, run, tmp_path):
    """Rank, plan with DESIGN randomised, and evaluate by intention to treat from the plan's assignment, as a
    model builder would wire them; plus the trial's power as a step of its own."""
    hotspots = run("hotspotpatrol:rankhotspots", {"INPUT": str(CHICAGO), "TOP_N": 6,
                                                  "OUTPUT": str(tmp_path / "hotspots.gpkg")})["OUTPUT"]
    model = QgsProcessingModelAlgorithm("Trial", "test")
    model.addModelParameter(QgsProcessingParameterFeatureSource("crimes", "Crimes"),
                            QgsProcessingModelParameter("crimes"))
    model.addChildAlgorithm(child("hotspotpatrol:trialpower", "power", {
        "CRIMES": ("model", "crimes"), "TIME": "date", "HOTSPOTS": hotspots, "START": "2024-01-01",
        "END": "2024-05-06", "TIMEZONE": "America/Chicago", "DAYS": 28}, "power"))
    plan = child("hotspotpatrol:patrolplan", "plan", {
        "HOTSPOTS": hotspots, "START_DATE": "2024-05-06", "DAYS": 28, "TIMEZONE": "America/Chicago", "DESIGN": 1,
        "SEED": 2}, "visits")
    assignment = QgsProcessingModelOutput("assignment")
    assignment.setChildOutputName("OUTPUT_ASSIGNMENT")
    assignment.setChildId("plan")
    plan.setModelOutputs({**plan.modelOutputs(), "assignment": assignment})
    model.addChildAlgorithm(plan)
    evaluate = child("hotspotpatrol:evaluatepatrols", "evaluate", {
        "CRIMES": ("model", "crimes"), "TIME": "date", "HOTSPOTS": hotspots, "START": "2024-05-06",
        "END": "2024-06-03", "TIMEZONE": "America/Chicago"}, "effect")
    outputs = evaluate.modelOutputs()  # a copy: changed, then set back
    outputs["effect"].setChildOutputName("OUTPUT_SUMMARY")
    evaluate.setModelOutputs(outputs)
    for name, output in (("VISITS", "OUTPUT"), ("ASSIGNMENT", "OUTPUT_ASSIGNMENT")):
        evaluate.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromChildOutput("plan", output)])
    model.addChildAlgorithm(evaluate)
    assert model.validate()[0], model.validate()[1]
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results, ok = model.run({"crimes": str(CHICAGO), "power:power": str(tmp_path / "power.csv"),
                             "plan:visits": str(tmp_path / "visits.gpkg"),
                             "plan:assignment": str(tmp_path / "assignment.gpkg"),
                             "evaluate:effect": str(tmp_path / "effect.csv")}, context, QgsProcessingFeedback())
    assert ok
    effect = QgsVectorLayer(results["evaluate:effect"])
    primary = [f for f in effect.getFeatures() if f["group"] == "all" and str(f["primary"]).lower() in ("1", "true")]
    assert len(primary) == 1 and primary[0]["analysis"] == "within_hotspot"
    assignment_rows = QgsVectorLayer(results["plan:assignment"])
    assert int(primary[0]["patrol_days"]) == sum(str(f["assigned"]).lower() in ("1", "true")
                                            for f in assignment_rows.getFeatures())
    power = next(QgsVectorLayer(results["power:power"]).getFeatures())
    # Six quiet hotspots for 28 days: no drop may be detectable at all (mde empty); else a share of 0 to 1.
    assert (int(power["hotspots"]), int(power["days"])) == (6, 28) and (power["mde"] in ("", None)
                                                                       or 0 < float(power["mde"]) <= 1)
