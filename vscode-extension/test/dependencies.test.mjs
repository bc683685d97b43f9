// The "WIT Dependencies" tree built from `witty/dependencies` answers (as the server gives
// them for a wkg project: a locked folder, a blob read from wkg's cache, an unused folder
// nobody locks, and a package that is locked but not fetched).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { packageNode, packageFolders } = require("../out/tsc/dependencyTree.js");

const answer = {
  version: 1,
  package: { name: "my:app", uri: "file:///p/wit" },
  tools: ["wkg"],
  files: ["file:///p/wkg.lock"],
  dependencies: [
    {
      uri: "file:///p/wit/deps/wasi-io-0.2.0",
      path: "/p/wit/deps/wasi-io-0.2.0",
      origin: "folder",
      packages: ["wasi:io@0.2.0"],
      locked: [{ tool: "wkg", uri: "file:///p/wkg.lock", version: "0.2.0" }],
      declared: [],
      needs: [],
      used: true,
      readOnly: false,
    },
    {
      uri: "file:///cache/sha256:ab",
      path: "/cache/sha256:ab",
      origin: "cache",
      packages: ["wasi:clocks@0.2.0"],
      locked: [{ tool: "wkg", uri: "file:///p/wkg.lock", version: "0.2.0" }],
      declared: [],
      needs: ["wasi:io@0.2.0"],
      used: true,
      readOnly: true,
    },
    {
      uri: "file:///p/wit/deps/old.wit",
      path: "/p/wit/deps/old.wit",
      origin: "folder",
      packages: ["my:old"],
      locked: [],
      declared: [],
      needs: [],
      used: false,
      readOnly: false,
    },
  ],
  missing: [
    { name: "wasi:cli@0.2.0", neededBy: ["my:app"], fetch: { tool: "wkg", command: "wkg wit fetch" } },
  ],
  problems: [],
};

test("a package's dependencies and what is missing", () => {
  const node = packageNode(answer);
  const shown = [node, ...node.children].map((n) => [n.kind, n.label, n.description, n.isFolder, n.readOnly, n.uri]);
  assert.deepEqual(shown, [
    ["package", "my:app", "3 dependencies, 1 missing", true, false, "file:///p/wit"],
    ["dependency", "wasi:io@0.2.0", "locked by wkg 0.2.0", true, false, "file:///p/wit/deps/wasi-io-0.2.0"],
    ["dependency", "wasi:clocks@0.2.0", "from wkg's cache · locked by wkg 0.2.0", false, true, "file:///cache/sha256:ab"],
    ["dependency", "my:old", "not locked · unused", false, false, "file:///p/wit/deps/old.wit"],
    ["missing", "wasi:cli@0.2.0", "not fetched: run `wkg wit fetch`", false, false, null],
  ]);
  assert.equal(node.children[1].tooltip, "/cache/sha256:ab\nneeds wasi:io@0.2.0");
});

test("a package with no name and nothing missing", () => {
  const node = packageNode({ ...answer, package: { name: null, uri: "file:///p/api" }, dependencies: [], missing: [] });
  assert.equal(node.label, "api");
  assert.equal(node.description, "0 dependencies");
  assert.deepEqual(node.children, []);
});

test("package folders leave out what is inside deps/", () => {
  assert.deepEqual(
    packageFolders(["/p/wit/world.wit", "/p/wit/types.wit", "/p/wit/deps/io/streams.wit", "/q/api/a.wit"]),
    ["/p/wit", "/q/api"],
  );
});
