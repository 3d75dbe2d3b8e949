"""The registry of units expected to report: YAML (a list, or ``units:`` holding one) or CSV
with the columns code, name, group, recipient, email."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tdkt_docs.errors import DataError, Problem
from tdkt_docs.loader import read_data
from tdkt_docs.messages import problems_from
from tdkt_docs.monthly.schema import Unit

CSV_COLUMNS = ("code", "name", "group", "recipient", "email")


def _csv_rows(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError.single(path, "", f"cannot read the file as UTF-8 CSV: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS[:4] if c not in (reader.fieldnames or [])]
    if missing:
        raise DataError.single(
            path, "", f"missing columns {', '.join(missing)}; expected {', '.join(CSV_COLUMNS)}"
        )
    return [{k: (v or None) for k, v in row.items() if k in CSV_COLUMNS} for row in reader]


def load_units(path: str | Path) -> list[Unit]:
    """Read and validate a units registry; every bad row is reported, with its number."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        rows: Any = _csv_rows(path)
        first_row = 2  # the header is row 1
    else:
        data = read_data(path)
        rows = data.get("units") if isinstance(data, dict) else data
        first_row = 1
    if not isinstance(rows, list) or not rows:
        raise DataError.single(path, "units", "expected a non-empty list of units")
    units: list[Unit] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, row in enumerate(rows):
        number = index + first_row
        label = f"row {number}" if path.suffix.lower() == ".csv" else f"units[{index}]"
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
                    f"{unit.code!r} is already used by unit {seen[unit.code]}",
                )
            )
            continue
        seen[unit.code] = number
        units.append(unit)
    if problems:
        raise DataError(problems)
    return units
