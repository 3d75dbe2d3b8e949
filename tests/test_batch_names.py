"""File names of a batch: safe on every system whatever the data holds, and never two alike."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tdkt_docs.batch.names import (
    MAX_NAME_BYTES,
    MAX_NAME_CHARS,
    NamePattern,
    UniqueNames,
    ascii_fold,
    safe_file_name,
    slugify,
)
from tdkt_docs.errors import DataError
from tests.test_escaping import VIETNAMESE_LETTERS

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                   *(f"LPT{i}" for i in range(10))}  # fmt: skip


def assert_safe(name: str, *, ascii_only: bool = False) -> None:
    assert name.endswith(".docx")
    assert not any(c in WINDOWS_FORBIDDEN for c in name), name
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in name), name
    assert ".." not in name and not name.startswith((".", " ", "-"))
    stem = name.removesuffix(".docx")
    assert stem and not stem.endswith((".", " "))
    assert stem.split(".")[0].upper() not in WINDOWS_DEVICES
    assert len(name) <= MAX_NAME_CHARS and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert unicodedata.is_normalized("NFC", name)
    if ascii_only:
        assert name.isascii()


hostile = st.text(
    alphabet=st.one_of(
        st.sampled_from(VIETNAMESE_LETTERS + "/\\:*?\"<>|. -_'&{}%#~\t\n\r\x00\x1f\x7f\u200b"),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=400,
)


@settings(max_examples=300, deadline=None)
@given(text=hostile, ascii_only=st.booleans())
@example(text="../../etc/passwd", ascii_only=False)
@example(text="..", ascii_only=False)
@example(text="CON", ascii_only=False)
@example(text="con.txt", ascii_only=False)
@example(text="LPT1 ", ascii_only=True)
@example(text="Ủy ban nhân dân " * 40, ascii_only=False)
@example(text="Ho\u0300a", ascii_only=False)
@example(text="😀" * 200, ascii_only=False)
@example(text="", ascii_only=False)
def test_any_text_gives_a_safe_name(text: str, ascii_only: bool) -> None:
    name = safe_file_name(f"001-{slugify(text, ascii_only=ascii_only)}", ascii_only=ascii_only)
    assert_safe(name, ascii_only=ascii_only)
    assert_safe(safe_file_name(text, ascii_only=ascii_only), ascii_only=ascii_only)


def test_vietnamese_is_kept_unless_ascii_is_asked() -> None:
    assert safe_file_name("001-UBND-huyện-Vạn-Ninh") == "001-UBND-huyện-Vạn-Ninh.docx"
    assert ascii_fold("Đắk Lắk, Thừa Thiên Huế") == "Dak Lak, Thua Thien Hue"
    assert slugify("UBND  huyện Vạn Ninh", ascii_only=True) == "UBND-huyen-Van-Ninh"
    assert slugify("Sở Y tế / Sở Tư pháp") == "Sở-Y-tế-Sở-Tư-pháp"


def test_nfd_input_gives_nfc_names() -> None:
    assert safe_file_name(unicodedata.normalize("NFD", "Khánh Hòa")) == "Khánh Hòa.docx"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../x", "x.docx"),
        ("a/../../b", "a-.-.-b.docx"),
        ("CON", "_CON.docx"),
        ("nul.docx", "_nul.docx"),
        ("tên   có\ttab", "tên có tab.docx"),
        ("...", "van-ban.docx"),
    ],
)
def test_examples(raw: str, expected: str) -> None:
    assert safe_file_name(raw) == expected


def test_collisions_get_a_suffix_case_and_form_insensitively() -> None:
    names = UniqueNames(reserved=["manifest.csv"])
    assert names.take("001-a.docx") == "001-a.docx"
    assert names.take("001-A.docx") == "001-A-2.docx"
    assert names.take("001-a.docx") == "001-a-3.docx"
    nfd = unicodedata.normalize("NFD", "Hòa.docx")
    assert names.take("Hòa.docx") == "Hòa.docx"
    assert names.take(nfd) == f"{nfd[:-5]}-2.docx"
    long = "x" * 115 + ".docx"
    assert names.take(long) == long
    second = names.take(long)
    assert second.endswith("-2.docx") and len(second) <= MAX_NAME_CHARS


def test_pattern_fields() -> None:
    pattern = NamePattern("{index:03d}-{code}-{Tên đơn vị}.docx", ["code", "Tên đơn vị"])
    fields = {"index": 7, "row": 8, "slug": "s", "code": "SYT", "Tên đơn vị": "Sở Y tế"}
    assert pattern.format(fields) == "007-SYT-Sở Y tế.docx"
    # a format that does not fit the value keeps the value rather than failing
    assert NamePattern("{code:03d}", ["code"]).format({"code": "SYT"}) == "SYT"


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{missing}.docx", "names {missing}, which is not one of"),
        ("letter.docx", "names no field"),
        ("{}.docx", "empty {}"),
        ("{index", "invalid pattern"),
        ("{index.__class__}", "which is not one of"),
    ],
)
def test_bad_patterns(pattern: str, message: str) -> None:
    with pytest.raises(DataError, match=message.replace("{", r"\{").replace("}", r"\}")):
        NamePattern(pattern, ["code"])
