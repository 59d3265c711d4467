"""The house rules that keep the plugin easy to carry on, checked on the source itself:
core holds no QGIS, no algorithm module imports another, each processAlgorithm reads, calls core
and writes (a few dozen statements), and no module grows past a size one person can hold."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MAX_PROCESS_STATEMENTS = 40
MAX_MODULE_LINES = 500
# One topic, documented as one: the kernels, the FFT and the exact paths of the density.
LONG_MODULES_ALLOWED = {"core/kde.py"}
PLUGIN_FOLDERS = ("algorithms", "core", "ui")


def modules(folder):
    return sorted((REPO / folder).glob("*.py"))


def parsed(path):
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported_modules(tree):
    """(level, module) of every ``from … import`` and ``import …`` in the tree, and the names
    imported from a bare relative ``from . import a, b``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.module:
                found.append((node.level, node.module))
            else:
                found.extend((node.level, alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend((0, alias.name) for alias in node.names)
    return found


def is_qt_binding(top_level_module):
    """A Qt binding imported by name (PyQt of any version, PySide, sip) instead of through qgis.PyQt."""
    return top_level_module.startswith(("PyQt", "PySide")) or top_level_module == "sip"


def algorithm_modules():
    """The modules of algorithms/ that define a Processing algorithm (a HotspotAlgorithm subclass)."""
    found = set()
    for path in modules("algorithms"):
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(base, "id", getattr(base, "attr", "")) in ("HotspotAlgorithm", "QgsProcessingAlgorithm")
                    for base in node.bases) and path.stem != "base":
                found.add(path.stem)
    return found


def test_the_rules_see_the_algorithms():
    """Guards the checks below against finding nothing to check."""
    assert {"grid_crimes", "kernel_density", "rank_hotspots", "patrol_plan",
            "evaluate_patrols", "briefing_pack"} <= algorithm_modules()


@pytest.mark.parametrize("path", modules("core"), ids=lambda p: p.name)
def test_core_imports_no_qgis_and_no_qt(path):
    for _, module in imported_modules(parsed(path)):
        top = module.split(".")[0]
        assert top not in ("qgis", "osgeo") and not is_qt_binding(top), f"{path.name} imports {module}"


def test_qt_comes_only_through_qgis_pyqt_so_the_plugin_loads_on_qgis_4():
    """QGIS 4 is Qt 6: qgis.PyQt picks the binding QGIS runs on; a named binding breaks one of them."""
    plugin_files = [REPO / "plugin.py", REPO / "__init__.py"] + [
        path for folder in PLUGIN_FOLDERS for path in modules(folder)]
    problems = [f"{path.relative_to(REPO)} imports {module}" for path in plugin_files
                for _, module in imported_modules(parsed(path)) if is_qt_binding(module.split(".")[0])]
    assert problems == []


def test_no_algorithm_module_imports_another():
    algorithms = algorithm_modules()
    problems = []
    for path in modules("algorithms"):
        if path.stem == "provider":  # the provider lists the algorithms: its job
            continue
        for level, module in imported_modules(parsed(path)):
            if level == 1 and module.split(".")[0] in algorithms:
                problems.append(f"{path.name} imports the algorithm module {module}")
    assert not problems, "\n".join(problems)


def test_the_panel_reaches_algorithms_only_through_processing():
    problems = [f"{path.name} imports {module}" for path in modules("ui")
                for level, module in imported_modules(parsed(path))
                if level == 2 and module.split(".")[0] == "algorithms"
                and module.split(".")[-1] in algorithm_modules()]
    assert not problems, "\n".join(problems)


def test_process_algorithm_reads_calls_core_and_writes():
    problems = []
    for path in modules("algorithms"):
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.FunctionDef) and node.name == "processAlgorithm":
                statements = sum(isinstance(child, ast.stmt) for child in ast.walk(node)) - 1
                if statements > MAX_PROCESS_STATEMENTS:
                    problems.append(f"{path.name}: processAlgorithm has {statements} statements")
    assert not problems, "\n".join(problems)


def test_no_module_is_too_long_to_hold_in_mind():
    problems = []
    for folder in PLUGIN_FOLDERS:
        for path in modules(folder):
            name = f"{folder}/{path.name}"
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_MODULE_LINES and name not in LONG_MODULES_ALLOWED:
                problems.append(f"{name}: {lines} lines")
    assert not problems, "\n".join(problems)
