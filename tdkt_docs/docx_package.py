"""DOCX packages as bytes: saved with fixed zip timestamps, so the same input gives the
same bytes (templates can be compared with a fresh build; batches are reproducible)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

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
