"""How long `tdkt_docs.check` takes on 100 documents (target: under 10 s on 2 cores).

Baseline in the same run: opening the same 100 files with python-docx, the least any
checker built on it must do. Prints both times and their ratio. The documents are the
công văn example, numbered 1 to N, or another example given by name (the quyết định with
its attached list: quyet_dinh_danh_sach.yaml).

    python benchmarks/check.py [N] [EXAMPLE.yaml]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import docx
import yaml

import tdkt_docs

ROOT = Path(__file__).resolve().parent.parent


def documents(folder: Path, count: int, example: str = "cong_van_tuyen_truyen.yaml") -> list[Path]:
    base = yaml.safe_load((ROOT / "examples" / example).read_text("utf-8"))
    if isinstance(base.get("agency"), str):  # a file beside the example
        base["agency"] = yaml.safe_load((ROOT / "examples" / base["agency"]).read_text("utf-8"))
    paths = []
    for index in range(count):
        data = dict(base)
        data["number"] = index + 1
        data["date"] = f"2023-{index % 12 + 1:02d}-{index % 28 + 1:02d}"
        path = folder / f"cv-{index:03d}.docx"
        tdkt_docs.render(data, path)
        paths.append(path)
    return paths


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    example = sys.argv[2] if len(sys.argv) > 2 else "cong_van_tuyen_truyen.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        paths = documents(Path(tmp), count, example)
        start = time.perf_counter()
        for path in paths:
            docx.Document(str(path))
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        errors = 0
        for path in paths:
            errors += sum(f.severity == "error" for f in tdkt_docs.check(path))
        checked = time.perf_counter() - start
    print(f"documents:             {count} ({example})")
    print(f"python-docx open only: {baseline:.2f} s ({baseline / count * 1000:.1f} ms each)")
    print(f"tdkt_docs.check:       {checked:.2f} s ({checked / count * 1000:.1f} ms each)")
    print(f"ratio check / open:    {checked / baseline:.1f}x")
    print(f"errors found:          {errors} (expected 0)")
    print(f"target under 10 s:     {'met' if checked < 10 else 'MISSED'}")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
