"""What a patrol plan's outputs and log say about its visits: the CSV table, the route of each
unit on each day, the patrol minutes per hotspot or unit, and the visits dropped by reason.

Visits and dropped visits are the dicts of :func:`core.schedule.plan_patrols`.
"""

import csv
import io

from .safe_text import csv_safe_text

CSV_COLUMNS = ("visit_id", "hotspot_id", "rank", "unit", "date", "weekday", "start_local", "end_local", "minutes",
               "risk", "x", "y", "latitude", "longitude")


def visits_csv(visits, places):
    """The visits as CSV text, a row per visit under a header of :data:`CSV_COLUMNS`.

    Text cells are safe in a spreadsheet (:func:`core.safe_text.csv_safe_text`); numbers are written
    as numbers: ``risk`` to 3 decimals (empty when None), ``x`` and ``y`` to 0.1 m, ``latitude`` and
    ``longitude`` to 6 decimals. Times are ISO 8601 to the minute, with their UTC offset.

    Parameters
    ----------
    visits : list of dict
        Planned visits.
    places : dict
        ``{hotspot_id: (x, y, latitude, longitude)}`` of every hotspot visited.

    Returns
    -------
    str
        Lines end with CR LF, as Python's csv module writes them.
    """
    handle = io.StringIO()
    writer = csv.writer(handle)
    writer.writerow(CSV_COLUMNS)
    for visit in visits:
        x, y, latitude, longitude = places[visit["hotspot_id"]]
        text = [csv_safe_text(str(value)) for value in (
            visit["hotspot_id"], visit["date"].isoformat(), visit["weekday"],
            visit["start"].isoformat(timespec="minutes"), visit["end"].isoformat(timespec="minutes"))]
        writer.writerow([visit["visit_id"], text[0], visit["rank"], visit["unit"], *text[1:], visit["minutes"],
                         "" if visit["risk"] is None else f"{visit['risk']:.3f}", f"{x:.1f}", f"{y:.1f}",
                         f"{latitude:.6f}", f"{longitude:.6f}"])
    return handle.getvalue()


def routes(visits):
    """Each unit's visits on each patrol day, in order of start.

    Returns
    -------
    list of (unit, date, list of dict)
        Sorted by unit, then date.
    """
    by_unit_day = {}
    for visit in visits:
        by_unit_day.setdefault((visit["unit"], visit["date"]), []).append(visit)
    return [(unit, day, sorted(stops, key=lambda visit: visit["start"]))
            for (unit, day), stops in sorted(by_unit_day.items(), key=lambda item: item[0])]


def minutes_by(visits, key):
    """Patrol minutes per value of ``key`` (e.g. ``"hotspot_id"`` or ``"unit"``).

    Returns
    -------
    dict
        ``{value: minutes}``, in the order the values first occur among the visits.

    Examples
    --------
    >>> minutes_by([{"unit": 2, "minutes": 15}, {"unit": 1, "minutes": 15}, {"unit": 2, "minutes": 10}], "unit")
    {2: 25, 1: 15}
    """
    minutes = {}
    for visit in visits:
        minutes[visit[key]] = minutes.get(visit[key], 0) + visit["minutes"]
    return minutes


def dropped_by_reason(dropped):
    """The dropped visits by reason: how many, and at which hotspots.

    Returns
    -------
    dict
        ``{reason: (visits dropped, hotspot ids as text, distinct and sorted)}``, in the order the
        reasons first occur.

    Examples
    --------
    >>> dropped_by_reason([{"reason": "capacity", "hotspot_id": 7}, {"reason": "capacity", "hotspot_id": 3},
    ...                    {"reason": "capacity", "hotspot_id": 7}])
    {'capacity': (3, ['3', '7'])}
    """
    hotspots = {}
    for drop in dropped:
        hotspots.setdefault(drop["reason"], []).append(str(drop["hotspot_id"]))
    return {reason: (len(ids), sorted(set(ids))) for reason, ids in hotspots.items()}
