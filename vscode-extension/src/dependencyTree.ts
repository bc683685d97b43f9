// The "WIT Dependencies" tree as plain data, from the server's `witty/dependencies` answer:
// one node per package, under it one per dependency (what it holds, where it came from, how
// it is locked, whether it is used) and one per package that is needed but not fetched. No
// VS Code API here, so that it is tested on its own (test/dependencies.test.mjs).

/** The parts of a `witty/dependencies` answer the tree shows (README: "witty/dependencies"). */
export interface DependenciesAnswer {
  package: { name: string | null; uri: string | null };
  dependencies: {
    uri: string | null;
    path: string;
    origin: "folder" | "workspace" | "cache";
    packages: string[];
    locked: { tool: string; uri: string | null; version: string | null }[];
    declared: string[];
    needs: string[];
    used: boolean;
    readOnly: boolean;
  }[];
  missing: { name: string; neededBy: string[]; fetch: { tool: string; command: string } | null }[];
}

export type NodeKind = "package" | "dependency" | "missing";

export interface TreeNode {
  kind: NodeKind;
  label: string;
  description: string;
  tooltip: string;
  /** What opening the node shows: a dependency's folder or file, a package's folder. */
  uri: string | null;
  /** A folder to reveal rather than a file to open. */
  isFolder: boolean;
  readOnly: boolean;
  children: TreeNode[];
}

function lastName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== "");
  return parts[parts.length - 1] ?? path;
}

/** The tree of one package. */
export function packageNode(answer: DependenciesAnswer): TreeNode {
  const deps = answer.dependencies.map((d): TreeNode => {
    const locked = d.locked.map((l) => (l.version ? `${l.tool} ${l.version}` : l.tool));
    const description = [
      d.origin === "folder" ? "" : `from ${d.origin === "cache" ? "wkg's cache" : "the workspace"}`,
      locked.length > 0 ? `locked by ${locked.join(", ")}` : "not locked",
      d.used ? "" : "unused",
    ]
      .filter((s) => s !== "")
      .join(" · ");
    const tooltip = [
      d.path,
      d.declared.length > 0 ? `declared by ${d.declared.join(", ")}` : "",
      d.needs.length > 0 ? `needs ${d.needs.join(", ")}` : "",
    ]
      .filter((s) => s !== "")
      .join("\n");
    return {
      kind: "dependency",
      label: d.packages.length > 0 ? d.packages.join(", ") : lastName(d.path),
      description,
      tooltip,
      uri: d.uri,
      isFolder: d.origin !== "cache" && !/\.(wit|wasm|wat)$/i.test(d.path),
      readOnly: d.readOnly,
      children: [],
    };
  });
  const missing = answer.missing.map(
    (m): TreeNode => ({
      kind: "missing",
      label: m.name,
      description: m.fetch ? `not fetched: run \`${m.fetch.command}\`` : "not found",
      tooltip: `needed by ${m.neededBy.join(", ")}`,
      uri: null,
      isFolder: false,
      readOnly: false,
      children: [],
    }),
  );
  const children = [...deps, ...missing];
  return {
    kind: "package",
    label: answer.package.name ?? lastName(answer.package.uri ?? "package"),
    description: `${answer.dependencies.length} dependencies${missing.length > 0 ? `, ${missing.length} missing` : ""}`,
    tooltip: answer.package.uri ?? "",
    uri: answer.package.uri,
    isFolder: true,
    readOnly: false,
    children,
  };
}

/** Package folders from the paths of `.wit` files: those not inside a `deps/` folder. */
export function packageFolders(witPaths: string[]): string[] {
  const folders = new Set<string>();
  for (const p of witPaths) {
    const parts = p.split("/");
    if (parts.includes("deps")) {
      continue;
    }
    folders.add(parts.slice(0, -1).join("/"));
  }
  return [...folders].sort();
}
