"""Lattice cells as polygons, written in bulk.

A national grid holds millions of cells: their polygons are made from WKB
built with numpy, and their attributes taken chunk by chunk, so writing costs
a few microseconds a cell and no full-size list of Python values is held.
"""

import numpy as np
from qgis.core import QgsFeature, QgsFeatureSink, QgsGeometry, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from ..core.grid import cell_outlines

CHUNK = 10_000


def cell_geometry(col, row, cell_size, shape):
    """The polygon of one lattice cell."""
    return cell_geometries([col], [row], cell_size, shape)[0]


def cell_geometries(col, row, cell_size, shape):
    """The polygons of lattice cells (ten times faster than from lists of QgsPointXY)."""
    outlines = cell_outlines(col, row, cell_size, shape)
    n_cells, n_vertices = outlines.shape[:2]
    # WKB, packed and little-endian: a multipolygon of one single-ring polygon per cell, split into
    # its parts by QGIS (in C++, faster than making each polygon from its own bytes in Python).
    header = np.dtype([("order", "u1"), ("type", "<u4"), ("parts", "<u4")])
    polygon = np.dtype([("order", "u1"), ("type", "<u4"), ("rings", "<u4"), ("vertices", "<u4"),
                        ("xy", "<f8", (n_vertices, 2))])
    multi = np.zeros(1, dtype=header)
    multi["order"], multi["type"], multi["parts"] = 1, 6, n_cells
    parts = np.zeros(n_cells, dtype=polygon)
    parts["order"], parts["type"], parts["rings"], parts["vertices"], parts["xy"] = 1, 3, 1, n_vertices, outlines
    collection = QgsGeometry()
    collection.fromWkb(multi.tobytes() + parts.tobytes())
    return collection.asGeometryCollection()


def write_cells(sink, col, row, cell_size, shape, columns, feedback, start=0.0, end=100.0):
    """Write the cells ``col``, ``row`` to ``sink``, with progress from ``start`` to ``end``.

    ``columns`` gives the attributes in the sink's field order, each an array with a value per cell
    (NaN is written as NULL) or a function from a slice of the cells to their values (e.g. their ids,
    made a chunk at a time).  Cancelling raises QgsProcessingException; a cut-short output is never
    returned as if whole.
    """
    # One feature, refilled for each cell: the sink copies what it is given (Qt's implicit sharing
    # keeps a stored copy apart from later changes), and making a feature per cell costs 10-15%.
    feature = QgsFeature()
    for first in range(0, len(col), CHUNK):
        if feedback.isCanceled():
            raise QgsProcessingException(QCoreApplication.translate("HotspotAlgorithm", "Cancelled by the user."))
        rows = slice(first, first + CHUNK)
        values = [column(rows) if callable(column) else _plain_list(column[rows]) for column in columns]
        geometries = cell_geometries(col[rows], row[rows], cell_size, shape)
        for geometry, attributes in zip(geometries, map(list, zip(*values))):
            feature.setGeometry(geometry)
            feature.setAttributes(attributes)
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(QCoreApplication.translate(
                    "HotspotAlgorithm", "Could not write a cell to the output: {}").format(sink.lastError()))
        feedback.setProgress(start + (end - start) * min(first + CHUNK, len(col)) / max(len(col), 1))


def _plain_list(values):
    """Python values of an array; NaN as None (NULL)."""
    if values.dtype.kind == "f":
        return [None if value != value else value for value in values.tolist()]
    return values.tolist()
