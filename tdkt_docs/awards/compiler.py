"""Compile an award round: one folder of nomination lists → every document of the round.

``round.yaml`` and the units' lists go in; out come, in the order they are issued:

=================================  ================================================
``01-bien-ban-hop-hoi-dong.docx``  the Hội đồng's biên bản, with the vote table
``02-to-trinh.docx``               the appraising office's tờ trình to the Chủ tịch
``03-quyet-dinh-<FORM>.docx``      one quyết định per form, with its danh sách
``04-tien-thuong.docx/.xlsx``      the money table (bảng tổng hợp tiền thưởng)
``05-so-dang-ky-van-ban.docx/.xlsx``  the sổ đăng ký văn bản đi rows of the round
``khen-thuong-ho-so-can-bo.xlsx``  the decided awards for HR systems
``ket-qua.json``                   the decided awards, for the certificates
``rejected.csv``                   every refused row, with file, row and column
=================================  ================================================

and a Phụ lục VI metadata sidecar (``.json``) beside each of the round's văn bản. Every
file is built in memory first: invalid input writes nothing, and an existing file is
refused unless ``overwrite``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tdkt_docs.awards.catalog import AwardForm
from tdkt_docs.awards.documents import (
    Appraisal,
    Tally,
    agency_text,
    decision_fields,
    display_line,
    entry,
    minutes_fields,
    reference,
    section_value,
    submission_fields,
)
from tdkt_docs.awards.hr_export import DecidedAward, hr_workbook
from tdkt_docs.awards.money import AwardAmount, MoneyRules, award_amount, load_money
from tdkt_docs.awards.money_table import (
    TITLE,
    MoneyRow,
    MoneyTable,
    decision_reference,
    money_table_docx,
    money_table_xlsx,
)
from tdkt_docs.awards.nominations import Nomination
from tdkt_docs.awards.reader import NominationIntake, NominationRules, read_nominations
from tdkt_docs.awards.round import RoundFile, load_round
from tdkt_docs.errors import DataError, OutputExistsError, Problem
from tdkt_docs.intake import RejectedRow, rejected_csv
from tdkt_docs.kinds.decision import Decision
from tdkt_docs.kinds.submission import Submission
from tdkt_docs.loader import validate
from tdkt_docs.metadata import document_metadata, metadata_problems, sidecar_bytes, sidecar_path
from tdkt_docs.models import AdministrativeDocument, IssueDate
from tdkt_docs.output import write_atomic
from tdkt_docs.register import (
    RegisterCover,
    number_symbol,
    register_docx,
    register_entry,
    register_xlsx,
)
from tdkt_docs.render import render_bytes

MINUTES_FILE = "01-bien-ban-hop-hoi-dong.docx"
SUBMISSION_FILE = "02-to-trinh.docx"
REGISTER_DOCX = "05-so-dang-ky-van-ban.docx"
REGISTER_XLSX = "05-so-dang-ky-van-ban.xlsx"
HR_FILE = "khen-thuong-ho-so-can-bo.xlsx"
RESULTS_FILE = "ket-qua.json"
REJECTED_FILE = "rejected.csv"


def decision_file(form: str, several: bool) -> str:
    """ "03-quyet-dinh.docx", or "03-quyet-dinh-BKCT.docx" when the round has several forms."""
    return f"03-quyet-dinh-{form}.docx" if several else "03-quyet-dinh.docx"


@dataclass(frozen=True)
class Award:
    """An accepted nomination with the decision that confers it and its money."""

    nomination: Nomination
    form: AwardForm
    decision_file: str
    money: AwardAmount | None


@dataclass(frozen=True)
class RoundResult:
    """What :func:`compile_round` read and wrote."""

    round: RoundFile
    intake: NominationIntake
    awards: tuple[Award, ...]
    """The accepted nominations, in proposal order then list order, each once."""
    refused: tuple[RejectedRow, ...]
    """Every refused row: the reader's, and those whose entry no decision can hold."""
    tally: Tally
    documents: Mapping[str, AdministrativeDocument]
    """File name → the văn bản written there (biên bản, tờ trình, quyết định)."""
    files: tuple[Path, ...]
    """Every file written, in the order of the table in the module's docstring."""
    money_as_of: dt.date | None
    """The date the amounts were computed for; ``None`` when the round pays nothing."""
    money_provisional: bool = False
    """The decision has no day yet: the amounts are tạm tính on ``money_as_of``."""
    total: int = 0
    out_dir: Path = field(default_factory=Path)

    @property
    def accepted(self) -> tuple[Nomination, ...]:
        return tuple(award.nomination for award in self.awards)

    def path(self, name: str) -> Path:
        return self.out_dir / name


# --- Which nominations reach the decisions ---------------------------------------------------


def _ordered(nominations: Sequence[Nomination], round_file: RoundFile) -> list[Nomination]:
    """Proposal order (round.yaml), then as the lists give them (file, sheet, row)."""
    rank = {p.unit: index for index, p in enumerate(round_file.round.proposals)}
    return sorted(
        nominations, key=lambda n: (rank.get(n.unit, len(rank)), n.file, n.sheet or "", n.row)
    )


_ENTRY_FIELD = re.compile(r"^award\.(individuals|collectives|households)\[(\d+)\]\.(\w+)")
_GROUP_OF = {"individuals": "cá nhân", "collectives": "tập thể", "households": "hộ gia đình"}
_COLUMN_OF = {
    "name": "Họ và tên / tên tập thể, hộ gia đình",
    "position": "Chức vụ",
    "honorific": "Danh xưng",
}


def _entry_refusals(
    problems: Sequence[Problem], nominees: Sequence[Nomination]
) -> dict[int, RejectedRow]:
    """The nominees (index in ``nominees``) whose own entry made a decision invalid."""
    by_group: dict[str, list[int]] = {}
    for index, nominee in enumerate(nominees):
        by_group.setdefault(nominee.kind, []).append(index)
    refused: dict[int, RejectedRow] = {}
    for problem in problems:
        match = _ENTRY_FIELD.match(problem.field)
        if match is None:
            continue
        group = by_group.get(_GROUP_OF[match.group(1)], [])
        position = int(match.group(2))
        if position >= len(group):
            continue
        index = group[position]
        nominee = nominees[index]
        refused[index] = RejectedRow(
            nominee.file,
            nominee.sheet,
            nominee.row,
            _COLUMN_OF.get(match.group(3)),
            f"cannot be written in the decision's list: {problem.message}",
        )
    return refused


def _decision(
    round_file: RoundFile, form: AwardForm, nominees: list[Nomination], cited: str
) -> tuple[Decision | None, list[Nomination], list[RejectedRow]]:
    """The decision of ``form``; nominees whose entry cannot be written are refused (their
    rows) and the decision is drafted without them."""
    refused: list[RejectedRow] = []
    while nominees:
        fields = decision_fields(round_file, form, nominees, cited)
        try:
            document = validate({**fields, "office": round_file.office}, round_file.source)
        except DataError as exc:
            bad = _entry_refusals(exc.problems, nominees)
            if not bad:
                raise
            refused += bad.values()
            nominees = [n for i, n in enumerate(nominees) if i not in bad]
            continue
        assert isinstance(document, Decision)
        return document, nominees, refused
    return None, [], refused


# --- Money -----------------------------------------------------------------------------------


def _money_date(decision: Decision, today: dt.date) -> tuple[dt.date, bool]:
    """The decision's date, or (provisionally) ``today`` when the clerk has not dated it."""
    issued = decision.date
    if issued.day is not None:
        return dt.date(issued.year, issued.month, issued.day), False
    return today, True


# --- The register, metadata and results ------------------------------------------------------


def _register_note(document: AdministrativeDocument, keeper: str | None) -> str:
    """Column (10): the issuing body when another than the register's keeper."""
    issuer = agency_text(document.agency.model_dump()) or document.agency.one_line_name
    if keeper is None or issuer == keeper:
        return ""
    return f"Văn bản của {issuer}"


def _iso(issued: IssueDate) -> str | None:
    if issued.day is None:
        return None
    return dt.date(issued.year, issued.month, issued.day).isoformat()


def _results_json(
    round_file: RoundFile, awards: Sequence[Award], documents: Mapping[str, Any]
) -> bytes:
    items = []
    for award in awards:
        nominee = award.nomination
        decision = documents[award.decision_file]
        items.append(
            {
                "name": nominee.name,
                "honorific": nominee.honorific,
                "kind": nominee.kind,
                "position": nominee.position,
                "workplace": nominee.workplace,
                "unit": nominee.unit,
                "form": award.form.code,
                "form_title": award.form.title,
                "decision_file": award.decision_file,
                "decision_number": decision.number,
                "decision_symbol": decision.symbol,
                "decision_date": _iso(decision.date),
                "decision_year": decision.date.year,
                "decision_month": decision.date.month,
                "issuer": decision.agency.display_name or decision.agency.one_line_name,
                "place": decision.agency.place,
                "reason": decision.award.reason if decision.award else None,
                "signer": {
                    "authority": list(decision.signer.authority),
                    "title": decision.signer.title,
                    "name": decision.signer.name,
                },
                "amount": award.money.amount if award.money else None,
                "source": nominee.source,
            }
        )
    # What the certificates print (issue 15) comes from here: names as accepted, the
    # decision's reason, place, date and signer.
    data = {"campaign": round_file.round.campaign, "awards": items}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- The round -------------------------------------------------------------------------------


def _refusal_summary(intake: NominationIntake, limit: int = 5) -> str:
    reasons = [str(f) for f in intake.rejected_files] + [str(r) for r in intake.rejected_rows]
    shown = "; ".join(reasons[:limit])
    more = f"; and {len(reasons) - limit} more" if len(reasons) > limit else ""
    return shown + more if shown else "the folder holds no nomination list"


def _received(intake: NominationIntake, accepted: Sequence[Nomination]) -> int:
    """Nominations received: every row read, accepted or refused, each once."""
    rows = {(n.file, n.sheet, n.row) for n in (*accepted, *intake.below_threshold)}
    rows |= {(r.file, r.sheet, r.row) for r in intake.rejected_rows if r.column is not None}
    return len(rows)


def _document(
    fields: Mapping[str, Any], section: Mapping[str, Any], round_file: RoundFile
) -> AdministrativeDocument:
    """A round document validated with round.yaml's section and the office defaults."""
    data = {**fields, **{k: v for k, v in section.items() if k != "forms"}}
    return validate({**data, "office": round_file.office}, round_file.source)


def compile_round(
    round_source: RoundFile | str | Path,
    nominations: str | Path,
    out_dir: str | Path,
    *,
    overwrite: bool = False,
    today: dt.date | None = None,
) -> RoundResult:
    """Compile the round of ``round_source`` (a ``round.yaml`` or a loaded
    :class:`RoundFile`) from the lists in ``nominations`` into ``out_dir``.

    ``today`` is the date a money table is computed for while the decision has no day
    (by default the current date; the table says "tạm tính"). Raises :class:`DataError`
    for invalid input (and when no nomination can be accepted), :class:`OutputExistsError`
    when a file exists and not ``overwrite``; nothing is written then.
    """
    round_file = round_source if isinstance(round_source, RoundFile) else load_round(round_source)
    out, folder = Path(out_dir), Path(nominations)
    if out.resolve() == folder.resolve():
        raise DataError.single(
            out, "", "the output folder must not be the nominations folder (its workbooks "
            "would be read as nominations next time)"
        )  # fmt: skip
    money_rules = load_money(round_file.money_path)
    intake = read_nominations(folder, NominationRules.of_round(round_file), round_file.catalog)
    accepted = _ordered(intake.nominations, round_file)
    if not accepted:
        raise DataError.single(
            folder, "", f"no nomination could be accepted: {_refusal_summary(intake)}"
        )
    catalog = round_file.catalog
    round_ = round_file.round
    forms = [code for code in round_file.forms if any(n.form == code for n in accepted)]
    several = len(forms) > 1

    # The tờ trình is cited by the decisions; its số and date are round.yaml's (or blank).
    submission_reference = reference(
        "Tờ trình",
        section_value(round_file, "submission", "date"),
        section_value(round_file, "submission", "number"),
        section_value(round_file, "submission", "symbol") or "TTr",
    )
    decisions: dict[str, Decision] = {}
    refused: list[RejectedRow] = list(intake.rejected_rows)
    kept: list[Nomination] = []
    awards: list[Award] = []
    for code in forms:
        form = catalog.form(code)
        nominees = [n for n in accepted if n.form == code]
        decision, written, dropped = _decision(round_file, form, nominees, submission_reference)
        refused += dropped
        if decision is None:
            continue
        name = decision_file(code, several)
        decisions[name] = decision
        kept += written
        awards += [Award(n, form, name, None) for n in written]
    if not awards:
        raise DataError.single(
            folder, "", "no nomination could be written in a decision: "
            + "; ".join(str(r) for r in refused[:5])
        )  # fmt: skip
    rank = {id(nomination): index for index, nomination in enumerate(accepted)}
    awards.sort(key=lambda a: rank[id(a.nomination)])
    kept_in_order = [a.nomination for a in awards]
    tally = Tally.of(kept_in_order, round_file.forms)

    # Money: each decision's date (or today, provisionally).
    money_dates = {name: _money_date(d, today or dt.date.today()) for name, d in decisions.items()}
    awards = [
        Award(
            a.nomination,
            a.form,
            a.decision_file,
            award_amount(
                a.form.code, a.nomination.kind, money_dates[a.decision_file][0], money_rules
            ),
        )
        for a in awards
    ]

    minutes = _document(
        minutes_fields(
            round_file, _ordered([*kept_in_order, *intake.below_threshold], round_file), tally
        ),
        round_.minutes,
        round_file,
    )
    minutes_reference = reference("Biên bản", minutes.date, minutes.number, minutes.symbol)
    appraisal = Appraisal(
        received=_received(intake, kept_in_order),
        units=len(round_.proposals),
        below_threshold=tuple(
            (display_line(n), n.vote) for n in intake.below_threshold if n.vote is not None
        ),
        minutes_reference=minutes_reference,
        votes=tuple(n.vote for n in kept_in_order if n.vote is not None),
    )
    titles = [f"Quyết định {catalog.form(code).phrase()}" for code in forms]
    submission = _document(
        submission_fields(round_file, tally, appraisal, titles), round_.submission, round_file
    )
    assert isinstance(submission, Submission)
    documents: dict[str, AdministrativeDocument] = {
        MINUTES_FILE: minutes,
        SUBMISSION_FILE: submission,
        **decisions,
    }
    return _write(
        round_file, intake, awards, refused, tally, documents, money_rules, out,
        money_dates=money_dates, overwrite=overwrite,
    )  # fmt: skip


def _shown_name(nominee: Nomination) -> str:
    fields = entry(nominee)
    return f"{fields['honorific']} {fields['name']}" if "honorific" in fields else fields["name"]


def money_files(decision_name: str) -> tuple[str, str]:
    """The money table's DOCX and XLSX beside a decision: "04-tien-thuong[-BKCT].docx"."""
    suffix = decision_name.removeprefix("03-quyet-dinh").removesuffix(".docx")
    return f"04-tien-thuong{suffix}.docx", f"04-tien-thuong{suffix}.xlsx"


def _money_table(
    round_file: RoundFile,
    decision: Decision,
    awards: Sequence[Award],
    as_of: dt.date,
    provisional: bool,
) -> MoneyTable:
    """The bảng tổng hợp tiền thưởng of one decision, an appendix in its agency's name."""
    rows = [
        MoneyRow(
            name=_shown_name(award.nomination),
            detail=entry(award.nomination).get("position"),
            kind=award.nomination.kind,
            form=award.form.code,
            form_title=award.form.title,
            amount=award.money,
        )
        for award in awards
        if award.money is not None
    ]
    owner = decision.agency.display_name or decision.agency.one_line_name
    return MoneyTable(
        agency=decision.agency,
        reference=decision_reference(decision.number, decision.symbol, decision.date, owner),
        rows=tuple(rows),
        as_of=as_of,
        provisional=provisional,
        money_source=round_file.round.money_source,
        catalog=round_file.catalog,
    )


def _write(
    round_file: RoundFile,
    intake: NominationIntake,
    awards: Sequence[Award],
    refused: Sequence[RejectedRow],
    tally: Tally,
    documents: Mapping[str, AdministrativeDocument],
    money_rules: MoneyRules,
    out: Path,
    *,
    money_dates: Mapping[str, tuple[dt.date, bool]],
    overwrite: bool,
) -> RoundResult:
    """Build every file in memory, then write them (none when one is refused)."""
    outputs: dict[str, bytes] = {}
    sidecars: dict[str, bytes] = {}
    for name, document in documents.items():
        outputs[name] = render_bytes(document)
        metadata = document_metadata(document, source=name)
        problems = metadata_problems(metadata, name)
        if problems:
            raise DataError(problems)
        sidecars[sidecar_path(out / name).name] = sidecar_bytes(metadata)
    stamp = _stamp(documents)
    total = 0
    for name, decision in documents.items():
        if not isinstance(decision, Decision):
            continue
        on, flag = money_dates[name]
        table = _money_table(
            round_file, decision, [a for a in awards if a.decision_file == name], on, flag
        )
        docx_name, xlsx_name = money_files(name)
        outputs[docx_name] = money_table_docx(table)
        # The table is the decision's appendix: its metadata are the decision's.
        appendix = document_metadata(
            decision, description=f"Phụ lục: {TITLE.capitalize()}", source=docx_name
        )
        sidecars[sidecar_path(out / docx_name).name] = sidecar_bytes(appendix)
        outputs[xlsx_name] = money_table_xlsx(table, stamp)
        total += table.total
    keeper = documents[SUBMISSION_FILE].agency
    keeper_name = agency_text(keeper.model_dump()) or keeper.one_line_name
    entries = [
        register_entry(document, note=_register_note(document, keeper_name))
        for document in documents.values()
    ]
    cover = RegisterCover.of(keeper)
    outputs[REGISTER_DOCX] = register_docx(entries, cover)
    outputs[REGISTER_XLSX] = register_xlsx(entries, cover)
    outputs[HR_FILE] = hr_workbook(_decided(awards, documents), stamp)
    outputs[RESULTS_FILE] = _results_json(round_file, awards, documents)
    all_refused = sorted(refused, key=lambda r: (r.file, r.sheet or "", r.row))
    outputs[REJECTED_FILE] = rejected_csv(intake.rejected_files, all_refused)
    outputs.update(sidecars)

    existing = sorted(name for name in outputs if (out / name).exists())
    if existing and not overwrite:
        raise OutputExistsError(
            f"already holds {', '.join(existing)}", several=len(existing) > 1, path=out
        )
    out.mkdir(parents=True, exist_ok=True)
    written = tuple(
        write_atomic(out / name, data, overwrite=overwrite) for name, data in outputs.items()
    )
    return RoundResult(
        round=round_file,
        intake=intake,
        awards=tuple(awards),
        refused=tuple(all_refused),
        tally=tally,
        documents=dict(documents),
        files=written,
        money_as_of=min(on for on, _ in money_dates.values()),
        money_provisional=any(flag for _, flag in money_dates.values()),
        total=total,
        out_dir=out,
    )


def _stamp(documents: Mapping[str, AdministrativeDocument]) -> dt.datetime:
    """The latest document date: the same round always gives the same bytes."""
    dates = [d.date for d in documents.values()]
    return max(dt.datetime(d.year, d.month, d.day or 1) for d in dates)


def _decided(
    awards: Sequence[Award], documents: Mapping[str, AdministrativeDocument]
) -> list[DecidedAward]:
    decided = []
    for award in awards:
        nominee = award.nomination
        decision = documents[award.decision_file]
        assert isinstance(decision, Decision)
        issued = decision.date
        decided.append(
            DecidedAward(
                name=nominee.name,
                honorific=nominee.honorific,
                gender=nominee.gender,
                birth_year=nominee.birth_year,
                position=nominee.position,
                workplace=nominee.workplace,
                kind=nominee.kind,
                form=award.form,
                number=number_symbol(decision) if decision.number is not None else None,
                date=dt.date(issued.year, issued.month, issued.day) if issued.day else None,
                year=issued.year,
                issuer=decision.agency.display_name or decision.agency.one_line_name,
                reason=decision.award.reason if decision.award else "",
                award_type=nominee.award_type,
                target_group=nominee.target_group,
                field=nominee.field,
                unit=nominee.unit,
            )
        )
    return decided
