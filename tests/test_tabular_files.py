"""The reader on files openpyxl did not write: saved by LibreOffice Calc as .xls, .ods and
CSV, and protected by a password (tests/data/tabular, see its README)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tdkt_docs.batch.rows import read_rows
from tdkt_docs.errors import DataError
from tdkt_docs.monthly.compile import Intake, read_submissions
from tdkt_docs.monthly.schema import COLUMNS, Exemplar, Unit
from tdkt_docs.tabular import read_sheet, read_sheets
from tests.conftest import DATA

FILES = DATA / "tabular"
UNITS = [
    Unit(code="STC", name="Sở Tài chính", group="sở ban ngành", recipient="Sở Tài chính"),
    Unit(code="SYT", name="Sở Y tế", group="sở ban ngành", recipient="Sở Y tế"),
    Unit(
        code="NHATRANG",
        name="UBND thành phố Nha Trang",
        group="huyện thị xã thành phố",
        recipient="UBND thành phố Nha Trang",
    ),
]
FORM_EXEMPLARS = [
    {"unit": "STC", "name": "Nguyễn Văn An", "kind": "cá nhân", "birth_year": 1984,
     "gender": "nam", "position": "Chuyên viên Phòng Ngân sách", "field": "công tác",
     "achievements": "Sáng kiến rút ngắn thời gian thẩm định", "media": "không có"},
    {"unit": "STC", "name": "Phòng Tin học - Thống kê", "kind": "tập thể",
     "position": "Sở Tài chính", "field": "lao động",
     "achievements": "Số hóa toàn bộ hồ sơ; lưu trữ điện tử", "media": "video clip",
     "media_link": "https://stc.khanhhoa.gov.vn/video"},
]  # fmt: skip
MESSY_EXEMPLARS = [
    {"unit": "NHATRANG", "name": "Trần Văn Nam", "kind": "cá nhân", "birth_year": 1985,
     "gender": "nam", "position": "Nông dân, phường Phước Hải", "field": "sản xuất",
     "achievements": "Nuôi tôm công nghệ cao, tạo việc làm", "notes": "01/09/2023"},
    # Its "Đơn vị" cell is merged with the row above.
    {"unit": "NHATRANG", "name": "Hộ ông Lê Văn Tư", "kind": "hộ gia đình",
     "position": "Phường Vĩnh Hòa", "field": "kinh doanh", "achievements": "Kinh doanh giỏi",
     "media": "phim tư liệu"},
]  # fmt: skip


def intake_of(name: str, tmp_path: Path) -> Intake:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(FILES / name, folder / name)
    return read_submissions(folder, UNITS)


def as_typed(intake: Intake) -> list[dict[str, object]]:
    return [e.model_dump(exclude={"source"}, exclude_none=True) for e in intake.exemplars]


@pytest.mark.parametrize("name", ["intake-form.xls", "intake-form.ods"])
def test_the_form_saved_by_libreoffice(name: str, tmp_path: Path) -> None:
    assert [s.name for s in read_sheets(FILES / name)] == ["Điển hình", "Hướng dẫn"]
    intake = intake_of(name, tmp_path)
    assert intake.rejected_rows == () and intake.rejected_files == ()
    assert as_typed(intake) == FORM_EXEMPLARS
    assert [e.source for e in intake.exemplars] == [
        f"{name}, sheet 'Điển hình', row 5",
        f"{name}, sheet 'Điển hình', row 6",
    ]


@pytest.mark.parametrize("name", ["intake-form.xls", "intake-form.ods"])
def test_batch_reads_the_form_below_its_title_rows(name: str) -> None:
    table = read_rows(FILES / name)
    assert table.source == f"{FILES / name} (sheet 'Điển hình')"
    assert table.columns == tuple(column.heading for column in COLUMNS)
    assert [r.label for r in table.rows] == ["row 5", "row 6"]
    assert table.rows[0].values["Năm sinh"] == 1984  # stored as 1984.0 in the .ods
    lists = read_rows(FILES / name, sheet="Danh mục")  # the hidden sheet, asked by name
    assert [r.values["Tên đơn vị"] for r in lists.rows] == ["Sở Tài chính", "Sở Y tế"]


@pytest.mark.parametrize("name", ["messy.xls", "messy.ods"])
def test_title_rows_merged_headers_and_a_unit_merged_down(name: str, tmp_path: Path) -> None:
    intake = intake_of(name, tmp_path)
    assert intake.rejected_rows == () and intake.rejected_files == ()
    assert as_typed(intake) == MESSY_EXEMPLARS
    assert [e.source for e in intake.exemplars][1] == f"{name}, sheet 'Danh sách', row 5"


def test_merged_ranges_of_ods_are_those_of_xls() -> None:
    """python-calamine gives no merged ranges for .ods: they come from content.xml."""
    (ods,) = read_sheets(FILES / "messy.ods")
    (xls,) = read_sheets(FILES / "messy.xls")
    assert set(ods.merged) == set(xls.merged)
    assert len(ods.merged) == 13  # title, 10 headings over two rows, the group, the unit
    assert ods.rows == xls.rows


def test_semicolon_csv_saved_by_libreoffice(tmp_path: Path) -> None:
    sheet = read_sheet(FILES / "messy-semicolon.csv")
    assert sheet.rows[3][7] == "Nuôi tôm công nghệ cao,\ntạo việc làm"  # one row, two lines
    intake = intake_of("messy-semicolon.csv", tmp_path)
    assert [e.name for e in intake.exemplars] == ["Trần Văn Nam"]
    assert intake.exemplars[0].source == "messy-semicolon.csv, row 4"
    # A CSV keeps no merged cells: the second row has no unit, and says so.
    (rejected,) = intake.rejected_rows
    assert (rejected.row, rejected.column) == (5, "Đơn vị")
    assert rejected.message.startswith("is empty")


@pytest.mark.parametrize("name", ["encrypted.xlsx", "encrypted.xls"])
def test_a_workbook_with_a_password(name: str, tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        read_rows(FILES / name)
    (problem,) = caught.value.problems
    assert problem.source == str(FILES / name)
    assert problem.message.startswith("is protected by a password; open it, remove the password")
    (rejected,) = intake_of(name, tmp_path).rejected_files
    assert (rejected.file, rejected.reason) == (name, problem.message)


def test_every_exemplar_field_is_checked() -> None:
    """The expected exemplars above are valid exemplars (a typo there would hide a bug)."""
    for values in FORM_EXEMPLARS + MESSY_EXEMPLARS:
        Exemplar.model_validate({**values, "source": "x"})


def test_a_word_97_document_named_xls(tmp_path: Path) -> None:
    """An OLE file, as an .xls is, that python-calamine cannot read: what it is is said."""
    path = tmp_path / "bao-cao.xls"
    shutil.copyfile(FILES / "word-97.doc", path)
    with pytest.raises(DataError) as caught:
        read_sheets(path)
    (problem,) = caught.value.problems
    assert problem.message.startswith(
        "is not a spreadsheet workbook: it is a Word 97-2003 document (.doc); open it in Excel"
    )
