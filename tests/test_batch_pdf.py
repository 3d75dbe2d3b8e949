"""The merged printable file as LibreOffice lays it out: one letter per first page, each
with its own header, and page numbers restarting in every letter.

Needs LibreOffice and poppler-utils, like tests/test_pdf_layout.py (skipped locally without
them, a failure in CI).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pdfplumber
import pytest

from tdkt_docs.batch import render_batch
from tests.conftest import EXAMPLES
from tests.test_pdf_layout import MM, _lines, to_pdf

pytestmark = pytest.mark.slow
REMINDER = EXAMPLES / "reminders" / "don_doc.yaml"


def _page_text(page: object) -> list[str]:
    return [
        " ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"])) for line in _lines(page)
    ]


def test_merge_of_fifty_letters(tmp_path: Path) -> None:
    recipients = [f"UBND xã số {i}" for i in range(1, 51)]
    data = tmp_path / "xa.csv"
    with data.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "recipient"])
        writer.writerows([[r, r] for r in recipients])
    merged = tmp_path / "tat-ca.docx"
    result = render_batch(REMINDER, data, tmp_path / "out", merge=merged)
    assert len(result.written) == 50
    with pdfplumber.open(to_pdf(merged, tmp_path)) as pdf:
        assert len(pdf.pages) == 50, "one page per letter: each starts a new page"
        for page, recipient in zip(pdf.pages, recipients, strict=True):
            lines = _page_text(page)
            assert lines[0].startswith("UBND TỈNH KHÁNH HÒA"), lines[:2]
            assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines[0]
            assert any(line == f"Kính gửi: {recipient}" for line in lines), lines
            assert any("Huỳnh Mạnh Thắng" in line for line in lines), "its own signature block"
            assert any(line.startswith("E-mail: btdkt@khanhhoa.gov.vn") for line in lines)


def test_page_numbers_restart_in_every_letter(tmp_path: Path) -> None:
    base = tmp_path / "dai.yaml"
    base.write_text(
        (EXAMPLES / "cong_van_tuyen_truyen.yaml")
        .read_text("utf-8")
        .replace("  - Các sở, ban, ngành, đoàn thể tỉnh\n", "  - '{{ row.recipient }}'\n"),
        "utf-8",
    )
    data = tmp_path / "d.csv"
    data.write_text("recipient\nSở Y tế\nSở Tư pháp\nSở Xây dựng\n", "utf-8")
    merged = tmp_path / "in.docx"
    render_batch(base, data, tmp_path / "out", merge=merged)
    with pdfplumber.open(to_pdf(merged, tmp_path)) as pdf:
        assert len(pdf.pages) == 6, "three two-page letters"
        for index, page in enumerate(pdf.pages):
            top = [w for line in _lines(page) for w in line if w["top"] < 15 * MM]
            if index % 2 == 0:
                assert not top, "no number on a letter's first page"
                assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in _page_text(page)[0]
            else:
                assert [w["text"] for w in top] == ["2"], "its second page is page 2"
