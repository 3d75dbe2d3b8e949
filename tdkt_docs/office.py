"""Office defaults: what an office writes the same on every document of a type.

A Sở writes the same ký hiệu, Nơi nhận, Lưu and signer on every báo cáo of the year, and the
same căn cứ and authority line on every decision of a round (the ``VanBanConfigs`` of TĐKT
software). ``office.yaml`` holds them once, with the agency::

    agency: agency.yaml          # or the agency's fields
    report:                      # one section per document type, named by its ``type:``
      symbol: BC-SNV
      archive: [VT, PTĐKT]
      signer: {authority: KT. GIÁM ĐỐC, title: PHÓ GIÁM ĐỐC, name: Huỳnh Mạnh Thắng}

and a document names it (``office: office.yaml``) and carries only what changes. How the
values meet (:meth:`OfficeDefaults.apply`):

* a field the document gives wins, whole: lists are not merged, a mapping replaces the
  office's mapping;
* except a ``signer`` that gives only ``name``: the same post and authority, another person
  (the deputy who signs this round). A signer that gives more replaces the office's whole
  signer, and must then say its ``authority`` when the office's has one (``authority: []``
  for a head signing in person), so an authority line is never dropped or kept by accident;
* the agency comes from the document, else the section, else the top of the office file.

A problem in a value that came from the office file names that file and the value's place
in it (``office.yaml: report.symbol: …``), not the document (:meth:`OfficeDefaults.attribute`).

This module works on data: :func:`tdkt_docs.loader.read_office` reads the file and resolves
its agency paths.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from tdkt_docs import kinds
from tdkt_docs.errors import DataError, Problem
from tdkt_docs.messages import did_you_mean, error_message, field_path, problems_from
from tdkt_docs.models import Agency

OFFICE_KEY = "office"
"""The key of a document that names its office defaults."""
AGENCY_KEY = "agency"
SIGNER_KEY = "signer"
"""The field a document may give in part: ``signer: {name: …}`` changes only the person."""
NAME_KEY = "name"
AUTHORITY_KEY = "authority"

_EACH_DOCUMENT = "changes with each document: give it in the document, not in the office defaults"
PER_DOCUMENT_FIELDS: Mapping[str, str] = {
    "type": "is the name of the section",
    OFFICE_KEY: "cannot be given in office defaults",
    "number": _EACH_DOCUMENT,
    "date": _EACH_DOCUMENT,
    "subject": _EACH_DOCUMENT,
    "body": _EACH_DOCUMENT,
}
"""Fields a section may not hold, and why. A default date, number, trích yếu or body would
print the last round's value on a document that forgot its own: a wrong document, not an
error."""

Location = tuple[int | str, ...]
"""A place in a file or a document: keys and list indexes (``("report", "signer")``)."""
Origins = dict[Location, "Location | None"]
"""Where each value of a merged document came from: its place in the office defaults, or
``None`` for the document itself. A longer path overrides a shorter one."""


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, Mapping):
        return "a group of fields"
    if isinstance(value, list | tuple):
        return "a list"
    return repr(value)


def path_message(value: str, read_with: str) -> str:
    """Why a path cannot be read where no file is being loaded."""
    return (
        f"{value!r} looks like a path to a file; paths are resolved only when a file is "
        f"loaded ({read_with}); give the fields here"
    )


@dataclass(frozen=True)
class OfficeDefaults:
    """The defaults of an office, checked: the agency and one section per document type.

    ``source`` is the file they were read from (or the document that holds them, or
    ``None`` for data in memory) and ``prefix`` their place in it: ``()`` for an office
    file, ``("office",)`` inside a document.
    """

    agency: Mapping[str, Any] | None = None
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    source: str | None = None
    prefix: Location = ()

    @property
    def label(self) -> str:
        """How a message names the defaults: their file, or ``office`` in a document."""
        if self.source is not None and not self.prefix:
            return self.source
        return field_path(self.prefix) or "the office defaults"

    def section_label(self, type_name: str) -> str:
        """ "under 'report:' in office.yaml", or "in office.report"."""
        if self.prefix:
            return f"in {field_path((*self.prefix, type_name))}"
        return f"under '{type_name}:' in {self.label}"

    def defaults_for(self, type_name: str) -> dict[str, tuple[Any, Location]]:
        """The default values of a document type, each with its place in the defaults."""
        values: dict[str, tuple[Any, Location]] = {}
        if self.agency is not None:
            values[AGENCY_KEY] = (self.agency, (AGENCY_KEY,))
        for key, value in self.sections.get(type_name, {}).items():
            values[key] = (value, (type_name, key))
        return values

    def apply(
        self, data: Mapping[str, Any], type_name: str, source: str | None
    ) -> tuple[dict[str, Any], Origins]:
        """The document's fields with the defaults of its type filled in, and where each
        came from. ``source`` names the document in the problems raised here."""
        merged = dict(data)
        origins: Origins = {}
        for key, (value, location) in self.defaults_for(type_name).items():
            if key not in data:
                merged[key] = value
                origins[(key,)] = location
            elif key == SIGNER_KEY:
                merged[key] = self._signer(data[key], value, location, source, origins)
        return merged, origins

    def _signer(
        self, own: Any, default: Any, location: Location, source: str | None, origins: Origins
    ) -> Any:
        if not (isinstance(own, Mapping) and isinstance(default, Mapping)):
            return own
        if set(own) == {NAME_KEY}:
            origins[(SIGNER_KEY,)] = location
            origins[(SIGNER_KEY, NAME_KEY)] = None
            return {**default, NAME_KEY: own[NAME_KEY]}
        authority = default.get(AUTHORITY_KEY)
        if AUTHORITY_KEY not in own and authority:
            lines = authority if isinstance(authority, list | tuple) else [authority]
            shown = " / ".join(str(line) for line in lines)
            raise DataError.single(
                source,
                f"{SIGNER_KEY}.{AUTHORITY_KEY}",
                f"is needed: this signer replaces the one {self.section_label(str(location[0]))}, "
                f"which signs '{shown}'; write the authority of this signer "
                f"('{AUTHORITY_KEY}: []' when the head signs in person), or give only "
                f"'{NAME_KEY}' to keep that authority and title with another person",
            )
        return own

    def attribute(
        self, problems: Sequence[Problem], origins: Origins, type_name: str
    ) -> list[Problem]:
        """The problems of a merged document, each naming where its value came from."""
        named = [(field_path(path), origin) for path, origin in origins.items()]
        model = kinds.kind(type_name).model
        result = []
        for problem in problems:
            match = _longest_match(problem.field, named)
            if match is None or match[1] is None:
                message = problem.message
                if (
                    problem.kind == "missing"
                    and problem.field in model.model_fields
                    and problem.field not in PER_DOCUMENT_FIELDS
                ):
                    message += f"; give it here or {self.section_label(type_name)}"
                result.append(Problem(problem.source, problem.field, message, kind=problem.kind))
                continue
            name, origin = match[0], match[1]
            place = field_path((*self.prefix, *origin)) + problem.field[len(name) :]
            message = problem.message
            if problem.kind == "missing" and problem.field == f"{SIGNER_KEY}.{NAME_KEY}":
                message += f"; give it here, or in each document as '{SIGNER_KEY}: {{name: …}}'"
            result.append(Problem(self.source, place, message, kind=problem.kind))
        return result


def _longest_match(
    field_name: str, named: list[tuple[str, Location | None]]
) -> tuple[str, Location | None] | None:
    best: tuple[str, Location | None] | None = None
    for name, origin in named:
        within = field_name == name or field_name.startswith((f"{name}.", f"{name}["))
        if within and (best is None or len(name) > len(best[0])):
            best = (name, origin)
    return best


def parse_office(data: Any, source: str | None, prefix: Location = ()) -> OfficeDefaults:
    """Check office defaults given as data (agency paths already resolved) and return them.

    Every problem is reported at once, each naming ``source`` and the value's place in it:
    a section for a type that is not registered, a field a section may not hold, and any
    value that its type would refuse. A field a section leaves out is not a problem: the
    documents give it.
    """
    types = kinds.types()
    expected = ", ".join(types)
    if not isinstance(data, Mapping):
        raise DataError.single(
            source,
            field_path(prefix),
            f"expected '{AGENCY_KEY}' and one section per document type ({expected}), "
            f"got {_shown(data)}",
        )
    problems: list[Problem] = []

    def problem(location: Location, message: str, kind: str = "") -> None:
        problems.append(Problem(source, field_path((*prefix, *location)), message, kind=kind))

    agency = data.get(AGENCY_KEY)
    problems += _agency_problems(agency, source, (*prefix, AGENCY_KEY))
    sections: dict[str, dict[str, Any]] = {}
    for key, section in data.items():
        if key == AGENCY_KEY:
            continue
        document_kind = kinds.find(key)
        if document_kind is None:
            problem(
                (str(key),),
                f"is not a document type; expected '{AGENCY_KEY}' or one of {expected}"
                + did_you_mean(str(key), [AGENCY_KEY, *types]),
            )
            continue
        if not isinstance(section, Mapping):
            problem(
                (key,),
                f"must be a group of fields, the defaults of every {document_kind.name}, "
                f"one 'name: value' per line, got {_shown(section)}",
            )
            continue
        for name in section:
            if name in PER_DOCUMENT_FIELDS:
                problem((key, name), PER_DOCUMENT_FIELDS[name])
        values = {k: v for k, v in section.items() if k not in PER_DOCUMENT_FIELDS}
        problems += _agency_problems(values.get(AGENCY_KEY), source, (*prefix, key, AGENCY_KEY))
        problems += _section_problems(document_kind, values, source, (*prefix, key))
        sections[key] = values
    if problems:
        raise DataError(problems)
    return OfficeDefaults(
        agency=agency if isinstance(agency, Mapping) else None,
        sections=sections,
        source=source,
        prefix=prefix,
    )


def _agency_problems(agency: Any, source: str | None, location: Location) -> list[Problem]:
    if agency is None:
        return []
    if isinstance(agency, str):
        message = path_message(agency, "tdkt_docs.loader.read_office, or tdkt_docs.load")
        return [Problem(source, field_path(location), message)]
    try:
        Agency.model_validate(agency)
    except ValidationError as exc:
        return problems_from(exc, source, prefix=location, model=Agency)
    return []


def _section_problems(
    document_kind: kinds.DocumentKind,
    section: Mapping[str, Any],
    source: str | None,
    location: Location,
) -> list[Problem]:
    """The values of a section its type refuses. The section is validated as a document
    that lacks the rest: ``missing`` errors are the documents' to fill, and the agency was
    checked whole on its own."""
    checked = {k: v for k, v in section.items() if k != AGENCY_KEY}
    try:
        document_kind.model.model_validate(checked)
    except ValidationError as exc:
        return list(_present_value_problems(exc, checked, document_kind, source, location))
    return []  # pragma: no cover - a document type always has required fields


def _present_value_problems(
    exc: ValidationError,
    section: Mapping[str, Any],
    document_kind: kinds.DocumentKind,
    source: str | None,
    location: Location,
) -> Iterator[Problem]:
    for error in exc.errors():
        loc = tuple(
            p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        if error["type"] == "missing" or not loc or loc[0] not in section:
            continue
        yield Problem(
            source,
            field_path((*location, *loc)),
            error_message(error, document_kind.model),
            kind=str(error["type"]),
        )


def walk_strings(defaults: OfficeDefaults) -> Iterator[tuple[Location, str]]:
    """Every text of the defaults, with its place in them (for checks such as a batch's)."""

    def walk(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
        if isinstance(value, str):
            yield location, value
        elif isinstance(value, Mapping):
            for key, item in value.items():
                yield from walk(item, (*location, key))
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                yield from walk(item, (*location, index))

    if defaults.agency is not None:
        yield from walk(defaults.agency, (AGENCY_KEY,))
    for type_name, section in defaults.sections.items():
        yield from walk(section, (type_name,))
