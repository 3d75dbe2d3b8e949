"""The checker: our documents pass, hostile files are refused fast, the CLI keeps its codes."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest

import tdkt_docs
from tdkt_docs.checker import check, check_package_bytes
from tdkt_docs.checker.rules import document_kinds, rule_table
from tdkt_docs.cli import main
from tdkt_docs.errors import UnreadableDocumentError
from tdkt_docs.roles import ROLES
from tests.conftest import EXAMPLES, SEED_EXAMPLE

# The seed's own words typed in TCVN3, and their Unicode reading.
SEED_TCVN3 = "Së Néi vô ®Ò nghÞ c¸c ®¬n vÞ göi danh s¸ch"
SEED_READING = "Sở Nội vụ đề nghị các đơn vị gửi danh sách"


def _examples() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*.yaml") if "type:" in p.read_text("utf-8"))


@pytest.mark.parametrize("example", _examples(), ids=lambda p: p.stem)
def test_every_bundled_example_passes(example: Path) -> None:
    findings = check_package_bytes(tdkt_docs.render_bytes(example), example.name)
    # Every rule is evaluated and passes, or is not about this type of document.
    assert [f for f in findings if f.severity != "not_applicable"] == []
    assert {f.document for f in findings} == {1}


def test_cli_exit_codes_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tdkt_docs.render(SEED_EXAMPLE, tmp_path / "good.docx")
    assert good is not None
    assert main(["check", str(good)]) == 0
    out = capsys.readouterr().out
    assert "0 lỗi" in out
    # The type title rule is not about a công văn: not in the table, in the JSON.
    assert "title.style" not in out and "Không đánh giá được" not in out
    assert main(["check", "--json", str(good)]) == 0
    report = json.loads(capsys.readouterr().out)
    first = report["files"][str(good)][0]
    assert first["rule"] == "title.style"
    assert first["severity"] == "not_applicable"
    assert first["where"] == "không áp dụng cho công văn"
    assert first["document"] == 1
    text = tmp_path / "notes.docx"
    text.write_text("not a word file", "utf-8")
    assert main(["check", str(good), str(text)]) == 2
    assert "not a DOCX" in capsys.readouterr().err
    assert main(["check", "--json", str(text)]) == 2
    assert json.loads(capsys.readouterr().out)["files"][str(text)]["error"].startswith("not a DOCX")


def test_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    document = docx.Document(io.BytesIO(tdkt_docs.render_bytes(SEED_EXAMPLE)))
    document.sections[0].left_margin = docx.shared.Mm(20)
    bad = tmp_path / "bad.docx"
    document.save(bad)
    assert main(["check", str(bad)]) == 1
    assert "page.margins" in capsys.readouterr().out


def _seed_with(tmp_path: Path, role: str, new_text: str, *, append: bool = False) -> Path:
    """The seed công văn edited in Word: a paragraph of ``role`` given ``new_text`` (the input
    validator refuses such text at render time), or ``new_text`` added as a run of its own."""
    import docx

    from tests.docx_reading import by_style

    document = docx.Document(io.BytesIO(tdkt_docs.render_bytes(SEED_EXAMPLE)))
    paragraph = by_style(document, ROLES[role].style_id)[1 if role == "body" else 0]
    if append:
        paragraph.add_run(" " + new_text)
    else:
        paragraph.text = new_text
    path = tmp_path / f"seed-{role}.docx"
    document.save(path)
    return path


@pytest.mark.parametrize(
    ("role", "text", "append", "rule", "found", "expected"),
    [
        ("authority", "KT GIÁM ĐỐC", False, "authority.text", "KT GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
        ("authority", "GĐ. GIÁM ĐỐC", False, "authority.text", "GĐ. GIÁM ĐỐC", "GIÁM ĐỐC"),
        ("body", SEED_TCVN3, False, "text.legacy_encoding", SEED_TCVN3, SEED_READING),
        ("body", SEED_TCVN3, True, "text.legacy_encoding", SEED_TCVN3, SEED_READING),
    ],
    ids=["kt-without-dot", "gd-abbreviation", "tcvn3-paragraph", "tcvn3-run"],
)
def test_seed_faults_exit_1_with_their_rule(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    role: str,
    text: str,
    append: bool,
    rule: str,
    found: str,
    expected: str,
) -> None:
    path = _seed_with(tmp_path, role, text, append=append)
    assert main(["check", "--json", str(path)]) == 1
    findings = json.loads(capsys.readouterr().out)["files"][str(path)]
    (error,) = [f for f in findings if f["severity"] in {"error", "warning"}]
    assert error["rule"] == rule
    assert found in error["found"] and expected in error["expected"]


def _bomb(path: Path, megabytes: int) -> None:
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)


def test_zip_bomb_is_refused_quickly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = tmp_path / "bomb.docx"
    _bomb(bomb, 300)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    start = time.perf_counter()
    assert main(["check", str(bomb)]) == 2
    assert time.perf_counter() - start < 5  # generous: the refusal reads no part
    assert "decompresses to" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"plain text pretending", "not a DOCX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "encrypted"),
        (b"PK\x03\x04broken", "not a DOCX"),
    ],
    ids=["text", "encrypted-ole", "truncated-zip"],
)
def test_unreadable_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(content)
    with pytest.raises(UnreadableDocumentError, match=reason):
        check(path)


def test_zip_without_a_document(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UnreadableDocumentError, match=r"no word/document\.xml"):
        check(path)


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", "utf-8")
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        f'<!ENTITY x SYSTEM "file://{secret}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&c;&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    findings = check_package_bytes(buffer.getvalue(), "entities.docx")
    assert not any("TOP-SECRET" in f.where or "aaaaaaaaaa" in f.where for f in findings)


def test_rules_limited_to_document_types() -> None:
    table = rule_table()
    limited = {rule: info.applies_to for rule, info in table.items() if info.applies_to}
    decision = ("decision",)
    assert limited == {
        "subject.missing": ("dispatch",),
        "subject.style": ("dispatch",),
        "title.style": ("named",),
        "issuing_authority.missing": decision,
        "issuing_authority.format": decision,
        "basis.format": decision,
        "basis.punctuation": ("decision", "submission"),
        "operative.missing": decision,
        "operative.format": decision,
        "article.number": decision,
        "body.end_mark": ("decision", "submission", "minutes"),
        "noi_nhan.nhu_dieu": decision,
        "minutes.signatures": ("minutes",),
        "minutes.opening": ("minutes",),
        "register.cover": ("register",),
        "register.columns": ("register",),
        "register.orientation": ("register",),
        "money_table.title": ("money_table",),
        "money_table.columns": ("money_table",),
        "money_table.total": ("money_table",),
        "scope.party": ("party",),  # issue 14: the one notice on a Party document
    }
    # A sổ đăng ký is not a văn bản: only its own rules and those about paper, fonts and
    # text apply to it.
    assert {rule for rule, info in table.items() if info.applies("register")} == {
        "page.size", "font.name", "font.legacy", "text.legacy_encoding", "text.nfd",
        "register.cover", "register.columns", "register.orientation",
    }  # fmt: skip
    assert not any(table[rule].applies("dispatch") for rule in table if rule.startswith("reg"))
    # A money table (an appendix in a file of its own) is not a văn bản either: its own
    # rules, paper, fonts and text, and its agency header, reference line and page numbers.
    assert {rule for rule, info in table.items() if info.applies("money_table")} == {
        "page.size", "page.orientation", "page.margins", "font.name", "font.legacy",
        "text.legacy_encoding", "text.nfd", "agency.missing", "agency.format", "agency.rule",
        "parent_agency.format", "attachment.reference", "page_number.first",
        "page_number.position", "money_table.title", "money_table.columns", "money_table.total",
        "heading.format",  # issue 14: its "Phụ lục" label
    }  # fmt: skip
    assert not any(table[rule].applies("decision") for rule in table if rule.startswith("money"))
    # The report counts a file's documents by their findings: each type has a rule that is
    # not about it, so every document has one finding at least (not_applicable).
    for kind in document_kinds():
        assert any(not table[rule].applies(kind) for rule in limited), kind
    assert table["title.style"].applies("report") and not table["title.style"].applies("dispatch")
