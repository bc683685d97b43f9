// The extension's commands: show the syntax tree of a file, open a component as WIT, and the
// interactive side of the run lens (asking for arguments before the server runs the call).
import * as vscode from "vscode";
import { ExecuteCommandRequest, LanguageClient } from "vscode-languageclient/node";

/** What the server puts in a run lens's command (see lsp/src/lenses in the server). */
export interface RunArguments {
  component: string;
  export: string;
  signature: string;
  /** The call the lens makes without asking: the first doc example, or `name()`. */
  call: string;
  needsArgs: boolean;
}

export const SYNTAX_TREE_SCHEME = "witty-syntax-tree";
export const COMPONENT_SCHEME = "witty-component";

/** Read-only documents whose text the server computes: syntax trees and components' WIT. */
export class VirtualDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.client();
    if (!client) {
      return "// the witty language server is not running";
    }
    const target = vscode.Uri.parse(uri.query).toString();
    if (uri.scheme === SYNTAX_TREE_SCHEME) {
      return client.sendRequest<string>("witty/syntaxTree", { textDocument: { uri: target } });
    }
    const answer = await client.sendRequest<{ wit: string }>("witty/inspectComponent", { uri: target });
    return answer.wit;
  }

  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }
}

export async function showSyntaxTree(docs: VirtualDocuments): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "wit") {
    vscode.window.showInformationMessage("Open a .wit file to see its syntax tree.");
    return;
  }
  const uri = vscode.Uri.from({
    scheme: SYNTAX_TREE_SCHEME,
    path: editor.document.uri.path + ".tree",
    query: editor.document.uri.toString(),
  });
  docs.refresh(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

export async function openComponent(target?: vscode.Uri): Promise<void> {
  let file = target;
  if (!file) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: { "WebAssembly components": ["wasm"] },
      openLabel: "Open as WIT",
    });
    file = picked?.[0];
  }
  if (!file) {
    return;
  }
  const uri = vscode.Uri.from({ scheme: COMPONENT_SCHEME, path: file.path + ".wit", query: file.toString() });
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, "wit");
  await vscode.window.showTextDocument(doc, { preview: true });
}

/** The arguments part of a call: `add(1, 2)` gives `1, 2`. */
function argumentsOf(call: string): string {
  const open = call.indexOf("(");
  const close = call.lastIndexOf(")");
  return open >= 0 && close > open ? call.slice(open + 1, close) : "";
}

/** Asks for the WAVE arguments (pre-filled from the example), then has the server run it. */
export async function runInteractive(client: LanguageClient | undefined, args: RunArguments): Promise<void> {
  if (!client) {
    vscode.window.showErrorMessage("The witty language server is not running.");
    return;
  }
  let call = args.call;
  if (args.needsArgs) {
    const given = await vscode.window.showInputBox({
      title: `Run ${args.export}`,
      prompt: `Arguments in WAVE for ${args.export}: ${args.signature}`,
      value: argumentsOf(args.call),
      ignoreFocusOut: true,
    });
    if (given === undefined) {
      return;
    }
    call = `${args.export}(${given})`;
  }
  await client.sendRequest(ExecuteCommandRequest.type, {
    command: "witty.run",
    arguments: [{ ...args, call }],
  });
}
