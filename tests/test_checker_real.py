"""The checker on the real corpus (tests/data/real): documents nobody here wrote.

Each ``<name>.expected.yaml`` beside a corpus file lists the TRUE findings of that file (rule
and a fragment of ``where``; tests/data/real/README.md gives the scheme, triage.md the
reasons). The checker must report exactly those errors and warnings: a finding that no entry
matches is a false alarm, an entry that no finding matches is a missed fault.

A file whose ``expected.yaml`` carries ``xfail: "<reason>"`` is still known to get false
findings from the checker of today; its case is marked ``xfail(strict=True)``, so the fix
that makes it pass turns the case into an XPASS failure, and the ``xfail`` line must then be
deleted from the YAML.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tdkt_docs.checker import Finding, check
from tests.conftest import DATA

REAL = DATA / "real"
JUDGED = {"error", "warning"}


@dataclass(frozen=True)
class Expected:
    """One expected finding: ``count`` findings of ``rule`` whose place contains ``where``."""

    rule: str
    where: str
    count: int = 1


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    doc_type: str
    expected: tuple[Expected, ...]
    xfail: str | None


def normalised(text: str) -> str:
    """NFC, whitespace collapsed, case folded: the form fragments are compared in."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def load_case(spec: Path) -> Case:
    data = yaml.safe_load(spec.read_text("utf-8"))
    name = spec.name.removesuffix(".expected.yaml")
    path = (spec.parent / data.get("file", f"{name}.docx")).resolve()
    entries = tuple(
        Expected(str(e["rule"]), str(e.get("where", "")), int(e.get("count", 1)))
        for e in data.get("expected") or []
    )
    return Case(name, path, str(data.get("type", "auto")), entries, data.get("xfail"))


def place(finding: Finding) -> str:
    """What a ``where`` fragment is matched against: the place and what was found there."""
    return normalised(f"{finding.where} | {finding.found}")


def compare(
    findings: list[Finding], expected: tuple[Expected, ...]
) -> tuple[list[Finding], list[tuple[Expected, int]]]:
    """(unexpected findings, expected entries short of findings with how many are missing).

    Entries are served most specific first (longest fragment), each taking up to ``count``
    matching findings not yet taken."""
    left = [f for f in findings if f.severity in JUDGED]
    missing: list[tuple[Expected, int]] = []
    for entry in sorted(expected, key=lambda e: -len(e.where)):
        fragment = normalised(entry.where)
        taken = 0
        for finding in list(left):
            if taken == entry.count:
                break
            if finding.rule == entry.rule and fragment in place(finding):
                left.remove(finding)
                taken += 1
        if taken < entry.count:
            missing.append((entry, entry.count - taken))
    return left, missing


def report(case: Case, unexpected: list[Finding], missing: list[tuple[Expected, int]]) -> str:
    lines = [f"{case.name}: {len(unexpected)} unexpected, {sum(n for _, n in missing)} missing"]
    lines += [f"  + {f.severity} {f.rule} | {f.where} | {f.found}" for f in unexpected]
    lines += [f"  - {e.rule} | {e.where!r} (x{n} missing)" for e, n in missing]
    return "\n".join(lines)


CASES = [load_case(spec) for spec in sorted(REAL.glob("*.expected.yaml"))]


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
    return pytest.param(case, id=case.name, marks=marks)


def test_the_corpus_is_complete() -> None:
    """At least 25 documents, each file present and each with its expectations."""
    assert len(CASES) >= 25
    assert all(case.path.is_file() for case in CASES)
    expected_names = {case.path.name for case in CASES}
    assert {p.name for p in REAL.glob("*.docx")} <= expected_names


def test_the_models_are_what_cut_py_makes() -> None:
    """Mẫu 1.1–1.10 are cut from Phụ lục III by tests/data/real/cut.py, byte for byte."""
    spec = importlib.util.spec_from_file_location("real_cut", REAL / "cut.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert len(module.MODELS) == 10
    for name, (start, stop) in module.MODELS.items():
        assert module.cut(module.SOURCE, start, stop) == (REAL / name).read_bytes(), name


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_real_document_reports_exactly_its_true_findings(case: Case) -> None:
    unexpected, missing = compare(check(case.path, case.doc_type), case.expected)
    assert not unexpected and not missing, report(case, unexpected, missing)


def _finding(rule: str, where: str, found: str = "", severity: str = "error") -> Finding:
    return Finding(rule, severity, "", "", where, found, "")  # type: ignore[arg-type]


def test_compare_takes_each_finding_once_and_counts() -> None:
    findings = [
        _finding("body.size", "đoạn 3: «Căn cứ Luật»"),
        _finding("body.size", "đoạn 4: «Điều 1. Phạm vi»"),
        _finding("font.name", "đoạn 5: «Tiêu đề»", "Times New Roman Bold"),
        _finding("agency.rule", "đầu văn bản", severity="not_evaluated"),
    ]
    expected = (Expected("body.size", "", 1), Expected("body.size", "căn cứ luật"),
                Expected("font.name", "Times  New Roman BOLD"))  # fmt: skip
    assert compare(findings, expected) == ([], [])
    unexpected, missing = compare(findings, (Expected("body.size", "", 3),))
    assert [f.rule for f in unexpected] == ["font.name"]
    assert missing == [(Expected("body.size", "", 3), 1)]
