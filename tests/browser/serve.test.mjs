// `mdbook-seeds serve` in the browser: an open page shows a seed edit without
// being touched, and a broken build shows its error while the page keeps the
// last good content. Run by tests/browser.rs, which starts the server.
//
//   SERVE_URL   the server's address (http://127.0.0.1:PORT/)
//   BOOK_DIR    the served book's folder (a temporary copy: this test edits it)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const url = process.env.SERVE_URL;
const book = process.env.BOOK_DIR;
let browser;

after(async () => browser?.close());

test("an open page follows seed edits, and a broken build shows its error", async () => {
  assert.ok(url && book, "SERVE_URL and BOOK_DIR are required");
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage();
  await page.goto(url + "seeds/immunotherapy-treatment-for-bone-cancer.html");
  const seed = join(book, "seeds/003_90eeea984f16ed68.txt");
  const sentences = [
    "Osteoclasts resorb bone tissue in the skeleton after treatment ends, according to this edit.",
    "Radiologists compare serial imaging over many months after treatment ends, as this edit says.",
  ];
  for (const s of sentences) {
    const t0 = Date.now();
    appendFileSync(seed, `\n${s}\n`);
    // The page reloads itself: between two documents there is no body.
    await page.waitForFunction((w) => document.body?.innerText.includes(w), s.slice(0, 40), { timeout: 30000 });
    console.log(`# the open page showed the edit after ${Date.now() - t0} ms`);
  }
  writeFileSync(join(book, "seeds/glossary.toml"), "[[term]]\nname = 3\n");
  const banner = page.locator("#seeds-serve-error");
  await banner.waitFor({ timeout: 30000 });
  assert.match(await banner.textContent(), /glossary\.toml/);
  assert.ok((await page.locator("main").textContent()).includes(sentences[1].slice(0, 40)), "the last good page stays");
});
