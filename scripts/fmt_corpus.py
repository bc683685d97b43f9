#!/usr/bin/env python3
"""How close `wit fmt` comes to hand-formatted WIT: runs `wit fmt --check` on every `.wit`
file under the given folders, each with the indentation the file itself uses (`--config
indent=N` or `indent=tab`), and counts the files that would change.

    scripts/fmt_corpus.py [--wit target/release/wit] [--diffs DIR] FOLDER...

Each FOLDER's first level of subfolders is reported on its own line (one per repository when
FOLDER holds clones side by side), then the total. With `--diffs DIR`, the diff of every file
that would change is written under DIR, for reading.
"""

import argparse
import collections
import os
import re
import subprocess
import sys


def indentation(text):
    """The file's indentation unit: "tab", or the smallest indentation in spaces."""
    widths = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("\t"):
            return "tab"
        spaces = len(line) - len(line.lstrip(" "))
        # A line inside a block comment (` * ...`) is no indentation level.
        if spaces and not line.lstrip().startswith("*"):
            widths.append(spaces)
    return str(min(widths)) if widths else "2"


def wit_files(folder):
    for root, dirs, files in os.walk(folder, followlinks=True):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".wit"):
                yield os.path.join(root, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wit", default="target/release/wit")
    parser.add_argument("--diffs", help="write each diff under this folder")
    parser.add_argument("folders", nargs="+")
    args = parser.parse_args()

    totals = collections.Counter()
    for folder in args.folders:
        groups = collections.defaultdict(collections.Counter)
        for path in wit_files(folder):
            rel = os.path.relpath(path, folder)
            group = rel.split(os.sep)[0] if os.sep in rel else "."
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            indent = indentation(text)
            run = subprocess.run(
                [args.wit, "fmt", "--check", "--config", f"indent={indent}", path],
                capture_output=True,
                text=True,
            )
            counts = groups[group]
            counts["files"] += 1
            if run.returncode == 0:
                counts["unchanged"] += 1
            elif "syntax errors" in run.stderr or "invalid UTF-8" in run.stderr:
                counts["refused"] += 1
            else:
                counts["changed"] += 1
                counts["lines"] += sum(
                    1 for l in run.stdout.splitlines() if re.match(r"^-(?!--)", l)
                )
                if args.diffs:
                    out = os.path.join(args.diffs, rel + ".diff")
                    os.makedirs(os.path.dirname(out), exist_ok=True)
                    with open(out, "w", encoding="utf-8") as f:
                        f.write(run.stdout)
        for group, counts in sorted(groups.items()):
            report(os.path.join(folder, group), counts)
            totals.update(counts)
    report("total", totals)


def report(name, counts):
    print(
        f"{name}: {counts['files']} files, {counts['unchanged']} unchanged, "
        f"{counts['changed']} would change ({counts['lines']} lines), "
        f"{counts['refused']} refused for syntax errors"
    )


if __name__ == "__main__":
    sys.exit(main())
