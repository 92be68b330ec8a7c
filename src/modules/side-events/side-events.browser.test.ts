/**
 * Issue 4's journey in Chromium, through forms and links only, each person in a browser of their
 * own: an organisation proposes with two co-organisers who confirm and two panellists, one of them
 * protected; a reviewer scores; the secretariat assigns and accepts; the public event page in
 * English and Arabic shows the pseudonym, never the name. axe-core runs on every page visited.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page, Response } from "playwright-core";
import {
  assertAccessible,
  type BrowserTest,
  screenshot,
  startBrowserTest,
} from "../../../test/support/browser.js";
import { TestClient } from "../../../test/support/client.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createSession, SESSION_COOKIE } from "../../platform/auth.js";
import { buildSession } from "../sessions/sessions.builders.js";

const SECRET = "ZQXSECRET Amir Rahimi";
const PSEUDONYM = "Panellist B (asylum seeker)";

describe("side events in Chromium", () => {
  let b: BrowserTest;
  before(async () => {
    b = await startBrowserTest();
  });
  after(() => b.close());

  async function signedIn(userId: string): Promise<{ context: BrowserContext; page: Page }> {
    const { token } = await createSession(b.t.db, userId, { ip: "127.0.0.1", now: b.t.clock.now() });
    const context = await b.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: b.baseUrl }]);
    return { context, page: await context.newPage() };
  }

  async function open(page: Page, url: string, label: string): Promise<void> {
    const response = await page.goto(url);
    assert.equal(response?.status(), 200, `${label}: status`);
    await assertAccessible(page, label);
  }

  async function submit(page: Page, button: string, label: string, status = 200): Promise<void> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (r: Response) => r.request().isNavigationRequest() && r.status() !== 303 && r.status() !== 302,
      ),
      page.click(button),
    ]);
    await page.waitForLoadState();
    assert.equal(response.status(), status, `${label}: status`);
    await assertAccessible(page, label);
  }

  test("propose with two co-organisers and a protected panellist, review, accept, public page in en and ar", async () => {
    const db = b.t.db;
    const sec = await buildUser(db, { roles: ["secretariat"] });
    const leadFp = await buildUser(db);
    const co1Fp = await buildUser(db);
    const co2Fp = await buildUser(db);
    const reviewer = await buildUser(db, { roles: ["reviewer"], name: "Rita Reviewer" });
    const lead = await buildOrganisation(db, { focalPointId: leadFp.id, country: "TH", verified: true });
    const co1 = await buildOrganisation(db, { focalPointId: co1Fp.id, country: "CA", verified: true });
    const co2 = await buildOrganisation(db, { focalPointId: co2Fp.id, country: "AT", verified: true });
    const session = await buildSession(db, {
      cache: b.t.services.cache,
      startsOn: "2099-10-12",
      endsOn: "2099-10-16",
      agendaItems: [{ number: "2", title: { en: "Trafficking in persons" } }],
      rooms: [{ name: "Boardroom B", capacity: 120 }],
      timeSlots: [{ date: "2099-10-13", start: "13:15", end: "14:45" }],
    });
    for (const org of [lead, co1, co2])
      await db
        .insertInto("observer_applications")
        .values({
          session_id: session.id,
          organisation_id: org.id,
          path: "ecosoc",
          status: "admitted",
          relevance: "r",
          submitted_at: new Date(),
        })
        .execute();
    const api = await TestClient.as(b.t, sec.id);
    const call = await api.request("PUT", `/api/v1/sessions/${session.slug}/side-event-call`, {
      json: {
        deadline: "2099-09-01T00:00:00Z",
        formats: ["panel", "workshop"],
        slotMinutes: 90,
        maxProposalsPerOrganisation: 2,
        criteria: [{ code: "relevance", label: { en: "Relevance", ar: "الصلة" }, weight: 1 }],
      },
    });
    assert.equal(call.statusCode, 200, call.body);

    // the lead organisation drafts
    const fp = await signedIn(leadFp.id);
    await open(
      fp.page,
      `/organisations/${lead.slug}/sessions/${session.slug}/side-events/new`,
      "proposal form",
    );
    await fp.page.fill("#title", "Learning from victims of crime");
    await fp.page.fill("#abstract", "Two asylum seekers tell what they met.");
    await fp.page.check("input[name=format][value=panel]");
    await fp.page.check("input[name=languages][value=en]");
    await fp.page.fill("#expectedAudience", "80");
    await submit(fp.page, "main button[type=submit]", "proposal page");
    const id = fp.page.url().split("/").pop() ?? "";
    for (const co of [co1, co2]) {
      await fp.page.selectOption("#organisation", co.slug);
      await submit(fp.page, "button:has-text('Ask to co-organise')", `co-organiser ${co.slug} asked`);
    }
    // two panellists, one protected (a minor asylum seeker)
    await fp.page.fill("#name", "Anna Open");
    await fp.page.selectOption("#gender", "female");
    await fp.page.fill("#role", "Moderator");
    await fp.page.check("input[name=consentToPublish]");
    await submit(fp.page, "button:has-text('Add the panellist')", "first panellist");
    await fp.page.fill("#name", SECRET);
    await fp.page.selectOption("#gender", "male");
    await fp.page.fill("#country", "AF");
    await fp.page.fill("#role", "Asylum seeker, young person");
    await fp.page.selectOption("#protection", "asylum_seeker");
    await fp.page.check("input[name=minor]");
    await fp.page.fill("#pseudonym", PSEUDONYM);
    await submit(fp.page, "button:has-text('Add the panellist')", "protected panellist");

    // submission is refused until both co-organisers confirm
    await submit(fp.page, "button:has-text('Submit the proposal')", "submit refused", 400);
    for (const user of [co1Fp, co2Fp]) {
      const co = await signedIn(user.id);
      await open(co.page, `/side-events/proposals/${id}`, "proposal as co-organiser");
      assert.ok(!(await co.page.content()).includes(SECRET), "co-organiser sees the name");
      await submit(co.page, "button[value=confirm]", "confirmed");
      await co.context.close();
    }
    await open(fp.page, `/side-events/proposals/${id}`, "proposal confirmed");
    await submit(fp.page, "button:has-text('Submit the proposal')", "submitted");

    // the secretariat assigns a reviewer; the reviewer scores
    const s = await signedIn(sec.id);
    await open(s.page, `/sessions/${session.slug}/side-events/proposals`, "proposals");
    await s.page.selectOption(`#reviewer-${id}`, reviewer.id);
    await submit(s.page, `#proposal-${id} button:has-text('Assign')`, "reviewer assigned");
    const r = await signedIn(reviewer.id);
    await open(r.page, "/side-events/reviews", "reviews");
    assert.match(await r.page.content(), /shown once you have scored/);
    assert.ok(!(await r.page.content()).includes(SECRET), "reviewer sees the name");
    await r.page.selectOption(`#score-${id}-relevance`, "4");
    await r.page.fill(`#comment-${id}`, "Strong voices.");
    await submit(r.page, "button:has-text('Save my scores')", "scored");
    assert.match(await r.page.content(), /Rita Reviewer/);

    // the secretariat accepts into the room and slot
    await open(s.page, `/sessions/${session.slug}/side-events/proposals`, "ranking");
    await s.page.selectOption(`#room-${id}`, { label: "Boardroom B" });
    await s.page.selectOption(`#slot-${id}`, { index: 1 });
    await submit(s.page, `#proposal-${id} button[value=accept]`, "accepted");
    assert.match(await s.page.content(), /Accepted/);

    // the public page, in English and in Arabic
    const pub = await b.newContext();
    const page = await pub.newPage();
    for (const lang of ["en", "ar"]) {
      await open(page, `/sessions/${session.slug}/programme/${id}?lang=${lang}`, `public event ${lang}`);
      const html = await page.content();
      assert.ok(html.includes(PSEUDONYM), `${lang}: pseudonym`);
      assert.ok(!html.includes("ZQXSECRET") && !html.includes("Rahimi"), `${lang}: name leaked`);
      await screenshot(page, `side-event-${lang}`);
    }
    await pub.close();
    await Promise.all([fp.context.close(), s.context.close(), r.context.close()]);
  });
});
