"""The quyết định as a real renderer lays it out (LibreOffice → PDF → word positions).

The authority line and "QUYẾT ĐỊNH:" stand centred on lines of their own; the căn cứ are
italic and indented 1 cm; the signature block is on one page; the attached list starts on
a new page whose number restarts at 1. Needs LibreOffice and poppler-utils (skipped
without them, except in CI).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import tdkt_docs
from tests.conftest import EXAMPLES
from tests.test_pdf_layout import MM, _find_line, _lines, to_pdf

pytestmark = pytest.mark.slow
LEFT, RIGHT = 30 * MM, 20 * MM


@pytest.fixture(scope="module")
def simple_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qd")
    docx = tdkt_docs.render(EXAMPLES / "quyet_dinh_khen_thuong.yaml", folder / "qd.docx")
    assert docx is not None
    return to_pdf(docx, folder)


@pytest.fixture(scope="module")
def list_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qd-list")
    docx = tdkt_docs.render(EXAMPLES / "quyet_dinh_danh_sach.yaml", folder / "qd.docx")
    assert docx is not None
    return to_pdf(docx, folder)


def _text(line: list[dict[str, Any]]) -> str:
    return " ".join(w["text"] for w in line)


def _centre(line: list[dict[str, Any]]) -> float:
    return (min(w["x0"] for w in line) + max(w["x1"] for w in line)) / 2


def test_authority_and_operative_lines_are_centred_on_their_own(simple_pdf: Path) -> None:
    with pdfplumber.open(simple_pdf) as pdf:
        page = pdf.pages[0]
        lines = _lines(page)
        middle = (LEFT + page.width - RIGHT) / 2
        for text in ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "QUYẾT ĐỊNH:"):
            line = _find_line(lines, text)
            assert _text(line) == text, "alone on its line"
            assert _centre(line) == pytest.approx(middle, abs=1.5), text
        title = _find_line(lines, "QUYẾT ĐỊNH")
        assert _text(title) == "QUYẾT ĐỊNH" and _centre(title) == pytest.approx(middle, abs=1.5)


def test_basis_lines_are_italic_and_indented(simple_pdf: Path) -> None:
    with pdfplumber.open(simple_pdf) as pdf:
        page = pdf.pages[0]
        lines = _lines(page)
        for start in ("Căn cứ Luật Tổ chức chính quyền", "Theo đề nghị của Giám đốc Sở Tư pháp"):
            line = _find_line(lines, start)
            first = line[0]
            assert first["x0"] == pytest.approx(LEFT + 10 * MM, abs=1.0), "1 cm first-line indent"
            chars = [c for c in page.chars if first["x0"] <= c["x0"] < first["x1"]
                     and abs(c["top"] - first["top"]) < 2]  # fmt: skip
            assert chars and all("Italic" in c["fontname"] for c in chars), start
        article = _find_line(lines, "Điều 1.")
        bold = [c for c in page.chars if abs(c["top"] - article[0]["top"]) < 2
                and article[0]["x0"] <= c["x0"] < article[1]["x1"]]  # fmt: skip
        assert bold and all("Bold" in c["fontname"] for c in bold), "Điều 1. in bold"


def test_signature_block_is_on_one_page_with_the_last_article(simple_pdf: Path) -> None:
    with pdfplumber.open(simple_pdf) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    pages = {
        text: [i for i, page in enumerate(texts) if text in page]
        for text in ("Điều 2.", "Nơi nhận:", "CHỦ TỊCH\n", "Nguyễn Văn Minh")
    }
    assert all(len(found) == 1 for found in pages.values()), pages
    assert len({found[0] for found in pages.values()}) == 1, pages


def test_the_attached_list_starts_a_new_page_numbered_from_one(list_pdf: Path) -> None:
    with pdfplumber.open(list_pdf) as pdf:
        pages = pdf.pages
        first_list = next(
            i for i, page in enumerate(pages) if "DANH SÁCH" in (page.extract_text() or "")
        )
        assert first_list >= 1, "after the decision"
        decision_pages = range(first_list)
        assert "Trần Thị Hồng" in (pages[first_list - 1].extract_text() or "")

        def top_numbers(index: int) -> list[str]:
            words = pages[index].extract_words()
            return [w["text"] for w in words if w["top"] < 15 * MM and w["text"].isdigit()]

        assert top_numbers(0) == []
        assert top_numbers(first_list) == [], "no number on the list's first page"
        assert len(pages) > first_list + 1, "a 40-entry table runs over two pages"
        assert top_numbers(first_list + 1) == ["2"], "the list's pages restart at 1"
        lines = _lines(pages[first_list])
        heading = _find_line(lines, "DANH SÁCH")
        middle = (LEFT + pages[first_list].width - RIGHT) / 2
        assert _centre(heading) == pytest.approx(middle, abs=1.5)
        assert list(decision_pages) == list(range(first_list))
