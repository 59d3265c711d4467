"""The translation of text outside an algorithm class (the readers' log messages, shared helpers).

pylupdate5 files a module-level ``tr("…")`` under the "@default" context, so this looks it up there.
Inside an algorithm, use ``self.tr("…")`` (HotspotAlgorithm.tr).
"""

from qgis.PyQt.QtCore import QCoreApplication


def tr(text):
    """``text`` in the user's language, when the plugin's translation has it."""
    return QCoreApplication.translate("@default", text)


def compass(direction):
    """A compass word of :func:`~..core.outliers.describe_outliers` ('north-east'…) in the user's language."""
    return {"east": tr("east"), "north-east": tr("north-east"), "north": tr("north"), "north-west": tr("north-west"),
            "west": tr("west"), "south-west": tr("south-west"), "south": tr("south"),
            "south-east": tr("south-east")}[direction]
