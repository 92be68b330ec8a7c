/** Expected answers of the merge routes for each person (see test/support/matrix.ts). */
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import type { TestContext } from "../../../test/support/harness.js";
import type { MatrixEntry, World } from "../../../test/support/matrix.js";
import { key, scenario, secretariatOnly } from "./side-events.matrix-world.js";

/** Two submitted proposals of one session: the world's organisation leads the first. */
async function pair(t: TestContext, w: World, merge = false) {
  const s = await scenario(t, w, { status: "submitted" });
  const first = await t.db
    .selectFrom("side_event_proposals")
    .selectAll()
    .where("id", "=", s.proposalId)
    .executeTakeFirstOrThrow();
  const other = await buildOrganisation(t.db, { focalPointId: (await buildUser(t.db)).id });
  const second = await t.db
    .insertInto("side_event_proposals")
    .values({
      call_id: first.call_id,
      session_id: first.session_id,
      lead_organisation_id: other.id,
      status: "submitted",
      title: JSON.stringify({ en: "Similar" }),
      abstract: JSON.stringify({ en: "Similar" }),
      format: "panel",
      languages: ["en"],
      expected_audience: 30,
      submitted_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  let mergeId = "";
  if (merge) {
    mergeId = (
      await t.db
        .insertInto("side_event_merges")
        .values({ session_id: first.session_id, survivor_id: first.id, absorbed_id: second.id })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await t.db
      .insertInto("side_event_merge_consents")
      .values([
        { merge_id: mergeId, organisation_id: w.org.id },
        { merge_id: mergeId, organisation_id: other.id },
      ])
      .execute();
  }
  return { ...s, survivorId: first.id, absorbedId: second.id, mergeId };
}

const parties = (status: number) => ({
  anonymous: 401,
  otherMember: 404,
  member: status,
  focalPoint: status,
  secretariat: status,
});
const focalPointOnly = (status: number) => ({
  anonymous: 401,
  otherMember: 404,
  member: 403,
  focalPoint: status,
  secretariat: 403,
});

export const mergeMatrix: MatrixEntry[] = [
  {
    method: "POST",
    route: "/api/v1/sessions/:slug/side-event-merges",
    setup: async (t, w) => {
      const p = await pair(t, w);
      return {
        url: `/api/v1/sessions/${p.session.slug}/side-event-merges`,
        body: { survivorId: p.survivorId, absorbedId: p.absorbedId },
        headers: key(),
      };
    },
    expect: secretariatOnly(201),
  },
  {
    method: "GET",
    route: "/api/v1/side-event-merges/:id",
    setup: async (t, w) => ({ url: `/api/v1/side-event-merges/${(await pair(t, w, true)).mergeId}` }),
    expect: parties(200),
  },
  {
    method: "POST",
    route: "/api/v1/side-event-merges/:id/consents/:org",
    setup: async (t, w) => ({
      url: `/api/v1/side-event-merges/${(await pair(t, w, true)).mergeId}/consents/${w.org.slug}`,
      body: { decision: "consent" },
    }),
    // the organisation's own focal point answers, not the secretariat (merge.test.ts)
    expect: focalPointOnly(200),
  },
  {
    method: "GET",
    route: "/sessions/:slug/side-events/merges",
    html: true,
    setup: async (t, w) => ({ url: `/sessions/${(await pair(t, w)).session.slug}/side-events/merges` }),
    expect: secretariatOnly(200),
  },
  {
    method: "POST",
    route: "/sessions/:slug/side-events/merges",
    html: true,
    setup: async (t, w) => {
      const p = await pair(t, w);
      return {
        url: `/sessions/${p.session.slug}/side-events/merges`,
        body: { survivorId: p.survivorId, absorbedId: p.absorbedId },
      };
    },
    expect: secretariatOnly(303),
  },
  {
    method: "GET",
    route: "/side-events/merges/:id",
    html: true,
    setup: async (t, w) => ({ url: `/side-events/merges/${(await pair(t, w, true)).mergeId}` }),
    expect: parties(200),
  },
  {
    method: "POST",
    route: "/side-events/merges/:id/consents/:org",
    html: true,
    setup: async (t, w) => ({
      url: `/side-events/merges/${(await pair(t, w, true)).mergeId}/consents/${w.org.slug}`,
      body: { decision: "decline" },
    }),
    expect: focalPointOnly(303),
  },
];
