import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { etagOf } from "../../platform/etag.js";
import { buildSession } from "./sessions.builders.js";
import { type PlenaryMeeting, plenaryItemsBySlot } from "./sessions.plenary.js";
import type { AgendaItem, TimeSlot } from "./sessions.service.js";
import { zonedToInstant } from "./sessions.time.js";

const tz = "Europe/Vienna";
const slot = (id: string, date: string, start: string, end: string): TimeSlot => ({
  id,
  date,
  start,
  end,
  startsAt: zonedToInstant(date, start, tz),
  endsAt: zonedToInstant(date, end, tz),
});
const meeting = (date: string, start: string, end: string, agendaItemIds: string[]): PlenaryMeeting => ({
  ...slot(`m-${date}-${start}`, date, start, end),
  title: {},
  agendaItemIds,
});
const agenda = (...ids: string[]): AgendaItem[] =>
  ids.map((id, position) => ({ id, number: id, title: { en: id }, position }));

describe("plenaryItemsBySlot (no I/O)", () => {
  test("each slot gets the agenda items of the plenary meetings overlapping it, ends excluded", () => {
    const session = {
      agendaItems: agenda("1", "2", "3", "4"),
      timeSlots: [
        slot("breakfast", "2012-10-15", "09:00", "09:50"),
        slot("lunch", "2012-10-15", "13:15", "14:45"),
        slot("late", "2012-10-15", "12:30", "15:30"),
        slot("touching", "2012-10-16", "13:00", "15:00"),
        slot("inside", "2012-10-16", "10:30", "11:00"),
      ],
      plenaryMeetings: [
        meeting("2012-10-15", "10:00", "13:00", ["3", "1"]),
        meeting("2012-10-15", "15:00", "18:00", ["2", "3"]),
        meeting("2012-10-16", "10:00", "13:00", ["4"]),
        meeting("2012-10-16", "15:00", "18:00", ["4"]),
      ],
    };
    const bySlot = plenaryItemsBySlot(session);
    assert.deepEqual([...bySlot.keys()], ["breakfast", "lunch", "late", "touching", "inside"]);
    assert.deepEqual(bySlot.get("breakfast"), [], "before the morning meeting");
    assert.deepEqual(bySlot.get("lunch"), [], "the lunch break");
    assert.deepEqual(bySlot.get("late"), ["1", "2", "3"], "overlaps both meetings; once each, agenda order");
    assert.deepEqual(bySlot.get("touching"), [], "13:00–15:00 only touches 10:00–13:00 and 15:00–18:00");
    assert.deepEqual(bySlot.get("inside"), ["4"]);
  });

  test("no plenary programme: every slot is there, with no items", () => {
    const bySlot = plenaryItemsBySlot({
      agendaItems: [],
      timeSlots: [slot("a", "2012-10-15", "09:00", "09:50")],
      plenaryMeetings: [],
    });
    assert.deepEqual([...bySlot], [["a", []]]);
  });
});

describe("plenary programme of a session", () => {
  let t: TestContext;
  let secretariat: TestClient;
  let member: TestClient;
  let anonymous: TestClient;

  before(async () => {
    t = await createTestApp({ clock: new TestClock(new Date("2012-09-01T09:00:00Z")) });
    const [sec, someone] = await Promise.all([buildUser(t.db, { roles: ["secretariat"] }), buildUser(t.db)]);
    secretariat = await TestClient.as(t, sec.id);
    member = await TestClient.as(t, someone.id);
    anonymous = TestClient.anonymous(t);
  });
  after(() => t.close());

  const session = (slug: string) =>
    buildSession(t.db, {
      cache: t.services.cache,
      slug,
      agendaItems: [
        {
          number: "1(a)",
          title: { en: "Opening of the session", ar: "افتتاح الدورة" },
        },
        { number: "2(b)", title: { en: "Trafficking in persons", fr: "Traite des personnes" } },
        { number: "9", title: { en: "Adoption of the report", ar: "اعتماد التقرير" } },
      ],
      timeSlots: [{ date: "2012-10-15", start: "13:15", end: "14:45" }],
    });

  test("the secretariat plans meetings through the API; overlaps and unknown items are refused; audited", async () => {
    const s = await session("plenary-api");
    const [opening, trafficking, report] = s.agendaItems.map((a) => a.id) as [string, string, string];
    const url = "/api/v1/sessions/plenary-api/plenary-meetings";

    const first = await secretariat.post(url, {
      date: "2012-10-15",
      start: "10:00",
      end: "13:00",
      title: { en: "Opening meeting" },
      agendaItemIds: [opening, trafficking],
    });
    assert.equal(first.statusCode, 201, first.body);
    const created = first.json();
    assert.equal(created.startsAt, "2012-10-15T08:00:00.000Z", "10:00 in Vienna (summer time)");
    assert.equal(created.start, "10:00");
    assert.deepEqual(created.agendaItemIds, [opening, trafficking]);
    assert.equal(first.headers.location, `${url}/${created.id}`);

    // over a side-event slot: allowed, that is the point
    const overSlot = await secretariat.post(url, {
      date: "2012-10-15",
      start: "13:00",
      end: "15:00",
      agendaItemIds: [trafficking],
    });
    assert.equal(overSlot.statusCode, 201, "a meeting may start when another ends and cover a slot");
    assert.deepEqual(overSlot.json().title, {});

    const overlap = await secretariat.post(url, {
      date: "2012-10-15",
      start: "12:00",
      end: "13:30",
      agendaItemIds: [report],
    });
    assert.equal(overlap.statusCode, 409);
    assert.equal(overlap.json().code, "PLENARY_MEETING_OVERLAPS");
    assert.deepEqual(
      overlap.json().errors.map((e: { path: string }) => e.path),
      ["body.start"],
    );

    const other = await session("plenary-other");
    for (const foreign of [randomUUID(), other.agendaItems[0]!.id, "not-a-uuid"]) {
      const unknown = await secretariat.post(url, {
        date: "2012-10-16",
        start: "10:00",
        end: "13:00",
        agendaItemIds: [foreign],
      });
      assert.equal(unknown.statusCode, 400, foreign);
      assert.equal(unknown.json().code, "PLENARY_AGENDA_ITEM_UNKNOWN");
      assert.equal(unknown.json().errors[0].path, "body.agendaItemIds");
    }
    const none = await secretariat.post(url, {
      date: "2012-10-16",
      start: "10:00",
      end: "13:00",
      agendaItemIds: [],
    });
    assert.equal(none.json().code, "VALIDATION_FAILED");
    const outside = await secretariat.post(url, {
      date: "2012-10-22",
      start: "10:00",
      end: "13:00",
      agendaItemIds: [report],
    });
    assert.equal(outside.json().code, "PLENARY_MEETING_OUTSIDE_SESSION");
    const backwards = await secretariat.post(url, {
      date: "2012-10-16",
      start: "13:00",
      end: "10:00",
      agendaItemIds: [report],
    });
    assert.equal(backwards.json().code, "PLENARY_MEETING_TIMES_INVALID");
    const valid = { date: "2012-10-16", start: "10:00", end: "13:00", agendaItemIds: [report] };
    assert.equal((await member.post(url, valid)).statusCode, 403);
    assert.equal((await anonymous.post(url, valid)).statusCode, 401);

    // patch: other items and a title; moving onto the other meeting is refused
    const patched = await secretariat.patch(`${url}/${overSlot.json().id}`, {
      agendaItemIds: [report],
      title: { fr: "Séance de clôture" },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual(patched.json().agendaItemIds, [report]);
    assert.equal(patched.json().start, "13:00", "what the patch leaves out stays");
    const moved = await secretariat.patch(`${url}/${overSlot.json().id}`, { start: "12:30" });
    assert.equal(moved.json().code, "PLENARY_MEETING_OVERLAPS");

    // the session's detail carries the programme, in time order
    const detail = (await anonymous.get("/api/v1/sessions/plenary-api")).json();
    assert.deepEqual(
      detail.plenaryMeetings.map((m: { start: string; agendaItemIds: string[] }) => [
        m.start,
        m.agendaItemIds,
      ]),
      [
        ["10:00", [opening, trafficking]],
        ["13:00", [report]],
      ],
    );
    const list = (await anonymous.get(url)).json();
    assert.equal(list.items.length, 2);

    // an agenda item a meeting takes up cannot be deleted
    const inUse = await secretariat.delete(`/api/v1/sessions/plenary-api/agenda-items/${report}`);
    assert.equal(inUse.statusCode, 409, inUse.body);
    assert.equal(inUse.json().code, "SESSION_ITEM_IN_USE");

    assert.equal((await secretariat.delete(`${url}/${overSlot.json().id}`)).statusCode, 204);
    assert.equal((await secretariat.delete(`${url}/${overSlot.json().id}`)).statusCode, 404);
    assert.equal(
      (await secretariat.delete(`/api/v1/sessions/plenary-other/plenary-meetings/${created.id}`)).statusCode,
      404,
      "a meeting is found only under its own session",
    );
    assert.equal((await anonymous.get("/api/v1/sessions/plenary-api")).json().plenaryMeetings.length, 1);

    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("object_id", "=", overSlot.json().id)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      audit.map((r) => r.action),
      [
        "session_plenary_meeting.created",
        "session_plenary_meeting.updated",
        "session_plenary_meeting.deleted",
      ],
    );
    assert.deepEqual((audit[1]!.before as { agendaItemIds: string[] }).agendaItemIds, [trafficking]);
    assert.deepEqual((audit[1]!.after as { agendaItemIds: string[] }).agendaItemIds, [report]);
    assert.deepEqual((audit[2]!.before as { agendaItemIds: string[] }).agendaItemIds, [report]);
  });

  test("the database itself refuses two overlapping meetings, concurrently created", async () => {
    const s = await session("plenary-race");
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        secretariat.post("/api/v1/sessions/plenary-race/plenary-meetings", {
          date: "2012-10-17",
          start: "10:00",
          end: "13:00",
          agendaItemIds: [s.agendaItems[1]!.id],
        }),
      ),
    );
    assert.equal(results.filter((r) => r.statusCode === 201).length, 1);
    assert.ok(results.every((r) => r.statusCode === 201 || r.json().code === "PLENARY_MEETING_OVERLAPS"));
    await assert.rejects(
      t.db
        .insertInto("session_plenary_meetings")
        .values({
          session_id: s.id,
          starts_at: new Date("2012-10-17T09:00:00Z"),
          ends_at: new Date("2012-10-17T09:30:00Z"),
        })
        .execute(),
      /session_plenary_meetings_no_overlap/,
    );
  });

  test("meetings keep their wall clock when the time zone changes, and keep the session's dates", async () => {
    const s = await buildSession(t.db, {
      cache: t.services.cache,
      slug: "plenary-tz",
      agendaItems: [{ number: "1", title: { en: "Organizational matters" } }],
      plenaryMeetings: [{ date: "2012-10-15", start: "10:00", end: "13:00", agendaItems: ["1"] }],
    });
    const res = await secretariat.patch(
      "/api/v1/sessions/plenary-tz",
      { timeZone: "America/New_York" },
      { "if-match": etagOf("session", s.id, 1) },
    );
    assert.equal(res.statusCode, 200, res.body);
    const m = (await anonymous.get("/api/v1/sessions/plenary-tz")).json().plenaryMeetings[0];
    assert.equal(m.start, "10:00");
    assert.equal(m.startsAt, "2012-10-15T14:00:00.000Z");
    const shrunk = await secretariat.patch(
      "/api/v1/sessions/plenary-tz",
      { startsOn: "2012-10-16" },
      { "if-match": etagOf("session", s.id, 2) },
    );
    assert.equal(shrunk.json().code, "PLENARY_MEETING_OUTSIDE_SESSION");
  });

  test("the form: agenda items by checkboxes; an error re-shows what was typed", async () => {
    const s = await session("plenary-form");
    const [opening, trafficking] = s.agendaItems.map((a) => a.id) as [string, string];
    const blank = await secretariat.page("/sessions/plenary-form/manage/plenary-meetings/new");
    assert.equal(blank.statusCode, 200);
    assert.match(blank.body, new RegExp(`type="checkbox" name="agendaItemIds" value="${opening}"`));
    assert.match(blank.body, /<bdi class="agenda-number">2\(b\)<\/bdi>/);

    const typed = { date: "2012-10-16", start: "15:00", end: "18:00", "title.en": "Afternoon meeting" };
    const noItems = await secretariat.submit("/sessions/plenary-form/manage/plenary-meetings", typed);
    assert.equal(noItems.statusCode, 400);
    assert.match(noItems.body, /Choose at least one agenda item/);
    assert.match(noItems.body, /value="15:00"/);
    assert.match(noItems.body, /value="Afternoon meeting"/);
    assert.match(noItems.body, /href="#agendaItemIds"/);

    const ok = await secretariat.submit("/sessions/plenary-form/manage/plenary-meetings", {
      ...typed,
      agendaItemIds: [trafficking, opening],
    });
    assert.equal(ok.statusCode, 303, ok.body);
    assert.equal(ok.headers.location, "/sessions/plenary-form/manage?notice=created#plenary-meetings");

    const overlap = await secretariat.submit("/sessions/plenary-form/manage/plenary-meetings", {
      date: "2012-10-16",
      start: "17:00",
      end: "19:00",
      agendaItemIds: [opening],
    });
    assert.equal(overlap.statusCode, 409);
    assert.match(overlap.body, /overlaps another plenary meeting/);
    assert.match(overlap.body, /value="17:00"/);
    assert.match(overlap.body, new RegExp(`value="${opening}" checked`));
    assert.doesNotMatch(overlap.body, new RegExp(`value="${trafficking}" checked`));

    const manage = await secretariat.page("/sessions/plenary-form/manage");
    assert.match(manage.body, /id="plenary"/);
    assert.match(manage.body, /2\(b\), 1\(a\)/);
    const id = (await anonymous.get("/api/v1/sessions/plenary-form")).json().plenaryMeetings[0].id;
    const edit = await secretariat.page(`/sessions/plenary-form/manage/plenary-meetings/${id}`);
    assert.match(edit.body, /value="Afternoon meeting"/);
    assert.match(edit.body, new RegExp(`value="${trafficking}" checked`));
    const cleared = await secretariat.submit(`/sessions/plenary-form/manage/plenary-meetings/${id}`, {
      date: "2012-10-16",
      start: "15:00",
      end: "18:00",
      agendaItemIds: [opening],
    });
    assert.equal(cleared.statusCode, 303, cleared.body);
    const after = (await anonymous.get("/api/v1/sessions/plenary-form")).json().plenaryMeetings[0];
    assert.deepEqual(after.title, {}, "a title emptied in the form is cleared");
    assert.deepEqual(after.agendaItemIds, [opening]);
    const gone = await secretariat.submit(`/sessions/plenary-form/manage/plenary-meetings/${id}/delete`, {});
    assert.equal(gone.statusCode, 303);
    assert.equal((await anonymous.get("/api/v1/sessions/plenary-form")).json().plenaryMeetings.length, 0);
  });

  test("the public page shows the programme day by day, in English and in Arabic", async () => {
    await buildSession(t.db, {
      cache: t.services.cache,
      slug: "plenary-page",
      agendaItems: [
        { number: "1(a)", title: { en: "Opening of the session", ar: "افتتاح الدورة" } },
        { number: "2(b)", title: { en: "Trafficking in persons" } },
        { number: "9", title: { en: "Adoption of the report", ar: "اعتماد التقرير" } },
      ],
      plenaryMeetings: [
        { date: "2012-10-19", start: "15:00", end: "18:00", agendaItems: ["9"] },
        {
          date: "2012-10-15",
          start: "10:00",
          end: "13:00",
          title: { en: "Opening meeting" },
          agendaItems: ["1(a)", "2(b)"],
        },
      ],
    });
    const en = await anonymous.page("/sessions/plenary-page?lang=en");
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<h2 id="plenary">Plenary programme<\/h2>/);
    const monday = en.body.indexOf("Monday, 15 October 2012");
    const friday = en.body.indexOf("Friday, 19 October 2012");
    assert.ok(monday > 0 && friday > monday, "day by day, in date order");
    assert.match(en.body, />10:00<\/time>–<time[^>]*>13:00</);
    assert.match(en.body, /Opening meeting/);
    assert.match(
      en.body,
      /<bdi class="agenda-number">1\(a\)<\/bdi>\. <bdi lang="en">Opening of the session<\/bdi>/,
    );
    assert.match(
      en.body,
      /<bdi class="agenda-number">9<\/bdi>\. <bdi lang="en">Adoption of the report<\/bdi>/,
    );

    const ar = await anonymous.page("/sessions/plenary-page?lang=ar");
    assert.equal(ar.statusCode, 200);
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    assert.match(ar.body, /برنامج الجلسات العامة/);
    assert.match(ar.body, /الاثنين/);
    assert.match(ar.body, /<time datetime="2012-10-15T08:00:00.000Z">10:00<\/time>–<time[^>]*>13:00</);
    assert.match(ar.body, /<bdi class="agenda-number">1\(a\)<\/bdi>\. <bdi lang="ar">افتتاح الدورة<\/bdi>/);
    // a title with no Arabic version falls back to English, isolated and marked as English
    assert.match(
      ar.body,
      /<bdi class="agenda-number">2\(b\)<\/bdi>\. <bdi lang="en">Trafficking in persons<\/bdi>/,
    );

    // the agenda itself keeps "2(b)" whole in Arabic too
    assert.match(
      ar.body,
      /<strong><bdi>2\(b\)<\/bdi>\.<\/strong> <bdi lang="en">Trafficking in persons<\/bdi>/,
    );

    const empty = await buildSession(t.db, { cache: t.services.cache, slug: "plenary-none" });
    assert.ok(empty);
    assert.match((await anonymous.page("/sessions/plenary-none?lang=en")).body, /has not been published yet/);
  });
});
