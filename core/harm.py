"""Crime harm from a table of harm weights by crime category (e.g. the Cambridge Crime Harm Index's
days of imprisonment per crime type), read from a CSV file and applied to crimes.

References
----------
Sherman, L. W., Neyroud, P. and Neyroud, E. (2016). The Cambridge Crime Harm
    Index: measuring total harm from crime based on sentencing guidelines.
    Policing 10(3), 171-183.
"""

import csv

import numpy as np

from .errors import InputError


def read_harm_weights(path):
    """The harm weight of each crime category, from a CSV file.

    The file has a header line naming the columns ``category`` and ``weight``
    (others are ignored; names and values are stripped of spaces). Lines
    starting with ``#`` (after any spaces) are comments and blank lines are
    skipped; a category given twice keeps its last weight.

    Parameters
    ----------
    path : str
        The CSV file (UTF-8, with or without a byte-order mark).

    Returns
    -------
    dict of str to float
        ``{category: weight}``.

    Raises
    ------
    InputError
        When the file cannot be read or is not UTF-8 CSV, has no ``category``
        and ``weight`` columns, or a weight is not a finite number of 0 or
        more. Rows are numbered from the header (row 1), comments and blank
        lines left out.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as handle:
    ...     _ = handle.write("# days\\ncategory,weight\\nRobbery,365\\n\\nBurglary,60\\nRobbery,400\\n")
    >>> read_harm_weights(handle.name)
    {'Robbery': 400.0, 'Burglary': 60.0}
    >>> os.remove(handle.name)
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    except OSError as error:
        raise InputError(f"Cannot read the harm table {path}: {error}") from None
    except UnicodeDecodeError:
        raise InputError(f"The harm table {path} is not UTF-8 text: save it as CSV UTF-8.") from None
    reader = csv.DictReader(lines)
    try:
        if not reader.fieldnames or not {name.strip() for name in reader.fieldnames} >= {"category", "weight"}:
            raise InputError(f"The harm table {path} needs a header line with the columns 'category' and 'weight'.")
        return dict(_weights(reader, path))
    except csv.Error as error:
        raise InputError(f"The harm table {path} is not a CSV file that can be read ({error}).") from None


def _weights(reader, path):
    """``(category, weight)`` of each row of ``reader``, refusing a weight that is not a harm."""
    for row_number, row in enumerate(reader, start=2):
        row = {name.strip(): (value or "").strip() for name, value in row.items() if name}
        try:
            weight = float(row["weight"])
        except ValueError:
            raise InputError(f"The harm table {path}, row {row_number}: '{row['weight']}' is not a number.") from None
        if not np.isfinite(weight) or weight < 0:
            raise InputError(
                f"The harm table {path}, row {row_number}: {row['category']} has the weight '{row['weight']}', "
                "but a harm weight must be a finite number of 0 or more (negative harm would take crime away from "
                "a cell). Correct the table.")
        yield row["category"], weight


def crime_harm(categories, weights):
    """Each crime's harm: the weight of its category.

    Categories are compared stripped of spaces; a missing category (None) is
    the empty category.

    Parameters
    ----------
    categories : array_like
        Each crime's category.
    weights : dict of str to float
        Harm per category (:func:`read_harm_weights`).

    Returns
    -------
    known : ndarray of bool
        True for the crimes whose category is in ``weights``.
    harm : ndarray of float
        The harm of each known crime, in order.
    unknown : list of str
        The categories not in ``weights``, sorted, each once.

    Examples
    --------
    >>> known, harm, unknown = crime_harm(["Robbery", " Drugs ", None, "Arson"], {"Robbery": 365.0, "Drugs": 3.0})
    >>> known.tolist(), harm.tolist(), unknown
    ([True, True, False, False], [365.0, 3.0], ['', 'Arson'])
    """
    names = np.array(["" if category is None else str(category).strip()
                      for category in np.asarray(categories, dtype=object).tolist()])
    known = np.isin(names, list(weights))
    harm = np.array([weights[name] for name in names[known].tolist()], dtype=float)
    return known, harm, sorted(set(names[~known].tolist()))
