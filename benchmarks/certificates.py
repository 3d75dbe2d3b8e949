"""Certificates: 500 printed by tdkt_docs (reportlab) against the same 500 through
LibreOffice, in the same run (target: the 500 in under 20 s).

The round is the compiled example round (57 awards) repeated with numbered names up to
the count. tdkt_docs writes everything it always writes: one PDF per award, the merged
PDF and the manifest. The LibreOffice side is given the same field texts and positions:
it builds one DOCX per certificate (python-docx, every field a paragraph in a frame
anchored to the page at the field's mm position, at its largest size), then converts
them to PDF with ``soffice --convert-to pdf``, 100 files per call, one call after another. It
writes no merged file and never shrinks a long name, so it does less work.

    python benchmarks/certificates.py [CERTIFICATES] [LIBREOFFICE_CERTIFICATES]

With a smaller second number LibreOffice converts only that many and its time for the
full count is extrapolated linearly from them (its start-up counted once); the output
says so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tdkt_docs import awards
from tdkt_docs.awards.certificate_layout import Layout, load_layout
from tdkt_docs.awards.certificate_pdf import field_texts

ROOT = Path(__file__).resolve().parent.parent
ROUND = ROOT / "examples" / "awards" / "round.yaml"
NOMINATIONS = ROOT / "examples" / "awards" / "nominations"
LAYOUT = ROOT / "examples" / "awards" / "layout.yaml"
TWIPS_PER_MM = 1440 / 25.4
CHUNK = 100


def make_round(folder: Path, count: int) -> tuple[Path, list[dict[str, Any]]]:
    compiled = folder / "dot"
    awards.compile(ROUND, NOMINATIONS, compiled)
    data = json.loads((compiled / "ket-qua.json").read_text("utf-8"))
    base = data["awards"]
    items = []
    for i in range(count):
        award = dict(base[i % len(base)])
        award["name"] = f"{award['name']} {i + 1}"
        items.append(award)
    data["awards"] = items
    (compiled / "ket-qua.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return compiled, items


def certificate_docx(award: dict[str, Any], number: int, layout: Layout, path: Path) -> None:
    """One certificate as a DOCX of page-anchored frames (what a Word mail-merge of the
    blank would hold)."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(layout.page.width), Mm(layout.page.height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(0))
    texts = field_texts(award, f"Số sổ: {number:03d}")
    for field, box in layout.fields.items():
        text = texts[field]
        if not text:
            continue
        paragraph = document.add_paragraph()
        properties = paragraph._p.get_or_add_pPr()
        frame = OxmlElement("w:framePr")
        top = box.y - box.size.max * 0.8 * 25.4 / 72  # the frame's top, about one ascent up
        for key, value in (
            ("w:w", box.width * TWIPS_PER_MM),
            ("w:x", box.left_edge() * TWIPS_PER_MM),
            ("w:y", top * TWIPS_PER_MM),
            ("w:hAnchor", "page"),
            ("w:vAnchor", "page"),
            ("w:wrap", "around"),
        ):
            frame.set(qn(key), str(round(value)) if isinstance(value, float) else value)
        properties.append(frame)
        paragraph.alignment = {"left": 0, "center": 1, "right": 2}[box.align]
        for index, line in enumerate(text.split("\n")):
            if index:
                paragraph.add_run().add_break()
            run = paragraph.add_run(line)
            run.font.name = "Times New Roman"
            run.font.size = Pt(box.size.max)
            run.bold, run.italic = box.bold, box.italic
    document.save(str(path))


def through_libreoffice(items: list[dict[str, Any]], work: Path) -> float:
    loaded = load_layout(LAYOUT)
    started = time.perf_counter()
    sources = work / "docx"
    sources.mkdir()
    paths = []
    for number, award in enumerate(items, start=1):
        layout = loaded.file.find(award["form"], award["form_title"], award["kind"])
        assert layout is not None
        path = sources / f"{number:04d}.docx"
        certificate_docx(award, number, layout, path)
        paths.append(path)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed")
    # One soffice process after another, CHUNK files each: a single call with 500 files
    # stopped after 246 of them on this machine (LibreOffice 7.4) without an error.
    for first in range(0, len(paths), CHUNK):
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work / "pdf"),
                *map(str, paths[first : first + CHUNK]),
            ],
            check=True,
            capture_output=True,
            timeout=3600,
        )
    elapsed = time.perf_counter() - started
    written = list((work / "pdf").glob("*.pdf"))
    assert len(written) == len(paths), (len(written), len(paths))
    return elapsed


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    office_count = int(sys.argv[2]) if len(sys.argv) > 2 else count
    with tempfile.TemporaryDirectory(prefix="tdkt-cert-bench-") as work_name:
        work = Path(work_name)
        compiled, items = make_round(work, count)

        started = time.perf_counter()
        result = awards.certificates(compiled, LAYOUT, work / "ours")
        ours = time.perf_counter() - started
        assert len(result.sheets) == count

        (work / "office").mkdir()
        office = through_libreoffice(items[:office_count], work / "office")
        office_full = office * count / office_count

    print(f"tdkt_docs (reportlab): {count} certificates in {ours:.2f} s "
          f"({ours / count * 1000:.1f} ms each; PDFs, merged PDF, manifest)")  # fmt: skip
    measured = "" if office_count == count else (
        f" (measured {office_count} in {office:.1f} s, extrapolated linearly)"
    )  # fmt: skip
    print(
        f"LibreOffice (DOCX frames, soffice {CHUNK} files per call): "
        f"{count} in {office_full:.1f} s{measured}"
    )
    print(f"ratio: LibreOffice / tdkt_docs = {office_full / ours:.1f}×")
    print(f"target: {count} in under 20 s: {'met' if ours < 20 else 'MISSED'}")


if __name__ == "__main__":
    main()
