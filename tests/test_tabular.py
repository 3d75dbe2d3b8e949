"""The one tabular reader: limits checked before any reader, formats told by content, one
CSV separator detection and encoding message, one set of value rules."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import string
import struct
import tempfile
import zipfile
from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.styles import Font  # type: ignore[import-untyped, unused-ignore]

from tdkt_docs.batch.rows import read_rows
from tdkt_docs.errors import DataError
from tdkt_docs.monthly.compile import read_submissions
from tdkt_docs.monthly.schema import COLUMNS, Unit
from tdkt_docs.tabular import (
    MAX_FILE_BYTES,
    MAX_PACKAGE_ENTRIES,
    MAX_UNPACKED_BYTES,
    CellRange,
    detect_delimiter,
    read_sheet,
    read_sheets,
)
from tdkt_docs.tabular.extent import MAX_SHEET_CELLS
from tdkt_docs.tabular.model import cell_value
from tests.xlsb_writing import record, sheet_part, wide, write_xlsb

UNITS = [Unit(code="STC", name="Sở Tài chính", group="sở ban ngành", recipient="Sở Tài chính")]
MIB = 1024 * 1024


def problem(exc: pytest.ExceptionInfo[DataError]) -> str:
    (found,) = exc.value.problems
    return str(found)


def small_xlsx(path: Path, rows: int = 3) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Dữ liệu"
    sheet.append(["code", "name"])
    for number in range(rows):
        sheet.append([f"U{number}", f"Đơn vị {number}"])
    workbook.save(path)
    return path


def set_declared_size(path: Path, entry: str, size: int) -> None:
    """Rewrite the unpacked size an entry declares, in its local header and in the central
    directory; its data stays as it is."""
    data = bytearray(path.read_bytes())
    name = entry.encode()
    with zipfile.ZipFile(path) as package:
        local = package.getinfo(entry).header_offset
    data[local + 22 : local + 26] = struct.pack("<I", size)
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        length = struct.unpack("<H", data[position + 28 : position + 30])[0]
        if data[position + 46 : position + 46 + length] == name:
            data[position + 24 : position + 28] = struct.pack("<I", size)
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))


def replace_in_entry(path: Path, entry: str, old: bytes, new: bytes) -> None:
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    assert old in parts[entry]
    parts[entry] = parts[entry].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


# --- Limits, before any reader ------------------------------------------------------------


def test_zip_bomb_is_refused_from_the_directory_alone(tmp_path: Path) -> None:
    """The entry declares 300 MiB but holds a few bytes: a reader that unpacked it would
    fail on the size; the refusal names the declared size, so nothing was unpacked."""
    bomb = small_xlsx(tmp_path / "bomb.xlsx")
    set_declared_size(bomb, "xl/worksheets/sheet1.xml", 300 * MIB)
    with pytest.raises(DataError) as caught:
        read_rows(bomb)
    assert problem(caught) == (
        f"{bomb}: unpacks to 300.0 MiB, over the limit of {MAX_UNPACKED_BYTES / MIB:.1f} MiB"
    )


def test_zip_bomb_in_a_submission_folder_does_not_stop_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bomb = folder / "a.ods"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        with package.open("content.xml", "w", force_zip64=True) as member:
            for _ in range(60):
                member.write(b"\0" * MIB)  # 60 MiB of zeros: under the total, a ratio of 1000
    (folder / "b.csv").write_text(
        "Đơn vị,Họ và tên / tên tập thể,Loại,Chức vụ, nơi công tác hoặc địa chỉ,Lĩnh vực\n",
        "utf-8",
    )
    intake = read_submissions(folder, UNITS)
    reasons = {f.file: f.reason for f in intake.rejected_files}
    assert reasons["a.ods"].startswith("its part content.xml unpacks to 1")
    assert "times its size, as a zip bomb does" in reasons["a.ods"]
    assert set(reasons) == {"a.ods", "b.csv"}  # b.csv was read, and refused for itself


def test_too_many_parts(tmp_path: Path) -> None:
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        for number in range(MAX_PACKAGE_ENTRIES + 1):
            package.writestr(f"x/{number}", "")
    with pytest.raises(DataError, match=f"holds {MAX_PACKAGE_ENTRIES + 1} parts, over the limit"):
        read_sheets(path)


def test_an_entry_larger_than_it_declares_is_not_unpacked_past_its_size(tmp_path: Path) -> None:
    """Python's zip reader, like python-calamine's, stops at the declared size: the lie
    makes a damaged file."""
    path = small_xlsx(tmp_path / "lies.xlsx", rows=2000)
    set_declared_size(path, "xl/worksheets/sheet1.xml", 1000)
    with pytest.raises(DataError) as caught:
        read_rows(path)
    assert problem(caught) == (
        f"{path}: is a damaged Excel workbook (.xlsx) and cannot be read; open it in Excel or "
        "LibreOffice Calc and save it again"
    )


def far_workbook(path: Path, far: str, *, value: bool = True) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Mã"
    if value:
        sheet[far] = "x"
    else:
        sheet[far].font = Font(bold=True)  # formatted, no value
    workbook.save(path)
    return path


def test_a_value_far_away_is_refused_before_the_reader_lays_the_sheet_out(
    tmp_path: Path,
) -> None:
    """python-calamine would allocate every cell up to XFD1048576 and abort the process."""
    far = far_workbook(tmp_path / "far.xlsx", "XFD1048576")
    with pytest.raises(DataError) as caught:
        read_rows(far)
    assert problem(caught) == (
        f"{far}: has a sheet whose values reach row 1,048,576 and column XFD "
        f"(17,179,869,184 cells from A1), over the limit of {MAX_SHEET_CELLS:,}; delete what "
        "lies beyond the data and save it again"
    )
    folder = tmp_path / "in"
    folder.mkdir()
    far.rename(folder / "far.xlsx")
    (folder / "z.csv").write_text("x\n", "utf-8")
    intake = read_submissions(folder, UNITS)
    assert [f.file for f in intake.rejected_files] == ["far.xlsx", "z.csv"]  # went on


def test_formatting_far_away_is_not_a_value(tmp_path: Path) -> None:
    path = far_workbook(tmp_path / "styled.xlsx", "XFD1048576", value=False)
    assert read_sheet(path).rows == (("Mã",),)


def test_cells_without_a_reference(tmp_path: Path) -> None:
    """A cell may omit its reference (it then follows the previous one): such sheets are
    walked cell by cell, and read as the reader places them."""
    path = small_xlsx(tmp_path / "d.xlsx")
    expected = read_sheet(path).rows
    with zipfile.ZipFile(path) as package:
        sheet = package.read("xl/worksheets/sheet1.xml")
    replace_in_entry(
        path, "xl/worksheets/sheet1.xml", sheet, re.sub(rb' r="[A-Z]+[0-9]+"', b"", sheet)
    )
    assert read_sheet(path).rows == expected
    far = far_workbook(tmp_path / "far.xlsx", "XFD1")
    with zipfile.ZipFile(far) as package:
        sheet = package.read("xl/worksheets/sheet1.xml")
    far_row = b'<row r="1048576"><c t="inlineStr"><is><t>y</t></is></c></row></sheetData>'
    replace_in_entry(far, "xl/worksheets/sheet1.xml", b"</sheetData>", far_row)
    with pytest.raises(DataError, match="values reach row 1,048,576 and column XFD"):
        read_sheets(far)


def test_a_value_repeated_over_an_ods_sheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lap.ods"
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="A">'
        '<table:table-row table:number-rows-repeated="1000">'
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", content)
    with pytest.raises(DataError, match="values reach row 1,000 and column XFD"):
        read_sheets(path)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".xls"])
def test_file_size_is_checked_before_reading(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"big{suffix}"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + MIB)  # sparse: only the size is looked at
    with pytest.raises(DataError) as caught:
        read_sheets(path)
    assert problem(caught) == f"{path}: is 51.0 MiB, over the limit of 50.0 MiB for a data file"


# --- The format is told by the content -------------------------------------------------------


def test_an_xlsx_named_xls_is_read_as_the_xlsx_it_is(tmp_path: Path) -> None:
    path = small_xlsx(tmp_path / "d.xlsx")
    renamed = path.rename(tmp_path / "d.xls")
    table = read_rows(renamed)
    assert [r.values["code"] for r in table.rows] == ["U0", "U1", "U2"]
    assert table.source == f"{renamed} (sheet 'Dữ liệu')"


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("a.xlsx", b"%PDF-1.7\n...", "it is a PDF document"),
        ("b.xls", b"<html><body><table><tr><td>1</td></tr></table>", "it is a web page (HTML)"),
        (
            "c.xls",
            b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:'
            b'spreadsheet"/>',
            "it is an Excel 2003 XML spreadsheet",
        ),
        ("d.ods", "Mã,Tên\nA,Sở Y tế\n".encode(), "it holds plain text (a CSV file must be named"),
        ("e.xlsx", b"", "the file is empty"),
        ("f.xlsb", bytes(range(256)) * 4, "its content is not a known spreadsheet format"),
    ],
)
def test_another_kind_of_file_renamed(tmp_path: Path, name: str, content: bytes, what: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError) as caught:
        read_sheets(path)
    message = problem(caught)
    assert message.startswith(f"{path}: is not a spreadsheet workbook: {what}")
    assert message.endswith("save it as an Excel Workbook (.xlsx)")


def test_a_word_document_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(DataError, match=r"it is a Word document \(\.docx\)"):
        read_rows(path)


def test_a_workbook_named_csv(tmp_path: Path) -> None:
    path = small_xlsx(tmp_path / "d.xlsx").rename(tmp_path / "d.csv")
    with pytest.raises(DataError, match="is a workbook or another binary file, not CSV text"):
        read_rows(path)


def test_unknown_extension_for_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("x", "utf-8")
    with pytest.raises(DataError, match=r"is not a spreadsheet or CSV file \(\.txt\)"):
        read_sheets(path)


def test_an_ods_saved_with_a_password(tmp_path: Path) -> None:
    path = tmp_path / "d.ods"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", bytes(range(256)))  # encrypted: not XML
        package.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:'
            '1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-'
            'data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>',
        )
    with pytest.raises(DataError, match="is protected by a password"):
        read_sheets(path)


# --- Sheets ----------------------------------------------------------------------------------


def test_hidden_and_chosen_sheets(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    lists = workbook.active
    lists.title = "Danh mục"
    lists.append(["Loại", "Lĩnh vực"])
    lists.sheet_state = "hidden"
    data = workbook.create_sheet("Dữ liệu")
    data.append(["code", "name"])
    data.append(["A", "B"])
    data["D5"] = "xa"
    data.merge_cells("D5:E6")
    data["F6"] = 1
    data.merge_cells("A8:B9")
    path = tmp_path / "d.xlsx"
    workbook.save(path)
    replace_in_entry(path, "xl/worksheets/sheet2.xml", b"A8:B9", b"A6:XFD1048576")  # hostile
    assert [s.name for s in read_sheets(path)] == ["Dữ liệu"]  # the hidden one is left out
    first = read_sheet(path)
    assert first.name == "Dữ liệu" and not first.hidden
    assert first.rows == (
        ("code", "name"), ("A", "B"), (), (), (None, None, None, "xa"), (None,) * 5 + (1,)
    )  # fmt: skip
    assert first.merged == (CellRange(5, 4, 6, 5), CellRange(6, 1, 6, 6))  # cut to the cells
    chosen = read_sheet(path, "Danh mục")  # asked by name: read although hidden
    assert chosen.hidden and chosen.rows == (("Loại", "Lĩnh vực"),)
    with pytest.raises(DataError, match="has no sheet 'X'; its sheets are 'Danh mục', 'Dữ liệu'"):
        read_sheet(path, "X")
    with pytest.raises(DataError, match="a CSV file has no sheets"):
        (tmp_path / "d.csv").write_text("a,b\n", "utf-8")
        read_sheet(tmp_path / "d.csv", "X")


def test_batch_accepts_every_workbook_extension_with_sheet(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("a,b\n1,2\n", "utf-8")
    with pytest.raises(DataError, match=r"--sheet: a sheet can only be chosen in a workbook \("):
        read_rows(path, sheet="X")


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("", None),
        (None, None),
        (15.0, 15),
        (1.5, 1.5),
        (True, True),
        (dt.datetime(2023, 9, 1), dt.date(2023, 9, 1)),
        (dt.datetime(2023, 9, 1, 10, 30), dt.datetime(2023, 9, 1, 10, 30)),
        (dt.time(8, 15), dt.time(8, 15)),
        (dt.timedelta(hours=5, minutes=30), "5:30"),
        (dt.timedelta(hours=26, seconds=5), "26:00:05"),
        ("Kha\u0301nh Ho\u0300a", "Khánh Hòa"),
        ("=1+2", "=1+2"),
    ],
)
def test_value_rules(raw: object, value: object) -> None:
    assert cell_value(raw) == value
    assert type(cell_value(raw)) is type(value)


# --- CSV -------------------------------------------------------------------------------------

HEADINGS = ["Đơn vị", "Họ và tên / tên tập thể, hộ gia đình", "Chức vụ, nơi công tác"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_csv_as_excel_writes_it_in_any_locale(tmp_path: Path, delimiter: str, bom: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["Báo cáo tháng 9"])  # a title row
    writer.writerow(HEADINGS)
    writer.writerow(["STC", "Nguyễn Văn An", "Chuyên viên, Phòng Ngân sách; Sở Tài chính"])
    path = tmp_path / "d.csv"
    path.write_bytes((bom + buffer.getvalue()).encode("utf-8"))
    (sheet,) = read_sheets(path)
    assert sheet.name is None
    assert sheet.rows[1] == tuple(HEADINGS)
    assert sheet.rows[2] == ("STC", "Nguyễn Văn An", "Chuyên viên, Phòng Ngân sách; Sở Tài chính")


def test_excel_separator_line(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("sep=;\r\nma;ten, ho\r\nA;B, C\r\n", "utf-8")
    table = read_rows(path)
    assert table.columns == ("ma", "ten, ho")
    assert [(r.label, r.values["ten, ho"]) for r in table.rows] == [("row 2", "B, C")]


def test_one_encoding_message_for_batch_and_intake(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "a.csv"
    path.write_bytes("Đơn;Tên\nSơn;Tâm\n".encode("cp1258"))  # Excel's "CSV (Comma delimited)"
    expected = (
        "is not UTF-8 text (byte 0xD0 at position 0); in Excel choose File → Save As → "
        "'CSV UTF-8 (Comma delimited) (*.csv)' (LibreOffice: Text CSV, character set Unicode "
        "(UTF-8)), or use the workbook itself"
    )
    with pytest.raises(DataError) as caught:
        read_rows(path)
    assert problem(caught) == f"{path}: {expected}"
    (rejected,) = read_submissions(folder, UNITS).rejected_files
    assert rejected.reason == expected


def test_csv_with_an_unclosed_quote(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text('a,b\n1,2\n3,"' + "x" * (csv.field_size_limit() + 10) + "\n", "utf-8")
    with pytest.raises(DataError, match=r"row 3: a cell is longer than \d+ characters; a quote"):
        read_rows(path)


def test_utf16_and_nul_are_not_csv(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes("a\tb\n".encode("utf-16"))  # Excel's "Unicode Text"
    with pytest.raises(DataError, match="is not UTF-8 text"):
        read_rows(path)
    path.write_bytes(b"a,b\n1,\x002\n")
    with pytest.raises(DataError, match="holds NUL characters"):
        read_rows(path)


CELL_TEXT = st.text(
    alphabet=st.sampled_from(string.ascii_letters + " ,;\t\"'\nàáạảãăắđêếệôơưửữỳ0123456789"),
    max_size=12,
)


@given(
    table=st.integers(2, 5).flatmap(
        lambda width: st.lists(st.lists(CELL_TEXT, min_size=width, max_size=width), min_size=2)
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_csv_quoted_as_libreoffice_writes_it_reads_back(
    table: list[list[str]], delimiter: str
) -> None:
    """Text quoted whole (LibreOffice's default): whatever the cells hold, the separator is
    found and every cell reads back, one row per written row."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL).writerows(table)
    assert detect_delimiter(buffer.getvalue()) == delimiter
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "d.csv"
        path.write_text(buffer.getvalue(), "utf-8", newline="")
        (sheet,) = read_sheets(path)
    expected = []
    for row in table:
        cells = [cell or None for cell in row]
        while cells and cells[-1] is None:
            cells.pop()
        expected.append(tuple(cells))
    assert sheet.rows == tuple(expected)


# --- .xlsb (written here record by record: neither openpyxl nor LibreOffice writes it) ------


def test_xlsb_for_batch_and_intake(tmp_path: Path) -> None:
    lists = sheet_part([(0, ["Loại", "Lĩnh vực", "Giới tính"])])
    headings = [column.heading for column in COLUMNS]
    rows = [
        (0, ["DANH SÁCH ĐIỂN HÌNH"]),
        (2, headings),
        (3, ["STC", "Nguyễn Văn An", "cá nhân", 1984.0, "nam", "Chuyên viên", "khác", "Tốt"]),
        (4, ["", "Phòng Tin học", "tập thể", "", "", "Sở Tài chính", "khác", "Tốt"]),
    ]
    merged = [(0, 0, 0, 11), (3, 4, 0, 0)]  # the title; the unit, down over both rows
    sheets = [("Danh mục", True, lists), ("Mẫu", False, sheet_part(rows, merged))]
    path = write_xlsb(tmp_path / "stc.xlsb", sheets)
    (sheet,) = read_sheets(path)  # the visible one
    assert sheet.merged == (CellRange(1, 1, 1, 12), CellRange(4, 1, 5, 1))
    table = read_rows(path)
    assert table.source == f"{path} (sheet 'Mẫu')"  # the first visible sheet
    assert [(r.label, r.values["Năm sinh"]) for r in table.rows] == [("row 4", 1984), ("row 5", "")]
    intake = read_submissions(tmp_path, UNITS)
    assert [(e.name, e.unit, e.source) for e in intake.exemplars] == [
        ("Nguyễn Văn An", "STC", "stc.xlsb, sheet 'Mẫu', row 4"),
        ("Phòng Tin học", "STC", "stc.xlsb, sheet 'Mẫu', row 5"),
    ]
    assert intake.rejected_rows == () and intake.rejected_files == ()


def test_xlsb_value_far_away(tmp_path: Path) -> None:
    far = sheet_part([(0, ["Mã"])]) .replace(
        record(0x0092), record(0x0000, struct.pack("<I", 9)) + record(
            0x0006, struct.pack("<II", 999_999, 0) + wide("x")) + record(0x0092)
    )  # fmt: skip
    path = write_xlsb(tmp_path / "far.xlsb", [("A", False, far)])
    with pytest.raises(DataError, match=r"values reach row 10 and column \w+ \(10,000,000 cells"):
        read_rows(path)
