"""Quick fixes that run a dependency tool: a `wkg.lock` pins `wasi:cli`, which `deps/` lacks.
With `wkg` on the server's PATH (here a stand-in the test writes: it reads `wkg.lock` and
writes `wit/deps/<ns>-<name>-<version>/package.wit` as `wkg wit fetch` does, or fails as wkg
does on a package its registry lacks), the server offers to run `wkg wit fetch`, runs it
through `workspace/executeCommand`, says what it ran and how it went, and loads the packages
again. Without `wkg` on PATH it offers nothing and says how to install it."""

import ast
import os
import pathlib
import sys
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import WIT, codes, init_params, wait_for
from test_dependencies import LOCK, not_fetched, write_project

# What the stand-in registry knows: a package's WIT by `ns:name@version`.
REGISTRY = {
    "wasi:cli@0.2.0": "package wasi:cli@0.2.0;\n\ninterface run {\n  run: func();\n}\n",
    "wasi:io@0.2.0": "package wasi:io@0.2.0;\n\ninterface streams {\n  resource input-stream;\n}\n",
}

FAKE_WKG = f"""#!{sys.executable}
# A stand-in for `wkg wit fetch` (wkg 0.16): run beside `wkg.lock`, it writes each locked
# package into `wit/deps/<ns>-<name>-<version>/package.wit`, replacing `wit/deps`.
import os, re, shutil, sys
REGISTRY = {REGISTRY!r}
if sys.argv[1:] != ["wit", "fetch"]:
    sys.exit("error: unexpected arguments " + repr(sys.argv[1:]))
lock = open("wkg.lock").read()
found = re.findall(r'name = "([^"]+)"(?:.|\\n)*?version = "([^"]+)"', lock)
for name, version in found:
    if name + "@" + version not in REGISTRY:
        sys.stderr.write("Fetching " + name + "\\n")
        sys.exit("Error: failed to resolve dependencies\\n\\nCaused by:\\n    package `" + name + "` not found in registry wasi.dev")
shutil.rmtree("wit/deps", ignore_errors=True)
for name, version in found:
    folder = os.path.join("wit", "deps", name.replace(":", "-") + "-" + version)
    os.makedirs(folder)
    with open(os.path.join(folder, "package.wit"), "w") as f:
        f.write(REGISTRY[name + "@" + version])
    sys.stderr.write("Fetched " + name + "@" + version + "\\n")
"""

# The server's PATH: a folder holding only the stand-in `wkg`, or an empty one.
WITH_WKG = pathlib.Path(tempfile.mkdtemp(prefix="witty-bin-"))
(WITH_WKG / "wkg").write_text(FAKE_WKG)
(WITH_WKG / "wkg").chmod(0o755)
WITHOUT_WKG = pathlib.Path(tempfile.mkdtemp(prefix="witty-nobin-"))


def server_env(path: pathlib.Path) -> dict:
    env = dict(os.environ)
    env["PATH"] = str(path)
    return env


async def start(client: LanguageClient, workspace):
    client.workspace_root = workspace
    client.init_result = await client.initialize_session(init_params(workspace))
    await wait_for(lambda: len(client.diagnostics) >= 4, client)


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[WIT, "lsp"], server_env=server_env(WITH_WKG))
)
async def with_wkg(lsp_client: LanguageClient, workspace):
    await start(lsp_client, workspace)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[WIT, "lsp"], server_env=server_env(WITHOUT_WKG))
)
async def without_wkg(lsp_client: LanguageClient, workspace):
    await start(lsp_client, workspace)
    yield
    await lsp_client.shutdown_session()


async def actions(client, world, d):
    return await client.text_document_code_action_async(
        t.CodeActionParams(
            text_document=t.TextDocumentIdentifier(uri=world.as_uri()),
            range=d.range,
            context=t.CodeActionContext(diagnostics=[d]),
        )
    )


def tool_actions(found):
    """The actions that run a tool, as `{title, command, arguments}`. lsprotocol 2025.0.0 reads
    any code action that has a `command` as a `Command`, with the action's `command` object
    turned into a string (its `_code_action_hook`): that string is read back here."""
    out = []
    for a in found or []:
        if isinstance(a, t.Command) and a.command.startswith("{"):
            a = ast.literal_eval(a.command)
        elif isinstance(a, t.CodeAction) and a.command is not None:
            a = {"title": a.title, "command": a.command.command, "arguments": a.command.arguments}
        else:
            continue
        if a["command"] == "witty.runDependencyTool":
            out.append(a)
    return out


@pytest.mark.asyncio
async def test_the_fix_runs_wkg_and_the_package_resolves(with_wkg):
    client = with_wkg
    proj = write_project(client.workspace_root)
    world, d = await not_fetched(client, proj)
    [action] = tool_actions(await actions(client, world, d))
    assert action["title"] == f"Run `wkg wit fetch` in {proj}", action["title"]
    assert action["arguments"] == [{"tool": "wkg", "args": ["wit", "fetch"], "cwd": str(proj)}]

    answer = await client.workspace_execute_command_async(
        t.ExecuteCommandParams(command=action["command"], arguments=action["arguments"])
    )
    assert answer["started"] == "wkg wit fetch"
    await wait_for(lambda: any("succeeded" in m.message for m in client.messages), client)
    [shown] = [m for m in client.messages if "wkg wit fetch" in m.message]
    assert shown.type == t.MessageType.Info
    assert shown.message.startswith(f"witty ran `wkg wit fetch` in {proj}: it succeeded in ")
    assert any("Fetched wasi:cli@0.2.0" in m.message for m in client.log_messages)
    assert (proj / "wit" / "deps" / "wasi-cli-0.2.0" / "package.wit").is_file()
    # The server loads the package again: `wasi:cli` resolves, with no event from the client.
    await wait_for(lambda: codes(client, world.as_uri()) == [], client)


@pytest.mark.asyncio
async def test_a_failing_fetch_shows_the_end_of_its_stderr(with_wkg):
    client = with_wkg
    proj = write_project(client.workspace_root)
    (proj / "wkg.lock").write_text(LOCK.replace('"wasi:cli"', '"wasi:nowhere"'))
    (proj / "wit" / "world.wit").write_text(
        "package my:app;\n\nworld app {\n  import wasi:io/streams@0.2.0;\n  import wasi:nowhere/run@0.2.0;\n}\n"
    )
    world, d = await not_fetched(client, proj)
    [action] = tool_actions(await actions(client, world, d))
    await client.workspace_execute_command_async(
        t.ExecuteCommandParams(command=action["command"], arguments=action["arguments"])
    )
    await wait_for(lambda: any("failed" in m.message for m in client.messages), client)
    [shown] = [m for m in client.messages if "wkg wit fetch" in m.message]
    assert shown.type == t.MessageType.Error
    assert "it failed (exit status: 1)" in shown.message, shown.message
    assert "package `wasi:nowhere` not found in registry wasi.dev" in shown.message
    # Nothing was written, and the problem stays.
    assert not (proj / "wit" / "deps" / "wasi-nowhere-0.2.0").exists()
    assert "dependency-not-fetched" in codes(client, world.as_uri())


@pytest.mark.asyncio
async def test_without_wkg_on_path_nothing_is_offered(without_wkg):
    client = without_wkg
    proj = write_project(client.workspace_root)
    world, d = await not_fetched(client, proj)
    assert tool_actions(await actions(client, world, d)) == []
    # The message still says what to run and how to get the tool.
    assert "run `wkg wit fetch`" in d.message and "cargo install wkg" in d.message, d.message
    # Asked anyway (a stale action), the server says why it ran nothing.
    answer = await client.workspace_execute_command_async(
        t.ExecuteCommandParams(
            command="witty.runDependencyTool",
            arguments=[{"tool": "wkg", "args": ["wit", "fetch"], "cwd": str(proj)}],
        )
    )
    assert answer is None
    await wait_for(lambda: any("not installed" in m.message for m in client.messages), client)
    assert not (proj / "wit" / "deps" / "wasi-cli-0.2.0").exists()


@pytest.mark.asyncio
async def test_only_the_tools_own_commands_run(with_wkg):
    client = with_wkg
    with pytest.raises(Exception, match="not a command witty runs"):
        await client.workspace_execute_command_async(
            t.ExecuteCommandParams(
                command="witty.runDependencyTool",
                arguments=[
                    {"tool": "wkg", "args": ["publish"], "cwd": str(client.workspace_root)}
                ],
            )
        )
