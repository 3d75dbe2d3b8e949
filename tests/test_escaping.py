"""Property tests: whatever text a field holds comes out of the DOCX exactly as typed.

Text reaches the document through Jinja and docxtpl, both of which treat ``{{``, ``{%``,
``{_{``, ``&`` and ``<`` specially; none of that may leak. The only changes allowed are the
documented ones: NFC normalisation, whitespace runs collapsed to one space and stripped,
and (in the body) the ``*italic*``/``**bold**`` markers and ``\\`` escapes taken out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from docx.document import Document
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import tdkt_docs
from tests.conftest import seed_data
from tests.docx_reading import by_style, open_docx

SETTINGS = settings(max_examples=40, deadline=None)

_LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
VIETNAMESE_LETTERS = _LOWER + _LOWER.upper()
PUNCTUATION = "&<>\"'{}%#*\\!$()+,-./:;=?@[]^_`|~"
TRICKY = (
    "{{ 7*7 }}",
    "{% if 1 %}x{% endif %}",
    "{%p if 1 %}",
    "{{r x }}",
    "{#",
    "#}",
    "{_{",
    "}_}",
    "{_%",
    "%_}",
    "&amp;",
    "&#123;",
    "&lt;w:t&gt;",
    "<w:t>",
    "</w:t></w:r>",
    "]]>",
    "<![CDATA[",
    "Khánh Hòa",
    "Thắng",
    "THỪA THIÊN HUẾ",
)
ALL_TRICKY = " ".join(TRICKY)
"""Every tricky string at once, as an explicit example alongside the generated ones."""
SPACES = (" ", "  ", "\t", "\u00a0", "\u2003", "\u202f", "\u3000")
"""Whitespace the package collapses to one space in every kind of field."""

_piece = st.one_of(
    st.text(alphabet=VIETNAMESE_LETTERS + PUNCTUATION + "0123456789", min_size=1, max_size=6),
    st.sampled_from(TRICKY),
    st.sampled_from(SPACES),
)


@st.composite
def raw_text(draw: st.DrawFn, *, newlines: bool = True) -> str:
    """Text as a user might type it: letters, punctuation, template syntax, odd spaces."""
    pieces = [*SPACES, "\n"] if newlines else list(SPACES)
    text = "".join(
        draw(st.lists(st.one_of(_piece, st.sampled_from(pieces)), min_size=1, max_size=8))
    )
    if draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    return text


def expected(text: str) -> str:
    """What the document must show for ``text``: NFC, whitespace runs collapsed, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c == c.upper() for c in letters)


def _valid_line(text: str) -> bool:
    return bool(expected(text))


def _valid_list_item(text: str) -> bool:
    shown = expected(text)
    return bool(shown) and not shown.startswith(("-", "–")) and not shown.endswith((";", "."))


def _valid_subject(text: str) -> bool:
    shown = expected(text)
    return bool(shown) and not re.match(r"(?i)v/v\b|về việc\b", shown)


def _valid_name(text: str) -> bool:
    shown = expected(text)
    # At most 50 characters (Phụ lục VI); longer names are tests/test_field_lengths.py's.
    return bool(shown) and len(shown) <= 50 and not (len(shown) > 3 and _is_all_caps(shown))


def _render(data: dict[str, Any]) -> Document:
    return open_docx(tdkt_docs.render_bytes(data))


def _texts(document: Document, style_id: str) -> list[str]:
    return [p.text for p in by_style(document, style_id)]


def _assert_nfc(*texts: str) -> None:
    for text in texts:
        assert unicodedata.is_normalized("NFC", text), ascii(text)


# Fields inserted as one line of text -------------------------------------------------------


@SETTINGS
@given(text=raw_text().filter(_valid_subject))
@example(text=ALL_TRICKY)
@example(text=unicodedata.normalize("NFD", f"  tăng cường\t{ALL_TRICKY}\u00a0 "))
def test_subject_comes_out_as_typed(text: str) -> None:
    data = seed_data()
    data["subject"] = text
    document = _render(data)
    [shown] = _texts(document, "ND30TrichYeuCongVan")
    assert shown == f"V/v {expected(text)}"
    assert document.core_properties.title == f"V/v {expected(text)}"
    _assert_nfc(shown)


@SETTINGS
@given(text=raw_text().filter(_valid_list_item), data=st.data())
def test_recipient_comes_out_as_typed(text: str, data: st.DataObject) -> None:
    content = seed_data()
    index = data.draw(st.integers(0, len(content["recipients"]) - 1), label="index")
    content["recipients"][index] = text
    shown = _texts(_render(content), "ND30KinhGuiDanhSach")
    last = len(content["recipients"]) - 1
    assert len(shown) == len(content["recipients"])
    assert shown[index] == f"- {expected(text)}{'.' if index == last else ';'}"
    _assert_nfc(*shown)


@SETTINGS
@given(text=raw_text().filter(_valid_name))
@example(text=unicodedata.normalize("NFD", "Huỳnh {{ 7*7 }} & <Thắng> ]]>"))
def test_signer_name_comes_out_as_typed(text: str) -> None:
    data = seed_data()
    data["signer"]["name"] = text
    [shown] = _texts(_render(data), "ND30HoTen")
    assert shown == expected(text)
    _assert_nfc(shown)


# The body: paragraphs with inline markup -------------------------------------------------------


def _escape_markup(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")


@st.composite
def body_paragraph(draw: st.DrawFn) -> tuple[str, str]:
    """``(markup, plain)``: one paragraph as typed and the text it must show.

    Some stretches are wrapped in ``*`` or ``**``; two wrapped stretches are never adjacent
    (``*a**b*`` is ambiguous in any star-based markup), and every literal ``*`` or ``\\`` is
    escaped.
    """
    markup: list[str] = []
    plain: list[str] = []
    previous_marked = False
    for _ in range(draw(st.integers(1, 4))):
        text = draw(raw_text(newlines=False))
        marker = draw(st.sampled_from(["", "", "*", "**"]))
        if marker and previous_marked:
            separator = draw(raw_text(newlines=False))
            markup.append(_escape_markup(separator))
            plain.append(separator)
        markup.append(f"{marker}{_escape_markup(text)}{marker}")
        plain.append(text)
        previous_marked = bool(marker)
    assume(expected("".join(plain)))
    return "".join(markup), "".join(plain)


@SETTINGS
@given(paragraphs=st.lists(body_paragraph(), min_size=1, max_size=3))
def test_body_paragraphs_come_out_as_typed(paragraphs: list[tuple[str, str]]) -> None:
    data = seed_data()
    data["body"] = "\n\n".join(markup for markup, _ in paragraphs)
    shown = _texts(_render(data), "ND30NoiDung")
    assert shown == [expected(plain) for _, plain in paragraphs]
    _assert_nfc(*shown)


@SETTINGS
@given(text=raw_text(newlines=False).filter(_valid_line))
@example(text=ALL_TRICKY)
def test_body_without_markup_comes_out_as_typed(text: str) -> None:
    # The brief's plain case: every '*' and '\' escaped, no formatting at all.
    data = seed_data()
    data["body"] = _escape_markup(text)
    assert _texts(_render(data), "ND30NoiDung") == [expected(text)]


# Control characters are refused, naming the field ---------------------------------------------

CONTROL_CHARACTERS = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]]


def _setter(*path: str | int) -> Callable[[dict[str, Any], Callable[[str], str]], None]:
    def change(data: dict[str, Any], edit: Callable[[str], str]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = edit(target[path[-1]])

    return change


FIELDS: dict[str, Callable[[dict[str, Any], Callable[[str], str]], None]] = {
    "subject": _setter("subject"),
    "symbol": _setter("symbol"),
    "recipients[1]": _setter("recipients", 1),
    "distribution[2]": _setter("distribution", 2),
    "signer.name": _setter("signer", "name"),
    "signer.title": _setter("signer", "title"),
    "signer.authority[0]": _setter("signer", "authority"),
    "agency.name": _setter("agency", "name"),
    "agency.parent": _setter("agency", "parent"),
    "agency.place": _setter("agency", "place"),
    "body": _setter("body"),
}


@settings(max_examples=60, deadline=None)
@given(
    field=st.sampled_from(sorted(FIELDS)),
    char=st.sampled_from(CONTROL_CHARACTERS),
    where=st.integers(0, 1000),
)
def test_control_characters_are_refused_naming_the_field(field: str, char: str, where: int) -> None:
    data = seed_data()

    def insert(value: str) -> str:
        position = where % (len(value) + 1)
        return value[:position] + char + value[position:]

    FIELDS[field](data, insert)
    with pytest.raises(tdkt_docs.DataError) as info:
        tdkt_docs.validate(data)
    problems = [(p.field, p.message) for p in info.value.problems]
    assert any(
        name == field and f"control character U+{ord(char):04X}" in message
        for name, message in problems
    ), problems
