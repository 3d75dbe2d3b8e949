from __future__ import annotations

import pytest

from tdkt_docs.markup import MarkupError, Run, parse_body, parse_inline, split_paragraphs


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("plain", (Run("plain"),)),
        ("a *b* c", (Run("a "), Run("b", italic=True), Run(" c"))),
        ("**b**", (Run("b", bold=True),)),
        ("***bi***", (Run("bi", bold=True, italic=True),)),
        (
            "**b *bi* b**",
            (Run("b ", bold=True), Run("bi", bold=True, italic=True), Run(" b", bold=True)),
        ),
        (r"2 \* 3 = 6", (Run("2 * 3 = 6"),)),
        (r"a \\ b", (Run("a \\ b"),)),
    ],
    ids=["plain", "italic", "bold", "bold-italic", "nested", "escaped-star", "escaped-backslash"],
)
def test_parse_inline(text: str, runs: tuple[Run, ...]) -> None:
    assert parse_inline(text) == runs


@pytest.mark.parametrize("text", ["*open", "**open", "a *b **c* d", "***x**"])
def test_unclosed_markers_are_errors(text: str) -> None:
    with pytest.raises(MarkupError, match="never closed"):
        parse_inline(text)


def test_paragraphs_split_on_blank_lines_and_join_lines() -> None:
    assert split_paragraphs("a\nb\n\n\n  c  \n \n d") == ["a b", "c", "d"]
    assert len(parse_body("one\n\ntwo")) == 2
