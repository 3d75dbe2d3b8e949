"""The small markup of body text: paragraphs, ``*italic*``, ``**bold**``, headings, tables.

Paragraphs are separated by blank lines; single line breaks inside a paragraph are joined
with a space, as in Markdown. A backslash makes the next marker character text: ``\\*``
an asterisk, ``\\#`` a hash, ``\\|`` a bar and ``\\\\`` a backslash. Nothing else is
special: every other character is text.

Markup belongs to the author of a body. Data put into a body (a batch row's value, a
unit's name) goes through :func:`escape` first, so it always comes out as typed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tdkt_docs.vietnamese.numbers import roman

MARKERS = "\\*#|"
"""The characters a backslash escapes."""
_TOKEN = re.compile(r"\\[\\*#|]|\*\*|\*")
_UNESCAPE = re.compile(r"\\([\\*#|])")
_ESCAPE = str.maketrans({marker: "\\" + marker for marker in MARKERS})
_ANY_WHITESPACE = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False


Paragraph = tuple[Run, ...]


class MarkupError(ValueError):
    """Unbalanced ``*`` or ``**`` in a paragraph."""


def escape(text: str) -> str:
    r"""``text`` as literal body text: markers escaped, and every run of whitespace (line
    breaks included) one space, so a value can neither format, split nor start a paragraph.

    >>> print(escape("A*B | # h\n\nz \\"))
    A\*B \| \# h z \\
    >>> plain_text(parse_inline(escape("A*B*C")))
    'A*B*C'
    """
    return _ANY_WHITESPACE.sub(" ", text).translate(_ESCAPE)


def unescape(text: str) -> str:
    """The text an escaped string stands for (used for table cells, which hold no runs)."""
    return _UNESCAPE.sub(r"\1", text)


def split_paragraphs(text: str) -> list[str]:
    """Split on blank lines and join the lines of each paragraph with single spaces."""
    parts = _BLANK_LINES.split(text.strip())
    return [
        " ".join(line.strip() for line in part.split("\n")).strip()
        for part in parts
        if part.strip()
    ]


@functools.lru_cache(maxsize=1024)  # most paragraphs of a batch's letters are identical
def parse_inline(paragraph: str) -> Paragraph:
    """Turn one paragraph into runs; raise :class:`MarkupError` when a marker is left open."""
    runs: list[Run] = []
    bold = italic = False
    buffer: list[str] = []
    opened_at = {"bold": 0, "italic": 0}

    def flush() -> None:
        if buffer:
            runs.append(Run("".join(buffer), bold=bold, italic=italic))
            buffer.clear()

    position = 0
    for match in _TOKEN.finditer(paragraph):
        buffer.append(paragraph[position : match.start()])
        token = match.group()
        position = match.end()
        if token.startswith("\\"):
            buffer.append(token[1])
            continue
        flush()
        if token == "**":
            bold = not bold
            opened_at["bold"] = match.start() + 1
        else:
            italic = not italic
            opened_at["italic"] = match.start() + 1
    buffer.append(paragraph[position:])
    if bold or italic:
        kind, marker = ("bold", "**") if bold else ("italic", "*")
        raise MarkupError(
            f"'{marker}' opened at character {opened_at[kind]} is never closed "
            f"(write \\* for a literal asterisk)"
        )
    flush()
    return _tidy(runs)


def _tidy(runs: list[Run]) -> Paragraph:
    """Merge runs of one format and tidy the spaces left where markers were removed:
    no space at either end of the paragraph, never two spaces in a row."""
    merged: list[Run] = []
    previous_ends_in_space = True  # the start of the paragraph counts as a space
    for run in runs:
        text = re.sub(r" {2,}", " ", run.text)
        if previous_ends_in_space:
            text = text.lstrip(" ")
        if not text:
            continue
        previous_ends_in_space = text.endswith(" ")
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + text, run.bold, run.italic)
        else:
            merged.append(Run(text, run.bold, run.italic))
    while merged and merged[-1].text.endswith(" "):
        last = merged.pop()
        if last.text.rstrip(" "):
            merged.append(Run(last.text.rstrip(" "), last.bold, last.italic))
    return tuple(merged)


def parse_body(text: str) -> list[Paragraph]:
    """Paragraphs of runs for a whole body text."""
    return list(_parse_body(text))


@functools.lru_cache(maxsize=256)  # validating and rendering a letter both parse its body
def _parse_body(text: str) -> tuple[Paragraph, ...]:
    return tuple(parse_inline(p) for p in split_paragraphs(text))


def plain_text(paragraph: Paragraph) -> str:
    return "".join(run.text for run in paragraph)


@dataclass(frozen=True)
class Block:
    """One block of a structured body: a heading of level 1–3 or a paragraph.

    ``number`` is the heading's number as printed: "I", "1" or "a" (ND30 §2.8 of nd30.md:
    I. for sections, 1. inside them, a) inside those), empty for a paragraph.
    """

    kind: str
    runs: Paragraph
    number: str = ""
    cells: tuple[tuple[str, ...], ...] = ()
    """For a ``table`` block: the heading row, then the data rows."""


# Vietnamese alphabetical order for điểm a), b), … (no f, j, w, z; đ after d).
POINT_LETTERS = tuple("abcdđeghiklmnopqrstuvxy")
_HEADING = re.compile(r"^(#{1,3})\s+(.*)$")


def _split_cells(line: str) -> tuple[str, ...]:
    """``| a | b |`` → ``("a", "b")``; an escaped ``\\|`` stays inside its cell."""
    cells: list[str] = []
    current: list[str] = []
    position = 0
    while position < len(line):
        char = line[position]
        if char == "\\" and position + 1 < len(line):
            current.append(line[position : position + 2])
            position += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        position += 1
    cells.append("".join(current))
    if line.startswith("|"):
        cells = cells[1:]
    if len(cells) > 1 and not cells[-1].strip():
        cells = cells[:-1]  # the closing bar
    return tuple(unescape(cell).strip() for cell in cells)


def _table(part: str) -> Block:
    """A Markdown pipe table: ``| a | b |`` rows, the second one a ``|---|---|`` rule."""
    lines = [line.strip() for line in part.split("\n") if line.strip()]
    rows = [_split_cells(line) for line in lines]
    if len(rows) < 2 or not all(re.fullmatch(r":?-{3,}:?", cell) for cell in rows[1]):
        raise MarkupError("a table starts with a heading row and a '|---|---|' line under it")
    header, data = rows[0], rows[2:]
    for index, row in enumerate(data, start=1):
        if len(row) != len(header):
            raise MarkupError(
                f"table row {index} has {len(row)} cells; the heading row has {len(header)}"
            )
    return Block("table", (), cells=(header, *data))


def parse_blocks(text: str) -> list[Block]:
    """Paragraphs where ``# Title``, ``## Title`` and ``### Title`` are numbered headings and
    a paragraph of ``| … |`` lines is a table."""
    blocks: list[Block] = []
    counters = [0, 0, 0]
    for part in _BLANK_LINES.split(text.strip()):
        if part.strip().startswith("|"):
            blocks.append(_table(part))
            continue
        paragraph = " ".join(line.strip() for line in part.split("\n")).strip()
        if not paragraph:
            continue
        match = _HEADING.match(paragraph)
        if not match:
            blocks.append(Block("paragraph", parse_inline(paragraph)))
            continue
        level = len(match.group(1))
        counters[level - 1] += 1
        for deeper in range(level, 3):
            counters[deeper] = 0
        count = counters[level - 1]
        if level == 1:
            number = roman(count)
        elif level == 2:
            number = str(count)
        else:
            if count > len(POINT_LETTERS):
                raise MarkupError(
                    f"more than {len(POINT_LETTERS)} points a), b), … under one heading"
                )
            number = POINT_LETTERS[count - 1]
        blocks.append(Block(f"heading{level}", parse_inline(match.group(2)), number))
    return blocks
