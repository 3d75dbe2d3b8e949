"""Numbers in Vietnamese: words for amounts, ordinals, digit grouping and Roman numerals.

Reading rules (the standard ones used on invoices and in school textbooks)
--------------------------------------------------------------------------
* Digits are read in groups of three from the left, each group followed by its scale:
  nghìn (10³), triệu (10⁶), tỷ (10⁹), nghìn tỷ (10¹²), triệu tỷ (10¹⁵). The part above
  tỷ is read as a number of its own, so 1.500.000.000.000 is "một nghìn năm trăm tỷ".
  Supported magnitudes end at 10¹⁸ − 1 (999 triệu tỷ …); larger values are refused,
  because "tỷ tỷ" and beyond have no settled written form.
* A zero tens digit before a non-zero unit is "linh" (105 một trăm linh năm), or "lẻ".
* A group with hundreds digit 0 after a higher non-zero group says "không trăm"
  (1.005.000 một triệu không trăm linh năm nghìn); the leading group never does
  (5.000 năm nghìn). Groups that are all zeros are skipped (1.000.500 một triệu năm trăm).
* Tens: 1 is "mười", 2–9 are "<digit> mươi". Units after a tens digit: 1 is "mốt" after
  tens ≥ 2 (21 hai mươi mốt, 11 mười một); 4 is "tư" after tens ≥ 2 (24 hai mươi tư,
  14 mười bốn), or "bốn" as an option; 5 is "lăm" after tens ≥ 1 (15 mười lăm) and "năm"
  after a zero tens or alone (105 một trăm linh năm, 5 năm).
* Negative values start with "âm". Decimals are read digit by digit after "phẩy", exactly
  as written: 2,05 → hai phẩy không năm; "1,50" → một phẩy năm không.

Accepted values
---------------
``int``, ``decimal.Decimal`` (finite) and numeric strings. ``bool`` and ``float`` are refused
everywhere (a float such as 0.1 is not the number the user typed, and money must be exact).
A string may carry a sign (``-``, ``+`` or ``−``) and is read by the first rule that fits:

1. It contains ``,``: Vietnamese format, ``,`` is the decimal mark and ``.`` may group
   thousands: ``"2,05"``, ``"1.500.000,50"``, ``"-3,25"``.
2. Only ``.`` separators, all followed by exactly three digits, first group 1–3 digits
   not starting with 0: thousands grouping, ``"1.500.000"`` = 1500000. An ambiguous string
   such as ``"1.500"`` is therefore **one thousand five hundred**, as a Vietnamese reader
   would take it.
3. Otherwise plain Python syntax: ``"1500000"``, ``"-12.5"``, ``"0.500"`` (= 0,500).

Integer parts are limited to 10¹⁸ − 1 and fractions to 20 written digits. Every refusal
raises :class:`NumberWordsError` (a :class:`~tdkt_docs.errors.WordingError`, so a
``TdktError`` and a ``ValueError``) naming the value and what is expected.

How num2words is used, and why not more
---------------------------------------
This is the only module of tdkt_docs that imports num2words. It calls
``num2words(n, lang="vi")`` for one thing only: the reading of a single three-digit group
1 ≤ n ≤ 999. Measured on num2words 0.5.14, that reading is right except for two words of
style, which are translated: a zero tens is "lẻ" (we write ``zero_tens``, "linh" by
default) and a unit 4 after "mươi" is "bốn" (we write ``four``, "tư" by default).
A group with hundreds digit 0 inside a number is read as ``100 + n`` ("một trăm …") with
"một" replaced by "không", which gives "không trăm linh năm", "không trăm mười" and so on.
tests/test_number_words.py reads back every group, so a num2words release that changes
these readings fails the test suite instead of producing wrong amounts.

Everything else is done here, because num2words 0.5.14 (``lang="vi"``) gets it wrong.
Measured readings, each as "num2words → this module":

* Below a scale, any remainder under 100 gets "lẻ" instead of "không trăm":
  1001 "một nghìn lẻ một" → "một nghìn không trăm linh một";
  1010 "một nghìn lẻ mười" → "một nghìn không trăm mười";
  1050 "một nghìn lẻ năm mươi" → "một nghìn không trăm năm mươi";
  2024 "hai nghìn lẻ hai mươi bốn" → "hai nghìn không trăm hai mươi tư".
* "không trăm" is never said for an inner group:
  1.005.000 "một triệu năm nghìn" → "một triệu không trăm linh năm nghìn";
  1.050.000 "một triệu năm mươi nghìn" → "một triệu không trăm năm mươi nghìn";
  2.010.000 "hai triệu mười nghìn" → "hai triệu không trăm mười nghìn";
  28.080.000 "hai mươi tám triệu tám mươi nghìn"
  → "hai mươi tám triệu không trăm tám mươi nghìn".
* The scale table is wrong above 10¹²:
  1.500.000.000.000 "một nghìn tỷ năm trăm tỷ" → "một nghìn năm trăm tỷ";
  10¹⁵ "một trăm nghìn tỷ" (the reading of 10¹⁴) → "một triệu tỷ";
  10¹⁶ "mười trăm nghìn tỷ" → "mười triệu tỷ";
  10¹⁸ − 1 "một Quintillion" → "chín trăm chín mươi chín triệu … chín mươi chín".
* Negatives: -5 "mười lăm" (it indexes its word table with -5) → "âm năm";
  -21 and -1050 raise IndexError → "âm hai mươi mốt", "âm một nghìn không trăm năm mươi".
* Decimals are rounded with ``"%.2f"`` and the fraction read as a whole number:
  1.5 "một phẩy năm mươi", 0.5 "không phẩy năm mươi", 2.05 "hai phẩy năm" (the zero is
  lost), 12.345 "mười hai phẩy ba mươi lăm" (the third decimal is lost),
  Decimal("1.50") "một phẩy năm mươi". Here decimals are read digit by digit as written
  ("2,05" → "hai phẩy không năm", Decimal("1.50") → "một phẩy năm không") and floats are
  refused.
* ``to="ordinal"`` returns the cardinal (4 → "bốn"); :func:`ordinal_words` gives "thứ tư".

Number formatting uses Babel with the locale fixed to ``"vi"`` (never the environment), so
the output is ``1.500.000`` and ``12.345.678,5`` on every machine.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from functools import cache
from typing import Literal

from babel import numbers as babel_numbers
from num2words import num2words

from tdkt_docs.errors import WordingError

__all__ = [
    "MAX_FRACTION_DIGITS",
    "MAX_MAGNITUDE",
    "NumberWordsError",
    "amount_to_words",
    "count_text",
    "format_number",
    "number_to_words",
    "ordinal_words",
    "roman",
    "words_to_number",
]

MAX_MAGNITUDE = 10**18 - 1
"""The largest integer part that is read or formatted (999 triệu tỷ …)."""

MAX_FRACTION_DIGITS = 20
"""The most decimals a value may carry; more is certainly a mistake (or a float's noise)."""

ZeroTens = Literal["linh", "lẻ"]
Thousand = Literal["nghìn", "ngàn"]
Four = Literal["tư", "bốn"]

_DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BABEL_LOCALE = "vi"
_ROMAN_NUMERALS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)

_SIGN = r"(?P<sign>[-+\u2212]?)"
# Rule 1: Vietnamese format with a decimal comma; the integer part may be grouped.
_VIETNAMESE_DECIMAL = re.compile(
    _SIGN + r"(?P<integer>[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+),(?P<fraction>[0-9]+)"
)
# Rule 2: Vietnamese thousands grouping without decimals ("1.500.000", and "1.500").
_VIETNAMESE_GROUPED = re.compile(_SIGN + r"(?P<integer>[1-9][0-9]{0,2}(?:\.[0-9]{3})+)")
# Rule 3: plain Python decimal syntax ("1500000", "-12.5").
_PLAIN = re.compile(_SIGN + r"(?P<integer>[0-9]+)(?:\.(?P<fraction>[0-9]+))?")


class NumberWordsError(WordingError):
    """A value cannot be read or formatted: wrong type, not a number, or out of range.

    A :class:`~tdkt_docs.errors.WordingError`, hence a ``TdktError`` and a ``ValueError``.
    ``value`` is the value as given, ``function`` the public function that refused it.
    """

    def __init__(self, function: str, value: object, problem: str) -> None:
        self.function = function
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(f"{function}: {shown} {problem}", value)


@dataclass(frozen=True)
class _Number:
    """A parsed value: sign, integer part and the decimals exactly as written."""

    negative: bool
    integer: int
    fraction: str

    @property
    def is_zero(self) -> bool:
        return self.integer == 0 and not self.fraction.strip("0")

    def as_decimal(self) -> Decimal:
        text = f"{'-' if self.negative else ''}{self.integer}"
        return Decimal(f"{text}.{self.fraction}" if self.fraction else text)


@dataclass(frozen=True)
class _Style:
    zero_tens: str
    thousand: str
    four: str


_TOO_LARGE = f"is too large; the limit is ±{MAX_MAGNITUDE:,} (10^18 - 1)"
_TOO_PRECISE = f"has more than {MAX_FRACTION_DIGITS} decimals"


def _parse(value: object, function: str, *, for_money: bool = False) -> _Number:
    """Read an int, a finite Decimal or a numeric string (rules in the module docstring)."""
    if for_money:
        expected = "an int, a Decimal or a string of digits"
        no_float = "floats are inexact for money"
    else:
        expected = "an int, a Decimal or a numeric string such as '1.500.000' or '2,05'"
        no_float = "floats are inexact"
    if isinstance(value, bool):  # before int: True is an int to Python, not to a user
        raise NumberWordsError(function, value, f"is a bool; pass {expected}")
    if isinstance(value, float):
        raise NumberWordsError(function, value, f"is a float; pass {expected} ({no_float})")
    if isinstance(value, int):
        number = _Number(value < 0, abs(value), "")
    elif isinstance(value, Decimal):
        number = _parse_decimal(value, function)
    elif isinstance(value, str):
        number = _parse_string(value, function, expected)
    else:
        raise NumberWordsError(function, value, f"is a {type(value).__name__}; pass {expected}")
    if number.integer > MAX_MAGNITUDE:
        raise NumberWordsError(function, value, _TOO_LARGE)
    return number


def _parse_decimal(value: Decimal, function: str) -> _Number:
    if not value.is_finite():
        raise NumberWordsError(function, value, "is not a finite number")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite Decimals have an int exponent
    # Checked before formatting: Decimal("1E+999999999") would otherwise be a huge string.
    if value and value.adjusted() >= 18:
        raise NumberWordsError(function, value, _TOO_LARGE)
    if -exponent > MAX_FRACTION_DIGITS:
        raise NumberWordsError(function, value, _TOO_PRECISE)
    integer, _, fraction = format(value.copy_abs(), "f").partition(".")
    return _Number(value.is_signed(), int(integer), fraction)


def _parse_string(value: str, function: str, expected: str) -> _Number:
    text = value.strip()
    for pattern in (_VIETNAMESE_DECIMAL, _VIETNAMESE_GROUPED, _PLAIN):
        match = pattern.fullmatch(text)
        if match:
            break
    else:
        raise NumberWordsError(function, value, f"is not a number; pass {expected}")
    fraction = match.groupdict().get("fraction") or ""
    integer_digits = match["integer"].replace(".", "")
    if len(integer_digits.lstrip("0")) > 18:  # before int(): no huge conversions
        raise NumberWordsError(function, value, _TOO_LARGE)
    if len(fraction) > MAX_FRACTION_DIGITS:
        raise NumberWordsError(function, value, _TOO_PRECISE)
    return _Number(match["sign"] in ("-", "\u2212"), int(integer_digits), fraction)


_STYLE_CHOICES = {
    "zero_tens": ("linh", "lẻ"),
    "thousand": ("nghìn", "ngàn"),
    "four": ("tư", "bốn"),
}


def _style(function: str, zero_tens: str, thousand: str, four: str) -> _Style:
    """Check the wording options; they may come from a template, so compare them in NFC."""
    chosen: dict[str, str] = {}
    for name, given in (("zero_tens", zero_tens), ("thousand", thousand), ("four", four)):
        allowed = _STYLE_CHOICES[name]
        word = unicodedata.normalize("NFC", given) if isinstance(given, str) else given
        if word not in allowed:
            raise NumberWordsError(
                function, given, f"is not a valid {name} option; use {' or '.join(allowed)}"
            )
        chosen[name] = word
    return _Style(**chosen)


@cache
def _num2words_group(group: int) -> tuple[str, ...]:
    """num2words' reading of 1 ≤ group ≤ 999, in its own style ("lẻ", "bốn" after mươi)."""
    return tuple(str(num2words(group, lang="vi")).split())


def _group_words(group: int, style: _Style, *, after_higher: bool) -> list[str]:
    """Words of one group 1–999; ``after_higher``: a non-zero higher part is read before it."""
    if group < 100 and after_higher:
        # "không trăm …": num2words reads 100 + group as "một trăm …" with the right
        # linh / mười / mươi words after it; only the hundreds digit changes.
        words = ["không", *_num2words_group(100 + group)[1:]]
    else:
        words = list(_num2words_group(group))
    # The two words of style; both spellings are matched, in case num2words changes its own.
    for index, word in enumerate(words):
        if word in ("lẻ", "linh"):
            words[index] = style.zero_tens
        elif word in ("bốn", "tư") and index > 0 and words[index - 1] == "mươi":
            words[index] = style.four
    return words


def _integer_words(number: int, style: _Style, *, after_higher: bool = False) -> list[str]:
    """Words of 0 < number < 10^18. The part above tỷ is read as a number of its own."""
    words: list[str] = []
    billions, rest = divmod(number, 10**9)
    if billions:
        words += [*_integer_words(billions, style, after_higher=after_higher), "tỷ"]
    for scale, scale_word in ((10**6, "triệu"), (10**3, style.thousand), (1, "")):
        group, rest = divmod(rest, scale)
        if group:
            words += _group_words(group, style, after_higher=after_higher or bool(words))
            if scale_word:
                words.append(scale_word)
    return words


def _words(number: _Number, style: _Style) -> str:
    words = ["âm"] if number.negative and not number.is_zero else []
    words += _integer_words(number.integer, style) if number.integer else ["không"]
    if number.fraction:
        words += ["phẩy", *(_DIGIT_WORDS[int(digit)] for digit in number.fraction)]
    return " ".join(words)


def number_to_words(
    value: int | Decimal | str,
    *,
    zero_tens: ZeroTens = "linh",
    thousand: Thousand = "nghìn",
    four: Four = "tư",
) -> str:
    """Read a number in Vietnamese words, lower case.

    ``value`` is an int, a finite Decimal or a numeric string (see the module docstring for
    how strings are read). ``zero_tens`` ("linh" or "lẻ"), ``thousand`` ("nghìn" or "ngàn")
    and ``four`` ("tư" or "bốn", for a unit 4 after tens ≥ 2) choose the regional style.

    >>> number_to_words(105)
    'một trăm linh năm'
    >>> number_to_words("1.005.000")
    'một triệu không trăm linh năm nghìn'
    >>> number_to_words(2_000_000_000_000)
    'hai nghìn tỷ'
    >>> number_to_words(24), number_to_words(15), number_to_words(21)
    ('hai mươi tư', 'mười lăm', 'hai mươi mốt')
    >>> number_to_words("2,05")
    'hai phẩy không năm'
    >>> from decimal import Decimal
    >>> number_to_words(Decimal("-1.50"))
    'âm một phẩy năm không'
    >>> number_to_words(1_004_000, zero_tens="lẻ", thousand="ngàn")
    'một triệu không trăm lẻ bốn ngàn'
    >>> number_to_words(1.5)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    tdkt_docs.vietnamese.numbers.NumberWordsError: number_to_words: 1.5 is a float; pass ...
    """
    function = "number_to_words"
    return _words(_parse(value, function), _style(function, zero_tens, thousand, four))


def amount_to_words(
    amount: int | Decimal | str,
    currency: str = "đồng",
    *,
    zero_tens: ZeroTens = "linh",
    thousand: Thousand = "nghìn",
    four: Four = "tư",
) -> str:
    """An amount of money in words for "Bằng chữ": capital first letter, currency appended.

    Only whole amounts: an int, an integral Decimal (``Decimal("1500000.00")`` is fine) or a
    string of an integer (``"1.500.000"``, ``"1500000"``). Floats, NaN and infinities,
    bools, non-integral values and non-numeric strings are refused. ``currency=""`` leaves
    the unit out. The wording options are those of :func:`number_to_words`.

    >>> amount_to_words(1_500_000)
    'Một triệu năm trăm nghìn đồng'
    >>> amount_to_words("28.080.000")
    'Hai mươi tám triệu không trăm tám mươi nghìn đồng'
    >>> amount_to_words(702_000, zero_tens="lẻ")
    'Bảy trăm lẻ hai nghìn đồng'
    >>> amount_to_words("1,5")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    tdkt_docs.vietnamese.numbers.NumberWordsError: amount_to_words: '1,5' is not a whole ...
    """
    function = "amount_to_words"
    number = _parse(amount, function, for_money=True)
    if number.fraction.strip("0"):
        raise NumberWordsError(
            function, amount, "is not a whole amount; pass an int, a Decimal or a string of digits"
        )
    if not isinstance(currency, str):
        raise NumberWordsError(function, currency, "is not a currency name; pass a string")
    style = _style(function, zero_tens, thousand, four)
    words = _words(_Number(number.negative, number.integer, ""), style)
    text = f"{words} {currency.strip()}".rstrip()
    return text[0].upper() + text[1:]


def ordinal_words(
    n: int,
    *,
    zero_tens: ZeroTens = "linh",
    thousand: Thousand = "nghìn",
    four: Four = "tư",
) -> str:
    """The ordinal "thứ …" of a positive int: 1 is "thứ nhất" and 4 is always "thứ tư".

    >>> ordinal_words(1), ordinal_words(4), ordinal_words(14), ordinal_words(24)
    ('thứ nhất', 'thứ tư', 'thứ mười bốn', 'thứ hai mươi tư')
    >>> ordinal_words(0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    tdkt_docs.vietnamese.numbers.NumberWordsError: ordinal_words: 0 is not a positive ...
    """
    function = "ordinal_words"
    if isinstance(n, bool) or not isinstance(n, int):
        raise NumberWordsError(function, n, f"is a {type(n).__name__}; pass an int ≥ 1")
    if n < 1:
        raise NumberWordsError(function, n, "is not a positive whole number; ordinals start at 1")
    if n == 1:
        return "thứ nhất"
    if n == 4:
        return "thứ tư"
    style = _style(function, zero_tens, thousand, four)
    return f"thứ {_words(_parse(n, function), style)}"


def format_number(value: int | Decimal | str, decimals: int | None = None) -> str:
    """Digits with Vietnamese separators: ``.`` between thousands, ``,`` before decimals.

    ``decimals=None`` keeps the decimals as written (``"1,50"`` stays ``1,50``); an int
    rounds half away from zero to that many places. Floats and bools are refused, as
    everywhere in this module. The locale is always Vietnamese, whatever LANG or LC_ALL say.

    >>> format_number(1_500_000)
    '1.500.000'
    >>> format_number("12345678.5")
    '12.345.678,5'
    >>> format_number(-2_340_000)
    '-2.340.000'
    >>> format_number("2,345", decimals=2)
    '2,35'
    >>> format_number(1500, decimals=2)
    '1.500,00'
    """
    function = "format_number"
    number = _parse(value, function)
    if decimals is None:
        places = len(number.fraction)
    elif isinstance(decimals, bool) or not isinstance(decimals, int):
        raise NumberWordsError(function, decimals, "is not a number of decimals; pass an int")
    elif not 0 <= decimals <= MAX_FRACTION_DIGITS:
        raise NumberWordsError(
            function, decimals, f"decimals must be between 0 and {MAX_FRACTION_DIGITS}"
        )
    else:
        places = decimals
    # Enough precision for 18 integer and 20 decimal digits, and a rounding rule that does
    # not depend on the caller's decimal context (Babel rounds in the current context).
    context = Context(prec=60, rounding=ROUND_HALF_UP)
    exact = number.as_decimal().quantize(Decimal(1).scaleb(-places), context=context)
    if exact.is_zero():
        exact = exact.copy_abs()  # no "-0"
    pattern = "#,##0" + ("." + "0" * places if places else "")
    with localcontext(context):
        text = babel_numbers.format_decimal(exact, format=pattern, locale=_BABEL_LOCALE)
    return _vietnamese_symbols(text)


def _vietnamese_symbols(text: str) -> str:
    """Make sure of '.' thousands, ',' decimals and '-' whatever symbols Babel used.

    Babel's "vi" data has exactly these (checked in the tests); this guard keeps the output
    right should a CLDR update ever change them.
    """
    replacements = {
        babel_numbers.get_group_symbol(_BABEL_LOCALE): ".",
        babel_numbers.get_decimal_symbol(_BABEL_LOCALE): ",",
        babel_numbers.get_minus_sign_symbol(_BABEL_LOCALE): "-",
    }
    if len(replacements) < 3:
        raise RuntimeError(f"Babel's {_BABEL_LOCALE!r} number symbols are not distinct")
    pattern = re.compile("|".join(re.escape(symbol) for symbol in replacements))
    return pattern.sub(lambda match: replacements[match.group()], text)


def count_text(count: int) -> str:
    """A count in administrative text: below 10 with a leading zero ("05 tập thể"), else
    with thousands dots.

    >>> count_text(5), count_text(12), count_text(1500), count_text(0)
    ('05', '12', '1.500', '0')
    """
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise NumberWordsError("count_text", count, "is not a count; pass an int from 0")
    return f"{count:02d}" if 0 < count < 10 else format_number(count)


def roman(n: int) -> str:
    """The Roman numeral of 1 ≤ n ≤ 3999 (used for part numbers: Phần I, Chương II).

    >>> roman(4), roman(14), roman(1994)
    ('IV', 'XIV', 'MCMXCIV')
    """
    function = "roman"
    if isinstance(n, bool) or not isinstance(n, int):
        raise NumberWordsError(function, n, f"is a {type(n).__name__}; pass an int from 1 to 3999")
    if not 1 <= n <= 3999:
        raise NumberWordsError(function, n, "is out of range; Roman numerals cover 1 to 3999")
    numeral = []
    for amount, letters in _ROMAN_NUMERALS:
        count, n = divmod(n, amount)
        numeral.append(letters * count)
    return "".join(numeral)


# --- reading words back ------------------------------------------------------------------

_DIGIT_VALUES = {word: value for value, word in enumerate(_DIGIT_WORDS)} | {
    "mốt": 1,
    "tư": 4,
    "lăm": 5,
    "nhăm": 5,
    "bẩy": 7,
}
_ZERO_TENS_WORDS = frozenset({"linh", "lẻ"})
_THOUSAND_WORDS = frozenset({"nghìn", "ngàn"})
_BILLION_WORDS = frozenset({"tỷ", "tỉ"})
_AMOUNT_ENDINGS = ("đồng chẵn", "đồng", "chẵn")


def words_to_number(text: str) -> int:
    """The whole number that Vietnamese words read: the inverse of :func:`number_to_words`
    and :func:`amount_to_words` for integers (``words_to_number(number_to_words(n)) == n``).

    Case, NFC/NFD, spaces and a final full stop do not matter; "đồng" and "chẵn" at the end
    are dropped; "linh"/"lẻ", "nghìn"/"ngàn", "tỷ"/"tỉ", "tư"/"bốn", "mốt", "lăm" are all
    read. Words that do not make a number raise :class:`NumberWordsError`.

    >>> words_to_number("Ba triệu năm trăm mười nghìn đồng.")
    3510000
    >>> words_to_number("một nghìn năm trăm tỷ")
    1500000000000
    """
    function = "words_to_number"
    if not isinstance(text, str):
        raise NumberWordsError(function, text, f"is a {type(text).__name__}; pass a string")
    cleaned = unicodedata.normalize("NFC", text).strip().rstrip(".").strip().lower()
    for ending in _AMOUNT_ENDINGS:
        if cleaned.endswith(ending):
            cleaned = cleaned.removesuffix(ending).strip()
            break
    words = cleaned.split()
    negative = bool(words) and words[0] == "âm"
    if negative:
        words = words[1:]
    value = _read_words(words) if words else None
    if value is None:
        raise NumberWordsError(function, text, "is not a whole number in Vietnamese words")
    if value > MAX_MAGNITUDE:
        raise NumberWordsError(function, text, _TOO_LARGE)
    return -value if negative else value


def _read_words(words: list[str]) -> int | None:
    """The value of a run of words below 10^18 (the part above tỷ is a number of its own),
    or ``None`` when they do not read as one."""
    if words == ["không"]:
        return 0
    billions = max((i for i, w in enumerate(words) if w in _BILLION_WORDS), default=None)
    total = 0
    if billions is not None:
        above = _read_words(words[:billions])
        if not above:
            return None
        total = above * 10**9
        words = words[billions + 1 :]
    lower = _read_below_billion(words, after_higher=billions is not None)
    if lower is None:
        return None
    return total + lower


def _read_below_billion(words: list[str], *, after_higher: bool) -> int | None:
    total = 0
    for scale_words, scale in ((frozenset({"triệu"}), 10**6), (_THOUSAND_WORDS, 10**3)):
        position = next((i for i, w in enumerate(words) if w in scale_words), None)
        if position is None:
            continue
        group = _read_group(words[:position], after_higher=after_higher or bool(total))
        if not group:
            return None
        total += group * scale
        words = words[position + 1 :]
    if not words:
        return total if (total or after_higher) else None
    group = _read_group(words, after_higher=after_higher or bool(total))
    if not group:
        return None
    return total + group


def _read_group(words: list[str], *, after_higher: bool) -> int | None:
    """1–999 from its words ("không trăm linh năm" only after a higher group)."""
    hundreds = 0
    if len(words) >= 2 and words[1] == "trăm" and words[0] in _DIGIT_VALUES:
        hundreds = _DIGIT_VALUES[words[0]]
        if hundreds == 0 and not after_higher:
            return None
        words = words[2:]
    rest = _read_tens(words)
    if rest is None:
        return None
    value = hundreds * 100 + rest
    return value or None


def _read_tens(words: list[str]) -> int | None:
    """0–99: "", "linh năm", "mười", "mười lăm", "hai mươi mốt", "chín"."""
    if not words:
        return 0
    first, rest = words[0], words[1:]
    if first in _ZERO_TENS_WORDS:
        return _unit(rest)
    if first == "mười":
        unit = _unit(rest) if rest else 0
        return None if unit is None else 10 + unit
    if len(words) >= 2 and words[1] == "mươi" and _DIGIT_VALUES.get(first, 0) >= 2:
        unit = _unit(words[2:]) if words[2:] else 0
        return None if unit is None else _DIGIT_VALUES[first] * 10 + unit
    return _unit(words)


def _unit(words: list[str]) -> int | None:
    if len(words) != 1 or words[0] not in _DIGIT_VALUES or words[0] == "không":
        return None
    return _DIGIT_VALUES[words[0]]
