/**
 * The check-in desk scanning a badge with the camera, in Chromium with a fake camera that shows
 * the badge's QR code. Chromium on a desktop has no BarcodeDetector, as Safari and Firefox have
 * none: the page then reads the code with jsQR (/static/vendor/jsqr.js, loaded on the first scan).
 * The desk works in Arabic, right to left, and stays on the page from badge to badge; a camera that
 * is refused leaves typing the code, and says so; a code that cannot be sent stays in the field.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import {
  assertAccessible,
  type BrowserTest,
  outputDir,
  screenshot,
  startBrowserTest,
} from "../../../test/support/browser.js";
import { TestClient } from "../../../test/support/client.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { writeQrVideo } from "../../../test/support/fake-camera.js";
import { createSession, SESSION_COOKIE } from "../../platform/auth.js";
import { buildSession } from "../sessions/sessions.builders.js";
import { badgeKey, badgeToken } from "./badges.service.js";

const camera = path.join(outputDir, "checkin-camera.y4m");

describe("check-in with the camera, in Chromium", () => {
  let b: BrowserTest;
  before(async () => {
    b = await startBrowserTest({
      browserArgs: [
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream", // the camera allowed without asking
        `--use-file-for-fake-video-capture=${camera}`,
      ],
    });
  });
  after(() => b.close());

  test("the badge's QR code held up to the camera checks the person in (jsQR, Arabic)", async () => {
    const db = b.t.db;
    const secretariat = await buildUser(db, { roles: ["secretariat"] });
    const focal = await buildUser(db);
    const org = await buildOrganisation(db, { focalPointId: focal.id, ecosocStatus: "special" });
    const session = await buildSession(db, {
      cache: b.t.services.cache,
      startsOn: "2099-10-12",
      endsOn: "2099-10-16",
      agendaItems: [{ number: "2", title: { en: "Trafficking in persons" } }],
    });
    const fp = await TestClient.as(b.t, focal.id);
    const sec = await TestClient.as(b.t, secretariat.id);
    const applied = await fp.post(`/api/v1/organisations/${org.slug}/sessions/${session.slug}/application`, {
      relevance: "We assist victims of trafficking.",
      agendaItemIds: [session.agendaItems[0]!.id],
    });
    await sec.post(`/api/v1/applications/${applied.json().id}/decision`, { decision: "admit" });
    const delegate = await fp.post(`/api/v1/organisations/${org.slug}/sessions/${session.slug}/delegates`, {
      fullName: "Amina Haddad",
      email: "amina.haddad@example.org",
      nationality: "LB",
      gender: "female",
    });
    assert.equal(delegate.statusCode, 201, delegate.body);
    const approved = await sec.post(`/api/v1/delegates/${delegate.json().id}/decision`, {
      decision: "approve",
    });
    assert.equal(approved.statusCode, 200, approved.body);
    const badge = await db
      .selectFrom("badges")
      .select(["id", "session_id"])
      .where("delegate_id", "=", delegate.json().id)
      .executeTakeFirstOrThrow();
    writeQrVideo(badgeToken(await badgeKey(db), badge.id, badge.session_id), camera);

    const { token } = await createSession(db, secretariat.id, { ip: "127.0.0.1", now: b.t.clock.now() });
    // with the page's own Content-Security-Policy (the harness's contexts bypass it to inject
    // axe-core): the decoder must load and run under script-src 'self'
    const context = await b.browser.newContext({ baseURL: b.baseUrl, locale: "ar" });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: b.baseUrl }]);
    // as in Safari and Firefox, whatever this Chromium build offers
    await context.addInitScript(() => {
      delete (window as { BarcodeDetector?: unknown }).BarcodeDetector;
    });
    const page = await context.newPage();
    const response = await page.goto(`/sessions/${session.slug}/checkin?lang=ar`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.getAttribute("html", "dir"), "rtl");
    await page.waitForSelector("#scan-start:not([hidden])");

    const decoder = page.waitForResponse((r) => r.url().endsWith("/static/vendor/jsqr.js"));
    const sent = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/checkin"));
    await page.click("#scan-start");
    const script = await decoder;
    assert.equal(script.status(), 200);
    assert.equal(script.headers()["content-encoding"], "br");
    assert.equal((await sent).status(), 200);
    // the page stays, with the person shown and the camera still on for the next badge
    await page.waitForSelector(".checkin-result");
    assert.match(String(await page.locator(".checkin-result").textContent()), /Amina Haddad/);
    assert.equal(page.url(), `${b.baseUrl}/sessions/${session.slug}/checkin?lang=ar`);
    assert.equal(await page.locator("#scan-video").isVisible(), true);
    await screenshot(page, "accreditation-checkin-camera-ar");

    const recorded = await db
      .selectFrom("checkins")
      .select(["delegate_id", "recorded_by"])
      .where("session_id", "=", session.id)
      .execute();
    assert.deepEqual(recorded, [{ delegate_id: delegate.json().id, recorded_by: secretariat.id }]);
    await page.click("#scan-start"); // stop the camera
    assert.equal(await page.locator("#scan-video").isHidden(), true);

    // ---- a phone whose camera is refused: the desk is told to type the code
    const refused = await b.newContext({ locale: "fr" });
    await refused.addCookies([{ name: SESSION_COOKIE, value: token, url: b.baseUrl }]);
    await refused.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException("denied", "NotAllowedError"));
    });
    const phone = await refused.newPage();
    await phone.setViewportSize({ width: 390, height: 844 }); // a phone at the door
    await phone.goto(`/sessions/${session.slug}/checkin?lang=fr`);
    await assertAccessible(phone, "check-in page, camera offered");
    await phone.click("#scan-start");
    await phone.waitForFunction(() => document.getElementById("scan-status")?.textContent !== "");
    assert.match(String(await phone.locator("#scan-status").textContent()), /saisissez le code imprimé/);
    assert.equal(await phone.locator("#scan-video").isHidden(), true);
    await assertAccessible(phone, "check-in page, camera refused");

    // ---- the connection fails as a code is sent: the desk is told, and the code stays to send again
    await phone.route("**/checkin", (route) =>
      route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
    );
    await phone.fill("#code", "ABCD-2345");
    await phone.click("#checkin-form button[type=submit]");
    await phone.waitForSelector("#checkin-outcome [role=alert]");
    assert.match(String(await phone.locator("#checkin-outcome").textContent()), /Non enregistré/);
    assert.equal(await phone.inputValue("#code"), "ABCD-2345");
    await screenshot(phone, "accreditation-checkin-phone-not-sent-fr");
    assert.equal(
      await db
        .selectFrom("checkins")
        .select("id")
        .where("session_id", "=", session.id)
        .execute()
        .then((r) => r.length),
      1,
    );

    // ---- signed out meanwhile: the browser goes where the server sends it, as without the script
    await phone.unroute("**/checkin");
    await db.deleteFrom("user_sessions").where("user_id", "=", secretariat.id).execute();
    const [left] = await Promise.all([
      phone.waitForNavigation(),
      phone.click("#checkin-form button[type=submit]"),
    ]);
    assert.equal(left?.status(), 401);
    await refused.close();
    await context.close();
  });
});
