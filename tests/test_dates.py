from __future__ import annotations

import datetime as dt

import pytest

import tdkt_docs
from tdkt_docs.vietnamese.dates import date_line, day_text, document_number, month_text


@pytest.mark.parametrize(
    ("month", "text"), [(1, "01"), (2, "02"), (3, "3"), (9, "9"), (10, "10"), (12, "12")]
)
def test_only_january_and_february_are_padded(month: int, text: str) -> None:
    assert month_text(month) == text


@pytest.mark.parametrize(("day", "text"), [(1, "01"), (7, "07"), (9, "09"), (10, "10"), (31, "31")])
def test_days_are_padded(day: int, text: str) -> None:
    assert day_text(day) == text


@pytest.mark.parametrize(("number", "text"), [(1, "01"), (9, "09"), (10, "10"), (100, "100")])
def test_numbers_are_padded(number: int, text: str) -> None:
    assert document_number(number) == text


def test_date_line() -> None:
    assert date_line("Khánh Hòa", dt.date(2023, 9, 7)) == "Khánh Hòa, ngày 07 tháng 9 năm 2023"
    assert date_line("Hà Nội", "2020-01-05") == "Hà Nội, ngày 05 tháng 01 năm 2020"
    blank = date_line("Khánh Hòa", "2023-09", blank="    ")
    assert blank == "Khánh Hòa, ngày      tháng 9 năm 2023"
    issue_date = tdkt_docs.IssueDate(year=2024, month=2, day=None)
    assert date_line("Hà Nội", issue_date).endswith("tháng 02 năm 2024")


@pytest.mark.parametrize(
    "bad",
    ["2023-02-30", "07/9/2023", "2023-13", 3.5, None],
    ids=["feb-30", "dmy", "month-13", "float", "none"],
)
def test_date_line_refuses(bad: object) -> None:
    with pytest.raises(tdkt_docs.WordingError) as info:
        date_line("X", bad)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("bad", [0, -1, True, 1.0, "5"])
def test_document_number_refuses(bad: object) -> None:
    with pytest.raises(tdkt_docs.WordingError, match=repr(bad).replace(".", r"\.")):
        document_number(bad)  # type: ignore[arg-type]
