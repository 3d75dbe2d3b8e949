"""Document kinds: every document type the package renders, each one registered entry.

A kind brings together what the rest of the package needs to know about a type: its model
(the ``type:`` value and the fields), its template and the code that builds it, its view
(the template's context), what is done to a rendered document (tables, appendices), the
fast way a batch renders it, and what the checker looks for (its type name). The loader,
the templates, ``render``, the batch, ``check --type`` and the command line all read this
registry; none of them switches on a document's type.

The built-in kinds are the modules of this package: each defines ``KIND``. Adding a type is
one module here, its template builder, an example and tests (README, "Adding a document
type"). :func:`register` adds a kind from elsewhere (a plugin, or a test).

>>> [kind.type for kind in kinds()]
['decision', 'dispatch', 'minutes', 'report', 'submission']
>>> kind("report").type_title, kind("report").abbreviation, kind("dispatch").abbreviation
('BÁO CÁO', 'BC', None)
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument

from tdkt_docs.errors import TemplateError
from tdkt_docs.models import AdministrativeDocument
from tdkt_docs.profile import Profile

View = Callable[[Any, Profile], dict[str, Any]]
"""A document and the layout profile → the values its template shows (``doc`` in it)."""
Finish = Callable[[DocxDocument, Any, Profile], None]
"""What is done to a rendered document with python-docx: tables, appendices, sections."""
FastText = Callable[[str, Any, Profile], "str | None"]
"""The rendered body as text → the same body with its text-dependent lengths written in,
or ``None`` when it must be parsed instead."""


def _nothing(document: DocxDocument, model: Any, profile: Profile) -> None:
    return None


def _never(document: Any) -> bool:
    return False


@dataclass(frozen=True)
class DocumentKind:
    """One document type and everything the package needs to render and check it."""

    model: type[AdministrativeDocument]
    """The pydantic model; its ``type`` field's value names the kind."""
    name: str
    """The type's name in Vietnamese, as in messages ("công văn")."""
    template_name: str
    """The bundled template's file name (``templates/…``)."""
    build_template: Callable[[Profile], bytes]
    """Builds that template with python-docx (``tdkt-docs templates build``)."""
    view: View
    example: str
    """The bundled example of the kind (``examples/…``), rendered by ``demo``."""
    type_title: str | None = None
    """The type name printed above the trích yếu ("BÁO CÁO"); ``None`` for a công văn."""
    title_prefix: str = ""
    """What the document properties' title puts before the trích yếu ("V/v ")."""
    date_line: bool = True
    """Whether the header has the place and date line (ô 4); a biên bản (Mẫu 1.9) has none."""
    finish: Finish = _nothing
    fast_text: FastText | None = None
    """A batch's fastest way: set when the rendered body needs no tree (the công văn)."""
    plain_only: Callable[[Any], bool] = _never
    """Documents that a batch renders the plain way (they add sections or parts)."""
    description: str = ""
    """What the kind is, in Vietnamese (the JSON Schema's description)."""
    template_dir: Path | None = None
    """Where its template is, for a kind registered from outside the package; the bundled
    ``templates/`` when ``None``."""

    @property
    def type(self) -> str:
        """The value of ``type:`` in the input."""
        value = self.model.model_fields["type"].default
        if not isinstance(value, str):
            raise TypeError(f"{self.model.__name__}.type needs a default, the type's name")
        return value

    @property
    def needs_template_document(self) -> bool:
        """Whether ``finish`` adds to the rendered document with python-docx, so a batch
        renders into the template's own document instead of a bare tree."""
        return self.finish is not _nothing

    @property
    def abbreviation(self) -> str | None:
        """The abbreviation the ký hiệu starts with (``BC``), ``None`` for a công văn."""
        return self.model.TYPE_ABBREVIATION


_REGISTRY: dict[str, DocumentKind] = {}


def register(new: DocumentKind) -> DocumentKind:
    """Add a kind; its ``type`` must be new. Returns it (usable as a one-liner)."""
    if new.type in _REGISTRY and _REGISTRY[new.type] is not new:
        raise ValueError(f"a document kind {new.type!r} is registered already")
    _REGISTRY[new.type] = new
    return new


def unregister(type_name: str) -> None:
    """Remove a kind (for tests that register one of their own)."""
    _REGISTRY.pop(type_name, None)


def kinds() -> list[DocumentKind]:
    """Every registered kind, the built-in ones first, in name order."""
    _load_built_in()
    return list(_REGISTRY.values())


def types() -> list[str]:
    """The values ``type:`` may take."""
    return [k.type for k in kinds()]


def kind(type_name: str) -> DocumentKind:
    """The kind whose ``type:`` is ``type_name``; :class:`KeyError` if there is none."""
    _load_built_in()
    return _REGISTRY[type_name]


def find(type_name: object) -> DocumentKind | None:
    """The kind of a ``type:`` value as typed, or ``None``."""
    _load_built_in()
    return _REGISTRY.get(type_name) if isinstance(type_name, str) else None


def kind_of(document: AdministrativeDocument) -> DocumentKind:
    """The kind of a validated document."""
    found = find(getattr(document, "type", None))
    if found is None or not isinstance(document, found.model):
        raise TemplateError(f"no document kind is registered for {type(document).__name__}")
    return found


def by_template(template_name: str) -> DocumentKind:
    """The kind whose bundled template is ``template_name``."""
    for candidate in kinds():
        if candidate.template_name == template_name:
            return candidate
    raise KeyError(template_name)


_loaded = False


def _built_in_modules() -> Iterator[str]:
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            yield f"{__name__}.{module.name}"


def _load_built_in() -> None:
    """Import the kind modules of this package once; each defines ``KIND``."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for name in sorted(_built_in_modules()):
        module = importlib.import_module(name)
        register(module.KIND)


def __getattr__(name: str) -> Any:
    # The models of the built-in kinds, by class name: tdkt_docs.kinds.Report.
    for candidate in kinds():
        if candidate.model.__name__ == name:
            return candidate.model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
