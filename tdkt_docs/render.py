"""The main job: a document (model, dict or file) → a DOCX at a path or in a stream."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from tdkt_docs import geometry
from tdkt_docs.appendices import add_appendices, fill_table_slots
from tdkt_docs.docx_package import to_bytes
from tdkt_docs.loader import load, validate
from tdkt_docs.models import Document, Report
from tdkt_docs.output import write_atomic, write_stream
from tdkt_docs.profile import Profile, default_profile
from tdkt_docs.resources import template_path
from tdkt_docs.templating import render_template
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
def _template_for(profile_json: str, name: str) -> bytes:
    from tdkt_docs.template_builder import TEMPLATE_BUILDERS

    return TEMPLATE_BUILDERS[name](Profile.model_validate_json(profile_json))


def _timestamp(document: Document) -> dt.datetime:
    # The document's own date, so the same data always gives the same bytes.
    date = document.date
    return dt.datetime(date.year, date.month, date.day or 1)


def render_bytes(source: Source, *, profile: Profile | None = None) -> bytes:
    """Render a document and return the DOCX bytes."""
    document = as_document(source)
    profile = profile or default_profile()
    template = template_path(document.type)
    template_source: Path | bytes = template
    if profile != default_profile():
        # The bundled templates carry the default profile; another profile gets its own build.
        template_source = _template_for(profile.model_dump_json(), template.name)
    docx_document = render_template(template_source, view(document, profile), name=template.name)
    geometry.apply(docx_document, profile)
    if isinstance(document, Report):
        fill_table_slots(docx_document, document, profile)
        add_appendices(docx_document, document, profile)
    core = docx_document.core_properties
    core.title = f"V/v {document.subject}" if document.type == "dispatch" else document.subject
    core.subject = document.subject
    core.author = document.agency.name
    core.created = core.modified = _timestamp(document)
    return to_bytes(docx_document, _timestamp(document))


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
