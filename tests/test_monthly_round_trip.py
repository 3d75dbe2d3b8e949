"""A workbook written by the form, filled in by a unit (openpyxl), compiles without edits."""

from __future__ import annotations

from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]

from tdkt_docs import monthly
from tdkt_docs.monthly.schema import COLUMNS


def test_form_round_trip(tmp_path: Path) -> None:
    registry = tmp_path / "units.yaml"
    registry.write_text(
        "units:\n"
        "  - {code: STC, name: Sở Tài chính, group: sở ban ngành, recipient: Sở Tài chính}\n"
        "  - {code: SYT, name: Sở Y tế, group: sở ban ngành, recipient: Sở Y tế}\n",
        "utf-8",
    )
    units = monthly.load_units(registry)
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    form = monthly.form(submissions / "stc.xlsx", "2023-09", units)
    workbook = openpyxl.load_workbook(form)
    sheet = workbook.worksheets[0]
    header_row = next(row for row in range(1, 10) if sheet.cell(row, 1).value == COLUMNS[0].heading)
    rows = [
        {"unit": "Sở Tài chính", "name": "Nguyễn Văn An", "kind": "cá nhân", "birth_year": 1984,
         "gender": "nam", "position": "Chuyên viên Phòng Ngân sách", "field": "công tác",
         "achievements": "Sáng kiến rút ngắn thời gian thẩm định", "media": "không có"},
        {"unit": "STC", "name": "Phòng Tin học - Thống kê", "kind": "tập thể",
         "position": "Sở Tài chính", "field": "lao động",
         "achievements": "Số hóa toàn bộ hồ sơ", "media": "video clip"},
    ]  # fmt: skip
    for offset, values in enumerate(rows, start=1):
        for column_number, column in enumerate(COLUMNS, start=1):
            sheet.cell(header_row + offset, column_number, values.get(column.key))
    workbook.save(form)
    intake = monthly.read_submissions(submissions, units)
    assert [e.name for e in intake.exemplars] == ["Nguyễn Văn An", "Phòng Tin học - Thống kê"]
    assert intake.rejected_rows == () and intake.rejected_files == ()
    assert [u.code for u in intake.units_missing] == ["SYT"]
