"""Where the bundled templates and examples are.

In an installed wheel they are package data (``tdkt_docs/templates``,
``tdkt_docs/examples``); in a source checkout they are the repository's top-level
``templates/`` and ``examples/`` folders, which the wheel build copies in.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from tdkt_docs.errors import TemplateError


def _bundled_dir(name: str) -> Path:
    packaged = Path(str(resources.files("tdkt_docs"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def templates_dir() -> Path:
    return _bundled_dir("templates")


def examples_dir() -> Path:
    return _bundled_dir("examples")


def template_path(document_type: str) -> Path:
    """The bundled template for a document type (``dispatch`` → ``cong_van.docx``)."""
    from tdkt_docs.kinds import kind  # the kinds name their templates

    document_kind = kind(document_type)
    path = (document_kind.template_dir or templates_dir()) / document_kind.template_name
    if not path.is_file():
        raise TemplateError(
            "the bundled template is missing; reinstall tdkt-docs", template=str(path)
        )
    return path
