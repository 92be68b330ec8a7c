import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import sharp from "sharp";
import { TestClient } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";
import { neutralise, toCsv } from "./participation.service.js";

const DAY = 86_400_000;

describe("formula injection (no I/O)", () => {
  test("cells that a spreadsheet would read as formulas are neutralised", () => {
    for (const v of ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1", "\u0000=1", "\u200b@x", "\n+1"])
      assert.equal(neutralise(v)[0], "'", JSON.stringify(v));
    for (const v of ["Alice", "a=b", "1-2", ""]) assert.equal(neutralise(v), v);
    assert.equal(toCsv([['=HYPERLINK("x")']]), '\ufeff"\'=HYPERLINK(""x"")"\r\n');
  });
});

describe("accreditation", () => {
  let t: TestContext;
  const clock = new TestClock(new Date("2012-08-01T09:00:00Z"));
  before(async () => {
    t = await createTestApp({ clock });
  });
  after(() => t.close());

  async function world(options: { ecosoc?: boolean; quota?: number } = {}) {
    const secretariat = await buildUser(t.db, { roles: ["secretariat"] });
    const state = await buildUser(t.db, { roles: ["member_state_delegate"] });
    const focal = await buildUser(t.db, { language: "fr" });
    const org = await buildOrganisation(t.db, {
      focalPointId: focal.id,
      ecosocStatus: options.ecosoc ? "special" : "none",
      country: "KE",
      fieldsOfWork: ["human_trafficking"],
    });
    const session = await buildSession(t.db, {
      cache: t.services.cache,
      observerApplicationDeadline: "2012-09-14T23:59",
      objectionWindowDays: 14,
      delegateQuota: options.quota,
      agendaItems: [{ number: "2", title: { en: "Trafficking in persons" } }],
    });
    const w = {
      session,
      org,
      focal,
      sec: await TestClient.as(t, secretariat.id),
      fp: await TestClient.as(t, focal.id),
      st: await TestClient.as(t, state.id),
      /** signs in again (sessions expire when the clock jumps) */
      relogin: async () => {
        w.sec = await TestClient.as(t, secretariat.id);
        w.fp = await TestClient.as(t, focal.id);
        w.st = await TestClient.as(t, state.id);
      },
    };
    return w;
  }
  const apply = (w: Awaited<ReturnType<typeof world>>) =>
    w.fp.post(`/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/application`, {
      relevance: "We assist victims of trafficking.",
      agendaItemIds: [w.session.agendaItems[0]!.id],
    });

  async function admitted(options: { quota?: number } = {}) {
    clock.set("2012-08-01T09:00:00Z");
    const w = await world({ ecosoc: true, ...options });
    const a = (await apply(w)).json();
    assert.equal(
      (await w.sec.post(`/api/v1/applications/${a.id}/decision`, { decision: "admit" })).statusCode,
      200,
    );
    return w;
  }

  test("quick path: ECOSOC status, the secretariat admits for the Bureau; mailed in French", async () => {
    clock.set("2012-08-01T09:00:00Z");
    const w = await world({ ecosoc: true });
    const res = await apply(w);
    assert.equal(res.statusCode, 201, res.body);
    const a = res.json();
    assert.equal(a.path, "ecosoc");
    assert.equal((await apply(w)).json().code, "APPLICATION_EXISTS");
    const decided = await w.sec.post(`/api/v1/applications/${a.id}/decision`, { decision: "admit" });
    assert.equal(decided.json().status, "admitted");
    const mine = (
      await w.fp.get(`/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/application`)
    ).json();
    assert.deepEqual(
      mine.timeline.map((e: { kind: string }) => e.kind),
      ["submitted", "admitted"],
    );
    const mails = await t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", w.focal.email)
      .execute();
    assert.ok(mails.some((m) => m.template === "accreditation.admitted" && m.language === "fr"));
    const audits = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_id", "=", a.id)
      .execute();
    assert.deepEqual(audits.map((r) => r.action).sort(), [
      "observer_application.admitted",
      "observer_application.submitted",
    ]);
  });

  test("rule 17 without objection: admitted by the job when the window closes", async () => {
    clock.set("2012-08-01T09:00:00Z");
    const w = await world();
    const a = (await apply(w)).json();
    assert.equal(a.path, "rule17");
    assert.equal(
      (await w.sec.post(`/api/v1/applications/${a.id}/decision`, { decision: "admit" })).json().code,
      "APPLICATION_STATE_INVALID",
    );
    const c = (await w.sec.post(`/api/v1/applications/${a.id}/circulate`)).json();
    assert.equal(c.status, "circulated");
    const list = (await w.st.get(`/api/v1/sessions/${w.session.slug}/circulated-list`)).json();
    assert.ok(list.items.some((i: { id: string }) => i.id === a.id));
    assert.equal(
      (await w.fp.get(`/api/v1/sessions/${w.session.slug}/circulated-list`)).json().code,
      "NOT_A_MEMBER_STATE_DELEGATE",
    );
    clock.advance(13 * DAY);
    await t.runJobs();
    await w.relogin();
    assert.equal(
      (await w.sec.get(`/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/application`)).json()
        .status,
      "circulated",
    );
    clock.advance(1 * DAY + 1000);
    await t.runJobs();
    await w.relogin();
    const done = (
      await w.fp.get(`/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/application`)
    ).json();
    assert.equal(done.status, "admitted");
    assert.deepEqual(
      done.timeline.map((e: { kind: string }) => e.kind),
      ["submitted", "circulated", "admitted_no_objection"],
    );
  });

  test("rule 17 with an objection: referred, then the Conference decides", async () => {
    clock.set("2012-08-01T09:00:00Z");
    const w = await world();
    const a = (await apply(w)).json();
    await w.sec.post(`/api/v1/applications/${a.id}/circulate`);
    assert.equal(
      (await w.fp.post(`/api/v1/applications/${a.id}/objections`, { reason: "x" })).statusCode,
      403,
    );
    assert.equal(
      (await w.st.post(`/api/v1/applications/${a.id}/objections`, { reason: "Not relevant" })).statusCode,
      204,
    );
    assert.equal(
      (await w.st.post(`/api/v1/applications/${a.id}/objections`, { reason: "again" })).json().code,
      "OBJECTION_EXISTS",
    );
    clock.advance(15 * DAY);
    await w.relogin();
    assert.equal(
      (await w.st.post(`/api/v1/applications/${a.id}/objections`, { reason: "late" })).json().code,
      "OBJECTION_WINDOW_CLOSED",
    );
    await t.runJobs();
    const referred = (
      await w.fp.get(`/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/application`)
    ).json();
    assert.equal(referred.status, "referred");
    const decided = (
      await w.sec.post(`/api/v1/applications/${a.id}/decision`, { decision: "admit", note: "Decision 6/1" })
    ).json();
    assert.equal(decided.status, "admitted");
    assert.deepEqual(
      decided.timeline.map((e: { kind: string }) => e.kind),
      ["submitted", "circulated", "objection_lodged", "referred", "conference_admitted"],
    );
  });

  test("a late application is refused with a stable code", async () => {
    clock.set("2012-09-15T08:00:00Z");
    const w = await world();
    const res = await apply(w);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, "APPLICATION_DEADLINE_PASSED");
  });

  const delegate = (i: number, extra: Record<string, unknown> = {}) => ({
    fullName: `Delegate ${i}`,
    email: `d${i}-${Math.random().toString(36).slice(2)}@example.org`,
    nationality: "KE",
    gender: i % 2 ? "female" : "male",
    ...extra,
  });

  test("the quota holds under 20 concurrent registrations", async () => {
    const w = await admitted({ quota: 5 });
    const url = `/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/delegates`;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => w.fp.post(url, delegate(i))));
    const codes = results.map((r) => r.statusCode).sort();
    assert.equal(codes.filter((c) => c === 201).length, 5);
    assert.ok(
      results.filter((r) => r.statusCode !== 201).every((r) => r.json().code === "DELEGATE_QUOTA_REACHED"),
    );
    assert.equal((await w.fp.get(url)).json().items.length, 5);
  });

  test("badges: approved, PDF, check-in; forged, revoked and other-session badges refused", async () => {
    const w = await admitted();
    const other = await admitted();
    const reg = async (x: typeof w, i: number) =>
      (
        await x.fp.post(
          `/api/v1/organisations/${x.org.slug}/sessions/${x.session.slug}/delegates`,
          delegate(i),
        )
      ).json();
    const d = await reg(w, 1);
    const d2 = await reg(w, 2);
    const o = await reg(other, 3);
    const jpeg = await sharp({ create: { width: 60, height: 80, channels: 3, background: "#88aacc" } })
      .jpeg()
      .withExif({ IFD0: { Artist: "SECRET-EXIF" } })
      .toBuffer();
    const up = await w.fp.request("PUT", `/api/v1/delegates/${d.id}/photo`, {
      headers: { "content-type": "image/jpeg" },
      json: jpeg,
    });
    assert.equal(up.statusCode, 200, up.body);
    const photo = await w.fp.get(`/api/v1/delegates/${d.id}/photo`);
    assert.ok(!photo.rawPayload.includes("SECRET-EXIF"));
    assert.equal(
      (
        await w.sec.post(`/api/v1/sessions/${w.session.slug}/delegates/decisions`, {
          ids: [d.id, d2.id],
          decision: "approve",
        })
      ).json().decided,
      2,
    );
    await other.sec.post(`/api/v1/delegates/${o.id}/decision`, { decision: "approve" });
    assert.equal(
      (await w.fp.patch(`/api/v1/delegates/${d.id}`, { title: "x" })).json().code,
      "DELEGATE_DECIDED",
    );
    const pdf = await w.fp.get(`/api/v1/delegates/${d.id}/badge.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 4).toString(), "%PDF");
    assert.equal((await w.sec.get(`/api/v1/sessions/${w.session.slug}/badges.pdf`)).statusCode, 200);

    const { badgeKey, badgeToken } = await import("./badges.service.js");
    const key = await badgeKey(t.db);
    const badges = await t.db
      .selectFrom("badges")
      .selectAll()
      .where("delegate_id", "in", [d.id, d2.id, o.id])
      .execute();
    const b1 = badges.find((b) => b.delegate_id === d.id)!;
    const b2 = badges.find((b) => b.delegate_id === d2.id)!;
    const bo = badges.find((b) => b.delegate_id === o.id)!;
    const checkin = (code: string) => w.sec.post(`/api/v1/sessions/${w.session.slug}/checkins`, { code });
    clock.set("2012-10-15T07:30:00Z");
    await w.relogin();
    const first = await checkin(badgeToken(key, b1.id, b1.session_id));
    assert.equal(first.json().result, "checked_in", first.body);
    const again = (await checkin(b1.code)).json();
    assert.equal(again.result, "already_checked_in");
    assert.equal(again.firstCheckedInAt, "2012-10-15T07:30:00.000Z");
    const forged = `${b1.id}.${b1.session_id}.${"A".repeat(43)}`;
    assert.equal((await checkin(forged)).json().code, "BADGE_INVALID");
    assert.equal((await checkin(badgeToken(key, bo.id, bo.session_id))).json().code, "BADGE_OTHER_SESSION");
    assert.equal((await checkin(bo.code)).json().code, "BADGE_OTHER_SESSION");
    assert.equal((await w.sec.post(`/api/v1/badges/${b2.id}/revoke`, { reason: "lost" })).statusCode, 204);
    assert.equal((await checkin(badgeToken(key, b2.id, b2.session_id))).json().code, "BADGE_REVOKED");
    const counts = (await w.sec.get(`/api/v1/sessions/${w.session.slug}/checkins`)).json();
    assert.deepEqual(counts.days, [{ day: "2012-10-15", count: 1 }]);
    const figures = (
      await TestClient.anonymous(t).get(`/api/v1/sessions/${w.session.slug}/participation`)
    ).json();
    assert.equal(figures.organisationsAdmitted, 1);
    assert.equal(figures.organisationsAttending, 1);
    const page = await TestClient.anonymous(t).page(`/sessions/${w.session.slug}/participants`);
    assert.equal(page.statusCode, 200);
  });

  test("privacy: ID numbers and dates of birth stay out of lists, exports, mails and audit; purged after retention", async () => {
    const w = await admitted();
    const ID = "IDMARKER7781";
    const DOB = "1961-07-13";
    const res = await w.fp.post(
      `/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/delegates`,
      delegate(9, {
        idDocumentType: "passport",
        idDocumentNumber: ID,
        dateOfBirth: DOB,
        consentPublic: true,
      }),
    );
    assert.equal(res.statusCode, 201);
    const d = res.json();
    assert.equal(d.idDocumentNumber, ID); // the single answer to the focal point carries it
    await w.sec.post(`/api/v1/delegates/${d.id}/decision`, { decision: "approve" });
    const leaks: string[] = [];
    const check = (where: string, text: string) => {
      if (text.includes(ID) || text.includes(DOB)) leaks.push(where);
    };
    check(
      "org list",
      (await w.fp.get(`/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/delegates`)).body,
    );
    check("session list", (await w.sec.get(`/api/v1/sessions/${w.session.slug}/delegates`)).body);
    check("csv", (await w.sec.get(`/api/v1/sessions/${w.session.slug}/delegates?format=csv`)).body);
    const xlsx = await w.sec.get(`/api/v1/sessions/${w.session.slug}/delegates?format=xlsx`);
    assert.equal(xlsx.statusCode, 200);
    check(
      "participants",
      (await TestClient.anonymous(t).get(`/api/v1/sessions/${w.session.slug}/participants`)).body,
    );
    const base = `/organisations/${w.org.slug}/sessions/${w.session.slug}`;
    for (const [where, client, url] of [
      ["org delegates page", w.fp, `${base}/delegates`],
      ["application page", w.fp, `${base}/application`],
      ["hub", w.fp, `/sessions/${w.session.slug}/accreditation`],
      ["session delegates page", w.sec, `/sessions/${w.session.slug}/delegates`],
      ["applications page", w.sec, `/sessions/${w.session.slug}/applications`],
      ["circulated list page", w.sec, `/sessions/${w.session.slug}/circulated-list`],
      ["check-in page", w.sec, `/sessions/${w.session.slug}/checkin`],
      ["participants page", TestClient.anonymous(t), `/sessions/${w.session.slug}/participants`],
    ] as const) {
      const page = await client.page(url);
      assert.equal(page.statusCode, 200, `${where}: ${page.body.slice(0, 300)}`);
      check(where, page.body);
    }
    // a refused registration form does not echo the ID number or the date of birth
    const refused = await w.fp.submit(`${base}/delegates`, {
      fullName: "",
      email: "x@example.org",
      nationality: "KE",
      gender: "male",
      idDocumentNumber: ID,
      dateOfBirth: DOB,
    });
    assert.equal(refused.statusCode, 400);
    check("refused register form", refused.body);
    for (const m of await t.db.selectFrom("mail_outbox").selectAll().execute())
      check(`mail ${m.template}`, m.subject + m.text_body);
    for (const a of await t.db.selectFrom("audit_log").selectAll().execute())
      check(`audit ${a.action}`, JSON.stringify(a));
    assert.deepEqual(leaks, []);
    const security = await w.sec.get(`/api/v1/sessions/${w.session.slug}/security-export`);
    assert.ok(security.body.includes(ID) && security.body.includes(DOB));
    assert.equal((await w.fp.get(`/api/v1/sessions/${w.session.slug}/security-export`)).statusCode, 403);

    clock.set("2013-01-20T00:00:00Z"); // closes 2012-10-20 + 90 days
    await t.runJobs();
    await w.relogin();
    const purged = (await w.fp.get(`/api/v1/delegates/${d.id}`)).json();
    assert.equal(purged.idDocumentNumber, null);
    assert.equal(purged.dateOfBirth, null);
    assert.equal(purged.personalDataPurged, true);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "delegates.personal_data_purged")
      .execute();
    assert.ok(audit.length >= 1);
    assert.equal(
      (await TestClient.anonymous(t).get(`/api/v1/sessions/${w.session.slug}/participation`)).json()
        .delegatesApproved,
      1,
    );
  });

  test("the delegate's link is single use and records consent", async () => {
    const w = await admitted();
    await w.fp.post(`/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/delegates`, delegate(4));
    const mail = await t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("template", "=", "accreditation.delegateConfirm")
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    const token = /\/delegate\/([\w-]+)/.exec(mail.text_body)![1]!;
    const anon = TestClient.anonymous(t);
    assert.equal((await anon.page(`/delegate/${token}`)).statusCode, 200);
    const done = await anon.submit(`/delegate/${token}`, { consentPublic: "yes" });
    assert.equal(done.statusCode, 303);
    assert.equal((await anon.page(`/delegate/${token}`)).statusCode, 404);
    assert.equal((await anon.page(String(done.headers.location))).statusCode, 200);
  });
  /** A multipart body as a browser sends the register form. */
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

  test("pages: register with a photo (multipart), errors re-rendered in French, bulk approval, applications, objections", async () => {
    const w = await admitted();
    const base = `/organisations/${w.org.slug}/sessions/${w.session.slug}`;
    const page = await w.fp.page(`${base}/delegates?lang=fr`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    const photo = await sharp({ create: { width: 60, height: 80, channels: 3, background: "#88aacc" } })
      .jpeg()
      .withExif({ IFD0: { Artist: "SECRET-EXIF" } })
      .toBuffer();
    const send = (fields: Record<string, string>, withPhoto = true, csrf = w.fp.csrfToken ?? "") => {
      const m = multipart({ _csrf: csrf, ...fields }, withPhoto ? photo : undefined);
      return w.fp.request("POST", `${base}/delegates?lang=fr`, {
        headers: { "content-type": m.type, accept: "text/html" },
        json: m.body,
        csrf: false,
      });
    };
    const fields = {
      fullName: "Wanjiru Kamau",
      email: "wanjiru@example.org",
      nationality: "KE",
      gender: "female",
    };
    assert.equal((await send(fields, true, "forged")).statusCode, 403);
    const bad = await send({ ...fields, fullName: "", title: "Directrice" });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /value="Directrice"/);
    assert.match(bad.body, /value="wanjiru@example.org"/);
    assert.match(bad.body, /error-summary/);
    assert.match(bad.body, /lang="fr"/);
    const ok = await send({
      ...fields,
      idDocumentType: "passport",
      idDocumentNumber: "P123",
      language: "fr",
    });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
    const items = (await w.fp.get(`/api/v1${base}/delegates`)).json().items;
    assert.equal(items.length, 1);
    assert.equal(items[0].hasPhoto, true);
    const stored = await w.fp.get(`/api/v1/delegates/${items[0].id}/photo`);
    assert.ok(!stored.rawPayload.includes("SECRET-EXIF"));

    // the secretariat approves in bulk from its list; the badge link appears for the focal point
    const list = await w.sec.page(`/sessions/${w.session.slug}/delegates?status=pending`);
    assert.match(list.body, /Wanjiru Kamau/);
    assert.equal(
      (await w.sec.submit(`/sessions/${w.session.slug}/delegates/decisions`, { decision: "approve" }))
        .statusCode,
      400,
    );
    const approved = await w.sec.submit(`/sessions/${w.session.slug}/delegates/decisions`, {
      ids: [items[0].id],
      decision: "approve",
    });
    assert.equal(approved.statusCode, 303);
    assert.match(
      (await w.fp.page(`${base}/delegates`)).body,
      new RegExp(`/api/v1/delegates/${items[0].id}/badge.pdf`),
    );

    // applications: circulate a rule-17 application, a State objects, the Conference decides
    clock.set("2012-08-01T09:00:00Z");
    const r = await world();
    await r.relogin();
    const a = (await apply(r)).json();
    const apps = `/sessions/${r.session.slug}/applications`;
    assert.match((await r.sec.page(`${apps}?status=submitted`)).body, new RegExp(a.id));
    assert.equal((await r.sec.submit(`${apps}/${a.id}/decision`, { decision: "admit" })).statusCode, 400);
    assert.equal((await r.sec.submit(`${apps}/${a.id}/circulate`, {})).statusCode, 303);
    const circ = `/sessions/${r.session.slug}/circulated-list`;
    assert.match((await r.st.page(circ)).body, /Lodge an objection/);
    assert.equal((await r.fp.page(circ)).statusCode, 403);
    const empty = await r.st.submit(`${circ}/${a.id}/objection`, { reason: " " });
    assert.equal(empty.statusCode, 400);
    assert.equal(
      (await r.st.submit(`${circ}/${a.id}/objection`, { reason: "Not relevant" })).statusCode,
      303,
    );
    assert.match((await r.st.page(circ)).body, /You have lodged an objection/);
    clock.advance(15 * DAY);
    await t.runJobs();
    await r.relogin();
    const decided = await r.sec.submit(`${apps}/${a.id}/decision`, {
      decision: "admit",
      note: "Decision 6/2",
    });
    assert.equal(decided.statusCode, 303);
    const timeline = await r.fp.page(`/organisations/${r.org.slug}/sessions/${r.session.slug}/application`);
    assert.match(timeline.body, /Admise par décision de la Conférence/); // the focal point reads French
    assert.match(timeline.body, /Decision 6\/2/);
    // another session's application is not reachable through this session's path
    assert.equal(
      (await r.sec.submit(`/sessions/${w.session.slug}/applications/${a.id}/circulate`, {})).statusCode,
      404,
    );
  });

  test("the delegate completes and corrects their own data on their page", async () => {
    const w = await admitted();
    await w.fp.post(`/api/v1/organisations/${w.org.slug}/sessions/${w.session.slug}/delegates`, delegate(5));
    const mail = await t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("template", "=", "accreditation.delegateConfirm")
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    const token = /\/delegate\/([\w-]+)/.exec(mail.text_body)![1]!;
    const anon = TestClient.anonymous(t);
    const page = await anon.page(`/delegate/${token}`);
    assert.match(page.body, /id="idDocumentNumber"/);
    const form = {
      fullName: "Delegate Five",
      title: "Researcher",
      email: "five@example.org",
      nationality: "UG",
      gender: "female",
      dateOfBirth: "1980-02-03",
      idDocumentType: "national_id",
      idDocumentNumber: "NID-55",
      idDocumentExpiry: "2030-01-01",
      consentPublic: "yes",
    };
    const bad = await anon.submit(`/delegate/${token}`, { ...form, email: "not-an-address" });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /value="Researcher"/);
    const done = await anon.submit(`/delegate/${token}`, form);
    assert.equal(done.statusCode, 303);
    const d = await t.db
      .selectFrom("delegates")
      .selectAll()
      .where("email", "=", "five@example.org")
      .executeTakeFirstOrThrow();
    assert.equal(d.nationality, "UG");
    assert.equal(d.id_document_number, "NID-55");
    assert.equal(d.consent_public, true);
    assert.ok(d.confirmed_at);
  });
});
