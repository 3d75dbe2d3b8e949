"""The quyết định (Mẫu 1.2): read back element by element against ND30 and the model.

The examples are a real decision's structure (Quảng Bình, 10/2022, moved to Khánh Hòa) and
a decision with a 40-entry attached list. Every element is checked for its text, size,
bold/italic, alignment and indents, resolved through the styles as Word does.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from docx.oxml.ns import qn

import tdkt_docs
from tdkt_docs.batch import render_batch
from tdkt_docs.vietnamese import amount_to_words
from tests.conftest import EXAMPLES, example_data
from tests.docx_reading import (
    all_paragraphs,
    by_style,
    mm,
    open_docx,
    paragraph_property,
    run_looks,
    twips,
)

SIMPLE = EXAMPLES / "quyet_dinh_khen_thuong.yaml"
WITH_LIST = EXAMPLES / "quyet_dinh_danh_sach.yaml"


def data(path: Path = SIMPLE, **changes: Any) -> dict[str, Any]:
    loaded = example_data(path)
    loaded.update(changes)
    return loaded


def render(source: Any) -> Document:
    return open_docx(tdkt_docs.render_bytes(source))


@pytest.fixture(scope="module")
def simple() -> Document:
    return render(SIMPLE)


@pytest.fixture(scope="module")
def with_list() -> Document:
    return render(WITH_LIST)


def texts(document: Document, style: str) -> list[str]:
    return [p.text for p in by_style(document, style)]


def test_the_lines_of_the_quang_binh_structure_in_order(simple: Document) -> None:
    lines = [p.text for p in all_paragraphs(simple) if p.text.strip()]
    expected = [
        "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số:             /QĐ-UBND",
        "Khánh Hòa, ngày          tháng 10 năm 2022",
        "QUYẾT ĐỊNH",
        "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    ]
    assert [re.sub(" +", " ", line) for line in lines[: len(expected)]] == [
        re.sub(" +", " ", line) for line in expected
    ]
    rest = lines[len(expected) :]
    assert rest[3].startswith("Theo đề nghị của Giám đốc Sở Tư pháp") and rest[3].endswith(".")
    assert rest[4] == "QUYẾT ĐỊNH:"
    assert rest[5] == (
        "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 05 tập thể đã có thành "
        "tích xuất sắc trong 10 năm triển khai thực hiện Luật Phổ biến, giáo dục pháp luật trên "
        "địa bàn tỉnh, gồm:"
    )
    assert rest[6:11] == [
        "1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;",
        "2. Công an tỉnh;",
        "3. Phòng Tư pháp thành phố Nha Trang;",
        "4. Trường Chính trị tỉnh;",
        "5. Sở Tài nguyên và Môi trường.",
    ]
    assert rest[11].startswith("Điều 2. Chánh Văn phòng") and rest[11].endswith("thi hành./.")
    assert rest[12:] == [
        "Nơi nhận:",
        "- Như Điều 2;",
        "- Sở Tài chính;",
        "- Lưu: VT, NC.",
        "CHỦ TỊCH",
        "Nguyễn Văn Minh",
    ]


def _looks(document: Document, style: str) -> tuple[float, bool, bool]:
    paragraph = by_style(document, style)[0]
    looks = run_looks(document, paragraph)
    return looks[0].size_pt, all(r.bold for r in looks), all(r.italic for r in looks)


def _alignment(document: Document, style: str) -> str | None:
    return paragraph_property(document, by_style(document, style)[0], "jc", "w:val")


def test_each_element_looks_as_mau_1_2(simple: Document) -> None:
    assert texts(simple, "ND30TenLoai") == ["QUYẾT ĐỊNH"]
    assert _looks(simple, "ND30TenLoai") == (14, True, False)
    assert _looks(simple, "ND30TrichYeu") == (14, True, False)
    assert _looks(simple, "ND30ThamQuyen") == (14, True, False)
    assert _looks(simple, "ND30QuyetDinhLenh") == (14, True, False)
    assert _looks(simple, "ND30CanCu") == (14, False, True)
    for style in ("ND30TenLoai", "ND30TrichYeu", "ND30ThamQuyen", "ND30QuyetDinhLenh"):
        assert _alignment(simple, style) == "center", style
    for style in ("ND30CanCu", "ND30Dieu", "ND30DieuMuc"):
        assert _alignment(simple, style) == "both", style
        paragraph = by_style(simple, style)[0]
        indent = twips(paragraph_property(simple, paragraph, "ind", "w:firstLine"))
        assert abs(mm(indent) - 10) < 0.1, style
        before = twips(paragraph_property(simple, paragraph, "spacing", "w:before"))
        assert before >= 120, style  # at least 6 pt between paragraphs
    authority = by_style(simple, "ND30ThamQuyen")[0]
    assert authority.text == authority.text.upper()
    assert twips(paragraph_property(simple, authority, "spacing", "w:before")) >= 240


def test_basis_lines_end_with_a_semicolon_and_the_proposal_with_a_stop(simple: Document) -> None:
    bases = texts(simple, "ND30CanCu")
    assert all(line.startswith("Căn cứ") and line.endswith(";") for line in bases[:-1])
    assert bases[-1].startswith("Theo đề nghị") and bases[-1].endswith(".")


def test_article_numbers_are_bold_and_the_text_is_not(simple: Document) -> None:
    for paragraph in by_style(simple, "ND30Dieu"):
        looks = run_looks(simple, paragraph)
        assert re.fullmatch(r"Điều \d+\.", looks[0].text) and looks[0].bold
        assert not any(r.bold for r in looks[1:])
    last = [
        p.text
        for p in all_paragraphs(simple)
        if p.style.name in {"ND30 Điều", "ND30 Điều danh sách"}
    ][-1]
    assert last.endswith("./.") and not last.endswith("../.")


def test_the_attached_list_is_its_own_section_numbered_from_one(with_list: Document) -> None:
    sections = with_list.sections
    assert len(sections) == 2
    list_section = sections[1]
    assert list_section.page_width < list_section.page_height  # portrait
    pg = list_section._sectPr.find(qn("w:pgNumType"))
    assert pg is not None and pg.get(qn("w:start")) == "1"
    assert texts(with_list, "ND30PhuLuc") == ["DANH SÁCH"]
    assert texts(with_list, "ND30PhuLucTen") == [
        "CÁC TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    ]
    (reference,) = texts(with_list, "ND30PhuLucKemTheo")
    assert re.fullmatch(
        r"\(Kèm theo Quyết định số +/QĐ-UBND ngày +tháng 01 năm 2024 của Chủ tịch Ủy ban nhân "
        r"dân tỉnh Khánh Hòa\)",
        reference,
    )


def test_the_counts_of_article_1_are_those_of_the_list(with_list: Document) -> None:
    source = data(WITH_LIST)
    individuals = len(source["award"]["individuals"])
    collectives = len(source["award"]["collectives"])
    first = by_style(with_list, "ND30Dieu")[0].text
    assert f"cho {individuals} cá nhân và {collectives} tập thể đã có thành tích" in first
    assert first.endswith("(có danh sách kèm theo).")
    table = with_list.tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == [
        "STT",
        "Họ và tên / Tên tập thể, hộ gia đình",
        "Chức vụ, đơn vị",
        "Hình thức",
    ]
    groups = [row for row in rows[1:] if row[0] in {"I", "II", "III"}]
    assert [g[:2] for g in groups] == [["I", "Cá nhân"], ["II", "Tập thể"]]
    numbers = [row[0] for row in rows[1:] if row[0] not in {"I", "II"}]
    assert numbers == [str(n) for n in range(1, individuals + 1)] + [
        str(n) for n in range(1, collectives + 1)
    ]  # numbering restarts in each group
    group_row = table.rows[1]
    assert all(run.bold for cell in group_row.cells for p in cell.paragraphs for run in p.runs)


def test_a_short_attached_list_is_written_as_lines(tmp_path: Path) -> None:
    source = data(WITH_LIST)
    source["award"]["individuals"] = source["award"]["individuals"][:3]
    source["award"]["collectives"] = source["award"]["collectives"][:2]
    document = render(source)
    assert texts(document, "ND30DanhSachNhom") == ["I. Cá nhân", "II. Tập thể"]
    entries = texts(document, "ND30DanhSachMuc")
    assert entries[0] == "1. Ông Nguyễn Văn An, Trưởng phòng Ngân sách, Sở Tài chính;"
    assert entries[2].endswith(".") and entries[3].startswith("1. ")
    assert entries[-1].endswith("./.")
    source["attachment"]["layout"] = "table"
    assert len(render(source).tables) == 3  # header, signature, the list


RULE = "Tiền thưởng thực hiện theo quy định hiện hành."


@pytest.mark.parametrize(
    ("money", "expected"),
    [
        (None, None),
        (
            "Tiền thưởng thực hiện theo quy định hiện hành.",
            "Tiền thưởng thực hiện theo quy định hiện hành.",
        ),
        (
            {"collective": 7_020_000, "source": "Quỹ thi đua, khen thưởng tỉnh"},
            "Mỗi tập thể được thưởng 7.020.000 đồng (Bảy triệu không trăm hai mươi nghìn đồng). "
            "Kinh phí khen thưởng trích từ Quỹ thi đua, khen thưởng tỉnh.",
        ),
    ],
    ids=["none", "rule", "amount"],
)
def test_the_money_sentence(money: Any, expected: str | None) -> None:
    source = data()
    if money is not None:
        source["award"]["money"] = money
        source["distribution"] = ["Như Điều 3", "Sở Tài chính"]
    articles = texts(render(source), "ND30Dieu")
    if expected is None:
        assert len(articles) == 2
    else:
        assert articles[1] == f"Điều 2. {expected}"
        assert articles[2].startswith("Điều 3. Chánh Văn phòng")
    assert amount_to_words(7_020_000) == "Bảy triệu không trăm hai mươi nghìn đồng"


def test_amounts_are_needed_for_every_group() -> None:
    source = data(WITH_LIST)
    source["award"]["money"] = {"individual": 3_510_000}
    with pytest.raises(tdkt_docs.DataError, match="give the amount for each tập thể"):
        tdkt_docs.validate(source)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"articles": []}, "articles", "must have at least 1 item"),
        ({"distribution": ["Như Điều 3"]}, "", "names Điều 3, but the decision has 2 articles"),
        (
            {"authority": "Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa"},
            "authority",
            "expected capitals",
        ),
        ({"authority": "KT. CHỦ TỊCH"}, "authority", "belongs to the signer"),
        ({"bases": ["Luật Thi đua, khen thưởng"]}, "bases[0]", "starts with 'Căn cứ'"),
        ({"symbol": "UBND"}, "symbol", "starts with 'QĐ-'"),
        ({"subject": "Về việc tặng Bằng khen"}, "subject", "without 'V/v'"),
        ({"distribution": ["Như trên"]}, "distribution", "starts with 'Như Điều N'"),
    ],
)
def test_refusals(changes: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate(data(**changes))
    assert any(p.field == field and message in p.message for p in caught.value.problems), [
        str(p) for p in caught.value.problems
    ]


def test_an_empty_group_is_refused() -> None:
    source = data()
    source["award"]["individuals"] = []
    with pytest.raises(tdkt_docs.DataError) as caught:
        tdkt_docs.validate(source)
    (problem,) = caught.value.problems
    assert problem.field == "award.individuals"
    assert "must have at least 1 item" in problem.message


def test_one_decision_per_row_of_a_csv(tmp_path: Path) -> None:
    base = data()
    base["award"]["collectives"] = ["{{ row.don_vi }}"]
    base["subject"] = "tặng Bằng khen cho {{ row.don_vi }}"
    rows = tmp_path / "don_vi.csv"
    rows.write_text("don_vi\nCông an tỉnh\nSở Y tế\nTrường Chính trị tỉnh\n", "utf-8")
    result = render_batch(base, rows, tmp_path / "out")
    assert len(result.written) == 3
    second = open_docx(result.written[1].read_bytes())
    assert "cho 01 tập thể" in texts(second, "ND30Dieu")[0]
    assert texts(second, "ND30DieuMuc") == ["1. Sở Y tế."]
    assert texts(second, "ND30TrichYeu") == ["Về việc tặng Bằng khen cho Sở Y tế"]


def test_an_independent_reader_finds_the_quang_binh_lines_in_order() -> None:
    """docx2python (not python-docx, which built the file) reads the structure of the real
    Quảng Bình decision (tdkt-awards.md §2.2 a) in order."""
    import io

    from docx2python import docx2python

    with docx2python(io.BytesIO(tdkt_docs.render_bytes(SIMPLE))) as content:
        lines = [re.sub(r"\s+", " ", line).strip() for line in content.text.split("\n")]
    lines = [line for line in lines if line]
    structure = [
        "ỦY BAN NHÂN DÂN",
        "TỈNH KHÁNH HÒA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: /QĐ-UBND",
        "Khánh Hòa, ngày tháng 10 năm 2022",
        "QUYẾT ĐỊNH",
        "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, Khen thưởng;",
        "QUYẾT ĐỊNH:",
        "1. Phòng Phổ biến, giáo dục pháp luật, Sở Tư pháp;",
        "5. Sở Tài nguyên và Môi trường.",
        "Nơi nhận:",
        "- Như Điều 2;",
        "CHỦ TỊCH",
        "Nguyễn Văn Minh",
    ]
    position = -1
    for expected in structure:
        assert expected in lines[position + 1 :], f"missing or out of order: {expected!r}"
        position = lines.index(expected, position + 1)
    assert any(line.startswith("Điều 1. Tặng Bằng khen") for line in lines)
    assert any(
        line.startswith("Điều 2. Chánh Văn phòng") and line.endswith("./.") for line in lines
    )
