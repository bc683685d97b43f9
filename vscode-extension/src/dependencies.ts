// The "WIT Dependencies" view in the explorer: the server's `witty/dependencies` tree for each
// package of the workspace, asked again when a `.wit`, `.wasm` or dependency tool's file
// changes. A dependency opens its file, or reveals its folder; one read from wkg's cache opens
// as WIT (read-only).
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";

import { DependenciesAnswer, TreeNode, packageFolders, packageNode } from "./dependencyTree";

export const VIEW_ID = "witty.dependencies";

/** The files whose change may change the tree. */
const WATCHED = "**/{*.wit,*.wasm,wkg.toml,wkg.lock,deps.toml,deps.lock,Cargo.toml,Cargo-component.lock}";

export class DependenciesView implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    const watcher = vscode.workspace.createFileSystemWatcher(WATCHED);
    const later = () => this.refreshSoon();
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidCreate(later),
      watcher.onDidChange(later),
      watcher.onDidDelete(later),
    );
  }

  /** Asks again after changes settle (a fetch writes many files at once). */
  refreshSoon(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => this.refresh(), 500);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const collapsed =
      node.children.length > 0
        ? node.kind === "package"
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsed);
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.kind;
    item.iconPath = new vscode.ThemeIcon(
      node.kind === "package" ? "package" : node.kind === "missing" ? "warning" : node.isFolder ? "folder" : "file",
    );
    if (node.uri) {
      const uri = vscode.Uri.parse(node.uri);
      item.resourceUri = uri;
      item.command = node.isFolder
        ? { title: "Reveal", command: "revealInExplorer", arguments: [uri] }
        : node.readOnly
          ? { title: "Open as WIT", command: "witty.openComponent", arguments: [uri] }
          : { title: "Open", command: "vscode.open", arguments: [uri] };
    }
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      return node.children;
    }
    const client = this.client();
    if (!client || !client.isRunning()) {
      return [];
    }
    const files = await vscode.workspace.findFiles("**/*.wit", "**/{node_modules,target,.git}/**");
    const folders = packageFolders(files.map((f) => f.path));
    const nodes: TreeNode[] = [];
    for (const folder of folders) {
      const uri = files[0].with({ path: folder }).toString();
      try {
        const answer = await client.sendRequest<DependenciesAnswer>("witty/dependencies", { uri });
        nodes.push(packageNode(answer));
      } catch (e) {
        // A folder the server does not see as a package: left out of the tree.
        continue;
      }
    }
    return nodes;
  }

  dispose(): void {
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
