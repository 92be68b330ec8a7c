/** An organisation's proposals: drafting, listing and submission (after every co-organiser confirmed). */
import { requireOrganisationRole } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { AppError } from "../../platform/errors.js";
import { findOrganisationBySlug } from "../organisations/organisations.queries.js";
import { getSessionDetail, localized, type SessionDetail } from "../sessions/sessions.service.js";
import { type Call, getCall } from "./call.service.js";
import * as q from "./side-events.queries.js";
import type { ProposalCreate, ProposalPatch } from "./side-events.schemas.js";
import {
  auditView,
  field,
  getProposal,
  mailOrganisations,
  mutate,
  type Proposal,
  proposalForLead,
  type SeCtx,
} from "./side-events.service.js";
/** The proposals an organisation leads or co-organises (its members and the secretariat). */
export async function listOrganisationProposals(ctx: SeCtx, orgSlug: string) {
  const org = await findOrganisationBySlug(ctx.db, orgSlug);
  if (!org) throw new AppError("NOT_FOUND");
  await requireOrganisationRole(ctx, org.id);
  const rows = await ctx.db
    .selectFrom("side_event_proposals as p")
    .innerJoin("conference_sessions as s", "s.id", "p.session_id")
    .select(["p.id", "p.status", "p.title", "s.slug as session"])
    .where((eb) =>
      eb.or([
        eb("p.lead_organisation_id", "=", org.id),
        eb(
          "p.id",
          "in",
          eb
            .selectFrom("side_event_coorganisers")
            .select("proposal_id")
            .where("organisation_id", "=", org.id),
        ),
      ]),
    )
    .orderBy("p.created_at", "desc")
    .execute();
  return { org, items: rows };
}

// ---- drafting

function checkProposalFields(session: SessionDetail, call: Call, input: ProposalPatch) {
  if (input.format && !call.formats.includes(input.format))
    throw field("SIDE_EVENT_FORMAT_NOT_OFFERED", "format");
  const agenda = new Set(session.agendaItems.map((i) => i.id));
  if (input.agendaItemIds?.some((id) => !agenda.has(id)))
    throw field("SIDE_EVENT_UNKNOWN_ITEM", "agendaItemIds");
  const slots = new Set(session.timeSlots.map((s) => s.id));
  if (input.preferredSlotIds?.some((id) => !slots.has(id)))
    throw field("SIDE_EVENT_UNKNOWN_ITEM", "preferredSlotIds");
  if (input.impossibleSlotIds?.some((id) => !slots.has(id)))
    throw field("SIDE_EVENT_UNKNOWN_ITEM", "impossibleSlotIds");
  const impossible = new Set(input.impossibleSlotIds ?? []);
  if (input.preferredSlotIds?.some((id) => impossible.has(id)))
    throw field("VALIDATION_FAILED", "impossibleSlotIds");
}

const proposalColumns = (input: ProposalPatch) => ({
  title: input.title && JSON.stringify(input.title),
  abstract: input.abstract && JSON.stringify(input.abstract),
  agenda_item_ids: input.agendaItemIds,
  themes: input.themes,
  format: input.format,
  languages: input.languages,
  interpretation: input.interpretation,
  expected_audience: input.expectedAudience,
  equipment: input.equipment,
  preferred_slot_ids: input.preferredSlotIds,
  impossible_slot_ids: input.impossibleSlotIds,
});

export async function createProposal(
  ctx: SeCtx,
  orgSlug: string,
  sessionSlug: string,
  input: ProposalCreate,
): Promise<Proposal> {
  const org = await findOrganisationBySlug(ctx.db, orgSlug);
  if (!org) throw new AppError("NOT_FOUND");
  await requireOrganisationRole(ctx, org.id);
  const session = await getSessionDetail(ctx, sessionSlug);
  const call = await getCall(ctx, sessionSlug);
  if (ctx.clock.now() > call.deadline) throw new AppError("SIDE_EVENT_DEADLINE_PASSED");
  checkProposalFields(session, call, input);
  const id = await mutate(ctx, async (trx) => {
    const row = await trx
      .insertInto("side_event_proposals")
      .values({
        ...proposalColumns(input),
        title: JSON.stringify(input.title),
        abstract: JSON.stringify(input.abstract),
        format: input.format,
        languages: input.languages,
        expected_audience: input.expectedAudience,
        call_id: call.id,
        session_id: session.id,
        lead_organisation_id: org.id,
        created_by: ctx.actor?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: "side_event_proposal.drafted",
      objectType: "side_event_proposal",
      objectId: row.id,
      organisationId: org.id,
      after: auditView(row),
    });
    return row.id;
  });
  return getProposal(ctx, id);
}

export async function updateProposal(ctx: SeCtx, id: string, patch: ProposalPatch): Promise<Proposal> {
  const current = await proposalForLead(ctx, id);
  const session = await getSessionDetail(ctx, current.session_slug);
  const call = await getCall(ctx, current.session_slug);
  checkProposalFields(session, call, patch);
  await mutate(ctx, async (trx) => {
    const row = await q.findProposal(trx, id, { lock: true });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status !== "draft") throw new AppError("SIDE_EVENT_NOT_DRAFT");
    const after = await trx
      .updateTable("side_event_proposals")
      .set((eb) => ({
        ...proposalColumns(patch),
        updated_at: ctx.clock.now(),
        version: eb("version", "+", 1),
      }))
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: "side_event_proposal.updated",
      objectType: "side_event_proposal",
      objectId: id,
      organisationId: row.lead_organisation_id,
      before: auditView(row),
      after: auditView(after),
    });
  });
  return getProposal(ctx, id);
}

// ---- co-organisers
// ---- submission

export async function submitProposal(ctx: SeCtx, id: string): Promise<Proposal> {
  const current = await proposalForLead(ctx, id);
  await mutate(ctx, async (trx) => {
    // The call row is locked: the per-organisation limit holds under concurrent submissions.
    const call = await trx
      .selectFrom("side_event_calls")
      .selectAll()
      .where("id", "=", current.call_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const row = await q.findProposal(trx, id, { lock: true });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status !== "draft") throw new AppError("SIDE_EVENT_NOT_DRAFT");
    if (ctx.clock.now() > call.deadline) throw new AppError("SIDE_EVENT_DEADLINE_PASSED");
    const coorganisers = await q.listCoorganisers(trx, [id]);
    const onPlatform = coorganisers.filter((c) => c.organisation_id);
    if (onPlatform.some((c) => c.status !== "confirmed"))
      throw new AppError("SIDE_EVENT_COORGANISERS_PENDING");
    if ((await q.listPanellists(trx, [id])).length === 0) throw new AppError("SIDE_EVENT_NO_PANELLIST");
    const organiserIds = [row.lead_organisation_id, ...onPlatform.flatMap((c) => c.organisation_id ?? [])];
    const admitted = await q.admittedOrganisations(trx, row.session_id, organiserIds);
    const ineligible = organiserIds.filter((o) => !admitted.has(o));
    if (ineligible.length > 0) {
      const names = [row.lead_organisation_id === ineligible[0] ? row.lead_name : null]
        .concat(coorganisers.filter((c) => ineligible.includes(c.organisation_id ?? "")).map((c) => c.name))
        .filter(Boolean);
      throw new AppError(
        "SIDE_EVENT_ORGANISER_NOT_ELIGIBLE",
        `Not admitted as observers: ${names.join(", ")}`,
      );
    }
    const { count } = await trx
      .selectFrom("side_event_proposals")
      .select((eb) => eb.fn.countAll<string>().as("count"))
      .where("call_id", "=", call.id)
      .where("lead_organisation_id", "=", row.lead_organisation_id)
      .where("status", "in", ["submitted", "accepted", "waitlisted"])
      .executeTakeFirstOrThrow();
    if (Number(count) >= call.max_proposals_per_organisation) throw new AppError("SIDE_EVENT_PROPOSAL_LIMIT");
    const after = await trx
      .updateTable("side_event_proposals")
      .set((eb) => ({
        status: "submitted",
        submitted_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
        version: eb("version", "+", 1),
      }))
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await mailOrganisations(trx, ctx, organiserIds, "sideEvents.submitted", (lang) => ({
      title: localized(row.title, lang),
    }));
    await audit(trx, ctx, {
      action: "side_event_proposal.submitted",
      objectType: "side_event_proposal",
      objectId: id,
      organisationId: row.lead_organisation_id,
      before: auditView(row),
      after: auditView(after),
    });
  });
  return getProposal(ctx, id);
}
