"""Where a batch runs: ``jobs`` (``--jobs``) and the pool made for it."""

from __future__ import annotations

import concurrent.futures as futures
from pathlib import Path
from typing import ClassVar

import pytest

from tdkt_docs.batch import engine, render_batch
from tdkt_docs.cli import main
from tests.conftest import EXAMPLES

REMINDER = EXAMPLES / "reminders" / "don_doc.yaml"
MISSING = EXAMPLES / "reminders" / "don_vi_chua_gui.csv"


class _CountingPool(futures.ProcessPoolExecutor):
    made: ClassVar[list[int]] = []

    def __init__(self, max_workers: int, **options: object) -> None:
        _CountingPool.made.append(max_workers)
        super().__init__(max_workers=max_workers, **options)  # type: ignore[arg-type]


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    _CountingPool.made = []
    monkeypatch.setattr(engine.futures, "ProcessPoolExecutor", _CountingPool)
    return _CountingPool.made


def test_jobs_two_renders_in_a_pool_of_two_and_gives_the_same_files(
    tmp_path: Path, pools: list[int]
) -> None:
    pooled = render_batch(REMINDER, MISSING, tmp_path / "pool", jobs=2, chunk_size=3)
    assert pools == [2]
    alone = render_batch(REMINDER, MISSING, tmp_path / "one")
    assert pools == [2], "jobs=1, the default, makes no pool"
    for ours, theirs in zip(pooled.written, alone.written, strict=True):
        assert ours.read_bytes() == theirs.read_bytes()


def test_auto_keeps_a_small_batch_in_this_process(
    tmp_path: Path, pools: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine.os, "cpu_count", lambda: 4)
    render_batch(REMINDER, MISSING, tmp_path / "auto", jobs=None)
    assert pools == [], "11 letters do not pay for starting workers"
    monkeypatch.setattr(engine, "POOL_MIN_ROWS", 10)
    render_batch(REMINDER, MISSING, tmp_path / "auto-large", jobs=None)
    assert pools == [4], "a large batch takes every core"


def test_the_command_line_default_is_auto(
    tmp_path: Path, pools: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", str(REMINDER), str(MISSING), "-o", str(tmp_path / "a")]) == 0
    assert pools == []
    assert main(["batch", str(REMINDER), str(MISSING), "-o", str(tmp_path / "b"), "-j", "2"]) == 0
    assert pools == [2]
    assert main(["batch", str(REMINDER), str(MISSING), "-o", str(tmp_path / "c"), "-j", "x"]) == 2
    assert "expected a number from 0 or 'auto'" in capsys.readouterr().err


def test_the_crossover_rule() -> None:
    assert not engine.pool_pays(engine.POOL_MIN_ROWS - 1, cores=2)
    assert engine.pool_pays(engine.POOL_MIN_ROWS, cores=2)
    assert not engine.pool_pays(10**6, cores=1)
