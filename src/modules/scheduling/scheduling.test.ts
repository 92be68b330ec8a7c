import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Ajv } from "ajv";
import draft6 from "ajv/dist/refs/json-schema-draft-06.json" with { type: "json" };
import addFormats from "ajv-formats";
import { TestClient } from "../../../test/support/client.js";
import { buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { seedDemo } from "../../demo/seed.js";
import { SESSION_SLUG } from "../../demo/session.data.js";
import { PROTECTED_DEMO_NAMES } from "../../demo/side-events.data.js";
import { acronymOf, legacyId, zonedIso } from "./scheduling.export.js";
import { buildScheduledSession } from "./scheduling.fixtures.js";

const STANDARDS = path.resolve(import.meta.dirname, "../../../../shared/standards/schedule");

function jsonValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft6);
  addFormats.default(ajv);
  ajv.addFormat("color", /^#[0-9a-fA-F]{3,8}$/);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(STANDARDS, "schema.json"), "utf8")));
  return { check: (data: unknown): boolean => validate(data), errors: () => validate.errors };
}

function xmlErrors(xml: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "schedule-"));
  const file = path.join(dir, "schedule.xml");
  fs.writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--schema", path.join(STANDARDS, "schedule.xml.xsd"), file], {
      stdio: "pipe",
    });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("export helpers (no I/O)", () => {
  test("zoned times carry the session's offset, summer and winter", () => {
    assert.equal(zonedIso(new Date("2012-10-15T11:15:00Z"), "Europe/Vienna"), "2012-10-15T13:15:00+02:00");
    assert.equal(zonedIso(new Date("2012-12-15T11:15:00Z"), "Europe/Vienna"), "2012-12-15T12:15:00+01:00");
    assert.equal(zonedIso(new Date("2012-12-15T11:15:00Z"), "America/New_York"), "2012-12-15T06:15:00-05:00");
  });
  test("legacy ids are positive and stable; acronyms fit both schemas", () => {
    const id = legacyId("00000000-0000-4000-8000-000000000000");
    assert.equal(id, 1);
    assert.equal(legacyId("ffffffff-0000-4000-8000-000000000000"), 0xfffffff + 1);
    assert.equal(acronymOf("cop6-ab12"), "cop6_ab12");
    assert.equal(acronymOf("ab"), "ab__");
  });
  test("the reference pretalx export validates against schema.json (the validator is right)", () => {
    const validate = jsonValidator();
    const example = JSON.parse(fs.readFileSync(path.join(STANDARDS, "pretalx-democon.json"), "utf8"));
    assert.ok(validate.check(example), JSON.stringify(validate.errors()?.slice(0, 3), null, 2));
  });
});

describe("schedule exports", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("schedule.json validates against the schema; events in their rooms; pseudonyms only", async () => {
    const { session, first, second } = await buildScheduledSession(t);
    const client = TestClient.anonymous(t);
    for (const url of [
      `/sessions/${session.slug}/schedule.json`,
      `/api/v1/sessions/${session.slug}/schedule.json`,
    ]) {
      const res = await client.get(url);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers["content-type"]), /application\/json/);
      assert.doesNotMatch(res.body, /ZQXHIDDEN/);
      // biome-ignore lint/suspicious/noExplicitAny: a parsed document walked by hand
      const doc: any = res.json();
      const validate = jsonValidator();
      assert.ok(validate.check(doc), JSON.stringify(validate.errors(), null, 2));
      const days = doc.schedule.conference.days;
      assert.equal(days.length, 2);
      const a = days[0].rooms["Room A & <1>"];
      assert.equal(a.length, 1);
      assert.equal(a[0].guid, first);
      assert.equal(a[0].date, "2099-10-12T13:15:00+02:00");
      assert.equal(a[0].duration, "01:30");
      assert.deepEqual(a[0].persons, [{ name: "Speaker A", biography: null }]);
      const b = days[1].rooms["Room B"];
      assert.equal(b[0].guid, second);
      assert.equal(b[0].start, "13:15");
      assert.equal(b[0].persons[0].name, "Maria Public");
    }
  });

  test("schedule.xml validates against the frab XSD; the language asked is used", async () => {
    const { session, first } = await buildScheduledSession(t);
    const client = TestClient.anonymous(t);
    for (const url of [
      `/sessions/${session.slug}/schedule.xml`,
      `/api/v1/sessions/${session.slug}/schedule.xml`,
    ]) {
      const res = await client.get(`${url}?lang=fr`);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers["content-type"]), /application\/xml/);
      assert.doesNotMatch(res.body, /ZQXHIDDEN/);
      assert.equal(xmlErrors(res.body), null);
      assert.match(res.body, /<person>Speaker A<\/person>/);
      assert.match(res.body, /<title>Voices of survivors \(fr\)<\/title>/);
      assert.match(res.body, new RegExp(`guid="${first}"`));
      assert.match(res.body, /<room name="Room A &amp; &lt;1&gt;"/);
    }
  });

  test("the export follows programme changes (cached under the side-events tag)", async () => {
    const { session, first } = await buildScheduledSession(t);
    const client = TestClient.anonymous(t);
    const before = (await client.get(`/sessions/${session.slug}/schedule.json`)).json();
    assert.equal(before.schedule.conference.days[0].rooms["Room A & <1>"].length, 1);
    // moved by the secretariat through the side-events module (simulated with its invalidation)
    await t.db
      .updateTable("side_event_proposals")
      .set({ room_id: session.rooms[1]!.id })
      .where("id", "=", first)
      .execute();
    const { invalidate } = await import("../../platform/cache.js");
    await invalidate(t.db, t.services.cache, "side-events");
    const after = (await client.get(`/sessions/${session.slug}/schedule.json`)).json();
    assert.equal(after.schedule.conference.days[0].rooms["Room A & <1>"], undefined);
    assert.equal(after.schedule.conference.days[0].rooms["Room B"][0].guid, first);
  });

  test("an unknown session is a 404 problem", async () => {
    const res = await TestClient.anonymous(t).get("/sessions/no-such-session/schedule.xml");
    assert.equal(res.statusCode, 404);
  });
});

describe("optimising a session (secretariat)", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("stores a proposed placement, not published; the page shows the grid and the reasons", async () => {
    const { session, first, second } = await buildScheduledSession(t);
    // a third event that no room can hold
    await t.db
      .updateTable("side_event_proposals")
      .set({ expected_audience: 5000 })
      .where("id", "=", second)
      .execute();
    const admin = await TestClient.as(t, (await buildUser(t.db, { roles: ["secretariat"] })).id);
    const res = await admin.post(`/api/v1/sessions/${session.slug}/schedule/optimise`, {
      timeLimitSeconds: 5,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as {
      placements: Array<{ eventId: string }>;
      unplaced: Array<{ eventId: string; reason: string; message: string }>;
      objective: number;
      bound: number;
      gap: number;
      greedyObjective: number;
    };
    assert.deepEqual(
      body.placements.map((p) => p.eventId),
      [first],
    );
    assert.deepEqual(body.unplaced, [
      { eventId: second, reason: "capacity", message: "No room holds the expected audience." },
    ]);
    assert.ok(body.objective >= body.greedyObjective);
    assert.equal(body.gap, 0);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "scheduling.optimise")
      .execute();
    assert.equal(audit.length, 1);
    // not published: the event keeps its own room
    const row = await t.db
      .selectFrom("side_event_proposals")
      .select("room_id")
      .where("id", "=", second)
      .executeTakeFirstOrThrow();
    assert.equal(row.room_id, session.rooms[1]!.id);
    const page = await admin.request("GET", `/sessions/${session.slug}/schedule?lang=fr`, {
      headers: { accept: "text/html" },
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Voices of survivors \(fr\)/);
    assert.match(page.body, /Aucune salle ne peut accueillir le public attendu/);
    assert.doesNotMatch(page.body, /ZQXHIDDEN/);
  });

  test("a second run while one is under way is refused with a problem", async () => {
    const { session } = await buildScheduledSession(t);
    const admin = await TestClient.as(t, (await buildUser(t.db, { roles: ["secretariat"] })).id);
    const url = `/api/v1/sessions/${session.slug}/schedule/optimise`;
    const [a, b] = await Promise.all([
      admin.post(url, { timeLimitSeconds: 5 }),
      admin.post(url, { timeLimitSeconds: 5 }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    assert.match(String(refused.headers["content-type"]), /problem\+json/);
    assert.equal(refused.json().code, "SCHEDULING_RUNNING");
  });

  test("a body with unknown fields is refused", async () => {
    const { session } = await buildScheduledSession(t);
    const admin = await TestClient.as(t, (await buildUser(t.db, { roles: ["secretariat"] })).id);
    const res = await admin.post(`/api/v1/sessions/${session.slug}/schedule/optimise`, { publish: true });
    assert.equal(res.statusCode, 400);
  });
});

describe("the demo session (the 6th session's side events)", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
    await seedDemo(t.services);
  });
  after(() => t.close());

  test("its exports validate and carry no protected name", async () => {
    const client = TestClient.anonymous(t);
    for (const lang of ["en", "ar", "zh"]) {
      const json = await client.get(`/sessions/${SESSION_SLUG}/schedule.json?lang=${lang}`);
      assert.equal(json.statusCode, 200);
      const validate = jsonValidator();
      assert.ok(validate.check(json.json()), JSON.stringify(validate.errors(), null, 2));
      const xml = await client.get(`/sessions/${SESSION_SLUG}/schedule.xml?lang=${lang}`);
      assert.equal(xmlErrors(xml.body), null);
      for (const name of PROTECTED_DEMO_NAMES) {
        assert.ok(!json.body.includes(name));
        assert.ok(!xml.body.includes(name));
      }
    }
  });

  test("the optimiser places its accepted events, never worse than greedy", async () => {
    const admin = await TestClient.as(t, (await buildUser(t.db, { roles: ["secretariat"] })).id);
    const res = await admin.post(`/api/v1/sessions/${SESSION_SLUG}/schedule/optimise`, {
      timeLimitSeconds: 20,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as {
      placements: unknown[];
      unplaced: unknown[];
      objective: number;
      greedyObjective: number;
      bound: number;
    };
    const accepted = await t.db
      .selectFrom("side_event_proposals as p")
      .innerJoin("conference_sessions as s", "s.id", "p.session_id")
      .select("p.id")
      .where("s.slug", "=", SESSION_SLUG)
      .where("p.status", "=", "accepted")
      .execute();
    assert.equal(body.placements.length + body.unplaced.length, accepted.length);
    assert.ok(body.objective >= body.greedyObjective);
    assert.ok(body.bound >= body.objective);
    for (const name of PROTECTED_DEMO_NAMES) assert.ok(!res.body.includes(name));
  });
});
