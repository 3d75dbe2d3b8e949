"""Workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) read with python-calamine.

python-calamine gives the values, the sheets' visibility and, for .xlsx and .xls, the merged
ranges. For .ods it gives no merged ranges: they are read here from the ``table:number-
columns-spanned`` and ``table:number-rows-spanned`` attributes of ``content.xml``, streamed
with entity resolution and network access off. An .xlsb keeps no merged ranges (a header
merged over two rows is still found by its headings; a cell merged down over data rows is
read in its first row only). Before python-calamine lays a sheet out, the reach of its
values is measured (``extent.py``).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

import python_calamine
from lxml import etree

from tdkt_docs.errors import DataError
from tdkt_docs.tabular.extent import (
    MAX_SHEET_CELLS,
    check_xlsb_extent,
    check_xlsx_extent,
    too_large,
)
from tdkt_docs.tabular.files import (
    ODS,
    PASSWORD,
    SAVE_AS_XLSX,
    XLSB,
    XLSX,
    WorkbookFile,
    describe,
    refused,
)
from tdkt_docs.tabular.model import CellRange, Sheet, row_values

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_TAGS = (f"{_TABLE}table", f"{_TABLE}table-row", f"{_TABLE}table-cell")
_ODS_COVERED = f"{_TABLE}covered-table-cell"
_VALUE_TYPE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"


def _reader_failed(exc: BaseException) -> bool:
    """Whether ``exc`` is the reader failing on a damaged file: any Exception, and the
    PanicException (a BaseException) that pyo3 raises when the Rust code panics."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


@dataclass(frozen=True)
class SheetEntry:
    name: str
    hidden: bool
    worksheet: bool
    """False for chart and dialog sheets, which hold no cells."""


class Workbook:
    """An open workbook; :meth:`sheet` reads one sheet with its merged ranges."""

    def __init__(self, file: WorkbookFile) -> None:
        self.file = file
        path = file.path
        # Measured before python-calamine lays any sheet out (it reads an .ods whole when it
        # opens it).
        self._ods: dict[str, OdsTable] = {}
        try:
            if file.package is not None and file.kind == XLSX:
                check_xlsx_extent(path, file.package)
            elif file.package is not None and file.kind == XLSB:
                check_xlsb_extent(path, file.package)
            elif file.package is not None and file.kind == ODS:
                self._ods = ods_tables(file.package)
        except (etree.Error, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise self._damaged() from exc  # a part that lies about its size, broken XML…
        for table in self._ods.values():
            if table.rows * table.columns > MAX_SHEET_CELLS:
                raise too_large(path, table.rows, table.columns)
        try:
            if path.suffix.lower() in file.kind.suffixes:
                self._book = python_calamine.CalamineWorkbook.from_path(path)
            else:  # an .xlsx named .xls, say: python-calamine then tells the format itself
                self._book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(file.data))
            metadata = self._book.sheets_metadata
        except python_calamine.PasswordError as exc:
            raise refused(path, PASSWORD) from exc
        except BaseException as exc:
            if not _reader_failed(exc):
                raise
            raise self._damaged() from exc
        self.sheets = tuple(
            SheetEntry(
                m.name,
                m.visible != python_calamine.SheetVisibleEnum.Visible,
                m.typ == python_calamine.SheetTypeEnum.WorkSheet,
            )
            for m in metadata
        )

    def _damaged(self) -> DataError:
        what = describe(self.file.data)
        if what.startswith("it is"):  # an OLE file that is no workbook: a Word .doc, say
            return refused(self.file.path, f"is not a spreadsheet workbook: {what}; {SAVE_AS_XLSX}")
        return refused(
            self.file.path, f"is a damaged {self.file.kind.name} and cannot be read; "
            "open it in Excel or LibreOffice Calc and save it again",
        )  # fmt: skip

    def close(self) -> None:
        self._book.close()
        if self.file.package is not None:
            self.file.package.close()

    def sheet(self, entry: SheetEntry) -> Sheet:
        try:
            found = self._book.get_sheet_by_name(entry.name)
            rows = tuple(row_values(r) for r in found.to_python(skip_empty_area=False))
            ranges = found.merged_cell_ranges
        except BaseException as exc:
            if not _reader_failed(exc):
                raise
            raise self._damaged() from exc
        if ranges is not None:
            merged = [CellRange(top + 1, left + 1, bottom + 1, right + 1) for (top, left), (
                bottom, right) in ranges]  # fmt: skip
        elif entry.name in self._ods:
            merged = self._ods[entry.name].merged
        else:
            merged = []
        # Only the part of a range over the cells read matters (a hostile file may merge
        # A1:XFD1048576).
        height = len(rows)
        width = max((len(r) for r in rows), default=0)
        kept = tuple(
            CellRange(r.top, r.left, min(r.bottom, height), min(r.right, width))
            for r in merged
            if r.top <= height and r.left <= width
        )
        return Sheet(entry.name, rows, kept, entry.hidden)


# Merged ranges and reach of an OpenDocument spreadsheet ----------------------------------

ODS_MAX_REPEAT = 10_000
"""Rows and cells repeated more than this are the empty rest of a sheet (LibreOffice writes
``number-rows-repeated="1048553"``): no merged range of interest starts there."""


@dataclass
class OdsTable:
    """What ``content.xml`` says of one table: its merged ranges, and the last row and
    column holding a value."""

    merged: list[CellRange]
    rows: int = 0
    columns: int = 0


def _number(element: etree._Element, attribute: str) -> int:
    return max(1, int(element.get(f"{_TABLE}{attribute}", "1")))


def ods_tables(package: zipfile.ZipFile) -> dict[str, OdsTable]:
    """Every table of ``content.xml``, by name."""
    with package.open("content.xml") as content:
        return dict(_ods_tables(content))


def _ods_tables(content: IO[bytes]) -> Iterator[tuple[str, OdsTable]]:
    events = etree.iterparse(
        content,
        events=("start", "end"),
        tag=(*_ODS_TAGS, _ODS_COVERED),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    name, table = "", OdsTable([])
    row = column = 0
    row_repeat = repeat = 1
    inside_cell = 0  # a cell may hold a table of its own: its rows are not the sheet's
    for event, element in events:
        tag = element.tag
        if tag in (f"{_TABLE}table-cell", _ODS_COVERED):
            inside_cell += 1 if event == "start" else -1
            if inside_cell > 1 or (event == "end" and inside_cell > 0):
                continue
            if event == "start":
                repeat = _number(element, "number-columns-repeated")
                across = _number(element, "number-columns-spanned")
                down = _number(element, "number-rows-spanned")
                if (across > 1 or down > 1) and tag != _ODS_COVERED:
                    for r in range(row, row + min(row_repeat, ODS_MAX_REPEAT)):
                        for c in range(column, column + min(repeat, ODS_MAX_REPEAT)):
                            table.merged.append(CellRange(r, c, r + down - 1, c + across - 1))
                column += repeat
            elif tag != _ODS_COVERED and (element.get(_VALUE_TYPE) or len(element)):
                # A value, repeated: python-calamine lays out every repetition.
                table.rows = max(table.rows, row + row_repeat - 1)
                table.columns = max(table.columns, column - 1)
        elif inside_cell:
            continue
        elif tag == f"{_TABLE}table-row":
            if event == "start":
                row_repeat = _number(element, "number-rows-repeated")
                column = 1
            else:
                row += row_repeat
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del element.getparent()[0]
        elif event == "start":  # a table
            name, table, row = element.get(f"{_TABLE}name", ""), OdsTable([]), 1
        else:
            yield name, table
            element.clear(keep_tail=True)
