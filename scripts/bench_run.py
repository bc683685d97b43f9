#!/usr/bin/env python3
"""Whole-process time and memory of `wit run COMPONENT 'add(1, 2)'`, cold and cached, next to
`wasmtime run --invoke` on the same component when a wasmtime CLI is at hand (issue 5, item 4).

Two components are made by the runner's `make_component` example: a tiny one (a few hundred
bytes, where process start and engine set-up are all there is) and a sized one (2,000 more
functions, about the size of a small component built from source, where compiling costs).

- cold: every run gets an empty cache folder (WITTY_CACHE_DIR for wit, XDG_CACHE_HOME for
  wasmtime, whose compile cache is on by default), so it compiles and writes the cache;
- cached: the cache was filled by one run before, so the run loads compiled code from disk.

wasmtime runs twice over: as `wasmtime run --invoke` with its defaults, and with `-W
timeout=10s`, since wit always has a time limit and a time limit (epoch interruption) puts a
check in every loop and function of the compiled code, which costs compile time.

Runs of wit and wasmtime alternate, so that the machine's noise falls on both alike. Wall
time runs from spawning the process to reaping it; memory is the child's peak resident set
(ru_maxrss from wait4).

    python3 scripts/bench_run.py [--repeats 50] [--wasmtime PATH] [--no-build]
"""

import argparse
import math
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CALL = "add(1, 2)"
COMPONENTS = {"tiny": 0, "sized": 2000}


def build():
    """The release `wit`, and the debug example that writes the components."""
    subprocess.run(["cargo", "build", "--release", "--bin", "wit"], cwd=ROOT, check=True)
    subprocess.run(
        ["cargo", "build", "-p", "witty-runner", "--features", "test-components",
         "--example", "make_component"],
        cwd=ROOT, check=True)


def make_components(work):
    maker = ROOT / "target" / "debug" / "examples" / "make_component"
    paths = {}
    for name, filler in COMPONENTS.items():
        path = work / f"{name}.wasm"
        subprocess.run([str(maker), str(path), str(filler)], check=True, stdout=subprocess.DEVNULL)
        paths[name] = path
    return paths


def measure(argv, env):
    """(wall seconds, peak RSS in KiB) of one run, which must print the sum."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    if proc.returncode != 0 or out.strip() != b"3":
        sys.exit(f"{argv} failed ({proc.returncode}): {out!r} {err!r}")
    return wall, usage.ru_maxrss


class Tool:
    """How to run one program cold (with a fresh cache folder) and cached."""

    def __init__(self, name, binary, work, flags=()):
        self.name = name
        self.binary = binary
        self.flags = list(flags)
        self.work = work / name.replace(" ", "_")
        self.work.mkdir()
        self.runs = 0

    def argv(self, component):
        if self.name == "wit":
            return [self.binary, "run", str(component), CALL]
        return [self.binary, "run", *self.flags, "--invoke", CALL, str(component)]

    def env(self, cache):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("WITTY_", "XDG_"))}
        env["HOME"] = str(self.work)
        if self.name == "wit":
            env["WITTY_CACHE_DIR"] = str(cache)
        else:
            env["XDG_CACHE_HOME"] = str(cache)
        return env

    def cold(self, component):
        self.runs += 1
        cache = self.work / f"cold-{self.runs}"
        cache.mkdir()
        result = measure(self.argv(component), self.env(cache))
        shutil.rmtree(cache)
        return result

    def cached(self, component):
        return measure(self.argv(component), self.env(self.work / "warm"))


def summary(samples):
    walls = sorted(w for w, _ in samples)
    rss = [r for _, r in samples]
    p95 = walls[math.ceil(0.95 * len(walls)) - 1]  # nearest rank
    median = statistics.median(walls)
    return {"median_ms": median * 1e3, "p95_ms": p95 * 1e3, "max_rss_mib": max(rss) / 1024}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--wit", default=str(ROOT / "target" / "release" / "wit"))
    default_wasmtime = shutil.which("wasmtime") or "/work/tools/wasmtime-cli/bin/wasmtime"
    parser.add_argument("--wasmtime", default=default_wasmtime,
                        help="a wasmtime 48 CLI; skipped when missing")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()

    if not args.no_build:
        build()
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        work = pathlib.Path(tmp)
        components = make_components(work)
        tools = [Tool("wit", args.wit, work)]
        if os.access(args.wasmtime, os.X_OK):
            version = subprocess.run([args.wasmtime, "--version"], capture_output=True, text=True)
            print(f"# {version.stdout.strip()} at {args.wasmtime}")
            tools.append(Tool("wasmtime", args.wasmtime, work))
            # wit always compiles with epoch interruption, for --timeout; this is wasmtime
            # with its own time limit, which compiles the same checks into the code.
            tools.append(Tool("wasmtime -W timeout=10s", args.wasmtime, work, ["-W", "timeout=10s"]))
        else:
            print(f"# no wasmtime CLI at {args.wasmtime}: wit alone")
        for name, path in components.items():
            print(f"# {name}: {path.stat().st_size} bytes")

        results = {}
        for name, component in components.items():
            for tool in tools:
                tool.cached(component)  # fills the cache for the cached runs
            for mode in ("cold", "cached"):
                samples = {tool.name: [] for tool in tools}
                for _ in range(args.repeats):
                    for tool in tools:
                        samples[tool.name].append(getattr(tool, mode)(component))
                for tool in tools:
                    results[(name, mode, tool.name)] = summary(samples[tool.name])

        print(f"\n{args.repeats} runs each of `{CALL}`, on {os.cpu_count()} cores\n")
        print("| component | cache | program | median | p95 | max RSS |")
        print("|---|---|---|---|---|---|")
        for (name, mode, tool), s in results.items():
            print(f"| {name} | {mode} | {tool} | {s['median_ms']:.1f} ms | {s['p95_ms']:.1f} ms "
                  f"| {s['max_rss_mib']:.1f} MiB |")
        print()
        for other in tools[1:]:
            for name in components:
                for mode in ("cold", "cached"):
                    wit = results[(name, mode, "wit")]
                    theirs = results[(name, mode, other.name)]
                    print(f"RATIO {name} {mode} wit/({other.name}): median "
                          f"{wit['median_ms'] / theirs['median_ms']:.2f}, max RSS "
                          f"{wit['max_rss_mib'] / theirs['max_rss_mib']:.2f}")


if __name__ == "__main__":
    main()
