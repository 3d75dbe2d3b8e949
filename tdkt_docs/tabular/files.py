"""What a data file is, and whether it is safe to hand to a reader.

The limits hold for every tabular file, batch data and monthly submissions alike, and are
checked before any reader sees the file: its size on disk and, for the zip packages (.xlsx,
.xlsm, .xlsb, .ods), the number of entries, their declared unpacked size and each entry's
compression ratio, from the central directory alone, so a zip bomb is refused without
unpacking anything. An entry that lies about its size gains nothing: the zip readers of
Python and of python-calamine stop at the declared size.

A workbook's format is told by its content, not its name: an .xlsx renamed .xls is read as
the .xlsx it is, and a PDF, a web page or a Word document renamed .xlsx is refused with a
message that says what it is.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tdkt_docs.errors import DataError

MIB = 1024 * 1024
MAX_FILE_BYTES = 50 * MIB
MAX_UNPACKED_BYTES = 200 * MIB
MAX_PACKAGE_ENTRIES = 2000
MAX_COMPRESSION_RATIO = 200
"""Unpacked / packed size of one entry. Real sheets stay near 20 (measured on the example
submissions and on 20,000-row workbooks from openpyxl and LibreOffice); zip bombs reach 1,000."""
RATIO_CHECKED_FROM = MIB
"""Entries smaller than this are not ratio-checked: a few KB of repeated XML may compress
more, and cannot harm."""

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv",)
TABULAR_SUFFIXES = (*WORKBOOK_SUFFIXES, *CSV_SUFFIXES)

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
"""The stream in which Excel stores a workbook protected by a password (an OLE file)."""
_WORD_STREAM = "WordDocument".encode("utf-16-le")

SAVE_AS_XLSX = "open it in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx)"
PASSWORD = (
    "is protected by a password; open it, remove the password (Excel: File → Info → Protect "
    "Workbook → Encrypt with Password; LibreOffice: File → Save As, untick 'Save with "
    "password') and save it again"
)


@dataclass(frozen=True)
class Kind:
    """A workbook format: its name in messages, and the extensions it is saved with."""

    name: str
    suffixes: tuple[str, ...]


XLSX = Kind("Excel workbook (.xlsx)", (".xlsx", ".xlsm"))
XLSB = Kind("Excel binary workbook (.xlsb)", (".xlsb",))
XLS = Kind("Excel 97-2003 workbook (.xls)", (".xls",))
ODS = Kind("OpenDocument spreadsheet (.ods)", (".ods",))


@dataclass(frozen=True)
class WorkbookFile:
    """A workbook within the limits, and what it really is."""

    path: Path
    data: bytes
    kind: Kind
    package: zipfile.ZipFile | None
    """The open zip package (.xlsx, .xlsm, .xlsb, .ods); ``None`` for an .xls."""


def refused(path: Path, message: str) -> DataError:
    return DataError.single(path, "", message)


def _mib(size: int) -> str:
    return f"{size / MIB:.1f} MiB"


def read_within_limit(path: Path) -> bytes:
    """The file's bytes, after checking its size on disk."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise refused(
                path, f"is {_mib(size)}, over the limit of {_mib(MAX_FILE_BYTES)} for a data file"
            )
        return path.read_bytes()
    except OSError as exc:
        raise refused(path, f"cannot be read ({exc.strerror or exc})") from exc


def open_workbook_file(path: Path) -> WorkbookFile:
    """Check the limits and tell the format of a workbook, or raise :class:`DataError`."""
    data = read_within_limit(path)
    if data.startswith(ZIP_SIGNATURES):
        package = _open_package(path, data)
        return WorkbookFile(path, data, _package_kind(path, package), package)
    if data.startswith(OLE_SIGNATURE):
        if _ENCRYPTED_OOXML in data:
            raise refused(path, PASSWORD)
        return WorkbookFile(path, data, XLS, None)
    raise refused(path, f"is not a spreadsheet workbook: {describe(data)}; {SAVE_AS_XLSX}")


def _open_package(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise refused(path, f"is a damaged zip package; {SAVE_AS_XLSX}") from exc
    if len(entries) > MAX_PACKAGE_ENTRIES:
        raise refused(
            path, f"holds {len(entries)} parts, over the limit of {MAX_PACKAGE_ENTRIES}; "
            "it is not an ordinary workbook",
        )  # fmt: skip
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise refused(path, PASSWORD)
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES:
        raise refused(
            path, f"unpacks to {_mib(unpacked)}, over the limit of {_mib(MAX_UNPACKED_BYTES)}"
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size >= RATIO_CHECKED_FROM and ratio > MAX_COMPRESSION_RATIO:
            raise refused(
                path, f"its part {entry.filename} unpacks to {ratio:.0f} times its size, as a "
                f"zip bomb does (an ordinary workbook stays under {MAX_COMPRESSION_RATIO})",
            )  # fmt: skip
    return package


def _package_kind(path: Path, package: zipfile.ZipFile) -> Kind:
    names = set(package.namelist())
    if "xl/workbook.xml" in names:
        return XLSX
    if "xl/workbook.bin" in names:
        return XLSB
    if "content.xml" in names and _mimetype(package).startswith(ODS_MIMETYPE):
        if _ods_encrypted(package):
            raise refused(path, PASSWORD)
        return ODS
    if "word/document.xml" in names:
        what = "it is a Word document (.docx)"
    elif "ppt/presentation.xml" in names:
        what = "it is a PowerPoint presentation (.pptx)"
    elif "mimetype" in names:
        what = f"it is an OpenDocument file of type {_mimetype(package).decode(errors='replace')}"
    else:
        what = "it is a zip archive"
    raise refused(path, f"is not a spreadsheet workbook: {what}; {SAVE_AS_XLSX}")


XLSX_RELATIONSHIPS = "xl/_rels/workbook.xml.rels"
XLSB_RELATIONSHIPS = "xl/_rels/workbook.bin.rels"
_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def worksheet_targets(package: zipfile.ZipFile, relationships_part: str) -> dict[str, str]:
    """Relationship id → worksheet part, as the workbook's relationships name them (parts
    that are not in the package are left out)."""
    try:
        relationships = etree.fromstring(package.read(relationships_part), _XML)
    except KeyError:
        return {}
    names = set(package.namelist())
    targets = {}
    for relationship in relationships:
        if str(relationship.get("Type", "")).endswith("/worksheet"):
            target = str(relationship.get("Target", ""))
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if part in names:
                targets[str(relationship.get("Id", ""))] = part
    return targets


def _ods_encrypted(package: zipfile.ZipFile) -> bool:
    """Whether LibreOffice saved the file with a password: its manifest then describes how
    each part is encrypted."""
    try:
        return b"encryption-data" in package.read("META-INF/manifest.xml")
    except KeyError:
        return False


def _mimetype(package: zipfile.ZipFile) -> bytes:
    try:
        with package.open("mimetype") as entry:
            return entry.read(200).strip()
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return b""


def describe(data: bytes) -> str:
    """What a file that is not a workbook seems to be, for a message."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not data:
        return "the file is empty"
    if head.startswith(b"%pdf"):
        return "it is a PDF document"
    if b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "it is an Excel 2003 XML spreadsheet"
    if head.startswith((b"<!doctype html", b"<html")) or b"<table" in head:
        return "it is a web page (HTML), as some programs export under a spreadsheet's name"
    if head.startswith(b"<"):
        return "it is an XML or HTML file"
    if head.startswith(b"{\\rtf"):
        return "it is a Rich Text document (.rtf)"
    if data.startswith(OLE_SIGNATURE) and _WORD_STREAM in data:
        return "it is a Word 97-2003 document (.doc)"
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < min(len(data), 4096) - 3:  # not merely a letter cut at the end
            return "its content is not a known spreadsheet format (another kind of file renamed?)"
    return "it holds plain text (a CSV file must be named .csv)"
