"""ND30 wording of document numbers and the date line (Phụ lục I, NĐ 30/2020).

Numbers below 10 take a leading zero (``05``). In the date line days below 10 take a
leading zero, and of the months only January and February do ("tháng 01", "tháng 9").
A value left blank for the clerk becomes a run of spaces wide enough to write or stamp.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from tdkt_docs.errors import WordingError

BLANK_NUMBER = " " * 12
BLANK_DAY = " " * 8


class YearMonthDay(Protocol):
    """Anything with ``year``, ``month`` and an optional ``day`` (e.g. an ``IssueDate``)."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int: ...
    @property
    def day(self) -> int | None: ...


def document_number(number: int | None, blank: str = BLANK_NUMBER) -> str:
    """The number of "Số: …/…": zero-padded below 10, or a blank for the clerk.

    >>> document_number(5), document_number(12), document_number(2881)
    ('05', '12', '2881')
    >>> document_number(None, blank="    ")
    '    '
    """
    if number is None:
        return blank
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise WordingError(f"a document number is a whole number from 1, got {number!r}", number)
    return f"{number:02d}"


def day_text(day: int) -> str:
    """Days below 10 are zero-padded.

    >>> day_text(7), day_text(25)
    ('07', '25')
    """
    if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 31:
        raise WordingError(f"a day is 1 to 31, got {day!r}", day)
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Only January and February are zero-padded.

    >>> month_text(1), month_text(2), month_text(9), month_text(12)
    ('01', '02', '9', '12')
    """
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise WordingError(f"a month is 1 to 12, got {month!r}", month)
    return f"{month:02d}" if month <= 2 else str(month)


def _parts(date: dt.date | YearMonthDay | str) -> tuple[int, int, int | None]:
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, dt.date):
        return date.year, date.month, date.day
    if isinstance(date, str):
        match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*", date)
        if not match:
            raise WordingError(f"expected YYYY-MM-DD or YYYY-MM, got {date!r}", date)
        year, month, day = match.groups()
        return int(year), int(month), int(day) if day else None
    if hasattr(date, "year") and hasattr(date, "month"):
        return date.year, date.month, getattr(date, "day", None)
    raise WordingError(f"expected a date, got {date!r}", date)


_DAY_FIRST = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*")


def short_date(date: dt.date | YearMonthDay | str) -> str:
    """A date in running text, as ND30 writes it: "ngày 07/9/2023".

    The day below 10 and the months 1 and 2 take a leading zero (as in the date line).
    Accepts a date (an XLSX date cell), ``YYYY-MM-DD`` text (a CSV cell) or ``D/M/YYYY``
    text, which it re-pads.

    >>> short_date(dt.date(2023, 12, 20)), short_date("2023-09-07"), short_date("5/2/2024")
    ('20/12/2023', '07/9/2023', '05/02/2024')
    """
    if isinstance(date, str) and (match := _DAY_FIRST.fullmatch(date)):
        day, month, year = (int(part) for part in match.groups())
    else:
        try:
            year, month, maybe_day = _parts(date)
        except WordingError:
            raise WordingError(
                f"expected a date (a date cell, YYYY-MM-DD or D/M/YYYY), got {date!r}", date
            ) from None
        if maybe_day is None:
            raise WordingError(f"expected a full date with its day, got {date!r}", date)
        day = maybe_day
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise WordingError(f"{day:02d}/{month:02d}/{year} is not a date", date) from exc
    return f"{day_text(day)}/{month_text(month)}/{year}"


def date_line(place: str, date: dt.date | YearMonthDay | str, blank: str = BLANK_DAY) -> str:
    """ô 4: "<Địa danh>, ngày DD tháng M năm YYYY"; a date without a day leaves ``blank``.

    >>> date_line("Khánh Hòa", dt.date(2023, 9, 7))
    'Khánh Hòa, ngày 07 tháng 9 năm 2023'
    >>> date_line("Hà Nội", "2020-01-05")
    'Hà Nội, ngày 05 tháng 01 năm 2020'
    >>> date_line("Khánh Hòa", "2023-09", blank="      ")
    'Khánh Hòa, ngày        tháng 9 năm 2023'
    """
    year, month, day = _parts(date)
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError as exc:
            raise WordingError(f"{year}-{month:02d}-{day:02d} is not a date", date) from exc
    day_part = day_text(day) if day is not None else blank
    return f"{place}, ngày {day_part} tháng {month_text(month)} năm {year}"
