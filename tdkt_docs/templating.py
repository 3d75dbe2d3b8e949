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

import datetime as dt
import functools
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import jinja2
from docx.document import Document
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup

from tdkt_docs import vietnamese
from tdkt_docs.errors import TemplateError
from tdkt_docs.markup import Run
from tdkt_docs.markup import escape as escape_markup
from tdkt_docs.ooxml import restore_core_properties_prefix

restore_core_properties_prefix()  # docxtpl imports docxcompose, which rebinds it

FILTERS: dict[str, Callable[..., str]] = {
    "amount_to_words": vietnamese.amount_to_words,
    "count_text": vietnamese.count_text,
    "date_line": vietnamese.date_line,
    "day_text": vietnamese.day_text,
    "document_number": vietnamese.document_number,
    "format_number": vietnamese.format_number,
    "month_text": vietnamese.month_text,
    "number_to_words": vietnamese.number_to_words,
    "ordinal_words": vietnamese.ordinal_words,
    "roman": vietnamese.roman,
    "short_date": vietnamese.short_date,
}
"""The filters every template can use; README.md lists them with examples."""

_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;", "%": "&#37;"})


@functools.lru_cache(maxsize=1024)  # a batch repeats most strings on every row
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


_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# The core properties docxtpl renders as templates (DocxTemplate.render_properties).
_TEMPLATED_PROPS = ("author", "comments", "identifier", "language", "subject", "title")

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


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_TBL = f"{{{_W_NS}}}tbl"
_W_GRID = f"{{{_W_NS}}}tblGrid"
_W_GRID_COL = f"{{{_W_NS}}}gridCol"
_W_TR = f"{{{_W_NS}}}tr"
_W_TC = f"{{{_W_NS}}}tc"
_W_VAL = f"{{{_W_NS}}}val"
_W_SPAN_PATH = f"{_W_TC}/{{{_W_NS}}}tcPr/{{{_W_NS}}}gridSpan"
# The body's start tag as docxtpl serialises it: only namespace declarations, which the
# document element already makes.
_BODY_START = re.compile(r'<w:body(?:\s+xmlns(?::[\w.-]+)?="[^"]*")*\s*>')


def _table_needs_fixing(table: Any) -> bool:
    """Whether ``DocxTemplate.fix_tables`` would change this table: a row with more cells
    than grid columns, or fewer (spans counted) than there are columns."""
    grid = table.find(_W_GRID)
    columns = len(grid.findall(_W_GRID_COL)) if grid is not None else 0
    widest = 0
    for row in table.iter(_W_TR):
        cells = len(row.findall(_W_TC))
        if cells > columns:
            return True
        spans = sum(int(span.get(_W_VAL)) - 1 for span in row.iterfind(_W_SPAN_PATH))
        widest = max(widest, cells + spans)
    return widest < columns


@dataclass(frozen=True)
class RenderedParts:
    """One record rendered: the ``w:document`` element (or, rendered ``as_text``, the body
    as text in ``body``), and the other parts it changed, by name."""

    document: Any
    parts: dict[str, bytes]
    body: str | None = None


_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def _is_static(patched_xml: str) -> bool:
    return not any(tag in patched_xml for tag in ("{{", "{%", "{#"))


class PreparedTemplate:
    """A DOCX template prepared once and rendered for many records (batches).

    ``DocxTemplate.render`` re-reads the package, re-patches its XML and re-compiles it
    with Jinja for every record. Here that happens once: each record only runs the compiled
    templates and docxtpl's post-processing, on one python-docx document kept for the
    purpose, whose body and templated parts are replaced per record. The result equals
    ``render_template`` (tests/test_batch_fast_path.py compares them). Not thread-safe:
    keep one per thread or process.
    """

    def __init__(self, template: Path | bytes, *, name: str | None = None) -> None:
        self.label = name or (template.name if isinstance(template, Path) else "template")
        try:
            data = template if isinstance(template, bytes) else template.read_bytes()
        except OSError as exc:
            raise TemplateError(
                f"cannot read the template: {exc.strerror}", template=self.label
            ) from exc
        self._env = environment()
        self.names: frozenset[str] = frozenset()
        """The top-level names the template uses (for a mail merge: the columns)."""
        self.row_columns: frozenset[str] = frozenset()
        """The columns it uses as ``row.COLUMN``."""
        try:
            self._docx_template = DocxTemplate(io.BytesIO(data))
            self._docx_template.render_init()
        except Exception as exc:  # a broken package: python-docx raises many kinds
            raise TemplateError(
                f"not a readable DOCX template ({exc})", template=self.label
            ) from exc
        tpl = self._docx_template
        self.document: Document = tpl.docx
        self.static_parts: dict[str, bytes] = {}
        self._serialised: dict[bytes, bytes] = {}
        """Parts docxtpl rewrites although they hold no tags: the same bytes every time."""
        self._body = self._compile(tpl.patch_xml(tpl.get_xml()))
        # Headers and footers: (relationship id, compiled template or None when static).
        self._headers_footers: list[tuple[str, str, jinja2.Template]] = []
        for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
            for rel_key, part in tpl.get_headers_footers(uri):
                xml = tpl.get_part_xml(part)
                encoding = tpl.get_headers_footers_encoding(xml)
                patched = tpl.patch_xml(xml)
                if _is_static(patched):
                    # Rendered once: its output is the same for every record.
                    self.static_parts[part.partname.lstrip("/")] = serialize_part_xml(
                        parse_xml(self._run(self._compile(patched), {}).encode(encoding))
                    )
                else:
                    self._headers_footers.append((rel_key, encoding, self._compile(patched)))
        self._footnotes: list[tuple[Any, jinja2.Template]] = []
        for part in self.document.part.package.parts:
            if part.content_type == _FOOTNOTES:
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                patched = tpl.patch_xml(blob)
                if _is_static(patched):
                    rendered = self._run(self._compile(patched), {}).encode("utf-8")
                    self.static_parts[part.partname.lstrip("/")] = rendered
                else:
                    self._footnotes.append((part, self._compile(patched)))
        core = self.document.core_properties
        self._properties: dict[str, str | jinja2.Template] = {}
        for prop in _TEMPLATED_PROPS:
            initial = getattr(core, prop) or ""
            static = _is_static(initial)
            self._properties[prop] = initial if static else self._env.from_string(initial)
            if static:
                setattr(core, prop, initial)  # as docxtpl does, once for every record
        self.templated_properties = any(not isinstance(v, str) for v in self._properties.values())
        """Whether a record can change the document properties."""
        whole = etree.tostring(self.document.element, encoding="unicode")
        head_end = whole.index("<w:body")
        tail_start = whole.rindex("</w:body>") + len("</w:body>")
        self._document_head = whole[:head_end]
        self._document_tail = whole[tail_start:]

    def _compile(self, patched_xml: str) -> jinja2.Template:
        # The same line splitting as DocxTemplate.render_xml_part, so error lines match.
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", patched_xml)
        try:
            ast = self._env.parse(source)
            template = self._env.from_string(ast)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"template syntax error at line {exc.lineno}: {exc.message}", template=self.label
            ) from exc
        self.names |= meta.find_undeclared_variables(ast)
        self.row_columns |= _row_columns(ast)
        return template

    def _run(self, template: jinja2.Template, context: Mapping[str, Any]) -> str:
        try:
            xml = template.render(context)
        except jinja2.UndefinedError as exc:
            match = _UNDEFINED.search(str(exc))
            field = (match.group(1) or match.group(2)) if match else None
            raise TemplateError(
                f"the template uses the field {field!r}, which the data does not provide ({exc})",
                template=self.label,
                field=field,
            ) from exc
        except jinja2.TemplateError as exc:
            raise TemplateError(f"cannot render: {exc}", template=self.label) from exc
        # DocxTemplate.render_xml_part's re.sub(r"\n<w:p([ >])", r"<w:p\1"), as plain replaces
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        if not any(char in xml for char in "\t\n\a\f"):
            return xml  # resolve_listing only rewrites these characters: skip its regexes
        result: str = self._docx_template.resolve_listing(xml)
        return result

    def check(self, context: Mapping[str, Any]) -> None:
        """Run every template of the package on ``context`` without keeping the result, so a
        record that cannot be rendered is found before anything is written."""
        prepared = prepare(context)
        for template in (self._body, *(t for _, _, t in self._headers_footers)):
            self._run(template, prepared)

    def render(
        self, context: Mapping[str, Any], *, in_place: bool = False, as_text: bool = False
    ) -> RenderedParts:
        """Render one record.

        The body comes back as a new ``w:document`` element parsed from the rendered XML,
        or, with ``in_place`` (needed to add sections or parts with python-docx), in
        :attr:`document` itself, exactly as docxtpl does it. The fast way is taken only when
        it gives the same tree: docxtpl's table repair and drawing renumbering have nothing
        to do, and the XML is well formed.
        """
        tpl = self._docx_template
        prepared = prepare(context)
        tpl.current_rendering_part = self.document.part
        body_xml = self._run(self._body, prepared)
        text: str | None = None
        root = None
        if as_text:
            # The body as text, for a caller that knows the template needs none of
            # docxtpl's tree repairs (the bundled templates): no parsing at all.
            start = _BODY_START.match(body_xml)
            if start is None:
                raise TemplateError(
                    "the rendered body has an unexpected start", template=self.label
                )
            text = "<w:body>" + body_xml[start.end() :]
        elif not in_place:
            root = self._parse_document(body_xml)
        if text is None and root is None:
            tree = tpl.fix_tables(body_xml)
            tpl.docx_ids_index = 1000
            tpl.fix_docpr_ids(tree)
            tpl.map_tree(tree)
            del tree  # later lookups must see the body as python-docx elements
            # python-docx's Document caches its view of the body, which map_tree has just
            # replaced: take a fresh Document of the same part, or add_table() would add
            # to the previous record's body.
            self.document = self.document.part.document
            root = self.document.element
        changed: dict[str, bytes] = {}
        for rel_key, encoding, template in self._headers_footers:
            part = self.document.part.rels[rel_key].target_part
            tpl.current_rendering_part = part
            xml = self._run(template, prepared).encode(encoding)
            serialised = self._serialised.get(xml)
            if serialised is None:
                # A footer is usually the same for every row: re-serialise it only on change.
                if len(self._serialised) > 32:
                    self._serialised.clear()
                serialised = self._serialised[xml] = serialize_part_xml(parse_xml(xml))
            changed[part.partname.lstrip("/")] = serialised
        for part, template in self._footnotes:
            changed[part.partname.lstrip("/")] = self._run(template, prepared).encode("utf-8")
        core = self.document.core_properties
        for prop, value in self._properties.items():
            if not isinstance(value, str):
                setattr(core, prop, value.render(prepared))
        return RenderedParts(root, changed, text)

    def document_xml(self, body: str) -> bytes:
        """``word/document.xml`` around a rendered ``<w:body>…</w:body>`` (see ``as_text``),
        with the declaration python-docx writes."""
        text: str = _DECLARATION + self._document_head + body + self._document_tail
        return text.encode("utf-8")

    def _parse_document(self, body_xml: str) -> Any:
        """The whole ``w:document`` with this body, or ``None`` when only docxtpl's own way
        gives the right tree."""
        if "docPr" in body_xml:
            return None  # drawings: docxtpl renumbers their ids
        start = _BODY_START.match(body_xml)
        if start is None:
            return None
        try:
            root = parse_xml(
                self._document_head + "<w:body>" + body_xml[start.end() :] + self._document_tail
            )
        except etree.XMLSyntaxError:
            return None  # docxtpl parses in recovery mode: let it
        if any(_table_needs_fixing(table) for table in root.iter(_W_TBL)):
            return None
        return root


# --- Text fields of a batch base ----------------------------------------------------------


class RowValues:
    """One data row as templates see it: ``row.COLUMN`` or ``row["Tên cột"]``.

    Deliberately not a dict: ``row.items`` or ``row.values`` must mean the columns named
    so, never dict methods (Jinja tries attributes before items).
    """

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)

    def __getitem__(self, column: str) -> Any:
        return self._values[column]

    def __contains__(self, column: object) -> bool:
        return column in self._values

    def __repr__(self) -> str:
        return f"RowValues({self._values!r})"


def _value_as_text(value: Any) -> Any:
    # A date cell in running text reads as ND30 writes dates (07/9/2023), never ISO.
    if isinstance(value, dt.date):
        return vietnamese.short_date(value)
    return value


def _value_as_markup(value: Any) -> str:
    # Markup is the author's: a value in a body is text, whatever characters it holds.
    return escape_markup(str(_value_as_text(value)))


def _text_environment(finalize: Callable[[Any], Any]) -> SandboxedEnvironment:
    # Plain text out: the document template escapes every value later, once.
    env = SandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    env.filters.update(FILTERS)
    return env


@functools.cache
def _text_environments() -> dict[bool, SandboxedEnvironment]:
    """The environments of text fields: plain (``False``) and body markup (``True``)."""
    return {False: _text_environment(_value_as_text), True: _text_environment(_value_as_markup)}


def has_placeholders(text: str) -> bool:
    """True when ``text`` holds template tags (``{{ … }}``, ``{% … %}``, ``{# … #}``)."""
    return not _is_static(text)


def _row_columns(ast: jinja2.nodes.Template) -> set[str]:
    columns = set()
    for node in ast.find_all((jinja2.nodes.Getattr, jinja2.nodes.Getitem)):
        if isinstance(node, jinja2.nodes.Getattr):
            if isinstance(node.node, jinja2.nodes.Name) and node.node.name == "row":
                columns.add(node.attr)
        elif (
            isinstance(node, jinja2.nodes.Getitem)
            and isinstance(node.node, jinja2.nodes.Name)
            and node.node.name == "row"
            and isinstance(node.arg, jinja2.nodes.Const)
            and isinstance(node.arg.value, str)
        ):
            columns.add(node.arg.value)
    return columns


_SOLE_EXPRESSION = re.compile(r"\s*\{\{-?(.*?)-?\}\}\s*", re.DOTALL)


class TextTemplate:
    """A string field of a batch base, such as ``"Kính gửi {{ row.recipient }}"``.

    The row's values are inserted as text: what they contain is never run as template code.
    In a ``markup`` field (a body), they are escaped too, so ``*``, ``#``, ``|``, ``\\``
    and line breaks in a value are text, never formatting. A date value in text reads
    ``07/9/2023``; a field that is only ``{{ row.COLUMN }}`` of a date cell takes the date
    itself (``date: "{{ row.ngay }}"``).
    """

    def __init__(self, source: str, *, markup: bool = False) -> None:
        env = _text_environments()[markup]
        try:
            ast = env.parse(source)
            self._template = env.from_string(ast)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"template syntax error: {exc.message}") from exc
        self.columns = frozenset(_row_columns(ast))
        """The columns the field takes from each row."""
        self.unknown_names = frozenset(meta.find_undeclared_variables(ast) - {"row"})
        """Names other than ``row`` (a likely mistake: ``{{ recipient }}`` for
        ``{{ row.recipient }}``)."""
        self._expression: Callable[..., Any] | None = None
        sole = _SOLE_EXPRESSION.fullmatch(source)
        if sole and _is_sole_output(ast):
            self._expression = env.compile_expression(sole.group(1), undefined_to_none=False)

    def render(self, row: Mapping[str, Any]) -> str | dt.date:
        """The field's text for ``row``; a date for a field that is only a date value."""
        values = RowValues(row)
        try:
            if self._expression is not None:
                value = self._expression(row=values)
                if isinstance(value, dt.date):
                    return value
            return self._template.render(row=values)
        except jinja2.UndefinedError as exc:
            raise TemplateError(str(exc)) from exc
        except jinja2.TemplateError as exc:
            raise TemplateError(f"cannot fill in: {exc}") from exc


def _is_sole_output(ast: jinja2.nodes.Template) -> bool:
    """A template that is one ``{{ … }}`` and nothing else (blank text aside)."""
    outputs = [node for node in ast.body if isinstance(node, jinja2.nodes.Output)]
    if len(outputs) != 1 or len(ast.body) != 1:
        return False
    parts = [
        node
        for node in outputs[0].nodes
        if not (isinstance(node, jinja2.nodes.TemplateData) and not node.data.strip())
    ]
    return len(parts) == 1 and not isinstance(parts[0], jinja2.nodes.TemplateData)
