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
    ├── BatchInterruptedError    a batch was stopped (Ctrl-C, SIGTERM); says what was written
    ├── UnreadableDocumentError  ``check`` cannot read a file safely (not a DOCX, a zip bomb…)
    └── ConversionError          LibreOffice is missing or did not convert a document

Every error keeps its data as attributes, and ``str(error)`` is a message a user can act on.
"""

from __future__ import annotations

import dataclasses
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
    kind: str = dataclasses.field(default="", compare=False)
    """What sort of problem, for code that acts on it: the validation error's type
    (``missing``, ``too_short``, ``value_error`` …), or ``""``."""

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
    """The output exists and ``overwrite=True`` was not passed.

    ``reason`` says what exists ("already exists", "a batch was written here before");
    :meth:`advice` words the way out for a caller: ``overwrite=True`` in Python, and the
    command line passes ``--force``.
    """

    def __init__(
        self, reason: str, *, path: str | Path | None = None, several: bool = False
    ) -> None:
        self.reason = reason
        self.several = several
        super().__init__(self.advice("overwrite=True"), path=path)

    def advice(self, option: str) -> str:
        """The message with ``option`` as the way to replace the output."""
        return f"{self.reason}; pass {option} to replace {'them' if self.several else 'it'}"


class ConversionError(TdktError):
    """A conversion to PDF failed: LibreOffice is missing (the message says how to install
    it), timed out, or wrote no PDF."""


class BatchInterruptedError(TdktError):
    """A batch was stopped (Ctrl-C or SIGTERM).

    Before the commit nothing is written; during it, ``written`` documents are in place,
    each complete. Running the batch again (replacing those, see :meth:`advice`) does the
    rest.
    """

    def __init__(self, out_dir: Path, rows: int, written: int = 0) -> None:
        self.out_dir = out_dir
        self.rows = rows
        self.written = written
        super().__init__(self.advice("overwrite=True"))

    def advice(self, option: str) -> str:
        """The message with ``option`` as the way to replace what was written."""
        if self.written:
            return (
                f"interrupted while moving the documents into place: {self.written} of "
                f"{self.rows} are in {self.out_dir}, each complete; run again with {option} "
                "to finish"
            )
        return (
            f"interrupted: none of the {self.rows} documents was written to {self.out_dir}; "
            "run the same command again to make them"
        )


class UnreadableDocumentError(TdktError):
    """A file ``tdkt-docs check`` cannot read safely: not a DOCX, encrypted, damaged, or
    over the size limits (exit code 2 of ``check``)."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")
