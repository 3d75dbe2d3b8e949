"""Writing files safely: nothing partial is ever left at the destination.

The bytes go to a temporary file in the destination's folder, are flushed to disk, then
``os.replace`` moves them into place in one step.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from tdkt_docs.errors import OutputError, OutputExistsError

TEMP_SUFFIX = ".tdkt.tmp"
"""Temporary files end so: hidden (a leading dot), never mistaken for a document, and
recognisable, so a batch can remove what a killed run left behind."""


def write_atomic(
    path: str | Path, data: bytes, *, overwrite: bool = False, durable: bool = True
) -> Path:
    """Write ``data`` to ``path`` atomically; refuse an existing file unless ``overwrite``.

    ``durable=False`` skips the flush to disk (a batch flushes once at its end); the file
    still appears complete or not at all.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError("is a folder; give a file name ending in .docx", path=path)
    if path.exists() and not overwrite:
        raise OutputExistsError(
            "already exists",
            path=path,
        )
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"the folder {folder} does not exist", path=path)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}", path=path) from exc
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            if durable:
                temp.flush()
                os.fsync(temp.fileno())
        Path(temp_name).chmod(0o644)
        Path(temp_name).replace(path)  # os.replace: atomic on one file system
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise OutputError(f"cannot write the file: {exc.strerror}", path=path) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise
    return path


def write_stream(stream: BinaryIO, data: bytes) -> None:
    """Write the whole document to an open binary stream."""
    try:
        stream.write(data)
    except (OSError, ValueError, TypeError) as exc:
        raise OutputError(f"cannot write to the stream: {exc}") from exc
