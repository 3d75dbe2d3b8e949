"""One file, several documents: a merged print file (``batch --merge``) is cut back into the
documents it was made of, so that each is checked on its own.

A document starts at a section break when the new section opens with the header block of
a document: the quốc hiệu and the "Số:" line among its first lines. A section without
them (a báo cáo's landscape appendix, a second page set out differently) continues the
document before it. Each document keeps the file's positions ("đoạn 120", "bảng 7",
"mục 5"), so a finding can be found in the file as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tdkt_docs.checker.detect import QUOC_HIEU, normalise
from tdkt_docs.checker.model import DocModel, Para, Section
from tdkt_docs.roles import ROLE_BY_STYLE_ID

HEADER_LINES = 12
"""How many of a section's first lines with text may hold the header block: the agency
names, the rule, "Số:", a long trích yếu and the quốc hiệu fit well within it."""


def _role(p: Para) -> str | None:
    role = ROLE_BY_STYLE_ID.get(p.style_id or "")
    return role.key if role is not None else None


def _is_quoc_hieu(p: Para) -> bool:
    return _role(p) == "quoc_hieu" or normalise(p.text).upper() == QUOC_HIEU


def _is_number(p: Para) -> bool:
    return _role(p) == "number" or re.match(r"\s*Số\s*:", p.text) is not None


def _opens_a_document(paragraphs: list[Para]) -> bool:
    first = [p for p in paragraphs if p.text.strip()][:HEADER_LINES]
    return any(_is_quoc_hieu(p) for p in first) and any(_is_number(p) for p in first)


def _first_seen(sections: list[Section], attribute: str) -> dict[str, list[Para]]:
    found: dict[str, list[Para]] = {}
    for section in sections:
        for kind, paragraphs in getattr(section, attribute).items():
            found.setdefault(kind, paragraphs)
    return found


def split_documents(model: DocModel) -> list[DocModel]:
    """The documents of ``model`` in order; a file holding one document gives ``[model]``."""
    if len(model.sections) < 2:
        return [model]
    by_section: dict[int, list[Para]] = {}
    for p in model.paragraphs:
        by_section.setdefault(p.section, []).append(p)
    starts = [0] + [
        index
        for index in range(1, len(model.sections))
        if _opens_a_document(by_section.get(index, []))
    ]
    if len(starts) == 1:
        return [model]
    documents: list[DocModel] = []
    for start, end in zip(starts, [*starts[1:], len(model.sections)], strict=True):
        sections = model.sections[start:end]
        paragraphs = [p for p in model.paragraphs if start <= p.section < end]
        documents.append(
            replace(
                model,
                paragraphs=paragraphs,
                headers=_first_seen(sections, "headers"),
                footers=_first_seen(sections, "footers"),
                sections=sections,
                all_text="\n".join(p.text for p in paragraphs),
                text_boxes=[p for p in model.text_boxes if start <= p.section < end],
            )
        )
    return documents
