"""The nominations reader (tdkt_docs.awards.reader): the example round, every refusal as a bad
data file (tests/data/awards_intake_bad/cases.yaml), names as typed, LibreOffice files."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import shutil
import subprocess
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt_docs.awards.documents import Nominee
from tdkt_docs.awards.nomination_form import FIRST_DATA_ROW, FORM_SHEET, write_form
from tdkt_docs.awards.nominations import COLUMNS, Nomination, parse_vote, reads_as_household
from tdkt_docs.awards.reader import NominationIntake, NominationRules, read_nominations
from tdkt_docs.awards.round import RoundFile, load_round
from tdkt_docs.text import nfc
from tests.conftest import DATA, EXAMPLES

ROUND = EXAMPLES / "awards" / "round.yaml"
NOMINATIONS = EXAMPLES / "awards" / "nominations"
BAD = DATA / "awards_intake_bad"
CASES: dict[str, dict[str, Any]] = yaml.safe_load((BAD / "cases.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def round_file() -> RoundFile:
    return load_round(ROUND)


@pytest.fixture(scope="module")
def rules(round_file: RoundFile) -> NominationRules:
    return NominationRules.of_round(round_file)


@pytest.fixture(scope="module")
def example(round_file: RoundFile, rules: NominationRules) -> NominationIntake:
    return read_nominations(NOMINATIONS, rules, round_file.catalog)


# --- The rules of a round ---------------------------------------------------------------------


def test_rules_of_the_example_round(rules: NominationRules) -> None:
    assert rules.forms == ("BKCT",)
    assert rules.votes_required is True
    assert rules.threshold == Decimal(70)
    assert rules.default_award_type == "chuyên đề"
    assert rules.units == ("Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường")
    assert rules.unit_files == {"Sở Nông nghiệp và Môi trường": ("so-nong-nghiep*",)}


# --- The example round --------------------------------------------------------------------------


def test_the_example_folder_reads_to_the_documented_counts(example: NominationIntake) -> None:
    assert example.files == (
        "so-giao-duc-va-dao-tao.xlsx",
        "so-nong-nghiep-va-moi-truong.csv",
        "so-y-te.xlsx",
    )
    assert example.rejected_files == ()
    assert len(example.nominations) == 57
    assert Counter(n.kind for n in example.nominations) == {
        "cá nhân": 38,
        "tập thể": 16,
        "hộ gia đình": 3,
    }
    assert Counter(n.unit for n in example.nominations) == {
        "Sở Y tế": 19,
        "Sở Giáo dục và Đào tạo": 20,
        "Sở Nông nghiệp và Môi trường": 18,
    }
    assert {n.form for n in example.nominations} == {"BKCT"}
    # 60 rows in all: 57 accepted, 2 below the threshold, 1 invalid.
    assert sorted((n.name, n.vote) for n in example.below_threshold) == [
        ("Dương Văn Khải", Decimal("68.5")),
        ("Hồ Văn Sáu", Decimal(65)),
    ]
    refused_rows = {(r.file, r.row) for r in example.rejected_rows}
    assert len(refused_rows) == 3
    invalid = [r for r in example.rejected_rows if "below" not in r.message]
    assert [(r.file, r.row, r.column) for r in invalid] == [
        ("so-nong-nghiep-va-moi-truong.csv", 21, "Họ và tên / tên tập thể, hộ gia đình")
    ]


def test_the_messy_workbook_is_read_as_meant(example: NominationIntake) -> None:
    education = {n.name: n for n in example.nominations if n.file == "so-giao-duc-va-dao-tao.xlsx"}
    assert len(education) == 20
    assert education["Nguyễn Hữu Phước"].honorific == "Ông"  # typed "ông"
    assert education["Châu Thị Ngọc Hân"].kind == "cá nhân"  # typed "ca nhan"
    assert education["Lê Thị Hoa"].vote == Decimal("85.5")  # typed "85,5%"
    assert education["Đinh Thị Mai"].vote == Decimal(92)  # 0,92 formatted as a percentage
    assert education["Trường Tiểu học Vạn Phú 1"].vote == Decimal(70)  # inclusive threshold
    first = education["Võ Đình Khoa"]
    assert (first.sheet, first.row) == ("DS de nghi", 12)  # under title, header, numbers, blank
    assert (first.birth_year, first.gender) == (1970, "nam")  # under the merged group heading
    assert first.award_type == "chuyên đề"  # the round's loại hình, the list has no column
    assert first.source == "so-giao-duc-va-dao-tao.xlsx, sheet 'DS de nghi', row 12"


def test_the_csv_is_matched_to_its_unit_by_the_round_files(example: NominationIntake) -> None:
    rows = [n for n in example.nominations if n.file.endswith(".csv")]
    assert {n.unit for n in rows} == {"Sở Nông nghiệp và Môi trường"}
    assert rows[0].sheet is None
    assert rows[0].source == "so-nong-nghiep-va-moi-truong.csv, row 2"
    households = [n for n in example.nominations if n.kind == "hộ gia đình"]
    assert [n.name for n in households] == [
        "Hộ ông Nguyễn Văn Ba",
        "Hộ bà Trần Thị Bông",
        "Hộ gia đình ông Cao Văn Mười",
    ]
    assert all(n.target_group == "Hộ gia đình" for n in households)


def test_a_nomination_is_a_nominee(example: NominationIntake) -> None:
    nominee: Nominee = example.nominations[0]  # checked by mypy as much as here
    assert nominee.name and nominee.kind in ("cá nhân", "tập thể", "hộ gia đình")


def test_rejected_csv_opens_in_excel_and_lists_every_refusal(example: NominationIntake) -> None:
    data = example.rejected_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["file", "sheet", "row", "column", "message"]
    assert len(rows) == 1 + len(example.rejected_rows)
    assert ["so-y-te.xlsx", "Danh sách", "25", "Tỷ lệ phiếu (%)"] in [r[:4] for r in rows]


# --- Every refusal, as a bad data file ------------------------------------------------------------


def test_every_bad_file_is_a_case() -> None:
    files = {p.name for p in BAD.iterdir() if p.is_file() and p.name != "cases.yaml"}
    assert files == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_nominations(name: str, tmp_path: Path, round_file: RoundFile) -> None:
    case = CASES[name]
    rules = NominationRules.of_round(round_file)
    if "forms" in case:
        rules = dataclasses.replace(rules, forms=tuple(case["forms"]))
    folder = tmp_path / "lists"
    folder.mkdir()
    shutil.copy(BAD / name, folder / name)
    intake = read_nominations(folder, rules, round_file.catalog)
    assert len(intake.nominations) == case.get("accepted", 1)
    if "reason" in case:
        assert [f.file for f in intake.rejected_files] == [name]
        assert case["reason"] in intake.rejected_files[0].reason
        return
    found = [
        r
        for r in intake.rejected_rows
        if (r.file, r.row, r.column) == (name, case["row"], case["column"])
    ]
    shown = "\n".join(str(r) for r in intake.rejected_rows)
    assert found, f"no refusal at row {case['row']}, column {case['column']!r}:\n{shown}"
    assert any(case["message"] in r.message for r in found), shown
    # The refusal names the file, the row and the column when shown.
    assert str(found[0]).startswith(f"{name}: row {case['row']}, column '{case['column']}': ")


def test_the_same_person_across_files_and_units(tmp_path: Path, rules: NominationRules) -> None:
    header = (
        "Đơn vị đề nghị;Họ và tên;Năm sinh;Phân loại khen thưởng;Hình thức khen thưởng;Tỷ lệ phiếu"
    )
    (tmp_path / "a.csv").write_text(
        f"{header}\nSở Y tế;Nguyễn Văn An;1975;cá nhân;BKCT;90\n"
        "Sở Y tế;Nguyễn Văn Bình;1980;cá nhân;BKCT;90\n",
        "utf-8",
    )
    (tmp_path / "b.csv").write_text(
        f"{header}\nSở Giáo dục và Đào tạo;NGUYỄN VĂN AN;1975;cá nhân;BKCT;95\n"
        # Another Nguyễn Văn Bình, born another year: a different person.
        "Sở Giáo dục và Đào tạo;Nguyễn Văn Bình;1991;cá nhân;BKCT;95\n"
        # Same name as a collective: not the same nominee.
        "Sở Giáo dục và Đào tạo;Nguyễn Văn An;;tập thể;BKCT;95\n",
        "utf-8",
    )
    intake = read_nominations(tmp_path, rules)
    assert [(n.file, n.name) for n in intake.nominations] == [
        ("a.csv", "Nguyễn Văn An"),
        ("a.csv", "Nguyễn Văn Bình"),
        ("b.csv", "Nguyễn Văn Bình"),
        ("b.csv", "Nguyễn Văn An"),
    ]
    assert [(r.file, r.row, r.duplicate_of) for r in intake.duplicates] == [
        ("b.csv", 2, "a.csv, row 2")
    ]


def test_a_unit_line_above_the_header_names_the_unit(
    tmp_path: Path, rules: NominationRules
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["B2"] = "Đơn vị đề nghị:  sở y tế"
    sheet.append([])
    sheet.append(["Họ tên", "Phân loại", "Hình thức", "Tỷ lệ phiếu (%)"])
    sheet.append(["Lê Văn Tâm", "cá nhân", "Bằng khen tỉnh", 75])
    workbook.save(tmp_path / "danh-sach.xlsx")
    intake = read_nominations(tmp_path, rules)
    assert [(n.unit, n.name, n.row) for n in intake.nominations] == [("Sở Y tế", "Lê Văn Tâm", 5)]


def test_an_unknown_unit_line_refuses_the_file(tmp_path: Path, rules: NominationRules) -> None:
    (tmp_path / "x.csv").write_text(
        "Đơn vị đề nghị: Sở Tài chính\n"
        "Họ tên,Phân loại,Hình thức,Tỷ lệ phiếu\n"
        "A B,cá nhân,BKCT,80\n",
        "utf-8",
    )
    intake = read_nominations(tmp_path, rules)
    assert intake.nominations == ()
    assert "'Sở Tài chính' is not a proposing unit" in intake.rejected_files[0].reason


# --- Values as typed ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "expected"),
    [
        (85.5, "85.5", "85.5"),
        (None, "85,5", "85.5"),
        (None, "85,5%", "85.5"),
        (None, "85,5 %", "85.5"),
        (0.855, "0.855", "85.5"),
        (70, "70", "70"),
        (1, "1", "100"),
        (None, "0", "0"),
        (None, "100%", "100"),
    ],
)
def test_votes_as_typed(raw: object, text: str, expected: str) -> None:
    assert parse_vote(raw if raw is not None else text, text) == Decimal(expected)


@pytest.mark.parametrize(
    ("name", "household"),
    [
        ("Hộ ông Nguyễn Văn Ba", True),
        ("hộ bà Trần Thị Bông", True),
        ("Hộ gia đình ông Cao Văn Mười", True),
        ("Gia đình bà Lê Thị Hoa", True),
        ("Nguyễn Văn Hộ", False),
        ("Hội Nông dân xã Diên An", False),
        ("Hộ kinh doanh", False),
    ],
)
def test_household_names(name: str, household: bool) -> None:
    assert reads_as_household(name) is household


LETTERS = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cn", "Co"),
    blacklist_characters="\u200b\u200c\u200d\u2060\ufeff\u00ad",
)
NAMES = st.one_of(
    st.sampled_from(["A*B*C", "{{ x }}", "{% if %}", "=1+2", "Nguyễn Văn Ánh", "Đặng Thị Ả"]),
    st.text(LETTERS, min_size=1, max_size=40),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=NAMES)
def test_names_stay_literal_and_nfc(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    cleaned = " ".join(nfc(name).split())
    if not cleaned or reads_as_household(cleaned) or not any(c.isalnum() for c in cleaned):
        return
    from tdkt_docs.vietnamese.legacy import detect_legacy_encoding

    if detect_legacy_encoding(cleaned) is not None:
        return
    folder = tmp_path_factory.mktemp("names")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(
        ["Đơn vị đề nghị", "Họ và tên", "Phân loại khen thưởng", "Hình thức", "Tỷ lệ phiếu"]
    )
    sheet.append(["Sở Y tế", name, "cá nhân", "BKCT", 80])
    sheet["B2"].data_type = "s"  # "=1+2" typed as text, not a formula
    workbook.save(folder / "n.xlsx")
    rules = NominationRules(forms=("BKCT",), units=("Sở Y tế",))
    intake = read_nominations(folder, rules)
    assert [n.name for n in intake.nominations] == [cleaned], intake.rejected_rows


# --- LibreOffice ----------------------------------------------------------------------------------


def _soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI (.ci/run installs libreoffice-calc-nogui)")
        pytest.skip("soffice is not installed")
    return found


@pytest.mark.parametrize("target", ["ods", "xlsx"])
def test_a_form_saved_by_libreoffice_still_reads(
    target: str, tmp_path: Path, round_file: RoundFile, rules: NominationRules
) -> None:
    soffice = _soffice()
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(NOMINATIONS / "so-y-te.xlsx", source / "so-y-te.xlsx")
    converted = tmp_path / "converted"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(converted),
            str(source / "so-y-te.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    original = read_nominations(source, rules, round_file.catalog)
    again = read_nominations(converted, rules, round_file.catalog)
    assert again.rejected_files == ()

    def essence(intake: NominationIntake) -> list[tuple[Any, ...]]:
        return [
            tuple(getattr(n, c.key) for c in COLUMNS if c.key != "number")
            for n in intake.nominations
        ]

    assert essence(again) == essence(original)
    assert len(again.below_threshold) == 1


# --- Helpers used by the form tests ---------------------------------------------------------------


def fill_form(path: Path, rows: list[dict[str, object]]) -> None:
    """Fill the form at ``path`` row by row, by column key, as a unit would."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[FORM_SHEET]
    numbers = {column.key: index for index, column in enumerate(COLUMNS, start=1)}
    for offset, values in enumerate(rows):
        for key, value in values.items():
            sheet.cell(row=FIRST_DATA_ROW + offset, column=numbers[key], value=value)
    workbook.save(path)


def test_write_form_then_read_back_unchanged(
    tmp_path: Path, round_file: RoundFile, rules: NominationRules
) -> None:
    path = write_form(tmp_path / "de-nghi.xlsx", round_file=round_file)
    rows: list[dict[str, object]] = [
        {
            "number": 1,
            "unit": "Sở Y tế",
            "honorific": "Ông",
            "name": "Nguyễn Văn An",
            "gender": "Nam",
            "birth_year": 1975,
            "position": "Giám đốc",
            "workplace": "Bệnh viện Đa khoa tỉnh",
            "kind": "cá nhân",
            "form": "Bằng khen của Chủ tịch UBND tỉnh",
            "target_group": "Các cấp lãnh đạo từ phó phòng trở lên",
            "field": "Y tế",
            "award_type": "chuyên đề",
            "achievements": "Dòng một.\nDòng hai: A*B*C {{ x }}",
            "vote": 85.5,
        },
        {
            "number": 2,
            "unit": "Sở Nông nghiệp và Môi trường",
            "name": "Hộ ông Nguyễn Văn Ba",
            "workplace": "thôn Phú Ân Nam 2, xã Diên An",
            "kind": "hộ gia đình",
            "form": "Bằng khen của Chủ tịch UBND tỉnh",
            "target_group": "Hộ gia đình",
            "field": "Nông nghiệp - Nông thôn",
            "award_type": "đột xuất",
            "vote": 70,
        },
    ]
    fill_form(path, rows)
    intake = read_nominations(tmp_path, rules, round_file.catalog)
    assert intake.rejected_rows == () and intake.rejected_files == ()
    first, second = intake.nominations
    assert first == Nomination(
        unit="Sở Y tế",
        honorific="Ông",
        name="Nguyễn Văn An",
        gender="nam",
        birth_year=1975,
        position="Giám đốc",
        workplace="Bệnh viện Đa khoa tỉnh",
        kind="cá nhân",
        form="BKCT",
        target_group="Các cấp lãnh đạo từ phó phòng trở lên",
        field="Y tế",
        award_type="chuyên đề",
        achievements="Dòng một.\nDòng hai: A*B*C {{ x }}",
        vote=Decimal("85.5"),
        file="de-nghi.xlsx",
        sheet=FORM_SHEET,
        row=FIRST_DATA_ROW,
    )
    assert (second.kind, second.vote, second.award_type) == ("hộ gia đình", Decimal(70), "đột xuất")


def test_a_guide_sheet_with_an_example_row_is_not_read(
    tmp_path: Path, rules: NominationRules
) -> None:
    workbook = openpyxl.Workbook()
    guide = workbook.active
    guide.title = "Hướng dẫn"
    guide.append(["Đơn vị đề nghị", "Họ và tên", "Phân loại khen thưởng", "Hình thức"])
    guide.append(["Sở Y tế", "Nguyễn Anh Đại", "cá nhân", "BKCT"])  # the template's example
    sheet = workbook.create_sheet("Danh sách")
    sheet.append(["Đơn vị đề nghị", "Họ và tên", "Phân loại khen thưởng", "Hình thức", "Tỷ lệ"])
    sheet.append(["Sở Y tế", "Lê Văn Tâm", "cá nhân", "BKCT", None])
    workbook.save(tmp_path / "mau.xlsx")
    lenient = dataclasses.replace(rules, votes_required=False)
    intake = read_nominations(tmp_path, lenient)
    assert [(n.sheet, n.name, n.vote) for n in intake.nominations] == [
        ("Danh sách", "Lê Văn Tâm", None)
    ]


def test_the_example_script_writes_the_committed_files(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_examples", NOMINATIONS / "make_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.make(tmp_path)
    assert sorted(p.name for p in written) == [
        "so-giao-duc-va-dao-tao.xlsx",
        "so-nong-nghiep-va-moi-truong.csv",
        "so-y-te.xlsx",
    ]
    for path in written:
        assert path.read_bytes() == (NOMINATIONS / path.name).read_bytes(), path.name
