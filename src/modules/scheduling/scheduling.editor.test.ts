import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { TestClient } from "../../../test/support/client.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildScheduledSession } from "./scheduling.fixtures.js";

interface DraftBody {
  version: number;
  undoable: number;
  unpublished: boolean;
  events: Array<{
    id: string;
    title: string;
    roomId: string | null;
    slotId: string | null;
    pinned: boolean;
    conflicts: Array<{ rule: string; hard: boolean; otherEventId?: string; message: string }>;
  }>;
}

async function world(t: TestContext, language = "en") {
  const focal = await buildUser(t.db, { language });
  const org = await buildOrganisation(t.db, { focalPointId: focal.id });
  const built = await buildScheduledSession(t, { orgId: org.id });
  const admin = await TestClient.as(t, (await buildUser(t.db, { roles: ["secretariat"] })).id);
  const api = `/api/v1/sessions/${built.session.slug}/schedule`;
  const draft = async () => {
    const res = await admin.get(`${api}/draft`);
    assert.equal(res.statusCode, 200, res.body);
    return { body: res.json() as DraftBody, etag: String(res.headers.etag) };
  };
  const edit = (path: string, body: unknown, etag: string) =>
    admin.post(`${api}/draft/${path}`, body, { "if-match": etag });
  return { ...built, focal, org, admin, api, draft, edit };
}

const latestRunId = async (t: TestContext, sessionId: string) =>
  (
    await t.db
      .selectFrom("schedule_runs")
      .select("id")
      .where("session_id", "=", sessionId)
      .orderBy("started_at", "desc")
      .limit(1)
      .executeTakeFirstOrThrow()
  ).id;

const byId = (d: DraftBody, id: string) => d.events.find((e) => e.id === id)!;

describe("the working schedule", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("starts where the accepted events are, without conflicts", async () => {
    const w = await world(t);
    const { body, etag } = await w.draft();
    assert.equal(body.version, 0);
    assert.match(etag, /^"schedule-draft-.+-v0"$/);
    assert.equal(byId(body, w.first).roomId, w.session.rooms[0]!.id);
    assert.equal(byId(body, w.second).slotId, w.session.timeSlots[2]!.id);
    assert.ok(body.events.every((e) => e.conflicts.every((c) => !c.hard)));
    assert.equal(body.unpublished, true);
  });

  test("a move onto a taken cell is saved and says which rule it breaks, naming the other event", async () => {
    const w = await world(t);
    const { etag } = await w.draft();
    const [roomA] = w.session.rooms;
    const [slot1] = w.session.timeSlots;
    const res = await w.edit("moves", { eventId: w.second, roomId: roomA!.id, slotId: slot1!.id }, etag);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as DraftBody;
    assert.equal(body.version, 1);
    assert.notEqual(res.headers.etag, etag);
    const moved = byId(body, w.second);
    const taken = moved.conflicts.find((c) => c.rule === "roomTaken");
    assert.ok(taken?.hard);
    assert.equal(taken.otherEventId, w.first);
    assert.match(taken.message, /Voices of survivors/);
    // the people clash (same lead organisation) is said without naming anyone
    const people = moved.conflicts.find((c) => c.rule === "peopleClash");
    assert.ok(people);
    assert.doesNotMatch(res.body, /ZQXHIDDEN|Maria Public/);
    // the other event is in conflict too
    assert.ok(
      byId(body, w.first).conflicts.some((c) => c.rule === "roomTaken" && c.otherEventId === w.second),
    );
    // in French
    const fr = await w.admin.get(`${w.api}/draft?lang=fr`);
    assert.match(fr.body, /La salle est déjà occupée/);
    const audits = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "scheduling.draft.move")
      .execute();
    assert.ok(audits.length >= 1);
  });

  test("edits need the current version: none is 428, a stale one 412 and nothing changes", async () => {
    const w = await world(t);
    const { etag } = await w.draft();
    const move = { eventId: w.first, roomId: w.session.rooms[1]!.id, slotId: w.session.timeSlots[1]!.id };
    const none = await w.admin.post(`${w.api}/draft/moves`, move);
    assert.equal(none.statusCode, 428);
    assert.equal((await w.edit("moves", move, etag)).statusCode, 200);
    const stale = await w.edit("moves", { ...move, slotId: w.session.timeSlots[0]!.id }, etag);
    assert.equal(stale.statusCode, 412);
    assert.equal(byId((await w.draft()).body, w.first).slotId, w.session.timeSlots[1]!.id);
  });

  test("unknown cells and events are refused; unknown fields too", async () => {
    const w = await world(t);
    const { etag } = await w.draft();
    const other = await buildScheduledSession(t);
    const badCell = await w.edit(
      "moves",
      { eventId: w.first, roomId: other.session.rooms[0]!.id, slotId: w.session.timeSlots[0]!.id },
      etag,
    );
    assert.equal(badCell.statusCode, 400);
    assert.equal(badCell.json().code, "SCHEDULING_UNKNOWN_CELL");
    const badEvent = await w.edit("unplace", { eventId: other.first }, etag);
    assert.equal(badEvent.json().code, "SCHEDULING_UNKNOWN_EVENT");
    assert.equal((await w.edit("pins", { eventId: w.first, pinned: true, extra: 1 }, etag)).statusCode, 400);
  });

  test("undo takes back the last changes one by one, then there is nothing to undo", async () => {
    const w = await world(t);
    let { etag } = await w.draft();
    const start = (await w.draft()).body;
    const steps: Array<[string, unknown]> = [
      ["moves", { eventId: w.first, roomId: w.session.rooms[1]!.id, slotId: w.session.timeSlots[1]!.id }],
      ["pins", { eventId: w.first, pinned: true }],
      ["unplace", { eventId: w.second }],
    ];
    for (const [path, body] of steps) {
      const res = await w.edit(path, body, etag);
      assert.equal(res.statusCode, 200, res.body);
      etag = String(res.headers.etag);
    }
    let d = (await w.draft()).body;
    assert.equal(d.undoable, 3);
    assert.equal(byId(d, w.second).roomId, null);
    assert.equal(byId(d, w.first).pinned, true);
    const undo = async () => {
      const res = await w.edit("undo", {}, etag);
      etag = String(res.headers.etag);
      return res;
    };
    assert.equal((await undo()).statusCode, 200);
    d = (await w.draft()).body;
    assert.equal(byId(d, w.second).roomId, w.session.rooms[1]!.id);
    assert.equal(byId(d, w.first).pinned, true);
    await undo();
    assert.equal(byId((await w.draft()).body, w.first).pinned, false);
    await undo();
    d = (await w.draft()).body;
    assert.deepEqual(
      d.events.map((e) => [e.id, e.roomId, e.slotId, e.pinned]),
      start.events.map((e) => [e.id, e.roomId, e.slotId, e.pinned]),
    );
    const nothing = await undo();
    assert.equal(nothing.statusCode, 409);
    assert.equal(nothing.json().code, "SCHEDULING_NOTHING_TO_UNDO");
  });

  test("a run around the pins keeps them, reports progress, and its proposal can be applied and undone", async () => {
    const w = await world(t);
    let { etag } = await w.draft();
    // pin the first event in Room B on the last slot
    const pinCell = { roomId: w.session.rooms[1]!.id, slotId: w.session.timeSlots[2]!.id };
    let res = await w.edit("unplace", { eventId: w.second }, etag);
    res = await w.edit("moves", { eventId: w.first, ...pinCell }, String(res.headers.etag));
    res = await w.edit("pins", { eventId: w.first, pinned: true }, String(res.headers.etag));
    etag = String(res.headers.etag);
    const started = await w.admin.post(`${w.api}/runs`, { timeLimitSeconds: 5 });
    assert.equal(started.statusCode, 202, started.body);
    const run = started.json() as { id: string; status: string };
    assert.equal(started.headers.location, `${w.api}/runs/${run.id}`);
    let status: {
      status: string;
      proposal?: { id: string; placements: Array<{ eventId: string; roomId: string; slotId: string }> };
    };
    for (;;) {
      const polled = await w.admin.get(`${w.api}/runs/${run.id}`);
      assert.equal(polled.statusCode, 200);
      status = polled.json();
      if (status.status !== "running") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(status.status, "done");
    const kept = status.proposal!.placements.find((p) => p.eventId === w.first);
    assert.deepEqual({ roomId: kept?.roomId, slotId: kept?.slotId }, pinCell);
    assert.ok(status.proposal!.placements.some((p) => p.eventId === w.second));
    const applied = await w.edit("apply", { proposalId: status.proposal!.id }, etag);
    assert.equal(applied.statusCode, 200, applied.body);
    const d = applied.json() as DraftBody;
    assert.equal(byId(d, w.first).pinned, true);
    assert.ok(byId(d, w.second).roomId);
    const undone = await w.edit("undo", {}, String(applied.headers.etag));
    assert.equal(byId(undone.json() as DraftBody, w.second).roomId, null);
  });

  test("a run asked to may fill free rooms with a wait-listed event; applying places accepted events only", async () => {
    const w = await world(t);
    const call = await t.db
      .selectFrom("side_event_calls")
      .select("id")
      .where("session_id", "=", w.session.id)
      .executeTakeFirstOrThrow();
    const waiting = await t.db
      .insertInto("side_event_proposals")
      .values({
        call_id: call.id,
        session_id: w.session.id,
        lead_organisation_id: w.org.id,
        status: "waitlisted",
        title: JSON.stringify({ en: "Waiting in line" }),
        abstract: JSON.stringify({ en: "About waiting" }),
        format: "panel",
        languages: ["en"],
        themes: ["smuggling"],
        expected_audience: 30,
        submitted_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const started = await w.admin.submit(`/sessions/${w.session.slug}/schedule/runs`, { waitlisted: "true" });
    assert.equal(started.statusCode, 303);
    let run = (await w.admin.get(`${w.api}/runs/${await latestRunId(t, w.session.id)}`)).json();
    while (run.status === "running") {
      await new Promise((r) => setTimeout(r, 100));
      run = (await w.admin.get(`${w.api}/runs/${run.id}`)).json();
    }
    assert.equal(run.status, "done");
    assert.equal(run.waitlisted, true);
    assert.ok(run.proposal.placements.some((p: { eventId: string }) => p.eventId === waiting.id));
    const page = await w.admin.page(`/sessions/${w.session.slug}/schedule`);
    assert.match(page.body, /Wait-listed events it would place in free rooms/);
    assert.match(page.body, /Waiting in line/);
    const applied = await w.edit("apply", { proposalId: run.proposal.id }, (await w.draft()).etag);
    assert.equal(applied.statusCode, 200);
    assert.ok(!(applied.json() as DraftBody).events.some((e) => e.id === waiting.id));
  });

  test("the move form starts with the event asked for", async () => {
    const w = await world(t);
    const page = await w.admin.page(`/sessions/${w.session.slug}/schedule?select=${w.second}`);
    assert.match(page.body, new RegExp(`<option value="${w.second}" selected`));
    assert.match(page.body, new RegExp(`<option value="${w.session.rooms[1]!.id}" selected`));
  });

  test("one run per session at a time, whichever process holds it (advisory lock)", async () => {
    const w = await world(t);
    const [a, b] = await Promise.all([
      w.admin.post(`${w.api}/runs`, { timeLimitSeconds: 2 }),
      w.admin.post(`${w.api}/runs`, { timeLimitSeconds: 2 }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [202, 409]);
    const id = (a.statusCode === 202 ? a : b).json().id as string;
    while ((await w.admin.get(`${w.api}/runs/${id}`)).json().status === "running")
      await new Promise((r) => setTimeout(r, 100));
    // another process: a connection of its own holding the session's lock
    const other = new pg.Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await other.query("select pg_advisory_lock(6001, hashtext($1))", [w.session.id]);
      const refused = await w.admin.post(`${w.api}/runs`, { timeLimitSeconds: 2 });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, "SCHEDULING_RUNNING");
      const sync = await w.admin.post(`${w.api}/optimise`, { timeLimitSeconds: 2 });
      assert.equal(sync.statusCode, 409);
      await other.query("select pg_advisory_unlock(6001, hashtext($1))", [w.session.id]);
      const again = await w.admin.post(`${w.api}/runs`, { timeLimitSeconds: 2 });
      assert.equal(again.statusCode, 202);
      while ((await w.admin.get(`${w.api}/runs/${again.json().id}`)).json().status === "running")
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      await other.end();
    }
  });

  test("while a run is under way the editor shows its progress; a run whose process died is said to have failed", async () => {
    const w = await world(t);
    const run = await t.db
      .insertInto("schedule_runs")
      .values({
        session_id: w.session.id,
        status: "running",
        time_limit_seconds: 30,
        progress: JSON.stringify({
          phase: "solve",
          elapsedSeconds: 12,
          heartbeatAt: new Date().toISOString(),
        }),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const page = await w.admin.page(`/sessions/${w.session.slug}/schedule`);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers.refresh, "2");
    assert.match(page.body, /<progress[^>]*max="30"[^>]*value="12"/);
    assert.match(page.body, /Solving/);
    assert.match(page.body, new RegExp(`data-status-url="${w.api}/runs/${run.id}"`));
    // its process stopped a minute ago: the status says failed, and the editor is free again
    await t.db
      .updateTable("schedule_runs")
      .set({ progress: JSON.stringify({ heartbeatAt: new Date(Date.now() - 120_000).toISOString() }) })
      .where("id", "=", run.id)
      .execute();
    const status = await w.admin.get(`${w.api}/runs/${run.id}`);
    assert.equal(status.json().status, "failed");
    const again = await w.admin.page(`/sessions/${w.session.slug}/schedule`);
    assert.equal(again.headers.refresh, undefined);
    assert.match(again.body, /The optimiser failed; the working schedule is unchanged/);
  });

  test("only the secretariat sees or edits the working schedule", async () => {
    const w = await world(t);
    const focal = await TestClient.as(t, w.focal.id);
    assert.equal((await focal.get(`${w.api}/draft`)).statusCode, 403);
    assert.equal((await TestClient.anonymous(t).get(`${w.api}/draft`)).statusCode, 401);
  });
});
