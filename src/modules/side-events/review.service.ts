/**
 * Review and selection of side-event proposals. The secretariat assigns reviewers (platform role
 * 'reviewer', never a member of an organising organisation); reviewers score the call's weighted
 * criteria and see others' scores only once they have scored; the ranking adds the computed
 * criteria. The secretariat accepts, wait-lists or rejects one by one, with mails to every
 * organiser; a withdrawal of an accepted event promotes the first wait-listed one into its place.
 */
import { requireActor, requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { isSecretariat } from "../../platform/context.js";
import type { Executor, Trx } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { isLang } from "../../platform/i18n/languages.js";
import { queueMail } from "../../platform/mail.js";
import { getSessionDetail, localized } from "../sessions/sessions.service.js";
import { combinedScore, computeCriteria, reviewScore } from "./side-events.criteria.js";
import * as q from "./side-events.queries.js";
import type { DecisionInput, ReviewInput } from "./side-events.schemas.js";
import {
  getProposal,
  mailOrganisations,
  mutate,
  type Proposal,
  proposalFor,
  type SeCtx,
} from "./side-events.service.js";
import type { Criterion } from "./side-events.tables.js";

const live = ["submitted", "accepted", "waitlisted", "rejected"] as const;

async function organiserIds(db: Executor, row: q.ProposalRow) {
  const coorganisers = await q.listCoorganisers(db, [row.id]);
  return [
    row.lead_organisation_id,
    ...coorganisers.filter((c) => c.status === "confirmed").flatMap((c) => c.organisation_id ?? []),
  ];
}

// ---- reviewers

export async function assignReviewer(ctx: SeCtx, id: string, userId: string) {
  requireSecretariat(ctx);
  const row = await q.findProposal(ctx.db, id);
  if (!row) throw new AppError("NOT_FOUND");
  if (!(live as readonly string[]).includes(row.status)) throw new AppError("SIDE_EVENT_STATE_INVALID");
  const user = await ctx.db
    .selectFrom("users")
    .select(["id", "roles", "display_name"])
    .where("id", "=", userId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!user?.roles.includes("reviewer")) throw new AppError("SIDE_EVENT_NOT_A_REVIEWER");
  const orgIds = await organiserIds(ctx.db, row);
  const conflicts = await q.membershipsOf(ctx.db, userId, orgIds);
  if (conflicts.length > 0) {
    const names = await ctx.db
      .selectFrom("organisations")
      .select("name")
      .where(
        "id",
        "in",
        conflicts.map((c) => c.organisation_id),
      )
      .execute();
    throw new AppError(
      "SIDE_EVENT_REVIEWER_CONFLICT",
      `The reviewer is a member of an organising organisation: ${names.map((n) => n.name).join(", ")}`,
      { organisations: names.map((n) => n.name) },
    );
  }
  await mutate(ctx, async (trx) => {
    await trx
      .insertInto("side_event_reviewers")
      .values({ proposal_id: id, reviewer_id: userId, assigned_by: ctx.actor?.id ?? null })
      .onConflict((oc) => oc.columns(["proposal_id", "reviewer_id"]).doNothing())
      .execute();
    await audit(trx, ctx, {
      action: "side_event_reviewer.assigned",
      objectType: "side_event_proposal",
      objectId: id,
      after: { reviewerId: userId },
    });
  });
  return { ok: true };
}

async function callOf(db: Executor, callId: string) {
  return db.selectFrom("side_event_calls").selectAll().where("id", "=", callId).executeTakeFirstOrThrow();
}

export async function scoreProposal(ctx: SeCtx, id: string, input: ReviewInput) {
  const actor = requireActor(ctx);
  const { row, viewer } = await proposalFor(ctx, id);
  if (viewer !== "reviewer" && !(await q.findAssignment(ctx.db, id, actor.id)))
    throw new AppError("FORBIDDEN");
  const call = await callOf(ctx.db, row.call_id);
  const codes = call.criteria.map((c) => c.code).sort();
  if (JSON.stringify(Object.keys(input.scores).sort()) !== JSON.stringify(codes))
    throw new AppError("SIDE_EVENT_SCORES_INVALID");
  if (!["submitted", "waitlisted"].includes(row.status)) throw new AppError("SIDE_EVENT_STATE_INVALID");
  await mutate(ctx, async (trx) => {
    const before = await q.findAssignment(trx, id, actor.id);
    await trx
      .updateTable("side_event_reviewers")
      .set({
        scores: JSON.stringify(input.scores),
        comment: input.comment ?? null,
        scored_at: ctx.clock.now(),
      })
      .where("proposal_id", "=", id)
      .where("reviewer_id", "=", actor.id)
      .execute();
    await audit(trx, ctx, {
      action: "side_event_review.scored",
      objectType: "side_event_proposal",
      objectId: id,
      before: before?.scores ? { scores: before.scores } : undefined,
      after: { scores: input.scores },
    });
  });
  return listReviews(ctx, id);
}

/** Every review: the secretariat; a reviewer only once they have scored it themselves. */
export async function listReviews(ctx: SeCtx, id: string) {
  const actor = requireActor(ctx);
  const { viewer } = await proposalFor(ctx, id);
  if (viewer === "lead" || viewer === "coorganiser") throw new AppError("FORBIDDEN");
  if (!isSecretariat(actor)) {
    const mine = await q.findAssignment(ctx.db, id, actor.id);
    if (!mine) throw new AppError("FORBIDDEN");
    if (!mine.scored_at) throw new AppError("SIDE_EVENT_SCORE_FIRST");
  }
  const rows = await ctx.db
    .selectFrom("side_event_reviewers as r")
    .innerJoin("users as u", "u.id", "r.reviewer_id")
    .select(["u.display_name", "r.scores", "r.comment", "r.scored_at"])
    .where("r.proposal_id", "=", id)
    .orderBy("r.assigned_at")
    .execute();
  return rows;
}

// ---- computed criteria and ranking

async function criteriaOf(db: Executor, rows: q.ProposalRow[]) {
  const ids = rows.map((r) => r.id);
  const [coorganisers, panellists, leads] = await Promise.all([
    q.listCoorganisers(db, ids),
    q.listPanellists(db, ids),
    ids.length
      ? db
          .selectFrom("organisations")
          .select(["id", "kind", "regional_group", "name"])
          .where(
            "id",
            "in",
            rows.map((r) => r.lead_organisation_id),
          )
          .execute()
      : [],
  ]);
  return new Map(
    rows.map((row) => {
      const lead = leads.find((o) => o.id === row.lead_organisation_id);
      const organisers = [
        { name: row.lead_name, kind: lead?.kind ?? "ngo", regionalGroup: lead?.regional_group ?? null },
        ...coorganisers
          .filter((c) => c.proposal_id === row.id && c.status !== "declined" && c.status !== "pending")
          .map((c) => ({
            name: c.name ?? c.invited_name ?? "",
            kind: c.organisation_kind ?? c.invited_kind ?? "ngo",
            regionalGroup: c.regional_group ?? null,
          })),
      ];
      return [
        row.id,
        computeCriteria({ organisers, panellists: panellists.filter((p) => p.proposal_id === row.id) }),
      ];
    }),
  );
}

export async function rankProposals(ctx: SeCtx, sessionSlug: string) {
  requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  const ids = await ctx.db
    .selectFrom("side_event_proposals")
    .select("id")
    .where("session_id", "=", session.id)
    .where("status", "in", [...live])
    .execute();
  const rows = (await Promise.all(ids.map((r) => q.findProposal(ctx.db, r.id)))).flatMap((r) => r ?? []);
  if (rows.length === 0) return [];
  const call = await callOf(ctx.db, rows[0]!.call_id);
  const computed = await criteriaOf(ctx.db, rows);
  const reviews = await ctx.db
    .selectFrom("side_event_reviewers")
    .select(["proposal_id", "scores"])
    .where(
      "proposal_id",
      "in",
      rows.map((r) => r.id),
    )
    .where("scored_at", "is not", null)
    .execute();
  return rows
    .map((row) => {
      const mine = reviews.filter((r) => r.proposal_id === row.id && r.scores);
      const review = mine.length
        ? mine.reduce((s, r) => s + reviewScore(r.scores ?? {}, call.criteria as Criterion[]), 0) /
          mine.length
        : null;
      const criteria = computed.get(row.id) ?? [];
      return {
        id: row.id,
        title: row.title,
        lead: row.lead_name,
        status: row.status,
        reviewScore: review === null ? null : Math.round(review * 100) / 100,
        reviews: mine.length,
        computed: criteria,
        ...combinedScore(review, criteria, call.computed_weight),
      };
    })
    .sort((a, b) => b.score - a.score);
}

/** The computed criteria of one proposal, for its reviewers and the secretariat. */
export async function proposalCriteria(ctx: SeCtx, id: string) {
  const { row, viewer } = await proposalFor(ctx, id);
  if (viewer === "coorganiser") throw new AppError("FORBIDDEN");
  return (await criteriaOf(ctx.db, [row])).get(id) ?? [];
}

// ---- decisions

export async function mailDecision(trx: Trx, ctx: SeCtx, row: q.ProposalRow, template: string) {
  await mailOrganisations(trx, ctx, await organiserIds(trx, row), template, (lang) => ({
    title: localized(row.title, lang),
  }));
  const invited = (await q.listCoorganisers(trx, [row.id])).filter((c) => c.invited_email);
  for (const c of invited) {
    const lang = isLang(row.languages[0]) ? row.languages[0] : "en";
    await queueMail(trx, ctx.config, {
      to: c.invited_email ?? "",
      lang,
      template,
      values: { title: localized(row.title, lang) },
    });
  }
}

/** One decision inside the caller's transaction: status, room and slot, mails, audit. */
export async function applyDecision(
  trx: Trx,
  ctx: SeCtx,
  id: string,
  status: "accepted" | "waitlisted" | "rejected",
  input: { timeSlotId?: string; roomId?: string },
) {
  const row = await q.findProposal(trx, id, { lock: true });
  if (!row) throw new AppError("NOT_FOUND");
  if (!(live as readonly string[]).includes(row.status)) throw new AppError("SIDE_EVENT_STATE_INVALID");
  const now = ctx.clock.now();
  await trx
    .updateTable("side_event_proposals")
    .set((eb) => ({
      status,
      decided_at: now,
      waitlisted_at: status === "waitlisted" ? now : null,
      time_slot_id: status === "accepted" ? (input.timeSlotId ?? row.time_slot_id) : null,
      room_id: status === "accepted" ? (input.roomId ?? row.room_id) : null,
      updated_at: now,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", id)
    .execute();
  if (row.status !== status) await mailDecision(trx, ctx, row, `sideEvents.${status}`);
  await audit(trx, ctx, {
    action: `side_event_proposal.${status}`,
    objectType: "side_event_proposal",
    objectId: id,
    organisationId: row.lead_organisation_id,
    before: { status: row.status },
    after: { status, timeSlotId: input.timeSlotId ?? null, roomId: input.roomId ?? null },
  });
}

export async function decideProposal(ctx: SeCtx, id: string, input: DecisionInput): Promise<Proposal> {
  requireSecretariat(ctx);
  const current = await q.findProposal(ctx.db, id);
  if (!current) throw new AppError("NOT_FOUND");
  const session = await getSessionDetail(ctx, current.session_slug);
  if (input.timeSlotId && !session.timeSlots.some((s) => s.id === input.timeSlotId))
    throw new AppError("SIDE_EVENT_UNKNOWN_ITEM", "timeSlotId");
  if (input.roomId && !session.rooms.some((r) => r.id === input.roomId))
    throw new AppError("SIDE_EVENT_UNKNOWN_ITEM", "roomId");
  const status = ({ accept: "accepted", waitlist: "waitlisted", reject: "rejected" } as const)[
    input.decision
  ];
  await mutate(ctx, (trx) => applyDecision(trx, ctx, id, status, input));
  return getProposal(ctx, id);
}

/** The lead organisation withdraws; an accepted event's place goes to the first wait-listed one. */
export async function withdrawProposal(ctx: SeCtx, id: string): Promise<Proposal> {
  const { viewer } = await proposalFor(ctx, id);
  if (viewer !== "lead" && viewer !== "secretariat") throw new AppError("FORBIDDEN");
  await mutate(ctx, async (trx) => {
    const row = await q.findProposal(trx, id, { lock: true });
    if (!row) throw new AppError("NOT_FOUND");
    if (row.status === "withdrawn" || row.status === "rejected")
      throw new AppError("SIDE_EVENT_STATE_INVALID");
    const now = ctx.clock.now();
    await trx
      .updateTable("side_event_proposals")
      .set((eb) => ({
        status: "withdrawn",
        time_slot_id: null,
        room_id: null,
        updated_at: now,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", id)
      .execute();
    await audit(trx, ctx, {
      action: "side_event_proposal.withdrawn",
      objectType: "side_event_proposal",
      objectId: id,
      organisationId: row.lead_organisation_id,
      before: { status: row.status },
      after: { status: "withdrawn" },
    });
    if (row.status === "accepted") await promoteFirstWaitlisted(trx, ctx, row, now);
  });
  return getProposal(ctx, id);
}

/** An accepted event's place went free: the first wait-listed proposal takes it, with a mail. */
export async function promoteFirstWaitlisted(
  trx: Trx,
  ctx: SeCtx,
  row: { id: string; session_id: string; time_slot_id: string | null; room_id: string | null },
  now: Date,
) {
  const id = row.id;
  const next = await trx
    .selectFrom("side_event_proposals")
    .select("id")
    .where("session_id", "=", row.session_id)
    .where("status", "=", "waitlisted")
    .orderBy("waitlisted_at")
    .orderBy("id")
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  if (!next) return;
  const promoted = await q.findProposal(trx, next.id);
  if (!promoted) return;
  await trx
    .updateTable("side_event_proposals")
    .set((eb) => ({
      status: "accepted",
      decided_at: now,
      waitlisted_at: null,
      time_slot_id: row.time_slot_id,
      room_id: row.room_id,
      updated_at: now,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", next.id)
    .execute();
  await mailDecision(trx, ctx, promoted, "sideEvents.promoted");
  await audit(trx, ctx, {
    action: "side_event_proposal.promoted",
    objectType: "side_event_proposal",
    objectId: next.id,
    organisationId: promoted.lead_organisation_id,
    before: { status: "waitlisted" },
    after: { status: "accepted", replaces: id },
  });
}
