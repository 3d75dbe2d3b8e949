"""Tờ trình (Mẫu 1.4 of Phụ lục III, ký hiệu TTr): a document sent upward to propose a
decision, such as a Sở Nội vụ's appraisal of nominations to the Chủ tịch UBND tỉnh
(tdkt-awards.md §3).

"TỜ TRÌNH" and the trích yếu, Kính gửi, the căn cứ lines, then the body in the markup of
a báo cáo (numbered headings, tables): the proposal, the enclosure line "(Có … kèm
theo)." and the closing "… kính trình … xem xét, quyết định./.", whose "./." is added when
it is missing.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from docx.document import Document as DocxDocument
from pydantic import AfterValidator, Field, field_validator

from tdkt_docs.appendices import fill_table_slots
from tdkt_docs.kinds import DocumentKind
from tdkt_docs.markup import Run, parse_blocks
from tdkt_docs.models import TITLE, BodyDocument, Line, ListItem, basis_line, structured_body
from tdkt_docs.profile import Profile
from tdkt_docs.template_builder.to_trinh import build_to_trinh
from tdkt_docs.view import blocks_view, common_view

END_MARK = "./."


class Submission(BodyDocument):
    """A tờ trình: Kính gửi, căn cứ lines, a structured body ending with the request."""

    TYPE_ABBREVIATION: ClassVar[str | None] = "TTr"
    TYPE_NAME: ClassVar[str] = "tờ trình"

    type: Literal["submission"] = "submission"
    recipients: Annotated[tuple[ListItem, ...], Field(min_length=1)] = Field(
        description="Kính gửi (ô 9a), mỗi nơi một mục: Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa"
    )
    """Kính gửi: "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa" (a tờ trình goes upward)."""
    bases: tuple[Annotated[Line, TITLE, AfterValidator(basis_line)], ...] = Field(
        (), description="Các căn cứ, mỗi dòng bắt đầu “Căn cứ”; dấu “;” cuối dòng được thêm"
    )

    @field_validator("body")
    @classmethod
    def _headings(cls, value: str) -> str:
        structured_body(value)
        if parse_blocks(value)[-1].kind != "paragraph":
            raise ValueError(
                "end with the request, e.g. 'Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân "
                "tỉnh xem xét, quyết định./.'"
            )
        return value

    def label(self) -> str:
        return self.recipients[0]


def submission_view(document: Submission, profile: Profile) -> dict[str, Any]:
    blocks = blocks_view(document.body)
    last = blocks[-1]
    runs: tuple[Run, ...] = last["runs"]
    closing = runs[-1]
    if not closing.text.endswith(END_MARK):
        # "./." closes the content (every model of Phụ lục III).
        text = closing.text.rstrip(" .") + END_MARK
        blocks[-1] = {**last, "runs": (*runs[:-1], Run(text, closing.bold, closing.italic))}
    return {
        **common_view(document, profile),
        "type_title": "TỜ TRÌNH",
        "recipients": list(document.recipients),
        # Each căn cứ ends ";": they lead into the proposal that follows them.
        "bases": [f"{line};" for line in document.bases],
        "body": blocks,
    }


def finish_submission(document: DocxDocument, submission: Submission, profile: Profile) -> None:
    fill_table_slots(document, submission, profile)


KIND = DocumentKind(
    model=Submission,
    name="tờ trình",
    template_name="to_trinh.docx",
    build_template=build_to_trinh,
    view=submission_view,
    example="to_trinh_khen_thuong.yaml",
    type_title="TỜ TRÌNH",
    finish=finish_submission,
    description="Tờ trình (Mẫu 1.4 Phụ lục III Nghị định 30/2020/NĐ-CP, ký hiệu TTr), như "
    "tờ trình đề nghị khen thưởng",
)
