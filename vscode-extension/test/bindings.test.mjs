// "witty: Show Bindings" without VS Code: the language offered first is the one chosen last,
// the document's query round-trips, and the server's answer becomes the text shown.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const view = require("../out/tsc/bindingsView.js");

test("the language chosen last is offered first, the others after in their order", () => {
  assert.deepEqual(view.languageChoices(undefined).map((l) => l.id), ["rust", "c", "cpp", "csharp", "moonbit", "markdown"]);
  assert.deepEqual(view.languageChoices("csharp").map((l) => l.id), ["csharp", "rust", "c", "cpp", "moonbit", "markdown"]);
  assert.deepEqual(view.languageChoices("cobol").map((l) => l.id), ["rust", "c", "cpp", "csharp", "moonbit", "markdown"]);
});

test("the query of the document round-trips, and a foreign one is refused", () => {
  const q = { uri: "file:///w/wit/world.wit", lang: "c", world: "app" };
  assert.deepEqual(view.decodeQuery(view.encodeQuery(q)), q);
  assert.throws(() => view.decodeQuery(JSON.stringify({ lang: "c" })), /not a bindings query/);
});

test("one file is shown as it is; several after their names; a binary one by its size", () => {
  const one = { world: "demo:x/app", lang: "rust", generator: "wit-bindgen 0.63.0", files: [{ name: "app.rs", text: "pub mod x {}\n" }] };
  assert.equal(view.bindingsText(one), "pub mod x {}\n");
  const c = {
    world: "demo:x/app",
    lang: "c",
    generator: "wit-bindgen 0.63.0",
    files: [
      { name: "app.h", text: "#include <stdint.h>\n" },
      { name: "app.c", text: "#include \"app.h\"\n" },
      { name: "app_component_type.o", text: null, bytes: 321 },
    ],
  };
  assert.equal(
    view.bindingsText(c),
    "==> app.h <==\n#include <stdint.h>\n\n==> app.c <==\n#include \"app.h\"\n\n==> app_component_type.o <==\n(binary, 321 bytes: `wit bindgen --out-dir` writes it)\n",
  );
});
