"""The ``tdkt-docs`` command: a thin layer over the library.

Exit codes: 0 success; 1 bad data or a failure (one line per problem on stderr, nothing
written); 2 usage errors. No traceback unless ``--debug``.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

import click
from rich.console import Console

from tdkt_docs import __version__
from tdkt_docs.errors import DataError, TdktError
from tdkt_docs.loader import read_data
from tdkt_docs.profile import Profile, load_profile
from tdkt_docs.render import render
from tdkt_docs.resources import examples_dir

_debug_option = click.option(
    "--debug", is_flag=True, help="Show the Python traceback of a failure."
)
_profile_option = click.option(
    "--profile",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="An ND30 layout profile (YAML) instead of the bundled one.",
)


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
@_profile_option
@_debug_option
def render_command(
    input_file: Path, output: Path, force: bool, profile: Path | None, debug: bool
) -> None:
    """Render INPUT (YAML or JSON) to a DOCX file."""
    if output.suffix.lower() != ".docx":
        raise click.BadParameter("the output file name must end in .docx", param_hint="'-o'")
    path = render(input_file, output, overwrite=force, profile=_load_profile(profile))
    click.echo(str(path))


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
    """Render every bundled example into DIR (default ./tdkt-demo), replacing earlier demo files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    console = Console(stderr=True)
    written = 0
    for example in sorted(examples_dir().iterdir()):
        if example.suffix.lower() not in {".yaml", ".yml", ".json"}:
            continue
        data = read_data(example)
        if not isinstance(data, dict) or "type" not in data:
            continue  # a reusable profile such as agency.yaml, not a document
        path = render(example, out_dir / f"{example.stem}.docx", overwrite=True)
        click.echo(str(path))
        written += 1
    console.print(f"[green]{written} document(s) written to {out_dir}[/green]")


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
    type=click.Choice(["auto", "dispatch", "report"]),
    default="auto",
    show_default=True,
    help="The document type, or detect it.",
)
@_debug_option
def check_command(files: tuple[Path, ...], as_json: bool, doc_type: str, debug: bool) -> int:
    """Check the ND30 layout of DOCX files (ours or hand-made). Exit 1 on errors, 2 when a
    file cannot be read."""
    from tdkt_docs.checker import check
    from tdkt_docs.checker.package import UnreadableDocumentError
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
    help="The folder of the units' XLSX/CSV files.",
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
    debug: bool,
) -> None:
    """Compile the submissions into the report, its appendix, compiled.xlsx and missing.csv."""
    from tdkt_docs.monthly.compile import compile_month

    settings = settings or units_path.parent / "report.yaml"
    if not settings.is_file():
        raise click.BadParameter(
            f"{settings} not found: give the agency and signer with --settings",
            param_hint="'--settings'",
        )
    config = read_data(settings)
    if not isinstance(config, dict) or "agency" not in config or "signer" not in config:
        raise DataError.single(settings, "", "expected a mapping with agency and signer")
    agency = config["agency"]
    if isinstance(agency, str):
        agency = settings.parent / agency
    extra = {
        key: config[key] for key in ("number", "symbol", "distribution", "archive") if key in config
    }
    output.mkdir(parents=True, exist_ok=True)
    result = compile_month(
        month,
        units_path,
        submissions,
        output,
        agency=agency,
        signer=config["signer"],
        narrative_path=narrative,
        previous_path=previous,
        overwrite=force,
        **extra,
    )
    for path in (
        result.report,
        result.compiled_xlsx,
        result.compiled_json,
        result.missing_csv,
        result.rejected_csv,
    ):
        click.echo(str(path))
    intake = result.intake
    click.echo(
        f"{len(intake.exemplars)} exemplars accepted; {len(intake.units_missing)} units missing; "
        f"{len(intake.rejected_files)} files and {len(intake.rejected_rows)} rows rejected",
        err=True,
    )
    for rejected in (*intake.rejected_files, *intake.rejected_rows):
        click.echo(f"rejected: {rejected}", err=True)  # one line each, never wrapped


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
