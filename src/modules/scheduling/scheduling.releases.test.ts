import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import ical from "node-ical";
import { TestClient } from "../../../test/support/client.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildScheduledSession } from "./scheduling.fixtures.js";

async function world(t: TestContext, language = "fr") {
  const focal = await buildUser(t.db, { language });
  const org = await buildOrganisation(t.db, { focalPointId: focal.id });
  const built = await buildScheduledSession(t, { orgId: org.id });
  const admin = await TestClient.as(t, (await buildUser(t.db, { roles: ["secretariat"] })).id);
  const api = `/api/v1/sessions/${built.session.slug}/schedule`;
  const etag = async () => String((await admin.get(`${api}/draft`)).headers.etag);
  const publish = (key = randomUUID()) => admin.post(`${api}/releases`, {}, { "idempotency-key": key });
  return { ...built, focal, org, admin, api, etag, publish };
}

const events = (body: string) =>
  Object.values(ical.sync.parseICS(body)).filter((c) => c?.type === "VEVENT") as ical.VEvent[];

describe("releases", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("publishing writes the placements, numbers the release, says what moved and tells the organisers", async () => {
    const w = await world(t);
    const [roomA, roomB] = w.session.rooms;
    const [, slot2] = w.session.timeSlots;
    // a co-organiser of the moved event (focal point reads Russian), and one of an event that stays
    const coFocal = await buildUser(t.db, { language: "ru" });
    const co = await buildOrganisation(t.db, { focalPointId: coFocal.id });
    const idleFocal = await buildUser(t.db);
    const idle = await buildOrganisation(t.db, { focalPointId: idleFocal.id });
    await t.db
      .insertInto("side_event_coorganisers")
      .values([
        { proposal_id: w.first, organisation_id: co.id, status: "confirmed" },
        { proposal_id: w.second, organisation_id: idle.id, status: "confirmed" },
      ])
      .execute();
    const moved = await w.admin.post(
      `${w.api}/draft/moves`,
      { eventId: w.first, roomId: roomB!.id, slotId: slot2!.id },
      { "if-match": await w.etag() },
    );
    assert.equal(moved.statusCode, 200);
    assert.equal((await w.admin.post(`${w.api}/releases`, {})).statusCode, 428);
    const key = randomUUID();
    const res = await w.publish(key);
    assert.equal(res.statusCode, 201, res.body);
    const release = res.json() as {
      number: number;
      changes: Array<{ eventId: string; kind: string; text: string }>;
    };
    assert.equal(release.number, 1);
    assert.deepEqual(
      release.changes.map((c) => [c.eventId, c.kind]),
      [[w.first, "moved"]],
    );
    // times in the session's time zone (Europe/Vienna: 13:15 and 09:00 local)
    assert.equal(release.changes[0]!.text, `moved from ${roomA!.name}, Mon 13:15 to Room B, Tue 09:00`);
    // the same key replays the answer; nothing is published twice
    const replay = await w.publish(key);
    assert.equal(replay.statusCode, 201);
    assert.equal(replay.headers["idempotent-replayed"], "true");
    // the proposal holds the new place: the public programme and the exports show it
    const row = await t.db
      .selectFrom("side_event_proposals")
      .select(["room_id", "time_slot_id"])
      .where("id", "=", w.first)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { room_id: roomB!.id, time_slot_id: slot2!.id });
    const programme = await TestClient.anonymous(t).get(`/api/v1/sessions/${w.session.slug}/side-events`);
    const item = programme.json().items.find((e: { id: string }) => e.id === w.first);
    assert.equal(item.room, "Room B");
    // the focal point of the organisation is told, in French, with the session's local times
    const mails = await t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("to_address", "=", w.focal.email)
      .where("template", "=", "scheduling.released")
      .execute();
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.language, "fr");
    assert.match(
      mails[0]!.text_body,
      /- Voices of survivors \(fr\) — déplacé de Room A & <1>, lun\. 13:15 à Room B, mar\. 09:00/,
    );
    assert.doesNotMatch(mails[0]!.text_body, /ZQXHIDDEN/);
    const told = await t.db
      .selectFrom("mail_outbox")
      .select(["to_address", "language", "subject", "text_body"])
      .where("template", "=", "scheduling.released")
      .where("to_address", "in", [coFocal.email, idleFocal.email])
      .execute();
    assert.deepEqual(
      told.map((m) => [m.to_address, m.language]),
      [[coFocal.email, "ru"]],
    );
    assert.match(
      told[0]!.text_body,
      /- Voices of survivors — перенесено из Room A & <1>, пн 13:15 в Room B, вт 09:00/,
    );
    // nothing changed since: a second release is refused
    const again = await w.publish();
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, "SCHEDULING_RELEASE_UNCHANGED");
    const audit = await t.db
      .selectFrom("audit_log")
      .select("after")
      .where("action", "=", "scheduling.release.publish")
      .where("object_type", "=", "schedule_release")
      .execute();
    assert.ok(audit.some((a) => (a.after as { number: number }).number === 1));
  });

  test("release 2 lists only what changed since release 1; the releases page and API say it in the reader's language", async () => {
    const w = await world(t, "en");
    assert.equal((await w.publish()).statusCode, 201);
    let page = await TestClient.anonymous(t).page(`/sessions/${w.session.slug}/schedule/releases`);
    assert.match(page.body, /Release 1/);
    const unplaced = await w.admin.post(
      `${w.api}/draft/unplace`,
      { eventId: w.second },
      { "if-match": await w.etag() },
    );
    assert.equal(unplaced.statusCode, 200);
    const two = await w.publish();
    assert.equal(two.statusCode, 201);
    assert.equal(two.json().number, 2);
    assert.deepEqual(
      two.json().changes.map((c: { eventId: string; kind: string }) => [c.eventId, c.kind]),
      [[w.second, "moved"]],
    );
    const list = await TestClient.anonymous(t).get(`${w.api}/releases?lang=es`);
    assert.equal(list.statusCode, 200);
    const releases = list.json().releases as Array<{ number: number; changes: Array<{ text: string }> }>;
    assert.deepEqual(
      releases.map((r) => r.number),
      [2, 1],
    );
    assert.match(releases[0]!.changes[0]!.text, /^retirado del calendario \(estaba en Room B, mar, 13:15\)$/);
    page = await TestClient.anonymous(t).page(`/sessions/${w.session.slug}/schedule/releases?lang=ar`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /الإصدار 2/);
    assert.match(page.body, /أُخرج من الجدول/);
    assert.doesNotMatch(page.body, /ZQXHIDDEN/);
    // the programme no longer places it
    const row = await t.db
      .selectFrom("side_event_proposals")
      .select("room_id")
      .where("id", "=", w.second)
      .executeTakeFirstOrThrow();
    assert.equal(row.room_id, null);
  });

  test("two events in one room at once cannot be published; the editor says why", async () => {
    const w = await world(t, "en");
    const [roomA] = w.session.rooms;
    const [slot1] = w.session.timeSlots;
    const moved = await w.admin.post(
      `${w.api}/draft/moves`,
      { eventId: w.second, roomId: roomA!.id, slotId: slot1!.id },
      { "if-match": await w.etag() },
    );
    assert.equal(moved.statusCode, 200);
    const refused = await w.publish();
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, "SCHEDULING_ROOM_DOUBLE_BOOKED");
    const form = await w.admin.submit(`/sessions/${w.session.slug}/schedule/publish`, {
      version: String(moved.json().version),
    });
    assert.match(String(form.headers.location), /error=SCHEDULING_ROOM_DOUBLE_BOOKED/);
    const page = await w.admin.page(String(form.headers.location));
    assert.match(page.body, /Two events are in the same room at the same time/);
    const releases = await t.db
      .selectFrom("schedule_releases")
      .select("id")
      .where("session_id", "=", w.session.id)
      .execute();
    assert.equal(releases.length, 0);
  });

  test("without JavaScript: publishing twice from the same form makes one release", async () => {
    const w = await world(t);
    const page = `/sessions/${w.session.slug}/schedule`;
    const version = (await w.admin.get(`${w.api}/draft`)).json().version as number;
    const moved = await w.admin.submit(`${page}/move`, {
      version: String(version),
      eventId: w.first,
      roomId: w.session.rooms[1]!.id,
      slotId: w.session.timeSlots[2]!.id,
    });
    assert.equal(moved.statusCode, 303);
    assert.match(String(moved.headers.location), new RegExp(`moved=${w.first}`));
    // the editor says at once what the move breaks (Room B is taken then by the other event)
    const editor = await w.admin.page(String(moved.headers.location));
    assert.match(editor.body, /The room is already taken by “Smuggling &amp; the sea”/);
    assert.match(editor.body, /cell-conflict/);
    // moved on to a free cell, it can be published
    const free = await w.admin.submit(`${page}/move`, {
      version: String(version + 1),
      eventId: w.first,
      roomId: w.session.rooms[1]!.id,
      slotId: w.session.timeSlots[1]!.id,
    });
    assert.equal(free.statusCode, 303);
    assert.doesNotMatch(String(free.headers.location), /error=/);
    const v = String(version + 2);
    const first = await w.admin.submit(`${page}/publish`, { version: v });
    const second = await w.admin.submit(`${page}/publish`, { version: v });
    assert.equal(first.statusCode, 303);
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, `${page}/releases`);
    const count = await t.db
      .selectFrom("schedule_releases")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("session_id", "=", w.session.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
    // a stale version is said on the editor, not published
    const stale = await w.admin.submit(`${page}/undo`, { version: "0" });
    assert.match(String(stale.headers.location), /error=PRECONDITION_FAILED/);
  });
});

describe("iCalendar and a person's own events", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("programme.ics (canonical and under /api/v1) and each event's parse back; pseudonyms only", async () => {
    const w = await world(t);
    for (const url of [
      `/sessions/${w.session.slug}/programme.ics`,
      `/api/v1/sessions/${w.session.slug}/programme.ics`,
    ]) {
      const res = await TestClient.anonymous(t).get(url);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers["content-type"]), /text\/calendar/);
      assert.doesNotMatch(res.body, /ZQXHIDDEN/);
      const parsed = events(res.body);
      assert.equal(parsed.length, 2);
      const first = parsed.find((e) => String(e.uid).includes(w.first))!;
      assert.equal(first.start.toISOString(), w.session.timeSlots[0]!.starts_at.toISOString());
      assert.match(String(first.location), /^Room A & <1>/);
      assert.match(String(first.description), /Speaker A/);
    }
    const one = await TestClient.anonymous(t).get(
      `/sessions/${w.session.slug}/programme/${w.second}.ics?lang=fr`,
    );
    const parsed = events(one.body);
    assert.equal(parsed.length, 1);
    assert.equal(String(parsed[0]!.summary), "Smuggling & the sea (fr)");
  });

  test("an event moved by a release carries SEQUENCE and LAST-MODIFIED in every calendar, so calendars update it", async () => {
    const w = await world(t);
    const [, roomB] = w.session.rooms;
    const [slot1, slot2] = w.session.timeSlots;
    const move = async (slot: { id: string }) =>
      w.admin.post(
        `${w.api}/draft/moves`,
        { eventId: w.first, roomId: roomB!.id, slotId: slot.id },
        { "if-match": await w.etag() },
      );
    assert.equal((await move(slot2!)).statusCode, 200);
    assert.equal((await w.publish()).statusCode, 201);
    assert.equal((await move(slot1!)).statusCode, 200);
    const second = await w.publish();
    assert.equal(second.statusCode, 201, second.body);
    const published = await t.db
      .selectFrom("schedule_releases")
      .select("published_at")
      .where("session_id", "=", w.session.id)
      .where("number", "=", 2)
      .executeTakeFirstOrThrow();
    for (const url of [
      `/sessions/${w.session.slug}/programme.ics`,
      `/sessions/${w.session.slug}/programme/${w.first}.ics`,
    ]) {
      const parsed = events((await TestClient.anonymous(t).get(url)).body);
      const first = parsed.find((e) => String(e.uid).includes(w.first))!;
      assert.equal(Number(first.sequence), 2, url);
      assert.equal(
        first.lastmodified?.toISOString(),
        new Date(published.published_at).toISOString().replace(/\.\d{3}Z$/, ".000Z"),
      );
      assert.equal(first.start.toISOString(), slot1!.starts_at.toISOString());
    }
    const others = events(
      (await TestClient.anonymous(t).get(`/sessions/${w.session.slug}/programme.ics`)).body,
    );
    const unmoved = others.find((e) => String(e.uid).includes(w.second))!;
    assert.equal(Number(unmoved.sequence), 0);
    assert.equal(unmoved.lastmodified, undefined);
  });

  test("organisers see their own events; a private feed that can be replaced and revoked (then 404)", async () => {
    const w = await world(t, "en");
    const focal = await TestClient.as(t, w.focal.id);
    const mine = await focal.get(`/api/v1/sessions/${w.session.slug}/my-schedule`);
    assert.equal(mine.statusCode, 200);
    assert.deepEqual(
      mine
        .json()
        .events.map((e: { id: string }) => e.id)
        .sort(),
      [w.first, w.second].sort(),
    );
    assert.equal(mine.json().feedCreatedAt, null);
    const page = await focal.page(`/sessions/${w.session.slug}/my-schedule`);
    assert.match(page.body, /Room A &amp; &lt;1>/);
    assert.match(page.body, /Speaker A/);
    assert.doesNotMatch(page.body, /ZQXHIDDEN/);
    const stranger = await TestClient.as(t, (await buildUser(t.db)).id);
    assert.deepEqual(
      (await stranger.get(`/api/v1/sessions/${w.session.slug}/my-schedule`)).json().events,
      [],
    );

    const created = await focal.post("/api/v1/me/calendar-feed", {});
    assert.equal(created.statusCode, 201);
    const url = new URL(created.json().url as string);
    const since = (await focal.get(`/api/v1/sessions/${w.session.slug}/my-schedule`)).json().feedCreatedAt;
    assert.equal(typeof since, "string");
    assert.match(url.pathname, /^\/calendar\/[\w-]+\.ics$/);
    const feed = await TestClient.anonymous(t).get(url.pathname);
    assert.equal(feed.statusCode, 200);
    assert.doesNotMatch(feed.body, /ZQXHIDDEN/);
    assert.equal(events(feed.body).length, 2);
    // only the hash is stored
    const stored = await t.db
      .selectFrom("calendar_feeds")
      .select("token_hash")
      .where("user_id", "=", w.focal.id)
      .executeTakeFirstOrThrow();
    assert.ok(!url.pathname.includes(stored.token_hash));
    // replaced from the page: the old address is a 404, the new one works
    const replaced = await focal.submit(`/sessions/${w.session.slug}/my-schedule/feed`, {});
    assert.equal(replaced.statusCode, 200);
    const fresh = /\/calendar\/[\w-]+\.ics/.exec(replaced.body)?.[0];
    assert.ok(fresh && fresh !== url.pathname);
    assert.equal((await TestClient.anonymous(t).get(url.pathname)).statusCode, 404);
    assert.equal((await TestClient.anonymous(t).get(fresh)).statusCode, 200);
    // revoked: 404, byte-identical to a token that never existed
    assert.equal((await focal.delete("/api/v1/me/calendar-feed")).statusCode, 204);
    const revoked = await TestClient.anonymous(t).get(fresh);
    const never = await TestClient.anonymous(t).get(`/calendar/${"x".repeat(32)}.ics`);
    assert.equal(revoked.statusCode, 404);
    assert.equal(never.statusCode, 404);
    const actions = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("object_type", "=", "calendar_feed")
      .where("object_id", "=", w.focal.id)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ["scheduling.feed.create", "scheduling.feed.regenerate", "scheduling.feed.revoke"],
    );
  });
});
