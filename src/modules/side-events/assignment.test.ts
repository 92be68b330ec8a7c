import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../../test/support/client.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";

describe("reviewer assignment proposed by Convene", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function world() {
    const sec = await buildUser(t.db, { roles: ["secretariat"] });
    const ana = await buildUser(t.db, { roles: ["reviewer"], language: "fr", name: "Ana" });
    const ben = await buildUser(t.db, { roles: ["reviewer"], language: "ar", name: "Ben" });
    const chen = await buildUser(t.db, { roles: ["reviewer"], language: "zh", name: "Chen" });
    const exit = await buildOrganisation(t.db, {
      focalPointId: (await buildUser(t.db)).id,
      memberIds: [ana.id],
    });
    const other = await buildOrganisation(t.db, { focalPointId: (await buildUser(t.db)).id });
    const session = await buildSession(t.db, { cache: t.services.cache });
    const call = await t.db
      .insertInto("side_event_calls")
      .values({
        session_id: session.id,
        deadline: new Date("2099-09-01T00:00:00Z"),
        formats: ["panel"],
        slot_minutes: 90,
        max_proposals_per_organisation: 5,
        criteria: JSON.stringify([{ code: "relevance", label: { en: "Relevance" }, weight: 1 }]),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const propose = async (title: string, lead: string, themes: string[]) =>
      (
        await t.db
          .insertInto("side_event_proposals")
          .values({
            call_id: call.id,
            session_id: session.id,
            lead_organisation_id: lead,
            status: "submitted",
            title: JSON.stringify({ en: title }),
            abstract: JSON.stringify({ en: "A" }),
            format: "panel",
            languages: ["en"],
            expected_audience: 40,
            themes,
            submitted_at: new Date(),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const p1 = await propose("Victims' voices", other.id, ["victim-assistance"]);
    await t.db
      .insertInto("side_event_coorganisers")
      .values({ proposal_id: p1, organisation_id: exit.id, status: "confirmed" })
      .execute();
    const p2 = await propose("Cybercrime", other.id, ["cybercrime"]);
    const p3 = await propose("Firearms", other.id, ["firearms"]);
    return {
      session,
      ids: { p1, p2, p3 },
      users: { ana, ben, chen },
      c: {
        sec: await TestClient.as(t, sec.id),
        ben: await TestClient.as(t, ben.id),
        chen: await TestClient.as(t, chen.id),
      },
    };
  }

  test("proposed, conflict respected, adjusted, confirmed with audit and mails in each reviewer's language", async () => {
    const w = await world();
    // only this session's proposals and this test's reviewers count: other tests' reviewers are disabled
    await t.db
      .updateTable("users")
      .set({ disabled_at: new Date() })
      .where(
        "id",
        "not in",
        Object.values(w.users).map((u) => u.id),
      )
      .where((eb) => eb(eb.val("reviewer"), "=", eb.fn.any("roles")))
      .execute();
    assert.equal(
      (await w.c.ben.request("PUT", "/api/v1/me/reviewer-expertise", { json: { themes: ["cybercrime"] } }))
        .statusCode,
      200,
    );
    await w.c.chen.request("PUT", "/api/v1/me/reviewer-expertise", { json: { themes: ["firearms"] } });
    const url = `/api/v1/sessions/${w.session.slug}/reviewer-assignment`;
    const proposal = (await w.c.sec.get(`${url}?perProposal=2&expertise=prefer`)).json();
    assert.equal(proposal.feasible, true, JSON.stringify(proposal));
    const pairs = proposal.assignments.map(
      (a: { proposalId: string; reviewerId: string }) => `${a.proposalId}|${a.reviewerId}`,
    );
    const { p1, p2, p3 } = w.ids;
    const { ana, ben, chen } = w.users;
    assert.deepEqual(
      pairs.sort(),
      [
        `${p1}|${ben.id}`,
        `${p1}|${chen.id}`,
        `${p2}|${ana.id}`,
        `${p2}|${ben.id}`,
        `${p3}|${ana.id}`,
        `${p3}|${chen.id}`,
      ].sort(),
    );
    assert.deepEqual(
      proposal.reviewers.map((r: { load: number }) => r.load),
      [2, 2, 2],
    );
    // the secretariat adjusts: a conflicted pair is refused with its reason
    const refused = await w.c.sec.post(
      url,
      { assignments: [{ proposalId: p1, reviewerId: ana.id }] },
      { "idempotency-key": "conflict" },
    );
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, "SIDE_EVENT_REVIEWER_CONFLICT");
    assert.match(refused.json().detail, /Ana/);
    assert.equal((await w.c.sec.post(url, { assignments: proposal.assignments })).statusCode, 428);
    const ok = await w.c.sec.post(url, { assignments: proposal.assignments }, { "idempotency-key": "go" });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().assigned, 6);
    const mails = await t.db
      .selectFrom("mail_outbox")
      .select(["to_address", "language", "text_body"])
      .where("template", "=", "sideEvents.reviewsAssigned")
      .execute();
    assert.deepEqual(mails.map((m) => m.language).sort(), ["ar", "fr", "zh"]);
    assert.ok(mails.every((m) => m.text_body.includes("/side-events/reviews")));
    const audits = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "in", ["side_event_reviewer.assigned", "side_event_review_assignment.confirmed"])
      .execute();
    assert.equal(audits.length, 7);
    // everything assigned: nothing more is proposed, and the existing pairs count
    const again = (await w.c.sec.get(`${url}?perProposal=2`)).json();
    assert.equal(again.assignments.length, 0);
    assert.equal(again.existing.length, 6);
    // three reviewers per proposal cannot be: Ana is conflicted for p1 — said in words
    const three = (await w.c.sec.get(`${url}?perProposal=3&lang=fr`)).json();
    assert.equal(three.feasible, false);
    assert.equal(three.reasons.length, 1);
    assert.match(three.reasons[0], /Victims' voices.*3.*2/);
    assert.match(three.reasons[0], /Ana/);
    const page = await w.c.sec.page(
      `/sessions/${w.session.slug}/side-events/reviewer-assignment?perProposal=3`,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /seuls 2 peuvent/); // the language chosen last (lang=fr) stays
    await t.db.updateTable("users").set({ disabled_at: null }).where("disabled_at", "is not", null).execute();
  });

  test("the page: tick, untick, confirm (303)", async () => {
    const w = await world();
    const page = await w.c.sec.page(
      `/sessions/${w.session.slug}/side-events/reviewer-assignment?perProposal=1`,
    );
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /type="checkbox"/);
    const done = await w.c.sec.submit(`/sessions/${w.session.slug}/side-events/reviewer-assignment`, {
      pair: [`${w.ids.p2}|${w.users.ben.id}`, `${w.ids.p3}|${w.users.chen.id}`],
    });
    assert.equal(done.statusCode, 303, done.body);
    const bad = await w.c.sec.submit(`/sessions/${w.session.slug}/side-events/reviewer-assignment`, {
      pair: `${w.ids.p1}|${w.users.ana.id}`,
    });
    assert.equal(bad.statusCode, 409);
    assert.match(bad.body, /role="alert"/);
  });
});
