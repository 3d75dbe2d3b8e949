"""The wheel carries the templates: build it, install it apart from the source tree, render."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_EXAMPLE

pytestmark = pytest.mark.slow


def test_wheel_contains_templates_and_renders(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    wheel = next(dist.glob("tdkt_docs-*.whl"))
    with zipfile.ZipFile(wheel) as package:
        names = set(package.namelist())
    for required in (
        "tdkt_docs/templates/cong_van.docx",
        "tdkt_docs/examples/cong_van_tuyen_truyen.yaml",
        "tdkt_docs/data/profiles/nd30.yaml",
        "tdkt_docs/data/font_widths.json",
        "tdkt_docs/py.typed",
    ):
        assert required in names

    target = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    script = (
        "import sys, tdkt_docs; "
        "assert tdkt_docs.__file__.startswith(sys.argv[1]), tdkt_docs.__file__; "
        "tdkt_docs.render(sys.argv[2], 'cv.docx')"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(target), str(SEED_EXAMPLE)],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert (work / "cv.docx").read_bytes()[:2] == b"PK"
    demo = subprocess.run(
        [sys.executable, "-m", "tdkt_docs", "demo", "out"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert demo.returncode == 0, demo.stderr
    assert (work / "out" / "cong_van_tuyen_truyen.docx").exists()
