"""Cut single models out of Phụ lục III (Phuluc3.docx) into standalone DOCX files.

    python tests/data/official/cut_models.py

Each model of Phụ lục III sits between its heading ("Mẫu 1.2 - Quyết định …") and the next
model's heading. The cut keeps the body elements strictly between the two headings (the
header table, the model's paragraphs, the signature table and the model's "Ghi chú"
table) and the document's own section properties; every other part of the package
(styles, numbering, theme, headers, settings) is copied unchanged. The heading itself is
left out: it names the model inside the appendix and is no part of the document.

The output is byte-for-byte reproducible (fixed zip timestamps), so a test can check that
the committed files are what this script makes.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HERE = Path(__file__).resolve().parent
SOURCE = HERE / "Phuluc3.docx"
MODELS = {
    "mau_1_2_quyet_dinh.docx": ("Mẫu 1.2 -", "Mẫu 1.3 -"),
    "mau_1_4_van_ban_co_ten_loai.docx": ("Mẫu 1.4 -", "Mẫu 1.5 -"),
    "mau_1_9_bien_ban.docx": ("Mẫu 1.9 -", "Mẫu 1.10 -"),
}
"""File name: (the model's heading, the next model's heading), as their text begins."""
TIMESTAMP = (2020, 3, 5, 0, 0, 0)
"""The date of Nghị định 30/2020/NĐ-CP, for every member of the written zip."""


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t")).strip()


def cut(source: Path, start: str, stop: str) -> bytes:
    """The DOCX holding the body elements of ``source`` between the paragraph whose text
    begins with ``start`` and the one beginning with ``stop`` (both left out)."""
    with zipfile.ZipFile(source) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    parts = dict(members)
    document = etree.fromstring(parts["word/document.xml"])
    body = document.find(f"{W}body")
    assert body is not None
    children = list(body)
    headings = [i for i, child in enumerate(children) if child.tag == f"{W}p"]
    first = next(i for i in headings if _text(children[i]).startswith(start))
    last = next(i for i in headings if i > first and _text(children[i]).startswith(stop))
    section = children[-1]
    assert section.tag == f"{W}sectPr", "the body ends with its section properties"
    for index, child in enumerate(children):
        if not first < index < last and child is not section:
            body.remove(child)
    parts["word/document.xml"] = etree.tostring(
        document, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, _ in members:
            archive.writestr(zipfile.ZipInfo(name, TIMESTAMP), parts[name], zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> int:
    for name, (start, stop) in MODELS.items():
        (HERE / name).write_bytes(cut(SOURCE, start, stop))
        print(HERE / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
