"""The main job: a document (model, dict or file) → a DOCX at a path or in a stream."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from docx.document import Document as DocxDocument
from docx.opc.oxml import serialize_part_xml

from tdkt_docs import geometry
from tdkt_docs.docx_package import PackedPart, assemble, to_bytes, unpack_parts
from tdkt_docs.errors import TemplateError
from tdkt_docs.kinds import DocumentKind, kind, kind_of
from tdkt_docs.loader import load, validate
from tdkt_docs.models import Document
from tdkt_docs.output import write_atomic, write_stream
from tdkt_docs.profile import Profile, default_profile
from tdkt_docs.resources import template_path
from tdkt_docs.templating import PreparedTemplate, RenderedParts, render_template
from tdkt_docs.view import view

Source = Document | Mapping[str, Any] | str | Path


def as_document(source: Source) -> Document:
    """Accept a model, plain data (a dict as in the YAML format) or a path to a file."""
    if isinstance(source, str | Path):
        return load(source)
    if isinstance(source, Mapping):
        return validate(source)
    return source


@lru_cache(maxsize=8)
def _template_for(profile_json: str, type_name: str) -> bytes:
    return kind(type_name).build_template(Profile.model_validate_json(profile_json))


def _template_source(document_kind: DocumentKind, profile: Profile) -> Path | bytes:
    """The bundled template, or one built in memory for another profile (once a process)."""
    if profile != default_profile():
        return _template_for(profile.model_dump_json(), document_kind.type)
    return template_path(document_kind.type)


def _timestamp(document: Document) -> dt.datetime:
    # The document's own date, so the same data always gives the same bytes.
    date = document.date
    return dt.datetime(date.year, date.month, date.day or 1)


def render_bytes(
    source: Source, *, profile: Profile | None = None, timestamp: dt.datetime | None = None
) -> bytes:
    """Render a document and return the DOCX bytes.

    The zip entries and the created/modified properties carry the document's date (or
    ``timestamp``), so the same data always gives the same bytes.
    """
    document = as_document(source)
    profile = profile or default_profile()
    document_kind = kind_of(document)
    docx_document = render_template(
        _template_source(document_kind, profile),
        view(document, profile),
        name=document_kind.template_name,
    )
    geometry.apply(docx_document, profile)
    document_kind.finish(docx_document, document, profile)
    _set_properties(docx_document, document, timestamp)
    return to_bytes(docx_document, timestamp or _timestamp(document))


PROPERTY_CHARACTERS = 255
"""What a text property of the package (title, subject, author) may hold: python-docx
refuses more, and Word shows no more in its Properties dialog."""


def property_text(text: str, limit: int = PROPERTY_CHARACTERS) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, ending in "…" when cut.

    >>> property_text("V/v " + "khen thưởng " * 30, 40)
    'V/v khen thưởng khen thưởng khen…'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def _properties(document: Document, timestamp: dt.datetime | None) -> tuple[object, ...]:
    """Title, subject, author and date of the document properties."""
    title = kind_of(document).title_prefix + document.subject
    return (
        property_text(title),
        property_text(document.subject),
        property_text(document.agency.one_line_name),
        timestamp or _timestamp(document),
    )


def _set_properties(
    docx_document: DocxDocument, document: Document, timestamp: dt.datetime | None
) -> None:
    core = docx_document.core_properties
    core.title, core.subject, core.author, stamp = _properties(document, timestamp)
    core.created = core.modified = stamp


def render(
    source: Source,
    output: str | Path | BinaryIO,
    *,
    overwrite: bool = False,
    profile: Profile | None = None,
) -> Path | None:
    """Render ``source`` to ``output`` (a path, written atomically, or a binary stream).

    Nothing is written when the data is invalid. Returns the path written, or ``None`` for
    a stream. Raises :class:`~tdkt_docs.errors.TdktError` subclasses on failure.
    """
    data = render_bytes(source, profile=profile)
    if isinstance(output, str | Path):
        return write_atomic(output, data, overwrite=overwrite)
    write_stream(output, data)
    return None


class Renderer:
    """Render many documents of one kind quickly, each equal to :func:`render_bytes`.

    The template is prepared once (docxtpl's XML patching and the Jinja compile) and the
    parts a record cannot change are compressed once and copied into every package. A
    kind whose rendered body needs no tree (the công văn) gets its lengths written into
    the text; documents that add sections or parts (a report's appendices) take the plain
    path. Keep one renderer per thread or process.
    """

    def __init__(self, document_type: str, profile: Profile | None = None) -> None:
        self.profile = profile or default_profile()
        self.kind = kind(document_type)
        self.document_type = document_type
        template = _template_source(self.kind, self.profile)
        self._package = PreparedPackage(PreparedTemplate(template, name=self.kind.template_name))
        self._properties: tuple[object, ...] = ()

    def render_bytes(self, source: Source, *, timestamp: dt.datetime | None = None) -> bytes:
        """The DOCX of ``source``; ``timestamp`` replaces the document's date as the zip
        entries' date and the created/modified properties."""
        document = as_document(source)
        if document.type != self.document_type:
            raise TemplateError(
                f"this renderer makes {self.document_type} documents, got a {document.type}"
            )
        if self.kind.plain_only(document):
            return render_bytes(document, profile=self.profile, timestamp=timestamp)
        package = self._package
        context = view(document, self.profile)
        rendered: RenderedParts | None = None
        if self.kind.fast_text is not None:
            # No tree at all: the text-dependent lengths are written into the rendered text.
            as_text = package.template.render(context, as_text=True)
            assert as_text.body is not None
            body = self.kind.fast_text(as_text.body, document, self.profile)
            if body is not None:
                rendered = RenderedParts(None, as_text.parts, body)
        if rendered is None:
            # python-docx adds to the template's own document (tables) when the kind asks.
            rendered = package.template.render(context, in_place=self.kind.needs_template_document)
        if rendered.document is not None:
            geometry.apply_to_body(rendered.document.body, self.profile)
        docx_document = package.template.document
        if self.kind.needs_template_document:
            self.kind.finish(docx_document, document, self.profile)
        properties = _properties(document, timestamp)
        changed = properties != self._properties
        if changed:
            # Usually the same for every letter of a batch: python-docx's setters are slow.
            _set_properties(docx_document, document, timestamp)
            self._properties = properties
        return package.assemble(rendered, timestamp or _timestamp(document), core_changed=changed)


class PreparedPackage:
    """A prepared template and its unchanging parts, compressed once."""

    def __init__(self, template: PreparedTemplate) -> None:
        self.template = template
        document = template.document
        self._document_part = document.part
        self._core_part = next(
            part for part in document.part.package.iter_parts()
            if part.partname == "/docProps/core.xml"
        )  # fmt: skip
        self._recent: dict[tuple[str, bytes], PackedPart] = {}
        self._core_blob: bytes | None = None
        saved = io.BytesIO()
        document.save(saved)
        self._parts = [
            PackedPart.pack(name, template.static_parts.get(name, data))
            for name, data in unpack_parts(saved.getvalue())
        ]

    def assemble(
        self, rendered: RenderedParts, timestamp: dt.datetime, *, core_changed: bool = True
    ) -> bytes:
        """The package of a rendered record (``core_changed``: the document properties may
        differ from the previous record's)."""
        if core_changed or self._core_blob is None:
            self._core_blob = self._core_part.blob
        document_xml = (
            self.template.document_xml(rendered.body)
            if rendered.document is None and rendered.body is not None
            else serialize_part_xml(rendered.document)
        )
        fresh = {
            **rendered.parts,
            self._document_part.partname.lstrip("/"): document_xml,
            self._core_part.partname.lstrip("/"): self._core_blob,
        }
        parts = [self._pack(part.name, fresh[part.name]) if part.name in fresh else part
                 for part in self._parts]  # fmt: skip
        return assemble(parts, timestamp)

    def _pack(self, name: str, data: bytes) -> PackedPart:
        # Core properties and footers often repeat from one record to the next: compress
        # each distinct version once. The body always differs, so it is not kept.
        if name == self._document_part.partname.lstrip("/"):
            return PackedPart.pack(name, data)
        key = (name, data)
        packed = self._recent.get(key)
        if packed is None:
            if len(self._recent) > 32:
                self._recent.clear()
            packed = self._recent[key] = PackedPart.pack(name, data)
        return packed
