"""Every table cell holds a paragraph (ECMA-376 requires one; Word refuses to open a file
whose cell has none, and the Open XML SDK validator does not notice)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import tdkt_docs
from tdkt_docs.batch import render_batch
from tests.conftest import EXAMPLES, ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def cells_without_paragraph(data: bytes) -> list[str]:
    empty = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if not name.startswith("word/") or not name.endswith(".xml"):
                continue
            root = etree.fromstring(package.read(name))
            for cell in root.iter(f"{W}tc"):
                if cell.find(f"{W}p") is None:
                    empty.append(f"{name}: a cell of a table has no paragraph")
    return empty


@pytest.mark.parametrize(
    "source",
    [
        *sorted(p for p in EXAMPLES.glob("*.yaml") if "type:" in p.read_text("utf-8")),
        *sorted((ROOT / "templates").glob("*.docx")),
    ],
    ids=lambda p: p.name,
)
def test_every_cell_has_a_paragraph(source: Path) -> None:
    data = source.read_bytes() if source.suffix == ".docx" else tdkt_docs.render_bytes(source)
    assert cells_without_paragraph(data) == []


def test_batch_and_merge_cells(tmp_path: Path) -> None:
    result = render_batch(
        EXAMPLES / "reminders" / "don_doc.yaml",
        EXAMPLES / "reminders" / "don_vi_chua_gui.csv",
        tmp_path / "out",
        merge=tmp_path / "all.docx",
    )
    assert result.merged is not None
    for path in (result.written[0], result.merged):
        assert cells_without_paragraph(path.read_bytes()) == []


def test_the_check_can_fail() -> None:
    document = io.BytesIO()
    with zipfile.ZipFile(document, "w") as package:
        package.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W[1:-1]}"><w:body><w:tbl><w:tr><w:tc/></w:tr></w:tbl>'
            "</w:body></w:document>",
        )
    assert cells_without_paragraph(document.getvalue()) != []
