"""Bằng khen and Giấy khen printed onto pre-printed blanks (phôi), one PDF per recipient.

The engine is reportlab: it places text at exact coordinates in points (so at exact
millimetres), embeds and subsets TrueType fonts, measures text with ``stringWidth`` so
a long name can be shrunk to fit its box, and runs in this process. LibreOffice would
need a DOCX of positioned frames, would move text as its layout engine changes between
versions, and takes about a second per document; HTML-to-PDF engines add a browser.

Reads ``ket-qua.json`` of ``awards compile``; writes one PDF per award (named as batch
names files), one merged PDF for the printer (every page drawn in one canvas by the same
code), and a manifest (``danh-sach.csv`` and ``.json``) with the số sổ of each sheet.
The số sổ of an award is ``first_number`` plus its place in ``ket-qua.json``, so a
sheet reprinted with ``only`` keeps its number (a reprint's merged file and manifest are
``in-lai.pdf`` and ``danh-sach-in-lai.*``). Nothing is written when anything fails.
"""

from __future__ import annotations

import csv
import io
import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas

from tdkt_docs.awards.certificate_layout import (
    FieldBox,
    FieldName,
    Layout,
    LoadedLayout,
    load_layout,
)
from tdkt_docs.batch.names import UniqueNames, safe_file_name
from tdkt_docs.errors import DataError, OutputExistsError, Problem, WordingError
from tdkt_docs.loader import read_data
from tdkt_docs.messages import did_you_mean
from tdkt_docs.output import write_atomic
from tdkt_docs.text import match_key, nfc
from tdkt_docs.vietnamese.dates import date_line, short_date

RESULTS_FILE = "ket-qua.json"
MERGED_FILE = "in-tat-ca.pdf"
MANIFEST_CSV = "danh-sach.csv"
MANIFEST_JSON = "danh-sach.json"
REPRINT_MERGED_FILE = "in-lai.pdf"
REPRINT_MANIFEST_CSV = "danh-sach-in-lai.csv"
REPRINT_MANIFEST_JSON = "danh-sach-in-lai.json"
"""With ``only`` (a reprint) the merged file and manifest get these names, so the round's
full ``in-tat-ca.pdf`` and ``danh-sach.*`` are never replaced by a one-sheet list."""
PREVIEW_DIR = "xem-truoc"
SIZE_STEP = 0.5
"""Points: a field too long at its largest size is tried again this much smaller."""
BLANK = "…"
POINT_MM = 25.4 / 72


@dataclass(frozen=True)
class Sheet:
    """One printed certificate."""

    number: int
    register: str
    name: str
    form: str
    layout: str
    file: Path


@dataclass(frozen=True)
class CertificatesResult:
    """What :func:`print_certificates` wrote."""

    out_dir: Path
    sheets: tuple[Sheet, ...]
    merged: Path | None
    manifest: tuple[Path, ...]
    calibration: tuple[Path, ...]
    previews: tuple[Path, ...]

    @property
    def files(self) -> tuple[Path, ...]:
        merged = (self.merged,) if self.merged else ()
        return (
            *(s.file for s in self.sheets),
            *merged,
            *self.manifest,
            *self.calibration,
            *self.previews,
        )


@dataclass(frozen=True)
class PlacedLine:
    """One line of text as drawn: mm from the top-left, with the offset applied."""

    text: str
    x: float
    baseline: float
    size: float


# --- Fields ------------------------------------------------------------------------------------


def field_texts(
    award: Mapping[str, Any], register: str, achievement: str | None = None
) -> dict[FieldName, str]:
    """The text of each field for one award of ``ket-qua.json`` (NFC; lines split on ``\\n``).
    ``achievement`` (the layout's) replaces the decision's reason, with ``{reason}`` and
    ``{form_title}`` filled in from the award (as data: the award's values are not read as
    a pattern)."""

    def text(key: str) -> str:
        value = award.get(key)
        return nfc(" ".join(str(value).split())) if value not in (None, "") else ""

    honorific, name = text("honorific"), text("name")
    parts: list[str] = []
    for part in (text("position"), text("workplace"), text("unit")):
        if part and match_key(part) not in {match_key(p) for p in parts}:
            parts.append(part)
    reason = text("reason")
    if achievement is not None:
        shown = nfc(achievement.format(reason=reason, form_title=text("form_title")))
    else:
        shown = reason
    shown = shown[:1].upper() + shown[1:]
    place = text("place") or BLANK
    date = award.get("decision_date")
    year = award.get("decision_year")
    if date:
        date_text = date_line(place, str(date))
        short = short_date(str(date))
    else:
        date_text = f"{place}, ngày {BLANK} tháng {BLANK} năm {year or BLANK}"
        short = f"{BLANK}/{BLANK}/{year or BLANK}"
    number = award.get("decision_number")
    symbol = text("decision_symbol") or "QĐ"
    signer = award.get("signer") or {}
    authority = [nfc(str(line)) for line in signer.get("authority") or []]
    title = [nfc(str(signer["title"]))] if signer.get("title") else []
    return {
        FieldName.NAME: f"{honorific} {name}" if honorific else name,
        FieldName.POSITION: ", ".join(parts),
        FieldName.ACHIEVEMENT: shown,
        FieldName.DATE: date_text,
        FieldName.SIGNER_TITLE: "\n".join([*authority, *title]),
        FieldName.SIGNER_NAME: nfc(str(signer.get("name") or "")),
        FieldName.DECISION: f"Số: {number if number else BLANK}/{symbol} ngày {short}",
        FieldName.REGISTER_NUMBER: register,
    }


# --- Fitting -----------------------------------------------------------------------------------


class Fonts:
    """The layout's TrueType fonts, registered with reportlab once per file."""

    def __init__(self, loaded: LoadedLayout) -> None:
        self._loaded = loaded
        self._names: dict[Path, str] = {}

    def name(self, box: FieldBox) -> str:
        path = self._loaded.font_path(box.font, box.style)
        if path not in self._names:
            # One reportlab name per file, named after the font (pdffonts shows it).
            # crc32, not hash(): the same name in every run, so the PDFs are reproducible.
            registered = f"{path.stem}-{zlib.crc32(str(path).encode('utf-8')):08x}"
            if registered not in pdfmetrics.getRegisteredFontNames():
                try:
                    pdfmetrics.registerFont(TTFont(registered, str(path)))
                except (TTFError, OSError, ValueError) as exc:
                    raise DataError.single(
                        str(path), "font", f"not a usable TrueType font: {exc}"
                    ) from None
            self._names[path] = registered
        return self._names[path]


def _wrap(text: str, font: str, size: float, width_pt: float) -> list[str] | None:
    """Greedy word wrap; ``None`` when one word alone is wider than the box."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if pdfmetrics.stringWidth(candidate, font, size) <= width_pt:
                current = candidate
            elif pdfmetrics.stringWidth(word, font, size) > width_pt:
                return None
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return lines


def _balanced(text: str, font: str, size: float, width_pt: float, lines: list[str]) -> list[str]:
    """The same number of lines, as even as they can be: the narrowest wrap width that
    still gives that many lines (a greedy wrap can leave one word alone on the last line,
    "… giai đoạn 2021 -" / "2025")."""
    if len(lines) < 2:
        return lines
    low = max(pdfmetrics.stringWidth(word, font, size) for word in text.split())
    high = width_pt
    for _ in range(24):  # to well under a point
        middle = (low + high) / 2
        trial = _wrap(text, font, size, middle)
        if trial is not None and len(trial) <= len(lines):
            high = middle
        else:
            low = middle
    return _wrap(text, font, size, high) or lines


def fit(text: str, box: FieldBox, font: str) -> tuple[float, list[str]] | None:
    """The largest size (from ``box.size.max`` down to ``.min``) at which ``text`` wraps
    into the box's width and ``max_lines``, with its lines; ``None`` if none does."""
    width_pt = box.width * mm
    size = box.size.max
    while True:
        lines = _wrap(text, font, size, width_pt)
        if lines is not None and len(lines) <= box.max_lines:
            return size, _balanced(text, font, size, width_pt, lines)
        if size <= box.size.min:
            return None
        size = max(box.size.min, size - SIZE_STEP)


def _what_fits(text: str, box: FieldBox, font: str) -> str:
    """How much of ``text`` fits at the smallest size, for the refusal message."""
    words = text.split()
    low, high = 0, len(words)
    while low < high:  # the longest prefix of words that still fits
        middle = (low + high + 1) // 2
        lines = _wrap(" ".join(words[:middle]), font, box.size.min, box.width * mm)
        if lines is not None and len(lines) <= box.max_lines:
            low = middle
        else:
            high = middle - 1
    fitting = " ".join(words[:low])
    return f"{len(fitting)} of its {len(text)} characters fit ({fitting[:40]!r}…)"


def place_lines(
    text: str, box: FieldBox, font: str, dx: float, dy: float
) -> list[PlacedLine] | None:
    fitted = fit(text, box, font)
    if fitted is None:
        return None
    size, lines = fitted
    placed = []
    for index, line in enumerate(lines):
        width = pdfmetrics.stringWidth(line, font, size) / mm
        shift = {"left": 0.0, "center": width / 2, "right": width}[box.align]
        baseline = box.y + dy + index * size * box.leading * POINT_MM
        placed.append(PlacedLine(line, box.x + dx - shift, baseline, size))
    return placed


# --- Drawing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    layout: Layout
    lines: dict[FieldName, list[PlacedLine]]


def _page(
    award: Mapping[str, Any], register: str, layout: Layout, fonts: Fonts, loaded: LoadedLayout
) -> tuple[_Page | None, list[Problem]]:
    offset = loaded.file.offset
    who = str(award.get("name") or "?")
    try:
        texts = field_texts(award, register, layout.achievement)
    except WordingError as exc:
        return None, [Problem(RESULTS_FILE, f"{who}: decision_date", str(exc))]
    lines: dict[FieldName, list[PlacedLine]] = {}
    problems = []
    for field, box in layout.fields.items():
        text = texts[field]
        if not text:
            continue
        font = fonts.name(box)
        placed = place_lines(text, box, font, offset.dx, offset.dy)
        if placed is None:
            problems.append(
                Problem(
                    RESULTS_FILE,
                    f"{who}: {field.value}",
                    f"the text does not fit in its box ({box.width:g} mm × {box.max_lines} "
                    f"line(s)) even at {box.size.min:g} pt; {_what_fits(text, box, font)}; "
                    f"shorten it or widen fields.{field.value} in layout {layout.name!r}",
                )
            )
            continue
        lines[field] = placed
    return (None if problems else _Page(layout, lines)), problems


def _draw_page(
    canvas: Canvas,
    page: _Page,
    fonts: Fonts,
    background: ImageReader | None = None,
) -> None:
    width, height = page.layout.page.width * mm, page.layout.page.height * mm
    canvas.setPageSize((width, height))
    if background is not None:
        canvas.drawImage(background, 0, 0, width, height)
    for field, placed in page.lines.items():
        box = page.layout.fields[field]
        canvas.setFillColor(HexColor(box.colour))
        font = fonts.name(box)
        for line in placed:
            canvas.setFont(font, line.size)
            # reportlab measures from the bottom-left; the layout from the top-left.
            canvas.drawString(line.x * mm, height - line.baseline * mm, line.text)
    canvas.showPage()


def _new_canvas(buffer: io.BytesIO, title: str, font: str) -> Canvas:
    # ``font``: the canvas's initial font is listed in the PDF even if never used, so a
    # certificate starts in one of its own fonts (only the layout's fonts are embedded).
    canvas = Canvas(buffer, pageCompression=1, invariant=1, initialFontName=font)
    canvas.setTitle(title)
    canvas.setCreator("tdkt_docs")
    return canvas


def _calibration_page(canvas: Canvas, layout: Layout, loaded: LoadedLayout, ruler: str) -> None:
    """A mm grid with rulers, and a crosshair, label and box at every field's anchor
    (with the printer offset applied, so a new offset can be checked on paper)."""
    page_w, page_h = layout.page.width, layout.page.height
    canvas.setPageSize((page_w * mm, page_h * mm))
    offset = loaded.file.offset
    for step, grey, line_width in ((1, 0.92, 0.1), (5, 0.8, 0.2), (10, 0.55, 0.35)):
        canvas.setStrokeGray(grey)
        canvas.setLineWidth(line_width)
        for x in range(0, int(page_w) + 1, step):
            canvas.line(x * mm, 0, x * mm, page_h * mm)
        for y in range(0, int(page_h) + 1, step):
            canvas.line(0, (page_h - y) * mm, page_w * mm, (page_h - y) * mm)
    canvas.setFillGray(0.2)
    canvas.setFont(ruler, 6)
    for x in range(10, int(page_w), 10):
        canvas.drawCentredString(x * mm, (page_h - 4) * mm, str(x))
        canvas.drawCentredString(x * mm, 2 * mm, str(x))
    for y in range(10, int(page_h), 10):
        canvas.drawString(1.5 * mm, (page_h - y) * mm - 2, str(y))
        canvas.drawRightString((page_w - 1.5) * mm, (page_h - y) * mm - 2, str(y))
    canvas.setFont(ruler, 9)
    canvas.drawString(
        20 * mm,
        (page_h - 12) * mm,
        f"{layout.name}: {page_w:g} × {page_h:g} mm; offset dx {offset.dx:g} mm, "
        f"dy {offset.dy:g} mm (mm from the top-left corner)",
    )
    for field, box in layout.fields.items():
        ax, ay = box.x + offset.dx, box.y + offset.dy
        left = box.left_edge() + offset.dx
        top = ay - box.size.max * POINT_MM
        # The last line's descenders reach about 0.3 × size below its baseline.
        depth = (box.max_lines - 1) * box.size.max * box.leading + 0.3 * box.size.max
        bottom_mm = ay + depth * POINT_MM
        canvas.setStrokeColor(HexColor("#1f5fbf"))
        canvas.setLineWidth(0.4)
        canvas.rect(left * mm, (page_h - bottom_mm) * mm, box.width * mm, (bottom_mm - top) * mm)
        canvas.setStrokeColor(HexColor("#c00000"))
        canvas.setLineWidth(0.3)
        canvas.line((ax - 6) * mm, (page_h - ay) * mm, (ax + 6) * mm, (page_h - ay) * mm)
        canvas.line(ax * mm, (page_h - ay - 6) * mm, ax * mm, (page_h - ay + 6) * mm)
        canvas.circle(ax * mm, (page_h - ay) * mm, 1.5 * mm)
        canvas.setFillColor(HexColor("#c00000"))
        canvas.setFont(ruler, 7)
        canvas.drawString(
            (ax + 1.5) * mm, (page_h - ay + 1.5) * mm, f"{field.value} ({ax:g}, {ay:g}) {box.align}"
        )
    canvas.showPage()


# --- The run -----------------------------------------------------------------------------------


def _read_results(results_dir: Path) -> tuple[Path, list[Mapping[str, Any]]]:
    path = results_dir / RESULTS_FILE if results_dir.is_dir() else results_dir
    if not path.is_file():
        raise DataError.single(
            str(path), "", "not found; expected the folder written by `tdkt-docs awards compile`"
        )
    data = read_data(path)
    awards = data.get("awards") if isinstance(data, Mapping) else None
    if not isinstance(awards, list) or not all(isinstance(a, Mapping) for a in awards):
        raise DataError.single(str(path), "awards", "expected the list of awards of a round")
    for index, award in enumerate(awards):
        if not isinstance(award.get("name"), str) or not award["name"].strip():
            raise DataError.single(str(path), f"awards[{index}].name", "expected a name")
        signer = award.get("signer")
        if signer is not None and not (
            isinstance(signer, Mapping) and isinstance(signer.get("authority") or [], list)
        ):
            raise DataError.single(
                str(path), f"awards[{index}].signer", "expected {authority: [...], title, name}"
            )
    return path, awards


def _selected(
    awards: Sequence[Mapping[str, Any]], only: Iterable[str] | None, source: str
) -> list[int]:
    if only is None:
        return list(range(len(awards)))
    keys = {match_key(str(a["name"])): i for i, a in enumerate(awards)}
    chosen: list[int] = []
    for name in only:
        index = keys.get(match_key(name))
        if index is None:
            hint = did_you_mean(name, [str(a["name"]) for a in awards])
            raise DataError.single(source, "only", f"no award for {name!r}{hint}")
        if index not in chosen:
            chosen.append(index)
    return sorted(chosen)


def print_certificates(
    results_dir: str | Path,
    layout: LoadedLayout | str | Path,
    out_dir: str | Path,
    *,
    only: Iterable[str] | None = None,
    first_number: int = 1,
    calibrate: bool = False,
    preview: str | Path | None = None,
    overwrite: bool = False,
) -> CertificatesResult:
    """Print the decided awards of a compiled round onto blanks (see the module notes).

    ``calibrate=True`` writes only the calibration pages, one per layout
    (``can-chinh-<layout>.pdf``). ``preview`` is a scanned image of the blank, drawn under
    the text in separate files under ``xem-truoc/``, never in the files for printing.
    """
    loaded = load_layout(layout) if isinstance(layout, str | Path) else layout
    out = Path(out_dir)
    outputs: dict[str, bytes] = {}
    if isinstance(first_number, bool) or not isinstance(first_number, int) or first_number < 0:
        raise DataError.single(
            None, "first_number", f"expected a whole number, got {first_number!r}"
        )
    if calibrate:
        calibration = []
        for blank in loaded.file.layouts:
            buffer = io.BytesIO()
            ruler = Fonts(loaded).name(blank.fields[FieldName.NAME])  # embedded, as on paper
            canvas = _new_canvas(buffer, f"Calibration {blank.name}", ruler)
            _calibration_page(canvas, blank, loaded, ruler)
            canvas.save()
            name = f"can-chinh-{blank.name}.pdf"
            outputs[name] = buffer.getvalue()
            calibration.append(out / name)
        _write(out, outputs, overwrite)
        return CertificatesResult(out, (), None, (), tuple(calibration), ())

    source, awards = _read_results(Path(results_dir))
    background = _background(preview) if preview is not None else None
    fonts = Fonts(loaded)
    pages: list[tuple[int, Mapping[str, Any], _Page, str]] = []
    problems: list[Problem] = []
    for index in _selected(awards, only, str(source)):
        award = awards[index]
        number = first_number + index
        year = award.get("decision_year") or ""
        register = loaded.file.register_pattern.format(number=number, year=year)
        lay = loaded.file.find(
            str(award.get("form") or ""), str(award.get("form_title") or ""), award.get("kind")
        )
        if lay is None:
            problems.append(
                Problem(
                    str(source),
                    f"{award['name']}: form",
                    f"no layout for "
                    f"{award.get('form_title')!r} ({award.get('kind')}); expected a layout "
                    "whose blank starts its title, or whose forms list "
                    f"{award.get('form')!r}, for this kind",
                )
            )
            continue
        page, bad = _page(award, register, lay, fonts, loaded)
        problems.extend(bad)
        if page is not None:
            pages.append((number, award, page, register))
    if problems:
        raise DataError(problems)
    if not pages:
        raise DataError.single(str(source), "awards", "no decided award to print")

    merged_name, csv_name, json_name = (
        (MERGED_FILE, MANIFEST_CSV, MANIFEST_JSON)
        if only is None
        else (REPRINT_MERGED_FILE, REPRINT_MANIFEST_CSV, REPRINT_MANIFEST_JSON)
    )
    names = UniqueNames([merged_name, csv_name, json_name])
    sheets: list[Sheet] = []
    previews: list[Path] = []
    merged_buffer = io.BytesIO()
    first_font = fonts.name(pages[0][2].layout.fields[FieldName.NAME])
    merged = _new_canvas(merged_buffer, "Bằng khen, giấy khen", first_font)
    for number, award, page, register in pages:
        file_name = names.take(
            safe_file_name(f"{number:03d}-{award['name']}", suffix=".pdf"), ".pdf"
        )
        page_font = fonts.name(page.layout.fields[FieldName.NAME])
        buffer = io.BytesIO()
        canvas = _new_canvas(buffer, nfc(str(award["name"])), page_font)
        _draw_page(canvas, page, fonts)
        canvas.save()
        outputs[file_name] = buffer.getvalue()
        _draw_page(merged, page, fonts)
        if background is not None:
            buffer = io.BytesIO()
            canvas = _new_canvas(buffer, f"Xem trước: {award['name']}", page_font)
            _draw_page(canvas, page, fonts, background)
            canvas.save()
            outputs[f"{PREVIEW_DIR}/{file_name}"] = buffer.getvalue()
            previews.append(out / PREVIEW_DIR / file_name)
        sheets.append(
            Sheet(
                number,
                register,
                nfc(str(award["name"])),
                str(award.get("form") or ""),
                page.layout.name,
                out / file_name,
            )
        )
    merged.save()
    outputs[merged_name] = merged_buffer.getvalue()
    outputs[csv_name] = _manifest_csv(sheets)
    outputs[json_name] = _manifest_json(sheets)
    _write(out, outputs, overwrite)
    return CertificatesResult(
        out,
        tuple(sheets),
        out / merged_name,
        (out / csv_name, out / json_name),
        (),
        tuple(previews),
    )


def _background(path: str | Path) -> ImageReader:
    where = Path(path)
    if not where.is_file():
        raise DataError.single(str(where), "preview", "not found; expected a scanned image")
    try:
        reader = ImageReader(str(where))
        reader.getSize()
    except Exception as exc:  # reportlab/Pillow raise many types for a bad image
        raise DataError.single(
            str(where), "preview", f"not a readable image (PNG or JPEG): {exc}"
        ) from None
    return reader


def _manifest_csv(sheets: Sequence[Sheet]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["so_so", "number", "name", "form", "layout", "file"])
    for sheet in sheets:
        writer.writerow(
            [sheet.register, sheet.number, sheet.name, sheet.form, sheet.layout, sheet.file.name]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads it as UTF-8


def _manifest_json(sheets: Sequence[Sheet]) -> bytes:
    items = [
        {
            "so_so": s.register,
            "number": s.number,
            "name": s.name,
            "form": s.form,
            "layout": s.layout,
            "file": s.file.name,
        }
        for s in sheets
    ]
    return json.dumps({"sheets": items}, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def _write(out: Path, outputs: Mapping[str, bytes], overwrite: bool) -> None:
    existing = sorted(name for name in outputs if (out / name).exists())
    if existing and not overwrite:
        shown = ", ".join(existing[:5]) + (" …" if len(existing) > 5 else "")
        raise OutputExistsError(f"already holds {shown}", several=len(existing) > 1, path=out)
    out.mkdir(parents=True, exist_ok=True)
    if any("/" in name for name in outputs):
        (out / PREVIEW_DIR).mkdir(exist_ok=True)
    for name, data in outputs.items():
        write_atomic(out / name, data, overwrite=overwrite)
