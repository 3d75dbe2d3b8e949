"""The công văn read back element by element: each ND30 property of each element.

Expected values are the ND30 rules (Phụ lục I of Nghị định 30/2020/NĐ-CP) and, where the
decree gives a range, the choice in the bundled profile, which must lie in that range.
"""

from __future__ import annotations

from typing import Any

import pytest
from docx.document import Document
from docx.oxml.ns import qn

from tdkt_docs.metrics import text_width_mm
from tdkt_docs.profile import LEGAL_MARGINS_MM, LEGAL_SIZE_RANGES_PT, Profile
from tdkt_docs.roles import ROLES
from tests.conftest import render_data, variant
from tests.docx_reading import (
    W,
    all_paragraphs,
    by_style,
    mm,
    paragraph_property,
    run_looks,
    twips,
)

TNR = ("Times New Roman",) * 4


def _only(document: Document, role: str) -> Any:
    found = by_style(document, ROLES[role].style_id)
    assert len(found) == 1, f"{role}: expected one paragraph, found {len(found)}"
    return found[0]


def _look(document: Document, paragraph: Any) -> tuple[float, bool, bool]:
    looks = run_looks(document, paragraph)
    assert looks, f"no text in {paragraph.text!r}"
    sizes = {r.size_pt for r in looks}
    bolds = {r.bold for r in looks}
    italics = {r.italic for r in looks}
    assert len(sizes) == len(bolds) == len(italics) == 1, f"mixed formatting in {paragraph.text!r}"
    return sizes.pop(), bolds.pop(), italics.pop()


# role: (legal size role, bold, italic, alignment, all capitals)
ELEMENTS = {
    "quoc_hieu": ("quoc_hieu", True, False, "center", True),
    "tieu_ngu": ("tieu_ngu", True, False, "center", False),
    "parent_agency": ("parent_agency", False, False, "center", True),
    "agency": ("agency", True, False, "center", True),
    "number": ("number", False, False, "center", False),
    "date_line": ("date_line", False, True, "center", False),
    "subject": ("subject", False, False, "center", False),
    "noi_nhan_label": ("noi_nhan_label", True, True, "left", False),
    "authority": ("authority", True, False, "center", True),
    "signer_title": ("signer_title", True, False, "center", True),
    "signer_name": ("signer_name", True, False, "center", False),
}


@pytest.mark.parametrize("role", sorted(ELEMENTS))
def test_element_size_style_alignment(seed_doc: Document, profile: Profile, role: str) -> None:
    size_role, bold, italic, alignment, capitals = ELEMENTS[role]
    paragraph = _only(seed_doc, role)
    size, is_bold, is_italic = _look(seed_doc, paragraph)
    low, high = LEGAL_SIZE_RANGES_PT[size_role]
    assert low <= size <= high
    assert size == profile.size(size_role)
    assert (is_bold, is_italic) == (bold, italic)
    assert paragraph_property(seed_doc, paragraph, "jc", "w:val") == alignment
    if capitals:
        assert paragraph.text == paragraph.text.upper()


def test_header_texts(seed_doc: Document) -> None:
    assert _only(seed_doc, "quoc_hieu").text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert _only(seed_doc, "tieu_ngu").text == "Độc lập - Tự do - Hạnh phúc"
    assert _only(seed_doc, "parent_agency").text == "UBND TỈNH KHÁNH HÒA"
    assert _only(seed_doc, "agency").text == "SỞ NỘI VỤ"


def test_blank_number_and_day_leave_room_for_the_clerk(seed_doc: Document) -> None:
    number = _only(seed_doc, "number").text
    assert number.startswith("Số:") and number.endswith("/SNV-TĐKT")
    assert number == "Số: " + " " * 12 + "/SNV-TĐKT"
    date = _only(seed_doc, "date_line").text
    assert date == "Khánh Hòa, ngày " + " " * 8 + " tháng 9 năm 2023"
    for paragraph in (_only(seed_doc, "number"), _only(seed_doc, "date_line")):
        for t in paragraph._p.iter(f"{W}t"):
            if t.text and "  " in t.text:
                assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (12, "12"), (123, "123"), (2881, "2881")],
)
def test_number_is_zero_padded_below_10(number: int, expected: str) -> None:
    document = render_data(variant(number=number))
    assert _only(document, "number").text == f"Số: {expected}/SNV-TĐKT"


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2023-09-07", "ngày 07 tháng 9 năm 2023"),
        ("2024-01-05", "ngày 05 tháng 01 năm 2024"),
        ("2024-02-29", "ngày 29 tháng 02 năm 2024"),
        ("2023-03-01", "ngày 01 tháng 3 năm 2023"),
        ("2023-10-10", "ngày 10 tháng 10 năm 2023"),
        ("2023-12-31", "ngày 31 tháng 12 năm 2023"),
        ("2023-11-09", "ngày 09 tháng 11 năm 2023"),
    ],
)
def test_date_line_padding(date: str, expected: str) -> None:
    document = render_data(variant(date=date))
    assert _only(document, "date_line").text == f"Khánh Hòa, {expected}"


def test_vv_subject(seed_doc: Document) -> None:
    subject = _only(seed_doc, "subject")
    assert subject.text == (
        "V/v tăng cường công tác tuyên truyền phong trào thi đua yêu nước, điển hình tiên tiến"
    )
    assert twips(paragraph_property(seed_doc, subject, "spacing", "w:before")) >= 6 * 20


def test_page_setup(seed_doc: Document, profile: Profile) -> None:
    section = seed_doc.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert section.orientation == 0  # portrait
    for side, (low, high) in LEGAL_MARGINS_MM.items():
        value = getattr(section, f"{side}_margin").mm
        assert low <= value <= high + 0.05, side
        assert value == pytest.approx(getattr(profile.margins_mm, side), abs=0.05)


def test_times_new_roman_everywhere(seed_doc: Document) -> None:
    defaults = seed_doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults is not None
    assert tuple(defaults.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "cs", "eastAsia")) == TNR
    for element in seed_doc.styles.element.iter(f"{W}rFonts"):
        assert not any(k.endswith("Theme") for k in element.attrib), "theme fonts override names"
        assert set(element.attrib.values()) == {"Times New Roman"}
    for paragraph in all_paragraphs(seed_doc):
        for look in run_looks(seed_doc, paragraph):
            assert look.fonts == TNR, look.text


def test_text_is_black_except_stamps(seed_doc: Document) -> None:
    for paragraph in all_paragraphs(seed_doc):
        for look in run_looks(seed_doc, paragraph):
            assert look.colour == "000000", look.text


def _table_widths(table: Any) -> tuple[list[int], list[list[int]]]:
    grid = [twips(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iter(f"{W}gridCol")]
    cells = [
        [twips(tc.find(f"{W}tcPr/{W}tcW").get(qn("w:w"))) for tc in row._tr.iter(f"{W}tc")]
        for row in table.rows
    ]
    return grid, cells


def test_header_table_fixed_and_borderless(seed_doc: Document, profile: Profile) -> None:
    header = seed_doc.tables[0]
    layout = header._tbl.tblPr.find(f"{W}tblLayout")
    assert layout is not None and layout.get(qn("w:type")) == "fixed"
    grid, cells = _table_widths(header)
    assert [round(mm(w)) for w in grid] == [round(w) for w in profile.header_columns_mm]
    assert all(row == grid for row in cells), "tcW must equal the grid (LibreOffice reads the grid)"
    assert mm(sum(grid)) == pytest.approx(profile.text_width_mm, abs=0.2)
    borders = header._tbl.tblPr.find(f"{W}tblBorders")
    assert borders is not None
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    # The quốc hiệu fits its column on one line.
    margin = header._tbl.tblPr.find(f"{W}tblCellMar/{W}left")
    room = mm(grid[1] - 2 * twips(margin.get(qn("w:w"))))
    qh_size = profile.size("quoc_hieu")
    assert text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", qh_size, bold=True) < room - 1


def test_header_cells_hold_the_right_elements(seed_doc: Document) -> None:
    header = seed_doc.tables[0]
    styles = [[[p._p.style for p in cell.paragraphs] for cell in row.cells] for row in header.rows]
    assert styles[0][0] == ["ND30CoQuanChuQuan", "ND30CoQuanBanHanh", "ND30CoQuanRule"]
    assert styles[0][1] == ["ND30QuocHieu", "ND30TieuNgu", "ND30TieuNguRule"]
    assert styles[1][0] == ["ND30SoKyHieu", "ND30TrichYeuCongVan"]
    assert styles[1][1] == ["ND30DiaDanhNgay"]
    # "Số:" and the date line open the same row with the same size: one baseline.
    number = header.rows[1].cells[0].paragraphs[0]
    date = header.rows[1].cells[1].paragraphs[0]
    assert _look(seed_doc, number)[0] == _look(seed_doc, date)[0]
    assert paragraph_property(seed_doc, number, "spacing", "w:before") == paragraph_property(
        seed_doc, date, "spacing", "w:before"
    )


def _border(document: Document, paragraph: Any, side: str) -> str | None:
    return paragraph_property(document, paragraph, f"pBdr/{W}{side}", "w:val")


def _width_mm(document: Document, paragraph: Any, column_mm: float, profile: Profile) -> float:
    left = twips(paragraph_property(document, paragraph, "ind", "w:left"))
    right = twips(paragraph_property(document, paragraph, "ind", "w:right"))
    return column_mm - 2 * profile.cell_margin_mm - mm(left + right)


def test_rule_under_tieu_ngu_is_as_long_as_it(seed_doc: Document, profile: Profile) -> None:
    rule = _only(seed_doc, "tieu_ngu_rule")
    assert _border(seed_doc, rule, "top") == "single"
    length = _width_mm(seed_doc, rule, profile.header_columns_mm[1], profile)
    text = text_width_mm("Độc lập - Tự do - Hạnh phúc", profile.size("tieu_ngu"), bold=True)
    assert length == pytest.approx(text, abs=0.3)


@pytest.mark.parametrize(
    "name",
    [
        "SỞ NỘI VỤ",
        "BAN THI ĐUA - KHEN THƯỞNG",
        "ỦY BAN NHÂN DÂN",
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH",
    ],
)
def test_rule_under_agency_is_a_third_to_a_half(profile: Profile, name: str) -> None:
    data = variant()
    data["agency"] = {**data["agency"], "name": name}
    document = render_data(data)
    rule = _only(document, "agency_rule")
    assert _border(document, rule, "top") == "single"
    length = _width_mm(document, rule, profile.header_columns_mm[0], profile)
    room = profile.header_columns_mm[0] - 2 * profile.cell_margin_mm
    line = min(text_width_mm(name, profile.size("agency"), bold=True), room)
    assert line / 3 <= length <= line / 2


def test_kinh_gui_multiple_form(seed_doc: Document, profile: Profile) -> None:
    label = _only(seed_doc, "kinh_gui")
    assert label.text == "Kính gửi:"
    items = by_style(seed_doc, ROLES["kinh_gui_item"].style_id)
    assert [p.text for p in items] == [
        "- Các sở, ban, ngành, đoàn thể tỉnh;",
        "- UBND các huyện, thị xã, thành phố;",
        "- Các doanh nghiệp thuộc Khối thi đua tỉnh;",
        "- Các cơ quan Trung ương đóng trên địa bàn tỉnh.",
    ]
    label_indent = twips(paragraph_property(seed_doc, label, "ind", "w:left"))
    colon = text_width_mm("Kính gửi:", profile.size("kinh_gui"))
    for item in items:
        indent = twips(paragraph_property(seed_doc, item, "ind", "w:left"))
        assert mm(indent - label_indent) == pytest.approx(colon, abs=0.2), "dash under the colon"
        assert _look(seed_doc, item) == (profile.size("kinh_gui"), False, False)
    assert 13 <= _look(seed_doc, label)[0] <= 14


def test_kinh_gui_single_form() -> None:
    document = render_data(variant(recipients=["Ban Thi đua - Khen thưởng Trung ương"]))
    label = _only(document, "kinh_gui")
    assert label.text == "Kính gửi: Ban Thi đua - Khen thưởng Trung ương"
    assert by_style(document, ROLES["kinh_gui_item"].style_id) == []


def test_body_paragraphs(seed_doc: Document, profile: Profile) -> None:
    body = by_style(seed_doc, ROLES["body"].style_id)
    assert len(body) == 9
    for paragraph in body:
        assert paragraph_property(seed_doc, paragraph, "jc", "w:val") == "both"
        indent = twips(paragraph_property(seed_doc, paragraph, "ind", "w:firstLine"))
        assert round(mm(indent) / 10, 2) in (1.0, 1.27)
        before = twips(paragraph_property(seed_doc, paragraph, "spacing", "w:before"))
        after = twips(paragraph_property(seed_doc, paragraph, "spacing", "w:after"))
        assert before + after >= 6 * 20
        assert paragraph_property(seed_doc, paragraph, "spacing", "w:lineRule") == "auto"
        line = twips(paragraph_property(seed_doc, paragraph, "spacing", "w:line"))
        assert 240 <= line <= 360, "single to 1.5 lines"
        for look in run_looks(seed_doc, paragraph):
            assert 13 <= look.size_pt <= 14 and not look.bold
    italic = [r.text for r in run_looks(seed_doc, body[1]) if r.italic]
    assert italic == ["sau đây gọi tắt là cơ quan, đơn vị, địa phương"]
    assert body[-1].text == "Trân trọng./."
    assert body[-1].paragraph_format.keep_with_next is True


def test_signature_table(seed_doc: Document, profile: Profile) -> None:
    table = seed_doc.tables[-1]
    row = table.rows[0]
    assert row._tr.trPr.find(f"{W}cantSplit") is not None, "the signature row never splits"
    grid, cells = _table_widths(table)
    assert all(r == grid for r in cells)
    left, right = row.cells
    assert [p.text for p in left.paragraphs] == [
        "Nơi nhận:",
        "- Như trên;",
        "- Ban TĐKT Trung ương (Báo cáo);",
        "- UBND tỉnh (Báo cáo-VBĐT);",
        "- Giám đốc SNV (Báo cáo-VBĐT);",
        "- Lưu: VT, PTĐKT, GN.",
    ]
    for item in left.paragraphs[1:]:
        assert _look(seed_doc, item) == (11, False, False)
        assert paragraph_property(seed_doc, item, "jc", "w:val") == "left"
    assert [p.text for p in right.paragraphs] == [
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Huỳnh Mạnh Thắng",
    ]
    name = right.paragraphs[-1]
    gap = twips(paragraph_property(seed_doc, name, "spacing", "w:before"))
    assert gap >= 36 * 20, "room for the signature and the seal"
    # "Nơi nhận:" starts level with the authority line.
    label_before = twips(paragraph_property(seed_doc, left.paragraphs[0], "spacing", "w:before"))
    authority_before = twips(
        paragraph_property(seed_doc, right.paragraphs[0], "spacing", "w:before")
    )
    assert 0 <= label_before - authority_before <= 2 * 20


def test_head_signs_without_authority() -> None:
    document = render_data(variant(signer={"title": "GIÁM ĐỐC", "name": "Nguyễn Văn A"}))
    right = document.tables[-1].rows[0].cells[1]
    assert [p.text for p in right.paragraphs] == ["GIÁM ĐỐC", "Nguyễn Văn A"]


def test_combined_authority_lines() -> None:
    signer = {
        "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "title": "PHÓ CHỦ TỊCH",
        "name": "Trần Văn B",
    }
    document = render_data(variant(signer=signer))
    right = document.tables[-1].rows[0].cells[1]
    assert [p.text for p in right.paragraphs] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Văn B",
    ]
    for paragraph in right.paragraphs[:2]:
        assert paragraph._p.style == ROLES["authority"].style_id
        assert _look(document, paragraph)[1] is True


def test_page_numbers_from_page_two(seed_doc: Document, profile: Profile) -> None:
    section = seed_doc.sections[0]
    assert section.different_first_page_header_footer is True
    first = section.first_page_header._element
    assert not [i for i in first.iter(f"{W}instrText") if "PAGE" in (i.text or "")]
    header = section.header
    fields = [i.text for i in header._element.iter(f"{W}instrText")]
    assert [f.strip() for f in fields] == ["PAGE"]
    paragraph = header.paragraphs[0]
    assert paragraph._p.style == ROLES["page_number"].style_id
    assert paragraph_property(seed_doc, paragraph, "jc", "w:val") == "center"
    size, _bold, italic = _look(seed_doc, paragraph)
    assert 13 <= size <= 14 and not italic


def test_marks_drafter_and_contact() -> None:
    data = variant(urgency="hỏa tốc", secrecy="MẬT", drafter={"initials": "GN", "copies": 25})
    data["agency"] = {
        **data["agency"],
        "address": "Số 4 Phan Chu Trinh, Nha Trang",
        "phone": "0258 3822 000",
        "email": "snv@khanhhoa.gov.vn",
        "website": "snv.khanhhoa.gov.vn",
    }
    document = render_data(data)
    urgency = _only(document, "urgency")
    assert urgency.text == "HỎA TỐC"
    looks = run_looks(document, urgency)
    assert looks[0].bold and 13 <= looks[0].size_pt <= 14 and looks[0].colour == "FF0000"
    for side in ("top", "left", "bottom", "right"):
        assert _border(document, urgency, side) == "single"
    assert _only(document, "secrecy").text == "MẬT"
    drafter = _only(document, "drafter")
    assert drafter.text == "GN.(25)"
    assert _look(document, drafter) == (11, False, False)
    footer = document.sections[0].first_page_footer
    lines = [p.text for p in footer.paragraphs if p._p.style == ROLES["contact"].style_id]
    assert lines == [
        "Địa chỉ: Số 4 Phan Chu Trinh, Nha Trang",
        "ĐT: 0258 3822 000",
        "E-mail: snv@khanhhoa.gov.vn, Website: snv.khanhhoa.gov.vn",
    ]
    first_contact = next(p for p in footer.paragraphs if p._p.style == ROLES["contact"].style_id)
    assert _border(document, first_contact, "top") == "single"
    assert 11 <= _look(document, first_contact)[0] <= 12


def test_no_parent_agency() -> None:
    data = variant()
    data["agency"] = {"name": "BAN THI ĐUA - KHEN THƯỞNG", "place": "Hà Nội"}
    document = render_data(data)
    assert by_style(document, ROLES["parent_agency"].style_id) == []
    assert _only(document, "agency").text == "BAN THI ĐUA - KHEN THƯỞNG"


def test_every_cell_holds_a_paragraph(seed_doc: Document) -> None:
    for tc in seed_doc.element.body.iter(f"{W}tc"):
        assert tc.find(f"{W}p") is not None


def test_clean_document_properties(seed_doc: Document) -> None:
    core = seed_doc.core_properties
    assert (
        core.title
        == "V/v tăng cường công tác tuyên truyền phong trào thi đua yêu nước, điển hình tiên tiến"
    )
    assert core.author == "SỞ NỘI VỤ"
    assert core.comments == "" and core.last_modified_by == ""
    assert core.created is not None and (core.created.year, core.created.month) == (2023, 9)
