import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../../test/support/client.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";

describe("selection from the ranking in one action", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function world() {
    const sec = await buildUser(t.db, { roles: ["secretariat"] });
    const fp = await buildUser(t.db, { language: "fr" });
    const lead = await buildOrganisation(t.db, { focalPointId: fp.id });
    const session = await buildSession(t.db, {
      cache: t.services.cache,
      rooms: [{ name: "M1", capacity: 80 }],
      timeSlots: [
        { date: "2012-10-16", start: "13:15", end: "14:45" },
        { date: "2012-10-17", start: "13:15", end: "14:45" },
      ],
    });
    const call = await t.db
      .insertInto("side_event_calls")
      .values({
        session_id: session.id,
        deadline: new Date("2099-09-01T00:00:00Z"),
        formats: ["panel"],
        slot_minutes: 90,
        max_proposals_per_organisation: 9,
        criteria: JSON.stringify([{ code: "relevance", label: { en: "Relevance" }, weight: 1 }]),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ids: string[] = [];
    for (const [i, status] of (["accepted", "submitted", "submitted", "submitted"] as const).entries())
      ids.push(
        (
          await t.db
            .insertInto("side_event_proposals")
            .values({
              call_id: call.id,
              session_id: session.id,
              lead_organisation_id: lead.id,
              status,
              title: JSON.stringify({ en: `Event ${i}` }),
              abstract: JSON.stringify({ en: "A" }),
              format: "panel",
              languages: ["en"],
              expected_audience: 40,
              submitted_at: new Date(),
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id,
      );
    return { session, ids, fp, sec: await TestClient.as(t, sec.id) };
  }
  const mails = (template: string, to: string) =>
    t.db
      .selectFrom("mail_outbox")
      .select(["language"])
      .where("template", "=", template)
      .where("to_address", "=", to)
      .execute();

  test("accept the top N that fit: one place left, one accepted, the others said not to fit", async () => {
    const w = await world();
    const url = `/api/v1/sessions/${w.session.slug}/side-event-decisions`;
    const ranking = (await w.sec.get(`/api/v1/sessions/${w.session.slug}/side-event-ranking`)).json();
    const open = ranking.items
      .filter((r: { status: string }) => r.status === "submitted")
      .map((r: { id: string }) => r.id);
    assert.equal((await w.sec.post(url, { top: 3, decision: "accept" })).statusCode, 428);
    const res = await w.sec.post(url, { top: 3, decision: "accept" }, { "idempotency-key": "top3" });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { decision: "accepted", decided: [open[0]], notFitting: open.slice(1) });
    const replay = await w.sec.post(url, { top: 3, decision: "accept" }, { "idempotency-key": "top3" });
    assert.equal(replay.body, res.body);
    assert.deepEqual(
      (await mails("sideEvents.accepted", w.fp.email)).map((m) => m.language),
      ["fr"],
    );
    // the same audit row as one by one, plus the action itself
    const audits = await t.db
      .selectFrom("audit_log")
      .select(["action", "object_id"])
      .where("action", "in", ["side_event_proposal.accepted", "side_event_proposals.decided_together"])
      .where("object_id", "in", [...w.ids, w.session.id])
      .execute();
    assert.equal(audits.length, 2);
  });

  test("several ticked proposals rejected together, with a mail each; the page answers 303", async () => {
    const w = await world();
    const [, a, b, c] = w.ids as [string, string, string, string];
    const res = await w.sec.post(
      `/api/v1/sessions/${w.session.slug}/side-event-decisions`,
      { proposalIds: [a, b], decision: "reject" },
      { "idempotency-key": "rej" },
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await mails("sideEvents.rejected", w.fp.email)).length, 2);
    const statuses = await t.db
      .selectFrom("side_event_proposals")
      .select(["id", "status"])
      .where("id", "in", [a, b, c])
      .execute();
    assert.deepEqual(Object.fromEntries(statuses.map((s) => [s.id, s.status])), {
      [a]: "rejected",
      [b]: "rejected",
      [c]: "submitted",
    });
    // a withdrawn proposal cannot be decided: nothing of the batch holds
    await t.db.updateTable("side_event_proposals").set({ status: "withdrawn" }).where("id", "=", a).execute();
    const mixed = await w.sec.post(
      `/api/v1/sessions/${w.session.slug}/side-event-decisions`,
      { proposalIds: [a, c], decision: "waitlist" },
      { "idempotency-key": "mixed" },
    );
    assert.equal(mixed.statusCode, 404);
    assert.equal(
      (
        await t.db
          .selectFrom("side_event_proposals")
          .select("status")
          .where("id", "=", c)
          .executeTakeFirstOrThrow()
      ).status,
      "submitted",
    );
    const page = await w.sec.page(`/sessions/${w.session.slug}/side-events/proposals`);
    assert.match(page.body, new RegExp(`form="bulk-decision" name="proposalId" value="${c}"`));
    const none = await w.sec.submit(`/sessions/${w.session.slug}/side-events/decisions`, {
      decision: "accept",
    });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Select at least one proposal/);
    const ok = await w.sec.submit(`/sessions/${w.session.slug}/side-events/decisions`, {
      proposalId: [c],
      decision: "waitlist",
    });
    assert.equal(ok.statusCode, 303, ok.body);
  });
});
