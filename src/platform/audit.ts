/**
 * The audit log: every mutation records who did what to which object, before and after, in the
 * same transaction as the change itself. Only the secretariat reads it.
 */
import type { Ctx } from "./context.js";
import type { Executor } from "./database.js";

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
}

type AuditCtx = Pick<Ctx, "actor" | "requestId" | "ip">;

export async function audit(trx: Executor, ctx: AuditCtx | null, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      actor_id: ctx?.actor?.id ?? null,
      action: entry.action,
      object_type: entry.objectType,
      object_id: entry.objectId ?? null,
      organisation_id: entry.organisationId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: ctx?.requestId ?? null,
      ip: ctx?.ip ?? null,
    })
    .execute();
}
