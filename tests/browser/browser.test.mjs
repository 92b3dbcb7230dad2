// Browser tests of the built site, in Debian's headless Chromium driven by
// playwright-core, with axe-core for accessibility.
//
//   SITE_DIR        the built site (default: ../../target/browser-site)
//   SCREENSHOT_DIR  where screenshots go (default: ../../target/screenshots)
//   CHROMIUM        the browser (default: /usr/bin/chromium)
//
// Run by .ci/run after `mdbook-seeds build . -d target/browser-site`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveSite, launchChromium, axe } from "./harness.mjs";

const here = import.meta.dirname;
const siteDir = resolve(process.env.SITE_DIR ?? join(here, "../../target/browser-site"));
const shots = resolve(process.env.SCREENSHOT_DIR ?? join(here, "../../target/screenshots"));

const SEEDS = [
  ["Systemic strategies for osteosarcoma: advances and future directions", "seeds/systemic-strategies-for-osteosarcoma-advances-and-future.html"],
  ["Metastatic osteosarcoma", "seeds/metastatic-osteosarcoma.html"],
  ["Research into primary bone cancer", "seeds/research-into-primary-bone-cancer.html"],
  ["Immunotherapy treatment for bone cancer", "seeds/immunotherapy-treatment-for-bone-cancer.html"],
  ["Outcomes of bone tumours", "seeds/outcomes-of-bone-tumours.html"],
];

let server;
let base;
let browser;
const consoleErrors = [];

before(async () => {
  assert.ok(existsSync(join(siteDir, "index.html")), `no site in ${siteDir}: build it first`);
  await mkdir(shots, { recursive: true });
  server = await serveSite(siteDir);
  base = server.base;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(`${path}: ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(`${path}: ${e.message}`));
  await page.goto(base + path);
  return page;
}


test("the sidebar lists every chapter", async () => {
  const page = await open("index.html");
  const names = await page.locator("#mdbook-sidebar .chapter a").allTextContents();
  const text = names.join("\n");
  for (const name of ["Introduction", ...SEEDS.map((s) => s[0]), "Glossary", "Bibliography", "How this book is made", "Editorial notes"]) {
    assert.ok(text.includes(name), `${name} missing from the sidebar:\n${text}`);
  }
  await page.context().close();
});

// Issue 21: every "Notes: …" page stood at the sidebar's top level.
test("the sidebar's top level has the book's chapters and one entry for the notes", async () => {
  const page = await open("index.html");
  const top = await page
    .locator("#mdbook-sidebar ol.chapter > li.chapter-item")
    .evaluateAll((lis) => lis.map((li) => li.querySelector("a")?.textContent?.trim() ?? "").filter((t) => t));
  const notes = top.filter((t) => /notes/i.test(t));
  assert.equal(notes.length, 1, top.join("\n"));
  assert.match(notes[0], /Editorial notes/);
  // The pages of the notes are nested under it.
  const nested = await page.locator("#mdbook-sidebar ol.chapter ol.section a").allTextContents();
  assert.equal(nested.filter((t) => t.includes("Notes:")).length, SEEDS.length, nested.join("\n"));
  await page.context().close();
});

// Issue 21: the notes index table wrapped into a tall strip; on a phone the
// tables scrolled sideways.
test("the editorial notes read at phone width (390 px) without sideways scrolling", async () => {
  for (const path of ["editorial-notes.html", "editorial-notes/metastatic-osteosarcoma.html"]) {
    const page = await open(path, { viewport: { width: 390, height: 844 } });
    const wide = await page.evaluate(() => {
      const main = document.querySelector("main");
      const over = [...main.querySelectorAll("*")].filter((e) => e.scrollWidth > main.clientWidth + 1);
      return { page: document.documentElement.scrollWidth > window.innerWidth + 1, over: over.map((e) => e.tagName) };
    });
    assert.deepEqual(wide, { page: false, over: [] }, path);
    await page.screenshot({ path: join(shots, `notes-390-${path.replace(/\W+/g, "-")}.png`) });
    await page.context().close();
  }
  const page = await open("editorial-notes/metastatic-osteosarcoma.html");
  // At desktop width the edits stay a table with its header.
  assert.ok(await page.locator(".seeds-edits thead").first().isVisible());
  await page.screenshot({ path: join(shots, "notes-1280.png") });
  await page.context().close();
});

test("searching mifamurtide shows a result that opens the right page", async () => {
  const page = await open("introduction.html");
  await page.locator("#mdbook-search-toggle").click();
  // mdBook's searcher listens to key presses.
  await page.locator("#mdbook-searchbar").pressSequentially("mifamurtide");
  const results = page.locator("#mdbook-searchresults a");
  await results.first().waitFor();
  const hrefs = await results.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.some((h) => h.includes("research-into-primary-bone-cancer.html")), hrefs.join("\n"));
  await page.screenshot({ path: join(shots, "search.png") });
  await page.locator(`#mdbook-searchresults a[href*="research-into-primary-bone-cancer.html"]`).first().click();
  await page.waitForURL(/research-into-primary-bone-cancer\.html/);
  assert.ok((await page.locator("main").textContent()).includes("mifamurtide"));
  await page.context().close();
});

test("a cross-link lands on its target section and the glossary entry", async () => {
  const page = await open(SEEDS[1][1]);
  const link = page.locator(`main a.term[href$="research-into-primary-bone-cancer.html#mri-scans"]`).first();
  await link.click();
  await page.waitForURL(/research-into-primary-bone-cancer\.html#mri-scans$/);
  assert.ok(await page.locator("#mri-scans").isVisible());
  const box = await page.locator("#mri-scans").boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, `the MRI heading is in view (y=${box?.y})`);
  const toGlossary = page.locator(`main a.term[href*="glossary.html#"]`).first();
  const href = await toGlossary.getAttribute("href");
  await toGlossary.click();
  const id = href.split("#")[1];
  await page.waitForURL(new RegExp(`glossary\\.html#${id}$`));
  assert.ok(await page.locator(`[id="${id}"]`).isVisible());
  await page.context().close();
});

// The seed book has no linked in-text citation (the review's list was never
// scraped); the bibliography's links to reference entries are the citation
// links a reader follows here. In-text citations are tested in tests/e2e.rs.
test("a reference link lands on its entry, and a term previews its definition on focus", async () => {
  // The bibliography links each entry to where a page lists it.
  const page = await open("bibliography.html");
  const link = page.locator(`ol.bibliography a[href*="#ref-"]`).first();
  const href = await link.getAttribute("href");
  await link.click();
  const id = href.split("#")[1];
  await page.waitForURL(new RegExp(`#${id}$`));
  assert.ok(await page.locator(`li[id="${id}"]`).isVisible());
  // A term link previews its definition on keyboard focus, and Escape hides it.
  await page.goto(base + SEEDS[2][1]);
  const t = page.locator("main a.term").first();
  await t.focus();
  const tip = page.locator("#seeds-tip");
  await tip.waitFor({ state: "visible" });
  assert.ok((await tip.textContent()).length > 5);
  assert.equal(await t.getAttribute("aria-describedby"), "seeds-tip");
  await page.keyboard.press("Escape");
  await tip.waitFor({ state: "hidden" });
  await page.context().close();
});

test("the theme toggle switches to a dark theme and back", async () => {
  const page = await open(SEEDS[2][1]);
  await page.locator("#mdbook-theme-toggle").click();
  await page.locator("#mdbook-theme-coal").click();
  assert.ok(await page.locator("html.coal").count(), "html has the coal class");
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector(".seed-source")).backgroundColor);
  await page.screenshot({ path: join(shots, "chapter-dark.png") });
  await page.reload();
  assert.ok(await page.locator("html.coal").count(), "the theme survives a reload");
  await page.locator("#mdbook-theme-toggle").click();
  await page.locator("#mdbook-theme-light").click();
  assert.ok(await page.locator("html.light").count());
  const bgLight = await page.evaluate(() => getComputedStyle(document.querySelector(".seed-source")).backgroundColor);
  assert.notEqual(bg, bgLight, "the source box follows the theme");
  await page.context().close();
});

test("pages have no serious or critical accessibility violations", async () => {
  for (const path of [SEEDS[2][1], SEEDS[0][1], "glossary.html", "bibliography.html", "introduction.html"]) {
    const page = await open(path);
    const v = await axe(page);
    assert.deepEqual(
      v.map((x) => `${x.impact} ${x.id}: ${x.nodes.map((n) => n.html.slice(0, 120)).join(" | ")}`),
      [],
      `axe on ${path}`,
    );
    await page.context().close();
  }
});

test("screenshots of a chapter and the glossary", async () => {
  const page = await open(SEEDS[2][1]);
  await page.screenshot({ path: join(shots, "chapter.png") });
  await page.goto(base + "glossary.html");
  await page.screenshot({ path: join(shots, "glossary.png") });
  await page.context().close();
});

test("no page logged a console error", () => {
  assert.deepEqual(consoleErrors, []);
});
