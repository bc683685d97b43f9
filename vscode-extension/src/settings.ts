// The settings the language server reads, as one object: sent at initialization and again
// whenever they change.
import * as vscode from "vscode";

export function serverSettings(): object {
  const c = vscode.workspace.getConfiguration("witty");
  return {
    witty: {
      features: c.get<string[]>("features", []),
      allFeatures: c.get<boolean>("allFeatures", false),
      components: c.get<string[]>("components", []),
      compose: c.get<object[]>("compose", []),
      bindings: {
        hoverLanguage: c.get<string>("bindings.hoverLanguage", "off"),
      },
      run: {
        timeout: c.get<number>("run.timeout", 10),
        maxMemory: c.get<number>("run.maxMemory", 512),
      },
    },
  };
}
