"""Reading the data of a batch: CSV as Excel writes it, XLSX, YAML/JSON lists."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from tdkt_docs.batch.rows import read_rows, rows_from_records
from tdkt_docs.errors import DataError
from tests.conftest import EXAMPLES


def test_missing_csv_from_monthly_compile() -> None:
    table = read_rows(EXAMPLES / "reminders" / "don_vi_chua_gui.csv")
    assert table.columns == ("code", "name", "group", "recipient", "email")
    assert len(table.rows) == 11
    first = table.rows[0]
    assert first.label == "row 2"  # the header is row 1, as in a spreadsheet
    assert first.values["recipient"] == "Sở Kế hoạch và Đầu tư"


def test_csv_as_excel_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    nfd = unicodedata.normalize("NFD", "Khánh Hòa")
    text = f'ma;ten\r\nA1;"Sở Y tế; phòng 2"\r\n\r\nA2;"hai\r\ndòng"\r\nA3;{nfd}\r\n;\r\n'
    path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    table = read_rows(path)
    assert table.columns == ("ma", "ten")
    assert [r.values["ma"] for r in table.rows] == ["A1", "A2", "A3"]
    assert table.rows[0].values["ten"] == "Sở Y tế; phòng 2"
    assert table.rows[1].values["ten"] == "hai\r\ndòng"
    assert table.rows[2].values["ten"] == "Khánh Hòa"  # NFC
    assert [r.number for r in table.rows] == [2, 4, 5]  # blank rows skipped, not renumbered


def test_xlsx_first_sheet_or_named_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Bìa"
    sheet.append(["DANH SÁCH ĐƠN VỊ"])
    other = workbook.create_sheet("Đơn vị")
    other.append(["Mã", "Ngày", "Số tiền", "Tỷ lệ"])
    other.append(["A", dt.datetime(2023, 10, 5), 1500000.0, 0.5])
    path = tmp_path / "d.xlsx"
    workbook.save(path)
    table = read_rows(path, sheet="Đơn vị")
    row = table.rows[0]
    assert row.label == "row 2"
    assert row.values == {"Mã": "A", "Ngày": dt.date(2023, 10, 5), "Số tiền": 1500000, "Tỷ lệ": 0.5}
    with pytest.raises(DataError, match="no sheet 'X'"):
        read_rows(path, sheet="X")
    with pytest.raises(DataError, match="no data rows"):
        read_rows(path)  # the first sheet holds only a title


def test_yaml_list(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("- {ma: A, so: 010}\n- {ma: B}\n", "utf-8")
    table = read_rows(path)
    assert table.columns == ("ma", "so")
    assert [r.label for r in table.rows] == ["item 1", "item 2"]
    assert table.rows[0].values["so"] == "010"  # a leading zero is kept
    assert table.rows[1].values["so"] == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("ma,ma\nA,B\n", "the column 'ma' appears twice"),
        ("ma\nA,B\n", "has 2 cells but the header names 1 columns"),
        ("ma\n", "no data rows"),
        ("", "holds no rows"),
    ],
)
def test_bad_csv(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "d.csv"
    path.write_text(content, "utf-8")
    with pytest.raises(DataError, match=message):
        read_rows(path)


def test_csv_in_a_legacy_code_page_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes("ma,ten\nA,Sơn\n".encode("cp1258"))
    with pytest.raises(DataError, match="is not UTF-8 text"):
        read_rows(path)


def test_records_must_be_flat_mappings() -> None:
    with pytest.raises(DataError, match="item 2: expected a mapping"):
        rows_from_records([{"a": 1}, "x"])
    with pytest.raises(DataError, match="'a': expected a single value"):
        rows_from_records([{"a": [1, 2]}])
    with pytest.raises(DataError, match="non-empty list"):
        rows_from_records([])


def test_unknown_data_type(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("x", "utf-8")
    with pytest.raises(DataError, match=r"unknown data file type \.txt"):
        read_rows(path)


def test_title_lines_above_the_header_are_skipped(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH ĐƠN VỊ CHƯA GỬI BÁO CÁO THÁNG 9/2023"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["code", "name", "recipient"])
    sheet.append(["SYT", "Sở Y tế", "Sở Y tế"])
    path = tmp_path / "d.xlsx"
    workbook.save(path)
    table = read_rows(path)
    assert table.columns == ("code", "name", "recipient")
    assert [(r.label, r.values["code"]) for r in table.rows] == [("row 4", "SYT")]


def test_single_column_data(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("recipient\nSở Y tế\nSở Tư pháp\n", "utf-8")
    assert [r.values["recipient"] for r in read_rows(path).rows] == ["Sở Y tế", "Sở Tư pháp"]
