"""The award round: nominations workbooks → tờ trình, biên bản, quyết định with its danh
sách, money table, HR export, register and metadata sidecars.

>>> from tdkt_docs import awards
>>> awards.form("de-nghi.xlsx", round="examples/awards/round.yaml")        # doctest: +SKIP
>>> result = awards.compile("examples/awards/round.yaml",
...                         "examples/awards/nominations", "dot-khen-thuong")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tdkt_docs.awards.catalog import Catalog, load_catalog
from tdkt_docs.awards.compiler import Award, RoundResult, compile_round
from tdkt_docs.awards.nomination_form import write_form
from tdkt_docs.awards.round import RoundFile, load_round


def form(
    output: str | Path,
    *,
    round: RoundFile | str | Path | None = None,
    catalog: Catalog | str | Path | None = None,
    overwrite: bool = False,
) -> Path:
    """Write the nominations workbook units fill in; with ``round``, its forms, units and
    campaign. Returns the path written (atomically; an existing file is refused unless
    ``overwrite``)."""
    round_file = load_round(round) if isinstance(round, str | Path) else round
    loaded = load_catalog(catalog) if isinstance(catalog, str | Path) else catalog
    return write_form(output, round_file=round_file, catalog=loaded, overwrite=overwrite)


def compile(
    round: RoundFile | str | Path,
    nominations: str | Path,
    out_dir: str | Path,
    *,
    overwrite: bool = False,
    today: dt.date | None = None,
) -> RoundResult:
    """Compile a round (:func:`tdkt_docs.awards.compiler.compile_round`)."""
    return compile_round(round, nominations, out_dir, overwrite=overwrite, today=today)


__all__ = ["Award", "RoundResult", "compile", "form"]
