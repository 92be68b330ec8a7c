/**
 * Issue 5's journey in Chromium: the secretariat optimises the demo session, applies the
 * proposal, drags one event onto a taken cell and sees the conflict at once, undoes, moves an
 * event with the keyboard, publishes release 1; the releases page says what moved, and the
 * public programme shows the events in their rooms. axe-core runs on every page visited.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import {
  assertAccessible,
  type BrowserTest,
  screenshot,
  startBrowserTest,
} from "../../../test/support/browser.js";
import { buildUser } from "../../../test/support/factories.js";
import { seedDemo } from "../../demo/seed.js";
import { SESSION_SLUG } from "../../demo/session.data.js";
import { PROTECTED_DEMO_NAMES } from "../../demo/side-events.data.js";
import { createSession, SESSION_COOKIE } from "../../platform/auth.js";

describe("the schedule editor in Chromium", () => {
  let b: BrowserTest;
  before(async () => {
    b = await startBrowserTest();
    await seedDemo(b.t.services);
  });
  after(() => b.close());

  async function signedIn(userId: string): Promise<{ context: BrowserContext; page: Page }> {
    const { token } = await createSession(b.t.db, userId, { ip: "127.0.0.1", now: b.t.clock.now() });
    const context = await b.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: b.baseUrl }]);
    return { context, page: await context.newPage() };
  }

  test("optimise, drag onto a conflict, undo, publish release 1, the public programme follows", async () => {
    const sec = await buildUser(b.t.db, { roles: ["secretariat"] });
    const { page } = await signedIn(sec.id);
    const editor = `/sessions/${SESSION_SLUG}/schedule`;
    const response = await page.goto(editor);
    assert.equal(response?.status(), 200);
    await assertAccessible(page, "editor");

    // optimise (around the pins: none yet); the page follows the run and shows the proposal
    await page.click("text=Re-optimise around the pins");
    await page.waitForSelector("text=Apply the proposal to the working schedule", { timeout: 60_000 });
    await assertAccessible(page, "editor with a proposal");
    await Promise.all([
      page.waitForURL(`**${editor}`),
      page.click("text=Apply the proposal to the working schedule"),
    ]);
    assert.equal(await page.locator("td.cell-conflict").count(), 0);

    // drag one event onto the cell of another: the conflict is said at once, the cell marked
    const cards = page.locator("td[data-room] .schedule-event");
    assert.ok((await cards.count()) >= 2);
    const moving = (await cards.nth(0).getAttribute("data-event")) as string;
    const other = (await cards.nth(1).getAttribute("data-event")) as string;
    const target = page.locator(`td[data-room]:has(#card-${other})`);
    await cards.nth(0).dragTo(target);
    const status = page.locator("#schedule-status .notice-conflict");
    await status.waitFor();
    assert.match(
      (await status.textContent()) ?? "",
      /Breaks a rule: The room is already taken by “.+” at this time\./,
    );
    assert.ok((await page.locator("td.cell-conflict").count()) >= 1);
    assert.equal(await page.locator(`td.cell-conflict #card-${moving}`).count(), 1);
    await assertAccessible(page, "editor with a conflict");
    await screenshot(page, "schedule-editor-conflict");

    // undo: the conflict is gone
    await Promise.all([page.waitForURL(`**${editor}`), page.click("text=Undo the last change")]);
    assert.equal(await page.locator("td.cell-conflict").count(), 0);

    // the keyboard: pick the event up, go down the rooms to a free cell, drop; saved and said
    const before = await page.locator(`#card-${moving}`).evaluate((el) => el.closest("td")?.dataset.room);
    await page.locator(`#card-${moving}`).focus();
    await page.keyboard.press("Enter");
    for (const key of [...Array(7).fill("ArrowDown"), ...Array(14).fill("ArrowUp")]) {
      await page.keyboard.press(key);
      if ((await page.locator("td.drop-target .schedule-event").count()) === 0) break;
    }
    const aimed = await page.locator("td.drop-target").getAttribute("data-room");
    assert.notEqual(aimed, before);
    await page.keyboard.press("Enter");
    await page.locator("#schedule-status .notice").waitFor();
    // the notice names the event and its new place, and what it breaks there if anything
    const notice = (await page.locator("#schedule-status .notice").textContent()) ?? "";
    assert.match(notice, /^“.+”: .+, \w{3} \d\d? \w{3}, \d\d:\d\d\./);
    const movedTo = await page.locator(`#card-${moving}`).evaluate((el) => el.closest("td")?.dataset.room);
    assert.equal(movedTo, aimed);

    // the same editor in Arabic, right to left
    await page.goto(`${editor}?lang=ar`);
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    await assertAccessible(page, "editor in Arabic");
    await screenshot(page, "schedule-editor-ar");
    await page.goto(`${editor}?lang=en`);

    // publish release 1: the releases page says what moved
    await Promise.all([page.waitForURL("**/schedule/releases"), page.click("text=Publish a release")]);
    await assertAccessible(page, "releases");
    const releases = (await page.locator("main").textContent()) ?? "";
    assert.match(releases, /Release 1/);
    assert.match(releases, /moved from .+, \w{3} \d\d:\d\d to .+, \w{3} \d\d:\d\d/);

    // the public programme, anonymously: the events in their rooms, as placed
    const visitor = await (await b.newContext()).newPage();
    const programme = await visitor.goto(`/sessions/${SESSION_SLUG}/programme`);
    assert.equal(programme?.status(), 200);
    await assertAccessible(visitor, "programme");
    const placed = await b.t.db
      .selectFrom("side_event_proposals as p")
      .innerJoin("session_rooms as r", "r.id", "p.room_id")
      .select(["p.id", "r.id as roomId", "r.name"])
      .where("p.id", "=", moving)
      .executeTakeFirstOrThrow();
    assert.equal(placed.roomId, movedTo);
    const text = (await visitor.locator("main").textContent()) ?? "";
    assert.ok(text.includes(placed.name), `the programme shows ${placed.name}`);
    for (const name of PROTECTED_DEMO_NAMES) assert.ok(!text.includes(name));
    await screenshot(visitor, "schedule-programme-release-1");
  });
});
