"""Báo cáo (Mẫu 1.4 of Phụ lục III): the type name "BÁO CÁO" and a bold trích yếu above an
optional Kính gửi; a body with numbered headings (I., 1., a)) and tables; appendices."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from docx.document import Document as DocxDocument
from pydantic import Field, field_validator, model_validator

from tdkt_docs.appendices import add_appendices, fill_table_slots
from tdkt_docs.kinds import DocumentKind
from tdkt_docs.models import Appendix, BodyDocument, ListItem, structured_body
from tdkt_docs.profile import Profile
from tdkt_docs.template_builder.bao_cao import build_bao_cao
from tdkt_docs.view import blocks_view, common_view


class Report(BodyDocument):
    """A báo cáo (Mẫu 1.4 of Phụ lục III): type name, bold trích yếu, numbered headings."""

    TYPE_ABBREVIATION: ClassVar[str | None] = "BC"
    TYPE_NAME: ClassVar[str] = "báo cáo"

    type: Literal["report"] = "report"
    recipients: tuple[ListItem, ...] = Field(
        (),
        description="Kính gửi (ô 9a), cho báo cáo gửi cơ quan cấp trên, mỗi nơi một mục; bỏ "
        "trống với báo cáo khác",
    )
    """Kính gửi, for a report sent to a higher body; empty for other reports."""
    appendices: tuple[Appendix, ...] = Field(
        (),
        description="Các phụ lục kèm theo báo cáo, mỗi phụ lục một phần riêng sau báo cáo, "
        "trang nằm ngang trừ khi landscape: false",
    )

    @model_validator(mode="after")
    def _appendix_reference(self) -> Report:
        if self.appendices and self.agency.display_name is None:
            raise ValueError(
                "agency.display_name is needed for the appendix reference line "
                "(e.g. 'Sở Nội vụ tỉnh Khánh Hòa' in '(Kèm theo Báo cáo số … của …)')"
            )
        return self

    @field_validator("body")
    @classmethod
    def _headings(cls, value: str) -> str:
        return structured_body(value)

    def label(self) -> str:
        return self.recipients[0] if self.recipients else self.subject


def report_view(document: Report, profile: Profile) -> dict[str, Any]:
    return {
        **common_view(document, profile),
        "type_title": "BÁO CÁO",
        "recipients": list(document.recipients),
        "body": blocks_view(document.body),
    }


def finish_report(document: DocxDocument, report: Report, profile: Profile) -> None:
    """Body tables where the template left their slots, then the appendices."""
    fill_table_slots(document, report, profile)
    add_appendices(document, report, profile)


KIND = DocumentKind(
    model=Report,
    name="báo cáo",
    template_name="bao_cao.docx",
    build_template=build_bao_cao,
    view=report_view,
    example="bao_cao_thang.yaml",
    type_title="BÁO CÁO",
    finish=finish_report,
    plain_only=lambda report: bool(report.appendices),
    description="Báo cáo (Mẫu 1.4 Phụ lục III Nghị định 30/2020/NĐ-CP)",
)
