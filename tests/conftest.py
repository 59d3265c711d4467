"""Shared fixtures: the plugin package under its installed name, whatever the checkout is called."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # for tests' ``import helpers``


def _import_as_hotspot_patrol():
    """Import the checkout as the package ``hotspot_patrol``, as QGIS installs it."""
    if "hotspot_patrol" in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(
        "hotspot_patrol", REPO / "__init__.py", submodule_search_locations=[str(REPO)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["hotspot_patrol"] = module
    spec.loader.exec_module(module)


_import_as_hotspot_patrol()


def _give_iface_a_layer_tree_view(iface):
    """pytest-qgis's stub iface answers ``layerTreeView()`` with a MagicMock. From QGIS 3.44 on,
    Processing's result loading (runAndLoadResults) passes it to C++
    (QgsProcessingGuiUtils.addResultLayers), which rejects it: give the stub a real view of the
    project's layer tree, as the QGIS desktop has."""
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    view = QgsLayerTreeView(iface.mainWindow())
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    iface.layerTreeView = lambda: view


@pytest.fixture(scope="session")
def provider(qgis_processing, qgis_iface):
    """Our Processing provider, registered once for the session (qgis_processing does not)."""
    from qgis.core import QgsApplication

    from hotspot_patrol.algorithms.provider import HotspotPatrolProvider

    _give_iface_a_layer_tree_view(qgis_iface)
    registry = QgsApplication.processingRegistry()
    ours = registry.providerById("hotspotpatrol")
    if ours is None:
        ours = HotspotPatrolProvider()
        registry.addProvider(ours)
    yield ours


@pytest.fixture
def run(provider):
    """``run(algorithm_id, parameters)``: processing.run with a fresh context and feedback."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def run_algorithm(algorithm_id, parameters, feedback=None):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(algorithm_id, parameters, context=context,
                              feedback=feedback or QgsProcessingFeedback())
    return run_algorithm


@pytest.fixture
def qgis_process(tmp_path):
    """``qgis_process(*args)``: the command line, with this checkout's plugin, a private profile under tmp_path."""
    env = dict(os.environ, HOTSPOT_PATROL_QGIS_HOME=str(tmp_path / "qgis_home"))

    def call(*args):
        return subprocess.run([str(REPO / "tools" / "qgis-process"), *args], env=env,
                              capture_output=True, text=True, timeout=600)
    return call


@pytest.fixture(scope="session", autouse=True)
def sample_data_stays_as_committed():
    """Inputs are never modified: the committed samples are byte-identical after the whole session
    (opening a GeoPackage for editing, for one, writes to it)."""
    import hashlib

    def digests():
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted((REPO / "sample_data").iterdir()) if path.is_file()}
    before = digests()
    yield
    changed = [name for name, digest in digests().items() if before.get(name) != digest]
    assert not changed, f"the tests modified sample data: {changed}"
