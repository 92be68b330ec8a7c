/**
 * A delegate whose link no longer works (each link is replaced on use, on approval, on a new badge)
 * asks for a new one with their e-mail address: the old link's page says so (the same 404 as an
 * unknown link); the answer never says whether the address is registered; each open registration
 * gets a new link by mail in the language asked in; rejected and purged ones do not; rate-limited.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient, withoutCsrfToken } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";

describe("accreditation: a new link to the delegate's page", () => {
  let t: TestContext;
  const clock = new TestClock(new Date("2012-08-01T09:00:00Z"));
  before(async () => {
    t = await createTestApp({ clock });
  });
  after(() => t.close());

  async function registered(names: string[]) {
    const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
    const focal = await buildUser(t.db);
    const org = await buildOrganisation(t.db, { focalPointId: focal.id, ecosocStatus: "special" });
    const session = await buildSession(t.db, {
      cache: t.services.cache,
      observerApplicationDeadline: "2012-09-14T23:59",
    });
    const sec = await TestClient.as(t, secretariat.id);
    const fp = await TestClient.as(t, focal.id);
    const a = await fp.post(`/api/v1/organisations/${org.slug}/sessions/${session.slug}/application`, {
      relevance: "We assist victims of trafficking.",
      agendaItemIds: [],
    });
    await sec.post(`/api/v1/applications/${a.json().id}/decision`, { decision: "admit" });
    const people = [];
    for (const name of names) {
      const email = `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.org`;
      const res = await fp.post(`/api/v1/organisations/${org.slug}/sessions/${session.slug}/delegates`, {
        fullName: name,
        email,
        nationality: "KE",
        gender: "female",
      });
      assert.equal(res.statusCode, 201, res.body);
      people.push({ id: res.json().id as string, email, link: (await mails(email)).at(-1)!.link });
    }
    return { sec, people };
  }
  async function mails(email: string) {
    const rows = await t.db
      .selectFrom("mail_outbox")
      .select(["template", "language", "text_body"])
      .where("to_address", "=", email)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({ ...r, link: /\/delegate\/([\w-]+)/.exec(r.text_body)?.[1] ?? "" }));
  }
  const ask = (email: string, lang = "en") =>
    TestClient.anonymous(t).request("POST", "/delegate-link", {
      form: { email },
      headers: { accept: "text/html", "accept-language": lang },
    });

  test("an old link's page offers a new one; a new link comes by mail in the person's language", async () => {
    const { people } = await registered(["Hana"]);
    const [hana] = people;
    const anon = TestClient.anonymous(t);
    const used = await anon.submit(`/delegate/${hana!.link}`, { consentPublic: "yes" });
    assert.equal(used.statusCode, 303);
    const old = await anon.page(`/delegate/${hana!.link}`);
    assert.equal(old.statusCode, 404);
    assert.match(old.body, /This link no longer works/);
    assert.match(old.body, /id="new-link-form"/);
    const unknown = await anon.page(`/delegate/${"x".repeat(32)}`);
    assert.equal(unknown.statusCode, 404);
    assert.equal(
      withoutCsrfToken(unknown.body.replaceAll("x".repeat(32), "TOKEN")),
      withoutCsrfToken(old.body.replaceAll(hana!.link, "TOKEN")),
      "an old link and an unknown one answer the same (but for the address itself)",
    );

    const sent = await ask(hana!.email.toUpperCase(), "fr");
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    assert.equal(sent.headers.location, "/delegate-link?notice=sent");
    const all = await mails(hana!.email);
    const mail = all.at(-1)!;
    assert.equal(mail.template, "accreditation.delegateNewLink");
    assert.equal(mail.language, "fr");
    assert.match(mail.text_body, /Voici un nouveau lien/);
    assert.equal((await anon.page(`/delegate/${mail.link}`)).statusCode, 200);
    // the link the person had until then (from the confirmation's redirect) no longer works
    const redirected = /\/delegate\/([\w-]+)/.exec(String(used.headers.location))![1]!;
    assert.equal((await anon.page(`/delegate/${redirected}`)).statusCode, 404);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_id", "=", hana!.id)
      .where("action", "=", "delegate.link_resent")
      .execute();
    assert.equal(audit.length, 1);
  });

  test("the same answer for an unknown address; no link for a rejected or purged registration", async () => {
    const { sec, people } = await registered(["Ines", "Jae"]);
    const [ines, jae] = people;
    await sec.post(`/api/v1/delegates/${ines!.id}/decision`, { decision: "reject" });
    await t.db
      .updateTable("delegates")
      .set({ personal_data_purged_at: clock.now() })
      .where("id", "=", jae!.id)
      .execute();
    const before = await t.db
      .selectFrom("mail_outbox")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    const unknown = await ask("nobody-here@example.org");
    const rejected = await ask(ines!.email);
    const purged = await ask(jae!.email);
    for (const r of [unknown, rejected, purged]) {
      assert.equal(r.statusCode, 303);
      assert.equal(r.headers.location, "/delegate-link?notice=sent");
    }
    const afterCount = await t.db
      .selectFrom("mail_outbox")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    assert.deepEqual(afterCount, before, "no mail was sent");
    const page = await TestClient.anonymous(t).page("/delegate-link?notice=sent");
    assert.match(page.body, /If this address belongs to a registered delegate/);
  });

  test("API: 202, a wrong address 400, and at most 3 requests an hour for one address (429)", async () => {
    const { people } = await registered(["Kofi"]);
    const [kofi] = people;
    const api = (email: string) => TestClient.anonymous(t).post("/api/v1/delegate-links", { email });
    assert.equal((await api("not-an-address")).statusCode, 400);
    for (let i = 0; i < 3; i++) assert.equal((await api(kofi!.email)).statusCode, 202);
    assert.equal(
      (await mails(kofi!.email)).filter((m) => m.template === "accreditation.delegateNewLink").length,
      3,
    );
    const limited = await api(kofi!.email);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, "RATE_LIMITED");
    const page = await ask(kofi!.email);
    assert.equal(page.statusCode, 429);
    assert.match(page.body, /id="new-link-form"/);
    clock.advance(3_601_000);
    assert.equal((await api(kofi!.email)).statusCode, 202, "the next hour");
  });
});
