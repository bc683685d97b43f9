"""Diagnostics: published at once on edits, cleared when fixed, across files (open or not),
with codes, related information and tags; files created on disk are picked up."""

from lsprotocol import types as t

from conftest import change, codes, open_doc, position_of, uri, wait_for


async def test_error_appears_and_clears(client):
    api, text = open_doc(client, "wit/api.wit")
    broken = text.replace("total: func() -> u64;", "total: func() -> u46;")
    change(client, api, 2, None, broken)
    await wait_for(lambda: "unresolved-name" in codes(client, api), client)
    d = client.diagnostics[api][0]
    assert d.source == "witty"
    assert d.severity == t.DiagnosticSeverity.Error
    assert "u46" in d.message
    assert d.range.start == position_of(broken, "u46")
    assert d.code_description.href.endswith("diagnostics.md#unresolved-name")
    change(client, api, 3, None, text)
    await wait_for(lambda: codes(client, api) == [], client)


async def test_edit_in_one_file_updates_a_closed_one(client):
    types, text = open_doc(client, "wit/types.wit")
    # Rename `product` in types.wit only: api.wit (not open) now names nothing.
    at = position_of(text, "record product", offset_in_needle=7)
    end = t.Position(line=at.line, character=at.character + len("product"))
    change(client, types, 2, t.Range(start=at, end=end), "item")
    api = uri(client, "wit/api.wit")
    await wait_for(lambda: "unresolved-name" in codes(client, api), client)
    change(client, types, 3, t.Range(start=at, end=t.Position(line=at.line, character=at.character + 4)), "product")
    await wait_for(lambda: codes(client, api) == [], client)


async def test_warnings_carry_tags_and_related_information(client):
    api, text = open_doc(client, "wit/api.wit")
    edited = text.replace(
        "use wasi:io/streams@0.2.0.{output-stream};",
        "use wasi:io/streams@0.2.0.{output-stream, old-stream, stream-error};\n  type o = old-stream;\n  type id = u8;",
    ).replace("/// Looking up", "use wasi:io/streams@0.2.0 as unused;\n\n/// Looking up")
    change(client, api, 2, None, edited)
    await wait_for(lambda: "duplicate-name" in codes(client, api), client)
    by_code: dict[str, list[t.Diagnostic]] = {}
    for d in client.diagnostics[api]:
        by_code.setdefault(str(d.code), []).append(d)
    # The file-level `use` nothing names is a warning, faded; the unused name of the
    # interface's `use` is part of the interface: a hint, not faded.
    (warning,) = [d for d in by_code["unused-use"] if d.severity == t.DiagnosticSeverity.Warning]
    assert t.DiagnosticTag.Unnecessary in warning.tags
    assert warning.range.start == position_of(edited, "unused;")
    (hint,) = [d for d in by_code["unused-use"] if d.severity == t.DiagnosticSeverity.Hint]
    assert not hint.tags
    assert hint.range.start == position_of(edited, "stream-error}")
    (deprecated,) = by_code["deprecated"]
    assert t.DiagnosticTag.Deprecated in deprecated.tags
    (dup,) = by_code["duplicate-name"]
    assert dup.severity == t.DiagnosticSeverity.Error
    # The first definition of `id` is named as related information.
    (first,) = dup.related_information
    assert first.location.uri == api
    assert first.location.range.start == position_of(edited, "{id,", offset_in_needle=1)


async def test_non_ascii_comment_keeps_utf16_columns(client):
    api, text = open_doc(client, "wit/api.wit")
    # Characters outside the BMP take two UTF-16 units; the error after them must still
    # point at the right column.
    edited = text.replace("total: func() -> u64;", "/* 🛒 é */ total: func() -> u46;")
    change(client, api, 2, None, edited)
    await wait_for(lambda: "unresolved-name" in codes(client, api), client)
    assert client.diagnostics[api][0].range.start == position_of(edited, "u46")


async def test_incremental_changes_apply_in_order(client):
    api, text = open_doc(client, "wit/api.wit")
    at = position_of(text, "u64")
    # Three quick edits, each relative to the text after the one before.
    for version, (start, end, new) in enumerate(
        [(0, 3, "u4"), (2, 2, "6"), (0, 0, "")], start=2
    ):
        change(
            client,
            api,
            version,
            t.Range(
                start=t.Position(line=at.line, character=at.character + start),
                end=t.Position(line=at.line, character=at.character + end),
            ),
            new,
        )
    await wait_for(lambda: "unresolved-name" in codes(client, api), client)
    assert "`u46`" in client.diagnostics[api][0].message


async def test_new_file_on_disk_is_checked(client):
    path = client.workspace_root / "wit" / "extra.wit"
    path.write_text("package demo:shop@1.2.0;\n\ninterface extra {\n  f: func(x: nothing);\n}\n")
    client.workspace_did_change_watched_files(
        t.DidChangeWatchedFilesParams(
            changes=[t.FileEvent(uri=path.as_uri(), type=t.FileChangeType.Created)]
        )
    )
    await wait_for(lambda: "unresolved-name" in codes(client, path.as_uri()), client)
    path.unlink()
    client.workspace_did_change_watched_files(
        t.DidChangeWatchedFilesParams(
            changes=[t.FileEvent(uri=path.as_uri(), type=t.FileChangeType.Deleted)]
        )
    )
    # The package no longer has the file: its diagnostics are cleared.
    await wait_for(lambda: codes(client, path.as_uri()) == [], client)


async def test_the_server_watches_files_when_the_client_does_not(client):
    """pytest-lsp's client refuses `client/registerCapability`: the server watches files itself,
    so a file written on disk with no notification at all is checked, and a folder deleted
    takes its files' diagnostics with it."""
    folder = client.workspace_root / "wit" / "deps" / "extra"
    folder.mkdir()
    path = folder / "extra.wit"
    path.write_text("package demo:extra;\n\ninterface extra {\n  f: func(x: nothing);\n}\n")
    await wait_for(lambda: "unresolved-name" in codes(client, path.as_uri()), client)
    path.unlink()
    folder.rmdir()
    await wait_for(lambda: codes(client, path.as_uri()) == [], client)


async def test_closing_a_file_goes_back_to_disk(client):
    api, text = open_doc(client, "wit/api.wit")
    change(client, api, 2, None, text.replace("u64", "u46"))
    await wait_for(lambda: "unresolved-name" in codes(client, api), client)
    client.text_document_did_close(t.DidCloseTextDocumentParams(text_document=t.TextDocumentIdentifier(uri=api)))
    await wait_for(lambda: codes(client, api) == [], client)


async def test_a_fixed_error_of_the_reference_goes_with_the_next_publication(client):
    """wit-parser's verdict holds only for the text it was given: the publication that follows
    the fix no longer shows it, without waiting for the next quiet moment."""
    from conftest import record_publications

    seen = record_publications(client)
    api, text = open_doc(client, "wit/api.wit")
    broken = text.replace("interface", "/**/\ninterface", 1)
    change(client, api, 2, None, broken)
    await wait_for(lambda: "wit-parser-crash" in codes(client, api), client)
    change(client, api, 3, None, text)
    await wait_for(lambda: any(u == api and v == 3 for u, v, _ in seen), client)
    [(_, _, after)] = [(u, v, c) for u, v, c in seen if u == api and v == 3][:1]
    assert "wit-parser-crash" not in after, seen
