from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx.document import Document
from hypothesis import settings

import tdkt_docs
from tdkt_docs.loader import read_data, resolve_paths
from tests.docx_reading import open_docx

# CI runs a fixed sequence of examples, so a run cannot fail by luck; locally they vary.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_EXAMPLE = EXAMPLES / "cong_van_tuyen_truyen.yaml"
DATA = Path(__file__).resolve().parent / "data"


def seed_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SEED_EXAMPLE.read_text("utf-8"))
    return data


def render_data(data: dict[str, Any]) -> Document:
    return open_docx(tdkt_docs.render_bytes(data))


def variant(**changes: Any) -> dict[str, Any]:
    """The seed example with some fields replaced (``None`` removes a field)."""
    data = copy.deepcopy(seed_data())
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


REPORT_EXAMPLE = EXAMPLES / "bao_cao_thang.yaml"


def example_data(path: Path) -> dict[str, Any]:
    """A document file as plain data: its agency and office files read in and the office
    defaults filled in, a whole document (as validate() takes it)."""
    data: dict[str, Any] = dict(resolve_paths(read_data(path), path))
    office = data.pop("office", None)
    if office is not None:
        data, _ = office.apply(data, data["type"], str(path))
    return copy.deepcopy(data)


def report_variant(**changes: Any) -> dict[str, Any]:
    """The báo cáo example as data, its agency and office files read in, with some fields
    replaced."""
    data = example_data(REPORT_EXAMPLE)
    data.update(changes)
    return data


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return tdkt_docs.render_bytes(SEED_EXAMPLE)


@pytest.fixture(scope="session")
def seed_doc(seed_bytes: bytes) -> Document:
    return open_docx(seed_bytes)


@pytest.fixture(scope="session")
def profile() -> tdkt_docs.Profile:
    return tdkt_docs.default_profile()
