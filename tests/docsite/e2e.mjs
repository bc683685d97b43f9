// The `wit doc` browser test: opens a generated site from disk in Debian's Chromium (driven
// by playwright-core) and checks what a reader relies on: every page renders with its
// stylesheet and without script errors, every link resolves to a page and anchor of the
// site, the search box finds a type and opens it, each world's picture shows its imports,
// the pages fit a phone's width, and axe-core finds no serious or critical accessibility
// violation, in the light and the dark scheme.
//
//   node e2e.mjs SITE_DIR --search NAME --kind KIND [--screenshots DIR]
//
// The npm packages are found in DOCSITE_MODULES (a node_modules folder that run.sh fills).
import { createRequire } from "node:module";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const modules = process.env.DOCSITE_MODULES;
if (!modules) throw new Error("DOCSITE_MODULES must name the node_modules folder with playwright-core and axe-core");
const require = createRequire(path.join(modules, "package.json"));
const { chromium } = require("playwright-core");
const axeSource = require.resolve("axe-core/axe.min.js");

const args = process.argv.slice(2);
const site = path.resolve(args[0]);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const searchName = option("--search");
const searchKind = option("--kind");
const screenshots = option("--screenshots");
const timeout = 20_000;

function log(message) {
  console.log(`docsite e2e: ${message}`);
}
const failures = [];
function fail(message) {
  failures.push(message);
  console.error(`docsite e2e: FAIL ${message}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
// Nothing may be fetched from the network: the site must work offline.
await context.route(/^(https?|wss?):/, (route) => {
  fail(`the site fetched ${route.request().url()}`);
  route.abort();
});
const page = await context.newPage();
page.setDefaultTimeout(timeout);
const scriptErrors = [];
page.on("pageerror", (e) => scriptErrors.push(String(e)));
page.on("console", (m) => {
  if (m.type() === "error") scriptErrors.push(m.text());
});

const index = pathToFileURL(path.join(site, "index.html")).href;

/** The file and fragment a link points to, if it is a link into the site. */
function inSite(href) {
  if (!href.startsWith("file:")) return null;
  const url = new URL(href);
  const file = fileURLToPath(url);
  return { file, hash: decodeURIComponent(url.hash.slice(1)), page: pathToFileURL(file).href };
}

try {
  // 1. Crawl every page reachable from the index; check each renders and each link resolves.
  const seen = new Set();
  const queue = [index];
  const links = []; // [from, href]
  const worldPages = [];
  const idsOf = new Map(); // page -> its ids
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const before = scriptErrors.length;
    await page.goto(url);
    const facts = await page.evaluate(() => ({
      h1: document.querySelector("main h1")?.textContent.trim() ?? "",
      styled: getComputedStyle(document.querySelector(".banner")).display === "flex",
      links: [...document.querySelectorAll("a[href]")].map((a) => new URL(a.getAttribute("href"), location.href).href),
      ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
      world: !!document.querySelector("svg.world-picture"),
      landmarks: ["header", "nav", "main", "footer"].every((t) => document.querySelector(t)),
    }));
    if (!facts.h1) fail(`${url}: no heading in main`);
    if (!facts.styled) fail(`${url}: the stylesheet did not apply`);
    if (!facts.landmarks) fail(`${url}: a landmark (header, nav, main, footer) is missing`);
    if (scriptErrors.length > before) fail(`${url}: script errors ${scriptErrors.slice(before).join("; ")}`);
    if (facts.world) worldPages.push(url);
    for (const href of facts.links) {
      const target = inSite(href);
      if (!target) continue;
      links.push([url, href, target]);
      if (existsSync(target.file) && target.file.endsWith(".html")) queue.push(target.page);
    }
    idsOf.set(url, new Set(facts.ids));
  }
  let checked = 0;
  for (const [from, href, target] of links) {
    if (!existsSync(target.file)) {
      fail(`${from}: link ${href} points to a missing file`);
      continue;
    }
    if (target.hash && target.file.endsWith(".html")) {
      const ids = idsOf.get(target.page);
      if (!ids) {
        fail(`${from}: link ${href} into a page the crawl did not open`);
        continue;
      }
      if (!ids.has(target.hash)) fail(`${from}: link ${href} names a missing anchor`);
    }
    checked++;
  }
  log(`${seen.size} pages render; ${checked} links resolve`);
  if (seen.size < 3) fail(`only ${seen.size} pages were reachable from the index`);

  // 2. The search box finds the type and opens it.
  if (searchName) {
    await page.goto(index);
    await page.getByLabel("Search names").fill(searchName);
    const result = page.locator("#search-results a", { hasText: searchName }).first();
    await result.waitFor();
    const text = await result.innerText();
    if (searchKind && !text.includes(searchKind)) fail(`search result for ${searchName} is not a ${searchKind}: ${text}`);
    if (screenshots) await shot("wit-doc-search.png");
    await page.getByLabel("Search names").press("Enter");
    await page.waitForURL((u) => u.href !== index);
    const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
    // A result is an anchor in a page, or a page of its own (an interface, a world).
    const found = await page.evaluate(
      (id) => (id ? document.getElementById(id) : document.querySelector("main h1"))?.textContent ?? "",
      hash,
    );
    if (!found.includes(searchName)) fail(`search opened ${page.url()}, which does not show ${searchName}`);
    else log(`search finds ${searchName} (${searchKind ?? "any kind"}) and opens ${page.url()}`);
  }

  // 3. Each world's picture shows its imports, as its list of imports names them.
  for (const url of worldPages) {
    await page.goto(url);
    const facts = await page.evaluate(() => {
      const svg = document.querySelector("svg.world-picture");
      const box = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll("text")].map((t) => t.textContent);
      const imports = [...document.querySelectorAll("#imports + ul li code")].map((c) => c.textContent);
      return { width: box.width, height: box.height, labels, imports };
    });
    if (facts.width < 50 || facts.height < 20) fail(`${url}: the world picture is not drawn (${facts.width}x${facts.height})`);
    for (const name of facts.imports) {
      if (!facts.labels.some((l) => l === name || l === `${name}()` || l === `type ${name}`)) {
        fail(`${url}: the picture does not show import ${name}`);
      }
    }
    log(`${url.split("/").slice(-1)[0]}: the picture shows ${facts.imports.length} imports`);
  }
  if (worldPages.length === 0) fail("the site has no world page with a picture");

  // 4. Accessibility (axe-core, WCAG 2 A/AA and best practices), light and dark, and the
  //    width of a phone.
  const samples = [index, ...[...seen].filter((u) => u.includes("/interface.")).slice(0, 2), ...worldPages.slice(0, 2)];
  const versions = pathToFileURL(path.join(site, "versions.html")).href;
  samples.push(versions);
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of samples) {
      await page.goto(url);
      await page.addScriptTag({ path: axeSource });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, target: v.nodes[0]?.target }));
      });
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      for (const v of serious) fail(`${url} (${scheme}): axe ${v.impact} ${v.id}: ${v.help} (${v.nodes} nodes, e.g. ${v.target})`);
      const minor = violations.filter((v) => !serious.includes(v)).map((v) => `${v.id} (${v.impact})`);
      log(`axe ${scheme} ${url.split("/").slice(-1)[0]}: ${serious.length} serious${minor.length ? `; minor: ${minor.join(", ")}` : ""}`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (screenshots) {
    const iface = samples.find((u) => u.includes("/interface."));
    if (iface) {
      await page.goto(iface);
      await shot("wit-doc-interface.png");
    }
    if (worldPages[0]) {
      await page.goto(worldPages[0]);
      await shot("wit-doc-world.png");
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of samples) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 1) fail(`${url}: ${overflow}px wider than a phone's screen`);
  }
  log(`${samples.length} pages fit a 390px-wide screen`);
  if (screenshots && worldPages[0]) {
    await page.goto(worldPages[0]);
    await page.emulateMedia({ colorScheme: "dark" });
    await shot("wit-doc-phone-dark.png");
  }
} catch (e) {
  fail(String(e?.stack ?? e));
} finally {
  await browser.close();
}

async function shot(name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, name) });
  log(`screenshot ${path.join(screenshots, name)}`);
}

if (failures.length) {
  console.error(`docsite e2e: ${failures.length} failures`);
  process.exit(1);
}
log("passed");
