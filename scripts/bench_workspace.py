#!/usr/bin/env python3
"""`wit lsp` at workspace scale: the workspace of scripts/gen_workspace.py (a 1,000-file package
and 50 packages of 20 files with WASI deps), driven over stdio by the minimal client of
scripts/bench_lsp.py. Measures, as an editor sees them:

- initialized -> diagnostics of every file;
- didChange -> publishDiagnostics of the edited file, adding an error and fixing it, in the big
  package and in a small one; an error that only wit-parser finds (`/**/`) gone as fast;
- hover, definition, completion and references;
- the server's CPU time in the quiet moment after an edit in a small package;
- resident memory after loading, after 400 edits, after opening 1,000 files at once.

    python3 scripts/gen_workspace.py /tmp/ws
    cargo build --release --bin wit
    python3 scripts/bench_workspace.py /tmp/ws [target/release/wit]
"""

import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from bench_lsp import Server, summary  # noqa: E402

CLOCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wit_bytes(root: pathlib.Path) -> int:
    return sum(f.stat().st_size for f in root.rglob("*.wit"))


class Doc:
    """An open document and its version."""

    def __init__(self, server: Server, path: pathlib.Path):
        self.server, self.uri, self.text, self.version = server, path.as_uri(), path.read_text(), 1
        server.notify("textDocument/didOpen", {"textDocument": {"uri": self.uri, "languageId": "wit", "version": 1, "text": self.text}})
        server.wait_diagnostics(self.uri, lambda d: True, time.perf_counter())

    def replace(self, old: str, new: str, predicate) -> float:
        """Replaces the first `old` by `new` and waits for diagnostics that satisfy `predicate`."""
        at = self.text.index(old)
        before = self.text[:at]
        line, col = before.count("\n"), len(before) - (before.rfind("\n") + 1)
        self.version += 1
        change = {"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + len(old)}}, "text": new}
        self.text = before + new + self.text[at + len(old):]
        t0 = time.perf_counter()
        self.server.notify("textDocument/didChange", {"textDocument": {"uri": self.uri, "version": self.version}, "contentChanges": [change]})
        return self.server.wait_diagnostics(self.uri, predicate, t0)

    def position(self, needle: str, offset: int = 0) -> dict:
        at = self.text.index(needle) + offset
        before = self.text[:at]
        return {"line": before.count("\n"), "character": len(before) - (before.rfind("\n") + 1)}


def errors(d):
    return [x for x in d if x.get("severity") == 1]


def edits(doc: Doc, old: str, broken: str, runs: int):
    add, fix = [], []
    for _ in range(runs):
        add.append(doc.replace(old, broken, lambda d: len(errors(d)) > 0))
        fix.append(doc.replace(broken, old, lambda d: len(errors(d)) == 0))
    return add, fix


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/wit"
    files = sorted(root.rglob("*.wit"))
    size = wit_bytes(root)
    print(f"workspace: {len(files)} files, {size / 1e6:.1f} MB of WIT")
    server = Server(binary)
    pid = server.proc.pid
    server.request("initialize", {
        "processId": os.getpid(),
        "capabilities": {"general": {"positionEncodings": ["utf-16"]}, "textDocument": {"completion": {"completionItem": {"snippetSupport": True}}}},
        "workspaceFolders": [{"uri": root.as_uri(), "name": "ws"}],
    })
    wanted = {f.as_uri() for f in files}
    seen = set()
    start = time.perf_counter()
    server.notify("initialized", {})
    while seen != wanted:
        at, msg = server.messages.get(timeout=120)
        server.answer(msg)
        if msg.get("method") == "textDocument/publishDiagnostics":
            seen.add(msg["params"]["uri"])
            first_all = at - start
    print(f"{'initialized -> diagnostics of every file':<44} {first_all * 1000:.0f} ms (target <= 400)")
    time.sleep(2.0)
    rss_loaded = rss_mb(pid)
    print(f"{'resident memory after loading':<44} {rss_loaded:.0f} MB ({rss_loaded * 1e6 / size:.1f}x the WIT)")

    big = Doc(server, root / "big" / "iface0500.wit")
    small = Doc(server, root / "pkg10" / "wit" / "part05.wit")
    results = {}
    for name, doc, old, broken in [
        ("big package", big, "a: rec500-0,", "a: rec500-9,"),
        ("small package", small, "size: u64 }", "size: u65 }"),
    ]:
        add, fix = edits(doc, old, broken, 100)
        results[f"{name} add"] = summary(f"didChange -> diagnostics, {name}, adding", add)
        results[f"{name} fix"] = summary(f"didChange -> diagnostics, {name}, fixing", fix)

    # An error only the reference finds: fixing it clears it with the next publication.
    gone = []
    for _ in range(10):
        # `/**/` before an item: witty takes it as a comment, wit-parser 0.263 panics on it.
        small.replace("/// An entry.", "/**/\n/// An entry.", lambda d: any(x.get("code") == "wit-parser-crash" for x in d))
        gone.append(small.replace("/**/\n/// An entry.", "/// An entry.", lambda d: not any(x.get("code") == "wit-parser-crash" for x in d)))
    results["reference fix"] = summary("an error wit-parser found, gone after the fix", gone)

    pos = big.position("a: rec500-0,", 4)
    for method, params, runs in [
        ("textDocument/hover", {"textDocument": {"uri": big.uri}, "position": pos}, 200),
        ("textDocument/definition", {"textDocument": {"uri": big.uri}, "position": pos}, 200),
        ("textDocument/completion", {"textDocument": {"uri": big.uri}, "position": pos}, 200),
        ("textDocument/references", {"textDocument": {"uri": big.uri}, "position": pos, "context": {"includeDeclaration": True}}, 50),
    ]:
        times = []
        for _ in range(runs):
            elapsed, reply = server.request(method, params)
            assert "error" not in reply, reply
            times.append(elapsed)
        results[method] = summary(method, times)

    # The quiet moment after an edit in a small package: the server's CPU until it is idle.
    quiet = []
    for i in range(10):
        old, new = ("size: u64 }", "size: u32 }") if i % 2 == 0 else ("size: u32 }", "size: u64 }")
        small.replace(old, new, lambda d: True)
        before = cpu_seconds(pid)
        time.sleep(1.5)
        quiet.append(cpu_seconds(pid) - before)
    results["quiet"] = summary("CPU in the quiet moment after a small edit", quiet)

    for i in range(100):
        small.replace("size: u64 }", "size: u64  }", lambda d: True)
        small.replace("size: u64  }", "size: u64 }", lambda d: True)
    time.sleep(2.0)
    rss_edited = rss_mb(pid)
    print(f"{'resident memory after 400 edits':<44} {rss_edited:.0f} MB ({rss_edited * 1e6 / size:.1f}x)")

    for f in sorted((root / "big").glob("*.wit"))[:1000]:
        server.notify("textDocument/didOpen", {"textDocument": {"uri": f.as_uri(), "languageId": "wit", "version": 1, "text": f.read_text()}})
    server.request("textDocument/hover", {"textDocument": {"uri": big.uri}, "position": pos})
    time.sleep(3.0)
    rss_open = rss_mb(pid)
    print(f"{'resident memory, 1,000 files open':<44} {rss_open:.0f} MB ({rss_open * 1e6 / size:.1f}x)")

    server.request("shutdown", None)
    server.notify("exit", None)
    server.proc.wait(timeout=30)
    print(
        "RESULT first diagnostics {:.0f} ms (<= 400); edit p95 big {:.2f}/{:.2f}, small {:.2f}/{:.2f} ms (<= 5); "
        "reference fix {:.2f} ms; hover {:.2f}, definition {:.2f}, completion {:.2f} ms (<= 2); references {:.2f} ms (<= 15); "
        "quiet CPU p95 {:.0f} ms (<= 20); rss {:.0f}/{:.0f}/{:.0f} MB = {:.1f}x/{:.1f}x/{:.1f}x the WIT (<= 12x)".format(
            first_all * 1000, results["big package add"], results["big package fix"], results["small package add"],
            results["small package fix"], results["reference fix"], results["textDocument/hover"],
            results["textDocument/definition"], results["textDocument/completion"], results["textDocument/references"],
            results["quiet"], rss_loaded, rss_edited, rss_open, rss_loaded * 1e6 / size, rss_edited * 1e6 / size,
            rss_open * 1e6 / size))


if __name__ == "__main__":
    main()
