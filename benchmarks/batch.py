"""Reminder letters: tdkt_docs batch against a plain docxtpl loop (target: ≥ 20× faster),
and the memory of a 10.000-letter batch (target: under 300 MB, flat).

Both sides render the bundled reminder (examples/reminders/don_doc.yaml) with the bundled
công văn template, one letter per row of the same generated data, and write one DOCX file
per letter. The docxtpl loop is given its contexts ready-made (the view of every validated
letter, built before its clock starts): it only loads the template, renders and saves,
per letter, as docxtpl's documentation shows. tdkt_docs does everything, from reading the
CSV and checking every row to writing manifest.csv, on all CPU cores.

    python benchmarks/batch.py [LETTERS] [MEMORY_LETTERS]
"""

from __future__ import annotations

import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from docxtpl import DocxTemplate

from tdkt_docs.batch import render_batch
from tdkt_docs.batch.bases import DocumentBase, load_base
from tdkt_docs.batch.rows import read_rows
from tdkt_docs.resources import template_path
from tdkt_docs.templating import environment, prepare
from tdkt_docs.view import view

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "reminders" / "don_doc.yaml"
UNIT_KINDS = ("UBND xã", "UBND phường", "Trường Tiểu học", "Trường THCS", "Trạm Y tế xã")


def make_data(path: Path, letters: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("code", "name", "group", "recipient", "email"))
        for i in range(1, letters + 1):
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


def tdkt_batch(data: Path, out: Path, jobs: int) -> float:
    started = time.perf_counter()
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as executor:
            render_batch(BASE, data, out, executor=executor)
    else:
        render_batch(BASE, data, out)
    return time.perf_counter() - started


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
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data = make_data(root / "data.csv", letters)
        for name in ("docxtpl", "one", "all"):
            (root / name).mkdir()
        plain = docxtpl_loop(data, root / "docxtpl")
        one = tdkt_batch(data, root / "one", 1)
        every = tdkt_batch(data, root / "all", cores)
        assert len(list((root / "all").glob("*.docx"))) == letters
    print(f"{letters} reminder letters, {cores} CPU cores")
    print(f"  docxtpl loop (render + save): {plain:7.2f} s  {letters / plain:7.1f} letters/s")
    print(f"  tdkt_docs batch, 1 process:   {one:7.2f} s  {letters / one:7.1f} letters/s"
          f"  ratio {plain / one:5.1f}x")  # fmt: skip
    print(f"  tdkt_docs batch, {cores} processes: {every:7.2f} s  {letters / every:7.1f} letters/s"
          f"  ratio {plain / every:5.1f}x (target >= 20x)")  # fmt: skip
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


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--memory":
        memory_child(int(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
