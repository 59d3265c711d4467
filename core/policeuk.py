"""data.police.uk street-level crime files: reading them into columns.

:mod:`.policeuk_files` finds the files of the asked forces and months
(:class:`StreetSource`); this module reads them with the csv module into
numpy columns (:func:`read_crimes`, or :class:`StreetReader` for file-like
objects), marking the rows without a location and the repeated crime ids.
No QGIS here: coordinates stay WGS84 longitude and latitude.
"""

import csv
import io
import os
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter

import numpy as np

from .errors import InputError
from .policeuk_files import MONTH, StreetSource, check_months, parse_list, parse_month, street_file
from .progress import report

# With the names of .policeuk_files that the import algorithm and the tests find here.
__all__ = ["BATCH_ROWS", "CHUNK_ROWS", "COLUMNS", "FIELDS", "TEXT_FIELDS", "Crimes", "StreetReader", "StreetSource",
           "check_months", "missing_types", "parse_list", "parse_month", "read_crimes", "repeated_ids",
           "street_file"]

# The columns every street-level file has, as published, and the names they get here.
COLUMNS = ("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
           "LSOA code", "LSOA name", "Crime type", "Last outcome category")
FIELDS = ("crime_id", "month", "reported_by", "falls_within", "longitude", "latitude", "location",
          "lsoa_code", "lsoa_name", "crime_type", "last_outcome_category")
TEXT_FIELDS = tuple(name for name in FIELDS if name not in ("longitude", "latitude"))
# Columns with few distinct values: equal strings are stored once (much less memory).
_SHARED = ("month", "reported_by", "falls_within", "location", "lsoa_code", "lsoa_name", "crime_type",
           "last_outcome_category")

BATCH_ROWS = 256  # rows parsed and split into columns at a time
CHUNK_ROWS = 65_536  # rows turned into numpy arrays at a time


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
        InputError
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
                raise InputError(
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
            raise InputError(f"{name} is not UTF-8 text ({error}); data.police.uk files are. Download it again.") \
                from None
        except csv.Error as error:
            raise InputError(f"{name} cannot be read as CSV: {error}.") from None
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
            raise InputError(f"{name} has a Month '{month}' that is not yyyy-MM; data.police.uk files are "
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
    InputError
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
        raise InputError(f"{name}: data row {first_row + short[0] + 1} has {len(rows[short[0]])} fields, fewer "
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
                raise InputError(f"{name}: data row {first_row + i + 1} has the {column} '{value}', which is not "
                                 f"a number. The file is damaged or not a data.police.uk file.") from None
    bad = np.isfinite(numbers) & ((numbers < low) | (numbers > high))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InputError(f"{name}: data row {first_row + i + 1} has the {column} {values[i]}, outside {low:g} to "
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
