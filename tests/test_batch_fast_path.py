"""The batch's fast path gives exactly what the plain path gives.

The plain path renders one document with ``DocxTemplate.render`` and saves it through
python-docx (``tdkt_docs.render_bytes``). The fast path prepares the template once, renders
each record from the compiled template and copies the unchanged parts compressed; a công
văn's body is never parsed (its lengths are written into the text), a báo cáo's is parsed
once. Every part must hold the same XML (canonical form, C14N 2.0). Where the fast path
also parses (reports), the files are the same bytes too.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from typing import Any

import docx
import pytest
from docx.opc.oxml import serialize_part_xml
from docxtpl import DocxTemplate
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import tdkt_docs
from tdkt_docs.docx_package import PackedPart, assemble, normalise_zip, unpack_parts
from tdkt_docs.render import Renderer
from tdkt_docs.templating import PreparedTemplate, environment
from tests.conftest import EXAMPLES, example_data, seed_data
from tests.test_escaping import TRICKY, VIETNAMESE_LETTERS


def parts_c14n(data: bytes) -> dict[str, bytes]:
    """Every XML part in canonical form (namespace declarations and quoting normalised)."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            raw = package.read(name)
            if name.endswith((".xml", ".rels")):
                out[name] = etree.tostring(etree.fromstring(raw), method="c14n2")
            else:
                out[name] = raw
    return out


def same_xml(fast: bytes, plain: bytes) -> bool:
    return parts_c14n(fast) == parts_c14n(plain)


def report_without_appendix() -> dict[str, Any]:
    data = example_data(EXAMPLES / "bao_cao_thang.yaml")
    data.pop("appendices", None)
    return data


CASES = {
    "seed dispatch": lambda: seed_data(),
    "dispatch with stamps and one recipient": lambda: {
        **seed_data(),
        "secrecy": "MẬT",
        "urgency": "HỎA TỐC",
        "recipients": ["UBND huyện Vạn Ninh"],
    },
    "report with a body table": report_without_appendix,
    "report with an appendix (plain path inside)": lambda: tdkt_docs.load(
        EXAMPLES / "bao_cao_thang.yaml"
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_fast_path_equals_plain_path(case: str) -> None:
    source = CASES[case]()
    document = tdkt_docs.validate(source) if isinstance(source, dict) else source
    renderer = Renderer(document.type)
    plain = tdkt_docs.render_bytes(document)
    for _ in range(3):  # the prepared template is reused: no state may leak between records
        fast = renderer.render_bytes(document)
        assert parts_c14n(fast) == parts_c14n(plain)
        if document.type == "report":
            assert fast == plain


def test_records_do_not_leak_into_each_other() -> None:
    renderer = Renderer("dispatch")
    first = {**seed_data(), "secrecy": "MẬT", "recipients": ["Sở Y tế", "Sở Tư pháp"]}
    second = {**seed_data(), "recipients": ["UBND huyện Khánh Sơn"]}
    renderer.render_bytes(first)
    assert same_xml(renderer.render_bytes(second), tdkt_docs.render_bytes(second))
    assert same_xml(renderer.render_bytes(first), tdkt_docs.render_bytes(first))


def test_fast_path_with_a_custom_profile(tmp_path: Any) -> None:
    profile = tdkt_docs.default_profile().model_copy(update={"blank_day_spaces": 4})
    renderer = Renderer("dispatch", profile)
    plain = tdkt_docs.render_bytes(seed_data(), profile=profile)
    assert same_xml(renderer.render_bytes(seed_data()), plain)


def test_timestamp_override_dates_zip_and_properties() -> None:
    stamp = dt.datetime(2024, 1, 2, 3, 4, 6)
    data = Renderer("dispatch").render_bytes(seed_data(), timestamp=stamp)
    assert same_xml(data, tdkt_docs.render_bytes(seed_data(), timestamp=stamp))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(2024, 1, 2, 3, 4, 6)}
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.created == core.modified == stamp.replace(tzinfo=dt.UTC)


_value = st.lists(
    st.one_of(
        st.text(alphabet=VIETNAMESE_LETTERS + "&<>\"'{}%#*\\ 0123456789", min_size=1, max_size=8),
        st.sampled_from(TRICKY),
        st.sampled_from(("😀", "Ho\u0300a", "\u00a0")),
    ),
    min_size=1,
    max_size=6,
).map("".join)


@settings(max_examples=30, deadline=None)
@given(recipient=_value, name=_value)
def test_fast_path_equals_plain_path_on_any_text(recipient: str, name: str) -> None:
    data = copy.deepcopy(seed_data())
    data["recipients"] = [f"x{recipient}"]
    data["signer"]["name"] = f"Y{name}"
    try:
        document = tdkt_docs.validate(data)
    except tdkt_docs.DataError:
        return  # refused text (e.g. only spaces) is the validation tests' business
    assert same_xml(_RENDERER.render_bytes(document), tdkt_docs.render_bytes(document))


_RENDERER = Renderer("dispatch")


def test_zip_assembly_equals_zipfile() -> None:
    template = (EXAMPLES.parent / "templates" / "cong_van.docx").read_bytes()
    stamp = dt.datetime(2023, 9, 5)
    parts = [PackedPart.pack(name, data) for name, data in unpack_parts(template)]
    assembled = assemble(parts, stamp)
    assert assembled == normalise_zip(template, stamp)
    with zipfile.ZipFile(io.BytesIO(assembled)) as package:
        assert package.testzip() is None


def _mail_merge_template() -> bytes:
    document = docx.Document()
    document.add_paragraph("Kính gửi: {{ ten_don_vi }}")
    document.add_paragraph('Số tiền: {{ row["Số tiền"] | format_number }} đồng')
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "{{ ma }}"
    table.cell(0, 1).text = "{{ row.ten_don_vi }}"
    section = document.sections[0]
    section.header.paragraphs[0].text = "Thư mời – {{ ma }}"
    section.footer.paragraphs[0].text = "Trang chân (không có thẻ)"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "row",
    [
        {"ten_don_vi": "Sở Y tế", "ma": "SYT", "Số tiền": 1500000},
        {"ten_don_vi": "A & B <c> {{ 7*7 }}", "ma": "{% x %}", "Số tiền": 0},
    ],
)
def test_mail_merge_equals_plain_docxtpl(row: dict[str, Any]) -> None:
    from tdkt_docs.templating import RowValues, prepare

    template = _mail_merge_template()
    context = {**row, "row": RowValues(row)}
    prepared = PreparedTemplate(template, name="merge.docx")
    rendered = prepared.render(context)
    # Through bytes: python-docx's element classes redefine .text, which c14n2 reads.
    fast_body = etree.tostring(
        etree.fromstring(serialize_part_xml(rendered.document)), method="c14n2"
    )

    plain = DocxTemplate(io.BytesIO(template))
    plain.render(prepare(context), jinja_env=environment(), autoescape=True)
    saved = io.BytesIO()
    plain.save(saved)
    plain_parts = parts_c14n(saved.getvalue())
    assert fast_body == plain_parts["word/document.xml"]
    for name, data in rendered.parts.items():
        assert etree.tostring(etree.fromstring(data), method="c14n2") == plain_parts[name]
    text = "\n".join(p.text for p in docx.Document(saved).paragraphs)
    assert row["ten_don_vi"] in text  # data came out as typed, never run as a template
