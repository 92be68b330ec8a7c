/**
 * The world the side-events tests build on: users in their languages, a lead organisation with two
 * co-organisers and another, a session with an agenda item, a room and two slots, observers
 * admitted, the call open; and the steps of a proposal (draft, panel with protected panellists
 * carrying the canary markers, co-organisers, confirmation, submission).
 */
import assert from "node:assert/strict";
import { TestClient } from "../../../test/support/client.js";
import type { TestClock } from "../../../test/support/clock.js";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import type { TestContext } from "../../../test/support/harness.js";
import { buildSession } from "../sessions/sessions.builders.js";

/** Strings seeded in protected panellists' name, bio, affiliation and photo metadata. */
export const MARKERS = ["ZQXNAME", "ZQXBIO", "ZQXAFFIL", "ZQXEXIF"];

export function sideEventWorld(ctx: () => TestContext, clock: TestClock) {
  async function world() {
    const t = ctx();
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
  return { world, draft, addPanel, coorganise, confirm, submit };
}
