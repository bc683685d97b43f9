#!/usr/bin/env python3
"""Writes a big WIT workspace for measuring the language server and the checker at scale:

- `big/`: one package of N interface files (1,000 by default, about 116,000 lines) plus a
  world importing them all and a `deps/base` package, in the shape of the checker's
  benchmark (analysis/benches/check.rs): records, variants, enums, flags, aliases, resources,
  `use` chains between neighbouring files;
- `pkgNN/wit/` (50 by default): small packages of 20 files each that use the WASI 0.2 deps
  vendored next to them in `deps/` (the wasi-http WIT of the cargo registry's
  wasmtime-wasi-http, found through `cargo metadata`'s registry folder).

    python3 scripts/gen_workspace.py OUT [--files 1000] [--packages 50]
"""

import argparse
import glob
import os
import pathlib
import shutil


def interface(i: int) -> str:
    s = f"package bench:app@1.0.0;\n\n/// Interface number {i}.\ninterface iface{i} {{\n"
    s += "  use bench:base/types@1.0.0.{id, error};\n"
    if i > 0:
        s += f"  use iface{i - 1}.{{rec{i - 1}, res{i - 1} as prev-res}};\n"
        s += f"  link: func(p: rec{i - 1}, r: borrow<prev-res>);\n"
    for part in range(4):
        s += f"""
  /// A record with documentation.
  record rec{i}-{part} {{
    /// The first field.
    a: u32,
    b: string,
    c: list<option<u64>>,
    d: tuple<s8, f64, char>,
    key: id,
  }}

  variant var{i}-{part} {{
    none,
    some(rec{i}-{part}),
    many(list<rec{i}-{part}>),
  }}

  enum en{i}-{part} {{ one, two, three }}

  flags fl{i}-{part} {{ read, write, exec }}

  type alias{i}-{part} = result<list<rec{i}-{part}>, error>;

  run{i}-{part}: func(a: rec{i}-{part}, c: list<tuple<string, u32>>) -> option<alias{i}-{part}>;
"""
    s += f"""
  record rec{i} {{ x: u32 }}

  resource res{i} {{
    constructor(name: string);
    name: func() -> string;
    update: func(value: rec{i}) -> result<_, error>;
    make: static func(f: fl{i}-0) -> res{i};
  }}
}}
"""
    return s


def big(out: pathlib.Path, files: int) -> None:
    out.mkdir(parents=True)
    for i in range(files):
        (out / f"iface{i:04}.wit").write_text(interface(i))
    world = "package bench:app@1.0.0;\n\nworld everything {\n"
    world += "".join(f"  import iface{i};\n" for i in range(files))
    world += "}\n"
    (out / "world.wit").write_text(world)
    deps = out / "deps" / "base"
    deps.mkdir(parents=True)
    (deps / "types.wit").write_text(
        "package bench:base@1.0.0;\n\ninterface types {\n  type id = string;\n"
        "  variant error { not-found(id), denied, other(string) }\n}\n"
    )


def wasi_deps() -> pathlib.Path:
    home = pathlib.Path(os.environ.get("CARGO_HOME", pathlib.Path.home() / ".cargo"))
    found = sorted(glob.glob(str(home / "registry/src/*/wasmtime-wasi-http-*/wit/deps")))
    if not found:
        raise SystemExit("no wasmtime-wasi-http in the cargo registry: run `cargo build` first")
    return pathlib.Path(found[-1])


def small(out: pathlib.Path, n: int, deps: pathlib.Path) -> None:
    wit = out / "wit"
    wit.mkdir(parents=True)
    shutil.copytree(deps, wit / "deps")
    for f in range(20):
        text = f"package small{n}:app@0.1.0;\n\n/// Part {f} of package {n}.\ninterface part{f} {{\n"
        text += "  use wasi:io/streams@0.2.12.{input-stream, output-stream};\n"
        text += "  use wasi:clocks/wall-clock@0.2.12.{datetime};\n"
        if f > 0:
            text += f"  use part{f - 1}.{{entry{f - 1}}};\n"
            text += f"  follow: func(previous: entry{f - 1});\n"
        text += "  write: func(sink: borrow<output-stream>, data: list<u8>);\n"
        for k in range(6):
            text += f"""
  /// An entry.
  record entry{f}-{k} {{ name: string, at: datetime, size: u64 }}

  variant event{f}-{k} {{ created(entry{f}-{k}), removed(string), other }}

  read{f}-{k}: func(source: borrow<input-stream>, limit: u32) -> result<list<entry{f}-{k}>, string>;
"""
        text += f"\n  record entry{f} {{ id: u32 }}\n}}\n"
        (wit / f"part{f:02}.wit").write_text(text)
    world = f"package small{n}:app@0.1.0;\n\nworld app {{\n  include wasi:cli/imports@0.2.12;\n"
    world += "".join(f"  export part{f};\n" for f in range(20))
    world += "}\n"
    (wit / "world.wit").write_text(world)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--packages", type=int, default=50)
    args = parser.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    big(args.out / "big", args.files)
    deps = wasi_deps()
    for n in range(args.packages):
        small(args.out / f"pkg{n:02}", n, deps)
    files = list(args.out.rglob("*.wit"))
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} files, {size / 1e6:.1f} MB of WIT in {args.out}")


if __name__ == "__main__":
    main()
