"""The danh mục of an award round: award forms and the closed lists of the nominations form.

The values are data (``tdkt_docs/data/awards/catalog.yaml``, versioned), not code: the
nominations form offers them as drop-downs, the compiler recognises them as typed, with
their aliases ("Khen thưởng cá nhân" and "CANHAN" are both ``cá nhân``), and the documents
print their canonical names. An office that needs another form edits a copy and names it
in ``round.yaml``.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tdkt_docs.errors import DataError
from tdkt_docs.loader import read_data
from tdkt_docs.messages import SUGGESTION_CUTOFF, problems_from
from tdkt_docs.text import clean_data, match_key, without_marks

RecipientKind = Literal["cá nhân", "tập thể", "hộ gia đình"]
RECIPIENT_KINDS: tuple[RecipientKind, ...] = ("cá nhân", "tập thể", "hộ gia đình")
"""Phân loại khen thưởng, in the order of a decision's list (I. Cá nhân, II. Tập thể, …)."""
Level = Literal["trung ương", "tỉnh", "cơ sở"]
Category = Literal["hình thức khen thưởng", "danh hiệu thi đua"]

DATA_DIR = "data/awards"
CATALOG_FILE = "catalog.yaml"

Text = Annotated[str, Field(min_length=1, max_length=200)]


class _Entry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    aliases: tuple[Text, ...] = ()

    def names(self) -> tuple[str, ...]:
        """Every text this value is recognised by: its key or name, then its aliases."""
        raise NotImplementedError


class RecipientKindEntry(_Entry):
    key: RecipientKind

    def names(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)


class TargetGroup(_Entry):
    """A phân loại đối tượng, and the phân loại khen thưởng it may go with."""

    name: Text
    kinds: Annotated[tuple[RecipientKind, ...], Field(min_length=1)]
    leader: bool = False
    """A leader (lãnh đạo, quản lý): the statistics count them apart."""

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class ActivityField(_Entry):
    """A lĩnh vực hoạt động with its code."""

    code: Annotated[str, Field(pattern=r"^\d{4}$")]
    name: Text

    def names(self) -> tuple[str, ...]:
        return (self.name, self.code, *self.aliases)


class AwardType(_Entry):
    """A loại hình khen thưởng: công trạng, chuyên đề, đột xuất …"""

    key: Text

    def names(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)


class AwardForm(_Entry):
    """A hình thức khen thưởng or danh hiệu thi đua that a round may confer."""

    code: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]{0,15}$")]
    name: Text
    """As a decision writes it after its verb: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
    "danh hiệu “Chiến sĩ thi đua cấp tỉnh”"."""
    label: Text
    """The drop-down text: "Bằng khen của Chủ tịch UBND tỉnh"."""
    category: Category
    level: Level
    verb: Text = "Tặng"
    kinds: Annotated[tuple[RecipientKind, ...], Field(min_length=1)]

    def names(self) -> tuple[str, ...]:
        return (self.label, self.name, self.code, *self.aliases)

    @property
    def title(self) -> str:
        """The name without "danh hiệu" and quotes: "Chiến sĩ thi đua cấp tỉnh"."""
        name = self.name.removeprefix("danh hiệu ").strip('“”"')
        return name[:1].upper() + name[1:]

    def phrase(self) -> str:
        """Verb and name, as Điều 1 and the trích yếu use them: "tặng Bằng khen của …"."""
        return f"{self.verb.lower()} {self.name}"


E = TypeVar("E", bound=_Entry)


class Lookup(Generic[E]):
    """Values found by any of their names, as people type them (case, spacing, marks)."""

    def __init__(self, entries: Iterable[E], what: str) -> None:
        self.entries = tuple(entries)
        self.what = what
        self._by_key: dict[str, E] = {}
        self._by_letters: dict[str, E] = {}
        for entry in self.entries:
            for name in entry.names():
                self._by_key.setdefault(match_key(name), entry)
                self._by_letters.setdefault(without_marks(name), entry)

    def find(self, text: str) -> E | None:
        return self._by_key.get(match_key(text))

    def suggestion(self, text: str) -> str:
        """ "; did you mean 'cá nhân'?" for a value typed without marks or misspelt."""
        by_letters = self._by_letters.get(without_marks(text))
        if by_letters is not None:
            return f"; did you mean {by_letters.names()[0]!r}?"
        # Against every name and alias, so "bằng khen cấp tỉn" finds "Bằng khen cấp tỉnh".
        close = difflib.get_close_matches(
            match_key(text), list(self._by_key), n=1, cutoff=SUGGESTION_CUTOFF
        )
        return f"; did you mean {self._by_key[close[0]].names()[0]!r}?" if close else ""

    def shown(self) -> tuple[str, ...]:
        """The first name of each value: what the form's drop-down offers."""
        return tuple(entry.names()[0] for entry in self.entries)


class Catalog(BaseModel):
    """The award forms and closed lists of a round (``catalog.yaml``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Text
    description: str = ""
    honorifics: tuple[Text, ...] = ("Ông", "Bà")
    recipient_kinds: tuple[RecipientKindEntry, ...]
    target_groups: Annotated[tuple[TargetGroup, ...], Field(min_length=1)]
    fields: Annotated[tuple[ActivityField, ...], Field(min_length=1)]
    award_types: Annotated[tuple[AwardType, ...], Field(min_length=1)]
    forms: Annotated[tuple[AwardForm, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        if tuple(entry.key for entry in self.recipient_kinds) != RECIPIENT_KINDS:
            raise ValueError("recipient_kinds lists cá nhân, tập thể, hộ gia đình, in that order")
        for what, entries in (
            ("target_groups", self.target_groups),
            ("fields", self.fields),
            ("award_types", self.award_types),
            ("forms", self.forms),
        ):
            _refuse_ambiguous(what, entries)
        return self

    @functools.cached_property
    def form_lookup(self) -> Lookup[AwardForm]:
        return Lookup(self.forms, "award form")

    @functools.cached_property
    def kind_lookup(self) -> Lookup[RecipientKindEntry]:
        return Lookup(self.recipient_kinds, "phân loại khen thưởng")

    @functools.cached_property
    def group_lookup(self) -> Lookup[TargetGroup]:
        return Lookup(self.target_groups, "phân loại đối tượng")

    @functools.cached_property
    def field_lookup(self) -> Lookup[ActivityField]:
        return Lookup(self.fields, "lĩnh vực")

    @functools.cached_property
    def type_lookup(self) -> Lookup[AwardType]:
        return Lookup(self.award_types, "loại hình khen thưởng")

    def form(self, code: str) -> AwardForm:
        """The form with this code; ``KeyError`` when there is none."""
        for form in self.forms:
            if form.code == code:
                return form
        raise KeyError(code)


def _refuse_ambiguous(what: str, entries: Iterable[_Entry]) -> None:
    seen: dict[str, str] = {}
    for entry in entries:
        first = entry.names()[0]
        for name in dict.fromkeys(match_key(n) for n in entry.names()):
            other = seen.setdefault(name, first)
            if other != first:
                raise ValueError(
                    f"{what}: {name!r} names both {other!r} and {first!r}; a typed value "
                    "must name one entry"
                )


def bundled_data(name: str) -> Path:
    """A file of the bundled award data (``catalog.yaml``, ``money.yaml``)."""
    return Path(str(resources.files("tdkt_docs"))) / DATA_DIR / name


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Read and check a catalog file; the bundled one when ``path`` is ``None``."""
    source = Path(path) if path is not None else bundled_data(CATALOG_FILE)
    data = read_data(source)
    try:
        return Catalog.model_validate(clean_data(data))
    except ValidationError as exc:
        raise DataError(problems_from(exc, str(source), model=Catalog)) from None
    except ValueError as exc:  # clean_line: a control character, TCVN3 text
        raise DataError.single(source, "", str(exc)) from None


@functools.cache
def default_catalog() -> Catalog:
    """The bundled catalog, read once."""
    return load_catalog()
