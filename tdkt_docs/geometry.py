"""Geometry that depends on the text of each document, applied after rendering.

A template is fixed, but some ND30 lengths follow the text: the rule under the agency name
is 1/3 to 1/2 of the name's line, a stamp has the size of its pre-made frame, and the
Kính gửi block sits roughly centred with its dashes under the colon. Paragraphs are found
by their role style; lengths come from Times New Roman metrics (:mod:`tdkt_docs.metrics`).
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from tdkt_docs.metrics import text_width_mm
from tdkt_docs.profile import Profile
from tdkt_docs.roles import ROLES

MIN_KINH_GUI_INDENT_MM = 10.0


def _paragraphs(document: Document) -> Iterator[Paragraph]:
    body = document.element.body
    for element in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        yield Paragraph(element, document.part)


def _by_role(document: Document, role: str) -> list[Paragraph]:
    style_id = ROLES[role].style_id
    return [p for p in _paragraphs(document) if p._p.style == style_id]


def _centre(paragraph: Paragraph, width_mm: float, room_mm: float) -> None:
    side = max(0.0, (room_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)


def agency_rule_mm(name: str, profile: Profile) -> float:
    """Length of the rule under the agency name: a share of its (longest) line."""
    room = profile.header_columns_mm[0] - 2 * profile.cell_margin_mm
    line = min(text_width_mm(name, profile.size("agency"), bold=True), room)
    return line * profile.agency_rule_fraction


def kinh_gui_indent_mm(lines: list[str], single: bool, profile: Profile) -> float:
    """Left indent of "Kính gửi" that centres the block in the text width."""
    size = profile.size("kinh_gui")
    label = text_width_mm("Kính gửi: " if single else "Kính gửi:", size)
    widest = max(text_width_mm(line, size) for line in lines)
    block = label + widest
    return (
        max(MIN_KINH_GUI_INDENT_MM, (profile.text_width_mm - block) / 2)
        if block < profile.text_width_mm
        else 0.0
    )


def apply(document: Document, profile: Profile) -> None:
    """Fit the text-dependent lengths of a rendered document."""
    header_room = profile.header_columns_mm[0] - 2 * profile.cell_margin_mm
    names = _by_role(document, "agency")
    rules = _by_role(document, "agency_rule")
    if names and rules:
        _centre(rules[0], agency_rule_mm(names[-1].text, profile), header_room)

    for role in ("secrecy", "urgency"):
        for stamp in _by_role(document, role):
            text = stamp.text
            width = profile.stamp_widths_mm.get(text) or (
                text_width_mm(text, profile.size("stamp"), bold=True) + 8
            )
            _centre(stamp, width, header_room)

    labels = _by_role(document, "kinh_gui")
    items = _by_role(document, "kinh_gui_item")
    if labels:
        single = not items
        lines = (
            [labels[0].text.removeprefix("Kính gửi:").strip()]
            if single
            else [p.text for p in items]
        )
        indent = kinh_gui_indent_mm(lines, single, profile)
        labels[0].paragraph_format.left_indent = Mm(indent)
        label_width = text_width_mm("Kính gửi:", profile.size("kinh_gui"))
        for item in items:
            # The dash of every recipient line sits right under the colon.
            item.paragraph_format.left_indent = Mm(indent + label_width)

    extracts = _by_role(document, "type_extract")
    extract_rules = _by_role(document, "type_extract_rule")
    if extracts and extract_rules:
        # ND30: a rule 1/3 to 1/2 as long as the trích yếu's (longest) line, centred.
        size = profile.size("type_extract")
        line = min(text_width_mm(extracts[0].text, size, bold=True), profile.text_width_mm)
        _centre(extract_rules[0], line * profile.agency_rule_fraction, profile.text_width_mm)

    body = _by_role(document, "body")
    if body:
        # The last paragraph stays on the page of the signature block.
        body[-1].paragraph_format.keep_with_next = True
