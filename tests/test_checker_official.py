"""The checker on the official ND30 models (files nobody here wrote, tests/data/official).

The four Phụ lục files are guides, not letters, so the checker does report layout errors
in them. What it reports is pinned here (measured before the authority and legacy-text
rules of issue 11): a new rule must not cry wolf on the decree's own text, its
placeholders ("QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ") or its examples ("TM. ỦY BAN NHÂN DÂN",
"KT. BỘ TRƯỞNG"). Issue 12 changed three counts, each for a reason: note marks typed as
raised digits ("TÊN CƠ QUAN, TỔ CHỨC²") are no longer judged for weight (Phuluc3 lost its
agency.format error); a ký hiệu still in dots ("/NQ-…3...") is reported (Phuluc3 gained a
number.format error); centred headings ("Phần I", "Phần II") are not body text (Phuluc6
went from 5 body.justified, 3 body.indent and 3 body.spacing errors to 2, 0 and 1).
Issue 14: a run is judged by the fonts its text is shown in (ascii and hAnsi for Vietnamese),
not by its East Asian slot: Phuluc4 lost its 2 font.name errors (eastAsia "SimSun;宋体").
Text boxes are read once (mc:Choice, not again in mc:Fallback) and apart from the paragraph
they are anchored to: Phuluc4 lost its body.size error (the cover of the sổ đăng ký, drawn
in a text box, was read as part of "2. Nội dung đăng ký văn bản đi"). Space between
paragraphs is judged only between paragraphs set one under the other: Phuluc6 lost its
body.spacing error (a heading after a table and an empty line).

Mẫu 1.2 (quyết định), Mẫu 1.4 (văn bản có tên loại) and Mẫu 1.9 (biên bản), cut out of
Phụ lục III by cut_models.py, are documents: each is checked as one, and only its
placeholders (and, in Mẫu 1.9, the decree's own unformatted run) are reported.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from tdkt_docs.checker import Finding, check
from tdkt_docs.checker.detect import detect
from tdkt_docs.checker.legacy_text import legacy_passages
from tdkt_docs.checker.model import build_model
from tdkt_docs.checker.package import open_package
from tdkt_docs.cli import main
from tests.conftest import DATA

OFFICIAL = DATA / "official"

ERRORS = {
    # Issue 14: each Phụ lục file opens with "Phụ lục N" and "(Kèm theo Nghị định số …"
    # and has no header or signature of its own: it is read as an appendix, so the header,
    # Nơi nhận and signature rules no longer fire on the cells of its spec tables (Phuluc1
    # lost agency.*, authority.format, number.format, noi_nhan.label, signer.name,
    # tieu_ngu.rule; Phuluc6 quoc_hieu/tieu_ngu/agency/number.missing, noi_nhan.label,
    # signer.name), and the second line of its reference is no longer a date line (each lost
    # date_line.place). Its own text up to the first model it shows ("Mẫu 1.1", a quốc
    # hiệu) is its body (Phuluc1 gained body.spacing at 4 pt and its left-aligned "Sơ đồ"
    # lines; Phuluc3 lost body.missing and the dotted number of a model; Phuluc4 lost
    # subject.missing, noi_nhan.label and its register's "Số:" cell, and its text-box
    # paragraphs are now body text, which the formatting branch reads once).
    # Section headings in capitals ("I. QUY ĐỊNH CHUNG") are not body text either.
    # With the formatting fixes merged (text boxes read apart, spacing judged against the
    # line just above): Phuluc1 keeps 7 body.spacing errors at 4 pt, Phuluc4 its few body
    # errors of its own text. The "50 mm" over Phụ lục IV's model stamp, pushed right with
    # tabs, is a placed label, not body text (Phuluc4 lost a body.size, a body.justified and
    # a body.spacing error; its two left-aligned lines remain, true).
    "Phuluc1.docx": {"body.justified": 1, "body.spacing": 7, "page.margins": 1},
    "Phuluc3.docx": {"font.name": 10},
    "Phuluc4.docx": {"body.justified": 2, "page.margins": 1},
    "Phuluc6.docx": {"font.name": 3},
}


@pytest.mark.parametrize("name", sorted(ERRORS))  # the four Phụ lục files
def test_official_models_report_what_they_did(name: str) -> None:
    findings = check(OFFICIAL / name)
    errors = Counter(f.rule for f in findings if f.severity == "error")
    assert dict(errors) == ERRORS[name]
    assert {f.document for f in findings} == {1}, "one document per file (no section split)"


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_the_phu_luc_files_are_read_as_appendices(name: str) -> None:
    """No header, Nơi nhận or signature is asked of a Phụ lục: those rules do not apply."""
    findings = check(OFFICIAL / name)
    assert detect(build_model(open_package(OFFICIAL / name))).doc_type == "appendix"
    not_applicable = {f.rule for f in findings if f.severity == "not_applicable"}
    assert {"quoc_hieu.missing", "number.missing", "authority.text", "signer.missing"} <= (
        not_applicable
    )
    assert "attachment.reference" not in not_applicable


@pytest.mark.parametrize("path", sorted(OFFICIAL.glob("*.docx")), ids=lambda p: p.name)
def test_no_legacy_text_in_the_official_models(path: Path) -> None:
    model = build_model(open_package(path))
    paragraphs = [*model.paragraphs, *(p for ps in model.headers.values() for p in ps)]
    assert len(paragraphs) > (200 if path.name.startswith("Phuluc") else 40)
    assert [p.where for p in paragraphs if list(legacy_passages([r.text for r in p.runs]))] == []


# --- the models cut out of Phụ lục III -------------------------------------------------------

DECISION_MODEL = OFFICIAL / "mau_1_2_quyet_dinh.docx"
NAMED_MODEL = OFFICIAL / "mau_1_4_van_ban_co_ten_loai.docx"
NUMBER_CELL = "bảng 1, hàng 1, ô 1"
DATE_CELL = "bảng 1, hàng 1, ô 2"
PLACEHOLDERS = [
    ("number.format", f"{NUMBER_CELL}: «Số: /QĐ-…3...»", "QĐ-…3..."),
    ("date_line.format", f"{DATE_CELL}: «…4..., ngày …… tháng …. năm ……»",
     "…4..., ngày …… tháng …. năm ……"),
    ("date_line.place", f"{DATE_CELL}: «…4..., ngày …… tháng …. năm ……»", "…4..."),
]  # fmt: skip
"""What the checker reports on Mẫu 1.2: the ký hiệu, the place and the date still in dots."""


def _pinned(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.rule, f.where, f.found) for f in findings if f.severity in {"error", "warning"}]


def _rules(findings: list[Finding], severity: str) -> set[str]:
    return {f.rule for f in findings if f.severity == severity}


@pytest.mark.parametrize("doc_type", ["decision", "auto"])
def test_the_official_decision_model_reports_only_its_placeholders(doc_type: str) -> None:
    findings = check(DECISION_MODEL, doc_type)
    assert _pinned(findings) == PLACEHOLDERS
    # Every other rule was evaluated and passed: the authority line, the căn cứ, "QUYẾT
    # ĐỊNH:", the articles and the headings included. Only what a quyết định does not have
    # (V/v, Kính gửi, an attached list) and the rules of a sổ đăng ký and of a money table are not
    # applicable.
    assert _rules(findings, "not_evaluated") == set()
    assert _rules(findings, "not_applicable") == {
        "subject.missing", "subject.style", "kinh_gui.punctuation", "attachment.reference",
        "register.cover", "register.columns", "register.orientation", "money_table.title",
        "money_table.columns", "money_table.total", "minutes.signatures", "minutes.opening",
        "scope.party",
    }  # fmt: skip


def test_the_cli_on_the_official_decision_model(capsys: pytest.CaptureFixture[str]) -> None:
    """`tdkt-docs check --type decision mau_1_2_quyet_dinh.docx`: exit 1 (the placeholders
    are errors), and the table names their three rules and nothing else."""
    assert main(["check", "--type", "decision", "--json", str(DECISION_MODEL)]) == 1
    report = json.loads(capsys.readouterr().out)["files"][str(DECISION_MODEL)]
    shown = [(f["rule"], f["where"], f["found"]) for f in report if f["severity"] == "error"]
    assert shown == PLACEHOLDERS
    assert main(["check", "--type", "decision", str(DECISION_MODEL)]) == 1
    out = capsys.readouterr().out
    assert "3 lỗi, 0 cảnh báo, 0 quy tắc không đánh giá được" in out


def test_the_official_decision_model_is_read_element_by_element() -> None:
    """By text and position alone (the model has no ND30 styles)."""
    roles = detect(build_model(open_package(DECISION_MODEL)))
    assert roles.doc_type == "decision"
    assert roles.issuing_authority is not None
    assert roles.issuing_authority.unmarked_text == "THẨM QUYỀN BAN HÀNH"
    assert [p.text.split(" ")[0] for p in roles.basis] == ["Căn", "Căn", "Theo"]
    assert roles.operative is not None and roles.operative.text == "QUYẾT ĐỊNH:"
    assert [p.text[:6] for p in roles.articles] == ["Điều 1", "Điều …"]
    assert roles.closing is not None and roles.closing.text.endswith("./.")
    assert roles.noi_nhan_items[0].text == "- Như Điều....;"
    # The headings are not body text: the body is the căn cứ and the articles.
    assert [p.text[:6] for p in roles.body] == [
        "Căn cứ", "Căn cứ", "Theo đ", "Điều 1", "Điều …", "\t.....",
    ]  # fmt: skip


def test_the_official_named_model() -> None:
    """Mẫu 1.4: the type name is the placeholder "TÊN LOẠI VĂN BẢN"; its trích yếu is set
    not bold in the decree's own file (Phụ lục I, mục II.5.b asks for bold)."""
    findings = check(NAMED_MODEL)
    model_placeholders = [
        ("number.format", f"{NUMBER_CELL}: «Số: /…3...-...4...»", "…3...-...4..."),
        ("date_line.format", f"{DATE_CELL}: «....... 5 ......., ngày …… tháng …… năm ……»",
         "....... 5 ......., ngày …… tháng …… năm ……"),
        ("date_line.place", f"{DATE_CELL}: «....... 5 ......., ngày …… tháng …… năm ……»",
         "....... 5 ......."),
    ]  # fmt: skip
    title = ("title.style", "đoạn 12: «......... 7 ........»", "cỡ 14, không đậm, đứng")
    assert _pinned(findings) == [*model_placeholders, title]
    assert _rules(findings, "not_evaluated") == set()
    assert detect(build_model(open_package(NAMED_MODEL))).doc_type == "named"
    # Read as a tờ trình, it lacks only the Kính gửi a tờ trình is sent with; its content
    # ends with "./." alone on the last line.
    as_submission = check(NAMED_MODEL, "submission")
    assert _pinned(as_submission) == [*model_placeholders, title]
    assert _rules(as_submission, "not_evaluated") == {"kinh_gui.punctuation"}
    assert "body.end_mark" not in _rules(as_submission, "not_applicable")


def test_the_cut_models_are_what_the_script_makes() -> None:
    """tests/data/official/cut_models.py rebuilds the committed files byte for byte."""
    spec = importlib.util.spec_from_file_location("cut_models", OFFICIAL / "cut_models.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    for name, (start, stop) in script.MODELS.items():
        assert script.cut(OFFICIAL / "Phuluc3.docx", start, stop) == (OFFICIAL / name).read_bytes()


MINUTES_MODEL = OFFICIAL / "mau_1_9_bien_ban.docx"


def test_the_official_minutes_model() -> None:
    """Mẫu 1.9 is read as a biên bản: no date line is asked for (the model has none), THƯ KÝ
    (left) and CHỦ TỌA (right) are found with the "Họ và tên" under each, and the opening
    lines are there. What is reported is the decree's own file: the ký hiệu in dots, and the
    closing line's last run " năm …../." typed without a font (Calibri 11)."""
    findings = check(MINUTES_MODEL)
    closing = "đoạn 21: «Cuộc họp (hội nghị, hội thảo) kết thúc vào …. giờ…»"
    assert _pinned(findings) == [
        ("font.name", closing, "Calibri"),
        (
            "number.format",
            "bảng 1, hàng 1, ô 1: «Số: … /BB-…3…»",
            "BB-…3…",
        ),  # the number is a blank; the ký hiệu in dots
        ("body.size", closing, "cỡ 11/14, không đậm, đứng"),
    ]
    assert _rules(findings, "not_evaluated") == set()
    not_applicable = _rules(findings, "not_applicable")
    assert {"date_line.missing", "date_line.style", "date_line.format"} <= not_applicable
    assert not {"minutes.signatures", "minutes.opening", "body.end_mark"} & not_applicable
    roles = detect(build_model(open_package(MINUTES_MODEL)))
    assert roles.doc_type == "minutes"
    assert roles.date_line is None
    assert roles.secretary_title is not None and roles.chair_title is not None
    assert roles.secretary_title.text.strip() == "THƯ KÝ"
    assert roles.chair_title.text.strip() == "CHỦ TỌA"
    assert roles.secretary_title.table is not None and roles.chair_title.table is not None
    assert roles.secretary_title.table[2] < roles.chair_title.table[2]
    assert roles.secretary_name is not None and roles.secretary_name.text.strip() == "Họ và tên"
    assert roles.chair_name is not None and roles.chair_name.text.strip() == "Họ và tên"
    assert roles.closing is not None and roles.closing.text.rstrip().endswith("./.")
