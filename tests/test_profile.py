from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import tdkt_docs
from tdkt_docs.profile import LEGAL_SIZE_RANGES_PT, load_profile


def _profile_data() -> dict[str, Any]:
    return tdkt_docs.default_profile().model_dump(mode="json")


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def test_default_profile_is_inside_nd30() -> None:
    profile = tdkt_docs.default_profile()
    for role, (low, high) in LEGAL_SIZE_RANGES_PT.items():
        assert low <= profile.size(role) <= high, role
    assert profile.text_width_mm == pytest.approx(160)


def test_round_trip(tmp_path: Path) -> None:
    assert load_profile(_write(tmp_path, _profile_data())) == tdkt_docs.default_profile()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("margins_mm", "left", 25), "margins_mm.left: 25 mm is outside 30–35 mm"),
        (("margins_mm", "right", 21), "margins_mm.right"),
        (("sizes_pt", "body", 12), "sizes_pt.body: 12 pt is outside 13–14 pt"),
        (("sizes_pt", "noi_nhan_label", 13), "sizes_pt.noi_nhan_label"),
        (("sizes_pt", "quoc_hieu", 14), "sizes_pt.quoc_hieu"),
        (("body", "first_line_indent_cm", 1.5), "first_line_indent_cm"),
        (("body", "line_spacing", 2.0), "line_spacing"),
        (("body", "space_before_pt", 2), "at least 6 pt"),
        (("agency_rule_fraction", None, 0.8), "agency_rule_fraction"),
    ],
)
def test_values_outside_nd30_are_refused(
    tmp_path: Path, change: tuple[str, str | None, Any], message: str
) -> None:
    data = _profile_data()
    section, key, value = change
    if key is None:
        data[section] = value
    else:
        data[section][key] = value
    with pytest.raises(tdkt_docs.ProfileError, match=message.replace(".", r"\.")):
        load_profile(_write(tmp_path, data))


def test_quoc_hieu_must_fit_its_column(tmp_path: Path) -> None:
    data = _profile_data()
    data["sizes_pt"]["quoc_hieu"] = 13
    data["header_columns_mm"] = [70, 90]
    with pytest.raises(tdkt_docs.ProfileError, match="one line"):
        load_profile(_write(tmp_path, data))


def test_render_with_another_profile(tmp_path: Path) -> None:
    from tdkt_docs.cli import main
    from tests.conftest import SEED_EXAMPLE
    from tests.docx_reading import by_style, open_docx, run_looks

    data = _profile_data()
    data["name"] = "so-noi-vu"
    data["margins_mm"].update(left=35, right=15)
    data["sizes_pt"].update(quoc_hieu=13, tieu_ngu=14, body=13, date_line=14)
    profile = load_profile(_write(tmp_path, data))
    document = open_docx(tdkt_docs.render_bytes(SEED_EXAMPLE, profile=profile))
    assert document.sections[0].left_margin.mm == pytest.approx(35, abs=0.05)
    quoc_hieu = by_style(document, "ND30QuocHieu")[0]
    assert run_looks(document, quoc_hieu)[0].size_pt == 13
    body = by_style(document, "ND30NoiDung")[0]
    assert {look.size_pt for look in run_looks(document, body)} == {13}
    out = tmp_path / "cv.docx"
    args = [
        "render",
        str(SEED_EXAMPLE),
        "-o",
        str(out),
        "--profile",
        str(tmp_path / "profile.yaml"),
    ]
    assert main(args) == 0
    assert open_docx(out.read_bytes()).sections[0].right_margin.mm == pytest.approx(15, abs=0.05)
