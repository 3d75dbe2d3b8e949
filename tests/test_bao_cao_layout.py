"""The báo cáo (Mẫu 1.4) read back: title block, numbered headings, shared header/signature."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.document import Document

import tdkt_docs
from tdkt_docs.checker import check_package_bytes
from tdkt_docs.metrics import text_width_mm
from tdkt_docs.profile import Profile
from tests.conftest import REPORT_EXAMPLE, report_variant
from tests.docx_reading import by_style, mm, open_docx, paragraph_property, run_looks, twips


@pytest.fixture(scope="module")
def report() -> Document:
    return open_docx(tdkt_docs.render_bytes(REPORT_EXAMPLE))


def test_title_block(report: Document, profile: Profile) -> None:
    title = by_style(report, "ND30TenLoai")
    extract = by_style(report, "ND30TrichYeu")
    assert [p.text for p in title] == ["BÁO CÁO"]
    assert extract[0].text.startswith("Kết quả phát hiện, bồi dưỡng")
    for paragraph in (*title, *extract):
        looks = run_looks(report, paragraph)
        assert all(look.bold and 13 <= look.size_pt <= 14 for look in looks)
        assert paragraph_property(report, paragraph, "jc", "w:val") == "center"
    rule = by_style(report, "ND30TrichYeuRule")[0]
    left = twips(paragraph_property(report, rule, "ind", "w:left"))
    right = twips(paragraph_property(report, rule, "ind", "w:right"))
    length = profile.text_width_mm - mm(left + right)
    line = min(text_width_mm(extract[0].text, 14, bold=True), profile.text_width_mm)
    assert line / 3 <= length <= line / 2


def test_number_has_the_type_abbreviation_and_no_vv(report: Document) -> None:
    assert by_style(report, "ND30SoKyHieu")[0].text == "Số: 12/BC-SNV"
    assert by_style(report, "ND30TrichYeuCongVan") == []


def test_headings_are_numbered(report: Document) -> None:
    level1 = [p.text for p in by_style(report, "ND30DeMuc1")]
    assert level1 == [
        "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
        "II. KẾT QUẢ PHÁT HIỆN, BIỂU DƯƠNG, NHÂN RỘNG ĐIỂN HÌNH",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI",
    ]
    assert [p.text for p in by_style(report, "ND30DeMuc2")] == [
        "1. Kết quả phát hiện điển hình",
        "2. Công tác tuyên truyền",
    ]
    assert [p.text[:3] for p in by_style(report, "ND30DeMuc3")] == ["a) ", "b) ", "c) "]
    for style, bold in (("ND30DeMuc1", True), ("ND30DeMuc2", True), ("ND30DeMuc3", False)):
        for paragraph in by_style(report, style):
            assert {look.bold for look in run_looks(report, paragraph)} == {bold}


def test_report_passes_the_checker() -> None:
    findings = check_package_bytes(tdkt_docs.render_bytes(REPORT_EXAMPLE), "bc.docx")
    assert [f for f in findings if f.severity not in {"not_evaluated", "not_applicable"}] == []
    assert "title.style" not in {f.rule for f in findings}, "the title block is evaluated"


def test_report_without_kinh_gui() -> None:
    document = open_docx(tdkt_docs.render_bytes(report_variant(recipients=[])))
    assert by_style(document, "ND30KinhGui") == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"symbol": "SNV-TĐKT"}, "symbol", "starts with 'BC-'"),
        ({"body": "# Kết quả\n\nNội dung."}, "body", "capitals"),
        (
            {"type": "báo cáo"},
            "type",
            "expected one of decision, dispatch, minutes, report, submission",
        ),
    ],
)
def test_report_refusals(changes: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(tdkt_docs.DataError) as info:
        tdkt_docs.validate(report_variant(**changes))
    assert any(p.field == field and message in p.message for p in info.value.problems)


def test_points_follow_the_vietnamese_alphabet(tmp_path: Path) -> None:
    body = "# MỤC\n\n## Khoản\n\n" + "\n\n".join(f"### điểm {i}" for i in range(6))
    document = open_docx(tdkt_docs.render_bytes(report_variant(body=body)))
    letters = [p.text.split(")")[0] for p in by_style(document, "ND30DeMuc3")]
    assert letters == ["a", "b", "c", "d", "đ", "e"]


def test_appendix_is_a_landscape_section_numbered_from_one(report: Document) -> None:
    from docx.oxml.ns import qn

    assert len(report.sections) == 2
    main, appendix = report.sections
    assert main.page_width < main.page_height
    assert appendix.page_width > appendix.page_height
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert appendix.different_first_page_header_footer is True
    contact = [p for p in appendix.first_page_footer.paragraphs if p.text.strip()]
    assert contact == [], "ô 13 is on the first page of the document only"


def test_appendix_heading_lines(report: Document) -> None:
    assert [p.text for p in by_style(report, "ND30PhuLuc")] == ["Phụ lục"]
    title = by_style(report, "ND30PhuLucTen")[0]
    assert title.text.startswith("DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN")
    reference = by_style(report, "ND30PhuLucKemTheo")[0]
    assert reference.text == (
        "(Kèm theo Báo cáo số 12/BC-SNV ngày 14 tháng 9 năm 2023 của Sở Nội vụ tỉnh Khánh Hòa)"
    )
    assert all(look.italic for look in run_looks(report, reference))
    assert all(look.bold and look.size_pt == 14 for look in run_looks(report, title))


def test_appendix_table(report: Document) -> None:
    from docx.oxml.ns import qn

    table = report.tables[-1]
    header = [cell.text for cell in table.rows[0].cells]
    assert header[:3] == ["STT", "Họ và tên / tên tập thể", "Năm sinh"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None, "header repeats"
    assert [row.cells[1].text for row in table.rows[1:]] == [
        "Nguyễn Thị Hoa",
        "Tổ dân phố Phước Hải 3",
        "Hộ ông Trần Văn Nam",
    ]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"single"}
    for paragraph in table.rows[1].cells[5].paragraphs:
        assert {look.size_pt for look in run_looks(report, paragraph)} == {12}


def test_two_appendices_get_roman_numbers() -> None:
    data = report_variant()
    data["appendices"] = [
        {"title": "BẢNG MỘT", "table": {"columns": ["A"], "rows": [["1"]]}},
        {"title": "BẢNG HAI", "body": "Ghi chú *một*.", "landscape": False},
    ]
    document = open_docx(tdkt_docs.render_bytes(data))
    assert [p.text for p in by_style(document, "ND30PhuLuc")] == ["Phụ lục I", "Phụ lục II"]
    assert document.sections[2].page_width < document.sections[2].page_height
    findings = check_package_bytes(tdkt_docs.render_bytes(data), "two.docx")
    assert [f for f in findings if f.severity == "error"] == []


@pytest.mark.parametrize(
    ("appendix", "message"),
    [
        ({"title": "X", "table": {"columns": ["A", "B"], "rows": [["1"]]}}, "expected 2 cells"),
        ({"title": "X", "table": {"columns": ["A"], "widths": [1, 2]}}, "expected 1 values"),
        ({"title": "Danh sách", "table": {"columns": ["A"]}}, "expected capitals"),
    ],
)
def test_appendix_refusals(appendix: dict[str, Any], message: str) -> None:
    data = report_variant()
    data["appendices"] = [appendix]
    with pytest.raises(tdkt_docs.DataError, match=message):
        tdkt_docs.validate(data)


def test_appendix_needs_the_agency_display_name() -> None:
    data = report_variant()
    data["agency"] = {k: v for k, v in data["agency"].items() if k != "display_name"}
    with pytest.raises(tdkt_docs.DataError, match="display_name"):
        tdkt_docs.validate(data)


def test_body_table_sits_where_it_is_written(report: Document) -> None:
    body = report.element.body
    tables = [t for t in body.iterchildren() if t.tag.endswith("}tbl")]
    # header, body table, signature (the appendix table follows in its own section)
    body_table = tables[1]
    previous = body_table.getprevious()
    while previous is not None and not "".join(previous.itertext()).strip():
        previous = previous.getprevious()
    assert "".join(previous.itertext()).startswith("c) Hộ gia đình")
    assert report.tables[1]._tbl is body_table
    rows = [[cell.text for cell in row.cells] for row in report.tables[1].rows]
    assert rows[0] == ["Lĩnh vực", "Cá nhân", "Tập thể", "Hộ gia đình", "Cộng"]
    assert rows[-1] == ["Tổng cộng", "38", "11", "3", "52"]


def test_body_table_rows_must_match_the_heading() -> None:
    body = "# MỤC\n\n| A | B |\n|---|---|\n| 1 |"
    with pytest.raises(tdkt_docs.DataError, match="table row 1 has 1 cells"):
        tdkt_docs.validate(report_variant(body=body))
