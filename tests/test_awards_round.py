"""round.yaml: the example reads, and each bad file fails naming the file, field and fix."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from tdkt_docs.awards.catalog import default_catalog
from tdkt_docs.awards.round import load_round, parse_round
from tdkt_docs.errors import DataError
from tests.conftest import DATA

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "awards" / "round.yaml"
BAD = DATA / "awards_round_bad"
CASES: dict[str, dict[str, Any]] = yaml.safe_load((BAD / "cases.yaml").read_text("utf-8"))


def test_the_example_round_reads() -> None:
    loaded = load_round(EXAMPLE)
    assert loaded.forms == ("BKCT",)
    assert loaded.round.council.threshold == Decimal(70)
    assert [p.reference() for p in loaded.round.proposals] == [
        "Tờ trình số 125/TTr-SYT ngày 20/8/2025",
        "Tờ trình số 311/TTr-SGDĐT ngày 22/8/2025",
        "Tờ trình số 208/TTr-SNNMT ngày 25/8/2025",
    ]
    absent = [m.name for m in loaded.round.council.members if not m.present]
    assert absent == ["Võ Thị Kim Liên"]
    assert loaded.office is not None and "decision" in loaded.office.sections


def test_the_valid_base_of_the_bad_cases_reads() -> None:
    assert load_round(BAD / "support" / "valid.yaml").forms == ("BKCT",)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_round_files(name: str) -> None:
    case = CASES[name]
    with pytest.raises(DataError) as raised:
        load_round(BAD / name)
    problems = raised.value.problems
    assert any(p.field == case["field"] for p in problems), [str(p) for p in problems]
    problem = next(p for p in problems if p.field == case["field"])
    assert problem.source is not None and Path(problem.source).name in {name, "office.yaml"}
    assert str(case["message"]) in problem.message, problem.message
    for text in ("Input should", "Value error", "valid tuple"):
        assert text not in str(raised.value)


def test_every_bad_file_is_a_case() -> None:
    files = {p.name for p in BAD.glob("*.yaml")} - {"cases.yaml"}
    assert files == set(CASES)


def test_forms_default_to_the_provincial_ones_in_catalog_order() -> None:
    data = yaml.safe_load((BAD / "support" / "valid.yaml").read_text("utf-8"))
    data.pop("forms")
    data.pop("office")
    loaded = parse_round(data)
    expected = tuple(f.code for f in default_catalog().forms if f.level == "tỉnh")
    assert loaded.forms == expected and "BKCT" in expected


def test_forms_by_name_and_code_keep_catalog_order() -> None:
    data = yaml.safe_load((BAD / "support" / "valid.yaml").read_text("utf-8"))
    data.pop("office")
    data["forms"] = ["Tập thể lao động xuất sắc", "bằng khen cấp tỉnh", "BKCT"]
    assert parse_round(data).forms == ("BKCT", "TTLDXS")


def test_a_round_without_the_council_needs_no_meeting() -> None:
    data = yaml.safe_load((BAD / "support" / "valid.yaml").read_text("utf-8"))
    data.pop("office")
    data["council"] = {"required": False}
    assert parse_round(data).round.council.meeting is None
