"""Finding the ND30 elements of any DOCX: by our role styles when present, else by text
patterns and position (the header table, the signature table)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

import yaml

from tdkt_docs import kinds
from tdkt_docs.awards.money_table import COLUMNS as MONEY_TABLE_COLUMNS
from tdkt_docs.awards.money_table import TITLE as MONEY_TABLE_TITLE
from tdkt_docs.checker.legacy_text import legacy_passages, unicode_reading
from tdkt_docs.checker.model import DocModel, Para, RunInfo
from tdkt_docs.register import COLUMNS as REGISTER_COLUMNS
from tdkt_docs.register import TITLE as REGISTER_TITLE
from tdkt_docs.roles import ROLE_BY_STYLE_ID

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
AUTHORITY_PREFIXES = ("TM", "KT", "TL", "TUQ", "Q")
"""ND30, Phụ lục I, Phần I, mục II.7.b: thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền."""
# What stands where a prefix goes, right or wrong: an abbreviation with a dot ("KT.",
# "GĐ.", "T/M.") or one of the five prefixes (or their slashed forms) without it.
_PREFIX_LIKE = re.compile(
    r"^(?P<prefix>(?:[^\W\d_]{1,4}/)?[^\W\d_]{1,4}\.|(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)(?=\s|$))",
    re.IGNORECASE,
)
# Where a prefix could also be read in a line that is not a signature ("I. MỤC ĐÍCH"):
# only the five, with or without their dot, before a title in capitals.
_AUTHORITY_ANYWHERE = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s|^(TM|KT|TL|TUQ)\s+[^\W\d_]{2,}")
_ROMAN_HEADING = re.compile(r"^[IVXLC]+\.")


@cache
def _type_names() -> dict[str, tuple[str, ...]]:
    raw = resources.files("tdkt_docs").joinpath("data/type_names.yaml").read_text("utf-8")
    return {key: tuple(names) for key, names in yaml.safe_load(raw).items()}


TYPE_NAMES: tuple[str, ...] = _type_names()["administrative"]
"""The văn bản hành chính of ND30 (Phụ lục III), from data/type_names.yaml."""
LEGAL_TYPE_NAMES: tuple[str, ...] = _type_names()["legal"]
"""The văn bản quy phạm pháp luật (NGHỊ ĐỊNH, THÔNG TƯ …): laid out by Nghị định
34/2016/NĐ-CP, outside ND30's scope."""
OPERATIVE_WORDS: tuple[str, ...] = _type_names()["operative"]
"""The words that open the articles ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:")."""


REGISTER = "register"
"""The detected type of a sổ đăng ký văn bản đi (Phụ lục IV): not a văn bản, so only the
rules that name it apply (``also: [register]`` or ``applies_to: [register]``)."""
MONEY_TABLE = "money_table"
"""The detected type of a bảng tổng hợp tiền thưởng (:mod:`tdkt_docs.awards.money_table`):
an appendix of a decision in a file of its own, not a văn bản either."""
LEGAL = "legal"
"""The detected type of a văn bản quy phạm pháp luật (NGHỊ ĐỊNH, THÔNG TƯ, LUẬT …): its
layout is Nghị định 34/2016/NĐ-CP's, so the rules limited to ND30's types do not apply."""
APPENDIX = "appendix"
"""The detected type of an appendix in a file of its own ("Phụ lục I" / its title / "(Kèm
theo Nghị định số … của …)"): no header or signature block of its own, so only the rules
that name it apply (paper, fonts, text, body, its reference line, page numbers)."""
PARTY = "party"
"""The detected type of a document of the Communist Party ("ĐẢNG CỘNG SẢN VIỆT NAM" at the
top right, laid out by Hướng dẫn 36-HD/VPTW): outside ND30, reported by one notice."""
PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"
NOT_DOCUMENTS = (REGISTER, MONEY_TABLE, APPENDIX, PARTY)
"""The detected types that are not văn bản: only the rules that name them apply."""

CONTENT_ROLES = ("body", "basis", "article", "article_item", "list_group", "list_entry")
"""Role styles of the paragraphs laid out as body text (justified, indented, body size):
the body, a decision's căn cứ, articles and list entries."""

BASIS_START = re.compile(r"\s*(Căn cứ|Theo đề nghị|Xét đề nghị)\b")


def starts_basis(text: str) -> bool:
    """A căn cứ or proposal line, its words typed composed or decomposed (NFD "Theo đề nghị")."""
    return BASIS_START.match(unicodedata.normalize("NFC", text)) is not None


"""A căn cứ line, or the proposal line that ends them in a decision (Mẫu 1.2)."""
OPERATIVE = re.compile(r"quyết định\s*:?", re.IGNORECASE)
"""The operative word of a quyết định, right or wrong ("QUYẾT ĐỊNH:", "Quyết định")."""
ARTICLE_START = re.compile(r"\s*(?i:điều)\s*(?P<number>\d+|[IVXLC]+\b|[.…]+)")
"""The start of an article: "Điều 1.", and its faults ("Điều 1", "ĐIỀU 1.", "Điều I."); a
dotted number is the official model's placeholder. "Điều chỉnh …" is not an article."""
ATTACHED_LABEL = re.compile(r"\s*(DANH SÁCH|PHỤ LỤC|Phụ lục)\b")
REFERENCE_START = re.compile(r"\s*\(\s*(?:Ban hành\s+)?kèm theo\b", re.IGNORECASE)
PART_HEADING = re.compile(r"(?i:phần|chương|mục|tiểu mục)\s+([IVXLC]+|\d+)\b\.?")
"""A centred "Phần I", "Chương II", "Mục 1" (Phụ lục I, mục II.6.đ), its title after it."""
SECTION_HEADING = re.compile(r"(?:[IVXLC]+|[A-ZĐ])\.\s")
"""The number of a section heading: "I. ", "IV. ", "A. "."""
OPERATIVE_LINE = re.compile(
    "(?:" + "|".join(re.escape(word) for word in OPERATIVE_WORDS) + r")\s*:", re.IGNORECASE
)
"""The operative word on its own line, with its colon ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:")."""
SUBJECT_LINES = 15
"""The trích yếu "V/v …" of a công văn is among this many first lines of the file."""
ARTICLE_TITLE_CHARACTERS = 100
"""An "Điều n. …" line this short that does not end as a sentence is the article's title."""
HEADING_CHARACTERS = 100
"""A centred line this short in capitals, or ending with ":", is a heading (a title, the
issuing authority, "QUYẾT ĐỊNH:"), never body text: a long one is a centred paragraph."""


def is_placeholder(text: str) -> bool:
    """A line of the official models left to be filled in, with no words to lay out: dot
    leaders and note numbers after at most a short label ("Căn cứ …………;", "Điều 1.………"),
    or no letter at all (the end mark "./." alone on its line)."""
    if not any(c.isalpha() for c in text):
        return True
    # Dots, or a tab drawn as a dot leader ("Căn cứ <tab>;" in Mẫu 1.1).
    if re.search(r"[.…]{5,}", text) is None and "\t" not in text.strip():
        return False
    return sum(c.isalpha() for c in text) <= 20


def is_capitals(p: Para) -> bool:
    text = p.text.strip()
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and (text == text.upper() or all(r.caps for r in p.judged_runs))


def is_centred_heading(p: Para) -> bool:
    """A centred short line in capitals or ending with ":": a heading, the issuing
    authority, the operative word. It is never judged as body text."""
    text = p.text.strip()
    if p.align != "center" or not text or len(text) > HEADING_CHARACTERS:
        return False
    return is_capitals(p) or text.endswith(":") or PART_HEADING.match(text) is not None


def is_structure_line(p: Para) -> bool:
    """A line of the text's structure, never body text, wherever it is aligned: a heading
    "Phần I", "Chương II", "Mục 1" (Phụ lục I, mục II.6.đ), a section heading in bold
    capitals ("I. MỤC ĐÍCH, YÊU CẦU"), the operative word with its colon ("QUYẾT NGHỊ:"),
    or the heading of an article set bold as a whole ("Điều 28. Lập
    Danh mục hồ sơ", the layout of the văn bản quy phạm pháp luật)."""
    text = normalise(p.text)
    if not text or len(text) > 3 * HEADING_CHARACTERS:
        return False
    runs = p.judged_runs
    bold = bool(runs) and all(r.bold for r in runs)
    if PART_HEADING.match(text):
        # "MỤC 4. HỒ SƠ THANH TRA, …": a heading with its title on its line runs longer.
        limit = 2 * HEADING_CHARACTERS if bold and is_capitals(p) else HEADING_CHARACTERS
        if len(text) <= limit:
            return True
    if OPERATIVE_LINE.fullmatch(text):
        return True
    # "IV. NỘI DUNG … THANG ĐIỂM (theo phụ lục kèm theo)": a remark in brackets after it.
    heading = re.sub(r"\s*\([^()]*\)$", "", text)
    if SECTION_HEADING.match(text) and (is_capitals(p) or heading == heading.upper()):
        return len(heading) <= HEADING_CHARACTERS  # "I. MỤC ĐÍCH, YÊU CẦU", "A. …"
    if ARTICLE_START.match(text) is None:
        return False
    # "Điều 2. Hiệu lực thi hành": a title, bold as a whole (a VBQPPL's run to three lines)
    # or short and not ending as a sentence.
    return bold or (
        len(text) <= ARTICLE_TITLE_CHARACTERS and not text.endswith((".", ";", ":", ","))
    )


def _shown_element(p: Para) -> bool:
    """A centred line of the text that shows a header element as an example (a text on
    layout: the quốc hiệu, "Số: 01/QĐ-HĐTTCC", "QUYẾT ĐỊNH" / its trích yếu, "V/v …"): a
    sample of that element, not a body paragraph."""
    if p.align != "center":
        return False
    first_line = normalise(p.text.strip().split("\n")[0])
    return (
        first_line.upper() == QUOC_HIEU
        or first_line.upper() in (*TYPE_NAMES, *LEGAL_TYPE_NAMES)
        or re.match(r"(Số\s*:|V/v\b)", first_line) is not None
    )


def _not_body(paragraphs: list[Para]) -> set[int]:
    """The ids among ``paragraphs`` of the structure lines, the lines pushed right, the
    header elements shown as examples, and the title under each part heading ("Chương I" /
    "QUY ĐỊNH CHUNG"): a bold short line right after it."""
    found: set[int] = set()
    previous: Para | None = None
    for p in paragraphs:
        if is_structure_line(p) or _pushed_right(p.text) or _shown_element(p):
            # A line pushed right with tabs or spaces is placed, not set as a paragraph (the
            # "50 mm" label over a model stamp, a title or signer typed outside a table).
            found.add(id(p))
        elif previous is not None and PART_HEADING.fullmatch(normalise(previous.text)):
            runs = p.judged_runs
            # A title in capitals may run to two lines ("TRÁCH NHIỆM THỰC HIỆN, THEO DÕI, …").
            limit = 2 * HEADING_CHARACTERS if is_capitals(p) else HEADING_CHARACTERS
            if runs and all(r.bold for r in runs) and len(p.text.strip()) <= limit:
                found.add(id(p))
        previous = p
    return found


def is_authority_line(text: str) -> bool:
    """A signature-block line that begins with a signing-authority prefix, right or wrong:
    one of the five with its dot, or any prefix-like abbreviation on a line in capitals
    ("KT GIÁM ĐỐC", "GĐ. GIÁM ĐỐC"; not the name "TS. Nguyễn Văn A")."""
    text = text.strip()
    match = _PREFIX_LIKE.match(text)
    if match is None or _ROMAN_HEADING.match(text):
        return False
    prefix = match.group("prefix")
    known = prefix.endswith(".") and prefix[:-1].upper() in AUTHORITY_PREFIXES
    return known or text == text.upper()


def authority_problem(line: str) -> tuple[str, str] | None:
    """``(found, expected)`` when an authority line is neither a prefix (TM., KT., TL.,
    TUQ., Q.) followed by a title nor a bare title; None when it is right. The case of the
    letters is the business of ``authority.format``."""
    match = _PREFIX_LIKE.match(line)
    if match is None or _ROMAN_HEADING.match(line):
        return None  # a bare title: "GIÁM ĐỐC", "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ"
    prefix = match.group("prefix")
    title = line[match.end() :].strip()
    letters = prefix.rstrip(".").replace("/", "").upper()
    if letters not in AUTHORITY_PREFIXES:
        return (
            line,
            "TM., KT., TL., TUQ. hoặc Q. trước chức vụ"
            + (f", hoặc chỉ ghi chức vụ: {title}" if title else ""),
        )
    right = f"{letters}. {title}" if title else f"{letters}. <chức vụ người đứng đầu>"
    if "/" in prefix:
        return (line, f'"{letters}." không có dấu "/": {right}')
    if not prefix.endswith("."):
        return (line, f'"{letters}." có dấu chấm: {right}')
    if not title:
        return (line, f"chức vụ sau {letters}.: {right}")
    if not line[match.end()].isspace():
        return (line, f'một dấu cách sau "{letters}.": {right}')
    return None


def normalise(text: str) -> str:
    """NFC, single spaces, and the HOÀ/HÒA spelling variants folded together."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.replace("HOÀ", "HÒA").replace("Hoà", "Hòa").replace("hoà", "hòa")


@dataclass
class Roles:
    doc_type: str = "unknown"
    quoc_hieu: Para | None = None
    tieu_ngu: Para | None = None
    tieu_ngu_rule: Para | None = None
    parent_agency: list[Para] = field(default_factory=list)
    agency: Para | None = None
    agency_rule: Para | None = None
    number: Para | None = None
    date_line: Para | None = None
    subject: Para | None = None
    type_title: Para | None = None
    type_extract: Para | None = None
    kinh_gui: Para | None = None
    kinh_gui_items: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    flow: list[Para] = field(default_factory=list)
    """The content in reading order, headings and the operative word included: the
    paragraphs whose spacing the body's paragraphs are measured against."""
    noi_nhan_label: Para | None = None
    noi_nhan_items: list[Para] = field(default_factory=list)
    """The first line of each Nơi nhận item."""
    noi_nhan_lines: list[list[Para]] = field(default_factory=list)
    """Each Nơi nhận item with the lines it wraps onto."""
    authority: list[Para] = field(default_factory=list)
    signer_title: Para | None = None
    signer_name: Para | None = None
    page_numbers: list[Para] = field(default_factory=list)
    first_page_numbers: list[Para] = field(default_factory=list)
    footer_page_numbers: list[Para] = field(default_factory=list)
    issuing_authority: Para | None = None
    basis: list[Para] = field(default_factory=list)
    """The căn cứ lines (and, in a decision, the proposal line that ends them)."""
    operative: Para | None = None
    articles: list[Para] = field(default_factory=list)
    """The paragraph that starts each article ("Điều n. …"), in order."""
    closing: Para | None = None
    """The last paragraph of the content, before the signature block."""
    attachments: list[AttachedPart] = field(default_factory=list)
    register_title: Para | None = None
    """A register's "SỔ ĐĂNG KÝ VĂN BẢN ĐI"."""
    register_headings: list[tuple[str, Para]] = field(default_factory=list)
    """A register's heading row: each cell's text with its first paragraph."""
    secretary_title: Para | None = None
    """A biên bản's "THƯ KÝ" (Mẫu 1.9: the signature on the left)."""
    secretary_name: Para | None = None
    chair_title: Para | None = None
    """A biên bản's "CHỦ TỌA" (the signature on the right)."""
    chair_name: Para | None = None
    money_table_title: Para | None = None
    """A money table's "BẢNG TỔNG HỢP TIỀN THƯỞNG"."""
    money_table_headings: list[tuple[str, Para]] = field(default_factory=list)
    """A money table's heading row: each cell's text with its first paragraph."""
    agency_misplaced: bool = False
    """The agency name was found above the quốc hiệu, not beside it (ô 2 is on its left)."""
    headings: list[Para] = field(default_factory=list)
    """The "Phần I", "Chương II", "Phụ lục I" lines, however they are typed."""
    type_conflict: list[str] = field(default_factory=list)
    """The type names found when there are more than one (the first is the one used)."""


@dataclass
class AttachedPart:
    """A list or appendix attached after the document, in its own section: its label
    ("DANH SÁCH", "Phụ lục"), title and the reference line "(Kèm theo … số … của …)"."""

    label: Para | None
    title: Para | None
    reference: Para | None

    @property
    def first(self) -> Para:
        return next(p for p in (self.label, self.title, self.reference) if p is not None)


NOI_NHAN_LABEL = re.compile(r"\s*Nơi nhận\s*(:|$)")
"""The label alone on its line ("Nơi nhận:", or without its colon), not a column heading
("Nơi nhận văn bản" in a register)."""
ROLE_TABLE_ROWS = 6
"""The header and the signature tables have at most this many rows (Mẫu 1.6 puts the
signature in four and its notes in a fifth); a longer table is a spec, a register or a
list, whose cells are never the quốc hiệu, the number or the signature."""


def _is_tieu_ngu(text: str) -> bool:
    return (
        re.fullmatch(r"độc lập\s*[-–—]\s*tự do\s*[-–—]\s*hạnh phúc", normalise(text).lower())
        is not None
    )


def _split_lines(p: Para) -> list[Para]:
    """The lines of a paragraph broken with Shift+Enter, each as a paragraph of its own
    with its own runs (a run holding the break is cut at it)."""
    lines: list[list[RunInfo]] = [[]]
    for run in p.runs:
        pieces = run.text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                lines.append([])
            if piece:
                lines[-1].append(replace(run, text=piece))
    return [
        replace(p, text="".join(r.text for r in runs), runs=tuple(runs))
        for runs in lines
        if "".join(r.text for r in runs).strip()
    ]


def _parenthesised(paragraphs: list[Para]) -> set[int]:
    """The ids of the lines inside parentheses, even over several lines: "(Chữ ký …," /
    "dấu …)", "(Kèm theo Nghị định số …" / "ngày … của Chính phủ)"."""
    found: set[int] = set()
    depth = 0
    for p in paragraphs:
        text = p.text.strip()
        if not text:
            continue
        opened = depth > 0 or text.startswith("(")
        depth = max(0, depth + text.count("(") - text.count(")"))
        if opened:
            found.add(id(p))
    return found


def _may_be_signer(p: Para) -> bool:
    """A line that may be the signer's title or name: not a Nơi nhận line, not a line with
    a label ("Số lượng bản phát hành: 05"), not a number alone."""
    text = p.text.strip()
    if not text or ":" in text or text.startswith(("-", "–", "+")):
        return False
    return NOI_NHAN_LABEL.match(text) is None and sum(c.isalpha() for c in text) >= 2


def _noi_nhan_lines(paragraphs: list[Para], label: Para) -> list[list[Para]]:
    """The items of a Nơi nhận list, each with the lines it wraps onto ("- Các bộ, cơ quan
    ngang bộ," / "cơ quan thuộc Chính phủ;"): the lines under the label in its table column
    (the same cell, or the rows under it, Mẫu 1.7–1.8), or, for a label outside a table,
    the lines after it up to the first blank line or line that is not part of the list."""
    items: list[list[Para]] = []
    for p in paragraphs:
        if p.order <= label.order:
            continue
        if label.table is not None:
            if p.table is None or p.table[0] != label.table[0]:
                break
            if p.table[2] != label.table[2] or p.table[1] < label.table[1]:
                continue
        elif p.table is not None:
            break
        text = p.text.strip()
        if not text:
            if label.table is None and items:
                break
            continue
        if re.match(r"[-–]", text):
            items.append([p])
        elif items and not items[-1][-1].text.rstrip().endswith((";", ".")):
            items[-1].append(p)  # the item wraps onto this line
        elif label.table is None:
            break
    return items


def _cell(p: Para) -> tuple[int, int, int] | None:
    return p.table


def _same_cell(model: DocModel, p: Para) -> list[Para]:
    return [q for q in model.paragraphs if q.table is not None and q.table == p.table]


def _is_rule(p: Para) -> bool:
    text = p.text.strip()
    return (not text and bool(p.borders & {"top", "bottom"})) or bool(re.fullmatch(r"_{3,}", text))


def _rule_after(model: DocModel, p: Para) -> Para | None:
    """The rule under ``p``: its own bottom border, or the next paragraph being a rule (in
    a table, in its cell, else the first line of the cell below: "____" typed in the row of
    the số, ký hiệu)."""
    if "bottom" in p.borders:
        return p
    following = [q for q in model.paragraphs if q.order > p.order and q.table == p.table]
    for q in following[:2]:
        if _is_rule(q):
            return q
        if q.text.strip():
            return None
    if p.table is not None:
        table, row, column = p.table
        below = [q for q in model.paragraphs if q.table == (table, row + 1, column)]
        if below and _is_rule(below[0]):
            return below[0]
    return None


TAB_TABLE = 10_000
"""The first number given to the virtual tables of header and signature blocks laid out
with tabs instead of a table (real tables are numbered from 1)."""


def split_line_blocks(model: DocModel) -> DocModel:
    """The model as its header and signature are laid out, however they were typed:

    - each block of lines typed in one paragraph of a header or signature table (Shift+
      Enter: "CHÍNH PHỦ" / "-------", quốc hiệu / tiêu ngữ, "Nơi nhận:" / its items, the
      authority / title / name) is read as one paragraph per line;
    - a header or a Nơi nhận / signature block typed as two columns separated by tabs
      ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI …", "Nơi nhận:<tab>TM. ỦY BAN NHÂN DÂN") is
      read as the two cells of a virtual table.

    Paragraphs are renumbered in file order. Paragraphs with our role styles are never
    split: their roles are their styles."""
    rows: dict[int, int] = {}
    for p in model.paragraphs:
        if p.table is not None:
            rows[p.table[0]] = max(rows.get(p.table[0], 0), p.table[1])
    columns = _tab_columns(model.paragraphs)
    found: list[Para] = []
    split = bool(columns)
    for p in model.paragraphs:
        if id(p) in columns:
            found.extend(columns[id(p)])
            continue
        block = (
            p.table is not None
            and rows[p.table[0]] <= ROLE_TABLE_ROWS
            and p.style_id not in ROLE_BY_STYLE_ID
            and "\n" in p.text.strip()
        )
        lines = _split_lines(p) if block else [p]
        if p.table is not None and rows[p.table[0]] <= ROLE_TABLE_ROWS:
            lines = [cell for line in lines for cell in _number_and_date(line)]
        split = split or len(lines) > 1
        found.extend(lines)
    if not split:
        return model
    return replace(model, paragraphs=[replace(p, order=index) for index, p in enumerate(found)])


NUMBER_THEN_DATE = re.compile(r"\s*Số\s*:.*?([ \t]{8,})\S[^\n]*\bngày\b.*\btháng\b.*\bnăm\b")
"""The số, ký hiệu and the place and date typed on one line of a header cell, pushed
apart with spaces or tabs ("Số: …/GGT-PV01<spaces>Hưng Yên, ngày … tháng 6 năm 2021")."""


def _number_and_date(p: Para) -> list[Para]:
    """``p`` cut into the số, ký hiệu (its cell) and the date line (the next column) when
    both are typed on its one line; else ``p``."""
    match = NUMBER_THEN_DATE.match(p.text)
    if match is None or p.table is None:
        return [p]
    start, end = match.span(1)
    left: list[RunInfo] = []
    right: list[RunInfo] = []
    at = 0
    for run in p.runs:
        before, after = run.text[: max(0, start - at)], run.text[max(0, end - at) :]
        if before:
            left.append(replace(run, text=before))
        if after:
            right.append(replace(run, text=after))
        at += len(run.text)
    table, row, column = p.table
    return [
        replace(p, text="".join(r.text for r in left), runs=tuple(left)),
        replace(
            p,
            text="".join(r.text for r in right),
            runs=tuple(right),
            table=(table, row, column + 1),
        ),
    ]


def _tab_columns(paragraphs: list[Para]) -> dict[int, list[Para]]:
    """The header lines and the Nơi nhận block typed in two tab-separated columns, each
    paragraph (by id) cut into its cells of a virtual table."""
    if any(p.style_id in ROLE_BY_STYLE_ID for p in paragraphs):
        return {}
    cut: dict[int, list[Para]] = {}
    untabled = [p for p in paragraphs if p.table is None]
    has_quoc_hieu = any(normalise(p.text).upper() == QUOC_HIEU for p in paragraphs)
    top = [p for p in untabled if p.text.strip() or _drawn_rule(p)][:7]
    if not has_quoc_hieu and any(
        normalise(p.text.split("\t")[-1]).upper() == QUOC_HIEU for p in top if "\t" in p.text
    ):
        block: list[Para] = []
        for p in top:
            if "\t" not in p.text.strip() and not _drawn_rule(p) and block:
                break
            block.append(p)
        row = 0
        for p in block:
            # The rules drawn under the agency and the tiêu ngữ belong to the row above.
            row += 0 if _drawn_rule(p) and row else 1
            cut[id(p)] = _tab_cells(p, (TAB_TABLE, row))
    label = next((p for p in untabled if NOI_NHAN_LABEL.match(p.text.split("\t")[0])), None)
    if label is None:
        return cut
    at = untabled.index(label)
    before: list[Para] = []
    for p in reversed(untabled[max(0, at - 4) : at]):  # the title pushed right above it
        if p.text.strip() and not _pushed_right(p.text):
            break
        before.insert(0, p)
    items: list[Para] = []
    for p in untabled[at:]:  # the label and its items
        if not p.text.strip():
            break
        items.append(p)
    under: list[Para] = []
    for p in untabled[at + len(items) : at + len(items) + 8]:  # the name pushed right under
        if p.text.strip() and not _pushed_right(p.text):
            break
        under.append(p)
    block = [p for p in (*before, *items, *under) if p.text.strip()]
    if "\t" in label.text.strip() or any(_pushed_right(p.text) for p in block):
        for row, p in enumerate(block, start=1):
            cells = _tab_cells(p, (TAB_TABLE + 1, row))
            if _pushed_right(p.text):
                cells = [replace(q, table=(TAB_TABLE + 1, row, 2)) for q in cells]
            cut[id(p)] = cells
    return cut


def _closing_cell(paragraphs: list[Para], in_role_table: Callable[[Para], bool]) -> list[Para]:
    """The cell that ends the file when it reads as a signature with no authority prefix
    and no Nơi nhận beside it ("BỘ TRƯỞNG" / "(Đã ký)" / "Trần Văn Tuấn"): a title in
    capitals first, more lines under it."""
    lines = [p for p in paragraphs if p.text.strip()]
    if not lines or lines[-1].table is None or not in_role_table(lines[-1]):
        return []
    cell = [p for p in lines if p.table == lines[-1].table]
    if len(cell) < 2 or not is_capitals(cell[0]) or is_capitals(cell[-1]):
        return []
    return cell


def _quoted_in_text(p: Para, paragraphs: list[Para]) -> bool:
    """``p`` sits between two justified paragraphs of text in its section: an example the
    text shows ("TM. HỘI ĐỒNG NHÂN DÂN" under "- Trường hợp ký thay mặt tập thể …" in a
    thông tư on layout), not the document's own signature, which ends the text."""
    table = p.table[0] if p.table is not None else None

    def outside(q: Para) -> bool:
        return bool(q.text.strip()) and (q.table is None or q.table[0] != table) and q is not p

    before = next((q for q in reversed(paragraphs) if q.order < p.order and outside(q)), None)
    after = next((q for q in paragraphs if q.order > p.order and outside(q)), None)
    return all(
        q is not None
        and q.table is None
        and q.section == p.section
        and q.align == "both"
        and NOI_NHAN_LABEL.match(q.text) is None
        for q in (before, after)
    )


def _drawn_rule(p: Para) -> bool:
    """A line with no text that anchors a drawn shape: the rules under the agency and the
    tiêu ngữ of a header typed with tabs."""
    return p.has_drawing and not p.text.strip()


def _pushed_right(text: str) -> bool:
    """A line pushed to the right half with tabs or spaces (a signature typed outside a
    table: "<tab><tab><tab>CHỦ TỊCH", "<many spaces>Trần Văn A")."""
    return re.match(r"(?:[ ]*\t){2,}\s*\S|[ ]{8,}\S", text) is not None


def _tab_cells(p: Para, row: tuple[int, int]) -> list[Para]:
    """``p`` cut at its first run of tabs: the text before in column 1, after in column 2
    (a line that starts with tabs has only column 2)."""
    left: list[RunInfo] = []
    right: list[RunInfo] = []
    side = left
    for run in p.runs:
        text = run.text
        while text:
            if side is left:
                head, tab, tail = text.partition("\t")
                if head:
                    left.append(replace(run, text=head))
                if tab:
                    side = right
                text = tail
            else:
                right.append(replace(run, text=text))
                text = ""
    cells = []
    for column, runs in ((1, left), (2, right)):
        text = "".join(r.text for r in runs).strip(" \t")
        if text:
            cells.append(replace(p, text=text, runs=tuple(runs), table=(*row, column)))
    if not cells and p.has_drawing:
        # The rules drawn under the agency and the tiêu ngữ, anchored in a line of tabs.
        return [replace(p, table=(*row, column)) for column in (1, 2)]
    return cells or [replace(p, table=(*row, 1))]


def detect(model: DocModel, wanted_type: str = "auto") -> Roles:
    roles = Roles()
    paragraphs = model.paragraphs
    by_role: dict[str, list[Para]] = {}
    for p in paragraphs:
        role = ROLE_BY_STYLE_ID.get(p.style_id or "")
        if role is not None:
            by_role.setdefault(role.key, []).append(p)

    def first(key: str, test: object = None) -> Para | None:
        found = by_role.get(key)
        if found:
            return found[0]
        if callable(test):
            return next((p for p in paragraphs if test(p)), None)
        return None

    rows: dict[int, int] = {}
    for p in paragraphs:
        if p.table is not None:
            rows[p.table[0]] = max(rows.get(p.table[0], 0), p.table[1])

    def in_role_table(p: Para) -> bool:
        """Outside tables, or in a table short enough to be the header or signature (or in
        the virtual table of a block laid out with tabs)."""
        if p.table is None or p.table[0] >= TAB_TABLE:
            return True
        return rows.get(p.table[0], 0) <= ROLE_TABLE_ROWS

    roles.quoc_hieu = first(
        "quoc_hieu", lambda p: normalise(p.text).upper() == QUOC_HIEU and in_role_table(p)
    )
    roles.tieu_ngu = first("tieu_ngu", lambda p: _is_tieu_ngu(p.text) and in_role_table(p))
    if roles.quoc_hieu is None and roles.tieu_ngu is None and "quoc_hieu" not in by_role:
        # Both typed in one paragraph, on two lines (Shift+Enter): read each line as its own.
        joined = next(
            (
                p
                for p in paragraphs
                if in_role_table(p)
                and "\n" in p.text.strip()
                and normalise(p.text.strip().split("\n")[0]).upper() == QUOC_HIEU
            ),
            None,
        )
        if joined is not None:
            lines = _split_lines(joined)
            roles.quoc_hieu = lines[0]
            roles.tieu_ngu = next((q for q in lines[1:] if _is_tieu_ngu(q.text)), None)
    if roles.tieu_ngu is not None:
        # A styled rule paragraph counts only if it still draws a rule.
        styled_rules = [p for p in by_role.get("tieu_ngu_rule", []) if _is_rule(p)]
        if styled_rules:
            roles.tieu_ngu_rule = styled_rules[0]
        elif "tieu_ngu_rule" not in by_role:
            roles.tieu_ngu_rule = _rule_after(model, roles.tieu_ngu)
    roles.number = first(
        "number", lambda p: re.match(r"\s*Số\s*:", p.text) is not None and in_role_table(p)
    )
    # Not a line of "(Kèm theo Nghị định số … / ngày 05 tháng 3 năm 2020 của Chính phủ)".
    references = _parenthesised([p for p in paragraphs if p.table is None])
    roles.date_line = first(
        "date_line",
        # The year, or the dots of the official models ("…, ngày …… tháng …. năm ……").
        lambda p: (
            re.search(r"^[^\n:]{0,60}\bngày\b.*\btháng\b.*\bnăm\s*(\d{4}|[.…]{2})", p.text)
            is not None
            and id(p) not in references
            and in_role_table(p)
        ),
    )
    # The trích yếu of a công văn sits in the header, among the first lines: a "V/v …"
    # further down is an example in the text ("V/v kế hoạch kiểm tra …").
    first_lines = {id(p) for p in [p for p in paragraphs if p.text.strip()][:SUBJECT_LINES]}
    roles.subject = first(
        "subject",
        lambda p: (
            re.match(r"\s*V/v\b", p.text) is not None and id(p) in first_lines and in_role_table(p)
        ),
    )

    roles.money_table_title = next(
        (p for p in paragraphs if normalise(p.text).upper() == MONEY_TABLE_TITLE), None
    )

    # The agency block: the styled paragraphs, else the cell beside the quốc hiệu (or, in a
    # money table, which has none, the cell above its title).
    if by_role.keys() & {"agency", "parent_agency", "agency_rule"}:
        # A document with our styles: trust them, never guess around a deleted element.
        roles.agency = by_role["agency"][0] if by_role.get("agency") else None
        roles.parent_agency = by_role.get("parent_agency", [])
        agency_rules = [p for p in by_role.get("agency_rule", []) if _is_rule(p)]
        roles.agency_rule = agency_rules[0] if agency_rules else None
    elif roles.quoc_hieu is not None and roles.quoc_hieu.table is not None:
        t, r, c = roles.quoc_hieu.table
        # The nearest cell on its left that holds text (an empty spacer column between
        # them is skipped); in a header laid out with tabs, that column on every line.
        cell = []
        for left in range(c - 1, 0, -1):
            cell = [
                p
                for p in paragraphs
                if p.table is not None
                and (p.table == (t, r, left) or (t >= TAB_TABLE and p.table[::2] == (t, left)))
                and p.text.strip()
            ]
            if cell:
                break
        if roles.tieu_ngu is not None and roles.tieu_ngu.table not in {None, (t, r, c)}:
            # The tiêu ngữ in the row under the quốc hiệu (or a table nested there): the
            # agency's own name is in that row too, on the left, between the two in the file
            # ("CÔNG AN TỈNH …" beside the quốc hiệu, "PHÒNG THAM MƯU" beside the tiêu ngữ).
            low, high = roles.quoc_hieu.order, roles.tieu_ngu.order
            cell += [
                p
                for p in paragraphs
                if low < p.order < high
                and p.table not in {None, (t, r, c), roles.tieu_ngu.table}
                and p.text.strip()
                and is_capitals(p)
            ]
        names = [
            p
            for p in cell
            if not re.match(r"\s*(Số\s*:|V/v)", p.text)
            and not _is_rule(p)
            and any(c.isalpha() for c in p.text)
        ]
        _agency_from(roles, names)
    elif roles.quoc_hieu is None and roles.money_table_title is not None:
        money_title = roles.money_table_title
        above = [p for p in paragraphs if p.order < money_title.order and p.table is not None]
        first_table = above[0].table[0] if above and above[0].table else None
        _agency_from(
            roles,
            [
                p
                for p in above
                if p.table is not None
                and p.table[0] == first_table
                and p.text.strip()
                and not _is_rule(p)
            ],
        )
    if roles.agency is None and roles.quoc_hieu is not None and not by_role:
        # Typed above the quốc hiệu (its own lines, or its cell's first lines): found, and
        # reported as misplaced rather than missing.
        quoc_hieu = roles.quoc_hieu
        above = [
            p
            for p in paragraphs
            if p.order < quoc_hieu.order
            and p.table == quoc_hieu.table
            and p.text.strip()
            and not _is_rule(p)
            and is_capitals(p)
            and len(p.text.strip()) <= HEADING_CHARACTERS
        ]
        if above:
            _agency_from(roles, above)
            roles.agency_misplaced = True
    if roles.agency is not None and roles.agency_rule is None and "agency_rule" not in by_role:
        roles.agency_rule = _rule_after(model, roles.agency)

    # Type title + trích yếu (documents with a type name).
    type_names = (*TYPE_NAMES, *LEGAL_TYPE_NAMES)
    signature_start = next(
        (p.order for p in paragraphs if re.match(r"\s*Nơi nhận\s*:", p.text)),
        paragraphs[-1].order + 1 if paragraphs else 0,
    )
    candidates = [
        p
        for p in paragraphs
        if p.table is None
        and p.order < signature_start
        and normalise(p.unmarked_text) in type_names
    ]
    if not candidates and not by_role and roles.quoc_hieu is not None:
        candidates = _unlisted_title(paragraphs, roles.quoc_hieu, signature_start)
    roles.type_title = first(
        "type_title" if "type_title" in by_role else "__none__",
        lambda p: bool(candidates) and p is candidates[0],
    )
    if roles.type_title is not None:
        after = [
            p
            for p in paragraphs
            if p.order > roles.type_title.order and (p.text.strip() or _is_rule(p))
        ]
        # A rule right under the type name: the type has no trích yếu (GIẤY GIỚI THIỆU).
        roles.type_extract = after[0] if after and not _is_rule(after[0]) else None
        if roles.subject is roles.type_extract and "subject" not in by_role:
            # "THÔNG BÁO" / "V/v …": the trích yếu of a named type, written as a công văn's.
            roles.subject = None
        used = normalise(roles.type_title.unmarked_text)
        for p in candidates:
            other = normalise(p.unmarked_text)
            if other != used and p.align == "center" and other not in roles.type_conflict:
                roles.type_conflict.append(other)
        if roles.type_conflict:
            roles.type_conflict.insert(0, used)

    roles.register_title = next(
        (p for p in paragraphs if normalise(p.text).upper() == REGISTER_TITLE), None
    )
    roles.register_headings = _heading_row(paragraphs, REGISTER_COLUMNS[0])
    roles.money_table_headings = _heading_row(paragraphs, MONEY_TABLE_COLUMNS[1])

    untitled = next((k.type for k in kinds.kinds() if k.type_title is None), "dispatch")
    if wanted_type != "auto":
        roles.doc_type = wanted_type
    elif roles.register_title is not None and roles.quoc_hieu is None:
        roles.doc_type = REGISTER  # a register's title, and no quốc hiệu: not a văn bản
    elif roles.money_table_title is not None and roles.quoc_hieu is None:
        roles.doc_type = MONEY_TABLE  # an appendix in a file of its own, not a văn bản
    elif _is_party_document(paragraphs):
        roles.doc_type = PARTY  # Hướng dẫn 36-HD/VPTW, not ND30
    elif (appendix := _appendix_opening(paragraphs)) is not None and (
        roles.quoc_hieu is None or appendix.first.order < roles.quoc_hieu.order
    ):
        roles.doc_type = APPENDIX  # "Phụ lục I" and "(Kèm theo …)" open the file
    elif "type_title" not in by_role and _issued_with(roles, paragraphs) is not None:
        roles.doc_type = APPENDIX  # "QUY ĐỊNH" "(Ban hành kèm theo Quyết định số …)", no number
    elif roles.subject is not None:
        roles.doc_type = untitled  # "V/v": the type without a type name, the công văn
    elif roles.type_title is not None:
        title = _listed_name(normalise(roles.type_title.unmarked_text))
        roles.doc_type = (
            LEGAL
            if title in LEGAL_TYPE_NAMES
            else next((k.type for k in kinds.kinds() if k.type_title == title), "named")
        )  # a registered kind by its type name, else a type the package does not make
    elif roles.quoc_hieu is not None or roles.number is not None:
        roles.doc_type = untitled  # the one administrative type without a type name

    found_kind = kinds.find(roles.doc_type)
    if (
        found_kind is not None
        and not found_kind.date_line
        and roles.date_line is not None
        and "date_line" not in by_role
        and roles.date_line.table is None
    ):
        # A biên bản has no ô 4: a date in its text ("… kết thúc vào …, ngày …") is not one.
        roles.date_line = None

    # Kính gửi.
    roles.kinh_gui = first("kinh_gui", lambda p: re.match(r"\s*Kính gửi", p.text) is not None)
    if roles.kinh_gui is not None:
        items = by_role.get("kinh_gui_item")
        if items is None:
            items = []
            for p in paragraphs:
                if p.order <= roles.kinh_gui.order or p.table != roles.kinh_gui.table:
                    continue
                if not p.text.strip():
                    continue
                if not re.match(r"\s*[-–]", p.text):
                    break
                items.append(p)
            if not items and roles.kinh_gui.table is not None:
                # "Kính gửi:" in a cell of its own, the list in the cell on its right.
                t, r, c = roles.kinh_gui.table
                items = [
                    p
                    for p in paragraphs
                    if p.table == (t, r, c + 1) and re.match(r"\s*[-–]", p.text)
                ]
        roles.kinh_gui_items = items

    # Nơi nhận and the signature block.
    roles.noi_nhan_label = first(
        "noi_nhan_label",
        lambda p: NOI_NHAN_LABEL.match(p.text) is not None and in_role_table(p),
    )
    if roles.noi_nhan_label is not None:
        styled_items = by_role.get("noi_nhan_item")
        if styled_items is None:
            roles.noi_nhan_lines = _noi_nhan_lines(paragraphs, roles.noi_nhan_label)
            roles.noi_nhan_items = [lines[0] for lines in roles.noi_nhan_lines]
        else:
            roles.noi_nhan_items = styled_items
            roles.noi_nhan_lines = [[p] for p in styled_items]
    signature_cell: list[Para] = []
    if by_role.keys() & {"signer_name", "signer_title", "authority"}:
        names = by_role.get("signer_name", [])
        roles.signer_name = names[-1] if names else None
        titles = by_role.get("signer_title", [])
        roles.signer_title = titles[0] if titles else None
        roles.authority = by_role.get("authority", [])
    else:
        if roles.noi_nhan_label is not None and roles.noi_nhan_label.table is not None:
            # The cells right of "Nơi nhận", in its row and the rows under it (Mẫu 1.6–1.9
            # put the name in a row of its own).
            t, r, c = roles.noi_nhan_label.table
            signature_cell = [
                p
                for p in paragraphs
                if p.table is not None
                and p.table[0] == t
                and (p.table[1] >= r or t >= TAB_TABLE)
                and p.table[2] > c
                and p.text.strip()
            ]
        if not signature_cell:
            prefixed = [
                p
                for p in paragraphs
                if _AUTHORITY_ANYWHERE.match(p.text.strip())
                and in_role_table(p)
                and not _quoted_in_text(p, paragraphs)
            ]
            signature_cell = prefixed[:3]
            if signature_cell:
                last = signature_cell[-1]
                signature_cell += [
                    p for p in paragraphs if p.order > last.order and p.text.strip()
                ][:3]
        if not signature_cell and roles.noi_nhan_label is None and roles.type_title is not None:
            signature_cell = _sign_off_cell(paragraphs, roles.type_title)
        if not signature_cell:
            signature_cell = _closing_cell(paragraphs, in_role_table)
        if signature_cell:
            hints = _parenthesised(signature_cell)
            roles.authority = [p for p in signature_cell if is_authority_line(p.text)]
            named = [
                p
                for p in signature_cell
                if not is_authority_line(p.text) and id(p) not in hints and _may_be_signer(p)
            ]
            if named:
                # The title is the first line in capitals; the name is the last line after it.
                capitals = [p for p in named if p.text.strip() == p.text.strip().upper()]
                roles.signer_title = capitals[0] if capitals else None
                last = named[-1]
                if roles.signer_title is None or last.order > roles.signer_title.order:
                    roles.signer_name = last

    if roles.doc_type == MINUTES:
        _minutes_signatures(roles, paragraphs)

    # The body: untabled paragraphs after the heading blocks, before the signature.
    start = max(
        [
            p.order
            for p in (
                roles.kinh_gui,
                *roles.kinh_gui_items,
                roles.type_extract,
                roles.subject,
                roles.date_line,
            )
            if p is not None
        ]
        or [-1]
    )
    if roles.type_extract is not None and "type_extract" not in by_role:
        start = max(start, _extract_end(paragraphs, roles.type_extract))
    end_candidates = [
        p.order
        for p in (roles.noi_nhan_label, *roles.authority, roles.signer_name)
        if p is not None
    ]
    # Orders are the file's: in a merged file, a document's paragraphs do not start at 0.
    after_last = paragraphs[-1].order + 1 if paragraphs else 0
    end = min(end_candidates) if end_candidates else after_last
    styled = sorted(
        (p for role in CONTENT_ROLES for p in by_role.get(role, [])), key=lambda p: p.order
    )
    region = [
        p
        for p in paragraphs
        if start < p.order < end and p.table is None and p.text.strip() and not _is_rule(p)
    ]
    if not region and not styled:
        # A form (a phiếu trình): its content is written in the cells of a table; it is
        # there, though not judged as body text.
        region_cells = [
            p
            for p in paragraphs
            if start < p.order < end and p.table is not None and p.text.strip()
        ]
        roles.flow = region_cells
    # Our own output: the content's role styles say what it is.
    content = styled or region
    _decision_elements(roles, by_role, region, content, end)
    not_body = {id(p) for p in (roles.issuing_authority, roles.operative) if p is not None}
    if not styled:
        not_body |= _not_body(content)
    roles.body = [p for p in content if id(p) not in not_body and not is_centred_heading(p)]
    roles.flow = content or roles.flow
    before_signature = [p for p in roles.body if p.order < end]
    roles.closing = before_signature[-1] if before_signature else None
    roles.attachments = _attachments(model, by_role)
    if roles.doc_type == APPENDIX:
        _appendix_roles(roles, paragraphs)
    if roles.doc_type == MONEY_TABLE and not roles.attachments and roles.money_table_title:
        # Its own title and reference line make the appendix (a file of its own: no section
        # of a main text before it).
        money_title = roles.money_table_title
        following = [p for p in paragraphs if p.order > money_title.order and p.text.strip()]
        reference = next((p for p in following[:2] if REFERENCE_START.match(p.text)), None)
        roles.attachments = [AttachedPart(None, money_title, reference)]

    roles.headings = [
        p
        for p in paragraphs
        if p.table is None and NUMBERED_HEADING.fullmatch(normalise(p.text)) is not None
    ]

    # Page numbers: those of every section (an attached list numbers its own pages), and
    # the header page 1 shows: the first page's when "Different first page" is on.
    headers = _shown(model.headers, [s.headers for s in model.sections])
    footers = _shown(model.footers, [s.footers for s in model.sections])
    roles.footer_page_numbers = [p for _, p in footers if _has_page_field(p)]
    roles.page_numbers = [p for kind, p in headers if kind != "first" and _has_page_field(p)]
    if model.sections:
        opening = model.sections[0]
        shown = opening.headers.get("first" if opening.title_page else "default", [])
        roles.first_page_numbers = [p for p in shown if _has_page_field(p)]
    else:
        roles.first_page_numbers = [p for p in model.headers.get("first", []) if _has_page_field(p)]
    return roles


MINUTES = "minutes"
"""A biên bản (Mẫu 1.9): signed by THƯ KÝ on the left and CHỦ TỌA on the right."""
SECRETARY_TITLE = "THƯ KÝ"
CHAIR_TITLES = ("CHỦ TỌA", "CHỦ TOẠ")  # the decree writes both


def _signature_name(paragraphs: list[Para], title: Para) -> Para | None:
    """The name under a biên bản's signature title: the last line in the title's table
    column after it, before "Nơi nhận" (Mẫu 1.9 puts it under THƯ KÝ), leaving out the
    model's "(Chữ ký …)" hints."""
    assert title.table is not None
    table, _, column = title.table
    name = None
    for p in paragraphs:
        if p.order <= title.order or p.table is None:
            continue
        if p.table[0] != table or p.table[2] != column:
            continue
        text = p.text.strip()
        if re.match(r"Nơi nhận", text):
            break
        if text and not text.startswith("(") and "chữ ký" not in text.lower():
            name = p
    return name


def _minutes_signatures(roles: Roles, paragraphs: list[Para]) -> None:
    """THƯ KÝ and CHỦ TỌA with their names; the chair is the document's signer."""
    for p in paragraphs:
        if p.table is None:
            continue
        text = normalise(p.text).upper()
        if text == SECRETARY_TITLE and roles.secretary_title is None:
            roles.secretary_title = p
        elif text in CHAIR_TITLES and roles.chair_title is None:
            roles.chair_title = p
    if roles.secretary_title is not None:
        roles.secretary_name = _signature_name(paragraphs, roles.secretary_title)
    if roles.chair_title is not None:
        roles.chair_name = _signature_name(paragraphs, roles.chair_title)
        roles.signer_title = roles.chair_title
        roles.signer_name = roles.chair_name
        roles.authority = []


def _sign_off_cell(paragraphs: list[Para], title: Para) -> list[Para]:
    """The sign-off of a form without Nơi nhận nor "TM."/"KT." (a phiếu trình): in the last
    table after the type name, the last cell whose first line is a title in capitals and
    whose last line is a name ("LÃNH ĐẠO VĂN PHÒNG" … "Nguyễn Nhân Bản")."""
    tables = [p.table[0] for p in paragraphs if p.table is not None and p.order > title.order]
    if not tables:
        return []
    cells: dict[tuple[int, int, int], list[Para]] = {}
    for p in paragraphs:
        if p.table is not None and p.table[0] == tables[-1] and p.text.strip():
            cells.setdefault(p.table, []).append(p)
    found: list[Para] = []
    for lines in cells.values():
        top, bottom = lines[0], lines[-1]
        name = bottom.text.strip()
        if (
            len(lines) >= 2
            and is_capitals(top)
            and len(top.text.strip()) <= HEADING_CHARACTERS // 2
            and _may_be_signer(bottom)
            and name != name.upper()
            and len(name.split()) <= 6
        ):
            found = lines
    return found


def _listed_name(title: str) -> str:
    """The listed type name a title starts with ("GIẤY GIỚI THIỆU" of "GIẤY GIỚI THIỆU ĐĂNG
    KÝ HỘ KHẨU"), else the title itself."""
    names = sorted((*TYPE_NAMES, *LEGAL_TYPE_NAMES), key=len, reverse=True)
    return next((n for n in names if title == n or title.startswith(n + " ")), title)


def _unlisted_title(paragraphs: list[Para], quoc_hieu: Para, end: int) -> list[Para]:
    """The type name of a document whose title is not one of the listed names on a line of
    its own ("GIẤY GIỚI THIỆU ĐĂNG KÝ HỘ KHẨU", "PHÂN CÔNG NHIỆM VỤ", "PHIẾU TRÌNH"): the
    first line of text outside the header tables, when it is short, bold and in capitals
    (not a heading of the text nor "Kính gửi")."""
    first_line = next(
        (
            p
            for p in paragraphs
            if p.order > quoc_hieu.order and p.order < end and p.table is None and p.text.strip()
        ),
        None,
    )
    if first_line is None or is_structure_line(first_line):
        return []
    runs = first_line.judged_runs
    short = len(normalise(first_line.text)) <= HEADING_CHARACTERS // 2
    if short and is_capitals(first_line) and runs and all(r.bold for r in runs):
        return [first_line]
    return []


def _agency_from(roles: Roles, names: list[Para]) -> None:
    """The agency among the lines of its cell: the last bold one (else the last); the
    cơ quan chủ quản is the lines above that are not bold (a name on two bold lines,
    "ỦY BAN NHÂN DÂN" / "TỈNH KHÁNH HÒA", is the agency's)."""
    if names:
        bold = [p for p in names if p.visible_runs and all(r.bold for r in p.visible_runs)]
        roles.agency = bold[-1] if bold else names[-1]
        roles.parent_agency = [
            p for p in names if p.order < roles.agency.order and not any(p is b for b in bold)
        ]


def _heading_row(paragraphs: list[Para], heading: str) -> list[tuple[str, Para]]:
    """The cells of the first table row holding ``heading`` (a register's "Số, ký hiệu văn
    bản"), each as its text (its paragraphs joined) and its first paragraph."""
    first = normalise(heading).casefold()
    row = next(
        (
            p.table[:2]
            for p in paragraphs
            if p.table is not None and normalise(p.text).casefold() == first
        ),
        None,
    )
    if row is None:
        return []
    cells: dict[int, list[Para]] = {}
    for p in paragraphs:
        if p.table is not None and p.table[:2] == row:
            cells.setdefault(p.table[2], []).append(p)
    return [
        (normalise(" ".join(p.text for p in found)), found[0]) for _, found in sorted(cells.items())
    ]


def _has_page_field(p: Para) -> bool:
    return any(f.split() and f.split()[0].upper() == "PAGE" for f in p.fields)


def _shown(
    document: dict[str, list[Para]], by_section: list[dict[str, list[Para]]]
) -> list[tuple[str, Para]]:
    """Each header (or footer) paragraph once, with its kind: the document's, then those
    only later sections show."""
    seen: set[int] = set()
    found: list[tuple[str, Para]] = []
    for parts in (document, *by_section):
        for kind, paragraphs in parts.items():
            for p in paragraphs:
                if id(p) not in seen:
                    seen.add(id(p))
                    found.append((kind, p))
    return found


def _decision_elements(
    roles: Roles, by_role: dict[str, list[Para]], region: list[Para], content: list[Para], end: int
) -> None:
    """The issuing authority, the căn cứ lines, "QUYẾT ĐỊNH:" and the articles: by their
    role styles, else by text and position in the content ``region`` (Mẫu 1.2: the line in
    capitals after the trích yếu, the lines starting "Căn cứ" or "Theo/Xét đề nghị" before
    the operative word, the paragraphs starting "Điều n." after it)."""
    operative = by_role.get("operative")
    if operative:
        roles.operative = operative[0]
    elif roles.type_title is not None:
        roles.operative = next(
            (
                p
                for p in region
                if OPERATIVE.fullmatch(normalise(p.text))
                or OPERATIVE_LINE.fullmatch(p.text.strip())
            ),
            None,
        )
    authority = by_role.get("issuing_authority")
    if authority:
        roles.issuing_authority = authority[0]
    elif roles.type_title is not None:
        # The first line in capitals after the trích yếu, before the first căn cứ (a long
        # authority may take two lines; the second is a centred heading, not body text).
        lead_in = next(
            (
                index
                for index, p in enumerate(region)
                if starts_basis(p.text) or p is roles.operative
            ),
            0,
        )
        capitals = [index for index, p in enumerate(region[:lead_in]) if is_capitals(p)]
        if capitals and all(p.align == "center" for p in region[: capitals[0]]):
            roles.issuing_authority = region[capitals[0]]
    basis = by_role.get("basis")
    if basis:
        roles.basis = basis
    else:
        lines = [p for p in content if p is not roles.issuing_authority and p.order < end]
        if roles.operative is not None:
            operative_order = roles.operative.order
            roles.basis = [p for p in lines if p.order < operative_order and starts_basis(p.text)]
        else:
            # No operative word (a tờ trình, or a decision that lost it): the lines that open
            # the content; a tờ trình's "Xét đề nghị …" is the start of its body.
            opening = BASIS_START if roles.doc_type == "decision" else re.compile(r"\s*Căn cứ\b")
            for p in lines:
                if is_centred_heading(p):
                    continue
                if not opening.match(unicodedata.normalize("NFC", p.text)):
                    break
                roles.basis.append(p)
    after = roles.operative.order if roles.operative is not None else -1
    roles.articles = [p for p in content if after < p.order < end and ARTICLE_START.match(p.text)]


def _attachments(model: DocModel, by_role: dict[str, list[Para]]) -> list[AttachedPart]:
    """The lists and appendices attached in sections of their own after the document: by
    their role styles, else the first lines of each later section ("DANH SÁCH" or "Phụ
    lục", the title, "(Kèm theo …)")."""
    keys = ("appendix_label", "appendix_title", "appendix_reference")
    if any(by_role.get(key) for key in keys):
        sections = sorted({p.section for key in keys for p in by_role.get(key, [])})
        parts = []
        for section in sections:
            found = [
                next((p for p in by_role.get(key, []) if p.section == section), None)
                for key in keys
            ]
            parts.append(AttachedPart(*found))
        return parts
    if not model.sections:
        return []
    opening = model.sections[0].index
    by_section: dict[int, list[Para]] = {}
    for p in model.paragraphs:
        if p.section > opening and p.table is None and p.text.strip():
            by_section.setdefault(p.section, []).append(p)
    parts = []
    for section in sorted(by_section):
        lines = by_section[section][:5]
        label = lines[0] if ATTACHED_LABEL.match(lines[0].text) else None
        reference = next((p for p in lines if REFERENCE_START.match(p.text)), None)
        if label is None and reference is None:
            continue  # a section of the document itself (a landscape table)
        title_candidates = [
            p
            for p in lines
            if p is not label
            and p is not reference
            and (label is None or p.order > label.order)
            and (reference is None or p.order < reference.order)
        ]
        parts.append(
            AttachedPart(label, title_candidates[0] if title_candidates else None, reference)
        )
    return parts


NUMBERED_HEADING = re.compile(
    r"(?i:(?P<word>phần|chương|phụ lục))(?:\s+(?:[IVXLC]+|\d+))?\s*\.?", re.IGNORECASE
)
"""A line that is only "Phần I", "Chương II" or "Phụ lục I", in any case (Phụ lục I, mục
II.6.đ and III.1: their own line, centred, in normal case, bold)."""


MODEL_HEADING = re.compile(r"\s*Mẫu\s+\d+(\.\d+)*\b")
"""The heading of a model shown in an appendix ("Mẫu 1.2 - Quyết định …")."""


def readable_text(p: Para) -> str:
    """The paragraph's text, its passages typed in TCVN3 or VNI read in Unicode."""
    text = "".join(r.text for r in p.runs)
    for passage, encoding in legacy_passages([r.text for r in p.runs]):
        text = text.replace(passage, unicode_reading(passage, encoding))
    return text


def _is_party_document(paragraphs: list[Para]) -> bool:
    """ "ĐẢNG CỘNG SẢN VIỆT NAM" in the first lines (or the header table): the Party's own
    heading, where a state document has its quốc hiệu."""
    top = [normalise(readable_text(p)).upper() for p in paragraphs if p.text.strip()][:6]
    return QUOC_HIEU not in top and any(PARTY_HEADING in text for text in top)


def _appendix_opening(paragraphs: list[Para]) -> AttachedPart | None:
    """The label, title and reference line that open an appendix file: a "Phụ lục"
    (or "DANH SÁCH") line among the first lines, a "(Kèm theo …)" line within five lines
    of it; None when the file does not open so."""
    lines = [p for p in paragraphs if p.text.strip()][:8]
    label = next((p for p in lines[:3] if ATTACHED_LABEL.match(p.text) and p.table is None), None)
    if label is None:
        return None
    after = [p for p in lines if p.order > label.order][:5]
    reference = next((p for p in after if REFERENCE_START.match(p.text)), None)
    if reference is None:
        return None
    title = next((p for p in after if p.order < reference.order), None)
    return AttachedPart(label, title, reference)


def _issued_with(roles: Roles, paragraphs: list[Para]) -> AttachedPart | None:
    """A quy định or quy chế in a file of its own, under a header without a number: its
    type name, its title and "(Ban hành kèm theo Quyết định số …)" right under them."""
    title = roles.type_title
    if title is None or roles.number is not None:
        return None
    after = [p for p in paragraphs if p.order > title.order and p.text.strip()][:4]
    reference = next((p for p in after if REFERENCE_START.match(p.text)), None)
    return AttachedPart(title, roles.type_extract, reference) if reference is not None else None


def _appendix_roles(roles: Roles, paragraphs: list[Para]) -> None:
    """An appendix file: its opening is its attached part; its body the untabled text
    after the reference line (over as many lines as its parentheses take)."""
    opening = _appendix_opening(paragraphs) or _issued_with(roles, paragraphs)
    if opening is None:
        return  # asked for with --type appendix, but not opened as one: nothing attached
    roles.attachments = [opening, *(part for part in roles.attachments)]
    reference = opening.reference
    assert reference is not None
    inside = _parenthesised([p for p in paragraphs if p.order >= reference.order])
    # The appendix's own text ends where the models it shows begin (Phụ lục III: "Mẫu 1.1
    # - Nghị quyết", a quốc hiệu): their lines are samples, not its body.
    end = next(
        (
            p.order
            for p in paragraphs
            if p.order > reference.order
            and (MODEL_HEADING.match(p.text) or normalise(p.text).upper() == QUOC_HIEU)
        ),
        paragraphs[-1].order + 1,
    )
    content = [
        p
        for p in paragraphs
        if reference.order < p.order < end
        and p.table is None
        and p.text.strip()
        and not _is_rule(p)
        and id(p) not in inside
        and not any(p.section == part.first.section for part in roles.attachments[1:])
    ]
    not_body = _not_body(content)
    roles.body = [p for p in content if id(p) not in not_body and not is_centred_heading(p)]
    roles.flow = content
    roles.closing = roles.body[-1] if roles.body else None


def _extract_end(paragraphs: list[Para], extract: Para) -> int:
    """Where a hand-made trích yếu ends: its first paragraph, and the centred bold lines in
    normal case typed under it as separate paragraphs ("… cho các tập thể," / "cá nhân …")."""
    end = extract.order
    for p in paragraphs:
        if p.order <= extract.order or p.table != extract.table or not p.text.strip():
            continue
        runs = p.judged_runs
        continues = (
            p.align == "center"
            and p.align == extract.align
            and not is_capitals(p)
            and not _is_rule(p)
            and bool(runs)
            and all(r.bold for r in runs)
        )
        if not continues:
            break
        end = p.order
    return end
