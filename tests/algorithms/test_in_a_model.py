"""Both algorithms work as steps of a Processing model (the model builder's engine)."""

from helpers import SOUTHEND
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
