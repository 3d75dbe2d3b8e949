"""The intake form, filled in and saved by LibreOffice Calc as .xlsx, .xls and .ods,
compiles to the same exemplars, rejections and report in each format (issue 11).

Needs LibreOffice Calc (``soffice``); skipped when it is missing, except in CI (``CI`` set),
where it fails.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl  # type: ignore[import-untyped, unused-ignore]
import pytest

from tdkt_docs import monthly
from tdkt_docs.monthly.compile import CompileResult, compile_month
from tdkt_docs.monthly.schema import COLUMNS, Unit
from tests.test_monthly_compile import AGENCY, SIGNER, UNITS_YAML

pytestmark = pytest.mark.slow

ROWS: list[dict[str, Any]] = [
    {"unit": "Sở Tài chính", "name": "Nguyễn Văn An", "kind": "cá nhân", "birth_year": 1984,
     "gender": "nam", "position": "Chuyên viên Phòng Ngân sách", "field": "công tác",
     "achievements": "Sáng kiến rút ngắn thời gian thẩm định,\ntiết kiệm 2,5 tỷ đồng",
     "commendations": "Bằng khen của Chủ tịch UBND tỉnh năm 2022", "media": "không có",
     "notes": dt.datetime(2023, 9, 1)},
    {"unit": "STC", "name": "Phòng Tin học - Thống kê", "kind": "tập thể",
     "position": "Sở Tài chính", "field": "lao động", "achievements": "Số hóa toàn bộ hồ sơ",
     "media": "video clip", "media_link": "https://stc.khanhhoa.gov.vn/video"},
    {"unit": "STC", "name": "Hộ bà Trần Thị Lan", "kind": "hộ gia đình", "birth_year": 1970,
     "position": "Phường Lộc Thọ", "field": "kinh doanh", "achievements": "Kinh doanh giỏi"},
    {"unit": "Sở Du lịch", "name": "Lê Văn Hùng", "kind": "cá nhân", "position": "Hướng dẫn viên",
     "field": "khác", "achievements": "Cứu người đuối nước", "commendations": 45123},
]  # fmt: skip
"""Two good rows, one refused for its year of birth (not a cá nhân), one for its unit."""


def _soffice() -> str:
    path = shutil.which("soffice")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is required in CI (.ci/run installs libreoffice-calc-nogui)")
        pytest.skip("soffice is not installed")
    return path


def save_with_libreoffice(source: Path, target: str, out: Path, profile: Path) -> Path:
    result = subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    saved = out / f"{source.stem}.{target}"
    assert result.returncode == 0 and saved.is_file(), result.stdout + result.stderr
    return saved


def filled_form(path: Path, units: Sequence[Unit], rows: Sequence[Mapping[str, Any]]) -> Path:
    """The intake form for September 2023 with ``rows`` typed in by openpyxl."""
    monthly.form(path, "2023-09", units)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == COLUMNS[0].heading)
    for offset, values in enumerate(rows, start=1):
        for number, column in enumerate(COLUMNS, start=1):
            sheet.cell(header + offset, number, values.get(column.key))
    workbook.save(path)
    return path


def compiled_in(folder: Path, units: Path, out: Path) -> CompileResult:
    return compile_month("2023-09", units, folder, out, agency=AGENCY, signer=SIGNER, number=3)


def comparable(result: CompileResult) -> dict[str, Any]:
    """What the month makes of one submission, without the file's name."""
    data = json.loads(result.compiled_json.read_text("utf-8"))
    name = result.intake.files[0]
    for exemplar in data["exemplars"]:
        assert exemplar["source"].startswith(f"{name}, ")
        exemplar["source"] = exemplar["source"].removeprefix(f"{name}, ")
    report = docx.Document(str(result.report))
    return {
        "compiled": data,
        "rejected": [(r.sheet, r.row, r.column, r.message) for r in result.intake.rejected_rows],
        "rejected_files": result.intake.rejected_files,
        "appendix": [[cell.text for cell in row.cells] for row in report.tables[-1].rows],
        "missing": result.missing_csv.read_bytes(),
    }


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CompileResult]:
    base = tmp_path_factory.mktemp("libreoffice")
    units = base / "units.yaml"
    units.write_text(UNITS_YAML, "utf-8")
    # Filled in by openpyxl: the reference.
    typed = filled_form(base / "stc.xlsx", monthly.load_units(units), ROWS)
    found = {"openpyxl": compiled_in(_alone(typed, base / "openpyxl"), units, base / "out-ref")}
    for target in ("xlsx", "xls", "ods"):
        saved = save_with_libreoffice(typed, target, base / f"saved-{target}", base / "profile")
        found[target] = compiled_in(_alone(saved, base / target), units, base / f"out-{target}")
    return found


def _alone(path: Path, folder: Path) -> Path:
    folder.mkdir()
    shutil.copyfile(path, folder / path.name)
    return folder


@pytest.mark.parametrize("saved_as", ["xlsx", "xls", "ods"])
def test_saved_by_libreoffice_compiles_to_the_same_month(
    results: dict[str, CompileResult], saved_as: str
) -> None:
    assert comparable(results[saved_as]) == comparable(results["openpyxl"])


def test_the_reference_month_is_what_was_typed(results: dict[str, CompileResult]) -> None:
    intake = results["openpyxl"].intake
    assert [(e.name, e.unit) for e in intake.exemplars] == [
        ("Nguyễn Văn An", "STC"),
        ("Phòng Tin học - Thống kê", "STC"),
    ]
    first = intake.exemplars[0]
    assert first.achievements == "Sáng kiến rút ngắn thời gian thẩm định, tiết kiệm 2,5 tỷ đồng"
    assert (first.birth_year, first.notes) == (1984, "01/09/2023")
    assert [(r.row, r.column) for r in intake.rejected_rows] == [
        (7, "Năm sinh"),
        (8, "Đơn vị"),
    ]
    assert intake.rejected_files == ()
