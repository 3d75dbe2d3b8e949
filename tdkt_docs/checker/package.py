"""Opening a DOCX that may be hostile: size and count limits before anything is parsed.

A zip bomb is refused from the central directory alone (declared sizes), before any part
is decompressed; ``zipfile`` never returns more than the declared size of a part, and the
CRC check catches a part that lies about it. XML is parsed with entity resolution, DTD
loading and network access off.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tdkt_docs.errors import UnreadableDocumentError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PARTS = 2000
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # decompressed / compressed, per part: real DOCX parts stay far below

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_blank_text=False,
)


@dataclass(frozen=True)
class Package:
    """The XML parts of a DOCX, parsed safely, by part name."""

    path: str
    parts: dict[str, etree._Element]
    data: bytes

    def part(self, name: str) -> etree._Element | None:
        return self.parts.get(name)


def open_package(path: str | Path) -> Package:
    """Read ``path`` as a DOCX within the limits above, or raise UnreadableDocumentError."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableDocumentError(path, f"cannot read the file: {exc.strerror}") from exc
    if size > MAX_FILE_BYTES:
        raise UnreadableDocumentError(path, f"the file is {size} bytes, over {MAX_FILE_BYTES}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableDocumentError(path, f"cannot read the file: {exc.strerror}") from exc
    return read_package(data, str(path))


def read_package(data: bytes, name: str) -> Package:
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise UnreadableDocumentError(name, "an encrypted (password-protected) or old .doc file")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableDocumentError(name, "not a DOCX (not a zip package)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise UnreadableDocumentError(name, f"corrupt zip package: {exc}") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise UnreadableDocumentError(
                name, f"{len(infos)} parts, over the limit of {MAX_PARTS}"
            )
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise UnreadableDocumentError(name, "the package is encrypted")
            if info.file_size > MAX_PART_BYTES:
                raise UnreadableDocumentError(
                    name, f"part {info.filename} decompresses to {info.file_size} bytes"
                )
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
                raise UnreadableDocumentError(
                    name, f"part {info.filename} has a compression ratio typical of a zip bomb"
                )
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UnreadableDocumentError(name, f"the parts decompress to {total} bytes")
        names = {info.filename for info in infos}
        if "word/document.xml" not in names:
            raise UnreadableDocumentError(name, "not a Word document (no word/document.xml)")
        parts: dict[str, etree._Element] = {}
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                raw = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                raise UnreadableDocumentError(name, f"corrupt part {info.filename}: {exc}") from exc
            try:
                parts[info.filename] = etree.fromstring(raw, _PARSER)
            except etree.XMLSyntaxError as exc:
                raise UnreadableDocumentError(
                    name, f"broken XML in {info.filename}: {exc}"
                ) from exc
    return Package(name, parts, data)
