"""The documents of a round, written from its accepted nominations: the tờ trình of the
appraising office, the quyết định of each form with its danh sách, and their shared counts.

Each builder returns the fields of a document as plain data, which
:func:`tdkt_docs.loader.validate` checks with the office defaults of ``round.yaml`` applied,
like any document file. Names and other values from the nominations go into body text
through :func:`tdkt_docs.markup.escape`, so ``A*B*C`` stays ``A*B*C``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from tdkt_docs.awards.catalog import RECIPIENT_KINDS, AwardForm, Catalog, RecipientKind
from tdkt_docs.awards.round import Proposal, RoundFile
from tdkt_docs.markup import escape
from tdkt_docs.models import IssueDate
from tdkt_docs.text import match_key
from tdkt_docs.vietnamese.dates import document_number, short_date
from tdkt_docs.vietnamese.numbers import count_text, format_number

DECISION_GROUPS: Mapping[RecipientKind, str] = {
    "cá nhân": "individuals",
    "tập thể": "collectives",
    "hộ gia đình": "households",
}
"""The Decision award field that holds each phân loại."""
PERSON_TITLES = ("Ông", "Bà")
BLANK = "…"
"""What the clerk fills in, in running text (a number, a day)."""


class Nominee(Protocol):
    """What the documents read from an accepted nomination."""

    @property
    def unit(self) -> str: ...
    @property
    def honorific(self) -> str | None: ...
    @property
    def name(self) -> str: ...
    @property
    def position(self) -> str | None: ...
    @property
    def workplace(self) -> str | None: ...
    @property
    def kind(self) -> RecipientKind: ...
    @property
    def form(self) -> str: ...
    @property
    def vote(self) -> Decimal | None: ...


# --- Counts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """How many nominees of each phân loại each form has, in catalog and list order."""

    counts: Mapping[str, Mapping[RecipientKind, int]]
    """Form code → phân loại → count (every phân loại present, zeros included)."""

    @classmethod
    def of(cls, nominees: Iterable[Nominee], forms: Sequence[str]) -> Tally:
        counts: dict[str, dict[RecipientKind, int]] = {
            code: dict.fromkeys(RECIPIENT_KINDS, 0) for code in forms
        }
        for nominee in nominees:
            counts[nominee.form][nominee.kind] += 1
        return cls({code: kinds for code, kinds in counts.items() if sum(kinds.values())})

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(self.counts)

    def total(self, form: str | None = None) -> int:
        if form is not None:
            return sum(self.counts[form].values())
        return sum(sum(kinds.values()) for kinds in self.counts.values())

    def by_kind(self, kind: RecipientKind) -> int:
        return sum(kinds[kind] for kinds in self.counts.values())

    def words(self, form: str | None = None) -> str:
        """ "12 cá nhân, 05 tập thể và 02 hộ gia đình" (the phân loại given, in list order)."""
        parts = [
            f"{count_text(count)} {kind}"
            for kind in RECIPIENT_KINDS
            if (count := self.counts[form][kind] if form else self.by_kind(kind))
        ]
        return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} và {parts[-1]}"


def kinds_phrase(kinds: Iterable[RecipientKind]) -> str:
    """ "các tập thể, cá nhân và hộ gia đình" for the phân loại present (collectives first,
    as trích yếu write them)."""
    present = set(kinds)
    order: tuple[RecipientKind, ...] = ("tập thể", "cá nhân", "hộ gia đình")
    words = [kind for kind in order if kind in present]
    if len(words) == 1:
        return f"các {words[0]}"
    return f"các {', '.join(words[:-1])} và {words[-1]}"


# --- One line per nominee ---------------------------------------------------------------------


def _joined(first: str, second: str | None, separator: str) -> str:
    if not second or match_key(second) in match_key(first):
        return first
    return f"{first}{separator}{second}"


def entry(nominee: Nominee) -> dict[str, Any]:
    """The decision's list entry: "Ông Nguyễn Văn An, Phó Giám đốc Sở Y tế" (chức vụ and đơn
    vị joined as real award lists join them); a collective or household with its unit or
    address after a comma; a title other than Ông/Bà ("Thượng tá") before the name."""
    fields: dict[str, Any] = {"name": nominee.name}
    if nominee.kind == "cá nhân":
        if nominee.honorific in PERSON_TITLES:
            fields["honorific"] = nominee.honorific
        elif nominee.honorific:
            fields["name"] = f"{nominee.honorific} {nominee.name}"
        where = _joined(nominee.position or "", nominee.workplace, " ").strip()
        if where:
            fields["position"] = where
    elif nominee.workplace:
        fields["position"] = nominee.workplace
    return fields


def display_line(nominee: Nominee) -> str:
    """The entry as one line of text (vote and money tables)."""
    fields = entry(nominee)
    name = f"{fields['honorific']} {fields['name']}" if "honorific" in fields else fields["name"]
    return f"{name}, {fields['position']}" if "position" in fields else str(name)


# --- Values the round's documents share ---------------------------------------------------------


def section_value(round_file: RoundFile, type_name: str, key: str) -> Any:
    """A field of a round document: from round.yaml's section, else the office defaults."""
    section = getattr(round_file.round, type_name, {})
    if key in section:
        return section[key]
    if round_file.office is not None:
        default = round_file.office.defaults_for(type_name).get(key)
        if default is not None:
            return default[0]
    return None


def agency_text(agency: Any) -> str | None:
    """The agency's name in running text: its display_name, else its name on one line."""
    if isinstance(agency, Mapping):
        shown = agency.get("display_name") or agency.get("name")
        return " ".join(str(shown).split()) if shown else None
    return None


def reference(type_word: str, date: Any, number: Any, symbol: Any) -> str:
    """ "Tờ trình số 45/TTr-SNV ngày 11/9/2025", with dots for what the clerk writes (in
    running text spaces would close up: "số …/TTr-SNV ngày …/9/2025")."""
    issue = IssueDate.model_validate(date) if date is not None else None
    if isinstance(number, int) and not isinstance(number, bool):
        shown_number = document_number(number)
    else:
        shown_number = str(number).strip() if number else BLANK
    if issue is None:
        when = f"ngày {BLANK}"
    elif issue.day is None:
        when = f"ngày {BLANK}/{issue.month}/{issue.year}"
    else:
        when = f"ngày {short_date(f'{issue.year}-{issue.month:02d}-{issue.day:02d}')}"
    return f"{type_word} số {shown_number}/{symbol} {when}"


def proposals_text(proposals: Sequence[Proposal]) -> str:
    """ "Giám đốc Sở Y tế tại Tờ trình số 125/TTr-SYT ngày 20/8/2025, … và …"."""
    parts = [f"{escape(p.proposer)} tại {p.reference()}" for p in proposals]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} và {parts[-1]}"


# --- The tờ trình -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Appraisal:
    """What the appraisal reports besides the counts: the Hội đồng's vote and the nominees it
    did not pass."""

    received: int
    """Nominations read (accepted and refused for their vote)."""
    units: int
    below_threshold: tuple[tuple[str, Decimal], ...] = ()
    """(line, vote %) of each nominee whose vote share is below the threshold."""
    minutes_reference: str | None = None
    meeting_date: str | None = None
    votes: tuple[Decimal, ...] = ()


def _percent(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def counts_table(tally: Tally, catalog: Catalog) -> str:
    """The table of counts by form and phân loại, as body markup."""
    kinds = [kind for kind in RECIPIENT_KINDS if tally.by_kind(kind)]
    header = ["STT", "Hình thức khen thưởng", *(k.capitalize() for k in kinds), "Cộng"]
    rows = [header, ["---"] * len(header)]
    for number, code in enumerate(tally.forms, start=1):
        form = catalog.form(code)
        counts = [format_number(tally.counts[code][k]) for k in kinds]
        rows.append([str(number), escape(form.title), *counts, format_number(tally.total(code))])
    if len(tally.forms) > 1:
        totals = [format_number(tally.by_kind(k)) for k in kinds]
        rows.append(["", "Tổng cộng", *totals, format_number(tally.total())])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def submission_fields(
    round_file: RoundFile,
    tally: Tally,
    appraisal: Appraisal,
    decision_titles: Sequence[str],
) -> dict[str, Any]:
    """The tờ trình of the appraising office to the deciding authority."""
    round_ = round_file.round
    catalog = round_file.catalog
    owner = agency_text(section_value(round_file, "submission", "agency")) or "Cơ quan thẩm định"
    recipients = section_value(round_file, "submission", "recipients") or []
    to = " ".join(str(recipients[0]).split()) if recipients else "cấp có thẩm quyền"
    forms = [catalog.form(code) for code in tally.forms]
    every_kind = [k for k in RECIPIENT_KINDS if tally.by_kind(k)]
    award_words = _forms_phrase(forms)
    subject = (
        f"Đề nghị {award_words} cho {kinds_phrase(every_kind)} có thành tích xuất sắc "
        f"trong {round_.campaign}"
    )
    paragraphs = [
        f"Xét đề nghị của {proposals_text(round_.proposals)}, {escape(owner)} đã thẩm định "
        "hồ sơ, kết quả như sau:",
        "# KẾT QUẢ THẨM ĐỊNH",
        f"{escape(owner)} đã nhận hồ sơ đề nghị khen thưởng của {count_text(appraisal.units)} "
        f"đơn vị với {count_text(appraisal.received)} trường hợp. Hồ sơ đảm bảo đúng thủ tục, "
        "thành phần theo quy định.",
    ]
    council = round_.council
    if council.meeting is not None and appraisal.votes:
        held = f"{escape(council.name)} đã họp ngày {short_date(council.meeting.start.date())}" + (
            f" ({appraisal.minutes_reference})" if appraisal.minutes_reference else ""
        )
        low, high = min(appraisal.votes), max(appraisal.votes)
        spread = (
            f"{_percent(low)}%" if low == high else f"từ {_percent(low)}% đến {_percent(high)}%"
        )
        paragraphs.append(
            f"{held}, xét và biểu quyết đề nghị khen thưởng {count_text(tally.total())} trường "
            f"hợp với tỷ lệ phiếu đồng ý {spread}"
            + (
                f" (tỷ lệ tối thiểu {_percent(council.threshold)}%)."
                if council.threshold is not None
                else "."
            )
        )
    if appraisal.below_threshold:
        cases = "; ".join(
            f"{escape(line)} ({_percent(vote)}%)" for line, vote in appraisal.below_threshold
        )
        paragraphs.append(
            f"Có {count_text(len(appraisal.below_threshold))} trường hợp không đạt tỷ lệ phiếu "
            f"đồng ý tối thiểu nên không đề nghị khen thưởng: {cases}."
        )
    paragraphs += [
        "# ĐỀ NGHỊ",
        f"{escape(owner)} đề nghị {escape(to)} {award_words} cho {tally.words()} đã có thành "
        f"tích xuất sắc trong {escape(round_.campaign)}, cụ thể như sau:",
        counts_table(tally, catalog),
        "(Có dự thảo "
        + ", ".join(decision_titles)
        + ", danh sách kèm theo và biên bản họp Hội đồng Thi đua - Khen thưởng).",
        f"{escape(owner)} kính trình {escape(to)} xem xét, quyết định./.",
    ]
    return {
        "type": "submission",
        "subject": escape_subject(subject),
        "body": "\n\n".join(paragraphs),
    }


def escape_subject(text: str) -> str:
    """A trích yếu holds no markup; only whitespace is tidied."""
    return " ".join(text.split())


def _forms_phrase(forms: Sequence[AwardForm]) -> str:
    """ "tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", or the forms joined."""
    phrases = [form.phrase() for form in forms]
    if len(phrases) == 1:
        return phrases[0]
    return f"{', '.join(phrases[:-1])} và {phrases[-1]}"


# --- The quyết định --------------------------------------------------------------------------


def decision_fields(
    round_file: RoundFile,
    form: AwardForm,
    nominees: Sequence[Nominee],
    submission_reference: str,
) -> dict[str, Any]:
    """The decision conferring ``form`` on ``nominees``, with its attached list."""
    round_ = round_file.round
    owner_agency = section_value(round_file, "submission", "agency")
    owner = agency_text(owner_agency) or "cơ quan thẩm định"
    groups: dict[str, list[dict[str, Any]]] = {}
    for nominee in nominees:
        groups.setdefault(DECISION_GROUPS[nominee.kind], []).append(entry(nominee))
    kinds = [n.kind for n in nominees]
    appraiser = _head_of(owner)
    proposal = (
        f"Theo đề nghị của {_plain_proposals(round_.proposals)} và {appraiser} tại "
        f"{submission_reference}"
    )
    executing = (
        ", ".join([*_office_heads(section_value(round_file, "decision", "agency")), appraiser])
        + ", "
        + ", ".join(dict.fromkeys(p.proposer for p in round_.proposals))
        + f", Thủ trưởng các cơ quan, đơn vị có liên quan và {kinds_phrase(kinds)} có tên tại "
        "Điều 1 chịu trách nhiệm thi hành Quyết định này"
    )
    award: dict[str, Any] = {
        "form": form.name,
        "verb": form.verb,
        "reason": round_.reason_text,
        **groups,
    }
    if round_.money_rule:
        award["money"] = {"rule": round_.money_rule}
    fields: dict[str, Any] = {
        "type": "decision",
        "subject": f"{form.phrase()} cho {kinds_phrase(kinds)}",
        "proposal": proposal,
        "award": award,
        "articles": [escape(executing)],
        "attachment": {
            "title": f"{_kinds_caps(kinds)} ĐƯỢC {form.phrase().upper()}",
        },
    }
    overrides = dict(round_.decision)
    per_form = overrides.pop("forms", {}) if isinstance(overrides.get("forms"), Mapping) else {}
    fields.update(overrides)
    fields.update(per_form.get(form.code, {}))
    return fields


def _plain_proposals(proposals: Sequence[Proposal]) -> str:
    parts = [f"{p.proposer} tại {p.reference()}" for p in proposals]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])}, {parts[-1]}"


def _head_of(owner: str) -> str:
    """ "Giám đốc Sở Nội vụ" for the office "Sở Nội vụ tỉnh Khánh Hòa"."""
    name = owner.split(" tỉnh ")[0].split(" thành phố ")[0]
    if name.startswith("Sở "):
        return f"Giám đốc {name}"
    if name.startswith("Ban "):
        return f"Trưởng {name}"
    return f"Thủ trưởng {name}"


def _kinds_caps(kinds: Iterable[RecipientKind]) -> str:
    return kinds_phrase(kinds).upper()


def _office_heads(agency: Any) -> list[str]:
    """ "Chánh Văn phòng Ủy ban nhân dân tỉnh" when an Ủy ban nhân dân decides: its office
    is charged with the execution in every real award decision seen (tdkt-awards.md §2.3)."""
    name = agency.get("name") if isinstance(agency, Mapping) else None
    words = " ".join(str(name).split()).upper() if name else ""
    if not words.startswith("ỦY BAN NHÂN DÂN"):
        return []
    rest = words.removeprefix("ỦY BAN NHÂN DÂN").strip()
    level = rest.split(" ", 1)[0].lower() if rest else ""
    level = "thành phố" if rest.startswith("THÀNH PHỐ") else level
    return [f"Chánh Văn phòng Ủy ban nhân dân {level}".strip()]


# --- The biên bản of the Hội đồng ------------------------------------------------------------

VOTE_HEADINGS = ("STT", "Tên cá nhân, tập thể", "Hình thức khen thưởng", "Tỷ lệ phiếu (%)")


def vote_table(considered: Sequence[Nominee], catalog: Catalog) -> str:
    """The vote result table as body markup: one row per case voted on, in list order."""
    rows = [list(VOTE_HEADINGS), ["---"] * len(VOTE_HEADINGS)]
    for number, nominee in enumerate(considered, start=1):
        vote = _percent(nominee.vote) if nominee.vote is not None else ""
        title = catalog.form(nominee.form).title
        rows.append([str(number), escape(display_line(nominee)), escape(title), vote])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def _person(person: Any) -> dict[str, Any]:
    return {"honorific": person.honorific, "name": person.name, "position": person.position}


def minutes_fields(
    round_file: RoundFile, considered: Sequence[Nominee], tally: Tally
) -> dict[str, Any]:
    """The biên bản of the Hội đồng's meeting: who attended, the vote on each case and the
    conclusion. ``considered`` holds every case voted on (those below the threshold too)."""
    round_ = round_file.round
    council = round_.council
    catalog = round_file.catalog
    if council.meeting is None or council.chair is None or council.secretary is None:
        raise ValueError("the minutes need council.meeting, chair and secretary")
    decider = agency_text(section_value(round_file, "decision", "agency")) or "cấp có thẩm quyền"
    forms = [catalog.form(code) for code in tally.forms]
    award_words = _forms_phrase(forms)
    secretary = council.secretary
    members = [council.chair, *council.members, council.secretary]
    present = sum(1 for m in members if getattr(m, "present", True))
    below = [n for n in considered if _is_below(n, council.threshold)]
    paragraphs = [
        "# HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG",
        f"{secretary.honorific} {escape(secretary.name)}, Thư ký Hội đồng, báo cáo kết quả "
        f"tiếp nhận hồ sơ: {escape(council.name)} nhận hồ sơ đề nghị khen thưởng của "
        f"{proposals_text(round_.proposals)}, với {count_text(len(considered))} trường hợp "
        f"đề nghị {award_words} trong {escape(round_.campaign)}.",
        "# KẾT QUẢ BIỂU QUYẾT",
        f"Hội đồng thảo luận, biểu quyết bằng phiếu kín; số thành viên có mặt "
        f"{count_text(present)}/{count_text(len(members))}. Kết quả biểu quyết như sau:",
        vote_table(considered, catalog),
        "# KẾT LUẬN",
        f"Hội đồng thống nhất đề nghị {escape(decider)} {award_words} cho {tally.words()}"
        + (
            f" có tỷ lệ phiếu đồng ý từ {_percent(council.threshold)}% trở lên."
            if council.threshold is not None
            else "."
        ),
    ]
    if below:
        cases = "; ".join(
            f"{escape(display_line(n))} ({_percent(n.vote)}%)" for n in below if n.vote is not None
        )
        paragraphs.append(
            f"Không đề nghị khen thưởng {count_text(len(below))} trường hợp chưa đạt tỷ lệ "
            f"phiếu đồng ý tối thiểu: {cases}."
        )
    meeting = council.meeting
    return {
        "type": "minutes",
        "subject": f"Họp {council.name} xét đề nghị khen thưởng trong {round_.campaign}",
        "start": meeting.start.isoformat(sep=" ", timespec="minutes"),
        "end": meeting.end.isoformat(sep=" ", timespec="minutes"),
        "location": meeting.place,
        "chair": _person(council.chair),
        "secretary": _person(council.secretary),
        "members": [
            {**_person(m), "present": m.present, **({"reason": m.reason} if m.reason else {})}
            for m in council.members
        ],
        "date": meeting.start.date().isoformat(),
        "body": "\n\n".join(paragraphs),
    }


def _is_below(nominee: Nominee, threshold: Decimal | None) -> bool:
    return threshold is not None and nominee.vote is not None and nominee.vote < threshold
