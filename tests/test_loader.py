from __future__ import annotations

from pathlib import Path

import tdkt_docs
from tests.conftest import SEED_EXAMPLE


def _with(tmp_path: Path, old: str, new: str) -> Path:
    text = SEED_EXAMPLE.read_text("utf-8")
    assert old in text
    path = tmp_path / "doc.yaml"
    path.write_text(text.replace(old, new), "utf-8")
    return path


def test_leading_zero_numbers_are_decimal(tmp_path: Path) -> None:
    assert tdkt_docs.load(_with(tmp_path, "number: null", "number: 010")).number == 10
    assert tdkt_docs.load(_with(tmp_path, "number: null", "number: 08")).number == 8
    assert tdkt_docs.load(_with(tmp_path, "number: null", 'number: "05"')).number == 5


def test_full_date_from_yaml(tmp_path: Path) -> None:
    date = tdkt_docs.load(_with(tmp_path, "date: 2023-09", "date: 2023-09-07")).date
    assert (date.year, date.month, date.day) == (2023, 9, 7)


def test_nfd_input_is_normalised(tmp_path: Path) -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", SEED_EXAMPLE.read_text("utf-8"))
    path = tmp_path / "nfd.yaml"
    path.write_text(text, "utf-8")
    document = tdkt_docs.load(path)
    assert document == tdkt_docs.load(SEED_EXAMPLE)
    assert unicodedata.is_normalized("NFC", document.body)


def test_list_punctuation_typed_by_hand_is_not_doubled(tmp_path: Path) -> None:
    path = _with(tmp_path, "  - Như trên\n", "  - '- Như trên;'\n")
    assert tdkt_docs.load(path).distribution[0] == "Như trên"


def test_archive_as_a_string(tmp_path: Path) -> None:
    path = _with(tmp_path, "archive: [VT, PTĐKT, GN]", "archive: VT, PTĐKT, GN.")
    assert tdkt_docs.load(path).archive == ("VT", "PTĐKT", "GN")
