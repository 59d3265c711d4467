"""Crime times: parsing the raw time columns, and keeping the crimes of a period.

The raw values (a field or an expression per crime) are read by
:mod:`core.timeparse`; the resolution the times can tell (month, day or
minute) decides which periods and analyses they can serve.
"""

import datetime
import re

import numpy as np
from qgis.core import QgsProcessingException

from ..core.aoristic import share_in_period
from ..core.time_resolution import MINUTE, period_bound_finer_than, time_resolution
from ..core.timeparse import SUPPORTED_FORMATS, in_period, read_times, utc_to_wall_clock
from .translate import tr


def with_parsed_times(points, feedback, zone, utc):
    """Parse the raw time columns and find the times' resolution; crimes with a null or unreadable
    time, an unreadable window end or a reversed window are skipped."""
    raw_time = points.time
    time, missing, unreadable, order = read_times(raw_time, zone, as_utc=utc)
    _warn_slash_order(feedback, order)
    _report_unreadable(feedback, raw_time, unreadable, "TIME")
    points.time = time
    known = ~(missing | unreadable)
    # Resolution is a property of the times as written: judge UTC instants on the wall clock.
    wall_clock = utc_to_wall_clock(time[known], zone) if utc else time[known]
    points.time_resolution = time_resolution(wall_clock, raw_time[known])
    feedback.pushInfo(tr("Crime times: {} resolution ({}).").format(
        points.time_resolution.resolution or tr("no"), points.time_resolution.rule))
    if points.time_end is None:
        return points.subset(known, "bad_time")  # one copy of a million crimes, not two
    raw_end = points.time_end
    points.time_end, _, bad_end, _ = read_times(raw_end, zone, as_utc=utc)
    _report_unreadable(feedback, raw_end, bad_end, "TIME_END")
    points = points.subset(known, "bad_time").subset(~bad_end[known], "bad_time_end")
    return points.subset(~(points.time_end < points.time), "reversed_window")


def _warn_slash_order(feedback, order):
    """Say how dates like 03/04/2024 were read when the column itself could not tell."""
    if order == "ambiguous":
        feedback.pushWarning(tr(
            "No slashed date in TIME has a day over 12, so the day/month order cannot be told from the data: "
            "they were read day first (dd/MM/yyyy), or month first when they carry AM/PM. If that is wrong, "
            "give the order in the expression, e.g. to_datetime(\"date\", 'MM/dd/yyyy HH:mm:ss')."))
    elif order == "inconsistent":
        feedback.pushWarning(tr(
            "TIME mixes day-first (25/01/2024) and month-first (01/25/2024) dates: they were read day first, "
            "and dates that cannot be read so are skipped. Check the export."))


def _report_unreadable(feedback, raw, unreadable, name):
    if np.any(unreadable):
        example = raw[np.flatnonzero(unreadable)[0]]
        hint = ""
        if isinstance(example, datetime.time) or (isinstance(example, str) and _GLUED_DATE_TIME.match(example)):
            hint = tr(" A time of day needs its date: join a date and a time field with || ' ' ||, e.g. "
                      "\"OCCUR_DATE\" || ' ' || \"OCCUR_TIME\".")
        feedback.reportError(tr(
            "{} crimes have a {} that cannot be read, e.g. '{}'; they are skipped.{} Readable forms: {}.").format(
                int(np.count_nonzero(unreadable)), name, example, hint, "; ".join(SUPPORTED_FORMATS)))


# A date and a time concatenated without a space, as "date" + "time" gives on text fields.
_GLUED_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}\d{1,2}:\d{2}")


def restrict_to_period(points, start, end, feedback):
    """Keep crimes with ``start <= time < end``; needs times when a bound is given.

    A bound finer than the times can say (START=2018-03-15 on monthly data) is refused. With
    windows (TIME_END), a crime counts when its window overlaps the period and its ``weight``
    becomes the share of its window inside it.
    """
    if start is None and end is None:
        return points
    if points.time is None:
        raise QgsProcessingException(tr(
            "START or END is set but there is no TIME: give the expression or field that holds "
            "each crime's date and time."))
    if start is not None and end is not None and start >= end:
        raise QgsProcessingException(tr(
            "START ({}) is not before END ({}). A crime counts when START <= time < END; "
            "swap them or widen the period.").format(start, end))
    resolution = points.time_resolution.resolution if points.time_resolution else None
    for name, bound in (("START", start), ("END", end)):
        if period_bound_finer_than(bound, resolution):
            raise QgsProcessingException(tr(
                "{} is {}, but the crimes' times are known only to the {} ({}). A period can only "
                "start and end where the data can tell crimes apart: set {} to {}, or use crimes "
                "with {}.").format(name, bound, resolution, points.time_resolution.rule, name,
                                   _coarse_bound(bound, resolution),
                                   tr("dates") if resolution == "month" else tr("times of day")))
    if points.time_end is None:
        points = points.subset(in_period(points.time, start, end), "outside_period")
    else:
        share = share_in_period(points.time, points.time_end, start, end)
        points = points.subset(share > 0, "outside_period")
        inside = share[share > 0]
        points.weight = inside if points.weight is None else points.weight * inside
    if points.skipped["outside_period"]:
        feedback.pushInfo(tr("{} crimes outside the period were left out.").format(
            points.skipped["outside_period"]))
    return points


def _coarse_bound(bound, resolution):
    """The start of the month or day holding ``bound``, as text for a message."""
    moment = np.datetime64(bound, "s").astype("datetime64[M]" if resolution == "month" else "datetime64[D]")
    return str(moment.astype("datetime64[D]"))


def require_resolution(points, needed, what):
    """Refuse crimes whose times are coarser than ``needed`` (month, day or minute) for ``what``."""
    found = points.time_resolution
    if found is not None and found.resolution is not None and not found.at_least(needed):
        fix = (tr("give TIME a field or expression with the time of day (a date and a separate time field "
                  "can be joined, e.g. \"OCCUR_DATE\" || ' ' || \"OCCUR_TIME\"), or TIME_END for crimes "
                  "known to a window") if needed == MINUTE else
               tr("use crimes recorded with their dates"))
        raise QgsProcessingException(tr(
            "{} needs crime times to the {}, but these are known only to the {} ({}): {}.").format(
                what, tr("time of day") if needed == MINUTE else needed, found.resolution, found.rule, fix))


def period_from_parameters(alg, parameters, context):
    """START and END as naive Python datetimes (wall-clock), or None when unset."""
    def value(name):
        qdt = alg.parameterAsDateTime(parameters, name, context)
        return qdt.toPyDateTime().replace(tzinfo=None) if qdt.isValid() else None
    return value("START"), value("END")
