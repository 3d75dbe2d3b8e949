"""Report tables as LibreOffice lays them out: one line for "Lao động, sản xuất" in a
five-column portrait table, figures centred in their cells, text flush left.

Needs LibreOffice, Liberation Serif 2 and poppler-utils, like tests/test_pdf_layout.py:
skipped when they are missing, except in CI (``CI`` set), where it fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import tdkt_docs
from tdkt_docs.metrics import POINTS_PER_MM, text_width_mm
from tdkt_docs.table_layout import column_widths_mm
from tests.conftest import report_variant
from tests.test_pdf_layout import to_pdf

pytestmark = pytest.mark.slow
CELL_MARGIN_PT = 1.0 * POINTS_PER_MM  # the nd30 profile's cell_margin_mm
Cell = tuple[float, float, float, float]


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tables")
    docx = tdkt_docs.render(report_variant(), folder / "bc.docx")
    assert docx is not None
    return to_pdf(docx, folder)


def _cell_lines(page: Any, cell: Cell) -> list[list[dict[str, Any]]]:
    """The words whose centre lies in ``cell``, grouped into lines, left to right."""
    x0, top, x1, bottom = cell
    inside = [
        w
        for w in page.extract_words()
        if x0 < (w["x0"] + w["x1"]) / 2 < x1 and top < (w["top"] + w["bottom"]) / 2 < bottom
    ]
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(inside, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _text(line: list[dict[str, Any]]) -> str:
    return " ".join(w["text"] for w in line)


def _table(page: Any, first_heading: str) -> list[list[Cell]]:
    """The cell boxes of the table whose first heading is ``first_heading``."""
    for table in page.find_tables():
        cells = [[c for c in row.cells if c is not None] for row in table.rows]
        if _text(_cell_lines(page, cells[0][0])[0]) == first_heading:
            return cells
    raise AssertionError(f"no table headed {first_heading!r} on the page")


def _assert_centred(page: Any, cell: Cell) -> None:
    for line in _cell_lines(page, cell):
        centre = (line[0]["x0"] + line[-1]["x1"]) / 2
        assert centre == pytest.approx((cell[0] + cell[2]) / 2, abs=1.0), _text(line)


def _assert_left(page: Any, cell: Cell) -> None:
    for line in _cell_lines(page, cell):
        assert line[0]["x0"] - cell[0] == pytest.approx(CELL_MARGIN_PT, abs=1.0), _text(line)


def _assert_columns(page: Any, cells: list[list[Cell]], centred: tuple[bool, ...]) -> None:
    for cell in cells[0]:
        _assert_centred(page, cell)  # headings
    for row in cells[1:]:
        for cell, centre in zip(row, centred, strict=True):
            if _cell_lines(page, cell):
                (_assert_centred if centre else _assert_left)(page, cell)


def test_body_table_of_the_example(example_pdf: Path) -> None:
    with pdfplumber.open(example_pdf) as pdf:
        page = pdf.pages[0]
        cells = _table(page, "Lĩnh vực")
        assert len(cells[0]) == 5
        first = _cell_lines(page, cells[1][0])
        assert [_text(line) for line in first] == ["Lao động, sản xuất"], "one line"
        assert [_text(_cell_lines(page, row[1])[0]) for row in cells[1:]] == [
            "12",
            "21",
            "5",
            "38",
        ]
        _assert_columns(page, cells, (False, True, True, True, True))
        left, right = cells[0][0][0], cells[0][-1][2]
        assert right - left == pytest.approx(160 * POINTS_PER_MM, abs=1.5), "the text width"


def test_appendix_table_of_the_example(example_pdf: Path) -> None:
    with pdfplumber.open(example_pdf) as pdf:
        page = next(p for p in pdf.pages if p.width > p.height)
        cells = _table(page, "STT")
        assert len(cells[0]) == 8
        # STT, Họ và tên, Năm sinh, Chức vụ, Lĩnh vực, Tóm tắt, Hình thức, Ghi chú
        _assert_columns(page, cells, (True, False, True, False, False, False, False, False))
        assert [_text(line) for line in _cell_lines(page, cells[0][0])] == ["STT"]
        year = _cell_lines(page, cells[1][2])
        assert [_text(line) for line in year] == ["1985"]


def test_a_tight_column_keeps_lao_dong_san_xuat_on_one_line(tmp_path: Path) -> None:
    """Long headings take every spare millimetre, so the first column gets exactly what
    the metrics say "Lao động, sản xuất" needs: LibreOffice must agree."""
    columns = [
        "Lĩnh vực",
        "Cá nhân được khen thưởng trong tháng",
        "Tập thể được khen thưởng trong tháng",
        "Hộ gia đình được khen thưởng trong tháng",
        "Tổng số được khen thưởng trong tháng",
    ]
    rows = [
        ["Lao động, sản xuất", "12", "3", "2", "17"],
        ["Học tập, công tác", "21", "6", "0", "27"],
        ["Tổng cộng", "33", "9", "2", "44"],
    ]
    widths = column_widths_mm(columns, rows, 160, size_pt=12, cell_margin_mm=1.0)
    needed = text_width_mm("Lao động, sản xuất", 12) + 2 * 1.0
    assert widths[0] - needed < 0.5, "the test is tight: no spare width in the column"
    lines = [f"| {' | '.join(row)} |" for row in [columns, ["---"] * 5, *rows]]
    body = "# KẾT QUẢ\n\nTrong tháng, kết quả như sau:\n\n" + "\n".join(lines)
    docx = tdkt_docs.render(report_variant(body=body, appendices=[]), tmp_path / "tight.docx")
    assert docx is not None
    with pdfplumber.open(to_pdf(docx, tmp_path)) as pdf:
        page = pdf.pages[0]
        cells = _table(page, "Lĩnh vực")
        assert [_text(line) for line in _cell_lines(page, cells[1][0])] == ["Lao động, sản xuất"]
        assert [_text(line) for line in _cell_lines(page, cells[2][0])] == ["Học tập, công tác"]
        _assert_columns(page, cells, (False, True, True, True, True))
