"""The sổ đăng ký văn bản đi (ND30 Phụ lục IV, mục I): rows from every example document,
the DOCX and XLSX read back, and the checker on the register."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

import tdkt_docs
from tdkt_docs.checker import check, check_package_bytes
from tdkt_docs.checker.rules import rule_table
from tdkt_docs.cli import main
from tdkt_docs.errors import DataError
from tdkt_docs.metrics import text_width_mm
from tdkt_docs.models import AdministrativeDocument
from tdkt_docs.register import (
    COLUMN_NUMBERS,
    COLUMNS,
    FIRST_DATA_ROW,
    HEADER_ROW,
    SHEET,
    STYLES,
    TITLE,
    RegisterCover,
    RegisterEntry,
    column_widths_mm,
    register_docx,
    register_entry,
    register_xlsx,
)
from tests.conftest import DATA, EXAMPLES, example_data, variant
from tests.docx_reading import W, open_docx, run_looks
from tests.test_pdf_layout import _require

EXAMPLE_FILES = {
    "decision": "quyet_dinh_khen_thuong.yaml",
    "decision_with_list": "quyet_dinh_danh_sach.yaml",
    "submission": "to_trinh_khen_thuong.yaml",
    "dispatch": "cong_van_tuyen_truyen.yaml",
    "report": "bao_cao_thang.yaml",
    "minutes": "bien_ban_hop_hoi_dong.yaml",
}

# The rows written out by hand from the example files (their số, ngày, trích yếu, người
# ký, Kính gửi, Nơi nhận and Lưu), not computed by the code under test.
EXPECTED = {
    "decision": (
        "   /QĐ-UBND",
        "   /10/2022",
        "Quyết định về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "CHỦ TỊCH Nguyễn Văn Minh",
        "Như Điều 2; Sở Tài chính",
        "VT, NC",
        "",  # "Như Điều 2" stands for several: not counted
        "", "", "",
    ),
    "decision_with_list": (
        "   /QĐ-UBND",
        "   /01/2024",
        "Quyết định về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể, "
        "cá nhân có thành tích xuất sắc trong phong trào thi đua năm 2023",
        "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Trần Thị Hồng",
        "Như Điều 3; Sở Tài chính; Sở Nội vụ (Ban Thi đua - Khen thưởng)",
        "VT, NC",
        "",
        "", "", "",
    ),
    "submission": (
        "415/TTr-SNV",
        "12/10/2022",
        "Tờ trình đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể có "
        "thành tích xuất sắc trong 10 năm triển khai thực hiện Luật Phổ biến, giáo dục pháp luật",
        "KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC Huỳnh Mạnh Thắng",
        "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa; Giám đốc Sở (để b/c)",
        "VT, PTĐKT",
        "4",  # 2 recipients and 2 "Lưu" holders
        "", "", "",
    ),
    "dispatch": (
        "   /SNV-TĐKT",
        "   /9/2023",
        "Công văn V/v tăng cường công tác tuyên truyền phong trào thi đua yêu nước, điển hình "
        "tiên tiến",
        "KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC Huỳnh Mạnh Thắng",
        "Các sở, ban, ngành, đoàn thể tỉnh; UBND các huyện, thị xã, thành phố; Các doanh "
        "nghiệp thuộc Khối thi đua tỉnh; Các cơ quan Trung ương đóng trên địa bàn tỉnh; Ban "
        "TĐKT Trung ương (Báo cáo); UBND tỉnh (Báo cáo-VBĐT); Giám đốc SNV (Báo cáo-VBĐT)",
        "VT, PTĐKT, GN",
        "",  # "Các sở, ban, ngành …" stands for several
        "", "", "",
    ),
    "report": (
        "12/BC-SNV",
        "14/9/2023",
        "Báo cáo kết quả phát hiện, bồi dưỡng, biểu dương, nhân rộng điển hình tiên tiến, gương "
        "người tốt, việc tốt tháng 9 năm 2023",
        "KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC Huỳnh Mạnh Thắng",
        "Ban Thi đua - Khen thưởng Trung ương; UBND tỉnh (Báo cáo-VBĐT); Giám đốc SNV (Báo "
        "cáo-VBĐT)",
        "VT, PTĐKT, GN",
        "6",  # 3 recipients ("Như trên" is the Kính gửi) and 3 "Lưu" holders
        "", "", "",
    ),
    "minutes": (
        "07/BB-HĐTĐKT",
        "10/9/2025",  # the meeting's day
        # "Họp Hội đồng …": "Họp" starts the sentence, not a name
        "Biên bản họp Hội đồng Thi đua - Khen thưởng tỉnh xét đề nghị tặng Bằng khen của Chủ "
        "tịch Ủy ban nhân dân tỉnh",
        "CHỦ TỌA Trần Thị Hồng",  # the chair signs for the Hội đồng
        "Thành viên Hội đồng; Sở Nội vụ (để tổng hợp)",
        "VT, Hồ sơ",
        "4",  # 2 recipients and 2 "Lưu" copies
        "", "", "",
    ),
}  # fmt: skip


def _load(name: str) -> AdministrativeDocument:
    return tdkt_docs.load(EXAMPLES / EXAMPLE_FILES[name])


def _entries_2022() -> list[RegisterEntry]:
    return [register_entry(_load(name)) for name in ("decision", "submission")]


def _cover() -> RegisterCover:
    return RegisterCover.of(_load("submission").agency, volume="01")


@pytest.fixture(scope="module")
def register_bytes() -> bytes:
    entries = [
        register_entry(
            tdkt_docs.validate({**example_data(EXAMPLES / EXAMPLE_FILES["submission"]), **change})
        )
        for change in ({"number": 415}, {"number": 416, "date": "2022-10-20"}, {"number": 9})
    ]
    return register_docx(entries, _cover())


# --- the rows ---------------------------------------------------------------------------------


def test_every_example_document_is_covered() -> None:
    documents = sorted(p.name for p in EXAMPLES.glob("*.yaml") if "type:" in p.read_text("utf-8"))
    assert sorted(EXAMPLE_FILES.values()) == documents


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_row_of_each_example(name: str) -> None:
    entry = register_entry(_load(name))
    assert entry.cells() == EXPECTED[name]
    assert len(entry.cells()) == len(COLUMNS) == 10


def test_a_numbered_dated_document() -> None:
    data = example_data(EXAMPLES / EXAMPLE_FILES["decision_with_list"])
    data.update(number=5, date="2025-09-15")
    entry = register_entry(tdkt_docs.validate(data))
    assert (entry.number_symbol, entry.date) == ("05/QĐ-UBND", "15/9/2025")
    assert (entry.number, entry.issued and entry.issued.day) == (5, 15)


def test_the_copies() -> None:
    drafter = variant(drafter={"initials": "PL", "copies": 300})
    assert register_entry(tdkt_docs.validate(drafter)).copies == 300  # ô 12: "PL.(300)"
    seed = tdkt_docs.validate(variant())
    assert register_entry(seed).copies is None  # "Các sở, ban, ngành …" stand for several
    assert register_entry(seed, copies=45).copies == 45
    one = tdkt_docs.validate(variant(recipients=["Ban Thi đua - Khen thưởng Trung ương"]))
    # The Kính gửi ("Như trên"), three more recipients and three "Lưu" holders.
    assert register_entry(one).copies == 7
    assert register_entry(one).recipients.split("; ")[0] == "Ban Thi đua - Khen thưởng Trung ương"


@pytest.mark.parametrize(
    ("copies", "message"),
    [
        (0, "copies: expected 1 to 999.999 copies, got 0"),
        (True, "copies: expected a whole number from 1, got True"),
        (2.5, "copies: expected a whole number from 1, got 2.5"),
    ],
)
def test_a_wrong_count_is_refused(copies: object, message: str) -> None:
    with pytest.raises(DataError) as error:
        register_entry(_load("submission"), copies=copies)  # type: ignore[arg-type]
    assert str(error.value) == f"tờ trình 415/TTr-SNV: {message}"


def test_a_note_is_cleaned_and_a_control_character_refused() -> None:
    entry = register_entry(_load("submission"), note="  Bản  sao\u0301 ")
    assert entry.note == unicodedata.normalize("NFC", "Bản sao\u0301")
    with pytest.raises(DataError, match=r"^quyết định …/QĐ-UBND: note: must not contain"):
        register_entry(_load("decision"), note="a\x07b")


@pytest.mark.parametrize(
    ("subject", "summary"),
    [
        ("Kết quả thi đua năm 2024", "Báo cáo kết quả thi đua năm 2024"),
        ("UBND tỉnh khen thưởng", "Báo cáo UBND tỉnh khen thưởng"),
        ("Sở Nội vụ tổng kết", "Báo cáo Sở Nội vụ tổng kết"),
        ("Tình hình", "Báo cáo tình hình"),
        ("Họp Hội đồng Thi đua - Khen thưởng", "Báo cáo họp Hội đồng Thi đua - Khen thưởng"),
        ("Hội đồng Thi đua - Khen thưởng họp", "Báo cáo Hội đồng Thi đua - Khen thưởng họp"),
        ("Ủy ban nhân dân tỉnh Khánh Hòa", "Báo cáo Ủy ban nhân dân tỉnh Khánh Hòa"),
    ],
)
def test_a_trich_yeu_after_the_type_name(subject: str, summary: str) -> None:
    document = tdkt_docs.validate(
        {**example_data(EXAMPLES / "bao_cao_thang.yaml"), "subject": subject}
    )
    assert register_entry(document).summary == summary


# --- the cover --------------------------------------------------------------------------------


def test_the_cover_is_computed_from_the_entries() -> None:
    submission = example_data(EXAMPLES / EXAMPLE_FILES["submission"])
    changes = (
        {"number": 415},
        {"number": 9, "date": "2022-03-02"},
        {"number": 430, "date": "2022-12-30"},
    )
    entries = [register_entry(tdkt_docs.validate({**submission, **c})) for c in changes]
    cover = _cover().completed(entries)
    assert (cover.year, cover.first_number, cover.last_number) == (2022, 9, 430)
    assert (cover.first_date, cover.last_date) == (dt.date(2022, 3, 2), dt.date(2022, 12, 30))
    assert cover.lines() == {
        "year": "Năm: 2022",
        "dates": "Từ ngày 02/3/2022 đến ngày 30/12/2022",
        "numbers": "Từ số 09 đến số 430",
        "volume": "Quyển số: 01",
    }


def test_what_is_not_known_stays_in_dots() -> None:
    # The decision has no số and no day yet: the range is not known.
    lines = _cover().completed(_entries_2022()).lines()
    assert lines["dates"] == "Từ ngày ………… đến ngày …………"
    assert lines["numbers"] == "Từ số ………… đến số …………"
    assert lines["year"] == "Năm: 2022"
    assert RegisterCover(agency="SỞ NỘI VỤ").completed([]).lines()["year"] == "Năm: …………"


def test_a_register_holds_one_year() -> None:
    entries = [register_entry(_load("submission")), register_entry(_load("report"))]
    with pytest.raises(DataError) as error:
        _cover().completed(entries)
    assert str(error.value) == (
        "register: the entries are of 2022, 2023; a register holds one year's documents "
        "(ND30 Điều 15 numbers them by calendar year)"
    )
    with pytest.raises(DataError, match="415/TTr-SNV is not of 2023, the register's year"):
        RegisterCover(agency="SỞ NỘI VỤ", year=2023).completed(entries)


# --- the DOCX ---------------------------------------------------------------------------------


def test_docx_is_a4_landscape(register_bytes: bytes) -> None:
    document = open_docx(register_bytes)
    assert len(document.sections) == 2  # the cover, then the table
    for section in document.sections:
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)


def test_docx_cover_as_phu_luc_iv_lays_it_out(register_bytes: bytes) -> None:
    document = open_docx(register_bytes)
    cover = [p for p in document.paragraphs if p.text.strip()][:8]
    assert [p.text for p in cover] == [
        "UBND TỈNH KHÁNH HÒA",
        "SỞ NỘI VỤ",
        TITLE,
        "Năm: 2022",
        "Từ ngày 12/10/2022 đến ngày 20/10/2022",
        "Từ số 09 đến số 416",
        "Quyển số: 01",
    ][: len(cover)]
    assert len(cover) == 7
    roles = ("parent", "agency", "title", "year", "range", "range", "volume")
    assert [p.style.name for p in cover] == [STYLES[role].name for role in roles]
    # Its looks: the agency and the title bold, the labels italic and their values upright.
    title = run_looks(document, cover[2])
    assert all(r.bold and r.size_pt == 22 for r in title)
    assert all(r.bold for r in run_looks(document, cover[1]))
    dates = {r.text: r.italic for r in run_looks(document, cover[4])}
    assert dates == {"Từ ngày ": True, "12/10/2022": False, " đến ngày ": True, "20/10/2022": False}
    volume = {r.text: r.bold for r in run_looks(document, cover[6])}
    assert volume == {"Quyển số: ": True, "01": False}
    assert all(p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in cover)
    # The cover stands alone: the table's section starts on a new page.
    assert document.sections[1].start_type == WD_SECTION.NEW_PAGE


def test_docx_table_headings_numbers_and_rows(register_bytes: bytes) -> None:
    document = open_docx(register_bytes)
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert tuple(rows[0]) == COLUMNS
    assert tuple(rows[1]) == COLUMN_NUMBERS == tuple(f"({n})" for n in range(1, 11))
    assert rows[2][:2] == ["415/TTr-SNV", "12/10/2022"]
    assert rows[4][:2] == ["09/TTr-SNV", "12/10/2022"]
    assert [row[6] for row in rows[2:]] == ["4", "4", "4"]
    assert all(row[7] == row[8] == "" for row in rows[2:])  # Ngày chuyển, Ký nhận: by hand
    # The heading row and the numbers row repeat on every page; the others do not.
    repeated = [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in table._tbl.tr_lst]
    assert repeated == [True, True, False, False, False]
    heights = [tr.find(f"{W}trPr/{W}trHeight") for tr in table._tbl.tr_lst[2:]]
    assert all(h is not None and h.get(qn("w:hRule")) == "atLeast" for h in heights)


def test_docx_fonts_and_sizes(register_bytes: bytes) -> None:
    document = open_docx(register_bytes)
    (table,) = document.tables
    looks = [
        look
        for row in table.rows
        for cell in row.cells
        for paragraph in cell.paragraphs
        for look in run_looks(document, paragraph)
    ] + [look for p in document.paragraphs for look in run_looks(document, p)]
    assert looks
    assert {font for look in looks for font in look.fonts} == {"Times New Roman"}
    heading_looks = [run_looks(document, cell.paragraphs[0])[0] for cell in table.rows[0].cells]
    assert all(look.bold and look.size_pt == 12 for look in heading_looks)
    assert all(
        not look.bold
        for cell in table.rows[2].cells
        for look in run_looks(document, cell.paragraphs[0])
    )


def test_docx_columns_fit_landscape(register_bytes: bytes) -> None:
    document = open_docx(register_bytes)
    (table,) = document.tables
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    section = document.sections[1]
    text_width = Length(section.page_width - section.left_margin - section.right_margin)
    assert abs(sum(grid) - text_width.twips) <= len(grid)  # rounding to whole twips
    profile = tdkt_docs.default_profile()
    for heading, width in zip(COLUMNS, column_widths_mm(profile), strict=True):
        inner = width - 2 * profile.cell_margin_mm
        widest = max(text_width_mm(word, 12, bold=True) for word in heading.split())
        assert widest <= inner, heading
    assert (
        text_width_mm("15/12/2025", 12) <= column_widths_mm(profile)[1] - 2 * profile.cell_margin_mm
    )


def test_docx_styles_are_named_for_their_roles(register_bytes: bytes) -> None:
    document = open_docx(register_bytes)
    names = {style.name for style in document.styles}
    assert {look.name for look in STYLES.values()} <= names
    assert all(name.startswith("Sổ đăng ký: ") for name in (look.name for look in STYLES.values()))
    # None of a văn bản's role styles is left in a register but the page number's and the
    # filler's.
    assert {s.name for s in document.styles if s.name.startswith("ND30")} == {
        "ND30 Số trang", "ND30 Đoạn đệm",
    }  # fmt: skip


def test_docx_pages_numbered_from_the_table(register_bytes: bytes) -> None:
    document = open_docx(register_bytes)
    cover, table = document.sections
    assert cover._sectPr.find(qn("w:headerReference")) is None  # no number on the cover
    header = table.header.paragraphs[0]._p
    assert "PAGE" in "".join(t.text or "" for t in header.iter(qn("w:instrText")))
    assert table._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


def test_same_entries_same_bytes() -> None:
    assert register_docx(_entries_2022(), _cover()) == register_docx(_entries_2022(), _cover())
    assert register_xlsx(_entries_2022(), _cover()) == register_xlsx(_entries_2022(), _cover())


# --- the checker ------------------------------------------------------------------------------

REGISTER_RULES = {
    "page.size", "font.name", "font.legacy", "text.legacy_encoding", "text.nfd",
    "register.cover", "register.columns", "register.orientation",
}  # fmt: skip


def test_the_checker_recognises_a_register(register_bytes: bytes) -> None:
    findings = check_package_bytes(register_bytes, "so-dang-ky.docx")
    # No letter's parts are asked for: every rule but the register's is not applicable,
    # and the register's were evaluated and passed (no finding, not even not_evaluated).
    assert [f for f in findings if f.severity != "not_applicable"] == []
    assert {f.rule for f in findings} == set(rule_table()) - REGISTER_RULES
    assert {f.where for f in findings if f.rule == "quoc_hieu.missing"} == {
        "không áp dụng cho sổ đăng ký văn bản đi"
    }


def test_the_cli_checks_a_register(
    register_bytes: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "so-dang-ky.docx"
    path.write_bytes(register_bytes)
    assert main(["check", str(path)]) == 0
    assert "0 lỗi, 0 cảnh báo, 0 quy tắc không đánh giá được" in capsys.readouterr().out
    assert main(["check", "--type", "register", "--json", str(path)]) == 0
    report = json.loads(capsys.readouterr().out)["files"][str(path)]
    assert {f["rule"] for f in report if f["severity"] != "not_applicable"} == set()


def test_the_decrees_own_register_table() -> None:
    """Phụ lục IV, checked as a register: the ten headings of the decree's table (typed with
    runs of spaces inside "Tên loại và trích yếu …") are found in order; its cover sits in a
    text box, which the checker does not read, so the cover rule is not evaluated; the page
    is portrait (a warning)."""
    findings = check(DATA / "official" / "Phuluc4.docx", "register")
    by_rule = {f.rule: f.severity for f in findings if f.rule.startswith("register.")}
    assert by_rule == {"register.cover": "not_evaluated", "register.orientation": "warning"}
    # As a whole, the appendix is not a register: it has quốc hiệu (its model letters).
    assert not any(f.rule.startswith("register.") and f.severity != "not_applicable"
                   for f in check(DATA / "official" / "Phuluc4.docx"))  # fmt: skip


@pytest.mark.slow
def test_the_register_is_valid_ooxml(register_bytes: bytes, tmp_path: Path) -> None:
    from tests.test_ooxml_validity import _validator

    validator = _validator()
    path = tmp_path / "so-dang-ky.docx"
    path.write_bytes(register_bytes)
    result = subprocess.run(
        [validator, str(path), "--officeVersion", "Office2010"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert report["ok"], json.dumps(report["errors"], ensure_ascii=False, indent=1)


# --- the XLSX ---------------------------------------------------------------------------------


def _calamine_rows(data: bytes) -> list[list[object]]:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    assert workbook.sheet_names == [SHEET]
    rows: list[list[object]] = workbook.get_sheet_by_name(SHEET).to_python()
    return rows


def test_xlsx_read_back_with_calamine() -> None:
    entries = [register_entry(_load(name)) for name in ("decision", "submission")]
    rows = _calamine_rows(register_xlsx(entries, _cover()))
    assert [row[0] for row in rows[:4]] == [
        "UBND TỈNH KHÁNH HÒA",
        "SỞ NỘI VỤ",
        TITLE,
        "Năm: 2022 – Từ ngày ………… đến ngày ………… – Từ số ………… đến số ………… – Quyển số: 01",
    ]
    assert tuple(rows[HEADER_ROW - 1]) == COLUMNS
    assert tuple(rows[HEADER_ROW]) == COLUMN_NUMBERS
    data = rows[FIRST_DATA_ROW - 1 :]
    assert [tuple(row[:6]) for row in data] == [
        EXPECTED["decision"][:6],
        EXPECTED["submission"][:6],
    ]
    assert [row[6] for row in data] == ["", 4]  # a number, blank when not counted
    assert all(row[7:] == ["", "", ""] for row in data)


def test_xlsx_frozen_header_and_landscape_print() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(register_xlsx(_entries_2022(), _cover())))
    sheet = workbook[SHEET]
    assert sheet.freeze_panes == f"A{FIRST_DATA_ROW}"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW + 1}"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4  # "9"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.cell(HEADER_ROW, 1).font.name == "Times New Roman"


def test_xlsx_text_that_looks_like_a_formula_stays_text() -> None:
    formula = '=HYPERLINK("http://x.invalid", "Bấm vào đây")'
    entry = register_entry(_load("submission"), note=formula)
    data = register_xlsx([entry], _cover())
    sheet = openpyxl.load_workbook(io.BytesIO(data))[SHEET]
    cell = sheet.cell(FIRST_DATA_ROW, 10)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (formula, "s", True)
    assert _calamine_rows(data)[FIRST_DATA_ROW - 1][9] == formula


# --- Unicode stays NFC and literal ------------------------------------------------------------

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
TEXT = st.text(
    alphabet=st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " ,.;:()/-=+@{}%<>&'\"#"),
    min_size=1,
    max_size=60,
).filter(lambda text: text.strip() != "")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, decomposed=st.booleans())
def test_unicode_stays_nfc_and_literal(text: str, decomposed: bool) -> None:
    typed = unicodedata.normalize("NFD", text) if decomposed else text
    expected = " ".join(unicodedata.normalize("NFC", text).split())
    entry = register_entry(_load("submission"), note=typed)
    assert entry.note == expected
    docx_data = register_docx([entry], _cover())
    (table,) = open_docx(docx_data).tables
    assert table.rows[2].cells[9].text == expected
    xlsx_data = register_xlsx([entry], _cover())
    assert _calamine_rows(xlsx_data)[FIRST_DATA_ROW - 1][9] == expected
    assert unicodedata.is_normalized("NFC", table.rows[2].cells[9].text)


# --- saved again by LibreOffice ------------------------------------------------------------


def _saved_by_libreoffice(path: Path, target: str) -> Path:
    soffice = _require("soffice")
    out = path.parent / "out"
    subprocess.run(
        [soffice, f"-env:UserInstallation={(path.parent / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", target, "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / path.name


@pytest.mark.slow
def test_register_saved_by_libreoffice(register_bytes: bytes, tmp_path: Path) -> None:
    """Writer renames the styles and rewrites the table: the register is still recognised
    by its title and passes, read by text and position."""
    path = tmp_path / "so-dang-ky.docx"
    path.write_bytes(register_bytes)
    saved = _saved_by_libreoffice(path, "docx:MS Word 2007 XML")
    assert saved.read_bytes() != register_bytes
    findings = check(saved)
    assert [f for f in findings if f.severity != "not_applicable"] == []
    assert {f.rule for f in findings} == set(rule_table()) - REGISTER_RULES
    (table,) = open_docx(saved.read_bytes()).tables
    assert tuple(cell.text for cell in table.rows[0].cells) == COLUMNS


@pytest.mark.slow
def test_register_workbook_saved_by_libreoffice(tmp_path: Path) -> None:
    path = tmp_path / "so-dang-ky.xlsx"
    entries = [register_entry(_load(name)) for name in ("decision", "submission")]
    path.write_bytes(register_xlsx(entries, _cover()))
    rows = _calamine_rows(_saved_by_libreoffice(path, "xlsx:Calc MS Excel 2007 XML").read_bytes())
    assert tuple(rows[HEADER_ROW - 1]) == COLUMNS
    assert [tuple(row[:6]) for row in rows[FIRST_DATA_ROW - 1 :]] == [
        EXPECTED["decision"][:6],
        EXPECTED["submission"][:6],
    ]
