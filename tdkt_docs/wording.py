"""Vietnamese wording rules of ND30: document numbers and the date line.

Phụ lục I, NĐ 30/2020: numbers below 10 take a leading zero (05); in the date line days
below 10 take a leading zero, and of the months only 1 and 2 do ("tháng 01", "tháng 9").
A value left blank for the clerk becomes a run of spaces wide enough to write or stamp.
"""

from __future__ import annotations

import datetime as dt


def document_number(number: int) -> str:
    """``5`` → ``"05"``, ``12`` → ``"12"`` (ND30: numbers below 10 are zero-padded)."""
    if number < 1:
        raise ValueError("a document number starts at 1")
    return f"{number:02d}"


def day_text(day: int) -> str:
    """``7`` → ``"07"``: days below 10 are zero-padded."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """``1`` → ``"01"``, ``9`` → ``"9"``: only January and February are zero-padded."""
    if not 1 <= month <= 12:
        raise ValueError("a month is 1 to 12")
    return f"{month:02d}" if month <= 2 else str(month)


def date_line(place: str, year: int, month: int, day: int | None, *, blank: str = " " * 8) -> str:
    """``"Khánh Hòa, ngày 07 tháng 9 năm 2023"``; with ``day=None`` the day is ``blank``."""
    if day is not None:
        dt.date(year, month, day)  # refuses 31 April and the like
    day_part = day_text(day) if day is not None else blank
    return f"{place}, ngày {day_part} tháng {month_text(month)} năm {year}"
