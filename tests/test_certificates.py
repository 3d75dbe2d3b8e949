"""Certificates on pre-printed blanks (issue 15), read back with pdfplumber and pdffonts.

Positions are measured from the PDF itself: a character's text matrix holds its origin,
so its left edge is ``matrix[4]`` and its baseline ``matrix[5]`` (points from the bottom);
converted to mm from the top-left they must match ``layout.yaml`` within 0.5 mm.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from tdkt_docs import awards
from tdkt_docs.awards.certificate_layout import (
    FieldName,
    Layout,
    LoadedLayout,
    load_layout,
    parse_layout,
)
from tdkt_docs.awards.certificate_pdf import (
    MANIFEST_CSV,
    MANIFEST_JSON,
    MERGED_FILE,
    POINT_MM,
    field_texts,
)
from tdkt_docs.cli import main
from tdkt_docs.errors import DataError, OutputExistsError
from tests.conftest import DATA, EXAMPLES

ROUND = EXAMPLES / "awards" / "round.yaml"
NOMINATIONS = EXAMPLES / "awards" / "nominations"
LAYOUT = EXAMPLES / "awards" / "layout.yaml"
BAD = DATA / "certificates_bad"
CASES: dict[str, dict[str, Any]] = yaml.safe_load((BAD / "cases.yaml").read_text("utf-8"))
TOLERANCE_MM = 0.5
ROOT = Path(__file__).resolve().parent.parent


# --- Reading a PDF back -------------------------------------------------------------------------


def _mm(points: float) -> float:
    return points * POINT_MM


class Line:
    """Characters sharing one baseline, in mm from the top-left."""

    def __init__(self, chars: Sequence[dict[str, Any]], page_height: float) -> None:
        self.chars = sorted(chars, key=lambda c: c["matrix"][4])
        self.baseline = _mm(page_height - self.chars[0]["matrix"][5])
        self.left = _mm(self.chars[0]["matrix"][4])
        self.right = _mm(self.chars[-1]["x1"])
        self.text = "".join(c["text"] for c in self.chars)
        self.size = self.chars[0]["size"]


def page_lines(path: Path) -> tuple[list[list[Line]], list[tuple[float, float]]]:
    """Lines of every page, and each page's size in mm."""
    pages = []
    sizes = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            groups: dict[float, list[dict[str, Any]]] = {}
            for char in page.chars:
                groups.setdefault(round(char["matrix"][5], 2), []).append(char)
            lines = [Line(chars, float(page.height)) for chars in groups.values()]
            pages.append(sorted(lines, key=lambda line: (line.baseline, line.left)))
            sizes.append((_mm(float(page.width)), _mm(float(page.height))))
    return pages, sizes


def squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def field_lines(lines: Sequence[Line], layout: Layout, field: FieldName, dx: float = 0,
                dy: float = 0) -> list[Line]:  # fmt: skip
    """The lines inside a field's band: from its first baseline down max_lines lines."""
    box = layout.fields[field]
    top = box.y + dy - TOLERANCE_MM
    bottom = box.y + dy + (box.max_lines - 1) * box.size.max * box.leading * POINT_MM
    left = box.left_edge() + dx
    return [
        line
        for line in lines
        if top <= line.baseline <= bottom + TOLERANCE_MM
        and line.left >= left - TOLERANCE_MM
        and line.right <= left + box.width + TOLERANCE_MM
    ]


# --- Fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("round") / "dot"
    awards.compile(ROUND, NOMINATIONS, out)
    return out


@pytest.fixture(scope="module")
def results(compiled: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((compiled / "ket-qua.json").read_text("utf-8"))[
        "awards"
    ]
    return data


@pytest.fixture(scope="module")
def first_award(results: list[dict[str, Any]]) -> dict[str, Any]:
    return results[0]


@pytest.fixture(scope="module")
def printed(compiled: Path, tmp_path_factory: pytest.TempPathFactory) -> awards.CertificatesResult:
    return awards.certificates(compiled, LAYOUT, tmp_path_factory.mktemp("cert") / "bang-khen")


def with_awards(folder: Path, items: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data = {"campaign": "thử", "awards": items}
    (folder / "ket-qua.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return folder


def layout_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(LAYOUT.read_text("utf-8"))
    return data


def left_aligned(dx: float = 0, dy: float = 0) -> LoadedLayout:
    """The example's Bằng khen cá nhân with every field left-aligned at x = its box's
    left edge, so every field's left edge can be measured."""
    data = layout_data()
    data["offset"] = {"dx": dx, "dy": dy}
    blank = copy.deepcopy(data["layouts"][0])
    for box in blank["fields"].values():
        if box.get("align") == "center":
            box["x"] = box["x"] - box["width"] / 2
        box["align"] = "left"
    blank["kinds"] = []
    data["layouts"] = [blank]
    return parse_layout(data, LAYOUT)


# --- The example round -------------------------------------------------------------------------


def test_one_pdf_per_award_and_a_merged_file(
    printed: awards.CertificatesResult, results: list[dict[str, Any]]
) -> None:
    out = printed.out_dir
    pdfs = sorted(p.name for p in out.glob("*.pdf") if p.name != MERGED_FILE)
    assert len(pdfs) == len(results) == len(printed.sheets) == 57
    assert [s.file.name for s in printed.sheets] == pdfs
    merged, _ = page_lines(out / MERGED_FILE)
    assert len(merged) == len(results)
    names_seen: dict[str, list[str]] = {}
    loaded = load_layout(LAYOUT)
    for sheet in printed.sheets:
        pages, sizes = page_lines(sheet.file)
        assert len(pages) == 1 and sizes[0] == pytest.approx((420, 297), abs=0.01)
        layout = next(lay for lay in loaded.file.layouts if lay.name == sheet.layout)
        name_y = layout.fields[FieldName.NAME].y
        name_line = min(pages[0], key=lambda line: abs(line.baseline - name_y))
        names_seen.setdefault(squeeze(name_line.text), []).append(sheet.file.name)
    for award in results:
        expected = f"{award['honorific']} {award['name']}" if award["honorific"] else award["name"]
        assert len(names_seen.get(squeeze(expected), [])) == 1, (expected, names_seen)
    # The merged file holds the same pages in the same order.
    for page, sheet in zip(merged, printed.sheets, strict=True):
        single, _ = page_lines(sheet.file)
        assert [line.text for line in page] == [line.text for line in single[0]]


def test_the_manifest_lists_each_sheet_with_its_register_number(
    printed: awards.CertificatesResult, results: list[dict[str, Any]]
) -> None:
    manifest = json.loads((printed.out_dir / MANIFEST_JSON).read_text("utf-8"))["sheets"]
    assert [m["name"] for m in manifest] == [a["name"] for a in results]
    assert [m["so_so"] for m in manifest] == [f"Số sổ: {n:03d}" for n in range(1, 58)]
    assert all((printed.out_dir / m["file"]).is_file() for m in manifest)
    csv_text = (printed.out_dir / MANIFEST_CSV).read_text("utf-8-sig")
    assert csv_text.splitlines()[1].startswith("Số sổ: 001,1,Nguyễn Văn Hùng,BKCT,")
    first, _ = page_lines(printed.sheets[0].file)
    assert any(line.text == "Số sổ: 001" for line in first[0])


def test_every_field_sits_on_its_configured_baseline_and_anchor(
    printed: awards.CertificatesResult, results: list[dict[str, Any]]
) -> None:
    loaded = load_layout(LAYOUT)
    errors: list[float] = []
    for sheet, award in zip(printed.sheets, results, strict=True):
        layout = next(lay for lay in loaded.file.layouts if lay.name == sheet.layout)
        texts = field_texts(award, sheet.register)
        lines, _ = page_lines(sheet.file)
        for field, box in layout.fields.items():
            if not texts[field]:
                continue
            found = field_lines(lines[0], layout, field)
            assert found, (sheet.name, field)
            first = found[0]
            assert squeeze("".join(line.text for line in found)) == squeeze(texts[field])
            errors.append(abs(first.baseline - box.y))
            assert abs(first.baseline - box.y) <= TOLERANCE_MM, (sheet.name, field)
            anchor = {
                "left": first.left,
                "center": (first.left + first.right) / 2,
                "right": first.right,
            }[box.align]
            assert abs(anchor - box.x) <= TOLERANCE_MM, (sheet.name, field, anchor, box.x)
    assert max(errors) < 0.01


def test_left_edges_match_the_layout(compiled: Path, tmp_path: Path) -> None:
    loaded = left_aligned()
    result = awards.certificates(compiled, loaded, tmp_path / "out", only=["Nguyễn Văn Hùng"])
    (layout,) = loaded.file.layouts
    lines, _ = page_lines(result.sheets[0].file)
    for field, box in layout.fields.items():
        first = field_lines(lines[0], layout, field)[0]
        assert abs(first.left - box.x) <= TOLERANCE_MM, field
        assert abs(first.baseline - box.y) <= TOLERANCE_MM, field
        assert abs(first.left - box.x) < 0.01 and abs(first.baseline - box.y) < 0.01


def test_the_printer_offset_moves_every_field_by_exactly_dx_dy(
    compiled: Path, tmp_path: Path
) -> None:
    dx, dy = 3.7, -2.3
    plain = awards.certificates(compiled, left_aligned(), tmp_path / "a", only=["Lê Quang Vinh"])
    moved = awards.certificates(
        compiled, left_aligned(dx, dy), tmp_path / "b", only=["Lê Quang Vinh"]
    )
    before, _ = page_lines(plain.sheets[0].file)
    after, _ = page_lines(moved.sheets[0].file)
    assert [line.text for line in before[0]] == [line.text for line in after[0]]
    assert len(before[0]) >= 8
    for old, new in zip(before[0], after[0], strict=True):
        assert new.left - old.left == pytest.approx(dx, abs=0.001)
        assert new.baseline - old.baseline == pytest.approx(dy, abs=0.001)


# --- Fitting -----------------------------------------------------------------------------------


def _award(results: list[dict[str, Any]], **changes: Any) -> dict[str, Any]:
    award = copy.deepcopy(results[0])
    award.update(changes)
    return award


def _inside(lines: Sequence[Line], layout: Layout, field: FieldName) -> None:
    box = layout.fields[field]
    left = box.left_edge()
    assert 1 <= len(lines) <= box.max_lines
    for line in lines:
        assert line.left >= left - 0.01 and line.right <= left + box.width + 0.01, line.text
        assert line.size <= box.size.max and line.size >= box.size.min


def test_a_long_name_and_a_long_achievement_stay_inside_their_boxes(
    results: list[dict[str, Any]], tmp_path: Path
) -> None:
    name = "Tôn Nữ Hoàng Thị Phương Thảo Nguyễn Lê Bảo Ngọc Trâm Anh Khuê"
    name = (name + " Huyền Diệu")[:60].strip()
    reason = ("đã có thành tích xuất sắc trong phong trào thi đua " * 10)[:400].strip()
    assert len(name) >= 59 and len(reason) >= 399
    folder = with_awards(tmp_path / "in", [_award(results, name=name, reason=reason)])
    result = awards.certificates(folder, LAYOUT, tmp_path / "out")
    layout = load_layout(LAYOUT).file.layouts[0]
    lines, _ = page_lines(result.sheets[0].file)
    name_lines = field_lines(lines[0], layout, FieldName.NAME)
    _inside(name_lines, layout, FieldName.NAME)
    assert name_lines[0].size < layout.fields[FieldName.NAME].size.max  # it shrank
    assert squeeze("".join(line.text for line in name_lines)) == squeeze(f"Ông {name}")
    text_lines = field_lines(lines[0], layout, FieldName.ACHIEVEMENT)
    _inside(text_lines, layout, FieldName.ACHIEVEMENT)
    expected = reason[0].upper() + reason[1:]
    assert squeeze("".join(line.text for line in text_lines)) == squeeze(expected)


def test_too_much_text_is_refused_naming_recipient_and_field(
    results: list[dict[str, Any]], tmp_path: Path
) -> None:
    reason = "đã có thành tích xuất sắc " * 60
    folder = with_awards(tmp_path / "in", [_award(results, reason=reason)])
    with pytest.raises(DataError) as raised:
        awards.certificates(folder, LAYOUT, tmp_path / "out")
    message = str(raised.value)
    assert "Nguyễn Văn Hùng: achievement" in message
    assert "does not fit in its box (280 mm × 4 line(s)) even at 11 pt" in message
    assert "characters fit" in message and "bang-khen-ca-nhan" in message
    assert not (tmp_path / "out").exists()


def test_a_word_wider_than_its_box_is_refused(
    results: list[dict[str, Any]], tmp_path: Path
) -> None:
    folder = with_awards(tmp_path / "in", [_award(results, name="W" * 80)])
    with pytest.raises(DataError, match=r"W+: name: the text does not fit"):
        awards.certificates(folder, LAYOUT, tmp_path / "out")


# --- Fonts -------------------------------------------------------------------------------------


def _pdffonts(path: Path) -> list[tuple[str, str]]:
    tool = shutil.which("pdffonts")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("pdffonts is required in CI (poppler-utils)")
        pytest.skip("pdffonts (poppler-utils) is not installed")
    output = subprocess.run(
        [tool, str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    rows = []
    for line in output.splitlines()[2:]:
        parts = line.split()
        rows.append((parts[0].split("+", 1)[-1], parts[-5]))  # name, "emb" column
    return rows


def test_only_the_layout_fonts_are_embedded(printed: awards.CertificatesResult) -> None:
    expected = {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"}
    for path in (printed.sheets[0].file, printed.out_dir / MERGED_FILE):
        fonts = _pdffonts(path)
        assert {name for name, _ in fonts} == expected, fonts
        assert all(embedded == "yes" for _, embedded in fonts), fonts


def test_a_script_font_named_by_the_layout_is_embedded(compiled: Path, tmp_path: Path) -> None:
    data = layout_data()
    data["fonts"] = {"Chữ đẹp": {"regular": "/usr/share/fonts/truetype/liberation2/"
                                              "LiberationMono-Regular.ttf"}}  # fmt: skip
    if not Path(data["fonts"]["Chữ đẹp"]["regular"]).is_file():
        pytest.skip("Liberation Mono stands in for a script font here; not installed")
    data["layouts"][0]["fields"]["name"]["font"] = "Chữ đẹp"
    data["layouts"][0]["fields"]["name"]["bold"] = False
    result = awards.certificates(
        compiled, parse_layout(data, LAYOUT), tmp_path / "out", only=["Nguyễn Văn Hùng"]
    )
    names = {name for name, _ in _pdffonts(result.sheets[0].file)}
    assert "LiberationMono" in names and "LiberationSerif-Bold" in names


# --- Names as data -----------------------------------------------------------------------------

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
)
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + "*{}%#<>&$'\"-."


@st.composite
def names(draw: st.DrawFn) -> str:
    special = draw(st.sampled_from(["", "A*B*C", "{{ x }}", "{% if %}", "<b>x</b>", "${x}"]))
    words = draw(st.lists(st.text(ALPHABET, min_size=1, max_size=8), min_size=1, max_size=4))
    text = " ".join([*words, special]).strip()
    form = draw(st.sampled_from(["NFC", "NFD"]))
    return unicodedata.normalize(form, text)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=names())
def test_names_print_as_given_text(
    name: str, first_award: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    base = tmp_path_factory.mktemp("names")
    folder = with_awards(base / "in", [_award([first_award], name=name)])
    result = awards.certificates(folder, LAYOUT, base / "out")
    (sheet,) = result.sheets
    assert sheet.file.parent == base / "out" and sheet.file.is_file()
    assert sheet.name == unicodedata.normalize("NFC", name)
    layout = load_layout(LAYOUT).file.layouts[0]
    lines, _ = page_lines(sheet.file)
    printed_name = "".join(line.text for line in field_lines(lines[0], layout, FieldName.NAME))
    assert squeeze(printed_name) == squeeze(f"Ông {name}")


# --- Calibration, preview, output rules --------------------------------------------------------


def test_the_calibration_page_marks_every_field(compiled: Path, tmp_path: Path) -> None:
    result = awards.certificates(compiled, LAYOUT, tmp_path / "cal", calibrate=True)
    loaded = load_layout(LAYOUT)
    assert [p.name for p in result.calibration] == [
        f"can-chinh-{lay.name}.pdf" for lay in loaded.file.layouts
    ]
    assert result.sheets == ()
    for path, layout in zip(result.calibration, loaded.file.layouts, strict=True):
        with pdfplumber.open(path) as pdf:
            (page,) = pdf.pages
            assert (_mm(float(page.width)), _mm(float(page.height))) == pytest.approx(
                (layout.page.width, layout.page.height), abs=0.01
            )
            text = page.extract_text()
            for field, box in layout.fields.items():
                assert f"{field.value} ({box.x:g}, {box.y:g})" in text
            assert {f["fontname"].split("+")[-1] for f in page.chars} == {"LiberationSerif-Bold"}
            # One outline per field and grid lines every millimetre.
            assert len(page.rects) >= len(layout.fields)
            assert len(page.lines) >= layout.page.width + layout.page.height


def test_the_preview_background_is_only_in_preview_files(compiled: Path, tmp_path: Path) -> None:
    scan = tmp_path / "phoi.png"
    Image.new("RGB", (420, 297), (250, 235, 200)).save(scan)
    result = awards.certificates(
        compiled, LAYOUT, tmp_path / "out", only=["Lê Quang Vinh"], preview=scan
    )
    (preview,) = result.previews
    assert preview.parent.name == "xem-truoc"
    with pdfplumber.open(preview) as pdf:
        assert len(pdf.pages[0].images) == 1
    assert result.merged is not None
    for path in (result.sheets[0].file, result.merged):
        with pdfplumber.open(path) as pdf:
            assert pdf.pages[0].images == []


def test_existing_files_are_refused_unless_overwrite(compiled: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    awards.certificates(compiled, LAYOUT, out, only=["Lê Quang Vinh"])
    before = {p: p.stat().st_mtime_ns for p in out.iterdir()}
    with pytest.raises(OutputExistsError, match="already holds"):
        awards.certificates(compiled, LAYOUT, out, only=["Lê Quang Vinh"])
    assert {p: p.stat().st_mtime_ns for p in out.iterdir()} == before
    awards.certificates(compiled, LAYOUT, out, only=["Lê Quang Vinh"], overwrite=True)


def test_only_reprints_a_sheet_with_its_register_number(compiled: Path, tmp_path: Path) -> None:
    result = awards.certificates(
        compiled, LAYOUT, tmp_path / "out", only=["lê quang vinh"], first_number=101
    )
    (sheet,) = result.sheets
    assert sheet.number == 103 and sheet.register == "Số sổ: 103"
    assert sheet.file.name == "103-Lê Quang Vinh.pdf"
    # A reprint never replaces the round's merged file and manifest.
    assert result.merged == tmp_path / "out" / "in-lai.pdf"
    assert [p.name for p in result.manifest] == ["danh-sach-in-lai.csv", "danh-sach-in-lai.json"]
    assert not (tmp_path / "out" / MERGED_FILE).exists()
    with pytest.raises(DataError, match="no award for 'Le Quang Vinh'; did you mean"):
        awards.certificates(compiled, LAYOUT, tmp_path / "x", only=["Le Quang Vinh"])
    assert not (tmp_path / "x").exists()


def test_an_award_without_a_layout_is_refused(
    results: list[dict[str, Any]], tmp_path: Path
) -> None:
    award = _award(results, form="GKGD", form_title="Giấy khen của Giám đốc Sở", kind="tập thể")
    data = layout_data()
    data["layouts"] = data["layouts"][:2]
    folder = with_awards(tmp_path / "in", [award])
    with pytest.raises(DataError, match="no layout for 'Giấy khen của Giám đốc Sở'"):
        awards.certificates(folder, parse_layout(data, LAYOUT), tmp_path / "out")


def test_a_giay_khen_goes_on_the_a4_layout(results: list[dict[str, Any]], tmp_path: Path) -> None:
    award = _award(results, form="GKGD", form_title="Giấy khen của Giám đốc Sở")
    folder = with_awards(tmp_path / "in", [award])
    (sheet,) = awards.certificates(folder, LAYOUT, tmp_path / "out").sheets
    assert sheet.layout == "giay-khen"
    _, sizes = page_lines(sheet.file)
    assert sizes == [pytest.approx((297, 210), abs=0.01)]


def test_a_decision_without_number_or_date_leaves_blanks(
    results: list[dict[str, Any]],
) -> None:
    texts = field_texts(_award(results, decision_date=None, decision_number=None), "Số sổ: 1")
    assert texts[FieldName.DATE] == "Khánh Hòa, ngày … tháng … năm 2025"
    assert texts[FieldName.DECISION] == "Số: …/QĐ-UBND ngày …/…/2025"
    dated = field_texts(_award(results, decision_number=7), "Số sổ: 1")
    assert dated[FieldName.DATE] == "Khánh Hòa, ngày 15 tháng 9 năm 2025"
    assert dated[FieldName.DECISION] == "Số: 7/QĐ-UBND ngày 15/9/2025"


def test_a_bad_results_file_is_refused(results: list[dict[str, Any]], tmp_path: Path) -> None:
    folder = with_awards(tmp_path / "a", [_award(results, decision_date="15/9/2025x")])
    with pytest.raises(DataError, match="Nguyễn Văn Hùng: decision_date: expected YYYY-MM-DD"):
        awards.certificates(folder, LAYOUT, tmp_path / "out")
    folder = with_awards(tmp_path / "b", [_award(results, signer="Trần Thị Hồng")])
    with pytest.raises(DataError, match=r"awards\[0\]\.signer: expected"):
        awards.certificates(folder, LAYOUT, tmp_path / "out")
    with pytest.raises(DataError, match="not found; expected the folder written by"):
        awards.certificates(tmp_path, LAYOUT, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_command_line(
    compiled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli"
    args = ["awards", "certificates", str(compiled), "--layout", str(LAYOUT), "-o", str(out)]
    assert main([*args, "--only", "Lê Quang Vinh", "--first-number", "5"]) == 0
    assert (out / "007-Lê Quang Vinh.pdf").is_file() and (out / "in-lai.pdf").is_file()
    assert not (out / MERGED_FILE).exists()
    assert main([*args, "--calibrate"]) == 0
    assert (out / "can-chinh-giay-khen.pdf").is_file()
    assert main([*args, "--only", "Lê Quang Vinh"]) != 0
    assert "--force" in capsys.readouterr().err


# --- Bad layout files --------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_layout_files(name: str) -> None:
    case = CASES[name]
    with pytest.raises(DataError) as raised:
        load_layout(BAD / name)
    problems = raised.value.problems
    assert [p.field for p in problems] == [case["field"]], [str(p) for p in problems]
    assert problems[0].source is not None and Path(problems[0].source).name == name
    assert str(case["message"]) in problems[0].message, problems[0].message
    for text in ("Input should", "Value error", "Traceback"):
        assert text not in str(raised.value)


def test_every_bad_file_is_a_case() -> None:
    files = {p.name for p in BAD.glob("*.yaml")} - {"cases.yaml"}
    assert files == set(CASES)


def test_two_runs_write_the_same_bytes(compiled: Path, tmp_path: Path) -> None:
    # Separate processes with different hash seeds: nothing run-dependent in the PDFs.
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        command = [sys.executable, "-m", "tdkt_docs", "awards", "certificates", str(compiled),
                   "--layout", str(LAYOUT), "-o", str(out), "--only", "Lê Quang Vinh"]  # fmt: skip
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(command, check=True, capture_output=True, env=env, timeout=120, cwd=ROOT)
        outputs.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 4


def test_wrapped_lines_are_balanced_not_greedy() -> None:
    """A greedy wrap leaves "2025" alone on the last line of the example's achievement; the
    lines are as even as the box allows, and as many."""
    from reportlab.pdfbase import pdfmetrics

    from tdkt_docs.awards.certificate_pdf import Fonts, _wrap, fit

    loaded = load_layout(EXAMPLES / "awards" / "layout.yaml")
    box = loaded.file.layouts[0].fields[FieldName.ACHIEVEMENT]
    font = Fonts(loaded).name(box)
    text = (
        "Đã có thành tích xuất sắc trong phong trào thi đua “Khánh Hòa chung sức xây dựng "
        "nông thôn mới” giai đoạn 2021 - 2025"
    )
    size, lines = fit(text, box, font)  # type: ignore[misc]
    greedy = _wrap(text, font, size, box.width * 72 / 25.4)
    assert greedy is not None and len(lines) == len(greedy) >= 2
    assert greedy[-1] == "2025"  # what the balanced wrap avoids
    widths = [pdfmetrics.stringWidth(line, font, size) for line in lines]
    assert min(widths) > 0.6 * max(widths), lines
    assert " ".join(lines) == " ".join(text.split())


def test_a_layout_may_word_the_achievement(results: list[dict[str, Any]]) -> None:
    award = _award(results)
    texts = field_texts(award, "Số sổ: 1", "đã có thành tích {reason} ({form_title}) {{x}}")
    reason = str(award["reason"])
    assert texts[FieldName.ACHIEVEMENT] == (
        f"Đã có thành tích {reason} ({award['form_title']}) {{x}}"
    )
    hostile = {**award, "reason": "{form_title} {0} {reason.__class__}"}
    shown = field_texts(hostile, "Số sổ: 1", "{reason}")[FieldName.ACHIEVEMENT]
    assert shown == "{form_title} {0} {reason.__class__}"  # data stays data


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{reason.__class__}", "only {reason} and {form_title}"),
        ("{campaign}", "names {campaign}"),
        ("{reason", "invalid text"),
    ],
)
def test_a_bad_achievement_text_is_refused(text: str, message: str) -> None:
    data = yaml.safe_load((EXAMPLES / "awards" / "layout.yaml").read_text("utf-8"))
    data["layouts"][0]["achievement"] = text
    with pytest.raises(DataError, match=re.escape(message)):
        parse_layout(data)
