"""How far a sheet's values reach, found before python-calamine lays the sheet out.

python-calamine lays a sheet out as a full rectangle up to its last value, so a few-KB file
with one value in cell XFD1048576 would make it allocate 17 billion cells, and the process
abort. So the reach of the values is measured first, and a sheet whose rectangle holds more
than :data:`MAX_SHEET_CELLS` cells is refused:

* .xlsx, .xlsm: in each worksheet, when every cell has a reference (``<c r="B7"``, as Excel,
  LibreOffice and openpyxl write them) and none lies beyond Z9999, nothing more is needed;
  else the references give an upper bound (formatted cells without a value count too), and
  only when it is over the limit, or some cells have no reference, are the cells walked one
  by one to find the values;
* .xlsb and .ods: measured while their merged ranges are read (``xlsb.py``, ``ods.py``);
* .xls cannot reach the limit far (65,536 rows × 256 columns at most).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from tdkt_docs.errors import DataError
from tdkt_docs.tabular.files import XLSX_RELATIONSHIPS, refused, worksheet_targets

MAX_SHEET_CELLS = 5_000_000
"""Cells from A1 to the last value (rows × columns): 100,000 rows of 50 columns."""

_CELL_REFERENCE = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
_FAR_REFERENCE = re.compile(rb' r="(?:[A-Z]{2}|[A-Z]{0,3}[0-9]{5})')
"""A reference beyond column Z or row 9,999, of a cell or a row."""


def column_number(letters: str) -> int:
    """ "A" → 1, "AB" → 28, "XFD" → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def too_large(path: Path, rows: int, columns: int) -> DataError:
    return refused(
        path,
        f"has a sheet whose values reach row {rows:,} and column {column_letters(columns)} "
        f"({rows * columns:,} cells from A1), over the limit of {MAX_SHEET_CELLS:,}; delete "
        "what lies beyond the data and save it again",
    )  # fmt: skip


def check_xlsx_extent(path: Path, package: zipfile.ZipFile) -> None:
    """Refuse an .xlsx/.xlsm with a sheet whose values span more than the limit."""
    for part in worksheet_targets(package, XLSX_RELATIONSHIPS).values():
        data = package.read(part)
        cells = data.count(b"<c ") + data.count(b"<c>")
        referenced = cells == data.count(b'<c r="') and b":sheetData" not in data
        if referenced and not _FAR_REFERENCE.search(data):
            continue  # every cell in A1:Z9999: no need to look further
        references = _CELL_REFERENCE.findall(data)
        rows, columns = _reference_bound(references)
        if rows * columns > MAX_SHEET_CELLS or not referenced:
            rows, columns = _value_extent(data)
            if rows * columns > MAX_SHEET_CELLS:
                raise too_large(path, rows, columns)


def _reference_bound(references: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    """The last row and column of every cell reference, values or not."""
    if not references:
        return 0, 0
    letters, rows = zip(*references, strict=True)
    columns = max(column_number(c.decode()) for c in set(letters))
    return max(map(int, rows)), columns


def _value_extent(data: bytes) -> tuple[int, int]:
    """The last row and column holding a value, cell by cell (a cell without a reference
    follows the previous one, as in python-calamine)."""
    last_row = last_column = 0
    row = column = 0
    events = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        tag=("{*}row", "{*}c"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    for event, element in events:
        if element.tag.endswith("}row"):
            if event == "start":
                number = re.fullmatch(r"[0-9]{1,7}", element.get("r") or "")
                row = int(number.group()) if number else row + 1
                column = 0
            else:
                element.clear(keep_tail=True)
            continue
        if event == "start":
            reference = re.fullmatch(r"([A-Z]{1,3})([0-9]{1,7})", element.get("r") or "")
            if reference:
                column, row = column_number(reference.group(1)), int(reference.group(2))
            else:
                column += 1
            continue
        has_value = any(child.tag.endswith(("}v", "}is")) for child in element)
        if has_value:
            last_row, last_column = max(last_row, row), max(last_column, column)
    return last_row, last_column
