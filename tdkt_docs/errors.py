"""The one exception tree of tdkt_docs.

::

    TdktError                    root: catch this to handle every tdkt_docs failure
    ├── DataError                bad input data; carries one Problem per bad field
    ├── TemplateError            a template cannot be found or rendered (e.g. a missing field)
    ├── ProfileError             an ND30 layout profile is invalid
    ├── WordingError             a value cannot be written in Vietnamese words or ND30 form
    │   └── NumberWordsError     (tdkt_docs.vietnamese.numbers) a number that cannot be read
    ├── LegacyEncodingError      (tdkt_docs.vietnamese.legacy) TCVN3/VNI text not convertible
    ├── OutputError              the output cannot be written
    │   └── OutputExistsError    the output exists and overwriting was not asked for
    └── ConversionError          LibreOffice is missing or did not convert a document

Every error keeps its data as attributes, and ``str(error)`` is a message a user can act on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One bad value in the input: where it is, what was found and what is expected.

    ``source`` is the file (or ``None`` for in-memory data), ``field`` the dotted path of the
    field (``signer.authority``, ``recipients[2]``), ``message`` says what is expected.
    """

    source: str | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"


class TdktError(Exception):
    """Root of every error raised by tdkt_docs."""


class DataError(TdktError):
    """The input data is invalid. ``problems`` lists every bad field, not only the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, source: str | Path | None, field: str, message: str) -> DataError:
        return cls([Problem(str(source) if source is not None else None, field, message)])


class TemplateError(TdktError):
    """A template cannot be found, or it uses a field the data does not provide."""

    def __init__(self, message: str, *, template: str | None = None, field: str | None = None):
        self.template = template
        self.field = field
        super().__init__(f"{template}: {message}" if template else message)


class ProfileError(TdktError):
    """An ND30 layout profile holds a value outside the range the decree allows."""


class WordingError(TdktError, ValueError):
    """A value that cannot be worded: a float for money, a day 32, a number too large…

    ``value`` is the refused value; the message names it and says what is expected.
    """

    def __init__(self, message: str, value: object = None) -> None:
        self.value = value
        super().__init__(message)


class OutputError(TdktError):
    """The output file cannot be written."""

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        super().__init__(f"{path}: {message}" if path is not None else message)


class OutputExistsError(OutputError):
    """The output exists; pass ``overwrite=True`` (``--force`` on the command line)."""


class ConversionError(TdktError):
    """A conversion to PDF failed: LibreOffice is missing (the message says how to install
    it), timed out, or wrote no PDF."""
