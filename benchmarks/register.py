"""How long the sổ đăng ký văn bản đi takes for N documents (default 1000, about a year
of a Sở's outgoing documents), and the metadata of each.

Baselines in the same run: the same rows written the plain way (python-docx, a table
filled cell by cell; openpyxl, values only) and python-docx opening the register, the
least a checker built on it must do. Prints each time and its ratio to its baseline.

    python benchmarks/register.py [N]
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import docx
import openpyxl

import tdkt_docs
from tdkt_docs.metadata import document_metadata, sidecar_bytes
from tdkt_docs.register import COLUMNS, RegisterCover, register_docx, register_entry, register_xlsx

ROOT = Path(__file__).resolve().parent.parent


def _timed(function: object, *args: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)  # type: ignore[operator]
    return time.perf_counter() - start, result


def plain_docx(rows: list[tuple[str, ...]]) -> bytes:
    document = docx.Document()
    table = document.add_table(rows=1, cols=len(COLUMNS))
    for cell, text in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def plain_xlsx(rows: list[tuple[str, ...]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for values in rows:
        sheet.append(values)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    submission = tdkt_docs.load(ROOT / "examples" / "to_trinh_khen_thuong.yaml")
    documents = [
        submission.model_copy(update={"number": n, "date": submission.date.model_copy()})
        for n in range(1, count + 1)
    ]
    cover = RegisterCover.of(submission.agency, volume="01")

    start = time.perf_counter()
    entries = [register_entry(document) for document in documents]
    entry_time = time.perf_counter() - start
    start = time.perf_counter()
    for document in documents:
        sidecar_bytes(document_metadata(document))
    metadata_time = time.perf_counter() - start

    rows = [entry.cells() for entry in entries]
    plain_docx_time, _ = _timed(plain_docx, rows)
    docx_time, register = _timed(register_docx, entries, cover)
    plain_xlsx_time, _ = _timed(plain_xlsx, rows)
    xlsx_time, _ = _timed(register_xlsx, entries, cover)
    assert isinstance(register, bytes)
    open_time, _ = _timed(lambda data: docx.Document(io.BytesIO(data)), register)
    check_time, findings = _timed(tdkt_docs.checker.check_package_bytes, register, "so.docx")
    errors = sum(f.severity in {"error", "warning", "not_evaluated"} for f in findings)  # type: ignore[attr-defined]

    print(f"documents:                      {count}")
    each = entry_time / count * 1000
    print(f"register rows (register_entry): {entry_time:.2f} s ({each:.2f} ms each)")
    each = metadata_time / count * 1000
    print(f"metadata + JSON:                {metadata_time:.2f} s ({each:.2f} ms each)")
    print(f"DOCX: python-docx cell by cell  {plain_docx_time:.2f} s")
    print(
        f"      register_docx             {docx_time:.2f} s  ({docx_time / plain_docx_time:.2f}x)"
    )
    print(f"XLSX: openpyxl values only      {plain_xlsx_time:.2f} s")
    print(
        f"      register_xlsx             {xlsx_time:.2f} s  ({xlsx_time / plain_xlsx_time:.2f}x)"
    )
    print(f"check: python-docx open only    {open_time:.2f} s")
    print(f"       tdkt_docs check          {check_time:.2f} s  ({check_time / open_time:.1f}x)")
    print(f"findings to fix:                {errors} (expected 0)")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
