"""Workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) read with python-calamine.

python-calamine gives the values, the sheets' visibility and, for .xlsx and .xls, the merged
ranges. For .ods it gives no merged ranges: they are read here from the ``table:number-
columns-spanned`` and ``table:number-rows-spanned`` attributes of ``content.xml``, streamed
with entity resolution and network access off. An .xlsb keeps no merged ranges (a header
merged over two rows is still found by its headings; a cell merged down over data rows is
read in its first row only).
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
from tdkt_docs.tabular.files import (
    ODS,
    PASSWORD,
    SAVE_AS_XLSX,
    WorkbookFile,
    describe,
    refused,
)
from tdkt_docs.tabular.model import CellRange, Sheet, row_values

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_TAGS = (f"{_TABLE}table", f"{_TABLE}table-row", f"{_TABLE}table-cell")
_ODS_COVERED = f"{_TABLE}covered-table-cell"


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
        self._ods_merged: dict[str, list[CellRange]] | None = None

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
        elif self.file.kind == ODS:
            merged = self._ods_merges().get(entry.name, [])
        else:
            merged = []
        height = len(rows)
        width = max((len(r) for r in rows), default=0)
        kept = [r for r in merged if r.top <= height and r.left <= width]  # beyond: no values
        return Sheet(entry.name, rows, tuple(kept), entry.hidden)

    def _ods_merges(self) -> dict[str, list[CellRange]]:
        if self._ods_merged is None:
            assert self.file.package is not None  # an .ods is a zip package
            try:
                self._ods_merged = _ods_merged_ranges(self.file.package)
            except (etree.Error, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
                raise self._damaged() from exc
        return self._ods_merged


# Merged ranges of an OpenDocument spreadsheet ----------------------------------------------

ODS_MAX_REPEAT = 10_000
"""Rows and cells repeated more than this are the empty rest of a sheet (LibreOffice writes
``number-rows-repeated="1048553"``): no merged range of interest starts there."""


def _number(element: etree._Element, attribute: str) -> int:
    return max(1, int(element.get(f"{_TABLE}{attribute}", "1")))


def _ods_merged_ranges(package: zipfile.ZipFile) -> dict[str, list[CellRange]]:
    """Every merged range of every table of ``content.xml``, by table name."""
    merged: dict[str, list[CellRange]] = {}
    with package.open("content.xml") as content:
        for table, ranges in _ods_tables(content):
            merged[table] = ranges
    return merged


def _ods_tables(content: IO[bytes]) -> Iterator[tuple[str, list[CellRange]]]:
    events = etree.iterparse(
        content,
        events=("start", "end"),
        tag=(*_ODS_TAGS, _ODS_COVERED),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    name = ""
    ranges: list[CellRange] = []
    row = column = 0
    row_repeat = 1
    inside_cell = 0  # a cell may hold a table of its own: its rows are not the sheet's
    for event, element in events:
        tag = element.tag
        if tag in (f"{_TABLE}table-cell", _ODS_COVERED):
            if event == "end":
                inside_cell -= 1
                continue
            inside_cell += 1
            if inside_cell > 1:
                continue
            repeat = _number(element, "number-columns-repeated")
            across = _number(element, "number-columns-spanned")
            down = _number(element, "number-rows-spanned")
            if (across > 1 or down > 1) and tag != _ODS_COVERED:
                for r in range(row, row + min(row_repeat, ODS_MAX_REPEAT)):
                    for c in range(column, column + min(repeat, ODS_MAX_REPEAT)):
                        ranges.append(CellRange(r, c, r + down - 1, c + across - 1))
            column += repeat
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
            name, ranges, row = element.get(f"{_TABLE}name", ""), [], 1
        else:
            yield name, ranges
            element.clear(keep_tail=True)
