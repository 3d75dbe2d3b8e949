"""The template boundary: sandboxed, strict, and data inserted literally."""

from __future__ import annotations

import io

import docx
import pytest

from tdkt_docs.errors import TemplateError
from tdkt_docs.templating import literal, render_template


def _template(*texts: str) -> bytes:
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_missing_field_names_the_field() -> None:
    with pytest.raises(TemplateError, match="signer") as info:
        render_template(_template("{{ doc.signer }}"), {"doc": {}}, name="t.docx")
    assert info.value.field == "signer"
    assert info.value.template == "t.docx"


def test_sandbox_blocks_attribute_escape() -> None:
    with pytest.raises(TemplateError):
        render_template(_template("{{ doc.__class__.__mro__ }}"), {"doc": {}})


@pytest.mark.parametrize(
    "value",
    [
        "{{ 7*7 }}",
        "{% if true %}x{% endif %}",
        "{_{ a }_}",
        "{_% b %_}",
        "a & b < c > d",
        "\"q\" 's'",
    ],
)
def test_values_come_out_as_typed(value: str) -> None:
    rendered = render_template(_template("[{{ doc.value }}]"), {"doc": {"value": value}})
    assert rendered.paragraphs[0].text == f"[{value}]"


def test_literal_escapes_xml_and_braces() -> None:
    assert str(literal("<a&b>{%}")) == "&lt;a&amp;b&gt;&#123;&#37;&#125;"


def test_syntax_error_in_template() -> None:
    with pytest.raises(TemplateError, match="syntax"):
        render_template(_template("{{ doc.value "), {"doc": {}})


def test_filters_are_available_and_keep_text_literal() -> None:
    template = _template(
        "{{ 5 | document_number }}",
        "{{ doc.place | date_line('2024-01-05') }}",
        "{{ doc.place | date_line('2023-09', '  ') }}",
    )
    rendered = render_template(template, {"doc": {"place": "A & {{B}} <C>"}})
    assert [p.text for p in rendered.paragraphs] == [
        "05",
        "A & {{B}} <C>, ngày 05 tháng 01 năm 2024",
        "A & {{B}} <C>, ngày    tháng 9 năm 2023",
    ]


def test_number_filters() -> None:
    template = _template(
        "{{ 3510000 | format_number }} đồng ({{ 3510000 | amount_to_words }})",
        "{{ '2,05' | number_to_words }}; {{ 4 | ordinal_words }}; {{ 14 | roman }}",
        "{{ 1050 | number_to_words(zero_tens='lẻ', thousand='ngàn') }}",
    )
    assert [p.text for p in render_template(template, {}).paragraphs] == [
        "3.510.000 đồng (Ba triệu năm trăm mười nghìn đồng)",
        "hai phẩy không năm; thứ tư; XIV",
        "một ngàn không trăm năm mươi",
    ]


def test_a_filter_refusal_is_a_wording_error() -> None:
    from tdkt_docs.errors import WordingError

    with pytest.raises(WordingError, match="2023-02-30"):
        render_template(_template("{{ 'X' | date_line('2023-02-30') }}"), {})
