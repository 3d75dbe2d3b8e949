"""A validated document → the plain values its template shows.

The ND30 wording decisions that every kind shares live here: blanks left for the clerk,
the date, the archive line, ô 12 and ô 13 texts. Each kind adds its own parts in its view
(:mod:`tdkt_docs.kinds`).
"""

from __future__ import annotations

from typing import Any

from tdkt_docs.markup import parse_blocks
from tdkt_docs.models import AdministrativeDocument, Agency
from tdkt_docs.profile import Profile


def contact_lines(agency: Agency) -> list[str]:
    """ô 13 (bottom of page 1): address; phone and fax; e-mail and website."""
    lines = []
    if agency.address:
        lines.append(f"Địa chỉ: {agency.address}")
    phones = [
        f"ĐT: {agency.phone}" if agency.phone else "",
        f"Fax: {agency.fax}" if agency.fax else "",
    ]
    if any(phones):
        lines.append(", ".join(p for p in phones if p))
    web = [
        f"E-mail: {agency.email}" if agency.email else "",
        f"Website: {agency.website}" if agency.website else "",
    ]
    if any(web):
        lines.append(", ".join(w for w in web if w))
    return lines


def common_view(document: AdministrativeDocument, profile: Profile) -> dict[str, Any]:
    """The values every kind shows: header, number and date, trích yếu, Nơi nhận, signer."""
    date = document.date
    drafter = ""
    if document.drafter is not None:
        copies = f"({document.drafter.copies})" if document.drafter.copies else ""
        drafter = f"{document.drafter.initials}.{copies}" if copies else document.drafter.initials
    return {
        "agency": {"parent": document.agency.parent, "name": document.agency.name},
        "number": document.number,
        "blank_number": " " * profile.blank_number_spaces,
        "symbol": document.symbol,
        "subject": document.subject,
        "secrecy": document.secrecy,
        "urgency": document.urgency,
        "place": document.agency.place,
        "date": f"{date.year}-{date.month:02d}" + (f"-{date.day:02d}" if date.day else ""),
        "blank_day": " " * profile.blank_day_spaces,
        "distribution": list(document.distribution),
        "archive": ", ".join(document.archive),
        "drafter": drafter,
        "signer": {
            "authority": list(document.signer.authority),
            "title": document.signer.title,
            "name": document.signer.name,
        },
        "contact_lines": contact_lines(document.agency),
    }


def blocks_view(body: str) -> list[dict[str, Any]]:
    """A body with headings and tables (báo cáo, tờ trình) as the template's blocks."""
    return [
        {"kind": block.kind, "runs": block.runs, "number": block.number, "cells": block.cells}
        for block in parse_blocks(body)
    ]


def view(document: AdministrativeDocument, profile: Profile) -> dict[str, Any]:
    """The template context of ``document``: ``{"doc": {...}}``, from its kind's view."""
    from tdkt_docs.kinds import kind_of

    return {"doc": kind_of(document).view(document, profile)}
