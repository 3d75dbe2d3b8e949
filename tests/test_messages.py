"""Messages in the tool's words: no library phrases, --force on the command line, plurals,
and "did you mean" for a misspelt key."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

import tdkt_docs
from tdkt_docs.cli import main
from tdkt_docs.messages import did_you_mean, error_message, plural
from tests.conftest import DATA, EXAMPLES, SEED_EXAMPLE

LIBRARY_PHRASES = (
    "valid tuple",
    "valid dictionary",
    "valid integer",
    "value error",
    "overwrite=true",
    "input should be",
    "field required",
    "extra inputs are not permitted",
    "should have at least",
    "(s)",
)

BAD = DATA / "bad"
BATCH_BAD = DATA / "batch_bad"


def _assert_in_our_words(text: str) -> None:
    lowered = text.lower()
    found = [phrase for phrase in LIBRARY_PHRASES if phrase in lowered]
    assert not found, f"library wording {found} in:\n{text}"


def _bad_documents() -> list[Path]:
    return sorted(p for p in BAD.iterdir() if p.is_file() and p.name != "cases.yaml")


def _batch_cases() -> dict[str, dict[str, Any]]:
    cases: dict[str, dict[str, Any]] = yaml.safe_load((BATCH_BAD / "cases.yaml").read_text("utf-8"))
    return cases


@pytest.mark.parametrize("path", _bad_documents(), ids=lambda p: p.stem)
def test_the_bad_input_corpus_is_reported_in_our_words(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(path), "-o", str(tmp_path / "out.docx")]) == 1
    _assert_in_our_words(capsys.readouterr().err)


@pytest.mark.parametrize("name", sorted(_batch_cases()))
def test_the_bad_batch_corpus_is_reported_in_our_words(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = _batch_cases()[name]
    base = BATCH_BAD / case.get("base", "support/base.yaml")
    data = BATCH_BAD / case.get("data", "support/good.csv")
    assert main(["batch", str(base), str(data), "-o", str(tmp_path / "out")]) == 1
    _assert_in_our_words(capsys.readouterr().err)


def test_replacing_output_names_force_on_the_command_line_and_overwrite_in_python(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cv.docx"
    assert main(["render", str(SEED_EXAMPLE), "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["render", str(SEED_EXAMPLE), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already exists; pass --force to replace it" in err
    _assert_in_our_words(err)
    with pytest.raises(tdkt_docs.OutputExistsError, match="pass overwrite=True to replace it"):
        tdkt_docs.render(SEED_EXAMPLE, out)


def test_a_second_batch_and_a_second_compile_name_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reminders = EXAMPLES / "reminders"
    batch = ["batch", str(reminders / "don_doc.yaml"), str(reminders / "don_vi_chua_gui.csv")]
    assert main([*batch, "-o", str(tmp_path / "b")]) == 0
    capsys.readouterr()
    assert main([*batch, "-o", str(tmp_path / "b")]) == 1
    err = capsys.readouterr().err
    assert "pass --force to replace it" in err
    _assert_in_our_words(err)

    monthly = EXAMPLES / "monthly"
    compile_args = [
        "monthly", "compile", "--month", "2023-09", "--units", str(monthly / "units.yaml"),
        "--submissions", str(monthly / "submissions"), "-o", str(tmp_path / "m"),
    ]  # fmt: skip
    assert main(compile_args) == 0
    summary = capsys.readouterr().err
    assert "1 file and 2 rows rejected" in summary
    assert main(compile_args) == 1
    err = capsys.readouterr().err
    assert "pass --force to replace them" in err
    _assert_in_our_words(err)


def test_a_profile_error_has_no_library_prefix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = yaml.safe_load(
        (Path(tdkt_docs.__file__).parent / "data" / "profiles" / "nd30.yaml").read_text("utf-8")
    )
    profile["sizes_pt"]["body"] = 20
    profile["margins_mm"]["left"] = "ba mươi"
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(profile, allow_unicode=True), "utf-8")
    with pytest.raises(tdkt_docs.ProfileError) as caught:
        tdkt_docs.load_profile(path)
    assert "margins_mm.left: expected a number, got 'ba mươi'" in str(caught.value)
    _assert_in_our_words(str(caught.value))
    profile["margins_mm"]["left"] = 30
    path.write_text(yaml.safe_dump(profile, allow_unicode=True), "utf-8")
    code = main(
        ["render", str(SEED_EXAMPLE), "-o", str(tmp_path / "x.docx"), "--profile", str(path)]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "sizes_pt.body: 20 pt is outside 13–14 pt" in err
    _assert_in_our_words(err)


@pytest.mark.parametrize(
    ("key", "where", "suggestion"),
    [
        ("recipents", (), "recipients"),
        ("subjet", (), "subject"),
        ("singer", (), "signer"),
        ("titel", ("signer",), "title"),
        ("adress", ("agency",), "address"),
    ],
)
def test_a_misspelt_key_gets_a_suggestion(
    key: str, where: tuple[str, ...], suggestion: str
) -> None:
    data = yaml.safe_load(SEED_EXAMPLE.read_text("utf-8"))
    target = data
    for part in where:
        target = target[part]
    target[key] = target.pop(suggestion, "x")
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate(data)
    fields = {p.field: p.message for p in caught.value.problems}
    path = ".".join((*where, key))
    assert f"did you mean {suggestion!r}?" in fields[path]


def test_a_misspelt_settings_key_gets_a_suggestion(tmp_path: Path) -> None:
    from tdkt_docs.monthly.settings import load_report_settings

    monthly = tmp_path / "monthly"
    shutil.copytree(EXAMPLES / "monthly", monthly, ignore=shutil.ignore_patterns("submissions"))
    shutil.copy(EXAMPLES / "agency.yaml", tmp_path / "agency.yaml")
    settings = monthly / "report.yaml"
    settings.write_text(settings.read_text("utf-8").replace("distribution:", "distribtion:"))
    with pytest.raises(tdkt_docs.DataError) as caught:
        load_report_settings(settings)
    (problem,) = caught.value.problems
    assert problem.field == "distribtion"
    assert "did you mean 'distribution'?" in problem.message


def test_the_words_themselves() -> None:
    assert [plural(n, "row") for n in (0, 1, 2)] == ["0 rows", "1 row", "2 rows"]
    assert did_you_mean("archve", ["archive", "agency"]) == "; did you mean 'archive'?"
    message = error_message({"type": "tuple_type", "loc": ("recipients",), "input": "Sở Nội vụ"})
    assert message == "must be a list, one item per line, got 'Sở Nội vụ'"
