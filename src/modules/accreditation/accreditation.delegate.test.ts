/**
 * After registration: the focal point and the secretariat correct a delegate's data and replace
 * the photo (API and pages, EXIF stripped), the secretariat revokes a badge with a reason (audited;
 * check-in refuses it with the reason) and reissues one (new token, the old one refused, mail to
 * the delegate); the secretariat's list is paginated.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import sharp from "sharp";
import { TestClient } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";
import { badgeKey, badgeToken } from "./badges.service.js";

function multipart(fields: Record<string, string>, photo?: Buffer) {
  const boundary = `----convene${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (photo)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="me.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      photo,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

describe("accreditation: a registered delegate", () => {
  let t: TestContext;
  const clock = new TestClock(new Date("2012-08-01T09:00:00Z"));
  before(async () => {
    t = await createTestApp({ clock });
  });
  after(() => t.close());

  async function admitted() {
    clock.set("2012-08-01T09:00:00Z");
    const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
    const focal = await buildUser(t.db, { language: "fr" });
    const org = await buildOrganisation(t.db, {
      focalPointId: focal.id,
      ecosocStatus: "special",
      country: "KE",
    });
    const session = await buildSession(t.db, {
      cache: t.services.cache,
      observerApplicationDeadline: "2012-09-14T23:59",
      agendaItems: [{ number: "2", title: { en: "Trafficking in persons" } }],
    });
    const w = {
      session,
      org,
      sec: await TestClient.as(t, secretariat.id),
      fp: await TestClient.as(t, focal.id),
      relogin: async () => {
        w.sec = await TestClient.as(t, secretariat.id);
        w.fp = await TestClient.as(t, focal.id);
      },
    };
    const a = await w.fp.post(`/api/v1/organisations/${org.slug}/sessions/${session.slug}/application`, {
      relevance: "We assist victims of trafficking.",
      agendaItemIds: [],
    });
    await w.sec.post(`/api/v1/applications/${a.json().id}/decision`, { decision: "admit" });
    return w;
  }
  const register = async (w: Awaited<ReturnType<typeof admitted>>, i: number) => {
    const res = await w.fp.post(`/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/delegates`, {
      fullName: `Delegate ${i}`,
      email: `d${i}-${Math.random().toString(36).slice(2)}@example.org`,
      nationality: "KE",
      gender: i % 2 ? "female" : "male",
      idDocumentType: "passport",
      idDocumentNumber: `IDMARK${i}X`,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; email: string };
  };
  const exifPhoto = () =>
    sharp({ create: { width: 60, height: 80, channels: 3, background: "#88aacc" } })
      .jpeg()
      .withExif({ IFD0: { Artist: "SECRET-EXIF" } })
      .toBuffer();

  test("pages: the focal point corrects a pending delegate and replaces the photo; the secretariat after approval", async () => {
    const w = await admitted();
    const d = await register(w, 1);
    const page = await w.fp.page(`/delegates/${d.id}?lang=fr`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Delegate 1/);
    assert.match(page.body, /lang="fr"/);
    assert.ok(!page.body.includes("IDMARK1X"), "the ID number is not on the page");

    const saved = await w.fp.submit(`/delegates/${d.id}`, {
      fullName: "Delegate One",
      title: "Directrice",
      email: d.email,
      nationality: "KE",
      gender: "female",
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
    const after = (await w.fp.get(`/api/v1/delegates/${d.id}`)).json();
    assert.equal(after.fullName, "Delegate One");
    assert.equal(after.title, "Directrice");
    assert.equal(after.idDocumentNumber, "IDMARK1X", "an empty ID field keeps the recorded number");
    const bad = await w.fp.submit(`/delegates/${d.id}`, { fullName: "", email: "not-an-address" });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /error-summary/);

    const m = multipart({ _csrf: w.fp.csrfToken ?? "" }, await exifPhoto());
    const up = await w.fp.request("POST", `/delegates/${d.id}/photo`, {
      headers: { "content-type": m.type, accept: "text/html" },
      json: m.body,
      csrf: false,
    });
    assert.equal(up.statusCode, 303, up.body.slice(0, 300));
    const photo = await w.fp.get(`/api/v1/delegates/${d.id}/photo`);
    assert.equal(photo.statusCode, 200);
    assert.ok(!photo.rawPayload.includes("SECRET-EXIF"));
    assert.equal((await sharp(photo.rawPayload).metadata()).exif, undefined);
    const none = multipart({ _csrf: w.fp.csrfToken ?? "" });
    const missing = await w.fp.request("POST", `/delegates/${d.id}/photo`, {
      headers: { "content-type": none.type, accept: "text/html" },
      json: none.body,
      csrf: false,
    });
    assert.equal(missing.statusCode, 400);

    // once approved, only the secretariat may change the data
    await w.sec.post(`/api/v1/delegates/${d.id}/decision`, { decision: "approve" });
    assert.match(
      (await w.fp.page(`/delegates/${d.id}`)).body,
      /seul le secrétariat peut désormais la modifier/,
    );
    const locked = await w.fp.submit(`/delegates/${d.id}`, { title: "x" });
    assert.equal(locked.statusCode, 400);
    const bySecretariat = await w.sec.submit(`/delegates/${d.id}`, { title: "Programme Officer" });
    assert.equal(bySecretariat.statusCode, 303);
    assert.equal((await w.sec.get(`/api/v1/delegates/${d.id}`)).json().title, "Programme Officer");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("object_id", "=", d.id)
      .where("action", "in", ["delegate.updated", "delegate.photo_set"])
      .execute();
    assert.ok(audit.filter((a) => a.action === "delegate.updated").length >= 2);
    assert.ok(audit.some((a) => a.action === "delegate.photo_set"));
    assert.ok(!JSON.stringify(audit).includes("IDMARK1X"));
  });

  test("revoke with a reason (audited, refused at check-in with it) and reissue (old token refused, new accepted, mailed)", async () => {
    const w = await admitted();
    const d = await register(w, 2);
    await w.sec.post(`/api/v1/delegates/${d.id}/decision`, { decision: "approve" });
    const key = await badgeKey(t.db);
    const badgeOf = async () =>
      t.db
        .selectFrom("badges")
        .selectAll()
        .where("delegate_id", "=", d.id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
    const first = (await badgeOf())!;
    const firstToken = badgeToken(key, first.id, first.session_id);
    clock.set("2012-10-15T07:30:00Z");
    await w.relogin();
    const checkin = (code: string) => w.sec.post(`/api/v1/sessions/${w.session.slug}/checkins`, { code });

    // the page: the secretariat revokes with a reason; the focal point may not
    assert.equal((await w.fp.submit(`/delegates/${d.id}/badge/revoke`, { reason: "x" })).statusCode, 403);
    assert.equal((await w.sec.submit(`/delegates/${d.id}/badge/revoke`, { reason: "" })).statusCode, 400);
    const revoked = await w.sec.submit(`/delegates/${d.id}/badge/revoke`, {
      reason: "Reported stolen on 14 October",
    });
    assert.equal(revoked.statusCode, 303);
    const refused = await checkin(firstToken);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, "BADGE_REVOKED");
    assert.equal(refused.json().detail, "Reported stolen on 14 October");
    assert.equal((await checkin(first.code)).json().detail, "Reported stolen on 14 October");
    const page = await w.sec.page(`/delegates/${d.id}`);
    assert.match(page.body, /Reported stolen on 14 October/);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("object_id", "=", first.id)
      .where("action", "=", "badge.revoked")
      .executeTakeFirstOrThrow();
    assert.equal((audit.after as { reason: string }).reason, "Reported stolen on 14 October");

    // a new badge: a new token and code; the check-in accepts it
    assert.equal((await w.sec.submit(`/delegates/${d.id}/badge/reissue`, {})).statusCode, 303);
    const second = (await badgeOf())!;
    assert.notEqual(second.id, first.id);
    assert.notEqual(second.code, first.code);
    const ok = await checkin(badgeToken(key, second.id, second.session_id));
    assert.equal(ok.json().result, "checked_in", ok.body);
    assert.equal(ok.json().checkedInToday, 1);

    // reissuing again through the API revokes the valid one: its token is refused from then on
    const api = await w.sec.post(`/api/v1/delegates/${d.id}/badge`, {});
    assert.equal(api.statusCode, 201);
    const third = (await badgeOf())!;
    assert.equal(third.id, api.json().badgeId);
    const old = await checkin(badgeToken(key, second.id, second.session_id));
    assert.equal(old.json().code, "BADGE_REVOKED");
    assert.equal(old.json().detail, "reissued");
    const again = (await checkin(third.code)).json();
    assert.equal(again.result, "already_checked_in");
    assert.equal(again.firstCheckedInAt, "2012-10-15T07:30:00.000Z");

    const mails = await t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", d.email)
      .where("template", "=", "accreditation.badgeReissued")
      .execute();
    assert.equal(mails.length, 2);
    assert.ok(!JSON.stringify(mails).includes("IDMARK2X"));
    const link = /\/delegate\/([\w-]+)/.exec(JSON.stringify(mails.at(-1)))?.[1];
    assert.ok(link);
    const own = await TestClient.anonymous(t).page(`/delegate/${link}`);
    assert.equal(own.statusCode, 200);
  });

  test("the secretariat's list is paginated; the exports hold every row", async () => {
    const w = await admitted();
    for (let i = 10; i < 15; i++) await register(w, i);
    const url = `/api/v1/sessions/${w.session.slug}/delegates`;
    const p1 = (await w.sec.get(`${url}?pageSize=2`)).json();
    const p3 = (await w.sec.get(`${url}?pageSize=2&page=3`)).json();
    const p4 = (await w.sec.get(`${url}?pageSize=2&page=4`)).json();
    assert.equal(p1.total, 5);
    assert.equal(p1.items.length, 2);
    assert.equal(p3.items.length, 1);
    assert.equal(p3.total, 5);
    const same = (await w.sec.get(`${url}?pageSize=2&status=${p1.items[0].status}`)).json();
    assert.deepEqual([same.items.length, same.total], [2, 5]);
    const none = (await w.sec.get(`${url}?pageSize=2&status=rejected`)).json();
    assert.deepEqual([none.items.length, none.total], [0, 0]);
    assert.deepEqual(p4, { items: [], total: 5, page: 4, pageSize: 2 });
    const all = (await w.sec.get(`${url}?pageSize=500`))
      .json()
      .items.map((d: { fullName: string }) => d.fullName);
    assert.deepEqual(all, [...all].sort());
    const csv = await w.sec.get(`${url}?format=csv`);
    assert.equal(csv.body.trim().split("\r\n").length, 6);
    const page = await w.sec.page(`/sessions/${w.session.slug}/delegates`);
    assert.match(page.body, /class="pagination"/);
    assert.match(page.body, /href="\/delegates\//);
  });
});
