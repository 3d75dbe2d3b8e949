from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tdkt_docs.cli import main
from tests.conftest import EXAMPLES, ROOT, SEED_EXAMPLE


def test_render_writes_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cv.docx"
    assert main(["render", str(SEED_EXAMPLE), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"PK")
    before = out.read_bytes()
    assert main(["render", str(SEED_EXAMPLE), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and "Traceback" not in err
    assert out.read_bytes() == before
    assert main(["render", str(SEED_EXAMPLE), "-o", str(out), "--force"]) == 0


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(SEED_EXAMPLE)]) == 2
    assert main(["render", str(SEED_EXAMPLE), "-o", str(tmp_path / "cv.pdf")]) == 2
    assert main(["no-such-command"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_missing_input_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "o.docx")]) == 1
    err = capsys.readouterr().err
    assert "nope.yaml" in err and "Traceback" not in err
    assert not (tmp_path / "o.docx").exists()


def test_demo_renders_every_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo"
    assert main(["demo", str(out)]) == 0
    printed = capsys.readouterr().out.split()
    documents = sorted(
        f"{example.stem}.docx"
        for example in EXAMPLES.glob("*.yaml")
        if "\ntype:" in example.read_text("utf-8")
    )
    assert {"bao_cao_thang.docx", "cong_van_tuyen_truyen.docx", "quyet_dinh_danh_sach.docx"} <= set(
        documents
    )
    assert sorted(Path(p).name for p in printed) == sorted(
        [*documents, "don-doc", "tat-ca-de-in.docx", "khen-thuong"]
    )
    assert len(list((out / "don-doc").glob("0*.docx"))) == 11  # the reminder batch
    assert (out / "khen-thuong" / "03-quyet-dinh.docx").is_file()  # the example award round
    assert main(["demo", str(out)]) == 0, "the demo can run twice"


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert "0.1.0" in capsys.readouterr().out
    assert main(["--help"]) == 0


def test_console_script_module_entry(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tdkt_docs",
            "render",
            str(SEED_EXAMPLE),
            "-o",
            str(tmp_path / "a.docx"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "a.docx").exists()


def test_monthly_form_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "form.xlsx"
    units = ROOT / "examples" / "monthly" / "units.yaml"
    args = ["monthly", "form", "--month", "2023-09", "--units", str(units), "-o", str(out)]
    assert main(args) == 0
    assert out.read_bytes()[:2] == b"PK"
    assert main(args) == 1, "no overwrite without --force"
    assert main([*args, "--force"]) == 0
    assert main(["monthly", "form", "--month", "2023-13", "-o", str(tmp_path / "x.xlsx")]) == 1
    assert "2023-13" in capsys.readouterr().err


def test_monthly_compile_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import csv

    monthly = ROOT / "examples" / "monthly"
    out = tmp_path / "2023-09"
    args = [
        "monthly", "compile", "--month", "2023-09",
        "--units", str(monthly / "units.yaml"),
        "--submissions", str(monthly / "submissions"),
        "--narrative", str(monthly / "narrative.yaml"),
        "-o", str(out),
    ]  # fmt: skip
    assert main(args) == 0
    captured = capsys.readouterr()
    names = sorted(Path(line).name for line in captured.out.split())
    assert names == sorted(
        ["bao-cao-2023-09.docx", "compiled.xlsx", "compiled.json", "missing.csv", "rejected.csv"]
    )
    assert "VANNINH_2023-09.xlsx" in captured.err and "'ca nhan'" in captured.err
    with (out / "missing.csv").open(encoding="utf-8-sig") as handle:
        missing = list(csv.DictReader(handle))
    assert "VANNINH" in {row["code"] for row in missing}, "a rejected unit is still to remind"
    assert main(args) == 1, "no overwrite without --force"
    assert main([*args, "--force"]) == 0
