/**
 * A panellist's private link in Chromium: the lead organiser goes from the proposal to the
 * panellists' links, makes one for a protected panellist to be mailed in Arabic, and the
 * panellist (anonymous) opens it right to left: the time, the room, the pseudonym, never the name.
 * axe-core runs on every page visited.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  assertAccessible,
  type BrowserTest,
  screenshot,
  startBrowserTest,
} from "../../../test/support/browser.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createSession, SESSION_COOKIE } from "../../platform/auth.js";
import { buildScheduledSession } from "./scheduling.fixtures.js";

describe("panellists' private links in Chromium", () => {
  let b: BrowserTest;
  before(async () => {
    b = await startBrowserTest();
  });
  after(() => b.close());

  test("the lead organiser makes and mails a link; the panellist opens it in Arabic", async () => {
    const focal = await buildUser(b.t.db);
    const org = await buildOrganisation(b.t.db, { focalPointId: focal.id });
    const { first } = await buildScheduledSession(b.t, { orgId: org.id });
    const { token } = await createSession(b.t.db, focal.id, { ip: "127.0.0.1", now: b.t.clock.now() });
    const context = await b.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: b.baseUrl }]);
    const page = await context.newPage();

    assert.equal((await page.goto(`/side-events/proposals/${first}`))?.status(), 200);
    await Promise.all([page.waitForURL("**/panellist-links"), page.click("text=Panellists’ private links")]);
    await assertAccessible(page, "panellists' links");
    const section = page.locator("section", { hasText: "Speaker A" });
    await section.locator('input[name="email"]').fill("speaker@example.org");
    await section.locator('select[name="language"]').selectOption("ar");
    await section.locator('input[name="keepAddress"]').check();
    await section.locator("text=Make a link").click();
    const code = page.locator("code.panellist-link");
    await code.waitFor();
    const url = (await code.textContent()) ?? "";
    assert.match(url, /\/panellists\/[A-Za-z0-9_-]+\?lang=ar$/);
    assert.match((await page.locator("main").textContent()) ?? "", /The link was mailed\./);
    await assertAccessible(page, "panellists' links with a new link");
    await screenshot(page, "panellist-links-organiser");

    const visitor = await (await b.newContext()).newPage();
    const opened = await visitor.goto(new URL(url).pathname + new URL(url).search);
    assert.equal(opened?.status(), 200);
    assert.equal(opened?.headers()["referrer-policy"], "no-referrer");
    assert.equal(await visitor.getAttribute("html", "dir"), "rtl");
    const text = (await visitor.locator("main").textContent()) ?? "";
    assert.ok(text.includes("الحدث الجانبي الخاص بك"));
    assert.ok(text.includes("Speaker A"));
    assert.ok(text.includes("Room A & <1>"));
    assert.ok(!text.includes("ZQXHIDDEN"));
    await assertAccessible(visitor, "panellist's page in Arabic");
    await screenshot(visitor, "panellist-page-ar");
  });
});
