"""The monthly intake form: the workbook on which each unit sends its 1–2 exemplars.

The compiler finds the header row by its headings, so every ``Column.heading`` is written
exactly, in ``COLUMNS`` order, on one row (``HEADER_ROW``). Required columns are marked by a
bold red heading and a comment on the heading cell, never by changing the heading's text.

Layout of the sheet ``FORM_SHEET`` ("Điển hình"):

* row 1: the title with the month ("… THÁNG 9 NĂM 2023"), merged across the columns;
* row 2: the reporting period and "Mỗi đơn vị gửi từ 01 đến 02 điển hình", merged;
* row 3: empty;
* row 4: the headings; rows 5 to 204: prepared (bordered) rows for the exemplars.

The sheet ``GUIDE_SHEET`` ("Hướng dẫn") explains how to fill it in. When units are given, their
names are listed on the hidden sheet ``LISTS_SHEET`` ("Danh mục") as the source of the unit
column's drop-down (an inline list is limited to 255 characters).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.comments import Comment  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import (  # type: ignore[import-untyped, unused-ignore]
    Alignment,
)
from openpyxl.utils import (  # type: ignore[import-untyped, unused-ignore]
    get_column_letter,
)
from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped, unused-ignore]
    DataValidation,
)
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from tdkt_docs.errors import DataError
from tdkt_docs.form_workbook import (
    BORDER,
    CREATOR,
    REQUIRED_COLOUR,
    TEXT_FORMAT,
    TITLE_FONT_SIZE,
    fill_guide_sheet,
    fill_lists_sheet,
    font,
    header_fill,
    inline_list,
    print_setup,
    sheet_range,
    workbook_bytes,
)
from tdkt_docs.monthly.schema import COLUMNS, Column, Period, Unit
from tdkt_docs.output import write_atomic
from tdkt_docs.vietnamese.dates import month_text, short_date

FORM_SHEET = "Điển hình"
GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"

TITLE_ROW = 1
NOTE_ROW = 2
HEADER_ROW = 4
FIRST_DATA_ROW = HEADER_ROW + 1
DATA_ROWS = 50
"""Rows prepared with borders and fonts: a unit sends 1–2 exemplars, and every styled cell
costs time when dozens of workbooks are read back."""
LAST_DATA_ROW = FIRST_DATA_ROW + DATA_ROWS - 1
VALIDATED_ROWS = 1000
"""The drop-downs reach far below the prepared rows, which costs nothing."""
LAST_VALIDATED_ROW = FIRST_DATA_ROW + VALIDATED_ROWS - 1

# The same bounds as schema.Exemplar.birth_year.
BIRTH_YEAR_MIN = 1900
BIRTH_YEAR_MAX = 2100

_FIRST_YEAR, _LAST_YEAR = 1900, 2100  # the years a form's month may be in
_GUIDANCE = {
    "unit": (
        "Tên đơn vị (chọn trong danh sách thả xuống, nếu có) hoặc mã đơn vị đã được thông "
        "báo; ghi giống nhau ở mọi dòng."
    ),
    "name": (
        "Cá nhân: họ và tên đầy đủ (ví dụ: Nguyễn Thị Lan). Tập thể, hộ gia đình: tên đầy đủ "
        "(ví dụ: Phòng Kế toán - Tài vụ; Hộ ông Trần Văn Bình)."
    ),
    "birth_year": (
        f"Chỉ ghi với cá nhân: năm sinh đủ 4 chữ số (ví dụ 1985), từ {BIRTH_YEAR_MIN} đến "
        f"{BIRTH_YEAR_MAX}. Để trống với tập thể, hộ gia đình."
    ),
    "gender": "Chỉ ghi với cá nhân. Để trống với tập thể, hộ gia đình.",
    "position": (
        "Cá nhân: chức vụ và nơi công tác (ví dụ: Kế toán viên, Phòng Kế hoạch - Tài chính, "
        "Sở Y tế). Tập thể: cơ quan, đơn vị trực thuộc. Hộ gia đình: địa chỉ thường trú."
    ),
    "achievements": (
        "Tóm tắt ngắn gọn thành tích nổi bật trong thời gian báo cáo: việc làm, kết quả cụ thể, "
        "số liệu nếu có (khoảng 3 - 5 câu)."
    ),
    "commendations": (
        "Các hình thức khen thưởng đã được tặng, ghi rõ cấp khen và năm (ví dụ: Bằng khen của "
        "Chủ tịch UBND tỉnh năm 2022). Chưa có thì để trống."
    ),
    "media": "Loại tư liệu kèm theo để tuyên truyền; chọn “không có” nếu không có.",
    "media_link": "Đường dẫn (link) đến video, phim, bài viết về điển hình, nếu có.",
    "notes": "Thông tin khác cần lưu ý, nếu có.",
}


def parse_month(month: str) -> tuple[int, int]:
    """``"2023-09"`` → ``(2023, 9)``; anything else is a ``DataError`` naming the value.

    >>> parse_month("2023-09")
    (2023, 9)
    """
    match = re.fullmatch(r"(\d{4})-(\d{2})", month) if isinstance(month, str) else None
    year, number = (int(match[1]), int(match[2])) if match else (0, 0)
    if not (_FIRST_YEAR <= year <= _LAST_YEAR and 1 <= number <= 12):
        raise DataError.single(
            None, "month", f"{month!r} is not a month; expected YYYY-MM, e.g. 2023-09"
        )
    return year, number


def title_text(year: int, month: int) -> str:
    """The form's title, with the month written as in ND30 dates ("THÁNG 01", "THÁNG 9").

    >>> title_text(2023, 9)
    'DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN, GƯƠNG NGƯỜI TỐT, VIỆC TỐT THÁNG 9 NĂM 2023'
    """
    return (
        "DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN, GƯƠNG NGƯỜI TỐT, VIỆC TỐT "
        f"THÁNG {month_text(month)} NĂM {year}"
    )


def period_text(year: int, month: int) -> str:
    """The reporting period of the month, from ``Period.for_month``.

    >>> period_text(2023, 9)
    'Thời gian: từ ngày 15/8/2023 đến ngày 14/9/2023'
    """
    period = Period.for_month(year, month)
    return f"Thời gian: từ ngày {short_date(period.start)} đến ngày {short_date(period.end)}"


def write_form(
    path: str | Path,
    month: str,
    units: Sequence[Unit] | None = None,
    *,
    overwrite: bool = False,
) -> Path:
    """Write the intake form for ``month`` ("YYYY-MM") to ``path`` (.xlsx), atomically.

    With ``units`` the unit column offers their names in a drop-down. The same arguments
    always give the same bytes. An existing file is refused unless ``overwrite``.
    """
    year, number = parse_month(month)
    workbook = build_form(year, number, units)
    data = workbook_bytes(workbook, dt.datetime(year, number, 1))
    return write_atomic(path, data, overwrite=overwrite)


def build_form(year: int, month: int, units: Sequence[Unit] | None = None) -> Workbook:
    """The intake form as an openpyxl workbook, before saving."""
    workbook = Workbook()
    form = workbook.active
    assert isinstance(form, Worksheet)  # a new workbook starts with one worksheet
    form.title = FORM_SHEET
    _fill_form_sheet(form, year, month)
    _fill_guide_sheet(workbook.create_sheet(GUIDE_SHEET), year, month)
    _add_validations(workbook, form, units or ())  # may add the hidden list sheet, last
    workbook.active = 0

    properties = workbook.properties
    properties.title = f"Danh sách điển hình tiên tiến tháng {month_text(month)}/{year}"
    properties.subject = "Điển hình tiên tiến, gương người tốt, việc tốt hằng tháng"
    properties.creator = CREATOR
    properties.lastModifiedBy = CREATOR
    properties.language = "vi-VN"
    return workbook


def _fill_form_sheet(sheet: Worksheet, year: int, month: int) -> None:
    last_letter = get_column_letter(len(COLUMNS))
    for row, text, banner_font, height in (
        (TITLE_ROW, title_text(year, month), font(bold=True, size=TITLE_FONT_SIZE), 24),
        (NOTE_ROW, _note_text(year, month), font(italic=True), 36),
    ):
        sheet.merge_cells(f"A{row}:{last_letter}{row}")
        banner = sheet.cell(row=row, column=1, value=text)
        banner.font = banner_font
        banner.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.row_dimensions[row].height = height

    heading_fill = header_fill()
    data_font = font()
    data_alignment = Alignment(vertical="top", wrap_text=True)
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width

        heading = sheet.cell(row=HEADER_ROW, column=index, value=column.heading)
        heading.font = font(bold=True, colour=REQUIRED_COLOUR if column.required else "000000")
        heading.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        heading.border = BORDER
        heading.fill = heading_fill
        heading.comment = _heading_comment(column)

        number_format = "0" if column.key == "birth_year" else TEXT_FORMAT
        for row in range(FIRST_DATA_ROW, LAST_DATA_ROW + 1):
            cell = sheet.cell(row=row, column=index)
            cell.font = data_font
            cell.alignment = data_alignment
            cell.border = BORDER
            cell.number_format = number_format
    sheet.row_dimensions[HEADER_ROW].height = 48

    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    print_setup(sheet, landscape=True)


def _note_text(year: int, month: int) -> str:
    return (
        f"{period_text(year, month)}. Mỗi đơn vị gửi từ 01 đến 02 điển hình. "
        "Cột có tiêu đề chữ đỏ là bắt buộc."
    )


def _describe(column: Column) -> str:
    parts = [_GUIDANCE.get(column.key) or column.note]
    if column.choices:
        parts.append(f"Chọn một trong: {'; '.join(column.choices)}.")
    return " ".join(part for part in parts if part)


def _heading_comment(column: Column) -> Comment:
    status = "Bắt buộc." if column.required else "Không bắt buộc."
    comment = Comment(f"{status} {_describe(column)}", CREATOR)
    comment.width = 300
    comment.height = 120
    return comment


def _add_validations(workbook: Workbook, form: Worksheet, units: Sequence[Unit]) -> None:
    lists: list[tuple[str, list[str]]] = []  # columns for the hidden sheet, in order
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_VALIDATED_ROW}"
        rule: DataValidation | None = None
        if column.choices:
            source = inline_list(column.choices)
            if source is None:
                lists.append((column.heading, list(column.choices)))
                source = sheet_range(LISTS_SHEET, len(lists), len(column.choices))
            rule = DataValidation(
                type="list",
                formula1=source,
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle="Giá trị không hợp lệ",
                error=(
                    f"Cột “{column.heading}” chỉ nhận một trong các giá trị: "
                    f"{', '.join(column.choices)}. Hãy chọn trong danh sách thả xuống."
                ),
            )
        elif column.key == "unit" and units:
            names = list(dict.fromkeys(unit.name for unit in units))
            lists.append(("Tên đơn vị", names))
            # A warning, not a stop: a unit may still type its code, which the compiler accepts.
            rule = DataValidation(
                type="list",
                formula1=sheet_range(LISTS_SHEET, len(lists), len(names)),
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning",
                errorTitle="Đơn vị không có trong danh sách",
                error=(
                    "Tên đơn vị không có trong danh sách. Hãy chọn tên trong danh sách thả xuống "
                    "hoặc ghi đúng mã đơn vị đã được thông báo."
                ),
            )
        elif column.key == "birth_year":
            rule = DataValidation(
                type="whole",
                operator="between",
                formula1=str(BIRTH_YEAR_MIN),
                formula2=str(BIRTH_YEAR_MAX),
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle="Năm sinh không hợp lệ",
                error=(
                    f"Năm sinh ghi đủ 4 chữ số, từ {BIRTH_YEAR_MIN} đến {BIRTH_YEAR_MAX} "
                    "(ví dụ 1985); chỉ ghi với cá nhân."
                ),
            )
        if rule is not None:
            rule.add(cells)
            form.add_data_validation(rule)
    if lists:
        fill_lists_sheet(workbook.create_sheet(LISTS_SHEET), lists)


def _fill_guide_sheet(sheet: Worksheet, year: int, month: int) -> None:
    period = Period.for_month(year, month)
    closed = [c for c in COLUMNS if c.choices]
    rules = [
        f"1. Ghi thông tin vào sheet “{FORM_SHEET}”, bắt đầu từ dòng {FIRST_DATA_ROW}; mỗi điển "
        "hình (một cá nhân, một tập thể hoặc một hộ gia đình) ghi trên một dòng.",
        "2. Mỗi đơn vị gửi từ 01 đến 02 điển hình có thành tích trong thời gian từ ngày "
        f"{short_date(period.start)} đến ngày {short_date(period.end)}.",
        f"3. Không sửa chữ, không xóa, không thêm và không đổi thứ tự các cột ở dòng tiêu đề "
        f"(dòng {HEADER_ROW}): danh sách của các đơn vị được tổng hợp tự động theo đúng tiêu đề "
        "cột.",
        "4. Cột có tiêu đề chữ đỏ là bắt buộc. Đưa chuột vào ô tiêu đề để xem cách ghi từng "
        "cột (xem thêm bảng dưới đây).",
        f"5. Các cột {', '.join(f'“{c.heading}”' for c in closed)} chỉ nhận giá trị có "
        "trong danh sách thả xuống (liệt kê ở bảng dưới đây); không gõ giá trị khác.",
        "6. “Năm sinh” và “Giới tính” chỉ ghi với cá nhân; để trống với tập thể và hộ gia đình.",
        "7. Không gộp ô, không chèn dòng tiêu đề phụ hay dòng trống giữa các điển hình; mỗi ô "
        "chỉ ghi một nội dung.",
        "8. Gửi tệp đã điền (giữ nguyên định dạng .xlsx, không chuyển sang PDF hay ảnh chụp) về "
        "Sở Nội vụ (qua Phòng Thi đua - Khen thưởng) theo địa chỉ thư điện tử và thời hạn nêu "
        "trong văn bản đề nghị.",
    ]

    fill_guide_sheet(
        sheet,
        f"HƯỚNG DẪN ĐIỀN {title_text(year, month)}",
        rules,
        [(c.heading, c.required, _describe(c)) for c in COLUMNS],
    )
