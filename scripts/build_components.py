#!/usr/bin/env python3
"""Builds the components of tests/components with the real toolchains they name, for the tests
that run real components (runner, `wit run`/`wit test`/`wit serve`, the lenses).

Each folder holds a guest's source, its WIT and a `build.toml`:

    tool = "componentize-py"   # or "componentize-js"; pinned in tests/components/
                               # requirements.txt (PyPI) and package-lock.json (npm)
    world = "shapes"           # the world to build
    wasi = true                # copy WASI 0.2's WIT (that of the wasmtime-wasi-http the
                               # runner links, found through `cargo metadata`) into wit/deps

The output is target/test-components/NAME.wasm, rebuilt only when the source, the tool's
version or the WASI WIT changes (the key is written beside it as NAME.key). The tools live in
a venv and a node_modules under target/, reinstalled when the pinned versions change. Any failure exits non-zero
with the tool's own output: scripts/test stops there rather than skipping the tests.

Usage: scripts/build_components.py [--out DIR]
"""

import argparse
import hashlib
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tomllib

REPO = pathlib.Path(__file__).resolve().parent.parent
SOURCES = REPO / "tests" / "components"
REQUIREMENTS = SOURCES / "requirements.txt"
VENV = REPO / "target" / "components-venv"
NPM = REPO / "target" / "components-npm"
WASI_CRATE = ("wasmtime-wasi-http", "48.0.8")


def venv() -> pathlib.Path:
    """The venv with the pinned tools, made or remade when the pins changed."""
    stamp = VENV / "requirements.txt"
    if not (stamp.exists() and stamp.read_bytes() == REQUIREMENTS.read_bytes()):
        shutil.rmtree(VENV, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [str(VENV / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
             "-r", str(REQUIREMENTS)],
            check=True,
        )
        shutil.copyfile(REQUIREMENTS, stamp)
    return VENV / "bin"


def node_modules() -> pathlib.Path:
    """componentize-js from npm, as package-lock.json pins it, installed with `npm ci`."""
    lock = SOURCES / "package-lock.json"
    stamp = NPM / "installed-lock.json"
    if not (stamp.exists() and stamp.read_bytes() == lock.read_bytes()):
        shutil.rmtree(NPM, ignore_errors=True)
        NPM.mkdir(parents=True)
        shutil.copyfile(SOURCES / "package.json", NPM / "package.json")
        shutil.copyfile(lock, NPM / "package-lock.json")
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NPM, check=True
        )
        shutil.copyfile(lock, stamp)
    return NPM / "node_modules" / ".bin"


def wasi_wit() -> pathlib.Path:
    """The `wit/deps` folder of the wasmtime-wasi-http crate the runner links."""
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1"],
        cwd=REPO, check=True, capture_output=True, text=True,
    ).stdout
    name, version = WASI_CRATE
    for package in json.loads(out)["packages"]:
        if package["name"] == name and package["version"] == version:
            return pathlib.Path(package["manifest_path"]).parent / "wit" / "deps"
    sys.exit(f"build_components: {name} {version} is not in `cargo metadata`")


def digest(paths: list[pathlib.Path], extra: str) -> str:
    h = hashlib.sha256(extra.encode())
    for path in paths:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def files(folder: pathlib.Path) -> list[pathlib.Path]:
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    )


def tool_version(bin_dir: pathlib.Path, tool: str) -> str:
    """`componentize-py 0.25.1`: componentize-js prints only the number."""
    version = subprocess.run(
        [str(bin_dir / tool), "--version"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return version if version.startswith(tool) else f"{tool} {version}"


def command(tool: str, bin_dir: pathlib.Path, world: str, out: pathlib.Path) -> list[str]:
    """How each tool is asked to build the world's guest in the current folder."""
    if tool == "componentize-py":
        return [str(bin_dir / tool), "--quiet", "-d", "wit", "-w", world, "componentize", "app",
                "-o", str(out)]
    return [str(bin_dir / tool), "app.js", "--wit", "wit", "--world-name", world, "--out", str(out)]


TOOLS = {"componentize-py": venv, "componentize-js": node_modules}


def build(name: str, folder: pathlib.Path, out: pathlib.Path, versions, wasi) -> None:
    spec = tomllib.loads((folder / "build.toml").read_text())
    tool = spec["tool"]
    if tool not in TOOLS:
        sys.exit(f"build_components: {folder / 'build.toml'}: unknown tool {tool!r} "
                 f"(expected one of {', '.join(TOOLS)})")
    bin_dir = TOOLS[tool]()
    if tool not in versions:
        versions[tool] = tool_version(bin_dir, tool)
    inputs = files(folder) + (sorted(wasi.glob("*.wit")) if spec.get("wasi") else [])
    key = digest(inputs, versions[tool])
    wasm, stamp = out / f"{name}.wasm", out / f"{name}.key"
    if wasm.exists() and stamp.exists() and stamp.read_text() == key:
        print(f"  {name}: cached ({versions[tool]})")
        return
    # The tool runs on a copy, so that wit/deps and its caches never land in the repo.
    work = out / "src" / name
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(folder, work, ignore=shutil.ignore_patterns("__pycache__"))
    if spec.get("wasi"):
        shutil.copytree(wasi, work / "wit" / "deps", dirs_exist_ok=True)
    tmp = out / f"{name}.wasm.tmp"
    result = subprocess.run(
        command(tool, bin_dir, spec["world"], tmp), cwd=work, capture_output=True, text=True
    )
    if result.returncode != 0:
        # componentize-py's Rust backtrace says nothing about the guest: keep the rest.
        text = result.stdout + result.stderr
        lines = [l for l in text.splitlines() if not l.startswith("   ")]
        sys.exit(f"build_components: {tool} failed on {folder}:\n" + "\n".join(lines[:40]))
    tmp.replace(wasm)
    stamp.write_text(key)
    print(f"  {name}: built with {versions[tool]} ({wasm.stat().st_size // 1024} KiB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=REPO / "target" / "test-components")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    wasi = wasi_wit()
    versions: dict[str, str] = {}
    print(f"test components into {args.out}:")
    for folder in sorted(p for p in SOURCES.iterdir() if (p / "build.toml").exists()):
        build(folder.name, folder, args.out, versions, wasi)


if __name__ == "__main__":
    main()
