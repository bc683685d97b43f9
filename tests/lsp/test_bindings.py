"""`witty/bindings` and the hover's bindings section: the real wit-bindgen generators' output
for the workspace's world, an error at `file:line:col` for a package that has one, and "In
Rust:" (or the language set) in hovers only when the client asks for it."""

import pytest
import pytest_lsp
from lsprotocol import types as t
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import WIT, change, init_params, open_doc, position_of, wait_for
from test_dependencies import plain


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[WIT, "lsp"]))
async def rust_client(lsp_client: LanguageClient, workspace):
    lsp_client.workspace_root = workspace
    options = {"witty": {"bindings": {"hoverLanguage": "rust"}}}
    await lsp_client.initialize_session(init_params(workspace, initialization_options=options))
    await wait_for(lambda: len(lsp_client.diagnostics) >= 4, lsp_client)
    yield
    await lsp_client.shutdown_session()


async def bindings(client, relative: str, lang: str, **extra):
    uri = (client.workspace_root / relative).as_uri()
    answer = await client.protocol.send_request_async(
        "witty/bindings", {"uri": uri, "lang": lang, **extra}
    )
    return plain(answer)


async def hover_text(client, relative: str, needle: str, offset: int = 0) -> str:
    uri, text = open_doc(client, relative)
    found = await client.text_document_hover_async(
        t.HoverParams(
            text_document=t.TextDocumentIdentifier(uri=uri),
            position=position_of(text, needle, offset_in_needle=offset),
        )
    )
    return found.contents.value


@pytest.mark.asyncio
async def test_bindings_are_the_generators_files_for_the_world(client):
    rust = await bindings(client, "wit/api.wit", "rust")
    assert rust["world"] == "demo:shop/shop@1.2.0"
    assert rust["generator"] == "wit-bindgen 0.63.0"
    [file] = rust["files"]
    assert file["name"] == "shop.rs"
    assert "pub struct Product {" in file["text"]
    assert "fn get(key: Id) -> ::core::result::Result<Product, Error>;" in file["text"]
    c = await bindings(client, "wit/world.wit", "c", world="shop")
    names = [f["name"] for f in c["files"]]
    assert names == ["shop.c", "shop.h", "shop_component_type.o"]
    assert c["files"][2]["text"] is None and c["files"][2]["bytes"] > 0


@pytest.mark.asyncio
async def test_no_bindings_for_a_package_with_an_error_nor_an_unknown_language(client):
    with pytest.raises(Exception, match="cobol"):
        await bindings(client, "wit/api.wit", "cobol")
    uri, text = open_doc(client, "wit/types.wit")
    at = position_of(text, "price: u64")
    change(client, uri, 2, t.Range(start=at, end=at), "cost: nothing, ")
    await wait_for(lambda: "unresolved-name" in [str(d.code) for d in client.diagnostics.get(uri, [])], client)
    with pytest.raises(Exception, match=r"types\.wit:\d+:\d+: .*nothing"):
        await bindings(client, "wit/api.wit", "rust")


@pytest.mark.asyncio
async def test_hover_adds_what_rust_makes_of_a_type_a_function_and_an_interface(rust_client):
    product = await hover_text(rust_client, "wit/types.wit", "record product", len("record "))
    assert "In Rust:" in product
    assert "pub struct Product {\n    /// Its id.\n    pub id: Id," in product
    get = await hover_text(rust_client, "wit/api.wit", "get: func")
    assert "In Rust:\n\n```rust\nfn get(key: Id) -> ::core::result::Result<Product, Error>;\n```" in get
    iface = await hover_text(rust_client, "wit/world.wit", "export catalogue", len("export "))
    assert "mod exports::demo::shop::catalogue" in iface


@pytest.mark.asyncio
async def test_the_hover_language_follows_the_settings_and_is_off_by_default(client, rust_client):
    plain_hover = await hover_text(client, "wit/types.wit", "record product", len("record "))
    assert "In Rust" not in plain_hover
    rust_client.workspace_did_change_configuration(
        t.DidChangeConfigurationParams(settings={"witty": {"bindings": {"hoverLanguage": "c"}}})
    )
    in_c = await hover_text(rust_client, "wit/types.wit", "record product", len("record "))
    assert "In C:" in in_c
    assert "demo_shop_types_product_t" in in_c
