"""DOCX packages as bytes: saved with fixed zip timestamps, so the same input gives the
same bytes (templates can be compared with a fresh build; batches are reproducible)."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from docx.document import Document


def to_bytes(document: Document, timestamp: dt.datetime) -> bytes:
    """Save ``document`` and rewrite the zip with every entry dated ``timestamp``."""
    raw = io.BytesIO()
    document.save(raw)
    return normalise_zip(raw.getvalue(), timestamp)


def normalise_zip(data: bytes, timestamp: dt.datetime) -> bytes:
    stamp = (
        max(timestamp.year, 1980),
        timestamp.month,
        timestamp.day,
        timestamp.hour,
        timestamp.minute,
        timestamp.second,
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            entry.create_system = 0
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return out.getvalue()


# --- Assembling packages from pre-compressed parts -------------------------------------
# A batch writes thousands of packages that differ in two or three parts. The unchanged
# parts are compressed once and their bytes copied into every package; the zip records
# around them are written here exactly as ``zipfile`` writes them in ``normalise_zip``, so
# both ways give byte-identical files (tests/test_batch_fast_path.py holds them to that).

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")
_END_RECORD = struct.Struct("<4s4H2LH")
_DEFLATE_LEVEL = 6
_ZIP_VERSION = 20  # 2.0: deflate
_UTF8_NAME_FLAG = 0x800
_EXTERNAL_ATTR = 0o600 << 16


@dataclass(frozen=True)
class PackedPart:
    """One package part, compressed once: copied as is into every package that holds it."""

    name: str
    crc: int
    size: int
    compressed: bytes

    @classmethod
    def pack(cls, name: str, data: bytes) -> PackedPart:
        compressor = zlib.compressobj(_DEFLATE_LEVEL, zlib.DEFLATED, -15)
        compressed = compressor.compress(data) + compressor.flush()
        return cls(name, zlib.crc32(data), len(data), compressed)


def _dos_time(timestamp: dt.datetime) -> tuple[int, int]:
    year = max(timestamp.year, 1980)
    date = (year - 1980) << 9 | timestamp.month << 5 | timestamp.day
    time = timestamp.hour << 11 | timestamp.minute << 5 | timestamp.second // 2
    return date, time


def assemble(parts: list[PackedPart], timestamp: dt.datetime) -> bytes:
    """A zip of ``parts`` in order, every entry dated ``timestamp`` (as ``normalise_zip``)."""
    date, time = _dos_time(timestamp)
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for part in parts:
        try:
            name = part.name.encode("ascii")
            flags = 0
        except UnicodeEncodeError:
            name = part.name.encode("utf-8")
            flags = _UTF8_NAME_FLAG
        header = _LOCAL_HEADER.pack(
            b"PK\x03\x04", _ZIP_VERSION, 0, flags, zipfile.ZIP_DEFLATED, time, date,
            part.crc, len(part.compressed), part.size, len(name), 0,
        )  # fmt: skip
        chunks += (header, name, part.compressed)
        # made by v2.0 (MS-DOS), needs v2.0; no extra field, comment, disk or internal attrs
        record = (
            b"PK\x01\x02", _ZIP_VERSION, 0, _ZIP_VERSION, 0, flags, zipfile.ZIP_DEFLATED, time,
            date, part.crc, len(part.compressed), part.size, len(name), 0, 0, 0, 0,
            _EXTERNAL_ATTR, offset,
        )  # fmt: skip
        central.append(_CENTRAL_HEADER.pack(*record) + name)
        offset += len(header) + len(name) + len(part.compressed)
    directory = b"".join(central)
    end = _END_RECORD.pack(b"PK\x05\x06", 0, 0, len(parts), len(parts), len(directory), offset, 0)
    return b"".join(chunks) + directory + end


def unpack_parts(package: bytes) -> list[tuple[str, bytes]]:
    """The parts of a saved package, in the order python-docx wrote them."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
