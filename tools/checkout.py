"""For the tools/ scripts: this checkout imported as the plugin package ``hotspot_patrol``, as QGIS
installs it, with its Processing provider registered (a model's steps are found through the registry)."""

import importlib.util
import sys
from pathlib import Path

from qgis.core import QgsApplication

REPO = Path(__file__).resolve().parents[1]


def register_provider():
    """Import the checkout as ``hotspot_patrol`` and register its provider; keep the returned
    provider alive (the registry does not keep the Python object)."""
    spec = importlib.util.spec_from_file_location(
        "hotspot_patrol", REPO / "__init__.py", submodule_search_locations=[str(REPO)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["hotspot_patrol"] = module
    spec.loader.exec_module(module)
    from hotspot_patrol.algorithms.provider import HotspotPatrolProvider
    provider = HotspotPatrolProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return provider
