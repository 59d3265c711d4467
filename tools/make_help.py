"""Write help/: one HTML page per algorithm of the Hotspot Patrol provider, and an index.

Run after changing an algorithm's help, parameters or outputs:
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_help.py [OUTPUT_DIR]   (default: help/)

Every page is made from the algorithm itself: its name, group and shortHelpString (the text of
the help panel), and a table of its parameters and outputs read from their definitions. So the
help panel, the dialog's Help button (helpUrl, a file:// URL of help/<id>.html) and these pages
cannot disagree; the committed pages are checked against this script by
tests/algorithms/test_help.py. The pages work offline: one local style sheet (style.css), no
scripts, no network.
"""

import contextlib
import html
import os
import re
import sys
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProcessingParameterDefinition
from qgis.PyQt.QtCore import QDate, QDateTime

REPO = Path(__file__).resolve().parents[1]
PROVIDER_ID = "hotspotpatrol"
# Defaults that depend on the computer, not on the algorithm: shown as what they mean.
SYSTEM_ZONE = "\x00system time zone"

STYLE = """
body { font-family: "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; max-width: 56em;
       margin: 1.5em auto; padding: 0 1em; line-height: 1.45; color: #222; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
.nav, .id, .foot { color: #555; font-size: 0.9em; }
.help div { margin: 0.8em 0; }
li { margin: 0.25em 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
code { font-family: Consolas, "DejaVu Sans Mono", monospace; }
""".strip()

_NUMBER_TYPES = {0: "whole number", 1: "number"}
_DATE_TYPES = {0: "date and time", 1: "date", 2: "time"}
_FIELD_TYPES = {0: "numeric ", 1: "text ", 2: "date and time "}
_LAYER_TYPES = {-1: "features", 0: "points", 1: "lines", 2: "polygons", 3: "raster", 4: "file",
                5: "any layer or table"}
_SINK_TYPES = {-1: "features", 0: "points", 1: "lines", 2: "polygons", 5: "table"}
_OUTPUT_TYPES = {"outputNumber": "number", "outputString": "text", "outputVector": "vector layer",
                 "outputRaster": "raster layer", "outputHtml": "HTML file", "outputFile": "file",
                 "outputFolder": "folder", "outputLayer": "layer", "outputMultilayer": "layers",
                 "outputBoolean": "yes/no"}


def _value(enum):
    """An enum member as its number, for the old (int) and the new (scoped enum) Python API alike."""
    return int(getattr(enum, "value", enum))


def _flag(name):
    """A parameter flag: Qgis.ProcessingParameterFlag from QGIS 3.36 on, FlagX before."""
    scoped = getattr(Qgis, "ProcessingParameterFlag", None)
    return getattr(scoped, name) if scoped is not None else getattr(QgsProcessingParameterDefinition, f"Flag{name}")


def _has(parameter, name):
    return bool(parameter.flags() & _flag(name))


@contextlib.contextmanager
def machine_independent(package):
    """Within: the algorithms' ``system_time_zone`` answers SYSTEM_ZONE, so a default that is this
    computer's time zone is documented as such instead of as the zone of whoever ran the script."""
    patched = []
    for name, module in list(sys.modules.items()):
        if (name == package or name.startswith(package + ".")) and callable(getattr(module, "system_time_zone", None)):
            patched.append((module, module.system_time_zone))
            module.system_time_zone = lambda: SYSTEM_ZONE
    try:
        yield
    finally:
        for module, original in patched:
            module.system_time_zone = original


def _default(parameter):
    """The default value in words ('' when there is none)."""
    value = parameter.defaultValue()
    if value is None or (hasattr(value, "isNull") and not isinstance(value, (QDate, QDateTime)) and value.isNull()):
        return ""
    if parameter.type() == "enum":
        options = parameter.options()
        indices = value if isinstance(value, list) else [value]
        return ", ".join(f"{int(i)} ({options[int(i)]})" for i in indices if str(i) != "")
    if isinstance(value, (QDate, QDateTime)):
        day = value if isinstance(value, QDate) else value.date()
        relative = {0: "today", 1: "tomorrow"}.get(QDate.currentDate().daysTo(day))  # as made at run time
        if relative:
            return relative
        return day.toString("yyyy-MM-dd") if isinstance(value, QDate) else value.toString("yyyy-MM-dd HH:mm")
    if value == SYSTEM_ZONE:
        return "this computer's time zone"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _kind(parameter):
    """The parameter's kind in words, e.g. 'numeric field of INPUT' or 'one of: 0 Square, 1 Hexagon'."""
    kind = parameter.type()
    if kind in ("source", "vector"):
        return "vector layer: " + ", ".join(_LAYER_TYPES.get(_value(t), str(t)) for t in parameter.dataTypes())
    if kind == "field":
        return (_FIELD_TYPES.get(_value(parameter.dataType()), "") + "field of "
                + parameter.parentLayerParameterName())
    if kind == "expression":
        return "expression on " + parameter.parentLayerParameterName()
    if kind == "number":
        text = _NUMBER_TYPES[_value(parameter.dataType())]
        if parameter.minimum() > -1e300:
            text += f", at least {parameter.minimum():g}"
        if parameter.maximum() < 1e300:
            text += f", at most {parameter.maximum():g}"
        return text
    if kind == "enum":
        return "one of: " + ", ".join(f"{i} {option}" for i, option in enumerate(parameter.options()))
    if kind == "datetime":
        return _DATE_TYPES[_value(parameter.dataType())]
    if kind == "file":
        return "file" + (f" (.{parameter.extension()})" if parameter.extension() else "")
    if kind == "sink":
        return "vector output: " + _SINK_TYPES.get(_value(parameter.dataType()), "features")
    if kind == "fileDestination":
        return "file output: " + parameter.fileFilter()
    return {"crs": "coordinate reference system", "boolean": "yes/no", "string": "text",
            "rasterDestination": "raster output", "vectorDestination": "vector output",
            "folderDestination": "folder output"}.get(kind, kind)


def _notes(parameter):
    notes = []
    if _has(parameter, "Optional"):
        notes.append("optional")
    if _has(parameter, "Advanced"):
        notes.append("advanced")
    if parameter.isDestination() and not parameter.createByDefault():
        notes.append("not created by default")
    return ", ".join(notes)


def _table(header, rows):
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>\n" for row in rows)
    return f"<table>\n<tr>{cells}</tr>\n{body}</table>"


def summary(text):
    """The help's first sentence, as plain text."""
    first = re.sub(r"<[^>]+>", "", re.split(r"\n\s*\n", text.strip())[0])
    sentence = re.split(r"(?<=[.:;])\s", first, maxsplit=1)[0]
    return sentence.rstrip(".:;")


def _page(title, body):
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n"
            f"{body}\n<p class=\"foot\">Made by tools/make_help.py from the algorithms themselves.</p>\n"
            "</body>\n</html>\n")


def _described(label, help_text):
    """A parameter's or output's label, then its help (HTML, as the help panel shows it)."""
    return f"<b>{html.escape(label)}</b>" + (f"<br>{help_text}" if help_text else "")


class _ModelHelp:
    """A ready-made model's help in the shape of a HotspotAlgorithm's: its help text is its summary
    (written by tools/make_model.py); its parameters and outputs are documented there."""

    def __init__(self, model):
        self.model = model

    def summary(self):
        blocks = [block.strip().replace("\n", "<br>") for block in re.split(r"\n\s*\n", self.model.shortHelpString())]
        return "</div>\n<div>".join(block for block in blocks if block)

    def method(self):
        return ""

    def notes(self):
        return []

    def references(self):
        return []

    def output_help(self, name):
        return ""


def algorithm_page(algorithm):
    """The page of one algorithm (a fresh instance, so defaults are the algorithm's own): what it
    does, its parameters and outputs with their help, kind and default, its method and references."""
    documented = algorithm if hasattr(algorithm, "summary") else _ModelHelp(algorithm)
    parameters = [p for p in algorithm.parameterDefinitions() if not _has(p, "Hidden")]
    destinations = {p.name(): p for p in parameters if p.isDestination()}
    parameter_rows = [(f"<code>{html.escape(p.name())}</code>", _described(p.description(), p.help()),
                       html.escape(_kind(p)), html.escape(_default(p)), html.escape(_notes(p)))
                      for p in parameters if not p.isDestination()]
    output_rows = []
    for output in algorithm.outputDefinitions():
        destination = destinations.get(output.name())
        kind = _kind(destination) if destination is not None else _OUTPUT_TYPES.get(output.type(), output.type())
        notes = _notes(destination) if destination is not None else ""
        output_rows.append((f"<code>{html.escape(output.name())}</code>",
                            _described(output.description(), documented.output_help(output.name())),
                            html.escape(kind), html.escape(notes)))
    sections = [f"<h2>Method</h2>\n<div>{documented.method()}</div>"] if documented.method() else []
    sections += [f"<h2>{html.escape(heading)}</h2>\n<div>{text}</div>" for heading, text in documented.notes()]
    if documented.references():
        entries = "".join(f"<li>{entry}</li>\n" for entry in documented.references())
        sections.append(f"<h2>References</h2>\n<ul>\n{entries}</ul>")
    full_id = f"{PROVIDER_ID}:{algorithm.name()}"
    body = ("<p class=\"nav\"><a href=\"index.html\">Hotspot Patrol help</a> › "
            f"{html.escape(algorithm.group())}</p>\n"
            f"<h1>{html.escape(algorithm.displayName())}</h1>\n"
            f"<p class=\"id\">Processing id <code>{full_id}</code>; on the command line "
            f"<code>qgis_process run {full_id} -- NAME=value …</code></p>\n"
            f"<div class=\"help\">\n<div>{documented.summary()}</div>\n</div>\n"
            "<h2>Parameters</h2>\n"
            + _table(("Name", "Description", "Kind", "Default", "Notes"), parameter_rows)
            + "\n<h2>Outputs</h2>\n"
            + _table(("Name", "Description", "Kind", "Notes"), output_rows)
            + "\n" + "\n".join(sections))
    return _page(f"{algorithm.displayName()} — Hotspot Patrol", body)


def index_page(algorithms, about):
    groups = {}
    for algorithm in algorithms:
        groups.setdefault(algorithm.group(), []).append(algorithm)
    sections = []
    for group in sorted(groups):
        items = "".join(
            f"<li><a href=\"{a.name()}.html\">{html.escape(a.displayName())}</a> "
            f"(<code>{PROVIDER_ID}:{a.name()}</code>): {html.escape(summary(a.shortHelpString()))}.</li>\n"
            for a in sorted(groups[group], key=lambda a: a.displayName()))
        sections.append(f"<h2>{html.escape(group)}</h2>\n<ul>\n{items}</ul>")
    cited = sorted({entry for a in algorithms for entry in getattr(a, "references", list)()})
    bibliography = "".join(f"<li>{entry}</li>\n" for entry in cited)
    body = ("<h1>Hotspot Patrol help</h1>\n"
            f"<p>{html.escape(about)}</p>\n"
            "<p>The algorithms are in the Processing Toolbox under <i>Hotspot patrol</i>, in the model "
            "designer, and on the command line as <code>qgis_process run hotspotpatrol:&lt;id&gt;</code>. "
            "Each page below holds the algorithm's help panel text and a reference table of its "
            "parameters and outputs.</p>\n"
            + "\n".join(sections)
            + f"\n<h2>References</h2>\n<ul>\n{bibliography}</ul>")
    return _page("Hotspot Patrol help", body)


def plugin_about():
    """metadata.txt's ``about``: the plugin described once, where the plugin manager reads it too."""
    text = (REPO / "metadata.txt").read_text(encoding="utf-8")
    match = re.search(r"^about=(.*?)(?=^\S+=)", text, re.S | re.M)
    return " ".join(match.group(1).split()) if match else ""


def pages(algorithms):
    """``{file name: HTML}`` for the given algorithms (registered ones) and the index."""
    registry = QgsApplication.processingRegistry()
    package = type(algorithms[0]).__module__.split(".")[0] if algorithms else ""
    with machine_independent(package):
        fresh = [registry.createAlgorithmById(algorithm.id()) for algorithm in algorithms]
    result = {f"{algorithm.name()}.html": algorithm_page(algorithm) for algorithm in fresh}
    result["index.html"] = index_page(fresh, plugin_about())
    result["style.css"] = STYLE.strip() + "\n"  # one stylesheet for every page, offline
    return result


def write(directory, algorithms):
    """Write the pages into ``directory``, removing pages of algorithms that no longer exist."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    made = pages(algorithms)
    for stale in set(os.listdir(directory)) - set(made):
        if stale.endswith((".html", ".css")):
            (directory / stale).unlink()
    for name, text in made.items():
        with open(directory / name, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    return sorted(made)


def main(directory=REPO / "help"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application = QgsApplication([], False)
    application.initQgis()
    from checkout import register_provider
    provider = register_provider()
    names = write(directory, provider.algorithms())
    print(f"Wrote {len(names)} pages in {directory}")


if __name__ == "__main__":
    main(*[Path(argument) for argument in sys.argv[1:2]])
