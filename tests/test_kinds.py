"""Every document kind is one registered entry, and every part of the package reads it.

For each registered kind: its committed template equals a fresh build, golden XML exists,
its example renders and passes ``tdkt-docs check`` (detected as its own type), and a
batch's fast path gives the same XML as the plain path.

A toy kind ("thông báo"), defined here the way README's "Adding a document type" says
(a model, a view, a builder, an example), is then registered and goes through the loader,
render, the batch, ``templates build``, ``check --type`` and the command line, with no
other file of the package touched.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar, Literal

import pytest

import tdkt_docs
from tdkt_docs import kinds
from tdkt_docs.batch import render_batch
from tdkt_docs.cli import main
from tdkt_docs.docx_package import to_bytes
from tdkt_docs.kinds import DocumentKind
from tdkt_docs.loader import read_data, resolve_paths
from tdkt_docs.markup import parse_body
from tdkt_docs.models import BodyDocument
from tdkt_docs.profile import Profile, default_profile
from tdkt_docs.render import Renderer
from tdkt_docs.template_builder.base import (
    TEMPLATE_TIMESTAMP,
    drop_unused_role_styles,
    new_document,
)
from tdkt_docs.template_builder.blocks import header_table, page_furniture, para, signature_table
from tdkt_docs.template_builder.blocks import tag as template_tag
from tdkt_docs.template_builder.build import build_all
from tdkt_docs.view import common_view
from tests.conftest import EXAMPLES, ROOT
from tests.docx_reading import by_style, open_docx
from tests.test_batch_fast_path import same_xml
from tests.test_templates import normalised_parts

GOLDEN = Path(__file__).resolve().parent / "golden"
KINDS = kinds.kinds()


def _example(kind: DocumentKind) -> Any:
    path = EXAMPLES / kind.example
    return resolve_paths(read_data(path), path)


# --- Every registered kind ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.type)
def test_committed_template_equals_a_fresh_build(kind: DocumentKind) -> None:
    committed = (ROOT / "templates" / kind.template_name).read_bytes()
    assert committed == kind.build_template(default_profile())


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.type)
def test_golden_xml_exists(kind: DocumentKind) -> None:
    folder = GOLDEN / Path(kind.template_name).stem
    parts = normalised_parts((ROOT / "templates" / kind.template_name).read_bytes())
    assert folder.is_dir() and len(list(folder.glob("*.xml"))) == len(parts)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.type)
def test_example_renders_and_passes_the_checker(kind: DocumentKind, tmp_path: Path) -> None:
    document = tdkt_docs.load(EXAMPLES / kind.example)
    assert document.type == kind.type
    path = tdkt_docs.render(document, tmp_path / "example.docx")
    findings = tdkt_docs.check(path)
    assert [f for f in findings if f.severity == "error"] == []
    detected = json.loads(_check_json(path))
    assert detected is not None


def _check_json(path: Path) -> str:
    from tdkt_docs.checker.report import to_json

    return to_json({str(path): tdkt_docs.check(path)})


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.type)
def test_the_checker_detects_the_kind_of_its_example(kind: DocumentKind) -> None:
    from tdkt_docs.checker.detect import detect
    from tdkt_docs.checker.model import build_model
    from tdkt_docs.checker.package import read_package

    data = tdkt_docs.render_bytes(EXAMPLES / kind.example)
    assert detect(build_model(read_package(data, "example.docx"))).doc_type == kind.type


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.type)
def test_batch_fast_path_equals_plain_path(kind: DocumentKind) -> None:
    document = tdkt_docs.validate(_example(kind))
    if kind.plain_only(document):
        # The batch renders these the plain way; its fast path is checked without them.
        data = _example(kind)
        data.pop("appendices", None)
        document = tdkt_docs.validate(data)
    renderer = Renderer(kind.type)
    plain = tdkt_docs.render_bytes(document)
    for _ in range(2):  # the prepared template is reused: nothing may leak between records
        assert same_xml(renderer.render_bytes(document), plain)


def test_the_registry_names_each_kind_once() -> None:
    types = kinds.types()
    assert len(types) == len(set(types))
    assert {k.template_name for k in KINDS} == {p.name for p in (ROOT / "templates").iterdir()}
    assert all((EXAMPLES / k.example).is_file() for k in KINDS)
    assert "dispatch" in types and "report" in types


# --- A kind added from outside: the toy "thông báo" ------------------------------------------


class Notice(BodyDocument):
    """A thông báo: a type name, a trích yếu, a body, no Kính gửi."""

    TYPE_ABBREVIATION: ClassVar[str | None] = "TB"
    TYPE_NAME: ClassVar[str] = "thông báo"

    type: Literal["notice"] = "notice"


def notice_view(document: Notice, profile: Profile) -> dict[str, Any]:
    return {**common_view(document, profile), "body": parse_body(document.body)}


def build_notice(profile: Profile) -> bytes:
    document = new_document(profile)
    header_table(document, profile, subject=False)
    para(document, "type_title", "THÔNG BÁO")
    para(document, "type_extract", "{{ doc.subject }}")
    para(document, "type_extract_rule")
    template_tag(document, "for paragraph in doc.body")
    para(document, "body", "{{r paragraph }}")
    template_tag(document, "endfor")
    signature_table(document, profile)
    page_furniture(document)
    drop_unused_role_styles(document)
    return to_bytes(document, TEMPLATE_TIMESTAMP)


def notice_example() -> dict[str, Any]:
    data = _example(kinds.kind("dispatch"))
    data.pop("recipients")
    return {
        **data,
        "type": "notice",
        "symbol": "TB-SNV",
        "subject": "Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 9/2023",
        "distribution": ["Các phòng thuộc Sở"],
    }


@pytest.fixture
def notice(tmp_path: Path) -> Iterator[DocumentKind]:
    templates = tmp_path / "templates"
    templates.mkdir()
    kind = DocumentKind(
        model=Notice,
        name="thông báo",
        template_name="thong_bao.docx",
        build_template=build_notice,
        view=notice_view,
        example="thong_bao.yaml",
        type_title="THÔNG BÁO",
        template_dir=templates,
    )
    (templates / kind.template_name).write_bytes(build_notice(default_profile()))
    kinds.register(kind)
    try:
        yield kind
    finally:
        kinds.unregister("notice")


def test_a_new_kind_goes_through_every_part_of_the_package(
    notice: DocumentKind, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "notice" in kinds.types()
    # The loader and its messages.
    document = tdkt_docs.validate(notice_example())
    assert isinstance(document, Notice)
    with pytest.raises(tdkt_docs.DataError, match="starts with 'TB-'"):
        tdkt_docs.validate({**notice_example(), "symbol": "SNV"})
    with pytest.raises(tdkt_docs.DataError, match="did you mean 'notice'"):
        tdkt_docs.validate({**notice_example(), "type": "notise"})
    # Render, and read it back.
    path = tdkt_docs.render(document, tmp_path / "tb.docx")
    rendered = open_docx(path.read_bytes())
    assert [p.text for p in by_style(rendered, "ND30TenLoai")] == ["THÔNG BÁO"]
    assert rendered.core_properties.title == document.subject
    # The checker knows it by its type name, and the command line accepts its type.
    assert [f for f in tdkt_docs.check(path) if f.severity == "error"] == []
    assert main(["check", str(path), "--type", "notice", "--json"]) == 0
    capsys.readouterr()
    # The batch, fast path included, and the file name from the document's label.
    result = render_batch({**notice_example(), "subject": "{{ row.s }}"},
                          [{"s": "Kết luận họp giao ban"}], tmp_path / "batch")  # fmt: skip
    assert [p.name for p in result.written] == ["001-Kết-luận-họp-giao-ban.docx"]
    assert same_xml(Renderer("notice").render_bytes(document), tdkt_docs.render_bytes(document))
    # templates build writes its template too.
    written = {p.name for p in build_all(tmp_path / "built")}
    assert "thong_bao.docx" in written


def test_a_kind_cannot_be_registered_twice(notice: DocumentKind) -> None:
    with pytest.raises(ValueError, match="registered already"):
        kinds.register(DocumentKind(**{**notice.__dict__}))
