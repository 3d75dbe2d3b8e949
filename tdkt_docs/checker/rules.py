"""The ND30 rules of the checker: metadata from ``data/check_rules.yaml``, one function each.

A check function yields ``(where, found, expected)`` for each violation. When the element
a rule is about cannot be found, the rule reports "not evaluated" instead of passing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml

from tdkt_docs import kinds
from tdkt_docs.awards.money_table import COLUMNS as MONEY_TABLE_COLUMNS
from tdkt_docs.awards.money_table import TITLE as MONEY_TABLE_TITLE
from tdkt_docs.awards.money_table import TOTAL as MONEY_TABLE_TOTAL
from tdkt_docs.awards.money_table import WORDS_LABEL as MONEY_TABLE_WORDS
from tdkt_docs.checker.detect import (
    APPENDIX,
    ARTICLE_START,
    LEGAL,
    MONEY_TABLE,
    NOT_DOCUMENTS,
    NUMBERED_HEADING,
    PARTY,
    PARTY_HEADING,
    QUOC_HIEU,
    REGISTER,
    TAB_TABLE,
    TIEU_NGU,
    Roles,
    authority_problem,
    is_capitals,
    is_placeholder,
    normalise,
)
from tdkt_docs.checker.legacy_text import legacy_passages, unicode_reading
from tdkt_docs.checker.model import DocModel, Para, RunInfo
from tdkt_docs.register import COLUMNS as REGISTER_COLUMNS
from tdkt_docs.register import TITLE as REGISTER_TITLE

Severity = Literal["error", "warning", "not_evaluated", "not_applicable"]
Violation = tuple[str, str, str]
TWIPS_PER_MM = 1440 / 25.4
TNR_KEY = "times new roman"
LEGACY_FONTS = re.compile(r"^\.?vn|^vni[- ]|^vn[a-z]", re.IGNORECASE)


NAMED = "named"
"""A document with a type name that is not one of the registered kinds' (KẾ HOẠCH …)."""


def document_kinds() -> dict[str, str]:
    """The detected types a rule can be limited to (``applies_to`` in check_rules.yaml):
    every registered kind, by its Vietnamese name, ``named`` and ``register``."""
    return {
        **{k.type: k.name for k in kinds.kinds()},
        NAMED: "văn bản có tên loại",
        APPENDIX: "phụ lục trong tệp riêng (không có phần đầu và chữ ký riêng)",
        PARTY: "văn bản của Đảng (Hướng dẫn 36-HD/VPTW, ngoài phạm vi NĐ 30)",
        LEGAL: "văn bản quy phạm pháp luật (ngoài phạm vi NĐ 30, trình bày theo NĐ 34/2016)",
        REGISTER: "sổ đăng ký văn bản đi",
        MONEY_TABLE: "bảng tổng hợp tiền thưởng",
    }


def has_type_name(doc_type: str) -> bool:
    """Whether documents of ``doc_type`` carry a type name above the trích yếu."""
    found = kinds.find(doc_type)
    return doc_type in (NAMED, LEGAL) or (found is not None and found.type_title is not None)


@dataclass(frozen=True)
class RuleInfo:
    id: str
    locator: str
    severity: Literal["error", "warning"]
    message: str
    applies_to: tuple[str, ...] = ()
    """The document types the rule is about; empty: every văn bản."""
    also: tuple[str, ...] = ()
    """The types that are not văn bản this rule is also about: a sổ đăng ký (paper,
    fonts, text encoding), a money table (those, and its agency header, reference line and
    page numbers). Only the rules that name such a type here, or in ``applies_to``, apply
    to it."""

    def applies(self, doc_type: str) -> bool:
        """False only when the type is known and is not one the rule is about. ``named``
        in ``applies_to`` means every type with a type name (báo cáo, quyết định …)."""
        if doc_type in NOT_DOCUMENTS:
            return doc_type in self.also or doc_type in self.applies_to
        if not self.applies_to or doc_type not in document_kinds():
            return True
        return doc_type in self.applies_to or (NAMED in self.applies_to and has_type_name(doc_type))


@dataclass(frozen=True)
class Finding:
    """One result of the checker. ``severity`` is ``not_evaluated`` when the element was not
    found, ``not_applicable`` when the rule is not about the detected document type;
    ``where`` is a paragraph excerpt or table cell, ``found``/``expected`` say what.
    ``document`` is the 1-based position of the document in the file: a merged print file
    holds several, any other file only document 1."""

    rule: str
    severity: Severity
    locator: str
    message: str
    where: str
    found: str
    expected: str
    document: int = 1


@cache
def rule_table() -> dict[str, RuleInfo]:
    raw = resources.files("tdkt_docs").joinpath("data/check_rules.yaml").read_text("utf-8")
    table: dict[str, RuleInfo] = {}
    for key, value in yaml.safe_load(raw).items():
        applies_to = tuple(value.pop("applies_to", ()))
        also = tuple(value.pop("also", ()))
        table[key] = RuleInfo(key, **value, applies_to=applies_to, also=also)
    return table


class NotFoundError(Exception):
    """The element the rule checks is absent: the rule is not evaluated."""

    def __init__(self, element: str) -> None:
        self.element = element
        super().__init__(element)


class NotApplicableError(Exception):
    """The element is absent because this document has none (a UBND has no cơ quan chủ
    quản; a quyết định no Kính gửi): the rule does not apply to it."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def _optional_in_kind(roles: Roles, field: str) -> bool:
    """Whether the detected kind has no ``field``, or does not require it. A named type the
    package does not make (a kế hoạch, a thông báo) requires none of them."""
    if roles.doc_type in (NAMED, LEGAL):
        return True
    found = kinds.find(roles.doc_type)
    if found is None:
        return False
    declared = found.model.model_fields.get(field)
    return declared is None or not declared.is_required()


CheckFunction = Callable[[DocModel, Roles], Iterator[Violation]]
CHECKS: dict[str, CheckFunction] = {}


def check(rule_id: str) -> Callable[[CheckFunction], CheckFunction]:
    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[rule_id] = function
        return function

    return register


def excerpt(p: Para, limit: int = 50) -> str:
    text = re.sub(r"\s+", " ", p.text).strip()
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"{p.where}: «{short}»"


_ALIGNMENTS = {
    "left": "canh trái",
    "start": "canh trái",
    "center": "canh giữa",
    "right": "canh phải",
    "end": "canh phải",
    "both": "canh đều hai lề",
    "distribute": "canh đều hai lề",
}


def alignment(p: Para) -> str:
    """How ``p`` is aligned, in the words of Word's Vietnamese menus ("canh giữa")."""
    return _ALIGNMENTS.get(p.align or "left", f"canh {p.align}")


def _need(p: Para | None, element: str) -> Para:
    if p is None:
        raise NotFoundError(element)
    return p


def _look(p: Para) -> str:
    runs = p.judged_runs
    sizes = sorted({r.size_pt for r in runs})
    bold = (
        "đậm"
        if runs and all(r.bold for r in runs)
        else "không đậm"
        if not any(r.bold for r in runs)
        else "đậm một phần"
    )
    italic = (
        "nghiêng"
        if runs and all(r.italic for r in runs)
        else "đứng"
        if not any(r.italic for r in runs)
        else "nghiêng một phần"
    )
    return f"cỡ {'/'.join(f'{s:g}' for s in sizes)}, {bold}, {italic}"


def _format_ok(
    p: Para,
    low: float,
    high: float,
    *,
    bold: bool | None,
    italic: bool | None,
    caps: bool | None = None,
) -> bool:
    runs = p.judged_runs
    if not runs:
        return False
    if not all(low <= r.size_pt <= high for r in runs):
        return False
    if bold is not None and not all(r.bold == bold for r in runs):
        return False
    if italic is not None and not all(r.italic == italic for r in runs):
        return False
    if caps is True:
        text = p.text.strip()
        return text == text.upper() or all(r.caps for r in runs)
    if caps is False:
        return not any(r.caps for r in runs)
    return True


# --- page ---------------------------------------------------------------------------


@check("page.size")
def _page_size(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for section in model.sections:
        number = section.index + 1
        width, height = section.page_width_twips, section.page_height_twips
        if width is None or height is None:
            raise NotFoundError("khổ giấy")
        short, long_ = sorted((width, height))
        if abs(short - 11906) > 20 or abs(long_ - 16838) > 20:
            yield (
                f"mục {number}",
                f"{width / TWIPS_PER_MM:.0f} × {height / TWIPS_PER_MM:.0f} mm",
                "210 × 297 mm",
            )


@check("page.orientation")
def _orientation(model: DocModel, roles: Roles) -> Iterator[Violation]:
    first = model.sections[0] if model.sections else None
    if first is None or first.page_width_twips is None or first.page_height_twips is None:
        raise NotFoundError("khổ giấy")
    if first.page_width_twips > first.page_height_twips or first.orientation == "landscape":
        yield ("trang đầu", "khổ ngang", "khổ dọc")


@check("page.margins")
def _margins(model: DocModel, roles: Roles) -> Iterator[Violation]:
    ranges = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
    names = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
    for section in model.sections:
        number = section.index + 1
        for side, (low, high) in ranges.items():
            value = section.margins_twips.get(side)
            if value is None:
                raise NotFoundError(f"lề {names[side]}")
            mm = abs(value) / TWIPS_PER_MM
            if not low - 0.05 <= mm <= high + 0.05:
                yield (f"mục {number}, lề {names[side]}", f"{mm:.1f} mm", f"{low}–{high} mm")


# --- fonts and text -----------------------------------------------------------------


def _all_paragraphs(model: DocModel) -> Iterator[Para]:
    yield from model.paragraphs
    yield from model.text_boxes
    for group in (*model.headers.values(), *model.footers.values()):
        yield from group


@check("font.name")
def _font_name(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for p in _all_paragraphs(model):
        for run in p.visible_runs:
            # Word finds a font by its name in any case ("times new roman").
            bad = {
                f
                for f in run.fonts
                if not (f and (f.strip().casefold() == TNR_KEY or LEGACY_FONTS.match(f)))
            }
            if bad:
                shown = ", ".join(sorted(str(f) if f else "(không khai báo)" for f in bad))
                yield (excerpt(p), shown, "Times New Roman")
                break


@check("font.legacy")
def _font_legacy(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for p in _all_paragraphs(model):
        for run in p.visible_runs:
            legacy = {f for f in run.fonts if f and LEGACY_FONTS.match(f)}
            if legacy:
                yield (excerpt(p), ", ".join(sorted(legacy)), "Times New Roman (Unicode)")
                break


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@check("text.legacy_encoding")
def _legacy_text(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for p in _all_paragraphs(model):
        for passage, encoding in legacy_passages([run.text for run in p.runs]):
            reading = unicode_reading(passage, encoding)
            yield (
                excerpt(p),
                f"bảng mã {encoding}: «{_shorten(passage, 60)}»",
                f"Unicode: «{_shorten(reading, 80)}»",
            )


@check("text.nfd")
def _nfd(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for p in _all_paragraphs(model):
        if p.text and not unicodedata.is_normalized("NFC", p.text):
            yield (excerpt(p), "dạng tổ hợp (NFD)", "dạng dựng sẵn (NFC)")


# --- header block -------------------------------------------------------------------


@check("quoc_hieu.text")
def _qh_text(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.quoc_hieu, "Quốc hiệu")
    if normalise(p.text) != QUOC_HIEU:
        yield (excerpt(p), p.text.strip(), QUOC_HIEU)


@check("quoc_hieu.wraps")
def _qh_wraps(model: DocModel, roles: Roles) -> Iterator[Violation]:
    from tdkt_docs.metrics import text_width_mm

    p = _need(roles.quoc_hieu, "Quốc hiệu")
    if "\n" in p.text.strip():
        yield (excerpt(p), "có ngắt dòng", "một dòng")
        return
    width = model_cell_width_mm(model, p)
    if width is None:
        raise NotFoundError("độ rộng cột Quốc hiệu")
    size = max(p.sizes or {13.0})
    needed = text_width_mm(QUOC_HIEU, size, bold=True)
    if needed > width:
        yield (excerpt(p), f"cột rộng {width:.1f} mm", f"≥ {needed:.1f} mm để không xuống dòng")


def model_cell_width_mm(model: DocModel, p: Para) -> float | None:
    widths = model.cell_widths.get(p.table) if p.table is not None else None
    if widths is None:
        return None
    return widths / TWIPS_PER_MM


@check("tieu_ngu.text")
def _tn_text(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.tieu_ngu, "Tiêu ngữ")
    if normalise(p.text) != TIEU_NGU:
        yield (excerpt(p), p.text.strip(), TIEU_NGU)


@check("tieu_ngu.rule")
def _tn_rule(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.tieu_ngu, "Tiêu ngữ")
    if roles.tieu_ngu_rule is None and not model.has_drawing_near(p):
        yield (excerpt(p), "không có đường kẻ", "đường kẻ ngang dưới Tiêu ngữ")


@check("agency.rule")
def _agency_rule(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.agency, "tên cơ quan ban hành")
    if roles.agency_rule is None and not model.has_drawing_near(p):
        yield (excerpt(p), "không có đường kẻ", "đường kẻ ngang dưới tên cơ quan")


@check("parent_agency.format")
def _parent_format(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if not roles.parent_agency:
        if roles.agency is not None:
            raise NotApplicableError("không có cơ quan chủ quản (chỉ ghi khi có)")
        raise NotFoundError("tên cơ quan chủ quản")
    for p in roles.parent_agency:
        if not _format_ok(p, 12, 13, bold=False, italic=False, caps=True):
            yield (excerpt(p), _look(p), "in hoa, không đậm, đứng, cỡ 12–13")


NUMBER = re.compile(r"^Số:\s?(?P<number>\d*|\s*)/(?P<symbol>\S+)$")
SYMBOL = re.compile(r"[^\W_]+([-/][^\W_]+)*")
"""Abbreviations ("QĐ", "TTr", "SNV", "TĐKT") joined by "-" (a year before them by "/")."""


@check("number.format")
def _number_format(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.number, "số, ký hiệu")
    text = p.text.strip()
    # Extra spaces after "Số:" (before the number or before the clerk's blank) do not show
    # in print as a fault of the number; spaces inside the number and symbol do.
    match = NUMBER.match(re.sub(r"^Số:\s+(?=[\d/])", "Số: ", text))
    compact = re.sub(r"^Số:\s*", "", text)
    # The number left for the văn thư to write when the document is issued: blank or dots.
    blank_for_the_clerk = re.fullmatch(r"Số:\s*[.…]*\s*/\S+", text) is not None
    if (match is None or " " in compact.strip()) and not blank_for_the_clerk:
        yield (excerpt(p), text, "Số: 05/SNV-TĐKT (không có khoảng trắng trong số, ký hiệu)")
        return
    number = match.group("number").strip() if match else ""
    if number and len(number) < 2:
        yield (excerpt(p), f"số {number}", f"số {int(number):02d}")
    symbol = match.group("symbol") if match else compact.split("/", 1)[-1]
    if re.search(r"--|^-|-$", symbol):
        yield (excerpt(p), symbol, 'các nhóm chữ viết tắt nối bằng một dấu "-"')
    elif not SYMBOL.fullmatch(symbol):
        # "QĐ-…3…" in the official models: the abbreviation is still to be written.
        yield (excerpt(p), symbol, "ký hiệu bằng chữ viết tắt, ví dụ QĐ-UBND")


DATE = re.compile(
    r"^(?P<place>[^,]*?),?\s*ngày\s*(?P<day>\d*)\s*tháng\s*(?P<month>\d+)\s*năm\s*(?P<year>\d{4})"
)


def _no_date_line_in_kind(roles: Roles) -> None:
    """A kind without a date line (a biên bản, Mẫu 1.9) is not judged on one it lacks."""
    if roles.date_line is None:
        found = kinds.find(roles.doc_type)
        if found is not None and not found.date_line:
            raise NotApplicableError(f"{found.name} không có địa danh và thời gian")


def _date_line(roles: Roles) -> Para:
    _no_date_line_in_kind(roles)
    return _need(roles.date_line, "địa danh và thời gian")


@check("date_line.format")
def _date_format(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _date_line(roles)
    match = DATE.match(p.text.strip())
    if match is None:
        yield (excerpt(p), p.text.strip(), "Địa danh, ngày DD tháng M năm YYYY")
        return
    day, month = match.group("day"), match.group("month")
    if day and int(day) < 10 and len(day) < 2:
        yield (excerpt(p), f"ngày {day}", f"ngày {int(day):02d}")
    month_value = int(month)
    expected = f"{month_value:02d}" if month_value <= 2 else str(month_value)
    if month != expected:
        yield (excerpt(p), f"tháng {month}", f"tháng {expected}")


@check("date_line.place")
def _date_place(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _date_line(roles)
    text = p.text.strip()
    place = re.split(r",|\bngày\b", text, maxsplit=1)[0].strip()
    if not place or not place[0].isupper():
        yield (excerpt(p), place or "không có địa danh", 'địa danh viết hoa, ví dụ "Khánh Hòa,"')
    elif not re.match(re.escape(place) + r"\s*,", text):
        yield (excerpt(p), f"{place} (không có dấu phẩy)", f"{place}, ngày …")


@check("subject.missing")
def _subject_missing(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if roles.doc_type != "dispatch":  # a document of unknown type
        raise NotFoundError("công văn")
    if roles.subject is None:
        yield ("dưới số, ký hiệu", "không có", "V/v …")


@check("title.style")
def _title_style(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.type_title, "tên loại văn bản")
    if not _format_ok(p, 13, 14, bold=True, italic=False, caps=True):
        yield (excerpt(p), _look(p), "in hoa, đậm, cỡ 13–14")
    if roles.type_extract is not None and not _format_ok(
        roles.type_extract, 13, 14, bold=True, italic=False
    ):
        yield (excerpt(roles.type_extract), _look(roles.type_extract), "đậm, cỡ 13–14")


@check("agency.missing")
def _agency_missing(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if roles.agency is None:
        yield ("đầu văn bản, bên trái", "không có", "tên cơ quan ban hành")
    elif roles.agency_misplaced:
        yield (
            excerpt(roles.agency),
            "đặt phía trên Quốc hiệu",
            "bên trái, ngang hàng Quốc hiệu (ô 2, Phụ lục I, mục IV)",
        )


@check("body.missing")
def _body_missing(model: DocModel, roles: Roles) -> Iterator[Violation]:
    # Content made only of headings (and tables: "I. KẾT QUẢ" over a table) is there.
    if not roles.body and not roles.flow:
        yield ("thân văn bản", "không có", "nội dung")


@check("heading.format")
def _heading_format(model: DocModel, roles: Roles) -> Iterator[Violation]:
    # No heading: nothing to judge, and nothing missing (a letter has none).
    for p in roles.headings:
        match = NUMBERED_HEADING.fullmatch(normalise(p.text))
        assert match is not None
        word = match.group("word").capitalize()
        low = 14 if word == "Phụ lục" else 13  # nd30.md §2.15: "Phụ lục I" at 14
        size = "cỡ 14" if low == 14 else "cỡ 13–14"
        expected = f'"{word}": một dòng riêng, canh giữa, chữ in thường, đậm, đứng, {size}'
        text = p.text.strip()
        capitals = text == text.upper() or any(r.caps for r in p.judged_runs)
        centred = p.align == "center"
        if capitals or not centred or not _format_ok(p, low, 14, bold=True, italic=False):
            shown = _look(p) + (", in hoa" if capitals else "")
            yield (excerpt(p), shown + ("" if centred else f", {alignment(p)}"), expected)


@check("scope.party")
def _scope_party(model: DocModel, roles: Roles) -> Iterator[Violation]:
    yield ("đầu văn bản", PARTY_HEADING, "văn bản hành chính theo NĐ 30 (có Quốc hiệu)")


@check("type.conflict")
def _type_conflict(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if len(roles.type_conflict) > 1:
        where = excerpt(roles.type_title) if roles.type_title else "tên loại văn bản"
        yield (
            where,
            " và ".join(roles.type_conflict),
            f"một tên loại (đã dùng: {roles.type_conflict[0]})",
        )


@check("kinh_gui.punctuation")
def _kinh_gui(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if roles.kinh_gui is None and _optional_in_kind(roles, "recipients"):
        raise NotApplicableError("văn bản không có Kính gửi")
    p = _need(roles.kinh_gui, "Kính gửi")
    text = p.text.strip()
    if not re.match(r"Kính gửi:", text):
        yield (excerpt(p), text[:20], "Kính gửi:")
        return
    rest = text.split(":", 1)[1].strip()
    if rest:
        if roles.kinh_gui_items:
            yield (
                excerpt(p),
                'tên nơi nhận trên dòng "Kính gửi" và danh sách bên dưới',
                "một trong hai dạng",
            )
        return
    items = roles.kinh_gui_items
    if not items:
        yield (excerpt(p), "không có nơi nhận", "- …; / - … .")
        return
    for index, item in enumerate(items):
        line = item.text.strip()
        last = index == len(items) - 1
        if not line.startswith("-"):
            yield (excerpt(item), line[:1], 'bắt đầu bằng "-"')
        end = "." if last else ";"
        if not line.endswith(end):
            yield (excerpt(item), line[-1:], f'kết thúc bằng "{end}"')


# --- body ---------------------------------------------------------------------------


def _body(roles: Roles) -> list[Para]:
    if not roles.body:
        raise NotFoundError("nội dung văn bản")
    return roles.body


@check("body.size")
def _body_size(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for p in _body(roles):
        if not all(13 <= r.size_pt <= 14 for r in p.judged_runs):
            yield (excerpt(p), _look(p), "cỡ 13–14")


@check("body.justified")
def _body_justified(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for p in _body(roles):
        if is_placeholder(p.text) or p.leader_tab:
            continue  # dot leaders (typed or a tab's): the line is filled, nothing to align
        if p.align not in {"both", "distribute"}:
            yield (excerpt(p), alignment(p), "canh đều hai lề (justify)")


@check("body.indent")
def _body_indent(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for p in _body(roles):
        if is_placeholder(p.text):
            continue  # a leader tab runs from the margin: the line has no text to indent yet
        # A first line opened with a tab starts at the tab stop (Word's default: 1.27 cm).
        twips = p.indent_first_twips if p.tab_indent_twips is None else p.tab_indent_twips
        cm = twips / TWIPS_PER_MM / 10
        if not (abs(cm - 1.0) <= 0.05 or abs(cm - 1.27) <= 0.05):
            yield (excerpt(p), f"{cm:.2f} cm", "1 cm hoặc 1,27 cm")


@check("body.spacing")
def _body_spacing(model: DocModel, roles: Roles) -> Iterator[Violation]:
    body = _body(roles)
    by_order = {q.order: q for q in model.paragraphs}
    # The first body paragraph too, under a heading of the content ("I. …" then its text);
    # not under what precedes the content (Kính gửi, the trích yếu).
    content = {id(q) for q in roles.flow} | {id(q) for q in body}
    for p in body:
        # The space is between p and the line just above it, body text or not (a heading,
        # "QUYẾT ĐỊNH:"); an empty line above is space enough.
        previous = by_order.get(p.order - 1)
        if previous is None or previous.table != p.table or not previous.text.strip():
            continue
        if p is body[0] and id(previous) not in content:
            continue
        gap = max(previous.space_after_twips, p.space_before_twips)
        if gap < 6 * 20:
            yield (excerpt(p), f"{gap / 20:g} pt", "≥ 6 pt")


@check("body.line_spacing")
def _body_lines(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for p in _body(roles):
        size = max(p.sizes or {14.0})
        rule, line = p.line_rule or "auto", p.line
        if line is None:
            continue  # single by default
        # "single" in Times New Roman is 1.107 × the font size (nd30.md §1). "Exactly" sets
        # the line's height; "at least" sets a floor under it, and a line is never lower
        # than single: "at least 14 pt" on 14 pt text is single spacing.
        single_pt = size * 1.107
        if rule == "auto":
            ratio = line / 240
        elif rule == "atLeast":
            ratio = max(line / 20, single_pt) / single_pt
        else:
            ratio = (line / 20) / single_pt
        if not 0.995 <= ratio <= 1.5 + 1e-6:
            shown = f"{line / 240:g} dòng" if rule == "auto" else f"{rule} {line / 20:g} pt"
            yield (excerpt(p), shown, "từ 1 dòng (single) đến 1,5 dòng")


# --- a quyết định's parts (Mẫu 1.2) and the end of the content -----------------------------


def _line_ending(line: str) -> str:
    return line.rstrip()[-1:]


@check("issuing_authority.format")
def _issuing_authority(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.issuing_authority, "thẩm quyền ban hành")
    expected = "in hoa, đậm, đứng, cỡ 13–14, canh giữa, một dòng riêng"
    if not _format_ok(p, 13, 14, bold=True, italic=False, caps=True):
        yield (excerpt(p), _look(p), expected)
    if p.align != "center":
        yield (excerpt(p), alignment(p), expected)


@check("basis.format")
def _basis_format(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for p in _basis(roles):
        if not _format_ok(p, 0, 99, bold=False, italic=True, caps=False) or is_capitals(p):
            yield (excerpt(p), _look(p), "in thường, nghiêng, không đậm")


@check("basis.punctuation")
def _basis_punctuation(model: DocModel, roles: Roles) -> Iterator[Violation]:
    paragraphs = _basis(roles)
    # A căn cứ per line: a line break inside a paragraph also starts a new line.
    lines = [
        (p, unicodedata.normalize("NFC", line.strip()))
        for p in paragraphs
        for line in p.text.split("\n")
        if line.strip()
    ]
    decision = roles.doc_type == "decision"
    formula = _issuing_formula_after(roles, paragraphs[-1])
    for index, (p, line) in enumerate(lines):
        joined = re.search(r"[;.]\s*(Căn cứ|Theo đề nghị|Xét đề nghị)\b", line)
        if joined:
            yield (excerpt(p), f"«…{line[max(0, joined.start() - 10) : joined.end()]}»",
                   "mỗi căn cứ xuống dòng riêng")  # fmt: skip
        last = index == len(lines) - 1
        if not last or formula:
            wanted = {";"}
        elif decision:
            wanted = {"."}  # the last of the căn cứ and the proposal line (Mẫu 1.2)
        else:
            wanted = {";", "."}  # a tờ trình's căn cứ lead into its proposal
        if _line_ending(line) not in wanted or line.rstrip().endswith("./."):
            shown = " hoặc ".join(f'"{w}"' for w in sorted(wanted, reverse=True))
            yield (excerpt(p), f'kết thúc "{_line_ending(line)}"', f"kết thúc bằng {shown}")


ISSUING_FORMULA = re.compile(
    r"[^.;:]{0,120}\bban hành\s+(?:Quyết định|Nghị định|Thông tư|Nghị quyết|Chỉ thị)\b.*\.",
    re.IGNORECASE,
)
"""The formula that ends the căn cứ of a văn bản quy phạm pháp luật ("Ủy ban nhân dân tỉnh
ban hành Quyết định …", "Chính phủ ban hành Nghị định ….")."""


def _issuing_formula_after(roles: Roles, last: Para) -> bool:
    """The line after the last căn cứ is the VBQPPL formula: it ends the sentence, so the
    căn cứ before it all end with ";"."""
    following = [p for p in roles.flow if p.order > last.order]
    return bool(following) and ISSUING_FORMULA.fullmatch(normalise(following[0].text)) is not None


def _basis(roles: Roles) -> list[Para]:
    if not roles.basis:
        if _optional_in_kind(roles, "bases"):
            raise NotApplicableError("văn bản không có căn cứ")
        raise NotFoundError("căn cứ ban hành")
    return roles.basis


@check("operative.format")
def _operative(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.operative, '"QUYẾT ĐỊNH:"')
    text = normalise(p.text)
    if text != "QUYẾT ĐỊNH:":
        yield (excerpt(p), text, "QUYẾT ĐỊNH: (in hoa, có dấu hai chấm, một dòng riêng)")
    if not _format_ok(p, 13, 14, bold=True, italic=False):
        yield (excerpt(p), _look(p), "đậm, đứng, cỡ 13–14")
    if p.align != "center":
        yield (excerpt(p), alignment(p), "canh giữa")


ARTICLE = re.compile(r"Điều (?P<number>\d+)\.(?=\s|$|[.…])")
"""A right article start; dots after it are the official model's placeholder."""


def _prefix_runs(p: Para, length: int) -> list[RunInfo]:
    """The visible runs holding the first ``length`` characters of ``p``'s text."""
    found: list[RunInfo] = []
    position = len(p.text) - len(p.text.lstrip())
    end = position + length
    offset = 0
    for run in p.runs:
        if offset < end and offset + len(run.text) > position and run.text.strip():
            found.append(run)
        offset += len(run.text)
    return found


@check("article.number")
def _articles(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if not roles.articles:
        raise NotFoundError('các điều ("Điều 1.")')
    for expected, p in enumerate(roles.articles, start=1):
        text = p.text.strip()
        number = ARTICLE_START.match(text)
        assert number is not None  # how the articles were found
        if re.fullmatch(r"[.…]+", number.group("number")):
            continue  # "Điều …." of the official model
        match = ARTICLE.match(text)
        if match is None:
            yield (excerpt(p), text[: number.end() + 1].strip(), f"Điều {expected}.")
            continue
        if int(match.group("number")) != expected:
            yield (excerpt(p), match.group(0), f"Điều {expected}. (đánh số liên tục từ 1)")
        runs = _prefix_runs(p, match.end())
        if not runs or not all(r.bold and not r.italic for r in runs):
            bold = "đậm" if runs and all(r.bold for r in runs) else "không đậm"
            slant = "nghiêng" if any(r.italic for r in runs) else "đứng"
            yield (
                excerpt(p),
                f'"{match.group(0)}" {bold}, {slant}',
                f'"{match.group(0)}" đậm, đứng',
            )


END_MARK = "./."


@check("body.end_mark")
def _end_mark(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.closing, "đoạn cuối của nội dung")
    text = p.text.rstrip()
    if not text.endswith(END_MARK):
        yield (excerpt(p), f"«…{text[-12:]}»", f'kết thúc bằng "{END_MARK}"')


QPPL_NUMBER = re.compile(r"Số\s*:?\s*[\d.…]*\s*/\s*(19|20)\d\d\s*/")
"""The number of a văn bản quy phạm pháp luật: "Số: 09/2010/QĐ-UBND" (the year between)."""


def _is_qppl(roles: Roles) -> bool:
    """A văn bản quy phạm pháp luật by its number: the year between number and ký hiệu."""
    return roles.number is not None and QPPL_NUMBER.search(roles.number.text) is not None


@check("noi_nhan.nhu_dieu")
def _nhu_dieu(model: DocModel, roles: Roles) -> Iterator[Violation]:
    _need(roles.noi_nhan_label, "Nơi nhận")
    if not roles.noi_nhan_items:
        raise NotFoundError("danh sách nơi nhận")
    if _is_qppl(roles):
        # "Số: 09/2010/QĐ-UBND": a quyết định quy phạm pháp luật (its number carries the
        # year, Nghị định 34/2016/NĐ-CP), whose Nơi nhận is not Mẫu 1.2's.
        raise NotApplicableError("quyết định quy phạm pháp luật (số có năm ban hành)")
    first = roles.noi_nhan_items[0]
    line = first.text.strip()
    count = len(roles.articles)
    executing = f"- Như Điều {count};" if count else "- Như Điều <số điều>;"
    match = re.match(r"-?\s*Như Điều\b(?P<rest>.*)", line)
    if match is None:
        yield (excerpt(first), line, f"{executing} (những người thi hành quyết định)")
        return
    named = [int(n) for n in re.findall(r"\d+", match.group("rest"))]
    if not named:
        if re.fullmatch(r"\s*[.…]{2,};?", match.group("rest")) is None:
            yield (excerpt(first), line, executing)
        return  # "- Như Điều....;" of the official model
    if count:
        wrong = [n for n in named if not 1 <= n <= count]
        if wrong:
            yield (excerpt(first), line, f"điều có trong quyết định (Điều 1 đến Điều {count})")


REFERENCE = re.compile(
    r"\((?:Ban hành )?kèm theo (?P<type>.+?) số\b.*\bngày\b.*\bcủa\b.*[^\s(]\s*\)",
    re.IGNORECASE,
)


def _reference_text(model: DocModel, p: Para) -> str:
    """The reference line with the lines it runs onto until its ")" ("(Kèm theo Nghị định
    số 30/2020/NĐ-CP" / "ngày 05 tháng 3 năm 2020 của Chính phủ)")."""
    lines = [p.text]
    if ")" not in p.text:
        for q in model.paragraphs:
            if q.order <= p.order or q.table != p.table:
                continue
            if not q.text.strip():
                break
            lines.append(q.text)
            if ")" in q.text or len(lines) > 3:
                break
    return normalise(" ".join(lines))


@check("attachment.reference")
def _attachment_reference(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if not roles.attachments:
        raise NotApplicableError("không có danh sách, phụ lục kèm theo")
    found = kinds.find(roles.doc_type)
    words = {"văn bản"} | ({found.name} if found is not None else set())
    shown_type = (found.name if found is not None else "văn bản").capitalize()
    expected = f"(Kèm theo {shown_type} số … ngày … tháng … năm … của …)"
    for part in roles.attachments:
        p = part.reference
        if p is None:
            yield (excerpt(part.first), "không có dòng chỉ dẫn", f"{expected} dưới tên")
            continue
        text = _reference_text(model, p)
        match = REFERENCE.fullmatch(text)
        if match is None or (found is not None and match.group("type").lower() not in words):
            yield (excerpt(p), text, expected)
        centred = p.align == "center"
        if not _format_ok(p, 13, 14, bold=False, italic=True, caps=False) or not centred:
            shown = _look(p) + ("" if centred else f", {alignment(p)}")
            yield (excerpt(p), shown, "in thường, nghiêng, cỡ 13–14, canh giữa")


# --- nơi nhận and signature ----------------------------------------------------------


@check("noi_nhan.label")
def _nn_label(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.noi_nhan_label, "Nơi nhận")
    if p.text.strip() != "Nơi nhận:":
        yield (excerpt(p), p.text.strip(), "Nơi nhận:")
    if not _format_ok(p, 12, 12, bold=True, italic=True):
        yield (excerpt(p), _look(p), "đậm, nghiêng, cỡ 12")


@check("noi_nhan.items")
def _nn_items(model: DocModel, roles: Roles) -> Iterator[Violation]:
    _need(roles.noi_nhan_label, "Nơi nhận")
    items = roles.noi_nhan_lines or [[p] for p in roles.noi_nhan_items]
    if not items:
        raise NotFoundError("danh sách nơi nhận")
    for lines in items[:-1]:
        # An item may wrap onto the next lines: it starts with its first, ends with its last.
        start, end = lines[0].text.strip(), lines[-1].text.strip()
        if not start.startswith("-") or not end.endswith(";"):
            yield (excerpt(lines[0]), _item_text(lines), "- …;")
    for lines in items:
        for item in lines:
            if not _format_ok(item, 11, 11, bold=False, italic=False):
                yield (excerpt(item), _look(item), "cỡ 11, đứng, không đậm")


def _item_text(lines: list[Para]) -> str:
    return " ".join(p.text.strip() for p in lines)


@check("noi_nhan.archive")
def _nn_archive(model: DocModel, roles: Roles) -> Iterator[Violation]:
    _need(roles.noi_nhan_label, "Nơi nhận")
    if not roles.noi_nhan_items:
        raise NotFoundError("danh sách nơi nhận")
    last = roles.noi_nhan_items[-1]
    lines = roles.noi_nhan_lines[-1] if roles.noi_nhan_lines else [last]
    if not re.fullmatch(r"-\s*Lưu:?\s*VT\b.*\.", _item_text(lines)):
        yield (excerpt(last), _item_text(lines), "- Lưu: VT, … .")


@check("authority.format")
def _authority(model: DocModel, roles: Roles) -> Iterator[Violation]:
    lines = [*roles.authority, *([roles.signer_title] if roles.signer_title else [])]
    if not lines:
        raise NotFoundError("quyền hạn, chức vụ người ký")
    for p in lines:
        if not _format_ok(p, 13, 14, bold=True, italic=False, caps=True):
            yield (excerpt(p), _look(p), "in hoa, đậm, cỡ 13–14")


@check("authority.text")
def _authority_text(model: DocModel, roles: Roles) -> Iterator[Violation]:
    lines = [*roles.authority, *([roles.signer_title] if roles.signer_title else [])]
    if not lines:
        raise NotFoundError("quyền hạn, chức vụ người ký")
    for p in lines:
        for line in p.text.split("\n"):
            problem = authority_problem(line.strip())
            if problem is not None:
                yield (excerpt(p), *problem)


@check("signer.name")
def _signer_name(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.signer_name, "họ tên người ký")
    text = p.text.strip()
    all_caps = text == text.upper() or all(r.caps for r in p.judged_runs)
    if all_caps or not _format_ok(p, 13, 14, bold=True, italic=False):
        yield (excerpt(p), _look(p) + (", in hoa" if all_caps else ""), "in thường, đậm, cỡ 13–14")


@check("signer.layout")
def _signer_layout(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.signer_name, "họ tên người ký")
    if p.table is not None and p.table[0] >= TAB_TABLE:
        return  # pushed to the right with tabs or spaces: in place, its centring unknown
    if p.table is None or p.align != "center":
        where = "trong bảng" if p.table else "ngoài bảng"
        yield (
            excerpt(p),
            f"{where}, {alignment(p)}",
            "ô bên phải của bảng chữ ký, canh giữa",
        )


@check("page_number.first")
def _page_first(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if not roles.first_page_numbers:
        return
    p = roles.first_page_numbers[0]
    if model.sections and not model.sections[0].title_page:
        yield (excerpt(p), "số trang hiện cả ở trang 1", 'bật "Different first page"')
    else:
        yield (excerpt(p), "có số trang ở trang 1", "không đánh số trang 1")


@check("page_number.position")
def _page_position(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for p in roles.footer_page_numbers:
        yield (excerpt(p), "số trang ở chân trang", "số trang ở lề trên (đầu trang), canh giữa")
    if not roles.page_numbers:
        if roles.footer_page_numbers:
            return
        raise NotFoundError("số trang (trường PAGE ở đầu trang)")
    for p in roles.page_numbers:
        runs = p.runs
        sizes = {r.size_pt for r in runs} or {10.0}
        if (
            p.align != "center"
            or not all(13 <= s <= 14 for s in sizes)
            or any(r.italic for r in runs)
        ):
            shown_sizes = "/".join(f"{s:g}" for s in sorted(sizes))
            yield (
                excerpt(p),
                f"{alignment(p)}, cỡ {shown_sizes}",
                "canh giữa, cỡ 13–14, đứng",
            )


# --- a biên bản (Phụ lục III, Mẫu 1.9) -----------------------------------------------------


@check("minutes.signatures")
def _minutes_signatures(model: DocModel, roles: Roles) -> Iterator[Violation]:
    secretary, chair = roles.secretary_title, roles.chair_title
    if secretary is None:
        yield ("cuối văn bản, bên trái", "không có", "THƯ KÝ (in hoa, đậm), họ tên dưới")
    if chair is None:
        yield ("cuối văn bản, bên phải", "không có", "CHỦ TỌA (in hoa, đậm), họ tên dưới")
    if secretary is None or chair is None:
        return
    assert secretary.table is not None and chair.table is not None
    if secretary.table[0] != chair.table[0] or secretary.table[2] >= chair.table[2]:
        yield (
            excerpt(chair),
            "CHỦ TỌA không ở bên phải THƯ KÝ",
            "THƯ KÝ bên trái, CHỦ TỌA bên phải",
        )
    for title, name in ((secretary, roles.secretary_name), (chair, roles.chair_name)):
        if name is None:
            yield (excerpt(title), "không có họ tên", f"họ tên dưới {normalise(title.text)}")


MINUTES_LINES = (
    ("Thời gian bắt đầu: …", re.compile(r"Thời gian bắt đầu\s*:")),
    ("Địa điểm: …", re.compile(r"Địa điểm\s*:")),
)
"""The opening lines of a biên bản (Mẫu 1.9), as their text begins."""


@check("minutes.opening")
def _minutes_opening(model: DocModel, roles: Roles) -> Iterator[Violation]:
    texts = [normalise(p.text) for p in model.paragraphs if p.table is None]
    for expected, pattern in MINUTES_LINES:
        if not any(pattern.match(text) for text in texts):
            yield ("sau tên loại và trích yếu", "không có", expected)


# --- a sổ đăng ký văn bản đi (Phụ lục IV, mục I) ------------------------------------------


REGISTER_COVER_LINES = (
    ("Năm: …", re.compile(r"Năm\s*:")),
    ("Từ ngày … đến ngày …", re.compile(r"Từ ngày\b.*\bđến ngày\b")),
    ("Từ số … đến số …", re.compile(r"Từ số\b.*\bđến số\b")),
    ("Quyển số: …", re.compile(r"Quyển số\s*:")),
)
"""The lines of the cover under the title (Phụ lục IV, mục I.1), as their text begins."""


@check("register.cover")
def _register_cover(model: DocModel, roles: Roles) -> Iterator[Violation]:
    title = _need(roles.register_title, REGISTER_TITLE)
    lines = [normalise(p.text) for p in model.paragraphs if p.order > title.order]
    for shown, pattern in REGISTER_COVER_LINES:
        if not any(pattern.match(line) for line in lines):
            yield (f"bìa sổ, dưới {excerpt(title)}", "không có", shown)


@check("register.columns")
def _register_columns(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if not roles.register_headings:
        raise NotFoundError(f'hàng tiêu đề cột của sổ ("{REGISTER_COLUMNS[0]}")')
    found = [text.casefold() for text, _ in roles.register_headings]
    row = roles.register_headings[0][1].where.rsplit(",", 1)[0]
    previous = -1
    for number, heading in enumerate(REGISTER_COLUMNS, start=1):
        wanted = normalise(heading).casefold()
        position = found.index(wanted) if wanted in found else None
        if position is None:
            yield (row, "không có", f"({number}) {heading}")
        elif position < previous:
            shown = roles.register_headings[position][1]
            expected = f"({number}) {heading}, sau cột {previous + 1}"
            yield (excerpt(shown), f"cột {position + 1}", expected)
        else:
            previous = position


@check("register.orientation")
def _register_orientation(model: DocModel, roles: Roles) -> Iterator[Violation]:
    for section in model.sections:
        width, height = section.page_width_twips, section.page_height_twips
        if width is None or height is None:
            raise NotFoundError("khổ giấy")
        if width < height:
            yield (f"mục {section.index + 1}", "khổ dọc", "khổ ngang (10 cột của sổ)")


# --- a bảng tổng hợp tiền thưởng (tdkt_docs.awards.money_table) ---------------------------


@check("money_table.title")
def _money_table_title(model: DocModel, roles: Roles) -> Iterator[Violation]:
    p = _need(roles.money_table_title, MONEY_TABLE_TITLE)
    if not _format_ok(p, 13, 14, bold=True, italic=False, caps=True) or p.align != "center":
        yield (excerpt(p), f"{_look(p)}, {alignment(p)}", "in hoa, đậm, cỡ 13–14, canh giữa")


@check("money_table.columns")
def _money_table_columns(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if not roles.money_table_headings:
        raise NotFoundError(f'hàng tiêu đề cột của bảng ("{MONEY_TABLE_COLUMNS[1]}")')
    found = [text.casefold() for text, _ in roles.money_table_headings]
    wanted = [normalise(heading).casefold() for heading in MONEY_TABLE_COLUMNS]
    if found != wanted:
        row = roles.money_table_headings[0][1].where.rsplit(",", 1)[0]
        yield (row, " | ".join(text for text, _ in roles.money_table_headings),
               " | ".join(MONEY_TABLE_COLUMNS))  # fmt: skip


def _amount(text: str) -> int | None:
    digits = normalise(text).rstrip("*").strip()
    return int(digits.replace(".", "")) if re.fullmatch(r"\d{1,3}(\.\d{3})*", digits) else None


@check("money_table.total")
def _money_table_total(model: DocModel, roles: Roles) -> Iterator[Violation]:
    if not roles.money_table_headings:
        raise NotFoundError(f'hàng tiêu đề cột của bảng ("{MONEY_TABLE_COLUMNS[1]}")')
    table = roles.money_table_headings[0][1].table
    assert table is not None
    rows: dict[int, dict[int, str]] = {}
    for p in model.paragraphs:
        if p.table is not None and p.table[0] == table[0] and p.table[1] > table[1]:
            cells = rows.setdefault(p.table[1], {})
            cells[p.table[2]] = (cells.get(p.table[2], "") + " " + p.text).strip()
    entries = total = None
    for cells in rows.values():
        texts = [cells[index] for index in sorted(cells)]
        if texts and texts[0].strip().isdigit():
            amount = _amount(texts[-1])
            entries = (entries or 0) + (amount or 0)
        elif len(texts) > 1 and normalise(texts[1]) == MONEY_TABLE_TOTAL:
            total = _amount(texts[-1])
    if total is None:
        raise NotFoundError(f'dòng "{MONEY_TABLE_TOTAL}" của bảng')
    if entries != total:
        yield (f'dòng "{MONEY_TABLE_TOTAL}"', f"{total:,}".replace(",", "."),
               f"tổng các dòng: {(entries or 0):,}".replace(",", "."))  # fmt: skip
    words = next(
        (p for p in model.paragraphs if normalise(p.text).startswith(MONEY_TABLE_WORDS.strip())),
        None,
    )
    if words is None:
        yield ("sau bảng", "không có", f"{MONEY_TABLE_WORDS}… đồng.")
        return
    from tdkt_docs.vietnamese.numbers import NumberWordsError, words_to_number

    text = normalise(words.text).removeprefix(MONEY_TABLE_WORDS.strip()).strip()
    try:
        read = words_to_number(text)
    except NumberWordsError:
        read = None
    if read != total:
        yield (excerpt(words), text, f"số tiền bằng chữ của {total:,}".replace(",", "."))


# --- presence and look of single elements, as data -------------------------------------

# rule id: (role attribute, where it belongs, what is expected)
_PRESENCE: dict[str, tuple[str, str, str]] = {
    "quoc_hieu.missing": ("quoc_hieu", "đầu văn bản", QUOC_HIEU),
    "tieu_ngu.missing": ("tieu_ngu", "đầu văn bản", TIEU_NGU),
    "number.missing": ("number", "dưới tên cơ quan", "Số: …/…"),
    "date_line.missing": ("date_line", "dưới Quốc hiệu", "Địa danh, ngày … tháng … năm …"),
    "noi_nhan.missing": ("noi_nhan_label", "cuối văn bản, bên trái", "Nơi nhận:"),
    "signer.missing": ("signer_name", "cuối văn bản, bên phải", "họ tên người ký"),
    "issuing_authority.missing": (
        "issuing_authority",
        "giữa trích yếu và căn cứ",
        "thẩm quyền ban hành, ví dụ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …",
    ),
    "operative.missing": ("operative", "sau các căn cứ, trước Điều 1", "QUYẾT ĐỊNH:"),
}

# rule id: (role attribute, element name, sizes, bold, italic, capitals, expected)
_LOOK: dict[
    str, tuple[str, str, tuple[float, float], bool | None, bool | None, bool | None, str]
] = {
    "quoc_hieu.format": (
        "quoc_hieu",
        "Quốc hiệu",
        (12, 13),
        True,
        False,
        True,
        "in hoa, đậm, đứng, cỡ 12–13",
    ),
    "tieu_ngu.format": (
        "tieu_ngu",
        "Tiêu ngữ",
        (13, 14),
        True,
        False,
        False,
        "in thường, đậm, đứng, cỡ 13–14",
    ),
    "agency.format": (
        "agency",
        "tên cơ quan ban hành",
        (12, 13),
        True,
        False,
        True,
        "in hoa, đậm, đứng, cỡ 12–13",
    ),
    "number.style": ("number", "số, ký hiệu", (13, 13), None, False, None, "cỡ 13, kiểu chữ đứng"),
    "date_line.style": (
        "date_line",
        "địa danh và thời gian",
        (13, 14),
        None,
        True,
        None,
        "nghiêng, cỡ 13–14",
    ),
    "subject.style": (
        "subject",
        "trích yếu công văn",
        (12, 13),
        False,
        False,
        None,
        "không đậm, đứng, cỡ 12–13",
    ),
}


def _presence_check(attribute: str, where: str, expected: str) -> CheckFunction:
    def run(model: DocModel, roles: Roles) -> Iterator[Violation]:
        if attribute == "date_line":
            _no_date_line_in_kind(roles)
        if not getattr(roles, attribute):
            if attribute in ("issuing_authority", "operative") and _is_qppl(roles):
                # "Ủy ban nhân dân tỉnh ban hành Quyết định …": the formula of a quyết
                # định quy phạm pháp luật replaces the authority line and "QUYẾT ĐỊNH:".
                raise NotApplicableError("quyết định quy phạm pháp luật (số có năm ban hành)")
            yield (where, "không có", expected)

    return run


def _look_check(
    attribute: str,
    element: str,
    sizes: tuple[float, float],
    bold: bool | None,
    italic: bool | None,
    caps: bool | None,
    expected: str,
) -> CheckFunction:
    def run(model: DocModel, roles: Roles) -> Iterator[Violation]:
        p = (
            _date_line(roles)
            if attribute == "date_line"
            else _need(getattr(roles, attribute), element)
        )
        if not _format_ok(p, *sizes, bold=bold, italic=italic, caps=caps):
            yield (excerpt(p), _look(p), expected)

    return run


for _rule, (_attribute, _where, _expected) in _PRESENCE.items():
    CHECKS[_rule] = _presence_check(_attribute, _where, _expected)
for _rule, _spec in _LOOK.items():
    CHECKS[_rule] = _look_check(*_spec)
