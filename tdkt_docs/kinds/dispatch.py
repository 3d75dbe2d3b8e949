"""Công văn (Mẫu 1.5 of Phụ lục III): a letter with "V/v …" under its number, Kính gửi,
a body of paragraphs and no type name."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import Field, field_validator

from tdkt_docs.geometry import apply_to_dispatch_text
from tdkt_docs.kinds import DocumentKind
from tdkt_docs.markup import parse_body
from tdkt_docs.models import BodyDocument, ListItem, nhu_tren_first
from tdkt_docs.profile import Profile
from tdkt_docs.template_builder.cong_van import build_cong_van
from tdkt_docs.view import common_view


class Dispatch(BodyDocument):
    """A công văn (Mẫu 1.5 of Phụ lục III)."""

    TYPE_NAME: ClassVar[str] = "công văn"

    type: Literal["dispatch"] = "dispatch"
    recipients: Annotated[tuple[ListItem, ...], Field(min_length=1)] = Field(
        description="Kính gửi (ô 9a): một hoặc nhiều nơi nhận, mỗi nơi một mục; một nơi thì "
        "viết trên cùng dòng với “Kính gửi:”"
    )

    @field_validator("distribution")
    @classmethod
    def _nhu_tren(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        nhu_tren_first(value, "a công văn")
        return value

    def label(self) -> str:
        return self.recipients[0]


def dispatch_view(document: Dispatch, profile: Profile) -> dict[str, Any]:
    return {
        **common_view(document, profile),
        "recipients": list(document.recipients),
        "body": parse_body(document.body),
    }


def _fast_text(body: str, document: Dispatch, profile: Profile) -> str | None:
    return apply_to_dispatch_text(body, document, document.recipients, profile)


KIND = DocumentKind(
    model=Dispatch,
    name="công văn",
    template_name="cong_van.docx",
    build_template=build_cong_van,
    view=dispatch_view,
    example="cong_van_tuyen_truyen.yaml",
    title_prefix="V/v ",
    fast_text=_fast_text,
    description="Công văn (Mẫu 1.5 Phụ lục III Nghị định 30/2020/NĐ-CP)",
)
