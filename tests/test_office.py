"""Office defaults (office.yaml): a document gives only what changes, the office the rest.

Bad office files are in the corpus (``tests/data/bad/office_*``, see cases.yaml); here: the
same documents with and without the defaults, which value wins, the signer, where a problem
is reported, ``validate()`` with defaults in memory, and batches.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import tdkt_docs
from tdkt_docs import kinds
from tdkt_docs.batch import render_batch
from tdkt_docs.batch.bases import load_base
from tdkt_docs.kinds import DocumentKind
from tdkt_docs.loader import read_office
from tdkt_docs.office import OfficeDefaults
from tests.conftest import EXAMPLES, render_data, seed_data
from tests.docx_reading import open_docx
from tests.test_kinds import Notice, build_notice, notice_view

OFFICE = EXAMPLES / "office.yaml"
REPORT = EXAMPLES / "bao_cao_thang.yaml"
REMINDER = EXAMPLES / "reminders" / "don_doc.yaml"
REMINDER_ROWS = EXAMPLES / "reminders" / "don_vi_chua_gui.csv"

SIGNER = {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Huỳnh Mạnh Thắng"}
AGENCY = {"parent": "UBND TỈNH KHÁNH HÒA", "name": "SỞ NỘI VỤ", "place": "Khánh Hòa"}


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text("utf-8"))


def _written_out(document: Path) -> dict[str, Any]:
    """The document with its office defaults typed in by hand, read with plain PyYAML (not
    the loader): the full document a clerk wrote before office.yaml."""
    data: dict[str, Any] = _yaml(document)
    office_path = document.parent / data.pop("office")
    office = _yaml(office_path)
    for key, value in office[data["type"]].items():
        data.setdefault(key, value)
    data.setdefault("agency", _yaml(office_path.parent / office["agency"]))
    return data


def _write(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _signature_lines(document: Any) -> list[str]:
    """The text of the signature block: the last cell of the last table of the page."""
    cell = document.tables[-1].rows[0].cells[-1]
    return [p.text for p in cell.paragraphs if p.text.strip()]


# --- Only what changes gives the same document -------------------------------------------------


def test_the_report_example_renders_as_its_full_version() -> None:
    short = _yaml(REPORT)
    assert {"symbol", "distribution", "archive", "signer", "agency"}.isdisjoint(short)
    full = _written_out(REPORT)
    assert tdkt_docs.render_bytes(REPORT) == tdkt_docs.render_bytes(full)
    assert tdkt_docs.load(REPORT) == tdkt_docs.validate(full)


def test_the_reminder_batch_renders_as_its_full_version(tmp_path: Path) -> None:
    short = render_batch(REMINDER, REMINDER_ROWS, tmp_path / "short")
    full = render_batch(_written_out(REMINDER), REMINDER_ROWS, tmp_path / "full")
    assert len(short.written) == len(full.written) == 11
    for one, other in zip(short.written, full.written, strict=True):
        assert one.name == other.name and one.read_bytes() == other.read_bytes()


OFFICE_FIELDS = ("agency", "symbol", "recipients", "distribution", "archive", "signer")


@settings(max_examples=40, deadline=None)
@given(moved=st.sets(st.sampled_from(OFFICE_FIELDS)))
def test_any_fields_moved_to_the_office_give_the_same_document(moved: set[str]) -> None:
    full = seed_data()
    short = {key: value for key, value in full.items() if key not in moved}
    section = {key: value for key, value in full.items() if key in moved and key != "agency"}
    office: dict[str, Any] = {"dispatch": section}
    if "agency" in moved:
        office["agency"] = full["agency"]
    assert tdkt_docs.validate({**short, "office": office}) == tdkt_docs.validate(full)


def test_the_office_file_through_load_and_render(tmp_path: Path) -> None:
    """Paths are relative to the file that names them: the document's office, the office's
    agency."""
    full = seed_data()
    moved = ("symbol", "distribution", "archive", "signer")
    (tmp_path / "defaults").mkdir()
    (tmp_path / "letters").mkdir()
    _write(tmp_path / "defaults" / "agency.yaml", full["agency"])
    office = {"agency": "agency.yaml", "dispatch": {key: full[key] for key in moved}}
    _write(tmp_path / "defaults" / "office.yaml", office)
    short = {k: v for k, v in full.items() if k not in {"agency", *moved}}
    short["office"] = "../defaults/office.yaml"
    document = _write(tmp_path / "letters" / "cv.yaml", short)
    assert tdkt_docs.render_bytes(document) == tdkt_docs.render_bytes(full)


# --- The document wins --------------------------------------------------------------------------


def test_a_field_the_document_gives_wins_whole(tmp_path: Path) -> None:
    document = tdkt_docs.load(REPORT)
    assert document.distribution == (
        "Như trên",
        "UBND tỉnh (Báo cáo-VBĐT)",
        "Giám đốc SNV (Báo cáo-VBĐT)",
    )
    changes = {"distribution": ["Như trên"], "archive": "VT", "symbol": "BC-UBND"}
    data = {**_yaml(REPORT), **changes, "office": str(OFFICE)}
    overridden = tdkt_docs.load(_write(tmp_path / "bc.yaml", data))
    assert overridden.distribution == ("Như trên",)  # lists are not merged
    assert overridden.archive == ("VT",)
    assert overridden.symbol == "BC-UBND"
    assert overridden.signer == document.signer  # what it leaves out comes from the office


def test_the_agency_comes_from_the_document_then_the_section_then_the_office() -> None:
    other = {**AGENCY, "name": "VĂN PHÒNG UBND TỈNH"}
    section_agency = {**AGENCY, "parent": None, "name": "UBND TỈNH KHÁNH HÒA"}
    office = {"agency": AGENCY, "dispatch": {"agency": section_agency}, "report": {}}
    letter = {**seed_data(), "office": office}
    del letter["agency"]
    assert tdkt_docs.validate(letter).agency.name == "UBND TỈNH KHÁNH HÒA"
    assert tdkt_docs.validate({**letter, "agency": other}).agency.name == "VĂN PHÒNG UBND TỈNH"
    office_without_section_agency = {"agency": AGENCY, "dispatch": {}}
    plain = tdkt_docs.validate({**letter, "office": office_without_section_agency})
    assert plain.agency.name == "SỞ NỘI VỤ"


# --- The signer -----------------------------------------------------------------------------------


def _letter_with_signer(signer: Any) -> dict[str, Any]:
    letter = seed_data()
    letter["signer"] = signer
    return {**letter, "office": {"dispatch": {"signer": SIGNER}}}


def test_a_signer_given_by_name_only_keeps_the_office_post() -> None:
    document = tdkt_docs.validate(_letter_with_signer({"name": "Lê Thị Hoa"}))
    assert document.signer.authority == ("KT. GIÁM ĐỐC",)
    assert document.signer.title == "PHÓ GIÁM ĐỐC"
    assert document.signer.name == "Lê Thị Hoa"
    lines = _signature_lines(render_data(_letter_with_signer({"name": "Lê Thị Hoa"})))
    assert lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Hoa"]


def test_a_signer_with_its_own_authority_replaces_the_office_signer() -> None:
    head = {"authority": [], "title": "GIÁM ĐỐC", "name": "Nguyễn Văn An"}
    document = tdkt_docs.validate(_letter_with_signer(head))
    assert document.signer.authority == ()
    assert _signature_lines(render_data(_letter_with_signer(head))) == ["GIÁM ĐỐC", "Nguyễn Văn An"]
    deputy = {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Lê Thị Hoa"}
    assert tdkt_docs.validate(_letter_with_signer(deputy)).signer.name == "Lê Thị Hoa"


def test_a_signer_that_leaves_out_the_office_authority_is_refused() -> None:
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate(_letter_with_signer({"title": "GIÁM ĐỐC", "name": "Nguyễn Văn An"}))
    (problem,) = caught.value.problems
    assert problem.field == "signer.authority"
    assert "the one in office.dispatch, which signs 'KT. GIÁM ĐỐC'" in problem.message
    assert "'authority: []' when the head signs in person" in problem.message


def test_an_office_signer_without_a_name_takes_it_from_each_document() -> None:
    post = {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC"}
    letter = {**seed_data(), "office": {"dispatch": {"signer": post}}}
    letter["signer"] = {"name": "Lê Thị Hoa"}
    assert tdkt_docs.validate(letter).signer.name == "Lê Thị Hoa"
    del letter["signer"]
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate(letter)
    (problem,) = caught.value.problems
    assert (problem.source, problem.field) == (None, "office.dispatch.signer.name")
    assert "in each document as 'signer: {name: …}'" in problem.message


# --- Where a problem is reported ----------------------------------------------------------------


def test_a_bad_default_names_the_office_file_and_its_place_there(tmp_path: Path) -> None:
    office = _yaml(OFFICE)
    office["agency"] = str(EXAMPLES / "agency.yaml")
    office["report"]["signer"] = {**SIGNER, "title": "Phó Giám đốc"}
    office_path = _write(tmp_path / "office.yaml", office)
    report = _write(tmp_path / "bc.yaml", {**_yaml(REPORT), "office": "office.yaml"})
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.load(report)
    (problem,) = caught.value.problems
    assert problem.source == str(office_path)
    assert problem.field == "report.signer.title"
    assert "expected capitals, e.g. 'PHÓ GIÁM ĐỐC'" in problem.message
    # The office file is checked whole: the bad báo cáo default stops a công văn too.
    letter = {k: v for k, v in seed_data().items() if k != "agency"}
    letter_path = _write(tmp_path / "cv.yaml", {**letter, "office": "office.yaml"})
    with pytest.raises(tdkt_docs.DataError, match=r"report\.signer\.title"):
        tdkt_docs.load(letter_path)


def test_a_value_wrong_only_in_the_merged_document_names_the_office(tmp_path: Path) -> None:
    """A value that its section accepts alone but the document refuses (the agency lacks
    display_name, which the report's appendix needs) is reported where each part is."""
    office = {"agency": AGENCY, "report": _yaml(OFFICE)["report"]}
    _write(tmp_path / "office.yaml", office)
    report = _write(tmp_path / "bc.yaml", {**_yaml(REPORT), "office": "office.yaml"})
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.load(report)
    (problem,) = caught.value.problems
    assert problem.source == str(report) and "agency.display_name is needed" in problem.message


def test_a_section_for_a_type_is_accepted_once_the_type_is_registered() -> None:
    office = {"notice": {"symbol": "TB-SNV", "distribution": ["Các phòng thuộc Sở"]}}
    letter = {**seed_data(), "office": office}
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate(letter)
    (problem,) = caught.value.problems
    assert problem.field == "office.notice" and "is not a document type" in problem.message
    kind = DocumentKind(
        model=Notice,
        name="thông báo",
        template_name="thong_bao.docx",
        build_template=build_notice,
        view=notice_view,
        example="thong_bao.yaml",
    )
    kinds.register(kind)
    try:
        assert tdkt_docs.validate(letter).symbol == "SNV-TĐKT"  # the dispatch keeps its own
        notice = {k: v for k, v in letter.items() if k not in {"recipients", "symbol"}}
        notice = {**notice, "type": "notice", "distribution": None}
        del notice["distribution"]
        assert tdkt_docs.validate(notice).symbol == "TB-SNV"
        with pytest.raises(tdkt_docs.DataError, match="starts with 'TB-'"):
            tdkt_docs.validate({**notice, "office": {"notice": {"symbol": "SNV"}}})
    finally:
        kinds.unregister("notice")


# --- validate() with defaults in memory ---------------------------------------------------------


def test_validate_takes_the_defaults_as_a_mapping() -> None:
    office = _yaml(OFFICE)
    office["agency"] = _yaml(EXAMPLES / "agency.yaml")
    report = {**_yaml(REPORT), "office": office}
    assert tdkt_docs.validate(report) == tdkt_docs.load(REPORT)
    assert tdkt_docs.validate({**report, "office": read_office(OFFICE)}) == tdkt_docs.load(REPORT)


def test_validate_refuses_paths_and_names_the_place_of_a_bad_default() -> None:
    report = _yaml(REPORT)
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate(report)
    (problem,) = caught.value.problems
    assert problem.field == "office" and "looks like a path to a file" in problem.message
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate({**report, "office": _yaml(OFFICE)})  # its agency: is a path
    assert [p.field for p in caught.value.problems] == ["office.agency"]
    office = {"agency": {**AGENCY, "display_name": "Sở Nội vụ tỉnh Khánh Hòa"}, "report": {}}
    office["report"] = {**_yaml(OFFICE)["report"], "symbol": "SNV"}
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate({**report, "office": office}, source="bc.yaml")
    (problem,) = caught.value.problems
    assert (problem.source, problem.field) == ("bc.yaml", "office.report.symbol")
    assert "starts with 'BC-'" in problem.message


def test_a_missing_field_says_where_it_may_be_given() -> None:
    office = {"agency": AGENCY, "dispatch": {"signer": SIGNER}}
    letter = {k: v for k, v in seed_data().items() if k not in {"agency", "archive", "signer"}}
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate({**letter, "office": office})
    (problem,) = caught.value.problems
    assert problem.field == "archive"
    assert problem.message == "required field is missing; give it here or in office.dispatch"


def test_a_missing_field_names_the_office_file(tmp_path: Path) -> None:
    (tmp_path / "defaults").mkdir()
    office = _write(tmp_path / "defaults" / "office.yaml", {"agency": AGENCY, "dispatch": {}})
    letter = {k: v for k, v in seed_data().items() if k not in {"agency", "archive"}}
    path = _write(tmp_path / "cv.yaml", {**letter, "office": "defaults/office.yaml"})
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.load(path)
    (problem,) = caught.value.problems
    assert (problem.source, problem.field) == (str(path), "archive")
    assert problem.message.endswith(f"give it here or under 'dispatch:' in {office}")


def test_the_example_office_file() -> None:
    office = read_office(OFFICE)
    assert isinstance(office, OfficeDefaults)
    assert sorted(office.sections) == ["decision", "dispatch", "minutes", "report", "submission"]
    assert office.agency is not None and office.agency["name"] == "SỞ NỘI VỤ"
    assert office.source == str(OFFICE) and office.prefix == ()


# --- Batches --------------------------------------------------------------------------------------


def _base(tmp_path: Path, office: dict[str, Any], **changes: Any) -> Path:
    base = _yaml(REMINDER)
    base.update(office="office.yaml", **changes)
    office = copy.deepcopy(office)
    office["agency"] = str(EXAMPLES / "agency.yaml")
    _write(tmp_path / "office.yaml", office)
    return _write(tmp_path / "base.yaml", base)


def test_a_batch_reads_the_office_beside_its_base_once(tmp_path: Path) -> None:
    base = _base(tmp_path, _yaml(OFFICE), signer={"name": "{{ row.nguoi_ky }}"})
    rows = [
        {"recipient": "Sở Y tế", "name": "Sở Y tế", "nguoi_ky": "Lê Thị Hoa"},
        {"recipient": "Sở Xây dựng", "name": "Sở Xây dựng", "nguoi_ky": "Trần Văn Bình"},
    ]
    result = render_batch(base, rows, tmp_path / "out")
    signatures = [_signature_lines(open_docx(p.read_bytes())) for p in result.written]
    assert signatures == [
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Hoa"],
        ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Bình"],
    ]
    bad = [{**rows[0], "nguoi_ky": "LÊ THỊ HOA"}]
    with pytest.raises(tdkt_docs.DataError) as caught:
        render_batch(base, bad, tmp_path / "bad")
    (problem,) = caught.value.problems
    assert problem.field == "item 1, column 'nguoi_ky'" and "signer.name: " in problem.message


def test_a_batch_refuses_row_values_in_the_office_file(tmp_path: Path) -> None:
    office = _yaml(OFFICE)
    office["dispatch"]["signer"] = {**SIGNER, "name": "{{ row.nguoi_ky }}"}
    base = _base(tmp_path, office)
    with pytest.raises(tdkt_docs.DataError) as caught:
        render_batch(base, REMINDER_ROWS, tmp_path / "out")
    (problem,) = caught.value.problems
    assert problem.source == str(tmp_path / "office.yaml")
    assert problem.field == "dispatch.signer.name"
    assert "office defaults are the same for every row" in problem.message
    assert not (tmp_path / "out").exists()


def test_a_bad_default_in_a_batch_is_reported_once_in_the_office_file(tmp_path: Path) -> None:
    office = _yaml(OFFICE)
    office["dispatch"]["archive"] = ["PTĐKT", "VT"]
    base = _base(tmp_path, office)
    with pytest.raises(tdkt_docs.DataError) as caught:
        render_batch(base, REMINDER_ROWS, tmp_path / "out")
    (problem,) = caught.value.problems
    assert (problem.source, problem.field) == (str(tmp_path / "office.yaml"), "dispatch.archive")


def test_the_base_spec_changes_with_its_office(tmp_path: Path) -> None:
    """Workers prepare a base once per key: other defaults must give another key."""
    first = load_base(_base(tmp_path, _yaml(OFFICE))).key
    office = _yaml(OFFICE)
    office["dispatch"]["signer"] = {**SIGNER, "name": "Lê Thị Hoa"}
    assert load_base(_base(tmp_path, office)).key != first


def test_a_mapping_base_with_defaults_in_memory(tmp_path: Path) -> None:
    office = _yaml(OFFICE)
    office["agency"] = _yaml(EXAMPLES / "agency.yaml")
    base = {**_yaml(REMINDER), "office": office}
    result = render_batch(base, REMINDER_ROWS, tmp_path / "out")
    expected = render_batch(REMINDER, REMINDER_ROWS, tmp_path / "expected")
    assert [p.read_bytes() for p in result.written] == [p.read_bytes() for p in expected.written]
    office["dispatch"]["symbol"] = "{{ row.code }}"
    with pytest.raises(tdkt_docs.DataError) as caught:
        render_batch({**base, "office": office}, REMINDER_ROWS, tmp_path / "bad")
    (problem,) = caught.value.problems
    assert (problem.source, problem.field) == ("base", "office.dispatch.symbol")
