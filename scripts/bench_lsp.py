#!/usr/bin/env python3
"""Latency of `wit lsp` on the generated 200-file package (about 23,000 lines, with deps/),
driven over stdio by a minimal JSON-RPC client (no library in the timing path).

Measures, as an editor sees them: didChange -> publishDiagnostics of the edited file for an
edit that adds an error and one that fixes it; hover, definition and completion; references
of a type used across the package; resident memory after opening every file.

    cargo build --release --bin wit
    WITTY_BENCH_GENERATE=/tmp/bench-pkg cargo bench -p witty-analysis --bench check
    python3 scripts/bench_lsp.py /tmp/bench-pkg [target/release/wit]
"""

import json
import os
import pathlib
import statistics
import subprocess
import sys
import threading
import time
import queue


class Server:
    def __init__(self, binary):
        self.proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line == b"\r\n":
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            raw = out.read(length)
            # The time a message has fully arrived, before this client parses it.
            arrived = time.perf_counter()
            self.messages.put((arrived, json.loads(raw)))

    def send(self, obj):
        data = json.dumps(obj).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        ident = self.next_id
        start = time.perf_counter()
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            at, msg = self.messages.get(timeout=30)
            if msg.get("id") == ident and "method" not in msg:
                return at - start, msg
            self.answer(msg)

    def answer(self, msg):
        # Server-to-client requests (registerCapability) get an empty success.
        if "id" in msg and "method" in msg:
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})

    def wait_diagnostics(self, uri, predicate, start):
        while True:
            at, msg = self.messages.get(timeout=30)
            self.answer(msg)
            if msg.get("method") == "textDocument/publishDiagnostics":
                p = msg["params"]
                if p["uri"] == uri and predicate(p["diagnostics"]):
                    return at - start


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summary(name, seconds):
    ms = [s * 1000 for s in seconds]
    print(f"{name:<44} n={len(ms):<4} p50={statistics.median(ms):7.2f} ms  p95={pct(ms, 95):7.2f} ms  max={max(ms):7.2f} ms")
    return pct(ms, 95)


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/wit"
    files = sorted(root.glob("*.wit"))
    server = Server(binary)
    server.request("initialize", {
        "processId": os.getpid(),
        "capabilities": {"general": {"positionEncodings": ["utf-16"]}, "textDocument": {"completion": {"completionItem": {"snippetSupport": True}}}},
        "workspaceFolders": [{"uri": root.as_uri(), "name": "bench"}],
    })
    start = time.perf_counter()
    server.notify("initialized", {})
    target = root / "iface100.wit"
    uri = target.as_uri()
    first = server.wait_diagnostics(uri, lambda d: True, start)
    print(f"{'first diagnostics of the workspace':<44} {first * 1000:.1f} ms")

    text = target.read_text()
    version = 1
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "wit", "version": version, "text": text}})
    server.wait_diagnostics(uri, lambda d: True, time.perf_counter())
    lines = text.split("\n")
    # The parameter type `rec100-0` in `run100-0: func(a: rec100-0, ...)`.
    line = next(i for i, l in enumerate(lines) if "run100-0: func(a: rec100-0" in l)
    col = lines[line].index("rec100-0")
    add, fix = [], []
    for _ in range(100):
        for broken, bucket in ((True, add), (False, fix)):
            version += 1
            new = "rec100-9" if broken else "rec100-0"
            change = {"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 8}}, "text": new}
            t0 = time.perf_counter()
            server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            bucket.append(server.wait_diagnostics(uri, (lambda d: len(d) > 0) if broken else (lambda d: len(d) == 0), t0))
    p95_add = summary("didChange -> diagnostics, adding an error", add)
    p95_fix = summary("didChange -> diagnostics, fixing it", fix)

    pos = {"line": line, "character": col + 2}
    doc = {"uri": uri}
    timings = {}
    for method, params in [
        ("textDocument/hover", {"textDocument": doc, "position": pos}),
        ("textDocument/definition", {"textDocument": doc, "position": pos}),
        ("textDocument/completion", {"textDocument": doc, "position": pos}),
        ("textDocument/references", {"textDocument": doc, "position": pos, "context": {"includeDeclaration": True}}),
    ]:
        runs = []
        for _ in range(200):
            elapsed, reply = server.request(method, params)
            assert "error" not in reply, reply
            runs.append(elapsed)
        timings[method] = summary(method, runs)
    # `id` from deps/ is used by every interface: references across all 200 files.
    base_line = next(i for i, l in enumerate(lines) if "use bench:base/types@1.0.0.{id, error};" in l)
    base_col = lines[base_line].index("{id") + 1
    runs = []
    for _ in range(50):
        elapsed, reply = server.request("textDocument/references", {"textDocument": doc, "position": {"line": base_line, "character": base_col}, "context": {"includeDeclaration": True}})
        runs.append(elapsed)
    count = len(reply["result"])
    p95_refs = summary(f"references of a type used in every file ({count})", runs)
    # The same right after an edit, when the index of references is built again.
    runs = []
    for i in range(20):
        version += 1
        new = "rec100-0 " if i % 2 == 0 else "rec100-0"
        change = {"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + len(new if i % 2 else "rec100-0")}}, "text": new}
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        elapsed, reply = server.request("textDocument/references", {"textDocument": doc, "position": {"line": base_line, "character": base_col}, "context": {"includeDeclaration": True}})
        runs.append(elapsed)
    summary("the same, right after an edit", runs)

    for f in files:
        version += 1
        server.notify("textDocument/didOpen", {"textDocument": {"uri": f.as_uri(), "languageId": "wit", "version": 1, "text": f.read_text()}})
    server.request("textDocument/hover", {"textDocument": doc, "position": pos})
    time.sleep(1.0)
    rss = 0
    with open(f"/proc/{server.proc.pid}/status") as status:
        for l in status:
            if l.startswith("VmRSS:"):
                rss = int(l.split()[1]) / 1024
    print(f"{'resident memory, every file open':<44} {rss:.1f} MB")

    server.request("shutdown", None)
    server.notify("exit", None)
    server.proc.wait(timeout=10)
    print("RESULT diagnostics p95 add/fix {:.2f}/{:.2f} ms (target < 5); hover {:.2f}, definition {:.2f}, completion {:.2f} ms (target < 2); references {:.2f} ms (target < 10); rss {:.0f} MB (target < 150)".format(
        p95_add, p95_fix, timings["textDocument/hover"], timings["textDocument/definition"], timings["textDocument/completion"], p95_refs, rss))


if __name__ == "__main__":
    main()
