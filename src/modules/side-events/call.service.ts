/** The secretariat's call for side events in a session. */
import { requireSecretariat } from "../../platform/access.js";
import { audit } from "../../platform/audit.js";
import { AppError } from "../../platform/errors.js";
import { getSessionDetail } from "../sessions/sessions.service.js";
import * as q from "./side-events.queries.js";
import type { CallInput } from "./side-events.schemas.js";
import { mutate, type SeCtx } from "./side-events.service.js";
import type { Criterion } from "./side-events.tables.js";

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
