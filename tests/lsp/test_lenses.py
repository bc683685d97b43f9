"""Run and test code lenses on a component built in the test: the lenses appear where a
built component of the world can call the function, and executing them runs `wit run` /
`wit test` in a child process, reported with showMessage and logMessage.
"""

import asyncio
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import WIT, answer_refreshes, init_params, wait_for
from test_components import FIXTURE

MATH = """package demo:calc@0.2.0;

interface math {
  /// Adds two numbers.
  ///
  /// ```wave
  /// add(1, 2) == 3
  /// ```
  add: func(a: s32, b: s32) -> s32;

  /// Nothing, but the example says otherwise.
  ///
  /// ```wave
  /// zero() == 1
  /// ```
  zero: func() -> s32;
}
"""

WORLD = """package demo:calc@0.2.0;

world calculator {
  export math;
  /// The answer.
  export answer: func() -> u32;
  export test-answer: func();
  export spin: func();
  export mul: func(a: u32, b: u32) -> u32;
}
"""

WAT = """(module
  (memory (export "memory") 1)
  (func (export "demo:calc/math@0.2.0#add") (param i32 i32) (result i32)
    local.get 0 local.get 1 i32.add)
  (func (export "demo:calc/math@0.2.0#zero") (result i32) i32.const 0)
  (func (export "answer") (result i32) i32.const 42)
  (func (export "test-answer"))
  (func (export "spin") (loop br 0))
  (func (export "mul") (param i32 i32) (result i32) local.get 0 local.get 1 i32.mul)
)
"""


@pytest.fixture
def calc(tmp_path):
    root = tmp_path / "calc"
    wit = root / "wit"
    wit.mkdir(parents=True)
    (wit / "math.wit").write_text(MATH)
    (wit / "world.wit").write_text(WORLD)
    (root / "calc.wat").write_text(WAT)
    out = root / "target" / "wasm32-wasip2" / "release" / "calc.wasm"
    out.parent.mkdir(parents=True)
    subprocess.run(
        [FIXTURE, str(wit), "--wat", str(root / "calc.wat"), "-o", str(out)], check=True
    )
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[WIT, "lsp"]))
async def lens_client(lsp_client: LanguageClient, calc):
    lsp_client.workspace_root = calc
    answer_refreshes(lsp_client)
    params = init_params(calc, initialization_options={"witty": {"run": {"timeout": 0.5}}})
    await lsp_client.initialize_session(params)
    await wait_for(lambda: len(lsp_client.diagnostics) >= 2, lsp_client)
    yield
    await lsp_client.shutdown_session()


async def lenses(client, relative: str, count: int = 1) -> list[t.CodeLens]:
    """The lenses of a file, once the quiet moment has found `count` of them (or 10 s)."""
    uri = (client.workspace_root / relative).as_uri()
    found = []
    for _ in range(200):
        params = t.CodeLensParams(text_document=t.TextDocumentIdentifier(uri=uri))
        found = await client.text_document_code_lens_async(params) or []
        if len(found) >= count:
            break
        await asyncio.sleep(0.05)
    return found


def by_title(found, title):
    return [lens for lens in found if lens.command.title == title]


def lens_at(found, line: int, title: str = "▶ Run") -> t.CodeLens:
    return next(lens for lens in by_title(found, title) if lens.range.start.line == line)


async def execute(client, lens: t.CodeLens):
    before = len(client.messages)
    result = await client.workspace_execute_command_async(
        t.ExecuteCommandParams(command=lens.command.command, arguments=lens.command.arguments)
    )
    await wait_for(lambda: len(client.messages) > before, client, timeout=60)
    return result, client.messages[-1]


@pytest.mark.asyncio
async def test_lenses_sit_on_the_world_and_its_functions(lens_client):
    world = await lenses(lens_client, "wit/world.wit", 4)
    titles = sorted((lens.range.start.line, lens.command.title) for lens in world)
    assert titles == [
        (2, "▶ Run tests (3)"),
        (5, "▶ Run"),
        (6, "▶ Run"),
        (7, "▶ Run"),
        (8, "▶ Run mul(…)"),
    ], titles
    answer = lens_at(world, 5)
    args = answer.command.arguments[0]
    assert args["export"] == "answer" and args["call"] == "answer()"
    assert args["needsArgs"] is False
    assert args["component"].endswith("calc.wasm")
    mul = lens_at(world, 8, "▶ Run mul(…)")
    assert mul.command.arguments[0]["needsArgs"] is True
    assert mul.command.arguments[0]["call"] == ""

    math = await lenses(lens_client, "wit/math.wit", 4)
    add = [lens for lens in math if lens.range.start.line == 8]
    assert sorted(lens.command.title for lens in add) == ["▶ Run add(1, 2)", "▶ Test (1)"]
    run = lens_at(math, 8, "▶ Run add(1, 2)").command.arguments[0]
    assert run["export"] == "demo:calc/math@0.2.0.add"
    assert run["call"] == "demo:calc/math@0.2.0.add(1, 2)"
    assert run["signature"] == "add: func(a: s32, b: s32) -> s32;"


@pytest.mark.asyncio
async def test_run_lens_calls_the_export(lens_client):
    world = await lenses(lens_client, "wit/world.wit", 4)
    answer = lens_at(world, 5)
    result, message = await execute(lens_client, answer)
    assert message.type == t.MessageType.Info
    assert message.message == "answer() == 42"
    assert result["ok"] is True and result["result"] == "42"
    assert any("answer() == 42" in m.message for m in lens_client.log_messages)

    math = await lenses(lens_client, "wit/math.wit", 4)
    add = lens_at(math, 8, "▶ Run add(1, 2)")
    _, message = await execute(lens_client, add)
    assert message.message == "demo:calc/math@0.2.0.add(1, 2) == 3"


@pytest.mark.asyncio
async def test_a_function_with_parameters_and_no_example_asks_for_them(lens_client):
    world = await lenses(lens_client, "wit/world.wit", 4)
    mul = lens_at(world, 8, "▶ Run mul(…)")
    _, message = await execute(lens_client, mul)
    assert message.type == t.MessageType.Warning
    # One line, with what to do: an example in the docs, or the command for a terminal.
    assert message.message.startswith("`mul` takes arguments ("), message.message
    assert "func(a: u32, b: u32) -> u32)" in message.message, message.message
    assert "\\n" not in message.message and "\n" not in message.message
    assert "wit run " in message.message and "'mul(…)'" in message.message
    # Given arguments (as the VS Code extension asks for them), it runs.
    args = dict(mul.command.arguments[0], call="mul(6, 7)")
    lens = t.CodeLens(range=mul.range, command=t.Command(title="", command="witty.run", arguments=[args]))
    _, message = await execute(lens_client, lens)
    assert message.message == "mul(6, 7) == 42"


@pytest.mark.asyncio
async def test_test_lenses_report_each_case(lens_client):
    world = await lenses(lens_client, "wit/world.wit", 4)
    tests = by_title(world, "▶ Run tests (3)")[0]
    result, message = await execute(lens_client, tests)
    assert message.type == t.MessageType.Error
    assert message.message.startswith("tests: 1 of 3 failed"), message.message
    assert "zero()" in message.message
    assert result["passed"] == 2 and result["failed"] == 1
    log = lens_client.log_messages[-1].message
    assert "FAIL" in log and "zero() == 1" in log and "got 0" in log, log

    math = await lenses(lens_client, "wit/math.wit", 4)
    add = lens_at(math, 8, "▶ Test (1)")
    result, message = await execute(lens_client, add)
    assert message.type == t.MessageType.Info, message.message
    assert result["passed"] == 1 and result["failed"] == 0


@pytest.mark.asyncio
async def test_a_hanging_export_is_stopped_and_the_server_lives_on(lens_client):
    world = await lenses(lens_client, "wit/world.wit", 4)
    spin = lens_at(world, 7)
    _, message = await execute(lens_client, spin)
    assert message.type == t.MessageType.Error
    assert "spin() failed" in message.message and "0.5" in message.message, message.message
    # The server still answers.
    again = await lenses(lens_client, "wit/world.wit", 4)
    assert len(again) == 5


@pytest.mark.asyncio
async def test_no_lenses_without_a_build(lens_client):
    component = lens_client.workspace_root / "target" / "wasm32-wasip2" / "release" / "calc.wasm"
    await lenses(lens_client, "wit/world.wit", 4)
    component.unlink()
    lens_client.workspace_did_change_watched_files(
        t.DidChangeWatchedFilesParams(
            changes=[t.FileEvent(uri=component.as_uri(), type=t.FileChangeType.Deleted)]
        )
    )
    uri = (lens_client.workspace_root / "wit/world.wit").as_uri()
    for _ in range(200):
        found = await lens_client.text_document_code_lens_async(
            t.CodeLensParams(text_document=t.TextDocumentIdentifier(uri=uri))
        )
        if not found:
            break
        await asyncio.sleep(0.05)
    assert not found
    # The client was asked to fetch the lenses again when the build appeared and went.
    assert lens_client.lens_refreshes >= 2
