"""The ``tdkt-docs`` command: a thin layer over the library.

Exit codes: 0 success; 1 bad data or a failure (one line per problem on stderr, nothing
written); 2 usage errors. No traceback unless ``--debug``.
"""

from __future__ import annotations

import datetime as dt
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from tdkt_docs import __version__
from tdkt_docs.batch.names import DEFAULT_PATTERN
from tdkt_docs.errors import (
    BatchInterruptedError,
    DataError,
    OutputExistsError,
    TdktError,
    UnreadableDocumentError,
)
from tdkt_docs.kinds import types
from tdkt_docs.loader import load, read_data
from tdkt_docs.messages import did_you_mean, plural
from tdkt_docs.profile import Profile, load_profile
from tdkt_docs.render import render
from tdkt_docs.resources import examples_dir
from tdkt_docs.vietnamese.numbers import format_number

if TYPE_CHECKING:
    from tdkt_docs.batch import BatchResult

_debug_option = click.option(
    "--debug", is_flag=True, help="Show the Python traceback of a failure."
)
_profile_option = click.option(
    "--profile",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="An ND30 layout profile (YAML) instead of the bundled one.",
)


_pdf_option = click.option(
    "--pdf",
    is_flag=True,
    help="Also write a PDF beside each DOCX (LibreOffice), e.g. for e-signing.",
)


def _echo_pdfs(documents: Sequence[Path], *, overwrite: bool) -> None:
    from tdkt_docs.pdf import convert_to_pdf

    for path in convert_to_pdf(documents, overwrite=overwrite):
        click.echo(str(path))


def _load_profile(path: Path | None) -> Profile | None:
    return load_profile(path) if path is not None else None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tdkt-docs")
@_debug_option
def cli(debug: bool) -> None:
    """Văn bản hành chính theo Nghị định 30/2020/NĐ-CP, từ dữ liệu ra DOCX sẵn sàng ký.

    Vietnamese administrative documents laid out per Decree 30/2020/ND-CP.
    """


@cli.command("render")
@click.argument("input_file", metavar="INPUT", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help="The DOCX file to write."
)
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@_pdf_option
@click.option(
    "--metadata",
    is_flag=True,
    help="Also write the document's metadata (Nghị định 30, Phụ lục VI) beside it, as "
    "OUTPUT with .json; with --pdf it holds the page count.",
)
@_profile_option
@_debug_option
def render_command(
    input_file: Path,
    output: Path,
    force: bool,
    pdf: bool,
    metadata: bool,
    profile: Path | None,
    debug: bool,
) -> None:
    """Render INPUT (YAML or JSON) to a DOCX file."""
    if output.suffix.lower() != ".docx":
        raise click.BadParameter("the output file name must end in .docx", param_hint="'-o'")
    if not metadata:
        path = render(input_file, output, overwrite=force, profile=_load_profile(profile))
        click.echo(str(path))
        if pdf:
            _echo_pdfs([output], overwrite=force)
        return
    from tdkt_docs.metadata import document_metadata, sidecar_path, write_sidecar

    # Everything that can refuse is done before anything is written.
    document = load(input_file)
    record = document_metadata(document, source=input_file)
    sidecar = sidecar_path(output)
    if sidecar.exists() and not force:
        raise OutputExistsError("already exists", path=sidecar)
    click.echo(str(render(document, output, overwrite=force, profile=_load_profile(profile))))
    if pdf:
        from tdkt_docs.pdf import convert_to_pdf, page_count

        (pdf_path,) = convert_to_pdf([output], overwrite=force)
        click.echo(str(pdf_path))
        record = document_metadata(document, source=input_file, page_amount=page_count(pdf_path))
    click.echo(str(write_sidecar(output, record, overwrite=force)))


@cli.command("demo")
@click.argument(
    "out_dir",
    metavar="[DIR]",
    required=False,
    default="tdkt-demo",
    type=click.Path(file_okay=False, path_type=Path),
)
@_debug_option
def demo_command(out_dir: Path, debug: bool) -> None:
    """Render every bundled example into DIR (default ./tdkt-demo), replacing earlier demo files:
    the công văn, the báo cáo, a batch of reminder letters with their printable merge, and
    the example award round (khen-thuong/)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    console = Console(stderr=True)
    written = 0
    for example in sorted(examples_dir().iterdir()):
        if example.suffix.lower() not in {".yaml", ".yml", ".json"}:
            continue
        if example.name.endswith(".schema.json"):
            continue  # the examples' JSON Schema (tdkt-docs schema), not a document
        data = read_data(example)
        if not isinstance(data, dict) or "type" not in data:
            continue  # a reusable profile such as agency.yaml, not a document
        path = render(example, out_dir / f"{example.stem}.docx", overwrite=True)
        click.echo(str(path))
        written += 1
    from tdkt_docs.batch import render_batch

    reminders = examples_dir() / "reminders"
    batch = render_batch(
        reminders / "don_doc.yaml",
        reminders / "don_vi_chua_gui.csv",
        out_dir / "don-doc",
        merge=out_dir / "don-doc" / "tat-ca-de-in.docx",
        overwrite=True,
    )
    click.echo(str(batch.out_dir))
    click.echo(str(batch.merged))
    written += len(batch.written)
    from tdkt_docs.awards import compile as compile_round

    awards = examples_dir() / "awards"
    round_result = compile_round(
        awards / "round.yaml", awards / "nominations", out_dir / "khen-thuong", overwrite=True
    )
    click.echo(str(round_result.out_dir))
    written += len(round_result.documents) + 2  # and the money table and register DOCX
    console.print(f"[green]{plural(written, 'document')} written to {out_dir}[/green]")


def _document_type(value: str) -> str:
    """``--type``: ``auto``, a registered kind or ``register`` (read when the command runs,
    so a kind registered by a plugin is accepted too)."""
    from tdkt_docs.checker import document_types

    accepted = [name for name in document_types() if name != "auto"]
    if value == "auto" or value in accepted:
        return value
    raise click.BadParameter(
        f"expected auto or one of {', '.join(accepted)}, got {value!r}"
        + did_you_mean(value, accepted)
    )


@cli.command("check")
@click.argument(
    "files",
    metavar="FILE.docx...",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option(
    "--type",
    "doc_type",
    default="auto",
    callback=lambda ctx, param, value: _document_type(value),
    metavar="auto|TYPE",
    show_default=True,
    help="The document type (a registered kind: "
    + ", ".join(types())
    + "; or register, a sổ đăng ký văn bản đi), or detect it.",
)
@_debug_option
def check_command(files: tuple[Path, ...], as_json: bool, doc_type: str, debug: bool) -> int:
    """Check the ND30 layout of DOCX files (ours or hand-made). Exit 1 on errors, 2 when a
    file cannot be read."""
    from tdkt_docs.checker import check
    from tdkt_docs.checker.report import print_findings, to_json

    results: dict[str, object] = {}
    status = 0
    for path in files:
        try:
            findings = check(path, doc_type)
        except UnreadableDocumentError as exc:
            status = 2
            results[str(path)] = {"error": exc.reason}
            if not as_json:
                click.echo(f"error: {exc}", err=True)
            continue
        if any(f.severity == "error" for f in findings):
            status = max(status, 1)
        results[str(path)] = findings
        if not as_json:
            print_findings(str(path), findings)
    if as_json:
        click.echo(to_json(results))
    return status


def _kind_type(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``schema TYPE``: a registered kind (read when the command runs, so a kind registered
    by a plugin is accepted too)."""
    if value is None or value in types():
        return value
    raise click.BadParameter(
        f"expected one of {', '.join(types())}, got {value!r}" + did_you_mean(value, types())
    )


@cli.command(
    "schema",
    short_help="Write the JSON Schema of the input, for editors.",
    help="Write the JSON Schema of the input (YAML or JSON), for editors: of every document "
    f"type, or of TYPE ({', '.join(types())}) only.\n\n"
    "With '# yaml-language-server: $schema=./tdkt.schema.json' as the first line of a YAML "
    "file, VS Code's YAML extension (Red Hat) completes and checks its keys.",
)
@click.argument("type_name", metavar="[TYPE]", required=False, callback=_kind_type)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The .json file to write (default: print the schema).",
)
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@_debug_option
def schema_command(type_name: str | None, output: Path | None, force: bool, debug: bool) -> None:
    # The help names the registered types, so it is given above rather than here.
    from tdkt_docs.output import write_atomic
    from tdkt_docs.schema import schema_text

    if output is not None and output.suffix.lower() != ".json":
        raise click.BadParameter("the output file name must end in .json", param_hint="'-o'")
    text = schema_text(type_name)
    if output is not None:
        click.echo(str(write_atomic(output, text.encode("utf-8"), overwrite=force)))
        return
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        click.echo(text, nl=False)
        return
    # Bytes, so that "> tdkt.schema.json" is UTF-8 whatever the console's encoding.
    sys.stdout.flush()
    stream.write(text.encode("utf-8"))
    stream.flush()


@cli.group("monthly")
def monthly_group() -> None:
    """The monthly report on advanced exemplars: form → compile → remind."""


@monthly_group.command("form")
@click.option("--month", required=True, metavar="YYYY-MM", help="The month being reported.")
@click.option(
    "--units",
    "units_path",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The units registry (YAML or CSV), for the unit drop-down.",
)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@_debug_option
def monthly_form(
    month: str, units_path: Path | None, output: Path, force: bool, debug: bool
) -> None:
    """Write the workbook that units fill in (one row per exemplar)."""
    from tdkt_docs.monthly.form import write_form
    from tdkt_docs.monthly.units import load_units

    if output.suffix.lower() != ".xlsx":
        raise click.BadParameter("the output file name must end in .xlsx", param_hint="'-o'")
    units = load_units(units_path) if units_path is not None else None
    click.echo(str(write_form(output, month, units, overwrite=force)))


@monthly_group.command("compile")
@click.option("--month", required=True, metavar="YYYY-MM", help="The month being reported.")
@click.option(
    "--units",
    "units_path",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The units registry (YAML or CSV).",
)
@click.option(
    "--submissions",
    required=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="The folder of the units' workbooks (.xlsx, .xls, .ods …) and CSV files.",
)
@click.option(
    "--narrative",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Paragraphs written by the office (YAML).",
)
@click.option(
    "--previous",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The previous month's compiled.json (default: ../<previous month>/compiled.json).",
)
@click.option(
    "--settings",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Agency, signer and Nơi nhận of the report (default: report.yaml beside --units).",
)
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace earlier output files.")
@_pdf_option
@_debug_option
def monthly_compile(
    month: str,
    units_path: Path,
    submissions: Path,
    narrative: Path | None,
    previous: Path | None,
    settings: Path | None,
    output: Path,
    force: bool,
    pdf: bool,
    debug: bool,
) -> None:
    """Compile the submissions into the report, its appendix, compiled.xlsx and missing.csv."""
    from tdkt_docs.monthly.compile import compile_month
    from tdkt_docs.monthly.settings import load_report_settings, settings_beside

    settings = settings or settings_beside(units_path)
    if not settings.is_file():
        raise click.BadParameter(
            f"{settings} not found: give the agency and signer with --settings",
            param_hint="'--settings'",
        )
    output.mkdir(parents=True, exist_ok=True)
    result = compile_month(
        month,
        units_path,
        submissions,
        output,
        settings=load_report_settings(settings),
        narrative_path=narrative,
        previous_path=previous,
        overwrite=force,
    )
    for path in (
        result.report,
        result.compiled_xlsx,
        result.compiled_json,
        result.missing_csv,
        result.rejected_csv,
    ):
        click.echo(str(path))
    if pdf:
        _echo_pdfs([result.report], overwrite=force)
    intake = result.intake
    click.echo(
        f"{plural(len(intake.exemplars), 'exemplar')} accepted; "
        f"{plural(len(intake.units_missing), 'unit')} missing; "
        f"{plural(len(intake.rejected_files), 'file')} and "
        f"{plural(len(intake.rejected_rows), 'row')} rejected",
        err=True,
    )
    for rejected in (*intake.rejected_files, *intake.rejected_rows):
        click.echo(f"rejected: {rejected}", err=True)  # one line each, never wrapped


# --- Award rounds ----------------------------------------------------------------------------


@cli.group("awards")
def awards_group() -> None:
    """An award round: the nominations form, then compile the whole round from the lists."""


@awards_group.command("form")
@click.option(
    "--round",
    "round_path",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The round (round.yaml): its forms, units and campaign go into the form.",
)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@_debug_option
def awards_form(round_path: Path | None, output: Path, force: bool, debug: bool) -> None:
    """Write the nominations workbook that units fill in (one row per nominee)."""
    from tdkt_docs.awards import form

    if output.suffix.lower() != ".xlsx":
        raise click.BadParameter("the output file name must end in .xlsx", param_hint="'-o'")
    click.echo(str(form(output, round=round_path, overwrite=force)))


@awards_group.command("compile")
@click.option(
    "--round",
    "round_path",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The round (round.yaml): campaign, proposals, Hội đồng, dates.",
)
@click.option(
    "--nominations",
    required=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="The folder of the units' nomination lists (.xlsx, .xls, .ods …, .csv).",
)
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace earlier output files.")
@_pdf_option
@_debug_option
def awards_compile(
    round_path: Path, nominations: Path, output: Path, force: bool, pdf: bool, debug: bool
) -> None:
    """Compile the nominations into the round's documents, money table, register and exports."""
    from tdkt_docs.awards import compile as compile_round

    result = compile_round(round_path, nominations, output, overwrite=force)
    for path in result.files:
        click.echo(str(path))
    if pdf:
        _echo_pdfs([result.path(name) for name in result.documents], overwrite=force)
    intake = result.intake
    provisional = " (tạm tính)" if result.money_provisional else ""
    click.echo(
        f"{plural(len(result.awards), 'nomination')} accepted; "
        f"{plural(len(intake.below_threshold), 'nomination')} below the vote threshold; "
        f"{plural(len(intake.rejected_files), 'file')} and "
        f"{plural(len({(r.file, r.sheet, r.row) for r in result.refused}), 'row')} rejected; "
        f"money {format_number(result.total)} đồng{provisional}",
        err=True,
    )
    for rejected in (*intake.rejected_files, *result.refused):
        click.echo(f"rejected: {rejected}", err=True)


@awards_group.command("certificates")
@click.argument("results", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--layout",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="layout.yaml: where each field goes on each kind of blank.",
)
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--calibrate", is_flag=True, help="Write only the calibration pages.")
@click.option("--only", multiple=True, metavar="NAME", help="Print only this recipient (repeat).")
@click.option(
    "--preview",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="A scanned blank, drawn under the text in separate preview files (never printed).",
)
@click.option("--first-number", default=1, show_default=True, type=click.IntRange(min=0),
              help="The số sổ of the round's first award.")  # fmt: skip
@click.option("--force", is_flag=True, help="Replace earlier output files.")
@_debug_option
def awards_certificates(
    results: Path,
    layout: Path,
    output: Path,
    calibrate: bool,
    only: tuple[str, ...],
    preview: Path | None,
    first_number: int,
    force: bool,
    debug: bool,
) -> None:
    """Print the Bằng khen / Giấy khen of a compiled round (RESULTS: the folder of
    `awards compile`) onto pre-printed blanks: one PDF each, a merged PDF, a manifest."""
    from tdkt_docs.awards import certificates

    result = certificates(
        results,
        layout,
        output,
        only=only or None,
        first_number=first_number,
        calibrate=calibrate,
        preview=preview,
        overwrite=force,
    )
    for path in result.files:
        click.echo(str(path))
    if not calibrate:
        click.echo(f"{plural(len(result.sheets), 'certificate')} printed", err=True)


# --- Batches ---------------------------------------------------------------------------------


def _jobs(ctx: click.Context, param: click.Parameter, value: str) -> int | None:
    """``--jobs``: ``auto`` (one process for a small batch, every core for a large one) or
    a number of processes (``0``: one per core)."""
    text = value.strip().lower()
    if text == "auto":
        return None
    if not text.isdigit():
        raise click.BadParameter(f"expected a number from 0 or 'auto', got {value!r}")
    return int(text)


def _terminate_as_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _batch_options(function: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option(
            "-o", "--output", "out_dir", required=True,
            type=click.Path(file_okay=False, path_type=Path),
            help="The folder of the documents (created if needed).",
        ),
        click.option(
            "--name", "name_pattern", default=DEFAULT_PATTERN, show_default=True,
            help="File names: {index}, {row}, {slug} (from the recipient) or any column.",
        ),
        click.option(
            "--merge", type=click.Path(dir_okay=False, path_type=Path),
            help="Also write every document into this one printable DOCX.",
        ),
        click.option(
            "--jobs", "-j", metavar="N|auto", default="auto", show_default=True, callback=_jobs,
            help="Worker processes: auto (a pool only when the batch is large enough for "
            "it to pay), 1, N, or 0 (one per CPU core).",
        ),
        click.option(
            "--keep-going", is_flag=True,
            help="Write the good rows even if some are bad (listed in manifest.csv; exit 1).",
        ),
        click.option("--ascii-names", is_flag=True, help="File names without Vietnamese marks."),
        click.option("--force", is_flag=True, help="Replace existing files."),
        _pdf_option,
    ]  # fmt: skip
    for option in reversed(options):
        function = option(function)
    return function


def _run_batch(run: Callable[..., BatchResult], jobs: int | None, **options: Any) -> int:
    """Run a batch with a progress bar on a terminal, a summary line otherwise."""
    console = Console(stderr=True)
    previous = signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    labels = {"render": "Tạo văn bản", "merge": "Gộp tệp in", "pdf": "Chuyển PDF"}
    try:
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeRemainingColumn(), console=console, disable=not console.is_terminal,
            transient=True,
        ) as bar:  # fmt: skip
            tasks: dict[str, TaskID] = {}

            def progress(phase: str, done: int, total: int) -> None:
                if phase not in tasks:
                    tasks[phase] = bar.add_task(labels.get(phase, phase), total=total)
                bar.update(tasks[phase], completed=done, total=total)

            result = run(jobs=jobs, progress=progress, **options)
    except BatchInterruptedError as exc:
        click.echo(f"error: {exc.advice('--force')}", err=True)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    written = len(result.written)
    bad = result.failed
    click.echo(
        f"{plural(written, 'document')} written to {result.out_dir} in {result.seconds:.1f} s; "
        f"{plural(len(bad), 'row')} not written; manifest: {result.manifest}"
        + (f"; merged: {result.merged}" if result.merged else "")
        + (f"; {plural(len(result.pdfs), 'PDF')}" if result.pdfs else ""),
        err=True,
    )
    for outcome in bad:
        click.echo(f"{outcome.status}: {outcome.row}: {outcome.error}", err=True)
    return 1 if bad else 0


@cli.command("batch")
@click.argument("base", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.argument("data", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@_batch_options
@click.option("--sheet", help="The sheet of a workbook (default: the first visible one).")
@click.option(
    "--timestamp", type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    help="Date every file with this instead of the document's date (zip and properties).",
)  # fmt: skip
@_profile_option
@_debug_option
def batch_command(
    base: Path,
    data: Path,
    out_dir: Path,
    name_pattern: str,
    merge: Path | None,
    jobs: int | None,
    keep_going: bool,
    ascii_names: bool,
    force: bool,
    pdf: bool,
    sheet: str | None,
    timestamp: dt.datetime | None,
    profile: Path | None,
    debug: bool,
) -> int:
    """One document per row of DATA, from BASE.

    BASE is a document YAML whose text may use {{ row.COLUMN }}, or your own DOCX template
    with docxtpl tags ({{ COLUMN }}). DATA is a CSV file, a workbook (.xlsx, .xls, .ods …) or
    a YAML/JSON list (for example missing.csv from "monthly compile"). Every row is checked
    before anything is written.
    """
    from tdkt_docs.batch import render_batch

    return _run_batch(
        render_batch, jobs, base=base, rows=data, out_dir=out_dir, name_pattern=name_pattern,
        merge=merge, keep_going=keep_going, ascii_names=ascii_names, overwrite=force,
        sheet=sheet, timestamp=timestamp, profile=_load_profile(profile), pdf=pdf,
    )  # fmt: skip


@monthly_group.command("remind")
@click.option("--month", required=True, metavar="YYYY-MM", help="The month being reported.")
@click.option(
    "--units",
    "units_path",
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The units registry (YAML or CSV).",
)
@click.option(
    "--submissions",
    required=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="The folder of the units' workbooks (.xlsx, .xls, .ods …) and CSV files.",
)
@click.option(
    "--base",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The reminder letter (default: reminder.yaml beside --units).",
)
@click.option(
    "--deadline",
    type=click.DateTime(["%d/%m/%Y", "%Y-%m-%d"]),
    help="The new deadline, dd/mm/yyyy (default: a week from today).",
)
@click.option(
    "--letter-month", metavar="YYYY-MM", help="The letters' month (default: the next month)."
)
@_batch_options
@_profile_option
@_debug_option
def monthly_remind(
    month: str,
    units_path: Path,
    submissions: Path,
    base: Path | None,
    deadline: dt.datetime | None,
    letter_month: str | None,
    out_dir: Path,
    name_pattern: str,
    merge: Path | None,
    jobs: int | None,
    keep_going: bool,
    ascii_names: bool,
    force: bool,
    pdf: bool,
    profile: Path | None,
    debug: bool,
) -> int:
    """A reminder letter to every unit that has not sent a valid list for the month."""
    from tdkt_docs.monthly.remind import remind

    base = base or units_path.parent / "reminder.yaml"
    if not base.is_file():
        raise click.BadParameter(
            f"{base} not found: give the reminder letter with --base", param_hint="'--base'"
        )
    return _run_batch(
        remind, jobs, month=month, units=units_path, submissions=submissions, base=base,
        out_dir=out_dir, deadline=deadline.date() if deadline else None,
        letter_month=letter_month, name_pattern=name_pattern, merge=merge,
        keep_going=keep_going, ascii_names=ascii_names, overwrite=force,
        profile=_load_profile(profile), pdf=pdf,
    )  # fmt: skip


@cli.command("pdf")
@click.argument(
    "files",
    metavar="FILE.docx...",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder of the PDFs (default: beside each DOCX).",
)
@click.option("--pdfa", is_flag=True, help="Write PDF/A-2b, for archiving.")
@click.option("--force", is_flag=True, help="Replace existing PDFs.")
@_debug_option
def pdf_command(
    files: tuple[Path, ...], out_dir: Path | None, pdfa: bool, force: bool, debug: bool
) -> None:
    """Convert DOCX files to PDF with LibreOffice, all in one run."""
    from tdkt_docs.pdf import convert_to_pdf

    for path in convert_to_pdf(files, out_dir, pdfa=pdfa, overwrite=force):
        click.echo(str(path))


@cli.command("preview")
@click.argument(
    "file", metavar="FILE.docx", type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The PNG to write.",
)
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--dpi", type=click.IntRange(min=20, max=600), default=100, show_default=True)
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@_debug_option
def preview_command(
    file: Path, output: Path, page: int, dpi: int, force: bool, debug: bool
) -> None:
    """Render one page of a DOCX to a PNG, to look at it without Word."""
    from tdkt_docs.pdf import preview_page

    click.echo(str(preview_page(file, output, page=page, dpi=dpi, overwrite=force)))


@cli.group("templates")
def templates_group() -> None:
    """Build the bundled DOCX templates from code."""


@templates_group.command("build")
@click.argument(
    "out_dir",
    metavar="[DIR]",
    required=False,
    default="templates",
    type=click.Path(file_okay=False, path_type=Path),
)
@_profile_option
@_debug_option
def templates_build(out_dir: Path, profile: Path | None, debug: bool) -> None:
    """Write every template into DIR (default ./templates), with the ND30 profile."""
    from tdkt_docs.template_builder import build_all

    out_dir.mkdir(parents=True, exist_ok=True)
    for path in build_all(out_dir, _load_profile(profile)):
        click.echo(str(path))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        result = cli.main(args=args, prog_name="tdkt-docs", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return 130
    except OutputExistsError as exc:
        # The library says overwrite=True; on the command line the option is --force.
        where = f"{exc.path}: " if exc.path else ""
        click.echo(f"error: {where}{exc.advice('--force')}", err=True)
        if debug:
            traceback.print_exc()
        return 1
    except BatchInterruptedError as exc:
        click.echo(f"error: {exc.advice('--force')}", err=True)
        return 130
    except DataError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        click.echo("nothing was written", err=True)
        if debug:
            traceback.print_exc()
        return 1
    except TdktError as exc:
        click.echo(f"error: {exc}", err=True)
        if debug:
            traceback.print_exc()
        return 1
    except Exception as exc:
        if debug:
            traceback.print_exc()
        click.echo(
            f"internal error: {type(exc).__name__}: {exc} (run again with --debug and report it)",
            err=True,
        )
        return 1
    return result if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
