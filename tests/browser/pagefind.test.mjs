// The seed book built with `[preprocessor.seeds.search] engine = "pagefind"`:
// Pagefind's search replaces mdBook's, in headless Chromium. Run by
// tests/browser.rs, which builds that site.
//
//   SITE_DIR        the site built with Pagefind
//   SCREENSHOT_DIR  where screenshots go
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { serveSite, launchChromium, axe } from "./harness.mjs";

const siteDir = resolve(process.env.SITE_DIR ?? "");
const shots = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, "../../target/screenshots"));

let server;
let browser;
const errors = [];
const fetched = [];

before(async () => {
  assert.ok(process.env.SITE_DIR, "SITE_DIR is required");
  await mkdir(shots, { recursive: true });
  server = await serveSite(siteDir);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${path}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${path}: ${e.message}`));
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.base + path);
  return page;
}

test("mdBook's search is gone and a search button takes its place", async () => {
  const page = await open("introduction.html");
  assert.equal(await page.locator("#mdbook-search-toggle").count(), 0);
  const button = page.locator("#seeds-search-toggle");
  await button.waitFor();
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.equal(await page.locator("#seeds-search").isHidden(), true);
  // Pagefind's scripts load on first use only.
  assert.ok(!fetched.some((p) => p.endsWith("pagefind-ui.js")), fetched.join("\n"));
  await page.context().close();
});

test("searching mifamurtide from a nested page opens the right chapter", async () => {
  const page = await open("seeds/metastatic-osteosarcoma.html");
  await page.locator("#seeds-search-toggle").click();
  const input = page.locator("#seeds-search input");
  await input.waitFor();
  assert.equal(await page.locator("#seeds-search-toggle").getAttribute("aria-expanded"), "true");
  await input.fill("mifamurtide");
  const results = page.locator("#seeds-search .pagefind-ui__result-link");
  await results.first().waitFor();
  const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.some((h) => h.startsWith("/seeds/research-into-primary-bone-cancer.html")), hrefs.join("\n"));
  // The editorial notes and the bibliography are not indexed, as with mdBook's search.
  assert.ok(!hrefs.some((h) => h.includes("editorial-notes") || h.includes("bibliography")), hrefs.join("\n"));
  await page.screenshot({ path: join(shots, "pagefind-search.png") });
  const violations = await axe(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`), []);
  await results.filter({ hasText: /research into primary bone cancer/i }).first().click();
  await page.waitForURL(/seeds\/research-into-primary-bone-cancer\.html/);
  assert.ok((await page.locator("main").textContent()).includes("mifamurtide"));
  await page.context().close();
});

test("the keyboard opens and closes the search box, and ?search= runs a search", async () => {
  const page = await open("glossary.html?search=chondrosarcoma");
  const results = page.locator("#seeds-search .pagefind-ui__result-link");
  await results.first().waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#seeds-search").isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "seeds-search-toggle");
  await page.locator("main").click();
  await page.keyboard.press("s");
  await page.locator("#seeds-search input").waitFor({ state: "visible" });
  assert.equal(await page.evaluate(() => document.activeElement.tagName), "INPUT");
  await page.context().close();
});

test("under a sub-path, as a GitHub Pages project site, results link inside the site", async () => {
  const sub = await serveSite(siteDir, "/bone-cancer-book/");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`sub-path: ${e.message}`));
  try {
    await page.goto(sub.base + "seeds/metastatic-osteosarcoma.html?search=mifamurtide");
    const results = page.locator("#seeds-search .pagefind-ui__result-link");
    await results.first().waitFor();
    const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.every((h) => h.startsWith("/bone-cancer-book/")), hrefs.join("\n"));
    await results.filter({ hasText: /research into primary bone cancer/i }).first().click();
    await page.waitForURL(/\/bone-cancer-book\/seeds\/research-into-primary-bone-cancer\.html/);
  } finally {
    await context.close();
    sub.close();
  }
});

// Issue 21: the 404 page is served at whatever address was missing; its
// search must still load the bundle from the book's root (its <base href>,
// book.toml's site-url), and its results must link inside the site.
test("the 404 page at a nested address searches from the book's root", async () => {
  const path = "seeds/missing/page.html?search=mifamurtide";
  const failed = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("response", (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== "document") failed.push(r.url());
  });
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.base + path);
  const results = page.locator("#seeds-search .pagefind-ui__result-link");
  await results.first().waitFor();
  const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.some((h) => h.startsWith("/seeds/research-into-primary-bone-cancer.html")), hrefs.join("\n"));
  assert.ok(!fetched.some((p) => p.startsWith("/seeds/missing/pagefind")), fetched.join("\n"));
  // Only the page itself is "not found": every script, style and index chunk loads.
  assert.deepEqual(failed, []);
  await context.close();
});

test("markup in a page's text stays text in the result excerpts", async () => {
  const page = await open("introduction.html?search=zanzibarword");
  const excerpt = page.locator("#seeds-search .pagefind-ui__result-excerpt", { hasText: "zanzibarword" }).first();
  await excerpt.waitFor();
  assert.match(await excerpt.textContent(), /<img src=x onerror=/);
  assert.equal(await page.locator("#seeds-search img, #seeds-search script").count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.context().close();
});

test("searches load Pagefind's index chunks, never mdBook's index", () => {
  const index = fetched.filter((p) => p.includes("/pagefind/") && /\.pf_(index|fragment|meta)$/.test(p));
  assert.ok(index.length > 0, fetched.join("\n"));
  assert.ok(!fetched.some((p) => /searchindex/.test(p)), fetched.join("\n"));
});

test("no page logged a console error", () => {
  assert.deepEqual(errors, []);
});
