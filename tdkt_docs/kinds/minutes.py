"""Biên bản (Mẫu 1.9 of Phụ lục III, ký hiệu BB): the minutes of a meeting, such as the
Hội đồng Thi đua - Khen thưởng's meeting on a round's nominations (tdkt-awards.md §4.5).

The header has no place and date line (Mẫu 1.9); "BIÊN BẢN" and the name of the meeting;
the lines "Thời gian bắt đầu:", "Địa điểm:", "Thành phần tham dự:" (present members, then
"Vắng: …" with the reasons), "Chủ trì (chủ tọa):", "Thư ký (người ghi biên bản):" and
"Nội dung (theo diễn biến cuộc họp):"; the body in the markup of a báo cáo (numbered
headings, the vote table); the closing "Cuộc họp kết thúc vào … giờ … phút, ngày … tháng
… năm …./." written from ``end``. THƯ KÝ signs on the left, CHỦ TỌA on the right, and
Nơi nhận stands under the secretary's signature, ending "Lưu: VT, Hồ sơ.".

Chair and secretary are people ({honorific, name, position}) or the name of one of the
``members``; a biên bản has no agency signer: its ``signer`` (the register's and the
metadata's người ký) is the chair, as CHỦ TỌA.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal

from docx.document import Document as DocxDocument
from pydantic import (
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from tdkt_docs.appendices import fill_table_slots
from tdkt_docs.awards.round import Member, Person
from tdkt_docs.kinds import DocumentKind
from tdkt_docs.messages import did_you_mean
from tdkt_docs.models import (
    FULL_NAME,
    TITLE,
    ArchiveItems,
    BodyDocument,
    IssueDate,
    Line,
    Signer,
    structured_body,
)
from tdkt_docs.profile import Profile
from tdkt_docs.template_builder.bien_ban import build_bien_ban
from tdkt_docs.text import match_key
from tdkt_docs.vietnamese.dates import day_text, month_text
from tdkt_docs.view import blocks_view, common_view

CHAIR_TITLE = "CHỦ TỌA"
SECRETARY_TITLE = "THƯ KÝ"
END_MARK = "./."
DEFAULT_ARCHIVE = ("VT", "Hồ sơ")
"""Mẫu 1.9's "Lưu: VT, Hồ sơ."."""

Event = Literal["cuộc họp", "hội nghị", "hội thảo"]


class Attendee(Person):
    """The chair or the secretary: "Bà Trần Thị Hồng, Phó Chủ tịch Ủy ban nhân dân tỉnh"."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Một người dự họp: danh xưng, họ tên, chức vụ"}
    )


class MeetingMember(Member):
    """A member, present or absent (with the reason)."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Một thành viên: danh xưng, họ tên, chức vụ; vắng mặt thì ghi "
            "present: false và lý do (reason)"
        }
    )

    @model_validator(mode="after")
    def _reason_when_absent(self) -> MeetingMember:
        if self.present and self.reason is not None:
            raise ValueError(
                f"{self.name!r} is present; a reason is given only for an absent member "
                "(present: false)"
            )
        return self


PersonOrMember = Attendee | Annotated[Line, FULL_NAME]
"""A person's fields, or the name of one of the members."""


def moment_text(moment: dt.datetime) -> str:
    """ "08 giờ 00 phút, ngày 10 tháng 9 năm 2025" (day and month as in the date line).

    >>> moment_text(dt.datetime(2025, 9, 10, 8, 0))
    '08 giờ 00 phút, ngày 10 tháng 9 năm 2025'
    >>> moment_text(dt.datetime(2026, 2, 3, 14, 5))
    '14 giờ 05 phút, ngày 03 tháng 02 năm 2026'
    """
    return (
        f"{moment.hour:02d} giờ {moment.minute:02d} phút, ngày {day_text(moment.day)} "
        f"tháng {month_text(moment.month)} năm {moment.year}"
    )


class Minutes(BodyDocument):
    """A biên bản: when, where, who attended and who was absent, the chair and the
    secretary, the body (the meeting's course and its vote table), the closing line."""

    TYPE_ABBREVIATION: ClassVar[str | None] = "BB"
    TYPE_NAME: ClassVar[str] = "biên bản"

    type: Literal["minutes"] = "minutes"
    date: IssueDate = Field(
        None,  # type: ignore[assignment]  # filled from ``start`` by _defaults
        description="Ngày của biên bản (ghi vào sổ văn bản); mặc định: ngày bắt đầu cuộc họp",
    )
    signer: SkipJsonSchema[Signer] = Field(
        None,  # type: ignore[assignment]  # filled from ``chair`` by _defaults
        description="Không ghi: người ký biên bản là thư ký và chủ tọa",
    )
    archive: ArchiveItems = Field(
        DEFAULT_ARCHIVE,
        description="Dòng “Lưu” của nơi nhận: mặc định VT, Hồ sơ (Mẫu 1.9)",
    )
    event: Event = Field(
        "cuộc họp", description="Loại sự kiện: cuộc họp (mặc định), hội nghị hoặc hội thảo"
    )
    start: dt.datetime = Field(description="Thời gian bắt đầu: 2025-09-10 08:00")
    end: dt.datetime = Field(
        description="Thời gian kết thúc, sau thời gian bắt đầu: 2025-09-10 10:30"
    )
    location: Annotated[Line, TITLE] = Field(
        description="Địa điểm: Phòng họp số 2, Ủy ban nhân dân tỉnh Khánh Hòa"
    )
    members: tuple[MeetingMember, ...] = Field(
        (),
        description="Thành viên dự họp và vắng mặt (present: false, reason: lý do), ngoài chủ "
        "tọa và thư ký khi họ được ghi riêng",
    )
    chair: PersonOrMember = Field(
        description="Chủ trì (chủ tọa), ký bên phải: {honorific, name, position}, hoặc họ tên "
        "một thành viên trong members"
    )
    secretary: PersonOrMember = Field(
        description="Thư ký (người ghi biên bản), ký bên trái: {honorific, name, position}, "
        "hoặc họ tên một thành viên trong members"
    )

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        """The date is the meeting's day; the signer is the chair (CHỦ TỌA)."""
        if not isinstance(data, Mapping):
            return data
        if "signer" in data:
            raise ValueError(
                "a biên bản is signed by its secretary (THƯ KÝ) and its chair (CHỦ TỌA): "
                "drop 'signer' and give 'chair' and 'secretary'"
            )
        fields = dict(data)
        # A round's Person and Member (tdkt_docs.awards.round) are taken as their fields.
        for key in ("chair", "secretary"):
            if isinstance(fields.get(key), Person):
                fields[key] = fields[key].model_dump()
        if isinstance(fields.get("members"), list | tuple):
            fields["members"] = [
                m.model_dump() if isinstance(m, Person) else m for m in fields["members"]
            ]
        start = fields.get("start")
        if "date" not in fields and isinstance(start, dt.datetime | dt.date):
            fields["date"] = start
        elif "date" not in fields and isinstance(start, str) and len(start) >= 10:
            fields["date"] = start[:10]
        chair = _name_of(fields.get("chair"))
        if chair is not None:
            fields["signer"] = {"title": CHAIR_TITLE, "name": chair}
        return fields

    @field_validator("end")
    @classmethod
    def _after_start(cls, value: dt.datetime, info: ValidationInfo) -> dt.datetime:
        start = info.data.get("start")
        if isinstance(start, dt.datetime) and value <= start:
            raise ValueError(
                f"the meeting ends after it starts: end {value:%Y-%m-%d %H:%M} is not after "
                f"start {start:%Y-%m-%d %H:%M}"
            )
        return value

    @field_validator("members")
    @classmethod
    def _distinct_members(cls, value: tuple[MeetingMember, ...]) -> tuple[MeetingMember, ...]:
        seen: set[str] = set()
        for index, member in enumerate(value):
            key = match_key(member.name)
            if key in seen:
                raise ValueError(f"members[{index}]: {member.name!r} is listed twice")
            seen.add(key)
        return value

    @field_validator("chair", "secretary")
    @classmethod
    def _known_person(cls, value: Person | str, info: ValidationInfo) -> Person | str:
        if "members" not in info.data:
            return value  # the members are wrong: that is the problem to report
        members: tuple[Member, ...] = info.data["members"]
        name = value.name if isinstance(value, Person) else value
        found = next((m for m in members if match_key(m.name) == match_key(name)), None)
        if isinstance(value, str) and found is None:
            names = [m.name for m in members]
            listed = ", ".join(repr(n) for n in names) if names else "none"
            raise ValueError(
                f"{value!r} is not one of the members ({listed}); give a member's name, or "
                f"the person's honorific, name and position{did_you_mean(value, names)}"
            )
        if found is not None and not found.present:
            raise ValueError(f"{name!r} is marked absent (present: false) in members")
        if info.field_name == "secretary":
            chair = info.data.get("chair")
            chair_name = chair.name if isinstance(chair, Person) else chair
            if isinstance(chair_name, str) and match_key(chair_name) == match_key(name):
                raise ValueError(
                    f"{name!r} is also the chair: the chair (chủ tọa) and the secretary "
                    "(thư ký) are two people"
                )
        return value

    @field_validator("body")
    @classmethod
    def _headings(cls, value: str) -> str:
        return structured_body(value)

    def person(self, value: Person | str) -> Person:
        """The chair or the secretary as a person (a name is looked up in ``members``)."""
        if isinstance(value, Person):
            return value
        return next(m for m in self.members if match_key(m.name) == match_key(value))

    @property
    def chair_person(self) -> Person:
        return self.person(self.chair)

    @property
    def secretary_person(self) -> Person:
        return self.person(self.secretary)

    def attendees(self) -> list[Person]:
        """Who attended: the chair, the present members, the secretary (each once)."""
        chair, secretary = self.chair_person, self.secretary_person
        leads = {match_key(chair.name), match_key(secretary.name)}
        present = [m for m in self.members if m.present and match_key(m.name) not in leads]
        return [chair, *present, secretary]

    def absentees(self) -> list[Member]:
        return [m for m in self.members if not m.present]

    def label(self) -> str:
        return self.subject


def _name_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping) and isinstance(value.get("name"), str):
        return str(value["name"])
    if isinstance(value, Person):
        return value.name
    return None


def _absent_line(member: Member) -> str:
    return member.line() + (f" ({member.reason})" if member.reason else "")


def minutes_view(document: Minutes, profile: Profile) -> dict[str, Any]:
    attendees = [person.line() for person in document.attendees()]
    absent = [_absent_line(member) for member in document.absentees()]
    event = document.event
    return {
        **common_view(document, profile),
        "type_title": "BIÊN BẢN",
        "start_line": f"Thời gian bắt đầu: {moment_text(document.start)}.",
        "location_line": f"Địa điểm: {document.location.rstrip('.')}.",
        "attendees": [
            f"- {line}{'.' if index == len(attendees) - 1 and not absent else ';'}"
            for index, line in enumerate(attendees)
        ],
        "absent_line": f"- Vắng: {'; '.join(absent)}." if absent else "",
        "chair_line": f"Chủ trì (chủ tọa): {document.chair_person.line().rstrip('.')}.",
        "secretary_line": (
            f"Thư ký (người ghi biên bản): {document.secretary_person.line().rstrip('.')}."
        ),
        "content_line": f"Nội dung (theo diễn biến {event}):",
        "body": blocks_view(document.body),
        "closing_line": f"{event.capitalize()} kết thúc vào {moment_text(document.end)}{END_MARK}",
        "chair_title": CHAIR_TITLE,
        "chair_name": document.chair_person.name,
        "secretary_title": SECRETARY_TITLE,
        "secretary_name": document.secretary_person.name,
    }


def finish_minutes(document: DocxDocument, minutes: Minutes, profile: Profile) -> None:
    fill_table_slots(document, minutes, profile)


KIND = DocumentKind(
    model=Minutes,
    name="biên bản",
    template_name="bien_ban.docx",
    build_template=build_bien_ban,
    view=minutes_view,
    example="bien_ban_hop_hoi_dong.yaml",
    type_title="BIÊN BẢN",
    date_line=False,
    finish=finish_minutes,
    description="Biên bản (Mẫu 1.9 Phụ lục III Nghị định 30/2020/NĐ-CP, ký hiệu BB), như "
    "biên bản họp Hội đồng Thi đua - Khen thưởng",
)
