"""The input's JSON Schema (``tdkt-docs schema``), checked with a real validator (jsonschema).

The schema is generated from the models. It must accept every input the tool accepts (the
bundled examples, and each other shape a validator takes: ``archive: VT, PTĐKT``,
``drafter: PL``, ``number: "010"`` …), refuse the bad inputs of the corpus that are about
shape, describe every field of every registered kind in Vietnamese, and give for one type
exactly that type's branch of the whole schema. The committed ``examples/tdkt.schema.json``,
named by the examples' first line, is a fresh generation.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar, Literal

import pytest
import yaml
from jsonschema import Draft7Validator, Draft202012Validator
from pydantic import Field

import tdkt_docs
from tdkt_docs import kinds
from tdkt_docs.cli import main
from tdkt_docs.errors import DataError
from tdkt_docs.kinds import DocumentKind
from tdkt_docs.loader import read_data
from tdkt_docs.models import BodyDocument
from tdkt_docs.schema import DIALECT, SCHEMA_FILE_NAME, SCHEMA_ID, input_schema, schema_text
from tests.conftest import DATA, EXAMPLES, variant

KINDS = kinds.kinds()
FULL = input_schema()
VALIDATORS = {
    "2020-12": Draft202012Validator(FULL),
    # Editors (VS Code's YAML extension) implement draft 7: the schema means the same there.
    "draft 7": Draft7Validator(FULL),
}
SCHEMA_LINE = f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}"
VIETNAMESE = re.compile(r"[À-ỹĐđ]")


def editor_view(value: Any) -> Any:
    """Data as an editor sees it: YAML 1.2 has no dates, so an unquoted date is text."""
    if isinstance(value, dict):
        return {key: editor_view(item) for key, item in value.items()}
    if isinstance(value, list):
        return [editor_view(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def schema_errors(data: Any, schema: dict[str, Any] = FULL) -> list[str]:
    found = Draft202012Validator(schema).iter_errors(editor_view(data))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message[:200]}" for e in found]


def examples() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*.yaml") if "type" in (read_data(p) or {}))


# --- The schema itself ---------------------------------------------------------------------------


@pytest.mark.parametrize("type_name", [None, *kinds.types()])
def test_each_schema_is_a_valid_2020_12_schema_with_its_header(type_name: str | None) -> None:
    schema = input_schema(type_name)
    Draft202012Validator.check_schema(schema)
    Draft7Validator.check_schema(schema)
    assert list(schema)[:4] == ["$schema", "$id", "title", "description"]
    assert schema["$schema"] == DIALECT
    assert schema["$id"] == (SCHEMA_ID if type_name is None else f"{SCHEMA_ID}:{type_name}")
    assert VIETNAMESE.search(schema["title"])
    if type_name is not None:
        assert schema["description"] == kinds.kind(type_name).description
    else:
        for kind in KINDS:
            assert f"{kind.type} ({kind.name})" in schema["description"]


def _branch(type_name: str) -> str:
    """The name in ``$defs`` of the full schema's branch for ``type_name``."""
    names = [
        branch["$ref"].removeprefix("#/$defs/")
        for branch in FULL["oneOf"]
        if FULL["$defs"][branch["$ref"].removeprefix("#/$defs/")]["properties"]["type"]["const"]
        == type_name
    ]
    assert len(names) == 1, f"{type_name}: expected one branch, got {names}"
    return names[0]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.type)
def test_the_schema_of_a_type_is_its_branch_of_the_full_schema(kind: DocumentKind) -> None:
    typed = input_schema(kind.type)
    header = {"$schema", "$id", "title", "description", "$defs"}
    branch = FULL["$defs"][_branch(kind.type)]
    assert {k: v for k, v in typed.items() if k not in header} == {
        k: v for k, v in branch.items() if k != "description"
    }
    assert typed["description"] == branch["description"] == kind.description
    for name, definition in typed.get("$defs", {}).items():
        assert definition == FULL["$defs"][name], name
    assert FULL["discriminator"]["mapping"][kind.type] == f"#/$defs/{_branch(kind.type)}"


def test_the_full_schema_has_one_branch_per_registered_kind() -> None:
    assert len(FULL["oneOf"]) == len(KINDS)
    assert FULL["discriminator"]["propertyName"] == "type"


def test_the_text_is_utf8_json_and_the_same_on_every_run(tmp_path: Path) -> None:
    text = schema_text()
    assert json.loads(text) == FULL
    assert "Tên cơ quan, tổ chức ban hành văn bản (ô 2)" in text  # ensure_ascii=False
    assert "\\u" not in text
    assert text.endswith("}\n")
    # Another process, another hash seed: the same bytes (no set or dict order leaks in).
    for seed in ("1", "2"):
        run = subprocess.run(
            [sys.executable, "-m", "tdkt_docs", "schema"],
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "ascii"},
            check=False,
            cwd=tmp_path,
        )
        assert run.returncode == 0, run.stderr.decode()
        assert run.stdout == text.encode("utf-8")


def _objects(schema: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object schema (one with ``properties``) inside ``schema``, with a name."""
    if isinstance(schema, dict):
        if "properties" in schema:
            yield where, schema
        for key in ("anyOf", "oneOf", "items"):
            value = schema.get(key)
            for item in value if isinstance(value, list) else [value]:
                yield from _objects(item, where)


def objects_of(schema: dict[str, Any], root_name: str) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from _objects(schema, root_name)
    for name, definition in schema.get("$defs", {}).items():
        yield from _objects(definition, name)


def undescribed(schema: dict[str, Any], root_name: str) -> list[str]:
    """``Model.field`` for each property of ``schema`` without a Vietnamese description."""
    missing = []
    for name, found in objects_of(schema, root_name):
        if not VIETNAMESE.search(found.get("description", "")):
            where = "its DocumentKind's description" if name == root_name else "the model's"
            missing.append(f"{name} ({where})")
        for field, definition in found["properties"].items():
            if not VIETNAMESE.search(definition.get("description", "")):
                missing.append(f"{name}.{field}")
    return missing


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.type)
def test_every_field_of_every_kind_has_a_vietnamese_description(kind: DocumentKind) -> None:
    missing = undescribed(input_schema(kind.type), kind.model.__name__)
    assert not missing, (
        f"{kind.type}: without a Vietnamese description (give a field "
        "Field(description=...), a model model_config = ConfigDict(json_schema_extra="
        f"{{'description': ...}})): {', '.join(missing)}"
    )


def test_the_description_check_names_a_field_without_one() -> None:
    class Undescribed(BodyDocument):
        type: Literal["undescribed"] = "undescribed"
        remark: str = ""

    schema = Undescribed.model_json_schema()
    assert "Undescribed.remark" in undescribed(schema, "Undescribed")


def test_descriptions_name_the_box_of_phu_luc_i() -> None:
    agency = FULL["$defs"]["Agency"]["properties"]
    assert agency["name"]["description"].startswith(
        "Tên cơ quan, tổ chức ban hành văn bản (ô 2), chữ in hoa: SỞ NỘI VỤ"
    )
    fields = FULL["$defs"]["Dispatch"]["properties"]
    for field, box in [
        ("number", "ô 3"), ("symbol", "ô 3"), ("date", "ô 4"), ("subject", "ô 5"),
        ("body", "ô 6"), ("signer", "ô 7"), ("recipients", "ô 9a"), ("distribution", "ô 9b"),
        ("secrecy", "ô 10a"), ("urgency", "ô 10b"), ("drafter", "ô 12"),
    ]:  # fmt: skip
        assert f"({box}" in fields[field]["description"], field


def test_unknown_keys_are_refused_everywhere_and_required_keys_are_the_models() -> None:
    for name, found in objects_of(FULL, "(top)"):
        assert found.get("additionalProperties") is False, name
    for kind in KINDS:
        branch = FULL["$defs"][_branch(kind.type)]
        required = [name for name, field in kind.model.model_fields.items() if field.is_required()]
        # ``type`` has its kind's name as a default in the model; the loader asks for it.
        # The others are required unless the document names office defaults, which may
        # give them.
        assert branch["required"] == ["type"]
        assert branch["if"] == {"not": {"required": ["office"]}}
        assert branch["then"] == {"required": required}
        assert "office" in branch["properties"]
    assert FULL["$defs"]["Agency"]["required"] == ["name", "place"]
    assert FULL["$defs"]["Signer"]["required"] == ["title", "name"]
    assert FULL["$defs"]["TableSpec"]["required"] == ["columns"]


def _at(schema: dict[str, Any], path: str) -> dict[str, Any]:
    """The schema at a path such as ``Report/appendices[]/table`` (``$ref`` and nullable
    ``anyOf`` followed; ``[]`` is a list's item)."""
    node: dict[str, Any] = {"$ref": f"#/$defs/{path.split('/')[0]}"}
    for step in path.split("/")[1:]:
        node = _follow(schema, node)
        key = step.replace("[]", "")
        if key:
            node = _follow(schema, node["properties"][key])
        for _ in range(step.count("[]")):
            node = _follow(schema, node["items"])
    return _follow(schema, node)


def _follow(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while True:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
        elif "anyOf" in node and "maxLength" not in node:
            node = next(n for n in node["anyOf"] if n.get("type") not in ("null", "string"))
        else:
            return node


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("Dispatch/subject", 500),
        ("Dispatch/symbol", 30),
        ("Dispatch/agency/name", 200),
        ("Dispatch/agency/parent", 200),
        ("Dispatch/agency/display_name", 200),
        ("Dispatch/recipients[]", 200),
        ("Dispatch/distribution[]", 200),
        ("Dispatch/signer/title", 100),
        ("Dispatch/signer/authority[]", 100),
        ("Dispatch/signer/name", 50),
        ("Dispatch/agency/place", 50),
        ("Dispatch/agency/address", 200),
        ("Dispatch/agency/phone", 100),
        ("Dispatch/archive[]", 50),
        ("Dispatch/drafter/initials", 20),
        ("Dispatch/body", 100_000),
        ("Report/appendices[]/body", 100_000),
        ("Report/appendices[]/title", 500),
        ("Report/appendices[]/table/unit", 500),
        ("Report/appendices[]/table/columns[]", 200),
        ("Report/appendices[]/table/rows[][]", 5_000),
    ],
)
def test_length_limits_are_max_lengths(path: str, limit: int) -> None:
    # The table of README's "Length limits".
    assert _at(FULL, path)["maxLength"] == limit


def test_a_ref_has_only_annotations_beside_it() -> None:
    # Draft 7 (the editors') ignores what stands beside a $ref: only words may.
    def walk(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            yield node
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for node in walk(FULL):
        if "$ref" in node:
            assert set(node) <= {"$ref", "description", "default"}, node


# --- What the tool accepts, the schema accepts ---------------------------------------------------


@pytest.mark.parametrize("path", examples(), ids=lambda p: p.name)
def test_every_bundled_example_is_valid(path: Path) -> None:
    data = read_data(path)  # agency: agency.yaml stays a path, as typed
    assert schema_errors(data) == []
    assert schema_errors(data, input_schema(data["type"])) == []
    tdkt_docs.load(path)


def test_the_examples_include_an_agency_path_and_one_per_kind() -> None:
    data = [read_data(path) for path in examples()]
    assert {d["type"] for d in data} >= {k.type for k in KINDS if (EXAMPLES / k.example).exists()}
    assert any(isinstance(d.get("agency"), str) for d in data)
    assert any(isinstance(d.get("office"), str) for d in data)


AGENCY = yaml.safe_load((EXAMPLES / "agency.yaml").read_text("utf-8"))
ACCEPTED_SHAPES: dict[str, dict[str, Any]] = {
    "archive as a comma-separated string": {"archive": "VT, PTĐKT"},
    "archive items with a final dot": {"archive": ["VT", "PTĐKT."]},
    "authority as a string of lines": {
        "signer": {
            "authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
            "title": "PHÓ CHỦ TỊCH",
            "name": "Nguyễn Văn A",
        }
    },
    "authority as a list": {
        "signer": {"authority": ["KT. GIÁM ĐỐC"], "title": "PHÓ GIÁM ĐỐC", "name": "Lê Văn B"}
    },
    "no authority": {"signer": {"title": "GIÁM ĐỐC", "name": "Lê Văn B"}},
    "drafter as initials": {"drafter": "PL"},
    "drafter as a mapping": {"drafter": {"initials": "PL", "copies": 300}},
    "drafter without copies": {"drafter": {"initials": "PL"}},
    "number as an integer": {"number": 5},
    "number as padded digits": {"number": "010"},
    "number as blank text": {"number": ""},
    "number null": {"number": None},
    "date with a day": {"date": "2023-09-07"},
    "date without padding": {"date": "2023-9-7"},
    "date as a YAML date": {"date": dt.date(2023, 9, 7)},
    "urgency in capitals": {"urgency": "THƯỢNG KHẨN"},
    "urgency in small letters, old tone mark": {"urgency": "hoả tốc"},
    "urgency with extra spaces": {"urgency": "Thượng  khẩn"},
    "secrecy mixed case": {"secrecy": "Tối mật"},
    "phone typed as a number": {"agency": {**AGENCY, "phone": 2583822111}},
    "phone as text with spaces": {"agency": {**AGENCY, "phone": "0258 3822 111"}},
    "a number as a recipient": {"recipients": ["Các sở", 115]},
    "recipients with dashes typed": {"recipients": ["- Các sở, ban, ngành;"]},
}


@pytest.mark.parametrize("changes", ACCEPTED_SHAPES.values(), ids=ACCEPTED_SHAPES.keys())
def test_every_shape_the_tool_accepts_the_schema_accepts(changes: dict[str, Any]) -> None:
    data = {**variant(number=1), **changes}
    tdkt_docs.validate(data)  # the tool accepts it …
    assert schema_errors(data) == []  # … and so does the schema
    assert schema_errors(data, input_schema("dispatch")) == []


def test_report_shapes_the_tool_accepts_the_schema_accepts() -> None:
    data = read_data(EXAMPLES / "bao_cao_thang.yaml")
    data.pop("office", None)
    data.update(
        agency=AGENCY, symbol="BC-SNV", distribution=["Như trên"], archive=["VT"],
        signer={"title": "GIÁM ĐỐC", "name": "Nguyễn Văn A"},
    )  # fmt: skip
    appendix = data["appendices"][0]
    appendix["table"]["rows"].append([4, None, 1990.5, "", "", "", "", ""])
    appendix["table"]["widths"] = [1, 4, 1.5, 3, 2, 4, 3, 1]
    appendix["table"]["unit"] = "Đơn vị tính: người"
    data["appendices"].append({"title": "PHỤ LỤC KHÁC", "body": "Một đoạn.", "landscape": False})
    tdkt_docs.validate(editor_view(data))
    assert schema_errors(data) == []


# --- What is a wrong shape, the schema refuses ---------------------------------------------------

CORPUS = DATA / "bad"
CASES = sorted(yaml.safe_load((CORPUS / "cases.yaml").read_text("utf-8")))
REFUSED_BY_THE_SCHEMA = {
    # Required fields left out
    "missing_agency_name.yaml", "missing_agency_place.yaml", "missing_symbol.yaml",
    "missing_date.yaml", "missing_subject.yaml", "missing_recipients.yaml",
    "missing_body.yaml", "missing_archive.yaml", "missing_signer.yaml",
    "missing_signer_name.yaml", "missing_type.yaml", "json_missing_signer.json",
    "missing_distribution.yaml",
    # Unknown keys, an unknown type
    "misspelt_subject.yaml", "unknown_agency_field.yaml", "unknown_signer_field.yaml",
    "unknown_type.yaml",
    # A quyết định without its articles, an empty group of honourees; office not a file
    # name nor a mapping
    "decision_without_articles.yaml", "decision_empty_group.yaml", "office_a_list.yaml",
    # Wrong types: a list given as a string or a mapping, text for a number …
    "number_not_a_number.yaml", "json_number_not_a_number.json", "number_true.yaml",
    "number_zero.yaml", "recipients_a_string.yaml", "recipients_a_mapping.yaml",
    "json_recipients_a_mapping.json", "recipients_empty_list.yaml", "signer_a_string.yaml",
    "drafter_copies_zero.yaml", "archive_empty_string.yaml",
    # Closed choices and forms the schema spells out
    "urgency_invalid.yaml", "secrecy_invalid.yaml", "date_day_month_year.yaml",
    "symbol_with_space.yaml", "symbol_with_slash.yaml", "symbol_empty.yaml",
    "symbol_greek_letter.yaml",
    # A biên bản's ký hiệu starts with BB-; it has no signer key (THƯ KÝ and CHỦ TỌA sign)
    "minutes_symbol_without_bb.yaml", "minutes_with_signer.yaml",
    # Not a mapping at all
    "top_level_list.yaml", "empty_file.yaml",
}  # fmt: skip
"""The corpus cases the schema refuses. The others are about values (capitals, 'VT' first,
markup, dates that do not exist …) or about the file (its encoding, its YAML), which only
the tool checks."""


NOT_DATA = {
    "invalid_yaml.yaml", "invalid_yaml_tab_indent.yaml", "json_invalid_syntax.json",
    "not_utf8.yaml", "duplicate_key.yaml", "json_duplicate_key.json",
}  # fmt: skip
"""Cases that are not YAML or JSON data at all: nothing for a schema to check."""


@pytest.mark.parametrize("name", sorted(NOT_DATA))
def test_the_cases_left_out_cannot_be_read(name: str) -> None:
    with pytest.raises(DataError):
        read_data(CORPUS / name)


@pytest.mark.parametrize("name", [case for case in CASES if case not in NOT_DATA])
@pytest.mark.parametrize("dialect", VALIDATORS)
def test_the_schema_refuses_exactly_the_shape_errors_of_the_corpus(name: str, dialect: str) -> None:
    data = editor_view(read_data(CORPUS / name))
    errors = [e.message[:200] for e in VALIDATORS[dialect].iter_errors(data)]
    if name in REFUSED_BY_THE_SCHEMA:
        assert errors, f"{name}: a wrong shape, but the schema ({dialect}) accepts it"
    else:
        assert errors == [], (
            f"{name}: the schema ({dialect}) refuses it; if that is right, list it in "
            "REFUSED_BY_THE_SCHEMA"
        )


def test_the_corpus_list_names_real_cases() -> None:
    assert set(CASES) >= REFUSED_BY_THE_SCHEMA | NOT_DATA
    assert not REFUSED_BY_THE_SCHEMA & NOT_DATA


# --- The command ---------------------------------------------------------------------------------


def test_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_text()
    assert main(["schema", "report"]) == 0
    assert json.loads(capsys.readouterr().out) == input_schema("report")


def test_schema_writes_a_file_once_then_needs_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / SCHEMA_FILE_NAME
    assert main(["schema", "dispatch", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert out.read_bytes() == schema_text("dispatch").encode("utf-8")
    assert main(["schema", "-o", str(out)]) == 1
    assert "already exists; pass --force to replace it" in capsys.readouterr().err
    assert out.read_bytes() == schema_text("dispatch").encode("utf-8")
    assert main(["schema", "-o", str(out), "--force"]) == 0
    assert out.read_bytes() == schema_text().encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [SCHEMA_FILE_NAME]


def test_schema_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "reprot"]) == 2
    err = capsys.readouterr().err
    assert f"expected one of {', '.join(kinds.types())}, got 'reprot'" in err
    assert "did you mean 'report'?" in err
    assert main(["schema", "-o", str(tmp_path / "schema.yaml")]) == 2
    assert "must end in .json" in capsys.readouterr().err
    assert main(["schema", "-o", str(tmp_path / "no" / "x.json")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


# --- A kind registered later is in the schema, with no change ------------------------------------


class Notice(BodyDocument):
    """A thông báo, registered by the test."""

    TYPE_ABBREVIATION: ClassVar[str | None] = "TB"
    TYPE_NAME: ClassVar[str] = "thông báo"

    type: Literal["notice"] = "notice"
    remark: str | None = Field(None, description="Ghi chú cuối thông báo")


@pytest.fixture
def notice_kind() -> Iterator[DocumentKind]:
    kind = kinds.register(
        DocumentKind(
            model=Notice,
            name="thông báo",
            template_name="thong_bao.docx",
            build_template=lambda profile: b"",
            view=lambda document, profile: {},
            example="thong_bao.yaml",
            description="Thông báo (Mẫu 1.2 Phụ lục III Nghị định 30/2020/NĐ-CP)",
        )
    )
    yield kind
    kinds.unregister(kind.type)


def test_a_kind_registered_later_is_in_the_schema(
    notice_kind: DocumentKind, capsys: pytest.CaptureFixture[str]
) -> None:
    full = input_schema()
    assert len(full["oneOf"]) == len(KINDS) + 1
    assert full["discriminator"]["mapping"]["notice"] == "#/$defs/Notice"
    notice = input_schema("notice")
    assert notice["description"] == notice_kind.description
    assert undescribed(notice, "Notice") == []
    assert notice["properties"]["symbol"]["pattern"].startswith("^TB\\-")
    data = {**variant(), "type": "notice", "symbol": "TB-SNV", "remark": "Xem xong trả lại"}
    del data["recipients"]
    assert schema_errors(data, full) == []
    assert schema_errors({**data, "recipients": ["Các sở"]}, full) != []
    assert main(["schema", "notice"]) == 0
    assert json.loads(capsys.readouterr().out) == notice


# --- The committed schema and the examples' first line -------------------------------------------


def test_the_committed_schema_is_a_fresh_generation() -> None:
    # Compared as JSON: pydantic versions may write a bound as 0 or 0.0.
    committed = json.loads((EXAMPLES / SCHEMA_FILE_NAME).read_text("utf-8"))
    assert committed == input_schema(), (
        f"examples/{SCHEMA_FILE_NAME} is out of date: run "
        f"'tdkt-docs schema -o examples/{SCHEMA_FILE_NAME} --force'"
    )


@pytest.mark.parametrize("path", examples(), ids=lambda p: p.name)
def test_each_example_names_the_schema_on_its_first_line(path: Path) -> None:
    first = path.read_text("utf-8").split("\n", 1)[0]
    assert first == SCHEMA_LINE, f"{path.name}: make its first line {SCHEMA_LINE!r}"
    assert (path.parent / SCHEMA_FILE_NAME).is_file()
