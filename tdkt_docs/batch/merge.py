"""One printable DOCX from many: each document starts a new page as its own section.

docxcompose copies the bodies (with their styles, numbering, pictures and footnotes).
It keeps only the first document's section properties, so each document's are restored
here: its page size and margins, its "different first page", its own headers and footers
(copied once, shared when identical) and page numbers restarting at 1. A letter then
prints exactly as it does alone, and the merged file holds one letter per first page.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docxcompose.composer import Composer  # type: ignore[import-untyped, unused-ignore]

from tdkt_docs.appendices import page_number_type
from tdkt_docs.docx_package import normalise_zip
from tdkt_docs.errors import OutputError, TdktError
from tdkt_docs.ooxml import restore_core_properties_prefix
from tdkt_docs.output import write_atomic

restore_core_properties_prefix()  # importing docxcompose rebinds it

_REFERENCES = ("w:headerReference", "w:footerReference")
_R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


class _HeaderFooterCopies:
    """Headers and footers of the merged documents, each copied into the result once."""

    def __init__(self, target: Document, composer: Composer) -> None:
        self._target = target
        self._composer = composer
        self._copies: dict[tuple[str, bytes], str] = {}
        for rel in target.part.rels.values():
            if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.target_part.rels:
                self._copies[(rel.reltype, rel.target_part.blob)] = rel.rId

    def rid_for(self, source: Part, reltype: str) -> str:
        key = (reltype, source.blob)
        if not source.rels and key in self._copies:
            return self._copies[key]
        kind = "header" if reltype == RT.HEADER else "footer"
        package = self._target.part.package
        partname = package.next_partname(f"/word/{kind}%d.xml")
        element = parse_xml(source.blob)
        # An XmlPart writes its element when saved, so the changes below are kept.
        copied = XmlPart(PackURI(partname), source.content_type, element, package)
        for blip in element.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"):
            embedded = blip.get(_R_EMBED)
            if embedded:
                image = package.get_or_add_image_part(
                    io.BytesIO(source.rels[embedded].target_part.blob)
                )
                blip.set(_R_EMBED, copied.relate_to(image, RT.IMAGE))
        self._composer.add_referenced_parts(source, copied, element)
        rid: str = self._target.part.relate_to(copied, reltype)
        if not source.rels:
            self._copies[key] = rid
        return rid


def _section_properties(document: Document) -> list[BaseOxmlElement]:
    body = document.element.body
    inner: list[BaseOxmlElement] = list(body.iterchildren(qn("w:p")))
    found = [p.pPr.sectPr for p in inner if p.pPr is not None and p.pPr.sectPr is not None]
    return [*found, body.sectPr]


def _mapped(
    sect_pr: BaseOxmlElement, source: Document, copies: _HeaderFooterCopies
) -> BaseOxmlElement:
    result: BaseOxmlElement = copy.deepcopy(sect_pr)
    for reference in result.iterchildren(*(qn(tag) for tag in _REFERENCES)):
        rel = source.part.rels[reference.get(qn("r:id"))]
        reference.set(qn("r:id"), copies.rid_for(rel.target_part, rel.reltype))
    return result


def _end_section_here(target: Document) -> None:
    """Turn the body's closing section properties into a section break after the last
    paragraph, so the next document starts on a new page with properties of its own."""
    body = target.element.body
    closing = body.sectPr
    last = body[-2] if len(body) >= 2 else None
    if (
        last is None
        or last.tag != qn("w:p")
        or (last.pPr is not None and last.pPr.sectPr is not None)
    ):
        last = OxmlElement("w:p")
        closing.addprevious(last)
    last.get_or_add_pPr()._insert_sectPr(copy.deepcopy(closing))


def _restart_page_numbers(sect_pr: BaseOxmlElement) -> None:
    page_number_type(sect_pr).set(qn("w:start"), "1")


def merge_documents(
    paths: Sequence[Path],
    output: Path,
    *,
    progress: Callable[[str, int, int], None] | None = None,
) -> Path:
    """Merge ``paths`` in order into ``output`` (written atomically, replaced if present)."""
    if not paths:
        raise TdktError("nothing to merge")
    report = progress or (lambda phase, done, total: None)
    try:
        target = docx.Document(str(paths[0]))
        composer = Composer(target)
        copies = _HeaderFooterCopies(target, composer)
        _restart_page_numbers(_section_properties(target)[0])
        report("merge", 1, len(paths))
        for done, path in enumerate(paths[1:], start=2):
            source = docx.Document(str(path))
            _end_section_here(target)
            before = len(_section_properties(target)) - 1  # without the closing one
            composer.append(source, remove_property_fields=False)
            own = _section_properties(source)
            merged = _section_properties(target)[before:]
            for placed, original in zip(merged, own, strict=True):
                placed.getparent().replace(placed, _mapped(original, source, copies))
            _restart_page_numbers(_section_properties(target)[before])
            report("merge", done, len(paths))
        saved = io.BytesIO()
        composer.save(saved)
    except TdktError:
        raise
    except Exception as exc:  # docxcompose raises many kinds on unusual documents
        raise OutputError(
            f"cannot merge the documents ({type(exc).__name__}: {exc})", path=output
        ) from exc
    core = target.core_properties
    stamp = core.modified or core.created
    data = normalise_zip(saved.getvalue(), stamp) if stamp else saved.getvalue()
    return write_atomic(output, data, overwrite=True)
