"""Reading the example submissions: the tabular reader (python-calamine) against openpyxl.

Reads every workbook of examples/monthly/submissions (or of FOLDER) ROUNDS times (10), each
way:

* ``tdkt_docs.tabular.read_sheets``: limits, format, the reach of the values,
  python-calamine, the value rules and the merged ranges of every visible sheet;
* python-calamine alone, values and merged ranges (what the checks and rules add to it);
* openpyxl in read-only mode, every visible sheet's values (the baseline of issue 11);
* openpyxl in normal mode, values and merged ranges (what the intake used before).

Prints each time and the ratios, and checks that all three read the same cell values.

    python benchmarks/read.py [ROUNDS] [FOLDER]
"""

from __future__ import annotations

import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import python_calamine

from tdkt_docs.tabular import WORKBOOK_SUFFIXES, read_sheets
from tdkt_docs.tabular.model import row_values

ROOT = Path(__file__).resolve().parent.parent
Read = Callable[[Path], list[tuple[tuple[object, ...], ...]]]


def with_tabular(path: Path) -> list[tuple[tuple[object, ...], ...]]:
    return [sheet.rows for sheet in read_sheets(path)]


def with_calamine_alone(path: Path) -> list[tuple[tuple[object, ...], ...]]:
    workbook = python_calamine.CalamineWorkbook.from_path(path)
    sheets = []
    for entry in workbook.sheets_metadata:
        if entry.visible == python_calamine.SheetVisibleEnum.Visible:
            sheet = workbook.get_sheet_by_name(entry.name)
            _ = sheet.merged_cell_ranges
            sheets.append(tuple(tuple(row) for row in sheet.to_python(skip_empty_area=False)))
    workbook.close()
    return sheets


def with_openpyxl(read_only: bool) -> Read:
    def read(path: Path) -> list[tuple[tuple[object, ...], ...]]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=read_only, data_only=True)
        try:
            sheets = []
            for sheet in workbook.worksheets:
                if sheet.sheet_state != "visible":
                    continue
                if not read_only:
                    _ = [r.bounds for r in sheet.merged_cells.ranges]
                rows = [row_values(r) for r in sheet.iter_rows(values_only=True)]
                while rows and not rows[-1]:
                    rows.pop()  # openpyxl gives the trailing rows that are only formatted
                sheets.append(tuple(rows))
            return sheets
        finally:
            workbook.close()

    return read


def timed(read: Read, files: list[Path], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for path in files:
            read(path)
    return time.perf_counter() - start


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "examples/monthly/submissions"
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in WORKBOOK_SUFFIXES)
    read_only, normal = with_openpyxl(True), with_openpyxl(False)
    for path in files:  # the same values, or the comparison means nothing
        assert with_tabular(path) == read_only(path) == normal(path), path
    tabular = timed(with_tabular, files, rounds)
    alone = timed(with_calamine_alone, files, rounds)
    baseline = timed(read_only, files, rounds)
    before = timed(normal, files, rounds)
    print(f"{len(files)} workbooks × {rounds} rounds")
    print(f"tdkt_docs.tabular (python-calamine): {tabular:.2f} s")
    print(f"python-calamine alone:               {alone:.2f} s ({alone / tabular:.2f}×)")
    print(f"openpyxl read-only:                  {baseline:.2f} s ({baseline / tabular:.1f}×)")
    print(f"openpyxl with merged cells:          {before:.2f} s ({before / tabular:.1f}×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
