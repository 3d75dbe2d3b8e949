"""Small WordprocessingML helpers on python-docx objects: fonts, borders, table geometry.

Everything here builds elements with python-docx's oxml layer (lxml), never XML strings.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap as docx_nsmap
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Length
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

CORE_PROPERTIES_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def restore_core_properties_prefix() -> None:
    """Map the ``cp`` prefix back to the core-properties namespace in python-docx.

    docxcompose (which docxtpl imports) rebinds python-docx's global ``cp`` prefix to the
    custom-properties namespace when it is imported. python-docx then writes new core
    properties (``cp:category``, ``cp:revision``…) into the wrong namespace, which Word
    ignores and the schema refuses. Called after every import of either library.
    """
    docx_nsmap["cp"] = CORE_PROPERTIES_NS


def element_of(item: Paragraph | Run | Table | _Row | _Cell | Section) -> BaseOxmlElement:
    """The lxml element behind a python-docx paragraph, run, table, row, cell or section.

    python-docx offers no public accessor on these classes; it keeps the element in a
    private attribute (``_element``; ``_sectPr`` for a section). This is the one place
    that reads it: ``tests/test_ooxml.py`` fails if python-docx renames it.
    """
    found: BaseOxmlElement = item._sectPr if isinstance(item, Section) else item._element
    return found


FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")


def child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The first child ``tag`` of ``parent``, created (appended) when missing."""
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def set_fonts(rpr: BaseOxmlElement, font: str) -> None:
    """Name ``font`` in all four slots of ``w:rFonts``; theme fonts would override them."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for slot in _THEME_SLOTS:
        rfonts.attrib.pop(qn(slot), None)
    for slot in FONT_SLOTS:
        rfonts.set(qn(slot), font)


def set_border(
    ppr: BaseOxmlElement, sides: tuple[str, ...], weight_eighth_pt: int, colour: str = "000000"
) -> None:
    """Give a paragraph single solid borders on ``sides`` (top, left, bottom, right)."""
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is None:
        pbdr = OxmlElement("w:pBdr")
        # CT_PPr order: pStyle, keepNext, keepLines, pageBreakBefore, framePr, widowControl,
        # numPr, suppressLineNumbers, pBdr, ...: insert after the last earlier sibling.
        anchor = None
        for tag in (
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
        ):
            found = ppr.find(qn(tag))
            if found is not None:
                anchor = found
        if anchor is None:
            ppr.insert(0, pbdr)
        else:
            anchor.addnext(pbdr)
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            edge = child(pbdr, f"w:{side}")
            edge.set(qn("w:val"), "single")
            edge.set(qn("w:sz"), str(weight_eighth_pt))
            edge.set(qn("w:space"), "1")
            edge.set(qn("w:color"), colour)


def fix_table_geometry(
    table: Table, widths: Sequence[Length], cell_margin: Length, top: Length | None = None
) -> None:
    """Fixed layout, no borders, widths in both ``w:tblGrid`` and every cell (LibreOffice
    reads the grid, Word the cells), the given left/right cell margins and top padding."""
    table.autofit = False
    tbl_pr = element_of(table).tblPr
    tbl_w = child(tbl_pr, "w:tblW")
    tbl_w.set(qn("w:w"), str(sum(w.twips for w in widths)))
    tbl_w.set(qn("w:type"), "dxa")
    borders = child(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = child(borders, f"w:{side}")
        edge.set(qn("w:val"), "nil")
    margins = child(tbl_pr, "w:tblCellMar")
    for side, value in (
        ("top", top.twips if top is not None else 0),
        ("left", cell_margin.twips),
        ("bottom", 0),
        ("right", cell_margin.twips),
    ):
        edge = child(margins, f"w:{side}")
        edge.set(qn("w:w"), str(value))
        edge.set(qn("w:type"), "dxa")
    _order_tbl_pr(tbl_pr)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
        tr_pr = element_of(row).get_or_add_trPr()
        child(tr_pr, "w:cantSplit")


_TBL_PR_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)


def _order_tbl_pr(tbl_pr: BaseOxmlElement) -> None:
    rank = {qn(tag): i for i, tag in enumerate(_TBL_PR_ORDER)}
    children = sorted(tbl_pr, key=lambda e: rank.get(e.tag, len(rank)))
    for element in children:
        tbl_pr.remove(element)
        tbl_pr.append(element)


def remove(item: Paragraph | Table) -> None:
    """Take a paragraph or a table out of the document."""
    element = element_of(item)
    element.getparent().remove(element)


def clear_cell(cell: _Cell) -> None:
    """Remove the cell's paragraphs (a cell must get at least one back before saving)."""
    for paragraph in list(cell.paragraphs):
        remove(paragraph)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a complex field (e.g. ``PAGE``) with ``placeholder`` as its cached result."""

    def run_with(element: BaseOxmlElement) -> None:
        run = paragraph.add_run()
        element_of(run).append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)
