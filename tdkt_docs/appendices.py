"""Tables and attached sections, added after rendering with python-docx: a report's body
tables and its Phụ lục, a decision's attached list.

Each attached part is a section of its own (Phụ lục I, NĐ 30/2020, Phần I, mục III.1): a
new page (landscape when asked, for wide tables), page numbers restarting at 1 (shown from
its second page, like the main text). It starts with its label ("Phụ lục", + a Roman
number when there are two or more; or "DANH SÁCH"), the title in capitals, the reference
line "(Kèm theo Báo cáo số … ngày … của …)" and a short rule, then its content. All text
goes in through python-docx, so nothing in it is ever read as template code.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.table import Table, _Cell

from tdkt_docs.markup import Run, parse_blocks, parse_body
from tdkt_docs.models import AdministrativeDocument, BodyDocument, TableSpec
from tdkt_docs.ooxml import child, element_of, fix_table_geometry, set_border
from tdkt_docs.profile import Profile
from tdkt_docs.roles import ROLES
from tdkt_docs.table_layout import (
    Alignment,
    column_alignments,
    column_widths_mm,
    is_group_row,
)
from tdkt_docs.vietnamese.dates import date_line, document_number
from tdkt_docs.vietnamese.numbers import roman

if TYPE_CHECKING:
    from tdkt_docs.kinds.report import Report


def reference_line(
    type_word: str, document: AdministrativeDocument, owner: str, profile: Profile
) -> str:
    """ "(Kèm theo Báo cáo số 12/BC-SNV ngày 14 tháng 9 năm 2023 của Sở Nội vụ tỉnh …)":
    the line under an attached list's title (Mẫu 2.1). ``type_word`` is "Báo cáo",
    "Quyết định" …; blanks stay blank for the clerk."""
    number = document_number(document.number, " " * profile.blank_number_spaces)
    date = document.date
    iso = f"{date.year}-{date.month:02d}" + (f"-{date.day:02d}" if date.day else "")
    when = date_line("", iso, " " * profile.blank_day_spaces).removeprefix(", ")
    return f"(Kèm theo {type_word} số {number}/{document.symbol} {when} của {owner})"


def _style(document: Document, role: str) -> str:
    style: str = document.styles[ROLES[role].style_name].name
    return style


def table_widths_mm(spec: TableSpec, profile: Profile, width_mm: float) -> tuple[float, ...]:
    """The given relative ``widths`` scaled to ``width_mm``, else widths from the content."""
    if spec.widths is not None:
        return tuple(width_mm * w / sum(spec.widths) for w in spec.widths)
    return column_widths_mm(
        spec.columns,
        spec.rows,
        width_mm,
        size_pt=profile.size("table"),
        cell_margin_mm=profile.cell_margin_mm,
    )


def add_table(document: Document, spec: TableSpec, profile: Profile, width_mm: float) -> Table:
    """A bordered table with a repeated, bold, centred header row; widths in the grid and
    cells; figures and STT centred, text flush left (:mod:`tdkt_docs.table_layout`)."""
    if spec.unit:
        document.add_paragraph(spec.unit, style=_style(document, "table_unit"))
    # Two rows: the header, and a model data row copied once per row of data (building
    # each row through python-docx is far too slow for a 5.000-row appendix).
    table: Table = document.add_table(rows=2, cols=len(spec.columns))
    widths = [Mm(width) for width in table_widths_mm(spec, profile, width_mm)]
    fix_table_geometry(table, widths, Mm(profile.cell_margin_mm))
    borders = element_of(table).tblPr.find(qn("w:tblBorders"))
    for edge in borders:
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")
    header = table.rows[0]
    child(element_of(header).get_or_add_trPr(), "w:tblHeader")  # repeated on every page
    for cell, text in zip(header.cells, spec.columns, strict=True):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = _style(document, "table_header")
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # one- and two-line headings
    model = element_of(table).tr_lst[1]
    tr_pr = model.get_or_add_trPr()
    cant_split = tr_pr.find(qn("w:cantSplit"))
    if cant_split is not None:
        tr_pr.remove(cant_split)  # long lists may break rows across pages
    role = {Alignment.LEFT: "table_cell", Alignment.CENTER: "table_number"}
    alignments = column_alignments(spec.columns, spec.rows)
    for tc, alignment in zip(model.tc_lst, alignments, strict=True):
        paragraph = _Cell(tc, table).paragraphs[0]
        element_of(paragraph).style = ROLES[role[alignment]].style_id
        element_of(paragraph.add_run()).add_t("")  # one w:t per cell, filled per row below
    tbl = element_of(table)
    group_model = copy.deepcopy(model)  # a row heading a group: the same cells, in bold
    for run in group_model.iter(qn("w:r")):
        run.insert(0, OxmlElement("w:rPr"))
        run[0].append(OxmlElement("w:b"))
        run[0].append(OxmlElement("w:bCs"))
    for values in spec.rows:
        row = copy.deepcopy(group_model if is_group_row(spec.columns, values) else model)
        for text_element, text in zip(row.iter(qn("w:t")), values, strict=True):
            text_element.text = text
            text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        tbl.append(row)
    tbl.remove(model)
    return table


_AFTER_PAGE_NUMBER_TYPE = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
)


def page_number_type(sect_pr: BaseOxmlElement) -> BaseOxmlElement:
    """``w:pgNumType`` of a section, created in its schema position (before ``w:cols``)."""
    found: BaseOxmlElement | None = sect_pr.find(qn("w:pgNumType"))
    if found is not None:
        return found
    element: BaseOxmlElement = OxmlElement("w:pgNumType")
    following = next(
        (e for tag in _AFTER_PAGE_NUMBER_TYPE if (e := sect_pr.find(qn(tag))) is not None), None
    )
    if following is not None:
        following.addprevious(element)
    else:
        sect_pr.append(element)
    return element


def fill_table_slots(document: Document, source: BodyDocument, profile: Profile) -> None:
    """Put each body table (a ``| … |`` block) where the template left its slot."""
    tables = [block.cells for block in parse_blocks(source.body) if block.kind == "table"]
    slot_style = ROLES["table_slot"].style_id
    filler_style = ROLES["filler"].style_id
    slots = [p for p in document.paragraphs if element_of(p).style == slot_style]
    for slot, cells in zip(slots, tables, strict=True):
        spec = TableSpec(columns=cells[0], rows=cells[1:])
        table = add_table(document, spec, profile, profile.text_width_mm)
        element_of(slot).addnext(element_of(table))
        slot.paragraph_format.space_before = Pt(4)  # the 2-pt slot stays, as a gap above
        following = element_of(table).getnext()
        if following is None or following.tag != qn("w:p"):
            # Word and LibreOffice join two tables that touch: a table that ends the body
            # would become the top rows of the signature table (and lose its borders).
            spacer = OxmlElement("w:p")
            spacer.style = filler_style
            element_of(table).addnext(spacer)


def attached_section(
    document: Document,
    profile: Profile,
    label: str,
    title: str,
    reference: str,
    *,
    landscape: bool = False,
) -> float:
    """Start a section for a list or appendix attached after the document: a new page,
    pages numbered from 1, no ô 13; its label ("Phụ lục", "DANH SÁCH"), title, reference
    line and a short rule. Returns the section's text width in mm."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    # The paragraph that ends the previous section holds no text: keep it 2 pt high.
    document.paragraphs[-1].style = _style(document, "filler")
    width, height = Mm(profile.page.width_mm), Mm(profile.page.height_mm)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    # ô 13 (address) belongs to the first page of the document only.
    section.first_page_footer.is_linked_to_previous = False
    page_numbers = page_number_type(element_of(section))
    page_numbers.set(qn("w:start"), "1")  # each attached part is numbered on its own
    text_width = (profile.page.height_mm if landscape else profile.page.width_mm) - (
        profile.margins_mm.left + profile.margins_mm.right
    )
    document.add_paragraph(label, style=_style(document, "appendix_label"))
    document.add_paragraph(title, style=_style(document, "appendix_title"))
    document.add_paragraph(reference, style=_style(document, "appendix_reference"))
    rule = document.add_paragraph(style=_style(document, "appendix_rule"))
    side = Mm(text_width * 0.42)
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = side
    rule.paragraph_format.space_after = Pt(6)
    set_border(element_of(rule).get_or_add_pPr(), ("top",), profile.rule_weight_eighth_pt)
    return text_width


def list_paragraph(document: Document, role: str, runs: Sequence[Run]) -> None:
    """A paragraph of ``role`` with these runs (bold and italic as the runs say)."""
    paragraph = document.add_paragraph(style=_style(document, role))
    for run in runs:
        added = paragraph.add_run(run.text)
        added.bold = run.bold or None
        added.italic = run.italic or None


def add_appendices(document: Document, report: Report, profile: Profile) -> None:
    if not report.appendices:
        return
    numbered = len(report.appendices) > 1
    owner = report.agency.display_name or report.agency.one_line_name
    for index, appendix in enumerate(report.appendices, start=1):
        text_width = attached_section(
            document,
            profile,
            f"Phụ lục {roman(index)}" if numbered else "Phụ lục",
            appendix.title,
            reference_line("Báo cáo", report, owner, profile),
            landscape=appendix.landscape,
        )
        if appendix.body:
            for runs in parse_body(appendix.body):
                list_paragraph(document, "body", runs)
        if appendix.table is not None:
            add_table(document, appendix.table, profile, text_width)
        document.add_paragraph(style=_style(document, "filler"))
