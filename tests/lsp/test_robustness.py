"""The server never dies: unknown methods, positions out of range, unknown files, garbage
edits, and a flood of changes."""

import asyncio

import pytest
from lsprotocol import types as t
from pygls.exceptions import JsonRpcMethodNotFound

from conftest import change, codes, open_doc, position_of, uri, wait_for


def doc_id(u):
    return t.TextDocumentIdentifier(uri=u)


async def test_unknown_method(client):
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("witty/noSuchThing", {})
    # Still alive.
    api, text = open_doc(client, "wit/api.wit")
    hover = await client.text_document_hover_async(t.HoverParams(text_document=doc_id(api), position=position_of(text, "resource cart", offset_in_needle=9)))
    assert hover is not None


async def test_positions_out_of_range_and_unknown_files(client):
    api, _ = open_doc(client, "wit/api.wit")
    far = t.Position(line=10_000, character=10_000)
    assert await client.text_document_hover_async(t.HoverParams(text_document=doc_id(api), position=far)) is None
    assert await client.text_document_definition_async(t.DefinitionParams(text_document=doc_id(api), position=far)) is None
    wide = t.Position(line=3, character=10_000)
    await client.text_document_completion_async(t.CompletionParams(text_document=doc_id(api), position=wide))
    nowhere = (client.workspace_root / "nowhere.wit").as_uri()
    assert await client.text_document_hover_async(t.HoverParams(text_document=doc_id(nowhere), position=far)) is None
    symbols = await client.text_document_document_symbol_async(t.DocumentSymbolParams(text_document=doc_id(nowhere)))
    assert symbols is None


async def test_garbage_and_a_flood_of_edits(client):
    api, text = open_doc(client, "wit/api.wit")
    garbage = "\x00\x01}}}{{{ package ;;; <<<< %%% " + "list<" * 5000 + "\ufffd🛒"
    change(client, api, 2, None, garbage)
    # Every request on the broken text still answers.
    pos = t.Position(line=0, character=20)
    await client.text_document_hover_async(t.HoverParams(text_document=doc_id(api), position=pos))
    await client.text_document_completion_async(t.CompletionParams(text_document=doc_id(api), position=pos))
    await client.text_document_semantic_tokens_full_async(t.SemanticTokensParams(text_document=doc_id(api)))
    await client.text_document_folding_range_async(t.FoldingRangeParams(text_document=doc_id(api)))
    await wait_for(lambda: len(codes(client, api)) > 0, client)
    # Two hundred edits without waiting: the last one wins.
    for version in range(3, 203):
        change(client, api, version, None, text if version == 202 else text.replace("u64", f"u{version}"))
    await wait_for(lambda: codes(client, api) == [], client)
    requests = [
        client.text_document_hover_async(t.HoverParams(text_document=doc_id(api), position=position_of(text, "resource cart", offset_in_needle=9)))
        for _ in range(20)
    ]
    results = await asyncio.gather(*requests, return_exceptions=True)
    assert all(not isinstance(r, Exception) for r in results)


async def test_a_crash_of_wit_parser_stays_in_its_package(client):
    """wit-parser 0.263 panics on `/**/` before an item: that package gets one error saying so,
    and the quiet moment's other work (here, a stale build of another package) goes on."""
    from test_components import announce, built_shop

    component = built_shop(client)
    announce(client, component)
    crash = client.workspace_root / "crash" / "c.wit"
    crash.parent.mkdir()
    crash.write_text("package a:crash;\n/**/\ninterface i {}\n")
    client.workspace_did_change_watched_files(
        t.DidChangeWatchedFilesParams(
            changes=[t.FileEvent(uri=crash.as_uri(), type=t.FileChangeType.Created)]
        )
    )
    crash_uri = crash.as_uri()
    await wait_for(lambda: "wit-parser-crash" in codes(client, crash_uri), client)
    [d] = [d for d in client.diagnostics[crash_uri] if d.code == "wit-parser-crash"]
    assert "/**/" in d.message and "/* */" in d.message, d.message
    assert (d.range.start.line, d.range.start.character) == (1, 0)
    assert "panicked at" not in d.message

    world_uri, text = open_doc(client, "wit/world.wit")
    edited = text.replace("export catalogue;", "export catalogue;\n  export ping: func() -> u32;")
    change(client, world_uri, 2, None, edited)
    await wait_for(lambda: "component-mismatch" in codes(client, world_uri), client)
    assert "wit-parser-crash" in codes(client, crash_uri)


async def test_ten_thousand_diagnostics_publish_a_bounded_list(client):
    names = "".join(f"  type t = u32;\n" for _ in range(10_000))
    path = client.workspace_root / "many" / "m.wit"
    path.parent.mkdir()
    path.write_text(f"package a:many;\ninterface i {{\n{names}}}\n")
    doc, text = open_doc(client, "many/m.wit")
    await wait_for(lambda: "duplicate-name" in codes(client, doc), client, timeout=30)
    found = client.diagnostics[doc]
    assert len(found) <= 201, len(found)
    [note] = [d for d in found if d.severity == t.DiagnosticSeverity.Information]
    assert "9799 more `duplicate-name`" in note.message, note.message
    # Still answering at once.
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            t.HoverParams(text_document=doc_id(doc), position=t.Position(line=2, character=8))
        ),
        timeout=2,
    )
    assert hover is not None
