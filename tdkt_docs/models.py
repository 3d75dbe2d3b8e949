"""The validated domain model of a document (pydantic v2, immutable).

Values are checked against ND30 here, once, with messages that say what is expected. Text
is NFC-normalised and stripped of stray whitespace on the way in (see :mod:`tdkt_docs.text`).

The models are also the source of the input's JSON Schema (:mod:`tdkt_docs.schema`): each
field has a Vietnamese description, and where a validator accepts another shape than the
validated one (``archive: VT, PTĐKT`` for a list, ``date: 2023-09`` for an
:class:`IssueDate`), the field says so with ``json_schema_input_type`` or a JSON Schema
hook, next to that validator.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, ClassVar, Literal, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    GetPydanticSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from tdkt_docs.markup import MarkupError, parse_blocks, parse_body, plain_text
from tdkt_docs.text import clean_block, clean_line, find_forbidden, is_all_caps
from tdkt_docs.vietnamese.numbers import format_number


def _line(value: Any) -> Any:
    if isinstance(value, str):
        cleaned = clean_line(value)
        if not cleaned:
            raise ValueError("must not be empty")
        return cleaned
    if isinstance(value, bool) or value is None:
        return value  # let pydantic report the wrong type
    if isinstance(value, int | float):
        return clean_line(str(value))
    return value


def _block(value: Any) -> Any:
    if isinstance(value, str):
        cleaned = clean_block(value)
        if not cleaned:
            raise ValueError("must not be empty")
        return cleaned
    return value


def _caps(value: str) -> str:
    if not is_all_caps(value):
        raise ValueError(f"expected capitals, e.g. '{value.upper()}'")
    return value


class MarkupText:
    """Marks a field whose text is body markup (paragraphs, ``*italic*``, headings,
    tables): data put into it is escaped first (:func:`tdkt_docs.markup.escape`)."""

    def __repr__(self) -> str:
        return "MarkupText()"


MARKUP = MarkupText()


def length_check(limit: int, reason: str) -> Callable[[str], str]:
    """A length limit in characters, with where it comes from (shown in the message)."""

    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(
                f"is {format_number(len(value))} characters long; at most "
                f"{format_number(limit)} ({reason})"
            )
        return value

    return check


@dataclass(frozen=True)
class LengthLimit:
    """A length limit on a text, checked once the text is cleaned, and its ``maxLength``
    in the JSON Schema."""

    limit: int
    reason: str

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(
            length_check(self.limit, self.reason), handler(source)
        )

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {**handler(schema), "maxLength": self.limit}


def at_most(limit: int, reason: str) -> LengthLimit:
    return LengthLimit(limit, reason)


def reshape_model_schema(
    schema: CoreSchema,
    handler: GetJsonSchemaHandler,
    reshape: Callable[[JsonSchemaValue], JsonSchemaValue],
) -> JsonSchemaValue:
    """A model's JSON Schema, changed by ``reshape`` in place: pydantic hands a model's
    ``__get_pydantic_json_schema__`` either the schema or a ``$ref`` to it (by version),
    and each ``$ref`` must see the change."""
    json_schema = handler(schema)
    definition = handler.resolve_ref_schema(json_schema)
    reshaped = reshape(dict(definition))
    definition.clear()
    definition.update(reshaped)
    return json_schema


_LINE = BeforeValidator(_line, json_schema_input_type=str | float)
"""A line is typed as text, or as a number that is read as its digits (``phone: 0258…``)."""
Line = Annotated[str, _LINE]
"""One line of text: NFC, single spaces, no control characters, not empty."""
CapsLine = Annotated[str, _LINE, AfterValidator(_caps)]
Block = Annotated[str, BeforeValidator(_block), MARKUP]
"""Multi-line body markup (see :mod:`tdkt_docs.markup`)."""

# Length limits. Where Nghị định 30 Phụ lục VI sets the length of a metadata field, the
# same limit applies to the text it records; the others keep a line on its line.
PHU_LUC_VI = "Nghị định 30/2020/NĐ-CP, Phụ lục VI"
ORGAN_NAME = at_most(200, f"{PHU_LUC_VI}: tên cơ quan, tổ chức")
PLACE = at_most(50, "the date line stays on one line")
CONTACT = at_most(200, "one line of ô 13")
SHORT_CONTACT = at_most(100, "one line of ô 13")
SYMBOL_LENGTH = 30
_notation_length = length_check(SYMBOL_LENGTH, f"{PHU_LUC_VI}: ký hiệu của văn bản")
SUBJECT = at_most(500, f"{PHU_LUC_VI}: trích yếu nội dung")
BODY = at_most(100_000, "about 40 pages; split a longer text into appendices")
POSITION = at_most(100, f"{PHU_LUC_VI}: chức vụ của người ký")
FULL_NAME = at_most(50, f"{PHU_LUC_VI}: họ và tên người ký")
ARCHIVE_ITEM = at_most(50, "an abbreviation such as VT or PTĐKT")
INITIALS = at_most(20, "the drafter's initials, such as PL")
TITLE = at_most(500, "a title of a few lines")
CELL = at_most(5_000, "one table cell")
HEADING = at_most(200, "a column heading")


def _list_item(value: str) -> str:
    # The dash and the final ";" or "." are added by the template: drop ones typed by hand.
    value = re.sub(r"^[-–]\s*", "", value)
    value = re.sub(r"\s*[;.]$", "", value)
    if not value:
        raise ValueError("must not be empty")
    return value


ListItem = Annotated[str, _LINE, AfterValidator(_list_item), ORGAN_NAME]


def _split_lines(value: Any) -> Any:
    if isinstance(value, str):
        return [line for line in value.split("\n") if line.strip()]
    return value


def _split_commas(value: Any) -> Any:
    if isinstance(value, str):
        return [item for item in value.split(",") if item.strip()]
    return value


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


MAX_NAME_LINES = 3


def _name_lines(value: Any) -> Any:
    """An agency name, on one line or on the lines the author chose: a UBND writes
    "ỦY BAN NHÂN DÂN" over "TỈNH KHÁNH HÒA" (a list, or a YAML block with line breaks)."""
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        value = "\n".join(value)
    if not isinstance(value, str):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    problem = find_forbidden(value)  # before anything is stripped away
    if problem:
        raise ValueError(f"must not contain a {problem}")
    lines = [clean_line(line) for line in value.strip().split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise ValueError("must not be empty")
    if len(lines) > MAX_NAME_LINES:
        raise ValueError(f"has {len(lines)} lines; at most {MAX_NAME_LINES}")
    return "\n".join(lines)


AgencyName = Annotated[
    str,
    BeforeValidator(_name_lines, json_schema_input_type=str | list[str]),
    AfterValidator(_caps),
    ORGAN_NAME,
]
"""Capitals, on one line or up to three (a line break where the author wants it)."""


def _or_path(schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
    return {
        "anyOf": [
            handler(schema),
            {
                **handler(core_schema.str_schema()),
                "description": "Đường dẫn tới tệp hồ sơ cơ quan (YAML hoặc JSON), tính từ thư "
                "mục của văn bản, ví dụ agency.yaml",
            },
        ]
    }


OR_PROFILE_PATH = GetPydanticSchema(get_pydantic_json_schema=_or_path)
"""In a document file, the agency may be the path of a profile instead of its fields: the
loader reads it (:func:`tdkt_docs.loader.resolve_agency`); the input schema says so."""


class Agency(Model):
    """The issuing agency (ô 2) and where it sits (ô 4), with its contact lines (ô 13)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Cơ quan ban hành văn bản (ô 2), địa danh (ô 4) và dòng liên hệ (ô 13)"
        }
    )

    parent: Annotated[CapsLine, ORGAN_NAME] | None = Field(
        None,
        description="Tên cơ quan, tổ chức chủ quản trực tiếp (ô 2), chữ in hoa: "
        "UBND TỈNH KHÁNH HÒA; bỏ trống nếu không có",
    )
    """Cơ quan chủ quản, e.g. ``UBND TỈNH KHÁNH HÒA``; ``None`` when there is none."""
    name: AgencyName = Field(
        description="Tên cơ quan, tổ chức ban hành văn bản (ô 2), chữ in hoa: SỞ NỘI VỤ; "
        "xuống dòng ở chỗ muốn ngắt (tối đa 3 dòng): ỦY BAN NHÂN DÂN / TỈNH KHÁNH HÒA"
    )
    """Tên cơ quan ban hành, e.g. ``SỞ NỘI VỤ``; ``ỦY BAN NHÂN DÂN\\nTỈNH KHÁNH HÒA`` on two
    lines."""
    place: Annotated[Line, PLACE] = Field(
        description="Địa danh của dòng ngày tháng (ô 4), viết hoa chữ cái đầu: Khánh Hòa"
    )
    """Địa danh of the date line, e.g. ``Khánh Hòa``."""
    display_name: Annotated[Line, ORGAN_NAME] | None = Field(
        None,
        description="Tên cơ quan viết trong câu, cho dòng “(Kèm theo … của …)” của phụ lục: "
        "Sở Nội vụ tỉnh Khánh Hòa",
    )
    """The name in running text, e.g. ``Sở Nội vụ tỉnh Khánh Hòa`` (appendix reference lines)."""
    address: Annotated[Line, CONTACT] | None = Field(
        None, description="Địa chỉ (ô 13, cuối trang đầu)"
    )
    phone: Annotated[Line, SHORT_CONTACT] | None = Field(
        None, description="Số điện thoại (ô 13); viết trong ngoặc kép để giữ dấu cách"
    )
    fax: Annotated[Line, SHORT_CONTACT] | None = Field(None, description="Số fax (ô 13)")
    email: Annotated[Line, SHORT_CONTACT] | None = Field(
        None, description="Địa chỉ thư điện tử (ô 13)"
    )
    website: Annotated[Line, SHORT_CONTACT] | None = Field(
        None, description="Trang thông tin điện tử (ô 13)"
    )

    @property
    def one_line_name(self) -> str:
        """The name on one line (document properties, running text)."""
        return self.name.replace("\n", " ")

    @field_validator("place")
    @classmethod
    def _capitalised(cls, value: str) -> str:
        if not value[0].isupper():
            raise ValueError(
                f"a place name starts with a capital, e.g. '{value[0].upper()}{value[1:]}'"
            )
        return value


DATE_PATTERN = r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*"
"""How a date is typed: YYYY-MM-DD, or YYYY-MM with the day left blank."""


class IssueDate(Model):
    """The issue date; ``day`` is ``None`` when the clerk writes it at signing."""

    year: int = Field(ge=1945, le=2200, description="Năm")
    month: int = Field(ge=1, le=12, description="Tháng")
    day: int | None = Field(
        default=None, ge=1, le=31, description="Ngày; để trống cho văn thư điền khi ký"
    )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # In a file the date is typed as text (an unquoted YAML date is text to an editor).
        typed = handler(core_schema.str_schema(pattern=f"^{DATE_PATTERN}$"))
        return reshape_model_schema(schema, handler, lambda fields: typed)

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, str):
            match = re.fullmatch(DATE_PATTERN, value)
            if not match:
                raise ValueError(f"expected YYYY-MM-DD or YYYY-MM (day left blank), got {value!r}")
            year, month, day = match.groups()
            return {"year": int(year), "month": int(month), "day": int(day) if day else None}
        return value

    @model_validator(mode="after")
    def _real_date(self) -> IssueDate:
        if self.day is not None:
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError as exc:
                raise ValueError(
                    f"{self.year}-{self.month:02d}-{self.day:02d} is not a date"
                ) from exc
        return self


AUTHORITY_PREFIXES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
AuthorityLines = tuple[Annotated[CapsLine, POSITION], ...]


class Signer(Model):
    """ô 7: quyền hạn (authority lines), chức vụ (title) and họ tên (name)."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Người ký văn bản: quyền hạn, chức vụ, họ và tên"}
    )

    authority: Annotated[
        AuthorityLines,
        BeforeValidator(_split_lines, json_schema_input_type=AuthorityLines | str),
    ] = Field(
        (),
        description="Quyền hạn ký (ô 7a), chữ in hoa, mỗi dòng bắt đầu bằng TM., KT., TL., "
        "TUQ. hoặc Q.: KT. GIÁM ĐỐC; danh sách hoặc chuỗi mỗi dòng một quyền hạn; bỏ trống "
        "khi người đứng đầu ký",
    )
    """Lines such as ``KT. GIÁM ĐỐC`` or ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH``."""
    title: Annotated[CapsLine, POSITION] = Field(
        description="Chức vụ của người ký (ô 7a), chữ in hoa: PHÓ GIÁM ĐỐC"
    )
    name: Annotated[Line, FULL_NAME] = Field(
        description="Họ và tên người ký (ô 7b), chữ thường: Huỳnh Mạnh Thắng"
    )

    @field_validator("authority")
    @classmethod
    def _prefixes(cls, lines: tuple[str, ...]) -> tuple[str, ...]:
        seen: list[str] = []
        for index, line in enumerate(lines):
            prefix = line.split(" ", 1)[0]
            if prefix not in AUTHORITY_PREFIXES or " " not in line:
                raise ValueError(
                    f"line {index + 1} {line!r} must start with one of "
                    f"{', '.join(AUTHORITY_PREFIXES)} followed by a title"
                )
            if prefix in seen:
                raise ValueError(f"{prefix} appears twice")
            if prefix == "TM." and index != 0:
                raise ValueError("TM. (thay mặt) must be the first line")
            if prefix == "KT." and index != len(lines) - 1:
                raise ValueError("KT. (ký thay) must be the last authority line")
            seen.append(prefix)
        if "TUQ." in seen and "TL." in seen:
            raise ValueError("TUQ. and TL. cannot be combined")
        return lines

    @field_validator("name")
    @classmethod
    def _normal_case(cls, value: str) -> str:
        if len(value) > 3 and is_all_caps(value):
            raise ValueError(f"the signer's name is written in normal case, e.g. '{value.title()}'")
        return value


class Drafter(Model):
    """ô 12: the drafter's initials and the number of copies issued, e.g. ``PL.(300)``."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Ký hiệu người soạn thảo và số lượng bản phát hành (ô 12): PL.(300)"
        }
    )

    initials: Annotated[CapsLine, INITIALS] = Field(
        description="Chữ viết tắt tên người soạn thảo (ô 12), chữ in hoa: PL"
    )
    copies: int | None = Field(
        default=None,
        ge=1,
        le=999_999,
        description="Số lượng bản phát hành (ô 12): 300 trong PL.(300); bỏ trống nếu không ghi",
    )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # The initials alone may be given as a string (see _from_text).
        def or_initials(fields: JsonSchemaValue) -> JsonSchemaValue:
            initials = fields["properties"]["initials"]
            only = {**initials, "description": "Chỉ chữ viết tắt tên người soạn thảo: PL"}
            return {"anyOf": [fields, only]}

        return reshape_model_schema(schema, handler, or_initials)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"initials": value} if isinstance(value, str) else value


Urgency = Literal["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"]
Secrecy = Literal["MẬT", "TỐI MẬT", "TUYỆT MẬT"]
URGENCY: tuple[str, ...] = get_args(Urgency)
SECRECY: tuple[str, ...] = get_args(Secrecy)


def _any_case(choices: tuple[str, ...]) -> str:
    """A pattern for the choices as :func:`_mark` reads them: any case, any spaces, and
    the old tone placement HOẢ for HỎA."""

    def letters(choice: str) -> str:
        words = (
            "".join(f"[{c}{c.lower()}]" if c.lower() != c else re.escape(c) for c in word)
            for word in choice.split()
        )
        return r"\s+".join(words)

    spellings = sorted({s for choice in choices for s in (choice, choice.replace("HỎA", "HOẢ"))})
    return rf"^\s*(?:{'|'.join(letters(s) for s in spellings)})\s*$"


def _mark(choices: Any) -> Any:
    allowed: tuple[str, ...] = get_args(choices)

    def parse(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = clean_line(value).upper().replace("HOẢ", "HỎA")
        if text not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}, got {value!r}")
        return text

    typed = choices | Annotated[str, Field(pattern=_any_case(allowed))] | None
    return BeforeValidator(parse, json_schema_input_type=typed)


_VIETNAMESE_LETTERS = "A-Za-zÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9"
SYMBOL_PATTERN = rf"^[0-9{_VIETNAMESE_LETTERS}]+(?:-[0-9{_VIETNAMESE_LETTERS}]+)*$"
MIXED_CASE_ABBREVIATIONS = ("QyĐ", "CTr", "TTr", "TrS")
"""Phụ lục III writes these type abbreviations in mixed case; every other group is capitals."""

IssueNumber = Annotated[int, Field(ge=1, le=999_999)]
"""A document's số, once read."""
DIGITS_OR_BLANK = r"^\s*[0-9]*\s*$"
"""A số may also be typed as text: digits (``"010"``), or blank for none."""
ArchiveItems = Annotated[tuple[Annotated[Line, ARCHIVE_ITEM], ...], Field(min_length=1)]
"""The "Lưu" items, once read (they may be typed as one comma-separated string)."""


class AdministrativeDocument(Model):
    """What every văn bản hành chính has: header, number, date, subject, Nơi nhận, signature.

    Each document type (a *kind*, :mod:`tdkt_docs.kinds`) is a subclass with its ``type``
    field and its own parts (a body, articles, Kính gửi …). ``TYPE_ABBREVIATION`` is the
    abbreviation its ký hiệu starts with (``BC`` for ``BC-SNV``; ``None`` for a công văn,
    which has none).
    """

    TYPE_ABBREVIATION: ClassVar[str | None] = None
    TYPE_NAME: ClassVar[str] = "văn bản"
    """The type's name in Vietnamese, in messages ("a báo cáo's ký hiệu …")."""

    type: str = Field(description="Loại văn bản; mỗi loại có các khóa riêng")
    """The kind's name (``dispatch``, ``report`` …): each kind fixes it with a default."""

    agency: Annotated[Agency, OR_PROFILE_PATH] = Field(
        description="Cơ quan ban hành (ô 2), địa danh (ô 4) và dòng liên hệ (ô 13): các trường "
        "viết tại đây, hoặc đường dẫn tới tệp hồ sơ cơ quan, ví dụ agency.yaml"
    )
    number: IssueNumber | None = Field(
        default=None,
        description="Số của văn bản (ô 3), từ 1 đến 999999; số dưới 10 có thêm số 0 (5 → 05). "
        "Để trống cho văn thư điền khi ký",
    )
    """Số; ``None`` leaves a blank for the clerk to fill at signing."""
    symbol: str = Field(
        description="Ký hiệu của văn bản (ô 3), sau dấu “/”: các chữ viết tắt in hoa nối bằng "
        "“-”, không có dấu cách; công văn: SNV-TĐKT, văn bản có tên loại bắt đầu bằng chữ "
        "viết tắt tên loại: BC-SNV"
    )
    """Ký hiệu, e.g. ``SNV-TĐKT``: agency and unit abbreviations joined by hyphens."""
    date: IssueDate = Field(
        description="Ngày ban hành (ô 4): YYYY-MM-DD, hoặc YYYY-MM để trống ngày cho văn thư "
        "điền khi ký"
    )
    subject: Annotated[Line, SUBJECT] = Field(
        description="Trích yếu nội dung (ô 5a, 5b), viết không có “V/v” hay “Về việc” (mẫu tự thêm)"
    )
    """Trích yếu, written after "V/v" or "Về việc" (the template adds it)."""
    distribution: Annotated[tuple[ListItem, ...], Field(min_length=1)] = Field(
        description="Nơi nhận (ô 9b) trước dòng “Lưu”, mỗi nơi một mục, không cần gạch đầu dòng "
        "và dấu “;”; nơi nhận của công văn bắt đầu bằng “Như trên”"
    )
    """Nơi nhận before the "Lưu" line (a công văn's starts with "Như trên", its Kính gửi)."""
    archive: Annotated[
        ArchiveItems,
        BeforeValidator(
            _split_commas,
            json_schema_input_type=ArchiveItems | Annotated[str, Field(pattern=r"[^,\s]")],
        ),
    ] = Field(
        description="Dòng “Lưu” của nơi nhận (ô 9b): danh sách, hoặc chuỗi cách nhau bằng dấu "
        "phẩy, bắt đầu bằng VT (Văn thư): VT, PTĐKT"
    )
    signer: Signer = Field(description="Người ký (ô 7): quyền hạn, chức vụ và họ tên")
    urgency: Annotated[str | None, _mark(Urgency)] = Field(
        None,
        description="Dấu mức độ khẩn (ô 10b): KHẨN, THƯỢNG KHẨN hoặc HỎA TỐC, không phân biệt "
        "chữ hoa, chữ thường",
    )
    secrecy: Annotated[str | None, _mark(Secrecy)] = Field(
        None,
        description="Dấu độ mật (ô 10a): MẬT, TỐI MẬT hoặc TUYỆT MẬT, không phân biệt chữ hoa, "
        "chữ thường",
    )
    drafter: Drafter | None = Field(
        None,
        description="Ký hiệu người soạn thảo và số lượng bản phát hành (ô 12), ví dụ PL.(300): "
        "{initials, copies}, hoặc chỉ chữ viết tắt: PL",
    )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # The loader asks for ``type`` (each kind's model has it as a default, its name),
        # and a kind with a type abbreviation has its ký hiệu start with it.
        def of_kind(json_schema: JsonSchemaValue) -> JsonSchemaValue:
            fields = json_schema["properties"]
            value = cls.model_fields["type"].default
            if isinstance(value, str):
                description = f"Loại văn bản: {value} ({cls.TYPE_NAME})"
                fields["type"] = {"description": description, **fields["type"]}
                json_schema["required"] = ["type", *json_schema.get("required", [])]
            if cls.TYPE_ABBREVIATION is not None:
                prefix = re.escape(f"{cls.TYPE_ABBREVIATION}-")
                pattern = f"^{prefix}{SYMBOL_PATTERN.removeprefix('^')}"
                fields["symbol"] = {**fields["symbol"], "pattern": pattern}
            return json_schema

        return reshape_model_schema(schema, handler, of_kind)

    @field_validator(
        "number",
        mode="before",
        json_schema_input_type=IssueNumber | Annotated[str, Field(pattern=DIGITS_OR_BLANK)] | None,
    )
    @classmethod
    def _number(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"expected a whole number from 1, got {value!r}")
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator(
        "symbol",
        mode="before",
        json_schema_input_type=Annotated[
            str, Field(pattern=SYMBOL_PATTERN, max_length=SYMBOL_LENGTH)
        ],
    )
    @classmethod
    def _symbol(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        value = _notation_length(clean_line(value))
        if not re.fullmatch(SYMBOL_PATTERN, value):
            raise ValueError(
                "expected abbreviations joined by '-' with no spaces or '/', "
                f"e.g. 'SNV-TĐKT', got {value!r}"
            )
        for group in value.split("-"):
            if group != group.upper() and group not in MIXED_CASE_ABBREVIATIONS:
                raise ValueError(
                    f"the ký hiệu is written in capitals: {group!r} should be {group.upper()!r}"
                )
        return value

    @field_validator("symbol")
    @classmethod
    def _type_abbreviation(cls, value: str) -> str:
        abbreviation = cls.TYPE_ABBREVIATION
        if abbreviation is None:
            if value.upper().startswith("CV-"):
                raise ValueError(
                    f"a {cls.TYPE_NAME} has no type abbreviation: drop 'CV-' (ND30 Phụ lục III)"
                )
        elif not value.startswith(f"{abbreviation}-"):
            raise ValueError(
                f"a {cls.TYPE_NAME}'s ký hiệu starts with '{abbreviation}-', "
                f"e.g. '{abbreviation}-SNV', got {value!r}"
            )
        return value

    @field_validator("subject")
    @classmethod
    def _no_vv(cls, value: str) -> str:
        if re.match(r"(?i)v/v\b|về việc\b", value):
            raise ValueError("write the subject without 'V/v'; the template adds it")
        return value

    @field_validator("archive")
    @classmethod
    def _archive(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        items = tuple(re.sub(r"\.$", "", item).strip() for item in value)
        if items[0] != "VT":
            rest = ", ".join(item for item in items if item != "VT")
            raise ValueError(f"expected 'VT' (Văn thư) first, e.g. [VT, {rest}]")
        return items

    def label(self) -> str:
        """A short text naming this document: a batch makes its file name from it."""
        return self.subject


class BodyDocument(AdministrativeDocument):
    """A document whose content is a body of paragraphs (``body``, in the markup of
    :mod:`tdkt_docs.markup`)."""

    body: Annotated[Block, BODY] = Field(
        description="Nội dung văn bản (ô 6): các đoạn cách nhau một dòng trống; *nghiêng*, "
        "**đậm**; báo cáo có đề mục “# ”, “## ”, “### ” và bảng “| … |”"
    )

    @field_validator("body")
    @classmethod
    def _markup(cls, value: str) -> str:
        try:
            paragraphs = parse_body(value)
        except MarkupError as exc:
            raise ValueError(str(exc)) from exc
        if not paragraphs:
            raise ValueError("must hold at least one paragraph")
        for index, paragraph in enumerate(paragraphs, start=1):
            if not plain_text(paragraph).strip():
                raise ValueError(f"paragraph {index} holds only formatting marks")
        return value


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError(f"expected text or a number, got {value!r}")
    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return clean_line(value)
    return value


Cell = Annotated[str, BeforeValidator(_cell, json_schema_input_type=str | float | None), CELL]
"""A table cell: text, a number, or nothing (an empty cell)."""


class TableSpec(Model):
    """A table: column headings, rows of cells, optional relative widths and unit line."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Một bảng: tiêu đề cột, các hàng, độ rộng, đơn vị tính"}
    )

    columns: Annotated[tuple[Annotated[Line, HEADING], ...], Field(min_length=1, max_length=20)] = (
        Field(description="Tiêu đề các cột (1 đến 20 cột), in đậm, lặp lại ở đầu mỗi trang")
    )
    rows: tuple[tuple[Cell, ...], ...] = Field(
        (),
        description="Các hàng của bảng; mỗi hàng là danh sách các ô (chữ, số hoặc để trống), "
        "đủ một ô cho mỗi cột",
    )
    widths: tuple[Annotated[float, Field(gt=0)], ...] | None = Field(
        None,
        description="Độ rộng tương đối của các cột, mỗi cột một số: [1, 4, 2]; bỏ trống để độ "
        "rộng theo nội dung",
    )
    """Relative column widths, e.g. [1, 4, 2]; equal when absent."""
    unit: Annotated[Line, TITLE] | None = Field(
        None, description="Dòng phía trên bảng, in nghiêng, căn phải: Đơn vị tính: đồng"
    )
    """A line above the table such as "Đơn vị tính: đồng" (italic, right-aligned)."""

    @model_validator(mode="after")
    def _shape(self) -> TableSpec:
        count = len(self.columns)
        if self.widths is not None and len(self.widths) != count:
            raise ValueError(f"widths: expected {count} values, one per column")
        for index, row in enumerate(self.rows, start=1):
            if len(row) != count:
                raise ValueError(f"rows[{index - 1}]: expected {count} cells, got {len(row)}")
        return self


class Appendix(Model):
    """A Phụ lục after the report: its own section, landscape by default, pages from 1."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Một phụ lục sau báo cáo: phần riêng, trang đánh số từ 1"}
    )

    title: Annotated[CapsLine, TITLE] = Field(description="Tên phụ lục, chữ in hoa")
    body: Annotated[Block, BODY] | None = Field(
        None, description="Nội dung phụ lục, viết như nội dung văn bản (body)"
    )
    table: TableSpec | None = Field(None, description="Bảng của phụ lục, sau nội dung")
    landscape: bool = Field(
        True, description="Trang nằm ngang (true, mặc định) hoặc trang dọc (false)"
    )


def structured_body(value: str) -> str:
    """A body with headings (báo cáo, tờ trình): parsed, its level-1 headings in capitals."""
    try:
        blocks = parse_blocks(value)
    except MarkupError as exc:
        raise ValueError(str(exc)) from exc
    for block in blocks:
        title = plain_text(block.runs)
        if block.kind == "heading1" and not is_all_caps(title):
            raise ValueError(
                f"a level-1 heading is written in capitals (ND30): '# {title.upper()}'"
            )
    return value


def basis_line(value: str) -> str:
    """A căn cứ line: it starts "Căn cứ"; the punctuation at its end is the layout's."""
    if not value.startswith("Căn cứ"):
        raise ValueError(
            f"a căn cứ line starts with 'Căn cứ', e.g. 'Căn cứ Luật Thi đua, khen thưởng', "
            f"got {value!r}"
        )
    return value.rstrip(" ;.,")


Document = AdministrativeDocument
"""Any document of a registered kind (:mod:`tdkt_docs.kinds`)."""


def nhu_tren_first(distribution: tuple[str, ...], kind: str) -> None:
    """A document with Kính gửi lists them first in its Nơi nhận as "Như trên"."""
    if distribution and distribution[0] != "Như trên":
        raise ValueError(
            f"{kind}'s Nơi nhận starts with 'Như trên' (the recipients in Kính gửi), "
            f"e.g. [Như trên, {distribution[0]}]"
        )


# --- Finding a field's declaration from its path ------------------------------------------------


def _annotation_at(annotation: Any, path: tuple[int | str, ...]) -> list[tuple[Any, bool]]:
    """The declarations a value at ``path`` inside ``annotation`` may have, each with
    whether it is marked as body markup."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        if not path:
            return [(base, any(item is MARKUP for item in metadata))]
        return _annotation_at(base, path)
    if origin in (Union, UnionType):
        arguments = [a for a in get_args(annotation) if a is not type(None)]
        return [found for argument in arguments for found in _annotation_at(argument, path)]
    if not path:
        return [(annotation, False)]
    if origin in (tuple, list) and isinstance(path[0], int):
        return _annotation_at(get_args(annotation)[0], path[1:])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(path[0]) if isinstance(path[0], str) else None
        if field is None:
            return []
        if len(path) == 1 and MARKUP in field.metadata:
            return [(field.annotation, True)]
        return _annotation_at(field.annotation, path[1:])
    return []


def is_markup(model: type[BaseModel], path: Sequence[int | str]) -> bool:
    """Whether the field at ``path`` (keys and list indexes) of ``model`` holds body markup.

    >>> from tdkt_docs.kinds.report import Report
    >>> is_markup(Report, ("body",)), is_markup(Report, ("appendices", 0, "body"))
    (True, True)
    >>> is_markup(Report, ("subject",)), is_markup(Report, ("recipients", 0))
    (False, False)
    """
    return any(markup for _, markup in _annotation_at(model, tuple(path)))


def field_names(model: type[BaseModel], path: Sequence[int | str]) -> tuple[str, ...]:
    """The keys a mapping at ``path`` of ``model`` may hold (for "did you mean …?").

    >>> field_names(AdministrativeDocument, ("signer",))
    ('authority', 'title', 'name')
    """
    names: dict[str, None] = {}
    for annotation, _ in _annotation_at(model, tuple(path)):
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names.update(dict.fromkeys(annotation.model_fields))
    return tuple(names)


def __getattr__(name: str) -> Any:
    # The models of the kinds live in their modules (tdkt_docs.kinds); these names stay
    # importable from here, where they were first defined.
    if name in ("Dispatch", "Report"):
        from tdkt_docs import kinds

        return getattr(kinds, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
