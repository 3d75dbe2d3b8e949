"""The công văn as a real renderer lays it out: LibreOffice → PDF → word positions.

Needs LibreOffice (``soffice``), Liberation Serif 2 (metric twin of Times New Roman) and
poppler-utils. Skipped when they are missing, except in CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

import tdkt_docs
from tests.conftest import SEED_EXAMPLE, example_data, variant

pytestmark = pytest.mark.slow
MM = 72 / 25.4


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is required in CI (.ci/run installs it)")
        pytest.skip(f"{tool} is not installed")
    return path


def to_pdf(docx: Path, out_dir: Path) -> Path:
    soffice = _require("soffice")
    profile = out_dir / "lo-profile"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = out_dir / f"{docx.stem}.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    return pdf


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    docx = tdkt_docs.render(SEED_EXAMPLE, folder / "cv.docx")
    assert docx is not None
    return to_pdf(docx, folder)


def _lines(page: Any) -> list[list[dict[str, Any]]]:
    """Words grouped into lines by baseline (from the text matrix)."""
    chars = page.chars
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
    for word in words:
        inside = [
            c
            for c in chars
            if word["x0"] - 0.1 <= c["x0"] <= word["x1"]
            and word["top"] - 0.5 <= c["top"] <= word["bottom"]
        ]
        word["baseline"] = page.height - inside[0]["matrix"][5] if inside else word["bottom"]
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["baseline"], 0), w["x0"])):
        if lines and abs(lines[-1][0]["baseline"] - word["baseline"]) < 1.0:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _find_line(lines: list[list[dict[str, Any]]], text: str) -> list[dict[str, Any]]:
    for line in lines:
        joined = " ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"]))
        if text in joined:
            return sorted(line, key=lambda w: w["x0"])
    raise AssertionError(f"{text!r} not found on the page")


def _words(line: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The consecutive words of ``line`` that spell ``text``."""
    wanted = text.split()
    for start in range(len(line)):
        if [w["text"] for w in line[start : start + len(wanted)]] == wanted:
            return line[start : start + len(wanted)]
    raise AssertionError(f"{text!r} not in the line")


def test_fonts_are_embedded_without_fallback(seed_pdf: Path) -> None:
    pdffonts = _require("pdffonts")
    listing = subprocess.run(
        [pdffonts, str(seed_pdf)], capture_output=True, text=True, check=True
    ).stdout
    names = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    assert names, listing
    assert all("LiberationSerif" in n or "TimesNewRoman" in n for n in names), listing


def test_first_page_geometry(seed_pdf: Path) -> None:
    with pdfplumber.open(seed_pdf) as pdf:
        page = pdf.pages[0]
        lines = _lines(page)
        width = page.width

        qh = _words(_find_line(lines, "CỘNG HÒA XÃ HỘI"), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        assert len({round(w["baseline"]) for w in qh}) == 1, "the quốc hiệu is on one line"
        assert (qh[0]["x0"] + qh[-1]["x1"]) / 2 > width / 2, "in the right half"
        assert qh[0]["x0"] > 30 * MM + 60 * MM - 1, "inside the right column"

        tn = _words(_find_line(lines, "Độc lập"), "Độc lập - Tự do - Hạnh phúc")
        qh_centre = (qh[0]["x0"] + qh[-1]["x1"]) / 2
        assert (tn[0]["x0"] + tn[-1]["x1"]) / 2 == pytest.approx(qh_centre, abs=1.5)
        rules = [
            e
            for e in page.edges
            if e["orientation"] == "h"
            and e["top"] > tn[0]["bottom"]
            and e["top"] < tn[0]["bottom"] + 12
        ]
        assert rules, "a rule under the tiêu ngữ"
        rule_length = max(e["x1"] - e["x0"] for e in rules)
        assert rule_length == pytest.approx(tn[-1]["x1"] - tn[0]["x0"], abs=2.0)

        so = _words(_find_line(lines, "Số:"), "Số:")[0]
        date = _words(_find_line(lines, "Khánh Hòa, ngày"), "Khánh")[0]
        assert so["baseline"] == pytest.approx(date["baseline"], abs=0.5), "one baseline"
        assert so["x1"] < 30 * MM + 60 * MM < date["x0"], "number left, date right"

        vv = _words(_find_line(lines, "V/v"), "V/v")[0]
        assert vv["top"] > so["bottom"], "V/v under the number"
        assert vv["x1"] < 30 * MM + 60 * MM, "V/v in the left column"

        body = [w for line in lines for w in line if w["top"] > vv["bottom"] + 40]
        assert min(w["x0"] for w in body) >= 30 * MM - 1
        assert max(w["x1"] for w in body) <= width - 20 * MM + 1

        top_words = [w for line in lines for w in line if w["top"] < 20 * MM]
        assert not [w for w in top_words if w["text"].isdigit()], "no page number on page 1"


def test_signature_block_and_page_number(seed_pdf: Path) -> None:
    with pdfplumber.open(seed_pdf) as pdf:
        assert len(pdf.pages) == 2
        page = pdf.pages[-1]
        lines = _lines(page)
        label = _words(_find_line(lines, "Nơi nhận:"), "Nơi nhận:")[0]
        authority = _words(_find_line(lines, "KT. GIÁM ĐỐC"), "KT.")[0]
        assert label["baseline"] == pytest.approx(authority["baseline"], abs=1.0)
        assert label["x0"] == pytest.approx(30 * MM, abs=3), "Nơi nhận at the left margin"
        name = _words(_find_line(lines, "Huỳnh Mạnh Thắng"), "Huỳnh Mạnh Thắng")
        assert name[0]["top"] - authority["bottom"] > 20 * MM, "room for the signature and the seal"
        number = [w for line in lines for w in line if w["text"] == "2" and w["top"] < 20 * MM]
        assert len(number) == 1
        centre = (number[0]["x0"] + number[0]["x1"]) / 2
        assert centre == pytest.approx((30 * MM + page.width - 20 * MM) / 2, abs=3)


def test_single_recipient_and_marks_render(tmp_path: Path) -> None:
    data = variant(recipients=["Ban Thi đua - Khen thưởng Trung ương"], urgency="KHẨN", number=5)
    docx = tdkt_docs.render(data, tmp_path / "one.docx")
    assert docx is not None
    with pdfplumber.open(to_pdf(docx, tmp_path)) as pdf:
        lines = _lines(pdf.pages[0])
        line = _find_line(lines, "Kính gửi:")
        assert " ".join(w["text"] for w in line).startswith("Kính gửi: Ban Thi đua")
        assert "Số: 05/SNV-TĐKT" in " ".join(w["text"] for w in _find_line(lines, "Số:"))
        _find_line(lines, "KHẨN")


def test_report_appendix_pages(tmp_path: Path) -> None:

    from tests.conftest import EXAMPLES

    data = example_data(EXAMPLES / "bao_cao_thang.yaml")
    table = data["appendices"][0]["table"]
    table["rows"] = [
        [str(i), f"Người thứ {i}", "1980", "Đơn vị", "Công tác", "Thành tích", "", ""]
        for i in range(1, 61)
    ]
    docx = tdkt_docs.render(data, tmp_path / "bc.docx")
    assert docx is not None
    with pdfplumber.open(to_pdf(docx, tmp_path)) as pdf:
        pages = pdf.pages
        landscape = [i for i, page in enumerate(pages) if page.width > page.height]
        assert landscape and landscape == list(range(landscape[0], len(pages)))
        assert len(landscape) >= 2, "a 60-row appendix runs over several pages"

        def top_number(index: int) -> list[str]:
            page = pages[index]
            return [
                w["text"]
                for w in page.extract_words()
                if w["top"] < 15 * MM and w["text"].isdigit()
            ]

        first_appendix = landscape[0]
        assert top_number(0) == []
        assert top_number(first_appendix) == [], "no number on the appendix's first page"
        assert top_number(first_appendix + 1) == ["2"], "appendix pages restart at 1"


def _page_lines_text(line: list[dict[str, Any]]) -> str:
    return " ".join(w["text"] for w in sorted(line, key=lambda w: w["x0"]))


def test_agency_rule_and_margins(seed_pdf: Path) -> None:
    """The agency name sits in the left column with its shorter rule (1/3 to 1/2 of the
    name, centred under it); text extents keep inside the ND30 margins."""
    with pdfplumber.open(seed_pdf) as pdf:
        page = pdf.pages[0]
        lines = _lines(page)
        name = _words(_find_line(lines, "SỞ NỘI VỤ"), "SỞ NỘI VỤ")
        left, right = name[0]["x0"], name[-1]["x1"]
        assert right < 30 * MM + 60 * MM, "the agency name in the left column"
        rules = [
            e
            for e in page.edges
            if e["orientation"] == "h"
            and name[0]["bottom"] < e["top"] < name[0]["bottom"] + 12
            and e["x1"] < 30 * MM + 60 * MM
        ]
        assert rules, "a rule under the agency name"
        rule = max(rules, key=lambda e: e["x1"] - e["x0"])
        ratio = (rule["x1"] - rule["x0"]) / (right - left)
        assert 1 / 3 - 0.02 <= ratio <= 1 / 2 + 0.02, ratio
        assert (rule["x0"] + rule["x1"]) / 2 == pytest.approx((left + right) / 2, abs=1.5)

        for number, page in enumerate(pdf.pages):
            words = [w for line in _lines(page) for w in line]
            text_words = [
                w for w in words if not w["text"].startswith(("E-mail", "btdkt@"))
            ]  # the ô 13 footer lives in the bottom margin by design
            top_text = min(w["top"] for w in text_words if not w["text"].isdigit())
            assert 20 * MM - 2 <= top_text <= 25 * MM + 8, f"page {number + 1}: top margin"
            assert 30 * MM - 1 <= min(w["x0"] for w in text_words) <= 35 * MM
            assert max(w["x1"] for w in text_words) <= page.width - 15 * MM
            assert max(w["bottom"] for w in text_words) <= page.height - 20 * MM + 1


def test_body_is_justified(seed_pdf: Path) -> None:
    with pdfplumber.open(seed_pdf) as pdf:
        page = pdf.pages[0]
        lines = _lines(page)
        start = lines.index(_find_line(lines, "Thực hiện Công văn số 2881"))
        body = lines[start : start + 12]
        right_edge = page.width - 20 * MM
        ends = [max(w["x1"] for w in line) for line in body]
        full = [end for end in ends if end > right_edge - 25]  # not a paragraph's last line
        assert len(full) >= 8, ends
        assert all(end == pytest.approx(right_edge, abs=1.5) for end in full), ends
        assert all(min(w["x0"] for w in line) >= 30 * MM - 1 for line in body)


def test_signature_block_is_not_split(seed_pdf: Path) -> None:
    with pdfplumber.open(seed_pdf) as pdf:
        found = {
            text: [i for i, p in enumerate(pdf.pages) if text in (p.extract_text() or "")]
            for text in ("Nơi nhận:", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Huỳnh Mạnh Thắng")
        }
    assert all(len(pages) == 1 for pages in found.values()), found
    assert len({pages[0] for pages in found.values()}) == 1, found


def test_three_page_report_numbers_pages_two_and_three(tmp_path: Path) -> None:

    from tests.conftest import EXAMPLES

    data = example_data(EXAMPLES / "bao_cao_thang.yaml")
    data.pop("appendices", None)
    extra = "\n\n".join(
        f"Đoạn bổ sung số {i}: các cơ quan, đơn vị, địa phương tiếp tục phát hiện, bồi dưỡng "
        "và nhân rộng điển hình tiên tiến trong các phong trào thi đua yêu nước."
        for i in range(1, 23)
    )
    data["body"] = data["body"].replace("# ĐÁNH GIÁ CHUNG", f"{extra}\n\n# ĐÁNH GIÁ CHUNG")
    docx = tdkt_docs.render(data, tmp_path / "bc3.docx")
    assert docx is not None
    pdf_path = to_pdf(docx, tmp_path)
    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) == 3
        numbers = [
            [w["text"] for w in p.extract_words() if w["top"] < 15 * MM and w["text"].isdigit()]
            for p in pdf.pages
        ]
        assert numbers == [[], ["2"], ["3"]]
        for page, expected in zip(pdf.pages[1:], ("2", "3"), strict=True):
            number = next(w for w in page.extract_words() if w["text"] == expected)
            centre = (number["x0"] + number["x1"]) / 2
            assert centre == pytest.approx((30 * MM + page.width - 20 * MM) / 2, abs=3)
    listing = subprocess.run(
        [_require("pdffonts"), str(pdf_path)], capture_output=True, text=True, check=True
    ).stdout
    fonts = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    assert fonts and all("LiberationSerif" in f for f in fonts), listing


def test_report_first_page_geometry(tmp_path: Path) -> None:
    """The báo cáo shares the header: quốc hiệu on one line in the right column, Số and the
    date line on one baseline; then the centred type name and trích yếu with its rule."""

    from tests.conftest import EXAMPLES

    data = example_data(EXAMPLES / "bao_cao_thang.yaml")
    docx = tdkt_docs.render(data, tmp_path / "bc.docx")
    assert docx is not None
    with pdfplumber.open(to_pdf(docx, tmp_path)) as pdf:
        page = pdf.pages[0]
        lines = _lines(page)
        qh = _words(_find_line(lines, "CỘNG HÒA XÃ HỘI"), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        assert len({round(w["baseline"]) for w in qh}) == 1
        assert qh[0]["x0"] > 30 * MM + 60 * MM - 1, "inside the right column"
        so = _words(_find_line(lines, "Số:"), "Số:")[0]
        date = _words(_find_line(lines, "Khánh Hòa, ngày"), "Khánh")[0]
        assert so["baseline"] == pytest.approx(date["baseline"], abs=0.5)
        title = _words(_find_line(lines, "BÁO CÁO"), "BÁO CÁO")
        text_centre = (30 * MM + page.width - 20 * MM) / 2
        assert (title[0]["x0"] + title[-1]["x1"]) / 2 == pytest.approx(text_centre, abs=2)
        assert title[0]["top"] > so["bottom"], "the type name under the header"
        extract_line = _find_line(lines, "Kết quả phát hiện")
        rules = [
            e
            for e in page.edges
            if e["orientation"] == "h"
            and extract_line[0]["bottom"] < e["top"] < extract_line[0]["bottom"] + 40
            and e["x0"] > 30 * MM + 10
        ]
        assert rules, "a rule under the trích yếu"
        rule = rules[0]
        assert (rule["x0"] + rule["x1"]) / 2 == pytest.approx(text_centre, abs=2)
        words = [w for line in lines for w in line if not w["text"].startswith("E-mail")]
        assert min(w["x0"] for w in words) >= 30 * MM - 1
        assert max(w["x1"] for w in words) <= page.width - 15 * MM
