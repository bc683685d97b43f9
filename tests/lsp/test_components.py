"""Built components in the editor: a component that no longer matches its world is flagged on
the world, hover on an interface says which components export it, compose sets are checked,
and `witty/inspectComponent` shows a `.wasm` file as WIT that hover works in.

The components are built in the test by `witty-fixture` (tests/src/bin) from the workspace's
own WIT, so they are real binaries with the shape a toolchain would give them.
"""

import asyncio
import os
import pathlib
import shutil
import subprocess
import sys

import pytest
from lsprotocol import types as t

from conftest import REPO, change, codes, open_doc, position_of, uri, wait_for

FIXTURE = os.environ.get(
    "WITTY_FIXTURE_BIN", str(REPO / "target" / "debug" / "witty-fixture")
)


def build(wit: pathlib.Path, out: pathlib.Path, world: str | None = None) -> pathlib.Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    args = [FIXTURE, str(wit), "-o", str(out)]
    if world:
        args += ["--world", world]
    subprocess.run(args, check=True)
    return out


def announce(client, *paths: pathlib.Path):
    client.workspace_did_change_watched_files(
        t.DidChangeWatchedFilesParams(
            changes=[
                t.FileEvent(uri=p.as_uri(), type=t.FileChangeType.Created) for p in paths
            ]
        )
    )


def built_shop(client) -> pathlib.Path:
    """The shop world built where cargo would put it, found by the default discovery."""
    root = client.workspace_root
    return build(root / "wit", root / "target" / "wasm32-wasip2" / "release" / "shop.wasm")


async def hover_text(client, doc_uri: str, text: str, needle: str, nth: int = 0) -> str:
    hover = await client.text_document_hover_async(
        t.HoverParams(
            text_document=t.TextDocumentIdentifier(uri=doc_uri),
            position=position_of(text, needle, nth, 1),
        )
    )
    assert hover is not None, f"no hover on {needle!r}"
    return hover.contents.value


@pytest.mark.asyncio
async def test_a_stale_build_is_flagged_on_the_world(client):
    component = built_shop(client)
    announce(client, component)
    world_uri, text = open_doc(client, "wit/world.wit")
    # The build matches: nothing to say.
    await wait_for(lambda: world_uri in client.diagnostics, client)
    assert "component-mismatch" not in codes(client, world_uri)

    # A new export the component does not have yet: the build is stale.
    edited = text.replace("export catalogue;", "export catalogue;\n  export ping: func() -> u32;")
    change(client, world_uri, 2, None, edited)
    await wait_for(lambda: "component-mismatch" in codes(client, world_uri), client)
    found = [d for d in client.diagnostics[world_uri] if d.code == "component-mismatch"]
    assert len(found) == 1
    d = found[0]
    assert d.severity == t.DiagnosticSeverity.Warning
    assert "shop.wasm" in d.message and "ping" in d.message, d.message
    assert "rebuild" in d.message
    # The warning sits on the export the component lacks.
    assert d.range.start.line == edited[: edited.index("export ping")].count("\n")

    # Changing the WIT back clears it.
    change(client, world_uri, 3, None, text)
    await wait_for(lambda: "component-mismatch" not in codes(client, world_uri), client)


@pytest.mark.asyncio
async def test_a_toolchains_wasi_imports_are_one_note(client, tmp_path):
    """A toolchain's runtime imports WASI interfaces the world does not list (as
    componentize-py's or wasm32-wasip2's do): one information note on the world, no warning."""
    root = client.workspace_root
    wit = tmp_path / "wit"
    shutil.copytree(root / "wit", wit)
    (wit / "built.wit").write_text(
        "package demo:shop@1.2.0;\n"
        "world python {\n  include shop;\n"
        "  import wasi:cli/environment@0.2.0;\n  import wasi:cli/stdout@0.2.0;\n}\n"
    )
    (wit / "deps" / "cli").mkdir()
    (wit / "deps" / "cli" / "cli.wit").write_text(
        "package wasi:cli@0.2.0;\n"
        "interface environment { get-environment: func() -> list<tuple<string, string>>; }\n"
        "interface stdout {\n  use wasi:io/streams@0.2.0.{output-stream};\n"
        "  get-stdout: func() -> output-stream;\n}\n"
    )
    component = build(wit, root / "target" / "wasm32-wasip2" / "release" / "shop.wasm", "python")
    announce(client, component)
    world_uri, text = open_doc(client, "wit/world.wit")
    await wait_for(lambda: "component-mismatch" in codes(client, world_uri), client)
    found = [d for d in client.diagnostics[world_uri] if d.code == "component-mismatch"]
    assert len(found) == 1, [d.message for d in found]
    (note,) = found
    assert note.severity == t.DiagnosticSeverity.Information
    assert "`wasi:cli@0.2.0` (environment, stdout)" in note.message, note.message
    assert "include wasi:cli/imports@0.2.0;" in note.message
    assert note.range.start == position_of(text, "shop {")


COMPONENTIZE_PY = pathlib.Path(sys.executable).parent / "componentize-py"

GREETER_WIT = """package demo:greeter@0.1.0;

interface names {
  record person { name: string, age: u32 }
  greet: func(p: person) -> string;
}

world greeter {
  import log: func(message: string);
  export names;
  export run: func() -> u32;
}
"""

GREETER_PY = """import wit_world
from wit_world import exports, log


class Names(exports.Names):
    def greet(self, p: exports.names.Person) -> str:
        log(f"greeting {p.name}")
        return f"Hello, {p.name}!"


class WitWorld(wit_world.WitWorld):
    def run(self) -> int:
        return 42
"""


@pytest.mark.asyncio
async def test_a_componentize_py_build(client):
    """A real toolchain's build: componentize-py's runtime imports some 25 WASI interfaces
    and exports one of its own; that is one note on the world. An edit that breaks the build
    is a warning on the line of the export concerned."""
    root = client.workspace_root
    package = root / "greeter"
    (package / "wit").mkdir(parents=True)
    world = package / "wit" / "world.wit"
    world.write_text(GREETER_WIT)
    (package / "app.py").write_text(GREETER_PY)
    component = root / "dist" / "greeter.wasm"
    component.parent.mkdir()
    subprocess.run(
        [str(COMPONENTIZE_PY), "-d", "wit", "-w", "greeter", "componentize", "app", "-o", str(component)],
        cwd=package,
        check=True,
        capture_output=True,
    )
    announce(client, world, component)
    world_uri, text = open_doc(client, "greeter/wit/world.wit")
    await wait_for(lambda: "component-mismatch" in codes(client, world_uri), client, timeout=60)
    (note,) = [d for d in client.diagnostics[world_uri] if d.code == "component-mismatch"]
    assert note.severity == t.DiagnosticSeverity.Information
    assert note.range.start == position_of(text, "greeter {")
    assert "`wasi:cli@0.2" in note.message and "include wasi:cli/imports@0.2" in note.message, note.message

    edited = text.replace("export run: func() -> u32;", "export run: func() -> u64;")
    change(client, world_uri, 2, None, edited)
    await wait_for(
        lambda: any(
            d.severity == t.DiagnosticSeverity.Warning
            for d in client.diagnostics[world_uri]
            if d.code == "component-mismatch"
        ),
        client,
        timeout=60,
    )
    (warning,) = [
        d
        for d in client.diagnostics[world_uri]
        if d.code == "component-mismatch" and d.severity == t.DiagnosticSeverity.Warning
    ]
    assert "export run > result: expected u64, found u32" in warning.message, warning.message
    assert warning.range.start == position_of(edited, "run: func() -> u64")


@pytest.mark.asyncio
async def test_a_changed_signature_names_the_member(client):
    component = built_shop(client)
    announce(client, component)
    api_uri, text = open_doc(client, "wit/api.wit")
    edited = text.replace("total: func() -> u64;", "total: func() -> u32;")
    change(client, api_uri, 2, None, edited)
    world_uri = uri(client, "wit/world.wit")
    await wait_for(lambda: "component-mismatch" in codes(client, world_uri), client)
    messages = [d.message for d in client.diagnostics[world_uri] if d.code == "component-mismatch"]
    assert any("total" in m and "u32" in m and "u64" in m for m in messages), messages


@pytest.mark.asyncio
async def test_hover_on_an_import_names_the_components_exporting_it(client):
    root = client.workspace_root
    # A component exporting the interface the shop imports, at a compatible patch version.
    provider = root / "providers" / "streams.wit"
    provider.parent.mkdir()
    provider.write_text(
        "package wasi:io@0.2.3;\n"
        "interface streams {\n  resource output-stream;\n}\n"
        "world io { export streams; }\n"
    )
    component = build(provider, root / "dist" / "io-impl.wasm")
    announce(client, component)
    world_uri, text = open_doc(client, "wit/world.wit")

    # The components are read at the first quiet moment after the change.
    for _ in range(200):
        value = await hover_text(client, world_uri, text, "streams@0.2.0")
        if "Exported by" in value:
            break
        await asyncio.sleep(0.05)
    assert "Exported by" in value, value
    assert "`io-impl.wasm` as `wasi:io/streams@0.2.3`" in value
    assert "compatible" in value


@pytest.mark.asyncio
async def test_hover_on_a_named_import_names_the_components_exporting_it(client):
    root = client.workspace_root
    provider = root / "providers" / "logger.wit"
    provider.parent.mkdir()
    provider.write_text("package demo:logger;\nworld logger { export log: func(message: string); }\n")
    component = build(provider, root / "dist" / "logger.wasm")
    announce(client, component)
    world_uri, text = open_doc(client, "wit/world.wit")
    for _ in range(200):
        value = await hover_text(client, world_uri, text, "log:")
        if "Exported by" in value:
            break
        await asyncio.sleep(0.05)
    assert "`logger.wasm` as `log`" in value, value


@pytest.mark.asyncio
async def test_compose_sets_report_plugs_that_do_not_fit(client):
    root = client.workspace_root
    socket = built_shop(client)
    bad = root / "plugs" / "streams.wit"
    bad.parent.mkdir()
    bad.write_text(
        "package wasi:io@0.3.0;\n"
        "interface streams {\n  resource output-stream;\n}\n"
        "world io { export streams; }\n"
    )
    plug = build(bad, root / "plugs" / "io.wasm")
    client.workspace_did_change_configuration(
        t.DidChangeConfigurationParams(
            settings={
                "witty": {
                    "compose": [
                        {"socket": str(socket.relative_to(root)), "plugs": ["plugs/io.wasm"]}
                    ]
                }
            }
        )
    )
    announce(client, socket, plug)
    world_uri = uri(client, "wit/world.wit")
    await wait_for(lambda: "composition" in codes(client, world_uri), client)
    d = next(d for d in client.diagnostics[world_uri] if d.code == "composition")
    assert "io.wasm" in d.message and "wasi:io/streams@0.2.0" in d.message, d.message
    text = (root / "wit" / "world.wit").read_text()
    assert d.range.start.line == text[: text.index("import wasi:io")].count("\n")


@pytest.mark.asyncio
async def test_inspect_component_shows_wit_that_hover_works_in(client):
    component = built_shop(client)
    answer = await client.protocol.send_request_async(
        "witty/inspectComponent", {"uri": component.as_uri()}
    )
    wit = answer.wit
    assert "export demo:shop/catalogue@1.2.0;" in wit, wit
    assert "resource cart" in wit

    # The editor shows it as a read-only document of its own scheme; the server analyses it.
    virtual = "witty-component:" + component.as_posix() + ".wit"
    client.text_document_did_open(
        t.DidOpenTextDocumentParams(
            text_document=t.TextDocumentItem(uri=virtual, language_id="wit", version=1, text=wit)
        )
    )
    await wait_for(lambda: virtual in client.diagnostics, client)
    assert list(client.diagnostics[virtual]) == [], client.diagnostics[virtual]
    value = await hover_text(client, virtual, wit, "cart")
    assert "resource cart" in value, value
    definition = await client.text_document_definition_async(
        t.DefinitionParams(
            text_document=t.TextDocumentIdentifier(uri=virtual),
            position=position_of(wit, "catalogue@1.2.0", 0, 1),
        )
    )
    assert definition, "no definition in the component's WIT"
    targets = definition if isinstance(definition, list) else [definition]
    assert all(getattr(x, "uri", getattr(x, "target_uri", None)) == virtual for x in targets)


@pytest.mark.asyncio
async def test_inspect_component_refuses_what_is_not_a_component(client):
    root = client.workspace_root
    garbage = root / "garbage.wasm"
    garbage.write_bytes(b"\0asm\x01\0\0\0garbage")
    with pytest.raises(Exception) as error:
        await client.protocol.send_request_async(
            "witty/inspectComponent", {"uri": garbage.as_uri()}
        )
    assert "garbage.wasm" in str(error.value)


@pytest.mark.asyncio
async def test_settings_naming_missing_files_are_reported(client):
    client.workspace_did_change_configuration(
        t.DidChangeConfigurationParams(
            settings={
                "witty": {
                    "components": ["build/[oops"],
                    "compose": [{"socket": "nowhere/socket.wasm", "plugs": []}],
                }
            }
        )
    )
    await wait_for(lambda: len(client.messages) >= 2, client)
    said = [m.message for m in client.messages if m.type == t.MessageType.Warning]
    assert any("`build/[oops` is not a glob" in m for m in said), said
    # The socket is not found because the glob is broken, but the compose set is still read.
    assert any("nowhere/socket.wasm" in m and "witty.compose" in m for m in said), said
