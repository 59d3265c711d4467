"""Write the ready-made model models/hotspotpatrolplan.model3 with QGIS's own model API.

Run after changing the model or a parameter it passes on:
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_model.py
The .model3 file is committed; the provider lists it next to the algorithms.
"""

import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QPointF

REPO = Path(__file__).resolve().parents[1]
MODEL_FILE = REPO / "models" / "hotspotpatrolplan.model3"  # the id: hotspotpatrol:hotspotpatrolplan

HELP = (
    "The whole planning chain in one dialog or one qgis_process call: the busiest 150 m cells of the "
    "crimes become the patrol hotspots (Rank patrol hotspots), the hotspots get a plan of short visits "
    "at risk-weighted times (Generate patrol plan), and a kernel density surface of the crimes is drawn "
    "for context (Kernel density).\n\n"
    "<b>Parameters</b><ul>"
    "<li>CRIMES: the crime points. TIME: their date and time (field or expression); it weights the "
    "visit times by when crime happens.</li>"
    "<li>CELL_SIZE: hotspot cell size in metres (150). TOP_N: number of hotspots (20).</li>"
    "<li>START_DATE, DAYS (28), TIMEZONE (IANA name, e.g. Europe/London), SHIFTS, UNITS (2), SEED (0): "
    "as in Generate patrol plan.</li>"
    "<li>PIXEL_SIZE: pixel size of the density surface in metres (25).</li></ul>"
    "<b>Outputs</b><ul>"
    "<li>rank:HOTSPOTS: the hotspot polygons (hotspot_id, rank, count and the other fields of Rank "
    "patrol hotspots).</li>"
    "<li>plan:VISITS: the patrol visits (visit_id, hotspot_id, rank, unit, date, weekday, start, end, "
    "start_local, minutes, risk, as Generate patrol plan writes them).</li>"
    "<li>density:DENSITY: the kernel density raster (quartic kernel, radius 150 m, Raw values: the sum "
    "of the kernels, 1 at a lone crime).</li></ul>"
    "<b>Method</b>: ranking by crime count in fixed cells, 15-minute visits on cycles of 3 patrol and "
    "3 rest days, 1 visit per hotspot on a patrol day, at times drawn from each hotspot's hour-of-week "
    "crime profile (Sherman &amp; Weisburd 1995; Koper 1995). For any other option run the three "
    "algorithms one by one, or copy this model in the model designer and change it.\n\n"
    "<b>References</b><ul>"
    "<li>Koper, C. S. (1995). Just enough police presence: reducing crime and disorderly behavior by "
    "optimizing patrol time in crime hot spots. Justice Quarterly 12(4), 649–672.</li>"
    "<li>Sherman, L. W. &amp; Weisburd, D. (1995). General deterrent effects of police patrol in crime "
    "“hot spots”: a randomized, controlled trial. Justice Quarterly 12(4), 625–648.</li></ul>")


def step(algorithm_id, child_id, description, inputs, outputs, position):
    """A model step: ``inputs`` maps parameter -> model parameter name (str) or a static value (tuple);
    ``outputs`` maps the step's output -> (model output name, description)."""
    child = QgsProcessingModelChildAlgorithm(algorithm_id)
    child.setChildId(child_id)
    child.setDescription(description)
    child.setPosition(QPointF(*position))
    for name, source in inputs.items():
        if isinstance(source, tuple):
            value = QgsProcessingModelChildParameterSource.fromStaticValue(source[0])
        elif ":" in source:
            other, output = source.split(":")
            value = QgsProcessingModelChildParameterSource.fromChildOutput(other, output)
        else:
            value = QgsProcessingModelChildParameterSource.fromModelParameter(source)
        child.addParameterSources(name, [value])
    model_outputs = {}
    for output_name, (model_name, output_description) in outputs.items():
        output = QgsProcessingModelOutput(model_name, output_description)
        output.setChildId(child_id)
        output.setChildOutputName(output_name)
        output.setPosition(QPointF(position[0] + 200, position[1] + 60))
        model_outputs[model_name] = output
    child.setModelOutputs(model_outputs)
    return child


def build_model():
    model = QgsProcessingModelAlgorithm("Hotspot patrol plan", "Ready-made models", "hotspotpatrol")
    integer, double = QgsProcessingParameterNumber.Integer, QgsProcessingParameterNumber.Double
    parameters = [
        QgsProcessingParameterFeatureSource("CRIMES", "Crimes (points)", [QgsProcessing.TypeVectorPoint]),
        QgsProcessingParameterExpression("TIME", "Crime date and time (field or expression)",
                                         parentLayerParameterName="CRIMES"),
        QgsProcessingParameterNumber("CELL_SIZE", "Cell size (metres)", double, 150.0, minValue=1.0),
        QgsProcessingParameterNumber("TOP_N", "Number of hotspots", integer, 20, minValue=1),
        QgsProcessingParameterDateTime("START_DATE", "First day of the plan",
                                       type=QgsProcessingParameterDateTime.Date),
        QgsProcessingParameterNumber("DAYS", "Days", integer, 28, minValue=1),
        QgsProcessingParameterString("TIMEZONE", "Time zone (IANA name, e.g. Europe/London)"),
        QgsProcessingParameterString("SHIFTS", "Shift windows", "08:00-14:00,14:00-22:00,22:00-02:00"),
        QgsProcessingParameterNumber("UNITS", "Units on duty", integer, 2, minValue=1),
        QgsProcessingParameterNumber("SEED", "Random seed", integer, 0, minValue=0),
        QgsProcessingParameterNumber("PIXEL_SIZE", "Density pixel size (metres)", double, 25.0, minValue=1.0),
    ]
    for number, parameter in enumerate(parameters):
        if isinstance(parameter, QgsProcessingParameterNumber) and parameter.dataType() == double:
            parameter.setMetadata({"widget_wrapper": {"decimals": 0}})  # "150", not "150.000000"
        component = QgsProcessingModelParameter(parameter.name())
        component.setPosition(QPointF(120, 60 + 70 * number))
        model.addModelParameter(parameter, component)

    model.addChildAlgorithm(step(
        "hotspotpatrol:rankhotspots", "rank", "Rank patrol hotspots",
        {"INPUT": "CRIMES", "CELL_SIZE": "CELL_SIZE", "TOP_N": "TOP_N", "SHAPE": (0,), "RANK_BY": (0,),
         "MIN_COUNT": (1,), "RADIUS": (150.0,)},
        {"OUTPUT": ("HOTSPOTS", "Patrol hotspots")}, (450, 200)))
    model.addChildAlgorithm(step(
        "hotspotpatrol:patrolplan", "plan", "Generate patrol plan",
        {"HOTSPOTS": "rank:OUTPUT", "CRIMES": "CRIMES", "TIME": "TIME", "START_DATE": "START_DATE",
         "DAYS": "DAYS", "TIMEZONE": "TIMEZONE", "SHIFTS": "SHIFTS", "UNITS": "UNITS", "SEED": "SEED",
         "PATROL_MINUTES": (15,), "VISITS_PER_DAY": (1,), "DAYS_ON": (3,), "DAYS_OFF": (3,),
         "TRAVEL_SPEED": (20.0,), "MIN_GAP": (120,)},
        {"OUTPUT": ("VISITS", "Patrol visits")}, (750, 400)))
    model.addChildAlgorithm(step(
        "hotspotpatrol:kerneldensity", "density", "Kernel density",
        {"INPUT": "CRIMES", "RADIUS": (150.0,), "PIXEL_SIZE": "PIXEL_SIZE", "KERNEL": (0,),
         "OUTPUT_VALUE": (0,)},
        {"OUTPUT": ("DENSITY", "Crime density")}, (450, 600)))
    model.setHelpContent({"ALG_DESC": HELP, "ALG_CREATOR": "Hotspot Patrol",
                          "ALG_VERSION": "1"})
    return model


def main(path=MODEL_FILE):
    application = QgsApplication([], False)
    application.initQgis()
    from checkout import register_provider
    application.provider = register_provider()
    model = build_model()
    valid, problems = model.validate()
    if not valid:
        sys.exit("The model is not valid:\n" + "\n".join(problems))
    path.parent.mkdir(exist_ok=True)
    if not model.toFile(str(path)):
        sys.exit(f"Could not write {path}")
    print(f"Wrote {path}")


if __name__ == "__main__":
    main(*[Path(argument) for argument in sys.argv[1:2]])
