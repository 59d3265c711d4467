"""Crime times shared by the algorithms: the TIME_END and MIDNIGHT_UNKNOWN parameters and their help,
and the hour-of-week counts and risk that the time profile and the patrol plan share."""

import numpy as np
from qgis.core import QgsProcessingException, QgsProcessingParameterBoolean, QgsProcessingParameterExpression

from ..core import temporal
from ..core.aoristic import hour_of_week_counts
from ..core.time_resolution import is_midnight, midnight_heaping
from .reader import PointIndex, assign_to_polygons
from .translate import tr

BANDWIDTH_HOURS = 2
PRIOR_CRIMES = 24.0

def add_time_end_parameter(algorithm, parent, help_text):
    """TIME_END: an optional expression for the end of each crime's time window, with ``help_text``
    saying what the window does in ``algorithm``."""
    algorithm.add(QgsProcessingParameterExpression(
        "TIME_END", tr("End of each crime's time window (optional)"), parentLayerParameterName=parent,
        optional=True), help_text)


def add_risk_time_end_parameter(algorithm, parent):
    """TIME_END for an hour-of-week risk profile: each crime's weight spread over its window's hours."""
    add_time_end_parameter(algorithm, parent, tr(
        "The end of each crime's time window, for crimes known only to lie between two times (a burglary between "
        "18:00 Friday and 09:00 Monday). Each crime's weight is spread over the hours of its window in proportion "
        "to the minutes of the window in each (aoristic analysis, Ratcliffe 2002); with TIMEZONE the minutes are "
        "real minutes, so a window across a clock change holds its true length. A window of 168 hours or more is "
        "spread evenly over the week; a null TIME_END means a known time; an end before its TIME skips the crime "
        "(counted in the log)."))


def add_midnight_parameter(algorithm):
    """MIDNIGHT_UNKNOWN: exact-midnight times are unknown times of day.  Optional, so that models
    saved before it existed still run."""
    algorithm.add(QgsProcessingParameterBoolean(
        "MIDNIGHT_UNKNOWN", tr("Times of exactly 00:00 mean 'time unknown'"), defaultValue=False,
        optional=True),
        tr("Treat times of exactly 00:00 as 'time unknown': those crimes still count for place and "
                     "day but not for the hour-of-week risk. Records systems often write an unknown time as "
                     "midnight; the log warns when 00:00 holds at least 3 times the mean of the other whole "
                     "hours' first minute (and at least 10 crimes)."))


def warn_midnight_heaping(points, midnight_unknown, feedback):
    """Log a warning when unknown times look written as 00:00, with the counts.  Times without a
    time of day are all at 00:00 by construction: that is their resolution, not heaping."""
    if not points.time_resolution.has_time_of_day:
        return
    heaping = midnight_heaping(points.time)
    if not heaping.heaped:
        return
    advice = (tr("they are left out of the hour-of-week risk (MIDNIGHT_UNKNOWN)") if midnight_unknown else
              tr("if they are unknown times, set MIDNIGHT_UNKNOWN so that they count for place and day but "
                 "not for the hour"))
    feedback.pushWarning(tr(
        "{} crimes are at exactly 00:00, against {:.1f} on average at the start of the other whole hours: "
        "unknown times are probably written as midnight; {}.").format(
            heaping.at_midnight, heaping.mean_other, advice))


def hotspot_hour_counts(points, hotspots, zone=None, midnight_unknown=False):
    """Crimes by hotspot and hour of the week, plus a last row for every crime of the area.

    Each crime counts in the first (highest-ranked) hotspot holding it.  Crimes with a window
    (``points.time_end``) are spread over its hours (aoristic); with ``midnight_unknown``,
    crimes at exactly 00:00 without a window count in no hour.

    Returns ``(counts, n_unknown)``: counts of shape (len(hotspots) + 1, 168), and the crimes
    left out of the hours as unknown midnights.
    """
    owner = assign_to_polygons(PointIndex(points.x, points.y), [h[2] for h in hotspots])
    end = points.time_end
    point_time = np.ones(len(points), dtype=bool) if end is None else (np.isnat(end) | (end == points.time))
    unknown = is_midnight(points.time) & point_time if midnight_unknown else np.zeros(len(points), dtype=bool)
    # One pass: a last row for the crimes outside every hotspot, so the area is the sum of all rows.
    row = np.where(owner < 0, len(hotspots), owner)
    row[unknown] = -1
    counts, _ = hour_of_week_counts(points.time, end, group=row, n_groups=len(hotspots) + 1,
                                    weight=points.weight, zone=zone)
    counts[-1] = counts.sum(axis=0)
    return counts, int(unknown.sum())


def hotspot_risk(points, hotspots, zone=None, midnight_unknown=False):
    """Crimes by hotspot and hour of the week, and the smoothed, shrunk risk.

    The area profile that sparse hotspots are shrunk towards is every crime in ``points`` (the
    whole area), not only those inside hotspots.  Refuses crimes without a time of day.
    """
    if not points.time_resolution.has_time_of_day:
        raise QgsProcessingException(tr(
            "The crimes carry no time of day: their times are known only to the {} ({}). An hour-of-week "
            "profile would put them all at midnight. Give TIME a field or expression with the time of day (a "
            "date and a separate time field can be joined, e.g. \"OCCUR_DATE\" || ' ' || \"OCCUR_TIME\"), or "
            "TIME_END for crimes known to a window.").format(
                points.time_resolution.resolution, points.time_resolution.rule))
    counts, _ = hotspot_hour_counts(points, hotspots, zone, midnight_unknown)
    # The area row makes the shared prior the area's smoothed profile.
    risk = temporal.risk_profiles(counts, BANDWIDTH_HOURS, PRIOR_CRIMES)
    return counts[:-1], risk[:-1]
