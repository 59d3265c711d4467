"""data.police.uk street-level crime files: finding those of the asked forces and months.

data.police.uk publishes, per police force and month, a CSV of street-level
crime named ``YYYY-MM-<force>-street.csv``; its archive and its custom
downloads put them in monthly folders ``YYYY-MM/`` inside a zip, beside the
same month's ``-outcomes.csv`` and ``-stop-and-search.csv`` files. This
module finds the street files in a folder (at any depth), a zip or a single
file (:class:`StreetSource`), picks those of the asked forces and months
(:meth:`StreetSource.select`) and opens them for :mod:`.policeuk` to read.
"""

import contextlib
import os
import re
import zipfile
from dataclasses import dataclass

from .errors import InputError

STREET_FILE = re.compile(r"(\d{4}-\d{2})-(.+)-street\.csv", re.IGNORECASE)
MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
FILE_PATTERN = "YYYY-MM-<force>-street.csv"


def parse_month(text, setting=None):
    """A month given as text, ``yyyy-MM``.

    Parameters
    ----------
    text : str or None
    setting : str, optional
        The argument the month is for (e.g. ``"start"`` of :func:`check_months`), named by the
        :class:`~.errors.InputError`.

    Returns
    -------
    str or None
        The month (surrounding spaces removed), or None for empty text.

    Raises
    ------
    InputError
        Naming the text and the expected form, for anything else.
    """
    text = (text or "").strip()
    if not text:
        return None
    if not MONTH.fullmatch(text):
        raise InputError(f"'{text}' is not a month written yyyy-MM, e.g. 2018-05 (a four-digit year, a dash and a "
                         "two-digit month 01 to 12).", setting=setting)
    return text


def check_months(start, end):
    """Refuse a first month after the last month (both ``yyyy-MM`` or None)."""
    if start is not None and end is not None and start > end:
        raise InputError(f"The first month asked for ({start}) is after the last ({end}). Both are inclusive: swap "
                         "them, or give the same month twice for one month.", setting=("start", "end"))


def parse_list(text):
    """Comma-separated text as a list of its non-empty items, spaces around them removed."""
    return [item.strip() for item in (text or "").split(",") if item.strip()]


def force_key(text):
    """A force as the file names write it: lower case, words joined by dashes ('West Yorkshire' ->
    'west-yorkshire')."""
    return "-".join(re.split(r"[\s_-]+", text.strip().lower()))


@dataclass(frozen=True)
class StreetFile:
    """One street-level crime file: ``name`` is its path inside the folder or zip ('/'-separated),
    ``month`` (``yyyy-MM``) and ``force`` (lower case) come from the file name (None when the name
    does not follow the pattern), ``size`` is its size in bytes (uncompressed)."""

    name: str
    month: object
    force: object
    size: int = 0


def street_file(name, size=0):
    """The :class:`StreetFile` for a path named ``YYYY-MM-<force>-street.csv``, else None.

    Outcomes and stop-and-search files (``-outcomes.csv``, ``-stop-and-search.csv``) are not
    street files.
    """
    match = STREET_FILE.fullmatch(name.replace("\\", "/").rsplit("/", 1)[-1])
    if match is None or not MONTH.fullmatch(match.group(1)):
        return None
    return StreetFile(name, match.group(1), match.group(2).lower(), size)


class StreetSource:
    """A folder, a zip or one CSV file holding data.police.uk street-level crime files.

    Parameters
    ----------
    path : str
        A folder (searched at any depth), a ``.zip`` (the archive or a custom
        download, as downloaded), or one street-level CSV file (read whatever
        its name).

    Raises
    ------
    InputError
        When the path does not exist, or is a file that is neither a zip nor
        a CSV, or a broken zip.
    """

    def __init__(self, path):
        self.path = os.fspath(path or "")
        if not self.path or not os.path.exists(self.path):
            raise InputError(f"'{self.path}' does not exist: give the folder or the .zip downloaded from "
                             "data.police.uk (or one of its -street.csv files).", setting="path")
        if os.path.isdir(self.path):
            self.kind = "folder"
        elif zipfile.is_zipfile(self.path):
            self.kind = "zip"
        elif self.path.lower().endswith(".csv"):
            self.kind = "file"
        else:
            raise InputError(f"'{self.path}' is neither a folder, a .zip nor a .csv file: give the folder or the "
                             ".zip downloaded from data.police.uk.", setting="path")

    def files(self):
        """Every street-level file, as :class:`StreetFile` sorted by name (a single CSV: itself)."""
        if self.kind == "file":
            name = os.path.basename(self.path)
            found = street_file(name, os.path.getsize(self.path))
            return [found or StreetFile(name, None, None, os.path.getsize(self.path))]
        if self.kind == "zip":
            try:
                with zipfile.ZipFile(self.path) as archive:
                    entries = [(info.filename, info.file_size) for info in archive.infolist() if not info.is_dir()]
            except (zipfile.BadZipFile, OSError) as error:
                raise InputError(f"'{self.path}' cannot be read as a zip ({error}). Download it again.",
                                 setting="path") from None
        else:
            entries = []
            for folder, subfolders, names in os.walk(self.path):
                subfolders.sort()
                for name in names:
                    full = os.path.join(folder, name)
                    entries.append((os.path.relpath(full, self.path).replace(os.sep, "/"), os.path.getsize(full)))
        found = (street_file(name, size) for name, size in entries)
        return sorted((f for f in found if f is not None), key=lambda f: f.name)

    def select(self, forces=(), start=None, end=None):
        """The street files of the given forces (any, when empty) and months (inclusive; None: open).

        Returned in reading order: by month, then force, then name. A single CSV
        whose name does not follow the pattern is taken when no force is asked
        for (its rows are filtered by month as they are read).

        Raises
        ------
        InputError
            When no file matches, saying what was looked for and what there is.
        """
        wanted = {force_key(force) for force in forces}
        everything = self.files()
        chosen = [f for f in everything
                  if (not wanted or f.force in wanted)
                  and (f.month is None or ((start is None or f.month >= start) and (end is None or f.month <= end)))]
        if not chosen:
            looked_for = f"data.police.uk street-level crime files ({FILE_PATTERN})"
            if wanted:
                looked_for += f" of the force{'s' if len(wanted) > 1 else ''} {', '.join(sorted(wanted))}"
            if start or end:
                looked_for += f" from {start or 'the first month'} to {end or 'the last month'}"
            there = "no street-level files at all"
            if everything:
                months = sorted(f.month for f in everything if f.month)
                forces_there = sorted({f.force for f in everything if f.force})
                there = f"{len(everything)} street-level file{'s' if len(everything) > 1 else ''}"
                if months:
                    there += (f" (force{'s' if len(forces_there) > 1 else ''} {', '.join(forces_there[:10])}"
                              f"{' …' if len(forces_there) > 10 else ''}; months {months[0]} to {months[-1]})")
            raise InputError(f"No {looked_for} in '{self.path}', which holds {there}. Check the download, the "
                             "forces and the months asked for.")
        return sorted(chosen, key=lambda f: (f.month or "", f.force or "", f.name))

    @contextlib.contextmanager
    def open(self, street):
        """The file ``street`` (a :class:`StreetFile` of this source) opened for binary reading."""
        if self.kind == "zip":
            with zipfile.ZipFile(self.path) as archive, archive.open(street.name) as handle:
                yield handle
        elif self.kind == "file":
            with open(self.path, "rb") as handle:
                yield handle
        else:
            with open(os.path.join(self.path, *street.name.split("/")), "rb") as handle:
                yield handle
