"""Workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) read with python-calamine.

python-calamine gives the values, the sheets' visibility and, for .xlsx and .xls, the merged
ranges; those of .ods and .xlsb are read by ``ods.py`` and ``xlsb.py``. Before
python-calamine lays a sheet out, the reach of its values is measured (``extent.py``,
``ods.py``, ``xlsb.py``) and a sheet over the limit is refused.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import python_calamine
from lxml import etree

from tdkt_docs.errors import DataError
from tdkt_docs.tabular.extent import MAX_SHEET_CELLS, check_xlsx_extent, too_large
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
from tdkt_docs.tabular.model import CellRange, Layout, Sheet, row_values
from tdkt_docs.tabular.ods import ods_layouts
from tdkt_docs.tabular.xlsb import xlsb_layouts


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
        self._layouts: dict[str, Layout] = {}
        package = file.package
        try:
            if package is not None and file.kind == XLSX:
                check_xlsx_extent(path, package)
            elif package is not None and file.kind == XLSB:
                self._layouts = xlsb_layouts(package)
            elif package is not None and file.kind == ODS:
                self._layouts = ods_layouts(package)
        except (etree.Error, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise self._damaged() from exc  # a part that lies about its size, broken XML…
        for layout in self._layouts.values():
            if layout.rows * layout.columns > MAX_SHEET_CELLS:
                raise too_large(path, layout.rows, layout.columns)
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
        elif entry.name in self._layouts:
            merged = self._layouts[entry.name].merged
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
