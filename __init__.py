"""Hotspot Patrol: evidence-based hotspot policing in QGIS."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import HotspotPatrolPlugin
    return HotspotPatrolPlugin(iface)
