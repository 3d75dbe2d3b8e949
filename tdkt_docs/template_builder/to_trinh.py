"""The tờ trình template (Mẫu 1.4 of Phụ lục III with Kính gửi, ký hiệu TTr).

Layout, top to bottom: the header ("Số: …/TTr-…" | date line); "TỜ TRÌNH" and the trích
yếu in bold with a short rule; Kính gửi; the căn cứ lines; the body (the proposal, its
headings and tables, the enclosure line and the closing "… kính trình … xem xét, quyết
định./."); the signature table; page numbers from page 2 and ô 13 on page 1.
"""

from __future__ import annotations

from tdkt_docs.docx_package import to_bytes
from tdkt_docs.profile import Profile
from tdkt_docs.template_builder.base import (
    TEMPLATE_TIMESTAMP,
    drop_unused_role_styles,
    new_document,
)
from tdkt_docs.template_builder.blocks import (
    header_table,
    kinh_gui,
    page_furniture,
    para,
    signature_table,
    structured_body,
    tag,
)

TABLE_ROLES = ("table_unit", "table_header", "table_cell", "table_number", "filler", "body")
"""Roles of the paragraphs that body tables add to a rendered tờ trình."""


def build_to_trinh(profile: Profile) -> bytes:
    document = new_document(profile)
    header_table(document, profile, subject=False)
    para(document, "type_title", "{{ doc.type_title }}")
    para(document, "type_extract", "{{ doc.subject }}")
    para(document, "type_extract_rule")
    kinh_gui(document)
    tag(document, "for line in doc.bases")
    para(document, "body", "{{ line }}")
    tag(document, "endfor")
    structured_body(document)
    signature_table(document, profile)
    page_furniture(document)
    drop_unused_role_styles(document, keep=TABLE_ROLES)
    return to_bytes(document, TEMPLATE_TIMESTAMP)
