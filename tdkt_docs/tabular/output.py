"""The one guard against formula injection, for every CSV and XLSX file we write.

Text from users (a name, a reason quoting a cell, a file name) ends up in ``manifest.csv``,
``missing.csv``, ``rejected.csv`` and ``compiled.xlsx``. A spreadsheet runs a cell that
starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and OWASP adds a leading tab or
carriage return: ``=HYPERLINK("http://…", "Bấm vào đây")`` would become a live link,
``=cmd|…`` a command on old Excel.

* CSV has no types: such a text is written with a leading apostrophe, which Excel and
  LibreOffice read as "this is text" (the OWASP advice).
* XLSX has types: the text is stored as a string (openpyxl would otherwise store a value
  starting with ``=`` as a formula) and its cell gets Excel's *quote prefix* style, the
  apostrophe a person types before ``=``. The value itself is unchanged, so the workbook
  reads back exactly (``compiled.xlsx`` is read again as a submission), and the cell stays
  text even when someone edits it and presses Enter.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would run ``text`` as a formula."""
    return text.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> str:
    """A value as CSV text; text that would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str):
        return f"'{value}" if looks_like_formula(value) else value
    return str(value)  # numbers: -5 is a number, not a formula


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A CSV file as Excel opens it: UTF-8 with a BOM (else Excel misreads Vietnamese
    letters), CRLF line ends, every cell through :func:`csv_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_cell(name) for name in header])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def protect_cell(cell: Any) -> None:
    """Keep an openpyxl cell holding text as text: a string, quote-prefixed when it would
    run as a formula."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
        if looks_like_formula(cell.value):
            cell.quotePrefix = True
