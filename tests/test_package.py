"""make package: the zip holds one hotspot_patrol/ folder without tests, and installs and runs."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from helpers import SOUTHEND

REPO = Path(__file__).resolve().parents[1]


def build(tmp_path):
    result = subprocess.run([sys.executable, str(REPO / "tools" / "package.py"), str(tmp_path / "dist")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    (archive,) = (tmp_path / "dist").glob("hotspot_patrol-*.zip")
    return archive


def test_zip_holds_only_the_plugin(tmp_path):
    names = zipfile.ZipFile(build(tmp_path)).namelist()
    assert {name.split("/")[0] for name in names} == {"hotspot_patrol"}
    for required in ("metadata.txt", "LICENSE", "__init__.py", "plugin.py", "algorithms/provider.py",
                     "core/kde.py", "icons/hotspot_patrol.svg", "styles/hotspots.qml",
                     "models/hotspotpatrolplan.model3"):
        assert f"hotspot_patrol/{required}" in names
    assert not [n for n in names if "/tests/" in n or "/benchmarks/" in n or "__pycache__" in n
                or n.endswith((".pyc", ".gpkg")) or "/tools/" in n]


def test_zip_installs_into_a_fresh_plugin_folder_and_runs(tmp_path):
    plugins = tmp_path / "plugins"
    zipfile.ZipFile(build(tmp_path)).extractall(plugins)
    home = tmp_path / "home"
    (home / "runtime").mkdir(parents=True)
    os.chmod(home / "runtime", 0o700)
    # A clean environment: nothing of this session's QGIS settings, only the unpacked plugin.
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "QGIS_PLUGINPATH": str(plugins),
           "XDG_DATA_HOME": str(home), "XDG_RUNTIME_DIR": str(home / "runtime"), "HOME": str(home)}
    binary = next(b for b in ("/usr/bin/qgis_process.bin", "/usr/bin/qgis_process") if Path(b).exists())

    def qgis_process(*args):
        return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=300)
    enabled = qgis_process("plugins", "enable", "hotspot_patrol")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    grid = tmp_path / "grid.gpkg"
    result = qgis_process("--json", "run", "hotspotpatrol:gridcrimes", "--", f"INPUT={SOUTHEND}", f"OUTPUT={grid}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["results"]["CRIMES_COUNTED"] == 14885
    assert "* hotspot_patrol" in qgis_process("plugins").stdout
    assert "hotspotpatrol:hotspotpatrolplan\tHotspot patrol plan" in qgis_process("list").stdout
