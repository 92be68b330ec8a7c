/** The secretariat sets up a session in Chromium without JavaScript-only steps; the public reads it. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  assertAccessible,
  type BrowserTest,
  screenshot,
  startBrowserTest,
} from "../../../test/support/browser.js";
import { buildUser } from "../../../test/support/factories.js";
import { createSession, SESSION_COOKIE } from "../../platform/auth.js";

describe("sessions in Chromium", () => {
  let b: BrowserTest;
  before(async () => {
    b = await startBrowserTest();
  });
  after(() => b.close());

  test("the secretariat creates a session and a side-event slot; the public page shows it in Vienna time", async () => {
    const user = await buildUser(b.t.db, { roles: ["secretariat"] });
    const { token } = await createSession(b.t.db, user.id, { ip: "127.0.0.1", now: b.t.clock.now() });
    const context = await b.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: b.baseUrl }]);
    const page = await context.newPage();

    await page.goto("/sessions/new?lang=en");
    await assertAccessible(page, "new session form");
    await page.click("#form button[type=submit]");
    assert.match(
      String(await page.locator(".error-summary").textContent()),
      /correct the highlighted fields/,
    );
    await assertAccessible(page, "new session form with errors");

    await page.fill("[id='name.en']", "Sixth session of the Conference of the Parties");
    await page.fill("[id='name.fr']", "Sixième session de la Conférence des Parties");
    await page.fill("#slug", "cop6");
    await page.fill("#number", "6");
    await page.fill("#startsOn", "2012-10-15");
    await page.fill("#endsOn", "2012-10-19");
    await page.fill("[id='venue.name']", "Vienna International Centre");
    await page.fill("[id='venue.city']", "Vienna");
    await page.selectOption("[id='venue.country']", "AT");
    await page.selectOption("#timeZone", "Europe/Vienna");
    await page.check("input[name=status][value=published]");
    await page.fill("#observerApplicationDeadline", "2012-09-14T23:59");
    await page.click("#form button[type=submit]");
    assert.match(page.url(), /\/sessions\/cop6\/manage\?notice=created$/);
    await assertAccessible(page, "manage session");

    await page.click("a[href='/sessions/cop6/manage/time-slots/new']");
    await page.fill("#date", "2012-10-16");
    await page.fill("#start", "13:15");
    await page.fill("#end", "14:45");
    await page.click("#form button[type=submit]");
    assert.match(page.url(), /notice=created/);

    const visitor = await b.newContext();
    const pub = await visitor.newPage();
    for (const lang of ["en", "ar"]) {
      await pub.goto(`/sessions/cop6?lang=${lang}`);
      await assertAccessible(pub, `public session page (${lang})`);
      assert.match(String(await pub.locator("section.slot-day").textContent()), /13:15/);
      await screenshot(pub, `session-cop6-${lang}`);
    }
    assert.equal(await pub.getAttribute("html", "dir"), "rtl");
    await context.close();
    await visitor.close();
  });
});
