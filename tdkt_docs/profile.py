"""The ND30 layout profile: every size and distance the documents use, as one named dataset.

Nghị định 30/2020/NĐ-CP gives ranges (Phụ lục I). ``LEGAL_RANGES`` holds those ranges;
a profile holds one choice for each, and is refused when a choice falls outside its range.
The bundled profile is ``data/profiles/nd30.yaml``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tdkt_docs.errors import ProfileError
from tdkt_docs.messages import problems_from
from tdkt_docs.metrics import text_width_mm

# Phụ lục I, NĐ 30/2020 (see nd30.md §1 and §2.17): (minimum, maximum), inclusive.
LEGAL_SIZE_RANGES_PT: dict[str, tuple[float, float]] = {
    "quoc_hieu": (12, 13),
    "tieu_ngu": (13, 14),
    "parent_agency": (12, 13),
    "agency": (12, 13),
    "number": (13, 13),
    "date_line": (13, 14),
    "subject": (12, 13),
    "stamp": (13, 14),
    "type_title": (13, 14),
    "type_extract": (13, 14),
    "heading": (13, 14),
    "appendix_label": (14, 14),
    "appendix_title": (13, 14),
    "appendix_reference": (13, 14),
    "table": (11, 14),
    "kinh_gui": (13, 14),
    "body": (13, 14),
    "authority": (13, 14),
    "signer_title": (13, 14),
    "signer_name": (13, 14),
    "noi_nhan_label": (12, 12),
    "noi_nhan_item": (11, 11),
    "drafter": (11, 11),
    "contact": (11, 12),
    "page_number": (13, 14),
}
LEGAL_MARGINS_MM: dict[str, tuple[float, float]] = {
    "top": (20, 25),
    "bottom": (20, 25),
    "left": (30, 35),
    "right": (15, 20),
}
LEGAL_FIRST_LINE_INDENTS_CM = (1.0, 1.27)
LEGAL_LINE_SPACING = (1.0, 1.5)
LEGAL_MIN_PARAGRAPH_SPACE_PT = 6.0
A4_MM = (210.0, 297.0)

_Positive = Annotated[float, Field(gt=0)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PageSize(_Frozen):
    width_mm: _Positive
    height_mm: _Positive


class Margins(_Frozen):
    top: _Positive
    bottom: _Positive
    left: _Positive
    right: _Positive


class BodyLayout(_Frozen):
    first_line_indent_cm: float
    space_before_pt: float
    space_after_pt: float = Field(ge=0)
    line_spacing: float


class Profile(_Frozen):
    """One consistent set of ND30 choices. Sizes in points, lengths in mm unless named."""

    name: str
    description: str = ""
    font: str
    quoc_hieu_text: str
    tieu_ngu_text: str
    page: PageSize
    margins_mm: Margins
    header_distance_mm: _Positive
    footer_distance_mm: _Positive
    sizes_pt: dict[str, float]
    body: BodyLayout
    header_columns_mm: tuple[_Positive, _Positive]
    signature_columns_mm: tuple[_Positive, _Positive]
    cell_margin_mm: float = Field(ge=0)
    subject_space_before_pt: float = Field(ge=0)
    kinh_gui_space_before_pt: float = Field(ge=0)
    signature_space_before_pt: float = Field(ge=0)
    signature_gap_pt: float = Field(ge=36)
    rule_weight_eighth_pt: int = Field(ge=2, le=24)
    agency_rule_fraction: float
    blank_number_spaces: int = Field(ge=4, le=30)
    blank_day_spaces: int = Field(ge=4, le=30)
    stamp_widths_mm: dict[str, _Positive]
    stamp_colour: str = Field(pattern=r"^[0-9A-F]{6}$")
    attachment_heading: Literal["DANH SÁCH", "Phụ lục"] = "DANH SÁCH"
    """The label over a decision's attached list: "DANH SÁCH", as TĐKT offices write it,
    or "Phụ lục", as Mẫu 2.1 does (tdkt-awards.md §2.4)."""

    @property
    def text_width_mm(self) -> float:
        return self.page.width_mm - self.margins_mm.left - self.margins_mm.right

    def size(self, role: str) -> float:
        """The font size chosen for ``role`` (a key of ``LEGAL_SIZE_RANGES_PT``)."""
        return self.sizes_pt[role]

    @model_validator(mode="after")
    def _inside_nd30(self) -> Profile:
        problems: list[str] = []
        if (self.page.width_mm, self.page.height_mm) != A4_MM:
            problems.append("page: expected A4 portrait, 210 × 297 mm")
        for side, (low, high) in LEGAL_MARGINS_MM.items():
            value = getattr(self.margins_mm, side)
            if not low <= value <= high:
                problems.append(f"margins_mm.{side}: {value:g} mm is outside {low:g}–{high:g} mm")
        missing = sorted(set(LEGAL_SIZE_RANGES_PT) - set(self.sizes_pt))
        if missing:
            problems.append(f"sizes_pt: missing {', '.join(missing)}")
        for role, value in self.sizes_pt.items():
            if role not in LEGAL_SIZE_RANGES_PT:
                problems.append(f"sizes_pt.{role}: unknown element")
                continue
            low, high = LEGAL_SIZE_RANGES_PT[role]
            if not low <= value <= high:
                problems.append(f"sizes_pt.{role}: {value:g} pt is outside {low:g}–{high:g} pt")
        if self.body.first_line_indent_cm not in LEGAL_FIRST_LINE_INDENTS_CM:
            problems.append("body.first_line_indent_cm: expected 1.0 or 1.27")
        if self.body.space_before_pt + self.body.space_after_pt < LEGAL_MIN_PARAGRAPH_SPACE_PT:
            problems.append("body: expected at least 6 pt between paragraphs")
        low, high = LEGAL_LINE_SPACING
        if not low <= self.body.line_spacing <= high:
            problems.append(f"body.line_spacing: expected {low} to {high} lines")
        if not 1 / 3 <= self.agency_rule_fraction <= 1 / 2:
            problems.append("agency_rule_fraction: expected 1/3 to 1/2")
        for name, columns in (
            ("header_columns_mm", self.header_columns_mm),
            ("signature_columns_mm", self.signature_columns_mm),
        ):
            if abs(sum(columns) - self.text_width_mm) > 0.5:
                problems.append(
                    f"{name}: columns add up to {sum(columns)} mm, "
                    f"expected the text width {self.text_width_mm:g} mm"
                )
        if not problems:
            room = self.header_columns_mm[1] - 2 * self.cell_margin_mm
            needed = text_width_mm(self.quoc_hieu_text, self.size("quoc_hieu"), bold=True)
            if needed > room - 1:
                problems.append(
                    f"header_columns_mm: the right column leaves {room:.1f} mm, "
                    f"the quốc hiệu needs {needed:.1f} mm to stay on one line"
                )
        if problems:
            raise ValueError("; ".join(problems))
        return self


@cache
def default_profile() -> Profile:
    """The bundled profile used by the bundled templates."""
    raw = resources.files("tdkt_docs").joinpath("data/profiles/nd30.yaml").read_text("utf-8")
    return _parse(yaml.safe_load(raw), "nd30.yaml")


def load_profile(path: str | Path) -> Profile:
    """Load a profile from a YAML file; raise :class:`ProfileError` if it breaks ND30."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ProfileError(f"{path}: cannot read the profile: {exc}") from exc
    return _parse(data, str(path))


def _parse(data: Any, source: str) -> Profile:
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        details = "; ".join(str(problem) for problem in problems_from(exc, None, model=Profile))
        raise ProfileError(f"{source}: {details}") from exc
