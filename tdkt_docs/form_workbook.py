"""The house style of the workbooks that people fill in, and their reproducible bytes.

The monthly intake form (:mod:`tdkt_docs.monthly.form`) and the nominations form
(:mod:`tdkt_docs.awards.nomination_form`) look alike: Times New Roman, a grey header row whose
required headings are dark red, bordered text-formatted cells, drop-downs whose long lists
live on a hidden "Danh mục" sheet, A4 print setup. The helpers for that are here, with
:func:`workbook_bytes`, which every XLSX the tool writes goes through.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import (  # type: ignore[import-untyped, unused-ignore]
    Alignment,
    Border,
    Font,
    PatternFill,
    Side,
)
from openpyxl.utils import (  # type: ignore[import-untyped, unused-ignore]
    get_column_letter,
    quote_sheetname,
)
from openpyxl.worksheet.properties import (  # type: ignore[import-untyped, unused-ignore]
    PageSetupProperties,
)
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped, unused-ignore]

from tdkt_docs.docx_package import normalise_zip
from tdkt_docs.tabular import protect_cell

FONT_NAME = "Times New Roman"
FONT_SIZE = 12
TITLE_FONT_SIZE = 14
REQUIRED_COLOUR = "C00000"  # dark red: readable in print, unmistakable on screen
HEADER_FILL = "D9D9D9"  # light grey
CREATOR = "tdkt-docs"
INLINE_LIST_LIMIT = 255
"""Excel's own limit for a list typed into the validation rule."""
TEXT_FORMAT = "@"
"""Stops Excel turning typed text such as "1/9" or "0905…" into dates or numbers."""

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def workbook_bytes(workbook: Workbook, timestamp: dt.datetime) -> bytes:
    """The workbook as .xlsx bytes that depend only on its content and ``timestamp``.

    ``timestamp`` becomes the created and modified times and the date of every zip entry.
    """
    workbook.properties.created = timestamp
    workbook.properties.modified = timestamp
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save, which stamps the modified time from the clock.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return normalise_zip(buffer.getvalue(), timestamp)


def font(
    *, bold: bool = False, italic: bool = False, size: float = FONT_SIZE, colour: str = "000000"
) -> Font:
    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=colour)


def header_fill() -> PatternFill:
    return PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL)


def print_setup(sheet: Worksheet, *, landscape: bool) -> None:
    """A4, one page wide, as many pages down as needed."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6


def inline_list(choices: Sequence[str]) -> str | None:
    """The list typed into the rule, or ``None`` when it must go on the hidden sheet."""
    source = ",".join(choices)
    if len(source) > INLINE_LIST_LIMIT or any("," in c or '"' in c for c in choices):
        return None
    return f'"{source}"'


def sheet_range(sheet_name: str, list_number: int, length: int) -> str:
    """The cells of list ``list_number`` (its column, from 1) on the lists sheet: values
    from row 2, under their heading."""
    letter = get_column_letter(list_number)
    return f"{quote_sheetname(sheet_name)}!${letter}$2:${letter}${length + 1}"


def fill_lists_sheet(sheet: Worksheet, lists: Sequence[tuple[str, Sequence[str]]]) -> None:
    """One column per list: its heading on row 1, its values below; the sheet hidden."""
    # Hidden so that it is not filled in by mistake.
    sheet.sheet_state = "hidden"
    for number, (heading, values) in enumerate(lists, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = 50
        for row, value in enumerate([heading, *values], start=1):
            cell = sheet.cell(row=row, column=number, value=value)
            cell.font = font(bold=row == 1)
            protect_cell(cell)  # a name from a registry or catalog is text, never a formula


def text_height(text: str, width: float) -> float:
    """The row height (points) that shows ``text`` wrapped in a column ``width`` wide."""
    characters_per_line = max(1, int(width * 1.15))  # Times New Roman 12 in Excel's units
    return 16.5 * math.ceil(len(text) / characters_per_line) + 2


__all__ = [
    "BORDER",
    "CREATOR",
    "FONT_NAME",
    "FONT_SIZE",
    "HEADER_FILL",
    "INLINE_LIST_LIMIT",
    "REQUIRED_COLOUR",
    "TEXT_FORMAT",
    "TITLE_FONT_SIZE",
    "fill_lists_sheet",
    "font",
    "header_fill",
    "inline_list",
    "print_setup",
    "sheet_range",
    "text_height",
    "workbook_bytes",
]


GUIDE_WIDTHS = (34, 12, 80)
"""The guide sheet's columns (characters): heading, required, how to fill it in."""


def fill_guide_sheet(
    sheet: Worksheet, title: str, rules: Sequence[str], columns: Sequence[tuple[str, bool, str]]
) -> None:
    """The "Hướng dẫn" sheet of a form: its title, the numbered ``rules``, then a table of
    the ``columns`` (heading, required, how to fill it in)."""
    widths = GUIDE_WIDTHS
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    heading = sheet.cell(row=1, column=1, value=title)
    heading.font = font(bold=True, size=TITLE_FONT_SIZE)
    heading.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(widths))
    sheet.row_dimensions[1].height = 40

    row = 3
    for text in rules:
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font = font()
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        # Excel does not fit the height of merged cells to their text, so set it here.
        sheet.row_dimensions[row].height = text_height(text, sum(widths))
        row += 1

    row += 1
    table_start = row
    for values in (
        ("Cột", "Bắt buộc", "Cách ghi"),
        *((name, "Có" if required else "Không", how) for name, required, how in columns),
    ):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=index, value=value)
            header = row == table_start
            cell.font = font(bold=header)
            cell.border = BORDER
            cell.alignment = Alignment(
                horizontal="center" if header or index == 2 else "left",
                vertical="center" if header else "top",
                wrap_text=True,
            )
            if header:
                cell.fill = header_fill()
        # LibreOffice keeps the default height of rows written by openpyxl: set it.
        sheet.row_dimensions[row].height = max(
            text_height(value, width) for value, width in zip(values, widths, strict=True)
        )
        row += 1
    print_setup(sheet, landscape=False)
