"""Input files → validated models, with errors that name the file and the field.

YAML and JSON share one structure. ``agency:`` may be a path to a reusable agency profile,
and ``office:`` a path to office defaults (:mod:`tdkt_docs.office`), each relative to the file
that names it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from tdkt_docs import kinds
from tdkt_docs.errors import DataError
from tdkt_docs.messages import did_you_mean, problems_from
from tdkt_docs.models import Agency, Document
from tdkt_docs.office import (
    OFFICE_KEY,
    OfficeDefaults,
    Origins,
    parse_office,
    path_message,
)

MAX_INPUT_BYTES = 5 * 1024 * 1024


class _Loader(yaml.SafeLoader):
    """YAML as people type it: ``number: 010`` is ten and ``phone: 0258…`` keeps its zero,
    instead of YAML 1.1's octal."""


def _int_or_digits(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    text = str(loader.construct_scalar(node))
    if re.fullmatch(r"[-+]?0[0-9_]+", text):
        # A leading zero is a phone number or a padded number, never octal: keep the digits.
        return text
    value: int = yaml.SafeLoader.construct_yaml_int(loader, node)
    return value


def _date_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        # "2023-02-30" is not a date: hand the text on, so the field reports it.
        return loader.construct_scalar(node)


def _mapping_without_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the field {key!r} appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_Loader.add_constructor("tag:yaml.org,2002:int", _int_or_digits)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)
_Loader.add_constructor("tag:yaml.org,2002:map", _mapping_without_duplicates)


class _DuplicateKeyError(ValueError):
    pass


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(f"the field {key!r} appears twice")
        result[key] = value
    return result


def read_data(path: Path) -> Any:
    """Parse a YAML or JSON file (by extension; YAML otherwise) into plain Python data."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataError.single(path, "", f"cannot read the file: {exc.strerror}") from exc
    if size > MAX_INPUT_BYTES:
        raise DataError.single(path, "", f"the file is {size} bytes; at most {MAX_INPUT_BYTES}")
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError.single(
            path, "", f"expected UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from exc
    except OSError as exc:
        raise DataError.single(path, "", f"cannot read the file: {exc.strerror}") from exc
    try:
        if path.suffix.lower() == ".json":
            return json.loads(raw, object_pairs_hook=_json_object)
        return yaml.load(raw, Loader=_Loader)  # _Loader is a SafeLoader: no Python objects
    except _DuplicateKeyError as exc:
        raise DataError.single(path, "", f"invalid JSON: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise DataError.single(
            path, "", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError.single(path, "", f"invalid YAML{where}: {problem}") from exc


def validate(data: Any, source: str | Path | None = None) -> Document:
    """Validate plain data (as read from YAML/JSON) into a document model.

    ``office`` may hold office defaults as a mapping (``{agency: …, report: {…}}``) or as
    :class:`~tdkt_docs.office.OfficeDefaults` (:func:`read_office`); paths are read only by
    :func:`load`.
    """
    name = str(source) if source is not None else None
    if not isinstance(data, Mapping):
        raise DataError.single(name, "", f"expected a mapping of fields, got {type(data).__name__}")
    office = _office_of(data, name)
    if isinstance(data.get("agency"), str):
        raise DataError.single(
            name,
            "agency",
            f"{data['agency']!r} looks like a path to an agency profile; paths are resolved "
            "only when a document file is loaded (tdkt_docs.load); give the agency's fields here",
        )
    kind = data.get("type")
    expected = ", ".join(kinds.types())
    if kind is None:
        raise DataError.single(
            name, "type", f"required field is missing; expected one of {expected}"
        )
    document_kind = kinds.find(kind)
    if document_kind is None:
        suggestion = did_you_mean(str(kind), kinds.types())
        raise DataError.single(
            name, "type", f"expected one of {expected}, got {kind!r}{suggestion}"
        )
    fields = {key: value for key, value in data.items() if key != OFFICE_KEY}
    origins: Origins = {}
    if office is not None:
        fields, origins = office.apply(fields, document_kind.type, name)
    try:
        return document_kind.model.model_validate(fields)
    except ValidationError as exc:
        problems = problems_from(exc, name, model=document_kind.model)
        if office is not None:
            problems = office.attribute(problems, origins, document_kind.type)
        raise DataError(problems) from None


def _office_of(data: Mapping[str, Any], name: str | None) -> OfficeDefaults | None:
    value = data.get(OFFICE_KEY)
    if value is None or isinstance(value, OfficeDefaults):
        return value
    if isinstance(value, str):
        raise DataError.single(
            name,
            OFFICE_KEY,
            path_message(value, "tdkt_docs.load, or tdkt_docs.loader.read_office"),
        )
    return parse_office(value, name, (OFFICE_KEY,))


def resolve_agency(data: Any, path: Path, prefix: tuple[str, ...] = ()) -> Any:
    """Replace ``agency: <path>`` by the fields of that profile (relative to ``path``).

    ``prefix`` is the place of ``data`` in its file (a section of an office file), named when
    the profile is not found.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("agency"), str):
        return data
    agency_path = path.parent / data["agency"]
    if not agency_path.is_file():
        raise DataError.single(
            path,
            ".".join((*prefix, "agency")),
            f"the agency profile {data['agency']!r} is not a file ({agency_path})",
        )
    agency_data = read_data(agency_path)
    if isinstance(agency_data, Mapping) and isinstance(agency_data.get("agency"), Mapping):
        agency_data = agency_data["agency"]  # a profile file may wrap its fields in "agency:"
    try:
        Agency.model_validate(agency_data)
    except ValidationError as exc:
        raise DataError(
            problems_from(exc, str(agency_path), prefix=("agency",), model=Agency)
        ) from None
    return {**data, "agency": agency_data}


def _resolve_office_agencies(data: Any, path: Path, prefix: tuple[str, ...]) -> Any:
    """Office defaults with their agency paths (at the top and in each section) read,
    relative to ``path``."""
    if not isinstance(data, Mapping):
        return data
    resolved = dict(resolve_agency(data, path, prefix))
    for key, section in data.items():
        if kinds.find(key) is not None:  # other keys are reported by parse_office
            resolved[key] = resolve_agency(section, path, (*prefix, key))
    return resolved


def read_office(path: str | Path) -> OfficeDefaults:
    """Read and check an office file (``office.yaml``): its ``agency:`` (the fields, or a
    path relative to it) and one section of defaults per document type. Raises
    :class:`DataError` naming the file and each bad value."""
    path = Path(path)
    data = _resolve_office_agencies(read_data(path), path, ())
    return parse_office(data, str(path))


def resolve_office(data: Any, path: Path) -> Any:
    """Replace ``office: <path>`` (relative to ``path``) by the defaults that file holds;
    defaults written in the document itself are checked, naming the document."""
    if not isinstance(data, Mapping) or data.get(OFFICE_KEY) is None:
        return data
    value = data[OFFICE_KEY]
    if isinstance(value, str):
        office_path = path.parent / value
        if not office_path.is_file():
            raise DataError.single(
                path, OFFICE_KEY, f"the office file {value!r} is not a file ({office_path})"
            )
        return {**data, OFFICE_KEY: read_office(office_path)}
    if isinstance(value, Mapping):
        office = _resolve_office_agencies(value, path, (OFFICE_KEY,))
        return {**data, OFFICE_KEY: parse_office(office, str(path), (OFFICE_KEY,))}
    return data  # validate() says what is wrong with it


def resolve_paths(data: Any, path: Path) -> Any:
    """A document as read from ``path`` with its ``agency:`` and ``office:`` files read."""
    return resolve_office(resolve_agency(data, path), path)


def load(path: str | Path) -> Document:
    """Read and validate a document file (YAML or JSON). Raises :class:`DataError`."""
    path = Path(path)
    data = read_data(path)
    return validate(resolve_paths(data, path), path)
