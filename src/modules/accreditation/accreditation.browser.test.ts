/**
 * Issue 3's journey in Chromium, through forms and links only, each person in a browser of their
 * own: the focal point applies, the secretariat admits (quick path), the focal point registers two
 * delegates with a photo, one of them replaces it from the link mailed to them (no account), the
 * secretariat approves them in bulk, the badge PDF renders (pdftoppm to
 * PNG under test-output/), and the check-in page accepts the badge code, then refuses a badge of
 * another session with its reason; the secretariat corrects the delegate on their page, revokes
 * the badge with a reason (the check-in refuses it, saying why) and issues a new one (accepted).
 * axe-core runs on every page visited.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page, Response } from "playwright-core";
import sharp from "sharp";
import {
  assertAccessible,
  type BrowserTest,
  outputDir,
  screenshot,
  startBrowserTest,
} from "../../../test/support/browser.js";
import { TestClient } from "../../../test/support/client.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createSession, SESSION_COOKIE } from "../../platform/auth.js";
import { buildSession } from "../sessions/sessions.builders.js";

describe("accreditation in Chromium", () => {
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

  /** Submits a form by its button; checks the status of the page it lands on and its accessibility. */
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

  const text = async (page: Page, selector: string) => String(await page.locator(selector).textContent());

  /** Sends a code at the check-in desk: the page stays (static/checkin.js), its outcome is swapped. */
  async function scan(page: Page, code: string, label: string, status = 200): Promise<void> {
    await page.fill("#code", code);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/checkin")),
      page.click("#checkin-form button[type=submit]"),
    ]);
    assert.equal(response.status(), status, `${label}: status`);
    await page.waitForFunction(() => (document.getElementById("code") as HTMLInputElement).value === "");
    await assertAccessible(page, label);
  }

  test("apply, admit, register two delegates, approve, badge PDF, check in; another session's badge refused", async () => {
    const db = b.t.db;
    const secretariat = await buildUser(db, { roles: ["secretariat"] });
    const focal = await buildUser(db, { language: "en" });
    const org = await buildOrganisation(db, {
      focalPointId: focal.id,
      ecosocStatus: "special",
      country: "KE",
      verified: true,
    });
    const session = await buildSession(db, {
      cache: b.t.services.cache,
      startsOn: "2099-10-12",
      endsOn: "2099-10-16",
      agendaItems: [{ number: "2", title: { en: "Trafficking in persons" } }],
    });
    const fp = await signedIn(focal.id);
    const sec = await signedIn(secretariat.id);

    // ---- 1. The focal point finds the session's accreditation page and applies ----
    await open(fp.page, `/sessions/${session.slug}?lang=en`, "session page");
    await fp.page.click(`a[href='/sessions/${session.slug}/accreditation']`);
    await assertAccessible(fp.page, "accreditation hub (focal point)");
    await fp.page.click(`a[href='/organisations/${org.slug}/sessions/${session.slug}/application']`);
    await assertAccessible(fp.page, "application form");
    await fp.page.fill("#relevance", "We assist victims of trafficking in East Africa.");
    await fp.page.check(`input[name=agendaItemIds][value='${session.agendaItems[0]!.id}']`);
    await submit(fp.page, "main form button[type=submit]", "application submitted");
    assert.match(await text(fp.page, "main"), /Submitted/);

    // ---- 2. The secretariat admits it for the Bureau (quick path) ----
    await open(sec.page, `/sessions/${session.slug}/accreditation`, "accreditation hub (secretariat)");
    await sec.page.click(`a[href='/sessions/${session.slug}/applications']`);
    await assertAccessible(sec.page, "applications list");
    await sec.page.fill("main input[name=note]", "Bureau, 1 September");
    await submit(sec.page, "main button[name=decision][value=admit]", "application admitted");
    assert.match(await text(sec.page, "main"), /Admitted/);
    await screenshot(sec.page, "accreditation-applications");

    // ---- 3. The focal point registers two delegates, each with a photo ----
    const photo = path.join(outputDir, "delegate-photo.jpg");
    fs.mkdirSync(outputDir, { recursive: true });
    fs.writeFileSync(
      photo,
      await sharp({ create: { width: 300, height: 400, channels: 3, background: "#6b8fb5" } })
        .jpeg()
        .toBuffer(),
    );
    await open(
      fp.page,
      `/organisations/${org.slug}/sessions/${session.slug}/application`,
      "application admitted",
    );
    await fp.page.click(`main a[href='/organisations/${org.slug}/sessions/${session.slug}/delegates']`);
    await assertAccessible(fp.page, "delegates page (empty)");
    // a mistake first: the form comes back with what was typed and the error
    // (a blank name passes the browser's own check, not the server's)
    await fp.page.fill("#fullName", "   ");
    await fp.page.fill("#email", "wanjiru@example.org");
    await fp.page.selectOption("#nationality", "KE");
    await fp.page.selectOption("#gender", "female");
    await submit(fp.page, "#register-form button[type=submit]", "register form with errors", 400);
    assert.equal(await fp.page.inputValue("#email"), "wanjiru@example.org");
    for (const [name, email, gender] of [
      ["Wanjiru Kamau", "wanjiru@example.org", "female"],
      ["Otieno Ochieng", "otieno@example.org", "male"],
    ] as const) {
      await fp.page.fill("#fullName", name);
      await fp.page.fill("#title", "Programme officer");
      await fp.page.fill("#email", email);
      await fp.page.selectOption("#nationality", "KE");
      await fp.page.selectOption("#gender", gender);
      await fp.page.fill("#dateOfBirth", "1985-04-02");
      await fp.page.selectOption("#idDocumentType", "passport");
      await fp.page.fill("#idDocumentNumber", `AK${gender === "female" ? 1 : 2}234567`);
      await fp.page.fill("#idDocumentExpiry", "2030-01-01");
      await fp.page.setInputFiles("#photo", photo);
      await submit(fp.page, "#register-form button[type=submit]", `delegate ${name} registered`);
      assert.match(await text(fp.page, "main"), new RegExp(name));
    }
    assert.match(await text(fp.page, "main"), /2 of 5 places used/);
    await screenshot(fp.page, "accreditation-delegates");

    // ---- 3b. A delegate opens the link mailed to them (no account) and replaces their photo ----
    const mail = await b.t.db
      .selectFrom("mail_outbox")
      .select("text_body")
      .where("to_address", "=", "wanjiru@example.org")
      .executeTakeFirstOrThrow();
    const link = /\/delegate\/[\w-]+/.exec(mail.text_body)![0];
    const own = await b.newContext();
    const person = await own.newPage();
    await open(person, link, "the delegate's own page");
    const newPhoto = path.join(outputDir, "delegate-photo-new.png");
    fs.writeFileSync(
      newPhoto,
      await sharp({ create: { width: 300, height: 400, channels: 3, background: "#b5906b" } })
        .png()
        .toBuffer(),
    );
    await person.setInputFiles("#photo", newPhoto);
    await submit(person, "#photo-form button[type=submit]", "the delegate's photo replaced");
    assert.match(await text(person, "main"), /Your new photo is saved/);
    assert.notEqual(new URL(person.url()).pathname, link, "the link used is replaced");
    assert.equal(
      await person.locator("#photo-section img").evaluate((i: HTMLImageElement) => i.naturalWidth),
      300,
    );
    await screenshot(person, "accreditation-delegate-own-photo");
    await own.close();

    // ---- 4. The secretariat approves both at once ----
    await open(sec.page, `/sessions/${session.slug}/delegates?status=pending`, "session delegates");
    for (const box of await sec.page.locator("#decisions-form input[name=ids]").all()) await box.check();
    await submit(sec.page, "#decisions-form button[value=approve]", "delegates approved");
    await open(sec.page, `/sessions/${session.slug}/delegates`, "session delegates (approved)");
    assert.equal(await sec.page.locator("#decisions-form code").count(), 2);
    const code = String(await sec.page.locator("#decisions-form code").first().textContent());
    await screenshot(sec.page, "accreditation-session-delegates");

    // ---- 5. The badge PDF renders ----
    await open(
      fp.page,
      `/organisations/${org.slug}/sessions/${session.slug}/delegates`,
      "delegates approved",
    );
    const href = await fp.page.locator("a.badge-link").first().getAttribute("href");
    assert.ok(href);
    const pdf = await fp.context.request.get(href);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()["content-type"], "application/pdf");
    const pdfFile = path.join(outputDir, "badge.pdf");
    fs.writeFileSync(pdfFile, await pdf.body());
    for (const f of fs.readdirSync(outputDir))
      if (/^badge-\d+\.png$/.test(f)) fs.rmSync(path.join(outputDir, f));
    execFileSync("pdftoppm", ["-png", "-r", "60", pdfFile, path.join(outputDir, "badge")]);
    const png = fs.readdirSync(outputDir).find((f) => /^badge-\d+\.png$/.test(f));
    assert.ok(png, "pdftoppm wrote a PNG");
    assert.ok(fs.statSync(path.join(outputDir, png)).size > 1000, "the PNG is not empty");

    // ---- 6. Check-in: the badge is accepted; another session's badge is refused ----
    const other = await buildSession(db, {
      cache: b.t.services.cache,
      startsOn: "2099-11-02",
      endsOn: "2099-11-06",
    });
    const fpApi = await TestClient.as(b.t, focal.id);
    const secApi = await TestClient.as(b.t, secretariat.id);
    const applied = await fpApi.post(`/api/v1/organisations/${org.slug}/sessions/${other.slug}/application`, {
      relevance: "Also relevant",
    });
    await secApi.post(`/api/v1/applications/${applied.json().id}/decision`, { decision: "admit" });
    const otherDelegate = (
      await fpApi.post(`/api/v1/organisations/${org.slug}/sessions/${other.slug}/delegates`, {
        fullName: "Akinyi Otieno",
        email: "akinyi@example.org",
        nationality: "KE",
        gender: "female",
      })
    ).json();
    await secApi.post(`/api/v1/delegates/${otherDelegate.id}/decision`, { decision: "approve" });
    const otherCode = (await secApi.get(`/api/v1/sessions/${other.slug}/delegates`)).json().items[0]
      .badgeCode;

    await open(sec.page, `/sessions/${session.slug}/checkin`, "check-in page");
    await scan(sec.page, code, "badge accepted");
    assert.match(await text(sec.page, "main"), /Checked in/);
    assert.match(await text(sec.page, ".checkin-result"), /Kenya|Wanjiru|Otieno/);
    await screenshot(sec.page, "accreditation-checkin-accepted");
    // the live counts come from static/checkin.js polling the API
    await sec.page.waitForFunction(
      () => document.querySelector("#checkin-counts .count")?.textContent === "1",
      undefined,
      { timeout: 10_000 },
    );
    await scan(sec.page, otherCode, "other session's badge refused", 409);
    assert.match(await text(sec.page, "[role=alert]"), /Refused: this badge is for another session/);
    await screenshot(sec.page, "accreditation-checkin-refused");

    // ---- 7. The secretariat corrects the delegate, revokes the badge with a reason, issues a new one ----
    const listed = (await secApi.get(`/api/v1/sessions/${session.slug}/delegates`)).json().items as Array<{
      id: string;
      badgeCode: string | null;
    }>;
    const target = listed.find((d) => d.badgeCode === code.replace("-", ""));
    assert.ok(target, "the checked-in delegate is in the list");
    await open(sec.page, `/delegates/${target.id}`, "delegate page");
    await sec.page.fill("#title", "Legal Adviser");
    await submit(sec.page, "#delegate-form button[type=submit]", "delegate corrected");
    assert.match(await text(sec.page, "[role=status]"), /changes are saved/);
    await sec.page.fill("#reason", "Reported lost at the hotel");
    await submit(sec.page, "#revoke-form button[type=submit]", "badge revoked");
    assert.match(await text(sec.page, "main"), /revoked on .*Reported lost at the hotel/);
    await open(sec.page, `/sessions/${session.slug}/checkin`, "check-in page again");
    await scan(sec.page, code, "revoked badge refused", 409);
    assert.match(await text(sec.page, "[role=alert]"), /revoked\. Reported lost at the hotel/);
    await screenshot(sec.page, "accreditation-checkin-revoked");
    await open(sec.page, `/delegates/${target.id}`, "delegate page, badge revoked");
    await submit(sec.page, "#reissue-form button[type=submit]", "new badge issued");
    assert.match(await text(sec.page, "[role=status]"), /new badge is issued/);
    const reissued = (await secApi.get(`/api/v1/sessions/${session.slug}/delegates`)).json().items as Array<{
      id: string;
      badgeCode: string | null;
    }>;
    const newCode = reissued.find((d) => d.id === target.id)?.badgeCode;
    assert.ok(newCode && newCode !== code.replace("-", ""));
    await open(sec.page, `/sessions/${session.slug}/checkin`, "check-in page, new badge");
    await scan(sec.page, newCode, "new badge accepted");
    await screenshot(sec.page, "accreditation-checkin-reissued");

    await fp.context.close();
    await sec.context.close();
  });
});
