"""PDF conversion: 50 letters in one call against 1 letter (target: under 3×).

A LibreOffice start costs about 2 s; each further file in the same run only its own
layout; a long list is shared among one run per CPU core. Converting many files per call
is what makes ``--pdf`` on a batch affordable.

    python benchmarks/pdf.py [LETTERS]
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

from tdkt_docs.batch import render_batch
from tdkt_docs.pdf import convert_to_pdf

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "reminders" / "don_doc.yaml"


def main() -> None:
    letters = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data = root / "xa.csv"
        with data.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["name", "recipient"])
            writer.writerows([[f"UBND xã số {i}"] * 2 for i in range(1, letters + 1)])
        documents = render_batch(BASE, data, root / "docx").written
        started = time.perf_counter()
        convert_to_pdf(documents[:1], root / "one")
        one = time.perf_counter() - started
        started = time.perf_counter()
        convert_to_pdf(documents, root / "all")
        every = time.perf_counter() - started
    print(f"1 letter: {one:.2f} s; {letters} letters in one call: {every:.2f} s; "
          f"ratio {every / one:.2f} (target < 3)")  # fmt: skip


if __name__ == "__main__":
    main()
