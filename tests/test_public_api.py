from __future__ import annotations

import importlib
import io
from pathlib import Path

import pytest

import tdkt_docs
from tests.conftest import SEED_EXAMPLE, seed_data


def test_all_is_sorted_and_complete() -> None:
    assert list(tdkt_docs.__all__) == sorted(tdkt_docs.__all__)
    public = {n for n in dir(tdkt_docs) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(tdkt_docs, n)).__name__ == "module"}
    assert set(tdkt_docs.__all__) - {"__version__"} == public - modules


def test_one_exception_root() -> None:
    for name in tdkt_docs.__all__:
        value = getattr(tdkt_docs, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, tdkt_docs.TdktError)


def test_only_templating_imports_docxtpl_and_jinja() -> None:
    package = Path(tdkt_docs.__file__).parent
    importers = sorted(
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if any(
            line.startswith(("import docxtpl", "from docxtpl", "import jinja2", "from jinja2"))
            for line in p.read_text("utf-8").splitlines()
        )
    )
    assert importers == ["templating.py"]


def test_load_returns_a_frozen_model() -> None:
    document = tdkt_docs.load(SEED_EXAMPLE)
    assert isinstance(document, tdkt_docs.Dispatch)
    assert document.number is None and document.date.day is None
    with pytest.raises(Exception):  # noqa: B017 - pydantic's frozen-instance error
        document.symbol = "X"  # type: ignore[misc]


def test_render_accepts_model_dict_and_path(tmp_path: Path) -> None:
    from_model = tdkt_docs.render_bytes(tdkt_docs.load(SEED_EXAMPLE))
    from_dict = tdkt_docs.render_bytes(seed_data())
    from_path = tdkt_docs.render_bytes(SEED_EXAMPLE)
    assert from_model == from_dict == from_path, "same input, same bytes"
    stream = io.BytesIO()
    assert tdkt_docs.render(SEED_EXAMPLE, stream) is None
    assert stream.getvalue() == from_path
    out = tdkt_docs.render(SEED_EXAMPLE, tmp_path / "cv.docx")
    assert out == tmp_path / "cv.docx" and out.read_bytes() == from_path


def test_render_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "cv.docx"
    target.write_bytes(b"keep me")
    with pytest.raises(tdkt_docs.OutputExistsError):
        tdkt_docs.render(SEED_EXAMPLE, target)
    assert target.read_bytes() == b"keep me"
    tdkt_docs.render(SEED_EXAMPLE, target, overwrite=True)
    assert target.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.docx"]


def test_json_input_has_the_same_structure(tmp_path: Path) -> None:
    import json

    path = tmp_path / "cv.json"
    path.write_text(json.dumps(seed_data(), ensure_ascii=False, default=str), "utf-8")
    assert tdkt_docs.render_bytes(path) == tdkt_docs.render_bytes(SEED_EXAMPLE)


def test_agency_profile_by_path(tmp_path: Path) -> None:
    (tmp_path / "agency.yaml").write_text(
        "parent: UBND TỈNH KHÁNH HÒA\nname: SỞ NỘI VỤ\nplace: Khánh Hòa\n", "utf-8"
    )
    data = seed_data()
    data["agency"] = "agency.yaml"
    import yaml

    doc_path = tmp_path / "cv.yaml"
    doc_path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    assert tdkt_docs.load(doc_path).agency == tdkt_docs.load(SEED_EXAMPLE).agency


def test_example_agency_profile_is_valid() -> None:
    agency_file = SEED_EXAMPLE.parent / "agency.yaml"
    import yaml

    tdkt_docs.Agency.model_validate(yaml.safe_load(agency_file.read_text("utf-8")))


def test_no_import_side_effects() -> None:
    importlib.reload(tdkt_docs)
