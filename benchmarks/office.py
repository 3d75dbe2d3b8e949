"""Office defaults: what reading office.yaml costs, against the same documents written out.

1. ``tdkt_docs.load`` of the bundled báo cáo (``office: office.yaml``) against the same
   report with the defaults typed into it (one file, ``agency: agency.yaml``): the office
   file is read and checked whole on each load.
2. A batch of reminder letters (``examples/reminders/don_doc.yaml``, ``office:``) against
   the same base written out, one process: the office is read once per batch, and each row
   merges the defaults before it is validated.

The two sides run in alternating rounds, so both see the same machine; the median of the
rounds is compared and the ratio printed (office / written out).

    python benchmarks/office.py [ROUNDS] [LETTERS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

import tdkt_docs
from tdkt_docs.batch import render_batch

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def written_out(document: Path) -> dict[str, Any]:
    """The document with its office defaults copied in, the agency still a path."""
    data: dict[str, Any] = yaml.safe_load(document.read_text("utf-8"))
    office_path = document.parent / data.pop("office")
    office = yaml.safe_load(office_path.read_text("utf-8"))
    for key, value in office[data["type"]].items():
        data.setdefault(key, value)
    data.setdefault("agency", str((office_path.parent / office["agency"]).resolve()))
    return data


def alternate(rounds: int, first: Callable[[], object], second: Callable[[], object]) -> float:
    """Median time of ``first`` over median time of ``second``, run in alternating rounds."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for side, action in enumerate((first, second)):
            start = time.perf_counter()
            action()
            times[side].append(time.perf_counter() - start)
    one, other = (statistics.median(t) for t in times)
    print(f"  office {one * 1000:.2f} ms, written out {other * 1000:.2f} ms")
    return one / other


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    letters = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        report = EXAMPLES / "bao_cao_thang.yaml"
        full_report = root / "bao_cao_full.yaml"
        full_report.write_text(yaml.safe_dump(written_out(report), allow_unicode=True), "utf-8")
        assert tdkt_docs.load(report) == tdkt_docs.load(full_report)
        print(f"load() of the báo cáo, {rounds} rounds:")
        ratio = alternate(
            rounds, lambda: tdkt_docs.load(report), lambda: tdkt_docs.load(full_report)
        )
        print(f"  ratio {ratio:.2f}")

        base = EXAMPLES / "reminders" / "don_doc.yaml"
        full_base = root / "don_doc_full.yaml"
        full_base.write_text(yaml.safe_dump(written_out(base), allow_unicode=True), "utf-8")
        rows = [{"recipient": f"Đơn vị số {i}", "name": f"Đơn vị số {i}"} for i in range(letters)]
        counter = iter(range(10**6))

        def batch(source: Path) -> Callable[[], object]:
            return lambda: render_batch(source, rows, root / f"out{next(counter)}", jobs=1)

        batch_rounds = max(3, rounds // 10)
        print(f"a batch of {letters} letters, one process, {batch_rounds} rounds:")
        ratio = alternate(batch_rounds, batch(base), batch(full_base))
        print(f"  ratio {ratio:.2f}")


if __name__ == "__main__":
    main()
