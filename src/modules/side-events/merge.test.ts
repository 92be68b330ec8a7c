import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../../test/support/client.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";

const MARK = "ZQXMERGE";

describe("merging two similar proposals with their organisers' consent", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function world() {
    const u = {
      sec: await buildUser(t.db, { roles: ["secretariat"] }),
      a: await buildUser(t.db, { language: "fr" }),
      b: await buildUser(t.db, { language: "es" }),
      c: await buildUser(t.db, { language: "ar" }),
      other: await buildUser(t.db),
    };
    const A = await buildOrganisation(t.db, { focalPointId: u.a.id });
    const B = await buildOrganisation(t.db, { focalPointId: u.b.id });
    const C = await buildOrganisation(t.db, { focalPointId: u.c.id });
    await buildOrganisation(t.db, { focalPointId: u.other.id });
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
    const propose = async (lead: string, title: string) =>
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
            submitted_at: new Date(),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const p1 = await propose(A.id, "Victims' voices");
    const p2 = await propose(B.id, "Survivors speak");
    await t.db
      .insertInto("side_event_coorganisers")
      .values({ proposal_id: p2, organisation_id: C.id, status: "confirmed" })
      .execute();
    await t.db
      .insertInto("side_event_panellists")
      .values([
        {
          proposal_id: p1,
          name: "Maria Open",
          gender: "female",
          role: "Moderator",
          consent_to_publish: true,
          consent_at: new Date(),
        },
        {
          proposal_id: p2,
          name: `Arben ${MARK}`,
          bio: `Bio ${MARK}`,
          gender: "male",
          role: "Asylum seeker",
          protection: "asylum_seeker",
          pseudonym: "Speaker A",
        },
      ])
      .execute();
    return {
      u,
      orgs: { A, B, C },
      session,
      p1,
      p2,
      c: {
        sec: await TestClient.as(t, u.sec.id),
        a: await TestClient.as(t, u.a.id),
        b: await TestClient.as(t, u.b.id),
        other: await TestClient.as(t, u.other.id),
      },
    };
  }
  const mailLangs = async (template: string) =>
    await t.db
      .selectFrom("mail_outbox")
      .select(["to_address", "language", "text_body"])
      .where("template", "=", template)
      .execute();

  test("proposed, both lead focal points consent, the other proposal is merged into the survivor", async () => {
    const w = await world();
    const res = await w.c.sec.post(
      `/api/v1/sessions/${w.session.slug}/side-event-merges`,
      { survivorId: w.p1, absorbedId: w.p2, note: "Same theme, same week" },
      { "idempotency-key": "merge-1" },
    );
    assert.equal(res.statusCode, 201, res.body);
    const m = res.json();
    assert.deepEqual(
      m.consents.map((c: { decision: string }) => c.decision),
      ["pending", "pending"],
    );
    assert.ok(!res.body.includes(MARK), "protected identity in the merge");
    assert.ok(
      m.panellists.some(
        (p: { pseudonym: string; name: null }) => p.pseudonym === "Speaker A" && p.name === null,
      ),
    );
    const proposed = await mailLangs("sideEvents.mergeProposed");
    assert.deepEqual(proposed.map((x) => x.language).sort(), ["es", "fr"]);
    // another merge of the same proposals while this one is open
    const again = await w.c.sec.post(
      `/api/v1/sessions/${w.session.slug}/side-event-merges`,
      { survivorId: w.p2, absorbedId: w.p1 },
      { "idempotency-key": "merge-2" },
    );
    assert.equal(again.json().code, "SIDE_EVENT_MERGE_OPEN");
    // parties only; the secretariat cannot consent for an organisation
    assert.equal((await w.c.other.get(`/api/v1/side-event-merges/${m.id}`)).statusCode, 404);
    const url = (org: string) => `/api/v1/side-event-merges/${m.id}/consents/${org}`;
    assert.equal((await w.c.sec.post(url(w.orgs.A.slug), { decision: "consent" })).statusCode, 403);
    assert.equal((await w.c.a.post(url(w.orgs.B.slug), { decision: "consent" })).statusCode, 403);
    const one = await w.c.a.post(url(w.orgs.A.slug), { decision: "consent" });
    assert.equal(one.json().status, "proposed");
    // the page offers B's focal point its buttons; the form answers 303
    const page = await w.c.b.page(`/side-events/merges/${m.id}`);
    assert.match(page.body, new RegExp(`/side-events/merges/${m.id}/consents/${w.orgs.B.slug}`));
    assert.ok(!page.body.includes(MARK));
    const done = await w.c.b.submit(`/side-events/merges/${m.id}/consents/${w.orgs.B.slug}`, {
      decision: "consent",
    });
    assert.equal(done.statusCode, 303, done.body);

    const absorbed = await t.db
      .selectFrom("side_event_proposals")
      .selectAll()
      .where("id", "=", w.p2)
      .executeTakeFirstOrThrow();
    assert.equal(absorbed.status, "merged");
    assert.equal(absorbed.merged_into, w.p1);
    const survivor = (await w.c.sec.get(`/api/v1/side-event-proposals/${w.p1}`)).json();
    assert.deepEqual(
      survivor.coorganisers
        .map((c: { organisation: { slug: string }; status: string }) => [c.organisation.slug, c.status])
        .sort(),
      [
        [w.orgs.B.slug, "confirmed"],
        [w.orgs.C.slug, "confirmed"],
      ].sort(),
    );
    assert.equal(survivor.panellists.length, 2);
    const moved = await t.db
      .selectFrom("side_event_panellists")
      .selectAll()
      .where("proposal_id", "=", w.p1)
      .orderBy("position")
      .execute();
    assert.equal(moved[1]?.protection, "asylum_seeker");
    assert.equal(moved[1]?.pseudonym, "Speaker A");
    // B's focal point is now a co-organiser of the survivor: pseudonym only, never the identity
    const asB = await w.c.b.get(`/api/v1/side-event-proposals/${w.p1}`);
    assert.equal(asB.statusCode, 200);
    assert.ok(!asB.body.includes(MARK));
    assert.equal(
      (await w.c.b.get(`/api/v1/side-event-proposals/${w.p1}/panellists/${moved[1]?.id}/identity`))
        .statusCode,
      403,
    );
    const merged = await mailLangs("sideEvents.merged");
    assert.deepEqual(merged.map((x) => x.language).sort(), ["ar", "es", "fr"]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("action", "like", "side_event_merge%")
      .execute();
    assert.ok(audit.length >= 3);
    const all = await t.db.selectFrom("audit_log").select(["before", "after"]).execute();
    assert.ok(!JSON.stringify(all).includes(MARK));
    for (const x of [...proposed, ...merged]) assert.ok(!x.text_body.includes(MARK));
  });

  test("one lead declines: both proposals continue, the organisers are told", async () => {
    const w = await world();
    const m = (
      await w.c.sec.post(
        `/api/v1/sessions/${w.session.slug}/side-event-merges`,
        { survivorId: w.p2, absorbedId: w.p1 },
        { "idempotency-key": "merge-d" },
      )
    ).json();
    const res = await w.c.a.post(`/api/v1/side-event-merges/${m.id}/consents/${w.orgs.A.slug}`, {
      decision: "decline",
    });
    assert.equal(res.json().status, "declined");
    const rows = await t.db
      .selectFrom("side_event_proposals")
      .select("status")
      .where("id", "in", [w.p1, w.p2])
      .execute();
    assert.deepEqual(
      rows.map((r) => r.status),
      ["submitted", "submitted"],
    );
    assert.ok((await mailLangs("sideEvents.mergeDeclined")).length >= 2);
    // the secretariat's page lists it
    const page = await w.c.sec.page(`/sessions/${w.session.slug}/side-events/merges`);
    assert.match(page.body, /declined/);
  });

  test("one event keeps one place: the survivor takes the absorbed event's, or the wait-list moves up", async () => {
    const w = await world();
    const setStatus = (id: string, status: "accepted" | "waitlisted") =>
      t.db
        .updateTable("side_event_proposals")
        .set({ status, waitlisted_at: status === "waitlisted" ? new Date() : null })
        .where("id", "=", id)
        .execute();
    const mergeAll = async (
      w: Awaited<ReturnType<typeof world>>,
      survivorId: string,
      absorbedId: string,
      key: string,
    ) => {
      const m = (
        await w.c.sec.post(
          `/api/v1/sessions/${w.session.slug}/side-event-merges`,
          { survivorId, absorbedId },
          { "idempotency-key": key },
        )
      ).json();
      await w.c.a.post(`/api/v1/side-event-merges/${m.id}/consents/${w.orgs.A.slug}`, {
        decision: "consent",
      });
      const done = await w.c.b.post(`/api/v1/side-event-merges/${m.id}/consents/${w.orgs.B.slug}`, {
        decision: "consent",
      });
      assert.equal(done.json().status, "merged", done.body);
    };
    const status = async (id: string) =>
      (
        await t.db
          .selectFrom("side_event_proposals")
          .select("status")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).status;
    // the absorbed event was accepted, the survivor only submitted: the survivor is accepted
    await setStatus(w.p2, "accepted");
    await mergeAll(w, w.p1, w.p2, "place-1");
    assert.equal(await status(w.p1), "accepted");
    // both accepted: the place the absorbed one leaves goes to the first wait-listed proposal
    const w2 = await world();
    await setStatus(w2.p1, "accepted");
    await setStatus(w2.p2, "accepted");
    const third = await t.db
      .insertInto("side_event_proposals")
      .values({
        call_id: (
          await t.db
            .selectFrom("side_event_proposals")
            .select("call_id")
            .where("id", "=", w2.p1)
            .executeTakeFirstOrThrow()
        ).call_id,
        session_id: w2.session.id,
        lead_organisation_id: w2.orgs.C.id,
        status: "waitlisted",
        waitlisted_at: new Date(),
        title: JSON.stringify({ en: "Waiting" }),
        abstract: JSON.stringify({ en: "A" }),
        format: "panel",
        languages: ["en"],
        expected_audience: 20,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await mergeAll(w2, w2.p1, w2.p2, "place-2");
    assert.equal(await status(w2.p1), "accepted");
    assert.equal(await status(third.id), "accepted");
  });
});
