"""Batches end to end: the reminder example, hostile data, all-or-nothing, executors,
interruption, mail merge with the user's own DOCX, merging, and ``monthly remind``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import signal
import subprocess
import sys
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import docx
import pytest

import tdkt_docs
from tdkt_docs.batch import BatchInterruptedError, render_batch
from tdkt_docs.cli import main
from tdkt_docs.roles import ROLES
from tests.conftest import EXAMPLES, ROOT, example_data
from tests.docx_reading import by_style
from tests.test_batch_fast_path import same_xml

REMINDER = EXAMPLES / "reminders" / "don_doc.yaml"
MISSING = EXAMPLES / "reminders" / "don_vi_chua_gui.csv"


def kinh_gui(path: Path) -> str:
    document = docx.Document(str(path))
    (label,) = by_style(document, ROLES["kinh_gui"].style_id)
    return label.text.removeprefix("Kính gửi:").strip()


def write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def docx_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.docx"))


# --- The bundled reminder -------------------------------------------------------------------


def test_reminder_example(tmp_path: Path) -> None:
    result = render_batch(REMINDER, MISSING, tmp_path / "out")
    assert [p.name for p in result.written][:2] == [
        "001-Sở-Kế-hoạch-và-Đầu-tư.docx",
        "002-Sở-Xây-dựng.docx",
    ]
    assert len(result.written) == 11 and not result.failed
    with MISSING.open(encoding="utf-8-sig") as handle:
        units = list(csv.DictReader(handle))
    for path, unit in zip(result.written, units, strict=True):
        assert kinh_gui(path) == unit["recipient"]
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        assert f"Đến nay, {unit['name']} chưa gửi danh sách" in text
        assert "{{" not in text
        findings = tdkt_docs.check(path)
        assert not [f for f in findings if f.severity == "error"], findings
    manifest = (tmp_path / "out" / "manifest.csv").read_text("utf-8-sig").splitlines()
    assert manifest[0] == "index,row,file,status,error"
    assert manifest[1] == "1,row 2,001-Sở-Kế-hoạch-và-Đầu-tư.docx,written,"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [p.name for p in result.written] + ["manifest.csv"]
    ), "nothing else is left in the folder"


def test_same_inputs_give_byte_identical_files(tmp_path: Path) -> None:
    first = render_batch(REMINDER, MISSING, tmp_path / "a")
    with ProcessPoolExecutor(max_workers=2) as executor:
        second = render_batch(REMINDER, MISSING, tmp_path / "b", executor=executor)
    with ThreadPoolExecutor(max_workers=2) as executor:
        third = render_batch(REMINDER, MISSING, tmp_path / "c", executor=executor)
    for a, b, c in zip(first.written, second.written, third.written, strict=True):
        assert a.name == b.name == c.name
        assert a.read_bytes() == b.read_bytes() == c.read_bytes()
    # and each equals the plain, one-document path
    one = example_data(REMINDER)
    one["recipients"] = ["Sở Xây dựng"]
    one["body"] = one["body"].replace("{{ row.name }}", "Sở Xây dựng")
    plain = tdkt_docs.render_bytes(one)
    assert same_xml(first.written[1].read_bytes(), plain)


# --- Hostile data ---------------------------------------------------------------------------

HOSTILE = [
    "Sở A/B",
    "../../../etc/passwd",
    ".. Phòng ../Kế toán",
    "A & B <c> > d",
    "Trường 😀 Mầm non",
    unicodedata.normalize("NFD", "UBND xã Vĩnh Lương, Khánh Hòa"),
    "Ủy ban nhân dân xã " * 10 + "Cam Hải",  # 197 characters: near the 200 limit
    "{{ 7*7 }} {% if 1 %}x{% endif %} {_{ }}",
    "CON",
    'C:\\Windows "q" | * ?',
    "Sở Y tế",
    "sở y tế",
]


def test_a_thousand_hostile_rows(tmp_path: Path) -> None:
    rows = [[f"DV{i:04d}", HOSTILE[i % len(HOSTILE)]] for i in range(1000)]
    data = write_csv(tmp_path / "data.csv", ["code", "recipient"], rows)
    base = tmp_path / "base.yaml"
    base.write_text(
        REMINDER.read_text("utf-8")
        .replace("office: ../office.yaml", f"office: {EXAMPLES / 'office.yaml'}")
        .replace("{{ row.name }}", "{{ row.recipient }}"),
        "utf-8",
    )
    out = tmp_path / "out"
    with ProcessPoolExecutor(max_workers=2) as executor:
        result = render_batch(base, data, out, executor=executor)
    files = docx_files(tmp_path)
    assert len(files) == 1000 and all(p.parent == out for p in files)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [p.name for p in files] + ["manifest.csv"]
    )
    assert len({p.name.casefold() for p in files}) == 1000
    for outcome, (_, recipient) in zip(result.outcomes, rows, strict=True):
        assert outcome.status == "written" and outcome.file
        expected = " ".join(unicodedata.normalize("NFC", recipient).split())
        assert kinh_gui(out / outcome.file) == expected, outcome


# --- All or nothing ---------------------------------------------------------------------------


def bad_rows_csv(tmp_path: Path) -> Path:
    rows = [
        ["SYT", "Sở Y tế", "Sở Y tế"],
        ["X1", "", "Sở Tư pháp"],  # empty name: the body still reads, but…
        ["X2", "Sở Công Thương", ""],  # …an empty recipient leaves no recipient
        ["X3", "Sở\x07Tài chính", "Sở Tài chính"],  # a control character
        ["X4", "Së Néi vô", "Së Néi vô"],  # TCVN3 (.VnTime) text
        ["STP", "Sở Tư pháp", "Sở Tư pháp"],
    ]
    return write_csv(tmp_path / "bad.csv", ["code", "name", "recipient"], rows)


def test_a_bad_row_fails_the_batch_and_nothing_is_written(tmp_path: Path) -> None:
    data = bad_rows_csv(tmp_path)
    with pytest.raises(tdkt_docs.DataError) as caught:
        render_batch(REMINDER, data, tmp_path / "out")
    problems = [str(p) for p in caught.value.problems]
    assert any("row 4, column 'recipient': recipients[0]: must not be empty" in p for p in problems)
    assert any("row 5, column 'name'" in p and "control character U+0007" in p for p in problems)
    assert any("row 6, column 'recipient'" in p and "TCVN3" in p for p in problems)
    assert len(problems) == 3, problems
    assert all(p.startswith(f"{data}: ") for p in problems)
    assert not (tmp_path / "out").exists(), "the folder made for the batch is removed"

    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "mine.txt").write_text("x", "utf-8")
    with pytest.raises(tdkt_docs.DataError):
        render_batch(REMINDER, data, tmp_path / "kept")
    assert [p.name for p in (tmp_path / "kept").iterdir()] == ["mine.txt"]


def test_keep_going_writes_the_good_rows(tmp_path: Path) -> None:
    data = bad_rows_csv(tmp_path)
    result = render_batch(REMINDER, data, tmp_path / "out", keep_going=True)
    assert [o.status for o in result.outcomes] == [
        "written", "written", "invalid", "invalid", "invalid", "written",
    ]  # fmt: skip
    assert len(docx_files(tmp_path / "out")) == 3
    manifest = list(csv.DictReader(io.StringIO(result.manifest.read_text("utf-8-sig"))))
    assert manifest[2]["status"] == "invalid"
    assert manifest[2]["error"] == "row 4, column 'recipient': recipients[0]: must not be empty"
    assert manifest[2]["file"] == ""
    code = main(["batch", str(REMINDER), str(data), "-o", str(tmp_path / "cli"), "--keep-going"])
    assert code == 1


def test_existing_files_are_not_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    render_batch(REMINDER, MISSING, out)
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    with pytest.raises(tdkt_docs.OutputExistsError, match="overwrite=True"):
        render_batch(REMINDER, MISSING, out)
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    render_batch(REMINDER, MISSING, out, overwrite=True)


@pytest.mark.parametrize(
    ("base_text", "message"),
    [
        ("recipients: ['{{ row.nguoi_nhan }}']", "uses the column 'nguoi_nhan', which"),
        ("recipients: ['{{ recipient }}']", "a column of the data is written {{ row.COLUMN }}"),
        ("recipients: ['{{ row.recipient ']", "template syntax error"),
        ("symbol: snv-tđkt", "the ký hiệu is written in capitals"),
    ],
)
def test_a_bad_base_is_reported_once(tmp_path: Path, base_text: str, message: str) -> None:
    text = REMINDER.read_text("utf-8").replace(
        "office: ../office.yaml", f"office: {EXAMPLES / 'office.yaml'}"
    )
    key = base_text.split(":", 1)[0]
    lines = [line for line in text.splitlines() if not line.startswith(f"{key}:")]
    if key == "recipients":
        lines = [line for line in lines if line != '  - "{{ row.recipient }}"']
    base = tmp_path / "base.yaml"
    base.write_text("\n".join([*lines, base_text]) + "\n", "utf-8")
    with pytest.raises(tdkt_docs.DataError) as caught:
        render_batch(base, MISSING, tmp_path / "out")
    assert len(caught.value.problems) == 1
    assert message in str(caught.value)
    assert str(base) in str(caught.value)
    assert not (tmp_path / "out").exists()


# --- Interruption -------------------------------------------------------------------------


def test_ctrl_c_leaves_nothing_and_a_rerun_completes(tmp_path: Path) -> None:
    calls = []

    def progress(phase: str, done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 3:
            raise KeyboardInterrupt

    out = tmp_path / "out"
    with pytest.raises(BatchInterruptedError, match="none of the 11 documents"):
        render_batch(REMINDER, MISSING, out, progress=progress, chunk_size=2)
    assert not out.exists() or not list(out.iterdir())
    result = render_batch(REMINDER, MISSING, out, overwrite=True)
    assert len(result.written) == 11


def _big_batch(tmp_path: Path, rows: int = 600) -> tuple[list[str], Path]:
    data = write_csv(
        tmp_path / "many.csv",
        ["code", "name", "recipient"],
        [[f"DV{i}", f"Đơn vị số {i}", f"Đơn vị số {i}"] for i in range(rows)],
    )
    out = tmp_path / "out"
    command = [sys.executable, "-m", "tdkt_docs", "batch", str(REMINDER), str(data), "-o", str(out)]
    return [*command, "--jobs", "2"], out


def _wait_for_staging(out: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        staged = list(out.glob(".tdkt-batch-*/*.part")) if out.exists() else []
        if len(staged) >= 20:
            return
        time.sleep(0.02)
    pytest.fail("the batch never started writing")


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_interrupting_the_command(tmp_path: Path, how: signal.Signals) -> None:
    command, out = _big_batch(tmp_path)
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    _wait_for_staging(out)
    process.send_signal(how)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted: none of the 600 documents" in stderr
    assert "Traceback" not in stderr
    assert docx_files(tmp_path) == []
    assert not list(out.glob(".tdkt-*")), "the staging folder is removed"
    assert subprocess.run(command, cwd=ROOT, capture_output=True, check=False).returncode == 0
    assert len(docx_files(out)) == 600


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killing_the_command_leaves_no_partial_document(tmp_path: Path) -> None:
    command, out = _big_batch(tmp_path)
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, cwd=ROOT)
    _wait_for_staging(out)
    deadline = time.monotonic() + 30
    while len(workers := _children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) == 2
    process.kill()
    process.wait(timeout=60)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers), "the workers stop when their parent is gone"
    assert docx_files(tmp_path) == []
    assert list(out.glob(".tdkt-batch-*")), "the killed run's staging folder is left"
    rerun = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert not list(out.glob(".tdkt-batch-*")), "the next run removes it"
    files = docx_files(out)
    assert len(files) == 600
    for path in files[::50]:
        docx.Document(str(path))


# --- Mail merge with the user's own DOCX ----------------------------------------------------


def invitation(tmp_path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("GIẤY MỜI")
    document.add_paragraph("Kính mời: {{ ho_ten }} – {{ row['Chức vụ'] }}")
    document.add_paragraph(
        "Thời gian: {{ ngay }}; số tiền hỗ trợ: {{ so_tien | format_number }} đồng"
    )
    document.sections[0].header.paragraphs[0].text = "Số: {{ so }}"
    path = tmp_path / "giay_moi.docx"
    document.save(str(path))
    return path


def test_mail_merge_with_a_docx_template(tmp_path: Path) -> None:
    import openpyxl  # type: ignore[import-untyped, unused-ignore]

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["so", "ho_ten", "Chức vụ", "ngay", "so_tien"])
    sheet.append([1, "Nguyễn Văn A & <B>", "Chủ tịch", dt.datetime(2023, 10, 5), 1500000])
    sheet.append([2, "{{ 7*7 }}", "Phó Chủ tịch", "sáng thứ Hai", 0])
    data = tmp_path / "moi.xlsx"
    workbook.save(str(data))
    result = render_batch(
        invitation(tmp_path), data, tmp_path / "out", name_pattern="{so}-{ho_ten}"
    )
    assert [p.name for p in result.written] == ["1-Nguyễn Văn A & -B.docx", "2-{{ 7-7 }}.docx"]
    first = docx.Document(str(result.written[0]))
    assert [p.text for p in first.paragraphs] == [
        "GIẤY MỜI",
        "Kính mời: Nguyễn Văn A & <B> – Chủ tịch",
        "Thời gian: 05/10/2023; số tiền hỗ trợ: 1.500.000 đồng",
    ]
    assert first.sections[0].header.paragraphs[0].text == "Số: 1"
    second = docx.Document(str(result.written[1]))
    assert second.paragraphs[1].text == "Kính mời: {{ 7*7 }} – Phó Chủ tịch"


def test_mail_merge_missing_column(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "d.csv", ["so", "ho_ten"], [[1, "A"]])
    with pytest.raises(tdkt_docs.DataError, match="uses the column 'Chức vụ', which"):
        render_batch(invitation(tmp_path), data, tmp_path / "out")


# --- Merging --------------------------------------------------------------------------------


def test_merge_keeps_each_letter_as_its_own_section(tmp_path: Path) -> None:
    long_letter = tmp_path / "long.yaml"
    long_letter.write_text(
        (EXAMPLES / "cong_van_tuyen_truyen.yaml")
        .read_text("utf-8")
        .replace(
            "agency:\n  parent: UBND TỈNH KHÁNH HÒA", "agency:\n  parent: UBND TỈNH {{ row.tinh }}"
        )
        .replace("  - Các sở, ban, ngành, đoàn thể tỉnh\n", "  - '{{ row.recipient }}'\n"),
        "utf-8",
    )
    data = write_csv(
        tmp_path / "d.csv",
        ["tinh", "recipient"],
        [["KHÁNH HÒA", "Sở Y tế"], ["PHÚ YÊN", "Sở Tư pháp"], ["NINH THUẬN", "Sở Xây dựng"]],
    )
    result = render_batch(long_letter, data, tmp_path / "out", merge=tmp_path / "out" / "in.docx")
    assert result.merged == tmp_path / "out" / "in.docx"
    assert result.merged.name not in [p.name for p in result.written]
    merged = docx.Document(str(result.merged))
    sections = merged.sections
    assert len(sections) == 3
    footers = []
    for section in sections:
        sect_pr = section._sectPr
        assert sect_pr.find(docx.oxml.ns.qn("w:titlePg")) is not None  # no number on page 1
        numbering = sect_pr.find(docx.oxml.ns.qn("w:pgNumType"))
        assert numbering is not None and numbering.get(docx.oxml.ns.qn("w:start")) == "1"
        assert section.start_type == docx.enum.section.WD_SECTION.NEW_PAGE
        footers.append(section.first_page_footer.paragraphs[-1].text)
        assert "PAGE" in section.header._element.xml  # the page number of later pages
    assert len(set(footers)) == 1  # identical parts are shared, not copied thrice
    agency_lines = [
        p.text for p in merged.paragraphs if p._p.style == ROLES["parent_agency"].style_id
    ] or [
        p.text
        for t in merged.tables
        for c in t._cells
        for p in c.paragraphs
        if p._p.style == ROLES["parent_agency"].style_id
    ]
    assert agency_lines == ["UBND TỈNH KHÁNH HÒA", "UBND TỈNH PHÚ YÊN", "UBND TỈNH NINH THUẬN"]
    assert tdkt_docs.check(result.merged) is not None  # opens in the checker


# --- monthly remind -------------------------------------------------------------------------


def test_monthly_remind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "monthly", "remind", "--month", "2023-09",
            "--units", str(EXAMPLES / "monthly" / "units.yaml"),
            "--submissions", str(EXAMPLES / "monthly" / "submissions"),
            "--deadline", "12/10/2023", "-o", str(tmp_path / "out"),
            "--merge", str(tmp_path / "tat-ca.docx"),
        ]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    files = docx_files(tmp_path / "out")
    assert len(files) == 11
    document = docx.Document(str(files[4]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert kinh_gui(files[4]) == "UBND huyện Vạn Ninh"
    assert "chưa gửi danh sách điển hình tiên tiến tháng 9/2023" in text
    assert "trước ngày 12/10/2023" in text
    cells = [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    assert any("tháng 10 năm 2023" in c for c in cells)
    assert "11 documents written" in capsys.readouterr().err
    assert (tmp_path / "tat-ca.docx").is_file()


def test_batch_command_summary_and_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(REMINDER), str(MISSING), "-o", str(out), "--ascii-names"]) == 0
    assert sorted(p.name for p in out.glob("*.docx"))[0] == "001-So-Ke-hoach-va-Dau-tu.docx"
    err = capsys.readouterr().err
    assert "11 documents written" in err and "manifest" in err
    assert main(["batch", str(REMINDER), str(MISSING), "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err
    bad = bad_rows_csv(tmp_path)
    assert main(["batch", str(REMINDER), str(bad), "-o", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err
    assert "row 4, column 'recipient'" in err and "nothing was written" in err
    assert "Traceback" not in err


def test_workers_share_nothing_with_the_caller(tmp_path: Path) -> None:
    """Rows reach workers as plain data: a base given as a mapping works with processes."""
    data: dict[str, Any] = tdkt_docs.loader.read_data(REMINDER)
    data = tdkt_docs.loader.resolve_paths(data, REMINDER)  # office defaults go to the workers
    with ProcessPoolExecutor(max_workers=2) as executor:
        result = render_batch(data, MISSING, tmp_path / "out", executor=executor, chunk_size=3)
    assert len(result.written) == 11
    assert result.written[0].stat().st_size > 5000


def test_merge_of_different_documents_keeps_each_ones_headers(tmp_path: Path) -> None:
    """A công văn, a báo cáo with its appendix, and the công văn again: the third copy used
    to fail in docxcompose because a copied footer part had no element."""
    from tdkt_docs.batch.merge import merge_documents

    seed = EXAMPLES / "cong_van_tuyen_truyen.yaml"
    paths = [
        tdkt_docs.render(seed, tmp_path / "a.docx"),
        tdkt_docs.render(EXAMPLES / "bao_cao_thang.yaml", tmp_path / "b.docx"),
        tdkt_docs.render(seed, tmp_path / "c.docx"),
    ]
    merged = merge_documents(paths, tmp_path / "all.docx")
    findings = tdkt_docs.check(merged)
    assert {f.document for f in findings} == {1, 2, 3}
    assert [f for f in findings if f.severity == "error"] == []
