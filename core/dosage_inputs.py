"""GPS trails and patrol plans as the arrays :mod:`core.dosage` works on.

:func:`core.dosage.find_stays` and :func:`core.dosage.compliance` take units
and hotspots as integer codes and times as UTC epoch seconds; these functions
make them from what a layer holds: unit names, datetime64 instants and
hotspot ids.
"""

import numpy as np

from .errors import InputError


def unit_codes(units):
    """Each ping's unit as a code into the sorted unit names.

    Parameters
    ----------
    units : sequence
        The unit of each ping (a vehicle, radio or call sign); None or any
        value, compared as text.  A missing unit (None) is the unit ``""``.

    Returns
    -------
    names : ndarray of str (object)
        The distinct units, sorted.
    codes : ndarray of int
        Per ping, the position of its unit in ``names``.

    Examples
    --------
    >>> names, codes = unit_codes(["car2", None, "car1", "car2"])
    >>> names.tolist(), codes.tolist()
    (['', 'car1', 'car2'], [2, 0, 1, 2])
    """
    text = np.array(["" if unit is None else str(unit) for unit in units], dtype=object)
    names, codes = np.unique(text, return_inverse=True)
    return names, codes.astype(np.int64)


def epoch_seconds(instants):
    """UTC instants as seconds since 1970-01-01T00:00Z, in float64 (whole seconds).

    Parameters
    ----------
    instants : array_like of datetime64
        UTC instants, of any datetime64 unit; finer units are truncated to
        the second.

    Returns
    -------
    ndarray of float

    Raises
    ------
    InputError
        For a missing instant (NaT), or values that are not datetime64.

    Examples
    --------
    >>> epoch_seconds(np.array(["1970-01-01T00:01:30"], dtype="datetime64[s]")).tolist()
    [90.0]
    """
    instants = np.asarray(instants)
    if instants.dtype.kind != "M":
        raise InputError(f"Times must be datetime64 instants, not {instants.dtype}.")
    if np.isnat(instants).any():
        raise InputError(f"{int(np.isnat(instants).sum())} time(s) are missing (NaT): drop them first.")
    return instants.astype("datetime64[s]").astype(np.int64).astype(float)


def hotspot_indices(names, hotspot_ids):
    """The position of each hotspot name among ``hotspot_ids``, -1 where it is not one of them.

    Parameters
    ----------
    names : sequence of str
        The hotspot each planned visit names.
    hotspot_ids : sequence of str
        The hotspots' ids, each once.

    Returns
    -------
    ndarray of int

    Raises
    ------
    InputError
        When an id occurs more than once in ``hotspot_ids``.

    Examples
    --------
    >>> hotspot_indices(["B", "Z", "A"], ["A", "B"]).tolist()
    [1, -1, 0]
    """
    position = {hotspot_id: k for k, hotspot_id in enumerate(hotspot_ids)}
    if len(position) < len(hotspot_ids):
        raise InputError("Each hotspot needs its own hotspot_id: an id occurs more than once.")
    return np.array([position.get(name, -1) for name in names], dtype=np.int64)
