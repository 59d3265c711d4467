"""A time zone to propose for a place, from a coarse table of boxes.

The planner panel proposes the plan's time zone from where the crime layer
is, so that New York data are not planned on London's clock.  The table
covers Great Britain, Ireland, the contiguous United States and the
countries of the European Union: boxes of longitude and latitude, the
first box holding the place wins.  Near a border the proposal may be the
neighbour's zone (mostly one with the same clock); the user can change it.

Examples
--------
>>> zone_at(-87.63, 41.88)
'America/Chicago'
>>> zone_at(-150.0, 0.0) is None
True
"""

# (zone, west, south, east, north) in degrees (WGS84); smaller and more specific boxes first.
ZONE_BOXES = (
    # Great Britain and Ireland; the south-east of England in steps, clear of the French coast.
    ("Europe/London", -8.2, 54.0, -5.4, 55.3),  # Northern Ireland
    ("Europe/Dublin", -10.7, 51.3, -5.9, 55.5),
    ("Europe/London", -8.7, 49.85, 0.0, 60.9),
    ("Europe/London", 0.0, 50.5, 1.0, 60.9),
    ("Europe/London", 1.0, 50.95, 1.8, 53.0),
    # Iberia and the Atlantic islands.
    ("Europe/Lisbon", -9.6, 36.9, -7.2, 40.0),
    ("Europe/Lisbon", -9.0, 40.0, -6.6, 42.2),
    ("Atlantic/Azores", -31.3, 36.9, -25.0, 39.8),
    ("Atlantic/Madeira", -17.3, 32.6, -16.2, 33.2),
    ("Atlantic/Canary", -18.2, 27.6, -13.4, 29.5),
    ("Europe/Madrid", -9.4, 35.9, -1.8, 43.8),
    ("Europe/Madrid", -1.8, 37.3, 4.4, 42.85),
    # Central Europe, the small countries before the large ones around them.
    ("Europe/Luxembourg", 5.73, 49.45, 6.53, 50.18),
    ("Europe/Amsterdam", 3.3, 51.3, 7.25, 53.7),
    ("Europe/Brussels", 2.5, 49.5, 6.4, 51.5),
    ("Europe/Copenhagen", 8.0, 54.55, 15.2, 57.8),
    ("Europe/Bratislava", 16.8, 47.75, 19.0, 49.6),
    ("Europe/Bratislava", 19.0, 48.25, 22.6, 49.6),
    ("Europe/Ljubljana", 13.37, 45.42, 15.7, 46.6),
    ("Europe/Ljubljana", 15.7, 46.1, 16.6, 46.9),
    ("Europe/Vienna", 9.53, 46.8, 13.0, 47.6),
    ("Europe/Vienna", 13.0, 46.6, 17.16, 48.55),
    ("Europe/Budapest", 16.1, 45.7, 21.2, 48.6),
    ("Europe/Budapest", 21.2, 47.3, 22.2, 48.6),
    ("Europe/Zagreb", 13.5, 44.8, 19.45, 46.55),
    ("Europe/Zagreb", 14.9, 42.4, 18.6, 44.8),
    ("Europe/Prague", 12.1, 48.55, 14.0, 50.45),
    ("Europe/Prague", 14.0, 48.55, 18.86, 51.06),
    ("Europe/Berlin", 5.9, 52.6, 14.4, 55.1),
    ("Europe/Berlin", 5.9, 50.2, 15.05, 52.6),
    ("Europe/Berlin", 6.4, 49.1, 15.05, 50.2),
    ("Europe/Berlin", 8.2, 47.55, 15.05, 49.1),
    ("Europe/Warsaw", 14.1, 49.0, 19.6, 54.9),
    ("Europe/Warsaw", 19.6, 49.0, 22.9, 54.4),
    ("Europe/Warsaw", 22.9, 49.0, 23.9, 54.3),
    ("Europe/Paris", -5.2, 42.3, 7.6, 51.1),
    ("Europe/Paris", 8.5, 41.3, 9.6, 43.1),  # Corsica
    ("Europe/Malta", 14.1, 35.7, 14.6, 36.1),
    ("Europe/Rome", 6.6, 37.9, 18.6, 47.1),
    ("Europe/Rome", 12.4, 36.6, 15.7, 38.3),  # Sicily, clear of Tunisia
    # The north and the east: Eastern European Time.
    ("Europe/Tallinn", 21.7, 57.5, 28.3, 59.7),
    ("Europe/Riga", 20.9, 55.6, 28.3, 58.1),
    ("Europe/Vilnius", 20.9, 53.9, 26.9, 56.5),
    ("Europe/Helsinki", 19.5, 59.7, 27.6, 63.5),
    ("Europe/Helsinki", 27.6, 60.8, 31.6, 63.5),
    ("Europe/Helsinki", 22.5, 63.5, 31.6, 65.8),
    ("Europe/Helsinki", 23.9, 65.8, 31.6, 70.1),
    ("Europe/Stockholm", 10.9, 55.3, 24.2, 69.1),
    ("Europe/Sofia", 22.3, 41.2, 28.7, 44.3),
    ("Europe/Athens", 20.9, 34.8, 26.7, 41.8),
    ("Europe/Athens", 19.3, 36.3, 20.9, 39.9),
    ("Europe/Athens", 26.7, 35.3, 28.3, 37.0),
    ("Asia/Nicosia", 32.2, 34.5, 34.7, 35.8),
    ("Europe/Bucharest", 20.2, 43.6, 29.8, 48.3),
    # The contiguous United States: Arizona keeps standard time; Indiana and Michigan are Eastern.
    ("America/Phoenix", -114.82, 31.33, -109.05, 37.0),
    ("America/New_York", -87.5, 37.8, -80.5, 48.3),
    ("America/Chicago", -88.5, 30.1, -85.0, 35.0),  # Alabama
    ("America/New_York", -85.6, 24.0, -66.9, 49.5),
    ("America/Los_Angeles", -124.8, 32.5, -117.0, 49.0),
    ("America/Los_Angeles", -120.0, 35.0, -114.05, 42.0),  # Nevada
    ("America/Los_Angeles", -117.25, 46.0, -115.5, 49.0),  # the Idaho panhandle
    ("America/Chicago", -101.5, 40.0, -85.5, 49.5),
    ("America/Chicago", -103.1, 25.8, -85.5, 40.0),
    ("America/Denver", -117.0, 31.3, -101.5, 49.0),
)


def zone_at(longitude, latitude):
    """The IANA time zone to propose for a place, from :data:`ZONE_BOXES`.

    Parameters
    ----------
    longitude, latitude : float
        Degrees, WGS84.

    Returns
    -------
    str or None
        None outside every box (the caller proposes the computer's zone).
    """
    for zone, west, south, east, north in ZONE_BOXES:
        if west <= longitude <= east and south <= latitude <= north:
            return zone
    return None
