"""Document and range formatting: the same layout as `wit fmt`, comments kept, nothing for a
file with syntax errors."""

from lsprotocol import types as t

from conftest import change, open_doc
from test_editing import apply


def doc_id(u):
    return t.TextDocumentIdentifier(uri=u)


OPTIONS = t.FormattingOptions(tab_size=4, insert_spaces=True)

MESSY = """package demo:shop@1.2.0;
interface   extra{
// keep me
    record  point{x:u32,y:u32}   // and me
      f:func( a:point )->list< u8 >;
}
"""


async def test_document_formatting(client):
    path = client.workspace_root / "wit" / "extra.wit"
    path.write_text(MESSY)
    extra, text = open_doc(client, "wit/extra.wit")
    edits = await client.text_document_formatting_async(
        t.DocumentFormattingParams(text_document=doc_id(extra), options=OPTIONS)
    )
    formatted = apply(text, edits)
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
    again = await client.text_document_formatting_async(
        t.DocumentFormattingParams(text_document=doc_id(extra), options=OPTIONS)
    )
    assert list(again) == []


async def test_no_edits_for_a_file_with_syntax_errors(client):
    api, text = open_doc(client, "wit/api.wit")
    change(client, api, 2, None, text.replace("resource cart {", "resource cart {{"))
    edits = await client.text_document_formatting_async(
        t.DocumentFormattingParams(text_document=doc_id(api), options=OPTIONS)
    )
    assert edits is None


async def test_range_formatting_touches_only_the_range(client):
    path = client.workspace_root / "wit" / "extra.wit"
    path.write_text("package demo:shop@1.2.0;\ninterface a {\n    f:func();\n}\ninterface b {\n    g:func();\n}\n")
    extra, text = open_doc(client, "wit/extra.wit")
    edits = await client.text_document_range_formatting_async(
        t.DocumentRangeFormattingParams(
            text_document=doc_id(extra),
            range=t.Range(start=t.Position(line=5, character=0), end=t.Position(line=5, character=5)),
            options=OPTIONS,
        )
    )
    assert apply(text, edits) == "package demo:shop@1.2.0;\ninterface a {\n    f:func();\n}\ninterface b {\n  g: func();\n}\n"
