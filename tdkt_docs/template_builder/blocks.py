"""The blocks every template shares: header table, Kính gửi, signature table, page
furniture. Each template (công văn, báo cáo…) composes them around its own middle part."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Mm, Pt
from docx.table import _Cell

from tdkt_docs.ooxml import add_field, clear_cell, fix_table_geometry
from tdkt_docs.profile import Profile
from tdkt_docs.roles import ROLES


def para(container: Document | _Cell, role: str, text: str = "") -> None:
    container.add_paragraph(text, style=ROLES[role].style_name)


def tag(container: Document | _Cell, statement: str) -> None:
    """A paragraph holding only a docxtpl ``{%p … %}`` tag (removed when rendered)."""
    container.add_paragraph(f"{{%p {statement} %}}", style=ROLES["filler"].style_name)


def header_table(
    document: Document, profile: Profile, *, subject: bool, date_line: bool = True
) -> None:
    """Row 1: agency | quốc hiệu + tiêu ngữ; row 2: Số (+ V/v for a công văn) | date line.
    A row of its own keeps "Số:" and the date line on one baseline. A biên bản (Mẫu 1.9)
    has no date line: its cell stays empty."""
    header = document.add_table(rows=2, cols=2)
    fix_table_geometry(
        header, [Mm(w) for w in profile.header_columns_mm], Mm(profile.cell_margin_mm)
    )
    for cell in (c for row in header.rows for c in row.cells):
        clear_cell(cell)
    agency, nation = header.cell(0, 0), header.cell(0, 1)
    tag(agency, "if doc.agency.parent")
    para(agency, "parent_agency", "{{ doc.agency.parent }}")
    tag(agency, "endif")
    para(agency, "agency", "{{ doc.agency.name }}")
    para(agency, "agency_rule")
    para(nation, "quoc_hieu", profile.quoc_hieu_text)
    para(nation, "tieu_ngu", profile.tieu_ngu_text)
    para(nation, "tieu_ngu_rule")
    number, date = header.cell(1, 0), header.cell(1, 1)
    para(
        number,
        "number",
        "Số: {{ doc.number | document_number(doc.blank_number) }}/{{ doc.symbol }}",
    )
    if subject:
        para(number, "subject", "V/v {{ doc.subject }}")
    tag(number, "if doc.secrecy")
    para(number, "secrecy", "{{ doc.secrecy }}")
    tag(number, "endif")
    tag(number, "if doc.urgency")
    para(number, "urgency", "{{ doc.urgency }}")
    tag(number, "endif")
    if date_line:
        para(date, "date_line", "{{ doc.place | date_line(doc.date, doc.blank_day) }}")
    else:
        para(date, "filler")


def kinh_gui(document: Document) -> None:
    """One recipient on the line of "Kính gửi:", several as a list under it."""
    tag(document, "if doc.recipients | length == 1")
    para(document, "kinh_gui", "Kính gửi: {{ doc.recipients[0] }}")
    tag(document, "else")
    para(document, "kinh_gui", "Kính gửi:")
    tag(document, "for recipient in doc.recipients")
    para(document, "kinh_gui_item", "- {{ recipient }}{% if loop.last %}.{% else %};{% endif %}")
    tag(document, "endfor")
    tag(document, "endif")


def structured_body(document: Document) -> None:
    """A body of blocks: headings I. / 1. / a), tables (a slot each, filled after rendering
    by tdkt_docs.appendices.fill_table_slots) and paragraphs."""
    tag(document, "for block in doc.body")
    tag(document, "if block.kind == 'heading1'")
    para(document, "heading1", "{{ block.number }}. {{r block.runs }}")
    tag(document, "elif block.kind == 'heading2'")
    para(document, "heading2", "{{ block.number }}. {{r block.runs }}")
    tag(document, "elif block.kind == 'heading3'")
    para(document, "heading3", "{{ block.number }}) {{r block.runs }}")
    tag(document, "elif block.kind == 'table'")
    para(document, "table_slot", "")
    tag(document, "else")
    para(document, "body", "{{r block.runs }}")
    tag(document, "endif")
    tag(document, "endfor")


def noi_nhan_items(cell: _Cell) -> None:
    """The Nơi nhận under its label: one item per recipient, "- Lưu: …." and ô 12."""
    tag(cell, "for item in doc.distribution")
    para(cell, "noi_nhan_item", "- {{ item }};")
    tag(cell, "endfor")
    para(cell, "noi_nhan_item", "- Lưu: {{ doc.archive }}.")
    tag(cell, "if doc.drafter")
    para(cell, "drafter", "{{ doc.drafter }}")
    tag(cell, "endif")


def signature_table(document: Document, profile: Profile) -> None:
    """Nơi nhận (+ ô 12) beside quyền hạn / chức vụ / room to sign / họ tên."""
    signature = document.add_table(rows=1, cols=2)
    # The gap after the body is the cells' top padding, so both columns start level.
    fix_table_geometry(
        signature,
        [Mm(w) for w in profile.signature_columns_mm],
        Mm(profile.cell_margin_mm),
        top=Pt(profile.signature_space_before_pt),
    )
    for cell in signature.rows[0].cells:
        clear_cell(cell)
    recipients, signer = signature.cell(0, 0), signature.cell(0, 1)
    para(recipients, "noi_nhan_label", "Nơi nhận:")
    noi_nhan_items(recipients)
    tag(signer, "for line in doc.signer.authority")
    para(signer, "authority", "{{ line }}")
    tag(signer, "endfor")
    para(signer, "signer_title", "{{ doc.signer.title }}")
    para(signer, "signer_name", "{{ doc.signer.name }}")
    # A body must end with a paragraph; keep it 2 pt high so it never spills onto a page.
    para(document, "filler")


def page_furniture(document: Document) -> None:
    """Page numbers at the top centre from page 2; ô 13 at the foot of page 1."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    page_number = section.header.paragraphs[0]
    page_number.style = document.styles[ROLES["page_number"].style_name]
    add_field(page_number, "PAGE", "2")
    section.first_page_header.paragraphs[0].style = document.styles[ROLES["filler"].style_name]
    footer = section.first_page_footer
    footer.paragraphs[0].style = document.styles[ROLES["filler"].style_name]
    first = footer.paragraphs[0]
    for text, role in (
        ("{%p for line in doc.contact_lines %}", "filler"),
        ("{{ line }}", "contact"),
        ("{%p endfor %}", "filler"),
    ):
        first.insert_paragraph_before(text, style=ROLES[role].style_name)
