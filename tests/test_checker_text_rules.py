"""The two text rules of the checker: the signing-authority line (``authority.text``) and
legacy-encoded text in any run (``text.legacy_encoding``)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tdkt_docs.checker.detect import authority_problem, is_authority_line
from tdkt_docs.checker.legacy_text import legacy_passages, unicode_reading
from tdkt_docs.vietnamese import detect_legacy_encoding
from tests.test_legacy_encoding import CASES, ENCODERS, WRITABLE, vietnamese_text

# --- authority.text -----------------------------------------------------------------------

RIGHT = [
    "TM. ỦY BAN NHÂN DÂN",
    "KT. GIÁM ĐỐC",
    "KT. CHỦ TỊCH",
    "TL. BỘ TRƯỞNG",
    "TUQ. GIÁM ĐỐC",
    "Q. GIÁM ĐỐC",
    "GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "CHÁNH VĂN PHÒNG",
    "CHỦ TỊCH UBND TP. NHA TRANG",
    # The official models' placeholders and examples (Phụ lục I and III of ND30).
    "TM. CƠ QUAN, TỔ CHỨC",
    "KT. THỦ TRƯỞNG",
    "Q. THỦ TRƯỞNG",
    "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ",
    "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ7",
    "KT.\u00a0GIÁM ĐỐC",  # a non-breaking space is a space
    "Kt. Giám đốc",  # the case is authority.format's business
]


@pytest.mark.parametrize("line", RIGHT)
def test_right_authority_lines(line: str) -> None:
    assert authority_problem(line) is None


WRONG = [
    ("KT GIÁM ĐỐC", '"KT." có dấu chấm: KT. GIÁM ĐỐC'),
    ("TM ỦY BAN NHÂN DÂN", '"TM." có dấu chấm: TM. ỦY BAN NHÂN DÂN'),
    ("Q GIÁM ĐỐC", '"Q." có dấu chấm: Q. GIÁM ĐỐC'),
    ("GĐ. GIÁM ĐỐC", "TM., KT., TL., TUQ. hoặc Q. trước chức vụ, hoặc chỉ ghi chức vụ: GIÁM ĐỐC"),
    ("PGĐ. GIÁM ĐỐC", "TM., KT., TL., TUQ. hoặc Q. trước chức vụ, hoặc chỉ ghi chức vụ: GIÁM ĐỐC"),
    ("T/M. ỦY BAN NHÂN DÂN", '"TM." không có dấu "/": TM. ỦY BAN NHÂN DÂN'),
    ("K/T GIÁM ĐỐC", '"KT." không có dấu "/": KT. GIÁM ĐỐC'),
    ("KT.GIÁM ĐỐC", 'một dấu cách sau "KT.": KT. GIÁM ĐỐC'),
    ("KT.", "chức vụ sau KT.: KT. <chức vụ người đứng đầu>"),
]


@pytest.mark.parametrize(("line", "expected"), WRONG)
def test_wrong_authority_lines(line: str, expected: str) -> None:
    assert authority_problem(line) == (line, expected)


@pytest.mark.parametrize(
    ("line", "authority"),
    [
        ("KT. GIÁM ĐỐC", True),
        ("KT GIÁM ĐỐC", True),
        ("GĐ. GIÁM ĐỐC", True),
        ("Kt. Giám đốc", True),
        ("PHÓ GIÁM ĐỐC", False),
        ("TS. Nguyễn Văn A", False),  # a name with a degree, not a prefix
        ("I. MỤC ĐÍCH, YÊU CẦU", False),  # a heading numbered in Roman numerals
        ("Huỳnh Mạnh Thắng", False),
    ],
)
def test_which_signature_lines_carry_a_prefix(line: str, authority: bool) -> None:
    assert is_authority_line(line) is authority


# --- text.legacy_encoding ------------------------------------------------------------------

TCVN3 = "Së Néi vô ®Ò nghÞ c¸c ®¬n vÞ göi danh s¸ch"
VNI = "Sôû Noäi vuï ñeà nghò caùc ñôn vò göûi danh saùch"
READING = "Sở Nội vụ đề nghị các đơn vị gửi danh sách"


@pytest.mark.parametrize(
    ("runs", "passages"),
    [
        ([TCVN3], [(TCVN3, "TCVN3")]),
        ([VNI], [(VNI, "VNI")]),
        # A run of its own after Unicode text: the paragraph as a whole is mixed.
        (["Nhằm tiếp tục triển khai một số nội dung sau: ", TCVN3], [(TCVN3, "TCVN3")]),
        # Word splits runs anywhere: the pieces are read together.
        (
            ["Thực hiện kế hoạch, ", "Së N", "éi vô ®Ò ", "nghÞ c¸c ®¬n vÞ"],
            [("Së Néi vô ®Ò nghÞ c¸c ®¬n vÞ", "TCVN3")],
        ),
        # Pasted as plain text into a Unicode run: cut at the words only Unicode writes.
        ([f"Thực hiện: {VNI}. Đề nghị thực hiện."], [(f"{VNI}.", "VNI")]),
        ([f"{TCVN3}; đồng thời {VNI}"], [(f"{TCVN3};", "TCVN3"), (VNI, "VNI")]),
        # The limit of that cut: a Unicode word written with Latin-1 letters only ("Trân")
        # stays with the legacy passage beside it.
        ([f"Thực hiện: {VNI}. Trân trọng"], [(f"{VNI}. Trân", "VNI")]),
        (["Sở Nội vụ đề nghị các đơn vị gửi danh sách"], []),
        (["Herr Müller trinkt café in der Straße"], []),
        (["Khánh Hòa", " là tỉnh"], []),
    ],
)
def test_legacy_passages(runs: list[str], passages: list[tuple[str, str]]) -> None:
    assert list(legacy_passages(runs)) == passages


def test_unicode_reading() -> None:
    assert unicode_reading(TCVN3, "TCVN3") == READING
    assert unicode_reading(VNI, "VNI") == READING
    # A word the encoding has no letter for ("À" in TCVN3) is kept, the others are read.
    assert unicode_reading(f"{TCVN3} ÀB", "TCVN3") == f"{READING} ÀB"


def _cut(text: str, cuts: list[int]) -> list[str]:
    points = sorted({0, len(text), *(c % (len(text) + 1) for c in cuts)})
    return [text[a:b] for a, b in itertools.pairwise(points)]


@settings(max_examples=200)
@given(text=vietnamese_text(CASES), cuts=st.lists(st.integers(min_value=0), max_size=8))
def test_genuine_vietnamese_in_any_runs_is_never_legacy(text: str, cuts: list[int]) -> None:
    assert list(legacy_passages(_cut(text, cuts))) == []


@settings(max_examples=200)
@given(
    before=vietnamese_text(CASES),
    phrase=vietnamese_text(CASES),
    encoding=st.sampled_from(["TCVN3", "VNI"]),
    cuts=st.lists(st.integers(min_value=0), max_size=5),
)
def test_a_legacy_run_among_unicode_runs_is_found_and_read(
    before: str, phrase: str, encoding: str, cuts: list[int]
) -> None:
    unicode_run = before + " "
    assume(any(ord(char) > 0xFF for char in unicode_run))  # a run only Unicode can write
    writable = WRITABLE[encoding](phrase)
    legacy = ENCODERS[encoding](writable)
    assume(detect_legacy_encoding(legacy) == encoding)  # enough evidence on its own
    passages = list(legacy_passages([unicode_run, *_cut(legacy, cuts)]))
    assert passages == [(legacy.strip(), encoding)]
    assert unicode_reading(legacy.strip(), encoding) == writable.strip()  # type: ignore[arg-type]
