"""Quyết định (Mẫu 1.2 of Phụ lục III: quyết định cá biệt quy định trực tiếp), as a TĐKT
office issues them to confer awards (tdkt-awards.md §2).

Top to bottom: the header; "QUYẾT ĐỊNH" and "Về việc …" with a short rule; the issuing
authority in bold capitals on its own line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA");
the căn cứ lines in italics, each ending ";", and the proposal line ending "."; "QUYẾT
ĐỊNH:"; the articles, "Điều 1." in bold, "./." after the last; Nơi nhận starting "Như Điều
N"; the signature. An award decision names its honourees once, in ``award``: Điều 1 is
written from them ("Tặng Bằng khen … cho 05 tập thể và 12 cá nhân đã có thành tích …"),
listed inside it, or in a list attached after the decision ("DANH SÁCH", its own section
with pages numbered from 1) when ``attachment`` is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, ClassVar, Literal

from docx.document import Document as DocxDocument
from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from tdkt_docs.appendices import add_table, attached_section, list_paragraph, reference_line
from tdkt_docs.kinds import DocumentKind
from tdkt_docs.markup import MarkupError, Run, parse_body, plain_text
from tdkt_docs.models import (
    AUTHORITY_PREFIXES,
    BODY,
    ORGAN_NAME,
    POSITION,
    TITLE,
    AdministrativeDocument,
    Block,
    CapsLine,
    Line,
    Model,
    TableSpec,
    basis_line,
)
from tdkt_docs.profile import Profile
from tdkt_docs.template_builder.quyet_dinh import ATTACHED_LIST_ROLES, build_quyet_dinh
from tdkt_docs.vietnamese.numbers import amount_to_words, count_text, format_number, roman
from tdkt_docs.view import common_view

END_MARK = "./."
GROUPS = (
    ("individuals", "Cá nhân", "cá nhân"),
    ("collectives", "Tập thể", "tập thể"),
    ("households", "Hộ gia đình", "hộ gia đình"),
)
"""The groups of an award list in their order (I. Cá nhân, II. Tập thể, III. Hộ gia
đình): the key, the group heading, and the noun of a count ("05 tập thể")."""
LINES_UP_TO = 20
"""An attached list of up to this many entries is written as numbered lines, a longer one
as a table (``layout: auto``), as real decisions do."""


def _trimmed(value: str, ending: str = ";.") -> str:
    """A line without the punctuation the layout adds at its end."""
    return re.sub(rf"\s*[{re.escape(ending)}]+$", "", value)


def _entry_from_text(value: Any) -> Any:
    return {"name": value} if isinstance(value, str) else value


def _honorific(value: Any) -> Any:
    return value.strip().capitalize() if isinstance(value, str) else value


class Entry(Model):
    """One honouree: a person, a collective or a household."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Một người, tập thể hoặc hộ được khen; một dòng chữ thay cho "
            "name khi chỉ có tên"
        }
    )

    honorific: Annotated[Literal["Ông", "Bà"] | None, BeforeValidator(_honorific)] = Field(
        None, description="Danh xưng của cá nhân: Ông hoặc Bà"
    )
    name: Annotated[Line, ORGAN_NAME, AfterValidator(_trimmed)] = Field(
        description="Họ và tên, tên tập thể hoặc hộ gia đình: Nguyễn Văn An; Công an tỉnh"
    )
    position: Annotated[Line, TITLE, AfterValidator(_trimmed)] | None = Field(
        None,
        description="Chức vụ, đơn vị công tác (hộ gia đình: địa chỉ): Phó Giám đốc Sở Tài chính",
    )
    """Chức vụ, đơn vị: "Phó Giám đốc Sở Tài chính" (a household: its address)."""
    award: Annotated[Line, ORGAN_NAME] | None = Field(
        None, description="Hình thức khen thưởng riêng của mục này, khi khác award.form"
    )
    """The hình thức of this entry when the list's table shows one that differs."""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return _entry_from_text(value)

    def line(self) -> str:
        """ "Ông Nguyễn Văn An, Phó Giám đốc Sở Tài chính"."""
        name = f"{self.honorific} {self.name}" if self.honorific else self.name
        return f"{name}, {self.position}" if self.position else name


EntryInput = Annotated[Entry, BeforeValidator(_entry_from_text, json_schema_input_type=str | Entry)]
"""An entry as typed: its name alone, or its fields."""
Entries = Annotated[tuple[EntryInput, ...], Field(min_length=1)]


def _money(value: Any) -> Any:
    # A sentence pointing to the rule, or the amounts per group.
    return {"rule": value} if isinstance(value, str) else value


class Money(Model):
    """The money sentence of an award decision: a pointer to the rule in force (what real
    decisions write) or the amounts, with their words."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Câu về tiền thưởng, thành một điều riêng sau Điều 1: một câu dẫn "
            "quy định (như quyết định thật vẫn ghi) hoặc mức thưởng cho từng nhóm"
        }
    )

    rule: Annotated[Line, TITLE] | None = Field(
        None,
        description="Câu dẫn quy định: Tiền thưởng thực hiện theo quy định hiện hành từ "
        "nguồn kinh phí thi đua, khen thưởng của tỉnh năm 2023.",
    )
    """"Tiền thưởng thực hiện theo quy định hiện hành từ nguồn kinh phí … năm 2023."."""
    individual: Annotated[int, Field(ge=1_000, le=10**12)] | None = Field(
        None, description="Mức thưởng mỗi cá nhân, đồng: 3510000 (ghi kèm bằng chữ)"
    )
    collective: Annotated[int, Field(ge=1_000, le=10**12)] | None = Field(
        None, description="Mức thưởng mỗi tập thể, đồng"
    )
    household: Annotated[int, Field(ge=1_000, le=10**12)] | None = Field(
        None, description="Mức thưởng mỗi hộ gia đình, đồng"
    )
    source: Annotated[Line, TITLE] | None = Field(
        None, description="Nguồn kinh phí: Quỹ thi đua, khen thưởng tỉnh"
    )
    """Where the money comes from: "Quỹ thi đua, khen thưởng tỉnh"."""

    @model_validator(mode="after")
    def _one_way(self) -> Money:
        amounts = (self.individual, self.collective, self.household)
        if self.rule is not None and any(a is not None for a in amounts):
            raise ValueError("give either rule (a sentence) or the amounts, not both")
        if self.rule is None and all(a is None for a in amounts):
            raise ValueError("give rule (a sentence) or an amount per group (individual …)")
        return self


class Award(Model):
    """What is conferred, on whom and why: Điều 1 (and the money article) is written from it."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Khen thưởng của quyết định: Điều 1 được viết từ đây (hình thức, số "
            "lượng tính từ danh sách, thành tích), danh sách ghi trong Điều 1 hoặc kèm theo"
        }
    )

    form: Annotated[Line, ORGAN_NAME] = Field(
        description="Hình thức khen thưởng, danh hiệu: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
    )
    """Hình thức, danh hiệu: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"."""
    verb: Annotated[Line, POSITION] = Field(
        "Tặng", description="Động từ: Tặng (mặc định), Công nhận danh hiệu, Phong tặng"
    )
    """"Tặng", "Công nhận danh hiệu", "Phong tặng"."""
    reason: Annotated[Line, TITLE, AfterValidator(_trimmed)] = Field(
        description="Thành tích, viết tiếp sau số lượng: đã có thành tích xuất sắc trong …"
    )
    """"đã có thành tích xuất sắc trong …" (as it follows the honourees)."""
    individuals: Entries | None = Field(None, description="I. Cá nhân, mỗi người một mục")
    collectives: Entries | None = Field(None, description="II. Tập thể, mỗi tập thể một mục")
    households: Entries | None = Field(None, description="III. Hộ gia đình, mỗi hộ một mục")
    money: Annotated[
        Money | None, BeforeValidator(_money, json_schema_input_type=str | Money | None)
    ] = Field(None, description="Tiền thưởng: một câu dẫn quy định, hoặc mức thưởng từng nhóm")

    @model_validator(mode="after")
    def _someone(self) -> Award:
        if not any(getattr(self, key) for key, _, _ in GROUPS):
            raise ValueError("name the honourees: individuals, collectives or households")
        return self

    def groups(self) -> list[tuple[str, str, tuple[Entry, ...]]]:
        """(heading, count noun, entries) of each group given, in list order."""
        return [(heading, noun, getattr(self, key))
                for key, heading, noun in GROUPS if getattr(self, key)]  # fmt: skip

    def count_words(self) -> str:
        """ "12 cá nhân và 05 tập thể"."""
        parts = [f"{count_text(len(entries))} {noun}" for _, noun, entries in self.groups()]
        return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} và {parts[-1]}"


class Attachment(Model):
    """The honourees in a list attached after the decision (its own section)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Danh sách kèm theo quyết định (DANH SÁCH hoặc Phụ lục): phần riêng "
            "sau quyết định, trang đánh số từ 1"
        }
    )

    title: Annotated[CapsLine, TITLE] = Field(
        description="Tên danh sách, chữ in hoa: CÁC TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN …"
    )
    """Under "DANH SÁCH": "CÁC TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN …"."""
    issuer: Annotated[Line, ORGAN_NAME] | None = Field(
        None,
        description="Người, cơ quan ban hành trong dòng “(Kèm theo Quyết định số … của …)”: "
        "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa; mặc định agency.display_name",
    )
    """Who issues the decision, in "(Kèm theo Quyết định số … của …)"; by default the
    agency's ``display_name``."""
    layout: Literal["auto", "lines", "table"] = Field(
        "auto",
        description="Cách trình bày: lines (dòng đánh số), table (bảng STT, họ tên, chức vụ, "
        "hình thức) hoặc auto (dòng khi không quá 20 mục)",
    )
    """Numbered lines, or a table (STT | Họ và tên … | Chức vụ, đơn vị | Hình thức);
    ``auto``: lines up to 20 entries."""


def _article(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Article(Model):
    """One Điều: its text (the first paragraph follows "Điều n."), and an optional numbered
    list under it (each item ";" and the last "."; written "1. …")."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Một điều: nội dung (không ghi “Điều n.”), có thể kèm danh sách đánh số"
        }
    )

    text: Annotated[Block, BODY] = Field(
        description="Nội dung điều, không ghi “Điều n.” (số điều được thêm); *nghiêng*, **đậm**"
    )
    items: tuple[Annotated[Line, TITLE, AfterValidator(_trimmed)], ...] = Field(
        (),
        description="Danh sách đánh số 1., 2. … dưới điều; mỗi mục kết thúc “;”, mục cuối “.”",
    )

    @field_validator("text")
    @classmethod
    def _markup(cls, value: str) -> str:
        try:
            paragraphs = parse_body(value)
        except MarkupError as exc:
            raise ValueError(str(exc)) from exc
        if not paragraphs or not plain_text(paragraphs[0]).strip():
            raise ValueError("an article needs its text")
        if re.match(r"(?i)điều\s+\d", plain_text(paragraphs[0])):
            raise ValueError("write the article without 'Điều n.'; the numbers are added")
        return value


ArticleInput = Annotated[Article, BeforeValidator(_article, json_schema_input_type=str | Article)]
"""An article as typed: its text alone, or ``{text, items}``."""


def _authority(value: str) -> str:
    prefix = value.split(" ", 1)[0]
    if prefix in AUTHORITY_PREFIXES:
        raise ValueError(
            f"the issuing authority has no {prefix} (that belongs to the signer, "
            "signer.authority): write the title, e.g. 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA'"
        )
    return value


def _proposal(value: str) -> str:
    if not re.match(r"(Theo|Xét) đề nghị", value):
        raise ValueError(
            "the proposal line starts with 'Theo đề nghị của' (or 'Xét đề nghị của'), "
            f"got {value!r}"
        )
    return _trimmed(value)


_NHU_DIEU = re.compile(r"Như Điều (\d+)((?:\s*(?:,|và)\s*(?:Điều\s+)?\d+)*)")


class Decision(AdministrativeDocument):
    """A quyết định (Mẫu 1.2): authority, căn cứ, "QUYẾT ĐỊNH:", articles, an attached list."""

    TYPE_ABBREVIATION: ClassVar[str | None] = "QĐ"
    TYPE_NAME: ClassVar[str] = "quyết định"

    type: Literal["decision"] = "decision"
    authority: Annotated[CapsLine, ORGAN_NAME, AfterValidator(_authority)] = Field(
        description="Thẩm quyền ban hành, chữ in hoa, dòng riêng: CHỦ TỊCH ỦY BAN NHÂN DÂN "
        "TỈNH KHÁNH HÒA (không ghi KT., TM.: đó là của người ký)"
    )
    """Thẩm quyền ban hành: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"."""
    bases: tuple[Annotated[Line, TITLE, AfterValidator(basis_line)], ...] = Field(
        (),
        description="Các căn cứ, mỗi dòng bắt đầu “Căn cứ”, in nghiêng; dấu “;” và “.” cuối "
        "dòng được thêm",
    )
    proposal: Annotated[Line, TITLE, AfterValidator(_proposal)] | None = Field(
        None,
        description="Dòng đề nghị, sau các căn cứ: Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ "
        "trình số …",
    )
    award: Award | None = Field(
        None, description="Khen thưởng: Điều 1 (và điều về tiền thưởng) được viết từ đây"
    )
    articles: Annotated[tuple[ArticleInput, ...], Field(min_length=1)] = Field(
        description="Các điều còn lại (sau những điều viết từ award), không ghi “Điều n.”; "
        "“./.” được thêm sau điều cuối"
    )
    """The articles after those written from ``award`` (Điều 1, and the money article)."""
    attachment: Attachment | None = Field(
        None,
        description="Danh sách kèm theo: khi có, người được khen ghi ở danh sách sau quyết "
        "định thay vì trong Điều 1",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Decision:
        if self.attachment is not None:
            if self.award is None:
                raise ValueError("attachment: lists the honourees of award; give award too")
            if self.attachment.issuer is None and self.agency.display_name is None:
                raise ValueError(
                    "attachment.issuer is needed for the line '(Kèm theo Quyết định số … "
                    "của …)', e.g. 'Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa' (or give "
                    "agency.display_name)"
                )
        if self.award is not None and self.award.money is not None:
            money = self.award.money
            missing = [
                noun
                for key, _, noun in GROUPS
                if getattr(self.award, key) and money.rule is None
                and getattr(money, key.removesuffix("s")) is None
            ]  # fmt: skip
            if missing:
                raise ValueError(f"award.money: give the amount for each {', '.join(missing)}")
        return self

    @field_validator("distribution")
    @classmethod
    def _nhu_dieu_first(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not _NHU_DIEU.fullmatch(value[0]):
            raise ValueError(
                "a quyết định's Nơi nhận starts with 'Như Điều N' (those who carry it out), "
                f"e.g. [Như Điều 2, {value[0]}]"
            )
        return value

    @model_validator(mode="after")
    def _nhu_dieu_exists(self) -> Decision:
        match = _NHU_DIEU.fullmatch(self.distribution[0])
        assert match is not None  # checked by the field validator
        named = [int(n) for n in re.findall(r"\d+", self.distribution[0])]
        last = len(self.numbered_articles())
        wrong = [n for n in named if not 1 <= n <= last]
        if wrong:
            raise ValueError(
                f"distribution[0]: '{self.distribution[0]}' names Điều {wrong[0]}, but the "
                f"decision has {last} article{'s' if last > 1 else ''} (Điều 1 to Điều {last})"
            )
        return self

    def numbered_articles(self) -> list[Article]:
        """Every article in order: Điều 1 from ``award``, then the money article, then
        ``articles``."""
        made: list[Article] = []
        if self.award is not None:
            made.append(_award_article(self.award, attached=self.attachment is not None))
            if self.award.money is not None:
                made.append(Article(text=_money_text(self.award)))
        return [*made, *self.articles]

    def label(self) -> str:
        return self.subject


def _award_article(award: Award, *, attached: bool) -> Article:
    """Điều 1 of an award decision, written from its honourees."""
    opening = f"{award.verb} {award.form} cho {award.count_words()} {award.reason}"
    if attached:
        return Article(text=f"{opening} (có danh sách kèm theo).")
    groups = award.groups()
    if len(groups) == 1:
        return Article(text=f"{opening}, gồm:", items=tuple(e.line() for e in groups[0][2]))
    # Several groups listed inside Điều 1: each under its heading, numbered from 1.
    items: list[str] = []
    for number, (heading, _, entries) in enumerate(groups, start=1):
        items.append(f"{roman(number)}. {heading}:")
        items += [entry.line() for entry in entries]
    return Article(text=f"{opening}, gồm:", items=tuple(items))


def _money_text(award: Award) -> str:
    money = award.money
    assert money is not None
    if money.rule is not None:
        return money.rule
    amounts = []
    for key, _, noun in GROUPS:
        amount = getattr(money, key.removesuffix("s"))
        if getattr(award, key) and amount is not None:
            words = amount_to_words(amount)
            amounts.append(f"mỗi {noun} được thưởng {format_number(amount)} đồng ({words})")
    text = "; ".join(amounts)
    text = f"{text[0].upper()}{text[1:]}."
    if money.source:
        text += f" Kinh phí khen thưởng trích từ {_trimmed(money.source)}."
    return text


# --- The template's context ---------------------------------------------------------------------


def _ended(runs: tuple[Run, ...], ending: str) -> tuple[Run, ...]:
    """Runs whose text ends with ``ending`` (";", "." or "./."), replacing what was typed."""
    if not runs:
        return runs
    last = runs[-1]
    text = re.sub(r"\s*(\./\.|[;.:,])?$", "", last.text) + ending
    return (*runs[:-1], Run(text, last.bold, last.italic))


def article_paragraphs(decision: Decision) -> list[dict[str, Any]]:
    """Each article as paragraphs: its first paragraph starts "Điều n." in bold; list
    items are numbered in their groups; the last line of the last article ends "./."."""
    articles = decision.numbered_articles()
    out: list[dict[str, Any]] = []
    for number, article in enumerate(articles, start=1):
        paragraphs = parse_body(article.text)
        first = (Run(f"Điều {number}.", bold=True), Run(" "), *paragraphs[0])
        out.append({"role": "article", "runs": first})
        out += [{"role": "article", "runs": p} for p in paragraphs[1:]]
        item_number = 0
        items = list(article.items)
        for index, item in enumerate(items):
            if re.match(r"^[IVXLC]+\. ", item):  # a group heading: "II. Tập thể:"
                out.append({"role": "article_item", "runs": (Run(item, bold=True),)})
                item_number = 0
                continue
            item_number += 1
            last = index == len(items) - 1
            ending = "." if last else ";"
            runs = _ended((Run(f"{item_number}. {item}"),), ending)
            out.append({"role": "article_item", "runs": runs})
    # "./." closes the content (every model of Phụ lục III).
    out[-1] = {**out[-1], "runs": _ended(out[-1]["runs"], END_MARK)}
    return out


def basis_lines(decision: Decision) -> list[str]:
    """Each căn cứ ends ";" and the last line of all (the proposal, when there is one) "."."""
    lines = [*decision.bases, *([decision.proposal] if decision.proposal else [])]
    return [f"{line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]


def decision_view(decision: Decision, profile: Profile) -> dict[str, Any]:
    return {
        **common_view(decision, profile),
        "type_title": "QUYẾT ĐỊNH",
        "authority": decision.authority,
        "bases": basis_lines(decision),
        "articles": article_paragraphs(decision),
    }


# --- The attached list ------------------------------------------------------------------------


def add_attached_list(document: DocxDocument, decision: Decision, profile: Profile) -> None:
    """The "DANH SÁCH" after the decision: its own portrait section, pages numbered from 1,
    the heading, title and "(Kèm theo Quyết định số … của …)", then the groups."""
    attachment, award = decision.attachment, decision.award
    if attachment is None or award is None:
        return
    issuer = attachment.issuer or decision.agency.display_name or decision.agency.one_line_name
    reference = reference_line("Quyết định", decision, issuer, profile)
    width = attached_section(
        document, profile, profile.attachment_heading, attachment.title, reference
    )
    groups = award.groups()
    total = sum(len(entries) for _, _, entries in groups)
    as_table = attachment.layout == "table" or (attachment.layout == "auto" and total > LINES_UP_TO)
    if as_table:
        add_table(document, _list_table(award, groups), profile, width)
        return
    for number, (heading, _, entries) in enumerate(groups, start=1):
        list_paragraph(document, "list_group", (Run(f"{roman(number)}. {heading}"),))
        for index, entry in enumerate(entries, start=1):
            ending = "." if index == len(entries) else ";"
            if number == len(groups) and index == len(entries):
                ending = END_MARK
            list_paragraph(
                document, "list_entry", _ended((Run(f"{index}. {entry.line()}"),), ending)
            )


def _list_table(award: Award, groups: Sequence[tuple[str, str, tuple[Entry, ...]]]) -> TableSpec:
    """STT | Họ và tên / Tên tập thể | Chức vụ, đơn vị | Hình thức, a row per group heading."""
    rows: list[tuple[str, ...]] = []
    for number, (heading, _, entries) in enumerate(groups, start=1):
        rows.append((roman(number), heading, "", ""))
        for index, entry in enumerate(entries, start=1):
            name = f"{entry.honorific} {entry.name}" if entry.honorific else entry.name
            rows.append((str(index), name, entry.position or "", entry.award or award.form))
    columns = ("STT", "Họ và tên / Tên tập thể, hộ gia đình", "Chức vụ, đơn vị", "Hình thức")
    return TableSpec(columns=columns, rows=tuple(rows))


KIND = DocumentKind(
    model=Decision,
    name="quyết định",
    template_name="quyet_dinh.docx",
    build_template=build_quyet_dinh,
    view=decision_view,
    example="quyet_dinh_khen_thuong.yaml",
    type_title="QUYẾT ĐỊNH",
    title_prefix="Về việc ",
    finish=add_attached_list,
    plain_only=lambda decision: decision.attachment is not None,
    description="Quyết định cá biệt quy định trực tiếp (Mẫu 1.2 Phụ lục III Nghị định "
    "30/2020/NĐ-CP), như quyết định khen thưởng với danh sách kèm theo",
)

__all__ = ["ATTACHED_LIST_ROLES", "KIND", "Article", "Attachment", "Award", "Decision", "Entry",
           "Money"]  # fmt: skip
