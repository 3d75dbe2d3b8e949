"""Writing files safely: nothing partial is ever left at the destination.

The bytes go to a temporary file in the destination's folder, are flushed to disk, then
``os.replace`` moves them into place in one step, and the folder is flushed too.
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


def write_atomic(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; refuse an existing file unless ``overwrite``.

    The file is flushed to disk before it is moved into place, and the folder after, so
    a power cut leaves either the old file or the whole new one.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError("is a folder; give a file name ending in .docx", path=path)
    if path.exists() and not overwrite:
        raise OutputExistsError("already exists", path=path)
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
            temp.flush()
            os.fsync(temp.fileno())
        Path(temp_name).chmod(0o644)
        Path(temp_name).replace(path)  # os.replace: atomic on one file system
        sync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise OutputError(f"cannot write the file: {exc.strerror}", path=path) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise
    return path


def write_synced(path: Path, data: bytes) -> None:
    """Write a new file and flush it to disk (the caller moves it into place later and
    then calls :func:`sync_folder`)."""
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (files created, renamed or removed in it) to disk.

    Only this folder: never a machine-wide ``os.sync``, which would flush every file
    system of the machine. Where a folder cannot be opened (Windows), this does nothing.
    """
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is synced
    finally:
        os.close(descriptor)


def write_stream(stream: BinaryIO, data: bytes) -> None:
    """Write the whole document to an open binary stream."""
    try:
        stream.write(data)
    except (OSError, ValueError, TypeError) as exc:
        raise OutputError(f"cannot write to the stream: {exc}") from exc
