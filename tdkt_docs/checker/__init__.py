"""``tdkt-docs check``: the ND30 layout of any DOCX, ours or hand-made, checked offline.

Layers: :mod:`.package` opens the file within limits; :mod:`.model` resolves the effective
formatting; :mod:`.detect` finds the ND30 elements; :mod:`.rules` checks them.
"""

from __future__ import annotations

from pathlib import Path

from tdkt_docs.checker.detect import detect
from tdkt_docs.checker.model import build_model
from tdkt_docs.checker.package import UnreadableDocumentError, open_package, read_package
from tdkt_docs.checker.rules import CHECKS, Finding, NotFoundError, rule_table

DOCUMENT_TYPES = ("auto", "dispatch", "report")


def check_package_bytes(
    data: bytes, name: str = "<bytes>", doc_type: str = "auto"
) -> list[Finding]:
    return _run(read_package(data, name), doc_type)


def check(path: str | Path, doc_type: str = "auto") -> list[Finding]:
    """Check one DOCX; raise :class:`UnreadableDocumentError` if it cannot be read safely.

    Returns every violation (``error`` or ``warning``) and one ``not_evaluated`` finding
    per rule whose element was not found.
    """
    return _run(open_package(path), doc_type)


def _run(package: object, doc_type: str) -> list[Finding]:
    from tdkt_docs.checker.package import Package

    assert isinstance(package, Package)
    model = build_model(package)
    roles = detect(model, doc_type)
    findings: list[Finding] = []
    for rule_id, info in rule_table().items():
        function = CHECKS[rule_id]
        try:
            for where, found, expected in function(model, roles):
                findings.append(
                    Finding(
                        rule_id, info.severity, info.locator, info.message, where, found, expected
                    )
                )
        except NotFoundError as missing:
            findings.append(
                Finding(
                    rule_id,
                    "not_evaluated",
                    info.locator,
                    info.message,
                    f"không tìm thấy: {missing.element}",
                    "",
                    "",
                )
            )
    return findings


__all__ = [
    "DOCUMENT_TYPES",
    "Finding",
    "UnreadableDocumentError",
    "check",
    "check_package_bytes",
]
