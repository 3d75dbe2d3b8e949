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
from tdkt_docs.checker.package import UnreadableDocumentError
from tdkt_docs.cli import main
from tests.conftest import EXAMPLES, SEED_EXAMPLE


def _examples() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*.yaml") if "type:" in p.read_text("utf-8"))


@pytest.mark.parametrize("example", _examples(), ids=lambda p: p.stem)
def test_every_bundled_example_passes(example: Path) -> None:
    findings = check_package_bytes(tdkt_docs.render_bytes(example), example.name)
    assert [f for f in findings if f.severity != "not_evaluated"] == []


def test_cli_exit_codes_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tdkt_docs.render(SEED_EXAMPLE, tmp_path / "good.docx")
    assert good is not None
    assert main(["check", str(good)]) == 0
    out = capsys.readouterr().out
    assert "0 lỗi" in out
    assert main(["check", "--json", str(good)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"][str(good)][0]["rule"] == "title.style"
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
