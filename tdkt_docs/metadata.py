"""The metadata of an outgoing document, as the fields of Nghị định 30/2020/NĐ-CP, Phụ lục
VI, Phần II, mục I ("Thông tin đầu vào của dữ liệu quản lý văn bản đi"), written as a JSON
sidecar beside its DOCX for a document management system to take in.

The names, types and lengths are those of the decree's table (its Word file prints
"Organld" and "Signerlnfo" with a lower-case L; the names are OrganId and SignerInfo). A
value the document does not hold is ``null``, never guessed: the mã định danh of an organ,
the hồ sơ a document is filed in, its page count (known once the pages are counted, e.g. in
its PDF), the priority code. Every value is checked against its field's length; a longer
one is a :class:`~tdkt_docs.errors.DataError` naming the document, the field and the limit.
Where the models already hold a value to a Phụ lục VI length (the trích yếu, the ký hiệu,
names and the signer), that limit is the models' own (:mod:`tdkt_docs.models`).

Dates ("Date", 10 characters) are written YYYY-MM-DD: ten characters, the date of JSON
Schema and XML Schema, which an importer reads without guessing the order of day and month
(15/9/2025 would be 9 characters, and 05/09/2025 and 09/05/2025 look alike to a program).
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tdkt_docs.errors import DataError, Problem
from tdkt_docs.models import (
    FULL_NAME,
    ORGAN_NAME,
    PHU_LUC_VI,
    POSITION,
    SUBJECT,
    SYMBOL_LENGTH,
    AdministrativeDocument,
    length_check,
)
from tdkt_docs.output import write_atomic
from tdkt_docs.register import recipient_list, type_name
from tdkt_docs.text import clean_line
from tdkt_docs.vietnamese.dates import document_number

LANGUAGE = "Tiếng Việt"
"""Ngôn ngữ: every document the package makes is in Vietnamese."""

TEXT_LIMITS: dict[str, tuple[int, str]] = {
    "FileCode.OrganId": (13, f"{PHU_LUC_VI}: mã định danh của cơ quan, tổ chức"),
    "FileCode.FileNotation": (20, f"{PHU_LUC_VI}: số và ký hiệu hồ sơ"),
    "TypeName": (100, f"{PHU_LUC_VI}: tên loại văn bản"),
    "CodeNumber": (11, f"{PHU_LUC_VI}: số của văn bản"),
    "CodeNotation": (SYMBOL_LENGTH, f"{PHU_LUC_VI}: ký hiệu của văn bản"),
    "OrganName": (ORGAN_NAME.limit, ORGAN_NAME.reason),
    "Subject": (SUBJECT.limit, SUBJECT.reason),
    "Language": (30, f"{PHU_LUC_VI}: ngôn ngữ"),
    "Description": (500, f"{PHU_LUC_VI}: ghi chú"),
    "SignerInfo.Position": (POSITION.limit, POSITION.reason),
    "SignerInfo.FullName": (FULL_NAME.limit, FULL_NAME.reason),
    "To.OrganId": (13, f"{PHU_LUC_VI}: mã định danh của cơ quan, tổ chức nhận văn bản"),
    "To.OrganName": (ORGAN_NAME.limit, ORGAN_NAME.reason),
}
"""The String fields: their length in characters and where it comes from."""

NUMBER_DIGITS: dict[str, tuple[int, int, str]] = {
    "FileCode.FileCatalog": (4, 1, f"{PHU_LUC_VI}: năm hình thành hồ sơ"),
    "DocOrdinal": (3, 1, f"{PHU_LUC_VI}: số thứ tự văn bản trong hồ sơ"),
    "PageAmount": (3, 1, f"{PHU_LUC_VI}: số trang của văn bản"),
    "Priority": (1, 0, f"{PHU_LUC_VI}: mức độ khẩn, độ mật"),
    "IssuedAmount": (3, 1, f"{PHU_LUC_VI}: số lượng bản phát hành"),
}
"""The Number fields: their length in digits, their least value and where they come from."""

DATE_FIELDS = ("IssuedDate", "DueDate")
"""The Date fields, 10 characters: YYYY-MM-DD."""


@dataclass(frozen=True)
class FileCode:
    """Mã hồ sơ without its organ (``organ_id``): the year the hồ sơ was formed and its số
    và ký hiệu, from the office's danh mục hồ sơ."""

    year: int
    """FileCatalog: năm hình thành hồ sơ."""
    notation: str
    """FileNotation: số và ký hiệu hồ sơ, e.g. "05.TĐKT"."""


def _describe(document: AdministrativeDocument) -> str:
    """How an error names the document: "Quyết định 12/QĐ-UBND"."""
    return f"{type_name(document)} {document_number(document.number, '…')}/{document.symbol}"


def _text(value: str | None) -> str | None:
    """A caller's text, cleaned (NFC, single spaces); an empty one is not known: ``None``."""
    cleaned = None if value is None else clean_line(value)
    return cleaned or None


def document_metadata(
    document: AdministrativeDocument,
    *,
    organ_id: str | None = None,
    file_code: FileCode | None = None,
    doc_ordinal: int | None = None,
    page_amount: int | None = None,
    description: str | None = None,
    recipient_ids: Mapping[str, str] | None = None,
    priority: int | None = None,
    issued_amount: int | None = None,
    due_date: dt.date | None = None,
    source: str | Path | None = None,
) -> dict[str, Any]:
    """The Phụ lục VI metadata of ``document`` (any kind of :mod:`tdkt_docs.kinds`), keys
    in the decree's order.

    From the document: TypeName ("Quyết định"; a công văn's is "Công văn"), CodeNumber (its
    số as printed, "05"), CodeNotation, IssuedDate (when its day is given), OrganName (the
    issuing agency's name as printed), Subject (the trích yếu, without the "V/v" or "Về
    việc" the page puts before it), Language, SignerInfo (chức vụ and họ tên), To (its
    Kính gửi and Nơi nhận, "Như trên" read as the Kính gửi, without "Lưu"), IssuedAmount
    (ô 12's copies, "PL.(300)"). The rest only from the caller: ``organ_id`` (mã định
    danh, the FileCode's), ``file_code``, ``doc_ordinal``, ``page_amount``,
    ``description``, ``recipient_ids`` (a recipient's name as the document writes it → its
    mã định danh), ``priority`` (the code of the receiving system), ``issued_amount`` (in
    place of ô 12's), ``due_date``. ``source`` names the document in errors (its file).
    """
    where = str(source) if source is not None else _describe(document)
    problems: list[Problem] = []

    def text(name: str, value: str | None) -> str | None:
        try:
            return _text(value)
        except ValueError as exc:
            problems.append(Problem(where, name, str(exc)))
            return None

    ids = dict(recipient_ids or {})
    recipients = recipient_list(document)
    unknown = sorted(set(ids) - set(recipients))
    if unknown:
        problems.append(
            Problem(where, "recipient_ids", f"{unknown[0]!r} is not a recipient of the document")
        )
    signer = document.signer
    date = document.date
    copies = document.drafter.copies if document.drafter is not None else None
    metadata: dict[str, Any] = {
        "FileCode": {
            "OrganId": text("FileCode.OrganId", organ_id),
            "FileCatalog": file_code.year if file_code is not None else None,
            "FileNotation": text(
                "FileCode.FileNotation", file_code.notation if file_code is not None else None
            ),
        },
        "DocOrdinal": doc_ordinal,
        "TypeName": type_name(document),
        "CodeNumber": document_number(document.number) if document.number is not None else None,
        "CodeNotation": document.symbol,
        "IssuedDate": (
            dt.date(date.year, date.month, date.day).isoformat() if date.day is not None else None
        ),
        "OrganName": document.agency.one_line_name,
        "Subject": document.subject,
        "Language": LANGUAGE,
        "PageAmount": page_amount,
        "Description": text("Description", description),
        "SignerInfo": {"Position": signer.title, "FullName": signer.name},
        "To": [
            {"OrganId": text(f"To[{i}].OrganId", ids.get(name)), "OrganName": name}
            for i, name in enumerate(recipients)
        ],
        "Priority": priority,
        "IssuedAmount": issued_amount if issued_amount is not None else copies,
        "DueDate": due_date.isoformat() if due_date is not None else None,
    }
    problems += metadata_problems(metadata, where)
    if problems:
        raise DataError(problems)
    return metadata


def _values(metadata: Mapping[str, Any]) -> list[tuple[str, str, Any]]:
    """(shown path, limit key, value) of every leaf: "To[2].OrganName", "To.OrganName"."""
    found: list[tuple[str, str, Any]] = []
    for key, value in metadata.items():
        if isinstance(value, Mapping):
            found += [(f"{key}.{k}", f"{key}.{k}", v) for k, v in value.items()]
        elif isinstance(value, list):
            for index, item in enumerate(value):
                items = item.items() if isinstance(item, Mapping) else ()
                found += [(f"{key}[{index}].{k}", f"{key}.{k}", v) for k, v in items]
        else:
            found.append((key, key, value))
    return found


def metadata_problems(metadata: Mapping[str, Any], source: str | None) -> list[Problem]:
    """Every value of ``metadata`` that does not fit its Phụ lục VI field: a text longer
    than its length, a number with more digits, a date not written YYYY-MM-DD."""
    problems: list[Problem] = []
    for shown, key, value in _values(metadata):
        if value is None:
            continue
        if key in TEXT_LIMITS:
            limit, reason = TEXT_LIMITS[key]
            if not isinstance(value, str):
                problems.append(Problem(source, shown, f"expected text, got {value!r}"))
                continue
            try:
                length_check(limit, reason)(value)
            except ValueError as exc:
                problems.append(Problem(source, shown, str(exc)))
        elif key in NUMBER_DIGITS:
            digits, least, reason = NUMBER_DIGITS[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                problems.append(
                    Problem(source, shown, f"expected a whole number from {least}, got {value!r}")
                )
            elif len(str(value)) > digits:
                problems.append(
                    Problem(
                        source,
                        shown,
                        f"{value} has {len(str(value))} digits; at most {digits} ({reason})",
                    )
                )
        elif key in DATE_FIELDS and not _is_date(value):
            problems.append(
                Problem(source, shown, f"expected a date written YYYY-MM-DD, got {value!r}")
            )
    return problems


def _is_date(value: object) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def sidecar_path(docx_path: str | Path) -> Path:
    """Where a document's sidecar goes: beside it, ``<name>.json``."""
    return Path(docx_path).with_suffix(".json")


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, Mapping):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]
    return value


def sidecar_bytes(metadata: Mapping[str, Any]) -> bytes:
    """The sidecar's content: UTF-8 JSON, text in NFC and written as itself (not
    ``\\u`` escapes), keys in the order given (:func:`document_metadata`: the decree's)."""
    text = json.dumps(_nfc(metadata), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def write_sidecar(
    docx_path: str | Path, metadata: Mapping[str, Any], *, overwrite: bool = False
) -> Path:
    """Write ``metadata`` beside ``docx_path`` as ``<name>.json``, atomically; its values
    are checked against their lengths first (a :class:`DataError` writes nothing). An
    existing sidecar is refused unless ``overwrite``."""
    path = sidecar_path(docx_path)
    problems = metadata_problems(metadata, str(path))
    if problems:
        raise DataError(problems)
    return write_atomic(path, sidecar_bytes(metadata), overwrite=overwrite)
