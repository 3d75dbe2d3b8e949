"""Where the bundled templates and examples are.

In an installed wheel they are package data (``tdkt_docs/templates``,
``tdkt_docs/examples``); in a source checkout they are the repository's top-level
``templates/`` and ``examples/`` folders, which the wheel build copies in.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from tdkt_docs.errors import TemplateError

TEMPLATE_FOR_TYPE = {"dispatch": "cong_van.docx", "report": "bao_cao.docx"}


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
    path = templates_dir() / TEMPLATE_FOR_TYPE[document_type]
    if not path.is_file():
        raise TemplateError(
            "the bundled template is missing; reinstall tdkt-docs", template=str(path)
        )
    return path
