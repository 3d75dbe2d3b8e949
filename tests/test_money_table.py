"""The bảng tổng hợp tiền thưởng: DOCX and XLSX read back, and ``tdkt-docs check`` on it."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pdfplumber
import pytest
from docx.table import Table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt_docs.awards.catalog import RecipientKind, default_catalog
from tdkt_docs.awards.money import award_amount, default_money
from tdkt_docs.awards.money_table import (
    CHECK_LABEL,
    COLUMNS,
    STYLES,
    TITLE,
    MoneyRow,
    MoneyTable,
    decision_reference,
    money_table_docx,
    money_table_xlsx,
    sheet_layout,
)
from tdkt_docs.checker import check_package_bytes
from tdkt_docs.checker.detect import MONEY_TABLE, detect
from tdkt_docs.checker.model import build_model
from tdkt_docs.checker.package import read_package
from tdkt_docs.checker.rules import rule_table
from tdkt_docs.errors import DataError
from tdkt_docs.models import Agency, IssueDate
from tdkt_docs.roles import ROLES
from tdkt_docs.text import clean_line
from tdkt_docs.vietnamese.numbers import words_to_number
from tests.docx_reading import all_paragraphs, by_style, open_docx, paragraph_property, run_looks

ON = dt.date(2025, 9, 15)
AGENCY = Agency(parent=None, name="ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA", place="Khánh Hòa")
AMOUNT = re.compile(r"^\d{1,3}(\.\d{3})*\*?$")


def row(
    name: str, kind: RecipientKind, form: str = "BKCT", detail: str | None = "Sở Nội vụ"
) -> MoneyRow:
    title = default_catalog().form(form).label
    return MoneyRow(name, detail, kind, form, title, award_amount(form, kind, ON, default_money()))


ROWS = (
    row("Nguyễn Văn An", "cá nhân", detail="Chuyên viên, Sở Nội vụ"),
    row("Trần Thị Bình", "cá nhân", detail="Phó Trưởng phòng, Sở Y tế"),
    row("Lê Hoàng Cường", "cá nhân", detail=None),
    row("Phòng Tổ chức cán bộ, Sở Nội vụ", "tập thể", detail=None),
    row("Hộ ông Phạm Văn Dũng", "hộ gia đình", detail="Thôn 2, xã Diên Lâm"),
    row("Võ Thị Giang", "cá nhân", form="GK", detail="Giáo viên"),
    row("Trường Tiểu học Lê Lợi", "tập thể", form="GK", detail=None),
)


def table(rows: tuple[MoneyRow, ...] = ROWS, **changes: Any) -> MoneyTable:
    values: dict[str, Any] = {
        "agency": AGENCY,
        "reference": decision_reference(12, "QĐ-UBND", ON),
        "rows": rows,
        "as_of": ON,
        "money_source": "Quỹ Thi đua, khen thưởng tỉnh năm 2025",
    }
    values.update(changes)
    return MoneyTable(**values)


def grid(document: Any) -> Table:
    found = [t for t in document.tables if t.rows[0].cells[0].text == "STT"]
    assert len(found) == 1
    return found[0]


def cells(table_: Table) -> list[list[str]]:
    """Each row's distinct cells (a merged cell once)."""
    rows = []
    for tr in table_._tbl.tr_lst:
        rows.append(["".join(t.text or "" for t in tc.iter(qn_t())) for tc in tr.tc_lst])
    return rows


def qn_t() -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def amount_of(text: str) -> int:
    assert AMOUNT.match(text), text
    return int(text.rstrip("*").replace(".", ""))


# --- the model ---------------------------------------------------------------------------


def test_total_and_words() -> None:
    money = table()
    expected = 3 * 3_510_000 + 7_020_000 + 5_270_000 + 710_000 + 1_410_000
    assert money.total == expected
    assert words_to_number(money.total_words) == expected
    assert money.total_words.startswith("Hai mươi") and money.total_words.endswith("đồng")


def test_the_reference_line_for_a_numbered_and_an_unnumbered_decision() -> None:
    assert decision_reference(12, "QĐ-UBND", ON) == (
        "(Kèm theo Quyết định số 12/QĐ-UBND ngày 15 tháng 9 năm 2025 của Chủ tịch Ủy ban "
        "nhân dân tỉnh)"
    )
    blank = decision_reference(None, "QĐ-UBND", IssueDate(year=2025, month=9))
    assert re.fullmatch(
        r"\(Kèm theo Quyết định số {4,}/QĐ-UBND ngày {4,}tháng 9 năm 2025 của Chủ tịch Ủy ban "
        r"nhân dân tỉnh\)",
        blank,
    ), blank


def test_refusals() -> None:
    with pytest.raises(DataError, match="has no rows"):
        table(rows=())
    late = MoneyRow("A", None, "cá nhân", "BKCT", "Bằng khen",
                    award_amount("BKCT", "cá nhân", dt.date(2025, 9, 16)))  # fmt: skip
    with pytest.raises(DataError, match=r"rows\[1\].*computed on 16/9/2025"):
        table(rows=(ROWS[0], late))
    wrong = MoneyRow("B", None, "tập thể", "BKCT", "Bằng khen", ROWS[0].amount)
    with pytest.raises(DataError, match="the amount is for BKCT"):
        table(rows=(wrong,))
    with pytest.raises(DataError, match=r"rows\[0\]\.name"):
        table(rows=(MoneyRow("A\x07", None, "cá nhân", "BKCT", "Bằng khen", ROWS[0].amount),))


# --- the DOCX ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return money_table_docx(table())


def test_docx_heading(docx_bytes: bytes) -> None:
    document = open_docx(docx_bytes)
    (title,) = by_style(document, ROLES["appendix_title"].style_id)
    assert title.text == TITLE
    looks = run_looks(document, title)
    assert all(look.bold and not look.italic and 13 <= look.size_pt <= 14 for look in looks)
    assert paragraph_property(document, title, "jc", "w:val") == "center"
    (reference,) = by_style(document, ROLES["appendix_reference"].style_id)
    assert reference.text == decision_reference(12, "QĐ-UBND", ON)
    assert all(look.italic and 13 <= look.size_pt <= 14 for look in run_looks(document, reference))
    assert len(by_style(document, ROLES["appendix_rule"].style_id)) == 1
    names = [p.text for p in by_style(document, ROLES["agency"].style_id)]
    assert names == ["ỦY BAN NHÂN DÂN", "TỈNH KHÁNH HÒA"]
    assert all(look.bold and look.size_pt in (12, 13)
               for p in by_style(document, ROLES["agency"].style_id)
               for look in run_looks(document, p))  # fmt: skip
    section = document.sections[0]
    assert section.page_width < section.page_height  # portrait A4
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_docx_rows_subtotals_and_total(docx_bytes: bytes) -> None:
    rows = cells(grid(open_docx(docx_bytes)))
    assert tuple(rows[0]) == COLUMNS
    entries = [r for r in rows[1:] if r[0].isdigit()]
    assert [r[0] for r in entries] == [str(n) for n in range(1, len(ROWS) + 1)]
    for money_row in ROWS:
        found = [r for r in entries if r[1] == money_row.name]
        assert len(found) == 1, money_row.name
        assert amount_of(found[0][5]) == money_row.amount.amount
        assert found[0][2] == (money_row.detail or "")
        assert found[0][3] == money_row.form_title
    assert all(AMOUNT.match(r[5]) for r in entries)
    # Groups: I. Bằng khen …, II. Giấy khen; subtotals per kind and per form; the total.
    groups = [r for r in rows if r[0] in ("I", "II")]
    assert [g[1] for g in groups] == [ROWS[0].form_title, ROWS[5].form_title]
    labels = [r[1] for r in rows if len(r) == 3]
    assert labels == ["Cộng cá nhân", "Cộng tập thể", "Cộng hộ gia đình", "Cộng I",
                      "Cộng cá nhân", "Cộng tập thể", "Cộng II", "Tổng cộng"]  # fmt: skip
    sums = [amount_of(r[2]) for r in rows if len(r) == 3]
    assert sums[:3] == [3 * 3_510_000, 7_020_000, 5_270_000]
    assert sums[3] == sum(sums[:3])
    assert sums[4:6] == [710_000, 1_410_000] and sums[6] == sum(sums[4:6])
    total = sum(amount_of(r[5]) for r in entries)
    assert sums[-1] == total == sums[3] + sums[6]
    words = [
        p.text for p in all_paragraphs(open_docx(docx_bytes)) if p.text.startswith("Bằng chữ:")
    ]
    assert len(words) == 1 and words[0].endswith(" đồng.")
    assert words_to_number(words[0].removeprefix("Bằng chữ:")) == total


def test_forms_follow_the_catalog_order() -> None:
    catalog = default_catalog()
    reversed_rows = (ROWS[5], ROWS[0])
    first_seen = cells(grid(open_docx(money_table_docx(table(rows=reversed_rows)))))
    assert [r[1] for r in first_seen if r[0] in ("I", "II")] == ["Giấy khen", ROWS[0].form_title]
    ordered = cells(grid(open_docx(money_table_docx(table(rows=reversed_rows, catalog=catalog)))))
    codes = [f.code for f in catalog.forms]
    expected = sorted(reversed_rows, key=lambda r: codes.index(r.form))
    assert [r[1] for r in ordered if r[0] in ("I", "II")] == [r.form_title for r in expected]
    unknown = MoneyRow("A", None, "cá nhân", "XYZ", "X", ROWS[0].amount)
    with pytest.raises(DataError, match="'XYZ' is not an award form"):
        table(rows=(unknown,), catalog=catalog)


def test_a_single_form_is_grouped_by_kind() -> None:
    rows = cells(grid(open_docx(money_table_docx(table(rows=ROWS[:5])))))
    groups = [(r[0], r[1]) for r in rows if r[0] in ("I", "II", "III")]
    assert groups == [("I", "Cá nhân"), ("II", "Tập thể"), ("III", "Hộ gia đình")]
    single = cells(grid(open_docx(money_table_docx(table(rows=ROWS[:1])))))
    assert [r[1] for r in single if len(r) == 3] == ["Tổng cộng"]  # no subtotal of one group


def test_docx_fonts_sizes_and_alignment(docx_bytes: bytes) -> None:
    document = open_docx(docx_bytes)
    for paragraph in all_paragraphs(document):
        for look in run_looks(document, paragraph):
            assert set(look.fonts) == {"Times New Roman"}, (paragraph.text, look.fonts)
            assert look.colour == "000000"
    table_ = grid(document)
    for paragraph in (p for r in table_.rows for c in r.cells for p in c.paragraphs):
        for look in run_looks(document, paragraph):
            assert 12 <= look.size_pt <= 13, paragraph.text
    amounts = by_style(document, STYLES["amount"].style_id)
    assert len(amounts) == len(ROWS)
    assert all(paragraph_property(document, p, "jc", "w:val") == "right" for p in amounts)
    header = table_.rows[0].cells
    assert all(look.bold for c in header for look in run_looks(document, c.paragraphs[0]))
    totals = by_style(document, STYLES["subtotal_amount"].style_id)
    assert all(look.bold for p in totals for look in run_looks(document, p))
    (words,) = by_style(document, STYLES["words"].style_id)
    assert all(look.italic and look.size_pt == 13 for look in run_looks(document, words))
    assert table_._tbl.tblPr.find(qn_w("tblBorders")).find(qn_w("top")).get(qn_w("val")) == "single"
    # The header row repeats on every page.
    assert table_.rows[0]._tr.trPr.find(qn_w("tblHeader")) is not None


def qn_w(tag: str) -> str:
    return f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{tag}"


def test_docx_notes_name_the_base_salary_decree_and_rounding(docx_bytes: bytes) -> None:
    notes = [p.text for p in by_style(open_docx(docx_bytes), STYLES["note"].style_id)]
    assert "2.340.000 đồng (Nghị định 73/2024/NĐ-CP)" in notes[0]
    assert "Nghị định 152/2025/NĐ-CP, Điều 50–54" in notes[0]
    assert (
        "làm tròn lên hàng chục nghìn đồng (Nghị định 152/2025/NĐ-CP, Điều 49 khoản 2)" in notes[0]
    )
    assert "Nguồn kinh phí: Quỹ Thi đua, khen thưởng tỉnh năm 2025." in notes
    assert not any("tạm tính" in n for n in notes)


def test_unverified_amounts_are_marked(docx_bytes: bytes) -> None:
    rows = cells(grid(open_docx(docx_bytes)))
    marked = {r[1] for r in rows if r[0].isdigit() and r[5].endswith("*")}
    # GK cá nhân 0,3 is unverified under ND 152; GK tập thể 0,6 and all of BKCT are not.
    assert marked == {"Võ Thị Giang"}
    notes = [p.text for p in by_style(open_docx(docx_bytes), STYLES["note"].style_id)]
    footnote = [n for n in notes if n.startswith("(*)")]
    assert len(footnote) == 1
    assert "hệ số 0,3 của GK (cá nhân) chưa được xác minh" in footnote[0]
    assert footnote[0].endswith("đề nghị kiểm tra trước khi chi.")
    verified = money_table_docx(table(rows=ROWS[:5]))
    texts = [p.text for p in all_paragraphs(open_docx(verified))]
    assert not any(t.startswith("(*)") or t.endswith("*") for t in texts)


def test_a_provisional_table() -> None:
    provisional = table(
        reference=decision_reference(None, "QĐ-UBND", IssueDate(year=2025, month=9)),
        provisional=True,
    )
    document = open_docx(money_table_docx(provisional))
    (reference,) = by_style(document, ROLES["appendix_reference"].style_id)
    assert re.search(r"số {4,}/QĐ-UBND ngày {4,}tháng 9 năm 2025 của", reference.text)
    notes = [p.text for p in by_style(document, STYLES["note"].style_id)]
    assert any("tạm tính" in n and "15/9/2025" in n for n in notes)


def test_the_same_table_gives_the_same_bytes() -> None:
    assert money_table_docx(table()) == money_table_docx(table())


# --- check and the OOXML validator -------------------------------------------------------


def test_check_recognises_and_passes_the_docx(docx_bytes: bytes) -> None:
    roles = detect(build_model(read_package(docx_bytes, "money.docx")))
    assert roles.doc_type == MONEY_TABLE
    findings = check_package_bytes(docx_bytes, "money.docx")
    bad = [f for f in findings if f.severity in ("error", "warning", "not_evaluated")]
    assert bad == []
    # A rule that passes reports nothing; one that does not apply says so.
    evaluated = set(rule_table()) - {f.rule for f in findings}
    assert {
        "money_table.title",
        "money_table.columns",
        "money_table.total",
        "font.name",
        "page.size",
        "agency.format",
        "agency.rule",
        "attachment.reference",
    } <= evaluated
    assert "quoc_hieu.missing" not in evaluated and "register.columns" not in evaluated
    # A provisional table with a blank number passes too.
    provisional = table(
        reference=decision_reference(None, "QĐ-UBND", IssueDate(year=2025, month=9)),
        provisional=True,
        agency=Agency(parent="UBND TỈNH KHÁNH HÒA", name="SỞ NỘI VỤ", place="Khánh Hòa"),
    )
    findings = check_package_bytes(money_table_docx(provisional), "p.docx")
    assert "parent_agency.format" not in {f.rule for f in findings}  # checked, and passed
    assert not [f for f in findings if f.severity in ("error", "warning", "not_evaluated")]


def test_check_catches_a_wrong_total(docx_bytes: bytes) -> None:
    document = open_docx(docx_bytes)
    total = by_style(document, STYLES["subtotal_amount"].style_id)[-1]
    total.runs[0].text = "1.000"
    out = io.BytesIO()
    document.save(out)
    findings = check_package_bytes(out.getvalue(), "wrong.docx")
    errors = {f.rule for f in findings if f.severity == "error"}
    assert errors == {"money_table.total"}


def test_the_docx_is_valid_ooxml(docx_bytes: bytes, tmp_path: Path) -> None:
    from tests.test_ooxml_validity import _validator

    validator = _validator()
    path = tmp_path / "money.docx"
    path.write_bytes(docx_bytes)
    result = subprocess.run(
        [validator, str(path), "--officeVersion", "Office2010"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert report["ok"], json.dumps(report["errors"], ensure_ascii=False, indent=1)


# --- the XLSX ----------------------------------------------------------------------------


def test_xlsx_values_are_numbers_and_the_total_is_their_sum() -> None:
    money = table()
    data = money_table_xlsx(money, dt.datetime(2025, 9, 15))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    layout = sheet_layout(money)
    assert tuple(c.value for c in sheet[layout.header_row][:6]) == COLUMNS
    entries = [
        r for r in sheet.iter_rows(min_row=layout.first_row, max_row=layout.total_row - 1)
        if isinstance(r[0].value, int)
    ]  # fmt: skip
    assert [r[0].value for r in entries] == list(range(1, len(ROWS) + 1))
    assert all(type(r[5].value) is int for r in entries)
    assert {r[1].value: r[5].value for r in entries} == {m.name: m.amount.amount for m in ROWS}
    total = sheet.cell(row=layout.total_row, column=6)
    assert sheet.cell(row=layout.total_row, column=2).value == "Tổng cộng"
    assert type(total.value) is int and total.value == sum(r[5].value for r in entries)
    assert total.number_format == "#,##0"
    check = sheet.cell(row=layout.check_row, column=6).value
    first, last = layout.first_row, layout.total_row - 1
    assert check == f'=SUMIF(A{first}:A{last},">0",F{first}:F{last})'
    assert sheet.cell(row=layout.check_row, column=2).value == CHECK_LABEL
    words = sheet.cell(row=layout.words_row, column=1).value
    assert words_to_number(words.removeprefix("Bằng chữ:")) == total.value
    assert sheet.freeze_panes == f"A{layout.first_row}"
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.print_title_rows == f"${layout.header_row}:${layout.header_row}"
    # The unverified amount is marked beside its row.
    marked = [r[1].value for r in entries if sheet.cell(row=r[0].row, column=7).value == "*"]
    assert marked == ["Võ Thị Giang"]
    assert money_table_xlsx(money, dt.datetime(2025, 9, 15)) == data


# --- names as data -----------------------------------------------------------------------

NAMES = st.one_of(
    st.sampled_from(
        ["A*B*C", "{{ x }}", "<b>bold</b>", "{% if %}", "=SUM(A1)", "Đặng Thị Ngọc Ánh"]
    ),
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn")),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NAMES)
def test_names_are_written_as_they_are(name: str) -> None:
    try:
        money_row = row(name, "cá nhân", detail=name)
        money = table(rows=(money_row,))
    except DataError:
        return  # a name clean_line refuses (TCVN3 text …) is a DataError, never a crash
    name = clean_line(name)  # NFC, single spaces: as every text of the package
    written = cells(grid(open_docx(money_table_docx(money))))
    entry = next(r for r in written if r[0] == "1")
    assert entry[1] == name and entry[2] == name
    sheet = openpyxl.load_workbook(io.BytesIO(money_table_xlsx(money))).active
    layout = sheet_layout(money)
    cell = next(r for r in sheet.iter_rows(min_row=layout.first_row) if r[0].value == 1)[1]
    assert cell.value == name and cell.data_type == "s"


# --- saved again by LibreOffice, and printed ------------------------------------------------


def _soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        pytest.skip("soffice is not installed")
    return found


def _converted(data: bytes, name: str, target: str, tmp_path: Path) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out"
    subprocess.run(
        [_soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", target, "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / f"{path.stem}.{target.split(':')[0]}"


@pytest.mark.slow
def test_saved_by_libreoffice_writer_it_still_passes(docx_bytes: bytes, tmp_path: Path) -> None:
    """Writer renames the styles: the table is found by its title, the agency in the cell
    above it, the reference line under it; everything still passes."""
    saved = _converted(docx_bytes, "tien-thuong.docx", "docx:MS Word 2007 XML", tmp_path)
    data = saved.read_bytes()
    assert data != docx_bytes
    findings = check_package_bytes(data, saved.name)
    assert [f for f in findings if f.severity != "not_applicable"] == []
    silent = set(rule_table()) - {f.rule for f in findings}
    assert {"money_table.total", "agency.format", "attachment.reference"} <= silent
    rows = cells(grid(open_docx(data)))
    assert sum(1 for r in rows if r[0].isdigit()) == len(ROWS)


@pytest.mark.slow
def test_the_pdf_is_one_portrait_page_with_the_total(docx_bytes: bytes, tmp_path: Path) -> None:
    pdf = _converted(docx_bytes, "tien-thuong.docx", "pdf", tmp_path)
    with pdfplumber.open(pdf) as reader:
        assert len(reader.pages) == 1
        page = reader.pages[0]
        assert (round(page.width * 25.4 / 72), round(page.height * 25.4 / 72)) == (210, 297)
        text = " ".join((page.extract_text() or "").split())
    total = table().total
    assert TITLE in text and f"{total:,}".replace(",", ".") in text
