"""The công văn template (Mẫu 1.5 of Phụ lục III, NĐ 30/2020), with docxtpl tags.

Layout, top to bottom:

* header table, row 1: cơ quan chủ quản / cơ quan ban hành + rule | quốc hiệu / tiêu ngữ + rule
* header table, row 2: "Số: …" / "V/v …" / stamps | "Địa danh, ngày … tháng … năm …"
* Kính gửi: one line for one recipient, else a list whose dashes align under the colon
* body paragraphs
* signature table: Nơi nhận (+ ô 12) | quyền hạn / chức vụ / room to sign / họ tên
* header from page 2: the page number at the top centre; first-page footer: ô 13
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
    tag,
)


def build_cong_van(profile: Profile) -> bytes:
    document = new_document(profile)
    header_table(document, profile, subject=True)
    kinh_gui(document)
    tag(document, "for paragraph in doc.body")
    para(document, "body", "{{r paragraph }}")
    tag(document, "endfor")
    signature_table(document, profile)
    page_furniture(document)
    drop_unused_role_styles(document)
    return to_bytes(document, TEMPLATE_TIMESTAMP)
