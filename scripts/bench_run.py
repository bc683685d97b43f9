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

Real components (issue 13, item 4): the componentize-py and componentize-js builds of
tests/components/shapes (scripts/build_components.py; 18 and 12 MB), each listed and called
(`greet("wit")`) by wit cold and cached, next to the reference runtime, wasmtime's own
Python bindings (scripts/bench_reference.py, the `wasmtime` package pinned in
tests/components/requirements.txt): cold compiles and calls in a fresh process; cached
deserializes the code it serialized before, links WASI, instantiates and calls. Both whole
processes are timed; the reference also reports its in-process deserialize-and-call, which
leaves out Python's start. The cached call is also run with `--fuel`, which has a cache
entry of its own.

    python3 scripts/bench_run.py [--repeats 50] [--wasmtime PATH] [--no-build] [--part all|synthetic|real]
"""

import argparse
import json
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


REAL = ["shapes", "shapes-js"]
REAL_EXPORT, REAL_ARG = "greet", "wit"
COLD_REPEATS = 3


def timed(argv, env, expect):
    """(wall seconds, peak RSS in KiB, stdout) of one run, whose stdout must contain `expect`."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out, err = proc.stdout.read().decode(), proc.stderr.read().decode()
    proc.stdout.close()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0 or expect not in out:
        sys.exit(f"{argv} failed: {out!r} {err!r}")
    return wall, usage.ru_maxrss, out


def bench_real(args, work):
    built = ROOT / "target" / "test-components"
    python = ROOT / "target" / "components-venv" / "bin" / "python"
    reference = ROOT / "scripts" / "bench_reference.py"
    if not python.exists() or not all((built / f"{n}.wasm").exists() for n in REAL):
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_components.py")], check=True)
    version = subprocess.run([str(python), "-c", "import wasmtime; print(wasmtime.__version__)"],
                             capture_output=True, text=True).stdout.strip()
    print(f"\n# real components; reference: the wasmtime {version} Python package")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WITTY_", "XDG_"))}
    call = f'{REAL_EXPORT}("{REAL_ARG}")'
    rows, ratios = [], []
    for name in REAL:
        wasm = built / f"{name}.wasm"
        print(f"# {name}: {wasm.stat().st_size / 2**20:.1f} MiB")
        cache = work / f"{name}-cache"

        def wit(extra, cache_dir, expect):
            return timed([args.wit, "run", str(wasm), *extra], dict(env, WITTY_CACHE_DIR=str(cache_dir)),
                         expect)

        def fresh(i):
            d = work / f"{name}-cold-{i}"
            d.mkdir()
            return d

        cwasm = work / f"{name}.cwasm"
        subprocess.run([str(python), str(reference), "serialize", str(wasm), str(cwasm)], check=True)
        wit([call], cache, "hello")  # fills wit's cache
        wit([call, "--fuel", "100000000000"], cache, "hello")
        samples = {
            "wit list": [wit([], fresh(f"l{i}"), REAL_EXPORT)[:2] for i in range(args.repeats)],
            "wit call cold": [wit([call], fresh(f"c{i}"), "hello")[:2] for i in range(COLD_REPEATS)],
            "wasmtime-py call cold": [],
            "wit call cached": [],
            "wit call cached --fuel": [],
            "wasmtime-py call cached": [],
        }
        inside = []
        for _ in range(COLD_REPEATS):
            samples["wasmtime-py call cold"].append(timed(
                [str(python), str(reference), "cold", str(wasm), REAL_EXPORT, REAL_ARG], env, "hello")[:2])
        for _ in range(args.repeats):
            samples["wit call cached"].append(wit([call], cache, "hello")[:2])
            samples["wit call cached --fuel"].append(
                wit([call, "--fuel", "100000000000"], cache, "hello")[:2])
            wall, rss, out = timed(
                [str(python), str(reference), "cached", str(cwasm), REAL_EXPORT, REAL_ARG], env, "hello")
            samples["wasmtime-py call cached"].append((wall, rss))
            t = json.loads(out.strip().splitlines()[-1])
            inside.append((t["load"] + t["instantiate"] + t["call"], 0))
        samples["wasmtime-py in-process deserialize+instantiate+call"] = inside
        summaries = {k: summary(v) for k, v in samples.items()}
        for what, s in summaries.items():
            rows.append((name, what, s))
        base = summaries["wit call cached"]["median_ms"]
        ratios.append(f"RATIO {name} cold wit/wasmtime-py: "
                      f"{summaries['wit call cold']['median_ms'] / summaries['wasmtime-py call cold']['median_ms']:.2f}")
        ratios.append(f"RATIO {name} cached wit/wasmtime-py (whole process): "
                      f"{base / summaries['wasmtime-py call cached']['median_ms']:.2f}")
        ratios.append(f"RATIO {name} cached wit/wasmtime-py (its in-process deserialize-and-call): "
                      f"{base / summaries['wasmtime-py in-process deserialize+instantiate+call']['median_ms']:.2f}")
        ratios.append(f"RATIO {name} cached --fuel/without: "
                      f"{summaries['wit call cached --fuel']['median_ms'] / base:.2f}")
    print(f"\n`{call}`: {COLD_REPEATS} cold runs, {args.repeats} of the others, on {os.cpu_count()} cores\n")
    print("| component | what | median | p95 | max RSS |")
    print("|---|---|---|---|---|")
    for name, what, s in rows:
        rss = f"{s['max_rss_mib']:.1f} MiB" if s["max_rss_mib"] else "-"
        print(f"| {name} | {what} | {s['median_ms']:.1f} ms | {s['p95_ms']:.1f} ms | {rss} |")
    print()
    print("\n".join(ratios))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--wit", default=str(ROOT / "target" / "release" / "wit"))
    default_wasmtime = shutil.which("wasmtime") or "/work/tools/wasmtime-cli/bin/wasmtime"
    parser.add_argument("--wasmtime", default=default_wasmtime,
                        help="a wasmtime 48 CLI; skipped when missing")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--part", choices=["all", "synthetic", "real"], default="all")
    args = parser.parse_args()

    if not args.no_build:
        build()
    if args.part in ("all", "real"):
        with tempfile.TemporaryDirectory(prefix="bench-run-real-") as tmp:
            bench_real(args, pathlib.Path(tmp))
    if args.part == "real":
        return
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
