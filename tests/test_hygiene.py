"""House rules that a reviewer would otherwise have to check by eye.

* No private attributes of python-docx or of executors, except in the one function that
  must read them (:func:`tdkt_docs.ooxml.element_of`), which is tested here so that a
  python-docx release that renames them fails this test, not a user's document.
* Files are flushed one by one (and their folder), never with a machine-wide ``os.sync``.
* No pools at module level: a pool lives as long as the work that needs it.
"""

from __future__ import annotations

import concurrent.futures as futures
import importlib
import os
import pkgutil
import re
from pathlib import Path

import docx
import pytest
from lxml import etree

import tdkt_docs
from tdkt_docs.batch import render_batch
from tdkt_docs.ooxml import CORE_PROPERTIES_NS, element_of
from tdkt_docs.output import write_atomic
from tests.conftest import EXAMPLES

PACKAGE = Path(tdkt_docs.__file__).resolve().parent
PRIVATE_DOCX = re.compile(r"\.(_p|_r|_tbl|_tr|_tc|_sectPr|_element|_blob|_body|_Document__\w+)\b")
PRIVATE_EXECUTOR = re.compile(r"_max_workers|_processes\b|_work_queue|_threads\b")


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_python_docx_elements_are_read_in_one_place_only() -> None:
    offenders = []
    for path in _sources():
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if PRIVATE_DOCX.search(code) and not re.search(r"\bself\._", code):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    allowed = [o for o in offenders if o.startswith("ooxml.py:") and "_sectPr" in o]
    assert offenders == allowed, "\n".join(offenders)
    assert len(allowed) == 1


def test_element_of_reaches_every_python_docx_object() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("x")
    table = document.add_table(rows=1, cols=1)
    items = {
        "w:p": paragraph,
        "w:r": paragraph.runs[0],
        "w:tbl": table,
        "w:tr": table.rows[0],
        "w:tc": table.cell(0, 0),
        "w:sectPr": document.sections[0],
    }
    for tag, item in items.items():
        element = element_of(item)
        assert isinstance(element, etree._Element)
        assert element.tag == docx.oxml.ns.qn(tag), tag


def test_the_core_properties_prefix_is_ours_after_importing_docxtpl() -> None:
    import docxtpl  # noqa: F401  (imports docxcompose, which rebinds "cp")

    from tdkt_docs import templating  # noqa: F401

    assert docx.oxml.ns.nsmap["cp"] == CORE_PROPERTIES_NS


def test_no_private_executor_attributes_and_no_machine_wide_sync() -> None:
    for path in _sources():
        text = path.read_text("utf-8")
        assert "os.sync(" not in text, path
        assert not PRIVATE_EXECUTOR.search(text), path


def test_no_pool_lives_at_module_level() -> None:
    for module in pkgutil.walk_packages(tdkt_docs.__path__, "tdkt_docs."):
        if module.name.endswith("__main__"):
            continue
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            assert not isinstance(value, futures.Executor), f"{module.name}.{name}"


@pytest.fixture
def synced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths flushed with os.fsync, in order; a machine-wide sync fails the test."""
    paths: list[str] = []
    real_fsync = os.fsync

    def record(descriptor: int) -> None:
        paths.append(str(Path(f"/proc/self/fd/{descriptor}").readlink()))
        real_fsync(descriptor)

    def forbidden() -> None:
        raise AssertionError("os.sync flushes every file system of the machine")

    monkeypatch.setattr(os, "fsync", record)
    monkeypatch.setattr(os, "sync", forbidden, raising=False)
    return paths


def test_write_atomic_flushes_the_file_and_its_folder(tmp_path: Path, synced: list[str]) -> None:
    write_atomic(tmp_path / "a.docx", b"PK")
    assert len(synced) == 2
    assert synced[0].startswith(str(tmp_path / ".a.docx."))  # the file, before its move
    assert synced[1] == str(tmp_path)  # then the folder that holds the new name


def test_a_batch_flushes_each_document_and_the_folder_never_the_machine(
    tmp_path: Path, synced: list[str]
) -> None:
    reminders = EXAMPLES / "reminders"
    out = tmp_path / "out"
    result = render_batch(reminders / "don_doc.yaml", reminders / "don_vi_chua_gui.csv", out)
    staged = [path for path in synced if path.endswith(".part")]
    assert len(staged) == len(result.written) == 11
    assert str(out) in synced  # the renames into place


def _error_classes() -> set[type[tdkt_docs.TdktError]]:
    for module in pkgutil.walk_packages(tdkt_docs.__path__, "tdkt_docs."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[type[tdkt_docs.TdktError]] = set()
    pending = [tdkt_docs.TdktError]
    while pending:
        cls = pending.pop()
        found.add(cls)
        pending.extend(cls.__subclasses__())
    return found


def test_the_exception_tree_is_complete_in_errors_py_the_readme_and_the_api() -> None:
    import tdkt_docs.errors

    readme = (PACKAGE.parent / "README.md").read_text("utf-8")
    tree = readme[readme.index("TdktError  ") : readme.index("```", readme.index("TdktError  "))]
    docstring = tdkt_docs.errors.__doc__ or ""
    for cls in _error_classes():
        name = cls.__name__
        assert re.search(rf"(?m)(^|[─ ]){name}\s", docstring), f"{name} not in errors.py's tree"
        assert re.search(rf"(?m)(^|[─ ]){name}\s", tree), f"{name} not in the README's tree"
        assert name in tdkt_docs.__all__, f"{name} is not exported"
