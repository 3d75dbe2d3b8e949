"""Reading a folder of lists that people filled in: the parts every intake shares.

The monthly submissions (:mod:`tdkt_docs.monthly.compile`) and an award round's nomination
lists (:mod:`tdkt_docs.awards.reader`) arrive the same way: a folder of workbooks and CSV
files, each with a header row somewhere under a title, perhaps over two rows with merged
cells, perhaps followed by a row of column numbers "(1) (2) …". This module lists the files,
turns each sheet into a :class:`Grid`, finds the header by a heading → column key map, and
holds the results every intake reports: :class:`RejectedRow`, :class:`RejectedFile` and
their ``rejected.csv``. What a row means is left to each intake.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tdkt_docs.errors import DataError
from tdkt_docs.messages import plural
from tdkt_docs.tabular import TABULAR_SUFFIXES, csv_bytes, read_sheets
from tdkt_docs.text import match_key

INTAKE_SUFFIXES = TABULAR_SUFFIXES
"""Workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) and CSV files, read by tdkt_docs.tabular."""
OTHER_SPREADSHEETS = (".numbers",)
"""Refused with how to export it, so a unit that sent one is not silently missed."""
IGNORED_PREFIXES = ("~$", "._", ".~lock")
"""Lock files of Excel and LibreOffice, and macOS metadata files next to the real ones."""
HEADER_SEARCH_ROWS = 30
MIN_HEADINGS = 3
"""A row with at least this many of the form's headings is taken as a header row."""
NUMBERS_REASON = (
    "is a Numbers ({suffix}) file; in Numbers choose File → Export To → Excel, and send the .xlsx"
)

_INVISIBLE = str.maketrans("", "", "\u200b\ufeff")


# --- Results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RejectedRow:
    """One problem in one row; a row with two bad cells gives two of these.

    ``sheet`` is ``None`` for a CSV file, ``column`` the heading of the bad cell (``None``
    when the problem is the sheet's header). ``duplicate_of`` is the source of the kept row
    when this row repeats it.
    """

    file: str
    sheet: str | None
    row: int
    column: str | None
    message: str
    duplicate_of: str | None = None

    def __str__(self) -> str:
        where = [f"sheet '{self.sheet}'"] if self.sheet is not None else []
        where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{self.file}: {', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class RejectedFile:
    """A file of which nothing was accepted, and why."""

    file: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"


def rejected_csv(
    files: Iterable[RejectedFile],
    rows: Iterable[RejectedRow],
    *,
    message_heading: str = "message",
) -> bytes:
    """``rejected.csv``: one line per refused file, then per problem of a row (UTF-8 with a
    BOM, as Excel opens it; columns file, sheet, row, column and ``message_heading``)."""
    lines: list[tuple[object, ...]] = [(f.file, "", "", "", f.reason) for f in files]
    lines += [(r.file, r.sheet or "", r.row, r.column or "", r.message) for r in rows]
    return csv_bytes(("file", "sheet", "row", "column", message_heading), lines)


# --- Cells and headings ---------------------------------------------------------------------


def cell_text(value: object) -> str | None:
    """A cell as the text a person sees in it; ``None`` when it is blank."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))  # Excel stores every number as a float: 1985.0 is 1985
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y" if value.time() == dt.time() else "%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    text = str(value)
    return text if text.translate(_INVISIBLE).strip() else None


def heading_key(text: str) -> str:
    """How a heading is compared: :func:`match_key`, without the "*" or "(*)" that marks a
    required column on many forms ("Loại *", "Loại (*)")."""
    return re.sub(r"\s*(\(\*\)|\*+)$", "", match_key(text))


# --- Grids: a sheet or a CSV file as rows of values -------------------------------------------


class FileRejectedError(Exception):
    """The whole file is refused; the message is the reason shown to the user."""


@dataclass
class Grid:
    file: str
    sheet: str | None
    rows: list[tuple[object, ...]]
    """rows[0] is row 1."""
    merged: dict[tuple[int, int], object]
    """(row, column), both from 1 → the value of the merged range that covers the cell."""
    vertical: set[tuple[int, int]]
    """The merged cells whose range is a single column (a unit cell spanning its rows)."""
    merged_bottom: dict[tuple[int, int], int]
    """The top-left cell of a merged range → the range's last row."""

    def value(self, row: int, column: int, *, in_header: bool) -> object:
        values = self.rows[row - 1]
        value = values[column - 1] if column <= len(values) else None
        if value is None and (in_header or (row, column) in self.vertical):
            return self.merged.get((row, column))
        return value

    def where(self, row: int) -> str:
        sheet = f"sheet '{self.sheet}', " if self.sheet is not None else ""
        return f"{sheet}row {row}"


@dataclass(frozen=True)
class Header:
    row: int
    last_row: int
    columns: dict[str, int]
    """Column key → column number (from 1)."""


def headings_in_row(
    grid: Grid, row: int, headings: Mapping[str, str], skip: set[int] | None = None
) -> dict[str, int]:
    """The columns of ``row`` whose text is a heading of ``headings`` (heading key → column
    key), the first column of each key."""
    found: dict[str, int] = {}
    width = max(len(grid.rows[row - 1]), 1)
    for column in range(1, width + 1):
        if skip and column in skip:
            continue
        value = grid.value(row, column, in_header=True)
        matched = headings.get(heading_key(value)) if isinstance(value, str) else None
        if matched is not None and matched not in found:
            found[matched] = column
    return found


def find_header(grid: Grid, headings: Mapping[str, str]) -> Header | None:
    """The first row holding at least :data:`MIN_HEADINGS` of ``headings`` (heading key, as
    :func:`heading_key` gives it → column key), possibly over two rows (merged cells)."""
    for row in range(1, min(HEADER_SEARCH_ROWS, len(grid.rows)) + 1):
        columns = headings_in_row(grid, row, headings)
        if len(columns) < MIN_HEADINGS:
            continue
        last_row = row
        if row < len(grid.rows):
            # Headings under a group heading ("Thông tin cá nhân" over Năm sinh, Giới tính).
            below = headings_in_row(grid, row + 1, headings, skip=set(columns.values()))
            added = {k: c for k, c in below.items() if k not in columns}
            if added:
                columns.update(added)
                last_row = row + 1
        for column in columns.values():
            last_row = max(last_row, grid.merged_bottom.get((row, column), row))
        return Header(row, last_row, columns)
    return None


def is_column_numbers(values: Sequence[object]) -> bool:
    """A row "(1) (2) (3) …" or "1 2 3 …" under the header, as many Vietnamese forms have."""
    texts = [t for t in (cell_text(v) for v in values) if t is not None]
    return len(texts) >= MIN_HEADINGS and all(
        re.fullmatch(r"\(?\d{1,2}\)?", t.strip()) for t in texts
    )


def grids(path: Path) -> list[Grid]:
    """Every visible sheet of a workbook, or the CSV file, with its merged cells.

    Raises :class:`FileRejectedError` when the reader refuses the file."""
    try:
        sheets = read_sheets(path)
    except DataError as exc:
        raise FileRejectedError(reader_reason(exc)) from exc
    found: list[Grid] = []
    for sheet in sheets:
        grid = Grid(path.name, sheet.name, list(sheet.rows), {}, set(), {})
        for cells in sheet.merged:
            _add_merged(grid, cells.top, cells.left, cells.bottom, cells.right)
        found.append(grid)
    return found


def reader_reason(error: DataError) -> str:
    """The problems of a file refused by the reader, without the file's name."""
    return "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in error.problems)


def _add_merged(grid: Grid, top: int, left: int, bottom: int, right: int) -> None:
    if top > len(grid.rows):
        return
    top_row = grid.rows[top - 1]
    value = top_row[left - 1] if left <= len(top_row) else None
    grid.merged_bottom[(top, left)] = bottom
    # Only ranges that can matter are filled: header cells, and single-column data cells.
    last = min(bottom, len(grid.rows))
    for row in range(top, last + 1):
        if row > HEADER_SEARCH_ROWS + 1 and left != right:
            break
        for column in range(left, right + 1):
            if (row, column) != (top, left):
                grid.merged[(row, column)] = value
                if left == right:
                    grid.vertical.add((row, column))


# --- The folder -------------------------------------------------------------------------------


def intake_files(folder: Path, what: str = "submissions") -> list[Path]:
    """The workbooks, CSV and Numbers files of ``folder`` (not its sub-folders), in name
    order, without lock and metadata files. Raises :class:`DataError` when ``folder`` is not
    a folder ("is not a folder of <what>")."""
    if not folder.is_dir():
        raise DataError.single(folder, "", f"is not a folder of {what}")
    files = [
        path
        for path in folder.iterdir()
        if path.is_file()
        and not path.name.startswith(IGNORED_PREFIXES)
        and path.suffix.lower() in INTAKE_SUFFIXES + OTHER_SPREADSHEETS
    ]
    return sorted(files, key=lambda path: path.name)


def refused_format(path: Path) -> RejectedFile | None:
    """A Numbers file, refused with how to export it; ``None`` for a file that is read."""
    if path.suffix.lower() in OTHER_SPREADSHEETS:
        return RejectedFile(path.name, NUMBERS_REASON.format(suffix=path.suffix))
    return None


__all__ = [
    "HEADER_SEARCH_ROWS",
    "IGNORED_PREFIXES",
    "INTAKE_SUFFIXES",
    "MIN_HEADINGS",
    "OTHER_SPREADSHEETS",
    "FileRejectedError",
    "Grid",
    "Header",
    "RejectedFile",
    "RejectedRow",
    "cell_text",
    "find_header",
    "grids",
    "heading_key",
    "headings_in_row",
    "intake_files",
    "is_column_numbers",
    "reader_reason",
    "refused_format",
    "rejected_csv",
]


def read_tables(
    tables: Sequence[tuple[Grid, Header | None]],
    missing: Callable[[Header], Sequence[str]],
    read: Callable[[Grid, Header], tuple[int, int]],
    rejected_rows: list[RejectedRow],
    *,
    no_header: str,
    rows_of: str,
) -> None:
    """Read the sheets of one file (each with the header found in it, or ``None``).

    ``missing`` gives the required headings a header lacks: such a sheet is listed in
    ``rejected_rows`` when another sheet of the file is complete, else the file is refused.
    ``read`` reads the rows under a complete header and returns (rows found, rows accepted).
    Raises :class:`FileRejectedError` with ``no_header`` when no sheet has the header, and
    when the sheets have no rows ("has no <rows_of> rows") or none could be accepted.
    """
    complete = [(g, h) for g, h in tables if h is not None and not missing(h)]
    for grid, header in tables:
        lacking = missing(header) if header is not None else ()
        if header is None or not lacking:
            continue
        columns = "column" if len(lacking) == 1 else "columns"
        listed = ", ".join(f"'{h}'" for h in lacking)
        message = f"the header lacks the required {columns} {listed}; this sheet was not read"
        if not complete:
            raise FileRejectedError(f"{grid.where(header.row)}: {message}")
        rejected_rows.append(RejectedRow(grid.file, grid.sheet, header.row, None, message))
    if not complete:
        raise FileRejectedError(no_header)
    found = accepted = 0
    for grid, header in complete:
        in_grid, accepted_in_grid = read(grid, header)
        found, accepted = found + in_grid, accepted + accepted_in_grid
    if found == 0:
        where = ", ".join(grid.where(header.row) for grid, header in complete)
        raise FileRejectedError(f"has no {rows_of} rows under its header ({where})")
    if accepted == 0:
        raise FileRejectedError(
            f"none of its {plural(found, 'row')} could be accepted; each problem is listed by row"
        )
