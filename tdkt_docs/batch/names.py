"""File names of a batch: from a pattern, safe on every system, never two alike.

A name may hold Vietnamese letters (or only ASCII, on request), but never a path
separator, ``..``, a control character, a character Windows refuses, or a Windows device
name such as ``CON``; it has at most 120 characters and 240 UTF-8 bytes (file systems
count bytes, and a Vietnamese letter takes up to three). Names that differ only in case
or Unicode form are the same file on Windows and macOS, so they count as collisions.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from tdkt_docs.errors import DataError

DEFAULT_PATTERN = "{index:03d}-{slug}.docx"
MAX_NAME_CHARS = 120
MAX_NAME_BYTES = 240
FALLBACK_STEM = "van-ban"

_WINDOWS_DEVICES = {
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
    *(f"COM{n}" for n in "0123456789¹²³"), *(f"LPT{n}" for n in "0123456789¹²³"),
}  # fmt: skip
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u2028\u2029\ufeff\u200b-\u200f]')
_DASHES = re.compile(r"-{2,}")
_DOTS = re.compile(r"\.{2,}")


def ascii_fold(text: str) -> str:
    """Vietnamese letters without their marks: ``Đắk Lắk`` → ``Dak Lak``."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.encode("ascii", "ignore").decode("ascii")


def slugify(text: str, *, ascii_only: bool = False) -> str:
    """Words joined by ``-``, unsafe characters dropped: ``UBND huyện Vạn Ninh`` →
    ``UBND-huyện-Vạn-Ninh``."""
    text = unicodedata.normalize("NFC", text)
    if ascii_only:
        text = ascii_fold(text)
    text = _UNSAFE.sub(" ", text)
    words = re.findall(r"[^\s]+", text)
    return _DASHES.sub("-", "-".join(words)).strip("-.")


def _truncate(stem: str, suffix: str) -> str:
    while stem and (
        len(stem) + len(suffix) > MAX_NAME_CHARS
        or len((stem + suffix).encode("utf-8")) > MAX_NAME_BYTES
    ):
        stem = stem[:-1]
    return stem.rstrip(" .-")


def safe_file_name(name: str, *, suffix: str = ".docx", ascii_only: bool = False) -> str:
    """``name`` made safe as one file name in a folder, ending in ``suffix``."""
    name = unicodedata.normalize("NFC", name)
    if ascii_only:
        name = ascii_fold(name)
    if name.lower().endswith(suffix):
        name = name[: -len(suffix)]
    stem = _UNSAFE.sub("-", re.sub(r"[\t\n\r]", " ", name))
    stem = " ".join(stem.split())  # runs of spaces
    stem = _DOTS.sub(".", stem)  # never "..": no climbing out of the folder
    stem = _DASHES.sub("-", stem).strip(" .-")  # Windows drops trailing dots and spaces
    if stem.split(".")[0].strip().upper() in _WINDOWS_DEVICES:
        stem = f"_{stem}"
    stem = _truncate(stem, suffix) or FALLBACK_STEM
    return stem + suffix


class NamePattern:
    """A file-name pattern such as ``{index:03d}-{slug}.docx``.

    Fields: ``index`` (1, 2, … in the order of the data), ``row`` (the row number in the
    data file), ``slug`` (from the recipient) and any column of the data, by its name:
    ``{code}-{Tên đơn vị}.docx``. Only names are looked up: ``{a.b}`` means the column
    named "a.b", never an attribute.
    """

    def __init__(self, pattern: str, columns: Iterable[str]) -> None:
        self.pattern = pattern
        self._parts: list[tuple[str, str | None, str, str | None]] = []
        known = {"index", "row", "slug", *columns}
        try:
            parsed = list(string.Formatter().parse(pattern))
        except ValueError as exc:
            raise DataError.single("--name", "", f"invalid pattern {pattern!r}: {exc}") from exc
        for literal, field, spec, conversion in parsed:
            if field == "":
                raise DataError.single("--name", "", "empty {} in the pattern: name a field")
            if field is not None and field not in known:
                columns_text = ", ".join(sorted(known))
                raise DataError.single(
                    "--name", "", f"the pattern {pattern!r} names {{{field}}}, which is not "
                    f"one of {columns_text}",
                )  # fmt: skip
            self._parts.append((literal, field, spec or "", conversion))
        if not any(field for _, field, _, _ in self._parts):
            raise DataError.single(
                "--name", "", f"the pattern {pattern!r} names no field: every file would have "
                "the same name; use {index} or a column",
            )  # fmt: skip

    def format(self, fields: Mapping[str, Any]) -> str:
        """The raw name for one row (not yet made safe)."""
        out = []
        for literal, field, spec, conversion in self._parts:
            out.append(literal)
            if field is None:
                continue
            value = fields[field]
            if conversion == "r":
                value = repr(value)
            elif conversion in {"s", "a"}:
                value = str(value)
            try:
                out.append(format(value, spec))
            except (ValueError, TypeError):
                out.append(str(value))  # "{code:03d}" on a text cell: keep the text
        return "".join(out)


class UniqueNames:
    """Hands out names that differ from every name taken so far (``-2``, ``-3``, …)."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._taken = {self._key(name) for name in reserved}

    @staticmethod
    def _key(name: str) -> str:
        return unicodedata.normalize("NFC", name).casefold()

    def take(self, name: str, suffix: str = ".docx") -> str:
        candidate = name
        counter = 1
        while self._key(candidate) in self._taken:
            counter += 1
            stem = _truncate(name[: -len(suffix)], f"-{counter}{suffix}")
            candidate = f"{stem}-{counter}{suffix}"
        self._taken.add(self._key(candidate))
        return candidate
