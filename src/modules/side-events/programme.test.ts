import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { TestClient } from "../../../test/support/client.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";

describe("the public programme: pages of 50, cached bodies dropped by every change", () => {
  let t: TestContext;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test("60 events: two pages (API and page), ETag and 304, a withdrawal seen at once", async () => {
    const fp = await buildUser(t.db);
    const lead = await buildOrganisation(t.db, { focalPointId: fp.id });
    const session = await buildSession(t.db, {
      cache: t.services.cache,
      timeSlots: [{ date: "2012-10-16", start: "13:15", end: "14:45" }],
    });
    const call = await t.db
      .insertInto("side_event_calls")
      .values({
        session_id: session.id,
        deadline: new Date("2012-09-01T00:00:00Z"),
        formats: ["panel"],
        slot_minutes: 90,
        max_proposals_per_organisation: 100,
        criteria: JSON.stringify([{ code: "relevance", label: { en: "Relevance" }, weight: 1 }]),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ids = (
      await t.db
        .insertInto("side_event_proposals")
        .values(
          Array.from({ length: 60 }, (_, i) => ({
            call_id: call.id,
            session_id: session.id,
            lead_organisation_id: lead.id,
            status: "accepted" as const,
            title: JSON.stringify({ en: `Event ${i + 1}` }),
            abstract: JSON.stringify({ en: "A" }),
            format: "panel" as const,
            languages: ["en"],
            expected_audience: 40,
            time_slot_id: session.timeSlots[0]!.id,
          })),
        )
        .returning("id")
        .execute()
    ).map((r) => r.id);
    const anon = TestClient.anonymous(t);
    const api = `/api/v1/sessions/${session.slug}/side-events`;
    const first = await anon.get(api);
    assert.equal(first.statusCode, 200);
    assert.deepEqual(
      {
        n: first.json().items.length,
        page: first.json().page,
        pages: first.json().pages,
        total: first.json().total,
      },
      { n: 50, page: 1, pages: 2, total: 60 },
    );
    assert.equal((await anon.get(`${api}?page=2`)).json().items.length, 10);
    const etag = String(first.headers.etag);
    assert.equal((await anon.request("GET", api, { headers: { "if-none-match": etag } })).statusCode, 304);
    // compressed once when cached, sent to the clients that accept it: the same JSON
    for (const [encoding, decode] of [
      ["br", brotliDecompressSync],
      ["gzip", gunzipSync],
    ] as const) {
      const packed = await anon.get(api, { "accept-encoding": `${encoding}, deflate` });
      assert.equal(packed.headers["content-encoding"], encoding);
      assert.equal(packed.headers.etag, etag);
      assert.ok(packed.rawPayload.length < first.rawPayload.length / 3);
      assert.equal(decode(packed.rawPayload).toString(), first.body);
    }
    const page = await anon.page(`/sessions/${session.slug}/programme`);
    assert.match(page.body, /60 side events · page 1 of 2/);
    assert.match(page.body, /rel="next"/);
    assert.match((await anon.page(`/sessions/${session.slug}/programme?page=2`)).body, /rel="prev"/);

    // the lead withdraws an event: the cached answers are dropped at commit
    const withdrawn = await (await TestClient.as(t, fp.id)).post(
      `/api/v1/side-event-proposals/${ids[0]}/withdraw`,
    );
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    const after = await anon.get(api);
    assert.equal(after.json().total, 59);
    assert.notEqual(after.headers.etag, etag);
    assert.match((await anon.page(`/sessions/${session.slug}/programme`)).body, /59 side events/);
  });
});
