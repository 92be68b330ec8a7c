import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { etagOf } from "../../platform/etag.js";
import { buildSession } from "./sessions.builders.js";
import { getSessionBySlug, getSessionRules } from "./sessions.service.js";
import { instantToZoned, isTimeZone, parseDateTimeInput, zonedToInstant } from "./sessions.time.js";

const cop6 = (slug: string) => ({
  slug,
  number: 6,
  name: {
    en: "Sixth session of the Conference of the Parties",
    fr: "Sixième session de la Conférence des Parties",
  },
  body: {
    en: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime",
  },
  startsOn: "2012-10-15",
  endsOn: "2012-10-19",
  venue: { name: "Vienna International Centre", city: "Vienna", country: "AT" },
  timeZone: "Europe/Vienna",
  workingLanguages: ["en", "fr", "es", "ar", "ru", "zh"],
  status: "published",
  observerApplicationDeadline: "2012-09-14T23:59",
  sideEventProposalDeadline: "2012-09-30T18:00",
});

describe("time in a session's time zone (no I/O)", () => {
  test("local wall clock and instants convert both ways, across daylight-saving changes", () => {
    assert.equal(
      zonedToInstant("2012-10-16", "13:15", "Europe/Vienna").toISOString(),
      "2012-10-16T11:15:00.000Z",
    );
    assert.equal(
      zonedToInstant("2012-12-03", "13:15", "Europe/Vienna").toISOString(),
      "2012-12-03T12:15:00.000Z",
    );
    // the day clocks go back in Vienna, and a skipped hour when they go forward
    assert.equal(
      zonedToInstant("2012-10-28", "12:00", "Europe/Vienna").toISOString(),
      "2012-10-28T11:00:00.000Z",
    );
    assert.equal(
      zonedToInstant("2012-03-25", "02:30", "Europe/Vienna").toISOString(),
      "2012-03-25T01:30:00.000Z",
    );
    assert.equal(
      zonedToInstant("2012-10-16", "09:00", "America/New_York").toISOString(),
      "2012-10-16T13:00:00.000Z",
    );
    assert.deepEqual(instantToZoned(new Date("2012-10-16T22:30:00Z"), "Asia/Tokyo"), {
      date: "2012-10-17",
      time: "07:30",
    });
    assert.equal(
      parseDateTimeInput("2012-09-14T23:59", "Europe/Vienna").toISOString(),
      "2012-09-14T21:59:00.000Z",
    );
    assert.equal(
      parseDateTimeInput("2012-09-14T23:59:00+05:00", "Europe/Vienna").toISOString(),
      "2012-09-14T18:59:00.000Z",
    );
  });

  test("time zones are IANA names the runtime knows", () => {
    assert.ok(isTimeZone("Europe/Vienna"));
    assert.ok(isTimeZone("UTC"));
    assert.ok(!isTimeZone("Europe/Atlantis"));
    assert.ok(!isTimeZone("CEST; drop table"));
  });
});

describe("conference sessions", () => {
  let t: TestContext;
  let secretariat: TestClient;
  let member: TestClient;
  let anonymous: TestClient;
  let secretariatId: string;

  before(async () => {
    t = await createTestApp({ clock: new TestClock(new Date("2012-09-01T09:00:00Z")) });
    const [sec, someone] = await Promise.all([buildUser(t.db, { roles: ["secretariat"] }), buildUser(t.db)]);
    secretariatId = sec.id;
    secretariat = await TestClient.as(t, sec.id);
    member = await TestClient.as(t, someone.id);
    anonymous = TestClient.anonymous(t);
  });
  after(() => t.close());

  test("the secretariat creates a session through the API; it is audited", async () => {
    const res = await secretariat.post("/api/v1/sessions", cop6("cop6"));
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(res.headers.etag, etagOf("session", body.id, 1));
    assert.equal(res.headers.location, "/api/v1/sessions/cop6");
    assert.equal(body.observerApplicationDeadline, "2012-09-14T21:59:00.000Z");
    assert.equal(body.rule17CirculationDays, 30);
    assert.equal(body.delegateQuota, 5);
    assert.equal(body.retentionDays, 90);
    assert.equal(body.createdBy, undefined, "the response is an allowlist");

    const rows = await t.db.selectFrom("audit_log").selectAll().where("object_id", "=", body.id).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.action, "session.created");
    assert.equal(rows[0]!.actor_id, secretariatId);
    assert.equal((rows[0]!.after as { slug: string }).slug, "cop6");

    const again = await secretariat.post("/api/v1/sessions", cop6("cop6"));
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, "SESSION_SLUG_TAKEN");
  });

  test("invalid input is a VALIDATION_FAILED problem naming the fields; unknown fields are refused", async () => {
    const res = await secretariat.post("/api/v1/sessions", {
      ...cop6("bad one"),
      timeZone: "Europe/Atlantis",
      venue: { name: "VIC", city: "Vienna", country: "XX" },
      isAdmin: true,
    });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers["content-type"]), /^application\/problem\+json/);
    const problem = res.json();
    assert.equal(problem.code, "VALIDATION_FAILED");
    const paths = problem.errors.map((e: { path: string }) => e.path);
    for (const path of ["body.slug", "body.timeZone", "body.venue.country"])
      assert.ok(paths.includes(path), path);
    assert.ok(problem.errors.some((e: { message: string }) => /isAdmin|unrecognized/i.test(e.message)));

    const dates = await secretariat.post("/api/v1/sessions", { ...cop6("cop-dates"), endsOn: "2012-10-01" });
    assert.equal(dates.statusCode, 400);
    assert.equal(dates.json().code, "SESSION_DATES_INVALID");
    assert.equal(dates.json().errors[0].path, "body.endsOn");
  });

  test("only the secretariat creates and edits", async () => {
    assert.equal((await anonymous.post("/api/v1/sessions", cop6("cop-x"))).statusCode, 401);
    assert.equal((await member.post("/api/v1/sessions", cop6("cop-x"))).statusCode, 403);
  });

  test("a draft is a 404 for everyone but the secretariat, and missing from their list", async () => {
    const draft = await buildSession(t.db, { cache: t.services.cache, slug: "cop-draft", status: "draft" });
    for (const client of [anonymous, member]) {
      assert.equal((await client.get("/api/v1/sessions/cop-draft")).statusCode, 404);
      assert.equal((await client.page("/sessions/cop-draft")).statusCode, 404);
      const list = (await client.get("/api/v1/sessions")).json();
      assert.ok(!list.items.some((s: { slug: string }) => s.slug === "cop-draft"));
    }
    const own = await secretariat.get("/api/v1/sessions/cop-draft");
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().id, draft.id);
    const page = await secretariat.page("/sessions/cop-draft");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /only the secretariat can see it/);
    const list = (await secretariat.get("/api/v1/sessions")).json();
    assert.ok(list.items.some((s: { slug: string }) => s.slug === "cop-draft"));
    await assert.rejects(
      getSessionBySlug({ ...t.services, actor: null, lang: "en", requestId: "r", ip: "" }, "cop-draft"),
      /NOT_FOUND/,
    );
  });

  test("the list is a page with its total, upcoming sessions first", async () => {
    await buildSession(t.db, {
      cache: t.services.cache,
      slug: "cop5",
      number: 5,
      startsOn: "2010-10-18",
      endsOn: "2010-10-22",
    });
    await buildSession(t.db, {
      cache: t.services.cache,
      slug: "cop7",
      number: 7,
      startsOn: "2014-10-06",
      endsOn: "2014-10-10",
    });
    const res = await anonymous.get("/api/v1/sessions");
    assert.equal(res.statusCode, 200);
    const { items, total, page, pageSize } = res.json();
    assert.equal(page, 1);
    assert.equal(pageSize, 20);
    assert.equal(total, items.length);
    const slugs = items.map((s: { slug: string }) => s.slug);
    assert.ok(slugs.indexOf("cop6") < slugs.indexOf("cop7"), "the sooner upcoming session first");
    assert.ok(slugs.indexOf("cop7") < slugs.indexOf("cop5"), "past sessions last");
  });

  test("edits need If-Match: 428 without, 412 when stale, and bump the version", async () => {
    const s = await buildSession(t.db, { cache: t.services.cache, slug: "cop-etag" });
    const url = "/api/v1/sessions/cop-etag";
    const missing = await secretariat.patch(url, { delegateQuota: 3 });
    assert.equal(missing.statusCode, 428);
    assert.equal(missing.json().code, "PRECONDITION_REQUIRED");

    const current = await anonymous.get(url);
    const etag = String(current.headers.etag);
    assert.equal(etag, etagOf("session", s.id, 1));
    const ok = await secretariat.patch(url, { delegateQuota: 3 }, { "if-match": etag });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().delegateQuota, 3);
    assert.equal(ok.json().version, 2);
    assert.equal(ok.headers.etag, etagOf("session", s.id, 2));

    const stale = await secretariat.patch(url, { delegateQuota: 8 }, { "if-match": etag });
    assert.equal(stale.statusCode, 412);
    assert.equal(stale.json().code, "PRECONDITION_FAILED");
    assert.equal(
      (await anonymous.get(url)).json().delegateQuota,
      3,
      "the read after the write is fresh (cache invalidated)",
    );

    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("object_id", "=", s.id)
      .where("action", "=", "session.updated")
      .execute();
    assert.equal(audit.length, 1);
    assert.equal((audit[0]!.before as { delegateQuota: number }).delegateQuota, 5);
    assert.equal((audit[0]!.after as { delegateQuota: number }).delegateQuota, 3);
  });

  test("public reads are cached, and a change through the service invalidates them", async () => {
    const s = await buildSession(t.db, { cache: t.services.cache, slug: "cop-cache" });
    assert.equal((await anonymous.get("/api/v1/sessions/cop-cache")).json().delegateQuota, 5);
    await t.db.updateTable("conference_sessions").set({ delegate_quota: 9 }).where("id", "=", s.id).execute();
    assert.equal(
      (await anonymous.get("/api/v1/sessions/cop-cache")).json().delegateQuota,
      5,
      "served from the cache",
    );
    const room = await secretariat.post("/api/v1/sessions/cop-cache/rooms", { name: "C3", capacity: 20 });
    assert.equal(room.statusCode, 201);
    const fresh = (await anonymous.get("/api/v1/sessions/cop-cache")).json();
    assert.equal(fresh.delegateQuota, 9);
    assert.equal(fresh.rooms.length, 1);
  });

  test("time slots: local times in the session's zone, no overlap, within the session", async () => {
    await buildSession(t.db, { cache: t.services.cache, slug: "cop-slots" });
    const url = "/api/v1/sessions/cop-slots/time-slots";
    const first = await secretariat.post(url, { date: "2012-10-16", start: "13:15", end: "14:45" });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().startsAt, "2012-10-16T11:15:00.000Z");
    assert.equal(first.json().start, "13:15");

    const overlap = await secretariat.post(url, { date: "2012-10-16", start: "14:00", end: "15:00" });
    assert.equal(overlap.statusCode, 409);
    assert.equal(overlap.json().code, "TIME_SLOT_OVERLAPS");
    const touching = await secretariat.post(url, { date: "2012-10-16", start: "14:45", end: "16:00" });
    assert.equal(touching.statusCode, 201, "a slot may start when another ends");

    const moved = await secretariat.patch(`${url}/${touching.json().id}`, { start: "14:30" });
    assert.equal(moved.statusCode, 409, "an edit is checked against the other slots too");

    const outside = await secretariat.post(url, { date: "2012-10-22", start: "10:00", end: "11:00" });
    assert.equal(outside.json().code, "TIME_SLOT_OUTSIDE_SESSION");
    const backwards = await secretariat.post(url, { date: "2012-10-17", start: "11:00", end: "10:00" });
    assert.equal(backwards.json().code, "TIME_SLOT_TIMES_INVALID");
    const badTime = await secretariat.post(url, { date: "2012-10-17", start: "25:00", end: "26:00" });
    assert.equal(badTime.json().code, "VALIDATION_FAILED");

    // twenty concurrent overlapping creations: exactly one wins
    await buildSession(t.db, { cache: t.services.cache, slug: "cop-race" });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        secretariat.post("/api/v1/sessions/cop-race/time-slots", {
          date: "2012-10-17",
          start: "13:00",
          end: "14:00",
        }),
      ),
    );
    assert.equal(results.filter((r) => r.statusCode === 201).length, 1);
    assert.ok(results.every((r) => r.statusCode === 201 || r.json().code === "TIME_SLOT_OVERLAPS"));
  });

  test("the public page shows slot times in the session's time zone, grouped by day, and deadlines", async () => {
    await buildSession(t.db, {
      cache: t.services.cache,
      slug: "cop-page",
      observerApplicationDeadline: "2012-09-14T23:59",
      sideEventProposalDeadline: "2012-08-31T18:00",
      timeSlots: [
        { date: "2012-10-16", start: "13:15", end: "14:45" },
        { date: "2012-10-17", start: "08:00", end: "09:00" },
      ],
      agendaItems: [{ number: "3(a)", title: { en: "Trafficking in persons", fr: "Traite des personnes" } }],
      rooms: [{ name: "Boardroom A", capacity: 30, equipment: ["projector", "hearing_loop"] }],
    });
    const res = await anonymous.page("/sessions/cop-page?lang=en");
    assert.equal(res.statusCode, 200);
    assert.match(res.body, />13:15<\/time>–<time[^>]*>14:45</);
    assert.doesNotMatch(res.body, />11:15</);
    assert.match(res.body, /Tuesday, 16 October 2012/);
    assert.match(res.body, /Europe\/Vienna/);
    assert.match(res.body, /15 October 2012 – 19 October 2012/);
    assert.match(res.body, /closes in 13 days/); // 1 → 14 September 2012, calendar days in Vienna
    assert.match(res.body, /closed/);
    assert.match(res.body, /Trafficking in persons/);
    assert.match(res.body, /Projector and Hearing loop/);

    const fr = await anonymous.page("/sessions/cop-page?lang=fr");
    assert.match(fr.body, /Traite des personnes/);
    assert.match(fr.body, /16 octobre 2012/);
    assert.match(fr.body, /clôture dans 13 jours/);

    const ar = await anonymous.page("/sessions/cop-page?lang=ar");
    assert.equal(ar.statusCode, 200);
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    // the name falls back to the first language given, marked as such
    assert.match(ar.body, /<h1 lang="en">Sixth session/);
  });

  test("changing the time zone keeps the wall-clock times", async () => {
    const s = await buildSession(t.db, {
      cache: t.services.cache,
      slug: "cop-tz",
      timeSlots: [{ date: "2012-10-16", start: "13:15", end: "14:45" }],
      deadlines: [{ label: { en: "Statements" }, dueAt: "2012-10-01T17:00" }],
      observerApplicationDeadline: "2012-09-14T23:59",
    });
    const res = await secretariat.patch(
      "/api/v1/sessions/cop-tz",
      { timeZone: "America/New_York" },
      { "if-match": etagOf("session", s.id, 1) },
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().observerApplicationDeadline, "2012-09-15T03:59:00.000Z");
    const detail = (await anonymous.get("/api/v1/sessions/cop-tz")).json();
    assert.equal(detail.timeSlots[0].start, "13:15");
    assert.equal(detail.timeSlots[0].startsAt, "2012-10-16T17:15:00.000Z");
    assert.equal(detail.deadlines[0].dueAt, "2012-10-01T21:00:00.000Z");

    const shrunk = await secretariat.patch(
      "/api/v1/sessions/cop-tz",
      { startsOn: "2012-10-17" },
      { "if-match": etagOf("session", s.id, 2) },
    );
    assert.equal(shrunk.statusCode, 400);
    assert.equal(shrunk.json().code, "TIME_SLOT_OUTSIDE_SESSION");
    assert.equal(
      (await anonymous.get("/api/v1/sessions/cop-tz")).json().startsOn,
      "2012-10-15",
      "nothing changed",
    );
  });

  test("agenda items, rooms and deadlines: create, edit, delete, each audited", async () => {
    await buildSession(t.db, { cache: t.services.cache, slug: "cop-items" });
    const base = "/api/v1/sessions/cop-items";
    const item = await secretariat.post(`${base}/agenda-items`, {
      number: "2",
      title: { en: "Adoption of the agenda" },
    });
    assert.equal(item.statusCode, 201, item.body);
    assert.equal(item.json().position, 0);
    const dup = await secretariat.post(`${base}/agenda-items`, { number: "2", title: { en: "Again" } });
    assert.equal(dup.json().code, "AGENDA_ITEM_NUMBER_TAKEN");
    const noTitle = await secretariat.post(`${base}/agenda-items`, { number: "4", title: {} });
    assert.equal(noTitle.json().code, "VALIDATION_FAILED");

    const room = await secretariat.post(`${base}/rooms`, {
      name: "M3",
      capacity: 80,
      equipment: ["projector", "interpretation_booths"],
    });
    assert.equal(room.statusCode, 201, room.body);
    const badEquipment = await secretariat.post(`${base}/rooms`, {
      name: "M4",
      capacity: 80,
      equipment: ["laser"],
    });
    assert.equal(badEquipment.statusCode, 400);
    const edited = await secretariat.patch(`${base}/rooms/${room.json().id}`, { capacity: 100 });
    assert.equal(edited.json().capacity, 100);
    assert.deepEqual(edited.json().equipment, ["projector", "interpretation_booths"]);

    const deadline = await secretariat.post(`${base}/deadlines`, {
      label: { en: "Written statements" },
      dueAt: "2012-10-01T17:00",
    });
    assert.equal(deadline.json().dueAt, "2012-10-01T15:00:00.000Z");

    const gone = await secretariat.delete(`${base}/rooms/${room.json().id}`);
    assert.equal(gone.statusCode, 204);
    assert.equal((await secretariat.delete(`${base}/rooms/${room.json().id}`)).statusCode, 404);
    assert.equal((await secretariat.delete(`${base}/rooms/not-a-uuid`)).statusCode, 404);

    const detail = (await anonymous.get(base)).json();
    assert.equal(detail.agendaItems.length, 1);
    assert.equal(detail.rooms.length, 0);
    assert.equal(detail.deadlines.length, 1);

    const actions = (
      await t.db
        .selectFrom("audit_log")
        .select("action")
        .where("object_id", "=", room.json().id)
        .orderBy("id")
        .execute()
    ).map((r) => r.action);
    assert.deepEqual(actions, ["session_room.created", "session_room.updated", "session_room.deleted"]);
  });

  test("the session's rules, for later modules", async () => {
    const s = await buildSession(t.db, {
      cache: t.services.cache,
      slug: "cop-rules",
      observerApplicationDeadline: "2012-09-14T23:59",
      delegateQuota: 4,
      retentionDays: 60,
    });
    const rules = await getSessionRules(
      { ...t.services, actor: null, lang: "en", requestId: "r", ip: "" },
      s.id,
    );
    assert.equal(rules.delegateQuota, 4);
    assert.equal(rules.rule17CirculationDays, 30);
    assert.equal(rules.rule17CirculationDueOn, "2012-09-15");
    assert.equal(rules.opensAt.toISOString(), "2012-10-14T22:00:00.000Z");
    assert.equal(rules.closesAt.toISOString(), "2012-10-19T22:00:00.000Z");
    assert.equal(rules.personalDataPurgeAt.toISOString(), "2012-12-18T23:00:00.000Z");
    assert.equal(rules.observerApplicationDeadline?.toISOString(), "2012-09-14T21:59:00.000Z");
  });

  test("the create form re-renders with what was typed and translated errors, then creates", async () => {
    const form = {
      slug: "Not A Slug!",
      "name.fr": "Septième session",
      startsOn: "2014-10-06",
      endsOn: "2014-10-10",
      "venue.name": "Centre international de Vienne",
      "venue.city": "Vienne",
      "venue.country": "AT",
      timeZone: "Europe/Vienna",
      workingLanguages: ["en", "fr"],
      status: "draft",
      delegateQuota: "lots",
    };
    await secretariat.page("/sessions?lang=fr");
    const bad = await secretariat.submit("/sessions/new", form);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /value="Vienne"/);
    assert.match(bad.body, /value="Septième session"/);
    assert.match(bad.body, /value="Not A Slug!"|value="not a slug!"/);
    assert.match(bad.body, /Utilisez uniquement des lettres minuscules/);
    assert.match(bad.body, /aria-invalid="true"/);

    const taken = await secretariat.submit("/sessions/new", { ...form, slug: "cop6", delegateQuota: "5" });
    assert.equal(taken.statusCode, 409);
    assert.match(taken.body, /Une autre session utilise déjà ce nom court/);
    assert.match(taken.body, /value="Vienne"/);

    const ok = await secretariat.submit("/sessions/new", { ...form, slug: "cop7-form", delegateQuota: "5" });
    assert.equal(ok.statusCode, 303, ok.body);
    assert.equal(ok.headers.location, "/sessions/cop7-form/manage?notice=created");
    const manage = await secretariat.page("/sessions/cop7-form/manage");
    assert.equal(manage.statusCode, 200);
    assert.match(manage.body, /name="version" value="1"/);
    await secretariat.page("/sessions?lang=en");
  });

  test("the edit form refuses a stale version with 412 and keeps the input", async () => {
    await buildSession(t.db, { cache: t.services.cache, slug: "cop-form-edit" });
    const page = await secretariat.page("/sessions/cop-form-edit/manage");
    assert.equal(page.statusCode, 200);
    const form = {
      slug: "cop-form-edit",
      number: "6",
      "name.en": "Sixth session (edited)",
      startsOn: "2012-10-15",
      endsOn: "2012-10-19",
      "venue.name": "Vienna International Centre",
      "venue.city": "Vienna",
      "venue.country": "AT",
      timeZone: "Europe/Vienna",
      workingLanguages: ["en"],
      status: "published",
      version: "1",
    };
    const ok = await secretariat.submit("/sessions/cop-form-edit/manage", form);
    assert.equal(ok.statusCode, 303, ok.body);
    const stale = await secretariat.submit("/sessions/cop-form-edit/manage", {
      ...form,
      "name.en": "Another edit",
    });
    assert.equal(stale.statusCode, 412);
    assert.match(stale.body, /value="Another edit"/);
    assert.match(stale.body, /Someone else changed this/);
    const shown = (await anonymous.get("/api/v1/sessions/cop-form-edit")).json();
    assert.equal(shown.name.en, "Sixth session (edited)");
    assert.equal(shown.version, 2);
  });

  test("item forms: a slot typed in local time; an overlap re-renders the form", async () => {
    await buildSession(t.db, { cache: t.services.cache, slug: "cop-form-slots" });
    const add = await secretariat.submit("/sessions/cop-form-slots/manage/time-slots", {
      date: "2012-10-16",
      start: "13:15",
      end: "14:45",
    });
    assert.equal(add.statusCode, 303, add.body);
    const overlap = await secretariat.submit("/sessions/cop-form-slots/manage/time-slots", {
      date: "2012-10-16",
      start: "14:00",
      end: "15:00",
    });
    assert.equal(overlap.statusCode, 409);
    assert.match(overlap.body, /overlaps another slot/);
    assert.match(overlap.body, /value="14:00"/);
    const invalid = await secretariat.submit("/sessions/cop-form-slots/manage/rooms", {
      name: "",
      capacity: "many",
    });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /This field is required/);
    assert.equal((await secretariat.page("/sessions/cop-form-slots/manage/nothing/new")).statusCode, 404);

    const manage = await secretariat.page("/sessions/cop-form-slots/manage");
    assert.match(manage.body, /13:15/);
    const page = await anonymous.page("/sessions/cop-form-slots");
    assert.match(page.body, /13:15/);
  });

  test("the OpenAPI document describes the sessions API", async () => {
    const doc = (await anonymous.get("/api/v1/openapi.json")).json();
    for (const path of [
      "/api/v1/sessions",
      "/api/v1/sessions/{slug}",
      "/api/v1/sessions/{slug}/time-slots/{id}",
      "/api/v1/sessions/{slug}/agenda-items",
    ]) {
      assert.ok(doc.paths[path], path);
    }
    assert.deepEqual(doc.paths["/api/v1/sessions"].post.tags, ["sessions"]);
  });
});
