"""What a patrol plan's outputs and log say about its visits: the CSV table, the route of each
unit on each day, the patrol minutes per hotspot or unit, and the visits dropped by reason and rank.

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
    """The dropped visits by reason: how many, and the ranks of their hotspots.

    Returns
    -------
    dict
        ``{reason: (visits dropped, the hotspots' ranks, distinct and in numeric order)}``, in the order
        the reasons first occur.

    Examples
    --------
    >>> dropped_by_reason([{"reason": "capacity", "rank": 10}, {"reason": "capacity", "rank": 2},
    ...                    {"reason": "capacity", "rank": 10}])
    {'capacity': (3, [2, 10])}
    """
    ranks = {}
    for drop in dropped:
        ranks.setdefault(drop["reason"], []).append(drop["rank"])
    return {reason: (len(reason_ranks), sorted(set(reason_ranks))) for reason, reason_ranks in ranks.items()}


def rank_ranges(ranks):
    """Ranks in numeric order as text, each run of consecutive ranks as its first and last.

    Parameters
    ----------
    ranks : iterable of int

    Returns
    -------
    str
        Runs joined by ", ", a run of two or more ranks written with an en dash.

    Examples
    --------
    >>> rank_ranges([20, 3, 11, 12, 13, 5, 4, 1, 14, 15, 16, 17, 18, 19])
    '1, 3–5, 11–20'
    """
    runs = []
    for rank in sorted(set(ranks)):
        if runs and rank == runs[-1][1] + 1:
            runs[-1][1] = rank
        else:
            runs.append([rank, rank])
    return ", ".join(str(first) if first == last else f"{first}\u2013{last}" for first, last in runs)
