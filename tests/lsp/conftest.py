"""End-to-end tests of `wit lsp`: the built binary, driven over stdio by pytest-lsp's client
impersonating real editors (VS Code's and Neovim's recorded capabilities).

The server binary is `$WITTY_BIN`, else `target/debug/wit` of this repository. Each test gets
its own copy of `workspace/` (a package with `deps/`), so edits never touch the repository.
"""

import asyncio
import os
import pathlib
import shutil
import sys

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = pathlib.Path(__file__).resolve().parents[2]
WIT = os.environ.get("WITTY_BIN", str(REPO / "target" / "debug" / "wit"))
WORKSPACE = pathlib.Path(__file__).resolve().parent / "workspace"


@pytest.fixture
def workspace(tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(WORKSPACE, root)
    return root


def init_params(root: pathlib.Path, client: str = "visual-studio-code", **extra):
    return t.InitializeParams(
        capabilities=client_capabilities(client),
        workspace_folders=[t.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        **extra,
    )


def answer_refreshes(client: LanguageClient):
    """Answers `workspace/codeLens/refresh` (VS Code's capabilities offer it) and counts them."""
    client.lens_refreshes = 0

    @client.feature(t.WORKSPACE_CODE_LENS_REFRESH)
    def _refresh(_params):
        client.lens_refreshes += 1
        return None


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[WIT, "lsp"]))
async def client(lsp_client: LanguageClient, workspace):
    lsp_client.workspace_root = workspace
    answer_refreshes(lsp_client)
    lsp_client.init_result = await lsp_client.initialize_session(init_params(workspace))
    # The first diagnostics cover every file of the workspace.
    await wait_for(lambda: len(lsp_client.diagnostics) >= 4, lsp_client)
    yield
    await lsp_client.shutdown_session()


async def wait_for(predicate, client=None, timeout=10.0):
    """Polls until `predicate()` holds; fails the test after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            seen = client.diagnostics if client is not None else None
            raise AssertionError(f"timed out waiting; diagnostics seen: {seen}")
        await asyncio.sleep(0.02)


def uri(client, relative: str) -> str:
    return (client.workspace_root / relative).as_uri()


def open_doc(client, relative: str, version: int = 1) -> tuple[str, str]:
    path = client.workspace_root / relative
    text = path.read_text()
    client.text_document_did_open(
        t.DidOpenTextDocumentParams(
            text_document=t.TextDocumentItem(
                uri=path.as_uri(), language_id="wit", version=version, text=text
            )
        )
    )
    return path.as_uri(), text


def position_of(text: str, needle: str, nth: int = 0, offset_in_needle: int = 0) -> t.Position:
    """The UTF-16 position of the `nth` occurrence of `needle` (plus an offset into it)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    start += offset_in_needle
    line = text.count("\n", 0, start)
    line_start = text.rfind("\n", 0, start) + 1
    column = len(text[line_start:start].encode("utf-16-le")) // 2
    return t.Position(line=line, character=column)


def change(client, uri: str, version: int, range_: t.Range | None, text: str):
    event = (
        t.TextDocumentContentChangePartial(range=range_, text=text)
        if range_ is not None
        else t.TextDocumentContentChangeWholeDocument(text=text)
    )
    client.text_document_did_change(
        t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[event],
        )
    )


def codes(client, uri: str) -> list[str]:
    return [str(d.code) for d in client.diagnostics.get(uri, [])]


def record_publications(client) -> list:
    """Records every publishDiagnostics as (uri, version, codes), beside pytest-lsp's own
    handler, which keeps only the latest list per file."""
    seen = []
    features = client.protocol.fm.features
    original = features[t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    # The registered handler has the client bound already: it takes the params alone.
    def record(params):
        seen.append((params.uri, params.version, [d.code for d in params.diagnostics]))
        return original(params)

    features[t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    return seen
