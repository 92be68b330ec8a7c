/**
 * Selection from the ranking in one action: the secretariat accepts, wait-lists or rejects several
 * proposals, or accepts the top N of the ranking that fit the places left (rooms × side-event
 * slots, less the events already accepted). Each proposal gets the same mails and audit row as a
 * decision taken one by one, all in one transaction: either every decision holds or none does.
 */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { AppError } from "../../platform/errors.js";
import { getSessionDetail } from "../sessions/sessions.service.js";
import { applyDecision, rankProposals } from "./review.service.js";
import { mutate, type SeCtx } from "./side-events.service.js";

export type BulkInput =
  | { proposalIds: string[]; decision: "accept" | "waitlist" | "reject" }
  | { top: number; decision: "accept" };

const statusOf = { accept: "accepted", waitlist: "waitlisted", reject: "rejected" } as const;
const open = ["submitted", "waitlisted"];

/** Places left: every room in every side-event slot, less the accepted events. */
export async function placesLeftIn(
  ctx: SeCtx,
  session: { id: string; rooms: unknown[]; timeSlots: unknown[] },
) {
  const { count } = await ctx.db
    .selectFrom("side_event_proposals")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("session_id", "=", session.id)
    .where("status", "=", "accepted")
    .executeTakeFirstOrThrow();
  return Math.max(0, session.rooms.length * session.timeSlots.length - Number(count));
}

export async function decideProposals(ctx: SeCtx, sessionSlug: string, input: BulkInput) {
  requireSecretariat(ctx);
  const session = await getSessionDetail(ctx, sessionSlug);
  const ranking = await rankProposals(ctx, session.slug);
  let ids: string[];
  let left: string[] = [];
  if ("top" in input) {
    const candidates = ranking.filter((r) => open.includes(r.status)).slice(0, input.top);
    const free = await placesLeftIn(ctx, session);
    ids = candidates.slice(0, free).map((r) => r.id);
    left = candidates.slice(free).map((r) => r.id);
  } else {
    const inSession = new Set(ranking.map((r) => r.id));
    const unknown = input.proposalIds.filter((id) => !inSession.has(id));
    if (unknown.length) throw new AppError("NOT_FOUND", undefined, { proposalIds: unknown });
    ids = [...new Set(input.proposalIds)];
  }
  const status = statusOf[input.decision];
  await mutate(ctx, async (trx) => {
    // in ranking order, so that mails and audit rows read in the order the secretariat saw
    for (const id of ranking.map((r) => r.id).filter((x) => ids.includes(x)))
      await applyDecision(trx, ctx, id, status, {});
    await audit(trx, ctx, {
      action: "side_event_proposals.decided_together",
      objectType: "conference_session",
      objectId: session.id,
      after: { decision: status, proposalIds: ids, notFitting: left },
    });
  });
  return { decision: status, decided: ids, notFitting: left };
}
