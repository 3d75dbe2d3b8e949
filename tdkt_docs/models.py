"""The validated domain model of a document (pydantic v2, immutable).

Values are checked against ND30 here, once, with messages that say what is expected. Text
is NFC-normalised and stripped of stray whitespace on the way in (see :mod:`tdkt_docs.text`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from types import UnionType
from typing import Annotated, Any, ClassVar, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from tdkt_docs.markup import MarkupError, parse_body, plain_text
from tdkt_docs.text import clean_block, clean_line, is_all_caps
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


def at_most(limit: int, reason: str) -> AfterValidator:
    return AfterValidator(length_check(limit, reason))


Line = Annotated[str, BeforeValidator(_line)]
"""One line of text: NFC, single spaces, no control characters, not empty."""
CapsLine = Annotated[str, BeforeValidator(_line), AfterValidator(_caps)]
Block = Annotated[str, BeforeValidator(_block), MARKUP]
"""Multi-line body markup (see :mod:`tdkt_docs.markup`)."""

# Length limits. Where Nghị định 30 Phụ lục VI sets the length of a metadata field, the
# same limit applies to the text it records; the others keep a line on its line.
_VI = "Nghị định 30/2020/NĐ-CP, Phụ lục VI"
ORGAN_NAME = at_most(200, f"{_VI}: tên cơ quan, tổ chức")
PLACE = at_most(50, "the date line stays on one line")
CONTACT = at_most(200, "one line of ô 13")
SHORT_CONTACT = at_most(100, "one line of ô 13")
_notation_length = length_check(30, f"{_VI}: ký hiệu của văn bản")
SUBJECT = at_most(500, f"{_VI}: trích yếu nội dung")
BODY = at_most(100_000, "about 40 pages; split a longer text into appendices")
POSITION = at_most(100, f"{_VI}: chức vụ của người ký")
FULL_NAME = at_most(50, f"{_VI}: họ và tên người ký")
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


ListItem = Annotated[str, BeforeValidator(_line), AfterValidator(_list_item), ORGAN_NAME]


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
    lines = [clean_line(line) for line in value.strip().split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise ValueError("must not be empty")
    if len(lines) > MAX_NAME_LINES:
        raise ValueError(f"has {len(lines)} lines; at most {MAX_NAME_LINES}")
    return "\n".join(lines)


AgencyName = Annotated[str, BeforeValidator(_name_lines), AfterValidator(_caps), ORGAN_NAME]
"""Capitals, on one line or up to three (a line break where the author wants it)."""


class Agency(Model):
    """The issuing agency (ô 2) and where it sits (ô 4), with its contact lines (ô 13)."""

    parent: Annotated[CapsLine, ORGAN_NAME] | None = None
    """Cơ quan chủ quản, e.g. ``UBND TỈNH KHÁNH HÒA``; ``None`` when there is none."""
    name: AgencyName
    """Tên cơ quan ban hành, e.g. ``SỞ NỘI VỤ``; ``ỦY BAN NHÂN DÂN\\nTỈNH KHÁNH HÒA`` on two
    lines."""
    place: Annotated[Line, PLACE]
    """Địa danh of the date line, e.g. ``Khánh Hòa``."""
    display_name: Annotated[Line, ORGAN_NAME] | None = None
    """The name in running text, e.g. ``Sở Nội vụ tỉnh Khánh Hòa`` (appendix reference lines)."""
    address: Annotated[Line, CONTACT] | None = None
    phone: Annotated[Line, SHORT_CONTACT] | None = None
    fax: Annotated[Line, SHORT_CONTACT] | None = None
    email: Annotated[Line, SHORT_CONTACT] | None = None
    website: Annotated[Line, SHORT_CONTACT] | None = None

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


class IssueDate(Model):
    """The issue date; ``day`` is ``None`` when the clerk writes it at signing."""

    year: int = Field(ge=1945, le=2200)
    month: int = Field(ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, str):
            match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*", value)
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


class Signer(Model):
    """ô 7: quyền hạn (authority lines), chức vụ (title) and họ tên (name)."""

    authority: Annotated[
        tuple[Annotated[CapsLine, POSITION], ...], BeforeValidator(_split_lines)
    ] = ()
    """Lines such as ``KT. GIÁM ĐỐC`` or ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH``."""
    title: Annotated[CapsLine, POSITION]
    name: Annotated[Line, FULL_NAME]

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

    initials: Annotated[CapsLine, INITIALS]
    copies: int | None = Field(default=None, ge=1, le=999_999)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"initials": value} if isinstance(value, str) else value


URGENCY = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")
SECRECY = ("MẬT", "TỐI MẬT", "TUYỆT MẬT")


def _mark(allowed: tuple[str, ...]) -> Any:
    def parse(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = clean_line(value).upper().replace("HOẢ", "HỎA")
        if text not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}, got {value!r}")
        return text

    return BeforeValidator(parse)


_VIETNAMESE_LETTERS = "A-Za-zÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9"
SYMBOL_PATTERN = rf"^[0-9{_VIETNAMESE_LETTERS}]+(?:-[0-9{_VIETNAMESE_LETTERS}]+)*$"
MIXED_CASE_ABBREVIATIONS = ("QyĐ", "CTr", "TTr", "TrS")
"""Phụ lục III writes these type abbreviations in mixed case; every other group is capitals."""


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

    type: str
    """The kind's name (``dispatch``, ``report`` …): each kind fixes it with a default."""

    agency: Agency
    number: int | None = Field(default=None, ge=1, le=999_999)
    """Số; ``None`` leaves a blank for the clerk to fill at signing."""
    symbol: str
    """Ký hiệu, e.g. ``SNV-TĐKT``: agency and unit abbreviations joined by hyphens."""
    date: IssueDate
    subject: Annotated[Line, SUBJECT]
    """Trích yếu, written after "V/v" or "Về việc" (the template adds it)."""
    distribution: Annotated[tuple[ListItem, ...], Field(min_length=1)]
    """Nơi nhận before the "Lưu" line (a công văn's starts with "Như trên", its Kính gửi)."""
    archive: Annotated[
        tuple[Annotated[Line, ARCHIVE_ITEM], ...],
        BeforeValidator(_split_commas),
        Field(min_length=1),
    ]
    signer: Signer
    urgency: Annotated[str | None, _mark(URGENCY)] = None
    secrecy: Annotated[str | None, _mark(SECRECY)] = None
    drafter: Drafter | None = None

    @field_validator("number", mode="before")
    @classmethod
    def _number(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"expected a whole number from 1, got {value!r}")
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("symbol", mode="before")
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

    body: Annotated[Block, BODY]

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


Cell = Annotated[str, BeforeValidator(_cell), CELL]


class TableSpec(Model):
    """A table: column headings, rows of cells, optional relative widths and unit line."""

    columns: Annotated[tuple[Annotated[Line, HEADING], ...], Field(min_length=1, max_length=20)]
    rows: tuple[tuple[Cell, ...], ...] = ()
    widths: tuple[Annotated[float, Field(gt=0)], ...] | None = None
    """Relative column widths, e.g. [1, 4, 2]; equal when absent."""
    unit: Annotated[Line, TITLE] | None = None
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

    title: Annotated[CapsLine, TITLE]
    body: Annotated[Block, BODY] | None = None
    table: TableSpec | None = None
    landscape: bool = True


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
