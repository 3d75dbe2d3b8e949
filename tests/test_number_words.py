"""Vietnamese numbers in words, ordinals, Roman numerals and digit grouping.

The expected readings were written by hand from the standard rules (linh, không trăm, mốt,
tư, lăm, mười/mươi); a strict words-to-digits parser reads the output back for every group
and for random numbers, so a change in num2words (used for 1–999 groups) cannot slip by.
"""

from __future__ import annotations

import decimal
import itertools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tdkt_docs
from tdkt_docs.vietnamese import (
    NumberWordsError,
    amount_to_words,
    format_number,
    number_to_words,
    ordinal_words,
    roman,
)
from tdkt_docs.vietnamese import numbers as numbers_module

# ---------------------------------------------------------------------------------------
# Tables of expected readings
# ---------------------------------------------------------------------------------------

CARDINALS: list[tuple[int | str | Decimal, str]] = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (9, "chín"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (30, "ba mươi"),
    (41, "bốn mươi mốt"),
    (44, "bốn mươi tư"),
    (45, "bốn mươi lăm"),
    (55, "năm mươi lăm"),
    (71, "bảy mươi mốt"),
    (90, "chín mươi"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (109, "một trăm linh chín"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (114, "một trăm mười bốn"),
    (115, "một trăm mười lăm"),
    (120, "một trăm hai mươi"),
    (121, "một trăm hai mươi mốt"),
    (124, "một trăm hai mươi tư"),
    (125, "một trăm hai mươi lăm"),
    (200, "hai trăm"),
    (305, "ba trăm linh năm"),
    (410, "bốn trăm mười"),
    (999, "chín trăm chín mươi chín"),
    (1_000, "một nghìn"),
    (1_001, "một nghìn không trăm linh một"),
    (1_004, "một nghìn không trăm linh bốn"),
    (1_005, "một nghìn không trăm linh năm"),
    (1_010, "một nghìn không trăm mười"),
    (1_011, "một nghìn không trăm mười một"),
    (1_015, "một nghìn không trăm mười lăm"),
    (1_021, "một nghìn không trăm hai mươi mốt"),
    (1_050, "một nghìn không trăm năm mươi"),
    (1_100, "một nghìn một trăm"),
    (1_234, "một nghìn hai trăm ba mươi tư"),
    (2_024, "hai nghìn không trăm hai mươi tư"),
    (2_025, "hai nghìn không trăm hai mươi lăm"),
    (5_000, "năm nghìn"),
    (10_000, "mười nghìn"),
    (15_000, "mười lăm nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (24_000, "hai mươi tư nghìn"),
    (100_000, "một trăm nghìn"),
    (105_000, "một trăm linh năm nghìn"),
    (110_000, "một trăm mười nghìn"),
    (702_000, "bảy trăm linh hai nghìn"),
    (999_999, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
    (1_000_000, "một triệu"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_000_500, "một triệu năm trăm"),
    (1_001_000, "một triệu không trăm linh một nghìn"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (1_050_000, "một triệu không trăm năm mươi nghìn"),
    (1_500_000, "một triệu năm trăm nghìn"),
    (2_010_000, "hai triệu không trăm mười nghìn"),
    (2_340_000, "hai triệu ba trăm bốn mươi nghìn"),
    (28_080_000, "hai mươi tám triệu không trăm tám mươi nghìn"),
    (100_000_000, "một trăm triệu"),
    (1_000_000_000, "một tỷ"),
    (1_000_000_001, "một tỷ không trăm linh một"),
    (1_000_001_000, "một tỷ không trăm linh một nghìn"),
    (1_001_000_000, "một tỷ không trăm linh một triệu"),
    (1_500_000_000, "một tỷ năm trăm triệu"),
    (
        123_456_789_012,
        "một trăm hai mươi ba tỷ bốn trăm năm mươi sáu triệu bảy trăm tám mươi chín nghìn"
        " không trăm mười hai",
    ),
    (1_000_000_000_000, "một nghìn tỷ"),
    (1_500_000_000_000, "một nghìn năm trăm tỷ"),
    (2_000_000_000_000, "hai nghìn tỷ"),
    (1_000_005_000_000, "một nghìn tỷ không trăm linh năm triệu"),
    (10**15, "một triệu tỷ"),
    (10**15 + 1, "một triệu tỷ không trăm linh một"),
    (
        10**18 - 1,
        "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"
        " tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi"
        " chín",
    ),
    # negatives
    (-1, "âm một"),
    (-5, "âm năm"),
    (-21, "âm hai mươi mốt"),
    (-1_050, "âm một nghìn không trăm năm mươi"),
    (-2_340_000, "âm hai triệu ba trăm bốn mươi nghìn"),
    ("-12.5", "âm mười hai phẩy năm"),
    ("\u22127", "âm bảy"),
    (Decimal("-0"), "không"),
    # decimals, read digit by digit as written
    ("2,05", "hai phẩy không năm"),
    ("0,5", "không phẩy năm"),
    ("-3,25", "âm ba phẩy hai năm"),
    ("-0,5", "âm không phẩy năm"),
    ("1,5", "một phẩy năm"),
    ("1,50", "một phẩy năm không"),
    ("3,14", "ba phẩy một bốn"),
    ("1.500.000,75", "một triệu năm trăm nghìn phẩy bảy năm"),
    (
        "12345678,5",
        "mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám phẩy năm",
    ),
    ("0.500", "không phẩy năm không không"),
    (Decimal("2.05"), "hai phẩy không năm"),
    (Decimal("1.50"), "một phẩy năm không"),
    (Decimal("0.001"), "không phẩy không không một"),
    (Decimal("12.345"), "mười hai phẩy ba bốn năm"),
    (Decimal("-1.04"), "âm một phẩy không bốn"),
    (Decimal("1E+3"), "một nghìn"),
    # strings: Vietnamese grouping, plain digits, spaces and signs
    ("1.500", "một nghìn năm trăm"),
    ("1.500.000", "một triệu năm trăm nghìn"),
    ("1500000", "một triệu năm trăm nghìn"),
    (" 702.000 ", "bảy trăm linh hai nghìn"),
    ("+5", "năm"),
    ("007", "bảy"),
]

OPTIONS: list[tuple[int, dict[str, str], str]] = [
    (105, {"zero_tens": "lẻ"}, "một trăm lẻ năm"),
    (1_001, {"zero_tens": "lẻ"}, "một nghìn không trăm lẻ một"),
    (702_000, {"zero_tens": "lẻ"}, "bảy trăm lẻ hai nghìn"),
    (1_000, {"thousand": "ngàn"}, "một ngàn"),
    (1_500, {"thousand": "ngàn"}, "một ngàn năm trăm"),
    (2_000_000_000_000, {"thousand": "ngàn"}, "hai ngàn tỷ"),
    (24, {"four": "bốn"}, "hai mươi bốn"),
    (44, {"four": "bốn"}, "bốn mươi bốn"),
    (14, {"four": "bốn"}, "mười bốn"),
    (104, {"four": "bốn"}, "một trăm linh bốn"),
    (1_024, {"four": "bốn"}, "một nghìn không trăm hai mươi bốn"),
    (34_000, {"four": "bốn", "thousand": "ngàn"}, "ba mươi bốn ngàn"),
    (
        1_004_000,
        {"zero_tens": "lẻ", "thousand": "ngàn", "four": "bốn"},
        "một triệu không trăm lẻ bốn ngàn",
    ),
    (44, {"four": "tư"}, "bốn mươi tư"),
    (105, {"zero_tens": "linh"}, "một trăm linh năm"),
]

AMOUNTS: list[tuple[Any, dict[str, str], str]] = [
    # TĐKT award amounts at the base salary 2.340.000
    (702_000, {}, "Bảy trăm linh hai nghìn đồng"),
    (1_872_000, {}, "Một triệu tám trăm bảy mươi hai nghìn đồng"),
    (2_340_000, {}, "Hai triệu ba trăm bốn mươi nghìn đồng"),
    (3_510_000, {}, "Ba triệu năm trăm mười nghìn đồng"),
    (8_190_000, {}, "Tám triệu một trăm chín mươi nghìn đồng"),
    (10_530_000, {}, "Mười triệu năm trăm ba mươi nghìn đồng"),
    (28_080_000, {}, "Hai mươi tám triệu không trăm tám mươi nghìn đồng"),
    (18_720_000, {}, "Mười tám triệu bảy trăm hai mươi nghìn đồng"),
    (14_040_000, {}, "Mười bốn triệu không trăm bốn mươi nghìn đồng"),
    (4_680_000, {}, "Bốn triệu sáu trăm tám mươi nghìn đồng"),
    (7_020_000, {}, "Bảy triệu không trăm hai mươi nghìn đồng"),
    (107_640_000, {}, "Một trăm linh bảy triệu sáu trăm bốn mươi nghìn đồng"),
    (71_370_000, {}, "Bảy mươi mốt triệu ba trăm bảy mươi nghìn đồng"),
    (1_404_000, {}, "Một triệu bốn trăm linh bốn nghìn đồng"),
    # base salaries
    (1_490_000, {}, "Một triệu bốn trăm chín mươi nghìn đồng"),
    (1_800_000, {}, "Một triệu tám trăm nghìn đồng"),
    (2_530_000, {}, "Hai triệu năm trăm ba mươi nghìn đồng"),
    (1_500_000, {}, "Một triệu năm trăm nghìn đồng"),
    (1_000_000_000, {}, "Một tỷ đồng"),
    (0, {}, "Không đồng"),
    (-500_000, {}, "Âm năm trăm nghìn đồng"),
    # accepted representations of a whole amount
    ("1.500.000", {}, "Một triệu năm trăm nghìn đồng"),
    ("1500000", {}, "Một triệu năm trăm nghìn đồng"),
    ("1.500.000,00", {}, "Một triệu năm trăm nghìn đồng"),
    (Decimal("1500000.00"), {}, "Một triệu năm trăm nghìn đồng"),
    (Decimal("1.5E+6"), {}, "Một triệu năm trăm nghìn đồng"),
    # currency and style
    (100, {"currency": "USD"}, "Một trăm USD"),
    (100, {"currency": ""}, "Một trăm"),
    (702_000, {"zero_tens": "lẻ"}, "Bảy trăm lẻ hai nghìn đồng"),
    (1_500_000, {"thousand": "ngàn"}, "Một triệu năm trăm ngàn đồng"),
]

ORDINALS: list[tuple[int, dict[str, str], str]] = [
    (1, {}, "thứ nhất"),
    (2, {}, "thứ hai"),
    (3, {}, "thứ ba"),
    (4, {}, "thứ tư"),
    (4, {"four": "bốn"}, "thứ tư"),
    (5, {}, "thứ năm"),
    (6, {}, "thứ sáu"),
    (7, {}, "thứ bảy"),
    (8, {}, "thứ tám"),
    (9, {}, "thứ chín"),
    (10, {}, "thứ mười"),
    (11, {}, "thứ mười một"),
    (14, {}, "thứ mười bốn"),
    (15, {}, "thứ mười lăm"),
    (20, {}, "thứ hai mươi"),
    (21, {}, "thứ hai mươi mốt"),
    (24, {}, "thứ hai mươi tư"),
    (24, {"four": "bốn"}, "thứ hai mươi bốn"),
    (25, {}, "thứ hai mươi lăm"),
    (77, {}, "thứ bảy mươi bảy"),
    (100, {}, "thứ một trăm"),
    (101, {}, "thứ một trăm linh một"),
    (1_000, {}, "thứ một nghìn"),
]

ROMANS: list[tuple[int, str]] = [
    (1, "I"),
    (2, "II"),
    (3, "III"),
    (4, "IV"),
    (5, "V"),
    (9, "IX"),
    (10, "X"),
    (11, "XI"),
    (14, "XIV"),
    (19, "XIX"),
    (40, "XL"),
    (49, "XLIX"),
    (90, "XC"),
    (400, "CD"),
    (500, "D"),
    (900, "CM"),
    (1994, "MCMXCIV"),
    (2024, "MMXXIV"),
    (3999, "MMMCMXCIX"),
]

FORMATS: list[tuple[Any, int | None, str]] = [
    (0, None, "0"),
    (5, None, "5"),
    (999, None, "999"),
    (1_000, None, "1.000"),
    (1_500_000, None, "1.500.000"),
    (-2_340_000, None, "-2.340.000"),
    (10**18 - 1, None, "999.999.999.999.999.999"),
    ("12345678.5", None, "12.345.678,5"),
    ("12.345.678,50", None, "12.345.678,50"),
    ("1.500", None, "1.500"),
    ("0,001234567", None, "0,001234567"),
    (Decimal("1.50"), None, "1,50"),
    (Decimal("-0.5"), None, "-0,5"),
    (Decimal("-0"), None, "0"),
    ("2,345", 2, "2,35"),
    ("2,344", 2, "2,34"),
    (Decimal("-2.345"), 2, "-2,35"),
    (1_500, 2, "1.500,00"),
    (Decimal("1234.5"), 0, "1.235"),
    (Decimal("2.5"), 0, "3"),
    (Decimal("0.5"), 0, "1"),
    ("-0,001", 2, "0,00"),
    (
        Decimal("123456789012345678.12345678901234567891"),
        None,
        "123.456.789.012.345.678,12345678901234567891",
    ),
]


def _id(value: object) -> str:
    return f"{type(value).__name__}-{value}"


# ---------------------------------------------------------------------------------------
# The table tests
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "words"), CARDINALS, ids=[_id(value) for value, _ in CARDINALS])
def test_number_to_words(value: int | str | Decimal, words: str) -> None:
    assert number_to_words(value) == words


@pytest.mark.parametrize(
    ("value", "options", "words"),
    OPTIONS,
    ids=[f"{value}-{'-'.join(options.values())}" for value, options, _ in OPTIONS],
)
def test_number_to_words_options(value: int, options: dict[str, Any], words: str) -> None:
    assert number_to_words(value, **options) == words


@pytest.mark.parametrize(
    ("amount", "options", "words"),
    AMOUNTS,
    ids=[
        f"{_id(amount)}{'-' if opts else ''}{'-'.join(opts.values())}"
        for amount, opts, _ in AMOUNTS
    ],
)
def test_amount_to_words(amount: Any, options: dict[str, Any], words: str) -> None:
    assert amount_to_words(amount, **options) == words


@pytest.mark.parametrize(
    ("n", "options", "words"),
    ORDINALS,
    ids=[f"{n}{'-' if opts else ''}{'-'.join(opts.values())}" for n, opts, _ in ORDINALS],
)
def test_ordinal_words(n: int, options: dict[str, Any], words: str) -> None:
    assert ordinal_words(n, **options) == words


@pytest.mark.parametrize(("n", "numeral"), ROMANS, ids=[str(n) for n, _ in ROMANS])
def test_roman(n: int, numeral: str) -> None:
    assert roman(n) == numeral


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    FORMATS,
    ids=[f"{_id(value)}-d{decimals}" for value, decimals, _ in FORMATS],
)
def test_format_number(value: Any, decimals: int | None, text: str) -> None:
    assert format_number(value, decimals) == text


def test_the_tables_are_large_enough() -> None:
    cases = CARDINALS + OPTIONS + AMOUNTS + ORDINALS + ROMANS + FORMATS  # type: ignore[operator]
    assert len(cases) >= 150


def test_amount_capitalises_only_the_first_letter() -> None:
    assert amount_to_words(1_000_000) == "Một triệu đồng"
    assert amount_to_words(11, currency="đồng chẵn") == "Mười một đồng chẵn"


def test_decomposed_options_are_accepted() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "lẻ")
    assert number_to_words(105, zero_tens=nfd) == "một trăm lẻ năm"  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# format_number does not depend on the environment or the decimal context
# ---------------------------------------------------------------------------------------


def test_babel_vietnamese_symbols() -> None:
    from babel import numbers as babel_numbers

    assert babel_numbers.get_group_symbol("vi") == "."
    assert babel_numbers.get_decimal_symbol("vi") == ","
    assert babel_numbers.get_minus_sign_symbol("vi") == "-"


@pytest.mark.parametrize("environment", ["en_US.UTF-8", "de_DE.UTF-8", "C", "fr_FR", "vi_VN"])
def test_format_number_ignores_the_locale_environment(
    monkeypatch: pytest.MonkeyPatch, environment: str
) -> None:
    for name in ("LANG", "LC_ALL", "LC_NUMERIC", "LANGUAGE"):
        monkeypatch.setenv(name, environment)
    assert format_number("12345678,5") == "12.345.678,5"
    assert format_number(-2_340_000) == "-2.340.000"
    assert format_number(Decimal("1.005"), 2) == "1,01"


def test_format_number_ignores_the_decimal_context() -> None:
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN)):
        assert format_number(Decimal("2.5"), 0) == "3"
        assert format_number(10**17, 2) == "100.000.000.000.000.000,00"


def test_format_number_keeps_vietnamese_symbols_if_babel_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Pretend Babel's "vi" data were English: ',' thousands, '.' decimals."""
    babel = numbers_module.babel_numbers
    real_format = babel.format_decimal
    real_group = babel.get_group_symbol
    real_decimal = babel.get_decimal_symbol

    def english_format(*args: Any, **kwargs: Any) -> str:
        kwargs["locale"] = "en"
        return str(real_format(*args, **kwargs))

    monkeypatch.setattr(babel, "format_decimal", english_format)
    # Babel calls these itself too, with keyword arguments; every caller now gets "en".
    monkeypatch.setattr(babel, "get_group_symbol", lambda _, **kw: real_group("en", **kw))
    monkeypatch.setattr(babel, "get_decimal_symbol", lambda _, **kw: real_decimal("en", **kw))
    assert format_number("12345678,5") == "12.345.678,5"
    assert format_number(-1_500, 2) == "-1.500,00"


# ---------------------------------------------------------------------------------------
# Refusals
# ---------------------------------------------------------------------------------------

NOT_NUMBERS: list[Any] = [
    1.5,
    0.0,
    float("nan"),
    float("inf"),
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    True,
    False,
    "abc",
    "",
    "   ",
    None,
    [1],
    "1,2,3",
    "1..5",
    "1.50.000",
    "1,5.0",
    "0x10",
    "1e5",
    "١٢",
    "1 500 000",
    10**18,
    -(10**18),
    "1000000000000000000",
    "1.000.000.000.000.000.000",
    Decimal("1E+18"),
    Decimal("1E-21"),
    "0," + "1" * 21,
]


def _assert_refused(error: pytest.ExceptionInfo[NumberWordsError], value: object) -> None:
    assert isinstance(error.value, tdkt_docs.TdktError)
    assert isinstance(error.value, ValueError)
    assert error.value.value is value
    assert repr(value) in str(error.value)


@pytest.mark.parametrize("value", NOT_NUMBERS, ids=_id)
def test_number_to_words_refuses(value: Any) -> None:
    with pytest.raises(NumberWordsError) as error:
        number_to_words(value)
    _assert_refused(error, value)


@pytest.mark.parametrize(
    "amount",
    [
        *NOT_NUMBERS,
        1_500_000.0,
        Decimal("1.5"),
        Decimal("1500000.01"),
        "1,5",
        "12.5",
        "-0,5",
    ],
    ids=_id,
)
def test_amount_to_words_refuses(amount: Any) -> None:
    with pytest.raises(NumberWordsError) as error:
        amount_to_words(amount)
    _assert_refused(error, amount)


def test_amount_to_words_explains_floats() -> None:
    with pytest.raises(NumberWordsError) as error:
        amount_to_words(1.5)
    assert str(error.value) == (
        "amount_to_words: 1.5 is a float; pass an int, a Decimal or a string of digits"
        " (floats are inexact for money)"
    )


def test_amount_to_words_refuses_a_currency_that_is_not_text() -> None:
    with pytest.raises(NumberWordsError, match="5"):
        amount_to_words(1, currency=5)  # type: ignore[arg-type]


@pytest.mark.parametrize("n", [0, -1, True, False, 1.0, "3", None, 10**18], ids=_id)
def test_ordinal_words_refuses(n: Any) -> None:
    with pytest.raises(NumberWordsError) as error:
        ordinal_words(n)
    _assert_refused(error, n)


@pytest.mark.parametrize("n", [0, 4000, -1, True, 1.0, "IV", None], ids=_id)
def test_roman_refuses(n: Any) -> None:
    with pytest.raises(NumberWordsError) as error:
        roman(n)
    _assert_refused(error, n)


@pytest.mark.parametrize("value", [1.5, True, None, "abc", 10**18], ids=_id)
def test_format_number_refuses(value: Any) -> None:
    with pytest.raises(NumberWordsError) as error:
        format_number(value)
    _assert_refused(error, value)


@pytest.mark.parametrize("decimals", [-1, 21, True, 1.5, "2"], ids=_id)
def test_format_number_refuses_bad_decimals(decimals: Any) -> None:
    with pytest.raises(NumberWordsError) as error:
        format_number(1, decimals)
    _assert_refused(error, decimals)


@pytest.mark.parametrize(
    "options",
    [{"zero_tens": "le"}, {"thousand": "ngan"}, {"four": "4"}, {"zero_tens": None}],
    ids=["zero_tens-le", "thousand-ngan", "four-4", "zero_tens-None"],
)
def test_bad_options_are_refused(options: dict[str, Any]) -> None:
    value = next(iter(options.values()))
    with pytest.raises(NumberWordsError) as error:
        number_to_words(5, **options)
    _assert_refused(error, value)


# ---------------------------------------------------------------------------------------
# A strict words-to-digits parser, to read every output back
# ---------------------------------------------------------------------------------------

DIGIT_VALUES = {
    "không": 0,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}


@dataclass(frozen=True)
class Style:
    zero_tens: str = "linh"
    thousand: str = "nghìn"
    four: str = "tư"

    def options(self) -> dict[str, str]:
        return {"zero_tens": self.zero_tens, "thousand": self.thousand, "four": self.four}


STYLES = [
    Style(*combination)
    for combination in itertools.product(("linh", "lẻ"), ("nghìn", "ngàn"), ("tư", "bốn"))
]


def unit_word(units: int, tens: int, style: Style) -> str:
    """The only allowed word for a unit digit after a tens digit (0 = after linh/lẻ)."""
    if units == 1 and tens >= 2:
        return "mốt"
    if units == 4 and tens >= 2:
        return style.four
    if units == 5 and tens >= 1:
        return "lăm"
    return next(word for word, value in DIGIT_VALUES.items() if value == units)


def parse_group(words: list[str], *, inner: bool, style: Style) -> int:
    """One group 1–999. ``inner``: a higher group came first, so the hundreds are said."""
    assert words, "an empty group"
    hundreds = 0
    stated_hundreds = len(words) >= 2 and words[1] == "trăm"
    if stated_hundreds:
        hundreds = DIGIT_VALUES[words[0]]
        words = words[2:]
    assert stated_hundreds or not inner, f"an inner group must say its hundreds: {words}"
    assert hundreds or inner or not stated_hundreds, "'không trăm' in the leading group"
    tens = units = 0
    if not words:
        pass
    elif words[0] == style.zero_tens:
        assert stated_hundreds and len(words) == 2, words
        units = DIGIT_VALUES[words[1]]
        assert units and words[1] == unit_word(units, 0, style), words
    elif words[0] in ("mười", *DIGIT_VALUES) and (words[0] == "mười" or words[1:2] == ["mươi"]):
        tens = 1 if words[0] == "mười" else DIGIT_VALUES[words[0]]
        assert tens >= 1 and (tens == 1) == (words[0] == "mười"), words
        tail = words[1:] if tens == 1 else words[2:]
        if tail:
            assert len(tail) == 1, words
            units = next(u for u in range(1, 10) if unit_word(u, tens, style) == tail[0])
    else:
        assert not stated_hundreds and len(words) == 1, words
        units = DIGIT_VALUES[words[0]]
    value = 100 * hundreds + 10 * tens + units
    assert value > 0, "a zero group must be skipped"
    return value


def parse_below_billion(words: list[str], *, inner: bool, style: Style) -> int:
    total, start, seen = 0, 0, inner
    for scale_word, scale in (("triệu", 10**6), (style.thousand, 10**3)):
        if scale_word in words[start:]:
            end = words.index(scale_word, start)
            total += scale * parse_group(words[start:end], inner=seen, style=style)
            start, seen = end + 1, True
    if start < len(words):
        total += parse_group(words[start:], inner=seen, style=style)
    return total


def parse_integer(words: list[str], *, style: Style, inner: bool = False) -> int:
    if "tỷ" in words:
        last = len(words) - 1 - words[::-1].index("tỷ")
        high = parse_integer(words[:last], style=style, inner=inner)
        low = words[last + 1 :]
        rest = parse_below_billion(low, inner=True, style=style) if low else 0
        return high * 10**9 + rest
    return parse_below_billion(words, inner=inner, style=style)


def words_to_number(text: str, style: Style = Style()) -> Decimal:
    words = text.split(" ")
    sign = 1
    if words[0] == "âm":
        sign, words = -1, words[1:]
    integer_words, _, fraction_words = " ".join(words).partition(" phẩy ")
    if integer_words == "không":
        integer = 0
    else:
        integer = parse_integer(integer_words.split(" "), style=style)
    fraction = "".join(str(DIGIT_VALUES[word]) for word in fraction_words.split())
    result = Decimal(f"{integer}.{fraction}" if fraction else integer)
    assert sign == 1 or result, "no 'âm' for zero"
    return sign * result


@pytest.mark.parametrize("style", STYLES, ids=lambda s: "-".join(s.options().values()))
def test_every_group_reads_back(style: Style) -> None:
    """All 1–999 groups, leading and inner, in every style: num2words is checked here."""
    for group in range(1000):
        for number in (group, 1_000 + group, 7_000_000 + 1_000 * group, 5 * 10**9 + group):
            words = number_to_words(number, **style.options())  # type: ignore[arg-type]
            assert words_to_number(words, style) == number, (number, words)


@settings(max_examples=300)
@given(
    number=st.integers(min_value=-(10**15), max_value=10**15),
    style=st.sampled_from(STYLES),
)
def test_random_integers_read_back(number: int, style: Style) -> None:
    words = number_to_words(number, **style.options())  # type: ignore[arg-type]
    assert words_to_number(words, style) == number


@given(st.integers(min_value=-(10**18) + 1, max_value=10**18 - 1))
def test_full_range_reads_back(number: int) -> None:
    assert words_to_number(number_to_words(number)) == number


@given(
    st.decimals(min_value=Decimal(-(10**15)), max_value=Decimal(10**15), places=3, allow_nan=False)
)
def test_random_decimals_read_back(value: Decimal) -> None:
    words = number_to_words(value)
    assert words_to_number(words) == value
    assert words.count("phẩy") == 1


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_format_number_round_trips(number: int) -> None:
    text = format_number(number)
    assert int(text.replace(".", "")) == number
    assert number_to_words(text) == number_to_words(number)


@given(st.integers(min_value=1, max_value=3999))
def test_roman_is_unique_and_well_formed(n: int) -> None:
    numeral = roman(n)
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for current, following in itertools.zip_longest(numeral, numeral[1:], fillvalue=""):
        value = values[current]
        total += -value if following and values[following] > value else value
    assert total == n
