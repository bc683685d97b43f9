"""Rename (with prepareRename), completion, code actions."""

import pytest
from lsprotocol import types as t
from pygls.exceptions import JsonRpcInvalidParams, JsonRpcException

from conftest import change, codes, open_doc, position_of, uri, wait_for


def doc_id(u):
    return t.TextDocumentIdentifier(uri=u)


def apply(text: str, edits: list[t.TextEdit]) -> str:
    lines = text.split("\n")

    def offset(p: t.Position) -> int:
        return sum(len(l) + 1 for l in lines[: p.line]) + p.character

    for e in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end) :]
    return text


async def test_rename_a_type_across_files(client):
    types, text = open_doc(client, "wit/types.wit")
    pos = position_of(text, "record product", offset_in_needle=9)
    prepared = await client.text_document_prepare_rename_async(
        t.PrepareRenameParams(text_document=doc_id(types), position=pos)
    )
    assert prepared.start == position_of(text, "product {")
    edit = await client.text_document_rename_async(
        t.RenameParams(text_document=doc_id(types), position=pos, new_name="article")
    )
    # VS Code takes versioned `documentChanges`.
    changed = {d.text_document.uri.rsplit("/", 1)[1]: d.edits for d in edit.document_changes}
    assert sorted(changed) == ["api.wit", "types.wit"]
    api_text = (client.workspace_root / "wit/api.wit").read_text()
    renamed = apply(api_text, changed["api.wit"])
    assert "use types.{id, article, error};" in renamed
    assert "result<article, error>" in renamed


async def test_rename_refuses_dependency_items_and_bad_names(client):
    api, text = open_doc(client, "wit/api.wit")
    with pytest.raises(JsonRpcException) as e:
        await client.text_document_prepare_rename_async(
            t.PrepareRenameParams(text_document=doc_id(api), position=position_of(text, "output-stream}"))
        )
    assert "dependency" in str(e.value)
    with pytest.raises(JsonRpcException) as e:
        await client.text_document_rename_async(
            t.RenameParams(text_document=doc_id(api), position=position_of(text, "resource cart", offset_in_needle=9), new_name="record")
        )
    assert "%record" in str(e.value)


async def test_completion_in_a_type_position(client):
    api, text = open_doc(client, "wit/api.wit")
    edited = text.replace("total: func() -> u64;", "total: func() -> ;")
    change(client, api, 2, None, edited)
    result = await client.text_document_completion_async(
        t.CompletionParams(text_document=doc_id(api), position=position_of(edited, "-> ;", offset_in_needle=3))
    )
    labels = [i.label for i in result]
    assert "u64" in labels and "list<T>" in labels
    assert {"id", "product", "error", "output-stream", "cart"} <= set(labels)
    product = next(i for i in result if i.label == "product")
    assert "One item of the catalogue." in product.documentation.value
    assert "record" not in labels  # no keywords where a type goes
    snippet = next(i for i in result if i.label == "list<T>")
    assert snippet.insert_text_format == t.InsertTextFormat.Snippet


async def test_completion_of_use_names_and_paths(client):
    api, text = open_doc(client, "wit/api.wit")
    edited = text.replace("{output-stream}", "{output-stream, }")
    change(client, api, 2, None, edited)
    result = await client.text_document_completion_async(
        t.CompletionParams(text_document=doc_id(api), position=position_of(edited, ", }", offset_in_needle=2))
    )
    assert sorted(i.label for i in result) == ["old-stream", "stream-error"]
    world, wtext = open_doc(client, "wit/world.wit")
    edited = wtext.replace("export catalogue;", "export catalogue;\n  import ")
    change(client, world, 2, None, edited)
    result = await client.text_document_completion_async(
        t.CompletionParams(text_document=doc_id(world), position=position_of(edited, "import \n", offset_in_needle=7))
    )
    labels = [i.label for i in result]
    assert "catalogue" in labels and "types" in labels
    assert "wasi:io/streams@0.2.0" in labels


async def test_quick_fixes(client):
    api, text = open_doc(client, "wit/api.wit")
    edited = text.replace("/// Looking up", "use types as ids;\n\n/// Looking up")
    change(client, api, 2, None, edited)
    await wait_for(lambda: "unused-use" in codes(client, api), client)
    diag = next(d for d in client.diagnostics[api] if str(d.code) == "unused-use")
    actions = await client.text_document_code_action_async(
        t.CodeActionParams(
            text_document=doc_id(api),
            range=diag.range,
            context=t.CodeActionContext(diagnostics=[diag]),
        )
    )
    fix = next(a for a in actions if a.title == "Remove unused `ids`")
    assert fix.kind == t.CodeActionKind.QuickFix
    assert list(fix.diagnostics) == [diag]
    fixed = apply(edited, fix.edit.changes[api])
    assert fixed == text.replace("/// Looking up", "\n/// Looking up")


async def test_import_missing_type(client):
    world, text = open_doc(client, "wit/world.wit")
    edited = text.replace("import log: func(message: string);", "import log: func(message: string, p: product);")
    change(client, world, 2, None, edited)
    await wait_for(lambda: "unresolved-name" in codes(client, world), client)
    diag = client.diagnostics[world][0]
    actions = await client.text_document_code_action_async(
        t.CodeActionParams(text_document=doc_id(world), range=diag.range, context=t.CodeActionContext(diagnostics=[diag]))
    )
    titles = [a.title for a in actions]
    assert "Import `product` from `types`" in titles
    fix = next(a for a in actions if a.title == "Import `product` from `types`")
    fixed = apply(edited, fix.edit.changes[world])
    change(client, world, 3, None, fixed)
    await wait_for(lambda: codes(client, world) == [], client)
