"""Role detection on documents nobody here wrote (issue 14): what the decree lays out is
read as what it is — type names of every kind, headings, the operative word, Nơi nhận
lists, "(Kèm theo …)" lines, two-row signature tables — so that the layout rules judge
the right paragraphs. Each test builds a small DOCX by hand (python-docx) with one case."""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt

from tdkt_docs.checker import check_package_bytes
from tdkt_docs.checker.detect import Roles, detect
from tdkt_docs.checker.model import build_model
from tdkt_docs.checker.package import read_package
from tdkt_docs.checker.rules import Finding
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
