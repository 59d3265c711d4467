"""Grid references against places whose Ordnance Survey references are published."""

import math

import pytest

from hotspot_patrol.core.gridref import grid_reference, is_grid_reference


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


@pytest.mark.parametrize("text, expected", [
    ("TQ 8845 8590", True), ("TQ 8845 8590\n51.53000, 0.71000", True), ("NN 166 712", True), ("SV", True),
    ("TQ 884 8590", False), ("IQ 8845 8590", False), ("41.88123, -87.62311", False), ("High Street", False),
    ("AB 12 34 extra", False)])
def test_a_grid_reference_is_told_from_other_locations(text, expected):
    assert is_grid_reference(text) is expected


def test_every_reference_written_reads_as_one():
    for easting in range(5_000, 700_000, 45_000):
        for northing in range(5_000, 1_300_000, 95_000):
            for digits in (2, 4, 6, 8, 10):
                assert is_grid_reference(grid_reference(easting, northing, digits))
