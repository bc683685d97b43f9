// End-to-end test in a real VS Code: code-server (VS Code 1.100) serving a workspace with the
// packaged extension installed, driven by playwright-core in Debian's headless Chromium.
// Opens a WIT file with an error, sees the squiggle, hovers a type and reads its docs, triggers
// completion, runs code lenses on a component built for the test, opens that component as WIT,
// and takes the screenshots the README uses.
//
//   node test/e2e/e2e.mjs URL WORKSPACE SCREENSHOT
import { chromium } from "playwright-core";

const [url, workspace, screenshot] = process.argv.slice(2);
const timeout = 60_000;

/** Waits until a hover shows `needle`, and returns the hover's text. */
async function hoverText(needle) {
  const handle = await page.waitForFunction(
    (needle) => {
      const hovers = [...document.querySelectorAll(".monaco-hover")].map((e) => e.innerText);
      return hovers.find((text) => text.includes(needle));
    },
    needle,
    { timeout },
  );
  return handle.jsonValue();
}

/** Waits until a notification shows `needle`. */
async function toast(needle) {
  await page.waitForFunction(
    (needle) => [...document.querySelectorAll(".notifications-toasts")].some((e) => e.innerText.includes(needle)),
    needle,
    { timeout },
  );
}

function log(message) {
  console.log(`e2e: ${message}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
let failed = false;
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.setDefaultTimeout(timeout);
try {
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector(".monaco-workbench");
  log("workbench loaded");

  // Open wit/api.wit with Quick Open.
  await page.keyboard.press("Control+P");
  await page.waitForSelector(".quick-input-widget input");
  await page.keyboard.type("api.wit");
  await page.waitForSelector(".quick-input-list .monaco-list-row");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".monaco-editor .view-lines");
  log("api.wit open");

  // The error the workspace carries (`u46` is no type) is underlined.
  const squiggle = await page.waitForSelector(".monaco-editor .squiggly-error");
  log("error squiggle shown");
  await squiggle.hover({ force: true });
  const problemText = await hoverText("does not exist");
  log(`hover on the error: ${problemText.split("\n")[0]}`);
  await page.mouse.move(5, 5);
  await page.keyboard.press("Escape");

  // Hover a type: `product` in `result<product, error>` shows its definition and docs.
  const product = page.locator(".monaco-editor .view-line span", { hasText: /^product$/ }).last();
  await product.hover();
  await hoverText("One item of the catalogue");
  log("hover on `product` shows its docs");
  // The hover fades in: let it finish before the picture.
  await page.waitForTimeout(800);
  await page.screenshot({ path: screenshot });
  log(`screenshot written to ${screenshot}`);
  await page.mouse.move(5, 5);

  // Completion in a type position lists the package's types.
  const line = page.locator(".monaco-editor .view-line", { hasText: "total: func() ->" });
  await line.click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("size: func() -> prod");
  await page.keyboard.press("Control+Space");
  const suggest = await page.waitForSelector(".suggest-widget .monaco-list-row");
  const labels = await page.$$eval(".suggest-widget .monaco-list-row", (rows) => rows.map((r) => r.getAttribute("aria-label") ?? r.textContent));
  if (!labels.some((l) => l && l.includes("product"))) throw new Error(`completion offered: ${labels.join(", ")}`);
  log(`completion offers ${labels.length} items, \`product\` among them`);
  await suggest.dispose();
  await page.keyboard.press("Escape");
  // Take the line back out, and fix the error the workspace came with: the lens picture
  // shows a workspace without problems.
  await page.keyboard.press("Control+Shift+K");
  await page.locator(".monaco-editor .view-line span", { hasText: /^u46$/ }).first().dblclick();
  await page.keyboard.type("u64");
  await page.keyboard.press("Control+S");
  await page.waitForFunction(
    () => document.querySelector('[id="status.problems"]')?.getAttribute("aria-label")?.includes("No Problems"),
    null,
    { timeout },
  );
  log("the error fixed: no problems left in the workspace");

  // Run lenses on the component built from calc/wit: one runs at once, one asks for arguments.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+P");
  await page.locator(".quick-input-widget input").waitFor({ state: "visible" });
  await page.keyboard.type("calc/wit/world.wit");
  // The list of the first Quick Open is still in the page: wait for this one's row.
  await page.locator(".quick-input-list .monaco-list-row", { hasText: "calc" }).first().click();
  await page.locator(".monaco-editor .view-line", { hasText: "world calculator" }).waitFor();
  await page.locator(".codelens-decoration a", { hasText: "Run tests (1)" }).waitFor();
  log("calc/wit/world.wit open with its lenses");
  const runs = page.locator(".codelens-decoration a", { hasText: /^▶ Run$/ });
  await runs.first().click();
  await toast("answer() == 42");
  log("the run lens on `answer` ran the component");
  // The notification slides in: let it settle before the picture.
  await page.waitForTimeout(600);
  await page.screenshot({ path: screenshot.replace(/screenshot\.png$/, "lenses.png") });
  await page.keyboard.press("Escape");
  // A function that takes arguments and has no example says so in its lens, and asks.
  await page.locator(".codelens-decoration a", { hasText: "▶ Run mul(…)" }).first().click();
  await page.waitForSelector(".quick-input-widget input");
  await page.keyboard.type("6, 7");
  await page.keyboard.press("Enter");
  await toast("mul(6, 7) == 42");
  log("the run lens on `mul` asked for arguments and ran it");

  // The built component opened as WIT: a read-only document that hover works in.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Shift+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await page.keyboard.type("witty: Open Component as WIT");
  await page.locator(".quick-input-list .monaco-list-row", { hasText: "Open Component as WIT" }).first().click();
  // code-server's file dialog is a path in the quick input.
  await page.waitForTimeout(500);
  await input.fill(`${workspace}/target/wasm32-wasip2/release/calc.wasm`);
  await page.keyboard.press("Enter");
  const mulLine = page.locator(".monaco-editor .view-line", { hasText: "export mul: func(a: u32, b: u32) -> u32;" });
  await mulLine.waitFor();
  log("calc.wasm opened as WIT");
  await mulLine.locator("span", { hasText: /^mul$/ }).hover();
  await hoverText("export mul: func(a: u32, b: u32) -> u32");
  log("hover works in the component's WIT");

  // The explorer's "WIT Dependencies" view lists the package's dependency in `wit/deps/io`.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+Shift+E");
  const header = page.locator(".pane-header", { hasText: "WIT Dependencies" }).first();
  await header.waitFor();
  if ((await header.getAttribute("aria-expanded")) === "false") {
    await header.click();
  }
  await page.locator(".pane-body .monaco-list-row", { hasText: "wasi:io@0.2.0" }).first().waitFor();
  log("the WIT Dependencies view lists wasi:io@0.2.0");
} catch (e) {
  failed = true;
  console.error(`e2e: FAILED: ${e.message ?? e}`);
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-failure.png") }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
