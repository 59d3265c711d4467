"""Did crime move to the streets around the hotspots?  The weighted displacement quotient.

Crimes are counted in the target area (the hotspots), a buffer around it (the
rings) and a control area, before and during the patrols
(:func:`displacement_by_group`), and the counts are set against each other by
Bowers & Johnson's (2003) weighted displacement quotient
(:func:`weighted_displacement_quotient`).

References
----------
Bowers, K. J. and Johnson, S. D. (2003). Measuring the geographical
    displacement and diffusion of benefit effects of crime prevention
    activity. Journal of Quantitative Criminology 19(3), 275-301.
"""

import math
from dataclasses import dataclass

import numpy as np

from .errors import InputError
from .poisson_rates import single_number


@dataclass(frozen=True)
class DisplacementResult:
    """Bowers & Johnson's (2003) displacement measures.

    Attributes
    ----------
    success_measure : float
        ``Ra/Ca - Rb/Cb``: negative when crime fell in the target area relative
        to the control area.
    buffer_measure : float
        ``Da/Ca - Db/Cb``: the same for the buffer area (positive: crime rose
        there relative to control).
    wdq : float
        Weighted displacement quotient ``buffer_measure / success_measure``;
        NaN when ``success_measure >= 0`` (no relative reduction in the target
        area, so nothing to be displaced or diffused).
    reading : str
        A plain-English sentence saying what the numbers mean.
    """

    success_measure: float
    buffer_measure: float
    wdq: float
    reading: str


def displacement_by_group(members, before, after, in_target, in_buffer, in_control):
    """Each group's crimes in the three areas before and during the patrols, and their WDQ.

    Parameters
    ----------
    members : dict of str to array_like of bool
        ``{group: True for each crime of the group}``, in the order wanted.
    before, after : array_like of bool
        True for each crime of the period before the patrols, and of the
        period of the patrols.
    in_target, in_buffer, in_control : array_like of bool
        True for each crime in the target area (the hotspots), in the buffer
        around it (the rings) and in the control area.  A crime should be in
        one of them at most.

    Returns
    -------
    list of (str, tuple of int, DisplacementResult)
        Per group: its name, the counts ``(target_before, target_after,
        buffer_before, buffer_after, control_before, control_after)`` and
        :func:`weighted_displacement_quotient` of them.

    Raises
    ------
    InputError
        When the arrays are not one value per crime, or a group has no
        crime in the control area in one of the periods.

    Examples
    --------
    >>> yes, no = True, False
    >>> [(group, counts)] = [row[:2] for row in displacement_by_group(
    ...     {"all": [yes, yes, yes, yes]}, before=[yes, no, yes, no], after=[no, yes, no, yes],
    ...     in_target=[yes, yes, no, no], in_buffer=[no, no, no, no], in_control=[no, no, yes, yes])]
    >>> group, counts
    ('all', (1, 1, 0, 0, 1, 1))
    """
    masks = [np.asarray(mask, dtype=bool) for mask in (before, after, in_target, in_buffer, in_control)]
    groups = {group: np.asarray(member, dtype=bool) for group, member in members.items()}
    sizes = {mask.shape for mask in masks + list(groups.values())}
    if len(sizes) > 1:
        raise InputError(f"The group, period and area masks must have one value per crime (got shapes "
                         f"{sorted(sizes)}).")
    before, after, in_target, in_buffer, in_control = masks
    rows = []
    for group, member in groups.items():
        counts = tuple(int(np.count_nonzero(member & period & area))
                       for area in (in_target, in_buffer, in_control) for period in (before, after))
        rows.append((group, counts, weighted_displacement_quotient(*counts)))
    return rows


def weighted_displacement_quotient(target_before, target_after, buffer_before, buffer_after,
                                   control_before, control_after):
    """Bowers & Johnson's (2003) weighted displacement quotient (WDQ).

    With crimes R in the target (patrolled) area, D in a buffer around it and
    C in a control area, each counted before (b) and after (a) the scheme
    started::

        success_measure = Ra/Ca - Rb/Cb
        buffer_measure  = Da/Ca - Db/Cb
        WDQ             = buffer_measure / success_measure

    A negative success measure means crime fell in the target area relative
    to the control area.  Then WDQ > 0 means a diffusion of benefit into the
    buffer (WDQ > 1: greater than the direct effect), WDQ < 0 displacement
    into it (-1 < WDQ < 0: smaller than the direct benefit; WDQ < -1:
    greater, the scheme may have been counter-productive) and WDQ = 0
    neither.  With a success measure of 0 or more there was no relative
    reduction to be displaced and the WDQ is not interpretable (NaN here).

    Because every count is divided by the control count of the same period,
    the before and after periods need not be equally long, but all three
    areas must be counted over the same periods.

    Parameters
    ----------
    target_before, target_after, buffer_before, buffer_after, control_before, control_after : float
        Crime counts (0 or more); both control counts must be positive.

    Returns
    -------
    DisplacementResult

    Raises
    ------
    InputError
        On negative or missing counts, or a control count of 0.

    Examples
    --------
    >>> result = weighted_displacement_quotient(10, 4, 6, 3, 20, 25)
    >>> round(result.success_measure, 2), round(result.buffer_measure, 2), round(result.wdq, 4)
    (-0.34, -0.18, 0.5294)
    """
    values = {"target_before": target_before, "target_after": target_after,
              "buffer_before": buffer_before, "buffer_after": buffer_after,
              "control_before": control_before, "control_after": control_after}
    for name, value in values.items():
        number = single_number(value, name)
        if not math.isfinite(number) or number < 0:
            raise InputError(f"{name} must be a crime count of 0 or more, not {value!r}.")
        values[name] = number
    for name, period in (("control_before", "before"), ("control_after", "after")):
        if values[name] == 0:
            raise InputError(f"{name} is 0: the control area had no crimes in the {period} period, so the "
                             "target and buffer counts cannot be set against it. Use a larger control area "
                             "or longer before/after periods.")
    rb, ra = values["target_before"], values["target_after"]
    db, da = values["buffer_before"], values["buffer_after"]
    cb, ca = values["control_before"], values["control_after"]
    success = ra / ca - rb / cb
    buffer = da / ca - db / cb
    wdq = buffer / success if success < 0 else math.nan
    return DisplacementResult(success_measure=success, buffer_measure=buffer, wdq=wdq,
                              reading=_wdq_reading(success, wdq))


def _wdq_reading(success, wdq):
    if success >= 0:
        return (f"Crime did not fall in the target area relative to the control area (success measure "
                f"{success:+.3g}), so there is no reduction that could have been displaced or spread: "
                "the WDQ is not interpretable.")
    start = f"Crime fell in the target area relative to the control area (success measure {success:+.3g}); "
    if math.isclose(wdq, 0.0, abs_tol=1e-9):
        return (start + "the buffer area did not change relative to control: no displacement and no diffusion "
                "of benefit (WDQ 0).")
    if wdq > 0:
        size = ("greater than" if wdq > 1 + 1e-9 else
                "as large as" if math.isclose(wdq, 1.0, rel_tol=1e-9) else "smaller than")
        return (start + f"crime also fell in the buffer area: a diffusion of benefit, {size} the direct effect "
                f"(WDQ {wdq:.3g}).")
    if math.isclose(wdq, -1.0, rel_tol=1e-9):
        return (start + "crime rose in the buffer area by as much: displacement that cancels the direct "
                f"benefit (WDQ {wdq:.3g}).")
    if wdq < -1:
        return (start + "crime rose more in the buffer area: displacement greater than the direct benefit, "
                f"so the patrols may have been counter-productive (WDQ {wdq:.3g}).")
    return (start + "crime rose in the buffer area: some displacement, smaller than the direct benefit, "
            f"so a net reduction remains (WDQ {wdq:.3g}).")
