"""The checker on the official ND30 models (files nobody here wrote, tests/data/official).

They are guides, not letters, so the checker does report layout errors in them. What it
reports is pinned here (measured before the authority and legacy-text rules of issue 11):
a new rule must not cry wolf on the decree's own text, its placeholders ("QUYỀN HẠN, CHỨC
VỤ CỦA NGƯỜI KÝ") or its examples ("TM. ỦY BAN NHÂN DÂN", "KT. BỘ TRƯỞNG").
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tdkt_docs.checker import check
from tdkt_docs.checker.legacy_text import legacy_passages
from tdkt_docs.checker.model import build_model
from tdkt_docs.checker.package import open_package
from tests.conftest import DATA

OFFICIAL = DATA / "official"

ERRORS = {
    "Phuluc1.docx": {
        "agency.format": 1,
        "agency.rule": 1,
        "authority.format": 1,
        "body.missing": 1,
        "date_line.place": 1,
        "noi_nhan.label": 2,
        "number.format": 1,
        "page.margins": 1,
        "signer.name": 1,
        "tieu_ngu.rule": 1,
    },
    "Phuluc3.docx": {"agency.format": 1, "body.missing": 1, "date_line.place": 1, "font.name": 10},
    "Phuluc4.docx": {
        "body.justified": 2,
        "body.size": 1,
        "date_line.place": 1,
        "font.name": 2,
        "noi_nhan.label": 2,
        "number.format": 1,
        "page.margins": 1,
        "subject.missing": 1,
    },
    "Phuluc6.docx": {
        "agency.missing": 1,
        "body.indent": 3,
        "body.justified": 5,
        "body.spacing": 3,
        "date_line.place": 1,
        "font.name": 3,
        "noi_nhan.label": 2,
        "number.missing": 1,
        "quoc_hieu.missing": 1,
        "signer.name": 1,
        "tieu_ngu.missing": 1,
    },
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_official_models_report_what_they_did(name: str) -> None:
    findings = check(OFFICIAL / name)
    errors = Counter(f.rule for f in findings if f.severity == "error")
    assert dict(errors) == ERRORS[name]
    assert {f.document for f in findings} == {1}, "one document per file (no section split)"


@pytest.mark.parametrize("name", ["Phuluc1.docx", "Phuluc3.docx"])
def test_authority_rule_reads_the_official_signature_blocks(name: str) -> None:
    """Evaluated, not skipped: the signature block was found and every line passed."""
    findings = check(OFFICIAL / name)
    assert [f for f in findings if f.rule == "authority.text"] == []


@pytest.mark.parametrize("path", sorted(OFFICIAL.glob("*.docx")), ids=lambda p: p.name)
def test_no_legacy_text_in_the_official_models(path: Path) -> None:
    model = build_model(open_package(path))
    paragraphs = [*model.paragraphs, *(p for ps in model.headers.values() for p in ps)]
    assert len(paragraphs) > 200
    assert [p.where for p in paragraphs if list(legacy_passages([r.text for r in p.runs]))] == []
