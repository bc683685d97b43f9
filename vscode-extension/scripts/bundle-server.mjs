// Copies the release build of `wit` into server/, where the extension looks for it first
// (after the `witty.server.path` setting). Build it with `cargo build --release --bin wit`,
// or name another build with WITTY_BIN (the end-to-end test reuses the test build).
import { execFileSync } from "node:child_process";
import { copyFileSync, chmodSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const exe = process.platform === "win32" ? "wit.exe" : "wit";
const built = process.env.WITTY_BIN || join(here, "..", "..", "target", "release", exe);
if (!existsSync(built)) {
  console.error(`${built} does not exist: run \`cargo build --release --bin wit\` first`);
  process.exit(1);
}
const dest = join(here, "..", "server");
mkdirSync(dest, { recursive: true });
copyFileSync(built, join(dest, exe));
chmodSync(join(dest, exe), 0o755);
// Line tables are for profiling, not for users: strip them when `strip` is there.
try {
  execFileSync("strip", [join(dest, exe)]);
} catch {
  console.warn("strip is not available: the bundled server keeps its debug information");
}
console.log(`copied ${built} to ${join(dest, exe)}`);
