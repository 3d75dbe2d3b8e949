"""The tờ trình and decisions written from nominations: counts, lines, literal names."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tdkt_docs.awards.catalog import RecipientKind
from tdkt_docs.awards.documents import (
    Appraisal,
    Tally,
    decision_fields,
    display_line,
    entry,
    kinds_phrase,
    reference,
    submission_fields,
)
from tdkt_docs.awards.round import load_round
from tdkt_docs.kinds.decision import Decision
from tdkt_docs.kinds.submission import Submission
from tdkt_docs.loader import validate
from tdkt_docs.markup import parse_blocks, plain_text

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "awards" / "round.yaml"


@dataclass(frozen=True)
class Nominee:
    name: str
    kind: RecipientKind
    form: str = "BKCT"
    unit: str = "Sở Y tế"
    honorific: str | None = None
    position: str | None = None
    workplace: str | None = None
    vote: Decimal | None = Decimal(90)


PEOPLE = (
    Nominee("Nguyễn Văn An", "cá nhân", honorific="Ông", position="Phó Giám đốc",
            workplace="Sở Y tế"),
    Nominee("Lê Thị Mai", "cá nhân", honorific="Bà", position="Kế toán viên, Phòng Tài chính",
            workplace="Bệnh viện Đa khoa tỉnh"),
    Nominee("Trần Văn Ba", "cá nhân", honorific="Thượng tá", position="Phó Trưởng Công an",
            workplace="phường Nha Trang"),
    Nominee("Khoa Nhi", "tập thể", workplace="Bệnh viện Đa khoa tỉnh"),
    Nominee("A*B*C {{ 7*7 }}", "tập thể"),
    Nominee("Hộ ông Trần Văn Bình", "hộ gia đình", workplace="thôn Phú Ân Nam 2, xã Diên An"),
)  # fmt: skip


def test_tally_counts_every_form_and_kind() -> None:
    tally = Tally.of(PEOPLE, ("BKCT", "CTDT"))
    assert tally.forms == ("BKCT",)
    assert dict(tally.counts["BKCT"]) == {"cá nhân": 3, "tập thể": 2, "hộ gia đình": 1}
    assert tally.total() == 6
    assert tally.words() == "03 cá nhân, 02 tập thể và 01 hộ gia đình"


def test_kinds_phrase_puts_collectives_first() -> None:
    assert kinds_phrase(["cá nhân", "tập thể"]) == "các tập thể và cá nhân"
    assert kinds_phrase(["hộ gia đình"]) == "các hộ gia đình"


def test_entries_join_position_and_unit_as_award_lists_do() -> None:
    assert display_line(PEOPLE[0]) == "Ông Nguyễn Văn An, Phó Giám đốc Sở Y tế"
    assert display_line(PEOPLE[1]) == (
        "Bà Lê Thị Mai, Kế toán viên, Phòng Tài chính Bệnh viện Đa khoa tỉnh"
    )
    assert entry(PEOPLE[2])["name"] == "Thượng tá Trần Văn Ba"
    assert "honorific" not in entry(PEOPLE[2])
    assert display_line(PEOPLE[3]) == "Khoa Nhi, Bệnh viện Đa khoa tỉnh"
    assert display_line(PEOPLE[5]) == "Hộ ông Trần Văn Bình, thôn Phú Ân Nam 2, xã Diên An"
    same = Nominee(
        "X", "cá nhân", honorific="Ông", position="Giám đốc Sở Y tế", workplace="Sở Y tế"
    )
    assert display_line(same) == "Ông X, Giám đốc Sở Y tế"


def test_reference_leaves_blanks_for_the_clerk() -> None:
    assert reference("Tờ trình", "2025-09-11", 45, "TTr-SNV") == (
        "Tờ trình số 45/TTr-SNV ngày 11/9/2025"
    )
    assert reference("Tờ trình", "2025-09", None, "TTr-SNV") == (
        "Tờ trình số …/TTr-SNV ngày …/9/2025"
    )
    assert reference("Biên bản", "2025-09-10", 7, "BB-HĐTĐKT") == (
        "Biên bản số 07/BB-HĐTĐKT ngày 10/9/2025"
    )


def test_the_decision_validates_with_the_office_defaults() -> None:
    loaded = load_round(EXAMPLE)
    fields = decision_fields(loaded, loaded.catalog.form("BKCT"), PEOPLE, "Tờ trình số 45/TTr-SNV")
    decision = validate({**fields, "office": loaded.office}, EXAMPLE)
    assert isinstance(decision, Decision)
    assert decision.award is not None
    assert decision.award.count_words() == "03 cá nhân, 02 tập thể và 01 hộ gia đình"
    assert decision.subject.startswith("tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho")
    assert decision.award.collectives is not None
    assert decision.award.collectives[1].name == "A*B*C {{ 7*7 }}"
    assert decision.proposal is not None
    assert "Giám đốc Sở Y tế tại Tờ trình số 125/TTr-SYT ngày 20/8/2025" in decision.proposal
    assert decision.proposal.endswith("Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV")
    executing = plain_text(parse_blocks(decision.articles[0].text)[0].runs)
    assert executing.startswith("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ,")
    assert "Giám đốc Sở Nông nghiệp và Môi trường" in executing
    assert decision.date.day == 15  # round.yaml decision.date


def test_the_submission_states_the_counts_and_keeps_names_literal() -> None:
    loaded = load_round(EXAMPLE)
    tally = Tally.of(PEOPLE, loaded.forms)
    appraisal = Appraisal(
        received=7,
        units=3,
        below_threshold=(("Ông Trần *X*, Sở Y tế", Decimal("65.5")),),
        minutes_reference="Biên bản số 07/BB-HĐTĐKT",
        votes=(Decimal(80), Decimal("92.5")),
    )
    fields = submission_fields(loaded, tally, appraisal, ["Quyết định"])
    merged = {**fields, **loaded.round.submission, "office": loaded.office}
    submission = validate(merged, EXAMPLE)
    assert isinstance(submission, Submission)
    text = "\n".join(
        plain_text(block.runs) for block in parse_blocks(submission.body) if block.runs
    )
    assert "06 trường hợp với tỷ lệ phiếu đồng ý từ 80% đến 92,5% (tỷ lệ tối thiểu 70%)" in text
    assert "Ông Trần *X*, Sở Y tế (65,5%)" in text
    assert "03 cá nhân, 02 tập thể và 01 hộ gia đình" in text
    assert text.rstrip().endswith("xem xét, quyết định./.")
