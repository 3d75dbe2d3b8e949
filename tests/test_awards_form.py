"""The nominations form (tdkt_docs.awards.nomination_form), read back with openpyxl."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
import yaml
from openpyxl.workbook.workbook import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped, unused-ignore]
    DataValidation,
)
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from tdkt_docs.awards.catalog import Catalog, bundled_data, default_catalog, load_catalog
from tdkt_docs.awards.nomination_form import (
    FIRST_DATA_ROW,
    FORM_SHEET,
    GUIDE_SHEET,
    HEADER_ROW,
    LAST_DATA_ROW,
    LAST_VALIDATED_ROW,
    LISTS_SHEET,
    build_form,
    write_form,
)
from tdkt_docs.awards.nominations import COLUMNS
from tdkt_docs.awards.round import RoundFile, load_round
from tdkt_docs.errors import OutputExistsError
from tdkt_docs.form_workbook import REQUIRED_COLOUR
from tests.conftest import EXAMPLES

ROUND = EXAMPLES / "awards" / "round.yaml"
HEADINGS = [column.heading for column in COLUMNS]


@pytest.fixture(scope="module")
def round_file() -> RoundFile:
    return load_round(ROUND)


def _saved(tmp_path: Path, round_file: RoundFile | None = None, name: str = "f.xlsx") -> Workbook:
    path = write_form(tmp_path / name, round_file=round_file)
    return openpyxl.load_workbook(path)


def _form(workbook: Workbook) -> Worksheet:
    sheet = workbook[FORM_SHEET]
    assert isinstance(sheet, Worksheet)
    return sheet


def _column(key: str) -> str:
    index = next(i for i, c in enumerate(COLUMNS) if c.key == key)
    return openpyxl.utils.get_column_letter(index + 1)


def _rule(sheet: Worksheet, key: str) -> DataValidation | None:
    letter = _column(key)
    target = f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_VALIDATED_ROW}"
    rules = [dv for dv in sheet.data_validations.dataValidation if str(dv.sqref) == target]
    assert len(rules) <= 1
    return rules[0] if rules else None


def _listed(workbook: Workbook, rule: DataValidation) -> list[str]:
    """The values a list rule offers: inline, or from the range on the lists sheet."""
    formula = rule.formula1
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    match = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", formula)
    assert match, formula
    sheet = workbook[match.group(1)]
    column = match.group(2)
    return [
        sheet[f"{column}{row}"].value for row in range(int(match.group(3)), int(match.group(5)) + 1)
    ]


def _heading_colours(sheet: Worksheet) -> dict[str, str]:
    return {cell.value: str(cell.font.color.rgb)[-6:] for cell in sheet[HEADER_ROW] if cell.value}


# --- Without a round ------------------------------------------------------------------------------


def test_headings_in_order_on_the_header_row(tmp_path: Path) -> None:
    sheet = _form(_saved(tmp_path))
    assert [cell.value for cell in sheet[HEADER_ROW]] == HEADINGS
    assert sheet["A1"].value == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    assert sheet.freeze_panes == f"A{FIRST_DATA_ROW}"


def test_required_headings_are_dark_red(tmp_path: Path) -> None:
    colours = _heading_colours(_form(_saved(tmp_path)))
    red = {heading for heading, colour in colours.items() if colour == REQUIRED_COLOUR}
    assert red == {
        "Họ và tên / tên tập thể, hộ gia đình",
        "Phân loại khen thưởng",
        "Hình thức khen thưởng",
    }


def test_every_heading_has_a_comment_saying_whether_it_is_required(tmp_path: Path) -> None:
    sheet = _form(_saved(tmp_path))
    for cell in sheet[HEADER_ROW]:
        assert cell.comment is not None, cell.value
        required = _heading_colours(sheet)[cell.value] == REQUIRED_COLOUR
        assert cell.comment.text.startswith("Bắt buộc." if required else "Không bắt buộc.")


def test_the_closed_lists_come_from_the_catalog(tmp_path: Path) -> None:
    workbook = _saved(tmp_path)
    sheet = _form(workbook)
    catalog = default_catalog()
    expected = {
        "kind": ["cá nhân", "tập thể", "hộ gia đình"],
        "form": [form.label for form in catalog.forms],
        "target_group": [group.name for group in catalog.target_groups],
        "field": [field.name for field in catalog.fields],
        "award_type": [award_type.key for award_type in catalog.award_types],
        "honorific": list(catalog.honorifics),
        "gender": ["Nam", "Nữ"],
    }
    for key, values in expected.items():
        rule = _rule(sheet, key)
        assert rule is not None and rule.type == "list", key
        assert _listed(workbook, rule) == values, key
    honorific = _rule(sheet, "honorific")
    assert honorific is not None and honorific.errorStyle == "warning"  # "Thượng tá" may be typed
    kind = _rule(sheet, "kind")
    assert kind is not None and kind.errorStyle == "stop"
    assert _rule(sheet, "unit") is None  # no round: no units to offer
    assert workbook[LISTS_SHEET].sheet_state == "hidden"


def test_numbers_are_validated(tmp_path: Path) -> None:
    sheet = _form(_saved(tmp_path))
    year = _rule(sheet, "birth_year")
    assert year is not None and (year.type, year.formula1, year.formula2) == (
        "whole",
        "1900",
        "2100",
    )
    vote = _rule(sheet, "vote")
    assert vote is not None and (vote.type, vote.formula1, vote.formula2) == ("decimal", "0", "100")


def test_text_cells_are_text_formatted_and_bordered(tmp_path: Path) -> None:
    sheet = _form(_saved(tmp_path))
    for key in ("name", "position", "achievements"):
        for row in (FIRST_DATA_ROW, LAST_DATA_ROW):
            cell = sheet[f"{_column(key)}{row}"]
            assert cell.number_format == "@", (key, row)
            assert cell.border.left.style == "thin"
    assert sheet[f"{_column('vote')}{FIRST_DATA_ROW}"].number_format != "@"


def test_print_setup_and_guide(tmp_path: Path) -> None:
    workbook = _saved(tmp_path)
    sheet = _form(workbook)
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    guide = workbook[GUIDE_SHEET]
    texts = [c.value for row in guide.iter_rows() for c in row if isinstance(c.value, str)]
    for heading in HEADINGS:
        assert heading in texts
    assert workbook.sheetnames[:2] == [FORM_SHEET, GUIDE_SHEET]


# --- With a round ---------------------------------------------------------------------------------


def test_a_round_offers_its_forms_and_units_and_names_its_campaign(
    tmp_path: Path, round_file: RoundFile
) -> None:
    workbook = _saved(tmp_path, round_file)
    sheet = _form(workbook)
    form = _rule(sheet, "form")
    assert form is not None and _listed(workbook, form) == ["Bằng khen của Chủ tịch UBND tỉnh"]
    unit = _rule(sheet, "unit")
    assert unit is not None
    assert _listed(workbook, unit) == [p.unit for p in round_file.round.proposals]
    titles = " ".join(str(sheet.cell(row=r, column=1).value) for r in range(1, HEADER_ROW))
    assert "“Khánh Hòa chung sức xây dựng nông thôn mới”" in titles
    assert "70%" in titles  # the threshold, in the note


def test_a_round_whose_council_votes_requires_the_vote(
    tmp_path: Path, round_file: RoundFile
) -> None:
    colours = _heading_colours(_form(_saved(tmp_path, round_file)))
    assert colours["Tỷ lệ phiếu (%)"] == REQUIRED_COLOUR
    assert colours["Đơn vị đề nghị"] == REQUIRED_COLOUR
    data = yaml.safe_load(ROUND.read_text("utf-8"))
    data["council"] = {"required": False}
    data["office"] = str(ROUND.parent / data["office"])
    path = tmp_path / "round.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    colours = _heading_colours(_form(_saved(tmp_path, load_round(path), "g.xlsx")))
    assert colours["Tỷ lệ phiếu (%)"] != REQUIRED_COLOUR


def test_the_lists_follow_an_edited_catalog(tmp_path: Path) -> None:
    data = yaml.safe_load(bundled_data("catalog.yaml").read_text("utf-8"))
    data["forms"].append(
        {
            "code": "KNC",
            "name": "Kỷ niệm chương vì sự nghiệp nông thôn mới",
            "label": "Kỷ niệm chương nông thôn mới",
            "category": "hình thức khen thưởng",
            "level": "tỉnh",
            "kinds": ["cá nhân"],
        }
    )
    data["honorifics"] = ["Ông", "Bà", "Thượng tá"]
    path = tmp_path / "catalog.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    catalog: Catalog = load_catalog(path)
    workbook = build_form(catalog=catalog)
    sheet = workbook[FORM_SHEET]
    form = _rule(sheet, "form")
    assert form is not None and _listed(workbook, form)[-1] == "Kỷ niệm chương nông thôn mới"
    honorific = _rule(sheet, "honorific")
    assert honorific is not None and _listed(workbook, honorific) == ["Ông", "Bà", "Thượng tá"]


# --- Writing ------------------------------------------------------------------------------------


def test_write_form_is_atomic_reproducible_and_refuses_to_overwrite(
    tmp_path: Path, round_file: RoundFile
) -> None:
    first = write_form(tmp_path / "a.xlsx", round_file=round_file)
    second = write_form(tmp_path / "b.xlsx", round_file=round_file)
    assert first.read_bytes() == second.read_bytes()
    with pytest.raises(OutputExistsError):
        write_form(first)
    assert write_form(first, overwrite=True) == first
    assert first.read_bytes() != second.read_bytes()  # now the form without a round
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx", "b.xlsx"]
