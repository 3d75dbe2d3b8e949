"""The base of a batch: what every document shares, with the places each row fills in.

Two kinds:

* :class:`DocumentBase`, a document YAML/JSON of any type (a công văn, a báo cáo) whose
  string fields may hold ``{{ row.COLUMN }}``. Each row gives a complete document, which is
  validated like any other and laid out by the bundled ND30 templates.
* :class:`DocxBase`, the user's own DOCX with docxtpl tags, for plain mail merge: the
  columns are available as ``{{ COLUMN }}`` (when the name is an identifier) and
  ``{{ row["Tên cột"] }}``.

Both are built from a :class:`BaseSpec`, plain data that can be sent to worker processes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx

from tdkt_docs import kinds
from tdkt_docs.batch.rows import Row, Value
from tdkt_docs.errors import DataError, Problem, TdktError, TemplateError
from tdkt_docs.loader import read_data, resolve_paths, validate
from tdkt_docs.messages import field_path
from tdkt_docs.models import Document, is_markup
from tdkt_docs.office import OFFICE_KEY, OfficeDefaults, parse_office, walk_strings
from tdkt_docs.profile import Profile, default_profile
from tdkt_docs.render import PreparedPackage, Renderer
from tdkt_docs.templating import PreparedTemplate, RowValues, TextTemplate, has_placeholders
from tdkt_docs.text import find_forbidden, refuse_legacy_encoding
from tdkt_docs.vietnamese import short_date

DOCX_BASE_TIMESTAMP = dt.datetime(2020, 1, 1)
"""Zip dates of a mail merge when neither the template nor the caller gives one."""

_BLANK = object()

SLUG_COLUMNS = ("recipient", "name", "kinh_gui", "ten_don_vi", "Tên đơn vị", "Kính gửi")


@dataclass(frozen=True)
class BaseSpec:
    """A base as plain data (picklable): sent once per chunk to a worker process."""

    kind: str  # "document" or "docx"
    source: str
    data: Any  # the document mapping, or the DOCX bytes
    profile_json: str | None
    timestamp: dt.datetime | None

    @property
    def key(self) -> str:
        """Identifies the spec, so each worker prepares it once."""
        digest = hashlib.sha256()
        digest.update(self.kind.encode())
        if isinstance(self.data, bytes):
            digest.update(self.data)
        else:
            digest.update(json.dumps(self.data, sort_keys=True, default=str).encode())
        digest.update(f"{self.profile_json}|{self.timestamp}".encode())
        return digest.hexdigest()


class RowError(Exception):
    """The problems of one row. Internal: the batch collects them into a
    :class:`DataError` (or the manifest), so this never reaches a caller."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _where(row: Row, columns: set[str] | frozenset[str]) -> str:
    if not columns:
        return row.label
    named = ", ".join(repr(c) for c in sorted(columns))
    return f"{row.label}, column{'s' if len(columns) > 1 else ''} {named}"


def _walk(value: Any, path: tuple[int | str, ...] = ()) -> list[tuple[tuple[int | str, ...], str]]:
    if isinstance(value, str):
        return [(path, value)] if has_placeholders(value) else []
    if isinstance(value, Mapping):
        return [item for key, sub in value.items() for item in _walk(sub, (*path, key))]
    if isinstance(value, list):
        return [item for index, sub in enumerate(value) for item in _walk(sub, (*path, index))]
    return []


class DocumentBase:
    """A document with ``{{ row.COLUMN }}`` in its string fields."""

    def __init__(self, spec: BaseSpec) -> None:
        self.spec = spec
        self.source = spec.source
        data = spec.data
        if not isinstance(data, Mapping):
            raise DataError.single(spec.source, "", "expected a document (a mapping of fields)")
        self.data = data
        self.fields: list[tuple[tuple[int | str, ...], TextTemplate]] = []
        problems = []
        document_kind = kinds.find(data.get("type"))
        model = document_kind.model if document_kind is not None else None
        for path, text in _walk(data):
            try:
                template = TextTemplate(text, markup=model is not None and is_markup(model, path))
            except TemplateError as exc:
                problems.append(Problem(spec.source, field_path(path), str(exc)))
                continue
            if template.unknown_names:
                names = ", ".join(sorted(template.unknown_names))
                example = min(template.unknown_names)
                message = (
                    f"uses {names}; a column of the data is written {{{{ row.COLUMN }}}}, "
                    f"e.g. {{{{ row.{example} }}}}"
                )
                problems.append(Problem(spec.source, field_path(path), message))
            self.fields.append((path, template))
        if problems:
            raise DataError(problems)
        self.columns = frozenset(c for _, t in self.fields for c in t.columns)
        profile = Profile.model_validate_json(spec.profile_json) if spec.profile_json else None
        self.profile = profile or default_profile()
        self._renderer: Renderer | None = None
        self.data_source = "data"
        """The data file, named in the problems of a row."""

    def _fill(self, row: Row) -> dict[str, Any]:
        filled: Any = dict(self.data)
        copied: set[tuple[int | str, ...]] = set()
        # Lists are filled from the end, so dropping a blank item keeps earlier indexes valid.
        problems = []
        for path, template in reversed(self.fields):
            try:
                value = template.render(row.values)
            except TdktError as exc:
                where = _where(row, template.columns)
                problems.append(Problem(self.data_source, where, f"{field_path(path)}: {exc}"))
                continue
            parent = filled
            for depth, key in enumerate(path[:-1], start=1):
                if path[:depth] not in copied:
                    # Copy only the containers on the way to a filled field: the base's
                    # own data is shared by every row and must stay as it is.
                    child = parent[key]
                    parent[key] = list(child) if isinstance(child, list) else dict(child)
                    copied.add(path[:depth])
                parent = parent[key]
            last = path[-1]
            if not isinstance(value, str) or value.strip():
                parent[last] = value
            elif isinstance(parent, list) and isinstance(last, int):
                parent[last] = _BLANK  # decided below, once the whole list is filled
            else:
                parent[last] = None
        if problems:
            raise RowError(problems)
        for path in copied:
            container = filled
            for key in path:
                container = container[key]
            if isinstance(container, list) and _BLANK in container:
                kept = [item for item in container if item is not _BLANK]
                # A blank optional line (a second recipient left empty) is dropped; a list
                # left with nothing keeps one "" so the message says what is empty.
                container[:] = kept or [""]
        result: dict[str, Any] = filled
        return result

    def document(self, row: Row) -> Document:
        """The complete, validated document of one row. Raises :class:`RowError`."""
        filled = self._fill(row)
        try:
            return validate(filled, self.source)
        except DataError as exc:
            problems = []
            items_reported = {p.field.split("[")[0] for p in exc.problems if "[" in p.field}
            for problem in exc.problems:
                if problem.field in items_reported and problem.kind == "too_short":
                    continue  # the bad item is reported; its list being short follows
                columns = self._columns_for(problem.field)
                if not columns:
                    # Not filled from the data: the base itself is wrong, for every row.
                    raise DataError([problem]) from None
                problems.append(
                    Problem(
                        self.data_source,
                        _where(row, columns),
                        f"{problem.field}: {problem.message}",
                    )
                )
            raise RowError(problems) from None

    def _columns_for(self, field: str) -> set[str]:
        columns: set[str] = set()
        for path, template in self.fields:
            name = field_path(path)
            if (
                name == field
                or name.startswith((f"{field}.", f"{field}["))
                or field.startswith((f"{name}.", f"{name}["))
            ):
                columns |= template.columns
        return columns

    def check(self, row: Row) -> str:
        """Validate one row; return the text its file name is made from."""
        return self.slug(self.document(row))

    @staticmethod
    def slug(document: Document) -> str:
        return document.label()

    def render(self, row: Row) -> tuple[str, bytes]:
        """The text its file name is made from, and the DOCX of one row."""
        document = self.document(row)
        if self._renderer is None:
            self._renderer = Renderer(document.type, self.profile)
        if self._renderer.document_type != document.type:
            raise DataError.single(self.source, "type", "every row must give the same type")
        package = self._renderer.render_bytes(document, timestamp=self.spec.timestamp)
        return self.slug(document), package


def _docx_value(value: Value) -> Value:
    # On paper a date reads as ND30 writes it, 07/9/2023, not 2023-09-07.
    if isinstance(value, dt.date):
        return short_date(value)
    return value


class DocxBase:
    """A user's DOCX template with docxtpl tags: one copy per row, tags filled in."""

    def __init__(self, spec: BaseSpec) -> None:
        self.spec = spec
        self.source = spec.source
        self.template = PreparedTemplate(spec.data, name=spec.source)
        self.package = PreparedPackage(self.template)
        self.columns = frozenset((self.template.names - {"row"}) | self.template.row_columns)
        modified = docx.Document(io.BytesIO(spec.data)).core_properties.modified
        self.timestamp = spec.timestamp or modified or DOCX_BASE_TIMESTAMP
        self.data_source = "data"

    def context(self, row: Row) -> dict[str, Any]:
        values = {name: _docx_value(value) for name, value in row.values.items()}
        problems = []
        for column in sorted(self.columns & values.keys()):
            value = values[column]
            if not isinstance(value, str):
                continue
            forbidden = find_forbidden(value)
            message = f"must not contain a {forbidden}" if forbidden else None
            if message is None:
                try:
                    refuse_legacy_encoding(value)
                except ValueError as exc:
                    message = str(exc)
            if message:
                problems.append(Problem(self.data_source, _where(row, {column}), message))
        if problems:
            raise RowError(problems)
        context: dict[str, Any] = {n: values[n] for n in self.template.names if n in values}
        context["row"] = RowValues(values)
        return context

    def check(self, row: Row) -> str:
        context = self.context(row)
        try:
            self.template.check(context)
        except TdktError as exc:
            raise RowError([Problem(self.data_source, row.label, str(exc))]) from None
        return self.slug(row)

    @staticmethod
    def slug(row: Row) -> str:
        by_name = {name.casefold(): name for name in row.values}
        for wanted in SLUG_COLUMNS:
            name = by_name.get(wanted.casefold())
            if name is not None and str(row.values[name]).strip():
                return str(row.values[name])
        first = next(iter(row.values.values()), "")
        return str(first)

    def render(self, row: Row) -> tuple[str, bytes]:
        context = self.context(row)
        try:
            rendered = self.template.render(context)
        except TdktError as exc:
            raise RowError([Problem(self.data_source, row.label, str(exc))]) from None
        if self.spec.timestamp is not None:
            core = self.template.document.core_properties
            core.created = core.modified = self.spec.timestamp
        package = self.package.assemble(
            rendered, self.timestamp, core_changed=self.template.templated_properties
        )
        return self.slug(row), package


Base = DocumentBase | DocxBase


def load_base(
    base: str | Path | Mapping[str, Any] | Document,
    *,
    profile: Profile | None = None,
    timestamp: dt.datetime | None = None,
) -> BaseSpec:
    """Read a base (a document YAML/JSON, a DOCX template, or data/a model) into a spec.

    A document's ``agency:`` and ``office:`` files are read relative to it, once; the office
    defaults are the same for every row, so they may not hold ``{{ row.COLUMN }}``.
    """
    profile_json = profile.model_dump_json() if profile is not None else None
    if isinstance(base, Mapping):
        fields = dict(base)
        if isinstance(fields.get(OFFICE_KEY), Mapping):
            fields[OFFICE_KEY] = parse_office(fields[OFFICE_KEY], "base", (OFFICE_KEY,))
        _refuse_row_values_in_office(fields)
        return BaseSpec("document", "base", fields, profile_json, timestamp)
    if isinstance(base, Document):
        data = json.loads(base.model_dump_json(exclude_none=True))
        return BaseSpec("document", "base", data, profile_json, timestamp)
    path = Path(base)
    if path.suffix.lower() == ".docx":
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DataError.single(path, "", f"cannot read the template: {exc.strerror}") from exc
        return BaseSpec("docx", str(path), data, profile_json, timestamp)
    document = resolve_paths(read_data(path), path)
    _refuse_row_values_in_office(document)
    return BaseSpec("document", str(path), document, profile_json, timestamp)


def _refuse_row_values_in_office(document: Any) -> None:
    office = document.get(OFFICE_KEY) if isinstance(document, Mapping) else None
    if not isinstance(office, OfficeDefaults):
        return
    problems = [
        Problem(
            office.source,
            field_path((*office.prefix, *location)),
            "holds {{ … }}: office defaults are the same for every row; "
            "a value filled in from the data belongs in the base document",
        )
        for location, text in walk_strings(office)
        if has_placeholders(text)
    ]
    if problems:
        raise DataError(problems)


def build_base(spec: BaseSpec, data_source: str) -> Base:
    base: Base = DocxBase(spec) if spec.kind == "docx" else DocumentBase(spec)
    base.data_source = data_source
    return base
