"""tdkt_docs: Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) as DOCX.

>>> import tdkt_docs
>>> document = tdkt_docs.load("examples/cong_van_tuyen_truyen.yaml")  # doctest: +SKIP
>>> tdkt_docs.render(document, "cv.docx")  # doctest: +SKIP
"""

from tdkt_docs.batch import BatchInterruptedError, BatchResult, RowOutcome, render_batch
from tdkt_docs.checker import Finding, UnreadableDocumentError, check
from tdkt_docs.errors import (
    ConversionError,
    DataError,
    OutputError,
    OutputExistsError,
    Problem,
    ProfileError,
    TdktError,
    TemplateError,
    WordingError,
)
from tdkt_docs.kinds import DocumentKind
from tdkt_docs.kinds.decision import Decision
from tdkt_docs.kinds.dispatch import Dispatch
from tdkt_docs.kinds.report import Report
from tdkt_docs.kinds.submission import Submission
from tdkt_docs.loader import load, validate
from tdkt_docs.models import Agency, Document, Drafter, IssueDate, Signer
from tdkt_docs.profile import Profile, default_profile, load_profile
from tdkt_docs.render import render, render_bytes
from tdkt_docs.vietnamese import (
    LegacyEncodingError,
    NumberWordsError,
    amount_to_words,
    convert_legacy,
    count_text,
    date_line,
    detect_legacy_encoding,
    format_number,
    number_to_words,
    ordinal_words,
    roman,
    short_date,
)

__version__ = "0.1.0"

__all__ = [
    "Agency",
    "BatchInterruptedError",
    "BatchResult",
    "ConversionError",
    "DataError",
    "Decision",
    "Dispatch",
    "Document",
    "DocumentKind",
    "Drafter",
    "Finding",
    "IssueDate",
    "LegacyEncodingError",
    "NumberWordsError",
    "OutputError",
    "OutputExistsError",
    "Problem",
    "Profile",
    "ProfileError",
    "Report",
    "RowOutcome",
    "Signer",
    "Submission",
    "TdktError",
    "TemplateError",
    "UnreadableDocumentError",
    "WordingError",
    "__version__",
    "amount_to_words",
    "check",
    "convert_legacy",
    "count_text",
    "date_line",
    "default_profile",
    "detect_legacy_encoding",
    "format_number",
    "load",
    "load_profile",
    "number_to_words",
    "ordinal_words",
    "render",
    "render_batch",
    "render_bytes",
    "roman",
    "short_date",
    "validate",
]
