"""The award round: nominations workbooks → tờ trình, biên bản, quyết định with its danh
sách, money table, HR export, register and metadata sidecars.

>>> from tdkt_docs import awards
>>> awards.form("de-nghi.xlsx", round="examples/awards/round.yaml")        # doctest: +SKIP
>>> result = awards.compile("examples/awards/round.yaml",
...                         "examples/awards/nominations", "dot-khen-thuong")  # doctest: +SKIP
>>> awards.certificates("dot-khen-thuong", "examples/awards/layout.yaml",
...                     "bang-khen")                                   # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from tdkt_docs.awards.catalog import Catalog, load_catalog
from tdkt_docs.awards.certificate_pdf import CertificatesResult, Sheet, print_certificates
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


compile = compile_round
"""Compile a round: :func:`tdkt_docs.awards.compiler.compile_round`."""
certificates = print_certificates
"""Print a compiled round's certificates:
:func:`tdkt_docs.awards.certificate_pdf.print_certificates`."""


__all__ = [
    "Award",
    "CertificatesResult",
    "RoundResult",
    "Sheet",
    "certificates",
    "compile",
    "form",
]
