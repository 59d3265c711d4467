"""Aoristic analysis: hour-of-week profiles of crimes known only to lie in a time window.

A burglary reported on Monday morning happened at some time after the owner
left on Friday evening.  Aoristic analysis spreads each crime's weight over
the hours of its window in proportion to the time of the window in each hour
(Ratcliffe and McCullagh 1998; Ratcliffe 2002), so that a window of two hours
gives half a crime to each, and a crime with an exact time gives the whole
crime to its hour.  Hours are hours of the week, Monday 00:00-01:00 first, in
local wall-clock time, as :func:`hotspot_patrol.core.temporal.hour_of_week`
numbers them.

The proportions are exact to the second (times are taken to the second): a
window from 10:45 to 12:15 gives 1/6 of its weight to 10:00, 2/3 to 11:00 and
1/6 to 12:00.  Ratcliffe's weights give every hour a window touches an
equal share; the exact shares differ only in its first and last hour.

Windows are wall-clock times as written.  Without a time zone each wall-clock
second of a window counts alike.  With one, the window is measured in real
elapsed time: its ends are converted to UTC instants
(:func:`hotspot_patrol.core.timeparse.wall_clock_to_utc`) and every real
second is credited to the wall-clock hour it was in, so a window across the
spring-forward night holds no time in the skipped hour and one across the
autumn night holds both passes of the repeated hour.

Offsets change rarely.  In the IANA time zone database (2025b, every zone,
checked change by change) no two changes of a zone's UTC offset since 1900 lie
less than 95 hours apart (Africa/Freetown, 1939), and since 1970 none less than
167 hours apart: in Recife, Noronha and Boa Vista summer time began on
8 October 2000 and was called off a week later.  That is less than a week, but
a window holding both changes whose ends are wall-clock times (read at the
first pass of a repeated hour) lasts at least 168 real hours, and so is spread
evenly anyway.  Windows are cut at every change inside them all the same.

References
----------
Ratcliffe, J. H. and McCullagh, M. J. (1998). Aoristic crime analysis.
    International Journal of Geographical Information Science 12(7), 751-764.
Ratcliffe, J. H. (2002). Aoristic signatures and the spatio-temporal analysis
    of high volume crime patterns. Journal of Quantitative Criminology 18(1),
    23-43.

Examples
--------
A crime between Friday 22:30 and Saturday 00:30 (17 May 2024 is a Friday)
and one at Saturday 10:00 exactly:

>>> import numpy as np
>>> from hotspot_patrol.core import aoristic
>>> start = np.array(["2024-05-17T22:30", "2024-05-18T10:00"], dtype="datetime64[s]")
>>> end = np.array(["2024-05-18T00:30", "NaT"], dtype="datetime64[s]")
>>> counts, skipped = aoristic.hour_of_week_counts(start, end)
>>> counts[0, [118, 119, 120, 130]]  # Friday 22:00 and 23:00, Saturday 00:00 and 10:00
array([0.25, 0.5 , 0.25, 1.  ])
>>> aoristic.share_in_period(start, end, period_end=np.datetime64("2024-05-18T00:00"))
array([0.75, 0.  ])
"""

import datetime

import numpy as np

from .errors import InputError
from .temporal import HOURS_PER_WEEK, hour_of_week
from .timeparse import wall_clock_to_utc

_HOUR = 3600
_DAY = 86400
_WEEK = HOURS_PER_WEEK * _HOUR
_MONDAY = 4 * _DAY  # 1970-01-05, a Monday, in seconds since 1970
_EPOCH_UTC = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
_FIRST_SECOND = int(np.datetime64("0001-01-01T00:00:00", "s").astype(np.int64))
_LAST_SECOND = int(np.datetime64("9999-12-31T23:59:59", "s").astype(np.int64))

# What a crime's times make of it.
_NO_START, _POINT, _REVERSED, _WINDOW, _LONG = range(5)


def hour_of_week_counts(start, end=None, group=None, n_groups=1, weight=None, zone=None):
    """Crimes per hour of the week, each crime's weight spread over its time window.

    Parameters
    ----------
    start : array_like of datetime64, shape (n,)
        Wall-clock time each crime's window begins (the time of a crime with
        an exact time); a crime whose start is NaT is ignored.
    end : array_like of datetime64, shape (n,), optional
        Wall-clock time the window ends (excluded).  NaT, or equal to
        ``start``: the crime has no window and counts in the hour of its
        start.  Before ``start``: the crime is skipped and counted in
        ``skipped``.  Default: no crime has a window.
    group : array_like of int, shape (n,), optional
        Row of ``counts`` for each crime (a hotspot, say); a negative row
        leaves the crime out.  Default: every crime in row 0.
    n_groups : int
        Number of rows.
    weight : array_like of float, shape (n,), optional
        Weight of each crime, finite and 0 or more.  Default 1.
    zone : datetime.tzinfo, optional
        Measure windows in real elapsed time in this zone rather than by the
        wall clock (see the module notes).  A window whose end, as converted,
        is not after its start although its wall-clock end is -- possible
        only when an end lies in the hour skipped in spring, which no clock
        showed -- counts as a crime without a window.

    Returns
    -------
    counts : ndarray, shape (n_groups, 168)
        Weight per row and hour of the week.  A window of 168 hours or more
        (real hours when ``zone`` is given) gives 1/168 of its weight to
        every hour; any other gives each hour its share of the window's
        seconds.  Each row's total is the total weight of its crimes that
        are not skipped.
    skipped : int
        Crimes in a row, with a start, whose end is before their start.

    Raises
    ------
    InputError
        If the arrays are not one-dimensional and of one length, ``start``
        or ``end`` do not hold times, ``group`` is not integers below
        ``n_groups``, a weight is negative or not finite, or ``zone`` is not
        a ``datetime.tzinfo``.

    See Also
    --------
    window_lengths_hours : how long each window is, to report the long ones.

    Examples
    --------
    Two crimes in two hotspots; the second's window of 24 hours spreads a
    twenty-fourth of it over each hour of Tuesday (14 May 2024):

    >>> import numpy as np
    >>> start = np.array(["2024-05-13T08:10", "2024-05-14T00:00"], dtype="datetime64[s]")
    >>> end = np.array(["NaT", "2024-05-15T00:00"], dtype="datetime64[s]")
    >>> counts, skipped = hour_of_week_counts(start, end, group=np.array([0, 1]), n_groups=2)
    >>> print(counts[0, 8], np.allclose(counts[1, 24:48], 1 / 24), counts[1].sum(), skipped)
    1.0 True 1.0 0
    """
    if not isinstance(n_groups, (int, np.integer)) or isinstance(n_groups, bool) or n_groups < 1:
        raise InputError("n_groups must be a whole number, 1 or more.")
    n_groups = int(n_groups)
    start = _times(start, "start")
    n = start.size
    end = np.full(n, np.datetime64("NaT", "s")) if end is None else _times(end, "end", n)
    if group is None:
        rows = np.zeros(n, dtype=np.int64)
    else:
        rows = np.asarray(group)
        if rows.ndim != 1 or rows.size != n:
            raise InputError("group must have one row number per crime.")
        if rows.size and rows.dtype.kind not in "iu":
            raise InputError("group must hold whole row numbers.")
        rows = rows.astype(np.int64)
        if rows.size and rows.max() >= n_groups:
            raise InputError(f"group holds row {rows.max()}, but there are only {n_groups} rows.")
    if weight is None:
        weights = np.ones(n)
    else:
        try:
            weights = np.asarray(weight, dtype=float)
        except (TypeError, ValueError):
            raise InputError("weight must hold numbers.") from None
        if weights.ndim != 1 or weights.size != n:
            raise InputError("weight must have one number per crime.")
        if not np.all(np.isfinite(weights)) or np.any(weights < 0):
            raise InputError("Every weight must be a finite number, 0 or more.")
    _check_zone(zone)

    counted = rows >= 0
    start, end, rows, weights = start[counted], end[counted], rows[counted], weights[counted]
    kind, length, utc_start = _classify(start, end, zone)

    counts = np.zeros(n_groups * HOURS_PER_WEEK)
    point = kind == _POINT
    counts += np.bincount(rows[point] * HOURS_PER_WEEK + hour_of_week(start[point]), weights[point],
                          minlength=counts.size)
    counts = counts.reshape(n_groups, HOURS_PER_WEEK)
    long = kind == _LONG
    counts += np.bincount(rows[long], weights[long], minlength=n_groups)[:, None] / HOURS_PER_WEEK

    spread = kind == _WINDOW
    if spread.any():
        rate = weights[spread] / length[spread]
        if zone is None:
            pieces = rows[spread], start[spread].astype(np.int64), length[spread], rate
        else:
            pieces = _pieces_of_constant_offset(rows[spread], utc_start[spread], length[spread], rate, zone)
        counts += _spread(*pieces, n_groups)
    return np.maximum(counts, 0.0), int(np.count_nonzero(kind == _REVERSED))


def window_lengths_hours(start, end=None, zone=None):
    """How long each crime's window is, in hours: to report windows of a week or more.

    Parameters
    ----------
    start, end, zone
        As for :func:`hour_of_week_counts`.

    Returns
    -------
    ndarray of float, shape (n,)
        Wall-clock hours, or real hours when ``zone`` is given; 0 for a crime
        without a window; NaN where ``start`` is NaT or ``end`` is before
        ``start`` (crimes :func:`hour_of_week_counts` ignores or skips).  The
        windows it spreads evenly over the week are those of 168 hours or
        more.

    Examples
    --------
    >>> import numpy as np
    >>> start = np.array(["2024-05-13T08:00", "2024-05-13T08:00", "2024-05-13T08:00"], dtype="datetime64[s]")
    >>> end = np.array(["2024-05-13T09:30", "NaT", "2024-05-21T08:00"], dtype="datetime64[s]")
    >>> hours = window_lengths_hours(start, end)
    >>> hours.tolist(), int((hours >= 168).sum())
    ([1.5, 0.0, 192.0], 1)
    """
    start = _times(start, "start")
    end = np.full(start.size, np.datetime64("NaT", "s")) if end is None else _times(end, "end", start.size)
    _check_zone(zone)
    kind, length, _ = _classify(start, end, zone)
    hours = np.where(kind == _POINT, 0.0, length / _HOUR)
    hours[(kind == _NO_START) | (kind == _REVERSED)] = np.nan
    return hours


def share_in_period(start, end, period_start=None, period_end=None):
    """Share of each crime's window ``[start, end)`` that lies in the period ``[period_start, period_end)``.

    Parameters
    ----------
    start, end : array_like of datetime64, shape (n,)
        Wall-clock window of each crime, as for :func:`hour_of_week_counts`;
        ``end`` NaT (or None for all) or equal to ``start``: no window.
    period_start, period_end : datetime-like, optional
        The period, its end excluded; None leaves that side open.

    Returns
    -------
    ndarray of float, shape (n,)
        In [0, 1]: the window's share of seconds in the period; for a crime
        without a window 1 if ``period_start <= start < period_end`` and 0
        otherwise; NaN where ``start`` is NaT or ``end`` is before
        ``start``.  The arithmetic is by the wall clock, so across a change
        of the clocks the share can be off by up to an hour of the window:
        fine for deciding what belongs to a period.

    Raises
    ------
    InputError
        If the arrays are not one-dimensional and of one length or do not
        hold times, or ``period_end`` is before ``period_start``.

    Examples
    --------
    >>> import numpy as np
    >>> start = np.array(["2024-01-31T22:00", "2024-02-01T09:00"], dtype="datetime64[s]")
    >>> end = np.array(["2024-02-01T02:00", "NaT"], dtype="datetime64[s]")
    >>> share_in_period(start, end, period_start=np.datetime64("2024-02-01"))
    array([0.5, 1. ])
    """
    start = _times(start, "start")
    end = np.full(start.size, np.datetime64("NaT", "s")) if end is None else _times(end, "end", start.size)
    low = None if period_start is None else _bound(period_start, "period_start")
    high = None if period_end is None else _bound(period_end, "period_end")
    if low is not None and high is not None and high < low:
        raise InputError("The period ends before it starts.")
    kind, length, _ = _classify(start, end, None)
    share = np.full(start.size, np.nan)

    point = kind == _POINT
    seconds = start[point].astype(np.int64)
    inside = np.ones(seconds.size, dtype=bool)
    if low is not None:
        inside &= seconds >= low
    if high is not None:
        inside &= seconds < high
    share[point] = inside

    window = (kind == _WINDOW) | (kind == _LONG)
    first = start[window].astype(np.int64)
    last = first + length[window]
    if low is not None:
        first = np.maximum(first, low)
    if high is not None:
        last = np.minimum(last, high)
    share[window] = np.maximum(last - first, 0) / length[window]
    return share


# --- helpers --------------------------------------------------------------------------------------


def _times(values, name, size=None):
    """``values`` as a one-dimensional ``datetime64[s]`` array, or an InputError."""
    array = np.asarray(values)
    if array.ndim != 1:
        raise InputError(f"{name} must be a one-dimensional array of times.")
    if size is not None and array.size != size:
        raise InputError(f"{name} must have one time per crime: {array.size} times for {size} crimes.")
    if array.size == 0:
        return np.empty(0, dtype="datetime64[s]")
    if array.dtype.kind != "M":
        if array.dtype.kind in "biufc":
            raise InputError(f"{name} must hold times (datetime64), not numbers.")
        try:
            array = array.astype("datetime64[s]")
        except (TypeError, ValueError):
            raise InputError(f"{name} must hold times (datetime64).") from None
    return array.astype("datetime64[s]")


def _bound(value, name):
    """A period's bound as seconds since 1970 of its wall-clock time."""
    try:
        bound = np.datetime64(value, "s")
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a time.") from None
    if np.isnat(bound):
        raise InputError(f"{name} must be a time, not NaT: leave it None for an open period.")
    return int(bound.astype(np.int64))


def _check_zone(zone):
    if zone is not None and not isinstance(zone, datetime.tzinfo):
        raise InputError(f"zone must be a datetime.tzinfo such as zoneinfo.ZoneInfo, not {zone!r}.")


def _classify(start, end, zone):
    """What each crime is (``_NO_START`` ... ``_LONG``), its window's length in seconds, and its UTC start.

    Lengths are wall-clock seconds, or real seconds when ``zone`` is given; the
    UTC start (seconds since 1970) is filled for windows only, and only with a
    zone.
    """
    has_start = ~np.isnat(start)
    has_end = has_start & ~np.isnat(end)
    length = np.zeros(start.size, dtype=np.int64)
    length[has_end] = end[has_end].astype(np.int64) - start[has_end].astype(np.int64)
    kind = np.full(start.size, _POINT, dtype=np.int8)
    kind[~has_start] = _NO_START
    kind[length < 0] = _REVERSED
    window = length > 0
    utc_start = np.zeros(start.size, dtype=np.int64)
    if zone is not None and window.any():
        # One conversion for both ends, so that they share their offset look-ups.
        utc = wall_clock_to_utc(np.concatenate([start[window], end[window]]), zone).astype(np.int64)
        count = np.count_nonzero(window)
        utc_start[window] = utc[:count]
        length[window] = utc[count:] - utc[:count]
        window &= length > 0  # the rest had an end in the spring's skipped hour: crimes without a window
    kind[window] = _WINDOW
    kind[window & (length >= _WEEK)] = _LONG
    return kind, length, utc_start


def _spread(rows, local_start, length, rate, n_groups):
    """Counts, shape (n_groups, 168), of pieces ``[local_start, local_start + length)`` at ``rate`` per second.

    ``local_start`` is in wall-clock seconds since 1970 and ``0 < length <
    one week``.  Each piece covers its first hour in part, then whole hours,
    then its last hour in part.  On a line of two weeks (so that no piece
    wraps round), the parts are added where they fall and the whole hours as
    steps at their first and after their last hour, summed up afterwards.
    """
    span = 2 * HOURS_PER_WEEK
    size = n_groups * span
    begin = (local_start - _MONDAY) % _WEEK
    finish = begin + length
    first = begin // _HOUR
    last = (finish - 1) // _HOUR
    base = rows * span
    single = first == last
    head = np.where(single, length, (first + 1) * _HOUR - begin) * rate
    tail = np.where(single, 0, finish - last * _HOUR) * rate
    line = np.bincount(base + first, head, minlength=size) + np.bincount(base + last, tail, minlength=size)
    whole = last - first >= 2
    step = _HOUR * rate[whole]
    steps = (np.bincount(base[whole] + first[whole] + 1, step, minlength=size)
             - np.bincount(base[whole] + last[whole], step, minlength=size))
    line += np.cumsum(steps.reshape(n_groups, span), axis=1).ravel()
    return line.reshape(n_groups, 2, HOURS_PER_WEEK).sum(axis=1)


def _pieces_of_constant_offset(rows, utc_start, length, rate, zone):
    """Windows ``[utc_start, utc_start + length)`` cut where the UTC offset of ``zone`` changes.

    Returns ``(rows, local_start, length, rate)`` of the pieces, local starts
    in wall-clock seconds since 1970, for :func:`_spread`.
    """
    utc_end = utc_start + length
    points, offsets, changes, offsets_after = _offset_table(zone, utc_start)
    offset = offsets[np.searchsorted(points, utc_start, side="right") - 1]
    first = np.searchsorted(changes, utc_start, side="right")
    inside = np.searchsorted(changes, utc_end, side="left") - first  # changes strictly inside the window
    plain = inside == 0
    if plain.all():
        return rows, utc_start + offset, length, rate

    # The few windows across a change: one piece per stretch of constant offset.
    cut = np.flatnonzero(~plain)
    count = inside[cut] + 1
    window = np.repeat(np.arange(cut.size), count)
    piece = np.arange(window.size) - np.repeat(np.cumsum(count) - count, count)
    change = first[cut][window] + piece  # the change that ends the piece, if any
    is_first = piece == 0
    is_last = piece == inside[cut][window]
    begin = np.where(is_first, utc_start[cut][window], changes[np.maximum(change - 1, 0)])
    finish = np.where(is_last, utc_end[cut][window], changes[np.minimum(change, changes.size - 1)])
    piece_offset = np.where(is_first, offset[cut][window], offsets_after[np.maximum(change - 1, 0)])
    return (np.concatenate([rows[plain], rows[cut][window]]),
            np.concatenate([utc_start[plain] + offset[plain], begin + piece_offset]),
            np.concatenate([length[plain], finish - begin]),
            np.concatenate([rate[plain], rate[cut][window]]))


def _offset_table(zone, utc_start):
    """Where the UTC offset of ``zone`` is known and where it changes, around windows starting at ``utc_start``.

    The offset is looked up at the start of every UTC day from the day each
    window starts to 8 days later (windows split here are shorter than a
    week), and between two consecutive days with different offsets the
    instants of change are found to the second by bisection.  A change back
    and forth within one day would be missed; no zone has had one (see the
    module notes).

    Returns
    -------
    points, offsets : ndarray of int
        Sorted instants (seconds since 1970, UTC) and the offset in seconds
        from each to the next; every window lies after ``points[0]``.
    changes, offsets_after : ndarray of int
        Sorted instants at which the offset changes, and the offset from each.
    """
    def offset_at(second):
        # Two days inside the calendar of datetime, so that the local time is inside it too.
        second = min(max(second, _FIRST_SECOND + 2 * _DAY), _LAST_SECOND - 2 * _DAY)
        moment = _EPOCH_UTC + datetime.timedelta(seconds=second)
        return round(moment.astimezone(zone).utcoffset().total_seconds())

    days = np.unique(utc_start // _DAY)
    days = np.unique((days[:, None] + np.arange(9)).ravel()) * _DAY
    day_offsets = [offset_at(day) for day in days.tolist()]
    found = []

    def changes_between(low, high, offset_low, offset_high):
        if offset_low == offset_high:
            return
        if high - low == 1:
            found.append((high, offset_high))
            return
        middle = (low + high) // 2
        offset_middle = offset_at(middle)
        changes_between(low, middle, offset_low, offset_middle)
        changes_between(middle, high, offset_middle, offset_high)

    for i in range(days.size - 1):
        if days[i + 1] - days[i] == _DAY:
            changes_between(int(days[i]), int(days[i + 1]), day_offsets[i], day_offsets[i + 1])
    changes = np.array([second for second, _ in found], dtype=np.int64)
    offsets_after = np.array([offset for _, offset in found], dtype=np.int64)
    points = np.concatenate([days, changes])
    offsets = np.concatenate([np.array(day_offsets, dtype=np.int64), offsets_after])
    order = np.argsort(points, kind="stable")
    return points[order], offsets[order], changes, offsets_after
