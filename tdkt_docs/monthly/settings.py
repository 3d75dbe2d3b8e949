"""The settings of the monthly report: who reports, who signs, who receives.

``report.yaml`` (beside the units registry, or given with ``--settings``)::

    agency: ../agency.yaml        # a path (relative to this file) or the fields themselves
    signer: {authority: KT. GIÁM ĐỐC, title: PHÓ GIÁM ĐỐC, name: Huỳnh Mạnh Thắng}
    distribution: [Như trên, UBND tỉnh (Báo cáo-VBĐT)]   # optional
    archive: [VT, PTĐKT]                                 # optional
    number: 12                                           # optional; blank for the clerk
    symbol: BC-SNV                                       # optional; BC- and the initials
    recipient: Ban Thi đua - Khen thưởng Trung ương      # optional

The file is read into :class:`ReportSettings`, whose fields are the keyword arguments of
:func:`tdkt_docs.monthly.compile` of the same names.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tdkt_docs.errors import DataError
from tdkt_docs.loader import read_data, resolve_agency
from tdkt_docs.messages import problems_from
from tdkt_docs.models import ORGAN_NAME, Agency, Line, Signer

REPORT_RECIPIENT = "Ban Thi đua - Khen thưởng Trung ương"
SETTINGS_FILE = "report.yaml"
"""Looked for beside the units registry when no settings file is given."""


class ReportSettings(BaseModel):
    """The agency, signer and Nơi nhận of the monthly report."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    agency: Agency
    """The reporting agency; ``display_name`` is needed for the appendix reference line."""
    signer: Signer
    distribution: tuple[Line, ...] = ("Như trên",)
    archive: tuple[Line, ...] = ("VT",)
    number: Annotated[int | None, Field(ge=1, le=999_999)] = None
    symbol: str | None = None
    """Ký hiệu; by default ``BC-`` and the agency's initials (``BC-SNV``)."""
    recipient: Annotated[Line, ORGAN_NAME] = REPORT_RECIPIENT


def load_report_settings(path: str | Path) -> ReportSettings:
    """Read a settings file (YAML or JSON). ``agency`` may be a path relative to it.

    Raises :class:`DataError` naming the file and each bad field.
    """
    path = Path(path)
    data = read_data(path)
    if not isinstance(data, Mapping):
        raise DataError.single(path, "", "expected the fields agency and signer (a mapping)")
    values = resolve_agency(data, path)  # agency: a path relative to this file
    try:
        settings = ReportSettings.model_validate(values)
    except ValidationError as exc:
        raise DataError(problems_from(exc, str(path), model=ReportSettings)) from None
    if settings.agency.display_name is None:
        raise DataError.single(
            path,
            "agency.display_name",
            "is needed for the appendix reference line and the report's text, "
            "e.g. 'Sở Nội vụ tỉnh Khánh Hòa'",
        )
    return settings


def settings_beside(units_path: str | Path) -> Path:
    """Where the settings are looked for when none are given: beside the units registry."""
    return Path(units_path).parent / SETTINGS_FILE
