"""How the columns of a report table are set: which are centred, and how wide each is.

Vietnamese reports centre the headings and the columns of figures (số liệu) and the STT
column, and set text flush left (justified text leaves gaps in a narrow cell).

A column is a **number column** (centred) when every body cell, leaving out blank cells,
dash placeholders ("-", "–", "—") and the label of a total row, is

* a number written the Vietnamese way: ``12``, ``05``, ``1.500``, ``1.500.000``, ``12,5``,
  ``-3``, ``10%``, ``12,5 %`` (dots group thousands in threes, a comma starts the decimals);
* or, in an STT column (headed "STT", "TT", "Số TT" or "Số thứ tự"), an ordinal: a Roman
  numeral (I, II, IV), a numbered level (1, 1.2) or a single letter (a, b, đ), with an
  optional "." or ")" after it.

A total row is a row whose first non-blank cell is a total's label: "Tổng cộng…",
"Tổng số…", or "Tổng"/"Cộng" alone or before ":" or "(". A column left with no cell to
judge is a text column, and so is every other column (flush left).

Widths, when the table gives none (measured in Times New Roman at the table's size, see
:mod:`tdkt_docs.metrics`, plus the cell margins):

1. every column is as wide as its longest word (heading words in bold), so no word breaks
   across lines; only a word longer than an equal share of the width (a web address) may;
2. the rest of the text width goes to the columns in proportion to their content (the
   length of all their body cells set on one line), none getting more than its longest
   line (heading or cell) needs;
3. what is still left (a small table) is shared in proportion to those longest lines.

The widths always add up to the text width.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from tdkt_docs.metrics import POINTS_PER_MM, text_width_pt


class Alignment(Enum):
    LEFT = "left"
    CENTER = "center"


_NUMBER = re.compile(r"[-+−–]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)? ?%?")
_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ORDINAL = re.compile(rf"(?:{_ROMAN.pattern}|\d+(?:\.\d+)*|[a-zA-ZđĐ])[.)]?")
_PLACEHOLDER = frozenset({"", "-", "–", "—"})
_STT_HEADINGS = frozenset({"stt", "tt", "số tt", "số thứ tự"})
# "Tổng cộng", "Tổng số", "Tổng", "Cộng:" but not "Tổng công ty …" or "Cộng đồng …".
_TOTAL = re.compile(r"tổng\s+(?:cộng|số)\b|(?:tổng|cộng)\s*(?:$|[:(])", re.IGNORECASE)

# Room beyond the text and the cell margins: LibreOffice wraps a line that fills the inner
# width exactly (it needs 0.25 pt more, half a 0.5-pt border; tests/test_table_pdf.py),
# and widths are rounded to whole twips.
_SLACK_PT = 1.0


def is_number(text: str) -> bool:
    """``text`` is a number written the Vietnamese way (``1.500``, ``12,5``, ``10%``)."""
    return _NUMBER.fullmatch(text) is not None


def is_stt_heading(heading: str) -> bool:
    """``heading`` names a số thứ tự column: "STT", "TT", "Số TT", "Số thứ tự" (dots
    and case aside: "S.T.T", "T.T")."""
    return " ".join(heading.replace(".", "").split()).casefold() in _STT_HEADINGS


def is_group_row(columns: Sequence[str], row: Sequence[str]) -> bool:
    """A row that heads a group of the rows under it ("I | Cá nhân", "II | Sở Y tế"): a
    Roman numeral in the STT column. Set in bold, as Vietnamese lists set them."""
    return (
        bool(columns)
        and is_stt_heading(columns[0])
        and bool(row and _ROMAN.fullmatch(row[0].strip().rstrip(".")))
        and bool(row[0].strip())
    )


def total_label_column(row: Sequence[str]) -> int | None:
    """The index of a total row's label ("Tổng cộng", "Cộng", …), else ``None``."""
    for index, cell in enumerate(row):
        if cell.strip():
            return index if _TOTAL.match(cell.strip()) else None
    return None


def column_alignments(
    columns: Sequence[str], rows: Sequence[Sequence[str]]
) -> tuple[Alignment, ...]:
    """The alignment of each column's body cells (the headings are always centred)."""
    labels = [total_label_column(row) for row in rows]
    result = []
    for index, heading in enumerate(columns):
        fits = _ORDINAL.fullmatch if is_stt_heading(heading) else None
        values = [
            row[index].strip()
            for row, label in zip(rows, labels, strict=True)
            if label != index and row[index].strip() not in _PLACEHOLDER
        ]
        number = bool(values) and all(
            is_number(value) or (fits is not None and fits(value) is not None) for value in values
        )
        result.append(Alignment.CENTER if number else Alignment.LEFT)
    return tuple(result)


@dataclass
class _Measure:
    """Widths of a column's content in points (without the cell margins)."""

    longest_word: float = 0.0
    longest_line: float = 0.0
    content: float = 0.0
    """The length of all the body cells set on one line."""


class _Ruler:
    """Measures cells word by word: a column of a long list repeats few distinct words."""

    def __init__(self, size_pt: float) -> None:
        self._size = size_pt
        self._words: dict[tuple[str, bool], float] = {}
        self.space = text_width_pt(" ", size_pt)

    def word(self, word: str, bold: bool) -> float:
        key = (word, bold)
        width = self._words.get(key)
        if width is None:
            width = self._words[key] = text_width_pt(word, self._size, bold=bold)
        return width

    def add(self, measure: _Measure, text: str, *, bold: bool) -> None:
        words = text.split()
        if not words:
            return
        widths = [self.word(word, bold) for word in words]
        line = sum(widths) + self.space * (len(words) - 1)
        measure.longest_word = max(measure.longest_word, *widths)
        measure.longest_line = max(measure.longest_line, line)
        if not bold:
            measure.content += line


def column_widths_mm(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    text_width_mm: float,
    *,
    size_pt: float,
    cell_margin_mm: float,
) -> tuple[float, ...]:
    """Column widths that follow the content and add up to ``text_width_mm``."""
    ruler = _Ruler(size_pt)
    measures = [_Measure() for _ in columns]
    for measure, heading in zip(measures, columns, strict=True):
        ruler.add(measure, heading, bold=True)
    for row in rows:
        for measure, cell in zip(measures, row, strict=True):
            ruler.add(measure, cell, bold=False)
    total = text_width_mm * POINTS_PER_MM
    equal_share = total / len(columns)
    padding = 2 * cell_margin_mm * POINTS_PER_MM + _SLACK_PT
    # A word longer than an equal share (a web address) is left to break: giving it its
    # whole length would starve every other column.
    floors = [min(m.longest_word + padding, equal_share) for m in measures]
    ceilings = [
        max(m.longest_line + padding, floor) for m, floor in zip(measures, floors, strict=True)
    ]
    widths = _share(total, floors, ceilings, [m.content for m in measures])
    return tuple(width / POINTS_PER_MM for width in widths)


def _share(
    total: float, floors: list[float], ceilings: list[float], weights: list[float]
) -> list[float]:
    """``floors`` raised towards ``ceilings`` in proportion to ``weights`` (water-filling),
    then any width still left shared in proportion to the ceilings."""
    if sum(floors) >= total:  # every floor is an equal share: nothing left to share
        return [total * floor / sum(floors) for floor in floors]
    widths = list(floors)
    rest = total - sum(widths)
    growing = [i for i, width in enumerate(widths) if width < ceilings[i]]
    while rest > 1e-6 and growing:
        weight_sum = sum(weights[i] for i in growing)
        shares = {
            i: rest * (weights[i] / weight_sum if weight_sum > 0 else 1 / len(growing))
            for i in growing
        }
        full = [i for i in growing if widths[i] + shares[i] >= ceilings[i]]
        if not full:
            for i in growing:
                widths[i] += shares[i]
            rest = 0.0
            break
        for i in full:
            rest -= ceilings[i] - widths[i]
            widths[i] = ceilings[i]
        growing = [i for i in growing if i not in full]
    if rest > 1e-6:
        ceiling_sum = sum(ceilings)
        widths = [
            width + rest * ceiling / ceiling_sum
            for width, ceiling in zip(widths, ceilings, strict=True)
        ]
    return widths
