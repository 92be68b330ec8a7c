/**
 * Side events: the secretariat's call for a session, organisations' proposals with co-organisers
 * and panellists, and submission. Drafts are seen only by their organisers (and the secretariat);
 * anyone else gets the 404 of an id that does not exist. A protected panellist's identity leaves
 * this module only through getPanellistIdentity, for the lead organiser and the secretariat, and
 * every such read is audited; everywhere else (pages, API, mails, audit, feeds) it is the
 * pseudonym and the role.
 */
import { requireActor, requireOrganisationRole, requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { invalidate, PublicCache } from "../../platform/cache.js";
import { type Ctx, isSecretariat } from "../../platform/context.js";
import { inTransaction, type Trx } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { isLang, type Lang } from "../../platform/i18n/languages.js";
import { queueMail } from "../../platform/mail.js";
import { findOrganisationBySlug } from "../organisations/organisations.queries.js";
import { getSessionDetail, localized, type SessionDetail } from "../sessions/sessions.service.js";
import type { Localized } from "../sessions/sessions.tables.js";
import * as q from "./side-events.queries.js";
import type {
  CallInput,
  CoorganiserAdd,
  PanellistCreate,
  ProposalCreate,
  ProposalPatch,
} from "./side-events.schemas.js";
import type { Criterion } from "./side-events.tables.js";

export type SeCtx = Ctx & { cache?: PublicCache };
export const CACHE_TAG = "side-events";
const detachedCache = new PublicCache(1);

/** Runs a mutation in one transaction with its audit rows, and drops the cached public reads. */
export async function mutate<T>(ctx: SeCtx, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return inTransaction(ctx.db, async (trx) => {
    const result = await fn(trx);
    await invalidate(trx, ctx.cache ?? detachedCache, CACHE_TAG);
    return result;
  });
}

const field = (
  code: "VALIDATION_FAILED" | "SIDE_EVENT_UNKNOWN_ITEM" | "SIDE_EVENT_FORMAT_NOT_OFFERED",
  path: string,
) => new AppError(code, undefined, { field: path, fields: [{ path: `body.${path}`, message: code }] });

// ---- the call

export interface Call {
  id: string;
  sessionId: string;
  sessionSlug: string;
  deadline: Date;
  formats: string[];
  slotMinutes: number;
  maxProposalsPerOrganisation: number;
  criteria: Criterion[];
  computedWeight: number;
  version: number;
}

const toCall = (row: q.CallRow, sessionSlug: string): Call => ({
  id: row.id,
  sessionId: row.session_id,
  sessionSlug,
  deadline: row.deadline,
  formats: row.formats,
  slotMinutes: row.slot_minutes,
  maxProposalsPerOrganisation: row.max_proposals_per_organisation,
  criteria: row.criteria,
  computedWeight: row.computed_weight,
  version: row.version,
});

export async function getCall(ctx: SeCtx, sessionSlug: string): Promise<Call> {
  const session = await getSessionDetail(ctx, sessionSlug);
  const row = await q.findCall(ctx.db, session.id);
  if (!row) throw new AppError("SIDE_EVENT_NO_CALL");
  return toCall(row, session.slug);
}

/** Opens the call for a session, or changes it. */
export async function saveCall(ctx: SeCtx, sessionSlug: string, input: CallInput): Promise<Call> {
  requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  return mutate(ctx, async (trx) => {
    const before = await q.findCall(trx, session.id);
    const values = {
      deadline: new Date(input.deadline),
      formats: input.formats,
      slot_minutes: input.slotMinutes,
      max_proposals_per_organisation: input.maxProposalsPerOrganisation,
      criteria: JSON.stringify(input.criteria),
      computed_weight: input.computedWeight ?? 30,
    };
    const row = await trx
      .insertInto("side_event_calls")
      .values({ ...values, session_id: session.id, created_by: ctx.actor?.id ?? null })
      .onConflict((oc) =>
        oc.column("session_id").doUpdateSet((eb) => ({
          ...values,
          updated_at: ctx.clock.now(),
          version: eb("side_event_calls.version", "+", 1),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    const call = toCall(row, session.slug);
    await audit(trx, ctx, {
      action: before ? "side_event_call.updated" : "side_event_call.opened",
      objectType: "side_event_call",
      objectId: row.id,
      before: before ? toCall(before, session.slug) : undefined,
      after: call,
    });
    return call;
  });
}

// ---- who sees a proposal

export type Viewer = "secretariat" | "lead" | "coorganiser" | "reviewer";

export interface Panellist {
  id: string;
  protected: boolean;
  pseudonym: string | null;
  role: string;
  name: string | null;
  affiliation: string | null;
  country: string | null;
  bio: string | null;
  gender: string | null;
  consentToPublish: boolean | null;
}

/**
 * A panellist as shown outside the identity route. Protected: pseudonym and role only, for
 * everyone. Others: in full to the organisers and reviewers; to the public only with consent.
 */
export function panellistView(p: q.PanellistRow, audience: "organisers" | "public"): Panellist {
  const hidden = {
    id: p.id,
    protected: p.protection !== null,
    pseudonym: p.pseudonym,
    role: p.role,
    name: null,
    affiliation: null,
    country: null,
    bio: null,
    gender: null,
    consentToPublish: null,
  };
  if (p.protection !== null) return hidden;
  if (audience === "public" && !p.consent_to_publish) return hidden;
  return {
    ...hidden,
    name: p.name,
    affiliation: p.affiliation,
    country: p.country,
    bio: p.bio,
    gender: p.gender,
    consentToPublish: audience === "organisers" ? p.consent_to_publish : null,
  };
}

export interface Organiser {
  id: string;
  slug: string;
  name: string;
  acronym: string | null;
}

export interface Coorganiser {
  organisation: Organiser | null;
  invitedName: string | null;
  kind: string | null;
  status: string;
}

export interface Proposal {
  id: string;
  sessionId: string;
  session: string;
  status: string;
  lead: Organiser;
  coorganisers: Coorganiser[];
  title: Localized;
  abstract: Localized;
  agendaItemIds: string[];
  themes: string[];
  format: string;
  languages: string[];
  interpretation: string[];
  expectedAudience: number;
  equipment: string[];
  preferredSlotIds: string[];
  impossibleSlotIds: string[];
  panellists: Panellist[];
  submittedAt: Date | null;
  decidedAt: Date | null;
  version: number;
  viewer: Viewer;
}

async function viewerOf(ctx: SeCtx, row: q.ProposalRow): Promise<Viewer> {
  const actor = requireActor(ctx);
  if (isSecretariat(actor)) return "secretariat";
  const coorganisers = await q.listCoorganisers(ctx.db, [row.id]);
  const orgIds = [row.lead_organisation_id, ...coorganisers.flatMap((c) => c.organisation_id ?? [])];
  const memberships = await q.membershipsOf(ctx.db, actor.id, orgIds);
  if (memberships.some((m) => m.organisation_id === row.lead_organisation_id)) return "lead";
  if (memberships.length > 0) return "coorganiser";
  if (row.status !== "draft" && (await q.findAssignment(ctx.db, row.id, actor.id))) return "reviewer";
  throw new AppError("NOT_FOUND");
}

export async function proposalFor(ctx: SeCtx, id: string) {
  const row = await q.findProposal(ctx.db, id);
  if (!row) throw new AppError("NOT_FOUND");
  return { row, viewer: await viewerOf(ctx, row) };
}

/** The proposal for its lead organisation (focal point or member) or the secretariat. */
async function proposalForLead(ctx: SeCtx, id: string) {
  const { row, viewer } = await proposalFor(ctx, id);
  if (viewer !== "lead" && viewer !== "secretariat") throw new AppError("FORBIDDEN");
  return row;
}

export async function shapeProposal(ctx: SeCtx, row: q.ProposalRow, viewer: Viewer): Promise<Proposal> {
  const [coorganisers, panellists] = await Promise.all([
    q.listCoorganisers(ctx.db, [row.id]),
    q.listPanellists(ctx.db, [row.id]),
  ]);
  return {
    id: row.id,
    sessionId: row.session_id,
    session: row.session_slug,
    status: row.status,
    lead: {
      id: row.lead_organisation_id,
      slug: row.lead_slug,
      name: row.lead_name,
      acronym: row.lead_acronym,
    },
    coorganisers: coorganisers.map((c) => ({
      organisation:
        c.organisation_id && c.slug && c.name
          ? { id: c.organisation_id, slug: c.slug, name: c.name, acronym: c.acronym }
          : null,
      invitedName: c.invited_name,
      kind: c.organisation_id ? "ngo" : c.invited_kind,
      status: c.status,
    })),
    title: row.title,
    abstract: row.abstract,
    agendaItemIds: row.agenda_item_ids,
    themes: row.themes,
    format: row.format,
    languages: row.languages,
    interpretation: row.interpretation,
    expectedAudience: row.expected_audience,
    equipment: row.equipment,
    preferredSlotIds: row.preferred_slot_ids,
    impossibleSlotIds: row.impossible_slot_ids,
    panellists: panellists.map((p) => panellistView(p, "organisers")),
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    version: row.version,
    viewer,
  };
}

export async function getProposal(ctx: SeCtx, id: string): Promise<Proposal> {
  const { row, viewer } = await proposalFor(ctx, id);
  return shapeProposal(ctx, row, viewer);
}

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

/** What the audit log keeps of a proposal: never a panellist. */
const auditView = (row: { status: string; title: unknown; format: string }) => ({
  status: row.status,
  title: row.title,
  format: row.format,
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

/** Mails each recipient in their own language. */
export async function mailOrganisations(
  trx: Trx,
  ctx: SeCtx,
  organisationIds: string[],
  template: string,
  values: (lang: Lang) => Record<string, string | number>,
) {
  for (const p of await q.focalPoints(trx, organisationIds)) {
    const lang = isLang(p.preferred_language) ? p.preferred_language : "en";
    await queueMail(trx, ctx.config, { to: p.email, lang, template, values: values(lang) });
  }
}

export async function addCoorganiser(ctx: SeCtx, id: string, input: CoorganiserAdd): Promise<Proposal> {
  const current = await proposalForLead(ctx, id);
  await mutate(ctx, async (trx) => {
    const row = await q.findProposal(trx, id, { lock: true });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status !== "draft") throw new AppError("SIDE_EVENT_NOT_DRAFT");
    const title = (lang: Lang) => ({ title: localized(row.title, lang), lead: row.lead_name });
    try {
      if ("organisation" in input) {
        const org = await findOrganisationBySlug(trx, input.organisation);
        if (!org) throw field("SIDE_EVENT_UNKNOWN_ITEM", "organisation");
        if (org.id === row.lead_organisation_id) throw new AppError("SIDE_EVENT_COORGANISER_SELF");
        await trx
          .insertInto("side_event_coorganisers")
          .values({ proposal_id: id, organisation_id: org.id, status: "pending" })
          .execute();
        await mailOrganisations(trx, ctx, [org.id], "sideEvents.coorganiserAsked", (lang) => ({
          ...title(lang),
          url: `${ctx.config.baseUrl}/side-events/proposals/${id}`,
        }));
        await audit(trx, ctx, {
          action: "side_event_coorganiser.asked",
          objectType: "side_event_proposal",
          objectId: id,
          organisationId: org.id,
          after: { organisation: org.slug },
        });
      } else {
        await trx
          .insertInto("side_event_coorganisers")
          .values({
            proposal_id: id,
            invited_name: input.name,
            invited_email: input.email.toLowerCase(),
            invited_kind: input.kind,
            status: "invited",
          })
          .execute();
        await queueMail(trx, ctx.config, {
          to: input.email,
          lang: ctx.lang,
          template: "sideEvents.coorganiserInvited",
          values: { ...title(ctx.lang), url: `${ctx.config.baseUrl}/sign-up` },
        });
        await audit(trx, ctx, {
          action: "side_event_coorganiser.invited",
          objectType: "side_event_proposal",
          objectId: id,
          organisationId: row.lead_organisation_id,
          after: { name: input.name, kind: input.kind },
        });
      }
    } catch (error) {
      if ((error as { code?: string }).code === "23505") throw new AppError("SIDE_EVENT_COORGANISER_EXISTS");
      throw error;
    }
  });
  return getProposal(ctx, current.id);
}

/** The co-organiser's focal point confirms or declines. */
export async function respondAsCoorganiser(
  ctx: SeCtx,
  id: string,
  orgSlug: string,
  decision: "confirm" | "decline",
): Promise<Proposal> {
  const org = await findOrganisationBySlug(ctx.db, orgSlug);
  if (!org) throw new AppError("NOT_FOUND");
  const { row } = await proposalFor(ctx, id);
  const link = (await q.listCoorganisers(ctx.db, [id])).find((c) => c.organisation_id === org.id);
  if (!link) throw new AppError("NOT_FOUND");
  await requireOrganisationRole(ctx, org.id, ["focal_point"]);
  await mutate(ctx, async (trx) => {
    const locked = await q.findProposal(trx, id, { lock: true });
    if (locked?.status !== "draft") throw new AppError("SIDE_EVENT_NOT_DRAFT");
    const status = decision === "confirm" ? "confirmed" : "declined";
    await trx
      .updateTable("side_event_coorganisers")
      .set({ status, responded_at: ctx.clock.now(), responded_by: ctx.actor?.id ?? null })
      .where("id", "=", link.id)
      .execute();
    await mailOrganisations(
      trx,
      ctx,
      [row.lead_organisation_id],
      `sideEvents.coorganiser.${status}`,
      (lang) => ({
        title: localized(row.title, lang),
        organisation: org.name,
      }),
    );
    await audit(trx, ctx, {
      action: `side_event_coorganiser.${status}`,
      objectType: "side_event_proposal",
      objectId: id,
      organisationId: org.id,
      before: { status: link.status },
      after: { status },
    });
  });
  return getProposal(ctx, id);
}

// ---- panellists

export async function addPanellist(ctx: SeCtx, id: string, input: PanellistCreate): Promise<Proposal> {
  await proposalForLead(ctx, id);
  await mutate(ctx, async (trx) => {
    const row = await q.findProposal(trx, id, { lock: true });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status === "withdrawn" || row.status === "rejected")
      throw new AppError("SIDE_EVENT_STATE_INVALID");
    const count = (await q.listPanellists(trx, [id])).length;
    // A minor is always protected.
    const protection = input.minor ? (input.protection ?? "minor") : (input.protection ?? null);
    const now = ctx.clock.now();
    const p = await trx
      .insertInto("side_event_panellists")
      .values({
        proposal_id: id,
        position: count,
        name: input.name,
        affiliation: input.affiliation ?? null,
        gender: input.gender,
        country: input.country ?? null,
        bio: input.bio ?? null,
        role: input.role,
        consent_to_publish: input.consentToPublish,
        consent_at: input.consentToPublish ? now : null,
        protection,
        minor: input.minor ?? false,
        pseudonym: protection ? (input.pseudonym ?? `Panellist ${count + 1}`) : null,
      })
      .returning(["id", "protection", "pseudonym", "role"])
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: "side_event_panellist.added",
      objectType: "side_event_panellist",
      objectId: p.id,
      organisationId: row.lead_organisation_id,
      // never the identity: the audit log is rendered to the secretariat without further checks
      after: { proposalId: id, protected: p.protection !== null, pseudonym: p.pseudonym, role: p.role },
    });
  });
  return getProposal(ctx, id);
}

/** A panellist's identity: the lead organiser and the secretariat only, each read audited. */
export async function getPanellistIdentity(ctx: SeCtx, id: string, panellistId: string) {
  const row = await proposalForLead(ctx, id);
  const p = (await q.listPanellists(ctx.db, [id])).find((x) => x.id === panellistId);
  if (!p) throw new AppError("NOT_FOUND");
  if (p.protection !== null) {
    await inTransaction(ctx.db, (trx) =>
      audit(trx, ctx, {
        action: "panellist.identity_viewed",
        objectType: "side_event_panellist",
        objectId: p.id,
        organisationId: row.lead_organisation_id,
        after: { proposalId: id, pseudonym: p.pseudonym },
      }),
    );
  }
  return p;
}

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
