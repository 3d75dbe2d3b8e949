"""``tdkt-docs check``: the ND30 layout of any DOCX, ours or hand-made, checked offline.

Layers: :mod:`.package` opens the file within limits; :mod:`.model` resolves the effective
formatting; :mod:`.documents` cuts a merged print file into its documents; :mod:`.detect`
finds the ND30 elements of each; :mod:`.rules` checks them.
"""

from __future__ import annotations

from pathlib import Path

from tdkt_docs import kinds
from tdkt_docs.checker.detect import APPENDIX, MONEY_TABLE, REGISTER, detect, split_line_blocks
from tdkt_docs.checker.documents import split_documents
from tdkt_docs.checker.model import DocModel, build_model
from tdkt_docs.checker.package import Package, open_package, read_package
from tdkt_docs.checker.rules import (
    CHECKS,
    Finding,
    NotApplicableError,
    NotFoundError,
    document_kinds,
    rule_table,
)
from tdkt_docs.errors import UnreadableDocumentError


def document_types() -> tuple[str, ...]:
    """What ``--type`` accepts: ``auto`` (detect it), a registered kind, ``register`` (a
    sổ đăng ký văn bản đi, :mod:`tdkt_docs.register`) or ``money_table`` (a bảng tổng hợp
    tiền thưởng, :mod:`tdkt_docs.awards.money_table`) or ``appendix`` (a phụ lục in a file
    of its own: no header or signature block)."""
    return ("auto", *kinds.types(), REGISTER, MONEY_TABLE, APPENDIX)


def check_package_bytes(
    data: bytes, name: str = "<bytes>", doc_type: str = "auto"
) -> list[Finding]:
    return _run(read_package(data, name), doc_type)


def check(path: str | Path, doc_type: str = "auto") -> list[Finding]:
    """Check one DOCX; raise :class:`UnreadableDocumentError` if it cannot be read safely.

    Returns every violation (``error`` or ``warning``), one ``not_evaluated`` finding per
    rule whose element was not found and one ``not_applicable`` finding per rule that is not
    about the detected document type. A merged print file is checked document by document;
    ``Finding.document`` says which (1-based).
    """
    return _run(open_package(path), doc_type)


def _run(package: Package, doc_type: str) -> list[Finding]:
    findings: list[Finding] = []
    for number, model in enumerate(split_documents(build_model(package)), start=1):
        findings += _check_document(model, doc_type, number)
    return findings


TEXT_RULES = frozenset({"font.name", "font.legacy", "text.legacy_encoding", "text.nfd"})
"""Rules about the text of every paragraph, reported once per paragraph as it is in the
file: they read the model before its line blocks are split."""


def _check_document(file_model: DocModel, doc_type: str, number: int) -> list[Finding]:
    lines_model = split_line_blocks(file_model)
    roles = detect(lines_model, doc_type)
    findings: list[Finding] = []
    for rule_id, info in rule_table().items():
        if not info.applies(roles.doc_type):
            findings.append(
                Finding(
                    rule_id,
                    "not_applicable",
                    info.locator,
                    info.message,
                    f"không áp dụng cho {document_kinds()[roles.doc_type]}",
                    "",
                    "",
                    number,
                )
            )
            continue
        function = CHECKS[rule_id]
        model = file_model if rule_id in TEXT_RULES else lines_model
        if info.applies_to and roles.doc_type not in document_kinds():
            # Neither a kind nor a named type: whether the rule is about it is not known.
            findings.append(
                Finding(
                    rule_id, "not_evaluated", info.locator, info.message,
                    "không tìm thấy: loại văn bản", "", "", number,
                )
            )  # fmt: skip
            continue
        # A rule about the type, when the type names disagree, rests on a guess: say so.
        guessed = (
            f" [loại văn bản đoán theo {roles.type_conflict[0]}; còn có "
            + ", ".join(roles.type_conflict[1:])
            + "]"
            if info.applies_to and len(roles.type_conflict) > 1
            else ""
        )
        try:
            for where, found, expected in function(model, roles):
                where += guessed
                findings.append(
                    Finding(
                        rule_id,
                        info.severity,
                        info.locator,
                        info.message,
                        where,
                        found,
                        expected,
                        number,
                    )
                )
        except NotApplicableError as absent:
            findings.append(
                Finding(
                    rule_id, "not_applicable", info.locator, info.message, absent.reason, "", "",
                    number,
                )
            )  # fmt: skip
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
                    number,
                )
            )
    return findings


__all__ = [
    "Finding",
    "UnreadableDocumentError",
    "check",
    "check_package_bytes",
    "document_types",
]
