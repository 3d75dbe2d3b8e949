"""What python-calamine does not say of an Excel binary workbook (.xlsb): its merged ranges,
and how far its values reach (read before python-calamine lays a sheet out).

An .xlsb part is a run of records (MS-XLSB 2.1.4): a type and a size, each in groups of
7 bits (a set high bit: another byte follows), then the record's data. The workbook part
names the sheets (BrtBundleSh); a worksheet gives its rows (BrtRowHdr), its cells (the
column first) and its merged ranges (BrtMergeCell: first row, last row, first column, last
column), all numbered from 0.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator

from tdkt_docs.tabular.files import XLSB_RELATIONSHIPS, worksheet_targets
from tdkt_docs.tabular.model import CellRange, Layout

BUNDLE_SHEET = 0x009C
END_BUNDLE_SHEETS = 0x0090
ROW_HEADER = 0x0000
VALUE_CELLS = range(0x0002, 0x000C)
"""BrtCellRk … BrtFmlaError: the cells python-calamine reads a value from (not a blank)."""
MERGE_CELL = 0x00B0


def records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The (type, data) of every record of a part; a record cut short ends the run."""
    position, end = 0, len(data)
    while position < end:
        kind = data[position]
        position += 1
        if kind & 0x80:
            if position >= end:
                return
            kind = (kind & 0x7F) | ((data[position] & 0x7F) << 7)
            position += 1
        size = 0
        for shift in (0, 7, 14, 21):
            if position >= end:
                return
            byte = data[position]
            position += 1
            size |= (byte & 0x7F) << shift
            if not byte & 0x80:
                break
        yield kind, data[position : position + size]
        position += size


def _u32(data: bytes, offset: int = 0) -> int:
    return int.from_bytes(data[offset : offset + 4], "little")


def _wide(data: bytes, offset: int) -> tuple[str, int]:
    """An XLWideString at ``offset``: its text and the offset after it."""
    length = _u32(data, offset) * 2
    start = offset + 4
    return data[start : start + length].decode("utf-16-le", errors="replace"), start + length


def xlsb_layouts(package: zipfile.ZipFile) -> dict[str, Layout]:
    """Every worksheet's layout, by sheet name."""
    targets = worksheet_targets(package, XLSB_RELATIONSHIPS)
    layouts: dict[str, Layout] = {}
    for kind, data in records(package.read("xl/workbook.bin")):
        if kind == END_BUNDLE_SHEETS:
            break
        if kind != BUNDLE_SHEET or len(data) < 12 or _u32(data, 8) == 0xFFFF_FFFF:
            continue
        relationship, after = _wide(data, 8)
        name, _ = _wide(data, after)
        part = targets.get(relationship)
        if part is not None:
            layouts[name] = sheet_layout(package.read(part))
    return layouts


def sheet_layout(data: bytes) -> Layout:
    """The merged ranges of a worksheet part, and its last row and column (from 1) holding
    a value, as python-calamine places them (a cell before any row header is on row 1)."""
    layout = Layout([])
    row = 1
    for kind, body in records(data):
        if len(body) < 4:
            continue
        if kind == ROW_HEADER:
            row = _u32(body) + 1
        elif kind in VALUE_CELLS:
            layout.rows = max(layout.rows, row)
            layout.columns = max(layout.columns, _u32(body) + 1)
        elif kind == MERGE_CELL and len(body) >= 16:
            top, bottom, left, right = (_u32(body, offset) + 1 for offset in (0, 4, 8, 12))
            layout.merged.append(CellRange(top, left, bottom, right))
    return layout
