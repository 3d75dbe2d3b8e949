"""How often `tdkt-docs check` is right: precision on the real corpus, recall on the fault corpus.

* Precision: over every file of tests/data/real (the decree, its appendices, the ten models
  Mẫu 1.1–1.10 and the agencies' documents), true findings / all findings, counting errors
  and warnings; a finding is true when its file's ``<name>.expected.yaml`` lists it (the
  matching of tests/test_checker_real.py). Also given for the 17 official files alone.
* Recall: over the fault corpus of tests/test_checker_faults.py (good documents made bad one
  change at a time), the share of faults reported by their own rule; "clean" also asks that
  nothing else is reported, as that test does.
* Time: milliseconds per real document, and 100 generated công văn through
  benchmarks/check.py's documents (target: under 10 s).

    python benchmarks/check_precision.py [--no-speed]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import tdkt_docs  # noqa: E402
from tdkt_docs.checker import Finding, check, check_package_bytes  # noqa: E402
from tests.test_checker_real import CASES, JUDGED, compare  # noqa: E402

OFFICIAL = ("mau_1_", "Phuluc", "nd_30_2020")


def precision() -> None:
    judged = true = official_judged = official_true = 0
    times: list[float] = []
    shares: list[float] = []
    print(f"{'document':42} {'findings':>8} {'true':>5} {'false':>5} {'missed':>6} {'ms':>6}")
    for case in CASES:
        start = time.perf_counter()
        findings = check(case.path, case.doc_type)
        times.append(time.perf_counter() - start)
        reported = [f for f in findings if f.severity in JUDGED]
        unexpected, missing = compare(findings, case.expected)
        right = len(reported) - len(unexpected)
        judged += len(reported)
        true += right
        if case.name.startswith(OFFICIAL):
            official_judged += len(reported)
            official_true += right
        shares.append(right / len(reported) if reported else 1.0)
        missed = sum(n for _, n in missing)
        print(
            f"{case.name:42} {len(reported):8} {right:5} {len(unexpected):5} {missed:6}"
            f" {times[-1] * 1000:6.0f}"
        )
    print()
    print(f"real corpus:      {len(CASES)} documents")
    print(f"precision:        {true}/{judged} = {true / judged:.1%} (true findings / all findings)")
    print(
        f"  official files: {official_true}/{official_judged} = "
        f"{official_true / official_judged:.1%} (Mẫu 1.1–1.10, the decree, Phụ lục I–VI)"
    )
    print(f"  mean per file:  {sum(shares) / len(shares):.1%} (each file weighs the same)")
    print(
        f"time per document: {sum(times) / len(times) * 1000:.0f} ms mean, "
        f"{max(times) * 1000:.0f} ms max"
    )


def _reported(findings: list[Finding]) -> dict[str, str]:
    return {f.rule: f.severity for f in findings if f.severity in JUDGED}


def recall() -> None:
    from tests.conftest import SEED_EXAMPLE
    from tests.test_checker_faults import FAULTS, GOOD_DOCUMENTS, GOOD_FILES, _mutated

    cache: dict[str, bytes] = {"seed": tdkt_docs.render_bytes(SEED_EXAMPLE)}

    def good(name: str) -> bytes:
        if name not in cache:
            made = GOOD_FILES.get(name)
            cache[name] = made() if made else tdkt_docs.render_bytes(GOOD_DOCUMENTS[name]())
        return cache[name]

    found = clean = 0
    missed: list[str] = []
    for fault in FAULTS:
        data = _mutated(good(fault.base), fault.mutate)
        reported = _reported(check_package_bytes(data, f"{fault.name}.docx", fault.doc_type))
        if reported.get(fault.rule) == fault.severity:
            found += 1
            clean += reported == {fault.rule: fault.severity}
        else:
            missed.append(fault.name)
    print(f"fault corpus:     {len(FAULTS)} faults")
    share = found / len(FAULTS)
    print(f"recall:           {found}/{len(FAULTS)} = {share:.1%} (found by their rule)")
    print(f"  clean:          {clean}/{len(FAULTS)} = {clean / len(FAULTS):.1%} (and nothing else)")
    if missed:
        print(f"  missed:         {', '.join(missed)}")


def speed(count: int = 100) -> None:
    from check import documents  # benchmarks/check.py

    with tempfile.TemporaryDirectory() as tmp:
        paths = documents(Path(tmp), count)
        start = time.perf_counter()
        for path in paths:
            tdkt_docs.check(path)
        elapsed = time.perf_counter() - start
    verdict = "met" if elapsed < 10 else "MISSED"
    print(f"speed:            {count} công văn in {elapsed:.2f} s (target under 10 s: {verdict})")


def main() -> int:
    precision()
    print()
    recall()
    if "--no-speed" not in sys.argv:
        speed()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
