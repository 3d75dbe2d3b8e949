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

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from tdkt_docs.awards.catalog import Catalog, load_catalog
from tdkt_docs.awards.certificate_layout import LoadedLayout
from tdkt_docs.awards.certificates import CertificatesResult, Sheet, print_certificates
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


def certificates(
    results_dir: str | Path,
    layout: LoadedLayout | str | Path,
    out_dir: str | Path,
    *,
    only: Iterable[str] | None = None,
    first_number: int = 1,
    calibrate: bool = False,
    preview: str | Path | None = None,
    overwrite: bool = False,
) -> CertificatesResult:
    """Print the decided awards of a compiled round (``results_dir`` holds ``ket-qua.json``)
    onto pre-printed blanks placed by ``layout`` (``layout.yaml``): one PDF per award, a
    merged PDF and a manifest of số sổ in ``out_dir``
    (:func:`tdkt_docs.awards.certificates.print_certificates`)."""
    return print_certificates(
        results_dir,
        layout,
        out_dir,
        only=only,
        first_number=first_number,
        calibrate=calibrate,
        preview=preview,
        overwrite=overwrite,
    )


__all__ = [
    "Award",
    "CertificatesResult",
    "RoundResult",
    "Sheet",
    "certificates",
    "compile",
    "form",
]
