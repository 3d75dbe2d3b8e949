"""Batches: one document per row of data, all or nothing, fast.

The order of work:

1. Read the base and the data; every column the base uses must exist.
2. Check and render every row, in chunks (in the executor's workers when one is given).
   Each worker prepares the base once (template patched and compiled, unchanging parts
   compressed once) and returns finished packages, which this process keeps in a hidden
   staging folder inside the output folder. Once a row is bad, the remaining rows are only
   checked, so every bad row is reported.
3. A bad row fails the batch: the staging folder is removed and nothing is written
   (``keep_going`` writes the good rows and lists the bad ones in the manifest).
4. Name the files (:mod:`tdkt_docs.batch.names`), refuse to replace files unless asked,
   then move every staged document to its name (``os.replace``: each appears complete).
5. Write ``manifest.csv`` (every row: file, status, error) and, if asked, the merged file.

An interrupted batch leaves nothing behind; a killed one leaves no document, only a hidden
staging folder that the next run removes.
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import datetime as dt
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tdkt_docs.batch.bases import Base, BaseSpec, RowError, build_base, load_base
from tdkt_docs.batch.names import DEFAULT_PATTERN, NamePattern, UniqueNames, safe_file_name, slugify
from tdkt_docs.batch.rows import Row, Table, read_rows, rows_from_records
from tdkt_docs.errors import (
    BatchInterruptedError,
    DataError,
    OutputError,
    OutputExistsError,
    Problem,
    TdktError,
)
from tdkt_docs.models import Document
from tdkt_docs.output import TEMP_SUFFIX, sync_folder, write_atomic, write_synced
from tdkt_docs.profile import Profile
from tdkt_docs.tabular import csv_bytes

MANIFEST_NAME = "manifest.csv"
DEFAULT_CHUNK_SIZE = 25
STAGING_PREFIX = ".tdkt-batch-"
STALE_SECONDS = 60
STOP_TIMEOUT_SECONDS = 60
WRITER_THREADS = 4
"""Threads per process that write staged files: creating a file waits on the disk, often
for a millisecond, and several creations overlap."""

Progress = Callable[[str, int, int], None]
"""Called as ``progress(phase, done, total)``; phase is ``render``, ``merge`` or ``pdf``."""


@dataclass(frozen=True)
class RowOutcome:
    """What became of one row: ``written``, ``invalid``, ``failed`` or ``not written``."""

    index: int
    row: str
    file: str | None
    status: str
    error: str = ""


@dataclass(frozen=True)
class BatchResult:
    out_dir: Path
    outcomes: tuple[RowOutcome, ...]
    manifest: Path
    merged: Path | None = None
    seconds: float = 0.0
    pdfs: tuple[Path, ...] = ()
    """The PDFs (``pdf=True``): one beside each document, then the merged file's."""

    @property
    def written(self) -> list[Path]:
        return [self.out_dir / o.file for o in self.outcomes if o.status == "written" and o.file]

    @property
    def failed(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if o.status != "written"]


# --- Work done in a worker (or in this process when there is no executor) ------------------

_local = threading.local()


def _base_for(spec: BaseSpec, key: str, data_source: str) -> Base:
    # One prepared base per worker (process or thread): preparing costs far more than a row.
    cache: dict[str, Base] = getattr(_local, "bases", None) or {}
    _local.bases = cache
    base = cache.get(key)
    if base is None:
        if len(cache) >= 4:
            cache.clear()
        base = cache[key] = build_base(spec, data_source)
    return base


@dataclass(frozen=True)
class RowResult:
    """A row as a worker leaves it: its name text and package, or what is wrong with it."""

    slug: str | None = None
    package: bytes | None = None
    problems: tuple[Problem, ...] = ()
    failure: str = ""
    staged: bool = False


def process_chunk(
    spec: BaseSpec,
    key: str,
    data_source: str,
    start: int,
    rows: Sequence[Row],
    render: bool,
    staging: str | None,
) -> list[RowResult]:
    """Check each row and, if ``render``, render it: into the ``staging`` folder when the
    worker shares this machine's disk, else back to the caller in the result."""
    return _process(_base_for(spec, key, data_source), start, rows, render, staging)


def _process(
    base: Base, start: int, rows: Sequence[Row], render: bool, staging: str | None
) -> list[RowResult]:
    if not render or staging is None:
        return [_one_row(base, row, render, None) for row in rows]
    # Creating and flushing a file waits on the disk: threads write the chunk's files
    # while the next documents are rendered. The pool lives as long as the chunk.
    with futures.ThreadPoolExecutor(WRITER_THREADS, thread_name_prefix="tdkt-write") as writer:
        writes: list[futures.Future[None]] = []
        results = []
        for offset, row in enumerate(rows):
            target = staged_path(Path(staging), start + offset)
            results.append(_one_row(base, row, render, (writer, target, writes)))
    for write in writes:
        write.result()  # an OutputError, if a file could not be written
    return results


def _one_row(
    base: Base,
    row: Row,
    render: bool,
    staging: tuple[futures.Executor, Path, list[futures.Future[None]]] | None,
) -> RowResult:
    """Check or render one row; with ``staging``, its package is written there by a thread."""
    try:
        if not render:
            return RowResult(base.check(row))
        slug, package = base.render(row)
        if staging is None:
            return RowResult(slug, package)
        writer, target, writes = staging
        writes.append(writer.submit(keep_staged, target, package))
        return RowResult(slug, staged=True)
    except RowError as exc:
        return RowResult(problems=tuple(exc.problems))
    except DataError:
        raise  # the base itself is wrong: the same for every row
    except TdktError as exc:
        return RowResult(failure=str(exc))


# --- Orchestration -------------------------------------------------------------------------


def _chunks(items: Sequence[Row], size: int) -> Iterator[tuple[int, Sequence[Row]]]:
    for start in range(0, len(items), size):
        yield start, items[start : start + size]


def _run_chunks(
    items: Sequence[Row],
    size: int,
    executor: futures.Executor | None,
    workers: int,
    call: Callable[[int, Sequence[Row]], tuple[Callable[..., list[RowResult]], tuple[Any, ...]]],
) -> Iterator[tuple[int, list[RowResult]]]:
    """Yield ``(start, results)`` per chunk as chunks finish. ``call(start, chunk)`` gives the
    function and arguments when the chunk is sent, so later chunks can be sent differently.
    At most a few chunks are in flight: memory stays flat however long the batch is."""
    if executor is None:
        for start, chunk in _chunks(items, size):
            function, args = call(start, chunk)
            yield start, function(*args)
        return
    pending: dict[futures.Future[list[RowResult]], int] = {}
    chunks = _chunks(items, size)

    def send() -> None:
        for start, chunk in chunks:
            function, args = call(start, chunk)
            pending[executor.submit(function, *args)] = start
            return

    try:
        for _ in range(2 * workers):
            send()
        while pending:
            done, _ = futures.wait(pending, return_when=futures.FIRST_COMPLETED)
            for future in sorted(done, key=pending.__getitem__):
                start = pending.pop(future)
                results = future.result()
                send()
                yield start, results
    finally:
        # Stopped early (Ctrl-C, an error): chunks already running may still write into
        # the staging folder, so wait for them before it is removed.
        running = [future for future in pending if not future.cancel()]
        futures.wait(running, timeout=STOP_TIMEOUT_SECONDS)


def _read_table(rows: str | Path | Sequence[Mapping[str, Any]] | Table, sheet: str | None) -> Table:
    if isinstance(rows, Table):
        return rows
    if isinstance(rows, str | Path):
        return read_rows(rows, sheet=sheet)
    return rows_from_records(list(rows))


def _missing_columns(spec: BaseSpec, base: Base, table: Table) -> list[Problem]:
    missing = sorted(base.columns - set(table.columns))
    available = ", ".join(repr(c) for c in table.columns)
    return [
        Problem(
            spec.source,
            "",
            f"uses the column {column!r}, which {table.source} does not have; "
            f"its columns are {available}",
        )
        for column in missing
    ]


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True


def _clean_stale(out_dir: Path) -> None:
    """Remove what a killed run left: its staging folder (its process is gone) and
    temporary files older than a minute."""
    now = time.time()
    for folder in out_dir.glob(f"{STAGING_PREFIX}*"):
        owner = folder.name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
        if owner.isdigit() and int(owner) != os.getpid() and not _process_alive(int(owner)):
            shutil.rmtree(folder, ignore_errors=True)
    for path in out_dir.glob(f".*{TEMP_SUFFIX}"):
        try:
            if now - path.stat().st_mtime > STALE_SECONDS:
                path.unlink()
        except OSError:
            pass


def _manifest_bytes(outcomes: Sequence[RowOutcome]) -> bytes:
    ordered = sorted(outcomes, key=lambda o: o.index)
    rows = [(o.index, o.row, o.file, o.status, o.error) for o in ordered]
    return csv_bytes(("index", "row", "file", "status", "error"), rows)


class _Staging:
    """The hidden folder where finished packages wait until the whole batch is good.

    Workers on this machine write their packages here themselves; packages that come back
    from elsewhere (a cluster executor) are written by this process. At the commit each is
    renamed to its final name: one metadata step, so every document appears complete.
    """

    def __init__(self, out_dir: Path) -> None:
        try:
            prefix = f"{STAGING_PREFIX}{os.getpid()}-"  # whose it is, for _clean_stale
            self.folder = Path(tempfile.mkdtemp(prefix=prefix, dir=out_dir))
        except OSError as exc:
            raise OutputError(f"cannot write here: {exc.strerror}", path=out_dir) from exc

    def path(self, index: int) -> Path:
        return staged_path(self.folder, index)

    def keep(self, index: int, package: bytes) -> None:
        keep_staged(self.path(index), package)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def staged_path(folder: Path, index: int) -> Path:
    return folder / f"{index}.part"  # never ".docx": nothing here is a document yet


def keep_staged(path: Path, package: bytes) -> None:
    """Write a finished package, flushed to disk, to its place in the staging folder."""
    try:
        write_synced(path, package)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", path=path) from exc


def render_batch(
    base: str | Path | Mapping[str, Any] | Document,
    rows: str | Path | Sequence[Mapping[str, Any]] | Table,
    out_dir: str | Path,
    *,
    executor: futures.Executor | None = None,
    jobs: int | None = 1,
    workers: int | None = None,
    name_pattern: str = DEFAULT_PATTERN,
    ascii_names: bool = False,
    keep_going: bool = False,
    overwrite: bool = False,
    merge: str | Path | None = None,
    sheet: str | None = None,
    profile: Profile | None = None,
    timestamp: dt.datetime | None = None,
    progress: Progress | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    pdf: bool = False,
) -> BatchResult:
    """Render one document per row of ``rows`` into ``out_dir``, all or nothing.

    ``base`` is a document file (YAML/JSON) whose strings may hold ``{{ row.COLUMN }}``, a
    DOCX template with docxtpl tags, or document data. ``rows`` is a CSV/XLSX/YAML/JSON
    file or a list of mappings.

    Where the work runs: ``executor`` is any :class:`concurrent.futures.Executor` (a
    ``ProcessPoolExecutor``, or a Dask or Ray executor for a cluster), given ``workers``,
    how many tasks it runs at once (default: this machine's CPU count). Without one,
    ``jobs`` decides: ``1`` (the default) works in this process; ``N`` in a pool of N
    processes made for the batch; ``0`` one process per CPU core; ``None`` picks, as
    :func:`pool_pays` says, one process for a small batch and the pool for a large one.

    File names come from ``name_pattern``; ``timestamp``
    replaces the documents' dates in the zip entries and properties; ``pdf`` also converts
    every document (and the merged file) to PDF with LibreOffice, in one run.

    Raises :class:`~tdkt_docs.errors.DataError` listing every bad row, with nothing
    written (unless ``keep_going``), :class:`~tdkt_docs.errors.OutputExistsError` when
    files exist and ``overwrite`` is false, and :class:`BatchInterruptedError` on Ctrl-C.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    spec = load_base(base, profile=profile, timestamp=timestamp)
    table = _read_table(rows, sheet)
    key = spec.key
    local_base = build_base(spec, table.source)
    problems = _missing_columns(spec, local_base, table)
    if problems:
        raise DataError(problems)
    pattern = NamePattern(name_pattern, table.columns)
    merge_path = Path(merge) if merge is not None else None
    if not overwrite and (out_dir / MANIFEST_NAME).exists():
        raise OutputExistsError(
            "a batch was written here before",
            path=out_dir / MANIFEST_NAME,
        )
    report = progress or (lambda phase, done, total: None)
    total = len(table.rows)
    with contextlib.ExitStack() as owned:
        if executor is None:
            processes = _processes_for(jobs, total)
            if processes > 1:
                executor = owned.enter_context(_process_pool(processes))
                workers = processes
        return _run_batch(
            spec, key, table, local_base, out_dir, executor, workers or os.cpu_count() or 1,
            pattern=pattern, merge_path=merge_path, ascii_names=ascii_names,
            keep_going=keep_going, overwrite=overwrite, report=report,
            chunk_size=chunk_size, pdf=pdf, started=started,
        )  # fmt: skip


POOL_MIN_ROWS = 400
"""From how many rows a pool of processes makes a batch faster than one process on a
machine with several cores (``jobs=None``): below it, starting the workers and preparing
the template in each costs more than they save. Measured with
``python benchmarks/batch.py --crossover`` (README, "--jobs")."""


def pool_pays(rows: int, cores: int | None = None) -> bool:
    """Whether a batch of ``rows`` runs faster in a pool of ``cores`` processes.

    >>> pool_pays(10, cores=2), pool_pays(10_000, cores=2), pool_pays(10_000, cores=1)
    (False, True, False)
    """
    cores = cores if cores is not None else os.cpu_count() or 1
    return cores > 1 and rows >= POOL_MIN_ROWS


def _processes_for(jobs: int | None, rows: int) -> int:
    cores = os.cpu_count() or 1
    if jobs is None:
        return cores if pool_pays(rows, cores) else 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise DataError.single(None, "jobs", f"expected a whole number from 0, got {jobs!r}")
    return cores if jobs == 0 else jobs


PARENT_CHECK_SECONDS = 0.5


def _start_worker(parent: int) -> None:
    """Set up a worker of a batch's pool.

    It leaves Ctrl-C to the main process, which stops the batch cleanly. And it stops when
    the main process is gone (killed outright): a worker of a ProcessPoolExecutor would
    otherwise wait for work forever, since it holds its own end of the task pipe.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)  # no clean-up to do: the staging folder is the next run's to remove

    threading.Thread(target=watch, name="tdkt-parent-watch", daemon=True).start()


@contextlib.contextmanager
def _process_pool(processes: int) -> Iterator[futures.ProcessPoolExecutor]:
    """A pool for one batch, shut down when it ends (its queued chunks cancelled if the
    batch stops early)."""
    pool = futures.ProcessPoolExecutor(
        max_workers=processes, initializer=_start_worker, initargs=(os.getpid(),)
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_batch(
    spec: BaseSpec,
    key: str,
    table: Table,
    local_base: Base,
    out_dir: Path,
    executor: futures.Executor | None,
    workers: int,
    *,
    pattern: NamePattern,
    merge_path: Path | None,
    ascii_names: bool,
    keep_going: bool,
    overwrite: bool,
    report: Progress,
    chunk_size: int,
    pdf: bool,
    started: float,
) -> BatchResult:
    total = len(table.rows)
    created = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder: {exc.strerror}", path=out_dir) from exc
    _clean_stale(out_dir)
    staging = _Staging(out_dir)
    committed = False
    outcomes: list[RowOutcome] = []
    try:
        results = _render_all(
            spec, key, table, executor, workers, chunk_size, keep_going, staging, local_base,
            report,
        )  # fmt: skip
        bad = {i: r for i, r in enumerate(results) if r.slug is None}
        if bad and not keep_going:
            raise DataError(
                [p for r in bad.values() for p in r.problems]
                or [Problem(table.source, "", r.failure) for r in bad.values()]
            )
        files = _names(table, results, pattern, ascii_names, out_dir, merge_path)
        if not overwrite:
            existing = [out_dir / f for f in files if f and (out_dir / f).exists()]
            if merge_path is not None and merge_path.exists():
                existing.append(merge_path)
            if existing:
                more = f" and {len(existing) - 1} more" if len(existing) > 1 else ""
                raise OutputExistsError(
                    f"already exists{more}",
                    several=len(existing) > 1,
                    path=existing[0],
                )
        committed = True
        _commit(table, results, files, staging, out_dir, outcomes)
    except KeyboardInterrupt:
        done = sum(o.status == "written" for o in outcomes)
        if done:
            write_atomic(out_dir / MANIFEST_NAME, _manifest_bytes(outcomes), overwrite=True)
        raise BatchInterruptedError(out_dir, total, done) from None
    finally:
        staging.remove()
        if created and not committed:
            with contextlib.suppress(OSError):
                out_dir.rmdir()  # the folder was made for this batch: leave no trace
    sync_folder(out_dir)  # the renames; each document's data was flushed when staged
    manifest = write_atomic(out_dir / MANIFEST_NAME, _manifest_bytes(outcomes), overwrite=True)
    merged: Path | None = None
    documents = [out_dir / o.file for o in outcomes if o.status == "written" and o.file]
    if merge_path is not None and documents:
        from tdkt_docs.batch.merge import merge_documents

        try:
            merged = merge_documents(documents, merge_path, progress=report)
        except KeyboardInterrupt:
            raise BatchInterruptedError(out_dir, total, len(documents)) from None
    pdfs: list[Path] = []
    if pdf and documents:
        from tdkt_docs.pdf import convert_to_pdf

        report("pdf", 0, len(documents))
        # One LibreOffice run for all: a start costs far more than a page.
        pdfs = convert_to_pdf([*documents, *([merged] if merged else [])], overwrite=True)
        report("pdf", len(documents), len(documents))
    seconds = time.perf_counter() - started
    return BatchResult(out_dir, tuple(outcomes), manifest, merged, seconds, tuple(pdfs))


def _render_all(
    spec: BaseSpec,
    key: str,
    table: Table,
    executor: futures.Executor | None,
    workers: int,
    chunk_size: int,
    keep_going: bool,
    staging: _Staging,
    local_base: Base,
    report: Progress,
) -> list[RowResult]:
    """Every row checked, and rendered into ``staging`` while no row has failed."""
    total = len(table.rows)
    results: list[RowResult] = [RowResult()] * total
    state = {"render": True, "done": 0}

    shared_disk = executor is None or isinstance(
        executor, futures.ProcessPoolExecutor | futures.ThreadPoolExecutor
    )
    folder = str(staging.folder) if shared_disk else None

    def call(
        start: int, chunk: Sequence[Row]
    ) -> tuple[Callable[..., list[RowResult]], tuple[Any, ...]]:
        if executor is None:
            # In this process: the base built for the column check is used directly.
            return _process, (local_base, start, chunk, state["render"], folder)
        return process_chunk, (spec, key, table.source, start, chunk, state["render"], folder)

    report("render", 0, total)
    for start, chunk_results in _run_chunks(table.rows, chunk_size, executor, workers, call):
        for offset, result in enumerate(chunk_results):
            index = start + offset
            if result.package is not None:
                staging.keep(index, result.package)
                result = RowResult(result.slug, staged=True)  # on disk now, not in memory
            elif result.slug is None and not keep_going:
                state["render"] = False  # the batch will fail: only check the rest
            results[index] = result
        state["done"] += len(chunk_results)
        report("render", state["done"], total)
    return results


def _names(
    table: Table,
    results: Sequence[RowResult],
    pattern: NamePattern,
    ascii_names: bool,
    out_dir: Path,
    merge_path: Path | None,
) -> list[str | None]:
    reserved = [MANIFEST_NAME]
    if merge_path is not None and merge_path.parent.resolve() == out_dir.resolve():
        reserved.append(merge_path.name)
    names = UniqueNames(reserved)
    files: list[str | None] = []
    for index, (row, result) in enumerate(zip(table.rows, results, strict=True), start=1):
        if result.slug is None:
            files.append(None)
            continue
        fields: dict[str, Any] = dict(row.values)
        fields.update(
            index=index, row=row.number, slug=slugify(result.slug, ascii_only=ascii_names)
        )
        files.append(names.take(safe_file_name(pattern.format(fields), ascii_only=ascii_names)))
    return files


def _commit(
    table: Table,
    results: Sequence[RowResult],
    files: Sequence[str | None],
    staging: _Staging,
    out_dir: Path,
    outcomes: list[RowOutcome],
) -> None:
    """Move every staged document to its name, recording each row in ``outcomes``."""
    for index, (row, result, file) in enumerate(zip(table.rows, results, files, strict=True)):
        if file is None or result.slug is None:
            error = "; ".join(f"{p.field}: {p.message}" for p in result.problems) or result.failure
            status = "invalid" if result.problems else "failed"
            outcomes.append(RowOutcome(index + 1, row.label, None, status, error))
            continue
        try:
            staging.path(index).replace(out_dir / file)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror}", path=out_dir / file) from exc
        outcomes.append(RowOutcome(index + 1, row.label, file, "written"))
