"""Evaluate patrol effect's dosage table (OUTPUT_DOSAGE): the visits' minutes and the crimes' times of
day read into the terms of :mod:`core.dosage_response`, and its rows for a table."""

import numpy as np

from ..core import dosage_response
from ..core.time_calendar import utc_to_wall_clock
from .evaluation_report import dosage_caveat, dosage_findings
from .translate import tr

DOSAGE_FIELDS = (("measure", "text"), ("band", "text"), ("units", "double"), ("crimes", "int"), ("rate", "double"),
                 ("ci_low", "double"), ("ci_high", "double"), ("ratio_to_baseline", "double"))


def dosage_table(visits, crimes, in_hotspot, n_hotspots, period, zone, feedback):
    """The rows of :func:`core.dosage_response.dosage_response` for Evaluate patrol effect, logged with
    the caveat that they are observational; None with a warning when the visits carry no minutes or
    the crimes no times of day.

    ``visits`` is what :func:`read_visits` read from VISITS (its visits to the hotspots, with
    ``hotspot``, their indices, and ``minutes``), ``crimes`` the crime points with wall-clock times in
    ``zone`` and ``in_hotspot`` each crime's hotspot (-1: none); ``period`` is (first day, day after).
    """
    resolution = crimes.time_resolution
    if resolution is None or not resolution.has_time_of_day:
        feedback.pushWarning(tr(
            "No dosage table (OUTPUT_DOSAGE): crime after a visit is counted by the hour, so it needs crime times "
            "of day, and these crimes are known only to the {}. Give TIME the time of day to have it.").format(
                resolution.resolution if resolution is not None and resolution.resolution else tr("day")))
        return None
    minutes = visits.get("minutes")  # None when VISITS has no numeric minutes field
    if minutes is None:
        feedback.pushWarning(tr(
            "No dosage table (OUTPUT_DOSAGE): VISITS has no numeric 'minutes' field, the length of each visit, "
            "as 'Patrol dosage from GPS' (visits made) and 'Generate patrol plan' (visits planned) write it."))
        return None
    known = minutes >= 0  # False for NaN too
    if not known.all():
        feedback.pushWarning(tr("{} visits have no minutes, or negative ones; the dosage table leaves them "
                                "out.").format(int(np.count_nonzero(~known))))
    midnight = np.datetime64(period[0], "s")

    def seconds(times):
        return (times - midnight) / np.timedelta64(1, "s")

    rows = dosage_response.dosage_response(
        visits["hotspot"][known], seconds(visits["start"][known]),
        seconds(utc_to_wall_clock(visits["end_utc"][known], zone)), minutes[known], in_hotspot,
        seconds(crimes.time), n_hotspots, (period[1] - period[0]).days)
    for text in [dosage_caveat()] + dosage_findings(rows):
        feedback.pushInfo(text)
    return rows


def dosage_rows(rows):
    """OUTPUT_DOSAGE's rows, in the order of :data:`DOSAGE_FIELDS`."""
    return [[r.measure, r.band, r.units, r.crimes, r.rate, r.ci_low, r.ci_high, r.ratio_to_baseline] for r in rows]
