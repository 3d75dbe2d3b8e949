"""Showing findings: a table grouped by severity for people, JSON for tools."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping

from rich.console import Console
from rich.table import Table

from tdkt_docs.checker.rules import Finding

# Rules that are not about the detected document type (not_applicable) are left out of
# the tables: they are neither faults nor gaps. --json keeps them.
_TITLES = {
    "error": "Lỗi (error)",
    "warning": "Cảnh báo (warning)",
    "not_evaluated": "Không đánh giá được",
}
_COLOURS = {"error": "red", "warning": "yellow", "not_evaluated": "dim"}


def print_findings(path: str, findings: list[Finding], console: Console | None = None) -> None:
    console = console or Console(width=160)
    counts = {kind: sum(f.severity == kind for f in findings) for kind in _TITLES}
    # Each document has a finding at least: the rules limited to a type (applies_to) are
    # not_applicable to the others, and not_evaluated when the type is unknown.
    documents = max((f.document for f in findings), default=1)
    in_file = f" ({documents} văn bản)" if documents > 1 else ""
    console.print(
        f"[bold]{path}[/bold]{in_file}: {counts['error']} lỗi, {counts['warning']} cảnh báo, "
        f"{counts['not_evaluated']} quy tắc không đánh giá được"
    )
    columns = ("Quy tắc", "Căn cứ (NĐ 30/2020)", "Vị trí", "Hiện có", "Yêu cầu")
    for kind, title in _TITLES.items():
        group = [f for f in findings if f.severity == kind]
        if not group:
            continue
        table = Table(title=title, title_style=f"bold {_COLOURS[kind]}", show_lines=False)
        for column in ("Văn bản", *columns) if documents > 1 else columns:
            table.add_column(column, overflow="fold")
        for f in group:
            cells = (f.rule, f.locator, f.where, f.found, f.expected or f.message)
            table.add_row(*((str(f.document), *cells) if documents > 1 else cells))
        console.print(table)


def to_json(results: Mapping[str, object]) -> str:
    def convert(value: object) -> object:
        if isinstance(value, list):
            return [dataclasses.asdict(f) if isinstance(f, Finding) else f for f in value]
        return value

    files = {path: convert(value) for path, value in results.items()}
    return json.dumps({"files": files}, ensure_ascii=False, indent=2)
