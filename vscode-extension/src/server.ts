// Finding the `wit` binary that runs the language server: the `witty.server.path` setting,
// else the binary bundled in the extension's server/ folder, else `wit` on PATH.
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";

export interface ServerBinary {
  command: string;
  /** Where it was found, for messages. */
  source: "setting" | "bundled" | "PATH";
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d.length > 0);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

export function findServer(context: vscode.ExtensionContext): ServerBinary | { error: string } {
  const exe = process.platform === "win32" ? "wit.exe" : "wit";
  const configured = vscode.workspace.getConfiguration("witty").get<string | null>("server.path");
  if (configured) {
    const resolved = configured.startsWith("~")
      ? path.join(process.env.HOME ?? "", configured.slice(1))
      : configured;
    if (isExecutable(resolved)) {
      return { command: resolved, source: "setting" };
    }
    return {
      error: `The witty.server.path setting names ${resolved}, which is not an executable file. Fix the setting, or clear it to use the bundled server.`,
    };
  }
  const bundled = context.asAbsolutePath(path.join("server", exe));
  if (isExecutable(bundled)) {
    return { command: bundled, source: "bundled" };
  }
  const found = onPath(exe);
  if (found) {
    return { command: found, source: "PATH" };
  }
  return {
    error:
      "The witty language server (`wit`) was not found: this build of the extension bundles none and `wit` is not on PATH. Install it with `cargo install --git https://github.com/witty-dev/witty witty-cli`, or set witty.server.path.",
  };
}
