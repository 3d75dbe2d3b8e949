"""Held-out precision of `tdkt-docs check`: documents the checker was never tuned on.

tests/data/real/ was used to tune the checker, so its 100 % precision is optimistic. This
script runs the checker (type auto) over tests/data/heldout/*.docx, matches every error and
warning to the verdicts in tests/data/heldout/verdicts.yaml (TRUE or FALSE, with a cause),
and prints per document counts, the held-out precision (true findings / all findings) and
every finding that has no verdict. It measures; it asserts nothing (not a test).

Matching is the scheme of tests/data/real/README.md: a verdict takes up to ``count``
(default 1) findings of its ``rule`` whose place and found value, joined, contain its
``where`` fragment (NFC, whitespace collapsed, case folded); longest fragment first.

    python benchmarks/check_heldout.py
"""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tdkt_docs.checker import Finding, check  # noqa: E402

HELDOUT = ROOT / "tests" / "data" / "heldout"
JUDGED = {"error", "warning"}


@dataclass(frozen=True)
class Verdict:
    rule: str
    where: str
    true: bool
    cause: str
    count: int = 1


def normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def load_verdicts(path: Path) -> dict[str, list[Verdict]]:
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    return {
        name: [
            Verdict(
                str(e["rule"]),
                str(e.get("where", "")),
                str(e["verdict"]).upper() == "TRUE",
                str(e.get("cause", "")),
                int(e.get("count", 1)),
            )
            for e in entries or []
        ]
        for name, entries in data.items()
    }


def judge(
    findings: list[Finding], verdicts: list[Verdict]
) -> tuple[list[tuple[Finding, Verdict]], list[Finding], list[tuple[Verdict, int]]]:
    """(judged findings with their verdict, findings with no verdict, verdicts left unused)."""
    left = [f for f in findings if f.severity in JUDGED]
    judged: list[tuple[Finding, Verdict]] = []
    unused: list[tuple[Verdict, int]] = []
    for verdict in sorted(verdicts, key=lambda v: -len(v.where)):
        fragment = normalised(verdict.where)
        taken = 0
        for finding in list(left):
            if taken == verdict.count:
                break
            place = normalised(f"{finding.where} | {finding.found}")
            if finding.rule == verdict.rule and fragment in place:
                left.remove(finding)
                judged.append((finding, verdict))
                taken += 1
        if taken < verdict.count:
            unused.append((verdict, verdict.count - taken))
    return judged, left, unused


def main() -> int:
    verdicts = load_verdicts(HELDOUT / "verdicts.yaml")
    files = sorted(HELDOUT.glob("*.docx"))
    total = true = false = unjudged = 0
    shares: list[float] = []
    causes: Counter[str] = Counter()
    notes: list[str] = []
    header = f"{'findings':>8} {'true':>5} {'false':>5} {'no verdict':>10} {'precision':>9}"
    print(f"{'document':44} {header}")
    for path in files:
        findings = check(path)
        judged, without, unused = judge(findings, verdicts.get(path.name, []))
        right = sum(v.true for _, v in judged)
        wrong = len(judged) - right
        count = len(judged) + len(without)
        total += count
        true += right
        false += wrong
        unjudged += len(without)
        share = right / count if count else 1.0
        shares.append(share)
        print(f"{path.name:44} {count:8} {right:5} {wrong:5} {len(without):10} {share:9.1%}")
        for _, v in judged:
            if not v.true:
                causes[f"{v.rule}: {v.cause.split(':')[0]}"] += 1
        notes += [f"  no verdict: {path.name}: {f.rule} at {f.where!r}" for f in without]
        notes += [f"  verdict unused: {path.name}: {v.rule} {v.where!r} (×{n})" for v, n in unused]
    for name in sorted(set(verdicts) - {p.name for p in files}):
        notes.append(f"  verdicts for a missing file: {name}")
    print()
    print(f"held-out corpus:  {len(files)} documents, {total} findings (errors and warnings)")
    if total:
        share = true / total
        print(f"precision:        {true}/{total} = {share:.1%} (true findings / all findings)")
        print(f"  mean per file:  {sum(shares) / len(shares):.1%} (each file weighs the same)")
    print(f"false findings:   {false}; findings with no verdict: {unjudged}")
    if causes:
        print("false findings by rule and cause:")
        for cause, n in causes.most_common():
            print(f"  {n:3}  {cause}")
    if notes:
        print("to look at:")
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
