"""``round.yaml``: what an award round says once, for every document it produces.

A round names its campaign (phong trào) and the reason written in Điều 1, the forms it
confers, the proposing units with their tờ trình, the Hội đồng Thi đua - Khen thưởng (its
meeting, members and vote threshold), and, per document, what differs from the office
defaults (``office: office.yaml``, README "Office defaults")::

    office: ../office.yaml
    campaign: phong trào thi đua “Khánh Hòa chung sức xây dựng nông thôn mới” …
    forms: [BKCT]
    award_type: chuyên đề
    proposals:
      - unit: Sở Y tế
        proposer: Giám đốc Sở Y tế
        submission: 125/TTr-SYT
        date: 2025-08-20
    council:
      threshold: 70
      meeting: {start: 2025-09-10 08:00, end: 2025-09-10 10:30, place: …}
      chair: {honorific: Ông, name: …, position: …}
      secretary: {…}
      members: [{…}, {…, present: false, reason: đi công tác}]
    submission: {date: 2025-09-11}
    minutes: {date: 2025-09-10}
    decision: {date: 2025-09-15}     # or 2025-09 (the clerk writes the day), or left out

Paths (office, catalog, money) are relative to the round file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationError, field_validator, model_validator

from tdkt_docs.awards.catalog import Catalog, default_catalog, load_catalog
from tdkt_docs.errors import DataError
from tdkt_docs.loader import read_data, read_office
from tdkt_docs.messages import problems_from
from tdkt_docs.models import (
    FULL_NAME,
    ORGAN_NAME,
    TITLE,
    IssueDate,
    Line,
    Model,
)
from tdkt_docs.office import OfficeDefaults
from tdkt_docs.text import match_key
from tdkt_docs.vietnamese.dates import short_date

REFERENCE_PATTERN = r"^\s*(\d{1,6})?\s*/\s*([A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*)\s*$"
"""How a tờ trình is cited: "125/TTr-SYT", or "/TTr-SYT" while its number is not known."""


def _honorific(value: Any) -> Any:
    return value.strip().capitalize() if isinstance(value, str) else value


class Person(Model):
    """A member of the Hội đồng: "Ông Lê Văn Hòa, Phó Chủ tịch Ủy ban nhân dân tỉnh"."""

    honorific: Annotated[Literal["Ông", "Bà"], BeforeValidator(_honorific)] = Field(
        description="Danh xưng: Ông hoặc Bà"
    )
    name: Annotated[Line, FULL_NAME] = Field(description="Họ và tên")
    position: Annotated[Line, TITLE] = Field(
        description="Chức vụ, chức danh trong Hội đồng: Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng"
    )

    def line(self) -> str:
        return f"{self.honorific} {self.name}, {self.position}"


class Member(Person):
    present: bool = Field(True, description="Có mặt (true) hay vắng (false)")
    reason: Annotated[Line, TITLE] | None = Field(None, description="Lý do vắng mặt, nếu có")


class Meeting(Model):
    start: dt.datetime = Field(description="Thời gian bắt đầu: 2025-09-10 08:00")
    end: dt.datetime = Field(description="Thời gian kết thúc: 2025-09-10 10:30")
    place: Annotated[Line, TITLE] = Field(description="Địa điểm họp")

    @model_validator(mode="after")
    def _order(self) -> Meeting:
        if self.end <= self.start:
            raise ValueError("the meeting ends after it starts (end is before start)")
        return self


class Council(Model):
    """The Hội đồng Thi đua - Khen thưởng that votes on the nominations."""

    name: Annotated[Line, ORGAN_NAME] = Field(
        "Hội đồng Thi đua - Khen thưởng tỉnh", description="Tên Hội đồng"
    )
    required: bool = Field(
        True, description="Mỗi trường hợp phải có tỷ lệ phiếu của Hội đồng (true/false)"
    )
    threshold: Annotated[Decimal, Field(gt=0, le=100)] | None = Field(
        None, description="Tỷ lệ phiếu đồng ý tối thiểu (%), tính cả bằng: 70"
    )
    meeting: Meeting | None = None
    chair: Person | None = None
    secretary: Person | None = None
    members: tuple[Member, ...] = ()

    @model_validator(mode="after")
    def _complete(self) -> Council:
        if self.required:
            missing = [
                key
                for key in ("threshold", "meeting", "chair", "secretary")
                if getattr(self, key) is None
            ]
            if missing:
                raise ValueError(
                    f"a round that requires the Hội đồng's vote gives council.{missing[0]}"
                    + (f" (and {', '.join(missing[1:])})" if missing[1:] else "")
                    + "; or set council.required: false"
                )
        return self


class Proposal(Model):
    """A proposing unit and the tờ trình in which it proposed its nominees."""

    unit: Annotated[Line, ORGAN_NAME] = Field(
        description="Đơn vị đề nghị, như ghi trong ô “Đơn vị đề nghị” của danh sách: Sở Y tế"
    )
    proposer: Annotated[Line, TITLE] = Field(
        description="Người đề nghị, như quyết định ghi: Giám đốc Sở Y tế"
    )
    submission: Annotated[
        str, Field(max_length=40, json_schema_extra={"pattern": REFERENCE_PATTERN})
    ] = Field(description="Số và ký hiệu tờ trình của đơn vị: 125/TTr-SYT")
    date: IssueDate = Field(description="Ngày của tờ trình: 2025-08-20")
    files: tuple[Annotated[str, Field(min_length=1, max_length=200)], ...] = Field(
        (),
        description="Mẫu tên tệp danh sách của đơn vị, khi tệp không ghi ô “Đơn vị đề nghị”: "
        "so-y-te*.xlsx",
    )

    @field_validator("submission")
    @classmethod
    def _reference(cls, value: str) -> str:
        if not re.fullmatch(REFERENCE_PATTERN, value):
            raise ValueError(
                f"{value!r} is not a tờ trình's số and ký hiệu; write them as the tờ trình "
                "does, e.g. '125/TTr-SYT' (or '/TTr-SYT' when the number is not known)"
            )
        return value.replace(" ", "")

    def reference(self) -> str:
        """ "Tờ trình số 125/TTr-SYT ngày 20/8/2025"."""
        number, symbol = self.submission.split("/", 1)
        number = number.strip() or "…"
        date = self.date
        when = short_date(
            f"{date.year}-{date.month:02d}" + (f"-{date.day:02d}" if date.day else "")
        )
        return f"Tờ trình số {number}/{symbol.strip()} ngày {when}"


DocumentFields = Mapping[str, Any]


class Round(Model):
    """An award round (``round.yaml``); see the module docstring."""

    campaign: Annotated[Line, TITLE] = Field(
        description="Phong trào thi đua, như viết sau “trong”: phong trào thi đua “…” năm 2025"
    )
    reason: Annotated[Line, TITLE] | None = Field(
        None,
        description="Thành tích ghi ở Điều 1, sau số lượng; mặc định: đã có thành tích xuất "
        "sắc trong <campaign>",
    )
    forms: tuple[Annotated[str, Field(min_length=1, max_length=200)], ...] | None = Field(
        None,
        description="Hình thức, danh hiệu của đợt (mã hoặc tên trong danh mục): [BKCT]; mặc "
        "định mọi hình thức cấp tỉnh",
    )
    award_type: Annotated[Line, TITLE] | None = Field(
        None, description="Loại hình khen thưởng khi danh sách bỏ trống: chuyên đề"
    )
    proposals: Annotated[tuple[Proposal, ...], Field(min_length=1)] = Field(
        description="Các đơn vị đề nghị và tờ trình của họ"
    )
    council: Council = Field(default_factory=Council)
    submission: dict[str, Any] = Field(
        default_factory=dict,
        description="Tờ trình của cơ quan thẩm định: các trường khác mặc định (số, ngày …)",
    )
    minutes: dict[str, Any] = Field(
        default_factory=dict, description="Biên bản họp Hội đồng: các trường khác mặc định"
    )
    decision: dict[str, Any] = Field(
        default_factory=dict, description="Quyết định: các trường khác mặc định (số, ngày …)"
    )
    money_rule: Annotated[Line, TITLE] | None = Field(
        None,
        description="Câu về tiền thưởng thành một điều của quyết định: Tiền thưởng thực hiện "
        "theo quy định hiện hành …; bỏ trống: quyết định không ghi tiền thưởng",
    )
    money_source: Annotated[Line, TITLE] | None = Field(
        None, description="Nguồn kinh phí, ghi trong bảng tổng hợp tiền thưởng"
    )
    catalog: str | None = Field(None, description="Tệp danh mục riêng (catalog.yaml)")
    money: str | None = Field(None, description="Tệp mức thưởng riêng (money.yaml)")

    @field_validator("proposals")
    @classmethod
    def _distinct_units(cls, value: tuple[Proposal, ...]) -> tuple[Proposal, ...]:
        seen: set[str] = set()
        for proposal in value:
            key = match_key(proposal.unit)
            if key in seen:
                raise ValueError(f"{proposal.unit!r} is listed twice; list each unit once")
            seen.add(key)
        return value

    @property
    def reason_text(self) -> str:
        return self.reason or f"đã có thành tích xuất sắc trong {self.campaign}"


@dataclass(frozen=True)
class RoundFile:
    """A round as read from its file: the checked fields, the office defaults, the catalog,
    and the forms it confers (catalog codes, in catalog order)."""

    round: Round
    path: Path | None
    office: OfficeDefaults | None
    catalog: Catalog
    forms: tuple[str, ...]
    money_path: Path | None

    @property
    def source(self) -> str | None:
        return str(self.path) if self.path is not None else None


def _relative(path: Path | None, value: str, key: str) -> Path:
    resolved = (path.parent if path is not None else Path.cwd()) / value
    if not resolved.is_file():
        raise DataError.single(path, key, f"{value!r} is not a file ({resolved})")
    return resolved


def _forms(round_: Round, catalog: Catalog, source: str | None) -> tuple[str, ...]:
    if round_.forms is None:
        return tuple(form.code for form in catalog.forms if form.level == "tỉnh")
    codes: list[str] = []
    for index, text in enumerate(round_.forms):
        form = catalog.form_lookup.find(text)
        if form is None:
            raise DataError.single(
                source,
                f"forms[{index}]",
                f"{text!r} is not an award form of the catalog"
                + catalog.form_lookup.suggestion(text)
                + f"; expected a code or name such as {catalog.forms[0].code!r}",
            )
        if form.code not in codes:
            codes.append(form.code)
    return tuple(code for code in (f.code for f in catalog.forms) if code in codes)


def parse_round(data: Any, path: str | Path | None = None) -> RoundFile:
    """Check round data (as read from YAML); ``path`` resolves the files it names."""
    where = Path(path) if path is not None else None
    source = str(where) if where is not None else None
    if not isinstance(data, Mapping):
        raise DataError.single(source, "", "expected a mapping of fields (campaign, proposals …)")
    office_value = data.get("office")
    fields = {key: value for key, value in data.items() if key != "office"}
    try:
        round_ = Round.model_validate(fields)
    except ValidationError as exc:
        raise DataError(problems_from(exc, source, model=Round)) from None
    office: OfficeDefaults | None = None
    if isinstance(office_value, OfficeDefaults):
        office = office_value
    elif isinstance(office_value, str):
        office = read_office(_relative(where, office_value, "office"))
    elif office_value is not None:
        raise DataError.single(source, "office", "expected the path of an office file")
    catalog = (
        load_catalog(_relative(where, round_.catalog, "catalog"))
        if round_.catalog
        else default_catalog()
    )
    money_path = _relative(where, round_.money, "money") if round_.money else None
    return RoundFile(round_, where, office, catalog, _forms(round_, catalog, source), money_path)


def load_round(path: str | Path) -> RoundFile:
    """Read and check ``round.yaml``. Raises :class:`DataError` naming the file and field."""
    return parse_round(read_data(Path(path)), path)
