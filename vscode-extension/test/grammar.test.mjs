// Grammar tests: tokenize each fixture with VS Code's own TextMate engine (vscode-textmate
// and vscode-oniguruma) and compare with its snapshot (`UPDATE_SNAPSHOTS=1 npm test` writes
// them). Each line of a snapshot is a token, its text and its scopes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");

const wasm = readFileSync(join(root, "node_modules/vscode-oniguruma/release/onig.wasm")).buffer;
const onigLib = oniguruma.loadWASM(wasm).then(() => ({
  createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
  createOnigString: (s) => new oniguruma.OnigString(s),
}));

const registry = new vsctm.Registry({
  onigLib,
  loadGrammar: async (scopeName) => {
    if (scopeName !== "source.wit") return null;
    const text = readFileSync(join(root, "syntaxes/wit.tmLanguage.json"), "utf8");
    return vsctm.parseRawGrammar(text, "wit.tmLanguage.json");
  },
});

async function tokenize(text) {
  const grammar = await registry.loadGrammar("source.wit");
  let state = vsctm.INITIAL;
  const out = [];
  for (const line of text.split("\n")) {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) {
      const piece = line.slice(t.startIndex, t.endIndex);
      if (piece.trim() === "") continue;
      const scopes = t.scopes.filter((s) => s !== "source.wit");
      out.push(`${JSON.stringify(piece)} ${scopes.join(" ")}`);
    }
    state = result.ruleStack;
  }
  return out.join("\n") + "\n";
}

const fixtures = join(here, "fixtures");
for (const name of readdirSync(fixtures).filter((f) => f.endsWith(".wit"))) {
  test(`grammar: ${name}`, async () => {
    const actual = await tokenize(readFileSync(join(fixtures, name), "utf8"));
    const snapshot = join(fixtures, name.replace(/\.wit$/, ".tokens"));
    if (process.env.UPDATE_SNAPSHOTS === "1" || !existsSync(snapshot)) {
      writeFileSync(snapshot, actual);
      if (process.env.CI) assert.fail(`${snapshot} was missing (written now)`);
      return;
    }
    assert.equal(actual, readFileSync(snapshot, "utf8"));
  });
}

test("grammar: the key scopes of the language", async () => {
  const tokens = await tokenize(readFileSync(join(fixtures, "everything.wit"), "utf8"));
  const scopeOf = (piece) => tokens.split("\n").find((l) => l.startsWith(JSON.stringify(piece) + " "));
  assert.match(scopeOf("/// The package's docs."), /comment\.line\.documentation/);
  assert.match(scopeOf("// A plain comment."), /comment\.line\.double-slash/);
  assert.match(scopeOf("since"), /entity\.name\.function\.decorator/);
  assert.match(scopeOf("%record"), /entity\.name\.type\.wit/);
  assert.match(scopeOf("0.3.0-rc.1"), /constant\.numeric\.version/);
  assert.match(scopeOf("error-context"), /support\.type\.primitive/);
  assert.match(scopeOf("map"), /support\.type\.builtin/);
  assert.match(scopeOf("async"), /storage\.modifier\.async/);
});
