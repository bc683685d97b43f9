// The status bar item: whether the language server is starting, running or stopped; a click
// shows its output.
import * as vscode from "vscode";
import { State } from "vscode-languageclient/node";

export class Status implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem("witty.status", vscode.StatusBarAlignment.Left, 0);
    this.item.name = "witty";
    this.item.command = "witty.showOutput";
    this.set("starting");
    this.item.show();
  }

  set(state: "starting" | "running" | "stopped" | "error", detail?: string): void {
    const icons = { starting: "$(sync~spin)", running: "$(check)", stopped: "$(debug-stop)", error: "$(error)" };
    this.item.text = `${icons[state]} witty`;
    this.item.tooltip = detail ?? `witty language server: ${state}. Click for its output.`;
    this.item.backgroundColor =
      state === "error" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  }

  fromClientState(state: State): void {
    switch (state) {
      case State.Starting:
        this.set("starting");
        break;
      case State.Running:
        this.set("running");
        break;
      case State.Stopped:
        this.set("stopped");
        break;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
