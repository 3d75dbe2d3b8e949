"""No crash at any length: every string field, 1 to 5.000 characters, either renders or
gives a DataError naming the field and its limit (README, "Length limits")."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import tdkt_docs
from tdkt_docs.cli import main
from tdkt_docs.render import PROPERTY_CHARACTERS
from tests.conftest import seed_data
from tests.docx_reading import open_docx

WORDS = "Sở Nội vụ tỉnh Khánh Hòa đề nghị các cơ quan đơn vị khen thưởng "


def _words(length: int) -> str:
    text = (WORDS * (length // len(WORDS) + 1))[:length]
    if text.endswith(" "):
        text = text[:-1] + "a"
    return text


def line(length: int, one_word: bool) -> str:
    return "X" + "a" * (length - 1) if one_word else _words(length)


def caps(length: int, one_word: bool) -> str:
    return line(length, one_word).upper()


def name(length: int, one_word: bool) -> str:
    return "N" + "g" * (length - 1) if one_word else _words(length).title()


def symbol(length: int, one_word: bool) -> str:
    text = "SNV" * length if one_word else "SNV-TĐKT-" * length
    return text[:length].strip("-") or "S"


def report_symbol(length: int, one_word: bool) -> str:
    return ("BC-" + symbol(max(length - 3, 1), one_word))[:length] if length > 3 else "BC-S"


def authority(length: int, one_word: bool) -> str:
    return "KT. " + caps(max(length - 4, 1), one_word)


@dataclass(frozen=True)
class FieldCase:
    kind: str
    path: tuple[str | int, ...]
    make: Callable[[int, bool], str]

    @property
    def field(self) -> str:
        text = ""
        for part in self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text

    def __str__(self) -> str:
        return f"{self.kind}:{self.field}"


SHARED = [
    (("agency", "parent"), caps),
    (("agency", "name"), caps),
    (("agency", "place"), line),
    (("agency", "display_name"), line),
    (("agency", "address"), line),
    (("agency", "phone"), line),
    (("agency", "fax"), line),
    (("agency", "email"), line),
    (("agency", "website"), line),
    (("subject",), line),
    (("body",), line),
    (("distribution", 1), line),
    (("archive", 1), line),
    (("signer", "authority"), authority),
    (("signer", "title"), caps),
    (("signer", "name"), name),
    (("drafter", "initials"), caps),
]
FIELDS = [
    *(FieldCase("dispatch", path, make) for path, make in SHARED),
    FieldCase("dispatch", ("symbol",), symbol),
    FieldCase("dispatch", ("recipients", 0), line),
    *(FieldCase("report", path, make) for path, make in SHARED),
    FieldCase("report", ("symbol",), report_symbol),
    FieldCase("report", ("recipients", 0), line),
    FieldCase("report", ("appendices", 0, "title"), caps),
    FieldCase("report", ("appendices", 0, "body"), line),
    FieldCase("report", ("appendices", 0, "table", "columns", 0), line),
    FieldCase("report", ("appendices", 0, "table", "rows", 0, 0), line),
    FieldCase("report", ("appendices", 0, "table", "unit"), line),
]


def _document(kind: str) -> dict[str, Any]:
    data = copy.deepcopy(seed_data())
    data["agency"] = {**data["agency"], "display_name": "Sở Nội vụ tỉnh Khánh Hòa"}
    data["drafter"] = {"initials": "PL", "copies": 30}
    data["distribution"] = ["Như trên", "Giám đốc Sở (để b/c)"]
    data["archive"] = ["VT", "PTĐKT"]
    if kind == "report":
        data["type"] = "report"
        data["symbol"] = "BC-SNV"
        data["appendices"] = [
            {
                "title": "DANH SÁCH",
                "body": "Kèm theo báo cáo.",
                "table": {"columns": ["Tên", "Số"], "rows": [["A", "1"]], "unit": "Đơn vị: người"},
            }
        ]
    return data


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: str) -> None:
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _check(case: FieldCase, length: int, one_word: bool) -> None:
    data = _document(case.kind)
    value = case.make(length, one_word)
    _set(data, case.path, value)
    try:
        package = tdkt_docs.render_bytes(data)
    except tdkt_docs.DataError as exc:
        problems = [(p.field, p.message) for p in exc.problems]
        assert len(problems) == 1, problems
        field, message = problems[0]
        assert field in (case.field, f"{case.field}[0]"), problems
        assert "characters long; at most" in message, problems
        return
    document = open_docx(package)
    core = document.core_properties
    for text in (core.title, core.subject, core.author):
        assert len(text) <= PROPERTY_CHARACTERS


@settings(max_examples=150, deadline=None)
@given(
    case=st.sampled_from(FIELDS),
    length=st.integers(min_value=1, max_value=5_000),
    one_word=st.booleans(),
)
@example(case=FIELDS[9], length=600, one_word=False)  # a 600-character subject
@example(case=FIELDS[9], length=252, one_word=False)  # the title property of old: V/v + 252
@example(case=FIELDS[18], length=2_000, one_word=False)  # a 2.000-character recipient
def test_every_field_at_any_length_renders_or_names_its_limit(
    case: FieldCase, length: int, one_word: bool
) -> None:
    _check(case, length, one_word)


@pytest.mark.parametrize("case", FIELDS, ids=str)
def test_every_field_at_five_thousand_characters(case: FieldCase) -> None:
    _check(case, 5_000, one_word=False)
    _check(case, 5_000, one_word=True)


def test_a_subject_at_its_limit_renders_with_a_safe_title_property() -> None:
    data = _document("dispatch")
    data["subject"] = _words(500)
    document = open_docx(tdkt_docs.render_bytes(data))
    title = document.core_properties.title
    assert title.startswith("V/v Sở Nội vụ") and title.endswith("…")
    assert len(title) <= PROPERTY_CHARACTERS
    shown = "\n".join(cell.text for table in document.tables for cell in table._cells)
    assert f"V/v {_words(500)}" in shown  # the page carries the whole trích yếu


@pytest.mark.parametrize(
    ("path", "length", "field"),
    [(("subject",), 600, "subject"), (("recipients", 0), 2_000, "recipients[0]")],
)
def test_the_command_line_gives_one_line_for_a_long_field(
    path: tuple[str | int, ...],
    length: int,
    field: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import yaml

    data = _document("dispatch")
    _set(data, path, _words(length))
    source = tmp_path / "long.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "out.docx")]) == 1
    lines = capsys.readouterr().err.splitlines()
    errors = [line for line in lines if line.startswith("error:")]
    assert len(errors) == 1, lines
    assert f"long.yaml: {field}: is {length:,} characters long".replace(",", ".") in errors[0]
    assert "internal error" not in "\n".join(lines)
    assert not (tmp_path / "out.docx").exists()


def test_a_long_cell_in_a_submission_rejects_its_row_not_the_month(tmp_path: Path) -> None:
    """The intake refuses a cell longer than an appendix cell holds, naming file, row and
    column; the other rows are compiled."""
    import csv

    from tdkt_docs.monthly.compile import compile_month
    from tdkt_docs.monthly.schema import COLUMNS

    units = tmp_path / "units.yaml"
    units.write_text(
        "units:\n  - {code: STC, name: Sở Tài chính, group: sở ban ngành,\n"
        "     recipient: Sở Tài chính}\n",
        "utf-8",
    )
    good = {"unit": "STC", "name": "Nguyễn Văn An", "kind": "cá nhân", "position": "Chuyên viên",
            "field": "công tác", "achievements": "Hoàn thành xuất sắc nhiệm vụ"}  # fmt: skip
    long = {**good, "name": "Trần Thị Bình", "achievements": _words(6_000)}
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    with (submissions / "STC.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([column.heading for column in COLUMNS])
        for row in (good, long):
            writer.writerow([row.get(column.key, "") for column in COLUMNS])
    settings = seed_data()
    result = compile_month(
        "2023-09",
        units,
        submissions,
        tmp_path / "out",
        agency={**settings["agency"], "display_name": "Sở Nội vụ tỉnh Khánh Hòa"},
        signer=settings["signer"],
    )
    assert [e.name for e in result.intake.exemplars] == ["Nguyễn Văn An"]
    (rejected,) = result.intake.rejected_rows
    assert (rejected.file, rejected.row, rejected.column) == ("STC.csv", 3, "Tóm tắt thành tích")
    assert "is 6.000 characters long; at most 5.000" in rejected.message
