"""The bundled templates are what the builder makes, and their XML matches the golden files.

The golden files are the normalised XML of every part, so a layout change shows up as a
readable diff. After an intended change run:
``TDKT_UPDATE_GOLDEN=1 pytest tests/test_templates.py`` and
``tdkt-docs templates build`` and review both diffs.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tdkt_docs.kinds import kinds
from tdkt_docs.profile import default_profile
from tests.conftest import ROOT

TEMPLATE_BUILDERS = {kind.template_name: kind.build_template for kind in kinds()}

TEMPLATES = ROOT / "templates"
GOLDEN = Path(__file__).resolve().parent / "golden"
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)


def normalised_parts(data: bytes) -> dict[str, str]:
    parts = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in sorted(package.namelist()):
            if name.endswith((".xml", ".rels")):
                root = etree.fromstring(package.read(name), _PARSER)
                parts[name] = etree.tostring(root, pretty_print=True, encoding="unicode")
    return parts


def _golden_name(part: str) -> str:
    name = part.replace("/", "__").replace("[", "").replace("]", "")
    return name if name.endswith(".xml") else f"{name}.xml"


@pytest.mark.parametrize("name", sorted(TEMPLATE_BUILDERS))
def test_committed_template_equals_a_fresh_build(name: str) -> None:
    fresh = TEMPLATE_BUILDERS[name](default_profile())
    committed = (TEMPLATES / name).read_bytes()
    assert normalised_parts(committed) == normalised_parts(fresh), (
        f"templates/{name} is stale: run `tdkt-docs templates build`"
    )
    assert committed == fresh, "same XML but different bytes: the zip is not deterministic"


@pytest.mark.parametrize("name", sorted(TEMPLATE_BUILDERS))
def test_template_matches_golden_xml(name: str) -> None:
    folder = GOLDEN / Path(name).stem
    parts = normalised_parts((TEMPLATES / name).read_bytes())
    if os.environ.get("TDKT_UPDATE_GOLDEN"):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.xml"):
            old.unlink()
        for part, xml in parts.items():
            (folder / _golden_name(part)).write_text(xml, "utf-8")
    golden = {p.name: p.read_text("utf-8") for p in sorted(folder.glob("*.xml"))}
    assert golden == {_golden_name(part): xml for part, xml in parts.items()}


@pytest.mark.parametrize("name", sorted(TEMPLATE_BUILDERS))
def test_template_is_lean(name: str) -> None:
    with zipfile.ZipFile(TEMPLATES / name) as package:
        names = set(package.namelist())
        styles = package.read("word/styles.xml").decode("utf-8")
    assert not any("thumbnail" in n or n.startswith("customXml") for n in names)
    assert "word/stylesWithEffects.xml" not in names
    assert "latentStyles" not in styles
    assert (TEMPLATES / name).stat().st_size < 20_000


def test_style_names_are_valid_ooxml() -> None:
    from tdkt_docs.roles import ROLES

    # Word reads a comma in a style name as a list of aliases; the schema forbids it.
    assert not [r.style_name for r in ROLES.values() if "," in r.style_name]
    assert all(r.style_id.isascii() and r.style_id.isalnum() for r in ROLES.values())
