"""Role detection on documents nobody here wrote (issue 14): what the decree lays out is
read as what it is — type names of every kind, headings, the operative word, Nơi nhận
lists, "(Kèm theo …)" lines, two-row signature tables — so that the layout rules judge
the right paragraphs. Each test builds a small DOCX by hand (python-docx) with one case."""

from __future__ import annotations

import io
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Mm, Pt

from tdkt_docs.checker import check, check_package_bytes
from tdkt_docs.checker.detect import Roles, detect, split_line_blocks
from tdkt_docs.checker.model import build_model
from tdkt_docs.checker.package import read_package
from tdkt_docs.checker.rules import Finding
from tdkt_docs.cli import main
from tests.conftest import DATA
from tests.test_checker_handmade import _fonts, _line

LEFT = WD_ALIGN_PARAGRAPH.LEFT
Builder = Callable[[Document], None]


def _body(document: object, text: str, *, bold: bool = False) -> None:
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.font.size = Pt(14)
    run.bold = bold


def _page(document: Document) -> None:
    _fonts(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)


def header(document: Document, *, number: str = "Số: 12/QĐ-SNV", subject: str = "") -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, column, width in zip(table.rows[0].cells, table.columns, (6.0, 10.0), strict=True):
        cell.width = column.width = Cm(width)
    left, right = table.rows[0].cells
    _line(left, "UBND TỈNH KHÁNH HÒA", 13)
    _line(left, "SỞ NỘI VỤ", 13, bold=True, border=True)
    if number:
        _line(left, number, 13)
    if subject:
        _line(left, subject, 12)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    _line(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True, border=True)
    _line(right, "Khánh Hòa, ngày 05 tháng 9 năm 2023", 13, italic=True)


def title(document: Document, name: str, extract: str | None = "về việc tổ chức hội nghị") -> None:
    _line(document, name, 14, bold=True)
    if extract is not None:
        _line(document, extract, 14, bold=True)
    _line(document, "", 14, border=True)


def signature(
    document: Document,
    *,
    items: tuple[str, ...] = ("- Như trên;", "- Lưu: VT, TĐKT."),
    right: tuple[str, ...] = ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Huỳnh Mạnh Thắng"),
    second_row: tuple[str, ...] = (),
) -> None:
    table = document.add_table(rows=2 if second_row else 1, cols=2)
    left, cell = table.rows[0].cells
    _line(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
    for item in items:
        _line(left, item, 11, align=LEFT)
    for line in right:
        _line(cell, line, 14, bold=bool(line) and not line.startswith("("))
    if second_row:
        for line in second_row:
            _line(table.rows[1].cells[1], line, 14, bold=True)


def build(*parts: Builder) -> bytes:
    document = docx.Document()
    _page(document)
    for part in parts:
        part(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def roles_of(data: bytes, doc_type: str = "auto") -> Roles:
    return detect(build_model(read_package(data, "roles.docx")), doc_type)


def errors(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, f.where) for f in findings if f.severity in {"error", "warning"}]


def rules(findings: list[Finding], severity: str = "error") -> set[str]:
    return {f.rule for f in findings if f.severity == severity}


def body(*lines: str) -> Builder:
    return lambda document: [_body(document, line) for line in lines] and None


# --- type names, headings, the operative word ---------------------------------------------


def test_a_legal_document_type_name_and_its_headings_are_not_body_text() -> None:
    """NGHỊ ĐỊNH (a văn bản quy phạm pháp luật) with its trích yếu, "Chương I" and its
    title, "Điều 1. …" set bold as a heading: none is judged as a body paragraph, and the
    rules limited to ND30's types (V/v of a công văn) do not apply to it."""
    data = build(
        lambda d: header(d, number="Số: 30/2020/NĐ-CP"),
        lambda d: title(d, "NGHỊ ĐỊNH", "Về công tác văn thư"),
        body("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"),
        lambda d: _line(d, "Chương I", 14, bold=True),
        lambda d: _line(d, "QUY ĐỊNH CHUNG", 14, bold=True),
        lambda d: _line(d, "Điều 1. Phạm vi điều chỉnh", 14, bold=True, align=LEFT),
        body("Nghị định này quy định về công tác văn thư./."),
        signature,
    )
    roles = roles_of(data)
    assert roles.doc_type == "legal"
    assert [p.text[:6] for p in roles.body] == ["Căn cứ", "Nghị đ"]
    findings = check_package_bytes(data)
    assert errors(findings) == []
    not_applicable = {f.rule: f.where for f in findings if f.severity == "not_applicable"}
    assert "quy phạm pháp luật" in not_applicable["subject.missing"]


def test_the_operative_word_of_a_resolution_is_not_body_text() -> None:
    """Mẫu 1.1: "QUYẾT NGHỊ:" opens the articles of a nghị quyết, wherever it is aligned."""
    data = build(
        header,
        lambda d: title(d, "NGHỊ QUYẾT", "Về việc thông qua kế hoạch năm 2024"),
        body("Căn cứ Luật Tổ chức chính quyền địa phương;"),
        lambda d: _line(d, "QUYẾT NGHỊ:", 14, bold=True, align=LEFT),
        body("Điều 1. Thông qua kế hoạch năm 2024./."),
        signature,
    )
    assert errors(check_package_bytes(data)) == []


def test_a_type_name_without_trich_yeu_has_its_rule_under_it() -> None:
    """GIẤY GIỚI THIỆU (Mẫu 1.8): the rule under the type name is not its trích yếu."""
    data = build(
        header,
        lambda d: title(d, "GIẤY GIỚI THIỆU", None),
        body("Sở Nội vụ trân trọng giới thiệu ông Nguyễn Văn A đến liên hệ công tác./."),
        signature,
    )
    roles = roles_of(data)
    assert roles.type_title is not None and roles.type_extract is None
    assert "title.style" not in rules(check_package_bytes(data))


def test_two_type_names_give_a_warning_naming_both() -> None:
    """THÔNG BÁO above, BÁO CÁO further down: the type is a guess, and it is said."""
    data = build(
        header,
        lambda d: title(d, "THÔNG BÁO", "Kết quả hội nghị"),
        body("Nội dung thông báo."),
        lambda d: title(d, "BÁO CÁO", "Tình hình thực hiện"),
        body("Nội dung báo cáo./."),
        signature,
    )
    findings = check_package_bytes(data)
    conflict = [f for f in findings if f.rule == "type.conflict"]
    assert [(f.severity, f.found) for f in conflict] == [("warning", "THÔNG BÁO và BÁO CÁO")]
    # A rule about the type says its type is guessed.
    guessed = [
        f for f in findings if f.severity == "not_applicable" and f.rule == "subject.missing"
    ]
    assert guessed and "đoán" not in guessed[0].where  # not applicable: no guess in play
    plain = build(
        header, lambda d: title(d, "THÔNG BÁO", "Kết quả"), body("Nội dung./."), signature
    )
    assert "type.conflict" not in rules(check_package_bytes(plain), "warning")


# --- Nơi nhận and the signature block ------------------------------------------------------


def test_a_noi_nhan_item_that_wraps_is_one_item() -> None:
    """The decree's own list: "- Các bộ, cơ quan ngang bộ," / "cơ quan thuộc Chính phủ;"."""
    items = ("- Các bộ, cơ quan ngang bộ,", "cơ quan thuộc Chính phủ;", "- Lưu: VT, TĐKT.")
    data = build(
        header,
        lambda d: title(d, "THÔNG BÁO"),
        body("Nội dung./."),
        lambda d: signature(d, items=items),
    )
    roles = roles_of(data)
    assert [[p.text for p in lines] for lines in roles.noi_nhan_lines] == [
        list(items[:2]),
        [items[2]],
    ]
    assert errors(check_package_bytes(data)) == []
    # An item that really lacks its ";" is still found.
    wrong = ("- Các bộ, cơ quan ngang bộ,", "cơ quan thuộc Chính phủ", "- Lưu: VT, TĐKT.")
    data = build(
        header,
        lambda d: title(d, "THÔNG BÁO"),
        body("Nội dung./."),
        lambda d: signature(d, items=wrong),
    )
    assert [
        f.found
        for f in check_package_bytes(data)
        if f.rule == "noi_nhan.items" and f.severity == "error"
    ] == ["- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"]


def _signature_outside_table(document: Document, *, archive: str = "- Lưu: VT, TĐKT.") -> None:
    for line in ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Huỳnh Mạnh Thắng"):
        _line(document, line, 14, bold=bool(line))
    _line(document, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
    _line(document, "- Như trên;", 11, align=LEFT)
    _line(document, archive, 11, align=LEFT)
    _line(document, "", 11)
    _line(document, "Số lượng bản phát hành: 05", 11, align=LEFT)


def test_a_noi_nhan_list_outside_a_table_is_read() -> None:
    good = build(
        header, lambda d: title(d, "THÔNG BÁO"), body("Nội dung./."), _signature_outside_table
    )
    roles = roles_of(good)
    assert [p.text for p in roles.noi_nhan_items] == ["- Như trên;", "- Lưu: VT, TĐKT."]
    bad = build(
        header,
        lambda d: title(d, "THÔNG BÁO"),
        body("Nội dung./."),
        lambda d: _signature_outside_table(d, archive="- Lưu: VT, TĐKT"),
    )
    assert "noi_nhan.archive" in rules(check_package_bytes(bad))


def test_the_signer_is_never_noi_nhan_nor_a_count_of_copies() -> None:
    """The signature outside tables, Nơi nhận and "Số lượng bản phát hành: 05" under it:
    the name is "Huỳnh Mạnh Thắng"."""
    data = build(
        header, lambda d: title(d, "THÔNG BÁO"), body("Nội dung./."), _signature_outside_table
    )
    roles = roles_of(data)
    assert roles.signer_name is not None and roles.signer_name.text == "Huỳnh Mạnh Thắng"
    assert roles.signer_title is not None and roles.signer_title.text == "PHÓ GIÁM ĐỐC"


def test_a_signature_table_with_the_name_in_a_second_row() -> None:
    """Mẫu 1.6–1.9: the title in the first row, the name in the row under it."""
    data = build(
        header,
        lambda d: title(d, "GIẤY MỜI", "Dự hội nghị tổng kết"),
        body("Trân trọng kính mời./."),
        lambda d: signature(
            d,
            right=(
                "KT. GIÁM ĐỐC",
                "PHÓ GIÁM ĐỐC",
                "(Chữ ký của người có thẩm quyền,",
                "dấu của cơ quan)",
            ),
            second_row=("Huỳnh Mạnh Thắng",),
        ),
    )
    roles = roles_of(data)
    assert roles.signer_name is not None and roles.signer_name.text == "Huỳnh Mạnh Thắng"
    assert "signer.missing" not in rules(check_package_bytes(data))


# --- the header -----------------------------------------------------------------------------


def _joined_header(document: Document) -> None:
    """Quốc hiệu and tiêu ngữ typed in one paragraph, on two lines (Shift+Enter)."""
    table = document.add_table(rows=1, cols=2)
    for cell, column, width in zip(table.rows[0].cells, table.columns, (6.0, 10.0), strict=True):
        cell.width = column.width = Cm(width)
    left, right = table.rows[0].cells
    _line(left, "UBND TỈNH KHÁNH HÒA", 13)
    _line(left, "SỞ NỘI VỤ", 13, bold=True, border=True)
    _line(left, "Số: 12/TB-SNV", 13)
    paragraph = right.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    quoc_hieu = paragraph.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    quoc_hieu.add_break()
    tieu_ngu = paragraph.add_run("Độc lập - Tự do - Hạnh phúc")
    for run, size in ((quoc_hieu, 12), (tieu_ngu, 13)):
        run.bold = True
        run.font.size = Pt(size)
    _line(right, "", 13, border=True)
    _line(right, "Khánh Hòa, ngày 05 tháng 9 năm 2023", 13, italic=True)


def test_quoc_hieu_and_tieu_ngu_on_two_lines_of_one_paragraph() -> None:
    data = build(_joined_header, lambda d: title(d, "THÔNG BÁO"), body("Nội dung./."), signature)
    roles = roles_of(data)
    assert (
        roles.quoc_hieu is not None and roles.quoc_hieu.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    assert roles.tieu_ngu is not None and roles.tieu_ngu.text == "Độc lập - Tự do - Hạnh phúc"
    assert errors(check_package_bytes(data)) == []


def test_the_second_line_of_a_kem_theo_reference_is_not_a_date_line() -> None:
    """An appendix's "(Kèm theo Nghị định số 30/2020/NĐ-CP" / "ngày 05 tháng 3 năm 2020 của
    Chính phủ)" above the document's own header: the date line is the header's."""
    data = build(
        lambda d: _line(d, "(Kèm theo Nghị định số 30/2020/NĐ-CP", 14, italic=True),
        lambda d: _line(d, "ngày 05 tháng 3 năm 2020 của Chính phủ)", 14, italic=True),
        header,
        lambda d: title(d, "THÔNG BÁO"),
        body("Nội dung./."),
        signature,
    )
    roles = roles_of(data)
    assert roles.date_line is not None and roles.date_line.text.startswith("Khánh Hòa")


def test_cells_of_a_long_table_are_not_header_or_signature_elements() -> None:
    """A spec table (more rows than a header or signature table has) whose cells hold "Số:",
    a date, "Nơi nhận" and "TM. ỦY BAN NHÂN DÂN": none is taken for the document's own."""

    def spec(document: Document) -> None:
        table = document.add_table(rows=8, cols=2)
        cells = ["Số: 15/QĐ-BNV", "Hà Nội, ngày 05 tháng 3 năm 2020", "Nơi nhận", "- Như trên;",
                 "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A", "In hoa"]  # fmt: skip
        for row, text in zip(table.rows, cells, strict=True):
            row.cells[0].text = text

    # The document lacks its own number and signature: they are missing, not found in the
    # spec table.
    data = build(
        lambda d: header(d, number=""), lambda d: title(d, "HƯỚNG DẪN"), spec, body("Hết./.")
    )
    roles = roles_of(data)
    assert (roles.number, roles.noi_nhan_label, roles.signer_name, roles.authority) == (
        None, None, None, [],
    )  # fmt: skip
    found = rules(check_package_bytes(data))
    assert {"number.missing", "noi_nhan.missing", "signer.missing"} <= found
    assert not {"number.format", "authority.format", "signer.name"} & found


# --- appendix files -------------------------------------------------------------------------


def _appendix_opening(document: Document) -> None:
    _line(document, "Phụ lục I", 14, bold=True)
    _line(document, "DANH MỤC HỒ SƠ NĂM 2024", 14, bold=True)
    _line(document, "(Kèm theo Quyết định số 12/QĐ-SNV", 14, italic=True)
    _line(document, "ngày 05 tháng 9 năm 2023 của Sở Nội vụ)", 14, italic=True)
    _line(document, "", 14, border=True)


def test_an_appendix_file_has_no_header_or_signature_to_miss() -> None:
    """A Phụ lục in a file of its own: detected by its opening (auto), or asked for with
    --type appendix; no quốc hiệu, number, date line, Nơi nhận or signer is asked of it,
    its body and its two-line reference line are checked."""
    data = build(_appendix_opening, body("Hồ sơ gồm các văn bản sau.", "Hết."))
    for doc_type in ("auto", "appendix"):
        roles = roles_of(data, doc_type)
        assert roles.doc_type == "appendix"
        assert [p.text for p in roles.body] == ["Hồ sơ gồm các văn bản sau.", "Hết."]
        assert roles.date_line is None  # not the reference's second line
        findings = check_package_bytes(data, doc_type=doc_type)
        assert errors(findings) == []
        assert rules(findings, "not_evaluated") <= {"page_number.position"}
        not_applicable = rules(findings, "not_applicable")
        assert {"quoc_hieu.missing", "number.missing", "signer.missing"} <= not_applicable
        assert "attachment.reference" not in not_applicable
    # Its body is still judged.
    bad = build(
        _appendix_opening,
        body("Hồ sơ gồm các văn bản sau."),
        lambda d: _line(d, "Hết.", 14, align=LEFT),
    )
    assert "body.justified" in rules(check_package_bytes(bad))


# --- Party documents ------------------------------------------------------------------------


def _party_header(document: Document) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _line(left, "ĐẢNG BỘ TỈNH KHÁNH HÒA", 14, bold=True)
    _line(left, "BAN TUYÊN GIÁO", 14, bold=True)
    _line(left, "Số 15-HD/BTGTU", 14)
    _line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True, border=True)
    _line(right, "Khánh Hòa, ngày 05 tháng 9 năm 2023", 14, italic=True)


def test_a_party_document_gets_one_notice() -> None:
    """Hướng dẫn 36-HD/VPTW, not ND30: one warning saying so, no error about its header,
    its number "Số 15-HD/BTGTU" or its body; the same for a real one typed in TCVN3."""
    data = build(
        _party_header,
        lambda d: title(d, "HƯỚNG DẪN", "tổ chức học tập nghị quyết"),
        lambda d: _line(d, "Nội dung hướng dẫn.", 12, align=LEFT),
        signature,
    )
    assert roles_of(data).doc_type == "party"
    findings = check_package_bytes(data)
    assert [(f.rule, f.severity) for f in findings if f.severity in {"error", "warning"}] == [
        ("scope.party", "warning")
    ]
    assert rules(findings, "not_evaluated") == set()
    real = DATA / "real" / "dang_kiem_diem_dang_vien_2011.docx"
    # Its text typed in TCVN3 with .VnTime is outside ND30 too: the notice covers it.
    shown = [(f.rule, f.severity) for f in check(real) if f.severity in {"error", "warning"}]
    assert shown == [("scope.party", "warning")]


# --- Phần, Chương, Phụ lục --------------------------------------------------------------------


def test_part_chapter_and_appendix_headings_in_capitals_or_not_centred_are_found() -> None:
    """ND30 wants "Phần I", "Chương I", "Phụ lục I" centred, bold, in normal case."""

    def headings(*lines: tuple[str, WD_ALIGN_PARAGRAPH]) -> Builder:
        return lambda d: (
            [_line(d, text, 14, bold=True, align=align) for text, align in lines] and None
        )

    centre = WD_ALIGN_PARAGRAPH.CENTER
    good = build(
        header,
        lambda d: title(d, "QUY CHẾ", "thi đua, khen thưởng"),
        headings(("Chương I", centre), ("QUY ĐỊNH CHUNG", centre)),
        body("Nội dung./."),
        signature,
    )
    assert "heading.format" not in rules(check_package_bytes(good))
    bad = build(
        header,
        lambda d: title(d, "QUY CHẾ", "thi đua, khen thưởng"),
        headings(("CHƯƠNG I", centre), ("QUY ĐỊNH CHUNG", centre), ("Phần II", LEFT)),
        body("Nội dung./."),
        signature,
    )
    found = [f for f in check_package_bytes(bad) if f.rule == "heading.format"]
    assert [(f.severity, f.where.split(": ")[1]) for f in found] == [
        ("error", "«CHƯƠNG I»"),
        ("error", "«Phần II»"),
    ]
    assert "in hoa" in found[0].found and "canh trái" in found[1].found
    appendix = build(lambda d: _line(d, "PHỤ LỤC I", 14, bold=True, align=LEFT), body("Nội dung."))
    found = [
        f for f in check_package_bytes(appendix, doc_type="appendix") if f.rule == "heading.format"
    ]
    assert [f.severity for f in found] == ["error"]


def test_an_agency_name_above_the_quoc_hieu_is_misplaced_not_missing() -> None:
    def stacked(document: Document) -> None:
        _line(document, "SỞ NỘI VỤ", 13, bold=True)
        _line(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
        _line(document, "Độc lập - Tự do - Hạnh phúc", 13, bold=True, border=True)
        _line(document, "Số: 12/TB-SNV", 13)
        _line(document, "Khánh Hòa, ngày 05 tháng 9 năm 2023", 13, italic=True)

    data = build(stacked, lambda d: title(d, "THÔNG BÁO"), body("Nội dung./."), signature)
    roles = roles_of(data)
    assert roles.agency is not None and roles.agency.text == "SỞ NỘI VỤ"
    found = [f for f in check_package_bytes(data) if f.rule == "agency.missing"]
    assert [(f.severity, f.found) for f in found] == [("error", "đặt phía trên Quốc hiệu")]
    assert "«SỞ NỘI VỤ»" in found[0].where


# --- blocks of lines in one paragraph, section headings ---------------------------------------


def test_header_and_signature_blocks_typed_as_lines_of_one_paragraph() -> None:
    """TVPL copies: "CHÍNH PHỦ" / "-------", quốc hiệu / tiêu ngữ, "Nơi nhận:" and its items,
    the authority / title / name, each block one paragraph with line breaks. Each line is
    read as its own paragraph; the text rules still count the paragraph once."""

    def block(container: object, lines: list[tuple[str, float, bool, bool]]) -> None:
        paragraph = container.add_paragraph()  # type: ignore[attr-defined]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for index, (text, size, bold, italic) in enumerate(lines):
            run = paragraph.add_run(text)
            run.font.size, run.bold, run.italic = Pt(size), bold, italic
            if index < len(lines) - 1:
                run.add_break()

    def blocks_header(document: Document) -> None:
        table = document.add_table(rows=1, cols=2)
        for cell, column, width in zip(
            table.rows[0].cells, table.columns, (6.0, 10.0), strict=True
        ):
            cell.width = column.width = Cm(width)
        left, right = table.rows[0].cells
        block(left, [("SỞ NỘI VỤ", 13, True, False)])
        _line(left, "", 13, border=True)
        _line(left, "Số: 12/TB-SNV", 13)
        block(right, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True, False),
                      ("Độc lập - Tự do - Hạnh phúc", 13, True, False)])  # fmt: skip
        _line(right, "", 13, border=True)
        _line(right, "Khánh Hòa, ngày 05 tháng 9 năm 2023", 13, italic=True)

    def blocks_signature(document: Document) -> None:
        left, right = document.add_table(rows=1, cols=2).rows[0].cells
        block(left, [("Nơi nhận:", 12, True, True), ("- Như trên;", 11, False, False),
                     ("- Lưu: VT, TĐKT.", 11, False, False)])  # fmt: skip
        signed = [("KT. GIÁM ĐỐC", 14, True, False), ("PHÓ GIÁM ĐỐC", 14, True, False),
                  ("(Đã ký)", 14, False, True), ("Huỳnh Mạnh Thắng", 14, True, False)]  # fmt: skip
        block(right, signed)

    data = build(
        blocks_header, lambda d: title(d, "THÔNG BÁO"), body("Nội dung./."), blocks_signature
    )
    findings = check_package_bytes(data)
    assert errors(findings) == []
    assert rules(findings, "not_evaluated") <= {"page_number.position"}
    roles = detect(split_line_blocks(build_model(read_package(data, "blocks.docx"))))
    assert roles.signer_name is not None and roles.signer_name.text == "Huỳnh Mạnh Thắng"
    assert [p.text for p in roles.noi_nhan_items] == ["- Như trên;", "- Lưu: VT, TĐKT."]
    assert roles.tieu_ngu is not None and roles.tieu_ngu.text == "Độc lập - Tự do - Hạnh phúc"


def test_a_section_heading_in_capitals_is_not_body_text_but_spacing_counts_after_it() -> None:
    """ "I. MỤC ĐÍCH, YÊU CẦU" left-aligned in bold capitals is a heading; the paragraph
    under it is still measured against it (5 pt after a heading is under 6 pt)."""

    def heading(document: Document) -> None:
        _line(document, "I. MỤC ĐÍCH, YÊU CẦU", 14, bold=True, align=LEFT)
        document.paragraphs[-1].paragraph_format.space_before = Pt(6)

    def text(before: float) -> Builder:
        def add(document: Document) -> None:
            _body(document, "Nội dung của mục này./.")
            document.paragraphs[-1].paragraph_format.space_before = Pt(before)

        return add

    good = build(header, lambda d: title(d, "KẾ HOẠCH"), heading, text(6), signature)
    assert errors(check_package_bytes(good)) == []
    tight = build(header, lambda d: title(d, "KẾ HOẠCH"), heading, text(5), signature)
    assert [f.rule for f in check_package_bytes(tight) if f.severity == "error"] == ["body.spacing"]


def test_long_headings_of_a_legal_document_are_not_body_text() -> None:
    """A Nghị định's headings run long: "MỤC 4. …" with its title on its line (120
    characters), a chapter title in capitals over two lines, an article title bold as a
    whole over three lines. None is judged as a body paragraph."""
    title_of_chapter = (
        "TRÁCH NHIỆM THỰC HIỆN, THEO DÕI, KIỂM TRA, ĐÔN ĐỐC VIỆC THỰC HIỆN KẾT LUẬN "
        "THANH TRA, QUYẾT ĐỊNH XỬ LÝ VỀ THANH TRA"
    )
    section = (
        "MỤC 4. HỒ SƠ THANH TRA, CHUYỂN HỒ SƠ VỤ VIỆC CÓ DẤU HIỆU TỘI PHẠM ĐỂ KHỞI TỐ "
        "VỤ ÁN HÌNH SỰ, CÔNG KHAI KẾT LUẬN THANH TRA"
    )
    article = (
        "Điều 56. Trách nhiệm của cơ quan thanh tra nhà nước, cơ quan được giao thực hiện "
        "chức năng thanh tra chuyên ngành trong việc theo dõi, kiểm tra, đôn đốc việc thực "
        "hiện kết luận thanh tra, quyết định xử lý về thanh tra"
    )
    assert len(title_of_chapter) > 100 and len(section) > 100 and len(article) > 200
    data = build(
        lambda d: header(d, number="Số: 86/2011/NĐ-CP"),
        lambda d: title(d, "NGHỊ ĐỊNH", "Quy định chi tiết một số điều của Luật Thanh tra"),
        body("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"),
        lambda d: _line(d, "Chương V", 14, bold=True),
        lambda d: _line(d, title_of_chapter, 14, bold=True),
        lambda d: _line(d, section, 14, bold=True, align=LEFT),
        lambda d: _body(d, article, bold=True),
        body("Cơ quan thanh tra nhà nước theo dõi việc thực hiện kết luận thanh tra./."),
        signature,
    )
    assert [p.text[:6] for p in roles_of(data).body] == ["Căn cứ", "Cơ qua"]
    assert errors(check_package_bytes(data)) == []


def test_a_header_and_a_signature_laid_out_with_tabs() -> None:
    """Old Word files: "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and "Nơi
    nhận:<tab>TM. ỦY BAN NHÂN DÂN", two columns made with tabs on each line. They are read
    as the cells of a table: nothing is missing, the items and the name are found."""

    def tabbed(
        document: Document, lines: list[tuple[str, str]], sizes: tuple[float, float]
    ) -> None:
        for left, right in lines:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(0)
            for text, size, bold in (
                (left, sizes[0], left.isupper()),
                ("\t" + right, sizes[1], right.isupper()),
            ):
                run = paragraph.add_run(text)
                run.font.size, run.bold = Pt(size), bold

    header_lines = [
        ("SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Số: 12/TB-SNV", "Độc lập - Tự do - Hạnh phúc"),
    ]
    signature_lines = [
        ("Nơi nhận:", "KT. GIÁM ĐỐC"),
        ("- Như trên;", "PHÓ GIÁM ĐỐC"),
        ("- Lưu: VT, TĐKT.", "Huỳnh Mạnh Thắng"),
    ]
    data = build(
        lambda d: tabbed(d, header_lines, (13, 13)),
        lambda d: title(d, "THÔNG BÁO"),
        body("Nội dung./."),
        lambda d: tabbed(d, signature_lines, (11, 14)),
    )
    roles = detect(split_line_blocks(build_model(read_package(data, "tabs.docx"))))
    assert roles.quoc_hieu is not None and roles.tieu_ngu is not None
    assert roles.agency is not None and roles.agency.text == "SỞ NỘI VỤ"
    assert roles.number is not None and roles.number.text == "Số: 12/TB-SNV"
    assert [p.text for p in roles.noi_nhan_items] == ["- Như trên;", "- Lưu: VT, TĐKT."]
    assert roles.signer_name is not None and roles.signer_name.text == "Huỳnh Mạnh Thắng"
    missing = {f.rule for f in check_package_bytes(data) if f.found == "không có"}
    assert not {"quoc_hieu.missing", "tieu_ngu.missing", "agency.missing", "number.missing",
                "noi_nhan.missing", "signer.missing"} & missing  # fmt: skip


def test_rules_drawn_under_a_header_typed_with_tabs() -> None:
    """Old Word files draw the rules under the agency and the tiêu ngữ as line shapes
    anchored in a line of tabs between "TỈNH …<tab>Độc lập - Tự do - Hạnh phúc" and
    "Số: …<tab>…, ngày …": they are the rules of the row above, not missing."""

    def tabbed(document: Document, left: str, right: str, size: float = 13) -> None:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        heading = not left.startswith("Số")  # the name lines are bold, not "Số" / the date
        for text in (left, "\t" + right):
            run = paragraph.add_run(text)
            run.font.size, run.bold = Pt(size), heading
        paragraph.runs[-1].italic = not heading

    def drawn_rules(document: Document) -> None:
        paragraph = document.add_paragraph()
        paragraph.add_run("\t\t")
        pict = parse_xml(
            f'<w:r {nsdecls("w")}><w:pict xmlns:v="urn:schemas-microsoft-com:vml">'
            '<v:line from="24.5pt,1.9pt" to="94.45pt,1.9pt" stroked="t"/></w:pict></w:r>'
        )
        paragraph._p.append(pict)

    def header_lines(document: Document, *, drawn: bool) -> None:
        tabbed(document, "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12)
        tabbed(document, "TỈNH BÌNH DƯƠNG", "Độc lập - Tự do - Hạnh phúc")
        if drawn:
            drawn_rules(document)
        tabbed(document, "Số: 12/TB-UBND", "Bình Dương, ngày 15 tháng 4 năm 2009")

    def rule_errors(drawn: bool) -> set[str]:
        data = build(
            lambda d: header_lines(d, drawn=drawn),
            lambda d: title(d, "THÔNG BÁO"),
            body("Nội dung./."),
            signature,
        )
        return rules(check_package_bytes(data)) & {"agency.rule", "tieu_ngu.rule"}

    assert rule_errors(drawn=True) == set()
    assert rule_errors(drawn=False) == {"agency.rule", "tieu_ngu.rule"}


def test_a_regulation_issued_with_a_decision_in_a_file_of_its_own() -> None:
    """Header without a number, "QUY ĐỊNH", its title, "(Ban hành kèm theo Quyết định số
    …)", chapters and articles whose titles are lines of their own ("Điều 1. Phạm vi điều
    chỉnh", not bold as a whole): an appendix; no number, date, Nơi nhận or signer is
    missing, and the article titles are not body text."""
    data = build(
        lambda d: header(d, number=""),
        lambda d: _line(d, "QUY ĐỊNH", 14, bold=True),
        lambda d: _line(d, "Về thi đua, khen thưởng", 14, bold=True),
        lambda d: _line(d, "(Ban hành kèm theo Quyết định số 09/2010/QĐ-UBND", 14, italic=True),
        lambda d: _line(d, "ngày 21 tháng 01 năm 2010 của Ủy ban nhân dân tỉnh)", 14, italic=True),
        lambda d: _line(d, "Chương I", 14, bold=True),
        lambda d: _line(d, "QUY ĐỊNH CHUNG", 14, bold=True),
        lambda d: _line(d, "Điều 1. Phạm vi điều chỉnh", 14, align=LEFT),
        body("Quy định này quy định về thi đua, khen thưởng."),
    )
    roles = roles_of(data)
    assert roles.doc_type == "appendix"
    assert [p.text for p in roles.body] == ["Quy định này quy định về thi đua, khen thưởng."]
    assert errors(check_package_bytes(data)) == []


def test_a_header_with_a_spacer_column_and_a_legal_decisions_noi_nhan() -> None:
    """The agency two columns left of the quốc hiệu (an empty spacer between); a quyết
    định whose number carries its year (quy phạm pháp luật) is not asked for "- Như Điều"."""

    def spaced(document: Document) -> None:
        table = document.add_table(rows=1, cols=3)
        widths = (6.0, 0.5, 10.0)
        for cell, column, width in zip(table.rows[0].cells, table.columns, widths, strict=True):
            cell.width = column.width = Cm(width)
        left, _, right = table.rows[0].cells
        _line(left, "ỦY BAN NHÂN DÂN TỈNH", 13, bold=True, border=True)
        _line(left, "Số: 09/2010/QĐ-UBND", 13)
        _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
        _line(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True, border=True)
        _line(right, "Khánh Hòa, ngày 05 tháng 9 năm 2023", 13, italic=True)

    data = build(
        spaced,
        lambda d: title(d, "QUYẾT ĐỊNH", "Ban hành Quy định về thi đua"),
        signature,
    )
    roles = roles_of(data)
    assert roles.agency is not None and roles.agency.text == "ỦY BAN NHÂN DÂN TỈNH"
    findings = check_package_bytes(data)
    assert "agency.missing" not in rules(findings)
    # Nor the authority line and "QUYẾT ĐỊNH:" its own formula replaces (this one has
    # neither: "Ủy ban nhân dân tỉnh ban hành Quyết định …").
    for rule in ("noi_nhan.nhu_dieu", "issuing_authority.missing", "operative.missing"):
        (found,) = [f for f in findings if f.rule == rule]
        assert found.severity == "not_applicable" and "quy phạm" in found.where, rule


def test_the_basis_of_a_legal_decision_ends_with_its_formula() -> None:
    """Nghị định 34/2016 (and the 2025 formula): "Theo đề nghị …;" then "Ủy ban nhân dân
    tỉnh ban hành Quyết định …." — the formula ends the sentence, so the last căn cứ ends
    with ";". Without the formula the last căn cứ still has to end with "."."""

    def basis(*lines: str) -> Builder:
        def add(document: Document) -> None:
            for line in lines:
                _body(document, line)
                document.paragraphs[-1].runs[0].italic = True

        return add

    def decision(*after_basis: Builder) -> list[Finding]:
        data = build(
            lambda d: header(d, number="Số: 07/2025/QĐ-UBND"),
            lambda d: title(d, "QUYẾT ĐỊNH", "Ban hành Quy định quản lý nhà nước về giá"),
            basis("Căn cứ Luật Giá ngày 19 tháng 6 năm 2023;", "Theo đề nghị của Sở Tài chính;"),
            *after_basis,
            article,
            signature,
        )
        return [f for f in check_package_bytes(data) if f.severity == "error"]

    def article(document: Document) -> None:
        _body(document, "Điều 1.", bold=True)
        document.paragraphs[-1].add_run(" Ban hành kèm theo Quyết định này Quy định./.")
        document.paragraphs[-1].runs[-1].font.size = Pt(14)

    formula = body("Ủy ban nhân dân tỉnh ban hành Quyết định Quy định quản lý nhà nước về giá.")
    assert decision(formula) == []
    (found,) = decision()
    assert found.rule == "basis.punctuation" and "Theo đề nghị" in found.where


def test_a_signature_pushed_right_with_tabs_and_spaces_outside_a_table() -> None:
    """ "<tab>…<tab>CHỦ TỊCH" above "Nơi nhận:", the name pushed right with spaces under
    the list: the signer is found, and neither line is body text."""

    def pushed(document: Document) -> None:
        _line(document, "\t\t\t\t\t\tCHỦ TỊCH", 14, bold=True, align=LEFT)
        _line(document, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
        _line(document, "- Như Điều 2;", 11, align=LEFT)
        _line(document, "- Lưu: VT, TĐKT.", 11, align=LEFT)
        _line(document, "", 11)
        _line(document, " " * 60 + "Trần Thắng", 14, bold=True, align=LEFT)

    data = build(header, lambda d: title(d, "THÔNG BÁO"), body("Nội dung./."), pushed)
    roles = roles_of(data, "auto")
    assert roles.signer_name is None  # detect alone: the blocks are cut by split_line_blocks
    roles = detect(split_line_blocks(build_model(read_package(data, "pushed.docx"))))
    assert roles.signer_title is not None and roles.signer_title.text == "CHỦ TỊCH"
    assert roles.signer_name is not None and roles.signer_name.text == "Trần Thắng"
    assert [p.text for p in roles.body] == ["Nội dung./."]
    assert errors(check_package_bytes(data)) == []


def test_a_v_v_line_in_the_text_is_not_the_trich_yeu() -> None:
    """An example "V/v …" quoted deep in the text of a named document does not make it a
    công văn, nor is it judged as one."""
    lines = [f"Đoạn {n} của văn bản." for n in range(1, 16)]
    data = build(
        header,
        lambda d: title(d, "HƯỚNG DẪN", "trình bày văn bản"),
        body(*lines, "V/v kế hoạch kiểm tra công tác văn thư", "Hết./."),
        signature,
    )
    roles = roles_of(data)
    assert roles.subject is None and roles.doc_type == "named"
    assert "subject.style" in rules(check_package_bytes(data), "not_applicable")


def test_the_cli_accepts_type_appendix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "phu-luc.docx"
    path.write_bytes(build(_appendix_opening, body("Hồ sơ gồm các văn bản sau.", "Hết.")))
    assert main(["check", "--type", "appendix", "--json", str(path)]) == 0
    report = json.loads(capsys.readouterr().out)["files"][str(path)]
    assert [f["rule"] for f in report if f["severity"] in {"error", "warning"}] == []


def test_two_spaces_after_so_are_not_a_fault_of_the_number() -> None:
    """ "Số:  2114/TTr-SNV" (two spaces typed after the colon) is a well-formed number;
    a space inside the number or symbol still is not."""
    clean = build(header_with("Số:  12/QĐ-SNV"), lambda d: title(d, "QUYẾT ĐỊNH"), signature)
    assert "number.format" not in rules(check_package_bytes(clean))
    broken = build(header_with("Số:  12 /QĐ-SNV"), lambda d: title(d, "QUYẾT ĐỊNH"), signature)
    assert "number.format" in rules(check_package_bytes(broken))


def header_with(number: str) -> Builder:
    return lambda document: header(document, number=number)


def test_a_proposal_line_typed_in_decomposed_letters_is_still_a_basis_line() -> None:
    """ "Theo đề nghị …" typed in NFD (combining accents) is the last line before
    "QUYẾT ĐỊNH:": the căn cứ above it keeps its ";", only the NFD text is reported."""
    proposal = unicodedata.normalize("NFD", "Theo đề nghị của Trưởng phòng Thi đua.")

    def decision_lines(document: Document) -> None:
        _line(document, "GIÁM ĐỐC SỞ NỘI VỤ", 14, bold=True)
        for text in ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", proposal):
            _body(document, text)
            document.paragraphs[-1].runs[0].italic = True
        _line(document, "QUYẾT ĐỊNH:", 14, bold=True)
        _body(document, "Điều 1. Tặng Giấy khen cho các tập thể có tên trong danh sách.")
        _body(document, "Điều 2. Quyết định này có hiệu lực từ ngày ký./.")

    data = build(
        header,
        lambda d: title(d, "QUYẾT ĐỊNH", "Về việc tặng Giấy khen"),
        decision_lines,
        lambda d: signature(d, items=("- Như Điều 2;", "- Lưu: VT, TĐKT.")),
    )
    roles = roles_of(data)
    assert [unicodedata.normalize("NFC", p.text)[:12] for p in roles.basis] == [
        "Căn cứ Luật ",
        "Theo đề nghị",
    ]
    findings = check_package_bytes(data)
    assert "basis.punctuation" not in rules(findings)
    assert "text.nfd" in rules(findings)


def test_a_v_v_trich_yeu_under_a_type_name_belongs_to_that_type() -> None:
    """ "THÔNG BÁO" with its trích yếu written "V/v …" under it is a thông báo, not a
    công văn: the trích yếu is judged as a named type's (14 pt bold), not as a V/v line."""
    data = build(
        header,
        lambda d: title(d, "THÔNG BÁO", "V/v chuẩn bị giải thể một số hội"),
        body("Ủy ban nhân dân tỉnh thông báo như sau.", "Đề nghị các cơ quan thực hiện./."),
        signature,
    )
    roles = roles_of(data)
    assert roles.subject is None and roles.doc_type != "dispatch"
    assert roles.type_extract is not None and roles.type_extract.text.startswith("V/v")
    assert "subject.style" not in rules(check_package_bytes(data))


def test_a_section_heading_with_a_remark_in_brackets_is_still_a_heading() -> None:
    """ "IV. NỘI DUNG, TIÊU CHÍ (theo phụ lục kèm theo)" justified, 2 pt above: a heading in
    capitals with a remark after it, not a body paragraph judged for its spacing."""

    def heading(document: Document) -> None:
        _body(document, "Nội dung của mục trước.")
        _body(document, "IV. NỘI DUNG, TIÊU CHÍ THI ĐUA (theo phụ lục kèm theo)", bold=True)
        document.paragraphs[-1].paragraph_format.first_line_indent = Cm(0)
        document.paragraphs[-1].paragraph_format.space_before = Pt(2)
        _body(document, "Nội dung của mục này./.")

    data = build(header, lambda d: title(d, "KẾ HOẠCH"), heading, signature)
    assert errors(check_package_bytes(data)) == []


def test_a_label_pushed_right_with_tabs_is_not_body_text() -> None:
    """ "<tab><tab><tab><tab>   50 mm", the measure written over a model stamp in Phụ lục IV,
    left-aligned at 12 pt with no space above: a placed label, not a body paragraph."""

    def label(document: Document) -> None:
        _body(document, "Mẫu dấu được khắc sẵn, hình chữ nhật, kích thước 35 mm x 50 mm.")
        paragraph = document.add_paragraph()
        run = paragraph.add_run("\t\t\t\t                               50 mm")
        run.font.size = Pt(12)
        _body(document, "Nội dung của mục này./.")

    data = build(header, lambda d: title(d, "KẾ HOẠCH"), label, signature)
    assert errors(check_package_bytes(data)) == []


def _closing_signature(document: Document) -> None:
    """The minister's signature with no authority prefix and no Nơi nhận beside it."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _line(left, "", 12)
    for line, bold in (("BỘ TRƯỞNG", True), ("(Đã ký)", False), ("Trần Văn Tuấn", True)):
        _line(right, line, 14, bold=bold)


def test_signature_examples_inside_the_text_are_not_the_signature() -> None:
    """A text on layout shows "TM. HỘI ĐỒNG NHÂN DÂN" in a small table between two of its
    paragraphs: an example, not the signature; the document's own signature is the cell
    that ends the file ("BỘ TRƯỞNG" / "(Đã ký)" / "Trần Văn Tuấn")."""

    def example(document: Document) -> None:
        table = document.add_table(rows=1, cols=2)
        texts = ("TM. HỘI ĐỒNG NHÂN DÂN", "TM. ỦY BAN")
        for cell, text in zip(table.rows[0].cells, texts, strict=True):
            _line(cell, text, 10, bold=True)

    data = build(
        header,
        lambda d: title(d, "HƯỚNG DẪN", "trình bày văn bản"),
        body("- Trường hợp ký thay mặt tập thể thì phải ghi chữ viết tắt “TM.”:"),
        example,
        body("- Trường hợp ký thay người đứng đầu thì ghi “KT.”.", "Hướng dẫn này có hiệu lực./."),
        _closing_signature,
    )
    roles = roles_of(data)
    assert roles.signer_name is not None and roles.signer_name.text == "Trần Văn Tuấn"
    assert roles.signer_title is not None and roles.signer_title.text == "BỘ TRƯỞNG"
    assert all(not p.text.startswith("TM.") for p in roles.authority)
    assert [p.text for p in roles.body][-1] == "Hướng dẫn này có hiệu lực./."
    found = errors(check_package_bytes(data))
    assert ("noi_nhan.missing", "cuối văn bản, bên trái") in found
    assert [rule for rule, _ in found if rule != "noi_nhan.missing"] == []


def test_header_elements_shown_centred_in_the_text_are_not_body_text() -> None:
    """Samples of the quốc hiệu, a number, a type name with its trích yếu and a V/v line,
    centred between the paragraphs of a text on layout, are not body paragraphs."""

    def samples(document: Document) -> None:
        _body(document, "Quốc hiệu được trình bày như sau:")
        for text in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
            "Số: 01/QĐ-HĐTTCC",
            "QUYẾT ĐỊNH\nVề việc điều động cán bộ",
            "V/v kế hoạch kiểm tra công tác văn thư",
        ):
            _line(document, text, 14)
            _body(document, "Ví dụ trên được trình bày canh giữa.")
        _body(document, "Hướng dẫn này có hiệu lực./.")

    data = build(header, lambda d: title(d, "HƯỚNG DẪN", "trình bày văn bản"), samples, signature)
    assert errors(check_package_bytes(data)) == []


# --- rules drawn or typed in the row under the header (round 2) ---------------------------

_DRAWN_LINE = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
    '<v:line from="30pt,3pt" to="110pt,3pt" style="position:absolute"/></w:pict></w:r>'
)


def _drawn_line(paragraph: object) -> None:
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(_DRAWN_LINE))  # type: ignore[attr-defined]


def test_rules_drawn_or_typed_in_the_row_under_the_header_are_its_rules() -> None:
    """Old Word files: the agency and the quốc hiệu in row 1, the line under the agency drawn
    in an empty cell of row 2 and "______" typed under the tiêu ngữ in row 2: both are the
    rules. A rule below a cell that has text first is not."""

    def split_header(document: Document, *, typed: str = "____________") -> None:
        table = document.add_table(rows=3, cols=2)
        left, right = table.rows[0].cells
        _line(left, "UBND TỈNH KHÁNH HÒA", 13)
        _line(left, "SỞ NỘI VỤ", 13, bold=True)
        _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
        _line(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True)
        _drawn_line(table.rows[1].cells[0].paragraphs[0])
        table.rows[1].cells[1].paragraphs[0].add_run(typed).font.size = Pt(13)
        _line(table.rows[2].cells[0], "Số: 12/TB-SNV", 13)
        _line(table.rows[2].cells[1], "Khánh Hòa, ngày 05 tháng 9 năm 2023", 13, italic=True)

    data = build(split_header, lambda d: title(d, "THÔNG BÁO"), body("Nội dung./."), signature)
    assert not {"agency.rule", "tieu_ngu.rule"} & rules(check_package_bytes(data))
    typed_text = build(
        lambda d: split_header(d, typed="Khánh Hòa"),
        lambda d: title(d, "THÔNG BÁO"),
        body("Nội dung./."),
        signature,
    )
    assert {"tieu_ngu.rule"} <= rules(check_package_bytes(typed_text))


def test_rules_drawn_in_an_empty_line_under_a_header_typed_with_tabs() -> None:
    """ "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA …" / "TỈNH QUẢNG BÌNH<tab>Độc lập …", then an empty line
    holding the two drawn lines: the agency and the tiêu ngữ have their rules."""

    def tabbed_header(document: Document, *, drawn: bool) -> None:
        for left, right in (
            ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("TỈNH QUẢNG BÌNH", "Độc lập - Tự do - Hạnh phúc"),
        ):
            paragraph = document.add_paragraph()
            for text in (left, "\t\t" + right):
                run = paragraph.add_run(text)
                run.font.size, run.bold = Pt(13), True
        rules_line = document.add_paragraph()
        rules_line.add_run("\t\t")
        if drawn:
            _drawn_line(rules_line)
            _drawn_line(rules_line)
        paragraph = document.add_paragraph()
        for text, italic in (
            ("Số: 12/QĐ-UBND", False),
            ("\t\tQuảng Bình, ngày 05 tháng 9 năm 2023", True),
        ):
            run = paragraph.add_run(text)
            run.font.size, run.italic = Pt(13), italic

    def document(drawn: bool) -> set[str]:
        data = build(
            lambda d: tabbed_header(d, drawn=drawn),
            lambda d: title(d, "THÔNG BÁO"),
            body("Nội dung./."),
            signature,
        )
        return rules(check_package_bytes(data))

    assert not {"agency.rule", "tieu_ngu.rule"} & document(drawn=True)
    assert {"agency.rule", "tieu_ngu.rule"} <= document(drawn=False)


def test_an_agency_on_the_row_of_the_tieu_ngu_under_its_parent() -> None:
    """Row 1: "SỞ NỘI VỤ" (not bold) | quốc hiệu; row 2: "PHÒNG THI ĐUA, KHEN THƯỞNG" (bold,
    its rule under it) | tiêu ngữ. The agency is the phòng, the sở its cơ quan chủ quản."""

    def split_rows(document: Document) -> None:
        table = document.add_table(rows=3, cols=2)
        _line(table.rows[0].cells[0], "SỞ NỘI VỤ", 13)
        _line(table.rows[0].cells[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
        _line(table.rows[1].cells[0], "PHÒNG THI ĐUA, KHEN THƯỞNG", 13, bold=True, border=True)
        _line(table.rows[1].cells[1], "Độc lập - Tự do - Hạnh phúc", 13, bold=True, border=True)
        _line(table.rows[2].cells[0], "Số: 12/TB-TĐKT", 13)
        _line(table.rows[2].cells[1], "Quảng Bình, ngày 05 tháng 9 năm 2023", 13, italic=True)

    data = build(split_rows, lambda d: title(d, "THÔNG BÁO"), body("Nội dung./."), signature)
    roles = roles_of(data)
    assert roles.agency is not None and roles.agency.text == "PHÒNG THI ĐUA, KHEN THƯỞNG"
    assert [p.text for p in roles.parent_agency] == ["SỞ NỘI VỤ"]
    assert not {"agency.format", "agency.rule"} & rules(check_package_bytes(data))


def test_number_and_date_typed_on_one_line_of_a_header_cell() -> None:
    """ "Số: …/GGT-PV01<many spaces>Hưng Yên, ngày … tháng 6 năm 2021" in one cell: the số,
    ký hiệu and the date line, each read alone; the number left in dots is a blank."""

    def one_line(document: Document) -> None:
        header(document, number="")
        cell = document.tables[0].rows[0].cells[0]
        for paragraph in document.tables[0].rows[0].cells[1].paragraphs[2:]:
            paragraph._p.getparent().remove(paragraph._p)
        paragraph = cell.add_paragraph()
        for text, italic in (("Số: …/GGT-PV01", False), (" " * 30, False),
                             ("Hưng Yên, ngày 05 tháng 6 năm 2021", True)):  # fmt: skip
            run = paragraph.add_run(text)
            run.font.size, run.italic = Pt(13), italic

    data = build(one_line, lambda d: title(d, "THÔNG BÁO"), body("Nội dung./."), signature)
    roles = detect(split_line_blocks(build_model(read_package(data, "one.docx"))))
    assert roles.number is not None and roles.number.text.strip() == "Số: …/GGT-PV01"
    assert roles.date_line is not None
    assert roles.date_line.text.strip() == "Hưng Yên, ngày 05 tháng 6 năm 2021"
    found = rules(check_package_bytes(data))
    assert not {"number.format", "number.style", "date_line.missing", "date_line.style"} & found


def test_a_title_not_in_the_type_list_is_the_type_name() -> None:
    """ "PHÂN CÔNG NHIỆM VỤ" (not an ND30 type) and "GIẤY GIỚI THIỆU ĐĂNG KÝ HỘ KHẨU" (a
    listed name with words after it), bold capitals right under the header: the type name,
    not body text, and not a công văn that lacks its V/v."""
    for name, kind in (("PHÂN CÔNG NHIỆM VỤ", "named"), ("GIẤY GIỚI THIỆU ĐĂNG KÝ HỘ KHẨU", None)):
        data = build(header, lambda d, n=name: title(d, n), body("Nội dung./."), signature)
        roles = roles_of(data)
        assert roles.type_title is not None and roles.type_title.text == name
        assert kind is None or roles.doc_type == kind
        assert roles.doc_type != "dispatch"
        found = rules(check_package_bytes(data))
        assert not {"subject.missing", "body.justified", "body.indent"} & found, name


def test_a_form_with_its_content_and_sign_off_in_table_cells() -> None:
    """A phiếu trình: "Kính gửi:" in one cell and its list in the next, the content ("1. Văn
    bản: Tờ trình số 156/TTr-SNV ngày 25 tháng 8 năm 2025 …") and the sign-off ("LÃNH ĐẠO
    VĂN PHÒNG" … "Nguyễn Nhân Bản") in the cells of a table: the list, the content and the
    signer are there, and the content's date is not a date line (the header has none)."""

    def form(document: Document) -> None:
        _line(document, "PHIẾU TRÌNH", 14, bold=True)
        addressed = document.add_table(rows=1, cols=2)
        _line(addressed.rows[0].cells[0], "Kính gửi:", 14)
        for item in ("- Lãnh đạo UBND tỉnh;", "- Lãnh đạo Văn phòng UBND tỉnh."):
            _line(addressed.rows[0].cells[1], item, 14, align=LEFT)
        table = document.add_table(rows=2, cols=2)
        content = table.rows[0].cells[0]
        _line(content, "I. NỘI DUNG TRÌNH", 13, bold=True, align=LEFT)
        _line(content, "1. Văn bản: Tờ trình số 156/TTr-SNV ngày 25 tháng 8 năm 2025.", 13)
        _line(content, "2. Trích yếu: V/v cho phép đổi tên Hội.", 13)
        _line(table.rows[1].cells[0], "Chuyên viên", 13, bold=True)
        _line(table.rows[1].cells[0], "Trương Hải Châu", 13, bold=True)
        for line in ("LÃNH ĐẠO VĂN PHÒNG", "", "Nguyễn Nhân Bản"):
            _line(table.rows[1].cells[1], line, 13, bold=True)

    def no_date(document: Document) -> None:
        header(document, number="Số: /PT-NC")
        date = document.tables[0].rows[0].cells[1].paragraphs[-1]
        date._p.getparent().remove(date._p)

    data = build(no_date, form)
    roles = roles_of(data)
    assert [p.text for p in roles.kinh_gui_items] == [
        "- Lãnh đạo UBND tỉnh;",
        "- Lãnh đạo Văn phòng UBND tỉnh.",
    ]
    assert roles.date_line is None
    assert roles.signer_name is not None and roles.signer_name.text == "Nguyễn Nhân Bản"
    found = rules(check_package_bytes(data))
    assert not {"kinh_gui.punctuation", "body.missing", "signer.missing"} & found
    assert not {"date_line.format", "date_line.place", "date_line.style"} & found
