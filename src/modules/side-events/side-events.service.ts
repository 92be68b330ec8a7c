/**
 * Side events: what every part of the module shares — the context, mutations that drop the cached
 * public reads, who sees a proposal and how it is shaped for them, and mails to organisations.
 * Drafts are seen only by their organisers (and the secretariat); anyone else gets the 404 of an id
 * that does not exist. A protected panellist's identity leaves this module only through
 * getPanellistIdentity (panellists.service.ts), for the lead organiser and the secretariat, and
 * every such read is audited; everywhere else (pages, API, mails, audit, feeds) it is the
 * pseudonym and the role.
 */
import { requireActor } from "../../platform/access.js";
import { invalidate, PublicCache } from "../../platform/cache.js";
import { type Ctx, isSecretariat } from "../../platform/context.js";
import { inTransaction, type Trx } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { isLang, type Lang } from "../../platform/i18n/languages.js";
import { queueMail } from "../../platform/mail.js";
import type { Localized } from "../sessions/sessions.tables.js";
import * as q from "./side-events.queries.js";

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

export const field = (
  code: "VALIDATION_FAILED" | "SIDE_EVENT_UNKNOWN_ITEM" | "SIDE_EVENT_FORMAT_NOT_OFFERED",
  path: string,
) => new AppError(code, undefined, { field: path, fields: [{ path: `body.${path}`, message: code }] });

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
  /** never for a protected panellist; for the public only with consent to publish */
  photoUrl: string | null;
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
    photoUrl: null,
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
    photoUrl: !p.photo_file_id
      ? null
      : audience === "public"
        ? `/api/v1/side-event-panellists/${p.id}/photo`
        : `/api/v1/side-event-proposals/${p.proposal_id}/panellists/${p.id}/photo`,
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
export async function proposalForLead(ctx: SeCtx, id: string) {
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

/** What the audit log keeps of a proposal: never a panellist. */
export const auditView = (row: { status: string; title: unknown; format: string }) => ({
  status: row.status,
  title: row.title,
  format: row.format,
});

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
