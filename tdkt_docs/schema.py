"""The JSON Schema of an input document (``tdkt-docs schema``), generated from the models.

It describes what a user types in YAML or JSON, not the validated Python form: the models
say where their validators accept another shape (see :mod:`tdkt_docs.models`), and each
field has its Vietnamese description. With the schema, an editor (VS Code's YAML extension)
completes and checks the keys while a document is typed.

Without a type, the schema accepts a document of any registered kind
(:mod:`tdkt_docs.kinds`), chosen by its ``type`` (``oneOf``, with pydantic's
``discriminator``); with one, that kind only. The dialect is JSON Schema 2020-12, using only
keywords that mean the same in draft 7, which editors implement.

>>> schema = input_schema("report")
>>> schema["$id"], schema["properties"]["type"]["const"]
('urn:tdkt-docs:schema:report', 'report')
>>> {"$ref": "#/$defs/Report"} in input_schema()["oneOf"]
True
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Union

from pydantic import Field, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from tdkt_docs import kinds
from tdkt_docs.kinds import DocumentKind

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:tdkt-docs:schema"
"""The schema's ``$id``; one kind's is ``urn:tdkt-docs:schema:<type>``. A URN, as the
schema has no address on the web: editors read it from a file beside the documents."""
SCHEMA_FILE_NAME = "tdkt.schema.json"
"""The name the README and the bundled examples give the schema file."""

_HEADER = ("$schema", "$id", "title", "description")
_KEYWORDS_IGNORING_NULL = frozenset(
    {"type", "maxLength", "minLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
     "exclusiveMaximum", "items", "minItems", "maxItems"}
)  # fmt: skip
"""Keywords that say nothing about a null value (each applies to one JSON type)."""


def _only_a_type(schema: JsonSchemaValue) -> bool:
    return set(schema) == {"type"} and isinstance(schema["type"], str)


class _InputSchema(GenerateJsonSchema):
    """pydantic's generator, with the Vietnamese descriptions as the only words: no titles
    made from the English names, and a kind's model described by its kind."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def union_schema(self, schema: core_schema.UnionSchema) -> JsonSchemaValue:
        # Text or a number: "type": ["string", "number"], the same as an anyOf of the two.
        json_schema = super().union_schema(schema)
        choices = json_schema.get("anyOf", [])
        if set(json_schema) == {"anyOf"} and all(_only_a_type(c) for c in choices):
            return {"type": [c["type"] for c in choices]}
        return json_schema

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        # A value or nothing: "null" joins the types when the value's other keywords leave
        # null alone (maxLength, pattern …), as anyOf [value, null] would.
        json_schema = super().nullable_schema(schema)
        choices = json_schema.get("anyOf", [])
        if set(json_schema) != {"anyOf"} or len(choices) != 2 or choices[1] != {"type": "null"}:
            return json_schema
        value = choices[0]
        if "type" not in value or not set(value) <= _KEYWORDS_IGNORING_NULL:
            return json_schema
        types = value["type"] if isinstance(value["type"], list) else [value["type"]]
        return {**value, "type": [*types, "null"]}

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        json_schema.pop("title", None)
        document_kind = _kind_of_model(schema["cls"])
        if document_kind is not None:
            json_schema["description"] = document_kind.description
            _with_office(json_schema)
        return json_schema


OFFICE = {
    "description": "Mặc định của cơ quan (office.yaml): đường dẫn tới tệp, tính từ thư mục "
    "của văn bản, hoặc các khóa viết tại chỗ; văn bản chỉ ghi những gì thay đổi, giá trị "
    "của văn bản được ưu tiên",
    "anyOf": [{"type": "string"}, {"type": "object"}],
}
"""``office:``, which the loader reads before a document is validated
(:mod:`tdkt_docs.office`)."""


def _with_office(document: JsonSchemaValue) -> None:
    """A document that names office defaults may leave out what they give: its required
    keys hold only when it names none (``if``/``then``, the same in draft 7)."""
    document["properties"]["office"] = OFFICE
    # ``type`` stays required: the model's own hook adds it (AdministrativeDocument).
    required = [key for key in document.pop("required", []) if key != "type"]
    if required:
        document["if"] = {"not": {"required": ["office"]}}
        document["then"] = {"required": required}


def _kind_of_model(model: type[Any]) -> DocumentKind | None:
    return next((k for k in kinds.kinds() if k.model is model), None)


def _with_header(schema: JsonSchemaValue, header: dict[str, str]) -> dict[str, Any]:
    """The header keys first, then the schema's own in pydantic's (sorted) order, ``$defs``
    last: a reader meets the document's fields before the shared parts."""
    body = {key: value for key, value in schema.items() if key not in _HEADER}
    definitions = body.pop("$defs", None)
    result: dict[str, Any] = {**header, **body}
    if definitions is not None:
        result["$defs"] = definitions
    return result


def input_schema(type_name: str | None = None) -> dict[str, Any]:
    """The JSON Schema of an input document: of kind ``type_name`` (a ``type:`` value), or
    of any registered kind when it is ``None``. :class:`KeyError` for an unknown type."""
    if type_name is not None:
        document_kind = kinds.kind(type_name)
        schema = document_kind.model.model_json_schema(schema_generator=_InputSchema)
        return _with_header(
            schema,
            {
                "$schema": DIALECT,
                "$id": f"{SCHEMA_ID}:{document_kind.type}",
                "title": f"tdkt-docs: {document_kind.name} (type: {document_kind.type})",
                "description": document_kind.description,
            },
        )
    registered = kinds.kinds()
    models = tuple(k.model for k in registered)
    # Union[...] of one model is that model, which takes no discriminator.
    any_kind: Any = (
        Annotated[Union[models], Field(discriminator="type")]  # noqa: UP007 (built at run time)
        if len(models) > 1
        else models[0]
    )
    schema = TypeAdapter(any_kind).json_schema(schema_generator=_InputSchema)
    listed = ", ".join(f"{k.type} ({k.name})" for k in registered)
    return _with_header(
        schema,
        {
            "$schema": DIALECT,
            "$id": SCHEMA_ID,
            "title": "tdkt-docs: văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
            "description": f"Dữ liệu của một văn bản; khóa type chọn loại văn bản: {listed}",
        },
    )


def schema_text(type_name: str | None = None) -> str:
    """:func:`input_schema` as the text of a ``.json`` file: UTF-8 characters as they are,
    two-space indents, a final newline; the same text on every run."""
    return json.dumps(input_schema(type_name), ensure_ascii=False, indent=2) + "\n"
