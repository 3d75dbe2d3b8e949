"""Reading generated DOCX files back: effective formatting resolved like Word does.

A run's size, bold and italic come from the run itself, else its paragraph's style chain
(``basedOn``), else the document defaults. Tests assert on these effective values, so a
property set in the wrong place (or not at all) is caught.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def all_paragraphs(document: Document) -> Iterator[Paragraph]:
    """Every paragraph of the body, in document order, including those in table cells."""
    for element in document.element.body.iter(f"{W}p"):
        yield Paragraph(element, document.part)


def by_style(document: Document, style_id: str) -> list[Paragraph]:
    return [p for p in all_paragraphs(document) if p._p.style == style_id]


def _style_chain(document: Document, style_id: str | None) -> list[etree._Element]:
    styles = document.styles.element
    chain = []
    while style_id:
        found = styles.find(f"{W}style[@{W}styleId='{style_id}']")
        if found is None:
            break
        chain.append(found)
        based = found.find(f"{W}basedOn")
        style_id = based.get(qn("w:val")) if based is not None else None
    if not chain:
        default = styles.find(f"{W}style[@{W}default='1'][@{W}type='paragraph']")
        if default is not None:
            chain.append(default)
    return chain


def _on(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(qn("w:val"), "true") not in {"0", "false", "off"}


@dataclass(frozen=True)
class RunLook:
    text: str
    size_pt: float
    bold: bool
    italic: bool
    fonts: tuple[str | None, ...]
    colour: str


def _sources(
    document: Document, paragraph: Paragraph, own: etree._Element | None, kind: str
) -> list[etree._Element]:
    """Property elements in precedence order: the paragraph's or run's own ``kind``
    (``rPr``/``pPr``), then its style chain, then the document defaults."""
    sources = [own] if own is not None else []
    for style in _style_chain(document, paragraph._p.style):
        found = style.find(f"{W}{kind}")
        if found is not None:
            sources.append(found)
    default = "rPrDefault" if kind == "rPr" else "pPrDefault"
    defaults = document.styles.element.find(f"{W}docDefaults/{W}{default}/{W}{kind}")
    if defaults is not None:
        sources.append(defaults)
    return sources


def _resolve(sources: list, tag: str, attr: str | None = None) -> object:
    for rpr in sources:
        element = rpr.find(f"{W}{tag}")
        if element is not None:
            return element if attr is None else element.get(qn(attr))
    return None


def run_looks(document: Document, paragraph: Paragraph) -> list[RunLook]:
    looks = []
    for run in paragraph._p.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        if not text:
            continue
        sources = _sources(document, paragraph, run.find(f"{W}rPr"), "rPr")
        size = _resolve(sources, "sz", "w:val")
        rfonts = _resolve(sources, "rFonts")
        fonts: tuple[str | None, ...] = ()
        if rfonts is not None:
            fonts = tuple(
                rfonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "cs", "eastAsia")
            )
        colour = _resolve(sources, "color", "w:val")
        looks.append(
            RunLook(
                text=text,
                size_pt=int(str(size)) / 2 if size else 10.0,
                bold=bool(_on(_resolve(sources, "b"))),  # type: ignore[arg-type]
                italic=bool(_on(_resolve(sources, "i"))),  # type: ignore[arg-type]
                fonts=fonts,
                colour=str(colour or "000000"),
            )
        )
    return looks


def paragraph_property(document: Document, paragraph: Paragraph, tag: str, attr: str) -> str | None:
    """An attribute of a paragraph property (e.g. ``jc``/``w:val``), resolved via styles."""
    sources = _sources(document, paragraph, paragraph._p.find(f"{W}pPr"), "pPr")
    for source in sources:
        element = source.find(f"{W}{tag}")
        if element is not None and element.get(qn(attr)) is not None:
            return str(element.get(qn(attr)))
    return None


def twips(value: str | None) -> int:
    return int(value) if value else 0


def mm(twips_value: int) -> float:
    return twips_value * 25.4 / 1440
