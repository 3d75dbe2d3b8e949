"""The one reader of tabular data: a file → its sheets of rows.

Batch data (:mod:`tdkt_docs.batch.rows`) and the monthly intake
(:mod:`tdkt_docs.monthly.compile`) both read through here; each then finds its header in
its own way. Every failure is a :class:`DataError` naming the file.
"""

from __future__ import annotations

from pathlib import Path

from tdkt_docs.errors import DataError
from tdkt_docs.tabular.delimited import read_csv
from tdkt_docs.tabular.files import (
    CSV_SUFFIXES,
    TABULAR_SUFFIXES,
    WORKBOOK_SUFFIXES,
    open_workbook_file,
    refused,
)
from tdkt_docs.tabular.model import Sheet
from tdkt_docs.tabular.workbooks import Workbook


def _check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in TABULAR_SUFFIXES:
        raise refused(
            path, f"is not a spreadsheet or CSV file ({suffix or 'no extension'}); expected "
            + ", ".join(TABULAR_SUFFIXES),
        )  # fmt: skip
    return suffix


def read_sheets(path: str | Path) -> list[Sheet]:
    """Every visible worksheet of a workbook, in order, or the one sheet of a CSV file.

    Hidden sheets (a form's drop-down lists) and chart sheets are left out.
    """
    path = Path(path)
    if _check_suffix(path) in CSV_SUFFIXES:
        return [read_csv(path)]
    workbook = Workbook(open_workbook_file(path))
    try:
        return [workbook.sheet(e) for e in workbook.sheets if e.worksheet and not e.hidden]
    finally:
        workbook.close()


def read_sheet(path: str | Path, name: str | None = None) -> Sheet:
    """One sheet: ``name`` (hidden or not), or the first visible worksheet.

    A CSV file has one sheet, without a name; asking it for a ``name`` is an error.
    """
    path = Path(path)
    if _check_suffix(path) in CSV_SUFFIXES:
        if name is not None:
            raise DataError.single(
                path, "", f"a CSV file has no sheets; a sheet ({name!r}) can only be chosen "
                f"in a workbook ({', '.join(WORKBOOK_SUFFIXES)})",
            )  # fmt: skip
        return read_csv(path)
    workbook = Workbook(open_workbook_file(path))
    try:
        worksheets = [e for e in workbook.sheets if e.worksheet]
        if name is not None:
            chosen = next((e for e in worksheets if e.name == name), None)
            if chosen is None:
                names = ", ".join(repr(e.name) for e in worksheets)
                raise refused(path, f"has no sheet {name!r}; its sheets are {names}")
        else:
            visible = [e for e in worksheets if not e.hidden]
            if not (visible or worksheets):
                raise refused(path, "has no worksheet")
            chosen = (visible or worksheets)[0]
        return workbook.sheet(chosen)
    finally:
        workbook.close()
