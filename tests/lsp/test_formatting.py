"""Document and range formatting: the same layout as `wit fmt`, comments kept, nothing for a
file with syntax errors; the editor's tab size and spaces-or-tabs, unless `witty.toml` or
`.editorconfig` above the file says otherwise; a bad setting shown to the user."""

from lsprotocol import types as t

from conftest import change, open_doc, wait_for
from test_editing import apply


def doc_id(u):
    return t.TextDocumentIdentifier(uri=u)


TWO = t.FormattingOptions(tab_size=2, insert_spaces=True)
FOUR = t.FormattingOptions(tab_size=4, insert_spaces=True)
TABS = t.FormattingOptions(tab_size=8, insert_spaces=False)

MESSY = """package demo:shop@1.2.0;
interface   extra{
// keep me
    record  point{x:u32,y:u32}   // and me
      f:func( a:point )->list< u8 >;
}
"""


async def format_doc(client, doc, options):
    edits = await client.text_document_formatting_async(
        t.DocumentFormattingParams(text_document=doc_id(doc), options=options)
    )
    return edits


async def test_document_formatting(client):
    path = client.workspace_root / "wit" / "extra.wit"
    path.write_text(MESSY)
    extra, text = open_doc(client, "wit/extra.wit")
    formatted = apply(text, await format_doc(client, extra, TWO))
    assert formatted == (
        "package demo:shop@1.2.0;\n"
        "interface extra {\n"
        "  // keep me\n"
        "  record point {\n"
        "    x: u32,\n"
        "    y: u32,\n"
        "  } // and me\n"
        "  f: func(a: point) -> list<u8>;\n"
        "}\n"
    )
    change(client, extra, 2, None, formatted)
    assert list(await format_doc(client, extra, TWO)) == []


async def format_messy(client, *options):
    """MESSY, opened as `wit/extra.wit`, formatted with each of `options` in turn."""
    (client.workspace_root / "wit" / "extra.wit").write_text(MESSY)
    extra, text = open_doc(client, "wit/extra.wit")
    return [apply(text, await format_doc(client, extra, o)) for o in options]


async def test_the_editors_indentation_is_used_where_no_file_says_otherwise(client):
    four, tabs = await format_messy(client, FOUR, TABS)
    assert "\n    record point {\n        x: u32,\n" in four
    assert "\n\trecord point {\n\t\tx: u32,\n" in tabs


async def test_witty_toml_and_editorconfig_win_over_the_editor(client):
    root = client.workspace_root
    (root / ".editorconfig").write_text("root = true\n[*.wit]\nindent_style = space\nindent_size = 3\n")
    [formatted] = await format_messy(client, TABS)
    assert "\n   record point {\n      x: u32,\n" in formatted
    # witty.toml's [fmt] wins over .editorconfig, key by key: the width here.
    (root / "witty.toml").write_text("[fmt]\nmax-width = 20\n")
    [formatted] = await format_messy(client, TABS)
    assert "\n   f: func(\n      a: point,\n   ) -> list<u8>;\n" in formatted


async def test_a_bad_setting_is_shown_once_and_the_rest_still_formats(client):
    (client.workspace_root / "witty.toml").write_text('[fmt]\nindent = "four"\n')
    before = len(client.messages)
    # Formatting on every save does not repeat the warning.
    first, _ = await format_messy(client, FOUR, FOUR)
    assert "\n    record point {\n" in first
    await wait_for(lambda: len(client.messages) > before, client)
    assert len(client.messages) == before + 1
    warning = client.messages[-1]
    assert warning.type == t.MessageType.Warning
    assert "witty.toml:2:10" in warning.message and "`indent`" in warning.message, warning.message


async def test_no_edits_for_a_file_with_syntax_errors(client):
    api, text = open_doc(client, "wit/api.wit")
    change(client, api, 2, None, text.replace("resource cart {", "resource cart {{"))
    edits = await format_doc(client, api, TWO)
    assert edits is None


async def test_range_formatting_touches_only_the_range(client):
    path = client.workspace_root / "wit" / "extra.wit"
    path.write_text("package demo:shop@1.2.0;\ninterface a {\n    f:func();\n}\ninterface b {\n    g:func();\n}\n")
    extra, text = open_doc(client, "wit/extra.wit")
    edits = await client.text_document_range_formatting_async(
        t.DocumentRangeFormattingParams(
            text_document=doc_id(extra),
            range=t.Range(start=t.Position(line=5, character=0), end=t.Position(line=5, character=5)),
            options=TWO,
        )
    )
    assert apply(text, edits) == "package demo:shop@1.2.0;\ninterface a {\n    f:func();\n}\ninterface b {\n  g: func();\n}\n"
