"""Compiling a month of submissions: tolerant reading, precise refusals, report and files.

The submissions are built here with openpyxl (clean, messy, CSV, invalid, corrupt,
duplicate), and every figure the report states is counted again from the rows the test
itself wrote as valid.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.workbook.workbook import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

import tdkt_docs
from tdkt_docs.monthly.compile import (
    GROUP_LABELS,
    CompileResult,
    compile_month,
    read_submissions,
)
from tdkt_docs.monthly.schema import COLUMNS, FIELDS, KINDS, UNIT_GROUPS, Unit
from tdkt_docs.monthly.units import load_units
from tests.conftest import DATA
from tests.docx_reading import all_paragraphs

HEADINGS = [column.heading for column in COLUMNS]
KEYS = [column.key for column in COLUMNS]
KIND_WORDS = {"cá nhân": "gương điển hình", "tập thể": "tập thể", "hộ gia đình": "hộ"}

UNITS_YAML = """
units:
  - {code: STC, name: Sở Tài chính, group: sở ban ngành, recipient: Sở Tài chính,
     email: stc@khanhhoa.gov.vn}
  - {code: SYT, name: Sở Y tế, group: sở ban ngành, recipient: Sở Y tế}
  - {code: SGDDT, name: Sở Giáo dục và Đào tạo, group: sở ban ngành,
     recipient: Sở Giáo dục và Đào tạo, email: sgddt@khanhhoa.gov.vn}
  - {code: NHATRANG, name: UBND thành phố Nha Trang, group: huyện thị xã thành phố,
     recipient: UBND thành phố Nha Trang, email: vp@nhatrang.khanhhoa.gov.vn}
  - {code: NINHHOA, name: UBND thị xã Ninh Hòa, group: huyện thị xã thành phố,
     recipient: UBND thị xã Ninh Hòa}
  - {code: KHANHVINH, name: UBND huyện Khánh Vĩnh, group: huyện thị xã thành phố,
     recipient: Phòng Nội vụ huyện Khánh Vĩnh, email: pnv@khanhvinh.khanhhoa.gov.vn}
  - {code: DIENLUC, name: Công ty Điện lực Khánh Hòa, group: doanh nghiệp,
     recipient: Công ty Cổ phần Điện lực Khánh Hòa, email: vp@khpc.vn}
  - {code: KBNN, name: Kho bạc Nhà nước Khánh Hòa, group: cơ quan Trung ương,
     recipient: Kho bạc Nhà nước Khánh Hòa}
"""
MISSING = ["SGDDT", "NINHHOA", "KHANHVINH", "DIENLUC"]

AGENCY = {
    "parent": "UBND TỈNH KHÁNH HÒA",
    "name": "SỞ NỘI VỤ",
    "place": "Khánh Hòa",
    "display_name": "Sở Nội vụ tỉnh Khánh Hòa",
}
SIGNER = {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Huỳnh Mạnh Thắng"}


@dataclass(frozen=True)
class Sent:
    """A row the test wrote, and what the compiler must make of it."""

    unit: str
    """The registry code of the unit (the cell itself may hold a name, in any case)."""
    values: dict[str, Any]
    accepted: bool


def exemplar(unit: str, name: str, kind: str, field: str, **more: Any) -> dict[str, Any]:
    return {
        "unit": unit,
        "name": name,
        "kind": kind,
        "position": more.pop("position", f"Công tác tại {unit}"),
        "field": field,
        "achievements": more.pop("achievements", "Hoàn thành xuất sắc nhiệm vụ được giao"),
        **more,
    }


def nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def padded(number: int) -> str:
    """Counts as administrative text writes them: 07, 12, and 0 for none."""
    return f"{number:02d}" if number else "0"


def first_sheet(workbook: Workbook) -> Worksheet:
    sheet = workbook.worksheets[0]
    assert isinstance(sheet, Worksheet)
    return sheet


def write_sheet(sheet: Worksheet, rows: list[dict[str, Any]], first_row: int) -> None:
    for offset, values in enumerate(rows):
        for column, key in enumerate(KEYS, start=1):
            if key in values:
                sheet.cell(first_row + offset, column, values[key])


def simple_workbook(path: Path, sheet_name: str, rows: list[dict[str, Any]]) -> None:
    workbook = openpyxl.Workbook()
    sheet = first_sheet(workbook)
    sheet.title = sheet_name
    sheet.append(HEADINGS)
    write_sheet(sheet, rows, 2)
    workbook.save(path)


# --- The submissions -------------------------------------------------------------------------

CLEAN = [
    Sent(
        "STC",
        exemplar(
            "STC",
            "Nguyễn Thị Hoa",
            "cá nhân",
            "công tác",
            birth_year=1985,
            gender="nữ",
            commendations="Bằng khen của Chủ tịch UBND tỉnh năm 2022",
            media="video clip",
            media_link="https://khanhhoa.gov.vn/video/hoa",
        ),
        True,
    ),
    Sent(
        "STC",
        exemplar("STC", "Phòng Tin học - Thống kê", "tập thể", "lao động", media="không có"),
        True,
    ),
]

MESSY = [
    Sent(
        "NHATRANG",
        exemplar(
            nfd("  ubnd   thành phố NHA TRANG "),
            nfd("Trần   Văn Nam "),
            "Cá nhân ",
            nfd("Sản xuất"),
            birth_year=1985.0,
            gender="Nam",
            position=nfd("Nông dân, phường Phước Hải"),
            achievements="Nuôi tôm công nghệ cao,\ntạo việc làm cho 15 lao động",
            commendations=45123,  # a date typed where text was expected, as Excel stores it
            notes=dt.datetime(2023, 9, 1),
        ),
        True,
    ),
    Sent(
        "NHATRANG",
        exemplar("nhatrang", "Hộ ông Lê Văn Tư", "HỘ GIA ĐÌNH", "kinh doanh", media="Phim tư liệu"),
        True,
    ),
]

CSV_ROWS = [
    Sent(
        "KBNN",
        exemplar(
            "KBNN",
            "Phạm Quốc Bảo",
            "cá nhân",
            "công tác",
            birth_year="1979",
            gender="nam",
            media="đường dẫn (link)",
            media_link="https://kbnn.vn/bao",
        ),
        True,
    ),
]

INVALID = [
    Sent("SYT", exemplar("SYT", "Khoa Cấp cứu, Bệnh viện tỉnh", "tập thể", "khác"), True),
    Sent("SYT", exemplar("SYT", "Đỗ Văn Lợi", "ca nhan", "lao động"), False),
    Sent("SYT", exemplar("SYT", "Võ Thị Mai", "cá nhân", "học tập", position=None), False),
    Sent("SYT", exemplar("SYT", "Tổ Y tế lưu động", "tập thể", "khác", birth_year=1990), False),
    Sent(
        "SYT",
        exemplar(
            "SYT", "Ngô Văn Hải", "cá nhân", "lao động", achievements="Hoµn thµnh xuÊt s¾c nhiÖm vô"
        ),
        False,
    ),
    Sent("SYT", exemplar("Sở Du lịch", "Lý Thị Lan", "cá nhân", "khác"), False),
    Sent("SYT", exemplar("SYT", "Hồ Văn Tâm", "cá nhân", "khác", gender="khác"), False),
    Sent("SYT", exemplar("Sở Y tê", "Đặng Văn Phú", "cá nhân", "khác"), False),
]

SUPPLEMENT = [
    Sent("STC", exemplar("STC", "  NGUYỄN THỊ HOA", "cá nhân", "công tác"), False),  # duplicate
    Sent("STC", exemplar("STC", "Lê Minh Tuấn", "cá nhân", "học tập", birth_year=1990), True),
]

ALL_FAIL = [Sent("", exemplar("UBND huyện Vạn Ninh", "Trần Thị Bé", "cá nhân", "khác"), False)]

ACCEPTED = [sent for sent in CLEAN + MESSY + CSV_ROWS + INVALID + SUPPLEMENT if sent.accepted]


def write_messy(path: Path) -> None:
    """Two title rows, a header over rows 3–4 with merged cells, odd headings, NFD text,
    stray spaces, a float year, a date and a serial number in text columns, blank rows."""
    workbook = openpyxl.Workbook()
    sheet = first_sheet(workbook)
    sheet.title = "Mẫu"
    sheet["A1"] = "DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN THÁNG 9/2023"
    sheet.merge_cells("A1:L1")
    sheet["A2"] = "Đơn vị: UBND thành phố Nha Trang"
    headings = dict(zip(KEYS, HEADINGS, strict=True))
    headings["name"] = "Họ và tên / tên tập thể,\nhộ gia đình"
    headings["kind"] = "LOẠI *"
    headings["field"] = nfd("  Lĩnh   vực ")
    for column, key in enumerate(KEYS, start=1):
        letter = get_column_letter(column)
        if key in ("birth_year", "gender"):
            sheet.cell(4, column, headings[key])
        else:
            sheet.cell(3, column, headings[key])
            sheet.merge_cells(f"{letter}3:{letter}4")
    sheet["D3"] = "Thông tin cá nhân"
    sheet.merge_cells("D3:E3")
    write_sheet(sheet, [sent.values for sent in MESSY], 5)
    sheet["B7"] = "   "  # a blank row with a stray space
    sheet["L12"] = None
    sheet["A30"] = ""  # trailing blank rows
    workbook.save(path)


def write_csv(path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADINGS)
    for sent in CSV_ROWS:
        writer.writerow([sent.values.get(key, "") for key in KEYS])
    path.write_bytes(("\ufeff" + buffer.getvalue()).encode("utf-8"))


def write_clean(path: Path) -> None:
    simple_workbook(path, "Điển hình", [sent.values for sent in CLEAN])
    workbook = openpyxl.load_workbook(path)
    lists = workbook.create_sheet("Danh mục")  # the form's drop-down lists: hidden, not read
    lists.append(["Loại", "Lĩnh vực", "Giới tính", "Tư liệu (video clip, phim tư liệu, đường dẫn)"])
    lists.append(["cá nhân", "lao động", "nam", "video clip"])
    lists.sheet_state = "hidden"
    workbook.save(path)


def make_submissions(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "00-hong.xlsx").write_text("Đây không phải tệp Excel", "utf-8")
    write_clean(folder / "01-stc.xlsx")
    write_messy(folder / "02-nha-trang.xlsx")
    write_csv(folder / "03-kbnn.csv")
    simple_workbook(folder / "04-syt.xlsx", "Điển hình", [sent.values for sent in INVALID])
    simple_workbook(folder / "05-stc-bo-sung.xlsx", "Bổ sung", [s.values for s in SUPPLEMENT])
    simple_workbook(folder / "06-van-ninh.xlsx", "Điển hình", [s.values for s in ALL_FAIL])
    (folder / "~$01-stc.xlsx").write_bytes(b"\x00lock")
    (folder / "ghi-chu.txt").write_text("không phải bài nộp", "utf-8")


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> CompileResult:
    base = tmp_path_factory.mktemp("month")
    (base / "units.yaml").write_text(UNITS_YAML, "utf-8")
    make_submissions(base / "submissions")
    return compile_month(
        "2023-09",
        base / "units.yaml",
        base / "submissions",
        base / "out" / "2023-09",
        agency=AGENCY,
        signer=SIGNER,
        number=12,
    )


def report_text(result: CompileResult) -> str:
    """Every paragraph, those in layout tables (number, date line) included."""
    document = docx.Document(str(result.report))
    return "\n".join(paragraph.text for paragraph in all_paragraphs(document))


def appendix_rows(result: CompileResult) -> list[list[str]]:
    document = docx.Document(str(result.report))
    table = document.tables[-1]
    return [[cell.text for cell in row.cells] for row in table.rows]


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# --- Reading -------------------------------------------------------------------------------


def test_every_valid_row_is_accepted_once_and_nothing_else(compiled: CompileResult) -> None:
    names = [exemplar.name for exemplar in compiled.intake.exemplars]
    assert names == [nfc(sent.values["name"]) for sent in ACCEPTED]
    assert [exemplar.unit for exemplar in compiled.intake.exemplars] == [s.unit for s in ACCEPTED]


def test_messy_workbook_is_read_as_typed(compiled: CompileResult) -> None:
    by_name = {exemplar.name: exemplar for exemplar in compiled.intake.exemplars}
    nam = by_name["Trần Văn Nam"]
    assert (nam.unit, nam.kind, nam.birth_year, nam.gender, nam.field) == (
        "NHATRANG",
        "cá nhân",
        1985,
        "nam",
        "sản xuất",
    )
    assert nam.position == "Nông dân, phường Phước Hải"
    assert nam.achievements == "Nuôi tôm công nghệ cao, tạo việc làm cho 15 lao động"
    assert (nam.commendations, nam.notes) == ("45123", "01/09/2023")
    assert nam.source == "02-nha-trang.xlsx, sheet 'Mẫu', row 5"
    assert by_name["Hộ ông Lê Văn Tư"].kind == "hộ gia đình"
    assert by_name["Phạm Quốc Bảo"].source == "03-kbnn.csv, row 2"


def test_invalid_rows_name_file_sheet_row_column_and_expected_value(
    compiled: CompileResult,
) -> None:
    rows = {(r.file, r.row): r for r in compiled.intake.rejected_rows}
    kind = rows[("04-syt.xlsx", 3)]
    assert str(kind) == (
        "04-syt.xlsx: sheet 'Điển hình', row 3, column 'Loại': "
        "'ca nhan' is not one of cá nhân, tập thể, hộ gia đình; did you mean 'cá nhân'?"
    )
    empty = rows[("04-syt.xlsx", 4)]
    assert (empty.sheet, empty.column) == ("Điển hình", "Chức vụ, nơi công tác hoặc địa chỉ")
    assert "is empty" in empty.message
    assert rows[("04-syt.xlsx", 5)].column == "Năm sinh"
    assert "cá nhân" in rows[("04-syt.xlsx", 5)].message
    assert rows[("04-syt.xlsx", 6)].column == "Tóm tắt thành tích"
    assert "TCVN3" in rows[("04-syt.xlsx", 6)].message
    assert rows[("04-syt.xlsx", 7)].column == "Đơn vị"
    assert "'Sở Du lịch' is not in the units registry" in rows[("04-syt.xlsx", 7)].message
    assert rows[("04-syt.xlsx", 8)].message == "'khác' is not one of nam, nữ"
    assert rows[("04-syt.xlsx", 9)].message.endswith("did you mean 'Sở Y tế' (SYT)?")

    written = read_csv(compiled.rejected_csv)
    assert {
        "file": "04-syt.xlsx",
        "sheet": "Điển hình",
        "row": "3",
        "column": "Loại",
        "reason": "'ca nhan' is not one of cá nhân, tập thể, hộ gia đình; did you mean 'cá nhân'?",
    } in written
    listed = {(r["file"], r["row"]) for r in written if r["row"]}
    assert listed == {(r.file, str(r.row)) for r in compiled.intake.rejected_rows}


def test_duplicate_is_reported_and_the_first_kept(compiled: CompileResult) -> None:
    (duplicate,) = compiled.intake.duplicates
    assert (duplicate.file, duplicate.sheet, duplicate.row) == ("05-stc-bo-sung.xlsx", "Bổ sung", 2)
    assert duplicate.duplicate_of == "01-stc.xlsx, sheet 'Điển hình', row 2"
    sources = [e.source for e in compiled.intake.exemplars if e.name == "Nguyễn Thị Hoa"]
    assert sources == ["01-stc.xlsx, sheet 'Điển hình', row 2"]


def test_bad_files_are_rejected_with_a_reason_and_do_not_stop_the_others(
    compiled: CompileResult,
) -> None:
    reasons = {f.file: f.reason for f in compiled.intake.rejected_files}
    assert set(reasons) == {"00-hong.xlsx", "06-van-ninh.xlsx"}
    assert "is not a spreadsheet workbook: it holds plain text" in reasons["00-hong.xlsx"]
    assert "none of its 1 row could be accepted" in reasons["06-van-ninh.xlsx"]
    assert any(
        r.file == "06-van-ninh.xlsx" and r.column == "Đơn vị" for r in compiled.intake.rejected_rows
    )
    # The files after the corrupt one were read; lock files and other files were not.
    assert "~$01-stc.xlsx" not in compiled.intake.files
    assert "ghi-chu.txt" not in compiled.intake.files
    written = read_csv(compiled.rejected_csv)
    assert {r["file"]: r["reason"] for r in written if not r["row"]} == reasons


def test_missing_csv_lists_the_units_without_submissions(compiled: CompileResult) -> None:
    registry = {
        unit.code: unit for unit in load_units(compiled.report.parent.parent.parent / "units.yaml")
    }
    rows = read_csv(compiled.missing_csv)
    assert [row["code"] for row in rows] == MISSING
    for row in rows:
        unit = registry[row["code"]]
        assert row == {
            "code": unit.code,
            "name": unit.name,
            "group": unit.group,
            "recipient": unit.recipient,
            "email": unit.email or "",
        }


def test_compiled_xlsx_holds_every_accepted_row(compiled: CompileResult, tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(compiled.compiled_xlsx)
    rows = list(first_sheet(workbook).iter_rows(values_only=True))
    assert list(rows[0]) == [*HEADINGS, "Tên đơn vị", "Nguồn"]
    assert [row[1] for row in rows[1:]] == [e.name for e in compiled.intake.exemplars]
    assert [row[-1] for row in rows[1:]] == [e.source for e in compiled.intake.exemplars]
    # Its header is the form's: the compiled workbook reads back as one submission.
    folder = tmp_path / "again"
    folder.mkdir()
    (folder / "compiled.xlsx").write_bytes(compiled.compiled_xlsx.read_bytes())
    again = read_submissions(folder, load_units(compiled.report.parents[2] / "units.yaml"))
    strip = [e.model_copy(update={"source": ""}) for e in again.exemplars]
    assert strip == [e.model_copy(update={"source": ""}) for e in compiled.intake.exemplars]


# --- The report ------------------------------------------------------------------------------


def test_appendix_lists_every_accepted_exemplar_once_grouped_by_unit(
    compiled: CompileResult,
) -> None:
    rows = appendix_rows(compiled)
    assert rows[0][:2] == ["STT", "Họ và tên / tên tập thể, hộ gia đình"]
    numbered = [row for row in rows[1:] if row[0].isdigit()]
    assert Counter(row[1] for row in numbered) == Counter(nfc(s.values["name"]) for s in ACCEPTED)
    assert [row[0] for row in numbered] == [str(n) for n in range(1, len(ACCEPTED) + 1)]
    unit_rows = [row[:2] for row in rows[1:] if re.fullmatch(r"[IVX]+", row[0])]
    assert unit_rows == [
        ["I", "Sở Tài chính"],
        ["II", "Sở Y tế"],
        ["III", "UBND thành phố Nha Trang"],
        ["IV", "Kho bạc Nhà nước Khánh Hòa"],
    ]
    assert rows[-1][1] == f"Tổng cộng: {padded(len(ACCEPTED))} điển hình"


def test_report_figures_equal_the_counts_of_the_rows_written(compiled: CompileResult) -> None:
    text = report_text(compiled)
    registry = load_units(compiled.report.parents[2] / "units.yaml")
    reported = {sent.unit for sent in ACCEPTED}
    assert f"{padded(len(reported))}/{padded(len(registry))} cơ quan, đơn vị, địa phương" in text
    for group in UNIT_GROUPS:
        members = [u.code for u in registry if u.group == group]
        sent = sum(1 for code in members if code in reported)
        exemplars = sum(1 for s in ACCEPTED if s.unit in members)
        if sent:
            line = f"{GROUP_LABELS[group]}: {padded(sent)}/{padded(len(members))} đơn vị, "
            assert f"{line}{padded(exemplars)} điển hình" in text
        else:
            line = f"{GROUP_LABELS[group]}: chưa có đơn vị nào gửi danh sách (tổng số "
            assert f"{line}{padded(len(members))} đơn vị)" in text
    kinds = Counter(nfc(s.values["kind"]).lower() for s in ACCEPTED)
    for kind in KINDS:
        assert f"{kind.capitalize()}: {padded(kinds[kind])} {KIND_WORDS[kind]}" in text
    fields = Counter(nfc(s.values["field"]).lower() for s in ACCEPTED)
    stated = re.search(r"Phân theo lĩnh vực: (.*)\.", text)
    assert stated is not None
    assert stated.group(1) == ", ".join(f"{f} {padded(fields[f])}" for f in FIELDS if fields[f])
    media = sum(1 for s in ACCEPTED if s.values.get("media") not in (None, "không có"))
    assert f"Có {padded(media)} điển hình được gửi kèm tư liệu" in text
    assert f"Còn {padded(len(MISSING))} cơ quan, đơn vị, địa phương chưa gửi" in text
    assert "(từ ngày 15/8/2023 đến ngày 14/9/2023)" in text


def test_report_passes_the_nd30_check(compiled: CompileResult) -> None:
    errors = [f for f in tdkt_docs.check(compiled.report) if f.severity == "error"]
    assert errors == []


def test_report_header_and_appendix_section(compiled: CompileResult) -> None:
    document = docx.Document(str(compiled.report))
    text = report_text(compiled)
    assert "Số: 12/BC-SNV" in text
    assert "Khánh Hòa, ngày 14 tháng 9 năm 2023" in text
    assert "Ban Thi đua - Khen thưởng Trung ương" in text
    assert "DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN, GƯƠNG NGƯỜI TỐT, VIỆC TỐT THÁNG 9 NĂM 2023" in text
    appendix = document.sections[-1]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    width, height = appendix.page_width, appendix.page_height
    assert width is not None and height is not None and width > height
    page_numbers = appendix._sectPr.find(qn("w:pgNumType"))
    assert page_numbers is not None and page_numbers.get(qn("w:start")) == "1"
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT


def test_existing_output_is_not_overwritten(compiled: CompileResult) -> None:
    base = compiled.report.parents[2]
    before = compiled.report.read_bytes()
    with pytest.raises(tdkt_docs.OutputExistsError, match=re.escape("bao-cao-2023-09.docx")):
        compile_month(
            "2023-09",
            base / "units.yaml",
            base / "submissions",
            compiled.report.parent,
            agency=AGENCY,
            signer=SIGNER,
        )
    assert compiled.report.read_bytes() == before


# --- From one month to the next --------------------------------------------------------------


def test_change_from_the_previous_month(tmp_path: Path) -> None:
    (tmp_path / "units.yaml").write_text(UNITS_YAML, "utf-8")
    august = tmp_path / "august"
    august.mkdir()
    write_clean(august / "01-stc.xlsx")
    september = tmp_path / "september"
    make_submissions(september)
    narrative = tmp_path / "narrative.yaml"
    narrative.write_text(
        "direction: Sở Nội vụ đã ban hành Công văn đôn đốc các đơn vị.\n"
        "plans: Tiếp tục đôn đốc các đơn vị chưa gửi danh sách.\n",
        "utf-8",
    )
    out = tmp_path / "out"
    first = compile_month(
        "2023-08", tmp_path / "units.yaml", august, out / "2023-08", agency=AGENCY, signer=SIGNER
    )
    assert first.figures.change is None
    second = compile_month(
        "2023-09",
        tmp_path / "units.yaml",
        september,
        out / "2023-09",
        agency=AGENCY,
        signer=SIGNER,
        narrative_path=narrative,
    )
    change = second.figures.change
    assert change is not None
    assert change.previous_month == "2023-08"
    assert change.units_reported == len({s.unit for s in ACCEPTED}) - 1
    assert change.exemplars == len(ACCEPTED) - len(CLEAN)
    text = report_text(second)
    assert (
        f"So với tháng 8 năm 2023, số cơ quan, đơn vị, địa phương gửi danh sách tăng "
        f"{padded(change.units_reported)}; số điển hình tăng {padded(change.exemplars)}" in text
    )
    assert "CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI" in text
    assert "Tiếp tục đôn đốc các đơn vị chưa gửi danh sách." in text


# --- Refusals ----------------------------------------------------------------------------------


def test_files_that_cannot_be_read_are_refused_with_their_reason(tmp_path: Path) -> None:
    units = load_units_from(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.csv").write_bytes("\t".join(HEADINGS).encode("utf-16"))  # "Unicode Text"
    (folder / "b.xls").write_bytes(b"\xd0\xcf\x11\xe0old")
    shutil.copyfile(DATA / "tabular" / "encrypted.xlsx", folder / "c.xlsx")
    simple_workbook(folder / "d.xlsx", "Sheet", [])
    workbook = openpyxl.Workbook()
    first_sheet(workbook).append(["Đơn vị", "Loại", "Lĩnh vực", "Ghi chú"])
    workbook.save(folder / "e.xlsx")
    good = exemplar("STC", "Nguyễn Văn An", "cá nhân", "khác")
    simple_workbook(folder / "f.xlsx", "Sheet", [good])
    intake = read_submissions(folder, units)
    reasons = {f.file: f.reason for f in intake.rejected_files}
    assert "is not UTF-8 text" in reasons["a.csv"]
    assert "is not a spreadsheet workbook" in reasons["b.xls"]
    assert "save it as an Excel Workbook (.xlsx)" in reasons["b.xls"]
    assert "is protected by a password" in reasons["c.xlsx"]
    assert "no exemplar rows" in reasons["d.xlsx"]
    assert "lacks the required columns 'Họ và tên / tên tập thể, hộ gia đình'" in reasons["e.xlsx"]
    assert [e.name for e in intake.exemplars] == ["Nguyễn Văn An"]
    assert [u.code for u in intake.units_reported] == ["STC"]


def test_semicolon_csv_and_unit_given_as_code_and_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    values = exemplar("KBNN - Kho bạc Nhà nước Khánh Hòa", "Đinh Thị Thu", "cá nhân", "khác")
    lines = ["Báo cáo tháng 9", ";".join(HEADINGS), ";".join(str(values.get(k, "")) for k in KEYS)]
    (folder / "kb.csv").write_text("\n".join(lines) + "\n\n\n", "utf-8")
    intake = read_submissions(folder, load_units_from(tmp_path))
    assert [(e.unit, e.source) for e in intake.exemplars] == [("KBNN", "kb.csv, row 3")]
    assert intake.rejected_rows == () and intake.rejected_files == ()


def load_units_from(folder: Path) -> list[Unit]:
    (folder / "units.yaml").write_text(UNITS_YAML, "utf-8")
    return load_units(folder / "units.yaml")
