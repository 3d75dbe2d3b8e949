"""The quyết định template (Mẫu 1.2 of Phụ lục III: quyết định cá biệt quy định trực tiếp).

Layout, top to bottom:

* the header table, row 2 holding only "Số: …/QĐ-…" and the date line
* "QUYẾT ĐỊNH", "Về việc …" in bold and a short rule under them
* the issuing authority in bold capitals, on its own line with space above
* the căn cứ lines and the proposal line, italic, each a paragraph indented 1 cm
* "QUYẾT ĐỊNH:" bold, centred, on its own line
* the articles: "Điều n." in bold, then the text; numbered list lines under an article
* the signature table: Nơi nhận ("Như Điều N" first) | quyền hạn / chức vụ / họ tên
* page numbers from page 2; ô 13 at the foot of page 1

The attached list ("DANH SÁCH", its own section) is added after rendering
(tdkt_docs.kinds.decision).
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
    page_furniture,
    para,
    signature_table,
    tag,
)

ATTACHED_LIST_ROLES = (
    "appendix_label", "appendix_title", "appendix_reference", "appendix_rule", "list_group",
    "list_entry", "table_unit", "table_header", "table_cell", "table_number", "filler",
)  # fmt: skip
"""Roles of the paragraphs the attached list adds to a rendered decision."""


def build_quyet_dinh(profile: Profile) -> bytes:
    document = new_document(profile)
    header_table(document, profile, subject=False)
    para(document, "type_title", "{{ doc.type_title }}")
    para(document, "type_extract", "Về việc {{ doc.subject }}")
    para(document, "type_extract_rule")
    para(document, "issuing_authority", "{{ doc.authority }}")
    tag(document, "for line in doc.bases")
    para(document, "basis", "{{ line }}")
    tag(document, "endfor")
    para(document, "operative", "QUYẾT ĐỊNH:")
    tag(document, "for paragraph in doc.articles")
    tag(document, "if paragraph.role == 'article_item'")
    para(document, "article_item", "{{r paragraph.runs }}")
    tag(document, "else")
    para(document, "article", "{{r paragraph.runs }}")
    tag(document, "endif")
    tag(document, "endfor")
    signature_table(document, profile)
    page_furniture(document)
    drop_unused_role_styles(document, keep=ATTACHED_LIST_ROLES)
    return to_bytes(document, TEMPLATE_TIMESTAMP)
