"""CSV files as Excel and LibreOffice write them.

UTF-8 with or without a BOM ("CSV UTF-8" in Excel); fields separated by a comma, a semicolon
(Excel in the Vietnamese locale, where the comma is the decimal separator) or a tab; a
first line ``sep=;`` as Excel writes it names the separator and is not a row. A quoted
cell may hold line breaks and stays one row, so rows are numbered as a spreadsheet shows
them.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections import Counter
from pathlib import Path

from tdkt_docs.errors import DataError
from tdkt_docs.tabular.files import OLE_SIGNATURE, ZIP_SIGNATURES, read_within_limit, refused
from tdkt_docs.tabular.model import Sheet, row_values

DELIMITERS = (",", ";", "\t")
SNIFFED_ROWS = 50
SAVE_AS_CSV_UTF8 = (
    "in Excel choose File → Save As → 'CSV UTF-8 (Comma delimited) (*.csv)' "
    "(LibreOffice: Text CSV, character set Unicode (UTF-8)), or use the workbook itself"
)
_SEPARATOR_LINE = re.compile(r"sep=(.)\r?\n", re.IGNORECASE)


def detect_delimiter(text: str) -> str:
    """The separator of a CSV text: ``,``, ``;`` or tab.

    A candidate is dropped when the first rows do not parse strictly with it (a quoted
    field followed by another character than the separator: ``"a,b";"c"`` is not split by
    commas). The others are scored by how many rows share the commonest number of fields
    above one, then by that number: a ";" file whose headings hold commas splits into as
    many fields on every row with ";" only. Ties go to the comma.
    """
    for strict in (True, False):  # not strictly: a hand-made file with a stray quote
        best, best_score = ",", (0, 0)
        for delimiter in DELIMITERS:
            rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=strict)
            try:
                counts = [len(r) for r in itertools.islice(rows, SNIFFED_ROWS) if len(r) > 1]
            except csv.Error:
                continue
            if counts:
                width, count = Counter(counts).most_common(1)[0]
                if (count, width) > best_score:
                    best, best_score = delimiter, (count, width)
        if best_score > (0, 0):
            return best
    return ","


def read_csv(path: Path) -> Sheet:
    """A CSV file as one :class:`Sheet` without a name, or :class:`DataError`."""
    data = read_within_limit(path)
    if data.startswith((*ZIP_SIGNATURES, OLE_SIGNATURE)):
        raise refused(
            path, "is a workbook or another binary file, not CSV text; give it its real "
            "extension (.xlsx, .xls, .ods)",
        )  # fmt: skip
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refused(
            path, f"is not UTF-8 text (byte 0x{data[exc.start]:02X} at position {exc.start}); "
            + SAVE_AS_CSV_UTF8,
        ) from exc  # fmt: skip
    if "\x00" in text:
        raise refused(path, "holds NUL characters, so it is not CSV text; " + SAVE_AS_CSV_UTF8)
    declared = _SEPARATOR_LINE.match(text)
    if declared:
        text, delimiter = text[declared.end() :], declared.group(1)
    else:
        delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for cells in reader:
            rows.append(row_values(cells))
    except csv.Error as exc:  # with these settings, only a cell over the field size limit
        raise DataError.single(
            path, f"row {len(rows) + 1}", f"a cell is longer than {csv.field_size_limit()} "
            'characters; a quote (") opened in this row is perhaps never closed',
        ) from exc  # fmt: skip
    return Sheet(None, tuple(rows))
