"""The checker on documents typed by hand in Word (no ND30 styles): detection by text and
position, and the classic mistakes of hand-made documents."""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from tdkt_docs.checker import check_package_bytes
from tdkt_docs.checker.detect import detect
from tdkt_docs.checker.model import build_model
from tdkt_docs.checker.package import read_package
from tdkt_docs.checker.rules import Finding, rule_table

TNR = "Times New Roman"


def not_about(doc_type: str) -> set[str]:
    """The rules limited to other types of document (applies_to)."""
    return {rule for rule, info in rule_table().items() if not info.applies(doc_type)}


def _fonts(document: Document) -> None:
    for style in document.styles:
        element = style.element
        rpr = element.find(qn("w:rPr"))
        if rpr is None:
            continue
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is not None:
            for key in list(rfonts.attrib):
                del rfonts.attrib[key]
    defaults = (
        document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    )
    rfonts = defaults.find(qn("w:rFonts"))
    for key in list(rfonts.attrib):
        del rfonts.attrib[key]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        rfonts.set(qn(f"w:{slot}"), TNR)


def _line(
    container: object,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    border: bool = False,
) -> None:
    paragraph = container.add_paragraph()  # type: ignore[attr-defined]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
        run.italic = italic
    if border:
        pbdr = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        bottom.set(qn("w:val"), "single")
        bottom.set(qn("w:sz"), "6")
        pbdr.append(bottom)
        paragraph._p.get_or_add_pPr().append(pbdr)


def handmade(
    *,
    month: str = "9",
    column_cm: tuple[float, float] = (6.0, 10.0),
    font_fix: bool = True,
    authority: str = "KT. GIÁM ĐỐC",
    body: tuple[str, ...] = ("Sở Nội vụ đề nghị các đơn vị gửi danh sách.", "Trân trọng./."),
) -> bytes:
    document = docx.Document()
    if font_fix:
        _fonts(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    header = document.add_table(rows=2, cols=2)
    for row in header.rows:
        for cell, width in zip(row.cells, column_cm, strict=True):
            cell.width = Cm(width)
    for column, width in zip(header.columns, column_cm, strict=True):
        column.width = Cm(width)
    left, right = header.cell(0, 0), header.cell(0, 1)
    _line(left, "UBND TỈNH KHÁNH HÒA", 13)
    _line(left, "SỞ NỘI VỤ", 13, bold=True, border=True)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    _line(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True, border=True)
    _line(header.cell(1, 0), "Số: 12/SNV-TĐKT", 13)
    _line(header.cell(1, 0), "V/v đôn đốc gửi danh sách", 12)
    _line(header.cell(1, 1), f"Khánh Hòa, ngày 05 tháng {month} năm 2023", 13, italic=True)
    _line(document, "Kính gửi: Ban Thi đua - Khen thưởng Trung ương", 14)
    for text in body:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1)
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0
        paragraph.add_run(text).font.size = Pt(14)
    signature = document.add_table(rows=1, cols=2)
    left, right = signature.rows[0].cells
    _line(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(left, "- Như trên;", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(left, "- Lưu: VT, TĐKT.", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    _line(right, authority, 14, bold=True)
    _line(right, "PHÓ GIÁM ĐỐC", 14, bold=True)
    _line(right, "", 14)
    _line(right, "Huỳnh Mạnh Thắng", 14, bold=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _errors(findings: list[Finding]) -> dict[str, list[Finding]]:
    errors: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.severity == "error":
            errors.setdefault(finding.rule, []).append(finding)
    return errors


def test_a_correct_handmade_dispatch_passes() -> None:
    findings = check_package_bytes(handmade(), "handmade.docx")
    assert _errors(findings) == {}
    not_evaluated = {f.rule for f in findings if f.severity == "not_evaluated"}
    # No page number field in a one-page hand-made letter.
    assert not_evaluated == {"page_number.position"}
    # No type title in a công văn, nor a quyết định's parts; nothing attached after it.
    not_applicable = {f.rule for f in findings if f.severity == "not_applicable"}
    assert not_applicable == not_about("dispatch") | {"attachment.reference"}
    assert "title.style" in not_applicable and "article.number" in not_applicable


def test_classic_handmade_mistakes_are_found() -> None:
    findings = check_package_bytes(
        handmade(month="09", column_cm=(8.0, 8.0), font_fix=False), "mistakes.docx"
    )
    errors = _errors(findings)
    assert set(errors) == {"date_line.format", "quoc_hieu.wraps", "font.name"}
    assert errors["date_line.format"][0].found == "tháng 09"
    assert "Calibri" in errors["font.name"][0].found or "Cambria" in errors["font.name"][0].found


@pytest.mark.parametrize(
    ("authority", "expected"),
    [
        ("KT GIÁM ĐỐC", '"KT." có dấu chấm: KT. GIÁM ĐỐC'),
        (
            "GĐ. GIÁM ĐỐC",
            "TM., KT., TL., TUQ. hoặc Q. trước chức vụ, hoặc chỉ ghi chức vụ: GIÁM ĐỐC",
        ),
        ("T/M. SỞ NỘI VỤ", '"TM." không có dấu "/": TM. SỞ NỘI VỤ'),
    ],
)
def test_a_wrong_authority_prefix_is_found_by_position(authority: str, expected: str) -> None:
    findings = check_package_bytes(handmade(authority=authority), "handmade.docx")
    errors = _errors(findings)
    assert set(errors) == {"authority.text"}
    (error,) = errors["authority.text"]
    assert (error.found, error.expected) == (authority, expected)
    # The line after it is still read as the signer's title, the last one as the name.
    roles = detect(build_model(read_package(handmade(authority=authority), "handmade.docx")))
    assert [p.text for p in roles.authority] == [authority]
    assert roles.signer_title is not None and roles.signer_title.text == "PHÓ GIÁM ĐỐC"
    assert roles.signer_name is not None and roles.signer_name.text == "Huỳnh Mạnh Thắng"


def test_a_tcvn3_sentence_pasted_as_plain_text_is_read_in_unicode() -> None:
    """One run, Unicode then TCVN3: the paragraph as a whole is not legacy text."""
    legacy = "Së Néi vô ®Ò nghÞ c¸c ®¬n vÞ göi danh s¸ch."
    body = (f"Thực hiện Kế hoạch số 12/KH-UBND, {legacy}", "Trân trọng./.")
    findings = check_package_bytes(handmade(body=body), "handmade.docx")
    errors = _errors(findings)
    assert set(errors) == {"text.legacy_encoding"}
    (error,) = errors["text.legacy_encoding"]
    assert error.found == f"bảng mã TCVN3: «12/KH-UBND, {legacy}»"
    assert error.expected == "Unicode: «12/KH-UBND, Sở Nội vụ đề nghị các đơn vị gửi danh sách.»"
