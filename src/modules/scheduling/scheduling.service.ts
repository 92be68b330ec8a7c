/**
 * Scheduling for the secretariat: optimise a session's accepted side events into its rooms and
 * side-event slots and keep the result as a proposed placement (not published: the programme still
 * reads each event's own room and slot). The solver runs in a worker thread.
 */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { inTransaction } from "../../platform/database.js";
import { AppError } from "../../platform/errors.js";
import { messages } from "../../platform/i18n/catalogue.js";
import type { Lang } from "../../platform/i18n/languages.js";
import { plenaryItemsBySlot } from "../sessions/sessions.plenary.js";
import { getSessionDetail, type SessionDetail } from "../sessions/sessions.service.js";
import { rankProposals } from "../side-events/review.service.js";
import type { SeCtx } from "../side-events/side-events.service.js";
import { tryLockSession } from "./scheduling.lock.js";
import {
  INTERPRETATION,
  type Instance,
  type OptimiseResult,
  type UnplacedReason,
} from "./scheduling.optimiser.js";
import { optimise } from "./scheduling.solver.js";

/**
 * The optimiser's instance for a session: accepted events (and, when asked, the wait-listed ones,
 * which only fill what the accepted leave free), rooms, side-event slots. A slot's quality is its
 * length against the longest slot's (a 50-minute breakfast slot is worth less than a 90-minute
 * lunchtime one): the review ranking puts better events in better slots. Each slot carries the
 * agenda items the plenary discusses then (the session's plenary programme).
 * With `ranking: false` every score is 0 (for checking rules, not for optimising).
 */
export async function loadInstance(
  ctx: SeCtx,
  session: SessionDetail,
  options: { waitlisted?: boolean; ranking?: boolean } = {},
): Promise<Instance> {
  const rows = await ctx.db
    .selectFrom("side_event_proposals")
    .select([
      "id",
      "lead_organisation_id",
      "expected_audience",
      "equipment",
      "interpretation",
      "preferred_slot_ids",
      "impossible_slot_ids",
      "themes",
      "agenda_item_ids",
      "status",
    ])
    .where("session_id", "=", session.id)
    .where("status", "in", options.waitlisted ? ["accepted", "waitlisted"] : ["accepted"])
    .orderBy("id")
    .execute();
  const ids = rows.map((r) => r.id);
  const [coorganisers, panellists, ranking] = await Promise.all([
    ids.length
      ? ctx.db
          .selectFrom("side_event_coorganisers")
          .select(["proposal_id", "organisation_id"])
          .where("proposal_id", "in", ids)
          .where("status", "=", "confirmed")
          .where("organisation_id", "is not", null)
          .execute()
      : [],
    ids.length
      ? ctx.db
          .selectFrom("side_event_panellists")
          .select(["proposal_id", "name"])
          .where("proposal_id", "in", ids)
          .execute()
      : [],
    // the editor's rule checks need no scores (ranking 300 proposals costs most of a read)
    options.ranking === false ? [] : rankProposals(ctx, session.slug),
  ]);
  const score = new Map(ranking.map((r) => [r.id, Math.min(1, Math.max(0, r.score / 100))]));
  const longest = Math.max(1, ...session.timeSlots.map((s) => s.endsAt.getTime() - s.startsAt.getTime()));
  const plenary = plenaryItemsBySlot(session);
  return {
    rooms: session.rooms.map((r) => ({ id: r.id, capacity: r.capacity, equipment: r.equipment })),
    slots: session.timeSlots.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.getTime(),
      endsAt: s.endsAt.getTime(),
      day: s.date,
      quality: Math.round((100 * (s.endsAt.getTime() - s.startsAt.getTime())) / longest) / 100,
      plenaryItems: plenary.get(s.id) ?? [],
    })),
    events: rows.map((r) => ({
      id: r.id,
      organisations: [
        `org:${r.lead_organisation_id}`,
        ...coorganisers.filter((c) => c.proposal_id === r.id).map((c) => `org:${c.organisation_id}`),
      ],
      agendaItems: r.agenda_item_ids,
      ...(r.status === "waitlisted" ? { optional: true } : {}),
      audience: r.expected_audience,
      equipment: r.equipment.filter((q) => q !== INTERPRETATION),
      interpretation: r.interpretation.length > 0 || r.equipment.includes(INTERPRETATION),
      // organisations, and panellists by name (in memory only: names never leave this function)
      people: [
        `org:${r.lead_organisation_id}`,
        ...coorganisers.filter((c) => c.proposal_id === r.id).map((c) => `org:${c.organisation_id}`),
        ...panellists
          .filter((p) => p.proposal_id === r.id && p.name)
          .map((p) => `person:${(p.name ?? "").trim().toLowerCase()}`),
      ],
      impossibleSlots: r.impossible_slot_ids,
      preferredSlots: r.preferred_slot_ids,
      score: score.get(r.id) ?? 0,
      themes: r.themes,
    })),
  };
}

export interface StoredProposal {
  id: string;
  sessionId: string;
  source: "greedy" | "highs";
  status: string;
  objective: number;
  bound: number;
  gap: number;
  greedyObjective: number;
  placements: Array<{ eventId: string; roomId: string; slotId: string }>;
  unplaced: Array<{ eventId: string; reason: UnplacedReason; message: string }>;
  createdAt: Date;
}

const reasonText = (lang: Lang, reason: UnplacedReason) => messages[lang][`scheduling.reason.${reason}`];

/** Runs the optimiser on the session and stores the proposed placement (audited). */
export async function optimiseSession(
  ctx: SeCtx,
  sessionSlug: string,
  options: { timeLimitSeconds?: number; instance?: Instance } = {},
): Promise<StoredProposal> {
  requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  // one solve per session at a time, in every process (each holds a worker thread)
  const unlock = await tryLockSession(ctx.db, session.id);
  if (!unlock) throw new AppError("SCHEDULING_RUNNING");
  let result: Awaited<ReturnType<typeof optimise>>;
  try {
    const instance = options.instance ?? (await loadInstance(ctx, session));
    result = await optimise(instance, { timeLimitMs: (options.timeLimitSeconds ?? 30) * 1000 });
  } finally {
    await unlock();
  }
  return storeProposal(ctx, session.id, result);
}

/** Keeps an optimiser result as a proposed placement of the session (audited). */
export async function storeProposal(
  ctx: SeCtx,
  sessionId: string,
  result: OptimiseResult,
): Promise<StoredProposal> {
  const row = await inTransaction(ctx.db, async (trx) => {
    const inserted = await trx
      .insertInto("schedule_proposals")
      .values({
        session_id: sessionId,
        source: result.source,
        status: result.status,
        objective: result.objective,
        bound: result.bound,
        gap: result.gap,
        greedy_objective: result.greedyObjective,
        placements: JSON.stringify(result.placements),
        unplaced: JSON.stringify(result.unplaced),
        created_by: ctx.actor?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: "scheduling.optimise",
      objectType: "schedule_proposal",
      objectId: inserted.id,
      after: {
        sessionId,
        source: result.source,
        objective: result.objective,
        bound: result.bound,
        placed: result.placements.length,
        unplaced: result.unplaced.length,
      },
    });
    return inserted;
  });
  return toStored(row, ctx.lang);
}

export function toStored(
  row: {
    id: string;
    session_id: string;
    source: "greedy" | "highs";
    status: string;
    objective: number;
    bound: number;
    gap: number;
    greedy_objective: number;
    placements: Array<{ eventId: string; roomId: string; slotId: string }>;
    unplaced: Array<{ eventId: string; reason: UnplacedReason }>;
    created_at: Date;
  },
  lang: Lang,
): StoredProposal {
  return {
    id: row.id,
    sessionId: row.session_id,
    source: row.source,
    status: row.status,
    objective: row.objective,
    bound: row.bound,
    gap: row.gap,
    greedyObjective: row.greedy_objective,
    placements: row.placements,
    unplaced: row.unplaced.map((u) => ({ ...u, message: reasonText(lang, u.reason) })),
    createdAt: row.created_at,
  };
}

/** The latest proposed placement of a session, or null. */
export async function latestProposal(ctx: SeCtx, sessionSlug: string) {
  requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  const row = await ctx.db
    .selectFrom("schedule_proposals")
    .selectAll()
    .where("session_id", "=", session.id)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return { session, proposal: row ? toStored(row, ctx.lang) : null };
}
