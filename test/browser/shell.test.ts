/** The page shell in a real browser: every language, right-to-left Arabic, no accessibility violation. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertAccessible, type BrowserTest, screenshot, startBrowserTest } from "../support/browser.js";

describe("page shell in Chromium", () => {
  let b: BrowserTest;
  before(async () => {
    b = await startBrowserTest();
  });
  after(() => b.close());

  test("the home page in the six languages, Arabic right-to-left, remembered", async () => {
    const context = await b.newContext();
    const page = await context.newPage();
    for (const lang of ["en", "fr", "es", "ru", "zh", "ar"]) {
      await page.goto(`/?lang=${lang}`);
      assert.equal(await page.getAttribute("html", "lang"), lang);
      await assertAccessible(page, `home (${lang})`);
    }
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    await screenshot(page, "home-ar");
    await page.goto("/");
    assert.equal(await page.getAttribute("html", "lang"), "ar", "the choice is remembered");
    await context.close();
  });
});
