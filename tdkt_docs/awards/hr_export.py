"""The decided awards as a workbook for HR systems (hồ sơ cán bộ: MISA QLCB and the like).

One row per person, collective or household, with the fields such systems record for each
decision (tdkt-awards.md §7): Số QĐ, Ngày QĐ, Năm, Cơ quan ra QĐ, Cấp, Loại, Hình thức,
Thành tích — after the columns that say who it is. The decision's date is a real date cell;
a number or date the clerk has not written yet is left empty, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from tdkt_docs.awards.catalog import AwardForm, Level
from tdkt_docs.form_workbook import workbook_bytes
from tdkt_docs.tabular import protect_cell

SHEET = "Khen thưởng"
LEVELS: dict[Level, str] = {"trung ương": "Nhà nước", "tỉnh": "Tỉnh", "cơ sở": "Cơ sở"}
"""The Cấp of a decision as HR systems list it (Tỉnh / Bộ / Cơ sở / …)."""

COLUMNS: tuple[tuple[str, float], ...] = (
    ("STT", 6),
    ("Họ và tên / tên tập thể, hộ gia đình", 30),
    ("Danh xưng", 10),
    ("Giới tính", 9),
    ("Năm sinh", 9),
    ("Chức vụ", 24),
    ("Đơn vị công tác", 30),
    ("Phân loại khen thưởng", 14),
    ("Số QĐ", 16),
    ("Ngày QĐ", 12),
    ("Năm", 7),
    ("Cơ quan ra QĐ", 30),
    ("Cấp", 10),
    ("Loại", 20),
    ("Hình thức", 34),
    ("Thành tích", 50),
    ("Loại hình", 12),
    ("Phân loại đối tượng", 30),
    ("Lĩnh vực", 20),
    ("Đơn vị đề nghị", 28),
)
DATE_FORMAT = "dd/mm/yyyy"


@dataclass(frozen=True)
class DecidedAward:
    """One honouree of a decision, as the HR export writes it."""

    name: str
    honorific: str | None
    gender: str | None
    birth_year: int | None
    position: str | None
    workplace: str | None
    kind: str
    form: AwardForm
    number: str | None
    """ "1234/QĐ-UBND", or ``None`` while the clerk has not numbered the decision."""
    date: dt.date | None
    year: int
    issuer: str
    reason: str
    award_type: str | None
    target_group: str | None
    field: str | None
    unit: str


def hr_workbook(awards: Sequence[DecidedAward], timestamp: dt.datetime) -> bytes:
    """The HR export as .xlsx bytes (the same awards and timestamp give the same bytes)."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = SHEET
    sheet.append([heading for heading, _ in COLUMNS])
    for number, award in enumerate(awards, start=1):
        reason = award.reason[:1].upper() + award.reason[1:]
        sheet.append(
            [
                number,
                award.name,
                award.honorific,
                award.gender.capitalize() if award.gender else None,
                award.birth_year,
                award.position,
                award.workplace,
                award.kind.capitalize(),
                award.number,
                award.date,
                award.year,
                award.issuer,
                LEVELS[award.form.level],
                award.form.category.capitalize(),
                award.form.title,
                reason,
                award.award_type.capitalize() if award.award_type else None,
                award.target_group,
                award.field,
                award.unit,
            ]
        )
    date_column = [heading for heading, _ in COLUMNS].index("Ngày QĐ") + 1
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            protect_cell(cell)  # "=…" typed in a nomination stays text
        row[date_column - 1].number_format = DATE_FORMAT
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    workbook.properties.title = "Danh sách khen thưởng (nhập hồ sơ cán bộ)"
    workbook.properties.creator = "tdkt-docs"
    return workbook_bytes(workbook, timestamp)
