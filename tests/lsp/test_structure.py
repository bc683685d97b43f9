"""Document and workspace symbols, semantic tokens (full and delta), folding and selection
ranges, inlay hints."""

from lsprotocol import types as t

from conftest import change, open_doc, position_of


def doc_id(u):
    return t.TextDocumentIdentifier(uri=u)


async def test_document_symbols_are_nested(client):
    api, _ = open_doc(client, "wit/api.wit")
    symbols = await client.text_document_document_symbol_async(t.DocumentSymbolParams(text_document=doc_id(api)))
    package, iface = symbols
    assert package.name == "demo:shop@1.2.0" and package.kind == t.SymbolKind.Package
    assert iface.name == "catalogue" and iface.kind == t.SymbolKind.Interface
    cart = next(c for c in iface.children if c.name == "cart")
    assert cart.kind == t.SymbolKind.Class
    assert [c.name for c in cart.children] == ["constructor", "add", "total"]
    add = cart.children[1]
    assert add.detail == "func(item: id) -> result<_, error>"


async def test_workspace_symbols_fuzzy(client):
    found = await client.workspace_symbol_async(t.WorkspaceSymbolParams(query="strerr"))
    names = [s.name for s in found]
    assert names[0] == "stream-error"
    exact = await client.workspace_symbol_async(t.WorkspaceSymbolParams(query="cart"))
    assert exact[0].name == "cart" and exact[0].container_name == "catalogue"


def decode(data, legend):
    """Absolute (line, start, length, type, modifiers) tuples from LSP's relative integers."""
    out, line, start = [], 0, 0
    for i in range(0, len(data), 5):
        dl, ds, length, ty, mods = data[i : i + 5]
        line += dl
        start = ds if dl else start + ds
        names = [m for b, m in enumerate(legend.token_modifiers) if mods & (1 << b)]
        out.append((line, start, length, legend.token_types[ty], names))
    return out


async def test_semantic_tokens_full_and_delta(client):
    legend = client.init_result.capabilities.semantic_tokens_provider.legend
    api, text = open_doc(client, "wit/api.wit")
    full = await client.text_document_semantic_tokens_full_async(t.SemanticTokensParams(text_document=doc_id(api)))
    tokens = decode(full.data, legend)
    lines = text.split("\n")
    by_text = {lines[l][s : s + n]: (ty, mods) for l, s, n, ty, mods in tokens}
    assert by_text["cart"] == ("class", ["declaration"])
    assert by_text["product"][0] == "struct"
    assert by_text["output-stream"][0] == "class"
    assert by_text["u64"] == ("type", ["defaultLibrary"])
    assert by_text["/// A shopping cart."] == ("comment", ["documentation"])
    edited = text.replace("total: func() -> u64;", "total: func() -> u64;\n  size: func() -> u32;")
    change(client, api, 2, None, edited)
    delta = await client.text_document_semantic_tokens_full_delta_async(
        t.SemanticTokensDeltaParams(text_document=doc_id(api), previous_result_id=full.result_id)
    )
    assert isinstance(delta, t.SemanticTokensDelta)
    assert len(delta.edits) == 1
    data = list(full.data)
    e = delta.edits[0]
    data[e.start : e.start + e.delete_count] = e.data or []
    again = await client.text_document_semantic_tokens_full_async(t.SemanticTokensParams(text_document=doc_id(api)))
    assert data == list(again.data)


async def test_folding_and_selection(client):
    api, text = open_doc(client, "wit/api.wit")
    folds = await client.text_document_folding_range_async(t.FoldingRangeParams(text_document=doc_id(api)))
    cart_line = position_of(text, "resource cart").line
    assert any(f.start_line == cart_line and f.kind == t.FoldingRangeKind.Region for f in folds)
    assert any(f.kind == t.FoldingRangeKind.Imports for f in folds)
    pos = position_of(text, "u64")
    chain = (await client.text_document_selection_range_async(
        t.SelectionRangeParams(text_document=doc_id(api), positions=[pos])
    ))[0]
    sizes = []
    while chain is not None:
        sizes.append(chain.range)
        chain = chain.parent
    assert sizes[0].start == pos and len(sizes) >= 5


async def test_inlay_hints_for_aliases(client):
    types, text = open_doc(client, "wit/types.wit")
    edited = text.replace("type ids = list<id>;", "type ids = list<id>;\n  type code = id;")
    change(client, types, 2, None, edited)
    hints = await client.text_document_inlay_hint_async(
        t.InlayHintParams(
            text_document=doc_id(types),
            range=t.Range(start=t.Position(line=0, character=0), end=t.Position(line=100, character=0)),
        )
    )
    assert [h.label for h in hints] == ["→ string"]
    assert hints[0].position == position_of(edited, "code = id;", offset_in_needle=9)


async def test_syntax_tree_custom_request(client):
    api, _ = open_doc(client, "wit/api.wit")
    tree = await client.protocol.send_request_async("witty/syntaxTree", {"textDocument": {"uri": api}})
    assert tree.startswith("SOURCE_FILE@0..")
    assert 'RESOURCE_KW@' in tree and '"cart"' in tree
