"""The plugin speaks the user's language: i18n/ holds a project file that lists every module with
text, a French .ts that translates every string the code holds now, and its compiled .qm, which the
plugin installs for a French user: names, groups, help and report headings come out in French."""

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
from helpers import REPO, load_tool
from qgis.core import QgsApplication

from hotspot_patrol.algorithms import evaluation_report
from hotspot_patrol.core.crime_groups import ALL
from hotspot_patrol.core.poisson_rates import compare_rates
from hotspot_patrol.plugin import install_translator

I18N = REPO / "i18n"
FRENCH_TS = I18N / "hotspot_patrol_fr.ts"


def update_translations():
    return load_tool("update_translations")


def messages(ts_path):
    """{(context, source): translation} of a .ts file."""
    root = ElementTree.parse(ts_path).getroot()
    return {(context.findtext("name"), message.findtext("source")): message.findtext("translation") or ""
            for context in root.iter("context") for message in context.iter("message")}


def test_the_project_file_lists_every_module_with_text():
    assert (I18N / "hotspot_patrol.pro").read_text(encoding="utf-8") == update_translations().project_text(), (
        "run make translations")


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="needs Qt's pylupdate5 (make deps installs it)")
def test_french_translates_every_string_the_code_holds(tmp_path):
    """pylupdate5 run on the code now finds no string the committed French file lacks or leaves empty."""
    fresh = tmp_path / "hotspot_patrol_fr.ts"
    shutil.copy(FRENCH_TS, fresh)
    sources = [str(REPO / source) for source in update_translations().sources()]
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    now = messages(fresh)
    assert len(now) > 500, "pylupdate5 found too few strings: is the text inside self.tr(\"…\")?"
    untranslated = sorted(f"{context}: {source[:60]}" for (context, source), text in now.items() if not text.strip())
    assert untranslated == [], "run make translations, then translate these in i18n/hotspot_patrol_fr.ts"


@pytest.mark.skipif(shutil.which("lrelease") is None, reason="needs Qt's lrelease (make deps installs it)")
def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path):
    subprocess.run(["lrelease", str(FRENCH_TS), "-qm", str(tmp_path / "fr.qm")], check=True, capture_output=True)
    assert (tmp_path / "fr.qm").read_bytes() == (I18N / "hotspot_patrol_fr.qm").read_bytes(), (
        "run make translations")


@pytest.fixture
def french():
    translator = install_translator("fr")
    assert translator is not None, "i18n/hotspot_patrol_fr.qm is missing or unreadable"
    yield messages(FRENCH_TS)
    QgsApplication.removeTranslator(translator)


def test_no_translation_for_a_language_we_do_not_ship():
    assert install_translator("xx") is None


def test_a_french_user_sees_names_groups_help_and_report_in_french(provider, french):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("hotspotpatrol:kerneldensity")
    name = french[("KernelDensityAlgorithm", "Kernel density (fast heatmap)")]
    group = french[("HotspotAlgorithm", "1 · See: where crime is")]
    assert name and name != "Kernel density (fast heatmap)"
    assert (algorithm.displayName(), algorithm.group()) == (name, group)
    radius_help = algorithm.parameterDefinition("RADIUS").help()
    assert radius_help == french[("KernelDensityAlgorithm",
                                  "The kernel radius (bandwidth) in metres; 150 m matches the patrol cells.")]
    finding = evaluation_report.finding(ALL, compare_rates(5, 100.0, 20, 100.0))
    template = french[("@default", "{} was {} on patrol days (95% CI {}, {}): {}.")]
    fixed_words = [part for part in re.split(r"\{[^{}]*\}", template) if part.strip()]
    assert finding.startswith(french[("@default", "Crime")]) and all(part in finding for part in fixed_words)


def test_without_a_translation_the_report_speaks_english():
    assert evaluation_report.finding(ALL, compare_rates(5, 100.0, 20, 100.0)).startswith("Crime was 75% lower")


def untranslatable_calls(path):
    """tr() calls pylupdate5 cannot extract: an argument that is not one literal string, or a call
    inside an f-string (pylupdate5 does not look there)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside_f_strings = {id(node) for joined in ast.walk(tree) if isinstance(joined, ast.JoinedStr)
                        for node in ast.walk(joined)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "tr":
            literal = len(node.args) == 1 and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str)
            if not literal or id(node) in inside_f_strings:
                yield f"{path.relative_to(REPO)}:{node.lineno}"


def test_every_tr_call_holds_a_literal_pylupdate_can_extract():
    problems = [place for source in update_translations().sources()
                for place in untranslatable_calls(REPO / source)]
    assert problems == []
