"""Numerics of Hotspot Patrol: numpy and scipy only, no QGIS.

Every function here takes and returns plain numpy arrays so that it can be
tested, benchmarked and reused without a running QGIS.
"""
