"""Geometry that depends on the text of each document, applied after rendering.

A template is fixed, but some ND30 lengths follow the text: the rule under the agency name
is 1/3 to 1/2 of the name's line, a stamp has the size of its pre-made frame, and the
Kính gửi block sits roughly centred with its dashes under the colon. Paragraphs are found
by their role style; lengths come from Times New Roman metrics (:mod:`tdkt_docs.metrics`).
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm

from tdkt_docs.metrics import text_width_mm
from tdkt_docs.models import AdministrativeDocument
from tdkt_docs.profile import Profile
from tdkt_docs.roles import ROLES

MIN_KINH_GUI_INDENT_MM = 10.0


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_STYLE_PATH = f"{_W}pPr/{_W}pStyle"
_TEXT_OF = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}

# The children of w:pPr that come after w:ind and after w:keepNext (CT_PPrBase order).
_AFTER_IND = frozenset(
    f"{_W}{tag}"
    for tag in (
        "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
        "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
        "sectPr", "pPrChange",
    )
)  # fmt: skip

# Plain lxml throughout: this runs once for every letter of a batch, where python-docx's
# property objects cost more than the rest of the work.


_FITTED = frozenset(
    ROLES[role].style_id
    for role in (
        "agency", "agency_rule", "secrecy", "urgency", "kinh_gui", "kinh_gui_item",
        "type_extract", "type_extract_rule", "body",
    )
)  # fmt: skip


def _paragraphs_by_style(body: BaseOxmlElement) -> dict[str, list[BaseOxmlElement]]:
    """The paragraphs whose lengths are fitted, grouped by style id. One pass over the
    style marks only (cheaper than over every element, or than an XPath predicate)."""
    groups: dict[str, list[BaseOxmlElement]] = {}
    for style in body.iter(f"{_W}pStyle"):
        style_id = style.get(f"{_W}val")
        if style_id in _FITTED:
            paragraph = style.getparent().getparent()
            if paragraph.tag == f"{_W}p":
                groups.setdefault(style_id, []).append(paragraph)
    return groups


def paragraph_text(paragraph: BaseOxmlElement) -> str:
    """The text of a paragraph, as python-docx's ``Paragraph.text`` reads it."""
    parts = []
    for element in paragraph.iter(*_TEXT_OF):
        fixed = _TEXT_OF[element.tag]
        parts.append(element.text or "" if fixed is None else fixed)
    return "".join(parts)


def _p_pr(paragraph: BaseOxmlElement) -> BaseOxmlElement:
    p_pr: BaseOxmlElement = paragraph.get_or_add_pPr()
    return p_pr


def set_indent(
    paragraph: BaseOxmlElement, *, left_mm: float, right_mm: float | None = None
) -> None:
    """Set the paragraph's own indents (the XML python-docx writes for ``left_indent``)."""
    p_pr = _p_pr(paragraph)
    ind = p_pr.find(f"{_W}ind")
    if ind is None:
        ind = OxmlElement("w:ind")
        following = next((e for e in p_pr if e.tag in _AFTER_IND), None)
        if following is None:
            p_pr.append(ind)
        else:
            following.addprevious(ind)
    ind.set(f"{_W}left", str(Mm(left_mm).twips))
    if right_mm is not None:
        ind.set(f"{_W}right", str(Mm(right_mm).twips))


def keep_with_next(paragraph: BaseOxmlElement) -> None:
    """``<w:keepNext/>``, right after the style (its place in CT_PPrBase)."""
    p_pr = _p_pr(paragraph)
    if p_pr.find(f"{_W}keepNext") is not None:
        return
    style = p_pr.find(f"{_W}pStyle")
    if style is None:
        p_pr.insert(0, OxmlElement("w:keepNext"))
    else:
        style.addnext(OxmlElement("w:keepNext"))


def _centre(paragraph: BaseOxmlElement, width_mm: float, room_mm: float) -> None:
    side = max(0.0, (room_mm - width_mm) / 2)
    set_indent(paragraph, left_mm=side, right_mm=side)


def agency_rule_mm(name: str, profile: Profile) -> float:
    """Length of the rule under the agency name: a share of its (longest) line."""
    room = profile.header_columns_mm[0] - 2 * profile.cell_margin_mm
    longest = max(
        text_width_mm(line, profile.size("agency"), bold=True) for line in name.split("\n")
    )
    return min(longest, room) * profile.agency_rule_fraction


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
    apply_to_body(document.element.body, profile)


def apply_to_body(body: BaseOxmlElement, profile: Profile) -> None:
    """:func:`apply` on the ``w:body`` element of a document."""
    groups = _paragraphs_by_style(body)

    def by_role(role: str) -> list[BaseOxmlElement]:
        return groups.get(ROLES[role].style_id, [])

    header_room = profile.header_columns_mm[0] - 2 * profile.cell_margin_mm
    names = by_role("agency")
    rules = by_role("agency_rule")
    if names and rules:
        _centre(rules[0], agency_rule_mm(paragraph_text(names[-1]), profile), header_room)

    for role in ("secrecy", "urgency"):
        for stamp in by_role(role):
            text = paragraph_text(stamp)
            width = profile.stamp_widths_mm.get(text) or (
                text_width_mm(text, profile.size("stamp"), bold=True) + 8
            )
            _centre(stamp, width, header_room)

    labels = by_role("kinh_gui")
    items = by_role("kinh_gui_item")
    if labels:
        single = not items
        lines = (
            [paragraph_text(labels[0]).removeprefix("Kính gửi:").strip()]
            if single
            else [paragraph_text(p) for p in items]
        )
        indent = kinh_gui_indent_mm(lines, single, profile)
        set_indent(labels[0], left_mm=indent)
        label_width = text_width_mm("Kính gửi:", profile.size("kinh_gui"))
        for item in items:
            # The dash of every recipient line sits right under the colon.
            set_indent(item, left_mm=indent + label_width)

    extracts = by_role("type_extract")
    extract_rules = by_role("type_extract_rule")
    if extracts and extract_rules:
        # ND30: a rule 1/3 to 1/2 as long as the trích yếu's (longest) line, centred.
        size = profile.size("type_extract")
        line = min(
            text_width_mm(paragraph_text(extracts[0]), size, bold=True), profile.text_width_mm
        )
        _centre(extract_rules[0], line * profile.agency_rule_fraction, profile.text_width_mm)

    last = _last_content_paragraph(body)
    if last is not None:
        # The last paragraph stays on the page of the signature block.
        keep_with_next(last)


_CONTENT = frozenset(ROLES[role].style_id for role in ("body", "article", "article_item"))
"""The paragraphs that carry the content, of which the last goes with the signature."""


def _last_content_paragraph(body: BaseOxmlElement) -> BaseOxmlElement | None:
    last = None
    for style in body.iter(f"{_W}pStyle"):
        if style.get(f"{_W}val") in _CONTENT:
            paragraph = style.getparent().getparent()
            if paragraph.tag == f"{_W}p":
                last = paragraph
    return last


# --- The same lengths on a rendered body given as text ---------------------------------
# A batch renders thousands of công văn. Parsing each body only to set five indents costs
# more than the rest of the work, so for a công văn from the bundled template the same
# elements are written into the text. Every paragraph the template gives these roles holds
# only its style in w:pPr, so the indent (and keepNext) go right after it, which is their
# schema position; tests/test_batch_fast_path.py holds both ways to the same XML.


def _ind(left_mm: float, right_mm: float | None = None) -> str:
    right = f' w:right="{Mm(right_mm).twips}"' if right_mm is not None else ""
    return f'<w:ind w:left="{Mm(left_mm).twips}"{right}/>'


def _centred_ind(width_mm: float, room_mm: float) -> str:
    side = max(0.0, (room_mm - width_mm) / 2)
    return _ind(side, side)


def _marker(role: str) -> str:
    return f'<w:pStyle w:val="{ROLES[role].style_id}"/></w:pPr>'


def apply_to_dispatch_text(
    body: str, dispatch: AdministrativeDocument, recipients: Sequence[str], profile: Profile
) -> str | None:
    """:func:`apply` on the rendered body of a công văn, as text; ``None`` when the text is
    not laid out as the bundled template lays it out (the caller then parses it)."""
    header_room = profile.header_columns_mm[0] - 2 * profile.cell_margin_mm
    edits: list[tuple[str, int, str]] = [
        ("agency_rule", 1, _centred_ind(agency_rule_mm(dispatch.agency.name, profile), header_room))
    ]
    for role, text in (("secrecy", dispatch.secrecy), ("urgency", dispatch.urgency)):
        if text:
            width = profile.stamp_widths_mm.get(text) or (
                text_width_mm(text, profile.size("stamp"), bold=True) + 8
            )
            edits.append((role, 1, _centred_ind(width, header_room)))
    single = len(recipients) == 1
    lines = (
        [recipients[0]]
        if single
        else [f"- {r}{'.' if i == len(recipients) - 1 else ';'}" for i, r in enumerate(recipients)]
    )
    indent = kinh_gui_indent_mm(lines, single, profile)
    edits.append(("kinh_gui", 1, _ind(indent)))
    if not single:
        label_width = text_width_mm("Kính gửi:", profile.size("kinh_gui"))
        edits.append(("kinh_gui_item", len(recipients), _ind(indent + label_width)))
    for role, count, element in edits:
        marker = _marker(role)
        if body.count(marker) != count:
            return None
        body = body.replace(marker, marker.replace("</w:pPr>", element + "</w:pPr>"))
    last_body = body.rfind(_marker("body"))
    if last_body < 0:
        return None
    keep = _marker("body").replace("</w:pPr>", "<w:keepNext/></w:pPr>")
    return body[:last_body] + keep + body[last_body + len(_marker("body")) :]
