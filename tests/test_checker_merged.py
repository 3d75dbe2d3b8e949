"""Files holding several documents: the merged print file of ``batch --merge`` (one letter per
section) is checked letter by letter, while a báo cáo's appendix sections stay with it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import docx
import pytest

import tdkt_docs
from tdkt_docs.batch.merge import merge_documents
from tdkt_docs.checker import check
from tdkt_docs.checker.documents import split_documents
from tdkt_docs.checker.model import build_model
from tdkt_docs.checker.package import open_package
from tdkt_docs.checker.rules import Finding
from tdkt_docs.cli import main
from tests.conftest import EXAMPLES, variant
from tests.test_checker_faults import Mutation, margin, page_number_on_first_page, text
from tests.test_checker_handmade import handmade, not_about

REPORT_EXAMPLE = EXAMPLES / "bao_cao_thang.yaml"


def _reported(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.document, f.rule) for f in findings if f.severity in {"error", "warning"})


def _letters(folder: Path, faults: dict[int, Mutation] | None = None) -> list[Path]:
    """Three numbered seed letters; ``faults`` spoils some of them (1-based) in Word's way."""
    paths = []
    for number in (1, 2, 3):
        path = tdkt_docs.render(variant(number=number), folder / f"letter-{number}.docx")
        assert path is not None
        mutate = (faults or {}).get(number)
        if mutate is not None:
            document = docx.Document(str(path))
            mutate(document)
            document.save(str(path))
        paths.append(path)
    return paths


def test_every_file_the_demo_writes_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", str(tmp_path / "demo")]) == 0
    files = sorted((tmp_path / "demo").rglob("*.docx"))
    merged = tmp_path / "demo" / "don-doc" / "tat-ca-de-in.docx"
    examples = [e for e in EXAMPLES.glob("*.yaml") if "\ntype:" in e.read_text("utf-8")]
    # + 11 letters and their merge, and the award round's biên bản, tờ trình, quyết định,
    # money table and register
    assert merged in files and len(files) == len(examples) + 12 + 5
    capsys.readouterr()
    assert main(["check", "--json", *map(str, files)]) == 0
    report = json.loads(capsys.readouterr().out)["files"]
    for path in files:
        severities = {f["severity"] for f in report[str(path)]}
        assert severities <= {"not_applicable"}, path.name
    letters = Counter(f["document"] for f in report[str(merged)])
    assert sorted(letters) == list(range(1, 12)), "the 11 letters, each checked on its own"
    assert main(["check", str(merged)]) == 0
    out = capsys.readouterr().out
    assert "(11 văn bản): 0 lỗi, 0 cảnh báo, 0 quy tắc không đánh giá được" in out
    assert "title.style" not in out


def test_a_fault_names_its_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letters = _letters(tmp_path, {2: text("authority", "KT GIÁM ĐỐC")})
    merged = merge_documents(letters, tmp_path / "merged.docx")
    findings = check(merged)
    assert _reported(findings) == [(2, "authority.text")]
    assert main(["check", "--json", str(merged)]) == 1
    (error,) = [
        f
        for f in json.loads(capsys.readouterr().out)["files"][str(merged)]
        if f["severity"] == "error"
    ]
    assert (error["rule"], error["document"]) == ("authority.text", 2)
    assert error["found"] == "KT GIÁM ĐỐC"
    assert main(["check", str(merged)]) == 1
    out = capsys.readouterr().out
    assert "(3 văn bản): 1 lỗi" in out
    assert "Văn bản" in out and "authority.text" in out


def test_handmade_letters_are_told_apart_by_their_header_block(tmp_path: Path) -> None:
    """No ND30 styles: the quốc hiệu and "Số:" found by their text start each letter."""
    letters = []
    for number, authority in enumerate(("KT. GIÁM ĐỐC", "KT. GIÁM ĐỐC", "GĐ. GIÁM ĐỐC"), 1):
        path = tmp_path / f"handmade-{number}.docx"
        path.write_bytes(handmade(authority=authority))
        letters.append(path)
    findings = check(merge_documents(letters, tmp_path / "merged.docx"))
    assert _reported(findings) == [(3, "authority.text")]
    assert {f.document for f in findings} == {1, 2, 3}


def test_each_letter_keeps_its_own_page_setup(tmp_path: Path) -> None:
    """Margins, "different first page" and headers are read per letter: a fault in letter 3's
    section and in letter 2's first-page setting name those letters and no other."""
    letters = _letters(tmp_path, {2: page_number_on_first_page, 3: margin("left", 25)})
    findings = check(merge_documents(letters, tmp_path / "merged.docx"))
    assert _reported(findings) == [(2, "page_number.first"), (3, "page.margins")]
    (margins,) = [f for f in findings if f.rule == "page.margins"]
    assert margins.where == "mục 3, lề trái", "the place is the file's section"


def test_a_report_keeps_its_appendix_and_the_next_letter_is_a_new_document(
    tmp_path: Path,
) -> None:
    report = tdkt_docs.render(REPORT_EXAMPLE, tmp_path / "report.docx")
    assert report is not None
    alone = build_model(open_package(report))
    assert [s.orientation for s in alone.sections] == ["portrait", "landscape"]
    assert split_documents(alone) == [alone], "the landscape appendix belongs to the report"

    (letter, *_) = _letters(tmp_path)
    merged = merge_documents([report, letter], tmp_path / "merged.docx")
    documents = split_documents(build_model(open_package(merged)))
    assert [[s.orientation for s in d.sections] for d in documents] == [
        ["portrait", "landscape"],
        ["portrait"],
    ]
    findings = check(merged)
    assert _reported(findings) == []
    assert [f for f in findings if f.severity == "not_evaluated"] == []
    not_applicable = {(f.document, f.rule) for f in findings if f.severity == "not_applicable"}
    # The báo cáo's appendix has its reference line checked; the letter has nothing attached.
    assert not_applicable == {(1, rule) for rule in not_about("report")} | {
        (2, rule) for rule in not_about("dispatch") | {"attachment.reference"}
    }


def test_a_finding_is_of_document_1_unless_told() -> None:
    finding = Finding("page.size", "error", "Phần I, mục I.1", "A4", "mục 1", "Letter", "A4")
    assert finding.document == 1


def test_a_section_without_headers_shows_those_of_the_section_before(tmp_path: Path) -> None:
    """Word repeats the previous section's headers when a section sets none ("Link to
    Previous"), so a document starting there still has its page numbers."""
    (letter, *_) = _letters(tmp_path)
    document = docx.Document(str(letter))
    document.add_section()
    document.add_paragraph("Phụ lục")
    document.save(str(letter))
    model = build_model(open_package(letter))
    first, second = model.sections
    assert second.header_kinds == frozenset() and first.header_kinds == {"default", "first"}
    assert second.headers == first.headers
    assert [(p.text, p.section) for p in model.paragraphs][-1] == ("Phụ lục", 1)
