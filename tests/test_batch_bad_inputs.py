"""A corpus of bad batch inputs (``tests/data/batch_bad``): each fails with a message naming
the file, the row and the column, and nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import tdkt_docs
from tdkt_docs.batch import render_batch
from tdkt_docs.cli import main
from tests.conftest import DATA

BAD = DATA / "batch_bad"
CASES: dict[str, dict[str, Any]] = yaml.safe_load((BAD / "cases.yaml").read_text("utf-8"))


def _paths(case: dict[str, Any]) -> tuple[Path, Path]:
    base = BAD / case.get("base", "support/base.yaml")
    data = BAD / case.get("data", "support/good.csv")
    return base, data


def test_every_file_is_a_case() -> None:
    used = {BAD / "cases.yaml", BAD / "support" / "agency.yaml"}
    used |= {p for case in CASES.values() for p in _paths(case)}
    files = {p for p in BAD.rglob("*") if p.is_file()}
    assert files - used == set(), "a file in tests/data/batch_bad is not used by any case"


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_reported(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    base, data = _paths(case)
    out = tmp_path / "out"
    with pytest.raises(tdkt_docs.DataError) as caught:
        render_batch(base, data, out)
    messages = [str(p) for p in caught.value.problems]
    assert any(case["where"] in m and case["message"] in m for m in messages), messages
    assert not out.exists(), "nothing is written"


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_on_the_command_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, data = _paths(CASES[name])
    assert main(["batch", str(base), str(data), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert CASES[name]["message"] in err and "Traceback" not in err
    assert "nothing was written" in err
    assert not (tmp_path / "out").exists()
