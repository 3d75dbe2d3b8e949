"""The schema in a real editor engine: yaml-language-server, the server of VS Code's YAML
extension (Red Hat), spoken to over stdio as an editor does.

What README says an editor does with ``# yaml-language-server: $schema=./tdkt.schema.json``
is checked here: the examples and the other shapes the tool accepts get no problem, shape
errors are reported on their lines, completion offers the keys of the document's type and
hover shows the Vietnamese description. The server is an npm package that CI installs under
``.ci/node`` (see ``INSTALL``); skipped when it is missing, except in CI.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import tdkt_docs
from tdkt_docs.schema import SCHEMA_FILE_NAME
from tests.conftest import EXAMPLES, ROOT

SERVER = ROOT / ".ci" / "node" / "node_modules" / "yaml-language-server" / "bin"
INSTALL = "npm install --prefix .ci/node yaml-language-server@1.25.0"
WAIT = 60.0
"""Seconds to wait for an answer before the test fails (a guard, not a measurement)."""
FIRST_LINE = f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}\n"
SETTINGS = {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}}
"""The YAML extension's settings: no schemas from the web, only the file's first line."""


class Editor:
    """A minimal Language Server Protocol client: one document at a time."""

    def __init__(self, folder: Path) -> None:
        node = shutil.which("node")
        assert node is not None
        self.process = subprocess.Popen(
            [node, str(SERVER / "yaml-language-server"), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.last_id = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": folder.as_uri(),
                "capabilities": {"workspace": {"configuration": True}},
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": SETTINGS}})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline().strip()) != b"":
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length == 0:
                return  # the server has closed its output
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(f"Content-Length: {len(data)}\r\n\r\n".encode("ascii") + data)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.last_id += 1
        asked = self.last_id
        self._send({"id": asked, "method": method, "params": params})
        while True:
            message = self._next()
            if message.get("id") == asked and "method" not in message:
                return message.get("result")

    def _next(self) -> dict[str, Any]:
        try:
            message = self.messages.get(timeout=WAIT)
        except queue.Empty:
            pytest.fail(f"yaml-language-server gave no answer in {WAIT:.0f} s")
        if message.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
        elif "id" in message and "method" in message:  # the server asks the editor
            asked = message["params"].get("items", [])
            answer = (
                [SETTINGS] * len(asked) if message["method"].endswith("configuration") else None
            )
            self._send({"id": message["id"], "result": answer})
        return message

    def open(self, path: Path) -> str:
        uri = path.as_uri()
        self.diagnostics.pop(uri, None)
        document = {"uri": uri, "languageId": "yaml", "version": 1, "text": path.read_text("utf-8")}
        self.notify("textDocument/didOpen", {"textDocument": document})
        return uri

    def problems(self, path: Path) -> dict[int, str]:
        """The problems the editor shows in a file: line number (from 1) → messages."""
        uri = self.open(path)
        while uri not in self.diagnostics:
            self._next()
        found: dict[int, str] = {}
        for diagnostic in self.diagnostics[uri]:
            line = diagnostic["range"]["start"]["line"] + 1
            found[line] = f"{found.get(line, '')} {diagnostic['message']}".strip()
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return found

    def completion(self, path: Path, line: int, column: int) -> list[dict[str, Any]]:
        self.problems(path)  # opened, and its schema read
        uri = self.open(path)
        where = {"textDocument": {"uri": uri}, "position": {"line": line, "character": column}}
        result = self.request("textDocument/completion", where)
        items: list[dict[str, Any]] = result["items"] if isinstance(result, dict) else result
        return items

    def hover(self, path: Path, line: int, column: int) -> str:
        uri = self.open(path)
        where = {"textDocument": {"uri": uri}, "position": {"line": line, "character": column}}
        result = self.request("textDocument/hover", where)
        return str(result["contents"]["value"]) if result else ""

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        self.reader.join(WAIT)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as a user keeps it: the schema, the agency profile and the documents."""
    if not (SERVER / "yaml-language-server").is_file() or shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail(f"yaml-language-server is required in CI ({INSTALL})")
        pytest.skip(f"yaml-language-server is not installed; to use it: {INSTALL}")
    folder = tmp_path_factory.mktemp("documents")
    for name in (
        SCHEMA_FILE_NAME,
        "agency.yaml",
        "cong_van_tuyen_truyen.yaml",
        "bao_cao_thang.yaml",
    ):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def editor(folder: Path) -> Iterator[Editor]:
    client = Editor(folder)
    yield client
    client.close()


def _document(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(FIRST_LINE + text, "utf-8")
    return path


@pytest.mark.parametrize("name", ["cong_van_tuyen_truyen.yaml", "bao_cao_thang.yaml"])
def test_the_examples_show_no_problem(editor: Editor, folder: Path, name: str) -> None:
    assert editor.problems(folder / name) == {}


def test_other_shapes_the_tool_accepts_show_no_problem(editor: Editor, folder: Path) -> None:
    path = _document(
        folder,
        "shapes.yaml",
        """type: dispatch
agency:
  name: SỞ NỘI VỤ
  place: Khánh Hòa
  phone: 02583822111
number: "010"
symbol: SNV-TĐKT
date: 2023-9-7
subject: thử các cách viết
recipients: [Các sở, ban, ngành]
body: |
  Nội dung.
distribution: [Như trên]
archive: VT, PTĐKT
urgency: hoả tốc
secrecy: Mật
drafter: PL
signer:
  authority: |
    TM. ỦY BAN NHÂN DÂN
    KT. CHỦ TỊCH
  title: PHÓ CHỦ TỊCH
  name: Lê Văn An
""",
    )
    tdkt_docs.load(path)  # the tool accepts it …
    assert editor.problems(path) == {}  # … and the editor shows nothing


def test_shape_errors_are_shown_on_their_lines(editor: Editor, folder: Path) -> None:
    path = _document(
        folder,
        "bad.yaml",
        """type: report
agency: agency.yaml
number: abc
symbol: SNV
date: 07/09/2023
subjet: thử
recipients: Ban Thi đua - Khen thưởng Trung ương
body: |
  Nội dung.
distribution: [Như trên]
archive: VT, PTĐKT
urgency: gấp
signer:
  title: GIÁM ĐỐC
  name: Lê Văn An
  titel: x
""",
    )
    problems = editor.problems(path)
    expected = {
        2: "subject",  # the line of type: the mapping lacks subject
        4: "integer",  # number: abc
        5: "pattern",  # a báo cáo's ký hiệu starts with BC-
        6: "pattern",  # not YYYY-MM-DD
        7: "subjet",  # unknown key
        8: "array",  # a list given as one string
        13: "HỎA TỐC",  # not a choice; the choices are listed
        17: "titel",  # unknown key in signer
    }
    assert set(problems) == set(expected), problems
    for line, word in expected.items():
        assert word in problems[line], (line, problems[line])


def test_completion_offers_the_keys_of_the_type(editor: Editor, folder: Path) -> None:
    report = _document(folder, "report.yaml", "type: report\n\n")
    dispatch = _document(folder, "dispatch.yaml", "type: dispatch\n\n")
    report_keys = {item["label"] for item in editor.completion(report, 2, 0)}
    dispatch_keys = {item["label"] for item in editor.completion(dispatch, 2, 0)}
    common = {"agency", "number", "symbol", "date", "subject", "body", "distribution", "archive"}
    assert common | {"recipients", "appendices"} <= report_keys
    assert common | {"recipients"} <= dispatch_keys
    assert "appendices" not in dispatch_keys


def test_completion_and_hover_show_the_vietnamese_descriptions(
    editor: Editor, folder: Path
) -> None:
    path = _document(folder, "agency_keys.yaml", "type: report\nagency:\n  name: SỞ NỘI VỤ\n  \n")
    items = {item["label"]: item for item in editor.completion(path, 4, 2)}
    assert {"parent", "place", "display_name", "phone"} <= set(items)
    assert "name" not in items  # already written
    assert "chủ quản trực tiếp (ô 2)" in str(items["parent"].get("documentation"))
    hover = editor.hover(path, 3, 3)
    assert "Tên cơ quan, tổ chức ban hành văn bản (ô 2), chữ in hoa: SỞ NỘI VỤ" in hover
