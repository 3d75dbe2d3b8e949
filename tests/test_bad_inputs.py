"""A corpus of bad input files: each must fail with a message naming the file and the field.

The files live in ``tests/data/bad/``; what each one must produce is in
``tests/data/bad/cases.yaml`` (see the notes at its top). Every case is checked twice: through
:func:`tdkt_docs.load` (a :class:`~tdkt_docs.DataError` with the right problem) and through
the command line (exit code 1, one readable line on stderr, no traceback, nothing written).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

import tdkt_docs
from tdkt_docs.cli import main
from tests.conftest import DATA

BAD = DATA / "bad"
CASES_FILE = BAD / "cases.yaml"
BASELINE = BAD / "support" / "valid.yaml"
CASE_KEYS = {"field", "message", "source", "also"}


@dataclass(frozen=True)
class Case:
    path: Path
    field: str
    message: str
    source: Path
    """The file the problem must name: the case itself, or the agency profile it points at."""
    also: tuple[str, ...] = ()

    @property
    def allowed_fields(self) -> set[str]:
        return {self.field, *self.also}


def _read_cases() -> list[Case]:
    table: dict[str, dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text("utf-8"))
    cases = []
    for name, entry in table.items():
        unknown = set(entry) - CASE_KEYS
        assert not unknown, f"{CASES_FILE.name}: {name}: unknown keys {sorted(unknown)}"
        path = BAD / name
        cases.append(
            Case(
                path=path,
                field=str(entry["field"]),
                message=str(entry["message"]),
                source=BAD / entry["source"] if "source" in entry else path,
                also=tuple(entry.get("also", ())),
            )
        )
    return cases


CASES = _read_cases()


def _problem_lines(error: tdkt_docs.DataError) -> str:
    return "\n".join(f"  {p.source!r} | {p.field!r} | {p.message!r}" for p in error.problems)


# The corpus itself ---------------------------------------------------------------------------


def test_every_file_has_an_expectation_and_every_expectation_a_file() -> None:
    on_disk = {p.name for p in BAD.iterdir() if p.is_file() and p != CASES_FILE}
    listed = {case.path.name for case in CASES}
    assert on_disk - listed == set(), "files without an entry in cases.yaml"
    assert listed - on_disk == set(), "entries in cases.yaml without a file"
    assert len(CASES) >= 30
    stems = [case.path.stem for case in CASES]
    assert len(stems) == len(set(stems)), "test ids (file stems) must be unique"
    for case in CASES:
        assert case.source.is_file(), f"{case.path.name}: source {case.source} does not exist"


def test_the_baseline_every_case_derives_from_is_valid() -> None:
    document = tdkt_docs.load(BASELINE)
    assert document.symbol == "SNV-TĐKT"


def test_every_yaml_case_says_what_its_defect_is() -> None:
    for case in CASES:
        if case.path.suffix == ".yaml":
            first_line = case.path.read_bytes().split(b"\n", 1)[0]
            assert first_line.startswith(b"# Defect: "), case.path.name


def test_the_latin1_case_really_is_not_utf8() -> None:
    raw = (BAD / "not_utf8.yaml").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "République" in raw.decode("latin-1")


# Each case, through the library and through the command line ---------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.path.stem for case in CASES])
def test_load_names_the_file_and_the_field(case: Case) -> None:
    with pytest.raises(tdkt_docs.DataError) as info:
        tdkt_docs.load(case.path)
    error = info.value
    matching = [
        p
        for p in error.problems
        if p.field == case.field
        and case.message in p.message
        and p.source is not None
        and Path(p.source).resolve() == case.source.resolve()
    ]
    assert matching, (
        f"expected a problem in {case.source.name} on field {case.field!r} with "
        f"{case.message!r}; got:\n{_problem_lines(error)}"
    )
    stray = [p for p in error.problems if p.field not in case.allowed_fields]
    assert not stray, (
        f"problems on fields other than {case.allowed_fields}:\n{_problem_lines(error)}"
    )
    assert case.source.name in str(error)


@pytest.mark.parametrize("case", CASES, ids=[case.path.stem for case in CASES])
def test_cli_reports_the_problem_and_writes_nothing(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.docx"
    code = main(["render", str(case.path), "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 1, captured.err
    assert "Traceback" not in captured.err
    field = f"{case.field}: " if case.field else ""
    assert any(
        case.source.name in line and field in line and case.message in line
        for line in captured.err.splitlines()
    ), f"no stderr line names {case.source.name}, {case.field!r} and {case.message!r}:\n" + (
        captured.err
    )
    assert captured.out == ""
    assert not out.exists()
    assert sorted(tmp_path.iterdir()) == [], "no temporary or partial files are left behind"


# Tracebacks and usage errors ------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["render", "{input}", "-o", "{output}", "--debug"],
        ["--debug", "render", "{input}", "-o", "{output}"],
    ],
    ids=["subcommand-option", "group-option"],
)
def test_debug_is_what_shows_a_traceback(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = BAD / "signer_name_all_caps.yaml"
    out = tmp_path / "out.docx"

    assert main(["render", str(bad), "-o", str(out)]) == 1
    assert "Traceback" not in capsys.readouterr().err

    args = [a.format(input=bad, output=out) for a in argv]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err
    assert "DataError" in err
    assert any(
        "signer_name_all_caps.yaml" in line and "signer.name: " in line for line in err.splitlines()
    )
    assert not out.exists()


def test_missing_output_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(BASELINE)]) == 2
    captured = capsys.readouterr()
    assert "Missing option" in captured.err and "-o" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_the_baseline_renders_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.docx"
    assert main(["render", str(BASELINE), "-o", str(out)]) == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(b"PK")
    assert sorted(tmp_path.iterdir()) == [out]
