/**
 * The protected-identity canary: marker strings in protected panellists' name, bio, affiliation
 * and photo metadata must appear in no answer of any GET route, for any asker, in no answer of the
 * flow's mutations, in no stored file, mail, audit row or log line — except the identity and photo
 * routes, for the lead organiser and the secretariat.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestClient } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { realPdf, tinyJpeg } from "./side-events.fixtures.js";

const _MARKERS = ["ZQXNAME", "ZQXBIO", "ZQXAFFIL", "ZQXEXIF"];

import { MARKERS, sideEventWorld } from "./side-events.test-world.js";

describe("protected identity", () => {
  let t: TestContext;
  const logs: string[] = [];
  const clock = new TestClock(new Date("2012-08-01T09:00:00Z"));
  before(async () => {
    t = await createTestApp({
      clock,
      logger: { level: "trace", stream: { write: (line: string) => logs.push(line) } },
    });
  });
  after(() => t.close());
  const { world, draft, addPanel, coorganise, confirm, submit } = sideEventWorld(() => t, clock);
  const responses: Array<{ who: string; url: string; body: string }> = [];

  test("canary: a protected panellist's identity (name, bio, affiliation, photo metadata) appears nowhere it must not", async () => {
    const w = await world();
    // every answer of the whole flow is kept and searched, the mutations' answers too
    const seen = (who: string, client: TestClient) => {
      const request = client.request.bind(client);
      client.request = async (method, url, options) => {
        const res = await request(method, url, options);
        responses.push({ who, url: `${method} ${url}`, body: `${JSON.stringify(res.headers)}\n${res.body}` });
        return res;
      };
      return client;
    };
    for (const [who, client] of Object.entries(w.c)) seen(who, client);
    const id = await draft(w);
    await coorganise(w, id);
    await confirm(w, id);
    await addPanel(w, id);
    const proposal = (await w.c.sec.get(`/api/v1/side-event-proposals/${id}`)).json();
    const protectedId = proposal.panellists[1].id;
    // photos carrying the markers in their EXIF: the protected panellist's and an open one's
    for (const p of [proposal.panellists[0].id, protectedId]) {
      const res = await w.c.lead.request("PUT", `/api/v1/side-event-proposals/${id}/panellists/${p}/photo`, {
        json: await tinyJpeg(MARKERS[3]),
        headers: { "content-type": "image/jpeg" },
      });
      assert.equal(res.statusCode, 200, res.body);
    }
    assert.equal((await submit(w, id)).statusCode, 200);
    // a second, similar proposal by the same organisation, with its own protected panellists
    const twin = await draft(w);
    await addPanel(w, twin);
    assert.equal((await submit(w, twin)).statusCode, 200);
    // the reviewer assignment Convene proposes, confirmed; a review
    const proposed = (
      await w.c.sec.get(`/api/v1/sessions/${w.session.slug}/reviewer-assignment?perProposal=1`)
    ).json();
    assert.equal(proposed.feasible, true, JSON.stringify(proposed));
    await w.c.sec.post(
      `/api/v1/sessions/${w.session.slug}/reviewer-assignment`,
      { assignments: [{ proposalId: id, reviewerId: w.users.reviewer1.id }] },
      { "idempotency-key": `assign-${id}` },
    );
    await w.c.r1.request("PUT", `/api/v1/side-event-proposals/${id}/review`, {
      json: { scores: { relevance: 4, quality: 4 } },
    });
    // the twin merged into the first with the lead's consent: its panellists move, still protected
    const merge = await w.c.sec.post(
      `/api/v1/sessions/${w.session.slug}/side-event-merges`,
      { survivorId: id, absorbedId: twin },
      { "idempotency-key": `merge-${id}` },
    );
    assert.equal(merge.statusCode, 201, merge.body);
    const mergeId = merge.json().id as string;
    assert.equal(
      (
        await w.c.leadFp.post(`/api/v1/side-event-merges/${mergeId}/consents/${w.lead.slug}`, {
          decision: "consent",
        })
      ).json().status,
      "merged",
    );
    // accepted from the ranking in one action, placed, and held
    await w.c.sec.post(
      `/api/v1/sessions/${w.session.slug}/side-event-decisions`,
      { proposalIds: [id], decision: "accept" },
      { "idempotency-key": `bulk-${id}` },
    );
    await t.db
      .updateTable("side_event_proposals")
      .set({ time_slot_id: w.session.timeSlots[0]!.id, room_id: w.session.rooms[0]!.id })
      .where("id", "=", id)
      .execute();
    clock.set("2012-10-16T18:00:00Z");
    for (const [who, userId] of [
      ["lead", w.users.leadMember.id],
      ["leadFp", w.users.leadFp.id],
      ["co1", w.users.co1Fp.id],
      ["co2", w.users.co2Fp.id],
      ["other", w.users.other.id],
      ["r1", w.users.reviewer1.id],
      ["sec", w.users.sec.id],
    ] as const)
      w.c[who] = seen(who, await TestClient.as(t, userId));
    await w.c.lead.request("PUT", `/api/v1/side-event-proposals/${id}/report`, {
      json: { attendance: { total: 50 }, report: { en: "Two survivors spoke." } },
    });
    const material = await w.c.lead.request(
      "POST",
      `/api/v1/side-event-proposals/${id}/materials?title=Slides`,
      {
        json: await realPdf("Slides"),
        headers: { "content-type": "application/pdf" },
      },
    );
    assert.equal(material.statusCode, 201, material.body);

    // the protected panellist's private link, mailed: its page, JSON and feed are GET routes below
    const link = await w.c.lead.post(
      `/api/v1/side-event-proposals/${id}/panellists/${protectedId}/link`,
      { email: "speaker@example.org", language: "ar", keepAddress: true },
      { "idempotency-key": `link-${id}` },
    );
    assert.equal(link.statusCode, 201, link.body);
    const linkToken = new URL(link.json().url).pathname.split("/")[2]!;
    const opened = await w.c.anon.get(`/api/v1/panellists/${linkToken}`);
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json().you.pseudonym, "Speaker A");

    const params: Record<string, string> = {
      slug: w.session.slug,
      org: w.lead.slug,
      id,
      panellistId: protectedId,
      materialId: material.json().id,
      token: linkToken,
      kind: "rooms",
    };
    // the id a route means: a merge, a (protected) panellist, else the proposal
    const idFor = (route: string) =>
      route.includes("merges/:id") ? mergeId : route.includes("side-event-panellists/:id") ? protectedId : id;
    const gets = t.app.registeredRoutes.filter((r) => r.method === "GET").map((r) => r.url);
    assert.ok(gets.length >= 100, gets.join("\n"));
    const routes = [...new Set(gets)];
    const askers = ["anon", "co1", "r1", "other", "lead", "sec"] as const;
    for (const who of askers) {
      const client = w.c[who];
      for (const route of routes) {
        const url = route.replace(/:(\w+)/g, (_, name: string) =>
          name === "id" ? idFor(route) : (params[name] ?? name),
        );
        // the identity and the organisers' photo route: the places the lead and the secretariat read it
        if (
          (route.endsWith("/identity") || route.endsWith("/panellists/:panellistId/photo")) &&
          (who === "lead" || who === "sec")
        )
          continue;
        for (const accept of ["application/json", "text/html"])
          for (const lang of ["en", "ar"])
            await client.request("GET", `${url}${url.includes("?") ? "&" : "?"}lang=${lang}`, {
              headers: { accept },
            });
      }
    }
    const leaks = responses
      .filter((r) => MARKERS.some((m) => r.body.includes(m)))
      .filter(
        (r) =>
          !/(\/identity|\/panellists\/[0-9a-f-]+\/photo)/.test(r.url) ||
          !["lead", "leadFp", "sec"].includes(r.who),
      )
      .map((r) => `${r.who} ${r.url}`);
    assert.deepEqual(leaks, []);
    assert.ok(responses.length > 2000, String(responses.length));
    const files = await t.db.selectFrom("side_event_files").select("bytes").execute();
    for (const f of files) for (const k of MARKERS) assert.ok(!f.bytes.includes(k), "photo metadata kept");
    const mails = await t.db.selectFrom("mail_outbox").select(["subject", "text_body"]).execute();
    assert.ok(mails.length > 0);
    for (const m of mails)
      for (const k of MARKERS) assert.ok(!`${m.subject}${m.text_body}`.includes(k), "mail");
    const audits = await t.db.selectFrom("audit_log").select(["action", "before", "after"]).execute();
    for (const a of audits)
      for (const k of MARKERS) assert.ok(!JSON.stringify(a).includes(k), `audit ${a.action}`);
    for (const k of MARKERS) assert.ok(!logs.join("").includes(k), "log");
  });
});
