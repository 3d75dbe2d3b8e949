"""The month's submissions → the report to the Ban Thi đua - Khen thưởng Trung ương.

Three steps, each usable on its own:

* :func:`read_submissions` reads every workbook (.xlsx, .xlsm, .xls, .xlsb, .ods) and CSV
  file of a folder through :mod:`tdkt_docs.tabular`, finds the intake form's header row,
  validates each row into an :class:`Exemplar` and says exactly which file, sheet, row and
  column is wrong in the rest. A bad row never stops the other rows, and a bad file never
  stops the other files.
* :func:`figures` counts what the report states: units that reported (by group),
  exemplars by kind and by field, media, and the change from the previous month.
* :func:`compile_month` writes the report (DOCX, with the list of exemplars as its
  appendix), ``compiled.xlsx``/``compiled.json`` with every accepted row, ``missing.csv``
  with the units to remind and ``rejected.csv`` with what was refused and why.

The narrative file (YAML or JSON) holds the paragraphs a person writes; every key is
optional and its text uses the body markup of the document format (blank lines between
paragraphs, ``*italic*``, ``**bold**``, ``## `` sub-headings)::

    opening: Thực hiện Công văn số 2881/BTĐKT-TTTT-TT ngày 07/9/2023 …  # replaces the default
    direction: …      # CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI (a section before the results)
    propagation: …    # under "Công tác tuyên truyền", after the media figure
    assessment: …     # ĐÁNH GIÁ CHUNG
    plans: …          # PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI
    proposals: …      # KIẾN NGHỊ, ĐỀ XUẤT
    closing: …        # replaces "Trên đây là báo cáo …./."
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import io
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped, unused-ignore]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, field_validator

from tdkt_docs.errors import DataError, OutputExistsError
from tdkt_docs.intake import (
    HEADER_SEARCH_ROWS,
    INTAKE_SUFFIXES,
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
from tdkt_docs.loader import read_data, validate
from tdkt_docs.markup import escape as escape_markup
from tdkt_docs.messages import did_you_mean, problems_from
from tdkt_docs.models import Agency, Block, Signer
from tdkt_docs.monthly.schema import (
    COLUMNS,
    FIELDS,
    KINDS,
    UNIT_GROUPS,
    Column,
    Exemplar,
    Period,
    Unit,
)
from tdkt_docs.monthly.settings import REPORT_RECIPIENT, ReportSettings, load_report_settings
from tdkt_docs.monthly.units import load_units
from tdkt_docs.output import write_atomic
from tdkt_docs.render import render
from tdkt_docs.tabular import csv_bytes, protect_cell
from tdkt_docs.text import clean_line
from tdkt_docs.vietnamese.dates import short_date
from tdkt_docs.vietnamese.numbers import count_text, roman

SUBMISSION_SUFFIXES = INTAKE_SUFFIXES
"""Workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) and CSV files, read by tdkt_docs.tabular."""

RECIPIENT = REPORT_RECIPIENT
TOPIC = "phát hiện, bồi dưỡng, biểu dương, nhân rộng điển hình tiên tiến, gương người tốt, việc tốt"
GROUP_LABELS = {
    "sở ban ngành": "Sở, ban, ngành, đoàn thể tỉnh",
    "huyện thị xã thành phố": "UBND các huyện, thị xã, thành phố",
    "doanh nghiệp": "Doanh nghiệp",
    "cơ quan Trung ương": "Cơ quan Trung ương đóng trên địa bàn tỉnh",
}
KIND_NOUNS = {"cá nhân": "gương điển hình", "tập thể": "tập thể", "hộ gia đình": "hộ"}
NO_MEDIA = "không có"
UNIT_NAME_HEADING = "Tên đơn vị"
SOURCE_HEADING = "Nguồn"


# --- Results --------------------------------------------------------------------------


@dataclass(frozen=True)
class Intake:
    """Everything read from a folder of submissions."""

    exemplars: tuple[Exemplar, ...]
    rejected_rows: tuple[RejectedRow, ...]
    rejected_files: tuple[RejectedFile, ...]
    units_reported: tuple[Unit, ...]
    """Units with at least one accepted exemplar, in registry order."""
    units_missing: tuple[Unit, ...]
    """Every other unit of the registry, in registry order (a unit whose rows were all
    refused is here too: it still has to send a valid list)."""
    files: tuple[str, ...]
    """The names of the submission files considered, in the order read."""

    @property
    def duplicates(self) -> tuple[RejectedRow, ...]:
        """The rejected rows that repeat an accepted one (same unit, same name)."""
        return tuple(row for row in self.rejected_rows if row.duplicate_of is not None)


@dataclass(frozen=True)
class GroupFigures:
    group: str
    expected: int
    reported: int
    exemplars: int


@dataclass(frozen=True)
class Change:
    """This month minus the previous one (negative when it fell)."""

    previous_month: str | None
    units_reported: int
    exemplars: int
    media: int
    by_kind: dict[str, int]


@dataclass(frozen=True)
class Figures:
    """The counts the report states. ``by_kind`` and ``by_field`` hold every value of
    KINDS and FIELDS, in that order, zeros included."""

    units_expected: int
    units_reported: int
    groups: tuple[GroupFigures, ...]
    exemplars: int
    by_kind: dict[str, int]
    by_field: dict[str, int]
    media: int
    month: str | None = None
    change: Change | None = None


_FIGURES = TypeAdapter(Figures)


@dataclass(frozen=True)
class CompileResult:
    month: str
    period: Period
    report: Path
    compiled_xlsx: Path
    compiled_json: Path
    missing_csv: Path
    rejected_csv: Path
    intake: Intake
    figures: Figures


class Narrative(BaseModel):
    """The paragraphs written by a person; see the module docstring."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    opening: Block | None = None
    direction: Block | None = None
    propagation: Block | None = None
    assessment: Block | None = None
    plans: Block | None = None
    proposals: Block | None = None
    closing: Block | None = None

    @field_validator("*")
    @classmethod
    def _no_level1_headings(cls, value: str | None) -> str | None:
        # The compiler numbers the sections I., II. …: a "# " heading here would break them.
        if value and re.search(r"(?m)^#\s", value):
            raise ValueError(
                "level-1 headings ('# ') are added by the compiler; use '## ' for a sub-heading"
            )
        return value


# --- Comparing text as people type it ----------------------------------------------------

_INVISIBLE = str.maketrans("", "", "\u200b\ufeff")


def _key(text: str) -> str:
    """NFC, case-folded, whitespace collapsed: how headings, units and choices are compared."""
    folded = unicodedata.normalize("NFC", text).translate(_INVISIBLE).casefold()
    return " ".join(unicodedata.normalize("NFC", folded).split())


_HEADINGS: dict[str, str] = {heading_key(column.heading): column.key for column in COLUMNS}
_COLUMN_BY_KEY: dict[str, Column] = {column.key: column for column in COLUMNS}
_CHOICE_ALIASES = {"media": {"đường dẫn": "đường dẫn (link)", "link": "đường dẫn (link)"}}
_CHOICES: dict[str, dict[str, str]] = {
    column.key: {
        **{_key(choice): choice for choice in column.choices},
        **_CHOICE_ALIASES.get(column.key, {}),
    }
    for column in COLUMNS
    if column.choices
}


# --- The units registry, looked up by code or name ------------------------------------------


class _UnitIndex:
    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = tuple(units)
        self._by_key: dict[str, Unit] = {}
        for unit in units:
            self._by_key[_key(unit.code)] = unit
        for unit in units:
            self._by_key.setdefault(_key(unit.name), unit)

    def find(self, text: str) -> Unit | None:
        key = _key(text)
        found = self._by_key.get(key)
        if found is not None:
            return found
        # "STC - Sở Tài chính" or "Sở Tài chính (STC)", as a drop-down list may write them.
        pairs = [(m.group(1), m.group(2)) for m in re.finditer(r"^(.+)\((.+)\)$", key)]
        for separator in re.finditer(r"\s*[-–—:]\s*", key):
            pairs.append((key[: separator.start()], key[separator.end() :]))
        for left, right in pairs:
            first, second = self._by_key.get(left.strip()), self._by_key.get(right.strip())
            if first is not None and first == second:
                return first
        return None

    def unknown(self, text: str) -> str:
        message = f"{text!r} is not in the units registry; expected a unit's code or name"
        names = {_key(unit.name): unit for unit in self.units}
        # A high cutoff: suggest for typos ("Sở Tài chánh"), not for names merely alike.
        close = difflib.get_close_matches(_key(text), list(names), n=1, cutoff=0.85)
        if close:
            unit = names[close[0]]
            return f"{message}: did you mean {unit.name!r} ({unit.code})?"
        if self.units:
            example = self.units[0]
            return f"{message}, e.g. {example.code!r} or {example.name!r}"
        return message


# --- The header (tdkt_docs.intake finds it) ------------------------------------------------


def _missing(header: Header) -> list[Column]:
    return [c for c in COLUMNS if c.required and c.key not in header.columns]


# --- Rows → exemplars ----------------------------------------------------------------------


class _CellError(ValueError):
    pass


def _expected(column: Column) -> str:
    if column.choices:
        return f"expected one of {', '.join(column.choices)}"
    if column.key == "unit":
        return "expected the unit's code or name from the units registry"
    return "this column is required"


def _birth_year(raw: object, text: str) -> int:
    year: int | None = None
    if isinstance(raw, dt.date):
        year = raw.year  # a full date of birth typed where the year was asked for
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        year = int(raw) if math.isfinite(raw) and float(raw).is_integer() else None
    else:
        match = re.fullmatch(r"(\d{4})(?:\.0+)?|\d{1,2}[/.-]\d{1,2}[/.-](\d{4})", text)
        if match:
            year = int(match.group(1) or match.group(2))
    if year is None:
        raise _CellError(f"{text!r} is not a year of birth; expected a year such as 1985")
    if not 1900 <= year <= 2100:
        raise _CellError(f"{year} is not a year of birth; expected a year from 1900 to 2100")
    return year


def _without_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", _key(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _suggestion(text: str, choices: Sequence[str]) -> str:
    """ "; did you mean 'cá nhân'?" for a choice typed without its marks or misspelt."""
    by_letters = {_without_marks(choice): choice for choice in choices}
    exact = by_letters.get(_without_marks(text))
    if exact is not None:
        return f"; did you mean {exact!r}?"
    return did_you_mean(_key(text), choices)


def _cell_value(column: Column, raw: object, text: str, units: _UnitIndex) -> object:
    cleaned = clean_line(text)  # NFC, single spaces; ValueError for TCVN3/VNI or controls
    if column.key == "unit":
        unit = units.find(cleaned)
        if unit is None:
            raise _CellError(units.unknown(cleaned))
        return unit.code
    if column.key == "birth_year":
        return _birth_year(raw, cleaned)
    if column.choices:
        choice = _CHOICES[column.key].get(_key(cleaned))
        if choice is None:
            raise _CellError(
                f"{cleaned!r} is not one of {', '.join(column.choices)}"
                + _suggestion(cleaned, column.choices)
            )
        return choice
    return cleaned


def _read_row(
    values: Mapping[str, object], units: _UnitIndex, source: str
) -> Exemplar | list[tuple[str | None, str]]:
    """An exemplar, or the (column heading, message) of every problem in the row."""
    data: dict[str, object] = {"source": source}
    problems: list[tuple[str | None, str]] = []
    for column in COLUMNS:
        raw = values.get(column.key)
        text = cell_text(raw)
        if text is None:
            if column.required:
                problems.append((column.heading, f"is empty; {_expected(column)}"))
            continue
        try:
            data[column.key] = _cell_value(column, raw, text, units)
        except ValueError as exc:  # _CellError, and clean_line's legacy-encoding refusal
            problems.append((column.heading, str(exc)))
    kind = data.get("kind")
    if kind is not None and kind != "cá nhân":
        for key in ("birth_year", "gender"):
            if key in data:
                what = "a year of birth" if key == "birth_year" else "a gender"
                problems.append(
                    (
                        _COLUMN_BY_KEY[key].heading,
                        f"{data[key]!r}: {what} is given only for a cá nhân, and this row is "
                        f"a {kind}; leave the cell empty",
                    )
                )
    if problems:
        return problems
    try:
        return Exemplar.model_validate(data)
    except ValidationError as exc:
        # Checked above already; kept so that a stricter model still gives row messages.
        found: list[tuple[str | None, str]] = []
        for problem in problems_from(exc, None):
            bad = _COLUMN_BY_KEY.get(problem.field.split(".")[0].split("[")[0])
            found.append((bad.heading if bad else None, problem.message))
        return found


@dataclass
class _Reading:
    """What is accumulated over the files of a folder."""

    units: _UnitIndex
    exemplars: list[Exemplar]
    rejected_rows: list[RejectedRow]
    rejected_files: list[RejectedFile]
    first_seen: dict[tuple[str, str], str]


def _read_grid(grid: Grid, header: Header, reading: _Reading) -> tuple[int, int]:
    """Read the rows under ``header``; return (rows found, rows accepted)."""
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
        sheet = f", sheet '{grid.sheet}'" if grid.sheet is not None else ""
        source = f"{grid.file}{sheet}, row {row}"
        result = _read_row(values, reading.units, source)
        if isinstance(result, list):
            reading.rejected_rows += [
                RejectedRow(grid.file, grid.sheet, row, column, message)
                for column, message in result
            ]
            continue
        identity = (result.unit, _key(result.name))
        first = reading.first_seen.get(identity)
        if first is not None:
            reading.rejected_rows.append(
                RejectedRow(
                    grid.file,
                    grid.sheet,
                    row,
                    _COLUMN_BY_KEY["name"].heading,
                    f"{result.name!r} of unit {result.unit} is already listed ({first}); "
                    "the first is kept",
                    duplicate_of=first,
                )
            )
            continue
        reading.first_seen[identity] = source
        reading.exemplars.append(result)
        accepted += 1
    return found, accepted


def _no_header_reason() -> str:
    required = ", ".join(f"'{c.heading}'" for c in COLUMNS if c.required)
    return (
        f"no header row of the intake form was found in its first {HEADER_SEARCH_ROWS} rows; "
        f"expected a row with the headings {required}"
    )


def _read_file(path: Path, reading: _Reading) -> None:
    read_tables(
        [(grid, find_header(grid, _HEADINGS)) for grid in grids(path)],
        lambda header: [c.heading for c in _missing(header)],
        lambda grid, header: _read_grid(grid, header, reading),
        reading.rejected_rows,
        no_header=_no_header_reason(),
        rows_of="exemplar",
    )


def read_submissions(folder: str | Path, units: Sequence[Unit] | str | Path) -> Intake:
    """Read every submission in ``folder`` (not its sub-folders): workbooks (``.xlsx``,
    ``.xlsm``, ``.xls``, ``.xlsb``, ``.ods``) and ``.csv`` files.

    ``units`` is the registry, or the path of its file. Files are read in name order; the
    first of two rows with the same unit and name is kept. Raises :class:`DataError` only
    when the folder or the registry cannot be read: every problem of a submission is
    reported in the returned :class:`Intake`.
    """
    registry = list(units) if not isinstance(units, str | Path) else load_units(units)
    reading = _Reading(_UnitIndex(registry), [], [], [], {})
    files = intake_files(Path(folder), "submissions")
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
    reported = {exemplar.unit for exemplar in reading.exemplars}
    return Intake(
        exemplars=tuple(reading.exemplars),
        rejected_rows=tuple(reading.rejected_rows),
        rejected_files=tuple(reading.rejected_files),
        units_reported=tuple(u for u in registry if u.code in reported),
        units_missing=tuple(u for u in registry if u.code not in reported),
        files=tuple(path.name for path in files),
    )


# --- Figures -------------------------------------------------------------------------------


def figures(
    intake: Intake,
    units: Sequence[Unit],
    *,
    previous: Figures | None = None,
    month: str | None = None,
) -> Figures:
    """Count units and exemplars; with ``previous``, also the change from that month."""
    reported = {unit.code for unit in intake.units_reported}
    exemplars_by_unit = Counter(exemplar.unit for exemplar in intake.exemplars)
    groups = tuple(
        GroupFigures(
            group,
            expected=sum(1 for u in units if u.group == group),
            reported=sum(1 for u in units if u.group == group and u.code in reported),
            exemplars=sum(exemplars_by_unit[u.code] for u in units if u.group == group),
        )
        for group in UNIT_GROUPS
    )
    kinds: Counter[str] = Counter(exemplar.kind for exemplar in intake.exemplars)
    fields: Counter[str] = Counter(exemplar.field for exemplar in intake.exemplars)
    media = sum(1 for e in intake.exemplars if e.media is not None and e.media != NO_MEDIA)
    current = Figures(
        units_expected=len(units),
        units_reported=sum(1 for u in units if u.code in reported),
        groups=groups,
        exemplars=len(intake.exemplars),
        by_kind={kind: kinds[kind] for kind in KINDS},
        by_field={name: fields[name] for name in FIELDS},
        media=media,
        month=month,
    )
    if previous is None:
        return current
    change = Change(
        previous_month=previous.month,
        units_reported=current.units_reported - previous.units_reported,
        exemplars=current.exemplars - previous.exemplars,
        media=current.media - previous.media,
        by_kind={k: current.by_kind[k] - previous.by_kind.get(k, 0) for k in KINDS},
    )
    return dataclasses.replace(current, change=change)


# --- Wording -------------------------------------------------------------------------------


def _count(number: int) -> str:
    """Counts below 10 are written with a leading zero in administrative text (07 hộ)."""
    return count_text(number)


def _trend(delta: int) -> str:
    if delta > 0:
        return f"tăng {_count(delta)}"
    if delta < 0:
        return f"giảm {_count(-delta)}"
    return "không thay đổi"


def _month_words(month: str) -> str:
    year, number = month.split("-")
    return f"tháng {int(number)} năm {year}"


def _items(lines: Sequence[str]) -> list[str]:
    """ "### a; ### b; ### c." : the points of a list, the last one closing the sentence."""
    return [f"### {line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]


def _group_line(group: GroupFigures) -> str:
    label = GROUP_LABELS.get(group.group, group.group)
    if not group.reported:
        return (
            f"{label}: chưa có đơn vị nào gửi danh sách (tổng số {_count(group.expected)} đơn vị)"
        )
    return (
        f"{label}: {_count(group.reported)}/{_count(group.expected)} đơn vị, "
        f"{_count(group.exemplars)} điển hình"
    )


def _body(figures: Figures, month: str, period: Period, owner: str, narrative: Narrative) -> str:
    when = _month_words(month)
    owner = escape_markup(owner)  # data in the body is text, never markup
    parts: list[str] = [
        narrative.opening
        or (
            f"Thực hiện hướng dẫn của {RECIPIENT} về việc {TOPIC}, {owner} báo cáo kết quả "
            f"{when} (từ ngày {short_date(period.start)} đến ngày {short_date(period.end)}) "
            "như sau:"
        )
    ]
    if narrative.direction:
        parts += ["# CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", narrative.direction]
    parts += [
        "# KẾT QUẢ PHÁT HIỆN, BIỂU DƯƠNG, NHÂN RỘNG ĐIỂN HÌNH",
        "## Tình hình gửi danh sách",
    ]
    if figures.units_reported:
        parts.append(
            f"Trong tháng, {_count(figures.units_reported)}/{_count(figures.units_expected)} "
            "cơ quan, đơn vị, địa phương đã gửi danh sách điển hình tiên tiến, gương người tốt, "
            "việc tốt, gồm:"
        )
        parts += _items([_group_line(g) for g in figures.groups if g.expected])
    else:
        parts.append("Trong tháng, chưa có cơ quan, đơn vị, địa phương nào gửi danh sách.")
    missing = figures.units_expected - figures.units_reported
    if missing and figures.units_reported:
        parts.append(f"Còn {_count(missing)} cơ quan, đơn vị, địa phương chưa gửi danh sách.")
    parts.append("## Kết quả phát hiện điển hình")
    if figures.exemplars:
        parts.append(
            f"Tổng số điển hình được phát hiện, giới thiệu: {_count(figures.exemplars)} "
            "(*chi tiết tại Phụ lục kèm theo*), gồm:"
        )
        parts += _items(
            [
                f"{k[0].upper()}{k[1:]}: {_count(n)} {KIND_NOUNS[k]}"
                for k, n in figures.by_kind.items()
            ]
        )
        by_field = [f"{name} {_count(n)}" for name, n in figures.by_field.items() if n]
        parts.append(f"Phân theo lĩnh vực: {', '.join(by_field)}.")
    else:
        parts.append("Trong tháng, chưa có điển hình nào được giới thiệu.")
    change = figures.change
    if change is not None:
        previous = (
            f"so với {_month_words(change.previous_month)}"
            if change.previous_month
            else "so với tháng trước"
        )
        parts.append(
            f"{previous[0].upper()}{previous[1:]}, số cơ quan, đơn vị, địa phương gửi danh sách "
            f"{_trend(change.units_reported)}; số điển hình {_trend(change.exemplars)}; "
            f"số điển hình có tư liệu {_trend(change.media)}."
        )
    parts.append("## Công tác tuyên truyền")
    if figures.media:
        parts.append(
            f"Có {_count(figures.media)} điển hình được gửi kèm tư liệu (video clip, phim tư "
            "liệu, đường dẫn) phục vụ công tác tuyên truyền."
        )
    else:
        parts.append(
            "Trong tháng, chưa có điển hình nào được gửi kèm tư liệu (video clip, phim tư liệu, "
            "đường dẫn)."
        )
    if narrative.propagation:
        parts.append(narrative.propagation)
    for heading, text in (
        ("ĐÁNH GIÁ CHUNG", narrative.assessment),
        ("PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG TỚI", narrative.plans),
        ("KIẾN NGHỊ, ĐỀ XUẤT", narrative.proposals),
    ):
        if text:
            parts += [f"# {heading}", text]
    parts.append(narrative.closing or f"Trên đây là báo cáo kết quả {TOPIC} {when} của {owner}./.")
    return "\n\n".join(parts)


APPENDIX_COLUMNS = (
    "STT",
    "Họ và tên / tên tập thể, hộ gia đình",
    "Loại",
    "Năm sinh",
    "Giới tính",
    "Chức vụ, nơi công tác hoặc địa chỉ",
    "Lĩnh vực",
    "Tóm tắt thành tích",
    "Hình thức khen thưởng đã được tặng",
    "Tư liệu",
    "Ghi chú",
)
APPENDIX_WIDTHS = (0.8, 2.2, 1.0, 0.9, 0.8, 2.4, 1.1, 3.8, 2.0, 1.6, 1.1)


def _capital(text: str | None) -> str:
    return f"{text[0].upper()}{text[1:]}" if text else ""


def _media_cell(exemplar: Exemplar) -> str:
    media = exemplar.media if exemplar.media != NO_MEDIA else None
    parts = [p for p in (_capital(media), exemplar.media_link) if p]
    return ": ".join(parts)


def _appendix_rows(intake: Intake, units: Sequence[Unit]) -> list[list[str]]:
    """Units in registry order as "I", "II" … rows, their exemplars numbered 1, 2, 3 …"""
    by_unit: dict[str, list[Exemplar]] = {}
    for exemplar in intake.exemplars:
        by_unit.setdefault(exemplar.unit, []).append(exemplar)
    blank = [""] * (len(APPENDIX_COLUMNS) - 2)
    rows: list[list[str]] = []
    number = 0
    for group_number, unit in enumerate((u for u in units if u.code in by_unit), start=1):
        rows.append([roman(group_number), unit.name, *blank])
        for exemplar in by_unit[unit.code]:
            number += 1
            rows.append(
                [
                    str(number),
                    exemplar.name,
                    _capital(exemplar.kind),
                    str(exemplar.birth_year) if exemplar.birth_year is not None else "",
                    _capital(exemplar.gender),
                    exemplar.position,
                    _capital(exemplar.field),
                    exemplar.achievements,
                    exemplar.commendations or "",
                    _media_cell(exemplar),
                    exemplar.notes or "",
                ]
            )
    rows.append(["", f"Tổng cộng: {_count(number)} điển hình", *blank])
    return rows


# --- Inputs of compile_month -----------------------------------------------------------------


def _parse_month(month: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", month.strip()) if isinstance(month, str) else None
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise DataError.single(None, "month", f"expected YYYY-MM, e.g. 2023-09, got {month!r}")
    return int(match.group(1)), int(match.group(2))


def _previous_month(year: int, month: int) -> str:
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


def _load_agency(agency: Agency | Mapping[str, Any] | str | Path) -> Agency:
    source: str | None = None
    data: Any = agency
    if isinstance(agency, str | Path):
        source = str(agency)
        data = read_data(Path(agency))
        if isinstance(data, Mapping) and isinstance(data.get("agency"), Mapping):
            data = data["agency"]  # a profile file may wrap its fields in "agency:"
    try:
        model = data if isinstance(data, Agency) else Agency.model_validate(data)
    except ValidationError as exc:
        raise DataError(problems_from(exc, source, prefix=("agency",), model=Agency)) from None
    if model.display_name is None:
        raise DataError.single(
            source,
            "agency.display_name",
            "is needed for the appendix reference line and the report's text, "
            "e.g. 'Sở Nội vụ tỉnh Khánh Hòa'",
        )
    return model


def _load_signer(signer: Signer | Mapping[str, Any]) -> Signer:
    if isinstance(signer, Signer):
        return signer
    try:
        return Signer.model_validate(signer)
    except ValidationError as exc:
        raise DataError(problems_from(exc, None, prefix=("signer",), model=Signer)) from None


def _load_narrative(path: str | Path | None) -> Narrative:
    if path is None:
        return Narrative()
    data = read_data(Path(path))
    if data is None:
        return Narrative()
    try:
        return Narrative.model_validate(data)
    except ValidationError as exc:
        raise DataError(problems_from(exc, str(path), model=Narrative)) from None


def _load_previous(path: Path) -> Figures:
    data = read_data(path)
    try:
        stored = data.get("figures") if isinstance(data, Mapping) else None
        previous = _FIGURES.validate_python(stored)
    except ValidationError as exc:
        problems = problems_from(exc, str(path), prefix=("figures",))
        raise DataError(problems) from None
    # The change stored there is the month before it: not wanted here.
    return dataclasses.replace(previous, change=None)


def _initials(name: str) -> str:
    """ "SỞ NỘI VỤ" → "SNV": the usual abbreviation of an agency in a ký hiệu."""
    return "".join(word[0] for word in re.findall(r"\w+", name)).upper()


# --- Output files ----------------------------------------------------------------------------


def _missing_csv(intake: Intake) -> bytes:
    return csv_bytes(
        ("code", "name", "group", "recipient", "email"),
        [(u.code, u.name, u.group, u.recipient, u.email or "") for u in intake.units_missing],
    )


def _compiled_xlsx(intake: Intake, units: Sequence[Unit]) -> bytes:
    names = {unit.code: unit.name for unit in units}
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook starts with one worksheet
    sheet.title = "Tổng hợp"
    headings = [column.heading for column in COLUMNS] + [UNIT_NAME_HEADING, SOURCE_HEADING]
    sheet.append(headings)
    for exemplar in intake.exemplars:
        values = [getattr(exemplar, column.key) for column in COLUMNS]
        sheet.append([*values, names.get(exemplar.unit, ""), exemplar.source])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            protect_cell(cell)  # "=…" typed in a submission stays text, never a formula
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    widths = [column.width for column in COLUMNS] + [34.0, 40.0]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _compiled_json(month: str, period: Period, intake: Intake, figures: Figures) -> bytes:
    data = {
        "month": month,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "figures": _FIGURES.dump_python(figures, mode="json"),
        "units_missing": [unit.code for unit in intake.units_missing],
        "exemplars": [exemplar.model_dump(mode="json") for exemplar in intake.exemplars],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- The whole month -------------------------------------------------------------------------


def compile_month(
    month: str,
    units_path: str | Path,
    submissions_dir: str | Path,
    out_dir: str | Path,
    *,
    settings: ReportSettings | str | Path | None = None,
    agency: Agency | Mapping[str, Any] | str | Path | None = None,
    signer: Signer | Mapping[str, Any] | None = None,
    narrative_path: str | Path | None = None,
    previous_path: str | Path | None = None,
    number: int | None = None,
    symbol: str | None = None,
    date: dt.date | str | None = None,
    start_day: int = 15,
    recipient: str | None = None,
    distribution: Sequence[str] | None = None,
    archive: Sequence[str] | None = None,
    overwrite: bool = False,
) -> CompileResult:
    """Compile ``month`` ("YYYY-MM") from the submissions into ``out_dir``.

    Writes ``bao-cao-<month>.docx``, ``compiled.xlsx``, ``compiled.json``, ``missing.csv``
    and ``rejected.csv``, each atomically, and only after all of them were built: invalid
    input writes nothing. ``settings`` (a :class:`ReportSettings` or the path of a
    ``report.yaml``) gives the agency, signer, number, symbol, recipient and Nơi nhận; a
    keyword given here replaces its value. ``agency`` is an :class:`Agency`, its fields or
    the path of an agency file (``display_name`` required); ``symbol`` defaults to ``BC-``
    and the agency's initials (``BC-SNV``); ``date`` to the end of the period, which runs
    from day ``start_day`` of the previous month to the day before ``start_day`` of
    ``month``. The previous month's figures are read from ``previous_path``, or else from
    ``../<previous month>/compiled.json`` beside ``out_dir`` when it exists. Existing
    output files are refused unless ``overwrite``. Raises :class:`DataError` for invalid
    input and :class:`OutputError` when the files cannot be written.
    """
    year, month_number = _parse_month(month)
    if isinstance(start_day, bool) or not isinstance(start_day, int) or not 1 <= start_day <= 28:
        raise DataError.single(None, "start_day", f"expected a day from 1 to 28, got {start_day!r}")
    month = f"{year}-{month_number:02d}"
    period = Period.for_month(year, month_number, start_day)
    out = Path(out_dir)
    submissions = Path(submissions_dir)
    if out.resolve() == submissions.resolve():
        raise DataError.single(
            out,
            "",
            "the output folder must not be the submissions folder (compiled.xlsx "
            "would be read as a submission next month)",
        )
    if isinstance(settings, str | Path):
        settings = load_report_settings(settings)
    if settings is not None:
        agency = agency if agency is not None else settings.agency
        signer = signer if signer is not None else settings.signer
        number = number if number is not None else settings.number
        symbol = symbol or settings.symbol
        recipient = recipient or settings.recipient
        distribution = distribution if distribution is not None else settings.distribution
        archive = archive if archive is not None else settings.archive
    if agency is None:
        raise DataError.single(None, "agency", "required: give settings= or agency=")
    if signer is None:
        raise DataError.single(None, "signer", "required: give settings= or signer=")
    units = load_units(units_path)
    agency_model = _load_agency(agency)
    signer_model = _load_signer(signer)
    recipient = recipient or RECIPIENT
    distribution = distribution if distribution is not None else ("Như trên",)
    archive = archive if archive is not None else ("VT",)
    narrative = _load_narrative(narrative_path)
    previous_file = (
        Path(previous_path)
        if previous_path is not None
        else out.parent / _previous_month(year, month_number) / "compiled.json"
    )
    if previous_path is not None and not previous_file.is_file():
        raise DataError.single(
            previous_file, "", "the previous month's compiled.json is not a file"
        )
    previous = _load_previous(previous_file) if previous_file.is_file() else None

    intake = read_submissions(submissions, units)
    counts = figures(intake, units, previous=previous, month=month)
    assert agency_model.display_name is not None  # checked by _load_agency
    report = validate(
        {
            "type": "report",
            "agency": agency_model.model_dump(exclude_none=True),
            "number": number,
            "symbol": symbol or f"BC-{_initials(agency_model.name)}",
            "date": date or period.end.isoformat(),
            "subject": f"Kết quả {TOPIC} {_month_words(month)}",
            "recipients": [recipient],
            "body": _body(counts, month, period, agency_model.display_name, narrative),
            "distribution": list(distribution),
            "archive": list(archive),
            "signer": signer_model.model_dump(),
            "appendices": [
                {
                    "title": f"DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN, GƯƠNG NGƯỜI TỐT, VIỆC TỐT "
                    f"{_month_words(month).upper()}",
                    "table": {
                        "columns": list(APPENDIX_COLUMNS),
                        "widths": list(APPENDIX_WIDTHS),
                        "rows": _appendix_rows(intake, units),
                    },
                    "landscape": True,
                }
            ],
        }
    )
    outputs = {
        "compiled.xlsx": _compiled_xlsx(intake, units),
        "compiled.json": _compiled_json(month, period, intake, counts),
        "missing.csv": _missing_csv(intake),
        "rejected.csv": rejected_csv(
            intake.rejected_files, intake.rejected_rows, message_heading="reason"
        ),
    }
    report_path = out / f"bao-cao-{month}.docx"
    existing = [p.name for p in (report_path, *(out / n for n in outputs)) if p.exists()]
    if existing and not overwrite:
        raise OutputExistsError(
            f"already holds {', '.join(existing)}",
            several=len(existing) > 1,
            path=out,
        )
    out.mkdir(parents=True, exist_ok=True)
    render(report, report_path, overwrite=overwrite)
    for name, data in outputs.items():
        write_atomic(out / name, data, overwrite=overwrite)
    return CompileResult(
        month=month,
        period=period,
        report=report_path,
        compiled_xlsx=out / "compiled.xlsx",
        compiled_json=out / "compiled.json",
        missing_csv=out / "missing.csv",
        rejected_csv=out / "rejected.csv",
        intake=intake,
        figures=counts,
    )


__all__ = [
    "Change",
    "CompileResult",
    "Figures",
    "GroupFigures",
    "Intake",
    "Narrative",
    "RejectedFile",
    "RejectedRow",
    "compile_month",
    "figures",
    "read_submissions",
]
