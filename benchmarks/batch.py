"""Reminder letters: tdkt_docs batch against a plain docxtpl loop (target: ≥ 20× faster),
and the memory of a 10.000-letter batch (target: under 300 MB, flat).

Both sides render the bundled reminder (examples/reminders/don_doc.yaml) with the bundled
công văn template, one letter per row of the same generated data, and write one DOCX file
per letter. The docxtpl loop is given its contexts ready-made (the view of every validated
letter, built before its clock starts): it only loads the template, renders and saves, per
letter, as docxtpl's documentation shows. tdkt_docs does everything, from reading the CSV
and checking every row to writing manifest.csv, on all CPU cores; its clock includes
starting the worker processes.

This machine's speed and disk latency drift by a factor of two within a minute, so the two
sides run in alternating blocks (docxtpl 200 letters, tdkt_docs 200 letters, …): both see
the same conditions. The CPU time of each side (with its worker processes) is printed too.

    python benchmarks/batch.py [LETTERS] [MEMORY_LETTERS] [BLOCKS]

``--crossover`` measures what ``--jobs auto`` decides: for batches of 25 to 3.200 letters,
one process against a pool of every core made for the batch (as ``--jobs 0`` makes it,
its start counted), in alternating runs, and prints the ratio and the size from which
the pool is faster (``POOL_MIN_ROWS`` in tdkt_docs/batch/engine.py).

    python benchmarks/batch.py --crossover [REPEATS]
"""

from __future__ import annotations

import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from docxtpl import DocxTemplate

from tdkt_docs.batch import render_batch
from tdkt_docs.batch.bases import DocumentBase, load_base
from tdkt_docs.batch.engine import POOL_MIN_ROWS
from tdkt_docs.batch.rows import read_rows
from tdkt_docs.resources import template_path
from tdkt_docs.templating import environment, prepare
from tdkt_docs.view import view

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "reminders" / "don_doc.yaml"
UNIT_KINDS = ("UBND xã", "UBND phường", "Trường Tiểu học", "Trường THCS", "Trạm Y tế xã")


def make_data(path: Path, letters: int, first: int = 1) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("code", "name", "group", "recipient", "email"))
        for i in range(first, first + letters):
            name = f"{UNIT_KINDS[i % len(UNIT_KINDS)]} Vĩnh Lương số {i}"
            writer.writerow((f"DV{i:05d}", name, "cơ sở", name, f"dv{i}@example.gov.vn"))
    return path


def docxtpl_loop(data: Path, out: Path) -> float:
    """The plain way: DocxTemplate, render and save, once per letter."""
    table = read_rows(data)
    base = DocumentBase(load_base(BASE))
    profile = base.profile
    contexts = [prepare(view(base.document(row), profile)) for row in table.rows]
    template = template_path("dispatch")
    jinja_env = environment()
    started = time.perf_counter()
    for index, context in enumerate(contexts, start=1):
        document = DocxTemplate(template)
        document.render(context, jinja_env=jinja_env, autoescape=True)
        document.save(out / f"{index:05d}.docx")
    return time.perf_counter() - started


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def compare(root: Path, letters: int, blocks: int, jobs: int) -> tuple[float, float, float, float]:
    """Alternate docxtpl and tdkt_docs blocks; return (docxtpl s, tdkt s, their CPU s).

    The docxtpl loop runs in this process; tdkt_docs's CPU is this process's share during
    its blocks plus its worker processes', counted when they exit at the end."""
    size = letters // blocks
    plain = ours = plain_cpu = ours_cpu = 0.0
    children = _cpu_seconds(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    executor = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    ours += time.perf_counter() - started
    try:
        for block in range(blocks):
            data = make_data(root / f"data{block}.csv", size, first=block * size + 1)
            (root / f"docxtpl{block}").mkdir()
            cpu = _cpu_seconds(resource.RUSAGE_SELF)
            plain += docxtpl_loop(data, root / f"docxtpl{block}")
            plain_cpu += _cpu_seconds(resource.RUSAGE_SELF) - cpu
            cpu = _cpu_seconds(resource.RUSAGE_SELF)
            started = time.perf_counter()
            render_batch(BASE, data, root / f"tdkt{block}", executor=executor)
            ours += time.perf_counter() - started
            ours_cpu += _cpu_seconds(resource.RUSAGE_SELF) - cpu
    finally:
        if executor is not None:
            started = time.perf_counter()
            executor.shutdown()
            ours += time.perf_counter() - started
    ours_cpu += _cpu_seconds(resource.RUSAGE_CHILDREN) - children
    written = sum(len(list((root / f"tdkt{b}").glob("*.docx"))) for b in range(blocks))
    assert written == size * blocks
    return plain, ours, plain_cpu, ours_cpu


def _rss_mb() -> float:
    with Path("/proc/self/statm").open() as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def memory_child(letters: int, jobs: int) -> None:
    """Run in a fresh process: a batch of ``letters``, sampling this process's memory."""
    with tempfile.TemporaryDirectory() as folder:
        data = make_data(Path(folder) / "data.csv", letters)
        samples: list[tuple[int, float]] = []

        def progress(phase: str, done: int, total: int) -> None:
            if phase == "render" and (not samples or done - samples[-1][0] >= total // 10):
                samples.append((done, _rss_mb()))

        with ProcessPoolExecutor(max_workers=jobs) as executor:
            render_batch(BASE, data, Path(folder) / "out", executor=executor, progress=progress)
        main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
        worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3
        print(json.dumps({"main_peak": main_peak, "worker_peak": worker_peak, "samples": samples}))


def main() -> None:
    letters = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    memory_letters = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    blocks = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        plain, ours, plain_cpu, ours_cpu = compare(Path(folder), letters, blocks, cores)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "one").mkdir()
        data = make_data(Path(folder) / "data.csv", letters)
        one = render_batch_seconds(data, Path(folder) / "one")
    print(f"{letters} reminder letters, {cores} CPU cores, {blocks} alternating blocks")
    print(f"  docxtpl loop (render + save): {plain:6.2f} s {letters / plain:7.1f} letters/s"
          f"   CPU {plain_cpu:6.2f} s")  # fmt: skip
    print(f"  tdkt_docs batch, {cores} processes: {ours:6.2f} s {letters / ours:7.1f} letters/s"
          f"   CPU {ours_cpu:6.2f} s   ratio {plain / ours:5.1f}x (target >= 20x),"
          f" CPU ratio {plain_cpu / ours_cpu:4.1f}x")  # fmt: skip
    print(f"  tdkt_docs batch, 1 process (not alternated): {one:6.2f} s "
          f"{letters / one:7.1f} letters/s   ratio {plain / one:5.1f}x")  # fmt: skip
    child = subprocess.run(
        [sys.executable, __file__, "--memory", str(memory_letters), str(cores)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    memory = json.loads(child.stdout)
    total = memory["main_peak"] + cores * memory["worker_peak"]
    main_peak, worker_peak = memory["main_peak"], memory["worker_peak"]
    print(
        f"{memory_letters} letters, {cores} processes: peak RSS main {main_peak:.0f} MB, "
        f"largest worker {worker_peak:.0f} MB, all together at most {total:.0f} MB "
        "(target < 300 MB)"
    )
    growth = ", ".join(f"{done}: {rss:.0f} MB" for done, rss in memory["samples"])
    print(f"  main process RSS as the batch goes (letters written: RSS): {growth}")


def render_batch_seconds(data: Path, out: Path, jobs: int | None = 1) -> float:
    started = time.perf_counter()
    render_batch(BASE, data, out, jobs=jobs)
    return time.perf_counter() - started


CROSSOVER_SIZES = (25, 50, 100, 200, 400, 800, 1600, 3200)


def crossover(repeats: int) -> None:
    """One process against a fresh pool of every core, per batch size (the median of
    ``repeats`` alternating runs each)."""
    cores = os.cpu_count() or 1
    print(f"one process against a pool of {cores} processes made for each batch "
          f"(median of {repeats} alternating runs; POOL_MIN_ROWS = {POOL_MIN_ROWS})")  # fmt: skip
    first_win = None
    for size in CROSSOVER_SIZES:
        one: list[float] = []
        pool: list[float] = []
        with tempfile.TemporaryDirectory() as folder:
            data = make_data(Path(folder) / "data.csv", size)
            for run in range(repeats):
                one.append(render_batch_seconds(data, Path(folder) / f"one{run}", jobs=1))
                pool.append(render_batch_seconds(data, Path(folder) / f"pool{run}", jobs=0))
        one_s, pool_s = statistics.median(one), statistics.median(pool)
        faster = pool_s < one_s
        if faster and first_win is None:
            first_win = size
        elif not faster:
            first_win = None  # the pool must stay faster for every larger size
        print(f"  {size:5d} letters: 1 process {size / one_s:7.1f} letters/s, "
              f"pool {size / pool_s:7.1f} letters/s, pool/one {one_s / pool_s:4.2f}x")  # fmt: skip
    print(f"  the pool is faster from {first_win} letters" if first_win else
          "  the pool was not faster at any size measured")  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--memory":
        memory_child(int(sys.argv[2]), int(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--crossover":
        crossover(int(sys.argv[2]) if len(sys.argv) > 2 else 5)
    else:
        main()
