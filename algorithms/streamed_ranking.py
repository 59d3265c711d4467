"""rankhotspots over a national layer: crimes counted as they are read, empty cells never listed.

A year of England and Wales (millions of crimes) over a 150 m lattice spans
tens of millions of cells, nearly all empty.  When the ranking needs only the
cells with crime (by count or weight, at least one crime to qualify, no
OUTPUT_CELLS), :func:`rank_streamed` ranks the occupied cells counted by
:func:`reader.stream_cell_counts`; the empty cells of the area enter only
through their number (shares, Gini, Gi*), and the kernel density and Gi* are
computed for the chosen hotspots alone.  The hotspots, their columns and the
summary are those of the full computation.
"""

from dataclasses import dataclass

import numpy as np

from ..core import concentration, grid, ranking
from .reader import points_inside, read_area_mask, stream_density_at


@dataclass
class StreamedRanking:
    """What rankhotspots writes, for the occupied cells: ``cells`` (``col``, ``row`` and ``count`` arrays in
    the streamed order), the ``chosen`` cells' indices, the per-cell ``columns`` (kde and Gi* for the chosen
    cells only, NaN and 0 elsewhere), the concentration ``summary``, the chosen cells' Gi* (``gi``) and the
    number of cells of the area, empty ones included (``n_cells``)."""

    cells: object
    chosen: np.ndarray
    columns: dict
    summary: object
    gi: object
    n_cells: int


def rank_streamed(alg, parameters, context, feedback, streamed, cell_size, rank_by, top_n, separation, distance,
                  weighting):
    """Rank the occupied cells of ``streamed`` and choose the hotspots (square cells, RANK_BY count or weight),
    at least ``separation`` metres apart, with Gi* over the band ``distance``; ``weighting`` holds the
    weighting arguments ``streamed`` was counted with (:func:`reader.stream_cell_counts`)."""
    col, row, count = streamed.col, streamed.row, streamed.count
    value = count.astype(float) if streamed.weight is None else streamed.weight
    order, rank = ranking.rank_cells(count if rank_by == "count" else value, count, col, row)
    cx, cy = grid.cell_centres(col, row, cell_size)
    excluded = points_inside(read_area_mask(alg, parameters, alg.EXCLUDE, context, streamed.crs), cx, cy)
    eligible = (count >= alg.parameterAsInt(parameters, alg.MIN_COUNT, context)) & ~excluded
    chosen = alg.run_core(concentration.choose_hotspots, order, cx, cy, eligible, top_n, separation)
    feedback.setProgress(55)

    x_min, y_min, x_max, y_max = streamed.bulk_extent
    box = (int(np.floor(x_min / cell_size)), int(np.floor(x_max / cell_size)),
           int(np.floor(y_min / cell_size)), int(np.floor(y_max / cell_size)))
    outside = (col < box[0]) | (col > box[1]) | (row < box[2]) | (row > box[3])
    n_area = int(grid.cell_count_in_extent(*streamed.bulk_extent, cell_size)) + int(np.count_nonzero(outside))
    gi = alg.run_core(ranking.gi_star_in_box, chosen, col, row, value, box, cell_size, distance)
    radius = alg.parameterAsDouble(parameters, alg.RADIUS, context)
    density = stream_density_at(alg, parameters, alg.INPUT, context, feedback, streamed, cx[chosen], cy[chosen],
                                radius, **weighting)
    feedback.setProgress(80)

    share = ranking.shares(value)
    columns = {"hotspot_id": ranking.hotspot_numbers(chosen, col.size), "rank": rank, "count": count,
               "weight": value, "share": share, "kde": _at(chosen, density, col.size, np.nan),
               "gi_z": _at(chosen, gi.z, col.size, np.nan), "gi_bin": _at(chosen, gi.bin, col.size, 0)}
    summary = concentration.hotspot_concentration(share, chosen, count, empty=n_area - col.size)
    return StreamedRanking(cells=streamed, chosen=chosen, columns=columns, summary=summary, gi=gi, n_cells=n_area)


def _at(chosen, values, size, fill):
    """An array of ``size`` holding ``values`` at ``chosen`` and ``fill`` elsewhere."""
    full = np.full(size, fill, dtype=np.asarray(values).dtype if np.asarray(values).size else float)
    full[chosen] = values
    return full
