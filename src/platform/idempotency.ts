/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): a route that declares
 * `config: { idempotency: "required" }` (or "optional") answers a retried submission with the
 * first answer, byte for byte, instead of doing it twice. Keys belong to the signed-in account.
 *
 * A first answer is kept for a day (IDEMPOTENCY_RETENTION_MS), long enough for any client's
 * retries: answers can carry secrets shown once (a private link's token), which must not outlive
 * their purpose in a table. The hourly housekeeping (housekeeping.ts) deletes older keys; a key
 * sent again after that is new.
 */
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "./context.js";
import type { Db, Executor } from "./database.js";
import { AppError } from "./errors.js";

declare module "fastify" {
  interface FastifyContextConfig {
    idempotency?: "required" | "optional";
  }
}

const pending = new WeakMap<FastifyRequest, { userId: string; key: string }>();

function requestHash(request: FastifyRequest): string {
  return createHash("sha256")
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest("hex");
}

export function idempotencyHooks(db: Db) {
  return {
    async preHandler(request: FastifyRequest, reply: FastifyReply) {
      const mode = request.routeOptions.config.idempotency;
      if (!mode || !request.actor) return;
      const key = request.headers["idempotency-key"];
      if (typeof key !== "string" || key.length === 0) {
        if (mode === "required")
          throw new AppError("PRECONDITION_REQUIRED", "Idempotency-Key header required");
        return;
      }
      if (key.length > 200) throw new AppError("BAD_REQUEST", "Idempotency-Key too long");
      const hash = requestHash(request);
      const inserted = await db
        .insertInto("idempotency_keys")
        .values({
          user_id: request.actor.id,
          key,
          method: request.method,
          path: request.url,
          request_hash: hash,
        })
        .onConflict((oc) => oc.columns(["user_id", "key"]).doNothing())
        .returning("key")
        .executeTakeFirst();
      if (inserted) {
        pending.set(request, { userId: request.actor.id, key });
        return;
      }
      const previous = await db
        .selectFrom("idempotency_keys")
        .selectAll()
        .where("user_id", "=", request.actor.id)
        .where("key", "=", key)
        .executeTakeFirstOrThrow();
      if (previous.request_hash !== hash) throw new AppError("IDEMPOTENCY_KEY_REUSED");
      if (previous.status === null) throw new AppError("IDEMPOTENCY_KEY_IN_USE");
      return reply
        .code(previous.status)
        .header("content-type", previous.content_type ?? "application/json")
        .header("idempotent-replayed", "true")
        .send(previous.body);
    },
    async onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
      const entry = pending.get(request);
      if (!entry) return payload;
      pending.delete(request);
      const where = db
        .updateTable("idempotency_keys")
        .where("user_id", "=", entry.userId)
        .where("key", "=", entry.key);
      if (reply.statusCode >= 500 || reply.statusCode === 409 || reply.statusCode === 429) {
        // Not a final answer: let the client retry with the same key.
        await db
          .deleteFrom("idempotency_keys")
          .where("user_id", "=", entry.userId)
          .where("key", "=", entry.key)
          .execute();
      } else {
        await where
          .set({
            status: reply.statusCode,
            content_type: String(reply.getHeader("content-type") ?? "application/json"),
            body: typeof payload === "string" ? payload : payload == null ? "" : String(payload),
          })
          .execute();
      }
      return payload;
    },
  };
}

/** How long a submission's first answer is kept for its retries. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;
/** Deletes the keys, and the answers they keep, older than IDEMPOTENCY_RETENTION_MS. */
export async function expireIdempotencyKeys(db: Executor, clock: Clock): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", new Date(clock.now().getTime() - IDEMPOTENCY_RETENTION_MS))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
