"""Tiền thưởng: the amount of an award, from the dated data of ``money.yaml``.

An amount is a coefficient × the mức lương cơ sở in force on the decision date (ND 152/2025
Điều 49 khoản 1), rounded by the rule in force on that date: to the nearest 10.000 đồng
before 01/7/2025 (ND 91/2017 Điều 68), up to the next 10.000 đồng from then (ND 152/2025
Điều 49 khoản 2). Every value is data with the date it applies from; a value tagged
``unverified`` makes the amount unverified, and the amount says which inputs were.

A collective or a household without a coefficient of its own gets a multiple of the cá nhân
amount ("bằng 1,5 lần mức tiền thưởng tương ứng … cho cá nhân"): the multiple is applied to
the cá nhân amount after its rounding, and the product is rounded again.

Money is :class:`~decimal.Decimal` and ``int`` đồng throughout, never ``float``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from tdkt_docs.awards.catalog import RECIPIENT_KINDS, Catalog, RecipientKind, bundled_data
from tdkt_docs.errors import DataError, Problem
from tdkt_docs.loader import read_data
from tdkt_docs.messages import problems_from
from tdkt_docs.text import clean_data, without_marks
from tdkt_docs.vietnamese.dates import short_date
from tdkt_docs.vietnamese.numbers import amount_to_words, format_number

MONEY_FILE = "money.yaml"
BASE_SALARY_WORDS = "mức lương cơ sở"

Text = Annotated[str, Field(min_length=1, max_length=300)]
FormCode = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]{0,15}$")]
Coefficient = Annotated[Decimal, Field(gt=0, le=1000, max_digits=8, decimal_places=3)]
Multiple = Annotated[Decimal, Field(gt=0, le=100, max_digits=6, decimal_places=3)]


def _exact(value: object) -> object:
    """A YAML number as the Decimal its text means: 1.5 is Decimal("1.5"), not the float's
    binary value; a bool (``yes``) is not a number."""
    if isinstance(value, bool):
        raise ValueError("expected a number, got a yes/no value")
    if isinstance(value, float):
        return Decimal(repr(value))
    return value


class _Dated(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    start: dt.date = Field(alias="from")
    """The first day the entry applies (``from:`` in the file)."""
    source: Text
    """The legal text it comes from."""
    unverified: bool = False


class BaseSalary(_Dated):
    """A mức lương cơ sở (đồng/tháng) and the decree that set it."""

    amount: Annotated[int, Field(gt=0, le=1_000_000_000, strict=True)]


class RoundingRule(_Dated):
    """How an amount is rounded after the coefficient: to the nearest ``step`` or up."""

    method: Literal["nearest", "up"]
    step: Annotated[int, Field(gt=0, le=1_000_000, strict=True)]

    def apply(self, raw: Decimal) -> int:
        steps = (raw / self.step).quantize(
            Decimal(1), rounding=ROUND_CEILING if self.method == "up" else ROUND_HALF_UP
        )
        return int(steps) * self.step

    @property
    def text(self) -> str:
        """ "làm tròn lên hàng chục nghìn đồng", as the decree words it."""
        unit = {10_000: "hàng chục nghìn đồng", 1_000: "hàng nghìn đồng"}.get(
            self.step, f"bội số của {format_number(self.step)} đồng"
        )
        return f"làm tròn lên {unit}" if self.method == "up" else f"làm tròn đến {unit} gần nhất"


class FormCoefficients(BaseModel):
    """The coefficients of one award form by phân loại khen thưởng; ``unverified`` lists
    the kinds whose value was not confirmed."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    individual: Coefficient | None = Field(None, alias="cá nhân")
    collective: Coefficient | None = Field(None, alias="tập thể")
    household: Coefficient | None = Field(None, alias="hộ gia đình")
    unverified: tuple[RecipientKind, ...] = ()

    _numbers = field_validator("individual", "collective", "household", mode="before")(
        staticmethod(_exact)
    )

    @model_validator(mode="before")
    @classmethod
    def _known_kinds(cls, data: object) -> object:
        if isinstance(data, Mapping):
            for key in data:
                if key not in (*RECIPIENT_KINDS, "unverified"):
                    hint = next(
                        (k for k in RECIPIENT_KINDS if without_marks(k) == without_marks(str(key))),
                        None,
                    )
                    suggestion = f"; did you mean {hint!r}?" if hint else ""
                    raise ValueError(
                        f"{key!r} is not a phân loại khen thưởng; expected "
                        f"{', '.join(RECIPIENT_KINDS)} or unverified{suggestion}"
                    )
        return data

    @model_validator(mode="after")
    def _consistent(self) -> FormCoefficients:
        if self.individual is None and self.collective is None and self.household is None:
            raise ValueError("gives no coefficient; expected cá nhân, tập thể or hộ gia đình")
        for kind in self.unverified:
            if self.given(kind) is None:
                raise ValueError(f"unverified names {kind!r}, which has no coefficient here")
        return self

    def given(self, kind: RecipientKind) -> Decimal | None:
        """The coefficient written for ``kind``, or ``None``."""
        return {"cá nhân": self.individual, "tập thể": self.collective}.get(kind, self.household)


class Regime(_Dated):
    """The coefficients of every form from a date, and the multiples of a collective and a
    household that has no coefficient of its own."""

    collective_multiple: Multiple
    household_multiple: Multiple
    household_unverified: bool = False
    coefficients: Mapping[FormCode, FormCoefficients] = Field(min_length=1)

    _numbers = field_validator("collective_multiple", "household_multiple", mode="before")(
        staticmethod(_exact)
    )


D = TypeVar("D", bound=_Dated)


class MoneyRules(BaseModel):
    """The whole of ``money.yaml``: base salaries, rounding rules and regimes, each list in
    date order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Text
    # Not Field(min_length=1): pydantic would also call a list whose one entry is bad
    # "too short"; the validator below says it once.
    base_salary: tuple[BaseSalary, ...]
    rounding: tuple[RoundingRule, ...]
    regimes: tuple[Regime, ...]
    _source: str = PrivateAttr(default=MONEY_FILE)

    @property
    def source(self) -> str:
        """The file the rules were read from, as errors name it."""
        return self._source

    @field_validator("base_salary", "rounding", "regimes")
    @classmethod
    def _in_date_order(cls, entries: tuple[_Dated, ...]) -> tuple[_Dated, ...]:
        if not entries:
            raise ValueError("is empty; expected at least one entry")
        for index, (before, after) in enumerate(itertools.pairwise(entries)):
            if after.start <= before.start:
                problem = "overlaps" if after.start == before.start else "comes before"
                raise ValueError(
                    f"entry {index + 2} (from {after.start.isoformat()}) {problem} entry "
                    f"{index + 1} (from {before.start.isoformat()}); expected the entries in "
                    "date order, each from a later date"
                )
        return entries

    def base_salary_on(self, on: dt.date) -> BaseSalary:
        return _in_force(self.base_salary, on, self.source, "base_salary", "mức lương cơ sở")

    def rounding_on(self, on: dt.date) -> RoundingRule:
        return _in_force(self.rounding, on, self.source, "rounding", "quy tắc làm tròn")

    def regime_on(self, on: dt.date) -> Regime:
        return _in_force(self.regimes, on, self.source, "regimes", "hệ số tiền thưởng")


def _in_force(entries: Sequence[D], on: dt.date, source: str, field: str, what: str) -> D:
    found = [entry for entry in entries if entry.start <= on]
    if not found:
        raise DataError.single(
            source,
            field,
            f"no {what} in force on {short_date(on)}: the first entry is from "
            f"{short_date(entries[0].start)}; expected a decision date from then, or an "
            "earlier entry in the money file",
        )
    return found[-1]


def load_money(path: str | Path | None = None, catalog: Catalog | None = None) -> MoneyRules:
    """Read and check a money file; the bundled one when ``path`` is ``None``.

    With a ``catalog``, a coefficient for a form code the catalog does not have is refused.
    Every problem is a :class:`DataError` naming the file and the field.
    """
    source = Path(path) if path is not None else bundled_data(MONEY_FILE)
    data = read_data(source)
    try:
        rules = MoneyRules.model_validate(clean_data(data))
    except ValidationError as exc:
        raise DataError(problems_from(exc, str(source), model=MoneyRules)) from None
    except ValueError as exc:  # clean_line: a control character, TCVN3 text
        raise DataError.single(source, "", str(exc)) from None
    rules._source = str(source)
    if catalog is not None:
        _check_codes(rules, catalog, source)
    return rules


def _check_codes(rules: MoneyRules, catalog: Catalog, source: Path) -> None:
    codes = {form.code for form in catalog.forms}
    problems = [
        Problem(
            str(source),
            f"regimes[{index}].coefficients.{code}",
            f"{code!r} is not an award form of the catalog; expected one of "
            f"{', '.join(form.code for form in catalog.forms)}",
        )
        for index, regime in enumerate(rules.regimes)
        for code in regime.coefficients
        if code not in codes
    ]
    if problems:
        raise DataError(problems)


@functools.cache
def default_money() -> MoneyRules:
    """The bundled money file, read once."""
    return load_money()


# --- amounts --------------------------------------------------------------------------------


def decimal_text(value: Decimal | int) -> str:
    """A coefficient as a Vietnamese text writes it: ``1,5``, ``0,15``, ``3``, ``12``."""
    exact = Decimal(value)
    text = format(exact.normalize(), "f") if exact != exact.to_integral() else str(int(exact))
    return format_number(text)


def money_text(amount: int) -> str:
    """An amount with dot thousands: ``3.510.000``."""
    return format_number(amount)


def money_words(amount: int) -> str:
    """An amount in words for "Bằng chữ": ``Ba triệu năm trăm mười nghìn đồng``."""
    return amount_to_words(amount)


@dataclass(frozen=True)
class AwardAmount:
    """The tiền thưởng of one award form for one phân loại on one date, and how it was got."""

    form: str
    kind: RecipientKind
    on: dt.date
    """The date the base salary, rounding and coefficients were taken on."""
    coefficient: Decimal
    """The effective coefficient × mức lương cơ sở (2,25 for a household at 1,5 × 1,5)."""
    basis: str
    """How the amount is got: "1,5 × mức lương cơ sở", "1,5 × 1,5 × mức lương cơ sở"."""
    factors: tuple[Decimal, ...]
    """The factors of ``basis``: (1,5,) or (multiple, cá nhân coefficient)."""
    base_salary: int
    base_salary_source: str
    regime_source: str
    rounding: str
    """The rule as worded: "làm tròn lên hàng chục nghìn đồng"."""
    rounding_source: str
    raw: Decimal
    """Before rounding."""
    amount: int
    """In đồng, rounded."""
    unverified: bool
    reasons: tuple[str, ...]
    """Which inputs were not verified (empty when ``unverified`` is false)."""

    @property
    def coefficient_text(self) -> str:
        """The coefficient column of a table: "1,5", "2 × 1,5", "1,5 × 1,5"."""
        return " × ".join(decimal_text(factor) for factor in self.factors)

    @property
    def amount_text(self) -> str:
        return money_text(self.amount)

    @property
    def words(self) -> str:
        return money_words(self.amount)


_MULTIPLE_OF = {"tập thể": "collective_multiple", "hộ gia đình": "household_multiple"}


def award_amount(
    form: str, kind: RecipientKind, on: dt.date, rules: MoneyRules | None = None
) -> AwardAmount:
    """The tiền thưởng of ``form`` (a catalog code, "BKCT") for ``kind`` decided on ``on``.

    Raises :class:`DataError` when no base salary, rounding rule or regime is in force on
    that date, or the regime has no coefficient for the form and kind.

    >>> award_amount("BKCT", "hộ gia đình", dt.date(2025, 9, 15)).amount
    5270000
    """
    rules = rules or default_money()
    if kind not in RECIPIENT_KINDS:
        raise DataError.single(
            None, "kind", f"{kind!r} is not a phân loại; expected {', '.join(RECIPIENT_KINDS)}"
        )
    salary = rules.base_salary_on(on)
    rounding = rules.rounding_on(on)
    regime = rules.regime_on(on)
    where = f"regimes[{rules.regimes.index(regime)}].coefficients"
    in_force = (
        f"on {short_date(on)} (the regime of {regime.source}, from {short_date(regime.start)})"
    )
    coefficients = regime.coefficients.get(form)
    if coefficients is None:
        raise DataError.single(
            rules.source,
            where,
            f"no coefficient for the award form {form!r} {in_force}; expected one of "
            f"{', '.join(regime.coefficients)}, or a coefficient for it in the money file",
        )
    reasons: list[str] = []
    if salary.unverified:
        reasons.append(
            f"{BASE_SALARY_WORDS} {money_text(salary.amount)} đồng ({salary.source}) "
            "chưa được xác minh"
        )
    if rounding.unverified:
        reasons.append(f"quy tắc làm tròn ({rounding.source}) chưa được xác minh")
    if regime.unverified:
        reasons.append(f"hệ số theo {regime.source} chưa được xác minh")

    own = coefficients.given(kind)
    if own is not None:
        if kind in coefficients.unverified:
            reasons.append(f"hệ số {decimal_text(own)} của {form} ({kind}) chưa được xác minh")
        raw = own * salary.amount
        factors: tuple[Decimal, ...] = (own,)
        coefficient = own
    else:
        individual = coefficients.individual
        if individual is None or kind == "cá nhân":
            given = ", ".join(k for k in RECIPIENT_KINDS if coefficients.given(k) is not None)
            derive = "" if kind == "cá nhân" else ", and none for cá nhân to derive it from"
            raise DataError.single(
                rules.source,
                f"{where}.{form}",
                f"{form} has no coefficient for {kind} {in_force}{derive}; it is given for "
                f"{given} only",
            )
        multiple: Decimal = getattr(regime, _MULTIPLE_OF[kind])
        if "cá nhân" in coefficients.unverified:
            reasons.append(
                f"hệ số {decimal_text(individual)} của {form} (cá nhân) chưa được xác minh"
            )
        if kind == "hộ gia đình" and regime.household_unverified:
            reasons.append(
                f"mức hộ gia đình {decimal_text(multiple)} lần cá nhân ({regime.source}) "
                "chưa được xác minh"
            )
        # "bằng … lần mức tiền thưởng … cho cá nhân": the cá nhân amount, as paid.
        individual_amount = rounding.apply(individual * salary.amount)
        raw = multiple * individual_amount
        factors = (multiple, individual)
        coefficient = multiple * individual
    basis = " × ".join([*(decimal_text(f) for f in factors), BASE_SALARY_WORDS])
    return AwardAmount(
        form=form,
        kind=kind,
        on=on,
        coefficient=coefficient,
        basis=basis,
        factors=factors,
        base_salary=salary.amount,
        base_salary_source=salary.source,
        regime_source=regime.source,
        rounding=rounding.text,
        rounding_source=rounding.source,
        raw=raw,
        amount=rounding.apply(raw),
        unverified=bool(reasons),
        reasons=tuple(reasons),
    )
