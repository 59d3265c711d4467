"""Every algorithm of the provider documents itself: what it does, every parameter, every output and
every field it writes (read from real runs, not from its code), its method and references; its
helpUrl is a page of help/, and help/ is what tools/make_help.py makes from the algorithms now."""

import csv
import datetime
import re

import processing
import pytest
from helpers import REPO, load_tool, point_layer
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingParameterDefinition,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QUrl

from hotspot_patrol.algorithms.base import HotspotAlgorithm
from hotspot_patrol.algorithms.references import REFERENCES as BIBLIOGRAPHY

REGENERATE = "QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_help.py"
# A name as a whole word; "rank" is not named by the model output "rank:HOTSPOTS", "OUTPUT" is by "OUTPUT: …".
NAME = r"(?<![A-Za-z0-9_])(?<![A-Za-z]:){}(?![A-Za-z0-9_])(?!:[A-Za-z])"
# A citation in the text: "Koper (1995)", "(Koper 1995)", "Ord &amp; Getis's (1995)",
# "Chainey, Tompson &amp; Uhlig (2008)": (first author's surname, year).
SURNAME = r"[A-Z][A-Za-z\-]+"
CITATION = re.compile(rf"({SURNAME})(?:, {SURNAME})*(?: &amp; {SURNAME}| et al\.)?(?:'s)?,? \(?((?:19|20)\d\d)\)?")
# The issue's references: where each must be cited, and the details its entry must give.
REQUIRED = {
    "ord1995": ({"getisord", "emerginghotspots", "rankhotspots"},
                      "Local spatial autocorrelation statistics: distributional issues and an application. "
                      "Geographical Analysis 27(4), 286–306."),
    "chainey2008": ({"kerneldensity", "mapaccuracy", "rankhotspots"},
                          "The utility of hotspot mapping for predicting spatial patterns of crime. "
                          "Security Journal 21(1–2), 4–28."),
    "koper1995": ({"patrolplan", "patroldosage", "evaluatepatrols"},
                        "Just enough police presence: reducing crime and disorderly behavior by optimizing "
                        "patrol time in crime hot spots. Justice Quarterly 12(4), 649–672."),
    "bowers2003": ({"evaluatepatrols"},
                         "Measuring the geographical displacement and diffusion of benefit effects of crime "
                         "prevention activity. Journal of Quantitative Criminology 19(3), 275–301."),
    "sherman1995": ({"patrolplan", "evaluatepatrols", "rankhotspots"},
                          "General deterrent effects of police patrol in crime “hot spots”: a randomized, "
                          "controlled trial. Justice Quarterly 12(4), 625–648."),
    "bernasco2017": ({"rankhotspots"},
                           "More places than crimes: implications for evaluating the law of crime concentration "
                           "at place. Journal of Quantitative Criminology 33(3), 451–467."),
}


def section(text, name):
    """The text of the help's ``<b>name</b>`` section, up to the next section ('' if it has none)."""
    match = re.search(rf"<b>{name}</b>(.*?)(?=<b>(?:Parameters|Outputs|Method|References)</b>|\Z)", text, re.S)
    return match.group(1) if match else ""


def mentions(text, name):
    return re.search(NAME.format(re.escape(name)), text) is not None


@pytest.fixture(scope="module")
def algorithms(provider):
    return sorted(provider.algorithms(), key=lambda a: a.name())


def assert_none(problems):
    assert not problems, "\n".join(problems)


def problems_of(algorithms, check):
    problems = []
    for algorithm in algorithms:
        problems += [f"{algorithm.name()}: {problem}" for problem in check(algorithm, algorithm.shortHelpString())]
    return problems


def ours(algorithms):
    """The provider's own algorithms (the ready-made model documents itself in its file)."""
    return [algorithm for algorithm in algorithms if isinstance(algorithm, HotspotAlgorithm)]


def plain(text):
    return re.sub(r"<[^>]+>", "", text)


def test_every_algorithm_says_what_it_does_how_and_where_to_find_it(algorithms):
    problems = []
    for algorithm in ours(algorithms):
        if len(plain(algorithm.summary()).split()) < 8:
            problems.append(f"{algorithm.name()}: the summary must say in plain words what it does")
        if len(plain(algorithm.method()).split()) < 8:
            problems.append(f"{algorithm.name()}: no method")
        if len(algorithm.tags()) < 3 or not all(tag.strip() for tag in algorithm.tags()):
            problems.append(f"{algorithm.name()}: give at least 3 toolbox search tags")
        if "&" in re.sub(r"&(?:amp|lt|gt|quot|#\d+);", "", algorithm.shortHelpString()):
            problems.append(f"{algorithm.name()}: an unescaped & (write &amp;)")
    assert_none(problems)


def test_every_parameter_and_output_carries_its_own_help(algorithms):
    hidden = QgsProcessingParameterDefinition.FlagHidden
    undocumented = {(algorithm.name(), parameter.name()) for algorithm in ours(algorithms)
                    for parameter in algorithm.parameterDefinitions()
                    if not parameter.flags() & hidden and len(plain(parameter.help()).split()) < 3}
    undocumented |= {(algorithm.name(), output.name()) for algorithm in ours(algorithms)
                     for output in algorithm.outputDefinitions()
                     if len(plain(algorithm.output_help(output.name())).split()) < 2}
    assert undocumented == set()


def test_the_ready_made_model_names_every_parameter_and_output(algorithms):
    models = [algorithm for algorithm in algorithms if isinstance(algorithm, QgsProcessingModelAlgorithm)]
    assert models
    missing = {(model.name(), definition.name()) for model in models
               for definition in list(model.parameterDefinitions()) + list(model.outputDefinitions())
               if not mentions(model.shortHelpString(), definition.name())}
    assert missing == set()


def cited_works(algorithm):
    """(first author's surname, year or None) of each work the algorithm lists in REFERENCES."""
    works = set()
    for entry in algorithm.references():
        year = re.search(r"\(((?:19|20)\d\d)\)", entry)
        works.add((re.match(r"[^,.]+", entry).group(0), year.group(1) if year else None))
    return works


def test_the_bibliography_holds_each_cited_work_once_in_full():
    entries = list(BIBLIOGRAPHY.values())
    assert len(set(entries)) == len(entries), "a work is in the bibliography twice"
    partial = [entry[:50] for entry in entries
               if re.search(r"\((?:19|20)\d\d\)", entry) and not re.search(r"\(\d{4}\)\. \S.+[.?] \S", entry)]
    assert partial == [], "not full citations (authors (year). title. source)"


def test_every_listed_work_is_in_the_bibliography_and_every_entry_is_used(algorithms):
    listed = {key for algorithm in ours(algorithms) for key in algorithm.REFERENCES}
    assert listed - set(BIBLIOGRAPHY) == set()
    assert set(BIBLIOGRAPHY) - listed == set()


def test_the_text_cites_exactly_the_works_it_lists(algorithms):
    problems = []
    for algorithm in ours(algorithms):
        text = plain(algorithm.shortHelpString().split("<b>References</b>")[0])
        cited = set(CITATION.findall(text))
        dated = {work for work in cited_works(algorithm) if work[1]}
        undated = {surname for surname, year in cited_works(algorithm) if not year}
        problems += [f"{algorithm.name()}: cites {surname} ({year}) without listing it"
                     for surname, year in sorted(cited - dated)]
        problems += [f"{algorithm.name()}: lists {surname} ({year}) without citing it"
                     for surname, year in sorted(dated - cited)]
        problems += [f"{algorithm.name()}: lists {surname} without naming it"
                     for surname in sorted(undated) if not mentions(text, surname)]
    assert_none(problems)


def test_the_issues_references_are_cited_where_they_belong_in_full(algorithms):
    by_name = {algorithm.name(): algorithm for algorithm in ours(algorithms)}
    missing = {(name, key) for key, (names, details) in REQUIRED.items() for name in names
               if key not in by_name[name].REFERENCES or details not in BIBLIOGRAPHY[key]}
    assert missing == set()


def test_help_url_is_the_local_page_of_the_algorithm(algorithms):
    def check(algorithm, text):
        url = QUrl(algorithm.helpUrl())
        path = REPO / "help" / f"{algorithm.name()}.html"
        if not (url.isLocalFile() and url.toLocalFile() == QUrl.fromLocalFile(str(path)).toLocalFile()):
            yield f"helpUrl is '{algorithm.helpUrl()}', not the file:// URL of {path}"
        elif not path.is_file() or f"hotspotpatrol:{algorithm.name()}" not in path.read_text(encoding="utf-8"):
            yield f"{path} is missing or is not the page of hotspotpatrol:{algorithm.name()}"
    assert_none(problems_of(algorithms, check))


def test_committed_help_pages_are_what_make_help_writes(algorithms, tmp_path):
    make_help = load_tool("make_help")
    made = make_help.write(tmp_path, algorithms)
    assert {f"{algorithm.name()}.html" for algorithm in algorithms} | {"index.html", "style.css"} == set(made)
    committed = sorted(path.name for path in (REPO / "help").glob("*"))
    assert committed == made, f"help/ does not hold the pages of the algorithms: run {REGENERATE}"
    stale = [name for name in made if (tmp_path / name).read_bytes() != (REPO / "help" / name).read_bytes()]
    assert not stale, f"help/ is out of date ({', '.join(stale)}): run {REGENERATE}"
    for name in made:  # offline: no scripts or pictures to fetch; links only to each other and to style.css
        text = (tmp_path / name).read_text(encoding="utf-8").replace('<link rel="stylesheet" href="style.css">', "")
        assert not re.search(r"<script|<link|src=|url\(|href=\"(?![a-z]+\.html\")", text), name
    page = (tmp_path / "patrolplan.html").read_text(encoding="utf-8")
    row = re.search(r"<td><code>START_DATE</code></td>.*?</tr>", page).group(0)
    assert "tomorrow" in row  # not the date the pages happened to be made
    assert "this computer&#x27;s time zone" in re.search(r"<td><code>TIMEZONE</code></td>.*?</tr>", page).group(0)


# --- the fields the algorithms really write -------------------------------------------------------------

FIRST_DAY = datetime.date(2024, 6, 3)  # a Monday
# Crimes in British National Grid metres: two busy 150 m cells (the hotspots), one crime in the ring
# around the first, and a control area far away; before (May) and during (3 to 5 June) the patrols.
PLACES = {"A": (75.0, 75.0), "B": (375.0, 75.0), "ring": (75.0, 200.0), "control": (5000.0, 5000.0)}
CRIMES = [("A", "2024-05-06 22:10"), ("A", "2024-05-14 23:40"), ("A", "2024-06-03 21:05"),
          ("A", "2024-06-04 22:30"), ("B", "2024-05-20 20:15"), ("B", "2024-06-04 01:20"),
          ("B", "2024-06-05 19:45"), ("ring", "2024-06-04 23:10"), ("control", "2024-05-10 12:00"),
          ("control", "2024-06-04 13:00")]


def crime_layer():
    return point_layer([PLACES[place] for place, _ in CRIMES], fields=(("occurred", "text"), ("harm", "double")),
                       rows=[(time, 1.0 + number) for number, (_, time) in enumerate(CRIMES)])


def ping_layer():
    """A unit parked in hotspot A for 15 minutes at 12:30 on the first day, then driving away."""
    times = [datetime.datetime(2024, 6, 3, 12, 30) + datetime.timedelta(minutes=m) for m in range(16)]
    return point_layer([PLACES["A"]] * 16 + [(2000.0, 2000.0)],
                       fields=(("unit", "text"), ("ping_time", "text")),
                       rows=[("car1", t.strftime("%Y-%m-%d %H:%M:%S")) for t in times]
                       + [("car1", "2024-06-03 12:50:00")])


def control_layer():
    layer = QgsVectorLayer("Polygon?crs=EPSG:27700", "control", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(4900, 4900, 5100, 5100)))
    layer.dataProvider().addFeatures([feature])
    return layer


def field_names(value):
    """The field names of an output: a layer, or a CSV file's header."""
    if isinstance(value, QgsVectorLayer):
        return [field.name() for field in value.fields()]
    if isinstance(value, str) and value.endswith(".csv"):
        with open(value, newline="", encoding="utf-8") as handle:
            return next(csv.reader(handle))
    return []


@pytest.fixture(scope="module")
def written(provider, tmp_path_factory):
    """{algorithm id: (result keys, {output: field names})} from runs of the whole chain on a small case;
    for Hot spot analysis only the fields it adds to its input's."""
    folder = tmp_path_factory.mktemp("help_runs")
    runs = {}

    def run(algorithm_id, parameters, input_fields=()):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        result = processing.run(f"hotspotpatrol:{algorithm_id}", parameters, context=context,
                                feedback=QgsProcessingFeedback())
        runs[algorithm_id] = (set(result), {key: [name for name in field_names(value) if name not in input_fields]
                                            for key, value in result.items()})
        return result

    crimes, period = crime_layer(), {"TIME": "occurred"}
    grid = run("gridcrimes", {"INPUT": crimes, "WEIGHT_FIELD": "harm", "OUTPUT": "memory:"})["OUTPUT"]
    run("kerneldensity", {"INPUT": crimes, "OUTPUT": str(folder / "density.tif")})
    run("getisord", {"INPUT": grid, "FIELD": "count", "OUTPUT": "memory:"},
        input_fields=[field.name() for field in grid.fields()])
    ranked = run("rankhotspots", {"INPUT": crimes, "TOP_N": 2, "OUTPUT": "memory:", "OUTPUT_CELLS": "memory:"})
    hotspots = ranked["OUTPUT"]
    run("emerginghotspots", {"INPUT": crimes, **period, "OUTPUT": "memory:"})
    run("nearrepeat", {"INPUT": crimes, **period, "ITERATIONS": 19, "OUTPUT": "memory:"})
    run("forecasthotspots", {"INPUT": crimes, **period, "WEIGHT_FIELD": "harm", "OUTPUT": "memory:"})
    run("backtesthotspots", {"INPUT": crimes, **period, "METHODS": [0, 1], "HORIZON_DAYS": 7, "ORIGINS": 2,
                             "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:",
                             "OUTPUT_REPORT": str(folder / "backtest.html")})
    run("mapaccuracy", {"HOTSPOTS": ranked["OUTPUT_CELLS"], "SCORE_FIELD": "count", "CRIMES": crimes,
                        "OUTPUT": "memory:"})
    run("temporalprofile", {"HOTSPOTS": hotspots, "CRIMES": crimes, **period, "TIMEZONE": "Europe/London",
                            "OUTPUT": "memory:"})
    plan = run("patrolplan", {
        "HOTSPOTS": hotspots, "CRIMES": crimes, **period, "START_DATE": FIRST_DAY.isoformat(), "DAYS": 2,
        "TIMEZONE": "Europe/London", "SEED": 1, "OUTPUT": "memory:", "OUTPUT_ROUTES": "memory:",
        "OUTPUT_ICS": str(folder / "plan.ics"), "OUTPUT_CSV": str(folder / "plan.csv"),
        "OUTPUT_ASSIGNMENT": "memory:"})["OUTPUT"]
    made = run("patroldosage", {
        "PINGS": ping_layer(), "UNIT_FIELD": "unit", "TIME": "ping_time", "HOTSPOTS": hotspots,
        "TIMEZONE": "Europe/London", "PLAN": plan, "OUTPUT": "memory:", "OUTPUT_COMPLIANCE": "memory:",
        "OUTPUT_HOTSPOTS": "memory:"})["OUTPUT"]
    run("evaluatepatrols", {
        "CRIMES": crimes, **period, "VISITS": made, "HOTSPOTS": hotspots, "START": FIRST_DAY.isoformat(),
        "END": "2024-06-06", "TIMEZONE": "Europe/London", "CONTROL": control_layer(),
        "BEFORE_START": "2024-05-01", "BEFORE_END": "2024-06-01", "OUTPUT_DAYS": "memory:",
        "OUTPUT_SUMMARY": "memory:", "OUTPUT_RESIDUAL": "memory:", "OUTPUT_DISPLACEMENT": "memory:",
        "OUTPUT_REPORT": str(folder / "report.html")})
    run("trialpower", {"CRIMES": crimes, **period, "HOTSPOTS": hotspots, "START": "2024-05-01", "END": "2024-06-06",
                       "TIMEZONE": "Europe/London", "OUTPUT": "memory:"})
    run("briefingpack", {"HOTSPOTS": hotspots, "VISITS": plan, "OUTPUT": str(folder / "briefing.pdf")})
    run("importpoliceuk", {"INPUT": str(REPO / "sample_data" / "police_uk_southend_sample.zip"),
                           "KEEP_OUTLIERS": True, "OUTPUT": "memory:"})
    return runs


def test_help_names_every_field_and_result_the_algorithm_writes(algorithms, written):
    # A ready-made model's outputs are its steps' outputs, documented by those algorithms.
    ours = [a for a in algorithms if not isinstance(a, QgsProcessingModelAlgorithm)]
    assert not [a.name() for a in ours if a.name() not in written], "add a run of the new algorithm to written()"
    assert "cell_id" in written["gridcrimes"][1]["OUTPUT"] and "latitude" in written["patrolplan"][1]["OUTPUT_CSV"]

    def check(algorithm, text):
        results, outputs = written[algorithm.name()]
        documented = section(text, "Outputs")
        for key in sorted(results):
            if not mentions(documented, key):
                yield f"result {key} is not in the Outputs section"
        for key, fields in sorted(outputs.items()):
            for field in fields:
                if not mentions(documented, field):
                    yield f"{key} has the field {field}, which the Outputs section does not name"
    assert_none(problems_of(ours, check))


def test_every_result_is_a_declared_output(algorithms, written):
    """A result the algorithm does not declare cannot be used by the next step of a model."""
    def check(algorithm, text):
        declared = {output.name() for output in algorithm.outputDefinitions()}
        for key in sorted(written[algorithm.name()][0] - declared):
            yield f"returns {key} without declaring it (addOutput)"
    assert_none(problems_of([a for a in algorithms if a.name() in written], check))
