/** The world the side-events matrix entries build on: a session with an open call, proposals, roles. */
import { randomBytes } from "node:crypto";
import { buildOrganisation, buildUser } from "../../../test/support/factories.js";
import type { TestContext } from "../../../test/support/harness.js";
import type { Role, World } from "../../../test/support/matrix.js";
import { buildSession } from "../sessions/sessions.builders.js";
import type { ProposalStatus } from "./side-events.tables.js";

export { everyone, secretariatOnly } from "../../../test/support/matrix.js";

export const organisers = (status: number): Record<Role, number> => ({
  anonymous: 401,
  otherMember: 404,
  member: status,
  focalPoint: status,
  secretariat: status,
});

/** A future session with an open call; with options, a proposal led by (or co-organised by) the world's organisation. */
export async function scenario(
  t: TestContext,
  world: World,
  options: { status?: ProposalStatus; coorganiser?: boolean } = {},
) {
  const session = await buildSession(t.db, {
    cache: t.services.cache,
    startsOn: "2099-10-12",
    endsOn: "2099-10-16",
    agendaItems: [{ number: "2", title: { en: "Trafficking" } }],
    timeSlots: [{ date: "2099-10-13", start: "13:15", end: "14:45" }],
  });
  const call = await t.db
    .insertInto("side_event_calls")
    .values({
      session_id: session.id,
      deadline: new Date("2099-09-01T00:00:00Z"),
      formats: ["panel", "workshop"],
      slot_minutes: 90,
      max_proposals_per_organisation: 5,
      criteria: JSON.stringify([{ code: "relevance", label: { en: "Relevance" }, weight: 1 }]),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("observer_applications")
    .values({
      session_id: session.id,
      organisation_id: world.org.id,
      path: "ecosoc",
      status: "admitted",
      relevance: "r",
      submitted_at: new Date(),
    })
    .execute();
  const base = { session, proposalId: "", panellistId: "", org: world.org };
  if (!options.status) return base;
  const lead = options.coorganiser
    ? await buildOrganisation(t.db, { focalPointId: (await buildUser(t.db)).id })
    : world.org;
  const p = await t.db
    .insertInto("side_event_proposals")
    .values({
      call_id: call.id,
      session_id: session.id,
      lead_organisation_id: lead.id,
      status: options.status,
      title: JSON.stringify({ en: "Event" }),
      abstract: JSON.stringify({ en: "Abstract" }),
      format: "panel",
      languages: ["en"],
      expected_audience: 40,
      submitted_at: options.status === "draft" ? null : new Date(),
      time_slot_id: options.status === "accepted" ? session.timeSlots[0]!.id : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (options.coorganiser)
    await t.db
      .insertInto("side_event_coorganisers")
      .values({ proposal_id: p.id, organisation_id: world.org.id, status: "pending" })
      .execute();
  const panellist = await t.db
    .insertInto("side_event_panellists")
    .values({
      proposal_id: p.id,
      name: "Hidden Name",
      gender: "male",
      role: "Survivor",
      protection: "survivor",
      pseudonym: "Speaker A",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ...base, proposalId: p.id, panellistId: panellist.id };
}

export const key = () => ({ "idempotency-key": randomBytes(8).toString("hex") });
export const proposalUrl = (s: { proposalId: string }) => `/api/v1/side-event-proposals/${s.proposalId}`;
