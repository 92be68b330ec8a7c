/**
 * Issue 2's journey in Chromium, through forms and links only, each person in a browser of their
 * own: someone signs up and puts their organisation on the platform, invites a colleague who has
 * no account yet (sign-up, confirmation mail, sign-in, and back to the invitation), the secretariat
 * verifies the organisation, and an anonymous visitor finds it in the public directory in French
 * and in Arabic. Mails are read from the outbox, as a person reads their mail. axe-core runs on
 * every page visited.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page, Response } from "playwright-core";
import { assertAccessible, type BrowserTest, screenshot, startBrowserTest } from "../support/browser.js";
import { buildUser, TEST_PASSWORD } from "../support/factories.js";

describe("an organisation's journey in Chromium", () => {
  let b: BrowserTest;
  before(async () => {
    b = await startBrowserTest();
  });
  after(() => b.close());

  /** The only link to this site in the newest mail of a kind to an address. */
  async function linkInMail(to: string, template: string): Promise<string> {
    const mail = await b.t.db
      .selectFrom("mail_outbox")
      .select("text_body")
      .where("to_address", "=", to)
      .where("template", "=", template)
      .orderBy("created_at", "desc")
      .executeTakeFirst();
    assert.ok(mail, `no ${template} mail to ${to}`);
    const links = mail.text_body.match(/https?:\/\/\S+/g) ?? [];
    assert.equal(links.length, 1, `one link in:\n${mail.text_body}`);
    const link = String(links[0]);
    assert.ok(link.startsWith(`${b.baseUrl}/`), `the link is on BASE_URL: ${link}`);
    return link;
  }

  /** Opens an address, checks the answer's status and the page's accessibility. */
  async function open(page: Page, url: string, label: string): Promise<void> {
    const response = await page.goto(url);
    assert.equal(response?.status(), 200, `${label}: status`);
    await assertAccessible(page, label);
  }

  /** Submits a form by its button; checks the status of the page it lands on and its accessibility. */
  async function submit(page: Page, button: string, label: string): Promise<void> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (r: Response) => r.request().isNavigationRequest() && r.status() !== 303 && r.status() !== 302,
      ),
      page.click(button),
    ]);
    await page.waitForLoadState();
    assert.equal(response.status(), 200, `${label}: status`);
    await assertAccessible(page, label);
  }

  const text = async (page: Page, selector: string) => String(await page.locator(selector).textContent());

  test("sign up, create, invite, join, verify, found in French and Arabic", async () => {
    const founder = { name: "Amina Odhiambo", email: "amina@lakeshore.example.org" };
    const invitee = { name: "Jean-Baptiste Mwangi", email: "jb@lakeshore.example.org" };
    const orgName = "Lakeshore Justice Network";

    // ---- 1. A person signs up, confirms the address from the mail, signs in ----
    const founderContext = await b.newContext();
    const fp = await founderContext.newPage();
    await open(fp, "/sign-up?lang=en", "sign-up form");
    await fp.fill("#displayName", founder.name);
    await fp.fill("#email", founder.email);
    await fp.fill("#password", TEST_PASSWORD);
    await fp.selectOption("#preferredLanguage", "en");
    await submit(fp, "main form[action='/sign-up'] button[type=submit]", "sign-up sent");
    assert.match(fp.url(), /\/sign-up\?sent=1$/);
    assert.match(await text(fp, "main"), /check your/i);

    await open(fp, await linkInMail(founder.email, "accounts.verifyEmail"), "e-mail confirmed");
    assert.match(await text(fp, "main"), /your e-mail address is confirmed/);
    await fp.click("main a[href='/sign-in']");
    await fp.waitForURL(/\/sign-in$/);
    await assertAccessible(fp, "sign-in form");
    await fp.fill("#email", founder.email);
    await fp.fill("#password", TEST_PASSWORD);
    await submit(fp, "main form[action='/sign-in'] button[type=submit]", "home, signed in");
    assert.equal(new URL(fp.url()).pathname, "/");
    assert.match(await text(fp, "header"), /My account/);

    // ---- 2. They put their organisation on the platform ----
    await open(fp, "/organisations/new", "new organisation form");
    await fp.fill("#name", orgName);
    await fp.fill("#acronym", "LJN");
    await fp.selectOption("#country", "KE");
    await fp.check("input[name=fieldsOfWork][value=victim-assistance]");
    await fp.check("input[name=fieldsOfWork][value=access-to-justice]");
    await fp.selectOption("#ecosocStatus", "special");
    await fp.fill("#website", "https://lakeshore.example.org");
    await fp.check("input[name=workingLanguages][value=en]");
    await fp.check("input[name=workingLanguages][value=fr]");
    await fp.fill(
      "[id='mission.en']",
      "We stand by victims of human trafficking on their way to justice around Lake Victoria.",
    );
    await fp.fill(
      "[id='mission.fr']",
      "Nous accompagnons les victimes de la traite des êtres humains sur le chemin de la justice.",
    );
    assert.equal(await fp.getAttribute("[id='mission.ar']", "dir"), "rtl");
    assert.equal(await fp.getAttribute("[id='mission.ar']", "lang"), "ar");
    await submit(fp, "main form[action='/organisations'] button[type=submit]", "organisation page");
    const orgPath = new URL(fp.url()).pathname;
    assert.match(orgPath, /^\/organisations\/ljn$/, "the slug comes from the acronym");
    assert.match(await text(fp, "main h1"), /Lakeshore Justice Network \(LJN\)/);
    assert.match(await text(fp, "main"), /Kenya/);
    assert.match(await text(fp, "main"), /Not yet verified by the secretariat/);
    assert.doesNotMatch(await text(fp, "main header"), /Verified/);

    // ---- 3. They invite a colleague from the members page ----
    await fp.click(`main a[href='${orgPath}/members']`);
    await fp.waitForURL(`**${orgPath}/members`);
    await assertAccessible(fp, "members page (focal point)");
    await fp.fill("#email", invitee.email);
    await submit(fp, `main form[action='${orgPath}/invitations'] button[type=submit]`, "invitation sent");
    assert.match(fp.url(), /\/members\?invited=1#invitations$/);
    assert.match(await text(fp, "main [role=status]"), /The invitation was sent/);
    assert.match(await text(fp, "main"), new RegExp(invitee.email));

    // ---- 4. The colleague opens the invitation, creates an account, and comes back to accept ----
    const inviteeContext = await b.newContext();
    const ip = await inviteeContext.newPage();
    const invitation = await linkInMail(invitee.email, "organisationInvitation");
    const invitationPath = new URL(invitation).pathname;
    await open(ip, invitation, "invitation, signed out");
    assert.match(await text(ip, "main h1"), /Invitation to join Lakeshore Justice Network/);
    await ip.click(`main a[href='/sign-up?next=${encodeURIComponent(invitationPath)}']`);
    await ip.waitForURL(/\/sign-up\?next=/);
    await assertAccessible(ip, "sign-up form on the way to an invitation");
    await ip.fill("#displayName", invitee.name);
    await ip.fill("#email", invitee.email);
    await ip.fill("#password", TEST_PASSWORD);
    await submit(ip, "main form[action='/sign-up'] button[type=submit]", "invitee's sign-up sent");
    assert.match(ip.url(), /\/sign-up\?sent=1$/);

    const confirm = await linkInMail(invitee.email, "accounts.verifyEmail");
    assert.equal(new URL(confirm).searchParams.get("next"), invitationPath, "the mail keeps the way back");
    await open(ip, confirm, "invitee's e-mail confirmed");
    assert.match(await text(ip, "main"), /your e-mail address is confirmed/);
    await ip.click("main a[href^='/sign-in']");
    await ip.waitForURL(/\/sign-in\?next=/);
    await assertAccessible(ip, "sign-in form on the way to an invitation");
    await ip.fill("#email", invitee.email);
    await ip.fill("#password", TEST_PASSWORD);
    await submit(ip, "main form[action='/sign-in'] button[type=submit]", "invitation, signed in");
    assert.equal(new URL(ip.url()).pathname, invitationPath, "back at the invitation");
    await submit(ip, `main form[action='${invitationPath}/accept'] button[type=submit]`, "members (member)");
    assert.equal(new URL(ip.url()).pathname, `${orgPath}/members`);
    const members = await text(ip, "main table");
    assert.match(members, new RegExp(founder.name));
    assert.match(members, new RegExp(`${invitee.name} \\(you\\)`));
    assert.match(members, /Focal point/);
    assert.match(members, /Member/);

    // ---- 5. The secretariat verifies the organisation ----
    const secretariat = await buildUser(b.t.db, { roles: ["secretariat"], name: "Secretariat officer" });
    const secretariatContext = await b.newContext();
    const sp = await secretariatContext.newPage();
    await open(sp, "/sign-in?lang=en", "sign-in form (secretariat)");
    await sp.fill("#email", secretariat.email);
    await sp.fill("#password", TEST_PASSWORD);
    await submit(sp, "main form[action='/sign-in'] button[type=submit]", "home (secretariat)");
    assert.match(await text(sp, "header nav:not(.languages)"), /Accounts/);
    await sp.click("header a[href='/admin/users']");
    await sp.waitForURL(/\/admin\/users$/);
    await assertAccessible(sp, "accounts (secretariat)");
    assert.match(await text(sp, "main"), new RegExp(invitee.email));
    await open(sp, orgPath, "organisation page (secretariat)");
    await submit(sp, `main form[action='${orgPath}/verification'] button[type=submit]`, "verified");
    assert.equal(new URL(sp.url()).pathname, orgPath);
    assert.match(await text(sp, "main header"), /Verified/);
    assert.match(await text(sp, "main"), /Verified by the secretariat on/);
    assert.match(await text(sp, "main nav"), /Withdraw the verification/);

    // ---- 6. A visitor finds it in the public directory, in French and in Arabic ----
    const visitorContext = await b.newContext();
    const vp = await visitorContext.newPage();
    await open(vp, "/organisations?lang=fr", "directory (fr)");
    assert.equal(await vp.getAttribute("html", "lang"), "fr");
    await vp.fill("#q", "accompagnons");
    await submit(vp, "main form[action='/organisations'] button[type=submit]", "directory search (fr)");
    assert.match(vp.url(), /\/organisations\?q=accompagnons/);
    const frCard = vp.locator("main li.card", { hasText: orgName });
    assert.equal(await frCard.count(), 1, "a French word of the mission finds it");
    assert.match(String(await frCard.textContent()), /Vérifiée/);
    assert.match(String(await frCard.textContent()), /Kenya/);
    await screenshot(vp, "directory-fr");

    await open(vp, "/organisations?lang=ar", "directory (ar)");
    assert.equal(await vp.getAttribute("html", "lang"), "ar");
    assert.equal(await vp.getAttribute("html", "dir"), "rtl");
    await vp.fill("#q", "LJN");
    await submit(vp, "main form[action='/organisations'] button[type=submit]", "directory search (ar)");
    assert.match(vp.url(), /\/organisations\?q=LJN/);
    assert.equal(await vp.getAttribute("html", "dir"), "rtl", "the language is remembered");
    const arCard = vp.locator("main li.card", { hasText: orgName });
    assert.equal(await arCard.count(), 1);
    assert.match(String(await arCard.textContent()), /تم التحقق منها/);
    await screenshot(vp, "directory-ar");

    await vp.click(`main li.card a[href='${orgPath}']`);
    await vp.waitForURL(`**${orgPath}`);
    await assertAccessible(vp, "organisation page (ar, public)");
    assert.match(await text(vp, "main h1"), /Lakeshore Justice Network/);
    assert.match(await text(vp, "main section[lang=fr]"), /Nous accompagnons/);

    for (const context of [founderContext, inviteeContext, secretariatContext, visitorContext]) {
      await context.close();
    }
  });
});
