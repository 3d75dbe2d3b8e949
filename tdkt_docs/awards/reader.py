"""Read a folder of nomination lists into the accepted nominations of a round.

:func:`read_nominations` reads every workbook (.xlsx, .xlsm, .xls, .xlsb, .ods) and CSV file
of a folder with the same tolerance as the monthly intake (:mod:`tdkt_docs.intake`): a header
under a title, two-row headers with merged cells, a row of column numbers, blank rows, CSV
in UTF-8 or cp1258 with ``;`` or ``,``. Each row becomes a :class:`Nomination` or one
:class:`RejectedRow` per problem, naming file, sheet, row, column and the value expected. A
bad row never stops the others, a bad file never stops the other files.

Sheets named "Hướng dẫn" or "Danh mục" are not read (an import template shows an example
row under the headings of its guide sheet).

**Which unit proposed a row.** In this order:

1. the row's own "Đơn vị đề nghị" cell, when the list has that column;
2. a line "Đơn vị đề nghị: Sở Y tế" (or "Đơn vị: …", "Cơ quan đề nghị: …") in a cell
   above the header, for the whole sheet;
3. the file's name, matched (case-insensitively) with the ``files`` patterns of the
   round's proposals (``files: [so-nong-nghiep*]``).

The unit found must be one of the round's proposing units (compared as people type:
case, spacing and marks as :func:`tdkt_docs.text.match_key` folds them); the nomination
carries the unit exactly as ``round.yaml`` writes it.

**Refusals.** Besides bad cells (legacy TCVN3/VNI text, over 5.000 characters, an invalid
year of birth or gender, a value not in a closed list, with a "did you mean"): the same
nominee twice in the round (same name and phân loại, and the same year of birth when both
rows give one; the first row read is kept, files in name order); an unknown award form; a
form the round does not confer; a form or phân loại đối tượng that does not go to the row's
phân loại; a household award on a row that does not name a household, or the reverse; a
missing vote where the Hội đồng votes; a vote outside 0–100; a vote below the threshold
(70 passes a threshold of 70). A row refused only for its vote is also returned in
``below_threshold``, so that the minutes can list it with its vote.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tdkt_docs.awards.catalog import Catalog, RecipientKind, default_catalog
from tdkt_docs.awards.nominations import (
    COLUMN_BY_KEY,
    COLUMNS,
    CellError,
    Choice,
    Nomination,
    heading,
    parse_birth_year,
    parse_gender,
    parse_honorific,
    parse_vote,
    reads_as_household,
    required_keys,
    text_value,
)
from tdkt_docs.awards.round import RoundFile
from tdkt_docs.intake import (
    HEADER_SEARCH_ROWS,
    FileRejectedError,
    Grid,
    Header,
    RejectedFile,
    RejectedRow,
    cell_text,
    find_header,
    grids,
    heading_key,
    intake_files,
    is_column_numbers,
    read_tables,
    refused_format,
    rejected_csv,
)
from tdkt_docs.text import clean_line, match_key, without_marks

HEADINGS: dict[str, str] = {
    heading_key(text): column.key
    for column in COLUMNS
    for text in (column.heading, *column.aliases)
}
"""Heading key → column key, for :func:`tdkt_docs.intake.find_header`."""
UNIT_LINE = re.compile(
    r"^\s*(?:đơn vị đề nghị|đơn vị trình|cơ quan đề nghị|đơn vị)\s*[:：]\s*(?P<unit>.+?)\s*$",
    re.IGNORECASE,
)
"""A line above the header naming the proposing unit: "Đơn vị đề nghị: Sở Y tế"."""
GUIDE_SHEETS = ("huong dan", "danh muc")
"""Sheets never read as a list (names without marks): import templates put an example row
under the headings of their "Hướng dẫn" sheet."""


@dataclass(frozen=True)
class NominationRules:
    """What a round accepts: the forms it confers (catalog codes), whether each row needs
    the Hội đồng's vote and its threshold (%, inclusive), the loại hình of a row that
    leaves it blank, the proposing units and the file-name patterns of each unit."""

    forms: tuple[str, ...]
    votes_required: bool = False
    threshold: Decimal | None = None
    default_award_type: str | None = None
    units: tuple[str, ...] = ()
    unit_files: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def of_round(cls, round_file: RoundFile) -> NominationRules:
        round_ = round_file.round
        return cls(
            forms=round_file.forms,
            votes_required=round_.council.required,
            threshold=round_.council.threshold,
            default_award_type=round_.award_type,
            units=tuple(proposal.unit for proposal in round_.proposals),
            unit_files={p.unit: tuple(p.files) for p in round_.proposals if p.files},
        )


@dataclass(frozen=True)
class NominationIntake:
    """Everything read from a folder of nomination lists."""

    nominations: tuple[Nomination, ...]
    """The accepted rows, in file name and row order."""
    below_threshold: tuple[Nomination, ...]
    """Rows refused only because their vote is below the threshold (also in
    ``rejected_rows``): the minutes list them with their vote."""
    rejected_rows: tuple[RejectedRow, ...]
    rejected_files: tuple[RejectedFile, ...]
    files: tuple[str, ...]
    """The names of the files considered, in the order read."""

    @property
    def duplicates(self) -> tuple[RejectedRow, ...]:
        return tuple(row for row in self.rejected_rows if row.duplicate_of is not None)

    def rejected_csv(self) -> bytes:
        """``rejected.csv``: UTF-8 with a BOM (Excel opens it), columns file, sheet, row,
        column, message; refused files first."""
        return rejected_csv(self.rejected_files, self.rejected_rows)


# --- One row ------------------------------------------------------------------------------------

Problems = list[tuple[str | None, str]]


class _Context:
    """The rules and catalog of a reading, with the lookups built once."""

    def __init__(self, rules: NominationRules, catalog: Catalog) -> None:
        self.rules = rules
        self.catalog = catalog
        self.kinds = Choice(catalog.kind_lookup)
        self.forms = Choice(catalog.form_lookup)
        self.groups = Choice(catalog.group_lookup)
        self.fields = Choice(catalog.field_lookup)
        self.types = Choice(catalog.type_lookup)
        self.units = {match_key(unit): unit for unit in rules.units}
        self.unit_letters = {without_marks(unit): unit for unit in rules.units}
        self.required = required_keys(rules.votes_required)
        default = rules.default_award_type
        found = self.types.find(default) if default else None
        self.default_award_type = found.key if found else default

    def unit(self, text: str) -> str:
        cleaned = clean_line(text)
        if not self.rules.units:
            return cleaned
        unit = self.units.get(match_key(cleaned)) or self.unit_letters.get(without_marks(cleaned))
        if unit is None:
            listed = ", ".join(repr(u) for u in self.rules.units)
            raise CellError(f"{cleaned!r} is not a proposing unit of this round; expected {listed}")
        return unit

    def form_names(self) -> str:
        labels = {form.code: form.label for form in self.catalog.forms}
        shown = [f"{c!r} ({labels[c]})" if c in labels else repr(c) for c in self.rules.forms]
        return ", ".join(shown) if shown else "none"


def _expected(key: str, context: _Context) -> str:
    if key == "kind":
        return "expected cá nhân, tập thể or hộ gia đình"
    if key == "form":
        return f"expected one of the round's forms: {context.form_names()}"
    if key == "vote":
        return "the round requires the Hội đồng's share of votes in favour, e.g. 85,5"
    if key == "unit":
        return f"expected one of {', '.join(repr(u) for u in context.rules.units)}"
    return "this column is required"


def _cells(values: Mapping[str, object], context: _Context, problems: Problems) -> dict[str, Any]:
    """Each filled cell as its value; the problems of bad cells added to ``problems``."""
    data: dict[str, Any] = {}
    for column in COLUMNS:
        if column.key == "number":
            continue
        raw = values.get(column.key)
        text = cell_text(raw)
        if text is None:
            continue
        try:
            data[column.key] = _cell(column.key, raw, text, context)
        except ValueError as exc:  # CellError, and clean_line's legacy-encoding refusal
            problems.append((column.heading, str(exc)))
    return data


def _cell(key: str, raw: object, text: str, context: _Context) -> object:
    catalog = context.catalog
    if key == "achievements":
        return text_value(text, block=True)
    cleaned = text_value(text)
    if key == "unit":
        return context.unit(cleaned)
    if key == "honorific":
        return parse_honorific(cleaned, catalog)
    if key == "gender":
        return parse_gender(cleaned)
    if key == "birth_year":
        return parse_birth_year(raw, cleaned)
    if key == "vote":
        return parse_vote(raw, cleaned)
    if key == "kind":
        kind = context.kinds.find(cleaned)
        if kind is None:
            raise context.kinds.refuse(cleaned)
        return kind.key
    if key == "form":
        form = context.forms.find(cleaned)
        if form is None:
            raise CellError(
                f"{cleaned!r} is not an award form of the catalog"
                + catalog.form_lookup.suggestion(cleaned)
                + f"; expected one of the round's forms: {context.form_names()}"
            )
        if form.code not in context.rules.forms:
            raise CellError(
                f"{form.label!r} ({form.code}) is not conferred in this round; expected one "
                f"of {context.form_names()}"
            )
        return form.code
    if key == "target_group":
        group = context.groups.find(cleaned)
        if group is None:
            raise context.groups.refuse(cleaned)
        return group.name
    if key == "field":
        activity = context.fields.find(cleaned)
        if activity is None:
            raise context.fields.refuse(cleaned)
        return activity.name
    if key == "award_type":
        award_type = context.types.find(cleaned)
        if award_type is None:
            raise context.types.refuse(cleaned)
        return award_type.key
    return cleaned


def _consistency(data: Mapping[str, Any], context: _Context, problems: Problems) -> None:
    """What one cell says against another: phân loại against form, đối tượng and name."""
    kind: RecipientKind | None = data.get("kind")
    if kind is None:
        return
    name = data.get("name")
    form_code = data.get("form")
    if form_code is not None:
        form = context.catalog.form(form_code)
        if kind not in form.kinds:
            problems.append(
                (
                    heading("form"),
                    f"{form.label!r} goes to {' or '.join(form.kinds)} only, and this row is "
                    f"a {kind}; expected a form for a {kind}",
                )
            )
    group_name = data.get("target_group")
    group = context.groups.find(group_name) if group_name else None
    household_group = group is not None and group.kinds == ("hộ gia đình",)
    if group is not None and kind not in group.kinds:
        problems.append(
            (
                heading("target_group"),
                f"{group.name!r} is a phân loại đối tượng for {' or '.join(group.kinds)}, and "
                f"this row is a {kind}; expected a đối tượng for a {kind}",
            )
        )
    if name is not None:
        household_name = reads_as_household(name)
        if (kind == "hộ gia đình" or household_group) and not household_name:
            problems.append(
                (
                    heading("name"),
                    f"{name!r} does not read as a household, and the row is a household award; "
                    "expected a household's name such as 'Hộ ông Nguyễn Văn Ba' or 'Hộ gia "
                    "đình bà Trần Thị Mai', or another phân loại",
                )
            )
        elif household_name and kind != "hộ gia đình":
            problems.append(
                (
                    heading("kind"),
                    f"{name!r} reads as a household, and the row is a {kind}; expected "
                    "phân loại 'hộ gia đình'",
                )
            )
    if kind != "cá nhân":
        for key in ("birth_year", "gender"):
            if key in data:
                what = "a year of birth" if key == "birth_year" else "a gender"
                problems.append(
                    (
                        heading(key),
                        f"{data[key]!r}: {what} is given only for a cá nhân, and this row is "
                        f"a {kind}; leave the cell empty",
                    )
                )


@dataclass
class _Row:
    nomination: Nomination | None
    problems: Problems
    below_threshold: bool = False


def _read_row(
    values: Mapping[str, object],
    sheet_unit: str | None,
    context: _Context,
    where: tuple[str, str | None, int],
) -> _Row:
    problems: Problems = []
    data = _cells(values, context, problems)
    bad_columns = {column for column, _ in problems}
    if "unit" not in data and heading("unit") not in bad_columns:
        if sheet_unit is not None:
            data["unit"] = sheet_unit
        else:
            problems.append(
                (
                    heading("unit"),
                    "names no proposing unit (no 'Đơn vị đề nghị' cell, no 'Đơn vị đề nghị: …' "
                    "line above the header, and the file's name matches no proposal's files); "
                    + _expected("unit", context),
                )
            )
    for key in context.required:
        column = COLUMN_BY_KEY[key]
        if key not in data and column.heading not in bad_columns:
            problems.append((column.heading, f"is empty; {_expected(key, context)}"))
    _consistency(data, context, problems)
    if problems:
        return _Row(None, problems)
    file, sheet, row = where
    nomination = Nomination(
        unit=data["unit"],
        honorific=data.get("honorific"),
        name=data["name"],
        gender=data.get("gender"),
        birth_year=data.get("birth_year"),
        position=data.get("position"),
        workplace=data.get("workplace"),
        kind=data["kind"],
        form=data["form"],
        target_group=data.get("target_group"),
        field=data.get("field"),
        award_type=data.get("award_type") or context.default_award_type,
        achievements=data.get("achievements"),
        vote=data.get("vote"),
        file=file,
        sheet=sheet,
        row=row,
    )
    threshold = context.rules.threshold
    vote = nomination.vote
    if threshold is not None and vote is not None and vote < threshold:
        message = (
            f"{_percent(vote)}: below the Hội đồng's threshold of {_percent(threshold)} "
            f"(a vote of {_percent(threshold)} passes); expected at least "
            f"{_percent(threshold)}. The case is listed in the minutes, not in the decision"
        )
        return _Row(nomination, [(heading("vote"), message)], below_threshold=True)
    return _Row(nomination, [])


def _percent(number: Decimal) -> str:
    return f"{number}%".replace(".", ",")


# --- A folder -----------------------------------------------------------------------------------


@dataclass
class _Reading:
    context: _Context
    nominations: list[Nomination] = field(default_factory=list)
    below_threshold: list[Nomination] = field(default_factory=list)
    rejected_rows: list[RejectedRow] = field(default_factory=list)
    rejected_files: list[RejectedFile] = field(default_factory=list)
    seen: dict[tuple[str, str], list[Nomination]] = field(default_factory=dict)

    def first_of(self, nomination: Nomination) -> Nomination | None:
        for other in self.seen.get((match_key(nomination.name), nomination.kind), []):
            years = (other.birth_year, nomination.birth_year)
            if None in years or years[0] == years[1]:
                return other
        return None


def _unit_of_file(path: Path, context: _Context) -> str | None:
    name = path.name.casefold()
    for unit, patterns in context.rules.unit_files.items():
        if any(fnmatch.fnmatchcase(name, pattern.casefold()) for pattern in patterns):
            return unit
    return None


def _unit_above(grid: Grid, header: Header, context: _Context) -> str | None:
    """The unit named by a "Đơn vị đề nghị: …" line above the header."""
    for row in range(1, min(header.row, HEADER_SEARCH_ROWS + 1)):
        for value in grid.rows[row - 1]:
            text = cell_text(value)
            match = UNIT_LINE.match(text) if text else None
            if match:
                return context.unit(match.group("unit"))
    return None


def _read_grid(
    grid: Grid, header: Header, file_unit: str | None, reading: _Reading
) -> tuple[int, int]:
    """Read the rows under ``header``; return (rows found, rows accepted)."""
    context = reading.context
    try:
        sheet_unit = _unit_above(grid, header, context) or file_unit
    except ValueError as exc:
        raise FileRejectedError(f"{grid.where(header.row)}: {exc}") from None
    found = accepted = 0
    for row in range(header.last_row + 1, len(grid.rows) + 1):
        values = {
            key: grid.value(row, column, in_header=False) for key, column in header.columns.items()
        }
        if all(cell_text(v) is None for v in values.values()):
            continue  # blank rows, at the end or between blocks
        if row == header.last_row + 1 and is_column_numbers(list(values.values())):
            continue
        found += 1
        result = _read_row(values, sheet_unit, context, (grid.file, grid.sheet, row))
        nomination = result.nomination
        if nomination is not None and not result.below_threshold:
            first = reading.first_of(nomination)
            if first is not None:
                message = (
                    f"{nomination.name!r} ({nomination.kind}) is already nominated in this "
                    f"round ({first.source}, {first.unit}); the first is kept"
                )
                reading.rejected_rows.append(
                    RejectedRow(grid.file, grid.sheet, row, heading("name"), message, first.source)
                )
                continue
        reading.rejected_rows += [
            RejectedRow(grid.file, grid.sheet, row, column, message)
            for column, message in result.problems
        ]
        if nomination is None:
            continue
        if result.below_threshold:
            reading.below_threshold.append(nomination)
            continue
        key = (match_key(nomination.name), nomination.kind)
        reading.seen.setdefault(key, []).append(nomination)
        reading.nominations.append(nomination)
        accepted += 1
    return found, accepted


def _missing(header: Header, context: _Context) -> list[str]:
    """The required headings the header lacks (the vote, and the unit column has other
    sources, so only the name, phân loại and form)."""
    return [
        COLUMN_BY_KEY[key].heading
        for key in context.required
        if key != "vote" and key not in header.columns
    ]


def _read_file(path: Path, reading: _Reading) -> None:
    context = reading.context
    file_unit = _unit_of_file(path, context)
    required = ", ".join(f"'{heading(k)}'" for k in context.required if k != "vote")
    read_tables(
        [
            (grid, find_header(grid, HEADINGS))
            for grid in grids(path)
            if grid.sheet is None or without_marks(grid.sheet) not in GUIDE_SHEETS
        ],
        lambda header: _missing(header, context),
        lambda grid, header: _read_grid(grid, header, file_unit, reading),
        reading.rejected_rows,
        no_header=f"no header row of a nominations list was found in its first "
        f"{HEADER_SEARCH_ROWS} rows; expected a row with the headings {required}",
        rows_of="nomination",
    )


def read_nominations(
    folder: str | Path, rules: NominationRules, catalog: Catalog | None = None
) -> NominationIntake:
    """Read every nominations list in ``folder`` (not its sub-folders), in file name order.

    ``catalog`` is the round's catalog (``RoundFile.catalog``); the bundled one by default.
    Raises :class:`DataError` only when the folder cannot be read: every problem of a list
    is reported in the returned :class:`NominationIntake`.
    """
    context = _Context(rules, catalog if catalog is not None else default_catalog())
    reading = _Reading(context)
    files = intake_files(Path(folder), "nomination lists")
    for path in files:
        refused = refused_format(path)
        if refused is not None:
            reading.rejected_files.append(refused)
            continue
        try:
            _read_file(path, reading)
        except FileRejectedError as exc:
            reading.rejected_files.append(RejectedFile(path.name, str(exc)))
        except OSError as exc:
            reading.rejected_files.append(
                RejectedFile(path.name, f"cannot be read ({exc.strerror or exc})")
            )
    return NominationIntake(
        nominations=tuple(reading.nominations),
        below_threshold=tuple(reading.below_threshold),
        rejected_rows=tuple(reading.rejected_rows),
        rejected_files=tuple(reading.rejected_files),
        files=tuple(path.name for path in files),
    )


__all__ = [
    "HEADINGS",
    "NominationIntake",
    "NominationRules",
    "read_nominations",
]
