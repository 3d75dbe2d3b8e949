"""The bảng tổng hợp tiền thưởng of an award decision, as DOCX and XLSX.

The DOCX is laid out as ND30 lays out an appendix in a file of its own (Phụ lục I, Phần I,
mục III.1; Phụ lục III, Mẫu 2.1/2.2): the agency's name with its rule, the title in bold
capitals, the reference line "(Kèm theo Quyết định số … ngày … của …)" in italics and a
short rule; then the table STT | Họ và tên / Tên tập thể | Chức vụ, đơn vị | Hình thức | Hệ
số | Số tiền (đồng), grouped by award form and phân loại, with a subtotal per group, the
total, the total in words ("Bằng chữ: …"), a note naming the base salary, the decree and the
rounding rule, and a footnote for every amount that uses an unverified value ("*").

A table whose decision has no day yet is *provisional*: its amounts are computed on the
stated ``as_of`` date and marked "tạm tính", to be computed again on the signing date.

The XLSX holds the same rows with the amounts as numbers (ints, format ``#,##0``), the
total written as a value and, beside it, a check cell whose formula adds the entries again.
openpyxl does not compute formulas: the value is what a reader of the file gets.

``tdkt-docs check`` recognises the DOCX by its title (and no quốc hiệu) and checks what
applies to it (``tdkt_docs/data/check_rules.yaml``, type ``money_table``).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt
from docx.table import Table, _Cell

from tdkt_docs.appendices import page_number_type
from tdkt_docs.awards.catalog import RECIPIENT_KINDS, Catalog, RecipientKind
from tdkt_docs.awards.money import AwardAmount, money_text, money_words
from tdkt_docs.docx_package import to_bytes
from tdkt_docs.errors import DataError
from tdkt_docs.geometry import agency_rule_mm
from tdkt_docs.models import Agency, IssueDate
from tdkt_docs.ooxml import add_field, child, element_of, fix_table_geometry
from tdkt_docs.profile import Profile, default_profile
from tdkt_docs.roles import ROLES
from tdkt_docs.template_builder.base import (
    TableStyle,
    add_table_styles,
    drop_unused_role_styles,
    new_document,
)
from tdkt_docs.text import clean_line
from tdkt_docs.vietnamese.dates import date_line, document_number, short_date
from tdkt_docs.vietnamese.numbers import roman

if TYPE_CHECKING:
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]

TITLE = "BẢNG TỔNG HỢP TIỀN THƯỞNG"
COLUMNS = (
    "STT",
    "Họ và tên / Tên tập thể",
    "Chức vụ, đơn vị",
    "Hình thức",
    "Hệ số",
    "Số tiền (đồng)",
)
COLUMN_WIDTHS_MM = (11.0, 38.0, 35.0, 31.0, 20.0, 25.0)
"""At the bundled profile's portrait text width (160 mm); scaled to another profile's."""
KIND_TITLES: dict[RecipientKind, str] = {
    "cá nhân": "Cá nhân",
    "tập thể": "Tập thể",
    "hộ gia đình": "Hộ gia đình",
}
SUBTOTAL = "Cộng"
TOTAL = "Tổng cộng"
WORDS_LABEL = "Bằng chữ: "
UNVERIFIED_MARK = "*"
PROVISIONAL = "tạm tính"
DEFAULT_OWNER = "Chủ tịch Ủy ban nhân dân tỉnh"
NOTE_SIZE_PT = 13.0


@dataclass(frozen=True)
class MoneyRow:
    """One person, collective or household and the amount of their award."""

    name: str
    detail: str | None
    """Chức vụ, đơn vị: "Chuyên viên, Sở Nội vụ"; ``None`` when there is nothing to add."""
    kind: RecipientKind
    form: str
    """The award form's code ("BKCT")."""
    form_title: str
    """As the table prints it: "Bằng khen của Chủ tịch UBND tỉnh"."""
    amount: AwardAmount


def decision_reference(
    number: int | None,
    symbol: str,
    issued: IssueDate | dt.date,
    owner: str = DEFAULT_OWNER,
    profile: Profile | None = None,
) -> str:
    """ "(Kèm theo Quyết định số 12/QĐ-UBND ngày 15 tháng 9 năm 2025 của Chủ tịch Ủy ban
    nhân dân tỉnh)"; the number and the day stay blank for the clerk when not known."""
    profile = profile or default_profile()
    shown = document_number(number, " " * profile.blank_number_spaces)
    when = date_line("", issued, " " * profile.blank_day_spaces).removeprefix(", ")
    return f"(Kèm theo Quyết định số {shown}/{symbol} {when} của {owner})"


@dataclass(frozen=True)
class Line:
    """One row of the table as it is printed, in order: a group heading, an entry, a
    subtotal or the total."""

    role: Literal["group", "subgroup", "entry", "subtotal", "total"]
    number: str
    cells: tuple[str, ...]
    amount: int | None = None
    row: MoneyRow | None = None


@dataclass(frozen=True)
class MoneyTable:
    """The money table of one decision."""

    agency: Agency | str
    """The agency whose appendix it is (its name and cơ quan chủ quản), or its name alone
    ("ỦY BAN NHÂN DÂN\\nTỈNH KHÁNH HÒA")."""
    reference: str
    """The line under the title (:func:`decision_reference`)."""
    rows: tuple[MoneyRow, ...]
    as_of: dt.date
    """The date the amounts were computed on: the decision's date, or the stated date of a
    provisional table."""
    provisional: bool = False
    """True while the decision has no day: the amounts are "tạm tính"."""
    money_source: str | None = None
    """Nguồn kinh phí: "Quỹ Thi đua, khen thưởng tỉnh năm 2025"."""
    title: str = TITLE
    label: str | None = None
    """ "Phụ lục" or "Phụ lục II" above the title, when the decision numbers it so."""
    catalog: Catalog | None = field(default=None, compare=False)
    """When given, the award forms are grouped in its order (the decision's) and a row with
    a form code it does not have is refused; without it, in the order they first appear."""

    def __post_init__(self) -> None:
        where = "money table"
        cleaned_rows: list[MoneyRow] = []
        if not self.rows:
            raise DataError.single(None, where, "has no rows; expected at least one award")
        for index, row in enumerate(self.rows):
            if row.amount.on != self.as_of:
                raise DataError.single(
                    None,
                    f"{where}.rows[{index}]",
                    f"{row.name!r}: the amount was computed on {short_date(row.amount.on)}, "
                    f"the table is as of {short_date(self.as_of)}; expected one date for all",
                )
            if self.catalog is not None and row.form not in {f.code for f in self.catalog.forms}:
                raise DataError.single(
                    None,
                    f"{where}.rows[{index}].form",
                    f"{row.name!r}: {row.form!r} is not an award form of the catalog",
                )
            if row.amount.form != row.form or row.amount.kind != row.kind:
                raise DataError.single(
                    None,
                    f"{where}.rows[{index}]",
                    f"{row.name!r}: the amount is for {row.amount.form} ({row.amount.kind}), "
                    f"the row for {row.form} ({row.kind})",
                )
            try:
                cleaned = MoneyRow(
                    clean_line(row.name),
                    clean_line(row.detail) or None if row.detail is not None else None,
                    row.kind,
                    row.form,
                    clean_line(row.form_title),
                    row.amount,
                )
            except ValueError as exc:
                raise DataError.single(None, f"{where}.rows[{index}].name", str(exc)) from None
            if not cleaned.name:
                raise DataError.single(None, f"{where}.rows[{index}].name", "is empty")
            cleaned_rows.append(cleaned)
        # NFC and single spaces, as every text the package writes.
        object.__setattr__(self, "rows", tuple(cleaned_rows))

    @property
    def total(self) -> int:
        return sum(row.amount.amount for row in self.rows)

    @property
    def total_words(self) -> str:
        """ "Năm mươi ba triệu … đồng"."""
        return money_words(self.total)

    @property
    def agency_name(self) -> str:
        return self.agency.name if isinstance(self.agency, Agency) else self.agency

    @property
    def parent(self) -> str | None:
        return self.agency.parent if isinstance(self.agency, Agency) else None

    def groups(self) -> list[tuple[str, list[tuple[RecipientKind, list[MoneyRow]]]]]:
        """The rows by award form (decision order), then by phân loại."""
        order = [form.code for form in self.catalog.forms] if self.catalog else []
        for row in self.rows:
            if row.form not in order:
                order.append(row.form)
        grouped = []
        for form in order:
            in_form = [row for row in self.rows if row.form == form]
            if not in_form:
                continue
            kinds = [
                (kind, [row for row in in_form if row.kind == kind])
                for kind in RECIPIENT_KINDS
                if any(row.kind == kind for row in in_form)
            ]
            grouped.append((form, kinds))
        return grouped

    def lines(self) -> Iterator[Line]:
        """The printed rows: with one award form, "I. Cá nhân", "II. Tập thể" …; with
        several, "I. <form>" and under it "Cá nhân" …; entries numbered 1, 2, 3 … through
        the table; a "Cộng" row after each group when there are two groups or more."""
        groups = self.groups()
        several_forms = len(groups) > 1
        several_groups = several_forms or len(groups[0][1]) > 1
        number = 0
        top = 0
        for _, kinds in groups:
            title = kinds[0][1][0].form_title
            if several_forms:
                top += 1
                yield Line("group", roman(top), (roman(top), title, "", "", "", ""))
            form_total = 0
            for kind, rows in kinds:
                if several_forms:
                    yield Line("subgroup", "", ("", KIND_TITLES[kind], "", "", "", ""))
                else:
                    top += 1
                    yield Line("group", roman(top), (roman(top), KIND_TITLES[kind], "", "", "", ""))
                for row in rows:
                    number += 1
                    mark = UNVERIFIED_MARK if row.amount.unverified else ""
                    yield Line(
                        "entry",
                        str(number),
                        (
                            str(number),
                            row.name,
                            row.detail or "",
                            row.form_title,
                            row.amount.coefficient_text,
                            money_text(row.amount.amount) + mark,
                        ),
                        row.amount.amount,
                        row,
                    )
                subtotal = sum(row.amount.amount for row in rows)
                form_total += subtotal
                if several_groups:
                    label = f"{SUBTOTAL} {KIND_TITLES[kind].lower()}"
                    yield Line(
                        "subtotal", "", ("", label, "", "", "", money_text(subtotal)), subtotal
                    )
            if several_forms:
                label = f"{SUBTOTAL} {roman(top)}"
                yield Line(
                    "subtotal", "", ("", label, "", "", "", money_text(form_total)), form_total
                )
        total = self.total
        yield Line("total", "", ("", TOTAL, "", "", "", money_text(total)), total)

    def notes(self) -> list[str]:
        """The lines after the total in words: how the amounts were computed, provisional,
        the source of funds, the unverified values."""
        first = self.rows[0].amount
        notes = [
            f"Ghi chú: Số tiền = hệ số × mức lương cơ sở {money_text(first.base_salary)} đồng "
            f"({first.base_salary_source}), hệ số theo {first.regime_source}; "
            f"{first.rounding} ({first.rounding_source})."
        ]
        if self.provisional:
            notes.append(
                f"Số tiền {PROVISIONAL} theo mức lương cơ sở và quy định có hiệu lực ngày "
                f"{short_date(self.as_of)}; quyết định chưa có ngày ký, tính lại theo ngày ký "
                "quyết định."
            )
        if self.money_source:
            notes.append(f"Nguồn kinh phí: {self.money_source}.")
        reasons = list(dict.fromkeys(r for row in self.rows for r in row.amount.reasons))
        if reasons:
            notes.append(
                f"({UNVERIFIED_MARK}) Số tiền có dùng giá trị chưa được xác minh: "
                f"{'; '.join(reasons)}; đề nghị kiểm tra trước khi chi."
            )
        return notes


# --- DOCX -----------------------------------------------------------------------------------


STYLES = {
    "amount": TableStyle("TienThuongSoTien", "Tiền thưởng: Số tiền", None,
                     align=WD_ALIGN_PARAGRAPH.RIGHT),
    "group": TableStyle("TienThuongNhom", "Tiền thưởng: Nhóm", None, bold=True),
    "group_number": TableStyle("TienThuongNhomSo", "Tiền thưởng: Số thứ tự nhóm", None, bold=True,
                           align=WD_ALIGN_PARAGRAPH.CENTER),
    "subgroup": TableStyle("TienThuongPhanLoai", "Tiền thưởng: Phân loại", None, bold=True,
                       italic=True),
    "subtotal": TableStyle("TienThuongCong", "Tiền thưởng: Cộng", None, bold=True,
                       align=WD_ALIGN_PARAGRAPH.CENTER),
    "subtotal_amount": TableStyle("TienThuongCongSoTien", "Tiền thưởng: Cộng số tiền", None,
                              bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT),
    "words": TableStyle("TienThuongBangChu", "Tiền thưởng: Bằng chữ", NOTE_SIZE_PT, italic=True,
                    align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_before_pt=6),
    "note": TableStyle("TienThuongGhiChu", "Tiền thưởng: Ghi chú", 12,
                   align=WD_ALIGN_PARAGRAPH.JUSTIFY, space_before_pt=3),
}  # fmt: skip
"""The table's own Word styles, one per role, beside the ND30 role styles (agency,
appendix title and reference, table header and cells) that it shares with the documents."""


def _role(role: str) -> str:
    return ROLES[role].style_name


def column_widths_mm(profile: Profile) -> tuple[float, ...]:
    """``COLUMN_WIDTHS_MM`` scaled to ``profile``'s portrait text width."""
    scale = profile.text_width_mm / sum(COLUMN_WIDTHS_MM)
    return tuple(width * scale for width in COLUMN_WIDTHS_MM)


def _agency_block(document: DocxDocument, table: MoneyTable, profile: Profile) -> None:
    """The agency at the top left, as in a document's header: a borderless cell of the
    header's left width with the cơ quan chủ quản, the name and the rule under it."""
    width = profile.header_columns_mm[0]
    block: Table = document.add_table(rows=1, cols=1)
    fix_table_geometry(block, [Mm(width)], Mm(profile.cell_margin_mm))
    cell = block.cell(0, 0)
    paragraphs = []
    if table.parent:
        paragraphs += [(_role("parent_agency"), line) for line in table.parent.split("\n")]
    paragraphs += [(_role("agency"), line) for line in table.agency_name.split("\n")]
    first = cell.paragraphs[0]
    first.style, first.text = paragraphs[0]
    for style, text in paragraphs[1:]:
        cell.add_paragraph(text, style=style)
    rule = cell.add_paragraph(style=_role("agency_rule"))
    room = width - 2 * profile.cell_margin_mm
    side = max(0.0, (room - agency_rule_mm(table.agency_name, profile)) / 2)
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(side)


def _heading(document: DocxDocument, table: MoneyTable, profile: Profile) -> None:
    if table.label:
        document.add_paragraph(table.label, style=_role("appendix_label"))
    title = document.add_paragraph(table.title, style=_role("appendix_title"))
    title.paragraph_format.space_before = Pt(12)
    document.add_paragraph(table.reference, style=_role("appendix_reference"))
    rule = document.add_paragraph(style=_role("appendix_rule"))
    side = Mm(profile.text_width_mm * 0.4)
    rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = side
    rule.paragraph_format.space_after = Pt(6)


_CELL_STYLES: dict[str, tuple[str, ...]] = {
    "entry": ("table_number", "table_cell", "table_cell", "table_cell", "table_number", "amount"),
    "group": ("group_number", "group"),
    "subgroup": ("group_number", "subgroup"),
    "subtotal": ("group_number", "subtotal", "subtotal_amount"),
    "total": ("group_number", "subtotal", "subtotal_amount"),
}
"""The styles of each model row's cells, after merging (a group's title spans five
columns; a subtotal's label spans four)."""
_SPANS: dict[str, tuple[int, ...]] = {
    "entry": (1, 1, 1, 1, 1, 1),
    "group": (1, 5),
    "subgroup": (1, 5),
    "subtotal": (1, 4, 1),
    "total": (1, 4, 1),
}


def _style_id(key: str) -> str:
    if key in STYLES:
        return STYLES[key].style_id
    return ROLES[key].style_id


def _model_rows(table: Table) -> dict[str, BaseOxmlElement]:
    """One model row per kind of line, its cells merged and styled, one empty ``w:t`` per
    cell: each printed row is a copy with its texts filled in (python-docx building rows
    cell by cell is far too slow for a long list)."""
    models: dict[str, BaseOxmlElement] = {}
    for index, (role, spans) in enumerate(_SPANS.items(), start=1):
        row = table.rows[index]
        start = 0
        for span, key in zip(spans, _CELL_STYLES[role], strict=True):
            cell: _Cell = row.cells[start]
            if span > 1:
                cell = cell.merge(row.cells[start + span - 1])
            paragraph = cell.paragraphs[0]
            element_of(paragraph).style = _style_id(key)
            element_of(paragraph.add_run()).add_t("")
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            start += span
        models[role] = element_of(row)
    return models


def _merged_texts(line: Line) -> tuple[str, ...]:
    spans = _SPANS[line.role]
    texts, start = [], 0
    for span in spans:
        texts.append(" ".join(t for t in line.cells[start : start + span] if t))
        start += span
    if line.role in ("subtotal", "total"):
        texts[-1] = line.cells[-1]
    return tuple(texts)


def _money_grid(document: DocxDocument, table: MoneyTable, profile: Profile) -> Table:
    grid: Table = document.add_table(rows=1 + len(_SPANS), cols=len(COLUMNS))
    widths = [Mm(w) for w in column_widths_mm(profile)]
    fix_table_geometry(grid, widths, Mm(profile.cell_margin_mm))
    tbl = element_of(grid)
    for edge in tbl.tblPr.find(qn("w:tblBorders")):
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")
    header = grid.rows[0]
    child(element_of(header).get_or_add_trPr(), "w:tblHeader")  # repeated on every page
    for cell, text in zip(header.cells, COLUMNS, strict=True):
        cell.paragraphs[0].text = text
        cell.paragraphs[0].style = _role("table_header")
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    models = _model_rows(grid)
    for line in table.lines():
        row = copy.deepcopy(models[line.role])
        for text_element, text in zip(row.iter(qn("w:t")), _merged_texts(line), strict=True):
            text_element.text = text
            text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        tbl.append(row)
    for model in models.values():
        tbl.remove(model)
    return grid


def _page_numbers(document: DocxDocument) -> None:
    """Pages numbered at the top, centred, from the second page (ND30 Phụ lục I, mục I.7):
    the first page's header is left empty."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.style = _role("page_number")
    add_field(paragraph, "PAGE", "2")
    page_number_type(element_of(section)).set(qn("w:start"), "1")


def money_table_document(table: MoneyTable, profile: Profile | None = None) -> DocxDocument:
    """The money table as a python-docx document: A4 portrait, the agency, the title, the
    reference line, the table, the total in words and the notes."""
    profile = profile or default_profile()
    document = new_document(profile)
    drop_unused_role_styles(
        document,
        keep=(
            "parent_agency", "agency", "agency_rule", "appendix_label", "appendix_title",
            "appendix_reference", "appendix_rule", "table_header", "table_cell",
            "table_number", "page_number", "filler",
        ),
    )  # fmt: skip
    add_table_styles(document, profile, STYLES.values())
    _page_numbers(document)
    _agency_block(document, table, profile)
    _heading(document, table, profile)
    _money_grid(document, table, profile)
    document.add_paragraph(f"{WORDS_LABEL}{table.total_words}.", style=STYLES["words"].name)
    for note in table.notes():
        document.add_paragraph(note, style=STYLES["note"].name)
    core = document.core_properties
    core.title = f"{table.title[:1]}{table.title[1:].lower()}"
    core.subject = table.reference.strip("()")
    core.author = table.agency_name.replace("\n", " ")
    core.created = core.modified = _stamp(table)
    return document


def _stamp(table: MoneyTable) -> dt.datetime:
    """The files' date, from their content only: the date the amounts are as of."""
    return dt.datetime.combine(table.as_of, dt.time())


def money_table_docx(table: MoneyTable, profile: Profile | None = None) -> bytes:
    """The money table as DOCX bytes; the same table always gives the same bytes."""
    return to_bytes(money_table_document(table, profile), _stamp(table))


# --- XLSX -----------------------------------------------------------------------------------

SHEET = "Tiền thưởng"
AMOUNT_FORMAT = "#,##0"
CHECK_LABEL = "Kiểm tra (công thức: tổng các dòng)"
_MM_PER_CHARACTER = 2.0


@dataclass(frozen=True)
class SheetLayout:
    """Where things are in the sheet (1-based rows): tests and readers use it."""

    header_row: int
    first_row: int
    total_row: int
    check_row: int
    words_row: int


def sheet_layout(table: MoneyTable) -> SheetLayout:
    banner = 4 + (1 if table.parent else 0)
    header = banner + 2
    lines = sum(1 for _ in table.lines())
    total = header + lines
    return SheetLayout(header, header + 1, total, total + 1, total + 2)


def money_table_workbook(table: MoneyTable) -> Workbook:
    """The money table as an openpyxl workbook: the amounts as whole numbers, the total as
    a value with a check formula beside it, the header row frozen and printed on every page,
    A4 portrait fitted to the page width."""
    from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
    from openpyxl.styles import (  # type: ignore[import-untyped, unused-ignore]
        Alignment,
        Font,
    )
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
    from openpyxl.worksheet.properties import (  # type: ignore[import-untyped, unused-ignore]
        PageSetupProperties,
    )
    from openpyxl.worksheet.worksheet import (  # type: ignore[import-untyped, unused-ignore]
        Worksheet,
    )

    from tdkt_docs.form_workbook import BORDER, font
    from tdkt_docs.tabular import protect_cell

    layout = sheet_layout(table)
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = SHEET
    last = get_column_letter(len(COLUMNS))
    banner: list[tuple[str, Font]] = []
    if table.parent:
        banner.append((table.parent.replace("\n", " "), font(size=13)))
    banner += [
        (table.agency_name.replace("\n", " "), font(bold=True, size=13)),
        (table.title, font(bold=True, size=14)),
        (table.reference, font(italic=True, size=13)),
        (f"Số tiền {PROVISIONAL} ngày {short_date(table.as_of)}" if table.provisional else "",
         font(italic=True)),
    ]  # fmt: skip
    for row, (text, look) in enumerate(banner, start=1):
        sheet.merge_cells(f"A{row}:{last}{row}")
        cell = sheet.cell(row=row, column=1, value=text or None)
        cell.font = look
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        protect_cell(cell)
    for index, width in enumerate(column_widths_mm(default_profile()), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = round(
            width / _MM_PER_CHARACTER + 1, 1
        )
    for index, text in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=layout.header_row, column=index, value=text)
        cell.font = font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    right = Alignment(horizontal="right", vertical="center")
    plain, bold = font(), font(bold=True)
    entry_rows: list[int] = []
    row_number = layout.first_row
    for line in table.lines():
        values: list[str | int | None] = list(line.cells)
        if line.role == "entry":
            values[0] = int(line.number)
            entry_rows.append(row_number)
        if line.amount is not None:
            values[-1] = line.amount
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_number, column=index, value=value if value != "" else None)
            cell.font = plain if line.role == "entry" else bold
            cell.border = BORDER
            if index == len(COLUMNS):
                cell.alignment = right
                cell.number_format = AMOUNT_FORMAT
            else:
                cell.alignment = centre if index in (1, 5) else left
                protect_cell(cell)
        if line.role == "entry" and line.row is not None and line.row.amount.unverified:
            sheet.cell(row=row_number, column=len(COLUMNS) + 1, value=UNVERIFIED_MARK).font = plain
        row_number += 1
    assert row_number - 1 == layout.total_row
    amounts = f"F{layout.first_row}:F{layout.total_row - 1}"
    numbers = f"A{layout.first_row}:A{layout.total_row - 1}"
    label = sheet.cell(row=layout.check_row, column=2, value=CHECK_LABEL)
    label.font = font(italic=True)
    check = sheet.cell(row=layout.check_row, column=len(COLUMNS))
    # The entries are the rows with a numeric STT: groups and subtotals are left out.
    check.value = f'=SUMIF({numbers},">0",{amounts})'
    check.number_format = AMOUNT_FORMAT
    check.font = font(italic=True)
    words = sheet.cell(row=layout.words_row, column=1, value=f"{WORDS_LABEL}{table.total_words}.")
    sheet.merge_cells(f"A{layout.words_row}:{last}{layout.words_row}")
    words.font = font(italic=True)
    protect_cell(words)
    for offset, note in enumerate(table.notes(), start=1):
        cell = sheet.cell(row=layout.words_row + offset, column=1, value=note)
        cell.font = font()
        protect_cell(cell)
    sheet.freeze_panes = f"A{layout.first_row}"
    sheet.print_title_rows = f"{layout.header_row}:{layout.header_row}"
    setup = sheet.page_setup
    setup.orientation = "portrait"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    margins = default_profile().margins_mm
    sheet.page_margins.left = margins.left / 25.4
    sheet.page_margins.right = margins.right / 25.4
    sheet.page_margins.top = margins.top / 25.4
    sheet.page_margins.bottom = margins.bottom / 25.4
    properties = workbook.properties
    properties.title = f"{table.title[:1]}{table.title[1:].lower()}"
    properties.subject = table.reference.strip("()")
    properties.creator = "tdkt-docs"
    properties.lastModifiedBy = "tdkt-docs"
    properties.language = "vi-VN"
    return workbook


def money_table_xlsx(table: MoneyTable, timestamp: dt.datetime | None = None) -> bytes:
    """The money table as XLSX bytes; the same table and timestamp give the same bytes
    (``timestamp`` defaults to the date the amounts are as of)."""
    from tdkt_docs.form_workbook import workbook_bytes

    return workbook_bytes(money_table_workbook(table), timestamp or _stamp(table))
