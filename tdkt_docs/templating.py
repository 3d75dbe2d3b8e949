"""The one adapter to docxtpl and Jinja2: render a DOCX template with a context.

Safety rules, all enforced here:

* Jinja runs sandboxed, with ``StrictUndefined``: a field the data does not provide is an
  error naming the field, never a silent blank.
* Data is inserted, never evaluated: values are escaped for XML before they reach the
  template, and ``{``/``}`` become character references, so docxtpl's own post-processing
  (which rewrites ``{_{`` and similar) cannot alter them. ``&``, ``<``, quotes, ``{{ }}``
  and ``{% %}`` come out exactly as typed.
* Autoescape stays on for anything that is not prepared here.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import jinja2
from docx.document import Document
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from tdkt_docs import vietnamese
from tdkt_docs.errors import TemplateError
from tdkt_docs.markup import Run

FILTERS: dict[str, Callable[..., str]] = {
    "amount_to_words": vietnamese.amount_to_words,
    "date_line": vietnamese.date_line,
    "day_text": vietnamese.day_text,
    "document_number": vietnamese.document_number,
    "format_number": vietnamese.format_number,
    "month_text": vietnamese.month_text,
    "number_to_words": vietnamese.number_to_words,
    "ordinal_words": vietnamese.ordinal_words,
    "roman": vietnamese.roman,
}
"""The filters every template can use; README.md lists them with examples."""

_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;", "%": "&#37;"})


def literal(text: str) -> Markup:
    """``text`` as XML character data that no later template step can reinterpret."""
    return Markup(escape(text).translate(_BRACES))


class RunsMarkup:
    """Runs of one paragraph for a docxtpl ``{{r … }}`` tag (bold/italic from the markup)."""

    def __init__(self, runs: tuple[Run, ...]) -> None:
        parts = []
        for run in runs:
            props = ("<w:b/><w:bCs/>" if run.bold else "") + (
                "<w:i/><w:iCs/>" if run.italic else ""
            )
            rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
            parts.append(f'<w:r>{rpr}<w:t xml:space="preserve">{literal(run.text)}</w:t></w:r>')
        self.xml = "".join(parts)

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml


def prepare(value: Any) -> Any:
    """Make every string of a context safe to insert literally (see the module notes)."""
    if isinstance(value, str):
        return literal(value)
    if isinstance(value, tuple) and all(isinstance(item, Run) for item in value):
        return RunsMarkup(value)
    if isinstance(value, Mapping):
        return {key: prepare(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [prepare(item) for item in value]
    return value


def _plain(value: Any) -> Any:
    return str(value.unescape()) if isinstance(value, Markup) else value


def _as_filter(function: Callable[..., str]) -> Callable[..., Markup]:
    """Wrap a wording function for templates: prepared (escaped) arguments go in as plain
    text, and the result comes out escaped the same way as every other value."""

    @functools.wraps(function)
    def apply(*args: Any, **kwargs: Any) -> Markup:
        result = function(*(_plain(a) for a in args), **{k: _plain(v) for k, v in kwargs.items()})
        return literal(result)

    return apply


def environment() -> jinja2.Environment:
    """The Jinja environment every template renders in, with the Vietnamese filters."""
    env = SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
    env.filters.update({name: _as_filter(function) for name, function in FILTERS.items()})
    return env


_UNDEFINED = re.compile(
    r"'(?:[^']*)' (?:object )?has no attribute '([^']+)'|'([^']+)' is undefined"
)


def render_template(
    template: Path | bytes, context: Mapping[str, Any], *, name: str | None = None
) -> Document:
    """Render ``template`` (a path or the bytes of a DOCX) into a python-docx document."""
    label = name or (template.name if isinstance(template, Path) else "template")
    try:
        source = io.BytesIO(template if isinstance(template, bytes) else template.read_bytes())
    except OSError as exc:
        raise TemplateError(f"cannot read the template: {exc.strerror}", template=label) from exc
    try:
        docx_template = DocxTemplate(source)
        docx_template.render(prepare(context), jinja_env=environment(), autoescape=True)
    except jinja2.UndefinedError as exc:
        match = _UNDEFINED.search(str(exc))
        field = (match.group(1) or match.group(2)) if match else None
        raise TemplateError(
            f"the template uses the field {field!r}, which the data does not provide ({exc})",
            template=label,
            field=field,
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template syntax error: {exc.message}", template=label) from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"cannot render: {exc}", template=label) from exc
    document: Document = docx_template.docx
    return document
