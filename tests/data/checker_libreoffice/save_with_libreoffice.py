"""Remake the quyết định and tờ trình files saved by LibreOffice Writer (see README.md).

    python tests/data/checker_libreoffice/save_with_libreoffice.py

Needs LibreOffice (soffice). Each document is rendered by this package (or, for the
hand-made one, written by python-docx as a clerk would type it), then opened and saved
again as .docx by LibreOffice Writer with a throw-away profile.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

import tdkt_docs  # noqa: E402
from tests.test_checker_decision import handmade_decision  # noqa: E402
from tests.test_checker_faults import GOOD_DOCUMENTS  # noqa: E402

SOURCES = {
    "quyet_dinh_khen_thuong.docx": "decision",
    "quyet_dinh_danh_sach_bang.docx": "decision_list_table",
    "quyet_dinh_danh_sach_dong.docx": "decision_list_lines",
    "to_trinh_khen_thuong.docx": "submission",
}
"""File name: the good document of the fault corpus it is made from."""
HANDMADE = "quyet_dinh_go_tay.docx"


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for name, good in SOURCES.items():
            (folder / name).write_bytes(tdkt_docs.render_bytes(GOOD_DOCUMENTS[good]()))
        (folder / HANDMADE).write_bytes(handmade_decision())
        out = folder / "out"
        subprocess.run(
            ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
             "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
             *sorted(str(path) for path in folder.glob("*.docx"))],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        for path in sorted(out.glob("*.docx")):
            shutil.copyfile(path, HERE / path.name)
            print(HERE / path.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
