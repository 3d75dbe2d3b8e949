"""The sổ đăng ký văn bản đi (Nghị định 30/2020/NĐ-CP, Phụ lục IV, mục I): one row per
outgoing document, as XLSX and as a landscape DOCX with the register's cover page.

Phụ lục IV asks for at least ten columns, numbered (1) to (10) under their headings
(``COLUMNS``). A row is made from any document model (:func:`register_entry`); columns (8)
Ngày chuyển and (9) Ký nhận stay blank: they are filled in by hand when the document is
handed over. The cover page (:class:`RegisterCover`) carries the agency, "SỔ ĐĂNG KÝ VĂN
BẢN ĐI", the year, the first and last dates and numbers, and the quyển số; what is not
given is computed from the entries, or left in dots for the clerk when it cannot be.

A register is not a văn bản: it has no quốc hiệu, and ``tdkt-docs check`` recognises it by
its title and checks what applies to it (landscape pages, the ten headings in order, the
fonts; ``tdkt_docs/data/check_rules.yaml``).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm
from docx.table import Table, _Cell

from tdkt_docs.appendices import page_number_type
from tdkt_docs.docx_package import to_bytes
from tdkt_docs.errors import DataError
from tdkt_docs.kinds import kind_of
from tdkt_docs.models import AdministrativeDocument, Agency, IssueDate
from tdkt_docs.ooxml import add_field, child, element_of, fix_table_geometry
from tdkt_docs.profile import Profile, default_profile
from tdkt_docs.roles import ROLES
from tdkt_docs.tabular import protect_cell
from tdkt_docs.template_builder.base import (
    TEMPLATE_TIMESTAMP,
    TableStyle,
    add_table_styles,
    drop_unused_role_styles,
    new_document,
)
from tdkt_docs.text import clean_line
from tdkt_docs.vietnamese.dates import document_number, month_text, short_date

if TYPE_CHECKING:
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]

TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
COLUMNS = (
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)
"""The ten headings of Phụ lục IV, mục I.2 ("Tối thiểu gồm 10 nội dung"), in order."""
COLUMN_NUMBERS = tuple(f"({n})" for n in range(1, len(COLUMNS) + 1))
"""The row under the headings: "(1)" … "(10)"."""

BLANK_NUMBER = "   "
"""Where the số of a document not numbered yet goes: "   /QĐ-UBND", filled in by hand."""
BLANK_DAY = "   "
"""Where the day of a document dated at signing goes: "   /9/2025"."""
DOTS = "…………"
"""A cover value that is not known, left for the clerk as in the model ("Năm: ……")."""

COLUMN_WIDTHS_MM = (30.0, 22.0, 52.0, 30.0, 33.0, 20.0, 13.0, 15.0, 20.0, 12.0)
"""The columns at the bundled profile's landscape text width (297 − 30 − 20 = 247 mm),
scaled to another profile's: each heading word fits its column at the table size (12 pt),
a date ("15/12/2025") fits column (2), and Ký nhận leaves room for a signature."""
CENTRED_COLUMNS = frozenset({1, 6, 7})
"""Columns (0-based) whose short values are centred: the date, the copies, the handover date."""
ROW_HEIGHT_MM = 10.0
"""At least this high, so that column (9) holds a handwritten signature."""

TABLE_SIZE_PT = 12.0

_GROUP = re.compile(r"(?:^|\s)[Cc]ác\s")
"""A recipient that stands for several ("Các sở, ban, ngành", "UBND các huyện"): one line
of the Nơi nhận, several copies."""
_POINTER = re.compile(r"Như (?:trên|Điều\b)")
"""A recipient named elsewhere: "Như trên" (Kính gửi), "Như Điều 3" (those who carry out a
decision)."""


@dataclass(frozen=True)
class RegisterEntry:
    """One row of the register: the ten columns of Phụ lục IV as they are written.

    ``number`` and ``issued`` are the document's số and date once more, as values: the
    cover's "Từ số … đến số …" and "Từ ngày … đến ngày …" are computed from them.
    """

    number_symbol: str
    """(1) Số, ký hiệu văn bản: "12/QĐ-UBND", or "   /QĐ-UBND" before the số is given."""
    date: str
    """(2) Ngày tháng văn bản: "15/9/2025", or "   /9/2025" before the day is given."""
    summary: str
    """(3) Tên loại và trích yếu nội dung văn bản: "Quyết định về việc tặng Bằng khen …"."""
    signer: str
    """(4) Người ký: "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Trần Thị Hồng"."""
    recipients: str
    """(5) Nơi nhận văn bản, "; " between them: Kính gửi, then the Nơi nhận without "Lưu"."""
    archive: str
    """(6) Đơn vị, người nhận bản lưu: the "Lưu" line, "VT, PTĐKT"."""
    copies: int | None
    """(7) Số lượng bản; ``None`` when it cannot be counted (left blank)."""
    handed_over: str = ""
    """(8) Ngày chuyển: blank, written by hand."""
    received_by: str = ""
    """(9) Ký nhận: blank, signed by hand."""
    note: str = ""
    """(10) Ghi chú."""
    number: int | None = field(default=None, compare=False)
    issued: IssueDate | None = field(default=None, compare=False)

    def cells(self) -> tuple[str, ...]:
        """The ten columns as text, in order (the copies as digits, or blank)."""
        copies = "" if self.copies is None else str(self.copies)
        return (
            self.number_symbol,
            self.date,
            self.summary,
            self.signer,
            self.recipients,
            self.archive,
            copies,
            self.handed_over,
            self.received_by,
            self.note,
        )


def _describe(document: AdministrativeDocument) -> str:
    """How an error names the document: "quyết định 12/QĐ-UBND"."""
    number = document_number(document.number, "…")
    return f"{kind_of(document).name} {number}/{document.symbol}"


def number_symbol(document: AdministrativeDocument) -> str:
    """Column (1): "12/QĐ-UBND", "05/SNV-TĐKT" (ND30 pads a số below 10), or "   /QĐ-UBND"."""
    return f"{document_number(document.number, BLANK_NUMBER)}/{document.symbol}"


def date_text(date: IssueDate) -> str:
    """Column (2), as ND30 writes a date in running text: "15/9/2025", "05/02/2024"; a day
    left for the clerk stays blank ("   /9/2025")."""
    if date.day is None:
        return f"{BLANK_DAY}/{month_text(date.month)}/{date.year}"
    return short_date(dt.date(date.year, date.month, date.day))


def _mid_sentence(text: str) -> str:
    """``text`` as it reads after another word: an initial capital that only starts the
    line goes ("Kết quả …" → "kết quả …", "Về việc" → "về việc"); abbreviations and names
    keep theirs ("V/v", "UBND …", "Sở Nội vụ …", "Ban Thi đua …")."""
    words = text.split(" ", 2)
    first = words[0]
    if len(first) < 2 or not first[0].isupper() or not first[1].isalpha():
        return text
    if any(c.isupper() for c in first[1:]):
        return text  # an abbreviation: UBND, HĐND, TĐKT
    if " ".join(words[:2]) in _NAME_PAIRS:
        return text  # a body: Ủy ban nhân dân …, Hội đồng Thi đua …
    if len(words) > 1 and words[1][:1].isupper() and first in _NAME_HEADS:
        return text  # a name: Sở Nội vụ, Ban Thi đua - Khen thưởng
    return first[0].lower() + text[1:]


_NAME_HEADS = frozenset(
    [
        "Ban",
        "Bộ",
        "Cục",
        "Đảng",
        "Huyện",
        "Phòng",
        "Phường",
        "Quận",
        "Sở",
        "Tỉnh",
        "Trường",
        "Viện",
        "Xã",
    ]
)
"""First words of names when a capitalised word follows ("Sở Nội vụ", "Ban Thi đua …");
another first word ("Họp Hội đồng …", "Tổ chức Hội nghị …") starts the sentence."""
_NAME_PAIRS = frozenset(
    (
        "Hội đồng",
        "Ủy ban",
        "Văn phòng",
        "Trung tâm",
        "Mặt trận",
        "Liên đoàn",
        "Thành phố",
        "Thị xã",
        "Công an",
        "Chi cục",
        "Tổng cục",
        "Hội Liên",
    )
)
"""Bodies whose name opens with two words, the second in lower case: "Ủy ban nhân dân"."""


def type_name(document: AdministrativeDocument) -> str:
    """The document's tên loại, capitalised: "Quyết định", "Tờ trình", "Công văn".

    A công văn prints no type name (ND30 Phụ lục I, mục II.5), but it is one of the types
    of văn bản hành chính (Điều 7) and column (3) asks for the type: it is "Công văn"."""
    name = kind_of(document).name
    return name[:1].upper() + name[1:]


def summary_text(document: AdministrativeDocument) -> str:
    """Column (3): the type name and the trích yếu, as the document is cited.

    The words that open the trích yếu on the page stay: "Quyết định về việc tặng …",
    "Công văn V/v tăng cường …" (the "V/v" the letter shows). A type whose trích yếu stands
    alone under its name reads on: "Tờ trình đề nghị tặng …", "Báo cáo kết quả …".
    """
    prefix = kind_of(document).title_prefix
    return f"{type_name(document)} {_mid_sentence(prefix + document.subject)}"


def signer_text(document: AdministrativeDocument) -> str:
    """Column (4): the authority lines and title as signed, then the name:
    "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Trần Thị Hồng"."""
    signer = document.signer
    return f"{', '.join((*signer.authority, signer.title))} {signer.name}"


def recipient_list(document: AdministrativeDocument) -> tuple[str, ...]:
    """Everyone the document goes to, once each: its Kính gửi, then its Nơi nhận with
    "Như trên" read as the Kính gửi it points to; the "Lưu" line is not a recipient."""
    addressed: tuple[str, ...] = tuple(getattr(document, "recipients", ()) or ())
    items: list[str] = [] if "Như trên" in document.distribution else list(addressed)
    for item in document.distribution:
        if item == "Như trên" and addressed:
            items.extend(addressed)
        else:
            items.append(item)
    return tuple(dict.fromkeys(items))


def counted_copies(document: AdministrativeDocument) -> int | None:
    """The copies issued: ô 12's number when the document gives it ("PL.(300)"), else one
    per recipient and one per "Lưu" holder; ``None`` when a recipient stands for several
    ("Như Điều 2", "Các sở, ban, ngành"), whose copies cannot be counted here."""
    if document.drafter is not None and document.drafter.copies is not None:
        return document.drafter.copies
    recipients = recipient_list(document)
    if any(_POINTER.match(r) or _GROUP.search(r) for r in recipients):
        return None
    return len(recipients) + len(document.archive)


def register_entry(
    document: AdministrativeDocument, *, copies: int | None = None, note: str = ""
) -> RegisterEntry:
    """The register row of ``document`` (any kind of :mod:`tdkt_docs.kinds`).

    ``copies`` replaces the counted number (:func:`counted_copies`); ``note`` goes into
    column (10). Raises :class:`DataError` for a count below 1 or a note with control
    characters.
    """
    where = _describe(document)
    if copies is not None and (isinstance(copies, bool) or not isinstance(copies, int)):
        raise DataError.single(where, "copies", f"expected a whole number from 1, got {copies!r}")
    if copies is not None and not 1 <= copies <= 999_999:
        raise DataError.single(where, "copies", f"expected 1 to 999.999 copies, got {copies}")
    try:
        note = clean_line(note)
    except ValueError as exc:
        raise DataError.single(where, "note", str(exc)) from None
    return RegisterEntry(
        number_symbol=number_symbol(document),
        date=date_text(document.date),
        summary=summary_text(document),
        signer=signer_text(document),
        recipients="; ".join(recipient_list(document)),
        archive=", ".join(document.archive),
        copies=copies if copies is not None else counted_copies(document),
        note=note,
        number=document.number,
        issued=document.date,
    )


# --- The cover ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterCover:
    """The cover and first page of the register (Phụ lục IV, mục I.1).

    ``None`` is "compute it from the entries" (:meth:`completed`), and where that cannot
    be done, dots for the clerk.
    """

    agency: str
    """TÊN CƠ QUAN/ĐƠN VỊ, in capitals; a line break where the name breaks."""
    parent: str | None = None
    """TÊN CƠ QUAN CHỦ QUẢN TRỰC TIẾP, when there is one."""
    year: int | None = None
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    first_number: int | None = None
    last_number: int | None = None
    volume: str | None = None
    """Quyển số: "01", "1/2025"."""

    @classmethod
    def of(cls, agency: Agency, *, volume: str | None = None) -> RegisterCover:
        """The cover of ``agency``'s register (its name and cơ quan chủ quản)."""
        return cls(agency=agency.name, parent=agency.parent, volume=volume)

    def completed(self, entries: Sequence[RegisterEntry]) -> RegisterCover:
        """This cover with what is not given computed from ``entries``.

        The year is theirs (a register holds one year: ND30 Điều 15 numbers documents by
        calendar year; entries of two years are refused). The dates and numbers are their
        first and last, when every entry has its day and its số: with one still blank the
        range is not known yet, and stays in dots.
        """
        dates = [e.issued for e in entries if e.issued is not None]
        years = sorted({d.year for d in dates})
        if self.year is None and len(years) > 1:
            raise DataError.single(
                None,
                "register",
                f"the entries are of {', '.join(map(str, years))}; a register holds one "
                "year's documents (ND30 Điều 15 numbers them by calendar year)",
            )
        year = self.year if self.year is not None else (years[0] if years else None)
        outside = [e.number_symbol for e in entries if e.issued and e.issued.year != year]
        if outside:
            raise DataError.single(
                None, "register", f"{outside[0]} is not of {year}, the register's year"
            )
        days = [dt.date(d.year, d.month, d.day) for d in dates if d.day is not None]
        full = days if len(days) == len(entries) else []
        numbers = [e.number for e in entries if e.number is not None]
        numbered = len(numbers) == len(entries) and bool(numbers)
        return replace(
            self,
            year=year,
            first_date=self.first_date or (min(full) if full else None),
            last_date=self.last_date or (max(full) if full else None),
            first_number=self.first_number or (min(numbers) if numbered else None),
            last_number=self.last_number or (max(numbers) if numbered else None),
        )

    def lines(self) -> dict[str, str]:
        """The cover's text lines by role, dots where a value is not known."""

        def shown(value: object) -> str:
            if value is None:
                return DOTS
            if isinstance(value, dt.date):
                return short_date(value)
            if isinstance(value, int):
                return document_number(value)
            return str(value)

        return {
            "year": f"Năm: {DOTS if self.year is None else self.year}",
            "dates": f"Từ ngày {shown(self.first_date)} đến ngày {shown(self.last_date)}",
            "numbers": f"Từ số {shown(self.first_number)} đến số {shown(self.last_number)}",
            "volume": f"Quyển số: {shown(self.volume)}",
        }

    def stamp(self, entries: Sequence[RegisterEntry]) -> dt.datetime:
        """The files' date, from their content only (same entries, same bytes): the last
        entry's date, else 1 January of the year, else the decree's date."""
        if self.last_date is not None:
            return dt.datetime.combine(self.last_date, dt.time())
        days = [e.issued for e in entries if e.issued is not None and e.issued.day]
        if days:
            last = max((d.year, d.month, d.day or 1) for d in days)
            return dt.datetime(*last)
        if self.year is not None:
            return dt.datetime(self.year, 1, 1)
        return TEMPLATE_TIMESTAMP.replace(tzinfo=None)


# --- DOCX -----------------------------------------------------------------------------------


_Style = partial(TableStyle, align=WD_ALIGN_PARAGRAPH.CENTER)
"""The register's styles are centred unless they say otherwise."""

STYLES = {
    "parent": _Style("SoDangKyCoQuanChuQuan", "Sổ đăng ký: Cơ quan chủ quản", 14),
    "agency": _Style("SoDangKyCoQuan", "Sổ đăng ký: Tên cơ quan", 14, bold=True),
    "title": _Style("SoDangKyTenSo", "Sổ đăng ký: Tên sổ", 22, bold=True, space_before_pt=110),
    "year": _Style("SoDangKyNam", "Sổ đăng ký: Năm", 14, italic=True, space_before_pt=24),
    "range": _Style("SoDangKyTuDen", "Sổ đăng ký: Từ … đến …", 14, italic=True,
                    space_before_pt=12),
    "volume": _Style("SoDangKyQuyenSo", "Sổ đăng ký: Quyển số", 14, space_before_pt=96),
    "heading": _Style("SoDangKyTieuDeCot", "Sổ đăng ký: Tiêu đề cột", TABLE_SIZE_PT, bold=True),
    "column_number": _Style("SoDangKySoCot", "Sổ đăng ký: Số thứ tự cột", TABLE_SIZE_PT),
    "cell": _Style("SoDangKyNoiDung", "Sổ đăng ký: Nội dung", TABLE_SIZE_PT,
                   align=WD_ALIGN_PARAGRAPH.LEFT),
    "centred_cell": _Style("SoDangKySoLieu", "Sổ đăng ký: Ngày và số lượng", TABLE_SIZE_PT),
}  # fmt: skip
"""The register's Word styles, one per role, with Vietnamese names (Word's style list)."""


def _landscape(section: Section, profile: Profile) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = Mm(profile.page.height_mm)
    section.page_height = Mm(profile.page.width_mm)


def text_width_mm(profile: Profile) -> float:
    """The landscape page's text width: the page's long side less the left and right margins."""
    return profile.page.height_mm - profile.margins_mm.left - profile.margins_mm.right


def column_widths_mm(profile: Profile) -> tuple[float, ...]:
    """``COLUMN_WIDTHS_MM`` scaled to ``profile``'s landscape text width."""
    scale = text_width_mm(profile) / sum(COLUMN_WIDTHS_MM)
    return tuple(width * scale for width in COLUMN_WIDTHS_MM)


def _paragraph(document: DocxDocument, role: str, text: str = "") -> None:
    document.add_paragraph(text, style=STYLES[role].name)


def _label_and_values(document: DocxDocument, role: str, text: str, labels: str) -> None:
    """A cover line whose labels (``labels``, a pattern) keep the style's look and whose
    values are set upright and not bold, as in the model ("Từ ngày 15/9/2025 …")."""
    paragraph = document.add_paragraph(style=STYLES[role].name)
    for index, part in enumerate(re.split(f"({labels})", text)):
        if not part:
            continue
        run = paragraph.add_run(part)
        if index % 2 == 0:  # a value between the labels
            run.italic = False if STYLES[role].italic else None
            run.bold = False if STYLES[role].bold else None
        elif role == "volume":
            run.bold = True  # "Quyển số:" in bold, its number not


def _cover(document: DocxDocument, cover: RegisterCover) -> None:
    if cover.parent:
        _paragraph(document, "parent", cover.parent)
    for line in cover.agency.split("\n"):
        _paragraph(document, "agency", line)
    _paragraph(document, "title", TITLE)
    lines = cover.lines()
    _label_and_values(document, "year", lines["year"], "Năm: ")
    _label_and_values(document, "range", lines["dates"], "Từ ngày | đến ngày ")
    _label_and_values(document, "range", lines["numbers"], "Từ số | đến số ")
    _label_and_values(document, "volume", lines["volume"], "Quyển số: ")


def _page_numbers(section: Section) -> None:
    """The pages of the register are numbered from 1 at the top, centred; the cover is not."""
    section.header.is_linked_to_previous = False
    header = section.header
    paragraph = header.paragraphs[0]
    paragraph.style = ROLES["page_number"].style_name
    add_field(paragraph, "PAGE", "1")
    page_number_type(element_of(section)).set(qn("w:start"), "1")


def _table(document: DocxDocument, entries: Sequence[RegisterEntry], profile: Profile) -> Table:
    """The ten columns with their headings and "(1)" … "(10)", both rows repeated on every
    page; a row per entry, at least ``ROW_HEIGHT_MM`` high, never split across pages."""
    table: Table = document.add_table(rows=3, cols=len(COLUMNS))
    widths = [Mm(w) for w in column_widths_mm(profile)]
    fix_table_geometry(table, widths, Mm(profile.cell_margin_mm))
    tbl = element_of(table)
    for edge in tbl.tblPr.find(qn("w:tblBorders")):
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")
    for row, texts, role in (
        (table.rows[0], COLUMNS, "heading"),
        (table.rows[1], COLUMN_NUMBERS, "column_number"),
    ):
        child(element_of(row).get_or_add_trPr(), "w:tblHeader")  # repeated on every page
        for cell, text in zip(row.cells, texts, strict=True):
            cell.paragraphs[0].text = text
            cell.paragraphs[0].style = STYLES[role].name
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    # A model row, copied once per entry (python-docx cell by cell is slow on long registers).
    model = tbl.tr_lst[2]
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(Mm(ROW_HEIGHT_MM).twips))
    height.set(qn("w:hRule"), "atLeast")
    model.get_or_add_trPr().append(height)
    for index, tc in enumerate(model.tc_lst):
        paragraph = _Cell(tc, table).paragraphs[0]
        role = "centred_cell" if index in CENTRED_COLUMNS else "cell"
        element_of(paragraph).style = STYLES[role].style_id
        element_of(paragraph.add_run()).add_t("")
    for entry in entries:
        row = copy.deepcopy(model)
        for text_element, text in zip(row.iter(qn("w:t")), entry.cells(), strict=True):
            text_element.text = text
            text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        tbl.append(row)
    tbl.remove(model)
    return table


def register_document(
    entries: Sequence[RegisterEntry], cover: RegisterCover, profile: Profile | None = None
) -> DocxDocument:
    """The register as a python-docx document: A4 landscape, the cover page, then the
    table in a section of its own whose pages are numbered from 1."""
    profile = profile or default_profile()
    cover = cover.completed(entries)
    document = new_document(profile)
    drop_unused_role_styles(document, keep=("page_number", "filler"))
    add_table_styles(document, profile, STYLES.values())
    _landscape(document.sections[0], profile)
    _cover(document, cover)
    section = document.add_section(WD_SECTION.NEW_PAGE)
    # The paragraph that ends the cover's section holds no text: keep it 2 pt high.
    document.paragraphs[-1].style = ROLES["filler"].style_name
    _page_numbers(section)
    _table(document, entries, profile)
    # A body ends with a paragraph: one 2 pt high after the table.
    document.add_paragraph(style=ROLES["filler"].style_name)
    core = document.core_properties
    year = f" năm {cover.year}" if cover.year is not None else ""
    core.title = f"Sổ đăng ký văn bản đi{year}"
    core.subject = TITLE
    core.author = cover.agency.replace("\n", " ")
    core.created = core.modified = cover.stamp(entries)
    return document


def register_docx(
    entries: Sequence[RegisterEntry], cover: RegisterCover, profile: Profile | None = None
) -> bytes:
    """The register as DOCX bytes; the same entries and cover always give the same bytes."""
    cover = cover.completed(entries)
    document = register_document(entries, cover, profile)
    return to_bytes(document, cover.stamp(entries))


# --- XLSX -----------------------------------------------------------------------------------

SHEET = "Sổ đăng ký văn bản đi"
HEADER_ROW = 5
"""Rows 1–4 hold the cover's lines; the headings are on row 5, "(1)" … "(10)" on row 6."""
NUMBERS_ROW = HEADER_ROW + 1
FIRST_DATA_ROW = NUMBERS_ROW + 1
_MM_PER_CHARACTER = 2.0
"""Excel measures a column in characters of its default font: about 2 mm each."""


def register_workbook(
    entries: Sequence[RegisterEntry], cover: RegisterCover, profile: Profile | None = None
) -> Workbook:
    """The register as an openpyxl workbook: the cover's lines on rows 1–4, the headings
    and their numbers frozen above the rows and printed on every page, A4 landscape."""
    # openpyxl is loaded here, not with the module: the checker reads COLUMNS and TITLE.
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
    from openpyxl.styles import (  # type: ignore[import-untyped, unused-ignore]
        Alignment,
    )
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
    from openpyxl.worksheet.properties import (  # type: ignore[import-untyped, unused-ignore]
        PageSetupProperties,
    )
    from openpyxl.worksheet.worksheet import (  # type: ignore[import-untyped, unused-ignore]
        Worksheet,
    )

    from tdkt_docs.form_workbook import BORDER
    from tdkt_docs.form_workbook import font as _font

    profile = profile or default_profile()
    cover = cover.completed(entries)
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = SHEET
    last = get_column_letter(len(COLUMNS))
    lines = cover.lines()
    banner = (
        (cover.parent or "", _font(size=13)),
        (cover.agency.replace("\n", " "), _font(bold=True, size=13)),
        (TITLE, _font(bold=True, size=14)),
        (
            " – ".join((lines["year"], lines["dates"], lines["numbers"], lines["volume"])),
            _font(italic=True),
        ),
    )
    for row, (text, font) in enumerate(banner, start=1):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row=row, column=1, value=text or None)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center")
        protect_cell(cell)
    for index, width in enumerate(column_widths_mm(profile), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = round(
            width / _MM_PER_CHARACTER + 1, 1
        )
    for row, texts, bold in ((HEADER_ROW, COLUMNS, True), (NUMBERS_ROW, COLUMN_NUMBERS, False)):
        for index, text in enumerate(texts, start=1):
            cell = sheet.cell(row=row, column=index, value=text)
            cell.font = _font(bold=bold)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = BORDER
    sheet.row_dimensions[HEADER_ROW].height = 48
    font = _font()
    # One alignment object of each kind for every cell: openpyxl keeps them shared.
    centre = Alignment(horizontal="center", vertical="top", wrap_text=True)
    left = Alignment(horizontal="left", vertical="top", wrap_text=True)
    for row, entry in enumerate(entries, start=FIRST_DATA_ROW):
        for index, text in enumerate(entry.cells(), start=1):
            value: str | int | None = text or None
            if index == 7 and entry.copies is not None:
                value = entry.copies  # a number, which a spreadsheet can add up
            cell = sheet.cell(row=row, column=index, value=value)
            cell.font = font
            cell.border = BORDER
            cell.alignment = centre if index - 1 in CENTRED_COLUMNS else left
            cell.number_format = "0" if index == 7 else "@"
            protect_cell(cell)
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{NUMBERS_ROW}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    margins = profile.margins_mm
    sheet.page_margins.left = margins.left / 25.4
    sheet.page_margins.right = margins.right / 25.4
    sheet.page_margins.top = margins.top / 25.4
    sheet.page_margins.bottom = margins.bottom / 25.4
    properties = workbook.properties
    year = f" năm {cover.year}" if cover.year is not None else ""
    properties.title = f"Sổ đăng ký văn bản đi{year}"
    properties.subject = TITLE
    properties.creator = "tdkt-docs"
    properties.lastModifiedBy = "tdkt-docs"
    properties.language = "vi-VN"
    return workbook


def register_xlsx(
    entries: Sequence[RegisterEntry], cover: RegisterCover, profile: Profile | None = None
) -> bytes:
    """The register as XLSX bytes; the same entries and cover always give the same bytes."""
    from tdkt_docs.form_workbook import workbook_bytes

    cover = cover.completed(entries)
    return workbook_bytes(register_workbook(entries, cover, profile), cover.stamp(entries))
