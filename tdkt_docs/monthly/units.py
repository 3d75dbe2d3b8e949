"""The registry of units expected to report: YAML (a list, or ``units:`` holding one), or a
table with the columns code, name, group, recipient, email: a CSV file or a workbook
(.xlsx, .xls, .ods …, the first visible sheet), read by :mod:`tdkt_docs.tabular`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tdkt_docs.batch.rows import read_rows
from tdkt_docs.errors import DataError, Problem
from tdkt_docs.loader import read_data
from tdkt_docs.messages import problems_from
from tdkt_docs.monthly.schema import Unit
from tdkt_docs.tabular import TABULAR_SUFFIXES

CSV_COLUMNS = ("code", "name", "group", "recipient", "email")


def _table_rows(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(row number, fields) of a registry kept as a table; blank cells are left out."""
    table = read_rows(path)
    missing = [c for c in CSV_COLUMNS[:4] if c not in table.columns]
    if missing:
        raise DataError.single(
            table.source,
            "",
            f"missing columns {', '.join(missing)}; expected {', '.join(CSV_COLUMNS)}",
        )
    return [
        (row.number, {k: str(v) for k, v in row.values.items() if k in CSV_COLUMNS and v != ""})
        for row in table.rows
    ]


def load_units(path: str | Path) -> list[Unit]:
    """Read and validate a units registry; every bad row is reported, with its number."""
    path = Path(path)
    numbered: list[tuple[int, Any]]
    tabular = path.suffix.lower() in TABULAR_SUFFIXES
    if tabular:
        numbered = _table_rows(path)  # numbered as the spreadsheet shows them
    else:
        data = read_data(path)
        rows = data.get("units") if isinstance(data, dict) else data
        if not isinstance(rows, list):
            raise DataError.single(path, "units", "expected a non-empty list of units")
        numbered = list(enumerate(rows))
    if not numbered:
        raise DataError.single(path, "units", "expected a non-empty list of units")
    units: list[Unit] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for number, row in numbered:
        label = f"row {number}" if tabular else f"units[{number}]"
        try:
            unit = Unit.model_validate(row)
        except ValidationError as exc:
            problems += problems_from(exc, str(path), prefix=(label,), model=Unit)
            continue
        if unit.code in seen:
            problems.append(
                Problem(
                    str(path),
                    f"{label}.code",
                    f"{unit.code!r} is already used by {seen[unit.code]}",
                )
            )
            continue
        seen[unit.code] = label
        units.append(unit)
    if problems:
        raise DataError(problems)
    return units
