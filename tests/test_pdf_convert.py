"""DOCX → PDF with LibreOffice (``tdkt-docs pdf``): many files per start, a private
profile, PDF/A, and clear errors when LibreOffice is missing or writes nothing."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pdfplumber
import pytest

import tdkt_docs
from tdkt_docs.cli import main
from tdkt_docs.pdf import INSTALL_HINT, convert_to_pdf
from tests.conftest import SEED_EXAMPLE
from tests.test_pdf_layout import _require

REMINDERS = SEED_EXAMPLE.parent / "reminders"


@pytest.mark.slow
def test_many_documents_in_one_run(tmp_path: Path) -> None:
    _require("soffice")
    seed = tdkt_docs.render(SEED_EXAMPLE, tmp_path / "cong van.docx")
    batch = tdkt_docs.render_batch(
        REMINDERS / "don_doc.yaml", REMINDERS / "don_vi_chua_gui.csv", tmp_path / "b"
    )
    assert seed is not None
    documents = [seed, *batch.written[:3]]
    pdfs = convert_to_pdf(documents, tmp_path / "pdf")
    assert [p.name for p in pdfs] == [f"{d.stem}.pdf" for d in documents]
    with pdfplumber.open(pdfs[0]) as pdf:
        assert len(pdf.pages) == 2
    with pdfplumber.open(pdfs[2]) as pdf:
        assert "Kính gửi: Sở Xây dựng" in pdf.pages[0].extract_text()
    listing = subprocess.run(
        [_require("pdffonts"), str(pdfs[1])], capture_output=True, text=True, check=True
    ).stdout
    fonts = [line.split()[0] for line in listing.splitlines()[2:] if line.strip()]
    assert fonts and all("LiberationSerif" in f for f in fonts), listing
    with pytest.raises(tdkt_docs.OutputExistsError):
        convert_to_pdf(documents[:1], tmp_path / "pdf")
    assert convert_to_pdf(documents[:1], tmp_path / "pdf", overwrite=True) == pdfs[:1]


@pytest.mark.slow
def test_pdfa_for_archiving(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _require("soffice")
    document = tdkt_docs.render(SEED_EXAMPLE, tmp_path / "cv.docx")
    assert main(["pdf", str(document), "--pdfa", "-o", str(tmp_path / "a")]) == 0
    pdf = Path(capsys.readouterr().out.strip())
    data = pdf.read_bytes()
    assert b"pdfaid:part>2<" in data or b'pdfaid:part="2"' in data


def _fake_soffice(folder: Path, script: str) -> None:
    folder.mkdir()
    fake = folder / "soffice"
    fake.write_text(f"#!/bin/sh\n{script}\n", "utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)


def test_missing_libreoffice_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tdkt_docs.render(SEED_EXAMPLE, tmp_path / "cv.docx")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(tdkt_docs.ConversionError, match="apt-get install libreoffice-writer"):
        convert_to_pdf([document])
    assert main(["pdf", str(document)]) == 1
    err = capsys.readouterr().err
    assert INSTALL_HINT in err and "Traceback" not in err


def test_a_converter_that_writes_nothing_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = tdkt_docs.render(SEED_EXAMPLE, tmp_path / "cv.docx")
    _fake_soffice(tmp_path / "bin", 'echo "converted"; exit 0')
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(tdkt_docs.ConversionError, match="LibreOffice wrote no PDF"):
        convert_to_pdf([document])
    assert not (tmp_path / "cv.pdf").exists()


def test_a_hanging_converter_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = tdkt_docs.render(SEED_EXAMPLE, tmp_path / "cv.docx")
    _fake_soffice(tmp_path / "bin", "sleep 30")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(tdkt_docs.ConversionError, match="did not finish within 1 s"):
        convert_to_pdf([document], timeout=1)


@pytest.mark.slow
def test_preview_a_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _require("soffice")
    _require("pdftoppm")
    document = tdkt_docs.render(SEED_EXAMPLE, tmp_path / "cv.docx")
    out = tmp_path / "trang-2.png"
    assert main(["preview", str(document), "-o", str(out), "--page", "2", "--dpi", "40"]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["preview", str(document), "-o", str(tmp_path / "x.png"), "--page", "9"]) == 1
    assert "page 9 asked, the document has 2" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
    assert main(["preview", str(document), "-o", str(out)]) == 1, "no silent overwrite"


@pytest.mark.slow
def test_pdf_option_of_render_batch_and_monthly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _require("soffice")
    out = tmp_path / "cv.docx"
    assert main(["render", str(SEED_EXAMPLE), "-o", str(out), "--pdf"]) == 0
    assert (tmp_path / "cv.pdf").stat().st_size > 10_000
    result = tdkt_docs.render_batch(
        REMINDERS / "don_doc.yaml",
        REMINDERS / "don_vi_chua_gui.csv",
        tmp_path / "b",
        merge=tmp_path / "b" / "tat-ca.docx",
        pdf=True,
    )
    assert [p.name for p in result.pdfs] == [
        *(f"{d.stem}.pdf" for d in result.written),
        "tat-ca.pdf",
    ]
    with pdfplumber.open(result.pdfs[-1]) as pdf:
        assert len(pdf.pages) == 11, "the merged file: one page per letter"
    monthly = SEED_EXAMPLE.parent / "monthly"
    code = main(
        [
            "monthly", "compile", "--month", "2023-09",
            "--units", str(monthly / "units.yaml"),
            "--submissions", str(monthly / "submissions"),
            "-o", str(tmp_path / "m"), "--pdf",
        ]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert (tmp_path / "m" / "bao-cao-2023-09.pdf").is_file()
