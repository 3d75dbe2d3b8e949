"""The tờ trình (Mẫu 1.4 with Kính gửi, ký hiệu TTr), read back element by element."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx.document import Document

import tdkt_docs
from tests.conftest import EXAMPLES, example_data
from tests.docx_reading import all_paragraphs, by_style, paragraph_property, run_looks

EXAMPLE = EXAMPLES / "to_trinh_khen_thuong.yaml"


def data(**changes: Any) -> dict[str, Any]:
    loaded = example_data(EXAMPLE)
    loaded.update(changes)
    return loaded


@pytest.fixture(scope="module")
def submission() -> Document:
    from tests.docx_reading import open_docx

    return open_docx(tdkt_docs.render_bytes(EXAMPLE))


def texts(document: Document, style: str) -> list[str]:
    return [p.text for p in by_style(document, style)]


def test_the_parts_in_order(submission: Document) -> None:
    lines = [p.text for p in all_paragraphs(submission) if p.text.strip()]
    title = lines.index("TỜ TRÌNH")
    assert lines[title + 1].startswith("Đề nghị tặng Bằng khen của Chủ tịch")
    assert lines[title + 2] == "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa"
    assert lines[title + 3].startswith("Căn cứ Luật Thi đua") and lines[title + 3].endswith(";")
    assert lines[title + 4].startswith("Căn cứ Nghị định số 91") and lines[title + 4].endswith(";")
    assert lines[title + 5].startswith("Xét đề nghị của Giám đốc Sở Tư pháp")
    closing = texts(submission, "ND30NoiDung")[-1]
    assert closing == "Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./."
    assert "Số: 415/TTr-SNV" in lines


def test_the_title_block_and_the_body_look_as_mau_1_4(submission: Document) -> None:
    for style in ("ND30TenLoai", "ND30TrichYeu"):
        paragraph = by_style(submission, style)[0]
        looks = run_looks(submission, paragraph)
        assert all(r.bold and r.size_pt == 14 and not r.italic for r in looks), style
        assert paragraph_property(submission, paragraph, "jc", "w:val") == "center"
    basis = by_style(submission, "ND30NoiDung")[0]
    assert basis.text.startswith("Căn cứ")
    assert not any(r.italic for r in run_looks(submission, basis))  # căn cứ upright here
    assert paragraph_property(submission, basis, "jc", "w:val") == "both"
    assert [t.rows[0].cells[0].text for t in submission.tables[1:-1]] == ["STT"]  # body table


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"symbol": "SNV"}, "symbol", "starts with 'TTr-'"),
        ({"recipients": []}, "recipients", "must have at least 1 item"),
        ({"bases": ["Luật Thi đua, khen thưởng"]}, "bases[0]", "starts with 'Căn cứ'"),
        ({"body": "# ĐỀ NGHỊ"}, "body", "end with the request"),
        ({"body": "# Đề nghị\n\nKính trình."}, "body", "written in capitals"),
    ],
)
def test_refusals(changes: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate(data(**changes))
    assert any(p.field == field and message in p.message for p in caught.value.problems), [
        str(p) for p in caught.value.problems
    ]


def test_an_end_mark_typed_by_hand_is_kept_once(tmp_path: Path) -> None:
    body = "Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./."
    from tests.docx_reading import open_docx

    document = open_docx(tdkt_docs.render_bytes(data(body=body)))
    assert texts(document, "ND30NoiDung")[-1] == body
