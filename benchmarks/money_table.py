"""How long the bảng tổng hợp tiền thưởng takes for N awards (default 1000, a large round).

Baselines in the same run: the same rows written the plain way (python-docx, a table filled
cell by cell; openpyxl, values only). Also the amounts themselves (award_amount) and the
checker on the table. Prints each time and its ratio to its baseline.

    python benchmarks/money_table.py [N]
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import time

import docx
import openpyxl

import tdkt_docs.checker
from tdkt_docs.awards.catalog import RecipientKind, default_catalog
from tdkt_docs.awards.money import award_amount, default_money
from tdkt_docs.awards.money_table import (
    COLUMNS,
    MoneyRow,
    MoneyTable,
    decision_reference,
    money_table_docx,
    money_table_xlsx,
)
from tdkt_docs.models import Agency

ON = dt.date(2025, 9, 15)
KINDS: tuple[RecipientKind, ...] = ("cá nhân", "cá nhân", "cá nhân", "tập thể", "hộ gia đình")


def _timed(function: object, *args: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)  # type: ignore[operator]
    return time.perf_counter() - start, result


def plain_docx(rows: list[tuple[str, ...]]) -> bytes:
    document = docx.Document()
    table = document.add_table(rows=1, cols=len(COLUMNS))
    for cell, text in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def plain_xlsx(rows: list[tuple[str | int, ...]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for values in rows:
        sheet.append(values)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rules = default_money()
    forms = {form.code: form for form in default_catalog().forms}
    start = time.perf_counter()
    rows = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        code = "BKCT" if n % 4 else "GK"
        rows.append(
            MoneyRow(
                f"Nguyễn Văn Người Số {n + 1}",
                "Chuyên viên, Sở Nội vụ tỉnh Khánh Hòa",
                kind,
                code,
                forms[code].label,
                award_amount(code, kind, ON, rules),
            )
        )
    amount_time = time.perf_counter() - start
    table = MoneyTable(
        agency=Agency(parent=None, name="ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA", place="Khánh Hòa"),
        reference=decision_reference(12, "QĐ-UBND", ON),
        rows=tuple(rows),
        as_of=ON,
    )
    texts = [line.cells for line in table.lines()]
    numbers = [(*line.cells[:-1], line.amount or 0) for line in table.lines()]

    plain_docx_time, _ = _timed(plain_docx, texts)
    docx_time, data = _timed(money_table_docx, table)
    plain_xlsx_time, _ = _timed(plain_xlsx, numbers)
    xlsx_time, _ = _timed(money_table_xlsx, table)
    assert isinstance(data, bytes)
    check_time, findings = _timed(tdkt_docs.checker.check_package_bytes, data, "tien.docx")
    errors = sum(f.severity in {"error", "warning", "not_evaluated"} for f in findings)  # type: ignore[attr-defined]

    print(f"awards:                          {count} ({len(texts)} table rows)")
    each = amount_time / count * 1000
    print(f"amounts (award_amount):          {amount_time:.2f} s ({each:.3f} ms each)")
    print(f"DOCX: python-docx cell by cell   {plain_docx_time:.2f} s")
    ratio = docx_time / plain_docx_time
    print(f"      money_table_docx           {docx_time:.2f} s  ({ratio:.2f}x)")
    print(f"XLSX: openpyxl values only       {plain_xlsx_time:.2f} s")
    ratio = xlsx_time / plain_xlsx_time
    print(f"      money_table_xlsx           {xlsx_time:.2f} s  ({ratio:.2f}x)")
    print(f"check on the DOCX:               {check_time:.2f} s")
    print(f"findings to fix:                 {errors} (expected 0)")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
