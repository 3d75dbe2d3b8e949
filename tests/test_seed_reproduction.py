"""The seed dispatch of Sở Nội vụ Khánh Hòa comes out word for word.

Read back with docx2python, an independent reader (not python-docx, which built it).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx2python import docx2python

from tests.conftest import DATA


def _normalise(line: str) -> str:
    # The seed file is plain text: no blanks for the clerk and no inline markup.
    return re.sub(r"\s+", " ", line.replace("**", "").replace("*", "")).strip()


def _docx_lines(data: bytes) -> list[str]:
    with docx2python(io.BytesIO(data)) as content:
        text = content.text
    return [_normalise(line) for line in text.split("\n") if line.strip()]


def _seed_lines() -> list[str]:
    raw = Path(DATA / "seed_dispatch.txt").read_text("utf-8")
    return [_normalise(line) for line in raw.split("\n") if line.strip()]


def test_every_seed_line_appears_in_order(seed_bytes: bytes) -> None:
    lines = _docx_lines(seed_bytes)
    seed = _seed_lines()
    assert len(seed) == 26
    position = -1
    for seed_line in seed:
        assert seed_line in lines[position + 1 :], f"missing or out of order: {seed_line!r}"
        position = lines.index(seed_line, position + 1)


def test_header_lines_present(seed_bytes: bytes) -> None:
    lines = _docx_lines(seed_bytes)
    for expected in (
        "UBND TỈNH KHÁNH HÒA",
        "SỞ NỘI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ):
        assert expected in lines
