"""The nominations workbook of an award round: its columns, and one accepted row.

The columns follow the real import templates of TĐKT software (the LIFE template
``MauTDKT_20231004.xlsx`` and its ``CANHAN``/``TAPTHE`` sheets): each has the heading the
form writes and the aliases real lists use ("Họ tên", "Tên tập thể", "Tỷ lệ phiếu bầu (%)"),
so a unit's own workbook is read as well as the form. The closed lists (phân loại, hình
thức, đối tượng, lĩnh vực, loại hình, danh xưng) come from the catalog
(``tdkt_docs/data/awards/catalog.yaml``), never from this module.

Each ``parse_*`` function turns the text of one cell into a value, or raises
:class:`CellError` whose message names the value expected.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Generic, TypeVar

from tdkt_docs.awards.catalog import Catalog, Lookup, RecipientKind, _Entry
from tdkt_docs.text import clean_block, clean_line, match_key, without_marks

MAX_TEXT = 5000
"""The longest text a cell may hold (characters): a tóm tắt thành tích of a page or two."""
BIRTH_YEAR_MIN = 1900
BIRTH_YEAR_MAX = 2100
GENDERS = ("nam", "nữ")


@dataclass(frozen=True)
class NominationColumn:
    """A column of the nominations workbook.

    ``required``: the row is refused without it (the vote column is required only when the
    round's Hội đồng votes: see :func:`required_keys`). ``catalog_list`` names the closed
    list of the catalog that the form offers as a drop-down.
    """

    key: str
    heading: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    width: float = 14.0
    guidance: str = ""
    catalog_list: str | None = None


COLUMNS: tuple[NominationColumn, ...] = (
    NominationColumn(
        "number",
        "STT",
        ("TT", "Số TT", "Số thứ tự"),
        width=6,
        guidance="Số thứ tự; không bắt buộc.",
    ),
    NominationColumn(
        "unit",
        "Đơn vị đề nghị",
        ("Đơn vị trình", "Cơ quan đề nghị", "Đơn vị đề nghị khen thưởng", "Đơn vị trình khen"),
        width=24,
        guidance=(
            "Tên đơn vị đề nghị, đúng như trong văn bản triệu tập đợt khen thưởng (chọn trong "
            "danh sách thả xuống). Có thể bỏ trống nếu ô “Đơn vị đề nghị: …” phía trên tiêu "
            "đề đã ghi tên đơn vị."
        ),
        catalog_list="units",
    ),
    NominationColumn(
        "honorific",
        "Danh xưng",
        (
            "Tên gọi",
            "Tên gọi (Ông/Bà/Chức danh)",
            "Ông/Bà",
            "Danh xưng (Ông/Bà)",
            "Ông/bà",
        ),
        width=10,
        guidance=(
            "Ông hoặc Bà (chọn trong danh sách); cấp bậc, chức danh khác (ví dụ Thượng tá) ghi "
            "trực tiếp. Để trống với tập thể."
        ),
        catalog_list="honorifics",
    ),
    NominationColumn(
        "name",
        "Họ và tên / tên tập thể, hộ gia đình",
        (
            "Họ và tên",
            "Họ tên",
            "Tên tập thể",
            "Tên cá nhân",
            "Tên cá nhân/tập thể",
            "Tên tập thể/cá nhân/hộ gia đình",
            "Tên tập thể/ cá nhân/ hộ gia đình",
            "Tên tập thể, cá nhân, hộ gia đình",
            "Họ và tên / tên tập thể",
            "Họ và tên/Tên tập thể",
            "Tên đơn vị / tập thể",
            "Tên đơn vị/tập thể",
            "Họ và tên / tên tập thể / hộ gia đình",
        ),
        required=True,
        width=30,
        guidance=(
            "Cá nhân: họ và tên đầy đủ (Nguyễn Thị Lan). Tập thể: tên đầy đủ (Phòng Kế hoạch - "
            "Tài chính, Sở Y tế). Hộ gia đình: “Hộ ông …”, “Hộ bà …” hoặc “Hộ gia đình ông …”."
        ),
    ),
    NominationColumn(
        "gender",
        "Giới tính",
        ("Nam/Nữ", "Giới"),
        width=9,
        guidance="Nam hoặc Nữ; chỉ ghi với cá nhân.",
        catalog_list="genders",
    ),
    NominationColumn(
        "birth_year",
        "Năm sinh",
        ("Ngày sinh", "Ngày, tháng, năm sinh", "Ngày tháng năm sinh", "Năm sinh (nam/nữ)"),
        width=10,
        guidance=(
            f"Năm sinh đủ 4 chữ số (ví dụ 1978), từ {BIRTH_YEAR_MIN} đến {BIRTH_YEAR_MAX}; "
            "chỉ ghi với cá nhân."
        ),
    ),
    NominationColumn(
        "position",
        "Chức vụ",
        ("Chức vụ, chức danh", "Chức danh", "Chức vụ/Chức danh"),
        width=20,
        guidance="Chức vụ, chức danh của cá nhân (Phó Giám đốc, Chuyên viên); không bắt buộc.",
    ),
    NominationColumn(
        "workplace",
        "Đơn vị công tác",
        (
            "Nơi công tác",
            "Tên đơn vị/tập thể công tác",
            "Đơn vị công tác / địa chỉ",
            "Đơn vị công tác, địa chỉ",
            "Địa chỉ",
            "Nơi ở",
            "Địa chỉ / Nơi ở",
        ),
        width=28,
        guidance=(
            "Cá nhân: cơ quan, đơn vị công tác. Tập thể: cơ quan cấp trên trực tiếp. Hộ gia "
            "đình: địa chỉ (thôn, xã)."
        ),
    ),
    NominationColumn(
        "kind",
        "Phân loại khen thưởng",
        ("Phân loại", "Cá nhân/Tập thể", "Loại khen thưởng", "Đối tượng khen thưởng"),
        required=True,
        width=16,
        guidance="Cá nhân, tập thể hoặc hộ gia đình (chọn trong danh sách).",
        catalog_list="kinds",
    ),
    NominationColumn(
        "form",
        "Hình thức khen thưởng",
        (
            "Danh hiệu thi đua/Hình thức khen thưởng",
            "Danh hiệu thi đua / Hình thức khen thưởng",
            "Hình thức khen thưởng / danh hiệu",
            "Hình thức khen thưởng/danh hiệu thi đua",
            "Hình thức",
            "Hình thức đề nghị",
            "Hình thức khen thưởng đề nghị",
            "Mã hình thức khen thưởng",
        ),
        required=True,
        width=26,
        guidance="Hình thức khen thưởng hoặc danh hiệu thi đua đề nghị (chọn trong danh sách).",
        catalog_list="forms",
    ),
    NominationColumn(
        "target_group",
        "Phân loại đối tượng",
        ("Mã phân loại cán bộ", "Mã phân loại tập thể", "Đối tượng", "Phân loại cán bộ"),
        width=26,
        guidance=(
            "Phân loại đối tượng theo biểu thống kê (chọn trong danh sách); dùng để thống kê "
            "khen thưởng theo Thông tư 02/2023/TT-BNV."
        ),
        catalog_list="target_groups",
    ),
    NominationColumn(
        "field",
        "Lĩnh vực",
        ("Lĩnh vực hoạt động", "Lĩnh vực công tác", "Mã lĩnh vực"),
        width=20,
        guidance="Lĩnh vực hoạt động (chọn trong danh sách).",
        catalog_list="fields",
    ),
    NominationColumn(
        "award_type",
        "Loại hình khen thưởng",
        ("Loại hình", "Loại hình khen"),
        width=14,
        guidance=(
            "Công trạng, chuyên đề, đột xuất, cống hiến, niên hạn hoặc đối ngoại; bỏ trống thì "
            "lấy loại hình của đợt khen thưởng."
        ),
        catalog_list="award_types",
    ),
    NominationColumn(
        "achievements",
        "Tóm tắt thành tích",
        ("Thành tích", "Tóm tắt thành tích chủ yếu", "Thành tích đạt được", "Thành tích nổi bật"),
        width=50,
        guidance="Tóm tắt thành tích nổi bật, kết quả cụ thể (3 - 5 câu).",
    ),
    NominationColumn(
        "vote",
        "Tỷ lệ phiếu (%)",
        (
            "Tỷ lệ phiếu",
            "Tỷ lệ phiếu bầu (%)",
            "Tỷ lệ phiếu bầu",
            "Tỷ lệ phiếu đồng ý (%)",
            "Tỷ lệ phiếu đồng ý",
            "Tỉ lệ phiếu (%)",
            "Tỉ lệ phiếu",
            "Kết quả bỏ phiếu (%)",
            "Tỷ lệ %",
        ),
        width=11,
        guidance=(
            "Tỷ lệ phiếu đồng ý của Hội đồng Thi đua - Khen thưởng, tính theo phần trăm (ví dụ "
            "85,5)."
        ),
    ),
)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}


def required_keys(votes_required: bool) -> tuple[str, ...]:
    """The keys of the columns a row must fill."""
    keys = [column.key for column in COLUMNS if column.required]
    return (*keys, "vote") if votes_required else tuple(keys)


def heading(key: str) -> str:
    return COLUMN_BY_KEY[key].heading


# --- One accepted row ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Nomination:
    """One accepted row of a nominations list: a person, collective or household proposed
    for one award form. Satisfies :class:`tdkt_docs.awards.documents.Nominee`."""

    unit: str
    """The proposing unit, exactly as round.yaml's ``proposals[].unit`` writes it."""
    honorific: str | None
    name: str
    gender: str | None
    """ "nam" or "nữ"."""
    birth_year: int | None
    position: str | None
    """Chức vụ."""
    workplace: str | None
    """Đơn vị công tác (an address for a household)."""
    kind: RecipientKind
    form: str
    """The catalog code of the award form: "BKCT"."""
    target_group: str | None
    field: str | None
    award_type: str | None
    achievements: str | None
    vote: Decimal | None
    """The Hội đồng's share of votes in favour, in percent: ``Decimal("85.5")``."""
    file: str
    sheet: str | None
    row: int

    @property
    def source(self) -> str:
        """ "so-y-te.xlsx, sheet 'Danh sách', row 7"."""
        sheet = f", sheet '{self.sheet}'" if self.sheet is not None else ""
        return f"{self.file}{sheet}, row {self.row}"


# --- Cells --------------------------------------------------------------------------------------


class CellError(ValueError):
    """A cell's value is refused; the message names the value expected."""


E = TypeVar("E", bound=_Entry)


@dataclass(frozen=True)
class Choice(Generic[E]):
    """A closed list of the catalog, as a cell is matched against it."""

    lookup: Lookup[E]

    def find(self, text: str) -> E | None:
        """The value named by ``text``; typed without any marks it is recognised too, when
        the letters name one value only ("ca nhan" is cá nhân; "cá nhăn" is not)."""
        found = self.lookup.find(text)
        if found is not None:
            return found
        letters = without_marks(text)
        if letters != match_key(text):
            return None  # marks typed, and wrong: a "did you mean", not a guess
        matches = [
            entry
            for entry in self.lookup.entries
            if letters in {without_marks(name) for name in entry.names()}
        ]
        return matches[0] if len(matches) == 1 else None

    def refuse(self, text: str, shown: tuple[str, ...] | None = None) -> CellError:
        values = shown if shown is not None else self.lookup.shown()
        listed = ", ".join(repr(v) for v in values[:8]) + (", …" if len(values) > 8 else "")
        return CellError(
            f"{text!r} is not a {self.lookup.what} of the catalog"
            + self.lookup.suggestion(text)
            + f"; expected one of {listed}"
        )


def text_value(text: str, *, block: bool = False) -> str:
    """Clean text (NFC, tidy spaces; line breaks kept when ``block``), at most
    :data:`MAX_TEXT` characters. TCVN3/VNI text and control characters are refused."""
    cleaned = clean_block(text) if block else clean_line(text)
    if len(cleaned) > MAX_TEXT:
        raise CellError(
            f"is {len(cleaned):,} characters long; at most {MAX_TEXT:,} are accepted".replace(
                ",", "."
            )
        )
    return cleaned


def parse_honorific(text: str, catalog: Catalog) -> str:
    """A danh xưng of the catalog in its catalog spelling ("ông" is "Ông"); another title
    ("Thượng tá") as typed, with a capital."""
    for honorific in catalog.honorifics:
        if match_key(honorific) == match_key(text):
            return honorific
    return text[:1].upper() + text[1:]


def parse_gender(text: str) -> str:
    key = match_key(text)
    for gender in GENDERS:
        if key == gender:
            return gender
    letters = without_marks(text)
    if letters == "nu":
        return "nữ"
    if letters == "nam":
        return "nam"
    raise CellError(f"{text!r} is not a gender; expected 'Nam' or 'Nữ'")


def parse_birth_year(raw: object, text: str) -> int:
    year: int | None = None
    if isinstance(raw, dt.date):
        year = raw.year  # a full date of birth where the year was asked for
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        year = int(raw) if math.isfinite(raw) and float(raw).is_integer() else None
    else:
        match = re.fullmatch(r"(\d{4})(?:\.0+)?|\d{1,2}[/.-]\d{1,2}[/.-](\d{4})", text.strip())
        if match:
            year = int(match.group(1) or match.group(2))
    if year is None:
        raise CellError(f"{text!r} is not a year of birth; expected a year such as 1978")
    if not BIRTH_YEAR_MIN <= year <= BIRTH_YEAR_MAX:
        raise CellError(
            f"{year} is not a year of birth; expected a year from {BIRTH_YEAR_MIN} to "
            f"{BIRTH_YEAR_MAX}"
        )
    return year


def _tidy(number: Decimal) -> Decimal:
    """85.500 → 85.5, 70.0 → 70 (never 7E+1)."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def parse_vote(raw: object, text: str) -> Decimal:
    """A share of votes in percent: 85,5 / 85.5 / "85,5%" / 0.855 (a cell formatted as a
    percentage holds the fraction). A number from 0 to 1 without "%" is read as a fraction:
    no Hội đồng awards on 1% of the votes."""
    percent_sign = False
    if isinstance(raw, bool):
        number = None
    elif isinstance(raw, int | float):
        number = Decimal(repr(raw)) if math.isfinite(raw) else None
    else:
        cleaned = text.strip().replace(" ", "")
        percent_sign = cleaned.endswith("%")
        cleaned = cleaned.removesuffix("%")
        if re.fullmatch(r"[+-]?\d+([.,]\d+)?", cleaned):
            try:
                number = Decimal(cleaned.replace(",", "."))
            except InvalidOperation:
                number = None
        else:
            number = None
    if number is None:
        raise CellError(f"{text!r} is not a share of votes; expected a percentage such as 85,5")
    if not percent_sign and 0 < number <= 1:
        number *= 100
    number = _tidy(number)
    if not 0 <= number <= 100:
        raise CellError(
            f"{text!r} is outside 0–100; expected the share of votes in favour, in percent, "
            "such as 85,5"
        )
    return number


HOUSEHOLD_NAME = re.compile(r"^(hộ gia đình|hộ|gia đình)\s+(ông|bà|anh|chị)\s+\S")
"""How a household is named in award lists: "Hộ ông Nguyễn Văn Ba", "Hộ gia đình bà …",
"Gia đình ông …"."""


def reads_as_household(name: str) -> bool:
    return HOUSEHOLD_NAME.match(match_key(name)) is not None


__all__ = [
    "BIRTH_YEAR_MAX",
    "BIRTH_YEAR_MIN",
    "COLUMNS",
    "COLUMN_BY_KEY",
    "GENDERS",
    "MAX_TEXT",
    "CellError",
    "Choice",
    "Nomination",
    "NominationColumn",
    "heading",
    "parse_birth_year",
    "parse_gender",
    "parse_honorific",
    "parse_vote",
    "reads_as_household",
    "required_keys",
    "text_value",
]
