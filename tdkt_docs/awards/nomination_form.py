"""The nominations form: the workbook on which each unit proposes its nominees for a round.

The reader (:mod:`tdkt_docs.awards.reader`) finds the header row by its headings, so every
``NominationColumn.heading`` is written exactly, in ``COLUMNS`` order, on ``HEADER_ROW``.
Required columns have a bold dark-red heading and say so in the heading's comment.

Layout of the sheet ``FORM_SHEET`` ("Danh sách"):

* row 1: "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", merged across the columns;
* row 2: the campaign of the round ("Trong phong trào thi đua …"), or a blank line to fill;
* row 3: how to fill it in (required columns in red, one nominee a row);
* row 5: the headings; from row 6: prepared (bordered) rows.

Closed lists are drop-downs with the values of the catalog (``catalog.yaml``): danh xưng
(a warning only: "Thượng tá" may be typed), giới tính, phân loại khen thưởng, hình thức
(with a round: its forms only), phân loại đối tượng, lĩnh vực, loại hình and, with a round,
the proposing units. Lists too long for a rule are on the hidden sheet ``LISTS_SHEET``
("Danh mục"). The sheet ``GUIDE_SHEET`` ("Hướng dẫn") explains each column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.comments import Comment  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped, unused-ignore]
    DataValidation,
)
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from tdkt_docs.awards.catalog import Catalog, default_catalog
from tdkt_docs.awards.nominations import (
    BIRTH_YEAR_MAX,
    BIRTH_YEAR_MIN,
    COLUMNS,
    NominationColumn,
)
from tdkt_docs.awards.round import RoundFile
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
from tdkt_docs.output import write_atomic

FORM_SHEET = "Danh sách"
GUIDE_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"

TITLE = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
TITLE_ROW = 1
CAMPAIGN_ROW = 2
NOTE_ROW = 3
HEADER_ROW = 5
FIRST_DATA_ROW = HEADER_ROW + 1
DATA_ROWS = 100
"""Rows prepared with borders and fonts."""
LAST_DATA_ROW = FIRST_DATA_ROW + DATA_ROWS - 1
VALIDATED_ROWS = 1000
"""The drop-downs reach far below the prepared rows, which costs nothing."""
LAST_VALIDATED_ROW = FIRST_DATA_ROW + VALIDATED_ROWS - 1
GENDER_CHOICES = ("Nam", "Nữ")
FORM_TIMESTAMP = dt.datetime(2025, 7, 1)
"""The created/modified time written into the file, so that the same arguments always give
the same bytes (the date the bundled catalog took effect)."""


def write_form(
    path: str | Path,
    *,
    round_file: RoundFile | None = None,
    catalog: Catalog | None = None,
    overwrite: bool = False,
) -> Path:
    """Write the nominations form to ``path`` (.xlsx), atomically.

    With ``round_file`` the form offers the round's forms and proposing units and names its
    campaign; ``catalog`` defaults to the round's, else the bundled one. The same arguments
    always give the same bytes. An existing file is refused (:class:`OutputExistsError`)
    unless ``overwrite``.
    """
    data = workbook_bytes(build_form(round_file, catalog), FORM_TIMESTAMP)
    return write_atomic(path, data, overwrite=overwrite)


def required_columns(round_file: RoundFile | None) -> tuple[str, ...]:
    """The keys of the columns the form marks as required: the name, phân loại and form;
    with a round, the unit, and the vote when the Hội đồng votes."""
    keys = [column.key for column in COLUMNS if column.required]
    if round_file is not None:
        keys.insert(0, "unit")
        if round_file.round.council.required:
            keys.append("vote")
    return tuple(keys)


def build_form(round_file: RoundFile | None = None, catalog: Catalog | None = None) -> Workbook:
    """The nominations form as an openpyxl workbook, before saving."""
    if catalog is None:
        catalog = round_file.catalog if round_file is not None else default_catalog()
    choices = _choices(round_file, catalog)
    required = required_columns(round_file)
    workbook = Workbook()
    form = workbook.active
    assert isinstance(form, Worksheet)  # a new workbook starts with one worksheet
    form.title = FORM_SHEET
    _fill_form_sheet(form, round_file, choices, required)
    _fill_guide_sheet(workbook.create_sheet(GUIDE_SHEET), round_file, choices, required)
    _add_validations(workbook, form, choices)  # may add the hidden list sheet, last
    workbook.active = 0

    properties = workbook.properties
    properties.title = "Danh sách đề nghị khen thưởng"
    properties.subject = round_file.round.campaign if round_file else "Đề nghị khen thưởng"
    properties.creator = CREATOR
    properties.lastModifiedBy = CREATOR
    properties.language = "vi-VN"
    return workbook


def _choices(round_file: RoundFile | None, catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Column key → the values its drop-down offers."""
    forms = (
        tuple(catalog.form(code).label for code in round_file.forms)
        if round_file is not None
        else catalog.form_lookup.shown()
    )
    choices = {
        "honorific": tuple(catalog.honorifics),
        "gender": GENDER_CHOICES,
        "kind": catalog.kind_lookup.shown(),
        "form": forms,
        "target_group": catalog.group_lookup.shown(),
        "field": catalog.field_lookup.shown(),
        "award_type": catalog.type_lookup.shown(),
    }
    if round_file is not None:
        choices["unit"] = tuple(p.unit for p in round_file.round.proposals)
    return choices


def _campaign_text(round_file: RoundFile | None) -> str:
    if round_file is None:
        return "Trong phong trào thi đua: ……………………………………………………"
    campaign = round_file.round.campaign
    return f"Trong {campaign}"


def _note_text(round_file: RoundFile | None) -> str:
    parts = [
        "Mỗi cá nhân, tập thể, hộ gia đình ghi trên một dòng. Cột có tiêu đề chữ đỏ là bắt "
        "buộc; đưa chuột vào ô tiêu đề để xem cách ghi, các cột có danh sách thả xuống chỉ "
        "nhận giá trị trong danh sách."
    ]
    if round_file is not None and round_file.round.council.threshold is not None:
        threshold = f"{round_file.round.council.threshold}".replace(".", ",")
        parts.append(
            f"Tỷ lệ phiếu đồng ý của Hội đồng Thi đua - Khen thưởng phải đạt từ {threshold}% "
            "trở lên."
        )
    return " ".join(parts)


def _fill_form_sheet(
    sheet: Worksheet,
    round_file: RoundFile | None,
    choices: dict[str, tuple[str, ...]],
    required: Sequence[str],
) -> None:
    last_letter = get_column_letter(len(COLUMNS))
    for row, text, banner_font, height in (
        (TITLE_ROW, TITLE, font(bold=True, size=TITLE_FONT_SIZE), 24),
        (CAMPAIGN_ROW, _campaign_text(round_file), font(bold=True), 36),
        (NOTE_ROW, _note_text(round_file), font(italic=True), 36),
    ):
        sheet.merge_cells(f"A{row}:{last_letter}{row}")
        banner = sheet.cell(row=row, column=1, value=text)
        banner.font = banner_font
        banner.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.row_dimensions[row].height = height

    fill = header_fill()
    data_font = font()
    data_alignment = Alignment(vertical="top", wrap_text=True)
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        is_required = column.key in required
        heading = sheet.cell(row=HEADER_ROW, column=index, value=column.heading)
        heading.font = font(bold=True, colour=REQUIRED_COLOUR if is_required else "000000")
        heading.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        heading.border = BORDER
        heading.fill = fill
        heading.comment = _heading_comment(column, is_required, choices.get(column.key))
        number_format = {"number": "0", "birth_year": "0", "vote": "0.0#"}.get(
            column.key, TEXT_FORMAT
        )
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


def _describe(column: NominationColumn, values: Sequence[str] | None) -> str:
    parts = [column.guidance]
    if values and len(values) <= 8:
        parts.append(f"Chọn một trong: {'; '.join(values)}.")
    elif values:
        parts.append(f"Chọn trong danh sách thả xuống ({len(values)} giá trị).")
    return " ".join(part for part in parts if part)


def _heading_comment(
    column: NominationColumn, required: bool, values: Sequence[str] | None
) -> Comment:
    status = "Bắt buộc." if required else "Không bắt buộc."
    comment = Comment(f"{status} {_describe(column, values)}", CREATOR)
    comment.width = 320
    comment.height = 140
    return comment


def _add_validations(
    workbook: Workbook, form: Worksheet, choices: dict[str, tuple[str, ...]]
) -> None:
    lists: list[tuple[str, list[str]]] = []  # columns for the hidden sheet, in order
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_VALIDATED_ROW}"
        rule: DataValidation | None = None
        values = choices.get(column.key)
        if values:
            source = inline_list(values)
            if source is None:
                lists.append((column.heading, list(values)))
                source = sheet_range(LISTS_SHEET, len(lists), len(values))
            # Danh xưng: a warning, for a rank or title ("Thượng tá") may be typed instead.
            free = column.key == "honorific"
            rule = DataValidation(
                type="list",
                formula1=source,
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="warning" if free else "stop",
                errorTitle="Giá trị không có trong danh sách",
                error=(
                    f"Cột “{column.heading}” "
                    + ("thường ghi" if free else "chỉ nhận")
                    + " một giá trị trong danh sách thả xuống."
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
                    "(ví dụ 1978); chỉ ghi với cá nhân."
                ),
            )
        elif column.key == "vote":
            rule = DataValidation(
                type="decimal",
                operator="between",
                formula1="0",
                formula2="100",
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle="Tỷ lệ phiếu không hợp lệ",
                error="Tỷ lệ phiếu ghi theo phần trăm, từ 0 đến 100 (ví dụ 85,5).",
            )
        if rule is not None:
            rule.add(cells)
            form.add_data_validation(rule)
    if lists:
        fill_lists_sheet(workbook.create_sheet(LISTS_SHEET), lists)


def _fill_guide_sheet(
    sheet: Worksheet,
    round_file: RoundFile | None,
    choices: dict[str, tuple[str, ...]],
    required: Sequence[str],
) -> None:
    rules = [
        f"1. Ghi danh sách vào sheet “{FORM_SHEET}”, bắt đầu từ dòng {FIRST_DATA_ROW}; mỗi cá "
        "nhân, tập thể hoặc hộ gia đình đề nghị khen thưởng ghi trên một dòng.",
        f"2. Không sửa chữ, không xóa và không đổi thứ tự các cột ở dòng tiêu đề (dòng "
        f"{HEADER_ROW}): danh sách của các đơn vị được tổng hợp tự động theo đúng tiêu đề cột.",
        "3. Cột có tiêu đề chữ đỏ là bắt buộc. Đưa chuột vào ô tiêu đề để xem cách ghi từng "
        "cột (xem thêm bảng dưới đây).",
        "4. Các cột có danh sách thả xuống chỉ nhận giá trị trong danh sách (danh xưng khác "
        "Ông, Bà như cấp bậc quân hàm thì ghi trực tiếp).",
        "5. Hộ gia đình ghi tên theo mẫu “Hộ ông Nguyễn Văn Ba” hoặc “Hộ gia đình bà Trần Thị "
        "Mai” và chọn phân loại “hộ gia đình”. Năm sinh, giới tính chỉ ghi với cá nhân.",
        "6. Mỗi người, tập thể chỉ được đề nghị một lần trong đợt khen thưởng.",
        "7. Gửi tệp đã điền (giữ định dạng .xlsx, không chuyển sang PDF hay ảnh chụp) kèm tờ "
        "trình của đơn vị về Sở Nội vụ (Phòng Thi đua - Khen thưởng).",
    ]
    if round_file is not None:
        forms = "; ".join(choices["form"])
        rules.append(f"8. Hình thức khen thưởng của đợt này: {forms}.")
        threshold = round_file.round.council.threshold
        if round_file.round.council.required and threshold is not None:
            shown = f"{threshold}".replace(".", ",")
            rules.append(
                "9. Ghi tỷ lệ phiếu đồng ý của Hội đồng Thi đua - Khen thưởng của đơn vị (%) "
                f"cho mỗi trường hợp; trường hợp dưới {shown}% không được trình khen thưởng."
            )

    fill_guide_sheet(
        sheet,
        f"HƯỚNG DẪN ĐIỀN {TITLE}",
        rules,
        [(c.heading, c.key in required, _describe(c, choices.get(c.key))) for c in COLUMNS],
    )


__all__ = [
    "FIRST_DATA_ROW",
    "FORM_SHEET",
    "GUIDE_SHEET",
    "HEADER_ROW",
    "LAST_DATA_ROW",
    "LAST_VALIDATED_ROW",
    "LISTS_SHEET",
    "build_form",
    "required_columns",
    "write_form",
]
