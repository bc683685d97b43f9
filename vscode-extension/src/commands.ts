// The extension's commands: show the syntax tree of a file, open a component as WIT, and the
// interactive side of the run lens (asking for arguments before the server runs the call).
import * as vscode from "vscode";
import { ExecuteCommandRequest, LanguageClient } from "vscode-languageclient/node";

import { BindingsAnswer, bindingsText, decodeQuery, encodeQuery, languageChoices } from "./bindingsView";

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
export const BINDINGS_SCHEME = "witty-bindings";
/** The workspace state key of the language "Show Bindings" used last. */
const BINDINGS_LANG = "witty.bindings.lang";

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
    if (uri.scheme === BINDINGS_SCHEME) {
      const q = decodeQuery(uri.query);
      try {
        const answer = await client.sendRequest<BindingsAnswer>("witty/bindings", q);
        return bindingsText(answer);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        vscode.window.showErrorMessage(`witty: no bindings: ${message}`);
        return `// no bindings: ${message}\n`;
      }
    }
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

/** Asks for the language (the last choice first, remembered for the workspace) and opens the
 * bindings of the current file's package as a read-only document. */
export async function showBindings(context: vscode.ExtensionContext, docs: VirtualDocuments): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "wit") {
    vscode.window.showInformationMessage("Open a .wit file to see the bindings of its package.");
    return;
  }
  const last = context.workspaceState.get<string>(BINDINGS_LANG);
  const picked = await vscode.window.showQuickPick(
    languageChoices(last).map((l) => ({ label: l.label, description: l.id, lang: l })),
    { title: "Bindings for which language?" },
  );
  if (!picked) {
    return;
  }
  await context.workspaceState.update(BINDINGS_LANG, picked.lang.id);
  const source = editor.document.uri;
  const name = source.path.replace(/\.wit$/, "");
  const uri = vscode.Uri.from({
    scheme: BINDINGS_SCHEME,
    path: `${name}.bindings.${picked.lang.ext}`,
    query: encodeQuery({ uri: source.toString(), lang: picked.lang.id }),
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
