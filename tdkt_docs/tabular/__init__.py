"""Tabular data in and out, in one place.

Reading (:func:`read_sheets`, :func:`read_sheet`): CSV, and workbooks in every format offices
send (.xlsx, .xlsm, .xls, .xlsb, .ods) with python-calamine; one set of size and zip-bomb
limits checked before a reader sees the file, one delimiter detection, one encoding
message, one set of value rules (:mod:`tdkt_docs.tabular.model`).

Writing (:func:`csv_bytes`, :func:`protect_cell`): the one guard against formula injection
for every CSV and XLSX file the tool writes (:mod:`tdkt_docs.tabular.output`).

::

    files.py      limits and the format of a file, told by its content
    extent.py     how far a sheet's values reach, before python-calamine lays it out
    delimited.py  CSV: encoding, separator, rows as a spreadsheet numbers them
    workbooks.py  workbooks with python-calamine
    ods.py        merged ranges and reach of an .ods, from content.xml
    xlsb.py       merged ranges and reach of an .xlsb, from its records
    model.py      Sheet, CellRange and the value rules
    reader.py     read_sheets, read_sheet
    output.py     the formula guard, csv_bytes
"""

from tdkt_docs.tabular.delimited import detect_delimiter
from tdkt_docs.tabular.extent import MAX_SHEET_CELLS
from tdkt_docs.tabular.files import (
    MAX_COMPRESSION_RATIO,
    MAX_FILE_BYTES,
    MAX_PACKAGE_ENTRIES,
    MAX_UNPACKED_BYTES,
    TABULAR_SUFFIXES,
    WORKBOOK_SUFFIXES,
)
from tdkt_docs.tabular.model import Cell, CellRange, Sheet
from tdkt_docs.tabular.output import csv_bytes, csv_cell, looks_like_formula, protect_cell
from tdkt_docs.tabular.reader import read_sheet, read_sheets

__all__ = [
    "MAX_COMPRESSION_RATIO",
    "MAX_FILE_BYTES",
    "MAX_PACKAGE_ENTRIES",
    "MAX_SHEET_CELLS",
    "MAX_UNPACKED_BYTES",
    "TABULAR_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "Cell",
    "CellRange",
    "Sheet",
    "csv_bytes",
    "csv_cell",
    "detect_delimiter",
    "looks_like_formula",
    "protect_cell",
    "read_sheet",
    "read_sheets",
]
