"""Text widths in Times New Roman, for geometry that depends on the text.

The widths come from Liberation Serif 2, which is metric-compatible with Times New Roman
(same advance width for every glyph), so a width measured here is the width Word and
LibreOffice lay out. The table is data (``data/font_widths.json``), made by
``python -m tdkt_docs.metrics FONT_DIR`` from the font files (needs fontTools).
"""

from __future__ import annotations

import json
import sys
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

_STYLES = ("regular", "bold", "italic", "bold_italic")
_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}
POINTS_PER_MM = 72 / 25.4


@cache
def _table() -> dict[str, Any]:
    raw = resources.files("tdkt_docs").joinpath("data/font_widths.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@lru_cache(maxsize=1024)  # a batch measures the same agency and Kính gửi lines each row
def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Advance width of ``text`` set in Times New Roman at ``size_pt``, in points.

    A character missing from the table counts as the widest capital, so an estimate errs
    towards "too wide" (a rule slightly long, never a line that wraps unexpectedly).
    """
    table = _table()
    style = (
        "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"
    )
    widths: dict[str, int] = table["widths"][style]
    fallback: int = table["fallback"][style]
    units = sum(widths.get(char, fallback) for char in text)
    return float(units) / float(table["units_per_em"]) * size_pt


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Like :func:`text_width_pt`, in millimetres."""
    return text_width_pt(text, size_pt, bold=bold, italic=italic) / POINTS_PER_MM


def ascent_em() -> float:
    """Height of the ascent above the baseline, as a fraction of the font size."""
    return float(_table()["ascent"]) / float(_table()["units_per_em"])


def _measured_characters() -> str:
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x100, 0x17F), (0x1A0, 0x1B0), (0x1EA0, 0x1EF9)]
    extra = "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u00b7\u2116"
    return "".join(chr(c) for lo, hi in ranges for c in range(lo, hi + 1)) + extra


def generate(font_dir: Path) -> dict[str, Any]:
    """Measure the Liberation Serif 2 fonts in ``font_dir`` (needs fontTools)."""
    from fontTools.ttLib import TTFont

    result: dict[str, Any] = {"font": "Liberation Serif 2 (metrics of Times New Roman)"}
    result["widths"] = {}
    result["fallback"] = {}
    for style in _STYLES:
        font = TTFont(str(font_dir / _FILES[style]))
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        result["units_per_em"] = font["head"].unitsPerEm
        result["ascent"] = font["hhea"].ascent
        widths = {c: hmtx[cmap[ord(c)]][0] for c in _measured_characters() if ord(c) in cmap}
        result["widths"][style] = widths
        result["fallback"][style] = max(widths[c] for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return result


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    font_dir = Path(args[0] if args else "/usr/share/fonts/truetype/liberation2")
    out = Path(__file__).parent / "data" / "font_widths.json"
    data = generate(font_dir)
    out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", "utf-8")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
