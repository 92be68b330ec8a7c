import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ical from "node-ical";
import { TestClient } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { combinedScore, computeCriteria, reviewScore } from "./side-events.criteria.js";
import { sideEventWorld } from "./side-events.test-world.js";

describe("computed criteria (no I/O)", () => {
  test("joint event, coalition, gender balance, regional spread, survivors' voices", () => {
    const c = computeCriteria({
      organisers: [
        { name: "GAATW", kind: "coalition", regionalGroup: "Asia-Pacific" },
        { name: "ACUNS", kind: "ngo", regionalGroup: "GRULAC" },
        { name: "EXIT", kind: "ngo", regionalGroup: "WEOG" },
      ],
      panellists: [
        { gender: "male", country: "AL", protection: "asylum_seeker" },
        { gender: "female", country: "AF", protection: "minor" },
      ],
    });
    const by = Object.fromEntries(c.map((x) => [x.code, x]));
    assert.equal(by.joint_event?.value, 1);
    assert.match(by.joint_event?.evidence ?? "", /3 organiser/);
    assert.equal(by.coalition?.value, 1);
    assert.equal(by.gender_balance?.value, 1);
    // Asia-Pacific, GRULAC, WEOG + Albania (Eastern European)
    assert.equal(by.regional_spread?.value, 0.8);
    assert.equal(by.survivor_voices?.value, 1);
    assert.equal(
      reviewScore({ a: 5, b: 0 }, [
        { code: "a", weight: 3 },
        { code: "b", weight: 1 },
      ]),
      75,
    );
    assert.equal(combinedScore(50, c, 50).score, (50 + 96) / 2);
  });
});

describe("side events", () => {
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

  test("the whole path: call, draft, co-organisers, panellists, submission, review, selection, programme, iCalendar", async () => {
    const w = await world();
    const id = await draft(w);
    // drafts: organisers only
    assert.equal((await w.c.other.get(`/api/v1/side-event-proposals/${id}`)).statusCode, 404);
    assert.equal((await w.c.r1.get(`/api/v1/side-event-proposals/${id}`)).statusCode, 404);
    assert.equal((await w.c.anon.get(`/api/v1/side-event-proposals/${id}`)).statusCode, 401);
    await coorganise(w, id);
    assert.equal(
      (
        await w.c.lead.post(`/api/v1/side-event-proposals/${id}/co-organisers`, { organisation: w.lead.slug })
      ).json().code,
      "SIDE_EVENT_COORGANISER_SELF",
    );
    const invited = await w.c.lead.post(`/api/v1/side-event-proposals/${id}/co-organisers`, {
      name: "Permanent Mission of Austria",
      email: "mission@example.org",
      kind: "member_state",
    });
    assert.equal(invited.statusCode, 200, invited.body);
    assert.ok(
      await t.db
        .selectFrom("mail_outbox")
        .select("id")
        .where("to_address", "=", "mission@example.org")
        .executeTakeFirst(),
    );
    await addPanel(w, id);
    // no submission without an Idempotency-Key, nor before every co-organiser confirmed
    assert.equal((await w.c.lead.post(`/api/v1/side-event-proposals/${id}/submit`)).statusCode, 428);
    assert.equal((await submit(w, id, "early")).json().code, "SIDE_EVENT_COORGANISERS_PENDING");
    // a member (not focal point) of a co-organiser cannot answer for it
    assert.equal(
      (
        await w.c.lead.post(`/api/v1/side-event-proposals/${id}/co-organisers/${w.co1.slug}/response`, {
          decision: "confirm",
        })
      ).statusCode,
      404,
    );
    await confirm(w, id);
    const co1View = (await w.c.co1.get(`/api/v1/side-event-proposals/${id}`)).json();
    assert.equal(co1View.panellists[1].name, null);
    assert.equal(co1View.panellists[1].pseudonym, "Speaker A");
    const first = await submit(w, id);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().status, "submitted");
    const again = await submit(w, id);
    assert.equal(again.headers["idempotent-replayed"], "true");
    assert.equal(again.body, first.body);

    // identity: lead organiser and secretariat only, audited
    const protectedId = co1View.panellists[1].id;
    const identityUrl = `/api/v1/side-event-proposals/${id}/panellists/${protectedId}/identity`;
    assert.equal((await w.c.co1.get(identityUrl)).statusCode, 403);
    assert.equal((await w.c.other.get(identityUrl)).statusCode, 404);
    const identity = await w.c.lead.get(identityUrl);
    assert.equal(identity.statusCode, 200);
    assert.match(identity.json().name, /^Arben/);
    assert.equal((await w.c.sec.get(identityUrl)).statusCode, 200);
    const viewed = await t.db
      .selectFrom("audit_log")
      .select("actor_id")
      .where("action", "=", "panellist.identity_viewed")
      .where("object_id", "=", protectedId)
      .execute();
    assert.deepEqual(viewed.map((v) => v.actor_id).sort(), [w.users.leadMember.id, w.users.sec.id].sort());

    // review: conflict refused with its reason; score visibility
    const conflict = await w.c.sec.post(`/api/v1/side-event-proposals/${id}/reviewers`, {
      userId: w.users.conflicted.id,
    });
    assert.equal(conflict.statusCode, 409);
    assert.equal(conflict.json().code, "SIDE_EVENT_REVIEWER_CONFLICT");
    assert.match(conflict.json().detail, new RegExp(w.co1.name));
    assert.equal(
      (
        await w.c.sec.post(`/api/v1/side-event-proposals/${id}/reviewers`, { userId: w.users.other.id })
      ).json().code,
      "SIDE_EVENT_NOT_A_REVIEWER",
    );
    for (const r of [w.users.reviewer1, w.users.reviewer2])
      assert.equal(
        (await w.c.sec.post(`/api/v1/side-event-proposals/${id}/reviewers`, { userId: r.id })).statusCode,
        200,
      );
    const rView = (await w.c.r1.get(`/api/v1/side-event-proposals/${id}`)).json();
    assert.equal(rView.panellists[2].name, null);
    assert.equal(
      (
        await w.c.r1.request("PUT", `/api/v1/side-event-proposals/${id}/review`, {
          json: { scores: { relevance: 5 } },
        })
      ).json().code,
      "SIDE_EVENT_SCORES_INVALID",
    );
    assert.equal(
      (
        await w.c.r1.request("PUT", `/api/v1/side-event-proposals/${id}/review`, {
          json: { scores: { relevance: 5, quality: 4 }, comment: "Strong" },
        })
      ).statusCode,
      200,
    );
    const before = await w.c.r2.get(`/api/v1/side-event-proposals/${id}/reviews`);
    assert.equal(before.statusCode, 403);
    assert.equal(before.json().code, "SIDE_EVENT_SCORE_FIRST");
    await w.c.r2.request("PUT", `/api/v1/side-event-proposals/${id}/review`, {
      json: { scores: { relevance: 3, quality: 3 } },
    });
    const seen = (await w.c.r2.get(`/api/v1/side-event-proposals/${id}/reviews`)).json();
    assert.equal(seen.items.length, 2);
    assert.equal((await w.c.lead.get(`/api/v1/side-event-proposals/${id}/reviews`)).statusCode, 403);

    const ranking = (await w.c.sec.get(`/api/v1/sessions/${w.session.slug}/side-event-ranking`)).json();
    assert.equal(ranking.items[0].id, id);
    const criteria = Object.fromEntries(
      ranking.items[0].computed.map((c: { code: string; value: number }) => [c.code, c.value]),
    );
    assert.equal(criteria.joint_event, 1);
    assert.equal(criteria.coalition, 1);
    assert.equal(criteria.survivor_voices, 1);

    // select: accept with slot and room; mails to every organiser in their language
    const accepted = await w.c.sec.post(`/api/v1/side-event-proposals/${id}/decision`, {
      decision: "accept",
      timeSlotId: w.session.timeSlots[0]!.id,
      roomId: w.session.rooms[0]!.id,
    });
    assert.equal(accepted.json().status, "accepted");
    const mails = await t.db
      .selectFrom("mail_outbox")
      .selectAll()
      .where("template", "=", "sideEvents.accepted")
      .execute();
    const to = new Map(mails.map((m) => [m.to_address, m.language]));
    assert.equal(to.get(w.users.leadFp.email), "fr");
    assert.equal(to.get(w.users.co1Fp.email), "ar");
    assert.equal(to.get(w.users.co2Fp.email), "es");

    // the public programme, filters, the event, iCalendar
    const programme = (await w.c.anon.get(`/api/v1/sessions/${w.session.slug}/side-events`)).json();
    assert.equal(programme.items.length, 1);
    const ev = programme.items[0];
    assert.deepEqual(
      ev.panellists.map((p: { name: string | null; pseudonym: string | null }) => p.name ?? p.pseudonym),
      ["Maria Open", "Speaker A", "Speaker B"],
    );
    assert.equal(
      (await w.c.anon.get(`/api/v1/sessions/${w.session.slug}/side-events?day=2012-10-17`)).json().items
        .length,
      0,
    );
    assert.equal(
      (await w.c.anon.get(`/api/v1/sessions/${w.session.slug}/side-events?day=2012-10-16`)).json().items
        .length,
      1,
    );
    assert.equal(
      (await w.c.anon.get(`/api/v1/sessions/${w.session.slug}/side-events?theme=human-rights`)).json().items
        .length,
      0,
    );
    assert.equal(
      (await w.c.anon.get(`/api/v1/sessions/${w.session.slug}/side-events?organiser=${w.co2.slug}`)).json()
        .items.length,
      1,
    );
    assert.equal(
      (await w.c.anon.get(`/api/v1/sessions/${w.session.slug}/side-events?language=zh`)).json().items.length,
      0,
    );
    const page = await w.c.anon.page(`/sessions/${w.session.slug}/programme/${id}?lang=ar`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Speaker A/);
    assert.match(page.body, /dir="rtl"/);
    const feed = await w.c.anon.get(`/api/v1/sessions/${w.session.slug}/side-events.ics`);
    assert.match(String(feed.headers["content-type"]), /^text\/calendar/);
    const parsed = Object.values(ical.sync.parseICS(feed.body)).filter(
      (e) => e?.type === "VEVENT",
    ) as ical.VEvent[];
    assert.equal(parsed.length, 1);
    assert.equal(new Date(parsed[0]!.start).toISOString(), "2012-10-16T11:15:00.000Z");
    assert.match(String(parsed[0]!.summary), /Learning from victims/);
    const one = ical.sync.parseICS(
      (await w.c.anon.get(`/api/v1/sessions/${w.session.slug}/side-events/${id}/event.ics`)).body,
    );
    assert.equal(Object.values(one).filter((e) => e?.type === "VEVENT").length, 1);
  });

  test("the deadline: no draft or submission after it (SIDE_EVENT_DEADLINE_PASSED)", async () => {
    const w = await world();
    const id = await draft(w);
    await addPanel(w, id);
    clock.set("2012-09-15T00:00:00Z");
    w.c.lead = await TestClient.as(t, w.users.leadMember.id);
    const late = await submit(w, id);
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().code, "SIDE_EVENT_DEADLINE_PASSED");
    const res = await w.c.lead.post(
      `/api/v1/organisations/${w.lead.slug}/sessions/${w.session.slug}/side-event-proposals`,
      {
        title: { en: "Late" },
        abstract: { en: "Late" },
        format: "panel",
        languages: ["en"],
        expectedAudience: 10,
      },
    );
    assert.equal(res.json().code, "SIDE_EVENT_DEADLINE_PASSED");
  });

  test("eligibility: an organiser not admitted as an observer blocks submission", async () => {
    const w = await world();
    const id = await draft(w);
    await addPanel(w, id);
    await coorganise(w, id);
    await confirm(w, id);
    await t.db.deleteFrom("observer_applications").where("organisation_id", "=", w.co2.id).execute();
    const res = await submit(w, id);
    assert.equal(res.json().code, "SIDE_EVENT_ORGANISER_NOT_ELIGIBLE");
    assert.match(res.json().detail, new RegExp(w.co2.name));
  });

  test("a withdrawal promotes the first wait-listed proposal into its place, with a mail", async () => {
    const w = await world();
    const ids: string[] = [];
    for (const client of [w.c.lead, w.c.leadFp]) {
      const id = await draft(w, client);
      await addPanel(w, id);
      assert.equal((await submit(w, id)).statusCode, 200);
      ids.push(id);
    }
    const third = await draft(w);
    await addPanel(w, third);
    assert.equal((await submit(w, third)).json().code, "SIDE_EVENT_PROPOSAL_LIMIT");
    const [a, b] = ids as [string, string];
    await w.c.sec.post(`/api/v1/side-event-proposals/${a}/decision`, {
      decision: "accept",
      timeSlotId: w.session.timeSlots[1]!.id,
    });
    await w.c.sec.post(`/api/v1/side-event-proposals/${b}/decision`, { decision: "waitlist" });
    const out = await w.c.lead.post(`/api/v1/side-event-proposals/${a}/withdraw`);
    assert.equal(out.json().status, "withdrawn");
    const promoted = (await w.c.sec.get(`/api/v1/side-event-proposals/${b}`)).json();
    assert.equal(promoted.status, "accepted");
    const mail = await t.db
      .selectFrom("mail_outbox")
      .select("language")
      .where("template", "=", "sideEvents.promoted")
      .where("to_address", "=", w.users.leadFp.email)
      .executeTakeFirst();
    assert.equal(mail?.language, "fr");
    const programme = (
      await w.c.anon.get(`/api/v1/sessions/${w.session.slug}/side-events?day=2012-10-17`)
    ).json();
    assert.deepEqual(
      programme.items.map((e: { id: string }) => e.id),
      [b],
    );
  });

  test("pages: the proposal form re-renders with typed values and translated errors; 303 on success", async () => {
    const w = await world();
    const url = `/organisations/${w.lead.slug}/sessions/${w.session.slug}/side-events/new`;
    assert.equal((await w.c.lead.page(url)).statusCode, 200);
    assert.equal((await w.c.other.page(url)).statusCode, 404);
    const bad = await w.c.lead.submit(`${url}?lang=fr`, {
      textLanguage: "fr",
      title: "Mon titre",
      abstract: "",
      expectedAudience: "20",
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Mon titre/);
    const ok = await w.c.lead.submit(url, {
      textLanguage: "en",
      title: "Page title",
      abstract: "Page abstract",
      format: "workshop",
      languages: ["en"],
      expectedAudience: "20",
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const proposalUrl = String(ok.headers.location);
    assert.equal((await w.c.lead.page(proposalUrl)).statusCode, 200);
    const refused = await w.c.lead.submit(`${proposalUrl}/submit`, {});
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /class="field-error" role="alert"/);
  });
});
