"""The monthly intake form (tdkt_docs.monthly.form) and the monthly examples it goes with."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped, unused-ignore]
    DataValidation,
)
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

import tdkt_docs
from tdkt_docs.monthly.form import (
    FIRST_DATA_ROW,
    FORM_SHEET,
    GUIDE_SHEET,
    HEADER_ROW,
    LAST_DATA_ROW,
    LAST_VALIDATED_ROW,
    LISTS_SHEET,
    write_form,
)
from tdkt_docs.monthly.schema import (
    COLUMNS,
    FIELDS,
    GENDERS,
    KINDS,
    MEDIA,
    UNIT_GROUPS,
    Unit,
)
from tdkt_docs.monthly.units import load_units
from tests.conftest import EXAMPLES

UNITS_FILE = EXAMPLES / "monthly" / "units.yaml"
SUBMISSIONS = EXAMPLES / "monthly" / "submissions"
HEADINGS = [column.heading for column in COLUMNS]
TITLE = "DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN, GƯƠNG NGƯỜI TỐT, VIỆC TỐT THÁNG 9 NĂM 2023"


@pytest.fixture(scope="module")
def units() -> list[Unit]:
    return load_units(UNITS_FILE)


@pytest.fixture(scope="module")
def form_path(tmp_path_factory: pytest.TempPathFactory, units: list[Unit]) -> Path:
    return write_form(tmp_path_factory.mktemp("form") / "form.xlsx", "2023-09", units)


@pytest.fixture(scope="module")
def workbook(form_path: Path) -> Workbook:
    return load_workbook(form_path)


@pytest.fixture(scope="module")
def form(workbook: Workbook) -> Worksheet:
    return workbook[FORM_SHEET]


@pytest.fixture(scope="module")
def bare_workbook(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    """The form written without a units list."""
    return load_workbook(write_form(tmp_path_factory.mktemp("bare") / "form.xlsx", "2023-09"))


def column_letter(key: str) -> str:
    letter: str = get_column_letter(1 + [column.key for column in COLUMNS].index(key))
    return letter


def rules_by_column(sheet: Worksheet) -> dict[str, DataValidation]:
    """Each validation rule by the letter of the one column it covers."""
    rules: dict[str, DataValidation] = {}
    for rule in sheet.data_validations.dataValidation:
        (cells,) = str(rule.sqref).split()
        first, last = cells.split(":")
        letter = first.rstrip("0123456789")
        assert last.rstrip("0123456789") == letter, f"{cells} spans several columns"
        assert (first, last) == (f"{letter}{FIRST_DATA_ROW}", f"{letter}{LAST_VALIDATED_ROW}")
        assert letter not in rules, f"two rules on column {letter}"
        rules[letter] = rule
    return rules


def error_message(rule: DataValidation) -> str:
    """The rule's error text, checked against Excel's limits (it repairs longer ones)."""
    assert rule.errorTitle is not None
    assert rule.error is not None
    assert len(rule.errorTitle) <= 32
    assert len(rule.error) <= 225
    return str(rule.error)


def list_values(workbook: Workbook, rule: DataValidation) -> list[str]:
    """The values a list rule offers: typed inline, or a range of another sheet."""
    assert rule.type == "list"
    formula = str(rule.formula1)
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet_name, cells = formula.split("!")
    sheet = workbook[sheet_name.strip("'")]
    return [str(cell.value) for (cell,) in sheet[cells.replace("$", "")]]


def test_sheets(workbook: Workbook, bare_workbook: Workbook) -> None:
    assert workbook.sheetnames == [FORM_SHEET, GUIDE_SHEET, LISTS_SHEET]
    assert [FORM_SHEET, GUIDE_SHEET, LISTS_SHEET] == ["Điển hình", "Hướng dẫn", "Danh mục"]
    assert workbook.active is workbook[FORM_SHEET]
    assert workbook[LISTS_SHEET].sheet_state == "hidden"
    assert workbook[FORM_SHEET].sheet_state == workbook[GUIDE_SHEET].sheet_state == "visible"
    # Without units there is nothing to list.
    assert bare_workbook.sheetnames == [FORM_SHEET, GUIDE_SHEET]


def test_header_row_holds_exactly_the_headings(form: Worksheet) -> None:
    assert HEADER_ROW == 4
    assert FIRST_DATA_ROW == 5
    row = [form.cell(row=HEADER_ROW, column=i).value for i in range(1, len(COLUMNS) + 2)]
    assert row == [*HEADINGS, None]
    assert not any("*" in heading for heading in HEADINGS)


def test_required_headings_are_bold_red_with_a_comment(form: Worksheet) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        cell = form.cell(row=HEADER_ROW, column=index)
        assert cell.font.b
        assert cell.alignment.wrap_text
        assert cell.alignment.horizontal == "center"
        assert cell.border.left.style == cell.border.bottom.style == "thin"
        assert cell.fill.fgColor.rgb.endswith("D9D9D9")
        red = cell.font.color.rgb.endswith("C00000")
        assert red == column.required, column.heading
        expected = "Bắt buộc." if column.required else "Không bắt buộc."
        assert cell.comment is not None
        assert cell.comment.text.startswith(expected)


def test_title_and_period_note(form: Worksheet) -> None:
    assert form["A1"].value == TITLE
    assert form["A1"].font.b
    assert form["A1"].font.sz == 14
    note = form["A2"].value
    assert "Thời gian: từ ngày 15/8/2023 đến ngày 14/9/2023" in note
    assert "Mỗi đơn vị gửi từ 01 đến 02 điển hình" in note
    assert form["A2"].font.i
    last = get_column_letter(len(COLUMNS))
    assert {str(r) for r in form.merged_cells.ranges} == {f"A1:{last}1", f"A2:{last}2"}
    assert all(cell.value is None for cell in form[3])


@pytest.mark.parametrize(
    ("month", "title_end", "period"),
    [
        ("2024-01", "THÁNG 01 NĂM 2024", "từ ngày 15/12/2023 đến ngày 14/01/2024"),
        ("2024-03", "THÁNG 3 NĂM 2024", "từ ngày 15/02/2024 đến ngày 14/3/2024"),
        ("2023-12", "THÁNG 12 NĂM 2023", "từ ngày 15/11/2023 đến ngày 14/12/2023"),
    ],
)
def test_title_follows_the_month(tmp_path: Path, month: str, title_end: str, period: str) -> None:
    sheet = load_workbook(write_form(tmp_path / "form.xlsx", month))[FORM_SHEET]
    assert sheet["A1"].value.endswith(title_end)
    assert period in sheet["A2"].value


def test_frozen_below_the_header(form: Worksheet) -> None:
    assert form.freeze_panes == "A5"


def test_column_widths(form: Worksheet) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        assert form.column_dimensions[get_column_letter(index)].width == column.width


def test_prepared_data_rows(form: Worksheet) -> None:
    assert LAST_DATA_ROW - FIRST_DATA_ROW + 1 == 50
    for row in (FIRST_DATA_ROW, LAST_DATA_ROW):
        for index in range(1, len(COLUMNS) + 1):
            cell = form.cell(row=row, column=index)
            assert cell.value is None
            assert cell.border.top.style == cell.border.right.style == "thin"
            assert cell.alignment.wrap_text
    assert form.cell(row=LAST_DATA_ROW + 1, column=1).border.top.style is None


def test_every_font_is_times_new_roman(workbook: Workbook) -> None:
    for sheet in (workbook[FORM_SHEET], workbook[GUIDE_SHEET]):
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None or cell.has_style:
                    assert cell.font.name == "Times New Roman", (sheet.title, cell.coordinate)
    form = workbook[FORM_SHEET]
    assert form.cell(row=FIRST_DATA_ROW, column=1).font.sz == 12
    assert form.cell(row=HEADER_ROW, column=1).font.sz == 12


def test_closed_lists_offer_exactly_the_allowed_values(workbook: Workbook) -> None:
    rules = rules_by_column(workbook[FORM_SHEET])
    for key, allowed in (("kind", KINDS), ("gender", GENDERS), ("field", FIELDS), ("media", MEDIA)):
        rule = rules[column_letter(key)]
        assert list_values(workbook, rule) == list(allowed), key
        assert rule.showErrorMessage
        assert rule.errorStyle == "stop"
        assert rule.allow_blank
        assert "chỉ nhận một trong các giá trị" in error_message(rule)


def test_unit_list_names_every_unit(workbook: Workbook, units: list[Unit]) -> None:
    rule = rules_by_column(workbook[FORM_SHEET])[column_letter("unit")]
    assert str(rule.formula1).startswith(f"'{LISTS_SHEET}'!")
    assert list_values(workbook, rule) == [unit.name for unit in units]
    assert rule.showErrorMessage
    assert "không có trong danh sách" in error_message(rule)


def test_no_unit_list_without_units(bare_workbook: Workbook) -> None:
    rules = rules_by_column(bare_workbook[FORM_SHEET])
    assert column_letter("unit") not in rules
    assert {column_letter(k) for k in ("kind", "gender", "field", "media")} < set(rules)


def test_birth_year_is_a_whole_number_from_1900_to_2100(form: Worksheet) -> None:
    rule = rules_by_column(form)[column_letter("birth_year")]
    assert (rule.type, rule.operator) == ("whole", "between")
    assert (rule.formula1, rule.formula2) == ("1900", "2100")
    assert rule.showErrorMessage
    assert "1900" in error_message(rule)


def test_print_setup(form: Worksheet) -> None:
    assert form.page_setup.orientation == "landscape"
    assert str(form.page_setup.paperSize) == Worksheet.PAPERSIZE_A4 == "9"
    fit = form.sheet_properties.pageSetUpPr
    assert fit is not None
    assert fit.fitToPage
    assert (form.page_setup.fitToWidth, form.page_setup.fitToHeight) == (1, 0)
    assert form.print_title_rows == "$4:$4"


def test_instructions(workbook: Workbook) -> None:
    guide = workbook[GUIDE_SHEET]
    text = "\n".join(
        str(cell.value) for row in guide.iter_rows() for cell in row if cell.value is not None
    )
    assert "mỗi điển hình" in text
    assert "một dòng" in text
    assert "dòng tiêu đề" in text
    assert "Năm sinh” và “Giới tính” chỉ ghi với cá nhân" in text
    assert "Sở Nội vụ" in text
    for heading in HEADINGS:
        assert heading in text
    for value in (*KINDS, *FIELDS, *GENDERS, *MEDIA):
        assert value in text


def test_document_properties(workbook: Workbook, form_path: Path) -> None:
    properties = workbook.properties
    assert properties.creator == properties.lastModifiedBy == "tdkt-docs"
    assert properties.title == "Danh sách điển hình tiên tiến tháng 9/2023"
    assert properties.created == properties.modified == dt.datetime(2023, 9, 1)
    with zipfile.ZipFile(form_path) as package:
        assert {entry.date_time for entry in package.infolist()} == {(2023, 9, 1, 0, 0, 0)}


def test_same_inputs_give_the_same_bytes(tmp_path: Path, units: list[Unit]) -> None:
    first = write_form(tmp_path / "first.xlsx", "2023-09", units).read_bytes()
    second = write_form(tmp_path / "second.xlsx", "2023-09", units).read_bytes()
    other_month = write_form(tmp_path / "other.xlsx", "2023-10", units).read_bytes()
    assert first == second
    assert first != other_month


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = write_form(tmp_path / "form.xlsx", "2023-09")
    with pytest.raises(tdkt_docs.OutputExistsError, match="overwrite"):
        write_form(path, "2023-10")
    write_form(path, "2023-10", overwrite=True)
    assert load_workbook(path)[FORM_SHEET]["A1"].value.endswith("THÁNG 10 NĂM 2023")


@pytest.mark.parametrize("month", ["2023-13", "2023-00", "2023-9", "23-09", "2023/09", "tháng 9"])
def test_bad_month_is_named(tmp_path: Path, month: str) -> None:
    path = tmp_path / "form.xlsx"
    with pytest.raises(tdkt_docs.DataError) as caught:
        write_form(path, month)
    assert repr(month) in str(caught.value)
    assert caught.value.problems[0].field == "month"
    assert not path.exists()


# --- the examples -------------------------------------------------------------------------


def test_example_units_load(units: list[Unit]) -> None:
    assert 35 <= len(units) <= 45
    assert {unit.group for unit in units} == set(UNIT_GROUPS)
    codes = [unit.code for unit in units]
    assert len(set(codes)) == len(codes)
    assert all(code.isascii() and code.isupper() for code in codes)


def _strings(path: Path) -> list[str]:
    workbook = load_workbook(path)
    return [
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]


def test_example_submissions(units: list[Unit]) -> None:
    files = sorted(SUBMISSIONS.iterdir())
    assert len(files) >= 28
    assert sum(path.stat().st_size for path in files) < 1_000_000
    assert {path.suffix for path in files} == {".xlsx", ".csv"}

    (csv_file,) = [path for path in files if path.suffix == ".csv"]
    data = csv_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert next(csv.reader(io.StringIO(data.decode("utf-8-sig")))) == HEADINGS

    decomposed = [
        path
        for path in files
        if path.suffix == ".xlsx"
        and any(not unicodedata.is_normalized("NFC", text) for text in _strings(path))
    ]
    assert decomposed


def test_a_unit_name_like_a_formula_stays_text_on_the_lists_sheet(tmp_path: Path) -> None:
    hostile = Unit(code="X", name='=HYPERLINK("http://x")', group="sở ban ngành", recipient="Sở X")
    path = write_form(tmp_path / "form.xlsx", "2023-09", [hostile])
    lists = load_workbook(path)[LISTS_SHEET]
    cells = [c for c in lists.iter_rows(min_row=2) for c in c if c.value == hostile.name]
    assert cells, "the name is on the lists sheet"
    for cell in cells:
        assert cell.data_type == "s" and cell.quotePrefix
