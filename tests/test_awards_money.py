"""Tiền thưởng: money.yaml, award_amount (ND 152/2025 Điều 49) and reading amounts in words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tdkt_docs.awards.catalog import RECIPIENT_KINDS, bundled_data, default_catalog
from tdkt_docs.awards.money import (
    AwardAmount,
    MoneyRules,
    award_amount,
    decimal_text,
    default_money,
    load_money,
    money_text,
    money_words,
)
from tdkt_docs.errors import DataError
from tdkt_docs.vietnamese.numbers import (
    NumberWordsError,
    amount_to_words,
    number_to_words,
    words_to_number,
)
from tests.conftest import DATA

BAD = DATA / "awards_money_bad"
CASES: dict[str, dict[str, Any]] = yaml.safe_load((BAD / "cases.yaml").read_text("utf-8"))
DECISION_DAY = dt.date(2025, 9, 15)
RAW: dict[str, Any] = yaml.safe_load(bundled_data("money.yaml").read_text("utf-8"))
"""The bundled file read plainly (PyYAML, no model): the expected values come from it."""


def amount(form: str, kind: Any, on: dt.date) -> AwardAmount:
    return award_amount(form, kind, on, default_money())


# --- the acceptance figures ----------------------------------------------------------------


def test_the_acceptance_figures_of_a_decision_of_15_9_2025() -> None:
    person = amount("BKCT", "cá nhân", DECISION_DAY)
    collective = amount("BKCT", "tập thể", DECISION_DAY)
    household = amount("BKCT", "hộ gia đình", DECISION_DAY)
    assert person.base_salary == 2_340_000
    assert (person.amount, collective.amount) == (3_510_000, 7_020_000)
    # 1,5 × 3.510.000 = 5.265.000, rounded up to the next 10.000.
    assert household.raw == Decimal("5265000")
    assert household.amount == 5_270_000
    assert person.basis == "1,5 × mức lương cơ sở"
    assert household.basis == "1,5 × 1,5 × mức lương cơ sở"
    assert household.coefficient == Decimal("2.25")
    assert household.coefficient_text == "1,5 × 1,5"
    assert "Nghị định 152/2025/NĐ-CP" in person.regime_source
    assert person.rounding == "làm tròn lên hàng chục nghìn đồng"
    assert "Điều 49" in person.rounding_source
    assert not (person.unverified or collective.unverified or household.unverified)
    assert person.reasons == ()
    assert person.amount_text == "3.510.000"
    assert person.words == "Ba triệu năm trăm mười nghìn đồng"
    assert isinstance(person.amount, int) and isinstance(person.raw, Decimal)


# --- every regime, and the rounding switch -------------------------------------------------


@pytest.mark.parametrize(
    ("form", "kind", "on", "expected"),
    [
        # ND 91/2017, base 1.490.000, nearest 10.000 (the decree's own example: 447.000).
        ("GK", "cá nhân", dt.date(2020, 1, 1), 450_000),
        ("GK", "tập thể", dt.date(2020, 1, 1), 890_000),  # 0,6 × 1.490.000 = 894.000
        ("GK", "hộ gia đình", dt.date(2020, 1, 1), 680_000),  # 1,5 × 450.000 = 675.000
        ("BKCT", "cá nhân", dt.date(2020, 1, 1), 1_490_000),
        ("CSTDTQ", "cá nhân", dt.date(2023, 8, 1), 8_100_000),  # 4,5 × 1.800.000
        # ND 98/2023 from 01/01/2024, base 1.800.000 then 2.340.000, nearest.
        ("TTLDTT", "tập thể", dt.date(2024, 3, 1), 1_440_000),
        ("CTDT", "tập thể", dt.date(2024, 8, 1), 18_720_000),
        ("BKTTG", "tập thể", dt.date(2024, 8, 1), 16_380_000),
        ("GK", "cá nhân", dt.date(2025, 6, 30), 700_000),  # 702.000 → nearest
        ("BKCT", "cá nhân", dt.date(2025, 6, 30), 2_340_000),  # 1,0 under ND 98
        # ND 152/2025 from 01/7/2025, up to the next 10.000.
        ("GK", "cá nhân", dt.date(2025, 7, 1), 710_000),  # 702.000 → up
        ("GK", "tập thể", dt.date(2025, 7, 1), 1_410_000),  # 1.404.000 → up
        ("GK", "hộ gia đình", dt.date(2025, 7, 1), 1_070_000),  # 1,5 × 710.000 = 1.065.000
        ("BKCT", "cá nhân", dt.date(2025, 7, 1), 3_510_000),
        ("CTDCP", "tập thể", dt.date(2025, 9, 15), 28_080_000),
        ("LDTT", "cá nhân", dt.date(2025, 9, 15), 710_000),
        # The base of 01/7/2026 (unverified): 1,5 × 2.530.000 = 3.795.000 → up.
        ("BKCT", "cá nhân", dt.date(2026, 7, 1), 3_800_000),
    ],
)
def test_amounts_of_each_regime(form: str, kind: Any, on: dt.date, expected: int) -> None:
    assert amount(form, kind, on).amount == expected


def test_the_rounding_switches_on_1_7_2025() -> None:
    before = amount("GK", "cá nhân", dt.date(2025, 6, 30))
    after = amount("GK", "cá nhân", dt.date(2025, 7, 1))
    assert before.raw == after.raw == Decimal("702000")
    assert (before.amount, after.amount) == (700_000, 710_000)
    assert before.rounding == "làm tròn đến hàng chục nghìn đồng gần nhất"
    assert after.rounding == "làm tròn lên hàng chục nghìn đồng"
    assert "98/2023" in before.regime_source and "152/2025" in after.regime_source


def _expected_coefficient(regime: dict[str, Any], form: str, kind: str) -> Decimal | None:
    values = regime["coefficients"][form]
    if kind in values:
        return Decimal(str(values[kind]))
    return None


@pytest.mark.parametrize("index", range(len(RAW["regimes"])))
def test_every_form_and_kind_of_every_regime(index: int) -> None:
    """On each regime's first day (with a base salary), every coefficient of the file gives
    coefficient × base, rounded as the rule of that day says; derived kinds are the multiple
    of the cá nhân amount. Expected values from the file read plainly, not the models."""
    regime = RAW["regimes"][index]
    # ND 91's regime starts before the first base salary of the file (01/7/2019).
    on = max(regime["from"], RAW["base_salary"][0]["from"])
    base = max((s for s in RAW["base_salary"] if s["from"] <= on), key=lambda s: s["from"])
    rule = max((r for r in RAW["rounding"] if r["from"] <= on), key=lambda r: r["from"])

    def rounded(raw: Decimal) -> int:
        step = rule["step"]
        low = int(raw // step) * step
        if raw == low:
            return low
        if rule["method"] == "up":
            return low + step
        return low + step if raw - low >= Decimal(step) / 2 else low

    catalog = default_catalog()
    checked = 0
    for form in regime["coefficients"]:
        for kind in catalog.form(form).kinds:
            own = _expected_coefficient(regime, form, kind)
            individual = _expected_coefficient(regime, form, "cá nhân")
            if own is not None:
                expected = rounded(own * base["amount"])
            elif individual is not None:
                multiple = Decimal(
                    str(
                        regime[
                            "household_multiple" if kind == "hộ gia đình" else "collective_multiple"
                        ]
                    )
                )
                expected = rounded(multiple * rounded(individual * base["amount"]))
            else:
                with pytest.raises(DataError, match=f"{form} has no coefficient for {kind}"):
                    amount(form, kind, on)
                continue
            got = amount(form, kind, on)
            assert got.amount == expected, (form, kind)
            assert got.amount % rule["step"] == 0 and got.base_salary == base["amount"]
            if rule["method"] == "up":
                assert got.raw <= got.amount < got.raw + rule["step"]
            checked += 1
    assert checked >= len(regime["coefficients"])


def test_a_collective_without_its_own_coefficient_gets_the_multiple() -> None:
    rules = load_money(BAD / "support" / "valid.yaml")
    data = rules.model_dump(by_alias=True)
    data["regimes"][0]["coefficients"]["BKCT"] = {"cá nhân": Decimal("1.5")}
    derived = award_amount("BKCT", "tập thể", DECISION_DAY, MoneyRules.model_validate(data))
    assert derived.basis == "2 × 1,5 × mức lương cơ sở"
    assert derived.amount == 7_020_000 and derived.coefficient == Decimal(3)


# --- unverified values -------------------------------------------------------------------


def test_unverified_inputs_are_named() -> None:
    giay_khen = amount("GK", "cá nhân", DECISION_DAY)
    assert giay_khen.unverified
    assert giay_khen.reasons == ("hệ số 0,3 của GK (cá nhân) chưa được xác minh",)
    # The collective's 0,6 is quoted from ND 152: verified.
    assert not amount("GK", "tập thể", DECISION_DAY).unverified
    # A household derived from an unverified cá nhân value is unverified too.
    assert any("GK (cá nhân)" in r for r in amount("GK", "hộ gia đình", DECISION_DAY).reasons)
    later = amount("BKCT", "cá nhân", dt.date(2026, 9, 1))
    assert later.unverified and "2.530.000" in later.reasons[0]
    old = amount("BKCT", "hộ gia đình", dt.date(2024, 8, 1))
    assert any("hộ gia đình" in r for r in old.reasons)
    assert any("quy tắc làm tròn" in r for r in old.reasons)


# --- refusals ----------------------------------------------------------------------------


def test_a_date_before_the_first_entry_is_refused() -> None:
    with pytest.raises(DataError) as raised:
        amount("BKCT", "cá nhân", dt.date(2019, 6, 30))
    (problem,) = raised.value.problems
    assert problem.field == "base_salary"
    assert "30/6/2019" in problem.message and "01/7/2019" in problem.message
    assert problem.source is not None and problem.source.endswith("money.yaml")


def test_a_form_without_a_coefficient_is_refused() -> None:
    with pytest.raises(DataError, match="no coefficient for the award form 'XYZ'"):
        amount("XYZ", "cá nhân", DECISION_DAY)
    with pytest.raises(DataError) as raised:
        amount("CTDT", "cá nhân", DECISION_DAY)
    message = str(raised.value)
    assert "CTDT has no coefficient for cá nhân" in message and "tập thể only" in message
    assert "regimes[2].coefficients.CTDT" in message


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(DataError, match="is not a phân loại"):
        award_amount("BKCT", "ca nhan", DECISION_DAY)  # type: ignore[arg-type]


def test_the_bundled_file_matches_the_bundled_catalog() -> None:
    rules = load_money(catalog=default_catalog())
    assert rules == default_money()
    assert [s.amount for s in rules.base_salary] == [1_490_000, 1_800_000, 2_340_000, 2_530_000]
    assert [r.method for r in rules.rounding] == ["nearest", "nearest", "up"]
    assert rules.rounding[-1].start == dt.date(2025, 7, 1)
    # Coefficients are exact decimals, never floats.
    bkct = rules.regimes[-1].coefficients["BKCT"]
    assert bkct.individual == Decimal("1.5") and isinstance(bkct.individual, Decimal)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_money_files(name: str) -> None:
    case = CASES[name]
    with pytest.raises(DataError) as raised:
        load_money(BAD / name, catalog=default_catalog())
    problems = raised.value.problems
    assert all(p.source == str(BAD / name) for p in problems)
    assert any(
        p.field.startswith(case["field"]) and case["message"] in p.message for p in problems
    ), [str(p) for p in problems]


def test_every_bad_file_is_a_case() -> None:
    assert {p.name for p in BAD.glob("*.yaml")} - {"cases.yaml"} == set(CASES)


def test_the_valid_base_of_the_bad_cases_reads() -> None:
    assert load_money(BAD / "support" / "valid.yaml", catalog=default_catalog()).version == "test"


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        load_money(tmp_path / "none.yaml")


# --- texts -------------------------------------------------------------------------------


def test_texts_of_amounts_and_coefficients() -> None:
    assert money_text(3_510_000) == "3.510.000"
    assert money_text(53_000_000) == "53.000.000"
    assert money_words(3_510_000) == "Ba triệu năm trăm mười nghìn đồng"
    assert decimal_text(Decimal("1.5")) == "1,5"
    assert decimal_text(Decimal("3.0")) == "3"
    assert decimal_text(Decimal("0.15")) == "0,15"
    assert decimal_text(Decimal("12")) == "12"
    assert decimal_text(Decimal("2.250")) == "2,25"


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("Ba triệu năm trăm mười nghìn đồng.", 3_510_000),
        ("bảy trăm linh hai nghìn", 702_000),
        ("bảy trăm lẻ hai ngàn", 702_000),
        ("hai mươi tám triệu không trăm tám mươi nghìn", 28_080_000),
        ("một triệu không trăm linh năm nghìn", 1_005_000),
        ("hai mươi bốn", 24),
        ("hai mươi tư", 24),
        ("mười lăm", 15),
        ("hai mươi mốt", 21),
        ("không", 0),
        ("một nghìn năm trăm tỷ", 1_500_000_000_000),
        ("hai nghìn tỷ", 2_000_000_000_000),
        ("Năm mươi ba triệu đồng chẵn", 53_000_000),
        ("âm năm", -5),
        ("  MỘT   TRIỆU  ", 1_000_000),
    ],
)
def test_words_to_number(words: str, number: int) -> None:
    assert words_to_number(words) == number


@pytest.mark.parametrize(
    "words",
    ["", "đồng", "ba ba", "không trăm năm", "mươi", "hai mươi mười", "triệu", "abc", "một tỷ tỷ"],
)
def test_words_that_are_no_number_are_refused(words: str) -> None:
    with pytest.raises(NumberWordsError):
        words_to_number(words)


@given(st.integers(min_value=0, max_value=10**12))
def test_words_read_back_to_the_number(n: int) -> None:
    assert words_to_number(number_to_words(n)) == n
    assert words_to_number(amount_to_words(n)) == n
    southern = number_to_words(n, zero_tens="lẻ", thousand="ngàn", four="bốn")
    assert words_to_number(southern) == n


@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_words_read_back_up_to_the_limit(n: int) -> None:
    assert words_to_number(number_to_words(n)) == n


def test_recipient_kinds_are_the_catalog_order() -> None:
    assert RECIPIENT_KINDS == ("cá nhân", "tập thể", "hộ gia đình")
