"""Groups of crime types evaluated separately: ``violent=Robbery,Violence;street=Bicycle theft``.

:func:`parse_groups` reads the groups as a user writes them; :func:`group_members`
says which crimes belong to each, and which of the types asked for no crime has
(usually a typing error).
"""

import re

import numpy as np

from .errors import InputError

ALL = "all"  # the one group of every crime, without groups
GROUP_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def parse_groups(text, setting="groups", reserved_names=(), reserved_prefix=None):
    """``violent=A,B;street=C`` as ``{group: set of crime types}``, in the order written.

    Parameters
    ----------
    text : str or None
        Groups separated by ``;``, each a name, ``=`` and its crime types
        separated by ``,``; spaces around names and types are ignored, and
        empty text means no groups.
    setting : str
        The argument the groups are for (``"groups"`` of :func:`group_members`), named by the
        :class:`~.errors.InputError`.
    reserved_names : sequence of str
        Names a group may not take (e.g. the output columns it would clash
        with, since each group names one).
    reserved_prefix : str, optional
        A prefix no group name may start with.

    Returns
    -------
    dict of str to set of str

    Raises
    ------
    InputError
        For a part without a name made of letters, digits and _ (starting
        with a letter), without ``=`` or without a crime type; and for a
        name given twice, reserved or starting with the reserved prefix.

    Examples
    --------
    >>> groups = parse_groups("violent = Robbery, Violence ; street=Bicycle theft")
    >>> {group: sorted(types) for group, types in groups.items()}
    {'violent': ['Robbery', 'Violence'], 'street': ['Bicycle theft']}
    """
    groups = {}
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        group, _, categories = part.partition("=")
        group = group.strip()
        members = {c.strip() for c in categories.split(",") if c.strip()}
        if not GROUP_NAME.match(group) or not members:
            raise InputError(
                "Crime groups must read like 'violent=Violence and sexual offences,Robbery;street=Bicycle theft': "
                "a group name (letters, digits, _; it names the output field) then '=' and its categories. Cannot "
                f"read '{part.strip()}'.", setting=setting)
        clashes = group in reserved_names or (reserved_prefix is not None and group.startswith(reserved_prefix))
        if group in groups or clashes:
            reserved = ", ".join(list(reserved_names) + ([f"{reserved_prefix}…"] if reserved_prefix else []))
            raise InputError(f"The group name '{group}' is used twice, or clashes with an output column "
                             f"({reserved}); rename the group.", setting=setting)
        groups[group] = members
    return groups


def group_members(groups, categories, n_crimes):
    """Which crimes belong to each group, and the crime types asked for that no crime has.

    Parameters
    ----------
    groups : dict of str to set of str
        As :func:`parse_groups` returns them; empty for one group, :data:`ALL`.
    categories : array_like or None
        Each crime's type (None for a missing one); may be None without groups.
    n_crimes : int
        The number of crimes.

    Returns
    -------
    members : dict of str to ndarray of bool
        ``{group: True for each of its crimes}``, in the order of ``groups``;
        ``{"all": every crime}`` without groups.
    absent : dict of str to list of str
        ``{group: its types that no crime has, sorted}``, for the groups that
        have such types only.

    Raises
    ------
    InputError
        When there are groups but no categories, or not one per crime.

    Examples
    --------
    >>> members, absent = group_members({"violent": {"Robbery", "Arson"}}, ["Robbery", None, "Theft"], 3)
    >>> members["violent"].tolist(), absent
    ([True, False, False], {'violent': ['Arson']})
    """
    if not groups:
        return {ALL: np.ones(n_crimes, dtype=bool)}, {}
    if categories is None or len(categories) != n_crimes:
        raise InputError(f"Crime groups need each of the {n_crimes} crimes' type: give the field with the crime "
                         "type.")
    categories = np.array(["" if c is None else str(c) for c in categories], dtype=object)
    present = set(categories.tolist())
    members, absent = {}, {}
    for group, wanted in groups.items():
        missing = sorted(wanted - present)
        if missing:
            absent[group] = missing
        members[group] = np.isin(categories, list(wanted))
    return members, absent
