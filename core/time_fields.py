"""Which of a layer's fields hold each crime's time, and what those times can say.

Exports spell a crime's time in many ways: data.police.uk a text month
(``month`` = ``"2018-07"``), Chicago one text date-time (``date``), NYC a
date and a separate time of day (``OCCUR_DATE`` and ``OCCUR_TIME``).  Given
the fields' names, kinds and a sample of their values, :func:`choose_time_field`
proposes the field, or the date and time fields joined as QGIS joins them
(``"OCCUR_DATE" || ' ' || "OCCUR_TIME"``), that tells the most, and the
resolution (:mod:`.time_resolution`) the proposal gives.

Examples
--------
>>> choice = choose_time_field([("month", "text")], {"month": ["2018-07", "2018-08"]})
>>> choice.expression, choice.resolution.resolution
('"month"', 'month')
"""

import datetime
import re
from dataclasses import dataclass

import numpy as np

from .time_resolution import RESOLUTIONS, Resolution, time_resolution
from .timeparse import parse_times

#: The kinds of field :func:`choose_time_field` tells apart; any other kind is never a time.
FIELD_KINDS = ("datetime", "date", "time", "text")
#: A field is a column of dates when at least this share of its present sampled values reads as a time.
READABLE_SHARE = 0.9
# Names that say when the crime happened rank first; names of bookkeeping times (updated_on, RPT_DT,
# CMPLNT_TO_DT) last, whatever their resolution.
_WHEN_WORDS = {"occur", "occurred", "occurrence", "date", "datetime", "time", "month", "from", "fr", "start",
               "begin", "committed", "incident", "offence", "offense", "crime"}
_BOOKKEEPING_WORDS = {"updated", "update", "modified", "created", "reported", "report", "rpt", "to", "end",
                      "until", "entered", "entry", "closed", "cleared", "loaded", "year"}
_TIME_OF_DAY = re.compile(r"^\s*\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?(\s*[AaPp]\.?[Mm]\.?)?\s*$")


@dataclass(frozen=True)
class TimeFieldChoice:
    """A proposed time expression and what it can say.

    ``expression`` is a QGIS expression (a quoted field, or a date and a time
    field joined), "" when no field holds readable times; ``resolution`` is
    its :class:`~.time_resolution.Resolution` on the sample (resolution None
    without an expression).
    """

    expression: str
    resolution: Resolution


def quoted(name):
    """``name`` as a QGIS expression's field reference."""
    return '"{}"'.format(name.replace('"', '""'))


def joined_expression(date_field, time_field):
    """The expression that joins a date field and a time-of-day field, as the TIME parameters describe."""
    return f"{quoted(date_field)} || ' ' || {quoted(time_field)}"


def _words(name):
    return set(re.split(r"[^a-z0-9]+", name.lower()))


def _name_rank(name):
    """Higher for a name that says when the crime happened, lower for a bookkeeping time."""
    words = _words(name)
    return bool(words & _WHEN_WORDS) - 2 * bool(words & _BOOKKEEPING_WORDS)


def _as_text(value):
    """A sampled value as QGIS's ``||`` writes it: dates ISO, times ``HH:mm:ss.zzz``."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S.") + f"{value.microsecond // 1000:03d}"
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _present(values):
    return [v for v in values if _as_text(v) not in (None, "")]


def sample_resolution(values):
    """What a sample of a column's values can say about when crimes happened.

    Parameters
    ----------
    values : sequence
        Python values (``datetime.date``, ``datetime.datetime``, ``str``,
        None, ...).

    Returns
    -------
    Resolution
        Of the readable values (:func:`~.time_resolution.time_resolution`);
        resolution None when fewer than :data:`READABLE_SHARE` of the present
        values read as times, or none is present.
    """
    present = _present(values)
    if not present:
        return Resolution(None, "no value")
    times, _, unreadable = parse_times(np.array(present, dtype=object))
    if np.count_nonzero(~unreadable) < READABLE_SHARE * len(present):
        return Resolution(None, "values that do not read as times")
    known = ~unreadable
    return time_resolution(times[known], np.array(present, dtype=object)[known])


def _is_time_of_day(kind, values):
    present = _present(values)
    if kind == "time":
        return bool(present)
    texts = [v for v in present if isinstance(v, str)]
    return bool(texts) and len(texts) == len(present) and sum(
        bool(_TIME_OF_DAY.match(v)) for v in texts) >= READABLE_SHARE * len(texts)


def _shared_prefix(first, second):
    length = 0
    for a, b in zip(first.lower(), second.lower()):
        if a != b:
            break
        length += 1
    return length


def choose_time_field(fields, samples):
    """The field (or date and time fields joined) that tells most about when each crime happened.

    Parameters
    ----------
    fields : sequence of (str, str)
        Each field's name and kind, one of :data:`FIELD_KINDS` (any other
        kind, e.g. ``"number"``, is never a time), in the layer's order.
    samples : dict
        ``{name: values}``: a sample of each field's values, the same
        features for every field, as Python values (``datetime.date``,
        ``datetime.datetime``, ``datetime.time``, ``str``, None).

    Returns
    -------
    TimeFieldChoice

    Notes
    -----
    Candidates are the fields whose present sampled values read as times
    (at least :data:`READABLE_SHARE` of them), and each day-resolution field
    joined to a time-of-day field (a ``time`` field, or text such as
    ``13:30:00``).  The finest resolution wins (minute, then day, then
    month); among equals, a name that says when the crime happened (``date``,
    ``OCCUR_…``, ``month``) beats a bookkeeping one (``updated_on``,
    ``RPT_DT``, ``…_TO_…``), a time field sharing more of the date field's
    name (``CMPLNT_FR_DT`` with ``CMPLNT_FR_TM``) wins, then the earlier field.
    """
    readable = []
    times_of_day = []
    for order, (name, kind) in enumerate(fields):
        if kind not in FIELD_KINDS:
            continue
        values = list(samples.get(name, ()))
        if _is_time_of_day(kind, values):
            times_of_day.append(name)
            continue
        found = sample_resolution(values)
        if found.resolution is not None:
            readable.append((order, name, found))
    candidates = []
    for order, name, found in readable:
        candidates.append(((RESOLUTIONS.index(found.resolution), _name_rank(name), 0, -order),
                           TimeFieldChoice(quoted(name), found)))
        if found.has_time_of_day:
            continue
        for time_name in times_of_day:
            pairs = list(zip(samples[name], samples[time_name]))
            joined = [None if _as_text(d) in (None, "") or _as_text(t) in (None, "") else
                      f"{_as_text(d)} {_as_text(t)}" for d, t in pairs]
            with_time = sample_resolution(joined)
            if with_time.resolution is not None:
                candidates.append(((RESOLUTIONS.index(with_time.resolution), _name_rank(name),
                                    _shared_prefix(name, time_name), -order),
                                   TimeFieldChoice(joined_expression(name, time_name), with_time)))
    if not candidates:
        return TimeFieldChoice("", Resolution(None, "no field holds readable dates"))
    return max(candidates, key=lambda candidate: candidate[0])[1]
