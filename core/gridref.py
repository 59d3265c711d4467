"""Ordnance Survey grid references: a British National Grid position as UK officers write it.

A grid reference names the 100 km square by two letters and the position inside it by eastings
and northings truncated (not rounded) to the precision given, e.g. ``TQ 8845 8590`` for the 10 m
square whose south-west corner is at easting 588,450 m, northing 185,900 m. The letters come
from the 500 km square (the first letter, origin at S's south-west corner, the false origin of
the grid) and the 100 km square inside it (the second letter); each letter grid is 5 × 5 letters,
A to Z without I, read from the north-west corner.

References
----------
Ordnance Survey (2018). A Guide to Coordinate Systems in Great Britain, section 7.2 ("The
National Grid reference system").
"""

import math
import re

#: The grid's extent in metres (easting, northing): the squares that have letters.
GRID_WIDTH, GRID_HEIGHT = 700_000, 1_300_000


# What grid_reference writes: two letters, then eastings and northings of equal length.
_GRID_REFERENCE = re.compile(r"^[A-HJ-Z]{2}(?: (\d{1,5}) (\d{1,5}))?$")


def is_grid_reference(text):
    """Whether ``text`` (its first line) is a grid reference as :func:`grid_reference` writes it.

    Examples
    --------
    >>> is_grid_reference("TQ 8845 8590\n51.53, 0.71"), is_grid_reference("41.88123, -87.62311")
    (True, False)
    """
    found = _GRID_REFERENCE.match(str(text).split("\n", 1)[0])
    return bool(found) and (found.group(1) is None or len(found.group(1)) == len(found.group(2)))


def _letter(index):
    """The letter of a 5 × 5 grid square numbered 0-24 from the north-west (I is not used)."""
    return chr(ord("A") + index + (index >= 8))


def grid_reference(easting, northing, digits=8):
    """The Ordnance Survey grid reference of a British National Grid position.

    Parameters
    ----------
    easting, northing : float
        Metres in British National Grid (EPSG:27700).
    digits : int
        Digits of the numeric part, eastings and northings together: 2 (10 km), 4 (1 km),
        6 (100 m), 8 (10 m) or 10 (1 m).

    Returns
    -------
    str or None
        E.g. ``"TQ 8845 8590"``; None outside the lettered grid (and for NaN).

    Examples
    --------
    >>> grid_reference(588_450, 185_900)
    'TQ 8845 8590'
    >>> grid_reference(216_600, 771_200, digits=6)
    'NN 166 712'
    """
    if digits not in (2, 4, 6, 8, 10):
        raise ValueError(f"digits must be 2, 4, 6, 8 or 10, not {digits}.")
    if not (math.isfinite(easting) and math.isfinite(northing)):
        return None
    if not (0 <= easting < GRID_WIDTH and 0 <= northing < GRID_HEIGHT):
        return None
    column, row = int(easting // 100_000), int(northing // 100_000)
    # The 500 km square: the grid's false origin is the south-west corner of S, the 3rd column and
    # 4th row of the first letters' grid (counted from the north-west).
    first = (3 - (row // 5)) * 5 + 2 + column // 5
    second = (4 - row % 5) * 5 + column % 5
    half = digits // 2
    scale = 10 ** (5 - half)
    east_digits = int(easting % 100_000) // scale
    north_digits = int(northing % 100_000) // scale
    return f"{_letter(first)}{_letter(second)} {east_digits:0{half}d} {north_digits:0{half}d}"
