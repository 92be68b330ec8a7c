import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ical from "node-ical";
import { TestClient } from "../../../test/support/client.js";
import { TestClock } from "../../../test/support/clock.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import { createTestApp, type TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";
import { combinedScore, computeCriteria, reviewScore } from "./side-events.criteria.js";
import { realPdf, tinyJpeg } from "./side-events.fixtures.js";

const MARKERS = ["ZQXNAME", "ZQXBIO", "ZQXAFFIL", "ZQXEXIF"];

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

  async function world() {
    clock.set("2012-08-01T09:00:00Z");
    const users = {
      sec: await buildUser(t.db, { roles: ["secretariat"] }),
      leadFp: await buildUser(t.db, { language: "fr" }),
      leadMember: await buildUser(t.db),
      co1Fp: await buildUser(t.db, { language: "ar" }),
      co2Fp: await buildUser(t.db, { language: "es" }),
      other: await buildUser(t.db),
      reviewer1: await buildUser(t.db, { roles: ["reviewer"] }),
      reviewer2: await buildUser(t.db, { roles: ["reviewer"] }),
      conflicted: await buildUser(t.db, { roles: ["reviewer"] }),
    };
    const lead = await buildOrganisation(t.db, {
      focalPointId: users.leadFp.id,
      memberIds: [users.leadMember.id],
      country: "TH",
      fieldsOfWork: ["victim-assistance"],
    });
    const co1 = await buildOrganisation(t.db, {
      focalPointId: users.co1Fp.id,
      memberIds: [users.conflicted.id],
      kind: "coalition",
      country: "US",
    });
    const co2 = await buildOrganisation(t.db, { focalPointId: users.co2Fp.id, country: "AT" });
    const otherOrg = await buildOrganisation(t.db, { focalPointId: users.other.id });
    const session = await buildSession(t.db, {
      cache: t.services.cache,
      agendaItems: [{ number: "2", title: { en: "Trafficking in persons" } }],
      rooms: [{ name: "M1", capacity: 80 }],
      timeSlots: [
        { date: "2012-10-16", start: "13:15", end: "14:45" },
        { date: "2012-10-17", start: "13:15", end: "14:45" },
      ],
    });
    for (const org of [lead, co1, co2, otherOrg])
      await t.db
        .insertInto("observer_applications")
        .values({
          session_id: session.id,
          organisation_id: org.id,
          path: "ecosoc",
          status: "admitted",
          relevance: "r",
          submitted_at: new Date(),
        })
        .execute();
    const c = {
      sec: await TestClient.as(t, users.sec.id),
      lead: await TestClient.as(t, users.leadMember.id),
      leadFp: await TestClient.as(t, users.leadFp.id),
      co1: await TestClient.as(t, users.co1Fp.id),
      co2: await TestClient.as(t, users.co2Fp.id),
      other: await TestClient.as(t, users.other.id),
      r1: await TestClient.as(t, users.reviewer1.id),
      r2: await TestClient.as(t, users.reviewer2.id),
      anon: TestClient.anonymous(t),
    };
    const call = await c.sec.request("PUT", `/api/v1/sessions/${session.slug}/side-event-call`, {
      json: {
        deadline: "2012-09-14T23:59:00+02:00",
        formats: ["panel", "workshop"],
        slotMinutes: 90,
        maxProposalsPerOrganisation: 2,
        criteria: [
          { code: "relevance", label: { en: "Relevance to the agenda" }, weight: 3 },
          { code: "quality", label: { en: "Quality of the panel" }, weight: 1 },
        ],
      },
    });
    assert.equal(call.statusCode, 200, call.body);
    return { users, lead, co1, co2, otherOrg, session, c };
  }
  type W = Awaited<ReturnType<typeof world>>;

  const draft = async (w: W, client = w.c.lead) => {
    const res = await client.post(
      `/api/v1/organisations/${w.lead.slug}/sessions/${w.session.slug}/side-event-proposals`,
      {
        title: {
          en: "Learning from victims of crime for a better criminal justice response",
          fr: "Apprendre des victimes",
        },
        abstract: { en: "Victims' voices for policy makers." },
        agendaItemIds: [w.session.agendaItems[0]!.id],
        themes: ["victim-assistance"],
        format: "panel",
        languages: ["en", "fr"],
        interpretation: ["ar"],
        expectedAudience: 60,
        equipment: ["projector"],
        preferredSlotIds: [w.session.timeSlots[0]!.id],
        impossibleSlotIds: [w.session.timeSlots[1]!.id],
      },
    );
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const addPanel = async (w: W, id: string) => {
    const url = `/api/v1/side-event-proposals/${id}/panellists`;
    let r = await w.c.lead.post(url, {
      name: "Maria Open",
      affiliation: "EXIT",
      gender: "female",
      country: "AT",
      role: "Moderator",
      consentToPublish: true,
    });
    assert.equal(r.statusCode, 200, r.body);
    r = await w.c.lead.post(url, {
      name: `Arben ${MARKERS[0]}`,
      affiliation: `Tirana Bar ${MARKERS[2]}`,
      gender: "male",
      country: "AL",
      bio: `Lawyer ${MARKERS[1]}`,
      role: "Asylum seeker, lawyer",
      consentToPublish: false,
      protection: "asylum_seeker",
      pseudonym: "Speaker A",
    });
    assert.equal(r.statusCode, 200, r.body);
    r = await w.c.lead.post(url, {
      name: `Boy ${MARKERS[0]}`,
      gender: "male",
      country: "AF",
      bio: `Young ${MARKERS[1]}`,
      role: "Young asylum seeker",
      consentToPublish: false,
      minor: true,
      pseudonym: "Speaker B",
    });
    assert.equal(r.statusCode, 200, r.body);
    return r.json();
  };
  const coorganise = async (w: W, id: string) => {
    for (const org of [w.co1, w.co2])
      assert.equal(
        (await w.c.lead.post(`/api/v1/side-event-proposals/${id}/co-organisers`, { organisation: org.slug }))
          .statusCode,
        200,
      );
  };
  const confirm = async (w: W, id: string) => {
    for (const [client, org] of [
      [w.c.co1, w.co1],
      [w.c.co2, w.co2],
    ] as const) {
      const r = await client.post(`/api/v1/side-event-proposals/${id}/co-organisers/${org.slug}/response`, {
        decision: "confirm",
      });
      assert.equal(r.statusCode, 200, r.body);
    }
  };
  const submit = (w: W, id: string, key = `k-${id}`) =>
    w.c.lead.post(`/api/v1/side-event-proposals/${id}/submit`, {}, { "idempotency-key": key });

  const responses: Array<{ who: string; url: string; body: string }> = [];

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

    const params: Record<string, string> = {
      slug: w.session.slug,
      org: w.lead.slug,
      id,
      panellistId: protectedId,
      materialId: material.json().id,
      token: "unknown-token",
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
