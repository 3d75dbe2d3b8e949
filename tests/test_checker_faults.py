"""The fault corpus of the ND30 checker: good documents made bad, one known fault at a time.

Each case opens a generated good document with python-docx (the seed công văn or a data
variant of it; the quyết định examples, with the list attached as a table or as lines; the
tờ trình example), makes one change a user could make in Word (a run set in Arial, a
margin narrowed, a paragraph deleted...) and saves it again. The checker must then report
the rule of that fault, with that rule's severity, and nothing else: no other rule may
report an error or a warning. When a mutation deletes an element, the rules about that
element cannot be evaluated; the case lists them in ``hides`` and no other rule may become
not_evaluated.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

import tdkt_docs
from tdkt_docs.awards.money import award_amount
from tdkt_docs.awards.money_table import TITLE as MONEY_TABLE_TITLE
from tdkt_docs.awards.money_table import (
    MoneyRow,
    MoneyTable,
    decision_reference,
    money_table_docx,
)
from tdkt_docs.checker import Finding, check_package_bytes
from tdkt_docs.checker.rules import CHECKS, rule_table
from tdkt_docs.register import COLUMNS, RegisterCover, register_docx, register_entry
from tdkt_docs.roles import ROLES
from tests.conftest import EXAMPLES, example_data, seed_data, variant
from tests.docx_reading import by_style

Mutation = Callable[[Document], None]


# --- good documents -------------------------------------------------------------------


def _contact_footer() -> dict[str, Any]:
    data = variant()
    data["agency"] = {
        **data["agency"],
        "address": "Số 4 Phan Chu Trinh, Nha Trang",
        "phone": "0258 3822 000",
        "email": "snv@khanhhoa.gov.vn",
        "website": "snv.khanhhoa.gov.vn",
    }
    return data


def _no_parent_agency() -> dict[str, Any]:
    data = variant()
    data["agency"] = {"name": "BAN THI ĐUA - KHEN THƯỞNG", "place": "Hà Nội"}
    return data


def example(name: str, **changes: Any) -> Callable[[], dict[str, Any]]:
    """An example as data, its agency file read in, with some fields replaced."""

    def load() -> dict[str, Any]:
        data = example_data(EXAMPLES / name)  # its agency and office files read in
        data.update(copy.deepcopy(changes))
        return data

    return load


DECISION = "quyet_dinh_khen_thuong.yaml"
DECISION_WITH_LIST = "quyet_dinh_danh_sach.yaml"
LIST_TITLE = "CÁC TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"

GOOD_DOCUMENTS: dict[str, Callable[[], dict[str, Any]]] = {
    "seed": seed_data,
    "single_recipient": lambda: variant(recipients=["Ban Thi đua - Khen thưởng Trung ương"]),
    "urgency_and_secrecy": lambda: variant(urgency="HỎA TỐC", secrecy="TỐI MẬT"),
    "contact_footer": _contact_footer,
    "combined_tm_kt_authority": lambda: variant(
        signer={
            "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
            "title": "PHÓ CHỦ TỊCH",
            "name": "Trần Văn B",
        }
    ),
    "head_signs_without_authority": lambda: variant(
        signer={"title": "GIÁM ĐỐC", "name": "Nguyễn Văn A"}
    ),
    "numbered_dated_with_drafter": lambda: variant(
        number=5, date="2024-02-03", drafter={"initials": "GN", "copies": 12}
    ),
    "no_parent_agency": _no_parent_agency,
    # A quyết định (Mẫu 1.2): honourees listed inside Điều 1; with a list attached after it
    # as a table (more than 20 entries) and as numbered lines; a tờ trình (Mẫu 1.4).
    "decision": example(DECISION),
    "decision_list_table": example(DECISION_WITH_LIST),
    "decision_list_lines": example(
        DECISION_WITH_LIST, attachment={"title": LIST_TITLE, "layout": "lines"}
    ),
    "submission": example("to_trinh_khen_thuong.yaml"),
    # A biên bản (Mẫu 1.9): no date line; THƯ KÝ left, CHỦ TỌA right.
    "minutes": example("bien_ban_hop_hoi_dong.yaml"),
}


def _register() -> bytes:
    """A sổ đăng ký văn bản đi of the examples of 2022 (tdkt_docs.register)."""
    documents = [
        tdkt_docs.load(EXAMPLES / name) for name in (DECISION, "to_trinh_khen_thuong.yaml")
    ]
    entries = [register_entry(document) for document in documents]
    return register_docx(entries, RegisterCover.of(documents[1].agency, volume="01"))


def _money_table() -> bytes:
    """A bảng tổng hợp tiền thưởng of two awards (tdkt_docs.awards.money_table)."""
    on = dt.date(2025, 9, 15)
    rows = tuple(
        MoneyRow(name, None, kind, "BKCT", "Bằng khen của Chủ tịch UBND tỉnh",
                 award_amount("BKCT", kind, on))
        for name, kind in (("Nguyễn Văn An", "cá nhân"), ("Phòng Tổ chức", "tập thể"))
    )  # fmt: skip
    table = MoneyTable(
        "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA", decision_reference(12, "QĐ-UBND", on), rows, on
    )
    return money_table_docx(table)


GOOD_FILES: dict[str, Callable[[], bytes]] = {"register": _register, "money_table": _money_table}
"""Good files that are not rendered from document data: the register, the money table."""


# --- building blocks of the mutations --------------------------------------------------


def _para(document: Document, role: str, index: int = 0) -> Paragraph:
    """The ``index``-th body paragraph of ``role`` (found by its ND30 role style)."""
    found = by_style(document, ROLES[role].style_id)
    assert len(found) > index, f"the good document has no {role} paragraph #{index}"
    return found[index]


def _page_number(document: Document) -> Paragraph:
    paragraph: Paragraph = document.sections[0].header.paragraphs[0]
    assert paragraph._p.style == ROLES["page_number"].style_id
    return paragraph


def _replace_text(paragraph: Paragraph, text: str) -> None:
    """Put ``text`` in the paragraph's first run that holds text and drop the other runs."""
    runs = paragraph.runs
    keep = next(run for run in runs if run.text)
    keep.text = text
    for run in runs:
        if run._r is not keep._r:
            run._r.getparent().remove(run._r)


def _delete(paragraph: Paragraph) -> None:
    """Remove the paragraph; a table cell left empty gets a plain empty paragraph (a cell
    must hold one) so the document stays valid."""
    element = paragraph._p
    parent = element.getparent()
    parent.remove(element)
    if parent.tag == qn("w:tc") and parent.find(qn("w:p")) is None:
        parent.append(OxmlElement("w:p"))


_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _remove_borders(paragraph: Paragraph) -> None:
    """Direct formatting "no border" over the paragraph style's border (what Word writes
    for Borders > No Border on a styled paragraph)."""
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "nil")
        borders.append(line)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_PBDR)


def _header_columns(document: Document, left: int, right: int) -> None:
    """Set the header table's two column widths (twips) in the grid and in every cell."""
    table = document.tables[0]
    for column, width in zip(table.columns, (left, right), strict=True):
        column.width = Twips(width)
        for cell in column.cells:
            cell.width = Twips(width)


def text(role: str, new_text: str, index: int = 0) -> Mutation:
    def mutate(document: Document) -> None:
        _replace_text(_para(document, role, index), new_text)

    return mutate


def runs(
    role: str,
    index: int = 0,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    size: float | None = None,
    font: str | None = None,
) -> Mutation:
    """Direct run formatting on every run of one paragraph."""

    def mutate(document: Document) -> None:
        for run in _para(document, role, index).runs:
            if bold is not None:
                run.font.bold = bold
            if italic is not None:
                run.font.italic = italic
            if size is not None:
                run.font.size = Pt(size)
            if font is not None:
                run.font.name = font  # the ascii and hAnsi slots

    return mutate


def paragraph_format(role: str, index: int = 0, **changes: Any) -> Mutation:
    """Direct paragraph formatting (python-docx ``ParagraphFormat`` attributes)."""

    def mutate(document: Document) -> None:
        formatting = _para(document, role, index).paragraph_format
        for name, value in changes.items():
            setattr(formatting, name, value)

    return mutate


def delete(role: str, *, every: bool = False) -> Mutation:
    def mutate(document: Document) -> None:
        found = by_style(document, ROLES[role].style_id)
        assert found, f"the good document has no {role} paragraph"
        for paragraph in found if every else found[:1]:
            _delete(paragraph)

    return mutate


def remove_rule_border(role: str) -> Mutation:
    def mutate(document: Document) -> None:
        _remove_borders(_para(document, role))

    return mutate


def margin(side: str, millimetres: float) -> Mutation:
    def mutate(document: Document) -> None:
        setattr(document.sections[0], f"{side}_margin", Mm(millimetres))

    return mutate


def letter_paper(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Twips(12240), Twips(15840)  # 8.5 × 11 in


def landscape(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def legacy_run(legacy_text: str) -> Mutation:
    """A legacy-typed sentence pasted at the end of a Unicode body paragraph, as a run of
    its own: the paragraph as a whole mixes Unicode and legacy text."""

    def mutate(document: Document) -> None:
        _para(document, "body", 1).add_run(" " + legacy_text)

    return mutate


def nfd_body(document: Document) -> None:
    paragraph = _para(document, "body")
    _replace_text(paragraph, unicodedata.normalize("NFD", paragraph.text))


def quoc_hieu_14pt_in_wide_column(document: Document) -> None:
    # At 14 pt bold the quốc hiệu needs ~103 mm, more than the 100 mm column: the column
    # is widened to 110 mm (the table keeps its width) so that the size is the only fault.
    _header_columns(document, 2835, 6236)
    runs("quoc_hieu", size=14)(document)


def quoc_hieu_narrow_column(document: Document) -> None:
    _header_columns(document, 4535, 4536)  # right column 80 mm; the 12 pt line needs ~88 mm


def page_number_on_first_page(document: Document) -> None:
    document.sections[0].different_first_page_header_footer = False


def quoc_hieu_13pt_column_96mm(document: Document) -> None:
    # At 13 pt bold the quốc hiệu is 95.7 mm wide. The 96 mm column holds it only if the
    # cell margins (57 twips each side in this table) are forgotten: the text area is 94 mm,
    # and LibreOffice puts "NAM" on a second line.
    _header_columns(document, 9071 - 5443, 5443)
    runs("quoc_hieu", size=13)(document)


def page_number_in_footer(document: Document) -> None:
    """The PAGE field moved from the header (top margin) to the footer (bottom margin)."""
    section = document.sections[0]
    paragraph = _page_number(document)
    footer = section.footer
    footer.is_linked_to_previous = False
    footer_element = footer._element
    for old in footer_element.findall(qn("w:p")):
        footer_element.remove(old)
    header_element = paragraph._p.getparent()
    footer_element.append(paragraph._p)
    header_element.append(OxmlElement("w:p"))


def page_number_left(document: Document) -> None:
    _page_number(document).alignment = WD_ALIGN_PARAGRAPH.LEFT


def page_number_italic(document: Document) -> None:
    for run in _page_number(document).runs:
        run.font.italic = True


def register_portrait(document: Document) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)


def register_heading(column: int, new_text: str) -> Mutation:
    """Column ``column`` (1-based) of the register's heading row says ``new_text``."""

    def mutate(document: Document) -> None:
        _replace_text(document.tables[0].rows[0].cells[column - 1].paragraphs[0], new_text)

    return mutate


def register_columns_swapped(document: Document) -> None:
    cells = document.tables[0].rows[0].cells
    _replace_text(cells[3].paragraphs[0], COLUMNS[4])
    _replace_text(cells[4].paragraphs[0], COLUMNS[3])


def register_cover_line_deleted(document: Document) -> None:
    _delete(next(p for p in document.paragraphs if p.text.startswith("Quyển số")))


def register_cell_in_arial(document: Document) -> None:
    document.tables[0].rows[2].cells[2].paragraphs[0].runs[0].font.name = "Arial"


def minutes_signatures_swapped(document: Document) -> None:
    """CHỦ TỌA and its name on the left, THƯ KÝ and its name on the right."""
    row = document.tables[-1].rows[0]
    left, right = row.cells[0].paragraphs, row.cells[1].paragraphs
    texts = [p.text for p in left], [p.text for p in right]
    for paragraph, new_text in zip(left, texts[1], strict=True):
        _replace_text(paragraph, new_text)
    for paragraph, new_text in zip(right, texts[0], strict=True):
        _replace_text(paragraph, new_text)


def minutes_line_deleted(start: str) -> Mutation:
    def mutate(document: Document) -> None:
        _delete(next(p for p in document.paragraphs if p.text.startswith(start)))

    return mutate


def minutes_closing_without_end_mark(document: Document) -> None:
    closing = next(p for p in document.paragraphs if p.text.startswith("Cuộc họp kết thúc"))
    _replace_text(closing, closing.text.removesuffix("./.") + ".")


def _money_grid(document: Document) -> Table:
    return next(t for t in document.tables if t.rows[0].cells[0].text == "STT")


def money_title_upright_regular(document: Document) -> None:
    title = next(p for p in document.paragraphs if p.text == MONEY_TABLE_TITLE)
    for run in title.runs:
        run.bold = False


def money_column_renamed(document: Document) -> None:
    _replace_text(_money_grid(document).rows[0].cells[4].paragraphs[0], "Mức")


def money_total_changed(document: Document) -> None:
    last = _money_grid(document).rows[-1].cells[-1].paragraphs[0]
    _replace_text(last, "1.000.000")


def money_words_changed(document: Document) -> None:
    words = next(p for p in document.paragraphs if p.text.startswith("Bằng chữ:"))
    _replace_text(words, "Bằng chữ: Một triệu đồng.")


def money_reference_upright(document: Document) -> None:
    reference = next(p for p in document.paragraphs if p.text.startswith("(Kèm theo"))
    for run in reference.runs:
        run.italic = False


def second_type_name(document: Document) -> None:
    """A second type name ("BÁO CÁO") typed as a centred line after the first body paragraph."""
    anchor = _para(document, "body")
    line = anchor.insert_paragraph_before("BÁO CÁO")
    line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    line.runs[0].bold = True
    line.runs[0].font.size = Pt(14)


def part_heading_in_capitals(document: Document) -> None:
    """ "PHẦN I" typed in capitals, left-aligned, before the first body paragraph."""
    line = _para(document, "body").insert_paragraph_before("PHẦN I")
    line.runs[0].bold = True
    line.runs[0].font.size = Pt(14)


def page_number_12pt(document: Document) -> None:
    for run in _page_number(document).runs:
        run.font.size = Pt(12)


# --- the corpus ------------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    name: str
    rule: str
    mutate: Mutation
    severity: str = "error"
    hides: frozenset[str] = frozenset()
    """Rules that become not_evaluated because the mutation deletes their element."""
    base: str = "seed"
    """The good document (a key of GOOD_DOCUMENTS) that is mutated."""
    doc_type: str = "auto"


def _hides(*rules: str) -> frozenset[str]:
    return frozenset(rules)


TCVN3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam ®· ban hµnh"
VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam ñaõ ban haønh"
# "Sở Nội vụ đề nghị các đơn vị gửi danh sách" as the seed's readers would paste it.
TCVN3_SENTENCE = "Së Néi vô ®Ò nghÞ c¸c ®¬n vÞ göi danh s¸ch"
VNI_SENTENCE = "Sôû Noäi vuï ñeà nghò caùc ñôn vò göûi danh saùch"
DATE_BLANK_DAY = "Khánh Hòa, ngày          tháng {month} năm 2023"
BASIS_2015 = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
PROPOSAL = (
    "Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 2753/TTr-STP ngày 28 tháng 9 năm 2022 "
    "và Giám đốc Sở Nội vụ tại Tờ trình số 415/TTr-SNV ngày 12 tháng 10 năm 2022"
)
LAST_ARTICLE = (
    "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tư pháp và các tập "
    "thể có tên tại Điều 1 căn cứ Quyết định thi hành"
)

FAULTS = [
    # page
    Fault("page_letter", "page.size", letter_paper),
    Fault("page_landscape", "page.orientation", landscape, severity="warning"),
    Fault("margin_left_25mm", "page.margins", margin("left", 25)),
    Fault("margin_top_15mm", "page.margins", margin("top", 15)),
    Fault("margin_right_25mm", "page.margins", margin("right", 25)),
    Fault("margin_bottom_30mm", "page.margins", margin("bottom", 30)),
    # fonts and text
    Fault("run_in_arial", "font.name", runs("body", 2, font="Arial")),
    Fault("run_in_vntime", "font.legacy", runs("body", 2, font=".VnTime")),
    Fault("paragraph_typed_in_tcvn3", "text.legacy_encoding", text("body", TCVN3, 2)),
    Fault("paragraph_typed_in_vni", "text.legacy_encoding", text("body", VNI, 2)),
    Fault(
        "body_sentence_typed_in_tcvn3",
        "text.legacy_encoding",
        text("body", TCVN3_SENTENCE, 2),
    ),
    Fault("tcvn3_run_in_unicode_paragraph", "text.legacy_encoding", legacy_run(TCVN3_SENTENCE)),
    Fault("vni_run_in_unicode_paragraph", "text.legacy_encoding", legacy_run(VNI_SENTENCE)),
    Fault("paragraph_in_nfd", "text.nfd", nfd_body),
    # quốc hiệu
    Fault(
        "quoc_hieu_deleted",
        "quoc_hieu.missing",
        delete("quoc_hieu"),
        hides=_hides("quoc_hieu.text", "quoc_hieu.format", "quoc_hieu.wraps"),
    ),
    Fault(
        "quoc_hieu_misspelt",
        "quoc_hieu.text",
        text("quoc_hieu", "CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM"),
    ),
    Fault("quoc_hieu_not_bold", "quoc_hieu.format", runs("quoc_hieu", bold=False)),
    Fault("quoc_hieu_size_14", "quoc_hieu.format", quoc_hieu_14pt_in_wide_column),
    Fault("quoc_hieu_size_11", "quoc_hieu.format", runs("quoc_hieu", size=11)),
    Fault("quoc_hieu_column_too_narrow", "quoc_hieu.wraps", quoc_hieu_narrow_column),
    Fault("quoc_hieu_13pt_column_96mm", "quoc_hieu.wraps", quoc_hieu_13pt_column_96mm),
    # tiêu ngữ
    Fault(
        "tieu_ngu_deleted",
        "tieu_ngu.missing",
        delete("tieu_ngu"),
        hides=_hides("tieu_ngu.text", "tieu_ngu.format", "tieu_ngu.rule"),
    ),
    Fault("tieu_ngu_en_dashes", "tieu_ngu.text", text("tieu_ngu", "Độc lập – Tự do – Hạnh phúc")),
    Fault("tieu_ngu_no_spaces", "tieu_ngu.text", text("tieu_ngu", "Độc lập-Tự do-Hạnh phúc")),
    Fault("tieu_ngu_not_bold", "tieu_ngu.format", runs("tieu_ngu", bold=False)),
    Fault("tieu_ngu_size_12", "tieu_ngu.format", runs("tieu_ngu", size=12)),
    Fault("tieu_ngu_rule_border_removed", "tieu_ngu.rule", remove_rule_border("tieu_ngu_rule")),
    Fault("tieu_ngu_rule_paragraph_deleted", "tieu_ngu.rule", delete("tieu_ngu_rule")),
    # issuing agency
    Fault(
        "agency_deleted",
        "agency.missing",
        delete("agency"),
        hides=_hides("agency.format", "agency.rule"),
    ),
    Fault(
        "agency_deleted_no_parent",
        "agency.missing",
        delete("agency"),
        # Without the agency, the absence of a parent can no longer be told apart from a
        # parent that was not found.
        hides=_hides("agency.format", "agency.rule", "parent_agency.format"),
        base="no_parent_agency",
    ),
    Fault("agency_not_bold", "agency.format", runs("agency", bold=False)),
    Fault("agency_lower_case", "agency.format", text("agency", "Sở Nội vụ")),
    Fault("agency_rule_border_removed", "agency.rule", remove_rule_border("agency_rule")),
    Fault("agency_rule_paragraph_deleted", "agency.rule", delete("agency_rule")),
    Fault(
        "parent_agency_bold",
        "parent_agency.format",
        runs("parent_agency", bold=True),
        severity="warning",
    ),
    # số, ký hiệu
    Fault(
        "number_deleted",
        "number.missing",
        delete("number"),
        hides=_hides("number.format", "number.style"),
    ),
    Fault("number_unpadded", "number.format", text("number", "Số: 5/SNV-TĐKT")),
    Fault("number_with_spaces", "number.format", text("number", "Số: 05 / SNV-TĐKT")),
    Fault("number_italic", "number.style", runs("number", italic=True)),
    Fault("number_double_hyphen", "number.format", text("number", "Số: 05/SNV--TĐKT")),
    # địa danh, ngày tháng
    Fault(
        "date_line_deleted",
        "date_line.missing",
        delete("date_line"),
        hides=_hides("date_line.format", "date_line.style", "date_line.place"),
    ),
    Fault(
        "date_month_09", "date_line.format", text("date_line", DATE_BLANK_DAY.format(month="09"))
    ),
    Fault(
        "date_day_7", "date_line.format", text("date_line", "Khánh Hòa, ngày 7 tháng 9 năm 2023")
    ),
    Fault("date_not_italic", "date_line.style", runs("date_line", italic=False)),
    Fault(
        "date_place_lower_case",
        "date_line.place",
        text("date_line", "k" + DATE_BLANK_DAY.format(month="9")[1:]),
    ),
    Fault(
        "date_place_without_comma",
        "date_line.place",
        text("date_line", DATE_BLANK_DAY.format(month="9").replace(",", "", 1)),
    ),
    # trích yếu
    Fault(
        "subject_deleted",
        "subject.missing",
        delete("subject"),
        hides=_hides("subject.style"),
    ),
    Fault(
        "subject_deleted_declared_dispatch",
        "subject.missing",
        delete("subject"),
        hides=_hides("subject.style"),
        doc_type="dispatch",
    ),
    Fault("subject_bold", "subject.style", runs("subject", bold=True)),
    # kính gửi
    Fault(
        "kinh_gui_item_without_semicolon",
        "kinh_gui.punctuation",
        text("kinh_gui_item", "- Các sở, ban, ngành, đoàn thể tỉnh", 0),
    ),
    Fault(
        "kinh_gui_last_item_semicolon",
        "kinh_gui.punctuation",
        text("kinh_gui_item", "- Các cơ quan Trung ương đóng trên địa bàn tỉnh;", 3),
    ),
    Fault(
        "kinh_gui_item_without_dash",
        "kinh_gui.punctuation",
        text("kinh_gui_item", "Các sở, ban, ngành, đoàn thể tỉnh;", 0),
    ),
    # nội dung
    Fault(
        "body_deleted",
        "body.missing",
        delete("body", every=True),
        hides=_hides(
            "body.size", "body.justified", "body.indent", "body.spacing", "body.line_spacing"
        ),
    ),
    Fault(
        "body_left_aligned",
        "body.justified",
        paragraph_format("body", 2, alignment=WD_ALIGN_PARAGRAPH.LEFT),
    ),
    Fault("body_size_12", "body.size", runs("body", 2, size=12)),
    Fault(
        "body_first_line_indent_0", "body.indent", paragraph_format("body", 2, first_line_indent=0)
    ),
    Fault("body_spacing_0", "body.spacing", paragraph_format("body", 2, space_before=Pt(0))),
    Fault(
        "body_line_spacing_2", "body.line_spacing", paragraph_format("body", 2, line_spacing=2.0)
    ),
    # nơi nhận
    Fault(
        "noi_nhan_label_deleted",
        "noi_nhan.missing",
        delete("noi_nhan_label"),
        hides=_hides("noi_nhan.label", "noi_nhan.items", "noi_nhan.archive"),
    ),
    Fault("noi_nhan_label_not_italic", "noi_nhan.label", runs("noi_nhan_label", italic=False)),
    Fault("noi_nhan_label_without_colon", "noi_nhan.label", text("noi_nhan_label", "Nơi nhận")),
    Fault("noi_nhan_item_12pt", "noi_nhan.items", runs("noi_nhan_item", 1, size=12)),
    Fault(
        "noi_nhan_item_without_semicolon", "noi_nhan.items", text("noi_nhan_item", "- Như trên", 0)
    ),
    Fault(
        "noi_nhan_archive_without_period",
        "noi_nhan.archive",
        text("noi_nhan_item", "- Lưu: VT, PTĐKT, GN", 4),
    ),
    # chữ ký
    Fault("authority_not_bold", "authority.format", runs("authority", bold=False)),
    Fault("authority_kt_without_dot", "authority.text", text("authority", "KT GIÁM ĐỐC")),
    Fault("authority_gd_abbreviation", "authority.text", text("authority", "GĐ. GIÁM ĐỐC")),
    Fault(
        "authority_tm_with_slash",
        "authority.text",
        text("authority", "T/M. ỦY BAN NHÂN DÂN"),
        base="combined_tm_kt_authority",
    ),
    Fault(
        "authority_kt_without_title",
        "authority.text",
        text("authority", "KT.", 1),
        base="combined_tm_kt_authority",
    ),
    Fault(
        "signer_title_with_kt_without_dot",
        "authority.text",
        text("signer_title", "KT GIÁM ĐỐC"),
        base="head_signs_without_authority",
    ),
    Fault("signer_title_lower_case", "authority.format", text("signer_title", "Phó Giám đốc")),
    Fault(
        "signer_name_deleted",
        "signer.missing",
        delete("signer_name"),
        hides=_hides("signer.name", "signer.layout"),
    ),
    Fault("signer_name_capitals", "signer.name", text("signer_name", "HUỲNH MẠNH THẮNG")),
    Fault("signer_name_not_bold", "signer.name", runs("signer_name", bold=False)),
    Fault(
        "signer_name_right_aligned",
        "signer.layout",
        paragraph_format("signer_name", alignment=WD_ALIGN_PARAGRAPH.RIGHT),
        severity="warning",
    ),
    # số trang
    Fault("page_number_on_first_page", "page_number.first", page_number_on_first_page),
    Fault("page_number_left_aligned", "page_number.position", page_number_left),
    Fault("page_number_italic", "page_number.position", page_number_italic),
    Fault("page_number_12pt", "page_number.position", page_number_12pt),
    Fault("page_number_in_footer", "page_number.position", page_number_in_footer),
    # the type name and the trích yếu under it
    Fault("type_title_not_bold", "title.style", runs("type_title", bold=False), base="decision"),
    Fault("type_extract_12pt", "title.style", runs("type_extract", size=12), base="submission"),
    Fault("part_heading_in_capitals", "heading.format", part_heading_in_capitals),
    Fault(
        "party_heading_for_quoc_hieu",
        "scope.party",
        text("quoc_hieu", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        severity="warning",
    ),
    Fault(
        "second_type_name", "type.conflict", second_type_name, severity="warning", base="submission"
    ),
    # a quyết định: the issuing authority
    Fault(
        "issuing_authority_deleted",
        "issuing_authority.missing",
        delete("issuing_authority"),
        hides=_hides("issuing_authority.format"),
        base="decision",
    ),
    Fault(
        "issuing_authority_not_bold",
        "issuing_authority.format",
        runs("issuing_authority", bold=False),
        base="decision",
    ),
    Fault(
        "issuing_authority_lower_case",
        "issuing_authority.format",
        text("issuing_authority", "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa"),
        base="decision",
    ),
    Fault(
        "issuing_authority_left_aligned",
        "issuing_authority.format",
        paragraph_format("issuing_authority", alignment=WD_ALIGN_PARAGRAPH.LEFT),
        base="decision",
    ),
    # the căn cứ
    Fault("basis_not_italic", "basis.format", runs("basis", 1, italic=False), base="decision"),
    Fault("basis_bold", "basis.format", runs("basis", 2, bold=True), base="decision"),
    Fault(
        "basis_without_semicolon",
        "basis.punctuation",
        text("basis", BASIS_2015),
        base="decision",
    ),
    Fault(
        "proposal_ends_with_semicolon",
        "basis.punctuation",
        text("basis", PROPOSAL + ";", 4),
        base="decision",
    ),
    Fault(
        "two_bases_in_one_paragraph",
        "basis.punctuation",
        text("basis", f"{BASIS_2015}; Căn cứ Luật Thi đua, Khen thưởng;"),
        base="decision",
    ),
    Fault(
        "submission_basis_ends_with_comma",
        "basis.punctuation",
        text("body", "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003,"),
        base="submission",
    ),
    # QUYẾT ĐỊNH:
    Fault(
        "operative_deleted",
        "operative.missing",
        delete("operative"),
        hides=_hides("operative.format"),
        base="decision",
    ),
    Fault(
        "operative_without_colon",
        "operative.format",
        text("operative", "QUYẾT ĐỊNH"),
        base="decision",
    ),
    Fault("operative_not_bold", "operative.format", runs("operative", bold=False), base="decision"),
    Fault(
        "operative_left_aligned",
        "operative.format",
        paragraph_format("operative", alignment=WD_ALIGN_PARAGRAPH.LEFT),
        base="decision",
    ),
    # the articles
    Fault(
        "article_without_dot",
        "article.number",
        text("article", f"Điều 2 {LAST_ARTICLE}./.", 1),
        base="decision",
    ),
    Fault(
        "article_number_skipped",
        "article.number",
        text("article", f"Điều 3. {LAST_ARTICLE}./.", 1),
        base="decision",
    ),
    Fault(
        "article_in_roman_numerals",
        "article.number",
        text("article", "Điều I. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, gồm:"),
        base="decision",
    ),
    Fault("article_not_bold", "article.number", runs("article", bold=False), base="decision"),
    Fault(
        "article_italic",
        "article.number",
        runs("article", 2, italic=True),
        base="decision_list_table",
    ),
    # ./.
    Fault(
        "end_mark_missing",
        "body.end_mark",
        text("article", f"Điều 2. {LAST_ARTICLE}.", 1),
        base="decision",
    ),
    Fault(
        "submission_end_mark_missing",
        "body.end_mark",
        text("body", "Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định.", -1),
        base="submission",
    ),
    # Nơi nhận: Như Điều N
    Fault(
        "nhu_dieu_replaced_by_nhu_tren",
        "noi_nhan.nhu_dieu",
        text("noi_nhan_item", "- Như trên;"),
        base="decision",
    ),
    Fault(
        "nhu_dieu_names_a_missing_article",
        "noi_nhan.nhu_dieu",
        text("noi_nhan_item", "- Như Điều 4;"),
        base="decision_list_table",
    ),
    # the attached list's reference line
    Fault(
        "attachment_reference_upright",
        "attachment.reference",
        runs("appendix_reference", italic=False),
        base="decision_list_table",
    ),
    Fault(
        "attachment_reference_without_issuer",
        "attachment.reference",
        text(
            "appendix_reference",
            "(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng 01 năm 2024)",
        ),
        base="decision_list_lines",
    ),
    Fault(
        "attachment_reference_of_another_type",
        "attachment.reference",
        text(
            "appendix_reference",
            "(Kèm theo Tờ trình số 35/TTr-SNV ngày 10 tháng 01 năm 2024 của Sở Nội vụ)",
        ),
        base="decision_list_table",
    ),
    Fault(
        "attachment_reference_deleted",
        "attachment.reference",
        delete("appendix_reference"),
        base="decision_list_lines",
    ),
    Fault(
        "list_entry_left_aligned",
        "body.justified",
        paragraph_format("list_entry", 3, alignment=WD_ALIGN_PARAGRAPH.LEFT),
        base="decision_list_lines",
    ),
    # the sổ đăng ký văn bản đi (Phụ lục IV): its own rules, and the fonts
    Fault(
        "register_portrait", "register.orientation", register_portrait, severity="warning",
        base="register",
    ),
    Fault(
        "register_column_renamed", "register.columns", register_heading(4, "Người duyệt"),
        base="register",
    ),
    Fault("register_columns_swapped", "register.columns", register_columns_swapped,
          base="register"),
    Fault("register_cover_without_volume", "register.cover", register_cover_line_deleted,
          base="register"),
    Fault("register_cell_in_arial", "font.name", register_cell_in_arial, base="register"),
    # a biên bản (Mẫu 1.9)
    Fault("minutes_signatures_swapped", "minutes.signatures", minutes_signatures_swapped,
          base="minutes"),
    Fault("minutes_without_location", "minutes.opening", minutes_line_deleted("Địa điểm"),
          base="minutes"),
    Fault("minutes_without_start", "minutes.opening", minutes_line_deleted("Thời gian bắt đầu"),
          base="minutes"),
    Fault("minutes_closing_without_end_mark", "body.end_mark", minutes_closing_without_end_mark,
          base="minutes"),
    # the bảng tổng hợp tiền thưởng: its own rules, and the appendix reference line
    Fault("money_title_not_bold", "money_table.title", money_title_upright_regular,
          base="money_table"),
    Fault("money_column_renamed", "money_table.columns", money_column_renamed,
          base="money_table"),
    Fault("money_total_changed", "money_table.total", money_total_changed, base="money_table"),
    Fault("money_words_changed", "money_table.total", money_words_changed, base="money_table"),
    Fault("money_reference_upright", "attachment.reference", money_reference_upright,
          base="money_table"),
]  # fmt: skip


# --- running the checker ----------------------------------------------------------------


@pytest.fixture(scope="session")
def good_bytes(seed_bytes: bytes) -> Callable[[str], bytes]:
    """The rendered good documents by name, each rendered once per session."""
    cache: dict[str, bytes] = {"seed": seed_bytes}

    def get(name: str) -> bytes:
        if name not in cache:
            made = GOOD_FILES.get(name)
            cache[name] = made() if made else tdkt_docs.render_bytes(GOOD_DOCUMENTS[name]())
        return cache[name]

    return get


def _mutated(data: bytes, mutate: Mutation) -> bytes:
    document = docx.Document(io.BytesIO(data))
    mutate(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _reported(findings: list[Finding]) -> dict[str, str]:
    """Rule → severity of every rule that reported a violation."""
    return {f.rule: f.severity for f in findings if f.severity in {"error", "warning"}}


def _not_evaluated(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings if f.severity == "not_evaluated"}


def _describe(findings: list[Finding]) -> str:
    return "\n".join(
        f"  {f.severity} {f.rule} at {f.where}: found {f.found!r}, expected {f.expected!r}"
        for f in findings
    )


@pytest.mark.parametrize("name", sorted([*GOOD_DOCUMENTS, *GOOD_FILES]))
def test_good_documents_pass(name: str, good_bytes: Callable[[str], bytes]) -> None:
    findings = check_package_bytes(good_bytes(name), f"{name}.docx")
    assert _reported(findings) == {}, _describe(findings)
    assert _not_evaluated(findings) == set(), _describe(findings)


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.name for fault in FAULTS])
def test_fault_is_reported(fault: Fault, good_bytes: Callable[[str], bytes]) -> None:
    good = good_bytes(fault.base)
    baseline = check_package_bytes(good, f"{fault.base}.docx", fault.doc_type)
    assert _reported(baseline) == {}, _describe(baseline)

    findings = check_package_bytes(
        _mutated(good, fault.mutate), f"{fault.name}.docx", fault.doc_type
    )
    assert _reported(findings) == {fault.rule: fault.severity}, _describe(findings)
    assert _not_evaluated(findings) == _not_evaluated(baseline) | fault.hides, _describe(findings)


# --- the corpus itself -------------------------------------------------------------------


def test_every_rule_has_a_check_function() -> None:
    rules = set(rule_table())
    functions = set(CHECKS)
    assert rules - functions == set(), "rules in check_rules.yaml without a check function"
    assert functions - rules == set(), "check functions without a rule in check_rules.yaml"


def test_every_rule_has_a_fault() -> None:
    assert set(rule_table()) - {fault.rule for fault in FAULTS} == set()


def test_corpus_is_broad() -> None:
    names = [fault.name for fault in FAULTS]
    assert len(set(names)) == len(names), "case names must be unique"
    assert len(names) >= 30
    assert len({fault.rule for fault in FAULTS}) >= 25


def test_corpus_cases_are_consistent() -> None:
    table = rule_table()
    for fault in FAULTS:
        assert fault.rule in table, fault.name
        assert fault.severity == table[fault.rule].severity, fault.name
        assert fault.hides <= set(table), fault.name
        assert fault.rule not in fault.hides, fault.name
        assert fault.base in GOOD_DOCUMENTS or fault.base in GOOD_FILES, fault.name
