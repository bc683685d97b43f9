"""Answers shaped for what each client says it can take: plain-text hovers for a client that
prefers them (Eglot without markdown-mode), completions without snippets, versioned
`documentChanges` or plain `changes`, rename refusals as sentences. And the Helix and Zed
configurations in editors/: they name this server, for WIT files, and the command they give
starts it."""

import pathlib
import tomllib

import pytest
import pytest_lsp
from lsprotocol import types as t
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import REPO, WIT, change, open_doc, position_of, wait_for

EDITORS = REPO / "editors"


def caps(*, markdown=True, snippets=True, document_changes=True) -> t.ClientCapabilities:
    """A client's capabilities with the three choices these tests vary, as Eglot 1.9 sends
    them (Eglot offers plain text when markdown-mode is missing, snippets with yasnippet)."""
    return t.ClientCapabilities(
        workspace=t.WorkspaceClientCapabilities(
            workspace_edit=t.WorkspaceEditClientCapabilities(document_changes=document_changes),
            workspace_folders=True,
        ),
        text_document=t.TextDocumentClientCapabilities(
            hover=t.HoverClientCapabilities(
                content_format=[t.MarkupKind.Markdown, t.MarkupKind.PlainText]
                if markdown
                else [t.MarkupKind.PlainText]
            ),
            completion=t.CompletionClientCapabilities(
                completion_item=t.ClientCompletionItemOptions(
                    snippet_support=snippets,
                    documentation_format=[t.MarkupKind.Markdown, t.MarkupKind.PlainText]
                    if markdown
                    else None,
                )
            ),
        ),
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[WIT, "lsp"]))
async def raw(lsp_client: LanguageClient, workspace):
    """A client that initializes in each test, with that test's capabilities."""
    lsp_client.workspace_root = workspace
    yield
    await lsp_client.shutdown_session()


async def start(client, capabilities: t.ClientCapabilities):
    root = client.workspace_root
    await client.initialize_session(
        t.InitializeParams(
            capabilities=capabilities,
            workspace_folders=[t.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        )
    )
    await wait_for(lambda: len(client.diagnostics) >= 4, client)


def doc_id(u):
    return t.TextDocumentIdentifier(uri=u)


async def complete_in_api(client, capabilities, old: str, new: str, cursor_after: str):
    """Completion in wit/api.wit with `old` replaced by `new`, the cursor after `cursor_after`."""
    await start(client, capabilities)
    api, text = open_doc(client, "wit/api.wit")
    edited = text.replace(old, new)
    change(client, api, 2, None, edited)
    return await client.text_document_completion_async(
        t.CompletionParams(
            text_document=doc_id(api),
            position=position_of(edited, cursor_after, offset_in_needle=len(cursor_after)),
        )
    )


async def test_hover_leads_with_signature_and_docs_in_markdown(raw):
    await start(raw, caps())
    api, text = open_doc(raw, "wit/api.wit")
    hover = await raw.text_document_hover_async(
        t.HoverParams(text_document=doc_id(api), position=position_of(text, "product, error", offset_in_needle=2))
    )
    assert hover.contents.kind == t.MarkupKind.Markdown
    assert hover.contents.value.startswith("```wit\nrecord product\n```\n\nOne item of the catalogue.\n\n---\n\n")


async def test_hover_in_plain_text_for_a_client_that_prefers_it(raw):
    await start(raw, caps(markdown=False))
    api, text = open_doc(raw, "wit/api.wit")
    hover = await raw.text_document_hover_async(
        t.HoverParams(text_document=doc_id(api), position=position_of(text, "get: func", offset_in_needle=1))
    )
    assert hover.contents.kind == t.MarkupKind.PlainText
    value = hover.contents.value
    # What an echo area of two lines shows: the signature, then the doc comment.
    assert value.split("\n")[:3] == [
        "get: func(key: id) -> result<product, error>",
        "",
        "Finds a product by id.",
    ]
    assert "```" not in value and "`" not in value.split("\n\n")[2]


async def test_completion_ranks_own_types_first_and_builtins_as_keywords(raw):
    items = await complete_in_api(raw, caps(snippets=False), "-> u64;", "-> option<;", "option<")
    ranked = [i.label for i in sorted(items, key=lambda i: i.sort_text)]
    own = {"id", "product", "error", "output-stream", "cart"}
    assert set(ranked[: len(own)]) == own, ranked
    by_label = {i.label: i for i in items}
    assert by_label["u32"].kind == t.CompletionItemKind.Keyword
    assert by_label["product"].kind == t.CompletionItemKind.Struct
    assert by_label["id"].kind == t.CompletionItemKind.Struct  # an alias
    # Without snippet support: plain text, and a type with parameters inserts only its name.
    result = by_label["result<T, E>"]
    assert result.insert_text_format == t.InsertTextFormat.PlainText
    assert result.text_edit.new_text == "result"


async def test_completion_docs_in_plain_text_for_a_client_that_names_no_markdown(raw):
    items = await complete_in_api(raw, caps(markdown=False), "-> u64;", "-> prod;", "-> prod")
    product = next(i for i in items if i.label == "product")
    assert product.documentation.kind == t.MarkupKind.PlainText
    assert product.documentation.value == "One item of the catalogue."


async def test_completion_item_snippets_become_their_placeholders(raw):
    items = await complete_in_api(raw, caps(snippets=False), "  dump: func", "  rec\n  dump: func", "  rec")
    record = next(i for i in items if i.label == "record")
    assert record.text_edit.new_text == "record name {\n\tfield: u32,\n}"


async def test_rename_answers_versioned_document_changes(raw):
    await start(raw, caps())
    types, text = open_doc(raw, "wit/types.wit", version=7)
    # api.wit is closed: its edit is for what is on disk (no version).
    edit = await raw.text_document_rename_async(
        t.RenameParams(text_document=doc_id(types), position=position_of(text, "record product", offset_in_needle=9), new_name="article")
    )
    assert edit.changes is None
    versions = {d.text_document.uri.rsplit("/", 1)[1]: d.text_document.version for d in edit.document_changes}
    assert versions == {"types.wit": 7, "api.wit": None}
    api, api_text = open_doc(raw, "wit/api.wit", version=3)
    change(raw, api, 4, None, api_text + "\n")
    edit = await raw.text_document_rename_async(
        t.RenameParams(text_document=doc_id(types), position=position_of(text, "record product", offset_in_needle=9), new_name="article")
    )
    versions = {d.text_document.uri.rsplit("/", 1)[1]: d.text_document.version for d in edit.document_changes}
    assert versions == {"types.wit": 7, "api.wit": 4}


async def test_rename_answers_changes_to_a_client_without_document_changes(raw):
    await start(raw, caps(document_changes=False))
    types, text = open_doc(raw, "wit/types.wit")
    edit = await raw.text_document_rename_async(
        t.RenameParams(text_document=doc_id(types), position=position_of(text, "record product", offset_in_needle=9), new_name="article")
    )
    assert edit.document_changes is None
    assert sorted(u.rsplit("/", 1)[1] for u in edit.changes) == ["api.wit", "types.wit"]


@pytest.mark.parametrize(
    "needle, offset, new_name, sentence",
    [
        ("-> u64", 3, "x", "Cannot rename: there is no name here to rename."),
        ("output-stream}", 0, "x", "Cannot rename: `output-stream` is defined in a dependency"),
        ("resource cart", 9, "record", "Cannot rename: `record` is a keyword; write `%record` to use it as a name."),
    ],
)
async def test_rename_refusals_are_sentences(raw, needle, offset, new_name, sentence):
    await start(raw, caps())
    api, text = open_doc(raw, "wit/api.wit")
    with pytest.raises(JsonRpcException) as e:
        await raw.text_document_rename_async(
            t.RenameParams(text_document=doc_id(api), position=position_of(text, needle, offset_in_needle=offset), new_name=new_name)
        )
    assert e.value.code == -32803  # RequestFailed: understood, and refused
    assert e.value.message.startswith(sentence), e.value.message
    assert e.value.message.endswith(".")


async def test_a_client_without_capabilities_gets_answers_it_can_use(raw):
    await start(raw, t.ClientCapabilities())
    types, text = open_doc(raw, "wit/types.wit")
    hover = await raw.text_document_hover_async(
        t.HoverParams(text_document=doc_id(types), position=position_of(text, "record product", offset_in_needle=9))
    )
    assert hover.contents.value.startswith("```wit\nrecord product\n```")
    edit = await raw.text_document_rename_async(
        t.RenameParams(text_document=doc_id(types), position=position_of(text, "record product", offset_in_needle=9), new_name="article")
    )
    assert edit.document_changes is None and len(edit.changes) == 2
    edited = text.replace("price: u64,", "price: res,")
    change(raw, types, 2, None, edited)
    items = await raw.text_document_completion_async(
        t.CompletionParams(text_document=doc_id(types), position=position_of(edited, "res,", offset_in_needle=3))
    )
    assert next(i for i in items if i.label == "result<T, E>").text_edit.new_text == "result"


def test_helix_configuration_names_the_server_for_wit_files():
    config = tomllib.loads((EDITORS / "helix" / "languages.toml").read_text())
    server = config["language-server"]["witty"]
    assert (server["command"], server["args"]) == ("wit", ["lsp"])
    (wit,) = [l for l in config["language"] if l["name"] == "wit"]
    assert wit["language-servers"] == ["witty"]
    assert "wit" in wit["file-types"]
    assert "wit" in wit["roots"]


def test_zed_extension_names_the_server_for_wit_files():
    manifest = tomllib.loads((EDITORS / "zed" / "extension.toml").read_text())
    assert manifest["schema_version"] == 1
    assert manifest["language_servers"]["witty"]["languages"] == ["WIT"]
    language = tomllib.loads((EDITORS / "zed" / "languages" / "wit" / "config.toml").read_text())
    assert language["name"] == "WIT"
    assert language["path_suffixes"] == ["wit"]
    # The grammar the language names is declared, at a fixed commit.
    grammar = manifest["grammars"][language["grammar"]]
    assert grammar["repository"].startswith("https://") and len(grammar["rev"]) == 40
    # The server the extension starts by default: `wit lsp`.
    source = (EDITORS / "zed" / "src" / "lib.rs").read_text()
    assert 'worktree.which("wit")' in source and 'vec!["lsp".to_string()]' in source


def helix_command() -> list[str]:
    """The command editors/helix/languages.toml starts, with this build's `wit`."""
    server = tomllib.loads((EDITORS / "helix" / "languages.toml").read_text())["language-server"]["witty"]
    return [WIT if server["command"] == "wit" else server["command"], *server["args"]]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=helix_command()))
async def helix(lsp_client: LanguageClient, workspace):
    lsp_client.workspace_root = workspace
    yield
    await lsp_client.shutdown_session()


async def test_helix_command_starts_the_server(helix):
    await start(helix, caps())
    api, text = open_doc(helix, "wit/api.wit")
    hover = await helix.text_document_hover_async(
        t.HoverParams(text_document=doc_id(api), position=position_of(text, "product, error", offset_in_needle=2))
    )
    assert "One item of the catalogue." in hover.contents.value
