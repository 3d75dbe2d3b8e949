"""The Phụ lục VI metadata sidecar: the decree's field names and lengths, the values of
every example document, refusals, the JSON file and ``render --metadata``."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings

import tdkt_docs
from tdkt_docs.cli import main
from tdkt_docs.errors import DataError
from tdkt_docs.metadata import (
    DATE_FIELDS,
    NUMBER_DIGITS,
    TEXT_LIMITS,
    FileCode,
    document_metadata,
    sidecar_bytes,
    sidecar_path,
    write_sidecar,
)
from tests.conftest import DATA, EXAMPLES, example_data, variant
from tests.test_pdf_layout import _require
from tests.test_register import EXAMPLE_FILES, TEXT

# --- the decree's table -----------------------------------------------------------------------


def _decree_fields() -> list[tuple[str, str, int | None]]:
    """(path, type, length) of each row of Phụ lục VI, Phần II, mục I, read from the
    decree's Word file (tests/data/official/Phuluc6.docx), its "l" for "I" typos mended."""
    table = docx.Document(str(DATA / "official" / "Phuluc6.docx")).tables[0]
    parents: dict[str, str] = {}
    fields = []
    for row in table.rows[1:]:
        number, _, name, kind, length = (" ".join(c.text.split()) for c in row.cells)
        name = {"Organld": "OrganId", "Signerlnfo": "SignerInfo"}.get(name, name)
        parent = parents.get(number.rsplit(".", 1)[0]) if "." in number else None
        parents[number] = name
        fields.append(
            (f"{parent}.{name}" if parent else name, kind, int(length) if length else None)
        )
    return fields


def test_the_decree_prints_its_typos() -> None:
    table = docx.Document(str(DATA / "official" / "Phuluc6.docx")).tables[0]
    names = [row.cells[2].text.strip() for row in table.rows]
    assert "Organld" in names and "Signerlnfo" in names  # lower-case L, not I
    assert "OrganId" in names  # 13.1 is spelt right


def test_lengths_are_the_decrees() -> None:
    ours: dict[str, tuple[str, int]] = {
        **{name: ("String", limit) for name, (limit, _) in TEXT_LIMITS.items()},
        **{name: ("Number", digits) for name, (digits, _, _) in NUMBER_DIGITS.items()},
        **dict.fromkeys(DATE_FIELDS, ("Date", 10)),
    }
    decree = {path: (kind, length) for path, kind, length in _decree_fields() if kind}
    assert ours == decree


def _paths(metadata: dict[str, Any]) -> list[str]:
    paths = []
    for key, value in metadata.items():
        paths.append(key)
        if isinstance(value, dict):
            paths += [f"{key}.{k}" for k in value]
        elif isinstance(value, list) and value:
            paths += [f"{key}.{k}" for k in value[0]]
    return paths


def test_names_and_order_are_the_decrees() -> None:
    metadata = document_metadata(tdkt_docs.load(EXAMPLES / EXAMPLE_FILES["submission"]))
    assert _paths(metadata) == [path for path, _, _ in _decree_fields()]


# --- the values -------------------------------------------------------------------------------

EXPECTED: dict[str, dict[str, Any]] = {
    "decision": {
        "TypeName": "Quyết định",
        "CodeNumber": None,
        "CodeNotation": "QĐ-UBND",
        "IssuedDate": None,  # the day is left for the clerk
        "OrganName": "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA",
        "Subject": "tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "SignerInfo": {"Position": "CHỦ TỊCH", "FullName": "Nguyễn Văn Minh"},
        "To": ["Như Điều 2", "Sở Tài chính"],
    },
    "decision_with_list": {
        "TypeName": "Quyết định",
        "CodeNumber": None,
        "CodeNotation": "QĐ-UBND",
        "IssuedDate": None,
        "OrganName": "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA",
        "SignerInfo": {"Position": "PHÓ CHỦ TỊCH", "FullName": "Trần Thị Hồng"},
        "To": ["Như Điều 3", "Sở Tài chính", "Sở Nội vụ (Ban Thi đua - Khen thưởng)"],
    },
    "submission": {
        "TypeName": "Tờ trình",
        "CodeNumber": "415",
        "CodeNotation": "TTr-SNV",
        "IssuedDate": "2022-10-12",
        "OrganName": "SỞ NỘI VỤ",
        "SignerInfo": {"Position": "PHÓ GIÁM ĐỐC", "FullName": "Huỳnh Mạnh Thắng"},
        "To": ["Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa", "Giám đốc Sở (để b/c)"],
    },
    "dispatch": {
        "TypeName": "Công văn",
        "CodeNumber": None,
        "CodeNotation": "SNV-TĐKT",
        "IssuedDate": None,
        "OrganName": "SỞ NỘI VỤ",
        # The trích yếu without the "V/v" the letter prints before it.
        "Subject": "tăng cường công tác tuyên truyền phong trào thi đua yêu nước, điển hình "
        "tiên tiến",
        "SignerInfo": {"Position": "PHÓ GIÁM ĐỐC", "FullName": "Huỳnh Mạnh Thắng"},
        "To": [
            "Các sở, ban, ngành, đoàn thể tỉnh",
            "UBND các huyện, thị xã, thành phố",
            "Các doanh nghiệp thuộc Khối thi đua tỉnh",
            "Các cơ quan Trung ương đóng trên địa bàn tỉnh",
            "Ban TĐKT Trung ương (Báo cáo)",
            "UBND tỉnh (Báo cáo-VBĐT)",
            "Giám đốc SNV (Báo cáo-VBĐT)",
        ],
    },
    "report": {
        "TypeName": "Báo cáo",
        "CodeNumber": "12",
        "CodeNotation": "BC-SNV",
        "IssuedDate": "2023-09-14",
        "OrganName": "SỞ NỘI VỤ",
        "To": [
            "Ban Thi đua - Khen thưởng Trung ương",
            "UBND tỉnh (Báo cáo-VBĐT)",
            "Giám đốc SNV (Báo cáo-VBĐT)",
        ],
    },
}

UNKNOWN = ("DocOrdinal", "PageAmount", "Description", "Priority", "IssuedAmount", "DueDate")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_metadata_of_each_example(name: str) -> None:
    metadata = document_metadata(tdkt_docs.load(EXAMPLES / EXAMPLE_FILES[name]))
    shown = {**metadata, "To": [to["OrganName"] for to in metadata["To"]]}
    assert {key: shown[key] for key in EXPECTED[name]} == EXPECTED[name]
    assert metadata["Language"] == "Tiếng Việt"
    # What the document does not hold is null, never guessed.
    assert all(metadata[key] is None for key in UNKNOWN)
    assert metadata["FileCode"] == {"OrganId": None, "FileCatalog": None, "FileNotation": None}
    assert all(to["OrganId"] is None for to in metadata["To"])


def test_values_the_caller_knows() -> None:
    document = tdkt_docs.validate(
        variant(number=5, date="2024-02-03", drafter={"initials": "GN", "copies": 12})
    )
    metadata = document_metadata(
        document,
        organ_id="000.00.12.H34",
        file_code=FileCode(2024, "05.TĐKT"),
        doc_ordinal=7,
        page_amount=2,
        description="Bản điện tử",
        recipient_ids={"UBND tỉnh (Báo cáo-VBĐT)": "000.00.00.H34"},
        priority=1,
        due_date=dt.date(2024, 2, 20),
    )
    assert metadata["FileCode"] == {
        "OrganId": "000.00.12.H34",
        "FileCatalog": 2024,
        "FileNotation": "05.TĐKT",
    }
    assert (metadata["CodeNumber"], metadata["IssuedDate"]) == ("05", "2024-02-03")
    assert (metadata["DocOrdinal"], metadata["PageAmount"], metadata["Priority"]) == (7, 2, 1)
    assert metadata["IssuedAmount"] == 12  # ô 12: "GN.(12)"
    assert metadata["DueDate"] == "2024-02-20"
    assert metadata["Description"] == "Bản điện tử"
    ids = {to["OrganName"]: to["OrganId"] for to in metadata["To"]}
    assert ids["UBND tỉnh (Báo cáo-VBĐT)"] == "000.00.00.H34"
    assert sum(value is not None for value in ids.values()) == 1
    assert document_metadata(document, issued_amount=40)["IssuedAmount"] == 40


def test_dates_are_ten_characters() -> None:
    for name in EXPECTED:
        issued = document_metadata(tdkt_docs.load(EXAMPLES / EXAMPLE_FILES[name]))["IssuedDate"]
        assert issued is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", issued)


# --- refusals ---------------------------------------------------------------------------------

SUBMISSION = "Tờ trình 415/TTr-SNV"
VI = "Nghị định 30/2020/NĐ-CP, Phụ lục VI"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"description": "x" * 501},
            f"Description: is 501 characters long; at most 500 ({VI}: ghi chú)",
        ),
        (
            {"organ_id": "000.00.12.H345"},
            f"FileCode.OrganId: is 14 characters long; at most 13 ({VI}: mã định danh của cơ "
            "quan, tổ chức)",
        ),
        (
            {"file_code": FileCode(2024, "TĐKT-" + "9" * 16)},
            f"FileCode.FileNotation: is 21 characters long; at most 20 ({VI}: số và ký hiệu "
            "hồ sơ)",
        ),
        (
            {"file_code": FileCode(20245, "05.TĐKT")},
            f"FileCode.FileCatalog: 20245 has 5 digits; at most 4 ({VI}: năm hình thành hồ sơ)",
        ),
        (
            {"page_amount": 1000},
            f"PageAmount: 1000 has 4 digits; at most 3 ({VI}: số trang của văn bản)",
        ),
        ({"doc_ordinal": 0}, "DocOrdinal: expected a whole number from 1, got 0"),
        ({"priority": 12}, f"Priority: 12 has 2 digits; at most 1 ({VI}: mức độ khẩn, độ mật)"),
        (
            {"recipient_ids": {"Sở Tài chính": "000.00.00.H01"}},
            "recipient_ids: 'Sở Tài chính' is not a recipient of the document",
        ),
        ({"description": "a\x07b"},
         "Description: must not contain a control character U+0007 at position 2"),
    ],
)  # fmt: skip
def test_a_value_that_does_not_fit_is_refused(options: dict[str, Any], message: str) -> None:
    with pytest.raises(DataError) as error:
        document_metadata(tdkt_docs.load(EXAMPLES / EXAMPLE_FILES["submission"]), **options)
    assert str(error.value) == f"{SUBMISSION}: {message}"


def test_the_models_limits_are_reused() -> None:
    """A document made without validation (model_construct) still cannot put a too-long
    trích yếu or ký hiệu into the metadata: the limits are the models' (Subject 500,
    CodeNotation 30), with the models' words."""
    document = tdkt_docs.load(EXAMPLES / EXAMPLE_FILES["submission"])
    unchecked = document.model_copy(update={"subject": "s" * 501, "symbol": "TTr-" + "X" * 27})
    with pytest.raises(DataError) as error:
        document_metadata(unchecked, source="to_trinh.yaml")
    assert [str(p) for p in error.value.problems] == [
        f"to_trinh.yaml: CodeNotation: is 31 characters long; at most 30 ({VI}: ký hiệu của "
        "văn bản)",
        f"to_trinh.yaml: Subject: is 501 characters long; at most 500 ({VI}: trích yếu nội dung)",
    ]


# --- the sidecar ------------------------------------------------------------------------------


def test_sidecar_beside_the_docx(tmp_path: Path) -> None:
    document = tdkt_docs.load(EXAMPLES / EXAMPLE_FILES["decision_with_list"])
    metadata = document_metadata(document)
    docx_path = tmp_path / "quyết định.docx"
    written = write_sidecar(docx_path, metadata)
    assert written == sidecar_path(docx_path) == tmp_path / "quyết định.json"
    raw = written.read_bytes()
    assert "Quyết định".encode() in raw and b"\\u" not in raw  # UTF-8, not escaped
    assert json.loads(raw.decode("utf-8")) == metadata
    assert list(json.loads(raw)) == list(metadata)  # the decree's order, kept
    assert raw == sidecar_bytes(document_metadata(document))  # the same every time
    with pytest.raises(tdkt_docs.OutputExistsError):
        write_sidecar(docx_path, metadata)
    assert write_sidecar(docx_path, metadata, overwrite=True) == written
    assert [p.name for p in tmp_path.iterdir()] == ["quyết định.json"]  # no temporary left


def test_sidecar_text_is_nfc(tmp_path: Path) -> None:
    metadata = document_metadata(tdkt_docs.load(EXAMPLES / EXAMPLE_FILES["submission"]))
    decomposed = {**metadata, "OrganName": unicodedata.normalize("NFD", "SỞ NỘI VỤ")}
    text = write_sidecar(tmp_path / "t.docx", decomposed).read_text("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert json.loads(text)["OrganName"] == "SỞ NỘI VỤ"


def test_a_sidecar_that_does_not_fit_is_not_written(tmp_path: Path) -> None:
    metadata = document_metadata(tdkt_docs.load(EXAMPLES / EXAMPLE_FILES["submission"]))
    with pytest.raises(DataError) as error:
        write_sidecar(tmp_path / "t.docx", {**metadata, "IssuedDate": "12/10/2022"})
    assert str(error.value) == (
        f"{tmp_path / 't.json'}: IssuedDate: expected a date written YYYY-MM-DD, got '12/10/2022'"
    )
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=40, deadline=None)
@given(text=TEXT)
def test_unicode_stays_nfc_and_literal_in_json(text: str) -> None:
    data = example_data(EXAMPLES / EXAMPLE_FILES["submission"])
    typed = unicodedata.normalize("NFD", f"Đề nghị {text}")
    document = tdkt_docs.validate(
        {**data, "subject": typed, "signer": {**data["signer"], "name": f"Lê {text.strip()[:40]}"}}
    )
    metadata = document_metadata(document, description=unicodedata.normalize("NFD", text))
    raw = sidecar_bytes(metadata)
    decoded = raw.decode("utf-8")
    assert unicodedata.is_normalized("NFC", decoded)
    assert json.loads(decoded) == metadata
    subject = " ".join(unicodedata.normalize("NFC", f"Đề nghị {text}").split())
    assert metadata["Subject"] == subject
    # Written as itself: every non-ASCII letter appears literally in the file.
    assert json.dumps(subject, ensure_ascii=False).encode("utf-8") in raw


# --- the command line -------------------------------------------------------------------------


def test_render_with_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = EXAMPLES / EXAMPLE_FILES["submission"]
    output = tmp_path / "to_trinh.docx"
    assert main(["render", str(source), "-o", str(output), "--metadata"]) == 0
    assert capsys.readouterr().out.split() == [str(output), str(tmp_path / "to_trinh.json")]
    written = json.loads((tmp_path / "to_trinh.json").read_text("utf-8"))
    assert written == document_metadata(tdkt_docs.load(source))
    assert written["PageAmount"] is None  # not counted without a PDF
    before = output.read_bytes()
    # Nothing is written when the sidecar is there already, the DOCX included.
    output.unlink()
    assert main(["render", str(source), "-o", str(output), "--metadata"]) == 1
    assert "to_trinh.json: already exists; pass --force to replace it" in capsys.readouterr().err
    assert not output.exists()
    assert main(["render", str(source), "-o", str(output), "--metadata", "--force"]) == 0
    assert output.read_bytes() == before


@pytest.mark.slow
def test_render_with_metadata_and_pdf_counts_the_pages(tmp_path: Path) -> None:
    _require("soffice")
    _require("pdfinfo")
    source = EXAMPLES / "quyet_dinh_danh_sach.yaml"
    output = tmp_path / "qd.docx"
    assert main(["render", str(source), "-o", str(output), "--metadata", "--pdf"]) == 0
    import pdfplumber

    with pdfplumber.open(tmp_path / "qd.pdf") as pdf:
        pages = len(pdf.pages)
    assert pages > 1
    assert json.loads((tmp_path / "qd.json").read_text("utf-8"))["PageAmount"] == pages
