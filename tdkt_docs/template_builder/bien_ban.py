"""The biên bản template (Mẫu 1.9 of Phụ lục III, ký hiệu BB).

Layout, top to bottom: the header ("Số: …/BB-…"; Mẫu 1.9 has no place and date line);
"BIÊN BẢN" and the name of the meeting in bold with a short rule; the lines "Thời gian bắt
đầu:", "Địa điểm:", "Thành phần tham dự:" with the attendees and the absent, "Chủ trì (chủ
tọa):", "Thư ký (người ghi biên bản):", "Nội dung (…):"; the body (headings, paragraphs,
the vote table); the closing "Cuộc họp kết thúc vào …./."; the signature table, THƯ KÝ on
the left and CHỦ TỌA on the right, with Nơi nhận under the secretary; page numbers from
page 2 and ô 13 on page 1.
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Mm, Pt

from tdkt_docs.docx_package import to_bytes
from tdkt_docs.ooxml import clear_cell, fix_table_geometry
from tdkt_docs.profile import Profile
from tdkt_docs.roles import ROLES
from tdkt_docs.template_builder.base import (
    TEMPLATE_TIMESTAMP,
    drop_unused_role_styles,
    new_document,
)
from tdkt_docs.template_builder.blocks import (
    header_table,
    noi_nhan_items,
    page_furniture,
    para,
    structured_body,
    tag,
)

TABLE_ROLES = ("table_unit", "table_header", "table_cell", "table_number", "filler", "body")
"""Roles of the paragraphs that body tables add to a rendered biên bản."""
NOI_NHAN_GAP_PT = 12
"""Space between the signatures and "Nơi nhận:" under them."""


def build_bien_ban(profile: Profile) -> bytes:
    document = new_document(profile)
    header_table(document, profile, subject=False, date_line=False)
    para(document, "type_title", "{{ doc.type_title }}")
    para(document, "type_extract", "{{ doc.subject }}")
    para(document, "type_extract_rule")
    para(document, "body", "{{ doc.start_line }}")
    para(document, "body", "{{ doc.location_line }}")
    para(document, "body", "Thành phần tham dự:")
    tag(document, "for line in doc.attendees")
    para(document, "body", "{{ line }}")
    tag(document, "endfor")
    tag(document, "if doc.absent_line")
    para(document, "body", "{{ doc.absent_line }}")
    tag(document, "endif")
    para(document, "body", "{{ doc.chair_line }}")
    para(document, "body", "{{ doc.secretary_line }}")
    para(document, "body", "{{ doc.content_line }}")
    structured_body(document)
    para(document, "body", "{{ doc.closing_line }}")
    signatures(document, profile)
    page_furniture(document)
    drop_unused_role_styles(document, keep=TABLE_ROLES)
    return to_bytes(document, TEMPLATE_TIMESTAMP)


def signatures(document: Document, profile: Profile) -> None:
    """THƯ KÝ (left) and CHỦ TỌA (right), each over room to sign and the name; Nơi nhận
    (+ ô 12) under the secretary, as Mẫu 1.9 places it."""
    table = document.add_table(rows=2, cols=2)
    fix_table_geometry(
        table,
        [Mm(w) for w in profile.signature_columns_mm],
        Mm(profile.cell_margin_mm),
        top=Pt(profile.signature_space_before_pt),
    )
    for cell in (c for row in table.rows for c in row.cells):
        clear_cell(cell)
    secretary, chair = table.cell(0, 0), table.cell(0, 1)
    para(secretary, "signer_title", "{{ doc.secretary_title }}")
    para(secretary, "signer_name", "{{ doc.secretary_name }}")
    para(chair, "signer_title", "{{ doc.chair_title }}")
    para(chair, "signer_name", "{{ doc.chair_name }}")
    recipients = table.cell(1, 0)
    recipients.add_paragraph("Nơi nhận:", style=ROLES["noi_nhan_label"].style_name)
    recipients.paragraphs[0].paragraph_format.space_before = Pt(NOI_NHAN_GAP_PT)
    noi_nhan_items(recipients)
    para(table.cell(1, 1), "filler")
    # A body must end with a paragraph; keep it 2 pt high so it never spills onto a page.
    para(document, "filler")
