/**
 * Merging two similar proposals with their organisers' consent. The secretariat proposes which
 * proposal survives; the focal point of each lead organisation consents or declines (the
 * secretariat cannot answer for them). On the last consent the other proposal becomes 'merged'
 * into the survivor: its lead and co-organisers become co-organisers of the survivor, its
 * panellists move with every field (protection, pseudonym, consent) unchanged. One event keeps one
 * place: an accepted absorbed event hands its place to the survivor, or, if the survivor has one,
 * to the first wait-listed proposal. Every step is audited without a panellist's identity, and
 * every organiser is mailed in their language.
 */
import { requireActor, requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { isSecretariat } from "../../platform/context.js";
import type { Executor, Trx } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { localized } from "../sessions/sessions.service.js";
import { mailDecision, promoteFirstWaitlisted } from "./review.service.js";
import * as q from "./side-events.queries.js";
import {
  mailOrganisations,
  mutate,
  type Panellist,
  panellistView,
  type SeCtx,
} from "./side-events.service.js";

const mergeable = ["submitted", "waitlisted", "accepted"];

export interface Merge {
  id: string;
  status: "proposed" | "merged" | "declined";
  note: string | null;
  survivor: { id: string; title: q.ProposalRow["title"]; lead: string; status: string };
  absorbed: { id: string; title: q.ProposalRow["title"]; lead: string; status: string };
  consents: Array<{ organisation: string; slug: string; decision: string; respondedAt: Date | null }>;
  /** the organisers and panellists of the merged event (pseudonyms for protected panellists) */
  organisers: string[];
  panellists: Panellist[];
  createdAt: Date;
  decidedAt: Date | null;
}

async function organisationsOf(db: Executor, row: q.ProposalRow) {
  const co = await q.listCoorganisers(db, [row.id]);
  return {
    ids: [
      row.lead_organisation_id,
      ...co.filter((c) => c.status !== "declined").flatMap((c) => c.organisation_id ?? []),
    ],
    names: [
      row.lead_name,
      ...co.filter((c) => c.status !== "declined").map((c) => c.name ?? c.invited_name ?? ""),
    ],
    rows: co,
  };
}

async function loadMerge(db: Executor, id: string) {
  const m = await db.selectFrom("side_event_merges").selectAll().where("id", "=", id).executeTakeFirst();
  if (!m) throw new AppError("NOT_FOUND");
  const [survivor, absorbed] = await Promise.all([
    q.findProposal(db, m.survivor_id),
    q.findProposal(db, m.absorbed_id),
  ]);
  if (!survivor || !absorbed) throw new AppError("NOT_FOUND");
  return { m, survivor, absorbed };
}

/** The secretariat and the members of either lead organisation; anyone else gets a 404. */
async function requireParty(ctx: SeCtx, survivor: q.ProposalRow, absorbed: q.ProposalRow) {
  const actor = requireActor(ctx);
  if (isSecretariat(actor)) return;
  const mine = await q.membershipsOf(ctx.db, actor.id, [
    survivor.lead_organisation_id,
    absorbed.lead_organisation_id,
  ]);
  if (mine.length === 0) throw new AppError("NOT_FOUND");
}

export async function getMerge(ctx: SeCtx, id: string): Promise<Merge> {
  const { m, survivor, absorbed } = await loadMerge(ctx.db, id);
  await requireParty(ctx, survivor, absorbed);
  const consents = await ctx.db
    .selectFrom("side_event_merge_consents as c")
    .innerJoin("organisations as o", "o.id", "c.organisation_id")
    .select(["o.name", "o.slug", "c.decision", "c.responded_at"])
    .where("c.merge_id", "=", id)
    .orderBy("o.name")
    .execute();
  const [s, a] = await Promise.all([organisationsOf(ctx.db, survivor), organisationsOf(ctx.db, absorbed)]);
  const panellists =
    m.status === "merged"
      ? await q.listPanellists(ctx.db, [survivor.id])
      : await q.listPanellists(ctx.db, [survivor.id, absorbed.id]);
  const brief = (p: q.ProposalRow) => ({ id: p.id, title: p.title, lead: p.lead_name, status: p.status });
  return {
    id: m.id,
    status: m.status,
    note: m.note,
    survivor: brief(survivor),
    absorbed: brief(absorbed),
    consents: consents.map((c) => ({
      organisation: c.name,
      slug: c.slug,
      decision: c.decision,
      respondedAt: c.responded_at,
    })),
    organisers: [...new Set(m.status === "merged" ? s.names : [...s.names, ...a.names])],
    panellists: panellists.map((p) => panellistView(p, "organisers")),
    createdAt: m.created_at,
    decidedAt: m.decided_at,
  };
}

/** The merges of a session, for the secretariat's page. */
export async function listMerges(ctx: SeCtx, sessionId: string) {
  requireSecretariat(ctx);
  const rows = await ctx.db
    .selectFrom("side_event_merges")
    .select("id")
    .where("session_id", "=", sessionId)
    .orderBy("created_at", "desc")
    .execute();
  return Promise.all(rows.map((r) => getMerge(ctx, r.id)));
}

export async function proposeMerge(
  ctx: SeCtx,
  sessionSlug: string,
  input: { survivorId: string; absorbedId: string; note?: string },
): Promise<Merge> {
  requireSecretariat(ctx);
  if (input.survivorId === input.absorbedId) throw new AppError("SIDE_EVENT_MERGE_INVALID");
  const id = await mutate(ctx, async (trx) => {
    const survivor = await q.findProposal(trx, input.survivorId, { lock: true });
    const absorbed = await q.findProposal(trx, input.absorbedId, { lock: true });
    if (!survivor || !absorbed) throw new AppError("NOT_FOUND");
    if (survivor.session_slug !== sessionSlug || absorbed.session_slug !== sessionSlug)
      throw new AppError("SIDE_EVENT_MERGE_INVALID");
    if (!mergeable.includes(survivor.status) || !mergeable.includes(absorbed.status))
      throw new AppError("SIDE_EVENT_STATE_INVALID");
    const open = await trx
      .selectFrom("side_event_merges")
      .select("id")
      .where("status", "=", "proposed")
      .where((eb) =>
        eb.or([
          eb("survivor_id", "in", [survivor.id, absorbed.id]),
          eb("absorbed_id", "in", [survivor.id, absorbed.id]),
        ]),
      )
      .executeTakeFirst();
    if (open) throw new AppError("SIDE_EVENT_MERGE_OPEN");
    const m = await trx
      .insertInto("side_event_merges")
      .values({
        session_id: survivor.session_id,
        survivor_id: survivor.id,
        absorbed_id: absorbed.id,
        note: input.note ?? null,
        proposed_by: ctx.actor?.id ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const leads = [...new Set([survivor.lead_organisation_id, absorbed.lead_organisation_id])];
    await trx
      .insertInto("side_event_merge_consents")
      .values(leads.map((organisation_id) => ({ merge_id: m.id, organisation_id })))
      .execute();
    await mailOrganisations(trx, ctx, leads, "sideEvents.mergeProposed", (lang) => ({
      survivor: localized(survivor.title, lang),
      absorbed: localized(absorbed.title, lang),
      url: `${ctx.config.baseUrl}/side-events/merges/${m.id}`,
    }));
    await audit(trx, ctx, {
      action: "side_event_merge.proposed",
      objectType: "side_event_merge",
      objectId: m.id,
      after: { survivorId: survivor.id, absorbedId: absorbed.id },
    });
    return m.id;
  });
  return getMerge(ctx, id);
}

/** The focal point of a lead organisation consents or declines; the last consent merges. */
export async function respondToMerge(
  ctx: SeCtx,
  id: string,
  orgSlug: string,
  decision: "consent" | "decline",
): Promise<Merge> {
  const actor = requireActor(ctx);
  const { survivor, absorbed } = await loadMerge(ctx.db, id);
  await requireParty(ctx, survivor, absorbed);
  const consent = await ctx.db
    .selectFrom("side_event_merge_consents as c")
    .innerJoin("organisations as o", "o.id", "c.organisation_id")
    .select(["c.organisation_id", "c.decision", "o.name"])
    .where("c.merge_id", "=", id)
    .where("o.slug", "=", orgSlug)
    .executeTakeFirst();
  if (!consent) throw new AppError("NOT_FOUND");
  // the organisation's own focal point answers; the secretariat cannot consent for it
  const role = (await q.membershipsOf(ctx.db, actor.id, [consent.organisation_id]))[0]?.role;
  if (role !== "focal_point") throw new AppError("FORBIDDEN");
  await mutate(ctx, async (trx) => {
    const m = await trx
      .selectFrom("side_event_merges")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (m.status !== "proposed") throw new AppError("SIDE_EVENT_STATE_INVALID");
    const value = decision === "consent" ? "consented" : "declined";
    await trx
      .updateTable("side_event_merge_consents")
      .set({ decision: value, responded_by: actor.id, responded_at: ctx.clock.now() })
      .where("merge_id", "=", id)
      .where("organisation_id", "=", consent.organisation_id)
      .execute();
    await audit(trx, ctx, {
      action: `side_event_merge.${value}`,
      objectType: "side_event_merge",
      objectId: id,
      organisationId: consent.organisation_id,
      before: { decision: consent.decision },
      after: { decision: value },
    });
    const all = await trx
      .selectFrom("side_event_merge_consents")
      .select("decision")
      .where("merge_id", "=", id)
      .execute();
    const leads = [survivor.lead_organisation_id, absorbed.lead_organisation_id];
    if (value === "declined") {
      await trx
        .updateTable("side_event_merges")
        .set({ status: "declined", decided_at: ctx.clock.now() })
        .where("id", "=", id)
        .execute();
      await mailOrganisations(trx, ctx, [...new Set(leads)], "sideEvents.mergeDeclined", (lang) => ({
        survivor: localized(survivor.title, lang),
        absorbed: localized(absorbed.title, lang),
        organisation: consent.name,
      }));
    } else if (all.every((c) => c.decision === "consented")) await performMerge(trx, ctx, id);
  });
  return getMerge(ctx, id);
}

async function performMerge(trx: Trx, ctx: SeCtx, mergeId: string) {
  const m = await trx
    .selectFrom("side_event_merges")
    .selectAll()
    .where("id", "=", mergeId)
    .executeTakeFirstOrThrow();
  const survivor = await q.findProposal(trx, m.survivor_id, { lock: true });
  const absorbed = await q.findProposal(trx, m.absorbed_id, { lock: true });
  if (!survivor || !absorbed) throw new AppError("NOT_FOUND");
  if (!mergeable.includes(survivor.status) || !mergeable.includes(absorbed.status))
    throw new AppError("SIDE_EVENT_STATE_INVALID");
  const now = ctx.clock.now();
  const before = await organisationsOf(trx, survivor);
  const incoming = await organisationsOf(trx, absorbed);
  // the absorbed lead and its co-organisers on the platform become confirmed co-organisers
  const present = new Set(before.ids);
  for (const orgId of incoming.ids)
    if (!present.has(orgId)) {
      present.add(orgId);
      await trx
        .insertInto("side_event_coorganisers")
        .values({ proposal_id: survivor.id, organisation_id: orgId, status: "confirmed", responded_at: now })
        .execute();
    }
  const emails = new Set(before.rows.flatMap((c) => c.invited_email ?? []));
  for (const c of incoming.rows)
    if (c.invited_email && !emails.has(c.invited_email)) {
      emails.add(c.invited_email);
      await trx
        .insertInto("side_event_coorganisers")
        .values({
          proposal_id: survivor.id,
          invited_name: c.invited_name,
          invited_email: c.invited_email,
          invited_kind: c.invited_kind,
          status: "invited",
        })
        .execute();
    }
  // panellists move with every field: protection, pseudonym and consent are unchanged
  const count = (await q.listPanellists(trx, [survivor.id])).length;
  const moving = await q.listPanellists(trx, [absorbed.id]);
  for (const [i, p] of moving.entries())
    await trx
      .updateTable("side_event_panellists")
      .set({ proposal_id: survivor.id, position: count + i })
      .where("id", "=", p.id)
      .execute();
  await trx
    .updateTable("side_event_proposals")
    .set((eb) => ({
      status: "merged",
      merged_into: survivor.id,
      time_slot_id: null,
      room_id: null,
      updated_at: now,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", absorbed.id)
    .execute();
  // one event keeps one place: the survivor takes the absorbed event's place if it had none,
  // else the place the absorbed event leaves goes to the first wait-listed proposal
  const takesPlace = absorbed.status === "accepted" && survivor.status !== "accepted";
  await trx
    .updateTable("side_event_proposals")
    .set((eb) => ({
      updated_at: now,
      version: eb("version", "+", 1),
      ...(takesPlace
        ? {
            status: "accepted" as const,
            decided_at: now,
            waitlisted_at: null,
            time_slot_id: absorbed.time_slot_id,
            room_id: absorbed.room_id,
          }
        : {}),
    }))
    .where("id", "=", survivor.id)
    .execute();
  if (takesPlace) {
    await mailDecision(trx, ctx, survivor, "sideEvents.accepted");
    await audit(trx, ctx, {
      action: "side_event_proposal.accepted",
      objectType: "side_event_proposal",
      objectId: survivor.id,
      organisationId: survivor.lead_organisation_id,
      before: { status: survivor.status },
      after: { status: "accepted", placeOf: absorbed.id, mergeId },
    });
  } else if (absorbed.status === "accepted") await promoteFirstWaitlisted(trx, ctx, absorbed, now);
  await trx
    .updateTable("side_event_merges")
    .set({ status: "merged", decided_at: now })
    .where("id", "=", mergeId)
    .execute();
  await mailOrganisations(trx, ctx, [...present], "sideEvents.merged", (lang) => ({
    survivor: localized(survivor.title, lang),
    absorbed: localized(absorbed.title, lang),
  }));
  await audit(trx, ctx, {
    action: "side_event_proposal.merged",
    objectType: "side_event_proposal",
    objectId: absorbed.id,
    organisationId: absorbed.lead_organisation_id,
    before: { status: absorbed.status },
    after: { status: "merged", mergedInto: survivor.id, panellistsMoved: moving.length, mergeId },
  });
}
