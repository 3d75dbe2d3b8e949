"""The checker on quyết định and tờ trình: hand-made files (no ND30 styles) read by text and
position, centred headings never judged as body text, merged print files of decisions.

Our own output is covered by the fault corpus (test_checker_faults.py) and the official
Mẫu 1.2 by test_checker_official.py.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph

import tdkt_docs
from tdkt_docs.batch.merge import merge_documents
from tdkt_docs.checker import check, check_package_bytes
from tdkt_docs.checker.detect import detect
from tdkt_docs.checker.model import build_model
from tdkt_docs.checker.package import read_package
from tdkt_docs.checker.rules import Finding
from tdkt_docs.ooxml import element_of
from tdkt_docs.roles import ROLE_BY_STYLE_ID
from tests.conftest import DATA, SEED_EXAMPLE
from tests.docx_reading import by_style
from tests.test_checker_faults import GOOD_DOCUMENTS
from tests.test_checker_handmade import _fonts, _line, handmade, not_about

CENTRE = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
PROPOSAL = (
    "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 415/TTr-SNV ngày 12 tháng 10 năm 2022."
)
REFERENCE = (
    "(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 10 năm 2022 của Chủ tịch Ủy ban nhân dân "
    "tỉnh Khánh Hòa)"
)


@dataclass(frozen=True)
class Decision:
    """A quyết định as a clerk types it in Word: plain paragraphs, direct formatting."""

    extract: tuple[str, ...] = ("Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",)
    """The trích yếu, a paragraph per line as some clerks type it."""
    authority: str | None = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"
    authority_continued: str | None = None
    """A second line of the authority, typed as a paragraph of its own."""
    authority_align: WD_ALIGN_PARAGRAPH = CENTRE
    authority_bold: bool = True
    bases: tuple[str, ...] = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        PROPOSAL,
    )
    basis_italic: bool = True
    operative: str | None = "QUYẾT ĐỊNH:"
    operative_align: WD_ALIGN_PARAGRAPH = CENTRE
    articles: tuple[tuple[str, str], ...] = (
        ("Điều 1.", "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể, gồm:"),
        ("", "1. Phòng Tư pháp thành phố Nha Trang;"),
        ("", "2. Trường Chính trị tỉnh."),
        (
            "Điều 2.",
            "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ và các tập thể có tên tại "
            "Điều 1 căn cứ Quyết định thi hành./.",
        ),
    )
    distribution: tuple[str, ...] = ("- Như Điều 2;", "- Sở Tài chính;", "- Lưu: VT, NC.")
    headings: tuple[str, ...] = ()
    """Centred lines typed between the căn cứ and "QUYẾT ĐỊNH:" (none in a real one)."""
    attached: bool = True
    reference: str | None = REFERENCE
    reference_italic: bool = True
    extra_body: tuple[tuple[str, WD_ALIGN_PARAGRAPH], ...] = ()
    """Body paragraphs after the articles, each with its alignment."""


def _body_paragraph(document: docx.document.Document, text: str, **look: bool) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.space_after = Pt(0)
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(14)
        run.bold = look.get("bold", False)
        run.italic = look.get("italic", False)
    return paragraph


def handmade_decision(spec: Decision | None = None) -> bytes:
    spec = spec or Decision()
    document = docx.Document()
    _fonts(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    header = document.add_table(rows=2, cols=2)
    for column, width in zip(header.columns, (6.0, 10.0), strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    _line(header.cell(0, 0), "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA", 13, bold=True, border=True)
    _line(header.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    _line(header.cell(0, 1), "Độc lập - Tự do - Hạnh phúc", 13, bold=True, border=True)
    _line(header.cell(1, 0), "Số: 15/QĐ-UBND", 13)
    _line(header.cell(1, 1), "Khánh Hòa, ngày 05 tháng 10 năm 2022", 13, italic=True)
    _line(document, "QUYẾT ĐỊNH", 14, bold=True)
    for line in spec.extract:
        _line(document, line, 14, bold=True)
    _line(document, "", 14, border=True)
    if spec.authority is not None:
        _line(document, spec.authority, 14, bold=spec.authority_bold, align=spec.authority_align)
    if spec.authority_continued is not None:
        _line(document, spec.authority_continued, 14, bold=True)
    for basis in spec.bases:
        _body_paragraph(document, basis, italic=spec.basis_italic)
    for heading in spec.headings:
        _line(document, heading, 14, bold=True)
    if spec.operative is not None:
        _line(document, spec.operative, 14, bold=True, align=spec.operative_align)
    for number, text in spec.articles:
        paragraph = _body_paragraph(document, "")
        if number:
            lead = paragraph.add_run(number + " ")
            lead.bold = True
            lead.font.size = Pt(14)
        paragraph.add_run(text).font.size = Pt(14)
    for text, align in spec.extra_body:
        _body_paragraph(document, text).alignment = align
    signature = document.add_table(rows=1, cols=2)
    left, right = signature.rows[0].cells
    _line(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
    for item in spec.distribution:
        _line(left, item, 11, align=LEFT)
    _line(right, "CHỦ TỊCH", 14, bold=True)
    _line(right, "", 14)
    _line(right, "Nguyễn Văn Minh", 14, bold=True)
    if spec.attached:
        document.add_section(WD_SECTION.NEW_PAGE)
        _line(document, "DANH SÁCH", 14, bold=True)
        _line(document, "CÁC TẬP THỂ ĐƯỢC TẶNG BẰNG KHEN", 14, bold=True)
        if spec.reference is not None:
            _line(document, spec.reference, 14, italic=spec.reference_italic)
        _body_paragraph(document, "1. Phòng Tư pháp thành phố Nha Trang;")
        _body_paragraph(document, "2. Trường Chính trị tỉnh./.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _reported(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings if f.severity in {"error", "warning"}}


def _describe(findings: list[Finding]) -> str:
    return "\n".join(
        f"  {f.severity} {f.rule} at {f.where}: {f.found!r} / {f.expected!r}"
        for f in findings
        if f.severity != "not_applicable"
    )


def test_a_correct_handmade_decision_passes() -> None:
    findings = check_package_bytes(handmade_decision(), "quyet-dinh.docx")
    assert _reported(findings) == set(), _describe(findings)
    # No page number field in the hand-made file; everything else is evaluated.
    assert {f.rule for f in findings if f.severity == "not_evaluated"} == {"page_number.position"}
    not_applicable = {f.rule for f in findings if f.severity == "not_applicable"}
    # A UBND has no cơ quan chủ quản; a quyết định has no Kính gửi.
    assert not_applicable == not_about("decision") | {
        "parent_agency.format",
        "kinh_gui.punctuation",
    }


def test_the_handmade_decision_is_read_element_by_element() -> None:
    roles = detect(build_model(read_package(handmade_decision(), "quyet-dinh.docx")))
    assert roles.doc_type == "decision"
    assert roles.issuing_authority is not None
    assert roles.issuing_authority.text == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"
    assert [p.text[:12] for p in roles.basis] == ["Căn cứ Luật ", "Căn cứ Luật ", "Theo đề nghị"]
    assert roles.operative is not None and roles.operative.text == "QUYẾT ĐỊNH:"
    assert [p.text[:7] for p in roles.articles] == ["Điều 1.", "Điều 2."]
    assert roles.closing is not None and roles.closing.text.endswith("thi hành./.")
    (part,) = roles.attachments
    assert part.label is not None and part.label.text == "DANH SÁCH"
    assert part.title is not None and part.title.text == "CÁC TẬP THỂ ĐƯỢC TẶNG BẰNG KHEN"
    assert part.reference is not None and part.reference.text == REFERENCE
    # The authority line and "QUYẾT ĐỊNH:" are not body text; the list is not the body.
    body = [p.text[:7] for p in roles.body]
    assert body == ["Căn cứ ", "Căn cứ ", "Theo đề", "Điều 1.", "1. Phòn", "2. Trườ", "Điều 2."]


@pytest.mark.parametrize(
    "spec",
    [
        Decision(
            extract=(
                "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể,",
                "cá nhân có thành tích xuất sắc trong phong trào thi đua năm 2023",
            )
        ),
        Decision(
            authority="CHỦ TỊCH ỦY BAN NHÂN DÂN",
            authority_continued="TỈNH KHÁNH HÒA",
        ),
    ],
    ids=["extract-on-two-lines", "authority-on-two-lines"],
)
def test_lines_a_clerk_breaks_by_hand_are_read_as_one(spec: Decision) -> None:
    data = handmade_decision(spec)
    findings = check_package_bytes(data, "quyet-dinh.docx")
    assert _reported(findings) == set(), _describe(findings)
    roles = detect(build_model(read_package(data, "quyet-dinh.docx")))
    assert roles.issuing_authority is not None
    assert roles.issuing_authority.text == spec.authority
    assert [p.text[:6] for p in roles.body][:3] == ["Căn cứ", "Căn cứ", "Theo đ"]


LAST_ARTICLE = Decision().articles[-1]
HANDMADE_FAULTS = {
    "authority_left_aligned": (Decision(authority_align=LEFT), "issuing_authority.format"),
    "authority_not_bold": (Decision(authority_bold=False), "issuing_authority.format"),
    "authority_missing": (Decision(authority=None), "issuing_authority.missing"),
    "bases_upright": (Decision(basis_italic=False), "basis.format"),
    "proposal_ends_with_semicolon": (
        Decision(bases=(*Decision().bases[:2], PROPOSAL[:-1] + ";")),
        "basis.punctuation",
    ),
    "operative_in_normal_case": (Decision(operative="Quyết định:"), "operative.format"),
    "operative_left_aligned": (Decision(operative_align=LEFT), "operative.format"),
    "operative_missing": (Decision(operative=None), "operative.missing"),
    "article_without_dot": (
        Decision(articles=(*Decision().articles[:3], ("Điều 2", LAST_ARTICLE[1]))),
        "article.number",
    ),
    "articles_numbered_twice": (
        Decision(articles=(*Decision().articles[:3], ("Điều 1.", LAST_ARTICLE[1]))),
        "article.number",
    ),
    "no_end_mark": (
        Decision(articles=(*Decision().articles[:3], ("Điều 2.", LAST_ARTICLE[1][:-3] + "."))),
        "body.end_mark",
    ),
    "nhu_tren_in_a_decision": (
        Decision(distribution=("- Như trên;", "- Lưu: VT, NC.")),
        "noi_nhan.nhu_dieu",
    ),
    "reference_upright": (Decision(reference_italic=False), "attachment.reference"),
    "reference_missing": (Decision(reference=None), "attachment.reference"),
    "reference_without_issuer": (
        Decision(reference=REFERENCE.split(" của ")[0] + ")"),
        "attachment.reference",
    ),
}
"""A hand-made decision spoilt in one way, and the one rule that must report it."""
HIDDEN = {
    "issuing_authority.missing": {"issuing_authority.format"},
    "operative.missing": {"operative.format"},
}


@pytest.mark.parametrize("name", sorted(HANDMADE_FAULTS))
def test_a_handmade_decision_fault_is_found_by_its_rule_alone(name: str) -> None:
    spec, rule = HANDMADE_FAULTS[name]
    findings = check_package_bytes(handmade_decision(spec), f"{name}.docx")
    assert _reported(findings) == {rule}, _describe(findings)
    not_evaluated = {f.rule for f in findings if f.severity == "not_evaluated"}
    assert not_evaluated == {"page_number.position"} | HIDDEN.get(rule, set())


# --- a hand-made tờ trình ----------------------------------------------------------------

SUBMISSION_BODY = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;",
    "Xét đề nghị của Giám đốc Sở Tư pháp, Sở Nội vụ đã thẩm định hồ sơ, kết quả như sau:",
    "Hồ sơ đề nghị khen thưởng đảm bảo đúng thủ tục theo quy định.",
    "Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.",
)


def handmade_submission(body: tuple[str, ...] = SUBMISSION_BODY) -> bytes:
    """The hand-made letter of test_checker_handmade turned into a tờ trình: "TỜ TRÌNH" and
    its trích yếu in place of the "V/v" line, the căn cứ opening the body."""
    document = docx.Document(io.BytesIO(handmade(body=body)))
    subject = next(p for p in document.tables[0].cell(1, 0).paragraphs if p.text.startswith("V/v"))
    element = element_of(subject)
    element.getparent().remove(element)
    kinh_gui = next(p for p in document.paragraphs if p.text.startswith("Kính gửi"))
    for text in ("TỜ TRÌNH", "Đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"):
        paragraph = kinh_gui.insert_paragraph_before()
        paragraph.alignment = CENTRE
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(14)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_correct_handmade_submission_passes() -> None:
    data = handmade_submission()
    findings = check_package_bytes(data, "to-trinh.docx")
    assert _reported(findings) == set(), _describe(findings)
    assert {f.rule for f in findings if f.severity == "not_evaluated"} == {"page_number.position"}
    roles = detect(build_model(read_package(data, "to-trinh.docx")))
    assert roles.doc_type == "submission"
    assert [p.text[:10] for p in roles.basis] == ["Căn cứ Luậ", "Căn cứ Ngh"]
    assert roles.closing is not None and roles.closing.text == SUBMISSION_BODY[-1]


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ((SUBMISSION_BODY[0].rstrip(";"), *SUBMISSION_BODY[1:]), "basis.punctuation"),
        ((*SUBMISSION_BODY[:-1], SUBMISSION_BODY[-1].replace("./.", ".")), "body.end_mark"),
    ],
    ids=["basis-without-semicolon", "no-end-mark"],
)
def test_a_handmade_submission_fault_is_found_by_its_rule_alone(
    body: tuple[str, ...], rule: str
) -> None:
    findings = check_package_bytes(handmade_submission(body), "to-trinh.docx")
    assert _reported(findings) == {rule}, _describe(findings)


# --- centred headings are not body text ----------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["I. KẾT QUẢ THỰC HIỆN", "Sở Nội vụ đề nghị như sau:", "Phần II", "CHƯƠNG TRÌNH CÔNG TÁC"],
)
def test_centred_headings_in_a_handmade_body_are_not_judged_as_body_text(heading: str) -> None:
    body = ("Sở Nội vụ đề nghị các đơn vị gửi danh sách.", heading, "Trân trọng./.")
    document = docx.Document(io.BytesIO(handmade(body=body)))
    (paragraph,) = [p for p in document.paragraphs if p.text == heading]
    paragraph.alignment = CENTRE
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph.paragraph_format.space_before = Pt(0)
    for run in paragraph.runs:
        run.bold = True  # "Phần II" is bold (heading.format, issue 14)
    buffer = io.BytesIO()
    document.save(buffer)
    findings = check_package_bytes(buffer.getvalue(), "heading.docx")
    assert _reported(findings) == set(), _describe(findings)
    roles = detect(build_model(read_package(buffer.getvalue(), "heading.docx")))
    assert heading not in [p.text for p in roles.body]


def test_a_centred_paragraph_of_body_text_is_still_body_text() -> None:
    """Only short lines in capitals or ending with ":" are headings: a centred sentence,
    or a centred paragraph in capitals longer than a heading, is reported."""
    long_capitals = "ĐỀ NGHỊ CÁC ĐƠN VỊ GỬI DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN VỀ SỞ NỘI VỤ " * 2
    for text in ("Sở Nội vụ đề nghị các đơn vị gửi danh sách.", long_capitals.strip()):
        spec = Decision(extra_body=((text, CENTRE),))
        findings = check_package_bytes(handmade_decision(spec), "centred.docx")
        justified = [f for f in findings if f.rule == "body.justified" and f.severity == "error"]
        assert [f.found for f in justified] == ["canh giữa"], text


def test_centred_headings_typed_between_the_bases_and_the_articles() -> None:
    spec = Decision(headings=("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",))
    findings = check_package_bytes(handmade_decision(spec), "quyet-dinh.docx")
    assert _reported(findings) == set(), _describe(findings)


def test_a_centred_heading_in_our_own_output_is_not_judged_as_body_text() -> None:
    """A user centres a body-styled paragraph of the seed and types a heading into it."""
    document = docx.Document(io.BytesIO(tdkt_docs.render_bytes(SEED_EXAMPLE)))
    paragraph = by_style(document, "ND30NoiDung")[1]
    paragraph.text = "II. TỔ CHỨC THỰC HIỆN"
    paragraph.alignment = CENTRE
    paragraph.paragraph_format.first_line_indent = Cm(0)
    buffer = io.BytesIO()
    document.save(buffer)
    findings = check_package_bytes(buffer.getvalue(), "seed.docx")
    assert _reported(findings) == set(), _describe(findings)


# --- merged print files of decisions -------------------------------------------------------


def test_a_merged_print_file_of_decisions_passes(tmp_path: Path) -> None:
    """Decisions with the list in Điều 1, attached as a table and as lines, and a tờ trình:
    each checked on its own, its attached list kept with it."""
    names = ["decision", "decision_list_table", "decision_list_lines", "submission", "decision"]
    paths = []
    for index, name in enumerate(names, start=1):
        data = GOOD_DOCUMENTS[name]()
        data["number"] = index
        path = tdkt_docs.render(data, tmp_path / f"{index}-{name}.docx")
        assert path is not None
        paths.append(path)
    findings = check(merge_documents(paths, tmp_path / "merged.docx"))
    assert [f for f in findings if f.severity not in {"not_applicable"}] == []
    assert {f.document for f in findings} == set(range(1, len(names) + 1))
    # Documents 2 and 3 have their list checked (a passing rule leaves no finding); the
    # others have nothing attached.
    nothing_attached = {f.document for f in findings if f.rule == "attachment.reference"}
    assert nothing_attached == {1, 4, 5}


def test_a_fault_in_a_merged_decision_names_it(tmp_path: Path) -> None:
    paths = []
    for index, spec in enumerate((Decision(), Decision(operative="QUYẾT ĐỊNH")), start=1):
        path = tmp_path / f"{index}.docx"
        path.write_bytes(handmade_decision(spec))
        paths.append(path)
    findings = check(merge_documents(paths, tmp_path / "merged.docx"))
    reported = sorted((f.document, f.rule) for f in findings if f.severity == "error")
    assert reported == [(2, "operative.format")]


# --- saved again by LibreOffice Writer ---------------------------------------------------------

LIBREOFFICE = DATA / "checker_libreoffice"
SAVED_BY_LIBREOFFICE = {
    # file: (type, articles, attached lists)
    "quyet_dinh_khen_thuong.docx": ("decision", 2, 0),
    "quyet_dinh_danh_sach_bang.docx": ("decision", 3, 1),
    "quyet_dinh_danh_sach_dong.docx": ("decision", 3, 1),
    "quyet_dinh_go_tay.docx": ("decision", 2, 1),
    "to_trinh_khen_thuong.docx": ("submission", 0, 0),
}


@pytest.mark.parametrize("name", sorted(SAVED_BY_LIBREOFFICE))
def test_files_saved_by_libreoffice_pass(name: str) -> None:
    """LibreOffice renames every ND30 style: the parts are found by text and position."""
    path = LIBREOFFICE / name
    model = build_model(read_package(path.read_bytes(), name))
    assert not {p.style_id for p in model.paragraphs} & set(ROLE_BY_STYLE_ID)
    findings = check(path)
    assert _reported(findings) == set(), _describe(findings)
    not_evaluated = {f.rule for f in findings if f.severity == "not_evaluated"}
    # The hand-made decision has no page numbers; LibreOffice keeps the others'.
    assert not_evaluated == ({"page_number.position"} if "go_tay" in name else set())
    doc_type, articles, attached = SAVED_BY_LIBREOFFICE[name]
    roles = detect(model)
    assert (roles.doc_type, len(roles.articles), len(roles.attachments)) == (
        doc_type, articles, attached,
    )  # fmt: skip
    if doc_type == "decision":
        assert roles.issuing_authority is not None and roles.operative is not None
        assert roles.issuing_authority.text.startswith("CHỦ TỊCH ỦY BAN NHÂN DÂN")
    assert roles.basis and roles.closing is not None and roles.closing.text.endswith("./.")


def test_the_libreoffice_fixtures_are_listed() -> None:
    assert sorted(p.name for p in LIBREOFFICE.glob("*.docx")) == sorted(SAVED_BY_LIBREOFFICE)
