"""A minimal .xlsb, written record by record (MS-XLSB), for the reader's tests: neither
openpyxl nor LibreOffice writes .xlsb."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

Value = str | float


def record(kind: int, data: bytes = b"") -> bytes:
    """A record: its type and size in 7-bit groups (high bit: another byte follows)."""
    head = bytes([kind]) if kind < 0x80 else bytes([(kind & 0x7F) | 0x80, kind >> 7])
    size, groups = len(data), bytearray()
    while True:
        size, group = size >> 7, size & 0x7F
        groups.append(group | (0x80 if size else 0))
        if not size:
            return head + bytes(groups) + data


def wide(text: str) -> bytes:
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def _cell(column: int, value: Value) -> bytes:
    start = struct.pack("<I", column) + b"\0\0\0\0"  # column, style 0 (General)
    if isinstance(value, str):
        return record(0x0006, start + wide(value))  # BrtCellSt
    return record(0x0005, start + struct.pack("<d", value))  # BrtCellReal


def sheet_part(
    rows: Sequence[tuple[int, Sequence[Value]]],
    merged: Sequence[tuple[int, int, int, int]] = (),
) -> bytes:
    """Rows as (row index from 0, values from column A); merged ranges as (first row, last
    row, first column, last column), from 0."""
    last_row = max((r for r, _ in rows), default=0)
    last_column = max((len(v) for _, v in rows), default=1) - 1
    data = record(0x0081)  # BrtBeginSheet
    data += record(0x0094, struct.pack("<IIII", 0, last_row, 0, last_column))  # BrtWsDim
    data += record(0x0091)  # BrtBeginSheetData
    for row, values in rows:
        data += record(0x0000, struct.pack("<IIH", row, 0, 300) + b"\0" * 5)  # BrtRowHdr
        for column, value in enumerate(values):
            data += _cell(column, value)
    data += record(0x0092)  # BrtEndSheetData
    if merged:
        data += record(0x00B1, struct.pack("<I", len(merged)))  # BrtBeginMergeCells
        for cells in merged:
            data += record(0x00B0, struct.pack("<IIII", *cells))  # BrtMergeCell
        data += record(0x00B2)  # BrtEndMergeCells
    return data + record(0x0082)  # BrtEndSheet


def write_xlsb(path: Path, sheets: Sequence[tuple[str, bool, bytes]]) -> Path:
    """Sheets as (name, hidden, worksheet part)."""
    workbook = record(0x0083) + record(0x008F)  # BrtBeginBook, BrtBeginBundleShs
    relationships = []
    for number, (name, hidden, _) in enumerate(sheets, start=1):
        bundle = struct.pack("<II", 1 if hidden else 0, number) + wide(f"rId{number}") + wide(name)
        workbook += record(0x009C, bundle)  # BrtBundleSh
        relationships.append(
            f'<Relationship Id="rId{number}" Target="worksheets/sheet{number}.bin" Type="'
            'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        )
    workbook += record(0x0090) + record(0x0084)  # BrtEndBundleShs, BrtEndBook
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.bin", workbook)
        package.writestr(
            "xl/_rels/workbook.bin.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(relationships)
            + "</Relationships>",
        )
        for number, (_, _, part) in enumerate(sheets, start=1):
            package.writestr(f"xl/worksheets/sheet{number}.bin", part)
    return path
