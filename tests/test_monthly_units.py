from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import tdkt_docs
from tdkt_docs.monthly.schema import Exemplar, Period
from tdkt_docs.monthly.units import load_units

UNITS_YAML = """
units:
  - {code: STC, name: Sở Tài chính, group: sở ban ngành, recipient: Sở Tài chính}
  - {code: NHATRANG, name: UBND thành phố Nha Trang, group: huyện thị xã thành phố,
     recipient: UBND thành phố Nha Trang, email: vp@nhatrang.khanhhoa.gov.vn}
"""


def test_yaml_and_csv_registries(tmp_path: Path) -> None:
    yaml_path = tmp_path / "units.yaml"
    yaml_path.write_text(UNITS_YAML, "utf-8")
    units = load_units(yaml_path)
    assert [u.code for u in units] == ["STC", "NHATRANG"]
    csv_path = tmp_path / "units.csv"
    csv_path.write_text(
        "\ufeffcode,name,group,recipient,email\n"
        "STC,Sở Tài chính,sở ban ngành,Sở Tài chính,\n"
        "KBNN,Kho bạc Nhà nước Khánh Hòa,cơ quan Trung ương,Kho bạc Nhà nước Khánh Hòa,kb@x.vn\n",
        "utf-8",
    )
    units = load_units(csv_path)
    assert [u.email for u in units] == [None, "kb@x.vn"]


def test_bad_registry_rows_are_all_reported(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        "code,name,group,recipient\nSTC,Sở Tài chính,phòng ban,Sở Tài chính\n"
        "STC,Sở Tài chính,sở ban ngành,Sở Tài chính\nSTC,Sở Y tế,sở ban ngành,Sở Y tế\n",
        "utf-8",
    )
    with pytest.raises(tdkt_docs.DataError) as info:
        load_units(path)
    fields = [p.field for p in info.value.problems]
    assert fields == ["row 2.group", "row 4.code"]
    assert "already used by row 3" in info.value.problems[1].message


def test_reporting_period() -> None:
    period = Period.for_month(2023, 9)
    assert (period.start, period.end) == (dt.date(2023, 8, 15), dt.date(2023, 9, 14))
    january = Period.for_month(2024, 1, start_day=1)
    assert (january.start, january.end) == (dt.date(2023, 12, 1), dt.date(2023, 12, 31))


def test_birth_year_is_for_individuals_only() -> None:
    row = {
        "unit": "STC",
        "name": "Tổ công đoàn",
        "kind": "tập thể",
        "position": "Sở Tài chính",
        "field": "công tác",
        "achievements": "Hoàn thành xuất sắc",
        "birth_year": 1980,
    }
    with pytest.raises(ValueError, match="individuals only"):
        Exemplar.model_validate(row)


def test_a_registry_kept_as_a_workbook_or_a_semicolon_csv(tmp_path: Path) -> None:
    """The registry is read by the one tabular reader: Excel's Vietnamese ";" CSV and a
    workbook with a title row above its header work like a plain CSV."""
    import openpyxl  # type: ignore[import-untyped, unused-ignore]

    semicolons = tmp_path / "units.csv"
    semicolons.write_text(
        "code;name;group;recipient;email\nSTC;Sở Tài chính;sở ban ngành;Sở Tài chính;\n",
        "utf-8",
    )
    assert [u.name for u in load_units(semicolons)] == ["Sở Tài chính"]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["DANH SÁCH ĐƠN VỊ"])
    sheet.append(["code", "name", "group", "recipient", "email"])
    sheet.append(["STC", "Sở Tài chính", "sở ban ngành", "Sở Tài chính", None])
    sheet.append([101, "Sở Y tế", "sở ban ngành", "Sở Y tế", "syt@x.vn"])
    path = tmp_path / "units.xlsx"
    workbook.save(path)
    units = load_units(path)
    assert [(u.code, u.email) for u in units] == [("STC", None), ("101", "syt@x.vn")]
    sheet.append(["STC", "Sở Tài chính", "phòng", "Sở Tài chính", None])
    workbook.save(path)
    with pytest.raises(tdkt_docs.DataError) as info:
        load_units(path)
    assert [p.field for p in info.value.problems] == ["row 5.group"]
