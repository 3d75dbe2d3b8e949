"""A sheet as the reader gives it: rows of cell values, numbered as a spreadsheet shows them.

Cell values follow one set of rules, whatever the format: an empty cell is ``None``, text is
NFC, a whole number is an ``int`` (Excel stores 15 as 15.0), a date is a ``date`` (a time of
day is kept only when it is not midnight), a duration is text ("5:30"), a formula is its last
computed value. Values are never interpreted beyond that: ``{{ 7*7 }}`` and ``=1+2`` typed as
text stay text.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from tdkt_docs.text import nfc

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | None


@dataclass(frozen=True)
class CellRange:
    """A merged range; rows and columns are numbered from 1, both ends included."""

    top: int
    left: int
    bottom: int
    right: int


@dataclass
class Layout:
    """What python-calamine does not give of an .ods or .xlsb sheet: its merged ranges, and
    the last row and column (from 1) holding a value."""

    merged: list[CellRange]
    rows: int = 0
    columns: int = 0


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook, or a CSV file (``name`` is then ``None``).

    ``rows[0]`` is row 1 as the spreadsheet shows it (a CSV cell holding a line break stays
    one row); trailing empty cells of a row are left out. ``merged`` lists the merged ranges
    (none for a CSV file), cut to the cells read.
    """

    name: str | None
    rows: tuple[tuple[Cell, ...], ...]
    merged: tuple[CellRange, ...] = ()
    hidden: bool = False


def _duration(value: dt.timedelta) -> str:
    minutes, seconds = divmod(round(value.total_seconds()), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def cell_value(raw: object) -> Cell:
    """A value from a reader, by the rules above."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        return nfc(raw)
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, float):
        return int(raw) if math.isfinite(raw) and raw.is_integer() else raw
    if isinstance(raw, dt.datetime):
        return raw.date() if raw.time() == dt.time() else raw
    if isinstance(raw, int | dt.date | dt.time):
        return raw
    if isinstance(raw, dt.timedelta):
        return _duration(raw)
    return nfc(str(raw))


def row_values(raw: Sequence[object]) -> tuple[Cell, ...]:
    """A row's values, without its trailing empty cells."""
    values = [cell_value(value) for value in raw]
    while values and values[-1] is None:
        values.pop()
    return tuple(values)
