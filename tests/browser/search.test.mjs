// Search that matches how readers type (issue 21), with both engines: the seed
// book plus one page written for it. Run by tests/browser.rs for each engine.
//
//   SITE_DIR        the built site
//   ENGINE          "mdbook" or "pagefind"
//   SCREENSHOT_DIR  where screenshots go
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { serveSite, launchChromium } from "./harness.mjs";

const siteDir = resolve(process.env.SITE_DIR ?? "");
const engine = process.env.ENGINE ?? "mdbook";
const shots = resolve(process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, "../../target/screenshots"));

let server;
let browser;
let page;

before(async () => {
  assert.ok(process.env.SITE_DIR, "SITE_DIR is required");
  await mkdir(shots, { recursive: true });
  server = await serveSite(siteDir);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(server.base + "introduction.html");
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** The results of searching `term`: [{ href, text }] (page path without "/" or "#…"). */
async function search(term) {
  if (engine === "mdbook") {
    if (await page.locator("#mdbook-searchbar").isHidden()) {
      await page.locator("#mdbook-search-toggle").click();
    }
    const bar = page.locator("#mdbook-searchbar");
    // The index loads on first use: keys typed before it arrives are not
    // searched, so type again until the header names the term.
    for (let attempt = 1; ; attempt++) {
      await bar.fill("");
      await bar.pressSequentially(term);
      try {
        await page.waitForFunction(
          (t) => (document.getElementById("mdbook-searchresults-header")?.textContent ?? "").includes(t),
          term,
          { timeout: 5000 },
        );
        break;
      } catch (e) {
        if (attempt >= 4) throw e;
      }
    }
    const items = page.locator("#mdbook-searchresults li");
    return items.evaluateAll((lis) =>
      lis.map((li) => ({
        href: (li.querySelector("a")?.getAttribute("href") ?? "").replace(/^\//, "").split("#")[0].split("?")[0],
        text: li.textContent ?? "",
      })),
    );
  }
  await page.goto(server.base + "introduction.html?search=" + encodeURIComponent(term));
  // The message reads "Searching for …" first, then "N results for …" or "No results for …".
  await page.waitForFunction(
    (t) => {
      const m = document.querySelector("#seeds-search .pagefind-ui__message")?.textContent ?? "";
      return m.includes(t) && /results? for/i.test(m);
    },
    term,
  );
  // Every result: the UI renders them in steps and shows five, then a button.
  const count = Number(
    ((await page.locator("#seeds-search .pagefind-ui__message").textContent()) ?? "").match(/\d+/)?.[0] ?? 0,
  );
  const items = page.locator("#seeds-search .pagefind-ui__result");
  for (let i = 0; i < 20; i++) {
    const more = page.locator("#seeds-search .pagefind-ui__button");
    if (await more.count()) await more.first().click();
    if ((await items.count()) >= count && !(await more.count())) break;
    await page.waitForTimeout(150);
  }
  // A result is drawn as a placeholder first and gets its link when its fragment
  // loads: read the results only when every one has its link (a placeholder read as
  // "" made this test fail once in .ci/run).
  await page.waitForFunction(() =>
    [...document.querySelectorAll("#seeds-search .pagefind-ui__result")].every((r) =>
      r.querySelector("a[href]"),
    ),
  );
  return items.evaluateAll((rs) =>
    rs.map((r) => ({
      href: (r.querySelector("a")?.getAttribute("href") ?? "").replace(/^\//, "").split("#")[0].split("?")[0],
      text: r.textContent ?? "",
    })),
  );
}

const pages = async (term) => {
  const hrefs = [...new Set((await search(term)).map((r) => r.href))].sort();
  // A result's address is a page of the site, never under another page (from a
  // top-level page, Pagefind's results once linked to "introduction.html/…").
  assert.ok(!hrefs.some((h) => h.includes(".html/")), hrefs.join("\n"));
  return hrefs;
};
const readersPage = (hrefs) => hrefs.some((h) => h.includes("ewing"));

test(`${engine}: a straight apostrophe finds the curly one (Ewing's)`, async () => {
  const hrefs = await pages("Ewing's");
  assert.ok(readersPage(hrefs), hrefs.join("\n"));
});

test(`${engine}: accents are folded (naive finds naïve, Muller finds Müller)`, async () => {
  for (const term of ["naive", "Muller"]) {
    const hrefs = await pages(term);
    assert.ok(readersPage(hrefs), `${term}: ${hrefs.join("\n")}`);
  }
});

test(`${engine}: a glossary abbreviation that is a stop word is found (ALL)`, async () => {
  const hrefs = await pages("ALL");
  assert.ok(readersPage(hrefs), hrefs.join("\n"));
});

test(`${engine}: British and American spellings find the same pages`, async () => {
  for (const [a, b] of [["tumor", "tumour"], ["pediatric", "paediatric"], ["anemia", "anaemia"]]) {
    const pa = await pages(a);
    const pb = await pages(b);
    assert.ok(readersPage(pa), `${a}: ${pa.join("\n")}`);
    assert.deepEqual(pa, pb, `${a} / ${b}`);
  }
});

test(`${engine}: a drug's brand name finds the pages that name its generic (Mepact)`, async () => {
  const hrefs = await pages("Mepact");
  assert.ok(hrefs.some((h) => h.includes("research-into-primary-bone-cancer")), hrefs.join("\n"));
});

test(`${engine}: result snippets show page text, never the source box`, async () => {
  const results = await search("osteosarcoma");
  assert.ok(results.length > 0);
  for (const r of results) {
    assert.ok(!/Kind of page|Cleaned from|every change is listed/.test(r.text), `${r.href}: ${r.text}`);
  }
  await page.screenshot({ path: join(shots, `search-${engine}.png`) });
});
