"""Grid references against places whose Ordnance Survey references are published."""

import math

import pytest

from hotspot_patrol.core.gridref import grid_reference


@pytest.mark.parametrize("easting, northing, digits, expected", [
    (588_450, 185_900, 8, "TQ 8845 8590"),   # Southend-on-Sea, the example
    (216_600, 771_200, 6, "NN 166 712"),     # Ben Nevis summit
    (530_034, 180_381, 8, "TQ 3003 8038"),   # Trafalgar Square
    (447_500, 1_141_500, 4, "HU 47 41"),     # Lerwick, Shetland
    (90_000, 10_000, 2, "SV 9 1"),           # Isles of Scilly
    (325_900, 673_400, 10, "NT 25900 73400"),  # Edinburgh
    (0, 0, 8, "SV 0000 0000"),               # the grid's false origin
])
def test_published_references(easting, northing, digits, expected):
    assert grid_reference(easting, northing, digits) == expected


def test_digits_are_truncated_not_rounded():
    assert grid_reference(588_459.9, 185_909.9) == "TQ 8845 8590"


@pytest.mark.parametrize("easting, northing", [(-1, 100), (700_000, 100), (100, 1_300_000), (math.nan, 100)])
def test_outside_the_lettered_grid_there_is_no_reference(easting, northing):
    assert grid_reference(easting, northing) is None


def test_every_100km_square_has_its_own_two_letters():
    squares = {grid_reference(e * 100_000 + 1, n * 100_000 + 1, 2)[:2] for e in range(7) for n in range(13)}
    assert len(squares) == 7 * 13 and not any("I" in square for square in squares)
