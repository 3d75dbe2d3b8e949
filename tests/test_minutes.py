"""The biên bản (Mẫu 1.9, ký hiệu BB), read back element by element; its rules; the checker
on it; the way a round builds one (plain fields through tdkt_docs.loader.validate)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from docx.table import Table

import tdkt_docs
from tdkt_docs.awards.round import load_round
from tdkt_docs.checker import check
from tdkt_docs.checker.detect import detect
from tdkt_docs.checker.model import build_model
from tdkt_docs.checker.package import open_package
from tdkt_docs.errors import DataError
from tdkt_docs.kinds.minutes import Minutes, moment_text
from tdkt_docs.loader import read_office, validate
from tests.conftest import EXAMPLES, example_data
from tests.docx_reading import (
    all_paragraphs,
    by_style,
    open_docx,
    paragraph_property,
    run_looks,
)

EXAMPLE = EXAMPLES / "bien_ban_hop_hoi_dong.yaml"
ROUND = EXAMPLES / "awards" / "round.yaml"
TITLE_STYLES = ("ND30TenLoai", "ND30TrichYeu")


def data(**changes: Any) -> dict[str, Any]:
    loaded = example_data(EXAMPLE)
    for key, value in changes.items():
        if value is None:
            loaded.pop(key, None)
        else:
            loaded[key] = value
    return loaded


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return tdkt_docs.render_bytes(EXAMPLE)


@pytest.fixture(scope="module")
def minutes(rendered: bytes) -> Document:
    return open_docx(rendered)


def body_texts(document: Document) -> list[str]:
    """The paragraphs outside tables that hold text, in order."""
    body = document.element.body
    return [p.text for p in all_paragraphs(document) if p.text.strip() and p._p.getparent() is body]


def signature_table(document: Document) -> Table:
    return document.tables[-1]


# --- the example, element by element -------------------------------------------------------------


def test_the_header_has_the_number_and_no_date_line(minutes: Document) -> None:
    header = minutes.tables[0]
    assert header.cell(0, 0).paragraphs[0].text == "UBND TỈNH KHÁNH HÒA"
    assert header.cell(0, 0).paragraphs[1].text == "HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG"
    assert header.cell(1, 0).paragraphs[0].text == "Số: 07/BB-HĐTĐKT"
    assert header.cell(0, 1).paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    # Mẫu 1.9 has no place and date line: the cell under the tiêu ngữ holds no text.
    assert [p.text for p in header.cell(1, 1).paragraphs] == [""]
    assert by_style(minutes, "ND30DiaDanhNgay") == []
    number = by_style(minutes, "ND30SoKyHieu")[0]
    assert all(r.size_pt == 13 and not r.bold and not r.italic for r in run_looks(minutes, number))


def test_the_parts_in_order(minutes: Document) -> None:
    lines = body_texts(minutes)
    title = lines.index("BIÊN BẢN")
    assert lines[title + 1] == (
        "Họp Hội đồng Thi đua - Khen thưởng tỉnh xét đề nghị tặng Bằng khen của Chủ tịch Ủy "
        "ban nhân dân tỉnh"
    )
    assert lines[title + 2 : title + 14] == [
        "Thời gian bắt đầu: 08 giờ 00 phút, ngày 10 tháng 9 năm 2025.",
        "Địa điểm: Phòng họp số 2, Ủy ban nhân dân tỉnh Khánh Hòa.",
        "Thành phần tham dự:",
        "- Bà Trần Thị Hồng, Phó Chủ tịch Ủy ban nhân dân tỉnh, Phó Chủ tịch Thường trực Hội đồng;",
        "- Ông Huỳnh Mạnh Thắng, Phó Giám đốc Sở Nội vụ, Phó Chủ tịch Hội đồng;",
        "- Bà Nguyễn Thị Thu Hà, Phó Chánh Văn phòng Ủy ban nhân dân tỉnh, Ủy viên;",
        "- Ông Phạm Văn Lợi, Phó Giám đốc Sở Tài chính, Ủy viên;",
        "- Ông Đặng Quốc Việt, Phó Chủ tịch Liên đoàn Lao động tỉnh, Ủy viên;",
        "- Ông Trương Công Danh, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch, Ủy viên;",
        "- Ông Lê Minh Tuấn, Trưởng phòng Thi đua - Khen thưởng, Sở Nội vụ, Thư ký Hội đồng;",
        "- Vắng: Bà Võ Thị Kim Liên, Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Ủy "
        "viên (đi công tác).",
        "Chủ trì (chủ tọa): Bà Trần Thị Hồng, Phó Chủ tịch Ủy ban nhân dân tỉnh, Phó Chủ tịch "
        "Thường trực Hội đồng.",
    ]
    assert lines[title + 14] == (
        "Thư ký (người ghi biên bản): Ông Lê Minh Tuấn, Trưởng phòng Thi đua - Khen thưởng, "
        "Sở Nội vụ, Thư ký Hội đồng."
    )
    assert lines[title + 15] == "Nội dung (theo diễn biến cuộc họp):"
    assert lines[title + 16] == "I. NỘI DUNG CUỘC HỌP"
    assert lines[-1] == "Cuộc họp kết thúc vào 10 giờ 30 phút, ngày 10 tháng 9 năm 2025./."
    headings = [p.text for p in by_style(minutes, "ND30DeMuc1")]
    assert headings == ["I. NỘI DUNG CUỘC HỌP", "II. KẾT QUẢ BIỂU QUYẾT", "III. KẾT LUẬN"]


def test_the_title_block_looks_as_mau_1_9(minutes: Document) -> None:
    for style in TITLE_STYLES:
        paragraph = by_style(minutes, style)[0]
        looks = run_looks(minutes, paragraph)
        assert looks and all(r.bold and r.size_pt == 14 and not r.italic for r in looks), style
        assert paragraph_property(minutes, paragraph, "jc", "w:val") == "center"


def test_the_meeting_lines_are_body_text(minutes: Document) -> None:
    """Mẫu 1.9 sets "Thời gian bắt đầu:" … "Nội dung (…):" and the closing line as body
    text: 14 pt, upright, not bold, justified."""
    lines = by_style(minutes, "ND30NoiDung")
    wanted = [
        p
        for p in lines
        if p.text.startswith(
            ("Thời gian", "Địa điểm", "Thành phần", "Chủ trì", "Thư ký", "Nội dung", "Cuộc họp")
        )
    ]
    assert len(wanted) == 7
    for paragraph in wanted:
        looks = run_looks(minutes, paragraph)
        assert all(r.size_pt == 14 and not r.bold and not r.italic for r in looks), paragraph.text
        assert paragraph_property(minutes, paragraph, "jc", "w:val") == "both"


def test_the_vote_table(minutes: Document) -> None:
    votes = minutes.tables[1]
    rows = [[c.text for c in row.cells] for row in votes.rows]
    assert rows[0] == ["STT", "Tên cá nhân/tập thể", "Hình thức khen thưởng", "Tỷ lệ phiếu (%)"]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4"]
    assert [row[3] for row in rows[1:]] == ["100", "100", "85,7", "71,4"]
    heading = votes.rows[0].cells[0].paragraphs[0]
    assert all(r.bold for r in run_looks(minutes, heading))


def test_thu_ky_signs_left_and_chu_toa_right(minutes: Document) -> None:
    table = signature_table(minutes)
    left, right = table.cell(0, 0), table.cell(0, 1)
    assert [p.text for p in left.paragraphs if p.text] == ["THƯ KÝ", "Lê Minh Tuấn"]
    assert [p.text for p in right.paragraphs if p.text] == ["CHỦ TỌA", "Trần Thị Hồng"]
    for cell in (left, right):
        title, name = (p for p in cell.paragraphs if p.text)
        for paragraph in (title, name):
            looks = run_looks(minutes, paragraph)
            assert all(r.bold and r.size_pt == 14 and not r.italic for r in looks)
            assert paragraph_property(minutes, paragraph, "jc", "w:val") == "center"
        # Room to sign between the title and the name.
        gap = paragraph_property(minutes, name, "spacing", "w:before")
        assert gap is not None and int(gap) >= 36 * 20
    # No agency signer: no authority line (KT., TM.) anywhere.
    assert by_style(minutes, "ND30QuyenHan") == []


def test_noi_nhan_stands_under_the_secretary(minutes: Document) -> None:
    table = signature_table(minutes)
    cell = table.cell(1, 0)
    texts = [p.text for p in cell.paragraphs if p.text]
    assert texts == [
        "Nơi nhận:",
        "- Thành viên Hội đồng;",
        "- Sở Nội vụ (để tổng hợp);",
        "- Lưu: VT, Hồ sơ.",
    ]
    label = cell.paragraphs[0]
    looks = run_looks(minutes, label)
    assert all(r.bold and r.italic and r.size_pt == 12 for r in looks)
    item = next(p for p in cell.paragraphs if p.text.startswith("- Lưu"))
    assert all(r.size_pt == 11 and not r.bold for r in run_looks(minutes, item))
    assert [p.text for p in table.cell(1, 1).paragraphs if p.text] == []


def test_the_example_passes_the_checker(rendered: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bien_ban.docx"
    path.write_bytes(rendered)
    findings = check(path)
    assert [f for f in findings if f.severity in {"error", "warning"}] == []
    assert {f.rule for f in findings if f.severity == "not_evaluated"} == set()
    not_applicable = {f.rule for f in findings if f.severity == "not_applicable"}
    assert {"minutes.signatures", "minutes.opening", "body.end_mark"}.isdisjoint(not_applicable)
    assert "date_line.missing" in not_applicable
    roles = detect(build_model(open_package(path)))
    assert roles.doc_type == "minutes"
    assert roles.secretary_name is not None and roles.secretary_name.text == "Lê Minh Tuấn"
    assert roles.chair_name is not None and roles.chair_name.text == "Trần Thị Hồng"
    assert roles.signer_name is roles.chair_name


def test_the_checker_finds_a_missing_signature_and_opening_line(
    rendered: bytes, tmp_path: Path
) -> None:
    """The same document with THƯ KÝ and "Địa điểm:" taken out fails the biên bản rules."""
    document = open_docx(rendered)
    for paragraph in all_paragraphs(document):
        if paragraph.text in {"THƯ KÝ", "Lê Minh Tuấn"} or paragraph.text.startswith("Địa điểm"):
            for run in paragraph.runs:
                run.text = ""
    path = tmp_path / "thieu.docx"
    document.save(str(path))
    errors = {(f.rule, f.expected) for f in check(path) if f.severity == "error"}
    assert ("minutes.opening", "Địa điểm: …") in errors
    assert any(rule == "minutes.signatures" and "THƯ KÝ" in want for rule, want in errors)


def test_the_checker_finds_the_signatures_swapped(rendered: bytes, tmp_path: Path) -> None:
    document = open_docx(rendered)
    table = signature_table(document)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left_texts = [p.text for p in left.paragraphs]
    for paragraph, text in zip(left.paragraphs, [p.text for p in right.paragraphs], strict=True):
        paragraph.runs[0].text = text
    for paragraph, text in zip(right.paragraphs, left_texts, strict=True):
        paragraph.runs[0].text = text
    path = tmp_path / "dao.docx"
    document.save(str(path))
    errors = [f for f in check(path) if f.rule == "minutes.signatures"]
    assert [f.found for f in errors] == ["CHỦ TỌA không ở bên phải THƯ KÝ"]


# --- the model's rules ---------------------------------------------------------------------------


def test_the_date_and_the_signer_come_from_the_meeting() -> None:
    document = validate(data())
    assert isinstance(document, Minutes)
    assert (document.date.year, document.date.month, document.date.day) == (2025, 9, 10)
    assert (document.signer.title, document.signer.name) == ("CHỦ TỌA", "Trần Thị Hồng")
    assert document.archive == ("VT", "Hồ sơ")
    given = validate(data(date="2025-09-11"))
    assert given.date.day == 11


def test_the_archive_line_defaults_to_mau_1_9() -> None:
    document = validate(data(archive=None))
    assert document.archive == ("VT", "Hồ sơ")


def test_a_chair_named_from_the_members() -> None:
    members = [
        *data()["members"],
        {"honorific": "Bà", "name": "Trần Thị Hồng", "position": "Chủ tịch Hội đồng"},
    ]
    document = validate(data(members=members, chair="Trần Thị Hồng"))
    assert isinstance(document, Minutes)
    assert document.chair_person.position == "Chủ tịch Hội đồng"
    names = [p.name for p in document.attendees()]
    assert names.count("Trần Thị Hồng") == 1 and names[0] == "Trần Thị Hồng"


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"end": "2025-09-10 08:00"}, "end", "the meeting ends after it starts"),
        (
            {"secretary": {"honorific": "Bà", "name": "trần thị hồng", "position": "Thư ký"}},
            "secretary",
            "are two people",
        ),
        ({"chair": "Nguyễn Văn Không"}, "chair", "is not one of the members"),
        ({"chair": "Võ Thị Kim Liên"}, "chair", "is marked absent"),
        ({"signer": {"title": "CHỦ TỊCH", "name": "Trần Thị Hồng"}}, "", "drop 'signer'"),
        ({"symbol": "HĐTĐKT"}, "symbol", "starts with 'BB-'"),
        ({"event": "hội họp"}, "event", "cuộc họp"),
    ],
)
def test_bad_minutes(changes: dict[str, Any], field: str, fragment: str) -> None:
    with pytest.raises(DataError) as caught:
        validate(data(**changes), "bien_ban.yaml")
    problems = caught.value.problems
    assert [p.field for p in problems] == [field], problems
    assert fragment in problems[0].message
    assert problems[0].source == "bien_ban.yaml"


def test_a_duplicate_member() -> None:
    members = data()["members"]
    with pytest.raises(DataError) as caught:
        validate(data(members=[*members, members[0]]))
    (problem,) = caught.value.problems
    assert problem.field == "members"
    assert "'Huỳnh Mạnh Thắng' is listed twice" in problem.message


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (dt.datetime(2025, 9, 10, 8, 0), "08 giờ 00 phút, ngày 10 tháng 9 năm 2025"),
        (dt.datetime(2025, 1, 5, 16, 45), "16 giờ 45 phút, ngày 05 tháng 01 năm 2025"),
        (dt.datetime(2025, 12, 31, 0, 5), "00 giờ 05 phút, ngày 31 tháng 12 năm 2025"),
    ],
)
def test_moment_text(moment: dt.datetime, text: str) -> None:
    assert moment_text(moment) == text


def test_a_hoi_nghi_closes_as_one() -> None:
    document = open_docx(tdkt_docs.render_bytes(data(event="hội nghị")))
    lines = body_texts(document)
    assert "Nội dung (theo diễn biến hội nghị):" in lines
    assert lines[-1] == "Hội nghị kết thúc vào 10 giờ 30 phút, ngày 10 tháng 9 năm 2025./."


def test_no_absent_member_no_vang_line() -> None:
    members = [m for m in data()["members"] if m.get("present", True)]
    document = open_docx(tdkt_docs.render_bytes(data(members=members)))
    lines = body_texts(document)
    assert not any(line.startswith("- Vắng") for line in lines)
    secretary = lines.index("Thành phần tham dự:") + len(members) + 2
    assert lines[secretary].startswith("- Ông Lê Minh Tuấn") and lines[secretary].endswith(".")


# --- built from a round, as the awards compile will -------------------------------------------


def test_a_round_builds_its_minutes_as_plain_fields() -> None:
    """The round's council (Person, Member) and the office defaults' ``minutes:`` section
    give every field a biên bản needs besides its number, trích yếu and body."""
    council = load_round(ROUND).round.council
    assert council.meeting is not None
    fields = {
        "type": "minutes",
        "office": read_office(EXAMPLES / "office.yaml"),
        "number": 7,
        "subject": "Họp Hội đồng Thi đua - Khen thưởng tỉnh xét đề nghị khen thưởng",
        "start": council.meeting.start,
        "end": council.meeting.end,
        "location": council.meeting.place,
        "chair": council.chair,
        "secretary": council.secretary,
        "members": list(council.members),
        "body": "| STT | Tên cá nhân/tập thể | Hình thức khen thưởng | Tỷ lệ phiếu (%) |\n"
        "|---|---|---|---|\n| 1 | Ông Nguyễn Văn An | Bằng khen | 85,7 |",
    }
    document = validate(fields, ROUND)
    assert isinstance(document, Minutes)
    assert document.symbol == "BB-HĐTĐKT"
    assert document.archive == ("VT", "Hồ sơ")
    assert [m.name for m in document.absentees()] == ["Võ Thị Kim Liên"]
    rendered = open_docx(tdkt_docs.render_bytes(document))
    assert "Số: 07/BB-HĐTĐKT" in [p.text for p in all_paragraphs(rendered)]
