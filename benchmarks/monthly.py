"""Compile and render 5.000 exemplars from 60 submission files (target: under 10 s).

Baseline in the same run: only opening the 60 workbooks with openpyxl and reading their
cells, the least any compiler must do. Prints both times and their ratio.

    python benchmarks/monthly.py [EXEMPLARS] [FILES]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import yaml

from tdkt_docs.form_workbook import workbook_bytes
from tdkt_docs.monthly.compile import compile_month
from tdkt_docs.monthly.form import build_form
from tdkt_docs.monthly.schema import COLUMNS, FIELDS, KINDS

ROOT = Path(__file__).resolve().parent.parent
HEADER_ROW = 4


def make_inputs(folder: Path, exemplars: int, files: int) -> Path:
    units = [
        {"code": f"DV{i:02d}", "name": f"Đơn vị số {i}", "group": "sở ban ngành",
         "recipient": f"Đơn vị số {i}", "email": f"dv{i}@example.gov.vn"}
        for i in range(1, files + 6)
    ]  # fmt: skip
    units_path = folder / "units.yaml"
    units_path.write_text(yaml.safe_dump({"units": units}, allow_unicode=True), "utf-8")
    submissions = folder / "submissions"
    submissions.mkdir()
    per_file = exemplars // files
    for index in range(files):
        workbook = build_form(2023, 9)
        sheet = workbook.active
        for row in range(per_file):
            kind = KINDS[row % 3]
            values = {
                "unit": units[index]["code"], "name": f"Người tốt {index}-{row}", "kind": kind,
                "birth_year": 1980 + row % 30 if kind == "cá nhân" else None,
                "gender": ("nam", "nữ")[row % 2] if kind == "cá nhân" else None,
                "position": "Cán bộ, công chức của đơn vị", "field": FIELDS[row % len(FIELDS)],
                "achievements": "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được áp dụng",
                "commendations": "Giấy khen", "media": "không có",
                "media_link": None, "notes": None,
            }  # fmt: skip
            for column_number, column in enumerate(COLUMNS, start=1):
                sheet.cell(HEADER_ROW + 1 + row, column_number, values[column.key])
        data = workbook_bytes(workbook, dt.datetime(2023, 9, 1))
        (submissions / f"dv{index:02d}.xlsx").write_bytes(data)
    return units_path


def main() -> int:
    exemplars = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        units_path = make_inputs(folder, exemplars, files)
        start = time.perf_counter()
        cells = 0
        for path in sorted((folder / "submissions").glob("*.xlsx")):
            workbook = openpyxl.load_workbook(path, data_only=True)
            for sheet in workbook.worksheets:
                cells += sum(1 for row in sheet.iter_rows(values_only=True) for _ in row)
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        result = compile_month(
            "2023-09", units_path, folder / "submissions", folder / "out",
            agency=ROOT / "examples" / "agency.yaml",
            signer={"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC",
                    "name": "Huỳnh Mạnh Thắng"},
        )  # fmt: skip
        elapsed = time.perf_counter() - start
    accepted = len(result.intake.exemplars)
    print(f"submission files:        {files}")
    print(f"exemplars accepted:      {accepted} (of {exemplars // files * files})")
    print(f"openpyxl read only:      {baseline:.2f} s ({cells} cells)")
    print(f"compile + render:        {elapsed:.2f} s")
    print(f"ratio compile / read:    {elapsed / baseline:.1f}x")
    print(f"target under 10 s:       {'met' if elapsed < 10 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
