import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import ical from "node-ical";
import { TestClient } from "../../../test/support/client.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildScheduledSession } from "./scheduling.fixtures.js";
import { PURGE_ADDRESSES_JOB, purgePanellistAddresses } from "./scheduling.panellist-links.service.js";

const HIDDEN = "ZQXHIDDEN";

async function world(t: TestContext) {
  const focal = await buildUser(t.db, { language: "fr" });
  const org = await buildOrganisation(t.db, { focalPointId: focal.id });
  const built = await buildScheduledSession(t, { orgId: org.id });
  const [hidden] = await t.db
    .selectFrom("side_event_panellists")
    .select("id")
    .where("proposal_id", "=", built.first)
    .execute();
  const lead = await TestClient.as(t, focal.id);
  const admin = await TestClient.as(t, (await buildUser(t.db, { roles: ["secretariat"] })).id);
  const link = `/api/v1/side-event-proposals/${built.first}/panellists/${hidden!.id}/link`;
  const make = (body: unknown = {}, client = lead, key = randomUUID()) =>
    client.post(link, body, { "idempotency-key": key });
  return { ...built, focal, org, lead, admin, panellistId: hidden!.id, link, make };
}

const tokenOf = (url: string) => new URL(url).pathname.split("/")[2]!;
const vevents = (body: string) =>
  Object.values(ical.sync.parseICS(body)).filter((c) => c?.type === "VEVENT") as ical.VEvent[];
const strip = (body: string) => body.replace(/"(requestId|instance)":"[^"]*"/g, "");

describe("panellists' private links", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("the lead organiser makes a link, mailed in the panellist's language; it opens the event, never the real name", async () => {
    const w = await world(t);
    assert.equal((await w.lead.post(w.link, {})).statusCode, 428, "Idempotency-Key required");
    const key = randomUUID();
    const res = await w.make(
      { email: "speaker@example.org", language: "es", keepAddress: true },
      w.lead,
      key,
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.headers["cache-control"], "private, no-store");
    const made = res.json();
    assert.equal(made.mailed, true);
    assert.equal(made.addressKept, true);
    assert.equal(made.language, "es");
    assert.match(made.url, /^http.+\/panellists\/[A-Za-z0-9_-]{32}\?lang=es$/);
    // a retry with the same key answers the same, and makes no second link or mail
    const replay = await w.make(
      { email: "speaker@example.org", language: "es", keepAddress: true },
      w.lead,
      key,
    );
    assert.equal(replay.headers["idempotent-replayed"], "true");
    assert.equal(replay.json().url, made.url);
    const token = tokenOf(made.url);
    // only the hash is stored
    const row = await t.db
      .selectFrom("side_event_panellist_links")
      .selectAll()
      .where("panellist_id", "=", w.panellistId)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.token_hash, token);
    assert.equal(row.email, "speaker@example.org");
    assert.ok(row.email_purge_at && row.email_purge_at > new Date("2099-10-13"));
    // the mail: Spanish, the event's time in the session's time zone and room, the link; no name
    const mails = await t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", "speaker@example.org")
      .execute();
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.language, "es");
    assert.match(mails[0]!.subject, /su evento paralelo «Voices of survivors»/);
    assert.ok(mails[0]!.text_body.includes(made.url));
    assert.ok(mails[0]!.text_body.includes("13:15"), mails[0]!.text_body);
    assert.ok(mails[0]!.text_body.includes("Room A & <1>"));
    assert.ok(!mails[0]!.text_body.includes(HIDDEN));
    // audited, without the name or the address
    const audits = await t.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("object_id", "=", w.panellistId)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      audits.map((a) => a.action),
      ["side_event_panellist_link.created", "side_event_panellist_link.mailed"],
    );
    for (const a of audits) {
      assert.ok(!JSON.stringify(a).includes(HIDDEN), JSON.stringify(a));
      assert.ok(!JSON.stringify(a).includes("speaker@example.org"));
    }
    // the purge of the address is scheduled at the session's retention date
    const job = await t.db
      .selectFrom("jobs")
      .select(["run_at"])
      .where("kind", "=", PURGE_ADDRESSES_JOB)
      .executeTakeFirstOrThrow();
    assert.equal(job.run_at.getTime(), row.email_purge_at!.getTime());

    // what the link opens, for anyone holding it: the page…
    const anon = TestClient.anonymous(t);
    const page = await anon.page(`/panellists/${token}?lang=es`);
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(page.headers["referrer-policy"], "no-referrer");
    assert.equal(page.headers["cache-control"], "private, no-store");
    assert.ok(page.body.includes("Su evento paralelo"));
    assert.ok(page.body.includes("Voices of survivors (fr)") || page.body.includes("Voices of survivors"));
    assert.ok(page.body.includes("Speaker A"));
    assert.ok(page.body.includes("Survivor"));
    assert.ok(page.body.includes("Room A &amp; &lt;1"));
    assert.ok(page.body.includes("13:15"));
    assert.ok(page.body.includes("Europe/Vienna"));
    assert.ok(!page.body.includes(HIDDEN));
    // …its JSON…
    const json = await anon.get(`/api/v1/panellists/${token}?lang=fr`);
    assert.equal(json.statusCode, 200, json.body);
    assert.equal(json.headers["referrer-policy"], "no-referrer");
    const data = json.json();
    assert.deepEqual(data.you, { pseudonym: "Speaker A", name: null, role: "Survivor" });
    assert.equal(data.event.title, "Voices of survivors (fr)");
    assert.equal(data.event.room, "Room A & <1>");
    assert.equal(data.event.startsAt, "2099-10-12T11:15:00.000Z");
    assert.equal(data.release, null);
    assert.ok(!json.body.includes(HIDDEN));
    // …and its calendar (RFC 5545)
    const ics = await anon.get(`/panellists/${token}/calendar.ics`);
    assert.equal(ics.statusCode, 200);
    assert.match(String(ics.headers["content-type"]), /^text\/calendar/);
    assert.equal(ics.headers["cache-control"], "private, no-store");
    assert.equal(ics.headers["referrer-policy"], "no-referrer");
    const [event] = vevents(ics.body);
    assert.equal(event?.start.toISOString(), "2099-10-12T11:15:00.000Z");
    assert.match(String(event?.location), /Room A & <1>/);
    assert.ok(!ics.body.includes(HIDDEN));
  });

  test("a new release moves the event: the page names the release and the feed follows", async () => {
    const w = await world(t);
    const token = tokenOf((await w.make()).json().url);
    const api = `/api/v1/sessions/${w.session.slug}/schedule`;
    const etag = String((await w.admin.get(`${api}/draft`)).headers.etag);
    const [, roomB] = w.session.rooms;
    const [, slot2] = w.session.timeSlots;
    const moved = await w.admin.post(
      `${api}/draft/moves`,
      { eventId: w.first, roomId: roomB!.id, slotId: slot2!.id },
      { "if-match": etag },
    );
    assert.equal(moved.statusCode, 200, moved.body);
    const release = await w.admin.post(`${api}/releases`, {}, { "idempotency-key": randomUUID() });
    assert.equal(release.statusCode, 201, release.body);
    const data = (await TestClient.anonymous(t).get(`/api/v1/panellists/${token}`)).json();
    assert.equal(data.event.room, "Room B");
    assert.equal(data.event.startsAt, "2099-10-13T07:00:00.000Z");
    assert.equal(data.release.number, 1);
    const page = await TestClient.anonymous(t).page(`/panellists/${token}?lang=en`);
    assert.ok(page.body.includes("As in release 1 of the schedule"), page.body);
    const [event] = vevents((await TestClient.anonymous(t).get(`/panellists/${token}/calendar.ics`)).body);
    assert.equal(event?.start.toISOString(), "2099-10-13T07:00:00.000Z");
    assert.match(String(event?.location), /Room B/);
  });

  test("a new link replaces the old one; a revoked or unknown link is the same 404", async () => {
    const w = await world(t);
    const first = tokenOf((await w.make()).json().url);
    const second = tokenOf((await w.make({}, w.admin)).json().url);
    const anon = TestClient.anonymous(t);
    assert.equal((await anon.get(`/api/v1/panellists/${first}`)).statusCode, 404);
    assert.equal((await anon.get(`/api/v1/panellists/${second}`)).statusCode, 200);
    assert.equal((await w.lead.delete(w.link)).statusCode, 204);
    const revoked = await anon.get(`/api/v1/panellists/${second}`);
    const unknown = await anon.get(`/api/v1/panellists/${"x".repeat(second.length)}`);
    assert.equal(revoked.statusCode, 404);
    assert.equal(revoked.headers["referrer-policy"], "no-referrer");
    assert.equal(revoked.headers["content-type"], "application/problem+json; charset=utf-8");
    assert.equal(strip(revoked.body), strip(unknown.body));
    for (const path of [`/panellists/${second}`, `/panellists/${second}/calendar.ics`])
      assert.equal((await anon.get(path)).statusCode, 404);
    // the organisers' own private feed keeps its address out of Referer headers too
    const feed = await anon.get(`/calendar/${second}.ics`);
    assert.equal(feed.statusCode, 404);
    assert.equal(feed.headers["referrer-policy"], "no-referrer");
    assert.equal(feed.headers["cache-control"], "private, no-store");
    const actions = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_id", "=", w.panellistId)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        "side_event_panellist_link.created",
        "side_event_panellist_link.regenerated",
        "side_event_panellist_link.revoked",
      ],
    );
  });

  test("only the lead organisation and the secretariat; re-sending needs a kept address", async () => {
    const w = await world(t);
    const stranger = await buildUser(t.db);
    await buildOrganisation(t.db, { focalPointId: stranger.id });
    const other = await TestClient.as(t, stranger.id);
    assert.equal((await w.make({}, other)).statusCode, 404);
    assert.equal(
      (await other.get(`/api/v1/side-event-proposals/${w.first}/panellist-links`)).statusCode,
      404,
    );
    const resend = await w.make({ resend: true });
    assert.equal(resend.statusCode, 409);
    assert.equal(resend.json().code, "SCHEDULING_PANELLIST_NO_ADDRESS");
    const bad = await w.make({ email: "not-an-address" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, "VALIDATION_FAILED");
    // mailed without keeping the address: nothing kept, nothing to purge
    const made = await w.make({ email: "once@example.org" });
    assert.equal(made.json().addressKept, false);
    const list = (await w.lead.get(`/api/v1/side-event-proposals/${w.first}/panellist-links`)).json();
    const mine = list.panellists.find((p: { id: string }) => p.id === w.panellistId);
    assert.equal(mine.name, null);
    assert.equal(mine.pseudonym, "Speaker A");
    assert.equal(mine.link.addressKept, false);
    assert.ok(mine.link.mailedAt);
    // kept, then re-sent to it: a second mail to the kept address
    await w.make({ email: "kept@example.org", keepAddress: true, language: "ar" });
    const again = await w.make({ resend: true });
    assert.equal(again.statusCode, 201, again.body);
    assert.equal(again.json().language, "ar");
    const mails = await t.db
      .selectFrom("mail_outbox")
      .select(["language", "text_body"])
      .where("to_address", "=", "kept@example.org")
      .execute();
    assert.equal(mails.length, 2);
    assert.ok(mails[1]!.text_body.includes(again.json().url));
  });

  test("the organisers' page makes a link shown once, in the form's language", async () => {
    const w = await world(t);
    const page = await w.lead.page(`/side-events/proposals/${w.first}/panellist-links`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes("Speaker A"));
    assert.ok(!page.body.includes(HIDDEN));
    const proposal = await w.lead.page(`/side-events/proposals/${w.first}`);
    assert.ok(proposal.body.includes(`/side-events/proposals/${w.first}/panellist-links`));
    const res = await w.lead.submit(`/side-events/proposals/${w.first}/panellists/${w.panellistId}/link`, {
      language: "zh",
      email: "",
    });
    assert.equal(res.statusCode, 200, res.body);
    const url = /<code class="panellist-link">([^<]+)<\/code>/.exec(res.body)?.[1];
    assert.ok(url?.endsWith("?lang=zh"), res.body);
    const opened = await TestClient.anonymous(t).page(
      `${new URL(url!.replaceAll("&amp;", "&")).pathname}?lang=zh`,
    );
    assert.equal(opened.statusCode, 200);
    assert.ok(opened.body.includes("您的会外活动"));
    const revoke = await w.lead.submit(
      `/side-events/proposals/${w.first}/panellists/${w.panellistId}/link/revoke`,
      {},
    );
    assert.equal(revoke.statusCode, 303);
    const bad = await w.lead.submit(`/side-events/proposals/${w.first}/panellists/${w.panellistId}/link`, {
      email: "nope",
    });
    assert.equal(bad.statusCode, 400);
  });

  test("kept addresses are purged with the session's personal data", async () => {
    const w = await world(t);
    await w.make({ email: "keep@example.org", keepAddress: true });
    const early = await purgePanellistAddresses(t.services, w.session.id);
    assert.equal(early, 0);
    const late = { ...t.services, clock: { now: () => new Date("2101-01-01T00:00:00Z") } };
    assert.equal(await purgePanellistAddresses(late, w.session.id), 1);
    const row = await t.db
      .selectFrom("side_event_panellist_links")
      .select(["email", "email_purge_at"])
      .where("panellist_id", "=", w.panellistId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { email: null, email_purge_at: null });
    // the link itself still works
    const list = (await w.lead.get(`/api/v1/side-event-proposals/${w.first}/panellist-links`)).json();
    assert.equal(list.panellists.find((p: { id: string }) => p.id === w.panellistId).link.addressKept, false);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("after")
      .where("action", "=", "panellist_addresses.purged")
      .where("object_id", "=", w.session.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(audit.after, { addresses: 1 });
  });
});
