"""data.police.uk street-level crime files: finding them and reading them into columns.

data.police.uk publishes, per police force and month, a CSV of street-level
crime named ``YYYY-MM-<force>-street.csv``; its archive and its custom
downloads put them in monthly folders ``YYYY-MM/`` inside a zip, beside the
same month's ``-outcomes.csv`` and ``-stop-and-search.csv`` files. This
module finds the street files in a folder (at any depth), a zip or a single
file (:class:`StreetSource`), picks those of the asked forces and months
(:meth:`StreetSource.select`) and reads them with the csv module into numpy
columns (:func:`read_crimes`, or :class:`StreetReader` for file-like
objects), marking the rows without a location and the repeated crime ids.
No QGIS here: coordinates stay WGS84 longitude and latitude.
"""

import contextlib
import csv
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter

import numpy as np

from .progress import report

# The columns every street-level file has, as published, and the names they get here.
COLUMNS = ("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
           "LSOA code", "LSOA name", "Crime type", "Last outcome category")
FIELDS = ("crime_id", "month", "reported_by", "falls_within", "longitude", "latitude", "location",
          "lsoa_code", "lsoa_name", "crime_type", "last_outcome_category")
TEXT_FIELDS = tuple(name for name in FIELDS if name not in ("longitude", "latitude"))
# Columns with few distinct values: equal strings are stored once (much less memory).
_SHARED = ("month", "reported_by", "falls_within", "location", "lsoa_code", "lsoa_name", "crime_type",
           "last_outcome_category")

STREET_FILE = re.compile(r"(\d{4}-\d{2})-(.+)-street\.csv", re.IGNORECASE)
MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
FILE_PATTERN = "YYYY-MM-<force>-street.csv"
BATCH_ROWS = 256  # rows parsed and split into columns at a time
CHUNK_ROWS = 65_536  # rows turned into numpy arrays at a time


def parse_month(text, name="month"):
    """A month given as text, ``yyyy-MM``.

    Returns
    -------
    str or None
        The month (surrounding spaces removed), or None for empty text.

    Raises
    ------
    ValueError
        Naming ``name`` and the expected form, for anything else.
    """
    text = (text or "").strip()
    if not text:
        return None
    if not MONTH.fullmatch(text):
        raise ValueError(f"{name} '{text}' is not a month written yyyy-MM, e.g. 2018-05 (a four-digit year, "
                         f"a dash and a two-digit month 01 to 12).")
    return text


def check_months(start, end):
    """Refuse a START month after the END month (both ``yyyy-MM`` or None)."""
    if start is not None and end is not None and start > end:
        raise ValueError(f"START_MONTH ({start}) is after END_MONTH ({end}). Both are inclusive: swap them, "
                         f"or give the same month twice for one month.")


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
    ValueError
        When the path does not exist, or is a file that is neither a zip nor
        a CSV, or a broken zip.
    """

    def __init__(self, path):
        self.path = os.fspath(path or "")
        if not self.path or not os.path.exists(self.path):
            raise ValueError(f"INPUT '{self.path}' does not exist. Give the folder or the .zip downloaded from "
                             f"data.police.uk (or one of its -street.csv files).")
        if os.path.isdir(self.path):
            self.kind = "folder"
        elif zipfile.is_zipfile(self.path):
            self.kind = "zip"
        elif self.path.lower().endswith(".csv"):
            self.kind = "file"
        else:
            raise ValueError(f"INPUT '{self.path}' is neither a folder, a .zip nor a .csv file. Give the folder "
                             f"or the .zip downloaded from data.police.uk.")

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
                raise ValueError(f"INPUT '{self.path}' cannot be read as a zip ({error}). Download it again.") \
                    from None
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
        ValueError
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
            raise ValueError(f"No {looked_for} in '{self.path}', which holds {there}. Check INPUT, FORCE, "
                             f"START_MONTH and END_MONTH.")
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


@dataclass
class Crimes:
    """The rows read, as columns.

    ``columns`` maps each of :data:`FIELDS` to an array with one element per
    row read: text columns are object arrays of str ('' where the file's
    cell is empty), ``longitude`` and ``latitude`` floats (NaN where empty).
    Rows read are those of the files read whose month (the Month column) and
    crime type were asked for. ``no_location`` marks rows without
    coordinates; ``duplicate`` rows whose non-empty crime id was seen before
    in a row with a location (the first seen is kept). ``rows_in_files``
    counts every data row of the files read, ``left_out_month`` and
    ``left_out_type`` those not asked for; ``crime_types`` holds every crime
    type of the files read. ``reference_lon`` and ``reference_lat`` are the
    coordinates of every row with a location of the months asked for, of
    any crime type (repeats included): the area the crimes come from, for
    :func:`~.outliers.far_outliers`, the same whatever CRIME_TYPES asks for.
    """

    columns: dict
    no_location: np.ndarray
    duplicate: np.ndarray
    files_read: int = 0
    rows_in_files: int = 0
    left_out_month: int = 0
    left_out_type: int = 0
    crime_types: set = field(default_factory=set)
    reference_lon: np.ndarray = None
    reference_lat: np.ndarray = None

    def __len__(self):
        return self.no_location.size

    @property
    def keep(self):
        """True for the rows that are crimes to write: with a location and not a duplicate."""
        return ~self.no_location & ~self.duplicate


def missing_types(asked, found):
    """The asked crime types (compared case-insensitively) that never occur among ``found``."""
    present = {t.strip().casefold() for t in found}
    return [t for t in asked if t.strip().casefold() not in present]


class StreetReader:
    """Read street-level CSV files, one after the other, into :class:`Crimes`.

    Parameters
    ----------
    crime_types : sequence of str, optional
        Keep only rows whose Crime type is one of these (case-insensitive);
        empty keeps every type.
    start, end : str, optional
        Keep only rows whose Month is within ``start`` to ``end``
        (``yyyy-MM``, inclusive); None leaves that end open.
    """

    def __init__(self, crime_types=(), start=None, end=None):
        self.wanted_types = {t.strip().casefold() for t in crime_types} or None
        self.start, self.end = start, end
        self._parts = {name: [] for name in FIELDS}
        self._reference = ([], [])  # locations of the rows of other crime types (with a type filter)
        self._shared = {name: {} for name in _SHARED}
        self._month_ok = {}
        self._type_ok = {}
        self.files_read = 0
        self.rows_in_files = 0
        self.left_out_month = 0
        self.left_out_type = 0

    def read(self, stream, name, progress=None, size=None):
        """Read one file.

        Parameters
        ----------
        stream : file-like
            The file, binary (decoded as UTF-8, with or without a byte-order
            mark) or text (opened with ``newline=''``).
        name : str
            The file's name, for error messages.
        progress : callable, optional
            Called after each chunk of rows with the fraction of this file
            read (when the stream can tell its position); a true return
            value cancels (:class:`~.progress.Cancelled`).
        size : int, optional
            The file's size in bytes, for progress; by default that of the
            file behind a binary stream, when it has one.

        Raises
        ------
        ValueError
            When the file lacks a column of :data:`COLUMNS`, is not UTF-8
            text, or holds a malformed row, month or coordinate: the message
            names the file and the row.
        """
        binary = None
        if isinstance(stream, io.TextIOBase):
            text = stream
        else:
            binary = stream
            text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        size = size or _size_of(binary)
        try:
            reader = csv.reader(text)
            header = next(reader, None)
            if header is None:
                self.files_read += 1
                return
            header = [column.strip().lstrip("\ufeff") for column in header]
            missing = [column for column in COLUMNS if column not in header]
            if missing:
                raise ValueError(
                    f"{name} is not a data.police.uk street-level crime file: it has no column "
                    f"'{missing[0]}'{f' (nor {len(missing) - 1} other)' if len(missing) > 1 else ''}. Its columns "
                    f"must include {', '.join(COLUMNS)}; remove the file or download it again.")
            indices = [header.index(column) for column in COLUMNS]
            getters = [itemgetter(index) for index in indices]
            width = max(indices) + 1
            pending = {field: [] for field in FIELDS}
            first_row = row_number = 0
            while True:
                # Small batches are split into columns while their rows are still in the CPU's cache
                # (several times faster than splitting 50,000 rows at once); equal strings of the
                # shared columns are kept once as they come.
                batch = list(islice(reader, BATCH_ROWS))
                rows = _whole_rows(batch, width, name, row_number) if batch else batch
                for field, getter in zip(FIELDS, getters):
                    if field in self._shared:
                        keep_once = self._shared[field].setdefault
                        pending[field] += map(keep_once, map(getter, rows), map(getter, rows))
                    else:
                        pending[field] += map(getter, rows)
                row_number += len(rows)
                if row_number - first_row >= CHUNK_ROWS or (not batch and row_number > first_row):
                    self._add_chunk(pending, name, first_row)
                    pending = {field: [] for field in FIELDS}
                    first_row = row_number
                    if progress is not None and size:
                        report(progress, min(_tell(binary) / size, 1.0))
                if not batch:
                    break
        except UnicodeDecodeError as error:
            raise ValueError(f"{name} is not UTF-8 text ({error}); data.police.uk files are. Download it again.") \
                from None
        except csv.Error as error:
            raise ValueError(f"{name} cannot be read as CSV: {error}.") from None
        finally:
            if binary is not None:
                text.detach()
        self.files_read += 1

    def _add_chunk(self, columns, name, first_row):
        """Rows ``first_row`` on of the file ``name``, as lists of column values, into numpy arrays."""
        n = len(columns["crime_id"])
        self.rows_in_files += n
        shared = {column: np.array(columns[column], dtype=object) for column in _SHARED}

        month_ok = self._flags(shared["month"], self._month_ok, lambda m: self._check_month(m, name))
        type_ok = self._flags(shared["crime_type"], self._type_ok,
                              lambda t: self.wanted_types is None or t.strip().casefold() in self.wanted_types)
        keep = month_ok & type_ok
        other_type = month_ok & ~type_ok
        self.left_out_month += int(n - np.count_nonzero(month_ok))
        self.left_out_type += int(np.count_nonzero(other_type))
        if not month_ok.any():
            return
        longitude = _floats(columns["longitude"], name, first_row, "Longitude", -180.0, 180.0)
        latitude = _floats(columns["latitude"], name, first_row, "Latitude", -90.0, 90.0)
        if other_type.any():
            located = other_type & np.isfinite(longitude) & np.isfinite(latitude)
            self._reference[0].append(longitude[located])
            self._reference[1].append(latitude[located])
        if not keep.any():
            return
        everything = keep.all()

        def kept(values):
            return values if everything else values[keep]
        self._parts["crime_id"].append(kept(np.array(columns["crime_id"], dtype=object)))
        self._parts["longitude"].append(kept(longitude))
        self._parts["latitude"].append(kept(latitude))
        for column in _SHARED:
            self._parts[column].append(kept(shared[column]))

    @staticmethod
    def _flags(values, known, test):
        """``test`` of each value, evaluated once per distinct value."""
        for value in set(values.tolist()) - known.keys():
            known[value] = bool(test(value))
        return np.fromiter(map(known.__getitem__, values), dtype=bool, count=values.size)

    def _check_month(self, month, name):
        if not MONTH.fullmatch(month):
            raise ValueError(f"{name} has a Month '{month}' that is not yyyy-MM; data.police.uk files are "
                             f"written so. Download the file again.")
        return (self.start is None or month >= self.start) and (self.end is None or month <= self.end)

    def finish(self):
        """The :class:`Crimes` read so far (rows without location and duplicates marked)."""
        columns = {}
        for column in FIELDS:
            parts = self._parts[column]
            dtype = float if column in ("longitude", "latitude") else object
            columns[column] = np.concatenate(parts) if parts else np.empty(0, dtype=dtype)
        no_location = ~(np.isfinite(columns["longitude"]) & np.isfinite(columns["latitude"]))
        located = ~no_location
        reference_lon = np.concatenate([columns["longitude"][located]] + self._reference[0])
        reference_lat = np.concatenate([columns["latitude"][located]] + self._reference[1])
        return Crimes(columns=columns, no_location=no_location,
                      duplicate=repeated_ids(columns["crime_id"], located), files_read=self.files_read,
                      rows_in_files=self.rows_in_files, left_out_month=self.left_out_month,
                      left_out_type=self.left_out_type, crime_types=set(self._shared["crime_type"]),
                      reference_lon=reference_lon, reference_lat=reference_lat)


def repeated_ids(crime_id, eligible=None):
    """True for each row whose non-empty ``crime_id`` occurs in an earlier eligible row.

    Parameters
    ----------
    crime_id : array_like of str
        Crime ids; '' (anti-social behaviour has none) is never a repeat.
    eligible : array_like of bool, optional
        Rows that take part (e.g. those with a location); the others are
        never marked and do not make a later row a repeat.

    Returns
    -------
    numpy.ndarray of bool
    """
    crime_id = np.asarray(crime_id, dtype=object)
    candidates = crime_id != ""
    if eligible is not None:
        candidates &= np.asarray(eligible, dtype=bool)
    rows = np.flatnonzero(candidates)
    # Built from the end, so each id keeps the row where it occurs first.
    first = dict(zip(crime_id[rows[::-1]].tolist(), rows[::-1].tolist()))
    repeated = np.zeros(crime_id.size, dtype=bool)
    repeated[rows] = True
    repeated[np.fromiter(first.values(), dtype=np.int64, count=len(first))] = False
    return repeated


def read_crimes(source, files, crime_types=(), start=None, end=None, progress=None):
    """Read street-level files into :class:`Crimes`, in the order given.

    Parameters
    ----------
    source : StreetSource
        The folder, zip or file that holds them.
    files : list of StreetFile
        The files to read, e.g. from :meth:`StreetSource.select`.
    crime_types, start, end
        Which rows to keep, as for :class:`StreetReader`.
    progress : callable, optional
        ``progress(fraction) -> bool`` (see :mod:`.progress`), called as the
        bytes are read; a true return value cancels.

    Returns
    -------
    Crimes

    Raises
    ------
    ValueError
        For a damaged file (see :meth:`StreetReader.read`).
    Cancelled
        When ``progress`` asks to stop.
    """
    reader = StreetReader(crime_types, start, end)
    total = sum(f.size for f in files) or 1
    done = 0
    for street in files:
        def file_progress(fraction, done=done, size=street.size):
            return progress(min((done + fraction * size) / total, 1.0)) if progress is not None else False
        with source.open(street) as handle:
            reader.read(handle, street.name, file_progress, street.size)
        done += street.size
        report(progress, done / total)
    return reader.finish()


def _whole_rows(rows, width, name, first_row):
    """The rows without blank lines; refuse a row with fewer fields than the columns read need."""
    if min(map(len, rows)) >= width:
        return rows
    short = [i for i, row in enumerate(rows) if 0 < len(row) < width]
    if short:
        raise ValueError(f"{name}: data row {first_row + short[0] + 1} has {len(rows[short[0]])} fields, fewer "
                         f"than the header's columns. The file is cut short or not a data.police.uk file; "
                         f"download it again.")
    return [row for row in rows if row]


def _floats(values, name, first_row, column, low, high):
    """Text coordinates as floats, NaN where empty; refuse text that is not a number or out of range."""
    nan = np.nan
    try:
        numbers = np.array([float(value) if value else nan for value in values], dtype=float)
    except ValueError:  # not a number, or only spaces: find which
        numbers = np.empty(len(values))
        for i, value in enumerate(values):
            value = value.strip()
            try:
                numbers[i] = float(value) if value else np.nan
            except ValueError:
                raise ValueError(f"{name}: data row {first_row + i + 1} has the {column} '{value}', which is not "
                                 f"a number. The file is damaged or not a data.police.uk file.") from None
    bad = np.isfinite(numbers) & ((numbers < low) | (numbers > high))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{name}: data row {first_row + i + 1} has the {column} {values[i]}, outside {low:g} to "
                         f"{high:g}. data.police.uk coordinates are WGS84 degrees; the file is damaged.")
    return numbers


def _size_of(binary):
    """The size in bytes of the file behind a binary stream, or 0 when it has none (a zip member
    would have to be decompressed to seek to its end)."""
    try:
        return os.fstat(binary.fileno()).st_size
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return 0


def _tell(binary):
    try:
        return binary.tell()
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return 0
