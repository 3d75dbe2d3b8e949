"""The shared vocabulary of the monthly workflow: units, exemplars and the form's columns.

The intake form (writer) and the compiler (reader) both use ``COLUMNS``, so a workbook
written by one is read by the other without edits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from tdkt_docs.models import CELL, ORGAN_NAME, SHORT_CONTACT, Line
from tdkt_docs.text import clean_line

KINDS = ("cá nhân", "tập thể", "hộ gia đình")
FIELDS = ("lao động", "sản xuất", "kinh doanh", "học tập", "công tác", "chiến đấu", "khác")
GENDERS = ("nam", "nữ")
MEDIA = ("video clip", "phim tư liệu", "đường dẫn (link)", "không có")
UNIT_GROUPS = ("sở ban ngành", "huyện thị xã thành phố", "doanh nghiệp", "cơ quan Trung ương")


@dataclass(frozen=True)
class Column:
    """One column of the intake form: its heading, the field it fills, and its rules."""

    key: str
    heading: str
    required: bool
    choices: tuple[str, ...] = ()
    width: float = 18
    """Excel column width (characters), wide enough for Vietnamese text."""
    note: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("unit", "Đơn vị", True, width=34, note="Mã hoặc tên đơn vị, như trong danh sách đơn vị"),
    Column("name", "Họ và tên / tên tập thể, hộ gia đình", True, width=30),
    Column("kind", "Loại", True, KINDS, width=14),
    Column("birth_year", "Năm sinh", False, width=10, note="Chỉ với cá nhân"),
    Column("gender", "Giới tính", False, GENDERS, width=10, note="Chỉ với cá nhân"),
    Column("position", "Chức vụ, nơi công tác hoặc địa chỉ", True, width=40),
    Column("field", "Lĩnh vực", True, FIELDS, width=14),
    Column("achievements", "Tóm tắt thành tích", True, width=60),
    Column("commendations", "Hình thức khen thưởng đã được tặng", False, width=36),
    Column("media", "Tư liệu (video clip, phim tư liệu, đường dẫn)", False, MEDIA, width=22),
    Column("media_link", "Đường dẫn tư liệu", False, width=30),
    Column("notes", "Ghi chú", False, width=24),
)


def _text(value: object) -> object:
    return clean_line(value) if isinstance(value, str) else value


class Unit(BaseModel):
    """A unit expected to report each month."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]{1,32}$")]
    name: Annotated[Line, ORGAN_NAME]
    group: Literal["sở ban ngành", "huyện thị xã thành phố", "doanh nghiệp", "cơ quan Trung ương"]
    recipient: Annotated[Line, ORGAN_NAME]
    """The line after "Kính gửi" in a letter to this unit."""
    email: Annotated[Line, SHORT_CONTACT] | None = None


CellText = Annotated[Line, CELL]
"""A cell's text: it goes into one cell of the report's appendix."""
OptionalCellText = Annotated[Annotated[str, CELL] | None, BeforeValidator(_text)]


class Exemplar(BaseModel):
    """One accepted row of a submission."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    unit: str
    """The unit's code."""
    name: CellText
    kind: Literal["cá nhân", "tập thể", "hộ gia đình"]
    birth_year: Annotated[int | None, Field(ge=1900, le=2100)] = None
    gender: Literal["nam", "nữ"] | None = None
    position: CellText
    field: Literal["lao động", "sản xuất", "kinh doanh", "học tập", "công tác", "chiến đấu", "khác"]
    achievements: CellText
    commendations: OptionalCellText = None
    media: Literal["video clip", "phim tư liệu", "đường dẫn (link)", "không có"] | None = None
    media_link: OptionalCellText = None
    notes: OptionalCellText = None
    source: str = ""
    """Where the row came from: "file.xlsx, sheet 'Mẫu', row 7"."""

    @model_validator(mode="after")
    def _individuals_only(self) -> Exemplar:
        if self.kind != "cá nhân" and (self.birth_year is not None or self.gender is not None):
            raise ValueError(f"birth year and gender are for individuals only, not a {self.kind}")
        return self


@dataclass(frozen=True)
class Period:
    """The reporting period: by default the 15th of the previous month to the 14th."""

    start: dt.date
    end: dt.date

    @classmethod
    def for_month(cls, year: int, month: int, start_day: int = 15) -> Period:
        end = dt.date(year, month, start_day) - dt.timedelta(days=1)
        previous = dt.date(year, month, 1) - dt.timedelta(days=1)
        start = dt.date(
            previous.year, previous.month, min(start_day, 28 if previous.month == 2 else start_day)
        )
        return cls(start, end)
