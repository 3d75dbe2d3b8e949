"""Vietnamese typed in the legacy 8-bit encodings TCVN3 (ABC) and VNI, found in Unicode text.

Before Unicode, Vietnamese documents used fonts whose upper-half byte values drew
Vietnamese letters. When such a document is opened or pasted today the bytes arrive as the
Windows-1252 / Latin-1 characters with the same values, so "Cộng hòa xã hội chủ nghĩa Việt
Nam" shows as:

* TCVN3 (TCVN 5712:1993 table VN3, ".VnTime" fonts): "Céng hßa x· héi chñ nghÜa ViÖt Nam".
  One byte per letter: 0xA1–0xA7 are Ă Â Ê Ô Ơ Ư Đ, 0xA8–0xAE are ă â ê ô ơ ư đ, and the
  60 lower-case letters with a tone mark have one byte each (0xB5–0xFE). The other capitals
  are ASCII. There are **no capitals with a tone mark**: old documents wrote them with the
  all-caps companion font (".VnTimeH") whose codes are those of the lower-case letters.
* VNI ("VNI-Times" fonts): "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam". A vowel is its ASCII
  base letter followed by one mark byte (tone, circumflex or breve, or a circumflex/breve
  combined with a tone); upper-case letters take upper-case mark bytes. đ, ơ, ư, ỵ and the
  toned i are single bytes.

The tables below are the whole of both encodings (tested in tests/test_legacy_encoding.py
by encoding every Vietnamese letter and converting it back). Both were also checked, letter by
letter, against two independent public converters (a TCVN3 table of 74 letters and the VNI
table of the xvnkb keyboard driver, 146 letters): no difference.

Detection rule (:func:`detect_legacy_encoding`)
-----------------------------------------------
1. A text that already holds a Unicode Vietnamese letter outside Latin-1 (ă, đ, ơ, ư, ạ, ế…)
   or a combining mark (NFD text) is not legacy text: ``None``.
2. For each encoding the text, without its e-mail and web addresses, is cut into words:
   runs of ASCII letters and of the characters the encoding uses. Then

   * *evidence* is a word with an ASCII letter and a legacy character that is **not** a
     Vietnamese syllable as written and **is** one once converted ("Céng" → "Cộng");
   * *counter-evidence* is a word with a legacy character that is not a syllable as
     written and does not convert to one ("Müller" → "Mỹller"), or a lower-case ASCII word
     that is not a syllable ("est", "the"): a sign of text in another language;
   * a word that has no vowel once converted is an abbreviation ("N§" → "NĐ") and counts
     for neither; nor do upper-case ASCII words ("UBND").

   A valid syllable here means a known initial consonant, a known rhyme (vần) and at most
   one tone mark, on a vowel, with stop finals (p, t, c, ch) only under sắc or nặng.
3. An encoding is detected when it has at least 2 distinct evidence words and at least
   four times as many evidence words as counter-evidence words. If both encodings qualify,
   the one with more evidence wins; a tie gives ``None``.

Genuine Vietnamese can never be evidence (its words are syllables as written), and English,
French or German words rarely convert into Vietnamese syllables, let alone two different
ones while no ordinary foreign word stands next to them. (Measured on 126 accented words
of nine European languages: only French "où" and "Loïc" read as VNI, and Portuguese "mãe"
as TCVN3; so the bare two-word text "Où Loïc" is a false positive, "Où est Loïc ?" is not.)

The price: a text with fewer than two distinct legacy-typed words (a lone "ViÖt", or a
heading typed entirely in single-letter words) is not detected; a text that mixes
legacy and Unicode Vietnamese is not detected; and a short text whose legacy words read as
syllables in both encodings is ambiguous and gives ``None`` (VNI "ñi nhö" is "đi như", but
in TCVN3 the same characters are the possible syllables "ủi nhử"). Real text nearly always
has tone marks, which settle it.

Conversion (:func:`convert_legacy`) and what it refuses
-------------------------------------------------------
Every table entry converts to one NFC letter. Characters outside the table that are not
letters (ASCII, digits, punctuation, spaces, symbols such as ° or “”) are kept as they are.
:class:`LegacyEncodingError` is raised instead of guessing when:

* a letter outside ASCII is not in the table: the encoding leaves that byte unused (TCVN3
  "À", "Í", "à", "º"; VNI "ç", "ý", "ß"…) so there is no reliable reading;
* a VNI mark byte does not follow a base letter that can carry it ("aù" is á, but "iù",
  "uâ" or a lone "ø" mean nothing);
* the text already contains Unicode Vietnamese letters or combining marks (mixed text: a
  genuine "à" cannot be told from a legacy byte).

Known limits: TCVN3 capitals typed in the all-caps ".VnTimeH" font come out in lower case,
since the case lived in the font and not in the bytes ("CéNG" → "CộNG"); TCVN3's ư is the
byte 0xAD (soft hyphen), which some tools delete, turning "Tr\\xadêng" into "Trêng"
("Trờng"): such text converts without error but wrongly. Fix both by hand.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from tdkt_docs.errors import TdktError

__all__ = [
    "LEGACY_ENCODINGS",
    "TCVN3_TO_UNICODE",
    "VNI_TO_UNICODE",
    "LegacyEncoding",
    "LegacyEncodingError",
    "convert_legacy",
    "detect_legacy_encoding",
]

LegacyEncoding = Literal["TCVN3", "VNI"]
LEGACY_ENCODINGS: tuple[LegacyEncoding, ...] = ("TCVN3", "VNI")

# ---------------------------------------------------------------------------------------
# Tables (data). Tone order everywhere: huyền (grave), hỏi (hook), ngã (tilde), sắc
# (acute), nặng (dot below), the order of the TCVN3 code points.
# ---------------------------------------------------------------------------------------

_TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

# TCVN3: the letters without a tone mark that have a code of their own.
_TCVN3_PLAIN = {
    "¡": "Ă",  # 0xA1
    "¢": "Â",  # 0xA2
    "£": "Ê",  # 0xA3
    "¤": "Ô",  # 0xA4
    "¥": "Ơ",  # 0xA5
    "¦": "Ư",  # 0xA6
    "§": "Đ",  # 0xA7
    "¨": "ă",  # 0xA8
    "©": "â",  # 0xA9
    "ª": "ê",  # 0xAA
    "«": "ô",  # 0xAB
    "¬": "ơ",  # 0xAC
    "\xad": "ư",  # 0xAD (soft hyphen)
    "®": "đ",  # 0xAE
}
# TCVN3: each lower-case vowel with its five tones, as five characters (bytes) in tone order.
_TCVN3_TONED = {
    "a": "µ¶·¸¹",  # 0xB5–0xB9
    "ă": "»¼½¾Æ",  # 0xBB–0xBE, 0xC6
    "â": "ÇÈÉÊË",  # 0xC7–0xCB
    "e": "ÌÎÏÐÑ",  # 0xCC, 0xCE–0xD1
    "ê": "ÒÓÔÕÖ",  # 0xD2–0xD6
    "i": "×ØÜÝÞ",  # 0xD7, 0xD8, 0xDC–0xDE
    "o": "ßáâãä",  # 0xDF, 0xE1–0xE4
    "ô": "åæçèé",  # 0xE5–0xE9
    "ơ": "êëìíî",  # 0xEA–0xEE
    "u": "ïñòóô",  # 0xEF, 0xF1–0xF4
    "ư": "õö÷øù",  # 0xF5–0xF9
    "y": "úûüýþ",  # 0xFA–0xFE
}

# VNI: mark bytes (lower-case form; the upper-case letter is the capital's mark).
_VNI_TONE_MARKS = "øûõùï"  # huyền, hỏi, ngã, sắc, nặng
_VNI_CIRCUMFLEX = "â"
_VNI_CIRCUMFLEX_TONES = "àåãáä"  # â with huyền, hỏi, ngã, sắc, nặng
_VNI_BREVE = "ê"
_VNI_BREVE_TONES = "èúüéë"  # ă with huyền, hỏi, ngã, sắc, nặng
# VNI: letters that are a single byte (a mark would clash with the dot of i or the tail of y).
_VNI_SINGLE = {
    "ñ": "đ",
    "ô": "ơ",
    "ö": "ư",
    "î": "ỵ",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "í": "í",
    "ò": "ị",
}
# VNI: the single-byte base letters ơ (ô) and ư (ö) take a tone byte like ASCII vowels.
_VNI_TONED_BASES = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ô": "ơ", "ö": "ư"}


def _compose(*parts: str) -> str:
    return unicodedata.normalize("NFC", "".join(parts))


def _build_tcvn3() -> dict[str, str]:
    table = dict(_TCVN3_PLAIN)
    for vowel, codes in _TCVN3_TONED.items():
        for code, tone in zip(codes, _TONES, strict=True):
            table[code] = _compose(vowel, tone)
    return table


def _build_vni() -> dict[str, str]:
    """Lower- and upper-case VNI sequences (1 or 2 characters) → Unicode letter."""
    lower: dict[str, str] = dict(_VNI_SINGLE)
    for legacy_base, vowel in _VNI_TONED_BASES.items():
        for mark, tone in zip(_VNI_TONE_MARKS, _TONES, strict=True):
            if legacy_base == "y" and tone == "\u0323":
                continue  # ỵ is the single byte î
            lower[legacy_base + mark] = _compose(vowel, tone)
    for vowel in "aeo":  # â, ê, ô
        lower[vowel + _VNI_CIRCUMFLEX] = _compose(vowel, "\u0302")
        for mark, tone in zip(_VNI_CIRCUMFLEX_TONES, _TONES, strict=True):
            lower[vowel + mark] = _compose(vowel, "\u0302", tone)
    lower["a" + _VNI_BREVE] = "ă"
    for mark, tone in zip(_VNI_BREVE_TONES, _TONES, strict=True):
        lower["a" + mark] = _compose("a", "\u0306", tone)
    table = dict(lower)
    table.update({legacy.upper(): letter.upper() for legacy, letter in lower.items()})
    return table


TCVN3_TO_UNICODE: Mapping[str, str] = MappingProxyType(_build_tcvn3())
"""TCVN3 character (its byte decoded as Latin-1) → Unicode letter; 74 entries."""

VNI_TO_UNICODE: Mapping[str, str] = MappingProxyType(_build_vni())
"""VNI sequence (1 or 2 characters, bytes decoded as Latin-1) → Unicode letter; 134 entries."""

# ---------------------------------------------------------------------------------------
# Vietnamese syllables, to judge a conversion. Rhymes are written without the tone mark.
# ---------------------------------------------------------------------------------------

_INITIALS_TEXT = "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x"
_RHYMES_TEXT = """
    a e ê i o ô ơ u ư y ia ua ưa uơ oa oe uê uy uya
    ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu iêu yêu uôi ươi ươu oai oao oay oeo uây uyu
    am an ang anh ap at ac ach    ăm ăn ăng ăp ăt ăc    âm ân âng âp ât âc
    em en eng ep et ec    êm ên ênh êp êt êch    im in inh ip it ich
    om on ong op ot oc oong ooc    ôm ôn ông ôp ôt ôc    ơm ơn ơp ơt
    um un ung up ut uc    ưm ưn ưng ưt ưc
    iêm iên iêng iêp iêt iêc    yêm yên yêt    uôm uôn uông uôt uôc
    ươm ươn ương ươp ươt ươc
    oam oan oang oanh oap oat oac oach    oăm oăn oăng oăt oăc    oem oen oet
    uân uâng uât    uên uênh uêch    uyn uynh uyp uyt uych uyên uyêt
"""
_INITIALS = sorted(_INITIALS_TEXT.split(), key=len, reverse=True)  # longest match first
_RHYMES = frozenset(_RHYMES_TEXT.split())
_STOP_FINALS = ("p", "t", "c", "ch")
_STOP_TONES = frozenset({"\u0301", "\u0323"})  # sắc, nặng
_FRONT_VOWELS = "eêiy"
_BASE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzăâêôơưđ")
_TONE_SET = frozenset(_TONES)


def _spelling_allows(initial: str, rhyme: str) -> bool:
    """Vietnamese spelling: k, gh, ngh before e, ê, i (y); c, g, ng elsewhere."""
    first = rhyme[0]
    if initial == "k":
        return first in _FRONT_VOWELS
    if initial in ("gh", "ngh"):
        return first in "eêi"
    if initial in ("c", "ng"):
        return first not in _FRONT_VOWELS
    if initial == "g":
        return first not in "eê"  # g + i is "gì", "gìn"
    return True


def _is_syllable(word: str) -> bool:
    """True when ``word`` (any case) is a well-formed Vietnamese syllable."""
    composed = unicodedata.normalize("NFC", word.lower())
    for char in composed:
        parts = unicodedata.normalize("NFD", char)
        if parts[0] not in "aeiouy" and any(mark in _TONE_SET for mark in parts):
            return False  # a "tone" on a consonant: ñ is n + tilde, not a ngã
    decomposed = unicodedata.normalize("NFD", composed)
    tones = [char for char in decomposed if char in _TONE_SET]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_SET))
    if not base or any(char not in _BASE_LETTERS for char in base):
        return False
    for initial in (*_INITIALS, ""):
        if not base.startswith(initial):
            continue
        rhyme = base[len(initial) :]
        if rhyme and rhyme not in _RHYMES:
            # gi and qu swallow a letter of the rhyme: gi-êng (iêng), qu-ynh (uynh)
            merged = {"gi": "i", "qu": "u"}.get(initial, "") + rhyme
            rhyme = merged if merged in _RHYMES else rhyme
        if rhyme not in _RHYMES or not _spelling_allows(initial, rhyme):
            continue
        if rhyme.endswith(_STOP_FINALS) and not (tones and tones[0] in _STOP_TONES):
            continue
        return True
    return False


# ---------------------------------------------------------------------------------------
# Conversion
# ---------------------------------------------------------------------------------------


class LegacyEncodingError(TdktError, ValueError):
    """Legacy text that cannot be converted reliably, or an unknown encoding name.

    ``encoding`` is the encoding asked for, ``position`` the 1-based position of the
    offending character (``None`` when the problem is not a character).
    """

    def __init__(self, message: str, *, encoding: str, position: int | None = None) -> None:
        self.encoding = encoding
        self.position = position
        super().__init__(message)


# Characters that only Unicode Vietnamese text has: letters beyond Latin-1 and combining
# marks (NFD). Legacy text, decoded byte by byte as Latin-1 / cp1252, contains neither.
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9\u0300-\u036f]")


def _check_not_unicode_vietnamese(text: str, encoding: str) -> None:
    match = _UNICODE_VIETNAMESE.search(text)
    if match:
        raise LegacyEncodingError(
            f"{encoding}: the text already contains the Unicode Vietnamese character "
            f"{match.group()!r} (U+{ord(match.group()):04X}) at position {match.start() + 1}; "
            "text mixing Unicode and legacy Vietnamese cannot be converted reliably",
            encoding=encoding,
            position=match.start() + 1,
        )


def _unmappable(encoding: str, text: str, index: int, why: str) -> LegacyEncodingError:
    char = text[index]
    return LegacyEncodingError(
        f"{encoding}: cannot convert {char!r} (U+{ord(char):04X}) at position {index + 1}: {why}",
        encoding=encoding,
        position=index + 1,
    )


def _convert_tcvn3(text: str) -> str:
    out = []
    for index, char in enumerate(text):
        letter = TCVN3_TO_UNICODE.get(char)
        if letter is not None:
            out.append(letter)
        elif char.isalpha() and not char.isascii():
            raise _unmappable("TCVN3", text, index, "TCVN3 has no letter at this code")
        else:
            out.append(char)
    return "".join(out)


_VNI_MARKS = frozenset(
    (_VNI_TONE_MARKS + _VNI_CIRCUMFLEX + _VNI_CIRCUMFLEX_TONES + _VNI_BREVE + _VNI_BREVE_TONES)
    + (_VNI_TONE_MARKS + _VNI_CIRCUMFLEX + _VNI_CIRCUMFLEX_TONES).upper()
    + (_VNI_BREVE + _VNI_BREVE_TONES).upper()
)


def _vni_pair(base: str, mark: str) -> str | None:
    """The letter of a VNI base + mark, or None. The base gives the case; a mark typed in
    the other case (``"Aù"``) means the same letter."""
    mark = mark.upper() if base.isupper() else mark.lower()
    return VNI_TO_UNICODE.get(base + mark)


def _convert_vni(text: str) -> str:
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        following = text[index + 1] if index + 1 < len(text) else ""
        pair = _vni_pair(char, following) if following in _VNI_MARKS else None
        if pair is not None:
            out.append(pair)
            index += 2
            continue
        letter = VNI_TO_UNICODE.get(char)
        if letter is not None:
            out.append(letter)
        elif char in _VNI_MARKS:
            raise _unmappable("VNI", text, index, "a VNI mark that no base letter can carry")
        elif char.isalpha() and not char.isascii():
            raise _unmappable("VNI", text, index, "VNI has no letter at this code")
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _encoding_name(encoding: str) -> LegacyEncoding:
    for name in LEGACY_ENCODINGS:
        if isinstance(encoding, str) and encoding.upper() == name:
            return name
    raise LegacyEncodingError(
        f"unknown legacy encoding {encoding!r}; use 'TCVN3' or 'VNI'", encoding=str(encoding)
    )


def convert_legacy(text: str, encoding: str) -> str:
    """Convert TCVN3 or VNI text (bytes decoded as Latin-1/cp1252) to NFC Unicode Vietnamese.

    ``encoding`` is ``"TCVN3"`` or ``"VNI"`` (any case). Raises :class:`LegacyEncodingError`
    where the reading would be a guess (see the module docstring).

    >>> convert_legacy("Céng hßa x· héi chñ nghÜa ViÖt Nam", "TCVN3")
    'Cộng hòa xã hội chủ nghĩa Việt Nam'
    >>> convert_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "VNI")
    'Cộng hòa xã hội chủ nghĩa Việt Nam'
    >>> convert_legacy("§iÒu 5. Tr\\xadêng", "TCVN3")
    'Điều 5. Trường'
    >>> convert_legacy("Ñoäc laäp - Töï do - Haïnh phuùc", "VNI")
    'Độc lập - Tự do - Hạnh phúc'
    >>> convert_legacy("ø", "VNI")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    tdkt_docs.vietnamese.legacy.LegacyEncodingError: VNI: cannot convert 'ø' (U+00F8) ...
    """
    name = _encoding_name(encoding)
    _check_not_unicode_vietnamese(text, name)
    converted = _convert_tcvn3(text) if name == "TCVN3" else _convert_vni(text)
    return unicodedata.normalize("NFC", converted)


# ---------------------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------------------

MIN_EVIDENCE_WORDS = 2
"""Distinct words that must read as Vietnamese only after conversion."""

MAX_COUNTER_EVIDENCE_SHARE = 0.2
"""At most this share of the words with legacy characters may fail to convert cleanly."""


def _word_pattern(legacy_characters: set[str]) -> re.Pattern[str]:
    others = "".join(sorted(char for char in legacy_characters if not char.isascii()))
    return re.compile(f"[A-Za-z{re.escape(others)}]+")


# One word pattern for both encodings: a word holding a character the other encoding uses
# must stay whole, so that it counts against an encoding that cannot convert it ("CHÖÙC"
# is VNI; cut at "Ù" it would read as the TCVN3 syllable "CHỂ").
_ALL_LEGACY = set(TCVN3_TO_UNICODE) | {char for sequence in VNI_TO_UNICODE for char in sequence}
_WORDS = {"TCVN3": _word_pattern(_ALL_LEGACY), "VNI": _word_pattern(_ALL_LEGACY)}
_CONVERTERS = {"TCVN3": _convert_tcvn3, "VNI": _convert_vni}


# E-mail addresses and web addresses are not words of any language.
_ADDRESSES = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+", re.IGNORECASE)


def _has_vowel(word: str) -> bool:
    return any(char in "aeiouyAEIOUY" for char in unicodedata.normalize("NFD", word))


def _evidence(text: str, encoding: LegacyEncoding) -> tuple[int, int]:
    """(distinct evidence words, distinct counter-evidence words) for ``encoding``."""
    evidence: set[str] = set()
    against: set[str] = set()
    for word in _WORDS[encoding].findall(_ADDRESSES.sub(" ", text)):
        if word.isascii():
            if word.islower() and _has_vowel(word) and not _is_syllable(word):
                against.add(word)  # a foreign word ("est", "the"): other-language text
            continue
        if _is_syllable(word):
            continue  # already a Vietnamese syllable as written
        try:
            converted = _CONVERTERS[encoding](word)
        except LegacyEncodingError:
            against.add(word.lower())
            continue
        if not _has_vowel(converted):
            continue  # an abbreviation such as "NĐ" or "TĐKT" is neither for nor against
        if not _is_syllable(converted):
            against.add(word.lower())
        elif any(char.isascii() for char in word):
            evidence.add(word.lower())
    return len(evidence), len(against)


def detect_legacy_encoding(text: str) -> LegacyEncoding | None:
    """``"TCVN3"`` or ``"VNI"`` when ``text`` is Vietnamese typed in that encoding, else None.

    The scoring rule and its limits are in the module docstring.

    >>> detect_legacy_encoding("Céng hßa x· héi chñ nghÜa ViÖt Nam")
    'TCVN3'
    >>> detect_legacy_encoding("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'VNI'
    >>> detect_legacy_encoding("Cộng hòa xã hội chủ nghĩa Việt Nam") is None
    True
    >>> detect_legacy_encoding("Herr Müller trinkt café in der Straße") is None
    True
    """
    if not isinstance(text, str) or _UNICODE_VIETNAMESE.search(text):
        return None
    scores: dict[LegacyEncoding, int] = {}
    for encoding in LEGACY_ENCODINGS:
        evidence, against = _evidence(text, encoding)
        total = evidence + against
        if evidence >= MIN_EVIDENCE_WORDS and against <= MAX_COUNTER_EVIDENCE_SHARE * total:
            scores[encoding] = evidence
    if not scores:
        return None
    best = max(scores.values())
    winners = [encoding for encoding, score in scores.items() if score == best]
    if len(winners) > 1:
        # A tie is broken by what each encoding can hold: "OÏ … hoà löu" is VNI, as TCVN3
        # has no "à"; a text both can read stays undecided.
        winners = [encoding for encoding in winners if _convertible(text, encoding)]
    return winners[0] if len(winners) == 1 else None


def _convertible(text: str, encoding: LegacyEncoding) -> bool:
    try:
        convert_legacy(text, encoding)
    except LegacyEncodingError:
        return False
    return True
