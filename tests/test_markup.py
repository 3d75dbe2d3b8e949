from __future__ import annotations

import pytest

from tdkt_docs.markup import (
    MarkupError,
    Run,
    parse_blocks,
    parse_body,
    parse_inline,
    plain_text,
    split_paragraphs,
)


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
        (r"\# không phải đề mục", (Run("# không phải đề mục"),)),
        (r"a \| b", (Run("a | b"),)),
        (r"C:\path", (Run("C:\\path"),)),
    ],
    ids=[
        "plain",
        "italic",
        "bold",
        "bold-italic",
        "nested",
        "escaped-star",
        "escaped-backslash",
        "escaped-hash",
        "escaped-bar",
        "other-backslash",
    ],
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


def test_escaped_markers_start_no_heading_and_no_table() -> None:
    blocks = parse_blocks("\\# KẾT QUẢ\n\n\\| a | b |\n\n## Mục")
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "heading2"]
    assert plain_text(blocks[0].runs) == "# KẾT QUẢ"
    assert plain_text(blocks[1].runs) == "| a | b |"


def test_table_cells_split_on_unescaped_bars_only() -> None:
    (table,) = parse_blocks("| Tên | Ghi chú |\n|---|---|\n| A\\|B | x \\* y \\\\ |\n| | 0 |")
    assert table.cells == (("Tên", "Ghi chú"), ("A|B", "x * y \\"), ("", "0"))
