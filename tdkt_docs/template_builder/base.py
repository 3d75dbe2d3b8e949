"""The lean base document every template starts from: A4 page, ND30 margins, Times New
Roman in the document defaults and in every style, one Word style per role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from tdkt_docs.metrics import ascent_em, text_width_mm
from tdkt_docs.ooxml import child, remove, set_border, set_fonts
from tdkt_docs.profile import Profile
from tdkt_docs.roles import ROLES

# Parts python-docx's default template carries that a lean ND30 template does not need.
_DROPPED_DOCUMENT_RELS = (
    "stylesWithEffects",
    "webSettings",
    "customXml",
    "numbering",
    "theme",
    "fontTable",
)
_DROPPED_PACKAGE_RELS = ("thumbnail", "extended-properties")
_KEPT_STYLES = ("Normal", "Default Paragraph Font", "Normal Table", "No List")
TEMPLATE_TIMESTAMP = dt.datetime(2020, 3, 5, tzinfo=dt.UTC)  # the date of Nghị định 30/2020/NĐ-CP


@dataclass(frozen=True)
class Look:
    """How one role looks: the ND30 size from the profile plus the choices below."""

    size_role: str | None
    bold: bool = False
    italic: bool = False
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER
    space_before_pt: float = 0
    keep_with_next: bool = False
    colour: str | None = None


def baseline_shift_pt(size_pt: float, reference_pt: float) -> float:
    """Extra space above a ``size_pt`` line so its baseline meets a ``reference_pt`` line's
    when both start at the same height (their first lines' ascents differ)."""
    return max(0.0, (reference_pt - size_pt) * ascent_em())


def looks(profile: Profile) -> dict[str, Look]:
    size = profile.size
    first_signature_size = max(size("authority"), size("signer_title"))
    left, justify = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY
    return {
        "quoc_hieu": Look("quoc_hieu", bold=True),
        "tieu_ngu": Look("tieu_ngu", bold=True),
        "tieu_ngu_rule": Look(None),
        "parent_agency": Look("parent_agency"),
        "agency": Look("agency", bold=True),
        "agency_rule": Look(None),
        "number": Look(
            "number", space_before_pt=6 + baseline_shift_pt(size("number"), size("date_line"))
        ),
        "date_line": Look(
            "date_line",
            italic=True,
            space_before_pt=6 + baseline_shift_pt(size("date_line"), size("number")),
        ),
        "subject": Look("subject", space_before_pt=profile.subject_space_before_pt),
        "secrecy": Look("stamp", bold=True, space_before_pt=6, colour=profile.stamp_colour),
        "urgency": Look("stamp", bold=True, space_before_pt=6, colour=profile.stamp_colour),
        "type_title": Look("type_title", bold=True, space_before_pt=12, keep_with_next=True),
        "type_extract": Look("type_extract", bold=True, keep_with_next=True),
        "type_extract_rule": Look(None),
        "heading1": Look(
            "heading",
            bold=True,
            align=justify,
            keep_with_next=True,
            space_before_pt=profile.body.space_before_pt,
        ),
        "heading2": Look(
            "heading",
            bold=True,
            align=justify,
            keep_with_next=True,
            space_before_pt=profile.body.space_before_pt,
        ),
        "heading3": Look(
            "heading",
            align=justify,
            keep_with_next=True,
            space_before_pt=profile.body.space_before_pt,
        ),
        # Quyết định (Mẫu 1.2): the issuing authority in bold capitals on its own line, one
        # empty line above; căn cứ in italics; "QUYẾT ĐỊNH:" bold, centred; the articles.
        "issuing_authority": Look("type_title", bold=True, space_before_pt=18, keep_with_next=True),
        "basis": Look(
            "body", italic=True, align=justify, space_before_pt=profile.body.space_before_pt
        ),
        "operative": Look(
            "type_title",
            bold=True,
            space_before_pt=profile.body.space_before_pt,
            keep_with_next=True,
        ),
        "article": Look("body", align=justify, space_before_pt=profile.body.space_before_pt),
        "article_item": Look("body", align=justify, space_before_pt=profile.body.space_before_pt),
        "list_group": Look(
            "body",
            bold=True,
            align=justify,
            keep_with_next=True,
            space_before_pt=profile.body.space_before_pt,
        ),
        "list_entry": Look("body", align=justify, space_before_pt=profile.body.space_before_pt),
        "kinh_gui": Look("kinh_gui", align=left, space_before_pt=profile.kinh_gui_space_before_pt),
        "kinh_gui_item": Look("kinh_gui", align=left),
        "body": Look("body", align=justify, space_before_pt=profile.body.space_before_pt),
        "noi_nhan_label": Look(
            "noi_nhan_label",
            bold=True,
            italic=True,
            align=left,
            space_before_pt=baseline_shift_pt(size("noi_nhan_label"), first_signature_size),
        ),
        "noi_nhan_item": Look("noi_nhan_item", align=left),
        "drafter": Look("drafter", align=left, space_before_pt=6),
        "authority": Look("authority", bold=True, keep_with_next=True),
        "signer_title": Look("signer_title", bold=True, keep_with_next=True),
        "signer_name": Look("signer_name", bold=True, space_before_pt=profile.signature_gap_pt),
        "appendix_label": Look("appendix_label", bold=True, keep_with_next=True),
        "appendix_title": Look("appendix_title", bold=True, keep_with_next=True),
        "appendix_reference": Look("appendix_reference", italic=True, keep_with_next=True),
        "appendix_rule": Look(None, keep_with_next=True),
        "table_unit": Look("table", italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT, space_before_pt=6),
        "table_slot": Look(None, align=left),
        "table_header": Look("table", bold=True),
        "table_cell": Look("table", align=left),  # text: justifying a narrow cell leaves gaps
        "table_number": Look("table"),  # figures and STT, centred (tdkt_docs.table_layout)
        "page_number": Look("page_number"),
        "contact": Look("contact", align=left),
        "filler": Look(None, align=left),
    }


def new_document(profile: Profile) -> Document:
    """An empty, lean document with the profile's page, defaults and role styles."""
    document = docx.Document()
    _prune_package(document)
    _set_defaults(document, profile)
    _prune_styles(document)
    _add_role_styles(document, profile)
    for paragraph in list(document.paragraphs):
        remove(paragraph)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(profile.page.width_mm), Mm(profile.page.height_mm)
    margins = profile.margins_mm
    # Rounded up to whole twips so a value on the edge of the ND30 range stays inside it.
    section.top_margin = _mm_up(margins.top)
    section.bottom_margin = _mm_up(margins.bottom)
    section.left_margin = _mm_up(margins.left)
    section.right_margin = _mm_up(margins.right)
    section.header_distance = Mm(profile.header_distance_mm)
    section.footer_distance = Mm(profile.footer_distance_mm)
    section.gutter = 0
    _clean_properties(document)
    _clean_settings(document)
    return document


def drop_unused_role_styles(document: Document, keep: tuple[str, ...] = ()) -> None:
    """Remove the role styles that no paragraph of the template uses, except the roles in
    ``keep`` (used by paragraphs the renderer adds later). A lean template is quicker to
    copy and shows its user only the styles that matter."""
    parts = [document.element]
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer,
                     section.first_page_footer):  # fmt: skip
            if not part.is_linked_to_previous:
                parts.append(part.part.element)
    used = {
        style.get(qn("w:val"))
        for element in parts
        for style in element.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))
    }
    used |= {ROLES[role].style_id for role in keep}
    role_ids = {role.style_id for role in ROLES.values()}
    for style in list(document.styles):
        if style.style_id in role_ids and style.style_id not in used:
            style.element.getparent().remove(style.element)


def _clean_settings(document: Document) -> None:
    """Drop what the default template inherited from its author's machine: revision ids, a
    preview picture, theme and maths fonts (Cambria Math); use Word 2013+ layout rules."""
    settings = document.settings.element
    for tag in (
        "w:rsids",
        "m:mathPr",
        "w:savePreviewPicture",
        "w:proofState",
        "w:themeFontLang",
        "w:clrSchemeMapping",
    ):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    decimal = settings.find(qn("w:decimalSymbol"))
    if decimal is not None:
        decimal.set(qn("w:val"), ",")  # Vietnamese: 12.345,5
    separator = settings.find(qn("w:listSeparator"))
    if separator is not None:
        separator.set(qn("w:val"), ";")


def _mm_up(mm: float) -> Mm:
    twips = -(-mm * 1440 // 25.4)
    return Mm(twips * 25.4 / 1440 + 1e-9)


def _prune_package(document: Document) -> None:
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in _DROPPED_DOCUMENT_RELS:
            del part.rels[rel_id]
    package_rels = part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in _DROPPED_PACKAGE_RELS:
            del package_rels[rel_id]


def _set_defaults(document: Document, profile: Profile) -> None:
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is not None:
        styles.remove(doc_defaults)
    doc_defaults = OxmlElement("w:docDefaults")
    styles.insert(0, doc_defaults)
    rpr = child(child(doc_defaults, "w:rPrDefault"), "w:rPr")
    set_fonts(rpr, profile.font)
    for tag in ("w:sz", "w:szCs"):
        child(rpr, tag).set(qn("w:val"), str(int(profile.size("body") * 2)))
    lang = child(rpr, "w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")
    spacing = child(child(child(doc_defaults, "w:pPrDefault"), "w:pPr"), "w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)


def _prune_styles(document: Document) -> None:
    for style in list(document.styles):
        if style.name not in _KEPT_STYLES:
            style.delete()
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    set_fonts(normal.element.get_or_add_rPr(), "Times New Roman")


def _add_role_styles(document: Document, profile: Profile) -> None:
    normal = document.styles["Normal"]
    for key, look in looks(profile).items():
        role = ROLES[key]
        style = document.styles.add_style(role.style_name, WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        style.element.set(qn("w:styleId"), role.style_id)
        style.base_style = normal
        style.quick_style = True
        font = style.font
        font.name = profile.font
        set_fonts(style.element.get_or_add_rPr(), profile.font)
        font.bold = look.bold
        font.italic = look.italic
        font.color.rgb = RGBColor.from_string(look.colour or "000000")
        fmt = style.paragraph_format
        fmt.alignment = look.align
        fmt.space_before = Pt(look.space_before_pt)
        fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        fmt.widow_control = True
        fmt.keep_with_next = look.keep_with_next
        if look.size_role is not None:
            font.size = Pt(profile.size(look.size_role))
        _special_geometry(key, style, profile)


@dataclass(frozen=True)
class TableStyle:
    """A Word style of a table document (register, money table) beside the ND30 roles: its
    id, its Vietnamese name as Word lists it, and its look."""

    style_id: str
    name: str
    size_pt: float | None
    """Points; ``None``: the profile's table size."""
    bold: bool = False
    italic: bool = False
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT
    space_before_pt: float = 0


def add_table_styles(document: Document, profile: Profile, styles: Iterable[TableStyle]) -> None:
    """Add ``styles`` as paragraph styles on Normal: the profile's font, black, single
    spacing, nothing after."""
    normal = document.styles["Normal"]
    for look in styles:
        style = document.styles.add_style(look.name, WD_STYLE_TYPE.PARAGRAPH)
        assert isinstance(style, ParagraphStyle)
        style.element.set(qn("w:styleId"), look.style_id)
        style.base_style = normal
        style.quick_style = True
        set_fonts(style.element.get_or_add_rPr(), profile.font)
        style.font.size = Pt(look.size_pt if look.size_pt is not None else profile.size("table"))
        style.font.bold = look.bold
        style.font.italic = look.italic
        style.font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.alignment = look.align
        fmt.space_before = Pt(look.space_before_pt)
        fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        fmt.widow_control = True


def _special_geometry(key: str, style: ParagraphStyle, profile: Profile) -> None:
    fmt = style.paragraph_format
    ppr = style.element.get_or_add_pPr()
    header_inner = profile.header_columns_mm[0] - 2 * profile.cell_margin_mm
    header_right_inner = profile.header_columns_mm[1] - 2 * profile.cell_margin_mm
    weight = profile.rule_weight_eighth_pt
    if key in {
        "tieu_ngu_rule",
        "agency_rule",
        "type_extract_rule",
        "appendix_rule",
        "filler",
        "table_slot",
    }:
        # A paragraph with only a border: tiny and exactly sized, so it adds no line height.
        style.font.size = Pt(2)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(2)
        if key != "filler":
            fmt.space_before = Pt(3)  # a small gap, so the rule does not touch the letters
    if key == "tieu_ngu_rule":
        # ND30: the rule under the tiêu ngữ is exactly as long as the tiêu ngữ.
        rule = text_width_mm(profile.tieu_ngu_text, profile.size("tieu_ngu"), bold=True)
        fmt.left_indent = fmt.right_indent = Mm((header_right_inner - rule) / 2)
        set_border(ppr, ("top",), weight)
    elif key == "agency_rule":
        # Resized for each document to a share of the agency name (tdkt_docs.geometry).
        rule = header_inner * profile.agency_rule_fraction
        fmt.left_indent = fmt.right_indent = Mm((header_inner - rule) / 2)
        set_border(ppr, ("top",), weight)
    elif key == "type_extract_rule":
        # Resized for each document to a share of the trích yếu line (tdkt_docs.geometry).
        text_width = profile.text_width_mm
        fmt.left_indent = fmt.right_indent = Mm(text_width * 0.3)
        set_border(ppr, ("top",), weight)
    elif key == "appendix_rule":
        # A short centred rule under the reference line (Mẫu 2.1).
        fmt.left_indent = fmt.right_indent = Mm(profile.text_width_mm * 0.4)
        set_border(ppr, ("top",), weight)
    elif key in {"heading1", "heading2", "heading3"}:
        fmt.first_line_indent = Cm(profile.body.first_line_indent_cm)
        fmt.space_after = Pt(profile.body.space_after_pt)
        fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        fmt.line_spacing = profile.body.line_spacing
    elif key in {"secrecy", "urgency"}:
        set_border(ppr, ("top", "left", "bottom", "right"), weight, profile.stamp_colour)
        width = profile.stamp_widths_mm.get("KHẨN", 20.0)
        fmt.left_indent = fmt.right_indent = Mm((header_inner - width) / 2)
    elif key in {"body", "basis", "article", "article_item", "list_group", "list_entry"}:
        # Body text and the paragraphs laid out like it: căn cứ, articles, list entries.
        fmt.first_line_indent = Cm(profile.body.first_line_indent_cm)
        fmt.space_after = Pt(profile.body.space_after_pt)
        fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
        fmt.line_spacing = profile.body.line_spacing
    elif key == "contact":
        set_border(ppr, ("top",), weight)
    elif key in {"kinh_gui", "kinh_gui_item"}:
        # Defaults for hand-made documents; tdkt_docs.geometry centres each document's block.
        label = text_width_mm("Kính gửi:", profile.size("kinh_gui"))
        indent = 30.0
        fmt.left_indent = Mm(indent + (label if key == "kinh_gui_item" else 0))


def _clean_properties(document: Document) -> None:
    core = document.core_properties
    core.author = ""
    core.title = ""
    core.subject = ""
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.last_modified_by = ""
    core.revision = 1
    core.created = TEMPLATE_TIMESTAMP.replace(tzinfo=None)
    core.modified = TEMPLATE_TIMESTAMP.replace(tzinfo=None)
    core.language = "vi-VN"
