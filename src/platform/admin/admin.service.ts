/** What the secretariat reads about the platform itself: the audit log and the mail outbox. */
import { sql } from "kysely";
import { requireSecretariat } from "../access.js";
import type { Ctx } from "../context.js";

export const PAGE_SIZE = 50;

export async function listAuditLog(
  ctx: Ctx,
  filter: { page: number; objectType?: string; objectId?: string },
) {
  requireSecretariat(ctx);
  let query = ctx.db.selectFrom("audit_log as a").leftJoin("users as u", "u.id", "a.actor_id");
  if (filter.objectType) query = query.where("a.object_type", "=", filter.objectType);
  if (filter.objectId) query = query.where("a.object_id", "=", filter.objectId);
  const [rows, total] = await Promise.all([
    query
      .select([
        "a.id",
        "a.at",
        "a.action",
        "a.object_type",
        "a.object_id",
        "a.organisation_id",
        "a.before",
        "a.after",
        "a.request_id",
        "u.email as actor_email",
      ])
      .orderBy("a.id", "desc")
      .limit(PAGE_SIZE)
      .offset((filter.page - 1) * PAGE_SIZE)
      .execute(),
    query.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: total.n, page: filter.page, pageSize: PAGE_SIZE };
}

export async function listOutbox(ctx: Ctx, filter: { page: number }) {
  requireSecretariat(ctx);
  const [rows, total] = await Promise.all([
    ctx.db
      .selectFrom("mail_outbox")
      .select([
        "id",
        "to_address",
        "language",
        "template",
        "subject",
        "text_body",
        "status",
        "created_at",
        "sent_at",
      ])
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(PAGE_SIZE)
      .offset((filter.page - 1) * PAGE_SIZE)
      .execute(),
    ctx.db.selectFrom("mail_outbox").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: total.n, page: filter.page, pageSize: PAGE_SIZE };
}
