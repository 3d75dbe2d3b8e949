"""The checker reads formatting the way Word does (issue 14): which of a run's four fonts
its text is shown in, theme fonts, cell margins written as ``w:start``/``w:end``, "at
least" against "exactly" line spacing, and text boxes read once and apart from the
paragraph they are anchored to.

Each test starts from a hand-made letter that checks clean (tests/test_checker_handmade.py)
and changes one thing in its XML."""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from tdkt_docs.checker import check_package_bytes
from tdkt_docs.checker.detect import detect
from tdkt_docs.checker.model import DocModel, build_model
from tdkt_docs.checker.package import read_package
from tdkt_docs.checker.rules import Finding
from tests.test_checker_handmade import handmade

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
TNR = "Times New Roman"


def _document(font_fix: bool = True) -> Document:
    return docx.Document(io.BytesIO(handmade(font_fix=font_fix)))


def _findings(document: Document, name: str = "letter.docx") -> list[Finding]:
    buffer = io.BytesIO()
    document.save(buffer)
    return check_package_bytes(buffer.getvalue(), name)


def _reported(document: Document, rule: str) -> list[Finding]:
    return [f for f in _findings(document) if f.rule == rule and f.severity == "error"]


def _body_paragraph(document: Document) -> Paragraph:
    return next(p for p in document.paragraphs if p.text.startswith("Sở Nội vụ đề nghị"))


def _set_fonts(paragraph: Paragraph, **slots: str) -> None:
    """Set rFonts attributes (``ascii="Arial"``, ``hint="eastAsia"``) on every run."""
    for run in paragraph.runs:
        rfonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        for slot, value in slots.items():
            rfonts.set(qn(f"w:{slot}"), value)


def _set_theme_latin(document: Document, kind: str, typeface: str) -> None:
    """Change the theme's major or minor Latin font (``kind`` "majorFont"/"minorFont")."""
    part = next(p for p in document.part.package.parts if "theme" in str(p.partname))
    root = etree.fromstring(part.blob)
    root.find(f".//{{{A_NS}}}{kind}/{{{A_NS}}}latin").set("typeface", typeface)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _model_of(document: Document) -> DocModel:
    buffer = io.BytesIO()
    document.save(buffer)
    return build_model(read_package(buffer.getvalue(), "letter.docx"))


def test_the_handmade_letter_checks_clean() -> None:
    """The base of every test below: nothing to report before the change."""
    assert [f for f in _findings(_document()) if f.severity == "error"] == []


# --- font slots --------------------------------------------------------------------------


def test_a_python_docx_file_whose_normal_style_is_times_new_roman() -> None:
    """``styles["Normal"].font.name = "Times New Roman"`` sets the ascii and hAnsi slots
    only; the eastAsia and cs slots keep the template's theme fonts (Cambria), which
    Vietnamese text is never shown in."""
    document = _document(font_fix=False)
    assert {f.found for f in _reported(document, "font.name")} == {"Cambria"}  # the theme
    document.styles["Normal"].font.name = TNR
    assert _reported(document, "font.name") == []


def test_east_asian_and_complex_script_slots_are_not_judged() -> None:
    document = _document()
    _set_fonts(_body_paragraph(document), eastAsia="SimSun;宋体", cs="Arial")
    assert _reported(document, "font.name") == []


def test_a_hint_puts_vietnamese_letters_in_the_east_asian_font() -> None:
    """With ``w:hint="eastAsia"`` Word shows the non-ASCII Latin letters (ở, đ, ị) in the
    eastAsia font."""
    document = _document()
    _set_fonts(_body_paragraph(document), eastAsia="SimSun", hint="eastAsia")
    [finding] = _reported(document, "font.name")
    assert finding.found == "SimSun"
    assert finding.where.startswith("đoạn")


@pytest.mark.parametrize("mark", ["cs", "rtl"])
def test_a_complex_script_run_is_shown_in_the_cs_font(mark: str) -> None:
    document = _document()
    paragraph = _body_paragraph(document)
    _set_fonts(paragraph, cs="Arial")
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(etree.Element(qn(f"w:{mark}")))
    assert [f.found for f in _reported(document, "font.name")] == ["Arial"]


def test_the_hansi_slot_counts_only_for_text_beyond_ascii() -> None:
    """Letters without marks are shown in the ascii font, "ở" or "Đ" in the hAnsi font."""
    document = _document()
    paragraph = _body_paragraph(document)
    _set_fonts(paragraph, hAnsi="Arial")
    assert [f.found for f in _reported(document, "font.name")] == ["Arial"]
    for run in paragraph.runs:
        run.text = "So Noi vu de nghi cac don vi gui danh sach."
    assert _reported(document, "font.name") == []


@pytest.mark.parametrize("font", ["Arial", "Times New Roman Bold"])
def test_a_wrong_or_non_existent_font_is_still_found(font: str) -> None:
    """A font that is not Times New Roman, or a name no font has ("Times New Roman Bold":
    Word falls back to another font), in the ascii and hAnsi slots: the decree's own file
    has one such run."""
    document = _document()
    _body_paragraph(document).runs[0].font.name = font
    [finding] = _reported(document, "font.name")
    assert finding.found == font


def test_a_font_name_in_other_case_is_the_same_font() -> None:
    document = _document()
    _body_paragraph(document).runs[0].font.name = "times new roman"
    assert _reported(document, "font.name") == []


def test_theme_fonts_are_resolved_through_the_style_chain() -> None:
    """The template's docDefaults say ``asciiTheme="minorHAnsi"``: the font is the theme's
    minor Latin font; a style may name the major one instead."""
    document = _document(font_fix=False)
    _set_theme_latin(document, "minorFont", TNR)
    assert _reported(document, "font.name") == []
    rfonts = document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(qn("w:asciiTheme"), "majorHAnsi")
    rfonts.set(qn("w:hAnsiTheme"), "majorHAnsi")
    assert {f.found for f in _reported(document, "font.name")} == {"Calibri"}  # major
    _set_theme_latin(document, "majorFont", TNR)
    assert _reported(document, "font.name") == []


def test_the_run_model_keeps_every_slot() -> None:
    document = _document()
    _set_fonts(_body_paragraph(document), eastAsia="SimSun", cs="Arial")
    model = _model_of(document)
    paragraph = next(p for p in model.paragraphs if p.text.startswith("Sở Nội vụ đề nghị"))
    run = paragraph.runs[0]
    assert run.font_slots == (TNR, TNR, "Arial", "SimSun")
    assert run.fonts == (TNR,)


# --- cell margins ------------------------------------------------------------------------

QUOC_HIEU_CELL = (1, 1, 2)
"""The quốc hiệu's cell in the hand-made letter: table 1, row 1, cell 2."""


def _right_column(document: Document, twips: int) -> None:
    """Make the header table's right column ``twips`` wide, in the grid and in every cell."""
    table = document.tables[0]
    table.columns[1].width = Twips(twips)
    for cell in table.columns[1].cells:
        cell.width = Twips(twips)


def _margins(parent: etree._Element, tag: str, names: tuple[str, str], twips: int) -> None:
    """Add ``tag`` (``w:tblCellMar``/``w:tcMar``) to ``parent`` with both sides ``twips``."""
    margins = etree.SubElement(parent, qn(f"w:{tag}"))
    for name in names:
        side = etree.SubElement(margins, qn(f"w:{name}"))
        side.set(qn("w:w"), str(twips))
        side.set(qn("w:type"), "dxa")


def _cell_width(document: Document) -> int:
    return _model_of(document).cell_widths[QUOC_HIEU_CELL]


@pytest.mark.parametrize("names", [("start", "end"), ("left", "right")])
def test_table_cell_margins_by_either_name(names: tuple[str, str]) -> None:
    """A 90 mm column (5102 twips): with no cell margins the 12 pt quốc hiệu (88.3 mm)
    fits; with Word's default margins (2 × 0.19 cm) it would not."""
    document = _document()
    _right_column(document, 5102)
    assert [f.found for f in _reported(document, "quoc_hieu.wraps")] == ["cột rộng 86.2 mm"]
    _margins(document.tables[0]._tbl.tblPr, "tblCellMar", names, 0)
    assert _cell_width(document) == 5102
    assert _reported(document, "quoc_hieu.wraps") == []


@pytest.mark.parametrize("names", [("start", "end"), ("left", "right")])
def test_cell_margins_of_one_cell_by_either_name(names: tuple[str, str]) -> None:
    """1 cm margins each side of the 10 cm cell leave 80 mm: the quốc hiệu wraps."""
    document = _document()
    cell = document.tables[0].cell(0, 1)
    _margins(cell._tc.get_or_add_tcPr(), "tcMar", names, 567)
    assert _cell_width(document) == 5669 - 2 * 567
    [finding] = _reported(document, "quoc_hieu.wraps")
    assert finding.found == "cột rộng 80.0 mm"


def test_cell_margins_of_the_table_style() -> None:
    """The margins of the table's style apply when the table sets none."""
    document = _document()
    _right_column(document, 5102)
    style_id = document.tables[0]._tbl.tblPr.find(qn("w:tblStyle"))
    style = (
        document.styles[document.tables[0].style.name].element
        if style_id is not None
        else next(
            s.element
            for s in document.styles
            if s.element.get(qn("w:type")) == "table" and s.element.get(qn("w:default")) == "1"
        )
    )
    tblpr = style.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = etree.SubElement(style, qn("w:tblPr"))
    for old in tblpr.findall(qn("w:tblCellMar")):
        tblpr.remove(old)
    _margins(tblpr, "tblCellMar", ("start", "end"), 0)
    assert _cell_width(document) == 5102
    assert _reported(document, "quoc_hieu.wraps") == []


# --- line spacing ------------------------------------------------------------------------


def _line_spacing(document: Document, line: int, rule: str) -> None:
    """Set every body paragraph's ``w:spacing/@w:line`` and ``@w:lineRule``."""
    for paragraph in document.paragraphs:
        if paragraph.paragraph_format.first_line_indent:  # the body's paragraphs
            spacing = paragraph._p.get_or_add_pPr().get_or_add_spacing()
            spacing.set(qn("w:line"), str(line))
            spacing.set(qn("w:lineRule"), rule)


@pytest.mark.parametrize(
    ("line", "rule", "reported"),
    [
        (280, "atLeast", []),  # at least 14 pt on 14 pt text: single (15.5 pt)
        (240, "atLeast", []),  # a floor below single does not lower the line
        (360, "atLeast", []),  # at least 18 pt: 1.16 lines
        (560, "atLeast", ["atLeast 28 pt"]),  # at least 28 pt: 1.8 lines
        (280, "exact", ["exact 14 pt"]),  # exactly 14 pt: lower than single, text clipped
        (340, "exact", []),  # exactly 17 pt: 1.1 lines
        (480, "exact", ["exact 24 pt"]),  # exactly 24 pt: 1.55 lines
        (240, "auto", []),  # single
        (360, "auto", []),  # 1.5 lines
        (480, "auto", ["2 dòng"]),  # double
    ],
)
def test_at_least_against_exact_line_spacing(line: int, rule: str, reported: list[str]) -> None:
    document = _document()
    _line_spacing(document, line, rule)
    findings = _reported(document, "body.line_spacing")
    assert sorted({f.found for f in findings}) == reported


# --- text boxes --------------------------------------------------------------------------

NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": A_NS,
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
BOX_TEXT = "Ghi chú đặt trong khung"


def _box_content(font: str) -> str:
    return (
        "<w:txbxContent><w:p><w:r><w:rPr>"
        f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/><w:sz w:val="20"/>'
        f"</w:rPr><w:t>{BOX_TEXT}</w:t></w:r></w:p></w:txbxContent>"
    )


def _text_box_run(font: str = TNR, content: str = "", align: str = "") -> etree._Element:
    """A run holding a text box as Word writes it: the DrawingML shape in ``mc:Choice``
    and the same box in VML in ``mc:Fallback``, each with the box's text (by default a
    10 pt note), placed at an offset or aligned across the margins (``align``)."""
    content = content or _box_content(font)
    declarations = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
    position = (
        f'<wp:positionH relativeFrom="margin"><wp:align>{align}</wp:align></wp:positionH>'
        if align
        else '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
    )
    vml_position = f";mso-position-horizontal:{align}" if align else ""
    return etree.fromstring(
        f"<w:r {declarations}><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wp:anchor>{position}'
        '<wp:extent cx="1800000" cy="900000"/>'
        '<wp:docPr id="9" name="Text Box 9"/><a:graphic><a:graphicData uri="'
        'http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape style="width:140pt;height:70pt{vml_position}">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


@pytest.mark.parametrize("font", [TNR, "Arial"])
def test_a_text_box_is_read_once_and_apart_from_its_anchor(font: str) -> None:
    document = _document()
    paragraph = _body_paragraph(document)
    anchor_text = paragraph.text
    paragraph._p.append(_text_box_run(font))
    model = _model_of(document)
    [anchor] = [p for p in model.paragraphs if p.text.startswith("Sở Nội vụ đề nghị")]
    assert anchor.text == anchor_text  # the box's text is not the paragraph's
    assert anchor.has_drawing
    [box] = model.text_boxes  # read in mc:Choice, not again in mc:Fallback
    assert box.text == BOX_TEXT
    assert box.where == f"{anchor.where}, khung văn bản 1: đoạn 1"
    assert (box.order, box.section) == (anchor.order, anchor.section)
    # The box's 10 pt note is not body text; its font is still judged, once.
    assert _reported(document, "body.size") == []
    fonts = _reported(document, "font.name")
    assert [(f.where.split(": «")[0], f.found) for f in fonts] == (
        [] if font == TNR else [(box.where, "Arial")]
    )


def test_a_vml_text_box_without_alternate_content_is_read() -> None:
    """Old files (Word 2003 and earlier, LibreOffice) write a text box in VML alone."""
    document = _document()
    paragraph = _body_paragraph(document)
    run = _text_box_run(TNR)
    alternate = run[0]
    run.remove(alternate)
    run.append(alternate.find("mc:Fallback/w:pict", NAMESPACES))
    paragraph._p.append(run)
    model = _model_of(document)
    assert [p.text for p in model.text_boxes] == [BOX_TEXT]
    assert not any(BOX_TEXT in p.text for p in model.paragraphs)
    assert _reported(document, "body.size") == []


def test_a_complex_script_run_has_the_complex_script_size() -> None:
    """A run marked ``w:cs`` is shown at ``w:szCs`` (here 11 pt), not at ``w:sz``."""
    document = _document()
    paragraph = _body_paragraph(document)
    _set_fonts(paragraph, cs=TNR)
    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        rpr.append(etree.Element(qn("w:cs")))
        size = etree.SubElement(rpr, qn("w:szCs"))
        size.set(qn("w:val"), "22")
    assert [f.found for f in _reported(document, "body.size")] == ["cỡ 11, không đậm, đứng"]
    assert _reported(document, "font.name") == []


# --- space between paragraphs ------------------------------------------------------------


def _body_paragraphs(document: Document) -> list[Paragraph]:
    return [p for p in document.paragraphs if p.paragraph_format.first_line_indent]


def test_an_empty_line_between_two_paragraphs_is_space_between_them() -> None:
    """Paragraphs set with no space before or after, one under the other, break the rule;
    with an empty line (or a heading) between them they are not one under the other."""
    document = _document()
    first, second = _body_paragraphs(document)
    for paragraph in (first, second):
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.space_after = Pt(0)
    [finding] = _reported(document, "body.spacing")
    assert finding.where.startswith("đoạn") and "Trân trọng" in finding.where
    assert finding.found == "0 pt"
    second.insert_paragraph_before("")
    assert _reported(document, "body.spacing") == []


@pytest.mark.parametrize(
    ("attributes", "reported"),
    [
        ({"beforeLines": "50"}, []),  # half a line: 6 pt
        ({"beforeLines": "20", "before": "48"}, ["2.4 pt"]),  # 0.2 line: 2.4 pt
        ({"beforeLines": "20", "before": "240"}, ["2.4 pt"]),  # lines win over points
        ({"beforeAutospacing": "1", "before": "0"}, []),  # "auto": 14 pt
        ({"beforeAutospacing": "0", "before": "0"}, ["0 pt"]),
    ],
)
def test_space_in_lines_and_auto_space(attributes: dict[str, str], reported: list[str]) -> None:
    """The second body paragraph's space before, the first's space after being 0."""
    document = _document()
    first, second = _body_paragraphs(document)
    first.paragraph_format.space_after = Pt(0)
    spacing = second._p.get_or_add_pPr().get_or_add_spacing()
    for name in list(spacing.attrib):
        if name.endswith("}before"):
            del spacing.attrib[name]
    for name, value in attributes.items():
        spacing.set(qn(f"w:{name}"), value)
    assert [f.found for f in _reported(document, "body.spacing")] == reported


# --- indents -----------------------------------------------------------------------------


def test_a_first_line_indent_replaces_the_style_hanging_indent() -> None:
    """A style that hangs its paragraphs (lists) and a paragraph that sets a 1 cm first
    line instead: the paragraph's own value is the one shown."""
    document = _document()
    style = document.styles.add_style("Hanging list", 1)  # WD_STYLE_TYPE.PARAGRAPH
    style.base_style = document.styles["Normal"]
    style.paragraph_format.left_indent = Pt(0)
    style.paragraph_format.first_line_indent = Pt(-18)  # w:hanging="360"
    for paragraph in _body_paragraphs(document):
        paragraph.style = style
    assert _reported(document, "body.indent") == []
    for paragraph in _body_paragraphs(document):
        paragraph.paragraph_format.first_line_indent = None
    assert {f.found for f in _reported(document, "body.indent")} == {"-0.64 cm"}


_SIZE_13 = '<w:rPr><w:sz w:val="26"/></w:rPr>'
PAGE_BOX = (
    "<w:txbxContent><w:p>"
    f'<w:r>{_SIZE_13}<w:fldChar w:fldCharType="begin"/></w:r>'
    f'<w:r>{_SIZE_13}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    f'<w:r>{_SIZE_13}<w:fldChar w:fldCharType="separate"/></w:r>'
    f"<w:r>{_SIZE_13}<w:t>2</w:t></w:r>"
    f'<w:r>{_SIZE_13}<w:fldChar w:fldCharType="end"/></w:r>'
    "</w:p></w:txbxContent>"
)
"""A 13 pt PAGE field, left-aligned in its box (Word's frames, .doc files opened in
LibreOffice)."""


@pytest.mark.parametrize(("align", "reported"), [("center", []), ("", ["canh trái, cỡ 13"])])
def test_a_page_number_in_a_text_box_of_the_header(align: str, reported: list[str]) -> None:
    """The page number in a box centred across the margins is centred, whatever the
    alignment of the paragraph the box is anchored to; a box set at an offset from the left
    says nothing more than its paragraph."""
    document = _document()
    section = document.sections[0]
    section.different_first_page_header_footer = True  # no number on page 1
    header = section.header
    header.is_linked_to_previous = False
    anchor = header.paragraphs[0]
    anchor.paragraph_format.alignment = None
    anchor.add_run("")  # an empty run of its own, in the header's size (Word leaves one)
    anchor._p.append(_text_box_run(content=PAGE_BOX, align=align))
    # Found and judged (a page number not found is "not_evaluated").
    findings = [f for f in _findings(document) if f.rule == "page_number.position"]
    assert [f.found for f in findings] == reported
    assert {f.severity for f in findings} <= {"error"}
    assert all(f.where.startswith("đầu trang (default): đoạn 1, khung văn bản 1") for f in findings)


def test_the_space_above_a_paragraph_after_a_line_that_is_not_body_text() -> None:
    """The space is judged between a paragraph and the line just above it, whatever that
    line is ("QUYẾT ĐỊNH:" above "Điều 1." in a quyết định, a centred heading)."""
    document = _document()
    second = _body_paragraphs(document)[1]
    heading = second.insert_paragraph_before("NỘI DUNG ĐỀ NGHỊ")
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.runs[0].bold = True
    heading.runs[0].font.size = Pt(14)
    for paragraph in (heading, second):
        paragraph.paragraph_format.space_before = Pt(0)
        paragraph.paragraph_format.space_after = Pt(0)
    model = _model_of(document)
    roles = detect(model)
    assert "NỘI DUNG ĐỀ NGHỊ" not in [p.text for p in roles.body]
    [finding] = _reported(document, "body.spacing")
    assert "Trân trọng" in finding.where and finding.found == "0 pt"


def _add_tab_stop(paragraph: Paragraph, position: int, leader: str | None = None) -> None:
    tabs = paragraph._p.get_or_add_pPr().find(qn("w:tabs"))
    if tabs is None:
        tabs = etree.SubElement(paragraph._p.get_or_add_pPr(), qn("w:tabs"))
    tab = etree.SubElement(tabs, qn("w:tab"))
    tab.set(qn("w:val"), "left")
    tab.set(qn("w:pos"), str(position))
    if leader:
        tab.set(qn("w:leader"), leader)


@pytest.mark.parametrize(("stop", "reported"), [(None, []), (567, []), (284, ["0.50 cm"])])
def test_a_first_line_indent_typed_as_a_tab(stop: int | None, reported: list[str]) -> None:
    """A leading tab instead of a first-line indent: the text starts at the tab stop, Word's
    default stop (1.27 cm) or the paragraph's own (1 cm, 0.5 cm)."""
    document = _document()
    for paragraph in _body_paragraphs(document):
        paragraph.paragraph_format.first_line_indent = None
        paragraph.runs[0].text = "\t" + paragraph.runs[0].text
        if stop is not None:
            _add_tab_stop(paragraph, stop)
    assert sorted({f.found for f in _reported(document, "body.indent")}) == reported


def test_a_line_filled_by_a_dotted_tab_is_not_judged_for_alignment() -> None:
    """Mẫu 1.1's "⇥Căn cứ ⇥;": a tab with a dot leader fills the line to its stop (here
    after words enough not to be a placeholder)."""
    document = _document()
    paragraph = _body_paragraphs(document)[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.runs[0].text = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\t;"
    assert [f.found for f in _reported(document, "body.justified")] == ["canh trái"]
    _add_tab_stop(paragraph, 8789, "dot")
    assert _reported(document, "body.justified") == []


@pytest.mark.parametrize("even_pages", [False, True])
def test_an_even_page_header_counts_only_when_the_file_shows_it(even_pages: bool) -> None:
    """Word shows the even-page header only with w:evenAndOddHeaders in settings.xml: a
    leftover even header with a badly placed page number is no fault of a file that does
    not use it."""
    document = _document()
    section = document.sections[0]
    section.even_page_header.is_linked_to_previous = False
    number = section.even_page_header.paragraphs[0]
    number.text = "2"
    number.alignment = WD_ALIGN_PARAGRAPH.LEFT
    document.settings.odd_and_even_pages_header_footer = even_pages
    model = _model_of(document)
    assert ("even" in model.headers) is even_pages
    assert ("even" in model.sections[0].headers) is even_pages
