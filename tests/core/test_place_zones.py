"""core.place_zones: the time zone proposed for where a crime layer is."""

import pytest

from hotspot_patrol.core.place_zones import zone_at


@pytest.mark.parametrize(("place", "longitude", "latitude", "zone"), [
    ("Southend-on-Sea", 0.71, 51.54, "Europe/London"),
    ("Leeds", -1.55, 53.80, "Europe/London"),
    ("Dover", 1.31, 51.13, "Europe/London"),
    ("Belfast", -5.93, 54.60, "Europe/London"),
    ("Dublin", -6.26, 53.35, "Europe/Dublin"),
    ("Chicago", -87.63, 41.88, "America/Chicago"),
    ("New York", -74.00, 40.71, "America/New_York"),
    ("Indianapolis", -86.16, 39.77, "America/New_York"),
    ("Atlanta", -84.39, 33.75, "America/New_York"),
    ("Denver", -104.99, 39.74, "America/Denver"),
    ("Phoenix", -112.07, 33.45, "America/Phoenix"),
    ("Los Angeles", -118.24, 34.05, "America/Los_Angeles"),
    ("Las Vegas", -115.14, 36.17, "America/Los_Angeles"),
    ("Seattle", -122.33, 47.61, "America/Los_Angeles"),
    ("Houston", -95.37, 29.76, "America/Chicago"),
    ("Paris", 2.35, 48.86, "Europe/Paris"),
    ("Calais", 1.85, 50.95, "Europe/Paris"),
    ("Berlin", 13.40, 52.52, "Europe/Berlin"),
    ("Munich", 11.58, 48.14, "Europe/Berlin"),
    ("Madrid", -3.70, 40.42, "Europe/Madrid"),
    ("Barcelona", 2.17, 41.39, "Europe/Madrid"),
    ("Lisbon", -9.14, 38.72, "Europe/Lisbon"),
    ("Las Palmas", -15.43, 28.12, "Atlantic/Canary"),
    ("Rome", 12.50, 41.90, "Europe/Rome"),
    ("Palermo", 13.36, 38.12, "Europe/Rome"),
    ("Amsterdam", 4.90, 52.37, "Europe/Amsterdam"),
    ("Brussels", 4.35, 50.85, "Europe/Brussels"),
    ("Luxembourg", 6.13, 49.61, "Europe/Luxembourg"),
    ("Copenhagen", 12.57, 55.68, "Europe/Copenhagen"),
    ("Vienna", 16.37, 48.21, "Europe/Vienna"),
    ("Bratislava", 17.11, 48.15, "Europe/Bratislava"),
    ("Budapest", 19.04, 47.50, "Europe/Budapest"),
    ("Prague", 14.42, 50.08, "Europe/Prague"),
    ("Warsaw", 21.01, 52.23, "Europe/Warsaw"),
    ("Ljubljana", 14.51, 46.06, "Europe/Ljubljana"),
    ("Zagreb", 15.98, 45.81, "Europe/Zagreb"),
    ("Maribor", 15.65, 46.55, "Europe/Ljubljana"),
    ("Klagenfurt", 14.31, 46.62, "Europe/Vienna"),
    ("Valletta", 14.51, 35.90, "Europe/Malta"),
    ("Tallinn", 24.75, 59.44, "Europe/Tallinn"),
    ("Riga", 24.11, 56.95, "Europe/Riga"),
    ("Vilnius", 25.28, 54.69, "Europe/Vilnius"),
    ("Helsinki", 24.94, 60.17, "Europe/Helsinki"),
    ("Stockholm", 18.07, 59.33, "Europe/Stockholm"),
    ("Luleå", 22.15, 65.58, "Europe/Stockholm"),
    ("Sofia", 23.32, 42.70, "Europe/Sofia"),
    ("Athens", 23.73, 37.98, "Europe/Athens"),
    ("Nicosia", 33.38, 35.17, "Asia/Nicosia"),
    ("Bucharest", 26.10, 44.43, "Europe/Bucharest"),
])
def test_a_place_gets_its_zone(place, longitude, latitude, zone):
    assert zone_at(longitude, latitude) == zone, place


@pytest.mark.parametrize(("place", "longitude", "latitude"), [
    ("the middle of the Pacific", -150.0, 0.0),
    ("Tokyo", 139.69, 35.69),
    ("Tunis", 10.18, 36.81),
    ("Saint Petersburg", 30.32, 59.94),
])
def test_a_place_outside_the_table_gets_none(place, longitude, latitude):
    assert zone_at(longitude, latitude) is None, place
