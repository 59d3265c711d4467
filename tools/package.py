"""Build the installable plugin zip: one ``hotspot_patrol/`` folder, no tests, benchmarks or caches.

Usage: python3 tools/package.py [OUTPUT_DIR]   (default: dist/)

Only files tracked by git are packed, so nothing generated (caches, outputs,
profiles) can slip in.  metadata.txt is checked first against what the QGIS
plugin repository requires.
"""

import configparser
import fnmatch
import re
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "hotspot_patrol"
# Files, folders (ending in /) and patterns; of i18n/ only the compiled translations.
SHIPPED = ("metadata.txt", "LICENSE", "README.md", "CHANGELOG.md", "__init__.py", "plugin.py", "algorithms/", "core/",
           "ui/", "icons/", "styles/", "models/", "help/", "i18n/*.qm", "sample_data/harm_weights_police_uk.csv",
           "sample_data/HARM_WEIGHTS.md")
REQUIRED = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository")


def check_metadata(path):
    """The [general] section of metadata.txt; SystemExit naming what is wrong."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    if "general" not in parser:
        sys.exit(f"{path}: no [general] section")
    general = parser["general"]
    problems = [f"'{key}' is missing or empty" for key in REQUIRED if not general.get(key, "").strip()]
    if not re.fullmatch(r"\d+\.\d+\.\d+", general.get("version", "")):
        problems.append("version must read like 1.2.3")
    if general.get("hasProcessingProvider", "").lower() != "yes":
        problems.append("hasProcessingProvider must be yes")
    if not (REPO / general.get("icon", "")).is_file():
        problems.append(f"icon '{general.get('icon')}' is not a file")
    if problems:
        sys.exit(f"{path}: " + "; ".join(problems))
    return general


def shipped_files():
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    return sorted(name for name in tracked.splitlines()
                  if any(fnmatch.fnmatchcase(name, item) or (item.endswith("/") and name.startswith(item))
                         for item in SHIPPED))


def main(output_dir=None):
    general = check_metadata(REPO / "metadata.txt")
    output = Path(output_dir or REPO / "dist")
    output.mkdir(parents=True, exist_ok=True)
    archive = output / f"{PACKAGE}-{general['version']}.zip"
    files = shipped_files()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as handle:
        for name in files:
            handle.write(REPO / name, f"{PACKAGE}/{name}")
    print(f"{archive} ({len(files)} files, {archive.stat().st_size // 1024} KB)")
    return archive


if __name__ == "__main__":
    main(*sys.argv[1:])
