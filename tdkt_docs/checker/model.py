"""A checked document as plain data: paragraphs with their effective formatting.

Formatting is resolved the way Word does: the run's own properties, then its character
style, the paragraph's style chain (``basedOn``), the table style, and the document
defaults; theme fonts are looked up in the theme part. A run is judged by the fonts its
characters are shown in (Vietnamese: ascii and hAnsi, see ``slots_used``); cell margins
are read under both names (``w:left``/``w:start``); space is read in points, lines or
"auto"; a leading tab is read as the indent it makes; text boxes are read once (in
``mc:Choice``) and apart from the paragraph they are anchored to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lxml import etree

from tdkt_docs.checker.package import Package

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
W = f"{{{W_NS}}}"
FONT_SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
NOTE_MARK = re.compile(r"[\d*\s,]+")
AUTO_SPACING_TWIPS = 280
"""Word's "auto" space before and after a paragraph (HTML's): 14 pt."""

# Which of a run's four fonts Word shows a character in (ECMA-376 §17.3.2.26, w:rFonts):
# ASCII in the ascii font; East Asian scripts in the eastAsia font; right-to-left and
# Indic/South-East Asian scripts in the cs font; every other character, Vietnamese
# letters (Latin-1, Latin Extended-A/B, Latin Extended Additional, combining marks)
# included, in the hAnsi font, unless ``w:hint="eastAsia"`` (or "cs") claims it. A run
# marked ``w:cs`` or ``w:rtl`` is shown wholly in the cs font.
_VISIBLE_ASCII = re.compile(r"[\x21-\x7e]")
_EAST_ASIAN_RANGES = (
    r"\u1100-\u11ff\u2e80-\u2fff\u3000-\u9fff\ua000-\ua4cf\uac00-\ud7af"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
)
_COMPLEX_RANGES = r"\u0590-\u0fff\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufefc"
_EAST_ASIAN = re.compile(f"[{_EAST_ASIAN_RANGES}]")
_COMPLEX = re.compile(f"[{_COMPLEX_RANGES}]")
_OTHER = re.compile(rf"[^\x00-\x7f\s{_EAST_ASIAN_RANGES}{_COMPLEX_RANGES}]")


def _w(name: str) -> str:
    return f"{W}{name}"


def _on(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(_w("val"), "true") not in {"0", "false", "off", "none"}


def _on_value(value: str | None) -> bool:
    """An on/off attribute (``w:beforeAutospacing="1"``): absent is off."""
    return value is not None and value not in {"0", "false", "off"}


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class RunInfo:
    text: str
    size_pt: float
    bold: bool
    italic: bool
    caps: bool
    fonts: tuple[str | None, ...]
    """The fonts the run's text is shown in: the slots of ``font_slots`` its characters
    use (``None`` for a slot no style sets). A Vietnamese run uses ascii and hAnsi only."""
    colour: str
    is_note_mark: bool = False
    """A note mark typed as raised text (digits set superscript or subscript: "TÊN CƠ
    QUAN²" in the official models): its look is not the look of the line it marks."""
    font_slots: tuple[str | None, ...] = (None, None, None, None)
    """The resolved font of each slot, in the order of ``FONT_SLOTS``."""
    font_hint: str | None = None
    """``w:rFonts/@w:hint``: "eastAsia" or "cs" claims the non-ASCII Latin characters."""
    complex_script: bool = False
    """``w:cs`` or ``w:rtl``: the whole run is shown in the cs font."""


def slots_used(text: str, hint: str | None, complex_script: bool) -> tuple[str, ...]:
    """The font slots (of ``FONT_SLOTS``) Word shows ``text``'s visible characters in."""
    if complex_script:
        return ("cs",)
    if text.isascii():
        return ("ascii",) if _VISIBLE_ASCII.search(text) else ()
    used: list[str] = []
    if _VISIBLE_ASCII.search(text):
        used.append("ascii")
    if _OTHER.search(text):
        used.append(hint if hint in {"eastAsia", "cs"} else "hAnsi")
    if _COMPLEX.search(text):
        used.append("cs")
    if _EAST_ASIAN.search(text):
        used.append("eastAsia")
    return tuple(dict.fromkeys(used))


def shown_fonts(look: RunInfo, text: str) -> tuple[str | None, ...]:
    """The fonts of ``look``'s slots that ``text`` is shown in, each once."""
    slots = slots_used(text, look.font_hint, look.complex_script)
    return tuple(dict.fromkeys(look.font_slots[FONT_SLOTS.index(slot)] for slot in slots))


@dataclass(frozen=True)
class Para:
    """One paragraph with the formatting that applies to it."""

    order: int
    text: str
    style_id: str | None
    area: str
    """``body``, ``header``, ``footer``."""
    where: str
    """Human-readable place: "đoạn 12", "bảng 1, hàng 2, ô 1", "đầu trang (trang đầu)"."""
    table: tuple[int, int, int] | None
    runs: tuple[RunInfo, ...]
    align: str | None
    indent_first_twips: int
    indent_left_twips: int
    indent_right_twips: int
    space_before_twips: int
    space_after_twips: int
    line: int | None
    line_rule: str | None
    borders: frozenset[str]
    fields: tuple[str, ...]
    header_kind: str | None = None
    has_drawing: bool = False
    section: int = 0
    """Index of the body section holding the paragraph (0 for headers and footers)."""
    tab_indent_twips: int | None = None
    """Where a text that opens with a tab starts, from the left indent: the tab stop the tab
    reaches (a first-line indent typed as a tab). ``None`` when the text opens otherwise."""
    leader_tab: bool = False
    """A tab in the text reaches a stop with a leader (dots): the line is filled to it."""

    @property
    def sizes(self) -> set[float]:
        return {r.size_pt for r in self.runs if r.text.strip()}

    @property
    def visible_runs(self) -> list[RunInfo]:
        return [r for r in self.runs if r.text.strip()]

    @property
    def unmarked_text(self) -> str:
        """The text without its note marks ("TÊN LOẠI VĂN BẢN" of "TÊN LOẠI VĂN BẢN⁶")."""
        return "".join(r.text for r in self.runs if not r.is_note_mark)

    @property
    def judged_runs(self) -> list[RunInfo]:
        """The visible runs whose size, weight and slant are the line's: note marks aside."""
        return [r for r in self.visible_runs if not r.is_note_mark]


@dataclass(frozen=True)
class Section:
    page_width_twips: int | None
    page_height_twips: int | None
    orientation: str
    margins_twips: dict[str, int | None]
    title_page: bool
    header_kinds: frozenset[str]
    index: int = 0
    """Position in the file (0-based), kept when a merged file is split into documents."""
    headers: dict[str, list[Para]] = field(default_factory=dict)
    """The headers shown in this section by kind, those inherited from the section before
    included (Word repeats the previous section's header when a kind is not set)."""
    footers: dict[str, list[Para]] = field(default_factory=dict)


@dataclass
class DocModel:
    path: str
    paragraphs: list[Para]
    headers: dict[str, list[Para]]
    footers: dict[str, list[Para]]
    sections: list[Section]
    all_text: str = ""
    fonts_in_styles: set[str] = field(default_factory=set)
    text_boxes: list[Para] = field(default_factory=list)
    """The paragraphs of the body's text boxes, read once and apart from the paragraph each
    box is anchored to (``order`` and ``section`` are the anchor's): judged for fonts and
    text, never taken for the document's header, body or signature."""
    cell_widths: dict[tuple[int, int, int], int] = field(default_factory=dict)
    """Text width of each body table cell in twips: ``w:tcW`` (else the grid) less the cell
    margins."""

    def has_drawing_near(self, p: Para) -> bool:
        """A drawn line or shape in ``p``'s cell, or just after ``p`` outside tables.

        A line drawn under a header cell is often anchored in the cell below it (an empty
        row between the agency and the số, ký hiệu): that cell counts until its first text."""
        if p.table is not None:
            if any(q.has_drawing for q in self.paragraphs if q.table == p.table):
                return True
            table, row, column = p.table
            for q in self.paragraphs:
                if q.table == (table, row + 1, column):
                    if q.has_drawing:
                        return True
                    if q.text.strip():
                        break
            return False
        return any(q.has_drawing for q in self.paragraphs if p.order <= q.order <= p.order + 2)


class _Resolver:
    def __init__(self, package: Package) -> None:
        styles = package.part("word/styles.xml")
        self.styles: dict[str, etree._Element] = {}
        self.default_paragraph_style: str | None = None
        self.default_table_style: str | None = None
        self.run_defaults: etree._Element | None = None
        self.paragraph_defaults: etree._Element | None = None
        if styles is not None:
            for style in styles.iter(_w("style")):
                style_id = style.get(_w("styleId"))
                if style_id:
                    self.styles[style_id] = style
                    if style.get(_w("default")) in {"1", "true"}:
                        if style.get(_w("type")) == "paragraph":
                            self.default_paragraph_style = style_id
                        elif style.get(_w("type")) == "table":
                            self.default_table_style = style_id
            self.run_defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
            self.paragraph_defaults = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
        self.theme_fonts = _theme_fonts(package)
        settings = package.part("word/settings.xml")
        default_tab = settings.find(_w("defaultTabStop")) if settings is not None else None
        self.default_tab_twips = (
            _int(default_tab.get(_w("val"))) if default_tab is not None else None
        ) or 720
        self._inherited: dict[tuple[str, str | None, str | None, str | None], list[etree._Element]]
        self._inherited = {}
        self._run_looks: dict[tuple[bytes, str | None, str | None], RunInfo] = {}

    def chain(self, style_id: str | None) -> list[etree._Element]:
        chain: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            chain.append(style)
            based = style.find(_w("basedOn"))
            style_id = based.get(_w("val")) if based is not None else None
        return chain

    def sources(
        self,
        kind: str,
        own: etree._Element | None,
        run_style: str | None,
        paragraph_style: str | None,
        table_style: str | None,
    ) -> list[etree._Element]:
        key = (kind, run_style, paragraph_style, table_style)
        inherited = self._inherited.get(key)
        if inherited is None:
            inherited = self._inherited[key] = self._styles(*key)
        return [own, *inherited] if own is not None else inherited

    def _styles(
        self, kind: str, run_style: str | None, paragraph_style: str | None, table_style: str | None
    ) -> list[etree._Element]:
        """What a paragraph or run inherits: its styles' properties, then the defaults."""
        sources: list[etree._Element] = []
        if kind == "rPr":
            for style in self.chain(run_style):
                found = style.find(_w("rPr"))
                if found is not None:
                    sources.append(found)
        for style in self.chain(paragraph_style or self.default_paragraph_style):
            found = style.find(_w(kind))
            if found is not None:
                sources.append(found)
        for style in self.chain(table_style):
            found = style.find(_w(kind))
            if found is not None:
                sources.append(found)
        defaults = self.run_defaults if kind == "rPr" else self.paragraph_defaults
        if defaults is not None:
            sources.append(defaults)
        return sources

    def run_look(
        self, rpr: etree._Element | None, paragraph_style: str | None, table_style: str | None
    ) -> RunInfo:
        """The resolved look of a run with these properties, without its text; runs set
        alike (most of a document's) are resolved once. ``is_note_mark`` says whether the
        run is raised; the caller adds whether its text is a mark."""
        key = (
            etree.tostring(rpr) if rpr is not None else b"",
            paragraph_style,
            table_style,
        )
        look = self._run_looks.get(key)
        if look is None:
            rstyle = rpr.find(_w("rStyle")) if rpr is not None else None
            sources = self.sources(
                "rPr",
                rpr,
                rstyle.get(_w("val")) if rstyle is not None else None,
                paragraph_style,
                table_style,
            )
            # A run marked complex script (w:cs, w:rtl) is shown with the complex-script
            # size, weight and slant (w:szCs, w:bCs, w:iCs), as in its cs font.
            complex_script = bool(_on(_first(sources, "cs")) or _on(_first(sources, "rtl")))
            cs = "Cs" if complex_script else ""
            size = _first(sources, f"sz{cs}", "val")
            colour = _first(sources, "color", "val")
            look = self._run_looks[key] = RunInfo(
                text="",
                size_pt=int(size) / 2 if isinstance(size, str) and size.isdigit() else 10.0,
                bold=bool(_on(_first(sources, f"b{cs}"))),
                italic=bool(_on(_first(sources, f"i{cs}"))),
                caps=bool(_on(_first(sources, "caps"))),
                fonts=(),
                colour=str(colour or "000000").upper(),
                is_note_mark=_first(sources, "vertAlign", "val") in {"superscript", "subscript"},
                font_slots=self.fonts(sources),
                font_hint=self.font_hint(sources),
                complex_script=complex_script,
            )
        return look

    def fonts(self, sources: list[etree._Element]) -> tuple[str | None, ...]:
        result: list[str | None] = []
        for slot in FONT_SLOTS:
            value: str | None = None
            for rpr in sources:
                rfonts = rpr.find(_w("rFonts"))
                if rfonts is None:
                    continue
                theme = rfonts.get(_w(f"{slot}Theme" if slot != "cs" else "cstheme"))
                if theme:
                    value = self.theme_fonts.get(theme, f"(theme {theme})")
                    break
                if rfonts.get(_w(slot)):
                    value = rfonts.get(_w(slot))
                    break
            result.append(value)
        return tuple(result)

    def font_hint(self, sources: list[etree._Element]) -> str | None:
        for rpr in sources:
            rfonts = rpr.find(_w("rFonts"))
            hint = rfonts.get(_w("hint")) if rfonts is not None else None
            if hint:
                return str(hint)
        return None


def _theme_fonts(package: Package) -> dict[str, str]:
    fonts: dict[str, str] = {}
    for name, root in package.parts.items():
        if not name.startswith("word/theme/"):
            continue
        for kind, prefix in (("majorFont", "major"), ("minorFont", "minor")):
            block = root.find(f".//{{{A_NS}}}{kind}")
            if block is None:
                continue
            latin = block.find(f"{{{A_NS}}}latin")
            east = block.find(f"{{{A_NS}}}ea")
            cs = block.find(f"{{{A_NS}}}cs")
            if latin is not None:
                fonts[f"{prefix}HAnsi"] = fonts[f"{prefix}Ascii"] = latin.get("typeface", "")
            if east is not None:
                fonts[f"{prefix}EastAsia"] = east.get("typeface", "") or fonts.get(
                    f"{prefix}Ascii", ""
                )
            if cs is not None:
                fonts[f"{prefix}Bidi"] = cs.get("typeface", "") or fonts.get(f"{prefix}Ascii", "")
    return fonts


def _first(
    sources: list[etree._Element], tag: str, attr: str | None = None
) -> etree._Element | str | None:
    for source in sources:
        found = source.find(_w(tag))
        if found is None:
            continue
        if attr is None:
            return found
        value = found.get(_w(attr))
        if value is not None:
            return value
    return None


_RUN, _TEXT = _w("r"), _w("t")
_TEXT_BOX = _w("txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RUN_CHARACTERS = {_w("tab"): "\t", _w("br"): "\n"}
"""The run children that stand for a character, text (``w:t``) aside."""


_SIMPLE_FIELD, _FIELD_CODE = _w("fldSimple"), _w("instrText")
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_ANCHOR = f"{{{WP_NS}}}anchor"
_VML_ALIGN = re.compile(r"mso-position-horizontal\s*:\s*(left|center|right)")


def _runs(
    p: etree._Element, boxes: list[etree._Element]
) -> tuple[list[etree._Element], list[etree._Element]]:
    """The runs and simple fields of ``p`` read once: an ``mc:AlternateContent`` is read in
    its ``mc:Choice`` (what Word shows), never also in its ``mc:Fallback`` (the same shape
    in VML). Text boxes are left out and collected in ``boxes``."""
    if next(p.iter(_TEXT_BOX, _FALLBACK), None) is None:  # most paragraphs: no shape
        return list(p.iter(_RUN)), list(p.iter(_SIMPLE_FIELD))
    runs: list[etree._Element] = []
    simple_fields: list[etree._Element] = []

    def visit(element: etree._Element) -> None:
        for child in element:
            if child.tag == _FALLBACK:
                continue
            if child.tag == _TEXT_BOX:
                boxes.append(child)
                continue
            if child.tag == _RUN:
                runs.append(child)
            elif child.tag == _SIMPLE_FIELD:
                simple_fields.append(child)
            visit(child)

    visit(p)
    return runs, simple_fields


def _box_alignment(box: etree._Element) -> str | None:
    """How a text box is placed across the page when it is aligned rather than set at an
    offset: ``wp:positionH/wp:align`` (DrawingML) or ``mso-position-horizontal`` (VML)."""
    for ancestor in box.iterancestors():
        if ancestor.tag == _ANCHOR:
            align = ancestor.find(f"{{{WP_NS}}}positionH/{{{WP_NS}}}align")
            return align.text if align is not None and align.text else None
        found = _VML_ALIGN.search(ancestor.get("style", ""))
        if found:
            return found.group(1)
        if ancestor.tag == _w("p"):
            return None
    return None


def _paragraph(
    resolver: _Resolver,
    p: etree._Element,
    order: int,
    area: str,
    where: str,
    table: tuple[int, int, int] | None,
    table_style: str | None,
    header_kind: str | None = None,
    section: int = 0,
    boxes: list[etree._Element] | None = None,
) -> Para:
    """``p`` as a Para; the text boxes anchored in it are left out of it and collected in
    ``boxes``."""
    ppr = p.find(_w("pPr"))
    style = ppr.find(_w("pStyle")) if ppr is not None else None
    style_id = style.get(_w("val")) if style is not None else None
    psources = resolver.sources("pPr", ppr, None, style_id, table_style)
    runs: list[RunInfo] = []
    texts: list[str] = []
    run_elements, simple_fields = _runs(p, boxes if boxes is not None else [])
    for run in run_elements:
        text = "".join(
            (t.text or "") if t.tag == _TEXT else _RUN_CHARACTERS[t.tag]
            for t in run
            if t.tag in _RUN_CHARACTERS or t.tag == _TEXT
        )
        texts.append(text)
        look = resolver.run_look(run.find(_w("rPr")), style_id, table_style)
        runs.append(
            replace(
                look,
                text=text,
                fonts=shown_fonts(look, text),
                is_note_mark=look.is_note_mark and NOTE_MARK.fullmatch(text) is not None,
            )
        )
    borders: set[str] = set()
    for source in psources:
        pbdr = source.find(_w("pBdr"))
        if pbdr is not None:
            for edge in pbdr:
                if edge.get(_w("val")) not in {None, "nil", "none"}:
                    borders.add(etree.QName(edge).localname)
            break
    fields = [i.text or "" for run in run_elements for i in run.iterchildren(_FIELD_CODE)]
    fields += [f.get(_w("instr"), "") for f in simple_fields]

    # Each attribute from the nearest source that sets it: one look-up of the element per
    # source, not one per attribute.
    indents = [e for e in (source.find(_w("ind")) for source in psources) if e is not None]
    spacings = [e for e in (source.find(_w("spacing")) for source in psources) if e is not None]

    def attribute(elements: list[etree._Element], attr: str) -> str | None:
        name = _w(attr)
        return next((value for e in elements if (value := e.get(name)) is not None), None)

    def ind(*names: str) -> int:
        """The indent from the nearest source that sets any of ``names`` (one value under
        two names: ``w:left``/``w:start``), read in the order given."""
        for element in indents:
            for name in names:
                value = _int(element.get(_w(name)))
                if value is not None:
                    return value
        return 0

    def first_line() -> int:
        """First-line indent (negative when hanging) from the nearest source that sets
        either: ``w:hanging`` wins over ``w:firstLine`` in one element, and a paragraph's
        ``w:firstLine`` replaces its style's ``w:hanging``."""
        for element in indents:
            hanging = _int(element.get(_w("hanging")))
            if hanging is not None:
                return -hanging
            first = _int(element.get(_w("firstLine")))
            if first is not None:
                return first
        return 0

    def spacing(attr: str) -> int | None:
        return _int(attribute(spacings, attr))

    def space(side: str) -> int:
        """Space before or after in twips, from the nearest source that sets it: "auto"
        (``w:beforeAutospacing``, HTML's spacing: 14 pt) before lines (``w:beforeLines``,
        hundredths of a 12 pt line) before points (``w:before``), as Word reads them."""
        for element in spacings:
            if _on_value(element.get(_w(f"{side}Autospacing"))):
                return AUTO_SPACING_TWIPS
            lines = _int(element.get(_w(f"{side}Lines")))
            if lines is not None:
                return lines * 240 // 100
            points = _int(element.get(_w(side)))
            if points is not None:
                return points
        return 0

    first, left = first_line(), ind("left", "start")
    tab_indent, leader_tab = _tab_layout(
        "".join(texts), psources, left, first, resolver.default_tab_twips
    )
    return Para(
        order=order,
        text="".join(texts),
        style_id=style_id,
        area=area,
        where=where,
        table=table,
        runs=tuple(runs),
        align=_first(psources, "jc", "val"),
        indent_first_twips=first,
        indent_left_twips=left,
        indent_right_twips=ind("right", "end"),
        space_before_twips=space("before"),
        space_after_twips=space("after"),
        line=spacing("line"),
        line_rule=attribute(spacings, "lineRule"),
        borders=frozenset(borders),
        fields=tuple(f.strip() for f in fields),
        header_kind=header_kind,
        has_drawing=any(True for _ in p.iter(_w("drawing"), _w("pict"))),
        section=section,
        tab_indent_twips=tab_indent,
        leader_tab=leader_tab,
    )


def _tab_stops(psources: list[etree._Element]) -> dict[int, str | None]:
    """The custom tab stops (position → leader) of a paragraph: its styles' and its own,
    the nearer adding to or clearing (``w:val="clear"``) the farther."""
    stops: dict[int, str | None] = {}
    for source in reversed(psources):
        for tab in source.findall(f"{W}tabs/{W}tab"):
            position = _int(tab.get(_w("pos")))
            if position is None:
                continue
            if tab.get(_w("val")) in {"clear", "bar"}:
                stops.pop(position, None)
            else:
                stops[position] = tab.get(_w("leader"))
    return stops


def _tab_layout(
    text: str, psources: list[etree._Element], left: int, first: int, default_tab: int
) -> tuple[int | None, bool]:
    """``tab_indent_twips`` and ``leader_tab`` of a paragraph (see Para). A tab goes to the
    next custom stop; past the last one, to the next default stop (settings.xml)."""
    if "\t" not in text:
        return None, False
    stops = _tab_stops(psources)
    leader = any(value not in {None, "none"} for value in stops.values())
    if not text.startswith("\t"):
        return None, leader
    start = left + first
    further = [position for position in stops if position > start]
    stop = min(further) if further else (start // default_tab + 1) * default_tab
    return stop - left, leader


_MARGIN_NAMES = {"left": ("left", "start"), "right": ("right", "end")}
"""A cell margin's two names: Word 2007 writes ``w:left``/``w:right``, later Word and
LibreOffice (strict and transitional alike) ``w:start``/``w:end``."""


def _margin(margins: etree._Element | None, side: str, default: int) -> int:
    """The ``side`` ("left"/"right") margin set in ``margins`` (a ``w:tblCellMar`` or
    ``w:tcMar``), else ``default``."""
    if margins is None:
        return default
    for name in _MARGIN_NAMES[side]:
        element = margins.find(_w(name))
        if element is not None:
            if element.get(_w("type"), "dxa") != "dxa":
                return default
            return _int(element.get(_w("w"))) or 0
    return default


_UNALIGNED = {None, "left", "start", "both"}
"""A paragraph's alignments that leave its (one-line) text at the left of its box."""


def _walk(
    resolver: _Resolver,
    root: etree._Element,
    area: str,
    label: str,
    header_kind: str | None = None,
    widths: dict[tuple[int, int, int], int] | None = None,
    text_boxes: list[Para] | None = None,
) -> list[Para]:
    """The paragraphs of ``root`` (body, header, footer, text box) in order, table cells
    included. The text boxes anchored in them are read apart, as paragraphs of their own:
    into ``text_boxes`` when given (the body's), else just after their anchor (a header's
    page number is often set in a box). A box aligned on the page (centred) gives its
    left-aligned paragraphs its alignment."""
    paragraphs: list[Para] = []
    table_number = 0
    section = 0
    walked = 0  # paragraphs of ``root`` itself, its boxes' aside: "đoạn N"

    def visit(
        container: etree._Element, table: tuple[int, int, int] | None, table_style: str | None
    ) -> None:
        nonlocal table_number, section, walked
        for child in container:
            if child.tag == _w("p"):
                walked += 1
                where = (
                    f"{label}bảng {table[0]}, hàng {table[1]}, ô {table[2]}"
                    if table
                    else f"{label}đoạn {walked}"
                )
                boxes: list[etree._Element] = []
                paragraph = _paragraph(
                    resolver,
                    child,
                    len(paragraphs),
                    area,
                    where,
                    table,
                    table_style,
                    header_kind,
                    section,
                    boxes,
                )
                paragraphs.append(paragraph)
                for number, box in enumerate(boxes, start=1):
                    nested: list[Para] = []
                    inside = _walk(
                        resolver, box, area, f"{where}, khung văn bản {number}: ", header_kind,
                        text_boxes=nested,
                    )  # fmt: skip
                    placed = _box_alignment(box)
                    (paragraphs if text_boxes is None else text_boxes).extend(
                        replace(
                            q,
                            order=paragraph.order,
                            section=paragraph.section,
                            align=placed if placed and q.align in _UNALIGNED else q.align,
                        )
                        for q in (*inside, *nested)
                    )
                if table is None and child.find(f"{W}pPr/{W}sectPr") is not None:
                    section += 1  # a section break: this paragraph ends its section
            elif child.tag == _w("tbl"):
                table_number += 1
                number = table_number
                tbl_style = child.find(f"{W}tblPr/{W}tblStyle")
                style = (
                    tbl_style.get(_w("val"))
                    if tbl_style is not None
                    else resolver.default_table_style
                )
                grid = [_int(g.get(_w("w"))) or 0 for g in child.findall(f"{W}tblGrid/{W}gridCol")]
                # The table's own cell margins, else its style's (the basedOn chain), else
                # Word's default: 108 twips (0.19 cm) left and right.
                margin_sources = [
                    found
                    for found in (
                        child.find(f"{W}tblPr/{W}tblCellMar"),
                        *(s.find(f"{W}tblPr/{W}tblCellMar") for s in resolver.chain(style)),
                    )
                    if found is not None
                ]
                table_margins = {}
                for side in ("left", "right"):
                    table_margins[side] = 108
                    for source in reversed(margin_sources):
                        table_margins[side] = _margin(source, side, table_margins[side])
                for r, row in enumerate(child.findall(_w("tr")), start=1):
                    column = 0
                    for c, cell in enumerate(row.findall(_w("tc")), start=1):
                        span = (
                            _int(cell.find(f"{W}tcPr/{W}gridSpan").get(_w("val")))
                            if cell.find(f"{W}tcPr/{W}gridSpan") is not None
                            else 1
                        )
                        tcw = cell.find(f"{W}tcPr/{W}tcW")
                        width = (
                            _int(tcw.get(_w("w")))
                            if tcw is not None and tcw.get(_w("type"), "dxa") == "dxa"
                            else None
                        )
                        if not width:
                            width = sum(grid[column : column + (span or 1)])
                        column += span or 1
                        if widths is not None and width:
                            margins = {
                                side: _margin(
                                    cell.find(f"{W}tcPr/{W}tcMar"), side, table_margins[side]
                                )
                                for side in ("left", "right")
                            }
                            widths[(number, r, c)] = width - margins["left"] - margins["right"]
                        visit(cell, (number, r, c), style)
            elif child.tag in {_w("sdt"), _w("sdtContent"), _w("customXml")}:
                visit(child, table, table_style)

    visit(root, None, None)
    return paragraphs


def _relationships(package: Package, part: str) -> dict[str, str]:
    folder, name = part.rsplit("/", 1)
    rels = package.part(f"{folder}/_rels/{name}.rels")
    if rels is None:
        return {}
    return {
        rel.get("Id", ""): f"{folder}/{rel.get('Target', '')}".replace(f"{folder}/../", "")
        for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship")
    }


def _section_properties(document: etree._Element) -> list[etree._Element]:
    """The section properties in document order: those ending a section inside the body
    (in a paragraph outside tables), then the body's last. A ``w:sectPr`` kept in a tracked
    change (``w:sectPrChange``) is history, not a section."""

    def ends_a_section(sect: etree._Element) -> bool:
        parent = sect.getparent()
        if parent is None or parent.tag not in {_w("body"), _w("pPr")}:
            return False
        return not any(ancestor.tag == _w("tbl") for ancestor in parent.iterancestors())

    return [sect for sect in document.iter(_w("sectPr")) if ends_a_section(sect)]


def build_model(package: Package) -> DocModel:
    resolver = _Resolver(package)
    document = package.part("word/document.xml")
    assert document is not None
    body = document.find(_w("body"))
    cell_widths: dict[tuple[int, int, int], int] = {}
    text_boxes: list[Para] = []
    paragraphs = (
        _walk(resolver, body, "body", "", widths=cell_widths, text_boxes=text_boxes)
        if body is not None
        else []
    )
    rels = _relationships(package, "word/document.xml")
    walked: dict[tuple[str, str], list[Para]] = {}
    headers: dict[str, list[Para]] = {}
    footers: dict[str, list[Para]] = {}
    sections: list[Section] = []
    shown: dict[str, dict[str, list[Para]]] = {"headerReference": {}, "footerReference": {}}
    settings = package.part("word/settings.xml")
    # Word shows the even-page header and footer only when the file asks for them.
    even_pages = settings is not None and _on(settings.find(_w("evenAndOddHeaders"))) is True
    for index, sect in enumerate(_section_properties(document)):
        size = sect.find(_w("pgSz"))
        margins = sect.find(_w("pgMar"))
        kinds: set[str] = set()
        for tag, store, label in (
            ("headerReference", headers, "đầu trang"),
            ("footerReference", footers, "chân trang"),
        ):
            for ref in sect.findall(_w(tag)):
                kind = ref.get(_w("type"), "default")
                if kind == "even" and not even_pages:
                    continue
                target = rels.get(ref.get(f"{{{R_NS}}}id", ""))
                root = package.part(target) if target else None
                if root is not None and target is not None:
                    if (target, kind) not in walked:
                        walked[(target, kind)] = _walk(
                            resolver, root, tag[:6], f"{label} ({kind}): ", kind
                        )
                    shown[tag][kind] = walked[(target, kind)]
                    store.setdefault(kind, walked[(target, kind)])
                if tag == "headerReference":
                    kinds.add(kind)
        sections.append(
            Section(
                page_width_twips=_int(size.get(_w("w"))) if size is not None else None,
                page_height_twips=_int(size.get(_w("h"))) if size is not None else None,
                orientation=(size.get(_w("orient")) or "portrait")
                if size is not None
                else "portrait",
                margins_twips={
                    side: _int(margins.get(_w(side))) if margins is not None else None
                    for side in ("top", "bottom", "left", "right")
                },
                title_page=_on(sect.find(_w("titlePg"))) is True,
                header_kinds=frozenset(kinds),
                index=index,
                headers=dict(shown["headerReference"]),
                footers=dict(shown["footerReference"]),
            )
        )
    fonts_in_styles: set[str] = set()
    styles = package.part("word/styles.xml")
    if styles is not None:
        for rfonts in styles.iter(_w("rFonts")):
            fonts_in_styles.update(
                v
                for k, v in rfonts.attrib.items()
                if not k.endswith("Theme") and not k.endswith("theme")
            )
    return DocModel(
        path=package.path,
        paragraphs=paragraphs,
        headers=headers,
        footers=footers,
        sections=sections,
        all_text="\n".join(p.text for p in paragraphs),
        fonts_in_styles=fonts_in_styles,
        cell_widths=cell_widths,
        text_boxes=text_boxes,
    )
