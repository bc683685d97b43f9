"""Hover, go to definition and type definition (across files and into deps/), references,
document highlight."""

from lsprotocol import types as t

from conftest import open_doc, position_of, uri


def doc_id(u):
    return t.TextDocumentIdentifier(uri=u)


async def test_hover_shows_definition_docs_and_origin(client):
    api, text = open_doc(client, "wit/api.wit")
    hover = await client.text_document_hover_async(
        t.HoverParams(text_document=doc_id(api), position=position_of(text, "product, error", offset_in_needle=2))
    )
    value = hover.contents.value
    assert hover.contents.kind == t.MarkupKind.Markdown
    assert "record product {" in value
    assert "price: u64," in value
    assert "One item of the catalogue." in value
    assert "interface `demo:shop/types@1.2.0`" in value
    # The hovered range is the name.
    assert hover.range.start == position_of(text, "product, error")


async def test_hover_on_alias_and_deprecated_dependency_item(client):
    api, text = open_doc(client, "wit/api.wit")
    hover = await client.text_document_hover_async(
        t.HoverParams(text_document=doc_id(api), position=position_of(text, "key: id", offset_in_needle=5))
    )
    assert "type id = string" in hover.contents.value
    assert "Resolves to `string`" in hover.contents.value
    streams, stext = open_doc(client, "wit/deps/io/streams.wit")
    hover = await client.text_document_hover_async(
        t.HoverParams(text_document=doc_id(streams), position=position_of(stext, "old-stream"))
    )
    assert "@deprecated(version = 0.2.0)" in hover.contents.value


async def test_definition_across_files_and_into_deps(client):
    api, text = open_doc(client, "wit/api.wit")
    found = await client.text_document_definition_async(
        t.DefinitionParams(text_document=doc_id(api), position=position_of(text, "result<product", offset_in_needle=8))
    )
    assert len(found) == 1 and found[0].uri == uri(client, "wit/types.wit")
    types_text = (client.workspace_root / "wit/types.wit").read_text()
    assert found[0].range.start == position_of(types_text, "product {")
    found = await client.text_document_definition_async(
        t.DefinitionParams(text_document=doc_id(api), position=position_of(text, "borrow<output-stream>", offset_in_needle=8))
    )
    assert found[0].uri == uri(client, "wit/deps/io/streams.wit")
    # From the package part of a `use` path: the dependency's `package` line.
    found = await client.text_document_definition_async(
        t.DefinitionParams(text_document=doc_id(api), position=position_of(text, "wasi:io"))
    )
    assert found[0].uri == uri(client, "wit/deps/io/streams.wit")
    assert found[0].range.start.line == 0


async def test_type_definition_of_a_parameter(client):
    api, text = open_doc(client, "wit/api.wit")
    found = await client.text_document_type_definition_async(
        t.TypeDefinitionParams(text_document=doc_id(api), position=position_of(text, "key: id"))
    )
    # `key: id` where `id` is `type id = string`: the alias itself is the type's definition.
    assert found[0].uri == uri(client, "wit/types.wit")


async def test_references_with_and_without_declaration(client):
    types, text = open_doc(client, "wit/types.wit")
    pos = position_of(text, "type id", offset_in_needle=5)
    params = lambda include: t.ReferenceParams(
        text_document=doc_id(types), position=pos, context=t.ReferenceContext(include_declaration=include)
    )
    with_decl = await client.text_document_references_async(params(True))
    without = await client.text_document_references_async(params(False))
    files = sorted({r.uri.rsplit("/", 1)[1] for r in with_decl})
    assert files == ["api.wit", "types.wit"]
    assert len(with_decl) == len(without) + 1
    # In types.wit: `list<id>`, `not-found(id)`, `id: id`; in api.wit: the `use` and two uses.
    assert len(without) == 6


async def test_document_highlight(client):
    api, text = open_doc(client, "wit/api.wit")
    found = await client.text_document_document_highlight_async(
        t.DocumentHighlightParams(text_document=doc_id(api), position=position_of(text, "error}", offset_in_needle=1))
    )
    kinds = [h.kind for h in found]
    assert len(found) == 3  # the `use`, and two `result<_, error>`s
    assert all(k == t.DocumentHighlightKind.Read for k in kinds)
