"""Remake the workbooks of this folder (see README.md). Not run by the tests.

Needs LibreOffice (soffice) and, for the password-protected files, msoffcrypto-tool and
olefile in the running Python (``pip install msoffcrypto-tool olefile``; they are not
dependencies of tdkt_docs)::

    python tests/data/tabular/make_fixtures.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PASSWORD = "matkhau"

# The filled-in intake form: the rows a unit types (tests/test_tabular_files.py expects them).
FORM_ROWS: list[dict[str, Any]] = [
    {"unit": "Sở Tài chính", "name": "Nguyễn Văn An", "kind": "cá nhân", "birth_year": 1984,
     "gender": "nam", "position": "Chuyên viên Phòng Ngân sách", "field": "công tác",
     "achievements": "Sáng kiến rút ngắn thời gian thẩm định", "media": "không có"},
    {"unit": "STC", "name": "Phòng Tin học - Thống kê", "kind": "tập thể",
     "position": "Sở Tài chính", "field": "lao động",
     "achievements": "Số hóa toàn bộ hồ sơ;\nlưu trữ điện tử", "media": "video clip",
     "media_link": "https://stc.khanhhoa.gov.vn/video"},
]  # fmt: skip


def soffice(source: Path, target: str, out: Path, profile: Path) -> Path:
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / f"{source.stem}.{target.split(':')[0]}"


def filled_form(path: Path) -> None:
    from tdkt_docs.monthly.schema import Unit
    from tests.test_monthly_libreoffice import filled_form

    units = [
        Unit(code="STC", name="Sở Tài chính", group="sở ban ngành", recipient="Sở Tài chính"),
        Unit(code="SYT", name="Sở Y tế", group="sở ban ngành", recipient="Sở Y tế"),
    ]
    filled_form(path, units, FORM_ROWS)


def messy(path: Path) -> None:
    """A title row, a header over rows 2-3 with merged cells, a unit merged down over two
    data rows, a date and a float year."""
    import openpyxl

    from tdkt_docs.monthly.schema import COLUMNS

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    sheet["A1"] = "DANH SÁCH ĐIỂN HÌNH THÁNG 9/2023"
    sheet.merge_cells("A1:L1")
    for number, column in enumerate(COLUMNS, start=1):
        if column.key in ("birth_year", "gender"):
            sheet.cell(3, number, column.heading)
        else:
            sheet.cell(2, number, column.heading)
            sheet.merge_cells(start_row=2, start_column=number, end_row=3, end_column=number)
    sheet["D2"] = "Thông tin cá nhân"
    sheet.merge_cells("D2:E2")
    rows = [
        ["UBND thành phố Nha Trang", "Trần Văn Nam", "cá nhân", 1985.0, "nam",
         "Nông dân, phường Phước Hải", "sản xuất", "Nuôi tôm công nghệ cao,\ntạo việc làm",
         None, None, None, dt.datetime(2023, 9, 1)],
        [None, "Hộ ông Lê Văn Tư", "hộ gia đình", None, None, "Phường Vĩnh Hòa",
         "kinh doanh", "Kinh doanh giỏi", None, "phim tư liệu", None, None],
    ]  # fmt: skip
    for offset, values in enumerate(rows):
        for number, value in enumerate(values, start=1):
            sheet.cell(4 + offset, number, value)
    sheet.merge_cells("A4:A5")  # one unit for both rows
    workbook.save(path)


def encrypt_xlsx(source: Path, target: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as plain, target.open("wb") as encrypted:
        document = OOXMLFile(plain)
        document.encrypt(PASSWORD, encrypted)


def xls_with_filepass(source: Path, target: Path) -> None:
    """The .xls with its first CODEPAGE record (type 0x0042) turned into a FILEPASS record
    (type 0x002F, "this workbook is encrypted"): what a reader sees first in a workbook
    saved with a password. Only the record type changes; the stream keeps its size."""
    import olefile

    shutil.copyfile(source, target)
    with olefile.OleFileIO(str(target), write_mode=True) as ole:
        stream = bytearray(ole.openstream("Workbook").read())
        offset = 0
        while offset + 4 <= len(stream):
            kind = int.from_bytes(stream[offset : offset + 2], "little")
            size = int.from_bytes(stream[offset + 2 : offset + 4], "little")
            if kind == 0x0042:
                stream[offset : offset + 2] = (0x002F).to_bytes(2, "little")
                break
            offset += 4 + size
        else:
            raise SystemExit("no CODEPAGE record found")
        ole.write_stream("Workbook", bytes(stream))


def main() -> None:
    sys.path.insert(0, str(HERE.parents[2]))
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        profile = work / "profile"
        form = work / "intake-form.xlsx"
        filled_form(form)
        messy_source = work / "messy.xlsx"
        messy(messy_source)
        for source in (form, messy_source):
            for target in ("xls", "ods"):
                converted = soffice(source, target, work / "out", profile)
                shutil.copyfile(converted, HERE / converted.name)
        # Text CSV, separator ";" (59), quote '"' (34), UTF-8 (76), first line 1.
        csv_file = soffice(
            messy_source, "csv:Text - txt - csv (StarCalc):59,34,76,1", work, profile
        )
        shutil.copyfile(csv_file, HERE / "messy-semicolon.csv")
        note = work / "word-97.txt"
        note.write_text("Báo cáo\n", "utf-8")
        shutil.copyfile(soffice(note, "doc", work / "out", profile), HERE / "word-97.doc")
        encrypt_xlsx(form, HERE / "encrypted.xlsx")
        xls_with_filepass(HERE / "intake-form.xls", HERE / "encrypted.xls")


if __name__ == "__main__":
    main()
