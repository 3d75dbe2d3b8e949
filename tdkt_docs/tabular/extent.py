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
* .xlsb: the records of every worksheet are walked as python-calamine reads them (a row
  header gives the row, a cell with a value its column);
* .ods: measured while ``content.xml`` is read for its merged ranges (see ``workbooks.py``);
* .xls cannot reach the limit far (65,536 rows × 256 columns at most).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from tdkt_docs.errors import DataError
from tdkt_docs.tabular.files import refused

MAX_SHEET_CELLS = 5_000_000
"""Cells from A1 to the last value (rows × columns): 100,000 rows of 50 columns."""

_CELL_REFERENCE = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
_FAR_REFERENCE = re.compile(rb' r="(?:[A-Z]{2}|[A-Z]{0,3}[0-9]{5})')
"""A reference beyond column Z or row 9,999, of a cell or a row."""
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


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
    for part in _worksheet_parts(package):
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


def check_xlsb_extent(path: Path, package: zipfile.ZipFile) -> None:
    """Refuse an .xlsb with a sheet whose values span more than the limit."""
    for part in _worksheet_parts(package, "xl/_rels/workbook.bin.rels"):
        rows, columns = _xlsb_value_extent(package.read(part))
        if rows * columns > MAX_SHEET_CELLS:
            raise too_large(path, rows, columns)


_XLSB_ROW_HEADER = 0x0000
_XLSB_VALUE_CELLS = range(0x0002, 0x000C)
"""BrtCellRk … BrtFmlaError: the cell records python-calamine reads a value from (a blank
cell, 0x0001, has none)."""


def _xlsb_value_extent(data: bytes) -> tuple[int, int]:
    """The last row and column (from 1) holding a value, record by record (MS-XLSB 2.1.4:
    a record is its type and size, each in 7-bit groups, then its data)."""
    last_row = last_column = 0
    row = 1  # before any row header, python-calamine puts cells on the first row
    position, end = 0, len(data)
    while position < end:
        kind = data[position]
        position += 1
        if kind & 0x80 and position < end:
            kind = (kind & 0x7F) | ((data[position] & 0x7F) << 7)
            position += 1
        size = 0
        for shift in range(0, 28, 7):
            if position >= end:
                break
            byte = data[position]
            position += 1
            size |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
        field = data[position : position + 4]
        position += size
        if len(field) < 4:
            continue
        if kind == _XLSB_ROW_HEADER:
            row = int.from_bytes(field, "little") + 1
        elif kind in _XLSB_VALUE_CELLS:
            last_row = max(last_row, row)
            last_column = max(last_column, int.from_bytes(field, "little") + 1)
    return last_row, last_column


def _worksheet_parts(
    package: zipfile.ZipFile, relationships_part: str = "xl/_rels/workbook.xml.rels"
) -> list[str]:
    """The worksheets the workbook's relationships name, as python-calamine finds them."""
    try:
        relationships = etree.fromstring(package.read(relationships_part), _PARSER)
    except KeyError:
        return []
    names = set(package.namelist())
    parts = []
    for relationship in relationships:
        if str(relationship.get("Type", "")).endswith("/worksheet"):
            target = str(relationship.get("Target", ""))
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if part in names:
                parts.append(part)
    return parts


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
