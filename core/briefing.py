"""The arithmetic of a patrol briefing pack: a plan's values read, each hotspot's usual street,
the order of units, and the extent and crowding of hotspots on a printed map.

Map sizes are in millimetres of paper, coordinates in metres of a projected CRS.
"""

import datetime
from collections import Counter

import numpy as np

from .errors import InputError
from .lazy_scipy import csgraph


def patrol_day(value, visit_id):
    """The patrol day of a visit, from a date, a date and time, or text starting with a date.

    Parameters
    ----------
    value : datetime.date, datetime.datetime or str
        The visit's ``date``; text may use ``/`` for ``-`` and carry a time after the date.
    visit_id : object
        The visit, named in the error.

    Returns
    -------
    datetime.date

    Raises
    ------
    InputError
        When ``value`` holds no readable date.

    Examples
    --------
    >>> patrol_day("2024/06/03 00:00", 1)
    datetime.date(2024, 6, 3)
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10].replace("/", "-"))
    except ValueError:
        raise InputError(
            f"Visit {visit_id} has no readable date ('{value}'); the patrol day must be a date such as "
            "2024-06-03.") from None


def local_start(value, visit_id):
    """The local start of a visit: ISO 8601 text (a ``Z`` means UTC) or a datetime, kept as given.

    Parameters
    ----------
    value : datetime.datetime or str
        The visit's ``start_local``, with its UTC offset when the plan wrote one.
    visit_id : object
        The visit, named in the error.

    Returns
    -------
    datetime.datetime
        Aware when ``value`` carries an offset, else naive.

    Raises
    ------
    InputError
        When ``value`` is not an ISO 8601 date and time.

    Examples
    --------
    >>> local_start("2024-06-03T12:20-05:00", 1).isoformat()
    '2024-06-03T12:20:00-05:00'
    """
    if isinstance(value, datetime.datetime):
        return value
    try:
        return datetime.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f"Visit {visit_id} has no readable start_local ('{value}'); it must be a local time in ISO 8601 such "
            "as 2024-06-03T12:20-05:00, as Generate patrol plan writes it.") from None


def patrol_minutes(value, visit_id):
    """The length of a visit in whole minutes.

    Parameters
    ----------
    value : int, float or str
        The visit's ``minutes``; a float is truncated, text must be a whole number.
    visit_id : object
        The visit, named in the error.

    Returns
    -------
    int
        More than 0.

    Raises
    ------
    InputError
        When ``value`` is missing, not a whole number, or not above 0.

    Examples
    --------
    >>> patrol_minutes("15", 1)
    15
    """
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        minutes = 0
    if minutes <= 0:
        raise InputError(
            f"Visit {visit_id} has no patrol length: minutes is '{value}'; it must be a whole number of minutes "
            "above 0.")
    return minutes


def most_frequent_values(owner, values):
    """The most frequent text among the values of each group; a tie goes to the alphabetically first.

    Parameters
    ----------
    owner : array_like of int
        Each value's group (a hotspot's position), or a negative number for none.
    values : iterable
        The values (e.g. the crimes' street names); None and blank text are left out, and text is
        compared with its surrounding spaces stripped.

    Returns
    -------
    dict
        ``{group: text}`` for each group with at least one non-blank value.

    Examples
    --------
    >>> most_frequent_values([0, 0, 0, 1, 1, -1], ["B", "A ", "A", "Y", "X", "Z"])
    {0: 'A', 1: 'X'}
    """
    counts = {}
    for group, value in zip(owner, values):
        text = "" if value is None else str(value).strip()
        if group >= 0 and text:
            counts.setdefault(int(group), Counter())[text] += 1
    return {group: min(tally.items(), key=lambda item: (-item[1], item[0]))[0] for group, tally in counts.items()}


def unit_order(unit):
    """A sort key for units: numbers first, as numbers (unit 2 before unit 10), then text.

    Parameters
    ----------
    unit : object
        A unit as the plan holds it: a number, text, or None (sorted as empty text).

    Returns
    -------
    tuple

    Examples
    --------
    >>> sorted(["10", 2, "north", None, "2.5"], key=unit_order)
    [2, '2.5', '10', None, 'north']
    """
    text = "" if unit is None else str(unit)
    return (0, float(text), "") if text.replace(".", "", 1).isdecimal() else (1, 0.0, text)


def padded_extent(boxes, width, height, pad, min_span):
    """The extent of a map ``width`` by ``height`` mm that shows the boxes with ``pad`` mm around them.

    The boxes' bounding box is centred and scaled to fit inside the map less the padding on each side,
    and the map spans at least ``min_span`` metres across its shorter side, so a single small hotspot
    still shows its streets.

    Parameters
    ----------
    boxes : sequence of (xmin, ymin, xmax, ymax)
        At least one box, in metres.
    width, height : float
        The map's size in mm; each more than twice ``pad``.
    pad : float
        Margin in mm between the boxes and the map's edge.
    min_span : float
        The least distance in metres across the map's shorter side.

    Returns
    -------
    tuple of float
        ``(xmin, ymin, xmax, ymax)`` of the map, in metres; its sides are in the ratio of
        ``width`` to ``height``.

    Examples
    --------
    >>> padded_extent([(0, 0, 100, 50)], 120, 60, 10, 10)
    (-25.0, -12.5, 125.0, 62.5)
    """
    xmin, ymin = min(box[0] for box in boxes), min(box[1] for box in boxes)
    xmax, ymax = max(box[2] for box in boxes), max(box[3] for box in boxes)
    per_mm = max((xmax - xmin) / (width - 2 * pad), (ymax - ymin) / (height - 2 * pad), min_span / min(width, height))
    centre_x, centre_y = (xmin + xmax) / 2, (ymin + ymax) / 2
    return (centre_x - width * per_mm / 2, centre_y - height * per_mm / 2,
            centre_x + width * per_mm / 2, centre_y + height * per_mm / 2)


def crowded_clusters(x, y, limit):
    """Groups of points linked by distances under ``limit`` (single linkage); lone points are left out.

    Parameters
    ----------
    x, y : array_like of float
        The points (e.g. hotspot centres in map order).
    limit : float
        Two points closer than this are in one group.

    Returns
    -------
    list of list of int
        Each group's point indices in increasing order; the biggest group first, groups of one size
        in the order of their first point.

    Examples
    --------
    >>> crowded_clusters([0, 1, 10, 30, 11.5, 12.5], [0, 0, 0, 0, 0, 0], 2)
    [[2, 4, 5], [0, 1]]
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.size < 2:
        return []
    dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
    _, labels = csgraph.connected_components(np.sqrt(dx * dx + dy * dy) < limit, directed=False)
    groups = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, []).append(index)
    crowded = [members for members in groups.values() if len(members) > 1]
    return sorted(crowded, key=lambda members: (-len(members), members[0]))
