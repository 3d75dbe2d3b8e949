"""Data is inserted literally: a row's value never becomes body markup.

Markup (``*italic*``, ``**bold**``, ``#`` headings, ``|`` tables, blank lines) belongs to
the author of a base. A value from a data row is text: it comes out in the letter exactly,
under the documented rules (NFC; every run of whitespace, line breaks included, one space),
with no bold or italic run the base did not ask for.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tdkt_docs.batch import render_batch
from tdkt_docs.batch.bases import BaseSpec, DocumentBase
from tdkt_docs.batch.rows import Row
from tdkt_docs.markup import escape, parse_blocks, parse_inline, plain_text
from tests.conftest import seed_data
from tests.docx_reading import by_style, open_docx

HOSTILE = (
    "A*B*C",
    "{{ 7*7 }}",
    "{% if x %}",
    "**x**",
    "| a | b |",
    "# h",
    "## h2",
    "a \\ b",
    "\\*",
    "trailing \\",
    "- gạch đầu dòng",
    "*",
    "x\n\ny",
    "|---|---|",
)

MARK = "Đến nay, "
TAIL = " chưa gửi danh sách."


def _base(body: str, **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(seed_data())
    data["body"] = body
    data.update(changes)
    return data


def _letter(base: dict[str, Any], value: object) -> Document:
    document_base = DocumentBase(BaseSpec("document", "base.yaml", base, None, None))
    _, package = document_base.render(Row(2, {"name": value}))
    return open_docx(package)


def _expected(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _body(document: Document) -> list[Any]:
    return by_style(document, "ND30NoiDung")


def _formatted_runs(paragraph: Any) -> list[str]:
    return [run.text for run in paragraph.runs if run.bold or run.italic]


# --- The issue's own examples, through the whole batch -----------------------------------------


def test_a_batch_of_hostile_values_gives_letters_that_carry_each_value_exactly(
    tmp_path: Path,
) -> None:
    body = (
        f"{MARK}{{{{ row.name }}}}{TAIL} Hạn gửi **trước ngày 12/10/2023**.\n\n"
        "{{ row.name }}\n\nTrân trọng./."
    )
    rows = [{"name": value} for value in HOSTILE]
    result = render_batch(_base(body), rows, tmp_path / "out")
    assert len(result.written) == len(HOSTILE)
    for value, path in zip(HOSTILE, sorted(result.written), strict=True):
        document = open_docx(path.read_bytes())
        paragraphs = _body(document)
        texts = [p.text for p in paragraphs]
        shown = _expected(value)
        assert texts[0] == f"{MARK}{shown}{TAIL} Hạn gửi trước ngày 12/10/2023.", value
        assert texts[1] == shown, value
        assert texts[2] == "Trân trọng./."
        assert len(paragraphs) == 3, f"{value!r} split or added a paragraph: {texts}"
        # The only formatting is the author's bold deadline.
        assert _formatted_runs(paragraphs[0]) == ["trước ngày 12/10/2023"], value
        assert [run.bold for run in paragraphs[0].runs if run.bold] == [True]
        assert _formatted_runs(paragraphs[1]) == [], value


def test_the_report_headings_tables_and_appendices_take_values_as_text() -> None:
    body = (
        "# KẾT QUẢ\n\n"
        "## {{ row.name }}\n\n"
        "| Đơn vị | Số lượng |\n|---|---|\n| {{ row.name }} | 5 |\n\n"
        "{{ row.name }}"
    )
    base = _base(
        body,
        type="report",
        symbol="BC-SNV",
        recipients=None,
        appendices=[{"title": "DANH SÁCH", "body": "Đơn vị: {{ row.name }}"}],
    )
    base.pop("recipients")
    base["agency"] = {**base["agency"], "display_name": "Sở Nội vụ tỉnh Khánh Hòa"}
    for value in HOSTILE:
        document = _letter(base, value)
        shown = _expected(value)
        heading = [p.text for p in by_style(document, "ND30DeMuc2")]
        assert heading == [f"1. {shown}"], value
        cells = [cell.text for table in document.tables[-2:] for cell in table._cells]
        assert shown in cells, (value, cells)
        body_texts = [p.text for p in _body(document)]
        assert shown in body_texts, (value, body_texts)
        everything = "\n".join(p.text for p in document.paragraphs)
        assert f"Đơn vị: {shown}" in everything, value
        for paragraph in document.paragraphs:
            assert "\\" not in paragraph.text or "\\" in value, paragraph.text


def test_the_author_writes_a_literal_asterisk_with_a_backslash() -> None:
    body = "Điểm \\*: đạt; \\# và \\| cũng vậy; *nghiêng*.\n\n{{ row.name }}"
    document = _letter(_base(body), "x")
    first = _body(document)[0]
    assert first.text == "Điểm *: đạt; # và | cũng vậy; nghiêng."
    assert _formatted_runs(first) == ["nghiêng"]


# --- Any value, any text (hypothesis) -------------------------------------------------------

_LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
ALPHABET = _LOWER + _LOWER.upper() + "0123456789 \n\t\u00a0" + "*#|\\{}%&<>\"'-_.,;:!?/()[]=+@~`^$"
PIECES = ("*", "**", "|", "#", "\\", "{{", "}}", "{%", "\n", "\n\n", "|---|", "# ", "- ")


@st.composite
def _value(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(st.text(alphabet=ALPHABET, min_size=1, max_size=8), st.sampled_from(PIECES)),
            min_size=1,
            max_size=10,
        )
    )
    text = "".join(parts)
    return unicodedata.normalize("NFD", text) if draw(st.booleans()) else text


@settings(max_examples=60, deadline=None)
@given(value=_value())
@example(value="A*B*C")
@example(value="# h\n\n| a | b |\n|---|---|\n**x** \\")
def test_any_value_comes_out_exactly(value: str) -> None:
    body = f"{MARK}{{{{ row.name }}}}{TAIL}\n\n{{{{ row.name }}}}\n\nTrân trọng./."
    document = _letter(_base(body), value)
    paragraphs = _body(document)
    shown = _expected(value)
    texts = [p.text for p in paragraphs]
    expected_texts = [_expected(f"{MARK}{value}{TAIL}")]
    if shown:
        expected_texts.append(shown)
    expected_texts.append("Trân trọng./.")
    assert texts == expected_texts
    assert all(not _formatted_runs(p) for p in paragraphs)


@settings(max_examples=200, deadline=None)
@given(value=_value())
def test_escape_round_trips_through_the_markup_parser(value: str) -> None:
    text = escape(value)
    assert "\n" not in text
    assert plain_text(parse_inline(text)) == re.sub(r"\s+", " ", value).strip()
    blocks = parse_blocks(f"## {text}") if value.strip() else []
    for block in blocks:
        assert block.kind == "heading2"


# --- Dates from spreadsheets ------------------------------------------------------------------


def test_a_date_cell_in_running_text_reads_as_nd30_writes_it() -> None:
    base = _base(
        "Hạn gửi: ngày {{ row.name }}; ISO nếu cần: {{ row.name.isoformat() }}.",
        date="{{ row.name }}",
    )
    document = _letter(base, dt.date(2023, 9, 7))
    assert _body(document)[0].text == "Hạn gửi: ngày 07/9/2023; ISO nếu cần: 2023-09-07."
    dates = [p.text for p in by_style(document, "ND30DiaDanhNgay")]
    assert dates == ["Khánh Hòa, ngày 07 tháng 9 năm 2023"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (dt.date(2023, 12, 20), "20/12/2023"),
        (dt.date(2023, 9, 7), "07/9/2023"),
        (dt.date(2024, 2, 5), "05/02/2024"),
        ("2024-01-15", "15/01/2024"),
    ],
)
def test_the_short_date_filter(value: object, shown: str) -> None:
    document = _letter(_base("Ngày {{ row.name | short_date }}."), value)
    assert _body(document)[0].text == f"Ngày {shown}."
