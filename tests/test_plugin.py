"""The plugin loads, registers its provider and algorithms, and unloads cleanly;
core/ needs no QGIS; qgis_process sees and runs the algorithms."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import SOUTHEND

REPO = Path(__file__).resolve().parents[1]
ALGORITHMS = {"hotspotpatrol:gridcrimes", "hotspotpatrol:kerneldensity"}

IMPORT_AS_INSTALLED = textwrap.dedent(f"""
    import importlib.util, sys
    spec = importlib.util.spec_from_file_location(
        "hotspot_patrol", {str(REPO / "__init__.py")!r}, submodule_search_locations=[{str(REPO)!r}])
    package = importlib.util.module_from_spec(spec)
    sys.modules["hotspot_patrol"] = package
    spec.loader.exec_module(package)
""")


def run_python(code):
    return subprocess.run([sys.executable, "-c", IMPORT_AS_INSTALLED + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=300,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})


def test_plugin_loads_and_unloads_with_no_iface():
    result = run_python("""
        from qgis.core import QgsApplication
        app = QgsApplication([], False)
        app.initQgis()
        registry = QgsApplication.processingRegistry()
        plugin = package.classFactory(None)
        plugin.initProcessing()
        provider = registry.providerById("hotspotpatrol")
        print(provider.name())
        print(sorted(a.id() for a in provider.algorithms()))
        plugin.unload()
        print(registry.providerById("hotspotpatrol") is None)
        plugin.initGui()
        print(registry.providerById("hotspotpatrol") is not None)
        plugin.unload()
        app.exitQgis()
    """)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Hotspot patrol"
    assert ALGORITHMS <= set(eval(lines[1]))
    assert lines[2:4] == ["True", "True"]


def test_loading_the_plugin_imports_no_scipy_until_an_algorithm_needs_it():
    """QGIS imports every enabled plugin at each start (qgis_process too): scipy's subpackages
    cost about 0.5 s there, so they wait until a run uses them."""
    result = run_python("""
        from qgis.core import QgsApplication
        app = QgsApplication([], False)
        app.initQgis()
        plugin = package.classFactory(None)
        plugin.initProcessing()
        print(sorted(name for name in sys.modules if name.split(".")[0] == "scipy"))
        import numpy as np
        from hotspot_patrol.core import kde
        kde._fft_convolve_valid(np.ones((4, 4)), np.ones((2, 2)))
        print("scipy.fft" in sys.modules)
        plugin.unload()
        app.exitQgis()
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "True"]


def test_core_imports_without_qgis():
    result = run_python("""
        import importlib, pkgutil
        class NoQgis:
            def find_spec(self, name, path=None, target=None):
                top = name.split(".")[0]
                if top in ("qgis", "processing", "osgeo", "sip") or top.startswith(("PyQt", "PySide")):
                    raise ImportError("blocked: " + name)
        sys.meta_path.insert(0, NoQgis())
        import hotspot_patrol.core as core
        names = [m.name for m in pkgutil.iter_modules(core.__path__)]
        for name in names:
            importlib.import_module("hotspot_patrol.core." + name)
        print(sorted(names))
    """)
    assert result.returncode == 0, result.stderr
    assert {"grid", "kde", "timeparse", "progress"} <= set(eval(result.stdout))


def test_qgis_process_lists_and_runs_our_algorithms(qgis_process, tmp_path):
    listed = qgis_process("list")
    assert listed.returncode == 0, listed.stderr
    assert all(algorithm in listed.stdout for algorithm in ALGORITHMS)
    grid = tmp_path / "grid.gpkg"
    result = qgis_process("--json", "run", "hotspotpatrol:gridcrimes", "--", f"INPUT={SOUTHEND}",
                          "CELL_SIZE=150", f"OUTPUT={grid}")
    assert result.returncode == 0, result.stderr
    results = json.loads(result.stdout)["results"]
    assert results["CRIMES_COUNTED"] == 14885
    assert grid.exists()
