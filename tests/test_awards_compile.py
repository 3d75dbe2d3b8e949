"""The example round compiled end to end (issue 13's acceptance), read back file by file.

The counts are computed here from the raw example lists with openpyxl and csv, without the
package's reader, so a reader that drops or doubles a row is caught.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from tdkt_docs import awards
from tdkt_docs.awards.compiler import RoundResult
from tdkt_docs.awards.nomination_form import FIRST_DATA_ROW, FORM_SHEET
from tdkt_docs.checker import check
from tdkt_docs.cli import main
from tdkt_docs.errors import DataError, OutputExistsError
from tdkt_docs.text import without_marks
from tdkt_docs.vietnamese.numbers import words_to_number
from tests.conftest import EXAMPLES

ROUND = EXAMPLES / "awards" / "round.yaml"
NOMINATIONS = EXAMPLES / "awards" / "nominations"
THRESHOLD = Decimal(70)
DOCUMENTS = ("01-bien-ban-hop-hoi-dong.docx", "02-to-trinh.docx", "03-quyet-dinh.docx")
EXPECTED_FILES = {
    *DOCUMENTS,
    "04-tien-thuong.docx",
    "04-tien-thuong.xlsx",
    "05-so-dang-ky-van-ban.docx",
    "05-so-dang-ky-van-ban.xlsx",
    "khen-thuong-ho-so-can-bo.xlsx",
    "ket-qua.json",
    "rejected.csv",
    "01-bien-ban-hop-hoi-dong.json",
    "02-to-trinh.json",
    "03-quyet-dinh.json",
    "04-tien-thuong.json",
}


# --- The raw lists, read without the package -------------------------------------------------


@dataclass(frozen=True)
class RawRow:
    name: str
    kind: str
    vote: Decimal


def _kind(text: str) -> str:
    plain = without_marks(text).lower()
    for words, kind in (("ho gia dinh", "hộ gia đình"), ("tap the", "tập thể"),
                        ("ca nhan", "cá nhân")):  # fmt: skip
        if words in plain:
            return kind
    raise AssertionError(f"no phân loại in {text!r}")


def _vote(value: object) -> Decimal:
    if isinstance(value, int | float):
        number = Decimal(str(value))
        return number * 100 if number <= 1 else number
    return Decimal(str(value).replace("%", "").replace(",", ".").strip())


def _rows(table: list[list[object]]) -> Iterator[RawRow]:
    """Rows under the header row (the one starting "STT"), numbered in their first cell."""
    header_at = next(i for i, row in enumerate(table) if str(row[0]).strip() == "STT")
    header = [str(cell or "") for cell in table[header_at]]
    name = next(i for i, h in enumerate(header) if h.startswith(("Họ và tên", "Họ tên")))
    kind = next(i for i, h in enumerate(header) if h.startswith("Phân loại") and "đối" not in h)
    vote = next(i for i, h in enumerate(header) if h.startswith("Tỷ lệ phiếu"))
    for row in table[header_at + 1 :]:
        if str(row[0] or "").strip().isdigit() and row[name]:
            yield RawRow(str(row[name]).strip(), _kind(str(row[kind])), _vote(row[vote]))


def raw_rows() -> list[RawRow]:
    found: list[RawRow] = []
    for path in sorted(NOMINATIONS.iterdir()):
        if path.suffix == ".xlsx":
            sheet = openpyxl.load_workbook(path).worksheets[0]
            found += _rows([list(r) for r in sheet.iter_rows(values_only=True)])
        elif path.suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                found += _rows([list(r) for r in csv.reader(handle, delimiter=";")])
    return found


def _reads_as_household(name: str) -> bool:
    return bool(re.match(r"(Hộ|Gia đình)\s", name))


def expected_accepted() -> list[RawRow]:
    """The rows the round must accept: a vote of 70% or more, and no person proposed for a
    household award."""
    return [
        row for row in raw_rows()
        if row.vote >= THRESHOLD
        and (row.kind != "hộ gia đình" or _reads_as_household(row.name))
    ]  # fmt: skip


# --- The compiled round -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> RoundResult:
    out = tmp_path_factory.mktemp("round") / "dot-khen-thuong"
    return awards.compile(ROUND, NOMINATIONS, out, today=dt.date(2025, 9, 12))


def _document(result: RoundResult, name: str) -> docx.document.Document:
    return docx.Document(str(result.path(name)))


def _table_rows(document: docx.document.Document, first_heading: str) -> list[list[str]]:
    table = next(t for t in document.tables if t.rows[0].cells[0].text == first_heading)
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_the_raw_lists_hold_the_example_round() -> None:
    rows = raw_rows()
    assert len(rows) == 60  # the "about 60 rows"
    assert len(expected_accepted()) == 57


def test_every_file_is_written(compiled: RoundResult) -> None:
    assert {path.name for path in compiled.out_dir.iterdir()} == EXPECTED_FILES
    assert {path.name for path in compiled.files} == EXPECTED_FILES


@pytest.mark.parametrize("name", [*DOCUMENTS, "04-tien-thuong.docx", "05-so-dang-ky-van-ban.docx"])
def test_every_docx_passes_the_checker(compiled: RoundResult, name: str) -> None:
    findings = check(compiled.path(name))
    shown = [f for f in findings if f.severity in ("error", "warning", "not_evaluated")]
    assert shown == [], [f"{f.rule}: {f.message} ({f.where})" for f in shown]


def test_the_documents_are_the_right_kinds(compiled: RoundResult) -> None:
    kinds = {name: document.type for name, document in compiled.documents.items()}
    assert kinds == {
        "01-bien-ban-hop-hoi-dong.docx": "minutes",
        "02-to-trinh.docx": "submission",
        "03-quyet-dinh.docx": "decision",
    }


def test_each_accepted_nominee_is_once_in_the_decision(compiled: RoundResult) -> None:
    rows = _table_rows(_document(compiled, "03-quyet-dinh.docx"), "STT")
    entries = [row[1] for row in rows if row[0].isdigit()]
    names = Counter(re.sub(r"^(Ông|Bà) ", "", entry) for entry in entries)
    expected = Counter(row.name.removeprefix("ông ").strip() for row in expected_accepted())
    assert names == expected
    assert len(entries) == len(compiled.awards) == 57


def test_each_case_is_once_in_the_vote_table(compiled: RoundResult) -> None:
    rows = _table_rows(_document(compiled, "01-bien-ban-hop-hoi-dong.docx"), "STT")
    assert rows[0] == ["STT", "Tên cá nhân, tập thể", "Hình thức khen thưởng", "Tỷ lệ phiếu (%)"]
    cases = list(rows[1:])
    assert [row[0] for row in cases] == [str(n) for n in range(1, len(cases) + 1)]
    named = Counter(row[1].split(",")[0].removeprefix("Ông ").removeprefix("Bà ") for row in cases)
    for row in expected_accepted():
        assert named[row.name] == 1, row.name
    # the two cases below the threshold are voted on too, with their share
    below = {
        row[1].split(",")[0]: row[3] for row in cases if Decimal(row[3].replace(",", ".")) < 70
    }
    assert below == {"Ông Hồ Văn Sáu": "65", "Ông Dương Văn Khải": "68,5"}
    assert len(cases) == 59


def test_each_accepted_nominee_is_once_in_the_money_table(compiled: RoundResult) -> None:
    rows = _table_rows(_document(compiled, "04-tien-thuong.docx"), "STT")
    entries = [row for row in rows if row[0].isdigit()]
    names = Counter(re.sub(r"^(Ông|Bà) ", "", row[1]) for row in entries)
    assert names == Counter(row.name for row in expected_accepted())
    sheet = openpyxl.load_workbook(compiled.path("04-tien-thuong.xlsx")).worksheets[0]
    numbered = [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert len(numbered) == 57


def test_the_counts_of_article_1_and_the_submission(compiled: RoundResult) -> None:
    counts = Counter(row.kind for row in expected_accepted())
    words = (
        f"{counts['cá nhân']:02d} cá nhân, {counts['tập thể']:02d} tập thể và "
        f"{counts['hộ gia đình']:02d} hộ gia đình"
    )
    decision = "\n".join(p.text for p in _document(compiled, "03-quyet-dinh.docx").paragraphs)
    article_1 = next(line for line in decision.splitlines() if line.startswith("Điều 1."))
    assert f"cho {words} đã có thành tích xuất sắc" in article_1
    submission = _document(compiled, "02-to-trinh.docx")
    text = "\n".join(p.text for p in submission.paragraphs)
    assert f"cho {words} đã có thành tích xuất sắc" in text
    assert "với 60 trường hợp" in text  # every row received, refused ones too
    table = _table_rows(submission, "STT")
    assert table[0] == ["STT", "Hình thức khen thưởng", "Cá nhân", "Tập thể", "Hộ gia đình", "Cộng"]
    assert table[1][2:] == [
        str(counts["cá nhân"]), str(counts["tập thể"]), str(counts["hộ gia đình"]),
        str(sum(counts.values())),
    ]  # fmt: skip


def test_the_money_of_the_acceptance(compiled: RoundResult) -> None:
    """Decision of 15/9/2025, base 2.340.000 đ: BKCT 1,5 → 3.510.000 đ a person, 3,0 →
    7.020.000 đ a collective, a household 1,5 × 3.510.000 = 5.265.000 → 5.270.000 đ."""
    rows = _table_rows(_document(compiled, "04-tien-thuong.docx"), "STT")
    by_kind: dict[str, set[str]] = {}
    kinds = {row.name: row.kind for row in expected_accepted()}
    for row in rows:
        if row[0].isdigit():
            name = re.sub(r"^(Ông|Bà) ", "", row[1])
            by_kind.setdefault(kinds[name], set()).add(row[-1].rstrip("*"))
    assert by_kind == {"cá nhân": {"3.510.000"}, "tập thể": {"7.020.000"},
                       "hộ gia đình": {"5.270.000"}}  # fmt: skip
    counts = Counter(kinds.values())
    total = (
        3_510_000 * counts["cá nhân"]
        + 7_020_000 * counts["tập thể"]
        + 5_270_000 * counts["hộ gia đình"]
    )
    assert compiled.total == total
    assert rows[-1][-1] == f"{total:,}".replace(",", ".")
    document = _document(compiled, "04-tien-thuong.docx")
    words = next(p.text for p in document.paragraphs if p.text.startswith("Bằng chữ:"))
    assert words_to_number(words.removeprefix("Bằng chữ:").strip()) == total
    assert not compiled.money_provisional
    assert compiled.money_as_of == dt.date(2025, 9, 15)


def test_refused_rows_are_listed_and_never_decided(compiled: RoundResult) -> None:
    with compiled.path("rejected.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    where = {(r["file"], r["row"], r["column"]) for r in rows}
    assert where == {
        ("so-y-te.xlsx", "25", "Tỷ lệ phiếu (%)"),
        ("so-nong-nghiep-va-moi-truong.csv", "12", "Tỷ lệ phiếu (%)"),
        ("so-nong-nghiep-va-moi-truong.csv", "21", "Họ và tên / tên tập thể, hộ gia đình"),
    }
    decided = {award.nomination.name for award in compiled.awards}
    assert not decided & {"Hồ Văn Sáu", "Dương Văn Khải", "Lê Thị Hạnh"}


def test_the_register_holds_every_document_of_the_round(compiled: RoundResult) -> None:
    sheet = openpyxl.load_workbook(compiled.path("05-so-dang-ky-van-ban.xlsx")).worksheets[0]
    values = [r for r in sheet.iter_rows(min_row=7, values_only=True) if any(r)]
    assert [r[0].strip() for r in values] == ["07/BB-HĐTĐKT", "/TTr-SNV", "/QĐ-UBND"]
    summaries = [str(r[2]) for r in values]
    assert summaries[0].startswith("Biên bản")
    assert summaries[1].startswith("Tờ trình")
    assert summaries[2].startswith("Quyết định")
    notes = [r[9] or "" for r in values]
    assert notes[1] == ""  # the Sở's own tờ trình
    assert notes[0] == "Văn bản của Hội đồng Thi đua - Khen thưởng tỉnh Khánh Hòa"
    assert notes[2] == "Văn bản của Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa"
    document = _document(compiled, "05-so-dang-ky-van-ban.docx")
    assert document.sections[-1].orientation == 1  # landscape


def test_a_sidecar_beside_each_document(compiled: RoundResult) -> None:
    for name in (*DOCUMENTS, "04-tien-thuong.docx"):
        metadata = json.loads(compiled.path(name).with_suffix(".json").read_text("utf-8"))
        assert metadata["Language"] == "Tiếng Việt"
        assert {"TypeName", "CodeNotation", "OrganName", "Subject", "SignerInfo"} <= set(metadata)
    decision = json.loads(compiled.path("03-quyet-dinh.json").read_text("utf-8"))
    assert decision["TypeName"] == "Quyết định"
    assert decision["IssuedDate"] == "2025-09-15"
    money = json.loads(compiled.path("04-tien-thuong.json").read_text("utf-8"))
    assert money["Description"] == "Phụ lục: Bảng tổng hợp tiền thưởng"


def test_the_hr_export_and_the_results(compiled: RoundResult) -> None:
    sheet = openpyxl.load_workbook(compiled.path("khen-thuong-ho-so-can-bo.xlsx")).worksheets[0]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 57
    assert {r["Số QĐ"] for r in rows} == {None}  # the clerk has not numbered it yet
    assert {r["Ngày QĐ"] for r in rows} == {dt.datetime(2025, 9, 15)}
    assert {r["Hình thức"] for r in rows} == {"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"}
    results = json.loads(compiled.path("ket-qua.json").read_text("utf-8"))
    assert len(results["awards"]) == 57
    assert {a["amount"] for a in results["awards"]} == {3_510_000, 7_020_000, 5_270_000}


def test_an_existing_output_is_refused_and_nothing_is_written(
    compiled: RoundResult, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "02-to-trinh.docx").write_bytes(b"mine")
    with pytest.raises(OutputExistsError, match=r"02-to-trinh\.docx"):
        awards.compile(ROUND, NOMINATIONS, out)
    assert [p.name for p in out.iterdir()] == ["02-to-trinh.docx"]
    assert (out / "02-to-trinh.docx").read_bytes() == b"mine"


def test_a_folder_without_any_valid_list_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "de-nghi"
    folder.mkdir()
    (folder / "so-y-te.csv").write_text("STT;Họ và tên\n1;Nguyễn Văn A\n", "utf-8")
    with pytest.raises(DataError, match="no nomination could be accepted"):
        awards.compile(ROUND, folder, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_output_folder_is_not_the_nominations_folder(tmp_path: Path) -> None:
    folder = tmp_path / "de-nghi"
    shutil.copytree(NOMINATIONS, folder)
    with pytest.raises(DataError, match="must not be the nominations folder"):
        awards.compile(ROUND, folder, folder)


def test_a_form_filled_in_with_openpyxl_compiles_without_edits(tmp_path: Path) -> None:
    """The round trip: awards form → filled by a unit → awards compile."""
    form = awards.form(tmp_path / "de-nghi.xlsx", round=ROUND)
    workbook = openpyxl.load_workbook(form)
    sheet = workbook[FORM_SHEET]
    headings = {cell.value: cell.column for cell in sheet[FIRST_DATA_ROW - 1] if cell.value}
    people = [
        {"STT": 1, "Đơn vị đề nghị": "Sở Y tế", "Danh xưng": "Bà",
         "Họ và tên / tên tập thể, hộ gia đình": "Trần Thị A*B*C", "Giới tính": "Nữ",
         "Năm sinh": 1984, "Chức vụ": "Điều dưỡng trưởng", "Đơn vị công tác": "Bệnh viện tỉnh",
         "Phân loại khen thưởng": "cá nhân",
         "Hình thức khen thưởng": "Bằng khen của Chủ tịch UBND tỉnh",
         "Tỷ lệ phiếu (%)": 100},
        {"STT": 2, "Đơn vị đề nghị": "Sở Y tế",
         "Họ và tên / tên tập thể, hộ gia đình": "Khoa Nhi {{ 7*7 }}",
         "Đơn vị công tác": "Bệnh viện tỉnh", "Phân loại khen thưởng": "tập thể",
         "Hình thức khen thưởng": "Bằng khen của Chủ tịch UBND tỉnh",
         "Tỷ lệ phiếu (%)": 70},
        {"STT": 3, "Đơn vị đề nghị": "Sở Y tế",
         "Họ và tên / tên tập thể, hộ gia đình": "Hộ ông Phan Văn Tư",
         "Đơn vị công tác": "thôn Phú Ân, xã Diên An", "Phân loại khen thưởng": "hộ gia đình",
         "Hình thức khen thưởng": "Bằng khen của Chủ tịch UBND tỉnh",
         "Tỷ lệ phiếu (%)": 85.5},
    ]  # fmt: skip
    for offset, person in enumerate(people):
        for heading, value in person.items():
            sheet.cell(FIRST_DATA_ROW + offset, headings[heading], value)
    lists = tmp_path / "lists"
    lists.mkdir()
    workbook.save(lists / "so-y-te.xlsx")
    result = awards.compile(ROUND, lists, tmp_path / "out", today=dt.date(2025, 9, 12))
    assert [a.nomination.name for a in result.awards] == [
        "Trần Thị A*B*C", "Khoa Nhi {{ 7*7 }}", "Hộ ông Phan Văn Tư",
    ]  # fmt: skip
    assert [a.money.amount for a in result.awards if a.money] == [3_510_000, 7_020_000, 5_270_000]
    assert result.refused == ()
    # Three entries: the list is numbered lines (a table from 21 entries).
    text = [p.text for p in docx.Document(str(result.path("03-quyet-dinh.docx"))).paragraphs]
    for line in ("Bà Trần Thị A*B*C, Điều dưỡng trưởng Bệnh viện tỉnh",
                 "Khoa Nhi {{ 7*7 }}, Bệnh viện tỉnh",
                 "Hộ ông Phan Văn Tư, thôn Phú Ân, xã Diên An"):  # fmt: skip
        assert sum(line in paragraph for paragraph in text) == 1, line


def test_a_decision_without_its_day_pays_provisionally(tmp_path: Path) -> None:
    text = ROUND.read_text("utf-8").replace("date: 2025-09-15 ", "date: 2025-09 ")
    assert "date: 2025-09 " in text
    round_file = tmp_path / "round.yaml"
    round_file.write_text(text.replace("office: ../office.yaml", f"office: {EXAMPLES}/office.yaml"))
    result = awards.compile(round_file, NOMINATIONS, tmp_path / "out", today=dt.date(2025, 9, 12))
    assert result.money_provisional
    assert result.money_as_of == dt.date(2025, 9, 12)
    document = docx.Document(str(result.path("04-tien-thuong.docx")))
    assert any("tạm tính" in p.text for p in document.paragraphs)


def test_the_cli_compiles_the_round(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    args = ["awards", "compile", "--round", str(ROUND), "--nominations", str(NOMINATIONS)]
    assert main([*args, "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "57 nominations accepted; 2 nominations below the vote threshold" in captured.err
    assert "so-nong-nghiep-va-moi-truong.csv: row 21, column" in captured.err
    assert main([*args, "-o", str(out)]) == 1  # the files exist
    assert "--force" in capsys.readouterr().err
    assert main([*args, "-o", str(out), "--force"]) == 0


def test_the_cli_writes_the_form(tmp_path: Path) -> None:
    path = tmp_path / "de-nghi.xlsx"
    assert main(["awards", "form", "--round", str(ROUND), "-o", str(path)]) == 0
    sheet = openpyxl.load_workbook(path)[FORM_SHEET]
    assert "Tỷ lệ phiếu (%)" in [c.value for c in sheet[FIRST_DATA_ROW - 1]]


def test_the_minutes_follow_the_meeting(compiled: RoundResult) -> None:
    document = _document(compiled, "01-bien-ban-hop-hoi-dong.docx")
    texts = [p.text for p in document.paragraphs]
    headings = [t for t in texts if re.match(r"^[IVX]+\. ", t)]
    assert headings == ["I. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG", "II. KẾT QUẢ BIỂU QUYẾT", "III. KẾT LUẬN"]
    assert any("số thành viên có mặt 07/08" in t for t in texts)
    assert any(t.startswith("- Vắng: Bà Võ Thị Kim Liên") for t in texts)
    conclusion = texts[texts.index("III. KẾT LUẬN") + 1]
    assert "cho 38 cá nhân, 16 tập thể và 03 hộ gia đình có tỷ lệ phiếu đồng ý từ 70%" in conclusion
    signatures = document.tables[-1].rows[0].cells
    assert signatures[0].paragraphs[0].text == "THƯ KÝ"
    assert signatures[1].paragraphs[0].text == "CHỦ TỌA"
