"""What python-calamine does not say of an OpenDocument spreadsheet: its merged ranges, and
how far its values reach (python-calamine lays every sheet out when it opens the file).

Both are read from the ``table:number-columns-spanned``, ``table:number-rows-spanned`` and
``…-repeated`` attributes of ``content.xml``, streamed with entity resolution and network
access off.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import IO

from lxml import etree

from tdkt_docs.tabular.model import CellRange, Layout

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_TAGS = (f"{_TABLE}table", f"{_TABLE}table-row", f"{_TABLE}table-cell")
_ODS_COVERED = f"{_TABLE}covered-table-cell"
_VALUE_TYPE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"

ODS_MAX_REPEAT = 10_000
"""Rows and cells repeated more than this are the empty rest of a sheet (LibreOffice writes
``number-rows-repeated="1048553"``): no merged range of interest starts there."""


def _number(element: etree._Element, attribute: str) -> int:
    return max(1, int(element.get(f"{_TABLE}{attribute}", "1")))


def ods_layouts(package: zipfile.ZipFile) -> dict[str, Layout]:
    """Every table of ``content.xml``, by name."""
    with package.open("content.xml") as content:
        return dict(_ods_tables(content))


def _ods_tables(content: IO[bytes]) -> Iterator[tuple[str, Layout]]:
    events = etree.iterparse(
        content,
        events=("start", "end"),
        tag=(*_ODS_TAGS, _ODS_COVERED),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    name, table = "", Layout([])
    row = column = 0
    row_repeat = repeat = 1
    inside_cell = 0  # a cell may hold a table of its own: its rows are not the sheet's
    for event, element in events:
        tag = element.tag
        if tag in (f"{_TABLE}table-cell", _ODS_COVERED):
            inside_cell += 1 if event == "start" else -1
            if inside_cell > 1 or (event == "end" and inside_cell > 0):
                continue
            if event == "start":
                repeat = _number(element, "number-columns-repeated")
                across = _number(element, "number-columns-spanned")
                down = _number(element, "number-rows-spanned")
                if (across > 1 or down > 1) and tag != _ODS_COVERED:
                    for r in range(row, row + min(row_repeat, ODS_MAX_REPEAT)):
                        for c in range(column, column + min(repeat, ODS_MAX_REPEAT)):
                            table.merged.append(CellRange(r, c, r + down - 1, c + across - 1))
                column += repeat
            elif tag != _ODS_COVERED and (element.get(_VALUE_TYPE) or len(element)):
                # A value, repeated: python-calamine lays out every repetition.
                table.rows = max(table.rows, row + row_repeat - 1)
                table.columns = max(table.columns, column - 1)
        elif inside_cell:
            continue
        elif tag == f"{_TABLE}table-row":
            if event == "start":
                row_repeat = _number(element, "number-rows-repeated")
                column = 1
            else:
                row += row_repeat
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del element.getparent()[0]
        elif event == "start":  # a table
            name, table, row = element.get(f"{_TABLE}name", ""), Layout([]), 1
        else:
            yield name, table
            element.clear(keep_tail=True)
