"""The công văn template (Mẫu 1.5 of Phụ lục III, NĐ 30/2020), with docxtpl tags.

Layout, top to bottom:

* header table, row 1: cơ quan chủ quản / cơ quan ban hành + rule | quốc hiệu / tiêu ngữ + rule
* header table, row 2: "Số: …" / "V/v …" / stamps | "Địa danh, ngày … tháng … năm …"
  (a row of its own keeps "Số:" and the date line on one baseline)
* Kính gửi: one line for one recipient, else a list whose dashes align under the colon
* body paragraphs
* signature table: Nơi nhận (+ ô 12) | quyền hạn / chức vụ / room to sign / họ tên
* header from page 2: the page number at the top centre; first-page footer: ô 13
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Mm, Pt
from docx.table import _Cell

from tdkt_docs.docx_package import to_bytes
from tdkt_docs.ooxml import add_field, clear_cell, fix_table_geometry
from tdkt_docs.profile import Profile
from tdkt_docs.roles import ROLES
from tdkt_docs.template_builder.base import TEMPLATE_TIMESTAMP, new_document


def _para(container: Document | _Cell, role: str, text: str = "") -> None:
    container.add_paragraph(text, style=ROLES[role].style_name)


def _tag(container: Document | _Cell, tag: str) -> None:
    """A paragraph holding only a docxtpl ``{%p … %}`` tag (removed when rendered)."""
    container.add_paragraph(f"{{%p {tag} %}}", style=ROLES["filler"].style_name)


def build_cong_van(profile: Profile) -> bytes:
    document = new_document(profile)
    cell_margin = Mm(profile.cell_margin_mm)

    header = document.add_table(rows=2, cols=2)
    fix_table_geometry(header, [Mm(w) for w in profile.header_columns_mm], cell_margin)
    for cell in (c for row in header.rows for c in row.cells):
        clear_cell(cell)
    agency, nation = header.cell(0, 0), header.cell(0, 1)
    _tag(agency, "if doc.agency.parent")
    _para(agency, "parent_agency", "{{ doc.agency.parent }}")
    _tag(agency, "endif")
    _para(agency, "agency", "{{ doc.agency.name }}")
    _para(agency, "agency_rule")
    _para(nation, "quoc_hieu", profile.quoc_hieu_text)
    _para(nation, "tieu_ngu", profile.tieu_ngu_text)
    _para(nation, "tieu_ngu_rule")
    number, date = header.cell(1, 0), header.cell(1, 1)
    _para(
        number,
        "number",
        "Số: {{ doc.number | document_number(doc.blank_number) }}/{{ doc.symbol }}",
    )
    _para(number, "subject", "V/v {{ doc.subject }}")
    _tag(number, "if doc.secrecy")
    _para(number, "secrecy", "{{ doc.secrecy }}")
    _tag(number, "endif")
    _tag(number, "if doc.urgency")
    _para(number, "urgency", "{{ doc.urgency }}")
    _tag(number, "endif")
    _para(date, "date_line", "{{ doc.place | date_line(doc.date, doc.blank_day) }}")

    _tag(document, "if doc.recipients | length == 1")
    _para(document, "kinh_gui", "Kính gửi: {{ doc.recipients[0] }}")
    _tag(document, "else")
    _para(document, "kinh_gui", "Kính gửi:")
    _tag(document, "for recipient in doc.recipients")
    _para(document, "kinh_gui_item", "- {{ recipient }}{% if loop.last %}.{% else %};{% endif %}")
    _tag(document, "endfor")
    _tag(document, "endif")

    _tag(document, "for paragraph in doc.body")
    _para(document, "body", "{{r paragraph }}")
    _tag(document, "endfor")

    signature = document.add_table(rows=1, cols=2)
    # The gap after the body is the cells' top padding, so both columns start level.
    fix_table_geometry(
        signature,
        [Mm(w) for w in profile.signature_columns_mm],
        cell_margin,
        top=Pt(profile.signature_space_before_pt),
    )
    for cell in signature.rows[0].cells:
        clear_cell(cell)
    recipients, signer = signature.cell(0, 0), signature.cell(0, 1)
    _para(recipients, "noi_nhan_label", "Nơi nhận:")
    _tag(recipients, "for item in doc.distribution")
    _para(recipients, "noi_nhan_item", "- {{ item }};")
    _tag(recipients, "endfor")
    _para(recipients, "noi_nhan_item", "- Lưu: {{ doc.archive }}.")
    _tag(recipients, "if doc.drafter")
    _para(recipients, "drafter", "{{ doc.drafter }}")
    _tag(recipients, "endif")
    _tag(signer, "for line in doc.signer.authority")
    _para(signer, "authority", "{{ line }}")
    _tag(signer, "endfor")
    _para(signer, "signer_title", "{{ doc.signer.title }}")
    _para(signer, "signer_name", "{{ doc.signer.name }}")
    # A body must end with a paragraph; keep it 2 pt high so it never spills onto a page.
    _para(document, "filler")

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
    return to_bytes(document, TEMPLATE_TIMESTAMP)
