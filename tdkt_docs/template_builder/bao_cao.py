"""The báo cáo template (Mẫu 1.4 of Phụ lục III: a document with a type name).

Like the công văn, but row 2 of the header holds only "Số: …/BC-…", and a centred title
block follows the header: "BÁO CÁO", the trích yếu in bold and a short rule. Kính gửi is
optional (a report sent upward has it). The body has three heading levels (I., 1., a)).
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

APPENDIX_ROLES = (
    "table_unit", "table_header", "table_cell", "table_number", "appendix_label",
    "appendix_title", "appendix_reference", "appendix_rule", "filler", "body",
)  # fmt: skip
"""Roles of the paragraphs that tdkt_docs.appendices adds to a rendered report."""


def build_bao_cao(profile: Profile) -> bytes:
    document = new_document(profile)
    header_table(document, profile, subject=False)
    para(document, "type_title", "{{ doc.type_title }}")
    para(document, "type_extract", "{{ doc.subject }}")
    para(document, "type_extract_rule")
    tag(document, "if doc.recipients")
    kinh_gui(document)
    tag(document, "endif")
    structured_body(document)
    signature_table(document, profile)
    page_furniture(document)
    # Tables and appendices are added after rendering (tdkt_docs.appendices).
    drop_unused_role_styles(document, keep=APPENDIX_ROLES)
    return to_bytes(document, TEMPLATE_TIMESTAMP)
