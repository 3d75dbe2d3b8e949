"""``layout.yaml``: where each field of a Bằng khen or Giấy khen goes on a pre-printed blank.

Coordinates are millimetres from the top-left corner of the sheet. ``y`` is the baseline
of a field's first line; further lines go down by ``size × leading``. ``x`` depends on
``align``: the left edge (``left``), the centre (``center``) or the right edge
(``right``) of the text, and the wrap box of ``width`` mm spans from there (``left``),
around it (``center``) or up to it (``right``).

A layout is chosen for an award by its ``blank`` and ``kinds``: the award's form code is
one of the layout's ``forms``, or (when ``forms`` is empty) the award's form title starts
with ``blank`` ("Bằng khen", "Giấy khen"); and the award's kind (cá nhân, tập thể, hộ
gia đình) is one of ``kinds`` (empty: every kind). The first layout that matches wins.

Fonts: every field is set in ``font`` (default ``Times New Roman``, printed with its
metric twin Liberation Serif). Any other family must be listed under ``fonts`` with the
path of its TrueType files, and those files must exist.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from tdkt_docs.errors import DataError
from tdkt_docs.loader import read_data
from tdkt_docs.messages import problems_from
from tdkt_docs.text import match_key

DEFAULT_FAMILY = "Times New Roman"
LIBERATION_DIRS = (
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/liberation-serif"),
    Path("/usr/share/fonts/liberation"),
)
"""Where Debian/Ubuntu (fonts-liberation2, fonts-liberation) and Fedora put Liberation Serif."""

FontStyle = Literal["regular", "bold", "italic", "bold_italic"]


class FieldName(StrEnum):
    """The printed fields, in drawing order."""

    NAME = "name"
    POSITION = "position"
    ACHIEVEMENT = "achievement"
    DATE = "date"
    SIGNER_TITLE = "signer_title"
    SIGNER_NAME = "signer_name"
    DECISION = "decision"
    REGISTER_NUMBER = "register_number"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SizeRange(_Strict):
    """Font sizes in points: the text is set at ``max`` and shrinks down to ``min``."""

    max: float = Field(gt=0, le=200)
    min: float = Field(gt=0, le=200)

    @model_validator(mode="after")
    def _ordered(self) -> SizeRange:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self


class FieldBox(_Strict):
    """One field: anchor, wrap box, size range and style."""

    x: float = Field(ge=0, description="mm from the left edge: see align")
    y: float = Field(ge=0, description="mm from the top edge to the first line's baseline")
    width: float = Field(gt=0, description="mm: lines wrap within this width")
    max_lines: int = Field(default=1, ge=1, le=50)
    align: Literal["left", "center", "right"] = "left"
    size: SizeRange = SizeRange(max=14, min=10)
    leading: float = Field(default=1.2, ge=0.8, le=3, description="line height ÷ font size")
    bold: bool = False
    italic: bool = False
    colour: str = "#000000"
    font: str = DEFAULT_FAMILY

    @field_validator("colour")
    @classmethod
    def _colour(cls, value: str) -> str:
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
            raise ValueError(f"expected a colour as #RRGGBB (#1a1a80), got {value!r}")
        return value

    @property
    def style(self) -> FontStyle:
        if self.bold and self.italic:
            return "bold_italic"
        return "bold" if self.bold else "italic" if self.italic else "regular"

    def left_edge(self) -> float:
        """The left edge of the wrap box, in mm."""
        return {"left": self.x, "center": self.x - self.width / 2, "right": self.x - self.width}[
            self.align
        ]


class Offset(_Strict):
    """The printer's offset in mm: added to every field (right and down are positive)."""

    dx: float = Field(default=0, ge=-50, le=50)
    dy: float = Field(default=0, ge=-50, le=50)


class PageSize(_Strict):
    width: float = Field(default=420, gt=0, le=1500, description="mm")
    height: float = Field(default=297, gt=0, le=1500, description="mm")


class FontFiles(_Strict):
    """A font family's TrueType files; styles without a file fall back to ``regular``."""

    regular: str
    bold: str | None = None
    italic: str | None = None
    bold_italic: str | None = None


class Layout(_Strict):
    """One kind of blank."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,40}$", description="used in file names")
    blank: str = Field(min_length=1, description="start of the form title: Bằng khen, Giấy khen")
    forms: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    page: PageSize = PageSize()
    fields: dict[FieldName, FieldBox]
    achievement: str | None = Field(
        None,
        max_length=2000,
        description="the achievement text instead of the decision's reason: "
        "“Đã có thành tích xuất sắc trong {reason}”; {reason} and {form_title} are replaced",
    )

    @field_validator("achievement")
    @classmethod
    def _achievement(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
        except ValueError as exc:
            raise ValueError(
                f"invalid text {value!r} ({exc}); only {{reason}} and {{form_title}} are "
                "replaced, and a brace is written {{ or }}"
            ) from None
        unknown = sorted(set(names) - {"reason", "form_title"})
        if unknown:
            raise ValueError(f"the text names {{{unknown[0]}}}; only {{reason}} and {{form_title}}")
        return value

    @field_validator("fields")
    @classmethod
    def _has_name(cls, value: dict[FieldName, FieldBox]) -> dict[FieldName, FieldBox]:
        if FieldName.NAME not in value:
            raise ValueError("a layout must place the name (fields.name)")
        return value

    @model_validator(mode="after")
    def _inside_page(self) -> Layout:
        for name, box in self.fields.items():
            left = box.left_edge()
            if left < 0 or left + box.width > self.page.width:
                raise ValueError(
                    f"fields.{name.value}: the box {left:g}–{left + box.width:g} mm leaves "
                    f"the page (0–{self.page.width:g} mm wide)"
                )
            if box.y > self.page.height:
                raise ValueError(
                    f"fields.{name.value}: y {box.y:g} mm is below the page "
                    f"({self.page.height:g} mm high)"
                )
        return self

    def matches(self, form: str, form_title: str, kind: str | None) -> bool:
        if self.forms:
            form_ok = match_key(form) in {match_key(f) for f in self.forms}
        else:
            form_ok = match_key(form_title).startswith(match_key(self.blank))
        kind_ok = not self.kinds or match_key(kind or "") in {match_key(k) for k in self.kinds}
        return form_ok and kind_ok


class LayoutFile(_Strict):
    """The whole ``layout.yaml``."""

    offset: Offset = Offset()
    register_pattern: str = Field(
        default="Số sổ: {number}", description="the số sổ: {number} is the counter, {year}"
    )
    fonts: dict[str, FontFiles] = {}
    layouts: tuple[Layout, ...]

    @field_validator("register_pattern")
    @classmethod
    def _pattern(cls, value: str) -> str:
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
        except ValueError as exc:
            raise ValueError(f"invalid pattern {value!r}: {exc}") from None
        unknown = sorted(set(fields) - {"number", "year"})
        if unknown:
            raise ValueError(f"the pattern names {{{unknown[0]}}}; only {{number}} and {{year}}")
        if "number" not in fields:
            raise ValueError("the pattern must hold {number}")
        try:
            value.format(number=1, year=2025)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"invalid pattern {value!r}: {exc}") from None
        return value

    @field_validator("layouts")
    @classmethod
    def _some_unique(cls, value: tuple[Layout, ...]) -> tuple[Layout, ...]:
        if not value:
            raise ValueError("expected at least one layout (one per kind of blank)")
        names = [layout.name for layout in value]
        doubles = sorted({n for n in names if names.count(n) > 1})
        if doubles:
            raise ValueError(f"two layouts are named {doubles[0]!r}; names must differ")
        return value

    def find(self, form: str, form_title: str, kind: str | None) -> Layout | None:
        return next((lay for lay in self.layouts if lay.matches(form, form_title, kind)), None)


def load_layout(path: str | Path) -> LoadedLayout:
    """Read and check ``layout.yaml``; font paths are relative to its folder."""
    where = Path(path)
    return parse_layout(read_data(where), where)


class LoadedLayout:
    """A checked layout file with its font files resolved to existing paths."""

    def __init__(self, layout: LayoutFile, fonts: Mapping[tuple[str, FontStyle], Path]) -> None:
        self.file = layout
        self.fonts = dict(fonts)

    def font_path(self, family: str, style: FontStyle) -> Path:
        return self.fonts.get((family, style)) or self.fonts[(family, "regular")]


def parse_layout(data: Any, path: Path | None = None) -> LoadedLayout:
    source = str(path) if path is not None else None
    if not isinstance(data, Mapping):
        raise DataError.single(source, "", "expected a mapping of fields (offset, layouts …)")
    try:
        layout = LayoutFile.model_validate(data)
    except ValidationError as exc:
        raise DataError(problems_from(exc, source, model=LayoutFile)) from None
    return LoadedLayout(layout, _resolve_fonts(layout, path))


def _liberation_serif(style: FontStyle) -> Path | None:
    stem = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}
    for folder in LIBERATION_DIRS:
        candidate = folder / f"LiberationSerif-{stem[style]}.ttf"
        if candidate.is_file():
            return candidate
    return None


def _resolve_fonts(layout: LayoutFile, path: Path | None) -> dict[tuple[str, FontStyle], Path]:
    source = str(path) if path is not None else None
    base = path.parent if path is not None else Path.cwd()
    wanted: dict[str, set[FontStyle]] = {}
    where: dict[str, str] = {}
    for index, lay in enumerate(layout.layouts):
        for field, box in lay.fields.items():
            wanted.setdefault(box.font, set()).add(box.style)
            where.setdefault(box.font, f"layouts[{index}].fields.{field.value}.font")
    resolved: dict[tuple[str, FontStyle], Path] = {}
    for family, styles in wanted.items():
        files = layout.fonts.get(family)
        if files is None and family == DEFAULT_FAMILY:
            for style in {*styles, "regular"}:
                found = _liberation_serif(style)
                if found is None:
                    raise DataError.single(
                        source, where[family], f"the font {DEFAULT_FAMILY} is printed with "
                        "Liberation Serif, which is not installed (install fonts-liberation2) "
                        "— or list a TrueType file for it under fonts",
                    )  # fmt: skip
                resolved[(family, style)] = found
            continue
        if files is None:
            known = ", ".join(sorted({DEFAULT_FAMILY, *layout.fonts}))
            raise DataError.single(
                source, where[family], f"the font {family!r} is not listed under fonts; "
                f"expected one of {known}, or add {family!r} with the path of its .ttf file",
            )  # fmt: skip
        for style in {*styles, "regular"}:
            name = getattr(files, style) or files.regular
            file = Path(name) if Path(name).is_absolute() else base / name
            if not file.is_file():
                raise DataError.single(
                    source, f"fonts.{family}.{style}", f"the font file {file} is not "
                    "installed; expected the path of a TrueType (.ttf) file",
                )  # fmt: skip
            if file.suffix.lower() not in {".ttf", ".otf"}:
                raise DataError.single(
                    source, f"fonts.{family}.{style}", f"expected a .ttf file, got {file.name}"
                )
            resolved[(family, style)] = file
    return resolved
