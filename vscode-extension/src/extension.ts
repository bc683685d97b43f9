// The witty extension: starts `wit lsp`, keeps its settings current, shows its state, and adds
// commands, tasks and the interactive side of the run/test lenses.
import * as vscode from "vscode";
import {
  CodeLens,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

import {
  COMPONENT_SCHEME,
  RunArguments,
  SYNTAX_TREE_SCHEME,
  VirtualDocuments,
  openComponent,
  runInteractive,
  showSyntaxTree,
} from "./commands";
import { DependenciesView, VIEW_ID } from "./dependencies";
import { ServerBinary, findServer } from "./server";
import { serverSettings } from "./settings";
import { Status } from "./status";
import { WitTaskProvider } from "./tasks";

let client: LanguageClient | undefined;
let binary: ServerBinary | undefined;
let output: vscode.OutputChannel;
let status: Status;

async function start(context: vscode.ExtensionContext): Promise<void> {
  const found = findServer(context);
  if ("error" in found) {
    binary = undefined;
    status.set("error", found.error);
    const choice = await vscode.window.showErrorMessage(found.error, "Open Settings");
    if (choice === "Open Settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "witty.server.path");
    }
    return;
  }
  binary = found;
  // No `transport`: the client would add `--stdio`; `wit lsp` speaks stdio anyway.
  const serverOptions: ServerOptions = {
    command: found.command,
    args: ["lsp"],
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: "wit", scheme: "file" },
      { language: "wit", scheme: "untitled" },
      { language: "wit", scheme: COMPONENT_SCHEME },
    ],
    initializationOptions: serverSettings(),
    outputChannel: output,
    traceOutputChannel: output,
    middleware: {
      // Run lenses that need arguments ask for them here before the server runs the call.
      provideCodeLenses: async (document, token, next) => {
        const lenses = (await next(document, token)) ?? [];
        return lenses.map((lens) => rewriteRunLens(lens));
      },
      workspace: {
        // The server reads its settings from the `witty` section.
        configuration: (params, token, next) => next(params, token),
      },
    },
  };
  client = new LanguageClient("witty", "witty", serverOptions, clientOptions);
  client.onDidChangeState((e) => status.fromClientState(e.newState));
  try {
    await client.start();
    output.appendLine(`witty: started ${found.command} lsp (from ${found.source})`);
  } catch (e) {
    status.set("error", `The witty language server failed to start: ${e}`);
    vscode.window.showErrorMessage(`The witty language server (${found.command}) failed to start: ${e}`);
  }
}

function rewriteRunLens(lens: vscode.CodeLens | CodeLens): vscode.CodeLens {
  const l = lens as vscode.CodeLens;
  const args = l.command?.arguments?.[0] as RunArguments | undefined;
  if (l.command?.command === "witty.run" && args?.needsArgs) {
    l.command = { ...l.command, command: "witty.runInteractive" };
  }
  return l;
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    await c.stop();
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("witty");
  status = new Status();
  const docs = new VirtualDocuments(() => client);
  const dependencies = new DependenciesView(() => client);
  context.subscriptions.push(
    dependencies,
    vscode.window.registerTreeDataProvider(VIEW_ID, dependencies),
    vscode.commands.registerCommand("witty.refreshDependencies", () => dependencies.refresh()),
    output,
    status,
    vscode.workspace.registerTextDocumentContentProvider(SYNTAX_TREE_SCHEME, docs),
    vscode.workspace.registerTextDocumentContentProvider(COMPONENT_SCHEME, docs),
    vscode.commands.registerCommand("witty.showOutput", () => output.show(true)),
    vscode.commands.registerCommand("witty.restartServer", async () => {
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand("witty.showSyntaxTree", () => showSyntaxTree(docs)),
    vscode.commands.registerCommand("witty.openComponent", (uri?: vscode.Uri) => openComponent(uri)),
    vscode.commands.registerCommand("witty.runInteractive", (args: RunArguments) => runInteractive(client, args)),
    vscode.tasks.registerTaskProvider("wit", new WitTaskProvider(() => binary?.command)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("witty.server.path")) {
        await stop();
        await start(context);
      } else if (e.affectsConfiguration("witty") && client) {
        await client.sendNotification("workspace/didChangeConfiguration", { settings: serverSettings() });
      }
    }),
    // Opening a .wasm file shows its WIT instead of binary bytes.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme === "file" && doc.uri.path.endsWith(".wasm")) {
        void openComponent(doc.uri);
      }
    }),
  );
  await start(context);
  // The tree is asked for once the server runs.
  dependencies.refresh();
}

export async function deactivate(): Promise<void> {
  await stop();
}
