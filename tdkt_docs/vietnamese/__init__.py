"""Vietnamese wording: ND30 numbers and dates, numbers in words, legacy (TCVN3, VNI) text.

>>> from tdkt_docs.vietnamese import amount_to_words, convert_legacy
>>> amount_to_words(2_340_000)
'Hai triệu ba trăm bốn mươi nghìn đồng'
>>> convert_legacy("ViÖt Nam", "TCVN3")
'Việt Nam'
"""

from tdkt_docs.vietnamese.dates import (
    date_line,
    day_text,
    document_number,
    month_text,
    short_date,
)
from tdkt_docs.vietnamese.legacy import (
    LegacyEncodingError,
    convert_legacy,
    detect_legacy_encoding,
)
from tdkt_docs.vietnamese.numbers import (
    NumberWordsError,
    amount_to_words,
    count_text,
    format_number,
    number_to_words,
    ordinal_words,
    roman,
)

__all__ = [
    "LegacyEncodingError",
    "NumberWordsError",
    "amount_to_words",
    "convert_legacy",
    "count_text",
    "date_line",
    "day_text",
    "detect_legacy_encoding",
    "document_number",
    "format_number",
    "month_text",
    "number_to_words",
    "ordinal_words",
    "roman",
    "short_date",
]
