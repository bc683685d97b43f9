// Tasks: `wit check` (and fmt, test) from Tasks: Run Task, with errors made clickable by the
// `$wit` problem matcher over `--format github` lines.
import * as vscode from "vscode";

interface WitTaskDefinition extends vscode.TaskDefinition {
  command: "check" | "fmt" | "test";
  args?: string[];
}

export class WitTaskProvider implements vscode.TaskProvider {
  constructor(private readonly binary: () => string | undefined) {}

  provideTasks(): vscode.Task[] {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      return [];
    }
    return [
      this.make({ type: "wit", command: "check" }, folder),
      this.make({ type: "wit", command: "fmt", args: ["--check"] }, folder),
    ];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const def = task.definition as WitTaskDefinition;
    const scope =
      task.scope && typeof task.scope === "object" ? (task.scope as vscode.WorkspaceFolder) : undefined;
    return this.make(def, scope ?? vscode.workspace.workspaceFolders?.[0]);
  }

  private make(def: WitTaskDefinition, folder: vscode.WorkspaceFolder | undefined): vscode.Task {
    const args = [def.command, ...(def.command === "check" ? ["--format", "github"] : []), ...(def.args ?? [])];
    const exec = new vscode.ProcessExecution(this.binary() ?? "wit", args, {
      cwd: folder?.uri.fsPath,
    });
    const task = new vscode.Task(
      def,
      folder ?? vscode.TaskScope.Workspace,
      `${def.command}${def.args?.length ? " " + def.args.join(" ") : ""}`,
      "wit",
      exec,
      def.command === "check" ? ["$wit"] : [],
    );
    task.group = def.command === "check" ? vscode.TaskGroup.Build : vscode.TaskGroup.Test;
    return task;
  }
}
