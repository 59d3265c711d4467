"""Write sample_data/police_uk_southend_sample.zip: three months of Southend's street-level crime
laid out as data.police.uk's archive lays out its files.

    /usr/bin/python3 tools/make_policeuk_sample.py ../shared/data/southend_2018-01_to_2018-07_street.csv [OUTPUT]

The input is a data.police.uk street-level CSV export (any months, one force). The zip holds one
file per month of MONTHS, ``YYYY-MM/YYYY-MM-essex-street.csv``: the export's header line and its
rows of that month, byte for byte as in the export (same columns, quoting and line ends). Every
entry has a fixed timestamp and mode, so the same input always gives the same bytes. No QGIS needed.
"""

import csv
import io
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "sample_data" / "police_uk_southend_sample.zip"
MONTHS = ("2018-05", "2018-06", "2018-07")
FORCE = "essex"
TIMESTAMP = (2018, 9, 1, 0, 0, 0)  # fixed: rebuilding gives identical bytes


def split_by_month(data):
    """``(header line, {month: [row lines]})`` of a street-level CSV as bytes, lines kept whole.

    Each line is parsed with the csv module only to read its Month; the bytes written are the
    line itself. A quoted field spanning lines would break that, so it is refused.
    """
    lines = data.splitlines(keepends=True)
    header = lines[0]
    columns = next(csv.reader([header.decode("utf-8-sig")]))
    month_index = columns.index("Month")
    by_month = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = next(csv.reader([line.decode("utf-8")]))
        if len(fields) != len(columns):
            raise SystemExit(f"line {number} has {len(fields)} fields, not {len(columns)}: a multi-line field?")
        by_month.setdefault(fields[month_index], []).append(line)
    return header, by_month


def write_zip(header, by_month, output):
    """Write the months of MONTHS in the archive layout; returns {entry name: rows}."""
    written = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for month in MONTHS:
            rows = by_month.get(month)
            if not rows:
                raise SystemExit(f"the input has no rows of {month}")
            entry = zipfile.ZipInfo(f"{month}/{month}-{FORCE}-street.csv", date_time=TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever the machine
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, header + b"".join(rows), compresslevel=9)
            written[entry.filename] = len(rows)
    Path(output).write_bytes(buffer.getvalue())
    return written


def main(source, output=OUTPUT):
    header, by_month = split_by_month(Path(source).read_bytes())
    written = write_zip(header, by_month, output)
    for name, rows in written.items():
        print(f"{name}: {rows} rows")
    print(f"Wrote {output} ({Path(output).stat().st_size:,} bytes)")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1], *sys.argv[2:3])
