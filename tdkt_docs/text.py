"""Text hygiene at the input boundary: NFC, no control characters, tidy whitespace.

Every string that comes from user data passes through here before it reaches a model, so
the rest of the package can rely on NFC text without control characters. Control
characters are refused rather than dropped: in a DOCX they either break the XML or are
turned into line and page breaks by the template engine.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from tdkt_docs.vietnamese.legacy import LegacyEncodingError, convert_legacy, detect_legacy_encoding

# C0/C1 controls, except tab and newline which multi-line fields may use; also the
# Unicode line/paragraph separators, which Word would show as breaks.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WHITESPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode normal form C (composed Vietnamese letters)."""
    return unicodedata.normalize("NFC", text)


def find_forbidden(text: str) -> str | None:
    """Describe the first character that may not appear in a document, or ``None``."""
    for pattern in (_FORBIDDEN, _SURROGATE):
        match = pattern.search(text)
        if match:
            char = match.group()
            return f"control character U+{ord(char):04X} at position {match.start() + 1}"
    return None


# Cached: a batch of letters repeats the same agency, signer and paragraph lines each row.
@functools.lru_cache(maxsize=1024)
def refuse_legacy_encoding(text: str) -> None:
    """Raise ``ValueError`` when ``text`` was typed in a legacy font encoding (TCVN3 for
    .VnTime, VNI for VNI-Times): it would print as gibberish in Times New Roman."""
    encoding = detect_legacy_encoding(text)
    if encoding is None:
        return
    font = ".VnTime" if encoding == "TCVN3" else "VNI-Times"
    excerpt = text if len(text) <= 60 else text[:57] + "..."
    try:
        suggestion = f"; in Unicode it reads {convert_legacy(excerpt, encoding)!r}"
    except LegacyEncodingError:
        suggestion = ""
    raise ValueError(
        f"{excerpt!r} is {encoding} text (typed with the {font} font), not Unicode"
        f"{suggestion}; retype it or convert it with tdkt_docs.convert_legacy"
    )


@functools.lru_cache(maxsize=1024)
def clean_line(text: str) -> str:
    """NFC-normalise a single-line value and collapse every run of whitespace to one space.

    Raises ``ValueError`` (turned into a field error by the models) for control characters.
    """
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    problem = find_forbidden(text)
    if problem:
        raise ValueError(f"must not contain a {problem}")
    text = _WHITESPACE.sub(" ", text).strip()
    refuse_legacy_encoding(text)
    return text


def clean_data(data: object) -> object:
    """:func:`clean_line` on every string of data read from a file (mappings and lists
    walked), as for any user data: NFC, single spaces, legacy text refused."""
    if isinstance(data, str):
        return clean_line(data)
    if isinstance(data, dict):
        return {key: clean_data(value) for key, value in data.items()}
    if isinstance(data, list):
        return [clean_data(value) for value in data]
    return data


def clean_block(text: str) -> str:
    """NFC-normalise a multi-line value: keep line breaks, tidy spaces and tabs inside lines."""
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    problem = find_forbidden(text)
    if problem:
        raise ValueError(f"must not contain a {problem}")
    return "\n".join(_clean_block_line(line) for line in text.split("\n")).strip("\n")


@functools.lru_cache(maxsize=1024)  # the letters of a batch share most of their lines
def _clean_block_line(line: str) -> str:
    cleaned = _SPACES.sub(" ", line).strip()
    refuse_legacy_encoding(cleaned)  # line by line: one pasted paragraph is enough to refuse
    return cleaned


@functools.lru_cache(maxsize=1024)
def is_all_caps(text: str) -> bool:
    """True when every letter of ``text`` is a capital (Vietnamese letters included)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c == c.upper() for c in letters)


_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff")


def match_key(text: str) -> str:
    """How typed values are compared with headings and list values: NFC, case-folded,
    invisible characters dropped, whitespace collapsed.

    >>> match_key("  Bằng  KHEN\\u200b ") == match_key("bằng khen")
    True
    """
    folded = unicodedata.normalize("NFC", text).translate(_INVISIBLE).casefold()
    return " ".join(unicodedata.normalize("NFC", folded).split())


def without_marks(text: str) -> str:
    """``match_key`` without Vietnamese tone and vowel marks ("đ" → "d"): how a value typed
    without its marks ("ca nhan") is recognised for a suggestion.

    >>> without_marks("Cá Nhân, Hộ Gia Đình")
    'ca nhan, ho gia dinh'
    """
    decomposed = unicodedata.normalize("NFD", match_key(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
