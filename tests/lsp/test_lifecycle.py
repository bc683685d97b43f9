"""Start, capabilities, first diagnostics, clean exit; a client that offers UTF-8."""

import sys

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import WIT, init_params, wait_for


async def test_capabilities_and_first_diagnostics(client):
    caps = client.init_result.capabilities
    assert caps.position_encoding == "utf-16"
    assert caps.hover_provider and caps.definition_provider and caps.rename_provider
    assert caps.semantic_tokens_provider.full.delta is True
    assert client.init_result.server_info.name == "witty"
    # Every file of the package and of deps/ got a (clean) publication.
    names = sorted(u.rsplit("/", 1)[1] for u in client.diagnostics)
    assert names == ["api.wit", "streams.wit", "types.wit", "world.wit"]
    assert all(list(d) == [] for d in client.diagnostics.values())


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[WIT, "lsp"]))
async def neovim_client(lsp_client: LanguageClient, workspace):
    lsp_client.workspace_root = workspace
    lsp_client.init_result = await lsp_client.initialize_session(
        init_params(workspace, client="neovim")
    )
    await wait_for(lambda: len(lsp_client.diagnostics) >= 4, lsp_client)
    yield
    await lsp_client.shutdown_session()


async def test_utf8_when_offered(neovim_client):
    # Neovim 0.11 offers utf-8 (and utf-16, utf-32); the server picks utf-8.
    assert neovim_client.init_result.capabilities.position_encoding == "utf-8"


async def test_shutdown_then_exit_ends_the_process(lsp_client_factory=None):
    """Run the binary by hand: `shutdown` then `exit` must end it with status 0."""
    import asyncio
    import json

    proc = await asyncio.create_subprocess_exec(
        WIT, "lsp", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE
    )

    def frame(obj):
        body = json.dumps(obj).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    proc.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))
    proc.stdin.write(frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}))
    proc.stdin.write(frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    proc.stdin.write(frame({"jsonrpc": "2.0", "method": "exit"}))
    await proc.stdin.drain()
    code = await asyncio.wait_for(proc.wait(), timeout=10)
    assert code == 0
