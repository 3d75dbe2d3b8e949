from __future__ import annotations

import pytest

from tdkt_docs.wording import date_line, day_text, document_number, month_text


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
    assert date_line("Khánh Hòa", 2023, 9, 7) == "Khánh Hòa, ngày 07 tháng 9 năm 2023"
    assert date_line("Hà Nội", 2020, 1, 5) == "Hà Nội, ngày 05 tháng 01 năm 2020"
    assert (
        date_line("Khánh Hòa", 2023, 9, None, blank="    ")
        == "Khánh Hòa, ngày      tháng 9 năm 2023"
    )
    with pytest.raises(ValueError):
        date_line("X", 2023, 2, 30)
    with pytest.raises(ValueError):
        document_number(0)
