"""DOCX → PDF with LibreOffice, for e-signing and print (issue 7, first part).

One LibreOffice start converts many files (a start costs about 2 s, each further file a
fraction of that); a long list is shared among one run per CPU core. Each run uses a
private, throw-away LibreOffice profile, so runs can go side by side, and a timeout. A PDF
that LibreOffice does not write, even when it exits 0, is an error; PDFs are written to a
temporary folder and moved into place, so nothing partial is left.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tdkt_docs.errors import ConversionError, OutputExistsError

INSTALL_HINT = (
    "install LibreOffice and the Times New Roman metric twin: "
    "apt-get install libreoffice-writer-nogui fonts-liberation2"
)
DEFAULT_TIMEOUT_SECONDS = 300
FILES_PER_RUN = 10
"""A LibreOffice start costs about 2 s and a page about 0.1 s: a second run side by side
pays off from about 10 files."""
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
"""LibreOffice's PDF export as PDF/A-2b, for archiving."""


def find_soffice() -> str:
    """The LibreOffice command, or a :class:`ConversionError` saying how to install it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ConversionError(f"LibreOffice (soffice) was not found; {INSTALL_HINT}")


def convert_to_pdf(
    documents: Sequence[str | Path],
    out_dir: str | Path | None = None,
    *,
    pdfa: bool = False,
    overwrite: bool = False,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    jobs: int | None = None,
) -> list[Path]:
    """Convert DOCX files to PDF; return the PDFs, in order.

    Each PDF goes beside its DOCX, or into ``out_dir``. ``pdfa`` writes PDF/A-2b. Files
    are shared among up to ``jobs`` LibreOffice runs at once (default: one per CPU core,
    at least ``FILES_PER_RUN`` files each, so a few files take a single start).
    """
    paths = [Path(d) for d in documents]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise ConversionError(f"{missing[0]}: not a file")
    stems = [p.stem for p in paths]
    if len(set(stems)) != len(stems):
        raise ConversionError("two documents have the same name; their PDFs would collide")
    targets = [Path(out_dir) / f"{p.stem}.pdf" if out_dir else p.with_suffix(".pdf") for p in paths]
    if not overwrite:
        existing = [t for t in targets if t.exists()]
        if existing:
            raise OutputExistsError("already exists", path=existing[0])
    soffice = find_soffice()
    runs = max(1, min(jobs or os.cpu_count() or 1, math.ceil(len(paths) / FILES_PER_RUN)))
    groups = [paths[i::runs] for i in range(runs)]
    with tempfile.TemporaryDirectory(prefix="tdkt-pdf-") as work:
        converted = Path(work) / "out"
        if runs == 1:
            _run(soffice, groups[0], Path(work) / "profile-0", converted, pdfa, timeout)
        else:
            # Several LibreOffice processes side by side, each with its own profile.
            with ThreadPoolExecutor(runs) as pool:
                started = [
                    pool.submit(
                        _run, soffice, group, Path(work) / f"profile-{i}", converted, pdfa, timeout
                    )
                    for i, group in enumerate(groups)
                ]
                for future in started:
                    future.result()
        written = []
        for path, target in zip(paths, targets, strict=True):
            pdf = converted / f"{path.stem}.pdf"
            if not pdf.is_file() or pdf.stat().st_size == 0:
                raise ConversionError(f"{path}: LibreOffice wrote no PDF")
            target.parent.mkdir(parents=True, exist_ok=True)
            # Into place in one step (a copy first when the folders are on different disks).
            staged = target.with_name(f".{target.name}.tdkt.tmp")
            shutil.copyfile(pdf, staged)
            staged.replace(target)
            written.append(target)
    return written


def _run(
    soffice: str, paths: Sequence[Path], profile: Path, out: Path, pdfa: bool, timeout: float
) -> None:
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        PDFA_FILTER if pdfa else "pdf",
        "--outdir",
        str(out),
        *(str(p.resolve()) for p in paths),
    ]
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise ConversionError(f"LibreOffice did not finish within {timeout:.0f} s") from exc
    except OSError as exc:
        raise ConversionError(f"cannot run LibreOffice: {exc}; {INSTALL_HINT}") from exc
    for path in paths:
        pdf = out / f"{path.stem}.pdf"
        if not pdf.is_file() or pdf.stat().st_size == 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            reason = detail[-1] if detail else f"exit code {result.returncode}"
            raise ConversionError(f"{path}: LibreOffice wrote no PDF ({reason})")


def find_pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        raise ConversionError("pdftoppm was not found; apt-get install poppler-utils")
    return found


def preview_page(
    document: str | Path,
    output: str | Path,
    *,
    page: int = 1,
    dpi: int = 100,
    overwrite: bool = False,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> Path:
    """Render one page of a DOCX to a PNG (LibreOffice, then pdftoppm), to look at a
    document without Word."""
    output = Path(output)
    if output.suffix.lower() != ".png":
        raise ConversionError(f"{output}: the preview is a PNG; give a name ending in .png")
    if output.exists() and not overwrite:
        raise OutputExistsError("already exists", path=output)
    if page < 1:
        raise ConversionError(f"page {page}: pages are numbered from 1")
    pdftoppm = find_pdftoppm()
    with tempfile.TemporaryDirectory(prefix="tdkt-preview-") as work:
        (pdf,) = convert_to_pdf([document], work, timeout=timeout)
        stem = Path(work) / "page"
        command = [pdftoppm, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page)]
        command += ["-singlefile", str(pdf), str(stem)]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False
        )
        png = stem.with_suffix(".png")
        if result.returncode != 0 or not png.is_file():
            pages = page_count(pdf)
            if pages is not None and page > pages:
                raise ConversionError(f"{document}: page {page} asked, the document has {pages}")
            raise ConversionError(f"{document}: pdftoppm failed ({result.stderr.strip()})")
        output.parent.mkdir(parents=True, exist_ok=True)
        staged = output.with_name(f".{output.name}.tdkt.tmp")
        shutil.copyfile(png, staged)
        staged.replace(output)
    return output


def page_count(pdf: Path) -> int | None:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return None
    listing = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=False)
    for line in listing.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None
