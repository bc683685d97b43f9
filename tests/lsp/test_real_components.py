"""The run, test and serve lenses on components built by real toolchains (componentize-py)
from tests/components by scripts/build_components.py: a Python guest of records, variants
and a resource, and a Python HTTP handler served from its world.

Outside scripts/test a component that was never built skips its test; under scripts/test
(`$WITTY_TEST_COMPONENTS` set) it fails.
"""

import asyncio
import os
import pathlib
import shutil
import socket
import urllib.error
import urllib.request

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import REPO, WIT, answer_refreshes, init_params, wait_for
from test_lenses import by_title, execute, lenses

BUILT = os.environ.get("WITTY_TEST_COMPONENTS")


def built(name: str):
    """`NAME.wasm` and the WIT it was built from (with its wit/deps), as the build left them."""
    folder = REPO / "target" / "test-components" if BUILT is None else pathlib.Path(BUILT)
    wasm, wit = folder / f"{name}.wasm", folder / "src" / name / "wit"
    if not wasm.exists():
        if BUILT is not None:
            pytest.fail(f"{wasm} is missing although WITTY_TEST_COMPONENTS is set")
        pytest.skip(f"{wasm} was not built (scripts/test builds it with scripts/build_components.py)")
    return wasm, wit


def project(tmp_path, name: str):
    """A workspace of the component's WIT, its build where cargo would put it."""
    wasm, wit = built(name)
    root = tmp_path / name
    shutil.copytree(wit, root / "wit")
    out = root / "target" / "wasm32-wasip2" / "release" / f"{name}.wasm"
    out.parent.mkdir(parents=True)
    shutil.copyfile(wasm, out)
    return root


async def start(client: LanguageClient, root):
    client.workspace_root = root
    answer_refreshes(client)
    # A cold compile of an 18 MB component in a debug build takes a while.
    params = init_params(root, initialization_options={"witty": {"run": {"timeout": 60}}})
    await client.initialize_session(params)
    await wait_for(lambda: len(client.diagnostics) >= 1, client)


@pytest.fixture
def shapes(tmp_path):
    return project(tmp_path, "shapes")


@pytest.fixture
def web(tmp_path):
    return project(tmp_path, "web")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[WIT, "lsp"]))
async def shapes_client(lsp_client: LanguageClient, shapes):
    await start(lsp_client, shapes)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[WIT, "lsp"]))
async def web_client(lsp_client: LanguageClient, web):
    await start(lsp_client, web)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_run_and_test_lenses_on_a_python_guest(shapes_client):
    found = await lenses(shapes_client, "wit/world.wit", 8)
    titles = sorted(lens.command.title for lens in found)
    assert "▶ Run greet(\"wit\")" in titles, titles
    assert "▶ Run step({x: 0, y: 0}, north)" in titles, titles
    greet = by_title(found, "▶ Run greet(\"wit\")")[0]
    result, message = await execute(shapes_client, greet)
    assert message.type == t.MessageType.Info, message.message
    assert message.message == 'greet("wit") == "hello, wit"'
    describe = by_title(found, "▶ Run describe(circle(2))")[0]
    _, message = await execute(shapes_client, describe)
    assert message.message.endswith('describe(circle(2)) == ok("circle of radius 2")'), message.message

    every = [lens for lens in found if lens.command.title.startswith("▶ Run tests (")][0]
    assert every.command.title == "▶ Run tests (10)", every.command.title
    result, message = await execute(shapes_client, every)
    assert message.type == t.MessageType.Info, message.message
    assert result["passed"] == 10 and result["failed"] == 0, result


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.read().decode()


async def serve_lens(client) -> t.CodeLens:
    found = await lenses(client, "wit/world.wit", 1)
    serve = [lens for lens in found if lens.command.command == "witty.serve"]
    assert len(serve) == 1, [lens.command.title for lens in found]
    return serve[0]


def with_addr(lens: t.CodeLens, addr: str) -> t.CodeLens:
    args = dict(lens.command.arguments[0], addr=addr)
    command = t.Command(title=lens.command.title, command=lens.command.command, arguments=[args])
    return t.CodeLens(range=lens.range, command=command)


@pytest.mark.asyncio
async def test_the_serve_lens_starts_says_where_and_stops(web_client):
    lens = await serve_lens(web_client)
    assert lens.command.title == "▶ Serve"
    assert lens.range.start.line == 3  # `world web {`
    assert lens.command.arguments[0]["addr"] == "127.0.0.1:8080"

    result, message = await execute(web_client, with_addr(lens, "127.0.0.1:0"))
    url = result["serving"]
    assert url.startswith("http://127.0.0.1:"), result
    assert message.type == t.MessageType.Info and message.message.endswith(f"at {url}"), message
    assert web_client.lens_refreshes >= 1
    lens = await serve_lens(web_client)
    assert lens.command.title == f"■ Stop serving {url}"

    body = await asyncio.to_thread(get, f"{url}/from/the/editor")
    assert body == "hello from python: GET /from/the/editor (0 bytes)\n"

    result, message = await execute(web_client, lens)
    assert result == {"stopped": url}
    assert message.message == f"stopped serving {url}"
    with pytest.raises(urllib.error.URLError):
        await asyncio.to_thread(get, url)
    assert (await serve_lens(web_client)).command.title == "▶ Serve"


@pytest.mark.asyncio
async def test_a_port_in_use_is_said(web_client):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    addr = "127.0.0.1:%d" % taken.getsockname()[1]
    try:
        lens = await serve_lens(web_client)
        result, message = await execute(web_client, with_addr(lens, addr))
    finally:
        taken.close()
    assert result is None
    assert message.type == t.MessageType.Error
    assert f"cannot listen on {addr}" in message.message, message.message
    assert "--addr" in message.message, message.message
    assert (await serve_lens(web_client)).command.title == "▶ Serve"


@pytest.mark.asyncio
async def test_closing_the_document_stops_the_server(web_client):
    lens = await serve_lens(web_client)
    world = web_client.workspace_root / "wit" / "world.wit"
    web_client.text_document_did_open(
        t.DidOpenTextDocumentParams(
            text_document=t.TextDocumentItem(
                uri=world.as_uri(), language_id="wit", version=1, text=world.read_text()
            )
        )
    )
    result, _ = await execute(web_client, with_addr(lens, "127.0.0.1:0"))
    url = result["serving"]
    assert (await asyncio.to_thread(get, url)).startswith("hello from python")
    web_client.text_document_did_close(
        t.DidCloseTextDocumentParams(text_document=t.TextDocumentIdentifier(uri=world.as_uri()))
    )

    def refused() -> bool:
        try:
            get(url)
        except OSError:  # refused, or reset by a server that was stopping
            return True
        return False

    for _ in range(100):
        if await asyncio.to_thread(refused):
            break
        await asyncio.sleep(0.1)
    assert await asyncio.to_thread(refused)
