"""Refresh the translations: i18n/hotspot_patrol.pro, each language's .ts and its compiled .qm.

Run with ``make translations`` after changing user-visible text. The project file lists every
plugin module that holds translatable strings (``self.tr("…")`` in a class, ``tr("…")`` at module
level); pylupdate5 adds new strings to each ``.ts`` as unfinished and drops strings no longer in
the code; lrelease compiles the ``.qm`` files the plugin loads (plugin.install_translator).
Translate a .ts with Qt Linguist (``linguist i18n/hotspot_patrol_fr.ts``), then run this again.
"""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "i18n"
PROJECT = I18N / "hotspot_patrol.pro"
LANGUAGES = ("fr",)
# core/ holds no Qt; tests, tools and benchmarks are not shipped.
SOURCE_GLOBS = ("plugin.py", "algorithms/*.py", "ui/*.py")


def sources():
    """The plugin's modules with user-visible text, relative to the repository."""
    return sorted(str(path.relative_to(REPO)) for pattern in SOURCE_GLOBS for path in REPO.glob(pattern))


def project_text():
    """The project file pylupdate5 and lrelease read (paths relative to i18n/)."""
    lines = ["# Made by tools/update_translations.py (make translations): do not edit.", "SOURCES = \\"]
    lines += [f"    ../{source} \\" for source in sources()]
    lines[-1] = lines[-1].rstrip(" \\")
    lines += ["", "TRANSLATIONS = \\"]
    lines += [f"    hotspot_patrol_{language}.ts \\" for language in LANGUAGES]
    lines[-1] = lines[-1].rstrip(" \\")
    return "\n".join(lines) + "\n"


def main():
    PROJECT.write_text(project_text(), encoding="utf-8")
    for language in LANGUAGES:
        translations = I18N / f"hotspot_patrol_{language}"
        # The sources listed one by one: pylupdate5 5.15 reading the .pro file misses a string in a
        # conditional expression that it finds in the file itself.
        subprocess.run(["pylupdate5", "-noobsolete", *sources(), "-ts", f"{translations}.ts"], cwd=REPO, check=True)
        subprocess.run(["lrelease", "-silent", f"{translations}.ts", "-qm", f"{translations}.qm"], check=True)


if __name__ == "__main__":
    sys.exit(main())
