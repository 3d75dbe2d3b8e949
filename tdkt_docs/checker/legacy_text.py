"""Legacy-encoded (TCVN3, VNI) passages in a paragraph, found run by run, and their
Unicode reading; the encodings themselves are :mod:`tdkt_docs.vietnamese.legacy`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from tdkt_docs.vietnamese.legacy import (
    MIN_EVIDENCE_WORDS,
    LegacyEncoding,
    LegacyEncodingError,
    convert_legacy,
    detect_legacy_encoding,
)

# Legacy bytes decoded as Latin-1/cp1252 give no letter beyond Latin-1 (ă, đ, ơ, ư, ạ, ế…)
# and no combining mark: a word holding one is Unicode. (cp1252 does give some characters
# beyond Latin-1, such as “ ” – …, but none of them is a letter.)
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")
# Every character of both legacy tables lies in Latin-1's upper half. Vietnamese writes
# some of those letters itself (à, é, ô…); the others (®, ¸, Þ, ö…) never occur in a
# Vietnamese word.
_UPPER_LATIN1 = re.compile(r"[\xa1-\xff]")
_VIETNAMESE_LATIN1 = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
_LEGACY_SIGN = re.compile(
    "["
    + re.escape("".join(c for c in map(chr, range(0xA1, 0x100)) if c not in _VIETNAMESE_LATIN1))
    + "]"
)


def _unicode_only(text: str) -> bool:
    return any(
        char.isalpha() or unicodedata.combining(char)
        for char in (match.group() for match in _BEYOND_LATIN1.finditer(text))
    )


def _distinct_words(pattern: re.Pattern[str], text: str) -> int:
    return len({word.lower() for word in text.split() if pattern.search(word)})


def legacy_passages(runs: Sequence[str]) -> Iterator[tuple[str, LegacyEncoding]]:
    """The passages typed in TCVN3 or VNI in a paragraph given as its runs' texts, each with
    its encoding.

    A legacy passage is typed in a font of its own, so it is a run or a stretch of runs
    that hold no letter only Unicode can write; such runs are read together (Word splits
    runs anywhere). A run that holds such letters is Unicode text; when it also shows
    characters Vietnamese never uses (®, ¸, Þ, ö…) in two words or more, a legacy sentence
    may have been pasted into it as plain text, and it is cut at the words only Unicode
    writes. Genuine Vietnamese is never read as legacy text (see
    :mod:`tdkt_docs.vietnamese.legacy`).
    """
    pieces: list[str] = []
    joined = ""
    for text in runs:
        if not _unicode_only(text):
            joined += text
            continue
        pieces.append(joined)
        joined = ""
        if _distinct_words(_LEGACY_SIGN, text) < MIN_EVIDENCE_WORDS:
            continue  # plain Unicode text: the common case, done quickly
        piece = ""
        for word in re.split(r"(\s+)", text):
            if word.strip() and _unicode_only(word):
                pieces.append(piece)
                piece = ""
            else:
                piece += word
        pieces.append(piece)
    pieces.append(joined)
    for piece in pieces:
        # Each evidence word of the detection holds a legacy character: skip a piece with
        # fewer such words than the detection needs.
        if _distinct_words(_UPPER_LATIN1, piece) >= MIN_EVIDENCE_WORDS:
            passage = piece.strip()
            encoding = detect_legacy_encoding(passage)
            if encoding is not None:
                yield passage, encoding


def unicode_reading(passage: str, encoding: LegacyEncoding) -> str:
    """``passage`` converted to Unicode; a word the encoding cannot read is kept as it is."""
    try:
        return convert_legacy(passage, encoding)
    except LegacyEncodingError:
        words = re.split(r"(\s+)", passage)
        return "".join(_convert_or_keep(word, encoding) for word in words)


def _convert_or_keep(word: str, encoding: LegacyEncoding) -> str:
    try:
        return convert_legacy(word, encoding)
    except LegacyEncodingError:
        return word
