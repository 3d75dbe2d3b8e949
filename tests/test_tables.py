"""Report tables as Vietnamese reports set them, read back from the DOCX.

Headings centred and bold; columns of figures and the STT column centred; text flush left;
widths from the content (each at least its longest word, adding up to the text width),
unless the data gives them. The rules are in tdkt_docs/table_layout.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from hypothesis import given
from hypothesis import strategies as st

import tdkt_docs
from tdkt_docs.appendices import table_widths_mm
from tdkt_docs.checker import check_package_bytes
from tdkt_docs.metrics import POINTS_PER_MM, text_width_mm
from tdkt_docs.models import TableSpec
from tdkt_docs.profile import Profile
from tdkt_docs.table_layout import (
    Alignment,
    column_alignments,
    column_widths_mm,
    is_number,
    total_label_column,
)
from tests.conftest import EXAMPLES, report_variant
from tests.docx_reading import mm, open_docx, paragraph_property, run_looks, twips

LEFT, CENTER = Alignment.LEFT, Alignment.CENTER
FIELDS = ("Lĩnh vực", "Cá nhân", "Tập thể", "Hộ gia đình", "Cộng")


@pytest.fixture(scope="module")
def report() -> Document:
    return open_docx(tdkt_docs.render_bytes(EXAMPLES / "bao_cao_thang.yaml"))


# --- Which cells are numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["12", "05", "0", "1.500", "1.500.000", "12,5", "1.234,56", "10%", "12,5 %", "-3", "+2"],
)
def test_vietnamese_numbers(text: str) -> None:
    assert is_number(text)


@pytest.mark.parametrize(
    "text",
    ["1.5", "1,500.00", "12.34", "1 500", "12 người", "14/9/2023", "2023-09", "I", "", "-"],
)
def test_not_vietnamese_numbers(text: str) -> None:
    assert not is_number(text)


@pytest.mark.parametrize(
    ("row", "label"),
    [
        (["Tổng cộng", "38"], 0),
        (["", "Tổng cộng: 39 điển hình", ""], 1),
        (["TỔNG SỐ", "5"], 0),
        (["Cộng", "5"], 0),
        (["Cộng:", "5"], 0),
        (["Tổng công ty Khánh Việt", "5"], None),
        (["Cộng đồng dân cư", "5"], None),
        (["1", "Tổng cộng"], None),  # only the row's first non-blank cell can be a label
    ],
)
def test_total_row_label(row: list[str], label: int | None) -> None:
    assert total_label_column(row) == label


def test_the_examples_body_table_centres_its_figures() -> None:
    rows = [
        ["Lao động, sản xuất", "12", "3", "2", "17"],
        ["Học tập, công tác", "21", "6", "0", "27"],
        ["Tổng cộng", "38", "11", "3", "52"],
    ]
    assert column_alignments(FIELDS, rows) == (LEFT, CENTER, CENTER, CENTER, CENTER)


def test_stt_ordinals_and_a_total_label_in_the_stt_column() -> None:
    columns = ("STT", "Đơn vị", "Số điển hình", "Tỷ lệ", "Ghi chú")
    rows = [
        ["I", "Khối sở, ngành", "", "", ""],
        ["1", "Sở Nội vụ", "1.500", "12,5%", ""],
        ["1.1", "Phòng Thi đua", "-", "—", "Bổ sung"],
        ["a)", "Tổ 1", "05", "10%", ""],
        ["Tổng cộng", "", "1.505", "", ""],
    ]
    assert column_alignments(columns, rows) == (CENTER, LEFT, CENTER, CENTER, LEFT)


def test_one_text_cell_makes_a_text_column() -> None:
    rows = [["1", "12"], ["2", "khoảng 30"]]
    assert column_alignments(("STT", "Số lượng"), rows) == (CENTER, LEFT)


def test_roman_numerals_count_only_under_an_stt_heading() -> None:
    rows = [["I", "I"], ["II", "IV"]]
    assert column_alignments(("Số TT", "Hạng"), rows) == (CENTER, LEFT)
    assert column_alignments(("Số thứ tự", "Hạng"), rows)[0] == CENTER
    assert column_alignments(("T.T", "Hạng"), rows)[0] == CENTER


def test_an_empty_column_is_a_text_column() -> None:
    assert column_alignments(("A", "B"), [["1", ""], ["2", "-"]]) == (CENTER, LEFT)
    assert column_alignments(("A",), []) == (LEFT,)


# --- Widths -------------------------------------------------------------------------------


def _floor_mm(texts: list[str], bold: bool, size: float, margin: float) -> float:
    words = [word for text in texts for word in text.split()] or [""]
    return max(text_width_mm(word, size, bold=bold) for word in words) + 2 * margin


def test_five_columns_on_portrait_keep_lao_dong_san_xuat_on_one_line(profile: Profile) -> None:
    rows = [
        ["Lao động, sản xuất", "12", "3", "2", "17"],
        ["Học tập, công tác", "21", "6", "0", "27"],
        ["Lĩnh vực khác", "5", "2", "1", "8"],
        ["Tổng cộng", "38", "11", "3", "52"],
    ]
    assert profile.text_width_mm == 160
    widths = column_widths_mm(
        FIELDS, rows, 160, size_pt=profile.size("table"), cell_margin_mm=profile.cell_margin_mm
    )
    assert sum(widths) == pytest.approx(160)
    line = text_width_mm("Lao động, sản xuất", profile.size("table"))
    assert widths[0] >= line + 2 * profile.cell_margin_mm
    for width, heading in zip(widths[1:], FIELDS[1:], strict=True):
        needed = text_width_mm(heading, profile.size("table"), bold=True)
        assert width >= needed + 2 * profile.cell_margin_mm, heading


def test_long_text_takes_the_room_short_columns_do_not_need(profile: Profile) -> None:
    story = "Sáng kiến phương pháp dạy học tích cực được áp dụng toàn tỉnh " * 3
    rows = [["1", "Nguyễn Thị Hoa", "1985", story.strip()]] * 3
    columns = ("STT", "Họ và tên", "Năm sinh", "Tóm tắt thành tích")
    widths = column_widths_mm(columns, rows, 247, size_pt=12, cell_margin_mm=1)
    assert sum(widths) == pytest.approx(247)
    assert widths[3] == max(widths)
    # A short column gets what its longest line needs and no more (2 mm of cell margins,
    # a 1-pt allowance): the name on one line. The years, little content beside the
    # story, get their longest word and their share: "Năm sinh" wraps between words.
    allowance = 2 + 1 / POINTS_PER_MM
    assert widths[0] == pytest.approx(text_width_mm("STT", 12, bold=True) + allowance)
    assert widths[1] == pytest.approx(text_width_mm("Nguyễn Thị Hoa", 12) + allowance)
    floor = max(text_width_mm("1985", 12), text_width_mm("sinh", 12, bold=True)) + allowance
    assert floor < widths[2] < text_width_mm("Năm sinh", 12, bold=True) + allowance


def test_a_web_address_does_not_starve_the_other_columns() -> None:
    link = "https://ktv.example.vn/video/hoc-sinh-khanh-hoa-gianh-huy-chuong-imo"
    rows = [["1", "Nguyễn Văn An", link]]
    columns = ("STT", "Họ và tên", "Tư liệu")
    widths = column_widths_mm(columns, rows, 60, size_pt=12, cell_margin_mm=1)
    assert sum(widths) == pytest.approx(60)
    assert widths[2] < text_width_mm(link, 12)
    assert widths[1] >= text_width_mm("Nguyễn", 12) + 2


_WORDS = st.sampled_from(
    ["Lao", "động,", "sản", "xuất", "Nguyễn", "Thị", "Hoa", "12", "1.500", "thành", "phố",
     "Nha", "Trang", "Khánh", "Hòa", "Bằng", "khen", "I", "2023", "điển", "hình"]
)  # fmt: skip
_CELL = st.lists(_WORDS, max_size=12).map(" ".join)


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]], float]:
    count = draw(st.integers(1, 12))
    columns = draw(st.lists(st.lists(_WORDS, min_size=1, max_size=4).map(" ".join),
                            min_size=count, max_size=count))  # fmt: skip
    rows = draw(st.lists(st.lists(_CELL, min_size=count, max_size=count), max_size=8))
    width = draw(st.sampled_from([160.0, 247.0, 100.0]))
    return columns, rows, width


@given(_tables())
def test_widths_add_up_and_never_split_a_word_that_fits(
    table: tuple[list[str], list[list[str]], float],
) -> None:
    columns, rows, width = table
    widths = column_widths_mm(columns, rows, width, size_pt=12, cell_margin_mm=1)
    assert sum(widths) == pytest.approx(width, abs=1e-6)
    for index, column_width in enumerate(widths):
        floor = max(
            _floor_mm([columns[index]], True, 12, 1),
            _floor_mm([row[index] for row in rows], False, 12, 1),
        )
        assert column_width >= min(floor, width / len(columns)) - 1e-6


def test_explicit_widths_win(profile: Profile) -> None:
    spec = TableSpec(columns=("STT", "Nội dung"), rows=(("1", "x"),), widths=(1, 3))
    assert table_widths_mm(spec, profile, 160) == (40, 120)


# --- Read back from the DOCX --------------------------------------------------------------


def _alignment(document: Document, cell: Any) -> str | None:
    return paragraph_property(document, cell.paragraphs[0], "jc", "w:val")


def _check_table(document: Document, table: Table, expected: tuple[Alignment, ...]) -> None:
    for cell in table.rows[0].cells:
        assert _alignment(document, cell) == "center", cell.text
        assert all(look.bold for look in run_looks(document, cell.paragraphs[0])), cell.text
        v_align = cell._tc.tcPr.find(qn("w:vAlign"))
        assert v_align is not None and v_align.get(qn("w:val")) == "center"
    for row in table.rows[1:]:
        for cell, alignment in zip(row.cells, expected, strict=True):
            assert _alignment(document, cell) == alignment.value, cell.text
            assert not any(look.bold for look in run_looks(document, cell.paragraphs[0]))


def _grid_mm(table: Table) -> list[float]:
    grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
    return [mm(twips(col.get(qn("w:w")))) for col in grid]


def test_body_table_alignment_and_widths_in_the_docx(report: Document, profile: Profile) -> None:
    table = report.tables[1]
    assert [c.text for c in table.rows[0].cells] == list(FIELDS)
    _check_table(report, table, (LEFT, CENTER, CENTER, CENTER, CENTER))
    grid = _grid_mm(table)
    assert sum(grid) == pytest.approx(profile.text_width_mm, abs=0.1)
    first_line = text_width_mm("Lao động, sản xuất", profile.size("table"))
    assert grid[0] >= first_line + 2 * profile.cell_margin_mm
    for row in table.rows:  # Word reads the cell widths, LibreOffice the grid
        assert [mm(c.width.twips) for c in row.cells] == pytest.approx(grid, abs=0.01)


def test_appendix_table_alignment_and_widths_in_the_docx(report: Document) -> None:
    table = report.tables[-1]
    # STT, Họ và tên, Năm sinh, Chức vụ, Lĩnh vực, Tóm tắt, Hình thức khen thưởng, Ghi chú
    expected = (CENTER, LEFT, CENTER, LEFT, LEFT, LEFT, LEFT, LEFT)
    _check_table(report, table, expected)
    grid = _grid_mm(table)
    assert sum(grid) == pytest.approx(297 - 30 - 20, abs=0.1), "landscape text width"
    assert grid[0] >= text_width_mm("STT", 12, bold=True) + 2, "STT does not break"


def test_number_cells_use_their_own_style(report: Document) -> None:
    table = report.tables[1]
    styles = {cell.paragraphs[0].style.name for row in table.rows[1:] for cell in row.cells[1:]}
    assert styles == {"ND30 Bảng số liệu"}
    assert report.tables[1].rows[1].cells[0].paragraphs[0].style.name == "ND30 Bảng nội dung"


def test_total_row_in_the_stt_column_and_given_widths(profile: Profile) -> None:
    table = {
        "columns": ["STT", "Đơn vị", "Số điển hình"],
        "widths": [1, 4, 2],
        "rows": [["1", "Sở Nội vụ", "1.500"], ["2", "Sở Tài chính", "12"], ["Cộng", "", "1.512"]],
    }
    data = report_variant(appendices=[{"title": "TỔNG HỢP", "table": table, "landscape": False}])
    document = open_docx(tdkt_docs.render_bytes(data))
    rendered = document.tables[-1]
    _check_table(document, rendered, (CENTER, LEFT, CENTER))
    grid = _grid_mm(rendered)
    assert [g / grid[0] for g in grid] == pytest.approx([1, 4, 2], abs=0.01), "given widths win"
    assert sum(grid) == pytest.approx(profile.text_width_mm, abs=0.1)


def test_tables_pass_the_checker() -> None:
    findings = check_package_bytes(tdkt_docs.render_bytes(report_variant()), "bao_cao.docx")
    assert [f for f in findings if f.severity == "error"] == []


def test_a_table_that_ends_the_body_stays_apart_from_the_signature_table() -> None:
    """Two tables that touch become one in Word and LibreOffice: a paragraph separates
    a table that ends the body from the signature table."""
    body = "# KẾT QUẢ\n\n| Lĩnh vực | Cá nhân |\n|---|---|\n| Lao động, sản xuất | 12 |"
    document = open_docx(tdkt_docs.render_bytes(report_variant(body=body, appendices=[])))
    body_table = document.tables[1]
    assert body_table.rows[1].cells[0].text == "Lao động, sản xuất"
    following = body_table._tbl.getnext()
    assert following is not None and following.tag == qn("w:p")
    assert following.getnext().tag == qn("w:tbl"), "then the signature table"
    findings = check_package_bytes(tdkt_docs.render_bytes(report_variant(body=body)), "bc.docx")
    assert [f for f in findings if f.severity == "error"] == []
