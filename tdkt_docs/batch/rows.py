"""The data of a batch: one row per document, from a CSV file, a workbook, YAML or JSON.

CSV files and workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) are read by :mod:`tdkt_docs.tabular`
(limits, formats, encoding, separator, value rules); this module finds the header and makes
the rows. Every row keeps the number a person sees for it (the spreadsheet row, the CSV
row, the list item), so an error can point at it. Blank rows are skipped, and so are title
rows above the header of a workbook. Values are never interpreted: a cell holding
``{{ 7*7 }}`` is that text.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tdkt_docs.errors import DataError, Problem
from tdkt_docs.loader import read_data
from tdkt_docs.tabular import TABULAR_SUFFIXES, WORKBOOK_SUFFIXES, read_sheet
from tdkt_docs.text import nfc

DATA_SUFFIXES = (*TABULAR_SUFFIXES, ".yaml", ".yml", ".json")

Value = str | int | float | dt.date


@dataclass(frozen=True)
class Row:
    """One row of data: its values by column, and where it is (``row 7`` / ``item 3``)."""

    number: int
    values: Mapping[str, Value]
    unit: str = "row"

    @property
    def label(self) -> str:
        return f"{self.unit} {self.number}"


@dataclass(frozen=True)
class Table:
    """All rows of a data file, with its column names in order."""

    source: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


def _value(raw: object) -> Value:
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw).upper()
    if isinstance(raw, float) and math.isfinite(raw) and raw.is_integer():
        return int(raw)  # Excel stores every number as a float: 15.0 is 15
    if isinstance(raw, dt.datetime):
        return raw.date() if raw.time() == dt.time() else nfc(raw.isoformat(sep=" "))
    if isinstance(raw, dt.date | int | float):
        return raw
    if isinstance(raw, dt.time):
        return raw.strftime("%H:%M")
    return nfc(str(raw))


def _is_blank(value: Value) -> bool:
    return isinstance(value, str) and not value.strip()


def _header(source: str, cells: Iterable[object], line: int) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[str] = set()
    problems: list[Problem] = []
    for position, raw in enumerate(cells, start=1):
        name = " ".join(nfc(str(raw)).split()) if raw is not None else ""
        if name and name.casefold() in seen:
            problems.append(Problem(source, f"row {line}", f"the column {name!r} appears twice"))
        seen.add(name.casefold())
        names.append(name or f"#{position}")
    if problems:
        raise DataError(problems)
    return tuple(names)


def _filled_count(cells: list[object]) -> int:
    return sum(not _is_blank(_value(c)) for c in cells)


def _table(
    source: str, lines: list[tuple[int, list[object]]], unit: str = "row", *, titles: bool = False
) -> Table:
    """The header, then one :class:`Row` per non-blank line.

    The header is the first non-blank line; with ``titles`` (workbooks), the first line with
    two or more filled cells, so title lines above it ("DANH SÁCH ĐƠN VỊ CHƯA GỬI BÁO CÁO",
    one merged cell) are skipped as offices write them. Data with a single column takes its
    first non-blank line.
    """
    filled = [(n, cells) for n, cells in lines if _filled_count(cells)]
    if not filled:
        raise DataError.single(source, "", "holds no rows: expected a header line, then data")
    start = 0
    if titles:
        start = next((i for i, (_, cells) in enumerate(filled) if _filled_count(cells) >= 2), 0)
    header_line, header_cells = filled[start]
    columns = _header(source, header_cells, header_line)
    rows = []
    for number, cells in filled[start + 1 :]:
        extra = [c for c in cells[len(columns) :] if not _is_blank(_value(c))]
        if extra:
            raise DataError.single(
                source, f"row {number}", f"has {len(cells)} cells but the header names "
                f"{len(columns)} columns; put a header over every filled column",
            )  # fmt: skip
        values = {name: _value(cell) for name, cell in zip(columns, cells, strict=False)}
        for name in columns[len(cells) :]:
            values[name] = ""
        rows.append(Row(number, values, unit))
    if not rows:
        raise DataError.single(source, "", "has a header line but no data rows")
    return Table(source, columns, tuple(rows))


def _read_tabular(path: Path, sheet: str | None) -> Table:
    found = read_sheet(path, sheet)
    lines: list[tuple[int, list[object]]] = [
        (number, list(cells)) for number, cells in enumerate(found.rows, start=1)
    ]
    if found.name is None:  # a CSV file
        return _table(str(path), lines)
    return _table(f"{path} (sheet {found.name!r})", lines, titles=True)


def _read_list(path: Path) -> Table:
    data = read_data(path)
    if isinstance(data, Mapping) and isinstance(data.get("rows"), list):
        data = data["rows"]  # a file may wrap its list in "rows:"
    return rows_from_records(data, str(path))


def rows_from_records(records: object, source: str = "rows") -> Table:
    """Rows given as a list of mappings (a YAML/JSON list, or Python data)."""
    if not isinstance(records, list | tuple) or not records:
        raise DataError.single(source, "", "expected a non-empty list of rows (mappings)")
    columns: dict[str, None] = {}
    rows = []
    problems = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, Mapping):
            problems.append(
                Problem(
                    source, f"item {number}", f"expected a mapping, got {type(record).__name__}"
                )
            )
            continue
        values: dict[str, Value] = {}
        for key, raw in record.items():
            if isinstance(raw, Mapping | list | tuple):
                problems.append(
                    Problem(source, f"item {number}", f"{key!r}: expected a single value")
                )
                continue
            name = nfc(str(key))
            columns.setdefault(name)
            values[name] = _value(raw)
        rows.append(Row(number, values, "item"))
    if problems:
        raise DataError(problems)
    names = tuple(columns)
    full = tuple(Row(r.number, {c: r.values.get(c, "") for c in names}, r.unit) for r in rows)
    return Table(source, names, full)


def read_rows(path: str | Path, *, sheet: str | None = None) -> Table:
    """Read a data file: a CSV, a workbook (.xlsx, .xlsm, .xls, .xlsb, .ods: its first
    visible sheet, or ``sheet``), or a YAML/JSON list of mappings."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in DATA_SUFFIXES:
        raise DataError.single(
            path, "", f"unknown data file type {suffix or '(none)'}; expected one of "
            + ", ".join(DATA_SUFFIXES),
        )  # fmt: skip
    if sheet is not None and suffix not in WORKBOOK_SUFFIXES:
        raise DataError.single(
            path, "--sheet", "a sheet can only be chosen in a workbook ("
            + ", ".join(WORKBOOK_SUFFIXES) + ")",
        )  # fmt: skip
    if suffix in TABULAR_SUFFIXES:
        return _read_tabular(path, sheet)
    return _read_list(path)  # YAML/JSON: the loader checks the size
